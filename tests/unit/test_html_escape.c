/*
 * test_html_escape.c: what the reading room does with a string from an
 * item (formats/html/escape.h): HTML text and attribute values with no
 * markup character left, JavaScript strings that are JSON too and hold no
 * end of script, and the names and folders of name pages.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "base/warta.h"
#include "html/escape.h"

/* s (n bytes, in a block of its own size, so that a read past it is the
 * sanitizer's) as HTML text is want. */
static void
text_n(const char *s, size_t n, const char *want)
{
	struct wbuf b = WBUF_INIT;
	char *copy = malloc(n > 0 ? n : 1);

	assert_non_null(copy);
	memcpy(copy, s, n);
	assert_int_equal(html_put_text(&b, copy, n), WARTA_OK);
	assert_int_equal(b.len, strlen(want));
	assert_memory_equal(b.len > 0 ? b.data : "", want, b.len);
	wbuf_release(&b);
	free(copy);
}

static void
text(const char *s, const char *want)
{
	struct wbuf b = WBUF_INIT;

	text_n(s, strlen(s), want);
	assert_int_equal(html_puts(&b, s), WARTA_OK);
	assert_int_equal(b.len, strlen(want));
	assert_memory_equal(b.len > 0 ? b.data : "", want, b.len);
	wbuf_release(&b);
}

/* s as a JavaScript string is want. */
static char *
js(const char *s)
{
	struct wbuf b = WBUF_INIT;
	char *copy = strdup(s);

	assert_non_null(copy);
	assert_int_equal(html_put_js_string(&b, copy), WARTA_OK);
	free(copy);
	assert_non_null(b.data);
	return wbuf_steal(&b);
}

static void
js_is(const char *s, const char *want)
{
	char *got = js(s);

	assert_string_equal(got, want);
	free(got);
}

/* s, valid UTF-8, as a JavaScript string, read back as JSON, is s; and
 * holds none of the bytes that end a script or open a comment. */
static void
js_round_trip(const char *s)
{
	char *got = js(s), *doc;
	json_error_t e;
	json_t *v;

	assert_null(strchr(got, '<'));
	assert_null(strchr(got, '>'));
	assert_null(strstr(got, "\xe2\x80\xa8"));
	assert_null(strstr(got, "\xe2\x80\xa9"));
	assert_true(asprintf(&doc, "[%s]", got) > 0);
	v = json_loads(doc, 0, &e);
	if (v == NULL)
		fail_msg("%s: not JSON: %s", got, e.text);
	assert_string_equal(json_string_value(json_array_get(v, 0)), s);
	json_decref(v);
	free(doc);
	free(got);
}

static void
test_text_markup(void **state)
{
	(void)state;
	text("", "");
	text("Semarang", "Semarang");
	text("<script>alert(1)</script>",
	    "&lt;script&gt;alert(1)&lt;/script&gt;");
	text("a & b", "a &amp; b");
	text("&amp;", "&amp;amp;");
	text("\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;");
	text("<img src=x onerror=\"alert('x')\">",
	    "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;");
	text("<!-- -->", "&lt;!-- --&gt;");
	text("]]>", "]]&gt;");
	/* Every byte of the run, escaped or not, and nothing past n. */
	text_n("<b>bold</b>", 3, "&lt;b&gt;");
	text_n("ab", 0, "");
	/* UTF-8 is text as it is: Indonesian, accents, quotes. */
	text("Kementerian Ketenagakerjaan \xe2\x80\x9cKemnaker\xe2\x80\x9d",
	    "Kementerian Ketenagakerjaan \xe2\x80\x9cKemnaker\xe2\x80\x9d");
	text("Jos\xc3\xa9 Mart\xc3\xad", "Jos\xc3\xa9 Mart\xc3\xad");
}

static void
test_text_controls(void **state)
{
	(void)state;
	/* Tab and line breaks stay; the other C0 controls and DEL, not
	 * characters of an HTML page, go. */
	text("a\tb\nc\rd", "a\tb\nc\rd");
	text("\x01" "a\x08" "b\x0b" "c\x0c" "d\x1b" "e\x1f" "f\x7f" "g",
	    "abcdefg");
	text("\x01\x02\x03", "");
	/* A NUL inside the run is dropped too. */
	text_n("a\0<", 3, "a&lt;");
}

