/*
 * bagit/index.h: where each entry of a .tar.gz or .tar.zst bundle of
 * independent members (base/blockz.h) starts, so that one item is read
 * out of a bundle of millions by decompressing a member or two.
 *
 * Two tag files (listed in the tag manifests like the others), TSV with a
 * header line:
 *
 *   bundle-index.tsv       offset	skip	path
 *                          10485	1024	data/items/2021/08/10/4a26fdcfb6cdb4b8.xml
 *
 * a line for each entry before it: offset is where the member (gzip
 * member, zstd frame) that holds the entry's tar header starts in the
 * bundle file, skip the bytes of that member's data before the header,
 * path the entry's path in the bag.  So one entry is read with
 *
 *   tail -c +$((offset + 1)) B.tar.gz | gzip -dc | tail -c +$((skip + 1)) | tar -xf - NAME/PATH
 *
 * The lines are sorted by key, then path: the key of an item or an
 * original (data/items/..., data/originals/...) is its id, the name of its
 * file without the extension (the first 16 hex digits of the SHA-256 of
 * its guid: bagit/catalog.h), of any other entry its path.  The file is
 * written in chunks of about BAG_INDEX_CHUNK bytes, each in a member of
 * its own, never cut between two lines of one key, and
 *
 *   bundle-index-keys.tsv  key	offset	skip
 *
 * gives each chunk's first key, and where it is (its member, and the
 * bytes before it there: the index's tar header, for the first).  A
 * locator at the end of the file (base/blockz.h) points at the keys'
 * member.  Finding a guid: the keys (a line for every few hundred
 * items), the one chunk its id falls in, the item's member.
 *
 * The files are untrusted like the rest of a bundle: every line is
 * checked when it is used, and an entry read through them must be the
 * one they name (bag_index_read()).  warta-verify checks them against
 * the bundle.
 */
#ifndef WARTA_BAGIT_INDEX_H
#define WARTA_BAGIT_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "bagit/read.h"
#include "base/buf.h"
#include "base/warta.h"

#define BAG_INDEX_NAME		"bundle-index.tsv"
#define BAG_INDEX_KEYS_NAME	"bundle-index-keys.tsv"
/* A path longer than this leaves the bag without an index. */
#define BAG_INDEX_PATH_MAX	112
#define BAG_INDEX_CHUNK		((size_t)32 << 10)

/* An entry, as the writer spools and sorts it (base/extsort.h). */
struct bag_index_rec {
	uint64_t offset, skip;
	/* Where its key is in path: found once, not at each comparison
	 * of the sort (a third of its time went there) */
	uint32_t key_at, key_len;
	char path[BAG_INDEX_PATH_MAX];	/* NUL-terminated */
};

/* The key of path into key (size bytes at least BAG_INDEX_PATH_MAX). */
void bag_index_key(const char *path, char *key, size_t size);
/* rec emptied, with path and its key; -1 when path is too long for it. */
int bag_index_rec_set(struct bag_index_rec *rec, const char *path);
/* Orders records by key, then path. */
int bag_index_rec_cmp(const void *a, const void *b);

struct bag_index;

/* One line of the index. */
struct bag_index_entry {
	unsigned long long offset, skip;
	const char *path;	/* valid until the next lookup */
};

/*
 * The index of the bundle at path: 1 and *out, 0 when the bundle has
 * none (not one of independent members, or written without an index:
 * another tool's), -1 with err when it has a locator but its keys cannot
 * be read or are not well formed, -2 with err when its bag-info.txt says
 * it holds more entries or bytes than limits allow (the bounds a reading
 * of the whole bundle stops at).
 */
int bag_index_open(const char *path, const struct bag_limits *limits,
    struct bag_index **out, struct warta_error *err);
void bag_index_free(struct bag_index *x);

/* The line of path: 1 with e, 0 when there is none, -1 with err when
 * its chunk cannot be read or a line of it is not well formed. */
int bag_index_find(struct bag_index *x, const char *path,
    struct bag_index_entry *e, struct warta_error *err);
/* The line of the item whose id is id (data/items/.../ID.xml): the same. */
int bag_index_find_item(struct bag_index *x, const char *id,
    struct bag_index_entry *e, struct warta_error *err);

/*
 * Every line, chunk by chunk through the keys (in the order of the keys:
 * by key, then path), to fn until it returns nonzero: 0 at the end, fn's
 * value, or -1 with err when a chunk cannot be read or a line is not
 * well formed.
 */
int bag_index_each(struct bag_index *x,
    int (*fn)(void *arg, const struct bag_index_entry *e), void *arg,
    struct warta_error *err);

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
