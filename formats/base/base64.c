/*
 * base/base64.c: base64; see base/base64.h.
 */
#include <stdint.h>
#include <string.h>

#include "base/ascii.h"
#include "base/base64.h"
#include "base/warta.h"

static const char digits[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/*
 * Not libxml2's xmlTextWriterWriteBase64(): it writes CRLF, which a parser
 * reads as LF, so a later stage writing an item back would change its
 * bytes; and it writes each group of four to its output buffer with a call
 * of its own, which cost more than the rest of an item.  The room for all
 * of it is reserved first, and the groups are written straight into it.
 */
int
base64_encode(struct wbuf *out, const unsigned char *s, size_t n)
{
	size_t groups = (n + 2) / 3, i, k, linelen = 0;
	unsigned char in[3];
	char *p;

	/* four bytes a group, and a newline after each 18 (72 columns) */
	if (groups > (WBUF_MAX - 2) / 5 ||
	    wbuf_reserve(out, groups * 4 + groups / 18 + 1) != WARTA_OK)
		return WARTA_FAILED;
	p = out->data + out->len;
	for (i = 0; i < n; i += k) {
		memset(in, 0, sizeof(in));
		for (k = 0; k < 3 && i + k < n; k++)
			in[k] = s[i + k];
		if (linelen >= 72) {
			*p++ = '\n';
			linelen = 0;
		}
		p[0] = digits[in[0] >> 2];
		p[1] = digits[((in[0] & 3) << 4) | (in[1] >> 4)];
		p[2] = k > 1 ? digits[((in[1] & 0xF) << 2) | (in[2] >> 6)] : '=';
		p[3] = k > 2 ? digits[in[2] & 0x3F] : '=';
		p += 4;
		linelen += 4;
	}
	out->len = (size_t)(p - out->data);
	*p = '\0';
	return WARTA_OK;
}

/*
 * What each byte is in base64 text: its value (0 to 63), or one of these.
 * A table, not a chain of comparisons: the decoding of originals was a
 * twentieth of warta-pack's time.
 */
#define SP	64	/* white space: space, tab, LF, CR */
#define PAD	65	/* '=' */
#define BAD	255	/* anything else */
static const unsigned char value_of[256] = {
	/* 00 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* 08 */ BAD,  SP,  SP, BAD, BAD,  SP, BAD, BAD,
	/* 10 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* 18 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* 20 */  SP, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* 28 */ BAD, BAD, BAD,  62, BAD, BAD, BAD,  63,
	/* 30 */  52,  53,  54,  55,  56,  57,  58,  59,
	/* 38 */  60,  61, BAD, BAD, BAD, PAD, BAD, BAD,
	/* 40 */ BAD,   0,   1,   2,   3,   4,   5,   6,
	/* 48 */   7,   8,   9,  10,  11,  12,  13,  14,
	/* 50 */  15,  16,  17,  18,  19,  20,  21,  22,
	/* 58 */  23,  24,  25, BAD, BAD, BAD, BAD, BAD,
	/* 60 */ BAD,  26,  27,  28,  29,  30,  31,  32,
	/* 68 */  33,  34,  35,  36,  37,  38,  39,  40,
	/* 70 */  41,  42,  43,  44,  45,  46,  47,  48,
	/* 78 */  49,  50,  51, BAD, BAD, BAD, BAD, BAD,
	/* 80 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* 88 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* 90 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* 98 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* a0 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* a8 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* b0 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* b8 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* c0 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* c8 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* d0 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* d8 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* e0 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* e8 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* f0 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
	/* f8 */ BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
};

/*
 * The room for all of it is reserved first (three bytes for each four
 * characters at most), and the bytes are written straight into it, not
 * appended one call at a time: this decodes every original warta-pack
 * packs.
 */
int
base64_decode(const char *s, struct wbuf *out)
{
	const unsigned char *u = (const unsigned char *)s;
	const unsigned char *end = u + strlen(s);
	uint32_t acc = 0;
	int n = 0, pad = 0, v, rc = WARTA_FAILED;
	char *p;

	if (wbuf_reserve(out, (size_t)(end - u) / 4 * 3 + 3) != WARTA_OK)
		return WARTA_FAILED;
	p = out->data + out->len;
	for (; u < end; u++) {
		/* Whole groups of four digits at once: all but the ends of
		 * lines and the padding, which the steps below take. */
		while (n == 0 && pad == 0 && end - u >= 4 &&
		    (value_of[u[0]] | value_of[u[1]] | value_of[u[2]] |
		    value_of[u[3]]) < 64) {
			acc = (uint32_t)value_of[u[0]] << 18 |
			    (uint32_t)value_of[u[1]] << 12 |
			    (uint32_t)value_of[u[2]] << 6 | value_of[u[3]];
			*p++ = (char)(acc >> 16 & 255);
			*p++ = (char)(acc >> 8 & 255);
			*p++ = (char)(acc & 255);
			u += 4;
		}
		if (u == end)
			break;
		if ((v = value_of[*u]) == SP)
			continue;
		if (v == PAD) {
			pad++;
			acc <<= 6;
			n++;
		} else {
			if (pad > 0 || v > 63)
				goto out;
			acc = acc << 6 | (uint32_t)v;
			n++;
		}
		if (n == 4) {
			if (pad > 2)
				goto out;
			*p++ = (char)(acc >> 16 & 255);
			if (pad < 2)
				*p++ = (char)(acc >> 8 & 255);
			if (pad < 1)
				*p++ = (char)(acc & 255);
			acc = 0;
			n = 0;
		}
	}
	rc = n == 0 ? WARTA_OK : WARTA_FAILED;
out:
	/* What was decoded, on failure too. */
	out->len = (size_t)(p - out->data);
	*p = '\0';
	return rc;
}
