/*
 * bagit/read.c: a serialized bag, entry by entry, safely; see bagit/read.h.
 *
 * The reading itself, the refusals and the bounds are base/archive_in.c's,
 * the one place where warta opens an archive it did not write; what is a
 * bag's own is here: the formats bags travel in, the options that raise
 * the bounds, the bag's directory and what lies outside it.
 */
#include <stdlib.h>
#include <string.h>

#include "base/archive_in.h"
#include "bagit/read.h"

struct bag_reader {
	struct archive_in *in;
	char *name;		/* the bag's directory */
};

void
bag_limits_default(struct bag_limits *l)
{
	l->max_entries = BAG_DEFAULT_MAX_ENTRIES;
	l->max_bytes = BAG_DEFAULT_MAX_BYTES;
	l->max_entry = BAG_DEFAULT_MAX_ENTRY;
	l->max_ratio = BAG_DEFAULT_MAX_RATIO;
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

int
bag_reader_next(struct bag_reader *r, struct bag_entry *out,
    struct warta_error *err)
{
	struct archive_in_entry e;
	const char *rel;
	size_t nlen;
	int rc;

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
