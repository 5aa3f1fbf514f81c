/*
 * article/lexicon.c: reads the extraction data (formats/data/gazetteer.tsv,
 * subjects.tsv, cues.tsv, orgs.tsv, compiled in) into one hash table of
 * lower-case keys (article/lexicon.h).
 *
 * Every size is known before the first line is read (the data's bytes
 * bound its keys), so the table, the pool of strings and the lists are
 * allocated once and never moved.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "article/lexicon.h"
#include "article/tsv.h"
#include "article/wordlist.h"
#include "base/ascii.h"
#include "base/hash.h"
#include "base/utf8.h"
#include "base/warta.h"

extern const unsigned char data_gazetteer[];
extern const size_t data_gazetteer_len;
extern const unsigned char data_subjects[];
extern const size_t data_subjects_len;
extern const unsigned char data_cues[];
extern const size_t data_cues_len;
extern const unsigned char data_orgs[];
extern const size_t data_orgs_len;

/* As cues.tsv names the classes (the C_* bits), bit by bit. */
static const char *const cue_class_names[] = {
	"title", "say", "said", "orghead", "orgtail", "notorg", "notname",
	"conn", "placeblock", "placeafter", "placectx", "weekday", "wdnext",
	"wdlast", "month", "abbrev", "according", "namesake", "docword",
	"wdnextbefore", "wdlastbefore", "wdnot", "alias", "det", "credit", "affil", "placenext",
	"noun", "kind", "particle", "maker", "orgconn", "tld",
	"placeword", "feature", "compass", NULL
};

static const char *const place_kinds[] = {
	"country", "capital", "province", "city", "regency", "island",
	"region", "territory", NULL
};

/* The lexicon being read, and where its reader is, for the messages. */
struct loader {
	struct lexicon *lex;
	const char *file;	/* "gazetteer" */
	struct warta_error *err;
};

size_t
lexicon_lower(const unsigned char *s, size_t n, char *out)
{
	size_t i = 0, o = 0, k;
	uint32_t cp;

	while (i < n) {
		if (s[i] < 0x80) {
			out[o++] = (char)ascii_lower(s[i++]);
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (cp == UTF8_INVALID) {
			out[o++] = (char)s[i++];
			continue;
		}
		i += k;
		if (cp == 0x2019) {
			out[o++] = '\'';
			continue;
		}
		o += (size_t)utf8proc_encode_char(utf8proc_tolower(
		    (utf8proc_int32_t)cp), (utf8proc_uint8_t *)out + o);
	}
	return o;
}

const struct lex_entry *
lexicon_find(const struct lexicon *lex, uint64_t h, const char *key,
    size_t len)
{
	size_t i;
	uint64_t s, tag = h & 0xffffffff00000000ULL;

	if (lex->slot == NULL)
		return NULL;
	/* the slot's tag spares a look at most entries */
	for (i = h & lex->mask; (s = lex->slot[i]) != 0;
	    i = (i + 1) & lex->mask) {
		const struct lex_entry *e;

		if ((s & 0xffffffff00000000ULL) != tag)
			continue;
		e = &lex->ent[(s & 0xffffffffU) - 1];
		if (e->hash == h && e->len == len &&
		    memcmp(e->key, key, len) == 0)
			return e;
	}
	return NULL;
}

int
lexicon_place(const struct lexicon *lex, const char *name)
{
	char key[2 * LEXICON_MAXKEY + 4];
	size_t n = strlen(name), k;
	const struct lex_entry *e;

	if (n > LEXICON_MAXKEY)
		return -1;
	k = lexicon_lower((const unsigned char *)name, n, key);
	e = lexicon_find(lex, fnv1a(FNV1A_INIT, key, k), key, k);
	return e != NULL ? e->place : -1;
}

static int
data_error(const struct loader *ld, size_t line, const char *what)
{
	return warta_error_set(ld->err, -1, "data %s.tsv line %zu: %s",
	    ld->file, line, what);
}

static char *
pool_copy(struct lexicon *lex, const char *s, size_t n)
{
	char *p;

	if (lex->poollen + n + 1 > lex->poolcap)
		return NULL;
	p = lex->pool + lex->poollen;
	memcpy(p, s, n);
	p[n] = '\0';
	lex->poollen += n + 1;
	return p;
}

/* Finds or adds the entry for a lower-case key; NULL when the table is
 * full. */
static struct lex_entry *
intern(struct lexicon *lex, const char *key, size_t len, int nwords)
{
	uint64_t h = fnv1a(FNV1A_INIT, key, len);
	size_t i;
	uint64_t s;
	struct lex_entry *e;

	for (i = h & lex->mask; (s = lex->slot[i]) != 0;
	    i = (i + 1) & lex->mask) {
		e = &lex->ent[(s & 0xffffffffU) - 1];
		if (e->hash == h && e->len == len &&
		    memcmp(e->key, key, len) == 0)
			return e;
	}
	if (lex->nent == lex->capent)
		return NULL;
	e = &lex->ent[lex->nent];
	memset(e, 0, sizeof(*e));
	if ((e->key = pool_copy(lex, key, len)) == NULL)
		return NULL;
	e->hash = h;
	e->len = (uint16_t)len;
	e->nwords = (uint8_t)nwords;
	e->place = e->org = -1;
	e->weekday = -1;
	lex->slot[i] = (h & 0xffffffff00000000ULL) | (uint64_t)++lex->nent;
	return e;
}

/* The case word w of a key asks for: ASCII decides, and a key word is
 * never wholly outside ASCII. */
static uint16_t
word_case(const char *s, size_t n, int w)
{
	size_t i, letters = 0, upper = 0;
	int first_upper = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c | 32) >= 'a' && (c | 32) <= 'z') {
			if (letters == 0)
				first_upper = c <= 'Z';
			letters++;
			upper += c <= 'Z';
		} else if (c >= 0x80 && letters == 0) {
			letters++;
			first_upper = 1;
			upper++;
		}
	}
	if (letters >= 2 && upper == letters)
		return (uint16_t)(CASE_UPPER << (2 * w));
	if (first_upper)
		return (uint16_t)(CASE_CAP << (2 * w));
	return 0;
}

