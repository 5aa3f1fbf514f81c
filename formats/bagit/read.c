/*
 * bagit/read.c: a serialized bag, entry by entry, safely; see bagit/read.h.
 */
#include <stdlib.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "bagit/read.h"

#define READ_BLOCK	((size_t)64 << 10)
/* Below this much data no ratio is a bomb: a small file compresses well. */
#define RATIO_FLOOR	((unsigned long long)1 << 20)

struct bag_reader {
	struct archive *a;
	struct bag_limits limits;
	char *name;		/* the bag's directory */
	struct wbuf path;	/* the current entry's path, cleaned */
	unsigned long long entries;
	unsigned long long data;	/* bytes of data read */
	int done;
};

void
bag_limits_default(struct bag_limits *l)
{
	l->max_entries = BAG_DEFAULT_MAX_ENTRIES;
	l->max_bytes = BAG_DEFAULT_MAX_BYTES;
	l->max_entry = BAG_DEFAULT_MAX_ENTRY;
	l->max_ratio = BAG_DEFAULT_MAX_RATIO;
}

static int
archive_error(struct bag_reader *r, struct warta_error *err)
{
	const char *msg = archive_error_string(r->a);

	return warta_error_set(err, (long long)archive_filter_bytes(r->a, -1),
	    "%s", msg != NULL ? msg : "cannot read the archive");
}

struct bag_reader *
bag_reader_open(const char *path, const struct bag_limits *limits,
    struct warta_error *err)
{
	struct bag_reader *r;

	if ((r = calloc(1, sizeof(*r))) == NULL ||
	    (r->a = archive_read_new()) == NULL) {
		free(r);
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	r->limits = *limits;
	wbuf_init(&r->path);
	/* The compressions and the two formats bags travel in; no filter
	 * that would run an outside program. */
	archive_read_support_filter_gzip(r->a);
	archive_read_support_filter_bzip2(r->a);
	archive_read_support_filter_xz(r->a);
	archive_read_support_filter_lzma(r->a);
	archive_read_support_filter_zstd(r->a);
	archive_read_support_filter_none(r->a);
	archive_read_support_format_tar(r->a);
	archive_read_support_format_zip(r->a);
	if (archive_read_open_filename(r->a, strcmp(path, "-") == 0 ? NULL :
	    path, READ_BLOCK) != ARCHIVE_OK) {
		archive_error(r, err);
		bag_reader_free(r);
		return NULL;
	}
	return r;
}

void
bag_reader_free(struct bag_reader *r)
{
	if (r == NULL)
		return;
	archive_read_free(r->a);
	wbuf_release(&r->path);
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
	return r->data;
}

unsigned long long
bag_reader_file_bytes(const struct bag_reader *r)
{
	la_int64_t n = archive_filter_bytes(r->a, -1);

	return n > 0 ? (unsigned long long)n : 0;
}

/*
 * Cleans an entry's path into r->path: "./" and repeated slashes go.
 * Returns what is wrong with it, or NULL.
 */
static const char *
clean_path(struct bag_reader *r, const char *p)
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
check_ratio(struct bag_reader *r, struct warta_error *err)
{
	unsigned long long file = bag_reader_file_bytes(r);
	la_int64_t unpacked = archive_filter_bytes(r->a, 0);
	unsigned long long data = r->data;

	/* Data skipped over still went through the decompressor. */
	if (unpacked > 0 && (unsigned long long)unpacked > data)
		data = (unsigned long long)unpacked;
	if (data > RATIO_FLOOR && file > 0 &&
	    data / file > r->limits.max_ratio)
		return warta_error_set(err, (long long)file, "%llu bytes of "
		    "data from %llu of archive, a ratio over %llu: a "
		    "decompression bomb? (--max-ratio)", data, file,
		    r->limits.max_ratio);
	return WARTA_OK;
}

int
bag_reader_next(struct bag_reader *r, struct bag_entry *out,
    struct warta_error *err)
{
	struct archive_entry *e;
	const char *why, *rel;
	size_t nlen;
	int rc;

	for (;;) {
		if (r->done)
			return 0;
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
			return warta_error_set(err, -1, "more than %llu "
			    "entries (--max-entries)", r->limits.max_entries);
		}
		if (check_ratio(r, err) != WARTA_OK) {
			r->done = 1;
			return -1;
		}
		memset(out, 0, sizeof(*out));
		out->index = r->entries;
		out->archive_path = archive_entry_pathname(e);
		if (out->archive_path == NULL)
			out->archive_path = "";
		out->size = archive_entry_size_is_set(e) &&
		    archive_entry_size(e) > 0 ?
		    (unsigned long long)archive_entry_size(e) : 0;
		if ((why = clean_path(r, archive_entry_pathname(e))) !=
		    NULL || (why = refused_kind(e)) != NULL) {
			warta_error_set(err, -1, "%s refused", why);
			out->path = out->archive_path;
			return BAG_ENTRY_REFUSED;
		}
		/* The bag's directory: the first entry's first part. */
		if (r->name == NULL) {
			nlen = strcspn(r->path.data, "/");
			if ((r->name = strndup(r->path.data, nlen)) == NULL)
				return warta_error_set(err, -1,
				    "out of memory");
		}
		if (archive_entry_filetype(e) == AE_IFDIR)
			continue;
		if (out->size > r->limits.max_entry) {
			r->done = 1;
			return warta_error_set(err, -1, "%s: %llu bytes, over "
			    "the bound of %llu (--max-entry)",
			    out->archive_path, out->size, r->limits.max_entry);
		}
		if (r->data + out->size > r->limits.max_bytes) {
			r->done = 1;
			return warta_error_set(err, -1, "more than %llu bytes "
			    "of data (--max-bytes)", r->limits.max_bytes);
		}
		nlen = strlen(r->name);
		rel = r->path.data;
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
	unsigned long long got = 0;
	la_ssize_t n;

	for (;;) {
		if (wbuf_reserve(out, READ_BLOCK) != WARTA_OK)
			return warta_error_set(err, -1, "out of memory");
		n = archive_read_data(r->a, out->data + out->len, READ_BLOCK);
		if (n == 0)
			break;
		if (n < 0) {
			r->done = 1;
			return archive_error(r, err);
		}
		out->len += (size_t)n;
		out->data[out->len] = '\0';
		got += (unsigned long long)n;
		r->data += (unsigned long long)n;
		/* The declared size may lie: the bounds hold on what comes. */
		if (got > r->limits.max_entry) {
			r->done = 1;
			return warta_error_set(err, -1, "an entry over %llu "
			    "bytes (--max-entry)", r->limits.max_entry);
		}
		if (r->data > r->limits.max_bytes) {
			r->done = 1;
			return warta_error_set(err, -1, "more than %llu bytes "
			    "of data (--max-bytes)", r->limits.max_bytes);
		}
		if (check_ratio(r, err) != WARTA_OK) {
			r->done = 1;
			return -1;
		}
	}
	return WARTA_OK;
}
