#!/bin/sh
# bench-html.sh BIN_DIR: the benchmark of warta-html (make bench runs it
# after bench.sh, on the items bench.sh made).
#
# For each size in BENCH_HTML_SIZES (default: BENCH_SIZES' first and
# BENCH_GUID_ITEMS, 10,000 and 100,000) it takes BENCH_DIR/items-N.xml
# (bench.sh's, made from its generated corpus; a size without one is
# skipped and says so) and times, on a warm page cache, into BENCH_DIR
# (not /tmp: a tmpfs or another file system would change what the files
# cost):
#   warta-html   BIN_DIR/warta-html -q -o site-N items-N.xml: the site
#   tar xf site  the same files made by tar -xf of a tar of that site
#                (not timed: tar -cf) into a new folder: the file system's
#                own cost of creating as many files and bytes, the floor
#                of any program that writes this site
#   xmllint      xmllint --noout --stream items-N.xml: reading the items
#                and building nothing, the floor of reading them
# and prints a table (wall and CPU seconds, items/s, peak RSS), warta-html
# against each floor, and the aims: at least 5,000 items a second,
# 100,000 items in under 30 s, peak memory within 10% from the least to
# the most items.
#
# Nothing is removed until every run is done: on a file system that must
# step over recently deleted inodes when it makes a file (ext4 without a
# journal skips those freed in the last one to five minutes, reading the
# inode table for each), the removal of a site of 300,000 files before a
# run made that run take twice the CPU.  A site or copy left by an earlier
# run is removed first, and the runs wait out those minutes (BENCH_HTML_WAIT
# seconds, default 300, when there was one).  Exit status: 0
# when every program ran, 1 when one failed, 2 on a usage error; a FAIL is
# a measurement, not an error.
set -u

prog=bench-html.sh
if [ $# -ne 1 ]; then
	echo "usage: $prog bin_dir" >&2
	exit 2
fi
bin=${1%/}
build=$(dirname "$bin")
html=$bin/warta-html
work=${BENCH_DIR:-$build/bench}
sizes=${BENCH_SIZES:-10000 30000}
guidn=${BENCH_GUID_ITEMS:-100000}
hsizes=${BENCH_HTML_SIZES:-${sizes%% *} $guidn}
TIME=/usr/bin/time
timefmt='%e %U %S %M %x'
status=0

[ -x "$html" ] || { echo "$prog: $html: not found (make programs)" >&2; exit 1; }
[ -x "$TIME" ] || { echo "$prog: $TIME not found (Debian package time)" >&2; exit 1; }

# Runs a command under /usr/bin/time, printing it; "seconds user sys
# maxrss_kib status" in $t.
timed() {
	echo "+ $*"
	"$TIME" -f "$timefmt" -o "$work/time.out" "$@" >/dev/null \
	    2>"$work/html.err"
	t=$(tail -n 1 "$work/time.out")
}

echo
echo "== warta-html"
old=$(find "$work" -maxdepth 1 -name 'site-*' | head -n 1)
if [ -n "$old" ]; then
	echo "+ rm -rf $work/site-* (an earlier run's), then sleep ${BENCH_HTML_WAIT:-300}"
	rm -rf "$work"/site-*
	sync
	sleep "${BENCH_HTML_WAIT:-300}"
fi
rows=
for n in $hsizes; do
	[ "$n" = 0 ] && continue
	items=$work/items-$n.xml
	if [ ! -f "$items" ]; then
		echo "no $items (bench.sh makes it): $n skipped"
		continue
	fi
	nitems=$(grep -o '<newsItem[ >]' "$items" | wc -l | tr -d ' ')
	site=$work/site-$n
	echo "warming the page cache:"
	echo "+ cat $items >/dev/null"
	cat "$items" >/dev/null
	sync
	timed "$html" -q -o "$site" "$items"
	set -- $t
	if [ "$5" != 0 ]; then
		echo "$prog: warta-html failed on $items, exit status $5:"
		tail -n 5 "$work/html.err" | sed 's/^/    /'
		status=1
		continue
	fi
	rows="$rows
warta-html $n $nitems $t"
	files=$(find "$site" -type f | wc -l | tr -d ' ')
	folders=$(find "$site" -type d | wc -l | tr -d ' ')
	widest=$(find "$site" -mindepth 1 -printf '%h\n' | sort | uniq -c |
	    sort -n | tail -n 1 | awk '{ print $1 }')
	echo "site of $nitems items: $files files in $folders folders, at most $widest entries in one"
	echo "+ tar -cf $site.tar -C $work site-$n (not timed)"
	tar -cf "$site.tar" -C "$work" "site-$n" || status=1
	mkdir "$site.x"
	cat "$site.tar" >/dev/null
	sync
	timed tar -xf "$site.tar" -C "$site.x"
	rows="$rows
tar_xf_site $n $nitems $t"
	rm -f "$site.tar"
	sync
	timed xmllint --noout --stream "$items"
	rows="$rows
xmllint_--stream $n $nitems $t"
done

echo "the sites stay in $work/site-* until the next run (removing them now"
echo "would slow whatever makes files next)"
[ -n "$rows" ] || { echo "$prog: nothing measured"; exit "$status"; }
echo
echo "results (seconds are wall time, cpu s is user + system):"
printf '%-18s %9s %8s %8s %10s %8s\n' program items seconds "cpu s" items/s "RSS MiB"
echo "$rows" | awk 'NF == 8 {
	gsub("_", " ", $1)
	printf "%-18s %9d %8.2f %8.2f %10.0f %8.1f\n", $1, $3, $4, $5 + $6,
	    ($4 > 0 ? $3 / $4 : 0), $7 / 1024
}'
echo
echo "warta-html against its floors, and the aims of issue 15:"
echo "$rows" | awk '
NF == 8 { s[$1 " " $2] = $4; items[$2] = $3; rss[$1 " " $2] = $7
	if (!($2 in seen)) { seen[$2] = 1; order[++k] = $2 } }
END {
	lo = 0; hi = 0
	for (i = 1; i <= k; i++) {
		n = order[i]; w = s["warta-html " n]
		if (w == "") continue
		printf "  %d items: warta-html %.2f s, %.1fx tar -xf of its site, %.1fx xmllint --stream\n",
		    items[n], w, w / s["tar_xf_site " n], w / s["xmllint_--stream " n]
		r = items[n] / w
		printf "  %-60s %8.0f  >= 5000  %s\n", "items a second, " items[n] " items",
		    r, (r >= 5000 ? "PASS" : "FAIL")
		if (items[n] >= 100000)
			printf "  %-60s %8.1f  < 30    %s\n", "seconds for " items[n] " items",
			    w, (w < 30 ? "PASS" : "FAIL")
		m = rss["warta-html " n]
		if (lo == 0 || m < lo) lo = m
		if (m > hi) hi = m
	}
	if (lo > 0 && k > 1)
		printf "  %-60s %8.1f  <= 10   %s  (%.1f to %.1f MiB)\n",
		    "peak RSS, most over least, %", 100 * (hi - lo) / lo,
		    (100 * (hi - lo) / lo <= 10 ? "PASS" : "FAIL"), lo / 1024, hi / 1024
}'
exit "$status"