/*
 * The entry for the data term s (n bytes), with the prefixes of a key of
 * several words marked as such; *casebits gets what each word asks of the
 * text.  NULL with a message when the term is bad or the table full.
 */
static struct lex_entry *
add_term(const struct loader *ld, const char *s, size_t n,
    uint16_t *casebits, size_t line)
{
	char key[2 * LEXICON_MAXKEY + 4];
	size_t i = 0, k = 0;
	int nwords = 0;
	uint16_t cb = 0;
	struct lex_entry *e;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	while (i < n && s[i] == ' ')
		i++;
	if (i >= n || n - i > LEXICON_MAXKEY) {
		data_error(ld, line, "empty or overlong term");
		return NULL;
	}
	while (i < n) {
		size_t j = i;

		while (j < n && s[j] != ' ')
			j++;
		if (nwords == LEXICON_MAXW) {
			data_error(ld, line, "term of too many words");
			return NULL;
		}
		cb |= word_case(s + i, j - i, nwords);
		if (k > 0) {
			if ((e = intern(ld->lex, key, k, nwords)) == NULL)
				goto full;
			e->more = 1;
			key[k++] = ' ';
		}
		k += lexicon_lower((const unsigned char *)s + i, j - i,
		    key + k);
		nwords++;
		i = j;
		while (i < n && s[i] == ' ')
			i++;
	}
	if ((e = intern(ld->lex, key, k, nwords)) == NULL)
		goto full;
	*casebits = cb;
	return e;
full:
	data_error(ld, line, "data table full");
	return NULL;
}

static int
add_place_name(const struct loader *ld, int idx, const char *s, size_t n,
    int canon, size_t line)
{
	struct lex_entry *e;
	uint16_t cb;
	int ambig = 0;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n > 0 && s[n - 1] == '?') {
		ambig = 1;
		n--;
	}
	if ((e = add_term(ld, s, n, &cb, line)) == NULL)
		return -1;
	if (e->place >= 0)
		return data_error(ld, line, "place name listed twice");
	e->place = (int16_t)idx;
	e->place_case = cb;
	e->place_ambig = (uint8_t)ambig;
	e->place_canon = (uint8_t)canon;
	return 0;
}

