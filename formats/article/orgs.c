/*
 * article/orgs.c: the organizations a text names: acronyms it defines,
 * the ones the lexicon knows, names from a head or a tail word, an
 * acronym with a place, the web sites it cites (article/extract.h says
 * which rules).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article/rules.h"
#include "article/tokens.h"
#include "base/hash.h"

/* An organization found, with the names it goes by. */
struct docorg {
	char *name;		/* as reported */
	char *sname;		/* the short name, or NULL */
	char *lname;		/* the long name, or NULL */
	/* other names it goes by, or NULL: the long (or only) name without
	 * the capitals of the country that end it ("Kementerian Luar Negeri"
	 * of "... RI"); a regional office's names without the region, when
	 * the text defines no other ("Satpol PP" of "Satpol PP Kota
	 * Surabaya") */
	char *alias[3];
	const char *rule;
};

/* An acronym the text defines, an organization or not. */
struct def {
	uint32_t s0, s1;	/* short form tokens [s0, s1) */
	uint32_t l0, l1;	/* long form tokens */
	uint32_t x0, x1;	/* the words after the parenthesis that carry
				   the name on: "(Satpol PP) Kota Surabaya",
				   "(RSUD) Abdul Wahab Sjahranie" */
	int is_org;
	int orgidx;		/* in org[], or -1 */
};

struct orgs {
	struct docorg *org;
	size_t norg, caporg;
	uint64_t *oslot;	/* hash of a name, org index + 1 */
	size_t omask;
	struct def *def;
	size_t ndef, capdef;
	uint8_t defslot[256];	/* acronyms by hash: def index + 1 */
};

static uint64_t
str_hash(const char *s)
{
	return fnv1a(FNV1A_INIT, s, strlen(s)) | 1;
}

static struct docorg *
org_find(const struct orgs *os, const char *s)
{
	uint64_t h = str_hash(s), v;
	size_t i;

	if (os->oslot == NULL)
		return NULL;
	for (i = h & os->omask; (v = os->oslot[i]) != 0;
	    i = (i + 1) & os->omask) {
		struct docorg *o;

		if ((v >> 32) != (h >> 32))
			continue;
		o = &os->org[(v & 0xffffffffU) - 1];
		if (strcmp(o->name, s) == 0 ||
		    (o->sname != NULL && strcmp(o->sname, s) == 0) ||
		    (o->lname != NULL && strcmp(o->lname, s) == 0) ||
		    (o->alias[0] != NULL && strcmp(o->alias[0], s) == 0) ||
		    (o->alias[1] != NULL && strcmp(o->alias[1], s) == 0) ||
		    (o->alias[2] != NULL && strcmp(o->alias[2], s) == 0))
			return o;
	}
	return NULL;
}

/* Indexes the names of organization k (the table is rebuilt as it
 * fills). */
static int
org_index(struct orgs *os, size_t k)
{
	const char *names[6];
	size_t i, j;

	if (os->oslot == NULL || 6 * (k + 1) * 2 > os->omask + 1) {
		size_t n = 64;
		uint64_t *t;

		while (n < 6 * (k + 1) * 4)
			n <<= 1;
		if ((t = calloc(n, sizeof(*t))) == NULL)
			return -1;
		free(os->oslot);
		os->oslot = t;
		os->omask = n - 1;
		for (j = 0; j < k; j++)
			if (org_index(os, j) != 0)
				return -1;
	}
	names[0] = os->org[k].name;
	names[1] = os->org[k].sname;
	names[2] = os->org[k].lname;
	names[3] = os->org[k].alias[0];
	names[4] = os->org[k].alias[1];
	names[5] = os->org[k].alias[2];
	for (j = 0; j < 6; j++) {
		uint64_t h;

		if (names[j] == NULL)
			continue;
		h = str_hash(names[j]);
		for (i = h & os->omask; os->oslot[i] != 0;
		    i = (i + 1) & os->omask)
			;
		os->oslot[i] = (h & 0xffffffff00000000ULL) | (k + 1);
	}
	return 0;
}

/* The rule of the organizations found by a head or a tail word. */
static const char RULE_NAME[] = "name";

/*
 * s without the capitals of a country that end it, as a government body
 * writes its scope: "Kementerian Luar Negeri" of "Kementerian Luar Negeri
 * RI"; NULL when there are none, or when memory runs out (the name is
 * then found only as written).
 */
static char *
scope_free(const struct doc *d, const char *s)
{
	const char *sp = strrchr(s, ' ');
	size_t n, k;
	int pl;

	if (sp == NULL || sp == s || (n = strlen(sp + 1)) < 2 || n > 8)
		return NULL;
	for (k = 1; k <= n; k++)
		if (sp[k] < 'A' || sp[k] > 'Z')
			return NULL;
	if ((pl = lexicon_place(d->lex, sp + 1)) < 0 ||
	    strcmp(d->lex->place[pl].kind, "country") != 0)
		return NULL;
	return strndup(s, (size_t)(sp - s));
}

/*
 * Adds an organization by its long and short names (either may be NULL;
 * both are taken over) unless one of them is known already.  Returns its
 * index, -1 when memory runs out, or -2 when the text names too many.
 */
static int
org_add(struct doc *d, char *lname, char *sname, const char *rule)
{
	struct orgs *os = d->orgs;
	struct docorg *o = NULL;
	char *name, *bare;
	size_t n;

	bare = scope_free(d, lname != NULL ? lname : sname);
	if (sname != NULL)
		o = org_find(os, sname);
	if (o == NULL && lname != NULL)
		o = org_find(os, lname);
	if (o == NULL && bare != NULL)
		o = org_find(os, bare);
	if (o != NULL || os->norg >= 4 * EXTRACT_MAX) {
		free(lname);
		free(sname);
		free(bare);
		return o != NULL ? (int)(o - os->org) : -2;
	}
	if (lname != NULL && sname != NULL) {
		n = strlen(lname) + strlen(sname) + 4;
		if ((name = malloc(n)) == NULL)
			goto fail;
		snprintf(name, n, "%s (%s)", lname, sname);
	} else if ((name = strdup(lname != NULL ? lname : sname)) == NULL) {
		goto fail;
	}
	if ((o = extract_grow(os->org, &os->caporg, os->norg,
	    sizeof(*os->org))) == NULL) {
		free(name);
		goto fail;
	}
	os->org = o;
	o = &os->org[os->norg++];
	o->name = name;
	o->lname = lname;
	o->sname = sname;
	o->alias[0] = bare;
	o->alias[1] = o->alias[2] = NULL;
	o->rule = rule;
	if (org_index(os, os->norg - 1) != 0)
		return -1;
	return (int)(o - os->org);
fail:
	free(lname);
	free(sname);
	free(bare);
	return -1;
}

/* Whether the words of a are the first words of b, fewer, and two at
 * least: "Dinas Perhubungan DKI" of "Dinas Perhubungan DKI Jakarta". */
static int
word_prefix(const char *a, const char *b)
{
	size_t n = strlen(a);

	return strchr(a, ' ') != NULL && strncmp(a, b, n) == 0 &&
	    b[n] == ' ';
}

/*
 * Adds an organization found by its name alone, by a head or a tail word
 * (s is taken over).  A name whose words begin another such name is the
 * same organization, given in full once and shortened after: the longer
 * name stands, in the place of the first ("Dinas Perhubungan DKI
 * Jakarta", then "Dinas Perhubungan DKI"; "Dinas Kelautan dan Perikanan",
 * then "Dinas Kelautan dan Perikanan Kabupaten Batang").
 */
