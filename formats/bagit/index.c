/*
 * bagit/index.c: a bundle's index, read a chunk at a time; see
 * bagit/index.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bagit/index.h"
#include "base/blockz.h"

/* A chunk is BAG_INDEX_CHUNK and the lines of one key: far less. */
#define CHUNK_MAX	((size_t)4 << 20)

struct fence {
	const char *key;
	unsigned long long offset, skip;
};

struct bag_index {
	char *bundle;
	int fd;
	enum blockz_kind kind;
	unsigned long long size;	/* of the bundle */
	unsigned long long keys_offset;	/* where the keys' member starts */
	struct wbuf keys;	/* bundle-index-keys.tsv, cut in place */
	struct fence *fence;
	size_t n;
	long cached;		/* the chunk in chunk, or -1 */
	struct wbuf chunk;
	char found[BAG_INDEX_PATH_MAX];	/* the path of the line found */
};

/* Where path's key starts in it, and its length. */
static size_t
key_span(const char *path, const char **start)
{
	const char *base, *dot;

	if (strncmp(path, "data/items/", 11) == 0 ||
	    strncmp(path, "data/originals/", 15) == 0) {
		base = strrchr(path, '/') + 1;
		dot = strchr(base, '.');
		*start = base;
		return dot != NULL ? (size_t)(dot - base) : strlen(base);
	}
	*start = path;
	return strlen(path);
}

void
bag_index_key(const char *path, char *key, size_t size)
{
	const char *base;
	size_t n = key_span(path, &base);

	if (n >= size)
		n = size - 1;
	memcpy(key, base, n);
	key[n] = '\0';
}

int
bag_index_rec_set(struct bag_index_rec *rec, const char *path)
{
	size_t n = strlen(path), len;
	const char *key;

	if (n >= sizeof(rec->path))
		return -1;
	memset(rec, 0, sizeof(*rec));
	memcpy(rec->path, path, n);
	len = key_span(rec->path, &key);
	rec->key_at = (uint32_t)(key - rec->path);
	rec->key_len = (uint32_t)len;
	return 0;
}

/* rec's key, as bag_index_rec_set() found it; a record read back from a
 * spool is still never read past its path. */
static const char *
rec_key(const struct bag_index_rec *rec, size_t *len)
{
	if (rec->key_at >= sizeof(rec->path) ||
	    rec->key_len >= sizeof(rec->path) - rec->key_at) {
		*len = 0;
		return rec->path;
	}
	*len = rec->key_len;
	return rec->path + rec->key_at;
}

/*
 * strcmp() of the keys, then of the paths.  A key is never cut (a path is
 * shorter than BAG_INDEX_PATH_MAX) and holds no NUL, so a key that is the
 * start of a longer one comes first, as with strcmp().
 */
int
bag_index_rec_cmp(const void *a, const void *b)
{
	const struct bag_index_rec *x = a, *y = b;
	size_t nx, ny;
	const char *kx = rec_key(x, &nx), *ky = rec_key(y, &ny);
	int c = memcmp(kx, ky, nx < ny ? nx : ny);

	if (c != 0)
		return c;
	if (nx != ny)
		return nx < ny ? -1 : 1;
	return strncmp(x->path, y->path, sizeof(x->path));
}

void
bag_index_free(struct bag_index *x)
{
	if (x == NULL)
		return;
	if (x->fd >= 0)
		close(x->fd);
	free(x->bundle);
	wbuf_release(&x->keys);
	wbuf_release(&x->chunk);
	free(x->fence);
	free(x);
}

/* A number of digits ending at a tab or at the line's end. */
static int
take_number(const char **p, const char *end, unsigned long long *v)
{
	const char *s = *p;
	unsigned long long n = 0;

	if (s == end || *s < '0' || *s > '9')
		return -1;
	for (; s < end && *s >= '0' && *s <= '9'; s++) {
		if (n > (UINT64_MAX - 9) / 10)
			return -1;
		n = n * 10 + (unsigned long long)(*s - '0');
	}
	if (s != end && *s != '\t')
		return -1;
	*v = n;
	*p = s < end ? s + 1 : s;
	return 0;
}

/* The next line of text from *pos, cut in place (the keys are read
 * once, and kept cut); NULL at the end. */
static char *
next_line(struct wbuf *text, size_t *pos, char **end)
{
	char *p = text->data + *pos, *nl;

	if (*pos >= text->len)
		return NULL;
	if ((nl = memchr(p, '\n', text->len - *pos)) == NULL)
		nl = text->data + text->len;
	*nl = '\0';
	*end = nl;
	*pos = (size_t)(nl - text->data) + 1;
	return p;
}

