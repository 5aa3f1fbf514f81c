#!/bin/sh
# run-one.sh BUILD KIND FILE: one test file of tests/run.sh.  KIND is unit
# (a cmocka binary) or bats.  The TAP goes to $tap/BUILD-NAME.tap, and one
# line says how the file went.  A file that exits non-zero without a
# failing test (a sanitizer report, a crash) leaves NAME.tap.crash, which
# run.sh counts as a failure.
set -u
b=$1 kind=$2 file=$3
dir=$top/$b
name=$(basename "$file" .bats)
out=$tap/$(echo "$b" | tr / -)-$name.tap
start=$(date +%s)
case $kind in
unit)
	CMOCKA_MESSAGE_OUTPUT=TAP "$file" >"$out" 2>&1
	rc=$?
	;;
bats)
	WARTA_BIN=$dir/bin WARTA_TOOLS=$dir/tools \
	    PATH=$dir/bin:$PATH bats --tap "$file" >"$out" 2>&1
	rc=$?
	;;
esac
ok=$(grep -c '^ok ' "$out")
bad=$(grep '^not ok' "$out" | grep -Evc '# (SKIP|skip)')
# Non-zero with no test failed: a crash, a sanitizer report at exit, a
# bats file that died.  (cmocka writes a skip as "not ok N # SKIP", so a
# skip must not hide it.)
if [ "$rc" != 0 ] && [ "$bad" -eq 0 ]; then
	{ echo "$name exited $rc"; tail -20 "$out"; } >"$out.crash"
fi
skip=$(grep -Ec '# (SKIP|skip)' "$out")
status=ok
[ "$bad" -gt 0 ] || [ -f "$out.crash" ] && status=FAIL
printf '%-4s %-9s %-28s %3d ok, %d failed, %d skipped (%ds)\n' \
    "$status" "$b" "$name" "$((ok - $(grep -Ec "^ok .*# (SKIP|skip)" "$out")))" "$bad" "$skip" \
    "$(($(date +%s) - start))"
