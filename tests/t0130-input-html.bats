#!/usr/bin/env bats
# t0130-input-html: warta-normalize on HTML pages (formats/input/html.c).
#
# The golden files of samples/html/ (and samples/invalid/html-*) are made
# by tests/golden.sh (make golden) and checked, with every other sample's,
# by t0100-normalize-golden.bats.  Here, what each page is for: the fields the markup states, marked
# why="why:direct"; every paragraph of the article in the body and none of
# the navigation, ads, share bars, comments and sidebars around it; the
# page kept whole as the original, text/html; the round trip through
# warta-text; and detection.

load common

RUN=$WARTA_TOP/tests/normalize-sample.sh
HTML=$SAMPLES/html

# Every page is normalized once, here, and the tests read what came out:
# the same page gives the same bytes.  Checking happens in the tests.
setup_file() {
	local f name
	mkdir -p "$BATS_FILE_TMPDIR/items"
	for f in "$HTML"/*.html; do
		name=${f##*/}
		name=${name%.html}
		"$RUN" "$WARTA_BIN" "$f" >"$BATS_FILE_TMPDIR/items/$name.xml" \
		    2>"$BATS_FILE_TMPDIR/items/$name.err" </dev/null ||
		    echo $? >"$BATS_FILE_TMPDIR/items/$name.status"
	done
}

setup() {
	T=$BATS_TEST_TMPDIR
}

# The fields the tests read, for el, why, named and count.
FIELDS=(headline contentCreated creator by infoSource dateline hash
    keyword p)
# item NAME [fields]: samples/html/NAME.html normalized (in setup_file)
# into $item, and its values read (vals; with "fields", not its
# paragraphs and keywords).
item() {
	item=$BATS_FILE_TMPDIR/items/$1.xml
	if [ -f "$BATS_FILE_TMPDIR/items/$1.status" ]; then
		echo "$1: exit status $(<"$BATS_FILE_TMPDIR/items/$1.status")" >&2
		cat "$BATS_FILE_TMPDIR/items/$1.err" >&2
		return 1
	fi
	vals "${2:-}"
}