/* bundle-index-keys.tsv's lines into x->fence, checked. */
static int
parse_keys(struct bag_index *x, struct warta_error *err)
{
	static const char head[] = "key\toffset\tskip\n";
	size_t pos = sizeof(head) - 1, lines = 0, i;
	char *line, *end, *tab;
	const char *p;
	struct fence *f;

	if (x->keys.len < pos || memcmp(x->keys.data, head, pos) != 0)
		return warta_error_set(err, -1, BAG_INDEX_KEYS_NAME ": its "
		    "first line is not key, offset, skip");
	for (i = pos; i < x->keys.len; i++)
		lines += x->keys.data[i] == '\n';
	if ((x->fence = calloc(lines + 1, sizeof(*x->fence))) == NULL)
		return warta_error_set(err, -1, "out of memory");
	for (i = 2; (line = next_line(&x->keys, &pos, &end)) != NULL; i++) {
		if (line == end)
			continue;
		f = &x->fence[x->n];
		if ((tab = memchr(line, '\t', (size_t)(end - line))) == NULL ||
		    tab == line)
			goto bad;
		*tab = '\0';
		p = tab + 1;
		if (take_number(&p, end, &f->offset) != 0 ||
		    take_number(&p, end, &f->skip) != 0 || p != end)
			goto bad;
		f->key = line;
		/* In order, inside the bundle, before the keys. */
		if (f->offset >= x->keys_offset || f->skip >= BLOCKZ_MEMBER_MAX ||
		    (x->n > 0 && (strcmp(f->key, f[-1].key) <= 0 ||
		    f->offset < f[-1].offset)))
			return warta_error_set(err, -1, BAG_INDEX_KEYS_NAME
			    ": line %zu: out of order, or outside the bundle",
			    i);
		x->n++;
	}
	if (x->n == 0)
		return warta_error_set(err, -1, BAG_INDEX_KEYS_NAME ": empty");
	return WARTA_OK;
bad:
	return warta_error_set(err, -1, BAG_INDEX_KEYS_NAME ": line %zu: not "
	    "KEY, OFFSET and SKIP", i);
}

/* The first entry of a reader opened at an entry: its data into out
 * when its path is want (where: "byte N (+SKIP)", for a message). */
static int
read_first(struct bag_reader *r, const char *want, const char *where,
    struct wbuf *out, struct warta_error *err)
{
	struct bag_entry e;
	int rc;

	if ((rc = bag_reader_next(r, &e, err)) < 0)
		return WARTA_FAILED;
	if (rc == BAG_ENTRY_REFUSED)
		return warta_error_set(err, -1, "%s: %s", e.archive_path,
		    err->message);
	if (rc != BAG_ENTRY_FILE || strcmp(e.path, want) != 0)
		return warta_error_set(err, -1, "%s says it starts at %s, "
		    "where %s starts", want[0] == 'b' && strncmp(want,
		    "bundle-index", 12) == 0 ? "the locator" : BAG_INDEX_NAME,
		    where, rc == 0 ? "nothing" : e.path);
	return bag_reader_read(r, out, err);
}

static int within_bounds(struct bag_index *, const struct bag_limits *,
    struct warta_error *);

int
bag_index_open(const char *path, const struct bag_limits *limits,
    struct bag_index **out, struct warta_error *err)
{
	unsigned char tail[BLOCKZ_LOCATOR_MAX], head[32];
	struct bag_limits one = *limits;
	struct bag_reader *r = NULL;
	struct bag_index *x;
	uint64_t offset, length;
	struct stat st;
	char where[64];
	int rc = 0;

