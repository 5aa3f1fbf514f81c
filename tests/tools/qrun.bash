# qrun.bash: sourced by bats files that run a program many times.
#
# qrun [-N] CMD...: as bats's `run [-N] --separate-stderr CMD...` does for
# a program: sets status, output, lines, stderr and stderr_lines the same
# way, and fails when the status is not N.  bats's run pays for a mktemp
# and two more processes on every call; here the program's standard
# output and error go to files in the test's directory and are read back
# with bash alone ($(<FILE) does not fork).  Not for shell functions.
qrun() {
	local want= d=$BATS_TEST_TMPDIR
	if [[ ${1:-} =~ ^-[0-9]+$ ]]; then
		want=${1#-}
		shift
	fi
	status=0
	"$@" >"$d/qrun.out" 2>"$d/qrun.err" || status=$?
	# As run's $(...): the trailing newlines dropped.
	output=$(<"$d/qrun.out")
	IFS=$'\n' read -d '' -r -a lines <<<"$output" || true
	stderr=$(<"$d/qrun.err")
	IFS=$'\n' read -d '' -r -a stderr_lines <<<"$stderr" || true
	[ -z "$want" ] || [ "$status" = "$want" ] || {
		echo "$*: exit status $status, want $want" >&2
		return 1
	}
}
