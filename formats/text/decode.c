/*
 * text/decode.c: raw article bytes to UTF-8 (see text/decode.h for why
 * detection is this narrow).
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "base/utf8.h"
#include "text/decode.h"

static const struct {
	const char *name;
	enum text_encoding e;
} encoding_names[] = {
	{ "auto", TEXT_AUTO },
	{ "utf-8", TEXT_UTF8 }, { "utf8", TEXT_UTF8 },
	{ "utf-16", TEXT_UTF16 }, { "utf16", TEXT_UTF16 }, { "utf-16le", TEXT_UTF16LE },
	{ "utf16le", TEXT_UTF16LE }, { "utf-16be", TEXT_UTF16BE },
	{ "utf16be", TEXT_UTF16BE },
	{ "windows-1252", TEXT_WINDOWS_1252 }, { "cp1252", TEXT_WINDOWS_1252 },
	{ "win1252", TEXT_WINDOWS_1252 },
	{ "iso-8859-1", TEXT_LATIN1 }, { "latin1", TEXT_LATIN1 },
	{ "latin-1", TEXT_LATIN1 }, { "iso8859-1", TEXT_LATIN1 },
	{ "iso-8859-15", TEXT_LATIN9 }, { "latin9", TEXT_LATIN9 },
	{ "latin-9", TEXT_LATIN9 }, { "iso8859-15", TEXT_LATIN9 },
};

const char *
text_encoding_name(enum text_encoding e)
{
	switch (e) {
	case TEXT_UTF8:
		return "utf-8";
	case TEXT_UTF8_MIXED:
		return "utf-8+windows-1252";
	case TEXT_UTF16LE:
		return "utf-16le";
	case TEXT_UTF16BE:
		return "utf-16be";
	case TEXT_UTF16:
		return "utf-16";
	case TEXT_WINDOWS_1252:
		return "windows-1252";
	case TEXT_LATIN1:
		return "iso-8859-1";
	case TEXT_LATIN9:
		return "iso-8859-15";
	case TEXT_AUTO:
		break;
	}
	return "auto";
}

int
text_encoding_from_name(const char *name, enum text_encoding *e)
{
	size_t i;

	for (i = 0; i < sizeof(encoding_names) / sizeof(encoding_names[0]); i++) {
		if (strcasecmp(name, encoding_names[i].name) == 0) {
			*e = encoding_names[i].e;
			return WARTA_OK;
		}
	}
	return WARTA_FAILED;
}

/*
 * Binary data: a NUL byte anywhere, or a stretch of control bytes that no
 * text has.  UTF-16 is checked before this, since it is full of NULs.
 */
static int
find_binary(const unsigned char *buf, size_t len, size_t *at)
{
	const unsigned char *nul;
	size_t i, stop, controls = 0, first = 0;
	size_t window = len < 4096 ? len : 4096;
	uint64_t w;

	if ((nul = memchr(buf, '\0', len)) != NULL) {
		*at = (size_t)(nul - buf);
		return 1;
	}
	for (i = 0; i < window; ) {
		/* eight bytes at a time while none is below 0x20 (the bit
		 * trick for a zero byte, exact as a yes/no) */
		while (window - i >= 8) {
			memcpy(&w, buf + i, 8);
			if (((w - 0x2020202020202020ULL) & ~w &
			    0x8080808080808080ULL) != 0)
				break;
			i += 8;
		}
		for (stop = window - i > 8 ? i + 8 : window; i < stop; i++) {
			unsigned char c = buf[i];

			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
			    c != '\f' && c != '\v' && c != 0x1A && c != 0x1B) {
				if (controls++ == 0)
					first = i;
			}
		}
	}
	/* More than one in twenty: an image, an archive, an executable. */
	if (controls > 0 && controls * 20 > window) {
		*at = first;
		return 1;
	}
	return 0;
}

static int
decode_single_byte(const unsigned char *buf, size_t len, enum text_encoding e,
    struct wbuf *out)
{
	size_t i, run;

	if (wbuf_reserve(out, len + len / 2) != WARTA_OK)
		return WARTA_FAILED;
	for (i = 0; i < len; ) {
		uint32_t cp;

		for (run = i; run < len && buf[run] < 0x80; run++)
			;
		if (run > i && wbuf_append(out, buf + i, run - i) != WARTA_OK)
			return WARTA_FAILED;
		if ((i = run) >= len)
			break;
		cp = buf[i++];
		/* the five undefined bytes become the C1 controls of the
		 * same value, as WHATWG's decoder reads them (glibc's iconv
		 * rejects them); the control-character repair removes them
		 * later, and the original bytes are kept anyway */
		if (e == TEXT_WINDOWS_1252)
			cp = cp1252_to_unicode((unsigned char)cp);
		else if (e == TEXT_LATIN9) {
			switch (cp) {
			case 0xA4: cp = 0x20AC; break;
			case 0xA6: cp = 0x0160; break;
			case 0xA8: cp = 0x0161; break;
			case 0xB4: cp = 0x017D; break;
			case 0xB8: cp = 0x017E; break;
			case 0xBC: cp = 0x0152; break;
			case 0xBD: cp = 0x0153; break;
			case 0xBE: cp = 0x0178; break;
			}
		}
		if (wbuf_put_utf8(out, cp) != WARTA_OK)
			return WARTA_FAILED;
	}
	return WARTA_OK;
}

