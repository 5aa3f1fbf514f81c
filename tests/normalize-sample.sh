#!/bin/sh
# normalize-sample.sh BIN_DIR SAMPLE: runs warta-normalize on one sample
# (samples/NAME.txt, samples/html/NAME.html, ..., samples/invalid/NAME.EXT;
# tests/samples.sh lists them) exactly as its golden
# files were made, so that tests/golden.sh, which writes them, and
# tests/t0100-normalize-golden.bats, which checks them, cannot drift apart.
#
# From inside the sample's directory, so that the file names in the item
# and in the messages are the bare NAME.txt, whatever the checkout path;
# with SOURCE_DATE_EPOCH fixed, so that the timestamps are too; with the
# options of NAME.args (one line, split at spaces) when there is one.
#
# Standard output, standard error and the exit status are the program's.
set -u
if [ $# -ne 2 ]; then
	echo "usage: normalize-sample.sh BIN_DIR SAMPLE" >&2
	exit 2
fi
bin=$(cd "$1" && pwd) || exit 2
# dirname and basename, without two processes for each of ~100 samples
case $2 in
*/*) dir=${2%/*} file=${2##*/} ;;
*) dir=. file=$2 ;;
esac
cd "$dir" || exit 2

args=
if [ -f "${file%.*}.args" ]; then
	read -r args <"${file%.*}.args" || [ -n "$args" ]
fi

export SOURCE_DATE_EPOCH=1700000000
export LC_ALL=C
# The options are words without quoting; no globbing of them.
set -f
# shellcheck disable=SC2086
exec "$bin/warta-normalize" $args "$file"
