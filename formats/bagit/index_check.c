/*
 * bagit/index_check.c: the index against the bundle; see
 * bagit/index_check.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bagit/index.h"
#include "bagit/index_check.h"
#include "base/extsort.h"
#include "base/spool.h"

/* Problems told one by one; past this, only counted. */
#define TOLD_MAX	20

struct compare {
	struct spool found;	/* sorted as the index is */
	struct bag_index_rec rec;
	int have;		/* rec holds the next entry found */
	unsigned long problems;
	const struct bag_reader *r;
	bag_problem_fn *fn;
	void *arg;
};

static void
tell(struct compare *c, const char *fmt, const char *path,
    unsigned long long a, unsigned long long b, unsigned long long x,
    unsigned long long y)
{
	char msg[512];

	if (++c->problems > TOLD_MAX)
		return;
	snprintf(msg, sizeof(msg), fmt, path, a, b, x, y);
	c->fn(c->arg, BAG_INDEX_NAME, msg);
}

static void
next_found(struct compare *c)
{
	c->have = fread(&c->rec, sizeof(c->rec), 1, c->found.fp) == 1;
}

/* One line of the index against the entries found. */
static int
compare_line(void *arg, const struct bag_index_entry *e)
{
	struct compare *c = arg;
	struct bag_index_rec line;
	int k;

	/* A damaged member's entries were named already. */
	if (bag_reader_was_damaged(c->r, e->offset))
		return 0;
	/* The index's paths are shorter than a record's (index.c). */
	if (bag_index_rec_set(&line, e->path) != 0)
		return 0;
	while (c->have && (k = bag_index_rec_cmp(&c->rec, &line)) < 0) {
		tell(c, "%s: in the bundle, and not in the index", c->rec.path,
		    0, 0, 0, 0);
		next_found(c);
	}
	if (!c->have || bag_index_rec_cmp(&c->rec, &line) > 0) {
		tell(c, "%s: in the index, and not in the bundle (or not in "
		    "its order)", e->path, 0, 0, 0, 0);
		return 0;
	}
	if (c->rec.offset != e->offset || c->rec.skip != e->skip)
		tell(c, "%s: the index says byte %llu (+%llu), it starts at "
		    "byte %llu (+%llu)", e->path, e->offset, e->skip,
		    c->rec.offset, c->rec.skip);
	next_found(c);
	return 0;
}

void
bag_check_index(struct bag_reader *r, const char *path,
    const struct bag_limits *limits, bag_problem_fn *fn, void *arg)
{
	struct bag_limits l = *limits;
	struct bag_index *x = NULL;
	struct warta_error err;
	struct compare c;
	char msg[64];
	FILE *recs;
	int saw, rc;

	memset(&c, 0, sizeof(c));
	c.fn = fn;
	c.arg = arg;
	c.r = r;
	warta_error_clear(&err);
	if ((recs = bag_reader_index_records(r, &saw)) == NULL)
		return;
	/* The bounds were those of the reading whole, passed already. */
	l.max_entries = l.max_bytes = ~0ULL;
	if ((rc = bag_index_open(path, &l, &x, &err)) == 0) {
		if (saw)
			fn(arg, BAG_INDEX_NAME, "no locator at the end of the "
			    "bundle points at the index: the file was cut "
			    "short, or appended to");
		return;
	}
	if (rc < 0) {
		fn(arg, BAG_INDEX_KEYS_NAME, err.message);
		return;
	}
	if (spool_open(&c.found, &err) == NULL ||
	    fflush(recs) != 0 || fseek(recs, 0, SEEK_SET) != 0 ||
	    extsort(recs, c.found.fp, sizeof(struct bag_index_rec),
	    bag_index_rec_cmp, &err) != WARTA_OK ||
	    fflush(c.found.fp) != 0 || fseek(c.found.fp, 0, SEEK_SET) != 0) {
		fn(arg, BAG_INDEX_NAME, err.message[0] != '\0' ? err.message :
		    strerror(errno));
		goto out;
	}
	next_found(&c);
	if (bag_index_each(x, compare_line, &c, &err) < 0)
		fn(arg, BAG_INDEX_NAME, err.message);
	else
		while (c.have) {
			tell(&c, "%s: in the bundle, and not in the index",
			    c.rec.path, 0, 0, 0, 0);
			next_found(&c);
		}
	if (c.problems > TOLD_MAX) {
		snprintf(msg, sizeof(msg), "and %lu problems more",
		    c.problems - TOLD_MAX);
		fn(arg, BAG_INDEX_NAME, msg);
	}
out:
	spool_close(&c.found);
	bag_index_free(x);
}
