/*
 * base/extsort.c: sorting fixed-size records in bounded memory.
 *
 * One buffer of EXTSORT_RUN_BYTES is allocated per sort (glibc's qsort
 * may allocate as much again for its merge sort).  The input is
 * read into it run by run; each run is sorted with qsort(3).  When the
 * whole input fits in one run it goes straight to out.  Otherwise every
 * run is appended to one temporary file, and the runs are merged, at most
 * EXTSORT_MAX_FANIN at once, pass after pass (between two temporary
 * files) until one pass can merge what is left into out.
 *
 * All runs but the last hold the same number of records, and a merge pass
 * multiplies that number by the fan-in, so a run is found from its index
 * alone: no list of runs is kept, and memory does not grow with the input.
 * Keeping the runs in one file, not one file each, keeps the number of
 * open descriptors at two, however many runs there are.
 *
 * The merge takes equal records from the earlier run first, but qsort is
 * not stable, so neither is the sort (base/extsort.h says what to do about it).
 */
#include <sys/types.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/extsort.h"
#include "base/spool.h"
#include "base/warta.h"

#define EXTSORT_SIZE_MAX	4096

/* Each source of a merge gets a slice of the run buffer of at least two
 * records, so refills are not one record at a time. */
_Static_assert(EXTSORT_RUN_BYTES / EXTSORT_SIZE_MAX >= 2 * EXTSORT_MAX_FANIN,
    "the run buffer is too small for the fan-in");

/* One run being merged: records [next, end) of the file are still to be
 * read; buf[at..have) are read and not yet written. */
struct source {
	off_t		 next;
	off_t		 end;
	unsigned char	*buf;
	size_t		 at;
	size_t		 have;
};

struct sort {
	size_t		 size;
	extsort_cmp	 cmp;
	struct warta_error *err;
	unsigned char	*buf;
	size_t		 cap;		/* records in buf */
	struct source	 src[EXTSORT_MAX_FANIN];
	int		 heap[EXTSORT_MAX_FANIN];
	int		 nheap;
};

static int
tmp_error(struct sort *s, int e)
{
	return warta_error_set(s->err, -1, "temporary file: %s", strerror(e));
}

/* Writes n records to fp; to_out says whether fp is the caller's out
 * (the message then speaks of the records, not of a temporary file). */
static int
write_records(struct sort *s, FILE *fp, const unsigned char *p, size_t n,
    int to_out)
{
	int e;

	if (n == 0 || fwrite(p, s->size, n, fp) == n)
		return WARTA_OK;
	e = errno;
	if (to_out)
		return warta_error_set(s->err, -1, "writing records: %s",
		    strerror(e));
	return tmp_error(s, e);
}

static int
flush(struct sort *s, FILE *fp, int to_out)
{
	int e;

	if (fflush(fp) == 0)
		return WARTA_OK;
	e = errno;
	if (to_out)
		return warta_error_set(s->err, -1, "writing records: %s",
		    strerror(e));
	return tmp_error(s, e);
}

/*
 * Fills the run buffer from in.  Sets *n to the whole records read (the
 * buffer is full unless the input ended) and *eof when the input ended.
 * off is the input offset of the buffer, for the message.
 */
static int
read_run(struct sort *s, FILE *in, off_t off, size_t *n, int *eof)
{
	size_t want = s->cap * s->size, got = 0, r;
	int c, e;

	*n = 0;
	*eof = 0;
	while (got < want) {
		r = fread(s->buf + got, 1, want - got, in);
		got += r;
		if (r > 0)
			continue;
		if (ferror(in)) {
			e = errno;
			return warta_error_set(s->err, off + (off_t)got,
			    "reading records: %s", strerror(e));
		}
		*eof = 1;
		break;
	}
	/* A full buffer may be the whole input: look ahead, so that one run
	 * never needs a temporary file. */
	if (!*eof) {
		if ((c = getc(in)) != EOF) {
			if (ungetc(c, in) == EOF)
				return warta_error_set(s->err, off + (off_t)got,
				    "reading records: cannot push back a byte");
		} else if (ferror(in)) {
			e = errno;
			return warta_error_set(s->err, off + (off_t)got,
			    "reading records: %s", strerror(e));
		} else
			*eof = 1;
	}
	if ((r = got % s->size) != 0)
		return warta_error_set(s->err, off + (off_t)(got - r),
		    "input ends inside a record");
	*n = got / s->size;
	return WARTA_OK;
}

/* Reads the next records of a source into its slice of len records. */
static int
refill(struct sort *s, FILE *fp, struct source *src, size_t len)
{
	size_t n;

	n = src->end - src->next < (off_t)len ? (size_t)(src->end - src->next) :
	    len;
	src->at = src->have = 0;
	if (n == 0)
		return WARTA_OK;
	if (fseeko(fp, src->next * (off_t)s->size, SEEK_SET) != 0)
		return tmp_error(s, errno);
	if (fread(src->buf, s->size, n, fp) != n) {
		if (ferror(fp))
			return tmp_error(s, errno);
		return warta_error_set(s->err, -1,
		    "temporary file: shorter than written");
	}
	src->next += (off_t)n;
	src->have = n;
	return WARTA_OK;
}

