/*
 * article/extract.c: the people, organizations, places, Media Topics, lede,
 * word count and weekday dates of one item's text, by rule (article/extract.h
 * says which rules): the text is read into tokens (article/tokens.c), then
 * each rule (article/rules.h) runs over them in turn.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article/extract.h"
#include "article/rules.h"
#include "article/tokens.h"
#include "base/warta.h"

void
extraction_free(struct extraction *x)
{
	size_t i, k;

	if (x == NULL)
		return;
	for (i = 0; i < x->npeople; i++)
		free(x->people[i]);
	free(x->people);
	free(x->people_rule);
	for (i = 0; i < x->norgs; i++)
		free(x->orgs[i]);
	free(x->orgs);
	free(x->orgs_rule);
	for (i = 0; i < x->nplaces; i++) {
		free(x->places[i].name);
		for (k = 0; k < x->places[i].nbroader; k++)
			free(x->places[i].broader[k]);
		for (k = 0; k < x->places[i].nwritten; k++)
			free(x->places[i].written[k]);
	}
	free(x->places);
	free(x->subjects);
	free(x->summary);
	for (i = 0; i < x->ndates; i++)
		free(x->dates[i]);
	free(x->dates);
	memset(x, 0, sizeof(*x));
}

int
extract_text(const struct lexicon *lex, const char *text, size_t len,
    const char *lang, const char *dateline_place, const char *pub_date,
    struct extraction *x, struct warta_error *err)
{
	struct doc d;
	int rc;

	memset(x, 0, sizeof(*x));
	if (len >= UINT32_MAX / 2)
		return warta_error_set(err, -1,
		    "text too long to extract from");
	rc = doc_read(&d, lex, text, len, lang);
	x->words = d.words;
	if (rc != 0 || find_definitions(&d) != 0 ||
	    find_people(&d, x) != 0 || find_orgs(&d, x) != 0 ||
	    find_places(&d, dateline_place, x) != 0 ||
	    find_subjects(&d, x) != 0 ||
	    find_weekday_dates(&d, pub_date, x) != 0 ||
	    find_summary(&d, x) != 0)
		rc = -1;
	orgs_free(d.orgs);
	doc_free(&d);
	if (rc != 0) {
		extraction_free(x);
		return warta_error_set(err, -1, "out of memory");
	}
	return WARTA_OK;
}
