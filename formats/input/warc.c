/*
 * input/warc.c: WARC web archives (ISO 28500, WARC/1.0 and 1.1), as
 * Heritrix, wget --warc-file and national libraries' crawlers write them,
 * plain or gzipped record by record (.warc.gz).
 *
 * Each response record holding an HTML page (a 2xx HTTP response whose
 * Content-Type is text/html or application/xhtml+xml), and each resource
 * record that is an HTML page itself, is an article: its payload (the
 * HTTP body, its chunked transfer coding and gzip or deflate content
 * coding undone) is read by the HTML module, with the record's
 * WARC-Target-URI and WARC-Date kept as its provenance and "record N,
 * byte OFFSET" as its place in the file.  The other records (warcinfo,
 * request, metadata, revisit, conversion, continuation; responses that
 * are not 2xx or not HTML) are passed over and counted.
 *
 * The bytes come through base/archive_in.c with its "raw" format: the
 * file's bytes, decompressed when they are gzip (one member a record, or
 * one for the whole file), under the reader's bound on the decompression
 * ratio.  libarchive has a WARC reader of its own, but (3.6) it refuses
 * WARC/1.1, which wget writes, gives only resource and response records
 * and passes over the others without a word (they could not be counted),
 * and says nothing of a record's Content-Type or of where it starts; so
 * the records are read here, and OFFSET is in the uncompressed bytes.
 *
 * A damaged record (a header that is not one, a Content-Length missing or
 * wrong, a body cut short) is reported with its place, and the reading
 * goes on at the next line that begins "WARC/1."; when the bytes
 * themselves cannot be read further (a damaged gzip member), -2.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

#include "base/archive_in.h"
#include "base/limits.h"
#include "base/utf8.h"
#include "input/format.h"

#define BUF_SIZE	((size_t)64 << 10)

struct warc_reader {
	struct input_stream *in;	/* the file (not owned) */
	struct input_context ctx;
	char *name;		/* ctx.name, copied */
	char *file_name;	/* ctx.file_name, copied, or NULL */
	struct archive_in *ar;	/* the file's bytes, decompressed */

	/* The uncompressed bytes: buf[pos..len) is unread, and buf[0] is
	 * byte base of the file. */
	unsigned char *buf;
	size_t pos, len;
	unsigned long long base;
	int eof;
	int broken;		/* the bytes cannot be read further */
	struct warta_error why;	/* and why */

	unsigned long records;
	unsigned long skipped;
	int resync;		/* after a damaged record */
	int done;

	/* The current record. */
	unsigned long long start;	/* its first byte */
	unsigned long long left;	/* bytes of its block not yet read */
	struct wbuf line;
	struct wbuf header;	/* the WARC header */
	struct wbuf http;	/* a response's HTTP header */
	char *type, *uri, *date, *ctype, *length;
	char *http_ctype, *transfer, *coding;
	struct wbuf raw;	/* the payload as stored */
	struct wbuf payload;	/* as the page has it */
	struct wbuf where;	/* "NAME: record N, byte OFFSET" */
	struct wbuf locator;	/* "record N, byte OFFSET" */
	char charset[64];	/* the HTTP Content-Type's, or "" */

	/* The page's reader. */
	struct input_stream *page;
	struct input_reader *inner;
	struct input_context inner_ctx;
	size_t page_pos;	/* bytes of payload given to the page */
};

/* ---- detection ---- */

static int
warc_magic(const unsigned char *h, size_t n)
{
	return n >= 8 && (memcmp(h, "WARC/1.0", 8) == 0 ||
	    memcmp(h, "WARC/1.1", 8) == 0) && n > 8 &&
	    (h[8] == '\r' || h[8] == '\n');
}

/* The first bytes of a gzip stream, inflated: a .warc.gz begins with
 * "WARC/1." once its first member is opened. */
static int
gzip_warc(const unsigned char *head, size_t n)
{
	unsigned char out[16];
	z_stream z;
	int rc;

	if (n < 3 || head[0] != 0x1f || head[1] != 0x8b || head[2] != 8)
		return 0;
	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
		return 0;
	z.next_in = (unsigned char *)(size_t)head;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = sizeof(out);
	rc = inflate(&z, Z_SYNC_FLUSH);
	inflateEnd(&z);
	if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
		return 0;
	return warc_magic(out, sizeof(out) - z.avail_out);
}

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
warc_detect(const unsigned char *head, size_t n, const char *name)
{
	if (warc_magic(head, n) || gzip_warc(head, n))
		return 100;
	/* A WARC by its name whose first record is damaged: its records
	 * are still WARC's to find (and no archive's: a .warc.gz is gzip). */
	if (name != NULL && (ends_with(name, ".warc") ||
	    ends_with(name, ".warc.gz")))
		return 50;
	return 0;
}

