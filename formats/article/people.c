/*
 * article/people.c: the people a text names, by a title or a speech verb
 * beside the name (article/extract.h says which rules).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article/rules.h"
#include "article/tokens.h"
#include "article/wordlist.h"
#include "base/hash.h"

#define NAME_MAXW 4		/* words in a person's name */

/* A sentence's first word with the suffix -nya, in Indonesian: a common
 * word ("Namanya Sri Rahayu", "Sayangnya"). */
static int
nya_word(const struct doc *d, const struct tok *t)
{
	return (t->flags & F_SENT) && !d->en && t->letters >= 6 &&
	    t->low_len >= 3 &&
	    memcmp(d->low + t->low_off + t->low_len - 3, "nya", 3) == 0;
}

/* A capitalized word that can be part of a person's name. */
static int
name_like(const struct doc *d, size_t i)
{
	const struct tok *t;
	size_t k, seg = 0;

	if (!is_word(d, i))
		return 0;
	t = &d->tok[i];
	if ((t->flags & (F_HEAD | F_TITLE | F_UPPER | F_INNER | F_DIGIT)) ||
	    !(t->flags & F_CAP) || t->letters < 2 || (t->mark & (COV_PLACE |
	    COV_ORG | COV_CUE | M_ORG | M_NOTORG)))
		return 0;
	/* a speech verb or small word capitalized mid-sentence is a name
	 * ("Said Iqbal"); at a sentence start it is the word */
	if (t->cue_ent >= 0 && (t->flags & F_SENT) && t->cue_words == 1)
		return 0;
	if (nya_word(d, t))
		return 0;
	/* a part of one letter: "T-Mobile", "e-KTP" */
	for (k = 0; k <= t->low_len; k++) {
		if (k == t->low_len || d->low[t->low_off + k] == '-') {
			if (seg == 1)
				return 0;
			seg = 0;
		} else {
			seg++;
		}
	}
	return !seen_lower(d, t);
}

/* Whether the text writes the n bytes of lower case at w as a word. */
static int
lower_has(const struct doc *d, const char *w, size_t n)
{
	uint64_t h = fnv1a(FNV1A_INIT, w, n) | 1;
	size_t s;

	for (s = h & d->lowmask; d->lowset[s] != 0; s = (s + 1) & d->lowmask)
		if (d->lowset[s] == h)
			return 1;
	return 0;
}

/*
 * Whether the text writes word t in lower case in its other number: a
 * capitalized "Creamery" where it has "creameries", "Toothbrushes" where
 * it has "toothbrush", "Volunteer" where it has "volunteers".  The word
 * is a common noun there, and a person's name rarely is one.
 */
static int
seen_lower_other_number(const struct doc *d, const struct tok *t)
{
	char w[64 + 3];
	const char *s = d->low + t->low_off;
	size_t n = t->low_len;

	if (n < 3 || n > 64)
		return 0;
	memcpy(w, s, n);
	if (s[n - 1] == 's' && s[n - 2] != 's') {
		if (n > 4 && memcmp(s + n - 3, "ies", 3) == 0) {
			w[n - 3] = 'y';
			if (lower_has(d, w, n - 2))
				return 1;
		}
		return lower_has(d, w, n - 1) ||
		    (s[n - 2] == 'e' && lower_has(d, w, n - 2));
	}
	w[n] = 's';
	if (lower_has(d, w, n + 1))
		return 1;
	memcpy(w + n, "es", 2);
	if (lower_has(d, w, n + 2))
		return 1;
	if (s[n - 1] != 'y')
		return 0;
	memcpy(w + n - 1, "ies", 3);
	return lower_has(d, w, n + 2);
}

/*
 * Whether the word at k starts its sentence as a common word, no part of
 * the name after it: "Volunteer Tom Garbutt said" (the text has
 * "volunteers"), "Namanya Sri Rahayu", "Justru Rudiantara".  A word that
 * starts an organization's or a place's name ("Universitas Gadjah Mada")
 * is none.
 */
static int
sentence_common(const struct doc *d, size_t k)
{
	const struct tok *t;

	if (!is_word(d, k))
		return 0;
	t = &d->tok[k];
	if (!(t->flags & F_SENT) || !(t->flags & F_CAP) || t->letters < 2 ||
	    (t->flags & (F_HEAD | F_TITLE)))
		return 0;
	/* a word of the data's that is no name ("Justru"), or a small
	 * word or verb that is one only mid-sentence (name_like()) */
	if ((cue1(d, k) & C_NOTNAME) || (t->cue_words == 1 &&
	    !(cue_at(d, k) & ~C_WEAK)))
		return 1;
	if ((cue_at(d, k) & ~C_WEAK) ||
	    (t->mark & (COV_PLACE | COV_ORG)) || t->place_ent >= 0 ||
	    t->org_ent >= 0)
		return 0;
	return seen_lower(d, t) || nya_word(d, t) ||
	    seen_lower_other_number(d, t);
}

