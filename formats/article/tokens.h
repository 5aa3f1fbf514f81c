/*
 * article/tokens.h: one item's text cut into word and punctuation tokens,
 * each word looked up in the lexicon once, for the extraction rules
 * (article/rules.h) to read.
 *
 * A word is a run of letters, digits and marks, with a hyphen or an
 * apostrophe inside it ("Timor-Leste", "Jum'at"); it is lowered and hashed
 * as the lexicon's keys are.  The longest key of each kind (place,
 * organization, cue, topic keyword) starting at each word is found by
 * walking on while a longer key can still match, so the rules only look
 * at tokens and the whole costs a few passes over the text.
 */
#ifndef WARTA_TOKENS_H
#define WARTA_TOKENS_H

#include <stddef.h>
#include <stdint.h>

#include "article/lexicon.h"

enum tok_kind { TK_WORD, TK_PUNCT };

/* What a token is. */
enum tok_flag {
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
enum tok_mark {
	M_PERSON = 1 << 0,
	M_ORG = 1 << 1,
	COV_PLACE = 1 << 2,	/* a place that is no ordinary word */
	COV_ORG = 1 << 3,	/* an organization the data or the text knows */
	COV_CUE = 1 << 4,	/* a cue word that is never a name */
	M_NOTORG = 1 << 5	/* an acronym the text defines as no organization */
};

struct tok {
	uint32_t off, len;	/* in the text */
	uint32_t low_off, low_len;	/* lower case, in doc's low */
	uint64_t hash;		/* of the lower case */
	uint32_t cp;		/* punctuation: the code point */
	uint16_t flags;		/* enum tok_flag */
	uint8_t kind;		/* enum tok_kind */
	uint8_t mark;		/* enum tok_mark */
	uint8_t letters;	/* up to 255 */
	/* the longest key of each kind starting here (its entry in the
	 * lexicon, or -1) and its words */
	int32_t place_ent, org_ent, cue_ent, subject_ent;
	uint8_t place_words, org_words, cue_words, subject_words;
};

struct orgs;

struct doc {
	const struct lexicon *lex;
	const char *text;
	size_t len;
	int en;			/* lang is "en" */
	struct tok *tok;
	size_t ntok, captok;
	char *low;		/* the words in lower case, one after another */
	size_t lowlen, lowcap;
	uint64_t *lowset;	/* hashes of the words written in lower case */
	size_t lowmask;
	size_t head_end;	/* byte offset past the headline, or 0 */
	size_t body;		/* the body's first token (doc_body_start) */
	size_t words;
	struct orgs *orgs;	/* what article/orgs.c finds, on the way */
};

/*
 * Reads text (len bytes of UTF-8, under 2 GiB) into d: tokens, the words
 * written in lower case, the keys of the lexicon, sentences and what the
 * lexicon covers.  lang is "en" or not.  -1 when memory runs out; d is
 * freed by doc_free() in every case.
 */
int doc_read(struct doc *d, const struct lexicon *lex, const char *text,
    size_t len, const char *lang);
void doc_free(struct doc *d);

/* The first token of the body: past the headline, the dateline of the
 * first body paragraph ("SEMARANG-MARITIM: ") and what punctuation the
 * dateline leaves ("- ", ": "); d->ntok when there is none.  Found once,
 * by doc_read(). */
size_t doc_body_start(const struct doc *d);

static inline int
is_word(const struct doc *d, size_t i)
{
	return i < d->ntok && d->tok[i].kind == TK_WORD;
}

static inline int
is_punct(const struct doc *d, size_t i, uint32_t cp)
{
	return i < d->ntok && d->tok[i].kind == TK_PUNCT && d->tok[i].cp == cp;
}

/* The cue classes of the cue starting at i (whole key), or 0. */
static inline cue_set
cue_at(const struct doc *d, size_t i)
{
	if (i >= d->ntok || d->tok[i].cue_ent < 0)
		return 0;
	return d->lex->ent[d->tok[i].cue_ent].cue;
}

/* The cue classes of token i alone, as one word. */
static inline cue_set
cue1(const struct doc *d, size_t i)
{
	return i < d->ntok && d->tok[i].cue_ent >= 0 &&
	    d->tok[i].cue_words == 1 ? d->lex->ent[d->tok[i].cue_ent].cue : 0;
}

/* Whether the text writes word t in lower case somewhere. */
static inline int
seen_lower(const struct doc *d, const struct tok *t)
{
	uint64_t h = t->hash | 1;
	size_t s;

	for (s = h & d->lowmask; d->lowset[s] != 0; s = (s + 1) & d->lowmask)
		if (d->lowset[s] == h)
			return 1;
	return 0;
}

static inline int
is_closing(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' ||
	    cp == 0x201d || cp == 0x2019 || cp == 0xbb;
}

static inline int
is_opening(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == '(' || cp == '[' ||
	    cp == 0x201c || cp == 0x2018 || cp == 0xab;
}

/* Whether punctuation token i ends a sentence. */
int tok_sent_end(const struct doc *d, size_t i);

/* The paren group "(ACR)" at i: returns the token past it, or 0. */
size_t tok_paren_acronym(const struct doc *d, size_t i);

/* Whether the words ending right before i are a cue of class c. */
int tok_cue_ends_at(const struct doc *d, size_t i, cue_set c);

/* A copy of the text of tokens [t0, t1), each run of white space one
 * space; NULL when memory runs out. */
char *tok_copy(const struct doc *d, size_t t0, size_t t1);

/* Room for element n of an array of *cap: the array, moved if need be,
 * or NULL (the old one kept) when memory runs out. */
void *extract_grow(void *p, size_t *cap, size_t n, size_t size);

/* Appends a string the list takes over (freed on failure). */
int extract_list_add(char ***list, const char ***rules, size_t *n,
    size_t *cap, char *s, const char *rule);

#endif
