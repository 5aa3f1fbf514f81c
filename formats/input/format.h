/*
 * input/format.h: what one input module provides, and the byte stream it
 * reads.  Only the modules of input/ include this; everyone else uses
 * input/input.h.
 *
 * A module (input/text.c, input/html.c, ...) is one struct input_format:
 * detect() says from the first bytes and the name how sure it is that the
 * source is its format; open() starts reading the stream; next() yields
 * articles as input_next() does; close() frees.  Containers (WARC, zip,
 * tar) open each record or entry as a stream of its own and read it with
 * input_open_stream(), which detects its format again.
 */
#ifndef WARTA_INPUT_FORMAT_H
#define WARTA_INPUT_FORMAT_H

#include <stddef.h>

#include "base/buf.h"
#include "base/limits.h"
#include "base/warta.h"
#include "input/input.h"

/* How many bytes detection sees: enough for a doctype, an XML
 * declaration with a comment after it, a WARC header, a tar header. */
#define INPUT_HEAD_SIZE 4096

/*
 * A stream of bytes: a file descriptor, or a record or entry of an
 * archive.  read returns the bytes read (up to n), 0 at the end, -1 on an
 * error with err set.
 */
typedef long (*input_read_fn)(void *ctx, void *buf, size_t n,
    struct warta_error *err);

struct input_stream;

/* name: for messages ("delivery.zip: texts/a.txt"); copied. */
struct input_stream *input_stream_new(input_read_fn read, void *ctx,
    const char *name);
/* A stream over a file descriptor (read, never closed here). */
struct input_stream *input_stream_new_fd(int fd, const char *name);
void input_stream_free(struct input_stream *s);	/* NULL is a no-op */

/* The first bytes (up to INPUT_HEAD_SIZE), read once and given back to
 * the first reads after them; *n gets how many there are. */
const unsigned char *input_stream_head(struct input_stream *s, size_t *n,
    struct warta_error *err);
long input_stream_read(struct input_stream *s, void *buf, size_t n,
    struct warta_error *err);
/* All the rest, appended to out; fails once it passes max bytes. */
int input_stream_slurp(struct input_stream *s, struct wbuf *out,
    unsigned long long max, struct warta_error *err);
/* Bytes given out so far: the offset of the next byte. */
unsigned long long input_stream_offset(const struct input_stream *s);
const char *input_stream_name(const struct input_stream *s);

/* What a module is opened with. */
struct input_context {
	const char *name;	/* for messages */
	const char *file_name;	/* what items record as fileName, or NULL */
	const struct input_limits *limits;
	int depth;		/* 0 for a file, 1 inside an archive, ... */
	/* The charset the container states for the bytes (HTTP's
	 * Content-Type in a WARC record), or NULL. */
	const char *charset;
};

struct input_format {
	const char *name;
	enum input_kind kind;
	int many;	/* holds many articles (the size bound is per record) */
	/* 0 not this format, up to 100 certain; head is the first n bytes. */
	int (*detect)(const unsigned char *head, size_t n, const char *name);
	void *(*open)(struct input_stream *in, const struct input_context *ctx,
	    struct warta_error *err);
	/* As input_next(). */
	int (*next)(void *state, struct input_article *out,
	    struct warta_error *err);
	/* Records passed over on purpose; may be NULL (none). */
	unsigned long (*skipped)(void *state);
	void (*close)(void *state);
};

extern const struct input_format input_html;
extern const struct input_format input_text;
extern const struct input_format input_nitf;
extern const struct input_format input_sgml;
extern const struct input_format input_warc, input_archive;

/*
 * A reader over a stream a container opened (in is kept, not owned: the
 * container frees it after the reader).  For containers only.
 */
struct input_reader *input_open_stream(struct input_stream *in,
    const struct input_context *ctx, enum input_kind kind,
    struct warta_error *err);

#endif
