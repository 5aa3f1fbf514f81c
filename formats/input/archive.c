/*
 * input/archive.c: zip and tar deliveries (any compression), and a lone
 * compressed file ("reut2-000.sgm.gz").
 *
 * Each regular file of the archive is a source of its own: a stream over
 * the entry's data, detected and read by the module it needs (text, HTML,
 * NITF, SGML, WARC, or another archive, as deep as LIMIT_ARCHIVE_DEPTH), its
 * items named "delivery.zip/texts/a.txt" and its messages
 * "delivery.zip: texts/a.txt".  The reading is base/archive_in.c's, the
 * one safe reader warta-unpack and warta-verify use too: links, devices,
 * absolute and ".." paths are refused (each a rejected record, and the
 * reading goes on), and the bounds of struct input_limits stop a bomb as
 * warta-unpack stops one.  Directories, hidden files and macOS's
 * __MACOSX/ copies are passed over and counted.
 *
 * A zip is read through its central directory (the only place a zip
 * says an entry is a symbolic link), which needs a file to seek in: a zip
 * is first copied to a nameless temporary file (base/spool.h).  tar and
 * compressed streams are read front to back.
 *
 * A .warc.gz is gzip too, but it is WARC's (input/warc.c): detection
 * leaves it alone.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/archive_in.h"
#include "base/spool.h"
#include "input/format.h"

#define COPY_BLOCK	((size_t)64 << 10)

struct archive_reader {
	struct input_stream *in;	/* the archive (not owned) */
	struct input_context ctx;
	char *name;		/* ctx.name, copied */
	char *file_name;	/* ctx.file_name, copied, or NULL */
	struct spool spool;	/* a zip's copy, when open */
	struct archive_in *ar;
	unsigned long skipped;
	int done;		/* no entry left, or the archive stopped */

	/* The current entry: its stream, its reader, its names. */
	struct input_stream *entry;
	struct input_reader *inner;
	struct input_context inner_ctx;
	struct wbuf path;	/* the entry's path in the archive */
	struct wbuf where;	/* "NAME: PATH" */
	struct wbuf item_name;	/* "FILE/PATH" */
	int stopped;		/* reading the entry stopped the archive */
	struct warta_error stop;	/* why */
};

/* Names a delivery goes by. */
static const char *const archive_suffixes[] = {
	".zip", ".tar", ".tgz", ".taz", ".tar.gz", ".tbz", ".tbz2",
	".tar.bz2", ".txz", ".tar.xz", ".tlz", ".tar.lzma", ".tzst",
	".tar.zst", ".tar.zstd",
};

/* What a lone compressed file's name ends in. */
static const char *const compression_suffixes[] = {
	".gz", ".bz2", ".xz", ".lzma", ".zst", ".zstd",
};

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix), i;

	if (k > n)
		return 0;
	for (i = 0; i < k; i++) {
		char c = s[n - k + i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != suffix[i])
			return 0;
	}
	return 1;
}

static int
compressed_magic(const unsigned char *h, size_t n)
{
	static const unsigned char xz[] = { 0xfd, '7', 'z', 'X', 'Z', 0 };
	static const unsigned char zstd[] = { 0x28, 0xb5, 0x2f, 0xfd };
	static const unsigned char bzip2[] = { 0x31, 0x41, 0x59, 0x26,
	    0x53, 0x59 };

	if (n >= 3 && h[0] == 0x1f && h[1] == 0x8b && h[2] == 8)
		return 1;
	if (n >= 6 && memcmp(h, xz, 6) == 0)
		return 1;
	if (n >= 4 && memcmp(h, zstd, 4) == 0)
		return 1;
	/* "BZh", the block size, then the first block's magic: text that
	 * begins with "BZh9" is not taken for bzip2. */
	if (n >= 10 && memcmp(h, "BZh", 3) == 0 && h[3] >= '1' &&
	    h[3] <= '9' && memcmp(h + 4, bzip2, 6) == 0)
		return 1;
	return 0;
}

