#!/usr/bin/env bats
# t0500-pack: warta-pack as a program: the bundle's layout and its catalog,
# bundles that GNU tar, bsdtar and unzip read and that check, the same
# bytes from the same items whoever packs them and whenever, no bundle
# under its name until it is complete, bad items left out, duplicates,
# splits, usage errors, and a name that is not ASCII.

load common

FORMATS=(tar.gz tar.zst tar.xz tar zip)

# The samples' items, normalized once for every test (each test gets its
# own copy) with their guids, and python3 itself rather than a wrapper such
# as pyenv's shim, which costs more than the checks it runs.
setup_file() {
	warta-normalize -q "$SAMPLES"/*.txt >"$BATS_FILE_TMPDIR/all.xml"
	ALL_GUIDS=$(guids "$BATS_FILE_TMPDIR/all.xml")
	NITEMS=$(all_guids | sort -u | wc -l)
	[ "$NITEMS" -gt 40 ]
	PY=$(python3 -c 'import sys; print(sys.executable)')
	export ALL_GUIDS NITEMS PY
}

setup() {
	T=$BATS_TEST_TMPDIR
	# The copy made by the shell itself: no process.
	local all
	IFS= read -r -d '' all <"$BATS_FILE_TMPDIR/all.xml" || :
	printf '%s' "$all" >"$T/all.xml"
}

teardown() {
	if [ -n "${SHARED_TMP:-}" ]; then
		rm -rf "$SHARED_TMP"
	fi
}

# guids FILE: the guids of the items in FILE, one a line.
guids() {
	grep -o '<[A-Za-z]*Item [^>]*guid="[^"]*"' "$1" | sed 's/.*guid="//; s/"$//'
}

# all_guids: the guids of all.xml, one a line (guids "$T/all.xml", kept).
all_guids() {
	printf '%s\n' "$ALL_GUIDS"
}

# item_id GUID: the name of an item's files, the first 16 hex of
# SHA-256(guid).
item_id() {
	printf '%s' "$1" | sha256sum | cut -c1-16
}

# x FILE EXPR: EXPR on FILE, g:NAME standing for an element in any
# namespace.
x() {
	local e
	e=$(printf '%s' "$2" |
	    sed -E 's/(^|[^A-Za-z0-9_:.-])g:([A-Za-z][A-Za-z0-9]*)/\1*[local-name()="\2"]/g')
	xmllint --nonet --xpath "$e" "$1" 2>/dev/null
}

# field BAGDIR LABEL: the value of LABEL in bag-info.txt (each line
# "LABEL: VALUE"'s VALUE, as sed -n "s/^LABEL: //p" gives it; read by the
# shell: no process).
field() {
	local l
	while IFS= read -r l || [ -n "$l" ]; do
		[[ $l != "$2: "* ]] || printf '%s\n' "${l#"$2: "}"
	done <"$1/bag-info.txt"
}

# unpack BUNDLE DIR: extracted with bsdtar (every format).
unpack() {
	mkdir -p "$2"
	bsdtar -xf "$1" -C "$2"
}

# check WHAT ARGS...: tests/tools/bag-check.py, which makes in one process
# the checks on a bag that took sha256sum, find and xmllint an item.
check() {
	"$PY" -S "$WARTA_TOP/tests/tools/bag-check.py" "$@"
}

# bag_ok BAGDIR...: the manifests check (as sha256sum --strict -c), the
# manifest names every payload file once, the tag manifest the three tag
# files, and the payload's octets and file count are its Payload-Oxum.
bag_ok() {
	check bag "$@"
}

# nothing_in DIR: DIR holds no file at all, hidden or not (by a glob, not
# by ls: no process).
nothing_in() {
	local left
	[ -d "$1" ] || { echo "$1: not a directory"; return 1; }
	left=$(shopt -s nullglob dotglob; cd "$1" && printf '%s\n' *)
	[ -z "$left" ] || { echo "left in $1: $left"; return 1; }
}

# wait_for_temp DIR NAME PID: waits until the hidden temp of NAME shows in
# DIR (the process is writing its bundle), while PID runs.  It pauses with
# read -t on a FIFO that nothing writes to, not with sleep: no process for
# each of its hundreds of looks.
wait_for_temp() {
	local i tick
	[ -p "$BATS_TEST_TMPDIR/tick" ] || mkfifo "$BATS_TEST_TMPDIR/tick"
	exec {tick}<>"$BATS_TEST_TMPDIR/tick"
	for ((i = 0; i < 3000; i++)); do
		compgen -G "$1/.$2.??????" >/dev/null && { exec {tick}>&-; return 0; }
		kill -0 "$3" 2>/dev/null || break
		read -r -t 0.005 -u "$tick" || :
	done
	exec {tick}>&-
	echo "no temporary file of $2 appeared while it ran"
	return 1
}

# big FILE: a long stream, the samples' items 40 times under new guids
# (copy k: each line's first guid="urn:newsml:warta.invalid:N: made
# ...:N:kK-), in one process.
big() {
	perl -e 'my @l = <STDIN>; for my $k (1 .. 40) { for (@l) { my $s = $_;
	    $s =~ s/guid="urn:newsml:warta.invalid:([0-9]*):/guid="urn:newsml:warta.invalid:$1:k$k-/;
	    print $s } }' <"$T/all.xml" >"$1"
}

# fresh NAME TEXT: an item of its own, not among the samples', in NAME.xml.
fresh() {
	printf '%s\n' "$2" >"$T/$1.txt"
	warta-normalize -q "$T/$1.txt" >"$T/$1.xml"
}

@test "layout: the entries, their paths by date, the catalog, bag-info" {
	# An item whose text gives no date goes under undated/ (its
	# firstCreated says when warta made it, not when it was written).
	fresh undated 'Artikel tanpa tanggal tentang pelabuhan Tanjung Emas.'
	grep -q '<firstCreated>' "$T/undated.xml"
	ug=$(guids "$T/undated.xml")
	qrun -0 warta-pack -o "$T/arsip.tar.gz" "$T/all.xml" "$T/undated.xml"
	n=$((NITEMS + 1))
	has summary "$stderr" "warta-pack: $n items read, $n packed into 1 bundle, 0 rejected, 0 duplicates"
	bsdtar -tf "$T/arsip.tar.gz" >"$T/list"
	# One top-level directory, named after the bundle; no other entries
	# than the tag files, the catalog, and each item with its original.
	expect "outside arsip/" "$(grep -vc '^arsip/' "$T/list")" 0
	sed 's|^arsip/||' "$T/list" >"$T/entries"
	mapfile -t entries <"$T/entries"
	# (bundle-index.tsv and bundle-index-keys.tsv: a .tar.gz bundle's
	# index of its members)
	expect entries "${#entries[@]}" $((2 * n + 8))
	for f in bagit.txt bag-info.txt manifest-sha256.txt tagmanifest-sha256.txt \
	    bundle-index.tsv bundle-index-keys.tsv data/catalog.xml data/catalog.tsv; do
		c=0
		for e in "${entries[@]}"; do
			[[ $e != "$f" ]] || c=$((c + 1))
		done
		expect "entry $f" "$c" 1
	done
	expect "other entries" "$(grep -Evc '^(bagit.txt|bag-info.txt|manifest-sha256.txt|tagmanifest-sha256.txt|bundle-index.tsv|bundle-index-keys.tsv|data/catalog.xml|data/catalog.tsv|data/items/([0-9]{4}/[0-9]{2}/[0-9]{2}|undated)/[0-9a-f]{16}.xml|data/originals/([0-9]{4}/[0-9]{2}/[0-9]{2}|undated)/[0-9a-f]{16}.txt)$' "$T/entries")" 0
	# The items in path order (date, then id), whatever the stream's.
	grep -E '^data/(items|originals)/' "$T/entries" |
	    sed -E 's,^data/(items|originals)/,,; s,\.(xml|txt)$,,' >"$T/keys"
	LC_ALL=C sort -c "$T/keys"
	unpack "$T/arsip.tar.gz" "$T/x"
	B=$T/x/arsip
	expect bagit.txt "$(cat "$B/bagit.txt")" "$(printf 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8')"
	# bag-info.txt: every field, and no group fields for a lone bag.
	expect labels "$(cut -d: -f1 "$B/bag-info.txt" | tr '\n' ' ')" \
	    'Source-Organization Bagging-Date Bag-Software-Agent External-Identifier Payload-Oxum Bag-Size '
	expect Source-Organization "$(field "$B" Source-Organization)" warta.invalid
	expect Bagging-Date "$(field "$B" Bagging-Date)" 2023-11-14
	expect Bag-Software-Agent "$(field "$B" Bag-Software-Agent)" "$(warta-pack --version)"
	expect External-Identifier "$(field "$B" External-Identifier)" arsip
	[[ "$(field "$B" Bag-Size)" =~ ^[0-9.]+\ (B|KB|MB|GB)$ ]] || { echo "Bag-Size: $(field "$B" Bag-Size)"; false; }
	# Each item: its file under its date, its original beside it, one
	# itemRef and one catalog line.
	expect header "$(head -1 "$B/data/catalog.tsv")" \
	    "$(printf 'guid\tversion\tdate\tplace\tbyline\ttitle\twords\tlanguage\titem\toriginal\toriginal_sha256')"
	expect "tsv lines" "$(sed 1d "$B/data/catalog.tsv" | wc -l)" "$n"
	# n itemRefs of n guids, and for every guid: the one file
	# items/DATE/ID.xml (DATE its contentCreated's, or undated; ID the
	# first 16 hex of SHA-256(guid)) with that guid, its original
	# originals/DATE/ID.txt of the SHA-256 in its itemMeta/hash, one
	# itemRef (residref, href) and one catalog.tsv line (item, original,
	# original_sha256).  One process for all, with bag_ok's checks: see
	# tests/tools/bag-check.py.
	{ all_guids; echo "$ug"; } | check bag "$B" + layout "$B"
	[ -f "$B/data/items/undated/$(item_id "$ug").xml" ]
	[ -f "$B/data/originals/undated/$(item_id "$ug").txt" ]
	# Dated ones too.
	[ "$(find "$B/data/items" -path '*/undated' -prune -o -name '*.xml' -print | wc -l)" -gt 5 ]
	# The seed's date is the one its text gives.
	seed=$(cd "$B/data" && grep -l 'semarang-maritim-purwanto.txt' items/*/*/*/*.xml)
	[[ $seed == items/2021/08/10/* ]] || { echo "seed at $seed"; false; }
	# --source-organization names the organization.
	qrun -0 warta-pack -q --source-organization 'Harian Maritim, Semarang' \
	    -o "$T/org.tar" "$T/all.xml"
	[ -z "$stderr" ]
	expect org "$(bsdtar -xOf "$T/org.tar" org/bag-info.txt | sed -n 's/^Source-Organization: //p')" 'Harian Maritim, Semarang'
}

@test "layout: each original named by its type (.html, .nitf, .sgm, .txt), and given back byte for byte" {
	warta-normalize -q "$SAMPLES/html/og-only.html" \
	    "$SAMPLES/nitf/rail-strike.nitf" "$SAMPLES/sgml/wire-1987.sgm" \
	    "$SAMPLES/byline-by.txt" >"$T/formats.xml"
	warta-pack -q -o "$T/f.tar.gz" "$T/formats.xml"
	tar tzf "$T/f.tar.gz" | grep '/data/originals/' | sed 's/.*\.//' | sort | uniq -c |
	    awk '{ printf "%s:%s ", $2, $1 }' >"$T/kinds"
	expect "originals" "$(cat "$T/kinds")" "html:1 nitf:1 sgm:4 txt:1 "
	# the catalog and the manifest name the same files, and it verifies
	tar xzf "$T/f.tar.gz" -C "$T"
	expect "catalog" "$(cut -f10 "$T/f/data/catalog.tsv" | tail -n +2 | sed 's/.*\.//' | sort | uniq -c | awk '{ printf "%s:%s ", $2, $1 }')" "html:1 nitf:1 sgm:4 txt:1 "
	(cd "$T/f" && sha256sum --quiet -c manifest-sha256.txt)
	warta-verify -q "$T/f.tar.gz"
	# warta-unpack -C writes them under the same names, as they were read
	warta-unpack -C "$T/x" "$T/f.tar.gz" 2>/dev/null
	cmp "$SAMPLES/html/og-only.html" "$T"/x/f/data/originals/*/*/*/*.html
	cmp "$SAMPLES/nitf/rail-strike.nitf" "$T"/x/f/data/originals/*/*/*/*.nitf
	cmp "$SAMPLES/byline-by.txt" "$T"/x/f/data/originals/*/*.txt
	local f n=0
	for f in "$T"/x/f/data/originals/*/*/*/*.sgm; do
		[ "$(head -c 8 "$f")" = "<REUTERS" ] && n=$((n + 1))
	done
	expect "sgm originals, each a record" "$n" 4
}

@test "layout: the catalog and every item file are valid NewsML-G2" {
	need_shared
	warta-pack -q -o "$T/arsip.tar.gz" "$T/all.xml"
	unpack "$T/arsip.tar.gz" "$T/x"
	validate "$T/x/arsip/data/catalog.xml"
	mapfile -t items < <(find "$T/x/arsip/data/items" -name '*.xml' | sort)
	expect items "${#items[@]}" "$NITEMS"
	xmllint --nonet --noout --schema "$(XSD)" "${items[@]}"
}

@test "readable: GNU tar and bsdtar list and extract every tar format" {
	for f in tar.gz tar.zst tar.xz tar; do
		case $f in
		tar.gz) z=-z ;; tar.zst) z=--zstd ;; tar.xz) z=-J ;; tar) z= ;;
		esac
		warta-pack -q -o "$T/b.$f" "$T/all.xml"
		tar $z -tf "$T/b.$f" >"$T/gnu.$f"
		bsdtar -tf "$T/b.$f" >"$T/bsd.$f"
		expect "$f: GNU tar and bsdtar list" "$(<"$T/gnu.$f")" "$(<"$T/bsd.$f")"
		mapfile -t entries <"$T/gnu.$f"
		# .tar.gz and .tar.zst carry their index, bundle-index.tsv and
		# bundle-index-keys.tsv.
		case $f in
		tar.gz|tar.zst) expect "$f: entries" "${#entries[@]}" $((2 * NITEMS + 8)) ;;
		*) expect "$f: entries" "${#entries[@]}" $((2 * NITEMS + 6)) ;;
		esac
		mkdir "$T/gnu-$f" "$T/bsd-$f"
		tar $z -xf "$T/b.$f" -C "$T/gnu-$f"
		bsdtar -xf "$T/b.$f" -C "$T/bsd-$f"
		diff -r "$T/gnu-$f" "$T/bsd-$f"
	done
	# Files for reading by others, whatever the umask, in every format.
	expect "modes" "$(find "$T"/gnu-*/b -type f ! -perm -0444)" ""
	# Each a bag, whoever extracted it, and every format holds the same.
	bag_ok "$T"/gnu-*/b "$T"/bsd-*/b
	# The same payload and tag files; the index (whose offsets are of
	# its own file) is the only tag files the tar.gz and tar.zst have
	# more, and the tag manifest has their lines more.
	local x=(-x bundle-index.tsv -x bundle-index-keys.tsv -x tagmanifest-sha256.txt)
	diff -r "${x[@]}" "$T/gnu-tar.gz" "$T/gnu-tar.zst"
	expect "tar.zst: tag manifest" \
	    "$(grep -v '  bundle-index' "$T/gnu-tar.zst/b/tagmanifest-sha256.txt")" \
	    "$(grep -v '  bundle-index' "$T/gnu-tar.gz/b/tagmanifest-sha256.txt")"
	for f in tar.xz tar; do
		[ ! -e "$T/gnu-$f/b/bundle-index.tsv" ]
		[ ! -e "$T/gnu-$f/b/bundle-index-keys.tsv" ]
		diff -r "${x[@]}" "$T/gnu-tar.gz" "$T/gnu-$f"
		expect "$f: tag manifest" "$(<"$T/gnu-$f/b/tagmanifest-sha256.txt")" \
		    "$(grep -v '  bundle-index' "$T/gnu-tar.gz/b/tagmanifest-sha256.txt")"
	done
}

