#!/bin/sh
# demo.sh BIN_DIR: runs the pipeline on samples/ and shows the result
# (make demo).  Output goes to build/demo/.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "$1" && pwd)
out=$top/build/demo
mkdir -p "$out"
PATH=$bin:$PATH
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
cd "$top"
seed=samples/semarang-maritim-purwanto.txt

echo "== warta-normalize on the seed article"
echo "\$ warta-normalize samples/semarang-maritim-purwanto.txt > build/demo/seed.xml"
warta-normalize "$seed" >"$out/seed.xml"
echo
echo "what it found (build/demo/seed.xml):"
field() {
	printf '  %-15s %s\n' "$1" "$(xmllint --nonet --xpath "$2" "$out/seed.xml")"
}
field guid 'string(/*/@guid)'
field dateline 'string(//*[local-name()="dateline"])'
field located 'string(//*[local-name()="located"]/*)'
field infoSource 'string(//*[local-name()="infoSource"]/*)'
field by 'string(//*[local-name()="by"])'
field contentCreated 'string(//*[local-name()="contentCreated"])'
field language 'string(//*[local-name()="language"]/@tag)'
field paragraphs 'count(//*[local-name()="body"]/*[local-name()="p"])'
field headline 'string(//*[local-name()="headline"])'
echo
echo "\$ warta-text build/demo/seed.xml | head -3"
warta-text "$out/seed.xml" | head -3
echo

echo "== warta-meta on the seed: what the text names, and a cataloguer's fields"
echo "\$ warta-meta --provider maritim.example --source 'Harian Maritim' --page 3 build/demo/seed.xml > build/demo/seed-meta.xml"
warta-meta --provider maritim.example --source 'Harian Maritim' --page 3 \
    "$out/seed.xml" >"$out/seed-meta.xml"
echo
echo "what it added (build/demo/seed-meta.xml):"
names() {
	xmllint --nonet --xpath "//*[local-name()='subject'][@type='$1']/*[local-name()='name'][1]/text()" \
	    "$out/seed-meta.xml" | paste -sd ',' - | sed 's/,/, /g'
}
printf '  %-15s %s\n' people "$(names cpnat:person)"
printf '  %-15s %s\n' organizations "$(names cpnat:organisation)"
printf '  %-15s %s\n' places "$(names cpnat:geoArea)"
topics=$(xmllint --nonet --xpath "//*[local-name()='subject'][@why='why:inferred']/@qcode" \
    "$out/seed-meta.xml" | sed 's/ *qcode="\([^"]*\)"/\1/' | paste -sd ',' - | sed 's/,/, /g')
printf '  %-15s %s\n' "Media Topics" "$topics"
printf '  %-15s %s\n' version "$(xmllint --nonet --xpath 'string(/*/@version)' "$out/seed-meta.xml")"
echo

