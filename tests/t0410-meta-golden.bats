#!/usr/bin/env bats
# t0410-meta-golden: warta-meta against the golden cases of samples/meta
# (written by tests/golden.sh, `make golden`, and reviewed by eye), run
# exactly as they were made, through tests/meta-sample.sh.
#
# The byte comparisons catch any change; the checks after them say what the
# cases are for, reading the output afresh with XPath.

load common

RUN=$WARTA_TOP/tests/meta-sample.sh
META=$SAMPLES/meta

# run_case NAME: runs samples/meta/NAME.args into $out and $out_err.
run_case() {
	out=$BATS_TEST_TMPDIR/$1.xml
	out_err=$BATS_TEST_TMPDIR/$1.err
	"$RUN" "$WARTA_BIN" "$META/$1.args" >"$out" 2>"$out_err"
}

# xp XPATH [FILE]: on $out by default
xp() { xmllint --xpath "$1" "${2:-$out}"; }
# subjects TYPE: the first name of each subject of that type, one a line
subjects() {
	local i n
	n=$(xp "count(//*[local-name()='subject'][@type='$1'])")
	for ((i = 1; i <= n; i++)); do
		# xmllint ends each result with a newline
		xp "string((//*[local-name()='subject'][@type='$1'])[$i]/*[local-name()='name'][1])"
	done
}

