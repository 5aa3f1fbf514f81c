/*
 * bagit/select.c: the selectors of a bundle's items; see bagit/select.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bagit/catalog_read.h"
#include "bagit/select.h"
#include "newsml/edit.h"

int
select_date_prefix(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	size_t n = strlen(s), i;
	int y, m, d;

	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (i = 0; i < n; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != '-')
			return 0;
	if (n == 4)
		return 1;
	y = atoi(s);
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (m < 1 || m > 12)
		return 0;
	if (n == 7)
		return 1;
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m == 2 && d == 29)
		return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
	return d >= 1 && d <= mdays[m - 1];
}

int
select_parse_date(char *arg, struct selection *s)
{
	char *dots = strstr(arg, "..");
	size_t n;

	if (dots == NULL) {
		if (!select_date_prefix(arg))
			return -1;
		s->date_from = s->date_to = arg;
		return 0;
	}
	*dots = '\0';
	s->date_from = *arg != '\0' ? arg : NULL;
	s->date_to = dots[2] != '\0' ? dots + 2 : NULL;
	if ((s->date_from != NULL && !select_date_prefix(s->date_from)) ||
	    (s->date_to != NULL && !select_date_prefix(s->date_to)) ||
	    (s->date_from == NULL && s->date_to == NULL))
		return -1;
	/* FROM after TO selects nothing: a mistake, not a query. */
	if (s->date_from != NULL && s->date_to != NULL) {
		n = strlen(s->date_from) < strlen(s->date_to) ?
		    strlen(s->date_from) : strlen(s->date_to);
		if (strncmp(s->date_from, s->date_to, n) > 0)
			return -1;
	}
	return 0;
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

int
select_contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle), i;

	if (n == 0)
		return 1;
	for (; *hay != '\0'; hay++) {
		for (i = 0; i < n && hay[i] != '\0'; i++)
			if (lower(hay[i]) != lower(needle[i]))
				break;
		if (i == n)
			return 1;
	}
	return 0;
}

int
select_lang(const char *tag, const char *want)
{
	size_t n = strlen(want);

	return strncasecmp(tag, want, n) == 0 &&
	    (tag[n] == '\0' || tag[n] == '-');
}

int
select_row_matches(const struct selection *s, const struct select_row *r)
{
	if (s->guid != NULL && strcmp(r->guid, s->guid) != 0)
		return 0;
	if (s->date_from != NULL && (r->date[0] == '\0' ||
	    strncmp(r->date, s->date_from, strlen(s->date_from)) < 0))
		return 0;
	if (s->date_to != NULL && (r->date[0] == '\0' ||
	    strncmp(r->date, s->date_to, strlen(s->date_to)) > 0))
		return 0;
	if (s->byline != NULL && !select_contains(r->byline, s->byline))
		return 0;
	if (s->place != NULL && !select_contains(r->place, s->place))
		return 0;
	if (s->lang != NULL && !select_lang(r->lang, s->lang))
		return 0;
	return 1;
}

int
select_subject(xmlNodePtr item, const char *want)
{
	xmlNodePtr cm = g2_child(item, "contentMeta"), s, n;
	xmlChar *q;
	char *t;
	int hit = 0;

	for (s = g2_child(cm, "subject"); s != NULL && !hit;
	    s = g2_next_same(s)) {
		q = xmlGetProp(s, (const xmlChar *)"qcode");
		hit = q != NULL && strcmp((const char *)q, want) == 0;
		xmlFree(q);
		for (n = g2_child(s, "name"); n != NULL && !hit;
		    n = g2_next_same(n)) {
			t = g2_text(n);
			hit = t != NULL && select_contains(t, want);
			xmlFree(t);
		}
	}
	return hit;
}

int
select_row_from_tsv(char *line, struct select_row *r)
{
	char *f[CATALOG_TSV_COLUMNS];

	if (catalog_tsv_split(line, f) != CATALOG_TSV_COLUMNS)
		return -1;
	memset(r, 0, sizeof(*r));
	r->guid = f[CATALOG_TSV_GUID];
	snprintf(r->date, sizeof(r->date), "%s", f[CATALOG_TSV_DATE]);
	r->place = f[CATALOG_TSV_PLACE];
	r->byline = f[CATALOG_TSV_BYLINE];
	r->title = f[CATALOG_TSV_TITLE];
	r->words = strtoul(f[CATALOG_TSV_WORDS], NULL, 10);
	r->lang = f[CATALOG_TSV_LANGUAGE];
	r->path = f[CATALOG_TSV_ITEM];
	return 0;
}

void
select_row_from_entry(const struct catalog_entry *e, const char *path,
    struct select_row *r)
{
	memset(r, 0, sizeof(*r));
	r->guid = e->guid;
	memcpy(r->date, e->date, sizeof(r->date));
	r->place = e->place;
	r->byline = e->byline;
	r->title = e->title;
	r->lang = e->language;
	r->words = e->words;
	r->path = path;
}

int
select_item_path(const char *path)
{
	size_t n = strlen(path);

	return strncmp(path, "data/", 5) == 0 && n > 9 &&
	    strcmp(path + n - 4, ".xml") == 0 &&
	    strcmp(path, "data/catalog.xml") != 0;
}