static void
test_text_not_html(void **state)
{
	(void)state;
	/* XML allows the C1 controls and the noncharacters, HTML does not
	 * (control- and noncharacter-in-input-stream): they go; the
	 * characters about them stay. */
	text("a\xc2\x85" "b\xc2\x80\xc2\x9f" "c", "abc");
	text("\xc2\xa0\xc2\xa9\xc2\x7f", "\xc2\xa0\xc2\xa9\xc2");
	text("x\xef\xb7\x90\xef\xb7\xaf" "y", "xy");
	text("\xef\xb7\x8f\xef\xb7\xb0", "\xef\xb7\x8f\xef\xb7\xb0");
	text("\xef\xbf\xbe\xef\xbf\xbf", "");
	text("\xef\xbf\xbd\xef\xbf\xbc", "\xef\xbf\xbd\xef\xbf\xbc");
	text("\xf0\x9f\xbf\xbe\xf0\x9f\xbf\xbf\xf4\x8f\xbf\xbf", "");
	text("\xf0\x9f\x93\xb0 \xf0\x9f\xbf\xbd", "\xf0\x9f\x93\xb0 \xf0\x9f\xbf\xbd");
	text("Mojibake \xc2\x93kutipan\xc2\x94", "Mojibake kutipan");
	/* A sequence cut by the run's end is left as it is, and nothing
	 * past n is read (the sanitizer build says so). */
	text_n("\xc2\x85", 1, "\xc2");
	text_n("\xef\xbf\xbe", 2, "\xef\xbf");
	text_n("\xf0\x9f\xbf\xbe", 3, "\xf0\x9f\xbf");
	text("\xef\xbf", "\xef\xbf");
	text("a\xf0\x9f\xbf", "a\xf0\x9f\xbf");
}

static void
test_text_invalid_utf8(void **state)
{
	(void)state;
	/* Broken UTF-8 (libxml2 never gives it) goes through as it is: no
	 * byte of it is an ASCII markup character, so it cannot make one,
	 * and the browser shows U+FFFD. */
	text("\xff<\xfe", "\xff&lt;\xfe");
	text("\xe2\x80", "\xe2\x80");
	text("\xc3", "\xc3");
	text("\xc0\xbc", "\xc0\xbc");	/* an overlong '<' is not '<' */
}

static void
test_js_escapes(void **state)
{
	(void)state;
	js_is("", "\"\"");
	js_is("Semarang", "\"Semarang\"");
	js_is("say \"hi\" \\ 'x'", "\"say \\\"hi\\\" \\\\ 'x'\"");
	js_is("</script><script>alert(1)</script>",
	    "\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"
	    "\\u003c/script\\u003e\"");
	js_is("</SCRIPT >", "\"\\u003c/SCRIPT \\u003e\"");
	js_is("<!-- x -->", "\"\\u003c!-- x --\\u003e\"");
	js_is("a & b", "\"a \\u0026 b\"");
	js_is("a\nb\tc\rd", "\"a\\nb\\tc\\u000dd\"");
	js_is("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"");
	/* U+2028 and U+2029 end a line in JavaScript before ES2019. */
	js_is("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", "\"a\\u2028b\\u2029c\"");
	/* Other characters of that lead byte stay. */
	js_is("\xe2\x80\x94 \xe2\x80\xa6 \xe2\x82\xac",
	    "\"\xe2\x80\x94 \xe2\x80\xa6 \xe2\x82\xac\"");
}

static void
test_js_json(void **state)
{
	(void)state;
	js_round_trip("");
	js_round_trip("Pelabuhan Tanjung Emas, Semarang");
	js_round_trip("</script><!--<script>alert('x')</script>-->");
	js_round_trip("\"\\\"\\\\'&<>");
	js_round_trip("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c\n\t\r\x01\x1f\x7f");
	js_round_trip("Jos\xc3\xa9 Mart\xc3\xad \xe2\x80\x9cKemnaker\xe2\x80\x9d");
	js_round_trip("\xf0\x9f\x93\xb0 berita");
}

static void
test_js_invalid_utf8(void **state)
{
	(void)state;
	/* A lead byte of U+2028 at the end, or one short: nothing read past
	 * the string's end (the sanitizer build says so), the bytes as they
	 * are. */
	js_is("\xe2", "\"\xe2\"");
	js_is("\xe2\x80", "\"\xe2\x80\"");
	js_is("a\xe2\x80<", "\"a\xe2\x80\\u003c\"");
	js_is("\xff\xfe", "\"\xff\xfe\"");
}

/* s's slug with room max; checks its form. */
static void
slug(const char *s, char *out, size_t max)
{
	size_t n, i;

	memset(out, '#', max);
	html_slug(s, out, max);
	n = strlen(out);
	assert_true(n < max);
	assert_true(n >= 14);
	/* [a-z0-9-], never '-' first, the hash last. */
	for (i = 0; i < n; i++)
		assert_non_null(strchr("abcdefghijklmnopqrstuvwxyz0123456789-",
		    out[i]));
	assert_true(out[0] != '-');
	assert_true(out[n - 13] == '-');
	assert_int_equal(strspn(out + n - 12, "0123456789abcdef"), 12);
	assert_true(out[n - 14] != '-');
}

/* The slug of s, without its hash, is want. */
static void
slug_is(const char *s, const char *want)
{
	char out[72];

	slug(s, out, sizeof(out));
	assert_int_equal(strlen(out), strlen(want) + 13);
	assert_memory_equal(out, want, strlen(want));
}

static void
test_slug(void **state)
{
	char a[72], b[72];

	(void)state;
	slug_is("Joko Widodo", "joko-widodo");
	slug_is("Basuki Tjahaja Purnama (Ahok)", "basuki-tjahaja-purnama-ahok");
	slug_is("Sri Sultan Hamengku Buwono X", "sri-sultan-hamengku-buwono-x");
	slug_is("Kementerian Ketenagakerjaan", "kementerian-ketenagakerjaan");
	slug_is("PT. Pelabuhan Indonesia III (Persero)",
	    "pt-pelabuhan-indonesia-iii-persero");
	slug_is("Jawa Tengah", "jawa-tengah");
	slug_is("medtop:09000000", "medtop-09000000");
	/* Letters outside ASCII are a break; nothing is left a '-'. */
	slug_is("Jos\xc3\xa9 Mart\xc3\xad", "jos-mart");
	slug_is("\xc3\x91" "a\xc3\xb1" "ez", "a-ez");
	slug_is("Bj\xc3\xb6rk Gu\xc3\xb0mundsd\xc3\xb3ttir",
	    "bj-rk-gu-mundsd-ttir");
	slug_is("  --Semarang--  ", "semarang");
	/* A name of no ASCII letter or digit is "x". */
	slug_is("", "x");
	slug_is("\xe6\xaf\x9b\xe6\xb3\xbd\xe4\xb8\x9c", "x");
	slug_is("<script>", "script");
	slug_is("\"'&<>/\\..", "x");
	/* The same name, the same slug. */
	slug("Anwar Sanusi", a, sizeof(a));
	slug("Anwar Sanusi", b, sizeof(b));
	assert_string_equal(a, b);
}

static void
test_slug_collisions(void **state)
{
	static const char *const names[] = {
		"Budi Santoso", "budi santoso", "BUDI SANTOSO", "Budi  Santoso",
		"Budi-Santoso", "Budi.Santoso", "Budi Santoso ", "Budi Sant\xc3\xb3so",
		"Jose Marti", "Jos\xc3\xa9 Mart\xc3\xad", "Jos\xc3\xa8 Mart\xc3\xac",
		"x", "", "\xe6\xaf\x9b", "\xe6\xb3\xbd", "-", "--",
	};
	char slugs[sizeof(names) / sizeof(names[0])][72];
	size_t i, j;

	(void)state;
	/* Names that make the same letters are still pages of their own. */
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		slug(names[i], slugs[i], sizeof(slugs[i]));
		for (j = 0; j < i; j++)
			if (strcmp(slugs[i], slugs[j]) == 0)
				fail_msg("[%s] and [%s]: one slug, %s",
				    names[i], names[j], slugs[i]);
	}
}

