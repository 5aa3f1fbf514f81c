/*
 * article/byline.c: the byline and the creator it names, and the byline
 * and credit paragraphs, which are not the body and move to a->credits.
 *
 * Opening forms, a paragraph of their own above the text: "By Jane Doe",
 * "By JANE DOE and OMAR FARUK", "By MARIA LOPEZ, Associated Press", "By
 * Alex Turner | 12 October 2005", "Oleh Budi", "Laporan wartawan
 * Tribunnews.com, Rina", "Reporter: Budi | Editor: Ani", "Hélène Martin,
 * political correspondent", with the agency or the job on the line under
 * it ("Associated Press Writer"), and a blog's date line that ends in
 * its author, "Posted on Februari 21, 2017 by RD".  "By The Associated
 * Press" credits an agency, not a person: no byline.  Closing forms:
 * credit paragraphs ("Penulis: ...", "(Reporting by X; Editing by Y)",
 * "Reuter"), and the bracket that closes the last paragraph,
 * "(Purwanto).", "(ant/abc)"; the desk editors' initials, "(sun/iwd)",
 * give no byline (tests/eval/README.md).
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
		if (!scan_token(s, n, i, 0, &t) || !t.first_upper)
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
		if (!scan_is_alpha(c) && !scan_is_digit(c))
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

/*
 * "sun/iwd", "nwk/nwk", "ant/abc": the initials of the desk's editors
 * (the first may be the agency's code), lower-case codes of two to four
 * letters joined by '/'.  They credit no author: no byline.
 */
