/*
 * html/page.h: the pages of the reading room, written into buffers.
 *
 * Every page is HTML5 in UTF-8, opens from the file system (every link is
 * relative, from the page's own folder up to the site's root), loads
 * nothing from outside the site, and declares so in its
 * Content-Security-Policy: an item page runs no script at all, the index
 * only the site's own file.  Every string from an item goes through
 * html/escape.h; no attribute value and no link comes from an item.
 */
#ifndef WARTA_HTML_PAGE_H
#define WARTA_HTML_PAGE_H

#include "base/buf.h"
#include "html/view.h"

/* One item as lists show it (the index's data, month and name pages). */
struct html_row {
	const char *id;		/* 16 hex digits */
	const char *date;	/* "YYYY-MM-DD" or "" */
	const char *heading;
	int untitled;
	const char *summary;
	const char *place;
	const char *byline;
	const char *lang;
	unsigned long words;
};

struct html_page {
	const char *lang;	/* of the page's text (checked here) */
	const char *title;	/* without the site's name */
	const char *root;	/* "", "../", "../../": to the site's root */
	int script;		/* 1: loads assets/items.js and warta.js */
	const char *generator;	/* "warta-html 0.1.0" */
};

/* The page's start, up to and with <main id="main">. */
int html_page_begin(struct wbuf *out, const struct html_page *p);
/* </main>, the footer and the end. */
int html_page_end(struct wbuf *out, const struct html_page *p);

/* A language tag fit for lang="": letters, digits, '-', else "und". */
const char *html_lang(const char *tag);

/* The whole page of an item (items/ABC/ID.html). */
int html_item_page(struct wbuf *out, const struct html_view *v,
    const char *generator);

/* The file names of an item's page and its files, from the site's root:
 * "items/ABC/ID" (add ".html", ".xml", ".original.txt"). */
void html_item_base(const char *id, char out[32]);
/* A name's page from the root: "people/AB/slug.html". */
void html_name_path(enum html_kind k, const char *name, char *out,
    size_t size);
#define HTML_PATH_MAX	160

/* One li.item of a list, linking from a page at root. */
int html_row_item(struct wbuf *out, const struct html_row *r,
    const char *root);

#endif
