#!/usr/bin/env bats
# t0030-progress: the progress line of every stage: never in a pipe or a
# file unless --progress asks for it, a "\r" line then that is cleared
# before the summary, silenced by -q, shown on a terminal (script(1) gives
# one) unless TERM=dumb or standard output is a pipe (a pipeline's last
# stage shows it), and the output the same bytes with it or without.

load common

bats_require_minimum_version 1.5.0

STAGES="normalize meta text pack verify unpack"

setup_file() {
	local t=$BATS_FILE_TMPDIR
	mkdir -p "$t/raw/a" "$t/raw/b"
	cp "$SAMPLES"/semarang-maritim-purwanto.txt "$SAMPLES"/breaks-cr.txt \
	    "$t/raw/a/"
	cp "$SAMPLES"/boilerplate-read-more.txt "$t/raw/b/"
	warta-normalize -q "$t/raw" >"$t/items.xml"
	mkdir -p "$t/bundle"
	warta-pack -q -o "$t/bundle/b.tar.gz" "$t/items.xml"
}

# cmd STAGE [OPTION...]: the command line of a stage on the fixtures, the
# options first; pack writes its bundle into the directory $out.
cmd() {
	local s=$1 t=$BATS_FILE_TMPDIR
	shift
	case $s in
	normalize) echo warta-normalize "$@" "$t/raw" ;;
	meta) echo warta-meta "$@" --provider example.com "$t/items.xml" ;;
	text) echo warta-text "$@" "$t/items.xml" ;;
	pack) echo warta-pack "$@" -o "\$out/b.tar.gz" "$t/items.xml" ;;
	verify) echo warta-verify "$@" "$t/bundle/b.tar.gz" ;;
	unpack) echo warta-unpack "$@" "$t/bundle/b.tar.gz" ;;
	esac
}

# runs STAGE NAME [OPTION...]: the stage with standard output and standard
# error into files ($T/STAGE.NAME.out, .err; pack's bundle under
# $T/STAGE.NAME/).
runs() {
	local s=$1 name=$2 out=$T/$1.$2
	shift 2
	mkdir -p "$out"
	eval "$(cmd "$s" "$@")" >"$out.out" 2>"$out.err" || true
	[ "$s" != pack ] || cp "$out/b.tar.gz" "$out.out"
}

setup() {
	T=$BATS_TEST_TMPDIR
}

@test "in a file: no line by default, a \\r line with --progress, none with -q; the same output" {
	local s
	for s in $STAGES; do
		runs "$s" plain
		runs "$s" forced --progress
		runs "$s" quiet -q --progress
	done
	# One pass over every file: the output the same bytes; without
	# --progress, or with -q, no "\r" at all; with it, standard error
	# is what it is without, once its lines are taken out, each line a
	# progress line, and the last "\r" of it clears the line.
	python3 - "$T" $STAGES <<-'EOF'
	import re, sys
	t, stages, bad = sys.argv[1], sys.argv[2:], []
	def read(p):
	    return open(p, 'rb').read().decode('utf-8', 'replace')
	shape = re.compile(r'warta-\w+: (writing )?[\d,]+(/[\d,]+)? items?'
	                   r'  \d+\.\d MB(  \d+\.\d MB/s)?(  \d+%)?'
	                   r'(  ETA \d+:\d\d(:\d\d)?|  \d+:\d\d)? *$')
	for s in stages:
	    p = f'{t}/{s}.'
	    out = open(p + 'plain.out', 'rb').read()
	    if out == b'':
	        bad.append(f'{s}: no output')
	    if open(p + 'forced.out', 'rb').read() != out:
	        bad.append(f'{s}: the output differs with --progress')
	    plain, forced, quiet = (read(p + n + '.err') for n in
	                            ('plain', 'forced', 'quiet'))
	    for name, err in (('plain', plain), ('-q', quiet)):
	        if '\r' in err:
	            bad.append(f'{s} {name}: a \\r on standard error: {err!r}')
	    if f'\rwarta-{s}: ' not in forced:
	        bad.append(f'{s} --progress: no line: {forced!r}')
	        continue
	    # A line cleared ("\r", spaces, "\r") is a boundary, then each
	    # line drawn ("\r" and what follows up to the next boundary).
	    marked = re.sub(r'\r +\r', '\0', forced)
	    lines = re.findall(r'\r([^\r\n\0]*)', marked)
	    for line in lines:
	        if not line.startswith(f'warta-{s}: ') or not shape.match(line):
	            bad.append(f'{s}: not a progress line: {line!r}')
	    stripped = re.sub(r'\r[^\r\n\0]*', '', marked).replace('\0', '')
	    if stripped != plain:
	        bad.append(f'{s}: standard error differs: {stripped!r} '
	                   f'against {plain!r}')
	    if not re.search(r'\r +\r[^\r]*$', forced):
	        bad.append(f'{s}: the line is not cleared at the end: '
	                   f'{forced!r}')
	if bad:
	    print('\n'.join(bad))
	    sys.exit(1)
	EOF
	# pack's writing pass starts a line of its own, of the items kept.
	has "pack --progress" "$(cat "$T/pack.forced.err")" \
	    $'\rwarta-pack: writing 1/3 items  '
	# -q silences pack's summary as it did.
	expect "pack -q" "$(cat "$T/pack.quiet.err")" ""
	has "pack summary" "$(cat "$T/pack.plain.err")" "items read"
}

@test "on a terminal: the line without --progress, not with TERM=dumb, -q, or into a pipe" {
	local s script=""
	command -v script >/dev/null || skip "no script(1)"
	for s in $STAGES; do
		script+="echo =$s; out=\$T/$s; mkdir -p \$out; $(cmd "$s") >/dev/null; "
		script+="echo =$s-dumb; out=\$T/$s-d; mkdir -p \$out; TERM=dumb $(cmd "$s") >/dev/null; "
		script+="echo =$s-q; out=\$T/$s-q; mkdir -p \$out; $(cmd "$s" -q) >/dev/null; "
		script+="echo =$s-pipe; out=\$T/$s-p; mkdir -p \$out; $(cmd "$s") | cat >/dev/null; "
	done
	T=$T TERM=xterm script -qec "$script" /dev/null </dev/null >"$T/tty" || true
	python3 - "$T/tty" $STAGES <<-'EOF'
	import re, sys
	tty = open(sys.argv[1], 'rb').read().decode('utf-8', 'replace')
	# "=NAME" then what NAME wrote, each line ending in "\r\n" there.
	pieces = re.split(r'=([\w-]+)\r?\n', tty)
	parts = {pieces[i]: pieces[i + 1]
	         for i in range(1, len(pieces) - 1, 2)}
	bad = []
	for s in sys.argv[2:]:
	    if not re.search(rf'\rwarta-{s}: [\d,/]+ items?  ',
	                     parts.get(s, '')):
	        bad.append(f'{s}: no line on the terminal: {parts.get(s)!r}')
	    for v in (s + '-dumb', s + '-q', s + '-pipe'):
	        if re.search(r'\r(?!\n)', parts.get(v, '')):
	            bad.append(f'{v}: a line: {parts.get(v)!r}')
	if bad:
	    print('\n'.join(bad))
	    sys.exit(1)
	EOF
}
