/*
 * article/lang.c: the language of an article, from its stopwords.
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

/* The language shows in the first pages; a 16 MiB text need not be read
 * to the end to tell. */
#define LANG_SAMPLE	((size_t)64 * 1024)

int
parse_lang(struct article *a, const struct wordlist *w, const char *hint)
{
	size_t p, i, k, n, seen;
	long id = 0, en = 0;
	const char *s;
	unsigned which;

	for (p = 0, seen = 0; p < a->npara && seen < LANG_SAMPLE; p++) {
		s = a->paras[p];
		n = strlen(s);
		if (n > LANG_SAMPLE - seen)
			n = LANG_SAMPLE - seen;
		seen += n;
		for (i = 0; i < n; i = k) {
			if (!scan_is_alpha((unsigned char)s[i])) {
				k = i + 1;
				continue;
			}
			for (k = i; k < n && scan_is_alpha((unsigned char)s[k]);
			    k++)
				;
			/* part of a longer word with non-ASCII letters */
			if (i > 0 && (unsigned char)s[i - 1] >= 0x80)
				continue;
			if (k < n && (unsigned char)s[k] >= 0x80)
				continue;
			which = wordlist_find(w, s + i, k - i, NULL);
			id += (which & W_STOP_ID) != 0;
			en += (which & W_STOP_EN) != 0;
		}
	}
	/* four stopwords and a two-to-one majority decide; less is a guess */
	if (id + en >= 4 && id >= 2 * en)
		snprintf(a->lang, sizeof(a->lang), "id");
	else if (id + en >= 4 && en >= 2 * id)
		snprintf(a->lang, sizeof(a->lang), "en");
	else if (hint != NULL && strlen(hint) < sizeof(a->lang))
		snprintf(a->lang, sizeof(a->lang), "%s", hint);
	else
		a->lang[0] = '\0';
	return WARTA_OK;
}
