#!/usr/bin/env python3
"""mutate.py SEED COUNT INPUT OUTDIR: COUNT damaged copies of INPUT.

Each copy has one to eight changes: a byte replaced, a run deleted,
random bytes or a piece of markup inserted.  The same SEED gives the same
copies, so a failure can be run again by its file name.
"""
import os
import random
import sys

MARKUP = [b'<', b'>', b'&', b'"', b'</', b'<!--', b']]>', b'<![CDATA[',
          b'&#0;', b'\xff\xfe', b'\xc3', b'<!DOCTYPE x [<!ENTITY e "e">]>']


def main():
    seed, count, src, outdir = (int(sys.argv[1]), int(sys.argv[2]),
                                sys.argv[3], sys.argv[4])
    rng = random.Random(seed)
    base = open(src, 'rb').read()
    for i in range(count):
        b = bytearray(base)
        for _ in range(rng.randint(1, 8)):
            k = rng.randrange(len(b))
            op = rng.random()
            if op < 0.5:
                b[k] = rng.randrange(256)
            elif op < 0.7:
                del b[k:k + rng.randint(1, 64)]
            elif op < 0.85:
                b[k:k] = rng.choice(MARKUP)
            else:
                b[k:k] = bytes(rng.randrange(256)
                               for _ in range(rng.randint(1, 32)))
        with open(os.path.join(outdir, '%04d' % i), 'wb') as f:
            f.write(b)


if __name__ == '__main__':
    main()
