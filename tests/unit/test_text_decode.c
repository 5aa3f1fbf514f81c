/*
 * test_text_decode.c: raw bytes to UTF-8, each case with its exact output,
 * the encoding found, and for failures the message and byte offset.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/buf.h"
#include "text/decode.h"
#include "base/warta.h"

/*
 * Windows-1252 0x80..0x9F from Unicode's CP1252.TXT, written out here
 * rather than taken from the code under test.  The five bytes CP1252.TXT
 * leaves undefined are the C1 code points of the same value (WHATWG).
 */
static const uint32_t cp1252_ref[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

/* A UTF-8 encoder of the test's own, so expectations do not use base/buf.c. */
static size_t
put_utf8(unsigned char *p, uint32_t cp)
{
	if (cp < 0x80) {
		p[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		p[0] = (unsigned char)(0xC0 | cp >> 6);
		p[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		p[0] = (unsigned char)(0xE0 | cp >> 12);
		p[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		p[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	p[0] = (unsigned char)(0xF0 | cp >> 18);
	p[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
	p[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	p[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Decodes in (n bytes) and checks the exact output and encoding found. */
static void
decodes_n(const char *in, size_t n, enum text_encoding want,
    const char *expect, size_t expect_n, enum text_encoding expect_found)
{
	struct wbuf out = WBUF_INIT;
	struct warta_error err;
	enum text_encoding found = (enum text_encoding)99;

	warta_error_clear(&err);
	if (text_decode((const unsigned char *)in, n, want, &out, &found,
	    &err) != WARTA_OK)
		fail_msg("%s (offset %lld)", err.message, err.offset);
	assert_int_equal(found, expect_found);
	assert_int_equal(out.len, expect_n);
	if (expect_n > 0)
		assert_memory_equal(out.data, expect, expect_n);
	wbuf_release(&out);
}

static void
decodes(const char *in, enum text_encoding want, const char *expect,
    enum text_encoding expect_found)
{
	decodes_n(in, strlen(in), want, expect, strlen(expect), expect_found);
}

/* Decoding in (n bytes) fails with exactly this message and offset. */
static void
fails_n(const char *in, size_t n, enum text_encoding want,
    const char *message, long long offset)
{
	struct wbuf out = WBUF_INIT;
	struct warta_error err;
	enum text_encoding found;

	warta_error_clear(&err);
	assert_int_equal(text_decode((const unsigned char *)in, n, want, &out,
	    &found, &err), WARTA_FAILED);
	assert_string_equal(err.message, message);
	assert_int_equal(err.offset, offset);
	wbuf_release(&out);
}

static enum text_encoding
named(const char *name)
{
	enum text_encoding e = (enum text_encoding)99;

	assert_int_equal(text_encoding_from_name(name, &e), WARTA_OK);
	return e;
}

/* "utf-16" as a user names it: the mark decides, little-endian without. */
static void
test_utf16_either_order(void **state)
{
	(void)state;
	decodes_n("\xFE\xFF\x00H\x00i", 6, named("utf-16"), "Hi", 2,
	    TEXT_UTF16BE);
	decodes_n("\xFF\xFEH\x00i\x00", 6, named("UTF16"), "Hi", 2,
	    TEXT_UTF16LE);
	decodes_n("H\x00i\x00", 4, named("utf-16"), "Hi", 2, TEXT_UTF16LE);
}

static void
test_utf8_plain(void **state)
{
	(void)state;
	decodes("plain ASCII", TEXT_AUTO, "plain ASCII", TEXT_UTF8);
	decodes("Kafé “Sinar” — Rp 5.000 € 😀", TEXT_AUTO,
	    "Kafé “Sinar” — Rp 5.000 € 😀", TEXT_UTF8);
	decodes("Kafé “Sinar”", TEXT_UTF8, "Kafé “Sinar”", TEXT_UTF8);
	/* A BOM-less U+FEFF inside the text is not a BOM and stays. */
	decodes("a\xEF\xBB\xBF" "b", TEXT_AUTO, "a\xEF\xBB\xBF" "b", TEXT_UTF8);
}

static void
test_utf8_bom(void **state)
{
	(void)state;
	decodes("\xEF\xBB\xBF" "Kafé", TEXT_AUTO, "Kafé", TEXT_UTF8);
	decodes("\xEF\xBB\xBF" "Kafé", TEXT_UTF8, "Kafé", TEXT_UTF8);
	/* Only the first BOM is dropped. */
	decodes("\xEF\xBB\xBF\xEF\xBB\xBF" "x", TEXT_AUTO, "\xEF\xBB\xBF" "x",
	    TEXT_UTF8);
	/*
	 * Under auto-detection a BOM'd file with stray bytes is broken UTF-8,
	 * not an error (forced UTF-8 is: see test_forced_utf8_invalid), and
	 * the BOM alone is enough UTF-8 to keep, however few sequences follow.
	 */
	decodes("\xEF\xBB\xBF" "é é é é \x93" "x\x94", TEXT_AUTO,
	    "é é é é “x”", TEXT_UTF8_MIXED);
	decodes("\xEF\xBB\xBF" "caf\xE9", TEXT_AUTO, "café", TEXT_UTF8_MIXED);
	decodes("\xEF\xBB\xBF" "\x93x\x94 é", TEXT_AUTO, "“x” é",
	    TEXT_UTF8_MIXED);
	/* An explicit single-byte choice reads the BOM as three characters. */
	decodes("\xEF\xBB\xBF" "a", TEXT_WINDOWS_1252, "ï»¿a",
	    TEXT_WINDOWS_1252);
}

static void
test_appends(void **state)
{
	struct wbuf out = WBUF_INIT;
	struct warta_error err;
	enum text_encoding found;

	(void)state;
	warta_error_clear(&err);
	assert_int_equal(wbuf_puts(&out, "head:"), WARTA_OK);
	assert_int_equal(text_decode((const unsigned char *)"caf\xE9", 4,
	    TEXT_AUTO, &out, &found, &err), WARTA_OK);
	assert_int_equal(found, TEXT_WINDOWS_1252);
	assert_string_equal(out.data, "head:café");
	assert_int_equal(text_decode((const unsigned char *)"\xFF\xFE!\0", 4,
	    TEXT_AUTO, &out, &found, &err), WARTA_OK);
	assert_int_equal(found, TEXT_UTF16LE);
	assert_string_equal(out.data, "head:café!");
	wbuf_release(&out);
}

static void
test_utf16le(void **state)
{
	/* "Hé€" then U+1F600 as the pair D83D DE00, then "!". */
	static const char le[] = "\xFF\xFE" "H\0" "\xE9\0" "\xAC\x20"
	    "\x3D\xD8\x00\xDE" "!\0";

	(void)state;
	decodes_n(le, sizeof(le) - 1, TEXT_AUTO, "Hé€😀!", strlen("Hé€😀!"),
	    TEXT_UTF16LE);
	/* Forced, with and without the BOM. */
	decodes_n(le, sizeof(le) - 1, named("utf-16le"), "Hé€😀!",
	    strlen("Hé€😀!"), TEXT_UTF16LE);
	decodes_n(le + 2, sizeof(le) - 3, named("UTF-16LE"), "Hé€😀!",
	    strlen("Hé€😀!"), TEXT_UTF16LE);
	/* The highest pair, U+10FFFF. */
	decodes_n("\xFF\xFE\xFF\xDB\xFF\xDF", 6, TEXT_AUTO, "\xF4\x8F\xBF\xBF",
	    4, TEXT_UTF16LE);

	/* A high surrogate at the end, at byte 4 of the whole input. */
	fails_n("\xFF\xFE" "a\0" "\x3D\xD8", 6, TEXT_AUTO,
	    "unpaired UTF-16 surrogate", 4);
	/* A high surrogate followed by a non-surrogate. */
	fails_n("\xFF\xFE" "\x3D\xD8" "a\0", 6, TEXT_AUTO,
	    "unpaired UTF-16 surrogate", 2);
	/* Two high surrogates. */
	fails_n("\xFF\xFE" "\x3D\xD8\x3D\xD8\x00\xDE", 8, TEXT_AUTO,
	    "unpaired UTF-16 surrogate", 2);
	/* A lone low surrogate. */
	fails_n("\xFF\xFE" "a\0b\0" "\x00\xDE" "c\0", 10, TEXT_AUTO,
	    "unpaired UTF-16 surrogate", 6);
	/* Without a BOM the offsets count from 0. */
	fails_n("a\0" "\x00\xDE", 4, TEXT_UTF16LE,
	    "unpaired UTF-16 surrogate", 2);
	/* An odd length: the offset is the dangling last byte. */
	fails_n("\xFF\xFE" "a\0b", 5, TEXT_AUTO,
	    "odd number of bytes in UTF-16 text", 4);
	fails_n("a", 1, TEXT_UTF16LE, "odd number of bytes in UTF-16 text", 0);
	/* A U+0000 code unit is binary. */
	fails_n("\xFF\xFE" "a\0\0\0", 6, TEXT_AUTO,
	    "binary data at byte 4, not text", 4);
	/* A BOM and nothing else. */
	fails_n("\xFF\xFE", 2, TEXT_AUTO, "empty file", 0);
}

static void
test_utf16be(void **state)
{
	static const char be[] = "\xFE\xFF" "\0H" "\0\xE9" "\x20\xAC"
	    "\xD8\x3D\xDE\x00" "\0!";

	(void)state;
	decodes_n(be, sizeof(be) - 1, TEXT_AUTO, "Hé€😀!", strlen("Hé€😀!"),
	    TEXT_UTF16BE);
	decodes_n(be + 2, sizeof(be) - 3, named("utf-16be"), "Hé€😀!",
	    strlen("Hé€😀!"), TEXT_UTF16BE);

	fails_n("\xFE\xFF" "\0a" "\xD8\x3D", 6, TEXT_AUTO,
	    "unpaired UTF-16 surrogate", 4);
	fails_n("\xFE\xFF" "\xD8\x3D" "\0a", 6, TEXT_AUTO,
	    "unpaired UTF-16 surrogate", 2);
	fails_n("\xFE\xFF" "\0a" "\xDC\x00", 6, TEXT_AUTO,
	    "unpaired UTF-16 surrogate", 4);
	fails_n("\xFE\xFF" "\0a\0b\0", 7, TEXT_AUTO,
	    "odd number of bytes in UTF-16 text", 6);
	fails_n("\xFE\xFF", 2, TEXT_AUTO, "empty file", 0);
}

static void
test_utf16_without_bom_is_binary(void **state)
{
	(void)state;
	/* Detection does not guess UTF-16: its NULs make it binary. */
	fails_n("a\0b\0", 4, TEXT_AUTO, "binary data at byte 1, not text", 1);
	fails_n("\0a\0b", 4, TEXT_AUTO, "binary data at byte 0, not text", 0);
}

/*
 * Every byte through Windows-1252.  NUL is binary on its own; the other
 * C0 controls are padded with spaces so that they stay under the
 * one-in-twenty share that reads as binary.
 */
static void
test_windows_1252_all_bytes(void **state)
{
	unsigned char in[255 + 600], expect[255 * 3 + 600];
	size_t n = 0, m = 0;
	unsigned b;

	(void)state;
	for (b = 1; b <= 0xFF; b++) {
		uint32_t cp = b;

		in[n++] = (unsigned char)b;
		if (b >= 0x80 && b <= 0x9F)
			cp = cp1252_ref[b - 0x80];
		m += put_utf8(expect + m, cp);
	}
	memset(in + n, ' ', 600);
	memset(expect + m, ' ', 600);
	n += 600;
	m += 600;
	decodes_n((const char *)in, n, named("windows-1252"),
	    (const char *)expect, m, TEXT_WINDOWS_1252);
	/* No two bytes in a row here make UTF-8: detection agrees. */
	decodes_n((const char *)in, n, TEXT_AUTO, (const char *)expect, m,
	    TEXT_WINDOWS_1252);
	fails_n("\0", 1, TEXT_WINDOWS_1252, "binary data at byte 0, not text",
	    0);

	/* The ones that matter, spelled out. */
	decodes("\x80", TEXT_WINDOWS_1252, "\xE2\x82\xAC", TEXT_WINDOWS_1252);
	decodes("\x85", TEXT_WINDOWS_1252, "\xE2\x80\xA6", TEXT_WINDOWS_1252);
	decodes("\x93" "kata\x94", TEXT_WINDOWS_1252,
	    "\xE2\x80\x9C" "kata\xE2\x80\x9D", TEXT_WINDOWS_1252);
	decodes("\x91\x92\x96\x97\x99", TEXT_WINDOWS_1252, "‘’–—™",
	    TEXT_WINDOWS_1252);
	decodes("\xA0\xE9\xFF", TEXT_WINDOWS_1252, "\xC2\xA0\xC3\xA9\xC3\xBF",
	    TEXT_WINDOWS_1252);
}

/* glibc's iconv rejects these five; warta must not. */
static void
test_windows_1252_undefined(void **state)
{
	(void)state;
	decodes("\x81", TEXT_WINDOWS_1252, "\xC2\x81", TEXT_WINDOWS_1252);
	decodes("\x8D", TEXT_WINDOWS_1252, "\xC2\x8D", TEXT_WINDOWS_1252);
	decodes("\x8F", TEXT_WINDOWS_1252, "\xC2\x8F", TEXT_WINDOWS_1252);
	decodes("\x90", TEXT_WINDOWS_1252, "\xC2\x90", TEXT_WINDOWS_1252);
	decodes("\x9D", TEXT_WINDOWS_1252, "\xC2\x9D", TEXT_WINDOWS_1252);
	decodes("a\x81\x8D\x8F\x90\x9D" "b", TEXT_AUTO,
	    "a\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D" "b", TEXT_WINDOWS_1252);
}

/*
 * An old Indonesian CMS export: curly quotes, ellipsis, dashes, the euro
 * sign and an accented loanword, all single bytes.  A generic detector
 * calls this Windows-1250 and turns the quotes into other letters.
 */
static void
test_windows_1252_indonesian(void **state)
{
	static const char in[] =
	    "YOGYAKARTA \x97 \x93Kami akan membangun jembatan baru tahun "
	    "depan,\x94 kata Bupati Sleman, Sri Purnomo, di kaf\xE9 "
	    "Malioboro, Senin (3/2)\x85 Biayanya sekitar Rp 5 miliar "
	    "(\x80 300.000). \x91Tidak ada masalah,\x92 ujarnya.\r\n";
	static const char want[] =
	    "YOGYAKARTA — “Kami akan membangun jembatan baru tahun "
	    "depan,” kata Bupati Sleman, Sri Purnomo, di kafé "
	    "Malioboro, Senin (3/2)… Biayanya sekitar Rp 5 miliar "
	    "(€ 300.000). ‘Tidak ada masalah,’ ujarnya.\r\n";
	enum { REPEAT = 40 };	/* past the 4096-byte binary window */
	char *big, *big_want;
	size_t i;

	(void)state;
	decodes(in, TEXT_AUTO, want, TEXT_WINDOWS_1252);
	assert_string_equal(text_encoding_name(TEXT_WINDOWS_1252),
	    "windows-1252");

	big = malloc(REPEAT * strlen(in) + 1);
	big_want = malloc(REPEAT * strlen(want) + 1);
	assert_non_null(big);
	assert_non_null(big_want);
	big[0] = big_want[0] = '\0';
	for (i = 0; i < REPEAT; i++) {
		strcat(big, in);
		strcat(big_want, want);
	}
	assert_true(strlen(big) > 4096);
	decodes(big, TEXT_AUTO, big_want, TEXT_WINDOWS_1252);
	free(big);
	free(big_want);
}

static void
test_latin1_latin9(void **state)
{
	(void)state;
	assert_int_equal(named("latin1"), TEXT_LATIN1);
	assert_int_equal(named("latin9"), TEXT_LATIN9);
	decodes("\xA4", named("latin1"), "\xC2\xA4", TEXT_LATIN1);
	decodes("\xA4", named("iso-8859-1"), "\xC2\xA4", TEXT_LATIN1);
	decodes("\xA4", named("latin9"), "\xE2\x82\xAC", TEXT_LATIN9);
	decodes("\xA4", named("iso-8859-15"), "\xE2\x82\xAC", TEXT_LATIN9);
	/* Auto-detection calls it Windows-1252, where 0xA4 is U+00A4. */
	decodes("\xA4", TEXT_AUTO, "\xC2\xA4", TEXT_WINDOWS_1252);

	/* The eight places Latin-9 differs from Latin-1. */
	decodes("\xA4\xA6\xA8\xB4\xB8\xBC\xBD\xBE", TEXT_LATIN9, "€ŠšŽžŒœŸ",
	    TEXT_LATIN9);
	decodes("\xA4\xA6\xA8\xB4\xB8\xBC\xBD\xBE", TEXT_LATIN1,
	    "\xC2\xA4\xC2\xA6\xC2\xA8\xC2\xB4\xC2\xB8\xC2\xBC\xC2\xBD\xC2\xBE",
	    TEXT_LATIN1);
	/* Elsewhere both are Latin-1, and 0x80..0x9F are C1, not cp1252. */
	decodes("\xE9\xFF\xA3", TEXT_LATIN9, "é\xC3\xBF£", TEXT_LATIN9);
	decodes("\x80\x93", TEXT_LATIN1, "\xC2\x80\xC2\x93", TEXT_LATIN1);
	decodes("\x80\x93", TEXT_LATIN9, "\xC2\x80\xC2\x93", TEXT_LATIN9);
	/* Forced single-byte: valid UTF-8 is read byte by byte. */
	decodes("\xC3\xA9", TEXT_LATIN1, "Ã©", TEXT_LATIN1);
}

static void
test_utf8_mixed(void **state)
{
	(void)state;
	/* UTF-8 with one stray Windows-1252 apostrophe (0x92). */
	decodes("Kafé “Sinar” itu ramai, kata\x92 pemiliknya — benar.",
	    TEXT_AUTO, "Kafé “Sinar” itu ramai, kata’ pemiliknya — benar.",
	    TEXT_UTF8_MIXED);
	/* A stray lead byte right before a UTF-8 sequence, and at the end. */
	decodes("é é é é é é\xE9“x”\xE2\x80", TEXT_AUTO,
	    "é é é é é éé“x”â€", TEXT_UTF8_MIXED);
	/* Two stray bytes, three sequences: not enough UTF-8 to trust. */
	decodes("é é é \x93x\x94", TEXT_AUTO, "Ã© Ã© Ã© “x”",
	    TEXT_WINDOWS_1252);
	/* Two stray bytes, four sequences: enough. */
	decodes("é é é é \x93x\x94", TEXT_AUTO, "é é é é “x”",
	    TEXT_UTF8_MIXED);
	assert_string_equal(text_encoding_name(TEXT_UTF8_MIXED),
	    "utf-8+windows-1252");
}

static void
test_forced_utf8_invalid(void **state)
{
	(void)state;
	fails_n("caf\xE9 au lait", 12, TEXT_UTF8, "invalid UTF-8 at byte 3", 3);
	/* Past the ASCII fast path. */
	fails_n("0123456789abcdef\x93x", 18, named("utf8"),
	    "invalid UTF-8 at byte 16", 16);
	/* The offset counts the BOM. */
	fails_n("\xEF\xBB\xBF" "caf\xE9", 7, TEXT_UTF8,
	    "invalid UTF-8 at byte 6", 6);
	/* A sequence cut short at the end. */
	fails_n("ok \xE2\x80", 5, TEXT_UTF8, "invalid UTF-8 at byte 3", 3);
	/* A UTF-16 BOM under forced UTF-8 is not honoured. */
	fails_n("\xFF\xFE" "a\0", 4, TEXT_UTF8, "binary data at byte 3, not text",
	    3);
	fails_n("\xFF\xFE" "ab", 4, TEXT_UTF8, "invalid UTF-8 at byte 0", 0);
}

static void
test_empty(void **state)
{
	(void)state;
	fails_n("", 0, TEXT_AUTO, "empty file", 0);
	fails_n("", 0, TEXT_UTF8, "empty file", 0);
	fails_n("", 0, TEXT_WINDOWS_1252, "empty file", 0);
	fails_n("", 0, TEXT_UTF16LE, "empty file", 0);
	fails_n("\xEF\xBB\xBF", 3, TEXT_AUTO, "empty file", 0);
}

static void
test_binary(void **state)
{
	static const char png[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR";
	char controls[200];
	size_t i;

	(void)state;
	fails_n("abc\0def", 7, TEXT_AUTO, "binary data at byte 3, not text", 3);
	fails_n("abc\0def", 7, TEXT_WINDOWS_1252,
	    "binary data at byte 3, not text", 3);
	fails_n("abc\0def", 7, TEXT_UTF8, "binary data at byte 3, not text", 3);
	fails_n("\xEF\xBB\xBF" "abc\0", 7, TEXT_AUTO,
	    "binary data at byte 6, not text", 6);
	fails_n(png, sizeof(png) - 1, TEXT_AUTO,
	    "binary data at byte 8, not text", 8);
	/* A NUL far past the first 4096 bytes is still found. */
	{
		char *big = malloc(10000);

		assert_non_null(big);
		memset(big, 'a', 10000);
		big[9000] = '\0';
		fails_n(big, 10000, TEXT_AUTO,
		    "binary data at byte 9000, not text", 9000);
		free(big);
	}

	/* No NUL, but one control byte in ten. */
	memset(controls, 'x', sizeof(controls));
	for (i = 5; i < sizeof(controls); i += 10)
		controls[i] = '\x01';
	fails_n(controls, sizeof(controls), TEXT_AUTO,
	    "binary data at byte 5, not text", 5);
	/* One in a hundred is text with a stray control. */
	memset(controls, 'x', sizeof(controls));
	controls[50] = '\x01';
	controls[150] = '\x02';
	decodes_n(controls, sizeof(controls), TEXT_AUTO, controls,
	    sizeof(controls), TEXT_UTF8);
	/* Tabs, line ends, form feeds, DOS EOF and ESC are never counted. */
	decodes("\t\n\r\f\v\x1A\x1B", TEXT_AUTO, "\t\n\r\f\v\x1A\x1B",
	    TEXT_UTF8);
}

static void
test_encoding_names(void **state)
{
	static const char *const junk[] = {
		"", "utf", "utf-9", "utf-8 ", " utf-8", "utf-88", "latin",
		"latin2", "iso-8859-2", "cp1250", "windows-1250", "ibm852",
		"automatic", "klingon",
	};
	enum text_encoding e;
	size_t i;

	(void)state;
	assert_int_equal(named("auto"), TEXT_AUTO);
	assert_int_equal(named("utf-8"), TEXT_UTF8);
	assert_int_equal(named("utf8"), TEXT_UTF8);
	assert_int_equal(named("UTF-8"), TEXT_UTF8);
	assert_int_equal(named("cp1252"), TEXT_WINDOWS_1252);
	assert_int_equal(named("windows-1252"), TEXT_WINDOWS_1252);
	assert_int_equal(named("Windows-1252"), TEXT_WINDOWS_1252);
	assert_int_equal(named("latin1"), TEXT_LATIN1);
	assert_int_equal(named("iso-8859-1"), TEXT_LATIN1);
	assert_int_equal(named("ISO-8859-1"), TEXT_LATIN1);
	assert_int_equal(named("iso-8859-15"), TEXT_LATIN9);
	assert_int_equal(named("latin9"), TEXT_LATIN9);
	assert_int_equal(named("utf-16le"), TEXT_UTF16LE);
	assert_int_equal(named("utf-16be"), TEXT_UTF16BE);

	for (i = 0; i < sizeof(junk) / sizeof(junk[0]); i++) {
		e = TEXT_LATIN9;
		assert_int_equal(text_encoding_from_name(junk[i], &e),
		    WARTA_FAILED);
	}

	/* Every name warta writes reads back, except the mixed one. */
	assert_int_equal(named(text_encoding_name(TEXT_UTF8)), TEXT_UTF8);
	assert_int_equal(named(text_encoding_name(TEXT_UTF16LE)), TEXT_UTF16LE);
	assert_int_equal(named(text_encoding_name(TEXT_UTF16BE)), TEXT_UTF16BE);
	assert_int_equal(named(text_encoding_name(TEXT_WINDOWS_1252)),
	    TEXT_WINDOWS_1252);
	assert_int_equal(named(text_encoding_name(TEXT_LATIN1)), TEXT_LATIN1);
	assert_int_equal(named(text_encoding_name(TEXT_LATIN9)), TEXT_LATIN9);
	assert_int_equal(named(text_encoding_name(TEXT_AUTO)), TEXT_AUTO);
}

static void
bad_at(const char *s, size_t n, size_t expect)
{
	size_t bad = 12345;

	assert_false(utf8_valid((const unsigned char *)s, n, &bad));
	assert_int_equal(bad, expect);
}

static void
good(const char *s, size_t n)
{
	size_t bad = 12345;

	assert_true(utf8_valid((const unsigned char *)s, n, &bad));
	assert_int_equal(bad, 12345);	/* untouched */
}

static void
test_utf8_valid(void **state)
{
	(void)state;
	good("", 0);
	good("abc", 3);
	good("0123456789abcdefghij", 20);
	good("\xC2\x80\xDF\xBF", 4);
	good("\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF", 12);
	good("\xF0\x90\x80\x80\xF4\x8F\xBF\xBF", 8);
	assert_true(utf8_valid((const unsigned char *)"\xC3", 1, NULL) == 0);

	bad_at("\x80", 1, 0);
	bad_at("ab\xC0\x80", 4, 2);		/* overlong NUL */
	bad_at("ab\xC1\xBF", 4, 2);		/* overlong */
	bad_at("\xE0\x9F\xBF", 3, 0);		/* overlong 3-byte */
	bad_at("\xF0\x8F\xBF\xBF", 4, 0);	/* overlong 4-byte */
	bad_at("x\xED\xA0\x80", 4, 1);		/* surrogate D800 */
	bad_at("x\xED\xBF\xBF", 4, 1);		/* surrogate DFFF */
	bad_at("\xF4\x90\x80\x80", 4, 0);	/* past U+10FFFF */
	bad_at("\xF5\x80\x80\x80", 4, 0);
	bad_at("\xFF", 1, 0);
	bad_at("é\xC3", 3, 2);			/* cut short at the end */
	bad_at("é\xE2\x82", 4, 2);
	bad_at("\xE2\x82" "a", 3, 0);		/* cut short before ASCII */
	/* Around the eight-byte ASCII stride. */
	bad_at("01234567\x80", 9, 8);
	bad_at("0123456\x80" "89abcdef", 16, 7);
	bad_at("0123456789abcdefé\x80", 19, 18);
	bad_at("é01234567890123456\xFE", 20, 19);
	/* Only the first bad byte is reported. */
	bad_at("ok\xFF\xFE", 4, 2);

	assert_int_equal(utf8_sequence_length((const unsigned char *)"a", 1), 1);
	assert_int_equal(utf8_sequence_length((const unsigned char *)"é", 2), 2);
	assert_int_equal(utf8_sequence_length((const unsigned char *)"€", 3), 3);
	assert_int_equal(utf8_sequence_length((const unsigned char *)"😀", 4), 4);
	/* n limits the look-ahead. */
	assert_int_equal(utf8_sequence_length((const unsigned char *)"€", 2), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_plain),
		cmocka_unit_test(test_utf16_either_order),
		cmocka_unit_test(test_utf8_bom),
		cmocka_unit_test(test_appends),
		cmocka_unit_test(test_utf16le),
		cmocka_unit_test(test_utf16be),
		cmocka_unit_test(test_utf16_without_bom_is_binary),
		cmocka_unit_test(test_windows_1252_all_bytes),
		cmocka_unit_test(test_windows_1252_undefined),
		cmocka_unit_test(test_windows_1252_indonesian),
		cmocka_unit_test(test_latin1_latin9),
		cmocka_unit_test(test_utf8_mixed),
		cmocka_unit_test(test_forced_utf8_invalid),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_encoding_names),
		cmocka_unit_test(test_utf8_valid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
