/*
 * article/dates.c: the dates an article writes ("Selasa (10/8/2021)", "10 Juni
 * 2021", "May 29, 1992"), resolved to ISO 8601, checked against their weekday,
 * and which of them is the article's own date (a->created).
 *
 * The own date files the item for ever (the guid, the bundle's
 * YYYY/MM/DD/), so a wrong one is worse than none: a date is taken only
 * where the way news is written says it is the day of the article, and
 * never when the words around it say it is another day's.  In that order:
 *
 *   1. A date line: a short paragraph that is a date and a few words, at
 *      the top (the headline and the first four paragraphs) or the end
 *      (the last two): "Friday 4 February 2005", "Published: 2005/02/09
 *      14:22:07 GMT", "By Alex Turner | 12 October 2005", a column's
 *      closing "Karanganyar, 14 Juli 2017".  Or the dateline's date, with
 *      its year: "CHICAGO, Feb 12, 1987 (Reuter) -", "Jakarta, Kamis
 *      (25/9/2014) -".  A wire dateline without a year ("LONDON, March 3
 *      (Reuters)") gives no date, but a date taken must have its day.
 *   2. A weekday and a date ("kata Budi, Selasa (10/8/2021)", "Selasa, 21
 *      Februari 2017"): Indonesian copy names the weekday for the days
 *      around the article's and dates what it reports so.  The first wins,
 *      one that follows no "pada"/"on" and no source ("dikutip dari BBC,
 *      Senin (...)", still the day the article quoted it) before one that
 *      does, and one in the first OPENING_PARAS paragraphs from the opening
 *      before one deep in the body, where background lives.
 *   3. A plain date after "pada"/"on" in the first sentence ("The central
 *      bank said on March 14, 2023 that ..."): the lede's event, the day of
 *      the article or the day before; taken only when nothing above is
 *      there.  Elsewhere a plain date is any day at all: a match played in
 *      1996, a post a hoax cites, a letter's date.
 *
 * Never taken, whatever the place: a date that a word before it in its
 * clause (six words at most) or right after it marks as another day
 * (data/dates.tsv: "lahir", "wafat", "born", "akan", "due", "until",
 * "sejak", "since", "by", "... mendatang", "... lalu", "... ago"), a plain
 * date after a source ("dikutip", "dilansir", "edisi", "tertanggal"), a date
 * whose weekday fits neither reading of it ("Senin (20/10/2026)", a
 * Tuesday: it is not known which part is wrong), a date that is not the
 * dateline's day, and a date no later than one the text puts in the past
 * ("Sabtu (11/11/2017) lalu": the article is later).  The rank decides
 * before these last checks: when the best date is doubted, none is taken,
 * as a worse one is no safer.  When the text names dates but none is
 * taken, a warning says why, naming the first few.
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
		/* 2005/02/09, as web pages stamp them: year first, so month
		 * before day */
		if ((k = read_num(s, n, i, 4, 4, &y)) != 0 && k < n &&
		    s[k] == '/' && (k = read_num(s, n, k + 1, 1, 2, &m)) != 0 &&
		    k < n && s[k] == '/' &&
		    (e = read_num(s, n, k + 1, 1, 2, &a)) != 0) {
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

/*
 * Appends the date f (written as s, n bytes) to a->dates, in the reading
 * its weekday fits.  *contradicted is set when the weekday fits neither
 * reading: the date is kept, with a warning, but is no one's own date.
 * Returns WARTA_FAILED only when memory runs out; *added is 0 when f is no
 * date of the calendar at all.
 */
static int
add_date(struct article *a, const char *s, size_t n,
    const struct found_date *f, int *added, int *contradicted)
{
	struct article_date *d;
	int y = f->y, m = f->m, dd = f->d;
	int ok = valid_date(y, m, dd);
	int alt_ok = f->slash && valid_date(y, f->alt_m, f->alt_d) &&
	    f->alt_m != f->m;

	*added = *contradicted = 0;
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
			*contradicted = 1;
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
	*added = 1;
	return WARTA_OK;
}

/* ---- which date is the article's own ---- */

/*
 * How far a date can be trusted to be the article's own day, best first;
 * of two dates of one rank the earlier is taken.
 */
enum own_rank {
	OWN_HEAD,		/* a date line, or the dateline's date */
	OWN_WEEKDAY,		/* "kata Budi, Selasa (10/8/2021)" */
	OWN_WEEKDAY_EVENT,	/* "pada Selasa (10/8/2021)", "dikutip X, Senin (...)" */
	OWN_WEEKDAY_DEEP,	/* either, OPENING_PARAS after the opening */
	OWN_LEDE,		/* "said on March 14, 2023" in the first sentence */
	OWN_NOT			/* never */
};

/* Why a date is not the article's own, for the warning. */
enum own_why {
	WHY_BODY,		/* a plain date in the body: the day of anything */
	WHY_CUE_BEFORE,		/* "lahir pada ...", "due ..." */
	WHY_CUE_AFTER		/* "... mendatang", "... lalu" */
};

#define CUE_WORDS 6		/* how far back a word may mark a date */
#define CUE_AFTER_WORDS 2	/* and forward */
#define CUE_WORD_MAX 24		/* longer runs are no word of the lists */
#define DATE_LINE_REST 48	/* bytes of a date line besides the date */
#define DATE_LINE_WORDS 5	/* and its words: "Last updated 10:45," */
#define DATELINE_PLACE 48	/* bytes before the dateline's date */
#define HEAD_PARAS 4		/* where date lines stand: the first four */
#define OPENING_PARAS 5		/* a weekday and date: from the opening on */
#define TAIL_PARAS 2		/* and the last two paragraphs */
#define LEDE_WORDS 12		/* the opening paragraph has that many words */
#define WHY_LISTED 3		/* dates the warning names */

/* Where a paragraph stands in the article. */
struct where {
	int head;		/* a date line may stand here */
	int opening;		/* the opening paragraph: dateline and lede */
	int deep;		/* OPENING_PARAS or more after the opening */
	size_t lede_end;	/* where its first sentence ends */
};

/* One date as judged. */
struct judged {
	size_t index;		/* in a->dates */
	enum own_rank rank;
	enum own_why why;
	const char *cue;	/* the word that marks it, in the paragraph */
	size_t cue_len;
	unsigned before;	/* the classes of the words before it */
	int past;		/* the article is later than this date */
	int contradicted;
	size_t start, end;	/* in its paragraph */
};

/* The choice so far, and what the warning will say if none is made. */
struct choice {
	int have;
	struct judged best;
	int have_past;
	struct judged past;	/* the latest date the text puts in the past */
	char why[320];
	size_t why_len;
	int listed, unlisted;
};

/*
 * Does s[i - 1] end a clause, looking back from i?  A comma or a full stop
 * does when a space follows it (spaced), not inside "1,000" or
 * "kompas.com".
 */
static int
clause_ends_before(const char *s, size_t i, int spaced)
{
	unsigned char c = (unsigned char)s[i - 1];

	if (c == '(' || c == ')' || c == '"' || c == '|')
		return 1;
	if (c == ',' || c == ';' || c == ':' || c == '.' || c == '!' ||
	    c == '?')
		return spaced;
	/* a dash, " - " or "--", but not the hyphen of "2-0" */
	if (c == '-')
		return i < 2 || s[i - 2] == ' ' || s[i - 2] == '-';
	/* “ ” – — */
	return i >= 3 && (unsigned char)s[i - 3] == 0xe2 &&
	    (unsigned char)s[i - 2] == 0x80 &&
	    (c == 0x93 || c == 0x94 || c == 0x9c || c == 0x9d);
}

/* The classes of a word s[start, end) when it is one of ASCII letters. */
static unsigned
word_classes(const struct wordlist *w, const char *s, size_t start,
    size_t end)
{
	size_t k;

	for (k = start; k < end; k++)
		if (!scan_is_alpha((unsigned char)s[k]))
			return 0;
	return wordlist_find(w, s + start, end - start, NULL);
}

/*
 * The cue classes of the words before a date at start, in its clause: back
 * over the comma or parenthesis that attaches it ("katanya, Selasa (...)",
 * "(Selasa, 21/02/2017)"), then at most CUE_WORDS words, up to the
 * punctuation that ends a clause.  A word with a number after it is about
 * that number ("naik hingga 37,8 persen pada Minggu (31/1/2016)", "rose by
 * 3 percent on ..."), not the date.  j->cue gets the nearest word that
 * marks the date as not the article's own or as cited.
 */
static unsigned
cue_before(const struct wordlist *w, const char *s, size_t start,
    struct judged *j)
{
	size_t i = start, end;
	unsigned found = 0, cls;
	int words, number_next = 0;

	while (i > 0 && s[i - 1] == ' ')
		i--;
	if (i > 0 && (s[i - 1] == ',' || s[i - 1] == '('))
		i--;
	for (words = 0; words < CUE_WORDS; words++) {
		while (i > 0 && s[i - 1] == ' ')
			i--;
		if (i == 0 || clause_ends_before(s, i, s[i] == ' '))
			break;
		end = i;
		while (i > 0 && s[i - 1] != ' ' &&
		    !clause_ends_before(s, i, 0) && end - i <= CUE_WORD_MAX)
			i--;
		if (end - i > CUE_WORD_MAX)
			break;
		cls = number_next ? 0 : word_classes(w, s, i, end) &
		    (W_NOT_OWN | W_PAST | W_CITED | W_EVENT);
		number_next = scan_is_digit((unsigned char)s[i]);
		if ((cls & (W_NOT_OWN | W_PAST | W_CITED)) != 0 &&
		    (found & (W_NOT_OWN | W_PAST | W_CITED)) == 0) {
			j->cue = s + i;
			j->cue_len = end - i;
		}
		found |= cls;
	}
	return found;
}

/*
 * The class of a word right after the date that marks it ("24 April 2018
 * mendatang", "20 Oktober 2015 lalu"), or 0.
 */
static unsigned
cue_after(const struct wordlist *w, const char *s, size_t n, size_t end,
    struct judged *j)
{
	size_t i = end, k;
	unsigned cls;
	int words;

	for (words = 0; words < CUE_AFTER_WORDS; words++) {
		i = scan_skip_spaces(s, n, i);
		for (k = i; k < n && scan_is_alpha((unsigned char)s[k]) &&
		    k - i <= CUE_WORD_MAX; k++)
			;
		if (k == i || k - i > CUE_WORD_MAX)
			return 0;
		cls = word_classes(w, s, i, k) &
		    (W_NOT_OWN_AFTER | W_PAST_AFTER);
		if (cls != 0) {
			j->cue = s + i;
			j->cue_len = k - i;
			return cls;
		}
		i = k;
	}
	return 0;
}

/*
 * Is the date at s[start, end) the dateline's: "CHICAGO, Feb 12, 1987
 * (Reuter) -", "Jakarta, Kamis (25/9/2014) -"?  A place of a few
 * capitalized words before it, and the outlet or the dash after it.
 */
static int
at_dateline(const char *s, size_t n, size_t start, size_t end)
{
	size_t i;
	int words = 0, word_start = 1;

	if (start == 0 || start > DATELINE_PLACE)
		return 0;
	for (i = 0; i < start; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == ',') {
			word_start = 1;
			continue;
		}
		if (word_start) {
			if (++words > 4 || (c < 0x80 && !(c >= 'A' && c <= 'Z')))
				return 0;
			word_start = 0;
		} else if (c < 0x80 && !scan_is_alpha(c) && c != '.' &&
		    c != '-' && c != '\'')
			return 0;
	}
	i = scan_skip_spaces(s, n, end);
	if (i >= n)
		return 0;
	return s[i] == '(' || s[i] == '-' || s[i] == ':' ||
	    (i + 2 < n && (unsigned char)s[i] == 0xe2 &&
	    (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94));
}