/* The heap orders sources by their current record, then by index: equal
 * records leave in run order. */
static int
before(const struct sort *s, int a, int b)
{
	const struct source *x = &s->src[a], *y = &s->src[b];
	int c;

	c = s->cmp(x->buf + x->at * s->size, y->buf + y->at * s->size);
	return c < 0 || (c == 0 && a < b);
}

static void
sift_down(struct sort *s, int i)
{
	int c, t;

	for (;;) {
		c = 2 * i + 1;
		if (c >= s->nheap)
			break;
		if (c + 1 < s->nheap && before(s, s->heap[c + 1], s->heap[c]))
			c++;
		if (!before(s, s->heap[c], s->heap[i]))
			break;
		t = s->heap[i];
		s->heap[i] = s->heap[c];
		s->heap[c] = t;
		i = c;
	}
}

/*
 * Merges the runs of len records that make up records [first, last) of
 * from (the last run may be shorter) into to.
 */
static int
merge_group(struct sort *s, FILE *from, off_t first, off_t last, off_t len,
    FILE *to, int to_out)
{
	struct source *src;
	size_t slice;
	int i, nsrc;

	nsrc = (int)((last - first + len - 1) / len);
	slice = s->cap / (size_t)nsrc;
	s->nheap = 0;
	for (i = 0; i < nsrc; i++) {
		src = &s->src[i];
		src->next = first + (off_t)i * len;
		src->end = last - src->next > len ? src->next + len : last;
		src->buf = s->buf + (size_t)i * slice * s->size;
		if (refill(s, from, src, slice) != WARTA_OK)
			return WARTA_FAILED;
		s->heap[s->nheap++] = i;
	}
	for (i = s->nheap / 2 - 1; i >= 0; i--)
		sift_down(s, i);

	while (s->nheap > 0) {
		src = &s->src[s->heap[0]];
		if (write_records(s, to, src->buf + src->at * s->size, 1,
		    to_out) != WARTA_OK)
			return WARTA_FAILED;
		if (++src->at == src->have &&
		    refill(s, from, src, slice) != WARTA_OK)
			return WARTA_FAILED;
		if (src->have == 0)
			s->heap[0] = s->heap[--s->nheap];
		sift_down(s, 0);
	}
	return WARTA_OK;
}

int
extsort(FILE *in, FILE *out, size_t size, extsort_cmp cmp,
    struct warta_error *err)
{
	struct sort s;
	struct spool from = SPOOL_INIT, to = SPOOL_INIT, t;
	FILE *dst;
	off_t total = 0, len, first, span;
	size_t n;
	int eof, final, rc = WARTA_FAILED;

	if (size < 1 || size > EXTSORT_SIZE_MAX)
		return warta_error_set(err, -1,
		    "record size %zu is not 1 to %d", size, EXTSORT_SIZE_MAX);
	memset(&s, 0, sizeof(s));
	s.size = size;
	s.cmp = cmp;
	s.err = err;
	s.cap = EXTSORT_RUN_BYTES / size;
	if ((s.buf = malloc(s.cap * size)) == NULL) {
		warta_error_set(err, -1, "out of memory");
		goto out;
	}

	/* The runs. */
	do {
		if (read_run(&s, in, total * (off_t)size, &n, &eof) != WARTA_OK)
			goto out;
		qsort(s.buf, n, size, cmp);
		if (total == 0 && eof) {
			/* One run: no temporary file. */
			if (write_records(&s, out, s.buf, n, 1) != WARTA_OK ||
			    flush(&s, out, 1) != WARTA_OK)
				goto out;
			rc = WARTA_OK;
			goto out;
		}
		if (from.fp == NULL && spool_open(&from, s.err) == NULL)
			goto out;
		if (write_records(&s, from.fp, s.buf, n, 0) != WARTA_OK)
			goto out;
		total += (off_t)n;
	} while (!eof);
	if (flush(&s, from.fp, 0) != WARTA_OK)
		goto out;

	/* The passes: runs of len records in from, merged into to or out. */
	for (len = (off_t)s.cap; ; len *= EXTSORT_MAX_FANIN) {
		final = (total - 1) / len < EXTSORT_MAX_FANIN;
		if (final)
			dst = out;
		else {
			if (to.fp == NULL && spool_open(&to, s.err) == NULL)
				goto out;
			/* Every pass writes all the records: the last pass's
			 * data is overwritten, never read past. */
			if (fseeko(to.fp, 0, SEEK_SET) != 0) {
				tmp_error(&s, errno);
				goto out;
			}
			dst = to.fp;
		}
		for (first = 0; first < total; first += span) {
			span = len > (total - first) / EXTSORT_MAX_FANIN ?
			    total - first : len * EXTSORT_MAX_FANIN;
			if (merge_group(&s, from.fp, first, first + span, len,
			    dst, final) != WARTA_OK)
				goto out;
		}
		if (flush(&s, dst, final) != WARTA_OK)
			goto out;
		if (final)
			break;
		t = from;
		from = to;
		to = t;
	}
	rc = WARTA_OK;
out:
	spool_close(&from);
	spool_close(&to);
	free(s.buf);
	return rc;
}
