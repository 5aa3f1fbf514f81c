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

/*
 * A dash separator ("-", "--", "–", "—") with a space on one side at
 * least, or the underscore old AP wire copy put for a dash, " _ ", with
 * spaces on both.
 */
static size_t
read_dash(const char *s, size_t n, size_t i)
{
	size_t j = scan_skip_spaces(s, n, i), k;
	int before = j > i;

	if (j < n && s[j] == '_' && before && j + 1 < n && s[j + 1] == ' ')
		k = j + 1;
	else if (j < n && s[j] == '-')
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

	/* a dot inside a word, "KOMPAS.com", not the full stop of an
	 * abbreviation, "Minn." */
	for (i = 0; i < n; i++)
		if ((s[i] == '.' && i + 1 < n && s[i + 1] != ' ') ||
		    scan_is_digit((unsigned char)s[i]))
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

/*
 * What may stand between the place and the bracketed outlet after a
 * comma: a date, "LONDON, Jan 5 (Reuters)", "CHICAGO, Feb 12, 1987
 * (Reuter)", or the region the place is in, "DHAKA, Bangladesh (AP)".
 * Returns where it ends, or 0; d gets the date.
 */
static size_t
paren_middle(const struct wordlist *w, const char *s, size_t n, size_t j,
    struct dateline *d)
{
	size_t k, end;
	int month, caps, letters;

	k = read_month_name(w, s, n, j, &month);
	if (k == 0) {
		/* a region: one or two capitalized words */
		if (!read_words(s, n, j, 2, 0, &end, &caps, &letters))
			return 0;
		return end;
	}
	if (k >= n || s[k] != ' ')
		return 0;
	d->date_start = j;
	k++;
	if (k >= n || !scan_is_digit((unsigned char)s[k]))
		return 0;
	for (end = k; end < n && scan_is_digit((unsigned char)s[end]) &&
	    end - k < 2; end++)
		;
	/* ", 1987": the year of 1980s wire copy */
	if (end + 6 <= n && s[end] == ',' && s[end + 1] == ' ' &&
	    scan_is_digit((unsigned char)s[end + 2]) &&
	    scan_is_digit((unsigned char)s[end + 5]) &&
	    (end + 6 == n || !scan_is_digit((unsigned char)s[end + 6])) &&
	    scan_is_digit((unsigned char)s[end + 3]) &&
	    scan_is_digit((unsigned char)s[end + 4]))
		end += 6;
	d->date_end = end;
	return end;
}

/* "Jakarta (ANTARA) -", "WASHINGTON (AP) —", "LONDON, Jan 5 (Reuters) -". */
static int
dateline_paren_outlet(const struct wordlist *w, const char *s, size_t n, struct dateline *d)
{
	size_t pend, j, k, ostart;
	int caps, letters;

	if (!read_words(s, n, 0, 4, 0, &pend, &caps, &letters))
		return 0;
	j = pend;
	d->date_start = d->date_end = 0;
	if (j + 1 < n && s[j] == ',' && s[j + 1] == ' ' &&
	    (j = paren_middle(w, s, n, j + 2, d)) == 0)
		return 0;
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

/* A word of s[0, n) that only outlets' names have: "News", "Post". */
static int
has_outlet_word(const struct wordlist *w, const char *s, size_t n)
{
	struct token t;
	size_t i = 0;

	while (i < n && scan_token(s, n, i, 0, &t)) {
		if (wordlist_find(w, s + t.start, t.end - t.start, NULL) &
		    W_OUTLET_WORD)
			return 1;
		i = scan_skip_spaces(s, n, t.end);
	}
	return 0;
}

/* Does s[0, n) hold a word in capitals of two letters or more ("CNN")? */
static int
has_acronym(const char *s, size_t n)
{
	struct token t;
	size_t i = 0;

	while (i < n && scan_token(s, n, i, 0, &t)) {
		if (t.letters >= 2 && scan_token_all_caps(&t))
			return 1;
		i = scan_skip_spaces(s, n, t.end);
	}
	return 0;
}

/* The separator after "PLACE, OUTLET" or "OUTLET, PLACE": a dash, or the
 * colon of the portal form "Liputan6.com, Jakarta:". */
static size_t
read_comma_sep(const char *s, size_t n, size_t i)
{
	size_t j;

	if ((j = read_dash(s, n, i)) != 0)
		return j;
	if (i < n && s[i] == ':' && i + 1 < n && s[i + 1] == ' ')
		return scan_skip_spaces(s, n, i + 1);
	return 0;
}

/*
 * "JAKARTA, KOMPAS.com -", "Liputan6.com, Jakarta:", "Jakarta, CNN
 * Indonesia --".  One side must name an outlet (a domain, a listed
 * outlet, a word such as "News"), or, after a known place or one in
 * capitals, hold an acronym: a list of two places is a sentence.
 */
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
	if ((j = read_comma_sep(s, n, bend)) == 0)
		return 0;
	a_out = is_outletish(w, s, aend) || has_outlet_word(w, s, aend);
	b_out = is_outletish(w, s + aend + 2, bend - aend - 2) ||
	    has_outlet_word(w, s + aend + 2, bend - aend - 2) ||
	    (!a_out && (acaps || is_known_place(w, s, aend)) &&
	    has_acronym(s + aend + 2, bend - aend - 2) &&
	    !is_known_place(w, s + aend + 2, bend - aend - 2));
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

/* "JAKARTA. ", "BANDA ACEH. ": one to three words in capitals, the last
 * closed by a full stop and a space; returns the end of the stop, or 0. */
static size_t
caps_place_stop(const struct wordlist *w, const char *s, size_t n, size_t i)
{
	struct token t;
	size_t start = i;
	int words = 0, letters = 0;

	while (words < 3 && scan_token(s, n, i, 0, &t) &&
	    scan_token_all_caps(&t)) {
		words++;
		letters += t.letters;
		if (t.dots > 0) {
			if (t.dots != 1 || s[t.end - 1] != '.' || t.end >= n ||
			    s[t.end] != ' ' || letters < 3 ||
			    is_outletish(w, s + start, t.end - 1 - start))
				return 0;
			return t.end;
		}
		if (t.end >= n || s[t.end] != ' ')
			return 0;
		i = t.end + 1;
	}
	return 0;
}

/*
 * "Liputan6.com -", "VIVA.co.id -": an outlet with a domain, no place;
 * or with the place after it, in capitals and closed by a full stop:
 * "KONTAN.CO.ID - JAKARTA.".
 */
static int
dateline_domain(const struct wordlist *w, const char *s, size_t n, struct dateline *d)
{
	struct token t;
	size_t j, pend;

	if (!scan_token(s, n, 0, 1, &t) || t.dots == 0 ||
	    s[t.end - 1] == '.')
		return 0;
	if ((j = read_dash(s, n, t.end)) == 0)
		return 0;
	d->outlet_start = 0, d->outlet_end = t.end;
	d->text_end = t.end;
	d->total = j;
	if ((pend = caps_place_stop(w, s, n, j)) != 0) {
		d->place_start = j, d->place_end = pend - 1;
		d->title_place = 1;
		d->text_end = pend - 1;
		d->total = scan_skip_spaces(s, n, pend);
	}
	return 1;
}

/*
 * Is s[i, n) the sentence a dateline opens, not the rest of a heading
 * ("EVENING REPORT -- TRANSCRIPT")?  It has a lower-case letter.
 */
static int
sentence_follows(const char *s, size_t n, size_t i)
{
	size_t clen;
	int32_t cp;

	for (; i < n; i += clen) {
		cp = scan_cp_at(s, n, i, &clen);
		if (utf8_is_letter((uint32_t)cp) && !utf8_is_upper((uint32_t)cp))
			return 1;
	}
	return 0;
}

/*
 * The weakest form, a place no list knows in title case before a dash,
 * "Ponorogo - Seorang warga ...": one or two words, not a small word,
 * month or weekday, a dash with a space on both sides, and a paragraph
 * of a few words after it that closes like a sentence, so that a title
 * glued to the text ("Bahaya Ikan Lele - Lele adalah ...") or a heading
 * ("Jokowi - Prabowo Bertemu") is not read as one.
 */
static int
unknown_place_ok(const struct wordlist *w, const char *s, size_t n,
    size_t pend, int words)
{
	struct token t;
	size_t i, e, dash = scan_skip_spaces(s, n, pend), k;
	int after = 0;

	if (words > 2 || dash == pend)
		return 0;
	scan_token(s, n, 0, 0, &t);
	if (t.letters < 3 || (wordlist_find(w, s, t.end, NULL) &
	    (W_STOP_ID | W_STOP_EN | W_MONTH | W_WEEKDAY | W_AUTHOR)))
		return 0;
	if ((i = read_dash(s, n, pend)) == 0 || s[i - 1] != ' ')
		return 0;
	for (k = i; k < n; k++)
		after += s[k] == ' ';
	for (e = n; e > i && s[e - 1] == ' '; e--)
		;
	if (after < 5 || e == i)
		return 0;
	return s[e - 1] == '.' || s[e - 1] == '!' || s[e - 1] == '?' ||
	    s[e - 1] == '"' || s[e - 1] == ')' || (e >= i + 3 &&
	    (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80 &&
	    (unsigned char)s[e - 1] == 0x9D);
}

/*
 * A bare place: "Jakarta -", "JAKARTA -", "Jakarta:", "Jakarta, Di ...".
 * The place must be a known city or in capitals; after a comma (no dash),
 * it must be followed by a capitalized word that is not itself a place
 * (which would make it a list of places, not a dateline), and an ALL CAPS
 * place must be two words or five letters, so that "KPK, Polri dan ..."
 * stays a sentence.  A listed outlet or a name such as "Garuda News"
 * before a dash is the outlet, with no place: "Dream - ...".  Any other
 * name in title case before a dash is a place only in the form
 * unknown_place_ok() allows: "Ponorogo -", "California -".
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
	if (!known && !(caps && letters >= 3) &&
	    ((wordlist_find(w, s, pend, NULL) & W_OUTLET) != 0 ||
	    has_outlet_word(w, s, pend)) && (j = read_dash(s, n, pend)) != 0) {
		d->outlet_start = 0, d->outlet_end = pend;
		d->text_end = pend;
		d->total = j;
		return 1;
	}
	if (!known && !(caps && letters >= 3) &&
	    !unknown_place_ok(w, s, n, pend, words))
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

typedef int (*dateline_form)(const struct wordlist *, const char *, size_t,
    struct dateline *);

static int
form_caps_outlet(const struct wordlist *w, const char *s, size_t n,
    struct dateline *d)
{
	(void)w;
	return dateline_caps_outlet(s, n, d);
}

/* The forms, the most particular first. */
static const dateline_form forms[] = {
	form_caps_outlet, dateline_paren_outlet, dateline_comma_outlet,
	dateline_domain, dateline_bare_place
};

static int
find_dateline(const struct wordlist *w, const char *s, size_t n, struct dateline *d)
{
	size_t i;

	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		memset(d, 0, sizeof(*d));
		if (forms[i](w, s, n, d)) {
			if (sentence_follows(s, n, d->total))
				return 1;
			break;
		}
	}
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

/* A token of a date line: a number or a time ("2005/02/09", "11:32am",
 * "3,"), a month or a weekday ("Mar", "Friday,"); 2 when it names a
 * month or weekday or is a date in figures, 1 for a number, else 0. */
static int
date_token(const struct wordlist *w, const char *s, size_t n)
{
	size_t i, digits = 0, letters = 0, seps = 0;

	while (n > 0 && (s[n - 1] == ',' || s[n - 1] == '.' || s[n - 1] == ':'))
		n--;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		digits += scan_is_digit(c);
		letters += scan_is_alpha(c) || c >= 0x80;
		seps += c == '/' || c == '-';
	}
	if (digits == 0)
		return (wordlist_find(w, s, n, NULL) & (W_MONTH | W_WEEKDAY)) ?
		    2 : 0;
	if (letters > 2)
		return 0;
	return digits >= 4 && seps >= 2 ? 2 : 1;
}

/*
 * "Friday 4 February 2005", "Published: 2005/02/09 14:22:07 GMT", "Thu
 * Mar 3, 2005 11:32am GMT", "Karanganyar, 14 Juli 2017": a short line
 * that does little but date the article, which web copy puts under (or
 * above) its title.  It is no title and opens no dateline.
 */
int
article_is_date_line(const struct wordlist *w, const char *s, size_t n)
{
	size_t i = 0, e;
	int tokens = 0, datey = 0, named = 0, k;

	if (n == 0 || n > 80)
		return 0;
	while (i < n) {
		for (e = i; e < n && s[e] != ' '; e++)
			;
		/* a label, "Published:", says what the date is: no count */
		if (e > i && s[e - 1] != ':') {
			if (++tokens > 8)
				return 0;
			k = date_token(w, s + i, e - i);
			datey += k > 0;
			named += k == 2;
		}
		i = e + 1;
	}
	return named > 0 && datey >= 2 && datey * 2 > tokens;
}

/*
 * The dateline opens the first paragraph of the body; a date line above
 * it ("Posted Friday, March 14, 2005") is passed over.
 */
int
parse_dateline(struct article *a, const struct wordlist *w)
{
	struct dateline d;
	const char *s;
	size_t i;

	for (i = 0; i < a->npara && i < 2; i++)
		if (!article_is_date_line(w, a->paras[i], strlen(a->paras[i])))
			break;
	if (i >= a->npara)
		return WARTA_OK;
	s = a->paras[i];
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