static void
test_slug_long(void **state)
{
	char name[600], out[72], small[24];
	size_t max;

	(void)state;
	memset(name, 'a', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	slug(name, out, sizeof(out));
	assert_int_equal(strlen(out), sizeof(out) - 1);
	slug(name, small, sizeof(small));
	assert_int_equal(strlen(small), sizeof(small) - 1);
	/* Cut anywhere, a break at the cut leaves no '-' before the hash's
	 * (slug() checks it), whatever the room. */
	for (max = 24; max <= 72; max++) {
		char buf[72];

		slug("abcdefghi jklmnopqr stuvw xyz0123 456789 abc def ghi jkl "
		    "mno pqr stu vwx yz", buf, max);
		slug("a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 "
		    "3 4 5 6 7 8 9", buf, max);
	}
}

static void
test_bucket(void **state)
{
	(void)state;
	assert_true(html_bucket("") < 256);
	assert_true(html_bucket("Joko Widodo") < 256);
	assert_int_equal(html_bucket("Joko Widodo"), html_bucket("Joko Widodo"));
}

/* Names that differ only at their end, as a list of people does, fill
 * the 256 folders evenly: 2560 of them, 10 a folder on average, never
 * 30; ten that differ in their last letter, in as many folders nearly. */
static void
test_bucket_spread(void **state)
{
	static const char *const forms[] = {
		"Tokoh Nomor %u", "Kota %u", "PT Maju Jaya %u", "%u"
	};
	unsigned count[256], seen[256], i, f, most, distinct;
	char name[64];

	(void)state;
	for (f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
		memset(count, 0, sizeof(count));
		for (i = 0; i < 2560; i++) {
			snprintf(name, sizeof(name), forms[f], i);
			count[html_bucket(name)]++;
		}
		for (i = most = 0; i < 256; i++)
			if (count[i] > most)
				most = count[i];
		if (most >= 30)
			fail_msg("%s: %u names in one folder of 256", forms[f],
			    most);
	}
	memset(seen, 0, sizeof(seen));
	for (i = distinct = 0; i < 10; i++) {
		snprintf(name, sizeof(name), "Lembaga %u", i);
		if (seen[html_bucket(name)]++ == 0)
			distinct++;
	}
	assert_true(distinct >= 7);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_markup),
		cmocka_unit_test(test_text_controls),
		cmocka_unit_test(test_text_not_html),
		cmocka_unit_test(test_text_invalid_utf8),
		cmocka_unit_test(test_js_escapes),
		cmocka_unit_test(test_js_json),
		cmocka_unit_test(test_js_invalid_utf8),
		cmocka_unit_test(test_slug),
		cmocka_unit_test(test_slug_collisions),
		cmocka_unit_test(test_slug_long),
		cmocka_unit_test(test_bucket),
		cmocka_unit_test(test_bucket_spread),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
