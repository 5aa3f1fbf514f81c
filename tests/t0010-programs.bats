#!/usr/bin/env bats
# t0010-programs: what every program owes its users: --help, --version, a
# usage error that exits 2, and a man page beside its source that mandoc
# finds clean.

load common

programs() {
	for src in "$WARTA_TOP"/pipeline/warta*.c; do
		basename "$src" .c
	done
}

@test "every program has --help, --version and exits 2 on a bad option" {
	for p in $(programs); do
		run "$WARTA_BIN/$p" --help
		[ "$status" -eq 0 ] || { echo "$p --help: $status"; false; }
		[[ "$output" == *usage:* ]] || { echo "$p --help: $output"; false; }
		run "$WARTA_BIN/$p" --version
		[ "$status" -eq 0 ] && [[ "$output" == "$p "[0-9]* ]] ||
			{ echo "$p --version: $output"; false; }
		run "$WARTA_BIN/$p" --no-such-option
		[ "$status" -eq 2 ] || { echo "$p bad option: $status"; false; }
	done
}

@test "a bad option is one line, the same in every program: exit 2" {
	local p opt
	for p in $(programs); do
		for opt in --no-such-option -Z; do
			qrun -2 "$WARTA_BIN/$p" "$opt"
			expect "$p $opt stdout" "$output" ""
			expect "$p $opt" "$stderr" \
			    "$p: bad option '$opt' (see $p --help)"
		done
	done
}

