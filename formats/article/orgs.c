/*
 * article/orgs.c: the organizations a text names: acronyms it defines,
 * the ones the lexicon knows, names from a head or a tail word, an
 * acronym with a place (article/extract.h says which rules).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article/rules.h"
#include "article/tokens.h"
#include "base/hash.h"

/* An organization found, with the names it goes by. */
struct docorg {
	char *name;		/* as reported */
	char *sname;		/* the short name, or NULL */
	char *lname;		/* the long name, or NULL */
	const char *rule;
};

/* An acronym the text defines, an organization or not. */
struct def {
	uint32_t s0, s1;	/* short form tokens [s0, s1) */
	uint32_t l0, l1;	/* long form tokens */
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
		    (o->lname != NULL && strcmp(o->lname, s) == 0))
			return o;
	}
	return NULL;
}

/* Indexes the names of organization k (the table is rebuilt as it
 * fills). */
static int
org_index(struct orgs *os, size_t k)
{
	const char *names[3];
	size_t i, j;

	if (os->oslot == NULL || 3 * (k + 1) * 2 > os->omask + 1) {
		size_t n = 64;
		uint64_t *t;

		while (n < 3 * (k + 1) * 4)
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
	for (j = 0; j < 3; j++) {
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
	char *name;
	size_t n;

	if (sname != NULL)
		o = org_find(os, sname);
	if (o == NULL && lname != NULL)
		o = org_find(os, lname);
	if (o != NULL || os->norg >= 4 * EXTRACT_MAX) {
		free(lname);
		free(sname);
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
	o->rule = rule;
	if (org_index(os, os->norg - 1) != 0)
		return -1;
	return (int)(o - os->org);
fail:
	free(lname);
	free(sname);
	return -1;
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

/* The name of token i's known organization with the place after it. */
static int
known_org_place(struct doc *d, const struct lex_org *o, size_t i,
    size_t nwords, size_t np)
{
	const struct lex_entry *e = &d->lex->ent[d->tok[i + nwords].place_ent];
	const struct lex_place *pl = &d->lex->place[e->place];
	char *sname, *lname = NULL;

	sname = tok_copy(d, i, i + nwords + np);
	if (o->full != NULL)
		lname = cat3(o->full, " ", pl->name);
	if (sname == NULL || (o->full != NULL && lname == NULL)) {
		free(sname);
		free(lname);
		return -1;
	}
	return org_add(d, lname, sname, "known") == -1 ? -1 : 0;
}

static struct def *def_at(struct doc *, size_t);

/*
 * The definition at the parenthesis at token i, if there is one, into
 * df: "Kementerian Ketenagakerjaan (Kemnaker)", "KKP (Kementerian
 * Kelautan dan Perikanan)".
 */
static int
definition_at(const struct doc *d, size_t i, struct def *df)
{
	size_t close = tok_paren_acronym(d, i), first, j;
	int known;

	memset(df, 0, sizeof(*df));
	df->orgidx = -1;
	if (close != 0 && close - i <= 4 && is_word(d, i - 1) &&
	    (first = long_form(d, i + 1, close - 1, i)) != (size_t)-1) {
		df->s0 = (uint32_t)(i + 1);
		df->s1 = (uint32_t)(close - 1);
		df->l0 = (uint32_t)first;
		df->l1 = (uint32_t)i;
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
	} else {
		return 0;
	}
	known = known_org(d, df->s0) != NULL;
	/* an expansion with a head word makes even a stop-listed acronym
	 * one: "Mahkamah Agung (MA)" */
	df->is_org = d->tok[df->s0].place_ent < 0 &&
	    (has_org_word(d, df->l0, df->l1) ||
	    (known && !(cue1(d, df->s0) & C_NOTORG)));
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

/* Adds the organization a definition names, with the place after its
 * acronym ("Balai Besar ... Kerja (BBPLK) Semarang") when there is one. */
static int
def_org(struct doc *d, struct def *df, size_t place_tok, size_t np)
{
	char *lname, *sname, *where = NULL;
	int idx;

	lname = tok_copy(d, df->l0, df->l1);
	sname = tok_copy(d, df->s0, df->s1);
	if (np > 0 && (where = tok_copy(d, place_tok, place_tok + np)) == NULL)
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
	if (df->orgidx < 0 && idx >= 0)
		df->orgidx = idx;
	return 0;
fail:
	free(lname);
	free(sname);
	free(where);
	return -1;
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

/* An organization from a head word on ("Dinas Perikanan dan Kelautan
 * Provinsi Jawa Timur"): returns the token past it, or 0. */
static size_t
head_run(const struct doc *d, size_t i)
{
	size_t j = i + d->tok[i].cue_words, last = 0, words = 0;

	while (j < d->ntok && words < 10) {
		const struct tok *t = &d->tok[j];
		cue_set c = cue1(d, j);
		size_t end;

		if ((t->flags & F_PARA) || (t->mark & M_PERSON))
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
			/* "Kementerian Kelautan dan Perikanan",
			 * "Ministry of Manpower" */
			if ((c & C_CONN) && is_word(d, j + 1) &&
			    (d->tok[j + 1].flags & F_CAP)) {
				j++;
				continue;
			}
			break;
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
 * are theirs; with the place after the acronym when there is one. */
static int
definition_orgs(struct doc *d)
{
	size_t k, np;

	for (k = 0; k < d->orgs->ndef; k++) {
		struct def *df = &d->orgs->def[k];
		size_t after = df->s0 > df->l0 ? df->s1 + 1 : df->l1 + 1;

		if (!df->is_org)
			continue;
		np = df->s0 > df->l0 ? place_after(d, after) : 0;
		if (np > 0 && !regional_place(d, after))
			np = 0;
		if (def_org(d, df, after, np) != 0)
			return -1;
	}
	return 0;
}

/*
 * The rules at token *ip, tried in turn: each returns 1 when the token is
 * its (*ip then at the last token it took), 0 when not, -1 when memory
 * runs out.
 */

/* An acronym the text defines, alone or with a place; no other rule
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
	np = place_after(d, i + 1);
	if (np > 0 && regional_place(d, i + 1)) {
		if ((seen = org_seen(d, i, i + 1 + np)) < 0 ||
		    (!seen && def_org(d, df, i + 1, np) != 0))
			return -1;
		*ip = i + np;
	} else if (df->orgidx < 0 && def_org(d, df, 0, 0) != 0) {
		return -1;
	}
	return 1;
}

/* An organization the lexicon knows; a regional one ("Polda") only with
 * its place. */
static int
known_org_at(struct doc *d, size_t *ip)
{
	size_t i = *ip, nw = d->tok[i].org_words, np, k;
	const struct lex_org *o = known_org(d, i);
	char *l, *s;
	int seen;

	if (o == NULL || (d->tok[i].mark & M_NOTORG))
		return 0;
	np = place_after(d, i + nw);
	if (np > 0 && !regional_place(d, i + nw))
		np = 0;
	if (o->flags & ORG_PLACE) {
		if (np == 0)
			return 0;
		if ((seen = org_seen(d, i, i + nw + np)) < 0 ||
		    (!seen && known_org_place(d, o, i, nw, np) != 0))
			return -1;
		*ip = i + nw + np - 1;
		return 1;
	}
	if (org_find(d->orgs, o->name) == NULL) {
		l = o->full != NULL ? strdup(o->full) : NULL;
		s = strdup(o->name);
		if (s == NULL || (o->full != NULL && l == NULL)) {
			free(l);
			free(s);
			return -1;
		}
		if (org_add(d, l, s, "known") == -1)
			return -1;
	}
	for (k = i; k < i + nw; k++)
		d->tok[k].mark |= M_ORG;
	*ip = i + nw - 1;
	return 1;
}

/* A head word and the capitalized words after it, not in a document's
 * title ("Peraturan Pemerintah Nomor 75"). */
static int
head_org_at(struct doc *d, size_t *ip)
{
	size_t i = *ip, end, k;
	struct def *df;
	char *s;

	if (!(cue_at(d, i) & C_ORGHEAD) || !(d->tok[i].flags & F_CAP) ||
	    tok_cue_ends_at(d, i, C_DOCWORD) || (end = head_run(d, i)) == 0)
		return 0;
	if ((s = tok_copy(d, i, end)) == NULL)
		return -1;
	/* "Kementerian Ketenagakerjaan (Kemnaker)": the definition's
	 * organization, added already */
	if (d->tok[end - 1].kind == TK_PUNCT &&
	    (df = def_at(d, end - 2)) != NULL && df->orgidx >= 0)
		free(s);
	else if (org_add(d, s, NULL, "name") == -1)
		return -1;
	for (k = i; k < end; k++)
		d->tok[k].mark |= M_ORG;
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

/* A tail word and the capitalized words before it: "Acme Corp". */
static int
tail_org_at(struct doc *d, size_t i)
{
	const struct tok *t = &d->tok[i];
	size_t a = i;
	char *s;

	if (!(cue_at(d, i) & C_ORGTAIL) || t->cue_words != 1 ||
	    !(t->flags & F_CAP) || i == 0 || !is_word(d, i - 1) ||
	    !(t->flags & F_SPACE))
		return 0;
	while (a > 0 && i - a < 4 && is_word(d, a - 1) &&
	    (d->tok[a - 1].flags & F_CAP) && (d->tok[a].flags & F_SPACE) &&
	    !(d->tok[a].flags & F_PARA) &&
	    !(d->tok[a - 1].mark & (M_PERSON | M_ORG)))
		a--;
	while (a < i && (d->tok[a].flags & F_SENT) && (cue1(d, a) & C_NOTNAME))
		a++;	/* "The" */
	if (a == i)
		return 0;
	if ((s = tok_copy(d, a, i + 1)) == NULL ||
	    org_add(d, s, NULL, "name") == -1)
		return -1;
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
	for (i = 0; i < d->ntok; i++) {
		const struct tok *t = &d->tok[i];

		if (t->kind != TK_WORD || (t->flags & F_HEAD) ||
		    (t->mark & M_PERSON))
			continue;
		if (dateline_source(d, i)) {
			i += t->org_words - 1;
			continue;
		}
		if ((rc = defined_org_at(d, &i)) == 0 &&
		    (rc = known_org_at(d, &i)) == 0 &&
		    (rc = head_org_at(d, &i)) == 0 &&
		    (rc = acronym_place_at(d, &i)) == 0)
			rc = tail_org_at(d, i);
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
	}
	free(o->org);
	free(o->oslot);
	free(o->def);
	free(o);
}
