#!/usr/bin/env bats
# t0150-input-warc-archive: warta-normalize on zip and tar deliveries and on
# WARC web archives (formats/input/archive.c, warc.c): every entry of a
# delivery an item named delivery.zip/texts/a.txt, junk skipped and
# counted, hostile entries and bombs refused as warta-unpack refuses them;
# the WARC sample's golden items, and a real crawl (wget --warc-file of a
# site served here) packed and verified.

load common

CRAWL=$WARTA_TOP/tests/warc-crawl.sh
RUN=$WARTA_TOP/tests/normalize-sample.sh
SITE=$SAMPLES/warc/site

setup() {
	T=$BATS_TEST_TMPDIR
}

# file_names FILE: the fileName of each item in FILE, one a line, sorted.
file_names() {
	grep -o '<fileName>[^<]*</fileName>' "$1" | sed 's/<[^>]*>//g' | sort
}

# summary STDERR: the summary line.
summary() {
	printf '%s\n' "$1" | grep 'warta-normalize: normalized ' | tail -n 1
}

# texts DIR: DIR/texts/{a,b}.txt and DIR/texts/sub/c.txt from the samples.
texts() {
	mkdir -p "$1/texts/sub"
	cp "$SAMPLES/lang-en.txt" "$1/texts/a.txt"
	cp "$SAMPLES/lang-id.txt" "$1/texts/b.txt"
	cp "$SAMPLES/semarang-maritim-purwanto.txt" "$1/texts/sub/c.txt"
}

# zip_dir ZIP DIR NAME...: DIR/NAME... zipped, with zip or else python3.
zip_dir() {
	local zip=$1 dir=$2
	shift 2
	if command -v zip >/dev/null; then
		(cd "$dir" && zip -qr "$zip" "$@")
	else
		python3 - "$zip" "$dir" "$@" <<-'EOF'
		import os, sys, zipfile
		out, top, names = sys.argv[1], sys.argv[2], sys.argv[3:]
		with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
		    for name in names:
		        for d, dirs, files in os.walk(os.path.join(top, name)):
		            z.write(d, os.path.relpath(d, top))
		            for f in files:
		                p = os.path.join(d, f)
		                z.write(p, os.path.relpath(p, top))
		EOF
	fi
}

# ---- zip and tar ----

@test "a zip and a tar.gz of text files: every entry one item, named delivery.zip/texts/a.txt" {
	texts "$T/d"
	zip_dir "$T/delivery.zip" "$T/d" texts
	tar -C "$T/d" -czf "$T/delivery.tar.gz" texts
	local a
	for a in delivery.zip delivery.tar.gz; do
		qrun -0 warta-normalize "$T/$a"
		printf '%s\n' "$output" >"$T/$a.xml"
		expect "$a fileNames" "$(file_names "$T/$a.xml" | tr '\n' ' ')" \
		    "$a/texts/a.txt $a/texts/b.txt $a/texts/sub/c.txt "
		# three directories: texts/, texts/sub/ (and for tar, none
		# other)
		expect "$a summary" "$(summary "$stderr")" \
		    "warta-normalize: normalized 3, rejected 0, skipped 2 records that are not articles"
		validate "$T/$a.xml"
	done
	# An entry's item is the file's, but for its name.
	warta-normalize -q "$T/d/texts/a.txt" | warta-text >"$T/alone.txt"
	[ -s "$T/alone.txt" ]
	has "a.txt's text" "$(warta-normalize -q "$T/delivery.zip" | warta-text)" \
	    "$(<"$T/alone.txt")"
	# Forced, or from standard input: the same items.
	qrun -0 warta-normalize -f zip "$T/delivery.zip"
	expect forced "$(summary "$stderr")" \
	    "warta-normalize: normalized 3, rejected 0, skipped 2 records that are not articles"
	qrun -0 warta-normalize - <"$T/delivery.tar.gz"
	printf '%s\n' "$output" >"$T/stdin.xml"
	expect "stdin fileNames" "$(file_names "$T/stdin.xml" | tr '\n' ' ')" \
	    "texts/a.txt texts/b.txt texts/sub/c.txt "
}

