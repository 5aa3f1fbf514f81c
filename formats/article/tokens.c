/*
 * article/tokens.c: one item's text read into tokens, each word looked up
 * in the lexicon once, the sentences and the headline marked
 * (article/tokens.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "article/article.h"
#include "article/lexicon.h"
#include "article/tokens.h"
#include "base/hash.h"
#include "base/utf8.h"

/* The code point at s[i] and its length; a bad byte is U+FFFD, alone. */
static uint32_t
cp_at(const unsigned char *s, size_t n, size_t i, size_t *k)
{
	uint32_t cp;

	if (s[i] < 0x80) {
		*k = 1;
		return s[i];
	}
	*k = utf8_decode(s + i, n - i, &cp);
	if (cp == UTF8_INVALID) {
		*k = 1;
		return 0xfffd;
	}
	return cp;
}

/*
 * The headline: a first paragraph with more after it, short, of one
 * sentence that ends in no full stop, and no dateline.  Returns the byte
 * offset past it, or 0.
 */
static size_t
find_headline(const struct wordlist *w, const char *s, size_t n)
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
	if (words > 25 || article_dateline_len(w, s, end) > 0)
		return 0;
	return end;
}

static int
tok_reserve(struct doc *d)
{
	size_t cap;
	struct tok *p;

	if (d->ntok < d->captok)
		return 0;
	cap = d->captok ? 2 * d->captok : 256;
	if ((p = realloc(d->tok, cap * sizeof(*p))) == NULL)
		return -1;
	d->tok = p;
	d->captok = cap;
	return 0;
}

/* utf8_char_class() of the ASCII characters, looked up: most of a text
 * is ASCII. */
static const unsigned char ascii_class[128] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0,
	0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
	0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0
};

/* The code point at s[i], its length and its class. */
static inline uint32_t
next_char(const unsigned char *s, size_t n, size_t i, size_t *k,
    enum utf8_class *cls)
{
	uint32_t cp;

	if (s[i] < 0x80) {
		*k = 1;
		*cls = (enum utf8_class)ascii_class[s[i]];
		return s[i];
	}
	cp = cp_at(s, n, i, k);
	*cls = utf8_char_class(cp);
	return cp;
}

/* Whether cp at s[j] (k bytes) joins two parts of a word: a hyphen or an
 * apostrophe with a letter or a digit after it ("Timor-Leste", "Jum'at").
 * The possessive "'s" at a word's end is no part of it: "Gordon Brown's"
 * names Gordon Brown, "AOL's" AOL. */
static int
joins_word(const unsigned char *s, size_t n, size_t j, size_t k, uint32_t cp)
{
	size_t k2, k3;
	enum utf8_class c2, c3;

	if (!((cp == '-' || cp == '\'' || cp == 0x2019) && j + k < n))
		return 0;
	next_char(s, n, j + k, &k2, &c2);
	if (cp != '-' && (s[j + k] == 's' || s[j + k] == 'S')) {
		if (j + k + 1 >= n)
			return 0;
		next_char(s, n, j + k + 1, &k3, &c3);
		if (c3 != UTF8_LOWER && c3 != UTF8_UPPER && c3 != UTF8_DIGIT)
			return 0;
	}
	return c2 == UTF8_LOWER || c2 == UTF8_UPPER || c2 == UTF8_DIGIT;
}

/* Writes the lower case of cp, a character inside a word, at o, as
 * lexicon_lower() lowers the data's keys; returns its length. */
static size_t
lower_cp(uint32_t cp, char *o)
{
	if (cp < 0x80) {
		*o = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
		return 1;
	}
	if (cp == 0x2019) {
		*o = '\'';
		return 1;
	}
	return (size_t)utf8proc_encode_char(utf8proc_tolower(
	    (utf8proc_int32_t)cp), (utf8proc_uint8_t *)o);
}

/*
 * Reads the word that starts at text[i] with cp (k bytes, of class cls)
 * into t: its flags, length, and its lower case and hash, made as it is
 * read.  Returns the offset past it.
 */
