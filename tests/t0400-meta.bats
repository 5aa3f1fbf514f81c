#!/usr/bin/env bats
# t0400-meta: warta-meta as a program: what it finds in the seed, every
# option and every sidecar column setting its field, bad options and bad
# spreadsheets refused before anything is written, versions and hops,
# idempotence byte for byte, the stream shapes, bad input, and the IPTC
# examples going through with only what was asked changed.

load common

G2=http://iptc.org/std/nar/2006-10-01/
SEED=$WARTA_TOP/samples/semarang-maritim-purwanto.txt
SEED_GUID=urn:newsml:warta.invalid:20210810:0fb56732ef35c24e
NOW=2023-11-14T22:13:20Z
PROP=tag:warta.invalid,2026:property:
AGENT=tag:warta.invalid,2026:warta-meta
VOCAB=${WARTA_SHARED:-/nonexistent}/newsml-g2/vocab/medtop-active-en.tsv
EXAMPLES=${WARTA_SHARED:-/nonexistent}/newsml-g2/examples

# The same values, given as options and as sidecar cells.
OPTS=(--provider maritim.example --provider-name 'Maritim Online'
    --copyright-holder 'PT Maritim Media' --copyright-notice '© 2021 PT Maritim Media'
    --usage-terms 'Arsip; tidak untuk dijual kembali' --source 'Harian Maritim'
    --edition 'Edisi Pagi' --page A3 --section Nasional --genre genre:Current
    --urgency 3 --pubstatus withheld
    --headline 'Sekjen Kemnaker kunjungi BBPLK Semarang'
    --byline 'Purwanto (Semarang)' --date 2021-08-10T09:30:00+07:00
    --language en-GB --subject medtop:09000000 --subject medtop:11000000
    --keyword reformasi --keyword birokrasi
    --note 'Dipindai dari arsip, halaman "rusak"')

CSV_HEADER='file,provider,provider-name,copyright-holder,copyright-notice,usage-terms,source,edition,page,section,genre,urgency,pubstatus,headline,byline,date,language,subject,keyword,note'
CSV_CELLS='maritim.example,Maritim Online,PT Maritim Media,© 2021 PT Maritim Media,Arsip; tidak untuk dijual kembali,Harian Maritim,Edisi Pagi,A3,Nasional,genre:Current,3,withheld,Sekjen Kemnaker kunjungi BBPLK Semarang,Purwanto (Semarang),2021-08-10T09:30:00+07:00,en-GB,medtop:09000000;medtop:11000000,reformasi;birokrasi,"Dipindai dari arsip, halaman ""rusak"""'

# The seed's item, made once a file; each test gets its own copy (copied
# by bash: a process costs more than the copy).
setup_file() {
	warta-normalize -q "$SEED" >"$BATS_FILE_TMPDIR/seed.xml"
}
setup() {
	local s
	T=$BATS_TEST_TMPDIR
	IFS= read -r -d '' s <"$BATS_FILE_TMPDIR/seed.xml" || true
	printf '%s' "$s" >"$T/seed.xml"
}

