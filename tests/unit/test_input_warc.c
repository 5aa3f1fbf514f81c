/*
 * test_input_warc.c: WARC files (input/warc.c), made here record by
 * record: detection, which records are pages and which are passed over
 * and counted, the HTTP codings undone (chunked, gzip, deflate), the
 * provenance of each page, gzip members, damaged records reported with
 * their place and the reading going on, the bounds, and bombs.
 *
 * The pages go to the HTML module; the checks here hold whichever module
 * reads them (the original bytes are the payload either way).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <cmocka.h>
#include <zlib.h>

#include "base/buf.h"
#include "input/format.h"
#include "input/input.h"

#define PAGE1 "<!DOCTYPE html><html><body><p>The harbour reopened on " \
	"Tuesday.</p></body></html>\n"
#define PAGE2 "<html><body><p>Salt prices fell in Rembang.</p></body>" \
	"</html>\n"
/* The first 40 bytes of each, as read_all() shows them. */
#define H1 "<!DOCTYPE html><html><body><p>The harbou"
#define H2 "<html><body><p>Salt prices fell in Remba"

static char path[64];

/* ---- making WARC files ---- */

/* A record of type with its header fields (each "Name: value\r\n"). */
static void
record(struct wbuf *b, const char *version, const char *type,
    const char *uri, const char *ctype, const void *block, size_t n)
{
	char head[1024];

	snprintf(head, sizeof(head), "WARC/%s\r\nWARC-Type: %s\r\n"
	    "WARC-Date: 2023-08-03T01:02:03Z\r\n%s%s%sContent-Type: %s\r\n"
	    "Content-Length: %zu\r\n\r\n", version, type,
	    uri != NULL ? "WARC-Target-URI: " : "", uri != NULL ? uri : "",
	    uri != NULL ? "\r\n" : "", ctype, n);
	assert_int_equal(wbuf_puts(b, head), WARTA_OK);
	assert_int_equal(wbuf_append(b, block, n), WARTA_OK);
	assert_int_equal(wbuf_puts(b, "\r\n\r\n"), WARTA_OK);
}

/* A response record: the HTTP status line, the fields, the body. */
static void
response(struct wbuf *b, const char *uri, const char *status,
    const char *fields, const void *body, size_t n)
{
	struct wbuf http = WBUF_INIT;

	assert_int_equal(wbuf_puts(&http, "HTTP/1.1 "), WARTA_OK);
	assert_int_equal(wbuf_puts(&http, status), WARTA_OK);
	assert_int_equal(wbuf_puts(&http, "\r\n"), WARTA_OK);
	assert_int_equal(wbuf_puts(&http, fields), WARTA_OK);
	assert_int_equal(wbuf_puts(&http, "\r\n"), WARTA_OK);
	assert_int_equal(wbuf_append(&http, body, n), WARTA_OK);
	record(b, "1.0", "response", uri, "application/http; msgtype=response",
	    http.data, http.len);
	wbuf_release(&http);
}

/* deflate with zlib: wbits 16+15 gzip, 15 zlib, -15 bare. */
static void
compress_into(struct wbuf *out, const void *data, size_t n, int wbits)
{
	z_stream z;

	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, wbits, 9,
	    Z_DEFAULT_STRATEGY), Z_OK);
	assert_int_equal(wbuf_reserve(out, deflateBound(&z, n)), WARTA_OK);
	z.next_in = (unsigned char *)(uintptr_t)data;
	z.avail_in = (uInt)n;
	z.next_out = (unsigned char *)out->data + out->len;
	z.avail_out = (uInt)(out->cap - out->len - 1);
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	out->len += z.total_out;
	deflateEnd(&z);
}

static void
write_file(const void *data, size_t n)
{
	int fd;

	snprintf(path, sizeof(path), "/tmp/warc.XXXXXX");
	assert_true((fd = mkstemp(path)) >= 0);
	assert_int_equal(write(fd, data, n), (ssize_t)n);
	close(fd);
}

/* ---- reading them ---- */

/*
 * Reads path as name with kind and limits (NULL: the defaults) into out:
 * a line an article, "PAGE file_name|locator|uri|date|charset|original",
 * "ERR1 message" or "ERR2 message", and at the end "skipped N".
 */
