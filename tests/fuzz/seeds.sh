#!/bin/sh
# seeds.sh BIN_DIR CORPUS_DIR: seeds each fuzz target's corpus,
# CORPUS_DIR/NAME, from samples/ and what the tests make: the sample
# texts, items, spreadsheets and pages as they are, and bundles and
# deliveries packed from them by warta-pack (BIN_DIR) and bsdtar.  Seeds are
# named seed-*, so that a fuzzer's own finds beside them are kept; running
# it again puts them back.  Nothing here is checked in.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1 corpus=$2
s=$top/samples
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# put NAME FILE...: the files, as seeds of target NAME.
put() {
	name=$1
	shift
	mkdir -p "$corpus/$name"
	for f in "$@"; do
		[ -f "$f" ] || continue
		cp "$f" "$corpus/$name/seed-$(basename "$f")"
	done
}

put fuzz_text "$s"/*.txt "$s"/invalid/*.txt "$s"/meta/input/*.txt
put fuzz_newsml "$s"/*.xml "$s"/meta/*.xml "$s"/html/*.xml "$s"/nitf/*.xml
# A stream of several items, as warta-meta and warta-pack read them.
cat "$s"/byline-by.xml "$s"/clean-nbsp.xml "$s"/nitf/rail-strike.xml \
    >"$tmp/stream.xml"
put fuzz_newsml "$tmp/stream.xml"
# The split is checked against the reader on the same streams: a message
# of many items (warta-normalize's output) among them.
SOURCE_DATE_EPOCH=1700000000 "$bin/warta-normalize" -q "$s"/byline-by.txt \
    "$s"/clean-nbsp.txt "$s"/semarang-maritim-purwanto.txt >"$tmp/message.xml"
put fuzz_newsml_split "$s"/*.xml "$s"/meta/*.xml "$tmp/stream.xml" \
    "$tmp/message.xml"
put fuzz_sidecar "$s"/meta/*.csv
put fuzz_input_html "$s"/html/*.html "$s"/invalid/html-*.html
put fuzz_input_nitf "$s"/nitf/*.nitf "$s"/invalid/nitf-*.nitf
put fuzz_input_sgml "$s"/sgml/*.sgm "$s"/invalid/sgml-*.sgm
put fuzz_input_warc "$s"/warc/*.warc "$s"/invalid/warc-*.warc
gzip -9n <"$s"/warc/site.warc >"$tmp/site.warc.gz"
put fuzz_input_warc "$tmp/site.warc.gz"

# Deliveries: a few texts and pages, zipped and tarred.
mkdir -p "$tmp/delivery/texts"
cp "$s"/byline-by.txt "$s"/clean-nbsp.txt "$s"/html/og-only.html \
    "$s"/nitf/library-hours.nitf "$tmp/delivery/texts/"
for f in zip tar.gz tar.zst tar.xz tar.bz2 tar; do
	bsdtar -C "$tmp" -a -cf "$tmp/delivery.$f" delivery
done
put fuzz_input_archive "$tmp"/delivery.*

# Bundles, packed by warta-pack from three items, in each format; and their
# tag files, split as fuzz_bagtags.c reads them.
items="$s/byline-by.xml $s/clean-nbsp.xml $s/nitf/rail-strike.xml"
for f in tar.gz tar.zst tar.xz tar zip; do
	"$bin/warta-pack" -q -o "$tmp/bag.$f" $items
done
"$bin/warta-pack" -q --sha512 -o "$tmp/bag512.tar" $items
put fuzz_bag "$tmp"/bag.* "$tmp/bag512.tar"
# The members and index of a .tar.gz and a .tar.zst (bagit/index.h).
put fuzz_bagindex "$tmp/bag.tar.gz" "$tmp/bag.tar.zst"
for b in bag bag512; do
	mkdir -p "$tmp/x-$b"
	bsdtar -C "$tmp/x-$b" -xf "$tmp/$b.tar"
	d=$(ls -d "$tmp/x-$b"/*)
	item=$(find "$d/data/items" -name "*.xml" | sort | head -1)
	sep=
	for f in bagit.txt bag-info.txt manifest-sha256.txt \
	    tagmanifest-sha256.txt data/catalog.tsv "${item#"$d"/}" \
	    manifest-sha512.txt data/catalog.xml; do
		printf "$sep"
		cat "$d/$f" 2>/dev/null || :
		sep='\n--\n'
	done >"$tmp/$b.tags"
	put fuzz_bagtags "$tmp/$b.tags"
done
