/*
 * text/mojibake.c: repairs UTF-8 text that was decoded as a single-byte
 * encoding, once or several times.
 *
 * A port of python-ftfy 6.3 `fix_encoding` (ftfy/__init__.py, ftfy/fixes.py,
 * ftfy/chardata.py, ftfy/badness.py, ftfy/bad_codecs/), Apache-2.0,
 * Copyright 2023 Robyn Speer.  The heuristic (BADNESS_RE), the order in
 * which the encodings are tried, the byte-level repairs (restore_byte_a0,
 * replace_lossy_sequences) and the partial repair of embedded mojibake
 * (decode_inconsistent_utf8) follow ftfy step for step, so that ftfy's test
 * cases hold here too.  The regular expressions are PCRE2, compiled once.
 *
 * Text is kept as UTF-8 throughout: a charmap "encode" turns each code
 * point into one byte, and the UTF-8 "decode" of those bytes is a strict
 * decoder that also accepts CESU-8 surrogate pairs and Java's C0 80 (ftfy's
 * utf-8-variants), so a failed decode means "not this encoding".
 *
 * One step is warta's own, not ftfy's, and separate (mojibake_restore_lost,
 * at the end): where ftfy can only write U+FFFD for the lost last byte of
 * a closing quote, it puts the byte back before the repair.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/utf8.h"
#include "text/mojibake.h"

/* ftfy loops until nothing changes; a bound keeps a pathological input
 * from looping, and real mojibake is rarely more than three layers deep. */
#define MOJIBAKE_MAX_ROUNDS	16
/* decode_inconsistent_utf8 repairs each embedded piece with the whole
 * algorithm; each level works on a strictly shorter piece. */
#define MOJIBAKE_MAX_DEPTH	4

/*
 * The charmaps, in ftfy's CHARMAP_ENCODINGS order.  "Sloppy" Windows code
 * pages map their undefined bytes to the same-numbered C1 code point, and
 * (ftfy's own convention) byte 1A to U+FFFD, so that a lost character still
 * has a byte to stand for.
 */
enum charmap {
	CM_LATIN1,
	CM_SLOPPY_1252,
	CM_SLOPPY_1251,
	CM_SLOPPY_1250,
	CM_SLOPPY_1253,
	CM_SLOPPY_1254,
	CM_SLOPPY_1257,
	CM_ISO8859_2,
	CM_MACROMAN,
	CM_CP437,
	CM_COUNT
};

/*
 * Bytes 80..FF of each charmap (bytes 00..7F are ASCII in all of them),
 * from Python's codecs; Latin-1 is the identity and has no table, and
 * sloppy Windows-1252 is base/utf8.h's cp1252_to_unicode().
 */
