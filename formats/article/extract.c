/*
 * article/extract.c: the people, organizations, places, Media Topics, lede,
 * word count and weekday dates of one item's text, by rule (article/extract.h
 * says which rules).
 *
 * The data files (formats/data/NAME.tsv, compiled in) are read once into one
 * hash table of lower-case keys of one to MAXW words; an entry says what
 * its key is as a place, an organization, a cue word and a topic keyword,
 * and which case each of its words asks of the text.  A text is cut into
 * word and punctuation tokens, each word looked up once, and the longest
 * key of each kind starting at each word found by walking on while a
 * longer key can still match.  The rules then only look at tokens, so the
 * whole costs a few passes over the text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "article/article.h"
#include "base/buf.h"
#include "article/extract.h"
#include "article/lexicon.h"
#include "base/warta.h"

#define MAXW LEXICON_MAXW	/* words in a key */
#define MAXKEY LEXICON_MAXKEY	/* bytes in a key */
#define NAME_MAXW 4		/* words in a person's name */
#define SUMMARY_MAX 300		/* bytes of the lede before it is cut */

/* The top-level Media Topics, with their en-GB labels. */
static const char *const topic_labels[18] = {
	NULL,
	"arts, culture, entertainment and media",
	"crime, law and justice",
	"disaster, accident and emergency incident",
	"economy, business and finance",
	"education",
	"environment",
	"health",
	"human interest",
	"labour",
	"lifestyle and leisure",
	"politics",
	"religion and belief",
	"science and technology",
	"society",
	"sport",
	"conflict, war and peace",
	"weather"
};


/* ---- tokens ---- */

enum { TK_WORD, TK_PUNCT };

enum {
	F_SPACE = 1 << 0,	/* white space before it */
	F_PARA = 1 << 1,	/* first of a paragraph */
	F_SENT = 1 << 2,	/* first word of a sentence */
	F_CAP = 1 << 3,		/* first letter a capital */
	F_UPPER = 1 << 4,	/* two letters or more, all capitals */
	F_LOWER = 1 << 5,	/* first letter small */
	F_DIGIT = 1 << 6,	/* holds a digit */
	F_INNER = 1 << 7,	/* a capital after a small letter: "SpPD" */
	F_HEAD = 1 << 8,	/* in the headline */
	F_CHUNK = 1 << 9,	/* first word of a white-space-separated chunk */
	F_TITLE = 1 << 10	/* in a sentence of capitalized words */
};

/* What a token was found to be part of. */
enum {
	M_PERSON = 1 << 0,
	M_ORG = 1 << 1,
	COV_PLACE = 1 << 2,	/* a place that is no ordinary word */
	COV_ORG = 1 << 3,	/* an organization the data or the text knows */
	COV_CUE = 1 << 4,	/* a cue word that is never a name */
	M_NOTORG = 1 << 5	/* an acronym the text defines as no organization */
};

struct tok {
	uint32_t off, len;	/* in the text */
	uint32_t lo, lolen;	/* lower case, in the scratch buffer */
	uint64_t h;		/* of the lower case */
	uint32_t cp;		/* punctuation: the code point */
	uint16_t f;
	uint8_t kind;
	uint8_t mark;
	uint8_t letters;	/* up to 255 */
	/* the longest key of each kind starting here, and its words */
	uint8_t pn, on, cn, sn;
	int32_t pe, oe, ce, se;
};

struct doc {
	const struct lexicon *lex;
	const char *text;
	size_t len;
	int en;			/* lang is "en" */
	struct tok *t;
	size_t n, cap;
	char *low;
	size_t lowlen, lowcap;
	uint64_t *lowset;	/* hashes of the words written in lower case */
	size_t lowmask;
	size_t head_end;	/* byte offset past the headline, or 0 */
	size_t words;
	int dateline_place;	/* gazetteer index, or -1 */
	/* organizations found, with the names they go by */
	struct docorg {
		char *name;	/* as reported */
		char *sname;	/* the short name, or NULL */
		char *lname;	/* the long name, or NULL */
		const char *rule;
	} *org;
	size_t norg, caporg;
	uint64_t *oslot;	/* hash of a name, org index + 1 */
	size_t omask;
	/* acronyms the text defines, organizations or not */
	struct def {
		uint32_t s0, s1;	/* short form tokens [s0, s1) */
		uint32_t l0, l1;	/* long form tokens */
		int is_org;
		int orgidx;		/* in org[], or -1 */
	} *def;
	size_t ndef, capdef;
	uint8_t defslot[256];	/* acronyms by hash: def index + 1 */
};

static int
is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' ||
	    cp == '\v' || cp == '\n' || cp == 0xa0 || cp == 0x2028 ||
	    cp == 0x2029 || (cp >= 0x2000 && cp <= 0x200b) || cp == 0x202f ||
	    cp == 0x205f || cp == 0x3000 || cp == 0xfeff;
}

/* 1 letter (2 capital), 3 digit, 4 mark, 0 other, -1 space. */
static int
char_class(uint32_t cp)
{
	if (cp < 0x80) {
		if (cp >= 'a' && cp <= 'z')
			return 1;
		if (cp >= 'A' && cp <= 'Z')
			return 2;
		if (cp >= '0' && cp <= '9')
			return 3;
		return is_space_cp(cp) ? -1 : 0;
	}
	if (is_space_cp(cp))
		return -1;
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return 2;
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return 1;
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 3;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return 4;
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return -1;
	default:
		return 0;
	}
}

/* The code point at s[i] and its length (a bad byte is itself). */
static uint32_t
cp_at(const unsigned char *s, size_t n, size_t i, size_t *k)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t r;

	if (s[i] < 0x80) {
		*k = 1;
		return s[i];
	}
	r = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
	if (r <= 0) {
		*k = 1;
		return 0xfffd;
	}
	*k = (size_t)r;
	return (uint32_t)cp;
}

/*
 * The headline: a first paragraph with more after it, short, of one
 * sentence that ends in no full stop, and no dateline.  Returns the byte
 * offset past it, or 0.
 */
static size_t
find_headline(const char *s, size_t n)
{
	size_t i, end = 0, words = 0;
	int inword = 0;

	for (i = 0; i + 1 < n; i++)
		if (s[i] == '\n' && s[i + 1] == '\n')
			break;
	if (i + 1 >= n)
		return 0;
	end = i;
	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t' ||
	    s[end - 1] == '\r'))
		end--;
	if (end == 0 || end > 200)
		return 0;
	for (i = end; i < n; i++)
		if (s[i] != '\n' && s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			break;
	if (i == n)
		return 0;
	if (strchr(".,;:", s[end - 1]) != NULL)
		return 0;
	for (i = 0; i < end; i++) {
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && i + 1 < end &&
		    s[i + 1] == ' ')
			return 0;
		if (s[i] == ' ' || s[i] == '\n') {
			inword = 0;
		} else if (!inword) {
			inword = 1;
			words++;
		}
	}
	if (words > 25 || article_dateline_len(s, end) > 0)
		return 0;
	return end;
}

static int
tok_reserve(struct doc *d)
{
	size_t cap;
	struct tok *p;

	if (d->n < d->cap)
		return 0;
	cap = d->cap ? 2 * d->cap : 256;
	if ((p = realloc(d->t, cap * sizeof(*p))) == NULL)
		return -1;
	d->t = p;
	d->cap = cap;
	return 0;
}

/* Classes of the ASCII characters, as char_class() gives them. */
static const signed char ascii_class[128] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0,
	0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0
};

/* The code point at s[i], its length and its class. */
static inline uint32_t
next_char(const unsigned char *s, size_t n, size_t i, size_t *k, int *cls)
{
	uint32_t cp;

	if (s[i] < 0x80) {
		*k = 1;
		*cls = ascii_class[s[i]];
		return s[i];
	}
	cp = cp_at(s, n, i, k);
	*cls = char_class(cp);
	return cp;
}

/*
 * Cuts the text into words and punctuation.  A word is a run of letters,
 * digits and marks, with a hyphen or an apostrophe inside it ("Timor-
 * Leste", "Jum'at"); it is lowered and hashed as it is read, the same way
 * lexicon_lower() lowers the data's keys.
 */
