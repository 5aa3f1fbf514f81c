#!/usr/bin/env bats
# t0200-mojibake-cases: formats/mojibake.c (through tests/tools/mojibake-fix)
# against python-ftfy's test cases in $WARTA_SHARED/mojibake-cases
# (Apache-2.0, see the LICENSE.txt there).
#
# The expected text is `fixed-encoding` when a case has it, else `fixed`.
# ftfy's own suite asserts fix_encoding(original) == exactly that value, and
# the cases where fix_text's extra steps (straight quotes, HTML entities,
# ligatures, fullwidth forms, NFC) would make `fixed` differ from the pure
# encoding repair all carry a `fixed-encoding`, so the comparison here is
# byte for byte: curly quotes must come out curly, as warta keeps them.
# Only the known failures, which are not required, are compared with the
# quotes straightened on both sides, ftfy's quote policy for `fixed`.
#
# Counts go to fd 3 as TAP comments.

load common

setup() {
	need_shared
	CASES=$WARTA_SHARED/mojibake-cases
	FIX=$WARTA_TOOLS/mojibake-fix
	[ -x "$FIX" ] || {
		echo "missing $FIX: make B=build _testbin" >&2
		return 1
	}
}

# run_cases SET PREPARE POLICY [EXPECT]: feeds the original of each case of
# SET whose `expect` is EXPECT (default pass), after the jq filter PREPARE,
# to the driver (with the arguments in $FIXARGS), one
# NUL-terminated record each, and compares every output with the expected
# text (POLICY exact, uncurled, or lost: exact but for a U+FFFD expected
# where the output has the closing quote ” it stood for).  Sets `counts`
# ("OK TOTAL") and `bad` (the labels of the cases that differ, one a line).
run_cases() {
	local set=$1 prepare=$2 policy=$3 want=${4:-pass} json=$CASES/$1.json
	local in=$BATS_TEST_TMPDIR/$1.in out=$BATS_TEST_TMPDIR/$1.out

	jq -j --arg want "$want" '
		def latin1_mojibake:
			# the UTF-8 bytes of the text, each read as a Latin-1 character
			[explode[] |
			if . < 128 then .
			elif . < 2048 then 192 + ./64 % 32, 128 + . % 64
			elif . < 65536 then 224 + ./4096 % 16, 128 + ./64 % 64,
				128 + . % 64
			else 240 + ./262144 % 8, 128 + ./4096 % 64,
				128 + ./64 % 64, 128 + . % 64
			end] | implode;
		.[] | select(.expect == $want) | (.original | '"$prepare"') + "\u0000"
	' "$json" >"$in"
	# shellcheck disable=SC2086 # FIXARGS is a list of words
	"$FIX" ${FIXARGS:-} <"$in" >"$out"
	compare_cases "$set" "$policy" "$want"
}

