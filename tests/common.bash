# common.bash: loaded by every bats file.  Programs come from $WARTA_BIN
# (set by tests/run.sh), so the same tests run on the plain and the
# sanitizer build.

: "${WARTA_TOP:=$(cd "$BATS_TEST_DIRNAME/.." && pwd)}"
: "${WARTA_BIN:=$WARTA_TOP/build/bin}"
: "${WARTA_TOOLS:=$WARTA_TOP/build/tools}"
SAMPLES=$WARTA_TOP/samples
bats_require_minimum_version 1.5.0
PATH=$WARTA_BIN:$PATH
export SOURCE_DATE_EPOCH=1700000000
# A sanitizer's report exits 86, which no program does: a test that wants
# exit 1 (a rejected input) is not fooled by one.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=86
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86

# under_asan: whether the programs are an ASan build (gcc's build/san or
# clang's build/fuzz, whatever the directory is called): the runtime's
# entry point is in the binary.
under_asan() { grep -qa __asan_init "$WARTA_BIN/warta"; }

# The official schema and corpus live in ../shared, beside a developer's
# checkout; where they are absent the tests that need them skip.
need_shared() {
	[ -n "${WARTA_SHARED:-}" ] && [ -d "$WARTA_SHARED" ] ||
		skip "../shared is absent (the official schema and corpus)"
}

XSD() { echo "$WARTA_SHARED/newsml-g2/schema/NewsML-G2_2.35-spec-All-Power.xsd"; }

# validate FILE: against the official NewsML-G2 2.35 schema, offline.
validate() {
	need_shared
	xmllint --nonet --noout --schema "$(XSD)" "$1"
}

# The helpers that spare a test its processes: qrun (bats's run
# --separate-stderr without a mktemp and two forks a call), xvals (many
# XPath values of one file from one xmllint) and untraced.
. "$WARTA_TOP/tests/tools/qrun.bash"
. "$WARTA_TOP/tests/tools/xvals.bash"

# cost CMD...: runs CMD as `run --separate-stderr` does (qrun), under
# /usr/bin/time, and sets CPU_MS to the CPU it took (user and system, its
# children's included: what the input cost, however loaded the machine)
# and RSS_KB to its peak resident memory.  A run still going after 120 s
# is cut off, and fails.  The time goes to the TAP output as a note.
cost() {
	local tf=$BATS_TEST_TMPDIR/cost.time l last='' u s
	: >"$tf"
	qrun timeout 120 /usr/bin/time -f '%U %S %M' -o "$tf" "$@"
	[ "$status" != 124 ] || { echo "$*: still running after 120 s" >&2; return 1; }
	while IFS= read -r l; do last=$l; done <"$tf"
	CPU_MS=
	if [[ $last =~ ^([0-9]+)\.([0-9]+)\ ([0-9]+)\.([0-9]+)\ ([0-9]+)$ ]]; then
		u=${BASH_REMATCH[2]}000 s=${BASH_REMATCH[4]}000
		CPU_MS=$(( (10#${BASH_REMATCH[1]} + 10#${BASH_REMATCH[3]}) * 1000 +
		    10#${u:0:3} + 10#${s:0:3} ))
		RSS_KB=${BASH_REMATCH[5]}
	fi
	[ -n "$CPU_MS" ] || { echo "$*: no time measured" >&2; return 1; }
	echo "# ${1##*/} ${*: -1}: $CPU_MS ms of CPU, $RSS_KB KB" >&3
}

# Assertions that say what differed.
# expect WHAT GOT WANT
expect() {
	[ "$2" = "$3" ] || {
		printf '%s: got [%s], want [%s]\n' "$1" "$2" "$3" >&2
		return 1
	}
}

# has WHAT TEXT NEEDLE... / lacks WHAT TEXT NEEDLE...
has() {
	local what=$1 text=$2 s
	shift 2
	for s in "$@"; do
		[[ $text == *"$s"* ]] || {
			printf '%s: [%s] is missing from:\n%s\n' "$what" "$s" \
			    "$text" >&2
			return 1
		}
	done
}
lacks() {
	local what=$1 text=$2 s
	shift 2
	for s in "$@"; do
		[[ $text != *"$s"* ]] || {
			printf '%s: [%s] should not be in:\n%s\n' "$what" "$s" \
			    "$text" >&2
			return 1
		}
	done
}

# ---- golden files (tests/golden.sh writes them; tests/samples.sh says
# which files are samples) ----
. "$WARTA_TOP/tests/samples.sh"

# same FILE1 FILE2: the two files hold the same bytes, as cmp -s says,
# read by bash (a cmp a file is a process; a golden test compares two
# hundred files); a file with a NUL, which a bash string cannot hold,
# goes to cmp.  (read -d '' reads to the end, every byte kept, and fails
# there: it succeeds only on a NUL.)
same() {
	local a b
	IFS= read -r -d '' a <"$1" && { cmp -s "$1" "$2"; return; }
	IFS= read -r -d '' b <"$2" && return 1
	[ "$a" = "$b" ]
}

# golden_match SAMPLE...: runs each sample as its golden files were made
# (tests/normalize-sample.sh) and compares, byte for byte: a sample of
# samples/invalid/ must exit 1, any other 0; its items must be NAME.xml
# (none when there is no NAME.xml) and its standard error NAME.err.  Says
# what differs; sets golden_n to the samples run, fails when one differs.
# With GOLDEN_KEEP=DIR, what a sample that exited 0 wrote is kept as
# DIR/PATH.out and DIR/PATH.err (PATH the sample's under samples/, each
# / a _), for a later test to read rather than run it again.
golden_match() {
	local f base rel out err rc want bad=0
	golden_n=0
	[ -z "${GOLDEN_KEEP:-}" ] || mkdir -p "$GOLDEN_KEEP"
	for f in "$@"; do
		base=${f%.*}
		rel=${f#"$SAMPLES"/}
		out=$BATS_TEST_TMPDIR/golden.out
		err=$BATS_TEST_TMPDIR/golden.err
		if [ -n "${GOLDEN_KEEP:-}" ]; then
			out=$GOLDEN_KEEP/${rel//\//_}.out
			err=$GOLDEN_KEEP/${rel//\//_}.err
		fi
		want=0
		case $rel in invalid/*) want=1 ;; esac
		rc=0
		"$WARTA_TOP/tests/normalize-sample.sh" "$WARTA_BIN" "$f" \
		    >"$out" 2>"$err" </dev/null || rc=$?
		golden_n=$((golden_n + 1))
		if [ "$rc" != "$want" ]; then
			echo "$rel: exit status $rc, want $want" >&2
			cat "$err" >&2
			bad=$((bad + 1))
		elif [ ! -f "$base.err" ]; then
			echo "$rel: no golden ${base#"$SAMPLES"/}.err" >&2
			bad=$((bad + 1))
		elif { [ -f "$base.xml" ] && ! same "$out" "$base.xml"; } ||
		    { [ ! -f "$base.xml" ] && [ -s "$out" ]; }; then
			echo "$rel: the items differ from the golden file:" >&2
			diff "$base.xml" "$out" 2>&1 | head -20 >&2
			bad=$((bad + 1))
		elif ! same "$err" "$base.err"; then
			echo "$rel: standard error differs from the golden file:" >&2
			diff "$base.err" "$err" | head -20 >&2
			bad=$((bad + 1))
		fi
		[ "$rc" = 0 ] || [ -z "${GOLDEN_KEEP:-}" ] || rm -f "$out" "$err"
	done
	[ "$bad" = 0 ]
}
