/*
 * article/places.c: the places of the gazetteer a text names, each once,
 * in order; never a place inside another name, an organization's, a
 * person's, a building's, nor one that modifies a noun
 * (article/extract.h says which).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article/rules.h"
#include "article/tokens.h"

struct places {
	struct extract_place *p;
	size_t n, cap;
};

static int add_place(const struct lexicon *, struct places *, int,
    const char *, const char *);

/*
 * Keeps the form the text writes place p in (tokens [a, b)) when it is
 * not the place's name, nor a form kept already, nor in capitals ("AS",
 * "RI"): an archivist reading Indonesian looks for "Tiongkok".
 */
static int
keep_written(const struct doc *d, struct extract_place *p, size_t a,
    size_t b)
{
	char *s;
	size_t k;

	if (p->nwritten >= 3 || (d->tok[a].flags & F_UPPER))
		return 0;
	if ((s = tok_copy(d, a, b)) == NULL)
		return -1;
	if (strcmp(s, p->name) == 0) {
		free(s);
		return 0;
	}
	for (k = 0; k < p->nwritten; k++)
		if (strcmp(s, p->written[k]) == 0) {
			free(s);
			return 0;
		}
	p->written[p->nwritten++] = s;
	return 0;
}

/* The place of index idx, found in the text at tokens [a, b). */
static int
add_place_at(struct doc *d, struct places *ps, int idx, size_t a, size_t b)
{
	size_t k;

	for (k = 0; k < ps->n; k++)
		if (strcmp(ps->p[k].name, d->lex->place[idx].name) == 0)
			return keep_written(d, &ps->p[k], a, b);
	if (add_place(d->lex, ps, idx, NULL, "gazetteer") != 0)
		return -1;
	return ps->n > 0 && strcmp(ps->p[ps->n - 1].name,
	    d->lex->place[idx].name) == 0 ?
	    keep_written(d, &ps->p[ps->n - 1], a, b) : 0;
}

static int
add_place(const struct lexicon *lex, struct places *ps, int idx,
    const char *name, const char *rule)
{
	struct extract_place *p;
	int b;
	size_t k;

	if (idx >= 0)
		for (k = 0; k < ps->n; k++)
			if (strcmp(ps->p[k].name, lex->place[idx].name) == 0)
				return 0;
	if (ps->n >= EXTRACT_MAX)
		return 0;
	if ((p = extract_grow(ps->p, &ps->cap, ps->n, sizeof(*ps->p))) == NULL)
		return -1;
	ps->p = p;
	p = &ps->p[ps->n];
	memset(p, 0, sizeof(*p));
	p->rule = rule;
	if ((p->name = strdup(idx >= 0 ? lex->place[idx].name : name)) == NULL)
		return -1;
	ps->n++;
	if (idx < 0)
		return 0;
	p->kind = lex->place[idx].kind;
	for (b = lex->place[idx].broader; b >= 0 && p->nbroader < 4;
	    b = lex->place[b].broader)
		if ((p->broader[p->nbroader++] =
		    strdup(lex->place[b].name)) == NULL)
			return -1;
	return 0;
}

/* Whether the place at tokens [i, end) is part of another name: a
 * person's, a known organization's ("Garuda Indonesia"), or one a cue
 * before or after it makes ("Jalan Semarang", "Jawa Pos"). */
static int
inside_name(const struct doc *d, size_t i, size_t end)
{
	const struct tok *t = &d->tok[i];
	size_t k;

	for (k = i; k < end; k++)
		if (d->tok[k].mark & M_PERSON)
			return 1;
	for (k = i; k > 0 && k + LEXICON_MAXW > i; k--) {
		const struct tok *u = &d->tok[k - 1];

		if (u->org_ent >= 0 && k - 1 + u->org_words >= end &&
		    u->org_words > 1)
			return 1;
		if (u->kind != TK_WORD)
			break;
	}
	if (i > 0 && d->tok[i - 1].kind == TK_WORD && (t->flags & F_SPACE)) {
		/* the cue ending right before: "Jalan", "bahasa" */
		for (k = i; k-- > 0 && i - k <= 3;) {
			const struct tok *u = &d->tok[k];

			if (u->cue_ent >= 0 && k + u->cue_words == i &&
			    (d->lex->ent[u->cue_ent].cue & C_PLACEBLOCK))
				return 1;
			if (u->kind != TK_WORD)
				break;
		}
	}
	return is_word(d, end) && (d->tok[end].flags & F_SPACE) &&
	    (cue_at(d, end) & C_PLACEAFTER);
}

