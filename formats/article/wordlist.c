/*
 * article/wordlist.c: the word lists of article.c, read from the compiled
 * data into a small open-addressing table (article/wordlist.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article/tsv.h"
#include "article/wordlist.h"
#include "base/ascii.h"
#include "base/hash.h"
#include "base/warta.h"

extern const unsigned char data_datelines[];
extern const size_t data_datelines_len;
extern const unsigned char data_bylines[];
extern const size_t data_bylines_len;
extern const unsigned char data_dates[];
extern const size_t data_dates_len;
extern const unsigned char data_stopwords[];
extern const size_t data_stopwords_len;
extern const unsigned char data_boilerplate[];
extern const size_t data_boilerplate_len;

/* As the files name the classes of enum word_class, bit by bit. */
static const struct {
	const char *name;
	size_t len;
} class_names[] = {
	{ "place", 5 }, { "outlet", 6 }, { "agency", 6 }, { "author", 6 },
	{ "editor", 6 }, { "month", 5 }, { "weekday", 7 }, { "id", 2 },
	{ "en", 2 }, { "not-own", 7 }, { "past", 4 }, { "not-own-after", 13 },
	{ "past-after", 10 }, { "cited", 5 }, { "event", 5 },
	{ "outlet-word", 11 }, { "role", 4 }
};

/* boilerplate.tsv's classes: the forms of enum boiler_form, in order. */
static const struct {
	const char *name;
	size_t len;
} boiler_forms[] = {
	{ "line", 4 }, { "label", 5 }, { "whole", 5 }, { "end", 3 }
};

#define WORD_MAX 64		/* bytes in a word */

struct loader {
	struct wordlist *w;
	size_t used;		/* slots */
	const char *file;
	struct warta_error *err;
};

/* FNV-1a of the lower case of s. */
static uint64_t
word_hash(const char *s, size_t n)
{
	uint64_t h = FNV1A_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		h = fnv1a_byte(h, (unsigned char)ascii_lower((unsigned char)s[i]));
	return h;
}

/* The slot of s: its own, or the free one where it would go. */
static size_t
word_slot(const struct wordlist *w, const char *s, size_t n)
{
	size_t i, k;

	for (i = word_hash(s, n) & (WORDLIST_SLOTS - 1); w->slot[i].key != NULL;
	    i = (i + 1) & (WORDLIST_SLOTS - 1)) {
		const struct word *e = &w->slot[i];

		if (e->len != n)
			continue;
		for (k = 0; k < n; k++)
			if (ascii_lower((unsigned char)s[k]) != e->key[k])
				break;
		if (k == n)
			break;
	}
	return i;
}

unsigned
wordlist_find(const struct wordlist *w, const char *s, size_t n,
    const struct word **word)
{
	const struct word *e;

	if (n == 0 || n > WORD_MAX)
		return 0;
	e = &w->slot[word_slot(w, s, n)];
	if (word != NULL)
		*word = e;
	return e->key != NULL ? e->classes : 0;
}

static int
data_error(const struct loader *ld, size_t line, const char *what)
{
	return warta_error_set(ld->err, -1, "data %s.tsv line %zu: %s",
	    ld->file, line, what);
}

/* The value of a month (1..12) or a weekday (0..6), or -1. */
static int
class_value(unsigned cls, const char *s, size_t n)
{
	int v = 0;
	size_t i;

	if (n == 0 || n > 2)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (cls == W_MONTH)
		return v >= 1 && v <= 12 ? v : -1;
	return v <= 6 ? v : -1;
}

/* Marks the first word of a boilerplate phrase (a line's first word is
 * looked up before the phrases it may open). */
static int
add_boiler_head(struct loader *ld, const char *s, size_t n, size_t line)
{
	struct word *e;
	size_t i;

	for (i = 0; i < n && s[i] != ' '; i++)
		;
	e = &ld->w->slot[word_slot(ld->w, s, i)];
	if (e->key == NULL) {
		if (++ld->used > WORDLIST_SLOTS / 2)
			return data_error(ld, line, "more words than "
			    "WORDLIST_SLOTS / 2");
		e->key = s;
		e->len = (uint16_t)i;
		e->weekday = -1;
	}
	e->classes |= W_BOILER_HEAD;
	return 0;
}

