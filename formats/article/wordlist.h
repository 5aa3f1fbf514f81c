/*
 * article/wordlist.h: the words article.c reads datelines, bylines,
 * dates and the language by, and the lines layout.c leaves out of the
 * body, from the data compiled into the library:
 * formats/data/datelines.tsv, bylines.tsv, dates.tsv, stopwords.tsv and
 * boilerplate.tsv (each file says what its classes mean).
 *
 * A word list points into the compiled data.  Making one takes longer
 * than reading an article, so a program makes it once (wordlist_new(), or
 * the one inside a lexicon) and passes it down; it is only read after,
 * so threads may share it.
 */
#ifndef WARTA_WORDLIST_H
#define WARTA_WORDLIST_H

#include <stddef.h>
#include <stdint.h>

#include "base/warta.h"

enum word_class {
	W_PLACE = 1 << 0,	/* a city a dateline names alone */
	W_OUTLET = 1 << 1,	/* an outlet with no dot or digit */
	W_AGENCY = 1 << 2,	/* a news agency or its desk code */
	W_AUTHOR = 1 << 3,	/* a credit label naming the author */
	W_EDITOR = 1 << 4,	/* a credit label naming an editor */
	W_MONTH = 1 << 5,	/* a month's name: value 1..12 */
	W_WEEKDAY = 1 << 6,	/* a weekday's name: 0 (Monday) .. 6 */
	W_STOP_ID = 1 << 7,	/* a stopword of Indonesian */
	W_STOP_EN = 1 << 8,	/* a stopword of English */
	W_NOT_OWN = 1 << 9,	/* before a date: another day than the article's */
	W_PAST = 1 << 10,	/* before a date: a day before the article's */
	W_NOT_OWN_AFTER = 1 << 11,	/* after a date: not the article's */
	W_PAST_AFTER = 1 << 12,	/* after a date: before the article's */
	W_CITED = 1 << 13,	/* before a date: a quoted source's date */
	W_EVENT = 1 << 14,	/* before a date: an event's day ("pada", "on") */
	W_OUTLET_WORD = 1 << 15,	/* a word that makes a name an outlet's */
	W_ROLE = 1 << 16,	/* a reporter's job after the name */
	W_BOILER = 1 << 17,	/* opens a line that is not the article */
	W_BOILER_HEAD = 1 << 18	/* the first word of a W_BOILER phrase */
};

/* How a boilerplate phrase (W_BOILER) marks its line. */
enum boiler_form {
	BOILER_LINE = 1,	/* any short line it opens: "Baca juga ..." */
	BOILER_LABEL,		/* a line it opens before a colon: "Read more:" */
	BOILER_WHOLE,		/* a line that is the phrase alone */
	BOILER_END		/* as WHOLE, and nothing after it is the article */
};

#define WORDLIST_SLOTS 2048	/* twice the words of the files at least */

struct wordlist {
	struct word {
		const char *key;	/* in the data, lower case; NULL: free */
		uint16_t len;
		uint32_t classes;	/* enum word_class */
		int8_t month;		/* 1..12, or 0 */
		int8_t weekday;		/* 0 (Monday) .. 6, or -1 */
		int8_t form;		/* enum boiler_form, or 0 */
	} slot[WORDLIST_SLOTS];
};

/* Reads the files into w; fails only when the data is malformed. */
int wordlist_init(struct wordlist *w, struct warta_error *err);

/* A word list of its own, made once by a program and passed down. */
struct wordlist *wordlist_new(struct warta_error *err);
void wordlist_free(struct wordlist *w);		/* NULL is a no-op */

/*
 * The classes of the word s (n bytes), matched in any case (ASCII), or 0;
 * *word (when not NULL) gets its entry.
 */
unsigned wordlist_find(const struct wordlist *w, const char *s, size_t n,
    const struct word **word);

#endif
