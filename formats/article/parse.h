/*
 * article/parse.h: what the readers of an article (article/dateline.c,
 * byline.c, dates.c, lang.c) share, inside the article layer only: the
 * small scanners of article/scan.c and each reader's entry point, which
 * article_parse() calls in turn.
 */
#ifndef WARTA_ARTICLE_PARSE_H
#define WARTA_ARTICLE_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "article/article.h"
#include "article/wordlist.h"

/* A name token: letters, and '.' or an apostrophe inside or after them. */
struct token {
	size_t start, end;
	int letters;		/* how many letters */
	int upper;		/* how many upper-case letters */
	int digits;
	int dots;
	int first_upper;
};

/* article/scan.c */
int scan_is_digit(int c);
int scan_is_alpha(int c);
int32_t scan_cp_at(const char *s, size_t n, size_t i, size_t *clen);
int scan_at_word_start(const char *s, size_t i);
size_t scan_skip_spaces(const char *s, size_t n, size_t i);
int scan_token(const char *s, size_t n, size_t i, int with_digits,
    struct token *t);
int scan_token_all_caps(const struct token *t);
int scan_span_is(const char *s, size_t n, const char *word);
char *scan_title_case(const char *s, size_t n);

/* article/article.c */
int article_grow(void **arr, size_t n, size_t elsize);
char *article_copy_span(const char *s, size_t n);

/* article/byline.c: moves paragraphs [i, i + k) to a->credits, leaving
 * one paragraph at least. */
int article_take_paras(struct article *a, size_t i, size_t k);

/* article/byline.c: whether s is a blog's date line that ends in its
 * author, "Posted on Februari 21, 2017 by RD". */
int byline_posted_line(const struct wordlist *w, const char *s, size_t n);

/* the readers */
int parse_dateline(struct article *a, const struct wordlist *w);
int parse_byline(struct article *a, const struct wordlist *w);
size_t read_month_name(const struct wordlist *w, const char *s, size_t n, size_t i,
    int *month);
int parse_dates(struct article *a, const struct wordlist *w);
int parse_lang(struct article *a, const struct wordlist *w, const char *hint);

#endif