static const uint16_t sloppy_1251_high[128] = {
	0x0402, 0x0403, 0x201a, 0x0453, 0x201e, 0x2026, 0x2020, 0x2021,
	0x20ac, 0x2030, 0x0409, 0x2039, 0x040a, 0x040c, 0x040b, 0x040f,
	0x0452, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x0098, 0x2122, 0x0459, 0x203a, 0x045a, 0x045c, 0x045b, 0x045f,
	0x00a0, 0x040e, 0x045e, 0x0408, 0x00a4, 0x0490, 0x00a6, 0x00a7,
	0x0401, 0x00a9, 0x0404, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x0407,
	0x00b0, 0x00b1, 0x0406, 0x0456, 0x0491, 0x00b5, 0x00b6, 0x00b7,
	0x0451, 0x2116, 0x0454, 0x00bb, 0x0458, 0x0405, 0x0455, 0x0457,
	0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
	0x0418, 0x0419, 0x041a, 0x041b, 0x041c, 0x041d, 0x041e, 0x041f,
	0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
	0x0428, 0x0429, 0x042a, 0x042b, 0x042c, 0x042d, 0x042e, 0x042f,
	0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
	0x0438, 0x0439, 0x043a, 0x043b, 0x043c, 0x043d, 0x043e, 0x043f,
	0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
	0x0448, 0x0449, 0x044a, 0x044b, 0x044c, 0x044d, 0x044e, 0x044f,
};
static const uint16_t sloppy_1250_high[128] = {
	0x20ac, 0x0081, 0x201a, 0x0083, 0x201e, 0x2026, 0x2020, 0x2021,
	0x0088, 0x2030, 0x0160, 0x2039, 0x015a, 0x0164, 0x017d, 0x0179,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x0098, 0x2122, 0x0161, 0x203a, 0x015b, 0x0165, 0x017e, 0x017a,
	0x00a0, 0x02c7, 0x02d8, 0x0141, 0x00a4, 0x0104, 0x00a6, 0x00a7,
	0x00a8, 0x00a9, 0x015e, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x017b,
	0x00b0, 0x00b1, 0x02db, 0x0142, 0x00b4, 0x00b5, 0x00b6, 0x00b7,
	0x00b8, 0x0105, 0x015f, 0x00bb, 0x013d, 0x02dd, 0x013e, 0x017c,
	0x0154, 0x00c1, 0x00c2, 0x0102, 0x00c4, 0x0139, 0x0106, 0x00c7,
	0x010c, 0x00c9, 0x0118, 0x00cb, 0x011a, 0x00cd, 0x00ce, 0x010e,
	0x0110, 0x0143, 0x0147, 0x00d3, 0x00d4, 0x0150, 0x00d6, 0x00d7,
	0x0158, 0x016e, 0x00da, 0x0170, 0x00dc, 0x00dd, 0x0162, 0x00df,
	0x0155, 0x00e1, 0x00e2, 0x0103, 0x00e4, 0x013a, 0x0107, 0x00e7,
	0x010d, 0x00e9, 0x0119, 0x00eb, 0x011b, 0x00ed, 0x00ee, 0x010f,
	0x0111, 0x0144, 0x0148, 0x00f3, 0x00f4, 0x0151, 0x00f6, 0x00f7,
	0x0159, 0x016f, 0x00fa, 0x0171, 0x00fc, 0x00fd, 0x0163, 0x02d9,
};
static const uint16_t sloppy_1253_high[128] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x0088, 0x2030, 0x008a, 0x2039, 0x008c, 0x008d, 0x008e, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x0098, 0x2122, 0x009a, 0x203a, 0x009c, 0x009d, 0x009e, 0x009f,
	0x00a0, 0x0385, 0x0386, 0x00a3, 0x00a4, 0x00a5, 0x00a6, 0x00a7,
	0x00a8, 0x00a9, 0x00aa, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x2015,
	0x00b0, 0x00b1, 0x00b2, 0x00b3, 0x0384, 0x00b5, 0x00b6, 0x00b7,
	0x0388, 0x0389, 0x038a, 0x00bb, 0x038c, 0x00bd, 0x038e, 0x038f,
	0x0390, 0x0391, 0x0392, 0x0393, 0x0394, 0x0395, 0x0396, 0x0397,
	0x0398, 0x0399, 0x039a, 0x039b, 0x039c, 0x039d, 0x039e, 0x039f,
	0x03a0, 0x03a1, 0x00d2, 0x03a3, 0x03a4, 0x03a5, 0x03a6, 0x03a7,
	0x03a8, 0x03a9, 0x03aa, 0x03ab, 0x03ac, 0x03ad, 0x03ae, 0x03af,
	0x03b0, 0x03b1, 0x03b2, 0x03b3, 0x03b4, 0x03b5, 0x03b6, 0x03b7,
	0x03b8, 0x03b9, 0x03ba, 0x03bb, 0x03bc, 0x03bd, 0x03be, 0x03bf,
	0x03c0, 0x03c1, 0x03c2, 0x03c3, 0x03c4, 0x03c5, 0x03c6, 0x03c7,
	0x03c8, 0x03c9, 0x03ca, 0x03cb, 0x03cc, 0x03cd, 0x03ce, 0x00ff,
};
static const uint16_t sloppy_1254_high[128] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x008e, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x009e, 0x0178,
	0x00a0, 0x00a1, 0x00a2, 0x00a3, 0x00a4, 0x00a5, 0x00a6, 0x00a7,
	0x00a8, 0x00a9, 0x00aa, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x00af,
	0x00b0, 0x00b1, 0x00b2, 0x00b3, 0x00b4, 0x00b5, 0x00b6, 0x00b7,
	0x00b8, 0x00b9, 0x00ba, 0x00bb, 0x00bc, 0x00bd, 0x00be, 0x00bf,
	0x00c0, 0x00c1, 0x00c2, 0x00c3, 0x00c4, 0x00c5, 0x00c6, 0x00c7,
	0x00c8, 0x00c9, 0x00ca, 0x00cb, 0x00cc, 0x00cd, 0x00ce, 0x00cf,
	0x011e, 0x00d1, 0x00d2, 0x00d3, 0x00d4, 0x00d5, 0x00d6, 0x00d7,
	0x00d8, 0x00d9, 0x00da, 0x00db, 0x00dc, 0x0130, 0x015e, 0x00df,
	0x00e0, 0x00e1, 0x00e2, 0x00e3, 0x00e4, 0x00e5, 0x00e6, 0x00e7,
	0x00e8, 0x00e9, 0x00ea, 0x00eb, 0x00ec, 0x00ed, 0x00ee, 0x00ef,
	0x011f, 0x00f1, 0x00f2, 0x00f3, 0x00f4, 0x00f5, 0x00f6, 0x00f7,
	0x00f8, 0x00f9, 0x00fa, 0x00fb, 0x00fc, 0x0131, 0x015f, 0x00ff,
};
static const uint16_t sloppy_1257_high[128] = {
	0x20ac, 0x0081, 0x201a, 0x0083, 0x201e, 0x2026, 0x2020, 0x2021,
	0x0088, 0x2030, 0x008a, 0x2039, 0x008c, 0x00a8, 0x02c7, 0x00b8,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x0098, 0x2122, 0x009a, 0x203a, 0x009c, 0x00af, 0x02db, 0x009f,
	0x00a0, 0x00a1, 0x00a2, 0x00a3, 0x00a4, 0x00a5, 0x00a6, 0x00a7,
	0x00d8, 0x00a9, 0x0156, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x00c6,
	0x00b0, 0x00b1, 0x00b2, 0x00b3, 0x00b4, 0x00b5, 0x00b6, 0x00b7,
	0x00f8, 0x00b9, 0x0157, 0x00bb, 0x00bc, 0x00bd, 0x00be, 0x00e6,
	0x0104, 0x012e, 0x0100, 0x0106, 0x00c4, 0x00c5, 0x0118, 0x0112,
	0x010c, 0x00c9, 0x0179, 0x0116, 0x0122, 0x0136, 0x012a, 0x013b,
	0x0160, 0x0143, 0x0145, 0x00d3, 0x014c, 0x00d5, 0x00d6, 0x00d7,
	0x0172, 0x0141, 0x015a, 0x016a, 0x00dc, 0x017b, 0x017d, 0x00df,
	0x0105, 0x012f, 0x0101, 0x0107, 0x00e4, 0x00e5, 0x0119, 0x0113,
	0x010d, 0x00e9, 0x017a, 0x0117, 0x0123, 0x0137, 0x012b, 0x013c,
	0x0161, 0x0144, 0x0146, 0x00f3, 0x014d, 0x00f5, 0x00f6, 0x00f7,
	0x0173, 0x0142, 0x015b, 0x016b, 0x00fc, 0x017c, 0x017e, 0x02d9,
};
static const uint16_t iso8859_2_high[128] = {
	0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087,
	0x0088, 0x0089, 0x008a, 0x008b, 0x008c, 0x008d, 0x008e, 0x008f,
	0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097,
	0x0098, 0x0099, 0x009a, 0x009b, 0x009c, 0x009d, 0x009e, 0x009f,
	0x00a0, 0x0104, 0x02d8, 0x0141, 0x00a4, 0x013d, 0x015a, 0x00a7,
	0x00a8, 0x0160, 0x015e, 0x0164, 0x0179, 0x00ad, 0x017d, 0x017b,
	0x00b0, 0x0105, 0x02db, 0x0142, 0x00b4, 0x013e, 0x015b, 0x02c7,
	0x00b8, 0x0161, 0x015f, 0x0165, 0x017a, 0x02dd, 0x017e, 0x017c,
	0x0154, 0x00c1, 0x00c2, 0x0102, 0x00c4, 0x0139, 0x0106, 0x00c7,
	0x010c, 0x00c9, 0x0118, 0x00cb, 0x011a, 0x00cd, 0x00ce, 0x010e,
	0x0110, 0x0143, 0x0147, 0x00d3, 0x00d4, 0x0150, 0x00d6, 0x00d7,
	0x0158, 0x016e, 0x00da, 0x0170, 0x00dc, 0x00dd, 0x0162, 0x00df,
	0x0155, 0x00e1, 0x00e2, 0x0103, 0x00e4, 0x013a, 0x0107, 0x00e7,
	0x010d, 0x00e9, 0x0119, 0x00eb, 0x011b, 0x00ed, 0x00ee, 0x010f,
	0x0111, 0x0144, 0x0148, 0x00f3, 0x00f4, 0x0151, 0x00f6, 0x00f7,
	0x0159, 0x016f, 0x00fa, 0x0171, 0x00fc, 0x00fd, 0x0163, 0x02d9,
};
static const uint16_t macroman_high[128] = {
	0x00c4, 0x00c5, 0x00c7, 0x00c9, 0x00d1, 0x00d6, 0x00dc, 0x00e1,
	0x00e0, 0x00e2, 0x00e4, 0x00e3, 0x00e5, 0x00e7, 0x00e9, 0x00e8,
	0x00ea, 0x00eb, 0x00ed, 0x00ec, 0x00ee, 0x00ef, 0x00f1, 0x00f3,
	0x00f2, 0x00f4, 0x00f6, 0x00f5, 0x00fa, 0x00f9, 0x00fb, 0x00fc,
	0x2020, 0x00b0, 0x00a2, 0x00a3, 0x00a7, 0x2022, 0x00b6, 0x00df,
	0x00ae, 0x00a9, 0x2122, 0x00b4, 0x00a8, 0x2260, 0x00c6, 0x00d8,
	0x221e, 0x00b1, 0x2264, 0x2265, 0x00a5, 0x00b5, 0x2202, 0x2211,
	0x220f, 0x03c0, 0x222b, 0x00aa, 0x00ba, 0x03a9, 0x00e6, 0x00f8,
	0x00bf, 0x00a1, 0x00ac, 0x221a, 0x0192, 0x2248, 0x2206, 0x00ab,
	0x00bb, 0x2026, 0x00a0, 0x00c0, 0x00c3, 0x00d5, 0x0152, 0x0153,
	0x2013, 0x2014, 0x201c, 0x201d, 0x2018, 0x2019, 0x00f7, 0x25ca,
	0x00ff, 0x0178, 0x2044, 0x20ac, 0x2039, 0x203a, 0xfb01, 0xfb02,
	0x2021, 0x00b7, 0x201a, 0x201e, 0x2030, 0x00c2, 0x00ca, 0x00c1,
	0x00cb, 0x00c8, 0x00cd, 0x00ce, 0x00cf, 0x00cc, 0x00d3, 0x00d4,
	0xf8ff, 0x00d2, 0x00da, 0x00db, 0x00d9, 0x0131, 0x02c6, 0x02dc,
	0x00af, 0x02d8, 0x02d9, 0x02da, 0x00b8, 0x02dd, 0x02db, 0x02c7,
};
static const uint16_t cp437_high[128] = {
	0x00c7, 0x00fc, 0x00e9, 0x00e2, 0x00e4, 0x00e0, 0x00e5, 0x00e7,
	0x00ea, 0x00eb, 0x00e8, 0x00ef, 0x00ee, 0x00ec, 0x00c4, 0x00c5,
	0x00c9, 0x00e6, 0x00c6, 0x00f4, 0x00f6, 0x00f2, 0x00fb, 0x00f9,
	0x00ff, 0x00d6, 0x00dc, 0x00a2, 0x00a3, 0x00a5, 0x20a7, 0x0192,
	0x00e1, 0x00ed, 0x00f3, 0x00fa, 0x00f1, 0x00d1, 0x00aa, 0x00ba,
	0x00bf, 0x2310, 0x00ac, 0x00bd, 0x00bc, 0x00a1, 0x00ab, 0x00bb,
	0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556,
	0x2555, 0x2563, 0x2551, 0x2557, 0x255d, 0x255c, 0x255b, 0x2510,
	0x2514, 0x2534, 0x252c, 0x251c, 0x2500, 0x253c, 0x255e, 0x255f,
	0x255a, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256c, 0x2567,
	0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256b,
	0x256a, 0x2518, 0x250c, 0x2588, 0x2584, 0x258c, 0x2590, 0x2580,
	0x03b1, 0x00df, 0x0393, 0x03c0, 0x03a3, 0x03c3, 0x00b5, 0x03c4,
	0x03a6, 0x0398, 0x03a9, 0x03b4, 0x221e, 0x03c6, 0x03b5, 0x2229,
	0x2261, 0x00b1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00f7, 0x2248,
	0x00b0, 0x2219, 0x00b7, 0x221a, 0x207f, 0x00b2, 0x25a0, 0x00a0,
};

