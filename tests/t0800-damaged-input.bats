#!/usr/bin/env bats
# t0800-damaged-input: no program crashes on damaged input.  Bundles (tar,
# tar.gz, zip) and NewsML-G2 streams are damaged a few bytes at a time,
# with fixed seeds, and every program that reads them must end with a
# message and an exit status of 0, 1 or 2: never a signal, never a
# sanitizer's report.  Only on the ASan/UBSan build, which sees all a
# plain build would (a signal) and more.  A dozen or so damaged copies of
# each, not hundreds: the fuzz targets (tests/fuzz/) mutate the same
# readers by the million, in-process; this file is there for what they do
# not run, the programs around the readers.
# check: sanitizer build only

load common

MUTATE=$WARTA_TOP/tests/tools/mutate.py
# Damaged copies of each bundle (three programs each) and of the stream
# (four); T0800_COPIES=N makes each N, for a longer run by hand.
BUNDLE_COPIES=${T0800_COPIES:-8}
STREAM_COPIES=${T0800_COPIES:-12}

setup_file() {
	local d=$BATS_FILE_TMPDIR
	warta-normalize -q "$SAMPLES"/semarang-maritim-purwanto.txt \
	    "$SAMPLES"/lang-en.txt "$SAMPLES"/enc-windows-1252.txt |
	    warta-meta -q >"$d/items.xml"
	warta-pack -q -o "$d/b.tar.gz" "$d/items.xml"
	warta-pack -q -o "$d/b.tar" "$d/items.xml"
	warta-pack -q -o "$d/b.zip" "$d/items.xml"
}

# survives FILE PROGRAM ARGS...: PROGRAM ARGS FILE ends in 0, 1 or 2, and
# says nothing of a sanitizer; else the file and the report are printed.
survives() {
	local f=$1 rc=0
	shift
	"$@" "$f" >/dev/null 2>"$BATS_TEST_TMPDIR/err" </dev/null || rc=$?
	if [ "$rc" -gt 2 ] ||
	    grep -qE 'Sanitizer|runtime error' "$BATS_TEST_TMPDIR/err"; then
		echo "$* $f: exit $rc" >&2
		tail -n 20 "$BATS_TEST_TMPDIR/err" >&2
		cp "$f" "$BATS_TEST_TMPDIR/../kept-$(basename "$f")" 2>/dev/null
		return 1
	fi
}

# damage SEED COUNT FILE: COUNT damaged copies of FILE in $BATS_TEST_TMPDIR/m
damage() {
	mkdir -p "$BATS_TEST_TMPDIR/m"
	python3 "$MUTATE" "$1" "$2" "$3" "$BATS_TEST_TMPDIR/m"
}

@test "damaged bundles: warta-verify and warta-unpack end cleanly" {
	local kind f
	for kind in b.tar.gz b.tar b.zip; do
		rm -rf "$BATS_TEST_TMPDIR/m"
		damage 11 "$BUNDLE_COPIES" "$BATS_FILE_TMPDIR/$kind"
		for f in "$BATS_TEST_TMPDIR"/m/*; do
			survives "$f" warta-verify -q
			survives "$f" warta-unpack -t
			survives "$f" warta-unpack
		done
	done
}

@test "damaged NewsML-G2: meta, pack, verify and text end cleanly" {
	local f
	damage 12 "$STREAM_COPIES" "$BATS_FILE_TMPDIR/items.xml"
	for f in "$BATS_TEST_TMPDIR"/m/*; do
		survives "$f" warta-meta
		survives "$f" warta-pack -q --force -o "$BATS_TEST_TMPDIR/o.tar.gz"
		survives "$f" warta-verify -q
		survives "$f" warta-text
	done
}
