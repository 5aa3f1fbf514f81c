/*
 * test_text_clean.c: each repair step alone, with exact expected output,
 * then the chain.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "base/buf.h"
#include "text/clean.h"
#include "base/warta.h"

typedef int (*step_fn)(const char *, size_t, struct wbuf *);

/* Runs step over in (n bytes) and checks that it gives exactly want. */
static void
check_n(step_fn step, const char *in, size_t n, const char *want,
    size_t want_n)
{
	struct wbuf out = WBUF_INIT;

	assert_int_equal(step(in, n, &out), WARTA_OK);
	assert_int_equal(out.len, want_n);
	if (want_n > 0)
		assert_memory_equal(out.data, want, want_n);
	wbuf_release(&out);
}

static void
check(step_fn step, const char *in, const char *want)
{
	check_n(step, in, strlen(in), want, strlen(want));
}

/* ---- line breaks ---- */

static void
test_line_breaks(void **state)
{
	(void)state;
	check(text_fix_line_breaks, "a\r\nb\rc\nd", "a\nb\nc\nd");
	check(text_fix_line_breaks, "a\r\r\nb", "a\n\nb");
	check(text_fix_line_breaks, "a\r", "a\n");
	check(text_fix_line_breaks, "a\xC2\x85" "b", "a\nb");
	check(text_fix_line_breaks, "a\xE2\x80\xA8" "b", "a\nb");
	check(text_fix_line_breaks, "a\xE2\x80\xA9" "b", "a\n\nb");
	/* Neighbours of the bytes looked at stay. */
	check(text_fix_line_breaks, "\xC2\xA0\xE2\x80\x9C\xE2\x80\xA7",
	    "\xC2\xA0\xE2\x80\x9C\xE2\x80\xA7");
	check(text_fix_line_breaks, "plain ascii\n", "plain ascii\n");
	check(text_fix_line_breaks, "", "");
}

/* ---- entities ---- */

static void
test_entities_named(void **state)
{
	(void)state;
	check(text_decode_entities, "R&amp;D &lt;b&gt; &quot;x&quot;",
	    "R&D <b> \"x\"");
	check(text_decode_entities, "caf&eacute; &Eacute;",
	    "caf\xC3\xA9 \xC3\x89");
	check(text_decode_entities, "&ldquo;Ya&rdquo; &hellip;",
	    "\xE2\x80\x9CYa\xE2\x80\x9D \xE2\x80\xA6");
	check(text_decode_entities, "a&nbsp;b", "a\xC2\xA0" "b");
	check(text_decode_entities, "&apos;", "'");
	/* First and last of the table, the longest name. */
	check(text_decode_entities, "&AElig;&zwnj;&thetasym;",
	    "\xC3\x86\xE2\x80\x8C\xCF\x91");
	check(text_decode_entities, "&euro;&trade;&alpha;&Omega;&spades;",
	    "\xE2\x82\xAC\xE2\x84\xA2\xCE\xB1\xCE\xA9\xE2\x99\xA0");
	/* Names are case-sensitive. */
	check(text_decode_entities, "&AMP; &Amp;", "&AMP; &Amp;");
}

static void
test_entities_semicolon(void **state)
{
	(void)state;
	/* Legacy (Latin-1) names are read without ';' before a non-alnum. */
	check(text_decode_entities, "a&nbsp b", "a\xC2\xA0 b");
	check(text_decode_entities, "&copy 2021", "\xC2\xA9 2021");
	check(text_decode_entities, "AT&amp", "AT&");
	/* ... but not before a letter, a digit or '='. */
	check(text_decode_entities, "&notice &copy=2 &amp1",
	    "&notice &copy=2 &amp1");
	/* Non-legacy names need the ';'. */
	check(text_decode_entities, "&hellip &euro.", "&hellip &euro.");
}

