/*
 * test_hash.c: FNV-1a 64 (base/hash.h) against the published test vectors,
 * and the byte tests of base/ascii.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/ascii.h"
#include "base/hash.h"

static uint64_t
fnv_str(const char *s)
{
	return fnv1a(FNV1A_INIT, s, strlen(s));
}

static void
test_fnv1a(void **state)
{
	(void)state;
	assert_true(fnv_str("") == UINT64_C(0xcbf29ce484222325));
	assert_true(fnv_str("a") == UINT64_C(0xaf63dc4c8601ec8c));
	assert_true(fnv_str("foobar") == UINT64_C(0x85944171f73967e8));
	/* in parts, or a byte at a time: the same */
	assert_true(fnv1a(fnv1a(FNV1A_INIT, "foo", 3), "bar", 3) ==
	    fnv_str("foobar"));
	assert_true(fnv1a_byte(fnv1a(FNV1A_INIT, "fooba", 5), 'r') ==
	    fnv_str("foobar"));
	/* bytes past 0x7F are taken unsigned */
	assert_true(fnv_str("\xC3\xA9") ==
	    fnv1a_byte(fnv1a_byte(FNV1A_INIT, 0xC3), 0xA9));
}

static void
test_ascii(void **state)
{
	int c;

	(void)state;
	for (c = -128; c < 256; c++) {
		assert_int_equal(ascii_is_xml_space(c), c == ' ' ||
		    c == '\t' || c == '\n' || c == '\r');
		assert_int_equal(ascii_lower(c), c >= 'A' && c <= 'Z' ?
		    c + 32 : c);
	}
	assert_false(ascii_is_xml_space('\v'));
	assert_false(ascii_is_xml_space('\f'));
	assert_false(ascii_is_xml_space((char)0xA0));
	assert_int_equal(ascii_lower((unsigned char)0xC9), 0xC9);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fnv1a),
		cmocka_unit_test(test_ascii),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
