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

/*
 * The decoder one character at a time, as RFC 4648 reads: what
 * base64_decode() must do, whether a group of four comes whole or is cut
 * by white space, padding or a wrong character.  1 decoded, 0 refused.
 */
static int
reference_decode(const char *s, char *out, size_t *len)
{
	static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned long acc = 0;
	int n = 0, pad = 0;
	const char *d;

	*len = 0;
	for (; *s != '\0'; s++) {
		if (strchr(" \t\r\n", *s) != NULL)
			continue;
		if (*s == '=')
			pad++;
		else if (pad > 0 || (d = strchr(digits, *s)) == NULL)
			return 0;
		acc = acc << 6 | (*s == '=' ? 0 : (unsigned long)(d - digits));
		if (++n < 4)
			continue;
		if (pad > 2)
			return 0;
		out[(*len)++] = (char)(acc >> 16 & 255);
		if (pad < 2)
			out[(*len)++] = (char)(acc >> 8 & 255);
		if (pad < 1)
			out[(*len)++] = (char)(acc & 255);
		acc = 0;
		n = 0;
	}
	return n == 0;
}

/* Random texts of digits, white space, padding and a wrong character,
 * from a fixed seed: the decoder and the reference agree on each. */
static void
test_decode_matches_reference(void **state)
{
	static const char pool[] = "QUJDZm9v+/==\n \t!";
	char text[48], want[48];
	struct wbuf b = WBUF_INIT;
	size_t len, k, n;
	unsigned long seed = 12345;
	int i, ok;

	(void)state;
	for (i = 0; i < 50000; i++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		n = (size_t)(seed >> 33) % 40;
		for (k = 0; k < n; k++) {
			seed = seed * 6364136223846793005UL +
			    1442695040888963407UL;
			/* mostly digits, so that whole groups come often */
			text[k] = (seed >> 40) % 4 != 0 ? pool[(seed >> 33) %
			    8] : pool[(seed >> 33) % (sizeof(pool) - 1)];
		}
		text[n] = '\0';
		ok = reference_decode(text, want, &len);
		wbuf_reset(&b);
		assert_int_equal(base64_decode(text, &b) == WARTA_OK, ok);
		if (ok) {
			assert_int_equal(b.len, len);
			if (len > 0)
				assert_memory_equal(b.data, want, len);
		}
	}
	wbuf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc4648),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_decode_white_space_and_refusals),
		cmocka_unit_test(test_decode_matches_reference),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
