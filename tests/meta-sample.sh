#!/bin/sh
# meta-sample.sh BIN_DIR CASE.args: runs warta-meta on one golden case of
# samples/meta exactly as its golden files were made, so that
# tests/golden.sh, which writes them, and tests/t0410-meta-golden.bats,
# which checks them, cannot drift apart.
#
# CASE.args holds the arguments, one a line (so that a value may hold
# spaces), with paths relative to samples/meta.  The program runs from
# there with SOURCE_DATE_EPOCH fixed.  Standard output is the program's;
# standard error is the program's followed by a line "exit N" with its exit
# status; this script exits 0 unless it could not run the case.
set -u
if [ $# -ne 2 ]; then
	echo "usage: meta-sample.sh BIN_DIR CASE.args" >&2
	exit 2
fi
bin=$(cd "$1" && pwd) || exit 2
cd "$(dirname "$2")" || exit 2
args=$(basename "$2")
[ -f "$args" ] || { echo "meta-sample.sh: $2: no such file" >&2; exit 2; }

export SOURCE_DATE_EPOCH=1700000000
export LC_ALL=C
# One argument a line: set them as the positional parameters.
set --
while IFS= read -r line || [ -n "$line" ]; do
	set -- "$@" "$line"
done <"$args"
"$bin/warta-meta" "$@" </dev/null
echo "exit $?" >&2
exit 0
