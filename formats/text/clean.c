/*
 * text/clean.c: the repairs of decoded text other than mojibake.
 *
 * Every step has the same shape: scan the input for the few lead bytes it
 * cares about (ASCII text is skipped in bulk), copy each unchanged span with
 * one wbuf_append, and write a replacement where needed.  Input outside the
 * contract (invalid UTF-8) is copied through unchanged, never read past n.
 * On failure (memory) out is put back to the length it had.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "text/clean.h"
#include "base/warta.h"

/* Puts out back as it was when a step fails half way. */
static int
fail(struct wbuf *out, size_t mark)
{
	out->len = mark;
	if (out->data != NULL)
		out->data[mark] = '\0';
	return WARTA_FAILED;
}

/*
 * The length of the UTF-8 sequence at s[i] when it is well formed (lead
 * byte, the right count of continuation bytes, within n), else 1: a bad
 * byte is then copied as it is and the scan goes on with the next byte.
 */
static size_t
seq_len(const unsigned char *s, size_t i, size_t n)
{
	unsigned char c = s[i];
	size_t len, k;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4;
	else
		return 1;
	if (len > n - i)
		return 1;
	for (k = 1; k < len; k++)
		if ((s[i + k] & 0xC0) != 0x80)
			return 1;
	return len;
}

/*
 * Word-at-a-time skipping: ASCII text is most of the input, and testing 8
 * bytes at once is several times faster than a byte loop.  Each test is a
 * classic bit trick that is exact as a yes/no for the whole word; the
 * caller then looks at the bytes one by one.
 */
#define ONES	UINT64_C(0x0101010101010101)
#define HIGHS	UINT64_C(0x8080808080808080)

static uint64_t
load8(const unsigned char *p)
{
	uint64_t w;

	memcpy(&w, p, sizeof(w));
	return w;
}

/*
 * Has a high bit (under HIGHS) set exactly when a byte of w is below b
 * (b <= 0x80).
 */
static uint64_t
bytes_below(uint64_t w, unsigned b)
{
	return (w - ONES * b) & ~w;
}

/* Bytes from s[i] up to the first that is not ASCII (or n, word-wise). */
static size_t
skip_ascii(const unsigned char *s, size_t i, size_t n)
{
	while (n - i >= 8 && (load8(s + i) & HIGHS) == 0)
		i += 8;
	return i;
}

/* Same, also stopping at a word with CR. */
static size_t
skip_ascii_but_cr(const unsigned char *s, size_t i, size_t n)
{
	uint64_t w;

	while (n - i >= 8) {
		w = load8(s + i);
		if (((w | bytes_below(w ^ (ONES * '\r'), 1)) & HIGHS) != 0)
			break;
		i += 8;
	}
	return i;
}

/* Same, also stopping at a word with a C0 control (TAB and LF too) or DEL. */
static size_t
skip_ascii_but_controls(const unsigned char *s, size_t i, size_t n)
{
	uint64_t w;

	while (n - i >= 8) {
		w = load8(s + i);
		if (((w | bytes_below(w, 0x20) |
		    bytes_below(w ^ (ONES * 0x7F), 1)) & HIGHS) != 0)
			break;
		i += 8;
	}
	return i;
}

/* ---- line breaks ---- */

int
text_fix_line_breaks(const char *str, size_t n, struct wbuf *out)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t mark = out->len, span = 0, i = 0, skip;
	const char *put;

	if (n == 0)
		return WARTA_OK;

	while (i < n) {
		unsigned char c;

		if ((i = skip_ascii_but_cr(s, i, n)) >= n)
			break;
		c = s[i];

		/* CR, NEL (C2 85), LS and PS (E2 80 A8/A9); all else passes. */
		if (c != '\r' && c != 0xC2 && c != 0xE2) {
			i++;
			continue;
		}
		if (c == '\r') {
			put = "\n";
			skip = (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
		} else if (c == 0xC2 && i + 1 < n && s[i + 1] == 0x85) {
			put = "\n";
			skip = 2;
		} else if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
		    (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
			/* A paragraph separator is a paragraph break: a blank line. */
			put = s[i + 2] == 0xA8 ? "\n" : "\n\n";
			skip = 3;
		} else {
			i++;
			continue;
		}
		if (wbuf_append(out, s + span, i - span) != WARTA_OK ||
		    wbuf_puts(out, put) != WARTA_OK)
			return fail(out, mark);
		i += skip;
		span = i;
	}
	if (wbuf_append(out, s + span, n - span) != WARTA_OK)
		return fail(out, mark);
	return WARTA_OK;
}

