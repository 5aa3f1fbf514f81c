/*
 * article/article.h: one article as warta-normalize understands it, between the
 * repaired text and the NewsML-G2 item.
 *
 * article/layout.c cuts the repaired text into paragraphs (and finds a title line);
 * article/article.c reads the paragraphs for the dateline, byline, dates and
 * language.  Neither prints; warnings (a date whose weekday contradicts
 * it, say) are collected for the program to report.
 *
 * Every string is NUL-terminated UTF-8 owned by the article; a field that
 * was not found is NULL (lang is "" when undetected).
 */
#ifndef WARTA_ARTICLE_H
#define WARTA_ARTICLE_H

#include <stddef.h>

#include "base/warta.h"

struct article_date {
	char iso[11];		/* YYYY-MM-DD */
	char *text;		/* as written: "Selasa (10/8/2021)" */
};

struct wordlist;

struct article {
	const struct wordlist *words;	/* what datelines, dates, ... are read by */

	char **paras;		/* the body, one entry per paragraph */
	size_t npara;
	char *headline;		/* a title line the source has, never invented */

	char *dateline;		/* as written, without the separator: "SEMARANG-MARITIM" */
	char *place;		/* "Semarang" */
	char *outlet;		/* "Maritim" */
	char *dateline_date;	/* a date inside the dateline, as written: "Jan 5" */
	char *byline;		/* as written: "Purwanto" or "By Jane Doe" */
	char *creator;		/* the person(s): "Purwanto", "Jane Doe and Omar Faruk" */

	/*
	 * Byline and credit paragraphs taken out of the body ("By Jane
	 * Doe", "Associated Press", "Editor: Ani"), as written, in order:
	 * the original rendition still has them, and a second
	 * article_parse() reads the byline from them again.
	 */
	char **credits;
	size_t ncredits;

	struct article_date *dates;	/* every date written, in order */
	size_t ndates;
	/*
	 * The article's own date (YYYY-MM-DD), one of dates[], or "" when no
	 * date in the text can be trusted to be it (article/dates.c says which
	 * can, and warns why none could): contentCreated, the guid's date.
	 */
	char created[11];
	/* Set before article_parse() when the source's markup states the
	 * date: the text's dates are still read, but their doubts are no
	 * one's concern, and no warning says the article has no date. */
	int date_stated;

	char lang[16];		/* BCP 47: "id", "en", or "" */

	char **warnings;	/* "date 'Senin (10/8/2021)': ..." */
	size_t nwarnings;
};

/* words: the program's word list (article/wordlist.h), kept, not owned. */
struct article *article_new(const struct wordlist *words);
void article_free(struct article *a);	/* article_free(NULL) is a no-op */

/* Appends a copy of s (n bytes) as the next paragraph. */
int article_add_para(struct article *a, const char *s, size_t n);
/* Appends a formatted warning. */
int article_warn(struct article *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/*
 * article/layout.c: cuts repaired text (valid UTF-8, LF line ends) into paragraphs:
 * blank lines, indentation, or one paragraph per line; hard-wrapped lines
 * joined; a hyphen at a line end joined only where it breaks a word; lines
 * that are not the article (bare page numbers, the promotion and page
 * lines of formats/data/boilerplate.tsv: "Baca juga: ...", "Tonton juga
 * video ...", "Read more: ...", and what follows "Related Topics") left
 * out.  Sets a->headline where the source has a title line.  Returns
 * WARTA_FAILED only when memory runs out.
 */
int layout_paragraphs(struct article *a, const char *text, size_t len,
    struct warta_error *err);

/*
 * article/article.c: finds the dateline, place and outlet, byline and creator, the
 * dates in the text and the article's own date among them, and the
 * language, from a->paras (and a->headline, for a date).  lang_hint ("id",
 * "en", or NULL) is used when the text alone does not decide.  Byline
 * and credit paragraphs are moved from a->paras to a->credits; the rest
 * of the body is left as written.
 */
int article_parse(struct article *a, const char *lang_hint,
    struct warta_error *err);

/*
 * article/article.c: the length in bytes of the dateline that opens s (n bytes),
 * with its separator and the spaces after it, or 0 when s opens with none.
 * article/layout.c asks it so that a short dateline paragraph is never taken for
 * a title line.
 */
size_t article_dateline_len(const struct wordlist *w, const char *s,
    size_t n);

/*
 * article/dateline.c: is s (n bytes) a line that only dates the article,
 * "Friday 4 February 2005", "Published: 2005/02/09 14:22:07 GMT"?  Such a
 * line is neither a title nor the paragraph a dateline opens.
 */
int article_is_date_line(const struct wordlist *w, const char *s, size_t n);

/*
 * article/byline.c: is s (n bytes) a byline or credit line, "By Jane
 * Doe", "Reporter: Budi | Editor: Ani", "Laporan wartawan X, Budi"?
 * article/layout.c asks it so that such a line is never taken for a title.
 */
int article_is_credit_line(const struct wordlist *w, const char *s,
    size_t n);

#endif
