/*
 * article/places.c: the places a text names, each once, in order: the
 * gazetteer's, and those the words around a name make a place's
 * ("Kecamatan Tulis", "Gunung Lawu", "South Florida"); never a place
 * inside another name, an organization's, a person's, a building's, nor
 * one that modifies a noun (article/extract.h says which).
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

/*
 * A place the gazetteer does not know, named by the text at tokens [a, b)
 * ("Tulis", "Gunung Lawu", "South Florida"), and a part of place
 * broader (or -1); each name once.
 */
static int
add_form_place(struct doc *d, struct places *ps, size_t a, size_t b,
    int broader)
{
	struct extract_place *p;
	char *s;
	size_t k;
	int rc = 0;

	if ((s = tok_copy(d, a, b)) == NULL)
		return -1;
	for (k = 0; k < ps->n; k++)
		if (strcmp(ps->p[k].name, s) == 0)
			goto out;
	if ((rc = add_place(d->lex, ps, -1, s, "form")) != 0 ||
	    ps->n == 0 || strcmp(ps->p[ps->n - 1].name, s) != 0)
		goto out;
	p = &ps->p[ps->n - 1];
	for (; broader >= 0 && p->nbroader < 4;
	    broader = d->lex->place[broader].broader)
		if ((p->broader[p->nbroader++] =
		    strdup(d->lex->place[broader].name)) == NULL) {
			rc = -1;
			break;
		}
out:
	free(s);
	return rc;
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
	cue_set c;

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
	    !(cue1(d, i - 1) & ~(C_NOTNAME | C_NAMESAKE)) &&
	    !tok_cue_ends_at(d, i, ~(C_NOTNAME | C_NAMESAKE)) &&
	    !seen_lower(d, p);
}

/* Whether the place at i is in a list after another one: "Jakarta,
 * Surabaya, dan Malang", "Montana and Wyoming". */
static int
after_place(const struct doc *d, size_t i)
{
	size_t k = i, skipped = 0;

	while (k > 0 && skipped < 2 && (is_punct(d, k - 1, ',') ||
	    (is_word(d, k - 1) && (d->tok[k - 1].flags & F_LOWER) &&
	    (cue1(d, k - 1) & C_CONN)))) {
		k--;
		skipped++;
	}
	return skipped > 0 && k > 0 && is_word(d, k - 1) &&
	    (d->tok[k - 1].mark & COV_PLACE) &&
	    !(d->tok[k].flags & F_PARA);
}

/* Whether a name that is also a word ("Batu", "Medan") is a place at
 * tokens [i, end): after "di", "kota", "Kecamatan", another place in a
 * list ("Surabaya, dan Malang"), or before ", <place>" ("Solo, Jawa
 * Tengah"); never at a sentence's start. */