struct charmap_info {
	const uint16_t *high;	/* NULL: Latin-1, or Windows-1252 */
	int sloppy;
};

static const struct charmap_info charmaps[CM_COUNT] = {
	[CM_LATIN1] = { NULL, 0 },
	[CM_SLOPPY_1252] = { NULL, 1 },
	[CM_SLOPPY_1251] = { sloppy_1251_high, 1 },
	[CM_SLOPPY_1250] = { sloppy_1250_high, 1 },
	[CM_SLOPPY_1253] = { sloppy_1253_high, 1 },
	[CM_SLOPPY_1254] = { sloppy_1254_high, 1 },
	[CM_SLOPPY_1257] = { sloppy_1257_high, 1 },
	[CM_ISO8859_2] = { iso8859_2_high, 0 },
	[CM_MACROMAN] = { macroman_high, 0 },
	[CM_CP437] = { cp437_high, 0 },
};

/*
 * Character categories of ftfy's badness.py (MOJIBAKE_CATEGORIES), as
 * PCRE2 class contents.
 */
/* characters that appear in many contexts */
#define K_COMMON \
	"\\x{a0}\\x{ad}\\x{b4}\\x{b7}\\x{2013}-\\x{2015}\\x{2019}" \
	"\\x{2026}"

/* C1 controls: nothing but mojibake uses them anymore */
#define K_C1 \
	"\\x{80}-\\x{9f}"

/* nearly always mojibake */
#define K_BAD \
	"\\x{a4}\\x{a6}\\x{a8}\\x{aa}\\x{ac}\\x{af}\\x{b8}\\x{ba}\\x{192}" \
	"\\x{2c6}\\x{2c7}\\x{2d8}\\x{2db}\\x{2dc}\\x{2020}\\x{2021}" \
	"\\x{2030}\\x{2310}\\x{25ca}\\x{fffd}"

/* legalese: pilcrow, section sign */
#define K_LAW \
	"\\x{a7}\\x{b6}"

#define K_CURRENCY \
	"\\x{a2}\\x{a3}\\x{a5}\\x{20a7}\\x{20ac}"

#define K_START_PUNCTUATION \
	"\\x{a1}\\x{a9}\\x{ab}\\x{bf}\\x{384}\\x{385}\\x{2018}\\x{201a}" \
	"\\x{201c}\\x{201e}\\x{2022}\\x{2039}\\x{f8ff}"

#define K_END_PUNCTUATION \
	"\\x{ae}\\x{bb}\\x{2dd}\\x{201d}\\x{203a}\\x{2122}"

#define K_NUMERIC \
	"\\x{b1}-\\x{b3}\\x{b5}\\x{b9}\\x{bc}-\\x{be}\\x{d7}\\x{f7}" \
	"\\x{2044}\\x{2116}\\x{2202}\\x{2206}\\x{220f}\\x{2211}\\x{221a}" \
	"\\x{221e}\\x{2229}\\x{222b}\\x{2248}\\x{2260}\\x{2261}\\x{2264}" \
	"\\x{2265}"

/* letters that emoticon faces use, so allowed in odd places */
#define K_KAOMOJI \
	"\\x{b0}\\x{d2}-\\x{d6}\\x{d9}-\\x{dc}\\x{f2}-\\x{f6}\\x{f8}-" \
	"\\x{fc}\\x{14c}\\x{150}\\x{16a}\\x{172}"

#define K_UPPER_ACCENTED \
	"\\x{c0}-\\x{d1}\\x{d8}\\x{dc}\\x{dd}\\x{100}\\x{102}\\x{104}" \
	"\\x{106}\\x{10c}\\x{10e}\\x{110}\\x{112}\\x{116}\\x{118}\\x{11a}" \
	"\\x{11e}\\x{122}\\x{12a}\\x{130}\\x{136}\\x{139}\\x{13b}\\x{13d}" \
	"\\x{141}\\x{143}\\x{145}\\x{147}\\x{152}\\x{158}\\x{15a}\\x{15e}" \
	"\\x{160}\\x{162}\\x{164}\\x{16e}\\x{170}\\x{178}\\x{179}\\x{17b}" \
	"\\x{17d}\\x{490}"

#define K_LOWER_ACCENTED \
	"\\x{df}-\\x{f1}\\x{fc}\\x{101}\\x{103}\\x{105}\\x{107}\\x{10d}" \
	"\\x{10f}\\x{111}\\x{113}\\x{117}\\x{119}\\x{11b}\\x{11f}\\x{123}" \
	"\\x{12b}\\x{12f}\\x{137}\\x{13a}\\x{13c}\\x{13e}\\x{142}\\x{153}" \
	"\\x{155}\\x{15b}\\x{15f}\\x{161}\\x{165}\\x{17a}\\x{17c}\\x{17e}" \
	"\\x{491}\\x{fb01}\\x{fb02}"

/* Greek and Cyrillic capitals, thorn */
#define K_UPPER_COMMON \
	"\\x{de}\\x{386}\\x{388}-\\x{38a}\\x{38c}\\x{38e}\\x{38f}" \
	"\\x{391}-\\x{3ab}\\x{401}-\\x{42f}"

/* Greek and Cyrillic small letters */
#define K_LOWER_COMMON \
	"\\x{3ac}-\\x{3c9}\\x{430}-\\x{45f}"

/* box drawing (no single horizontal line: kaomoji use it) */
#define K_BOX \
	"\\x{2502}\\x{250c}\\x{2510}\\x{2518}\\x{251c}\\x{2524}\\x{252c}" \
	"\\x{253c}\\x{2550}-\\x{256c}\\x{2580}\\x{2584}\\x{2588}\\x{258c}" \
	"\\x{2590}-\\x{2593}"

/*
 * ftfy chardata.py UTF8_CLUES: the characters that the bytes of a UTF-8
 * sequence become in latin-1 and windows-1250..1254, 1257.
 */
/* what bytes C2..DF decode to in the Latin-like code pages */
#define K_UTF8_FIRST_OF_2 \
	"\\x{c2}-\\x{df}\\x{100}\\x{102}\\x{106}\\x{10c}\\x{10e}\\x{110}" \
	"\\x{112}\\x{116}\\x{118}\\x{11a}\\x{11e}\\x{122}\\x{12a}\\x{130}" \
	"\\x{136}\\x{139}\\x{13b}\\x{141}\\x{143}\\x{145}\\x{147}\\x{14c}" \
	"\\x{150}\\x{158}\\x{15a}\\x{15e}\\x{160}\\x{162}\\x{16a}\\x{16e}" \
	"\\x{170}\\x{172}\\x{179}\\x{17b}\\x{17d}\\x{392}-\\x{3a1}" \
	"\\x{3a3}-\\x{3af}\\x{412}-\\x{42f}"

/* the same for bytes E0..EF */
#define K_UTF8_FIRST_OF_3 \
	"\\x{e0}-\\x{ef}\\x{101}\\x{103}\\x{105}\\x{107}\\x{10d}\\x{10f}" \
	"\\x{113}\\x{117}\\x{119}\\x{11b}\\x{123}\\x{12b}\\x{12f}\\x{137}" \
	"\\x{13a}\\x{13c}\\x{155}\\x{17a}\\x{3b0}-\\x{3bf}\\x{430}-" \
	"\\x{43f}"

/* the same for bytes F0 and F3 */
#define K_UTF8_FIRST_OF_4 \
	"\\x{f0}\\x{f3}\\x{111}\\x{11f}\\x{161}\\x{3c0}\\x{3c3}\\x{440}" \
	"\\x{443}"

