#!/usr/bin/env python3
"""site-check.py: checks on sites written by warta-html, in one process.

tests/t1000-html.bats checks every page of a site, hundreds or thousands
of them: a process a page (grep, xmllint) would cost more than the
checks.  The checks here:

  items SITE N STREAM...
      the STREAMs (NewsML-G2, as given to warta-html or packed into the
      bundle it was given) hold N items of N guids; each has its page and
      its XML, items/ABC/ID.html and ID.xml (ID: the first 16 hex of
      SHA-256(guid)), and the site has no other item page; the data of the
      index, assets/items.js, is `window.WARTA_DATA = JSON;` whose items
      are rows of its fields, one of each ID, and whose facets are numbers
      of names it lists.

  pages SITE [PAGE...]
      every page (*.html) of SITE, or each PAGE of it, is made of the site's own markup: <html lang>
      with a language tag; only the elements and attributes warta-html
      writes (a list kept here: an element from an item, an on* handler,
      a style, is never one of them); no script but the site's own files,
      by src; no meta but charset, viewport, generator and the
      Content-Security-Policy; no code point HTML forbids (controls other
      than white space, C1 controls, noncharacters); every lang a
      language tag; every href and
      src relative, with no scheme, query or leading slash, naming a file
      of the site (not a folder, not outside it), or a fragment naming an
      id of the page.

  folders SITE MAX
      no folder of the site holds more than MAX entries; prints the
      largest count and its folder.

  spread DIR MAX
      no folder in DIR (DIR itself aside) holds more than MAX entries:
      what is spread over them is spread evenly; prints the largest count.

  text FILE STRING...
      the page's text (its markup parsed, references decoded; the text of
      its elements, not its attributes' values) holds each STRING.

Several commands may be given, joined by "+".  Every problem is printed;
the exit status is 1 when there was one.
"""

import html
import html.parser
import json
import os
import re
import sys

try:
    from _sha256 import sha256
except ImportError:
    from hashlib import sha256

bad = 0


def fail(msg):
    global bad
    bad += 1
    if bad <= 50:
        print(msg, file=sys.stderr)
    elif bad == 51:
        print("(more problems left out)", file=sys.stderr)


def read(path):
    with open(path, "rb") as f:
        return f.read()


# What warta-html writes (formats/html/page.c, site.c): an element or an
# attribute that is not here fails the check, so that one added to the
# pages is added here knowingly.
ELEMENTS = set("""html head meta title link script body a header nav main
    h1 h2 h3 p form div label input select option noscript ul ol li span
    time article aside dl dt dd code footer""".split())
ATTRIBUTES = set("""lang charset name content http-equiv rel href src defer
    class id aria-label aria-labelledby aria-live role hidden for type
    autocomplete value""".split()) | {"data-untitled"}
META_NAMES = {"viewport", "generator"}
LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
SCHEME = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.-]*:")
# What the HTML standard's parser calls control-character-in-input-stream
# and noncharacter-in-input-stream: the page would not be valid.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef" +
                       "".join("%s-%s" % (chr(p + 0xfffe), chr(p + 0xffff))
                               for p in range(0, 0x110000, 0x10000)) + "]")


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []      # (tag, [(name, value)], line)
        self.text = []      # the text of the elements
        self.values = []    # the attributes' values
        self.script_text = []
        self.stack = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs, self.getpos()[0]))
        self.values.extend(v for _, v in attrs if v is not None)
        self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs, self.getpos()[0]))
        self.values.extend(v for _, v in attrs if v is not None)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "script":
            self.script_text.append(data)
        self.text.append(data)

    def handle_comment(self, data):
        self.tags.append(("!--", [], self.getpos()[0]))

    def handle_pi(self, data):
        self.tags.append(("?", [], self.getpos()[0]))


def parse(path):
    p = Page()
    p.source = read(path).decode("utf-8", errors="strict")
    p.feed(p.source)
    p.close()
    return p


def html_files(site):
    for d, dirs, files in os.walk(site):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".html"):
                yield os.path.join(d, f)


def check_link(site, page, where, attr, v, ids):
    if SCHEME.match(v) or v.startswith(("/", "\\")) or "?" in v or \
            "\\" in v or v.strip() != v:
        fail("%s: %s=\"%s\" is not a relative link within the site"
             % (where, attr, v))
        return
    path, _, frag = v.partition("#")
    if path == "":
        if frag not in ids:
            fail("%s: %s=\"%s\": no element has that id" % (where, attr, v))
        return
    target = os.path.normpath(os.path.join(os.path.dirname(page), path))
    if not target.startswith(site + os.sep):
        fail("%s: %s=\"%s\" leads out of the site" % (where, attr, v))
    elif not os.path.isfile(target):
        fail("%s: %s=\"%s\": no such file in the site" % (where, attr, v))


