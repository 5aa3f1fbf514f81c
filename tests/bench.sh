#!/bin/sh
# shellcheck disable=SC2086,SC2016  # $t is split on purpose; sh -c '"$1"'
# bench.sh BIN_DIR: the benchmark of warta-normalize (make bench).
#
# For each corpus size it generates (or reuses) a corpus of raw articles
# with the deterministic generator BIN_DIR/../tools/gen-corpus, then times,
# on a warm page cache:
#   cat      every file read and thrown away: the floor of reading the input
#   iconv    the files, concatenated, through iconv -c from Windows-1252
#   normalize  BIN_DIR/warta-normalize DIR > /dev/null
# under /usr/bin/time (Debian package time) for wall and CPU seconds and
# peak resident memory, and prints one table and the exact commands.
#
# Environment:
#   BENCH_SIZES  corpus sizes in articles (default "10000 50000")
#   BENCH_SEED   generator seed (default 1)
#   BENCH_DIR    where corpora and logs go (default BIN_DIR/../bench);
#                a corpus is reused while its size, seed and generator
#                binary stay the same
#
# MB are 10^6 bytes; RSS is in MiB.  Exit status: 0 when every program ran
# (inputs that normalize rejected are listed, and are worth a look: the
# corpus holds nothing that should be rejected), 1 when one failed or
# crashed, 2 on a usage error.
set -u

prog=bench.sh
if [ $# -ne 1 ]; then
	echo "usage: $prog bin_dir" >&2
	exit 2
fi
bin=${1%/}
build=$(dirname "$bin")
tools=$build/tools
gen=$tools/gen-corpus
normalize=$bin/warta-normalize
work=${BENCH_DIR:-$build/bench}
sizes=${BENCH_SIZES:-10000 50000}
seed=${BENCH_SEED:-1}
timefmt='%e %U %S %M %x'
TIME=/usr/bin/time
top=$(cd "$(dirname "$0")/.." && pwd)

die() {
	echo "$prog: $*" >&2
	exit 1
}

# Quotes arguments for the shell, so that printed commands can be pasted.
quote() {
	for a; do
		case $a in
		''|*[!A-Za-z0-9_./=:,+%-]*)
			printf "'%s' " "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")" ;;
		*)	printf '%s ' "$a" ;;
		esac
	done
}

# Prints a command as it is run, then runs it.
run() {
	echo "+ $(quote "$@" | sed 's/ $//')"
	"$@"
}

[ -x "$TIME" ] || die "$TIME not found (Debian package time)"
[ -x "$normalize" ] || die "$normalize: not found (make programs)"
for n in $sizes; do
	case $n in
	''|*[!0-9]*|0) die "BENCH_SIZES: not a count of articles: $n" ;;
	esac
done
if [ ! -x "$gen" ]; then
	# make bench builds the programs only; the generator is a test tool
	b=$(cd "$build" && pwd) || exit 1
	run make --no-print-directory -C "$top" B="$b" "$b/tools/gen-corpus" ||
		die "$gen: cannot build it"
fi
mkdir -p "$work" || exit 1

# Runs a command under /usr/bin/time with stdout to /dev/null and stderr to
# $errfile, and leaves "seconds user sys maxrss_kib status" in $t.
timed() {
	echo "+ $(quote "$TIME" -f "$timefmt" -o "$work/time.out" "$@")>/dev/null 2>$errfile"
	"$TIME" -f "$timefmt" -o "$work/time.out" "$@" >/dev/null 2>"$errfile"
	# GNU time writes "Command exited with non-zero status N" first
	t=$(tail -n 1 "$work/time.out")
}

