#!/bin/sh
# run.sh [--unit] BUILD_DIR [SAN_BUILD_DIR]: runs the tests of the plain
# build, then of the sanitizer build: the cmocka unit tests (on the
# sanitizer build, where it is given) and (without --unit) the bats
# program tests.  The test files run side by side under
# GNU parallel (JOBS at once, default twice the cores: most tests wait on
# processes and pipes); a line is printed as each file ends, then one
# summary line: N passed, N failed, N skipped.
#
# The plain build runs every bats file but those marked
# "# check: sanitizer build only", and, when a sanitizer build is given,
# "# check: sanitizer build, or the plain build where there is none"
# (t0930: the fuzz replays and the libFuzzer smoke, once).  The sanitizer
# build runs every unit test and the bats files whose mark begins
# "# check: sanitizer build":
# the files that feed hostile and damaged bytes to the programs, replay
# the fuzz findings and seeds, and take every sample through every stage.
# The rest check what the programs write, which ASan does not change, and
# would cost as much again (process start-up under ASan is ~5 times
# slower).  SAN_TESTS=all runs every bats file on the sanitizer build too.
#
# Tests that need ../shared (the official schema, the corpus) skip
# themselves when it is absent, and are counted as skipped, never passed.
#
# One file alone: tests/run.sh is not needed; see HACKING.md.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
unit_only=0
if [ "${1:-}" = --unit ]; then
	unit_only=1
	shift
fi
if [ $# -eq 0 ] || [ $# -gt 2 ]; then
	echo "usage: run.sh [--unit] BUILD_DIR [SAN_BUILD_DIR]" >&2
	exit 2
fi

if [ -d "$top/../shared" ]; then
	WARTA_SHARED=$(cd "$top/../shared" && pwd)
else
	WARTA_SHARED=
fi
export WARTA_SHARED
WARTA_TOP=$top
export WARTA_TOP
# The python3 the tests start, found once: a version manager's shim
# (pyenv's) would cost a second of CPU at every start.
if py=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) &&
    [ -x "$py" ]; then
	PATH=$(dirname "$py"):$PATH
	export PATH
fi

tap=$top/build/tap
log=$top/build/test.log
rm -rf "$tap"
mkdir -p "$tap"

# One job a line: BUILD KIND FILE, the slowest files first so that the
# pool ends together.
jobs=$tap/jobs
: >"$jobs"
plain=$1
# The bats files first, the sanitizer build's first of all, and by name
# from the last (t0800 and t0500-t0700 build and break many bundles):
# what takes longest starts first, and the unit tests, seconds each,
# fill in at the end.  Before all of them, those that took longest in
# make check (2026-12-03, 2 cores, wall), slowest first: in name order,
# t0100 and t0140 started among the last and ended a minute after the
# rest.  A file not named here keeps its place.
first="t0930-fuzz t0500-pack t0700-unpack t0600-verify t1000-html
t0100-normalize-golden t0510-pack-memory t0400-meta t0140-input-nitf-sgml
t0800-damaged-input test_sidecar t0150-input-warc-archive t0300-text
t1010-html-browser t0520-bundle-index test_extsort"
if [ "$unit_only" = 0 ]; then
	for b in ${2:-} "$1"; do
		for t in $(ls "$top"/tests/t*.bats | sort -r); do
			mark=$(grep -m1 '^# check: sanitizer build' "$t")
			if [ "$b" = "$plain" ]; then
				[ "$mark" = "# check: sanitizer build only" ] &&
				    continue
				[ -n "${2:-}" ] && [ "$mark" = \
				    "# check: sanitizer build, or the plain build where there is none" ] &&
				    continue
			elif [ "${SAN_TESTS:-}" != all ] && [ -z "$mark" ]; then
				continue
			fi
			echo "$b bats $t" >>"$jobs"
		done
	done
fi
# The unit tests on the sanitizer build alone, where it is given (make
# check builds them there only); on the one build otherwise.
for t in "$top/${2:-$1}"/unit/test_*; do
	[ -x "$t" ] && echo "${2:-$1} unit $t" >>"$jobs"
done

# The files named in $first to the front, in its order (a stable sort).
awk -v first="$first" '
	BEGIN { n = split(first, f, /[ \n]+/); for (i = 1; i <= n; i++) rank[f[i]] = i }
	{
		name = $3; sub(/.*\//, "", name); sub(/\.bats$/, "", name)
		printf "%d %d %s\n", (name in rank) ? rank[name] : 1000, NR, $0
	}' "$jobs" | sort -n -k1,1 -k2,2 | cut -d' ' -f3- >"$jobs.sorted"
mv "$jobs.sorted" "$jobs"

n=$(nproc 2>/dev/null || echo 2)
: "${JOBS:=$((n * 2))}"
export tap top

# Prints one line as a file ends; the TAP goes to build/tap/.
parallel --will-cite -j "$JOBS" --line-buffer --colsep ' ' \
    "$top/tests/run-one.sh" {1} {2} {3} <"$jobs"

# Counts every TAP file; failures are shown again at the end.
passed=0 failed=0 skipped=0
: >"$log"
for f in "$tap"/*.tap; do
	[ -f "$f" ] || continue
	label=$(basename "$f" .tap)
	{ echo "== $label"; cat "$f"; } >>"$log"
	p=$(grep -c '^ok ' "$f" | tr -d ' ')
	s=$(grep -Ec '^(ok|not ok) .*# (SKIP|skip)' "$f" | tr -d ' ')
	x=$(grep '^not ok' "$f" | grep -Evc '# (SKIP|skip)' | tr -d ' ')
	# ok-with-skip lines were counted in p: take them out.
	ps=$(grep -Ec '^ok .*# (SKIP|skip)' "$f" | tr -d ' ')
	passed=$((passed + p - ps))
	skipped=$((skipped + s))
	failed=$((failed + x))
	if [ -f "$f.crash" ]; then
		failed=$((failed + 1))
	fi
done
if [ "$failed" -gt 0 ]; then
	echo "failures:"
	for f in "$tap"/*.tap; do
		label=$(basename "$f" .tap)
		grep '^not ok' "$f" | grep -Ev '# (SKIP|skip)' |
		    sed "s|^|  $label  |"
		[ -f "$f.crash" ] && sed "s|^|  $label  |" "$f.crash"
	done
fi
echo "details: build/test.log"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