static void
read_all(const char *name, enum input_kind kind,
    const struct input_limits *limits, char *out, size_t size)
{
	struct input_limits def;
	struct warta_error err;
	struct input_reader *r;
	struct input_article a;
	size_t n;
	int fd, rc;

	input_limits_default(&def);
	out[0] = '\0';
	assert_true((fd = open(path, O_RDONLY)) >= 0);
	warta_error_clear(&err);
	r = input_open(fd, name, name, kind, limits != NULL ? limits : &def,
	    &err);
	if (r == NULL) {
		snprintf(out, size, "OPEN %s\n", err.message);
		close(fd);
		return;
	}
	while ((rc = input_next(r, &a, &err)) != 0) {
		n = strlen(out);
		if (rc < 0) {
			snprintf(out + n, size - n, "ERR%d %s\n", -rc,
			    err.message);
			if (rc < -1)
				break;
			continue;
		}
		snprintf(out + n, size - n, "PAGE %s|%s|%s|%s|%s|%.*s\n",
		    a.file_name != NULL ? a.file_name : "-",
		    a.locator != NULL ? a.locator : "-",
		    a.uri != NULL ? a.uri : "-",
		    a.uri_date != NULL ? a.uri_date : "-",
		    a.original_charset != NULL ? a.original_charset : "-",
		    (int)(a.original_len > 40 ? 40 : a.original_len),
		    (const char *)a.original);
	}
	n = strlen(out);
	snprintf(out + n, size - n, "skipped %lu\n", input_skipped(r));
	input_close(r);
	close(fd);
}

/* ---- the tests ---- */

static void
test_detect(void **state)
{
	struct wbuf gz = WBUF_INIT;
	static const char warc[] = "WARC/1.0\r\nWARC-Type: warcinfo\r\n";

	(void)state;
	assert_int_equal(input_warc.detect((const unsigned char *)warc,
	    strlen(warc), "x"), 100);
	assert_int_equal(input_warc.detect((const unsigned char *)
	    "WARC/1.1\nWARC-Type", 18, NULL), 100);
	assert_int_equal(input_warc.detect((const unsigned char *)
	    "WARC/1.0 is a format", 20, "x.txt"), 0);
	assert_int_equal(input_warc.detect((const unsigned char *)"hello",
	    5, "x.txt"), 0);
	/* by its name alone, a little */
	assert_int_equal(input_warc.detect((const unsigned char *)"hello",
	    5, "crawl.warc"), 50);
	assert_int_equal(input_warc.detect((const unsigned char *)"hello",
	    5, "dir/CRAWL.WARC.GZ"), 50);
	/* gzipped: WARC's, whatever the name, and no archive's */
	compress_into(&gz, warc, strlen(warc), 16 + 15);
	assert_int_equal(input_warc.detect((const unsigned char *)gz.data,
	    gz.len, "<stdin>"), 100);
	assert_int_equal(input_archive.detect((const unsigned char *)gz.data,
	    gz.len, "crawl.warc.gz"), 0);
	wbuf_reset(&gz);
	compress_into(&gz, "just text\n", 10, 16 + 15);
	assert_int_equal(input_warc.detect((const unsigned char *)gz.data,
	    gz.len, "a.gz"), 0);
	assert_true(input_archive.detect((const unsigned char *)gz.data,
	    gz.len, "a.gz") > 0);
	/* the head cut anywhere: no crash */
	wbuf_reset(&gz);
	compress_into(&gz, warc, strlen(warc), 16 + 15);
	for (size_t i = 0; i <= gz.len; i++)
		(void)input_warc.detect((const unsigned char *)gz.data, i,
		    "x.warc.gz");
	wbuf_release(&gz);
}

