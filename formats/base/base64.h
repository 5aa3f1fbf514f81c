/*
 * base/base64.h: base64 (RFC 4648, the standard alphabet, padded).
 */
#ifndef WARTA_BASE64_H
#define WARTA_BASE64_H

#include <stddef.h>

#include "base/buf.h"

/*
 * Appends the base64 of s[0, n) in lines of 72 columns: a newline before
 * each group of four that would pass column 72, none at the end.  Fails
 * only when memory runs out (out is then as it was).
 */
int base64_encode(struct wbuf *out, const unsigned char *s, size_t n);
/*
 * Appends the bytes the base64 text s (NUL-terminated) stands for.  White
 * space (space, tab, LF, CR) may stand anywhere; the padding is checked,
 * and nothing but white space may follow it.  Fails on anything else, with
 * what was decoded so far left in out.
 */
int base64_decode(const char *s, struct wbuf *out);

#endif