echo "== warta-normalize on every sample: one newsMessage"
echo "\$ warta-normalize samples/*.txt > build/demo/samples.xml"
# Two samples need an option (Latin-1 and Latin-9 cannot be told from
# Windows-1252 by their bytes) and one has a date whose weekday is wrong on
# purpose; the demo reads them all with the defaults, so expect a warning.
warta-normalize samples/*.txt >"$out/samples.xml" || true
schema=$top/../shared/newsml-g2/schema/NewsML-G2_2.35-spec-All-Power.xsd
if [ -f "$schema" ]; then
	echo
	echo "\$ xmllint --nonet --noout --schema NewsML-G2_2.35-spec-All-Power.xsd build/demo/samples.xml"
	xmllint --nonet --noout --schema "$schema" "$out/samples.xml"
fi
echo

echo "== warta-pack: every sample, normalized and described, in one BagIt bundle"
echo "\$ warta-normalize -q samples/*.txt | warta-meta --provider maritim.example |"
echo "      warta-pack --force -o build/demo/samples.tar.gz"
warta-normalize -q samples/*.txt |
    warta-meta --provider maritim.example |
    warta-pack --force -o "$out/samples.tar.gz"
echo
echo "\$ tar tzf build/demo/samples.tar.gz | head -15"
tar tzf "$out/samples.tar.gz" | head -15
echo "  ... ($(tar tzf "$out/samples.tar.gz" | wc -l) entries)"
echo
echo "\$ tar xzf build/demo/samples.tar.gz -O samples/bag-info.txt"
tar xzf "$out/samples.tar.gz" -O samples/bag-info.txt
echo
echo "what a librarian checks, with standard tools only:"
echo "\$ tar xzf samples.tar.gz && cd samples && sha256sum --quiet -c manifest-sha256.txt"
rm -rf "$out/samples"
tar xzf "$out/samples.tar.gz" -C "$out"
(cd "$out/samples" && sha256sum --quiet -c manifest-sha256.txt &&
    sha256sum --quiet -c tagmanifest-sha256.txt) &&
    echo "  every file matches its manifest"
echo

echo "== the librarian's side: list the bundle, and verify it"
echo "\$ warta-unpack -t build/demo/samples.tar.gz | head -7"
warta-unpack -t "$out/samples.tar.gz" | head -7
echo "  ... ($(warta-unpack -t --tsv "$out/samples.tar.gz" | tail -n +2 | wc -l) items)"
echo
echo "\$ warta-unpack -t --tsv --subject 'Anwar Sanusi' build/demo/samples.tar.gz | cut -f1,2,6"
warta-unpack -t --tsv --subject 'Anwar Sanusi' "$out/samples.tar.gz" | cut -f1,2,6
echo
if [ -f "$schema" ]; then
	echo "\$ warta-verify --schema NewsML-G2_2.35-spec-All-Power.xsd build/demo/samples.tar.gz"
	warta-verify --schema "$schema" build/demo/samples.tar.gz
else
	echo "\$ warta-verify build/demo/samples.tar.gz"
	warta-verify build/demo/samples.tar.gz
fi
echo

echo "== what archives hold: an HTML page, an NITF document, a Reuters SGML file, a WARC crawl"
echo "\$ warta-normalize samples/html/cms-nav-comments.html samples/nitf/rail-strike.nitf \\"
echo "      samples/sgml/wire-1987.sgm samples/warc/site.warc > build/demo/formats.xml"
warta-normalize samples/html/cms-nav-comments.html samples/nitf/rail-strike.nitf \
    samples/sgml/wire-1987.sgm samples/warc/site.warc >"$out/formats.xml"
echo
echo "each item: the file it came from, and the date and headline its source states:"
i=0
n=$(xmllint --xpath 'count(//*[local-name()="newsItem"])' "$out/formats.xml")
while [ "$i" -lt "$n" ]; do
	i=$((i + 1))
	it="(//*[local-name()='newsItem'])[$i]"
	printf '  %-22s %-10s %s\n' \
	    "$(xmllint --xpath "string($it//*[local-name()='fileName'])" "$out/formats.xml")" \
	    "$(xmllint --xpath "substring($it//*[local-name()='contentCreated'],1,10)" "$out/formats.xml")" \
	    "$(xmllint --xpath "string($it//*[local-name()='headline'])" "$out/formats.xml" | cut -c1-50)"
done
echo
echo "\$ warta-pack --force -o build/demo/formats.tar.gz build/demo/formats.xml && warta-verify build/demo/formats.tar.gz"
warta-pack -q --force -o "$out/formats.tar.gz" "$out/formats.xml"
warta-verify build/demo/formats.tar.gz
echo

echo "== warta-html: the reading room, a static site of the samples"
echo "\$ warta-normalize -q samples/*.txt | warta-meta -q --provider maritim.example |"
echo "      warta-html -q -o build/demo/site"
warta-normalize -q samples/*.txt 2>/dev/null |
    warta-meta -q --provider maritim.example |
    warta-html -q -o "$out/site"
echo "  $(find "$out/site" -type f | wc -l) files; open build/demo/site/index.html in any browser"
# The seed's page: the one that shows its guid.
guid=$(xmllint --nonet --xpath 'string(/*/@guid)' "$out/seed.xml")
seedpage=$(grep -rlF --include='*.html' "<code>$guid</code>" "$out/site/items")
seedpage=${seedpage#"$out/site/"}
echo "  the seed article: build/demo/site/$seedpage"
echo
echo "what a reader sees, at a phone's width (390 px) and a desk's (1280 px):"
rm -f "$out"/index-*.png "$out"/seed-*.png
if command -v "${CHROMIUM:-chromium}" >/dev/null && command -v node >/dev/null; then
	node tests/browser/driver.js shoot "$out/site" "$out" \
	    index=index.html "seed=$seedpage" | sed "s|^$top/|  |"
else
	echo "  (screenshots skipped: chromium or node is absent)"
fi