/* ---- entities ---- */

struct entity {
	char name[9];
	uint16_t cp;
	/* HTML5 still reads it without the final ';' (the Latin-1 names). */
	unsigned char legacy;
};

/*
 * The 252 entities of HTML 4.01, and &apos; (XML's, and HTML5's), which CMS
 * exports use.  Sorted by strcmp() for bsearch().  The rest of HTML5's 2231
 * names (&NewLine; &bigstar; ...) hardly occur in news text and stay as
 * written.
 */
static const struct entity entities[] = {
	{ "AElig", 0x00C6, 1 },
	{ "Aacute", 0x00C1, 1 },
	{ "Acirc", 0x00C2, 1 },
	{ "Agrave", 0x00C0, 1 },
	{ "Alpha", 0x0391, 0 },
	{ "Aring", 0x00C5, 1 },
	{ "Atilde", 0x00C3, 1 },
	{ "Auml", 0x00C4, 1 },
	{ "Beta", 0x0392, 0 },
	{ "Ccedil", 0x00C7, 1 },
	{ "Chi", 0x03A7, 0 },
	{ "Dagger", 0x2021, 0 },
	{ "Delta", 0x0394, 0 },
	{ "ETH", 0x00D0, 1 },
	{ "Eacute", 0x00C9, 1 },
	{ "Ecirc", 0x00CA, 1 },
	{ "Egrave", 0x00C8, 1 },
	{ "Epsilon", 0x0395, 0 },
	{ "Eta", 0x0397, 0 },
	{ "Euml", 0x00CB, 1 },
	{ "Gamma", 0x0393, 0 },
	{ "Iacute", 0x00CD, 1 },
	{ "Icirc", 0x00CE, 1 },
	{ "Igrave", 0x00CC, 1 },
	{ "Iota", 0x0399, 0 },
	{ "Iuml", 0x00CF, 1 },
	{ "Kappa", 0x039A, 0 },
	{ "Lambda", 0x039B, 0 },
	{ "Mu", 0x039C, 0 },
	{ "Ntilde", 0x00D1, 1 },
	{ "Nu", 0x039D, 0 },
	{ "OElig", 0x0152, 0 },
	{ "Oacute", 0x00D3, 1 },
	{ "Ocirc", 0x00D4, 1 },
	{ "Ograve", 0x00D2, 1 },
	{ "Omega", 0x03A9, 0 },
	{ "Omicron", 0x039F, 0 },
	{ "Oslash", 0x00D8, 1 },
	{ "Otilde", 0x00D5, 1 },
	{ "Ouml", 0x00D6, 1 },
	{ "Phi", 0x03A6, 0 },
	{ "Pi", 0x03A0, 0 },
	{ "Prime", 0x2033, 0 },
	{ "Psi", 0x03A8, 0 },
	{ "Rho", 0x03A1, 0 },
	{ "Scaron", 0x0160, 0 },
	{ "Sigma", 0x03A3, 0 },
	{ "THORN", 0x00DE, 1 },
	{ "Tau", 0x03A4, 0 },
	{ "Theta", 0x0398, 0 },
	{ "Uacute", 0x00DA, 1 },
	{ "Ucirc", 0x00DB, 1 },
	{ "Ugrave", 0x00D9, 1 },
	{ "Upsilon", 0x03A5, 0 },
	{ "Uuml", 0x00DC, 1 },
	{ "Xi", 0x039E, 0 },
	{ "Yacute", 0x00DD, 1 },
	{ "Yuml", 0x0178, 0 },
	{ "Zeta", 0x0396, 0 },
	{ "aacute", 0x00E1, 1 },
	{ "acirc", 0x00E2, 1 },
	{ "acute", 0x00B4, 1 },
	{ "aelig", 0x00E6, 1 },
	{ "agrave", 0x00E0, 1 },
	{ "alefsym", 0x2135, 0 },
	{ "alpha", 0x03B1, 0 },
	{ "amp", 0x0026, 1 },
	{ "and", 0x2227, 0 },
	{ "ang", 0x2220, 0 },
	{ "apos", 0x0027, 0 },
	{ "aring", 0x00E5, 1 },
	{ "asymp", 0x2248, 0 },
	{ "atilde", 0x00E3, 1 },
	{ "auml", 0x00E4, 1 },
	{ "bdquo", 0x201E, 0 },
	{ "beta", 0x03B2, 0 },
	{ "brvbar", 0x00A6, 1 },
	{ "bull", 0x2022, 0 },
	{ "cap", 0x2229, 0 },
	{ "ccedil", 0x00E7, 1 },
	{ "cedil", 0x00B8, 1 },
	{ "cent", 0x00A2, 1 },
	{ "chi", 0x03C7, 0 },
	{ "circ", 0x02C6, 0 },
	{ "clubs", 0x2663, 0 },
	{ "cong", 0x2245, 0 },
	{ "copy", 0x00A9, 1 },
	{ "crarr", 0x21B5, 0 },
	{ "cup", 0x222A, 0 },
	{ "curren", 0x00A4, 1 },
	{ "dArr", 0x21D3, 0 },
	{ "dagger", 0x2020, 0 },
	{ "darr", 0x2193, 0 },
	{ "deg", 0x00B0, 1 },
	{ "delta", 0x03B4, 0 },
	{ "diams", 0x2666, 0 },
	{ "divide", 0x00F7, 1 },
	{ "eacute", 0x00E9, 1 },
	{ "ecirc", 0x00EA, 1 },
	{ "egrave", 0x00E8, 1 },
	{ "empty", 0x2205, 0 },
	{ "emsp", 0x2003, 0 },
	{ "ensp", 0x2002, 0 },
	{ "epsilon", 0x03B5, 0 },
	{ "equiv", 0x2261, 0 },
	{ "eta", 0x03B7, 0 },
	{ "eth", 0x00F0, 1 },
	{ "euml", 0x00EB, 1 },
	{ "euro", 0x20AC, 0 },
	{ "exist", 0x2203, 0 },
	{ "fnof", 0x0192, 0 },
	{ "forall", 0x2200, 0 },
	{ "frac12", 0x00BD, 1 },
	{ "frac14", 0x00BC, 1 },
	{ "frac34", 0x00BE, 1 },
	{ "frasl", 0x2044, 0 },
	{ "gamma", 0x03B3, 0 },
	{ "ge", 0x2265, 0 },
	{ "gt", 0x003E, 1 },
	{ "hArr", 0x21D4, 0 },
	{ "harr", 0x2194, 0 },
	{ "hearts", 0x2665, 0 },
	{ "hellip", 0x2026, 0 },
	{ "iacute", 0x00ED, 1 },
	{ "icirc", 0x00EE, 1 },
	{ "iexcl", 0x00A1, 1 },
	{ "igrave", 0x00EC, 1 },
	{ "image", 0x2111, 0 },
	{ "infin", 0x221E, 0 },
	{ "int", 0x222B, 0 },
	{ "iota", 0x03B9, 0 },
	{ "iquest", 0x00BF, 1 },
	{ "isin", 0x2208, 0 },
	{ "iuml", 0x00EF, 1 },
	{ "kappa", 0x03BA, 0 },
	{ "lArr", 0x21D0, 0 },
	{ "lambda", 0x03BB, 0 },
	{ "lang", 0x2329, 0 },
	{ "laquo", 0x00AB, 1 },
	{ "larr", 0x2190, 0 },
	{ "lceil", 0x2308, 0 },
	{ "ldquo", 0x201C, 0 },
	{ "le", 0x2264, 0 },
	{ "lfloor", 0x230A, 0 },
	{ "lowast", 0x2217, 0 },
	{ "loz", 0x25CA, 0 },
	{ "lrm", 0x200E, 0 },
	{ "lsaquo", 0x2039, 0 },
	{ "lsquo", 0x2018, 0 },
	{ "lt", 0x003C, 1 },
	{ "macr", 0x00AF, 1 },
	{ "mdash", 0x2014, 0 },
	{ "micro", 0x00B5, 1 },
	{ "middot", 0x00B7, 1 },
	{ "minus", 0x2212, 0 },
	{ "mu", 0x03BC, 0 },
	{ "nabla", 0x2207, 0 },
	{ "nbsp", 0x00A0, 1 },
	{ "ndash", 0x2013, 0 },
	{ "ne", 0x2260, 0 },
	{ "ni", 0x220B, 0 },
	{ "not", 0x00AC, 1 },
	{ "notin", 0x2209, 0 },
	{ "nsub", 0x2284, 0 },
	{ "ntilde", 0x00F1, 1 },
	{ "nu", 0x03BD, 0 },
	{ "oacute", 0x00F3, 1 },
	{ "ocirc", 0x00F4, 1 },
	{ "oelig", 0x0153, 0 },
	{ "ograve", 0x00F2, 1 },
	{ "oline", 0x203E, 0 },
	{ "omega", 0x03C9, 0 },
	{ "omicron", 0x03BF, 0 },
	{ "oplus", 0x2295, 0 },
	{ "or", 0x2228, 0 },
	{ "ordf", 0x00AA, 1 },
	{ "ordm", 0x00BA, 1 },
	{ "oslash", 0x00F8, 1 },
	{ "otilde", 0x00F5, 1 },
	{ "otimes", 0x2297, 0 },
	{ "ouml", 0x00F6, 1 },
	{ "para", 0x00B6, 1 },
	{ "part", 0x2202, 0 },
	{ "permil", 0x2030, 0 },
	{ "perp", 0x22A5, 0 },
	{ "phi", 0x03C6, 0 },
	{ "pi", 0x03C0, 0 },
	{ "piv", 0x03D6, 0 },
	{ "plusmn", 0x00B1, 1 },
	{ "pound", 0x00A3, 1 },
	{ "prime", 0x2032, 0 },
	{ "prod", 0x220F, 0 },
	{ "prop", 0x221D, 0 },
	{ "psi", 0x03C8, 0 },
	{ "quot", 0x0022, 1 },
	{ "rArr", 0x21D2, 0 },
	{ "radic", 0x221A, 0 },
	{ "rang", 0x232A, 0 },
	{ "raquo", 0x00BB, 1 },
	{ "rarr", 0x2192, 0 },
	{ "rceil", 0x2309, 0 },
	{ "rdquo", 0x201D, 0 },
	{ "real", 0x211C, 0 },
	{ "reg", 0x00AE, 1 },
	{ "rfloor", 0x230B, 0 },
	{ "rho", 0x03C1, 0 },
	{ "rlm", 0x200F, 0 },
	{ "rsaquo", 0x203A, 0 },
	{ "rsquo", 0x2019, 0 },
	{ "sbquo", 0x201A, 0 },
	{ "scaron", 0x0161, 0 },
	{ "sdot", 0x22C5, 0 },
	{ "sect", 0x00A7, 1 },
	{ "shy", 0x00AD, 1 },
	{ "sigma", 0x03C3, 0 },
	{ "sigmaf", 0x03C2, 0 },
	{ "sim", 0x223C, 0 },
	{ "spades", 0x2660, 0 },
	{ "sub", 0x2282, 0 },
	{ "sube", 0x2286, 0 },
	{ "sum", 0x2211, 0 },
	{ "sup", 0x2283, 0 },
	{ "sup1", 0x00B9, 1 },
	{ "sup2", 0x00B2, 1 },
	{ "sup3", 0x00B3, 1 },
	{ "supe", 0x2287, 0 },
	{ "szlig", 0x00DF, 1 },
	{ "tau", 0x03C4, 0 },
	{ "there4", 0x2234, 0 },
	{ "theta", 0x03B8, 0 },
	{ "thetasym", 0x03D1, 0 },
	{ "thinsp", 0x2009, 0 },
	{ "thorn", 0x00FE, 1 },
	{ "tilde", 0x02DC, 0 },
	{ "times", 0x00D7, 1 },
	{ "trade", 0x2122, 0 },
	{ "uArr", 0x21D1, 0 },
	{ "uacute", 0x00FA, 1 },
	{ "uarr", 0x2191, 0 },
	{ "ucirc", 0x00FB, 1 },
	{ "ugrave", 0x00F9, 1 },
	{ "uml", 0x00A8, 1 },
	{ "upsih", 0x03D2, 0 },
	{ "upsilon", 0x03C5, 0 },
	{ "uuml", 0x00FC, 1 },
	{ "weierp", 0x2118, 0 },
	{ "xi", 0x03BE, 0 },
	{ "yacute", 0x00FD, 1 },
	{ "yen", 0x00A5, 1 },
	{ "yuml", 0x00FF, 1 },
	{ "zeta", 0x03B6, 0 },
	{ "zwj", 0x200D, 0 },
	{ "zwnj", 0x200C, 0 },
};

