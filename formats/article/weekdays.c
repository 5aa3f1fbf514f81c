/*
 * article/weekdays.c: the dates a text gives by a weekday alone ("Senin",
 * "last Monday"), the latest such day on or before the item's date.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article/rules.h"
#include "article/tokens.h"
#include "base/calendar.h"

/* pub_date's year, month and day (any day up to 31): 1, or 0 when it
 * is no "YYYY-MM-DD...". */
static int
parse_pub(const char *s, int *y, int *m, int *dd)
{
	int i;

	if (s == NULL || strlen(s) < 10)
		return 0;
	for (i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' :
		    (s[i] < '0' || s[i] > '9'))
			return 0;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*dd = (s[8] - '0') * 10 + (s[9] - '0');
	return *m >= 1 && *m <= 12 && *dd >= 1 && *dd <= 31;
}

/* Whether a date follows the weekday at i: "(10/8)", ", 10 Agustus",
 * ", Aug. 10", "10/8". */
static int
date_follows(const struct doc *d, size_t i)
{
	size_t j = i + 1;

	if (is_punct(d, j, '(') || is_punct(d, j, ','))
		j++;
	if (!is_word(d, j))
		return 0;
	if (d->tok[j].flags & F_DIGIT)
		return 1;
	if (cue1(d, j) & C_MONTH)
		return 1;
	return d->tok[j].low_len == 7 &&
	    memcmp(d->low + d->tok[j].low_off, "tanggal", 7) == 0;
}

/*
 * The weekday that token i names as a date, or -1: a capitalized weekday
 * with no date after it, that is no part of a name ("Jumat Agung",
 * "Black Friday") nor a day to come ("Senin depan").  *strict is set for
 * a day before ("Senin lalu", "last Monday").
 */
static int
weekday_at(const struct doc *d, size_t i, int *strict)
{
	const struct tok *t = &d->tok[i];
	const struct lex_entry *e;
	cue_set next, prev;

	if (t->cue_ent < 0 || t->cue_words != 1 || (t->flags & F_HEAD))
		return -1;
	e = &d->lex->ent[t->cue_ent];
	if (!(e->cue & C_WEEKDAY) || !(t->flags & F_CAP))
		return -1;
	/* "Minggu" is also "week" */
	if (e->weekday == 6 && t->low_len == 6 && (t->flags & F_SENT) &&
	    memcmp(d->low + t->low_off, "minggu", 6) == 0)
		return -1;
	if (date_follows(d, i))
		return -1;
	next = is_word(d, i + 1) ? cue1(d, i + 1) : 0;
	prev = i > 0 && is_word(d, i - 1) ? cue1(d, i - 1) : 0;
	if ((next & C_WDNEXT) || (prev & (C_WDNEXTBEFORE | C_WDNOT)))
		return -1;
	*strict = (next & C_WDLAST) || (prev & C_WDLASTBEFORE);
	if (is_word(d, i + 1) && (d->tok[i + 1].flags & F_CAP) &&
	    (d->tok[i + 1].flags & F_SPACE))
		return -1;
	if (i > 0 && is_word(d, i - 1) && (d->tok[i - 1].flags & F_CAP) &&
	    !(d->tok[i - 1].flags & F_SENT) && !(cue1(d, i - 1) &
	    (C_WEEKDAY | C_PLACECTX)))
		return -1;
	return e->weekday;
}

/* Adds iso to x's dates unless it is there; *cap is their room. */
static int
add_date(struct extraction *x, size_t *cap, const char *iso)
{
	char *s, **dates;
	size_t k;

	for (k = 0; k < x->ndates; k++)
		if (strcmp(x->dates[k], iso) == 0)
			return 0;
	if (x->ndates >= EXTRACT_MAX)
		return 0;
	if ((dates = extract_grow(x->dates, cap, x->ndates,
	    sizeof(*x->dates))) == NULL)
		return -1;
	x->dates = dates;
	if ((s = strdup(iso)) == NULL)
		return -1;
	x->dates[x->ndates++] = s;
	return 0;
}

int
find_weekday_dates(struct doc *d, const char *pub_date, struct extraction *x)
{
	size_t i, cap = 0;
	int pubwd, wd, strict, delta, y, m, dd;
	long pub;
	char iso[32];

	if (!parse_pub(pub_date, &y, &m, &dd))
		return 0;
	pub = cal_days_from_civil(y, m, dd);
	pubwd = cal_weekday(y, m, dd);
	for (i = 0; i < d->ntok; i++) {
		if ((wd = weekday_at(d, i, &strict)) < 0)
			continue;
		delta = (pubwd - wd + 7) % 7;
		if (strict && delta == 0)
			delta = 7;
		cal_civil_from_days(pub - delta, &y, &m, &dd);
		if (y < 0 || y > 9999)
			continue;
		snprintf(iso, sizeof(iso), "%04d-%02d-%02d", y, m, dd);
		if (add_date(x, &cap, iso) != 0)
			return -1;
	}
	return 0;
}