/* the same for bytes 80..BF, and a space standing for A0 */
#define K_UTF8_CONTINUATION \
	" \\x{80}-\\x{bf}\\x{c6}\\x{d8}\\x{e6}\\x{f8}\\x{104}\\x{105}" \
	"\\x{13d}\\x{13e}\\x{141}\\x{142}\\x{152}\\x{153}\\x{156}\\x{157}" \
	"\\x{15a}\\x{15b}\\x{15e}-\\x{161}\\x{164}\\x{165}\\x{178}-" \
	"\\x{17e}\\x{192}\\x{2c6}\\x{2c7}\\x{2d8}\\x{2db}-\\x{2dd}" \
	"\\x{384}-\\x{386}\\x{388}-\\x{38a}\\x{38c}\\x{38e}\\x{38f}" \
	"\\x{401}-\\x{40c}\\x{40e}\\x{40f}\\x{451}-\\x{45c}\\x{45e}" \
	"\\x{45f}\\x{490}\\x{491}\\x{2013}-\\x{2015}\\x{2018}-\\x{201a}" \
	"\\x{201c}-\\x{201e}\\x{2020}-\\x{2022}\\x{2026}\\x{2030}" \
	"\\x{2039}\\x{203a}\\x{20ac}\\x{2116}\\x{2122}"

/* continuation bytes that do not usually stand for themselves
 * next to mojibake (no spaces, dashes, quotes, bullet, ellipsis) */
#define K_UTF8_CONTINUATION_STRICT \
	"\\x{80}-\\x{bf}\\x{c6}\\x{d8}\\x{e6}\\x{f8}\\x{104}\\x{105}" \
	"\\x{13d}\\x{13e}\\x{141}\\x{142}\\x{152}\\x{153}\\x{156}\\x{157}" \
	"\\x{15a}\\x{15b}\\x{15e}-\\x{161}\\x{164}\\x{165}\\x{178}-" \
	"\\x{17e}\\x{192}\\x{2c6}\\x{2c7}\\x{2d8}\\x{2db}-\\x{2dd}" \
	"\\x{384}-\\x{386}\\x{388}-\\x{38a}\\x{38c}\\x{38e}\\x{38f}" \
	"\\x{401}-\\x{40c}\\x{40e}\\x{40f}\\x{451}-\\x{45c}\\x{45e}" \
	"\\x{45f}\\x{490}\\x{491}\\x{2020}\\x{2021}\\x{2030}\\x{2039}" \
	"\\x{203a}\\x{20ac}\\x{2116}\\x{2122}"

/* Python's \s and \w on str, which BADNESS_RE was written against. */
#define PY_SPACE \
	"[\\t-\\r\\x{1c}-\\x{20}\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}" \
	"\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}]"
#define PY_WORD "[\\p{L}\\p{N}\\p{Pc}]"

/*
 * ftfy's BADNESS_RE, alternative for alternative: unlikely juxtapositions
 * of the categories above, and sequences typical of particular mix-ups.
 * Every alternative holds a non-ASCII character within its first three,
 * which text_is_bad() relies on to skip leading ASCII.
 *
 * The alternatives come in two patterns, matched one after the other:
 * those that open with a non-ASCII character (or ^ and one), here, and
 * those that may open with an ASCII one, in badness_ascii_alternatives.
 * PCRE2 skips the ASCII of a text fast only for a pattern none of whose
 * matches can start there, and the first pattern is most of them.
 *
 * Only five alternatives match with no second non-ASCII character: the
 * C1 controls, the two with [ÂÃ] and a space, Â before punctuation, and
 * the ligature œ; text_is_bad() relies on lone_suspect() naming their
 * characters.  A new alternative that needs one non-ASCII character only
 * must add its characters there.
 */
static const char *const badness_alternatives[] = {
	"[" K_C1 "]",
	"[" K_BAD K_LOWER_ACCENTED K_UPPER_ACCENTED K_BOX K_START_PUNCTUATION
	    K_END_PUNCTUATION K_CURRENCY K_NUMERIC K_LAW "][" K_BAD "]",
	"[" K_BAD "][" K_LOWER_ACCENTED K_UPPER_ACCENTED K_BOX
	    K_START_PUNCTUATION K_END_PUNCTUATION K_CURRENCY K_NUMERIC K_LAW "]",
	"[" K_LOWER_ACCENTED K_LOWER_COMMON K_BOX K_END_PUNCTUATION K_CURRENCY
	    K_NUMERIC "][" K_UPPER_ACCENTED "]",
	"[" K_BOX K_END_PUNCTUATION K_CURRENCY K_NUMERIC "]["
	    K_LOWER_ACCENTED "]",
	"[" K_LOWER_ACCENTED K_BOX K_END_PUNCTUATION "][" K_CURRENCY "]",
	"[" K_UPPER_ACCENTED K_BOX "][" K_NUMERIC K_LAW "]",
	"[" K_LOWER_ACCENTED K_UPPER_ACCENTED K_BOX K_CURRENCY
	    K_END_PUNCTUATION "][" K_START_PUNCTUATION "][" K_NUMERIC "]",
	"[" K_LOWER_ACCENTED K_UPPER_ACCENTED K_CURRENCY K_NUMERIC K_BOX
	    K_LAW "][" K_END_PUNCTUATION "][" K_START_PUNCTUATION "]",
	"[" K_CURRENCY K_NUMERIC K_BOX "][" K_START_PUNCTUATION "]",
	"[" K_BOX "][" K_KAOMOJI "]",
	"[" K_LOWER_ACCENTED K_UPPER_ACCENTED K_CURRENCY K_NUMERIC
	    K_START_PUNCTUATION K_END_PUNCTUATION K_LAW "][" K_BOX "]",
	"[" K_BOX "][" K_END_PUNCTUATION "]",
	"[" K_LOWER_ACCENTED K_UPPER_ACCENTED "][" K_START_PUNCTUATION
	    K_END_PUNCTUATION "]" PY_WORD,
	/* the ligature œ when not followed by an unaccented Latin letter */
	"[\\x{152}\\x{153}][^A-Za-z]",
	/* degree signs after capital letters */
	"[" K_UPPER_ACCENTED "]\\x{b0}",
	/* [ÂÃÎÐ][€œŠš¢£Ÿž\xa0\xad®©°·»{start}{end}–—´]: common Windows-1252
	 * two-character mojibake */
	"[\\x{c2}\\x{c3}\\x{ce}\\x{d0}][\\x{20ac}\\x{153}\\x{160}\\x{161}"
	    "\\x{a2}\\x{a3}\\x{178}\\x{17e}\\x{a0}\\x{ad}\\x{ae}\\x{a9}\\x{b0}"
	    "\\x{b7}\\x{bb}" K_START_PUNCTUATION K_END_PUNCTUATION
	    "\\x{2013}\\x{2014}\\x{b4}]",
	/* × [²³] */
	"\\x{d7}[\\x{b2}\\x{b3}]",
	/* Windows-1252 mojibake of Arabic: four characters, [ØÙ][...] twice */
	"[\\x{d8}\\x{d9}][" K_COMMON K_CURRENCY K_BAD K_NUMERIC
	    K_START_PUNCTUATION "\\x{178}\\x{160}\\x{ae}\\x{b0}\\x{b5}\\x{bb}]"
	    "[\\x{d8}\\x{d9}][" K_COMMON K_CURRENCY K_BAD K_NUMERIC
	    K_START_PUNCTUATION "\\x{178}\\x{160}\\x{ae}\\x{b0}\\x{b5}\\x{bb}]",
	/* à[²µ¹¼½¾]: starts of three-byte South Asian letters */
	"\\x{e0}[\\x{b2}\\x{b5}\\x{b9}\\x{bc}\\x{bd}\\x{be}]",
	/* MacRoman: √[±∂†≠®™´≤≥¥µø] ≈[°¢] ‚Ä[ìîïòôúùû†°¢π] ‚[âó][àä°ê] */
	"\\x{221a}[\\x{b1}\\x{2202}\\x{2020}\\x{2260}\\x{ae}\\x{2122}\\x{b4}"
	    "\\x{2264}\\x{2265}\\x{a5}\\x{b5}\\x{f8}]",
	"\\x{2248}[\\x{b0}\\x{a2}]",
	"\\x{201a}\\x{c4}[\\x{ec}\\x{ee}\\x{ef}\\x{f2}\\x{f4}\\x{fa}\\x{f9}"
	    "\\x{fb}\\x{2020}\\x{b0}\\x{a2}\\x{3c0}]",
	"\\x{201a}[\\x{e2}\\x{f3}][\\x{e0}\\x{e4}\\x{b0}\\x{ea}]",
	/* Windows-1251: вЂ, [ВГРС][...][ВГРС], ГўВЂВ.[A-Za-z ] */
	"\\x{432}\\x{402}",
	"[\\x{412}\\x{413}\\x{420}\\x{421}][" K_C1 K_BAD K_START_PUNCTUATION
	    K_END_PUNCTUATION K_CURRENCY "\\x{b0}\\x{b5}]"
	    "[\\x{412}\\x{413}\\x{420}\\x{421}]",
	"\\x{413}\\x{45e}\\x{412}\\x{402}\\x{412}[^\\n][A-Za-z ]",
	/* Windows-1252 of à, á and A0 itself: Ã[\xa0¡], [a-z]\s?[ÃÂ][ ]
	 * (in badness_ascii_alternatives), ^[ÃÂ][ ] */
	"\\x{c3}[\\x{a0}\\x{a1}]",
	"^[\\x{c2}\\x{c3}] ",
	/* Windows-1253: β€[™\xa0Ά\xad®°], [ΒΓΞΟ][...][ΒΓΞΟ] */
	"\\x{3b2}\\x{20ac}[\\x{2122}\\x{a0}\\x{386}\\x{ad}\\x{ae}\\x{b0}]",
	"[\\x{392}\\x{393}\\x{39e}\\x{39f}][" K_C1 K_BAD K_START_PUNCTUATION
	    K_END_PUNCTUATION K_CURRENCY "\\x{b0}][\\x{392}\\x{393}\\x{39e}"
	    "\\x{39f}]",
	/* Windows-1257: ā€ */
	"\\x{101}\\x{20ac}",
	NULL
};