#define ENTITY_NAME_MAX (sizeof(entities[0].name) - 1)

static int
entity_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct entity *)elem)->name);
}

static int
is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z');
}

static int
hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* What HTML5 makes of a numeric reference's number. */
static uint32_t
numeric_ref_char(uint32_t v)
{
	if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0xFFFD;
	/* C1 as Windows-1252 (numeric references carry what the bytes
	 * stood for); the undefined five stay C1, and text_fix_controls
	 * removes them. */
	if (v >= 0x80 && v <= 0x9F)
		return cp1252_to_unicode((unsigned char)v);
	return v;
}

/*
 * Reads the reference that starts with '&' at s[i].  Returns its length
 * (with the ';' if any) and sets *cp, or returns 0 when it is not one that
 * decodes (it then stays as written).
 *
 * Numeric: &#DDD and &#xHHH, the ';' optional as in HTML (the number ends
 * at the first non-digit).  Named: the ';' is required, except for the
 * legacy names HTML5 also reads without it (&nbsp &copy &eacute &amp ...),
 * and those only when no letter, digit or '=' follows: that is HTML5's rule
 * inside attributes, and it keeps "&notice" and URLs ("?a=1&copy=2") as
 * they are, where HTML's text rule would give "¬ice".
 */
static size_t
parse_ref(const unsigned char *s, size_t i, size_t n, uint32_t *cp)
{
	char name[ENTITY_NAME_MAX + 1];
	const struct entity *e;
	uint32_t v = 0;
	size_t j = i + 1, start, len;
	int d;

	if (j < n && s[j] == '#') {
		j++;
		if (j < n && (s[j] == 'x' || s[j] == 'X')) {
			start = ++j;
			while (j < n && (d = hex_value(s[j])) >= 0) {
				/* Saturate: anything past 0x10FFFF is U+FFFD. */
				v = v > 0x10FFFF ? v : v * 16 + (uint32_t)d;
				j++;
			}
		} else {
			start = j;
			while (j < n && s[j] >= '0' && s[j] <= '9') {
				v = v > 0x10FFFF ? v : v * 10 + (s[j] - '0');
				j++;
			}
		}
		if (j == start)
			return 0;
		if (j < n && s[j] == ';')
			j++;
		*cp = numeric_ref_char(v);
		return j - i;
	}
	start = j;
	while (j < n && is_alnum(s[j]) && j - start <= ENTITY_NAME_MAX)
		j++;
	len = j - start;
	if (len == 0 || len > ENTITY_NAME_MAX)
		return 0;
	memcpy(name, s + start, len);
	name[len] = '\0';
	e = bsearch(name, entities, sizeof(entities) / sizeof(entities[0]),
	    sizeof(entities[0]), entity_cmp);
	if (e == NULL)
		return 0;
	if (j < n && s[j] == ';')
		j++;
	else if (!e->legacy || (j < n && s[j] == '='))
		return 0;
	*cp = e->cp;
	return j - i;
}

