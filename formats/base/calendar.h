/*
 * base/calendar.h: the proleptic Gregorian calendar (ISO 8601's), months
 * 1..12 and days 1..31.  Each caller keeps its own range of plausible years.
 */
#ifndef WARTA_CALENDAR_H
#define WARTA_CALENDAR_H

int cal_is_leap(int y);
/* Days of month m (1..12) of year y. */
int cal_days_in_month(int y, int m);
/* True when y-m-d is a day of the calendar (any year). */
int cal_valid_date(int y, int m, int d);
/* The weekday of a valid date: 0 Monday ... 6 Sunday (ISO order). */
int cal_weekday(int y, int m, int d);
/* Days from 1970-01-01 to a valid date, negative before. */
long cal_days_from_civil(int y, int m, int d);
/* The date z days from 1970-01-01. */
void cal_civil_from_days(long z, int *y, int *m, int *d);

#endif
