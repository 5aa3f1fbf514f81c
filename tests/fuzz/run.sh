#!/bin/sh
# run.sh FUZZ_DIR SECONDS [CORPUS_ROOT]: runs each libFuzzer target in
# FUZZ_DIR (make fuzz builds them) for SECONDS, one after the other, on
# its corpus CORPUS_ROOT/NAME (default FUZZ_DIR/corpus), seeded first by
# seeds.sh, with tests/fuzz-regressions/NAME beside it and its dictionary;
# then one line a target: seconds, executions a second, coverage (edges).
# The lines are kept in FUZZ_DIR/stats.tsv as well, to add runs up.
#
# A crash, a leak, a timeout (10 s on one input) or 2 GB of memory is a
# finding: the input is left in FUZZ_DIR/crash/NAME/ and the run exits 1
# once every target ran.  FUZZ_RUNS=N stops a target after N inputs (its
# seeds among them) when that comes before SECONDS (make check's smoke);
# FUZZ_TARGETS="fuzz_a fuzz_b" runs only those;
# FUZZ_SEEDED=1 says CORPUS_ROOT is seeded already; FUZZ_NICE=N runs the
# targets at niceness N (default 10: a long run yields to other work).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$1 seconds=$2 corpus=${3:-$1/corpus}
log=$dir/log
mkdir -p "$log" "$corpus"
if [ "${FUZZ_SEEDED:-0}" != 1 ]; then
	"$top/tests/fuzz/seeds.sh" "$top/build/bin" "$corpus" || exit 2
fi

# The dictionary of a target: what its format's keywords are.
dict() {
	case $1 in
	fuzz_newsml|fuzz_newsml_split|fuzz_input_nitf) echo xml ;;
	fuzz_input_html|fuzz_input_sgml) echo html ;;
	fuzz_bag|fuzz_bagindex|fuzz_input_archive) echo tar ;;
	fuzz_input_warc) echo warc ;;
	fuzz_bagtags) echo bagit ;;
	fuzz_sidecar) echo sidecar ;;
	*) echo text ;;
	esac
}

found=0
: "${FUZZ_TARGETS:=$(cd "$dir" && ls fuzz_* 2>/dev/null | grep -v '\.')}"
for name in $FUZZ_TARGETS; do
	t=$dir/$name
	[ -x "$t" ] || continue
	regress=$top/tests/fuzz-regressions/$name
	mkdir -p "$corpus/$name" "$dir/crash/$name"
	set -- "$corpus/$name"
	[ -d "$regress" ] && set -- "$@" "$regress"
	start=$(date +%s)
	nice -n "${FUZZ_NICE:-10}" "$t" -max_total_time="$seconds" \
	    ${FUZZ_RUNS:+-runs="$FUZZ_RUNS"} -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -dict="$top/tests/fuzz/$(dict "$name").dict" \
	    -artifact_prefix="$dir/crash/$name/" "$@" >"$log/$name" 2>&1
	rc=$?
	took=$(($(date +%s) - start))
	execs=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log/$name")
	cov=$(grep -E '^#[0-9]+.*cov: ' "$log/$name" | tail -1 |
	    sed 's/.*cov: \([0-9]*\).*/\1/')
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log/$name")
	status=ok
	if [ "$rc" != 0 ]; then
		status=FOUND
		found=1
	fi
	printf '%-20s %4ds %8s execs/s %6s edges %10s runs  %s\n' "$name" \
	    "$took" "${execs:-?}" "${cov:-?}" "${runs:-?}" "$status"
	[ "$status" = ok ] || grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' \
	    "$log/$name" | head -3
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$took" "${execs:-}" \
	    "${cov:-}" "${runs:-}" "$status" >>"$dir/stats.tsv"
done
exit $found
