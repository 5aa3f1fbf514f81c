/*
 * newsml/read.c: the NewsML-G2 stream in, one item at a time, with
 * libxml2's xmlTextReader; and the text of an item.
 *
 * xmlTextReader reads one document and stops after its root, but the
 * stream may hold several documents back to back.  So a small scanner sits
 * between the FILE and libxml2: it follows the markup just far enough to
 * know the element depth (comments, PIs, CDATA sections and quoted
 * attribute values are stepped over), ends each document where the next
 * one begins, and hands each document to a fresh reader through
 * xmlReaderForIO.  Since every byte passes through it, the scanner is also
 * where a DOCTYPE is refused before libxml2 parses it, and where the size
 * of one item and the nesting depth are bounded.
 *
 * The scanner works on code units: bytes for UTF-8 and the other
 * ASCII-compatible encodings, 16-bit units for a UTF-16 document, so that
 * markup is found the same way in both.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "newsml/newsml.h"
#include "newsml/read.h"
#include "newsml/split.h"
#include "base/xml_errors.h"

#define X(s) ((const xmlChar *)(s))


/* The scanner's buffer, and the most it ever needs to see ahead in units:
 * "<![CDATA[" and "<!DOCTYPE" are nine. */
#define SCAN_BUF 65536
#define LOOKAHEAD 10
/* The closes of items remembered: more than libxml2 reads ahead holds. */
#define CLOSE_RING 4096

/*
 * No network, and nothing that reads or expands a DTD: not
 * XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR.
 *
 * XML_PARSE_HUGE lifts libxml2's 10,000,000-byte cap on one text node,
 * which an article that warta-normalize accepts (up to 16 MiB, more in
 * base64) would pass.  What that cap guards against is bounded here by
 * other means: a DOCTYPE is refused before libxml2 sees it (so no entity
 * can amplify anything), one item may not pass LIMIT_ITEM_BYTES bytes, and
 * the nesting depth is checked by the scanner.
 *
 * But the push parser under xmlTextReader has a cliff of its own at that
 * size: once more than 10,000,000 bytes wait unparsed, every 512-byte
 * chunk makes it parse again, and each try scans the whole waiting input
 * backwards for the last '<' (xmlParseGetLasts, libxml2 2.9): quadratic,
 * 20 s for one attribute of 11 MB.  Text is parsed as it comes and never
 * waits; a tag, comment, PI or CDATA section waits whole until it ends.
 * So the scanner bounds those (LIMIT_XML_MARKUP, LIMIT_XML_CDATA) well
 * below the cliff.
 *
 * XML_PARSE_COMPACT keeps a short text node's text in the node itself, not
 * in an allocation of its own: an item's tree is mostly elements and the
 * white space between them, and warta-pack took 4% less CPU so.  libxml2
 * reads, changes and frees such a node as any other.
 */
#define READ_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | \
    XML_PARSE_HUGE | XML_PARSE_COMPACT)

enum scan_state {
	S_PROLOG,	/* before the root element */
	S_CONTENT,	/* inside the root element */
	S_EPILOG,	/* after the root element */
	S_STAG,		/* inside a start tag */
	S_ETAG,		/* inside an end tag */
	S_COMMENT,
	S_PI,
	S_CDATA,
	S_DECL		/* some other <!...>: libxml2 will say what is wrong */
};

struct newsml_reader {
	FILE *fp;
	char *name;
	size_t max_item;
	unsigned long count;

	unsigned char *buf;
	size_t pos, len;
	int eof;
	long long base;		/* stream offset of buf[0] */
	long long line;		/* line number at buf[pos] */
	/*
	 * fp is a file: each read fills the buffer, not only the few KB
	 * libxml2 asks for (4 KiB a system call otherwise).  Not on a pipe,
	 * where fread would wait for bytes that the item now read does not
	 * need.
	 */
	int whole_reads;

	/* The document being read. */
	xmlTextReaderPtr xr;
	long long doc_start;
	long long doc_line;
	int doc_end;		/* the scanner reached its end */
	int width;		/* bytes per code unit: 1, or 2 for UTF-16 */
	int big_endian;
	enum scan_state st;
	unsigned skip;		/* units to pass without looking */
	unsigned quote;		/* the quote of an attribute value, or 0 */
	unsigned prev1, prev2;	/* the units before this one, in a construct */
	int depth;
	int root_seen, root_closed;
	int in_root_name;
	char root_name[64];
	size_t root_name_len;
	int item_level;		/* the depth items stand at: 0, 2 in a message */
	unsigned long closes;	/* elements closed back to item_level */
	long long close_at[CLOSE_RING];	/* where the latest of them closed */
	long long open_at[CLOSE_RING];	/* and where they opened */
	unsigned long seen;	/* elements at item_level the walk met */
	int in_item_set;	/* the walk is inside itemSet */
	long long chunk_start;	/* where the current item's bytes began */
	long long markup_start;	/* where the tag, comment, ... began */
	int skip_subtree;	/* move on with xmlTextReaderNext */
	int started;		/* a document was opened */

	/*
	 * newsml_reader_keep_bytes(): the bytes of the document handed to
	 * libxml2, kept from the element at item level the walk is at, so
	 * that an item's own bytes can be given with its tree (cap.data[0]
	 * is at stream offset cap_base; what lies before cap_from is done
	 * with).  Only in a message of single-byte units: a lone item's
	 * document is never given as bytes.
	 */
	int keep_bytes;
	int capturing;
	struct wbuf cap;
	long long cap_base;
	size_t cap_from;
	/* The item last handed out, when its bytes are the document. */
	const char *item_bytes;
	size_t item_len;

	/* The first error of each kind, and the one reported for good. */
	int scan_failed;
	struct warta_error scan_error;
	int xml_failed;
	int xml_after_cut;	/* raised once the scanner had refused */
	int xml_code;
	struct warta_error xml_error;
	int failed;
	struct warta_error error;
};

static const char *const item_names[] = {
	"newsItem", "packageItem", "conceptItem", "knowledgeItem",
	"planningItem", "catalogItem"
};

/* --- the scanner --- */

static void
scan_fail(struct newsml_reader *r, long long offset, long long line,
    const char *what, const char *why)
{
	if (r->scan_failed)
		return;
	r->scan_failed = 1;
	warta_error_set(&r->scan_error, offset, "%s at byte %lld (line %lld)%s%s",
	    what, offset, line, why != NULL ? ": " : "", why != NULL ? why : "");
}

/*
 * Makes at least need bytes available at pos unless the input ends first.
 * Reads no more than is asked for: fread waits for all of it, and a pipe
 * should not have to fill the whole buffer before an item comes out.
 */