static int
is_zip(const unsigned char *h, size_t n)
{
	/* A local file header, or the end record of an empty zip. */
	return n >= 4 && h[0] == 'P' && h[1] == 'K' &&
	    ((h[2] == 3 && h[3] == 4) || (h[2] == 5 && h[3] == 6));
}

static int
archive_detect(const unsigned char *head, size_t n, const char *name)
{
	size_t i;

	/* A gzipped WARC is WARC's. */
	if (input_warc.detect(head, n, name) > 0)
		return 0;
	if (is_zip(head, n))
		return 90;
	if (n >= 262 && memcmp(head + 257, "ustar", 5) == 0)
		return 90;
	if (compressed_magic(head, n))
		return 80;
	/* A damaged delivery is still one: its name says so, and reading
	 * it as text would only give its bytes. */
	if (name != NULL)
		for (i = 0; i < sizeof(archive_suffixes) /
		    sizeof(archive_suffixes[0]); i++)
			if (ends_with(name, archive_suffixes[i]))
				return 50;
	return 0;
}

static long
read_stream(void *ctx, void *buf, size_t n, struct warta_error *err)
{
	return input_stream_read(ctx, buf, n, err);
}

/* The whole stream into a nameless file, rewound: a zip is read from its
 * end.  Bounded by max_bytes (the archive is not bigger than its data
 * may be). */
static int
spool_zip(struct archive_reader *t, struct warta_error *err)
{
	unsigned char *buf;
	unsigned long long total = 0;
	long got;
	int rc = WARTA_FAILED;

	if (spool_open(&t->spool, err) == NULL)
		return WARTA_FAILED;
	if ((buf = malloc(COPY_BLOCK)) == NULL)
		return warta_error_set(err, -1, "out of memory");
	while ((got = input_stream_read(t->in, buf, COPY_BLOCK, err)) > 0) {
		if ((total += (unsigned long long)got) >
		    t->ctx.limits->max_bytes) {
			warta_error_set(err, -1, "a zip of more than %llu "
			    "bytes", t->ctx.limits->max_bytes);
			goto out;
		}
		if (fwrite(buf, 1, (size_t)got, t->spool.fp) != (size_t)got) {
			warta_error_set(err, -1, "temporary file: %s",
			    strerror(errno));
			goto out;
		}
	}
	if (got < 0)
		goto out;
	if (fflush(t->spool.fp) != 0 ||
	    lseek(fileno(t->spool.fp), 0, SEEK_SET) != 0) {
		warta_error_set(err, -1, "temporary file: %s", strerror(errno));
		goto out;
	}
	rc = WARTA_OK;
out:
	free(buf);
	return rc;
}

static void archive_close(void *state);

static void *
archive_open(struct input_stream *in, const struct input_context *ctx,
    struct warta_error *err)
{
	struct archive_reader *t;
	struct archive_in_limits l;
	const unsigned char *head;
	size_t n;

