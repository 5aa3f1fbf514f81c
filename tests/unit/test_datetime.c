/*
 * test_datetime.c: xs:dateTime read into seconds, in every zone form, and
 * what is not one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "base/datetime.h"

static void
test_zones(void **state)
{
	(void)state;
	assert_true(datetime_parse("1970-01-01T00:00:00Z") == 0);
	assert_true(datetime_parse("2023-11-14T22:13:20Z") == 1700000000);
	/* One moment, written in three zones. */
	assert_true(datetime_parse("2022-04-15T20:00:00Z") == 1650052800);
	assert_true(datetime_parse("2022-04-16T03:00:00+07:00") == 1650052800);
	assert_true(datetime_parse("2022-04-15T15:30:00-04:30") == 1650052800);
	/* Later as text, earlier in time. */
	assert_true(datetime_parse("2022-04-16T01:00:00+07:00") <
	    datetime_parse("2022-04-15T20:00:00Z"));
}

static void
test_fractions_dropped(void **state)
{
	(void)state;
	assert_true(datetime_parse("2023-11-14T22:13:20.999Z") == 1700000000);
	assert_true(datetime_parse("2023-11-14T22:13:20.5+00:00") ==
	    1700000000);
}

static void
test_refused(void **state)
{
	static const char *const bad[] = {
		"", "2023-11-14", "2023-11-14T22:13:20",	/* no zone */
		"2023-11-14 22:13:20Z", "2023-11-14T22:13Z",
		"2023-11-14T22:13:20Zx", "2023-11-14T22:13:20+07",
		"2023-11-14T22:13:20+0700", "2023-11-14T22:13:20+07:00 ",
		"2023-11-14T22:13:20.Zx", "23-11-14T22:13:20Z",
	};
	size_t i;

	(void)state;
	assert_true(datetime_parse(NULL) == -1);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (datetime_parse(bad[i]) != -1)
			fail_msg("accepted '%s'", bad[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zones),
		cmocka_unit_test(test_fractions_dropped),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