static void
fill(struct newsml_reader *r, size_t need)
{
	if (need > SCAN_BUF)
		need = SCAN_BUF;
	if (r->len - r->pos >= need || r->eof)
		return;
	if (r->pos + need > SCAN_BUF || (r->whole_reads && r->pos > 0)) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->base += (long long)r->pos;
		r->len -= r->pos;
		r->pos = 0;
	}
	while (r->len - r->pos < need && !r->eof) {
		size_t got, want = r->whole_reads ? SCAN_BUF - r->len :
		    need - (r->len - r->pos);

		got = fread(r->buf + r->len, 1, want, r->fp);
		r->len += got;
		/* An error ends the reading even after some bytes: a read
		 * cut by a signal (EINTR) must not be tried again, the
		 * program asked to stop. */
		if (got < want && ferror(r->fp)) {
			r->eof = 1;
			scan_fail(r, r->base + (long long)r->len, r->line,
			    "read error", strerror(errno));
		} else if (got == 0)
			r->eof = 1;
	}
}

static size_t
avail(const struct newsml_reader *r)
{
	return (r->len - r->pos) / (size_t)r->width;
}

/* The i-th code unit from pos; the caller made sure it is there. */
static unsigned
unit(const struct newsml_reader *r, size_t i)
{
	const unsigned char *p = r->buf + r->pos + i * (size_t)r->width;

	if (r->width == 1)
		return p[0];
	return r->big_endian ? (unsigned)(p[0] << 8 | p[1]) :
	    (unsigned)(p[0] | p[1] << 8);
}

static int
looking_at(struct newsml_reader *r, const char *lit)
{
	size_t i, n = strlen(lit);

	fill(r, n * (size_t)r->width);
	if (avail(r) < n)
		return 0;
	for (i = 0; i < n; i++)
		if (unit(r, i) != (unsigned char)lit[i])
			return 0;
	return 1;
}

static long long
scan_offset(const struct newsml_reader *r)
{
	return r->base + (long long)r->pos;
}

/*
 * A new document starts at pos: decides its code unit from its first bytes
 * (a UTF-16 byte order mark or "<?" in UTF-16), as libxml2 will.
 */
static void
scan_start(struct newsml_reader *r)
{
	const unsigned char *p;

	r->doc_start = scan_offset(r);
	r->doc_line = r->line;
	r->doc_end = 0;
	r->width = 1;
	r->big_endian = 0;
	r->st = S_PROLOG;
	r->skip = 0;
	r->quote = 0;
	r->prev1 = r->prev2 = 0;
	r->depth = 0;
	r->root_seen = r->root_closed = 0;
	r->in_root_name = 0;
	r->root_name_len = 0;
	r->item_level = 0;
	r->closes = r->seen = 0;
	r->in_item_set = 0;
	r->chunk_start = r->doc_start;
	r->markup_start = r->doc_start;
	r->skip_subtree = 0;
	r->capturing = r->keep_bytes;
	wbuf_reset(&r->cap);
	r->cap_base = r->doc_start;
	r->cap_from = 0;
	r->item_bytes = NULL;

	fill(r, 4);
	if (r->len - r->pos < 4)
		return;
	p = r->buf + r->pos;
	if ((p[0] == 0xFE && p[1] == 0xFF) ||
	    (p[0] == 0 && p[1] == '<' && p[2] == 0 && p[3] == '?')) {
		r->width = 2;
		r->big_endian = 1;
	} else if ((p[0] == 0xFF && p[1] == 0xFE) ||
	    (p[0] == '<' && p[1] == 0 && p[2] == '?' && p[3] == 0))
		r->width = 2;
}

static enum scan_state
outside_tags(const struct newsml_reader *r)
{
	if (r->root_closed)
		return S_EPILOG;
	return r->depth > 0 ? S_CONTENT : S_PROLOG;
}

/* After a tag's '>' at the current unit: items are measured from here. */
static void
tag_closed(struct newsml_reader *r)
{
	r->st = outside_tags(r);
	if (r->depth <= r->item_level)
		r->chunk_start = scan_offset(r) + r->width;
}

/* An element at item level closes with the '>' at pos. */
static void
item_closed(struct newsml_reader *r)
{
	r->close_at[r->closes % CLOSE_RING] = scan_offset(r) + r->width;
	r->closes++;
}

static void
root_named(struct newsml_reader *r)
{
	const char *local;

	r->in_root_name = 0;
	r->root_name[r->root_name_len] = '\0';
	local = strrchr(r->root_name, ':');
	local = local != NULL ? local + 1 : r->root_name;
	/* A message's items stand in newsMessage/itemSet. */
	r->item_level = strcmp(local, "newsMessage") == 0 ? 2 : 0;
	if (r->item_level == 0 || r->width != 1)
		r->capturing = 0;
}

/*
 * A '<' outside tags: what it opens.  Returns 1 when the document ends
 * before it (the next document starts here), -1 on a refusal.
 */
static int
scan_markup(struct newsml_reader *r)
{
	unsigned c1;

	r->markup_start = scan_offset(r);
	fill(r, LOOKAHEAD * (size_t)r->width);
	c1 = avail(r) > 1 ? unit(r, 1) : 0;
	if (c1 == '!') {
		if (looking_at(r, "<!--")) {
			r->st = S_COMMENT;
			r->skip = 3;
			r->prev1 = r->prev2 = 0;
		} else if (looking_at(r, "<![CDATA[")) {
			r->st = S_CDATA;
			r->skip = 8;
			r->prev1 = r->prev2 = 0;
		} else if (looking_at(r, "<!DOCTYPE")) {
			if (r->st == S_EPILOG)
				return 1;	/* refused in its own document */
			scan_fail(r, scan_offset(r), r->line, "DOCTYPE refused",
			    "NewsML-G2 has no DTD, and a DTD can define "
			    "entities");
			return -1;
		} else {
			r->st = S_DECL;
			r->skip = 1;
		}
	} else if (c1 == '?') {
		/* An XML declaration after a root starts a new document;
		 * "<?xml-stylesheet" is only a PI. */
		if (r->st == S_EPILOG && looking_at(r, "<?xml") &&
		    avail(r) > 5 && ascii_is_xml_space(unit(r, 5)))
			return 1;
		r->st = S_PI;
		r->skip = 1;
		r->prev1 = r->prev2 = 0;
	} else if (c1 == '/') {
		r->st = S_ETAG;
		r->skip = 1;
	} else {
		if (r->st == S_EPILOG)
			return 1;	/* a new root: a new document */
		if (r->depth == r->item_level)
			r->open_at[r->closes % CLOSE_RING] = r->markup_start;
		r->st = S_STAG;
		r->quote = 0;
		r->prev1 = 0;
		if (!r->root_seen) {
			r->in_root_name = 1;
			r->root_name_len = 0;
		}
	}
	return 0;
}

/*
 * Looks at the unit at pos, which is about to be passed on.  Returns 0 to
 * pass it, 1 when the document ends before it, -1 on a refusal.
 */
