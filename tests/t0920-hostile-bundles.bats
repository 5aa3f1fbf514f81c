#!/usr/bin/env bats
# t0920-hostile-bundles: bundles made to do harm, each made here by a
# script: an entry refused or passed over that carries a decompression
# bomb (the bounds see the bytes skipped), a duplicated entry (never
# extracted twice, never read twice), names with control bytes or that are
# not UTF-8 (refused, and every name printed escaped), an item file that
# is not an item, and -C through a symbolic link.

load common

BOMB=$WARTA_TOP/tests/tools/zst-bomb-entry.py

setup_file() {
	command -v zstd >/dev/null || return 0
	# 640 GiB declared by a hard link, in about 24 MB.
	python3 "$BOMB" "$BATS_FILE_TMPDIR/h640.tar.zst" hardlink \
	    $((640 << 10))
}

setup() {
	T=$BATS_TEST_TMPDIR
	F=$BATS_FILE_TMPDIR
}

need_zstd() {
	command -v zstd >/dev/null || skip "no zstd program"
}

# took_ms CMD...: runs CMD (under a timeout, so that a regression fails
# instead of hanging) and sets ms to the milliseconds it took.
took_ms() {
	local t0
	t0=$(date +%s%N)
	run --separate-stderr timeout 60 "$@"
	ms=$((($(date +%s%N) - t0) / 1000000))
}

@test "a hard link carrying 640 GiB in a .tar.zst is stopped in under 2 s by every reader" {
	need_zstd
	local B=$F/h640.tar.zst
	[ "$(stat -c %s "$B")" -lt $((30 << 20)) ]
	took_ms warta-verify "$B"
	expect "verify status" "$status" 1
	has output "$output" "$B: b/data/hardlink: a hard link refused" \
	    "a decompression bomb? (--max-ratio)"
	[ "$ms" -lt 2000 ] || { echo "warta-verify: $ms ms"; return 1; }
	took_ms warta-unpack "$B"
	expect "unpack status" "$status" 1
	has stderr "$stderr" "a decompression bomb? (--max-ratio)"
	[ "$ms" -lt 2000 ] || { echo "warta-unpack: $ms ms"; return 1; }
	took_ms warta-unpack -t "$B"
	expect "unpack -t status" "$status" 1
	has stderr "$stderr" "a decompression bomb? (--max-ratio)"
	[ "$ms" -lt 2000 ] || { echo "warta-unpack -t: $ms ms"; return 1; }
	# warta-normalize reads tar deliveries through the same reader.
	took_ms warta-normalize -q "$B"
	expect "normalize status" "$status" 1
	has stderr "$stderr" "a decompression bomb?"
	[ "$ms" -lt 2000 ] || { echo "warta-normalize: $ms ms"; return 1; }
}

@test "an entry refused or passed over trips --max-entry at the bound, whatever its kind" {
	need_zstd
	local kind
	for kind in hardlink dir fifo; do
		python3 "$BOMB" "$T/$kind.tar.zst" "$kind" 100
		run --separate-stderr warta-verify --max-entry 1M \
		    --max-ratio 1000000000 "$T/$kind.tar.zst"
		expect "$kind status" "$status" 1
		has "$kind output" "$output" "b/data/$kind" \
		    "an entry over 1048576 bytes (--max-entry)" \
		    "the rest of the bag could not be checked"
		run --separate-stderr warta-unpack -t --max-entry 1M \
		    --max-ratio 1000000000 "$T/$kind.tar.zst"
		expect "$kind unpack status" "$status" 1
		has "$kind unpack" "$stderr" \
		    "an entry over 1048576 bytes (--max-entry)"
	done
}
