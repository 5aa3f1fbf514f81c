#!/bin/sh
# fuzz-smoke.sh [SECONDS [SEEDS]]: make check's smoke test of the fuzz
# targets in build/fuzz: each runs SECONDS (default 2) on a fresh copy of
# its seeds (made by tests/fuzz/seeds.sh, or a copy of SEEDS/ it made), so
# that a target that no longer builds, crashes on its seeds or leaks is
# caught.  Nothing is kept.  Exit 0, 1 on a finding, 77 when the targets
# are not built (no clang libFuzzer here).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
ls "$top"/build/fuzz/fuzz_* >/dev/null 2>&1 || exit 77
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/crash"
# Its own stats and logs, so that make fuzz's figures are not mixed in.
for t in "$top"/build/fuzz/fuzz_*; do
	case $t in *.*) continue ;; esac
	ln -s "$t" "$tmp/"
done
# Not niced: among make check's other tests a niced target would wait
# for them, its 2 seconds passing with nothing run.
FUZZ_NICE=0
export FUZZ_NICE
if [ -n "${2:-}" ]; then
	cp -R "$2" "$tmp/corpus"
	FUZZ_SEEDED=1 "$top/tests/fuzz/run.sh" "$tmp" "${1:-2}" "$tmp/corpus"
else
	"$top/tests/fuzz/run.sh" "$tmp" "${1:-2}" "$tmp/corpus"
fi
rc=$?
# A finding is kept for tests/fuzz-regressions/ (see HACKING.md).
if [ "$rc" != 0 ]; then
	mkdir -p "$top/build/fuzz/crash"
	cp -R "$tmp/crash/." "$top/build/fuzz/crash/"
	cp -R "$tmp/log" "$top/build/fuzz/smoke-log"
	echo "fuzz-smoke: the inputs are in build/fuzz/crash/NAME/" >&2
fi
exit $rc
