#!/usr/bin/env bats
# t0001-layers: the tree keeps the architecture HACKING.md describes.
# formats/ is one folder per layer; a layer includes only the layers below
# it (peers on one level do not include each other), and formats/ never
# prints, never exits, never includes the programs' cli.h and keeps no
# mutable static data (-j runs its functions on several threads at once).

load common

# The layers, lowest first; a line holds the peers of one level.
LEVELS=(
	"base"
	"text"
	"newsml"
	"input"
	"article bagit"
	"meta html"
)

# The level of each layer, looked up without a subshell: the check below
# asks once for every include of every file.
declare -gA LEVEL_OF
for i in "${!LEVELS[@]}"; do
	for l in ${LEVELS[$i]}; do
		LEVEL_OF[$l]=$i
	done
done

level_of() {
	echo "${LEVEL_OF[$1]:--1}"
}

@test "every folder of formats/ is a known layer" {
	local d name
	for d in "$WARTA_TOP"/formats/*/; do
		name=$(basename "$d")
		[ "$name" = data ] && continue
		[ "$(level_of "$name")" -ge 0 ] ||
			{ echo "formats/$name is not in the layer list (HACKING.md)"; false; }
	done
}

# layer_violations ROOT: one line for each include in ROOT/*/*.[ch] that
# names no layer, a layer above its own, or a peer.
layer_violations() {
	local root=$1 f inc layer lv target tl
	# One grep over every file: "FILE:#include "INC"...".
	while IFS= read -r line; do
		f=${line%%:#include *}
		inc=${line#*:#include \"}
		inc=${inc%%\"*}
		layer=${f#"$root"/}
		layer=${layer%%/*}
		lv=${LEVEL_OF[$layer]:--1}
		target=${inc%%/*}
		if [ "$target" = "$inc" ]; then
			echo "${f#"$root"/}: \"$inc\" names no layer"
			continue
		fi
		[ "$target" = "$layer" ] && continue
		tl=${LEVEL_OF[$target]:--1}
		if [ "$tl" -lt 0 ] || [ "$tl" -ge "$lv" ]; then
			echo "${f#"$root"/}: includes \"$inc\" ($target is not below $layer)"
		fi
	done < <(find "$root" -mindepth 2 -name '*.[ch]' | sort |
	    xargs grep -H '^#include "' /dev/null)
}

@test "no layer includes a layer above it or a peer" {
	run layer_violations "$WARTA_TOP/formats"
	[ -z "$output" ] || { printf '%s\n' "$output"; false; }
}

@test "the layer check reports an upward include, a peer and a bare name" {
	local t=$BATS_TEST_TMPDIR/formats
	mkdir -p "$t/base" "$t/article" "$t/meta"
	printf '#include "base/buf.h"\n#include "meta/meta.h"\n' >"$t/base/a.c"
	printf '#include "bagit/read.h"\n#include "text/clean.h"\n' >"$t/article/b.c"
	printf '#include "buf.h"\n#include "article/article.h"\n' >"$t/meta/c.c"
	run layer_violations "$t"
	expect violations "$output" \
'article/b.c: includes "bagit/read.h" (bagit is not below article)
base/a.c: includes "meta/meta.h" (meta is not below base)
meta/c.c: "buf.h" names no layer'
}

# print_or_exit_calls ROOT: the calls in ROOT's C files that print to a
# terminal or end the process.  Writing to a FILE the module opened (a
# manifest, a spool) is not printing; writing to stdout or stderr is.
print_or_exit_calls() {
	grep -rnE --include='*.c' \
	    -e '(^|[^_a-z])(printf|vprintf|puts|perror|exit|_exit|abort|errx?|warnx?)[[:space:]]*\(' \
	    -e '(fprintf|vfprintf|fputs|fputc|putc|fwrite)[[:space:]]*\(.*(stdout|stderr)' \
	    "$1" | grep -vE '^[^:]+:[0-9]+:[[:space:]]*(/?\*|//)' || true
}

@test "formats/ never prints and never exits" {
	run print_or_exit_calls "$WARTA_TOP/formats"
	[ -z "$output" ] || { printf '%s\n' "$output"; false; }
}

@test "the print check finds printf, stderr and exit, and passes a manifest write" {
	local t=$BATS_TEST_TMPDIR/f
	mkdir -p "$t"
	printf '\tprintf("x");\n\tfprintf(stderr, "y");\n\texit(1);\n' >"$t/bad.c"
	printf '\tfputs(line, manifest);\n\tsnprintf(b, n, "z");\n\t * exit( in a comment\n' >"$t/good.c"
	run print_or_exit_calls "$t"
	[ "$(printf '%s\n' "$output" | grep -c 'bad.c')" = 3 ]
	[[ "$output" != *good.c* ]]
}

@test "formats/ does not include the programs' command-line layer" {
	run grep -rln 'cli\.h' "$WARTA_TOP/formats"
	[ "$status" -ne 0 ]
}

# mutable_data OBJ...: "OBJ SECTION SIZE" for each object file with
# writable static data (.data, .bss or thread-local), from one size(1).
mutable_data() {
	size -A "$@" | awk '
	    / *:$/ { obj = $1; sub(/ *:$/, "", obj) }
	    $1 ~ /^\.(data|bss|tdata|tbss)$/ && $2 > 0 { print obj, $1, $2 }'
}

@test "formats/ keeps no mutable static data: its functions run on many threads" {
	local obj=${WARTA_BIN%/bin}/obj/formats objs
	[ -d "$obj" ] || skip "no objects in $obj"
	# The sanitizers add their own data to every object; the plain
	# build's objects are the ones checked.
	under_asan && skip "a sanitizer build's objects carry its own data"
	objs=("$obj"/*/*.o)
	[ "${#objs[@]}" -gt 50 ]
	run mutable_data "${objs[@]}"
	[ -z "$output" ] || { printf '%s\n' "$output"; false; }
}

@test "the static data check finds a static counter" {
	local t=$BATS_TEST_TMPDIR
	printf 'static int n;\nint f(void) { return n++; }\n' >"$t/counter.c"
	${CC:-cc} -c -O2 -o "$t/counter.o" "$t/counter.c"
	run mutable_data "$t/counter.o"
	[[ "$output" == *"counter.o .bss 4"* ]]
}
