#!/usr/bin/env python3
"""members.py: a .tar.gz bundle of warta's, read member by member with
Python's zlib and tarfile only (no warta code), for t0520.

  check BUNDLE
      every member is a gzip member of warta's layout (BGZF's: its size in
      a 'W' 'M' extra subfield) that zlib inflates alone, of at most
      1 MiB; the locator (an empty member, 'W' 'I') ends the file and
      points at the member where bundle-index.tsv's tar header starts,
      points at the member where bundle-index-keys.tsv's tar header
      starts, its length covering the keys' members; every line of
      bundle-index.tsv is right (at OFFSET a member starts, and SKIP bytes
      into its data, and on across members, is the tar header of PATH),
      and the lines are sorted by key (an item's or original's id, any
      other entry's path), then path; every line of the keys points at a
      member that starts (SKIP bytes in) with a whole line of the index
      whose key is KEY, and the lines of one key are never in two chunks.
      Prints "members N entries M chunks K".

  lie BUNDLE OUT
      OUT is BUNDLE with the OFFSET and SKIP of its first item's index
      line replaced by those of another item (of the same length, so only
      the index's one chunk and what follows it move): an index that
      lies.  Prints the path whose line lies.

  damage BUNDLE OUT
      OUT is BUNDLE with one byte flipped in the DEFLATE data of the
      member in the middle of the items; prints that member's offset and
      the paths whose header or data it holds, one a line.
"""
import struct
import sys
import tarfile
import io
import zlib

MEMBER_MAX = 1 << 20


def fail(msg):
    sys.stderr.write("members.py: %s\n" % msg)
    sys.exit(1)


def members(data):
    """(offset, size, is_locator) of each member"""
    out, at = [], 0
    while at < len(data):
        h = data[at:at + 20]
        if h[:4] != b"\x1f\x8b\x08\x04" or h[10:12] not in (b"\x08\x00", b"\x14\x00"):
            fail("byte %d: not a member of warta's layout" % at)
        if h[12:14] == b"WM" and h[14:16] == b"\x04\x00":
            size = struct.unpack("<I", h[16:20])[0]
            out.append((at, size, False))
        elif h[12:14] == b"WI" and h[14:16] == b"\x10\x00":
            size = 42
            out.append((at, size, True))
        else:
            fail("byte %d: no W M or W I subfield" % at)
        at += size
    return out


def inflate(data, off, size):
    d = zlib.decompressobj(31)
    out = d.decompress(data[off:off + size])
    if not d.eof or d.unused_data:
        fail("member at %d: not exactly one gzip member" % off)
    return out


def stream_from(data, mlist, off, skip):
    """the data of the members from the one at off on, skip bytes dropped"""
    starts = [m[0] for m in mlist]
    if off not in starts:
        fail("no member starts at %d" % off)
    k = starts.index(off)
    buf = b"".join(inflate(data, o, s) for o, s, loc in mlist[k:] if not loc)
    return buf[skip:]


def header_name(block):
    ti = tarfile.TarInfo.frombuf(block[:512], "utf-8", "surrogateescape")
    return ti.name, ti.size


def key(path):
    if path.startswith("data/items/") or path.startswith("data/originals/"):
        return path.rsplit("/", 1)[1].split(".", 1)[0]
    return path


def entry(tar, name):
    """the data of the tar entry whose path ends in /name"""
    at = 0
    while at + 512 <= len(tar) and tar[at:at + 512] != b"\0" * 512:
        n, size = header_name(tar[at:at + 512])
        if n.split("/", 1)[1] == name:
            return tar[at + 512:at + 512 + size]
        at += 512 + (size + 511) // 512 * 512
    fail("no %s in the bundle" % name)


def read_index(data, mlist):
    """(the locator's offset, its length, the keys, the index)"""
    o, s, loc = mlist[-1]
    if not loc:
        fail("the file does not end in a locator")
    koff, klen = struct.unpack("<QQ", data[o + 16:o + 32])
    if data[o + 32:o + 42] != b"\x03\x00" + b"\x00" * 8:
        fail("the locator is not an empty member")
    tail = stream_from(data, mlist, koff, 0)
    name, size = header_name(tail)
    if not name.endswith("/bundle-index-keys.tsv"):
        fail("the locator points at %s, not the keys" % name)
    span = sum(s for o2, s, l in mlist if koff <= o2 < koff + klen)
    if span != klen:
        fail("the locator's length %d is not whole members (%d)" % (klen, span))
    keys = tail[512:512 + size].decode()
    tar = b"".join(inflate(data, o2, s2) for o2, s2, l in mlist if not l)
    return koff, klen, keys, entry(tar, "bundle-index.tsv").decode()


