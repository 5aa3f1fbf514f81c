/*
 * base/blockz.c: a stream of independent gzip members or zstd frames,
 * compressed and decompressed on a pool of threads; see base/blockz.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <libdeflate.h>
#include <zstd.h>

#include "base/blockz.h"
#include "base/workpool.h"

#define GZ_HEAD		20	/* with the 'W' 'M' subfield */
#define GZ_TAIL		8	/* CRC-32, ISIZE */
#define ZSTD_SKIP_MAGIC	0x184D2A57u
#define ZSTD_SKIP_ANY	0x184D2A50u	/* 0x184D2A50 .. 0x184D2A5F */

static void
put_le32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

static void
put_le64(unsigned char *p, uint64_t v)
{
	put_le32(p, (uint32_t)v);
	put_le32(p + 4, (uint32_t)(v >> 32));
}

static uint32_t
get_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static uint64_t
get_le64(const unsigned char *p)
{
	return get_le32(p) | (uint64_t)get_le32(p + 4) << 32;
}

/* A gzip header with no name, no time, and one extra subfield of len
 * bytes named 'W' c; its data follows at p + 16. */
static void
gz_header(unsigned char *p, char c, unsigned len)
{
	static const unsigned char fixed[10] = {
		0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 255
	};

	memcpy(p, fixed, sizeof(fixed));
	p[10] = (unsigned char)((len + 4) & 0xff);
	p[11] = (unsigned char)((len + 4) >> 8);
	p[12] = 'W';
	p[13] = (unsigned char)c;
	p[14] = (unsigned char)(len & 0xff);
	p[15] = (unsigned char)(len >> 8);
}

/* Whether p is gz_header(p, c, len)'s. */
static int
is_gz_header(const unsigned char *p, size_t n, char c, unsigned len)
{
	unsigned char want[16];

	gz_header(want, c, len);
	return n >= 16 + len && memcmp(p, want, 16) == 0;
}

int
blockz_is_member(const unsigned char *p, size_t len)
{
	return is_gz_header(p, len, 'M', 4);
}

/*
 * Writing.
 */

/*
 * A member: its data, then what it compressed to.  Jobs are kept and
 * used again, buffers and all: the memory of a bundle of a million items
 * is that of its first few members.
 *
 * Both buffers are one mapping of their own, not malloc()'s: each time
 * glibc frees a block it had mapped, it raises the size from which it
 * maps to that block's, so by the time warta-pack writes its bundle a
 * member's buffers came from the heap, above whatever pass 1 left there,
 * and the peak memory of a run grew with its size (t0510: 18% between
 * 2,000 and 20,000 items with members of 1 MiB; mapped, and written at
 * once on one thread (blockz_new()), 2 to 4%).
 */
struct wjob {
	unsigned char *in, *out;	/* out: z->out_max bytes after in's */
	size_t in_len, out_len, map_len;
	int failed;
	struct wjob *next;	/* on the list of jobs to use again */
};

struct blockz {
	int fd;
	enum blockz_kind kind;
	int level;
	struct workpool *pool;
	void **ctx;		/* a compressor per thread */
	unsigned threads;
	struct wjob *cur, *spare;
	size_t out_max;		/* what a full member may compress to */
	uint64_t in_bytes, out_bytes, cut;	/* cut: members cut so far */
	uint64_t *offsets;	/* of the members written */
	size_t noffsets, cap;
};

static void
compress_gzip(struct wjob *j, struct libdeflate_compressor *c)
{
	size_t bound = libdeflate_deflate_compress_bound(c, j->in_len);
	size_t n;

	n = libdeflate_deflate_compress(c, j->in, j->in_len, j->out + GZ_HEAD,
	    bound);
	if (n == 0) {
		j->failed = 1;
		return;
	}
	j->out_len = GZ_HEAD + n + GZ_TAIL;
	gz_header(j->out, 'M', 4);
	put_le32(j->out + 16, (uint32_t)j->out_len);
	put_le32(j->out + GZ_HEAD + n, libdeflate_crc32(0, j->in, j->in_len));
	put_le32(j->out + GZ_HEAD + n + 4, (uint32_t)j->in_len);
}

static void
compress_zstd(struct wjob *j, ZSTD_CCtx *c)
{
	size_t bound = ZSTD_compressBound(j->in_len), n;

	n = ZSTD_compress2(c, j->out, bound, j->in, j->in_len);
	if (ZSTD_isError(n)) {
		j->failed = 1;
		return;
	}
	j->out_len = n;
}

static void
compress_job(void *v, unsigned thread, void *arg)
{
	struct blockz *z = arg;
	struct wjob *j = v;

	if (z->kind == BLOCKZ_GZIP)
		compress_gzip(j, z->ctx[thread]);
	else
		compress_zstd(j, z->ctx[thread]);
}

