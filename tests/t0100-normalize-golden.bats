#!/usr/bin/env bats
# t0100-normalize-golden: warta-normalize against the golden files of
# samples/, every format (written by tests/golden.sh, `make golden`, and
# reviewed by eye; tests/samples.sh says which files are samples), run
# exactly as they were made, through tests/normalize-sample.sh.
#
# The byte comparisons catch any change; the field checks below them say
# what each sample is for, and do not depend on the golden bytes: they run
# the program afresh and read the item with XPath.

load common

RUN=$WARTA_TOP/tests/normalize-sample.sh

# ---- helpers ----

# item NAME: normalizes samples/NAME.txt afresh into $item, its standard
# error into $item_err; fails when the program does.  Once a file: the
# program is the same and so is its input, so a sample a second test asks
# for is read from the first run (in $BATS_FILE_TMPDIR), with what
# read_item read of it.  The golden test below runs every sample so
# (tests/normalize-sample.sh) and keeps what those that exit 0 wrote
# (GOLDEN_KEEP, golden_match in common.bash): that run, when there was
# one, is the first.
GOLDEN_KEEP=$BATS_FILE_TMPDIR/golden
item() {
	local k
	item=$GOLDEN_KEEP/$1.txt.out
	item_err=$GOLDEN_KEEP/$1.txt.err
	if [ ! -f "$item" ]; then
		item=$BATS_FILE_TMPDIR/$1.xml
		item_err=$BATS_FILE_TMPDIR/$1.err
	fi
	if [ ! -f "$item.vals" ]; then
		if [ "$item" = "$BATS_FILE_TMPDIR/$1.xml" ]; then
			"$RUN" "$WARTA_BIN" "$SAMPLES/$1.txt" >"$item" \
			    2>"$item_err" </dev/null || {
				echo "$1: exit status $?" >&2
				cat "$item_err" >&2
				return 1
			}
		fi
		untraced read_item || return 1
	fi
	untraced fields
}

# The values the helpers below ask for, read from the item by read_item
# in one xmllint into V (keyed by the XPath expression); xp answers from
# V what it can, as xmllint would have (the value and a newline).
PARAS=30
declare -gA V=()
read_item() {
	local -a es=()
	local n i k
	for n in dateline contentCreated by title headline inlineData; do
		es+=("string(//*[local-name()='$n'])")
	done
	for n in located creator infoSource; do
		es+=("string(//*[local-name()='$n']/*[local-name()='name'])")
	done
	for n in p headline by creator; do
		es+=("count(//*[local-name()='$n'])")
	done
	es+=("string(//*[local-name()='inlineData']/@contenttype)"
	    "string(//*[local-name()='language']/@tag)" 'string(/*/@xml:lang)'
	    'string(/*/@guid)')
	for ((i = 1; i <= PARAS; i++)); do
		es+=("string((//*[local-name()='p'])[$i])")
	done
	xvals "$item" "${es[@]}" || return 1
	V=()
	for i in "${!es[@]}"; do
		V[${es[i]}]=${XVRAW[i]}
	done
	for k in "${!V[@]}"; do
		printf 'V[%q]=%q\n' "$k" "${V[$k]}"
	done >"$item.vals"
}

