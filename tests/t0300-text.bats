#!/usr/bin/env bats
# t0300-text: warta-text as a program: options and exit codes, the stream
# shapes it reads (lone items, messages, documents back to back), bad and
# hostile input, the IPTC examples, and the round trip through
# warta-normalize.

load common

bats_require_minimum_version 1.5.0

G2=http://iptc.org/std/nar/2006-10-01/
EXAMPLES=${WARTA_SHARED:-/nonexistent}/newsml-g2/examples
FF=$(printf '\f')

setup() {
	T=$BATS_TEST_TMPDIR
	cat >"$T/one.xml" <<-EOF
	<?xml version="1.0" encoding="UTF-8"?>
	<newsItem xmlns="$G2" guid="urn:x:1" version="1">
	  <contentMeta><headline>The headline</headline></contentMeta>
	  <contentSet>
	    <inlineXML contenttype="application/xhtml+xml">
	      <html xmlns="http://www.w3.org/1999/xhtml"><body>
	        <p>First paragraph.</p>
	        <p>Second “paragraph”.</p>
	      </body></html>
	    </inlineXML>
	  </contentSet>
	</newsItem>
	EOF
	cat >"$T/msg.xml" <<-EOF
	<?xml version="1.0" encoding="UTF-8"?>
	<newsMessage xmlns="$G2">
	  <header><sent>2023-11-14T22:13:20Z</sent></header>
	  <itemSet>
	    <newsItem guid="urn:x:2"><contentMeta><headline>Two</headline></contentMeta></newsItem>
	    <newsItem guid="urn:x:3"><contentMeta><headline>Three</headline></contentMeta></newsItem>
	  </itemSet>
	</newsMessage>
	EOF
}

# The texts of warta-text's output, one per item, joined by "|" with the
# newlines shown as "/": a form that fits in one comparison.
flat() {
	awk -v RS="$FF\n" -v ORS='|' '{ gsub(/\n/, "/"); print }' | sed 's/|$//'
}

@test "--help prints usage on stdout and exits 0" {
	qrun warta-text --help
	[ "$status" -eq 0 ]
	[[ "$output" == "usage: warta-text "* ]]
	[ -z "$stderr" ]
}