/* Which records are pages, each with its provenance; the rest counted. */
static void
test_records(void **state)
{
	struct wbuf b = WBUF_INIT, body = WBUF_INIT;
	char out[4096];

	(void)state;
	record(&b, "1.1", "warcinfo", NULL, "application/warc-fields",
	    "software: test\r\n", 16);
	record(&b, "1.0", "request", "<http://x.example/a>",
	    "application/http; msgtype=request",
	    "GET /a HTTP/1.1\r\n\r\n", 19);
	response(&b, "<http://x.example/a>", "200 OK",
	    "Content-Type: text/html; charset=ISO-8859-1\r\n", PAGE1,
	    strlen(PAGE1));
	response(&b, "http://x.example/missing", "404 Not Found",
	    "Content-Type: text/html\r\n", PAGE2, strlen(PAGE2));
	response(&b, "http://x.example/moved", "301 Moved",
	    "Location: /a\r\n", "", 0);
	response(&b, "http://x.example/logo.png", "200 OK",
	    "Content-Type: image/png\r\n", "\x89PNG\r\n", 6);
	response(&b, "http://x.example/s.css", "200 OK",
	    "content-type: TEXT/CSS\r\n", "p{}", 3);
	/* No Content-Type: the page says it is HTML, or is passed over. */
	response(&b, "http://x.example/b", "200 OK", "", PAGE2,
	    strlen(PAGE2));
	response(&b, "http://x.example/c", "200 OK", "", "plain", 5);
	record(&b, "1.0", "resource", "http://x.example/r",
	    "application/xhtml+xml", PAGE1, strlen(PAGE1));
	record(&b, "1.0", "resource", "file:///notes.txt", "text/plain",
	    "notes", 5);
	record(&b, "1.0", "metadata", "http://x.example/a",
	    "application/warc-fields", "outlinks: x\r\n", 13);
	record(&b, "1.0", "revisit", "http://x.example/a",
	    "application/http; msgtype=response",
	    "HTTP/1.1 200 OK\r\n\r\n", 19);
	record(&b, "1.0", "conversion", "http://x.example/a", "text/html",
	    PAGE1, strlen(PAGE1));
	/* a response that is not HTTP in form */
	record(&b, "1.0", "response", "dns:x.example", "text/dns",
	    "x.example. 60 IN A 127.0.0.1", 28);
	write_file(b.data, b.len);
	read_all("crawl.warc", INPUT_AUTO, NULL, out, sizeof(out));
	assert_string_equal(out,
	    "PAGE crawl.warc|record 3, byte 341|http://x.example/a|"
	    "2023-08-03T01:02:03Z|windows-1252|" H1 "\n"
	    "PAGE crawl.warc|record 8, byte 1641|http://x.example/b|"
	    "2023-08-03T01:02:03Z|utf-8|" H2 "\n"
	    "PAGE crawl.warc|record 10, byte 2100|http://x.example/r|"
	    "2023-08-03T01:02:03Z|utf-8|" H1 "\n"
	    "skipped 12\n");
	unlink(path);
	wbuf_release(&b);
	wbuf_release(&body);
}