# fields: what el, named, count, para, charset and original, and xp of
# the guid and the languages, would say of the item, as $(...) would
# take it (but for a paragraph past $PARAS), without the process $(...)
# costs: ${EL[NAME]} ${NAMED[NAME]} ${COUNT[NAME]} ${PARA[N]} $CHARSET
# $ORIGINAL $GUID $LANGUAGE $XML_LANG; and $BODY, $(body).
declare -gA EL=() NAMED=() COUNT=() PARA=()
fields() {
	local n v k
	V=()
	. "$item.vals"
	EL=() NAMED=() COUNT=() PARA=()
	for k in "${!V[@]}"; do
		v=${V[$k]}
		while [[ $v == *$'\n' ]]; do v=${v%$'\n'}; done
		case $k in
		"string(//*[local-name()='"*"']/*[local-name()='name'])")
			n=${k#"string(//*[local-name()='"}
			NAMED[${n%%"'"*}]=$v ;;
		"string(//*[local-name()='"*"'])")
			n=${k#"string(//*[local-name()='"}
			EL[${n%"'])"}]=$v ;;
		"count(//*[local-name()='"*"'])")
			n=${k#"count(//*[local-name()='"}
			COUNT[${n%"'])"}]=$v ;;
		"string((//*[local-name()='p'])["*"])")
			n=${k#"string((//*[local-name()='p'])["}
			PARA[${n%"])"}]=$v ;;
		"string(//*[local-name()='inlineData']/@contenttype)") CHARSET=$v ;;
		"string(//*[local-name()='language']/@tag)") LANGUAGE=$v ;;
		'string(/*/@xml:lang)') XML_LANG=$v ;;
		'string(/*/@guid)') GUID=$v ;;
		*) echo "fields: $k?" >&2; return 1 ;;
		esac
	done
	ORIGINAL=${EL[inlineData]}
	BODY=
	if [ "${COUNT[p]}" -le "$PARAS" ]; then
		for ((n = 1; n <= COUNT[p]; n++)); do
			BODY+=${V["string((//*[local-name()='p'])[$n])"]}$'\n\n'
		done
		while [[ $BODY == *$'\n' ]]; do BODY=${BODY%$'\n'}; done
	else
		BODY=$(body)
	fi
}

xp() {
	if [ -n "${V[$1]+set}" ]; then
		printf '%s\n' "${V[$1]}"
	else
		xmllint --xpath "$1" "$item"
	fi
}
# el NAME: the text of the first element NAME (any namespace)
el() { xp "string(//*[local-name()='$1'])"; }
# named NAME: the text of NAME/name ("located", "creator", ...)
named() { xp "string(//*[local-name()='$1']/*[local-name()='name'])"; }
# count NAME: how many elements NAME
count() { xp "count(//*[local-name()='$1'])"; }
# charset: the content type of the original rendition
charset() { xp "string(//*[local-name()='inlineData']/@contenttype)"; }
# original: the original rendition, when it is carried as text
original() { el inlineData; }
# body: the paragraphs of the body, one a line (item() keeps it in
# $BODY: a test reads it many times)
body() {
	local i n
	n=$(count p)
	for ((i = 1; i <= n; i++)); do
		xp "string((//*[local-name()='p'])[$i])"
		echo
	done
}
# para N: the text of paragraph N
para() { xp "string((//*[local-name()='p'])[$1])"; }


# ---- the golden files ----

@test "every sample has its golden files, and every golden file its sample" {
	local f bad=0
	while read -r f; do
		[ -f "${f%.*}.xml" ] && [ -f "${f%.*}.err" ] || {
			echo "no golden files for ${f#"$WARTA_TOP"/}" >&2
			bad=1
		}
	done < <(valid_samples "$WARTA_TOP")
	while read -r f; do
		[ -f "${f%.*}.err" ] || {
			echo "no golden .err for ${f#"$WARTA_TOP"/}" >&2
			bad=1
		}
	done < <(invalid_samples "$WARTA_TOP")
	while read -r f; do
		echo "no sample for ${f#"$WARTA_TOP"/}" >&2
		bad=1
	done < <(golden_orphans "$WARTA_TOP")
	[ "$bad" = 0 ]
	# every format has its samples
	local d
	for d in html nitf sgml warc; do
		valid_samples "$WARTA_TOP" | grep -q "/samples/$d/" || {
			echo "no sample in samples/$d" >&2
			return 1
		}
	done
	# the seed is byte for byte the shared one
	[ -f "$SAMPLES/semarang-maritim-purwanto.txt" ]
	if [ -n "${WARTA_SHARED:-}" ]; then
		cmp "$SAMPLES/semarang-maritim-purwanto.txt" \
		    "$WARTA_SHARED/samples/semarang-maritim-purwanto.txt"
	fi
}