static int
name_org_add(struct doc *d, char *s)
{
	struct orgs *os = d->orgs;
	size_t k;

	for (k = 0; k < os->norg; k++) {
		struct docorg *o = &os->org[k];

		if (o->rule != RULE_NAME)
			continue;
		if (strcmp(s, o->name) == 0 || word_prefix(s, o->name)) {
			free(s);
			return (int)k;
		}
		if (word_prefix(o->name, s)) {
			free(o->name);
			free(o->lname);
			free(o->alias[0]);
			o->name = s;
			o->lname = strdup(s);
			o->alias[0] = scope_free(d, s);
			if (o->lname == NULL)
				return -1;
			/* the table again, with the new names */
			free(os->oslot);
			os->oslot = NULL;
			return org_index(os, os->norg - 1) != 0 ? -1 : (int)k;
		}
	}
	return org_add(d, s, NULL, RULE_NAME);
}

static char *
cat3(const char *a, const char *sep, const char *b)
{
	size_t n = strlen(a) + strlen(sep) + strlen(b) + 1;
	char *s = malloc(n);

	if (s != NULL)
		snprintf(s, n, "%s%s%s", a, sep, b);
	return s;
}

/* The letters and digits of the acronym in tokens [s0, s1), lower case,
 * into acr (64 at most); returns how many. */
static size_t
acronym_letters(const struct doc *d, size_t s0, size_t s1, char acr[64])
{
	size_t na = 0, i, k;

	for (i = s0; i < s1; i++) {
		const struct tok *t = &d->tok[i];

		for (k = 0; k < t->low_len && na < 64; k++) {
			unsigned char c = (unsigned char)d->low[t->low_off + k];

			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				acr[na++] = (char)c;
		}
	}
	return na;
}

/* The words before token e, last first, into wtok (maxw and 64 at
 * most): back to a small word or punctuation other than a comma.
 * Returns how many. */
static size_t
words_before(const struct doc *d, size_t e, size_t maxw, size_t wtok[64])
{
	size_t i = e, nw = 0;

	while (i > 0 && nw < maxw && nw < 64) {
		const struct tok *t = &d->tok[i - 1];

		if (t->kind == TK_PUNCT) {
			if (t->cp != ',' && t->cp != '-')
				break;
			i--;
			continue;
		}
		if (!(t->flags & (F_CAP | F_DIGIT)) &&
		    !(cue1(d, i - 1) & C_CONN))
			break;
		if (t->flags & F_PARA) {
			wtok[nw++] = i - 1;
			break;
		}
		wtok[nw++] = i - 1;
		i--;
	}
	return nw;
}

/*
 * The long form of the acronym s (tokens [s0, s1)) among the words that
 * end at token e (exclusive), after Schwartz and Hearst: each letter of
 * the acronym in order in the words, the first at a word's start, the
 * words all capitalized.  Returns the first token of the long form, or
 * (size_t)-1.
 */
static size_t
long_form(const struct doc *d, size_t s0, size_t s1, size_t e)
{
	char acr[64], win[512];
	size_t tokstart[64], wtok[64];
	size_t na, nw, wl = 0, k;
	long si, li;

	if ((na = acronym_letters(d, s0, s1, acr)) < 2)
		return (size_t)-1;
	if ((nw = words_before(d, e, na + 5 < 2 * na ? na + 5 : 2 * na,
	    wtok)) < 2)
		return (size_t)-1;
	/* the window, first word first */
	for (k = nw; k-- > 0;) {
		const struct tok *t = &d->tok[wtok[k]];

		if (wl + t->low_len + 1 >= sizeof(win))
			return (size_t)-1;
		tokstart[nw - 1 - k] = wl;
		memcpy(win + wl, d->low + t->low_off, t->low_len);
		wl += t->low_len;
		win[wl++] = ' ';
	}
	wl--;
	si = (long)na - 1;
	li = (long)wl - 1;
	while (si >= 0) {
		char c = acr[si];

		while (li >= 0 && (win[li] != c ||
		    (si == 0 && li > 0 && win[li - 1] != ' ')))
			li--;
		if (li < 0)
			return (size_t)-1;
		li--;
		si--;
	}
	li++;
	for (k = nw; k-- > 0;)
		if (tokstart[k] == (size_t)li) {
			size_t first = wtok[nw - 1 - k];

			/* at least two words, the first capitalized */
			if (e - first < 2 || !(d->tok[first].flags & F_CAP))
				return (size_t)-1;
			return first;
		}
	return (size_t)-1;
}

/* Whether tokens [a, b) name an organization by their first or last
 * words ("Kementerian ...", "... Tbk"). */
static int
has_org_word(const struct doc *d, size_t a, size_t b)
{
	size_t i;

	if (cue_at(d, a) & C_ORGHEAD)
		return 1;
	for (i = a; i < b; i++)
		if (d->tok[i].cue_ent >= 0 && i + d->tok[i].cue_words == b &&
		    (d->lex->ent[d->tok[i].cue_ent].cue & C_ORGTAIL))
			return 1;
	return 0;
}

/* The known organization whose short name is at i, if it counts here. */
static const struct lex_org *
known_org(const struct doc *d, size_t i)
{
	const struct tok *t = &d->tok[i];
	const struct lex_org *o;

	if (t->org_ent < 0)
		return NULL;
	o = &d->lex->org[d->lex->ent[t->org_ent].org];
	if ((o->flags & ORG_EN) && !d->en)
		return NULL;
	return o;
}

/* A place right after token i that an organization can be of. */
static size_t
place_after(const struct doc *d, size_t i)
{
	const struct tok *t;

	if (!is_word(d, i))
		return 0;
	t = &d->tok[i];
	if (t->place_ent < 0 || !(t->flags & F_SPACE) || (t->flags & F_PARA))
		return 0;
	return t->place_words;
}

/* Whether the place at i counts after an organization's acronym: a
 * province, a city or a regency. */
static int
regional_place(const struct doc *d, size_t i)
{
	const struct lex_entry *e = &d->lex->ent[d->tok[i].place_ent];
	const char *k = d->lex->place[e->place].kind;

	return strcmp(k, "city") == 0 || strcmp(k, "regency") == 0 ||
	    strcmp(k, "province") == 0 || strcmp(k, "capital") == 0;
}

/* Whether token i is the capitalized word of a region's kind before its
 * name, inside a sentence: "Kota", "Kabupaten", "Provinsi". */
static int
region_prefix(const struct doc *d, size_t i)
{
	return is_word(d, i) && (d->tok[i].flags & F_CAP) &&
	    (d->tok[i].flags & F_SPACE) &&
	    !(d->tok[i].flags & (F_SENT | F_PARA)) &&
	    (cue1(d, i) & C_PLACECTX);
}

/* The words of a region right after token i, its kind before it or not
 * ("Semarang", "Kota Surabaya"), or 0. */
static size_t
region_after(const struct doc *d, size_t i)
{
	size_t np = place_after(d, i);

	if (np > 0)
		return regional_place(d, i) ? np : 0;
	if (region_prefix(d, i) && (np = place_after(d, i + 1)) > 0 &&
	    regional_place(d, i + 1))
		return np + 1;
	return 0;
}

/* The token of the place in the region at i ("Surabaya" of "Kota
 * Surabaya"). */
static size_t
region_place_tok(const struct doc *d, size_t i)
{
	return d->tok[i].place_ent >= 0 ? i : i + 1;
}

/*
 * The name of token i's known organization with the region after it:
 * "Polda Jateng", "Polres Metro Jakarta Timur", "Badan Narkotika Nasional
 * Kota Surabaya".  The long name gives the region as the gazetteer names
 * it when it is one plain place, as written otherwise; a known full name
 * is its own long name.  A name found already, as the text writes it or
 * in full, is that organization.
 */
