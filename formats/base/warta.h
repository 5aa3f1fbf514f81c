/*
 * base/warta.h: what every formats/ module shares: the version, the status codes
 * and the caller-owned error.
 *
 * formats/ never prints and never exits.  A function that can fail returns
 * WARTA_OK or WARTA_FAILED and, on failure, fills the caller's struct
 * warta_error with a one-line message (lowercase, no full stop) and, where
 * it helps, the byte offset in the input where the problem was found.
 */
#ifndef WARTA_H
#define WARTA_H

#include <stddef.h>

#define WARTA_VERSION "0.1.0"

enum warta_status {
	WARTA_OK = 0,
	WARTA_FAILED = -1
};

struct warta_error {
	/* Room for a whole path (PATH_MAX) and what went wrong with it. */
	char message[4096 + 512];
	long long offset;	/* byte offset in the input, or -1 */
};

void warta_error_clear(struct warta_error *err);

/* Fills err (when not NULL) and returns WARTA_FAILED, so callers can write
 * `return warta_error_set(err, off, "...")`. */
int warta_error_set(struct warta_error *err, long long offset,
    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
