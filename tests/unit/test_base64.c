/*
 * test_base64.c: base64 out and back in (base/base64.h), with the line
 * breaks of the items' inlineData.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/base64.h"
#include "base/warta.h"

static void
encodes(const char *s, const char *want)
{
	struct wbuf b = WBUF_INIT;

	assert_int_equal(base64_encode(&b, (const unsigned char *)s,
	    strlen(s)), WARTA_OK);
	assert_string_equal(b.data, want);
	wbuf_release(&b);
}

static void
decodes(const char *s, const char *want)
{
	struct wbuf b = WBUF_INIT;

	assert_int_equal(base64_decode(s, &b), WARTA_OK);
	assert_int_equal(b.len, strlen(want));
	if (b.len > 0)
		assert_string_equal(b.data, want);
	wbuf_release(&b);
}

static void
refused(const char *s)
{
	struct wbuf b = WBUF_INIT;

	assert_int_equal(base64_decode(s, &b), WARTA_FAILED);
	wbuf_release(&b);
}

/* RFC 4648's test vectors. */
static void
test_rfc4648(void **state)
{
	static const char *const v[][2] = {
		{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" },
		{ "foo", "Zm9v" }, { "foob", "Zm9vYg==" },
		{ "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		encodes(v[i][0], v[i][1]);
		decodes(v[i][1], v[i][0]);
	}
}

/* 72 columns: a newline before the 19th group, none at the end. */
static void
test_lines(void **state)
{
	struct wbuf b = WBUF_INIT, back = WBUF_INIT;
	unsigned char in[256];
	size_t i, n, col;

	(void)state;
	for (i = 0; i < sizeof(in); i++)
		in[i] = (unsigned char)i;
	for (n = 0; n <= sizeof(in); n++) {
		wbuf_reset(&b);
		wbuf_reset(&back);
		assert_int_equal(base64_encode(&b, in, n), WARTA_OK);
		assert_int_equal(b.len, (n + 2) / 3 * 4 +
		    (n == 0 ? 0 : ((n + 2) / 3 - 1) / 18));
		for (i = 0, col = 0; i < b.len; i++) {
			if (b.data[i] == '\n') {
				assert_int_equal(col, 72);
				col = 0;
			} else
				col++;
		}
		assert_true(col > 0 || n == 0);
		assert_true(col <= 72);
		assert_int_equal(base64_decode(b.data != NULL ? b.data : "",
		    &back), WARTA_OK);
		assert_int_equal(back.len, n);
		if (n > 0)
			assert_memory_equal(back.data, in, n);
	}
	/* appends to what is there */
	wbuf_reset(&b);
	assert_int_equal(wbuf_puts(&b, "x:"), WARTA_OK);
	assert_int_equal(base64_encode(&b, (const unsigned char *)"f", 1),
	    WARTA_OK);
	assert_string_equal(b.data, "x:Zg==");
	wbuf_release(&b);
	wbuf_release(&back);
}

static void
test_decode_white_space_and_refusals(void **state)
{
	(void)state;
	decodes(" Zm9v\r\n Ym Fy\t", "foobar");
	decodes("Zg==\n", "f");
	decodes("Zg= =", "f");
	refused("Zg");			/* no padding */
	refused("Zm9vY");
	refused("Zg=");
	refused("Z===");		/* too much padding */
	refused("Zg==Zg==");		/* data after padding */
	refused("Zg=a");
	refused("Zm9v!");
	refused("Zm9v\v");		/* not XML white space */
	refused("Zm-_");		/* base64url */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc4648),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_decode_white_space_and_refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
