#!/usr/bin/env python3
"""bag-check.py: checks on extracted warta bags, in one process.

tests/t0500-pack.bats made these checks with sha256sum, find, sed, cut,
awk and xmllint --xpath, several processes an item, and one fork costs
more on a slow machine than the check itself.  The same checks here:

  bag DIR...
      each DIR is a bag: manifest-sha256.txt and tagmanifest-sha256.txt
      check (as `sha256sum --strict -c`), the manifest names every file
      under data/ once and no other, the tag manifest names exactly
      bag-info.txt, bagit.txt and manifest-sha256.txt (and
      bundle-index.tsv and bundle-index-keys.tsv, the index of a .tar.gz or
      .tar.zst bundle, when the bag holds them), and Payload-Oxum is the
      payload's octets and file count.

  layout DIR  (the guids on standard input, one a line)
      each guid's item is the one file data/items/**/ID.xml (ID: the first
      16 hex of SHA-256(guid)), at items/YYYY/MM/DD/ from its
      contentMeta/contentCreated or items/undated/, with that guid; its
      original is originals/SAME/ID.txt and its SHA-256 is the item's
      itemMeta/hash; the catalog has one itemRef of it (residref, href),
      and catalog.tsv one line (item, original, original_sha256).  Also:
      the catalog has as many itemRefs, of as many guids, as guids given.

  parts NAME N XDIR [--items-each K] [--max-bytes B]
                    (the guids of the whole stream on standard input)
      XDIR/NAME-0001 ... XDIR/NAME-000N are each a bag as above and a part
      of the group (Bag-Count K of N, Bag-Group-Identifier NAME,
      External-Identifier NAME-000K), with as many itemRefs as catalog.tsv
      lines and at least one; no guid is in two parts, the parts hold
      exactly the guids given, and their items are in path order across
      the parts.  --items-each: every part but the last holds K items, the
      last the rest.  --max-bytes: each part's items and originals come to
      at most B bytes.

  holds DIR  (guids on standard input)
      DIR's catalog.tsv has a line of each guid given, and no other.

  versions DIR GUID
      prints the version of GUID's line in catalog.tsv, of the item file
      that line names, and of its itemRef in catalog.xml.

Several commands may be given, joined by "+".  Every difference is printed (WHAT: got [..], want [..], as common.bash's
expect says it); the exit status is 1 when there was one.
"""

import os
import stat
import sys

# Startup is most of what a call costs: the builtin SHA-256 loads faster
# than OpenSSL's, and ElementTree (and re) load only for the commands that
# parse XML.
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
        print("(more differences left out)", file=sys.stderr)


def expect(what, got, want):
    if got != want:
        fail("%s: got [%s], want [%s]" % (what, got, want))
        return False
    return True


def expect_list(what, got, want):
    """got and want the same lines, as `sort` makes them; says which differ."""
    got, want = sorted(got), sorted(want)
    if got != want:
        extra = [show(x) for x in got if got.count(x) > want.count(x)]
        lost = [show(x) for x in want if want.count(x) > got.count(x)]
        fail("%s: got %d lines, want %d; not wanted: [%s]; missing: [%s]"
             % (what, len(got), len(want), " ".join(sorted(set(extra))), " ".join(sorted(set(lost)))))
        return False
    return True


def lines(data):
    """The lines of DATA as sed and cut see them (a last one unended)."""
    out = data.split(b"\n")
    if out and out[-1] == b"":
        out.pop()
    return out


def xml_root(path):
    import xml.etree.ElementTree as ET
    return ET.parse(path).getroot()


def read(path):
    with open(path, "rb") as f:
        return f.read()


def show(b):
    return os.fsdecode(b) if isinstance(b, bytes) else b


def local(tag):
    return tag.rsplit("}", 1)[-1]


def children(el, name):
    return [c for c in el if isinstance(c.tag, str) and local(c.tag) == name]


def descendants(el, name):
    return [c for c in el.iter() if isinstance(c.tag, str) and local(c.tag) == name]


def string(els):
    """XPath string() of a node-set: the text of the first, or ''."""
    return "".join(els[0].itertext()) if els else ""


def field(d, label):
    """`sed -n "s/^LABEL: //p" bag-info.txt`"""
    pre = label.encode() + b": "
    try:
        data = read(os.path.join(d, b"bag-info.txt"))
    except OSError as e:
        fail("%s: bag-info.txt: %s" % (show(d), e.strerror))
        return ""
    return "\n".join(show(l[len(pre):]) for l in lines(data) if l.startswith(pre))


def tsv(d):
    """catalog.tsv's lines but the header, each split at tabs"""
    return [l.split(b"\t") for l in lines(read(os.path.join(d, b"data/catalog.tsv")))[1:]]


HEX = frozenset(b"0123456789abcdefABCDEF")


