#!/usr/bin/env bats
# t0920-hostile-bundles: bundles made to do harm, each made here by a
# script: an entry refused or passed over that carries a decompression
# bomb (the bounds see the bytes skipped), a duplicated entry (never
# extracted twice, never read twice), names with control bytes or that are
# not UTF-8 (refused, and every name printed escaped), an item file that
# is not an item, and -C through a symbolic link.
# check: sanitizer build

load common

BOMB=$WARTA_TOP/tests/tools/zst-bomb-entry.py

# Every hostile bundle is made here, by one python3 (a python3 costs a
# tenth of a second to start): the tests read them from $F.
setup_file() {
	local F=$BATS_FILE_TMPDIR
	warta-normalize -q "$WARTA_TOP"/samples/dateline-{antara,ap}.txt |
	    warta-meta -q | warta-pack -q -o "$F/b.tar.gz"
	# make.py JOB [@NEXT JOB]...: each JOB one of
	#   add IN OUT [PATH DATA]...: the bundle IN with entries added
	#     after its own, each PATH (bytes, in Python's escapes: "\\033")
	#     holding DATA; DATA "@FIRST-ITEM" is the first item, one byte
	#     changed.  PATH may start with "@FIRST-ITEM" too: that item's
	#     path.
	#   cells IN OUT: the bundle IN with control bytes in the first row
	#     of its catalog.tsv.
	#   bomb OUT KIND MIB: tests/tools/zst-bomb-entry.py OUT KIND MIB,
	#     run in this python3.
	cat >"$F/make.py" <<'PY'
import io, runpy, sys, tarfile

def add(src, out, *args):
    src = tarfile.open(src)
    members = [(m, src.extractfile(m).read() if m.isfile() else None)
        for m in src.getmembers()]
    first = next(m for m, d in members if '/data/items/' in m.name)
    item = src.extractfile(first).read()
    with tarfile.open(out, 'w:gz', format=tarfile.PAX_FORMAT,
            encoding='utf-8', errors='surrogateescape') as t:
        for m, d in members:
            t.addfile(m, io.BytesIO(d) if d is not None else None)
        for path, data in zip(args[0::2], args[1::2]):
            path = path.replace('@FIRST-ITEM', first.name)
            path = path.encode().decode('unicode_escape').encode('latin-1')
            if data == '@FIRST-ITEM':
                d = item.replace(b'</newsItem>', b'<!-- x --></newsItem>')
            else:
                d = data.encode().decode('unicode_escape').encode('latin-1')
            i = tarfile.TarInfo(path.decode('utf-8', 'surrogateescape'))
            i.size = len(d)
            t.addfile(i, io.BytesIO(d))

def cells(src, out):
    src = tarfile.open(src)
    with tarfile.open(out, 'w:gz', format=tarfile.PAX_FORMAT) as t:
        for m in src.getmembers():
            d = src.extractfile(m).read() if m.isfile() else None
            if m.name.endswith('/data/catalog.tsv'):
                lines = d.split(b'\n')
                f = lines[1].split(b'\t')
                f[0] = b'urn:\x1b]0;pwned\x07'
                f = [c if i == 0 else c + b'\x1b[2J' for i, c in enumerate(f)]
                lines[1] = b'\t'.join(f)
                d = b'\n'.join(lines)
                m.size = len(d)
            t.addfile(m, io.BytesIO(d) if d is not None else None)

def bomb(*args):
    script = sys.argv[0]
    sys.argv = [BOMB] + list(args)
    runpy.run_path(BOMB, run_name='__main__')
    sys.argv[0] = script

BOMB = sys.argv[1]
jobs, job = [], []
for a in sys.argv[2:] + ['@NEXT']:
    if a == '@NEXT':
        jobs.append(job)
        job = []
    else:
        job.append(a)
for job in jobs:
    {'add': add, 'cells': cells, 'bomb': bomb}[job[0]](*job[1:])
PY
	local bombs=()
	if command -v zstd >/dev/null; then
		# 640 GiB declared by a hard link, in about 24 MB.
		bombs+=(@NEXT bomb "$F/h640.tar.zst" hardlink $((640 << 10)))
		# 100 MiB in an entry of each kind the readers pass over.
		bombs+=(@NEXT bomb "$F/hardlink.tar.zst" hardlink 100)
		bombs+=(@NEXT bomb "$F/dir.tar.zst" dir 100)
		bombs+=(@NEXT bomb "$F/fifo.tar.zst" fifo 100)
	fi
	python3 "$F/make.py" "$BOMB" \
	    add "$F/b.tar.gz" "$F/dup.tar.gz" @FIRST-ITEM @FIRST-ITEM \
	    @NEXT add "$F/b.tar.gz" "$F/tsv.tar.gz" \
	    b/data/catalog.tsv 'guid\tdate\tplace\tbyline\ttitle\twords\tpath\nurn:evil\t2020-01-01\tX\tY\tforged\t1\titems/x.xml\n' \
	    @NEXT add "$F/b.tar.gz" "$F/info.tar.gz" \
	    b/bag-info.txt 'Payload-Oxum: 1.1\n' \
	    @NEXT add "$F/b.tar.gz" "$F/names.tar.gz" \
	    'b/data/items/\033]0;pwned\007x.xml' '@FIRST-ITEM' \
	    'b/data/items/forged\nline.xml' '@FIRST-ITEM' \
	    'b/data/items/\xff\xfe.xml' '@FIRST-ITEM' \
	    'b/data/items/\xc2\x9b31m.xml' '@FIRST-ITEM' \
	    @NEXT add "$F/b.tar.gz" "$F/odd.tar.gz" \
	    b/data/items/empty.xml '' \
	    b/data/items/other.xml '<?xml version="1.0"?><html/>\n' \
	    b/data/items/package.xml '<packageItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" version="1" standard="NewsML-G2" standardversion="2.35"/>\n' \
	    @NEXT cells "$F/b.tar.gz" "$F/cells.tar.gz" \
	    "${bombs[@]}"
}

