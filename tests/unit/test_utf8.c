/*
 * test_utf8.c: the UTF-8 decoder and validator, the character classes and
 * Windows-1252 (base/utf8.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/utf8.h"

#define U(s)	((const unsigned char *)(s))

/* Decodes the first sequence of s (n bytes), wanting len and cp. */
static void
decodes(const char *s, size_t n, size_t len, uint32_t cp)
{
	uint32_t got = 0;

	assert_int_equal(utf8_decode(U(s), n, &got), len);
	assert_int_equal(got, cp);
	assert_int_equal(utf8_sequence_length(U(s), n),
	    cp == UTF8_INVALID ? 0 : len);
}

static void
test_decode_valid(void **state)
{
	(void)state;
	decodes("a", 1, 1, 'a');
	decodes("", 1, 1, 0);
	decodes("\x7f", 1, 1, 0x7f);
	decodes("\xC2\x80", 2, 2, 0x80);
	decodes("\xC3\xA9x", 3, 2, 0xe9);
	decodes("\xDF\xBF", 2, 2, 0x7ff);
	decodes("\xE0\xA0\x80", 3, 3, 0x800);
	decodes("\xE2\x82\xAC", 3, 3, 0x20ac);
	decodes("\xED\x9F\xBF", 3, 3, 0xd7ff);
	decodes("\xEE\x80\x80", 3, 3, 0xe000);
	decodes("\xEF\xBF\xBF", 3, 3, 0xffff);
	decodes("\xF0\x90\x80\x80", 4, 4, 0x10000);
	decodes("\xF0\x9F\x98\x80", 4, 4, 0x1f600);
	decodes("\xF4\x8F\xBF\xBF", 4, 4, 0x10ffff);
}

/* The length of an invalid sequence is that of its maximal subpart. */
static void
test_decode_invalid(void **state)
{
	(void)state;
	decodes("\x80", 1, 1, UTF8_INVALID);		/* lone continuation */
	decodes("\xBF\x80", 2, 1, UTF8_INVALID);
	decodes("\xC0\x80", 2, 1, UTF8_INVALID);	/* overlong lead */
	decodes("\xC1\xBF", 2, 1, UTF8_INVALID);
	decodes("\xF5\x80\x80\x80", 4, 1, UTF8_INVALID);
	decodes("\xFF", 1, 1, UTF8_INVALID);
	decodes("\xC3", 1, 1, UTF8_INVALID);		/* cut short */
	decodes("\xC3x", 2, 1, UTF8_INVALID);
	decodes("\xE2\x82", 2, 2, UTF8_INVALID);
	decodes("\xE2\x82x", 3, 2, UTF8_INVALID);
	decodes("\xE2\x82\xAC", 2, 2, UTF8_INVALID);	/* n says cut */
	decodes("\xF0\x9F\x98", 3, 3, UTF8_INVALID);
	decodes("\xE0\x80\x80", 3, 1, UTF8_INVALID);	/* overlong */
	decodes("\xE0\x9F\xBF", 3, 1, UTF8_INVALID);
	decodes("\xF0\x8F\xBF\xBF", 4, 1, UTF8_INVALID);
	decodes("\xED\xA0\x80", 3, 1, UTF8_INVALID);	/* surrogate */
	decodes("\xED\xBF\xBF", 3, 1, UTF8_INVALID);
	decodes("\xF4\x90\x80\x80", 4, 1, UTF8_INVALID);	/* > U+10FFFF */
}

static void
test_valid(void **state)
{
	const char *s = "plain ASCII, longer than a word, then caf\xC3\xA9 "
	    "\xE2\x82\xAC \xF0\x9F\x98\x80";
	size_t bad = 99;

	(void)state;
	assert_true(utf8_valid(U(""), 0, NULL));
	assert_true(utf8_valid(U(s), strlen(s), &bad));
	assert_int_equal(bad, 99);
	assert_false(utf8_valid(U("\xC3"), 1, NULL));
	assert_false(utf8_valid(U("abcdefghijkl\xE9 m"), 15, &bad));
	assert_int_equal(bad, 12);
	/* the first byte of the bad sequence, not the one that broke it */
	assert_false(utf8_valid(U("abc\xE2\x82x"), 6, &bad));
	assert_int_equal(bad, 3);
	assert_false(utf8_valid(U("a\xED\xA0\x80"), 4, &bad));
	assert_int_equal(bad, 1);
	/* a sequence the length cuts */
	assert_false(utf8_valid(U("ab\xE2\x82\xAC"), 4, &bad));
	assert_int_equal(bad, 2);
	assert_true(utf8_valid(U("ab\xE2\x82\xAC"), 5, &bad));
}