/* Chunked, gzip, deflate (zlib and bare): the page as it was. */
static void
test_codings(void **state)
{
	struct wbuf b = WBUF_INIT, body = WBUF_INIT, gz = WBUF_INIT;
	char out[4096];

	(void)state;
	/* chunked, with an extension and a trailer */
	assert_int_equal(wbuf_puts(&body, "1a;ext=1\r\n"), WARTA_OK);
	assert_int_equal(wbuf_append(&body, PAGE2, 26), WARTA_OK);
	assert_int_equal(wbuf_puts(&body, "\r\n"), WARTA_OK);
	{
		char size[16];

		snprintf(size, sizeof(size), "%zx\r\n", strlen(PAGE2) - 26);
		assert_int_equal(wbuf_puts(&body, size), WARTA_OK);
	}
	assert_int_equal(wbuf_puts(&body, &PAGE2[26]), WARTA_OK);
	assert_int_equal(wbuf_puts(&body, "\r\n0\r\nX-Trailer: y\r\n\r\n"),
	    WARTA_OK);
	response(&b, "http://x.example/chunked", "200 OK",
	    "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
	    body.data, body.len);
	/* gzip */
	compress_into(&gz, PAGE1, strlen(PAGE1), 16 + 15);
	response(&b, "http://x.example/gzip", "200 OK",
	    "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
	    gz.data, gz.len);
	/* gzip, then chunked */
	wbuf_reset(&body);
	{
		char size[16];

		snprintf(size, sizeof(size), "%zx\r\n", gz.len);
		assert_int_equal(wbuf_puts(&body, size), WARTA_OK);
	}
	assert_int_equal(wbuf_append(&body, gz.data, gz.len), WARTA_OK);
	assert_int_equal(wbuf_puts(&body, "\r\n0\r\n\r\n"), WARTA_OK);
	response(&b, "http://x.example/both", "200 OK",
	    "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
	    "Content-Encoding: gzip\r\n", body.data, body.len);
	/* deflate as the standard has it (zlib), and bare */
	wbuf_reset(&gz);
	compress_into(&gz, PAGE2, strlen(PAGE2), 15);
	response(&b, "http://x.example/zlib", "200 OK",
	    "Content-Type: text/html\r\nContent-Encoding: deflate\r\n",
	    gz.data, gz.len);
	wbuf_reset(&gz);
	compress_into(&gz, PAGE2, strlen(PAGE2), -15);
	response(&b, "http://x.example/bare", "200 OK",
	    "Content-Type: text/html\r\nContent-Encoding: deflate\r\n",
	    gz.data, gz.len);
	/* damaged, or not supported: the record is rejected, the rest
	 * go on */
	response(&b, "http://x.example/badgz", "200 OK",
	    "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
	    "not gzip at all", 15);
	response(&b, "http://x.example/br", "200 OK",
	    "Content-Type: text/html\r\nContent-Encoding: br\r\n", "xx", 2);
	response(&b, "http://x.example/badchunk", "200 OK",
	    "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
	    "zz\r\nabc", 7);
	response(&b, "http://x.example/shortchunk", "200 OK",
	    "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
	    "ff\r\nabc", 7);
	record(&b, "1.0", "resource", "http://x.example/last", "text/html",
	    PAGE2, strlen(PAGE2));
	write_file(b.data, b.len);
	read_all("c.warc", INPUT_WARC, NULL, out, sizeof(out));
	assert_string_equal(out,
	    "PAGE c.warc|record 1, byte 0|http://x.example/chunked|"
	    "2023-08-03T01:02:03Z|utf-8|" H2 "\n"
	    "PAGE c.warc|record 2, byte 355|http://x.example/gzip|"
	    "2023-08-03T01:02:03Z|utf-8|" H1 "\n"
	    "PAGE c.warc|record 3, byte 693|http://x.example/both|"
	    "2023-08-03T01:02:03Z|utf-8|" H1 "\n"
	    "PAGE c.warc|record 4, byte 1070|http://x.example/zlib|"
	    "2023-08-03T01:02:03Z|utf-8|" H2 "\n"
	    "PAGE c.warc|record 5, byte 1385|http://x.example/bare|"
	    "2023-08-03T01:02:03Z|utf-8|" H2 "\n"
	    "ERR1 record 6, byte 1694: the page's gzip content coding is "
	    "damaged\n"
	    "ERR1 record 7, byte 1958: the content coding 'br' is not "
	    "supported\n"
	    "ERR1 record 8, byte 2204: no chunk size in the chunked body\n"
	    "ERR1 record 9, byte 2467: the chunked body is cut short\n"
	    "PAGE c.warc|record 10, byte 2732|http://x.example/last|"
	    "2023-08-03T01:02:03Z|utf-8|" H2 "\n"
	    "skipped 0\n");
	unlink(path);
	wbuf_release(&b);
	wbuf_release(&body);
	wbuf_release(&gz);
}

/* A .warc.gz, one gzip member a record (as wget writes it): the same
 * pages, the places in the uncompressed bytes. */
static void
test_gzip_members(void **state)
{
	struct wbuf b = WBUF_INIT, gz = WBUF_INIT;
	char out[2048];
	size_t start;

	(void)state;
	record(&b, "1.0", "warcinfo", NULL, "application/warc-fields",
	    "software: test\r\n", 16);
	compress_into(&gz, b.data, b.len, 16 + 15);
	start = b.len;
	response(&b, "http://x.example/a", "200 OK",
	    "Content-Type: text/html\r\n", PAGE1, strlen(PAGE1));
	compress_into(&gz, b.data + start, b.len - start, 16 + 15);
	start = b.len;
	record(&b, "1.0", "resource", "http://x.example/r", "text/html",
	    PAGE2, strlen(PAGE2));
	compress_into(&gz, b.data + start, b.len - start, 16 + 15);
	write_file(gz.data, gz.len);
	read_all("crawl.warc.gz", INPUT_AUTO, NULL, out, sizeof(out));
	assert_string_equal(out,
	    "PAGE crawl.warc.gz|record 2, byte 145|http://x.example/a|"
	    "2023-08-03T01:02:03Z|utf-8|" H1 "\n"
	    "PAGE crawl.warc.gz|record 3, byte 448|http://x.example/r|"
	    "2023-08-03T01:02:03Z|utf-8|" H2 "\n"
	    "skipped 1\n");
	unlink(path);

	/* Cut short: what is read stands, then the bytes cannot be read
	 * further.  (libarchive 3.6 does not check a member's CRC: a changed
	 * byte would go through; it gives nothing of the last 64 KB it was
	 * inflating when the cut came.) */
	write_file(gz.data, gz.len - 40);
	read_all("crawl.warc.gz", INPUT_AUTO, NULL, out, sizeof(out));
	assert_string_equal(out, "OPEN truncated gzip input\n");
	unlink(path);
	wbuf_reset(&b);
	wbuf_reset(&gz);
	for (int i = 0; i < 400; i++) {
		start = b.len;
		record(&b, "1.0", "resource", "http://x.example/r",
		    "text/html", PAGE2, strlen(PAGE2));
		compress_into(&gz, b.data + start, b.len - start, 16 + 15);
	}
	write_file(gz.data, gz.len - 40);
	{
		struct input_limits l;
		struct input_reader *r;
		struct input_article a;
		struct warta_error err;
		int fd, rc, pages = 0;

		input_limits_default(&l);
		assert_true((fd = open(path, O_RDONLY)) >= 0);
		assert_non_null(r = input_open(fd, "cut.warc.gz", NULL,
		    INPUT_AUTO, &l, &err));
		while ((rc = input_next(r, &a, &err)) > 0)
			pages++;
		assert_int_equal(rc, -2);
		assert_true(pages > 100 && pages < 400);
		assert_non_null(strstr(err.message, ": truncated gzip input"));
		assert_true(strncmp(err.message, "byte ", 5) == 0);
		input_close(r);
		close(fd);
	}
	unlink(path);
	wbuf_release(&b);
	wbuf_release(&gz);
}

