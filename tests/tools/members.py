#!/usr/bin/env python3
"""members.py: a .tar.gz bundle of warta's, read member by member with
Python's zlib and tarfile only (no warta code), for t0520.

  check BUNDLE
      every member is a gzip member of warta's layout (BGZF's: its size in
      a 'W' 'M' extra subfield) that zlib inflates alone, of at most
      256 KiB; the locator (an empty member, 'W' 'I') ends the file and
      points at the member where bundle-index.tsv's tar header starts,
      its length covering the index's members; and every line of the
      index is right: at OFFSET a member starts, and SKIP bytes into its
      data (and on, across members) is the tar header of PATH.  Prints
      "members N entries M".

  lie BUNDLE OUT
      OUT is BUNDLE with the paths of two item lines of its index swapped
      (the same length, so only the index's member and the locator's
      length change): an index that lies.

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

MEMBER_MAX = 256 << 10


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


def read_index(data, mlist):
    o, s, loc = mlist[-1]
    if not loc:
        fail("the file does not end in a locator")
    ioff, ilen = struct.unpack("<QQ", data[o + 16:o + 32])
    if data[o + 32:o + 42] != b"\x03\x00" + b"\x00" * 8:
        fail("the locator is not an empty member")
    tail = stream_from(data, mlist, ioff, 0)
    name, size = header_name(tail)
    if not name.endswith("/bundle-index.tsv"):
        fail("the locator points at %s, not the index" % name)
    span = sum(s for o2, s, l in mlist if ioff <= o2 < ioff + ilen)
    if span != ilen:
        fail("the locator's length %d is not whole members (%d)" % (ilen, span))
    text = tail[512:512 + size].decode()
    return ioff, ilen, text


def check(path):
    data = open(path, "rb").read()
    mlist = members(data)
    for o, s, loc in mlist:
        if not loc and len(inflate(data, o, s)) > MEMBER_MAX:
            fail("member at %d holds more than %d bytes" % (o, MEMBER_MAX))
    ioff, ilen, text = read_index(data, mlist)
    lines = text.split("\n")
    if lines[0] != "offset\tskip\tpath" or lines[-1] != "":
        fail("index: bad first or last line")
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
        name, size = header_name(tar[starts[off] + skip:])
        if name.split("/", 1)[1] != p:
            fail("index line %d: %s is at %d+%d, not %s" % (n, name, off, skip, p))
    print("members %d entries %d" % (len(mlist), len(lines) - 2))


def member_bytes(raw):
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    body = c.compress(raw) + c.flush()
    size = 20 + len(body) + 8
    head = b"\x1f\x8b\x08\x04\x00\x00\x00\x00\x00\xff\x08\x00WM\x04\x00" + struct.pack("<I", size)
    return head + body + struct.pack("<II", zlib.crc32(raw), len(raw))


def lie(path, out):
    data = open(path, "rb").read()
    mlist = members(data)
    ioff, ilen, text = read_index(data, mlist)
    lines = text.split("\n")
    items = [i for i, l in enumerate(lines) if "\tdata/items/" in l]
    # The first and the last item whose paths have the same length.
    a = items[0]
    same = [i for i in items if len(lines[i]) == len(lines[a]) and i != a]
    if not same:
        fail("no two item paths of the same length")
    b = same[-1]
    pa, pb = lines[a].split("\t"), lines[b].split("\t")
    pa[2], pb[2] = pb[2], pa[2]
    lines[a], lines[b] = "\t".join(pa), "\t".join(pb)
    new = "\n".join(lines).encode()
    # The index's members: its header and data re-made into one member.
    k = [m[0] for m in mlist].index(ioff)
    raw = b"".join(inflate(data, o, s) for o, s, loc in mlist[k:] if o < ioff + ilen)
    raw = raw[:512] + new + raw[512 + len(new):]
    m = member_bytes(raw)
    rest = data[ioff + ilen:]
    loc = rest[-42:]
    loc = loc[:16] + struct.pack("<QQ", ioff, len(m)) + loc[32:]
    open(out, "wb").write(data[:ioff] + m + rest[:-42] + loc)


def damage(path, out):
    data = bytearray(open(path, "rb").read())
    mlist = [m for m in members(bytes(data)) if not m[2]]
    ioff, ilen, text = read_index(bytes(data), members(bytes(data)))
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