int
text_decode_entities(const char *str, size_t n, struct wbuf *out)
{
	const unsigned char *s = (const unsigned char *)str;
	const unsigned char *amp;
	size_t mark = out->len, span = 0, i = 0, len;
	uint32_t cp;

	if (n == 0)
		return WARTA_OK;

	while (i < n && (amp = memchr(s + i, '&', n - i)) != NULL) {
		i = (size_t)(amp - s);
		if ((len = parse_ref(s, i, n, &cp)) == 0) {
			i++;
			continue;
		}
		if (wbuf_append(out, s + span, i - span) != WARTA_OK ||
		    wbuf_put_utf8(out, cp) != WARTA_OK)
			return fail(out, mark);
		/* One pass: what a reference gave is not read again. */
		i += len;
		span = i;
	}
	if (wbuf_append(out, s + span, n - span) != WARTA_OK)
		return fail(out, mark);
	return WARTA_OK;
}

/* ---- controls ---- */

/*
 * Bytes that may start something text_fix_controls changes: C0 controls
 * but TAB and LF, DEL, C2 (C1 controls are C2 80..C2 9F) and EF (U+FFFE,
 * U+FFFF are EF BF BE/BF).
 */
static int
control_lead(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F ||
	    c == 0xC2 || c == 0xEF;
}

