/*
 * base/spool.h: anonymous temporary files for data that must wait on disk
 * (warta-pack's spool of items, the runs of an external sort, the lines of
 * a manifest).
 *
 * glibc's tmpfile(3) always uses /tmp, which may be a small tmpfs; a spool
 * of a large batch can be as large as the batch.  These files go to
 * $TMPDIR when it is set (else /tmp), and are unlinked at once, so they
 * disappear with the process however it ends.
 */
#ifndef WARTA_SPOOL_H
#define WARTA_SPOOL_H

#include <stdio.h>

#include "base/warta.h"

/* A new empty file open for reading and writing; NULL with err. */
FILE *spool_open(struct warta_error *err);

/*
 * Closes the n spools of fps, and empties fps, on a thread of its own:
 * closing the last descriptor of a large unlinked file is the kernel
 * freeing its pages, 14 ms for warta-pack's 115 MB of 10,000 items, and
 * the caller has other work meanwhile.  spool_closed() waits for it and
 * frees what this returns; NULL (no thread could be started) means the
 * spools were closed here, at once.
 */
struct spool_closing *spool_close_behind(FILE **fps, size_t n);
void spool_closed(struct spool_closing *c);

#endif