/* ---- the bytes ---- */

static long
read_stream(void *ctx, void *buf, size_t n, struct warta_error *err)
{
	return input_stream_read(ctx, buf, n, err);
}

/* More bytes after buf[len]: 1, 0 at the end, -1 when they cannot be
 * read (w->why says why). */
static int
fill(struct warc_reader *w)
{
	long got;

	if (w->eof)
		return 0;
	if (w->broken)
		return -1;
	if (w->pos > 0) {
		memmove(w->buf, w->buf + w->pos, w->len - w->pos);
		w->base += w->pos;
		w->len -= w->pos;
		w->pos = 0;
	}
	if (w->len == BUF_SIZE)
		return 1;	/* full: the caller has what it asked for */
	got = archive_in_read(w->ar, w->buf + w->len, BUF_SIZE - w->len,
	    &w->why);
	if (got < 0) {
		w->broken = 1;
		return -1;
	}
	if (got == 0) {
		w->eof = 1;
		return 0;
	}
	w->len += (size_t)got;
	return 1;
}

/* At least k (<= BUF_SIZE) unread bytes: 1, 0 when the file ends first,
 * -1 on a read error. */
static int
ensure(struct warc_reader *w, size_t k)
{
	int rc;

	while (w->len - w->pos < k)
		if ((rc = fill(w)) <= 0)
			return rc;
	return 1;
}

static unsigned long long
offset(const struct warc_reader *w)
{
	return w->base + w->pos;
}

/*
 * A line into w->line (with its end of line, NUL-terminated), taking at
 * most max bytes and at most *left when left is not NULL (the record's
 * block).  1 a line, 0 nothing left, -1 read error, -3 longer than max
 * or than what is left.
 */
static int
read_line(struct warc_reader *w, size_t max, unsigned long long *left)
{
	const unsigned char *nl;
	size_t avail, take;
	int rc;

	wbuf_reset(&w->line);
	for (;;) {
		if (w->pos == w->len) {
			if ((rc = fill(w)) < 0)
				return -1;
			if (rc == 0)
				return w->line.len > 0 ? -3 : 0;
		}
		avail = w->len - w->pos;
		if (left != NULL && avail > *left)
			avail = (size_t)*left;
		if (avail == 0)
			return w->line.len > 0 ? -3 : 0;
		nl = memchr(w->buf + w->pos, '\n', avail);
		take = nl != NULL ? (size_t)(nl - (w->buf + w->pos)) + 1 :
		    avail;
		if (w->line.len + take > max)
			return -3;
		if (wbuf_append(&w->line, w->buf + w->pos, take) !=
		    WARTA_OK) {
			w->broken = 1;
			warta_error_set(&w->why, -1, "out of memory");
			return -1;
		}
		w->pos += take;
		if (left != NULL)
			*left -= take;
		if (nl != NULL)
			return 1;
	}
}

/* Appends n bytes to out, or passes over them when out is NULL: how many
 * there were (fewer at the end). */
static unsigned long long
take(struct warc_reader *w, struct wbuf *out, unsigned long long n)
{
	unsigned long long done = 0;
	size_t k;

	while (done < n) {
		if (w->pos == w->len && fill(w) <= 0)
			break;
		k = w->len - w->pos;
		if (k > n - done)
			k = (size_t)(n - done);
		if (out != NULL &&
		    wbuf_append(out, w->buf + w->pos, k) != WARTA_OK) {
			w->broken = 1;
			warta_error_set(&w->why, -1, "out of memory");
			break;
		}
		w->pos += k;
		done += k;
	}
	return done;
}

/* ---- headers ---- */

/* Trims blanks (and the line's end) from both ends of s, in place. */
static char *
trim(char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r' || s[n - 1] == '\n'))
		s[--n] = '\0';
	return s;
}

