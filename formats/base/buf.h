/*
 * base/buf.h: a growable byte buffer, the one output type of the text modules.
 *
 * The data is always NUL-terminated (once anything was appended), so UTF-8
 * text in a buffer can be handed to C string functions; len never counts
 * the terminator.  Appending fails only when memory runs out or the buffer
 * would pass WBUF_MAX, and then leaves the buffer as it was.
 */
#ifndef WARTA_BUF_H
#define WARTA_BUF_H

#include <stddef.h>
#include <stdint.h>

/* No buffer grows past this: warta's inputs are bounded far below it. */
#define WBUF_MAX ((size_t)1 << 31)

struct wbuf {
	char *data;
	size_t len;
	size_t cap;
};

#define WBUF_INIT { NULL, 0, 0 }

void wbuf_init(struct wbuf *b);
void wbuf_release(struct wbuf *b);	/* frees and re-initializes */
void wbuf_reset(struct wbuf *b);	/* empties, keeps the memory */
int wbuf_reserve(struct wbuf *b, size_t extra);
int wbuf_append(struct wbuf *b, const void *p, size_t n);
int wbuf_puts(struct wbuf *b, const char *s);
int wbuf_putc(struct wbuf *b, int c);
/* Appends the UTF-8 encoding of a Unicode scalar value (not a surrogate). */
int wbuf_put_utf8(struct wbuf *b, uint32_t cp);
/* Moves the contents out: the caller frees the returned string. */
char *wbuf_steal(struct wbuf *b);

#endif
