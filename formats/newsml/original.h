/*
 * newsml/original.h: the original bytes an item carries beside its text,
 * as warta-normalize put them there (the second rendition).
 */
#ifndef WARTA_NEWSML_ORIGINAL_H
#define WARTA_NEWSML_ORIGINAL_H

#include <libxml/tree.h>

#include "base/buf.h"
#include "base/warta.h"

/*
 * The original bytes an item carries: its first inlineData rendition,
 * decoded from base64 when its encoding says so.  Returns 1 and appends
 * them to out; 0 when the item carries none; -1 with err when the base64
 * is broken or memory runs out.  recorded gets the SHA-256 the item gives
 * for them (itemMeta/hash of type SHA-256, hex), or "" when it gives none.
 */
int newsml_original(xmlNodePtr item, struct wbuf *out, char recorded[65],
    struct warta_error *err);

/*
 * The file name suffix for an item's original, from its rendition's
 * content type, so that a librarian's tools open it as what it is:
 * ".html" (text/html), ".xhtml", ".nitf" (application/nitf+xml), ".sgm"
 * (application/sgml), ".txt" for plain text and for whatever else, or no
 * type (as warta wrote every original before it read more than text).
 * Never ".xml": in a bag, a data/ file ending in .xml is an item.
 */
const char *newsml_original_suffix(xmlNodePtr item);

#endif
