/*
 * test_calendar.c: leap years, month lengths, valid dates, weekdays and
 * day numbers (base/calendar.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "base/calendar.h"

static void
test_leap(void **state)
{
	(void)state;
	assert_true(cal_is_leap(2024));
	assert_true(cal_is_leap(2000));
	assert_true(cal_is_leap(1600));
	assert_true(cal_is_leap(0));
	assert_true(cal_is_leap(-4));
	assert_false(cal_is_leap(1900));
	assert_false(cal_is_leap(2100));
	assert_false(cal_is_leap(2023));
	assert_int_equal(cal_days_in_month(2024, 2), 29);
	assert_int_equal(cal_days_in_month(2023, 2), 28);
	assert_int_equal(cal_days_in_month(1900, 2), 28);
	assert_int_equal(cal_days_in_month(2000, 2), 29);
	assert_int_equal(cal_days_in_month(2023, 1), 31);
	assert_int_equal(cal_days_in_month(2023, 4), 30);
	assert_int_equal(cal_days_in_month(2023, 12), 31);
}

static void
test_valid_date(void **state)
{
	(void)state;
	assert_true(cal_valid_date(2024, 2, 29));
	assert_false(cal_valid_date(2023, 2, 29));
	assert_true(cal_valid_date(2023, 12, 31));
	assert_false(cal_valid_date(2023, 4, 31));
	assert_false(cal_valid_date(2023, 0, 1));
	assert_false(cal_valid_date(2023, 13, 1));
	assert_false(cal_valid_date(2023, 1, 0));
	assert_false(cal_valid_date(2023, 1, 32));
	assert_false(cal_valid_date(2023, -1, 1));
	/* no range of years: the callers keep their own */
	assert_true(cal_valid_date(1, 1, 1));
	assert_true(cal_valid_date(9999, 12, 31));
}

static void
test_weekday(void **state)
{
	(void)state;
	assert_int_equal(cal_weekday(1970, 1, 1), 3);	/* Thursday */
	assert_int_equal(cal_weekday(2000, 1, 1), 5);	/* Saturday */
	assert_int_equal(cal_weekday(2000, 2, 29), 1);	/* Tuesday */
	assert_int_equal(cal_weekday(2024, 1, 1), 0);	/* Monday */
	assert_int_equal(cal_weekday(2024, 3, 17), 6);	/* Sunday */
	assert_int_equal(cal_weekday(1945, 8, 17), 4);	/* Friday */
	assert_int_equal(cal_weekday(1600, 1, 1), 5);	/* Saturday */
	assert_int_equal(cal_weekday(1, 1, 1), 0);	/* Monday */
	assert_int_equal(cal_weekday(-1, 12, 31), 4);	/* Friday */
}

/* Day numbers go up by one a day, and come back to the same date. */
static void
test_days(void **state)
{
	long z, prev;
	int y, m, d, y2, m2, d2, wd;

	(void)state;
	assert_int_equal(cal_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(cal_days_from_civil(1970, 1, 2), 1);
	assert_int_equal(cal_days_from_civil(1969, 12, 31), -1);
	assert_int_equal(cal_days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(cal_days_from_civil(0, 3, 1), -719468);
	prev = cal_days_from_civil(-401, 12, 31);
	wd = cal_weekday(-401, 12, 31);
	for (y = -400; y <= 2400; y++)
		for (m = 1; m <= 12; m++)
			for (d = 1; d <= cal_days_in_month(y, m); d++) {
				z = cal_days_from_civil(y, m, d);
				assert_int_equal(z, prev + 1);
				cal_civil_from_days(z, &y2, &m2, &d2);
				assert_int_equal(y2, y);
				assert_int_equal(m2, m);
				assert_int_equal(d2, d);
				assert_int_equal(cal_weekday(y, m, d),
				    (wd + 1) % 7);
				wd = (wd + 1) % 7;
				prev = z;
			}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_leap),
		cmocka_unit_test(test_valid_date),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_days),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
