#!/usr/bin/env bats
# t1000-html: warta-html as a program: usage errors, a bad input among
# good ones, the same site from a stream, standard input and a bundle, a
# page of every item and a line of each in the index's data, the same
# files from the same items whatever -j, the site's folder (refused when
# it is something else, replaced when it is an earlier site), HTML that
# tidy passes, a lang on every page, links to the site's own files only,
# folders of a few thousand entries at most, and a hostile item shown as
# text.  (The site in a browser: tests/browser/.)

load common

# The fixtures, made once: the samples' items as warta-normalize |
# warta-meta write them (all.xml) and packed (samples.tar.gz), and their
# site; in one python3 run (its start is most of its cost), many.xml,
# 5000 small items over three months whose names repeat little (a person
# each, an organization of three) or much, hostile.xml, an item whose
# every field holds markup (hostile() below says what), and their sites;
# and the streams with a bad item of the redo test.
setup_file() {
	local d=$BATS_FILE_TMPDIR
	PY=$(python3 -c 'import sys; print(sys.executable)')
	export PY
	warta-normalize -q "$SAMPLES"/*.txt | warta-meta 2>/dev/null >"$d/all.xml"
	warta-pack -q -o "$d/samples.tar.gz" "$d/all.xml"
	NITEMS=$(grep -c '<newsItem ' "$d/all.xml")
	[ "$NITEMS" -gt 40 ]
	export NITEMS
	"$PY" -S - "$d" <<-'EOF'
	import sys
	d = sys.argv[1]
	HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
	    '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="%s" '
	    'version="1" standard="NewsML-G2" standardversion="2.35" '
	    'conformance="power" xml:lang="id">\n')
	ITEM = HEAD + ('<itemMeta><itemClass qcode="ninat:text"/>'
	    '<provider uri="https://warta.invalid/"/>'
	    '<versionCreated>2026-01-01T00:00:00Z</versionCreated>'
	    '<pubStatus qcode="stat:usable"/></itemMeta>\n<contentMeta>'
	    '<contentCreated>2000-%02d-%02d</contentCreated>'
	    '<located><name>Kota %d</name></located><language tag="id"/>'
	    '<subject type="cpnat:person" why="why:direct"><name>Tokoh Nomor %d'
	    '</name></subject><subject type="cpnat:organisation"><name>Lembaga %d'
	    '</name></subject><headline>Berita nomor %d</headline></contentMeta>\n'
	    '<contentSet><inlineXML contenttype="application/xhtml+xml" '
	    'wordcount="4"><html xmlns="http://www.w3.org/1999/xhtml"><head>'
	    '<title/></head><body><p>Isi berita nomor %d.</p></body></html>'
	    '</inlineXML></contentSet>\n</newsItem>\n')
	# dup.xml: 100 guids each given twice, a long item, then a short one
	# of another headline: the two are made at once on two threads, the
	# short one done first as often as not.
	with open(d + "/dup.xml", "w") as f:
	    for i in range(100):
	        for n, words in (("first", 3000), ("second", 1)):
	            f.write((ITEM % ("urn:newsml:warta.invalid:dup:%d" % i,
	                1, 1, 0, i, 0, i, i)).replace("<headline>",
	                "<headline>%s " % n).replace("<p>", "<p>" +
	                "kata " * words))
	# orig-dup.xml: three guids each given twice, with an original of
	# one kind and then of another, or none: orig:kind text then a page,
	# orig:back a page then text, orig:gone text then nothing.
	def orig(g, kind, text):
	    x = ITEM % ("urn:newsml:warta.invalid:orig:%s" % g, 1, 1, 0, 1,
	        0, 1, 1)
	    if kind is None:
	        return x
	    return x.replace("</inlineXML>", '</inlineXML><inlineData '
	        'contenttype="%s">%s</inlineData>' % (kind,
	        text.replace("&", "&amp;").replace("<", "&lt;")))
	with open(d + "/orig-dup.xml", "w") as f:
	    f.write(orig("kind", "text/plain", "satu kind") +
	        orig("back", "text/html", "<p>satu back</p>") +
	        orig("gone", "text/plain", "satu gone") +
	        orig("kind", "text/html", "<p>dua kind</p>") +
	        orig("back", "text/plain", "dua back") +
	        orig("gone", None, None))
	with open(d + "/many.xml", "w") as f:
	    f.write("".join(ITEM % ("urn:newsml:warta.invalid:many:%d" % i,
	        1 + i // 2000, 1 + i % 28, i % 97, i, i % 3, i, i)
	        for i in range(5000)))
	# redo-msg.xml: a newsMessage of 20 items, a long one (1 MB), one
	# not well-formed at its start, 20 more, the first 10 of guids given
	# before; the long one is parsed on one thread while the bad one is
	# refused on the other and the jobs after it are made.  redo-docs.xml: the same
	# items, each a document.  redo-first.xml: the bad one first.
	def redo(i, n):
	    return (ITEM % ("urn:newsml:warta.invalid:redo:%s" % i, 1, 1, 0,
	        n, 0, n, n)).encode()
	items = [redo(i, i) for i in range(20)]
	items.append(redo("long", 99).replace(b"<p>", b"<p>" + b"kata " * 200000))
	bad = redo("bad", 98).replace(b"<itemMeta>", b"<itemMeta>\xc3(")
	items += [bad] + [redo(10 + i, 100 + i) for i in range(20)]
	with open(d + "/redo-docs.xml", "wb") as f:
	    f.write(b"".join(items))
	with open(d + "/redo-first.xml", "wb") as f:
	    f.write(bad + items[0])
	with open(d + "/redo-msg.xml", "wb") as f:
	    f.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<newsMessage '
	        b'xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>'
	        b'2026-01-01T00:00:00Z</sent></header><itemSet>\n' +
	        b"".join(x.split(b"\n", 1)[1] for x in items) +
	        b"</itemSet></newsMessage>\n")

	# P(k): markup, quotes, a comment, </script> and a javascript: link,
	# marked k, as text of a field; A(k): as an attribute's value.  The
	# headline has code points XML allows and HTML does not, too.
	def P(k):
	    return ('<script>alert("%s")</script><img src=x onerror="alert(\'%s\')">'
	        ' "\'&<> </script> <!-- <a href="javascript:alert(\'%s\')">%s</a>'
	        % (k, k, k, k))
	def esc(s):
	    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
	def A(k):
	    return esc(P(k)).replace('"', "&quot;")
	JS = "javascript:alert(document.domain)"
	item = (HEAD % A("guid")) + (
	    '<catalogRef href="%(js)s"/>'
	    '<hopHistory><hop seq="1" timestamp="%(when)s"><party uri="%(js)s">'
	    '<name>%(party)s</name></party><action qcode="%(action)s"/></hop>'
	    '</hopHistory>'
	    '<rightsInfo><copyrightHolder uri="%(js)s"><name>%(holder)s</name>'
	    '</copyrightHolder><copyrightNotice href="%(js)s">%(notice)s'
	    '</copyrightNotice><usageTerms>%(terms)s</usageTerms></rightsInfo>'
	    '<itemMeta><itemClass qcode="ninat:text"/><provider uri="%(js)s"/>'
	    '<versionCreated>%(vcreated)s</versionCreated>'
	    '<firstCreated>%(fcreated)s</firstCreated>'
	    '<pubStatus qcode="stat:usable"/>'
	    '<link rel="irel:seeAlso" href="%(js)s"/></itemMeta>\n'
	    '<contentMeta><contentCreated>%(created)s</contentCreated>'
	    '<located qcode="%(js)s"><name>%(place)s</name></located>'
	    '<creator uri="%(js)s"><name>%(creator)s</name></creator>'
	    '<language tag="%(lang)s"/>'
	    '<subject type="cpnat:person" why="why:direct" uri="%(js)s">'
	    '<name xml:lang="%(nlang)s">%(person)s</name></subject>'
	    '<subject type="cpnat:organisation"><name>%(org)s</name></subject>'
	    '<subject type="cpnat:geoArea"><name>%(area)s</name></subject>'
	    '<subject type="cpnat:abstract" qcode="%(qcode)s" uri="%(js)s">'
	    '<name>%(subject)s</name></subject>'
	    '<headline>%(headline)s</headline><dateline>%(dateline)s</dateline>'
	    '<by>%(byline)s</by>'
	    '<description role="drol:summary">%(summary)s</description>'
	    '</contentMeta>\n<contentSet>'
	    '<inlineXML contenttype="application/xhtml+xml" wordcount="9">'
	    '<html xmlns="http://www.w3.org/1999/xhtml"><head><title/></head>'
	    '<body><p>%(body1)s</p><p>%(body2)s</p>'
	    '<p><a href="%(js)s">a link</a><img src="x" onerror="alert(1)"/></p>'
	    '</body></html></inlineXML>'
	    '<inlineData contenttype="text/html">%(original)s</inlineData>'
	    '</contentSet>\n</newsItem>\n') % dict(
	        js=JS, when=A("when"), party=esc(P("party")), action=A("action"),
	        holder=esc(P("holder")), notice=esc(P("notice")),
	        terms=esc(P("terms")), vcreated=esc(P("vcreated")),
	        fcreated=esc(P("fcreated")), created=esc(P("created")),
	        place=esc(P("place")), creator=esc(P("creator")), lang=A("lang"),
	        nlang=A("nlang"), person=esc(P("person")), org=esc(P("org")),
	        area=esc(P("area")), qcode=A("qcode"), subject=esc(P("subject")),
	        headline=esc(P("headline")) + "\x85\x93\x9f\ufdd0\U0001fffe",
	        dateline=esc(P("dateline")),
	        byline=esc(P("byline")), summary=esc(P("summary")),
	        body1=esc(P("body1")), body2=esc(P("body2")),
	        original=esc(P("original")))
	with open(d + "/hostile.xml", "w", encoding="utf-8") as f:
	    f.write(item)
	EOF
	warta-html -q -j 2 -o "$d/site" "$d/all.xml"
	warta-html -q -o "$d/hostile" "$d/hostile.xml"
	warta-html -q -o "$d/many" "$d/many.xml"
}

# check ARGS...: tests/tools/site-check.py (one process for the checks
# of every page).
check() {
	"$PY" -S "$WARTA_TOP/tests/tools/site-check.py" "$@"
}

# hostile K: what the hostile item's field K holds (the P of setup_file).
hostile() {
	printf '%s' "<script>alert(\"$1\")</script><img src=x onerror=\"alert('$1')\"> \"'&<> </script> <!-- <a href=\"javascript:alert('$1')\">$1</a>"
}

# What the hostile headline has after its markup: U+0085, U+0093, U+009F,
# U+FDD0, U+1FFFE (the page drops them, the data keeps them).
NOT_HTML=$'\xc2\x85\xc2\x93\xc2\x9f\xef\xb7\x90\xf0\x9f\xbf\xbe'

# leftovers DIR: prints the temporaries beside DIR (DIR.warta-XXXXXX).
leftovers() {
	(shopt -s nullglob; printf '%s\n' "$1".warta-*)
}

@test "usage: --help, --version, and usage errors exit 2 with nothing written" {
	mkdir "$BATS_TEST_TMPDIR/here"
	cd "$BATS_TEST_TMPDIR/here"
	qrun -0 warta-html --help
	[[ $output == "usage: warta-html -o DIR "* ]]
	qrun -0 warta-html -h
	[[ $output == "usage: warta-html -o DIR "* ]]
	qrun -0 warta-html --version
	[[ $output =~ ^warta-html\ [0-9] ]]
	qrun -0 warta-html -V
	[[ $output =~ ^warta-html\ [0-9] ]]
	local args
	for args in "" "-j 2" "-q" "-o out -j 0" "-o out -j 257" \
	    "-o out -j abc" "-o out -j" "-o out --bogus" "-o out -x"; do
		# shellcheck disable=SC2086
		qrun -2 warta-html $args "$BATS_FILE_TMPDIR/all.xml"
		expect "stdout of $args" "$output" ""
		expect "lines of $args: $stderr" "${#stderr_lines[@]}" 1
		[[ $stderr == "warta-html: "* ]]
	done
	qrun -2 warta-html -o "" "$BATS_FILE_TMPDIR/all.xml"
	qrun -2 warta-html -o
	qrun -2 warta-html "$BATS_FILE_TMPDIR/all.xml"
	has "no -o" "$stderr" "-o DIR"
	qrun -2 warta-html -o out -j 0
	has "-j 0" "$stderr" "-j"
	# Nothing made, not even a temporary.
	local nothing
	nothing=$(shopt -s nullglob dotglob; printf '%s\n' ./*)
	expect "left in the folder" "$nothing" ""
}

@test "a bad input among good ones: exit 1, one line naming it, the others' site" {
	local d=$BATS_FILE_TMPDIR T=$BATS_TEST_TMPDIR bad
	printf 'not a news item\n' >"$T/bad.txt"
	head -c 3000 "$d/all.xml" >"$T/cut.xml"
	printf '<?xml version="1.0"?>\n<rss/>\n' >"$T/rss.xml"
	for bad in "$T/bad.txt" "$T/missing.xml" "$T/rss.xml"; do
		rm -rf "$T/site"
		qrun -1 warta-html -q -o "$T/site" "$d/all.xml" "$bad" \
		    "$d/hostile.xml"
		# Its line, and the summary (a failure is summed up even
		# with -q).
		expect "lines of $bad: $stderr" "${#stderr_lines[@]}" 2
		[[ ${stderr_lines[0]} == "warta-html: $bad: "* ]] || {
			echo "the first line does not name $bad: $stderr"
			return 1
		}
		expect "summary" "${stderr_lines[1]}" \
		    "warta-html: $((NITEMS + 1)) items in $T/site, 0 failed"
		check items "$T/site" $((NITEMS + 1)) "$d/all.xml" "$d/hostile.xml"
	done
	# A stream cut short: the items before the cut are in the site.
	rm -rf "$T/site"
	qrun -1 warta-html -q -o "$T/site" "$T/cut.xml" "$d/hostile.xml"
	[[ ${stderr_lines[0]} == "warta-html: $T/cut.xml: "* ]]
	expect "lines: $stderr" "${#stderr_lines[@]}" 2
}

@test "the stream, standard input and the bundle give one site: a page of each item, its line in the data once" {
	local d=$BATS_FILE_TMPDIR T=$BATS_TEST_TMPDIR
	check items "$d/site" "$NITEMS" "$d/all.xml" >&3
	warta-html -q -o "$T/stdin" - <"$d/all.xml"
	warta-html -q -o "$T/bundle" "$d/samples.tar.gz"
	# A zip bundle is read by another path of libarchive's.
	warta-pack -q -o "$T/samples.zip" "$d/all.xml"
	warta-html -q -o "$T/zip" "$T/samples.zip"
	diff -r "$d/site" "$T/stdin"
	diff -r "$d/site" "$T/bundle"
	diff -r "$d/site" "$T/zip"
	# The index says how many.
	has index "$(<"$d/site/index.html")" "<p class=\"lead\">$NITEMS items, by date."
}

# (The 5000 items' site is not made again here: 15,000 files cost more
# than the rest of the file, and what -j changes, the thread that makes
# an item's files, the samples show as well; the next test shows it of
# items whose files two threads make at once.)
@test "the same items give the same files: twice, and -j 1 as -j 2" {
	local d=$BATS_FILE_TMPDIR T=$BATS_TEST_TMPDIR
	warta-html -q -j 2 -o "$T/again" "$d/all.xml"
	warta-html -q -j 1 -o "$T/one" "$d/all.xml"
	diff -r "$d/site" "$T/again"
	diff -r "$d/site" "$T/one"
}

@test "an item given twice has the later one's page and files, whatever -j; it is listed twice" {
	local d=$BATS_FILE_TMPDIR T=$BATS_TEST_TMPDIR
	warta-html -q -j 2 -o "$T/dup2" "$d/dup.xml"
	warta-html -q -j 1 -o "$T/dup1" "$d/dup.xml"
	# (grep -L: the files without "second" in their headline.)
	expect "pages and items of the first" "$(cd "$T/dup2/items" &&
	    grep -L '>second Berita' */*)" ""
	diff -r "$T/dup1" "$T/dup2"
	expect "item pages" "$(cd "$T/dup2/items" && echo */*.html | wc -w)" 100
	expect "listed" "$(grep -c '^\["' "$T/dup2/assets/items.js")" 200
}

