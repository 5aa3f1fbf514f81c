/*
 * text/clean.h: the repairs of decoded text other than mojibake, each a
 * step of its own so that each can be tested alone.
 *
 * Every step reads valid UTF-8 (s, n) and appends valid UTF-8 to out (which
 * it does not reset).  Each returns WARTA_OK, or WARTA_FAILED when memory
 * runs out.
 */
#ifndef WARTA_TEXT_CLEAN_H
#define WARTA_TEXT_CLEAN_H

#include <stddef.h>

#include "base/buf.h"

/* CRLF, CR, NEL (U+0085), U+2028 to LF; U+2029 to a blank line. */
int text_fix_line_breaks(const char *s, size_t n, struct wbuf *out);
/* Named (&amp; &nbsp; &eacute; ...) and numeric (&#8220; &#x201C;) entities. */
int text_decode_entities(const char *s, size_t n, struct wbuf *out);
/* C1 controls (U+0080..U+009F) to the Windows-1252 characters they stand
 * for; other controls removed, except tab and LF. */
int text_fix_controls(const char *s, size_t n, struct wbuf *out);
/* No-break and other odd spaces to a plain space; zero-width characters,
 * BOMs and soft hyphens removed. */
int text_fix_spaces(const char *s, size_t n, struct wbuf *out);
/* Latin ligatures (U+FB00..U+FB06) expanded: "ﬁ" to "fi". */
int text_expand_ligatures(const char *s, size_t n, struct wbuf *out);
/* Unicode NFC (not NFKC: "10³" must stay "10³"). */
int text_nfc(const char *s, size_t n, struct wbuf *out);

/*
 * All the steps above, in this order: line breaks, entities, controls,
 * spaces, ligatures, NFC (entities before controls and spaces, so that
 * &#150; and &nbsp; get the same treatment as the characters they name).
 */
int text_clean(const char *s, size_t n, struct wbuf *out);

#endif
