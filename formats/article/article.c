/*
 * article/article.c: one article's paragraphs, and what they say about themselves:
 * the dateline (place, outlet), the byline (creator), the dates written in
 * the text and the language.  The paragraphs are only read, never changed:
 * metadata is extracted, the body stays as written.
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
	free(a);
}

/*
 * Makes room for element n of an array that holds n: the capacity is kept
 * implicitly as the smallest power of two (at least 8) not below the count,
 * so growing stays amortized linear without a capacity field.
 */
static int
grow(void **arr, size_t n, size_t elsize)
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

static char *
copy_span(const char *s, size_t n)
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

	if (grow((void **)&a->paras, a->npara, sizeof(char *)) != WARTA_OK)
		return WARTA_FAILED;
	if ((p = copy_span(s, n)) == NULL)
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
	if (grow((void **)&a->warnings, a->nwarnings, sizeof(char *)) != WARTA_OK)
		return WARTA_FAILED;
	if ((p = copy_span(msg, strlen(msg))) == NULL)
		return WARTA_FAILED;
	a->warnings[a->nwarnings++] = p;
	return WARTA_OK;
}

/* ---- characters ---- */

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha_ascii(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The code point at s[i] and its length; an invalid byte reads as itself. */
static int32_t
cp_at(const char *s, size_t n, size_t i, size_t *clen)
{
	uint32_t cp;

	*clen = utf8_decode((const unsigned char *)s + i, n - i, &cp);
	if (cp == UTF8_INVALID) {
		*clen = 1;
		return (unsigned char)s[i];
	}
	return (int32_t)cp;
}

/* Is s[i] the start of a word (not inside a run of letters or digits)? */
static int
at_word_start(const char *s, size_t i)
{
	size_t k, clen;
	int32_t cp;

	if (i == 0)
		return 1;
	if ((unsigned char)s[i - 1] < 0x80)
		return !is_alpha_ascii(s[i - 1]) && !is_digit(s[i - 1]);
	k = i - 1;
	while (k > 0 && i - k < 4 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	cp = cp_at(s, i, k, &clen);
	return !utf8_is_letter((uint32_t)cp);
}

static size_t
skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/* A name token: letters, and '.' or an apostrophe inside or after them. */
struct token {
	size_t start, end;
	int letters;		/* how many letters */
	int upper;		/* how many upper-case letters */
	int digits;
	int dots;
	int first_upper;
};

/* Reads a token of letters (and digits when with_digits) at i. */
static int
read_token(const char *s, size_t n, size_t i, int with_digits,
    struct token *t)
{
	size_t clen, next;
	int32_t cp;

	memset(t, 0, sizeof(*t));
	t->start = t->end = i;
	while (i < n) {
		cp = cp_at(s, n, i, &clen);
		if (utf8_is_letter((uint32_t)cp)) {
			if (t->letters == 0 && t->digits == 0)
				t->first_upper = utf8_is_upper((uint32_t)cp);
			t->letters++;
			if (utf8_is_upper((uint32_t)cp))
				t->upper++;
		} else if (with_digits && cp < 0x80 && is_digit(cp)) {
			t->digits++;
		} else if (cp == '.' && t->letters > 0) {
			/* "St.", "KOMPAS.com" */
			t->dots++;
		} else if ((cp == '\'' || cp == 0x2019 || cp == '&') &&
		    t->letters > 0 && i + clen < n &&
		    utf8_is_letter((uint32_t)cp_at(s, n, i + clen, &next))) {
			/* "Jum'at", "O'Neil": only inside a word */
		} else
			break;
		i += clen;
	}
	t->end = i;
	return t->letters > 0;
}

static int
token_all_caps(const struct token *t)
{
	return t->letters > 0 && t->upper == t->letters;
}

/* Case-insensitive (ASCII) comparison of a span with a lower-case word. */
static int
span_is(const char *s, size_t n, const char *word)
{
	size_t i;

	if (strlen(word) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (ascii_lower((unsigned char)s[i]) != word[i])
			return 0;
	return 1;
}

/* ALL CAPS to title case: "NEW YORK" to "New York", "ST. LOUIS" to "St. Louis". */
static char *
title_case(const char *s, size_t n)
{
	struct wbuf b = WBUF_INIT;
	size_t i, clen;
	int32_t cp;
	int word_start = 1;

	for (i = 0; i < n; i += clen) {
		cp = cp_at(s, n, i, &clen);
		if (utf8_is_letter((uint32_t)cp)) {
			if (!word_start)
				cp = utf8proc_tolower(cp);
			word_start = 0;
		} else
			word_start = cp == ' ' || cp == '-' || cp == '.' ||
			    cp == '(' || cp == '/';
		if (clen == 1 && cp >= 0x80) {
			/* an invalid byte is copied, not re-encoded */
			if (wbuf_append(&b, s + i, clen) != WARTA_OK)
				goto fail;
		} else if (wbuf_put_utf8(&b, (uint32_t)cp) != WARTA_OK)
			goto fail;
	}
	if (b.data == NULL && wbuf_append(&b, "", 0) != WARTA_OK)
		goto fail;
	return wbuf_steal(&b);
fail:
	wbuf_release(&b);
	return NULL;
}

/* ---- dateline ---- */

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

	while (w < maxw && read_token(s, n, j, with_digits, &t)) {
		if (!t.first_upper && !(with_digits && t.dots > 0))
			break;
		caps = caps && token_all_caps(&t);
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
	size_t j = skip_spaces(s, n, i), k;
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
	return skip_spaces(s, n, k);
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
		if (s[i] == '.' || is_digit((unsigned char)s[i]))
			return 1;
	return (wordlist_find(w, s, n, NULL) & W_OUTLET) != 0;
}

static size_t
read_month_name(const struct wordlist *w, const char *s, size_t n, size_t i,
    int *month);

/* Letters in s all capitals (other characters ignored), at least two. */
static int
all_caps_span(const char *s, size_t n)
{
	size_t i, clen;
	int32_t cp;
	int letters = 0;

	for (i = 0; i < n; i += clen) {
		cp = cp_at(s, n, i, &clen);
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
	if (!read_token(s, n, j, 1, &t) || !token_all_caps(&t))
		return 0;
	if (t.end >= n || s[t.end] != ':')
		return 0;
	d->place_start = 0, d->place_end = pend;
	d->outlet_start = j, d->outlet_end = t.end;
	d->title_place = d->title_outlet = 1;
	d->text_end = t.end;
	d->total = skip_spaces(s, n, t.end + 1);
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
		if (k >= n || !is_digit((unsigned char)s[k]))
			return 0;
		while (k < n && is_digit((unsigned char)s[k]) && k - j < 16)
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

	if (!read_token(s, n, 0, 1, &t) || t.dots == 0 ||
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
		d->total = skip_spaces(s, n, pend + 1);
		return 1;
	}
	if (pend + 1 < n && s[pend] == ',' && s[pend + 1] == ' ' &&
	    (known || words > 1 || letters >= 5)) {
		j = pend + 2;
		if (!read_token(s, n, j, 0, &t) || !t.first_upper)
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
	*dst = title ? title_case(s + start, end - start) :
	    copy_span(s + start, end - start);
	return *dst == NULL ? WARTA_FAILED : WARTA_OK;
}

static int
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

/* ---- byline ---- */

/* "Purwanto", "Jane Doe", "Budi S.", "Jane O'Neil-Smith": 1 to 5 words. */
static int
is_person_name(const char *s, size_t n)
{
	struct token t;
	size_t i = 0;
	int words = 0, long_word = 0;

	if (n == 0 || n > 80)
		return 0;
	while (i < n) {
		if (!read_token(s, n, i, 0, &t) || !t.first_upper)
			return 0;
		if (t.letters > 1) {
			/* capitals only would be an acronym, not a name */
			if (t.upper == t.letters)
				return 0;
			long_word = 1;
		}
		i = t.end;
		if (i < n && s[i] == '-')
			i++;
		else if (i < n && s[i] == ' ')
			i++;
		else if (i < n)
			return 0;
		if (++words > 5)
			return 0;
	}
	return long_word;
}

/* "ant/abc", "ant", "nwy/nwy", "AFP": an agency or desk code. */
static int
is_desk_code(const char *s, size_t n)
{
	size_t i, run = 0;
	int slash = 0, lower = 0, upper = 0;

	if (n == 0 || n > 30)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '/' || c == '-') {
			if (run == 0)
				return 0;
			slash = 1;
			run = 0;
			continue;
		}
		if (!is_alpha_ascii(c) && !is_digit(c))
			return 0;
		if (++run > 8)
			return 0;
		lower += c >= 'a' && c <= 'z';
		upper += c >= 'A' && c <= 'Z';
	}
	if (run == 0 || lower + upper == 0)
		return 0;
	return slash || upper == 0 || (lower == 0 && n <= 6);
}

static size_t
trim_left(const char *s, size_t i, size_t end)
{
	while (i < end && s[i] == ' ')
		i++;
	return i;
}

static size_t
trim_right(const char *s, size_t start, size_t end)
{
	while (end > start && s[end - 1] == ' ')
		end--;
	return end;
}

static int
set_byline(struct article *a, const char *s, size_t n, const char *name,
    size_t nn, int person)
{
	if ((a->byline = copy_span(s, n)) == NULL)
		return WARTA_FAILED;
	if (person && (a->creator = copy_span(name, nn)) == NULL)
		return WARTA_FAILED;
	return WARTA_OK;
}

/*
 * A paragraph of credits only: "Reporter: X", "Editor: Y",
 * "(Penulis: Budi | Editor: Ani)".  Returns 1 when it is one, and sets
 * *name to the first author it names (or leaves it NULL).
 */
static int
credit_para(const struct wordlist *w, const char *s, size_t n, const char **name, size_t *nn)
{
	size_t i, end, part_end, colon;
	int parts = 0;

	*name = NULL;
	*nn = 0;
	i = 0;
	end = trim_right(s, 0, n);
	if (end > 0 && s[end - 1] == '.')
		end--;
	if (end > 1 && s[0] == '(' && s[end - 1] == ')') {
		i = 1;
		end--;
	}
	if (end - i > 200)
		return 0;
	while (i < end) {
		i = trim_left(s, i, end);
		for (part_end = i; part_end < end && s[part_end] != '|' &&
		    s[part_end] != ';' && s[part_end] != ','; part_end++)
			;
		for (colon = i; colon < part_end && s[colon] != ':'; colon++)
			;
		if (colon == part_end)
			return 0;
		{
			size_t lend = trim_right(s, i, colon);
			size_t vstart = trim_left(s, colon + 1, part_end);
			size_t vend = trim_right(s, vstart, part_end);

			if (vend == vstart)
				return 0;
			if (wordlist_find(w, s + i, lend - i, NULL) & W_AUTHOR) {
				if (*name == NULL) {
					*name = s + vstart;
					*nn = vend - vstart;
				}
			} else if (!(wordlist_find(w, s + i, lend - i, NULL) &
			    W_EDITOR))
				return 0;
		}
		parts++;
		i = part_end < end ? part_end + 1 : end;
	}
	return parts > 0;
}

/* "By Jane Doe", "Oleh: Budi Santoso", "Oleh Budi": a paragraph alone. */
static int
opening_byline(const char *s, size_t n, size_t *name_start)
{
	size_t i;

	if (n > 3 && memcmp(s, "By ", 3) == 0)
		i = 3;
	else if (n > 5 && memcmp(s, "Oleh", 4) == 0 &&
	    (s[4] == ' ' || s[4] == ':'))
		i = 4;
	else
		return 0;
	i = skip_spaces(s, n, i);
	if (i < n && s[i] == ':')
		i = skip_spaces(s, n, i + 1);
	/* "Oleh karena itu" is a sentence; a name is capitalized */
	if (i + 6 <= n && span_is(s + i, 6, "karena"))
		return 0;
	if (!is_person_name(s + i, n - i))
		return 0;
	*name_start = i;
	return 1;
}

/*
 * "... kata Heru. (Purwanto)." or "(ant/abc)": a name or desk code in
 * brackets that closes the paragraph, after the end of a sentence (so
 * that "di Jakarta (DKI)." is not taken for one).
 */
static int
closing_byline(const char *s, size_t n, size_t *ns, size_t *ne)
{
	size_t end = trim_right(s, 0, n), open, k;

	if (end > 0 && s[end - 1] == '.')
		end = trim_right(s, 0, end - 1);
	if (end == 0 || s[end - 1] != ')')
		return 0;
	for (open = end - 1; open > 0 && end - open < 64 && s[open - 1] != '(';
	    open--)
		;
	if (open == 0 || s[open - 1] != '(')
		return 0;
	k = trim_right(s, 0, open - 1);
	if (k > 0) {
		unsigned char c = (unsigned char)s[k - 1];

		/* . ! ? " or a closing curly quote (U+201D, U+2019, 0xBB) */
		if (c != '.' && c != '!' && c != '?' && c != '"' &&
		    !(k >= 3 && (unsigned char)s[k - 3] == 0xE2 &&
		    (unsigned char)s[k - 2] == 0x80 && (c == 0x9D || c == 0x99)) &&
		    !(k >= 2 && (unsigned char)s[k - 2] == 0xC2 && c == 0xBB))
			return 0;
	}
	*ns = trim_left(s, open, end - 1);
	*ne = trim_right(s, *ns, end - 1);
	return *ne > *ns;
}

static int
parse_byline(struct article *a, const struct wordlist *w)
{
	const char *s, *name;
	size_t i, n, nn, ns, ne;
	int person;

	/* an opening byline wins: it is the article's own statement */
	for (i = 0; i < a->npara && i < 3; i++) {
		s = a->paras[i];
		n = strlen(s);
		if (n <= 100 && opening_byline(s, n, &ns))
			return set_byline(a, s, n, s + ns, n - ns, 1);
	}
	/* then the closing credits and brackets, from the last paragraph up */
	for (i = a->npara; i > 0 && a->npara - i < 4; i--) {
		s = a->paras[i - 1];
		n = strlen(s);
		if (credit_para(w, s, n, &name, &nn)) {
			if (name != NULL) {
				if (!is_person_name(name, nn))
					return set_byline(a, name, nn, NULL,
					    0, 0);
				return set_byline(a, name, nn, name, nn, 1);
			}
			continue;
		}
		if (closing_byline(s, n, &ns, &ne)) {
			if (credit_para(w, s + ns, ne - ns, &name, &nn)) {
				if (name == NULL)
					return WARTA_OK;
				return set_byline(a, name, nn, name, nn,
				    is_person_name(name, nn));
			}
			/* "(Ant)" is ANTARA's desk, not a person named Ant */
			person = is_person_name(s + ns, ne - ns) &&
			    !(wordlist_find(w, s + ns, ne - ns, NULL) & W_AGENCY);
			if (!person && !is_desk_code(s + ns, ne - ns) &&
			    !(wordlist_find(w, s + ns, ne - ns, NULL) & W_AGENCY))
				return WARTA_OK;
			return set_byline(a, s + ns, ne - ns, s + ns, ne - ns,
			    person);
		}
		break;
	}
	return WARTA_OK;
}

/* ---- dates ---- */

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
		if (is_alpha_ascii((unsigned char)s[i])) {
			if (k + 1 >= wsize)
				return 0;
			word[k++] = (char)ascii_lower((unsigned char)s[i]);
			i++;
		} else if (k > 0 && s[i] == '\'' && i + 1 < n &&
		    is_alpha_ascii((unsigned char)s[i + 1]))
			i++;
		else if (k > 0 && i + 3 < n &&
		    memcmp(s + i, "\xe2\x80\x99", 3) == 0 &&
		    is_alpha_ascii((unsigned char)s[i + 3]))
			i += 3;
		else
			break;
	}
	/* "Mei" in "Meiß" is no month */
	if (k == 0 || (i < n && (unsigned char)s[i] >= 0x80 &&
	    utf8_is_letter((uint32_t)cp_at(s, n, i, &clen))))
		return 0;
	word[k] = '\0';
	return i;
}

static size_t
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

	while (k < n && is_digit((unsigned char)s[k])) {
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
	if (is_digit((unsigned char)s[i])) {
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
		    (k = read_month_name(w, s, n, skip_spaces(s, n, k), &m)) != 0 &&
		    k < n && s[k] == ' ' &&
		    (e = read_num(s, n, skip_spaces(s, n, k), 4, 4, &y)) != 0) {
			f->y = y, f->m = m, f->d = a;
			return e;
		}
		return 0;
	}
	/* March 14, 2023 */
	if ((k = read_month_name(w, s, n, i, &m)) != 0 && k < n && s[k] == ' ' &&
	    (k = read_num(s, n, skip_spaces(s, n, k), 1, 2, &a)) != 0) {
		if (k < n && s[k] == ',')
			k++;
		if (k < n && s[k] == ' ' &&
		    (e = read_num(s, n, skip_spaces(s, n, k), 4, 4, &y)) != 0) {
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
		if (is_alpha_ascii((unsigned char)s[i]))
			i++;
		else if (s[i] == '\'' && i + 1 < n &&
		    is_alpha_ascii((unsigned char)s[i + 1])) {
			i++;
			*plain = 0;
		} else if (i + 3 < n && memcmp(s + i, "\xe2\x80\x99", 3) == 0 &&
		    is_alpha_ascii((unsigned char)s[i + 3])) {
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
	k = skip_spaces(s, n, k);
	if (k < n && s[k] == '(')
		k++;
	return k < n && is_digit((unsigned char)s[k]);
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
	if (is_digit((unsigned char)s[i]))
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
	k = skip_spaces(s, n, k);
	if (k >= n || !is_alpha_ascii((unsigned char)s[k]))
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
	if (is_alpha_ascii((unsigned char)s[i]) &&
	    (e = read_weekday(w, s, n, i, &f->wd)) != 0) {
		k = e;
		if (k < n && s[k] == ',')
			k++;
		k = skip_spaces(s, n, k);
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
	if (grow((void **)&a->dates, a->ndates, sizeof(*a->dates)) != WARTA_OK)
		return WARTA_FAILED;
	d = &a->dates[a->ndates];
	snprintf(d->iso, sizeof(d->iso), "%04d-%02d-%02d", y, m, dd);
	if ((d->text = copy_span(s, n)) == NULL)
		return WARTA_FAILED;
	a->ndates++;
	return WARTA_OK;
}

/* The end of the run of ASCII letters and digits at i. */
static size_t
alnum_end(const char *s, size_t n, size_t i)
{
	while (i < n && (is_alpha_ascii((unsigned char)s[i]) ||
	    is_digit((unsigned char)s[i])))
		i++;
	return i;
}

static int
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

			if (!is_digit(c) && !is_alpha_ascii(c)) {
				i++;
				continue;
			}
			skip_from = i;
			if (at_word_start(s, i) &&
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

/* ---- language ---- */

/* The language shows in the first pages; a 16 MiB text need not be read
 * to the end to tell. */
#define LANG_SAMPLE	((size_t)64 * 1024)

static int
parse_lang(struct article *a, const struct wordlist *w, const char *hint)
{
	size_t p, i, k, n, seen;
	long id = 0, en = 0;
	const char *s;
	unsigned which;

	for (p = 0, seen = 0; p < a->npara && seen < LANG_SAMPLE; p++) {
		s = a->paras[p];
		n = strlen(s);
		if (n > LANG_SAMPLE - seen)
			n = LANG_SAMPLE - seen;
		seen += n;
		for (i = 0; i < n; i = k) {
			if (!is_alpha_ascii((unsigned char)s[i])) {
				k = i + 1;
				continue;
			}
			for (k = i; k < n && is_alpha_ascii((unsigned char)s[k]);
			    k++)
				;
			/* part of a longer word with non-ASCII letters */
			if (i > 0 && (unsigned char)s[i - 1] >= 0x80)
				continue;
			if (k < n && (unsigned char)s[k] >= 0x80)
				continue;
			which = wordlist_find(w, s + i, k - i, NULL);
			id += (which & W_STOP_ID) != 0;
			en += (which & W_STOP_EN) != 0;
		}
	}
	/* four stopwords and a two-to-one majority decide; less is a guess */
	if (id + en >= 4 && id >= 2 * en)
		snprintf(a->lang, sizeof(a->lang), "id");
	else if (id + en >= 4 && en >= 2 * id)
		snprintf(a->lang, sizeof(a->lang), "en");
	else if (hint != NULL && strlen(hint) < sizeof(a->lang))
		snprintf(a->lang, sizeof(a->lang), "%s", hint);
	else
		a->lang[0] = '\0';
	return WARTA_OK;
}

int
article_parse(struct article *a, const char *lang_hint,
    struct warta_error *err)
{
	const struct wordlist *w = a->words;

	free_fields(a);
	if (parse_dateline(a, w) != WARTA_OK ||
	    parse_byline(a, w) != WARTA_OK ||
	    parse_dates(a, w) != WARTA_OK ||
	    parse_lang(a, w, lang_hint) != WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	return WARTA_OK;
}