static void
test_entities_numeric(void **state)
{
	(void)state;
	check(text_decode_entities, "&#8220;&#x201C;&#X201c;&#x201d;",
	    "\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9D");
	check(text_decode_entities, "&#65;&#x42;&#0067;", "ABC");
	/* Without ';' the number ends at the first non-digit. */
	check(text_decode_entities, "&#8220Ya &#x41g", "\xE2\x80\x9CYa Ag");
	check(text_decode_entities, "&#233", "\xC3\xA9");
	/* No digits: stays. */
	check(text_decode_entities, "&#; &#x; &#xg; &# &", "&#; &#x; &#xg; &# &");
	/* 0x80..0x9F are Windows-1252, as in HTML5. */
	check(text_decode_entities, "&#150;&#x93;&#147;&#128;&#133;",
	    "\xE2\x80\x93\xE2\x80\x9C\xE2\x80\x9C\xE2\x82\xAC\xE2\x80\xA6");
	/* The five undefined ones stay C1 (the controls step removes them). */
	check(text_decode_entities, "&#x81;", "\xC2\x81");
	/* NUL, surrogates and beyond U+10FFFF: U+FFFD. */
	check(text_decode_entities, "&#0;&#xD800;&#xDFFF;&#x110000;",
	    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	check(text_decode_entities, "&#99999999999999999999999;",
	    "\xEF\xBF\xBD");
	check(text_decode_entities, "&#x10FFFF;", "\xF4\x8F\xBF\xBF");
	check(text_decode_entities, "&#x1F600;", "\xF0\x9F\x98\x80");
}

static void
test_entities_one_pass(void **state)
{
	(void)state;
	check(text_decode_entities, "&amp;amp;", "&amp;");
	check(text_decode_entities, "&amp;#8220;", "&#8220;");
	check(text_decode_entities, "&&amp;&", "&&&");
	check(text_decode_entities, "&unknown; &bogus &", "&unknown; &bogus &");
	check(text_decode_entities, "&averyveryverylongname;",
	    "&averyveryverylongname;");
	check(text_decode_entities, "tail&", "tail&");
	check(text_decode_entities, "tail&amp", "tail&");
	check(text_decode_entities, "tail&#", "tail&#");
}

/* ---- controls ---- */

static void
test_controls_c1(void **state)
{
	(void)state;
	check(text_fix_controls, "\xC2\x80\xC2\x85\xC2\x93x\xC2\x94",
	    "\xE2\x82\xAC\xE2\x80\xA6\xE2\x80\x9Cx\xE2\x80\x9D");
	check(text_fix_controls, "\xC2\x96\xC2\x97\xC2\x99\xC2\x9F",
	    "\xE2\x80\x93\xE2\x80\x94\xE2\x84\xA2\xC5\xB8");
	check(text_fix_controls, "a\xC2\x81" "b\xC2\x8D" "c\xC2\x8F"
	    "d\xC2\x90" "e\xC2\x9D" "f", "abcdef");
	/* C2 followed by a non-C1 byte is left alone. */
	check(text_fix_controls, "\xC2\xA0\xC2\xA9", "\xC2\xA0\xC2\xA9");
}

static void
test_controls_c0(void **state)
{
	(void)state;
	check(text_fix_controls, "a\tb\nc", "a\tb\nc");
	check(text_fix_controls, "a\x01" "b\x07\x08\x0B\x0C\x1B\x1F" "c\x7F" "d",
	    "abcd");
	check_n(text_fix_controls, "a\0b", 3, "ab", 2);
	/* A CR left (from &#13;) is a line break. */
	check(text_fix_controls, "a\r\nb\rc", "a\nb\nc");
	check(text_fix_controls, "a\xEF\xBF\xBE" "b\xEF\xBF\xBF" "c\xEF\xBF\xBD",
	    "abc\xEF\xBF\xBD");
	check(text_fix_controls, "\xEF\xBB\xBF", "\xEF\xBB\xBF");
}

/* ---- spaces ---- */

static void
test_spaces_to_space(void **state)
{
	(void)state;
	check(text_fix_spaces, "a\xC2\xA0" "b", "a b");
	check(text_fix_spaces, "\xE2\x80\x80\xE2\x80\x81\xE2\x80\x82\xE2\x80\x83"
	    "\xE2\x80\x84\xE2\x80\x85\xE2\x80\x86\xE2\x80\x87\xE2\x80\x88"
	    "\xE2\x80\x89\xE2\x80\x8A", "           ");
	check(text_fix_spaces, "1\xE2\x80\xAF" "2\xE2\x81\x9F" "3\xE3\x80\x80"
	    "4\xE1\x9A\x80" "5", "1 2 3 4 5");
	/* Runs are not collapsed. */
	check(text_fix_spaces, "a \xC2\xA0\xC2\xA0 b", "a    b");
}

static void
test_spaces_removed(void **state)
{
	(void)state;
	check(text_fix_spaces, "a\xE2\x80\x8B" "b\xE2\x81\xA0" "c\xEF\xBB\xBF"
	    "d\xC2\xAD" "e\xE1\xA0\x8E" "f", "abcdef");
	check(text_fix_spaces, "\xEF\xBB\xBFSEMARANG", "SEMARANG");
	/* ZWNJ, ZWJ (an emoji family) and other neighbours stay. */
	check(text_fix_spaces, "\xE2\x80\x8C\xF0\x9F\x91\xA8\xE2\x80\x8D"
	    "\xF0\x9F\x91\xA9", "\xE2\x80\x8C\xF0\x9F\x91\xA8\xE2\x80\x8D"
	    "\xF0\x9F\x91\xA9");
	check(text_fix_spaces, "\xE2\x80\x9C\xE2\x80\x94\xE3\x81\x82\xC2\xA9"
	    "\xEF\xBC\xA1", "\xE2\x80\x9C\xE2\x80\x94\xE3\x81\x82\xC2\xA9"
	    "\xEF\xBC\xA1");
	/* A cut sequence at the end is copied, not read past. */
	check_n(text_fix_spaces, "a\xE2\x80", 3, "a\xE2\x80", 3);
}

/* ---- ligatures ---- */

static void
test_ligatures(void **state)
{
	(void)state;
	check(text_expand_ligatures, "\xEF\xAC\x80\xEF\xAC\x81\xEF\xAC\x82"
	    "\xEF\xAC\x83\xEF\xAC\x84\xEF\xAC\x85\xEF\xAC\x86",
	    "fffiflffifflſtst");
	check(text_expand_ligatures, "e\xEF\xAC\x83" "cient", "efficient");
	/* Not other compatibility characters, nor U+FB13 (Armenian). */
	check(text_expand_ligatures, "10\xC2\xB3 \xC2\xBD \xEF\xAC\x93 \xEF\xBC\xA1",
	    "10\xC2\xB3 \xC2\xBD \xEF\xAC\x93 \xEF\xBC\xA1");
	check_n(text_expand_ligatures, "x\xEF\xAC", 3, "x\xEF\xAC", 3);
}

/* ---- NFC ---- */

static void
test_nfc(void **state)
{
	(void)state;
	check(text_nfc, "caf" "e\xCC\x81", "caf\xC3\xA9");
	check(text_nfc, "e\xCC\x81", "\xC3\xA9");
	check(text_nfc, "e\xCC\x81x", "\xC3\xA9x");
	/* Not NFKC. */
	check(text_nfc, "10\xC2\xB3 \xEF\xAC\x81 \xE2\x84\xA2",
	    "10\xC2\xB3 \xEF\xAC\x81 \xE2\x84\xA2");
	/* Hangul jamo: U+1112 U+1161 U+11AB to U+D55C. */
	check(text_nfc, "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "\xED\x95\x9C");
	/* Combining marks reordered: a + dot below + acute. */
	check(text_nfc, "a\xCC\x81\xCC\xA3", "\xE1\xBA\xA1\xCC\x81");
	/* Two pieces with ASCII between. */
	check(text_nfc, "o\xCC\x88 and u\xCC\x88!", "\xC3\xB6 and \xC3\xBC!");
	/* A mark with no base at the start stays. */
	check(text_nfc, "\xCC\x81" "a", "\xCC\x81" "a");
	/* Already NFC, and invalid bytes (outside the contract) unchanged. */
	check(text_nfc, "\xE2\x80\x9CYa\xE2\x80\x9D", "\xE2\x80\x9CYa\xE2\x80\x9D");
	check_n(text_nfc, "a\xFF" "b", 3, "a\xFF" "b", 3);
}

/* ---- all steps ---- */

static void
test_appends(void **state)
{
	static const step_fn steps[] = {
		text_fix_line_breaks, text_decode_entities, text_fix_controls,
		text_fix_spaces, text_expand_ligatures, text_nfc, text_clean
	};
	struct wbuf out = WBUF_INIT;
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(steps) / sizeof(steps[0]); k++) {
		wbuf_reset(&out);
		assert_int_equal(wbuf_puts(&out, "kept|"), WARTA_OK);
		assert_int_equal(steps[k]("x", 1, &out), WARTA_OK);
		assert_string_equal(out.data, "kept|x");
		assert_int_equal(steps[k]("", 0, &out), WARTA_OK);
		assert_int_equal(steps[k](NULL, 0, &out), WARTA_OK);
		assert_string_equal(out.data, "kept|x");
	}
	wbuf_release(&out);
}

/*
 * The scans skip ASCII 8 bytes at a time: put what each step changes at
 * every offset of an ASCII run, so that it falls at each place in a word.
 */
static void
test_every_offset(void **state)
{
	static const struct {
		step_fn step;
		const char *from, *to;
	} cases[] = {
		{ text_fix_line_breaks, "\r", "\n" },
		{ text_fix_line_breaks, "\r\n", "\n" },
		{ text_fix_line_breaks, "\xE2\x80\xA9", "\n\n" },
		{ text_decode_entities, "&amp;", "&" },
		{ text_fix_controls, "\x01", "" },
		{ text_fix_controls, "\x7F", "" },
		{ text_fix_controls, "\x1F", "" },
		{ text_fix_controls, "\xC2\x93", "\xE2\x80\x9C" },
		{ text_fix_spaces, "\xC2\xA0", " " },
		{ text_expand_ligatures, "\xEF\xAC\x81", "fi" },
		{ text_nfc, "\xCC\x81", "\xC3\xA9" },	/* after an "e" */
	};
	char in[64], want[64];
	size_t k, at, len = 24;

	(void)state;
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
		for (at = 1; at <= len; at++) {
			memset(in, 'e', at);
			strcpy(in + at, cases[k].from);
			memset(in + strlen(in), 'e', len - at);
			in[at + strlen(cases[k].from) + len - at] = '\0';
			if (cases[k].step == text_nfc) {
				memset(want, 'e', at - 1);
				strcpy(want + at - 1, cases[k].to);
			} else {
				memset(want, 'e', at);
				strcpy(want + at, cases[k].to);
			}
			memset(want + strlen(want), 'e', len - at);
			want[strlen(cases[k].to) + len -
			    (cases[k].step == text_nfc)] = '\0';
			check(cases[k].step, in, want);
		}
}

/* Every byte value and truncated sequence, through every step. */
static void
test_any_bytes(void **state)
{
	static const step_fn steps[] = {
		text_fix_line_breaks, text_decode_entities, text_fix_controls,
		text_fix_spaces, text_expand_ligatures, text_nfc, text_clean
	};
	char buf[512];
	struct wbuf out = WBUF_INIT;
	size_t k, i, cut;

	(void)state;
	for (i = 0; i < 256; i++) {
		buf[2 * i] = (char)i;
		buf[2 * i + 1] = (char)(255 - i);
	}
	for (k = 0; k < sizeof(steps) / sizeof(steps[0]); k++)
		for (cut = 0; cut <= sizeof(buf); cut += 7) {
			wbuf_reset(&out);
			assert_int_equal(steps[k](buf, cut, &out), WARTA_OK);
		}
	wbuf_release(&out);
}

static void
test_chain(void **state)
{
	(void)state;
	check(text_clean,
	    "SEMARANG-MARITIM:\xC2\xA0&ldquo;Kapal&rdquo;\r\n"
	    "tiba Selasa (10/8/2021)&nbsp;&#150; e\xCC\x81" "\xEF\xAC\x81"
	    "n\xC2\xAD" "al\x01\xC2\x93" "ok\xC2\x94\xE2\x80\xA9"
	    "10\xC2\xB3 &amp;amp; &#13;&#10;(Purwanto).\xE2\x80\x8B\r",
	    "SEMARANG-MARITIM: \xE2\x80\x9CKapal\xE2\x80\x9D\n"
	    "tiba Selasa (10/8/2021) \xE2\x80\x93 \xC3\xA9" "fi"
	    "nal\xE2\x80\x9Cok\xE2\x80\x9D\n\n"
	    "10\xC2\xB3 &amp; \n(Purwanto).\n");
	/* Entities become what later steps then repair. */
	check(text_clean, "a&#x85;b&#xFEFF;c&#x81;d&#xFB01;e&#x65;&#x301;",
	    "a\xE2\x80\xA6" "bcdfie\xC3\xA9");
	check(text_clean, "", "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_breaks),
		cmocka_unit_test(test_entities_named),
		cmocka_unit_test(test_entities_semicolon),
		cmocka_unit_test(test_entities_numeric),
		cmocka_unit_test(test_entities_one_pass),
		cmocka_unit_test(test_controls_c1),
		cmocka_unit_test(test_controls_c0),
		cmocka_unit_test(test_spaces_to_space),
		cmocka_unit_test(test_spaces_removed),
		cmocka_unit_test(test_ligatures),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_appends),
		cmocka_unit_test(test_every_offset),
		cmocka_unit_test(test_any_bytes),
		cmocka_unit_test(test_chain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
