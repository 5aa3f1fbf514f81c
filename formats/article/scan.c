/*
 * article/scan.c: the small readers of characters, words and spans that the
 * dateline, byline, date and language readers share; see article/parse.h.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "article/article.h"
#include "article/parse.h"
#include "article/wordlist.h"
#include "base/ascii.h"
#include "base/buf.h"
#include "base/calendar.h"
#include "base/utf8.h"
#include "base/warta.h"

int
scan_is_digit(int c)
{
	return c >= '0' && c <= '9';
}

int
scan_is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The code point at s[i] and its length; an invalid byte reads as itself. */
int32_t
scan_cp_at(const char *s, size_t n, size_t i, size_t *clen)
{
	uint32_t cp;

	*clen = utf8_decode((const unsigned char *)s + i, n - i, &cp);
	if (cp == UTF8_INVALID) {
		*clen = 1;
		return (unsigned char)s[i];
	}
	return (int32_t)cp;
}

/* Is s[i] the start of a word (not inside a run of letters or digits)? */
int
scan_at_word_start(const char *s, size_t i)
{
	size_t k, clen;
	int32_t cp;

	if (i == 0)
		return 1;
	if ((unsigned char)s[i - 1] < 0x80)
		return !scan_is_alpha(s[i - 1]) && !scan_is_digit(s[i - 1]);
	k = i - 1;
	while (k > 0 && i - k < 4 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	cp = scan_cp_at(s, i, k, &clen);
	return !utf8_is_letter((uint32_t)cp);
}

size_t
scan_skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}


/* Reads a token of letters (and digits when with_digits) at i. */
int
scan_token(const char *s, size_t n, size_t i, int with_digits,
    struct token *t)
{
	size_t clen, next;
	int32_t cp;

	memset(t, 0, sizeof(*t));
	t->start = t->end = i;
	while (i < n) {
		cp = scan_cp_at(s, n, i, &clen);
		if (utf8_is_letter((uint32_t)cp)) {
			if (t->letters == 0 && t->digits == 0)
				t->first_upper = utf8_is_upper((uint32_t)cp);
			t->letters++;
			if (utf8_is_upper((uint32_t)cp))
				t->upper++;
		} else if (with_digits && cp < 0x80 && scan_is_digit(cp)) {
			t->digits++;
		} else if (cp == '.' && t->letters > 0) {
			/* "St.", "KOMPAS.com" */
			t->dots++;
		} else if ((cp == '\'' || cp == 0x2019 || cp == '&') &&
		    t->letters > 0 && i + clen < n &&
		    utf8_is_letter((uint32_t)scan_cp_at(s, n, i + clen, &next))) {
			/* "Jum'at", "O'Neil": only inside a word */
		} else
			break;
		i += clen;
	}
	t->end = i;
	return t->letters > 0;
}

int
scan_token_all_caps(const struct token *t)
{
	return t->letters > 0 && t->upper == t->letters;
}

/* Case-insensitive (ASCII) comparison of a span with a lower-case word. */
int
scan_span_is(const char *s, size_t n, const char *word)
{
	size_t i;

	if (strlen(word) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (ascii_lower((unsigned char)s[i]) != word[i])
			return 0;
	return 1;
}

/* ALL CAPS to title case: "NEW YORK" to "New York", "ST. LOUIS" to "St. Louis". */
char *
scan_title_case(const char *s, size_t n)
{
	struct wbuf b = WBUF_INIT;
	size_t i, clen;
	int32_t cp;
	int word_start = 1;

	for (i = 0; i < n; i += clen) {
		cp = scan_cp_at(s, n, i, &clen);
		if (utf8_is_letter((uint32_t)cp)) {
			if (!word_start)
				cp = utf8proc_tolower(cp);
			word_start = 0;
		} else
			word_start = cp == ' ' || cp == '-' || cp == '.' ||
			    cp == '(' || cp == '/';
		if (clen == 1 && cp >= 0x80) {
			/* an invalid byte is copied, not re-encoded */
			if (wbuf_append(&b, s + i, clen) != WARTA_OK)
				goto fail;
		} else if (wbuf_put_utf8(&b, (uint32_t)cp) != WARTA_OK)
			goto fail;
	}
	if (b.data == NULL && wbuf_append(&b, "", 0) != WARTA_OK)
		goto fail;
	return wbuf_steal(&b);
fail:
	wbuf_release(&b);
	return NULL;
}
