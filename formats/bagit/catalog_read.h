/*
 * bagit/catalog_read.h: a bundle's catalog read back: the lines of
 * data/catalog.tsv cut into their fields, and the itemRefs of
 * data/catalog.xml (bagit/catalog.h writes both).
 *
 * Both come from anyone's bag: a line with too few fields is the caller's
 * to report, and catalog.xml is read as a stream (an itemRef per item: a
 * tree of it would grow with the bundle), with no network, no DTD and no
 * entity expansion.
 */
#ifndef WARTA_BAGIT_CATALOG_READ_H
#define WARTA_BAGIT_CATALOG_READ_H

#include <stddef.h>

#include "bagit/problem.h"
#include "newsml/g2_rules.h"

/* The columns of catalog.tsv, in order (catalog_tsv_header()). */
enum catalog_tsv_column {
	CATALOG_TSV_GUID,
	CATALOG_TSV_VERSION,
	CATALOG_TSV_DATE,
	CATALOG_TSV_PLACE,
	CATALOG_TSV_BYLINE,
	CATALOG_TSV_TITLE,
	CATALOG_TSV_WORDS,
	CATALOG_TSV_LANGUAGE,
	CATALOG_TSV_ITEM,		/* items/..., relative to data/ */
	CATALOG_TSV_ORIGINAL,		/* originals/..., or "" */
	CATALOG_TSV_ORIGINAL_SHA256,	/* or "" */
	CATALOG_TSV_COLUMNS
};

/*
 * The next data line of a catalog.tsv text, cut in place from *pos (the
 * text is NUL-terminated; NULL is an empty text): the header (line 1)
 * and empty lines are passed over.  *lineno is the line's number (start
 * it at 0).  NULL at the end.
 */
char *catalog_tsv_next(char **pos, long *lineno);

/*
 * Cuts line at its tabs, in place, into field[]; returns how many fields
 * it has, CATALOG_TSV_COLUMNS when it is whole (a tab after the last
 * column ends it).  Each field is its value, the quote put before a
 * formula-like one taken off (base/tsv_cell.h).  Fields past the count
 * are left as they were.
 */
size_t catalog_tsv_split(char *line, char *field[CATALOG_TSV_COLUMNS]);

/* The hrefs of catalog.xml's itemRefs. */
struct catalog_refs {
	char **href;
	size_t n, cap;
	int sorted;
	int failed;		/* not well-formed: the list is not whole */
};

void catalog_refs_init(struct catalog_refs *r);
void catalog_refs_release(struct catalog_refs *r);
/* Whether href is among them (sorts them the first time). */
int catalog_refs_has(struct catalog_refs *r, const char *href);

/*
 * Reads the len bytes at p as data/catalog.xml: well-formed, a NewsML-G2
 * packageItem, valid against schema when it is not NULL; the href of
 * every itemRef is added to refs.  Every problem goes to fn, where being
 * "data/catalog.xml": the first error of a document that is not
 * well-formed (refs->failed is set then: its itemRefs are not all known),
 * each reason the schema gives, a DOCTYPE (refused, as everywhere).
 */
void catalog_xml_read(const void *p, size_t len, struct g2_schema *schema,
    struct catalog_refs *refs, bag_problem_fn *fn, void *arg);
/*
 * The same, each href given to each(earg, href) (non-zero: out of memory,
 * reported) instead of kept in refs, whose failed alone is set: a catalog
 * of a million itemRefs in the memory of one.
 */
typedef int catalog_href_fn(void *earg, const char *href);
void catalog_xml_read_each(const void *p, size_t len,
    struct g2_schema *schema, struct catalog_refs *refs,
    catalog_href_fn *each, void *earg, bag_problem_fn *fn, void *arg);
/*
 * The same, the catalog read a chunk at a time from read(ctx, buf, n)
 * (up to n bytes into buf; 0 at its end, -1 when it cannot be read), so
 * that it is never held whole.  What it reports of the same bytes, and
 * refs->failed, are what catalog_xml_read_each() gives; the hrefs given
 * before a failure may be more (libxml2 reads less far ahead), none of
 * them to be trusted then.  The reading may stop before the end (a
 * DOCTYPE, XML that is not well-formed): the rest is the caller's.
 */
typedef int catalog_read_fn(void *ctx, char *buf, int n);
void catalog_xml_read_io(catalog_read_fn *read, void *ctx,
    struct g2_schema *schema, struct catalog_refs *refs,
    catalog_href_fn *each, void *earg, bag_problem_fn *fn, void *arg);

#endif