/*
 * A CR can only be left after text_fix_line_breaks by a reference (&#13;),
 * and there it means a line break: CRLF and a lone CR become LF, as in that
 * step.  U+FFFE and U+FFFF go because XML 1.0 forbids them; the other
 * noncharacters are legal XML and left alone.
 */
int
text_fix_controls(const char *str, size_t n, struct wbuf *out)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t mark = out->len, span = 0, i = 0, skip;
	uint32_t cp;

	if (n == 0)
		return WARTA_OK;

	while (i < n) {
		unsigned char c;

		if ((i = skip_ascii_but_controls(s, i, n)) >= n)
			break;
		c = s[i];

		if (!control_lead(c)) {
			i++;
			continue;
		}
		cp = UINT32_MAX;	/* nothing written: removed */
		if (c == '\r') {
			cp = '\n';
			skip = (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
		} else if (c < 0x80) {
			skip = 1;
		} else if (c == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 &&
		    s[i + 1] <= 0x9F) {
			/* a C1 control decoded as Latin-1 is the Windows-1252
			 * character it stood for; the five undefined go */
			if (cp1252_defined(s[i + 1]))
				cp = cp1252_to_unicode(s[i + 1]);
			skip = 2;
		} else if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBF &&
		    (s[i + 2] == 0xBE || s[i + 2] == 0xBF)) {
			skip = 3;
		} else {
			i++;
			continue;
		}
		if (wbuf_append(out, s + span, i - span) != WARTA_OK ||
		    (cp != UINT32_MAX && wbuf_put_utf8(out, cp) != WARTA_OK))
			return fail(out, mark);
		i += skip;
		span = i;
	}
	if (wbuf_append(out, s + span, n - span) != WARTA_OK)
		return fail(out, mark);
	return WARTA_OK;
}

