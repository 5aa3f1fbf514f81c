#!/usr/bin/env bats
# t0110-normalize: warta-normalize as a program: options, inputs (files,
# directories, stdin), the stream shape, bad input and exit codes,
# determinism, and the whole of ../shared/corpus/id.

load common

SEED=$WARTA_TOP/samples/semarang-maritim-purwanto.txt

setup() {
	T=$BATS_TEST_TMPDIR
}

# xpath FILE EXPR: the string value of EXPR in FILE.
xpath() {
	xmllint --nonet --xpath "$2" "$1"
}

@test "--help prints usage on stdout and exits 0" {
	run warta-normalize --help
	[ "$status" -eq 0 ]
	[[ "$output" == usage:* ]]
	[[ "$output" == *--max-size* ]]
}

@test "--version prints the version" {
	run warta-normalize --version
	[ "$status" -eq 0 ]
	[[ "$output" =~ ^warta-normalize\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
}

@test "usage errors exit 2 with one line" {
	run warta-normalize --bogus
	[ "$status" -eq 2 ]
	run warta-normalize -e klingon "$SEED"
	[ "$status" -eq 2 ]
	[[ "$output" == *"unknown encoding 'klingon'"* ]]
	run warta-normalize -p 'Not A Domain' "$SEED"
	[ "$status" -eq 2 ]
	run warta-normalize -l 'x' "$SEED"
	[ "$status" -eq 2 ]
	run warta-normalize -s 0 "$SEED"
	[ "$status" -eq 2 ]
	run warta-normalize -s 12Q "$SEED"
	[ "$status" -eq 2 ]
}

@test "a bad SOURCE_DATE_EPOCH is a usage error" {
	SOURCE_DATE_EPOCH=yesterday run warta-normalize "$SEED"
	[ "$status" -eq 2 ]
	[[ "$output" == *SOURCE_DATE_EPOCH* ]]
}

@test "one input gives a lone newsItem, stdin too" {
	warta-normalize <"$SEED" >"$T/stdin.xml" 2>"$T/err"
	[ "$(xpath "$T/stdin.xml" 'name(/*)')" = newsItem ]
	[ "$(xpath "$T/stdin.xml" 'count(//*[local-name()="fileName"])')" = 0 ]
	warta-normalize - <"$SEED" >"$T/dash.xml" 2>/dev/null
	cmp "$T/stdin.xml" "$T/dash.xml"
	grep -qx 'warta-normalize: normalized 1, rejected 0' "$T/err"
}

@test "several inputs give one newsMessage with header/sent, in order" {
	printf 'Hello world, this is a short article.\n' >"$T/b.txt"
	printf 'Another article about the harbour.\n' >"$T/a.txt"
	warta-normalize "$T/b.txt" "$SEED" "$T/a.txt" >"$T/m.xml" 2>/dev/null
	[ "$(xpath "$T/m.xml" 'name(/*)')" = newsMessage ]
	[ "$(xpath "$T/m.xml" 'string(/*/*[local-name()="header"]/*[local-name()="sent"])')" = 2023-11-14T22:13:20Z ]
	[ "$(xpath "$T/m.xml" 'count(//*[local-name()="newsItem"])')" = 3 ]
	[ "$(xpath "$T/m.xml" 'string((//*[local-name()="fileName"])[1])')" = b.txt ]
	[ "$(xpath "$T/m.xml" 'string((//*[local-name()="fileName"])[3])')" = a.txt ]
	validate "$T/m.xml"
}

@test "directories are walked recursively in byte order, hidden files skipped" {
	mkdir -p "$T/raw/b" "$T/raw/a" "$T/raw/.git"
	printf 'Third, in b.\n' >"$T/raw/b/z.txt"
	printf 'First, in a.\n' >"$T/raw/a/Y.txt"
	printf 'Second, in a.\n' >"$T/raw/a/y.txt"
	printf 'Hidden.\n' >"$T/raw/.hidden.txt"
	printf 'Hidden too.\n' >"$T/raw/.git/x.txt"
	ln -s "$T/raw" "$T/raw/b/loop"
	run warta-normalize "$T/raw"
	[ "$status" -eq 0 ]
	echo "$output" >"$T/out.xml"
	[ "$(grep -o '<fileName>[^<]*' "$T/out.xml" | tr '\n' ' ')" = \
	    "<fileName>Y.txt <fileName>y.txt <fileName>z.txt " ]
	[[ "$output" == *"loop: warning: symbolic link to a directory, not followed"* ]]
}

@test "the same input gives the same bytes under SOURCE_DATE_EPOCH" {
	warta-normalize "$SEED" "$SEED" >"$T/1.xml" 2>/dev/null
	warta-normalize "$SEED" "$SEED" >"$T/2.xml" 2>/dev/null
	cmp "$T/1.xml" "$T/2.xml"
	SOURCE_DATE_EPOCH=1800000000 warta-normalize "$SEED" >"$T/3.xml" 2>/dev/null
	grep -q '<versionCreated>2027-01-15T08:00:00Z</versionCreated>' "$T/3.xml"
}

@test "the guid comes from the provider, the article's date and its bytes" {
	warta-normalize -p maritim.example "$SEED" >"$T/s.xml" 2>/dev/null
	sum=$(sha256sum "$SEED" | cut -c1-16)
	[ "$(xpath "$T/s.xml" 'string(/*/@guid)')" = "urn:newsml:maritim.example:20210810:$sum" ]
	[ "$(xpath "$T/s.xml" 'string(//*[local-name()="hash"])')" = "$(sha256sum "$SEED" | cut -d' ' -f1)" ]
	[ "$(xpath "$T/s.xml" 'string(//*[local-name()="provider"]/@uri)')" = https://maritim.example/ ]
}

@test "the original bytes are kept: text when UTF-8, base64 otherwise" {
	printf 'Kata \223baru\224 di Jakarta, caf\351.\r\n' >"$T/cp.txt"
	warta-normalize "$T/cp.txt" >"$T/cp.xml" 2>/dev/null
	[ "$(xpath "$T/cp.xml" 'string(//*[local-name()="inlineData"]/@encoding)')" = encd:base64 ]
	[ "$(xpath "$T/cp.xml" 'string(//*[local-name()="inlineData"]/@contenttype)')" = 'text/plain; charset=windows-1252' ]
	xpath "$T/cp.xml" 'string(//*[local-name()="inlineData"])' | base64 -d | cmp - "$T/cp.txt"
	printf 'Line one\r\nline two \xe2\x80\x9cquoted\xe2\x80\x9d\r\n' >"$T/crlf.txt"
	warta-normalize "$T/crlf.txt" >"$T/crlf.xml" 2>/dev/null
	[ "$(xpath "$T/crlf.xml" 'string(//*[local-name()="inlineData"]/@encoding)')" = "" ]
	# xmllint prints the string value and a newline of its own.
	xpath "$T/crlf.xml" 'string(//*[local-name()="inlineData"])' | head -c -1 | cmp - "$T/crlf.txt"
	validate "$T/cp.xml"
	validate "$T/crlf.xml"
}

@test "bad inputs: one line each, the batch goes on, exit 1 after the summary" {
	printf 'good article text here.\n' >"$T/good.txt"
	: >"$T/empty.txt"
	{ head -c 512 /dev/zero | tr '\0' a; printf '\0\1\2'; } >"$T/bin.dat"
	head -c 3000 /dev/zero | tr '\0' a >"$T/big.txt"
	run -1 --separate-stderr warta-normalize -s 2k "$T/empty.txt" "$T/bin.dat" "$T/good.txt" "$T/big.txt" "$T/missing.txt"
	[ "${stderr_lines[0]}" = "warta-normalize: $T/empty.txt: empty file" ]
	[ "${stderr_lines[1]}" = "warta-normalize: $T/bin.dat: binary data at byte 512, not text" ]
	[ "${stderr_lines[2]}" = "warta-normalize: $T/big.txt: 3000 bytes, larger than the size bound of 2048 bytes (see --max-size)" ]
	[ "${stderr_lines[3]}" = "warta-normalize: $T/missing.txt: No such file or directory" ]
	[ "${stderr_lines[4]}" = "warta-normalize: normalized 1, rejected 4" ]
	[ "${#stderr_lines[@]}" -eq 5 ]
	[ "$(printf '%s\n' "$output" | xmllint --xpath 'name(/*)' -)" = newsItem ]
}

@test "stdout carries only XML when inputs are rejected" {
	printf 'good article text here.\n' >"$T/good.txt"
	: >"$T/empty.txt"
	run -1 --separate-stderr warta-normalize "$T/good.txt" "$T/empty.txt"
	[[ "$output" == "<?xml"* ]]
	[[ "$stderr" == *"normalized 1, rejected 1" ]]
}

@test "oversize standard input is caught without reading it all" {
	run -1 --separate-stderr sh -c "head -c 5000000 /dev/zero | tr '\\0' a | warta-normalize -s 1M"
	[[ "$stderr" == *"<stdin>: larger than the size bound of 1048576 bytes"* ]]
}

@test "forced UTF-8 on invalid bytes names the offset" {
	printf 'abc\351def\n' >"$T/bad.txt"
	run warta-normalize -e utf-8 "$T/bad.txt"
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "warta-normalize: $T/bad.txt: invalid UTF-8 at byte 3" ]
}

@test "a write error on stdout is reported and exits 1" {
	[ -w /dev/full ] || skip "no /dev/full"
	run sh -c 'warta-normalize "$1" "$1" >/dev/full' sh "$SEED"
	[ "$status" -eq 1 ]
	[[ "$output" == *"standard output:"* ]]
}

@test "the corpus: 100 articles, one newsMessage that validates, no mojibake left" {
	need_shared
	run --separate-stderr warta-normalize "$WARTA_SHARED/corpus/id"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"normalized 100, rejected 0" ]]
	printf '%s\n' "$output" >"$T/corpus.xml"
	[ "$(xpath "$T/corpus.xml" 'name(/*)')" = newsMessage ]
	[ "$(xpath "$T/corpus.xml" 'count(//*[local-name()="newsItem"])')" = 100 ]
	validate "$T/corpus.xml"
	warta-text "$T/corpus.xml" >"$T/corpus.txt"
	[ "$(grep -c . "$T/corpus.txt")" -gt 500 ]
	run "$WARTA_TOOLS/mojibake-check" <"$T/corpus.txt"
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "no crash on random bytes" {
	for i in 1 2 3 4 5 6 7 8; do
		head -c $((i * 700)) /dev/urandom >"$T/r$i"
	done
	run warta-normalize "$T"/r*
	# Exit 0 or 1 (random bytes may well be rejected), never a crash.
	[ "$status" -le 1 ]
}
