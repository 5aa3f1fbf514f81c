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

@test "every program has a man page that mandoc finds clean" {
	for p in $(programs); do
		[ -f "$WARTA_TOP/pipeline/$p.1" ] || { echo "no pipeline/$p.1"; false; }
		run mandoc -Tlint -W warning "$WARTA_TOP/pipeline/$p.1"
		[ "$status" -eq 0 ] || { echo "$output"; false; }
	done
}
