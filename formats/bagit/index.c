/*
 * bagit/index.c: reading a bundle's index; see bagit/index.h.
 */
/* memmem(3): in glibc, the BSDs and musl, declared for _GNU_SOURCE. */
#define _GNU_SOURCE
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

struct bag_index {
	char *bundle;
	unsigned long long size;	/* of the bundle */
	struct wbuf text;	/* the file */
	size_t body;		/* where its first entry's line starts */
};

void
bag_index_free(struct bag_index *x)
{
	if (x == NULL)
		return;
	free(x->bundle);
	wbuf_release(&x->text);
	free(x);
}

/* A number of digits ending at a tab; -1 when it is not one. */
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
	if (s == end || *s != '\t')
		return -1;
	*v = n;
	*p = s + 1;
	return 0;
}

/* The line [line, nl) into e, checked; the path is cut at nl. */
static int
parse_line(const struct bag_index *x, char *line, char *nl,
    struct bag_index_entry *e, struct warta_error *err)
{
	const char *p = line;
	long long at = (long long)(line - x->text.data);

	if (take_number(&p, nl, &e->offset) != 0 ||
	    take_number(&p, nl, &e->skip) != 0 || p == nl ||
	    memchr(p, '\t', (size_t)(nl - p)) != NULL ||
	    memchr(p, '\r', (size_t)(nl - p)) != NULL ||
	    memchr(p, '\0', (size_t)(nl - p)) != NULL)
		return warta_error_set(err, at, BAG_INDEX_NAME ": byte %lld: "
		    "not OFFSET, SKIP and PATH", at);
	if (e->offset >= x->size || e->skip >= BLOCKZ_MEMBER_MAX)
		return warta_error_set(err, at, BAG_INDEX_NAME ": byte %lld: "
		    "%s is outside the bundle", at, e->offset >= x->size ?
		    "the offset" : "the skip");
	*nl = '\0';
	e->path = p;
	return WARTA_OK;
}

int
bag_index_next(const struct bag_index *x, size_t *pos, const char *needle,
    struct bag_index_entry *e, struct warta_error *err)
{
	char *text = x->text.data, *end = text + x->text.len;
	char *at, *line, *nl;
	size_t from = *pos < x->body ? x->body : *pos;

	if (from >= x->text.len)
		return 0;
	at = text + from;
	if (needle != NULL) {
		if ((at = memmem(at, (size_t)(end - at), needle,
		    strlen(needle))) == NULL) {
			*pos = x->text.len;
			return 0;
		}
		/* Back to its line's start. */
		for (line = at; line > text + from && line[-1] != '\n' &&
		    line[-1] != '\0'; line--)
			;
	} else
		line = at;
	/* Its end: a line break, or the NUL of a line used before and
	 * cut there. */
	for (nl = at; nl < end && *nl != '\n' && *nl != '\0'; nl++)
		;
	if (nl == end)
		return warta_error_set(err, -1, BAG_INDEX_NAME ": no line "
		    "break at its end");
	*pos = (size_t)(nl - text) + 1;
	if (parse_line(x, line, nl, e, err) != WARTA_OK)
		return -1;
	/* The needle must be in the path, not in the numbers. */
	if (needle != NULL && at < e->path)
		return bag_index_next(x, pos, needle, e, err);
	return 1;
}

int
bag_index_find(const struct bag_index *x, const char *path,
    struct bag_index_entry *e, struct warta_error *err)
{
	size_t pos = 0;
	int rc;

	while ((rc = bag_index_next(x, &pos, path, e, err)) > 0)
		if (strcmp(e->path, path) == 0)
			return 1;
	return rc;
}

unsigned long
bag_index_count(const struct bag_index *x, const char *prefix)
{
	const char *p = x->text.data + x->body, *end = x->text.data +
	    x->text.len;
	size_t n = strlen(prefix);
	unsigned long count = 0;

	/* Each path follows the second tab of its line. */
	while ((p = memmem(p, (size_t)(end - p), prefix, n)) != NULL) {
		if (p[-1] == '\t')
			count++;
		p += n;
	}
	return count;
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
		return warta_error_set(err, -1, BAG_INDEX_NAME " says it "
		    "starts at %s, where %s starts", where, rc == 0 ?
		    "nothing" : e.path);
	return bag_reader_read(r, out, err);
}

