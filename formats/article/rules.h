/*
 * article/rules.h: the extraction rules, one module each, that
 * extract_text() (article/extract.c) runs over a text read into tokens
 * (article/tokens.h), in this order: what one rule marks on the tokens
 * (a person's name, an acronym the text defines) the next ones read.
 * article/extract.h says what each rule finds.  Each returns -1 only when
 * memory runs out; what it found is then freed with x.
 */
#ifndef WARTA_RULES_H
#define WARTA_RULES_H

#include "article/extract.h"
#include "article/tokens.h"

/* article/orgs.c: the acronyms the text defines, organizations or not
 * (d->orgs keeps them for find_orgs). */
int find_definitions(struct doc *d);

/* article/people.c */
int find_people(struct doc *d, struct extraction *x);

/* article/orgs.c: the organizations, into x. */
int find_orgs(struct doc *d, struct extraction *x);
void orgs_free(struct orgs *o);		/* NULL is a no-op */

/* article/places.c: the dateline's place (or NULL), then the gazetteer's. */
int find_places(struct doc *d, const char *dateline_place,
    struct extraction *x);

/* article/topics.c: the Media Topics. */
int find_subjects(struct doc *d, struct extraction *x);

/* article/weekdays.c: the dates a weekday alone gives, against pub_date
 * ("YYYY-MM-DD...", or NULL: none). */
int find_weekday_dates(struct doc *d, const char *pub_date,
    struct extraction *x);

/* article/summary.c: the lede. */
int find_summary(struct doc *d, struct extraction *x);

#endif
