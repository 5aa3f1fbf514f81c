#!/usr/bin/env bats
# t0110-normalize: warta-normalize as a program: options, inputs (files,
# directories, stdin), the stream shape, bad input and exit codes,
# determinism, and the whole of ../shared/corpus/id.

load common

SEED=$WARTA_TOP/samples/semarang-maritim-purwanto.txt

setup() {
	T=$BATS_TEST_TMPDIR
}

# mrun CMD...: as bats's `run CMD...` does for a program: standard
# output and error merged in output and lines, the exit status in status;
# without run's extra processes (qrun, in tools/qrun.bash, keeps them
# apart).
mrun() {
	local d=$BATS_TEST_TMPDIR
	status=0
	"$@" >"$d/mrun.out" 2>&1 || status=$?
	output=$(<"$d/mrun.out")
	IFS=$'\n' read -d '' -r -a lines <<<"$output" || true
}

# validate_all FILE...: validate, in common.bash, of every FILE by one
# xmllint
validate_all() {
	need_shared
	xmllint --nonet --noout --schema "$(XSD)" "$@"
}

@test "--help prints usage on stdout and exits 0" {
	mrun warta-normalize --help
	[ "$status" -eq 0 ]
	[[ "$output" == usage:* ]]
	[[ "$output" == *--max-size* ]]
}

