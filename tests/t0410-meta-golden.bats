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

# Every case runs once, here, and the tests read what it wrote: a run
# costs processes, and the same arguments give the same bytes (the last
# test checks that).  Checking happens in the tests, not here.
setup_file() {
	local args name
	mkdir -p "$BATS_FILE_TMPDIR/cases"
	for args in "$META"/*.args; do
		name=${args##*/}
		name=${name%.args}
		"$RUN" "$WARTA_BIN" "$args" >"$BATS_FILE_TMPDIR/cases/$name.xml" \
		    2>"$BATS_FILE_TMPDIR/cases/$name.err"
	done
}

# run_case NAME: sets $out and $out_err to what samples/meta/NAME.args
# wrote, and $err to the latter's text.
run_case() {
	out=$BATS_FILE_TMPDIR/cases/$1.xml
	out_err=$BATS_FILE_TMPDIR/cases/$1.err
	[ -f "$out_err" ] || { echo "$1: no such case" >&2; return 1; }
	err=$(<"$out_err")
}

# xp XPATH [FILE]: on $out by default
xp() { xmllint --xpath "$1" "${2:-$out}"; }
# x NAME=XPATH...: the string value of each XPath on $out, from one
# xmllint, in the variable NAME (as $(xp "string(XPATH)") gives it).
x() {
	local a names=() exprs=() i
	for a in "$@"; do
		names+=("${a%%=*}")
		exprs+=("${a#*=}")
	done
	xvals "$out" "${exprs[@]}" || { echo "xmllint cannot read $out" >&2; return 1; }
	for i in "${!names[@]}"; do
		printf -v "${names[i]}" '%s' "${XV[i]}"
	done
}
# subjects TYPE: the first name of each subject of that type, one a line
subjects() {
	local i n e=()
	xvals "$out" "count(//*[local-name()='subject'][@type='$1'])"
	n=${XV[0]}
	for ((i = 1; i <= n; i++)); do
		e+=("(//*[local-name()='subject'][@type='$1'])[$i]/*[local-name()='name'][1]")
	done
	xvals "$out" "${e[@]}"
	# as one xmllint a name gave it: each name on a line of its own
	[ "$n" = 0 ] || printf '%s\n' "${XVRAW[@]}"
}