@test "an item given again leaves no original of the earlier one: of another kind, or one it has not, whatever -j" {
	local d=$BATS_FILE_TMPDIR T=$BATS_TEST_TMPDIR j
	for j in 1 2; do
		warta-html -q -j $j -o "$T/o$j" "$d/orig-dup.xml"
		expect "-j $j originals" "$(cd "$T/o$j/items" &&
		    ls */*.original* | sed 's/^[^.]*//' | sort | tr '\n' ' ')" \
		    ".original.html.txt .original.txt "
		expect "-j $j later page" "$(cat "$T/o$j"/items/*/*.original.html.txt)" \
		    "<p>dua kind</p>"
		expect "-j $j later text" "$(cat "$T/o$j"/items/*/*.original.txt)" \
		    "dua back"
	done
	diff -r "$T/o1" "$T/o2"
}

# The run of a pipe is newsml_reader's alone, item after item on the
# main thread: what the others, given the file (standard input here, so
# that the messages name it alike), must give.
@test "a bad item mid-stream: -j 1 and -j 2 give the site, messages and status of a pipe (the jobs after it dropped, the reader reading again from its document)" {
	local d=$BATS_FILE_TMPDIR T=$BATS_TEST_TMPDIR f how
	for f in redo-msg redo-docs; do
		for how in j1 j2 pipe; do
			mkdir "$T/$f-$how"
			(cd "$T/$f-$how" && case $how in
			j1) warta-html -j 1 -o site - <"$d/$f.xml" ;;
			j2) warta-html -j 2 -o site - <"$d/$f.xml" ;;
			pipe) cat "$d/$f.xml" | warta-html -j 2 -o site ;;
			esac 2>err; echo $? >rc) || true
		done
		has "$f: the reader's message" "$(<"$T/$f-pipe/err")" \
		    "warta-html: <stdin>: not well-formed XML at byte " \
		    "warta-html: 21 items in site, 0 failed"
		expect "$f: status" "$(<"$T/$f-pipe/rc")" 1
		for how in j1 j2; do
			diff "$T/$f-pipe/err" "$T/$f-$how/err"
			diff "$T/$f-pipe/rc" "$T/$f-$how/rc"
			diff -r "$T/$f-pipe/site" "$T/$f-$how/site"
		done
	done
	# A message of the main thread (a file missing) noted in the job of
	# the next file's first piece, refused: still said, and first.
	qrun -1 warta-html -q -j 2 -o "$T/first" "$T/missing.xml" \
	    "$d/redo-first.xml"
	expect "lines: $stderr" "${#stderr_lines[@]}" 3
	[[ ${stderr_lines[0]} == "warta-html: $T/missing.xml: "* ]]
	[[ ${stderr_lines[1]} == "warta-html: $d/redo-first.xml: not well-formed "* ]]
}

