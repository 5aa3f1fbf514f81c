/*
 * test_size.c: sizes as typed on a command line, and what is refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "base/size.h"

static void
accepted(const char *s, unsigned long long want)
{
	unsigned long long got = 12345;

	assert_int_equal(size_parse(s, &got), 0);
	assert_true(got == want);
}

static void
refused(const char *s)
{
	unsigned long long got = 12345;

	assert_int_equal(size_parse(s, &got), -1);
	/* A refused value leaves the old one alone. */
	assert_true(got == 12345);
}

static void
test_plain_and_suffixes(void **state)
{
	(void)state;
	accepted("0", 0);
	accepted("10000", 10000);
	accepted("64K", 64ULL << 10);
	accepted("64k", 64ULL << 10);
	accepted("16M", 16ULL << 20);
	accepted("2G", 2ULL << 30);
	accepted("1T", 1ULL << 40);
	accepted("18446744073709551615", 18446744073709551615ULL);
}

static void
test_refused(void **state)
{
	(void)state;
	refused("");
	refused("M");
	refused("-1");
	refused("+1");
	refused(" 1");
	refused("1 ");
	refused("1.5M");
	refused("1MB");
	refused("1X");
	refused("18446744073709551616");	/* one past the largest */
	refused("16777216T");			/* 2^64 bytes */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_and_suffixes),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
