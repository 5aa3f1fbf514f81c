/*
 * article/lang.c: the language of an article, from its stopwords.
 *
 * warta tells Indonesian from English (formats/data/stopwords.tsv).  A
 * long text decides by a majority of its stopwords; a short one (a wire
 * brief, a caption, a one-paragraph item) by fewer, when they all agree.
 * A capitalized word counts only where a sentence starts, so that names
 * and acronyms ("Dan Brown", "New York", "AS" for Amerika Serikat, "WHO")
 * do not vote for the other language.
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
/* Fewer words than this are too few to tell by (a headline, a caption):
 * no language, unless the stopwords decide as in a long text. */
#define LANG_MIN_WORDS	10

/* What the words of a text say. */
struct lang_count {
	long id, en;		/* stopwords of each language */
	long words;		/* words read */
};

/* Does s (n bytes) have a lower-case ASCII letter? */
static int
has_lower(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			return 1;
	return 0;
}

/* Does the word at s[i] start a sentence: after the start of the
 * paragraph, or after something that is not a letter, digit or comma? */
static int
starts_sentence(const char *s, size_t i)
{
	unsigned char c;

	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
		i--;
	if (i == 0)
		return 1;
	c = (unsigned char)s[i - 1];
	return !scan_is_alpha(c) && !scan_is_digit(c) && c != ',';
}

/*
 * May the word s[i..k) count as a stopword?  In lower case always; with a
 * capital first letter where a sentence starts; in capitals only in a
 * paragraph in capitals (old wire copy).  Elsewhere the capital marks a
 * name, a title-case headline or an acronym.
 */
static int
counts_in_case(const char *s, size_t i, size_t k, int caps_para)
{
	size_t j, upper = 0;

	for (j = i; j < k; j++)
		upper += s[j] >= 'A' && s[j] <= 'Z';
	if (upper == 0)
		return 1;
	if (upper == k - i && k - i > 1)
		return caps_para;
	return upper == 1 && s[i] >= 'A' && s[i] <= 'Z' && starts_sentence(s, i);
}

/* Counts the words and stopwords of the paragraph s (n bytes). */
static void
count_para(const struct wordlist *w, const char *s, size_t n,
    struct lang_count *c)
{
	size_t i, k;
	unsigned which;
	int caps_para = !has_lower(s, n);

	for (i = 0; i < n; i = k) {
		if (!scan_is_alpha((unsigned char)s[i])) {
			k = i + 1;
			continue;
		}
		for (k = i; k < n && scan_is_alpha((unsigned char)s[k]); k++)
			;
		c->words++;
		/* part of a longer word with non-ASCII letters */
		if (i > 0 && (unsigned char)s[i - 1] >= 0x80)
			continue;
		if (k < n && (unsigned char)s[k] >= 0x80)
			continue;
		which = wordlist_find(w, s + i, k - i, NULL);
		if (which == 0 || !counts_in_case(s, i, k, caps_para))
			continue;
		c->id += (which & W_STOP_ID) != 0;
		c->en += (which & W_STOP_EN) != 0;
	}
}

/*
 * The language the counts decide, or NULL.  Four stopwords and a
 * two-to-one majority decide, whatever the length; a text of
 * LANG_MIN_WORDS words or more also with two stopwords of one language
 * and none of the other.
 */
static const char *
lang_decide(const struct lang_count *c)
{
	if (c->id + c->en >= 4 && c->id >= 2 * c->en)
		return "id";
	if (c->id + c->en >= 4 && c->en >= 2 * c->id)
		return "en";
	if (c->words < LANG_MIN_WORDS)
		return NULL;
	if (c->id >= 2 && c->en == 0)
		return "id";
	if (c->en >= 2 && c->id == 0)
		return "en";
	return NULL;
}

int
parse_lang(struct article *a, const struct wordlist *w, const char *hint)
{
	struct lang_count c = { 0, 0, 0 };
	const char *lang;
	size_t p, n, seen;

	for (p = 0, seen = 0; p < a->npara && seen < LANG_SAMPLE; p++) {
		n = strlen(a->paras[p]);
		if (n > LANG_SAMPLE - seen)
			n = LANG_SAMPLE - seen;
		seen += n;
		count_para(w, a->paras[p], n, &c);
	}
	if ((lang = lang_decide(&c)) != NULL)
		snprintf(a->lang, sizeof(a->lang), "%s", lang);
	else if (hint != NULL && strlen(hint) < sizeof(a->lang))
		snprintf(a->lang, sizeof(a->lang), "%s", hint);
	else
		a->lang[0] = '\0';
	return WARTA_OK;
}
