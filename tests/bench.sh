#!/bin/sh
# shellcheck disable=SC2086,SC2016  # $t is split on purpose; sh -c '"$1"'
# bench.sh BIN_DIR: the benchmark of warta-normalize and warta-meta
# (make bench).
#
# For each corpus size it generates (or reuses) a corpus of raw articles
# with the deterministic generator BIN_DIR/../tools/gen-corpus, then times,
# on a warm page cache:
#   cat      every file read and thrown away: the floor of reading the input
#   iconv    the files, concatenated, through iconv -c from Windows-1252
#   normalize  BIN_DIR/warta-normalize DIR > /dev/null
# Then it makes the corpus's items once, with SOURCE_DATE_EPOCH fixed
# (warta-normalize DIR > items-N.xml, one newsMessage), and times on them:
#   xmllint    xmllint --noout --stream items-N.xml: libxml2's streaming
#              reader parsing the same NewsML-G2 and building nothing; the
#              floor for a stage that must read every byte of the stream
#              and holds one item at a time, as warta-meta does
#   meta --no-find  BIN_DIR/warta-meta --no-find items-N.xml > /dev/null:
#              the stream read, each item looked at and written back
#   meta       BIN_DIR/warta-meta items-N.xml > /dev/null: the same with
#              finding people, organizations, places, subjects (the default)
# all under /usr/bin/time (Debian package time) for wall and CPU seconds and
# peak resident memory, and prints one table and the exact commands.  For
# the xmllint and meta rows, "articles" counts the items in items-N.xml,
# input MB is its size, and articles/s is items/s.
#
# Environment:
#   BENCH_SIZES  corpus sizes in articles (default "10000 50000")
#   BENCH_SEED   generator seed (default 1)
#   BENCH_DIR    where corpora, items and logs go (default BIN_DIR/../bench);
#                a corpus is reused while its size, seed and generator
#                binary stay the same, its items while that and the
#                warta-normalize binary stay the same
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
meta=$bin/warta-meta
xmllint=xmllint
# the items, and so their size and the time to read them, do not depend on
# the day the benchmark runs
epoch=1700000000
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
[ -x "$meta" ] || die "$meta: not found (make programs)"
command -v "$xmllint" >/dev/null 2>&1 ||
	die "$xmllint: not found (Debian package libxml2-utils)"
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
mrss_first=''
mrss_last=''
frss_first=''
frss_last=''
ratios=
cpu=$(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo "bench: $(uname -sm), ${cpu:-unknown cpu}, $(nproc 2>/dev/null || echo ?) cpus, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "bench: warta-normalize $normalize, warta-meta $meta, $($xmllint --version 2>&1 | head -n 1)"
echo "bench: generator $gen, seed $seed, sizes $sizes"

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

	# The items: normalize's output for this corpus, made once.  Written
	# to a temporary file first, so that an interrupted run leaves
	# nothing that a later run would take for finished.
	items=$work/items-$n.xml
	istamp="$stamp normalize=$(cksum <"$normalize" | cut -d' ' -f1,2) epoch=$epoch"
	if [ -f "$items" ] && [ -f "$items.stamp" ] &&
	    [ "$(cat "$items.stamp")" = "$istamp" ]; then
		echo "reusing $items ($istamp)"
	else
		rm -f "$items" "$items.stamp"
		echo "+ $(quote env SOURCE_DATE_EPOCH=$epoch "$normalize" "$dir")>$items.tmp 2>$work/items-$n.err"
		env SOURCE_DATE_EPOCH=$epoch "$normalize" "$dir" >"$items.tmp" \
		    2>"$work/items-$n.err"
		st=$?
		# 1: some inputs rejected (reported above); the rest are items
		if [ "$st" -gt 1 ]; then
			tail -n 10 "$work/items-$n.err" | sed 's/^/    /'
			die "warta-normalize failed making $items, exit status $st"
		fi
		mv "$items.tmp" "$items" || exit 1
		echo "$istamp" >"$items.stamp"
	fi
	ibytes=$(wc -c <"$items" | tr -d ' ')
	nitems=$(grep -o '<newsItem[ >]' "$items" | wc -l | tr -d ' ')
	echo "items: $nitems in $ibytes bytes"
	[ "$nitems" -gt 0 ] || die "$items: no items"

	echo "warming the page cache:"
	run sh -c 'cat "$1" >/dev/null' sh "$items"

	errfile=$work/xmllint-$n.err
	timed "$xmllint" --noout --stream "$items"
	set -- $t
	[ "$5" = 0 ] || {
		echo "$prog: xmllint failed, exit status $5:"
		tail -n 10 "$errfile" | sed 's/^/    /'
		status=1
	}
	x_s=$1
	rows="$rows
xmllint_--stream $nitems $ibytes $t"

	mfail=0
	for mode in --no-find find; do
		case $mode in
		find)	set --; label=meta; errfile=$work/meta-$n.err ;;
		*)	set -- "$mode"; label="meta $mode"
			errfile=$work/meta-nofind-$n.err ;;
		esac
		timed env SOURCE_DATE_EPOCH=$epoch "$meta" "$@" "$items"
		set -- $t
		case $mode in
		find)	name=warta-meta; f_s=$1
			[ -n "$frss_first" ] || frss_first="$nitems $4"
			frss_last="$nitems $4" ;;
		*)	name=meta_$mode; m_s=$1
			[ -n "$mrss_first" ] || mrss_first="$nitems $4"
			mrss_last="$nitems $4" ;;
		esac
		rows="$rows
