#!/usr/bin/env bats
# The fuzz targets (tests/fuzz/, HACKING.md): every finding kept in
# tests/fuzz-regressions/NAME/ and every seed replayed through the plain
# drivers of this build, quietly; and, where clang's libFuzzer is built,
# each finding through its libFuzzer target too and each target run for a
# moment on the seeds (a second or 500 inputs).  On the sanitizer build,
# where there is one (the drivers are then ASan/UBSan's; make check's
# sanitizer build is the libFuzzer targets' own, build/fuzz, where clang
# can be had): the plain build's pass would only repeat it, seeds and all.
# check: sanitizer build, or the plain build where there is none

load common

setup_file() {
	# The seeds, made once for the replay and the smoke.
	"$WARTA_TOP"/tests/fuzz/seeds.sh "$WARTA_BIN" "$BATS_FILE_TMPDIR/c"
}

setup() {
	REPLAY=$(dirname "$WARTA_TOOLS")/fuzz-replay
	[ -d "$REPLAY" ] || skip "no fuzz replay drivers in $REPLAY"
}

# libfuzzer: whether the libFuzzer targets are built and wanted.
libfuzzer() {
	[ "${FUZZ_SMOKE:-1}" = 1 ] && [ -x "$WARTA_TOP/build/fuzz/fuzz_text" ]
}

@test "each finding in tests/fuzz-regressions replays quietly" {
	local r name n=0
	for r in "$WARTA_TOP"/tests/fuzz-regressions/*/; do
		[ -d "$r" ] || continue
		name=$(basename "$r")
		[ -x "$REPLAY/$name" ] || {
			echo "tests/fuzz-regressions/$name: no target $name" >&2
			return 1
		}
		run "$REPLAY/$name" "$r"
		expect "$name status" "$status" 0
		expect "$name output" "$output" ""
		# Clang's UBSan sees more than GCC's (NULL + 0): the
		# libFuzzer build runs each file once too, where it is built
		# and the drivers above are not already its own.
		if libfuzzer && [ "$REPLAY" != "$WARTA_TOP/build/fuzz/fuzz-replay" ]; then
			[ -x "$WARTA_TOP/build/fuzz/$name" ] || {
				echo "tests/fuzz-regressions/$name: no libFuzzer target $name" >&2
				return 1
			}
			run "$WARTA_TOP/build/fuzz/$name" "$r"/*
			echo "$output" | grep -v '^Executed\|^INFO\|^Running' >&2
			expect "$name (libFuzzer) status" "$status" 0
		fi
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] || skip "no regressions yet"
}

@test "each fuzz target reads its seeds quietly" {
	local d name
	for d in "$REPLAY"/fuzz_*; do
		name=$(basename "$d")
		[ -d "$BATS_FILE_TMPDIR/c/$name" ] || {
			echo "$name: no seeds (tests/fuzz/seeds.sh)" >&2
			return 1
		}
		run "$d" "$BATS_FILE_TMPDIR/c/$name"
		expect "$name status" "$status" 0
		expect "$name output" "$output" ""
	done
}

# Each target on all its seeds and then, for a second or to its 500th
# input, whichever comes first, on what it makes of them: a target that
# no longer builds, crashes or leaks is caught; the fuzzing is make
# fuzz's.  (A second alone was 1,000 to 4,500 inputs a target, two
# seconds of CPU each with the start and the leak check at the end.)
@test "each libFuzzer target runs for a second or 500 inputs without a finding" {
	libfuzzer ||
		skip "no libFuzzer targets built (FUZZ_SMOKE=0, or no clang)"
	run env FUZZ_RUNS=500 "$WARTA_TOP"/tests/fuzz-smoke.sh 1 "$BATS_FILE_TMPDIR/c"
	[ "$status" != 77 ] || skip "no libFuzzer targets (make fuzz builds them)"
	echo "$output"
	expect "fuzz-smoke status" "$status" 0
}