/*
 * Whether the place at tokens [i, end) only modifies what follows it, as
 * part of another name or as an adjective: "China Bristle", "San
 * Francisco Municipal Transportation Agency", "Oxford Road" (a
 * capitalized word after it that is no place, title, date or person),
 * and in English "Norway spruce", "Jersey cows", "the Dublin group" (a
 * word after it that is not one a place's name is followed by, a verb or
 * a small word: placenext in cues.tsv).
 */
static int
modifies_noun(const struct doc *d, size_t i, size_t end)
{
	const struct tok *n;
	uint32_t c;

	if (!is_word(d, end) || !(d->tok[end].flags & F_SPACE) ||
	    (d->tok[end].flags & (F_PARA | F_DIGIT)) ||
	    (d->tok[i].flags & (F_HEAD | F_TITLE)))
		return 0;
	n = &d->tok[end];
	c = cue_at(d, end);
	if (n->flags & F_CAP)
		return !(n->flags & F_UPPER) && n->place_ent < 0 &&
		    !(n->mark & M_PERSON) && !(c & (C_TITLE | C_WEEKDAY |
		    C_MONTH | C_SAID | C_SAY | C_CONN | C_PLACENEXT));
	return d->en && !(c & (C_PLACENEXT | C_SAID | C_SAY | C_CONN |
	    C_ACCORDING | C_DET | C_AFFIL | C_WDLAST | C_WDNEXT));
}

/*
 * Whether the place at token i goes on the name of an organization that
 * ends right before it, and so is only part of that name: after a known
 * organization or an acronym the text defines as one ("KJRI Davao",
 * "BPOM RI", "Polres Metro"), inside a name from a head word ("Dinas
 * Perikanan dan Kelautan Jawa Timur", "Kepolisian Daerah Jawa Barat"),
 * with "Kota", "Kabupaten" between ("Satpol PP Kota Surabaya").
 */
static int
in_org_name(const struct doc *d, size_t i)
{
	const struct tok *p;

	if (i == 0 || !(d->tok[i].flags & F_SPACE) ||
	    (d->tok[i].flags & F_PARA))
		return 0;
	p = &d->tok[i - 1];
	if (p->kind == TK_WORD && !(p->mark & (M_ORG | COV_ORG)) &&
	    (p->flags & F_CAP) && i >= 2 && (cue1(d, i - 1) & C_PLACECTX) &&
	    (p->flags & F_SPACE) && !(p->flags & F_PARA))
		p--;	/* "Kota", "Kabupaten" */
	return p->kind == TK_WORD && (p->mark & (M_ORG | COV_ORG)) &&
	    !(p->mark & M_PERSON) && p->place_ent < 0;
}

/* Whether a country or a region ends the name of an organization, its
 * scope and no place the text is about: "Majelis Ulama Indonesia",
 * "Perhimpunan Onkologi Indonesia", "Broadband Delivery UK". */
static int
national_org(const struct doc *d, size_t i, size_t end)
{
	const struct lex_entry *e = &d->lex->ent[d->tok[i].place_ent];
	const char *kind = d->lex->place[e->place].kind;

	if ((strcmp(kind, "country") != 0 && strcmp(kind, "region") != 0) ||
	    i == 0 ||
	    !is_word(d, i - 1) || !(d->tok[i].flags & F_SPACE))
		return 0;
	if ((d->tok[i].mark & M_ORG) && (d->tok[i - 1].mark & M_ORG))
		return 1;
	/* in English, after the capitalized words of a name */
	return d->en && (d->tok[i - 1].flags & F_CAP) &&
	    !(d->tok[i - 1].flags & F_SENT) && d->tok[i - 1].place_ent < 0 &&
	    !(cue_at(d, i - 1) & (C_TITLE | C_PLACECTX)) && end > i;
}

