/*
 * article/summary.c: the lede, the first sentence of the first paragraph
 * of prose after the headline and the dateline.
 */
#include <stdlib.h>
#include <string.h>

#include "article/article.h"
#include "article/rules.h"
#include "article/tokens.h"

#define SUMMARY_MAX 300		/* bytes of the lede before it is cut */

/*
 * The first sentence of the paragraph at token a: *end gets the token
 * past it, with its closing quotation marks.  Returns whether it is
 * prose: a blog's "Posted on Februari 21, 2017 by RD", a line of links in
 * capitals, are not.
 */
static int
prose_sentence(const struct doc *d, size_t a, size_t *end)
{
	size_t i, words = 0;
	int ended = 0, title = 1;

	*end = a;
	for (i = a; i < d->ntok; i++) {
		if (i > a && (d->tok[i].flags & F_PARA))
			break;
		*end = i + 1;
		if (d->tok[i].kind == TK_WORD) {
			words++;
			title &= (d->tok[i].flags & F_TITLE) != 0;
		}
		if (tok_sent_end(d, i)) {
			while (*end < d->ntok && d->tok[*end].kind == TK_PUNCT &&
			    !(d->tok[*end].flags & F_SPACE) &&
			    is_closing(d->tok[*end].cp))
				(*end)++;
			ended = 1;
			break;
		}
	}
	return !title && ((ended && words >= 4) || words >= 25);
}

/* Cuts s past SUMMARY_MAX bytes at a word, and ends it in "…". */
static void
cut_summary(char *s)
{
	size_t cut;

	if (strlen(s) <= SUMMARY_MAX)
		return;
	for (cut = SUMMARY_MAX; cut > 0 && s[cut] != ' '; cut--)
		;
	if (cut == 0)	/* one word of 300 bytes: at a character */
		for (cut = SUMMARY_MAX;
		    cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80; cut--)
			;
	while (cut > 0 && strchr(" ,;:-", s[cut - 1]) != NULL)
		cut--;
	memcpy(s + cut, "\xe2\x80\xa6", 4);	/* "…" and NUL */
}

int
find_summary(struct doc *d, struct extraction *x)
{
	size_t i, end = 0, a = 0, first, next;

	if ((i = doc_body_start(d)) >= d->ntok)
		return 0;
	/* the first sentence of the first paragraph that is prose */
	for (first = i; i < d->ntok; i = next) {
		a = i;
		if (prose_sentence(d, a, &end))
			break;
		for (next = end; next < d->ntok &&
		    !(d->tok[next].flags & F_PARA); next++)
			;
		if (next >= d->ntok) {
			/* none is: the first one, as it is */
			for (end = first; end < d->ntok &&
			    (end == first || !(d->tok[end].flags & F_PARA)) &&
			    !(end > first && tok_sent_end(d, end - 1)); end++)
				;
			a = first;
			break;
		}
	}
	if (end <= a)
		return 0;
	if ((x->summary = tok_copy(d, a, end)) == NULL)
		return -1;
	cut_summary(x->summary);
	return 0;
}
