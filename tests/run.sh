#!/bin/sh
# run.sh BUILD_DIR...: runs every test (cmocka unit tests, then the bats
# program tests) once per build directory (the plain build, then the
# sanitizer build), and ends with one line: N passed, N failed, N skipped.
#
# Tests that need ../shared (the official schema, the corpus) skip
# themselves when it is absent, and are counted as skipped, never passed.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
log=$top/build/test.log
: >"$log"
passed=0 failed=0 skipped=0

# Counts one TAP stream read from standard input and echoes its failures.
count() {
	while IFS= read -r line; do
		printf '%s\n' "$line" >>"$log"
		case $line in
		# cmocka 1.1 reports a skipped test as "not ok N # SKIP".
		"not ok "*"# SKIP"*|"not ok "*"# skip"*) skipped=$((skipped + 1)) ;;
		"not ok"*) failed=$((failed + 1)); printf '%s  %s\n' "$label" "$line" ;;
		"ok "*"# skip"*|"ok "*"# SKIP"*) skipped=$((skipped + 1)) ;;
		"ok "*) passed=$((passed + 1)) ;;
		"#"*) case $line in *[Ff]ail*|*rror*) printf '%s  %s\n' "$label" "$line" ;; esac ;;
		esac
	done
}

if [ -d "$top/../shared" ]; then
	WARTA_SHARED=$(cd "$top/../shared" && pwd)
else
	WARTA_SHARED=
fi
export WARTA_SHARED
WARTA_TOP=$top
export WARTA_TOP

for b in "$@"; do
	dir=$top/$b
	label=$b
	echo "== $b: unit tests" | tee -a "$log"
	for t in "$dir"/unit/test_*; do
		[ -x "$t" ] || continue
		rc_file=$(mktemp)
		{ CMOCKA_MESSAGE_OUTPUT=TAP "$t" 2>&1; echo $? >"$rc_file"; } >"$rc_file.out"
		count <"$rc_file.out"
		rc=$(cat "$rc_file")
		if [ "$rc" != 0 ] && ! grep -q '^not ok' "$rc_file.out"; then
			# A crash (a sanitizer report) before any TAP line is a failure too.
			failed=$((failed + 1))
			echo "$label  not ok - $(basename "$t") exited $rc"
			tail -20 "$rc_file.out"
		fi
		rm -f "$rc_file" "$rc_file.out"
	done
	echo "== $b: program tests" | tee -a "$log"
	out=$(mktemp)
	WARTA_BIN=$dir/bin WARTA_TOOLS=$dir/tools WARTA_TOP=$top \
	    PATH=$dir/bin:$PATH bats --tap "$top"/tests/*.bats >"$out" 2>&1
	# Not "bats | count": the counts must survive the pipeline's subshell.
	count <"$out"
	rm -f "$out"
done

echo "details: build/test.log"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
