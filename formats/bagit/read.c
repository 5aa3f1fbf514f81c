/*
 * bagit/read.c: a serialized bag, entry by entry, safely; see bagit/read.h.
 *
 * The reading itself, the refusals and the bounds are base/archive_in.c's,
 * the one place where warta opens an archive it did not write; what is a
 * bag's own is here: the formats bags travel in, the options that raise
 * the bounds, the bag's directory and what lies outside it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bagit/index.h"
#include "base/archive_in.h"
#include "base/blockz.h"
#include "base/hash.h"
#include "base/hashset.h"
#include "base/spool.h"
#include "base/name.h"
#include "bagit/read.h"
#include <stdio.h>

#define MEMBERS_KEPT	256

struct bag_reader {
	struct archive_in *in;
	/* a bundle of independent members: libarchive reads the tar that
	 * blockz decompresses (chunk: what is left of its last member) */
	int fd;
	struct blockz_reader *bz;
	const unsigned char *chunk;
	size_t chunk_len;
	/* where the last members start, in the tar stream and in the file:
	 * libarchive reads ahead of the entry it gives, by less than this
	 * many members */
	struct member_at {
		long long tar;		/* negative: skipped bytes */
		unsigned long long file;
	} members[MEMBERS_KEPT];
	unsigned long long nmembers;
	long long tar_pos;	/* tar bytes given to libarchive */
	char *name;		/* the bag's directory */
	/* The files' paths seen, as 64-bit hashes, in memory that does not
	 * grow with the bag (base/hashset.h): eight bytes an entry, where
	 * the paths would take a hundred.  Two different paths of a bag
	 * share a hash about once in ten million bags of two million
	 * entries.  NULL until the first file. */
	struct hashset *seen;
	/* Read whole: where each entry before the index was found, for
	 * bag_check_index() (struct bag_index_rec); saw_index once the
	 * index went by. */
	struct spool recs;
	int saw_index;
	long long bad;		/* the damaged member's offset, or -1 */
	unsigned long long damaged[16];	/* members passed over, the first */
	size_t ndamaged;
	char *path;		/* of the bundle, to resume after damage */
	int kind;
	struct bag_limits limits;
};

void
bag_limits_default(struct bag_limits *l)
{
	l->max_entries = LIMIT_ARCHIVE_ENTRIES;
	l->max_bytes = LIMIT_ARCHIVE_BYTES;
	l->max_entry = LIMIT_ARCHIVE_ENTRY;
	l->max_ratio = LIMIT_ARCHIVE_RATIO;
	l->threads = 1;
}

static void
in_limits(const struct bag_limits *limits, struct archive_in_limits *l)
{
	memset(l, 0, sizeof(*l));
	l->max_entries = limits->max_entries;
	l->max_bytes = limits->max_bytes;
	l->max_entry = limits->max_entry;
	l->max_ratio = limits->max_ratio;
	l->opt_entries = "--max-entries";
	l->opt_bytes = "--max-bytes";
	l->opt_entry = "--max-entry";
	l->opt_ratio = "--max-ratio";
}

/* The kind of a bundle of independent members at fd, by its first
 * bytes (and, for zstd, the locator at its end); -1 when it is not one. */
static int
blocked_kind(int fd)
{
	unsigned char head[32], tail[BLOCKZ_LOCATOR_ZSTD];
	uint64_t off, len;
	struct stat st;
	off_t size;

	if (pread(fd, head, sizeof(head), 0) != (ssize_t)sizeof(head))
		return -1;
	if (blockz_is_member(head, sizeof(head)))
		return BLOCKZ_GZIP;
	/* A zstd frame: warta's, when the file ends in its locator. */
	if (memcmp(head, "\x28\xb5\x2f\xfd", 4) != 0 || fstat(fd, &st) != 0 ||
	    (size = st.st_size) < (off_t)sizeof(tail) ||
	    pread(fd, tail, sizeof(tail), size - (off_t)sizeof(tail)) !=
	    (ssize_t)sizeof(tail) ||
	    blockz_read_locator(BLOCKZ_ZSTD, tail, sizeof(tail), &off, &len) !=
	    0)
		return -1;
	return BLOCKZ_ZSTD;
}

/* archive_in's read function over the members. */
static long
read_members(void *ctx, void *buf, size_t n, struct warta_error *err)
{
	struct bag_reader *r = ctx;
	const void *p;
	int rc;

	while (r->chunk_len == 0) {
		struct member_at *m;

		if ((rc = blockz_reader_next(r->bz, &p, &r->chunk_len, err)) <=
		    0) {
			if (rc < 0)
				r->bad = err->offset;
			return rc;
		}
		r->chunk = p;
		m = &r->members[r->nmembers++ % MEMBERS_KEPT];
		m->file = blockz_reader_offset(r->bz);
		/* The first member's data may start past skipped bytes. */
		m->tar = r->tar_pos - (long long)(blockz_reader_member_size(
		    r->bz) - r->chunk_len);
	}
	r->tar_pos += (long long)(n < r->chunk_len ? n : r->chunk_len);
	if (n > r->chunk_len)
		n = r->chunk_len;
	memcpy(buf, r->chunk, n);
	r->chunk += n;
	r->chunk_len -= n;
	return (long)n;
}