static int
gazetteer_line(void *arg, const char *s, size_t n, size_t line)
{
	const struct loader *ld = arg;
	struct lexicon *lex = ld->lex;
	const char *f[4];
	size_t fl[4], i, st;
	struct lex_place *p;
	int nf = tsv_split(s, n, f, fl, 4), idx;
	size_t nl = fl[0];

	if (nf < 2 || fl[0] == 0)
		return data_error(ld, line,
		    "expected name, kind, broader, aliases");
	if (lex->nplace == lex->capplace)
		return data_error(ld, line, "too many places");
	idx = (int)lex->nplace;
	p = &lex->place[lex->nplace++];
	if (nl > 0 && f[0][nl - 1] == '?')
		nl--;
	if ((p->name = pool_copy(lex, f[0], nl)) == NULL)
		return data_error(ld, line, "data table full");
	p->kind = NULL;
	for (i = 0; place_kinds[i] != NULL; i++)
		if (strlen(place_kinds[i]) == fl[1] &&
		    memcmp(place_kinds[i], f[1], fl[1]) == 0)
			p->kind = place_kinds[i];
	if (p->kind == NULL)
		return data_error(ld, line, "unknown kind of place");
	/* the broader name, looked up once every place is read */
	p->broader = -1;
	p->bname = NULL;
	if (nf >= 3 && fl[2] > 0 &&
	    (p->bname = pool_copy(lex, f[2], fl[2])) == NULL)
		return data_error(ld, line, "data table full");
	if (add_place_name(ld, idx, f[0], fl[0], 1, line) != 0)
		return -1;
	if (nf < 4)
		return 0;
	for (i = st = 0; i <= fl[3]; i++) {
		if (i == fl[3] || f[3][i] == ';') {
			if (i > st && add_place_name(ld, idx, f[3] + st, i - st,
			    0, line) != 0)
				return -1;
			st = i + 1;
		}
	}
	return 0;
}

static int
subjects_line(void *arg, const char *s, size_t n, size_t line)
{
	const struct loader *ld = arg;
	const char *f[3];
	size_t fl[3];
	struct lex_entry *e;
	uint16_t cb;
	int nf = tsv_split(s, n, f, fl, 3), topic, weight, k;

	if (nf != 3 || fl[1] != 15 || memcmp(f[1], "medtop:", 7) != 0 ||
	    memcmp(f[1] + 9, "000000", 6) != 0 || fl[2] != 1)
		return data_error(ld, line,
		    "expected keyword, medtop:NN000000, weight");
	topic = (f[1][7] - '0') * 10 + (f[1][8] - '0');
	weight = f[2][0] - '0';
	if (topic < 1 || topic > 17 || f[1][7] < '0' || f[1][7] > '9' ||
	    f[1][8] < '0' || f[1][8] > '9')
		return data_error(ld, line, "not a top-level Media Topic");
	if (weight < 1 || weight > 3)
		return data_error(ld, line, "weight is not 1, 2 or 3");
	if ((e = add_term(ld, f[0], fl[0], &cb, line)) == NULL)
		return -1;
	for (k = 0; k < e->nsubj; k++)
		if (e->subj_topic[k] == topic)
			return data_error(ld, line,
			    "keyword listed twice for a topic");
	if (e->nsubj == 3)
		return data_error(ld, line,
		    "keyword of more than three topics");
	e->subj_topic[e->nsubj] = (uint8_t)topic;
	e->subj_weight[e->nsubj] = (uint8_t)weight;
	e->nsubj++;
	ld->lex->nkeywords++;
	return 0;
}

/* A term listed in two spellings asks the looser case of each word. */
static uint16_t
looser_case(uint16_t a, uint16_t b)
{
	uint16_t merged = 0;
	int w;

	for (w = 0; w < LEXICON_MAXW; w++) {
		unsigned ca = (a >> (2 * w)) & 3, cb = (b >> (2 * w)) & 3;

		merged |= (uint16_t)((ca < cb ? ca : cb) << (2 * w));
	}
	return merged;
}