static int
in_place_context(const struct doc *d, size_t i, size_t end)
{
	size_t k;

	if (d->tok[i].flags & (F_HEAD | F_SENT))
		return 0;
	if (after_place(d, i))
		return 1;
	for (k = i; k-- > 0 && i - k <= 2;) {
		const struct tok *u = &d->tok[k];

		if (u->cue_ent >= 0 && k + u->cue_words == i &&
		    (d->lex->ent[u->cue_ent].cue & (C_PLACECTX | C_PLACEWORD)))
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

/* The cue classes a word of a place's name may have: words that are no
 * one's name ("Baru"), a compass ("Rejowinangun Selatan"), "St". */
#define C_NAMEWORD (C_NOTNAME | C_NAMESAKE | C_COMPASS)

/*
 * The end of the capitalized words from i that can name a place, three
 * at most: no person's or organization's, no title, date or other cue,
 * no feature word, inside one sentence.  i itself when there are none.
 */
static size_t
name_run(const struct doc *d, size_t i)
{
	size_t j;

	for (j = i; j < i + 3 && is_word(d, j); j++) {
		const struct tok *t = &d->tok[j];

		if (!(t->flags & F_CAP) || (t->flags & (F_UPPER | F_DIGIT)) ||
		    (t->mark & (M_PERSON | M_ORG | COV_ORG)) ||
		    (cue_at(d, j) & ~C_NAMEWORD) ||
		    (j > i && (!(t->flags & F_SPACE) ||
		    (t->flags & (F_PARA | F_SENT)))))
			break;
	}
	return j;
}

/* Whether the word at j, after a place's name, goes on with it. */
static int
name_goes_on(const struct doc *d, size_t j)
{
	return is_word(d, j) && (d->tok[j].flags & F_SPACE) &&
	    !(d->tok[j].flags & F_PARA) &&
	    (d->tok[j].flags & (F_CAP | F_DIGIT));
}

/* Whether the word before i is one a place's name comes after rather
 * than a person's: "in", "near", "toward", "the", "of". */
static int
place_comes_after(const struct doc *d, size_t i)
{
	if (i == 0 || !is_word(d, i - 1) || (d->tok[i].flags & F_PARA) ||
	    !(d->tok[i].flags & F_SPACE))
		return 0;
	return (cue1(d, i - 1) & (C_PLACECTX | C_DET | C_AFFIL)) != 0;
}

/*
 * Whether the capitalized words at [i, e) are a part of an address that
 * goes on to a place the gazetteer knows: ", Kelapa Dua, Depok", ", Pasar
 * Baru, Sawah Besar, Jakarta Pusat", ", Tambakbayan, Kota Ponorogo"
 * (depth: how many more unknown parts may come between).
 */
static int
address_part(const struct doc *d, size_t i, size_t e, int depth)
{
	size_t j = e + 1, k;

	if (e == i || !is_punct(d, e, ',') || !is_word(d, j) ||
	    (d->tok[j].flags & F_PARA))
		return 0;
	if ((cue1(d, j) & (C_PLACECTX | C_PLACEWORD)) &&
	    (d->tok[j].flags & F_CAP) && is_word(d, j + 1))
		j++;	/* "Kota", "Kabupaten" */
	if (d->tok[j].place_ent >= 0)
		return !d->lex->ent[d->tok[j].place_ent].place_ambig &&
		    !name_goes_on(d, j + d->tok[j].place_words);
	return depth > 0 && (k = name_run(d, j)) > j &&
	    address_part(d, j, k, depth - 1);
}

/*
 * A place by the words around its name, whether the gazetteer knows it or
 * not, at token i: "Kecamatan Tulis" (Tulis), "Gunung Lawu", "Laut Jawa",
 * "Eden Valley", "Harris County", "South Florida".  Returns the token
 * past it, 0 when there is none here, or -1 when memory runs out.
 */
static long
place_by_form(struct doc *d, size_t i, struct places *ps)
{
	const struct tok *t = &d->tok[i];
	cue_set c = cue_at(d, i);
	size_t j, e;

	if (!(t->flags & (F_CAP | F_LOWER)) || (t->flags & F_TITLE) ||
	    (t->mark & M_PERSON))
		return 0;
	/* but "kecamatan Tulis", the other words are capitalized */
	if (!(t->flags & F_CAP))
		c &= C_PLACEWORD;
	j = i + (t->cue_ent >= 0 ? t->cue_words : 1);
	/* "Cuyahoga County Public Library": a feature word after a name
	 * ends it and starts none */
	if ((c & C_FEATURE) && follows_name(d, i))
		c &= ~C_FEATURE;
	if (t->cue_ent >= 0 && is_word(d, j) && (d->tok[j].flags & F_SPACE) &&
	    !(d->tok[j].flags & F_PARA)) {
		/* "Kecamatan Tulis": the kind goes, unless the gazetteer
		 * knows the place */
		if ((c & C_PLACEWORD) && d->tok[j].place_ent < 0 &&
		    !tok_cue_ends_at(d, j, C_TITLE) &&
		    (e = name_run(d, j)) > j && !name_goes_on(d, e))
			return add_form_place(d, ps, j, e, -1) != 0 ? -1 :
			    (long)e;
		/* "Gunung Lawu", "Laut Jawa", "Mount Kenya" */
		if ((c & C_FEATURE) && t->place_ent < 0 &&
		    (e = name_run(d, j)) > j && !name_goes_on(d, e))
			return add_form_place(d, ps, i, e, -1) != 0 ? -1 :
			    (long)e;
		/* "South Florida", "Greater London" */
		if ((c & C_COMPASS) && t->place_ent < 0 &&
		    d->tok[j].place_ent >= 0 &&
		    !d->lex->ent[d->tok[j].place_ent].place_ambig &&
		    !name_goes_on(d, e = j + d->tok[j].place_words))
			return add_form_place(d, ps, i, e,
			    d->lex->ent[d->tok[j].place_ent].place) != 0 ?
			    -1 : (long)e;
	}
	/* ", Kelapa Dua, Depok": a part of an address after a comma */
	if (t->place_ent < 0 && i > 0 && is_punct(d, i - 1, ',') &&
	    !(t->flags & F_PARA) && address_part(d, i, e = name_run(d, i), 1))
		return add_form_place(d, ps, i, e, -1) != 0 ? -1 : (long)e;
	/* "the Eden Valley", "in Ventura County", "toward Nob Hill": a name
	 * that ends in a feature word, after a word that a place comes
	 * after ("Marcus Hill" is a person's name) */
	if (!place_comes_after(d, i))
		return 0;
	e = name_run(d, i);
	if (e > i && e < d->ntok && (d->tok[e].flags & F_CAP) &&
	    (d->tok[e].flags & F_SPACE) && (cue1(d, e) & C_FEATURE) &&
	    !(d->tok[e].mark & M_PERSON) && !name_goes_on(d, e + 1))
		return add_form_place(d, ps, i, e + 1, -1) != 0 ? -1 :
		    (long)(e + 1);
	return 0;
}

/* The end of the place at [i, end) with a compass word after it, in
 * Indonesian ("Surabaya Timur"), or 0. */
static size_t
compass_after(const struct doc *d, size_t end)
{
	size_t e;

	if (!is_word(d, end) || !(d->tok[end].flags & F_CAP) ||
	    !(d->tok[end].flags & F_SPACE) || (d->tok[end].flags & F_PARA) ||
	    !(cue_at(d, end) & C_COMPASS))
		return 0;
	e = end + d->tok[end].cue_words;
	return name_goes_on(d, e) ? 0 : e;
}

/* The places the body names, by the words around a name or by the
 * gazetteer; dateline is the dateline's place (or -1), which counts even
 * by an ambiguous name. */
static int
body_places(struct doc *d, int dateline, const struct extraction *x,
    struct places *ps)
{
	size_t i, body = doc_body_start(d), org_end = 0;

	for (i = 0; i < d->ntok; i++) {
		const struct tok *t = &d->tok[i];
		const struct lex_entry *e;
		size_t end, part;
		long form;

		/* the headline's and the dateline's own words ("LONDON,
		 * March 3 (Reuters) -") are no part of the text an archivist
		 * lists places from */
		if (t->kind != TK_WORD || i < body)
			continue;
		if (i != org_end && !in_org_name(d, i) &&
		    (form = place_by_form(d, i, ps)) != 0) {
			if (form < 0)
				return -1;
			i = (size_t)form - 1;
			continue;
		}
		if (t->place_ent < 0)
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
		if (!inside_name(d, i, end) && !national_org(d, i, end) &&
		    (part = compass_after(d, end)) != 0) {
			if (add_form_place(d, ps, i, part, e->place) != 0)
				return -1;
			i = part - 1;
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
	rc = body_places(d, dateline, x, &ps);
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