/*
 * Is the paragraph s (n bytes), whose one date is s[start, end), a date
 * line: the date and a few words ("Friday 4 February 2005", "Published:
 * 2005/02/09 14:22:07 GMT", "By Alex Turner | 12 October 2005",
 * "Karanganyar, 14 Juli 2017")?
 */
static int
date_line(const char *s, size_t n, size_t start, size_t end)
{
	size_t i;
	int words = 0, lower = 0, in_word = 0;

	if (n - (end - start) > DATE_LINE_REST)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c;

		if (i == start) {
			in_word = 0;
			if ((i = end) >= n)
				break;
		}
		c = (unsigned char)s[i];
		if (c == ' ' || c == '|' || c == '-' || c == ':' || c == ',') {
			in_word = 0;
			continue;
		}
		if (!in_word) {
			words++;
			/* "Last updated", but not a sentence: "It rained on" */
			lower += c >= 'a' && c <= 'z';
		}
		in_word = 1;
	}
	return words <= DATE_LINE_WORDS && lower <= 1;
}

/*
 * Where the first sentence of s ends: at a full stop, question or
 * exclamation mark before a space and no small letter or digit, or the end
 * ("Aug. 3" and "3.1 percent" go on).  An abbreviation ("Mr. Smith") ends it
 * early, which only makes a date there a date of the body.
 */