static size_t
read_word(struct doc *d, struct tok *t, size_t i, uint32_t cp, size_t k,
    enum utf8_class cls)
{
	const unsigned char *s = (const unsigned char *)d->text;
	size_t n = d->len, letters = 0, upper = 0, j = i;
	char *lo = d->low + d->lowlen, *o = lo, *o0;
	uint64_t h = FNV1A_INIT;
	enum utf8_class prev = UTF8_OTHER;

	t->kind = TK_WORD;
	t->flags |= cls == UTF8_UPPER ? F_CAP : cls == UTF8_LOWER ? F_LOWER : 0;
	for (;;) {
		/* most of a word is ASCII letters and digits */
		while (cp < 0x80 && cls >= UTF8_LOWER) {
			unsigned char b = (unsigned char)cp;

			if (cls == UTF8_UPPER) {
				if (prev == UTF8_LOWER)
					t->flags |= F_INNER;
				upper++;
				b += 32;
			}
			if (cls == UTF8_DIGIT)
				t->flags |= F_DIGIT;
			else
				letters++;
			*o++ = (char)b;
			h = fnv1a_byte(h, b);
			prev = cls;
			if (++j >= n)
				goto word_end;
			cp = s[j];
			if (cp >= 0x80)
				cp = next_char(s, n, j, &k, &cls);
			else
				cls = (enum utf8_class)ascii_class[cp], k = 1;
		}
		if (cls == UTF8_SPACE)
			break;
		if (cls == UTF8_LOWER || cls == UTF8_UPPER) {
			if (cls == UTF8_UPPER && prev == UTF8_LOWER)
				t->flags |= F_INNER;
			letters++;
			upper += cls == UTF8_UPPER;
		} else if (cls == UTF8_DIGIT) {
			t->flags |= F_DIGIT;
		} else if (cls == UTF8_OTHER) {
			if (!joins_word(s, n, j, k, cp))
				break;
		}
		o0 = o;
		o += lower_cp(cp, o);
		h = fnv1a(h, o0, (size_t)(o - o0));
		prev = cls;
		j += k;
		if (j >= n)
			break;
		cp = next_char(s, n, j, &k, &cls);
		if (cls == UTF8_SPACE)
			break;
	}
word_end:
	if (letters >= 2 && upper == letters)
		t->flags |= F_UPPER;
	t->letters = (uint8_t)(letters > 255 ? 255 : letters);
	t->len = (uint32_t)(j - i);
	t->low_off = (uint32_t)d->lowlen;
	t->low_len = (uint32_t)(o - lo);
	t->hash = h;
	d->lowlen += t->low_len;
	return j;
}

/* Cuts the text into words and punctuation. */
static int
tokenize(struct doc *d)
{
	const unsigned char *s = (const unsigned char *)d->text;
	size_t n = d->len, i = 0, k, nl = 0;
	int space = 1, para = 1, chunk = 1;
	enum utf8_class cls;

	d->lowcap = 2 * n + 16;
	if ((d->low = malloc(d->lowcap)) == NULL)
		return -1;
	while (i < n) {
		uint32_t cp = next_char(s, n, i, &k, &cls);
		struct tok *t;

		if (cls == UTF8_SPACE) {
			if (cp == '\n' && ++nl >= 2)
				para = 1;
			space = chunk = 1;
			i += k;
			continue;
		}
		if (tok_reserve(d) != 0)
			return -1;
		t = &d->tok[d->ntok++];
		memset(t, 0, sizeof(*t));
		t->off = (uint32_t)i;
		t->place_ent = t->org_ent = t->cue_ent = t->subject_ent = -1;
		t->flags = (uint16_t)((space ? F_SPACE : 0) | (para ? F_PARA : 0) |
		    (i < d->head_end ? F_HEAD : 0));
		space = para = 0;
		nl = 0;
		if (cls == UTF8_OTHER) {
			t->kind = TK_PUNCT;
			t->cp = cp;
			t->len = (uint32_t)k;
			i += k;
			continue;
		}
		if (chunk)
			t->flags |= F_CHUNK;
		chunk = 0;
		i = read_word(d, t, i, cp, k, cls);
		if (!(t->flags & F_HEAD))
			d->words += (t->flags & F_CHUNK) != 0;
	}
	return 0;
}