@test "the site's folder: something else is refused and left as it was; an earlier site is replaced" {
	local d=$BATS_FILE_TMPDIR T=$BATS_TEST_TMPDIR
	mkdir "$T/mine"
	printf 'keep me\n' >"$T/mine/notes.txt"
	qrun -2 warta-html -q -o "$T/mine" "$d/all.xml"
	expect "lines: $stderr" "${#stderr_lines[@]}" 1
	has refusal "$stderr" "$T/mine: exists and is not a site"
	expect "left in mine" "$(cd "$T/mine" && shopt -s dotglob && echo *)" notes.txt
	expect "notes.txt" "$(<"$T/mine/notes.txt")" "keep me"
	expect "temporaries" "$(leftovers "$T/mine")" ""
	# A file, and a link to a folder, are not folders.
	printf 'x\n' >"$T/file"
	qrun -2 warta-html -q -o "$T/file" "$d/all.xml"
	expect "the file" "$(<"$T/file")" x
	mkdir "$T/empty"
	ln -s empty "$T/link"
	qrun -2 warta-html -q -o "$T/link" "$d/all.xml"
	[ -L "$T/link" ]
	# An empty folder is fine.
	warta-html -q -o "$T/empty" "$d/hostile.xml"
	[ -f "$T/empty/index.html" ]
	# An earlier site, with a file added, is replaced whole.
	: >"$T/empty/stale.html"
	warta-html -q -o "$T/empty/" "$d/all.xml"
	diff -r "$d/site" "$T/empty"
	expect "temporaries" "$(leftovers "$T/empty")" ""
}