/* ---- spaces ---- */

/*
 * What text_fix_spaces does with the character cp: 1 to a space, 0 removed
 * (invisible characters with no meaning in running text: zero width space,
 * word joiner, BOM, soft hyphen, Mongolian vowel separator), -1 kept.
 *
 * ZWNJ (U+200C) and ZWJ (U+200D) are kept on purpose: they change how a
 * word is spelled or shaped in Persian, Indic and other scripts, and join
 * emoji sequences (family, flags with modifiers); removing them changes the
 * text, not just its look.
 */
static int
space_action(uint32_t cp)
{
	switch (cp) {
	case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
		return 1;
	case 0x200B: case 0x2060: case 0xFEFF: case 0x00AD: case 0x180E:
		return 0;
	default:
		if (cp >= 0x2000 && cp <= 0x200A)
			return 1;
		return -1;
	}
}

/* Decodes the well-formed 2- or 3-byte sequence at s (len from seq_len). */
static uint32_t
decode_seq(const unsigned char *s, size_t len)
{
	if (len == 2)
		return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
	return ((uint32_t)(s[0] & 0x0F) << 12) |
	    ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
}

/*
 * Runs of spaces are not collapsed here: the layout step decides what
 * spacing means (indents, columns).
 */
int
text_fix_spaces(const char *str, size_t n, struct wbuf *out)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t mark = out->len, span = 0, i = 0, len;
	int action;

	if (n == 0)
		return WARTA_OK;

	while (i < n) {
		unsigned char c;

		if ((i = skip_ascii(s, i, n)) >= n)
			break;
		c = s[i];

		/* Every character handled starts with C2, E1, E2, E3 or EF. */
		if (c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3 &&
		    c != 0xEF) {
			i++;
			continue;
		}
		len = seq_len(s, i, n);
		if (len == 1 || (action = space_action(decode_seq(s + i,
		    len))) < 0) {
			i += len;
			continue;
		}
		if (wbuf_append(out, s + span, i - span) != WARTA_OK ||
		    (action == 1 && wbuf_putc(out, ' ') != WARTA_OK))
			return fail(out, mark);
		i += len;
		span = i;
	}
	if (wbuf_append(out, s + span, n - span) != WARTA_OK)
		return fail(out, mark);
	return WARTA_OK;
}