@test "hidden files, __MACOSX/, directories skipped and counted; a bad entry named; the counts add up" {
	texts "$T/d"
	mkdir -p "$T/d/__MACOSX/texts" "$T/d/texts/.cache"
	printf 'junk' >"$T/d/texts/.DS_Store"
	printf 'junk' >"$T/d/__MACOSX/texts/._a.txt"
	printf 'junk' >"$T/d/texts/.cache/x.txt"
	: >"$T/d/texts/empty.txt"
	printf 'abc\000def\n' >"$T/d/texts/binary.txt"
	zip_dir "$T/delivery.zip" "$T/d" texts __MACOSX
	qrun -1 warta-normalize "$T/delivery.zip"
	has stderr "$stderr" \
	    "warta-normalize: $T/delivery.zip: texts/empty.txt: empty file" \
	    "warta-normalize: $T/delivery.zip: texts/binary.txt: binary data at byte 3, not text"
	local entries items
	entries=$(unzip -Z1 "$T/delivery.zip" | wc -l)
	items=$(grep -c '<newsItem ' <<<"$output")
	expect items "$items" 3
	expect summary "$(summary "$stderr")" \
	    "warta-normalize: normalized 3, rejected 2, skipped $((entries - 5)) records that are not articles"
}

@test "hostile archives: '../', absolute and symlink entries refused and named, the rest read" {
	texts "$T/d"
	python3 - "$T" <<-'EOF'
	import io, sys, tarfile, zipfile
	t = sys.argv[1]
	good = open(t + "/d/texts/a.txt", "rb").read()
	def add(tf, name, data=good, **kw):
	    ti = tarfile.TarInfo(name)
	    for k, v in kw.items():
	        setattr(ti, k, v)
	    if ti.type == tarfile.REGTYPE:
	        ti.size = len(data)
	        tf.addfile(ti, io.BytesIO(data))
	    else:
	        tf.addfile(ti)
	with tarfile.open(t + "/evil.tar", "w", format=tarfile.GNU_FORMAT) as tf:
	    add(tf, "texts/a.txt")
	    add(tf, "texts/../../pwned.txt")
	    add(tf, t + "/pwned/abs.txt")
	    add(tf, "texts/link.txt", type=tarfile.SYMTYPE, linkname="/etc/passwd")
	    add(tf, "texts/hard.txt", type=tarfile.LNKTYPE, linkname="/etc/passwd")
	    add(tf, "texts/fifo", type=tarfile.FIFOTYPE)
	    add(tf, "texts/z.txt")
	with zipfile.ZipFile(t + "/evil.zip", "w") as z:
	    z.writestr("texts/a.txt", good)
	    z.writestr("texts/../../pwned.txt", good)
	    z.writestr(t + "/pwned/abs.txt", good)
	    zi = zipfile.ZipInfo("texts/link.txt")
	    zi.create_system = 3
	    zi.external_attr = 0o120777 << 16
	    z.writestr(zi, b"/etc/passwd")
	    z.writestr("texts/z.txt", good)
	EOF
	qrun -1 warta-normalize "$T/evil.tar"
	has tar "$stderr" \
	    "warta-normalize: $T/evil.tar: texts/../../pwned.txt: a path with a '..' component refused" \
	    "warta-normalize: $T/evil.tar: $T/pwned/abs.txt: an absolute path refused" \
	    "warta-normalize: $T/evil.tar: texts/link.txt: a symbolic link refused" \
	    "warta-normalize: $T/evil.tar: texts/hard.txt: a hard link refused" \
	    "warta-normalize: $T/evil.tar: texts/fifo: a FIFO refused" \
	    "warta-normalize: normalized 2, rejected 5"
	expect "tar items" "$(grep -c '<newsItem ' <<<"$output")" 2
	lacks tar "$output" 'root:'
	qrun -1 warta-normalize "$T/evil.zip"
	has zip "$stderr" \
	    "warta-normalize: $T/evil.zip: texts/../../pwned.txt: a path with a '..' component refused" \
	    "warta-normalize: $T/evil.zip: $T/pwned/abs.txt: an absolute path refused" \
	    "warta-normalize: $T/evil.zip: texts/link.txt: a symbolic link refused" \
	    "warta-normalize: normalized 2, rejected 3"
	lacks zip "$output" '/etc/passwd' 'root:'
	[ ! -e "$T/pwned" ] && [ ! -e "$T/../pwned.txt" ]
}

