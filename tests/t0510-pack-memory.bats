#!/usr/bin/env bats
# t0510-pack-memory: warta-pack's memory does not grow with the number of
# items it packs (issue 4: "peak memory at 10,000 and 100,000 items within
# 10% of each other"; make bench measures those sizes, this test 2,000 and
# 20,000, which a growth of a few hundred bytes an item already shows).

load common

# Under ASan every allocation is kept in quarantine for a while: its
# resident memory says nothing about the program's.
under_asan() { [[ $WARTA_BIN == */san/* ]]; }

# One corpus of 20,000 articles; the 2,000 are its first 2,000 (gen-corpus
# makes article i the same whatever the count, in DIR/0000/000001.txt ...
# DIR/0002/002000.txt: the items are byte for byte those of a corpus of
# 2,000), not a second corpus generated.
setup_file() {
	local d=$BATS_FILE_TMPDIR
	under_asan && return 0
	"$WARTA_TOOLS/gen-corpus" -n 20000 -s 7 -o "$d/corpus" >/dev/null
	warta-normalize -q "$d/corpus/0000" "$d/corpus/0001" "$d/corpus/0002/002000.txt" \
	    >"$d/items-2000.xml"
	warta-normalize -q "$d/corpus" >"$d/items-20000.xml"
}

# peak N: warta-pack's peak resident memory in KiB on N items
peak() {
	/usr/bin/time -f %M -o "$BATS_TEST_TMPDIR/rss-$1" \
	    warta-pack -q -o "$BATS_TEST_TMPDIR/b-$1.tar.gz" \
	    "$BATS_FILE_TMPDIR/items-$1.xml"
	echo "$(<"$BATS_TEST_TMPDIR/rss-$1")"
}

@test "pack: peak memory at 2,000 and at 20,000 items within 10%" {
	under_asan && skip "resident memory under ASan is the sanitizer's"
	local small large
	small=$(peak 2000)
	large=$(peak 20000)
	echo "peak RSS: $small KiB at 2,000 items, $large KiB at 20,000" >&3
	# Both packed whole: the count is in the catalog.  (bsdtar, not GNU
	# tar: it reads the gzip itself, at a third of the CPU.)
	expect items "$(bsdtar -xOf "$BATS_TEST_TMPDIR/b-20000.tar.gz" b-20000/data/catalog.tsv | tail -n +2 | wc -l)" 20000
	[ "$large" -le $((small * 110 / 100)) ]
}
