/*
 * base/blockz_read.c: the members of a blockz stream, read in order and
 * decompressed on threads ahead of the caller; see base/blockz.h.
 *
 * The main thread reads the file sequentially (it may be a pipe) and
 * finds each member's end without decompressing it: from the size in a
 * gzip member's header, or from the block headers of a zstd frame
 * (ZSTD_findFrameCompressedSize).  Each member is a job; a damaged one is
 * a failed job, reported with its offset when its turn comes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <unistd.h>

#include <libdeflate.h>
#include <zstd.h>

#include "base/blockz.h"
#include "base/workpool.h"

#define GZ_HEAD		20
#define GZ_TAIL		8
/* Reads ask for what a member needs, rounded up to this: a whole
 * member of a bundle read in order comes in a read or two, and one
 * item read out of a bundle costs little more than its member. */
#define READ_CHUNK	((size_t)64 << 10)

/*
 * A member read, then decompressed; jobs are used again, buffers and
 * all, so that memory does not grow with the bundle.  The buffers are
 * mappings of their own, for the writer's reason (blockz.c): from the
 * heap, the buffers of members of 1 MiB made warta-verify's peak memory
 * 12% larger at 100,000 items than at 10,000.
 */
#define IN_MAP		(BLOCKZ_MEMBER_MAX + BLOCKZ_MEMBER_MAX / 4)
struct rjob {
	uint64_t offset;	/* in the file */
	unsigned char *in;	/* in_cap bytes mapped */
	unsigned char *out;	/* BLOCKZ_MEMBER_MAX bytes, once mapped */
	size_t in_len, out_len, in_cap;
	const char *why;	/* NULL: decompressed */
	struct rjob *next;	/* on the list of jobs to use again */
};

struct blockz_reader {
	int fd;
	enum blockz_kind kind;
	struct workpool *pool;
	void **ctx;		/* a decompressor per thread */
	unsigned threads;
	/* the file's bytes read and not yet made jobs: buf[start, end) is
	 * the file from pos on */
	unsigned char *buf;
	size_t start, end, cap;
	uint64_t pos, limit, in_bytes;
	int eof;
	uint64_t skip;
	struct rjob *given;	/* the member last given back */
	struct rjob *spare;
	uint64_t given_offset;
	/* a problem found while reading, reported once the members before
	 * it are given back */
	char why[160];
	uint64_t why_offset;
	int broken;
};

static uint32_t
get_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static void *
map_buffer(size_t n)
{
	void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE |
	    MAP_ANONYMOUS, -1, 0);

	return p != MAP_FAILED ? p : NULL;
}

/* Room in j->out for any member (the callers refuse one that says it
 * holds more), mapped the first time. */
static int
out_mapped(struct rjob *j)
{
	if (j->out == NULL && (j->out = map_buffer(BLOCKZ_MEMBER_MAX)) ==
	    NULL) {
		j->why = "out of memory";
		return -1;
	}
	return 0;
}

static void
inflate_gzip(struct rjob *j, struct libdeflate_decompressor *d)
{
	size_t isize, got_in, got_out;
	enum libdeflate_result rc;

	if (j->in_len == BLOCKZ_LOCATOR_GZIP && !blockz_is_member(j->in,
	    j->in_len))
		return;		/* the locator: no data */
	isize = get_le32(j->in + j->in_len - 4);
	if (isize > BLOCKZ_MEMBER_MAX) {
		j->why = "says it holds more than a member may";
		return;
	}
	if (out_mapped(j) != 0)
		return;
	rc = libdeflate_deflate_decompress_ex(d, j->in + GZ_HEAD,
	    j->in_len - GZ_HEAD - GZ_TAIL, j->out, isize, &got_in, &got_out);
	if (rc != LIBDEFLATE_SUCCESS || got_out != isize ||
	    got_in != j->in_len - GZ_HEAD - GZ_TAIL) {
		j->why = "its data is damaged";
		return;
	}
	if (libdeflate_crc32(0, j->out, isize) !=
	    get_le32(j->in + j->in_len - 8)) {
		j->why = "its CRC-32 does not match its data";
		return;
	}
	j->out_len = isize;
}

static void
inflate_zstd(struct rjob *j, ZSTD_DCtx *d)
{
	unsigned long long size;
	size_t n;

	/* A skippable frame (the locator) holds no data. */
	if (j->in_len >= 8 && (get_le32(j->in) & 0xFFFFFFF0u) == 0x184D2A50u)
		return;
	size = ZSTD_getFrameContentSize(j->in, j->in_len);
	if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR
	    || size > BLOCKZ_MEMBER_MAX) {
		j->why = "does not say its size, or says more than a member "
		    "may hold";
		return;
	}
	if (out_mapped(j) != 0)
		return;
	n = ZSTD_decompressDCtx(d, j->out, (size_t)size, j->in, j->in_len);
	if (ZSTD_isError(n) || n != size) {
		j->why = "its data is damaged";
		return;
	}
	j->out_len = n;
}

