/*
 * base/utf8.h: the one UTF-8 decoder and validator, the character classes
 * the text rules use, and the one Windows-1252 table.
 *
 * The decoder is strict (RFC 3629): no overlong forms, no surrogates, nothing
 * past U+10FFFF.  An invalid sequence is reported by the length of its
 * maximal invalid subpart (Unicode's "substitution of maximal subparts"),
 * so that a caller that replaces each with U+FFFD agrees with Python,
 * WHATWG and ICU.
 */
#ifndef WARTA_UTF8_H
#define WARTA_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* What utf8_decode() gives for an invalid sequence: no code point is it. */
#define UTF8_INVALID	0xFFFFFFFFu

/*
 * Decodes the sequence at s (n > 0 bytes left).  Returns its length and the
 * code point in *cp, or, when it is invalid, the length of the maximal
 * invalid subpart (at least 1) and UTF8_INVALID in *cp.
 */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Length of the valid sequence at s (1..4), or 0 when it is invalid. */
size_t utf8_sequence_length(const unsigned char *s, size_t n);
/* True when all n bytes are valid UTF-8; else *bad (when bad is not NULL)
 * gets the offset of the first byte of the first invalid sequence. */
int utf8_valid(const unsigned char *s, size_t n, size_t *bad);
/* Length of the run of ASCII bytes that starts s, eight bytes at a time. */
size_t utf8_ascii_prefix(const unsigned char *s, size_t n);
/* Writes the UTF-8 of cp at out; returns its length, or 0 (nothing
 * written) when cp is a surrogate or past U+10FFFF. */
size_t utf8_encode(unsigned char out[4], uint32_t cp);

/*
 * White space as the text rules see it: the ASCII controls \t \n \v \f \r
 * and the space, no-break space (U+00A0), the spaces U+2000..U+200A, the
 * zero width space (U+200B), the line and paragraph separators, U+202F,
 * U+205F, the ideographic space and the byte order mark.
 */
int utf8_is_space(uint32_t cp);

enum utf8_class {
	UTF8_OTHER,	/* punctuation, symbols, controls, unassigned */
	UTF8_SPACE,	/* utf8_is_space(), or Unicode Zs, Zl, Zp */
	UTF8_LOWER,	/* a letter that is not upper case: Ll, Lm, Lo */
	UTF8_UPPER,	/* Lu, Lt */
	UTF8_DIGIT,	/* Nd, Nl, No */
	UTF8_MARK	/* Mn, Mc, Me */
};

/* The class of cp, by utf8proc's general categories (ASCII by hand). */
enum utf8_class utf8_char_class(uint32_t cp);

/* A letter (Unicode L*), and an upper-case one (by utf8proc). */
int utf8_is_letter(uint32_t cp);
int utf8_is_upper(uint32_t cp);

/*
 * Windows-1252.  cp1252_to_unicode() reads any byte: the five bytes
 * Microsoft left undefined (0x81 0x8D 0x8F 0x90 0x9D) become the C1 code
 * point of the same value, as WHATWG's decoder and Python's "sloppy" codec
 * read them; a caller that must tell them apart asks cp1252_defined().
 */
uint32_t cp1252_to_unicode(unsigned char b);
/* False for the five undefined bytes, true for every other. */
int cp1252_defined(unsigned char b);
/* The byte Windows-1252 writes cp as, or -1 when it has no such character
 * (the C1 controls included: the undefined bytes stand for nothing). */
int cp1252_from_unicode(uint32_t cp);

#endif