@test "an option without its value names it: exit 2, one line" {
	local p opt
	set -- warta-normalize --encoding warta-normalize -e \
	    warta-normalize -qs warta-meta --urgency warta-pack -o \
	    warta-unpack --guid warta-verify --max-ratio
	while [ $# -gt 0 ]; do
		p=$1 opt=$2
		shift 2
		qrun -2 "$WARTA_BIN/$p" "$opt"
		# A short option at the end of a cluster is named alone.
		[[ $opt == -qs ]] && opt=-s
		expect "$p $opt" "$stderr" \
		    "$p: option '$opt' needs a value (see $p --help)"
	done
}

@test "--help and --version that cannot be written: exit 2, one line" {
	[ -w /dev/full ] || skip "no /dev/full"
	local p opt
	for p in $(programs); do
		for opt in --help --version; do
			qrun -2 sh -c '"$1" "$2" >/dev/full' sh \
			    "$WARTA_BIN/$p" "$opt"
			expect "$p $opt" "$stderr" \
			    "$p: standard output: No space left on device"
		done
	done
}

@test "every program has a man page that mandoc finds clean" {
	for p in $(programs); do
		[ -f "$WARTA_TOP/pipeline/$p.1" ] || { echo "no pipeline/$p.1"; false; }
		run mandoc -Tlint -W warning "$WARTA_TOP/pipeline/$p.1"
		[ "$status" -eq 0 ] || { echo "$output"; false; }
	done
}

# Each bound of formats/base/limits.h, the man pages that must name it,
# how (an extended regular expression, @V@ the value in the unit given:
# B bytes or a count, K KiB, M MiB, G GiB).
LIMITS_IN_MAN="\
LIMIT_ITEM_BYTES|M|warta-text warta-meta warta-pack warta-verify warta-unpack|item larger than @V@ MiB
LIMIT_XML_DEPTH|B|warta-text warta-meta warta-pack warta-verify warta-unpack|deeper than @V@( elements)?
LIMIT_XML_MARKUP|M|warta-text warta-meta warta-pack warta-verify warta-unpack|instruction( larger than)? @V@ MiB|larger than @V@ MiB, and one CDATA
LIMIT_XML_CDATA|M|warta-text warta-meta warta-pack warta-verify warta-unpack|CDATA section larger than @V@ MiB
LIMIT_ARCHIVE_ENTRIES|B|warta-verify warta-unpack|default (is )?@V@
LIMIT_ARCHIVE_BYTES|G|warta-verify warta-unpack|default (is )?@V@G
LIMIT_ARCHIVE_ENTRY|M|warta-verify warta-unpack|default (is )?@V@M
LIMIT_ARCHIVE_RATIO|B|warta-verify warta-unpack|default (is )?@V@
LIMIT_ARCHIVE_ENTRIES|B|warta-normalize|at most @V@ entries
LIMIT_ARCHIVE_BYTES|G|warta-normalize|and @V@G of data
LIMIT_ARCHIVE_RATIO|B|warta-normalize|most @V@ bytes of data
LIMIT_ARCHIVE_DEPTH|B|warta-normalize|nest up to @V@ deep
LIMIT_RECORD_BYTES|M|warta-normalize|default is @V@M
LIMIT_WARC_HEADER|K|warta-normalize|header larger than @V@ KiB
LIMIT_WARC_LINE|K|warta-normalize|line larger than @V@ KiB
LIMIT_HTML_JSON|M|warta-normalize|block larger than @V@ MiB
LIMIT_SIDECAR_BYTES|M|warta-meta|file larger than @V@ MiB
LIMIT_SIDECAR_ROWS|B|warta-meta|more than @V@ rows
LIMIT_SIDECAR_CELL|M|warta-meta|cell larger than @V@ MiB
"

@test "every bound of formats/base/limits.h is named, with its value, in the man pages of the programs it binds" {
	# The values, as the compiler reads them.
	local names
	names=$(grep -o '^#define LIMIT_[A-Z_]*' "$WARTA_TOP/formats/base/limits.h" | cut -d' ' -f2)
	{
		echo '#include <stdio.h>'
		echo '#include "base/limits.h"'
		echo 'int main(void) {'
		for n in $names; do
			echo "printf(\"$n %llu\\n\", (unsigned long long)($n));"
		done
		echo 'return 0; }'
	} >"$BATS_TEST_TMPDIR/limits.c"
	cc -I"$WARTA_TOP/formats" -o "$BATS_TEST_TMPDIR/limits" "$BATS_TEST_TMPDIR/limits.c"
	"$BATS_TEST_TMPDIR/limits" >"$BATS_TEST_TMPDIR/values"
	local -A value_of
	while read -r name value; do
		value_of[$name]=$value
	done <"$BATS_TEST_TMPDIR/values"
	local name unit pages re value v page text bad=0 n
	local -A text_of
	while IFS='|' read -r name unit pages re; do
		[ -n "$name" ] || continue
		value=${value_of[$name]:-}
		[ -n "$value" ] || { echo "$name: not in limits.h" >&2; bad=1; continue; }
		case $unit in
		B) v=$value ;;
		K) v=$((value / 1024)) ;;
		M) v=$((value / 1048576)) ;;
		G) v=$((value / 1073741824)) ;;
		esac
		for page in $pages; do
			# the page as it reads, lines joined, rendered once a page
			[ -n "${text_of[$page]:-}" ] ||
				text_of[$page]=$(mandoc -Tascii "$WARTA_TOP/pipeline/$page.1" | sed 's/.\x08//g' | tr -s ' \t\n' '   ')
			text=${text_of[$page]}
			[[ $text =~ ${re//@V@/$v} ]] || {
				echo "$page.1 does not say $name ($v): /${re//@V@/$v}/" >&2
				bad=1
			}
		done
	done <<<"$LIMITS_IN_MAN"
	# and every bound is in the table
	for n in $names; do
		case $n in LIMIT_ARCHIVE_RATIO_FLOOR) continue ;; esac
		[[ $'\n'$LIMITS_IN_MAN == *$'\n'"$n|"* ]] || { echo "$n: in no man page's row" >&2; bad=1; }
	done
	[ "$bad" = 0 ]
}

@test "standard output closed: a program that writes nothing there succeeds" {
	local d=$BATS_TEST_TMPDIR
	warta-normalize -q "$SAMPLES/semarang-maritim-purwanto.txt" >"$d/seed.xml"
	# run captures standard output itself: close it inside.
	run sh -c '"$@" >&-' sh warta-pack -q -o "$d/b.tar.gz" "$d/seed.xml"
	expect "pack with stdout closed" "$status $output" "0 "
	[ -f "$d/b.tar.gz" ]
	# One that writes there does fail, and says so.
	qrun sh -c '"$@" >&-' sh warta-text "$d/seed.xml"
	expect "text with stdout closed" "$status" 1
	has "text with stdout closed" "$stderr" "standard output:"
}
