/*
 * bagit/read.c: a serialized bag, entry by entry, safely; see bagit/read.h.
 *
 * The reading itself, the refusals and the bounds are base/archive_in.c's,
 * the one place where warta opens an archive it did not write; what is a
 * bag's own is here: the formats bags travel in, the options that raise
 * the bounds, the bag's directory and what lies outside it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/archive_in.h"
#include "base/hash.h"
#include "base/name.h"
#include "bagit/read.h"

struct bag_reader {
	struct archive_in *in;
	char *name;		/* the bag's directory */
	/* The files' paths seen, as 64-bit hashes in an open-addressed
	 * table (0 is a free slot): eight bytes an entry, where the paths
	 * would take a hundred.  Two different paths of a bag share a hash
	 * about once in ten million bags of two million entries. */
	uint64_t *seen;
	size_t nseen, capseen;	/* capseen: a power of two, or 0 */
};

void
bag_limits_default(struct bag_limits *l)
{
	l->max_entries = LIMIT_ARCHIVE_ENTRIES;
	l->max_bytes = LIMIT_ARCHIVE_BYTES;
	l->max_entry = LIMIT_ARCHIVE_ENTRY;
	l->max_ratio = LIMIT_ARCHIVE_RATIO;
}

struct bag_reader *
bag_reader_open(const char *path, const struct bag_limits *limits,
    struct warta_error *err)
{
	struct archive_in_limits l;
	struct bag_reader *r;

	if ((r = calloc(1, sizeof(*r))) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	memset(&l, 0, sizeof(l));
	l.max_entries = limits->max_entries;
	l.max_bytes = limits->max_bytes;
	l.max_entry = limits->max_entry;
	l.max_ratio = limits->max_ratio;
	l.opt_entries = "--max-entries";
	l.opt_bytes = "--max-bytes";
	l.opt_entry = "--max-entry";
	l.opt_ratio = "--max-ratio";
	/* The two formats bags travel in. */
	if ((r->in = archive_in_open_path(path, ARCHIVE_IN_TAR |
	    ARCHIVE_IN_ZIP, &l, err)) == NULL) {
		free(r);
		return NULL;
	}
	return r;
}

void
bag_reader_free(struct bag_reader *r)
{
	if (r == NULL)
		return;
	archive_in_free(r->in);
	free(r->name);
	free(r->seen);
	free(r);
}

const char *
bag_reader_name(const struct bag_reader *r)
{
	return r->name != NULL ? r->name : "";
}

unsigned long long
bag_reader_data_bytes(const struct bag_reader *r)
{
	return archive_in_data_bytes(r->in);
}

unsigned long long
bag_reader_file_bytes(const struct bag_reader *r)
{
	return archive_in_file_bytes(r->in);
}

static void
seen_put(uint64_t *table, size_t cap, uint64_t h)
{
	size_t i = (size_t)h & (cap - 1);

	while (table[i] != 0 && table[i] != h)
		i = (i + 1) & (cap - 1);
	table[i] = h;
}

/*
 * Whether a file of this path was in the bag already (1), after noting it
 * (0); -1 when out of memory.  A second copy of a path is never taken: a
 * second catalog.tsv would be read after the first, a second item written
 * over the first by warta-unpack --force.
 */
static int
seen_before(struct bag_reader *r, const char *path)
{
	uint64_t h = fnv1a(FNV1A_INIT, path, strlen(path)), *t;
	size_t i, cap;

	if (h == 0)
		h = 1;
	if (r->capseen > 0)
		for (i = (size_t)h & (r->capseen - 1); r->seen[i] != 0;
		    i = (i + 1) & (r->capseen - 1))
			if (r->seen[i] == h)
				return 1;
	if (2 * (r->nseen + 1) > r->capseen) {
		cap = r->capseen > 0 ? 2 * r->capseen : 1024;
		if ((t = calloc(cap, sizeof(*t))) == NULL)
			return -1;
		for (i = 0; i < r->capseen; i++)
			if (r->seen[i] != 0)
				seen_put(t, cap, r->seen[i]);
		free(r->seen);
		r->seen = t;
		r->capseen = cap;
	}
	seen_put(r->seen, r->capseen, h);
	r->nseen++;
	return 0;
}

int
bag_reader_next(struct bag_reader *r, struct bag_entry *out,
    struct warta_error *err)
{
	struct archive_in_entry e;
	const char *rel, *why;
	size_t nlen;
	int rc, seen;

	for (;;) {
		memset(&e, 0, sizeof(e));
		rc = archive_in_next(r->in, &e, err);
		/* A header taken (even one a bound then stopped at) is the
		 * entry the caller hears of. */
		if (e.index != 0) {
			memset(out, 0, sizeof(*out));
			out->index = e.index;
			out->archive_path = e.archive_path;
			out->size = e.size;
		}
		/* A name no terminal or file system should be given,
		 * refused as a ".." is. */
		if (rc > 0 && rc != ARCHIVE_IN_REFUSED &&
		    (why = name_problem(e.path)) != NULL) {
			warta_error_set(err, -1, "%s refused", why);
			rc = ARCHIVE_IN_REFUSED;
		}
		if (rc == ARCHIVE_IN_FILE) {
			if ((seen = seen_before(r, e.path)) < 0)
				return warta_error_set(err, -1,
				    "out of memory");
			if (seen) {
				warta_error_set(err, -1, "a second entry of "
				    "this name refused");
				rc = ARCHIVE_IN_REFUSED;
			}
		}
		if (rc == ARCHIVE_IN_REFUSED) {
			out->path = out->archive_path;
			return BAG_ENTRY_REFUSED;
		}
		/* The bag's directory: the first clean entry's first part. */
		if (e.path != NULL && r->name == NULL) {
			nlen = strcspn(e.path, "/");
			if ((r->name = strndup(e.path, nlen)) == NULL)
				return warta_error_set(err, -1,
				    "out of memory");
		}
		if (rc <= 0)
			return rc;
		if (rc == ARCHIVE_IN_DIR)
			continue;
		nlen = strlen(r->name);
		rel = e.path;
		if (strncmp(rel, r->name, nlen) == 0 && rel[nlen] == '/') {
			out->path = rel + nlen + 1;
			return BAG_ENTRY_FILE;
		}
		out->path = rel;
		return BAG_ENTRY_OUTSIDE;
	}
}

int
bag_reader_read(struct bag_reader *r, struct wbuf *out,
    struct warta_error *err)
{
	return archive_in_read_all(r->in, out, err);
}
