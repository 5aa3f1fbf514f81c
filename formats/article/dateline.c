/*
 * article/dateline.c: the dateline that opens an article: "SEMARANG-MARITIM:",
 * "JAKARTA, KOMPAS.com -", "HOUSTON (AP) --": its place, outlet and date.
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

struct dateline {
	size_t text_end;		/* the dateline as written: s[0, text_end) */
	size_t place_start, place_end;
	size_t outlet_start, outlet_end;
	size_t date_start, date_end;
	int title_place, title_outlet;
	size_t total;			/* with separator and spaces */
};

/* Up to maxw capitalized tokens separated by single spaces. */
static int
read_words(const char *s, size_t n, size_t i, int maxw, int with_digits,
    size_t *end, int *all_caps, int *nletters)
{
	struct token t;
	size_t j = i, last = i;
	int w = 0, caps = 1, letters = 0;

	while (w < maxw && scan_token(s, n, j, with_digits, &t)) {
		if (!t.first_upper && !(with_digits && t.dots > 0))
			break;
		caps = caps && scan_token_all_caps(&t);
		letters += t.letters;
		last = t.end;
		w++;
		if (t.end >= n || s[t.end] != ' ' || t.end + 1 >= n)
			break;
		j = t.end + 1;
	}
	if (w == 0)
		return 0;
	*end = last;
	*all_caps = caps;
	*nletters = letters;
	return w;
}

/* A dash separator ("-", "--", "–", "—") with a space on one side at least. */
static size_t
read_dash(const char *s, size_t n, size_t i)
{
	size_t j = scan_skip_spaces(s, n, i), k;
	int before = j > i;

	if (j < n && s[j] == '-')
		k = j + 1 + (j + 1 < n && s[j + 1] == '-');
	else if (j + 2 < n && memcmp(s + j, "\xe2\x80\x93", 3) == 0)
		k = j + 3;
	else if (j + 2 < n && memcmp(s + j, "\xe2\x80\x94", 3) == 0)
		k = j + 3;
	else
		return 0;
	if (!before && (k >= n || s[k] != ' '))
		return 0;
	return scan_skip_spaces(s, n, k);
}

static int
is_known_place(const struct wordlist *w, const char *s, size_t n)
{
	size_t i;

	if (wordlist_find(w, s, n, NULL) & W_PLACE)
		return 1;
	/* "Jakarta Selatan", "Bandung Barat" */
	for (i = 0; i < n && s[i] != ' '; i++)
		;
	return i < n && (wordlist_find(w, s, i, NULL) & W_PLACE);
}

static int
is_outletish(const struct wordlist *w, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '.' || scan_is_digit((unsigned char)s[i]))
			return 1;
	return (wordlist_find(w, s, n, NULL) & W_OUTLET) != 0;
}

/* Letters in s all capitals (other characters ignored), at least two. */
static int
all_caps_span(const char *s, size_t n)
{
	size_t i, clen;
	int32_t cp;
	int letters = 0;

	for (i = 0; i < n; i += clen) {
		cp = scan_cp_at(s, n, i, &clen);
		if (!utf8_is_letter((uint32_t)cp))
			continue;
		if (!utf8_is_upper((uint32_t)cp))
			return 0;
		letters++;
	}
	return letters >= 2;
}

/* "PLACE-OUTLET:", all capitals: "SEMARANG-MARITIM:". */
static int
dateline_caps_outlet(const char *s, size_t n, struct dateline *d)
{
	struct token t;
	size_t pend, j;
	int caps, letters;

	if (!read_words(s, n, 0, 3, 0, &pend, &caps, &letters) || !caps)
		return 0;
	if (pend >= n || s[pend] != '-')
		return 0;
	j = pend + 1;
	if (!scan_token(s, n, j, 1, &t) || !scan_token_all_caps(&t))
		return 0;
	if (t.end >= n || s[t.end] != ':')
		return 0;
	d->place_start = 0, d->place_end = pend;
	d->outlet_start = j, d->outlet_end = t.end;
	d->title_place = d->title_outlet = 1;
	d->text_end = t.end;
	d->total = scan_skip_spaces(s, n, t.end + 1);
	return 1;
}