@test "a signal mid-way: the run ends killed by it, no site and no half-built folder left" {
	local d=$BATS_FILE_TMPDIR T=$BATS_TEST_TMPDIR pid dog st=0 n=0
	# Items come down a pipe that stays open: the reader waits on it,
	# pages already written, when the signal comes.
	mkfifo "$T/in"
	warta-html -q -o "$T/site" - <"$T/in" &
	pid=$!
	exec 8>"$T/in"
	cat "$d/all.xml" >&8
	while [ "$(find "$T" -maxdepth 4 -path '*site.warta-*/items/*' \
	    -name '*.html' 2>/dev/null | head -n 1)" = "" ]; do
		n=$((n + 1))
		[ "$n" -lt 100 ] || { kill -KILL "$pid"; exec 8>&-; false; }
		sleep 0.1
	done
	# A run that does not stop is killed after 20 s: 137, not 143.
	kill -TERM "$pid"
	(sleep 20; kill -KILL "$pid" 2>/dev/null) 8>&- &
	dog=$!
	wait "$pid" || st=$?
	exec 8>&-
	kill "$dog" 2>/dev/null || true
	expect "exit status" "$st" 143
	[ ! -e "$T/site" ]
	expect "temporaries" "$(leftovers "$T/site")" ""
}

@test "tidy -errors -q passes every page" {
	command -v tidy >/dev/null || skip "tidy is absent (Debian's tidy)"
	local d=$BATS_FILE_TMPDIR
	# Every page of the samples' and the hostile item's sites, and the
	# list pages of the 5000 items' (the others are as the samples').
	shopt -s globstar
	qrun tidy -errors -q --gnu-emacs yes "$d"/site/**/*.html \
	    "$d"/hostile/**/*.html "$d"/many/index.html \
	    "$d"/many/dates/*/*.html "$d"/many/*/index*.html \
	    "$d"/many/organizations/*/*.html
	expect "tidy's complaints" "$output$stderr" ""
	expect "tidy's exit status" "$status" 0
}

@test "every page: a lang, only the site's markup, links to files of the site only" {
	local d=$BATS_FILE_TMPDIR m=$BATS_FILE_TMPDIR/many
	check pages "$d/site" + pages "$d/hostile" + pages "$m" \
	    "$m"/index.html "$m"/dates/*/*.html "$m"/*/index*.html \
	    "$m"/organizations/*/*.html >&3
}