/* A byte order mark, or UTF-16 markup, after a document: the next one. */
static int
starts_document(struct newsml_reader *r, unsigned c)
{
	fill(r, 2 * (size_t)r->width);
	return (r->width == 1 && c == 0xEF && looking_at(r, "\xEF\xBB\xBF")) ||
	    (r->width == 1 && (c == 0xFE || c == 0xFF) && avail(r) > 1 &&
	    unit(r, 1) == (c ^ 0x01)) ||
	    (r->width == 1 && c == 0 && avail(r) > 1 && unit(r, 1) == '<') ||
	    (r->width == 1 && c == '<' && avail(r) > 1 && unit(r, 1) == 0) ||
	    c == 0xFEFF;
}

/* One unit inside a start tag: quotes, its end, the root's name. */
static int
scan_start_tag(struct newsml_reader *r, unsigned c)
{
	if (r->quote != 0) {
		if (c == r->quote)
			r->quote = 0;
	} else if (c == '"' || c == '\'') {
		r->quote = c;
	} else if (c == '>') {
		if (r->in_root_name)
			root_named(r);
		r->root_seen = 1;
		if (r->prev1 != '/') {
			if (r->depth >= LIMIT_XML_DEPTH) {
				char why[64];

				snprintf(why, sizeof(why), "elements "
				    "nested deeper than %d",
				    LIMIT_XML_DEPTH);
				scan_fail(r, scan_offset(r), r->line,
				    "too deep", why);
				return -1;
			}
			r->depth++;
		} else {
			if (r->depth == r->item_level)
				item_closed(r);
			if (r->depth == 0)
				r->root_closed = 1;
		}
		tag_closed(r);
		return 0;
	} else if (r->in_root_name) {
		if (ascii_is_xml_space(c) || c == '/')
			root_named(r);
		else if (r->root_name_len + 1 < sizeof(r->root_name))
			r->root_name[r->root_name_len++] =
			    c < 0x80 ? (char)c : '?';
	}
	r->prev1 = c;
	return 0;
}

static int
scan_unit(struct newsml_reader *r)
{
	unsigned c = unit(r, 0);

	switch (r->st) {
	case S_EPILOG:
		/* A byte order mark, or UTF-16 markup, starts a document. */
		if (starts_document(r, c))
			return 1;
		/* FALLTHROUGH */
	case S_PROLOG:
	case S_CONTENT:
		if (c == '<')
			return scan_markup(r);
		return 0;
	case S_STAG:
		return scan_start_tag(r, c);
	case S_ETAG:
		if (c == '>' && r->depth > 0) {
			if (--r->depth == r->item_level)
				item_closed(r);
			if (r->depth == 0)
				r->root_closed = 1;
			tag_closed(r);
		} else if (c == '>') {
			tag_closed(r);
		}
		return 0;
	case S_COMMENT:
	case S_CDATA:
		if (c == '>' && r->prev1 == r->prev2 &&
		    r->prev1 == (r->st == S_COMMENT ? '-' : ']'))
			r->st = outside_tags(r);
		break;
	case S_PI:
		if (c == '>' && r->prev1 == '?')
			r->st = outside_tags(r);
		break;
	case S_DECL:
		if (c == '>')
			r->st = outside_tags(r);
		break;
	}
	r->prev2 = r->prev1;
	r->prev1 = c;
	return 0;
}

/*
 * For single-byte units: how many bytes from pos (at most room) the
 * scanner may pass without looking at each, because none of them is one
 * that matters in this state.
 */
static size_t
span_to(const unsigned char *p, size_t n, int c)
{
	const unsigned char *q = memchr(p, c, n);

	return q != NULL ? (size_t)(q - p) : n;
}

/*
 * The bytes the scanner may still pass before a bound: that of the item,
 * and that of the tag, comment, PI or CDATA section it is in.
 */
static long long
bound_left(const struct newsml_reader *r)
{
	long long left, in;

	left = r->chunk_start + (long long)r->max_item - scan_offset(r);
	switch (r->st) {
	case S_STAG:
	case S_ETAG:
	case S_COMMENT:
	case S_PI:
	case S_DECL:
		in = r->markup_start + (long long)LIMIT_XML_MARKUP -
		    scan_offset(r);
		break;
	case S_CDATA:
		in = r->markup_start + (long long)LIMIT_XML_CDATA -
		    scan_offset(r);
		break;
	default:
		return left;
	}
	return in < left ? in : left;
}

/* The unit at pos would pass a bound: says which. */
static void
bound_fail(struct newsml_reader *r)
{
	const char *what, *one;
	char why[96];
	size_t max = LIMIT_XML_MARKUP;

	if (r->chunk_start + (long long)r->max_item - scan_offset(r) <
	    r->width) {
		what = "item too large";
		one = "item";
		max = r->max_item;
	} else if (r->st == S_STAG) {
		what = r->quote != 0 ? "attribute value too long" :
		    "start tag too long";
		one = "start tag with its attributes";
	} else if (r->st == S_ETAG) {
		what = "end tag too long";
		one = "end tag";
	} else if (r->st == S_COMMENT) {
		what = "comment too long";
		one = "comment";
	} else if (r->st == S_PI) {
		what = "processing instruction too long";
		one = "processing instruction";
	} else if (r->st == S_CDATA) {
		what = "CDATA section too long";
		one = "CDATA section";
		max = LIMIT_XML_CDATA;
	} else {
		what = "declaration too long";
		one = "declaration";
	}
	snprintf(why, sizeof(why), "one %s may not pass %zu bytes", one, max);
	scan_fail(r, scan_offset(r), r->line, what, why);
}

static size_t
run_length(const struct newsml_reader *r, size_t room)
{
	const unsigned char *p = r->buf + r->pos;
	size_t i, k = r->len - r->pos;
	long long left = bound_left(r);

	if (left <= 0)
		return 0;	/* the next byte is over the bound */
	if (k > room)
		k = room;
	if ((long long)k > left)
		k = (size_t)left;
	switch (r->st) {
	case S_PROLOG:
	case S_CONTENT:
		return span_to(p, k, '<');
	case S_STAG:
		if (r->quote != 0)
			return span_to(p, k, (int)r->quote);
		if (r->in_root_name)
			return 0;
		for (i = 0; i < k && p[i] != '"' && p[i] != '\'' &&
		    p[i] != '>'; i++)
			;
		return i;
	case S_ETAG:
		return span_to(p, k, '>');
	default:
		return 0;
	}
}

/*
 * libxml2's input: the bytes of the current document, up to where the
 * next begins.  A refusal ends the input early; libxml2 then stops with a
 * premature end, and the refusal is what gets reported.
 */
