/*
 * base/datetime.c: xs:dateTime to seconds; see base/datetime.h.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/datetime.h"

/* "+07:00" (or "-", or "Z") at z, the end of s: its offset in seconds. */
static int
zone_offset(const char *z, long *seconds)
{
	int oh, om, n = 0;

	if (*z == 'Z' && z[1] == '\0') {
		*seconds = 0;
		return 0;
	}
	if ((*z != '+' && *z != '-') ||
	    sscanf(z + 1, "%2d:%2d%n", &oh, &om, &n) != 2 || n != 5 ||
	    z[6] != '\0')
		return -1;
	*seconds = (long)oh * 3600 + (long)om * 60;
	if (*z == '-')
		*seconds = -*seconds;
	return 0;
}

time_t
datetime_parse(const char *s)
{
	struct tm tm;
	int y, mo, d, h, mi, sec, n = 0;
	const char *z;
	long off;
	time_t t;

	if (s == NULL || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d,
	    &h, &mi, &sec, &n) != 6 || n != 19)
		return -1;
	z = s + 19;
	if (*z == '.')
		for (z++; *z >= '0' && *z <= '9'; z++)
			;
	if (zone_offset(z, &off) != 0)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	if ((t = timegm(&tm)) == (time_t)-1)
		return -1;
	return t - (time_t)off;
}