static int
same_name(const char *a, size_t n, const char *b)
{
	size_t i;

	if (strlen(b) != n)
		return 0;
	for (i = 0; i < n; i++) {
		char c = a[i], d = b[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (d >= 'A' && d <= 'Z')
			d = (char)(d - 'A' + 'a');
		if (c != d)
			return 0;
	}
	return 1;
}

struct field {
	const char *name;
	char **value;
};

/*
 * The fields of a header read by read_header() (lines ending in '\n', a
 * line that begins with a blank continuing the one before: its value is
 * cut there, which none of the fields read here needs), each value a
 * pointer into it.  The first field of a name counts.
 */
static void
parse_fields(char *text, const struct field *fields, size_t n)
{
	char *line = text, *next, *colon;
	size_t i;

	for (i = 0; i < n; i++)
		*fields[i].value = NULL;
	while (line != NULL && *line != '\0') {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (*line != ' ' && *line != '\t' &&
		    (colon = strchr(line, ':')) != NULL)
			for (i = 0; i < n; i++)
				if (*fields[i].value == NULL &&
				    same_name(line, (size_t)(colon - line),
				    fields[i].name)) {
					*fields[i].value = trim(colon + 1);
					break;
				}
		line = next;
	}
}

/*
 * Reads header lines into out up to the blank line that ends them (not
 * kept); left bounds them to a record's block, or is NULL.  1, or -1
 * read error, -3 cut short or too long.
 */
static int
read_header(struct warc_reader *w, struct wbuf *out, unsigned long long *left)
{
	int rc;

	wbuf_reset(out);
	if (wbuf_reserve(out, 1) != WARTA_OK) {
		w->broken = 1;
		warta_error_set(&w->why, -1, "out of memory");
		return -1;
	}
	out->data[0] = '\0';
	for (;;) {
		if ((rc = read_line(w, LIMIT_WARC_LINE, left)) <= 0)
			return rc == 0 ? -3 : rc;
		if (strcmp(w->line.data, "\r\n") == 0 ||
		    strcmp(w->line.data, "\n") == 0)
			return 1;
		if (out->len + w->line.len > LIMIT_WARC_HEADER ||
		    memchr(w->line.data, '\0', w->line.len) != NULL)
			return -3;
		if (wbuf_append(out, w->line.data, w->line.len) !=
		    WARTA_OK) {
			w->broken = 1;
			warta_error_set(&w->why, -1, "out of memory");
			return -1;
		}
	}
}

/* The media type of a Content-Type, lowercased, in out. */
static void
media_type(const char *ctype, char *out, size_t size)
{
	size_t i = 0;

	if (ctype != NULL)
		for (; ctype[i] != '\0' && ctype[i] != ';' && ctype[i] != ' ' &&
		    i + 1 < size; i++)
			out[i] = (char)(ctype[i] >= 'A' && ctype[i] <= 'Z' ?
			    ctype[i] - 'A' + 'a' : ctype[i]);
	out[i] = '\0';
}

static int
html_type(const char *ctype)
{
	char mt[64];

	media_type(ctype, mt, sizeof(mt));
	return strcmp(mt, "text/html") == 0 ||
	    strcmp(mt, "application/xhtml+xml") == 0;
}

/* The charset parameter of a Content-Type, if it is a plain name. */
static void
charset_of(const char *ctype, char *out, size_t size)
{
	const char *p;
	size_t i = 0;

	out[0] = '\0';
	if (ctype == NULL)
		return;
	for (p = ctype; (p = strchr(p, ';')) != NULL; ) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, "charset=", 8) != 0)
			continue;
		p += 8;
		if (*p == '"')
			p++;
		for (i = 0; i + 1 < size && ((p[i] >= 'a' && p[i] <= 'z') ||
		    (p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= '0' &&
		    p[i] <= '9') || p[i] == '-' || p[i] == '_' ||
		    p[i] == '.' || p[i] == ':'); i++)
			out[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ?
			    p[i] - 'A' + 'a' : p[i]);
		out[i] = '\0';
		return;
	}
}

/* A value that can stand in an item: UTF-8, no control characters. */
static int
printable(const char *s)
{
	size_t i, n = strlen(s);

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return n > 0 && utf8_valid((const unsigned char *)s, n, NULL);
}

/* "WARC/1.0" or "WARC/1.1" (any 1.x) and the line's end. */
static int
version_line(const char *s)
{
	size_t digits;

	if (strncmp(s, "WARC/1.", 7) != 0)
		return 0;
	s += 7;
	if ((digits = strspn(s, "0123456789")) == 0)
		return 0;
	s += digits;
	return strcmp(s, "\r\n") == 0 || strcmp(s, "\n") == 0;
}