def sumline(l):
    """A line of `sha256sum` output: the hash, a space, a space or '*', the
    name; a leading backslash when the name is escaped (\\n, \\\\).
    (hash, name), or None when it is not one."""
    esc = l.startswith(b"\\")
    body = l[1:] if esc else l
    h, sep, name = body[:64], body[64:66], body[66:]
    if len(h) != 64 or not HEX.issuperset(h) or sep not in (b"  ", b" *"):
        return None
    if esc:
        out, i = bytearray(), 0
        while i < len(name):
            if name[i:i + 1] == b"\\" and i + 1 < len(name):
                out += {b"n": b"\n", b"\\": b"\\"}.get(name[i + 1:i + 2], name[i:i + 2])
                i += 2
            else:
                out += name[i:i + 1]
                i += 1
        name = bytes(out)
    return h.decode().lower(), name


def sums_check(d, manifest):
    """`cd D && sha256sum --quiet --strict -c MANIFEST`: True when it passes."""
    try:
        data = read(os.path.join(d, manifest))
    except OSError as e:
        fail("%s: %s: %s" % (show(d), show(manifest), e.strerror))
        return False
    ok = True
    n = 0
    for no, l in enumerate(lines(data), 1):
        m = sumline(l)
        if not m:
            fail("%s: %s: line %d is not a checksum line" % (show(d), show(manifest), no))
            ok = False
            continue
        n += 1
        want, name = m
        try:
            got = sha256(read(os.path.join(d, name))).hexdigest()
        except OSError as e:
            fail("%s: %s: %s: %s" % (show(d), show(manifest), show(name), e.strerror))
            ok = False
            continue
        if got != want:
            fail("%s: %s: %s: FAILED" % (show(d), show(manifest), show(name)))
            ok = False
    if n == 0:
        fail("%s: %s: no properly formatted checksum lines" % (show(d), show(manifest)))
        ok = False
    return ok


def payload(d):
    """`cd D && find data -type f`: the paths and their sizes"""
    out = {}
    top = os.path.join(d, b"data")
    for root, dirs, files in os.walk(top):
        for f in dirs + files:
            p = os.path.join(root, f)
            st = os.lstat(p)
            if stat.S_ISREG(st.st_mode):
                out[os.path.relpath(p, d)] = st.st_size
    return out


def bag_ok(d):
    before = bad
    if not sums_check(d, b"manifest-sha256.txt"):
        fail("%s: manifest-sha256.txt does not check" % show(d))
        return False
    if not sums_check(d, b"tagmanifest-sha256.txt"):
        fail("%s: tagmanifest-sha256.txt does not check" % show(d))
        return False
    files = payload(d)
    names = lambda m: [l[66:] for l in lines(read(os.path.join(d, m)))]
    expect_list("%s: manifest" % show(d), names(b"manifest-sha256.txt"), list(files))
    tags = [b"bag-info.txt", b"bagit.txt", b"manifest-sha256.txt"]
    for t in (b"bundle-index.tsv", b"bundle-index-keys.tsv"):
        if os.path.lexists(os.path.join(d, t)):
            tags.append(t)
    expect_list("%s: tag manifest" % show(d), names(b"tagmanifest-sha256.txt"),
                tags)
    expect("%s: Payload-Oxum" % show(d), field(d, "Payload-Oxum"),
           "%d.%d" % (sum(files.values()), len(files)))
    return bad == before


def item_id(g):
    return sha256(g).hexdigest()[:16]


_stdin = None


def guids_in():
    """the guids on standard input (read once, for every command)"""
    global _stdin
    if _stdin is None:
        _stdin = lines(sys.stdin.buffer.read())
    return _stdin


def cmd_bag(args):
    for d in args:
        bag_ok(os.fsencode(d))


