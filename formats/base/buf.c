/*
 * base/buf.c: the growable byte buffer.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
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

	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			return WARTA_FAILED;
		u[0] = (unsigned char)(0xE0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 3;
	} else if (cp <= 0x10FFFF) {
		u[0] = (unsigned char)(0xF0 | (cp >> 18));
		u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 4;
	} else
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