/* Damaged records: each reported with its place, the next one read. */
static void
test_damaged(void **state)
{
	struct wbuf b = WBUF_INIT;
	char out[4096];

	(void)state;
	assert_int_equal(wbuf_puts(&b, "WARC/0.9\r\nWARC-Type: resource\r\n"
	    "Content-Length: 5\r\n\r\nhello\r\n\r\n"), WARTA_OK);
	record(&b, "1.0", "resource", "http://x.example/1", "text/html",
	    PAGE1, strlen(PAGE1));
	assert_int_equal(wbuf_puts(&b, "WARC/1.0\r\nWARC-Type: resource\r\n"
	    "Content-Type: text/html\r\n\r\n<p>no length</p>\r\n\r\n"),
	    WARTA_OK);
	assert_int_equal(wbuf_puts(&b, "WARC/1.0\r\nWARC-Type: resource\r\n"
	    "Content-Length: 12x\r\n\r\n<p>bad</p>\r\n\r\n"), WARTA_OK);
	/* no WARC-Type: its block is known, and passed over */
	assert_int_equal(wbuf_puts(&b, "WARC/1.0\r\nContent-Length: 19\r\n"
	    "\r\nWARC/1.0\r\nnot one\r\n\r\n\r\n"), WARTA_OK);
	/* an HTTP response that is none */
	record(&b, "1.0", "response", "http://x.example/2",
	    "application/http", "HTTX 200\r\n\r\nbody", 16);
	record(&b, "1.0", "response", "http://x.example/3",
	    "application/http", "HTTP/1.1 200 OK\r\nContent-Type: text/html",
	    39);
	/* garbage between records */
	assert_int_equal(wbuf_puts(&b, "garbage line\r\nmore\r\n"), WARTA_OK);
	record(&b, "1.0", "resource", "http://x.example/4", "text/html",
	    PAGE2, strlen(PAGE2));
	/* a header with no end */
	assert_int_equal(wbuf_puts(&b, "WARC/1.0\r\nWARC-Type: resource\r\n"
	    "Content-Length: 999\r\n\r\n<p>cut"), WARTA_OK);
	write_file(b.data, b.len);
	read_all("d.warc", INPUT_AUTO, NULL, out, sizeof(out));
	assert_string_equal(out,
	    "ERR1 record 1, byte 0: not a WARC record (no 'WARC/1.x' line)\n"
	    "PAGE d.warc|record 2, byte 61|http://x.example/1|"
	    "2023-08-03T01:02:03Z|utf-8|" H1 "\n"
	    "ERR1 record 3, byte 294: no Content-Length\n"
	    "ERR1 record 4, byte 372: a Content-Length that is not a number\n"
	    "ERR1 record 5, byte 440: no WARC-Type\n"
	    "ERR1 record 6, byte 495: not an HTTP response\n"
	    "ERR1 record 7, byte 670: the HTTP header is cut short or too "
	    "long\n"
	    "ERR1 record 8, byte 868: not a WARC record (no 'WARC/1.x' line)\n"
	    "PAGE d.warc|record 9, byte 888|http://x.example/4|"
	    "2023-08-03T01:02:03Z|utf-8|" H2 "\n"
	    "ERR1 record 10, byte 1102: the record is cut short\n"
	    "skipped 0\n");
	unlink(path);

	/* A header that never ends, a line too long: no crash, reported. */
	wbuf_reset(&b);
	assert_int_equal(wbuf_puts(&b, "WARC/1.0\r\nWARC-Type: resource\r\n"),
	    WARTA_OK);
	for (int i = 0; i < 5000; i++)
		assert_int_equal(wbuf_puts(&b, "X-Field: aaaaaaaaaaaaaaaaaa\r\n"),
		    WARTA_OK);
	write_file(b.data, b.len);
	read_all("d.warc", INPUT_AUTO, NULL, out, sizeof(out));
	assert_string_equal(out, "ERR1 record 1, byte 0: the record's header "
	    "is cut short or too long\nskipped 0\n");
	unlink(path);
	wbuf_reset(&b);
	assert_int_equal(wbuf_puts(&b, "WARC/1.0"), WARTA_OK);
	for (int i = 0; i < 5000; i++)
		assert_int_equal(wbuf_puts(&b, "0123456789"), WARTA_OK);
	write_file(b.data, b.len);
	read_all("d.warc", INPUT_WARC, NULL, out, sizeof(out));
	assert_string_equal(out, "ERR1 record 1, byte 0: not a WARC record "
	    "(no 'WARC/1.x' line)\nskipped 0\n");
	unlink(path);
	wbuf_release(&b);
}