static void
inflate_job(void *v, unsigned thread, void *arg)
{
	struct blockz_reader *r = arg;
	struct rjob *j = v;

	if (r->kind == BLOCKZ_GZIP)
		inflate_gzip(j, r->ctx[thread]);
	else
		inflate_zstd(j, r->ctx[thread]);
}

static void
rjob_free(struct rjob *j)
{
	if (j == NULL)
		return;
	if (j->in != NULL)
		munmap(j->in, j->in_cap);
	if (j->out != NULL)
		munmap(j->out, BLOCKZ_MEMBER_MAX);
	free(j);
}

/* At least want bytes in buf from start, unless the file ends first:
 * how many there are; -1 on a read error (r->why). */
static ssize_t
ensure(struct blockz_reader *r, size_t want)
{
	ssize_t got;
	size_t room;

	while (r->end - r->start < want && !r->eof) {
		if (r->start > 0) {
			memmove(r->buf, r->buf + r->start, r->end - r->start);
			r->end -= r->start;
			r->start = 0;
		}
		if (r->cap - r->end < READ_CHUNK && r->cap < want + READ_CHUNK) {
			size_t cap = want + 2 * READ_CHUNK;
			unsigned char *n = realloc(r->buf, cap);

			if (n == NULL) {
				snprintf(r->why, sizeof(r->why),
				    "out of memory");
				return -1;
			}
			r->buf = n;
			r->cap = cap;
		}
		room = r->cap - r->end;
		if (room > want - (r->end - r->start) + READ_CHUNK)
			room = want - (r->end - r->start) + READ_CHUNK;
		if (r->limit != UINT64_MAX && room > r->limit - r->pos -
		    (r->end - r->start))
			room = (size_t)(r->limit - r->pos -
			    (r->end - r->start));
		if (room == 0) {
			r->eof = 1;
			break;
		}
		got = read(r->fd, r->buf + r->end, room);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			snprintf(r->why, sizeof(r->why), "%s", strerror(errno));
			return -1;
		}
		if (got == 0)
			r->eof = 1;
		r->end += (size_t)got;
		r->in_bytes += (uint64_t)got;
	}
	return (ssize_t)(r->end - r->start);
}

/* The size of the member at buf[start]: 0 at the end of the file, -1
 * (r->why) when it is not one. */
static ssize_t
member_size(struct blockz_reader *r)
{
	ssize_t have;
	size_t n, want;

	if (r->kind == BLOCKZ_GZIP) {
		if ((have = ensure(r, GZ_HEAD)) <= 0)
			return have;
		if (blockz_is_member(r->buf + r->start, (size_t)have))
			n = get_le32(r->buf + r->start + 16);
		else if (have >= BLOCKZ_LOCATOR_GZIP && r->buf[r->start] ==
		    0x1f && r->buf[r->start + 12] == 'W' &&
		    r->buf[r->start + 13] == 'I')
			n = BLOCKZ_LOCATOR_GZIP;
		else {
			snprintf(r->why, sizeof(r->why), "not a member of a "
			    "blocked gzip file (warta's layout)");
			return -1;
		}
		if (n < GZ_HEAD + GZ_TAIL && n != BLOCKZ_LOCATOR_GZIP) {
			snprintf(r->why, sizeof(r->why), "a member's size in "
			    "its header is too small");
			return -1;
		}
		/* Not read into memory first: what a member of at most
		 * BLOCKZ_MEMBER_MAX compresses to is well under IN_MAP. */
		if (n > IN_MAP) {
			snprintf(r->why, sizeof(r->why), "a member's size in "
			    "its header is larger than a member may be");
			return -1;
		}
		if ((have = ensure(r, n)) < 0)
			return -1;
		if ((size_t)have < n) {
			snprintf(r->why, sizeof(r->why), "the file ends inside "
			    "a member");
			return -1;
		}
		return (ssize_t)n;
	}
	/* A frame is never more than the bound of a full member. */
	for (want = 4096;; want *= 2) {
		if ((have = ensure(r, want)) <= 0)
			return have;
		n = ZSTD_findFrameCompressedSize(r->buf + r->start,
		    (size_t)have);
		if (!ZSTD_isError(n))
			return (ssize_t)n;
		if ((size_t)have < want || want > ZSTD_compressBound(
		    BLOCKZ_MEMBER_MAX) + 4096) {
			snprintf(r->why, sizeof(r->why), "%s",
			    (size_t)have < want ? "the file ends inside a frame"
			    : "not a zstd frame, or one larger than a member "
			    "may be");
			return -1;
		}
	}
}

/* A job with room for n bytes read: one used before, or a new one. */
static struct rjob *
rjob_new(struct blockz_reader *r, size_t n)
{
	struct rjob *j = r->spare;
	unsigned char *p;

	if (j != NULL)
		r->spare = j->next;
	else if ((j = calloc(1, sizeof(*j))) == NULL)
		return NULL;
	j->out_len = 0;
	j->why = NULL;
	if (j->in_cap < n) {
		size_t cap = n > IN_MAP ? n : IN_MAP;

		if ((p = map_buffer(cap)) == NULL) {
			rjob_free(j);
			return NULL;
		}
		if (j->in != NULL)
			munmap(j->in, j->in_cap);
		j->in = p;
		j->in_cap = cap;
	}
	return j;
}

