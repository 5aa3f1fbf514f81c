# xvals.bash: sourced by the bats files that read many values out of one
# item.  An xmllint costs a process, and a process is what a test pays
# for, so the values a test wants of one file come from one xmllint.
#
# xvals FILE EXPR...: the values of the XPath expressions on FILE, in the
# array XV, in order: each as $(xmllint --xpath "string(EXPR)" FILE) gives
# it (trailing newlines dropped), and in XVRAW as xmllint --xpath writes
# it, but for the newline it ends with.  For expressions whose value is a string
# or a count (a number is written as XPath's string() writes it).  When
# xmllint cannot read FILE or an EXPR, every value is empty and xvals
# returns 1.
XV_SEP=$'\n<<xv>>\n'
xvals() { untraced xvals_ "$@"; }
xvals_() {
	local f=$1 e q='concat(""' out v rc=0
	shift
	XV=() XVRAW=()
	[ $# -gt 0 ] || return 0
	for e in "$@"; do
		q+=",string($e),\"$XV_SEP\""
	done
	q+=')'
	out=$(xmllint --nonet --xpath "$q" "$f" 2>/dev/null) || rc=1
	if [ "$rc" != 0 ]; then
		for e in "$@"; do XV+=("") XVRAW+=(""); done
		return 1
	fi
	# $(...) took the last separator's newline with xmllint's.
	out+=$'\n'
	while [[ $out == *"$XV_SEP"* ]]; do
		v=${out%%"$XV_SEP"*}
		out=${out:${#v}+${#XV_SEP}}
		XVRAW+=("$v")
		while [[ $v == *$'\n' ]]; do v=${v%$'\n'}; done
		XV+=("$v")
	done
	[ "${#XV[@]}" = $# ] || { echo "xvals: ${#XV[@]} values for $# expressions" >&2; return 1; }
}

# untraced CMD...: CMD (a shell function) without bats's DEBUG trap, which
# costs every bash command of a test about half a millisecond: for helpers
# that loop in bash.  A failure in CMD still fails the test where CMD
# was called.
untraced() {
	local -
	set +T
	"$@"
}
