/*
 * article/lexicon.h: what the extraction rules know, read from the data
 * compiled into the library: formats/data/gazetteer.tsv (places),
 * subjects.tsv (Media Topic keywords), cues.tsv (titles, speech verbs,
 * organization words, stop lists) and orgs.tsv (organizations known by a
 * short name).
 *
 * The caller makes one lexicon with lexicon_new() and passes it to every
 * extract_text(); it is only read after, so threads may share it.
 *
 * Inside, one hash table of lower-case keys of one to LEXICON_MAXW words:
 * an entry says what its key is as a place, an organization, a cue word
 * and a topic keyword, and which case each of its words asks of the text.
 * The extraction modules (article/tokens.c and the rules) read the
 * structures below; everything else treats a lexicon as opaque.
 */
#ifndef WARTA_LEXICON_H
#define WARTA_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "base/warta.h"

struct lexicon;
struct wordlist;

/* Reads and checks the data: every broader place is on the list, no name
 * is listed twice, every topic is a top-level Media Topic.  NULL, with
 * err set, when memory runs out or the data is malformed. */
struct lexicon *lexicon_new(struct warta_error *err);
void lexicon_free(struct lexicon *lex);		/* NULL is a no-op */

/* The word list of datelines, bylines and dates (article/wordlist.h) that
 * the lexicon carries, so that the rules need only the lexicon. */
const struct wordlist *lexicon_words(const struct lexicon *lex);

/* How many entries each file gave; any pointer may be NULL. */
void lexicon_counts(const struct lexicon *lex, size_t *nplaces,
    size_t *nkeywords, size_t *ncues, size_t *norgs);

#define LEXICON_MAXW 8		/* words in a key */
#define LEXICON_MAXKEY 255	/* bytes in a key */

/*
 * The classes of a cue word (cues.tsv says what each means), one bit
 * each: a set of them is a cue_set, 64 bits wide.
 */
typedef uint64_t cue_set;

#define C_TITLE	((cue_set)1 << 0)
#define C_SAY	((cue_set)1 << 1)
#define C_SAID	((cue_set)1 << 2)
#define C_ORGHEAD	((cue_set)1 << 3)
#define C_ORGTAIL	((cue_set)1 << 4)
#define C_NOTORG	((cue_set)1 << 5)
#define C_NOTNAME	((cue_set)1 << 6)
#define C_CONN	((cue_set)1 << 7)
#define C_PLACEBLOCK	((cue_set)1 << 8)
#define C_PLACEAFTER	((cue_set)1 << 9)
#define C_PLACECTX	((cue_set)1 << 10)
#define C_WEEKDAY	((cue_set)1 << 11)
#define C_WDNEXT	((cue_set)1 << 12)
#define C_WDLAST	((cue_set)1 << 13)
#define C_MONTH	((cue_set)1 << 14)
#define C_ABBREV	((cue_set)1 << 15)
#define C_ACCORDING	((cue_set)1 << 16)
#define C_NAMESAKE	((cue_set)1 << 17)
#define C_DOCWORD	((cue_set)1 << 18)
#define C_WDNEXTBEFORE	((cue_set)1 << 19)
#define C_WDLASTBEFORE	((cue_set)1 << 20)
#define C_WDNOT	((cue_set)1 << 21)
#define C_ALIAS	((cue_set)1 << 22)
#define C_DET	((cue_set)1 << 23)
#define C_CREDIT	((cue_set)1 << 24)
#define C_AFFIL	((cue_set)1 << 25)
#define C_PLACENEXT	((cue_set)1 << 26)
#define C_NOUN	((cue_set)1 << 27)
#define C_KIND	((cue_set)1 << 28)
#define C_PARTICLE	((cue_set)1 << 29)
#define C_MAKER	((cue_set)1 << 30)
#define C_ORGCONN	((cue_set)1 << 31)
#define C_TLD	((cue_set)1 << 32)
#define C_PLACEWORD	((cue_set)1 << 33)
#define C_FEATURE	((cue_set)1 << 34)
#define C_COMPASS	((cue_set)1 << 35)

/* Cue classes that do not stop a capitalized word from being a name
 * ("Said Iqbal", "Lalu Zohri", "Marcus Hill", "Kanye West"): they are
 * verbs and small words, the words of places' names, and the nouns that
 * only a name's last word may not be ("Land"). */
#define C_WEAK (C_SAY | C_SAID | C_ACCORDING | C_WDNEXT | C_WDLAST | \
    C_WDNEXTBEFORE | C_WDLASTBEFORE | C_WDNOT | C_PLACECTX | C_CONN | C_ALIAS | \
    C_DET | C_CREDIT | C_AFFIL | C_PLACENEXT | C_NOUN | C_KIND | \
    C_PARTICLE | C_MAKER | C_ORGCONN | C_TLD | C_PLACEWORD | C_FEATURE | \
    C_COMPASS)

/* What a word of a key asks of the text's word (2 bits a word). */
enum { CASE_ANY, CASE_CAP, CASE_UPPER };

/* orgs.tsv's flags. */
enum { ORG_PLACE = 1, ORG_EN = 2, ORG_ANYCASE = 4 };

struct lex_place {
	const char *name;
	const char *kind;	/* "country", "city", ... */
	const char *bname;	/* the broader place's name, or NULL */
	int broader;		/* its index, or -1 */
};

struct lex_org {
	const char *name;	/* the short name */
	const char *full;	/* or NULL */
	unsigned flags;		/* ORG_* */
};

struct lex_entry {
	const char *key;	/* lower case, words separated by one space */
	uint64_t hash;
	uint16_t len;
	uint8_t nwords;
	uint8_t more;		/* a longer key starts with this one */
	int16_t place;		/* index, or -1 */
	int16_t org;		/* index, or -1 */
	uint16_t place_case, org_case, cue_case;
	uint8_t place_ambig;
	uint8_t place_canon;	/* the key is the place's own name */
	uint8_t org_short;	/* org is by its short name, not its full one */
	int8_t weekday;		/* 0 (Monday) .. 6 (Sunday), or -1 */
	cue_set cue;		/* C_* bits */
	uint8_t nsubj;
	uint8_t subj_topic[3], subj_weight[3];
};

struct lexicon {
	struct lex_entry *ent;
	size_t nent, capent;
	uint64_t *slot;		/* hash's top half, entry index + 1; 0 empty */
	size_t mask;
	struct lex_place *place;
	size_t nplace, capplace;
	struct lex_org *org;
	size_t norg, caporg;
	char *pool;
	size_t poollen, poolcap;
	size_t nkeywords, ncues;
	struct wordlist *words;
};

/*
 * Lower case of s (n bytes of UTF-8) into out, which has room for 2n + 4
 * bytes: ASCII folded, other letters by utf8proc, the right single
 * quotation mark made an apostrophe ("Jum’at" is "Jum'at").  Returns the
 * length written.
 */
size_t lexicon_lower(const unsigned char *s, size_t n, char *out);

/* The entry of a lower-case key of hash h (fnv1a() of its bytes from
 * FNV1A_INIT, base/hash.h), or NULL. */
const struct lex_entry *lexicon_find(const struct lexicon *lex, uint64_t h,
    const char *key, size_t len);

/* The place a name (any case) names, or -1. */
int lexicon_place(const struct lexicon *lex, const char *name);

#endif
