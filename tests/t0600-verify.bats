#!/usr/bin/env bats
# t0600-verify: warta-verify on a good bundle in every format, on bundles
# tampered with after packing (a flipped byte in each kind of payload file,
# a missing file, an extra one, a cut archive, a wrong Payload-Oxum, a
# damaged item, a catalog that lies, a changed tag file), every problem
# named with its path and all of them reported; on NewsML-G2 files (the
# samples, IPTC's examples, XXE and billion laughs); on crafted hostile
# archives (absolute paths, '..', links, devices, FIFOs, a decompression
# bomb) and the bounds; exit statuses and --quiet.

load common

# setup_file: one small bundle, made once, and its extracted tree, which
# each test that tampers copies (tree, below); and from them, in one python3 run
# (python3 takes most of a second of CPU to start on a loaded machine),
# every crafted file the tests read: the bundle with hostile entries added,
# a hostile zip, a decompression bomb, the first item with an XXE or a
# billion laughs.
setup_file() {
	local F=$BATS_FILE_TMPDIR
	warta-normalize -q "$WARTA_TOP"/samples/dateline-{antara,ap,kompas,liputan6,reuters}.txt \
	    >"$F/five.xml"
	warta-meta -q <"$F/five.xml" | warta-pack -q -o "$F/b.tar.gz"
	mkdir "$F/x0"
	tar -xzf "$F/b.tar.gz" -C "$F/x0"
	# The paths of the first item and its original, relative to the bag,
	# for every test (exported).
	export ITEM ORIG
	ITEM=$(cd "$F/x0/b" && find data/items -name '*.xml' | sort | head -1)
	ORIG=${ITEM/items/originals}
	ORIG=${ORIG%.xml}.txt
	[ -f "$F/x0/b/$ITEM" ] && [ -f "$F/x0/b/$ORIG" ]
	[ "$(cd "$F/x0/b" && find data/items -name '*.xml' | wc -l)" -eq 5 ]
	mkdir "$F/hostile"
	python3 - "$F" "$ITEM" <<'EOF'
import io, sys, tarfile, zipfile
F, item = sys.argv[1:]

# hostile/KIND.tar.gz: the good bundle with one hostile entry of KIND
# added after its own entries; hostile/all.tar.gz: with all of them.
src = tarfile.open(F + '/b.tar.gz')
members = [(m, src.extractfile(m).read() if m.isfile() else None)
    for m in src.getmembers()]
def ti(name, type=tarfile.REGTYPE, **kw):
    i = tarfile.TarInfo(name)
    i.type = type
    for k, v in kw.items():
        setattr(i, k, v)
    return i
kinds = {
    'abs': ti('/tmp/warta-evil.txt', size=1),
    'dotdot': ti('b/data/../../warta-evil.txt', size=1),
    'symlink': ti('b/data/link', tarfile.SYMTYPE, linkname='/etc/passwd'),
    'hardlink': ti('b/data/hard', tarfile.LNKTYPE, linkname='b/bagit.txt'),
    'chr': ti('b/data/null', tarfile.CHRTYPE, devmajor=1, devminor=3),
    'blk': ti('b/data/sda', tarfile.BLKTYPE, devmajor=8, devminor=0),
    'fifo': ti('b/data/fifo', tarfile.FIFOTYPE),
    'outside': ti('other/evil.txt', size=1),
}
def craft(out, ks):
    with tarfile.open(out, 'w:gz', format=tarfile.PAX_FORMAT) as t:
        for m, d in members:
            t.addfile(m, io.BytesIO(d) if d is not None else None)
        for k in ks:
            i = kinds[k]
            t.addfile(i, io.BytesIO(b'x') if i.isfile() else None)
for k in kinds:
    craft('%s/hostile/%s.tar.gz' % (F, k), [k])
craft(F + '/hostile/all.tar.gz', list(kinds))

# hostile.zip: a bag with a '..' path, an absolute one and a symbolic link.
z = zipfile.ZipFile(F + '/hostile.zip', 'w')
z.writestr('b/bagit.txt', 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n')
z.writestr('b/../evil.txt', 'x')
z.writestr('/abs.txt', 'x')
i = zipfile.ZipInfo('b/data/link')
i.external_attr = 0o120777 << 16
z.writestr(i, '/etc/passwd')
z.close()

# xxe.xml, laughs.xml: the first item with a DTD: an external entity on
# /etc/passwd, or a billion laughs, used in its body.
s = open(F + '/x0/b/' + item).read()
decl = '<?xml version="1.0" encoding="UTF-8"?>\n'
assert s.startswith(decl) and '<p>' in s
for kind in ('xxe', 'laughs'):
    if kind == 'xxe':
        dtd = '<!ENTITY e SYSTEM "file:///etc/passwd">'
        use = '&e;'
    else:
        dtd = ''.join('<!ENTITY l%d "%s">' % (i, ('&l%d;' % (i - 1)) * 10 if i else 'lol')
            for i in range(10))
        use = '&l9;'
    open('%s/%s.xml' % (F, kind), 'w').write(decl +
        '<!DOCTYPE newsItem [%s]>\n' % dtd + s[len(decl):].replace('<p>', '<p>' + use, 1))

# bomb.tar.gz: a bag whose one payload file is 200 MB of zeros,
# compressed on the fly (a few hundred kilobytes).
class Zeros(io.RawIOBase):
    def __init__(s, n): s.n = n
    def readable(s): return True
    def readinto(s, b):
        k = min(len(b), s.n)
        b[:k] = bytes(k)
        s.n -= k
        return k
with tarfile.open(F + '/bomb.tar.gz', 'w:gz') as t:
    d = b'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'
    i = tarfile.TarInfo('b/bagit.txt'); i.size = len(d)
    t.addfile(i, io.BytesIO(d))
    i = tarfile.TarInfo('b/data/zeros'); i.size = 200 << 20
    t.addfile(i, Zeros(i.size))
EOF
}

setup() {
	T=$BATS_TEST_TMPDIR
	F=$BATS_FILE_TMPDIR
	X=$T/x/b
}

# tree: a fresh copy of the good bag's tree under $T/x, the bag at $X, for
# a test to tamper with (only the tests that do pay for the copy).
tree() {
	[ ! -e "$T/x" ] || rm -rf "$T/x"
	cp -R "$F/x0" "$T/x"
	[ -f "$X/$ITEM" ] && [ -f "$X/$ORIG" ]
}

# repack NAME: the tree under $T/x packed again with GNU tar, as $T/NAME.
repack() {
	tar --format=ustar --owner=0 --group=0 -czf "$T/$1" -C "$T/x" b
}

# rehash [DIR]: what a careful forger does after changing a file in DIR
# (the bag $X when none is given): Payload-Oxum (unless KEEP_OXUM is set),
# then the manifests' and the tag manifests' digests of the files still
# there.  The trees rehashed hold only regular files and directories.
# Builtins and one sha256sum a manifest: python3 costs far more to start.
rehash() {
	local d=${1:-$X} n=0 o=0 size m l h f
	local -a lines files sums
	if [ -z "${KEEP_OXUM:-}" ]; then
		while read -r size; do
			n=$((n + 1)) o=$((o + size))
		done < <(find "$d/data" -type f -printf '%s\n')
		sed -i "s/^Payload-Oxum: .*\$/Payload-Oxum: $o.$n/" "$d/bag-info.txt"
	fi
	# tagmanifest-sha256.txt after manifest-sha256.txt, which it lists.
	for m in manifest-sha256.txt tagmanifest-sha256.txt; do
		mapfile -t lines <"$d/$m"
		files=()
		for l in "${lines[@]}"; do
			f=${l#*  }
			[ ! -e "$d/$f" ] || files+=("$d/$f")
		done
		sums=()
		[ "${#files[@]}" -eq 0 ] ||
		    mapfile -t sums < <(sha256sum -- "${files[@]}")
		[ "${#sums[@]}" -eq "${#files[@]}" ]
		n=0
		for l in "${lines[@]}"; do
			h=${l%%  *} f=${l#*  }
			if [ -e "$d/$f" ]; then
				h=${sums[n]:0:64} n=$((n + 1))
			fi
			printf '%s  %s\n' "$h" "$f"
		done >"$d/$m"
	done
}

# flip FILE...: in each FILE, one byte in the middle, its lowest bit
# flipped: in an XML file, a letter of text content from the middle on,
# so that the file stays well-formed whatever the item holds and only its
# digest tells.  (perl, from perl-base, starts in a few milliseconds.)
flip() {
	perl -e '
	for my $p (@ARGV) {
		open(my $in, "<:raw", $p) or die "$p: $!\n";
		my $b = do { local $/; <$in> };
		close($in);
		my $n = length($b);
		my $i = int($n / 2);
		if ($p =~ /\.xml$/) {
			# A letter (Unicode L, as a byte read as Latin-1)
			# after the last ">" and no "<" since.
			$i++ while $i < $n && !(substr($b, $i, 1) =~ /\p{L}/ &&
			    ($i ? rindex($b, ">", $i - 1) : -1) >
			    ($i ? rindex($b, "<", $i - 1) : -1));
			$i = int($n / 2) if $i == $n;
		}
		substr($b, $i, 1) = chr(ord(substr($b, $i, 1)) ^ 1);
		open(my $out, ">:raw", $p) or die "$p: $!\n";
		print $out $b;
		close($out) or die "$p: $!\n";
	}' -- "$@"
}

# verify ARGS...: runs warta-verify; its stdout and stderr kept apart.
verify() {
	qrun warta-verify "$@"
}

# problems: the number N in the last line "...: invalid, N problems".
problems() {
	local last=${lines[${#lines[@]} - 1]}
	[[ $last =~ :\ invalid,\ ([0-9]+)\ problems?$ ]] || {
		echo "last line is not a count: [$last]" >&2
		return 1
	}
	echo "${BASH_REMATCH[1]}"
}

# A bundle's report is one line a problem and a last line: the count in it
# is the number of lines above it.
counted() {
	expect "problem count" "$(problems)" "$((${#lines[@]} - 1))"
}

@test "a good bundle is valid, in every format warta-pack writes" {
	# 18 files: five items, five originals, the catalog twice, and the
	# tag files, bundle-index.tsv and bundle-index-keys.tsv among them (a
	# .tar.gz's and .tar.zst's)
	verify "$F/b.tar.gz"
	expect status "$status" 0
	expect output "$output" "$F/b.tar.gz: valid (5 items, 18 files)"
	expect stderr "$stderr" ""
	local f n
	for f in tar.zst tar.xz tar zip; do
		warta-pack -q --sha512 -o "$T/s.$f" <"$F/five.xml"
		verify "$T/s.$f"
		expect "$f status" "$status" 0
		n=18
		[ "$f" != tar.zst ] || n=20
		expect "$f output" "$output" "$T/s.$f: valid (5 items, $n files)"
	done
}

@test "the same bag packed again with GNU tar is valid" {
	tree
	repack same.tar.gz
	verify "$T/same.tar.gz"
	expect status "$status" 0
	# bundle-index.tsv is a tag file like the others: one gzip stream
	# of GNU tar's has no members for it to point at, and it is not
	# used, but the bag is whole.
	expect output "$output" "$T/same.tar.gz: valid (5 items, 18 files)"
}

@test "one flipped byte in each kind of payload file is named" {
	local p
	for p in "$ITEM" "$ORIG" data/catalog.tsv data/catalog.xml; do
		tree
		flip "$X/$p"
		repack flip.tar.gz
		verify "$T/flip.tar.gz"
		expect "$p: status" "$status" 1
		has "$p" "$output" \
		    "$T/flip.tar.gz: $p: SHA-256 differs from manifest-sha256.txt"
		has "$p" "${lines[${#lines[@]} - 1]}" "$T/flip.tar.gz: invalid,"
		counted
	done
}

@test "a flipped byte under a SHA-512 manifest is named too" {
	warta-pack -q --sha512 -o "$T/s.tar" <"$F/five.xml"
	mkdir "$T/y"
	tar -xf "$T/s.tar" -C "$T/y"
	flip "$T/y/s/$ITEM"
	tar --format=ustar -cf "$T/s2.tar" -C "$T/y" s
	verify "$T/s2.tar"
	expect status "$status" 1
	has output "$output" \
	    "$T/s2.tar: $ITEM: SHA-512 differs from manifest-sha512.txt" \
	    "$T/s2.tar: $ITEM: SHA-256 differs from manifest-sha256.txt"
	counted
}

@test "a missing payload file is named" {
	tree
	rm "$X/$ORIG"
	repack missing.tar.gz
	verify "$T/missing.tar.gz"
	expect status "$status" 1
	has output "$output" \
	    "$T/missing.tar.gz: $ORIG: listed in manifest-sha256.txt (line 2), not in the bag" \
	    "$T/missing.tar.gz: bag-info.txt: Payload-Oxum is"
	counted
}

@test "an extra payload file is named" {
	tree
	echo extra >"$X/data/extra.txt"
	repack extra.tar.gz
	verify "$T/extra.tar.gz"
	expect status "$status" 1
	has output "$output" \
	    "$T/extra.tar.gz: data/extra.txt: in the bag, not in the manifest"
	counted
}

@test "a missing or malformed bagit.txt is named" {
	tree
	rm "$X/bagit.txt"
	repack nobagit.tar.gz
	verify "$T/nobagit.tar.gz"
	expect status "$status" 1
	has output "$output" "$T/nobagit.tar.gz: bagit.txt: missing"

	echo 'BagIt-Version 1.0' >"$X/bagit.txt"
	rehash
	repack badbagit.tar.gz
	verify "$T/badbagit.tar.gz"
	expect status "$status" 1
	expect output "$output" "$T/badbagit.tar.gz: bagit.txt: not \"BagIt-Version: M.N\" and \"Tag-File-Character-Encoding: ...\"
$T/badbagit.tar.gz: invalid, 1 problem"
}

@test "an archive cut short is reported, and what could not be checked" {
	# A bundle of every sample, eight times over (each copy its own
	# guids), so that it is several members (a member is read whole or
	# not at all) and the cut falls after some entries.
	warta-normalize -q "$SAMPLES"/*.txt >"$T/all.xml"
	for i in 1 2 3 4 5 6 7 8; do
		sed "s/guid=\"/guid=\"c$i-/g" "$T/all.xml"
	done | warta-pack -q -o "$T/all.tar.gz"
	local n
	n=$(($(stat -c %s "$T/all.tar.gz") / 2))
	head -c "$n" "$T/all.tar.gz" >"$T/half.tar.gz"
	verify "$T/half.tar.gz"
	expect status "$status" 1
	has output "$output" "$T/half.tar.gz: the rest of the bag could not be checked"
	counted

	# Only the gzip trailer (CRC and length) cut.
	head -c -1 "$T/all.tar.gz" >"$T/cut1.tar.gz"
	verify "$T/cut1.tar.gz"
	expect status "$status" 1
	has output "$output" "$T/cut1.tar.gz: the rest of the bag could not be checked"
}

@test "a small archive cut short is a damaged bag (exit 1), not one that cannot be checked" {
	# The interface: a damaged or truncated archive is a problem of the
	# bag, "the archive cannot be read past entry N"; exit 2 is for what
	# is missing, cannot be opened or is not an archive at all.  These are
	# gzip-compressed tars, cut: at half, by its last byte, after 600 bytes.
	local size n bad=0
	size=$(stat -c %s "$F/b.tar.gz")
	for n in $((size / 2)) $((size - 1)) 600; do
		head -c "$n" "$F/b.tar.gz" >"$T/cut.tar.gz"
		verify "$T/cut.tar.gz"
		{ expect "cut at $n of $size: status" "$status" 1 &&
		    has "cut at $n of $size: output" "$output" \
		    "$T/cut.tar.gz: invalid"; } ||
		    { echo "  stderr: $stderr"; bad=1; }
	done
	[ "$bad" -eq 0 ]
}

@test "a zip bundle without its central directory is not valid" {
	# unzip cannot open it (no end of central directory): it is damaged,
	# whatever its local headers say.
	warta-pack -q -o "$T/s.zip" <"$F/five.xml"
	head -c -1 "$T/s.zip" >"$T/cut.zip"
	run unzip -tq "$T/cut.zip"
	[ "$status" -ne 0 ]
	verify "$T/cut.zip"
	expect status "$status" 1
	has output "$output" "$T/cut.zip: invalid"
}

@test "a wrong Payload-Oxum alone is the one problem reported" {
	tree
	local oxum
	oxum=$(sed -n 's/^Payload-Oxum: //p' "$X/bag-info.txt")
	sed -i 's/^Payload-Oxum: \([0-9]*\)\./Payload-Oxum: 1\1./' "$X/bag-info.txt"
	KEEP_OXUM=1 rehash
	repack oxum.tar.gz
	verify "$T/oxum.tar.gz"
	expect status "$status" 1
	expect output "$output" "$T/oxum.tar.gz: bag-info.txt: Payload-Oxum is 1$oxum, the payload is $oxum (octets.files)
$T/oxum.tar.gz: invalid, 1 problem"
}

@test "a changed tag file is named against the tag manifest" {
	tree
	sed -i 's/^Bagging-Date: 2023/Bagging-Date: 2022/' "$X/bag-info.txt"
	grep -q '^Bagging-Date: 2022' "$X/bag-info.txt"
	repack tag.tar.gz
	verify "$T/tag.tar.gz"
	expect status "$status" 1
	expect output "$output" "$T/tag.tar.gz: bag-info.txt: SHA-256 differs from tagmanifest-sha256.txt (line 3): the file was changed
$T/tag.tar.gz: invalid, 1 problem"
}

@test "an item that is not well-formed is named, the manifests fixed" {
	tree
	sed -i 's#</contentMeta>#</contentMeta#' "$X/$ITEM"
	rehash
	repack damaged.tar.gz
	verify "$T/damaged.tar.gz"
	expect status "$status" 1
	has output "$output" "$T/damaged.tar.gz: $ITEM: not well-formed XML at byte"
	counted
}

@test "an item that is not well-formed is not also said to be missing" {
	tree
	sed -i 's#</contentMeta>#</contentMeta#' "$X/$ITEM"
	rehash
	repack damaged.tar.gz
	verify "$T/damaged.tar.gz"
	expect status "$status" 1
	# The file is in the bag: the catalog's line for it is not a lie.
	lacks output "$output" "no such item in the bag" "the bag holds 4"
}

@test "an item that breaks a producer rule is named, the manifests fixed" {
	tree
	grep -q '<versionCreated>[^<]*Z<' "$X/$ITEM"
	sed -i 's#\(<versionCreated>[^<]*\)Z<#\1 <#' "$X/$ITEM"
	rehash
	repack rule.tar.gz
	verify "$T/rule.tar.gz"
	expect status "$status" 1
	has output "$output" "$T/rule.tar.gz: $ITEM: urn:newsml:" \
	    "newsItem/itemMeta/versionCreated: " "has no time zone"
	expect problems "$(problems)" 1
}

@test "an item without a guid, or with an empty or blank one, is invalid: in a stream and in a bundle" {
	tree
	warta-normalize -q "$SAMPLES"/dateline-antara.txt >"$T/g.xml"
	sed -E 's/ guid="[^"]*"//' "$T/g.xml" >"$T/none.xml"
	sed -E 's/ guid="[^"]*"/ guid=""/' "$T/g.xml" >"$T/empty.xml"
	sed -E 's/ guid="[^"]*"/ guid=" \&#9; "/' "$T/g.xml" >"$T/blank.xml"
	verify "$T/none.xml"
	expect "none: status" "$status" 1
	expect "none: output" "$output" "$T/none.xml: item 1: newsItem/@guid: missing: every item needs one
$T/none.xml: invalid, 1 problem"
	verify "$T/empty.xml"
	expect "empty: status" "$status" 1
	has "empty: output" "$output" \
	    "$T/empty.xml: item 1: newsItem/@guid: '' is not a URI"
	verify "$T/blank.xml"
	expect "blank: status" "$status" 1
	has "blank: output" "$output" "newsItem/@guid: '   ' is not a URI"
	# In a bag, the manifests fixed: the item is named by its path.
	sed -i -E '0,/ guid="[^"]*"/s///' "$X/$ITEM"
	rehash
	repack noguid.tar.gz
	verify "$T/noguid.tar.gz"
	expect status "$status" 1
	has output "$output" \
	    "$T/noguid.tar.gz: $ITEM: newsItem/@guid: missing: every item needs one"
	counted
}

@test "a catalog.tsv that lies about a version is named" {
	tree
	local line version
	line=$(grep -n -F "	${ITEM#data/}	" "$X/data/catalog.tsv" | cut -d: -f1)
	version=$(sed -n "${line}p" "$X/data/catalog.tsv" | cut -f2)
	sed -i "${line}s/\t$version\t/\t$((version + 7))\t/" "$X/data/catalog.tsv"
	rehash
	repack version.tar.gz
	verify "$T/version.tar.gz"
	expect status "$status" 1
	expect output "$output" "$T/version.tar.gz: data/catalog.tsv: line $line: version $((version + 7)), but $ITEM is version $version
$T/version.tar.gz: invalid, 1 problem"
}

@test "an item missing from catalog.tsv is named with its path" {
	tree
	sed -i -e "\#	${ITEM#data/}	#d" "$X/data/catalog.tsv"
	rehash
	repack nocat.tar.gz
	verify "$T/nocat.tar.gz"
	expect status "$status" 1
	has output "$output" "$T/nocat.tar.gz: data/catalog.tsv: "
	# Which item: the path, not only a count.
	has output "$output" "$ITEM"
}

@test "an item missing from catalog.xml is named" {
	tree
	# The first itemRef for the item, and the white space before it.
	HREF=${ITEM#data/} perl -0777 -i -ne '
		s/\s*<itemRef [^>]*href="\Q$ENV{HREF}\E">.*?<\/itemRef>//s or
		    die "no itemRef for $ENV{HREF}\n";
		print' "$X/data/catalog.xml"
	rehash
	repack noref.tar.gz
	verify "$T/noref.tar.gz"
	expect status "$status" 1
	has output "$output" "$T/noref.tar.gz: data/catalog.xml: no itemRef for $ITEM"
	counted
}

@test "a catalog.xml the schema refuses, or with a DOCTYPE, is named once" {
	need_shared
	tree
	sed -i 's|<itemClass qcode="ninat:composite"/>|&<bogus/>|' "$X/data/catalog.xml"
	rehash
	repack bogus.tar.gz
	verify --schema "$(XSD)" "$T/bogus.tar.gz"
	expect status "$status" 1
	has output "$output" "$T/bogus.tar.gz: data/catalog.xml: line " \
	    "bogus': This element is not expected"
	expect problems "$(problems)" 1
	# Read as a stream, yet refused as every other document with one.
	printf '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<packageItem/>\n' \
	    >"$X/data/catalog.xml"
	rehash
	repack doctype.tar.gz
	verify "$T/doctype.tar.gz"
	expect status "$status" 1
	has output "$output" "$T/doctype.tar.gz: data/catalog.xml: DOCTYPE refused" \
	    "$T/doctype.tar.gz: data/catalog.xml: could not be compared with the items"
	lacks output "$output" "no itemRef for"
	counted
}

@test "an original that is not the one its item records is named" {
	tree
	local old new
	read -r old _ < <(sha256sum <"$X/$ORIG")
	flip "$X/$ORIG"
	read -r new _ < <(sha256sum <"$X/$ORIG")
	[ "${#old}" -eq 64 ] && [ "${#new}" -eq 64 ] && [ "$old" != "$new" ]
	# First with catalog.tsv left as it was: it lies now.
	rehash
	repack orig1.tar.gz
	verify "$T/orig1.tar.gz"
	expect status "$status" 1
	has output "$output" "$T/orig1.tar.gz: data/catalog.tsv: line " \
	    "${ORIG#data/}"
	# Then with catalog.tsv made to agree: the item still says otherwise.
	sed -i "s/$old/$new/" "$X/data/catalog.tsv"
	rehash
	repack orig2.tar.gz
	verify "$T/orig2.tar.gz"
	expect status "$status" 1
	expect output "$output" "$T/orig2.tar.gz: $ORIG: its SHA-256 is not the one $ITEM records
$T/orig2.tar.gz: invalid, 1 problem"
}

@test "every problem is reported with its path, not only the first" {
	tree
	local item2 orig2
	item2=$(cd "$X" && find data/items -name '*.xml' | sort | sed -n 2p)
	flip "$X/$ITEM"
	rm "$X/$ORIG"
	echo extra >"$X/data/extra.txt"
	sed -i "s#<versionCreated>\([^<]*\)Z<#<versionCreated>\1 <#" "$X/$item2"
	ln -s /etc/passwd "$X/data/link"
	mkfifo "$X/data/fifo"
	sed -i 's/^Bagging-Date: 2023/Bagging-Date: 2022/' "$X/bag-info.txt"
	repack many.tar.gz
	verify "$T/many.tar.gz"
	expect status "$status" 1
	has output "$output" \
	    "$T/many.tar.gz: $ITEM: SHA-256 differs from manifest-sha256.txt" \
	    "$T/many.tar.gz: $ORIG: listed in manifest-sha256.txt" \
	    "$T/many.tar.gz: data/extra.txt: in the bag, not in the manifest" \
	    "$T/many.tar.gz: $item2: urn:newsml:" \
	    "$T/many.tar.gz: $item2: SHA-256 differs from manifest-sha256.txt" \
	    "$T/many.tar.gz: b/data/link: a symbolic link refused" \
	    "$T/many.tar.gz: b/data/fifo: a FIFO refused" \
	    "$T/many.tar.gz: bag-info.txt: SHA-256 differs from tagmanifest-sha256.txt" \
	    "$T/many.tar.gz: bag-info.txt: Payload-Oxum is"
	counted
	# Every line but the last names the bundle and a path in it.
	local l
	for l in "${lines[@]}"; do
		[[ $l == "$T/many.tar.gz: "* ]] || { echo "bad line [$l]"; return 1; }
	done
}

@test "the samples' items are valid as NewsML-G2, from a file and from stdin" {
	warta-normalize -q "$SAMPLES"/*.txt | warta-meta -q >"$T/s.xml"
	verify "$T/s.xml"
	expect status "$status" 0
	expect output "$output" "$T/s.xml: valid"
	verify - <"$T/s.xml"
	expect status "$status" 0
	expect output "$output" "-: valid"
}

@test "the samples' items and their bundle are valid against the schema and the catalog" {
	need_shared
	local cat=$WARTA_SHARED/newsml-g2/vocab/catalog.IPTC-G2-Standards_41.xml
	warta-normalize -q "$SAMPLES"/*.txt | warta-meta -q >"$T/s.xml"
	verify --schema "$(XSD)" --catalog "$cat" "$T/s.xml"
	expect status "$status" 0
	expect output "$output" "$T/s.xml: valid"
	warta-pack -q -o "$T/s.tar.gz" "$T/s.xml"
	WARTA_SCHEMA=$(XSD) WARTA_CATALOG=$cat verify "$T/s.tar.gz"
	expect status "$status" 0
	has output "$output" "$T/s.tar.gz: valid ("
}

@test "IPTC's valid examples are valid with --schema and --catalog" {
	need_shared
	local e=$WARTA_SHARED/newsml-g2/examples f
	local cat=$WARTA_SHARED/newsml-g2/vocab/catalog.IPTC-G2-Standards_41.xml
	for f in LISTING_13_Complete_Catalog_Item LISTING_1_A_NewsML-G2_News_Item \
	    LISTING_22_Sports_story_in_NewsML-G2NITF LISTING_29_Hop_History \
	    LISTING_2_NewsML-G2_Text_Document LISTING_3_Photo_in_NewsML-G2 \
	    LISTING_6_Simple_NewsML-G2_Package Receiver_View; do
		verify --schema "$(XSD)" --catalog "$cat" "$e/$f.xml"
		expect "$f status" "$status" 0
		expect "$f output" "$output" "$e/$f.xml: valid"
	done
	# The skeleton and the two fragments, which the schema refuses too.
	for f in LISTING_24_News_Message_conveying_a_complete_News_Package \
	    LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML \
	    LISTING_28_Illustrating_Located_Subject_and_Dateline; do
		verify --schema "$(XSD)" --catalog "$cat" "$e/$f.xml"
		expect "$f status" "$status" 1
		counted
	done
}

@test "ap_metadata_example.xml: valid, but AP's own aliases are not in IPTC's catalog" {
	need_shared
	local f=$WARTA_SHARED/newsml-g2/examples/ap_metadata_example.xml
	local cat=$WARTA_SHARED/newsml-g2/vocab/catalog.IPTC-G2-Standards_41.xml
	verify --schema "$(XSD)" "$f"
	expect status "$status" 0
	expect output "$output" "$f: valid"
	# Its one catalogRef is IPTC's catalog, which declares none of AP's
	# aliases: each QCode that uses one is reported.
	verify --schema "$(XSD)" --catalog "$cat" "$f"
	expect status "$status" 1
	expect problems "$(problems)" 23
	counted
	local l aliases
	for l in "${lines[@]:0:23}"; do
		[[ $l =~ ^"$f: item 1 tag:example.com,2008:407624: newsItem/"[^:]*": alias '"([a-z]+)"' of '"[a-z]+:[^\']+"' is not declared in the catalog"$ ]] ||
		    { echo "unexpected line [$l]"; return 1; }
		aliases+="${BASH_REMATCH[1]} "
	done
	expect aliases "$(tr ' ' '\n' <<<"$aliases" | sed '/^$/d' | sort -u | paste -sd ' ')" \
	    "apcompany apgeography aplocationtype aporganization apperson appersontype apsubcreator apsubject providercode"
}

@test "an XXE item is refused, never expanded: as a file, on stdin, in a bundle" {
	tree
	local secret
	secret=$(head -1 /etc/passwd)
	[ -n "$secret" ]
	cp "$F/xxe.xml" "$T/xxe.xml"
	verify "$T/xxe.xml"
	expect status "$status" 1
	expect output "$output" "$T/xxe.xml: DOCTYPE refused at byte 39 (line 2): NewsML-G2 has no DTD, and a DTD can define entities
$T/xxe.xml: invalid, 1 problem"
	lacks stderr "$stderr" "$secret"
	verify - <"$T/xxe.xml"
	expect status "$status" 1
	has output "$output" "-: DOCTYPE refused"
	lacks output "$output$stderr" "$secret"

	cp "$F/xxe.xml" "$X/$ITEM"
	rehash
	repack xxe.tar.gz
	verify "$T/xxe.tar.gz"
	expect status "$status" 1
	has output "$output" "$T/xxe.tar.gz: $ITEM: DOCTYPE refused"
	lacks output "$output$stderr" "$secret" "root:"
}

@test "a billion laughs item is refused, quickly, as a file and in a bundle" {
	tree
	cp "$F/laughs.xml" "$T/laughs.xml"
	# Only warta-verify's runs are timed, in CPU (cost, in common.bash),
	# not the making of the files.
	local ms
	cost warta-verify "$T/laughs.xml"
	ms=$CPU_MS
	expect status "$status" 1
	has output "$output" "$T/laughs.xml: DOCTYPE refused"
	lacks output "$output" lollollol

	cp "$F/laughs.xml" "$X/$ITEM"
	rehash
	repack laughs.tar.gz
	cost warta-verify "$T/laughs.tar.gz"
	ms=$((ms + CPU_MS))
	expect status "$status" 1
	has output "$output" "$T/laughs.tar.gz: $ITEM: DOCTYPE refused"
	[ "$ms" -lt 10000 ]
}

@test "hostile entries are each refused, named, exit 1" {
	local kind want kinds=(abs dotdot symlink hardlink chr blk fifo outside) tars=() made
	shopt -s nullglob dotglob
	# Each archive, and a directory to run in, made with one cp and one mkdir.
	for kind in "${kinds[@]}"; do
		tars+=("$F/hostile/$kind.tar.gz")
	done
	cp "${tars[@]}" "$T"
	mkdir "${kinds[@]/#/$T/run-}"
	for kind in "${kinds[@]}"; do
		case $kind in
		abs) want='/tmp/warta-evil.txt: an absolute path refused' ;;
		dotdot) want="b/data/../../warta-evil.txt: a path with a '..' component refused" ;;
		symlink) want='b/data/link: a symbolic link refused' ;;
		hardlink) want='b/data/hard: a hard link refused' ;;
		chr) want='b/data/null: a device refused' ;;
		blk) want='b/data/sda: a device refused' ;;
		fifo) want='b/data/fifo: a FIFO refused' ;;
		outside) want="other/evil.txt: outside the bag's directory b" ;;
		esac
		cd "$T/run-$kind"
		verify "$T/$kind.tar.gz"
		cd "$T"
		expect "$kind status" "$status" 1
		expect "$kind output" "$output" "$T/$kind.tar.gz: $want
$T/$kind.tar.gz: invalid, 1 problem"
		# Nothing is extracted, anywhere.
		# (A glob: with dotglob, every name but . and ..)
		made=("$T/run-$kind"/*)
		expect "$kind: files made" "${made[*]}" ""
	done
	[ ! -e /tmp/warta-evil.txt ] && [ ! -e "$T/warta-evil.txt" ]
}

@test "all hostile entries in one archive are all reported" {
	# abs dotdot symlink hardlink chr blk fifo outside
	cp "$F/hostile/all.tar.gz" "$T/all.tar.gz"
	verify "$T/all.tar.gz"
	expect status "$status" 1
	expect problems "$(problems)" 8
	counted
}

@test "hostile entries in a zip are refused" {
	cp "$F/hostile.zip" "$T/h.zip"
	verify "$T/h.zip"
	expect status "$status" 1
	has output "$output" \
	    "$T/h.zip: b/../evil.txt: a path with a '..' component refused" \
	    "$T/h.zip: /abs.txt: an absolute path refused" \
	    "$T/h.zip: b/data/link: a symbolic link refused"
	counted
}

@test "a decompression bomb stops with the --max-ratio message, exit 1, quickly" {
	cp "$F/bomb.tar.gz" "$T/bomb.tar.gz"
	[ "$(stat -c %s "$T/bomb.tar.gz")" -lt $((2 << 20)) ]
	local t0=$SECONDS
	verify "$T/bomb.tar.gz"
	expect status "$status" 1
	has output "$output" "$T/bomb.tar.gz: data/zeros: " \
	    "a decompression bomb? (--max-ratio)" \
	    "$T/bomb.tar.gz: the rest of the bag could not be checked"
	counted
	[ $((SECONDS - t0)) -lt 10 ]
	# Raised, the next bound stops it.
	verify --max-ratio 1000000 --max-entry 20M "$T/bomb.tar.gz"
	expect status "$status" 1
	has output "$output" "(--max-entry)"
	lacks output "$output" "(--max-ratio)"
}

@test "a decompression bomb is read in bounded memory" {
	under_asan && skip "memory is not measurable under AddressSanitizer"
	[ -x /usr/bin/time ] || skip "no /usr/bin/time"
	cp "$F/bomb.tar.gz" "$T/bomb.tar.gz"
	run /usr/bin/time -f 'maxrss %M' warta-verify -q "$T/bomb.tar.gz"
	expect status "$status" 1
	local kb=${output##*maxrss }
	[ "$kb" -lt 65536 ] || { echo "max RSS $kb KB"; return 1; }
}

@test "the bounds stop a bundle with a message naming their option" {
	verify --max-entries 5 "$F/b.tar.gz"
	expect status "$status" 1
	expect output "$output" "$F/b.tar.gz: the archive cannot be read past entry 5: more than 5 entries (--max-entries)
$F/b.tar.gz: the rest of the bag could not be checked
$F/b.tar.gz: invalid, 2 problems"
	verify --max-bytes 10K "$F/b.tar.gz"
	expect status "$status" 1
	has output "$output" "more than 10240 bytes of data (--max-bytes)"
	verify --max-entry 1K "$F/b.tar.gz"
	expect status "$status" 1
	has output "$output" "over the bound of 1024 (--max-entry)"
	# Raised, they let it through.
	# (18: the index of a .tar.gz is two entries)
	verify --max-entries 18 --max-bytes 1M --max-entry 1M "$F/b.tar.gz"
	expect status "$status" 0
}

@test "exit 2: a missing file, a bad schema or catalog, no operand, a bad option, not an archive" {
	verify "$T/nonexistent.tar.gz"
	expect status "$status" 2
	expect output "$output" ""
	has stderr "$stderr" "warta-verify: $T/nonexistent.tar.gz: No such file or directory"

	verify --schema "$T/nonexistent.xsd" "$F/b.tar.gz"
	expect status "$status" 2
	has stderr "$stderr" "$T/nonexistent.xsd"
	verify --schema "$T" "$F/b.tar.gz"
	expect status "$status" 2
	WARTA_SCHEMA=$T/nonexistent.xsd verify "$F/b.tar.gz"
	expect status "$status" 2
	verify --catalog "$T/nonexistent.xml" "$F/b.tar.gz"
	expect status "$status" 2

	verify
	expect status "$status" 2
	has stderr "$stderr" "nothing to verify"
	verify --bogus "$F/b.tar.gz"
	expect status "$status" 2
	has stderr "$stderr" "bad option '--bogus'"
	verify --max-ratio abc "$F/b.tar.gz"
	expect status "$status" 2

	echo 'not an archive' >"$T/junk.bin"
	verify "$T/junk.bin"
	expect status "$status" 2
}

@test "exit 2 wins over 1, and every operand is still checked" {
	tree
	flip "$X/$ITEM"
	repack bad.tar.gz
	verify "$F/b.tar.gz" "$T/nonexistent.tar.gz" "$T/bad.tar.gz"
	expect status "$status" 2
	has output "$output" "$F/b.tar.gz: valid" "$T/bad.tar.gz: invalid, 1 problem"
	verify "$F/b.tar.gz" "$T/bad.tar.gz"
	expect status "$status" 1
}

@test "--quiet prints nothing, and the exit status says" {
	tree
	flip "$X/$ITEM"
	repack bad.tar.gz
	verify -q "$F/b.tar.gz"
	expect status "$status" 0
	expect "stdout+stderr" "$output$stderr" ""
	verify --quiet "$T/bad.tar.gz"
	expect status "$status" 1
	expect "stdout+stderr" "$output$stderr" ""
	verify -q "$T/bad.tar.gz" "$T/nonexistent.tar.gz"
	expect status "$status" 2
	expect "stdout+stderr" "$output$stderr" ""
	cp "$F/hostile/symlink.tar.gz" "$T/h.tar.gz"
	verify -q "$T/h.tar.gz"
	expect status "$status" 1
	expect "stdout+stderr" "$output$stderr" ""
}

# same_report ARGS... BUNDLE: warta-verify -j 1, -j 2 and -j 8 on BUNDLE
# give the same stdout, stderr and exit status, byte for byte; the -j 1
# run is left in output, stderr and status.
same_report() {
	local j out1 err1 st1
	for j in 1 2 8; do
		verify -j "$j" "$@"
		if [ "$j" = 1 ]; then
			out1=$output err1=$stderr st1=$status
			continue
		fi
		expect "-j $j status" "$status" "$st1"
		expect "-j $j stdout" "$output" "$out1"
		expect "-j $j stderr" "$stderr" "$err1"
	done
	output=$out1 stderr=$err1 status=$st1
	lines=()
	mapfile -t lines <<<"$output"
}

@test "-j 1, 2 and 8 give the same report: the samples' bundle, and one with many problems" {
	local schema=() l
	if [ -d "${WARTA_SHARED:-}/newsml-g2" ]; then
		schema=(--schema "$(XSD)" --catalog
		    "$WARTA_SHARED/newsml-g2/vocab/catalog.IPTC-G2-Standards_41.xml")
	fi
	warta-normalize -q "$SAMPLES"/*.txt | warta-meta -q |
	    warta-pack -q -o "$T/s.tar.gz"
	same_report "${schema[@]}" "$T/s.tar.gz"
	expect status "$status" 0
	has output "$output" "$T/s.tar.gz: valid ("
	# Problems of every kind, found while reading (item rules, the schema)
	# and at the end (manifests, Oxum, both catalogs), in one bundle.
	tree
	local -a items
	mapfile -t items < <(cd "$X" && find data/items -name '*.xml' | sort)
	flip "$X/$ITEM"
	rm "$X/$ORIG"
	echo extra >"$X/data/extra.txt"
	echo extra >"$X/data/items/extra.txt"
	sed -i "s#<versionCreated>\([^<]*\)Z<#<versionCreated>\1 <#" "$X/${items[1]}"
	sed -i "s#<itemMeta>#<itemMeta><bogus/>#" "$X/${items[2]}"
	echo '<newsItem' >"$X/data/items/broken.xml"
	sed -i '3s/\t[0-9]*\t/\t99\t/; 4s/^[^\t]*\t/urn:wrong\t/' "$X/data/catalog.tsv"
	printf 'short\tline\n' >>"$X/data/catalog.tsv"
	HREF=${items[3]#data/} perl -0777 -i -ne '
		s/\s*<itemRef [^>]*href="\Q$ENV{HREF}\E">.*?<\/itemRef>//s or
		    die "no itemRef for $ENV{HREF}\n";
		print' "$X/data/catalog.xml"
	sed -i 's/^Payload-Oxum: .*$/Payload-Oxum: 1.1/' "$X/bag-info.txt"
	repack many.tar.gz
	same_report "${schema[@]}" "$T/many.tar.gz"
	expect status "$status" 1
	has output "$output" \
	    "$T/many.tar.gz: $ITEM: SHA-256 differs from manifest-sha256.txt" \
	    "$T/many.tar.gz: $ORIG: listed in manifest-sha256.txt" \
	    "$T/many.tar.gz: data/extra.txt: in the bag, not in the manifest" \
	    "$T/many.tar.gz: ${items[1]}: urn:newsml:" \
	    "$T/many.tar.gz: data/items/broken.xml: not well-formed XML" \
	    "$T/many.tar.gz: bag-info.txt: Payload-Oxum is 1.1" \
	    "$T/many.tar.gz: data/catalog.tsv: line 3: version 99" \
	    "$T/many.tar.gz: data/catalog.tsv: line 4: guid urn:wrong" \
	    "$T/many.tar.gz: data/catalog.tsv: no line for data/items/broken.xml" \
	    "$T/many.tar.gz: data/catalog.xml: no itemRef for ${items[3]}"
	counted
	# A bundle cut short: what came before the cut, then the cut.
	gzip -dc "$T/many.tar.gz" >"$T/many.tar"
	head -c "$(($(stat -c %s "$T/many.tar") / 2 + 100))" "$T/many.tar" \
	    >"$T/cut.tar"
	same_report "${schema[@]}" "$T/cut.tar"
	expect status "$status" 1
	has output "$output" "the rest of the bag could not be checked"
	# -j takes a number of jobs, as every stage's (cli_parse_jobs).
	for l in 0 x 2k 257; do
		verify -j "$l" "$T/s.tar.gz"
		expect "-j $l status" "$status" 2
		has "-j $l" "$stderr" "-j: '$l' is not a number of jobs (1 to 256)"
	done
}
