/*
 * text/mojibake.h: repairs text that was UTF-8 but was decoded as a single-byte
 * encoding (Windows-1252, Latin-1, and the other charmaps that mix-ups
 * come from), once or several times: "â€œ" becomes "“", "Ã©" becomes "é".
 * Text that is already right comes out unchanged.
 *
 * The heuristic follows python-ftfy's (Apache-2.0, Robyn Speer): a text is
 * repaired only when it shows sequences that real text almost never has.
 */
#ifndef WARTA_MOJIBAKE_H
#define WARTA_MOJIBAKE_H

#include <stddef.h>

#include "base/buf.h"
#include "base/warta.h"

struct mojibake;

/*
 * Compiles what the repair needs once; reuse it for every text.  One
 * thread's only: it holds the regex match data every call writes into
 * (a match data is per thread in PCRE2), so a program working on several
 * threads makes one a thread.
 */
struct mojibake *mojibake_new(struct warta_error *err);
void mojibake_free(struct mojibake *m);	/* mojibake_free(NULL) is a no-op */

/*
 * Reads valid UTF-8 (s, n) and appends the repaired text (valid UTF-8) to
 * out.  *fixes, when not NULL, is set to the number of repair steps taken
 * (0 when the text was left as it was).  Returns WARTA_FAILED only when
 * memory runs out.
 */
int mojibake_fix(struct mojibake *m, const char *s, size_t n,
    struct wbuf *out, unsigned *fixes);

/*
 * Puts back the last byte of a closing quote that a lossy decoder lost
 * before the text reached us: ” (E2 80 9D) read as Windows-1252, which
 * leaves 9D undefined, shows as "â€" (or "Ã¢â‚¬Â" two layers deep) and
 * then U+FFFD, '?' or nothing.  ftfy can only turn that into U+FFFD (its
 * replace_lossy_sequences), or "†" where a space follows; the byte lost
 * could have been 81, 8D, 8F or 90 as well, but after a word and before
 * a space, punctuation or the end, only ” is at home.  The byte is put
 * back as U+009D, the character a sloppy decoder gives it, so that
 * mojibake_fix then repairs the quote with the text around it.  Appends
 * the text to out; *restored (when not NULL) gets the number of bytes put
 * back.  Returns WARTA_FAILED only when memory runs out.
 */
int mojibake_restore_lost(const char *s, size_t n, struct wbuf *out,
    unsigned *restored);

/* True when the text shows sequences typical of mojibake. */
int mojibake_is_bad(struct mojibake *m, const char *s, size_t n);

#endif