/* An initial: one capital, with a full stop ("M. Hanif Dhakiri") or
 * without one before a name word ("M Syaiful Jihad"); *k gets its tokens. */
static int
is_initial(const struct doc *d, size_t i, size_t *k)
{
	if (!is_word(d, i) || d->tok[i].letters != 1 ||
	    !(d->tok[i].flags & F_CAP) || d->tok[i].len > 2 ||
	    (d->tok[i].flags & (F_DIGIT | F_HEAD)))
		return 0;
	if (is_punct(d, i + 1, '.') && !(d->tok[i + 1].flags & F_SPACE)) {
		*k = 2;
		return 1;
	}
	*k = 1;
	return name_like(d, i + 1) && (d->tok[i + 1].flags & F_SPACE);
}

/* Initials in capitals inside a name, between name words ("Retno LP
 * Marsudi"): at most three letters that name nothing else. */
static int
inner_initials(const struct doc *d, size_t i)
{
	const struct tok *t = &d->tok[i];

	return is_word(d, i) && (t->flags & F_UPPER) && t->letters <= 3 &&
	    t->len <= 3 && !(t->mark & (COV_PLACE | COV_ORG | M_NOTORG)) &&
	    t->place_ent < 0 && t->org_ent < 0 &&
	    (t->cue_ent < 0 || t->cue_words != 1 ||
	    (d->lex->ent[t->cue_ent].cue & ~C_NOTORG) == 0) &&
	    name_like(d, i + 1);
}

/* Small words inside a name: "bin", "van", "de", "abu" (cues.tsv's
 * particles). */
static int
name_conn(const struct doc *d, size_t i)
{
	return is_word(d, i) && (d->tok[i].flags & F_LOWER) &&
	    (cue1(d, i) & C_PARTICLE);
}

/*
 * A name starting at i: up to NAME_MAXW name-like words and initials,
 * ending in a word.  Returns the token past it, or 0.
 */
static size_t
name_run(const struct doc *d, size_t i)
{
	size_t k = i, end = 0, m;
	int words = 0;

	while (k < d->ntok) {
		if (k > i && (!(d->tok[k].flags & F_SPACE) ||
		    (d->tok[k].flags & F_PARA)))
			break;
		if (name_like(d, k)) {
			words++;
			end = ++k;
		} else if (is_initial(d, k, &m)) {
			words++;
			k += m;
		} else if (words > 0 && inner_initials(d, k)) {
			words++;
			k++;
		} else if (words > 0 && name_conn(d, k) && name_like(d, k + 1)) {
			k++;
		} else {
			break;
		}
		if (words > NAME_MAXW)
			return 0;
	}
	return end;
}

/* Whether the capitalized stretch ends at token i: a name must end it. */
static int
stretch_ends(const struct doc *d, size_t i)
{
	const struct tok *t;

	if (i >= d->ntok)
		return 1;
	t = &d->tok[i];
	if (t->kind != TK_WORD || (t->flags & (F_PARA | F_DIGIT)))
		return 1;
	/* "Guru Besar Pangan dan Gizi" goes on */
	if (t->flags & F_LOWER)
		return !((cue1(d, i) & C_CONN) && is_word(d, i + 1) &&
		    (d->tok[i + 1].flags & F_CAP) &&
		    (d->tok[i + 1].flags & F_SPACE));
	/* "Dr Fritz Sumantri Usman SpS", "Presiden Joko Widodo Senin
	 * (10/8) mengatakan" */
	return (t->flags & F_INNER) || (cue1(d, i) & (C_WEEKDAY | C_MONTH)) != 0;
}

/* "Deputi Bidang Protokol, Pers, dan Media": a list of what the title is
 * of, not a name, goes on after the comma. */
static int
enumeration(const struct doc *d, size_t i)
{
	size_t j = i + 1;

	if (!is_punct(d, i, ','))
		return 0;
	while (is_word(d, j) && (d->tok[j].flags & F_CAP) && j < i + 4)
		j++;
	return j > i + 1 && (is_punct(d, j, ',') || (is_word(d, j) &&
	    (cue1(d, j) & C_CONN)));
}

/*
 * Whether a name at i belongs to what comes before it: a street, a
 * mosque, a hospital named after someone ("Jalan Pejambon", "Masjid
 * Istiqlal", "Rumah Sakit Umum Daerah (RSUD) Abdul Wahab Sjahranie").
 */
static int
namesake(const struct doc *d, size_t i)
{
	size_t k;

	if (tok_cue_ends_at(d, i, C_NAMESAKE))
		return 1;
	if (i < 3 || !is_punct(d, i - 1, ')'))
		return 0;
	for (k = i - 2; k > 0 && is_word(d, k); k--)
		;
	if (!is_punct(d, k, '('))
		return 0;
	return (cue_at(d, k + 1) & C_NAMESAKE) ||
	    tok_cue_ends_at(d, k, C_NAMESAKE);
}

