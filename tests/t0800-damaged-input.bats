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

# The bundles and the stream, and every damaged copy of them (in
# $BATS_FILE_TMPDIR/m-KIND/, by one python3 for all: it costs a tenth of a
# second to start).  The last file of each directory, "zz-end", is no
# bundle and no XML at all: every program names it, and so shows that it
# read every copy before it (see survive_all).
setup_file() {
	local d=$BATS_FILE_TMPDIR kind
	warta-normalize -q "$SAMPLES"/semarang-maritim-purwanto.txt \
	    "$SAMPLES"/lang-en.txt "$SAMPLES"/enc-windows-1252.txt |
	    warta-meta -q >"$d/items.xml"
	warta-pack -q -o "$d/b.tar.gz" "$d/items.xml"
	warta-pack -q -o "$d/b.tar" "$d/items.xml"
	warta-pack -q -o "$d/b.zip" "$d/items.xml"
	for kind in b.tar.gz b.tar b.zip items.xml; do
		mkdir "$d/m-$kind"
	done
	python3 - "$MUTATE" "$d" "$BUNDLE_COPIES" "$STREAM_COPIES" <<-'EOF'
	import runpy, sys
	mutate, d, bundles, stream = sys.argv[1:]
	for seed, count, kind in ((11, bundles, 'b.tar.gz'), (11, bundles, 'b.tar'),
	        (11, bundles, 'b.zip'), (12, stream, 'items.xml')):
	    sys.argv = [mutate, str(seed), count, d + '/' + kind, d + '/m-' + kind]
	    runpy.run_path(mutate, run_name='__main__')
	EOF
	for kind in b.tar.gz b.tar b.zip items.xml; do
		printf 'neither a bundle nor XML\n' >"$d/m-$kind/zz-end"
	done
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

# survive_all DIR PROGRAM ARGS...: PROGRAM ARGS DIR/* (every damaged copy,
# then zz-end) in one process, as survives asks of each file: a process
# under ASan costs a fifth of a second to start and to check for leaks,
# and the programs read their inputs one after the other, each on its
# own.  It must end in 0, 1 or 2, say nothing of a sanitizer, and name
# zz-end: it read every copy.  When it does not, each copy is run alone
# (survives) to say which.
survive_all() {
	local dir=$1 f rc=0 out=$BATS_TEST_TMPDIR/out err=$BATS_TEST_TMPDIR/err
	shift
	"$@" "$dir"/* >"$out" 2>"$err" </dev/null || rc=$?
	if [ "$rc" -le 2 ] && ! grep -qE 'Sanitizer|runtime error' "$err" &&
	    grep -qF "$dir/zz-end" "$out" "$err"; then
		return 0
	fi
	echo "$* $dir/*: exit $rc" >&2
	grep -qF "$dir/zz-end" "$out" "$err" ||
	    echo "$*: zz-end, the last input, is not named: not every copy was read" >&2
	tail -n 20 "$err" >&2
	for f in "$dir"/*; do
		survives "$f" "$@" || :
	done
	return 1
}

@test "damaged bundles: warta-verify and warta-unpack end cleanly" {
	local kind
	for kind in b.tar.gz b.tar b.zip; do
		# (warta-verify without -q: it names each bundle, zz-end too)
		survive_all "$BATS_FILE_TMPDIR/m-$kind" warta-verify
		survive_all "$BATS_FILE_TMPDIR/m-$kind" warta-unpack -t
		survive_all "$BATS_FILE_TMPDIR/m-$kind" warta-unpack
	done
}

@test "damaged NewsML-G2: meta, pack, verify and text end cleanly" {
	local m=$BATS_FILE_TMPDIR/m-items.xml f
	survive_all "$m" warta-meta
	survive_all "$m" warta-verify
	survive_all "$m" warta-text
	# Each copy packed on its own: packed together, the copies' items
	# (the same guids) would be left out as duplicates of one another,
	# and the damaged ones never written.
	for f in "$m"/0*; do
		survives "$f" warta-pack -q --force -o "$BATS_TEST_TMPDIR/o.tar.gz"
	done
}