static int
known_org_place(struct doc *d, const struct lex_org *o, size_t i,
    size_t nwords, size_t np)
{
	size_t p = region_place_tok(d, i + nwords);
	const struct lex_entry *e = &d->lex->ent[d->tok[p].place_ent];
	const struct lex_place *pl = &d->lex->place[e->place];
	int by_full = !d->lex->ent[d->tok[i].org_ent].org_short;
	char *written, *where, *lname = NULL, *sname = NULL;
	int plain = p == i + nwords && d->tok[p].place_words == np, rc = -1;

	written = tok_copy(d, i, i + nwords + np);
	where = tok_copy(d, i + nwords, i + nwords + np);
	if (written == NULL || where == NULL)
		goto out;
	if (by_full) {
		lname = written;
		written = NULL;
	} else {
		sname = written;
		written = NULL;
		if (o->full != NULL) {
			/* "Konsulat Jenderal Republik Indonesia Davao City",
			 * found already by its head word */
			if ((lname = cat3(o->full, " ", where)) == NULL)
				goto out;
			if (org_find(d->orgs, lname) != NULL) {
				rc = 0;
				goto out;
			}
			if (plain) {
				free(lname);
				if ((lname = cat3(o->full, " ", pl->name)) ==
				    NULL)
					goto out;
			}
		}
	}
	rc = org_add(d, lname, sname, "known") == -1 ? -1 : 0;
	lname = sname = NULL;
out:
	free(written);
	free(where);
	free(lname);
	free(sname);
	return rc;
}

/* The words of a country or a region written in title case right after
 * token i, not a possessive ("Facebook Indonesia", "RSPB Scotland"; not
 * "DPR RI", "Britain's"), or 0. */
static size_t
country_after(const struct doc *d, size_t i)
{
	size_t np = place_after(d, i);
	const char *k;

	if (np == 0 || !(d->tok[i].flags & F_CAP) ||
	    (d->tok[i].flags & F_UPPER) || d->tok[i].place_ent < 0 ||
	    d->lex->ent[d->tok[i].place_ent].place_ambig)
		return 0;
	k = d->lex->place[d->lex->ent[d->tok[i].place_ent].place].kind;
	if (strcmp(k, "country") != 0 && strcmp(k, "region") != 0)
		return 0;
	if (i + np < d->ntok && d->tok[i + np].kind == TK_PUNCT &&
	    !(d->tok[i + np].flags & F_SPACE) &&
	    (d->tok[i + np].cp == '\'' || d->tok[i + np].cp == 0x2019))
		return 0;
	return np;
}

static struct def *def_at(struct doc *, size_t);

/* Whether token i is a numeral: "88", "IX", "I" of "Komisi I". */
static int
is_numeral(const struct doc *d, size_t i)
{
	const struct tok *t = &d->tok[i];
	size_t k;

	if (!is_word(d, i))
		return 0;
	if ((t->flags & F_DIGIT) && t->letters == 0)
		return 1;
	if (!(t->flags & F_CAP) || t->letters != t->len || t->len > 5)
		return 0;
	for (k = 0; k < t->len; k++)
		if (strchr("IVXLC", d->text[t->off + k]) == NULL)
			return 0;
	return 1;
}

/*
 * The words after a definition's parenthesis, at token a, that carry its
 * name on, into df->x0 and df->x1: the region of its office when the
 * long form comes first ("Satuan Polisi Pamong Praja (Satpol PP) Kota
 * Surabaya"), else the name of a hospital or a school when the long form
 * ends in a word of what things are named after, or its acronym is of a
 * kind there is one of in every region ("Rumah Sakit Umum Daerah (RSUD)
 * Abdul Wahab Sjahranie", "Dr. Moewardi").  The name stops before a
 * person, a title, a date, another organization and another parenthesis.
 */
static void
name_after_paren(const struct doc *d, struct def *df, size_t a,
    int one_of_many)
{
	size_t j = a, np;

	df->x0 = df->x1 = (uint32_t)a;
	if (df->l0 > df->s0)
		return;
	if ((np = region_after(d, a)) > 0) {
		df->x1 = (uint32_t)(a + np);
		return;
	}
	if (!one_of_many && !tok_cue_ends_at(d, df->l1, C_NAMESAKE))
		return;
	while (j < d->ntok && j - a < 6 && is_word(d, j) &&
	    (d->tok[j].flags & (F_CAP | F_DIGIT)) &&
	    (d->tok[j].flags & F_SPACE) &&
	    !(d->tok[j].flags & (F_PARA | F_SENT)) &&
	    !(d->tok[j].mark & (M_PERSON | M_ORG)) && d->tok[j].org_ent < 0 &&
	    !(cue_at(d, j) & (C_WEEKDAY | C_MONTH | C_ORGHEAD | C_SAID)) &&
	    (!(cue_at(d, j) & C_TITLE) || (cue1(d, j) & C_ABBREV))) {
		j++;
		if (is_punct(d, j, '.') && !(d->tok[j].flags & F_SPACE) &&
		    (cue1(d, j - 1) & C_ABBREV) && is_word(d, j + 1))
			j++;	/* "Dr. Moewardi" */
	}
	while (j > a && !is_word(d, j - 1))
		j--;
	/* "Rumah Tahanan (Rutan) Mako Brimob": the name of what belongs to
	 * another organization, no bearer's */
	if (j < d->ntok && is_word(d, j) && (d->tok[j].flags & F_SPACE) &&
	    (d->tok[j].org_ent >= 0 || (d->tok[j].mark & COV_ORG)))
		j = a;
	df->x1 = (uint32_t)j;
}

/* Whether one of the words [a, b) names a place: "Konsulat Jenderal
 * Republik Indonesia" is one consulate, "Sekolah Dasar" a kind. */
static int
names_place(const struct doc *d, size_t a, size_t b)
{
	for (; a < b; a++)
		if (d->tok[a].place_ent >= 0)
			return 1;
	return 0;
}

/*
 * The definition at the parenthesis at token i, if there is one, into
 * df: "Kementerian Ketenagakerjaan (Kemnaker)", "KKP (Kementerian
 * Kelautan dan Perikanan)".  A legal form or a head word just before the
 * long form is part of the name: "PT Kereta Api Indonesia (KAI)".  An
 * acronym of a kind there is one of in every region, with no place in
 * its long form and no region or name after it, names a kind of body, no
 * organization: "murid Sekolah Dasar (SD)".
 */
static int
definition_at(const struct doc *d, size_t i, struct def *df)
{
	size_t close = tok_paren_acronym(d, i), first, j;
	const struct lex_org *known;
	int one_of_many;

	memset(df, 0, sizeof(*df));
	df->orgidx = -1;
	if (close != 0 && close - i <= 4 && is_word(d, i - 1) &&
	    (first = long_form(d, i + 1, close - 1, i)) != (size_t)-1) {
		df->s0 = (uint32_t)(i + 1);
		df->s1 = (uint32_t)(close - 1);
		df->l0 = (uint32_t)first;
		df->l1 = (uint32_t)i;
		if (first > 0 && is_word(d, first - 1) &&
		    (d->tok[first - 1].flags & F_CAP) &&
		    (cue1(d, first - 1) & C_ORGHEAD) &&
		    !(cue_at(d, first) & C_ORGHEAD) &&
		    (d->tok[first].flags & F_SPACE) &&
		    !(d->tok[first].flags & F_PARA))
			df->l0--;
	} else if (is_word(d, i - 1) && (d->tok[i - 1].flags & F_UPPER)) {
		for (j = i + 1; j < d->ntok && j < i + 12 && is_word(d, j) &&
		    ((d->tok[j].flags & F_CAP) || (cue1(d, j) & C_CONN)); j++)
			;
		if (!is_punct(d, j, ')') || j - i < 3 ||
		    long_form(d, i - 1, i, j) != i + 1)
			return 0;
		df->s0 = (uint32_t)(i - 1);
		df->s1 = (uint32_t)i;
		df->l0 = (uint32_t)(i + 1);
		df->l1 = (uint32_t)j;
		close = j + 1;
	} else {
		return 0;
	}
	known = known_org(d, df->s0);
	one_of_many = known != NULL && (known->flags & ORG_PLACE);
	name_after_paren(d, df, close, one_of_many);
	/* an expansion with a head word makes even a stop-listed acronym
	 * one: "Mahkamah Agung (MA)" */
	df->is_org = d->tok[df->s0].place_ent < 0 &&
	    (has_org_word(d, df->l0, df->l1) ||
	    (known != NULL && !(cue1(d, df->s0) & C_NOTORG))) &&
	    !(one_of_many && df->x1 == df->x0 &&
	    !names_place(d, df->l0, df->l1));
	return 1;
}