/* Content-Length: digits only, no overflow. */
static int
parse_length(const char *s, unsigned long long *n)
{
	unsigned long long v = 0;

	if (s == NULL || *s == '\0')
		return WARTA_FAILED;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v > (~0ULL - 9) / 10)
			return WARTA_FAILED;
		v = v * 10 + (unsigned long long)(*s - '0');
	}
	*n = v;
	return WARTA_OK;
}

/* ---- the payload ---- */

/* Undoes the chunked transfer coding of w->raw into w->payload. */
static int
dechunk(struct warc_reader *w, struct warta_error *err)
{
	const char *p, *end;
	unsigned long long size;
	int digits;

	wbuf_reset(&w->payload);
	/* An empty body has no chunk size either; and raw.data is NULL
	 * then, which the pointer arithmetic below must not see. */
	if (w->raw.len == 0)
		return warta_error_set(err, -1, "no chunk size in the "
		    "chunked body");
	p = w->raw.data;
	end = p + w->raw.len;
	for (;;) {
		size = 0;
		digits = 0;
		for (; p < end; p++, digits++) {
			int c = *p, v;

			if (c >= '0' && c <= '9')
				v = c - '0';
			else if (c >= 'a' && c <= 'f')
				v = c - 'a' + 10;
			else if (c >= 'A' && c <= 'F')
				v = c - 'A' + 10;
			else
				break;
			if (size > (~0ULL >> 4))
				return warta_error_set(err, -1, "a chunk size "
				    "out of range in the chunked body");
			size = size * 16 + (unsigned long long)v;
		}
		if (digits == 0)
			return warta_error_set(err, -1, "no chunk size in the "
			    "chunked body");
		/* Extensions, then the line's end. */
		while (p < end && *p != '\n')
			p++;
		if (p == end)
			return warta_error_set(err, -1, "the chunked body is "
			    "cut short");
		p++;
		if (size == 0)
			return WARTA_OK;	/* trailers do not matter */
		if (size > (unsigned long long)(end - p))
			return warta_error_set(err, -1, "the chunked body is "
			    "cut short");
		if (wbuf_append(&w->payload, p, (size_t)size) != WARTA_OK)
			return warta_error_set(err, -1, "out of memory");
		p += size;
		if (p < end && *p == '\r')
			p++;
		if (p < end && *p == '\n')
			p++;
	}
}

/*
 * Undoes a gzip or deflate content coding of from into to, bounded by
 * the record's size and by the ratio the archive reader holds to.
 */
static int
inflate_body(struct warc_reader *w, const struct wbuf *from, struct wbuf *to,
    int gzip, struct warta_error *err)
{
	unsigned long long max = w->ctx.limits->max_record;
	z_stream z;
	int rc, tries;

	/* "deflate" is zlib's wrapping by the standard, and a bare
	 * deflate stream from some servers: the second try. */
	for (tries = 0; tries < (gzip ? 1 : 2); tries++) {
		memset(&z, 0, sizeof(z));
		wbuf_reset(to);
		if (inflateInit2(&z, gzip ? 16 + MAX_WBITS : tries == 0 ?
		    MAX_WBITS : -MAX_WBITS) != Z_OK)
			return warta_error_set(err, -1, "out of memory");
		z.next_in = (unsigned char *)from->data;
		z.avail_in = (uInt)from->len;
		do {
			if (wbuf_reserve(to, 65536) != WARTA_OK) {
				inflateEnd(&z);
				return warta_error_set(err, -1,
				    "out of memory");
			}
			z.next_out = (unsigned char *)to->data + to->len;
			z.avail_out = 65536;
			rc = inflate(&z, Z_NO_FLUSH);
			to->len += 65536 - z.avail_out;
			if (to->len > max) {
				inflateEnd(&z);
				return warta_error_set(err, -1, "the page, "
				    "decompressed, is larger than the size "
				    "bound of %llu bytes (see --max-size)",
				    max);
			}
			if (to->len > LIMIT_ARCHIVE_RATIO_FLOOR && to->len / (from->len +
			    1) > w->ctx.limits->max_ratio) {
				inflateEnd(&z);
				return warta_error_set(err, -1, "%zu bytes of "
				    "page from %zu compressed, a ratio over "
				    "%llu: a decompression bomb?", to->len,
				    from->len, w->ctx.limits->max_ratio);
			}
		} while (rc == Z_OK);
		inflateEnd(&z);
		if (to->len > 0)
			to->data[to->len] = '\0';
		if (rc == Z_STREAM_END)
			return WARTA_OK;
	}
	return warta_error_set(err, -1, "the page's %s content coding is "
	    "damaged", gzip ? "gzip" : "deflate");
}