/* A place or a place's word after "X, ": "Camat Sawahan, Kota Surabaya"
 * names a district, not a person.  A small word there says where the
 * person spoke: "Kepala Bidang Karantina, Andi Baso Tenri, di Makassar". */
static int
place_follows(const struct doc *d, size_t i)
{
	return is_punct(d, i, ',') && is_word(d, i + 1) &&
	    (d->tok[i + 1].flags & F_CAP) &&
	    (d->tok[i + 1].place_ent >= 0 || (cue_at(d, i + 1) & C_PLACECTX));
}

static int form_ends(const struct doc *, size_t);

/* Whether a name that runs to end closes what a title at i is of. */
static int
name_closes_title(const struct doc *d, size_t i, size_t end)
{
	return form_ends(d, end) && !namesake(d, i) &&
	    !place_follows(d, end) && !enumeration(d, end);
}

/*
 * The name after the comma at j, when a title's description ends there:
 * "Kepala Dinas X, Heru Tjahjono,", "Menlu, Retno", "PM Singapura, Lee
 * Hsien Loong mencatatkan".  desc: words of the description before it.
 * Returns the token past the name, or 0.
 */
static size_t
name_after_comma(const struct doc *d, size_t j, int desc)
{
	size_t end = name_run(d, j + 1);
	const struct tok *e = end < d->ntok ? &d->tok[end] : NULL;

	if (end == 0)
		return 0;
	if (e != NULL && e->kind == TK_PUNCT && (e->cp == ',' ||
	    tok_sent_end(d, end)) && !place_follows(d, end) &&
	    !enumeration(d, end))
		return end;
	if (cue1(d, end) & C_SAID)
		return end;
	if (desc > 0 && e != NULL && e->kind == TK_WORD &&
	    (e->flags & F_LOWER) && stretch_ends(d, end))
		return end;
	return 0;
}

/* Whether a title's description goes on after the comma at j: "Kepala
 * Biro Hukum, Komunikasi, dan Informasi Publik Kementerian PAN-RB, Herman
 * Suryatman". */
static int
description_goes_on(const struct doc *d, size_t j)
{
	return is_word(d, j + 1) &&
	    (((d->tok[j + 1].flags & F_CAP) && !name_like(d, j + 1)) ||
	    ((cue1(d, j + 1) & C_CONN) && is_word(d, j + 2) &&
	    (d->tok[j + 2].flags & F_CAP)));
}

/*
 * The person after a title ending at i, past what the title is of
 * ("Kepala BBPLK Semarang Heru Wibowo", "Menteri Ketenagakerjaan Ida
 * Fauziyah", "Kepala Dinas ... Jawa Timur, Heru Tjahjono,").  abbrev: the
 * title may take a full stop ("Dr.").  Sets *a and *b to the name's
 * tokens; returns 1 when found.
 */
static int
after_title(const struct doc *d, size_t i, int abbrev, size_t *a, size_t *b)
{
	size_t j = i, end, steps = 0, m;
	int desc = 0;

	if (abbrev && is_punct(d, j, '.') && !(d->tok[j].flags & F_SPACE))
		j++;
	while (j < d->ntok && steps++ < 16) {
		const struct tok *t = &d->tok[j];

		if (t->flags & F_PARA)
			return 0;
		if (t->kind == TK_WORD && (name_like(d, j) ||
		    is_initial(d, j, &m))) {
			if ((end = name_run(d, j)) == 0)
				return 0;
			if (name_closes_title(d, j, end)) {
				/* "Wali Kota Solo Gibran": a place right
				 * after the title is its own */
				if (j == i && end - j > 1 &&
				    d->tok[j].place_ent >= 0)
					j++;
				*a = j;
				*b = end;
				return 1;
			}
			/* a name-like word of what the title is of */
			desc++;
			j = end;
		} else if (t->kind == TK_WORD) {
			if (t->flags & (F_CAP | F_DIGIT))
				desc++;
			/* "Menteri Kelautan dan Perikanan", but not
			 * "Presiden dan Wakil Presiden" */
			else if (!((cue1(d, j) & C_CONN) && desc > 0 &&
			    is_word(d, j + 1) && (d->tok[j + 1].flags & F_CAP)))
				return 0;
			j++;
		} else if (t->cp == '(' &&
		    (end = tok_paren_acronym(d, j)) != 0) {
			j = end;
		} else if (t->cp == '.' && !(t->flags & F_SPACE) && j > 0 &&
		    (cue1(d, j - 1) & C_ABBREV)) {
			j++;	/* "Kombes Pol. Budi" */
		} else if (t->cp == ',' && name_like(d, j + 1) &&
		    (end = name_after_comma(d, j, desc)) != 0) {
			*a = j + 1;
			*b = end;
			return 1;
		} else if (t->cp == ',' && desc > 0 &&
		    description_goes_on(d, j)) {
			j++;
		} else {
			return 0;
		}
	}
	return 0;
}