# bomb FILE KIND: 300 MB of zeros, one entry between two small ones, in a
# zip or a tar.gz.  The zeros come from one buffer, in 1 MB writes: the
# same bytes for a third of the CPU of a new buffer each time.
bomb() {
	python3 - "$1" "$2" <<-'EOF'
	import gzip, io, sys, tarfile, zipfile
	path, kind = sys.argv[1:]
	ZERO = memoryview(bytes(1 << 20))
	class Zeros(io.RawIOBase):
	    def __init__(self, n): self.n = n
	    def readable(self): return True
	    def readinto(self, b):
	        k = min(len(b), self.n, len(ZERO)); b[:k] = ZERO[:k]; self.n -= k; return k
	n = 300 << 20
	if kind == "zip":
	    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
	        z.writestr("a.txt", b"Before the bomb.\n")
	        zi = zipfile.ZipInfo("zeros.txt")
	        zi.compress_type = zipfile.ZIP_DEFLATED
	        with z.open(zi, "w", force_zip64=True) as w:
	            for _ in range(n // len(ZERO)):
	                w.write(ZERO)
	        z.writestr("z.txt", b"After the bomb.\n")
	else:
	    with gzip.open(path, "wb", compresslevel=9) as g:
	        with tarfile.open(fileobj=g, mode="w", format=tarfile.GNU_FORMAT,
	                          copybufsize=1 << 20) as t:
	            ti = tarfile.TarInfo("a.txt"); ti.size = 17
	            t.addfile(ti, io.BytesIO(b"Before the bomb.\n"))
	            ti = tarfile.TarInfo("zeros.txt"); ti.size = n
	            t.addfile(ti, io.BufferedReader(Zeros(n), 1 << 20))
	            ti = tarfile.TarInfo("z.txt"); ti.size = 16
	            t.addfile(ti, io.BytesIO(b"After the bomb.\n"))
	EOF
}

@test "a zip bomb and a tar.gz bomb: refused as warta-unpack refuses them, fast and small" {
	bomb "$T/bomb.zip" zip
	bomb "$T/bomb.tar.gz" tar
	[ "$(stat -c %s "$T/bomb.zip")" -lt 1000000 ]
	local f
	for f in bomb.zip bomb.tar.gz; do
		cost warta-normalize "$T/$f"
		expect "$f status" "$status" 1
		# The entry is over the size bound: refused unread.
		has "$f" "$stderr" \
		    "warta-normalize: $T/$f: zeros.txt: 314572800 bytes, larger than the size bound of 16777216 bytes (see --max-size)"
		# A zip's entry passed over is not inflated: the next is
		# read.  A tar.gz's is (the stream goes through it), and
		# the ratio stops the reading in it.
		if [ "$f" = bomb.zip ]; then
			expect "$f items" "$(grep -c '<newsItem ' <<<"$output")" 2
		else
			expect "$f items" "$(grep -c '<newsItem ' <<<"$output")" 1
			has "$f" "$stderr" 'a ratio over 1000: a decompression bomb?'
		fi
		# CPU, not wall time: a loaded machine does not make a bomb
		# dearer (cost, in common.bash).
		[ "$CPU_MS" -lt 5000 ] || { echo "$f: $CPU_MS ms"; return 1; }
		[ "$RSS_KB" -lt 100000 ] || { echo "$f: $RSS_KB KB"; return 1; }
		# With the size bound raised, the ratio stops it, as it
		# stops warta-unpack.
		cost warta-normalize -s 1G "$T/$f"
		expect "$f -s 1G status" "$status" 1
		has "$f -s 1G" "$stderr" "warta-normalize: $T/$f: zeros.txt: " \
		    'a ratio over 1000: a decompression bomb?'
		[ "$CPU_MS" -lt 5000 ] || { echo "$f -s 1G: $CPU_MS ms"; return 1; }
		[ "$RSS_KB" -lt 100000 ] || { echo "$f -s 1G: $RSS_KB KB"; return 1; }
	done
}

@test "archives in archives: a zip in a tar.gz, named all the way down" {
	texts "$T/d"
	zip_dir "$T/inner.zip" "$T/d" texts
	mkdir -p "$T/o"
	cp "$T/inner.zip" "$T/o/"
	cp "$T/d/texts/a.txt" "$T/o/top.txt"
	tar -C "$T/o" -czf "$T/outer.tar.gz" inner.zip top.txt
	qrun -0 warta-normalize "$T/outer.tar.gz"
	printf '%s\n' "$output" >"$T/o.xml"
	expect fileNames "$(file_names "$T/o.xml" | tr '\n' ' ')" \
	    "outer.tar.gz/inner.zip/texts/a.txt outer.tar.gz/inner.zip/texts/b.txt outer.tar.gz/inner.zip/texts/sub/c.txt outer.tar.gz/top.txt "
	expect summary "$(summary "$stderr")" \
	    "warta-normalize: normalized 4, rejected 0, skipped 2 records that are not articles"
}

# ---- WARC ----

@test "the WARC sample is the one tests/warc-samples.py makes" {
	mkdir -p "$T/top/samples/warc" "$T/top/samples/invalid" "$T/top/tests"
	cp -r "$SITE" "$T/top/samples/warc/"
	cp "$WARTA_TOP/tests/warc-samples.py" "$T/top/tests/"
	python3 "$T/top/tests/warc-samples.py"
	cmp "$T/top/samples/warc/site.warc" "$SAMPLES/warc/site.warc"
	cmp "$T/top/samples/invalid/warc-damaged.warc" "$SAMPLES/invalid/warc-damaged.warc"
}

@test "the damaged WARC sample: each damaged record named with its place, nothing out" {
	local out=$T/site.out err=$T/site.err rc=0
	# (its golden files, and site.warc's, are checked by t0100)
	"$RUN" "$WARTA_BIN" "$SAMPLES/invalid/warc-damaged.warc" >"$out" 2>"$err" </dev/null || rc=$?
	expect "warc-damaged exit" "$rc" 1
	[ ! -s "$out" ]
	expect "warc-damaged messages" "$(<"$err")" \
"warta-normalize: warc-damaged.warc: record 1, byte 0: not a WARC record (no 'WARC/1.x' line)
warta-normalize: warc-damaged.warc: record 2, byte 102: no Content-Length
warta-normalize: warc-damaged.warc: record 3, byte 217: the record is cut short
warta-normalize: normalized 0, rejected 3"
}

@test "the WARC sample: one item a page, with its URI, capture date and record; the rest skipped and counted" {
	cd "$SAMPLES/warc"
	qrun -0 warta-normalize site.warc
	printf '%s\n' "$output" >"$T/site.xml"
	expect origReps "$(grep -o '<origRep>[^<]*' "$T/site.xml" | sed 's/<origRep>//' | tr '\n' ' ')" \
	    "http://kabar-pesisir.example/berita/pelabuhan-dibuka.html http://kabar-pesisir.example/berita/harga-garam.html http://kabar-pesisir.example/berita/festival-layang.html "
	expect records "$(grep -o 'property:record" value="[^"]*' "$T/site.xml" | sed 's/.*value="//' | tr '\n' '|')" \
	    "record 13, byte 4933|record 15, byte 6559|record 17, byte 8127|"
	has captured "$(<"$T/site.xml")" 'property:captured" value="2023-08-03T01:02:13Z"'
	expect fileNames "$(file_names "$T/site.xml" | uniq)" site.warc
	# 18 records: 3 article pages, and warcinfo, 7 requests, the index
	# page (links, no article), a 404, a 301, a style sheet, an image, a
	# revisit and a metadata record skipped.
	expect records "$(grep -c $'^WARC/1.1\r$' site.warc)" 18
	expect summary "$(summary "$stderr")" \
	    "warta-normalize: normalized 3, rejected 0, skipped 15 records that are not articles"
	# The chunked page: its chunks joined, no sizes left.
	lacks chunked "$(<"$T/site.xml")" $'\nc8\r' '&#13;'
	# Each page's original is the page's bytes, as served.
	has original "$(<"$T/site.xml")" 'Dinas Kelautan dan Perikanan berjanji'
}