/* The rest of BADNESS_RE: the alternatives that may open with ASCII. */
static const char *const badness_ascii_alternatives[] = {
	"[a-zA-Z][" K_LOWER_COMMON K_UPPER_COMMON "][" K_BAD "]",
	PY_SPACE "[" K_UPPER_ACCENTED "][" K_CURRENCY "]",
	"[a-z][" K_UPPER_ACCENTED "][" K_START_PUNCTUATION K_CURRENCY "]",
	/* Windows-1252 of à and A0 (with two in badness_alternatives) */
	"[a-z]" PY_SPACE "?[\\x{c2}\\x{c3}] ",
	/* Â standing before the very character it encodes */
	"[a-z.,?!" K_END_PUNCTUATION "]\\x{c2}[ " K_START_PUNCTUATION
	    K_END_PUNCTUATION "]",
	NULL
};

/*
 * ftfy's UTF8_DETECTOR_RE, DETECTOR_BEFORE (alternatives) DETECTOR_AFTER:
 * runs of characters that look like the bytes of
 * UTF-8 sequences, not preceded by one more continuation-looking character
 * (so that a few characters of a big garble are not "fixed" alone).
 */
static const char *const detector_alternatives[] = {
	"[" K_UTF8_FIRST_OF_2 "][" K_UTF8_CONTINUATION "]",
	"[" K_UTF8_FIRST_OF_3 "][" K_UTF8_CONTINUATION "]{2}",
	"[" K_UTF8_FIRST_OF_4 "][" K_UTF8_CONTINUATION "]{3}",
	NULL
};
#define DETECTOR_BEFORE "(?<![" K_UTF8_CONTINUATION_STRICT "])(?:"
#define DETECTOR_AFTER ")+"

struct rev_entry {
	uint16_t cp;
	uint8_t byte;
};

struct mojibake {
	pcre2_code *badness;		/* opening with non-ASCII */
	pcre2_code *badness_ascii;	/* the rest */
	pcre2_code *detector;
	pcre2_match_data *md;
	/* code point -> byte for bytes 80..FF, sorted by code point */
	struct rev_entry rev[CM_COUNT][128];
};

#define IS_CONT(c)	((c) >= 0x80 && (c) <= 0xbf)

/* Copies s into out with each maximal invalid subpart as U+FFFD. */
static int
utf8_sanitize(const unsigned char *s, size_t n, struct wbuf *out)
{
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		len = utf8_decode(s + i, n - i, &cp);
		if (cp == UTF8_INVALID) {
			if (wbuf_put_utf8(out, 0xfffd) != WARTA_OK)
				return WARTA_FAILED;
		} else if (wbuf_append(out, s + i, len) != WARTA_OK)
			return WARTA_FAILED;
		i += len;
	}
	return WARTA_OK;
}

static int
same_text(const struct wbuf *b, const unsigned char *s, size_t n)
{
	return b->len == n && (n == 0 || memcmp(b->data, s, n) == 0);
}

static void
wbuf_swap(struct wbuf *a, struct wbuf *b)
{
	struct wbuf t = *a;

	*a = *b;
	*b = t;
}

