/*
 * base/spool.h: anonymous temporary files for data that must wait on disk
 * (warta-pack's spool of items, the runs of an external sort, the lines of
 * a manifest).
 *
 * glibc's tmpfile(3) always uses /tmp, which may be a small tmpfs; a spool
 * of a large batch can be as large as the batch.  These files go to
 * $TMPDIR when it is set (else /tmp), and are unlinked at once, so they
 * disappear with the process however it ends.
 *
 * A spool is its FILE and the stdio buffer it writes through, which is
 * ours: given setvbuf(fp, NULL, ...), glibc ignores the size and allocates
 * st_blksize, 4 KiB, and warta-pack's spool of 10,000 items was 27,000
 * write(2) calls, 7 to 10% of its time on a virtual machine.  64 KiB
 * makes 16 times fewer; 256 KiB measured no faster.  stdio never frees a buffer
 * it was given, so the spool keeps it, for spool_close() to free.
 */
#ifndef WARTA_SPOOL_H
#define WARTA_SPOOL_H

#include <stdio.h>

#include "base/warta.h"

#define SPOOL_BUFFER	((size_t)64 << 10)

struct spool {
	FILE *fp;		/* NULL when not open */
	char *buf;		/* fp's buffer, SPOOL_BUFFER bytes */
};
/* A spool not open, for spool_open() or spool_close(). */
#define SPOOL_INIT { NULL, NULL }

/*
 * Opens s as a new empty file for reading and writing, and returns its
 * FILE; NULL with err.  s must not be open.
 */
FILE *spool_open(struct spool *s, struct warta_error *err);
/* Closes s, when it is open, and frees its buffer; fclose()'s result, 0
 * when it was not open.  s is then not open. */
int spool_close(struct spool *s);

/*
 * Closes the n spools of ss, and leaves them not open, on a thread of its
 * own: closing the last descriptor of a large unlinked file is the kernel
 * freeing its pages, 14 ms for warta-pack's 115 MB of 10,000 items, and
 * the caller has other work meanwhile.  spool_closed() waits for it and
 * frees what this returns; NULL (no thread could be started) means the
 * spools were closed here, at once.
 */
struct spool_closing *spool_close_behind(struct spool *ss, size_t n);
void spool_closed(struct spool_closing *c);

#endif