@test "every golden case gives its golden bytes, output and messages" {
	local args name bad=0
	for args in "$META"/*.args; do
		name=$(basename "${args%.args}")
		run_case "$name"
		if [ ! -f "$META/$name.xml" ]; then
			# No golden output: the case writes nothing.
			if [ -s "$out" ]; then
				echo "$name: wrote output, expected none" >&2
				bad=1
			fi
		elif ! cmp -s "$out" "$META/$name.xml"; then
			echo "$name: standard output differs from $name.xml:" >&2
			diff "$META/$name.xml" "$out" | head -20 >&2
			bad=1
		fi
		if ! cmp -s "$out_err" "$META/$name.err"; then
			echo "$name: standard error differs from $name.err:" >&2
			diff "$META/$name.err" "$out_err" >&2
			bad=1
		fi
	done
	[ "$bad" = 0 ]
}

@test "every golden output is valid NewsML-G2" {
	need_shared
	local f
	for f in "$META"/*.xml; do
		[ -s "$f" ] || continue
		validate "$f"
	done
}

@test "a bad option or spreadsheet: exit 2, nothing written, the line named" {
	local name
	for name in bad-urgency bad-date-no-zone bad-language bad-subject \
	    bad-pubstatus bad-genre bad-sidecar-column bad-sidecar-quote \
	    bad-sidecar-fields bad-sidecar-cell; do
		run_case "$name"
		[ ! -s "$out" ] || { echo "$name: wrote output" >&2; return 1; }
		expect "$name status" "$(tail -n 1 "$out_err")" "exit 2"
		expect "$name lines" "$(wc -l <"$out_err")" 2
	done
	run_case bad-sidecar-quote
	has quote "$(cat "$out_err")" "bad-quote.csv: line 2:" "quote"
	run_case bad-sidecar-fields
	has fields "$(cat "$out_err")" "bad-fields.csv: line 3:"
	run_case bad-sidecar-cell
	has cell "$(cat "$out_err")" "bad-cell.csv: line 3: urgency"
	run_case bad-sidecar-column
	has column "$(cat "$out_err")" "'colour'" "known: file, guid," \
	    "keyword, note"
}

@test "the seed: people, organizations, places, topics, language" {
	run_case seed
	expect people "$(subjects cpnat:person)" "Anwar Sanusi
Heru Wibowo"
	has orgs "$(xp "//*[local-name()='subject'][@type='cpnat:organisation']")" \
	    '<name role="nrol:short">Kemnaker</name>' \
	    '<name role="nrol:full">Kementerian Ketenagakerjaan</name>' \
	    '<name role="nrol:short">BBPLK Semarang</name>'
	expect places "$(subjects cpnat:geoArea)" "Semarang
Jawa Tengah"
	expect "Semarang in" "$(xp "string-join(//*[local-name()='subject'][*[local-name()='name']='Semarang']/*[local-name()='broader']/*[local-name()='name'], '/')" 2>/dev/null ||
	    xp "concat((//*[local-name()='subject'][*[local-name()='name']='Semarang']/*[local-name()='broader'])[1]/*, '/', (//*[local-name()='subject'][*[local-name()='name']='Semarang']/*[local-name()='broader'])[2]/*)")" \
	    "Jawa Tengah/Indonesia"
	expect labour "$(xp "string(//*[local-name()='subject'][@qcode='medtop:09000000']/@why)")" "why:inferred"
	expect language "$(xp "string(//*[local-name()='language']/@tag)")" id
	expect version "$(xp "string(/*/@version)")" 2
	expect "hop 2" "$(xp "string(//*[local-name()='hop'][@seq='2']/*[local-name()='party'])" | tr -d ' \n')" "warta-meta0.1.0"
	expect summary "$(xp "string(//*[local-name()='description'][@role='drol:summary'])")" \
	    "Dalam upaya menerapkan reformasi birokrasi dan reformasi Balai Latihan Kerja (BLK), Sekretaris Jenderal Kementerian Ketenagakerjaan (Kemnaker) Anwar Sanusi mengunjungi Balai Besar Pengembangan Latihan Kerja (BBPLK) Semarang, Jawa Tengah, Selasa (10/8/2021)."
	expect words "$(xp "string(//*[local-name()='inlineXML']/@wordcount)")" 299
	# Every find is marked as the tool's, none is left unmarked.
	expect unmarked "$(xp "count(//*[local-name()='subject'][not(@how='howextr:tool') or not(@creatoruri)])")" 0
}

@test "English wire copy: 'said Maria Lopez', 'Chief executive John Whitfield'" {
	run_case people-en
	expect people "$(subjects cpnat:person)" "Maria Lopez
John Whitfield"
	has places "$(subjects cpnat:geoArea)" "New York" "Japan"
}

@test "a weekday alone resolves against the date the options give" {
	run_case weekday-only
	expect created "$(xp "string(//*[local-name()='contentCreated'])")" 2021-08-12
	# Senin before Thursday 12 August 2021 is Monday 9 August.
	expect mentioned "$(xp "string(//*[local-name()='contentMetaExtProperty'][contains(@reluri, 'date-mentioned')]/@value)")" 2021-08-09
}

@test "every option sets its field" {
	run_case every-option
	expect status "$(tail -n 1 "$out_err")" "exit 0"
	expect provider "$(xp "string(//*[local-name()='provider']/@uri)")" https://maritim.example/
	expect provider-name "$(xp "string(//*[local-name()='provider']/*[local-name()='name'])")" "Harian Maritim"
	expect holder "$(xp "string(//*[local-name()='copyrightHolder']/*[local-name()='name'])")" "PT Maritim Media"
	expect notice "$(xp "string(//*[local-name()='copyrightNotice'])")" "Copyright 2021 PT Maritim Media. All rights reserved."
	expect usage "$(xp "string(//*[local-name()='usageTerms'])")" "For research and archival use only."
	expect source "$(xp "string(//*[local-name()='infoSource']/*[local-name()='name'])")" "Harian Maritim"
	local ext="//*[local-name()='contentMetaExtProperty']"
	expect edition "$(xp "string($ext[contains(@reluri, ':edition')]/@value)")" Pagi
	expect page "$(xp "string($ext[contains(@reluri, ':page')]/@value)")" A3
	expect section "$(xp "string($ext[contains(@reluri, ':section')]/@value)")" Nasional
	expect genre "$(xp "string(//*[local-name()='genre']/@qcode)")" genre:Current
	expect urgency "$(xp "string(//*[local-name()='urgency'])")" 4
	expect pubstatus "$(xp "string(//*[local-name()='pubStatus']/@qcode)")" stat:withheld
	expect headline "$(xp "string(//*[local-name()='headline'])")" "Sekjen Kemnaker canangkan BBPLK Semarang bebas korupsi"
	expect byline "$(xp "string(//*[local-name()='by'])")" "Purwanto (Maritim)"
	expect date "$(xp "string(//*[local-name()='contentCreated'])")" 2021-08-10T09:30:00+07:00
	expect language "$(xp "string(//*[local-name()='language']/@tag)")" id
	expect subjects "$(xp "count(//*[local-name()='subject'][@qcode='medtop:09000000' or @qcode='medtop:11000000'][not(@why)])")" 2
	expect keywords "$(xp "string-join(//*[local-name()='keyword'], ',')" 2>/dev/null ||
	    xp "concat(//*[local-name()='keyword'][1], ',', //*[local-name()='keyword'][2])")" \
	    "reformasi birokrasi,zona integritas"
	expect note "$(xp "string(//*[local-name()='edNote'])")" "Scanned from the 1987 microfilm, reel 12."
}

@test "a sidecar sets fields by file name and by guid, and counts what did not match" {
	run_case sidecar
	local first="(//*[local-name()='newsItem'])[1]" second="(//*[local-name()='newsItem'])[2]"
	expect headline "$(xp "string($first//*[local-name()='headline'])")" 'BBPLK Semarang, "wilayah bebas korupsi"'
	expect note "$(xp "string($first//*[local-name()='edNote'])")" "Microfilm reel 12,
frame 40"
	expect page "$(xp "string($first//*[local-name()='contentMetaExtProperty'][contains(@reluri, ':page')]/@value)")" 5
	expect "by guid" "$(xp "string($second//*[local-name()='provider']/*[local-name()='name'])")" ANTARA
	expect "guid subject" "$(xp "string($second//*[local-name()='subject'][@qcode='medtop:04000000']/@type)")" cpnat:abstract
	has counts "$(cat "$out_err")" "archive.csv: line 5: no item has this file name" \
	    "2 rows matched, 1 row matched no item, 1 item matched no row"
}

@test "a Windows-1252 sidecar is read as Windows-1252" {
	run_case sidecar-windows-1252
	expect holder "$(xp "string(//*[local-name()='copyrightHolder']/*[local-name()='name'])")" "Penerbit Café Semarang"
	expect headline "$(xp "string(//*[local-name()='headline'])")" "“Bebas korupsi” – BBPLK Semarang"
}

@test "a stream cut short: the items before the break come out, exit 1" {
	run_case truncated-stream
	expect items "$(xp "count(/*[local-name()='newsItem'])")" 1
	expect status "$(tail -n 1 "$out_err")" "exit 1"
	has message "$(cat "$out_err")" "input/truncated.xml: not well-formed XML at byte"
}

@test "a second run with the same arguments changes nothing" {
	local name
	for name in seed every-option sidecar people-en weekday-only; do
		run_case "$name"
		cp "$out" "$BATS_TEST_TMPDIR/first.xml"
		# the same arguments, with the first output as the only input
		sed '$d' "$META/$name.args" | grep -v '\.xml$' >"$META/.again-$$.args" || true
		echo "$BATS_TEST_TMPDIR/first.xml" >>"$META/.again-$$.args"
		"$RUN" "$WARTA_BIN" "$META/.again-$$.args" >"$BATS_TEST_TMPDIR/second.xml" 2>/dev/null
		rm -f "$META/.again-$$.args"
		cmp "$BATS_TEST_TMPDIR/first.xml" "$BATS_TEST_TMPDIR/second.xml" || {
			echo "$name: the second run changed the output" >&2
			return 1
		}
	done
}