/* Whether tokens i.. satisfy the case bits of a key of nw words. */
static int
case_ok(const struct doc *d, size_t i, int nw, uint16_t cb)
{
	int w;

	for (w = 0; w < nw; w++) {
		const struct tok *t = &d->tok[i + (size_t)w];

		switch ((cb >> (2 * w)) & 3) {
		case CASE_CAP:
			if (!(t->flags & F_CAP))
				return 0;
			break;
		case CASE_UPPER:
			if (!(t->flags & F_UPPER))
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
	char key[LEXICON_MAXKEY + 1];
	size_t i;

	for (i = 0; i < d->ntok; i++) {
		struct tok *t = &d->tok[i];
		const struct lex_entry *e;
		uint64_t h;
		size_t klen;
		int nw = 1;

		if (t->kind != TK_WORD || t->low_len > LEXICON_MAXKEY)
			continue;
		h = t->hash;
		klen = t->low_len;
		e = lexicon_find(d->lex, h, d->low + t->low_off, klen);
		if (e != NULL && e->more)
			memcpy(key, d->low + t->low_off, klen);
		while (e != NULL) {
			int idx = (int)(e - d->lex->ent);

			if (e->place >= 0 && case_ok(d, i, nw, e->place_case)) {
				t->place_ent = idx;
				t->place_words = (uint8_t)nw;
			}
			if (e->org >= 0 && case_ok(d, i, nw, e->org_case)) {
				t->org_ent = idx;
				t->org_words = (uint8_t)nw;
			}
			if (e->cue != 0 && case_ok(d, i, nw, e->cue_case)) {
				t->cue_ent = idx;
				t->cue_words = (uint8_t)nw;
			}
			if (e->nsubj > 0) {
				t->subject_ent = idx;
				t->subject_words = (uint8_t)nw;
			}
			if (!e->more || nw == LEXICON_MAXW)
				break;
			/* the next word, after white space only */
			{
				const struct tok *u;

				if (!is_word(d, i + (size_t)nw))
					break;
				u = &d->tok[i + (size_t)nw];
				if (!(u->flags & F_SPACE) || (u->flags & F_PARA) ||
				    klen + 1 + u->low_len > LEXICON_MAXKEY)
					break;
				key[klen++] = ' ';
				memcpy(key + klen, d->low + u->low_off, u->low_len);
				klen += u->low_len;
				h = fnv1a(fnv1a(h, " ", 1),
				    d->low + u->low_off, u->low_len);
			}
			nw++;
			e = lexicon_find(d->lex, h, key, klen);
		}
	}
}

static void
cover(struct doc *d)
{
	size_t i, j;

	for (i = 0; i < d->ntok; i++) {
		const struct tok *t = &d->tok[i];

		if (t->place_ent >= 0 && !d->lex->ent[t->place_ent].place_ambig)
			for (j = i; j < i + t->place_words; j++)
				d->tok[j].mark |= COV_PLACE;
		if (t->org_ent >= 0)
			for (j = i; j < i + t->org_words; j++)
				d->tok[j].mark |= COV_ORG;
		if (t->cue_ent >= 0 &&
		    (d->lex->ent[t->cue_ent].cue & ~C_WEAK))
			for (j = i; j < i + t->cue_words; j++)
				d->tok[j].mark |= COV_CUE;
	}
}

/* Adds the hashes of the words the text writes in lower case. */
static int
lower_words(struct doc *d)
{
	size_t i, nslot = 16, count = 0;

	for (i = 0; i < d->ntok; i++)
		count += d->tok[i].kind == TK_WORD && (d->tok[i].flags & F_LOWER);
	while (nslot < 2 * count + 16)
		nslot <<= 1;
	if ((d->lowset = calloc(nslot, sizeof(*d->lowset))) == NULL)
		return -1;
	d->lowmask = nslot - 1;
	for (i = 0; i < d->ntok; i++) {
		const struct tok *t = &d->tok[i];
		uint64_t h = t->hash | 1;	/* 0 marks an empty slot */
		size_t s;

		if (t->kind != TK_WORD || !(t->flags & F_LOWER) ||
		    (t->flags & F_HEAD))
			continue;
		for (s = h & d->lowmask; d->lowset[s] != 0 && d->lowset[s] != h;
		    s = (s + 1) & d->lowmask)
			;
		d->lowset[s] = h;
	}
	return 0;
}

/* Whether punctuation token i ends a sentence. */
int
tok_sent_end(const struct doc *d, size_t i)
{
	const struct tok *t = &d->tok[i];
	size_t j;

	if (t->kind != TK_PUNCT || !(t->cp == '.' || t->cp == '!' ||
	    t->cp == '?' || t->cp == 0x2026))
		return 0;
	if (t->cp == '.' && i > 0 && d->tok[i - 1].kind == TK_WORD &&
	    !(t->flags & F_SPACE)) {
		const struct tok *p = &d->tok[i - 1];

		/* "Dr.", "No.", an initial */
		if ((cue1(d, i - 1) & C_ABBREV) ||
		    (p->letters == 1 && (p->flags & F_CAP) && p->len <= 2))
			return 0;
	}
	for (j = i + 1; j < d->ntok && d->tok[j].kind == TK_PUNCT &&
	    !(d->tok[j].flags & F_SPACE) && (is_closing(d->tok[j].cp) ||
	    d->tok[j].cp == '.' || d->tok[j].cp == '!' ||
	    d->tok[j].cp == '?'); j++)
		;
	if (j >= d->ntok || (d->tok[j].flags & F_PARA))
		return 1;
	if (!(d->tok[j].flags & F_SPACE))
		return 0;	/* "3.000", "Liputan6.com" */
	while (j < d->ntok && d->tok[j].kind == TK_PUNCT &&
	    is_opening(d->tok[j].cp))
		j++;
	return !(j < d->ntok && d->tok[j].kind == TK_WORD &&
	    (d->tok[j].flags & F_LOWER));
}

/* Whether [a, b) is a paragraph of three words or more that ends in a
 * word, a heading inside the body ("Awal Mula Kasus"). */
static int
heading(const struct doc *d, size_t a, size_t b)
{
	size_t i, words = 0;

	if (b <= a || !(d->tok[a].flags & F_PARA) ||
	    (b < d->ntok && !(d->tok[b].flags & F_PARA)) ||
	    d->tok[b - 1].kind != TK_WORD)
		return 0;
	for (i = a; i < b; i++)
		words += d->tok[i].kind == TK_WORD;
	return words >= 3;
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
		if (d->tok[i].kind == TK_WORD && d->tok[i].letters >= 4) {
			words++;
			caps += (d->tok[i].flags & F_CAP) != 0;
		}
	if ((words >= 4 || (words >= 2 && heading(d, a, b))) && caps == words)
		for (i = a; i < b; i++)
			d->tok[i].flags |= F_TITLE;
}

static void
mark_sentences(struct doc *d)
{
	size_t i, start = 0;
	int pending = 1;

	for (i = 0; i < d->ntok; i++) {
		struct tok *t = &d->tok[i];

		if (t->flags & F_PARA) {
			title_case(d, start, i);
			start = i;
			pending = 1;
		}
		if (t->kind == TK_WORD) {
			if (pending)
				t->flags |= F_SENT;
			pending = 0;
		} else if (tok_sent_end(d, i) || t->cp == ':' || t->cp == 0x2013 ||
		    t->cp == 0x2014 || (t->cp == '-' && (t->flags & F_SPACE))) {
			if (tok_sent_end(d, i)) {
				title_case(d, start, i + 1);
				start = i + 1;
			}
			pending = 1;
		} else if (!is_opening(t->cp) && !is_closing(t->cp)) {
			pending = 0;
		}
	}
	title_case(d, start, d->ntok);
}

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

char *
tok_copy(const struct doc *d, size_t t0, size_t t1)
{
	return span_copy(d, d->tok[t0].off,
	    d->tok[t1 - 1].off + d->tok[t1 - 1].len);
}

/* Room for element n of an array of *cap: the array, moved if need be,
 * or NULL (the old one kept) when memory runs out. */
void *
extract_grow(void *p, size_t *cap, size_t n, size_t size)
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
int
extract_list_add(char ***list, const char ***rules, size_t *n, size_t *cap,
    char *s, const char *rule)
{
	size_t c = *cap;
	char **l;
	const char **r;

	if ((l = extract_grow(*list, &c, *n, sizeof(**list))) != NULL)
		*list = l;
	if (l == NULL ||
	    (r = extract_grow(*rules, cap, *n, sizeof(**rules))) == NULL) {
		free(s);
		return -1;
	}
	*rules = r;
	(*list)[*n] = s;
	(*rules)[*n] = rule;
	(*n)++;
	return 0;
}

/* The paren group "(ACR)" at i: returns the token past it, or 0. */
size_t
tok_paren_acronym(const struct doc *d, size_t i)
{
	size_t j = i + 1;

	if (!is_punct(d, i, '('))
		return 0;
	while (j < d->ntok && j < i + 4 && is_word(d, j) &&
	    (d->tok[j].flags & (F_CAP | F_DIGIT)))
		j++;
	return j > i + 1 && is_punct(d, j, ')') ? j + 1 : 0;
}

/* Whether the words ending right before i are a cue of class c. */
int
tok_cue_ends_at(const struct doc *d, size_t i, cue_set c)
{
	size_t k;

	if (i < d->ntok && (d->tok[i].flags & F_PARA))
		return 0;	/* no cue across paragraphs */

	for (k = i; k-- > 0 && i - k <= LEXICON_MAXW;) {
		const struct tok *u = &d->tok[k];

		if (u->kind != TK_WORD)
			return 0;
		if (u->cue_ent >= 0 && k + u->cue_words == i &&
		    (d->lex->ent[u->cue_ent].cue & c))
			return 1;
	}
	return 0;
}

static size_t find_body(const struct doc *d);

int
doc_read(struct doc *d, const struct lexicon *lex, const char *text,
    size_t len, const char *lang)
{
	memset(d, 0, sizeof(*d));
	d->lex = lex;
	d->text = text != NULL ? text : "";
	d->len = text != NULL ? len : 0;
	d->en = lang != NULL && strncmp(lang, "en", 2) == 0;
	d->head_end = find_headline(lexicon_words(lex), d->text, d->len);
	if (tokenize(d) != 0 || lower_words(d) != 0)
		return -1;
	match_all(d);
	mark_sentences(d);
	cover(d);
	d->body = find_body(d);
	return 0;
}

void
doc_free(struct doc *d)
{
	free(d->tok);
	free(d->low);
	free(d->lowset);
}

/* Where the body starts (see doc_body_start()). */
static size_t
find_body(const struct doc *d)
{
	size_t start = d->head_end, i;
	const char *p, *q;

	while (start < d->len && strchr(" \t\r\n", d->text[start]) != NULL &&
	    d->text[start] != '\0')
		start++;
	if (start >= d->len)
		return d->ntok;
	p = q = d->text + start;
	while (q < d->text + d->len && !(q[0] == '\n' &&
	    q + 1 < d->text + d->len && q[1] == '\n'))
		q++;
	start += article_dateline_len(lexicon_words(d->lex), p,
	    (size_t)(q - p));
	for (i = 0; i < d->ntok && d->tok[i].off < start; i++)
		;
	while (i < d->ntok && d->tok[i].kind == TK_PUNCT &&
	    !is_opening(d->tok[i].cp))
		i++;
	return i;
}

size_t
doc_body_start(const struct doc *d)
{
	return d->body;
}