static int
tokenize(struct doc *d)
{
	const unsigned char *s = (const unsigned char *)d->text;
	size_t n = d->len, i = 0, k, nl = 0;
	int space = 1, para = 1, chunk = 1, cls;

	d->lowcap = 2 * n + 16;
	if ((d->low = malloc(d->lowcap)) == NULL)
		return -1;
	while (i < n) {
		uint32_t cp = next_char(s, n, i, &k, &cls);
		struct tok *t;

		if (cls < 0) {
			if (cp == '\n' && ++nl >= 2)
				para = 1;
			space = chunk = 1;
			i += k;
			continue;
		}
		if (tok_reserve(d) != 0)
			return -1;
		t = &d->t[d->n++];
		memset(t, 0, sizeof(*t));
		t->off = (uint32_t)i;
		t->pe = t->oe = t->ce = t->se = -1;
		t->f = (uint16_t)((space ? F_SPACE : 0) | (para ? F_PARA : 0) |
		    (i < d->head_end ? F_HEAD : 0));
		space = para = 0;
		nl = 0;
		if (cls == 0) {
			t->kind = TK_PUNCT;
			t->cp = cp;
			t->len = (uint32_t)k;
			i += k;
			continue;
		}
		{
			char *lo = d->low + d->lowlen, *o = lo;
			uint64_t h = LEXICON_HASH_INIT;
			size_t letters = 0, upper = 0, j = i;
			int prev = 0;

			t->kind = TK_WORD;
			if (chunk)
				t->f |= F_CHUNK;
			chunk = 0;
			t->f |= cls == 2 ? F_CAP : cls == 1 ? F_LOWER : 0;
			for (;;) {
				char *o0 = o;

				/* most of a word is ASCII letters and digits */
				while (cp < 0x80 && cls > 0) {
					unsigned char b = (unsigned char)cp;

					if (cls == 2) {
						if (prev == 1)
							t->f |= F_INNER;
						upper++;
						b += 32;
					}
					if (cls == 3)
						t->f |= F_DIGIT;
					else
						letters++;
					*o++ = (char)b;
					h = (h ^ b) * 0x100000001b3ULL;
					prev = cls;
					if (++j >= n)
						goto word_end;
					cp = s[j];
					if (cp >= 0x80)
						cp = next_char(s, n, j, &k, &cls);
					else
						cls = ascii_class[cp], k = 1;
				}
				o0 = o;
				if (cls < 0)
					break;

				if (cls == 1 || cls == 2) {
					if (cls == 2 && prev == 1)
						t->f |= F_INNER;
					letters++;
					upper += cls == 2;
				} else if (cls == 3) {
					t->f |= F_DIGIT;
				} else if (cls != 4) {
					/* a hyphen or an apostrophe inside */
					size_t k2;
					int c2;

					if (!((cp == '-' || cp == '\'' ||
					    cp == 0x2019) && j + k < n))
						break;
					next_char(s, n, j + k, &k2, &c2);
					if (c2 < 1 || c2 > 3)
						break;
					cls = 0;
				}
				if (cp < 0x80)
					*o++ = (char)(cp >= 'A' && cp <= 'Z' ?
					    cp + 32 : cp);
				else if (cp == 0x2019)
					*o++ = '\'';
				else
					o += utf8proc_encode_char(utf8proc_tolower(
					    (utf8proc_int32_t)cp),
					    (utf8proc_uint8_t *)o);
				for (; o0 < o; o0++) {
					h ^= (unsigned char)*o0;
					h *= 0x100000001b3ULL;
				}
				prev = cls;
				j += k;
				if (j >= n)
					break;
				cp = next_char(s, n, j, &k, &cls);
				if (cls < 0)
					break;
			}
word_end:
			if (letters >= 2 && upper == letters)
				t->f |= F_UPPER;
			t->letters = (uint8_t)(letters > 255 ? 255 : letters);
			t->len = (uint32_t)(j - i);
			t->lo = (uint32_t)d->lowlen;
			t->lolen = (uint32_t)(o - lo);
			t->h = h;
			d->lowlen += t->lolen;
			i = j;
			if (!(t->f & F_HEAD))
				d->words += (t->f & F_CHUNK) != 0;
		}
	}
	return 0;
}

/* ---- looking the tokens up ---- */

static int
is_word(const struct doc *d, size_t i)
{
	return i < d->n && d->t[i].kind == TK_WORD;
}

static int
is_punct(const struct doc *d, size_t i, uint32_t cp)
{
	return i < d->n && d->t[i].kind == TK_PUNCT && d->t[i].cp == cp;
}

/* Whether tokens i.. satisfy the case bits of a key of nw words. */
static int
case_ok(const struct doc *d, size_t i, int nw, uint16_t cb)
{
	int w;

	for (w = 0; w < nw; w++) {
		const struct tok *t = &d->t[i + (size_t)w];

		switch ((cb >> (2 * w)) & 3) {
		case CASE_CAP:
			if (!(t->f & F_CAP))
				return 0;
			break;
		case CASE_UPPER:
			if (!(t->f & F_UPPER))
				return 0;
			break;
		default:
			break;
		}
	}
	return 1;
}

/* For each word, the longest key of each kind that starts there. */
static void
match_all(struct doc *d)
{
	char key[MAXKEY + 1];
	size_t i;

	for (i = 0; i < d->n; i++) {
		struct tok *t = &d->t[i];
		const struct lex_entry *e;
		uint64_t h;
		size_t klen;
		int nw = 1;

		if (t->kind != TK_WORD || t->lolen > MAXKEY)
			continue;
		h = t->h;
		klen = t->lolen;
		e = lexicon_find(d->lex, h, d->low + t->lo, klen);
		if (e != NULL && e->more)
			memcpy(key, d->low + t->lo, klen);
		while (e != NULL) {
			int idx = (int)(e - d->lex->ent);

			if (e->place >= 0 && case_ok(d, i, nw, e->place_case)) {
				t->pe = idx;
				t->pn = (uint8_t)nw;
			}
			if (e->org >= 0 && case_ok(d, i, nw, e->org_case)) {
				t->oe = idx;
				t->on = (uint8_t)nw;
			}
			if (e->cue != 0 && case_ok(d, i, nw, e->cue_case)) {
				t->ce = idx;
				t->cn = (uint8_t)nw;
			}
			if (e->nsubj > 0) {
				t->se = idx;
				t->sn = (uint8_t)nw;
			}
			if (!e->more || nw == MAXW)
				break;
			/* the next word, after white space only */
			{
				const struct tok *u;

				if (!is_word(d, i + (size_t)nw))
					break;
				u = &d->t[i + (size_t)nw];
				if (!(u->f & F_SPACE) || (u->f & F_PARA) ||
				    klen + 1 + u->lolen > MAXKEY)
					break;
				key[klen++] = ' ';
				memcpy(key + klen, d->low + u->lo, u->lolen);
				klen += u->lolen;
				h = lexicon_hash(lexicon_hash(h, " ", 1), d->low + u->lo,
				    u->lolen);
			}
			nw++;
			e = lexicon_find(d->lex, h, key, klen);
		}
	}
}

/* The cue classes of the cue starting at i (whole key), or 0. */
static uint32_t
cue_at(const struct doc *d, size_t i)
{
	if (i >= d->n || d->t[i].ce < 0)
		return 0;
	return d->lex->ent[d->t[i].ce].cue;
}

/* The cue classes of token i alone, as one word. */
static uint32_t
cue1(const struct doc *d, size_t i)
{
	return i < d->n && d->t[i].ce >= 0 && d->t[i].cn == 1 ?
	    d->lex->ent[d->t[i].ce].cue : 0;
}

static void
cover(struct doc *d)
{
	size_t i, j;

	for (i = 0; i < d->n; i++) {
		const struct tok *t = &d->t[i];

		if (t->pe >= 0 && !d->lex->ent[t->pe].place_ambig)
			for (j = i; j < i + t->pn; j++)
				d->t[j].mark |= COV_PLACE;
		if (t->oe >= 0)
			for (j = i; j < i + t->on; j++)
				d->t[j].mark |= COV_ORG;
		if (t->ce >= 0 && (d->lex->ent[t->ce].cue & ~(uint32_t)C_WEAK))
			for (j = i; j < i + t->cn; j++)
				d->t[j].mark |= COV_CUE;
	}
}

/* Adds the hashes of the words the text writes in lower case. */
static int
lower_words(struct doc *d)
{
	size_t i, nslot = 16, count = 0;

	for (i = 0; i < d->n; i++)
		count += d->t[i].kind == TK_WORD && (d->t[i].f & F_LOWER);
	while (nslot < 2 * count + 16)
		nslot <<= 1;
	if ((d->lowset = calloc(nslot, sizeof(*d->lowset))) == NULL)
		return -1;
	d->lowmask = nslot - 1;
	for (i = 0; i < d->n; i++) {
		const struct tok *t = &d->t[i];
		uint64_t h = t->h | 1;	/* 0 marks an empty slot */
		size_t s;

		if (t->kind != TK_WORD || !(t->f & F_LOWER) || (t->f & F_HEAD))
			continue;
		for (s = h & d->lowmask; d->lowset[s] != 0 && d->lowset[s] != h;
		    s = (s + 1) & d->lowmask)
			;
		d->lowset[s] = h;
	}
	return 0;
}

static int
seen_lower(const struct doc *d, const struct tok *t)
{
	uint64_t h = t->h | 1;
	size_t s;

	for (s = h & d->lowmask; d->lowset[s] != 0; s = (s + 1) & d->lowmask)
		if (d->lowset[s] == h)
			return 1;
	return 0;
}

/* ---- sentences ---- */

static int
is_closing(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' ||
	    cp == 0x201d || cp == 0x2019 || cp == 0xbb;
}

static int
is_opening(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == '(' || cp == '[' ||
	    cp == 0x201c || cp == 0x2018 || cp == 0xab;
}

