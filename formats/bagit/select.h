/*
 * bagit/select.h: which items of a bundle a librarian asked for
 * (warta-unpack's selectors): by guid, by date (a year, a month, a day, or
 * a range of them), by byline and place (parts, any case), by language
 * (id matches id-ID), by subject (a QCode, or part of a subject's name).
 *
 * A selection is matched against a row: what the catalog (data/catalog.tsv,
 * or the item's own catalog entry) knows of an item; only the subject needs
 * the item itself.
 */
#ifndef WARTA_BAGIT_SELECT_H
#define WARTA_BAGIT_SELECT_H

#include <libxml/tree.h>

#include "bagit/catalog.h"

/* What is asked; NULL: anything. */
struct selection {
	const char *guid;
	const char *date_from, *date_to;	/* date prefixes */
	const char *byline, *place, *lang, *subject;
};

/* What the catalog knows of an item. */
struct select_row {
	const char *guid;
	char date[11];		/* "" when it has none */
	const char *place, *byline, *title, *lang;
	unsigned long words;
	const char *path;	/* in the bag: data/items/... */
};

/* "2021", "2021-08" or "2021-08-10": a real year, month or day. */
int select_date_prefix(const char *s);

/*
 * A --date argument into s: a date prefix, or FROM..TO with either end
 * open (not both), FROM not after TO.  arg is cut in place.  -1 when it
 * is none of these.
 */
int select_parse_date(char *arg, struct selection *s);

/* Whether needle is part of hay, ASCII letters in any case. */
int select_contains(const char *hay, const char *needle);
/* Whether the language tag is want or one of its variants (id: id-ID). */
int select_lang(const char *tag, const char *want);

/* Whether the row is selected by all but the subject. */
int select_row_matches(const struct selection *s, const struct select_row *r);
/* Whether one of the item's subjects is want, by QCode or by name. */
int select_subject(xmlNodePtr item, const char *want);

/*
 * A catalog.tsv line into a row (fields cut in place; path is left
 * relative to data/).  -1 when the line has not all its fields.
 */
int select_row_from_tsv(char *line, struct select_row *r);
/* An item's catalog entry, at path in the bag, into a row. */
void select_row_from_entry(const struct catalog_entry *e, const char *path,
    struct select_row *r);

/*
 * Whether a file of a bag may hold an item: a data/ file ending in .xml,
 * but not the catalog (bags made by other tools are read too).
 */
int select_item_path(const char *path);

#endif