@test "--version prints the version" {
	mrun warta-normalize --version
	[ "$status" -eq 0 ]
	[[ "$output" =~ ^warta-normalize\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
}

@test "usage errors exit 2 with one line" {
	mrun warta-normalize --bogus
	[ "$status" -eq 2 ]
	mrun warta-normalize -e klingon "$SEED"
	[ "$status" -eq 2 ]
	[[ "$output" == *"unknown encoding 'klingon'"* ]]
	mrun warta-normalize -p 'Not A Domain' "$SEED"
	[ "$status" -eq 2 ]
	mrun warta-normalize -l 'x' "$SEED"
	[ "$status" -eq 2 ]
	mrun warta-normalize -s 0 "$SEED"
	[ "$status" -eq 2 ]
	mrun warta-normalize -s 12Q "$SEED"
	[ "$status" -eq 2 ]
}

@test "a bad SOURCE_DATE_EPOCH is a usage error" {
	SOURCE_DATE_EPOCH=yesterday mrun warta-normalize "$SEED"
	[ "$status" -eq 2 ]
	[[ "$output" == *SOURCE_DATE_EPOCH* ]]
}

@test "one input gives a lone newsItem, stdin too" {
	warta-normalize <"$SEED" >"$T/stdin.xml" 2>"$T/err"
	xvals "$T/stdin.xml" 'name(/*)' 'count(//*[local-name()="fileName"])'
	expect root "${XV[0]}" newsItem
	expect fileNames "${XV[1]}" 0
	warta-normalize - <"$SEED" >"$T/dash.xml" 2>/dev/null
	cmp "$T/stdin.xml" "$T/dash.xml"
	grep -qx 'warta-normalize: normalized 1, rejected 0' "$T/err"
}

@test "several inputs give one newsMessage with header/sent, in order" {
	printf 'Hello world, this is a short article.\n' >"$T/b.txt"
	printf 'Another article about the harbour.\n' >"$T/a.txt"
	warta-normalize "$T/b.txt" "$SEED" "$T/a.txt" >"$T/m.xml" 2>/dev/null
	xvals "$T/m.xml" 'name(/*)' \
	    '/*/*[local-name()="header"]/*[local-name()="sent"]' \
	    'count(//*[local-name()="newsItem"])' \
	    '(//*[local-name()="fileName"])[1]' \
	    '(//*[local-name()="fileName"])[3]'
	expect root "${XV[0]}" newsMessage
	expect sent "${XV[1]}" 2023-11-14T22:13:20Z
	expect items "${XV[2]}" 3
	expect "first fileName" "${XV[3]}" b.txt
	expect "third fileName" "${XV[4]}" a.txt
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
	mrun warta-normalize "$T/raw"
	[ "$status" -eq 0 ]
	# each <fileName> and its text, as grep -o gives them, in a line
	local rest=$output names=
	while [[ $rest =~ \<fileName\>[^\<]* ]]; do
		names+="${BASH_REMATCH[0]} "
		rest=${rest#*"${BASH_REMATCH[0]}"}
	done
	expect fileNames "$names" "<fileName>Y.txt <fileName>y.txt <fileName>z.txt "
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
	local sum
	sum=$(sha256sum "$SEED")
	sum=${sum%% *}
	xvals "$T/s.xml" '/*/@guid' '//*[local-name()="hash"]' \
	    '//*[local-name()="provider"]/@uri'
	expect guid "${XV[0]}" "urn:newsml:maritim.example:20210810:${sum:0:16}"
	expect hash "${XV[1]}" "$sum"
	expect provider "${XV[2]}" https://maritim.example/
}

@test "the original bytes are kept: text when UTF-8, base64 otherwise" {
	printf 'Kata \223baru\224 di Jakarta, caf\351.\r\n' >"$T/cp.txt"
	warta-normalize "$T/cp.txt" >"$T/cp.xml" 2>/dev/null
	xvals "$T/cp.xml" '//*[local-name()="inlineData"]/@encoding' \
	    '//*[local-name()="inlineData"]/@contenttype' \
	    '//*[local-name()="inlineData"]'
	expect encoding "${XV[0]}" encd:base64
	expect type "${XV[1]}" 'text/plain; charset=windows-1252'
	# as xmllint prints it, with its newline
	base64 -d <<<"${XVRAW[2]}" | cmp - "$T/cp.txt"
	printf 'Line one\r\nline two \xe2\x80\x9cquoted\xe2\x80\x9d\r\n' >"$T/crlf.txt"
	warta-normalize "$T/crlf.txt" >"$T/crlf.xml" 2>/dev/null
	xvals "$T/crlf.xml" '//*[local-name()="inlineData"]/@encoding' \
	    '//*[local-name()="inlineData"]'
	expect encoding "${XV[0]}" ""
	# the string value, as xmllint prints it but for its newline
	printf '%s' "${XVRAW[1]}" | cmp - "$T/crlf.txt"
	validate_all "$T/cp.xml" "$T/crlf.xml"
}

@test "bad inputs: one line each, the batch goes on, exit 1 after the summary" {
	printf 'good article text here.\n' >"$T/good.txt"
	: >"$T/empty.txt"
	local a512 a3000
	printf -v a512 '%512s' ''
	printf -v a3000 '%3000s' ''
	printf '%s\0\1\2' "${a512// /a}" >"$T/bin.dat"
	printf '%s' "${a3000// /a}" >"$T/big.txt"
	qrun -1 warta-normalize -s 2k "$T/empty.txt" "$T/bin.dat" "$T/good.txt" "$T/big.txt" "$T/missing.txt"
	[ "${stderr_lines[0]}" = "warta-normalize: $T/empty.txt: empty file" ]
	[ "${stderr_lines[1]}" = "warta-normalize: $T/bin.dat: binary data at byte 512, not text" ]
	[ "${stderr_lines[2]}" = "warta-normalize: $T/big.txt: 3000 bytes, larger than the size bound of 2048 bytes (see --max-size)" ]
	[ "${stderr_lines[3]}" = "warta-normalize: $T/missing.txt: No such file or directory" ]
	[ "${stderr_lines[4]}" = "warta-normalize: normalized 1, rejected 4" ]
	[ "${#stderr_lines[@]}" -eq 5 ]
	printf '%s\n' "$output" >"$T/out.xml"
	xvals "$T/out.xml" 'name(/*)'
	expect root "${XV[0]}" newsItem
}

@test "stdout carries only XML when inputs are rejected" {
	printf 'good article text here.\n' >"$T/good.txt"
	: >"$T/empty.txt"
	qrun -1 warta-normalize "$T/good.txt" "$T/empty.txt"
	[[ "$output" == "<?xml"* ]]
	[[ "$stderr" == *"normalized 1, rejected 1" ]]
}

@test "oversize standard input is caught without reading it all" {
	qrun -1 sh -c "head -c 5000000 /dev/zero | tr '\\0' a | warta-normalize -s 1M"
	[[ "$stderr" == *"<stdin>: larger than the size bound of 1048576 bytes"* ]]
}

@test "forced UTF-8 on invalid bytes names the offset" {
	printf 'abc\351def\n' >"$T/bad.txt"
	mrun warta-normalize -e utf-8 "$T/bad.txt"
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "warta-normalize: $T/bad.txt: invalid UTF-8 at byte 3" ]
}

@test "a write error on stdout is reported and exits 1" {
	[ -w /dev/full ] || skip "no /dev/full"
	mrun sh -c 'warta-normalize "$1" "$1" >/dev/full' sh "$SEED"
	[ "$status" -eq 1 ]
	[[ "$output" == *"standard output:"* ]]
}

@test "the corpus: 100 articles, one newsMessage that validates, no mojibake left" {
	need_shared
	qrun warta-normalize "$WARTA_SHARED/corpus/id"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"normalized 100, rejected 0" ]]
	printf '%s\n' "$output" >"$T/corpus.xml"
	xvals "$T/corpus.xml" 'name(/*)' 'count(//*[local-name()="newsItem"])'
	expect root "${XV[0]}" newsMessage
	expect items "${XV[1]}" 100
	validate "$T/corpus.xml"
	warta-text "$T/corpus.xml" >"$T/corpus.txt"
	[ "$(grep -c . "$T/corpus.txt")" -gt 500 ]
	mrun "$WARTA_TOOLS/mojibake-check" <"$T/corpus.txt"
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "no crash on random bytes" {
	for i in 1 2 3 4 5 6 7 8; do
		head -c $((i * 700)) /dev/urandom >"$T/r$i"
	done
	mrun warta-normalize "$T"/r*
	# Exit 0 or 1 (random bytes may well be rejected), never a crash.
	[ "$status" -le 1 ]
}