@test "every sample gives its golden items and messages, byte for byte" {
	local -a samples
	mapfile -t samples < <(valid_samples "$WARTA_TOP")
	untraced golden_match "${samples[@]}"
	echo "# $golden_n samples (text, HTML, NITF, SGML, WARC) match their golden files" >&3
	[ "$golden_n" -gt 50 ]
}

@test "every golden item validates against the NewsML-G2 schema" {
	need_shared
	run xmllint --nonet --noout --schema "$(XSD)" "$SAMPLES"/*.xml \
	    "$SAMPLES"/html/*.xml "$SAMPLES"/nitf/*.xml "$SAMPLES"/sgml/*.xml \
	    "$SAMPLES"/warc/*.xml "$SAMPLES"/invalid/*.xml
	[ "$status" = 0 ] || {
		echo "$output" | grep -v ' validates$' >&2
		return 1
	}
}

@test "every invalid input is refused (exit 1) with its golden messages and items" {
	local -a samples
	mapfile -t samples < <(invalid_samples "$WARTA_TOP")
	untraced golden_match "${samples[@]}"
	[ "$golden_n" -ge 10 ]
}

@test "each rejection names the file and the reason, then the summary" {
	local name want got
	while IFS='|' read -r name want; do
		got=$("$RUN" "$WARTA_BIN" "$SAMPLES/invalid/$name.txt" 2>&1 \
		    >/dev/null </dev/null) && return 1
		expect "invalid/$name" "$got" "warta-normalize: $name.txt: $want
warta-normalize: normalized 0, rejected 1"
	done <<'EOF'
binary-nul|binary data at byte 40, not text
empty|empty file
undecodable|invalid UTF-8 at byte 117
oversize|2048 bytes, larger than the size bound of 1024 bytes (see --max-size)
boilerplate-only|no article text (only blank or boilerplate lines)
EOF
	# the NUL really is at byte 40, the bad UTF-8 at 117
	expect "NUL offset" "$(od -An -tu1 -j40 -N1 "$SAMPLES/invalid/binary-nul.txt" | tr -d ' ')" 0
	expect "bad UTF-8" "$(od -An -tx1 -j117 -N2 "$SAMPLES/invalid/undecodable.txt" | tr -d ' ')" e028
}

# ---- what each sample is for ----

@test "the seed: dateline, Semarang, Purwanto, 2021-08-10, id, ten paragraphs, curly quotes, no headline" {
	item semarang-maritim-purwanto
	expect dateline "${EL[dateline]}" SEMARANG-MARITIM
	expect located "${NAMED[located]}" Semarang
	expect infoSource "${NAMED[infoSource]}" Maritim
	expect creator "${NAMED[creator]}" Purwanto
	expect by "${EL[by]}" Purwanto
	expect contentCreated "${EL[contentCreated]}" 2021-08-10
	expect language "$LANGUAGE" id
	expect xml:lang "$XML_LANG" id
	expect paragraphs "${COUNT[p]}" 10
	expect headline "${COUNT[headline]}" 0
	expect title "${EL[title]}" ""
	has body "$BODY" "“Salah satunya," "melayani,” kata" "“WFH itu" \
	    "(Purwanto)."
	lacks body "$BODY" '"'
	has guid "$GUID" ":20210810:"
}

@test "each dateline form gives its dateline, place and outlet" {
	local name dateline place outlet
	while IFS='|' read -r name dateline place outlet; do
		item "$name"
		expect "$name dateline" "${EL[dateline]}" "$dateline"
		expect "$name located" "${NAMED[located]}" "$place"
		expect "$name infoSource" "${NAMED[infoSource]}" "$outlet"
		# the dateline stays in the body, as written
		has "$name body" "${PARA[1]}" "$dateline"
	done <<'EOF'
dateline-kompas|JAKARTA, KOMPAS.com|Jakarta|KOMPAS.com
dateline-antara|Jakarta (ANTARA)|Jakarta|ANTARA
dateline-liputan6|Liputan6.com, Jakarta|Jakarta|Liputan6.com
dateline-ap|WASHINGTON (AP)|Washington|AP
dateline-reuters|LONDON, Jan 5 (Reuters)|London|Reuters
layout-ocr-wrapped|PEKALONGAN|Pekalongan|
EOF
}

@test "each byline form gives by and creator" {
	local name by creator
	while IFS='|' read -r name by creator; do
		item "$name"
		expect "$name by" "${EL[by]}" "$by"
		expect "$name creator" "${NAMED[creator]}" "$creator"
	done <<'EOF'
byline-by|By Jane Doe|Jane Doe
byline-oleh|Oleh: Budi Santoso|Budi Santoso
byline-closing-name|Rina Kusuma|Rina Kusuma
byline-desk-code||
byline-credits|Dewi Lestari|Dewi Lestari
byline-posted-by|RD|
EOF
	# the desk's editors' initials, "(ant/abc)", are no byline and no
	# person (tests/eval/README.md)
	item byline-desk-code
	expect "desk code bylines" "${COUNT[by]}" 0
	expect "desk code creators" "${COUNT[creator]}" 0
	# a blog's "Posted on DATE by RD": the author, the date, and the
	# line out of the body
	item byline-posted-by
	expect "posted-by contentCreated" "${EL[contentCreated]}" 2017-02-21
	expect "posted-by paragraphs" "${COUNT[p]}" 2
}

@test "dates: day names settle the order, contradictions are reported" {
	local name iso
	while IFS='|' read -r name iso; do
		item "$name"
		expect "$name contentCreated" "${EL[contentCreated]}" "$iso"
		has "$name guid" "$GUID" ":${iso//-/}:"
		lacks "$name stderr" "$(<"$item_err")" warning
	done <<'EOF'
date-weekday-slash|2022-02-03
date-id-long|2022-08-17
date-en-long|2023-03-14
date-weekday-order|2021-08-10
EOF
	# a weekday that fits neither reading: reported, and no date taken
	item date-weekday-mismatch
	expect "date-weekday-mismatch contentCreated" "${EL[contentCreated]}" ""
	has "date-weekday-mismatch stderr" "$(<"$item_err")" \
	    "warta-normalize: date-weekday-mismatch.txt: warning: date 'Senin (10/8/2021)': the weekday does not match 2021-08-10, a Tuesday"
}

@test "dates: the article's own, never a date the words around it mark as another's" {
	local name iso why
	while IFS='|' read -r name iso why; do
		item "$name"
		expect "$name contentCreated" "${EL[contentCreated]}" "$iso"
		if [ -n "$iso" ]; then
			has "$name guid" "$GUID" ":${iso//-/}:"
			lacks "$name stderr" "$(<"$item_err")" warning
		else
			# undated: the guid says so, and a warning says why
			has "$name guid" "$GUID" ":00000000:"
			has "$name stderr" "$(<"$item_err")" \
			    "warta-normalize: $name.txt: warning: no date of its own: $why"
		fi
	done <<'EOF'
date-birth-lahir|2017-07-14|
date-cited-dikutip||'24 April 2001' follows 'dikutip'
date-future-mendatang|2018-04-11|
date-due-wire|1987-03-03|
date-past-match||'16 January 1996' is in the body
date-weekday-contradiction||the weekday of 'Senin (20/10/2026)' does not match it
date-weekday-mismatch||the weekday of 'Senin (10/8/2021)' does not match it
date-weekday-swap|2022-03-05|
date-line-published|2005-02-09|
EOF
}

@test "language: en and id" {
	local name lang
	while IFS='|' read -r name lang; do
		item "$name"
		expect "$name language" \
		    "$LANGUAGE" "$lang"
	done <<'EOF'
lang-en|en
lang-id|id
byline-by|en
dateline-ap|en
dateline-kompas|id
EOF
}

@test "layout: paragraphs from blank lines, indentation, one per line; a title line" {
	local name n
	while IFS='|' read -r name n; do
		item "$name"
		expect "$name paragraphs" "${COUNT[p]}" "$n"
		expect "$name headline" "${COUNT[headline]}" \
		    "$([ "$name" = layout-title ] && echo 1 || echo 0)"
	done <<'EOF'
layout-blank-lines|4
layout-blank-lines-single|3
layout-indented|3
layout-one-per-line|5
layout-title|3
byline-desk-code|3
EOF
	item layout-blank-lines
	expect "blank lines, paragraph 2" "${PARA[2]}" "Ketua kelompok tani garam Sumber Rejeki, Sutrisno, mengatakan harga garam di tingkat petani saat ini sekitar Rp 700 per kilogram. Harga itu dinilai belum menutup biaya produksi."
	item layout-indented
	expect "indented, paragraph 3" "${PARA[3]}" "Dinas Perdagangan Kota Semarang berjanji menggelar operasi pasar mulai pekan depan untuk menahan laju kenaikan harga di tingkat konsumen."
	item layout-title
	expect headline "${EL[headline]}" \
	    "Warga Solo Gelar Kirab Budaya Sambut Tahun Baru Islam"
	expect title "${EL[title]}" \
	    "Warga Solo Gelar Kirab Budaya Sambut Tahun Baru Islam"
	lacks body "$BODY" "Sambut Tahun Baru Islam"
}

@test "OCR wrapping: broken words joined, real hyphens kept, boilerplate out of the body" {
	item layout-ocr-wrapped
	expect paragraphs "${COUNT[p]}" 4
	has body "$BODY" pemerintahan kupu-kupu Covid-19. se-Indonesia \
	    "yang datang dari luar kota"
	lacks body "$BODY" pemerin- "pemerin " " tahan daerah" \
	    "Baca juga" "SCROLL TO CONTINUE" "kupu kupu" "Covid- 19"
	# the bare page number "2" is gone, and did not cut its paragraph
	lacks "paragraph 2" "${PARA[2]}" " 2 "
	has "paragraph 2" "${PARA[2]}" "Menurut Kepala Dinas" \
	    "terutama dari Jakarta dan Bandung."
	# the original keeps every line as it came
	has original "$ORIGINAL" "pemerin-
tahan" "kupu-
kupu" "Covid-
19." "se-
Indonesia" "
2
" "Baca juga: Batik Pekalongan Tembus Pasar Jepang" \
	    "SCROLL TO CONTINUE WITH CONTENT"

	item layout-boilerplate
	expect "web boilerplate paragraphs" "${COUNT[p]}" 4
	lacks body "$BODY" "Baca juga" "SCROLL TO CONTINUE" "Halaman 2"
	has original "$ORIGINAL" "Baca juga: Polisi Bongkar Gudang Obat" \
	    "SCROLL TO CONTINUE WITH CONTENT" "Halaman 2"
}

@test "encodings give the expected characters" {
	item enc-utf8
	has enc-utf8 "$BODY" "Café Résumé, Andréas" "crème brûlée" \
	    "“Kami sempat tutup tiga bulan — sekarang"
	expect enc-utf8 "$CHARSET" "text/plain; charset=utf-8"

	item enc-utf8-bom
	expect "enc-utf8-bom, no BOM" "$(para 1 | head -c 12)" "The Surabaya"
	has enc-utf8-bom "$BODY" "“We cannot wait for another flood,” said"
	expect enc-utf8-bom "$CHARSET" "text/plain; charset=utf-8"

	item enc-utf16le
	expect "enc-utf16le, no BOM" "$(para 1 | head -c 10)" "Pemerintah"
	has enc-utf16le "$BODY" "“Kami tidak ingin warga menunggu sampai status naik,” ujar"
	expect enc-utf16le "$CHARSET" "text/plain; charset=utf-16le"

	item enc-utf16be
	expect "enc-utf16be, no BOM" "$(para 1 | head -c 5)" "Tokyo"
	has enc-utf16be "$BODY" "¥142 and €1 bought \$1.07" "“Investors"
	expect enc-utf16be "$CHARSET" "text/plain; charset=utf-16be"

	item enc-windows-1252
	has enc-windows-1252 "$BODY" \
	    "“Permintaan dari Eropa sedang tinggi,” kata" \
	    "Prancis – terutama untuk Café de Flore" "tahun lalu…" \
	    "tingkat petani naik"
	expect enc-windows-1252 "$CHARSET" "text/plain; charset=windows-1252"

	item enc-latin1
	has enc-latin1 "$BODY" "Málaga" "João Araújo" "£2 million" \
	    "«very happy»" "38°C"
	expect enc-latin1 "$CHARSET" "text/plain; charset=iso-8859-1"

	item enc-latin9
	has enc-latin9 "$BODY" "mulai €650 untuk" "pabrik Škoda" "€1.200"
	lacks enc-latin9 "$BODY" "¤"
	expect enc-latin9 "$CHARSET" "text/plain; charset=iso-8859-15"

	item enc-mixed
	has enc-mixed "$BODY" "salat Jum’at pertama" \
	    "“Alhamdulillah, masjid" "suara — termasuk"
}

@test "repairs: mojibake once and twice, entities" {
	item mojibake-once
	has mojibake-once "$BODY" "“Kami tidak akan menyerah,” kata" \
	    "imbang 2–2 melawan" "Stéphanie Frappart"
	lacks mojibake-once "$BODY" "â€" "Ã"
	has "mojibake-once original" "$ORIGINAL" "â€œKami" "StÃ©phanie"

	item mojibake-twice
	has mojibake-twice "$BODY" \
	    "“Inflasi sudah kembali ke sasaran,” kata" "AS — level"
	lacks mojibake-twice "$BODY" "Ã" "â€"

	item entities
	has entities "$BODY" "Pendidikan & Kebudayaan" \
	    "“Pendaftaran dibuka mulai pekan depan,” kata" "Rp 12 juta" \
	    "semester — termasuk" "hidup & buku"
	lacks entities "$BODY" "&amp;" "&#" "&nbsp;" "$(printf '\302\240')"
}

@test "repairs: controls and spaces, each on its own" {
	local zwsp wj bom shy nbsp nnbsp thin c1 bel c
	printf -v zwsp '\342\200\213'; printf -v wj '\342\201\240'
	printf -v bom '\357\273\277'; printf -v shy '\302\255'
	printf -v nbsp '\302\240'; printf -v nnbsp '\342\200\257'
	printf -v thin '\342\200\211'; printf -v bel '\007'

	item clean-zero-width
	has clean-zero-width "$BODY" "Presiden meresmikan" "kemacetan" \
	    "pantura yang" "Menurut pengelola"
	lacks clean-zero-width "$BODY" "$zwsp" "$wj" "$bom"

	item clean-soft-hyphen
	has clean-soft-hyphen "$BODY" Pembangunan mengairi
	lacks clean-soft-hyphen "$BODY" "$shy"

	item clean-nbsp
	has clean-nbsp "$BODY" "Rp 15.700" "10 persen" "mulai pekan" \
	    "Pedagang diminta"
	lacks clean-nbsp "$BODY" "$nbsp" "$nnbsp" "$thin"

	item clean-ligature
	has clean-ligature "$BODY" "The final report on the flood" \
	    "was filed" "the effort" "Officials said"

	item clean-c1-control
	has clean-c1-control "$BODY" "9 bulan – 5 tahun" \
	    "“Kami menargetkan 95 persen anak terlindungi,” katanya" \
	    "34 provinsi dan"
	lacks clean-c1-control "$BODY" "$bel"
	for c in 200 202 203 204 205 206 207 210 211 212 213 214 215 216 217 \
	    220 221 222 223 224 225 226 227 230 231 232 233 234 235 236 237; do
		printf -v c1 "\\302\\$c"
		lacks "clean-c1-control C1 \\$c" "$BODY" "$c1"
	done
}

@test "line breaks: CRLF, CR and U+2028 each end a line" {
	local name
	for name in breaks-crlf breaks-cr breaks-u2028; do
		item "$name"
		expect "$name paragraphs" "${COUNT[p]}" 3
		lacks "$name" "$BODY" "$(printf '\r')" "$(printf '\342\200\250')"
	done
	item breaks-cr
	expect "breaks-cr paragraph 2" "${PARA[2]}" \
	    "Peserta yang datang tahun ini berasal dari 12 negara, termasuk Jepang, Malaysia, dan Prancis."
}