$name $nitems $ibytes $t"
		sum=$(grep '^warta-meta: [0-9]* items' "$errfile" | tail -n 1)
		echo "$label: exit $5, ${sum:-no summary line} ($errfile)"
		if [ "$5" != 0 ]; then
			echo "$prog: warta-meta failed, exit status $5:"
			tail -n 10 "$errfile" | sed 's/^/    /'
			status=1
			mfail=1
		fi
		case $sum in
		"warta-meta: $nitems items,"*) ;;
		*)	echo "$prog: warta-meta did not report $nitems items"
			status=1 ;;
		esac
	done
	r=$(awk -v x="$x_s" -v m="$m_s" -v f="$f_s" -v bad="$mfail" 'BEGIN {
		if (x > 0 && !bad)
			printf "%.1f %.1f", m / x, f / x
		else
			printf "- -"
	}')
	set -- $r
	echo "meta --no-find takes $1 times as long as xmllint --stream, meta $2 times"
	ratios="$ratios
$n $r"
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
	gsub("_", " ", $1)
	printf "%-16s %9d %9.1f %8.2f %8.2f %9s %11s %8.1f%s\n", $1, $2, mb,
	    s, $5 + $6, rate, arts, $7 / 1024, note
}' | {
	printf "%-16s %9s %9s %8s %8s %9s %11s %8s\n" program articles \
	    "input MB" seconds "cpu s" "MB/s" "articles/s" "RSS MiB"
	cat
}
echo "(xmllint and meta rows: articles are the items of items-N.xml, input MB"
echo "its size, articles/s items/s)"
if [ -n "$rss_first" ] && [ "$rss_first" != "$rss_last" ]; then
	set -- $rss_first $rss_last
	awk -v n1="$1" -v r1="$2" -v n2="$3" -v r2="$4" 'BEGIN {
		printf "normalize peak RSS: %.1f MiB at %d articles, %.1f MiB at %d\n",
		    r1 / 1024, n1, r2 / 1024, n2
	}'
fi
# Prints "WHAT peak RSS: ..." for the first and last size, from "items kib"
# pairs.
rssline() {
	[ -n "$2" ] && [ "$2" != "$3" ] || return 0
	what=$1
	set -- $2 $3
	awk -v w="$what" -v n1="$1" -v r1="$2" -v n2="$3" -v r2="$4" 'BEGIN {
		printf "%s peak RSS: %.1f MiB at %d items, %.1f MiB at %d\n",
		    w, r1 / 1024, n1, r2 / 1024, n2
	}'
}
rssline "meta --no-find" "$mrss_first" "$mrss_last"
rssline "meta" "$frss_first" "$frss_last"
echo "$ratios" | awk 'NF == 3 {
	printf "time against xmllint --stream at %d articles: meta --no-find %sx, meta %sx\n",
	    $1, $2, $3
}'
exit $status
