#!/bin/sh
# golden.sh BIN_DIR: rewrites the golden files of samples/ (make golden).
#
#   samples/NAME.txt          -> samples/NAME.xml (stdout), samples/NAME.err
#                                (stderr: warnings and the summary line);
#                                the same for samples/html/NAME.html,
#                                nitf/NAME.nitf, sgml/NAME.sgm, warc/NAME.warc
#   samples/invalid/NAME.EXT  -> samples/invalid/NAME.err (stderr; exit 1),
#                                NAME.xml when it still writes items (the
#                                good records of a file of many)
#   samples/meta/CASE.args    -> samples/meta/CASE.xml (stdout of warta-meta
#                                on the golden items above; none when it
#                                writes nothing), CASE.err (stderr and the
#                                exit status)
#
# tests/samples.sh says which files are samples.  Each sample is run by
# tests/normalize-sample.sh (tests/meta-sample.sh
# for a meta case), the same invocation that tests/t0100-normalize-golden.bats
# (t0410-meta-golden.bats) checks against.  The meta cases read the
# normalize golden files, so those are written first.  The golden files
# are what warta-normalize says today, right or wrong: review every change
# this prints (git diff samples/) before committing it.
set -u
if [ $# -ne 1 ]; then
	echo "usage: golden.sh BIN_DIR" >&2
	exit 2
fi
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "$1" && pwd) || exit 2
run=$top/tests/normalize-sample.sh
. "$top/tests/samples.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

changed=0 added=0 problems=0

# update NEW DEST: moves NEW to DEST and prints a diff --stat line when
# the content changed.
update() {
	rel=${2#"$top"/}
	if [ -f "$2" ] && cmp -s "$1" "$2"; then
		rm -f "$1"
		return
	fi
	if [ -f "$2" ]; then
		plus=$(diff "$2" "$1" | grep -c '^>')
		minus=$(diff "$2" "$1" | grep -c '^<')
		changed=$((changed + 1))
		printf ' %s | %d +%d -%d\n' "$rel" $((plus + minus)) "$plus" "$minus"
	else
		added=$((added + 1))
		printf ' %s | new, %d lines\n' "$rel" "$(wc -l <"$1")"
	fi
	mv "$1" "$2"
}

relpath() { printf '%s' "${1#"$top"/}"; }

valid_samples "$top" >"$tmp/valid"
while read -r f; do
	base=${f%.*}
	name=$(basename "$base")
	"$run" "$bin" "$f" >"$tmp/$name.xml" 2>"$tmp/$name.err" </dev/null
	rc=$?
	if [ "$rc" != 0 ]; then
		echo "golden: $(relpath "$f"): exit status $rc, expected 0" >&2
		problems=$((problems + 1))
	fi
	update "$tmp/$name.xml" "$base.xml"
	update "$tmp/$name.err" "$base.err"
done <"$tmp/valid"

invalid_samples "$top" >"$tmp/invalid"
while read -r f; do
	base=${f%.*}
	name=$(basename "$base")
	"$run" "$bin" "$f" >"$tmp/$name.xml" 2>"$tmp/$name.err" </dev/null
	rc=$?
	if [ "$rc" != 1 ]; then
		echo "golden: $(relpath "$f"): exit status $rc, expected 1" >&2
		problems=$((problems + 1))
	fi
	# What a file of many records still gives besides the damaged one.
	if [ -s "$tmp/$name.xml" ]; then
		update "$tmp/$name.xml" "$base.xml"
	else
		rm -f "$tmp/$name.xml"
		if [ -f "$base.xml" ]; then
			rm -f "$base.xml"
			changed=$((changed + 1))
			printf ' %s | removed: nothing is written\n' \
			    "$(relpath "$base.xml")"
		fi
	fi
	update "$tmp/$name.err" "$base.err"
done <"$tmp/invalid"

for args in "$top"/samples/meta/*.args; do
	[ -f "$args" ] || continue
	base=${args%.args}
	name=$(basename "$base")
	"$top/tests/meta-sample.sh" "$bin" "$args" >"$tmp/$name.xml" \
	    2>"$tmp/$name.err" || problems=$((problems + 1))
	# A case that writes nothing (a refused option) has no .xml: every
	# .xml in samples/ is a NewsML-G2 document.
	if [ -s "$tmp/$name.xml" ]; then
		update "$tmp/$name.xml" "$base.xml"
	else
		rm -f "$tmp/$name.xml"
		if [ -f "$base.xml" ]; then
			rm -f "$base.xml"
			changed=$((changed + 1))
			printf ' %s | removed: nothing is written\n' \
			    "${base#"$top"/}.xml"
		fi
	fi
	update "$tmp/$name.err" "$base.err"
done

# Golden files left behind by a sample that is gone.
for f in "$top"/samples/meta/*.xml "$top"/samples/meta/*.err; do
	[ -f "$f" ] || continue
	[ -f "${f%.*}.args" ] && continue
	case $f in */input/*) continue ;; esac
	echo "golden: ${f#"$top"/}: no ${f%.*}.args beside it; remove it" >&2
	problems=$((problems + 1))
done
golden_orphans "$top" >"$tmp/orphans"
while read -r f; do
	echo "golden: $(relpath "$f"): no sample beside it; remove it" >&2
	problems=$((problems + 1))
done <"$tmp/orphans"

if [ $((changed + added)) = 0 ]; then
	echo "golden: no changes"
else
	echo " $changed files changed, $added files added; review: git diff samples/"
fi
[ "$problems" = 0 ]