/* Whether the word at i is the next of a run of capitalized words. */
static int
follows_name(const struct doc *d, size_t i)
{
	return i > 0 && is_word(d, i - 1) && (d->tok[i].flags & F_SPACE) &&
	    !(d->tok[i].flags & F_PARA) && (d->tok[i - 1].flags & F_CAP);
}

/*
 * Whether the place at token i ends a longer name, a person's or a
 * thing's, that the text gives as one run of capitalized words: "Owen
 * Carlisle", "Kolese Kanisius Jakarta", "Persib Bandung".  The word
 * before is capitalized mid-sentence, the text never writes it in lower
 * case, and it is no title, place word or other cue ("Gubernur Jawa
 * Tengah", "Kota Semarang", "Pulau Jawa", "South Florida").
 */
static int
ends_name(const struct doc *d, size_t i)
{
	const struct tok *p;

	if (!follows_name(d, i) || (d->tok[i].flags & F_TITLE))
		return 0;
	p = &d->tok[i - 1];
	return !(p->flags & (F_SENT | F_DIGIT)) &&
	    !(p->mark & COV_PLACE) && p->place_ent < 0 &&
	    !(cue1(d, i - 1) & ~(uint32_t)(C_NOTNAME | C_NAMESAKE)) &&
	    !tok_cue_ends_at(d, i, ~(uint32_t)(C_NOTNAME | C_NAMESAKE)) &&
	    !seen_lower(d, p);
}

/* Whether a name that is also a word ("Batu", "Medan") is a place at
 * tokens [i, end): after "di", "kota", or before ", <place>" ("Solo, Jawa
 * Tengah"); never at a sentence's start. */
static int
in_place_context(const struct doc *d, size_t i, size_t end)
{
	size_t k;

	if (d->tok[i].flags & (F_HEAD | F_SENT))
		return 0;
	for (k = i; k-- > 0 && i - k <= 2;) {
		const struct tok *u = &d->tok[k];

		if (u->cue_ent >= 0 && k + u->cue_words == i &&
		    (d->lex->ent[u->cue_ent].cue & C_PLACECTX))
			return 1;
		if (u->kind != TK_WORD)
			break;
	}
	return is_punct(d, end, ',') && is_word(d, end + 1) &&
	    d->tok[end + 1].place_ent >= 0 &&
	    !d->lex->ent[d->tok[end + 1].place_ent].place_ambig;
}

/* Whether the one word at i is a word of a person's name found in the
 * text: "Carlisle said" after "Owen Carlisle". */
static int
names_person(const struct doc *d, size_t i, const struct extraction *x)
{
	const struct tok *t = &d->tok[i];
	size_t k, n = t->len;
	const char *w = d->text + t->off, *s;

	for (k = 0; k < x->npeople; k++)
		for (s = strstr(x->people[k], " "); s != NULL;
		    s = strstr(s + 1, " "))
			if (strncmp(s + 1, w, n) == 0 &&
			    (s[1 + n] == '\0' || s[1 + n] == ' '))
				return 1;
	return 0;
}

/* The places of the gazetteer the text names; dateline is the dateline's
 * place (or -1), which counts even by an ambiguous name. */
static int
gazetteer_places(struct doc *d, int dateline, const struct extraction *x,
    struct places *ps)
{
	size_t i, body = doc_body_start(d), org_end = 0;

