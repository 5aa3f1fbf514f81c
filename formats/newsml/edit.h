/*
 * newsml/edit.h: changing a NewsML-G2 item in place (a libxml2 tree, as
 * newsml/read.h hands it out).
 *
 * The schema fixes the order of the children of itemMeta, contentMeta and
 * rightsInfo, so every insertion goes through an order table: a new
 * element goes after the last sibling that must come before it.  New
 * elements take the indentation of their neighbours, so that an item
 * pretty-printed by its producer stays readable; text already there is
 * never reflowed (whitespace inside an XHTML body can matter).
 */
#ifndef WARTA_NEWSML_EDIT_H
#define WARTA_NEWSML_EDIT_H

#include <libxml/tree.h>

/* Child element order, from the NewsML-G2 2.35 schema. NULL-terminated. */
extern const char *const g2_item_order[];	/* children of newsItem */
extern const char *const g2_item_meta_order[];
extern const char *const g2_content_meta_order[];
extern const char *const g2_rights_info_order[];

/* True when n is an element named name in the NewsML-G2 namespace. */
int g2_is(const xmlNode *n, const char *name);

/* The first child element of parent named name, or NULL. */
xmlNodePtr g2_child(xmlNodePtr parent, const char *name);
/* The next sibling element after n with the same name, or NULL. */
xmlNodePtr g2_next_same(xmlNodePtr n);

/*
 * A new empty element name in the G2 namespace, inserted into parent at
 * its place in order (after every sibling that comes before it, and
 * after siblings of the same name).  NULL when memory runs out.
 */
xmlNodePtr g2_insert(xmlNodePtr parent, const char *name,
    const char *const order[]);

/* g2_child(), or g2_insert() when there is none. */
xmlNodePtr g2_ensure(xmlNodePtr parent, const char *name,
    const char *const order[]);

/* Replaces the content of n with the text s (escaped as needed). */
int g2_set_text(xmlNodePtr n, const char *s);

/* The text of n, NULL-safe; the caller frees it with xmlFree. */
char *g2_text(const xmlNode *n);

/* Removes n with the whitespace that indented it, and frees it. */
void g2_remove(xmlNodePtr n);

/* Sets attribute name (no namespace) of n to value. */
int g2_set_attr(xmlNodePtr n, const char *name, const char *value);

/* Appends the item (its root element, no XML declaration) as text. */
struct wbuf;
int g2_serialize(xmlNodePtr item, struct wbuf *out);

#endif