/* Whether punctuation token i ends a sentence. */
static int
sent_end(const struct doc *d, size_t i)
{
	const struct tok *t = &d->t[i];
	size_t j;

	if (t->kind != TK_PUNCT || !(t->cp == '.' || t->cp == '!' ||
	    t->cp == '?' || t->cp == 0x2026))
		return 0;
	if (t->cp == '.' && i > 0 && d->t[i - 1].kind == TK_WORD &&
	    !(t->f & F_SPACE)) {
		const struct tok *p = &d->t[i - 1];

		/* "Dr.", "No.", an initial */
		if ((cue1(d, i - 1) & C_ABBREV) ||
		    (p->letters == 1 && (p->f & F_CAP) && p->len <= 2))
			return 0;
	}
	for (j = i + 1; j < d->n && d->t[j].kind == TK_PUNCT &&
	    !(d->t[j].f & F_SPACE) && (is_closing(d->t[j].cp) ||
	    d->t[j].cp == '.' || d->t[j].cp == '!' || d->t[j].cp == '?'); j++)
		;
	if (j >= d->n || (d->t[j].f & F_PARA))
		return 1;
	if (!(d->t[j].f & F_SPACE))
		return 0;	/* "3.000", "Liputan6.com" */
	while (j < d->n && d->t[j].kind == TK_PUNCT && is_opening(d->t[j].cp))
		j++;
	return !(j < d->n && d->t[j].kind == TK_WORD && (d->t[j].f & F_LOWER));
}

/* Marks the words of [a, b) as in a sentence of capitalized words
 * ("Untuk Sulut Sentimen, Jelas Bukan Siapa Siapa Pelakunya."), where
 * capitals say as little as in a headline. */
static void
title_case(struct doc *d, size_t a, size_t b)
{
	size_t i, words = 0, caps = 0;

	/* every word of four letters or more capitalized, as in no
	 * sentence of prose */
	for (i = a; i < b; i++)
		if (d->t[i].kind == TK_WORD && d->t[i].letters >= 4) {
			words++;
			caps += (d->t[i].f & F_CAP) != 0;
		}
	if (words >= 4 && caps == words)
		for (i = a; i < b; i++)
			d->t[i].f |= F_TITLE;
}

static void
mark_sentences(struct doc *d)
{
	size_t i, start = 0;
	int pending = 1;

	for (i = 0; i < d->n; i++) {
		struct tok *t = &d->t[i];

		if (t->f & F_PARA) {
			title_case(d, start, i);
			start = i;
			pending = 1;
		}
		if (t->kind == TK_WORD) {
			if (pending)
				t->f |= F_SENT;
			pending = 0;
		} else if (sent_end(d, i) || t->cp == ':' || t->cp == 0x2013 ||
		    t->cp == 0x2014 || (t->cp == '-' && (t->f & F_SPACE))) {
			if (sent_end(d, i)) {
				title_case(d, start, i + 1);
				start = i + 1;
			}
			pending = 1;
		} else if (!is_opening(t->cp) && !is_closing(t->cp)) {
			pending = 0;
		}
	}
	title_case(d, start, d->n);
}

/* ---- results ---- */

/* A copy of text[a, b) with each run of white space one space. */
static char *
span_copy(const struct doc *d, size_t a, size_t b)
{
	char *s = malloc(b - a + 1), *o = s;
	size_t i;
	int sp = 0;

	if (s == NULL)
		return NULL;
	for (i = a; i < b; i++) {
		unsigned char c = (unsigned char)d->text[i];

		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			sp = 1;
			continue;
		}
		if (sp && o > s)
			*o++ = ' ';
		sp = 0;
		*o++ = (char)c;
	}
	*o = '\0';
	return s;
}

static char *
tok_copy(const struct doc *d, size_t t0, size_t t1)
{
	return span_copy(d, d->t[t0].off, d->t[t1 - 1].off + d->t[t1 - 1].len);
}

/* Room for element n of an array of *cap: the array, moved if need be,
 * or NULL (the old one kept) when memory runs out. */
static void *
grow(void *p, size_t *cap, size_t n, size_t size)
{
	size_t c;

	if (n < *cap)
		return p;
	c = *cap ? 2 * *cap : 8;
	if ((p = realloc(p, c * size)) != NULL)
		*cap = c;
	return p;
}

/* Appends a string the list takes over (freed on failure). */
static int
list_add(char ***list, const char ***rules, size_t *n, size_t *cap,
    char *s, const char *rule)
{
	size_t c = *cap;
	char **l;
	const char **r;

	if ((l = grow(*list, &c, *n, sizeof(**list))) != NULL)
		*list = l;
	if (l == NULL || (r = grow(*rules, cap, *n, sizeof(**rules))) == NULL) {
		free(s);
		return -1;
	}
	*rules = r;
	(*list)[*n] = s;
	(*rules)[*n] = rule;
	(*n)++;
	return 0;
}

/* ---- people ---- */

/* A capitalized word that can be part of a person's name. */
static int
name_like(const struct doc *d, size_t i)
{
	const struct tok *t;
	size_t k, seg = 0;

	if (!is_word(d, i))
		return 0;
	t = &d->t[i];
	if ((t->f & (F_HEAD | F_TITLE | F_UPPER | F_INNER | F_DIGIT)) ||
	    !(t->f & F_CAP) || t->letters < 2 || (t->mark & (COV_PLACE | COV_ORG | COV_CUE |
	    M_ORG | M_NOTORG)))
		return 0;
	/* a speech verb or small word capitalized mid-sentence is a name
	 * ("Said Iqbal"); at a sentence start it is the word */
	if (t->ce >= 0 && (t->f & F_SENT) && t->cn == 1)
		return 0;
	/* a part of one letter: "T-Mobile", "e-KTP" */
	for (k = 0; k <= t->lolen; k++) {
		if (k == t->lolen || d->low[t->lo + k] == '-') {
			if (seg == 1)
				return 0;
			seg = 0;
		} else {
			seg++;
		}
	}
	return !seen_lower(d, t);
}

/* An initial: one capital, with a full stop ("M. Hanif Dhakiri") or
 * without one before a name word ("M Syaiful Jihad"); *k gets its tokens. */
static int
is_initial(const struct doc *d, size_t i, size_t *k)
{
	if (!is_word(d, i) || d->t[i].letters != 1 || !(d->t[i].f & F_CAP) ||
	    d->t[i].len > 2 || (d->t[i].f & (F_DIGIT | F_HEAD)))
		return 0;
	if (is_punct(d, i + 1, '.') && !(d->t[i + 1].f & F_SPACE)) {
		*k = 2;
		return 1;
	}
	*k = 1;
	return name_like(d, i + 1) && (d->t[i + 1].f & F_SPACE);
}

/* Initials in capitals inside a name, between name words ("Retno LP
 * Marsudi"): at most three letters that name nothing else. */
static int
inner_initials(const struct doc *d, size_t i)
{
	const struct tok *t = &d->t[i];

	return is_word(d, i) && (t->f & F_UPPER) && t->letters <= 3 &&
	    t->len <= 3 && !(t->mark & (COV_PLACE | COV_ORG | M_NOTORG)) &&
	    t->pe < 0 && t->oe < 0 && (t->ce < 0 || t->cn != 1 ||
	    (d->lex->ent[t->ce].cue & ~(uint32_t)C_NOTORG) == 0) &&
	    name_like(d, i + 1);
}