static unsigned long long
count_lines(const struct bag_index *x)
{
	const char *p = x->text.data + x->body, *end = x->text.data +
	    x->text.len;
	unsigned long long n = 0;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

int
bag_index_open(const char *path, const struct bag_limits *limits,
    struct bag_index **out, struct warta_error *err)
{
	static const char head_line[] = "offset\tskip\tpath\n";
	unsigned char tail[BLOCKZ_LOCATOR_MAX], head[32];
	struct bag_limits one = *limits;
	struct bag_reader *r = NULL;
	struct bag_index *x = NULL;
	uint64_t offset, length;
	enum blockz_kind kind;
	struct stat st;
	int fd, rc = 0;

	*out = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return warta_error_set(err, -1, "%s", strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size < (off_t)sizeof(tail) ||
	    pread(fd, head, sizeof(head), 0) != (ssize_t)sizeof(head) ||
	    pread(fd, tail, sizeof(tail), st.st_size - (off_t)sizeof(tail)) !=
	    (ssize_t)sizeof(tail))
		goto out;
	kind = blockz_is_member(head, sizeof(head)) ? BLOCKZ_GZIP :
	    BLOCKZ_ZSTD;
	if (blockz_read_locator(kind, tail, sizeof(tail), &offset, &length) !=
	    0)
		goto out;
	rc = -1;
	if (offset >= (uint64_t)st.st_size || length > (uint64_t)st.st_size -
	    offset) {
		warta_error_set(err, -1, "its locator points outside the file");
		goto out;
	}
	if ((x = calloc(1, sizeof(*x))) == NULL ||
	    (x->bundle = strdup(path)) == NULL) {
		warta_error_set(err, -1, "out of memory");
		goto out;
	}
	wbuf_init(&x->text);
	one.threads = 1;
	x->size = (unsigned long long)st.st_size;
	if ((r = bag_reader_open_at(path, offset, 0, offset + length, &one,
	    err)) == NULL || read_first(r, BAG_INDEX_NAME, "the locator's "
	    "offset", &x->text, err) != WARTA_OK)
		goto out;
	if (x->text.len < sizeof(head_line) - 1 || memcmp(x->text.data,
	    head_line, sizeof(head_line) - 1) != 0) {
		warta_error_set(err, -1, BAG_INDEX_NAME ": not an index (its "
		    "first line is not offset, skip, path)");
		goto out;
	}
	x->body = sizeof(head_line) - 1;
	/* The bound on entries holds as when the bundle is read whole:
	 * the index has a line for every entry before it. */
	if (count_lines(x) > limits->max_entries) {
		warta_error_set(err, -1, "more than %llu entries "
		    "(--max-entries)", limits->max_entries);
		rc = -2;
		goto out;
	}
	*out = x;
	x = NULL;
	rc = 1;
out:
	bag_reader_free(r);
	bag_index_free(x);
	close(fd);
	return rc;
}

int
bag_index_read(const struct bag_index *x, const struct bag_index_entry *e,
    const struct bag_limits *limits, struct wbuf *out, char *name,
    size_t size, struct warta_error *err)
{
	struct bag_limits one = *limits;
	struct bag_reader *r;
	char where[64];
	int rc;

	one.threads = 1;
	snprintf(where, sizeof(where), "byte %llu (+%llu)", e->offset,
	    e->skip);
	if ((r = bag_reader_open_at(x->bundle, e->offset, e->skip, UINT64_MAX,
	    &one, err)) == NULL)
		return WARTA_FAILED;
	rc = read_first(r, e->path, where, out, err);
	if (rc == WARTA_OK && name != NULL)
		snprintf(name, size, "%s", bag_reader_name(r));
	bag_reader_free(r);
	return rc;
}
