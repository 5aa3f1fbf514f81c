#!/usr/bin/env bats
# t0510-pack-memory: warta-pack's memory does not grow with the number of
# items it packs (issue 4: "peak memory at 10,000 and 100,000 items within
# 10% of each other"; make bench measures those sizes, this test 2,000 and
# 20,000, which a growth of a few hundred bytes an item already shows).

load common

# Under ASan every allocation is kept in quarantine for a while: its
# resident memory says nothing about the program's.
under_asan() { [[ $WARTA_BIN == */san/* ]]; }

setup_file() {
	local d=$BATS_FILE_TMPDIR n
	under_asan && return 0
	for n in 2000 20000; do
		"$WARTA_TOOLS/gen-corpus" -n "$n" -s 7 -o "$d/corpus-$n" >/dev/null
		warta-normalize -q "$d/corpus-$n" >"$d/items-$n.xml"
	done
}

# peak N: warta-pack's peak resident memory in KiB on N items
peak() {
	/usr/bin/time -f %M -o "$BATS_TEST_TMPDIR/rss-$1" \
	    warta-pack -q -o "$BATS_TEST_TMPDIR/b-$1.tar.gz" \
	    "$BATS_FILE_TMPDIR/items-$1.xml"
	cat "$BATS_TEST_TMPDIR/rss-$1"
}

@test "pack: peak memory at 2,000 and at 20,000 items within 10%" {
	under_asan && skip "resident memory under ASan is the sanitizer's"
	local small large
	small=$(peak 2000)
	large=$(peak 20000)
	echo "peak RSS: $small KiB at 2,000 items, $large KiB at 20,000" >&3
	# Both packed whole: the count is in the catalog.
	expect items "$(tar -xzOf "$BATS_TEST_TMPDIR/b-20000.tar.gz" b-20000/data/catalog.tsv | tail -n +2 | wc -l)" 20000
	[ "$large" -le $((small * 110 / 100)) ]
}
