/*
 * base/tsv_cell.h: one cell of a TSV table warta writes (a bundle's
 * data/catalog.tsv, warta-unpack -t --tsv), safe to open in a spreadsheet,
 * and read back as it was.
 *
 * A spreadsheet runs a cell that begins with '=', '+', '-' or '@' as a
 * formula (=HYPERLINK(...), +cmd|'/C calc'!A0), and some drop a leading
 * tab or CR first.  As OWASP's advice on CSV injection says, such a cell
 * is written with a single quote before it, which every spreadsheet shows
 * as text.  The rule, so that it can be undone:
 *
 *   - tab, CR and LF in a value become spaces (a TSV line has no others);
 *   - a value that begins with = + - @ ' or white space (space, tab, CR,
 *     LF) is written with one ' before it;
 *   - reading, a cell that begins with ' followed by one of those has
 *     that ' taken off, and only that one.
 *
 * A value beginning with ' is itself quoted ("'Twas" is written
 * "''Twas"), so every value comes back as it was, tabs and line breaks
 * aside.  A cell written before the rule was never quoted: it reads the
 * same unless it began with ' and one of those characters.
 */
#ifndef WARTA_TSV_CELL_H
#define WARTA_TSV_CELL_H

#include "base/buf.h"

/* Whether s is a value a spreadsheet could run, so written quoted. */
int tsv_cell_risky(const char *s);

/* Appends s as one cell (no separator after it). */
int tsv_cell_put(struct wbuf *out, const char *s);

/* The value of the cell s: s, or s + 1 when its quote was put there. */
const char *tsv_cell_value(const char *s);

#endif
