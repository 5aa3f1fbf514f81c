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
			run -2 --separate-stderr "$WARTA_BIN/$p" "$opt"
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
		run -2 --separate-stderr "$WARTA_BIN/$p" "$opt"
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
			run -2 --separate-stderr sh -c '"$1" "$2" >/dev/full' sh \
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

@test "standard output closed: a program that writes nothing there succeeds" {
	local d=$BATS_TEST_TMPDIR
	warta-normalize -q "$SAMPLES/semarang-maritim-purwanto.txt" >"$d/seed.xml"
	# run captures standard output itself: close it inside.
	run sh -c '"$@" >&-' sh warta-pack -q -o "$d/b.tar.gz" "$d/seed.xml"
	expect "pack with stdout closed" "$status $output" "0 "
	[ -f "$d/b.tar.gz" ]
	# One that writes there does fail, and says so.
	run --separate-stderr sh -c '"$@" >&-' sh warta-text "$d/seed.xml"
	expect "text with stdout closed" "$status" 1
	has "text with stdout closed" "$stderr" "standard output:"
}