# gx EXPR: EXPR, where g:NAME stands for an element NAME in any namespace
# (xmllint --xpath cannot bind a prefix), as XPath, in $GX; with bash's
# own regex, as sed -E 's/(^|[^A-Za-z0-9_:.-])g:([A-Za-z][A-Za-z0-9]*)/
# \1*[local-name()="\2"]/g' would, without its processes.
gx() {
	local in=$1 out='' re='(^|[^A-Za-z0-9_:.-])g:([A-Za-z][A-Za-z0-9]*)'
	while [[ $in =~ $re ]]; do
		out+=${in%%"${BASH_REMATCH[0]}"*}${BASH_REMATCH[1]}'*[local-name()="'${BASH_REMATCH[2]}'"]'
		in=${in#*"${BASH_REMATCH[0]}"}
	done
	GX=$out$in
}

# x FILE EXPR: EXPR evaluated on FILE, g:NAME as gx reads it.
x() {
	untraced gx "$2"
	xmllint --nonet --xpath "$GX" "$1" 2>/dev/null
}

# are FILE EXPR WANT [EXPR WANT]...: each EXPR's value on FILE is its
# WANT, or say what each that is not was; all from one xmllint (xvals).
# For EXPRs whose value is a string or a count.
are() { untraced are_ "$@"; }
are_() {
	local f=$1 bad=0 i
	local -a es=() ws=() gs=()
	shift
	while [ $# -ge 2 ]; do
		gx "$1"
		es+=("$1") gs+=("$GX") ws+=("$2")
		shift 2
	done
	xvals "$f" "${gs[@]}" || true
	for i in "${!es[@]}"; do
		[ "${XV[i]}" = "${ws[i]}" ] || {
			echo "${es[i]}: got '${XV[i]}', want '${ws[i]}'"
			bad=1
		}
	done
	[ "$bad" = 0 ]
}

# is FILE EXPR WANT: EXPR's value on FILE is WANT, or say what it was.
is() { are "$1" "$2" "$3"; }

# changed FILE [N]: item N (default: the root) has version 2, versionCreated
# now, and a last hop made by warta-meta.
changed() {
	local it=${2:+(//g:itemSet/*)[$2]}
	it=${it:-/*}
	are "$1" "string($it/@version)" 2 \
	    "string($it/g:itemMeta/g:versionCreated)" "$NOW" \
	    "string($it/g:hopHistory/g:hop[last()]/g:party/g:name)" 'warta-meta 0.1.0' \
	    "string($it/g:hopHistory/g:hop[last()]/g:action/@qcode)" hopaction:enhanced \
	    "string($it/g:hopHistory/g:hop[last()]/g:action/@target)" hatarget:metadata \
	    "string($it/g:hopHistory/g:hop[last()]/@timestamp)" "$NOW"
}

# every_field FILE: the values of OPTS (and CSV_CELLS) are all in the item.
every_field() {
	local cm='/*/g:contentMeta' im='/*/g:itemMeta' ri='/*/g:rightsInfo'
	are "$1" \
	    "count($im/g:provider)" 1 \
	    "string($im/g:provider/@uri)" https://maritim.example/ \
	    "string($im/g:provider/g:name)" 'Maritim Online' \
	    "string($ri/g:copyrightHolder/g:name)" 'PT Maritim Media' \
	    "string($ri/g:copyrightNotice)" '© 2021 PT Maritim Media' \
	    "string($ri/g:usageTerms)" 'Arsip; tidak untuk dijual kembali' \
	    "count($cm/g:infoSource)" 1 \
	    "string($cm/g:infoSource/g:name)" 'Harian Maritim' \
	    "string($cm/g:contentMetaExtProperty[@reluri=\"${PROP}edition\"]/@value)" 'Edisi Pagi' \
	    "string($cm/g:contentMetaExtProperty[@reluri=\"${PROP}page\"]/@value)" A3 \
	    "string($cm/g:contentMetaExtProperty[@reluri=\"${PROP}section\"]/@value)" Nasional \
	    "string($cm/g:genre/@qcode)" genre:Current \
	    "string($cm/g:urgency)" 3 \
	    "string($im/g:pubStatus/@qcode)" stat:withheld \
	    "count($cm/g:headline)" 1 \
	    "string($cm/g:headline)" 'Sekjen Kemnaker kunjungi BBPLK Semarang' \
	    "count($cm/g:by)" 1 \
	    "string($cm/g:by)" 'Purwanto (Semarang)' \
	    "string($cm/g:contentCreated)" 2021-08-10T09:30:00+07:00 \
	    "count($cm/g:language)" 1 \
	    "string($cm/g:language/@tag)" en-GB \
	    'string(/*/@xml:lang)' en-GB \
	    "count($cm/g:subject[@qcode=\"medtop:09000000\"])" 1 \
	    "count($cm/g:subject[@qcode=\"medtop:11000000\"])" 1 \
	    "count($cm/g:keyword[.=\"reformasi\"])" 1 \
	    "count($cm/g:keyword[.=\"birokrasi\"])" 1 \
	    "string($im/g:edNote)" 'Dipindai dari arsip, halaman "rusak"'
}

# usage_error ARGS...: warta-meta exits 2, writes nothing on stdout and one
# line on stderr that begins with its name.  The seed is on stdin, so a
# value must be refused before any input is read.
usage_error() {
	qrun -2 warta-meta "$@" <"$T/seed.xml"
	[ -z "$output" ] || { echo "stdout for $*: $output"; return 1; }
	[ "${#stderr_lines[@]}" -eq 1 ] || { echo "stderr for $*: $stderr"; return 1; }
	[[ "$stderr" == "warta-meta: "* ]] || { echo "stderr for $*: $stderr"; return 1; }
}

# sidecar_error CSV LINE: the sidecar is refused: exit 2, nothing written,
# one message naming the file and the line.
sidecar_error() {
	qrun -2 warta-meta --no-find --sidecar "$1" "$T/seed.xml"
	[ -z "$output" ] || { echo "stdout: $output"; return 1; }
	[[ "$stderr" == "warta-meta: $1: line $2: "* ]] || { echo "stderr: $stderr"; return 1; }
	[ "${#stderr_lines[@]}" -eq 1 ] || { echo "stderr: $stderr"; return 1; }
}

# validate_later FILE ... validate_all: the schema checks, left to the end
# of a test so that where ../shared is absent every other check still runs
# before the test is reported as skipped.
validate_later() {
	printf '%s\n' "$@" >>"$T/to-validate"
}
validate_all() {
	local -a fs
	[ -s "$T/to-validate" ] || return 0
	mapfile -t fs <"$T/to-validate"
	validate_many "${fs[@]}"
}

# validate_many FILE...: validate (common.bash) on every FILE, in one
# xmllint: the schema is read once.  xmllint names each file that fails.
validate_many() {
	need_shared
	xmllint --nonet --noout --schema "$(XSD)" "$@"
}

# dump FILE [N]: item N of FILE's itemSet (default: the root element), as
# libxml2 serializes it: a form where an unchanged item compares equal
# whatever its document's encoding or XML declaration.
dump() {
	if [ -n "${2:-}" ]; then
		x "$1" "(//g:itemSet/*)[$2]"
	else
		xmllint --nonet --xpath '/*' "$1"
	fi
}

# guids FILE: the guids of the items in FILE, one a line.
guids() {
	grep -o '<[A-Za-z]*Item [^>]*guid="[^"]*"' "$1" | sed 's/.*guid="//; s/"$//'
}

@test "--help and --version" {
	qrun warta-meta --help
	[ "$status" -eq 0 ]
	[[ "$output" == *usage:*warta-meta* ]]
	[[ "$output" == *--sidecar* ]]
	run -0 warta-meta -h
	run warta-meta --version
	[ "$status" -eq 0 ]
	[[ "$output" =~ ^warta-meta\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
	run -0 warta-meta -V
}

@test "the seed: people, organizations, places, topics, language, all marked as found" {
	qrun -0 warta-meta "$T/seed.xml"
	printf '%s\n' "$output" >"$T/out.xml"
	S='/*/g:contentMeta/g:subject'
	P="$S[@type=\"cpnat:person\"]"
	O="$S[@type=\"cpnat:organisation\"]"
	G="$S[@type=\"cpnat:geoArea\"]"
	are "$T/out.xml" \
	    "count($P[g:name=\"Anwar Sanusi\"])" 1 \
	    "count($P[g:name=\"Heru Wibowo\"])" 1
	[ "$(x "$T/out.xml" "count($O[g:name[contains(., \"Kemnaker\")]])")" -ge 1 ]
	[ "$(x "$T/out.xml" "count($O[g:name[contains(., \"BBPLK\") and contains(., \"Semarang\")]])")" -ge 1 ]
	are "$T/out.xml" \
	    "count($G[g:name=\"Semarang\"])" 1 \
	    "count($G[g:name=\"Jawa Tengah\"])" 1
	# Semarang lies in Jawa Tengah, in Indonesia.
	are "$T/out.xml" \
	    "count($G[g:name=\"Semarang\"]/g:broader[@type=\"cpnat:geoArea\"][g:name=\"Jawa Tengah\"])" 1 \
	    "count($G[g:name=\"Semarang\"]/g:broader[@type=\"cpnat:geoArea\"][g:name=\"Indonesia\"])" 1
	# A fitting Media Topic: labour, or politics and government.
	[ "$(x "$T/out.xml" "count($S[@qcode=\"medtop:09000000\" or @qcode=\"medtop:11000000\"])")" -ge 1 ]
	are "$T/out.xml" \
	    "count($S[starts-with(@qcode, \"medtop:\")][not(@confidence)])" 0 \
	    'string(/*/g:contentMeta/g:language/@tag)' id \
	    'string(/*/@xml:lang)' id
	# Everything found is marked as the tool's: named, or inferred.
	are "$T/out.xml" \
	    "count($S[@type=\"cpnat:person\" or @type=\"cpnat:organisation\" or @type=\"cpnat:geoArea\"][not(@why=\"why:direct\")])" 0 \
	    "count($S[starts-with(@qcode, \"medtop:\")][not(@why=\"why:inferred\")])" 0 \
	    "count($S[not(@how=\"howextr:tool\")])" 0 \
	    "count($S[not(@creatoruri=\"$AGENT\")])" 0
	# The lede as the summary, inferred; the word count.
	D='/*/g:contentMeta/g:description[@role="drol:summary"]'
	is "$T/out.xml" "count($D)" 1
	[[ "$(x "$T/out.xml" "string($D)")" == "Dalam upaya menerapkan reformasi birokrasi"* ]]
	are "$T/out.xml" \
	    "string($D/@why)" why:inferred \
	    "string($D/@how)" howextr:tool \
	    "string($D/@creatoruri)" "$AGENT"
	# Every word of the seed has a letter or a digit in it.
	is "$T/out.xml" 'string(//g:inlineXML/@wordcount)' "$(wc -w <"$SEED")"
	changed "$T/out.xml"
	is "$T/out.xml" 'count(/*/g:hopHistory/g:hop)' 2
	validate_later "$T/out.xml"
	# The summary counts what the item holds.
	re='warta-meta: 1 items?, 1 changed; found ([0-9]+) people, ([0-9]+) organi[sz]ations, ([0-9]+) places, ([0-9]+) subjects, ([0-9]+) summar(y|ies)'
	[[ "$stderr" =~ $re ]] || { echo "stderr: $stderr"; false; }
	[ "${BASH_REMATCH[1]}" = "$(x "$T/out.xml" "count($P)")" ]
	[ "${BASH_REMATCH[2]}" = "$(x "$T/out.xml" "count($O)")" ]
	[ "${BASH_REMATCH[3]}" = "$(x "$T/out.xml" "count($G)")" ]
	[ "${BASH_REMATCH[4]}" = "$(x "$T/out.xml" "count($S[starts-with(@qcode, \"medtop:\")])")" ]
	[ "${BASH_REMATCH[5]}" = 1 ]
	validate_all
}

@test "the seed with --vocab: topics get their en-GB names" {
	need_shared
	qrun -0 warta-meta --vocab "$VOCAB" "$T/seed.xml"
	printf '%s\n' "$output" >"$T/out.xml"
	if [ "$(x "$T/out.xml" 'count(//g:subject[@qcode="medtop:09000000"])')" = 1 ]; then
		is "$T/out.xml" 'string(//g:subject[@qcode="medtop:09000000"]/g:name)' labour
	fi
	is "$T/out.xml" 'count(//g:subject[starts-with(@qcode, "medtop:")][not(g:name)])' 0
	validate_later "$T/out.xml"
	validate_all
}

@test "English wire text: a speaker after 'said'" {
	printf 'WASHINGTON (AP) — The Senate passed the labor bill late on the fourth day of debate.\n\n"We will keep working on wages and jobs for every worker," said Maria Lopez, a spokeswoman for the union.\n\nThe House is expected to vote on the bill next week.\n' >"$T/ap.txt"
	warta-normalize -q "$T/ap.txt" >"$T/ap.xml"
	qrun -0 warta-meta "$T/ap.xml"
	printf '%s\n' "$output" >"$T/out.xml"
	is "$T/out.xml" 'count(//g:contentMeta/g:subject[@type="cpnat:person"][g:name="Maria Lopez"])' 1
	validate_later "$T/out.xml"
	validate_all
}

@test "weekday dates resolve against contentCreated; summary and word count" {
	cat >"$T/wd.xml" <<-EOF
	<?xml version="1.0" encoding="UTF-8"?>
	<newsItem xmlns="$G2" guid="urn:newsml:example.com:20210810:weekday" version="1" standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="id">
	  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"/>
	  <itemMeta>
	    <itemClass qcode="ninat:text"/>
	    <provider uri="https://example.com/"/>
	    <versionCreated>2021-08-10T12:00:00Z</versionCreated>
	    <pubStatus qcode="stat:usable"/>
	  </itemMeta>
	  <contentMeta>
	    <contentCreated>2021-08-10</contentCreated>
	    <language tag="id"/>
	  </contentMeta>
	  <contentSet>
	    <inlineXML contenttype="application/xhtml+xml">
	      <html xmlns="http://www.w3.org/1999/xhtml"><head><title/></head><body>
	        <p>Presiden Joko Widodo meresmikan jembatan baru di Jakarta, Senin, bersama para menteri.</p>
	        <p>Jembatan itu dibangun selama dua tahun.</p>
	      </body></html>
	    </inlineXML>
	  </contentSet>
	</newsItem>
	EOF
	validate_later "$T/wd.xml"
	qrun -0 warta-meta "$T/wd.xml"
	printf '%s\n' "$output" >"$T/out.xml"
	E="/*/g:contentMeta/g:contentMetaExtProperty[@reluri=\"${PROP}date-mentioned\"]"
	are "$T/out.xml" \
	    "count($E)" 1 \
	    "string($E/@value)" 2021-08-09 \
	    "string($E/@why)" why:inferred \
	    "string($E/@how)" howextr:tool \
	    "string($E/@creatoruri)" "$AGENT" \
	    'count(//g:subject[@type="cpnat:person"][g:name="Joko Widodo"])' 1 \
	    'count(//g:subject[@type="cpnat:geoArea"][g:name="Jakarta"])' 1
	is "$T/out.xml" 'string(//g:contentMeta/g:description[@role="drol:summary"])' \
	    'Presiden Joko Widodo meresmikan jembatan baru di Jakarta, Senin, bersama para menteri.'
	is "$T/out.xml" 'string(//g:inlineXML/@wordcount)' 18
	changed "$T/out.xml"
	is "$T/out.xml" 'count(/*/g:hopHistory/g:hop)' 1
	validate_later "$T/out.xml"

	# A description the item has already is kept, and no summary added.
	sed 's|<language tag="id"/>|&<description role="drol:summary">Ringkasan redaksi.</description>|' \
	    "$T/wd.xml" >"$T/wd2.xml"
	qrun -0 warta-meta "$T/wd2.xml"
	printf '%s\n' "$output" >"$T/out2.xml"
	are "$T/out2.xml" \
	    'count(//g:contentMeta/g:description)' 1 \
	    'string(//g:contentMeta/g:description)' 'Ringkasan redaksi.'
	validate_later "$T/out2.xml"
	validate_all
}

@test "every option sets its field, and the item stays valid" {
	qrun -0 warta-meta --no-find "${OPTS[@]}" "$T/seed.xml"
	printf '%s\n' "$output" >"$T/out.xml"
	every_field "$T/out.xml"
	changed "$T/out.xml"
	# --no-find: nothing found in the text.
	are "$T/out.xml" \
	    'count(//g:subject[@type="cpnat:person" or @type="cpnat:organisation" or @type="cpnat:geoArea"])' 0 \
	    'count(//g:description)' 0 \
	    'count(//g:inlineXML/@wordcount)' 0 \
	    'count(//*[@creatoruri])' 0
	[[ "$stderr" == *"warta-meta: 1 item"*", 1 changed;"* ]]
	validate_later "$T/out.xml"
	# The same with finding on: the options' values stand.
	qrun -0 warta-meta "${OPTS[@]}" "$T/seed.xml"
	printf '%s\n' "$output" >"$T/find.xml"
	every_field "$T/find.xml"
	changed "$T/find.xml"
	validate_later "$T/find.xml"
	validate_all
}

@test "option forms: a URI provider, a date alone, stat: pubstatus, repeated subjects and keywords" {
	qrun -0 warta-meta --no-find --provider http://example.com/x \
	    --date 2021-08-09 --pubstatus stat:canceled --date 2021-08-09 \
	    --subject medtop:01000000 --subject medtop:02000000 --subject medtop:03000000 \
	    --keyword satu --keyword dua --keyword tiga --language id "$T/seed.xml"
	printf '%s\n' "$output" >"$T/out.xml"
	are "$T/out.xml" \
	    'string(//g:itemMeta/g:provider/@uri)' http://example.com/x \
	    'string(//g:contentMeta/g:contentCreated)' 2021-08-09 \
	    'string(//g:itemMeta/g:pubStatus/@qcode)' stat:canceled \
	    'count(//g:contentMeta/g:subject)' 3 \
	    'string((//g:contentMeta/g:subject)[3]/@qcode)' medtop:03000000 \
	    'count(//g:contentMeta/g:keyword)' 3 \
	    'string((//g:contentMeta/g:keyword)[2])' dua
	validate_later "$T/out.xml"
	qrun -0 warta-meta --no-find --date 2021-08-10T09:30:00Z \
	    --pubstatus usable --urgency 9 --page 4-5 "$T/seed.xml"
	printf '%s\n' "$output" >"$T/out2.xml"
	are "$T/out2.xml" \
	    'string(//g:contentMeta/g:contentCreated)' 2021-08-10T09:30:00Z \
	    'string(//g:itemMeta/g:pubStatus/@qcode)' stat:usable \
	    'string(//g:contentMeta/g:urgency)' 9 \
	    "string(//g:contentMetaExtProperty[@reluri=\"${PROP}page\"]/@value)" 4-5
	validate_later "$T/out2.xml"
	validate_all
}

@test "bad option values: exit 2, one line, nothing written" {
	usage_error --urgency 12
	[[ "$stderr" == *--urgency*"'12'"* ]]
	usage_error --urgency 0
	usage_error --urgency x
	usage_error --date 2021-08-10T09:30:00
	[[ "$stderr" == *--date* ]]
	usage_error --date 2021-13-40
	usage_error --date yesterday
	usage_error --language en_GB
	[[ "$stderr" == *--language*en_GB* ]]
	usage_error --language 'id id'
	usage_error --pubstatus bogus
	[[ "$stderr" == *--pubstatus*bogus* ]]
	usage_error --genre Current
	[[ "$stderr" == *--genre* ]]
	usage_error --subject foo:1
	[[ "$stderr" == *--subject*foo:1* ]]
	usage_error --subject medtop:0900000
	usage_error --subject medtop:abcdefgh
	usage_error --subject 09000000
	usage_error --page 'far too long'
	usage_error --provider 'Not A Domain'
	usage_error --bogus
	usage_error --urgency
	usage_error --sidecar "$T/no-such.csv"
	usage_error --vocab "$T/no-such.tsv"
	# A directory, and a file over the bound: refused, and (under ASan)
	# nothing of what was read is leaked.
	usage_error --vocab "$T"
	has "vocab a directory" "$stderr" "Is a directory"
	head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' 'x' >"$T/big.tsv"
	usage_error --vocab "$T/big.tsv"
	# A good option before a bad one changes nothing.
	usage_error --note fine --urgency 12
	# Values are checked before any input is read: a missing file does
	# not turn exit 2 into exit 1.
	qrun -2 warta-meta --urgency 12 "$T/no-such.xml"
	[ -z "$output" ]
	[[ "$stderr" != *"No such file"* ]]
	# A page is one to six letters, digits or hyphens.
	usage_error --page 1234567
}

@test "subjects are checked against the vocabulary when one is given" {
	need_shared
	usage_error --vocab "$VOCAB" --subject medtop:99999999
	[[ "$stderr" == *medtop:99999999* ]]
	usage_error --vocab "$VOCAB" --subject medtop:09000000 --subject medtop:19999999
	qrun -0 warta-meta --no-find --vocab "$VOCAB" \
	    --subject medtop:09000000 --subject medtop:20000209 "$T/seed.xml"
	printf '%s\n' "$output" >"$T/out.xml"
	are "$T/out.xml" \
	    'string(//g:subject[@qcode="medtop:09000000"]/g:name)' labour \
	    'count(//g:subject[@qcode="medtop:20000209"]/g:name)' 1
	validate_later "$T/out.xml"
	# Without a vocabulary only the form is checked.
	qrun -0 warta-meta --no-find --subject medtop:99999999 "$T/seed.xml"
	printf '%s\n' "$output" >"$T/out2.xml"
	is "$T/out2.xml" 'count(//g:subject[@qcode="medtop:99999999"])' 1
	validate_all
}

@test "a sidecar row matched by file name sets every field" {
	printf '%s\n%s\n' "$CSV_HEADER" "semarang-maritim-purwanto.txt,$CSV_CELLS" >"$T/side.csv"
	qrun -0 warta-meta --no-find --sidecar "$T/side.csv" "$T/seed.xml"
	printf '%s\n' "$output" >"$T/out.xml"
	every_field "$T/out.xml"
	changed "$T/out.xml"
	validate_later "$T/out.xml"
	[[ "$stderr" == *"sidecar: 1 row matched, 0 rows matched no item, 0 items matched no row"* ]]
	# A path as the archivist's machine had it matches by its last part.
	printf '%s\n%s\n' "$CSV_HEADER" "D:\\Arsip\\2021\\semarang-maritim-purwanto.txt,$CSV_CELLS" >"$T/path.csv"
	qrun -0 warta-meta --no-find --sidecar "$T/path.csv" "$T/seed.xml"
	printf '%s\n' "$output" | cmp - "$T/out.xml"
	printf '%s\n%s\n' "$CSV_HEADER" "scans/2021/semarang-maritim-purwanto.txt,$CSV_CELLS" >"$T/path2.csv"
	qrun -0 warta-meta --no-find --sidecar "$T/path2.csv" "$T/seed.xml"
	printf '%s\n' "$output" | cmp - "$T/out.xml"
	validate_all
}

@test "a sidecar row matched by guid sets every field; its cells win over options" {
	printf '%s\n%s\n' "guid,${CSV_HEADER#file,}" "$SEED_GUID,$CSV_CELLS" >"$T/side.csv"
	qrun -0 warta-meta --no-find --urgency 7 --headline 'From the option' \
	    --sidecar "$T/side.csv" "$T/seed.xml"
	printf '%s\n' "$output" >"$T/out.xml"
	every_field "$T/out.xml"
	changed "$T/out.xml"
	validate_later "$T/out.xml"
	# An option whose column the row leaves empty still applies.
	printf 'guid,headline,urgency\n%s,Dari lembar kerja,\n' "$SEED_GUID" >"$T/some.csv"
	qrun -0 warta-meta --no-find --urgency 7 --headline 'From the option' \
	    --sidecar "$T/some.csv" "$T/seed.xml"
	printf '%s\n' "$output" >"$T/out2.xml"
	are "$T/out2.xml" \
	    'string(//g:contentMeta/g:headline)' 'Dari lembar kerja' \
	    'string(//g:contentMeta/g:urgency)' 7
	validate_later "$T/out2.xml"
	validate_all
}

@test "a Windows-1252 sidecar, and a UTF-8 one with a byte order mark" {
	printf 'file,headline,copyright-notice,byline\r\nsemarang-maritim-purwanto.txt,Kemnaker \226 BBPLK \223Semarang\224,\251 2021 PT Maritim,Jos\351 Purwanto\r\n' >"$T/cp.csv"
	qrun -0 warta-meta --no-find --sidecar "$T/cp.csv" "$T/seed.xml"
	printf '%s\n' "$output" >"$T/out.xml"
	are "$T/out.xml" \
	    'string(//g:contentMeta/g:headline)' 'Kemnaker – BBPLK “Semarang”' \
	    'string(//g:rightsInfo/g:copyrightNotice)' '© 2021 PT Maritim' \
	    'string(//g:contentMeta/g:by)' 'José Purwanto'
	validate_later "$T/out.xml"
	printf '\357\273\277file,headline\nsemarang-maritim-purwanto.txt,Kemnaker – BBPLK “Semarang”\n' >"$T/bom.csv"
	qrun -0 warta-meta --no-find --sidecar "$T/bom.csv" "$T/seed.xml"
	printf '%s\n' "$output" >"$T/bom.xml"
	is "$T/bom.xml" 'string(//g:contentMeta/g:headline)' 'Kemnaker – BBPLK “Semarang”'
	validate_all
}

@test "sidecar: unmatched rows and items are counted on stderr" {
	printf 'Another article about the harbour at Tanjung Emas.\n' >"$T/other.txt"
	warta-normalize -q "$SEED" "$T/other.txt" >"$T/two.xml"
	printf 'file,page\nsemarang-maritim-purwanto.txt,7\nnothing-like-it.txt,8\n' >"$T/side.csv"
	qrun -0 warta-meta --no-find --sidecar "$T/side.csv" "$T/two.xml"
	printf '%s\n' "$output" >"$T/out.xml"
	[[ "$stderr" == *"sidecar: 1 row matched, 1 row matched no item, 1 item matched no row"* ]] ||
		{ echo "stderr: $stderr"; false; }
	# The line of the row that matched nothing.
	[[ "$stderr" =~ line\ 3 || "$stderr" == *nothing-like-it.txt* ]] || { echo "stderr: $stderr"; false; }
	are "$T/out.xml" \
	    "string((//g:itemSet/*)[1]//g:contentMetaExtProperty[@reluri=\"${PROP}page\"]/@value)" 7 \
	    "count((//g:itemSet/*)[2]//g:contentMetaExtProperty)" 0
	[[ "$stderr" == *"warta-meta: 2 items, 1 changed;"* ]]
	validate_later "$T/out.xml"
	validate_all
}

@test "a bad sidecar is refused before anything is written, naming the line" {
	printf 'file,hedline\nsemarang-maritim-purwanto.txt,X\n' >"$T/col.csv"
	sidecar_error "$T/col.csv" 1
	[[ "$stderr" == *hedline* ]]
	for c in file guid provider provider-name copyright-holder copyright-notice \
	    usage-terms source edition page section genre urgency pubstatus headline \
	    byline date language subject keyword note; do
		[[ "$stderr" == *"$c"* ]] || { echo "known columns lack $c: $stderr"; false; }
	done
	# An unbalanced quote: the quoted cell opened on line 3 never closes.
	printf 'file,headline\na.txt,Fine\nsemarang-maritim-purwanto.txt,"Never closed\nc.txt,Other\n' >"$T/quote.csv"
	sidecar_error "$T/quote.csv" 3
	[[ "$stderr" == *quote* ]]
	# A quote inside a cell that is not quoted.
	printf 'file,headline\na.txt,Fine\nsemarang-maritim-purwanto.txt,Say "hi" there\n' >"$T/quote2.csv"
	sidecar_error "$T/quote2.csv" 3
	# A row with more fields than the header, and one with fewer.
	printf 'file,headline\na.txt,Fine\nb.txt,Good\nsemarang-maritim-purwanto.txt,One,Two\n' >"$T/wide.csv"
	sidecar_error "$T/wide.csv" 4
	printf 'file,headline,page\na.txt,Fine,1\nsemarang-maritim-purwanto.txt,Short\n' >"$T/narrow.csv"
	sidecar_error "$T/narrow.csv" 3
	# A value its option would refuse.
	printf 'file,urgency\na.txt,1\nsemarang-maritim-purwanto.txt,12\n' >"$T/urg.csv"
	sidecar_error "$T/urg.csv" 3
	printf 'file,subject\na.txt,medtop:09000000;foo:1\n' >"$T/subj.csv"
	sidecar_error "$T/subj.csv" 2
	printf 'file,language\nsemarang-maritim-purwanto.txt,en_GB\n' >"$T/lang.csv"
	sidecar_error "$T/lang.csv" 2
	# No file or guid column.
	printf 'headline,page\nX,1\n' >"$T/nokey.csv"
	sidecar_error "$T/nokey.csv" 1
}

@test "a sidecar subject not in the vocabulary is refused" {
	need_shared
	printf 'file,subject\nsemarang-maritim-purwanto.txt,medtop:09000000;medtop:99999999\n' >"$T/v.csv"
	qrun -2 warta-meta --no-find --vocab "$VOCAB" --sidecar "$T/v.csv" "$T/seed.xml"
	[ -z "$output" ]
	[[ "$stderr" == "warta-meta: $T/v.csv: line 2: "*medtop:99999999* ]]
}

@test "idempotent: meta's output through the same meta again is the same bytes" {
	warta-meta "${OPTS[@]}" "$T/seed.xml" >"$T/1.xml" 2>/dev/null
	warta-meta "${OPTS[@]}" "$T/1.xml" >"$T/2.xml" 2>"$T/2.err"
	cmp "$T/1.xml" "$T/2.xml"
	grep -q "warta-meta: 1 items*, 0 changed;" "$T/2.err" || { cat "$T/2.err"; false; }
	# An unchanged item is not touched even when "now" has moved on.
	SOURCE_DATE_EPOCH=1800000000 warta-meta "${OPTS[@]}" "$T/1.xml" 2>/dev/null | cmp - "$T/1.xml"
	# Finding alone, and no options at all.
	warta-meta "$T/seed.xml" >"$T/f1.xml" 2>/dev/null
	warta-meta "$T/f1.xml" 2>/dev/null | cmp - "$T/f1.xml"
	# A sidecar too.
	printf '%s\n%s\n' "$CSV_HEADER" "semarang-maritim-purwanto.txt,$CSV_CELLS" >"$T/side.csv"
	warta-meta --sidecar "$T/side.csv" "$T/seed.xml" >"$T/s1.xml" 2>/dev/null
	warta-meta --sidecar "$T/side.csv" "$T/s1.xml" 2>/dev/null | cmp - "$T/s1.xml"
}

@test "idempotent on a stream of items, with the vocabulary" {
	need_shared
	warta-normalize -q "$SAMPLES"/*.txt >"$T/all.xml" || true
	warta-meta --vocab "$VOCAB" --source Maritim --keyword arsip "$T/all.xml" >"$T/1.xml" 2>/dev/null
	warta-meta --vocab "$VOCAB" --source Maritim --keyword arsip "$T/1.xml" >"$T/2.xml" 2>"$T/2.err"
	cmp "$T/1.xml" "$T/2.xml"
	grep -q ", 0 changed;" "$T/2.err" || { cat "$T/2.err"; false; }
	validate_later "$T/1.xml"
	validate_all
}

@test "nothing to do: the item comes out as it went in" {
	qrun -0 warta-meta --no-find "$T/seed.xml"
	printf '%s\n' "$output" >"$T/out.xml"
	[ "$(dump "$T/out.xml")" = "$(dump "$T/seed.xml")" ]
	[[ "$stderr" == *"warta-meta: 1 item"*", 0 changed;"* ]] || { echo "stderr: $stderr"; false; }
	# Setting what the item already has changes nothing either.
	qrun -0 warta-meta --no-find --language id --pubstatus usable "$T/seed.xml"
	printf '%s\n' "$output" >"$T/out2.xml"
	[ "$(dump "$T/out2.xml")" = "$(dump "$T/seed.xml")" ]
	[[ "$stderr" == *", 0 changed;"* ]] || { echo "stderr: $stderr"; false; }
}

@test "nothing to do on warta-normalize's output: the same bytes (the same writer)" {
	warta-meta --no-find "$T/seed.xml" 2>/dev/null >"$T/out.xml"
	diff "$T/seed.xml" "$T/out.xml"
	warta-normalize -q "$SEED" "$SAMPLES/lang-en.txt" >"$T/two.xml"
	warta-meta --no-find "$T/two.xml" 2>/dev/null >"$T/two.out"
	diff "$T/two.xml" "$T/two.out"
}

@test "in a stream only the items that change get a new version and a hop" {
	printf 'Another article about the harbour at Tanjung Emas.\n' >"$T/a.txt"
	printf 'A third article, on the fishermen of Demak.\n' >"$T/c.txt"
	warta-normalize -q "$T/a.txt" "$SEED" "$T/c.txt" >"$T/three.xml"
	printf 'file,section\nsemarang-maritim-purwanto.txt,Daerah\n' >"$T/side.csv"
	qrun -0 warta-meta --no-find --sidecar "$T/side.csv" "$T/three.xml"
	printf '%s\n' "$output" >"$T/out.xml"
	[[ "$stderr" == *"warta-meta: 3 items, 1 changed;"* ]] || { echo "stderr: $stderr"; false; }
	is "$T/out.xml" 'count(//g:itemSet/*)' 3
	changed "$T/out.xml" 2
	is "$T/out.xml" 'count((//g:itemSet/*)[2]/g:hopHistory/g:hop)' 2
	[ "$(dump "$T/out.xml" 1)" = "$(dump "$T/three.xml" 1)" ]
	[ "$(dump "$T/out.xml" 3)" = "$(dump "$T/three.xml" 3)" ]
	[ "$(dump "$T/out.xml" 2)" != "$(dump "$T/three.xml" 2)" ]
	validate_later "$T/out.xml"
	validate_all
}

@test "stream: a newsMessage of many items, the same items out, in order" {
	run warta-normalize -q "$SAMPLES"/*.txt
	printf '%s\n' "$output" >"$T/all.xml"
	n=$(x "$T/all.xml" 'count(//g:newsItem)')
	[ "$n" -gt 20 ]
	qrun -0 warta-meta --note 'Diperiksa' "$T/all.xml"
	printf '%s\n' "$output" >"$T/out.xml"
	are "$T/out.xml" \
	    'name(/*)' newsMessage \
	    'string(/*/g:header/g:sent)' "$NOW" \
	    'count(//g:newsItem)' "$n" \
	    'count(//g:itemMeta/g:edNote[.="Diperiksa"])' "$n"
	[ "$(guids "$T/out.xml")" = "$(guids "$T/all.xml")" ]
	[[ "$stderr" == *"warta-meta: $n items, $n changed;"* ]] || { echo "stderr: $stderr"; false; }
	validate_later "$T/out.xml"
	validate_all
}

@test "stream: documents back to back, several files, stdin and '-'" {
	printf 'Another article about the harbour at Tanjung Emas.\n' >"$T/a.txt"
	printf 'A third article, on the fishermen of Demak.\n' >"$T/c.txt"
	warta-normalize -q "$T/a.txt" "$T/c.txt" >"$T/msg.xml"
	cat "$T/seed.xml" "$T/msg.xml" "$T/seed.xml" >"$T/cat.xml"
	warta-meta --no-find --note N "$T/cat.xml" >"$T/cat.out"
	are "$T/cat.out" \
	    'name(/*)' newsMessage \
	    'count(//g:newsItem)' 4 \
	    'count(//g:edNote[.="N"])' 4
	[ "$(guids "$T/cat.out" | tr '\n' ' ')" = "$SEED_GUID $(guids "$T/msg.xml" | tr '\n' ' ')$SEED_GUID " ]
	validate_later "$T/cat.out"
	# The same items as files, and from standard input.
	warta-meta --no-find --note N "$T/seed.xml" "$T/msg.xml" "$T/seed.xml" 2>/dev/null | cmp - "$T/cat.out"
	warta-meta --no-find --note N <"$T/cat.xml" 2>/dev/null | cmp - "$T/cat.out"
	warta-meta --no-find --note N "$T/seed.xml" - "$T/seed.xml" <"$T/msg.xml" 2>/dev/null | cmp - "$T/cat.out"
	# Without their XML declarations as well.
	for f in seed msg seed; do sed 1d "$T/$f.xml"; done >"$T/nodecl.xml"
	warta-meta --no-find --note N "$T/nodecl.xml" 2>/dev/null | cmp - "$T/cat.out"
	# A lone item stays a lone item.
	qrun -0 warta-meta --no-find --note N - <"$T/seed.xml"
	printf '%s\n' "$output" >"$T/lone.xml"
	are "$T/lone.xml" \
	    'name(/*)' newsItem \
	    'string(/*/@guid)' "$SEED_GUID"
	# A newsMessage of one item gives a lone item too.
	warta-normalize -q "$T/a.txt" >"$T/one.xml"
	printf '<newsMessage xmlns="%s"><header><sent>2020-01-01T00:00:00Z</sent></header><itemSet>%s</itemSet></newsMessage>\n' \
	    "$G2" "$(sed 1d "$T/one.xml")" >"$T/msg1.xml"
	qrun -0 warta-meta --no-find --note N "$T/msg1.xml"
	printf '%s\n' "$output" >"$T/msg1.out"
	is "$T/msg1.out" 'name(/*)' newsItem
	# No items in, none out.
	qrun -0 warta-meta --note N </dev/null
	[ -z "$output" ]
	validate_all
}

@test "not well-formed input: exit 1, the items before it still written" {
	printf 'Another article about the harbour at Tanjung Emas.\n' >"$T/a.txt"
	printf 'A third article, on the fishermen of Demak.\n' >"$T/c.txt"
	warta-normalize -q "$T/a.txt" "$SEED" "$T/c.txt" >"$T/three.xml"
	# Cut inside the third item.
	off=$(grep -b -o '<newsItem ' "$T/three.xml" | sed -n 3p | cut -d: -f1)
	head -c $((off + 200)) "$T/three.xml" >"$T/cut.xml"
	qrun -1 warta-meta --no-find --note N "$T/cut.xml"
	[[ "$stderr" == *"warta-meta: $T/cut.xml: "* ]] || { echo "stderr: $stderr"; false; }
	printf '%s\n' "$output" >"$T/out.xml"
	xmllint --nonet --noout "$T/out.xml"
	are "$T/out.xml" \
	    'count(//g:newsItem)' 2 \
	    'count(//g:edNote[.="N"])' 2
	[ "$(guids "$T/out.xml")" = "$(guids "$T/three.xml" | head -2)" ]
	# The next file is still read.
	qrun -1 warta-meta --no-find --note N "$T/cut.xml" "$T/seed.xml"
	printf '%s\n' "$output" >"$T/out2.xml"
	is "$T/out2.xml" 'count(//g:newsItem)' 3
	# A missing file, and a DOCTYPE.
	qrun -1 warta-meta --no-find --note N "$T/no-such.xml" "$T/seed.xml"
	[[ "$stderr" == *"$T/no-such.xml"* ]]
	printf '%s\n' "$output" >"$T/out3.xml"
	is "$T/out3.xml" 'string(/*/@guid)' "$SEED_GUID"
	cat >"$T/xxe.xml" <<-EOF
	<?xml version="1.0"?>
	<!DOCTYPE newsItem [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
	<newsItem xmlns="$G2" guid="urn:x:1"><contentMeta><headline>&xxe;</headline></contentMeta></newsItem>
	EOF
	qrun -1 warta-meta --no-find --note N "$T/xxe.xml"
	[[ "$stderr" == *DOCTYPE* ]]
	[[ "$output" != *root:* ]]
}

# The valid IPTC examples: all but LISTING_24 (a skeleton), 25 and 28
# (fragments).
valid_examples() {
	for f in "$EXAMPLES"/*.xml; do
		case ${f##*/} in
		LISTING_24_* | LISTING_25_* | LISTING_28_*) ;;
		*) printf '%s\n' "$f" ;;
		esac
	done
}

@test "the IPTC examples go through with a note and stay valid" {
	need_shared
	n=0
	rest='/*/*[local-name()!="itemMeta" and local-name()!="hopHistory" and local-name()!="catalogRef"]'
	for f in $(valid_examples); do
		n=$((n + 1))
		out=$T/out-$n.xml
		validate_later "$f"
		qrun warta-meta --no-find --note 'Checked by warta' "$f"
		[ "$status" -eq 0 ] || { echo "$f: $status $stderr"; false; }
		printf '%s\n' "$output" >"$out"
		xvals "$f" 'local-name(/*)' 'string(/*/@version)' 'string(/*/@guid)' \
		    'count(/*/*[local-name()="catalogRef"])'
		root=${XV[0]} v=${XV[1]} guid=${XV[2]} cats=${XV[3]}
		[ -n "$root" ] || { echo "$f: no root read"; false; }
		are "$out" 'local-name(/*)' "$root" \
		    'string(/*/g:itemMeta/g:edNote)' 'Checked by warta' \
		    'string(/*/@version)' $((${v:-1} + 1)) \
		    'string(/*/g:hopHistory/g:hop[last()]/g:party/g:name)' 'warta-meta 0.1.0' \
		    'string(/*/@guid)' "$guid" \
		    'count(/*/g:itemMeta/g:edNote)' 1 \
		    || { echo "$f: as above"; false; }
		# What was there is still there.  Outside itemMeta and the hops
		# (and the catalogs their QCodes may need), nothing has moved.
		[ "$(x "$out" 'count(/*/g:catalogRef)')" -ge "$cats" ]
		[ "$(x "$out" "$rest")" = "$(x "$f" "$rest")" ] || { echo "$f: more changed"; false; }
		# Valid before and after warta-meta: all in one xmllint, below.
		validate_later "$out"
	done
	[ "$n" -eq 9 ]
	validate_all || { echo "not all valid before and after warta-meta"; false; }
}

@test "the IPTC examples with nothing asked come out unchanged" {
	need_shared
	n=0
	for f in $(valid_examples); do
		qrun warta-meta --no-find "$f"
		[ "$status" -eq 0 ] || { echo "$f: $status $stderr"; false; }
		printf '%s\n' "$output" >"$T/out.xml"
		[ "$(dump "$T/out.xml")" = "$(dump "$f")" ] || {
			echo "$f changed:"
			diff <(dump "$f") <(dump "$T/out.xml") | head -20
			false
		}
		[[ "$stderr" == *", 0 changed;"* ]] || { echo "$f: $stderr"; false; }
		n=$((n + 1))
	done
	[ "$n" -eq 9 ]
}

@test "--provider alone renames the provider: the old party's name does not stay" {
	warta-normalize -q "$SEED" >"$T/seed.xml"
	warta-meta -q --no-find --provider kompas.example "$T/seed.xml" >"$T/p.xml"
	expect uri "$(xmllint --xpath "string(//*[local-name()='provider']/@uri)" "$T/p.xml")" https://kompas.example/
	expect name "$(xmllint --xpath "string(//*[local-name()='provider']/*[local-name()='name'])" "$T/p.xml")" kompas.example
	expect names "$(xmllint --xpath "count(//*[local-name()='provider']/*[local-name()='name'])" "$T/p.xml")" 1
}
