/*
 * base/error.c: the caller-owned error of formats/.
 */
#include <stdarg.h>
#include <stdio.h>

#include "base/warta.h"

void
warta_error_clear(struct warta_error *err)
{
	if (err == NULL)
		return;
	err->message[0] = '\0';
	err->offset = -1;
}

int
warta_error_set(struct warta_error *err, long long offset, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return WARTA_FAILED;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	err->offset = offset;
	return WARTA_FAILED;
}
