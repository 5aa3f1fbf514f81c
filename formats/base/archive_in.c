/*
 * base/archive_in.c: an archive, entry by entry, safely; see
 * base/archive_in.h.
 */
#include <stdlib.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "base/archive_in.h"
#include "base/limits.h"

#define READ_BLOCK	((size_t)64 << 10)

/* What archive_in_open_read() reads through. */
struct callback {
	archive_in_read_fn read;
	void *ctx;
	unsigned char *buf;
	struct warta_error err;
};

struct archive_in {
	struct archive *a;
	struct archive_in_limits limits;
	struct callback *cb;	/* archive_in_open_read()'s, or NULL */
	struct wbuf path;	/* the current entry's path, cleaned */
	unsigned long long entries;
	unsigned long long data;	/* bytes of data read */
	unsigned long long entry_data;	/* of them, the current entry's */
	struct archive_entry *entry;	/* the current entry, or NULL */
	int raw;		/* the current entry is the raw format's */
	int done;
};

/* " (--option)" after a bound's message, or nothing. */
static const char *
hint_open(const char *opt)
{
	return opt != NULL ? " (" : "";
}

static const char *
hint_close(const char *opt)
{
	return opt != NULL ? ")" : "";
}

#define HINT(opt) hint_open(opt), (opt) != NULL ? (opt) : "", hint_close(opt)

static int
archive_error(struct archive_in *r, struct warta_error *err)
{
	const char *msg = archive_error_string(r->a);

	return warta_error_set(err, (long long)archive_filter_bytes(r->a, -1),
	    "%s", msg != NULL ? msg : "cannot read the archive");
}

static struct archive_in *
new_reader(unsigned formats, const struct archive_in_limits *limits,
    struct warta_error *err)
{
	struct archive_in *r;