def check_page(site, page):
    try:
        p = parse(page)
    except (UnicodeDecodeError, OSError) as e:
        fail("%s: %s" % (page, e))
        return 0
    rel = os.path.relpath(page, site)
    ids = {v for t, attrs, _ in p.tags for a, v in attrs if a == "id"}
    if not p.tags or p.tags[0][0] != "html":
        fail("%s: does not start with <html>" % rel)
    elif not LANG.match(dict(p.tags[0][1]).get("lang") or ""):
        fail("%s: <html> has no lang, or not a language tag: %r"
             % (rel, dict(p.tags[0][1]).get("lang")))
    for m in FORBIDDEN.finditer(p.source):
        fail("%s:%d: U+%04X, which HTML forbids" % (rel,
             p.source.count("\n", 0, m.start()) + 1, ord(m.group())))
    if "".join(p.script_text).strip():
        fail("%s: a script in the page itself" % rel)
    links = 0
    for tag, attrs, line in p.tags:
        where = "%s:%d: <%s>" % (rel, line, tag)
        if tag not in ELEMENTS:
            fail("%s: not an element of the site's" % where)
            continue
        a = dict(attrs)
        for name, v in attrs:
            if name not in ATTRIBUTES:
                fail("%s: attribute %s=%r is not the site's" % (where, name, v))
            elif name == "lang" and not LANG.match(v or ""):
                fail("%s: lang=%r is not a language tag" % (where, v))
            elif name in ("href", "src"):
                links += 1
                check_link(site, page, where, name, v or "", ids)
        if tag == "script" and not (a.get("src") or "").startswith(
                ("assets/", "../assets/", "../../assets/")):
            fail("%s: a script not of the site's assets" % where)
        if tag == "meta" and not ("charset" in a or a.get("name") in
                                  META_NAMES or (a.get("http-equiv") or "")
                                  .lower() == "content-security-policy"):
            fail("%s: meta %r" % (where, a))
    return links


def cmd_pages(args):
    site = os.path.normpath(os.path.abspath(args[0]))
    pages = links = 0
    for page in [os.path.abspath(a) for a in args[1:]] or html_files(site):
        pages += 1
        links += check_page(site, page)
    if pages == 0:
        fail("no pages in %s" % site)
    print("%d pages, %d links" % (pages, links))


GUID = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?newsItem\b[^>]*?\sguid="([^"]*)"')


def cmd_items(args):
    site, n, streams = args[0], int(args[1]), args[2:]
    guids = []
    for s in streams:
        guids += [html.unescape(g.decode("utf-8")) for g in GUID.findall(read(s))]
    ids = {sha256(g.encode("utf-8")).hexdigest()[:16] for g in guids}
    if len(guids) != n or len(ids) != n:
        fail("%s: %d items of %d guids, want %d" % (" ".join(streams),
             len(guids), len(ids), n))
    pages = set()
    for d in os.listdir(os.path.join(site, "items")):
        for f in os.listdir(os.path.join(site, "items", d)):
            m = re.match(r"^([0-9a-f]{16})\.html$", f)
            if m:
                pages.add(m.group(1))
                if m.group(1)[:3] != d:
                    fail("%s: in items/%s/" % (f, d))
    for i in sorted(ids - pages):
        fail("items/%s/%s.html: missing" % (i[:3], i))
    for i in sorted(pages - ids):
        fail("items/%s/%s.html: of no item given" % (i[:3], i))
    for i in sorted(ids):
        if not os.path.isfile(os.path.join(site, "items", i[:3], i + ".xml")):
            fail("items/%s/%s.xml: missing" % (i[:3], i))
    js = read(os.path.join(site, "assets/items.js")).decode("utf-8")
    m = re.match(r"^/\*.*?\*/\s*window\.WARTA_DATA = (.*);\s*$", js, re.S)
    if not m:
        fail("assets/items.js: not `window.WARTA_DATA = ...;`")
        return
    try:
        data = json.loads(m.group(1))
    except ValueError as e:
        fail("assets/items.js: its data is not JSON: %s" % e)
        return
    fields = data["fields"]
    listed = [row[fields.index("id")] for row in data["items"]]
    for row in data["items"]:
        if len(row) != len(fields):
            fail("assets/items.js: row %r: %d fields, want %d"
                 % (row[:1], len(row), len(fields)))
            continue
        for kind, names in data["facets"].items():
            for k in row[fields.index(kind)]:
                if not 0 <= k < len(names):
                    fail("assets/items.js: %s: %s %d of %d" % (row[0],
                         kind, k, len(names)))
    dup = sorted({i for i in listed if listed.count(i) > 1}) \
        if len(listed) != len(set(listed)) else []
    if dup:
        fail("assets/items.js: listed more than once: %s" % " ".join(dup))
    for i in sorted(ids - set(listed)):
        fail("assets/items.js: %s is not listed" % i)
    for i in sorted(set(listed) - ids):
        fail("assets/items.js: %s is of no item given" % i)


def cmd_folders(args):
    site, most = args[0], int(args[1])
    top, where = 0, site
    for d, dirs, files in os.walk(site):
        n = len(dirs) + len(files)
        if n > top:
            top, where = n, d
        if n > most:
            fail("%s: %d entries, more than %d" % (d, n, most))
    print("%d entries in %s" % (top, os.path.relpath(where, site)))


def cmd_spread(args):
    top, most = os.path.normpath(args[0]), int(args[1])
    largest, where = 0, top
    for d in sorted(os.listdir(top)):
        d = os.path.join(top, d)
        if os.path.isdir(d) and not os.path.islink(d):
            n = len(os.listdir(d))
            if n > largest:
                largest, where = n, d
            if n > most:
                fail("%s: %d entries, more than %d" % (d, n, most))
    print("%d entries in %s" % (largest, where))


def cmd_text(args):
    path, strings = args[0], args[1:]
    p = parse(path)
    text = "".join(p.text)
    for s in strings:
        if s not in text:
            fail("%s: the text lacks [%s]" % (path, s))


def main():
    cmds = {"items": cmd_items, "pages": cmd_pages, "folders": cmd_folders,
            "spread": cmd_spread, "text": cmd_text}
    runs = [[]]
    for a in sys.argv[1:]:
        if a == "+":
            runs.append([])
        else:
            runs[-1].append(a)
    if any(not r or r[0] not in cmds for r in runs):
        print("usage: site-check.py items|pages|folders|spread|text ARGS... [+ ...]",
              file=sys.stderr)
        return 2
    for r in runs:
        cmds[r[0]](r[1:])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