# last_line_and_count FILE: $last as $(tail -n 1 FILE) gives it, $nlines
# as wc -l <FILE counts (its newlines), without their two processes.
last_line_and_count() {
	local text='' nl l=()
	IFS= read -r -d '' text <"$1" || true
	nl=${text//[!$'\n']/}
	nlines=${#nl}
	mapfile -t l <<<"${text%$'\n'}"
	last=${l[*]: -1}
	[ -n "$text" ] || last=
}

# same_bytes A B...: A B pairs, each alike byte for byte?  Sets SAME[i]
# to 1 or 0 for the i-th pair, from one sha256sum for them all.
same_bytes() {
	local h=() l i
	SAME=()
	while IFS= read -r l; do h+=("${l%% *}"); done < <(sha256sum -- "$@")
	[ "${#h[@]}" = $# ] || { echo "sha256sum: ${#h[@]} sums for $# files" >&2; return 1; }
	for ((i = 0; i < $#; i += 2)); do
		[ "${h[i]}" = "${h[i + 1]}" ] && SAME+=(1) || SAME+=(0)
	done
}

@test "every golden case gives its golden bytes, output and messages" {
	local args name names=() pairs=() i bad=0
	for args in "$META"/*.args; do
		name=${args##*/}
		name=${name%.args}
		run_case "$name"
		names+=("$name")
		if [ ! -f "$META/$name.xml" ]; then
			# No golden output: the case writes nothing.
			if [ -s "$out" ]; then
				echo "$name: wrote output, expected none" >&2
				bad=1
			fi
			pairs+=("$out" "$out")
		else
			pairs+=("$out" "$META/$name.xml")
		fi
		pairs+=("$out_err" "$META/$name.err")
	done
	same_bytes "${pairs[@]}"
	for i in "${!names[@]}"; do
		name=${names[i]}
		run_case "$name"
		if [ "${SAME[2 * i]}" != 1 ]; then
			echo "$name: standard output differs from $name.xml:" >&2
			diff "$META/$name.xml" "$out" | head -20 >&2
			bad=1
		fi
		if [ "${SAME[2 * i + 1]}" != 1 ]; then
			echo "$name: standard error differs from $name.err:" >&2
			diff "$META/$name.err" "$out_err" >&2
			bad=1
		fi
	done
	[ "$bad" = 0 ]
}

@test "every golden output is valid NewsML-G2" {
	need_shared
	local f files=()
	for f in "$META"/*.xml; do
		[ -s "$f" ] || continue
		files+=("$f")
	done
	# one xmllint validates them all, and fails when one is not valid
	xmllint --nonet --noout --schema "$(XSD)" "${files[@]}"
}

@test "a bad option or spreadsheet: exit 2, nothing written, the line named" {
	local name
	for name in bad-urgency bad-date-no-zone bad-language bad-subject \
	    bad-pubstatus bad-genre bad-sidecar-column bad-sidecar-quote \
	    bad-sidecar-fields bad-sidecar-cell; do
		run_case "$name"
		[ ! -s "$out" ] || { echo "$name: wrote output" >&2; return 1; }
		last_line_and_count "$out_err"
		expect "$name status" "$last" "exit 2"
		expect "$name lines" "$nlines" 2
	done
	run_case bad-sidecar-quote
	has quote "$err" "bad-quote.csv: line 2:" "quote"
	run_case bad-sidecar-fields
	has fields "$err" "bad-fields.csv: line 3:"
	run_case bad-sidecar-cell
	has cell "$err" "bad-cell.csv: line 3: urgency"
	run_case bad-sidecar-column
	has column "$err" "'colour'" "known: file, guid," \
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
	# XPath 1 has no string-join: the two broader names, joined by hand
	local semarang="//*[local-name()='subject'][*[local-name()='name']='Semarang']"
	local broader labour language version hop summary words unmarked
	x broader="concat(($semarang/*[local-name()='broader'])[1]/*, '/', ($semarang/*[local-name()='broader'])[2]/*)" \
	    labour="//*[local-name()='subject'][@qcode='medtop:09000000']/@why" \
	    language="//*[local-name()='language']/@tag" \
	    version="/*/@version" \
	    hop="//*[local-name()='hop'][@seq='2']/*[local-name()='party']" \
	    summary="//*[local-name()='description'][@role='drol:summary']" \
	    words="//*[local-name()='inlineXML']/@wordcount" \
	    unmarked="count(//*[local-name()='subject'][not(@how='howextr:tool') or not(@creatoruri)])"
	expect "Semarang in" "$broader" "Jawa Tengah/Indonesia"
	expect labour "$labour" "why:inferred"
	expect language "$language" id
	expect version "$version" 2
	expect "hop 2" "${hop//[ $'\n']/}" "warta-meta0.1.0"
	expect summary "$summary" \
	    "Dalam upaya menerapkan reformasi birokrasi dan reformasi Balai Latihan Kerja (BLK), Sekretaris Jenderal Kementerian Ketenagakerjaan (Kemnaker) Anwar Sanusi mengunjungi Balai Besar Pengembangan Latihan Kerja (BBPLK) Semarang, Jawa Tengah, Selasa (10/8/2021)."
	expect words "$words" 299
	# Every find is marked as the tool's, none is left unmarked.
	expect unmarked "$unmarked" 0
}

@test "English wire copy: 'said Maria Lopez', 'Chief executive John Whitfield'" {
	run_case people-en
	expect people "$(subjects cpnat:person)" "Maria Lopez
John Whitfield"
	has places "$(subjects cpnat:geoArea)" "New York" "Japan"
}

@test "a weekday alone resolves against the date the options give" {
	run_case weekday-only
	local created mentioned
	x created="//*[local-name()='contentCreated']" \
	    mentioned="//*[local-name()='contentMetaExtProperty'][contains(@reluri, 'date-mentioned')]/@value"
	expect created "$created" 2021-08-12
	# Senin before Thursday 12 August 2021 is Monday 9 August.
	expect mentioned "$mentioned" 2021-08-09
}

@test "every option sets its field" {
	run_case every-option
	last_line_and_count "$out_err"
	expect status "$last" "exit 0"
	local ext="//*[local-name()='contentMetaExtProperty']"
	local provider provider_name holder notice usage source edition page \
	    section genre urgency pubstatus headline byline date language \
	    subjects keywords note
	x provider="//*[local-name()='provider']/@uri" \
	    provider_name="//*[local-name()='provider']/*[local-name()='name']" \
	    holder="//*[local-name()='copyrightHolder']/*[local-name()='name']" \
	    notice="//*[local-name()='copyrightNotice']" \
	    usage="//*[local-name()='usageTerms']" \
	    source="//*[local-name()='infoSource']/*[local-name()='name']" \
	    edition="${ext}[contains(@reluri, ':edition')]/@value" \
	    page="${ext}[contains(@reluri, ':page')]/@value" \
	    section="${ext}[contains(@reluri, ':section')]/@value" \
	    genre="//*[local-name()='genre']/@qcode" \
	    urgency="//*[local-name()='urgency']" \
	    pubstatus="//*[local-name()='pubStatus']/@qcode" \
	    headline="//*[local-name()='headline']" \
	    byline="//*[local-name()='by']" \
	    date="//*[local-name()='contentCreated']" \
	    language="//*[local-name()='language']/@tag" \
	    subjects="count(//*[local-name()='subject'][@qcode='medtop:09000000' or @qcode='medtop:11000000'][not(@why)])" \
	    keywords="concat(//*[local-name()='keyword'][1], ',', //*[local-name()='keyword'][2])" \
	    note="//*[local-name()='edNote']"
	expect provider "$provider" https://maritim.example/
	expect provider-name "$provider_name" "Harian Maritim"
	expect holder "$holder" "PT Maritim Media"
	expect notice "$notice" "Copyright 2021 PT Maritim Media. All rights reserved."
	expect usage "$usage" "For research and archival use only."
	expect source "$source" "Harian Maritim"
	expect edition "$edition" Pagi
	expect page "$page" A3
	expect section "$section" Nasional
	expect genre "$genre" genre:Current
	expect urgency "$urgency" 4
	expect pubstatus "$pubstatus" stat:withheld
	expect headline "$headline" "Sekjen Kemnaker canangkan BBPLK Semarang bebas korupsi"
	expect byline "$byline" "Purwanto (Maritim)"
	expect date "$date" 2021-08-10T09:30:00+07:00
	expect language "$language" id
	expect subjects "$subjects" 2
	# XPath 1 has no string-join: the two keywords, joined by hand
	expect keywords "$keywords" "reformasi birokrasi,zona integritas"
	expect note "$note" "Scanned from the 1987 microfilm, reel 12."
}

@test "a sidecar sets fields by file name and by guid, and counts what did not match" {
	run_case sidecar
	local first="(//*[local-name()='newsItem'])[1]" second="(//*[local-name()='newsItem'])[2]"
	local headline note page byguid guidsubject
	x headline="$first//*[local-name()='headline']" \
	    note="$first//*[local-name()='edNote']" \
	    page="$first//*[local-name()='contentMetaExtProperty'][contains(@reluri, ':page')]/@value" \
	    byguid="$second//*[local-name()='provider']/*[local-name()='name']" \
	    guidsubject="$second//*[local-name()='subject'][@qcode='medtop:04000000']/@type"
	expect headline "$headline" 'BBPLK Semarang, "wilayah bebas korupsi"'
	expect note "$note" "Microfilm reel 12,
frame 40"
	expect page "$page" 5
	expect "by guid" "$byguid" ANTARA
	expect "guid subject" "$guidsubject" cpnat:abstract
	has counts "$err" "archive.csv: line 5: no item has this file name" \
	    "2 rows matched, 1 row matched no item, 1 item matched no row"
}

@test "a Windows-1252 sidecar is read as Windows-1252" {
	run_case sidecar-windows-1252
	local holder headline
	x holder="//*[local-name()='copyrightHolder']/*[local-name()='name']" \
	    headline="//*[local-name()='headline']"
	expect holder "$holder" "Penerbit Café Semarang"
	expect headline "$headline" "“Bebas korupsi” – BBPLK Semarang"
}

@test "a stream cut short: the items before the break come out, exit 1" {
	run_case truncated-stream
	local items
	x items="count(/*[local-name()='newsItem'])"
	expect items "$items" 1
	last_line_and_count "$out_err"
	expect status "$last" "exit 1"
	has message "$err" "input/truncated.xml: not well-formed XML at byte"
}

@test "a second run with the same arguments changes nothing" {
	local name l pairs=() names=() i
	for name in seed every-option sidecar people-en weekday-only; do
		run_case "$name"
		cp "$out" "$BATS_TEST_TMPDIR/$name.first.xml"
		# the same arguments, with the first output as the only input
		local a=()
		mapfile -t a <"$META/$name.args"
		unset 'a[${#a[@]}-1]'
		for l in "${a[@]}"; do
			[[ $l == *.xml ]] || printf '%s\n' "$l"
		done >"$META/.again-$$.args"
		echo "$BATS_TEST_TMPDIR/$name.first.xml" >>"$META/.again-$$.args"
		"$RUN" "$WARTA_BIN" "$META/.again-$$.args" >"$BATS_TEST_TMPDIR/$name.second.xml" 2>/dev/null
		rm -f "$META/.again-$$.args"
		names+=("$name")
		pairs+=("$BATS_TEST_TMPDIR/$name.first.xml" "$BATS_TEST_TMPDIR/$name.second.xml")
	done
	same_bytes "${pairs[@]}"
	for i in "${!names[@]}"; do
		[ "${SAME[i]}" = 1 ] || {
			cmp "${pairs[2 * i]}" "${pairs[2 * i + 1]}"
			echo "${names[i]}: the second run changed the output" >&2
			return 1
		}
	done
}