	if ((r = calloc(1, sizeof(*r))) == NULL ||
	    (r->a = archive_read_new()) == NULL) {
		free(r);
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	r->limits = *limits;
	wbuf_init(&r->path);
	/* The compressions, each through its library: no filter that
	 * would run an outside program. */
	archive_read_support_filter_gzip(r->a);
	archive_read_support_filter_bzip2(r->a);
	archive_read_support_filter_xz(r->a);
	archive_read_support_filter_lzma(r->a);
	archive_read_support_filter_zstd(r->a);
	archive_read_support_filter_none(r->a);
	if (formats & ARCHIVE_IN_TAR)
		archive_read_support_format_tar(r->a);
	if (formats & ARCHIVE_IN_ZIP)
		archive_read_support_format_zip(r->a);
	if (formats & ARCHIVE_IN_RAW)
		archive_read_support_format_raw(r->a);
	return r;
}

/* A reader whose opening failed: err from libarchive, then freed. */
static struct archive_in *
open_failed(struct archive_in *r, struct warta_error *err)
{
	/* The callback's own error says more than libarchive's copy. */
	if (r->cb != NULL && r->cb->err.message[0] != '\0')
		warta_error_set(err, r->cb->err.offset, "%s",
		    r->cb->err.message);
	else
		archive_error(r, err);
	archive_in_free(r);
	return NULL;
}

struct archive_in *
archive_in_open_path(const char *path, unsigned formats,
    const struct archive_in_limits *limits, struct warta_error *err)
{
	struct archive_in *r;

	if ((r = new_reader(formats, limits, err)) == NULL)
		return NULL;
	if (archive_read_open_filename(r->a, strcmp(path, "-") == 0 ? NULL :
	    path, READ_BLOCK) != ARCHIVE_OK)
		return open_failed(r, err);
	return r;
}

struct archive_in *
archive_in_open_fd(int fd, unsigned formats,
    const struct archive_in_limits *limits, struct warta_error *err)
{
	struct archive_in *r;

	if ((r = new_reader(formats, limits, err)) == NULL)
		return NULL;
	if (archive_read_open_fd(r->a, fd, READ_BLOCK) != ARCHIVE_OK)
		return open_failed(r, err);
	return r;
}

static la_ssize_t
callback_read(struct archive *a, void *data, const void **buf)
{
	struct callback *cb = data;
	long got;

	*buf = cb->buf;
	if ((got = cb->read(cb->ctx, cb->buf, READ_BLOCK, &cb->err)) < 0) {
		archive_set_error(a, -1, "%s", cb->err.message);
		return -1;
	}
	return (la_ssize_t)got;
}

struct archive_in *
archive_in_open_read(archive_in_read_fn read, void *ctx, unsigned formats,
    const struct archive_in_limits *limits, struct warta_error *err)
{
	struct archive_in *r;

	if ((r = new_reader(formats, limits, err)) == NULL)
		return NULL;
	if ((r->cb = calloc(1, sizeof(*r->cb))) == NULL ||
	    (r->cb->buf = malloc(READ_BLOCK)) == NULL) {
		warta_error_set(err, -1, "out of memory");
		archive_in_free(r);
		return NULL;
	}
	r->cb->read = read;
	r->cb->ctx = ctx;
	warta_error_clear(&r->cb->err);
	if (archive_read_open(r->a, r->cb, NULL, callback_read, NULL) !=
	    ARCHIVE_OK)
		return open_failed(r, err);
	return r;
}

void
archive_in_free(struct archive_in *r)
{
	if (r == NULL)
		return;
	archive_read_free(r->a);
	if (r->cb != NULL)
		free(r->cb->buf);
	free(r->cb);
	wbuf_release(&r->path);
	free(r);
}

unsigned long long
archive_in_data_bytes(const struct archive_in *r)
{
	return r->data;
}

unsigned long long
archive_in_file_bytes(const struct archive_in *r)
{
	la_int64_t n = archive_filter_bytes(r->a, -1);

	return n > 0 ? (unsigned long long)n : 0;
}

int
archive_in_compressed(const struct archive_in *r)
{
	return archive_filter_count(r->a) > 1;
}

unsigned long long
archive_in_header_offset(const struct archive_in *r)
{
	la_int64_t n = archive_read_header_position(r->a);

	return n > 0 ? (unsigned long long)n : 0;
}

int
archive_in_is_raw(const struct archive_in *r)
{
	return r->raw;
}

/*
 * Cleans an entry's path into r->path: "./" and repeated slashes go.
 * Returns what is wrong with it, or NULL.
 */
static const char *
clean_path(struct archive_in *r, const char *p)
{
	const char *seg, *end;
	size_t n;

	wbuf_reset(&r->path);
	if (p == NULL || *p == '\0')
		return "an entry with no name";
	if (*p == '/' || *p == '\\')
		return "an absolute path";
	if (((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z')) &&
	    p[1] == ':')
		return "a path with a drive letter";
	for (seg = p; *seg != '\0'; seg = *end != '\0' ? end + 1 : end) {
		end = seg + strcspn(seg, "/\\");
		n = (size_t)(end - seg);
		if (n == 0 || (n == 1 && seg[0] == '.'))
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.')
			return "a path with a '..' component";
		if ((r->path.len > 0 && wbuf_putc(&r->path, '/') != WARTA_OK) ||
		    wbuf_append(&r->path, seg, n) != WARTA_OK)
			return "out of memory";
	}
	if (r->path.len == 0)
		return "an entry with no name";
	return NULL;
}

/* The kind of a non-regular entry, for the message. */
static const char *
refused_kind(struct archive_entry *e)
{
	if (archive_entry_hardlink(e) != NULL)
		return "a hard link";
	switch (archive_entry_filetype(e)) {
	case AE_IFLNK:
		return "a symbolic link";
	case AE_IFCHR:
	case AE_IFBLK:
		return "a device";
	case AE_IFIFO:
		return "a FIFO";
	case AE_IFSOCK:
		return "a socket";
	case AE_IFREG:
	case AE_IFDIR:
		return archive_entry_symlink(e) != NULL ?
		    "a symbolic link" : NULL;
	default:
		return "an entry of unknown type";
	}
}

static int
check_ratio(struct archive_in *r, struct warta_error *err)
{
	unsigned long long file = archive_in_file_bytes(r);
	la_int64_t unpacked = archive_filter_bytes(r->a, 0);
	unsigned long long data = r->data;

	/* Data skipped over still went through the decompressor. */
	if (unpacked > 0 && (unsigned long long)unpacked > data)
		data = (unsigned long long)unpacked;
	if (data > LIMIT_ARCHIVE_RATIO_FLOOR && file > 0 &&
	    data / file > r->limits.max_ratio)
		return warta_error_set(err, (long long)file, "%llu bytes of "
		    "data from %llu of archive, a ratio over %llu: a "
		    "decompression bomb?%s%s%s", data, file,
		    r->limits.max_ratio, HINT(r->limits.opt_ratio));
	return WARTA_OK;
}

/*
 * Passes over what is left of the current entry's data by reading it, so
 * that the bounds see every byte: libarchive's own skip would decompress
 * an entry refused or passed over (a hard link, a directory or a FIFO
 * that carries pax data, a file not asked for) to its end, whatever it
 * declares, before the next header is checked.  Where a skip decompresses
 * nothing, libarchive skips (and may seek): a tar stored as it is, and a
 * zip entry whose compressed size is known.
 */
static int
skip_rest(struct archive_in *r, struct warta_error *err)
{
	const char *name;
	const void *p;
	size_t n;
	la_int64_t off;
	int rc;

	if (r->entry == NULL)
		return WARTA_OK;
	if ((archive_format(r->a) & ARCHIVE_FORMAT_BASE_MASK) ==
	    ARCHIVE_FORMAT_ZIP ? archive_entry_size_is_set(r->entry) :
	    !archive_in_compressed(r)) {
		r->entry = NULL;
		return WARTA_OK;
	}
	name = archive_entry_pathname(r->entry);
	r->entry = NULL;
	while ((rc = archive_read_data_block(r->a, &p, &n, &off)) ==
	    ARCHIVE_OK || rc == ARCHIVE_WARN) {
		r->entry_data += n;
		r->data += n;
		if (r->entry_data > r->limits.max_entry)
			return warta_error_set(err, -1, "%s: an entry over "
			    "%llu bytes%s%s%s", name != NULL ? name : "",
			    r->limits.max_entry, HINT(r->limits.opt_entry));
		if (r->data > r->limits.max_bytes)
			return warta_error_set(err, -1, "more than %llu bytes "
			    "of data%s%s%s", r->limits.max_bytes,
			    HINT(r->limits.opt_bytes));
		if (check_ratio(r, err) != WARTA_OK)
			return WARTA_FAILED;
	}
	if (rc != ARCHIVE_EOF)
		return archive_error(r, err);
	return WARTA_OK;
}

int
archive_in_next(struct archive_in *r, struct archive_in_entry *out,
    struct warta_error *err)
{
	struct archive_entry *e;
	const char *why;
	int rc;

	if (r->done)
		return 0;
	if (skip_rest(r, err) != WARTA_OK) {
		r->done = 1;
		return -1;
	}
	rc = archive_read_next_header(r->a, &e);
	if (rc == ARCHIVE_EOF) {
		r->done = 1;
		return 0;
	}
	if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
		r->done = 1;
		archive_error(r, err);
		return -1;
	}
	if (++r->entries > r->limits.max_entries) {
		r->done = 1;
		return warta_error_set(err, -1, "more than %llu entries%s%s%s",
		    r->limits.max_entries, HINT(r->limits.opt_entries));
	}
	if (check_ratio(r, err) != WARTA_OK) {
		r->done = 1;
		return -1;
	}
	r->entry_data = 0;
	r->entry = e;
	r->raw = archive_format(r->a) == ARCHIVE_FORMAT_RAW;
	memset(out, 0, sizeof(*out));
	out->index = r->entries;
	out->archive_path = archive_entry_pathname(e);
	if (out->archive_path == NULL)
		out->archive_path = "";
	out->size = archive_entry_size_is_set(e) &&
	    archive_entry_size(e) > 0 ?
	    (unsigned long long)archive_entry_size(e) : 0;
	if ((why = clean_path(r, archive_entry_pathname(e))) != NULL ||
	    (why = refused_kind(e)) != NULL) {
		warta_error_set(err, -1, "%s refused", why);
		return ARCHIVE_IN_REFUSED;
	}
	out->path = r->path.data;
	if (archive_entry_filetype(e) == AE_IFDIR)
		return ARCHIVE_IN_DIR;
	if (out->size > r->limits.max_entry) {
		r->done = 1;
		return warta_error_set(err, -1, "%s: %llu bytes, over the "
		    "bound of %llu%s%s%s", out->archive_path, out->size,
		    r->limits.max_entry, HINT(r->limits.opt_entry));
	}
	if (r->data + out->size > r->limits.max_bytes) {
		r->done = 1;
		return warta_error_set(err, -1, "more than %llu bytes of "
		    "data%s%s%s", r->limits.max_bytes,
		    HINT(r->limits.opt_bytes));
	}
	return ARCHIVE_IN_FILE;
}

long
archive_in_read(struct archive_in *r, void *buf, size_t n,
    struct warta_error *err)
{
	la_ssize_t got;

	if (r->done)
		return 0;
	if ((got = archive_read_data(r->a, buf, n)) == 0)
		return 0;
	if (got < 0) {
		r->done = 1;
		return archive_error(r, err);
	}
	r->entry_data += (unsigned long long)got;
	r->data += (unsigned long long)got;
	/* The declared size may lie: the bounds hold on what comes. */
	if (r->entry_data > r->limits.max_entry) {
		r->done = 1;
		return warta_error_set(err, -1, "an entry over %llu bytes%s%s%s",
		    r->limits.max_entry, HINT(r->limits.opt_entry));
	}
	if (r->data > r->limits.max_bytes) {
		r->done = 1;
		return warta_error_set(err, -1, "more than %llu bytes of "
		    "data%s%s%s", r->limits.max_bytes,
		    HINT(r->limits.opt_bytes));
	}
	if (check_ratio(r, err) != WARTA_OK) {
		r->done = 1;
		return -1;
	}
	return (long)got;
}

int
archive_in_read_all(struct archive_in *r, struct wbuf *out,
    struct warta_error *err)
{
	size_t room;
	long n;

	for (;;) {
		/* Into the room the caller made, when it knew the size: a
		 * buffer grown 64 KiB at a time was reallocated, and copied,
		 * for every entry. */
		room = out->cap > out->len + 1 ? out->cap - out->len - 1 : 0;
		if (room == 0) {
			if (wbuf_reserve(out, READ_BLOCK) != WARTA_OK)
				return warta_error_set(err, -1,
				    "out of memory");
			room = out->cap - out->len - 1;
		}
		if ((n = archive_in_read(r, out->data + out->len, room,
		    err)) == 0)
			break;
		if (n < 0)
			return WARTA_FAILED;
		out->len += (size_t)n;
		out->data[out->len] = '\0';
	}
	return WARTA_OK;
}