/* The person after the title that starts at token i. */
static int
title_at(const struct doc *d, size_t i, size_t *a, size_t *b)
{
	size_t end = i + d->tok[i].cue_words;

	return after_title(d, end, (cue1(d, end - 1) & C_ABBREV) != 0, a, b);
}

/* The words of a name, as hashes of their lower case, and where that
 * lower case is in the doc's. */
struct namewords {
	uint64_t h[NAME_MAXW + 2];
	uint32_t off[NAME_MAXW + 2], len[NAME_MAXW + 2];
	size_t n;
};

/* Whether the words of a are a run of the words of b. */
static int
words_within(const struct namewords *a, const struct namewords *b)
{
	size_t i, k;

	for (i = 0; i + a->n <= b->n; i++) {
		for (k = 0; k < a->n; k++)
			if (a->h[k] != b->h[i + k])
				break;
		if (k == a->n)
			return 1;
	}
	return 0;
}

/*
 * Where two words of lower case differ by one letter added, dropped or
 * changed: the byte offset of the difference, or -1 when they are the
 * same or differ more, or the shorter has fewer than five bytes.
 */
static long
one_edit(const char *x, size_t nx, const char *y, size_t ny)
{
	size_t i = 0;

	if (nx > ny)
		return one_edit(y, ny, x, nx);
	if (nx < 5 || ny - nx > 1)
		return -1;
	while (i < nx && x[i] == y[i])
		i++;
	if (nx == ny)
		return i < nx && memcmp(x + i + 1, y + i + 1, nx - i - 1) == 0 ?
		    (long)i : -1;
	return memcmp(x + i, y + i + 1, nx - i) == 0 ? (long)i : -1;
}

/*
 * Whether the words of a are a run of the words of b but for a slip of
 * the pen, one letter in one word: "Illiza Sa'aduddi" after "Illiza
 * Sa'aduddin Djamal", "Jojeng" after "Nojeng".  A name of one word
 * differs before its last two letters, so that "Susanti" is not taken for
 * "Susanto", nor "Wahyuni" for "Wahyudi".
 */
static int
misspelt_within(const struct doc *d, const struct namewords *a,
    const struct namewords *b)
{
	size_t i, k, slips;
	long at = -1;

	for (i = 0; i + a->n <= b->n; i++) {
		for (k = slips = 0; k < a->n && slips <= 1; k++) {
			if (a->h[k] == b->h[i + k])
				continue;
			slips++;
			at = one_edit(d->low + a->off[k], a->len[k],
			    d->low + b->off[i + k], b->len[i + k]);
			if (at < 0)
				break;
		}
		if (k < a->n || slips != 1)
			continue;
		if (a->n > 1 || (size_t)at + 2 < a->len[0])
			return 1;
	}
	return 0;
}

struct people {
	char **name;
	const char **rule;
	struct namewords *w;	/* the name's words */
	struct namewords *alias;	/* "Joko Widodo alias Jokowi" */
	struct namewords *nick;	/* "yang akrab disapa Feni" */
	size_t n, cap, wcap, acap, nnick, nickcap;
};

static void
name_words(const struct doc *d, size_t a, size_t b, struct namewords *w)
{
	size_t i;

	w->n = 0;
	for (i = a; i < b; i++)
		if (d->tok[i].kind == TK_WORD && w->n < NAME_MAXW + 2) {
			w->off[w->n] = d->tok[i].low_off;
			w->len[w->n] = d->tok[i].low_len;
			w->h[w->n++] = d->tok[i].hash;
		}
}

/* Whether the words of w are a nickname the text gave. */
static int
is_nickname(const struct people *p, const struct namewords *w)
{
	size_t i;

	for (i = 0; i < p->nnick; i++)
		if (words_within(w, &p->nick[i]))
			return 1;
	return 0;
}

/* Adds the person named by tokens [a, b); returns the person's index,
 * or -1 when memory runs out, -2 when there are enough, -3 when the name
 * is a nickname. */
static int
add_name(struct doc *d, struct people *p, size_t a, size_t b,
    const char *rule)
{
	struct namewords w, *pw;
	char *s;
	size_t i;

	for (i = a; i < b; i++)
		d->tok[i].mark |= M_PERSON;
	name_words(d, a, b, &w);
	if (is_nickname(p, &w))
		return -3;
	for (i = 0; i < p->n; i++) {
		/* "Sanusi" after "Anwar Sanusi", "Jokowi" after "Joko
		 * Widodo alias Jokowi" */
		if (words_within(&w, &p->w[i]) || (p->alias[i].n > 0 &&
		    words_within(&w, &p->alias[i])))
			return (int)i;
		if (words_within(&p->w[i], &w)) {
			/* the longer form, in place */
			if ((s = tok_copy(d, a, b)) == NULL)
				return -1;
			free(p->name[i]);
			p->name[i] = s;
			p->w[i] = w;
			return (int)i;
		}
	}
	for (i = 0; i < p->n; i++)
		if (misspelt_within(d, &w, &p->w[i]))
			return (int)i;
	if (p->n >= EXTRACT_MAX)
		return -2;
	if ((pw = extract_grow(p->w, &p->wcap, p->n, sizeof(*p->w))) == NULL)
		return -1;
	p->w = pw;
	p->w[p->n] = w;
	if ((pw = extract_grow(p->alias, &p->acap, p->n,
	    sizeof(*p->alias))) == NULL)
		return -1;
	p->alias = pw;
	p->alias[p->n].n = 0;
	if ((s = tok_copy(d, a, b)) == NULL ||
	    extract_list_add(&p->name, &p->rule, &p->n, &p->cap, s, rule) != 0)
		return -1;
	return (int)p->n - 1;
}

