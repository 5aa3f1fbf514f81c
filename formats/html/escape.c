/*
 * html/escape.c: escaping for pages and the data file; see html/escape.h.
 */
#include <stdio.h>
#include <string.h>

#include "base/hash.h"
#include "base/warta.h"
#include "html/escape.h"

/* The reference for one byte, "" to drop it, NULL when it stands as is. */
static const char *
text_escape(unsigned char ch)
{
	switch (ch) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	case '\'':
		return "&#39;";
	case '\t':
	case '\n':
	case '\r':
		return NULL;
	default:
		return ch < 0x20 || ch == 0x7f ? "" : NULL;
	}
}

/*
 * The length of the UTF-8 sequence at s when it is a code point that XML
 * allows and HTML does not (a C1 control, U+0080..U+009F; a noncharacter,
 * U+FDD0..U+FDEF and U+nFFFE, U+nFFFF): a page with one is not valid.  0
 * for any other, and for a sequence cut by end.
 */
static size_t
not_html(const unsigned char *s, const unsigned char *end)
{
	size_t left = (size_t)(end - s);

	if (s[0] == 0xc2)
		return left >= 2 && s[1] >= 0x80 && s[1] <= 0x9f ? 2 : 0;
	if (s[0] == 0xef)
		return left >= 3 && ((s[1] == 0xb7 && s[2] >= 0x90 &&
		    s[2] <= 0xaf) || (s[1] == 0xbf && (s[2] == 0xbe ||
		    s[2] == 0xbf))) ? 3 : 0;
	if (s[0] >= 0xf0 && s[0] <= 0xf4)
		return left >= 4 && (s[1] & 0xcf) == 0x8f && s[2] == 0xbf &&
		    (s[3] == 0xbe || s[3] == 0xbf) ? 4 : 0;
	return 0;
}

int
html_put_text(struct wbuf *out, const char *s, size_t n)
{
	const char *run = s, *end = s + n, *e;
	size_t skip;

	for (; s < end; s++) {
		skip = 1;
		if ((unsigned char)*s >= 0xc2) {
			if ((skip = not_html((const unsigned char *)s,
			    (const unsigned char *)end)) == 0)
				continue;
			e = "";
		} else if ((e = text_escape((unsigned char)*s)) == NULL)
			continue;
		/* The plain bytes before it in one go. */
		if (wbuf_append(out, run, (size_t)(s - run)) != WARTA_OK ||
		    wbuf_puts(out, e) != WARTA_OK)
			return WARTA_FAILED;
		s += skip - 1;
		run = s + 1;
	}
	return wbuf_append(out, run, (size_t)(end - run));
}

int
html_puts(struct wbuf *out, const char *s)
{
	return html_put_text(out, s, strlen(s));
}

static const char *
js_escape(const unsigned char *s, char buf[8], size_t *skip)
{
	*skip = 1;
	switch (*s) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\n':
		return "\\n";
	case '\t':
		return "\\t";
	case '<':
		return "\\u003c";
	case '>':
		return "\\u003e";
	case '&':
		return "\\u0026";
	case 0xe2:
		/* U+2028 and U+2029 end a line in older JavaScript. */
		if (s[1] == 0x80 && (s[2] == 0xa8 || s[2] == 0xa9)) {
			*skip = 3;
			return s[2] == 0xa8 ? "\\u2028" : "\\u2029";
		}
		return NULL;
	default:
		if (*s >= 0x20 && *s != 0x7f)
			return NULL;
		snprintf(buf, 8, "\\u%04x", *s);
		return buf;
	}
}

int
html_put_js_string(struct wbuf *out, const char *s)
{
	const char *run = s, *e;
	char buf[8];
	size_t skip;

	if (wbuf_putc(out, '"') != WARTA_OK)
		return WARTA_FAILED;
	while (*s != '\0') {
		if ((e = js_escape((const unsigned char *)s, buf, &skip)) ==
		    NULL) {
			s++;
			continue;
		}
		if (wbuf_append(out, run, (size_t)(s - run)) != WARTA_OK ||
		    wbuf_puts(out, e) != WARTA_OK)
			return WARTA_FAILED;
		s += skip;
		run = s;
	}
	if (wbuf_append(out, run, (size_t)(s - run)) != WARTA_OK ||
	    wbuf_putc(out, '"') != WARTA_OK)
		return WARTA_FAILED;
	return WARTA_OK;
}

void
html_slug(const char *s, char *out, size_t max)
{
	uint64_t h = fnv1a(FNV1A_INIT, s, strlen(s));
	size_t n = 0, room = max - 1 - 13;
	int dash = 0;

	for (; *s != '\0' && n < room; s++) {
		unsigned char ch = (unsigned char)*s;

		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		    (ch >= 'A' && ch <= 'Z')) {
			if (dash && n > 0) {
				/* A break only with a letter after it: one
				 * at the cut would make "--" with the hash's. */
				if (n + 1 >= room)
					break;
				out[n++] = '-';
			}
			out[n++] = (char)(ch >= 'A' && ch <= 'Z' ?
			    ch + 'a' - 'A' : ch);
			dash = 0;
		} else
			dash = 1;
	}
	if (n == 0)
		out[n++] = 'x';	/* never a name that starts with '-' */
	snprintf(out + n, max - n, "-%012llx",
	    (unsigned long long)(h & UINT64_C(0xffffffffffff)));
}

unsigned
html_bucket(const char *s)
{
	uint64_t h = fnv1a(FNV1A_INIT, s, strlen(s));

	/* FNV-1a's top bits hardly change when only the name's end does
	 * ("Lembaga 1", "Lembaga 2" were one folder, and 5000 names 55 of
	 * the 256): MurmurHash3's finalizer mixes every bit into them. */
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return (unsigned)(h >> 56);
}
