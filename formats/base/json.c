/*
 * base/json.c: JSON strings; see base/json.h.
 */
#include <stdio.h>

#include "base/json.h"
#include "base/warta.h"

/* The escape of one byte, or NULL when it stands for itself. */
static const char *
escape(unsigned char ch, char buf[8])
{
	switch (ch) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\n':
		return "\\n";
	case '\t':
		return "\\t";
	default:
		if (ch >= 0x20)
			return NULL;
		snprintf(buf, 8, "\\u%04x", ch);
		return buf;
	}
}

int
json_put_string(struct wbuf *out, const char *s)
{
	const char *run = s, *e;
	char buf[8];

	if (wbuf_putc(out, '"') != WARTA_OK)
		return WARTA_FAILED;
	for (; *s != '\0'; s++) {
		if ((e = escape((unsigned char)*s, buf)) == NULL)
			continue;
		/* The plain bytes before it in one go. */
		if (wbuf_append(out, run, (size_t)(s - run)) != WARTA_OK ||
		    wbuf_puts(out, e) != WARTA_OK)
			return WARTA_FAILED;
		run = s + 1;
	}
	if (wbuf_append(out, run, (size_t)(s - run)) != WARTA_OK ||
	    wbuf_putc(out, '"') != WARTA_OK)
		return WARTA_FAILED;
	return WARTA_OK;
}