static void
test_ascii_prefix(void **state)
{
	(void)state;
	assert_int_equal(utf8_ascii_prefix(U(""), 0), 0);
	assert_int_equal(utf8_ascii_prefix(U("abc"), 3), 3);
	assert_int_equal(utf8_ascii_prefix(U("\xC3\xA9"), 2), 0);
	assert_int_equal(utf8_ascii_prefix(U("0123456789abcdef\xC3\xA9"), 18),
	    16);
	assert_int_equal(utf8_ascii_prefix(U("0123456789a\xC3\xA9"), 13), 11);
}

/* Every scalar value encodes, and decodes back to itself. */
static void
test_encode(void **state)
{
	unsigned char b[4];
	uint32_t cp, back;
	size_t len;

	(void)state;
	for (cp = 0; cp <= 0x10FFFF; cp++) {
		len = utf8_encode(b, cp);
		if (cp >= 0xD800 && cp <= 0xDFFF) {
			assert_int_equal(len, 0);
			continue;
		}
		assert_int_equal(len, cp < 0x80 ? 1 : cp < 0x800 ? 2 :
		    cp < 0x10000 ? 3 : 4);
		assert_int_equal(utf8_decode(b, len, &back), len);
		assert_int_equal(back, cp);
	}
	assert_int_equal(utf8_encode(b, 0x110000), 0);
	assert_int_equal(utf8_encode(b, UTF8_INVALID), 0);
	assert_int_equal(utf8_encode(b, 0x20AC), 3);
	assert_memory_equal(b, "\xE2\x82\xAC", 3);
}