/* Adds a person, and the other name given after "alias". */
static int
add_person(struct doc *d, struct people *p, size_t a, size_t b,
    const char *rule)
{
	int k = add_name(d, p, a, b, rule);
	size_t e, i;

	if (k == -1)
		return -1;
	if (k >= 0 && (cue1(d, b) & C_ALIAS) && (d->tok[b].flags & F_LOWER) &&
	    (e = name_run(d, b + 1)) != 0 && stretch_ends(d, e) &&
	    p->alias[k].n == 0) {
		for (i = b + 1; i < e; i++)
			d->tok[i].mark |= M_PERSON;
		name_words(d, b + 1, e, &p->alias[k]);
	}
	return 0;
}

/* Words before a title that make it part of a place's or an
 * organization's name ("Jalan Jenderal Sudirman", "RSUP Dr. Sardjito");
 * orgs: a known organization's name does too. */
static int
name_blocked(const struct doc *d, size_t i, int orgs)
{
	size_t k;

	if (i < d->ntok && (d->tok[i].flags & F_PARA))
		return 0;	/* the last paragraph's end */

	for (k = i; k-- > 0 && i - k <= LEXICON_MAXW;) {
		const struct tok *u = &d->tok[k];

		if (u->kind != TK_WORD)
			return 0;
		if (u->cue_ent >= 0 && k + u->cue_words == i &&
		    (d->lex->ent[u->cue_ent].cue & (C_PLACEBLOCK | C_ORGHEAD |
		    C_NAMESAKE | C_DOCWORD)))
			return 1;
		if (orgs && u->org_ent >= 0 && k + u->org_words == i)
			return 1;
	}
	return 0;
}

static int
title_blocked(const struct doc *d, size_t i)
{
	return name_blocked(d, i, 1);
}

/* Whether the last word of a name, at e, is a common noun: one of the
 * data's ("Oakhurst Land", "Pension Funds") or one the text writes in
 * lower case in its other number ("Penwith Creamery" by "creameries"). */
static int
ends_in_noun(const struct doc *d, size_t e)
{
	return (cue1(d, e) & C_NOUN) || seen_lower_other_number(d, &d->tok[e]);
}

/* Whether the name [a, b) stands alone in quotation marks: a term or a
 * title, no one's name ("\u2018Poketo Monsuta\u2019", the Japanese for
 * Pocket Monster).  A possessive after the closing mark ("\u2019s") is no
 * closing mark. */
static int
quoted(const struct doc *d, size_t a, size_t b)
{
	uint32_t o, c;

	if (a == 0 || b >= d->ntok || d->tok[a - 1].kind != TK_PUNCT ||
	    d->tok[b].kind != TK_PUNCT || (d->tok[a].flags & F_SPACE) ||
	    (d->tok[b].flags & F_SPACE) ||
	    (is_word(d, b + 1) && !(d->tok[b + 1].flags & F_SPACE)))
		return 0;
	o = d->tok[a - 1].cp;
	c = d->tok[b].cp;
	return (o == '"' || o == 0x201c || o == 0xab || o == 0x2018) &&
	    (c == '"' || c == 0x201d || c == 0xbb || c == 0x2019);
}

/*
 * Whether a noun of a kind of group or thing stands before the name at i,
 * past two lower-case words at most: "grup kesenian reog Manunggal
 * Budoyo", "retailer Harwood Foods", "the band Radiohead".  A title, a
 * maker's word or a small word on the way makes the name a person's
 * ("grup reog pimpinan Budi Santoso", "novel karya Andrea Hirata", "a
 * film about John Smith").
 */
static int
kind_before(const struct doc *d, size_t i)
{
	const struct wordlist *w = lexicon_words(d->lex);
	size_t k;

	for (k = i; k-- > 0 && i - k <= 3;) {
		const struct tok *u = &d->tok[k];

		if (!is_word(d, k) || !(u->flags & F_LOWER) ||
		    (d->tok[k + 1].flags & F_PARA))
			return 0;
		if (cue1(d, k) & C_KIND)
			return 1;
		if ((cue_at(d, k) & (C_TITLE | C_SAY | C_SAID | C_ACCORDING |
		    C_CONN | C_CREDIT | C_MAKER)) ||
		    (wordlist_find(w, d->low + u->low_off, u->low_len, NULL) &
		    (W_STOP_ID | W_STOP_EN)))
			return 0;
	}
	return 0;
}