# compare_cases SET POLICY [EXPECT]: the comparison of run_cases again, on
# the output of its last run on SET, under another POLICY: the same
# output, without making it again.
compare_cases() {
	local set=$1 policy=$2 want=${3:-pass} json=$CASES/$1.json
	local out=$BATS_TEST_TMPDIR/$1.out
	local result
	result=$(jq -rn --slurpfile cases "$json" --rawfile got "$out" \
	    --arg policy "$policy" --arg want "$want" '
		def uncurl: gsub("[\u02bc\u2018-\u201b]"; "\u0027")
			| gsub("[\u201c-\u201f]"; "\"");
		def policy: if $policy == "uncurled" then uncurl else . end;
		# lost: the same characters, where a U+FFFD may be a ”
		def same($a; $b):
			if $policy != "lost" then ($a | policy) == ($b | policy)
			elif $a == null then false
			else ($a | explode) as $x | ($b | explode) as $y
			| ($x | length) == ($y | length) and
			  all(range(0; $x | length); $x[.] == $y[.] or
			      ($y[.] == 65533 and $x[.] == 8221))
			end;
		($got | split("\u0000")) as $g
		| [$cases[0][] | select(.expect == $want)] as $c
		| [range(0; $c | length)
		   | select(same($g[.] // null;
		       $c[.]["fixed-encoding"] // $c[.].fixed) | not)
		   | $c[.].label] as $bad
		| "\(($c | length) - ($bad | length)) \($c | length)", $bad[]
	')
	# the first line, and the lines after it
	counts=${result%%$'\n'*}
	bad=
	[[ $result != *$'\n'* ]] || bad=${result#*$'\n'}
}

# report NAME: prints the counts of the last run_cases and its failures.
report() {
	echo "# $1 ${counts% *}/${counts#* }" >&3
	if [ -n "$bad" ]; then
		printf 'differs: %s\n' "$bad" >&2
	fi
}

all_passed() {
	[ -n "$counts" ] && [ "${counts% *}" = "${counts#* }" ] &&
	    [ "${counts#* }" -gt 0 ] && [ -z "$bad" ]
}

@test "mojibake-fix repairs every in-the-wild case" {
	run_cases in-the-wild . exact
	report in-the-wild
	all_passed
}

@test "mojibake-fix repairs every synthetic case" {
	run_cases synthetic . exact
	report synthetic
	all_passed
}

@test "mojibake-fix leaves every negative case as it is" {
	# One negative case ("Mostly negative") expects its C1 controls read
	# as Windows-1252; every other one expects the original unchanged.
	[ "$(jq '[.[] | select((.["fixed-encoding"] // .fixed) != .original)]
	    | length' "$CASES/negative.json")" = 1 ]
	run_cases negative . exact
	report negative
	all_passed
}

@test "mojibake-fix repairs every language-name case" {
	run_cases language-names . exact
	report language-names
	all_passed
}

@test "mojibake-fix also peels off one more layer of Latin-1 mojibake" {
	# ftfy's test_json_example: the same expected text when the original
	# is itself encoded as UTF-8 and read as Latin-1 once more.
	local set total=0 ok=0
	for set in in-the-wild synthetic negative language-names; do
		run_cases "$set" latin1_mojibake exact
		[ -z "$bad" ] || printf 'differs (%s): %s\n' "$set" "$bad" >&2
		ok=$((ok + ${counts% *}))
		total=$((total + ${counts#* }))
	done
	echo "# one more layer: $ok/$total" >&3
	[ "$total" -gt 0 ] && [ "$ok" = "$total" ]
}

@test "mojibake-fix -l gives a closing quote where ftfy gives U+FFFD, and else the same" {
	# warta-normalize puts back the lost last byte of ” (mojibake.h,
	# mojibake_restore_lost) before ftfy's repair: every case must come out
	# as ftfy's does, but for a U+FFFD that is a ” in the output, and the
	# two cases of a lost closing quote ftfy's set has must get their ”.
	local set total=0 ok=0 restored=""
	FIXARGS=-l
	for set in in-the-wild synthetic negative language-names; do
		run_cases "$set" . lost
		[ -z "$bad" ] || printf 'differs (%s): %s\n' "$set" "$bad" >&2
		ok=$((ok + ${counts% *}))
		total=$((total + ${counts#* }))
		# the same output, compared exactly
		compare_cases "$set" exact
		restored=$restored${bad:+$bad$'\n'}
	done
	echo "# with lost quotes restored: $ok/$total" >&3
	printf '%s' "$restored" | sed 's/^/# restored: /' >&3
	[ "$total" -gt 0 ] && [ "$ok" = "$total" ]
	expect restored "$restored" "Lossy decoding can have plain ASCII question marks, as well
Synthetic: lossy decoding in sloppy-windows-1252
"
}

@test "mojibake-fix answers each case ftfy itself gets wrong with one valid record" {
	# Not required to repair: count them, quotes straightened (ftfy's
	# `fixed` policy), and check the driver gave back one record per case.
	run_cases known-failures . uncurled fail
	echo "# cases ftfy gets wrong, repaired anyway: ${counts% *}/${counts#* }" >&3
	total=$(jq length "$CASES/known-failures.json")
	records=$(tr -cd '\0' <"$BATS_TEST_TMPDIR/known-failures.out" | wc -c)
	jq -r '.[] | .original + "\u0000"' "$CASES/known-failures.json" |
	    "$FIX" | iconv -f UTF-8 -t UTF-8 >/dev/null
	[ "${counts#* }" = "$total" ] && [ "$records" = "$total" ]
}