/* "Jakarta (ANTARA) -", "WASHINGTON (AP) —", "LONDON, Jan 5 (Reuters) -". */
static int
dateline_paren_outlet(const struct wordlist *w, const char *s, size_t n, struct dateline *d)
{
	size_t pend, j, k, ostart;
	int caps, letters, month;

	if (!read_words(s, n, 0, 4, 0, &pend, &caps, &letters))
		return 0;
	j = pend;
	d->date_start = d->date_end = 0;
	if (j + 1 < n && s[j] == ',' && s[j + 1] == ' ') {
		k = read_month_name(w, s, n, j + 2, &month);
		if (k == 0 || k >= n || s[k] != ' ')
			return 0;
		d->date_start = j + 2;
		k++;
		if (k >= n || !scan_is_digit((unsigned char)s[k]))
			return 0;
		while (k < n && scan_is_digit((unsigned char)s[k]) && k - j < 16)
			k++;
		d->date_end = k;
		j = k;
	}
	if (j + 1 >= n || s[j] != ' ' || s[j + 1] != '(')
		return 0;
	ostart = j + 2;
	for (k = ostart; k < n && k - ostart <= 40 && s[k] != ')' &&
	    s[k] != '('; k++)
		;
	if (k >= n || s[k] != ')' || k == ostart ||
	    !utf8_is_upper((uint32_t)(unsigned char)s[ostart]))
		return 0;
	if ((j = read_dash(s, n, k + 1)) == 0)
		return 0;
	/* "Presiden Joko Widodo (Jokowi) - ..." is a sentence: the place or
	 * the outlet must look like one */
	if (!caps && !is_known_place(w, s, pend) &&
	    !is_outletish(w, s + ostart, k - ostart) &&
	    !all_caps_span(s + ostart, k - ostart))
		return 0;
	d->place_start = 0, d->place_end = pend;
	d->outlet_start = ostart, d->outlet_end = k;
	d->title_place = caps;
	d->text_end = k + 1;
	d->total = j;
	return 1;
}

/* "JAKARTA, KOMPAS.com -" or "Liputan6.com, Jakarta -". */
static int
dateline_comma_outlet(const struct wordlist *w, const char *s, size_t n, struct dateline *d)
{
	size_t aend, bend, j;
	int acaps, bcaps, al, bl, a_out, b_out;

	if (!read_words(s, n, 0, 3, 1, &aend, &acaps, &al))
		return 0;
	if (aend + 1 >= n || s[aend] != ',' || s[aend + 1] != ' ')
		return 0;
	if (!read_words(s, n, aend + 2, 3, 1, &bend, &bcaps, &bl))
		return 0;
	if ((j = read_dash(s, n, bend)) == 0)
		return 0;
	a_out = is_outletish(w, s, aend);
	b_out = is_outletish(w, s + aend + 2, bend - aend - 2);
	/* one side must name an outlet, or it is a sentence */
	if (!a_out && !b_out)
		return 0;
	if (a_out && !b_out) {
		d->outlet_start = 0, d->outlet_end = aend;
		d->place_start = aend + 2, d->place_end = bend;
		d->title_place = bcaps;
	} else {
		d->place_start = 0, d->place_end = aend;
		d->outlet_start = aend + 2, d->outlet_end = bend;
		d->title_place = acaps;
	}
	if (is_outletish(w, s + d->place_start, d->place_end - d->place_start))
		return 0;
	d->text_end = bend;
	d->total = j;
	return 1;
}

/* "Liputan6.com -", "VIVA.co.id -": an outlet with a domain, no place. */
static int
dateline_domain(const char *s, size_t n, struct dateline *d)
{
	struct token t;
	size_t j;

	if (!scan_token(s, n, 0, 1, &t) || t.dots == 0 ||
	    s[t.end - 1] == '.')
		return 0;
	if ((j = read_dash(s, n, t.end)) == 0)
		return 0;
	d->outlet_start = 0, d->outlet_end = t.end;
	d->text_end = t.end;
	d->total = j;
	return 1;
}