@test "the WARC sample, gzipped as a whole or record by record, gives the same items" {
	cd "$T"
	cp "$SAMPLES/warc/site.warc" .
	warta-normalize -q site.warc | sed 's|<fileName>[^<]*|<fileName>X|' >plain.xml
	gzip -c site.warc >whole.warc.gz
	python3 - site.warc members.warc.gz <<-'EOF'
	import gzip, re, sys
	data = open(sys.argv[1], "rb").read()
	starts = [m.start() for m in re.finditer(rb"(?m)^WARC/1\.1\r$", data)]
	with open(sys.argv[2], "wb") as out:
	    for a, b in zip(starts, starts[1:] + [len(data)]):
	        out.write(gzip.compress(data[a:b], mtime=0))
	EOF
	local f
	for f in whole.warc.gz members.warc.gz; do
		qrun -0 warta-normalize "$f"
		printf '%s\n' "$output" | sed 's|<fileName>[^<]*|<fileName>X|' >"$f.xml"
		diff plain.xml "$f.xml"
		expect "$f summary" "$(summary "$stderr")" \
		    "warta-normalize: normalized 3, rejected 0, skipped 15 records that are not articles"
	done
}

@test "a damaged record in a WARC: named with its place, the reading goes on" {
	cd "$T"
	{
		printf 'WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\n\r\n<p>lost</p>\r\n\r\n'
		cat "$SAMPLES/warc/site.warc"
	} >damaged.warc
	qrun -1 warta-normalize damaged.warc
	has stderr "$stderr" \
	    "warta-normalize: damaged.warc: record 1, byte 0: no Content-Length" \
	    "warta-normalize: normalized 3, rejected 1, skipped 15 records that are not articles"
	# Cut short at the end: what came before stands.
	head -c 7000 "$SAMPLES/warc/site.warc" >cut.warc
	qrun -1 warta-normalize cut.warc
	has stderr "$stderr" "warta-normalize: cut.warc: record 15, byte 6559: the record is cut short" \
	    "warta-normalize: normalized 1, rejected 1, skipped 13 records that are not articles"
}

