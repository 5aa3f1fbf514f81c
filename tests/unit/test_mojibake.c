/*
 * test_mojibake.c: mojibake repair, each with its exact expected output
 * and the number of repair steps taken.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "base/buf.h"
#include "text/mojibake.h"
#include "base/warta.h"

static int
setup(void **state)
{
	struct warta_error err;

	warta_error_clear(&err);
	*state = mojibake_new(&err);
	return *state == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	mojibake_free(*state);
	return 0;
}

/* Repairs in (n bytes) and checks the exact output and step count. */
static void
check_n(struct mojibake *m, const char *in, size_t n, const char *want,
    size_t want_n, unsigned want_fixes)
{
	struct wbuf out = WBUF_INIT;
	unsigned fixes = 12345;

	assert_int_equal(mojibake_fix(m, in, n, &out, &fixes), WARTA_OK);
	assert_int_equal(out.len, want_n);
	if (out.len > 0)
		assert_memory_equal(out.data, want, out.len);
	assert_int_equal(fixes, want_fixes);
	wbuf_release(&out);
}

static void
check(struct mojibake *m, const char *in, const char *want,
    unsigned want_fixes)
{
	check_n(m, in, strlen(in), want, strlen(want), want_fixes);
}

static void
unchanged(struct mojibake *m, const char *in)
{
	check(m, in, in, 0);
}

static void
test_windows_1252_once(void **state)
{
	struct mojibake *m = *state;

	check(m, "cafÃ©", "café", 1);
	/* The closing quote's last byte, 9D, is undefined in Windows-1252
	 * and became the C1 control U+009D. */
	check(m, "â€œSelamat pagi,â€\xc2\x9d kata Purwanto.",
	    "“Selamat pagi,” kata Purwanto.", 1);
	check(m, "Kapal itu tidak berlabuh â€” kata nakhoda â€™Ali",
	    "Kapal itu tidak berlabuh — kata nakhoda ’Ali", 1);
	check(m, "Ã‰tÃ© Ã  Paris", "Été à Paris", 1);
}

static void
test_windows_1252_twice(void **state)
{
	struct mojibake *m = *state;

	check(m, "nÃƒÂ©", "né", 2);
	check(m, "Ã¢â‚¬Å“HaloÃ¢â‚¬Â\xc2\x9d", "“Halo”", 2);
	check(m, "donÃ¢â‚¬â„¢t", "don’t", 2);
}

static void
test_latin1_c1_controls(void **state)
{
	struct mojibake *m = *state;

	/* Windows-1252 text decoded as Latin-1: C1 controls. */
	check(m, "\xc2\x93Halo\xc2\x94 \xc2\x96 10\xc2\x80",
	    "“Halo” – 10€", 1);
	check(m, "\xc2\x80", "€", 1);
	/* 9D is undefined in Windows-1252 too: nothing to map it to. */
	unchanged(m, "\xc2\x9d");
	/* Each C1 character alone when one of them has no mapping. */
	check(m, "\xc2\x81 \xc2\x93x\xc2\x94", "\xc2\x81 “x”", 1);
}

static void
test_right_text_unchanged(void **state)
{
	struct mojibake *m = *state;

	unchanged(m, "SEMARANG-MARITIM: Pelabuhan Tanjung Emas ramai, "
	    "Selasa (10/8/2021). Kapal ikan berlabuh sejak pukul 06.00.");
	unchanged(m, "Cuaca buruk — angin kencang 40 km/jam — membuat "
	    "nelayan di Kendal tak melaut… (Purwanto).");
	unchanged(m, "L’été à Besançon, où l’on déguste des crêpes "
	    "et du pâté, était déjà célèbre; naïve « chère » Noël.");
	unchanged(m, "Ölçüm: 10³ m², 25 °C, ±0,5 %, 3×4, ½ kg, 5 € ou £3.");
	unchanged(m, "Москва, Ελλάδα, 東京, عيد سعيد, 😀 ✔");
}

static void
test_curly_quotes_unchanged(void **state)
{
	struct mojibake *m = *state;

	/* warta keeps the quotes as written: no straightening here. */
	unchanged(m, "“Kami siap melayani,” ujar Kepala Syahbandar, "
	    "‘kapan pun’ dibutuhkan.");
	unchanged(m, "„Handwerk“ und ‚so‘, «guillemets» ‹ › don’t ʼn");
}

static void
test_ascii_unchanged(void **state)
{
	struct mojibake *m = *state;
	struct wbuf out = WBUF_INIT;
	const char *text = "Plain ASCII: \"quotes\", tabs\tand\nlines.";
	unsigned fixes = 7;

	unchanged(m, text);
	/* mojibake_fix appends to what the buffer holds. */
	assert_int_equal(wbuf_puts(&out, "> "), WARTA_OK);
	assert_int_equal(mojibake_fix(m, text, strlen(text), &out, &fixes),
	    WARTA_OK);
	assert_string_equal(out.data, "> Plain ASCII: \"quotes\", tabs\tand\n"
	    "lines.");
	assert_int_equal(fixes, 0);
	wbuf_release(&out);
}

