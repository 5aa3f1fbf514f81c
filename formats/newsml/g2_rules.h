/*
 * newsml/g2_rules.h: the checks on a NewsML-G2 item that the schema does not
 * make, and the schema itself, for warta-pack (which checks every item
 * before it packs it) and warta-verify (which is a linter for NewsML-G2
 * made by anyone).
 *
 * The producer rules (../shared/newsml-g2/README.md, and DESIGN.md):
 *   - every date-time carries a time zone (versionCreated, firstCreated,
 *     contentCreated and contentModified when they hold a time, hop
 *     timestamps, embargoed, a newsMessage's sent);
 *   - guid is a URI (scheme ':' ...), version a positive integer;
 *   - pubStatus is stat:usable, stat:withheld or stat:canceled;
 *   - xml:lang and language/@tag are BCP 47 ("en-GB", never "en_GB");
 *   - the XHTML body inside inlineXML is one html element in the XHTML
 *     namespace;
 *   - every QCode's alias (the part before ':' of each qcode, type, role,
 *     rel, why, how, ... attribute that holds QCodes) is declared in the
 *     catalog, when a catalog is given (g2_catalog_load).
 * Each problem is one line: the XPath-like place and what is wrong:
 *   "newsItem/itemMeta/versionCreated: '2021-08-10T09:00:00' has no time zone"
 *   "newsItem/contentMeta/subject[3]/@qcode: 'medtop' is not a QCode"
 *   "newsItem/itemMeta/itemClass/@qcode: alias 'nope' of 'nope:x' is not
 *    declared in the catalog"
 * A step has its [n] (from 1) only when its parent has several elements
 * of that name; a value is quoted up to 64 bytes, then "...".  Only
 * elements in the NewsML-G2 namespace are checked: what is inside
 * inlineXML and inlineData, or in another namespace, is not.
 *
 * Aliases are looked up in the catalog given and in the item's own
 * catalog elements.  An item with a catalogRef to a catalog that is not
 * IPTC's (any version, wherever kept) may declare any alias there, and
 * warta does not fetch it: its aliases are then not checked.
 */
#ifndef WARTA_G2_RULES_H
#define WARTA_G2_RULES_H

#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include "base/warta.h"

/* Called once per problem found; return non-zero to stop checking. */
typedef int (*g2_problem_fn)(void *arg, const char *problem);

/* The scheme aliases a catalog declares (catalog/scheme/@alias). */
struct g2_catalog;
/* Reads an IPTC catalog file (NewsML-G2 catalog XML) with no network and
 * no DTD; NULL with err on failure. */
struct g2_catalog *g2_catalog_load(const char *path, struct warta_error *err);
void g2_catalog_free(struct g2_catalog *c);
int g2_catalog_has(const struct g2_catalog *c, const char *alias, size_t len);

/*
 * Checks the item whose root element is item; catalog may be NULL (then
 * aliases are not checked).  Returns the number of problems reported
 * through fn (0: the item follows the rules), or -1 when memory ran out.
 */
int g2_check_rules(xmlNodePtr item, const struct g2_catalog *catalog,
    g2_problem_fn fn, void *arg);

/* The official schema, compiled once, used for every item. */
struct g2_schema;
/* From the .xsd file's path (its imports resolve beside it); no network. */
struct g2_schema *g2_schema_load(const char *path, struct warta_error *err);
void g2_schema_free(struct g2_schema *s);
/*
 * Another validator of the same compiled schema, for another thread: it
 * has a validation context of its own and shares the schema, which
 * libxml2 only reads while it validates.  s must outlive it; NULL when
 * memory ran out.
 */
struct g2_schema *g2_schema_dup(struct g2_schema *s);
/*
 * Validates doc; each schema error goes to fn as "line N: message"
 * (libxml2's message on one line; without "line N: " when the node has no
 * line, as in a tree built in memory).  Once fn returns non-zero it is
 * not called again, but the errors are still counted.  Returns the number
 * of errors (0: valid), -1 when it could not validate.  One g2_schema
 * validates one document at a time (it keeps its validation context).
 */
int g2_schema_validate(struct g2_schema *s, xmlDocPtr doc, g2_problem_fn fn,
    void *arg);

/*
 * The same, on a document as xr reads it, without a tree: a bundle's
 * catalog has an itemRef for every item, too many to hold.  Call begin
 * before the first xmlTextReaderRead(), end after the last; end returns
 * the number of errors, each given to fn as it is found.
 */
int g2_schema_stream_begin(struct g2_schema *s, xmlTextReaderPtr xr,
    g2_problem_fn fn, void *arg);
int g2_schema_stream_end(struct g2_schema *s, xmlTextReaderPtr xr);

#endif