@test "the WARC sample's items survive the round trip: normalize, text, normalize, text" {
	warta-normalize -q "$SAMPLES/warc/site.warc" | warta-text >"$T/rt1"
	mkdir -p "$T/parts"
	awk -v dir="$T/parts" 'BEGIN { n = 1 } $0 == "\f" { n++; next }
	    { print > (dir "/" n ".txt") }' "$T/rt1"
	expect parts "$(ls "$T/parts" | wc -l)" 3
	local p
	for p in "$T"/parts/*.txt; do
		warta-normalize -q "$p" | warta-text >"$p.again"
		cmp "$p" "$p.again" || { diff "$p" "$p.again"; return 1; }
	done
}

# The issue's test: a small site served from this machine, crawled by
# wget into a WARC, read into items, packed and verified.
@test "wget --warc-file of a local site: one item an article page; warta-pack and warta-verify accept the bundle" {
	command -v wget >/dev/null || skip "wget is missing (make check installs it: TEST_TOOLS_PKG)"
	command -v python3 >/dev/null || skip "python3 is missing"
	cd "$T"
	"$CRAWL" "$SITE" crawl
	[ -s crawl.warc.gz ]
	qrun warta-normalize -p kabar-pesisir.example crawl.warc.gz
	printf '%s\n' "$output" >items.xml
	local page n
	# Each article page, once, by its URI.
	for page in pelabuhan-dibuka harga-garam festival-layang; do
		n=$(grep -c "<origRep>http://127.0.0.1:[0-9]*/berita/$page.html</origRep>" items.xml)
		expect "$page items" "$n" 1
	done
	# The index page, a list of links, is no article: passed over and
	# counted, not an error.
	expect "index items" "$(grep -c '<origRep>http://127.0.0.1:[0-9]*/index.html</origRep>' items.xml)" 0
	# Nothing else is an item: the style sheet, the image, the 404 of
	# robots.txt, wget's own records.
	expect items "$(grep -c '<newsItem ' items.xml)" 3
	# The counts add up to the records wget wrote, and none failed.
	local records normalized rejected skipped
	records=$(zcat crawl.warc.gz | grep -ac $'^WARC/1.0\r$')
	read -r normalized rejected skipped < <(summary "$stderr" |
	    sed 's/.*normalized \([0-9]*\), rejected \([0-9]*\), skipped \([0-9]*\).*/\1 \2 \3/')
	expect "rejected" "$rejected" 0
	expect "records" "$((normalized + rejected + skipped))" "$records"
	expect "status" "$status" 0
	validate items.xml
	qrun -0 warta-pack -o crawl-bundle.tar.gz <items.xml
	run -0 warta-verify crawl-bundle.tar.gz
	has verify "$output" "valid (3 items"
}