/* Marks the tokens of definition df, and keeps it unless its acronym
 * has one already: the first definition stands. */
static int
keep_definition(struct doc *d, const struct def *df)
{
	struct orgs *o = d->orgs;
	struct def *p;
	size_t k;

	for (k = df->s0; k < df->s1; k++)
		d->tok[k].mark |= df->is_org ? COV_ORG : M_NOTORG;
	/* the words of an organization's name are no person's ("Ketua
	 * DPR, Mahkamah Agung (MA), ...") */
	for (k = df->l0; k < df->l1 && df->is_org; k++)
		d->tok[k].mark |= COV_ORG;
	if (o->ndef >= 64 || (df->s1 - df->s0 == 1 && def_at(d, df->s0)))
		return 0;
	if (df->s1 - df->s0 == 1) {
		size_t h = d->tok[df->s0].hash & 255;

		while (o->defslot[h] != 0)
			h = (h + 1) & 255;
		o->defslot[h] = (uint8_t)(o->ndef + 1);
	}
	if ((p = extract_grow(o->def, &o->capdef, o->ndef,
	    sizeof(*o->def))) == NULL)
		return -1;
	o->def = p;
	o->def[o->ndef++] = *df;
	return 0;
}

int
find_definitions(struct doc *d)
{
	struct def df;
	const struct def *dp;
	size_t i;

	if ((d->orgs = calloc(1, sizeof(*d->orgs))) == NULL)
		return -1;
	for (i = 1; i + 2 < d->ntok; i++)
		if (is_punct(d, i, '(') && !(d->tok[i].flags & F_HEAD) &&
		    definition_at(d, i, &df) && keep_definition(d, &df) != 0)
			return -1;
	/* and every later use of the acronyms: "Setpres itu" is no name */
	for (i = 0; i < d->ntok && d->orgs->ndef > 0; i++)
		if (d->tok[i].kind == TK_WORD && (dp = def_at(d, i)) != NULL)
			d->tok[i].mark |= dp->is_org ? COV_ORG : M_NOTORG;
	return 0;
}

/* The definition whose short form is token i, if any. */
static struct def *
def_at(struct doc *d, size_t i)
{
	const struct tok *t = &d->tok[i];
	size_t k;

	/* at most 64 acronyms in 256 slots */
	for (k = t->hash & 255; d->orgs->defslot[k] != 0; k = (k + 1) & 255) {
		struct def *df = &d->orgs->def[d->orgs->defslot[k] - 1];
		const struct tok *s = &d->tok[df->s0];

		if (s->hash == t->hash && s->low_len == t->low_len &&
		    memcmp(d->low + s->low_off, d->low + t->low_off,
		    t->low_len) == 0 && s->len == t->len &&
		    memcmp(d->text + s->off, d->text + t->off, t->len) == 0)
			return df;
	}
	return NULL;
}

/* The definition whose long form starts at token i, of an organization
 * or not, if any: an organization's is found already ("Badan
 * Meteorologi, Klimatologi, dan Geofisika (BMKG)"), another names none
 * ("murid Sekolah Dasar (SD)"), and no other rule reads its words. */
static const struct def *
def_from(const struct doc *d, size_t i, int is_org)
{
	size_t k;

	if (is_org && !(d->tok[i].mark & COV_ORG))
		return NULL;
	for (k = 0; k < d->orgs->ndef; k++) {
		const struct def *df = &d->orgs->def[k];

		if (df->is_org == is_org && df->l0 == i && df->l0 < df->s0)
			return df;
	}
	return NULL;
}

/* Marks the tokens [a, b) as an organization's name: a country at its
 * end is its scope, no place the text is about. */
static void
mark_org(struct doc *d, size_t a, size_t b)
{
	for (; a < b; a++)
		d->tok[a].mark |= M_ORG;
}

/* Whether the tokens [a, b) are a name of an organization found
 * already (most mentions are). */
static int
org_seen(struct doc *d, size_t a, size_t b)
{
	char *s = tok_copy(d, a, b);
	int seen;

	if (s == NULL)
		return -1;
	seen = org_find(d->orgs, s) != NULL;
	free(s);
	return seen;
}

/* The names of definition df without what follows its parenthesis, as
 * names of organization idx too. */
static int
def_aliases(struct doc *d, const struct def *df, int idx)
{
	struct docorg *o = &d->orgs->org[idx];

	if ((o->alias[1] = tok_copy(d, df->l0, df->l1)) == NULL ||
	    (o->alias[2] = tok_copy(d, df->s0, df->s1)) == NULL)
		return -1;
	if (org_find(d->orgs, o->alias[1]) != NULL ||
	    org_find(d->orgs, o->alias[2]) != NULL) {
		/* another organization has them: not ours */
		free(o->alias[1]);
		free(o->alias[2]);
		o->alias[1] = o->alias[2] = NULL;
		return 0;
	}
	return org_index(d->orgs, (size_t)idx);
}

/* Adds the organization a definition names, with the words after its
 * acronym that carry the name on, [x0, x1), when there are some:
 * "Balai Besar ... Kerja (BBPLK) Semarang". */
static int
def_org(struct doc *d, struct def *df, size_t x0, size_t x1)
{
	char *lname, *sname, *where = NULL;
	int idx;

	lname = tok_copy(d, df->l0, df->l1);
	sname = tok_copy(d, df->s0, df->s1);
	if (x1 > x0 && (where = tok_copy(d, x0, x1)) == NULL)
		goto fail;
	if (lname == NULL || sname == NULL)
		goto fail;
	if (where != NULL) {
		char *l = cat3(lname, " ", where), *s = cat3(sname, " ", where);

		free(lname);
		free(sname);
		lname = l;
		sname = s;
		free(where);
		where = NULL;
		if (lname == NULL || sname == NULL)
			goto fail;
	}
	if ((idx = org_add(d, lname, sname, "acronym")) == -1)
		return -1;
	if (df->orgidx < 0 && idx >= 0) {
		df->orgidx = idx;
		/* "Satuan Polisi Pamong Praja (Satpol PP) Kota Surabaya",
		 * and later "Satpol PP": the same office */
		if (x1 > x0 && (unsigned)idx == d->orgs->norg - 1)
			return def_aliases(d, df, idx);
	}
	return 0;
fail:
	free(lname);
	free(sname);
	free(where);
	return -1;
}

/* Whether word k can be a word of an item of a list inside a name: a
 * capitalized word that is no organization, head word, place, person,
 * title or date. */
static int
list_word(const struct doc *d, size_t k)
{
	const struct tok *t = &d->tok[k];

	return is_word(d, k) && (t->flags & F_CAP) && (t->flags & F_SPACE) &&
	    !(t->flags & (F_PARA | F_UPPER)) && t->org_ent < 0 &&
	    t->place_ent < 0 && !(t->mark & (M_PERSON | M_ORG | COV_ORG)) &&
	    !(cue_at(d, k) & (C_ORGHEAD | C_TITLE | C_WEEKDAY | C_MONTH));
}