status=0
rows=
rss_first=''
rss_last=''
cpu=$(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo "bench: $(uname -sm), ${cpu:-unknown cpu}, $(nproc 2>/dev/null || echo ?) cpus, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "bench: warta-normalize $normalize, generator $gen, seed $seed, sizes $sizes"

for n in $sizes; do
	dir=$work/corpus-$n-s$seed
	stamp="n=$n seed=$seed gen=$(cksum <"$gen" | cut -d' ' -f1,2)"
	echo
	echo "== $n articles"
	if [ -d "$dir" ] && [ -f "$dir.stamp" ] &&
	    [ "$(cat "$dir.stamp")" = "$stamp" ]; then
		echo "reusing $dir ($stamp)"
	else
		rm -rf "$dir" "$dir.stamp"
		run "$gen" -n "$n" -s "$seed" -o "$dir" ||
			die "$gen failed"
		echo "$stamp" >"$dir.stamp"
	fi
	bytes=$(find "$dir" -type f -name '*.txt' -printf '%s\n' |
	    awk '{ s += $1 } END { printf "%.0f", s }')
	files=$(find "$dir" -type f -name '*.txt' | wc -l)
	[ "$files" -eq "$n" ] || die "$dir: $files files, expected $n"

	echo "warming the page cache:"
	run sh -c 'find "$1" -type f -print0 | xargs -0 cat >/dev/null' sh "$dir"

	errfile=$work/cat-$n.err
	timed sh -c 'find "$1" -type f -print0 | xargs -0 cat' sh "$dir"
	set -- $t
	[ "$5" = 0 ] || { echo "$prog: cat failed:"; cat "$errfile"; status=1; }
	cat_s=$1
	rows="$rows
cat $n $bytes $t"

	errfile=$work/iconv-$n.err
	timed sh -c 'find "$1" -type f -print0 | xargs -0 cat | iconv -c -f WINDOWS-1252 -t UTF-8' sh "$dir"
	set -- $t
	# iconv -c exits 1 when it dropped bytes it could not convert
	[ "$5" -le 1 ] || { echo "$prog: iconv failed:"; cat "$errfile"; status=1; }
	rows="$rows
iconv $n $bytes $1 $2 $3 $4 $(($5 > 1 ? $5 : 0))"

	errfile=$work/normalize-$n.err
	timed "$normalize" "$dir"
	set -- $t
	rows="$rows
warta-normalize $n $bytes $t"
	rss=$4
	[ -n "$rss_first" ] || rss_first="$n $rss"
	rss_last="$n $rss"
	nerr=$(grep -c . "$errfile")
	case $5 in
	0|1)
		echo "normalize: exit $5, stderr $nerr lines ($errfile), last:"
		tail -n 1 "$errfile" | sed 's/^/    /'
		if [ "$5" = 1 ] || [ "$nerr" -gt 1 ]; then
			echo "normalize: WARNING: messages on a generated corpus (first 10):"
			head -n 10 "$errfile" | sed 's/^/    /'
		fi
		;;
	*)
		echo "normalize: FAILED, exit status $5 (stderr in $errfile):"
		tail -n 10 "$errfile" | sed 's/^/    /'
		status=1
		;;
	esac
	awk -v n="$cat_s" -v m="$1" 'BEGIN {
		if (n > 0)
			printf "normalize takes %.1f times as long as cat\n", m / n
		else
			printf "cat took under 0.01 s: no ratio\n"
	}'
done

echo
echo "results (MB = 10^6 bytes; seconds are wall time, cpu s is user + system):"
echo "$rows" | awk 'NF == 8 {
	mb = $3 / 1e6
	s = $4
	rate = "-"
	arts = "-"
	if (s > 0) {
		rate = sprintf("%.1f", mb / s)
		arts = sprintf("%.0f", $2 / s)
	}
	note = ""
	if ($8 != 0)
		note = " exit " $8
	printf "%-16s %9d %9.1f %8.2f %8.2f %9s %11s %8.1f%s\n", $1, $2, mb,
	    s, $5 + $6, rate, arts, $7 / 1024, note
}' | {
	printf "%-16s %9s %9s %8s %8s %9s %11s %8s\n" program articles \
	    "input MB" seconds "cpu s" "MB/s" "articles/s" "RSS MiB"
	cat
}
if [ -n "$rss_first" ] && [ "$rss_first" != "$rss_last" ]; then
	set -- $rss_first $rss_last
	awk -v n1="$1" -v r1="$2" -v n2="$3" -v r2="$4" 'BEGIN {
		printf "normalize peak RSS: %.1f MiB at %d articles, %.1f MiB at %d\n",
		    r1 / 1024, n1, r2 / 1024, n2
	}'
fi
exit $status