# vals: the values el, why, named, count, body, keywords and
# original_type give for $item, read by two xmllints (xvals) into V.
vals() { untraced vals_ "$@"; }
vals_() {
	local n e=() k=() i np nk
	declare -gA V=()
	for n in "${FIELDS[@]}"; do
		e+=("//*[local-name()='$n']" "//*[local-name()='$n']/@why"
		    "//*[local-name()='$n']/*[local-name()='name']"
		    "count(//*[local-name()='$n'])")
		k+=("el $n" "why $n" "named $n" "count $n")
	done
	e+=("//*[local-name()='language']/@tag" "/*/@guid"
	    "count(//*[local-name()='keyword'][@why='why:direct'])"
	    "//*[local-name()='inlineData']/@contenttype"
	    "//*[local-name()='inlineData']")
	k+=(language guid "direct keywords" original_type original)
	xvals "$item" "${e[@]}" || { echo "xmllint cannot read $item" >&2; return 1; }
	for i in "${!k[@]}"; do
		V[${k[i]}]=${XV[i]}
	done
	V[original raw]=${XVRAW[${#k[@]} - 1]}
	[ "${1:-}" != fields ] || return 0
	np=${V[count p]} nk=${V[count keyword]}
	e=()
	for ((i = 1; i <= np; i++)); do
		e+=("(//*[local-name()='p'])[$i]")
	done
	for ((i = 1; i <= nk; i++)); do
		e+=("(//*[local-name()='keyword'])[$i]")
	done
	[ "${#e[@]}" = 0 ] ||
	    xvals "$item" "${e[@]}" || { echo "xmllint cannot read $item" >&2; return 1; }
	# body: each paragraph as xmllint printed it, then a blank line
	V[body]=
	for ((i = 0; i < np; i++)); do
		V[p $((i + 1))]=${XV[i]}
		V[body]+=${XVRAW[i]}$'\n\n'
	done
	V[keywords]=
	for ((i = np; i < np + nk; i++)); do
		V[keywords]+=${XV[i]}'|'
	done
}

# In V, by vals: "el NAME", the text of the first element NAME (any
# namespace); "why NAME", its why; "named NAME", its name; "count NAME",
# how many; body, the paragraphs of the body, one a line; "p N", the
# text of paragraph N; keywords, each followed by "|"; original_type,
# language, guid and "direct keywords".  Read as "${V[...]}": a $(...)
# would cost a process.

# stated NAME VALUE: element NAME says VALUE, and says the source stated it
stated() {
	expect "$name $1" "${V[el $1]}" "$2"
	expect "$name $1 why" "${V[why $1]}" "why:direct"
}
stated_named() {
	expect "$name $1" "${V[named $1]}" "$2"
	expect "$name $1 why" "${V[why $1]}" "why:direct"
}

# ---- the golden files ----

@test "broken pages are refused, each with its reason, and nothing written" {
	local name want got out
	while IFS='|' read -r name want; do
		out=$T/$name.out
		got=$("$RUN" "$WARTA_BIN" "$SAMPLES/invalid/$name.html" 2>&1 \
		    >"$out" </dev/null) && return 1
		expect "invalid/$name" "$got" "warta-normalize: $name.html: $want
warta-normalize: normalized 0, rejected 1"
		[ ! -s "$out" ]
	done <<'EOF'
html-truncated|no article text in the page (only markup, navigation and boilerplate)
html-binary|binary data at byte 19, not text
html-empty-body|no article text in the page (only markup, navigation and boilerplate)
EOF
	# the NUL really is at byte 19, and the truncated page ends in its
	# <head>
	local byte
	byte=$(od -An -tu1 -j19 -N1 "$SAMPLES/invalid/html-binary.html")
	expect "NUL offset" "${byte//[ $'\n']/}" 0
	grep -q '<head>' "$SAMPLES/invalid/html-truncated.html"
	! grep -q '<body' "$SAMPLES/invalid/html-truncated.html"
}

# ---- what each page is for ----

@test "a CMS page: the article, and none of the nav, ads, share bar, related list, comments, sidebar, cookie banner" {
	name=cms-nav-comments
	item $name
	stated headline "Harbor Town Opens Its First Floating Library"
	stated contentCreated "2024-03-05T08:30:00+07:00"
	stated_named creator "Marisa Tan"
	stated by "By Marisa Tan"
	stated_named infoSource "Coastline Courier"
	expect keywords "${V[keywords]}" "libraries|harbor|reading|"
	expect "keyword why" "${V[direct keywords]}" 3
	expect language "${V[language]}" en
	# what the text says and the markup does not: read from the text
	expect dateline "${V[el dateline]}" "PORT ALDER"
	expect "dateline why" "${V[why dateline]}" ""
	# every paragraph, subhead, quote and list item, in order
	expect paragraphs "${V[count p]}" 10
	expect "paragraph 1" "${V[p 1]}" \
	    "PORT ALDER — A converted ferry moored at the end of Pier 4 opened on Tuesday as the town’s first floating library, lending books, maps and fishing manuals to anyone who walks up the gangway."
	has body "${V[body]}" "renamed The Quiet Tide, holds about 3,000 volumes" \
	    "A library that follows the tide" \
	    "“They come in after the evening catch" \
	    "We wanted a place that belongs to the harbor" \
	    "a grant of \$240,000" "a guide to knots for small boats," \
	    "a history of the lighthouse on Gull Point," \
	    "and a children’s atlas of the coast." \
	    "on the council’s website, where the opening hours"
	lacks body "${V[body]}" "cookies" "Accept all" "Business" "Opinion" \
	    "Share on Facebook" "Post on X" "Email this story" \
	    "ADVERTISEMENT" "boots" "Related stories" "Pier 4 repairs" \
	    "Lighthouse tours" "comments" "SeaDog77" "somewhere dry" \
	    "Linda" "Leave a reply" "Most read" "Storm warning" \
	    "in your inbox" "Subscribe" "All rights reserved" "Privacy" \
	    "Tags:" "By Marisa Tan" "March 5, 2024" "Coastline Courier" \
	    "dataLayer" "min-height"
	# the headline is not a paragraph too
	lacks "paragraph 1" "${V[p 1]}" \
	    "Floating Library"
}

@test "a page with JSON-LD only: two authors, the publisher, keywords, the language; the body its articleBody" {
	name=jsonld-only
	item $name
	stated headline "Warga Lereng Merapi Panen Kopi Lebih Awal"
	stated contentCreated "2023-07-18T14:05:00+07:00"
	stated_named creator "Sri Wahyuni and Agus Prasetyo"
	stated by "By Sri Wahyuni and Agus Prasetyo"
	stated_named infoSource "Kabar Lembah"
	expect keywords "${V[keywords]}" "kopi|Merapi|pertanian|"
	expect language "${V[language]}" id-ID
	expect guid "${V[guid]}" \
	    "urn:newsml:warta.invalid:20230718:b2bd81f1f91c2ca0"
	expect paragraphs "${V[count p]}" 4
	has body "${V[body]}" "SLEMAN – Petani kopi di lereng Gunung Merapi" \
	    "“Buahnya lebat, tapi kami harus cepat memetik" \
	    "sekitar Rp 12.000 per kilogram." \
	    "rumah jemur tambahan di tiga desa."
	lacks body "${V[body]}" "Beranda" "Baca juga" "Harga Cabai" "Iklan" \
	    "pupuk" "Tag:" "Berita Terkait" "Festival Kopi" "Komentar" \
	    "Semoga harga" "Terpopuler" "Kaliurang" "Pedoman Media Siber" \
	    "Selasa, 18 Juli 2023" "@context"
}

@test "a page with Open Graph only: og:title without the site, article:published_time, article:tag; a URL is no author" {
	name=og-only
	item $name
	stated headline "Night buses return to the valley route"
	stated contentCreated "2022-11-09T21:15:00Z"
	stated_named infoSource "The Valley Post"
	expect keywords "${V[keywords]}" "transport|buses|night economy|"
	expect language "${V[language]}" en-GB
	# article:author is a URL: no creator is made of it
	expect creator "${V[count creator]}" 0
	lacks item "$(<"$item")" "owen-hughes</name>"
	expect paragraphs "${V[count p]}" 4
	has body "${V[body]}" "Night buses will run again between Millbrook" \
	    "stopping at the hospital, the retail park" \
	    "\"Getting home after a late shift meant a taxi" \
	    "review the service after six months."
	lacks body "${V[body]}" "Home" "Weather" "More local news" "Share" \
	    "Tweet" "12 Market Street"
}

@test "text split by <br><br> in a table layout: four paragraphs, the menu and links out, the title without the site" {
	name=br-paragraphs
	item $name
	stated headline "Banjir Rob Genangi Pesisir Pekalongan"
	stated contentCreated "2009-05-12"
	expect keywords "${V[keywords]}" "banjir rob|Pekalongan|pesisir|"
	expect dateline "${V[el dateline]}" PEKALONGAN
	expect paragraphs "${V[count p]}" 4
	expect "paragraph 2" "${V[p 2]}" \
	    "Sedikitnya 400 rumah di Kelurahan Panjang Wetan dan Kandang Panjang terendam. Warga memindahkan perabot ke tempat yang lebih tinggi dan sebagian mengungsi ke rumah kerabat."
	has body "${V[body]}" "PEKALONGAN - Banjir rob kembali" \
	    "\"Tanggulnya sudah tidak kuat menahan air, perlu ditinggikan,\" katanya." \
	    "anggarannya baru tersedia tahun depan."
	lacks body "${V[body]}" "Depan" "Menu" "Nasional" "Arsip" \
	    "Berita sebelumnya" "Cetak" "Kirim ke teman" "Copyright" \
	    "Selasa, 12 Mei 2009" "Suara Pantura"
}

@test "a Windows-1252 page: read by its <meta>, kept as it came" {
	name=windows-1252
	item $name
	stated headline "Kafe Tepi Sungai Musi Ramai Dikunjungi Turis Prancis"
	stated contentCreated "2011-10-03"
	stated_named creator "Rahmat Hidayat"
	stated by "By Rahmat Hidayat"
	expect paragraphs "${V[count p]}" 3
	has body "${V[body]}" "PALEMBANG – Sebuah kafe" "Andréas Siregar" \
	    "“café au lait”" "“Awalnya hanya iseng," "200 tamu…"
	lacks body "${V[body]}" "Palembang Hari Ini" "Kuliner" "Berita Lain" \
	    "Jembatan Ampera" "Ã" "â€"
	# the page, byte for byte, in base64 with its charset
	expect original "${V[original_type]}" "text/html; charset=windows-1252"
	# as xmllint prints it, with its newline
	base64 -d <<<"${V[original raw]}" >"$T/orig"
	cmp "$T/orig" "$HTML/$name.html"
}

@test "a page with no <article>: scoring finds the body, not the comments or the sidebar" {
	name=no-article-element
	item $name
	stated headline "Orchard growers count the cost of a late frost"
	expect created "${V[count contentCreated]}" 0
	expect paragraphs "${V[count p]}" 5
	has body "${V[body]}" "Apple and pear growers in the hill country" \
	    "minus four degrees on Saturday night" \
	    "Grower Helen Achebe, who farms 40 hectares" \
	    "\"You can do everything right" \
	    "30,000 dollars each to install."
	lacks body "${V[body]}" "Farming reporter" "Dairy prices" "Wool sale" \
	    "Have your say" "Tom" "frost fans are a waste" "thinking of all" \
	    "Latest" "footbridge" "Advertise with the Herald" "Privacy" \
	    "Jobs" "Events"
}

@test "every page is kept whole as the original, text/html with its charset" {
	local f name l sums=()
	declare -A sum
	# one sha256sum for every page
	while IFS= read -r l; do
		sums+=("${l%% *}")
	done < <(sha256sum -- "$HTML"/*.html)
	local i=0
	for f in "$HTML"/*.html; do
		sum[$f]=${sums[i]}
		i=$((i + 1))
	done
	for f in "$HTML"/*.html; do
		name=${f##*/}
		name=${name%.html}
		item "$name" fields
		has "$name original type" "${V[original_type]}" "text/html; charset="
		[ "$name" = windows-1252 ] && continue
		# UTF-8 pages are kept as text: the same bytes (as xmllint
		# prints them, but for the newline it ends with)
		printf '%s' "${V[original raw]}" >"$T/orig"
		cmp "$T/orig" "$f" || {
			echo "$name: the original differs" >&2
			return 1
		}
		expect "$name hash" "${V[el hash]}" "${sum[$f]}"
	done
}

@test "the golden items hold what the tests above read (grep)" {
	# the same claims, on the committed golden bytes
	grep -q '<headline why="why:direct">Harbor Town Opens Its First Floating Library</headline>' "$HTML/cms-nav-comments.xml"
	grep -q '<contentCreated why="why:direct">2023-07-18T14:05:00+07:00</contentCreated>' "$HTML/jsonld-only.xml"
	grep -q '<by why="why:direct">By Sri Wahyuni and Agus Prasetyo</by>' "$HTML/jsonld-only.xml"
	grep -q 'contenttype="text/html; charset=windows-1252" encoding="encd:base64"' "$HTML/windows-1252.xml"
	# nothing of the page around the article reaches a <p>, in any of
	# them (an if: bats's errexit passes over a failing "! CMD")
	if grep -h '<p>' "$HTML"/*.xml | grep -i -e 'cookie' -e 'subscribe' \
	    -e 'comment' -e 'advert' -e 'related' -e 'share on' \
	    -e 'most read' -e 'copyright' -e 'baca juga' -e 'komentar' \
	    -e 'terpopuler' -e 'have your say' -e 'rights reserved' >&2; then
		echo "page matter in a <p>, above" >&2
		return 1
	fi
	[ "$(grep -c '<p>' "$HTML/cms-nav-comments.xml")" = 10 ]
	[ "$(grep -c '<p>' "$HTML/br-paragraphs.xml")" = 4 ]
	[ "$(grep -c '<p>' "$HTML/no-article-element.xml")" = 5 ]
}

@test "round trip: normalize, text, normalize, text gives the same text" {
	local f i=0 first firsts=() pairs=() out v
	for f in "$HTML"/*.html; do
		i=$((i + 1))
		warta-normalize -q "$f" >"$T/rt$i.xml"
		warta-text "$T/rt$i.xml" >"$T/rt$i.1"
		warta-normalize -q "$T/rt$i.1" | warta-text >"$T/rt$i.2"
		[ -s "$T/rt$i.1" ]
		pairs+=("$T/rt$i.1" "$T/rt$i.2")
		first=
		IFS= read -r first <"$T/rt$i.1" || true
		firsts+=("$first")
	done
	# the two texts of each page alike, by one sha256sum
	local h=() l
	while IFS= read -r l; do h+=("${l%% *}"); done < <(sha256sum -- "${pairs[@]}")
	[ "${#h[@]}" = "${#pairs[@]}" ]
	i=0
	for f in "$HTML"/*.html; do
		[ "${h[2 * i]}" = "${h[2 * i + 1]}" ] || {
			echo "$f:"
			diff "${pairs[2 * i]}" "${pairs[2 * i + 1]}"
			return 1
		}
		i=$((i + 1))
	done
	# and the text is the headline, then the body's paragraphs: the
	# headline of every page from one xmllint, each ended by <<hl>>
	local xmls=()
	for ((i = 1; i <= ${#firsts[@]}; i++)); do xmls+=("$T/rt$i.xml"); done
	out=$(xmllint --nonet --xpath 'concat(string(//*[local-name()="headline"]), "<<hl>>")' \
	    "${xmls[@]}")$'\n'
	i=0
	for f in "$HTML"/*.html; do
		[[ $out == *"<<hl>>"$'\n'* ]] || { echo "$f: no headline read" >&2; return 1; }
		v=${out%%"<<hl>>"$'\n'*}
		out=${out#*"<<hl>>"$'\n'}
		# as $(...) gives it
		while [[ $v == *$'\n' ]]; do v=${v%$'\n'}; done
		expect "$f headline" "${firsts[i]}" "$v"
		i=$((i + 1))
	done
	[ -z "$out" ]
}

# ---- detection ----

@test "detection: a page by its markup or its name; text that mentions <html> stays text" {
	# a page under any name, and from stdin
	cp "$HTML/og-only.html" "$T/page.txt"
	warta-normalize -q "$T/page.txt" >"$T/a.xml"
	expect "as .txt" "$(xmllint --xpath "string(//*[local-name()='inlineData']/@contenttype)" "$T/a.xml")" \
	    "text/html; charset=utf-8"
	warta-normalize -q <"$HTML/og-only.html" >"$T/b.xml"
	expect "stdin" "$(xmllint --xpath "string(//*[local-name()='headline'])" "$T/b.xml")" \
	    "Night buses return to the valley route"
	# markup with no doctype, named .htm
	printf '<p>Ferry fares rise by ten percent from June, the operator said on Monday.</p>\n' >"$T/frag.htm"
	warta-normalize -q "$T/frag.htm" >"$T/c.xml"
	expect "fragment" "$(xmllint --xpath "string(//*[local-name()='inlineData']/@contenttype)" "$T/c.xml")" \
	    "text/html; charset=utf-8"
	# text that mentions the tag is text, exactly as -f text reads it
	printf 'JAKARTA - Kursus membuat halaman web dengan <html> dan <body> dibuka pekan depan.\n\nPesertanya 40 orang.\n' >"$T/kursus.txt"
	warta-normalize -q "$T/kursus.txt" >"$T/auto.xml"
	warta-normalize -q -f text "$T/kursus.txt" >"$T/text.xml"
	cmp "$T/auto.xml" "$T/text.xml"
	grep -q 'contenttype="text/plain; charset=utf-8"' "$T/auto.xml"
}

@test "detection: -f forces the format either way" {
	# -f text reads a page as plain text, markup and all
	warta-normalize -q -f text "$HTML/og-only.html" >"$T/t.xml"
	grep -q 'contenttype="text/plain; charset=utf-8"' "$T/t.xml"
	warta-text "$T/t.xml" | grep -q 'og:title'
	# -f html reads a text file as a page: its lines run together into one
	# paragraph, as a browser shows them
	printf 'First line of text\nsecond line.\n' >"$T/plain.txt"
	warta-normalize -q -f html "$T/plain.txt" >"$T/h.xml"
	grep -q 'contenttype="text/html; charset=utf-8"' "$T/h.xml"
	expect paragraph "$(xmllint --xpath "string(//*[local-name()='p'])" "$T/h.xml")" \
	    "First line of text second line."
}

@test "a page cut short keeps the paragraphs before the cut" {
	head -c "$(grep -b -o 'A library that follows' "$HTML/cms-nav-comments.html" | cut -d: -f1)" \
	    "$HTML/cms-nav-comments.html" >"$T/cut.html"
	qrun warta-normalize "$T/cut.html"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" >"$T/cut.xml"
	item=$T/cut.xml
	vals
	expect paragraphs "${V[count p]}" 2
	has body "${V[body]}" "PORT ALDER" "from nine in the morning until dusk."
	lacks body "${V[body]}" "ADVERTISEMENT" "Okafor"
}

@test "a directory of pages: one newsMessage, every page an item, the counts add up" {
	mkdir -p "$T/site"
	cp "$HTML"/*.html "$T/site/"
	cp "$SAMPLES/invalid/html-empty-body.html" "$T/site/zz-empty.html"
	qrun warta-normalize "$T/site"
	[ "$status" -eq 1 ]
	printf '%s\n' "$output" >"$T/site.xml"
	xvals "$T/site.xml" 'name(/*)' 'count(//*[local-name()="newsItem"])'
	expect root "${XV[0]}" newsMessage
	expect items "${XV[1]}" 6
	[[ "$stderr" == *"zz-empty.html: no article text in the page"* ]]
	[[ "$stderr" == *"normalized 6, rejected 1" ]]
}

@test "hostile pages: deep nesting, huge JSON-LD, junk in every field, no crash" {
	python3 - "$T" <<'EOF'
import sys
t = sys.argv[1]
para = '<p>Deep text, with commas, here is a long sentence for a paragraph of the article.</p>'
open(t + '/deep.html', 'w').write('<html><body>' + '<div>' * 1500 + para + '</body></html>')
open(t + '/deep-inline.html', 'w').write('<html><body>' + '<font><b>' * 3000 + para + '</body></html>')
open(t + '/ld.html', 'w').write('<html><head><script type="application/ld+json">' +
    '[' * 100000 + ']' * 100000 + '</script><script type="application/ld+json">' +
    '{"@type":"NewsArticle","headline":"' + 'x' * 2000000 + '"}</script></head><body>' + para + '</body></html>')
open(t + '/fields.html', 'w').write('<html lang="&#1;&#xFFFE;zz-"><head><title>\x01\x7f</title>'
    '<meta property="og:title" content="&#0;&#xD800;">'
    '<meta name="date" content="9999-99-99T99:99:99+99:99">'
    '<meta name="author" content="@handle">'
    '<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"\\u0007"},'
    '"datePublished":"2021-02-29T10:00:00Z","inLanguage":"123"}</script></head><body>' + para + '</body></html>')
EOF
	local status=0
	warta-normalize "$T"/deep.html "$T"/deep-inline.html "$T"/ld.html \
	    "$T"/fields.html >"$T/out.raw" 2>&1 || status=$?
	[ "$status" -eq 0 ]
	grep -v '^warta-normalize:' "$T/out.raw" >"$T/out.xml"
	[ "$(grep -c 'Deep text, with commas' "$T/out.xml")" -ge 4 ]
	if [ -n "${WARTA_SHARED:-}" ]; then
		validate "$T/out.xml"
	fi
}