	if ((t = calloc(1, sizeof(*t))) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	t->in = in;
	t->ctx = *ctx;
	wbuf_init(&t->path);
	wbuf_init(&t->where);
	wbuf_init(&t->item_name);
	if ((t->name = strdup(ctx->name != NULL ? ctx->name : "")) == NULL ||
	    (ctx->file_name != NULL &&
	    (t->file_name = strdup(ctx->file_name)) == NULL)) {
		warta_error_set(err, -1, "out of memory");
		archive_close(t);
		return NULL;
	}
	t->ctx.name = t->name;
	t->ctx.file_name = t->file_name;

	/* The bounds warta-unpack has, but one entry's: that is the bound
	 * on a record, which the module reading the entry holds (an entry
	 * may be a web archive of many records). */
	memset(&l, 0, sizeof(l));
	l.max_entries = ctx->limits->max_entries;
	l.max_bytes = ctx->limits->max_bytes;
	l.max_entry = ctx->limits->max_bytes;
	l.max_ratio = ctx->limits->max_ratio;

	if ((head = input_stream_head(in, &n, err)) == NULL)
		goto fail;
	if (is_zip(head, n) || ends_with(t->name, ".zip")) {
		if (spool_zip(t, err) != WARTA_OK)
			goto fail;
		t->ar = archive_in_open_fd(fileno(t->spool.fp), ARCHIVE_IN_ZIP,
		    &l, err);
	} else
		t->ar = archive_in_open_read(read_stream, in, ARCHIVE_IN_TAR |
		    ARCHIVE_IN_ZIP | ARCHIVE_IN_RAW, &l, err);
	if (t->ar == NULL)
		goto fail;
	return t;
fail:
	archive_close(t);
	return NULL;
}

/* Reads the current entry for its module; a failure here stops the
 * archive (a bound, a damaged stream), which next() must know. */
static long
read_entry(void *ctx, void *buf, size_t n, struct warta_error *err)
{
	struct archive_reader *t = ctx;
	long got;

	if ((got = archive_in_read(t->ar, buf, n, err)) < 0 && !t->stopped) {
		t->stopped = 1;
		t->stop = *err;
	}
	return got;
}

static void
end_entry(struct archive_reader *t)
{
	if (t->inner != NULL) {
		t->skipped += input_skipped(t->inner);
		input_close(t->inner);
		t->inner = NULL;
	}
	input_stream_free(t->entry);
	t->entry = NULL;
}

/* err's message, after "PATH: ". */
static int
entry_error(struct archive_reader *t, struct warta_error *err)
{
	struct warta_error was = *err;

	return warta_error_set(err, was.offset, "%s: %s", t->path.data,
	    was.message);
}

/* Passed over: a hidden file, or the copies macOS's zip adds. */
static int
junk(const char *path)
{
	const char *seg = path;

	if (strncmp(path, "__MACOSX/", 9) == 0)
		return 1;
	/* The path is clean: a part that begins with a dot is hidden. */
	for (;;) {
		if (*seg == '.')
			return 1;
		if ((seg = strchr(seg, '/')) == NULL)
			return 0;
		seg++;
	}
}

/* The name of a lone compressed file's content: its own, less the
 * compression's suffix ("reut2-000.sgm.gz": "reut2-000.sgm"). */
static int
raw_path(struct archive_reader *t)
{
	const char *base = t->file_name != NULL ? t->file_name : t->name;
	const char *slash = strrchr(base, '/');
	size_t i, n;

	if (slash != NULL)
		base = slash + 1;
	n = strlen(base);
	for (i = 0; i < sizeof(compression_suffixes) /
	    sizeof(compression_suffixes[0]); i++)
		if (ends_with(base, compression_suffixes[i]) &&
		    n > strlen(compression_suffixes[i])) {
			n -= strlen(compression_suffixes[i]);
			break;
		}
	wbuf_reset(&t->path);
	if (i == sizeof(compression_suffixes) /
	    sizeof(compression_suffixes[0]))
		return wbuf_puts(&t->path, "data");
	return wbuf_append(&t->path, base, n);
}

/* Opens the entry at t->path as a source of its own. */
static int
start_entry(struct archive_reader *t, struct warta_error *err)
{
	wbuf_reset(&t->where);
	wbuf_reset(&t->item_name);
	if (wbuf_puts(&t->where, t->name) != WARTA_OK ||
	    wbuf_puts(&t->where, ": ") != WARTA_OK ||
	    wbuf_puts(&t->where, t->path.data) != WARTA_OK ||
	    (t->file_name != NULL &&
	    (wbuf_puts(&t->item_name, t->file_name) != WARTA_OK ||
	    wbuf_putc(&t->item_name, '/') != WARTA_OK)) ||
	    wbuf_puts(&t->item_name, t->path.data) != WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	t->inner_ctx = t->ctx;
	t->inner_ctx.name = t->where.data;
	t->inner_ctx.file_name = t->item_name.data;
	t->inner_ctx.depth = t->ctx.depth + 1;
	t->inner_ctx.charset = NULL;	/* a zip or tar states none */
	if ((t->entry = input_stream_new(read_entry, t, t->where.data)) ==
	    NULL)
		return warta_error_set(err, -1, "out of memory");
	if ((t->inner = input_open_stream(t->entry, &t->inner_ctx, INPUT_AUTO,
	    err)) == NULL) {
		end_entry(t);
		return WARTA_FAILED;
	}
	return WARTA_OK;
}

static int
archive_next(void *state, struct input_article *out, struct warta_error *err)
{
	struct archive_reader *t = state;
	struct archive_in_entry e;
	int rc;

	for (;;) {
		if (t->inner != NULL) {
			if ((rc = input_next(t->inner, out, err)) > 0)
				return rc;
			if (rc == 0) {
				end_entry(t);
				continue;
			}
			if (t->stopped) {
				/* The archive itself: nothing after it. */
				*err = t->stop;
				end_entry(t);
				t->done = 1;
				entry_error(t, err);
				return -2;
			}
			entry_error(t, err);
			/* -1: the entry's source goes on (a WARC's next
			 * record); -2: it has nothing more. */
			if (rc < -1)
				end_entry(t);
			return -1;
		}
		if (t->done)
			return 0;
		memset(&e, 0, sizeof(e));
		if ((rc = archive_in_next(t->ar, &e, err)) == 0) {
			t->done = 1;
			return 0;
		}
		if (rc < 0) {
			t->done = 1;
			return -2;
		}
		if (rc == ARCHIVE_IN_REFUSED) {
			struct warta_error was = *err;

			return warta_error_set(err, -1, "%s: %s",
			    e.archive_path, was.message);
		}
		if (rc == ARCHIVE_IN_DIR || junk(e.path)) {
			t->skipped++;
			continue;
		}
		if (archive_in_is_raw(t->ar)) {
			/* Not compressed and no archive: nothing to take
			 * out of it. */
			if (!archive_in_compressed(t->ar)) {
				t->done = 1;
				warta_error_set(err, 0, "not a zip or tar "
				    "archive, nor a compressed file");
				return -2;
			}
			if (raw_path(t) != WARTA_OK)
				return warta_error_set(err, -1,
				    "out of memory");
		} else {
			wbuf_reset(&t->path);
			if (wbuf_puts(&t->path, e.path) != WARTA_OK)
				return warta_error_set(err, -1,
				    "out of memory");
		}
		if (start_entry(t, err) != WARTA_OK) {
			entry_error(t, err);
			return -1;
		}
		/* The bound on one record, before its bytes are read; a
		 * container's records are bounded one by one. */
		if (!input_is_container(t->inner) &&
		    e.size > t->ctx.limits->max_record) {
			end_entry(t);
			warta_error_set(err, -1, "%llu bytes, larger than the "
			    "size bound of %llu bytes (see --max-size)",
			    e.size, t->ctx.limits->max_record);
			entry_error(t, err);
			return -1;
		}
	}
}

static unsigned long
archive_skipped(void *state)
{
	const struct archive_reader *t = state;

	return t->skipped + (t->inner != NULL ? input_skipped(t->inner) : 0);
}

static void
archive_close(void *state)
{
	struct archive_reader *t = state;

	if (t == NULL)
		return;
	end_entry(t);
	archive_in_free(t->ar);
	spool_close(&t->spool);
	wbuf_release(&t->path);
	wbuf_release(&t->where);
	wbuf_release(&t->item_name);
	free(t->name);
	free(t->file_name);
	free(t);
}

const struct input_format input_archive = {
	"archive", INPUT_ARCHIVE, 1, archive_detect, archive_open,
	archive_next, archive_skipped, archive_close
};
