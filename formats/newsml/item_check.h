/*
 * newsml/item_check.h: every check warta makes on one item, for warta-pack
 * (which packs only items that pass) and warta-verify (which reports).
 *
 * The producer rules and, when given, the schema (newsml/g2_rules.h), and the
 * original bytes the item carries against the SHA-256 it records for them.
 */
#ifndef WARTA_ITEM_CHECK_H
#define WARTA_ITEM_CHECK_H

#include <libxml/tree.h>

#include "base/buf.h"
#include "newsml/g2_rules.h"
#include "base/warta.h"

struct item_check {
	const struct g2_catalog *catalog;	/* NULL: aliases unchecked */
	struct g2_schema *schema;		/* NULL: no schema */
};

/*
 * Checks the item doc.  Each problem goes to fn.  When the item carries
 * its original, its bytes are appended to original (which may be NULL)
 * and *has_original set; recorded (which may be NULL) gets the SHA-256
 * the item records for them, or "".  Returns the number of problems, or
 * -1 when memory ran out (err says so).
 */
int item_check(const struct item_check *c, xmlDocPtr doc, g2_problem_fn fn,
    void *arg, struct wbuf *original, int *has_original, char recorded[65],
    struct warta_error *err);

#endif
