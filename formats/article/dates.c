/*
 * article/dates.c: the dates an article writes ("Selasa (10/8/2021)", "10 Juni
 * 2021", "May 29, 1992"), resolved to ISO 8601, checked against their weekday.
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

/* 0 is Monday, as cal_weekday() and dates.tsv count. */
static const char *const weekday_en[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday"
};

/*
 * Reads a run of ASCII letters at i (and apostrophes inside it, for
 * "Jum'at" and "Jum’at"), lower-cased without the apostrophes into word.
 * Returns the end, or 0 when the run is too long to be a name.
 */
static size_t
read_name(const char *s, size_t n, size_t i, char *word, size_t wsize)
{
	size_t k = 0, clen;

	while (i < n) {
		if (scan_is_alpha((unsigned char)s[i])) {
			if (k + 1 >= wsize)
				return 0;
			word[k++] = (char)ascii_lower((unsigned char)s[i]);
			i++;
		} else if (k > 0 && s[i] == '\'' && i + 1 < n &&
		    scan_is_alpha((unsigned char)s[i + 1]))
			i++;
		else if (k > 0 && i + 3 < n &&
		    memcmp(s + i, "\xe2\x80\x99", 3) == 0 &&
		    scan_is_alpha((unsigned char)s[i + 3]))
			i += 3;
		else
			break;
	}
	/* "Mei" in "Meiß" is no month */
	if (k == 0 || (i < n && (unsigned char)s[i] >= 0x80 &&
	    utf8_is_letter((uint32_t)scan_cp_at(s, n, i, &clen))))
		return 0;
	word[k] = '\0';
	return i;
}

size_t
read_month_name(const struct wordlist *w, const char *s, size_t n, size_t i,
    int *month)
{
	const struct word *e;
	char word[16];
	size_t end;

	if ((end = read_name(s, n, i, word, sizeof(word))) == 0)
		return 0;
	if (!(wordlist_find(w, word, strlen(word), &e) & W_MONTH))
		return 0;
	*month = e->month;
	/* "Agt." "Sept." */
	if (strlen(word) <= 4 && end < n && s[end] == '.')
		end++;
	return end;
}

static size_t
read_weekday(const struct wordlist *w, const char *s, size_t n, size_t i,
    int *wd)
{
	const struct word *e;
	char word[16];
	size_t end;

	if ((end = read_name(s, n, i, word, sizeof(word))) == 0)
		return 0;
	if (!(wordlist_find(w, word, strlen(word), &e) & W_WEEKDAY))
		return 0;
	*wd = e->weekday;
	return end;
}

/* Exactly 1..maxd digits at i (not followed by another digit). */
static size_t
read_num(const char *s, size_t n, size_t i, int mind, int maxd, int *val)
{
	size_t k = i;
	int v = 0;

	while (k < n && scan_is_digit((unsigned char)s[k])) {
		if ((int)(k - i) >= maxd)
			return 0;
		v = v * 10 + (s[k] - '0');
		k++;
	}
	if ((int)(k - i) < mind)
		return 0;
	*val = v;
	return k;
}

/* A date of the calendar, in the years an archive's news can name. */
static int
valid_date(int y, int m, int d)
{
	return y >= 1600 && y <= 2999 && cal_valid_date(y, m, d);
}

struct found_date {
	int y, m, d;
	int wd;			/* the weekday written, or -1 */
	int alt_m, alt_d;	/* the month-first reading of a slash date */
	int slash;
};