/* The page's payload in w->payload, as the response's codings left it. */
static int
decode_payload(struct warc_reader *w, struct warta_error *err)
{
	char coding[32];
	const struct wbuf *from = &w->raw;

	if (w->transfer != NULL) {
		media_type(w->transfer, coding, sizeof(coding));
		if (strcmp(coding, "chunked") == 0) {
			if (dechunk(w, err) != WARTA_OK)
				return WARTA_FAILED;
			/* Decoded into payload; raw is free for the next. */
			wbuf_reset(&w->raw);
			if (wbuf_append(&w->raw, w->payload.data,
			    w->payload.len) != WARTA_OK)
				return warta_error_set(err, -1,
				    "out of memory");
		} else if (strcmp(coding, "identity") != 0 &&
		    coding[0] != '\0')
			return warta_error_set(err, -1, "the transfer coding "
			    "'%s' is not supported", coding);
	}
	media_type(w->coding, coding, sizeof(coding));
	if (strcmp(coding, "gzip") == 0 || strcmp(coding, "x-gzip") == 0)
		return inflate_body(w, from, &w->payload, 1, err);
	if (strcmp(coding, "deflate") == 0)
		return inflate_body(w, from, &w->payload, 0, err);
	if (coding[0] != '\0' && strcmp(coding, "identity") != 0)
		return warta_error_set(err, -1, "the content coding '%s' is "
		    "not supported", coding);
	wbuf_reset(&w->payload);
	if (wbuf_append(&w->payload, from->data, from->len) != WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	return WARTA_OK;
}

/* ---- the reader ---- */

static void warc_close(void *state);

static void *
warc_open(struct input_stream *in, const struct input_context *ctx,
    struct warta_error *err)
{
	struct warc_reader *w;
	struct archive_in_limits l;
	struct archive_in_entry e;
	const unsigned char *head;
	size_t n;

	if ((w = calloc(1, sizeof(*w))) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	w->in = in;
	w->ctx = *ctx;
	wbuf_init(&w->line);
	wbuf_init(&w->header);
	wbuf_init(&w->http);
	wbuf_init(&w->raw);
	wbuf_init(&w->payload);
	wbuf_init(&w->where);
	wbuf_init(&w->locator);
	if ((w->name = strdup(ctx->name != NULL ? ctx->name : "")) == NULL ||
	    (ctx->file_name != NULL &&
	    (w->file_name = strdup(ctx->file_name)) == NULL) ||
	    (w->buf = malloc(BUF_SIZE)) == NULL) {
		warta_error_set(err, -1, "out of memory");
		goto fail;
	}
	w->ctx.name = w->name;
	w->ctx.file_name = w->file_name;
	if ((head = input_stream_head(in, &n, err)) == NULL)
		goto fail;
	if (n == 0) {
		w->done = 1;	/* an empty file holds no record */
		return w;
	}
	/* The file is one stream of bytes (the "raw" format) that may be
	 * compressed; the bounds are the archive's, and each record's is
	 * held here. */
	memset(&l, 0, sizeof(l));
	l.max_entries = 1;
	l.max_bytes = ctx->limits->max_bytes;
	l.max_entry = ctx->limits->max_bytes;
	l.max_ratio = ctx->limits->max_ratio;
	if ((w->ar = archive_in_open_read(read_stream, in, ARCHIVE_IN_RAW, &l,
	    err)) == NULL)
		goto fail;
	if (archive_in_next(w->ar, &e, err) != ARCHIVE_IN_FILE)
		goto fail;
	return w;
fail:
	warc_close(w);
	return NULL;
}

static void
end_page(struct warc_reader *w)
{
	if (w->inner != NULL) {
		w->skipped += input_skipped(w->inner);
		input_close(w->inner);
		w->inner = NULL;
	}
	input_stream_free(w->page);
	w->page = NULL;
}

/* The payload, to the module reading the page. */
static long
read_page(void *ctx, void *buf, size_t n, struct warta_error *err)
{
	struct warc_reader *w = ctx;
	size_t k = w->payload.len - w->page_pos;

	(void)err;
	if (k > n)
		k = n;
	if (k > 0)
		memcpy(buf, w->payload.data + w->page_pos, k);
	w->page_pos += k;
	return (long)k;
}

/* "record N, byte OFFSET: " before err's message. */
static int
record_error(struct warc_reader *w, struct warta_error *err)
{
	struct warta_error was = *err;

	return warta_error_set(err, (long long)w->start,
	    "record %lu, byte %llu: %s", w->records, w->start, was.message);
}

/* A damaged record: reported; the reading goes on at the next record's
 * first line. */
static int
damaged(struct warc_reader *w, struct warta_error *err, const char *what)
{
	w->resync = 1;
	warta_error_set(err, -1, "%s", what);
	record_error(w, err);
	return -1;
}

/* A record whose block was passed over, that could not be read as what
 * it says it is: -1, the reading goes on after it. */
static int
not_read(struct warc_reader *w, struct warta_error *err, const char *what)
{
	warta_error_set(err, -1, "%s", what);
	return record_error(w, err);
}

/* The bytes cannot be read further: -2. */
static int
broken(struct warc_reader *w, struct warta_error *err)
{
	w->done = 1;
	warta_error_set(err, (long long)offset(w), "byte %llu: %s",
	    offset(w), w->why.message);
	return -2;
}

/* Memory ran out: nothing more can be read. */
static int
out_of_memory(struct warc_reader *w, struct warta_error *err)
{
	w->done = 1;
	warta_error_set(err, -1, "out of memory");
	return -2;
}

/* Passes over to the next line that begins "WARC/1.": 1 there, 0 at the
 * end, -1 on a read error. */
static int
resync(struct warc_reader *w)
{
	const unsigned char *nl;
	int rc, moved = offset(w) != w->start;

	for (;; moved = 1) {
		if ((rc = ensure(w, 7)) < 0)
			return -1;
		/* Not the damaged record's own first line again. */
		if (rc > 0 && moved &&
		    memcmp(w->buf + w->pos, "WARC/1.", 7) == 0) {
			w->resync = 0;
			return 1;
		}
		/* To the next line. */
		for (;;) {
			if (w->pos == w->len && (rc = fill(w)) <= 0)
				return rc;
			nl = memchr(w->buf + w->pos, '\n', w->len - w->pos);
			if (nl != NULL) {
				w->pos = (size_t)(nl - w->buf) + 1;
				break;
			}
			w->pos = w->len;
		}
	}
}

/* Passes over the blank lines between records: 1 at a record, 0 at the
 * end, -1 on a read error. */
static int
to_record(struct warc_reader *w)
{
	int rc;

	for (;;) {
		if (w->pos == w->len && (rc = fill(w)) <= 0)
			return rc;
		if (w->buf[w->pos] != '\r' && w->buf[w->pos] != '\n')
			return 1;
		w->pos++;
	}
}

/* Passes over the rest of the record's block: 0, or -1 cut short, -2
 * broken. */
static int
skip_block(struct warc_reader *w, struct warta_error *err)
{
	unsigned long long want = w->left;

	w->left = 0;
	if (take(w, NULL, want) < want) {
		if (w->broken)
			return broken(w, err);
		return damaged(w, err, "the record is cut short");
	}
	return 0;
}

/* A record that is not an article: passed over and counted. */
static int
pass_over(struct warc_reader *w, struct warta_error *err)
{
	int rc;

	if ((rc = skip_block(w, err)) == 0)
		w->skipped++;
	return rc;
}

/*
 * The HTTP response at the start of a response record's block: its
 * header into w->header and its fields.  1 a 2xx HTML page, 0 passed
 * over (counted), -1 damaged, -2 broken.
 */
static int
http_response(struct warc_reader *w, struct warta_error *err)
{
	char *status, *p;
	const struct field fields[] = {
		{ "Content-Type", &w->http_ctype },
		{ "Transfer-Encoding", &w->transfer },
		{ "Content-Encoding", &w->coding },
	};
	int rc, code = 0;

	if ((rc = read_header(w, &w->http, &w->left)) == -1)
		return broken(w, err);
	if (rc < 0)
		return (rc = skip_block(w, err)) < 0 ? rc :
		    not_read(w, err, "the HTTP header is cut short or too "
		    "long");
	/* The status line ("HTTP/1.1 200 OK"), then the fields. */
	status = w->http.data;
	if ((p = strchr(status, '\n')) != NULL &&
	    strncmp(status, "HTTP/", 5) == 0) {
		*p = '\0';
		if ((status = strchr(status, ' ')) != NULL &&
		    strspn(status + 1, "0123456789") == 3)
			code = atoi(status + 1);
	}
	if (code < 100)
		return (rc = skip_block(w, err)) < 0 ? rc :
		    not_read(w, err, "not an HTTP response");
	parse_fields(p + 1, fields, sizeof(fields) / sizeof(fields[0]));
	/* Not a page: a redirect, an error, an image, a style sheet. */
	if (code < 200 || code > 299 || (w->http_ctype != NULL &&
	    !html_type(w->http_ctype)))
		return pass_over(w, err);
	charset_of(w->http_ctype, w->charset, sizeof(w->charset));
	return 1;
}

/* With no Content-Type, the page says what it is. */
static int
looks_html(const struct wbuf *b)
{
	size_t i = 0;

	if (b->len >= 3 && memcmp(b->data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < b->len && (b->data[i] == ' ' || b->data[i] == '\t' ||
	    b->data[i] == '\r' || b->data[i] == '\n'))
		i++;
	return (b->len - i >= 14 &&
	    strncasecmp(b->data + i, "<!doctype html", 14) == 0) ||
	    (b->len - i >= 5 && strncasecmp(b->data + i, "<html", 5) == 0);
}

/* The page over w->payload, read by the HTML module in the charset the
 * HTTP header states, if it states one. */
static int
open_page(struct warc_reader *w, struct warta_error *err)
{
	w->inner_ctx = w->ctx;
	w->inner_ctx.name = w->where.data;
	w->inner_ctx.depth = w->ctx.depth + 1;
	w->inner_ctx.charset = w->charset[0] != '\0' ? w->charset : NULL;
	w->page_pos = 0;
	if ((w->page = input_stream_new(read_page, w, w->where.data)) == NULL)
		return warta_error_set(err, -1, "out of memory");
	if ((w->inner = input_open_stream(w->page, &w->inner_ctx, INPUT_HTML,
	    err)) != NULL)
		return WARTA_OK;
	end_page(w);
	return WARTA_FAILED;
}

/*
 * The next record: 1 an HTML page is open in w->inner, 0 passed over
 * (counted), -1 damaged, -2 broken, 2 the end.
 */
static int
next_record(struct warc_reader *w, struct warta_error *err)
{
	const struct field fields[] = {
		{ "WARC-Type", &w->type },
		{ "WARC-Target-URI", &w->uri },
		{ "WARC-Date", &w->date },
		{ "Content-Type", &w->ctype },
		{ "Content-Length", &w->length },
	};
	unsigned long long length, got;
	char num[64];
	int rc, response;

	if (w->resync && (rc = resync(w)) <= 0)
		return rc < 0 ? broken(w, err) : 2;
	if ((rc = to_record(w)) <= 0)
		return rc < 0 ? broken(w, err) : 2;
	w->start = offset(w);
	w->records++;
	w->left = 0;
	w->http_ctype = w->transfer = w->coding = NULL;
	w->charset[0] = '\0';

	/* The version line, then the header. */
	if ((rc = read_line(w, 64, NULL)) == -1)
		return broken(w, err);
	if (rc != 1 || !version_line(w->line.data))
		return damaged(w, err, "not a WARC record (no 'WARC/1.x' line)");
	if ((rc = read_header(w, &w->header, NULL)) == -1)
		return broken(w, err);
	if (rc < 0)
		return damaged(w, err, "the record's header is cut short or "
		    "too long");
	parse_fields(w->header.data, fields, sizeof(fields) /
	    sizeof(fields[0]));
	if (parse_length(w->length, &length) != WARTA_OK)
		return damaged(w, err, w->length == NULL ? "no Content-Length" :
		    "a Content-Length that is not a number");
	w->left = length;
	if (w->type == NULL)
		return (rc = skip_block(w, err)) < 0 ? rc :
		    not_read(w, err, "no WARC-Type");
	/* WARC/1.0 wrote the URI in angle brackets. */
	if (w->uri != NULL && w->uri[0] == '<' && strlen(w->uri) > 1 &&
	    w->uri[strlen(w->uri) - 1] == '>') {
		w->uri[strlen(w->uri) - 1] = '\0';
		w->uri++;
	}

	/* Which records are pages. */
	response = strcmp(w->type, "response") == 0;
	if (response) {
		char mt[64];

		media_type(w->ctype, mt, sizeof(mt));
		if (strcmp(mt, "application/http") != 0)
			return pass_over(w, err);
		if ((rc = http_response(w, err)) <= 0)
			return rc;
	} else if (strcmp(w->type, "resource") == 0 && html_type(w->ctype)) {
		charset_of(w->ctype, w->charset, sizeof(w->charset));
	} else
		return pass_over(w, err);

	/* Where it is, for the messages and the item. */
	snprintf(num, sizeof(num), "record %lu, byte %llu", w->records,
	    w->start);
	wbuf_reset(&w->locator);
	wbuf_reset(&w->where);
	if (wbuf_puts(&w->locator, num) != WARTA_OK ||
	    wbuf_puts(&w->where, w->name) != WARTA_OK ||
	    wbuf_puts(&w->where, ": ") != WARTA_OK ||
	    wbuf_puts(&w->where, num) != WARTA_OK)
		return out_of_memory(w, err);

	/* The payload, bounded before it is read. */
	if (w->left > w->ctx.limits->max_record) {
		char msg[160];

		snprintf(msg, sizeof(msg), "%llu bytes, larger than the size "
		    "bound of %llu bytes (see --max-size)", w->left,
		    w->ctx.limits->max_record);
		return (rc = skip_block(w, err)) < 0 ? rc :
		    not_read(w, err, msg);
	}
	wbuf_reset(&w->raw);
	got = take(w, &w->raw, w->left);
	if (got < w->left) {
		if (w->broken)
			return broken(w, err);
		return damaged(w, err, "the record is cut short");
	}
	w->left = 0;
	if (w->raw.len > 0)
		w->raw.data[w->raw.len] = '\0';
	if (response) {
		if (decode_payload(w, err) != WARTA_OK) {
			record_error(w, err);
			return -1;
		}
		if (w->http_ctype == NULL && !looks_html(&w->payload)) {
			w->skipped++;
			return 0;
		}
	} else {
		wbuf_reset(&w->payload);
		if (wbuf_append(&w->payload, w->raw.data, w->raw.len) !=
		    WARTA_OK)
			return out_of_memory(w, err);
	}
	if (open_page(w, err) != WARTA_OK) {
		record_error(w, err);
		return -1;
	}
	return 1;
}

static int
warc_next(void *state, struct input_article *out, struct warta_error *err)
{
	struct warc_reader *w = state;
	int rc;

	for (;;) {
		if (w->inner != NULL) {
			if ((rc = input_next(w->inner, out, err)) > 0) {
				out->file_name = w->file_name;
				out->locator = w->locator.data;
				if (w->uri != NULL && printable(w->uri))
					out->uri = w->uri;
				if (input_valid_date(w->date))
					out->uri_date = w->date;
				return 1;
			}
			if (rc == 0) {
				end_page(w);
				continue;
			}
			record_error(w, err);
			if (rc < -1)
				end_page(w);
			return -1;
		}
		if (w->done)
			return 0;
		if ((rc = next_record(w, err)) == 2) {
			w->done = 1;
			return 0;
		}
		if (rc < 0)
			return rc;
	}
}

static unsigned long
warc_skipped(void *state)
{
	const struct warc_reader *w = state;

	return w->skipped + (w->inner != NULL ? input_skipped(w->inner) : 0);
}

static void
warc_close(void *state)
{
	struct warc_reader *w = state;

	if (w == NULL)
		return;
	end_page(w);
	archive_in_free(w->ar);
	free(w->buf);
	wbuf_release(&w->line);
	wbuf_release(&w->header);
	wbuf_release(&w->http);
	wbuf_release(&w->raw);
	wbuf_release(&w->payload);
	wbuf_release(&w->where);
	wbuf_release(&w->locator);
	free(w->name);
	free(w->file_name);
	free(w);
}

const struct input_format input_warc = {
	"warc", INPUT_WARC, 1, warc_detect, warc_open, warc_next,
	warc_skipped, warc_close
};