/* Done with j: kept to be used again. */
static void
rjob_put(struct blockz_reader *r, struct rjob *j)
{
	if (j == NULL)
		return;
	j->next = r->spare;
	r->spare = j;
}

/* Makes jobs of the members read, while the pool has room. */
static void
fill(struct blockz_reader *r)
{
	struct rjob *j;
	ssize_t n;

	while (!r->broken && !workpool_full(r->pool)) {
		/* On one thread, a member is decompressed when it is
		 * wanted, not ahead: reading one entry out of a bundle
		 * decompresses the members it is in, and no more. */
		if (r->threads == 1 && workpool_pending(r->pool) > 0)
			return;
		if ((n = member_size(r)) <= 0) {
			if (n < 0) {
				r->broken = 1;
				r->why_offset = r->pos;
			}
			return;
		}
		if ((j = rjob_new(r, (size_t)n)) == NULL) {
			snprintf(r->why, sizeof(r->why), "out of memory");
			r->broken = 1;
			r->why_offset = r->pos;
			return;
		}
		memcpy(j->in, r->buf + r->start, (size_t)n);
		j->in_len = (size_t)n;
		j->offset = r->pos;
		r->start += (size_t)n;
		r->pos += (uint64_t)n;
		workpool_submit(r->pool, j);
	}
}

struct blockz_reader *
blockz_reader_new(int fd, enum blockz_kind kind, uint64_t offset,
    uint64_t limit, uint64_t skip, unsigned threads, struct warta_error *err)
{
	struct blockz_reader *r;
	unsigned i;

	if (threads == 0)
		threads = 1;
	if ((r = calloc(1, sizeof(*r))) == NULL ||
	    (r->ctx = calloc(threads, sizeof(*r->ctx))) == NULL) {
		free(r);
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	r->fd = fd;
	r->kind = kind;
	r->threads = threads;
	r->pos = offset;
	r->limit = limit;
	r->skip = skip;
	for (i = 0; i < threads; i++) {
		r->ctx[i] = kind == BLOCKZ_GZIP ?
		    (void *)libdeflate_alloc_decompressor() :
		    (void *)ZSTD_createDCtx();
		if (r->ctx[i] == NULL) {
			warta_error_set(err, -1, "out of memory");
			goto fail;
		}
	}
	if (offset != 0 && lseek(fd, (off_t)offset, SEEK_SET) < 0) {
		warta_error_set(err, -1, "%s", strerror(errno));
		goto fail;
	}
	if ((r->pool = workpool_new(threads, 0, inflate_job, r, err)) ==
	    NULL)
		goto fail;
	return r;
fail:
	blockz_reader_free(r);
	return NULL;
}

void
blockz_reader_free(struct blockz_reader *r)
{
	struct rjob *j;
	unsigned i;

	if (r == NULL)
		return;
	if (r->pool != NULL) {
		while ((j = workpool_next(r->pool)) != NULL)
			rjob_free(j);
		workpool_free(r->pool);
	}
	for (i = 0; r->ctx != NULL && i < r->threads; i++) {
		if (r->ctx[i] == NULL)
			continue;
		if (r->kind == BLOCKZ_GZIP)
			libdeflate_free_decompressor(r->ctx[i]);
		else
			ZSTD_freeDCtx(r->ctx[i]);
	}
	rjob_free(r->given);
	while ((j = r->spare) != NULL) {
		r->spare = j->next;
		rjob_free(j);
	}
	free(r->ctx);
	free(r->buf);
	free(r);
}

int
blockz_reader_next(struct blockz_reader *r, const void **p, size_t *n,
    struct warta_error *err)
{
	struct rjob *j;
	size_t skip;

	for (;;) {
		rjob_put(r, r->given);
		r->given = NULL;
		fill(r);
		if ((j = workpool_next(r->pool)) == NULL) {
			if (r->broken)
				return warta_error_set(err, (long long)
				    r->why_offset, "byte %llu: %s",
				    (unsigned long long)r->why_offset, r->why);
			return 0;
		}
		r->given = j;
		r->given_offset = j->offset;
		if (j->why != NULL)
			return warta_error_set(err, (long long)j->offset,
			    "the member at byte %llu: %s",
			    (unsigned long long)j->offset, j->why);
		skip = r->skip < j->out_len ? (size_t)r->skip : j->out_len;
		r->skip -= skip;
		if (j->out_len > skip) {
			*p = j->out + skip;
			*n = j->out_len - skip;
			return 1;
		}
	}
}

uint64_t
blockz_reader_offset(const struct blockz_reader *r)
{
	return r->given_offset;
}

size_t
blockz_reader_member_size(const struct blockz_reader *r)
{
	return r->given != NULL ? r->given->out_len : 0;
}

uint64_t
blockz_reader_in_bytes(const struct blockz_reader *r)
{
	return r->in_bytes;
}
