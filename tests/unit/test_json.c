/*
 * test_json.c: JSON strings for the listings scripts read: what is
 * escaped, how, and what is copied as it is.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "base/json.h"
#include "base/warta.h"

static void
escaped(const char *s, const char *want)
{
	struct wbuf b = WBUF_INIT;

	assert_int_equal(json_put_string(&b, s), WARTA_OK);
	assert_string_equal(b.data, want);
	wbuf_release(&b);
}

static void
test_plain(void **state)
{
	(void)state;
	escaped("", "\"\"");
	escaped("Semarang", "\"Semarang\"");
	/* UTF-8 goes through as it is. */
	escaped("Jalan \xe2\x80\x9c" "Kota\xe2\x80\x9d", "\"Jalan "
	    "\xe2\x80\x9c" "Kota\xe2\x80\x9d\"");
}

static void
test_escapes(void **state)
{
	(void)state;
	escaped("say \"hi\"", "\"say \\\"hi\\\"\"");
	escaped("a\\b", "\"a\\\\b\"");
	escaped("a\nb\tc", "\"a\\nb\\tc\"");
	escaped("\r", "\"\\u000d\"");
	escaped("\x01x\x1f", "\"\\u0001x\\u001f\"");
	escaped("\x7f", "\"\x7f\"");
}

static void
test_appends(void **state)
{
	struct wbuf b = WBUF_INIT;

	(void)state;
	assert_int_equal(wbuf_puts(&b, "{\"a\":"), WARTA_OK);
	assert_int_equal(json_put_string(&b, "x\"y"), WARTA_OK);
	assert_int_equal(wbuf_putc(&b, '}'), WARTA_OK);
	assert_string_equal(b.data, "{\"a\":\"x\\\"y\"}");
	wbuf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_appends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