/* Whether the name at i starts with a place's name after a word that says
 * a place follows: "di kawasan Medan Marelan", "in Medan". */
static int
place_in_context(const struct doc *d, size_t i)
{
	size_t k;

	if (d->tok[i].place_ent < 0)
		return 0;
	for (k = i; k-- > 0 && i - k <= 2;) {
		const struct tok *u = &d->tok[k];
		cue_set c;

		if (u->kind != TK_WORD)
			return 0;
		if (u->cue_ent < 0 || k + u->cue_words != i)
			continue;
		c = d->lex->ent[u->cue_ent].cue;
		return (c & C_PLACECTX) && !(c & C_TITLE);
	}
	return 0;
}

/* Whether the name at i is where someone works: after a role and "at" or
 * "of", "a transport analyst at Kessler Stanhope". */
static int
workplace(const struct doc *d, size_t i)
{
	return i >= 2 && is_word(d, i - 1) && (d->tok[i - 1].flags & F_LOWER) &&
	    (cue1(d, i - 1) & C_AFFIL) && tok_cue_ends_at(d, i - 1, C_TITLE);
}

/* Whether a name [a, b) found by its form, with no title before it, is a
 * thing's or a group's: what the five tests above say. */
static int
thing_name(const struct doc *d, size_t a, size_t b)
{
	return ends_in_noun(d, b - 1) || quoted(d, a, b) ||
	    kind_before(d, a) || place_in_context(d, a) || workplace(d, a);
}

static int stretch_starts(const struct doc *, size_t);

/* Whether a speaker's name may start at k: no capitalized word before it
 * but a sentence's common first word ("Volunteer Tom Garbutt said"), and
 * no "the", nor "of" inside a longer name ("National Association of
 * Pension Funds said"). */
static int
speaker_starts(const struct doc *d, size_t k)
{
	return stretch_starts(d, k) && !(k > 0 && is_word(d, k - 1) &&
	    (d->tok[k - 1].flags & F_CAP) && !sentence_common(d, k - 1));
}

/*
 * The first token of a name of two words or more right before the speech
 * verb at i, the whole capitalized stretch ("Heru Wibowo mengatakan"), or
 * i when there is none.
 */
static size_t
speaker_before(const struct doc *d, size_t i)
{
	size_t k = i, words = 0;

	while (k > 0 && words <= NAME_MAXW &&
	    (name_like(d, k - 1) || (is_punct(d, k - 1, '.') &&
	    k >= 2 && d->tok[k - 2].letters == 1 &&
	    (d->tok[k - 2].flags & F_CAP)))) {
		k -= is_punct(d, k - 1, '.') ? 2 : 1;
		words++;
	}
	/* "Volunteer Tom Garbutt said": the sentence's first word is the
	 * common noun the text writes in lower case */
	if (words > 2 && sentence_common(d, k)) {
		k++;
		words--;
	}
	if (words >= 2 && words <= NAME_MAXW && speaker_starts(d, k) &&
	    name_like(d, i - 1) && name_run(d, k) == i &&
	    !thing_name(d, k, i))
		return k;
	return i;
}

/*
 * The person a cue of classes c at token i names: after a title, after a
 * speech verb or "menurut".  Sets *a and *b to the name's tokens and
 * *rule; returns 1 when found.
 */
static int
person_after_cue(const struct doc *d, size_t i, cue_set c, size_t *a,
    size_t *b, const char **rule)
{
	const struct tok *t = &d->tok[i];
	size_t j = i + t->cue_words;

	*rule = "title";
	if (c & C_TITLE)
		return title_at(d, i, a, b);
	/* "kata" after a quotation, or "menurut" anywhere: "dari kata
	 * Pika" is the noun */
	if (!((c & C_ACCORDING) || ((c & C_SAY) && (i == 0 ||
	    d->tok[i - 1].kind == TK_PUNCT || (t->flags & F_SENT)))))
		return 0;
	if ((cue_at(d, j) & C_TITLE) && title_at(d, j, a, b))
		return 1;
	*rule = "speech";
	*a = j;
	return (*b = name_run(d, j)) != 0 && stretch_ends(d, *b) &&
	    (d->tok[j].flags & F_SPACE);
}

/*
 * The nicknames the text gives: a name after "akrab disapa",
 * "nicknamed" ("Dokter gigi yang akrab disapa Feni") is another name of
 * someone named before, listed neither there nor where it comes again
 * ("jelas Feni").  After a person's name, "alias" gives the same
 * (add_person()).
 */
