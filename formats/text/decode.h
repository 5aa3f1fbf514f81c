/*
 * text/decode.h: raw article bytes to UTF-8.
 *
 * Detection trusts only what can be proven: a byte order mark, or bytes
 * that are valid UTF-8 (ASCII included).  Anything else is Windows-1252,
 * which maps all 256 bytes and is what old Indonesian and English CMS
 * exports are in; a generic detector calls such text Windows-1250 or
 * IBM852 and garbles it.  Text that is mostly UTF-8 with a few stray
 * single-byte characters ("broken UTF-8") keeps its UTF-8 sequences and
 * reads the stray bytes as Windows-1252.
 */
#ifndef WARTA_TEXT_DECODE_H
#define WARTA_TEXT_DECODE_H

#include <stddef.h>

#include "base/buf.h"
#include "base/utf8.h"	/* utf8_valid(), which callers use with this */
#include "base/warta.h"

enum text_encoding {
	TEXT_AUTO = 0,
	TEXT_UTF8,
	TEXT_UTF8_MIXED,	/* UTF-8 with stray Windows-1252 bytes */
	TEXT_UTF16LE,
	TEXT_UTF16BE,
	TEXT_WINDOWS_1252,
	TEXT_LATIN1,
	TEXT_LATIN9,
	TEXT_UTF16		/* byte order mark decides; LE without one */
};

/* The IANA charset name ("windows-1252"), for the original's content type. */
const char *text_encoding_name(enum text_encoding e);
/* Parses a name a user would type: "utf-8", "cp1252", "latin1", "auto"... */
int text_encoding_from_name(const char *name, enum text_encoding *e);

/*
 * Decodes buf into UTF-8 appended to out, in encoding want (TEXT_AUTO to
 * detect).  A byte order mark is dropped.  *found gets the encoding used.
 * Fails, with the byte offset in err, on an empty input, binary data (a NUL
 * byte, or a run of control bytes no text has), and bytes that are invalid
 * in the requested encoding.
 */
int text_decode(const unsigned char *buf, size_t len, enum text_encoding want,
    struct wbuf *out, enum text_encoding *found, struct warta_error *err);

#endif