static void
wjob_free(struct wjob *j)
{
	if (j == NULL)
		return;
	if (j->in != NULL)
		munmap(j->in, j->map_len);
	free(j);
}

static int
write_fd(int fd, const void *p, size_t n, struct warta_error *err)
{
	const char *s = p;
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, s, n)) < 0) {
			if (errno == EINTR)
				continue;
			return warta_error_set(err, -1, "%s", strerror(errno));
		}
		s += w;
		n -= (size_t)w;
	}
	return WARTA_OK;
}

/* The oldest member in the pool, written. */
static int
write_next(struct blockz *z, struct warta_error *err)
{
	struct wjob *j = workpool_next(z->pool);
	int rc = WARTA_FAILED;

	if (j == NULL)
		return WARTA_OK;
	if (j->failed) {
		warta_error_set(err, -1, "cannot compress (out of memory?)");
		goto out;
	}
	if (z->noffsets == z->cap) {
		size_t cap = z->cap != 0 ? 2 * z->cap : 256;
		uint64_t *n = realloc(z->offsets, cap * sizeof(*n));

		if (n == NULL) {
			warta_error_set(err, -1, "out of memory");
			goto out;
		}
		z->offsets = n;
		z->cap = cap;
	}
	z->offsets[z->noffsets++] = z->out_bytes;
	if (write_fd(z->fd, j->out, j->out_len, err) != WARTA_OK)
		goto out;
	z->out_bytes += j->out_len;
	rc = WARTA_OK;
out:
	j->next = z->spare;
	z->spare = j;
	return rc;
}

/* A job to fill: one used before, or a new one. */
static struct wjob *
wjob_new(struct blockz *z)
{
	struct wjob *j = z->spare;
	void *p;

	if (j != NULL) {
		z->spare = j->next;
		j->in_len = j->out_len = 0;
		j->failed = 0;
		return j;
	}
	if ((j = calloc(1, sizeof(*j))) == NULL)
		return NULL;
	j->map_len = BLOCKZ_CUT + z->out_max;
	if ((p = mmap(NULL, j->map_len, PROT_READ | PROT_WRITE, MAP_PRIVATE |
	    MAP_ANONYMOUS, -1, 0)) == MAP_FAILED) {
		free(j);
		return NULL;
	}
	j->in = p;
	j->out = j->in + BLOCKZ_CUT;
	return j;
}

struct blockz *
blockz_new(int fd, enum blockz_kind kind, int level, unsigned threads,
    struct warta_error *err)
{
	struct blockz *z;
	unsigned i;

	if (threads == 0)
		threads = 1;
	if (level < 0)
		level = kind == BLOCKZ_GZIP ? 5 : 3;
	if ((z = calloc(1, sizeof(*z))) == NULL ||
	    (z->ctx = calloc(threads, sizeof(*z->ctx))) == NULL)
		goto oom;
	z->fd = fd;
	z->kind = kind;
	z->level = level;
	z->threads = threads;
	for (i = 0; i < threads; i++) {
		if (kind == BLOCKZ_GZIP) {
			if ((z->ctx[i] = libdeflate_alloc_compressor(level)) ==
			    NULL) {
				warta_error_set(err, -1, "compression level %d "
				    "is out of range for gzip", level);
				goto fail;
			}
			continue;
		}
		if ((z->ctx[i] = ZSTD_createCCtx()) == NULL)
			goto oom;
		if (ZSTD_isError(ZSTD_CCtx_setParameter(z->ctx[i],
		    ZSTD_c_compressionLevel, level)) ||
		    ZSTD_isError(ZSTD_CCtx_setParameter(z->ctx[i],
		    ZSTD_c_checksumFlag, 1))) {
			warta_error_set(err, -1, "compression level %d is out "
			    "of range for zstd", level);
			goto fail;
		}
	}
	z->out_max = kind == BLOCKZ_GZIP ? GZ_HEAD + GZ_TAIL +
	    libdeflate_deflate_compress_bound(z->ctx[0], BLOCKZ_CUT) :
	    ZSTD_compressBound(BLOCKZ_CUT);
	if ((z->cur = wjob_new(z)) == NULL)
		goto oom;
	/* On one thread a member is compressed as it is given: holding
	 * more than one done before writing it would only hold memory (a
	 * member of hex digests, a manifest's, compresses to half of it). */
	if ((z->pool = workpool_new(threads, threads == 1 ? 1 : 0,
	    compress_job, z, err)) == NULL)
		goto fail;
	return z;
oom:
	warta_error_set(err, -1, "out of memory");
fail:
	blockz_free(z);
	return NULL;
}