/* Small words inside a name: "bin", "van", "de". */
static int
name_conn(const struct doc *d, size_t i)
{
	static const char *const w[] = { "bin", "binti", "van", "von", "der",
	    "de", "da", "al", NULL };
	size_t k;

	if (!is_word(d, i) || !(d->t[i].f & F_LOWER))
		return 0;
	for (k = 0; w[k] != NULL; k++)
		if (strlen(w[k]) == d->t[i].lolen &&
		    memcmp(w[k], d->low + d->t[i].lo, d->t[i].lolen) == 0)
			return 1;
	return 0;
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

	while (k < d->n) {
		if (k > i && (!(d->t[k].f & F_SPACE) || (d->t[k].f & F_PARA)))
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

	if (i >= d->n)
		return 1;
	t = &d->t[i];
	if (t->kind != TK_WORD || (t->f & (F_PARA | F_DIGIT)))
		return 1;
	/* "Guru Besar Pangan dan Gizi" goes on */
	if (t->f & F_LOWER)
		return !((cue1(d, i) & C_CONN) && is_word(d, i + 1) &&
		    (d->t[i + 1].f & F_CAP) && (d->t[i + 1].f & F_SPACE));
	/* "Dr Fritz Sumantri Usman SpS", "Presiden Joko Widodo Senin
	 * (10/8) mengatakan" */
	return (t->f & F_INNER) || (cue1(d, i) & (C_WEEKDAY | C_MONTH)) != 0;
}

/* "Deputi Bidang Protokol, Pers, dan Media": a list of what the title is
 * of, not a name, goes on after the comma. */
static int
enumeration(const struct doc *d, size_t i)
{
	size_t j = i + 1;

	if (!is_punct(d, i, ','))
		return 0;
	while (is_word(d, j) && (d->t[j].f & F_CAP) && j < i + 4)
		j++;
	return j > i + 1 && (is_punct(d, j, ',') || (is_word(d, j) &&
	    (cue1(d, j) & C_CONN)));
}

/* The paren group "(ACR)" at i: returns the token past it, or 0. */
static size_t
paren_acronym(const struct doc *d, size_t i)
{
	size_t j = i + 1;

	if (!is_punct(d, i, '('))
		return 0;
	while (j < d->n && j < i + 4 && is_word(d, j) &&
	    (d->t[j].f & (F_CAP | F_DIGIT)))
		j++;
	return j > i + 1 && is_punct(d, j, ')') ? j + 1 : 0;
}

/* Whether the words ending right before i are a cue of class c. */
static int
cue_ends_at(const struct doc *d, size_t i, uint32_t c)
{
	size_t k;

	for (k = i; k-- > 0 && i - k <= MAXW;) {
		const struct tok *u = &d->t[k];

		if (u->kind != TK_WORD)
			return 0;
		if (u->ce >= 0 && k + u->cn == i && (d->lex->ent[u->ce].cue & c))
			return 1;
	}
	return 0;
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

	if (cue_ends_at(d, i, C_NAMESAKE))
		return 1;
	if (i < 3 || !is_punct(d, i - 1, ')'))
		return 0;
	for (k = i - 2; k > 0 && is_word(d, k); k--)
		;
	if (!is_punct(d, k, '('))
		return 0;
	return (cue_at(d, k + 1) & C_NAMESAKE) || cue_ends_at(d, k, C_NAMESAKE);
}

/* A place or a place's word after "X, ": "Camat Sawahan, Kota Surabaya"
 * names a district, not a person. */
static int
place_follows(const struct doc *d, size_t i)
{
	return is_punct(d, i, ',') && is_word(d, i + 1) &&
	    (d->t[i + 1].pe >= 0 || (cue_at(d, i + 1) & C_PLACECTX));
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

	if (abbrev && is_punct(d, j, '.') && !(d->t[j].f & F_SPACE))
		j++;
	while (j < d->n && steps++ < 16) {
		const struct tok *t = &d->t[j];

		if (t->f & F_PARA)
			return 0;
		if (t->kind == TK_WORD) {
			if (name_like(d, j) || is_initial(d, j, &m)) {
				if ((end = name_run(d, j)) == 0)
					return 0;
				if (stretch_ends(d, end) && !namesake(d, j) &&
				    !place_follows(d, end) &&
				    !enumeration(d, end)) {
					/* "Wali Kota Solo Gibran": a place
					 * right after the title is its own */
					if (j == i && end - j > 1 &&
					    d->t[j].pe >= 0)
						j++;
					*a = j;
					*b = end;
					return 1;
				}
				/* a name-like word of what the title is of */
				desc++;
				j = end;
				continue;
			}
			if (t->f & (F_CAP | F_DIGIT)) {
				desc++;
				j++;
				continue;
			}
			/* "Menteri Kelautan dan Perikanan", but not
			 * "Presiden dan Wakil Presiden" */
			if ((cue1(d, j) & C_CONN) && desc > 0 &&
			    is_word(d, j + 1) && (d->t[j + 1].f & F_CAP)) {
				j++;
				continue;
			}
			return 0;
		}
		if (t->cp == '(' && (end = paren_acronym(d, j)) != 0) {
			j = end;
			continue;
		}
		if (t->cp == '.' && !(t->f & F_SPACE) && j > 0 &&
		    (cue1(d, j - 1) & C_ABBREV)) {
			j++;	/* "Kombes Pol. Budi" */
			continue;
		}
		if (t->cp == ',' && name_like(d, j + 1)) {
			/* "Kepala Dinas X, Heru Tjahjono,", "Menlu, Retno",
			 * "PM Singapura, Lee Hsien Loong mencatatkan" */
			end = name_run(d, j + 1);
			if (end != 0 && ((end < d->n && d->t[end].kind ==
			    TK_PUNCT && (d->t[end].cp == ',' || sent_end(d, end)) &&
			    !place_follows(d, end) && !enumeration(d, end)) ||
			    (cue1(d, end) & C_SAID) || (desc > 0 && end < d->n &&
			    d->t[end].kind == TK_WORD && (d->t[end].f & F_LOWER) &&
			    stretch_ends(d, end)))) {
				*a = j + 1;
				*b = end;
				return 1;
			}
		}
		if (t->cp == ',' && desc > 0 && is_word(d, j + 1) &&
		    (((d->t[j + 1].f & F_CAP) && !name_like(d, j + 1)) ||
		    ((cue1(d, j + 1) & C_CONN) && is_word(d, j + 2) &&
		    (d->t[j + 2].f & F_CAP)))) {
			/* "Kepala Biro Hukum, Komunikasi, dan Informasi
			 * Publik Kementerian PAN-RB, Herman Suryatman" */
			j++;
			continue;
		}
		return 0;
	}
	return 0;
}

/* The words of a name, as hashes of their lower case. */
struct namewords {
	uint64_t h[NAME_MAXW + 2];
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

struct people {
	char **name;
	const char **rule;
	struct namewords *w;	/* the name's words */
	struct namewords *alias;	/* "Joko Widodo alias Jokowi" */
	size_t n, cap, wcap, acap;
};

static void
name_words(const struct doc *d, size_t a, size_t b, struct namewords *w)
{
	size_t i;

	w->n = 0;
	for (i = a; i < b; i++)
		if (d->t[i].kind == TK_WORD && w->n < NAME_MAXW + 2)
			w->h[w->n++] = d->t[i].h;
}

/* Adds the person named by tokens [a, b); returns the person's index,
 * or -1 when memory runs out, -2 when there are enough. */
static int
add_name(struct doc *d, struct people *p, size_t a, size_t b,
    const char *rule)
{
	struct namewords w, *pw;
	char *s;
	size_t i;

	for (i = a; i < b; i++)
		d->t[i].mark |= M_PERSON;
	name_words(d, a, b, &w);
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
	if (p->n >= EXTRACT_MAX)
		return -2;
	if ((pw = grow(p->w, &p->wcap, p->n, sizeof(*p->w))) == NULL)
		return -1;
	p->w = pw;
	p->w[p->n] = w;
	if ((pw = grow(p->alias, &p->acap, p->n, sizeof(*p->alias))) == NULL)
		return -1;
	p->alias = pw;
	p->alias[p->n].n = 0;
	if ((s = tok_copy(d, a, b)) == NULL ||
	    list_add(&p->name, &p->rule, &p->n, &p->cap, s, rule) != 0)
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
	if (k >= 0 && (cue1(d, b) & C_ALIAS) && (d->t[b].f & F_LOWER) &&
	    (e = name_run(d, b + 1)) != 0 && stretch_ends(d, e) &&
	    p->alias[k].n == 0) {
		for (i = b + 1; i < e; i++)
			d->t[i].mark |= M_PERSON;
		name_words(d, b + 1, e, &p->alias[k]);
	}
	return 0;
}

/* Words before a title that make it part of a place's or an
 * organization's name ("Jalan Jenderal Sudirman", "RSUP Dr. Sardjito"). */
static int
title_blocked(const struct doc *d, size_t i)
{
	size_t k;

	for (k = i; k-- > 0 && i - k <= MAXW;) {
		const struct tok *u = &d->t[k];

		if (u->kind != TK_WORD)
			return 0;
		if (u->ce >= 0 && k + u->cn == i &&
		    (d->lex->ent[u->ce].cue & (C_PLACEBLOCK | C_ORGHEAD | C_NAMESAKE |
		    C_DOCWORD)))
			return 1;
		if (u->oe >= 0 && k + u->on == i)
			return 1;
	}
	return 0;
}

static int
find_people(struct doc *d, struct people *p)
{
	size_t i, a, b, inside = 0;

	for (i = 0; i < d->n; i++) {
		const struct tok *t = &d->t[i];
		uint32_t c;

		if (t->kind != TK_WORD || (t->f & F_HEAD) || (t->mark & M_PERSON))
			continue;
		c = cue_at(d, i);
		if (c == 0)
			continue;
		/* "Konsulat Jenderal": no title inside another cue */
		if (t->cn > 1 && !(c & C_TITLE) && inside < i + t->cn)
			inside = i + t->cn;
		if ((c & C_TITLE) && i >= inside && !title_blocked(d, i) &&
		    after_title(d, i + t->cn, (cue1(d, i + t->cn - 1) &
		    C_ABBREV) != 0, &a, &b)) {
			if (add_person(d, p, a, b, "title") != 0)
				return -1;
			i = b - 1;
			continue;
		}
		/* speech verbs are small words; capitalized mid-sentence
		 * they are names */
		if ((c & (C_SAY | C_ACCORDING | C_SAID)) &&
		    !(t->f & F_LOWER) && !(t->f & F_SENT))
			continue;
		/* "kata" after a quotation, or "menurut" anywhere: "dari
		 * kata Pika" is the noun */
		if ((c & C_ACCORDING) || ((c & C_SAY) && (i == 0 ||
		    d->t[i - 1].kind == TK_PUNCT || (t->f & F_SENT)))) {
			size_t j = i + t->cn;

			if ((cue_at(d, j) & C_TITLE) && after_title(d,
			    j + d->t[j].cn, (cue1(d, j + d->t[j].cn - 1) &
			    C_ABBREV) != 0, &a, &b)) {
				if (add_person(d, p, a, b, "title") != 0)
					return -1;
				i = b - 1;
				continue;
			}
			if ((b = name_run(d, j)) != 0 && stretch_ends(d, b) &&
			    (d->t[j].f & F_SPACE)) {
				if (add_person(d, p, j, b, "speech") != 0)
					return -1;
				i = b - 1;
				continue;
			}
		}
		if ((c & C_SAID) && i >= 2 && t->cn == 1) {
			/* two name words or more right before the verb, the
			 * whole capitalized stretch */
			size_t k = i, words = 0;

			while (k > 0 && words <= NAME_MAXW &&
			    (name_like(d, k - 1) || (is_punct(d, k - 1, '.') &&
			    k >= 2 && d->t[k - 2].letters == 1 &&
			    (d->t[k - 2].f & F_CAP)))) {
				k -= is_punct(d, k - 1, '.') ? 2 : 1;
				words++;
			}
			if (words >= 2 && words <= NAME_MAXW &&
			    !(k > 0 && is_word(d, k - 1) &&
			    (d->t[k - 1].f & F_CAP)) && name_like(d, i - 1) &&
			    name_run(d, k) == i) {
				if (add_person(d, p, k, i, "speech") != 0)
					return -1;
			}
		}
	}
	/* "Siti Sofia Sudarma, Direktur ...": a name and its title after */
	for (i = 0; i < d->n; i++) {
		size_t k;

		const struct tok *t = &d->t[i];

		if (t->kind != TK_WORD || (t->f & F_HEAD) ||
		    (t->mark & M_PERSON) || !name_like(d, i) ||
		    (i > 0 && is_word(d, i - 1) && (d->t[i - 1].f & F_CAP)))
			continue;
		if ((b = name_run(d, i)) == 0 || b - i < 2 ||
		    !is_punct(d, b, ',') || !is_word(d, b + 1) ||
		    !(cue_at(d, b + 1) & C_TITLE) ||
		    !(d->t[b + 1].f & F_CAP) || namesake(d, i) ||
		    (i > 0 && d->t[i - 1].kind == TK_PUNCT &&
		    !sent_end(d, i - 1) && d->t[i - 1].cp != ',' &&
		    !is_opening(d->t[i - 1].cp)))
			continue;
		/* "Neurologist, Dr Fritz ...": the title is the next one's */
		if (after_title(d, b + 1 + d->t[b + 1].cn, (cue1(d, b +
		    d->t[b + 1].cn) & C_ABBREV) != 0, &a, &k))
			continue;
		if (add_person(d, p, i, b, "title") != 0)
			return -1;
		i = b;
	}
	return 0;
}

/* ---- organizations ---- */

static uint64_t
str_hash(const char *s)
{
	return lexicon_hash(LEXICON_HASH_INIT, s, strlen(s)) | 1;
}

static struct docorg *
org_find(struct doc *d, const char *s)
{
	uint64_t h = str_hash(s), v;
	size_t i;

	if (d->oslot == NULL)
		return NULL;
	for (i = h & d->omask; (v = d->oslot[i]) != 0; i = (i + 1) & d->omask) {
		struct docorg *o;

		if ((v >> 32) != (h >> 32))
			continue;
		o = &d->org[(v & 0xffffffffU) - 1];
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
org_index(struct doc *d, size_t k)
{
	size_t i, j;

	if (d->oslot == NULL || 3 * (k + 1) * 2 > d->omask + 1) {
		size_t n = 64;
		uint64_t *t;

		while (n < 3 * (k + 1) * 4)
			n <<= 1;
		if ((t = calloc(n, sizeof(*t))) == NULL)
			return -1;
		free(d->oslot);
		d->oslot = t;
		d->omask = n - 1;
		for (j = 0; j < k; j++)
			if (org_index(d, j) != 0)
				return -1;
	}
	{
		const char *names[3] = { d->org[k].name, d->org[k].sname,
		    d->org[k].lname };

		for (j = 0; j < 3; j++) {
			uint64_t h;

			if (names[j] == NULL)
				continue;
			h = str_hash(names[j]);
			for (i = h & d->omask; d->oslot[i] != 0;
			    i = (i + 1) & d->omask)
				;
			d->oslot[i] = (h & 0xffffffff00000000ULL) | (k + 1);
		}
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
	struct docorg *o = NULL;
	char *name;
	size_t n;

	if (sname != NULL)
		o = org_find(d, sname);
	if (o == NULL && lname != NULL)
		o = org_find(d, lname);
	if (o != NULL || d->norg >= 4 * EXTRACT_MAX) {
		free(lname);
		free(sname);
		return o != NULL ? (int)(o - d->org) : -2;
	}
	if (lname != NULL && sname != NULL) {
		n = strlen(lname) + strlen(sname) + 4;
		if ((name = malloc(n)) == NULL)
			goto fail;
		snprintf(name, n, "%s (%s)", lname, sname);
	} else if ((name = strdup(lname != NULL ? lname : sname)) == NULL) {
		goto fail;
	}
	if ((o = grow(d->org, &d->caporg, d->norg, sizeof(*d->org))) == NULL) {
		free(name);
		goto fail;
	}
	d->org = o;
	o = &d->org[d->norg++];
	o->name = name;
	o->lname = lname;
	o->sname = sname;
	o->rule = rule;
	if (org_index(d, d->norg - 1) != 0)
		return -1;
	return (int)(o - d->org);
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
	size_t na = 0, nw = 0, wl = 0, i, maxw, k;
	long si, li;

	for (i = s0; i < s1; i++) {
		const struct tok *t = &d->t[i];

		for (k = 0; k < t->lolen && na < sizeof(acr); k++) {
			unsigned char c = (unsigned char)d->low[t->lo + k];

			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				acr[na++] = (char)c;
		}
	}
	if (na < 2)
		return (size_t)-1;
	maxw = na + 5 < 2 * na ? na + 5 : 2 * na;
	/* the words before e, back to a small word or punctuation other
	 * than a comma */
	i = e;
	while (i > 0 && nw < maxw && nw < 64) {
		const struct tok *t = &d->t[i - 1];

		if (t->kind == TK_PUNCT) {
			if (t->cp != ',' && t->cp != '-')
				break;
			i--;
			continue;
		}
		if (!(t->f & (F_CAP | F_DIGIT)) && !(cue1(d, i - 1) & C_CONN))
			break;
		if (t->f & F_PARA) {
			wtok[nw++] = i - 1;
			break;
		}
		wtok[nw++] = i - 1;
		i--;
	}
	if (nw < 2)
		return (size_t)-1;
	/* the window, first word first */
	for (k = nw; k-- > 0;) {
		const struct tok *t = &d->t[wtok[k]];

		if (wl + t->lolen + 1 >= sizeof(win))
			return (size_t)-1;
		tokstart[nw - 1 - k] = wl;
		memcpy(win + wl, d->low + t->lo, t->lolen);
		wl += t->lolen;
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
			if (e - first < 2 || !(d->t[first].f & F_CAP))
				return (size_t)-1;
			return first;
		}
	return (size_t)-1;
}

/* Whether tokens [a, b) name an organization by their first or last
 * words ("Kementerian ...", "... Tbk"). */
static int
org_words(const struct doc *d, size_t a, size_t b)
{
	size_t i;

	if (cue_at(d, a) & C_ORGHEAD)
		return 1;
	for (i = a; i < b; i++)
		if (d->t[i].ce >= 0 && i + d->t[i].cn == b &&
		    (d->lex->ent[d->t[i].ce].cue & C_ORGTAIL))
			return 1;
	return 0;
}

/* The known organization whose short name is at i, if it counts here. */
static const struct lex_org *
known_org(const struct doc *d, size_t i)
{
	const struct tok *t = &d->t[i];
	const struct lex_org *o;

	if (t->oe < 0)
		return NULL;
	o = &d->lex->org[d->lex->ent[t->oe].org];
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
	t = &d->t[i];
	if (t->pe < 0 || !(t->f & F_SPACE) || (t->f & F_PARA))
		return 0;
	return t->pn;
}

/* The name of token i's known organization with the place after it. */
static int
known_org_place(struct doc *d, const struct lex_org *o, size_t i, size_t nwords,
    size_t np)
{
	const struct lex_place *pl = &d->lex->place[d->lex->ent[d->t[i + nwords].pe].place];
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

/* Acronyms the text defines: "Kementerian Ketenagakerjaan (Kemnaker)",
 * "KKP (Kementerian Kelautan dan Perikanan)". */
static int
find_definitions(struct doc *d)
{
	struct def *p;
	size_t i, k;

	for (i = 1; i + 2 < d->n; i++) {
		struct def df;
		size_t close, first;

		if (!is_punct(d, i, '(') || (d->t[i].f & F_HEAD))
			continue;
		close = paren_acronym(d, i);
		memset(&df, 0, sizeof(df));
		df.orgidx = -1;
		if (close != 0 && close - i <= 4 && is_word(d, i - 1) &&
		    (first = long_form(d, i + 1, close - 1, i)) != (size_t)-1) {
			df.s0 = (uint32_t)(i + 1);
			df.s1 = (uint32_t)(close - 1);
			df.l0 = (uint32_t)first;
			df.l1 = (uint32_t)i;
		} else if (is_word(d, i - 1) && (d->t[i - 1].f & F_UPPER)) {
			/* "KKP (Kementerian Kelautan dan Perikanan)" */
			size_t j = i + 1;

			while (j < d->n && j < i + 12 && is_word(d, j) &&
			    ((d->t[j].f & F_CAP) || (cue1(d, j) & C_CONN)))
				j++;
			if (!is_punct(d, j, ')') || j - i < 3)
				continue;
			first = long_form(d, i - 1, i, j);
			if (first != i + 1)
				continue;
			df.s0 = (uint32_t)(i - 1);
			df.s1 = (uint32_t)i;
			df.l0 = (uint32_t)(i + 1);
			df.l1 = (uint32_t)j;
		} else {
			continue;
		}
		{
			const struct tok *s = &d->t[df.s0];
			int known = known_org(d, df.s0) != NULL;

			/* an expansion with a head word makes even a
			 * stop-listed acronym one: "Mahkamah Agung (MA)" */
			df.is_org = s->pe < 0 && (org_words(d, df.l0, df.l1) ||
			    (known && !(cue1(d, df.s0) & C_NOTORG)));
		}
		for (k = df.s0; k < df.s1; k++)
			d->t[k].mark |= df.is_org ? COV_ORG : M_NOTORG;
		/* the words of an organization's name are no person's
		 * ("Ketua DPR, Mahkamah Agung (MA), ...") */
		for (k = df.l0; k < df.l1 && df.is_org; k++)
			d->t[k].mark |= COV_ORG;
		/* the first definition of an acronym stands */
		if (d->ndef >= 64 || (df.s1 - df.s0 == 1 && def_at(d, df.s0)))
			continue;
		if (df.s1 - df.s0 == 1) {
			size_t h = d->t[df.s0].h & 255;

			while (d->defslot[h] != 0)
				h = (h + 1) & 255;
			d->defslot[h] = (uint8_t)(d->ndef + 1);
		}
		if ((p = grow(d->def, &d->capdef, d->ndef,
		    sizeof(*d->def))) == NULL)
			return -1;
		d->def = p;
		d->def[d->ndef++] = df;
	}
	/* and every later use of the acronyms: "Setpres itu" is no name */
	for (i = 0; i < d->n && d->ndef > 0; i++) {
		const struct def *df;

		if (d->t[i].kind == TK_WORD && (df = def_at(d, i)) != NULL)
			d->t[i].mark |= df->is_org ? COV_ORG : M_NOTORG;
	}
	return 0;
}

/* The definition whose short form is token i, if any. */
static struct def *
def_at(struct doc *d, size_t i)
{
	size_t k;

	/* at most 64 acronyms in 256 slots */
	for (k = d->t[i].h & 255; d->defslot[k] != 0; k = (k + 1) & 255) {
		struct def *df = &d->def[d->defslot[k] - 1];

		if (d->t[df->s0].h == d->t[i].h &&
		    d->t[df->s0].lolen == d->t[i].lolen &&
		    memcmp(d->low + d->t[df->s0].lo, d->low + d->t[i].lo,
		    d->t[i].lolen) == 0 && d->t[df->s0].len == d->t[i].len &&
		    memcmp(d->text + d->t[df->s0].off, d->text + d->t[i].off,
		    d->t[i].len) == 0)
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
	seen = org_find(d, s) != NULL;
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
	const char *k = d->lex->place[d->lex->ent[d->t[i].pe].place].kind;

	return strcmp(k, "city") == 0 || strcmp(k, "regency") == 0 ||
	    strcmp(k, "province") == 0 || strcmp(k, "capital") == 0;
}

/* An organization from a head word on ("Dinas Perikanan dan Kelautan
 * Provinsi Jawa Timur"): returns the token past it, or 0. */
static size_t
head_run(const struct doc *d, size_t i)
{
	size_t j = i + d->t[i].cn, last = 0, words = 0;

	while (j < d->n && words < 10) {
		const struct tok *t = &d->t[j];
		uint32_t c = cue1(d, j);
		size_t end;

		if ((t->f & F_PARA) || (t->mark & M_PERSON))
			break;
		if (t->kind == TK_WORD) {
			if (!(t->f & F_SPACE))
				break;
			if (t->f & (F_CAP | F_DIGIT)) {
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
			    (d->t[j + 1].f & F_CAP)) {
				j++;
				continue;
			}
			break;
		}
		if (t->cp == '(' && (end = paren_acronym(d, j)) != 0 && words > 0) {
			last = end;
			break;
		}
		if (t->cp == '.' && !(t->f & F_SPACE) && (cue1(d, j - 1) & C_ABBREV) &&
		    is_word(d, j + 1) && (d->t[j + 1].f & F_CAP)) {
			j++;	/* "RSUD Dr. Moewardi" */
			continue;
		}
		break;
	}
	return words > 0 ? last : 0;
}

static int
find_orgs(struct doc *d)
{
	size_t i, k, np, end;

	/* the definitions first, so that later mentions are theirs */
	for (k = 0; k < d->ndef; k++) {
		struct def *df = &d->def[k];
		size_t after = df->s0 > df->l0 ? df->s1 + 1 : df->l1 + 1;

		if (!df->is_org)
			continue;
		np = df->s0 > df->l0 ? place_after(d, after) : 0;
		if (np > 0 && !regional_place(d, after))
			np = 0;
		if (def_org(d, df, after, np) != 0)
			return -1;
	}
	for (i = 0; i < d->n; i++) {
		const struct tok *t = &d->t[i];
		const struct lex_org *o;
		struct def *df;

		if (t->kind != TK_WORD || (t->f & F_HEAD) || (t->mark & M_PERSON))
			continue;
		/* an acronym the text defines, alone or with a place */
		if ((df = def_at(d, i)) != NULL && df->is_org &&
		    !(i >= df->s0 && i < df->s1)) {
			np = place_after(d, i + 1);
			if (np > 0 && regional_place(d, i + 1)) {
				int seen = org_seen(d, i, i + 1 + np);

				if (seen < 0 || (!seen &&
				    def_org(d, df, i + 1, np) != 0))
					return -1;
				i += np;
			} else if (df->orgidx < 0) {
				if (def_org(d, df, 0, 0) != 0)
					return -1;
			}
			continue;
		}
		if (df != NULL)
			continue;
		/* an organization the data knows */
		if ((o = known_org(d, i)) != NULL && !(t->mark & M_NOTORG)) {
			size_t nw = t->on;

			np = place_after(d, i + nw);
			if (np > 0 && !regional_place(d, i + nw))
				np = 0;
			if (o->flags & ORG_PLACE) {
				if (np > 0) {
					int seen = org_seen(d, i, i + nw + np);

					if (seen < 0 || (!seen &&
					    known_org_place(d, o, i, nw, np) != 0))
						return -1;
					i += nw + np - 1;
					continue;
				}
			} else if (org_find(d, o->name) != NULL) {
				for (k = i; k < i + nw; k++)
					d->t[k].mark |= M_ORG;
				i += nw - 1;
				continue;
			} else {
				char *l = o->full != NULL ? strdup(o->full) : NULL;
				char *s = strdup(o->name);

				if (s == NULL || (o->full != NULL && l == NULL)) {
					free(l);
					free(s);
					return -1;
				}
				if (org_add(d, l, s, "known") == -1)
					return -1;
				for (k = i; k < i + nw; k++)
					d->t[k].mark |= M_ORG;
				i += nw - 1;
				continue;
			}
		}
		/* a head word and the capitalized words after it, not in
		 * a document's title ("Peraturan Pemerintah Nomor 75") */
		if ((cue_at(d, i) & C_ORGHEAD) && (t->f & F_CAP) &&
		    !cue_ends_at(d, i, C_DOCWORD) &&
		    (end = head_run(d, i)) != 0) {
			char *s = tok_copy(d, i, end);

			if (s == NULL)
				return -1;
			/* "Kementerian Ketenagakerjaan (Kemnaker)": the
			 * definition's organization, added already */
			if (d->t[end - 1].kind == TK_PUNCT &&
			    (df = def_at(d, end - 2)) != NULL && df->orgidx >= 0)
				free(s);
			else if (org_add(d, s, NULL, "name") == -1)
				return -1;
			for (k = i; k < end; k++)
				d->t[k].mark |= M_ORG;
			i = end - 1;
			continue;
		}
		/* an acronym and a place: "PSIS Semarang" */
		if ((t->f & F_UPPER) && t->letters <= 8 && !(t->f & F_DIGIT) &&
		    !(t->mark & (COV_PLACE | M_NOTORG)) && t->pe < 0 &&
		    !(cue1(d, i) & (C_NOTORG | C_NOTNAME | C_TITLE)) &&
		    (np = place_after(d, i + 1)) > 0 && regional_place(d, i + 1) &&
		    !d->lex->ent[d->t[i + 1].pe].place_ambig) {
			char *s = tok_copy(d, i, i + 1 + np);

			if (s == NULL || org_add(d, s, NULL, "acronym+place") == -1)
				return -1;
			i += np;
			continue;
		}
		/* a tail word and the capitalized words before it */
		if ((cue_at(d, i) & C_ORGTAIL) && t->cn == 1 && (t->f & F_CAP) &&
		    i > 0 && is_word(d, i - 1) && (t->f & F_SPACE)) {
			size_t a = i;

			while (a > 0 && i - a < 4 && is_word(d, a - 1) &&
			    (d->t[a - 1].f & F_CAP) && (d->t[a].f & F_SPACE) &&
			    !(d->t[a].f & F_PARA) &&
			    !(d->t[a - 1].mark & (M_PERSON | M_ORG)))
				a--;
			while (a < i && (d->t[a].f & F_SENT) &&
			    (cue1(d, a) & C_NOTNAME))
				a++;	/* "The" */
			if (a < i) {
				char *s = tok_copy(d, a, i + 1);

				if (s == NULL || org_add(d, s, NULL, "name") == -1)
					return -1;
			}
		}
	}
	return 0;
}

/* ---- places ---- */

struct places {
	struct extract_place *p;
	size_t n, cap;
};

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
	if ((p = grow(ps->p, &ps->cap, ps->n, sizeof(*ps->p))) == NULL)
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
		if ((p->broader[p->nbroader++] = strdup(lex->place[b].name)) == NULL)
			return -1;
	return 0;
}

static int
find_places(struct doc *d, struct places *ps)
{
	size_t i, k;

	for (i = 0; i < d->n; i++) {
		const struct tok *t = &d->t[i];
		const struct lex_entry *e;
		size_t end;
		int ok = 1;

		if (t->pe < 0)
			continue;
		e = &d->lex->ent[t->pe];
		end = i + t->pn;
		/* in a headline or a sentence of capitals, the place's own
		 * name only, not a short form ("Sulut" is also "menyulut") */
		if ((t->f & (F_HEAD | F_TITLE)) && (e->place_ambig ||
		    !e->place_canon))
			continue;
		for (k = i; k < end; k++)
			if (d->t[k].mark & M_PERSON)
				ok = 0;
		/* inside a known organization's name: "Garuda Indonesia" */
		for (k = i; k > 0 && k + MAXW > i; k--) {
			const struct tok *u = &d->t[k - 1];

			if (u->oe >= 0 && k - 1 + u->on >= end && u->on > 1)
				ok = 0;
			if (u->kind != TK_WORD)
				break;
		}
		if (i > 0 && d->t[i - 1].kind == TK_WORD && (t->f & F_SPACE)) {
			/* the cue ending right before: "Jalan", "bahasa" */
			for (k = i; k-- > 0 && i - k <= 3;) {
				const struct tok *u = &d->t[k];

				if (u->ce >= 0 && k + u->cn == i &&
				    (d->lex->ent[u->ce].cue & C_PLACEBLOCK))
					ok = 0;
				if (u->kind != TK_WORD)
					break;
			}
		}
		if (is_word(d, end) && (d->t[end].f & F_SPACE) &&
		    (cue_at(d, end) & C_PLACEAFTER))
			ok = 0;
		if (ok && e->place_ambig && e->place != d->dateline_place) {
			int ctx = 0;

			if (t->f & (F_HEAD | F_SENT))
				ok = 0;
			for (k = i; k-- > 0 && i - k <= 2;) {
				const struct tok *u = &d->t[k];

				if (u->ce >= 0 && k + u->cn == i &&
				    (d->lex->ent[u->ce].cue & C_PLACECTX))
					ctx = 1;
				if (u->oe >= 0 && k + u->on == i)
					ctx = 1;	/* "Polres Batu" */
				if (u->kind != TK_WORD)
					break;
			}
			/* "Solo, Jawa Tengah" */
			if (is_punct(d, end, ',') && is_word(d, end + 1) &&
			    d->t[end + 1].pe >= 0 &&
			    !d->lex->ent[d->t[end + 1].pe].place_ambig)
				ctx = 1;
			if (!ctx)
				ok = 0;
		}
		if (ok && add_place(d->lex, ps, e->place, NULL, "gazetteer") != 0)
			return -1;
		if (ok)
			i = end - 1;
	}
	return 0;
}

/* ---- subjects ---- */

static int
find_subjects(struct doc *d, struct extraction *x)
{
	/* keyword hits: entry index + 1 and count, by entry */
	struct hit {
		uint32_t ent, count;
	} *hit;
	size_t cap, nslot = 16, nhits = 0, i, h;
	double score[18] = { 0 };
	int distinct[18] = { 0 }, order[18], n = 0, k, j;
	double denom = d->words > 200 ? (double)d->words : 200.0, best;

	for (i = 0; i < d->n; i++)
		nhits += d->t[i].se >= 0;
	while (nslot < 2 * nhits)
		nslot <<= 1;
	if ((hit = calloc(nslot, sizeof(*hit))) == NULL)
		return -1;
	for (i = 0; i < d->n; i++) {
		const struct tok *t = &d->t[i];

		if (t->se < 0)
			continue;
		for (h = (size_t)t->se * 2654435761U & (nslot - 1);
		    hit[h].ent != 0 && hit[h].ent != (uint32_t)t->se + 1;
		    h = (h + 1) & (nslot - 1))
			;
		hit[h].ent = (uint32_t)t->se + 1;
		hit[h].count++;
		i += t->sn - 1;
	}
	/* a keyword counts three times at most in a short text (the name
	 * of the institution it is all about would decide alone), one time
	 * in a hundred words in a long one */
	cap = d->words / 100 > 3 ? d->words / 100 : 3;
	for (h = 0; h < nslot; h++) {
		const struct lex_entry *e;
		double c;

		if (hit[h].ent == 0)
			continue;
		e = &d->lex->ent[hit[h].ent - 1];
		c = hit[h].count > cap ? (double)cap : (double)hit[h].count;
		for (k = 0; k < e->nsubj; k++) {
			score[e->subj_topic[k]] += e->subj_weight[k] * c;
			distinct[e->subj_topic[k]]++;
		}
	}
	free(hit);
	for (k = 1; k <= 17; k++) {
		score[k] = score[k] * 1000.0 / denom;
		if (score[k] >= 15.0 && distinct[k] >= 2)
			order[n++] = k;
	}
	/* best first; equal scores in code order */
	for (k = 1; k < n; k++)
		for (j = k; j > 0 && score[order[j]] > score[order[j - 1]]; j--) {
			int tmp = order[j];

			order[j] = order[j - 1];
			order[j - 1] = tmp;
		}
	if (n == 0)
		return 0;
	best = score[order[0]];
	if ((x->subjects = calloc(3, sizeof(*x->subjects))) == NULL)
		return -1;
	for (k = 0; k < n && x->nsubjects < 3; k++) {
		struct extract_subject *s = &x->subjects[x->nsubjects];
		double sc = score[order[k]];

		if (sc * 3.0 < best)
			break;
		snprintf(s->qcode, sizeof(s->qcode), "medtop:%02d000000", order[k]);
		s->label = topic_labels[order[k]];
		s->confidence = (int)(100.0 * sc / (sc + 30.0) + 0.5);
		if (s->confidence < 1)
			s->confidence = 1;
		if (s->confidence > 100)
			s->confidence = 100;
		x->nsubjects++;
	}
	return 0;
}

/* ---- dates ---- */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long
days_from_civil(long y, unsigned m, unsigned dd)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + dd - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void
civil_from_days(long z, long *y, unsigned *m, unsigned *dd)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*y = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*dd = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y += *m <= 2;
}

/* pub_date's days since the epoch, or 0 with *ok 0. */
static long
parse_pub(const char *s, int *ok)
{
	long y;
	unsigned m, dd;
	int i;

	*ok = 0;
	if (s == NULL || strlen(s) < 10)
		return 0;
	for (i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (unsigned)((s[5] - '0') * 10 + (s[6] - '0'));
	dd = (unsigned)((s[8] - '0') * 10 + (s[9] - '0'));
	if (m < 1 || m > 12 || dd < 1 || dd > 31)
		return 0;
	*ok = 1;
	return days_from_civil(y, m, dd);
}

/* Whether a date follows the weekday at i: "(10/8)", ", 10 Agustus",
 * ", Aug. 10", "10/8". */
static int
date_follows(const struct doc *d, size_t i)
{
	size_t j = i + 1;

	if (is_punct(d, j, '(') || is_punct(d, j, ','))
		j++;
	if (!is_word(d, j))
		return 0;
	if (d->t[j].f & F_DIGIT)
		return 1;
	if (cue1(d, j) & C_MONTH)
		return 1;
	return d->t[j].lolen == 7 && memcmp(d->low + d->t[j].lo, "tanggal", 7) == 0;
}

static int
find_dates(struct doc *d, const char *pub_date, struct extraction *x)
{
	size_t i, k, cap = 0;
	int ok, pubwd;
	long pub = parse_pub(pub_date, &ok);

	if (!ok)
		return 0;
	pubwd = (int)(((pub + 3) % 7 + 7) % 7) + 1;
	for (i = 0; i < d->n; i++) {
		const struct tok *t = &d->t[i];
		const struct lex_entry *e;
		int strict = 0, delta;
		long y, day;
		unsigned m, dd;
		char iso[32], *s, **dates;
		uint32_t next, prev;

		if (t->ce < 0 || t->cn != 1 || (t->f & F_HEAD))
			continue;
		e = &d->lex->ent[t->ce];
		if (!(e->cue & C_WEEKDAY) || !(t->f & F_CAP))
			continue;
		/* "Minggu" is also "week" */
		if (e->weekday == 7 && t->lolen == 6 &&
		    memcmp(d->low + t->lo, "minggu", 6) == 0 && (t->f & F_SENT))
			continue;
		if (date_follows(d, i))
			continue;
		next = is_word(d, i + 1) ? cue1(d, i + 1) : 0;
		prev = i > 0 && is_word(d, i - 1) ? cue1(d, i - 1) : 0;
		if ((next & C_WDNEXT) || (prev & (C_WDNEXTBEFORE | C_WDNOT)))
			continue;
		if ((next & C_WDLAST) || (prev & C_WDLASTBEFORE))
			strict = 1;
		/* "Jumat Agung", "Black Friday", "Sunday Times" */
		if (is_word(d, i + 1) && (d->t[i + 1].f & F_CAP) &&
		    (d->t[i + 1].f & F_SPACE))
			continue;
		if (i > 0 && is_word(d, i - 1) && (d->t[i - 1].f & F_CAP) &&
		    !(d->t[i - 1].f & F_SENT) && !(cue1(d, i - 1) &
		    (C_WEEKDAY | C_PLACECTX)))
			continue;
		delta = (pubwd - e->weekday + 7) % 7;
		if (strict && delta == 0)
			delta = 7;
		day = pub - delta;
		civil_from_days(day, &y, &m, &dd);
		if (y < 0 || y > 9999)
			continue;
		snprintf(iso, sizeof(iso), "%04ld-%02u-%02u", y, m, dd);
		for (k = 0; k < x->ndates; k++)
			if (strcmp(x->dates[k], iso) == 0)
				break;
		if (k < x->ndates || x->ndates >= EXTRACT_MAX)
			continue;
		if ((dates = grow(x->dates, &cap, x->ndates,
		    sizeof(*x->dates))) == NULL)
			return -1;
		x->dates = dates;
		if ((s = strdup(iso)) == NULL)
			return -1;
		x->dates[x->ndates++] = s;
	}
	return 0;
}

/* ---- the lede ---- */

static int
find_summary(struct doc *d, struct extraction *x)
{
	size_t i, start, end = 0, a = 0, cut, first, next;
	char *s;

	start = d->head_end;
	while (start < d->len && strchr(" \t\r\n", d->text[start]) != NULL &&
	    d->text[start] != '\0')
		start++;
	if (start >= d->len)
		return 0;
	{
		const char *p = d->text + start, *q = p;

		/* the dateline of the first body paragraph */
		while (q < d->text + d->len && !(q[0] == '\n' &&
		    q + 1 < d->text + d->len && q[1] == '\n'))
			q++;
		start += article_dateline_len(p, (size_t)(q - p));
	}
	for (i = 0; i < d->n && d->t[i].off < start; i++)
		;
	/* punctuation left from the dateline: "- ", ": " */
	while (i < d->n && d->t[i].kind == TK_PUNCT && !is_opening(d->t[i].cp))
		i++;
	if (i >= d->n)
		return 0;
	/* the first sentence of the first paragraph that is prose: a
	 * blog's "Posted on Februari 21, 2017 by RD", a line of links in
	 * capitals, are not */
	for (first = i; i < d->n; i = next) {
		size_t words = 0;
		int ended = 0, title = 1;

		a = i;
		end = next = i;
		for (; i < d->n; i++) {
			if (i > a && (d->t[i].f & F_PARA))
				break;
			end = i + 1;
			if (d->t[i].kind == TK_WORD) {
				words++;
				title &= (d->t[i].f & F_TITLE) != 0;
			}
			if (sent_end(d, i)) {
				/* with its closing quotation marks */
				while (end < d->n && d->t[end].kind == TK_PUNCT &&
				    !(d->t[end].f & F_SPACE) &&
				    is_closing(d->t[end].cp))
					end++;
				ended = 1;
				break;
			}
		}
		if (!title && ((ended && words >= 4) || words >= 25))
			break;
		for (next = end; next < d->n && !(d->t[next].f & F_PARA); next++)
			;
		if (next >= d->n) {
			/* none is: the first one, as it is */
			for (i = first, end = first; end < d->n &&
			    (end == first || !(d->t[end].f & F_PARA)) &&
			    !(end > first && sent_end(d, end - 1)); end++)
				;
			a = first;
			break;
		}
	}
	if (end <= a)
		return 0;
	if ((s = tok_copy(d, a, end)) == NULL)
		return -1;
	if (strlen(s) > SUMMARY_MAX) {
		for (cut = SUMMARY_MAX; cut > 0 && s[cut] != ' '; cut--)
			;
		if (cut == 0)	/* one word of 300 bytes: at a character */
			for (cut = SUMMARY_MAX;
			    cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80; cut--)
				;
		while (cut > 0 && strchr(" ,;:-", s[cut - 1]) != NULL)
			cut--;
		memcpy(s + cut, "\xe2\x80\xa6", 4);	/* "…" and NUL */
	}
	x->summary = s;
	return 0;
}

/* ---- the whole ---- */

static void
doc_free(struct doc *d)
{
	size_t i;

	free(d->t);
	free(d->low);
	free(d->lowset);
	for (i = 0; i < d->norg; i++) {
		free(d->org[i].name);
		free(d->org[i].sname);
		free(d->org[i].lname);
	}
	free(d->org);
	free(d->oslot);
	free(d->def);
}

void
extraction_free(struct extraction *x)
{
	size_t i, k;

	if (x == NULL)
		return;
	for (i = 0; i < x->npeople; i++)
		free(x->people[i]);
	free(x->people);
	free(x->people_rule);
	for (i = 0; i < x->norgs; i++)
		free(x->orgs[i]);
	free(x->orgs);
	free(x->orgs_rule);
	for (i = 0; i < x->nplaces; i++) {
		free(x->places[i].name);
		for (k = 0; k < x->places[i].nbroader; k++)
			free(x->places[i].broader[k]);
	}
	free(x->places);
	free(x->subjects);
	free(x->summary);
	for (i = 0; i < x->ndates; i++)
		free(x->dates[i]);
	free(x->dates);
	memset(x, 0, sizeof(*x));
}

int
extract_text(const struct lexicon *lex, const char *text, size_t len,
    const char *lang, const char *dateline_place, const char *pub_date,
    struct extraction *x, struct warta_error *err)
{
	struct doc d;
	struct people pp;
	struct places ps;
	size_t i, cap;

	memset(x, 0, sizeof(*x));
	if (len >= UINT32_MAX / 2)
		return warta_error_set(err, -1, "text too long to extract from");
	memset(&d, 0, sizeof(d));
	memset(&pp, 0, sizeof(pp));
	memset(&ps, 0, sizeof(ps));
	d.lex = lex;
	d.text = text != NULL ? text : "";
	d.len = text != NULL ? len : 0;
	d.en = lang != NULL && strncmp(lang, "en", 2) == 0;
	d.dateline_place = -1;
	d.head_end = find_headline(d.text, d.len);
	if (tokenize(&d) != 0 || lower_words(&d) != 0)
		goto oom;
	match_all(&d);
	mark_sentences(&d);
	cover(&d);
	x->words = d.words;
	if (dateline_place != NULL && *dateline_place != '\0') {
		d.dateline_place = lexicon_place(lex, dateline_place);
		if (add_place(lex, &ps, d.dateline_place, dateline_place,
		    "dateline") != 0)
			goto oom;
	}
	if (find_definitions(&d) != 0 || find_people(&d, &pp) != 0 ||
	    find_orgs(&d) != 0 || find_places(&d, &ps) != 0 ||
	    find_subjects(&d, x) != 0 || find_dates(&d, pub_date, x) != 0 ||
	    find_summary(&d, x) != 0)
		goto oom;
	x->people = pp.name;
	x->people_rule = pp.rule;
	x->npeople = pp.n;
	free(pp.w);
	free(pp.alias);
	pp.name = NULL;
	pp.rule = NULL;
	pp.w = NULL;
	pp.alias = NULL;
	x->places = ps.p;
	x->nplaces = ps.n;
	ps.p = NULL;
	cap = 0;
	for (i = 0; i < d.norg && x->norgs < EXTRACT_MAX; i++) {
		if (list_add(&x->orgs, &x->orgs_rule, &x->norgs, &cap,
		    d.org[i].name, d.org[i].rule) != 0) {
			d.org[i].name = NULL;
			goto oom;
		}
		d.org[i].name = NULL;
	}
	doc_free(&d);
	return WARTA_OK;
oom:
	doc_free(&d);
	for (i = 0; i < pp.n; i++)
		free(pp.name[i]);
	free(pp.name);
	free(pp.rule);
	free(pp.w);
	free(pp.alias);
	{
		struct extraction tmp;

		memset(&tmp, 0, sizeof(tmp));
		tmp.places = ps.p;
		tmp.nplaces = ps.n;
		extraction_free(&tmp);
	}
	extraction_free(x);
	return warta_error_set(err, -1, "out of memory");
}
