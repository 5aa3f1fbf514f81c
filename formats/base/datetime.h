/*
 * base/datetime.h: reading an xs:dateTime, as NewsML-G2 dates are written
 * ("2021-08-10T09:30:00+07:00"), into seconds since 1970.
 *
 * base/clock.h writes "now" in this form; this reads it back, and reads
 * the versionCreated of an item, to compare one moment with another
 * whatever the zone each was written in.
 */
#ifndef WARTA_DATETIME_H
#define WARTA_DATETIME_H

#include <time.h>

/*
 * The seconds since 1970 (UTC) of s, an xs:dateTime with a zone ("Z" or
 * "+HH:MM"/"-HH:MM") and optional fractions of a second, which are
 * dropped; -1 when s is NULL or not one.  A moment before 1970 is
 * negative, and one second before it reads as -1 too.
 */
time_t datetime_parse(const char *s);

#endif
