/*
 * article/article.c: one article's paragraphs, and what they say about themselves:
 * the dateline (place, outlet), the byline (creator), the dates written in
 * the text and the language.  The paragraphs are only read, never changed,
 * but for byline and credit paragraphs, which are moved out of the body
 * (article/byline.c): metadata is extracted, the body stays as written.
 *
 * Every scan is linear in the text, and the patterns are tried only at
 * word starts, so a 16 MiB paragraph costs a few passes over its bytes.
 * The words it knows (cities and outlets of datelines, agencies and credit
 * labels, month and weekday names, stopwords) are data: article/wordlist.h.
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

/* ---- memory ---- */

struct article *
article_new(const struct wordlist *words)
{
	struct article *a = calloc(1, sizeof(struct article));

	if (a != NULL)
		a->words = words;
	return a;
}

static void
free_fields(struct article *a)
{
	size_t i;

	free(a->dateline);
	free(a->place);
	free(a->outlet);
	free(a->dateline_date);
	free(a->byline);
	free(a->creator);
	a->dateline = a->place = a->outlet = a->dateline_date = NULL;
	a->byline = a->creator = NULL;
	for (i = 0; i < a->ndates; i++)
		free(a->dates[i].text);
	free(a->dates);
	a->dates = NULL;
	a->ndates = 0;
	a->created[0] = '\0';
	a->lang[0] = '\0';
}

void
article_free(struct article *a)
{
	size_t i;

	if (a == NULL)
		return;
	free_fields(a);
	for (i = 0; i < a->npara; i++)
		free(a->paras[i]);
	free(a->paras);
	free(a->headline);
	for (i = 0; i < a->nwarnings; i++)
		free(a->warnings[i]);
	free(a->warnings);
	for (i = 0; i < a->ncredits; i++)
		free(a->credits[i]);
	free(a->credits);
	free(a);
}

/*
 * Makes room for element n of an array that holds n: the capacity is kept
 * implicitly as the smallest power of two (at least 8) not below the count,
 * so growing stays amortized linear without a capacity field.
 */
int
article_grow(void **arr, size_t n, size_t elsize)
{
	size_t cap;
	void *p;

	if (n >= 8 && (n & (n - 1)) != 0)
		return WARTA_OK;
	if (n > 0 && n < 8)
		return WARTA_OK;
	cap = n == 0 ? 8 : n * 2;
	if (cap > SIZE_MAX / elsize)
		return WARTA_FAILED;
	if ((p = realloc(*arr, cap * elsize)) == NULL)
		return WARTA_FAILED;
	*arr = p;
	return WARTA_OK;
}

char *
article_copy_span(const char *s, size_t n)
{
	char *p;

	if ((p = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int
article_add_para(struct article *a, const char *s, size_t n)
{
	char *p;

	if (article_grow((void **)&a->paras, a->npara, sizeof(char *)) != WARTA_OK)
		return WARTA_FAILED;
	if ((p = article_copy_span(s, n)) == NULL)
		return WARTA_FAILED;
	a->paras[a->npara++] = p;
	return WARTA_OK;
}

int
article_warn(struct article *a, const char *fmt, ...)
{
	char msg[512];
	char *p;
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (len < 0)
		return WARTA_FAILED;
	if (article_grow((void **)&a->warnings, a->nwarnings, sizeof(char *)) != WARTA_OK)
		return WARTA_FAILED;
	if ((p = article_copy_span(msg, strlen(msg))) == NULL)
		return WARTA_FAILED;
	a->warnings[a->nwarnings++] = p;
	return WARTA_OK;
}

/*
 * The date lines that open the text ("Friday 4 February 2005",
 * "Published: 2005/02/09 14:22:07 GMT", "Posted on Februari 21, 2017 by
 * RD") are the page's, not the body's:
 * once the dates are read (the own date is often theirs), they join the
 * credits, kept in the original like the byline.
 */
static int
take_date_lines(struct article *a, const struct wordlist *w)
{
	size_t k = 0;

	while (k < 2 && k + 1 < a->npara &&
	    (article_is_date_line(w, a->paras[k], strlen(a->paras[k])) ||
	    byline_posted_line(w, a->paras[k], strlen(a->paras[k]))))
		k++;
	return article_take_paras(a, 0, k);
}

int
article_parse(struct article *a, const char *lang_hint,
    struct warta_error *err)
{
	const struct wordlist *w = a->words;

	free_fields(a);
	/* the byline first: a byline line above the dateline is taken out,
	 * and the dateline then opens the body */
	if (parse_byline(a, w) != WARTA_OK ||
	    parse_dateline(a, w) != WARTA_OK ||
	    parse_dates(a, w) != WARTA_OK ||
	    take_date_lines(a, w) != WARTA_OK ||
	    parse_lang(a, w, lang_hint) != WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	return WARTA_OK;
}