def check(path):
    data = open(path, "rb").read()
    mlist = members(data)
    for o, s, loc in mlist:
        if not loc and len(inflate(data, o, s)) > MEMBER_MAX:
            fail("member at %d holds more than %d bytes" % (o, MEMBER_MAX))
    koff, klen, keys, text = read_index(data, mlist)
    lines = text.split("\n")
    if lines[0] != "offset\tskip\tpath" or lines[-1] != "":
        fail("index: bad first or last line")
    paths = [l.split("\t")[2] for l in lines[1:-1]]
    if paths != sorted(paths, key=lambda p: (key(p).encode(), p.encode())):
        fail("index: not sorted by key, then path")
    klines = keys.split("\n")
    if klines[0] != "key\toffset\tskip" or klines[-1] != "":
        fail("keys: bad first or last line")
    firsts = []
    for kl in klines[1:-1]:
        k, off, skip = kl.split("\t")
        chunk = stream_from(data, mlist, int(off), int(skip)).decode("utf-8", "replace")
        first = chunk.split("\n", 2)
        line = first[1] if first[0] == "offset\tskip\tpath" else first[0]
        if key(line.split("\t")[2]) != k:
            fail("keys: %s does not start the chunk at %s+%s" % (k, off, skip))
        firsts.append(line)
    # No key in two chunks: the line before each chunk's first has
    # another key.
    for f in firsts[1:]:
        i = lines.index(f)
        if key(lines[i - 1].split("\t")[2]) == key(f.split("\t")[2]):
            fail("keys: the lines of %s are in two chunks" % key(f.split("\t")[2]))
    # One pass: the whole tar, and where each member starts in it.
    tar = b"".join(inflate(data, o, s) for o, s, loc in mlist if not loc)
    at, starts = 0, {}
    for o, s, loc in mlist:
        if not loc:
            starts[o] = at
            at += len(inflate(data, o, s))
    for n, line in enumerate(lines[1:-1], 2):
        off, skip, p = line.split("\t")
        off, skip = int(off), int(skip)
        if off not in starts:
            fail("index line %d: no member starts at %d" % (n, off))
        name, size = header_name(tar[starts[off] + skip:starts[off] + skip + 512])
        if name.split("/", 1)[1] != p:
            fail("index line %d: %s is at %d+%d, not %s" % (n, name, off, skip, p))
    print("members %d entries %d chunks %d" % (len(mlist), len(lines) - 2,
                                               len(klines) - 2))


def member_bytes(raw):
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    body = c.compress(raw) + c.flush()
    size = 20 + len(body) + 8
    head = b"\x1f\x8b\x08\x04\x00\x00\x00\x00\x00\xff\x08\x00WM\x04\x00" + struct.pack("<I", size)
    return head + body + struct.pack("<II", zlib.crc32(raw), len(raw))


def lie(path, out):
    data = open(path, "rb").read()
    mlist = members(data)
    koff, klen, keys, text = read_index(data, mlist)
    if len(keys.split("\n")) != 3:
        fail("lie: the index has more than one chunk")
    lines = text.split("\n")
    items = [i for i, l in enumerate(lines) if "\tdata/items/" in l]
    a = items[0]
    pa = lines[a].split("\t")
    same = [i for i in items[1:]
            if len("\t".join(lines[i].split("\t")[:2])) == len("\t".join(pa[:2]))
            and lines[i].split("\t")[:2] != pa[:2]]
    if not same:
        fail("lie: no other item line of the same length")
    pb = lines[same[-1]].split("\t")
    lines[a] = "\t".join(pb[:2] + pa[2:])
    new = "\n".join(lines).encode()
    # The one chunk: in the member where the index's tar header is.
    k = keys.split("\n")[1].split("\t")
    ioff = int(k[1])
    idx = [m[0] for m in mlist].index(ioff)
    o, size, l = mlist[idx]
    raw = inflate(data, o, size)
    at = raw.index(text.encode())
    raw = raw[:at] + new + raw[at + len(new):]
    m = member_bytes(raw)
    delta = len(m) - size
    rest = data[o + size:]
    loc = rest[-42:]
    loc = loc[:16] + struct.pack("<QQ", koff + delta, klen) + loc[32:]
    open(out, "wb").write(data[:o] + m + rest[:-42] + loc)
    print(pa[2])


def damage(path, out):
    data = bytearray(open(path, "rb").read())
    mlist = [m for m in members(bytes(data)) if not m[2]]
    koff, klen, keys, text = read_index(bytes(data), members(bytes(data)))
    o, s, loc = mlist[len(mlist) // 3]
    data[o + 20 + (s - 28) // 2] ^= 0x55
    open(out, "wb").write(bytes(data))
    print(o)
    # Its entries: the lines whose member is it.
    for line in text.split("\n")[1:-1]:
        off, skip, p = line.split("\t")
        if int(off) == o:
            print(p)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "check":
        check(sys.argv[2])
    elif cmd == "lie":
        lie(sys.argv[2], sys.argv[3])
    elif cmd == "damage":
        damage(sys.argv[2], sys.argv[3])
    else:
        fail("unknown command " + cmd)