static size_t
lede_end(const char *s, size_t n)
{
	size_t i, k;

	for (i = 1; i < n; i++) {
		if (s[i] != '.' && s[i] != '!' && s[i] != '?')
			continue;
		if (i + 1 < n && s[i + 1] != ' ')
			continue;
		k = scan_skip_spaces(s, n, i + 1);
		if (k >= n || !(scan_is_digit((unsigned char)s[k]) ||
		    (s[k] >= 'a' && s[k] <= 'z')))
			return i;
	}
	return n;
}

/* Has s at least LEDE_WORDS words? */
static int
long_enough(const char *s)
{
	int words = 0;
	size_t i;

	for (i = 0; s[i] != '\0' && words < LEDE_WORDS; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
			words++;
	return words >= LEDE_WORDS;
}

/*
 * The opening paragraph, where the dateline and the first sentence are: the
 * first of the first HEAD_PARAS paragraphs long enough to be one (a
 * headline, a byline and a date line come before it), else the first.
 */
static size_t
opening_para(const struct article *a)
{
	size_t p;

	for (p = 0; p < a->npara && p < HEAD_PARAS; p++)
		if (long_enough(a->paras[p]))
			return p;
	return 0;
}

/*
 * How far the date at s[start, end) (read as f) can be the article's own,
 * by where it stands and the words around it; a date line is known only
 * when its paragraph is read to the end (take_first()).
 */
static void
judge(const struct wordlist *w, const struct where *at, const char *s,
    size_t n, const struct found_date *f, struct judged *j)
{
	unsigned before = cue_before(w, s, j->start, j), after;

	j->before = before;
	if (before & (W_NOT_OWN | W_PAST)) {
		j->rank = OWN_NOT, j->why = WHY_CUE_BEFORE;
		j->past = (before & W_PAST) != 0;
		return;
	}
	if ((after = cue_after(w, s, n, j->end, j)) != 0) {
		j->rank = OWN_NOT, j->why = WHY_CUE_AFTER;
		j->past = (after & W_PAST_AFTER) != 0;
		return;
	}
	if (at->opening && at_dateline(s, n, j->start, j->end))
		j->rank = OWN_HEAD;
	else if (f->wd >= 0 && at->deep)
		j->rank = OWN_WEEKDAY_DEEP;
	else if (f->wd >= 0)
		j->rank = before & (W_EVENT | W_CITED) ? OWN_WEEKDAY_EVENT :
		    OWN_WEEKDAY;
	else if (at->opening && j->start < at->lede_end &&
	    (before & (W_EVENT | W_CITED)) == W_EVENT)
		j->rank = OWN_LEDE;
	else {
		j->rank = OWN_NOT;
		j->why = before & W_CITED ? WHY_CUE_BEFORE : WHY_BODY;
	}
}

/* Adds "'TEXT' REASON" to the list of dates not taken. */
static void
list_why(struct choice *c, const struct article *a, const struct judged *j)
{
	const char *text = a->dates[j->index].text;
	int len;

	if (c->listed >= WHY_LISTED) {
		c->unlisted++;
		return;
	}
	if (j->why == WHY_BODY)
		len = snprintf(c->why + c->why_len, sizeof(c->why) - c->why_len,
		    "%s'%.60s' is in the body", c->listed ? ", " : "", text);
	else
		len = snprintf(c->why + c->why_len, sizeof(c->why) - c->why_len,
		    "%s'%.60s' %s '%.*s'", c->listed ? ", " : "", text,
		    j->why == WHY_CUE_BEFORE ? "follows" : "is followed by",
		    (int)j->cue_len, j->cue);
	if (len < 0 || (size_t)len >= sizeof(c->why) - c->why_len) {
		c->why[c->why_len] = '\0';
		c->unlisted++;
		return;
	}
	c->why_len += (size_t)len;
	c->listed++;
}

/* Weighs one judged date against the choice so far. */
static void
consider(struct choice *c, const struct article *a, const struct judged *j)
{
	if (j->past && (!c->have_past || strcmp(a->dates[j->index].iso,
	    a->dates[c->past.index].iso) > 0)) {
		c->have_past = 1;
		c->past = *j;
	}
	if (j->rank == OWN_NOT)
		list_why(c, a, j);
	else if (!c->have || j->rank < c->best.rank) {
		c->have = 1;
		c->best = *j;
	}
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

/*
 * The first date of a paragraph, judged again once the paragraph is read:
 * alone in a short paragraph at the top or the end, and marked by no word,
 * it is a date line; so is a blog's that ends in its author ("Posted on
 * Februari 21, 2017 by RD").
 */
static void
take_first(struct choice *c, const struct article *a,
    const struct wordlist *w, const struct where *at, const char *s,
    size_t n, struct judged *first)
{
	if (at->head && first->why == WHY_BODY &&
	    (first->before & W_CITED) == 0 &&
	    (date_line(s, n, first->start, first->end) ||
	    byline_posted_line(w, s, n)))
		first->rank = OWN_HEAD;
	consider(c, a, first);
}

/* Reads the dates of one paragraph s into a->dates and weighs them. */
static int
para_dates(struct article *a, const struct wordlist *w, const char *s,
    const struct where *at, struct choice *c)
{
	struct found_date f;
	struct next_word next;
	struct judged j, first;
	size_t i, n = strlen(s), e, skip_from, count = 0;
	int added;

	memset(&next, 0, sizeof(next));
	memset(&first, 0, sizeof(first));
	next.start = SIZE_MAX;
	i = 0;
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];

		if (!scan_is_digit(ch) && !scan_is_alpha(ch)) {
			i++;
			continue;
		}
		skip_from = i;
		if (scan_at_word_start(s, i) &&
		    may_open_date(s, n, i, &next, &skip_from) &&
		    (e = read_date(w, s, n, i, &f)) != 0) {
			memset(&j, 0, sizeof(j));
			if (add_date(a, s + i, e - i, &f, &added,
			    &j.contradicted) != WARTA_OK)
				return WARTA_FAILED;
			if (added) {
				j.index = a->ndates - 1;
				j.start = i, j.end = e;
				j.why = WHY_BODY;
				judge(w, at, s, n, &f, &j);
				if (count == 1)
					consider(c, a, &first);
				if (count++ == 0)
					first = j;
				else
					consider(c, a, &j);
			}
			i = e;
			continue;
		}
		/* no word starts inside a run of letters and digits:
		 * the next place a date may open is after it */
		i = alnum_end(s, n, skip_from);
	}
	if (count == 1)
		take_first(c, a, w, at, s, n, &first);
	return WARTA_OK;
}