/* Whether word k joins the last item to a list: "dan", "and". */
static int
list_and(const struct doc *d, size_t k)
{
	return is_word(d, k) && !(d->tok[k].flags & F_CAP) &&
	    (cue1(d, k) & C_CONN) && !(cue1(d, k) & (C_DET | C_AFFIL |
	    C_ORGCONN));
}

/*
 * Where the list of names that a comma at token j goes on into ends,
 * inside one organization's name: ", Klimatologi, dan Geofisika" of
 * "Badan Meteorologi, Klimatologi, dan Geofisika", ", Infrastructure,
 * Transport and Tourism" of "Ministry of Land, ...".  Each item is one to
 * three list words ("BMKG, BNPB dan Polri" are three organizations), and
 * the list ends in "dan" or "and" and a capitalized word that is no
 * organization, head word or person.  Returns the token of that word, or
 * 0; adds the words of the items to *words.
 */
static size_t
name_list_end(const struct doc *d, size_t j, size_t *words)
{
	size_t k = j, n = 0, items = 0, w;
	const struct tok *t;

	while (k < d->ntok && items < 6) {
		if (is_punct(d, k, ','))
			k++;
		if (items > 0 && list_and(d, k)) {
			t = &d->tok[k + 1];
			if (!is_word(d, k + 1) || !(t->flags & F_CAP) ||
			    !(t->flags & F_SPACE) || t->org_ent >= 0 ||
			    (t->mark & M_PERSON) ||
			    (cue_at(d, k + 1) & C_ORGHEAD))
				return 0;
			*words += n;
			return k + 1;
		}
		for (w = 0; w < 3 && list_word(d, k); w++)
			k++;
		if (w == 0 || !(is_punct(d, k, ',') || list_and(d, k)))
			return 0;
		n += w;
		items++;
	}
	return 0;
}

/* Whether token j is a small word that only links the parts of one name:
 * "of", "on"; not "and", which may join two. */
static int
linking_word(const struct doc *d, size_t j)
{
	return (cue1(d, j) & (C_AFFIL | C_ORGCONN)) != 0;
}

/* Whether token j, a small word inside a name, goes on to the next
 * capitalized word of the same name: "Kementerian Kelautan dan
 * Perikanan", "Ministry of Manpower", "Commission on Environmental
 * Quality"; not "Dinas Kesehatan dan Polres ...". */
static int
name_goes_on(const struct doc *d, size_t j)
{
	const struct tok *u;
	cue_set c = cue1(d, j);

	if (!(c & (C_CONN | C_ORGCONN)) || (d->tok[j].flags & F_CAP) ||
	    !is_word(d, j + 1))
		return 0;
	u = &d->tok[j + 1];
	if (!(u->flags & F_CAP) || !(u->flags & F_SPACE))
		return 0;
	/* what follows "of" or "on" is the name's ("Ministry of Labour",
	 * "Association of Pension Funds"), "and" may start another one */
	return linking_word(d, j) || (!(u->mark & M_PERSON) &&
	    u->org_ent < 0 && !(cue_at(d, j + 1) & C_ORGHEAD));
}

/* Whether word j is a small word hyphened to a capitalized one, as
 * the scope that ends a name: "Paguyuban Reog Ponorogo se-Indonesia". */
static int
hyphen_cap(const struct doc *d, size_t j)
{
	const struct tok *t = &d->tok[j];
	const char *h = memchr(d->text + t->off, '-', t->len);

	return (t->flags & F_LOWER) && h != NULL &&
	    h + 1 < d->text + t->off + t->len && h[1] >= 'A' && h[1] <= 'Z';
}

/* An organization from a head word on ("Dinas Perikanan dan Kelautan
 * Provinsi Jawa Timur"): returns the token past it, or 0. */
static size_t
head_run(const struct doc *d, size_t i)
{
	size_t j = i + d->tok[i].cue_words, last = 0, words = 0, next;
	int linked = 0;

	while (j < d->ntok && words < 10) {
		const struct tok *t = &d->tok[j];
		cue_set c = cue1(d, j);
		size_t end;

		/* a person's name is no part of it, unless "of" or "on" made
		 * it the name's: "the Commission on Environmental Quality
		 * said" */
		if ((t->flags & F_PARA) || ((t->mark & M_PERSON) && !linked))
			break;
		if (t->kind == TK_WORD) {
			if (!(t->flags & F_SPACE))
				break;
			if (t->flags & (F_CAP | F_DIGIT)) {
				if ((c & (C_WEEKDAY | C_MONTH)) ||
				    ((cue_at(d, j) & C_TITLE) &&
				    !(cue_at(d, j) & C_ORGHEAD)))
					break;
				words++;
				last = ++j;
				continue;
			}
			if (name_goes_on(d, j)) {
				linked = linking_word(d, j);
				j++;
				continue;
			}
			if (words > 0 && hyphen_cap(d, j)) {
				words++;	/* "se-Indonesia" */
				last = ++j;
				continue;
			}
			break;
		}
		if (t->cp == ',' && words > 0 &&
		    (next = name_list_end(d, j, &words)) != 0) {
			j = next;
			continue;
		}
		if (t->cp == '(' && (end = tok_paren_acronym(d, j)) != 0 &&
		    words > 0) {
			last = end;
			break;
		}
		if (t->cp == '.' && !(t->flags & F_SPACE) &&
		    (cue1(d, j - 1) & C_ABBREV) && is_word(d, j + 1) &&
		    (d->tok[j + 1].flags & F_CAP)) {
			j++;	/* "RSUD Dr. Moewardi" */
			continue;
		}
		break;
	}
	return words > 0 ? last : 0;
}

/* The organizations of the definitions, first, so that later mentions
 * are theirs; with the words after the acronym that carry the name on. */
static int
definition_orgs(struct doc *d)
{
	size_t k;

	for (k = 0; k < d->orgs->ndef; k++) {
		struct def *df = &d->orgs->def[k];

		if (df->is_org && def_org(d, df, df->x0, df->x1) != 0)
			return -1;
	}
	return 0;
}

/*
 * The rules at token *ip, tried in turn: each returns 1 when the token is
 * its (*ip then at the last token it took), 0 when not, -1 when memory
 * runs out.
 */

/* The long form of a definition, found already with its acronym: no
 * other rule reads it. */
static int
definition_words_at(struct doc *d, size_t *ip)
{
	const struct def *df = def_from(d, *ip, 1);
	size_t end;

	if (df == NULL)
		return 0;
	end = df->x1 > df->x0 ? df->x1 : df->s1 + 1;
	mark_org(d, *ip, end);
	*ip = end - 1;
	return 1;
}

/* An acronym the text defines, alone or with a region; no other rule
 * reads one. */
static int
defined_org_at(struct doc *d, size_t *ip)
{
	size_t i = *ip, np;
	struct def *df = def_at(d, i);
	int seen;

	if (df == NULL)
		return 0;
	if (!df->is_org || (i >= df->s0 && i < df->s1))
		return 1;
	if ((np = region_after(d, i + 1)) > 0) {
		if ((seen = org_seen(d, i, i + 1 + np)) < 0 ||
		    (!seen && def_org(d, df, i + 1, i + 1 + np) != 0))
			return -1;
		*ip = i + np;
	} else if (df->orgidx < 0 && def_org(d, df, 0, 0) != 0) {
		return -1;
	}
	return 1;
}