static int
nicknames(struct doc *d, struct people *p)
{
	size_t i, j, e, k;
	struct namewords *pw;

	for (i = 0; i < d->ntok; i++) {
		const struct tok *t = &d->tok[i];

		if (t->kind != TK_WORD || !(t->flags & F_LOWER) ||
		    (t->flags & F_HEAD) || !(cue_at(d, i) & C_ALIAS))
			continue;
		j = i + t->cue_words;
		if (!is_word(d, j) || (d->tok[j].flags & F_PARA) ||
		    (e = name_run(d, j)) == 0 || !stretch_ends(d, e))
			continue;
		if ((pw = extract_grow(p->nick, &p->nickcap, p->nnick,
		    sizeof(*p->nick))) == NULL)
			return -1;
		p->nick = pw;
		name_words(d, j, e, &p->nick[p->nnick++]);
		for (k = j; k < e; k++)
			d->tok[k].mark |= M_PERSON;
		i = e - 1;
	}
	return 0;
}

/* People by the cues around their names. */
static int
people_by_cues(struct doc *d, struct people *p)
{
	size_t i, a, b, inside = 0;
	const char *rule;

	for (i = 0; i < d->ntok; i++) {
		const struct tok *t = &d->tok[i];
		cue_set c;

		if (t->kind != TK_WORD || (t->flags & F_HEAD) ||
		    (t->mark & M_PERSON) || (c = cue_at(d, i)) == 0)
			continue;
		/* "Konsulat Jenderal": no title inside another cue */
		if (t->cue_words > 1 && !(c & C_TITLE) &&
		    inside < i + t->cue_words)
			inside = i + t->cue_words;
		if ((c & C_TITLE) && i >= inside && !title_blocked(d, i) &&
		    person_after_cue(d, i, C_TITLE, &a, &b, &rule)) {
			if (add_person(d, p, a, b, rule) != 0)
				return -1;
			i = b - 1;
			continue;
		}
		/* speech verbs are small words; capitalized mid-sentence
		 * they are names */
		if ((c & (C_SAY | C_ACCORDING | C_SAID)) &&
		    !(t->flags & F_LOWER) && !(t->flags & F_SENT))
			continue;
		if (person_after_cue(d, i, c & ~C_TITLE, &a, &b,
		    &rule)) {
			if (add_person(d, p, a, b, rule) != 0)
				return -1;
			i = b - 1;
			continue;
		}
		if ((c & C_SAID) && i >= 2 && t->cue_words == 1 &&
		    (a = speaker_before(d, i)) < i &&
		    add_person(d, p, a, i, "speech") != 0)
			return -1;
	}
	return 0;
}

/* "Siti Sofia Sudarma, Direktur ...": a name and its title after. */
static int
people_before_titles(struct doc *d, struct people *p)
{
	size_t i, a, b, k;

	for (i = 0; i < d->ntok; i++) {
		const struct tok *t = &d->tok[i];

		if (t->kind != TK_WORD || (t->flags & F_HEAD) ||
		    (t->mark & M_PERSON) || !name_like(d, i) ||
		    (i > 0 && is_word(d, i - 1) &&
		    (d->tok[i - 1].flags & F_CAP)))
			continue;
		if ((b = name_run(d, i)) == 0 || b - i < 2 ||
		    !is_punct(d, b, ',') || !is_word(d, b + 1) ||
		    !(cue_at(d, b + 1) & C_TITLE) ||
		    !(d->tok[b + 1].flags & F_CAP) || namesake(d, i) ||
		    (i > 0 && d->tok[i - 1].kind == TK_PUNCT &&
		    !tok_sent_end(d, i - 1) && d->tok[i - 1].cp != ',' &&
		    !is_opening(d->tok[i - 1].cp)))
			continue;
		/* "Neurologist, Dr Fritz ...": the title is the next one's */
		if (title_at(d, b + 1, &a, &k))
			continue;
		if (add_person(d, p, i, b, "title") != 0)
			return -1;
		i = b;
	}
	return 0;
}

/*
 * Whether a name found by its form ends the capitalized stretch at i: as
 * stretch_ends() says, or before "of" and where the person is from
 * ("Tomas Lindqvist of Brightwater Securities"), or before "and" and
 * another name that ends it ("Khairul Anam dan Jumali", "Sam Whitlock
 * and Jamie Achterberg").
 */
static int
form_ends(const struct doc *d, size_t i)
{
	size_t e;

	if (stretch_ends(d, i))
		return 1;
	if (!is_word(d, i) || !(d->tok[i].flags & F_LOWER))
		return 0;
	if (cue1(d, i) & C_AFFIL)
		return 1;
	return (cue1(d, i) & C_CONN) && name_like(d, i + 1) &&
	    (e = name_run(d, i + 1)) != 0 && stretch_ends(d, e);
}

/*
 * Whether the name at i is the item's credit, no one it is about: "By
 * Peter Hall", "(Reporting by Yuki Mori", "Editor: Dimas Prakoso".  A
 * credit of one word ("By", "Editor") is one only where a label stands:
 * at the start of a paragraph, after "(" or before ":".
 */