/* A record over max_record, a payload whose coding is a bomb, a .warc.gz
 * that is one: each refused. */
static void
test_bounds(void **state)
{
	struct input_limits l;
	struct wbuf b = WBUF_INIT, gz = WBUF_INIT;
	char *zeros, out[2048];
	size_t nz = 20u << 20;

	(void)state;
	input_limits_default(&l);
	l.max_record = 60;
	record(&b, "1.0", "resource", "http://x.example/big", "text/html",
	    PAGE1, strlen(PAGE1));
	record(&b, "1.0", "resource", "http://x.example/small", "text/html",
	    "<p>small</p>", 12);
	write_file(b.data, b.len);
	read_all("b.warc", INPUT_AUTO, &l, out, sizeof(out));
	assert_string_equal(out, "ERR1 record 1, byte 0: 81 bytes, larger "
	    "than the size bound of 60 bytes (see --max-size)\n"
	    "PAGE b.warc|record 2, byte 235|http://x.example/small|"
	    "2023-08-03T01:02:03Z|utf-8|<p>small</p>\n"
	    "skipped 0\n");
	unlink(path);

	/* 20 MB of zeros in a gzip content coding of 20 KB */
	assert_non_null(zeros = calloc(1, nz));
	compress_into(&gz, zeros, nz, 16 + 15);
	wbuf_reset(&b);
	response(&b, "http://x.example/bomb", "200 OK",
	    "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
	    gz.data, gz.len);
	record(&b, "1.0", "resource", "http://x.example/after", "text/html",
	    "<p>after</p>", 12);
	write_file(b.data, b.len);
	input_limits_default(&l);
	l.max_record = 64u << 20;
	read_all("b.warc", INPUT_AUTO, &l, out, sizeof(out));
	assert_non_null(strstr(out, "ERR1 record 1, byte 0: "));
	assert_non_null(strstr(out, "a decompression bomb?\n"));
	assert_non_null(strstr(out, "http://x.example/after"));
	/* and within the record's bound first */
	read_all("b.warc", INPUT_AUTO, NULL, out, sizeof(out));
	assert_non_null(strstr(out, "ERR1 record 1, byte 0: the page, "
	    "decompressed, is larger than the size bound of 16777216 bytes "
	    "(see --max-size)\n"));
	unlink(path);

	/* the .warc.gz itself: a metadata record of 20 MB of zeros */
	wbuf_reset(&b);
	record(&b, "1.0", "metadata", NULL, "application/octet-stream", zeros,
	    nz);
	wbuf_reset(&gz);
	compress_into(&gz, b.data, b.len, 16 + 15);
	write_file(gz.data, gz.len);
	read_all("bomb.warc.gz", INPUT_AUTO, NULL, out, sizeof(out));
	assert_non_null(strstr(out, "ERR2 byte "));
	assert_non_null(strstr(out, "a decompression bomb?\n"));
	unlink(path);
	free(zeros);
	wbuf_release(&b);
	wbuf_release(&gz);
}

