/*
 * meta/meta.h: the metadata that warta-meta sets on NewsML-G2 items, from
 * options, from a sidecar spreadsheet row, and from the text itself.
 *
 * Every value is checked (meta_check) before any item is touched, so that
 * a value that would make an item invalid is refused before anything is
 * written.  Setting a field replaces what the item had; subjects and
 * keywords are added when the item does not have them yet.  What is found
 * in the text is only added where the item lacks it, and is marked as
 * machine-derived with the schema's provenance attributes (why, how,
 * creatoruri, confidence), so a cataloguer's fact can be told from a guess.
 */
#ifndef WARTA_META_H
#define WARTA_META_H

#include <libxml/tree.h>

#include "meta/sidecar.h"
#include "base/warta.h"

/* Who made a machine-derived property. */
#define WARTA_META_AGENT_URI "tag:warta.invalid,2026:warta-meta"

/* One set of changes: a value per field (NULL: leave it).  Subjects and
 * keywords are lists separated by ';'. */
struct meta_change {
	const char *value[SC_NFIELDS];
};

/* A controlled vocabulary of Media Topics (a TSV of qcode and labels). */
struct vocab;
struct vocab *vocab_load(const char *path, struct warta_error *err);
void vocab_free(struct vocab *v);
/* The en-GB (else en-US) label of qcode, or NULL when it is not there. */
const char *vocab_label(const struct vocab *v, const char *qcode);

/* Checks one value for field f; v may be NULL (no vocabulary check). */
int meta_check(enum sidecar_field f, const char *value, const struct vocab *v,
    struct warta_error *err);

/* Applies c to the item whose root element is item. */
int meta_apply(xmlNodePtr item, const struct meta_change *c,
    const struct vocab *v, struct warta_error *err);

/* What meta_find found and added to one item, for the counts. */
struct lexicon;

struct meta_found {
	unsigned long people, orgs, places, subjects, summaries;
};

/*
 * Reads the item's text and adds the people, organizations, places and
 * subjects it names, a summary where it has no description, the word
 * count, and the dates it names by weekday only (resolved against its
 * contentCreated), by what lex knows (made once, article/lexicon.h).
 * found may be NULL.
 */
int meta_find(const struct lexicon *lex, xmlNodePtr item,
    const struct vocab *v, struct meta_found *found, struct warta_error *err);

/*
 * Appends to out, serialized, every part of the item that meta_apply and
 * meta_find can change: the item's attributes, its children but the
 * contentSet, and the attributes of the contentSet's renditions.  Two
 * snapshots that are the same bytes mean the item did not change; taking
 * them costs far less than serializing the whole item twice, since the
 * text and the original are most of an item.  -1 when memory runs out.
 */
struct wbuf;
int meta_snapshot(xmlNodePtr item, struct wbuf *out);

/*
 * Records a change made by agent ("warta-meta 0.1.0") at now: the version
 * goes up by one, versionCreated becomes now, and a hop is added.
 */
int meta_bump_version(xmlNodePtr item, const char *now, const char *agent,
    struct warta_error *err);

#endif