/* ---- ligatures ---- */

/* U+FB00..U+FB06; U+FB05 is long s + t, and its long s is kept. */
static const char *const latin_ligatures[7] = {
	"ff", "fi", "fl", "ffi", "ffl", "\xC5\xBFt", "st"
};

/*
 * Only these seven: NFKC would expand them too, but also "10³" to "103"
 * and "½" to "1⁄2", which an archive must not do.
 */
int
text_expand_ligatures(const char *str, size_t n, struct wbuf *out)
{
	const unsigned char *s = (const unsigned char *)str;
	const unsigned char *p;
	size_t mark = out->len, span = 0, i = 0;

	if (n == 0)
		return WARTA_OK;

	/* U+FB00..U+FB06 are EF AC 80..86. */
	while (i < n && (p = memchr(s + i, 0xEF, n - i)) != NULL) {
		i = (size_t)(p - s);
		if (i + 2 >= n || s[i + 1] != 0xAC || s[i + 2] < 0x80 ||
		    s[i + 2] > 0x86) {
			i++;
			continue;
		}
		if (wbuf_append(out, s + span, i - span) != WARTA_OK ||
		    wbuf_puts(out, latin_ligatures[s[i + 2] - 0x80]) !=
		    WARTA_OK)
			return fail(out, mark);
		i += 3;
		span = i;
	}
	if (wbuf_append(out, s + span, n - span) != WARTA_OK)
		return fail(out, mark);
	return WARTA_OK;
}

/* ---- NFC ---- */

/*
 * Normalizes one piece with utf8proc and appends it.  A piece utf8proc
 * rejects (invalid UTF-8, outside the contract) is appended unchanged.
 */