static void
test_empty_and_odd_inputs(void **state)
{
	struct mojibake *m = *state;
	struct wbuf out = WBUF_INIT;
	unsigned fixes = 7;

	assert_int_equal(mojibake_fix(m, NULL, 0, &out, &fixes), WARTA_OK);
	assert_int_equal(out.len, 0);
	assert_int_equal(fixes, 0);
	assert_int_equal(mojibake_fix(m, "", 0, &out, NULL), WARTA_OK);
	assert_int_equal(out.len, 0);
	wbuf_release(&out);

	/* Truncated mojibake that decodes as nothing stays. */
	unchanged(m, "â€");
	unchanged(m, "Ã");
	/* A NUL inside the text is text too. */
	check_n(m, "a\0Ã©", 6, "a\0é", 4, 1);
}

static void
test_invalid_utf8_input(void **state)
{
	struct mojibake *m = *state;

	/* Not what the contract allows, but no crash: each maximal invalid
	 * subpart becomes U+FFFD, and the rest is repaired as usual. */
	check(m, "caf\xc3", "caf\xef\xbf\xbd", 0);
	check(m, "\xe2\x80 x \xff\xfe", "\xef\xbf\xbd x \xef\xbf\xbd\xef\xbf\xbd",
	    0);
	check(m, "\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 0);
	check(m, "cafÃ©\xff", "café\xef\xbf\xbd", 1);
}

static void
test_lossy_and_altered_bytes(void **state)
{
	struct mojibake *m = *state;

	/* ftfy's examples: a byte lost to U+FFFD, and A0 turned into a
	 * space ("Ã " alone is the French word à). */
	check(m, "â€œ like this â€\xef\xbf\xbd", "“ like this \xef\xbf\xbd", 1);
	check(m, "voilÃ le travail", "voilà le travail", 1);
	check(m, "Kata a Ã b", "Kata a à b", 1);
}

/* mojibake_restore_lost, then mojibake_fix, as warta-normalize does. */
static void
check_lost(struct mojibake *m, const char *in, const char *want,
    unsigned want_restored)
{
	struct wbuf mid = WBUF_INIT, out = WBUF_INIT;
	unsigned restored = 12345;

	assert_int_equal(mojibake_restore_lost(in, strlen(in), &mid,
	    &restored), WARTA_OK);
	assert_int_equal(restored, want_restored);
	assert_int_equal(mojibake_fix(m, mid.data, mid.len, &out, NULL),
	    WARTA_OK);
	assert_int_equal(out.len, strlen(want));
	if (out.len > 0)
		assert_memory_equal(out.data, want, out.len);
	wbuf_release(&mid);
	wbuf_release(&out);
}

static void
test_lost_closing_quote(void **state)
{
	struct mojibake *m = *state;
	struct wbuf out = WBUF_INIT;
	unsigned restored;

	/* ” (E2 80 9D) read as Windows-1252 loses 9D: to U+FFFD, to '?' or
	 * to nothing; ftfy gives U+FFFD (above), the quote comes back here. */
	check_lost(m, "â€œ like this â€\xef\xbf\xbd", "“ like this ”", 1);
	check_lost(m, "Dia bilang â€œtidakâ€\xef\xbf\xbd.", "Dia bilang “tidak”.",
	    1);
	check_lost(m, "upgraded to â€œbb+â€? from â€œbbâ€?",
	    "upgraded to “bb+” from “bb”", 2);
	check_lost(m, "He said â€œnoâ€ to it.", "He said “no” to it.", 1);
	check_lost(m, "Kata â€œtidakâ€, ujarnya.", "Kata “tidak”, ujarnya.", 1);
	check_lost(m, "He said â€œnoâ€", "He said “no”", 1);
	check_lost(m, "He said â€œnoâ€\n", "He said “no”\n", 1);
	/* the same right quote next to mojibake that is whole */
	check_lost(m, "It’s “noâ€\xef\xbf\xbd now, cafÃ©", "It’s “no” now, café",
	    1);
	/* two layers deep: "Ã¢â‚¬Â" and the lost byte */
	check_lost(m, "New Ã¢â‚¬Å“ RomanceÃ¢â‚¬Â\xef\xbf\xbd today.",
	    "New “ Romance” today.", 1);
	check_lost(m, "New Ã¢â‚¬Å“ RomanceÃ¢â‚¬Â.", "New “ Romance”.", 1);

	/* Not where a quote closes: 81, 8D, 8F, 90 (‐, a zero-width joiner)
	 * are as likely, and ftfy's U+FFFD stays. */
	check_lost(m, "wellâ€\xef\xbf\xbdknown", "well\xef\xbf\xbdknown", 0);
	check_lost(m, "x â€\xef\xbf\xbd" "y", "x \xef\xbf\xbd" "y", 0);
	/* no mark, and a space before: not a closing quote */
	check_lost(m, "x â€. y", "x â€. y", 0);
	check_lost(m, "Ã\xef\xbf\xbd" "frica", "\xef\xbf\xbd" "frica", 0);
	/* "â€ " is also † whose A0 became a space: without plain text
	 * around it, ftfy's reading stands. */
	check_lost(m, "ãƒâ€ ã¢", "ãƒâ€ ã¢", 0);
	check_lost(m, "a “noâ€ â€œyes", "a “no†“yes", 0);
	/* whole mojibake and right text are left alone */
	check_lost(m, "â€œokâ€\xc2\x9d", "“ok”", 0);
	check_lost(m, "“ok”, café", "“ok”, café", 0);
	check_lost(m, "", "", 0);

	/* appends, and takes a NULL count */
	assert_int_equal(wbuf_puts(&out, ">"), WARTA_OK);
	assert_int_equal(mojibake_restore_lost("noâ€.", strlen("noâ€."), &out,
	    NULL), WARTA_OK);
	assert_string_equal(out.data, ">noâ€\xc2\x9d.");
	wbuf_reset(&out);
	assert_int_equal(mojibake_restore_lost("â€", strlen("â€"), &out,
	    &restored), WARTA_OK);
	assert_int_equal(restored, 0);
	assert_string_equal(out.data, "â€");
	wbuf_release(&out);
}

static void
test_other_charmaps(void **state)
{
	struct mojibake *m = *state;

	/* Windows-1251 */
	check(m, "вЂњРІР°С€ С‚РµРєСЃС‚вЂќ", "“ваш текст”", 1);
	/* ...but without a telling sequence it could be real Russian. */
	unchanged(m, "РґРѕСЂРѕРіРµ");
	/* MacRoman */
	check(m, "g√¢teaux r√©gime", "gâteaux régime", 1);
	/* CESU-8 surrogates of an emoji, read as Windows-1252 */
	check(m, "Hi guys í\xc2\xa0½í¸\xc2\x8d", "Hi guys 😍", 1);
}

static void
test_partial_mojibake(void **state)
{
	struct mojibake *m = *state;

	/* Right accents next to mojibake: only the mojibake is decoded. */
	check(m, "Déjà vu: cafÃ© crème", "Déjà vu: café crème", 1);
}

static void
test_is_bad(void **state)
{
	struct mojibake *m = *state;

	assert_true(mojibake_is_bad(m, "cafÃ©", strlen("cafÃ©")));
	assert_true(mojibake_is_bad(m, "x\xc2\x93", 3));
	assert_false(mojibake_is_bad(m, "café", strlen("café")));
	assert_false(mojibake_is_bad(m, "ascii", 5));
	assert_false(mojibake_is_bad(m, "", 0));
	/* invalid UTF-8 is read with U+FFFD, not crashed on: one alone is
	 * fine, two in a row look like mojibake (both "bad" characters) */
	assert_false(mojibake_is_bad(m, "ok \xff", 4));
	assert_true(mojibake_is_bad(m, "\xff\xfe", 2));
	mojibake_free(NULL);
}

/* The characters that are bad with no other non-ASCII one near them. */
static void
test_is_bad_alone(void **state)
{
	struct mojibake *m = *state;
	static const char *const bad[] = {
		"Harga naik \xc2\x80 lagi",	/* a C1 control */
		"Harga naik\xc2\x9f lagi",
		"Harga naik \xc3\x82 lagi",	/* Â, a space after */
		"Harga naikÃ lagi",
		"Ã pada awal",
		"di sana,Â\xc2\xa0",		/* Â, then U+00A0 */
		"Harga naik.Â lagi",
		"Harga œ? lagi",		/* œ before a non-letter */
		"Harga Œ1 lagi",
		NULL
	};
	static const char *const good[] = {
		"“Kami ingin warga di Surabaya menjadi lebih tawaris,” ujarnya.",
		"Pada 2018–2021 dan 2014—2015, suhu 30°C.",
		"Harga \xe2\x82\xac 5 lagi, café.",	/* euro sign */
		"Harga œuvre lagi",		/* œ before a letter */
		"Harga naikÃlagi",		/* Ã, no space after */
		NULL
	};
	const char *const *p;

	for (p = bad; *p != NULL; p++)
		assert_true(mojibake_is_bad(m, *p, strlen(*p)));
	for (p = good; *p != NULL; p++)
		assert_false(mojibake_is_bad(m, *p, strlen(*p)));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_windows_1252_once),
		cmocka_unit_test(test_windows_1252_twice),
		cmocka_unit_test(test_latin1_c1_controls),
		cmocka_unit_test(test_right_text_unchanged),
		cmocka_unit_test(test_curly_quotes_unchanged),
		cmocka_unit_test(test_ascii_unchanged),
		cmocka_unit_test(test_empty_and_odd_inputs),
		cmocka_unit_test(test_invalid_utf8_input),
		cmocka_unit_test(test_lossy_and_altered_bytes),
		cmocka_unit_test(test_lost_closing_quote),
		cmocka_unit_test(test_other_charmaps),
		cmocka_unit_test(test_partial_mojibake),
		cmocka_unit_test(test_is_bad),
		cmocka_unit_test(test_is_bad_alone),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
