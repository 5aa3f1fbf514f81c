/*
 * html/site.h: the reading room, a static site of any number of items,
 * built one item at a time in flat memory.
 *
 * Each item's own files (its page, its XML, its original bytes) are made
 * and written as it comes, by html_item_make() and html_item_write(), on
 * any thread.  What the site's lists need of it (a row: date, heading,
 * place, ...; the names it holds) is handed to html_site_add() in the
 * order read, and waits on disk in fixed-size records.
 * html_site_finish() sorts them (base/extsort.h) and writes, in one pass
 * each, the pages of every person, organization, place and subject, the
 * month pages, the data of the index's filters and search
 * (assets/items.js), the index and the assets; then the site is put in
 * place (html/tree.h).  The same items give the same files.
 *
 * The layout (from the site's root):
 *   index.html, assets/{warta.css,warta.js,items.js}
 *   items/ABC/ID.html, ID.xml, ID.original.txt (ID: the item's 16 hex
 *     digits, as in a bundle; ABC its first three)
 *   dates/YYYY/MM.html (MM-2.html, ... past HTML_PAGE_ROWS), dates/undated.html
 *   people/AB/SLUG.html, organizations/..., places/..., subjects/...,
 *   and KIND/index.html: every name with its count
 * so no folder holds more than a few thousand files at a million items.
 */
#ifndef WARTA_HTML_SITE_H
#define WARTA_HTML_SITE_H

#include <libxml/tree.h>

#include "base/buf.h"
#include "base/warta.h"
#include "html/tree.h"

/* Rows on one page of a list; names on one page of a kind's index. */
#define HTML_PAGE_ROWS	1000
#define HTML_INDEX_NAMES 2000
/* What of an item's summary the index's search keeps (bytes). */
#define HTML_SUMMARY_MAX 240

/* One item's part, done on any thread; its buffers are used again. */
struct html_item {
	struct wbuf page, xml, row, names;
	struct wbuf original;		/* its original bytes, if it has them */
	const char *original_suffix;	/* ".txt", ".html.txt", ... or NULL */
	char id[17];
	char date[11];
	size_t dropped;		/* names past the bounds of html/view.h */
	int deferred;		/* its page was there: html_site_add() writes */
};

void html_item_init(struct html_item *it);
void html_item_release(struct html_item *it);

/*
 * Fills it from the newsItem doc: its files in memory, its row and names
 * for html_site_add().  Writes nothing, so that an item made can still be
 * dropped.  Safe on any thread, with its own it.
 */
int html_item_make(xmlDocPtr doc, const char *generator,
    struct html_item *it, struct warta_error *err);
/*
 * Writes the files of it into the site being built in t, on any thread,
 * before html_site_add().  An item whose page is there already (its guid
 * was given before, or is being done on another thread) writes nothing:
 * html_site_add() writes its files, so that the one read last is the one
 * kept, whatever -j.
 */
int html_item_write(struct html_tree *t, struct html_item *it,
    struct warta_error *err);

struct html_site;

/* A site to be built into dir; generator names the program. */
struct html_site *html_site_new(const char *dir, const char *generator,
    struct warta_error *err);
struct html_tree *html_site_tree(struct html_site *s);
/* The item's row and names, on the main thread, in the order read; and
 * its files again, when its guid was given more than once. */
int html_site_add(struct html_site *s, const struct html_item *it,
    struct warta_error *err);
/* Every list and page, then the site in its place. */
int html_site_finish(struct html_site *s, struct warta_error *err);
/* Frees; a site not finished is removed. NULL is a no-op. */
void html_site_free(struct html_site *s);

#endif