static int
cues_line(void *arg, const char *s, size_t n, size_t line)
{
	const struct loader *ld = arg;
	const char *f[3];
	size_t fl[3];
	struct lex_entry *e;
	uint16_t cb;
	int nf = tsv_split(s, n, f, fl, 3), c;

	if (nf < 2)
		return data_error(ld, line, "expected term, class");
	for (c = 0; cue_class_names[c] != NULL; c++)
		if (strlen(cue_class_names[c]) == fl[1] &&
		    memcmp(cue_class_names[c], f[1], fl[1]) == 0)
			break;
	if (cue_class_names[c] == NULL)
		return data_error(ld, line, "unknown class");
	if ((e = add_term(ld, f[0], fl[0], &cb, line)) == NULL)
		return -1;
	e->cue_case = e->cue == 0 ? cb : looser_case(e->cue_case, cb);
	e->cue |= (cue_set)1 << c;
	if (((cue_set)1 << c) == C_WEEKDAY) {
		if (nf < 3 || fl[2] != 1 || f[2][0] < '0' || f[2][0] > '6')
			return data_error(ld, line, "weekday without 0..6");
		e->weekday = (int8_t)(f[2][0] - '0');
	}
	ld->lex->ncues++;
	return 0;
}

/* The full name of organization idx finds it too, where it is a plain
 * run of words (the first organization of a full name keeps it). */
static int
add_full_name(const struct loader *ld, int idx, const char *s, size_t n,
    size_t line)
{
	struct lex_entry *e;
	uint16_t cb;
	size_t i, words = 1;

	for (i = 0; i < n; i++)
		words += s[i] == ' ';
	if (words > LEXICON_MAXW)
		return 0;
	if ((e = add_term(ld, s, n, &cb, line)) == NULL)
		return -1;
	if (e->org < 0) {
		e->org = (int16_t)idx;
		e->org_case = cb;
	}
	return 0;
}

/* orgs.tsv's flags, separated by commas ("en,anycase"), or ~0u for one
 * it does not know. */
static unsigned
org_flags(const char *s, size_t n)
{
	static const struct {
		const char *name;
		unsigned flag;
	} flags[] = {
		{ "place", ORG_PLACE }, { "en", ORG_EN },
		{ "anycase", ORG_ANYCASE }
	};
	unsigned all = 0;
	size_t i = 0, j, k;

	while (i < n) {
		for (j = i; j < n && s[j] != ','; j++)
			;
		for (k = 0; k < sizeof(flags) / sizeof(flags[0]); k++)
			if (strlen(flags[k].name) == j - i &&
			    memcmp(flags[k].name, s + i, j - i) == 0)
				break;
		if (k == sizeof(flags) / sizeof(flags[0]))
			return ~0u;
		all |= flags[k].flag;
		i = j + 1;
	}
	return all;
}

static int
orgs_line(void *arg, const char *s, size_t n, size_t line)
{
	const struct loader *ld = arg;
	struct lexicon *lex = ld->lex;
	const char *f[3];
	size_t fl[3];
	struct lex_entry *e;
	struct lex_org *o;
	uint16_t cb;
	int nf = tsv_split(s, n, f, fl, 3), idx;

	if (nf < 1 || fl[0] == 0)
		return data_error(ld, line, "expected name, full name, flags");
	if (lex->norg == lex->caporg)
		return data_error(ld, line, "too many organizations");
	idx = (int)lex->norg;
	o = &lex->org[lex->norg++];
	if ((o->name = pool_copy(lex, f[0], fl[0])) == NULL)
		return data_error(ld, line, "data table full");
	o->full = NULL;
	if (nf >= 2 && fl[1] > 0 &&
	    (o->full = pool_copy(lex, f[1], fl[1])) == NULL)
		return data_error(ld, line, "data table full");
	if ((o->flags = nf >= 3 ? org_flags(f[2], fl[2]) : 0) == ~0u)
		return data_error(ld, line, "unknown flag");
	if ((e = add_term(ld, f[0], fl[0], &cb, line)) == NULL)
		return -1;
	if (o->flags & ORG_ANYCASE)
		cb = 0;		/* CASE_ANY for every word */
	if (e->org_short)
		return data_error(ld, line, "organization listed twice");
	e->org = (int16_t)idx;
	e->org_case = cb;
	e->org_short = 1;
	if (o->full != NULL && !(o->flags & ORG_PLACE) &&
	    memchr(f[1], ',', fl[1]) == NULL)
		return add_full_name(ld, idx, f[1], fl[1], line);
	return 0;
}

static size_t
count_bytes(const unsigned char *s, size_t n, const char *set)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += strchr(set, s[i]) != NULL && s[i] != '\0';
	return k;
}

