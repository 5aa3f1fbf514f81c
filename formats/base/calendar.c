/*
 * base/calendar.c: the proleptic Gregorian calendar; see base/calendar.h.
 */
#include "base/calendar.h"

int
cal_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
cal_days_in_month(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return m == 2 && cal_is_leap(y) ? 29 : days[m - 1];
}

int
cal_valid_date(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= cal_days_in_month(y, m);
}

/*
 * H. Hinnant's days_from_civil: exact for every year, negative ones too,
 * without a table (http://howardhinnant.github.io/date_algorithms.html).
 */
long
cal_days_from_civil(int y, int m, int d)
{
	long yy = (long)y - (m <= 2), era;
	unsigned yoe, doy, doe, mm = (unsigned)m;

	era = (yy >= 0 ? yy : yy - 399) / 400;
	yoe = (unsigned)(yy - era * 400);
	doy = (153 * (mm > 2 ? mm - 3 : mm + 9) + 2) / 5 + (unsigned)d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

void
cal_civil_from_days(long z, int *y, int *m, int *d)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)((long)yoe + era * 400 + (*m <= 2));
}

int
cal_weekday(int y, int m, int d)
{
	/* 1970-01-01 was a Thursday (3) */
	long r = (cal_days_from_civil(y, m, d) + 3) % 7;

	return (int)(r < 0 ? r + 7 : r);
}