/* Adds known organization o by its names in the lexicon, unless found. */
static int
known_org_add(struct doc *d, const struct lex_org *o)
{
	char *l, *s;

	if (org_find(d->orgs, o->name) != NULL)
		return 0;
	l = o->full != NULL ? strdup(o->full) : NULL;
	s = strdup(o->name);
	if (s == NULL || (o->full != NULL && l == NULL)) {
		free(l);
		free(s);
		return -1;
	}
	return org_add(d, l, s, "known") == -1 ? -1 : 0;
}

/*
 * An organization the lexicon knows; a regional one ("Polda") only with
 * its region ("Polda Jawa Tengah", "Polres Metro Jakarta Timur",
 * "Dinkes Kota Surabaya").  Another one with a region after the word of
 * its kind is its office there ("Badan Narkotika Nasional Kota
 * Surabaya"), and with a country in title case after it, its branch in
 * that country ("Facebook Indonesia", "RSPB Scotland").
 */
static int
known_org_at(struct doc *d, size_t *ip)
{
	size_t i = *ip, nw = d->tok[i].org_words, np, more;
	const struct lex_org *o = known_org(d, i);
	char *s;
	int seen;

	if (o == NULL || (d->tok[i].mark & M_NOTORG))
		return 0;
	np = region_after(d, i + nw);
	if (o->flags & ORG_PLACE) {
		if (np == 0)
			return 0;
		/* "Metro Jakarta Timur" */
		if (d->tok[i + nw].place_ent >= 0 &&
		    (more = place_after(d, i + nw + np)) > 0 &&
		    regional_place(d, i + nw + np))
			np += more;
	} else if (np > 0 && !region_prefix(d, i + nw)) {
		np = 0;
	}
	if (np > 0) {
		if ((seen = org_seen(d, i, i + nw + np)) < 0 ||
		    (!seen && known_org_place(d, o, i, nw, np) != 0))
			return -1;
		*ip = i + nw + np - 1;
		return 1;
	}
	if (d->lex->ent[d->tok[i].org_ent].org_short &&
	    (np = country_after(d, i + nw)) > 0) {
		if ((s = tok_copy(d, i, i + nw + np)) == NULL ||
		    org_add(d, s, NULL, "known") == -1)
			return -1;
		mark_org(d, i, i + nw + np);
		*ip = i + nw + np - 1;
		return 1;
	}
	if (known_org_add(d, o) != 0)
		return -1;
	mark_org(d, i, i + nw);
	*ip = i + nw - 1;
	return 1;
}

/*
 * Where a name from head word i is a sub-unit's, whose parent it names
 * after it: inside a job title ("Kepala Biro Penerangan Masyarakat Divisi
 * Humas Polri", "Kepala Biro Hukum, Komunikasi, dan Informasi Publik
 * Kementerian PAN-RB") or numbered ("Komisi I DPR RI").  Returns the
 * token where the parent starts, or 0.
 */
static size_t
parent_at(struct doc *d, size_t i, size_t end)
{
	size_t k, numbered = 1;
	const struct def *df;

	for (k = i + d->tok[i].cue_words; k < end; k++) {
		if (!is_word(d, k))
			continue;
		/* after a word of the sub-unit's own name: "Dinas Koperasi
		 * dan UKM" is one body */
		if (k > i + d->tok[i].cue_words && is_word(d, k - 1) &&
		    (d->tok[k - 1].flags & (F_CAP | F_DIGIT)) &&
		    (known_org(d, k) != NULL ||
		    ((d->tok[k].flags & F_CAP) && (cue_at(d, k) & C_ORGHEAD)) ||
		    ((df = def_at(d, k)) != NULL && df->is_org)))
			return numbered || tok_cue_ends_at(d, i, C_TITLE) ? k :
			    0;
		numbered = numbered && is_numeral(d, k);
	}
	return 0;
}

/* Whether the words [a, b) are all numerals: "Komisi IX" names a
 * sub-unit whose parent is elsewhere, no organization. */
static int
numerals_only(const struct doc *d, size_t a, size_t b)
{
	for (; a < b; a++)
		if (!is_numeral(d, a))
			return 0;
	return 1;
}

/*
 * The organization found already whose long name is head word [i, a) and
 * words whose capitals spell the acronym at a: "Kementerian PAN-RB" of
 * "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi".
 */
static int
spelled_org(struct doc *d, size_t i, size_t a)
{
	char acr[64], *head;
	size_t na = acronym_letters(d, a, a + 1, acr), hl, k;
	int found = 0;

	if (na < 2 || (head = tok_copy(d, i, a)) == NULL)
		return na < 2 ? 0 : -1;
	hl = strlen(head);
	for (k = 0; k < d->orgs->norg && !found; k++) {
		const char *l = d->orgs->org[k].lname, *p;
		size_t n = 0;

		if (l == NULL || strncmp(l, head, hl) != 0 || l[hl] != ' ')
			continue;
		for (p = l + hl; *p != '\0' && n <= na; p++)
			if (p[-1] == ' ' && *p >= 'A' && *p <= 'Z') {
				if (n == na || acr[n] != *p - 'A' + 'a')
					break;
				n++;
			}
		found = *p == '\0' && n == na;
	}
	free(head);
	return found;
}

/* Whether token k, a capitalized word before a name, is no part of it:
 * "The", or at a sentence's start a small word the text also writes in
 * lower case ("However"); "Great Lakes Utilities Co" keeps its "Great". */
static int
leading_small_word(const struct doc *d, size_t k)
{
	cue_set c = cue1(d, k);

	if (c & C_DET)
		return 1;
	if (!(d->tok[k].flags & F_SENT))
		return 0;
	return (c & (C_ACCORDING | C_SAY | C_SAID | C_CONN)) ||
	    ((c & C_NOTNAME) && seen_lower(d, &d->tok[k]));
}

/* Whether token k is a capitalized word that can be part of the name
 * after it; with strict, no word of another kind either (a title, a
 * date, a head or a tail, a speech verb). */
static int
left_name_word(const struct doc *d, size_t k, int strict)
{
	const struct tok *t = &d->tok[k];

	if (!is_word(d, k) || !(t->flags & F_CAP) ||
	    (t->mark & (M_PERSON | M_ORG)))
		return 0;
	return !strict || (t->org_ent < 0 && !(t->mark & COV_ORG) &&
	    !(cue_at(d, k) & (C_TITLE | C_MONTH | C_WEEKDAY | C_ORGHEAD |
	    C_ORGTAIL | C_SAY | C_SAID | C_ACCORDING | C_DOCWORD)));
}

/* How many tokens before a make the possessive of a name word with it
 * ("Moody 's", "Farmers '"), or 0. */
static size_t
possessive_before(const struct doc *d, size_t a)
{
	size_t k = a - 1;
	const struct tok *t = &d->tok[k];

	/* "Moody's": [Moody] ['] [s] */
	if (k >= 2 && t->kind == TK_WORD && !(t->flags & F_SPACE) &&
	    t->low_len == 1 && d->low[t->low_off] == 's' &&
	    d->tok[k - 1].kind == TK_PUNCT &&
	    !(d->tok[k - 1].flags & F_SPACE) &&
	    (d->tok[k - 1].cp == '\'' || d->tok[k - 1].cp == 0x2019))
		return 2;
	/* "Farmers'": [Farmers] ['] */
	if (k >= 1 && t->kind == TK_PUNCT && !(t->flags & F_SPACE) &&
	    (t->cp == '\'' || t->cp == 0x2019) && is_word(d, k - 1) &&
	    d->tok[k - 1].low_len > 1 &&
	    d->low[d->tok[k - 1].low_off + d->tok[k - 1].low_len - 1] == 's')
		return 1;
	return 0;
}

