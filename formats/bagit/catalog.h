/*
 * bagit/catalog.h: what a bundle says about each item it holds, and where it
 * keeps it.
 *
 * Every item of a bundle has an entry: its guid and version, its date,
 * place, byline, title and word count, and its two payload files,
 * data/items/YYYY/MM/DD/ID.xml and data/originals/YYYY/MM/DD/ID.txt (the
 * original bytes its item carries; .html, .nitf or .sgm when they are a
 * page, an NITF document or an SGML record), where ID is the first 16 hex digits of
 * the SHA-256 of the guid: a name of safe characters only, the same for
 * every version of an item, and never one BagIt must percent-encode.  An
 * item with no date is under undated/.
 *
 * The entries are written twice: as data/catalog.tsv, one line each, for
 * shell tools and warta-unpack -t, and as data/catalog.xml, a NewsML-G2
 * packageItem with one itemRef each.
 */
#ifndef WARTA_CATALOG_H
#define WARTA_CATALOG_H

#include <stdio.h>

#include <libxml/tree.h>

#include "base/buf.h"
#include "base/warta.h"

#define CATALOG_ID_LEN	16
#define CATALOG_PATH_MAX 64

struct catalog_entry {
	char *guid;
	long version;
	char date[11];		/* of contentCreated; "" when it has none */
	char *title;		/* the headline, else the summary, else "" */
	char *place;		/* located, else the dateline, else "" */
	char *byline;		/* by, else the creator's name, else "" */
	char *language;		/* language/@tag, else xml:lang, else "" */
	char *provider;		/* the provider's name, else its URI, else "" */
	unsigned long words;	/* inlineXML/@wordcount, else 0 */
	unsigned char guid_sha256[32];	/* the ID's source, and pack's key */
	char id[CATALOG_ID_LEN + 1];
	char item_path[CATALOG_PATH_MAX];	/* "items/2021/08/10/ID.xml" */
	char original_path[CATALOG_PATH_MAX];	/* "" when there is none */
	char original_sha256[65];		/* "" when there is none */
};

/*
 * Fills e from the newsItem whose root is item (e need not be
 * initialized; catalog_entry_free() releases it in every case).  The
 * paths are set, the original's path only when has_original.
 */
int catalog_entry_read(xmlNodePtr item, int has_original,
    struct catalog_entry *e, struct warta_error *err);
void catalog_entry_free(struct catalog_entry *e);

/* The TSV header line, and one entry as a line: each field a cell of
 * base/tsv_cell.h (tabs and line breaks become spaces, and a value a
 * spreadsheet would run as a formula gets a ' before it). */
int catalog_tsv_header(struct wbuf *out);
int catalog_tsv_line(struct wbuf *out, const struct catalog_entry *e);

/*
 * The packageItem: its start (guid and provider of the bundle, when =
 * an xs:dateTime with zone), one itemRef per entry, and its end.  Each
 * appends text to out, so that the itemRefs can wait in a file.
 */
int catalog_xml_begin(struct wbuf *out, const char *guid,
    const char *provider, const char *when);
int catalog_xml_ref(struct wbuf *out, const struct catalog_entry *e);
int catalog_xml_end(struct wbuf *out);

#endif