/* Bytes of the UTF-8 sequence that starts with lead byte c (valid text). */
static size_t
utf8_seq_len(unsigned c)
{
	return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/*
 * ASCII gap that ends a cluster of non-ASCII characters in text_is_bad():
 * more than the six characters a match can run on past its start.
 */
#define CLUSTER_GAP	8

/*
 * The characters at p (valid UTF-8, not ASCII) that an alternative of
 * BADNESS_RE flags with no other non-ASCII character near: the C1
 * controls (C2 80..9F), Â and Ã (C3 82, C3 83) and Œ, œ (C5 92, C5 93).
 */
static int
lone_suspect(const unsigned char *p)
{
	return (p[0] == 0xC2 && p[1] <= 0x9F) ||
	    (p[0] == 0xC3 && (p[1] == 0x82 || p[1] == 0x83)) ||
	    (p[0] == 0xC5 && (p[1] == 0x92 || p[1] == 0x93));
}

/*
 * True when BADNESS_RE matches somewhere in s (valid UTF-8).  Every
 * alternative has a non-ASCII character among its first three and is at
 * most seven characters long, so a match starts at most two characters
 * before a non-ASCII one and ends within CLUSTER_GAP bytes after the last
 * of its cluster.  Only those stretches go to PCRE2; the long ASCII runs of
 * a news text are skipped eight bytes at a time.
 */
static int
text_is_bad(struct mojibake *m, const unsigned char *s, size_t n)
{
	size_t i = 0, from, last_end, next, end;

	for (;;) {
		i += utf8_ascii_prefix(s + i, n - i);
		if (i >= n)
			return 0;
		/* i is 0 or follows more than CLUSTER_GAP ASCII bytes */
		from = i >= 2 ? i - 2 : 0;
		last_end = i + utf8_seq_len(s[i]);
		while (last_end < n) {
			next = last_end + utf8_ascii_prefix(s + last_end, n - last_end);
			if (next >= n || next - last_end > CLUSTER_GAP)
				break;
			last_end = next + utf8_seq_len(s[next]);
		}
		if (last_end > n)
			last_end = n;
		/* most clusters of a news text are one quotation mark or
		 * dash, which no alternative flags alone */
		if (last_end == i + utf8_seq_len(s[i]) && !lone_suspect(s + i)) {
			i = last_end;
			continue;
		}
		end = n - last_end > CLUSTER_GAP ? last_end + CLUSTER_GAP : n;
		/* A shorter subject hides nothing: the pattern has no
		 * lookahead and no $, so a match in s[0, end) is one in s. */
		/* the first pattern can only start at a non-ASCII character,
		 * the first of which is s[i] */
		if (pcre2_match(m->badness, s, end, i, PCRE2_NO_UTF_CHECK,
		    m->md, NULL) >= 0 ||
		    pcre2_match(m->badness_ascii, s, end, from,
		    PCRE2_NO_UTF_CHECK, m->md, NULL) >= 0)
			return 1;
		i = last_end;
	}
}

/* The byte cp encodes to in charmap cm, or -1 when it has none. */
static int
charmap_byte(const struct mojibake *m, enum charmap cm, uint32_t cp)
{
	const struct rev_entry *r = m->rev[cm];
	size_t lo = 0, hi = 128, mid;

	if (cp < 0x80)
		/* the sloppy codecs give byte 1A to U+FFFD instead */
		return cp == 0x1a && charmaps[cm].sloppy ? -1 : (int)cp;
	if (cp == 0xfffd && charmaps[cm].sloppy)
		return 0x1a;
	if (cm == CM_LATIN1)
		return cp < 0x100 ? (int)cp : -1;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (r[mid].cp == cp)
			return r[mid].byte;
		if (r[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/*
 * Encodes the text s in charmap cm into out (reset first).  Returns 1, or
 * 0 when some character is not in the charmap, or -1 when memory runs out.
 */
static int
charmap_encode(const struct mojibake *m, enum charmap cm,
    const unsigned char *s, size_t n, struct wbuf *out)
{
	unsigned char *p;
	size_t i = 0, run;
	uint32_t cp;
	int byte;

	wbuf_reset(out);
	if (wbuf_reserve(out, n) != WARTA_OK)
		return -1;
	p = (unsigned char *)out->data;
	while (i < n) {
		run = utf8_ascii_prefix(s + i, n - i);
		if (run > 0) {
			if (charmaps[cm].sloppy && memchr(s + i, 0x1a, run))
				return 0;
			memcpy(p, s + i, run);
			p += run;
			i += run;
			continue;
		}
		i += utf8_decode(s + i, n - i, &cp);
		if ((byte = charmap_byte(m, cm, cp)) < 0)
			return 0;
		*p++ = (unsigned char)byte;
	}
	out->len = (size_t)(p - (unsigned char *)out->data);
	out->data[out->len] = '\0';
	return 1;
}

/* ALTERED_UTF8_RE at b[i]: UTF-8 whose A0 byte became a space. */
static size_t
altered_utf8_at(const unsigned char *b, size_t n, size_t i)
{
	size_t left = n - i;
	unsigned c = b[i];

#define CONT_NOT_85_A0(x) (IS_CONT(x) && (x) != 0x85 && (x) != 0xa0)
	if ((c == 0xc2 || c == 0xc3 || c == 0xc5 || c == 0xce ||
	    c == 0xd0 || c == 0xd9) && left >= 2 && b[i + 1] == ' ')
		return 2;
	if ((c == 0xe2 || c == 0xe3) && left >= 3 && b[i + 1] == ' ' &&
	    CONT_NOT_85_A0(b[i + 2]))
		return 3;
	if (c >= 0xe0 && c <= 0xe3 && left >= 3 &&
	    CONT_NOT_85_A0(b[i + 1]) && b[i + 2] == ' ')
		return 3;
#undef CONT_NOT_85_A0
	if (c == 0xf0 && left >= 4) {
		unsigned b1 = b[i + 1], b2 = b[i + 2], b3 = b[i + 3];

		if ((b1 == ' ' && IS_CONT(b2) && IS_CONT(b3)) ||
		    (IS_CONT(b1) && b2 == ' ' && IS_CONT(b3)) ||
		    (IS_CONT(b1) && IS_CONT(b2) && b3 == ' '))
			return 4;
	}
	return 0;
}

static int
has_altered_utf8(const unsigned char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (b[i] >= 0xc2 && altered_utf8_at(b, n, i))
			return 1;
	return 0;
}

/*
 * A_GRAVE_WORD_RE's exception: "Ã " before these stays a word of its own
 * only when not the Portuguese contractions às, àquele, àquela, àquilo.
 */
static int
a_grave_is_word(const unsigned char *rest, size_t n)
{
	static const char *const not_words[] = {
		" ", "quele", "quela", "quilo", "s "
	};
	size_t k, len;

	for (k = 0; k < sizeof(not_words) / sizeof(not_words[0]); k++) {
		len = strlen(not_words[k]);
		if (n >= len && memcmp(rest, not_words[k], len) == 0)
			return 0;
	}
	return 1;
}

/*
 * ftfy restore_byte_a0: puts back the A0 bytes that some program turned
 * into spaces, where that makes UTF-8; "Ã " alone is "à" followed by a
 * space.  Reads in, writes out (reset first).
 */
static int
restore_byte_a0(const struct wbuf *in, struct wbuf *out, struct wbuf *tmp)
{
	const unsigned char *b = (const unsigned char *)in->data;
	size_t n = in->len, i, len, k, done;

	wbuf_reset(tmp);
	for (i = 0, done = 0; i + 1 < n; i++) {
		if (b[i] != 0xc3 || b[i + 1] != ' ' ||
		    !a_grave_is_word(b + i + 2, n - i - 2))
			continue;
		if (wbuf_append(tmp, b + done, i - done) != WARTA_OK ||
		    wbuf_append(tmp, "\xc3\xa0 ", 3) != WARTA_OK)
			return WARTA_FAILED;
		i++;
		done = i + 1;
	}
	if (wbuf_append(tmp, b + done, n - done) != WARTA_OK)
		return WARTA_FAILED;
	b = (const unsigned char *)tmp->data;
	n = tmp->len;
	wbuf_reset(out);
	for (i = 0, done = 0; i < n; i++) {
		if (b[i] < 0xc2 || (len = altered_utf8_at(b, n, i)) == 0)
			continue;
		if (wbuf_append(out, b + done, i - done) != WARTA_OK)
			return WARTA_FAILED;
		for (k = 0; k < len; k++)
			if (wbuf_putc(out, b[i + k] == ' ' ? 0xa0 : b[i + k]) !=
			    WARTA_OK)
				return WARTA_FAILED;
		i += len - 1;
		done = i + 1;
	}
	if (wbuf_append(out, b + done, n - done) != WARTA_OK)
		return WARTA_FAILED;
	return WARTA_OK;
}

/*
 * LOSSY_UTF8_RE at b[i]: a UTF-8 or CESU-8 sequence some of whose bytes
 * were lost (byte 1A, which the sloppy codecs give to U+FFFD, or at most
 * one '?'), or a lone 1A.
 */
static size_t
lossy_utf8_at(const unsigned char *b, size_t n, size_t i)
{
	size_t left = n - i;
	unsigned c = b[i];

#define SUBQ(x)		((x) == 0x1a || (x) == '?')
#define SUBC(x)		((x) == 0x1a || IS_CONT(x))
#define SUBQC(x)	(SUBQ(x) || IS_CONT(x))
	if (c >= 0xc2 && c <= 0xdf && left >= 2 && b[i + 1] == 0x1a)
		return 2;
	if ((c == 0xc2 || c == 0xc3) && left >= 2 && b[i + 1] == '?')
		return 2;
	if (c == 0xed && left >= 6 && b[i + 1] >= 0xa0 && b[i + 1] <= 0xaf &&
	    b[i + 3] == 0xed && b[i + 4] >= 0xb0 && b[i + 4] <= 0xbf &&
	    ((SUBQ(b[i + 2]) && SUBQC(b[i + 5])) ||
	    (SUBQC(b[i + 2]) && SUBQ(b[i + 5]))))
		return 6;
	if (c >= 0xe0 && c <= 0xef && left >= 3 &&
	    ((SUBQ(b[i + 1]) && SUBC(b[i + 2])) ||
	    (SUBC(b[i + 1]) && SUBQ(b[i + 2]))))
		return 3;
	if (c >= 0xf0 && c <= 0xf4 && left >= 4 &&
	    ((SUBQ(b[i + 1]) && SUBC(b[i + 2]) && SUBC(b[i + 3])) ||
	    (SUBC(b[i + 1]) && SUBQ(b[i + 2]) && SUBC(b[i + 3])) ||
	    (SUBC(b[i + 1]) && SUBC(b[i + 2]) && SUBQ(b[i + 3]))))
		return 4;
#undef SUBQ
#undef SUBC
#undef SUBQC
	return c == 0x1a ? 1 : 0;
}

/* ftfy replace_lossy_sequences: each lossy sequence becomes U+FFFD. */
static int
replace_lossy_sequences(const struct wbuf *in, struct wbuf *out)
{
	const unsigned char *b = (const unsigned char *)in->data;
	size_t n = in->len, i, len, done;

	wbuf_reset(out);
	for (i = 0, done = 0; i < n; i++) {
		/* only 1A and lead bytes C2..F4 start a match */
		if ((b[i] != 0x1a && (b[i] < 0xc2 || b[i] > 0xf4)) ||
		    (len = lossy_utf8_at(b, n, i)) == 0)
			continue;
		if (wbuf_append(out, b + done, i - done) != WARTA_OK ||
		    wbuf_append(out, "\xef\xbf\xbd", 3) != WARTA_OK)
			return WARTA_FAILED;
		i += len - 1;
		done = i + 1;
	}
	if (wbuf_append(out, b + done, n - done) != WARTA_OK)
		return WARTA_FAILED;
	return WARTA_OK;
}

/*
 * ftfy's utf-8-variants decoder: strict UTF-8, plus CESU-8 surrogate pairs
 * and Java's C0 80 for U+0000.  Returns 1 with the text in out (reset
 * first), 0 when b is not such UTF-8, -1 when memory runs out.
 */
static int
utf8_variants_decode(const unsigned char *b, size_t n, struct wbuf *out)
{
	unsigned char *p;
	size_t i = 0, len;
	uint32_t cp;

	wbuf_reset(out);
	if (wbuf_reserve(out, n) != WARTA_OK)
		return -1;
	p = (unsigned char *)out->data;
	while (i < n) {
		if (b[i] < 0x80) {
			len = utf8_ascii_prefix(b + i, n - i);
			memcpy(p, b + i, len);
			p += len;
			i += len;
			continue;
		}
		if (b[i] == 0xed && n - i >= 6 && b[i + 1] >= 0xa0 &&
		    b[i + 1] <= 0xaf && IS_CONT(b[i + 2]) && b[i + 3] == 0xed &&
		    b[i + 4] >= 0xb0 && b[i + 4] <= 0xbf && IS_CONT(b[i + 5])) {
			cp = ((uint32_t)(b[i + 1] & 0x0f) << 16) +
			    ((uint32_t)(b[i + 2] & 0x3f) << 10) +
			    ((uint32_t)(b[i + 4] & 0x0f) << 6) +
			    (b[i + 5] & 0x3f) + 0x10000;
			p += utf8_encode(p, cp);
			i += 6;
			continue;
		}
		if (b[i] == 0xc0 && n - i >= 2 && b[i + 1] == 0x80) {
			*p++ = 0;
			i += 2;
			continue;
		}
		len = utf8_decode(b + i, n - i, &cp);
		if (cp == UTF8_INVALID)
			return 0;
		memcpy(p, b + i, len);
		p += len;
		i += len;
	}
	out->len = (size_t)(p - (unsigned char *)out->data);
	out->data[out->len] = '\0';
	return 1;
}

static int
has_c1(const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++)
		if (s[i] == 0xc2 && s[i + 1] >= 0x80 && s[i + 1] <= 0x9f)
			return 1;
	return 0;
}

/*
 * Re-reads Latin-1 text as Windows-1252.  strict: fail (return 0) on the
 * five bytes Windows-1252 leaves undefined, as Python's codec does;
 * otherwise (ftfy fix_c1_controls) those stay as they are.  Returns 1 with
 * the text in out, 0, or -1 when memory runs out.
 */
static int
c1_as_windows_1252(const unsigned char *s, size_t n, struct wbuf *out,
    int strict)
{
	size_t i = 0, len;
	uint32_t cp, w;

	wbuf_reset(out);
	while (i < n) {
		len = utf8_decode(s + i, n - i, &cp);
		if (cp >= 0x80 && cp <= 0x9f) {
			if (strict && !cp1252_defined((unsigned char)cp))
				return 0;
			w = cp1252_to_unicode((unsigned char)cp);
			if (wbuf_put_utf8(out, w) != WARTA_OK)
				return -1;
		} else if (strict && cp > 0xff)
			return 0;
		else if (wbuf_append(out, s + i, len) != WARTA_OK)
			return -1;
		i += len;
	}
	return 1;
}

static int fix_encoding(struct mojibake *, const unsigned char *, size_t,
    struct wbuf *, unsigned *, int);

/*
 * ftfy decode_inconsistent_utf8: repairs each UTF-8-looking run that is
 * bad on its own (and shorter than the whole text) in isolation.
 */
static int
decode_inconsistent_utf8(struct mojibake *m, const unsigned char *s,
    size_t n, struct wbuf *out, int depth)
{
	PCRE2_SIZE *ov;
	size_t from, done = 0, start, end;
	unsigned ignored;
	int rc;

	wbuf_reset(out);
	/* every match starts with a non-ASCII character */
	from = utf8_ascii_prefix(s, n);
	while (from < n) {
		rc = pcre2_match(m->detector, s, n, from, PCRE2_NO_UTF_CHECK,
		    m->md, NULL);
		if (rc < 0)
			break;
		ov = pcre2_get_ovector_pointer(m->md);
		start = ov[0];
		end = ov[1];
		if (end <= start || end > n)
			break;
		if (wbuf_append(out, s + done, start - done) != WARTA_OK)
			return WARTA_FAILED;
		if (end - start < n && text_is_bad(m, s + start, end - start)) {
			if (fix_encoding(m, s + start, end - start, out,
			    &ignored, depth + 1) != WARTA_OK)
				return WARTA_FAILED;
		} else if (wbuf_append(out, s + start, end - start) != WARTA_OK)
			return WARTA_FAILED;
		done = from = end;
	}
	return wbuf_append(out, s + done, n - done);
}

/*
 * One step of ftfy's fix_encoding.  Returns 1 with a candidate text in out,
 * 0 when the text stays as it is, -1 when memory runs out.
 */
static int
fix_one_step(struct mojibake *m, const unsigned char *s, size_t n,
    struct wbuf *out, int depth)
{
	struct wbuf bytes = WBUF_INIT, alt = WBUF_INIT, tmp = WBUF_INIT;
	int rc = 0, r, latin1_possible = 0;
	int cm;

	if (n == 0 || utf8_ascii_prefix(s, n) == n || !text_is_bad(m, s, n))
		return 0;

	/* Was it UTF-8 decoded as one of the charmaps? */
	for (cm = 0; cm < CM_COUNT; cm++) {
		if ((r = charmap_encode(m, (enum charmap)cm, s, n, &bytes)) < 0)
			goto oom;
		if (r == 0)
			continue;
		if (cm == CM_LATIN1)
			latin1_possible = 1;
		/* not in MacRoman, where an en dash and a space would match */
		if (cm != CM_MACROMAN &&
		    has_altered_utf8((const unsigned char *)bytes.data,
		    bytes.len)) {
			if (restore_byte_a0(&bytes, &alt, &tmp) != WARTA_OK)
				goto oom;
			wbuf_swap(&bytes, &alt);
		}
		if (charmaps[cm].sloppy &&
		    (memchr(bytes.data, 0x1a, bytes.len) ||
		    memchr(bytes.data, '?', bytes.len))) {
			if (replace_lossy_sequences(&bytes, &alt) != WARTA_OK)
				goto oom;
			wbuf_swap(&bytes, &alt);
		}
		r = utf8_variants_decode((const unsigned char *)bytes.data,
		    bytes.len, out);
		if (r < 0)
			goto oom;
		if (r == 1) {
			rc = 1;
			goto done;
		}
	}

	/* Mojibake embedded in otherwise right text. */
	if (depth < MOJIBAKE_MAX_DEPTH) {
		if (decode_inconsistent_utf8(m, s, n, out, depth) != WARTA_OK)
			goto oom;
		if (!same_text(out, s, n)) {
			rc = 1;
			goto done;
		}
	}

	/* Latin-1 that was meant as Windows-1252: the C1 characters. */
	if (latin1_possible) {
		if ((r = c1_as_windows_1252(s, n, out, 1)) < 0)
			goto oom;
		if (r == 1 && !same_text(out, s, n)) {
			rc = 1;
			goto done;
		}
	}
	if (has_c1(s, n)) {
		if (c1_as_windows_1252(s, n, out, 0) < 0)
			goto oom;
		rc = 1;
	}
	/* What remains would be a mix-up between two single-byte
	 * encodings, which ftfy leaves alone too. */
done:
	wbuf_release(&bytes);
	wbuf_release(&alt);
	wbuf_release(&tmp);
	return rc;
oom:
	rc = -1;
	goto done;
}

/* ftfy fix_encoding: steps until the text stops changing; appends. */
static int
fix_encoding(struct mojibake *m, const unsigned char *s, size_t n,
    struct wbuf *out, unsigned *steps, int depth)
{
	struct wbuf cur = WBUF_INIT, next = WBUF_INIT;
	const unsigned char *text = s;
	size_t len = n;
	int round, r, rc = WARTA_OK;

	*steps = 0;
	for (round = 0; round < MOJIBAKE_MAX_ROUNDS; round++) {
		if ((r = fix_one_step(m, text, len, &next, depth)) < 0) {
			rc = WARTA_FAILED;
			goto done;
		}
		if (r == 0 || same_text(&next, text, len))
			break;
		wbuf_swap(&cur, &next);
		text = (const unsigned char *)cur.data;
		len = cur.len;
		(*steps)++;
	}
	rc = wbuf_append(out, text, len);
done:
	wbuf_release(&cur);
	wbuf_release(&next);
	return rc;
}

static int
rev_entry_cmp(const void *a, const void *b)
{
	const struct rev_entry *x = a, *y = b;

	return (x->cp > y->cp) - (x->cp < y->cp);
}

/*
 * Compiles before, the alternatives joined by '|', and after.  The pattern
 * is put together at run time because C compilers need only support string
 * literals of 4095 bytes, and the character classes are long.
 */
static pcre2_code *
compile_pattern(const char *what, const char *before,
    const char *const *alternatives, const char *after,
    struct warta_error *err)
{
	struct wbuf pattern = WBUF_INIT;
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE at;
	pcre2_code *code = NULL;
	int errcode, i, ok;

	ok = wbuf_puts(&pattern, before) == WARTA_OK;
	for (i = 0; ok && alternatives[i] != NULL; i++) {
		if (i > 0)
			ok = wbuf_putc(&pattern, '|') == WARTA_OK;
		ok = ok && wbuf_puts(&pattern, alternatives[i]) == WARTA_OK;
	}
	ok = ok && wbuf_puts(&pattern, after) == WARTA_OK;
	if (!ok) {
		warta_error_set(err, -1, "mojibake: out of memory");
		goto done;
	}
	code = pcre2_compile((PCRE2_SPTR)pattern.data, pattern.len,
	    PCRE2_UTF | PCRE2_NEVER_BACKSLASH_C, &errcode, &at, NULL);
	if (code == NULL) {
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		warta_error_set(err, -1,
		    "mojibake: cannot compile the %s pattern at %zu: %s",
		    what, (size_t)at, (const char *)msg);
		goto done;
	}
	/* JIT is an optimization: without it pcre2_match interprets. */
	(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
done:
	wbuf_release(&pattern);
	return code;
}

struct mojibake *
mojibake_new(struct warta_error *err)
{
	struct mojibake *m;
	int cm, i;

	if ((m = calloc(1, sizeof(*m))) == NULL) {
		warta_error_set(err, -1, "mojibake: out of memory");
		return NULL;
	}
	m->badness = compile_pattern("badness", "", badness_alternatives, "",
	    err);
	if (m->badness != NULL)
		m->badness_ascii = compile_pattern("badness", "",
		    badness_ascii_alternatives, "", err);
	if (m->badness_ascii != NULL)
		m->detector = compile_pattern("utf-8 detector",
		    DETECTOR_BEFORE, detector_alternatives, DETECTOR_AFTER, err);
	if (m->badness == NULL || m->badness_ascii == NULL ||
	    m->detector == NULL)
		goto fail;
	if ((m->md = pcre2_match_data_create(4, NULL)) == NULL) {
		warta_error_set(err, -1, "mojibake: out of memory");
		goto fail;
	}
	for (cm = CM_LATIN1 + 1; cm < CM_COUNT; cm++) {
		/* Latin-1 (the first) needs no table */
		for (i = 0; i < 128; i++) {
			m->rev[cm][i].cp = cm == CM_SLOPPY_1252 ?
			    cp1252_to_unicode((unsigned char)(0x80 + i)) :
			    charmaps[cm].high[i];
			m->rev[cm][i].byte = (uint8_t)(0x80 + i);
		}
		qsort(m->rev[cm], 128, sizeof(m->rev[cm][0]), rev_entry_cmp);
	}
	return m;
fail:
	mojibake_free(m);
	return NULL;
}

void
mojibake_free(struct mojibake *m)
{
	if (m == NULL)
		return;
	pcre2_match_data_free(m->md);
	pcre2_code_free(m->badness);
	pcre2_code_free(m->badness_ascii);
	pcre2_code_free(m->detector);
	free(m);
}

int
mojibake_fix(struct mojibake *m, const char *s, size_t n, struct wbuf *out,
    unsigned *fixes)
{
	const unsigned char *text = (const unsigned char *)s;
	struct wbuf clean = WBUF_INIT;
	unsigned steps = 0;
	size_t p;
	int rc;

	if (fixes != NULL)
		*fixes = 0;
	p = utf8_ascii_prefix(text, n);
	if (p == n)
		return wbuf_append(out, s, n);
	/* The regular expressions need valid UTF-8: the contract says the
	 * caller gives it, but a slip must not become a crash. */
	if (!utf8_valid(text + p, n - p, NULL)) {
		if (utf8_sanitize(text, n, &clean) != WARTA_OK) {
			wbuf_release(&clean);
			return WARTA_FAILED;
		}
		text = (const unsigned char *)clean.data;
		n = clean.len;
	}
	rc = fix_encoding(m, text, n, out, &steps, 0);
	if (fixes != NULL)
		*fixes = steps;
	wbuf_release(&clean);
	return rc;
}

/*
 * The mojibake of U+201D (”), one layer and two, short of its last byte:
 * "â€" is E2 80 read as Windows-1252, "Ã¢â‚¬Â" is that read once more.
 */
static const char lost_1[] = "\xc3\xa2\xe2\x82\xac";
static const char lost_2[] = "\xc3\x83\xc2\xa2\xc3\xa2\xe2\x80\x9a\xc2\xac"
    "\xc3\x82";

/* Where a closing quote can end: the end, or ASCII that is not a letter
 * or digit (a space, a line end, punctuation). */
static int
closes_at(const unsigned char *s, size_t n, size_t i)
{
	int c;

	if (i == n)
		return 1;
	c = ascii_lower(s[i]);
	return c < 0x80 && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z');
}

/*
 * The length of a lost closing quote at s[i] (its prefix and the mark of
 * the lost byte: U+FFFD, '?' or nothing), or 0.  It must close where a
 * quote closes.  With no mark, "â€ " is also "†" whose A0 became a space
 * (ftfy's restore_byte_a0): the quote needs plain text around it, ASCII
 * other than a space before it and ASCII after what follows it.
 */
static size_t
lost_quote_at(const unsigned char *s, size_t n, size_t i, size_t *prefix)
{
	size_t p, k;

	if (n - i >= sizeof(lost_1) - 1 &&
	    memcmp(s + i, lost_1, sizeof(lost_1) - 1) == 0)
		p = sizeof(lost_1) - 1;
	else if (n - i >= sizeof(lost_2) - 1 &&
	    memcmp(s + i, lost_2, sizeof(lost_2) - 1) == 0)
		p = sizeof(lost_2) - 1;
	else
		return 0;
	*prefix = p;
	k = i + p;
	if (n - k >= 3 && memcmp(s + k, "\xef\xbf\xbd", 3) == 0 &&
	    closes_at(s, n, k + 3))
		return p + 3;
	if (k < n && s[k] == '?' && closes_at(s, n, k + 1))
		return p + 1;
	if (i == 0 || s[i - 1] >= 0x80 || ascii_is_xml_space(s[i - 1]) ||
	    !closes_at(s, n, k) || (k + 1 < n && s[k + 1] >= 0x80))
		return 0;
	return p;
}

int
mojibake_restore_lost(const char *text, size_t n, struct wbuf *out,
    unsigned *restored)
{
	const unsigned char *s = (const unsigned char *)text;
	const unsigned char *c;
	size_t i = 0, done = 0, len, prefix;

	if (restored != NULL)
		*restored = 0;
	/* both prefixes start with C3 */
	while (i < n && (c = memchr(s + i, 0xc3, n - i)) != NULL) {
		i = (size_t)(c - s);
		if ((len = lost_quote_at(s, n, i, &prefix)) == 0) {
			i++;
			continue;
		}
		if (wbuf_append(out, s + done, i + prefix - done) != WARTA_OK ||
		    wbuf_append(out, "\xc2\x9d", 2) != WARTA_OK)
			return WARTA_FAILED;
		if (restored != NULL)
			(*restored)++;
		i += len;
		done = i;
	}
	return wbuf_append(out, s + done, n - done);
}

int
mojibake_is_bad(struct mojibake *m, const char *s, size_t n)
{
	const unsigned char *text = (const unsigned char *)s;
	struct wbuf clean = WBUF_INIT;
	size_t p;
	int bad;

	p = utf8_ascii_prefix(text, n);
	if (p == n)
		return 0;
	if (utf8_valid(text + p, n - p, NULL))
		return text_is_bad(m, text, n);
	if (utf8_sanitize(text, n, &clean) != WARTA_OK) {
		wbuf_release(&clean);
		return 0;
	}
	bad = text_is_bad(m, (const unsigned char *)clean.data, clean.len);
	wbuf_release(&clean);
	return bad;
}
