/*
 * article/tsv.h: the lines and fields of a data file compiled into the
 * library (formats/data/NAME.tsv as data_NAME[], data_NAME_len).
 *
 * A line is one entry, its fields separated by one tab; a blank line, or
 * one whose first character is '#', is a comment.  A CR before the LF is
 * dropped.
 */
#ifndef WARTA_TSV_H
#define WARTA_TSV_H

#include <stddef.h>

/* Called for each entry: s (n bytes, no LF) is line number line. */
typedef int (*tsv_line_fn)(void *arg, const char *s, size_t n, size_t line);

/* Calls fn for each entry of data, in order; stops at the first that
 * returns nonzero and returns -1 then, else 0. */
int tsv_each_line(const unsigned char *data, size_t len, tsv_line_fn fn,
    void *arg);

/* Splits one entry into at most nf fields: f[k] and its length fl[k].
 * Returns how many there are. */
int tsv_split(const char *s, size_t n, const char **f, size_t *fl, int nf);

#endif