/* Where the entry whose header is at tar offset pos starts: its member's
 * offset and the bytes before it in the member. */
static void
locate(const struct bag_reader *r, unsigned long long pos,
    struct bag_entry *e)
{
	unsigned long long k = r->nmembers, oldest;
	const struct member_at *m;

	oldest = k > MEMBERS_KEPT ? k - MEMBERS_KEPT : 0;
	while (k > oldest) {
		m = &r->members[--k % MEMBERS_KEPT];
		if (m->tar <= (long long)pos) {
			e->located = 1;
			e->member_offset = m->file;
			e->member_skip = pos - (unsigned long long)m->tar;
			return;
		}
	}
}

static int open_members(struct bag_reader *, int, uint64_t, uint64_t,
    uint64_t, const struct bag_limits *, struct warta_error *);

/* Notes where the entry rel (NAME/...) was, until the index goes by. */
static int
record(struct bag_reader *r, const struct bag_entry *e, const char *rel,
    size_t nlen)
{
	struct bag_index_rec rec;
	const char *p;

	if (r->recs.fp == NULL || r->saw_index || !e->located ||
	    strncmp(rel, r->name, nlen) != 0 || rel[nlen] != '/')
		return 0;
	p = rel + nlen + 1;
	if (strcmp(p, BAG_INDEX_NAME) == 0) {
		r->saw_index = 1;
		return 0;
	}
	if (bag_index_rec_set(&rec, p) != 0)
		return 0;	/* the index has no line for it either */
	rec.offset = e->member_offset;
	rec.skip = e->member_skip;
	return fwrite(&rec, sizeof(rec), 1, r->recs.fp) == 1 ? 0 : -1;
}

FILE *
bag_reader_index_records(struct bag_reader *r, int *saw_index)
{
	*saw_index = r->saw_index;
	return r->recs.fp;
}

int
bag_reader_was_damaged(const struct bag_reader *r, unsigned long long offset)
{
	size_t i;

	for (i = 0; i < r->ndamaged; i++)
		if (r->damaged[i] == offset)
			return 1;
	return 0;
}

/* Index lines for bag_reader_resume(): the entries of the damaged
 * member, and the first entry after it. */
struct resume {
	unsigned long long bad;
	struct wbuf *held;
	unsigned long long next_offset, next_skip;
	int found, oom;
};

static int
resume_scan(void *arg, const struct bag_index_entry *e)
{
	struct resume *s = arg;

	if (e->offset == s->bad && (wbuf_puts(s->held, e->path) != WARTA_OK ||
	    wbuf_putc(s->held, '\n') != WARTA_OK))
		s->oom = 1;
	if (e->offset > s->bad && (!s->found || e->offset < s->next_offset ||
	    (e->offset == s->next_offset && e->skip < s->next_skip))) {
		s->found = 1;
		s->next_offset = e->offset;
		s->next_skip = e->skip;
	}
	return 0;
}

int
bag_reader_resume(struct bag_reader *r, unsigned long long *bad,
    struct wbuf *held, struct warta_error *err)
{
	struct bag_index *x = NULL;
	struct resume s;
	int rc;

	if (r->bz == NULL || r->path == NULL || r->bad < 0)
		return 0;
	memset(&s, 0, sizeof(s));
	s.bad = *bad = (unsigned long long)r->bad;
	r->bad = -1;
	if (r->ndamaged < sizeof(r->damaged) / sizeof(r->damaged[0]))
		r->damaged[r->ndamaged++] = s.bad;
	s.held = held;
	if ((rc = bag_index_open(r->path, &r->limits, &x, err)) <= 0)
		return rc < 0 ? -1 : 0;
	rc = bag_index_each(x, resume_scan, &s, err);
	bag_index_free(x);
	if (rc < 0)
		return -1;
	if (s.oom)
		return warta_error_set(err, -1, "out of memory");
	if (!s.found)
		return 0;
	/* What was read of the damaged member is left; the tar starts
	 * again at the next entry. */
	archive_in_free(r->in);
	r->in = NULL;
	blockz_reader_free(r->bz);
	r->bz = NULL;
	r->chunk_len = 0;
	r->nmembers = 0;
	r->tar_pos = 0;
	if (open_members(r, r->kind, s.next_offset, s.next_skip, UINT64_MAX,
	    &r->limits, err) != WARTA_OK)
		return -1;
	return 1;
}

