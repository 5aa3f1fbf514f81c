/*
 * base/clock.c: "now", or SOURCE_DATE_EPOCH; see base/clock.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "base/clock.h"

/* 9999-12-31T23:59:59Z: xs:dateTime has four-digit years here. */
#define MAX_EPOCH 253402300799LL

int
warta_now(char out[WARTA_NOW_SIZE], struct warta_error *err)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	struct tm tm;
	time_t t;

	if (sde != NULL && *sde != '\0') {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(sde, &end, 10);
		if (errno != 0 || *end != '\0' || v < 0 || v > MAX_EPOCH)
			return warta_error_set(err, -1, "SOURCE_DATE_EPOCH '%s' "
			    "is not a number of seconds", sde);
		t = (time_t)v;
	} else
		t = time(NULL);
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, WARTA_NOW_SIZE, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		return warta_error_set(err, -1, "cannot format the time");
	return WARTA_OK;
}
