#!/usr/bin/env bats
# t0020-warta: the front command runs warta-STAGE for "warta STAGE".

load common

@test "warta STAGE is warta-STAGE: the same output and exit status" {
	warta normalize -q "$SAMPLES/semarang-maritim-purwanto.txt" >"$BATS_TEST_TMPDIR/a.xml"
	warta-normalize -q "$SAMPLES/semarang-maritim-purwanto.txt" >"$BATS_TEST_TMPDIR/b.xml"
	cmp "$BATS_TEST_TMPDIR/a.xml" "$BATS_TEST_TMPDIR/b.xml"
	# A stage's own exit status comes back: 2 for its bad option.
	run warta meta --no-such-option
	expect status "$status" 2
	has stderr "$output" "warta-meta: bad option '--no-such-option'"
}

@test "warta runs the stages beside it, not whatever the PATH has" {
	# An empty PATH: the stage is found beside warta all the same.
	run env PATH=/nonexistent "$WARTA_BIN/warta" text "$SAMPLES/semarang-maritim-purwanto.xml"
	expect status "$status" 0
	has text "$output" "SEMARANG-MARITIM: Dalam upaya"
}

@test "warta: no stage, an unknown one, a path: exit 2, nothing run" {
	run warta
	expect status "$status" 2
	run warta nope
	expect status "$status" 2
	has message "$output" "'nope' is not a stage"
	run warta ../warta-text
	expect status "$status" 2
}