static int
is_editors_initials(const char *s, size_t n)
{
	size_t i, run = 0;
	int slash = 0;

	for (i = 0; i <= n; i++) {
		if (i == n || s[i] == '/') {
			if (run < 2 || run > 4)
				return 0;
			slash += i < n;
			run = 0;
		} else if (s[i] >= 'a' && s[i] <= 'z') {
			run++;
		} else {
			return 0;
		}
	}
	return slash > 0;
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
starts_ci(const char *s, size_t n, const char *word)
{
	size_t len = strlen(word);

	return n >= len && scan_span_is(s, len, word);
}

static int
has_digit(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (scan_is_digit((unsigned char)s[i]))
			return 1;
	return 0;
}

/* ---- names ---- */

#define BYLINE_MAX	200	/* bytes in a byline or credit paragraph */
#define PEOPLE_MAX	4	/* names in one byline */

/* The people a byline names: their spans, and the words between them. */
struct people {
	size_t start[PEOPLE_MAX], end[PEOPLE_MAX];
	int count;
	int caps;		/* written in capitals: "JANE DOE" */
};

/*
 * One person's name at i: one to four capitalized words joined by a space
 * or a hyphen, "Jane Doe", "JANE DOE", "Hélène Martin", "Budi S.".  A
 * small word ("The", "and") is no name word.  Returns where it ends, or 0.
 */
static size_t
read_person(const struct wordlist *w, const char *s, size_t n, size_t i,
    int *caps)
{
	struct token t;
	size_t end = 0;
	int words = 0, long_word = 0, upper = 1;

	while (words < 4 && scan_token(s, n, i, 0, &t) && t.first_upper) {
		if (wordlist_find(w, s + t.start, t.end - t.start, NULL) &
		    (W_STOP_EN | W_STOP_ID))
			break;
		if (t.letters > 1) {
			long_word = 1;
			upper = upper && scan_token_all_caps(&t);
		}
		end = t.end;
		words++;
		if (end + 1 >= n || (s[end] != ' ' && s[end] != '-'))
			break;
		i = end + 1;
	}
	if (!long_word)
		return 0;
	*caps = upper;
	return end;
}

/* " and ", " dan ", " & " between two names: where the next one starts. */
static size_t
name_joiner(const char *s, size_t n, size_t i)
{
	static const char *const joiners[] = { " and ", " dan ", " & ", NULL };
	const char *const *j;

	for (j = joiners; *j != NULL; j++)
		if (starts_ci(s + i, n - i, *j))
			return i + strlen(*j);
	return 0;
}

/* "Jane Doe", "JANE DOE and OMAR FARUK": the names at i, or 0. */
static size_t
read_people(const struct wordlist *w, const char *s, size_t n, size_t i,
    struct people *p)
{
	size_t end, next;
	int caps;

	memset(p, 0, sizeof(*p));
	p->caps = 1;
	while (p->count < PEOPLE_MAX &&
	    (end = read_person(w, s, n, i, &caps)) != 0) {
		p->start[p->count] = i;
		p->end[p->count++] = end;
		p->caps = p->caps && caps;
		if ((next = name_joiner(s, n, end)) == 0)
			break;
		i = next;
	}
	return p->count > 0 ? p->end[p->count - 1] : 0;
}

/* The creator: the names, in title case when written in capitals, with
 * the words between them as written. */
static char *
people_creator(const char *s, const struct people *p)
{
	struct wbuf b = WBUF_INIT;
	char *name;
	int k;

	for (k = 0; k < p->count; k++) {
		if (k > 0 && wbuf_append(&b, s + p->end[k - 1],
		    p->start[k] - p->end[k - 1]) != WARTA_OK)
			goto fail;
		name = p->caps ? scan_title_case(s + p->start[k],
		    p->end[k] - p->start[k]) : article_copy_span(s + p->start[k],
		    p->end[k] - p->start[k]);
		if (name == NULL || wbuf_puts(&b, name) != WARTA_OK) {
			free(name);
			goto fail;
		}
		free(name);
	}
	return wbuf_steal(&b);
fail:
	wbuf_release(&b);
	return NULL;
}

/* ---- lines around a byline ---- */

/* "Associated Press", "The Associated Press", "Reuters", "AP": an agency. */
static int
is_agency(const struct wordlist *w, const char *s, size_t n)
{
	n = trim_right(s, 0, n);
	if (n > 0 && s[n - 1] == '.')
		n--;
	if (starts_ci(s, n, "the "))
		s += 4, n -= 4;
	return (wordlist_find(w, s, n, NULL) & W_AGENCY) != 0;
}

/* "Associated Press Writer", "Technology reporter", "political
 * correspondent": a few words, the last a reporter's job. */
static int
is_role(const struct wordlist *w, const char *s, size_t n)
{
	struct token t;
	size_t i = 0, last_start = 0, last_end = 0;
	int words = 0;

	n = trim_right(s, 0, n);
	if (n == 0 || n > 60 || has_digit(s, n))
		return 0;
	i = trim_left(s, 0, n);
	while (i < n && scan_token(s, n, i, 0, &t)) {
		if (++words > 5)
			return 0;
		last_start = t.start, last_end = t.end;
		i = trim_left(s, t.end, n);
	}
	if (i < n || words == 0)
		return 0;
	return (wordlist_find(w, s + last_start, last_end - last_start, NULL) &
	    W_ROLE) != 0;
}

/* The line under an opening byline: the agency, or the reporter's job. */
static int
is_role_line(const struct wordlist *w, const char *s, size_t n)
{
	return n <= 60 && (is_agency(w, s, n) || is_role(w, s, n));
}

/* ---- opening bylines ---- */

/* What an opening byline paragraph holds. */
struct opening {
	size_t by_end;		/* the byline as written: s[by_start, by_end) */
	size_t by_start;
	size_t rest;		/* a date after " | ", or 0 */
	struct people p;
	int agency;		/* an agency's credit: no person */
};

/*
 * After the names: nothing, an agency or job after a comma ("By MARIA
 * LOPEZ, Associated Press"), or a date after a bar ("| 12 October
 * 2005"), which stays in the body.  Anything else makes it a sentence:
 * "By Friday the rain had stopped".
 */
static int
opening_tail(const struct wordlist *w, const char *s, size_t n, size_t i,
    struct opening *o)
{
	size_t j;

	i = trim_right(s, 0, n) <= i ? n : i;
	o->by_end = trim_right(s, 0, n);
	if (i >= n)
		return 1;
	if (s[i] == ',' && (is_agency(w, s + i + 1 + (i + 1 < n),
	    n - i - 1 - (i + 1 < n)) || is_role(w, s + i + 1, n - i - 1)))
		return 1;
	j = trim_left(s, i, n);
	if (j < n && s[j] == '|' && has_digit(s + j, n - j)) {
		o->by_end = i;
		o->rest = trim_left(s, j + 1, n);
		return o->rest < n;
	}
	return 0;
}

/* "Laporan wartawan Tribunnews.com, Rina": the outlet before the name. */
static size_t
skip_report_outlet(const struct wordlist *w, const char *s, size_t n,
    size_t i)
{
	struct token t;

	if (!scan_token(s, n, i, 1, &t) || t.end >= n || s[t.end] != ',')
		return i;
	if (t.dots == 0 && !(wordlist_find(w, s + i, t.end - i, NULL) &
	    (W_OUTLET | W_AGENCY)))
		return i;
	return trim_left(s, t.end + 1, n);
}

/*
 * "By Jane Doe", "Oleh: Budi", "Laporan wartawan X, Budi", "Hélène
 * Martin, political correspondent": an opening byline paragraph.
 */
static int
opening_byline(const struct wordlist *w, const char *s, size_t n,
    struct opening *o)
{
	size_t i, end;
	int prefixed = 1;

	memset(o, 0, sizeof(*o));
	if (n > BYLINE_MAX)
		return 0;
	if (n > 3 && (memcmp(s, "By ", 3) == 0 || memcmp(s, "BY ", 3) == 0))
		i = 3;
	else if (n > 5 && starts_ci(s, n, "oleh") && (s[4] == ' ' ||
	    s[4] == ':'))
		i = 4;
	else if (starts_ci(s, n, "laporan wartawan ")) {
		i = skip_report_outlet(w, s, n, 17);
		prefixed = 0;
	} else {
		i = 0;
		prefixed = -1;
	}
	i = scan_skip_spaces(s, n, i);
	if (prefixed >= 0 && i < n && s[i] == ':')
		i = scan_skip_spaces(s, n, i + 1);
	if (prefixed > 0 && is_agency(w, s + i, n - i)) {
		o->agency = 1;
		o->by_end = trim_right(s, 0, n);
		return 1;
	}
	/* "Oleh karena itu" is a sentence: "karena" is no name */
	if ((end = read_people(w, s, n, i, &o->p)) == 0)
		return 0;
	if (prefixed < 0) {
		/* no "By": the name and the job alone, "Jane Doe, reporter" */
		if (end + 1 >= n || s[end] != ',' || !is_role(w, s + end + 1,
		    n - end - 1))
			return 0;
		o->by_start = 0, o->by_end = end;
		return 1;
	}
	if (!opening_tail(w, s, n, end, o))
		return 0;
	if (prefixed == 0)
		o->by_start = i, o->by_end = end;
	return 1;
}

/* ---- credit paragraphs ---- */

/*
 * Where the credit part at i ends: at '|' or ';', or at a comma before
 * another "Label:" ("Penulis: Budi, Editor: Ani"); a comma inside a
 * value ("Kontributor Bandung, Rina") does not end it.
 */
static size_t
credit_part_end(const char *s, size_t i, size_t end)
{
	size_t k;

	for (; i < end; i++) {
		if (s[i] == '|' || s[i] == ';')
			return i;
		if (s[i] != ',')
			continue;
		for (k = i + 1; k < end && s[k] != ',' && s[k] != '|' &&
		    s[k] != ';' && s[k] != ':'; k++)
			;
		if (k < end && s[k] == ':')
			return i;
	}
	return end;
}

/* The label of a credit part and its value: "Penulis: Budi", "Reporting
 * by Budi".  Returns 0 when the part has neither form. */
static int
credit_label(const char *s, size_t i, size_t part_end, size_t *lend,
    size_t *vstart, int *by_form)
{
	size_t k;

	*by_form = 0;
	for (k = i; k < part_end && s[k] != ':'; k++)
		;
	if (k < part_end) {
		*lend = trim_right(s, i, k);
		*vstart = trim_left(s, k + 1, part_end);
		return 1;
	}
	for (k = i; k + 4 <= part_end; k++)
		if (s[k] == ' ' && scan_span_is(s + k + 1, 2, "by") &&
		    s[k + 3] == ' ') {
			*lend = k;
			*vstart = trim_left(s, k + 4, part_end);
			*by_form = 1;
			return 1;
		}
	return 0;
}

/* Of "Kontributor Bandung, Rina Susilawati", the name. */
static void
credit_value_name(const char *s, size_t vstart, size_t vend,
    const char **name, size_t *nn)
{
	size_t k = vend, ps;

	*name = s + vstart;
	*nn = vend - vstart;
	while (k > vstart) {
		for (ps = k; ps > vstart && s[ps - 1] != ','; ps--)
			;
		if (is_person_name(s + trim_left(s, ps, k),
		    k - trim_left(s, ps, k))) {
			*name = s + trim_left(s, ps, k);
			*nn = k - trim_left(s, ps, k);
			return;
		}
		if (ps == vstart)
			return;
		k = ps - 1;
	}
}

/*
 * A paragraph of credits only: "Reporter: X", "Editor: Y", "(Penulis:
 * Budi | Editor: Ani)", "(Reporting by X; Editing by Y)".  Returns 1 when
 * it is one, and sets *name to the first author it names (or NULL).
 */
static int
credit_para(const struct wordlist *w, const char *s, size_t n, const char **name, size_t *nn)
{
	size_t i, end, part_end, lend, vstart, vend;
	int parts = 0, bracketed = 0, by_form;
	unsigned cls;

	*name = NULL;
	*nn = 0;
	i = 0;
	end = trim_right(s, 0, n);
	if (end > 0 && s[end - 1] == '.')
		end--;
	if (end > 1 && s[0] == '(' && s[end - 1] == ')') {
		i = 1;
		end--;
		bracketed = 1;
	}
	if (end - i > BYLINE_MAX)
		return 0;
	while (i < end) {
		i = trim_left(s, i, end);
		part_end = credit_part_end(s, i, end);
		if (!credit_label(s, i, part_end, &lend, &vstart, &by_form))
			return 0;
		vend = trim_right(s, vstart, part_end);
		if (vend == vstart)
			return 0;
		/* "Reporting by the BBC showed ..." is a sentence */
		if (by_form && !bracketed && !is_person_name(s + vstart,
		    vend - vstart))
			return 0;
		cls = wordlist_find(w, s + i, lend - i, NULL);
		if (cls & W_AUTHOR) {
			if (*name == NULL)
				credit_value_name(s, vstart, vend, name, nn);
		} else if (!(cls & W_EDITOR))
			return 0;
		parts++;
		i = part_end < end ? part_end + 1 : end;
	}
	return parts > 0;
}

/* ---- closing brackets ---- */

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

/* A paragraph that is nothing but a closing bracket: "(ant/abc)". */
static int
bracket_para(const struct wordlist *w, const char *s, size_t n)
{
	size_t ns, ne;

	n = trim_right(s, 0, n);
	if (n < 3 || s[0] != '(' || !closing_byline(s, n, &ns, &ne))
		return 0;
	return ns == 1 && (is_desk_code(s + ns, ne - ns) ||
	    is_person_name(s + ns, ne - ns) || is_agency(w, s + ns, ne - ns));
}

/* ---- a blog's date line ---- */

/* "RD", "ABS": an author's initials in capitals. */
static int
is_capital_initials(const char *s, size_t n)
{
	size_t i;

	if (n < 2 || n > 4)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return 1;
}

/*
 * "Posted on Februari 21, 2017 by RD", "Diposting pada 21 Februari 2017
 * oleh Budi Santoso": a date line that ends in its author, a person's
 * name or initials in capitals (an agency, "by AP", is no author; a user
 * name in lower case, "by admin", no name).  Sets [*ns, *ne) to the name.
 */
static int
posted_by(const struct wordlist *w, const char *s, size_t n, size_t *ns,
    size_t *ne)
{
	static const char *const joins[] = { " by ", " oleh ", NULL };
	size_t k, end = trim_right(s, 0, n), len;
	int j;

	if (end > 100)
		return 0;
	for (j = 0; joins[j] != NULL; j++) {
		len = strlen(joins[j]);
		for (k = end; k > len && memcmp(s + k - len, joins[j], len) != 0;
		    k--)
			;
		if (k <= len)
			continue;
		*ns = trim_left(s, k, end);
		*ne = end;
		if (*ns < *ne && (is_person_name(s + *ns, *ne - *ns) ||
		    is_capital_initials(s + *ns, *ne - *ns)) &&
		    !is_agency(w, s + *ns, *ne - *ns) &&
		    article_is_date_line(w, s, k - len))
			return 1;
	}
	return 0;
}

int
byline_posted_line(const struct wordlist *w, const char *s, size_t n)
{
	size_t ns, ne;

	return posted_by(w, s, n, &ns, &ne);
}

/* ---- setting the byline ---- */

static int
set_byline(struct article *a, const char *s, size_t n, const char *name,
    size_t nn, int person)
{
	if ((a->byline = article_copy_span(s, n)) == NULL)
		return WARTA_FAILED;
	if (person && (a->creator = article_copy_span(name, nn)) == NULL)
		return WARTA_FAILED;
	return WARTA_OK;
}

/* A byline from a closing bracket, s[ns, ne): a person, a desk code or an
 * agency ("(Ant)" is ANTARA's desk, not a person named Ant); the editors'
 * initials ("(sun/iwd)") give none. */
static int
set_bracket_byline(struct article *a, const struct wordlist *w,
    const char *s, size_t ns, size_t ne)
{
	const char *name;
	size_t nn;
	int person, agency;

	if (credit_para(w, s + ns, ne - ns, &name, &nn)) {
		if (name == NULL || is_editors_initials(name, nn))
			return WARTA_OK;
		return set_byline(a, name, nn, name, nn,
		    is_person_name(name, nn));
	}
	if (is_editors_initials(s + ns, ne - ns))
		return WARTA_OK;
	agency = (wordlist_find(w, s + ns, ne - ns, NULL) & W_AGENCY) != 0;
	person = is_person_name(s + ns, ne - ns) && !agency;
	if (!person && !is_desk_code(s + ns, ne - ns) && !agency)
		return WARTA_OK;
	return set_byline(a, s + ns, ne - ns, s + ns, ne - ns, person);
}

/*
 * The byline one credit paragraph gives: 1 when it decides (a person, or
 * an agency's credit that leaves the article without one), else 0.
 */
static int
byline_of_credit(struct article *a, const struct wordlist *w, const char *s,
    int *status)
{
	struct opening o;
	const char *name;
	size_t n = strlen(s), nn, ns, ne;

	*status = WARTA_OK;
	if (opening_byline(w, s, n, &o)) {
		if (o.agency)
			return 1;
		if ((a->byline = article_copy_span(s + o.by_start,
		    o.by_end - o.by_start)) == NULL ||
		    (a->creator = people_creator(s, &o.p)) == NULL)
			*status = WARTA_FAILED;
		return 1;
	}
	if (credit_para(w, s, n, &name, &nn)) {
		/* "Reporter: ant/rin": initials, no author */
		if (name == NULL || is_editors_initials(name, nn))
			return 0;
		*status = set_byline(a, name, nn, name, nn,
		    is_person_name(name, nn));
		return 1;
	}
	if (bracket_para(w, s, n) && closing_byline(s, n, &ns, &ne)) {
		*status = set_bracket_byline(a, w, s, ns, ne);
		return a->byline != NULL;
	}
	/* the date line taken out once its date was read */
	if (posted_by(w, s, n, &ns, &ne)) {
		*status = set_byline(a, s + ns, ne - ns, s + ns, ne - ns,
		    is_person_name(s + ns, ne - ns));
		return 1;
	}
	return 0;
}

/* ---- taking credits out of the body ---- */

/* Moves paragraphs [i, i + k) to a->credits; keeps one paragraph at least. */
int
article_take_paras(struct article *a, size_t i, size_t k)
{
	size_t j;

	if (k == 0 || k >= a->npara)
		return WARTA_OK;
	for (j = 0; j < k; j++) {
		if (article_grow((void **)&a->credits, a->ncredits,
		    sizeof(char *)) != WARTA_OK)
			return WARTA_FAILED;
		a->credits[a->ncredits++] = a->paras[i + j];
	}
	memmove(a->paras + i, a->paras + i + k,
	    (a->npara - i - k) * sizeof(char *));
	a->npara -= k;
	return WARTA_OK;
}

static int
is_opening_credit(const struct wordlist *w, const char *s, size_t n)
{
	struct opening o;
	const char *name;
	size_t nn;

	return opening_byline(w, s, n, &o) || credit_para(w, s, n, &name, &nn);
}

/*
 * The byline paragraph above the text, after the date lines there may
 * be, with the agency or job line and the credit lines under it.  "By
 * Alex Turner | 12 October 2005" leaves its date in the body.
 */
static int
take_opening(struct article *a, const struct wordlist *w)
{
	struct opening o;
	const char *s;
	char *rest;
	size_t i, k, n;

	for (i = 0; i < a->npara && i < 3; i++) {
		s = a->paras[i];
		n = strlen(s);
		if (is_opening_credit(w, s, n))
			break;
		if (!article_is_date_line(w, s, n))
			return WARTA_OK;
	}
	if (i >= a->npara || i >= 3 || a->npara < 2)
		return WARTA_OK;
	s = a->paras[i];
	if (opening_byline(w, s, strlen(s), &o) && o.rest != 0) {
		/* the date stays as a paragraph, the whole line is a credit */
		if ((rest = article_copy_span(s + o.rest,
		    strlen(s) - o.rest)) == NULL)
			return WARTA_FAILED;
		if (article_grow((void **)&a->credits, a->ncredits,
		    sizeof(char *)) != WARTA_OK) {
			free(rest);
			return WARTA_FAILED;
		}
		a->credits[a->ncredits++] = a->paras[i];
		a->paras[i] = rest;
		return WARTA_OK;
	}
	for (k = 1; i + k < a->npara && k < 4; k++) {
		s = a->paras[i + k];
		n = strlen(s);
		if (!is_role_line(w, s, n) && !is_opening_credit(w, s, n))
			break;
	}
	return article_take_paras(a, i, k);
}

/* The credit paragraphs that close the text: "Editor: Ani", "Reuter",
 * "(Reporting by X; Editing by Y)", "(ant/abc)". */
static int
take_closing(struct article *a, const struct wordlist *w)
{
	const char *s, *name;
	size_t k, n, nn;

	for (k = 0; k < a->npara && k < 4; k++) {
		s = a->paras[a->npara - 1 - k];
		n = strlen(s);
		if (!credit_para(w, s, n, &name, &nn) &&
		    !(n <= 40 && is_agency(w, s, n)) && !bracket_para(w, s, n))
			break;
	}
	return article_take_paras(a, a->npara - k, k);
}

/*
 * "Jane Doe is a writer in Lakewood, Ohio.": the note on the author that
 * closes a column, a short last paragraph that starts with the byline's
 * name and what the author is.  It is a credit, no part of the body
 * (tests/eval/README.md).
 */
static int
author_note(const struct article *a, const char *s)
{
	static const char *const verbs[] = { " is ", " was ", " adalah ",
	    " merupakan ", NULL };
	size_t n = strlen(s), c, k;

	if (a->creator == NULL || n > BYLINE_MAX ||
	    (c = strlen(a->creator)) == 0 || c >= n ||
	    memcmp(s, a->creator, c) != 0)
		return 0;
	for (k = 0; verbs[k] != NULL; k++)
		if (strncmp(s + c, verbs[k], strlen(verbs[k])) == 0)
			return 1;
	return 0;
}

static int find_byline(struct article *a, const struct wordlist *w);

int
parse_byline(struct article *a, const struct wordlist *w)
{
	if (find_byline(a, w) != WARTA_OK)
		return WARTA_FAILED;
	if (a->npara > 1 && author_note(a, a->paras[a->npara - 1]))
		return article_take_paras(a, a->npara - 1, 1);
	return WARTA_OK;
}

static int
find_byline(struct article *a, const struct wordlist *w)
{
	const char *s;
	size_t i, n, ns, ne;
	int status;

	if (take_opening(a, w) != WARTA_OK || take_closing(a, w) != WARTA_OK)
		return WARTA_FAILED;
	/* the credits in order: an opening byline wins, as the article's
	 * own statement */
	for (i = 0; i < a->ncredits; i++)
		if (byline_of_credit(a, w, a->credits[i], &status))
			return status;
	/* a blog's date line above the text, "Posted on ... by RD" */
	for (i = 0; i < a->npara && i < 3; i++) {
		s = a->paras[i];
		if (posted_by(w, s, strlen(s), &ns, &ne))
			return set_byline(a, s + ns, ne - ns, s + ns, ne - ns,
			    is_person_name(s + ns, ne - ns));
	}
	/* a byline that is the whole text stays there */
	if (a->npara == 1 && byline_of_credit(a, w, a->paras[0], &status))
		return status;
	if (a->npara == 0)
		return WARTA_OK;
	/* then the bracket closing the text */
	s = a->paras[a->npara - 1];
	n = strlen(s);
	if (closing_byline(s, n, &ns, &ne))
		return set_bracket_byline(a, w, s, ns, ne);
	return WARTA_OK;
}

int
article_is_credit_line(const struct wordlist *w, const char *s, size_t n)
{
	return is_opening_credit(w, s, n);
}