@test "--version prints the version" {
	run warta-text --version
	[ "$status" -eq 0 ]
	[[ "$output" =~ ^warta-text\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
	run warta-text -V
	[ "$status" -eq 0 ]
}

@test "a bad option exits 2 with one line on stderr" {
	qrun -2 warta-text --bogus "$T/one.xml"
	[ -z "$output" ]
	[ "${#stderr_lines[@]}" -eq 1 ]
	[[ "$stderr" == "warta-text: bad option '--bogus'"* ]]
	qrun -2 warta-text -x
	[ "${#stderr_lines[@]}" -eq 1 ]
	[[ "$stderr" == "warta-text: bad option '-x'"* ]]
	run -2 warta-text --help=yes
}

@test "a lone item gives its headline and paragraphs" {
	run warta-text "$T/one.xml"
	[ "$status" -eq 0 ]
	[ "$output" = "The headline

First paragraph.

Second “paragraph”." ]
	# The text ends in exactly one newline.
	[ "$(warta-text "$T/one.xml" | tail -c 2 | od -An -c | tr -d ' ')" = '.\n' ]
}

@test "stdin, '-' and files give the same, items separated by form feed lines" {
	warta-text <"$T/msg.xml" >"$T/a"
	warta-text - <"$T/msg.xml" >"$T/b"
	cmp "$T/a" "$T/b"
	[ "$(flat <"$T/a")" = "Two/|Three/" ]
	[ "$(printf 'Two\n\f\nThree\n')" = "$(<"$T/a")" ]
	# Between files too.
	[ "$(warta-text "$T/one.xml" "$T/msg.xml" - <"$T/msg.xml" | grep -c "^$FF\$")" -eq 4 ]
}

@test "documents back to back read as one stream" {
	cat "$T/one.xml" "$T/msg.xml" "$T/one.xml" >"$T/cat.xml"
	warta-text "$T/one.xml" "$T/msg.xml" "$T/one.xml" >"$T/files.txt"
	warta-text "$T/cat.xml" >"$T/cat.txt"
	cmp "$T/files.txt" "$T/cat.txt"
	# Without their XML declarations as well.
	for f in one msg one; do sed 1d "$T/$f.xml"; done >"$T/nodecl.xml"
	warta-text "$T/nodecl.xml" | cmp - "$T/files.txt"
}

@test "a missing file is reported and the others still read, exit 1" {
	qrun -1 warta-text "$T/missing.xml" "$T/one.xml"
	[ "$stderr" = "warta-text: $T/missing.xml: No such file or directory" ]
	[[ "$output" == "The headline"* ]]
}

@test "a truncated stream is an error at its byte offset, and the next file is read" {
	head -c 200 "$T/msg.xml" >"$T/cut.xml"
	qrun -1 warta-text "$T/cut.xml" "$T/one.xml"
	[ "${#stderr_lines[@]}" -eq 1 ]
	[[ "$stderr" == "warta-text: $T/cut.xml: not well-formed XML at byte 200 (line "* ]]
	# The next file was still read.
	[[ "$output" == *"Second “paragraph”." ]]
}

@test "not XML, or not NewsML-G2, is an error" {
	head -c 2000 /bin/sh >"$T/bin.dat"
	qrun -1 warta-text "$T/bin.dat"
	[[ "$stderr" == "warta-text: $T/bin.dat: "*"at byte 0"* ]]
	printf '<html><body/></html>' >"$T/html.xml"
	qrun -1 warta-text "$T/html.xml"
	[ "$stderr" = "warta-text: $T/html.xml: not NewsML-G2: the root element of the document at byte 0 is html, not an item or a newsMessage" ]
	# Empty input is no items, and no error.
	run warta-text </dev/null
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "a DOCTYPE is refused: no entity is ever expanded" {
	cat >"$T/xxe.xml" <<-EOF
	<?xml version="1.0"?>
	<!DOCTYPE newsItem [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
	<newsItem xmlns="$G2"><contentMeta><headline>&xxe;</headline></contentMeta></newsItem>
	EOF
	qrun -1 warta-text "$T/xxe.xml"
	[ "$stderr" = "warta-text: $T/xxe.xml: DOCTYPE refused at byte 22 (line 2): NewsML-G2 has no DTD, and a DTD can define entities" ]
	[[ "$output" != *root:* ]]
	# An undeclared entity is an error too, not an empty string.
	printf '<newsItem xmlns="%s">&xxe;</newsItem>' "$G2" >"$T/ent.xml"
	qrun -1 warta-text "$T/ent.xml"
	[[ "$stderr" == *"Entity 'xxe' not defined"* ]]
}

@test "a message of 20000 items streams through" {
	# (one awk: 20000 turns of a loop in a test cost bats's trap each)
	awk -v ns="$G2" 'BEGIN {
		printf "<newsMessage xmlns=\"%s\"><header/><itemSet>\n", ns
		for (i = 1; i <= 20000; i++)
			printf "<newsItem guid=\"g%d\"><contentMeta><headline>H %d</headline></contentMeta></newsItem>\n", i, i
		printf "</itemSet></newsMessage>\n"
	}' >"$T/big.xml"
	run warta-text "$T/big.xml"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 39999 ]
	[ "${lines[39998]}" = "H 20000" ]
}

@test "a write error on standard output is an error" {
	[ -w /dev/full ] || skip "no /dev/full"
	run -1 --separate-stderr sh -c 'warta-text "$1" >/dev/full' sh "$T/one.xml"
	[[ "$stderr" == "warta-text: standard output: "* ]]
}

@test "every IPTC example item and message reads" {
	need_shared
	n=0
	for f in "$EXAMPLES"/*.xml; do
		root=$(xmllint --nonet --xpath 'local-name(/*)' "$f")
		case $root in
		newsItem | packageItem | conceptItem | knowledgeItem | planningItem | catalogItem | newsMessage)
			qrun warta-text "$f"
			[ "$status" -eq 0 ] || { echo "$f: $stderr"; false; }
			n=$((n + 1))
			;;
		*)
			# Fragments of an item, as the guidelines quote them.
			qrun -1 warta-text "$f"
			[[ "$stderr" == *"not NewsML-G2: the root element of the document at byte 0 is $root,"* ]]
			;;
		esac
	done
	[ "$n" -ge 8 ]
}

@test "the IPTC examples give sensible text" {
	need_shared
	# NITF in inlineXML: the headline, then body.content's paragraphs,
	# their pretty-printing folded.
	run warta-text "$EXAMPLES/LISTING_2_NewsML-G2_Text_Document.xml"
	[ "${lines[0]}" = 'Fed to halt QE to avert "bubble"' ]
	[[ "${lines[1]}" == "(New York, NY - October 21) Et, sent luptat luptat, commy Nim zzriureet vendreetue modo dolenis ex"* ]]
	[[ "${lines[2]}" == "Ugiating ea feugait utat,"*" esto cons dolutpat, si." ]]
	[ "${#lines[@]}" -eq 3 ]
	run warta-text "$EXAMPLES/LISTING_22_Sports_story_in_NewsML-G2NITF.xml"
	[ "${lines[0]}" = "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m." ]
	[[ "${lines[1]}" == "(Sports Network) - A pair of teams coming off big weekend sweeps will square off tonight"* ]]
	# A message of five items, none with text: four separators.
	run warta-text "$EXAMPLES/LISTING_24_News_Message_conveying_a_complete_News_Package.xml"
	[ "$(printf '%s\n' "$output" | grep -c "^$FF\$")" -eq 4 ]
	# ISO-8859-1, as declared.
	run warta-text "$EXAMPLES/ap_metadata_example.xml"
	[ "$status" -eq 0 ]
}

# roundtrip FILE...: raw text -> normalize -> text -> normalize -> text
# gives the same text the second time, for each FILE.  Each pass reads all
# the files at once (two programs, not two a file): the items of a
# message read as the lone items do, and warta-text puts a form feed line
# between them, where pieces splits them again.
roundtrip() {
	local n=$# i p bad=0
	rm -rf "$T/rt1" "$T/rt2"
	mkdir "$T/rt1" "$T/rt2"
	warta-normalize -q "$@" | warta-text | pieces "$T/rt1"
	warta-normalize -q "$T"/rt1/* | warta-text | pieces "$T/rt2"
	for ((i = 1; i <= n; i++)); do
		printf -v p '%05d' "$i"
		[ -s "$T/rt1/$p" ] || { echo "${!i}: no text"; bad=1; continue; }
		[ -f "$T/rt2/$p" ] || { echo "${!i}: no text the second time"; bad=1; continue; }
	done
	[ "$bad" = 0 ] || return 1
	[ ! -e "$T/rt1/$(printf '%05d' $((n + 1)))" ] || { echo "more texts than files"; return 1; }
	cat "$T"/rt1/* >"$T/rt1.all"
	cat "$T"/rt2/* >"$T/rt2.all"
	cmp -s "$T/rt1.all" "$T/rt2.all" && return 0
	for ((i = 1; i <= n; i++)); do
		printf -v p '%05d' "$i"
		cmp -s "$T/rt1/$p" "$T/rt2/$p" ||
			{ echo "${!i}:"; diff "$T/rt1/$p" "$T/rt2/$p"; }
	done
	return 1
}

# pieces DIR: the texts of warta-text's output, one a file, DIR/00001...
pieces() {
	awk -v d="$1" 'BEGIN { n = 1 } $0 == "\f" { close(f); n++; next }
	    { f = sprintf("%s/%05d", d, n); print > f }'
}

@test "round trip: normalize, text, normalize, text gives the same text" {
	mkdir -p "$T/raw"
	printf 'JAKARTA, KOMPAS.com - Harga beras naik lagi pekan ini.\n\nPedagang di Pasar Induk Cipinang mengatakan pasokan berkurang.\n\n“Kami belum tahu sampai kapan,” kata Udin, seorang pedagang.\n' >"$T/raw/wire.txt"
	printf 'Banjir Rendam Ratusan Rumah di Bekasi\n\nHujan deras sejak Senin malam membuat Kali Bekasi meluap.\n\nWarga mengungsi ke masjid dan sekolah terdekat.\n' >"$T/raw/title.txt"
	printf 'WASHINGTON (AP) — The Senate passed the bill late Tuesday\nafter a long debate over its cost, which critics called\ntoo high for a program of this size.\n\nThe House is expected to vote on it next week.\n' >"$T/raw/wrapped.txt"
	printf 'One line only, no full stop' >"$T/raw/short.txt"
	local -a files=()
	for f in "$T"/raw/*.txt "$SAMPLES"/*.txt; do
		[ -f "$f" ] && files+=("$f")
	done
	roundtrip "${files[@]}"
}

@test "round trip: the text of a normalized article is its paragraphs" {
	printf 'First paragraph here.\n\nSecond paragraph, with “quotes” and  two spaces.\n\nThird.\n' >"$T/p.txt"
	warta-normalize -q "$T/p.txt" | warta-text >"$T/p.out"
	# warta-normalize may clean spaces; the paragraphs stay apart.
	[ "$(grep -c . "$T/p.out")" -eq 3 ]
	[ "$(head -1 "$T/p.out")" = "First paragraph here." ]
	[ "$(tail -1 "$T/p.out")" = "Third." ]
	# Several articles: one text each, in order.
	warta-normalize -q "$T/p.txt" "$T/p.txt" | warta-text | flat >"$T/two"
	[ "$(<"$T/two")" = "$(flat <"$T/p.out")|$(flat <"$T/p.out")" ]
}

@test "the man page's examples run" {
	cd "$T"
	cp "$WARTA_TOP/samples/semarang-maritim-purwanto.txt" article.txt 2>/dev/null ||
		printf 'Satu paragraf saja.\n' >article.txt
	run sh -c 'warta-normalize article.txt | warta-text'
	[ "$status" -eq 0 ]
	[ -n "$output" ]
	warta-normalize -q article.txt >items.xml
	run sh -c 'warta-text items.xml | wc -w'
	[ "$status" -eq 0 ]
	[ "$output" -gt 0 ]
	cp one.xml monday.xml
	cp msg.xml tuesday.xml
	run sh -c 'cat monday.xml tuesday.xml | warta-text'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "The headline" ]
}

@test "the man page is clean mdoc" {
	command -v mandoc >/dev/null || skip "mandoc is not installed"
	run mandoc -Tlint -W warning "$WARTA_TOP/pipeline/warta-text.1"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
}

@test "an article near the size bound reads back (text nodes over 10 MB)" {
	yes 'Kalimat berita yang panjang untuk menguji batas ukuran, dan ini dia.' |
	    head -n 170000 >"$BATS_TEST_TMPDIR/big.txt"
	[ "$(wc -c <"$BATS_TEST_TMPDIR/big.txt")" -gt 11000000 ]
	warta-normalize -q "$BATS_TEST_TMPDIR/big.txt" >"$BATS_TEST_TMPDIR/big.xml"
	warta-text "$BATS_TEST_TMPDIR/big.xml" | tr -s '\n' | cmp - "$BATS_TEST_TMPDIR/big.txt"
}