void
blockz_free(struct blockz *z)
{
	unsigned i;
	struct wjob *j;

	if (z == NULL)
		return;
	if (z->pool != NULL) {
		while ((j = workpool_next(z->pool)) != NULL)
			wjob_free(j);
		workpool_free(z->pool);
	}
	for (i = 0; z->ctx != NULL && i < z->threads; i++) {
		if (z->ctx[i] == NULL)
			continue;
		if (z->kind == BLOCKZ_GZIP)
			libdeflate_free_compressor(z->ctx[i]);
		else
			ZSTD_freeCCtx(z->ctx[i]);
	}
	free(z->ctx);
	wjob_free(z->cur);
	while ((j = z->spare) != NULL) {
		z->spare = j->next;
		wjob_free(j);
	}
	free(z->offsets);
	free(z);
}

int
blockz_cut(struct blockz *z, struct warta_error *err)
{
	if (z->cur->in_len == 0)
		return WARTA_OK;
	if (workpool_full(z->pool) && write_next(z, err) != WARTA_OK)
		return WARTA_FAILED;
	workpool_submit(z->pool, z->cur);
	z->cut++;
	if ((z->cur = wjob_new(z)) == NULL)
		return warta_error_set(err, -1, "out of memory");
	return WARTA_OK;
}

int
blockz_write(struct blockz *z, const void *p, size_t n,
    struct warta_error *err)
{
	const unsigned char *s = p;
	size_t room;

	while (n > 0) {
		room = BLOCKZ_CUT - z->cur->in_len;
		if (room > n)
			room = n;
		memcpy(z->cur->in + z->cur->in_len, s, room);
		z->cur->in_len += room;
		z->in_bytes += room;
		s += room;
		n -= room;
		if (z->cur->in_len == BLOCKZ_CUT &&
		    blockz_cut(z, err) != WARTA_OK)
			return WARTA_FAILED;
	}
	return WARTA_OK;
}

int
blockz_flush(struct blockz *z, struct warta_error *err)
{
	if (blockz_cut(z, err) != WARTA_OK)
		return WARTA_FAILED;
	while (workpool_pending(z->pool) > 0)
		if (write_next(z, err) != WARTA_OK)
			return WARTA_FAILED;
	return WARTA_OK;
}

uint64_t
blockz_in_bytes(const struct blockz *z)
{
	return z->in_bytes;
}

size_t
blockz_filling(const struct blockz *z)
{
	return z->cur->in_len;
}

uint64_t
blockz_member(const struct blockz *z)
{
	return z->cut;
}

uint64_t
blockz_member_offset(const struct blockz *z, uint64_t k)
{
	return k < z->noffsets ? z->offsets[k] : UINT64_MAX;
}

uint64_t
blockz_out_bytes(const struct blockz *z)
{
	return z->out_bytes;
}

int
blockz_write_locator(struct blockz *z, uint64_t offset, uint64_t length,
    struct warta_error *err)
{
	unsigned char p[BLOCKZ_LOCATOR_MAX];
	size_t n;

	if (z->kind == BLOCKZ_GZIP) {
		gz_header(p, 'I', 16);
		put_le64(p + 16, offset);
		put_le64(p + 24, length);
		/* An empty final DEFLATE block, then CRC-32 and ISIZE of
		 * nothing. */
		p[32] = 3;
		p[33] = 0;
		memset(p + 34, 0, 8);
		n = BLOCKZ_LOCATOR_GZIP;
	} else {
		put_le32(p, ZSTD_SKIP_MAGIC);
		put_le32(p + 4, 20);
		memcpy(p + 8, "WIDX", 4);
		put_le64(p + 12, offset);
		put_le64(p + 20, length);
		n = BLOCKZ_LOCATOR_ZSTD;
	}
	if (write_fd(z->fd, p, n, err) != WARTA_OK)
		return WARTA_FAILED;
	z->out_bytes += n;
	return WARTA_OK;
}

int
blockz_read_locator(enum blockz_kind kind, const unsigned char *tail,
    size_t len, uint64_t *offset, uint64_t *length)
{
	static const unsigned char empty[10] = { 3, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	const unsigned char *p;

	if (kind == BLOCKZ_GZIP) {
		if (len < BLOCKZ_LOCATOR_GZIP)
			return -1;
		p = tail + len - BLOCKZ_LOCATOR_GZIP;
		if (!is_gz_header(p, BLOCKZ_LOCATOR_GZIP, 'I', 16) ||
		    memcmp(p + 32, empty, sizeof(empty)) != 0)
			return -1;
		*offset = get_le64(p + 16);
		*length = get_le64(p + 24);
		return 0;
	}
	if (len < BLOCKZ_LOCATOR_ZSTD)
		return -1;
	p = tail + len - BLOCKZ_LOCATOR_ZSTD;
	if (get_le32(p) != ZSTD_SKIP_MAGIC || get_le32(p + 4) != 20 ||
	    memcmp(p + 8, "WIDX", 4) != 0)
		return -1;
	*offset = get_le64(p + 12);
	*length = get_le64(p + 20);
	return 0;
}