/* The numeric part of a date at i, after any weekday.  Returns its end. */
static size_t
read_date_body(const struct wordlist *w, const char *s, size_t n, size_t i, struct found_date *f)
{
	size_t k, e;
	/* read_num() sets them only when it succeeds */
	int a = 0, b = 0, y = 0, m = 0;

	if (i >= n)
		return 0;
	if (scan_is_digit((unsigned char)s[i])) {
		/* 2021-08-10 */
		if ((k = read_num(s, n, i, 4, 4, &y)) != 0 && k < n &&
		    s[k] == '-' && (k = read_num(s, n, k + 1, 2, 2, &m)) != 0 &&
		    k < n && s[k] == '-' &&
		    (e = read_num(s, n, k + 1, 2, 2, &a)) != 0) {
			f->y = y, f->m = m, f->d = a;
			return e;
		}
		/* 10/8/2021 */
		if ((k = read_num(s, n, i, 1, 2, &a)) != 0 && k < n &&
		    s[k] == '/' && (k = read_num(s, n, k + 1, 1, 2, &b)) != 0 &&
		    k < n && s[k] == '/' &&
		    (e = read_num(s, n, k + 1, 4, 4, &y)) != 0) {
			f->y = y, f->d = a, f->m = b;
			f->alt_d = b, f->alt_m = a;
			f->slash = 1;
			return e;
		}
		/* 10 Agustus 2021 */
		if ((k = read_num(s, n, i, 1, 2, &a)) != 0 && k < n &&
		    s[k] == ' ' &&
		    (k = read_month_name(w, s, n, scan_skip_spaces(s, n, k), &m)) != 0 &&
		    k < n && s[k] == ' ' &&
		    (e = read_num(s, n, scan_skip_spaces(s, n, k), 4, 4, &y)) != 0) {
			f->y = y, f->m = m, f->d = a;
			return e;
		}
		return 0;
	}
	/* March 14, 2023 */
	if ((k = read_month_name(w, s, n, i, &m)) != 0 && k < n && s[k] == ' ' &&
	    (k = read_num(s, n, scan_skip_spaces(s, n, k), 1, 2, &a)) != 0) {
		if (k < n && s[k] == ',')
			k++;
		if (k < n && s[k] == ' ' &&
		    (e = read_num(s, n, scan_skip_spaces(s, n, k), 4, 4, &y)) != 0) {
			f->y = y, f->m = m, f->d = a;
			return e;
		}
	}
	return 0;
}

/*
 * The end of the run of ASCII letters (and inner apostrophes) at i; *plain
 * is set when there was no apostrophe, only letters.
 */
static size_t
letters_end(const char *s, size_t n, size_t i, int *plain)
{
	*plain = 1;
	while (i < n) {
		if (scan_is_alpha((unsigned char)s[i]))
			i++;
		else if (s[i] == '\'' && i + 1 < n &&
		    scan_is_alpha((unsigned char)s[i + 1])) {
			i++;
			*plain = 0;
		} else if (i + 3 < n && memcmp(s + i, "\xe2\x80\x99", 3) == 0 &&
		    scan_is_alpha((unsigned char)s[i + 3])) {
			i += 3;
			*plain = 0;
		} else
			break;
	}
	return i;
}

/* Is a digit next, after a word and ". , (" and spaces? */
static size_t
digit_follows(const char *s, size_t n, size_t k)
{
	if (k < n && s[k] == '.')
		k++;
	if (k < n && s[k] == ',')
		k++;
	k = scan_skip_spaces(s, n, k);
	if (k < n && s[k] == '(')
		k++;
	return k < n && scan_is_digit((unsigned char)s[k]);
}

/* A name-sized word s[start, end) with a number after it: "March 14". */
static int
number_after_word(const char *s, size_t n, size_t start, size_t end)
{
	return end - start >= 3 && end - start <= 12 &&
	    digit_follows(s, n, end);
}

/*
 * The word after the current one, as may_open_date() read it: the scan
 * comes to that word next, and would read it again.
 */
struct next_word {
	size_t start;		/* SIZE_MAX when nothing is kept */
	size_t end;		/* letters_end(start) */
	int plain;		/* and what it said of apostrophes */
	int number_after;	/* number_after_word(start, end) */
};

/*
 * Cheap test before the name look-ups: a word opens a date only when a
 * number follows it ("Selasa (10/8", "March 14") or a word that a number
 * follows ("Tuesday, March 14").  Most words fail at the first character
 * after them, which keeps the scan fast on long texts.
 *
 * *skip_from is where the scan may look for the end of the word's letters
 * and digits: past the letters read here when they were letters only.
 */
static int
may_open_date(const char *s, size_t n, size_t i, struct next_word *next,
    size_t *skip_from)
{
	size_t k, end;
	int plain, number_after;

	*skip_from = i;
	if (scan_is_digit((unsigned char)s[i]))
		return 1;
	if (next->start == i) {
		end = next->end;
		plain = next->plain;
		number_after = next->number_after;
	} else {
		end = letters_end(s, n, i, &plain);
		number_after = number_after_word(s, n, i, end);
	}
	if (plain)
		*skip_from = end;
	if (number_after)
		return 1;
	if (end - i < 3 || end - i > 12)
		return 0;
	k = end;
	if (k < n && s[k] == ',')
		k++;
	k = scan_skip_spaces(s, n, k);
	if (k >= n || !scan_is_alpha((unsigned char)s[k]))
		return 0;
	next->start = k;
	next->end = letters_end(s, n, k, &next->plain);
	next->number_after = number_after_word(s, n, k, next->end);
	return next->number_after;
}