/*
 * The charset HTTP states wins over the page's <meta>, as in a browser:
 * a Latin-1 page that claims UTF-8 is read in Latin-1 (as WHATWG reads
 * it, Windows-1252); with no HTTP charset the <meta> decides.
 */
static void
read_one_text(const char *http_fields, char *text, size_t tsize,
    char *charset, size_t csize)
{
	static const char page[] = "<html><head><meta charset=\"iso-8859-15\">"
	    "</head><body><p>Caf\xe9 di Semarang dibuka \xa4 lagi.</p>"
	    "</body></html>";
	struct wbuf b = WBUF_INIT;
	struct input_limits l;
	struct warta_error err;
	struct input_reader *r;
	struct input_article a;
	int fd;

	response(&b, "http://x.example/cafe", "200 OK", http_fields, page,
	    strlen(page));
	write_file(b.data, b.len);
	input_limits_default(&l);
	assert_true((fd = open(path, O_RDONLY)) >= 0);
	assert_non_null(r = input_open(fd, "c.warc", "c.warc", INPUT_AUTO,
	    &l, &err));
	assert_int_equal(input_next(r, &a, &err), 1);
	snprintf(text, tsize, "%.*s", (int)a.text_len, a.text);
	snprintf(charset, csize, "%s", a.original_charset != NULL ?
	    a.original_charset : "-");
	assert_int_equal(input_next(r, &a, &err), 0);
	input_close(r);
	close(fd);
	unlink(path);
	wbuf_release(&b);
}

static void
test_http_charset(void **state)
{
	char text[256], charset[64];

	(void)state;
	read_one_text("Content-Type: text/html; charset=ISO-8859-1\r\n",
	    text, sizeof(text), charset, sizeof(charset));
	assert_string_equal(charset, "windows-1252");
	assert_non_null(strstr(text, "Caf\xc3\xa9 di Semarang dibuka "
	    "\xc2\xa4 lagi."));
	/* no charset in HTTP: the page's own, Latin-9, where 0xA4 is the euro */
	read_one_text("Content-Type: text/html\r\n", text, sizeof(text),
	    charset, sizeof(charset));
	assert_string_equal(charset, "iso-8859-15");
	assert_non_null(strstr(text, "Caf\xc3\xa9 di Semarang dibuka "
	    "\xe2\x82\xac lagi."));
}

/* Odd files: empty, forced on text, random bytes after a good start. */
static void
test_odd(void **state)
{
	unsigned char junk[8192];
	char out[65536];
	unsigned seed = 12345;
	size_t i;

	(void)state;
	write_file("", 0);
	read_all("e.warc", INPUT_WARC, NULL, out, sizeof(out));
	assert_string_equal(out, "skipped 0\n");
	unlink(path);

	write_file("just some text\nWARC/1.0 is mentioned\n", 37);
	read_all("t.txt", INPUT_WARC, NULL, out, sizeof(out));
	assert_string_equal(out, "ERR1 record 1, byte 0: not a WARC record "
	    "(no 'WARC/1.x' line)\nERR1 record 2, byte 15: not a WARC record "
	    "(no 'WARC/1.x' line)\nskipped 0\n");
	unlink(path);

	for (int round = 0; round < 20; round++) {
		memcpy(junk, "WARC/1.0\r\n", 10);
		for (i = 10; i < sizeof(junk); i++) {
			seed = seed * 1103515245u + 12345u;
			junk[i] = (unsigned char)(seed >> 16);
			/* now and then something that looks like a record */
			if ((seed >> 8) % 97 == 0 && i + 40 < sizeof(junk)) {
				static const char rec[] = "\r\nWARC/1.0\r\n"
				    "Content-Length: 5\r\n\r\n";

				memcpy(junk + i, rec, sizeof(rec) - 1);
				i += sizeof(rec) - 2;
			}
		}
		write_file(junk, sizeof(junk));
		read_all("r.warc", INPUT_AUTO, NULL, out, sizeof(out));
		assert_non_null(strstr(out, "skipped "));
		unlink(path);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_records),
		cmocka_unit_test(test_codings),
		cmocka_unit_test(test_gzip_members),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_http_charset),
		cmocka_unit_test(test_odd),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