/* Opens r->fd's members from offset on. */
static int
open_members(struct bag_reader *r, int kind, uint64_t offset, uint64_t skip,
    uint64_t limit, const struct bag_limits *limits, struct warta_error *err)
{
	struct archive_in_limits l;

	if ((r->bz = blockz_reader_new(r->fd, (enum blockz_kind)kind, offset,
	    limit, skip, limits->threads, err)) == NULL)
		return WARTA_FAILED;
	in_limits(limits, &l);
	/* The tar stream only: what compressed it was checked here. */
	if ((r->in = archive_in_open_read(read_members, r, ARCHIVE_IN_TAR,
	    &l, err)) == NULL)
		return WARTA_FAILED;
	return WARTA_OK;
}

struct bag_reader *
bag_reader_open_at(const char *path, unsigned long long offset,
    unsigned long long skip, unsigned long long limit,
    const struct bag_limits *limits, struct warta_error *err)
{
	struct bag_reader *r;
	int kind;

	if ((r = calloc(1, sizeof(*r))) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	if ((r->fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		warta_error_set(err, -1, "%s", strerror(errno));
		goto fail;
	}
	if ((kind = blocked_kind(r->fd)) < 0) {
		warta_error_set(err, -1, "not a bundle of independent members");
		goto fail;
	}
	if (open_members(r, kind, offset, skip, limit, limits, err) !=
	    WARTA_OK)
		goto fail;
	return r;
fail:
	bag_reader_free(r);
	return NULL;
}

struct bag_reader *
bag_reader_open(const char *path, const struct bag_limits *limits,
    struct warta_error *err)
{
	struct archive_in_limits l;
	struct bag_reader *r;
	int kind;

	if ((r = calloc(1, sizeof(*r))) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	r->fd = -1;
	r->bad = -1;
	if (strcmp(path, "-") != 0 &&
	    (r->fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0 &&
	    (kind = blocked_kind(r->fd)) >= 0) {
		r->kind = kind;
		r->limits = *limits;
		if ((r->path = strdup(path)) == NULL) {
			warta_error_set(err, -1, "out of memory");
			bag_reader_free(r);
			return NULL;
		}
		if (spool_open(&r->recs, err) == NULL ||
		    lseek(r->fd, 0, SEEK_SET) != 0 || open_members(r, kind, 0,
		    0, UINT64_MAX, limits, err) != WARTA_OK) {
			bag_reader_free(r);
			return NULL;
		}
		return r;
	}
	if (r->fd >= 0) {
		close(r->fd);
		r->fd = -1;
	}
	in_limits(limits, &l);
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
	blockz_reader_free(r->bz);
	if (r->fd >= 0)
		close(r->fd);
	spool_close(&r->recs);
	free(r->path);
	free(r->name);
	hashset_free(r->seen);
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
	/* libarchive sees the members' data, not the file. */
	if (r->bz != NULL)
		return blockz_reader_in_bytes(r->bz);
	return archive_in_file_bytes(r->in);
}

/*
 * Whether a file of this path was in the bag already (1), after noting it
 * (0); -1 with err when out of memory or a temporary file fails.  A second
 * copy of a path is never taken: a second catalog.tsv would be read after
 * the first, a second item written over the first by warta-unpack
 * --force.
 */
static int
seen_before(struct bag_reader *r, const char *path, struct warta_error *err)
{
	if (r->seen == NULL && (r->seen = hashset_new(err)) == NULL)
		return -1;
	return hashset_add(r->seen, fnv1a(FNV1A_INIT, path, strlen(path)),
	    err);
}

/*
 * The tar ended: the members after its end must still be whole (a bundle
 * cut short in its last member, or in its locator, is a damaged one,
 * as gzip -t says), though what they hold is not read.
 */
static int
drain_members(struct bag_reader *r, struct warta_error *err)
{
	const void *p;
	size_t n;
	int rc;

	while ((rc = blockz_reader_next(r->bz, &p, &n, err)) > 0)
		;
	return rc;
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
			if ((seen = seen_before(r, e.path, err)) < 0)
				return -1;
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
		if (rc == 0 && r->bz != NULL)
			return drain_members(r, err);
		if (rc <= 0)
			return rc;
		if (rc == ARCHIVE_IN_DIR)
			continue;
		nlen = strlen(r->name);
		rel = e.path;
		if (r->bz != NULL) {
			locate(r, archive_in_header_offset(r->in), out);
			if (record(r, out, rel, nlen) != 0)
				return warta_error_set(err, -1, "temporary "
				    "file: %s", strerror(errno));
		}
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

long
bag_reader_read_some(struct bag_reader *r, void *buf, size_t n,
    struct warta_error *err)
{
	return archive_in_read(r->in, buf, n, err);
}