static void
test_is_space(void **state)
{
	static const uint32_t yes[] = { ' ', '\t', '\n', '\v', '\f', '\r',
	    0xa0, 0x2000, 0x2005, 0x200a, 0x200b, 0x2028, 0x2029, 0x202f,
	    0x205f, 0x3000, 0xfeff };
	static const uint32_t no[] = { 0, 'a', '_', 0x1c, 0x85, 0x1680,
	    0x180e, 0x200c, 0x200d, 0x2060, 0xad, 0x3001 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		assert_true(utf8_is_space(yes[i]));
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		assert_false(utf8_is_space(no[i]));
}

static void
test_char_class_ascii(void **state)
{
	uint32_t c;
	enum utf8_class want;

	(void)state;
	for (c = 0; c < 0x80; c++) {
		if (c >= 'a' && c <= 'z')
			want = UTF8_LOWER;
		else if (c >= 'A' && c <= 'Z')
			want = UTF8_UPPER;
		else if (c >= '0' && c <= '9')
			want = UTF8_DIGIT;
		else if (c == ' ' || (c >= '\t' && c <= '\r'))
			want = UTF8_SPACE;
		else
			want = UTF8_OTHER;
		assert_int_equal(utf8_char_class(c), want);
	}
}

static void
test_char_class(void **state)
{
	(void)state;
	assert_int_equal(utf8_char_class(0xE9), UTF8_LOWER);	/* é */
	assert_int_equal(utf8_char_class(0xC9), UTF8_UPPER);	/* É */
	assert_int_equal(utf8_char_class(0xDF), UTF8_LOWER);	/* ß */
	assert_int_equal(utf8_char_class(0x01C5), UTF8_UPPER);	/* Lt */
	assert_int_equal(utf8_char_class(0x02B0), UTF8_LOWER);	/* Lm */
	assert_int_equal(utf8_char_class(0x05D0), UTF8_LOWER);	/* Lo */
	assert_int_equal(utf8_char_class(0x0663), UTF8_DIGIT);	/* Nd */
	assert_int_equal(utf8_char_class(0x2160), UTF8_DIGIT);	/* Nl */
	assert_int_equal(utf8_char_class(0xB2), UTF8_DIGIT);	/* No */
	assert_int_equal(utf8_char_class(0x0301), UTF8_MARK);	/* Mn */
	assert_int_equal(utf8_char_class(0x0903), UTF8_MARK);	/* Mc */
	assert_int_equal(utf8_char_class(0x20DD), UTF8_MARK);	/* Me */
	assert_int_equal(utf8_char_class(0xA0), UTF8_SPACE);
	assert_int_equal(utf8_char_class(0x1680), UTF8_SPACE);	/* Zs only */
	assert_int_equal(utf8_char_class(0x200B), UTF8_SPACE);	/* Cf, listed */
	assert_int_equal(utf8_char_class(0xFEFF), UTF8_SPACE);
	assert_int_equal(utf8_char_class(0x2028), UTF8_SPACE);
	assert_int_equal(utf8_char_class(0x85), UTF8_OTHER);	/* Cc */
	assert_int_equal(utf8_char_class(0x20AC), UTF8_OTHER);	/* Sc */
	assert_int_equal(utf8_char_class(0x2019), UTF8_OTHER);	/* Pf */
	assert_int_equal(utf8_char_class(0xE000), UTF8_OTHER);	/* Co */
	assert_int_equal(utf8_char_class(0x10FFFF), UTF8_OTHER);
}

static void
test_letter_upper(void **state)
{
	(void)state;
	assert_true(utf8_is_letter('a') && utf8_is_letter('Z'));
	assert_false(utf8_is_letter('1') || utf8_is_letter('-'));
	assert_true(utf8_is_letter(0xe9));	/* é */
	assert_true(utf8_is_letter(0x3b1));	/* α */
	assert_false(utf8_is_letter(0x301));	/* a combining accent */
	assert_false(utf8_is_letter(0x201c));	/* “ */
	assert_true(utf8_is_upper('A') && utf8_is_upper(0xc9));	/* É */
	assert_false(utf8_is_upper('a') || utf8_is_upper(0xe9));
	assert_false(utf8_is_upper('1'));
}

static void
test_cp1252(void **state)
{
	static const unsigned char undefined[] = { 0x81, 0x8D, 0x8F, 0x90,
	    0x9D };
	unsigned b;
	size_t i;

	(void)state;
	assert_int_equal(cp1252_to_unicode(0x41), 0x41);
	assert_int_equal(cp1252_to_unicode(0x80), 0x20AC);
	assert_int_equal(cp1252_to_unicode(0x85), 0x2026);
	assert_int_equal(cp1252_to_unicode(0x92), 0x2019);
	assert_int_equal(cp1252_to_unicode(0x9F), 0x0178);
	assert_int_equal(cp1252_to_unicode(0xA0), 0xA0);
	assert_int_equal(cp1252_to_unicode(0xE9), 0xE9);
	assert_int_equal(cp1252_to_unicode(0xFF), 0xFF);
	for (i = 0; i < sizeof(undefined); i++) {
		assert_int_equal(cp1252_to_unicode(undefined[i]), undefined[i]);
		assert_false(cp1252_defined(undefined[i]));
		assert_int_equal(cp1252_from_unicode(undefined[i]), -1);
	}
	/* every other byte is defined, and comes back from its character */
	for (b = 0; b < 256; b++) {
		if (memchr(undefined, (int)b, sizeof(undefined)) != NULL)
			continue;
		assert_true(cp1252_defined((unsigned char)b));
		assert_int_equal(cp1252_from_unicode(
		    cp1252_to_unicode((unsigned char)b)), b);
		if (b >= 0x80 && b <= 0x9F)
			assert_true(cp1252_to_unicode((unsigned char)b) > 0xFF);
	}
	assert_int_equal(cp1252_from_unicode(0x80), -1);
	assert_int_equal(cp1252_from_unicode(0x100), -1);
	assert_int_equal(cp1252_from_unicode(0x2028), -1);
	assert_int_equal(cp1252_from_unicode(UTF8_INVALID), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_valid),
		cmocka_unit_test(test_decode_invalid),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_ascii_prefix),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_is_space),
		cmocka_unit_test(test_char_class_ascii),
		cmocka_unit_test(test_char_class),
		cmocka_unit_test(test_letter_upper),
		cmocka_unit_test(test_cp1252),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
