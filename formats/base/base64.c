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

static int
base64_value(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/*
 * The room for all of it is reserved first (three bytes for each four
 * characters at most), and the bytes are written straight into it, not
 * appended one call at a time: this decodes every original warta-pack
 * packs.
 */
int
base64_decode(const char *s, struct wbuf *out)
{
	uint32_t acc = 0;
	int n = 0, pad = 0, v, rc = WARTA_FAILED;
	size_t len = strlen(s);
	char *p;

	if (wbuf_reserve(out, len / 4 * 3 + 3) != WARTA_OK)
		return WARTA_FAILED;
	p = out->data + out->len;
	for (; *s != '\0'; s++) {
		if (ascii_is_xml_space(*s))
			continue;
		if (*s == '=') {
			pad++;
			acc <<= 6;
			n++;
		} else {
			if (pad > 0 || (v = base64_value((unsigned char)*s)) < 0)
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
