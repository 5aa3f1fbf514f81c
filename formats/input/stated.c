/*
 * input/stated.c: the fields a markup source states, owned for one
 * article; see input/stated.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "base/calendar.h"
#include "base/utf8.h"
#include "input/stated.h"

void
stated_init(struct stated *s)
{
	memset(s, 0, sizeof(*s));
}

void
stated_reset(struct stated *s)
{
	size_t i;

	for (i = 0; i < s->nstrs; i++)
		free(s->strs[i]);
	s->nstrs = 0;
	s->nkeywords = 0;
	s->nsubjects = 0;
}

void
stated_release(struct stated *s)
{
	stated_reset(s);
	free(s->strs);
	free(s->keywords);
	free(s->subjects);
	stated_init(s);
}

/* Room for one more of n elements of size sz in *v (capacity *cap). */
static int
grow(void *pv, size_t *cap, size_t n, size_t sz)
{
	void **v = pv;
	size_t c;
	void *p;

	if (n < *cap)
		return 0;
	c = *cap == 0 ? 16 : *cap * 2;
	if ((p = realloc(*v, c * sz)) == NULL)
		return -1;
	*v = p;
	*cap = c;
	return 0;
}

char *
stated_copy(struct stated *s, const char *p, size_t n)
{
	char *c;

	if (grow(&s->strs, &s->capstrs, s->nstrs, sizeof(*s->strs)) < 0 ||
	    (c = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(c, p, n);
	c[n] = '\0';
	s->strs[s->nstrs++] = c;
	return c;
}

char *
stated_text(struct stated *s, const char *p, size_t n)
{
	char *c;

	if ((c = stated_copy(s, p, n)) == NULL)
		return NULL;
	return stated_collapse(c) > 0 ? c : NULL;
}

size_t
stated_collapse(char *s)
{
	size_t i = 0, j = 0;
	int space = 0;

	while (s[i] != '\0') {
		unsigned char c = (unsigned char)s[i];
		size_t k = 0;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			k = 1;
		else if (c == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
			k = 2;	/* the no-break space */
		if (k > 0) {
			space = 1;
			i += k;
			continue;
		}
		if (space && j > 0)
			s[j++] = ' ';
		space = 0;
		s[j++] = s[i++];
	}
	s[j] = '\0';
	return j;
}

int
stated_keyword(struct stated *s, const char *k)
{
	size_t i;
	char *c;

	if (k == NULL || k[0] == '\0' || s->nkeywords >= STATED_MAX_KEYWORDS)
		return 0;
	for (i = 0; i < s->nkeywords; i++)
		if (strcmp(s->keywords[i], k) == 0)
			return 0;
	if (grow(&s->keywords, &s->capkeywords, s->nkeywords,
	    sizeof(*s->keywords)) < 0 ||
	    (c = stated_copy(s, k, strlen(k))) == NULL)
		return -1;
	s->keywords[s->nkeywords++] = c;
	return 0;
}

static int
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

int
stated_subject(struct stated *s, const char *type, const char *qcode,
    const char *name)
{
	struct newsml_subject *sj;
	size_t i;

	if ((qcode == NULL || qcode[0] == '\0') &&
	    (name == NULL || name[0] == '\0'))
		return 0;
	if (s->nsubjects >= STATED_MAX_SUBJECTS)
		return 0;
	for (i = 0; i < s->nsubjects; i++) {
		sj = &s->subjects[i];
		if (qcode != NULL ? same(sj->qcode, qcode) :
		    sj->qcode == NULL && same(sj->name, name))
			return 0;
	}
	if (grow(&s->subjects, &s->capsubjects, s->nsubjects,
	    sizeof(*s->subjects)) < 0)
		return -1;
	sj = &s->subjects[s->nsubjects];
	sj->type = sj->qcode = sj->name = NULL;
	if ((sj->type = stated_copy(s, type, strlen(type))) == NULL ||
	    (qcode != NULL &&
	    (sj->qcode = stated_copy(s, qcode, strlen(qcode))) == NULL) ||
	    (name != NULL && name[0] != '\0' &&
	    (sj->name = stated_copy(s, name, strlen(name))) == NULL))
		return -1;
	s->nsubjects++;
	return 0;
}

/* A letter that starts a word: after the start, a space, a hyphen, a
 * full stop or an opening bracket, but not after an apostrophe. */
static int
word_start(uint32_t prev)
{
	return prev == 0 || prev == ' ' || prev == '-' || prev == '.' ||
	    prev == '(' || prev == '/';
}

void
stated_place_case(char *s)
{
	size_t n = strlen(s), i, k;
	uint32_t cp, prev = 0;
	char *out = s;

	/* A name with a lower-case letter is written as its source wants. */
	for (i = 0; i < n; i += k) {
		k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (cp == UTF8_INVALID)
			return;
		if (utf8_is_letter(cp) && !utf8_is_upper(cp) &&
		    utf8proc_toupper((utf8proc_int32_t)cp) != (utf8proc_int32_t)cp)
			return;
	}
	/* Lower case is never longer in UTF-8 than the capital for the
	 * letters utf8proc maps one to one, but check: a longer one is left. */
	for (i = 0; i < n; i += k) {
		unsigned char enc[4];
		uint32_t to;
		size_t m;

		k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		to = word_start(prev) ? cp :
		    (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
		m = utf8_encode(enc, to);
		if (m == k)
			memcpy(out + i, enc, m);
		prev = cp;
	}
}

/* n digits at s as a number, or -1. */
static int
digits(const char *s, int n)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
stated_iso_date(const char *s, char out[32])
{
	int y, mo, d, h = 0, mi = 0, sec = 0, zh = 0, zm = 0, has_time = 0;
	char zsign = 0;
	const char *p = s;

	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	/* The basic form, YYYYMMDD, or the extended one, YYYY-MM-DD. */
	if ((y = digits(p, 4)) < 0)
		return -1;
	p += 4;
	if (*p == '-') {
		if ((mo = digits(p + 1, 2)) < 0 || p[3] != '-' ||
		    (d = digits(p + 4, 2)) < 0)
			return -1;
		p += 6;
	} else {
		if ((mo = digits(p, 2)) < 0 || (d = digits(p + 2, 2)) < 0)
			return -1;
		p += 4;
	}
	if (!cal_valid_date(y, mo, d) || y < 1)
		return -1;
	if (*p == 'T') {
		p++;
		if ((h = digits(p, 2)) < 0)
			return -1;
		p += 2;
		if (*p == ':')
			p++;
		if ((mi = digits(p, 2)) < 0)
			return -1;
		p += 2;
		if (*p == ':')
			p++;
		if ((sec = digits(p, 2)) >= 0)
			p += 2;
		else
			sec = 0;
		/* a fraction of a second says nothing contentCreated needs */
		if (*p == '.' || *p == ',')
			for (p++; *p >= '0' && *p <= '9'; p++)
				;
		if (h > 23 || mi > 59 || sec > 59)
			return -1;
		has_time = 1;
		if (*p == 'Z' || *p == 'z') {
			zsign = 'Z';
			p++;
		} else if (*p == '+' || *p == '-') {
			zsign = *p++;
			if ((zh = digits(p, 2)) < 0)
				return -1;
			p += 2;
			if (*p == ':')
				p++;
			if ((zm = digits(p, 2)) >= 0)
				p += 2;
			else
				zm = 0;
			if (zh > 14 || zm > 59)
				return -1;
		}
	}
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	if (*p != '\0')
		return -1;
	/* No zone, or NITF's "000000" for a day without a time: the day.
	 * (The values are in range by now; the modulos tell the compiler.) */
	if (!has_time || zsign == 0 || (h == 0 && mi == 0 && sec == 0)) {
		snprintf(out, 32, "%04u-%02u-%02u", (unsigned)y % 10000u,
		    (unsigned)mo % 100u, (unsigned)d % 100u);
		return 0;
	}
	snprintf(out, 32, "%04u-%02u-%02uT%02u:%02u:%02u", (unsigned)y % 10000u,
	    (unsigned)mo % 100u, (unsigned)d % 100u, (unsigned)h % 100u,
	    (unsigned)mi % 100u, (unsigned)sec % 100u);
	if (zsign == 'Z')
		snprintf(out + 19, 32 - 19, "Z");
	else
		snprintf(out + 19, 32 - 19, "%c%02u:%02u", zsign,
		    (unsigned)zh % 100u, (unsigned)zm % 100u);
	return 0;
}

const char *
stated_skip_by(const char *s)
{
	const char *p = s;

	while (*p == ' ')
		p++;
	if ((p[0] == 'B' || p[0] == 'b') && (p[1] == 'y' || p[1] == 'Y') &&
	    (p[2] == ' ' || p[2] == ':' || p[2] == '\t')) {
		p += 2;
		while (*p == ' ' || *p == ':' || *p == '\t')
			p++;
		return p;
	}
	return s;
}