def cmd_layout(args):
    (d,) = args
    d = os.fsencode(d)
    data = os.path.join(d, b"data")
    gs = guids_in()
    cat = xml_root(os.path.join(data, b"catalog.xml"))
    refs = descendants(cat, "itemRef")
    expect("itemRefs", len(refs), len(gs))
    expect("itemRefs per guid", len({r.get("residref") for r in refs if r.get("residref") is not None}), len(gs))
    rows = tsv(d)
    # Every file or directory under data/items by its name, as find -name
    # sees them.
    named = {}
    for root, dirs, files in os.walk(os.path.join(data, b"items")):
        for f in dirs + files:
            named.setdefault(f, []).append(os.path.relpath(os.path.join(root, f), data))
    for gb in gs:
        g = show(gb)
        i = item_id(gb)
        found = named.get(i.encode() + b".xml", [])
        if not expect("files of %s" % g, len(found), 1):
            continue
        item = show(found[0])
        try:
            root = xml_root(os.path.join(data, found[0]))
        except (SyntaxError, OSError) as e:
            fail("%s: %s" % (item, e))
            continue
        expect("guid in %s" % item, root.get("guid", ""), g)
        created = [c for cm in children(root, "contentMeta") for c in children(cm, "contentCreated")]
        day = string(created)[:10]
        sub = day.replace("-", "/") if day else "undated"
        expect("path of %s" % g, item, "items/%s/%s.xml" % (sub, i))
        orig = "originals/%s/%s.txt" % (sub, i)
        op = os.path.join(data, os.fsencode(orig))
        if not os.path.isfile(op):
            fail("no %s" % orig)
            continue
        s = sha256(read(op)).hexdigest()
        expect("hash of %s" % orig, s,
               string([h for im in children(root, "itemMeta") for h in children(im, "hash")]))
        expect("itemRef of %s" % g,
               sum(1 for r in refs if r.get("residref") == g and r.get("href") == item), 1)
        got = "\n".join(" ".join(show(r[k]) if k < len(r) else "" for k in (8, 9, 10))
                        for r in rows if r[0] == gb)
        expect("tsv of %s" % g, got, "%s %s %s" % (item, orig, s))


def cmd_parts(args):
    name, n, x = args[0], int(args[1]), os.fsencode(args[2])
    opts = dict(zip(args[3::2], args[4::2]))
    each = int(opts["--items-each"]) if "--items-each" in opts else None
    most = int(opts["--max-bytes"]) if "--max-bytes" in opts else None
    want = guids_in()
    got = []
    keys = []
    for k in range(1, n + 1):
        b = "%s-%04d" % (name, k)
        d = os.path.join(x, b.encode())
        if not bag_ok(d):
            continue
        expect("%s Bag-Count" % b, field(d, "Bag-Count"), "%d of %d" % (k, n))
        expect("%s Bag-Group-Identifier" % b, field(d, "Bag-Group-Identifier"), name)
        expect("%s External-Identifier" % b, field(d, "External-Identifier"), b)
        rows = tsv(d)
        cat = xml_root(os.path.join(d, b"data/catalog.xml"))
        expect("%s itemRefs" % b, len(descendants(cat, "itemRef")), len(rows))
        if not rows:
            fail("%s: no item" % b)
        if each is not None:
            expect("items in %d" % k, len(rows), each if k < n else len(set(want)) - each * (n - 1))
        if most is not None:
            size = sum(v for p, v in payload(d).items()
                       if p.startswith((b"data/items/", b"data/originals/")))
            if size > most:
                fail("%s: %d bytes of items and originals" % (show(d), size))
        got += [r[0] for r in rows]
        keys += [r[8] if len(r) > 8 else b"" for r in rows]
    # None repeated, none lost, and the parts in path order.
    repeated = sorted({g for g in got if got.count(g) > 1})
    expect("repeated", "\n".join(map(show, repeated)), "")
    expect_list("items of the parts", got, want)
    # sed -E 's,^items/,,; s,\.xml$,,'
    keys = [k[6:] if k.startswith(b"items/") else k for k in keys]
    keys = [k[:-4] if k.endswith(b".xml") else k for k in keys]
    for a, b in zip(keys, keys[1:]):
        if a > b:
            fail("parts not in path order: %s before %s" % (show(a), show(b)))
            break


def cmd_holds(args):
    (d,) = args
    d = os.fsencode(d)
    expect_list("%s: packed" % show(d), [r[0] for r in tsv(d)], guids_in())


def cmd_versions(args):
    d, g = os.fsencode(args[0]), args[1]
    gb = os.fsencode(g)
    rows = [r for r in tsv(d) if r[0] == gb]
    tv = "\n".join(show(r[1]) if len(r) > 1 else "" for r in rows)
    iv = ""
    if len(rows) == 1 and len(rows[0]) > 8:
        iv = xml_root(os.path.join(d, b"data", rows[0][8])).get("version", "")
    cat = xml_root(os.path.join(d, b"data/catalog.xml"))
    refs = [r for r in descendants(cat, "itemRef") if r.get("residref") == g]
    rv = refs[0].get("version", "") if refs else ""
    print(tv, iv, rv)


def main():
    cmds = {"bag": cmd_bag, "layout": cmd_layout, "parts": cmd_parts, "holds": cmd_holds,
            "versions": cmd_versions}
    # Several commands, one after the other, joined by "+".
    runs = [[]]
    for a in sys.argv[1:]:
        if a == "+":
            runs.append([])
        else:
            runs[-1].append(a)
    if any(not r or r[0] not in cmds for r in runs):
        print("usage: bag-check.py bag|layout|parts|holds|versions ARGS... [+ ...]", file=sys.stderr)
        return 2
    for r in runs:
        cmds[r[0]](r[1:])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