/* A date at word start i, with an optional weekday before it. */
static size_t
read_date(const struct wordlist *w, const char *s, size_t n, size_t i, struct found_date *f)
{
	size_t k, e;
	int paren = 0;

	memset(f, 0, sizeof(*f));
	f->wd = -1;
	k = i;
	if (scan_is_alpha((unsigned char)s[i]) &&
	    (e = read_weekday(w, s, n, i, &f->wd)) != 0) {
		k = e;
		if (k < n && s[k] == ',')
			k++;
		k = scan_skip_spaces(s, n, k);
		if (k < n && s[k] == '(') {
			paren = 1;
			k++;
		}
	}
	/* a weekday with no date after it is an ordinary word */
	if ((e = read_date_body(w, s, n, k, f)) == 0)
		return 0;
	if (paren) {
		if (e >= n || s[e] != ')')
			return 0;
		e++;
	}
	return e;
}

static int
add_date(struct article *a, const char *s, size_t n, const struct found_date *f)
{
	struct article_date *d;
	int y = f->y, m = f->m, dd = f->d;
	int ok = valid_date(y, m, dd);
	int alt_ok = f->slash && valid_date(y, f->alt_m, f->alt_d) &&
	    f->alt_m != f->m;

	if (!ok && !alt_ok)
		return WARTA_OK;
	if (f->wd >= 0) {
		if (ok && cal_weekday(y, m, dd) == f->wd)
			;
		else if (alt_ok && cal_weekday(y, f->alt_m, f->alt_d) == f->wd)
			m = f->alt_m, dd = f->alt_d;
		else {
			if (!ok)
				m = f->alt_m, dd = f->alt_d;
			if (article_warn(a, "date '%.*s': the weekday does not "
			    "match %04d-%02d-%02d, a %s", (int)(n > 200 ? 200 : n),
			    s, y, m, dd, weekday_en[cal_weekday(y, m, dd)]) !=
			    WARTA_OK)
				return WARTA_FAILED;
		}
	} else if (!ok)
		m = f->alt_m, dd = f->alt_d;
	if (article_grow((void **)&a->dates, a->ndates, sizeof(*a->dates)) != WARTA_OK)
		return WARTA_FAILED;
	d = &a->dates[a->ndates];
	snprintf(d->iso, sizeof(d->iso), "%04d-%02d-%02d", y, m, dd);
	if ((d->text = article_copy_span(s, n)) == NULL)
		return WARTA_FAILED;
	a->ndates++;
	return WARTA_OK;
}

/* The end of the run of ASCII letters and digits at i. */
static size_t
alnum_end(const char *s, size_t n, size_t i)
{
	while (i < n && (scan_is_alpha((unsigned char)s[i]) ||
	    scan_is_digit((unsigned char)s[i])))
		i++;
	return i;
}

int
parse_dates(struct article *a, const struct wordlist *w)
{
	struct found_date f;
	struct next_word next;
	const char *s;
	size_t p, i, n, e, skip_from;

	for (p = 0; p < a->npara; p++) {
		s = a->paras[p];
		n = strlen(s);
		memset(&next, 0, sizeof(next));
		next.start = SIZE_MAX;
		i = 0;
		while (i < n) {
			unsigned char c = (unsigned char)s[i];

			if (!scan_is_digit(c) && !scan_is_alpha(c)) {
				i++;
				continue;
			}
			skip_from = i;
			if (scan_at_word_start(s, i) &&
			    may_open_date(s, n, i, &next, &skip_from) &&
			    (e = read_date(w, s, n, i, &f)) != 0) {
				if (add_date(a, s + i, e - i, &f) != WARTA_OK)
					return WARTA_FAILED;
				i = e;
				continue;
			}
			/* no word starts inside a run of letters and digits:
			 * the next place a date may open is after it */
			i = alnum_end(s, n, skip_from);
		}
	}
	return WARTA_OK;
}
