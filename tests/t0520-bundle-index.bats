#!/usr/bin/env bats
# t0520-bundle-index: .tar.gz and .tar.zst bundles as independent members
# (base/blockz.h) with their index (bagit/index.h): every reader reads them,
# -j does not change a byte, each member is a gzip file alone, the locator
# and every line of bundle-index.tsv are right (checked by
# tests/tools/members.py with Python's zlib, not warta's code), reading
# through the index gives what reading the whole bundle gives, and an index
# that lies or a damaged member is named.

load common



# The samples packed once, as .tar.gz, .tar.zst and .tar (no index), each
# in a directory of its own so that the bundles share their name.
setup_file() {
	local d=$BATS_FILE_TMPDIR f
	warta-normalize -q "$SAMPLES"/*.txt "$SAMPLES"/html/*.html >"$d/items.xml" || true
	for f in tar.gz tar.zst tar; do
		mkdir "$d/$f"
		warta-pack -q -o "$d/$f/b.$f" "$d/items.xml"
	done
	tar -xzOf "$d/tar.gz/b.tar.gz" b/data/catalog.tsv >"$d/catalog.tsv"
	# A bundle large enough for many members: the samples 20 times
	# over, each copy its own guids.
	for i in $(seq 20); do
		sed "s/guid=\"/guid=\"c$i-/g" "$d/items.xml"
	done | python3 -c 'import sys
t = sys.stdin.read()
head, sep, _ = t.partition("<itemSet>")
items = [p.split("</itemSet>")[0] for p in t.split("<itemSet>")[1:]]
sys.stdout.write(head + sep + "".join(items) + "</itemSet></newsMessage>\n")' >"$d/many.xml"
	warta-pack -q -o "$d/many.tar.gz" "$d/many.xml"
}

setup() {
	T=$BATS_TEST_TMPDIR
}

@test "every reader takes the members as one .tar.gz or .tar.zst" {
	local d=$BATS_FILE_TMPDIR
	gzip -t "$d/tar.gz/b.tar.gz"
	pigz -t "$d/tar.gz/b.tar.gz"
	zstd -q -t "$d/tar.zst/b.tar.zst"
	tar -tf "$d/tar/b.tar" | grep -v '/bundle-index' >"$T/want"
	tar -tzf "$d/tar.gz/b.tar.gz" | grep -v '/bundle-index' >"$T/gnu"
	bsdtar -tf "$d/tar.zst/b.tar.zst" | grep -v '/bundle-index' >"$T/bsd"
	python3 -c 'import sys, tarfile
for n in tarfile.open(sys.argv[1]).getnames():
    if "/bundle-index" not in n: print(n)' "$d/tar.gz/b.tar.gz" >"$T/py"
	expect "GNU tar" "$(<"$T/gnu")" "$(<"$T/want")"
	expect "bsdtar" "$(<"$T/bsd")" "$(<"$T/want")"
	expect "tarfile" "$(<"$T/py")" "$(<"$T/want")"
	# pigz and Python's gzip decompress the same bytes GNU gzip does.
	expect "pigz" "$(pigz -dc "$d/tar.gz/b.tar.gz" | sha256sum)" \
	    "$(gzip -dc "$d/tar.gz/b.tar.gz" | sha256sum)"
	expect "python gzip" "$(python3 -c 'import gzip, sys; sys.stdout.buffer.write(gzip.open(sys.argv[1]).read())' "$d/tar.gz/b.tar.gz" | sha256sum)" \
	    "$(gzip -dc "$d/tar.gz/b.tar.gz" | sha256sum)"
}

@test "-j 1, -j 2 and -j 8 write the same bytes" {
	local d=$BATS_FILE_TMPDIR f j
	for f in tar.gz tar.zst; do
		for j in 1 2 8; do
			mkdir -p "$T/$j"
			warta-pack -q -j "$j" -o "$T/$j/b.$f" "$d/items.xml"
		done
		cmp "$T/1/b.$f" "$T/2/b.$f"
		cmp "$T/1/b.$f" "$T/8/b.$f"
		cmp "$T/1/b.$f" "$d/$f/b.$f"
	done
	qrun warta-pack -q -j 0 -o "$T/x.tar.gz" "$d/items.xml"
	expect status "$status" 2
	has stderr "$stderr" "-j: '0' is not a number of jobs"
}

@test "each member a gzip file of its own, the locator at the end, every index line where its entry is" {
	local d=$BATS_FILE_TMPDIR g
	run -0 python3 "$WARTA_TOP/tests/tools/members.py" check "$d/tar.gz/b.tar.gz"
	[[ $output == "members "*" entries "* ]]
	run -0 python3 "$WARTA_TOP/tests/tools/members.py" check "$d/many.tar.gz"
	local n=${output#members }
	n=${n%% *}
	[ "$n" -gt 10 ] || { echo "only $n members"; return 1; }
	# The index in several chunks, each found through the keys.
	[[ ${output##* chunks } -gt 1 ]] || { echo "$output: one chunk"; return 1; }
	g=$(grep -o 'guid="c17-[^"]*"' "$d/many.xml" | sed -n 3p | cut -d'"' -f2)
	qrun warta-unpack --guid "$g" "$d/many.tar.gz"
	expect status "$status" 0
	has output "$output" "guid=\"$g\""
	# .tar.zst: the index's own recipe (bagit/index.h, README) reads the
	# seed's item out of the middle of the file.
	local line off skip
	line=$(tar --zstd -xOf "$d/tar.zst/b.tar.zst" b/bundle-index.tsv | grep -F 'data/items/2021/08/10/')
	line=$(head -1 <<<"$line")
	off=$(cut -f1 <<<"$line")
	skip=$(cut -f2 <<<"$line")
	[ "$off" -gt 0 ] || [ "$skip" -gt 0 ]
	tail -c +$((off + 1)) "$d/tar.zst/b.tar.zst" | zstd -dcq |
	    tail -c +$((skip + 1)) | tar -xOf - "b/$(cut -f3 <<<"$line")" >"$T/one.xml"
	cmp "$T/one.xml" <(tar -xOf "$d/tar/b.tar" "b/$(cut -f3 <<<"$line")")
}

@test "read through the index, the same as the whole bundle read: --guid, --date, --place, -t, -C" {
	local d=$BATS_FILE_TMPDIR f a g
	export SOURCE_DATE_EPOCH=1700000000
	g=$(sed -n 5p "$d/catalog.tsv" | cut -f1)
	for a in "--guid $g" "--guid nosuch" "--date 2021" "--place semarang" \
	    "-t" "-t --tsv --date 2021..2022" "--lang en"; do
		for f in tar.gz tar.zst; do
			# shellcheck disable=SC2086
			qrun warta-unpack $a "$d/$f/b.$f"
			local out=$output err=$stderr st=$status
			# shellcheck disable=SC2086
			qrun warta-unpack $a "$d/tar/b.tar"
			expect "$f $a: status" "$st" "$status"
			expect "$f $a: output" "$out" "$output"
			expect "$f $a: stderr" "$err" "$stderr"
		done
	done
	warta-unpack -C "$T/x1" --date 2021 "$d/tar.gz/b.tar.gz" 2>/dev/null
	warta-unpack -C "$T/x2" --date 2021 "$d/tar/b.tar" 2>/dev/null
	diff -r "$T/x1" "$T/x2"
	[ -n "$(find "$T/x1" -type f)" ]
}

@test "an index that lies: unpack names the entry and where, verify names the index" {
	local d=$BATS_FILE_TMPDIR g p
	p=$(python3 "$WARTA_TOP/tests/tools/members.py" lie "$d/tar.gz/b.tar.gz" "$T/lie.tar.gz")
	gzip -t "$T/lie.tar.gz"
	# The line of p now gives another item's place: the item asked is
	# not where the index says.
	g=$(awk -F '\t' -v p="${p#data/}" '$9 == p { print $1 }' "$d/catalog.tsv")
	[ -n "$g" ]
	qrun warta-unpack --guid "$g" "$T/lie.tar.gz"
	expect status "$status" 1
	has stderr "$stderr" "bundle-index.tsv says it starts at byte "
	qrun warta-verify "$T/lie.tar.gz"
	expect status "$status" 1
	has output "$output" "bundle-index.tsv: SHA-256 differs from tagmanifest-sha256.txt"
}

@test "a member damaged in the middle: verify names it and what it holds, and checks the rest" {
	local d=$BATS_FILE_TMPDIR off
	python3 "$WARTA_TOP/tests/tools/members.py" damage "$d/many.tar.gz" "$T/bad.tar.gz" >"$T/held"
	off=$(head -1 "$T/held")
	tail -n +2 "$T/held" | grep -o '[0-9a-f]\{16\}' | sort -u >"$T/held-ids"
	[ -s "$T/held-ids" ]
	qrun warta-verify -j 2 "$T/bad.tar.gz"
	expect status "$status" 1
	has output "$output" "the member at byte $off is damaged; what it holds could not be checked: $(tail -n +2 "$T/held" | paste -sd,)"
	# The reading went on: the last items were checked, and no problem
	# names an item the damaged member does not hold.
	grep -o '[0-9a-f]\{16\}' <<<"$output" | sort -u >"$T/named"
	expect "items named beyond the damaged member" "$(comm -23 "$T/named" "$T/held-ids")" ""
	lacks output "$output" "the rest of the bag could not be checked"
	# The same report on one thread.
	local out=$output
	qrun warta-verify -j 1 "$T/bad.tar.gz"
	expect "-j 1 report" "$output" "$out"
}
