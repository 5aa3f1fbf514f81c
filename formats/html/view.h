/*
 * html/view.h: what a page shows of one item, read out of its NewsML-G2.
 *
 * A view holds plain strings only (never the item's markup): the page
 * writer escapes every one of them, and the site's index keeps a few.
 */
#ifndef WARTA_HTML_VIEW_H
#define WARTA_HTML_VIEW_H

#include <stddef.h>

#include <libxml/tree.h>

#include "bagit/catalog.h"
#include "base/buf.h"
#include "base/warta.h"

/* What the item names, each kind with its own pages. */
enum html_kind {
	HTML_PEOPLE,
	HTML_ORGANIZATIONS,
	HTML_PLACES,
	HTML_SUBJECTS,
	HTML_KINDS
};

/* The most names of one kind, and hops, a view keeps (the rest are
 * counted as dropped): an item of ten thousand subjects is an attack. */
#define HTML_NAMES_MAX	256
#define HTML_HOPS_MAX	64
/* A name longer than this is cut (at a character's start). */
#define HTML_NAME_MAX	200
/* How many words of the body stand in for a missing headline. */
#define HTML_FIRST_WORDS 12

struct html_name {
	char *name;
	char *code;	/* a subject's qcode, else NULL */
	char *lang;	/* the name's xml:lang, else NULL */
	int found;	/* a tool found it in the text (it has a why) */
};

struct html_hop {
	char *party, *action, *when;
};

struct html_view {
	struct catalog_entry e;	/* guid, version, date, id, place, ... */
	char *heading;		/* the headline, else the first words */
	int untitled;		/* heading is the first words */
	char *summary;		/* "" when none */
	char *dateline;
	char *content_created, *first_created, *version_created;
	char *rights;		/* holder, notice and terms, or "" */
	struct wbuf body;	/* paragraphs, a blank line between */
	struct html_name *names[HTML_KINDS];
	size_t n_names[HTML_KINDS];
	struct html_hop *hops;
	size_t n_hops;
	size_t dropped;		/* names and hops past the bounds */
	struct wbuf original;	/* the original bytes, when has_original */
	int has_original;
	const char *original_suffix;	/* ".txt", ".html.txt", ... */
};

/* The words of each kind, for pages and folders: "people", ... */
const char *html_kind_dir(enum html_kind k);
/* "Person", "Organization", "Place", "Subject". */
const char *html_kind_title(enum html_kind k);

/*
 * Fills v (need not be initialized; html_view_free() releases it in every
 * case) from the newsItem doc.  Fails on a document that is not a
 * newsItem, on broken base64 in its original, or when memory runs out.
 */
int html_view_read(xmlDocPtr doc, struct html_view *v,
    struct warta_error *err);
void html_view_free(struct html_view *v);

#endif