/*
 * A bare place: "Jakarta -", "JAKARTA -", "Jakarta:", "Jakarta, Di ...".
 * The place must be a known city or in capitals; after a comma (no dash),
 * it must be followed by a capitalized word that is not itself a place
 * (which would make it a list of places, not a dateline), and an ALL CAPS
 * place must be two words or five letters, so that "KPK, Polri dan ..."
 * stays a sentence.
 */
static int
dateline_bare_place(const struct wordlist *w, const char *s, size_t n, struct dateline *d)
{
	struct token t;
	size_t pend, j;
	int caps, letters, words, known;

	if ((words = read_words(s, n, 0, 3, 0, &pend, &caps, &letters)) == 0)
		return 0;
	known = is_known_place(w, s, pend);
	if (!known && !(caps && letters >= 3))
		return 0;
	d->place_start = 0, d->place_end = pend;
	d->title_place = caps;
	d->text_end = pend;
	if ((j = read_dash(s, n, pend)) != 0) {
		d->total = j;
		return 1;
	}
	if (pend < n && s[pend] == ':' && known &&
	    (pend + 1 >= n || s[pend + 1] == ' ')) {
		d->total = scan_skip_spaces(s, n, pend + 1);
		return 1;
	}
	if (pend + 1 < n && s[pend] == ',' && s[pend + 1] == ' ' &&
	    (known || words > 1 || letters >= 5)) {
		j = pend + 2;
		if (!scan_token(s, n, j, 0, &t) || !t.first_upper)
			return 0;
		if (is_known_place(w, s + j, t.end - j))
			return 0;
		d->total = j;
		return 1;
	}
	return 0;
}

static int
find_dateline(const struct wordlist *w, const char *s, size_t n, struct dateline *d)
{
	memset(d, 0, sizeof(*d));
	if (dateline_caps_outlet(s, n, d))
		return 1;
	memset(d, 0, sizeof(*d));
	if (dateline_paren_outlet(w, s, n, d))
		return 1;
	memset(d, 0, sizeof(*d));
	if (dateline_comma_outlet(w, s, n, d))
		return 1;
	memset(d, 0, sizeof(*d));
	if (dateline_domain(s, n, d))
		return 1;
	memset(d, 0, sizeof(*d));
	if (dateline_bare_place(w, s, n, d))
		return 1;
	memset(d, 0, sizeof(*d));
	return 0;
}

size_t
article_dateline_len(const struct wordlist *w, const char *s, size_t n)
{
	struct dateline d;

	return find_dateline(w, s, n, &d) ? d.total : 0;
}

static int
set_span(char **dst, const char *s, size_t start, size_t end, int title)
{
	if (end <= start)
		return WARTA_OK;
	*dst = title ? scan_title_case(s + start, end - start) :
	    article_copy_span(s + start, end - start);
	return *dst == NULL ? WARTA_FAILED : WARTA_OK;
}

int
parse_dateline(struct article *a, const struct wordlist *w)
{
	struct dateline d;
	const char *s;

	if (a->npara == 0)
		return WARTA_OK;
	s = a->paras[0];
	if (!find_dateline(w, s, strlen(s), &d))
		return WARTA_OK;
	if (set_span(&a->dateline, s, 0, d.text_end, 0) != WARTA_OK ||
	    set_span(&a->place, s, d.place_start, d.place_end,
	    d.title_place) != WARTA_OK ||
	    set_span(&a->outlet, s, d.outlet_start, d.outlet_end,
	    d.title_outlet) != WARTA_OK ||
	    set_span(&a->dateline_date, s, d.date_start, d.date_end,
	    0) != WARTA_OK)
		return WARTA_FAILED;
	return WARTA_OK;
}