static int
scan_read(void *ctx, char *out, int outlen)
{
	struct newsml_reader *r = ctx;
	size_t n = 0, cap = outlen > 0 ? (size_t)outlen : 0;

	while (!r->doc_end && !r->scan_failed && n + (size_t)r->width <= cap) {
		unsigned c;
		size_t k;

		if (avail(r) < 1) {
			fill(r, cap - n > LOOKAHEAD ? cap - n : LOOKAHEAD);
			if (avail(r) < 1) {
				/* The end; a stray odd byte of UTF-16 goes
				 * to libxml2, which will complain. */
				if (r->len > r->pos)
					out[n++] = (char)r->buf[r->pos++];
				r->doc_end = 1;
				break;
			}
		}
		if (r->skip == 0 && r->width == 1 && (k = run_length(r,
		    cap - n)) > 0) {
			/* Bytes that change nothing but the line: at once. */
			const unsigned char *p = r->buf + r->pos, *q;

			memcpy(out + n, p, k);
			for (q = p; (q = memchr(q, '\n', k - (size_t)(q - p))) !=
			    NULL; q++)
				r->line++;
			if (r->st == S_STAG)
				r->prev1 = p[k - 1];
			n += k;
			r->pos += k;
			continue;
		}
		/* Measured before the unit is looked at: a tag's '>' belongs
		 * to what it closes, not to what follows. */
		if (bound_left(r) < r->width) {
			bound_fail(r);
			break;
		}
		if (r->skip > 0)
			r->skip--;
		else {
			int rc = scan_unit(r);

			if (rc > 0) {
				r->doc_end = 1;
				break;
			}
			if (rc < 0)
				break;
		}
		c = unit(r, 0);
		memcpy(out + n, r->buf + r->pos, (size_t)r->width);
		n += (size_t)r->width;
		r->pos += (size_t)r->width;
		if (c == '\n')
			r->line++;
	}
	if (r->capturing && n > 0 && wbuf_append(&r->cap, out, n) !=
	    WARTA_OK) {
		/* Out of memory: the items are serialized instead. */
		r->capturing = 0;
		wbuf_release(&r->cap);
	}
	return (int)n;
}

static int
scan_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/* --- libxml2's errors --- */

static void
xml_error(void *arg, xmlErrorPtr e)
{
	struct newsml_reader *r = arg;
	const char *kind;
	char msg[400];
	long long off = -1, line;
	size_t j;

	if (e == NULL || e->level < XML_ERR_ERROR || r->xml_failed)
		return;
	/*
	 * Where libxml2 is, asked of libxml2; but not for an error of its
	 * encoding layer (an iconv charset such as UTF-7 that cannot convert
	 * the bytes), raised in the middle of converting the input: asking
	 * then converts the input again, from a buffer being reallocated (a
	 * use after free, found by fuzz_newsml).  The scanner's offset, where
	 * the document's bytes have reached, stands in.
	 */
	if (e->domain != XML_FROM_I18N) {
		if (e->ctxt != NULL && (e->domain == XML_FROM_PARSER ||
		    e->domain == XML_FROM_NAMESPACE))
			off = xmlByteConsumed((xmlParserCtxtPtr)e->ctxt);
		if (off < 0 && r->xr != NULL)
			off = xmlTextReaderByteConsumed(r->xr);
	}
	off = off < 0 ? scan_offset(r) : r->doc_start + off;
	line = e->line > 0 ? r->doc_line + e->line - 1 : r->line;

	xml_one_line(msg, sizeof(msg), e->message);
	j = strlen(msg);

	if (e->code == XML_ERR_DOCUMENT_END && r->doc_end && r->root_seen &&
	    !r->root_closed) {
		/* What libxml2's push parser says of a truncated document. */
		snprintf(msg, sizeof(msg), "the input ends with %d element%s "
		    "still open", r->depth, r->depth == 1 ? "" : "s");
		j = strlen(msg);
	} else if (e->code == XML_ERR_DOCUMENT_EMPTY && !r->root_seen &&
	    scan_offset(r) > r->doc_start) {
		snprintf(msg, sizeof(msg), "no element where the document "
		    "should start");
		j = strlen(msg);
	}
	if (e->domain == XML_FROM_NAMESPACE)
		kind = "namespace error";
	else if (e->domain == XML_FROM_I18N ||
	    e->code == XML_ERR_UNKNOWN_ENCODING ||
	    e->code == XML_ERR_UNSUPPORTED_ENCODING ||
	    e->code == XML_ERR_INVALID_ENCODING)
		kind = "bad encoding";
	else
		kind = "not well-formed XML";
	r->xml_failed = 1;
	r->xml_after_cut = r->scan_failed;
	r->xml_code = e->code;
	warta_error_set(&r->xml_error, off, "%s at byte %lld (line %lld): %s",
	    kind, off, line, j > 0 ? msg : "unknown error");
}

/* --- the reader --- */

