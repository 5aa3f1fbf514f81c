#!/usr/bin/env bats
# t0120-jobs: warta-normalize -j N and warta-meta -j N write the same
# bytes as -j 1 (standard output, standard error, exit status), whatever
# N: on every sample, valid and invalid, in one run that mixes files and
# directories, so that the main thread's messages (a file refused by its
# size, a damaged record) fall between the articles' own; on the corpus;
# through meta with a sidecar and a stream cut short; warta-pack's bundle
# and messages from a file cut by the split and from a pipe, wherever the
# stream breaks; and when standard output fails half way.  Then -j's
# usage errors.

load common

# jrun NAME CMD...: CMD's standard output, error and exit status into
# $BATS_FILE_TMPDIR/NAME.{out,err,rc} (the output into $JOUT when set).
jrun() {
	local f=$BATS_FILE_TMPDIR/$1 rc=0
	shift
	"$@" >"${JOUT:-$f.out}" 2>"$f.err" || rc=$?
	echo "$rc" >"$f.rc"
}

# same_runs BASE J...: BASE-jJ's output, errors and status are BASE-j1's
# (one md5sum for every file; the sums compared in bash).
same_runs() {
	local base=$1 d=$BATS_FILE_TMPDIR j x sum name
	shift
	declare -A got
	while read -r sum name; do
		got[${name##*/}]=$sum
	done < <(cd "$d" && md5sum "$base"-j*.out "$base"-j*.err "$base"-j*.rc)
	for j in "$@"; do
		for x in out err rc; do
			[ -n "${got[$base-j1.$x]:-}" ] || {
				echo "$base-j1.$x is missing" >&2; return 1; }
			[ "${got[$base-j$j.$x]:-}" = "${got[$base-j1.$x]}" ] || {
				echo "$base: -j $j's $x differs from -j 1's:" >&2
				diff "$d/$base-j1.$x" "$d/$base-j$j.$x" | head -20 >&2
				return 1
			}
		done
	done
}

# Every sample (samples.sh says which), as files and as directories.
inputs() {
	local s=$WARTA_TOP/samples
	echo "$s"/*.txt "$s/html" "$s/nitf" "$s/sgml" "$s/warc" "$s/invalid"
}

setup_file() {
	local j in
	in=$(inputs)
	for j in 1 2 8; do
		# shellcheck disable=SC2086
		jrun samples-j$j warta-normalize -j $j $in
		# -s 1k refuses most files before they are read, on the main
		# thread; -e utf-8 rejects the other encodings in the jobs.
		# shellcheck disable=SC2086
		jrun bounded-j$j warta-normalize --jobs=$j -s 1k -e utf-8 $in
	done
	# Items that the sidecar's rows name, first: a run stopped at the
	# first item must not count the rows of items it read ahead.
	warta-normalize -q "$WARTA_TOP"/samples/{layout-title,dateline-antara,semarang-maritim-purwanto}.txt \
	    >"$BATS_FILE_TMPDIR/named.xml"
}

@test "normalize -j 1, 2, 8: the same items, messages and status on every sample" {
	expect "samples -j 1 status" "$(<"$BATS_FILE_TMPDIR/samples-j1.rc")" 1
	has "samples -j 1 summary" "$(<"$BATS_FILE_TMPDIR/samples-j1.err")" \
	    "normalized 146, rejected 12, skipped 15"
	same_runs samples 2 8
}

@test "normalize -j: main-thread refusals fall in their place among the articles" {
	local e
	e=$(<"$BATS_FILE_TMPDIR/bounded-j1.err")
	has "bounded -j 1" "$e" "larger than the size bound" \
	    "invalid UTF-8 at byte" "normalized 117, rejected 41"
	same_runs bounded 2 8
}

@test "normalize -j: the corpus the same with -j 1, 2 and 8" {
	need_shared
	local j
	for j in 1 2 8; do
		jrun corpus-j$j warta-normalize -j $j "$WARTA_SHARED/corpus/id"
	done
	has "corpus summary" "$(<"$BATS_FILE_TMPDIR/corpus-j1.err")" \
	    "normalized 100, rejected 0"
	same_runs corpus 2 8
}

@test "meta -j 1, 2, 8: the same on every sample's item, with a sidecar and a stream cut short" {
	local j d=$BATS_FILE_TMPDIR
	for j in 1 2 8; do
		jrun meta-j$j warta-meta -j $j \
		    --sidecar "$WARTA_TOP/samples/meta/archive.csv" \
		    "$d/samples-j1.out" \
		    "$WARTA_TOP/samples/meta/input/truncated.xml" \
		    "$d/no-such-file.xml" "$d/bounded-j1.out"
	done
	has "meta -j 1" "$(<"$d/meta-j1.err")" "not well-formed XML" \
	    "no-such-file.xml: No such file" "2 rows matched"
	expect "meta -j 1 status" "$(<"$d/meta-j1.rc")" 1
	same_runs meta 2 8
}

@test "meta -j: a file (cut on the main thread, each item parsed in its job) and a pipe (read whole by the reader) give the same bytes, messages and status" {
	local d=$BATS_FILE_TMPDIR/split c n=0 lone x
	mkdir -p "$d"
	c=$BATS_FILE_TMPDIR/named.xml
	lone=$(warta-normalize -q "$WARTA_TOP/samples/layout-title.txt"; echo x)
	lone=${lone%x}
	cp "$c" "$d/sound.xml"
	# An invalid byte right after an item's end tag: the reader does not
	# hand that item out; nor may the split.
	perl -0pe 's{</newsItem>}{</newsItem>\xf1}' "$c" >"$d/after-item.xml"
	perl -0pe 's{</newsItem>\n}{</newsItem>\n& }' "$c" >"$d/amp-between.xml"
	perl -0pe 's{<headline>}{<headline>\xc3(}' "$c" >"$d/in-item.xml"
	perl -0pe 's{(</newsItem>.*?</newsItem>.*?<itemMeta>).*}{$1}s' "$c" \
	    >"$d/cut-short.xml"
	# Documents back to back: the reader takes over at the second.
	printf '%s%s%s' "$lone" "${lone/UTF-8/ISO-8859-1}" "$lone" \
	    >"$d/encodings.xml"
	printf '%s<!-- c -->\n%s' "$lone" "$(<"$c")" >"$d/lone-then-message.xml"
	for c in "$d"/*.xml; do
		n=$((n + 1))
		jrun split-file-$n warta-meta -j 2 --no-find - <"$c"
		jrun split-pipe-$n sh -c 'cat "$1" | warta-meta -j 2 --no-find' \
		    sh "$c"
	done
	has "after-item" "$(<"$BATS_FILE_TMPDIR/split-pipe-1.err")" \
	    "not proper UTF-8" "0 items"
	for ((; n > 0; n--)); do
		for x in out err rc; do
			cmp "$BATS_FILE_TMPDIR/split-file-$n.$x" \
			    "$BATS_FILE_TMPDIR/split-pipe-$n.$x" || {
				diff "$BATS_FILE_TMPDIR/split-pipe-$n.$x" \
				    "$BATS_FILE_TMPDIR/split-file-$n.$x" | head >&2
				return 1
			}
		done
	done
}

@test "meta -j: an input that cannot be opened is told when the next file's first item is refused" {
	local d=$BATS_FILE_TMPDIR j
	perl -0pe '$n = 0; s{<itemMeta>}{++$n == 1 ? "$&&undefined;" : $&}ge' \
	    "$d/named.xml" >"$d/first-bad.xml"
	for j in 1 2; do
		jrun first-bad-file-j$j warta-meta -j $j --no-find \
		    "$d/no-such.xml" "$d/first-bad.xml"
	done
	jrun first-bad-pipe sh -c 'cat "$2" | warta-meta -j 2 --no-find \
	    "$1" -' sh "$d/no-such.xml" "$d/first-bad.xml"
	sed "s|<stdin>|$d/first-bad.xml|" "$d/first-bad-pipe.err" \
	    >"$d/first-bad-j1.err"
	has "pipe" "$(<"$d/first-bad-j1.err")" "no-such.xml: No such file" \
	    "Entity 'undefined' not defined"
	cp "$d/first-bad-pipe.out" "$d/first-bad-j1.out"
	cp "$d/first-bad-pipe.rc" "$d/first-bad-j1.rc"
	for j in 1 2; do
		for x in out err rc; do
			cp "$d/first-bad-file-j$j.$x" "$d/first-bad-j$((j + 1)).$x"
		done
	done
	same_runs first-bad 2 3
}

# pack_runs NAME FILE: warta-pack of FILE from a pipe at -j 1 (read whole
# by the reader), and from the file at -j 2 and -j 8 (cut by the split,
# each item parsed in its job); each bundle in a folder of its own, under
# the same name, as the bag is named after the bundle.
pack_runs() {
	local d=$BATS_FILE_TMPDIR j
	for j in 1 2 8; do
		mkdir -p "$d/$1-j$j"
	done
	jrun "$1-j1" sh -c 'cat "$1" | warta-pack -j 1 -o "$2" -' sh "$2" \
	    "$d/$1-j1/b.tar.gz"
	for j in 2 8; do
		jrun "$1-j$j" warta-pack -j $j -o "$d/$1-j$j/b.tar.gz" - <"$2"
	done
	# The bundles' bytes stand in for the standard output.
	for j in 1 2 8; do
		if [ -e "$d/$1-j$j/b.tar.gz" ]; then
			cat "$d/$1-j$j/b.tar.gz" >"$d/$1-j$j.out"
		else
			echo "no bundle" >"$d/$1-j$j.out"
		fi
	done
}

@test "pack -j: a file (cut on the main thread, each item parsed in its job) and a pipe (read whole) give the same bundle, messages and status, wherever the stream breaks" {
	local d=$BATS_FILE_TMPDIR/pack c lone n
	mkdir -p "$d"
	c=$BATS_FILE_TMPDIR/samples-j1.out
	n=$(grep -c '<newsItem' "$c")
	[ "$n" -ge 100 ] || { echo "only $n items" >&2; return 1; }
	lone=$(warta-normalize -q "$WARTA_TOP/samples/layout-title.txt"; echo x)
	lone=${lone%x}
	cp "$c" "$d/sound.xml"
	# Pieces the split hands out and the parser refuses, with jobs
	# given after them: dropped, and the reader says what is wrong.
	perl -0pe '$n = 0; s{<itemMeta>}{++$n == 40 ? "$&&undefined;" : $&}ge' \
	    "$c" >"$d/entity.xml"
	perl -0pe '$n = 0; s{<itemMeta>}{++$n == 3 ? "$&<b>x</i>" : $&}ge' \
	    "$c" >"$d/mismatch.xml"
	# An item the checks leave out (no guid), then a refused one.
	perl -0pe '$n = 0; s{<newsItem ([^>]*?)guid="[^"]*"}{++$n == 20 ? "<newsItem $1" : $&}ge;
	    $n = 0; s{<itemMeta>}{++$n == 60 ? "$&&#1;" : $&}ge' \
	    "$c" >"$d/left-out-then-refused.xml"
	head -c "$(($(wc -c <"$c") * 3 / 5))" "$c" >"$d/cut-short.xml"
	printf '%s%s%s' "$lone" "${lone/UTF-8/ISO-8859-1}" "$lone" \
	    >"$d/encodings.xml"
	for c in sound entity mismatch left-out-then-refused cut-short \
	    encodings; do
		pack_runs "pack-$c" "$d/$c.xml"
	done
	d=$BATS_FILE_TMPDIR
	expect "sound status" "$(<"$d/pack-sound-j1.rc")" 0
	has "sound" "$(<"$d/pack-sound-j1.err")" "$n items read, 134 packed"
	has "entity" "$(<"$d/pack-entity-j1.err")" \
	    "Entity 'undefined' not defined" "39 items read"
	has "mismatch" "$(<"$d/pack-mismatch-j1.err")" \
	    "Opening and ending tag mismatch" "2 items read"
	has "left out, then refused" \
	    "$(<"$d/pack-left-out-then-refused-j1.err")" "item 20 (no guid)" \
	    "invalid xmlChar value 1" "59 items read, 58 packed"
	has "cut short" "$(<"$d/pack-cut-short-j1.err")" \
	    "not well-formed XML at byte"
	has "encodings" "$(<"$d/pack-encodings-j1.err")" "3 items read"
	for c in sound entity mismatch left-out-then-refused cut-short \
	    encodings; do
		same_runs "pack-$c" 2 8
	done
}

# refused_at PADDING OUT: the samples' stream with PADDING empty lines
# after <itemSet>, and in its 30th item an element the schema refuses, its
# start tag spread over lines, into OUT; prints the element's line,
# counted here: libxml2 gives an element the line its start tag ends on.
refused_at() {
	local line
	perl -0pe 's{<itemSet>}{"<itemSet>" . "\n" x '"$1"'}e;
	    $n = 0; s{<firstCreated>}{++$n == 30 ? "<firstCreatedX\n\n>" : $&}ge;
	    $n = 0; s{</firstCreated>}{++$n == 30 ? "</firstCreatedX>" : $&}ge' \
	    "$BATS_FILE_TMPDIR/samples-j1.out" >"$2"
	line=$(grep -n '<firstCreatedX' "$2" | cut -d: -f1)
	[ -n "$line" ] || { echo "no firstCreatedX in $2" >&2; return 1; }
	echo $((line + 2))
}

# pack_quotes NAME FILE LINE: FILE packed from a pipe (-j 1) and from the
# file (-j 2, -j 8), with the official schema: the element's problem
# quoted at LINE, and the same bundle, messages and status each way.
pack_quotes() {
	export WARTA_SCHEMA
	WARTA_SCHEMA=$(XSD)
	pack_runs "$1" "$2"
	has "$1" "$(<"$BATS_FILE_TMPDIR/$1-j1.err")" \
	    ": line $3: Element '{http://iptc.org/std/nar/2006-10-01/}firstCreatedX'"
	same_runs "$1" 2 8
}

@test "pack -j: an item's problem quotes the line the reader gives, in its own document" {
	need_shared
	local d=$BATS_FILE_TMPDIR/lines line
	mkdir -p "$d"
	# Two documents; the element in the second.
	line=$(refused_at 0 "$d/second.xml")
	cat "$BATS_FILE_TMPDIR/samples-j1.out" "$d/second.xml" >"$d/two.xml"
	pack_quotes lines "$d/two.xml" "$line"
}

@test "pack -j: an item's problem past line 65,535 quotes its line, from a pipe as from a file" {
	need_shared
	local d=$BATS_FILE_TMPDIR/big-lines line
	mkdir -p "$d"
	# libxml2 keeps a line past 65,535 apart from the element (in its
	# text), which a copy of the item out of its message lost: the
	# message quoted no line.
	line=$(refused_at 70000 "$d/late.xml")
	[ "$line" -gt 70000 ] || { echo "firstCreatedX at line $line" >&2; return 1; }
	pack_quotes late "$d/late.xml" "$line"
}

@test "meta -j: the corpus the same with -j 1, 2 and 8" {
	need_shared
	local j d=$BATS_FILE_TMPDIR
	[ -s "$d/corpus-j1.out" ] ||
	    warta-normalize -q "$WARTA_SHARED/corpus/id" >"$d/corpus-j1.out"
	for j in 1 2 8; do
		jrun meta-corpus-j$j warta-meta -j $j "$d/corpus-j1.out"
	done
	has "meta corpus" "$(<"$d/meta-corpus-j1.err")" "100 items, 100 changed"
	same_runs meta-corpus 2 8
}

@test "-j: a full disk stops every -j at the same item, with the same counts" {
	[ -w /dev/full ] || skip "no /dev/full"
	local j d=$BATS_FILE_TMPDIR in
	in=$(inputs)
	for j in 1 8; do
		# shellcheck disable=SC2086
		JOUT=/dev/full jrun full-n-j$j warta-normalize -j $j $in
		JOUT=/dev/full jrun full-m-j$j warta-meta -j $j \
		    --sidecar "$WARTA_TOP/samples/meta/archive.csv" \
		    "$d/named.xml" "$d/samples-j1.out"
		: >"$d/full-n-j$j.out"
		: >"$d/full-m-j$j.out"
	done
	has "normalize to /dev/full" "$(<"$d/full-n-j1.err")" \
	    "No space left on device" "normalized 1, rejected 0"
	has "meta to /dev/full" "$(<"$d/full-m-j1.err")" \
	    "No space left on device" "2 items, 2 changed" \
	    "1 row matched, 2 rows matched no item, 1 item matched no row"
	same_runs full-n 8
	same_runs full-m 8
}

@test "-j: 0, a word, too many or nothing are usage errors, one line, exit 2" {
	local p v
	for p in warta-normalize warta-meta; do
		for v in 0 x 2x 257 ''; do
			qrun -2 "$p" -j "$v" "$WARTA_TOP/samples/semarang-maritim-purwanto.txt"
			expect "$p -j '$v' stdout" "$output" ""
			expect "$p -j '$v' lines" "${#stderr_lines[@]}" 1
			has "$p -j '$v'" "$stderr" "-j: '$v' is not a number of jobs (1 to 256)"
		done
		qrun -2 "$p" --jobs
		has "$p --jobs" "$stderr" "needs a value"
		qrun -0 "$p" --help
		has "$p --help" "$output" "-j, --jobs N"
	done
}