setup() {
	T=$BATS_TEST_TMPDIR
	F=$BATS_FILE_TMPDIR
}

need_zstd() {
	command -v zstd >/dev/null || skip "no zstd program"
}

# took_ms CMD...: runs CMD as `run --separate-stderr` does, and sets ms
# to the CPU it took (cost: a loaded machine does not make a hostile
# input dearer).
took_ms() {
	cost "$@"
	ms=$CPU_MS
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
	# the bundles made in setup_file
	for kind in hardlink dir fifo; do
		qrun warta-verify --max-entry 1M \
		    --max-ratio 1000000000 "$F/$kind.tar.zst"
		expect "$kind status" "$status" 1
		has "$kind output" "$output" "b/data/$kind" \
		    "an entry over 1048576 bytes (--max-entry)" \
		    "the rest of the bag could not be checked"
		qrun warta-unpack -t --max-entry 1M \
		    --max-ratio 1000000000 "$F/$kind.tar.zst"
		expect "$kind unpack status" "$status" 1
		has "$kind unpack" "$stderr" \
		    "an entry over 1048576 bytes (--max-entry)"
	done
}

@test "a second, different copy of an item is refused, never written over the first, even with --force" {
	# dup.tar.gz: made in setup_file
	local first l
	while IFS= read -r l; do
		[[ $l != */data/items/* ]] || { first=$l; break; }
	done < <(tar -tzf "$F/b.tar.gz")
	[ -n "$first" ]
	mkdir "$T/out"
	qrun warta-unpack --force -C "$T/out" "$F/dup.tar.gz"
	expect status "$status" 1
	has stderr "$stderr" \
	    "warta-unpack: $F/dup.tar.gz: $first: a second entry of this name refused"
	# What is extracted is the first copy, the one the manifest names.
	cmp "$T/out/$first" <(tar -xzOf "$F/b.tar.gz" "$first")
	# warta-verify says so too.
	qrun warta-verify "$F/dup.tar.gz"
	expect "verify status" "$status" 1
	has output "$output" "$first: a second entry of this name refused"
}

@test "a second catalog.tsv is refused, not listed: -t lists the bundle's items" {
	local want
	want=$(warta-unpack -t --tsv "$F/b.tar.gz")
	# tsv.tar.gz and info.tar.gz: made in setup_file
	qrun warta-unpack -t --tsv "$F/tsv.tar.gz"
	expect status "$status" 1
	has stderr "$stderr" \
	    "warta-unpack: $F/tsv.tar.gz: b/data/catalog.tsv: a second entry of this name refused"
	expect listing "$output" "$want"
	# Any tag file the same.
	qrun warta-verify "$F/info.tar.gz"
	expect "verify status" "$status" 1
	has output "$output" "b/bag-info.txt: a second entry of this name refused"
}

@test "names with control bytes or not UTF-8 are refused, and printed escaped" {
	# names.tar.gz: made in setup_file
	qrun warta-verify "$F/names.tar.gz"
	expect status "$status" 1
	has output "$output" \
	    '/names.tar.gz: b/data/items/\033]0;pwned\ax.xml: a name with a control character refused' \
	    '/names.tar.gz: b/data/items/forged\nline.xml: a name with a control character refused' \
	    '/names.tar.gz: b/data/items/\xff\xfe.xml: a name that is not UTF-8 refused' \
	    '/names.tar.gz: b/data/items/\xc2\x9b31m.xml: a name with a control character refused'
	lacks output "$output" $'\033' $'\007' $'\xc2\x9b' $'\xff'
	# One line a problem, the count last.
	expect lines "${#lines[@]}" 5
	mkdir "$T/out"
	qrun warta-unpack -C "$T/out" "$F/names.tar.gz"
	expect "unpack status" "$status" 1
	has stderr "$stderr" \
	    'b/data/items/\033]0;pwned\ax.xml: a name with a control character refused'
	lacks stderr "$stderr" $'\033' $'\007' $'\xc2\x9b' $'\xff'
	# Nothing of them is written.
	expect "files with odd names" \
	    "$(find "$T/out" -name '*[^A-Za-z0-9._/-]*' | wc -l)" 0
}

@test "a file name given with control bytes is printed escaped" {
	cp "$F/b.tar.gz" "$T/"$'evil\033[2Jname'.tar.gz
	qrun warta-verify -- "$T/"$'evil\033[2Jname'.tar.gz \
	    "$T/"$'gone\nline'
	expect status "$status" 2
	has output "$output" '/evil\033[2Jname.tar.gz: valid'
	has stderr "$stderr" '/gone\nline: No such file or directory'
	lacks all "$output$stderr" $'\033'
}

@test "an empty or non-item file in data/items is reported, exit 1" {
	# odd.tar.gz: made in setup_file
	local want
	want=$(warta-unpack "$F/b.tar.gz" | grep -c '<newsItem ')
	qrun warta-unpack "$F/odd.tar.gz"
	expect status "$status" 1
	has stderr "$stderr" \
	    "warta-unpack: $F/odd.tar.gz: data/items/empty.xml: empty, not a NewsML-G2 item" \
	    "warta-unpack: $F/odd.tar.gz: data/items/other.xml: not NewsML-G2" \
	    "warta-unpack: $F/odd.tar.gz: data/items/package.xml: not a NewsML-G2 item"
	expect items "$(grep -c '<newsItem ' <<<"$output")" "$want"
	mkdir "$T/out"
	qrun warta-unpack -C "$T/out" "$F/odd.tar.gz"
	expect "-C status" "$status" 1
	has stderr "$stderr" "data/items/package.xml: not a NewsML-G2 item"
}

@test "-C may be reached through a symbolic link; a link inside it is still refused" {
	mkdir -p "$T/real/deep"
	ln -s "$T/real" "$T/link"
	qrun warta-unpack -C "$T/link/deep" "$F/b.tar.gz"
	expect status "$status" 0
	[ -n "$(find "$T/real/deep/b/data/items" -name '*.xml')" ]
	# -C a link itself, made anew under it.
	ln -s "$T/real/deep" "$T/deeplink"
	qrun warta-unpack -C "$T/deeplink/new" "$F/b.tar.gz"
	expect "link status" "$status" 0
	[ -d "$T/real/deep/new/b/data/items" ]
	# A link under the target: never followed.
	mkdir -p "$T/out" "$T/elsewhere"
	ln -s "$T/elsewhere" "$T/out/b"
	qrun warta-unpack -C "$T/link/../out" "$F/b.tar.gz"
	expect "inner link status" "$status" 1
	has stderr "$stderr" "/out/b: not a directory (a link is never followed)"
	[ -z "$(ls -A "$T/elsewhere")" ]
}

@test "standard output closed: the report cannot be written, and the message says why" {
	qrun bash -c 'warta-verify "$1" >&-' - "$F/b.tar.gz"
	expect status "$status" 2
	expect stderr "$stderr" "warta-verify: standard output: closed: what was to be written there is lost"
	qrun bash -c 'warta-unpack -t "$1" >&-' - "$F/b.tar.gz"
	expect "unpack status" "$status" 1
	has "unpack stderr" "$stderr" "standard output: closed"
	# With nothing to write, nothing is lost.
	qrun bash -c 'warta-verify -q "$1" >&-' - "$F/b.tar.gz"
	expect "quiet status" "$status" 0
	expect "quiet stderr" "$stderr" ""
}

@test "-t: a catalog cell with control bytes is listed escaped" {
	# cells.tar.gz: made in setup_file
	qrun warta-unpack -t "$F/cells.tar.gz"
	expect status "$status" 0
	has output "$output" 'urn:\033]0;pwned\a' '\033[2J'
	lacks output "$output" $'\033' $'\007'
}