static int
nfc_piece(const unsigned char *s, size_t n, struct wbuf *out)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t len;
	int rc;

	if (n > (size_t)(WBUF_MAX / 4))
		return WARTA_FAILED;
	len = utf8proc_map(s, (utf8proc_ssize_t)n, &nfc,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (len == UTF8PROC_ERROR_NOMEM || len == UTF8PROC_ERROR_OVERFLOW)
		return WARTA_FAILED;
	if (len < 0)
		return wbuf_append(out, s, n);
	rc = wbuf_append(out, nfc, (size_t)len);
	free(nfc);
	return rc;
}

/*
 * Is s[0, n) made only of characters that NFC leaves as they are, next to
 * each other and after any ASCII character: Latin-1 (U+00A0..U+00FF) and
 * the punctuation of U+2010..U+205E, the quotation marks, dashes and
 * ellipsis of news text?  All are starters in NFC that compose with
 * nothing (each pair was checked with utf8proc), so such a piece needs no
 * call to utf8proc, which allocates for every piece.
 */
static int
nfc_inert(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		if (n - i >= 2 && ((s[i] == 0xC2 && s[i + 1] >= 0xA0 &&
		    s[i + 1] <= 0xBF) || (s[i] == 0xC3 && s[i + 1] >= 0x80 &&
		    s[i + 1] <= 0xBF)))
			i += 2;
		else if (n - i >= 3 && s[i] == 0xE2 &&
		    ((s[i + 1] == 0x80 && s[i + 2] >= 0x90 && s[i + 2] <= 0xBF) ||
		    (s[i + 1] == 0x81 && s[i + 2] >= 0x80 && s[i + 2] <= 0x9E)))
			i += 3;
		else
			return 0;
	}
	return 1;
}

/*
 * ASCII is NFC, and an ASCII character never composes with what precedes
 * it nor is reordered past, so the text splits safely before any ASCII
 * byte.  Only the pieces that hold non-ASCII go through utf8proc, each
 * with the ASCII character before it (which may be the base of a combining
 * mark: "e" + U+0301); the ASCII in between is copied as it is.
 */
int
text_nfc(const char *str, size_t n, struct wbuf *out)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t mark = out->len, span = 0, i = 0, start, run;

	if (n == 0)
		return WARTA_OK;

	while (i < n) {
		if ((i = skip_ascii(s, i, n)) >= n)
			break;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		start = i > span ? i - 1 : i;
		for (run = i; i < n && s[i] >= 0x80; i++)
			;
		/* left in the span, copied with the ASCII around it */
		if (nfc_inert(s + run, i - run))
			continue;
		if (wbuf_append(out, s + span, start - span) != WARTA_OK ||
		    nfc_piece(s + start, i - start, out) != WARTA_OK)
			return fail(out, mark);
		span = i;
	}
	if (wbuf_append(out, s + span, n - span) != WARTA_OK)
		return fail(out, mark);
	return WARTA_OK;
}

/* ---- the chain ---- */

typedef int (*clean_step)(const char *, size_t, struct wbuf *);

int
text_clean(const char *s, size_t n, struct wbuf *out)
{
	static const clean_step steps[] = {
		text_fix_line_breaks, text_decode_entities, text_fix_controls,
		text_fix_spaces, text_expand_ligatures
	};
	struct wbuf a = WBUF_INIT, b = WBUF_INIT, *from = NULL, *to = &a, *t;
	size_t k;
	int rc = WARTA_FAILED;

	for (k = 0; k < sizeof(steps) / sizeof(steps[0]); k++) {
		wbuf_reset(to);
		if (from == NULL)
			rc = steps[k](s, n, to);
		else
			rc = steps[k](from->data, from->len, to);
		if (rc != WARTA_OK)
			goto out;
		t = from == NULL ? &b : from;
		from = to;
		to = t;
	}
	rc = text_nfc(from->data, from->len, out);
out:
	wbuf_release(&a);
	wbuf_release(&b);
	return rc;
}
