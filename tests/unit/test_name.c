/*
 * test_name.c: names made safe to show, and the names a bundle refuses
 * (base/name.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/name.h"
#include "base/warta.h"

/* in (n bytes) escaped is want. */
static void
escaped(const char *in, size_t n, const char *want)
{
	struct wbuf b = WBUF_INIT;

	assert_int_equal(name_escape(&b, in, n), WARTA_OK);
	assert_string_equal(b.data != NULL ? b.data : "", want);
	wbuf_release(&b);
}

static void
test_escape(void **state)
{
	(void)state;
	escaped("plain/name.xml", 14, "plain/name.xml");
	escaped("", 0, "");
	/* the C escapes, octal for the rest of C0 and DEL, as ls -b */
	escaped("a\nb\tc\rd", 7, "a\\nb\\tc\\rd");
	escaped("\033[31mred", 8, "\\033[31mred");
	escaped("\x07\x7f", 2, "\\a\\177");
	escaped("nul\0here", 8, "nul\\000here");
	/* UTF-8 stays; C1 controls and bytes that are not UTF-8 are \xNN */
	escaped("Sura\xC3\xA9" "baya", 10, "Sura\xC3\xA9" "baya");
	escaped("\xC2\x9B" "2J", 4, "\\xc2\\x9b2J");
	escaped("\xFF\xFE", 2, "\\xff\\xfe");
	escaped("\xE2\x82", 2, "\\xe2\\x82");
	/* a backslash is left as it is */
	escaped("a\\d+", 4, "a\\d+");
}

static void
test_problem(void **state)
{
	(void)state;
	assert_null(name_problem("b/data/items/2021/08/10/x.xml"));
	assert_null(name_problem("b/data/items/Sura\xC3\xA9" "baya.xml"));
	assert_string_equal(name_problem("b/\033x"),
	    "a name with a control character");
	assert_string_equal(name_problem("b/a\nb"),
	    "a name with a control character");
	assert_string_equal(name_problem("b/\x7f"),
	    "a name with a control character");
	assert_string_equal(name_problem("b/\xC2\x85"),
	    "a name with a control character");
	assert_string_equal(name_problem("b/\xFF"),
	    "a name that is not UTF-8");
	assert_string_equal(name_problem("b/\xC0\xAF"),
	    "a name that is not UTF-8");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_problem),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