static int
word_line(void *arg, const char *s, size_t n, size_t line)
{
	struct loader *ld = arg;
	const char *f[3];
	size_t fl[3], i, k;
	struct word *e;
	unsigned cls = 0;
	int nf = tsv_split(s, n, f, fl, 3), c, v = 0, form = 0;

	if (nf < 2 || fl[0] == 0 || fl[0] > WORD_MAX)
		return data_error(ld, line, "expected word, class");
	for (i = 0; i < fl[0]; i++)
		if (f[0][i] >= 'A' && f[0][i] <= 'Z')
			return data_error(ld, line, "word not in lower case");
	for (c = 0; c < (int)(sizeof(class_names) / sizeof(class_names[0]));
	    c++)
		if (class_names[c].len == fl[1] &&
		    memcmp(class_names[c].name, f[1], fl[1]) == 0)
			cls = 1u << c;
	for (c = 0; c < (int)(sizeof(boiler_forms) / sizeof(boiler_forms[0]));
	    c++)
		if (boiler_forms[c].len == fl[1] &&
		    memcmp(boiler_forms[c].name, f[1], fl[1]) == 0) {
			cls = W_BOILER;
			form = BOILER_LINE + c;
		}
	if (cls == 0)
		return data_error(ld, line, "unknown class");
	if ((cls == W_MONTH || cls == W_WEEKDAY) &&
	    (nf < 3 || (v = class_value(cls, f[2], fl[2])) < 0))
		return data_error(ld, line, "month without 1..12 or weekday "
		    "without 0..6");
	k = word_slot(ld->w, f[0], fl[0]);
	e = &ld->w->slot[k];
	if (e->key == NULL) {
		/* half full at most, so that a look-up ends soon */
		if (++ld->used > WORDLIST_SLOTS / 2)
			return data_error(ld, line, "more words than "
			    "WORDLIST_SLOTS / 2");
		e->key = f[0];
		e->len = (uint16_t)fl[0];
		e->weekday = -1;
	}
	if (e->classes & cls)
		return data_error(ld, line, "word listed twice");
	e->classes |= (uint32_t)cls;
	if (cls == W_MONTH)
		e->month = (int8_t)v;
	if (cls == W_WEEKDAY)
		e->weekday = (int8_t)v;
	if (cls == W_BOILER) {
		e->form = (int8_t)form;
		return add_boiler_head(ld, f[0], fl[0], line);
	}
	return 0;
}

int
wordlist_init(struct wordlist *w, struct warta_error *err)
{
	static const struct {
		const char *file;
		const unsigned char *data;
		const size_t *len;
	} files[] = {
		{ "datelines", data_datelines, &data_datelines_len },
		{ "bylines", data_bylines, &data_bylines_len },
		{ "dates", data_dates, &data_dates_len },
		{ "stopwords", data_stopwords, &data_stopwords_len },
		{ "boilerplate", data_boilerplate, &data_boilerplate_len },
	};
	struct loader ld;
	size_t i;

	memset(w, 0, sizeof(*w));
	ld.w = w;
	ld.used = 0;
	ld.err = err;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		ld.file = files[i].file;
		if (tsv_each_line(files[i].data, *files[i].len, word_line,
		    &ld) != 0)
			return WARTA_FAILED;
	}
	return WARTA_OK;
}

struct wordlist *
wordlist_new(struct warta_error *err)
{
	struct wordlist *w;

	if ((w = malloc(sizeof(*w))) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	if (wordlist_init(w, err) != WARTA_OK) {
		free(w);
		return NULL;
	}
	return w;
}

void
wordlist_free(struct wordlist *w)
{
	free(w);
}