@test "5000 items: a page of each, no folder of more than a few thousand entries" {
	local m=$BATS_FILE_TMPDIR/many
	# And the names, a person each, spread evenly over their 256
	# folders (20 a folder on average): a million names make a few
	# thousand a folder, not ten times as many in a few folders.
	check items "$m" 5000 "$BATS_FILE_TMPDIR/many.xml" + folders "$m" 4096 \
	    + spread "$m/people" 45 >&3
	# Lists of more than 1000 items go on over pages.
	[ -f "$m/dates/2000/01-2.html" ]
	[ -f "$m/people/index-3.html" ]
}

@test "a hostile item is shown as text: no element of its own, its text escaped, the data valid" {
	local h=$BATS_FILE_TMPDIR/hostile page k texts=()
	page=$(shopt -s nullglob; echo "$h"/items/*/*.html)
	[ -f "$page" ]
	for k in headline dateline body1 body2 guid byline place person org \
	    area subject qcode summary holder notice terms party action when \
	    created fcreated vcreated lang; do
		texts+=("$(hostile "$k")")
	done
	check text "$page" "${texts[@]}" \
	    + text "$h"/people/*/*.html "$(hostile person)" \
	    + text "$h"/organizations/index.html "$(hostile org)" \
	    + text "$h"/dates/undated.html "$(hostile headline)"
	# No element of the item's (check pages, above, says it of every
	# page; this says it of the markup itself).
	local all
	all=$(cat "$h"/index.html "$h"/*/*.html "$h"/*/*/*.html)
	lacks pages "$all" "<script>" "<img" "<!-- " "=\"javascript:" \
	    "='javascript:" '="x"' "onerror=\""
	has escaped "$all" "&lt;script&gt;alert(&quot;headline&quot;)&lt;/script&gt;"
	# Its original page is kept as text, never as a page.
	expect "original" "$(cd "$h/items" && echo */*.original*)" \
	    "$(cd "$h/items" && echo */*.html | sed 's/\.html$/.original.html.txt/')"
	# The data: no end of script, no comment.
	local js
	js=$(<"$h/assets/items.js")
	lacks items.js "$js" "</script" "</SCRIPT" "<!--" "<script"
	has items.js "$js" '\u003cscript\u003ealert(\"headline\")'
}

@test "the hostile item's data is JavaScript that gives its text back (node)" {
	command -v node >/dev/null || skip "node is absent"
	node -e '
		const fs = require("fs"), vm = require("vm");
		const win = {};
		vm.runInNewContext(fs.readFileSync(process.argv[1], "utf8"),
		    { window: win });
		const d = win.WARTA_DATA, f = d.fields;
		const it = d.items[0];
		const want = process.argv.slice(2);
		const got = [it[f.indexOf("heading")], it[f.indexOf("summary")],
		    it[f.indexOf("place")], it[f.indexOf("byline")],
		    d.facets.people[0], d.facets.organizations[0]];
		if (d.items.length !== 1 || JSON.stringify(got) !==
		    JSON.stringify(want)) {
			console.error(JSON.stringify(got), "\nwant\n",
			    JSON.stringify(want));
			process.exit(1);
		}
	' "$BATS_FILE_TMPDIR/hostile/assets/items.js" "$(hostile headline)$NOT_HTML" \
	    "$(hostile summary)" "$(hostile place)" "$(hostile byline)" \
	    "$(hostile person)" "$(hostile org)"
}
