/*
 * base/extsort.h: sorting fixed-size records that may not fit in memory.
 *
 * warta-pack holds one record per item (a hash of its guid, its version,
 * its date, where it was spooled) and must sort them twice, whatever the
 * number of items, in memory that does not grow with it.  Records are
 * sorted in runs of at most EXTSORT_RUN_BYTES in memory, each run written
 * to an anonymous temporary file, and the runs merged.  The sort is
 * stable only as far as cmp makes it: give every record a unique key
 * (a sequence number) where ties matter.
 */
#ifndef WARTA_EXTSORT_H
#define WARTA_EXTSORT_H

#include <stddef.h>
#include <stdio.h>

#include "base/warta.h"

/* Memory for one run, allocated once per sort. */
#define EXTSORT_RUN_BYTES	((size_t)512 << 10)
/* Runs merged at once; more runs are merged in several passes. */
#define EXTSORT_MAX_FANIN	64

typedef int (*extsort_cmp)(const void *a, const void *b);

/*
 * Reads records of size bytes from in (from where it stands to its end;
 * a partial record at the end is an error), and writes them sorted by
 * cmp to out (at its current position).  size is 1 to 4096.  Input that
 * fits in one run needs no temporary file; more needs at most two, from
 * spool_open() (in $TMPDIR, else /tmp), together twice the size of the
 * input at most.
 * Fails, with a message in err, on a read or write error or when memory
 * runs out; out then holds a part of the records at most.
 */
int extsort(FILE *in, FILE *out, size_t size, extsort_cmp cmp,
    struct warta_error *err);

#endif