struct newsml_reader *
newsml_reader_new(FILE *fp, const char *name, struct warta_error *err)
{
	struct newsml_reader *r;
	struct stat st;

	xmlInitParser();
	if ((r = calloc(1, sizeof(*r))) == NULL ||
	    (r->buf = malloc(SCAN_BUF)) == NULL ||
	    (r->name = strdup(name != NULL ? name : "<stdin>")) == NULL) {
		if (r != NULL)
			free(r->buf);
		free(r);
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	r->fp = fp;
	r->whole_reads = fileno(fp) >= 0 && fstat(fileno(fp), &st) == 0 &&
	    S_ISREG(st.st_mode);
	r->max_item = LIMIT_ITEM_BYTES;
	r->line = 1;
	r->width = 1;
	warta_error_clear(&r->scan_error);
	warta_error_clear(&r->xml_error);
	warta_error_clear(&r->error);
	return r;
}

void
newsml_reader_free(struct newsml_reader *r)
{
	if (r == NULL)
		return;
	if (r->xr != NULL)
		xmlFreeTextReader(r->xr);
	free(r->buf);
	free(r->name);
	wbuf_release(&r->cap);
	free(r);
}

void
newsml_reader_keep_bytes(struct newsml_reader *r)
{
	r->keep_bytes = 1;
}

int
newsml_reader_item_bytes(const struct newsml_reader *r, const char **bytes,
    size_t *len)
{
	if (r->item_bytes == NULL)
		return 0;
	*bytes = r->item_bytes;
	*len = r->item_len;
	return 1;
}

void
newsml_reader_set_max_item(struct newsml_reader *r, size_t max)
{
	r->max_item = max > 0 ? max : 1;
}

const char *
newsml_reader_name(const struct newsml_reader *r)
{
	return r->name;
}

void
newsml_reader_set_origin(struct newsml_reader *r, long long offset,
    long long line, unsigned long count)
{
	r->base = offset;
	r->line = line;
	r->count = count;
}

struct newsml_reader *
newsml_reader_resume(FILE *fp, const char *name, long long origin,
    long long from, unsigned long count, struct warta_error *err)
{
	struct newsml_reader *r;
	char chunk[65536];
	long long left = from, line = 1;
	size_t n, got, i;

	errno = 0;
	if (fseeko(fp, (off_t)origin, SEEK_SET) != 0)
		left = -1;
	while (left > 0) {
		n = (long long)sizeof(chunk) > left ? (size_t)left :
		    sizeof(chunk);
		if ((got = fread(chunk, 1, n, fp)) == 0)
			break;
		for (i = 0; i < got; i++)
			line += chunk[i] == '\n';
		left -= (long long)got;
	}
	if (left != 0 || fseeko(fp, (off_t)(origin + from), SEEK_SET) != 0) {
		warta_error_set(err, -1, "%s", strerror(errno != 0 ? errno :
		    EIO));
		return NULL;
	}
	if ((r = newsml_reader_new(fp, name, err)) != NULL)
		newsml_reader_set_origin(r, from, line, count);
	return r;
}

long long
newsml_reader_offset(const struct newsml_reader *r)
{
	return scan_offset(r);
}

unsigned long
newsml_reader_count(const struct newsml_reader *r)
{
	return r->count;
}

static int
fail(struct newsml_reader *r, const struct warta_error *e,
    struct warta_error *err)
{
	if (!r->failed) {
		r->failed = 1;
		r->error = *e;
	}
	if (err != NULL)
		*err = r->error;
	return -1;
}

static int
fail_msg(struct newsml_reader *r, struct warta_error *err, long long off,
    const char *what)
{
	struct warta_error e;

	warta_error_set(&e, off, "%s", what);
	return fail(r, &e, err);
}

/*
 * The error to report, once the walk cannot go on: the scanner's refusal
 * when libxml2 complained only after it (its complaint is then about the
 * input the refusal cut short), else libxml2's first.
 */
static int
pending_error(struct newsml_reader *r, struct warta_error *err)
{
	if (r->scan_failed && (!r->xml_failed || r->xml_after_cut))
		return fail(r, &r->scan_error, err);
	if (r->xml_failed)
		return fail(r, &r->xml_error, err);
	return 0;
}

/*
 * Whether an expanded item may come out though an error is pending.
 * libxml2 parses ahead of the walk, so the error may lie beyond the item
 * (a stream cut short a few items later, a refusal): then the item is
 * whole and comes out, and the error waits for the next call.  It lies
 * beyond when the scanner saw the item close before the refusal, and
 * libxml2's error stands past that close (or is its complaint that the
 * input ended inside the document, which says all before parsed well).
 */
static int
item_sound(const struct newsml_reader *r)
{
	long long close_at;

	if (!r->xml_failed && !r->scan_failed)
		return 1;
	if (r->closes < r->seen || r->closes - r->seen >= CLOSE_RING)
		return 0;	/* not closed, or too long ago to know */
	close_at = r->close_at[(r->seen - 1) % CLOSE_RING];
	if (!r->xml_failed)
		return 1;
	return r->xml_code == XML_ERR_DOCUMENT_END ||
	    r->xml_error.offset > close_at;
}

static int
is_item_name(const xmlChar *local)
{
	size_t i;

	for (i = 0; i < sizeof(item_names) / sizeof(item_names[0]); i++)
		if (xmlStrEqual(local, X(item_names[i])))
			return 1;
	return 0;
}

static int
in_g2(xmlTextReaderPtr xr)
{
	const xmlChar *ns = xmlTextReaderConstNamespaceUri(xr);

	return NEWSML_IS_NS(ns);
}

/*
 * Past line 65,535 an element's line is 65,535, and libxml2 keeps the
 * true one (XML_PARSE_BIG_LINES) in the text nodes (line 65,535, the true
 * one in psvi), where xmlGetLineNo() finds it; xmlDocCopyNode() copies
 * neither.  The copy gets them from the tree it was made from, node for
 * node (the same shape), so that a message about an element past that
 * line still quotes its line, as it does for an item parsed alone.
 */
static void
copy_big_lines(xmlNodePtr from_root, xmlNodePtr to_root)
{
	xmlNodePtr from = from_root->children, to = to_root->children;

	while (from != NULL && to != NULL) {
		if (from->type == XML_TEXT_NODE && from->line == USHRT_MAX) {
			to->line = from->line;
			to->psvi = from->psvi;
		}
		if (from->type == XML_ELEMENT_NODE && from->children != NULL &&
		    to->children != NULL) {
			from = from->children;
			to = to->children;
			continue;
		}
		/* The next node, up the tree as far as needed. */
		while (from->next == NULL || to->next == NULL) {
			from = from->parent;
			to = to->parent;
			if (from == from_root || to == to_root)
				return;
		}
		from = from->next;
		to = to->next;
	}
}

/*
 * The item as a document of its own.  xmlDocCopyNode declares on the copy's
 * root the namespaces its names use from outside it; the others in scope
 * (a prefix used in an attribute value, say) are added, so that the item
 * means what it meant inside the message.
 */
static xmlDocPtr
copy_item(xmlNodePtr node)
{
	xmlDocPtr doc;
	xmlNodePtr copy;
	xmlNsPtr *scope;
	size_t i;

	if ((doc = xmlNewDoc(X("1.0"))) == NULL)
		return NULL;
	if ((copy = xmlDocCopyNode(node, doc, 1)) == NULL) {
		xmlFreeDoc(doc);
		return NULL;
	}
	xmlDocSetRootElement(doc, copy);
	copy_big_lines(node, copy);
	if ((scope = xmlGetNsList(node->doc, node)) != NULL) {
		for (i = 0; scope[i] != NULL; i++)
			if (xmlSearchNs(doc, copy, scope[i]->prefix) == NULL &&
			    xmlNewNs(copy, scope[i]->href,
			    scope[i]->prefix) == NULL) {
				xmlFree(scope);
				xmlFreeDoc(doc);
				return NULL;
			}
		xmlFree(scope);
	}
	return doc;
}

/* Opens the next document of the stream; 0 when there is none. */
static int
open_document(struct newsml_reader *r, struct warta_error *err)
{
	if (!r->started) {
		/* White space before the first document is forgiven (an XML
		 * declaration must come first, but an empty line is easy
		 * to leave in a file). */
		for (;;) {
			fill(r, 1);
			if (r->pos == r->len ||
			    !ascii_is_xml_space(r->buf[r->pos]))
				break;
			if (r->buf[r->pos++] == '\n')
				r->line++;
		}
	}
	fill(r, 1);
	if (r->scan_failed)
		return fail(r, &r->scan_error, err);
	if (r->pos == r->len)
		return 0;
	r->started = 1;
	scan_start(r);
	r->xr = xmlReaderForIO(scan_read, scan_close, r, NULL, NULL,
	    READ_OPTIONS);
	if (r->xr == NULL)
		return fail_msg(r, err, scan_offset(r), "out of memory");
	xmlTextReaderSetStructuredErrorHandler(r->xr, xml_error, r);
	return 1;
}

static void
close_document(struct newsml_reader *r)
{
	xmlFreeTextReader(r->xr);
	r->xr = NULL;
	/* What is left of the document is only passed over. */
	r->capturing = 0;
	wbuf_reset(&r->cap);
	/* libxml2 stops at the end of its document; make sure the scanner
	 * did too, so the next one starts where it should. */
	if (!r->doc_end && !r->scan_failed) {
		char sink[4096];

		while (!r->doc_end && !r->scan_failed)
			if (scan_read(r, sink, sizeof(sink)) == 0)
				break;
	}
}

/*
 * Whether an item inside a message declares again, itself, every prefix
 * declared around it (warta's streams do: each item carries the default
 * namespace of NewsML-G2).  No name in it can then refer to a declaration
 * outside it, and copy_item() would add none to it: the item taken out of
 * the message is the tree copy_item() makes, without the copy (a quarter
 * of the parse of an item, measured).
 */
static int
own_scope(xmlNodePtr node)
{
	xmlNodePtr a;
	xmlNsPtr ns, own;

	for (a = node->parent; a != NULL && a->type == XML_ELEMENT_NODE;
	    a = a->parent)
		for (ns = a->nsDef; ns != NULL; ns = ns->next) {
			for (own = node->nsDef; own != NULL; own = own->next)
				if (xmlStrEqual(own->prefix, ns->prefix))
					break;
			if (own == NULL)
				return 0;
		}
	return 1;
}

/* The kept bytes before offset are done with; the buffer is compacted
 * once they are half of it, so that each byte is moved once at most. */
static void
cap_drop_before(struct newsml_reader *r, long long offset)
{
	size_t from;

	if (!r->capturing || offset <= r->cap_base)
		return;
	from = offset - r->cap_base < (long long)r->cap.len ?
	    (size_t)(offset - r->cap_base) : r->cap.len;
	if (from > r->cap_from)
		r->cap_from = from;
	if (r->cap_from > r->cap.len / 2) {
		memmove(r->cap.data, r->cap.data + r->cap_from,
		    r->cap.len - r->cap_from);
		r->cap.len -= r->cap_from;
		r->cap_base += (long long)r->cap_from;
		r->cap_from = 0;
	}
}

/* An encoding the split takes (newsml/split.c): UTF-8 or none said. */
static int
is_utf8(const xmlChar *enc)
{
	return enc == NULL || xmlStrcasecmp(enc, X("UTF-8")) == 0 ||
	    xmlStrcasecmp(enc, X("UTF8")) == 0;
}

/*
 * The item at node, in a message, about to be handed out: its bytes are
 * kept for newsml_reader_item_bytes() when they are, alone, the document
 * copy_item() makes of it, as newsml_piece_parse() decides for a piece
 * (own_scope()), so that an item gets the same file whichever way it was
 * read.  UTF-8 only: other bytes would need decoding.
 */
static void
keep_item_bytes(struct newsml_reader *r, xmlNodePtr node)
{
	long long open, close;
	size_t k = (r->seen - 1) % CLOSE_RING;

	if (!r->capturing || r->closes < r->seen ||
	    r->closes - r->seen >= CLOSE_RING)
		return;
	open = r->open_at[k];
	close = r->close_at[k];
	if (open < r->cap_base + (long long)r->cap_from || close <= open ||
	    close > r->cap_base + (long long)r->cap.len ||
	    !is_utf8(xmlTextReaderConstEncoding(r->xr)) || !own_scope(node))
		return;
	r->item_bytes = r->cap.data + (open - r->cap_base);
	r->item_len = (size_t)(close - open);
}

/* One step of the walk: 1 an item in *item, 0 go on, -1 error. */
/* A root element that is no item or newsMessage of NewsML-G2. */
static int
not_newsml(struct newsml_reader *r, const xmlChar *local,
    struct warta_error *err)
{
	char what[200];

	if (pending_error(r, err) < 0)
		return -1;
	if (!in_g2(r->xr) && (is_item_name(local) ||
	    xmlStrEqual(local, X("newsMessage"))))
		snprintf(what, sizeof(what), "not NewsML-G2: the root "
		    "element %.80s of the document at byte %lld is not "
		    "in the namespace " NEWSML_NS, (const char *)local,
		    r->doc_start);
	else
		snprintf(what, sizeof(what), "not NewsML-G2: the root "
		    "element of the document at byte %lld is %.80s, "
		    "not an item or a newsMessage", r->doc_start,
		    (const char *)local);
	return fail_msg(r, err, r->doc_start, what);
}

static int
step(struct newsml_reader *r, xmlDocPtr *item, struct warta_error *err)
{
	xmlTextReaderPtr xr = r->xr;
	const xmlChar *local;
	xmlNodePtr node;
	int rc, depth;

	r->item_bytes = NULL;
	if (r->skip_subtree) {
		r->skip_subtree = 0;
		rc = xmlTextReaderNext(xr);
	} else
		rc = xmlTextReaderRead(xr);
	/* An error pending while the walk goes on is reported at the next
	 * item (item_sound) or at the end. */
	if (rc < 0) {
		if (pending_error(r, err) < 0)
			return -1;
		return fail_msg(r, err, scan_offset(r), "cannot read XML");
	}
	if (rc == 0) {
		int seen = r->root_seen;

		close_document(r);
		if (pending_error(r, err) < 0)
			return -1;
		if (!seen)
			return fail_msg(r, err, r->doc_start,
			    "no root element");
		return 0;
	}
	if (xmlTextReaderNodeType(xr) != XML_READER_TYPE_ELEMENT)
		return 0;
	depth = xmlTextReaderDepth(xr);
	local = xmlTextReaderConstLocalName(xr);
	if (depth == 1) {
		/* In a newsMessage: every element is walked into, so that the
		 * walk meets each element at item level, as the scanner
		 * counts them. */
		r->in_item_set = xmlStrEqual(local, X("itemSet"));
		return 0;
	}
	if (depth == 0 && in_g2(xr) && xmlStrEqual(local, X("newsMessage")))
		return 0;
	r->seen++;
	cap_drop_before(r, r->open_at[(r->seen - 1) % CLOSE_RING]);
	if (depth == 2 && !(r->in_item_set && in_g2(xr) &&
	    is_item_name(local))) {
		/* Not an item in an itemSet: nothing to hand out. */
		r->skip_subtree = 1;
		return 0;
	}
	if (depth != 2 && !(in_g2(xr) && is_item_name(local)))
		return not_newsml(r, local, err);
	/* Expand fails when the parser met an error anywhere in what it
	 * read; the item may still be whole (item_sound). */
	if ((node = xmlTextReaderExpand(xr)) == NULL &&
	    (node = xmlTextReaderCurrentNode(xr)) == NULL) {
		if (pending_error(r, err) < 0)
			return -1;
		return fail_msg(r, err, scan_offset(r), "cannot read XML");
	}
	if (!item_sound(r)) {
		if (pending_error(r, err) < 0)
			return -1;
		return fail_msg(r, err, scan_offset(r), "cannot read XML");
	}
	if (depth == 2)
		keep_item_bytes(r, node);
	if ((*item = copy_item(node)) == NULL)
		return fail_msg(r, err, scan_offset(r), "out of memory");
	r->skip_subtree = 1;
	r->count++;
	return 1;
}

int
newsml_reader_next(struct newsml_reader *r, xmlDocPtr *item,
    struct warta_error *err)
{
	struct xml_quiet q;
	int rc;

	*item = NULL;
	if (r->failed) {
		if (err != NULL)
			*err = r->error;
		return -1;
	}
	/* Errors raised without a parser context (conversion, I/O) come to
	 * xml_error too; the generic notes repeat them and go nowhere. */
	xml_quiet_begin(&q, xml_error, r);
	for (;;) {
		if (r->xr == NULL && (rc = open_document(r, err)) <= 0)
			break;
		if ((rc = step(r, item, err)) != 0)
			break;
	}
	xml_quiet_end(&q);
	return rc;
}

/* --- an item parsed on its own (newsml/split.h) --- */

static void
piece_error(void *arg, xmlErrorPtr e)
{
	int *failed = arg;

	if (e != NULL && e->level >= XML_ERR_ERROR)
		*failed = 1;
}

static xmlNodePtr
first_element(xmlNodePtr n)
{
	for (; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

static int
node_in_g2(xmlNodePtr n)
{
	return n->ns != NULL && NEWSML_IS_NS(n->ns->href);
}

/*
 * A document whose root is the item made what copy_item() would make of
 * it, without copying the tree (which took as long as the parse): its
 * root alone at the top (no comment or processing instruction beside
 * it), version 1.0, no encoding.  The root's scope is its own
 * declarations, which it keeps.
 */
static xmlDocPtr
as_copied(xmlDocPtr doc)
{
	xmlNodePtr n, next, root = xmlDocGetRootElement(doc);

	for (n = doc->children; n != NULL; n = next) {
		next = n->next;
		if (n != root) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		}
	}
	xmlFree((xmlChar *)(uintptr_t)doc->encoding);
	doc->encoding = NULL;
	xmlFree((xmlChar *)(uintptr_t)doc->version);
	doc->version = xmlStrdup(X("1.0"));
	doc->standalone = -1;
	return doc;
}

/*
 * The same options as the reader's, the same checks as step()'s: an error
 * of libxml2's at the level the reader fails on, a root that is no
 * newsMessage or item of NewsML-G2, an item that is not one.  The item is
 * copy_item()'s copy, or the tree that copy would make (own_scope(),
 * as_copied()), so that the document is the one the reader hands out.
 */
int
newsml_piece_parse(const char *buf, size_t len, int in_message,
    long long first_line, xmlDocPtr *item, int *verbatim)
{
	struct xml_quiet q;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc = NULL;
	xmlNodePtr root, node;
	int failed = 0;

	*item = NULL;
	if (verbatim != NULL)
		*verbatim = 0;
	if (len > INT_MAX || first_line < 1 || first_line > INT_MAX)
		return 0;
	/* xmlReadMemory()'s steps, the line set between them. */
	xml_quiet_begin(&q, piece_error, &failed);
	if ((ctxt = xmlCreateMemoryParserCtxt(buf, (int)len)) != NULL) {
		xmlCtxtUseOptions(ctxt, READ_OPTIONS);
		ctxt->input->line = (int)first_line;
		(void)xmlParseDocument(ctxt);
		doc = ctxt->myDoc;
		ctxt->myDoc = NULL;
		if (!ctxt->wellFormed)
			failed = 1;
		xmlFreeParserCtxt(ctxt);
	}
	xml_quiet_end(&q);
	if (ctxt == NULL) {
		xmlFreeDoc(doc);
		return -1;
	}
	if (doc == NULL || failed || (root = xmlDocGetRootElement(doc)) ==
	    NULL || !node_in_g2(root)) {
		xmlFreeDoc(doc);
		return 0;
	}
	if (in_message) {
		node = first_element(root->children);
		if (!xmlStrEqual(root->name, X("newsMessage")) ||
		    node == NULL || first_element(node->next) != NULL ||
		    !xmlStrEqual(node->name, X("itemSet")))
			node = NULL;
		else if ((node = first_element(node->children)) != NULL &&
		    first_element(node->next) != NULL)
			node = NULL;
	} else
		node = root;
	if (node == NULL || !node_in_g2(node) || !is_item_name(node->name)) {
		xmlFreeDoc(doc);
		return 0;
	}
	if (!in_message) {
		/* The item is the document: kept, not copied. */
		*item = as_copied(doc);
		return 1;
	}
	if (own_scope(node)) {
		/* Taken out of its message, not copied. */
		xmlUnlinkNode(node);
		xmlFreeNode(xmlDocSetRootElement(doc, node));
		*item = as_copied(doc);
		if (verbatim != NULL)
			*verbatim = 1;
		return 1;
	}
	*item = copy_item(node);
	xmlFreeDoc(doc);
	return *item != NULL ? 1 : -1;
}

/* --- the text of an item --- */

static int
is_element(xmlNodePtr n, const char *local)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    xmlStrEqual(n->name, X(local));
}

static xmlNodePtr
child(xmlNodePtr parent, const char *local)
{
	xmlNodePtr n;

	if (parent == NULL)
		return NULL;
	for (n = parent->children; n != NULL; n = n->next)
		if (is_element(n, local))
			return n;
	return NULL;
}

/* Elements that stand as paragraphs, or hold them: XHTML's, then NITF's. */
static const char *const block_names[] = {
	"address", "article", "aside", "blockquote", "caption", "center",
	"dd", "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2",
	"h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
	"pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
	"ul",
	"block", "bq", "fn", "hl1", "hl2", "media", "media-caption",
	"nitf-table", "note", "tagline"
};

/* Elements whose text is not the article's. */
static const char *const skipped_names[] = {
	"head", "script", "style", "title", "media-reference",
	"media-metadata", "media-producer", "nitf-table-metadata"
};

static int
in_list(xmlNodePtr n, const char *const *list, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (xmlStrEqual(n->name, X(list[i])))
			return 1;
	return 0;
}

#define IN_LIST(n, list) in_list(n, list, sizeof(list) / sizeof(list[0]))

/* Stands in a paragraph's raw text for <br/>: no XML text can hold it. */
#define BR_MARK '\x01'

struct text {
	struct wbuf *out;
	struct wbuf run;	/* the paragraph being gathered */
	size_t paras;
	int failed;
};

/*
 * Appends one paragraph.  Outside <pre>, a run of white space holding a
 * line break is the layout of the XML, not of the text, and becomes one
 * space (warta's own paragraphs have none); white space at the ends and
 * around a <br/> goes.
 */
static void
put_para(struct text *t, const char *s, size_t n, int pre)
{
	struct wbuf *o = t->out;
	size_t i = 0;

	if (pre) {
		while (n > 0 && ascii_is_xml_space(s[n - 1]))
			n--;
		if (n > 0 && s[0] == '\n')
			i = 1;
		else if (n > 1 && s[0] == '\r' && s[1] == '\n')
			i = 2;
	} else {
		while (i < n && (ascii_is_xml_space(s[i]) || s[i] == BR_MARK))
			i++;
		while (n > i && (ascii_is_xml_space(s[n - 1]) ||
		    s[n - 1] == BR_MARK))
			n--;
	}
	if (i >= n)
		return;
	if (t->paras++ > 0 && wbuf_puts(o, "\n\n") != WARTA_OK)
		t->failed = 1;
	for (; i < n && !t->failed; i++) {
		size_t j;
		int brk = 0, mark = 0;

		if (pre || (!ascii_is_xml_space(s[i]) && s[i] != BR_MARK)) {
			if (wbuf_putc(o, s[i] == BR_MARK ? '\n' : s[i]) !=
			    WARTA_OK)
				t->failed = 1;
			continue;
		}
		for (j = i; j < n && (ascii_is_xml_space(s[j]) ||
		    s[j] == BR_MARK); j++) {
			if (s[j] == '\n' || s[j] == '\r')
				brk = 1;
			if (s[j] == BR_MARK)
				mark++;
		}
		if (mark > 0) {
			while (mark-- > 0 && !t->failed)
				if (wbuf_putc(o, '\n') != WARTA_OK)
					t->failed = 1;
		} else if (brk) {
			if (wbuf_putc(o, ' ') != WARTA_OK)
				t->failed = 1;
		} else if (wbuf_append(o, s + i, j - i) != WARTA_OK)
			t->failed = 1;
		i = j - 1;
	}
}

static void
flush_run(struct text *t, int pre)
{
	if (t->run.len > 0)
		put_para(t, t->run.data, t->run.len, pre);
	wbuf_reset(&t->run);
}

static void
gather(struct text *t, xmlNodePtr parent, int pre)
{
	xmlNodePtr n;

	for (n = parent->children; n != NULL && !t->failed; n = n->next) {
		switch (n->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (n->content != NULL &&
			    wbuf_puts(&t->run, (const char *)n->content) !=
			    WARTA_OK)
				t->failed = 1;
			break;
		case XML_ELEMENT_NODE:
			if (IN_LIST(n, skipped_names))
				break;
			if (xmlStrEqual(n->name, X("br"))) {
				if (wbuf_putc(&t->run, BR_MARK) != WARTA_OK)
					t->failed = 1;
			} else if (IN_LIST(n, block_names)) {
				int inner = pre || xmlStrEqual(n->name,
				    X("pre"));

				flush_run(t, pre);
				gather(t, n, inner);
				flush_run(t, inner);
			} else
				gather(t, n, pre);
			break;
		default:
			break;
		}
	}
}

/* The text of an element as one paragraph (the headline). */
static void
put_element(struct text *t, xmlNodePtr n)
{
	wbuf_reset(&t->run);
	gather(t, n, 0);
	flush_run(t, 0);
}

/* The body of an inlineXML: 1 when it held XHTML or NITF. */
static int
put_inline_xml(struct text *t, xmlNodePtr inl, int have_headline)
{
	xmlNodePtr root, body;

	for (root = inl->children; root != NULL; root = root->next)
		if (root->type == XML_ELEMENT_NODE)
			break;
	if (root == NULL)
		return 0;
	if (is_element(root, "html")) {
		if ((body = child(root, "body")) != NULL)
			put_element(t, body);
		return 1;
	}
	if (is_element(root, "nitf")) {
		xmlNodePtr hl1;

		body = child(root, "body");
		hl1 = child(child(child(body, "body.head"), "hedline"), "hl1");
		if (!have_headline && hl1 != NULL)
			put_element(t, hl1);
		if ((body = child(body, "body.content")) != NULL)
			put_element(t, body);
		return 1;
	}
	return 0;
}

static int
text_plain(xmlNodePtr n)
{
	xmlChar *type = xmlGetNoNsProp(n, X("contenttype"));
	xmlChar *enc = xmlGetNoNsProp(n, X("encoding"));
	int ok;

	ok = type != NULL && xmlStrncasecmp(type, X("text/plain"), 10) == 0 &&
	    (type[10] == '\0' || type[10] == ';' || type[10] == ' ') &&
	    (enc == NULL || xmlStrstr(enc, X("base64")) == NULL);
	xmlFree(type);
	xmlFree(enc);
	return ok;
}

/* inlineData as it is, but for the line breaks at its end. */
static void
put_inline_data(struct text *t, xmlNodePtr n)
{
	xmlChar *s = xmlNodeGetContent(n);
	size_t len;

	if (s == NULL)
		return;
	len = strlen((const char *)s);
	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	if (len > 0) {
		if (t->paras++ > 0 && wbuf_puts(t->out, "\n\n") != WARTA_OK)
			t->failed = 1;
		if (wbuf_append(t->out, s, len) != WARTA_OK)
			t->failed = 1;
	}
	xmlFree(s);
}

/* The text, with the headline or without (the body alone). */
static int
item_text(xmlDocPtr item, int with_headline, struct wbuf *out,
    struct warta_error *err)
{
	struct text t;
	xmlNodePtr root, headline, set, n;
	size_t start = out->len;
	int done = 0;

	if (item == NULL || (root = xmlDocGetRootElement(item)) == NULL)
		return warta_error_set(err, -1, "not an item: no root element");
	memset(&t, 0, sizeof(t));
	t.out = out;
	wbuf_init(&t.run);

	headline = child(child(root, "contentMeta"), "headline");
	if (headline != NULL && with_headline)
		put_element(&t, headline);
	set = child(root, "contentSet");
	for (n = set != NULL ? set->children : NULL; n != NULL && !done;
	    n = n->next)
		if (is_element(n, "inlineXML"))
			done = put_inline_xml(&t, n, headline != NULL);
	for (n = set != NULL ? set->children : NULL; n != NULL && !done;
	    n = n->next)
		if (is_element(n, "inlineData") && text_plain(n)) {
			put_inline_data(&t, n);
			done = 1;
		}
	if (t.paras > 0 && wbuf_putc(out, '\n') != WARTA_OK)
		t.failed = 1;
	wbuf_release(&t.run);
	if (t.failed) {
		/* Nothing half-written. */
		out->len = start;
		if (out->data != NULL)
			out->data[start] = '\0';
		return warta_error_set(err, -1, "out of memory");
	}
	return WARTA_OK;
}

int
newsml_item_text(xmlDocPtr item, struct wbuf *out, struct warta_error *err)
{
	return item_text(item, 1, out, err);
}

int
newsml_item_body(xmlDocPtr item, struct wbuf *out, struct warta_error *err)
{
	return item_text(item, 0, out, err);
}