@test "readable: unzip -t passes on zip, and unzip extracts it" {
	warta-pack -q -o "$T/b.zip" "$T/all.xml"
	unzip -t "$T/b.zip"
	mkdir "$T/z" "$T/t"
	(cd "$T/z" && unzip -q "$T/b.zip")
	bag_ok "$T/z/b"
	warta-pack -q -o "$T/b.tar" "$T/all.xml"
	tar -xf "$T/b.tar" -C "$T/t"
	diff -r "$T/z" "$T/t"
}

@test "--sha512: manifest-sha512.txt and tagmanifest-sha512.txt that sha512sum accepts" {
	warta-pack -q --sha512 -o "$T/s.tar.gz" "$T/all.xml"
	unpack "$T/s.tar.gz" "$T/x"
	B=$T/x/s
	[ -f "$B/manifest-sha512.txt" ] && [ -f "$B/tagmanifest-sha512.txt" ]
	(cd "$B" && sha512sum --quiet --strict -c manifest-sha512.txt)
	(cd "$B" && sha512sum --quiet --strict -c tagmanifest-sha512.txt)
	(cd "$B" && sha256sum --quiet --strict -c manifest-sha256.txt)
	expect "sha512 manifest" "$(cut -c131- "$B/manifest-sha512.txt" | LC_ALL=C sort)" \
	    "$(cd "$B" && find data -type f | LC_ALL=C sort)"
	expect "sha512 tag manifest" "$(cut -c131- "$B/tagmanifest-sha512.txt" | LC_ALL=C sort)" \
	    "$(printf '%s\n' bag-info.txt bagit.txt bundle-index-keys.tsv bundle-index.tsv manifest-sha256.txt manifest-sha512.txt)"
	# The sha256 tag manifest covers the sha512 manifest as well.
	(cd "$B" && sha256sum --quiet --strict -c tagmanifest-sha256.txt)
	grep -q '  manifest-sha512.txt$' "$B/tagmanifest-sha256.txt"
}