	*out = NULL;
	if ((x = calloc(1, sizeof(*x))) == NULL)
		return warta_error_set(err, -1, "out of memory");
	x->cached = -1;
	wbuf_init(&x->keys);
	wbuf_init(&x->chunk);
	if ((x->fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		warta_error_set(err, -1, "%s", strerror(errno));
		rc = -1;
		goto out;
	}
	if (fstat(x->fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size < (off_t)sizeof(tail) ||
	    pread(x->fd, head, sizeof(head), 0) != (ssize_t)sizeof(head) ||
	    pread(x->fd, tail, sizeof(tail), st.st_size -
	    (off_t)sizeof(tail)) != (ssize_t)sizeof(tail))
		goto out;
	x->kind = blockz_is_member(head, sizeof(head)) ? BLOCKZ_GZIP :
	    BLOCKZ_ZSTD;
	if (blockz_read_locator(x->kind, tail, sizeof(tail), &offset,
	    &length) != 0)
		goto out;
	rc = -1;
	x->size = (unsigned long long)st.st_size;
	if (offset >= x->size || length > x->size - offset) {
		warta_error_set(err, -1, "its locator points outside the file");
		goto out;
	}
	if ((x->bundle = strdup(path)) == NULL) {
		warta_error_set(err, -1, "out of memory");
		goto out;
	}
	x->keys_offset = offset;
	one.threads = 1;
	snprintf(where, sizeof(where), "byte %llu", (unsigned long long)offset);
	if ((r = bag_reader_open_at(path, offset, 0, offset + length, &one,
	    err)) == NULL || read_first(r, BAG_INDEX_KEYS_NAME, where,
	    &x->keys, err) != WARTA_OK || parse_keys(x, err) != WARTA_OK)
		goto out;
	if ((rc = within_bounds(x, limits, err)) < 0)
		goto out;
	*out = x;
	x = NULL;
	rc = 1;
out:
	bag_reader_free(r);
	bag_index_free(x);
	return rc;
}

/*
 * The bounds on entries and bytes hold as when the bundle is read whole:
 * what bag-info.txt's Payload-Oxum says the payload is (a bundle read
 * through its index reads a few entries, each bounded on its own).  0,
 * or -2 with err.
 */
static int
within_bounds(struct bag_index *x, const struct bag_limits *limits,
    struct warta_error *err)
{
	struct bag_index_entry e;
	struct wbuf info = WBUF_INIT;
	unsigned long long bytes, files;
	const char *p;
	int rc = 0;

	if (bag_index_find(x, "bag-info.txt", &e, err) <= 0 ||
	    bag_index_read(x, &e, limits, &info, NULL, 0, err) != WARTA_OK ||
	    (p = strstr(info.data, "Payload-Oxum: ")) == NULL ||
	    sscanf(p, "Payload-Oxum: %llu.%llu", &bytes, &files) != 2)
		goto out;	/* read whole, the bundle says what is wrong */
	if (files > limits->max_entries)
		rc = warta_error_set(err, -1, "more than %llu entries "
		    "(--max-entries)", limits->max_entries);
	else if (bytes > limits->max_bytes)
		rc = warta_error_set(err, -1, "more than %llu bytes of data "
		    "(--max-bytes)", limits->max_bytes);
	if (rc != 0)
		rc = -2;
out:
	wbuf_release(&info);
	return rc;
}

/* Chunk i of the index into x->chunk. */
static int
load_chunk(struct bag_index *x, size_t i, struct warta_error *err)
{
	struct blockz_reader *z;
	unsigned long long limit;
	const void *p;
	size_t n;
	char *nul;
	int rc;

	if (x->cached == (long)i)
		return WARTA_OK;
	x->cached = -1;
	wbuf_reset(&x->chunk);
	limit = i + 1 < x->n && x->fence[i + 1].offset > x->fence[i].offset ?
	    x->fence[i + 1].offset : x->keys_offset;
	if ((z = blockz_reader_new(x->fd, x->kind, x->fence[i].offset, limit,
	    x->fence[i].skip, 1, err)) == NULL)
		return WARTA_FAILED;
	while ((rc = blockz_reader_next(z, &p, &n, err)) > 0) {
		if (x->chunk.len + n > CHUNK_MAX) {
			rc = warta_error_set(err, -1, BAG_INDEX_NAME ": a "
			    "chunk of it is larger than any warta writes");
			break;
		}
		if (wbuf_append(&x->chunk, p, n) != WARTA_OK) {
			rc = warta_error_set(err, -1, "out of memory");
			break;
		}
	}
	blockz_reader_free(z);
	if (rc < 0)
		return WARTA_FAILED;
	/* The last chunk ends in the tar's padding. */
	if ((nul = memchr(x->chunk.data, '\0', x->chunk.len)) != NULL)
		x->chunk.len = (size_t)(nul - x->chunk.data);
	x->cached = (long)i;
	return WARTA_OK;
}

/* The chunk a key falls in: the last whose first key is not above it;
 * -1 when the key is before them all. */
static long
chunk_of(const struct bag_index *x, const char *key)
{
	size_t lo = 0, hi = x->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(x->fence[mid].key, key) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo - 1;
}

/* The line [line, end) into e (its path into x->found). */
static int
parse_line(struct bag_index *x, const char *line, const char *end,
    struct bag_index_entry *e, struct warta_error *err)
{
	const char *p = line;

	if (take_number(&p, end, &e->offset) != 0 ||
	    take_number(&p, end, &e->skip) != 0 || p == end ||
	    memchr(p, '\t', (size_t)(end - p)) != NULL ||
	    (size_t)(end - p) >= BAG_INDEX_PATH_MAX)
		return warta_error_set(err, -1, BAG_INDEX_NAME ": a line of "
		    "it is not OFFSET, SKIP and PATH");
	if (e->offset >= x->keys_offset || e->skip >= BLOCKZ_MEMBER_MAX)
		return warta_error_set(err, -1, BAG_INDEX_NAME ": a line of "
		    "it points outside the bundle");
	memcpy(x->found, p, (size_t)(end - p));
	x->found[end - p] = '\0';
	e->path = x->found;
	return WARTA_OK;
}

int
bag_index_each(struct bag_index *x,
    int (*fn)(void *arg, const struct bag_index_entry *e), void *arg,
    struct warta_error *err)
{
	struct bag_index_entry e;
	char *line, *end;
	size_t i, pos;
	int rc;

	for (i = 0; i < x->n; i++) {
		if (load_chunk(x, i, err) != WARTA_OK)
			return -1;
		for (pos = 0; pos < x->chunk.len; pos = (size_t)(end -
		    x->chunk.data) + 1) {
			line = x->chunk.data + pos;
			if ((end = memchr(line, '\n', x->chunk.len - pos)) ==
			    NULL)
				end = x->chunk.data + x->chunk.len;
			if (i == 0 && pos == 0 && strncmp(line, "offset\t", 7)
			    == 0)
				continue;	/* the header line */
			if (parse_line(x, line, end, &e, err) != WARTA_OK)
				return -1;
			if ((rc = fn(arg, &e)) != 0)
				return rc;
		}
	}
	return 0;
}

/*
 * The line of the chunk of key whose path is path (or, path NULL, the
 * item whose id is key): 1 with e, 0 when there is none.
 */
static int
lookup(struct bag_index *x, const char *key, const char *path,
    struct bag_index_entry *e, struct warta_error *err)
{
	char k[BAG_INDEX_PATH_MAX], *line, *end;
	size_t pos = 0;
	long i;

	if ((i = chunk_of(x, key)) < 0)
		return 0;
	if (load_chunk(x, (size_t)i, err) != WARTA_OK)
		return -1;
	while (pos < x->chunk.len) {
		line = x->chunk.data + pos;
		end = memchr(line, '\n', x->chunk.len - pos);
		if (end == NULL)
			end = x->chunk.data + x->chunk.len;
		pos = (size_t)(end - x->chunk.data) + 1;
		if (strncmp(line, "offset\t", 7) == 0)
			continue;	/* the header line */
		if (parse_line(x, line, end, e, err) != WARTA_OK)
			return -1;
		if (path != NULL ? strcmp(e->path, path) != 0 :
		    strncmp(e->path, "data/items/", 11) != 0)
			continue;
		if (path == NULL) {
			bag_index_key(e->path, k, sizeof(k));
			if (strcmp(k, key) != 0)
				continue;
		}
		return 1;
	}
	return 0;
}

int
bag_index_find(struct bag_index *x, const char *path,
    struct bag_index_entry *e, struct warta_error *err)
{
	char key[BAG_INDEX_PATH_MAX];

	bag_index_key(path, key, sizeof(key));
	return lookup(x, key, path, e, err);
}

int
bag_index_find_item(struct bag_index *x, const char *id,
    struct bag_index_entry *e, struct warta_error *err)
{
	return lookup(x, id, NULL, e, err);
}

int
bag_index_read(const struct bag_index *x, const struct bag_index_entry *e,
    const struct bag_limits *limits, struct wbuf *out, char *name,
    size_t size, struct warta_error *err)
{
	struct bag_limits one = *limits;
	struct bag_reader *r;
	char where[64], path[BAG_INDEX_PATH_MAX];
	int rc;

	one.threads = 1;
	snprintf(path, sizeof(path), "%s", e->path);
	snprintf(where, sizeof(where), "byte %llu (+%llu)", e->offset,
	    e->skip);
	if ((r = bag_reader_open_at(x->bundle, e->offset, e->skip, UINT64_MAX,
	    &one, err)) == NULL)
		return WARTA_FAILED;
	rc = read_first(r, path, where, out, err);
	if (rc == WARTA_OK && name != NULL)
		snprintf(name, size, "%s", bag_reader_name(r));
	bag_reader_free(r);
	return rc;
}