/*
 * The first token of the capitalized name that ends right before token e
 * (e itself when there is none), max words at most: over a possessive
 * ("Moody's Investors Service Inc", "National Farmers' Union") and, but
 * with strict, over "and" between capitalized words ("Bangladesh Garment
 * Manufacturers and Exporters Association"), never over "of" ("Shares of
 * Acme Corp"), a person, another organization, the end of one ("Apple
 * Inc and Acme Corp"), a number or a place before "and"; without a small
 * word that starts it ("The").
 */
static size_t
name_start_before(const struct doc *d, size_t e, size_t max, int strict)
{
	size_t a = e, words = 0, w, k;

	while (a > 0 && words < max && (d->tok[a].flags & F_SPACE) &&
	    !(d->tok[a].flags & F_PARA)) {
		k = a - 1;
		w = k - possessive_before(d, a);
		if (left_name_word(d, w, strict)) {
			a = w;
			words++;
			continue;
		}
		if (!strict && words > 0 && k > 0 && w == k &&
		    is_word(d, k) && !(d->tok[k].flags & F_CAP) &&
		    (cue1(d, k) & C_CONN) && !(cue1(d, k) & C_DET) &&
		    !linking_word(d, k) &&
		    (d->tok[k].flags & F_SPACE) &&
		    left_name_word(d, k - 1, 0) &&
		    d->tok[k - 1].place_ent < 0 &&
		    d->tok[k - 1].letters > 1 &&
		    !(d->tok[k - 1].flags & F_DIGIT) &&
		    !(cue_at(d, k - 1) & C_ORGTAIL)) {
			a = k - 1;
			words++;
			continue;
		}
		break;
	}
	while (a < e && (leading_small_word(d, a) ||
	    (a > 0 && a < e && is_word(d, a) && !(d->tok[a].flags & F_CAP))))
		a++;
	return a;
}

/* Where an English name from head word i starts, with the capitalized
 * words before it that are part of it ("Texas Commission on
 * Environmental Quality", "California Department of Forestry and Fire
 * Protection", "National Association of Pension Funds"): i when none. */
static size_t
words_left(const struct doc *d, size_t i)
{
	return name_start_before(d, i, 3, 1);
}

/*
 * A head word and the capitalized words after it, not in a document's
 * title ("Peraturan Pemerintah Nomor 75").  A sub-unit gives way to its
 * parent; a head word before a known name is that organization under its
 * legal form ("Perum Bulog"); a head word before an acronym spelled out
 * by an organization found already is that one ("Kementerian PAN-RB").
 */
static int
head_org_at(struct doc *d, size_t *ip)
{
	size_t i = *ip, cw = d->tok[i].cue_words, end, k;
	const struct lex_org *o;
	const struct def *kind;
	struct def *df;
	char *s, *sname;
	int rc;

	if (!(cue_at(d, i) & C_ORGHEAD) || !(d->tok[i].flags & F_CAP))
		return 0;
	if ((kind = def_from(d, i, 0)) != NULL) {
		*ip = kind->s1;	/* at the parenthesis that closes it */
		return 1;
	}
	if (tok_cue_ends_at(d, i, C_DOCWORD) || (end = head_run(d, i)) == 0)
		return 0;
	if ((k = parent_at(d, i, end)) != 0) {
		*ip = k - 1;
		return 1;
	}
	if (numerals_only(d, i + cw, end)) {
		*ip = end - 1;
		return 1;
	}
	if (end == i + cw + 1 && (d->tok[i + cw].flags & F_UPPER) &&
	    (rc = spelled_org(d, i, i + cw)) != 0) {
		if (rc < 0)
			return -1;
		mark_org(d, i, end);
		*ip = end - 1;
		return 1;
	}
	if ((s = tok_copy(d, i, end)) == NULL)
		return -1;
	o = known_org(d, i + cw);
	/* "Kementerian Ketenagakerjaan (Kemnaker)": the definition's
	 * organization, added already */
	if (d->tok[end - 1].kind == TK_PUNCT &&
	    (df = def_at(d, end - 2)) != NULL && df->orgidx >= 0) {
		free(s);
	} else if (o != NULL && !(o->flags & ORG_PLACE) &&
	    d->lex->ent[d->tok[i + cw].org_ent].org_short &&
	    i + cw + d->tok[i + cw].org_words == end) {
		/* "Kementerian Kominfo" is the known one, "Perum Bulog" the
		 * known one under its legal form */
		if (o->full != NULL && strncmp(o->full, d->text + d->tok[i].off,
		    d->tok[i].len) == 0 && o->full[d->tok[i].len] == ' ') {
			free(s);
			if (known_org_add(d, o) != 0)
				return -1;
		} else if ((sname = strdup(o->name)) == NULL) {
			free(s);
			return -1;
		} else if (org_add(d, s, sname, RULE_NAME) == -1) {
			return -1;
		}
	} else if (d->en && (k = words_left(d, i)) < i) {
		free(s);
		if ((s = tok_copy(d, k, end)) == NULL ||
		    name_org_add(d, s) == -1)
			return -1;
	} else if (name_org_add(d, s) == -1) {
		return -1;
	}
	mark_org(d, i, end);
	*ip = end - 1;
	return 1;
}

/* An acronym and a place: "PSIS Semarang". */
static int
acronym_place_at(struct doc *d, size_t *ip)
{
	size_t i = *ip, np;
	const struct tok *t = &d->tok[i];
	char *s;

	if (!(t->flags & F_UPPER) || t->letters > 8 || (t->flags & F_DIGIT) ||
	    (t->mark & (COV_PLACE | M_NOTORG)) || t->place_ent >= 0 ||
	    (cue1(d, i) & (C_NOTORG | C_NOTNAME | C_TITLE)) ||
	    (np = place_after(d, i + 1)) == 0 || !regional_place(d, i + 1) ||
	    d->lex->ent[d->tok[i + 1].place_ent].place_ambig)
		return 0;
	if ((s = tok_copy(d, i, i + 1 + np)) == NULL ||
	    org_add(d, s, NULL, "acronym+place") == -1)
		return -1;
	*ip = i + np;
	return 1;
}

/*
 * A tail word and the capitalized words before it: "Acme Corp", "Deer
 * Park Independent School District".  A tail with another after it is
 * not the end ("Harrison Trust Co", "Investors Service Inc"), nor one a
 * name goes on from ("Pelayanan Media dan Informasi").
 */
static int
tail_org_at(struct doc *d, size_t *ip)
{
	size_t i = *ip, end = i + d->tok[i].cue_words, a, k;
	char *s;

	if (!(cue_at(d, i) & C_ORGTAIL) || !(d->tok[i].flags & F_SPACE))
		return 0;
	for (k = i; k < end; k++)
		if (!(d->tok[k].flags & F_CAP))
			return 0;
	if (is_word(d, end) && (d->tok[end].flags & F_CAP) &&
	    (d->tok[end].flags & F_SPACE) && d->tok[end].cue_words == 1 &&
	    (cue_at(d, end) & C_ORGTAIL))
		return 0;
	/* "Royal Society of Chemistry" goes on, "Pelayanan Media dan
	 * Informasi, Kementerian ..." has no end here */
	if (is_word(d, end) && !(d->tok[end].flags & F_PARA) &&
	    name_goes_on(d, end) &&
	    (!linking_word(d, end) || (end = head_run(d, i)) == 0))
		return 0;
	if ((a = name_start_before(d, i, 6, 0)) == i)
		return 0;
	if ((s = tok_copy(d, a, end)) == NULL || name_org_add(d, s) == -1)
		return -1;
	*ip = end - 1;
	return 1;
}

/* A known organization in the lexicon by one word of text (s, n bytes):
 * in the case the data writes it, not a regional one. */
