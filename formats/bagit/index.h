/*
 * bagit/index.h: bundle-index.tsv, where each entry of a .tar.gz or
 * .tar.zst bundle of independent members starts (bagit/write.h writes it).
 *
 * A tag file (listed in the tag manifests like the others), TSV with a
 * header line, one line an entry before it, in the order of the tar:
 *
 *   offset	skip	path
 *   0	0	bagit.txt
 *   0	1024	data/items/2021/08/10/4a26fdcfb6cdb4b8.xml
 *
 * offset is where the member (gzip member, zstd frame) that holds the
 * entry's tar header starts in the bundle file, skip the bytes of that
 * member's data before the header, path the entry's path in the bag.  So
 * one entry is read by decompressing from offset on:
 *
 *   tail -c +$((offset + 1)) B.tar.gz | gzip -dc | tail -c +$((skip + 1)) | tar -xf - PATH
 *
 * The index itself starts a member; a locator at the end of the file
 * (base/blockz.h) gives its offset and the length of its members, so it is
 * found without reading the bundle.
 *
 * The index is untrusted like the rest of a bundle: every line is checked
 * when it is read, and an entry read through it must be the one it names
 * (bag_index_read()).
 */
#ifndef WARTA_BAGIT_INDEX_H
#define WARTA_BAGIT_INDEX_H

#include <stddef.h>

#include "bagit/read.h"
#include "base/buf.h"
#include "base/warta.h"

#define BAG_INDEX_NAME	"bundle-index.tsv"

struct bag_index;

/* One line of the index. */
struct bag_index_entry {
	unsigned long long offset, skip;
	const char *path;	/* valid while the index is */
};

/*
 * The index of the bundle at path: 1 and *out, 0 when the bundle has
 * none (not one of independent members, or written without an index:
 * older warta's, another tool's), -1 with err when it has a locator but
 * its index cannot be read, -2 with err when the index lists more entries
 * than limits->max_entries allows (the bound a reading of the whole
 * bundle would stop at).  Only its first line is checked here: each
 * line is checked when it is used, so that finding one item in a bundle
 * of millions reads the index, and parses one line of it.
 */
int bag_index_open(const char *path, const struct bag_limits *limits,
    struct bag_index **out, struct warta_error *err);
void bag_index_free(struct bag_index *x);

/*
 * The next line from *pos (start it at 0) whose path has needle in it
 * (NULL: every line): 1 with e, 0 at the end, -1 with err when that line
 * is not OFFSET, SKIP and PATH or points outside the bundle.
 */
int bag_index_next(const struct bag_index *x, size_t *pos,
    const char *needle, struct bag_index_entry *e, struct warta_error *err);
/* The line of path: 1 with e, 0 when there is none, -1 as above. */
int bag_index_find(const struct bag_index *x, const char *path,
    struct bag_index_entry *e, struct warta_error *err);
/* How many lines' paths start with prefix. */
unsigned long bag_index_count(const struct bag_index *x, const char *prefix);

/*
 * Entry e's data (appended to out), read from its member on; the bag's
 * name into name (when not NULL; NUL-terminated, at most size bytes).  -1
 * with err when it cannot be read or the entry there is not the one the
 * index names.
 */
int bag_index_read(const struct bag_index *x,
    const struct bag_index_entry *e, const struct bag_limits *limits,
    struct wbuf *out, char *name, size_t size, struct warta_error *err);

#endif
