/*
 * base/utf8.c: UTF-8, the character classes and Windows-1252; see
 * base/utf8.h.
 */
#include <string.h>

#include <utf8proc.h>

#include "base/utf8.h"

/*
 * Windows-1252, 0x80..0x9F (the other bytes are Latin-1).  The five bytes
 * Microsoft left undefined (0x81 0x8D 0x8F 0x90 0x9D), which glibc's iconv
 * rejects, map to the C1 code points of the same value.
 */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned c = s[0], lo = 0x80, hi = 0xbf;
	size_t need, i;
	uint32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		need = 1;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 2;
		v = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0;	/* overlong below */
		else if (c == 0xed)
			hi = 0x9f;	/* surrogates above */
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3;
		v = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;	/* overlong below */
		else if (c == 0xf4)
			hi = 0x8f;	/* past U+10FFFF above */
	} else {
		*cp = UTF8_INVALID;
		return 1;
	}
	for (i = 1; i <= need; i++) {
		if (i >= n || s[i] < lo || s[i] > hi) {
			*cp = UTF8_INVALID;
			return i;
		}
		v = (v << 6) | (s[i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*cp = v;
	return need + 1;
}

size_t
utf8_sequence_length(const unsigned char *s, size_t n)
{
	uint32_t cp;
	size_t len = utf8_decode(s, n, &cp);

	return cp == UTF8_INVALID ? 0 : len;
}

size_t
utf8_ascii_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
	uint64_t w;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			break;
	}
	while (i < n && s[i] < 0x80)
		i++;
	return i;
}

int
utf8_valid(const unsigned char *s, size_t n, size_t *bad)
{
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		/* ASCII in word-sized strides: most of every input */
		i += utf8_ascii_prefix(s + i, n - i);
		if (i >= n)
			break;
		len = utf8_decode(s + i, n - i, &cp);
		if (cp == UTF8_INVALID) {
			if (bad != NULL)
				*bad = i;
			return 0;
		}
		i += len;
	}
	return 1;
}

size_t
utf8_encode(unsigned char out[4], uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (unsigned char)(0xC0 | (cp >> 6));
		out[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			return 0;
		out[0] = (unsigned char)(0xE0 | (cp >> 12));
		out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp > 0x10FFFF)
		return 0;
	out[0] = (unsigned char)(0xF0 | (cp >> 18));
	out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int
utf8_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' ||
	    cp == '\v' || cp == '\n' || cp == 0xa0 || cp == 0x2028 ||
	    cp == 0x2029 || (cp >= 0x2000 && cp <= 0x200b) || cp == 0x202f ||
	    cp == 0x205f || cp == 0x3000 || cp == 0xfeff;
}

enum utf8_class
utf8_char_class(uint32_t cp)
{
	if (cp < 0x80) {
		if (cp >= 'a' && cp <= 'z')
			return UTF8_LOWER;
		if (cp >= 'A' && cp <= 'Z')
			return UTF8_UPPER;
		if (cp >= '0' && cp <= '9')
			return UTF8_DIGIT;
		return utf8_is_space(cp) ? UTF8_SPACE : UTF8_OTHER;
	}
	if (utf8_is_space(cp))
		return UTF8_SPACE;
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return UTF8_UPPER;
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return UTF8_LOWER;
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return UTF8_DIGIT;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return UTF8_MARK;
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return UTF8_SPACE;
	default:
		return UTF8_OTHER;
	}
}

uint32_t
cp1252_to_unicode(unsigned char b)
{
	return b >= 0x80 && b <= 0x9F ? cp1252_high[b - 0x80] : b;
}

int
cp1252_defined(unsigned char b)
{
	return b < 0x80 || b > 0x9F || cp1252_high[b - 0x80] != b;
}

int
cp1252_from_unicode(uint32_t cp)
{
	int k;

	if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
		return (int)cp;
	/* a C1 code point is in the table only for an undefined byte */
	if (cp <= 0x9F)
		return -1;
	for (k = 0; k < 32; k++)
		if (cp1252_high[k] == cp)
			return 0x80 + k;
	return -1;
}

int
utf8_is_letter(uint32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	c = utf8proc_category((utf8proc_int32_t)cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL ||
	    c == UTF8PROC_CATEGORY_LT || c == UTF8PROC_CATEGORY_LM ||
	    c == UTF8PROC_CATEGORY_LO;
}

int
utf8_is_upper(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_isupper((utf8proc_int32_t)cp);
}
