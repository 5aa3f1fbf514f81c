/*
 * base/name.c: names made safe to show; see base/name.h.
 */
#include <stdint.h>
#include <string.h>

#include "base/name.h"
#include "base/utf8.h"
#include "base/warta.h"

static int
is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* \xNN for each of the n bytes at s. */
static int
put_hex(struct wbuf *out, const unsigned char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char e[4] = { '\\', 'x', 0, 0 };
	size_t i;

	for (i = 0; i < n; i++) {
		e[2] = hex[s[i] >> 4];
		e[3] = hex[s[i] & 0xF];
		if (wbuf_append(out, e, sizeof(e)) != WARTA_OK)
			return WARTA_FAILED;
	}
	return WARTA_OK;
}

/* The escape of a C0 control or DEL. */
static int
put_c0(struct wbuf *out, unsigned char c)
{
	static const char named[] = "\a\b\t\n\v\f\r";
	static const char letter[] = "abtnvfr";
	const char *p;
	char e[5];

	if (c != '\0' && (p = strchr(named, c)) != NULL) {
		e[0] = '\\';
		e[1] = letter[p - named];
		return wbuf_append(out, e, 2);
	}
	e[0] = '\\';
	e[1] = (char)('0' + (c >> 6));
	e[2] = (char)('0' + ((c >> 3) & 7));
	e[3] = (char)('0' + (c & 7));
	return wbuf_append(out, e, 4);
}

int
name_escape(struct wbuf *out, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, k, run;
	uint32_t cp;
	int rc;

	while (i < n) {
		/* A run of what needs no escape, in one append. */
		for (run = i; run < n && s[run] >= 0x20 && s[run] < 0x7F;
		    run++)
			;
		if (run > i && wbuf_append(out, s + i, run - i) != WARTA_OK)
			return WARTA_FAILED;
		if ((i = run) == n)
			break;
		k = utf8_decode(s + i, n - i, &cp);
		if (cp == UTF8_INVALID || (cp >= 0x80 && is_control(cp)))
			rc = put_hex(out, s + i, k);
		else if (cp < 0x80)
			rc = put_c0(out, s[i]);
		else
			rc = wbuf_append(out, s + i, k);
		if (rc != WARTA_OK)
			return WARTA_FAILED;
		i += k;
	}
	return WARTA_OK;
}

const char *
name_problem(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = strlen(str), i = 0, k;
	uint32_t cp;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (cp == UTF8_INVALID)
			return "a name that is not UTF-8";
		if (is_control(cp))
			return "a name with a control character";
		i += k;
	}
	return NULL;
}
