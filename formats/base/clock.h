/*
 * base/clock.h: "now" for every stage, as an xs:dateTime in UTC.
 *
 * SOURCE_DATE_EPOCH, when set, fixes it, so that the same input always
 * gives the same bytes (https://reproducible-builds.org/specs/source-date-epoch/).
 */
#ifndef WARTA_CLOCK_H
#define WARTA_CLOCK_H

#include <stddef.h>

#include "base/warta.h"

#define WARTA_NOW_SIZE 32

/* Writes "2026-11-28T13:36:03Z" into out; fails on a bad SOURCE_DATE_EPOCH. */
int warta_now(char out[WARTA_NOW_SIZE], struct warta_error *err);

#endif
