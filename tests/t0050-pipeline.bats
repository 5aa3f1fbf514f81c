#!/usr/bin/env bats
# t0050-pipeline: every sample through every stage, each stage one process
# over all of them, as a shell user chains them: normalize, meta (with a
# sidecar), pack into each bundle format, verify, unpack (list, JSON,
# extract, stream) and text.  The stages' own tests check what each
# writes; this file is what the sanitizer build runs of the ordinary paths
# of every program, so a memory error there is found whatever the sample.
# check: sanitizer build

load common

setup_file() {
	local d=$BATS_FILE_TMPDIR
	. "$WARTA_TOP/tests/samples.sh"
	valid_samples "$WARTA_TOP" >"$d/valid"
	invalid_samples "$WARTA_TOP" >"$d/invalid"
}

# clean WHAT: $stderr has no sanitizer's report.  One exits 86 under the
# tests (common.bash); this says which stage, with the report.
clean() {
	lacks "$1 stderr" "$stderr" "Sanitizer" "runtime error"
}

@test "every sample: normalize, meta, pack in each format, verify, unpack, text" {
	local d=$BATS_FILE_TMPDIR f n
	mapfile -t valid <"$d/valid"
	qrun -0 warta-normalize -q "${valid[@]}"
	clean normalize
	printf '%s\n' "$output" >"$d/items.xml"
	n=$(grep -c '<newsItem ' "$d/items.xml")
	[ "$n" -ge "${#valid[@]}" ] || { echo "$n items of ${#valid[@]} samples"; false; }
	qrun -0 warta-meta -q \
	    --sidecar "$SAMPLES/meta/archive.csv" "$d/items.xml"
	clean meta
	printf '%s\n' "$output" >"$d/meta.xml"
	expect "items after meta" "$(grep -c '<newsItem ' "$d/meta.xml")" "$n"
	for f in tar.gz tar.zst tar.xz tar zip; do
		qrun -0 warta-pack -o "$d/b.$f" "$d/meta.xml"
		clean "pack $f"
		has "pack $f" "$stderr" "$n items read, $n packed"
		qrun -0 warta-verify "$d/b.$f"
		clean "verify $f"
		qrun -0 warta-unpack -t "$d/b.$f"
		clean "unpack -t $f"
		expect "listed in $f" "$(grep -c ' data/items/' <<<"$output")" "$n"
	done
	qrun -0 warta-unpack -t --json "$d/b.tar.gz"
	clean "unpack -t --json"
	expect "JSON lines" "$(jq -c . <<<"$output" | wc -l)" "$n"
	qrun -0 warta-unpack -C "$d/x" "$d/b.zip"
	clean "unpack -C"
	expect "items extracted" "$(find "$d/x" -name '*.xml' | wc -l)" "$n"
	warta-unpack "$d/b.tar.zst" >"$d/stream.xml" 2>"$d/err"
	stderr=$(cat "$d/err") clean "unpack to stdout"
	qrun -0 warta-text "$d/stream.xml"
	clean text
	[ "${#output}" -gt 10000 ]
}

@test "every sample refused: each one named, exit 1" {
	local f args plain=()
	mapfile -t invalid <"$BATS_FILE_TMPDIR/invalid"
	# Those with options of their own (NAME.args) run alone, with them.
	for f in "${invalid[@]}"; do
		if [ -f "${f%.*}.args" ]; then
			read -ra args <"${f%.*}.args"
			qrun -1 warta-normalize "${args[@]}" "$f"
			clean "normalize $f"
			has "refusal" "$stderr" "$f"
		else
			plain+=("$f")
		fi
	done
	qrun -1 warta-normalize "${plain[@]}"
	clean normalize
	for f in "${plain[@]}"; do
		has "refusals" "$stderr" "$f"
	done
}