static int
credited(const struct doc *d, size_t i)
{
	size_t k;
	int colon = 0;

	if (i > 0 && is_punct(d, i - 1, ':')) {
		i--;
		colon = 1;
	}
	for (k = i; k-- > 0 && i - k <= LEXICON_MAXW;) {
		const struct tok *u = &d->tok[k];

		if (u->kind != TK_WORD)
			return 0;
		if (u->cue_ent < 0 || k + u->cue_words != i ||
		    !(d->lex->ent[u->cue_ent].cue & C_CREDIT))
			continue;
		if (u->cue_words > 1 || colon || (u->flags & F_PARA) ||
		    (k > 0 && is_punct(d, k - 1, '(')))
			return 1;
	}
	return 0;
}

/* Whether the name of an organization the lexicon knows ends right
 * before token i. */
static int
org_ends_at(const struct doc *d, size_t i)
{
	size_t k;

	for (k = i; k-- > 0 && i - k <= LEXICON_MAXW;) {
		const struct tok *u = &d->tok[k];

		if (u->kind != TK_WORD)
			return 0;
		if (u->org_ent >= 0 && k + u->org_words == i)
			return 1;
	}
	return 0;
}

/*
 * Whether a capitalized stretch starts at i: no capitalized word right
 * before it but the end of a known organization's name, no "the" ("the
 * Dublin group", "the Liberal Democrats"), and no "of" or "and" inside a
 * capitalized name ("Confederation of British Industry", "Folk Dance and
 * Song Society").
 */
static int
stretch_starts(const struct doc *d, size_t i)
{
	const struct tok *p;

	if (i == 0 || (d->tok[i].flags & F_PARA))
		return 1;
	p = &d->tok[i - 1];
	if (p->kind != TK_WORD)
		return !is_punct(d, i - 1, '-') && !is_punct(d, i - 1, '&');
	if (!(d->tok[i].flags & F_SPACE) || (cue1(d, i - 1) & C_DET))
		return 0;
	/* "Kementerian Keuangan Sri Mulyani": an organization's name ends
	 * where a known one does; "Namanya Sri Rahayu": a sentence's common
	 * first word is no part of the name */
	if (p->flags & F_CAP)
		return org_ends_at(d, i) || sentence_common(d, i - 1);
	if (i < 2 || !is_word(d, i - 2) || !(d->tok[i - 2].flags & F_CAP) ||
	    (d->tok[i - 2].mark & M_PERSON))
		return 1;
	/* "Texas Commission on Environmental Quality": a small word after
	 * an organization's word goes on with its name */
	if (p->letters <= 3 && ((cue1(d, i - 2) & (C_ORGHEAD | C_ORGTAIL)) ||
	    (d->tok[i - 2].mark & COV_ORG)))
		return 0;
	return !(cue1(d, i - 1) & C_CONN);
}

/*
 * People by the form of their names alone: two name words or more, the
 * whole of a capitalized stretch ("Chief executive Richard Ashby told",
 * "Jusuf Kalla menilai"), where no word is a place, an organization, a
 * title, a month or a common word the data knows, or one the text writes
 * in lower case.  Returns the token past the name at i, or 0.
 */
static size_t
name_by_form(const struct doc *d, size_t i)
{
	size_t end, k, m;
	int words = 0;

	if (!(d->tok[i].flags & F_CAP) || !stretch_starts(d, i) ||
	    !(name_like(d, i) || is_initial(d, i, &m)) ||
	    sentence_common(d, i) || (end = name_run(d, i)) == 0)
		return 0;
	for (k = i; k < end; k++) {
		if (d->tok[k].mark & M_PERSON)
			return 0;
		words += name_like(d, k);
	}
	if (words < 2 || !form_ends(d, end) || namesake(d, i) ||
	    name_blocked(d, i, 0) || place_follows(d, end) || credited(d, i) ||
	    thing_name(d, i, end))
		return 0;
	return end;
}

static int
people_by_form(struct doc *d, struct people *p)
{
	size_t i, end;

	for (i = 0; i < d->ntok; i++) {
		const struct tok *t = &d->tok[i];

		if (t->kind != TK_WORD || (t->flags & (F_HEAD | F_TITLE)) ||
		    (t->mark & M_PERSON) || (end = name_by_form(d, i)) == 0)
			continue;
		if (add_person(d, p, i, end, "form") != 0)
			return -1;
		i = end - 1;
	}
	return 0;
}

int
find_people(struct doc *d, struct extraction *x)
{
	struct people p;
	int rc;

	memset(&p, 0, sizeof(p));
	rc = nicknames(d, &p) != 0 || people_by_cues(d, &p) != 0 ||
	    people_before_titles(d, &p) != 0 ||
	    people_by_form(d, &p) != 0 ? -1 : 0;
	x->people = p.name;
	x->people_rule = p.rule;
	x->npeople = p.n;
	free(p.w);
	free(p.alias);
	free(p.nick);
	return rc;
}
