/*
 * base/buf.c: the growable byte buffer.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "base/warta.h"

void
wbuf_init(struct wbuf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void
wbuf_release(struct wbuf *b)
{
	free(b->data);
	wbuf_init(b);
}

void
wbuf_reset(struct wbuf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

int
wbuf_reserve(struct wbuf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (extra > WBUF_MAX - b->len - 1)
		return WARTA_FAILED;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return WARTA_OK;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > WBUF_MAX / 2 ? WBUF_MAX : cap * 2;
	if ((p = realloc(b->data, cap)) == NULL)
		return WARTA_FAILED;
	b->data = p;
	b->cap = cap;
	return WARTA_OK;
}

int
wbuf_append(struct wbuf *b, const void *p, size_t n)
{
	if (wbuf_reserve(b, n) != WARTA_OK)
		return WARTA_FAILED;
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return WARTA_OK;
}

int
wbuf_puts(struct wbuf *b, const char *s)
{
	return wbuf_append(b, s, strlen(s));
}

int
wbuf_putc(struct wbuf *b, int c)
{
	unsigned char ch = (unsigned char)c;

	return wbuf_append(b, &ch, 1);
}

int
wbuf_put_utf8(struct wbuf *b, uint32_t cp)
{
	unsigned char u[4];
	size_t n;

	if ((n = utf8_encode(u, cp)) == 0)
		return WARTA_FAILED;
	return wbuf_append(b, u, n);
}

char *
wbuf_steal(struct wbuf *b)
{
	char *s;

	if (b->data == NULL && wbuf_reserve(b, 0) != WARTA_OK)
		return NULL;
	s = b->data;
	s[b->len] = '\0';
	wbuf_init(b);
	return s;
}