@test "deterministic: packed twice into two directories, the same bytes, every format" {
	mkdir "$T/a" "$T/b"
	for f in "${FORMATS[@]}"; do
		warta-pack -q -o "$T/a/arsip.$f" "$T/all.xml"
		warta-pack -q -o "$T/b/arsip.$f" "$T/all.xml"
		cmp "$T/a/arsip.$f" "$T/b/arsip.$f"
	done
	# With a level, and with --sha512.
	warta-pack -q -l 1 --sha512 -o "$T/a/l.tar.zst" "$T/all.xml"
	warta-pack -q -l 1 --sha512 -o "$T/b/l.tar.zst" "$T/all.xml"
	cmp "$T/a/l.tar.zst" "$T/b/l.tar.zst"
}

@test "-j: 1, 2 and 8 threads, the same bundle and the same messages, in the order of the items" {
	# Every 3rd item from the 2nd has no time zone (left out), in a
	# stream and in a copy of it cut short in its middle (items, then
	# the reader's error): the messages of items checked on other
	# threads come in stream order, each item's before the next, and
	# all before the error that ends their input.
	perl -pe 'if (/<versionCreated>/) { $n++; s|Z</versionCreated>|</versionCreated>| if $n % 3 == 2 }' \
	    "$T/all.xml" >"$T/bad.xml"
	local all size
	IFS= read -r -d '' all <"$T/bad.xml" || :
	size=${#all}
	printf '%s' "${all:0:$((size / 2))}" >"$T/cut.xml"
	local j f first=
	for f in tar.gz tar.zst; do
		for j in 1 2 8; do
			mkdir -p "$T/$j"
			qrun -1 warta-pack -j "$j" --sha512 \
			    -o "$T/$j/b.$f" "$T/bad.xml" "$T/cut.xml"
			printf '%s\n' "$stderr" >"$T/$j/err"
			[ "$j" = 1 ] || { cmp "$T/1/b.$f" "$T/$j/b.$f" &&
			    cmp "$T/1/err" "$T/$j/err"; }
		done
		[ -n "$first" ] || first=$stderr
	done
	# The order: (input, item) never goes back, each item left out has
	# its problem, then "left out", and the error of cut.xml follows
	# the last of its items.
	local line in n prev_in= prev_n=0 open=0 left=0 cut_error=0
	while IFS= read -r line; do
		if [[ $line =~ ^warta-pack:\ (.*):\ item\ ([0-9]+)\ \( ]]; then
			in=${BASH_REMATCH[1]} n=${BASH_REMATCH[2]}
			[ "$cut_error" = 0 ] || { echo "after the error: $line"; false; }
			if [ "$in:$n" != "$prev_in:$prev_n" ]; then
				[ "$open" = 0 ] || { echo "not left out before: $line"; false; }
				[ "$in" != "$prev_in" ] || [ "$n" -gt "$prev_n" ] ||
				    { echo "out of order: $line"; false; }
				[ "$in" = "$prev_in" ] || [ -z "$prev_in" ] ||
				    [ "$in" = "$T/cut.xml" ] || { echo "inputs out of order: $line"; false; }
				[[ $line != *": left out" ]] || { echo "no problem before: $line"; false; }
				[ $(( (n - 2) % 3 )) = 0 ] || { echo "a good item: $line"; false; }
				open=1 prev_in=$in prev_n=$n
			elif [[ $line == *": left out" ]]; then
				open=0 left=$((left + 1))
			fi
		elif [[ $line == "warta-pack: $T/cut.xml: "* ]]; then
			[ "$open" = 0 ] && [ "$prev_in" = "$T/cut.xml" ] ||
			    { echo "the error before the items: $line"; false; }
			cut_error=1
		fi
	done <<<"$first"
	[ "$cut_error" = 1 ] || { echo "no error for cut.xml: $first"; false; }
	# 79 items, 26 of them bad, and the bad ones of the first half again.
	[ "$left" -gt 26 ] || { echo "$left left out: $first"; false; }
	has summary "$first" "$left rejected"
}

@test "deterministic: no SOURCE_DATE_EPOCH, other time zones, locales and umasks" {
	mkdir "$T/a" "$T/b" "$T/c"
	for f in "${FORMATS[@]}"; do
		(unset SOURCE_DATE_EPOCH; TZ=UTC LC_ALL=C warta-pack -q -o "$T/a/arsip.$f" "$T/all.xml")
		(unset SOURCE_DATE_EPOCH; umask 077; TZ=Asia/Jakarta LC_ALL=C.UTF-8 \
		    warta-pack -q -o "$T/b/arsip.$f" "$T/all.xml")
		(unset SOURCE_DATE_EPOCH; umask 002; TZ=America/Los_Angeles LANG=id_ID.UTF-8 \
		    warta-pack -q -o "$T/c/arsip.$f" "$T/all.xml")
		cmp "$T/a/arsip.$f" "$T/b/arsip.$f"
		cmp "$T/a/arsip.$f" "$T/c/arsip.$f"
	done
}

@test "deterministic: another user (nobody) packs the same bytes" {
	[ "$(id -u)" = 0 ] || skip "not root: cannot run as another user"
	command -v setpriv >/dev/null || skip "no setpriv"
	SHARED_TMP=$(mktemp -d /tmp/warta-t0500.XXXXXX)
	chmod 777 "$SHARED_TMP"
	cp "$T/all.xml" "$SHARED_TMP/all.xml"
	chmod 644 "$SHARED_TMP/all.xml"
	mkdir "$T/a"
	for f in "${FORMATS[@]}"; do
		(unset SOURCE_DATE_EPOCH; warta-pack -q -o "$T/a/arsip.$f" "$T/all.xml")
		(unset SOURCE_DATE_EPOCH; TZ=Pacific/Auckland setpriv --reuid=65534 \
		    --regid=65534 --clear-groups sh -c 'umask 027; exec warta-pack -q -o "$1" "$2"' \
		    sh "$SHARED_TMP/arsip.$f" "$SHARED_TMP/all.xml")
		expect "owner of $f" "$(stat -c %u "$SHARED_TMP/arsip.$f")" 65534
		cmp "$T/a/arsip.$f" "$SHARED_TMP/arsip.$f"
	done
}

@test "deterministic: the same items in another stream order, the same bytes" {
	mapfile -t files < <(printf '%s\n' "$SAMPLES"/*.txt | sort -r)
	warta-normalize -q "${files[@]}" >"$T/rev.xml"
	# The same items, truly in another order.
	[ "$(guids "$T/rev.xml")" != "$(guids "$T/all.xml")" ]
	expect "same items" "$(guids "$T/rev.xml" | sort)" "$(guids "$T/all.xml" | sort)"
	mkdir "$T/a" "$T/b"
	for f in "${FORMATS[@]}"; do
		warta-pack -q -o "$T/a/arsip.$f" "$T/all.xml"
		warta-pack -q -o "$T/b/arsip.$f" "$T/rev.xml"
		cmp "$T/a/arsip.$f" "$T/b/arsip.$f"
	done
	# Split across files in another order too.
	fresh one 'Satu artikel tentang nelayan Demak.'
	fresh two 'Dua artikel tentang pelabuhan Tanjung Emas.'
	warta-pack -q -o "$T/a/p.tar" "$T/one.xml" "$T/all.xml" "$T/two.xml"
	warta-pack -q -o "$T/b/p.tar" "$T/two.xml" "$T/rev.xml" - <"$T/one.xml"
	cmp "$T/a/p.tar" "$T/b/p.tar"
}

@test "as given: an item that declares its namespaces is packed as its own bytes, however it is read" {
	# Items written in another hand than libxml2's (quotes, an end tag,
	# spaces), each declaring its namespace: their files are those bytes.
	local cat='<catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"/>'
	local own="<catalogRef  href='http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml' ></catalogRef>"
	expect "items in all.xml" "$(grep -cF "$cat" "$T/all.xml")" "$NITEMS"
	sed "s|$cat|$own|" "$T/all.xml" >"$T/own.xml"
	# A document of Latin-1, which only the reader takes: from it on, a
	# stream is read on one thread, without the split.
	fresh latin 'Sebuah artikel tentang pelabuhan Tanjung Emas.'
	sed '1s/encoding="UTF-8"/encoding="ISO-8859-1"/' "$T/latin.xml" >"$T/latin1.xml"
	grep -q 'encoding="ISO-8859-1"' "$T/latin1.xml"
	cat "$T/own.xml" "$T/latin1.xml" >"$T/first.xml"
	cat "$T/latin1.xml" "$T/own.xml" >"$T/after.xml"
	mkdir "$T/file" "$T/pipe" "$T/j1" "$T/after"
	warta-pack -q -o "$T/file/b.tar.gz" "$T/first.xml"
	warta-pack -q -o "$T/pipe/b.tar.gz" - <"$T/first.xml"
	warta-pack -q -j 1 -o "$T/j1/b.tar.gz" "$T/first.xml"
	warta-pack -q -j 2 -o "$T/after/b.tar.gz" "$T/after.xml"
	for d in pipe j1 after; do
		cmp "$T/file/b.tar.gz" "$T/$d/b.tar.gz"
	done
	expect "items as given" "$(tar -xzOf "$T/file/b.tar.gz" --wildcards 'b/data/items/*' | grep -cF "$own")" "$NITEMS"
	# An item whose namespace is declared on the message only is
	# written with its declaration (the tree serialized).
	sed 's|^<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" |<newsItem |' "$T/all.xml" >"$T/bare.xml"
	! grep -q '^<newsItem xmlns=' "$T/bare.xml"
	mkdir "$T/bare" "$T/bare-pipe"
	warta-pack -q -o "$T/bare/b.tar.gz" "$T/bare.xml"
	warta-pack -q -o "$T/bare-pipe/b.tar.gz" - <"$T/bare.xml"
	cmp "$T/bare/b.tar.gz" "$T/bare-pipe/b.tar.gz"
	expect "declared" "$(tar -xzOf "$T/bare/b.tar.gz" --wildcards 'b/data/items/*' | grep -c '^<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"')" "$NITEMS"
}

@test "SOURCE_DATE_EPOCH sets Bagging-Date, every entry's mtime and the catalog's date" {
	for f in tar.gz zip; do
		SOURCE_DATE_EPOCH=1700000000 warta-pack -q -o "$T/a.$f" "$T/all.xml"
		SOURCE_DATE_EPOCH=1800000000 warta-pack -q -o "$T/b.$f" "$T/all.xml"
		run -1 cmp -s "$T/a.$f" "$T/b.$f"
	done
	expect "Bagging-Date a" "$(bsdtar -xOf "$T/a.tar.gz" a/bag-info.txt | sed -n 's/^Bagging-Date: //p')" 2023-11-14
	expect "Bagging-Date b" "$(bsdtar -xOf "$T/b.tar.gz" b/bag-info.txt | sed -n 's/^Bagging-Date: //p')" 2027-01-15
	expect "mtimes a" "$(TZ=UTC tar --full-time -tvzf "$T/a.tar.gz" | awk '{ print $4, $5 }' | sort -u)" '2023-11-14 22:13:20'
	expect "mtimes b" "$(TZ=UTC tar --full-time -tvzf "$T/b.tar.gz" | awk '{ print $4, $5 }' | sort -u)" '2027-01-15 08:00:00'
	expect "zip mtimes a" "$(TZ=UTC unzip -Z -T "$T/a.zip" | awk '/^-/ { print $7 }' | sort -u)" 20231114.221320
	expect "zip mtimes b" "$(TZ=UTC unzip -Z -T "$T/b.zip" | awk '/^-/ { print $7 }' | sort -u)" 20270115.080000
	bsdtar -xOf "$T/b.zip" b/data/catalog.xml >"$T/cat.xml"
	expect "catalog date" "$(x "$T/cat.xml" 'string(/*/g:itemMeta/g:versionCreated)')" 2027-01-15T08:00:00Z
	expect "Bagging-Date zip" "$(bsdtar -xOf "$T/b.zip" b/bag-info.txt | sed -n 's/^Bagging-Date: //p')" 2027-01-15
}

@test "without SOURCE_DATE_EPOCH the dates are the newest versionCreated's, never the clock" {
	fresh a 'Artikel pertama tentang nelayan Demak.'
	fresh b 'Artikel kedua tentang pelabuhan Tanjung Emas.'
	fresh c 'Artikel ketiga tentang banjir di Semarang.'
	# a: the latest as text but not in time (18:00 UTC); b: the newest
	# (20:00 UTC); c: long before.
	vc() {
		sed -i "s|<versionCreated>[^<]*<|<versionCreated>$2<|; s|<firstCreated>[^<]*<|<firstCreated>$2<|; s|timestamp=\"[^\"]*\"|timestamp=\"$2\"|" "$T/$1.xml"
	}
	vc a 2022-04-16T01:00:00+07:00
	vc b 2022-04-15T20:00:00Z
	vc c 2021-01-01T00:00:00Z
	(unset SOURCE_DATE_EPOCH; TZ=Asia/Jakarta warta-pack -q -o "$T/n.tar.gz" "$T/c.xml" "$T/a.xml" "$T/b.xml")
	unpack "$T/n.tar.gz" "$T/x"
	bag_ok "$T/x/n"
	expect Bagging-Date "$(field "$T/x/n" Bagging-Date)" 2022-04-15
	expect mtimes "$(TZ=UTC tar --full-time -tvzf "$T/n.tar.gz" | awk '{ print $4, $5 }' | sort -u)" '2022-04-15 20:00:00'
	expect "catalog date" "$(x "$T/x/n/data/catalog.xml" 'string(/*/g:itemMeta/g:versionCreated)')" 2022-04-15T20:00:00Z
	# Packed again a second later: the same bytes.
	sleep 1.1
	(unset SOURCE_DATE_EPOCH; warta-pack -q -o "$T/x/n.tar.gz" "$T/b.xml" "$T/c.xml" "$T/a.xml")
	cmp "$T/n.tar.gz" "$T/x/n.tar.gz"
}

@test "atomic: killed (SIGKILL) while reading a slow stream: nothing under the name" {
	mkdir "$T/out"
	mkfifo "$T/fifo"
	warta-pack -o "$T/out/slow.tar.gz" "$T/fifo" >/dev/null 2>"$T/err" &
	pid=$!
	exec 7>"$T/fifo"
	# Part of the stream; the rest never comes.
	cat "$T/all.xml" >&7
	sed 's/:\([0-9a-f]\{16\}\)"/:\1-2"/' "$T/all.xml" >&7
	sleep 0.3
	kill -0 "$pid"
	kill -9 "$pid"
	st=0
	wait "$pid" || st=$?
	exec 7>&-
	expect status "$st" 137
	[ ! -e "$T/out/slow.tar.gz" ]
	# It had not begun to write: nothing at all.
	nothing_in "$T/out"
}

@test "atomic: killed (SIGKILL) while writing: never a file under the final name" {
	big "$T/big.xml"
	mkdir "$T/out"
	# xz at its slowest, so that the writing takes a while.
	warta-pack -l 9 -o "$T/out/big.tar.xz" "$T/big.xml" >/dev/null 2>"$T/err" &
	pid=$!
	wait_for_temp "$T/out" big.tar.xz "$pid"
	sleep 0.1
	kill -9 "$pid"
	st=0
	wait "$pid" || st=$?
	expect status "$st" 137
	[ ! -e "$T/out/big.tar.xz" ]
	# At most the hidden temp is left.
	expect "visible files" "$(ls "$T/out")" ""
}

@test "atomic: SIGTERM while writing removes the temp, in the middle and from its start" {
	big "$T/big.xml"
	mkdir "$T/out"
	# In the middle of the writing.
	warta-pack -l 9 -o "$T/out/big.tar.xz" "$T/big.xml" >/dev/null 2>"$T/err" &
	pid=$!
	wait_for_temp "$T/out" big.tar.xz "$pid"
	sleep 0.2
	kill -0 "$pid" || { echo "it ended before it could be killed"; false; }
	kill -TERM "$pid"
	st=0
	wait "$pid" || st=$?
	expect status "$st" 143
	nothing_in "$T/out"
	# As soon as the temp exists: it is removed just the same.
	warta-pack -l 9 -o "$T/out/big.tar.xz" "$T/big.xml" >/dev/null 2>"$T/err" &
	pid=$!
	wait_for_temp "$T/out" big.tar.xz "$pid"
	kill -TERM "$pid"
	st=0
	wait "$pid" || st=$?
	expect status "$st" 143
	nothing_in "$T/out"
}

@test "atomic: a bundle already there stays byte for byte after a killed --force run" {
	big "$T/big.xml"
	mkdir "$T/out"
	warta-pack -q -o "$T/out/big.tar.xz" "$T/all.xml"
	cp -p "$T/out/big.tar.xz" "$T/before.tar.xz"
	warta-pack --force -l 9 -o "$T/out/big.tar.xz" "$T/big.xml" >/dev/null 2>"$T/err" &
	pid=$!
	wait_for_temp "$T/out" big.tar.xz "$pid"
	kill -9 "$pid"
	st=0
	wait "$pid" || st=$?
	expect status "$st" 137
	cmp "$T/before.tar.xz" "$T/out/big.tar.xz"
	# At most the hidden temp is left beside it.
	expect "visible files" "$(ls "$T/out")" big.tar.xz
	rm -f "$T"/out/.big.tar.xz.*
	# And --force, let finish, does replace it (with the samples' items at
	# xz's fastest level: what is checked is the replacing, and the long
	# stream at level 6 took 5 s of CPU for it).
	warta-pack -q --force -l 0 -o "$T/out/big.tar.xz" "$T/all.xml"
	run -1 cmp -s "$T/before.tar.xz" "$T/out/big.tar.xz"
	expect "visible files" "$(ls -A "$T/out")" big.tar.xz
}

@test "atomic: a write error (ulimit -f): exit 1, the path and the cause, no bundle, no temp" {
	mkdir "$T/ok" "$T/out"
	warta-pack -q -o "$T/ok/x.tar" "$T/all.xml"
	size=$(stat -c %s "$T/ok/x.tar")
	# Room for the spool (in /tmp) but not for the whole bundle.
	blocks=$(((size - 8192) / 1024))
	qrun -1 bash -c 'ulimit -f "$1"; trap "" XFSZ; exec warta-pack -o "$2" "$3"' \
	    sh "$blocks" "$T/out/x.tar" "$T/all.xml"
	has stderr "$stderr" "warta-pack: $T/out/x.tar: "
	lacks stderr "$stderr" "spool"
	nothing_in "$T/out"
	# An existing bundle is left as it was.
	cp "$T/ok/x.tar" "$T/out/x.tar"
	qrun -1 bash -c 'ulimit -f "$1"; trap "" XFSZ; exec warta-pack --force -o "$2" "$3"' \
	    sh "$blocks" "$T/out/x.tar" "$T/all.xml"
	cmp "$T/ok/x.tar" "$T/out/x.tar"
	expect left "$(ls -A "$T/out")" x.tar
	# A clear message says why, not only that a write failed.
	has stderr "$stderr" "File too large"
}

@test "atomic: a full file system (a small tmpfs): exit 1, the path and the cause, nothing left" {
	command -v unshare >/dev/null || skip "no unshare"
	# In a chroot, or without the privilege, no mount namespace: a skip,
	# not a pass and not a failure of warta-pack.
	unshare -m true 2>/dev/null || skip "cannot make a mount namespace here"
	mkdir "$T/full"
	qrun unshare -m sh -c '
		mount -t tmpfs -o size=64k warta-t0500 "$1" 2>/dev/null || exit 99
		warta-pack -o "$1/x.tar" "$2"
		rc=$?
		ls -A "$1" >"$3"
		exit $rc' sh "$T/full" "$T/all.xml" "$T/left"
	[ "$status" -ne 99 ] || skip "cannot mount a tmpfs here"
	expect status "$status" 1
	has stderr "$stderr" "warta-pack: $T/full/x.tar: "
	expect left "$(cat "$T/left")" ""
	has stderr "$stderr" "No space left on device"
}

@test "bad items: no time zone, a packageItem, an altered original: each named and left out" {
	fresh good1 'Artikel yang baik tentang nelayan Demak.'
	fresh good2 'Artikel baik yang lain tentang pelabuhan.'
	fresh notz 'Artikel tanpa zona waktu.'
	sed -i 's|<versionCreated>\([^<]*\)Z</versionCreated>|<versionCreated>\1</versionCreated>|' "$T/notz.xml"
	grep -q '<versionCreated>[0-9T:-]*</versionCreated>' "$T/notz.xml"
	fresh alt 'Artikel yang aslinya diubah.'
	perl -0pi -e 's/(<inlineData[^>]*>)A/$1a/' "$T/alt.xml"
	grep -q '<inlineData[^>]*>artikel' "$T/alt.xml"
	# A packageItem: a bundle's own catalog.
	warta-pack -q -o "$T/c.tar" "$T/good1.xml"
	bsdtar -xOf "$T/c.tar" c/data/catalog.xml >"$T/pkg.xml"
	cat "$T/good1.xml" "$T/notz.xml" "$T/good2.xml" >"$T/mixed.xml"
	gn=$(guids "$T/notz.xml") ga=$(guids "$T/alt.xml") gp=$(guids "$T/pkg.xml")
	qrun -1 warta-pack -o "$T/b.tar.gz" "$T/all.xml" "$T/mixed.xml" \
	    "$T/pkg.xml" "$T/alt.xml"
	has stderr "$stderr" \
	    "warta-pack: $T/mixed.xml: item 2 ($gn): " \
	    "warta-pack: $T/mixed.xml: item 2 ($gn): left out" \
	    "warta-pack: $T/pkg.xml: item 1 ($gp): " \
	    "warta-pack: $T/pkg.xml: item 1 ($gp): left out" \
	    "warta-pack: $T/alt.xml: item 1 ($ga): " \
	    "warta-pack: $T/alt.xml: item 1 ($ga): left out"
	# Each says what is wrong.
	[[ $stderr == *"($gn): "*"time zone"* ]] || { echo "$stderr"; false; }
	[[ $stderr == *"($gp): "*packageItem* ]] || { echo "$stderr"; false; }
	[[ $stderr == *"($ga): "*SHA-256* ]] || { echo "$stderr"; false; }
	n=$((NITEMS + 2))
	has summary "$stderr" "warta-pack: $((n + 3)) items read, $n packed into 1 bundle, 3 rejected, 0 duplicates"
	unpack "$T/b.tar.gz" "$T/x"
	# A bag, that holds the good ones.
	{ all_guids; guids "$T/good1.xml"; guids "$T/good2.xml"; } |
	    check bag "$T/x/b" + holds "$T/x/b"
}

@test "no guid: items without one, or with an empty or blank one, are left out, never taken for duplicates" {
	fresh a 'Artikel pertama tanpa guid tentang nelayan Demak.'
	fresh b 'Artikel kedua tanpa guid tentang pelabuhan Semarang.'
	fresh c 'Artikel dengan guid yang kosong.'
	fresh d 'Artikel dengan guid yang hanya spasi.'
	sed -i -E 's/ guid="[^"]*"//' "$T/a.xml" "$T/b.xml"
	sed -i -E 's/ guid="[^"]*"/ guid=""/' "$T/c.xml"
	sed -i -E 's/ guid="[^"]*"/ guid="  "/' "$T/d.xml"
	cat "$T"/[abcd].xml >"$T/nog.xml"
	qrun -1 warta-pack -o "$T/b.tar.gz" "$T/all.xml" "$T/nog.xml"
	has stderr "$stderr" \
	    "warta-pack: $T/nog.xml: item 1 (no guid): newsItem/@guid: missing: every item needs one" \
	    "warta-pack: $T/nog.xml: item 1 (no guid): left out" \
	    "warta-pack: $T/nog.xml: item 2 (no guid): newsItem/@guid: missing: every item needs one" \
	    "warta-pack: $T/nog.xml: item 2 (no guid): left out" \
	    "warta-pack: $T/nog.xml: item 3 (no guid): newsItem/@guid: '' is not a URI" \
	    "warta-pack: $T/nog.xml: item 3 (no guid): left out" \
	    "warta-pack: $T/nog.xml: item 4 (  ): newsItem/@guid: '  ' is not a URI" \
	    "warta-pack: $T/nog.xml: item 4 (  ): left out" \
	    "warta-pack: $((NITEMS + 4)) items read, $NITEMS packed into 1 bundle, 4 rejected, 0 duplicates"
	unpack "$T/b.tar.gz" "$T/x"
	all_guids | check bag "$T/x/b" + holds "$T/x/b"
	# Two guid-less articles alone: nothing to pack, nothing written.
	qrun -1 warta-pack -o "$T/n.tar.gz" "$T/a.xml" "$T/b.xml"
	has stderr "$stderr" "no item to pack" \
	    "warta-pack: 2 items read, 0 packed into 0 bundles, 2 rejected, 0 duplicates"
	[ ! -e "$T/n.tar.gz" ]
}

@test "--schema: an item valid by the rules but not the schema is left out; WARTA_SCHEMA too" {
	need_shared
	fresh inv 'Artikel dengan unsur yang tidak dikenal.'
	perl -0pi -e 's|(<itemClass qcode="ninat:text"/>)|$1<bogus/>|' "$T/inv.xml"
	grep -q '<bogus/>' "$T/inv.xml"
	g=$(guids "$T/inv.xml")
	# Without the schema the rules let it through.
	qrun -0 warta-pack -o "$T/a.tar" "$T/all.xml" "$T/inv.xml"
	[[ "$(bsdtar -xOf "$T/a.tar" a/data/catalog.tsv)" == *"$g"* ]]
	for how in option env; do
		rm -f "$T/b.tar"
		if [ $how = option ]; then
			qrun -1 warta-pack --schema "$(XSD)" -o "$T/b.tar" "$T/all.xml" "$T/inv.xml"
		else
			qrun -1 env WARTA_SCHEMA="$(XSD)" warta-pack -o "$T/b.tar" "$T/all.xml" "$T/inv.xml"
		fi
		has "$how: stderr" "$stderr" "warta-pack: $T/inv.xml: item 1 ($g): " \
		    "warta-pack: $T/inv.xml: item 1 ($g): left out" \
		    "$NITEMS packed into 1 bundle, 1 rejected"
		[[ $stderr == *"($g): "*bogus* ]] || { echo "$stderr"; false; }
		unpack "$T/b.tar" "$T/x-$how"
	done
	# Each a bag of the other items (one process for both).
	all_guids | check bag "$T/x-option/b" + holds "$T/x-option/b" \
	    + bag "$T/x-env/b" + holds "$T/x-env/b"
}

@test "duplicates: the same items twice: one of each, reported, exit 0, the same bundle" {
	mkdir "$T/a" "$T/b"
	warta-pack -q -o "$T/a/d.tar.gz" "$T/all.xml"
	qrun -0 warta-pack -o "$T/b/d.tar.gz" "$T/all.xml" "$T/all.xml"
	has summary "$stderr" "warta-pack: $((2 * NITEMS)) items read, $NITEMS packed into 1 bundle, 0 rejected, $NITEMS duplicates"
	g=${ALL_GUIDS%%$'\n'*}
	has report "$stderr" "warta-pack: $g: version 1 (item $((NITEMS + 1)) of the stream) left out for version 1 (item 1)"
	cmp "$T/a/d.tar.gz" "$T/b/d.tar.gz"
}

@test "duplicates: version 1 and 2 of a guid; --duplicates first and error" {
	fresh v1 'Artikel yang akan diperbarui tentang nelayan Demak.'
	warta-meta -q --no-find --note 'Versi kedua' "$T/v1.xml" >"$T/v2.xml"
	expect v2 "$(x "$T/v2.xml" 'string(/*/@version)')" 2
	g=$(guids "$T/v1.xml")
	# packed VERSION ARGS...: the bundle's item of g has that version: in
	# catalog.tsv, in the item file its line names, and in its itemRef;
	# and it is a bag.  Checked after the last, all in one process.
	local k=0 checks=() want=''
	packed() {
		local v=$1
		shift
		k=$((k + 1))
		qrun -0 warta-pack -o "$T/p$k.tar" "$@"
		has summary "$stderr" "1 duplicate"
		has report "$stderr" "warta-pack: $g: "
		unpack "$T/p$k.tar" "$T/x$k"
		checks+=(bag "$T/x$k/p$k" + versions "$T/x$k/p$k" "$g" +)
		want+="$v $v $v"$'\n'
	}
	packed 2 "$T/v1.xml" "$T/all.xml" "$T/v2.xml"
	has report "$stderr" "warta-pack: $g: version 1 (item 1 of the stream) left out for version 2 (item $((NITEMS + 2)))"
	packed 2 "$T/v2.xml" "$T/all.xml" "$T/v1.xml"
	packed 2 --duplicates highest "$T/v1.xml" "$T/v2.xml"
	packed 1 --duplicates first "$T/v1.xml" "$T/all.xml" "$T/v2.xml"
	packed 2 --duplicates first "$T/v2.xml" "$T/v1.xml"
	# Line k: packed's k-th bundle.
	got=$(check "${checks[@]:0:${#checks[@]}-1}")
	expect "tsv, item, itemRef versions" "$got" "${want%$'\n'}"
	# error: reported, nothing packed, no bundle.
	mkdir "$T/e"
	qrun -1 warta-pack --duplicates error -o "$T/e/p.tar" "$T/v1.xml" "$T/all.xml" "$T/v2.xml"
	has stderr "$stderr" "warta-pack: $g: " "nothing packed"
	nothing_in "$T/e"
}

# parts NAME N [--items-each K] [--max-bytes B]: NAME-0001 ... NAME-000N,
# and no others, extracted and each a complete bag of the group (and, with
# the options, of K items but the last, of at most B bytes of items).
parts() {
	local name=$1 n=$2 k b
	expect parts "$(cd "$T/out" && ls -A | tr '\n' ' ')" \
	    "$(for ((k = 1; k <= n; k++)); do printf '%s-%04d.tar.gz ' "$name" "$k"; done)"
	mkdir -p "$T/x"
	for ((k = 1; k <= n; k++)); do
		printf -v b '%s-%04d' "$name" "$k"
		bsdtar -xf "$T/out/$b.tar.gz" -C "$T/x"
	done
	# Each a bag, of Bag-Count k of n, Bag-Group-Identifier NAME,
	# External-Identifier its own name, as many itemRefs as catalog lines
	# and at least one; none repeated, none lost, and the parts in path
	# order.  One process for all: see tests/tools/bag-check.py.
	all_guids | check parts "$name" "$n" "$T/x" "${@:3}"
}

@test "split: --max-items 10 gives complete bags NAME-0001 ... of at most 10 items" {
	n=$(((NITEMS + 9) / 10))
	mkdir "$T/out"
	qrun -0 warta-pack --max-items 10 -o "$T/out/arsip.tar.gz" "$T/all.xml"
	has summary "$stderr" "warta-pack: $NITEMS items read, $NITEMS packed into $n bundles,"
	# Every part but the last of 10 items, the last the rest.
	parts arsip "$n" --items-each 10
	# The samples make several bags, so the split is exercised.
	[ "$n" -ge 5 ]
	# Last, so that where ../shared is absent the rest has run.  One
	# xmllint for all: the schema is read once.
	need_shared
	xmllint --nonet --noout --schema "$(XSD)" "$T"/x/arsip-*/data/catalog.xml
}

@test "split: --max-bytes 40K gives bags of at most 40K of items and originals" {
	mkdir "$T/out"
	qrun -0 warta-pack --max-bytes 40K -o "$T/out/arsip.tar.gz" "$T/all.xml"
	n=$(ls "$T/out" | wc -l)
	[ "$n" -ge 3 ]
	has summary "$stderr" "$NITEMS packed into $n bundles,"
	# Each of at most 40960 bytes of items and originals.
	parts arsip "$n" --max-bytes 40960
}

@test "usage: no -o, no format, an existing bundle, bad values: exit 2, nothing written" {
	mkdir "$T/u"
	cd "$T/u"
	qrun -2 warta-pack "$T/all.xml"
	[[ $stderr == "warta-pack: "* ]]
	nothing_in "$T/u"
	qrun -2 warta-pack -o "$T/u/b.rar" "$T/all.xml"
	has stderr "$stderr" b.rar
	qrun -2 warta-pack -o "$T/u/b" "$T/all.xml"
	qrun -2 warta-pack -f tar.bz2 -o "$T/u/b.tar.gz" "$T/all.xml"
	for bad in "-l abc" "-l -1" "-l 23" "--duplicates newest" \
	    "--duplicates" "--max-items 0" "--max-items ten" "--max-items -5" \
	    "--max-bytes 0" "--max-bytes 4Q" "--no-such-option"; do
		# shellcheck disable=SC2086
		qrun warta-pack $bad -o "$T/u/b.tar.gz" "$T/all.xml"
		expect "status for $bad" "$status" 2
		[[ $stderr == "warta-pack: "* ]] || { echo "$bad: $stderr"; false; }
		nothing_in "$T/u"
	done
	# An existing bundle: refused before the input is read, untouched.
	warta-pack -q -o "$T/u/b.tar.gz" "$T/all.xml"
	cp -p "$T/u/b.tar.gz" "$T/keep"
	qrun -2 timeout 20 warta-pack -o "$T/u/b.tar.gz" - </dev/zero
	has stderr "$stderr" "$T/u/b.tar.gz" --force
	cmp "$T/keep" "$T/u/b.tar.gz"
	expect left "$(ls -A "$T/u")" b.tar.gz
	# /dev/full exists, so it is refused the same way.  With --force the
	# temp would be made in /dev and renamed over the device: not tried.
	qrun -2 warta-pack -o /dev/full "$T/all.xml"
	[ -c /dev/full ]
	# A level out of the format's range (0-9 but for zstd) is a usage
	# error too, found before anything is read or written.
	rm "$T/u/b.tar.gz"
	for bad in "-l 10 -o $T/u/b.tar.gz" "--level 12 -o $T/u/b.zip" "-l 10 -f tar.xz -o $T/u/b"; do
		# shellcheck disable=SC2086
		qrun timeout 20 warta-pack $bad - </dev/zero
		expect "status for $bad" "$status" 2
		nothing_in "$T/u"
	done
}

@test "--force replaces only a regular file: a FIFO, a link to one, a directory stay; exit 2, nothing read" {
	mkdir "$T/s"
	mkfifo "$T/s/f.tar.gz"
	ln -s f.tar.gz "$T/s/l.tar.gz"
	mkdir "$T/s/d.tar.gz"
	local o kind
	for o in f:FIFO l:'symbolic link' d:directory; do
		kind=${o#*:}
		o=${o%%:*}
		# </dev/zero: refused before the input is read, or it hangs.
		qrun -2 timeout 20 warta-pack --force -o "$T/s/$o.tar.gz" - </dev/zero
		expect "stderr for $o" "$stderr" \
		    "warta-pack: $T/s/$o.tar.gz: a $kind; a bundle replaces only a regular file"
		qrun -2 timeout 20 warta-pack -o "$T/s/$o.tar.gz" - </dev/zero
		has "stderr for $o" "$stderr" "a $kind; a bundle replaces only a regular file"
	done
	[ -p "$T/s/f.tar.gz" ] && [ -L "$T/s/l.tar.gz" ] && [ -p "$T/s/l.tar.gz" ] && [ -d "$T/s/d.tar.gz" ]
	expect left "$(ls -A "$T/s" | tr '\n' ' ')" 'd.tar.gz f.tar.gz l.tar.gz '
	# A split checks every part's name the same way, once it knows them.
	mkfifo "$T/s/p-0002.tar.gz"
	qrun -2 warta-pack --force --max-items 30 -o "$T/s/p.tar.gz" "$T/all.xml"
	has stderr "$stderr" "$T/s/p-0002.tar.gz: a FIFO"
	[ -p "$T/s/p-0002.tar.gz" ] && [ ! -e "$T/s/p-0001.tar.gz" ]
}

@test "--force and a device node (made in the test's directory, as root): kept, exit 2" {
	[ "$(id -u)" = 0 ] || skip "only root makes a device node; the FIFO test covers the rest"
	# /dev/null's numbers, but not /dev/null: nothing outside $T is at risk
	# if the refusal ever breaks.
	mknod "$T/null.tar.gz" c 1 3
	qrun -2 warta-pack -q --force -o "$T/null.tar.gz" "$T/all.xml"
	has stderr "$stderr" "$T/null.tar.gz: a character device; a bundle replaces only a regular file"
	[ -c "$T/null.tar.gz" ]
	expect left "$(ls -A "$T" | grep -c null)" 1
}

@test "-o -: the bundle on standard output, as tar -f - does; the bytes of a file named bundle.tar.gz" {
	mkdir "$T/o"
	cd "$T/o"
	warta-pack -q -o - "$T/all.xml" >"$T/stdout.tar.gz"
	warta-pack -q -o bundle.tar.gz "$T/all.xml"
	cmp "$T/stdout.tar.gz" bundle.tar.gz
	# Through a pipe, in another format, the same.
	warta-pack -q -f zip -o - "$T/all.xml" | cat >"$T/stdout.zip"
	warta-pack -q -o bundle.zip "$T/all.xml"
	cmp "$T/stdout.zip" bundle.zip
	run -0 warta-verify -q "$T/stdout.tar.gz"
	# Never a file named "-".
	expect left "$(ls -A | tr '\n' ' ')" 'bundle.tar.gz bundle.zip '
	# One bundle only: a split is refused before anything is read.
	qrun -2 bash -c 'timeout 20 warta-pack --max-items 5 -o - - </dev/zero >/dev/null'
	has stderr "$stderr" "-o -" "split"
	# A terminal is refused, as gzip refuses one.
	if command -v script >/dev/null; then
		run -2 script -qec "warta-pack -o - $T/all.xml" /dev/null
		has output "$output" "-o -: standard output is a terminal"
	fi
	expect left "$(ls -A | tr '\n' ' ')" 'bundle.tar.gz bundle.zip '
}

@test "a bundle name that is not ASCII: arsip-ü" {
	export LC_ALL=C.UTF-8
	mkdir "$T/t" "$T/b" "$T/z"
	qrun -0 warta-pack -o "$T/arsip-ü.tar.gz" "$T/all.xml"
	[ -f "$T/arsip-ü.tar.gz" ]
	expect "GNU tar" "$(tar -tzf "$T/arsip-ü.tar.gz" | cut -d/ -f1 | sort -u)" arsip-ü
	expect bsdtar "$(bsdtar -tf "$T/arsip-ü.tar.gz" | cut -d/ -f1 | sort -u)" arsip-ü
	tar -xzf "$T/arsip-ü.tar.gz" -C "$T/t"
	bsdtar -xf "$T/arsip-ü.tar.gz" -C "$T/b"
	expect "extracted" "$(ls "$T/t" | od -An -c | tr -s ' ')" "$(printf 'arsip-ü\n' | od -An -c | tr -s ' ')"
	diff -r "$T/t" "$T/b"
	expect External-Identifier "$(field "$T/t/arsip-ü" External-Identifier)" arsip-ü
	qrun -0 warta-pack -o "$T/arsip-ü.zip" "$T/all.xml"
	unzip -t "$T/arsip-ü.zip"
	(cd "$T/z" && unzip -q "$T/arsip-ü.zip")
	expect "unzipped" "$(ls "$T/z")" arsip-ü
	# Both bags, GNU tar's and unzip's (one process for both).
	bag_ok "$T/t/arsip-ü" "$T/z/arsip-ü"
	validate "$T/t/arsip-ü/data/catalog.xml"
}