/*
 * Does the day and month of the dateline ("LONDON, March 3 (Reuters)"),
 * where it has one, agree with iso?
 */
static int
dateline_agrees(const struct article *a, const struct wordlist *w,
    const char *iso)
{
	const char *s = a->dateline_date;
	size_t n, k;
	int m = 0, d = 0;

	if (s == NULL)
		return 1;
	n = strlen(s);
	if ((k = read_month_name(w, s, n, 0, &m)) != 0) {
		if (read_num(s, n, scan_skip_spaces(s, n, k), 1, 2, &d) == 0)
			return 1;
	} else if ((k = read_num(s, n, 0, 1, 2, &d)) == 0 ||
	    read_month_name(w, s, n, scan_skip_spaces(s, n, k), &m) == 0)
		return 1;
	return m == atoi(iso + 5) && d == atoi(iso + 8);
}

/*
 * Sets a->created to the date chosen, or warns why there is none when the
 * text names dates but none can be trusted.
 */
static int
settle(struct article *a, const struct wordlist *w, const struct choice *c)
{
	const struct article_date *d;
	char doubt[256] = "", more[32] = "";

	if (c->have) {
		d = &a->dates[c->best.index];
		if (c->best.contradicted)
			snprintf(doubt, sizeof(doubt), "the weekday of '%.60s' "
			    "does not match it", d->text);
		else if (!dateline_agrees(a, w, d->iso))
			snprintf(doubt, sizeof(doubt), "'%.60s' is not the "
			    "dateline's '%.20s'", d->text, a->dateline_date);
		else if (c->have_past && strcmp(d->iso,
		    a->dates[c->past.index].iso) <= 0)
			snprintf(doubt, sizeof(doubt), "'%.60s' is not later "
			    "than '%.60s', a day before the article's", d->text,
			    a->dates[c->past.index].text);
		else {
			memcpy(a->created, d->iso, sizeof(a->created));
			return WARTA_OK;
		}
	}
	if (a->ndates == 0 || a->date_stated)
		return WARTA_OK;
	if (c->unlisted > 0)
		snprintf(more, sizeof(more), ", and %d more", c->unlisted);
	return article_warn(a, "no date of its own: %s%s%s%s", doubt,
	    doubt[0] != '\0' && c->why_len > 0 ? ", " : "", c->why, more);
}

int
parse_dates(struct article *a, const struct wordlist *w)
{
	struct choice c;
	struct where at;
	size_t p, opening = opening_para(a);

	memset(&c, 0, sizeof(c));
	memset(&at, 0, sizeof(at));
	a->created[0] = '\0';
	/* a headline that is a date line: "Thu Mar 3, 2005 11:32am GMT" */
	at.head = 1;
	if (a->headline != NULL &&
	    para_dates(a, w, a->headline, &at, &c) != WARTA_OK)
		return WARTA_FAILED;
	for (p = 0; p < a->npara; p++) {
		at.head = p < HEAD_PARAS || p + TAIL_PARAS >= a->npara;
		at.opening = p == opening;
		at.deep = p >= opening + OPENING_PARAS;
		at.lede_end = at.opening ?
		    lede_end(a->paras[p], strlen(a->paras[p])) : 0;
		if (para_dates(a, w, a->paras[p], &at, &c) != WARTA_OK)
			return WARTA_FAILED;
	}
	return settle(a, w, &c);
}
