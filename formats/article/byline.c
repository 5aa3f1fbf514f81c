/*
 * article/byline.c: the byline: "By Jane Doe", the closing "(Purwanto).", credit
 * lines; and the creator it names.
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
	if ((a->byline = article_copy_span(s, n)) == NULL)
		return WARTA_FAILED;
	if (person && (a->creator = article_copy_span(name, nn)) == NULL)
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
	i = scan_skip_spaces(s, n, i);
	if (i < n && s[i] == ':')
		i = scan_skip_spaces(s, n, i + 1);
	/* "Oleh karena itu" is a sentence; a name is capitalized */
	if (i + 6 <= n && scan_span_is(s + i, 6, "karena"))
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

int
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