static const struct lex_org *
known_word(const struct doc *d, const char *s, size_t n)
{
	char key[2 * 64 + 4];
	const struct lex_entry *e;
	const struct lex_org *o;
	size_t k, len, letters = 0, upper = 0;

	if (n == 0 || n > 64)
		return NULL;
	len = lexicon_lower((const unsigned char *)s, n, key);
	e = lexicon_find(d->lex, fnv1a(FNV1A_INIT, key, len), key, len);
	if (e == NULL || e->org < 0 || !e->org_short)
		return NULL;
	for (k = 0; k < n; k++) {
		letters += (s[k] >= 'A' && s[k] <= 'Z') ||
		    (s[k] >= 'a' && s[k] <= 'z');
		upper += s[k] >= 'A' && s[k] <= 'Z';
	}
	if (((e->org_case & 3) == CASE_UPPER && (letters < 2 ||
	    upper != letters)) ||
	    ((e->org_case & 3) == CASE_CAP && !(s[0] >= 'A' && s[0] <= 'Z')))
		return NULL;
	o = &d->lex->org[e->org];
	if ((o->flags & ORG_PLACE) || ((o->flags & ORG_EN) && !d->en))
		return NULL;
	return o;
}

/* Known organizations joined by hyphens in one word, each its own:
 * "Gedung DPR-MPR", "TNI-Polri". */
static int
hyphen_orgs_at(struct doc *d, size_t i)
{
	const struct tok *t = &d->tok[i];
	const char *w = d->text + t->off;
	const struct lex_org *part[4];
	size_t n = 0, a = 0, b, k;

	if (t->org_ent >= 0 || !(t->flags & F_CAP) || (t->mark & M_NOTORG) ||
	    memchr(w, '-', t->len) == NULL)
		return 0;
	while (a <= t->len) {
		for (b = a; b < t->len && w[b] != '-'; b++)
			;
		if (n == 4 || (part[n] = known_word(d, w + a, b - a)) == NULL)
			return 0;
		n++;
		a = b + 1;
	}
	for (k = 0; k < n; k++)
		if (known_org_add(d, part[k]) != 0)
			return -1;
	d->tok[i].mark |= M_ORG;
	return 1;
}

/*
 * The token past the web address that starts at token i: words joined by
 * dots, the last a top-level domain ("kompas.com", "Republika.co.id",
 * "halalmui.org"), or 0.
 */
static size_t
address_end(const struct doc *d, size_t i)
{
	size_t j = i, end = 0;

	while (is_punct(d, j + 1, '.') && !(d->tok[j + 1].flags & F_SPACE) &&
	    is_word(d, j + 2) && !(d->tok[j + 2].flags & F_SPACE)) {
		j += 2;
		end = cue1(d, j) & C_TLD ? j + 1 : 0;
	}
	return d->tok[i].letters > 0 ? end : 0;
}

/* Whether the token before i, or the one at end, joins what is between
 * to something else: an e-mail address ("redaksi@kompas.com"), a link
 * ("pic.twitter.com/..."), a word glued on ("Begug.REPUBLIKA.CO.ID"). */
static int
address_joined(const struct doc *d, size_t i, size_t end)
{
	const struct tok *t;

	if (i > 0 && !(d->tok[i].flags & F_SPACE) &&
	    !(d->tok[i - 1].kind == TK_PUNCT && is_opening(d->tok[i - 1].cp)))
		return 1;
	if (end >= d->ntok)
		return 0;
	t = &d->tok[end];
	return !(t->flags & F_SPACE) && (t->kind == TK_WORD ||
	    t->cp == '/' || t->cp == '@');
}

/*
 * A web site the text cites, as written, each once however the text
 * writes it ("Bitungnews.com", "bitungnews.com").  The host of an e-mail
 * address or a link is no source, nor an organization the lexicon knows
 * ("kompas" of "redaksi@kompas.com"): its words are passed over.
 */
static int
website_at(struct doc *d, size_t *ip)
{
	size_t end = address_end(d, *ip), k;
	char *s;

	if (end == 0)
		return 0;
	if (!address_joined(d, *ip, end)) {
		if ((s = tok_copy(d, *ip, end)) == NULL)
			return -1;
		for (k = 0; k < d->orgs->norg; k++)
			if (strcasecmp(d->orgs->org[k].name, s) == 0)
				break;
		if (k < d->orgs->norg)
			free(s);
		else if (org_add(d, s, NULL, "site") == -1)
			return -1;
	}
	mark_org(d, *ip, end);
	*ip = end - 1;
	return 1;
}

/* The organizations found, into x, in order. */
static int
orgs_out(struct orgs *o, struct extraction *x)
{
	size_t i, cap = 0;
	int rc = 0;

	for (i = 0; i < o->norg && x->norgs < EXTRACT_MAX && rc == 0; i++) {
		rc = extract_list_add(&x->orgs, &x->orgs_rule, &x->norgs, &cap,
		    o->org[i].name, o->org[i].rule);
		o->org[i].name = NULL;
	}
	return rc;
}

/*
 * Whether the known organization at i is the item's source in its
 * dateline, not a subject: "LONDON, March 3 (Reuters) -", "Jakarta, CNN
 * Indonesia --", a few words into a paragraph and before a dash or a
 * colon.
 */
static int
dateline_source(const struct doc *d, size_t i)
{
	size_t k = i, j = i + d->tok[i].org_words, w = 0;

	if (d->tok[i].org_ent < 0)
		return 0;
	while (k > 0 && !(d->tok[k].flags & F_PARA) && i - k < 8)
		k--;
	if (!(d->tok[k].flags & F_PARA))
		return 0;
	while (w++ < 2 && is_word(d, j) && (d->tok[j].flags & F_CAP))
		j++;
	if (is_punct(d, j, ')'))
		j++;
	return is_punct(d, j, '-') || is_punct(d, j, 0x2013) ||
	    is_punct(d, j, 0x2014) || is_punct(d, j, ':');
}

int
find_orgs(struct doc *d, struct extraction *x)
{
	size_t i;
	int rc;

	if (definition_orgs(d) != 0)
		return -1;
	/* from the body on: the dateline's outlet is the item's source */
	for (i = d->body; i < d->ntok; i++) {
		const struct tok *t = &d->tok[i];

		if (t->kind != TK_WORD || (t->flags & F_HEAD) ||
		    (t->mark & M_PERSON))
			continue;
		/* most words: small, known to no rule, no web address */
		if (!(t->flags & (F_CAP | F_DIGIT)) && t->org_ent < 0 &&
		    !is_punct(d, i + 1, '.'))
			continue;
		if (dateline_source(d, i)) {
			i += t->org_words - 1;
			continue;
		}
		if ((rc = website_at(d, &i)) == 0 &&
		    (rc = definition_words_at(d, &i)) == 0 &&
		    (rc = defined_org_at(d, &i)) == 0 &&
		    (rc = known_org_at(d, &i)) == 0 &&
		    (rc = hyphen_orgs_at(d, i)) == 0 &&
		    (rc = head_org_at(d, &i)) == 0 &&
		    (rc = acronym_place_at(d, &i)) == 0)
			rc = tail_org_at(d, &i);
		if (rc < 0)
			return -1;
	}
	return orgs_out(d->orgs, x);
}

void
orgs_free(struct orgs *o)
{
	size_t i;

	if (o == NULL)
		return;
	for (i = 0; i < o->norg; i++) {
		free(o->org[i].name);
		free(o->org[i].sname);
		free(o->org[i].lname);
		free(o->org[i].alias[0]);
		free(o->org[i].alias[1]);
		free(o->org[i].alias[2]);
	}
	free(o->org);
	free(o->oslot);
	free(o->def);
	free(o);
}