/* Allocates the tables, as large as the data can fill. */
static int
lexicon_alloc(struct lexicon *lex)
{
	const unsigned char *data[4] = { data_gazetteer, data_subjects,
	    data_cues, data_orgs };
	const size_t len[4] = { data_gazetteer_len, data_subjects_len,
	    data_cues_len, data_orgs_len };
	size_t total = 0, keys = 16, nslot = 1, i;

	for (i = 0; i < 4; i++) {
		total += len[i];
		keys += count_bytes(data[i], len[i], "\n\t; ");
	}
	lex->capent = keys;
	while (nslot < 2 * keys)
		nslot <<= 1;
	lex->mask = nslot - 1;
	lex->poolcap = 4 * total + 4096;
	lex->capplace = count_bytes(data_gazetteer, data_gazetteer_len,
	    "\n") + 1;
	lex->caporg = count_bytes(data_orgs, data_orgs_len, "\n") + 1;
	lex->ent = calloc(lex->capent, sizeof(*lex->ent));
	lex->slot = calloc(nslot, sizeof(*lex->slot));
	lex->pool = malloc(lex->poolcap);
	lex->place = calloc(lex->capplace, sizeof(*lex->place));
	lex->org = calloc(lex->caporg, sizeof(*lex->org));
	return lex->ent == NULL || lex->slot == NULL || lex->pool == NULL ||
	    lex->place == NULL || lex->org == NULL ? -1 : 0;
}

/* Broader names to indices (the place the name itself names), and no
 * chain of broader places that goes round. */
static int
link_broader(struct lexicon *lex, struct warta_error *err)
{
	size_t i;

	for (i = 0; i < lex->nplace; i++) {
		struct lex_place *p = &lex->place[i];
		const char *b;
		int idx;

		if ((b = p->bname) == NULL)
			continue;
		idx = lexicon_place(lex, b);
		if (idx < 0 || strcmp(lex->place[idx].name, b) != 0)
			return warta_error_set(err, -1, "data gazetteer.tsv: "
			    "%s: broader place '%s' is not listed", p->name, b);
		p->broader = idx;
	}
	for (i = 0; i < lex->nplace; i++) {
		int b = lex->place[i].broader, steps = 0;

		while (b >= 0 && steps++ < 8)
			b = lex->place[b].broader;
		if (b >= 0)
			return warta_error_set(err, -1, "data gazetteer.tsv: "
			    "%s: broader places go round", lex->place[i].name);
	}
	return 0;
}

struct lexicon *
lexicon_new(struct warta_error *err)
{
	static const struct {
		const char *file;
		const unsigned char *data;
		const size_t *len;
		tsv_line_fn fn;
	} files[] = {
		{ "gazetteer", data_gazetteer, &data_gazetteer_len,
		    gazetteer_line },
		{ "subjects", data_subjects, &data_subjects_len,
		    subjects_line },
		{ "cues", data_cues, &data_cues_len, cues_line },
		{ "orgs", data_orgs, &data_orgs_len, orgs_line },
	};
	struct lexicon *lex;
	struct loader ld;
	size_t i;

	if ((lex = calloc(1, sizeof(*lex))) == NULL ||
	    lexicon_alloc(lex) != 0) {
		lexicon_free(lex);
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	ld.lex = lex;
	ld.err = err;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		ld.file = files[i].file;
		if (tsv_each_line(files[i].data, *files[i].len, files[i].fn,
		    &ld) != 0)
			goto fail;
	}
	if (link_broader(lex, err) != 0 ||
	    (lex->words = wordlist_new(err)) == NULL)
		goto fail;
	return lex;
fail:
	lexicon_free(lex);
	return NULL;
}

void
lexicon_free(struct lexicon *lex)
{
	if (lex == NULL)
		return;
	free(lex->ent);
	free(lex->slot);
	free(lex->pool);
	free(lex->place);
	free(lex->org);
	wordlist_free(lex->words);
	free(lex);
}

const struct wordlist *
lexicon_words(const struct lexicon *lex)
{
	return lex->words;
}

void
lexicon_counts(const struct lexicon *lex, size_t *nplaces, size_t *nkeywords,
    size_t *ncues, size_t *norgs)
{
	if (nplaces != NULL)
		*nplaces = lex->nplace;
	if (nkeywords != NULL)
		*nkeywords = lex->nkeywords;
	if (ncues != NULL)
		*ncues = lex->ncues;
	if (norgs != NULL)
		*norgs = lex->norg;
}
