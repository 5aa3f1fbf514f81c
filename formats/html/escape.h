/*
 * html/escape.h: text from an item, made safe to write into a page or
 * into the site's data file.
 *
 * Everything the reading room shows comes from items, and an item is
 * untrusted: its headline may hold "<script>", its guid a quote.  Every
 * such string goes through these, so that it can only ever be text.
 */
#ifndef WARTA_HTML_ESCAPE_H
#define WARTA_HTML_ESCAPE_H

#include <stddef.h>

#include "base/buf.h"

/*
 * Appends n bytes of s as HTML text, fit for an element's content and for
 * a quoted attribute value: & < > " ' become character references.  What
 * is not a character of an HTML page (C0 controls other than tab and line
 * breaks, DEL, the C1 controls and the noncharacters, which XML allows) is
 * dropped: the page stays valid.
 */
int html_put_text(struct wbuf *out, const char *s, size_t n);
int html_puts(struct wbuf *out, const char *s);

/*
 * Appends s as a JavaScript string literal that is also valid JSON,
 * quotes included.  < > & are written \u003c \u003e \u0026 (no "</script"
 * or "<!--" can appear), and U+2028 and U+2029 as \u2028 \u2029.
 */
int html_put_js_string(struct wbuf *out, const char *s);

/*
 * The name of a page for s (a person, a place): at most max - 1 bytes of
 * [a-z0-9-], ASCII letters and digits of s lowercased, any other run
 * becoming one '-'; then '-' and 12 hex digits of a hash of s, so that two
 * names are never one page.  max is at least 24.
 */
void html_slug(const char *s, char *out, size_t max);

/* The two hex digits of the folder a name's page goes in (0..255). */
unsigned html_bucket(const char *s);

#endif
