/*
 * base/json.h: JSON text for listings meant for scripts (one object a
 * line): a string escaped as RFC 8259 asks.
 */
#ifndef WARTA_JSON_H
#define WARTA_JSON_H

#include "base/buf.h"

/*
 * Appends s as a JSON string, quotes included: '"' and '\' escaped,
 * newline and tab as \n and \t, other control characters as \u00XX.
 * Bytes from 0x80 up are copied as they are (the text is UTF-8).
 */
int json_put_string(struct wbuf *out, const char *s);

#endif