/* UTF-8 whose invalid bytes are read as Windows-1252. */
static int
decode_mixed(const unsigned char *buf, size_t len, struct wbuf *out)
{
	size_t i = 0, k;

	while (i < len) {
		if ((k = utf8_sequence_length(buf + i, len - i)) > 0) {
			if (wbuf_append(out, buf + i, k) != WARTA_OK)
				return WARTA_FAILED;
			i += k;
		} else {
			if (decode_single_byte(buf + i, 1, TEXT_WINDOWS_1252,
			    out) != WARTA_OK)
				return WARTA_FAILED;
			i++;
		}
	}
	return WARTA_OK;
}

/* Counts valid multi-byte sequences and invalid bytes. */
static void
utf8_census(const unsigned char *buf, size_t len, size_t *multi, size_t *bad)
{
	size_t i = 0, k;

	*multi = *bad = 0;
	while (i < len) {
		if (buf[i] < 0x80) {
			i++;
			continue;
		}
		if ((k = utf8_sequence_length(buf + i, len - i)) > 0) {
			(*multi)++;
			i += k;
		} else {
			(*bad)++;
			i++;
		}
	}
}

static int
decode_utf16(const unsigned char *buf, size_t len, int big_endian,
    size_t base, struct wbuf *out, struct warta_error *err)
{
	size_t i;

	if (len % 2 != 0)
		return warta_error_set(err, (long long)(base + len - 1),
		    "odd number of bytes in UTF-16 text");
	for (i = 0; i < len; i += 2) {
		uint32_t u = big_endian ? (uint32_t)(buf[i] << 8 | buf[i + 1]) :
		    (uint32_t)(buf[i + 1] << 8 | buf[i]);

		if (u >= 0xD800 && u <= 0xDBFF) {
			uint32_t lo;

			if (i + 3 >= len)
				return warta_error_set(err, (long long)(base + i),
				    "unpaired UTF-16 surrogate");
			lo = big_endian ? (uint32_t)(buf[i + 2] << 8 | buf[i + 3]) :
			    (uint32_t)(buf[i + 3] << 8 | buf[i + 2]);
			if (lo < 0xDC00 || lo > 0xDFFF)
				return warta_error_set(err, (long long)(base + i),
				    "unpaired UTF-16 surrogate");
			u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
			i += 2;
		} else if (u >= 0xDC00 && u <= 0xDFFF)
			return warta_error_set(err, (long long)(base + i),
			    "unpaired UTF-16 surrogate");
		else if (u == 0)
			return warta_error_set(err, (long long)(base + i),
			    "binary data at byte %zu, not text", base + i);
		if (wbuf_put_utf8(out, u) != WARTA_OK)
			return warta_error_set(err, -1, "out of memory");
	}
	return WARTA_OK;
}

int
text_decode(const unsigned char *buf, size_t len, enum text_encoding want,
    struct wbuf *out, enum text_encoding *found, struct warta_error *err)
{
	size_t skip = 0, at, multi, bad;
	enum text_encoding e = want;

	if (len == 0)
		return warta_error_set(err, 0, "empty file");

	/* A byte order mark outranks everything but an explicit choice. */
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 &&
	    (e == TEXT_AUTO || e == TEXT_UTF8)) {
		e = TEXT_UTF8;
		skip = 3;
	} else if (len >= 2 && buf[0] == 0xFF && buf[1] == 0xFE &&
	    (e == TEXT_AUTO || e == TEXT_UTF16 || e == TEXT_UTF16LE)) {
		e = TEXT_UTF16LE;
		skip = 2;
	} else if (len >= 2 && buf[0] == 0xFE && buf[1] == 0xFF &&
	    (e == TEXT_AUTO || e == TEXT_UTF16 || e == TEXT_UTF16BE)) {
		e = TEXT_UTF16BE;
		skip = 2;
	}
	/* Without a mark, UTF-16 is taken as Windows writes it. */
	if (e == TEXT_UTF16)
		e = TEXT_UTF16LE;
	*found = e;
	if (e == TEXT_UTF16LE || e == TEXT_UTF16BE) {
		if (len == skip)
			return warta_error_set(err, 0, "empty file");
		return decode_utf16(buf + skip, len - skip, e == TEXT_UTF16BE,
		    skip, out, err);
	}

	buf += skip;
	len -= skip;
	if (len == 0)
		return warta_error_set(err, 0, "empty file");
	if (find_binary(buf, len, &at))
		return warta_error_set(err, (long long)(skip + at),
		    "binary data at byte %zu, not text", skip + at);

	if (e == TEXT_AUTO || e == TEXT_UTF8) {
		if (utf8_valid(buf, len, &at))
			e = TEXT_UTF8;
		else if (want == TEXT_UTF8)	/* not e: a BOM set that */
			return warta_error_set(err, (long long)(skip + at),
			    "invalid UTF-8 at byte %zu", skip + at);
		else {
			/* Mostly UTF-8 with strays, or a single-byte text;
			 * a UTF-8 BOM already proved the former. */
			utf8_census(buf, len, &multi, &bad);
			e = (skip > 0 || multi >= 2 * bad) ?
			    TEXT_UTF8_MIXED : TEXT_WINDOWS_1252;
		}
	}
	*found = e;
	if (e == TEXT_UTF8) {
		if (wbuf_append(out, buf, len) != WARTA_OK)
			return warta_error_set(err, -1, "out of memory");
		return WARTA_OK;
	}
	if (e == TEXT_UTF8_MIXED) {
		if (decode_mixed(buf, len, out) != WARTA_OK)
			return warta_error_set(err, -1, "out of memory");
		return WARTA_OK;
	}
	if (decode_single_byte(buf, len, e, out) != WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	return WARTA_OK;
}