	for (i = 0; i < d->ntok; i++) {
		const struct tok *t = &d->tok[i];
		const struct lex_entry *e;
		size_t end;

		/* the headline's and the dateline's own words ("LONDON,
		 * March 3 (Reuters) -") are no part of the text an archivist
		 * lists places from */
		if (t->place_ent < 0 || i < body)
			continue;
		e = &d->lex->ent[t->place_ent];
		end = i + t->place_words;
		/* in a sentence of capitals, the place's own name only, not
		 * a short form ("Sulut" is also "menyulut") */
		if ((t->flags & F_TITLE) && (e->place_ambig ||
		    !e->place_canon))
			continue;
		/* "Polres Metro Jakarta Timur": the places after one inside
		 * a name are in it too */
		if ((i == org_end && i > 0 && (t->flags & F_SPACE) &&
		    !(t->flags & F_PARA)) || in_org_name(d, i)) {
			org_end = end;
			i = end - 1;
			continue;
		}
		if (inside_name(d, i, end) || modifies_noun(d, i, end) ||
		    ends_name(d, i) ||
		    (end == i + 1 && names_person(d, i, x)) ||
		    national_org(d, i, end) || (e->place_ambig &&
		    e->place != dateline && !in_place_context(d, i, end)))
			continue;
		if (add_place_at(d, ps, e->place, i, end) != 0)
			return -1;
		i = end - 1;
	}
	return 0;
}

/*
 * Whether the body, past the dateline, writes name (ASCII case folded) as
 * a name of its own: not inside a longer run of capitalized words ("Kampung
 * Melayu Timur", "BBPLK Kampung Melayu").  For a dateline's place the
 * gazetteer does not know.
 */
static int
body_names(const struct doc *d, const char *name)
{
	size_t i, n = strlen(name), a, b;
	const char *s;

	for (a = doc_body_start(d); a < d->ntok; a++) {
		if (d->tok[a].kind != TK_WORD || !(d->tok[a].flags & F_CAP))
			continue;
		s = d->text + d->tok[a].off;
		if ((size_t)(d->len - d->tok[a].off) < n ||
		    strncasecmp(s, name, n) != 0)
			continue;
		/* the token past the name's last byte */
		for (b = a; b < d->ntok && d->tok[b].off < d->tok[a].off + n;
		    b++)
			;
		i = d->tok[b - 1].off + d->tok[b - 1].len;
		if (i != d->tok[a].off + n)
			continue;	/* it ends inside a word */
		if (a > 0 && is_word(d, a - 1) && (d->tok[a].flags & F_SPACE) &&
		    (d->tok[a - 1].flags & F_CAP) &&
		    !(d->tok[a].flags & F_PARA) &&
		    !(cue_at(d, a - 1) & C_PLACECTX))
			continue;
		if (is_word(d, b) && (d->tok[b].flags & F_CAP) &&
		    (d->tok[b].flags & F_SPACE) && !(d->tok[b].flags & F_PARA))
			continue;
		return 1;
	}
	return 0;
}

/* Puts the place named name first, found by the dateline: the item's
 * located already, it is a subject too only where the text names it. */
static int
dateline_first(struct places *ps, const char *name)
{
	struct extract_place p;
	size_t k;

	for (k = 0; k < ps->n; k++)
		if (strcmp(ps->p[k].name, name) == 0)
			break;
	if (k == ps->n)
		return 0;
	p = ps->p[k];
	memmove(ps->p + 1, ps->p, k * sizeof(*ps->p));
	ps->p[0] = p;
	ps->p[0].rule = "dateline";
	return 1;
}

int
find_places(struct doc *d, const char *dateline_place, struct extraction *x)
{
	struct places ps = { NULL, 0, 0 };
	int dateline = -1, rc;

	/*
	 * The dateline's place is the item's located already; it is a
	 * subject too only when the text names it as a place: a Reuters
	 * story filed in London is not about London, nor one filed in San
	 * Francisco about it for naming the "San Francisco Municipal
	 * Transportation Agency".
	 */
	if (dateline_place != NULL && *dateline_place != '\0')
		dateline = lexicon_place(d->lex, dateline_place);
	rc = gazetteer_places(d, dateline, x, &ps);
	if (rc == 0 && dateline >= 0)
		dateline_first(&ps, d->lex->place[dateline].name);
	else if (rc == 0 && dateline_place != NULL &&
	    *dateline_place != '\0' && body_names(d, dateline_place) &&
	    (rc = add_place(d->lex, &ps, -1, dateline_place, "dateline")) == 0) {
		struct extract_place p = ps.p[ps.n - 1];

		memmove(ps.p + 1, ps.p, (ps.n - 1) * sizeof(*ps.p));
		ps.p[0] = p;
	}
	x->places = ps.p;
	x->nplaces = ps.n;
	return rc;
}
