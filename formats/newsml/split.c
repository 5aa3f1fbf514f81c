/*
 * newsml/split.c: a NewsML-G2 stream cut into its items' bytes; see
 * newsml/split.h.
 *
 * The scanner works on stream offsets; the bytes from `keep` on stay in
 * the buffer.  Inside a newsMessage, `env_from` is the first byte of the
 * envelope not yet given to the envelope's parser; an item's bytes are
 * kept from its '<' until it is handed out.
 *
 * An item of a newsMessage is handed out only once what follows it, up to
 * the next item or the document's end, has been checked: the reader does
 * not hand out an item whose end is followed at once by an error (an
 * invalid byte right after its end tag), and the split must never hand
 * out an item that the reader would not.  Every doubt is a stop
 * (give_up): the reader, which takes over from the document's start, is
 * the one that reports.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "base/limits.h"
#include "base/xml_errors.h"
#include "newsml/split.h"

/* What one read asks for. */
#define SPLIT_READ	((size_t)1 << 20)
/* The envelope is given to its parser at the latest every so many bytes. */
#define ENV_FLUSH	((size_t)256 << 10)
/* As newsml_reader (read.c), and the bounds at half, to stop well short
 * of where the reader would refuse. */
#define READ_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_HUGE)
#define NAME_MAX_BYTES	256

static const char *const item_names[] = {
	"newsItem", "packageItem", "conceptItem", "knowledgeItem",
	"planningItem", "catalogItem"
};

struct newsml_split {
	FILE *fp;			/* or NULL: the bytes are the caller's */
	unsigned char *buf;
	size_t len, cap;
	long long base;		/* stream offset of buf[0] */
	long long keep;		/* the first byte still needed */
	long long pos;		/* where the scan stands */
	int eof;
	int broken;		/* a read error, or no room: not the end */
	int started;		/* a document was begun */
	int stopped;		/* gave up: the same answer from now on */
	/* Newlines before stream offset nl_at: counted as the scan goes,
	 * for the lines the reader's nodes have. */
	long long nl_at, nl;

	/* The document being cut. */
	int in_doc;
	long long doc_start;
	long long doc_nl;	/* newlines before it */
	unsigned long doc_items;
	unsigned long count;
	int level;		/* -1 before the root, 0 a lone item, 2 */
	int depth;
	int root_closed;
	int in_item_set;
	long long chunk_start;	/* as the reader measures an item's size */
	struct wbuf head;	/* declaration, root tag, and then */
	size_t head_root;	/* its length after the root's tag */
	struct wbuf tail;
	char root_name[NAME_MAX_BYTES];
	char d1_name[NAME_MAX_BYTES];

	/* The envelope's parser (in a newsMessage). */
	xmlSAXHandler sax;
	xmlParserCtxtPtr env;
	long long env_from;
	int env_failed;

	struct wbuf piece;	/* a lone item's document */

	/* The item found last in a newsMessage, not yet handed out. */
	int pend;
	long long pend_start, pend_end;
	long long pend_nl;	/* newlines before it */
	unsigned long pend_count;
	struct wbuf pend_head, pend_tail, out_head, out_tail;
};

static int
give_up(struct newsml_split *s)
{
	s->stopped = 1;
	return -1;
}

/*
 * The newlines before stream offset off, in *nl: counted from the last
 * offset asked for, either way, in the buffer (more() counts what it
 * drops).  -1 when off is not in the buffer.
 */
static int
lines_to(struct newsml_split *s, long long off, long long *nl)
{
	const unsigned char *p, *end;
	long long from = off < s->nl_at ? off : s->nl_at;
	long long to = off < s->nl_at ? s->nl_at : off;
	long long n = 0;

	if (from < s->base || to > s->base + (long long)s->len)
		return -1;
	p = s->buf + (from - s->base);
	end = s->buf + (to - s->base);
	while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	s->nl += off < s->nl_at ? -n : n;
	s->nl_at = off;
	*nl = s->nl;
	return 0;
}

/* Reads more; keeps the bytes from s->keep on.  0 when nothing came. */
static int
more(struct newsml_split *s)
{
	size_t shift, got;
	long long nl;

	if (s->eof)
		return 0;
	shift = (size_t)(s->keep - s->base);
	if (shift > 0 && s->nl_at < s->keep &&
	    lines_to(s, s->keep, &nl) != 0) {
		s->broken = 1;
		return 0;
	}
	if (shift > 0) {
		memmove(s->buf, s->buf + shift, s->len - shift);
		s->len -= shift;
		s->base = s->keep;
	}
	if (s->cap - s->len < SPLIT_READ / 2) {
		size_t cap = s->cap * 2;
		unsigned char *b;

		if (cap > LIMIT_ITEM_BYTES + 4 * SPLIT_READ ||
		    (b = realloc(s->buf, cap)) == NULL) {
			s->broken = 1;
			return 0;
		}
		s->buf = b;
		s->cap = cap;
	}
	got = fread(s->buf + s->len, 1, s->cap - s->len, s->fp);
	s->len += got;
	if (got == 0) {
		s->eof = 1;
		if (ferror(s->fp))
			s->broken = 1;	/* the reader will say */
		return 0;
	}
	return 1;
}

/* have()'s reading, when off is past what the buffer holds. */
static int
have_more(struct newsml_split *s, long long off)
{
	while (off >= s->base + (long long)s->len)
		if (!more(s))
			return 0;
	return 1;
}

/*
 * The byte at stream offset off is in the buffer; 0 at the end.  Asked of
 * every byte of every tag: the common case, a byte already read, is a
 * comparison here, and only the rest a call (the call was 1.3% of
 * warta-pack's instructions).
 */
static inline int
have(struct newsml_split *s, long long off)
{
	return off < s->base + (long long)s->len || have_more(s, off);
}

#define AT(s, off) ((s)->buf[(off) - (s)->base])

/*
 * The offset of the next byte c at or after off, before limit: -1 when
 * the input ends first, -2 at the limit.
 */
static long long
find_byte(struct newsml_split *s, long long off, int c, long long limit)
{
	for (;;) {
		long long end;
		unsigned char *p;

		if (off >= limit)
			return -2;
		if (!have(s, off))
			return -1;
		end = s->base + (long long)s->len;
		if (end > limit)
			end = limit;
		p = memchr(&AT(s, off), c, (size_t)(end - off));
		if (p != NULL)
			return s->base + (long long)(p - s->buf);
		off = end;
	}
}

/* The end of the first lit at or after off (the offset past it), or < 0. */
static long long
find_seq(struct newsml_split *s, long long off, const char *lit,
    long long limit)
{
	size_t n = strlen(lit), i;

	for (;;) {
		long long at = find_byte(s, off, (unsigned char)lit[0], limit);

		if (at < 0)
			return at;
		for (i = 1; i < n; i++)
			if (!have(s, at + (long long)i) ||
			    AT(s, at + (long long)i) != (unsigned char)lit[i])
				break;
		if (i == n)
			return at + (long long)n;
		if (!have(s, at + (long long)i))
			return -1;
		off = at + 1;
	}
}

static int
looking_at(struct newsml_split *s, long long off, const char *lit)
{
	size_t i;

	for (i = 0; lit[i] != '\0'; i++)
		if (!have(s, off + (long long)i) ||
		    AT(s, off + (long long)i) != (unsigned char)lit[i])
			return 0;
	return 1;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
name_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    c == '_' || c == ':' || c >= 0x80;
}

/* The local part of a qualified name. */
static const char *
local_part(const char *qname)
{
	const char *c = strrchr(qname, ':');

	return c != NULL ? c + 1 : qname;
}

static int
is_item_name(const char *qname)
{
	size_t i;

	for (i = 0; i < sizeof(item_names) / sizeof(item_names[0]); i++)
		if (strcmp(local_part(qname), item_names[i]) == 0)
			return 1;
	return 0;
}

/*
 * A start tag at off ('<'): its end in *end (past the '>'), its name in
 * name, whether it closes itself.  0, or -1 to give up.
 */
static int
start_tag(struct newsml_split *s, long long off, long long *end, char *name,
    int *empty)
{
	long long p = off + 1, limit = off + LIMIT_XML_MARKUP / 2;
	size_t n = 0;
	int c, prev = 0;

	if (!have(s, p) || !name_start(AT(s, p)))
		return give_up(s);
	for (; have(s, p) && p < limit; p++) {
		c = AT(s, p);
		if (is_space(c) || c == '/' || c == '>')
			break;
		if (n + 1 >= NAME_MAX_BYTES)
			return give_up(s);
		name[n++] = (char)c;
	}
	name[n] = '\0';
	for (; p < limit; p++) {
		if (!have(s, p))
			return give_up(s);
		c = AT(s, p);
		if (c == '"' || c == '\'') {
			if ((p = find_byte(s, p + 1, c, limit)) < 0)
				return give_up(s);
		} else if (c == '>') {
			*end = p + 1;
			*empty = prev == '/';
			return 0;
		} else if (c == '<')
			return give_up(s);
		prev = c;
	}
	return give_up(s);
}

/*
 * Markup at off ('<') that is no start tag, end tag or document start: a
 * comment, a CDATA section (inside elements only) or a PI.  Its end in
 * *end; -1 to give up (a DOCTYPE, any other declaration).
 */
static int
other_markup(struct newsml_split *s, long long off, int inside,
    long long *end)
{
	if (looking_at(s, off, "<!--"))
		*end = find_seq(s, off + 4, "-->", off + LIMIT_XML_MARKUP / 2);
	else if (inside && looking_at(s, off, "<![CDATA["))
		*end = find_seq(s, off + 9, "]]>", off + LIMIT_XML_CDATA / 2);
	else if (looking_at(s, off, "<?"))
		*end = find_seq(s, off + 2, "?>", off + LIMIT_XML_MARKUP / 2);
	else
		return give_up(s);
	return *end < 0 ? give_up(s) : 0;
}

/* Whether the bytes from the item's measure on near the reader's bound. */
static int
too_large(const struct newsml_split *s, long long off)
{
	return off - s->chunk_start >= (long long)(LIMIT_ITEM_BYTES / 2);
}

/*
 * An element whose start tag begins at off, at depth (of its parent) depth:
 * its end, past its end tag, in *end.  0, or -1 to give up.
 */
static int
element(struct newsml_split *s, long long off, int depth, long long *end)
{
	char name[NAME_MAX_BYTES];
	long long p, limit = s->chunk_start + (long long)(LIMIT_ITEM_BYTES / 2);
	int empty, open = 1, c;

	if (start_tag(s, off, &p, name, &empty) != 0)
		return -1;
	if (empty) {
		*end = p;
		return 0;
	}
	while (open > 0) {
		if ((p = find_byte(s, p, '<', limit)) < 0 || !have(s, p + 1))
			return give_up(s);
		c = AT(s, p + 1);
		if (c == '/') {
			if ((p = find_byte(s, p, '>', p + LIMIT_XML_MARKUP /
			    2)) < 0)
				return give_up(s);
			p++;
			open--;
		} else if (c == '!' || c == '?') {
			if (other_markup(s, p, 1, &p) != 0)
				return -1;
		} else {
			if (start_tag(s, p, &p, name, &empty) != 0)
				return -1;
			if (!empty && ++open + depth >= LIMIT_XML_DEPTH - 2)
				return give_up(s);
		}
		if (too_large(s, p))
			return give_up(s);
	}
	*end = p;
	return 0;
}

/* --- the envelope --- */

static void
env_error(void *arg, xmlErrorPtr e)
{
	struct newsml_split *s = arg;

	if (e != NULL && e->level >= XML_ERR_ERROR)
		s->env_failed = 1;
}

/* The envelope's bytes from env_from to to, then extra; 0 or -1. */
static int
env_feed(struct newsml_split *s, long long to, const char *extra,
    int terminate)
{
	struct xml_quiet q;

	xml_quiet_begin(&q, env_error, s);
	if (to > s->env_from)
		xmlParseChunk(s->env, (const char *)&AT(s, s->env_from),
		    (int)(to - s->env_from), 0);
	s->env_from = to;
	if (extra != NULL || terminate)
		xmlParseChunk(s->env, extra, extra != NULL ?
		    (int)strlen(extra) : 0, terminate);
	xml_quiet_end(&q);
	if (s->env_failed || !s->env->wellFormed || !s->env->nsWellFormed)
		return give_up(s);
	if (!s->pend && s->keep < s->env_from)
		s->keep = s->env_from;
	return 0;
}

static int
env_start(struct newsml_split *s)
{
	memset(&s->sax, 0, sizeof(s->sax));
	s->sax.initialized = XML_SAX2_MAGIC;
	s->sax.serror = env_error;
	s->env_failed = 0;
	if ((s->env = xmlCreatePushParserCtxt(&s->sax, s, NULL, 0,
	    NULL)) == NULL)
		return give_up(s);
	xmlCtxtUseOptions(s->env, READ_OPTIONS);
	return 0;
}

static void
env_end(struct newsml_split *s)
{
	if (s->env != NULL) {
		xmlFreeDoc(s->env->myDoc);
		s->env->myDoc = NULL;
		xmlFreeParserCtxt(s->env);
		s->env = NULL;
	}
}

/* --- documents --- */

/* At the start of a document, or at the end of the input: 0 or -1. */
static int
doc_begin(struct newsml_split *s)
{
	if (!s->started)
		while (have(s, s->pos) && is_space(AT(s, s->pos)))
			s->pos++;
	s->keep = s->pos;
	if (!have(s, s->pos))
		return s->broken ? give_up(s) : 0;
	s->started = 1;
	if (AT(s, s->pos) != '<')
		return give_up(s);	/* a byte order mark, UTF-16, ... */
	if (lines_to(s, s->pos, &s->doc_nl) != 0)
		return give_up(s);
	s->in_doc = 1;
	s->doc_start = s->chunk_start = s->env_from = s->pos;
	s->doc_items = s->count;
	s->level = -1;
	s->depth = 0;
	s->root_closed = 0;
	s->in_item_set = 0;
	wbuf_reset(&s->head);
	s->head_root = 0;
	return 1;
}

/* The XML declaration at pos: kept for the head; -1 unless UTF-8. */
static int
declaration(struct newsml_split *s)
{
	long long end = find_seq(s, s->pos + 2, "?>", s->pos + 1024);
	const char *d, *enc;

	if (end < 0 || wbuf_append(&s->head, &AT(s, s->pos),
	    (size_t)(end - s->pos)) != WARTA_OK)
		return give_up(s);
	d = s->head.data;
	if ((enc = strstr(d, "encoding")) != NULL) {
		enc += 8;
		while (is_space(*enc) || *enc == '=')
			enc++;
		if ((*enc != '"' && *enc != '\'') ||
		    (strncasecmp(enc + 1, "UTF-8", 5) != 0 &&
		    strncasecmp(enc + 1, "UTF8", 4) != 0) ||
		    enc[enc[4] == '8' ? 5 : 6] != *enc)
			return give_up(s);
	}
	s->pos = end;
	return 0;
}

/* Whether the '<' at pos, after the root, starts the next document. */
static int
next_document(struct newsml_split *s)
{
	int c;

	if (!have(s, s->pos + 1))
		return 0;
	c = AT(s, s->pos + 1);
	if (c == '?')
		return looking_at(s, s->pos, "<?xml") && have(s, s->pos + 5) &&
		    is_space(AT(s, s->pos + 5));
	if (c == '!')	/* a DOCTYPE is refused in its own document */
		return looking_at(s, s->pos, "<!DOCTYPE");
	return c != '/';
}

static int
make_tail(struct newsml_split *s)
{
	wbuf_reset(&s->tail);
	if (wbuf_puts(&s->tail, "</") != WARTA_OK ||
	    wbuf_puts(&s->tail, s->d1_name) != WARTA_OK ||
	    wbuf_puts(&s->tail, "></") != WARTA_OK ||
	    wbuf_puts(&s->tail, s->root_name) != WARTA_OK ||
	    wbuf_putc(&s->tail, '>') != WARTA_OK)
		return give_up(s);
	return 0;
}

/*
 * The pending item into *p, now that what follows it is checked: 1, or 0
 * when there is none.  Its bytes stay in the buffer until the next call.
 */
static int
hand_out(struct newsml_split *s, struct newsml_piece *p)
{
	struct wbuf t;
	const char *c;
	long long head_nl = 0;

	if (!s->pend)
		return 0;
	s->pend = 0;
	t = s->out_head;
	s->out_head = s->pend_head;
	s->pend_head = t;
	t = s->out_tail;
	s->out_tail = s->pend_tail;
	s->pend_tail = t;
	memset(p, 0, sizeof(*p));
	p->head = s->out_head.data;
	p->head_len = s->out_head.len;
	p->tail = s->out_tail.data;
	p->tail_len = s->out_tail.len;
	p->bytes = (const char *)&AT(s, s->pend_start);
	p->len = (size_t)(s->pend_end - s->pend_start);
	p->in_message = 1;
	p->offset = s->pend_start;
	p->doc_start = s->doc_start;
	p->doc_items = s->doc_items;
	p->count = s->pend_count;
	for (c = p->head; c < p->head + p->head_len; c++)
		head_nl += *c == '\n';
	p->first_line = 1 + (s->pend_nl - s->doc_nl) - head_nl;
	return 1;
}

/* Ends the document at pos (the next one starts there, or the input
 * ended): 1 with a lone item's piece, 0, or -1. */
static int
doc_end(struct newsml_split *s, struct newsml_piece *p)
{
	if (s->broken)
		return give_up(s);
	if (s->level == 2) {
		if (env_feed(s, s->pos, NULL, 1) != 0)
			return -1;
		env_end(s);
		s->in_doc = 0;
		return hand_out(s, p);
	}
	memset(p, 0, sizeof(*p));
	s->in_doc = 0;
	p->head = p->tail = "";
	p->len = (size_t)(s->pos - s->doc_start);
	if (s->fp == NULL) {
		/* The caller's bytes stay where they are. */
		p->bytes = (const char *)&AT(s, s->doc_start);
	} else {
		wbuf_reset(&s->piece);
		if (wbuf_append(&s->piece, &AT(s, s->doc_start), p->len) !=
		    WARTA_OK)
			return give_up(s);
		p->bytes = s->piece.data;
	}
	p->offset = p->doc_start = s->doc_start;
	p->first_line = 1;
	p->doc_items = s->doc_items;
	p->count = ++s->count;
	return 1;
}

/* A start tag at pos outside the items: the root, a child of it, or an
 * item; 1 with an item's piece, 0, or -1. */
static int
tag_open(struct newsml_split *s, struct newsml_piece *p)
{
	char name[NAME_MAX_BYTES];
	long long end, start = s->pos;
	int empty, rc;

	if (s->root_closed)
		return give_up(s);
	if (s->level == -1) {
		if (start_tag(s, start, &end, s->root_name, &empty) != 0)
			return -1;
		if (strcmp(local_part(s->root_name), "newsMessage") == 0) {
			s->level = 2;
			if (wbuf_append(&s->head, &AT(s, start),
			    (size_t)(end - start)) != WARTA_OK ||
			    env_start(s) != 0)
				return give_up(s);
			s->head_root = s->head.len;
		} else if (is_item_name(s->root_name)) {
			/* The whole document is the piece. */
			s->level = 0;
			if (element(s, start, 0, &end) != 0)
				return -1;
			s->root_closed = 1;
			s->pos = end;
			s->chunk_start = end;
			return 0;
		} else
			return give_up(s);	/* the reader says what */
		s->pos = end;
		s->chunk_start = end;
		if (empty)
			s->root_closed = 1;
		else
			s->depth = 1;
		return 0;
	}
	if (s->depth == 1) {
		if (start_tag(s, start, &end, s->d1_name, &empty) != 0)
			return -1;
		s->pos = s->chunk_start = end;
		if (empty)
			return 0;
		s->depth = 2;
		s->in_item_set = strcmp(local_part(s->d1_name), "itemSet") ==
		    0;
		s->head.len = s->head_root;
		if (wbuf_append(&s->head, &AT(s, start),
		    (size_t)(end - start)) != WARTA_OK || make_tail(s) != 0)
			return give_up(s);
		return 0;
	}
	/* depth 2: an element at item level. */
	if (start_tag(s, start, &end, name, &empty) != 0)
		return -1;
	if (!s->in_item_set || !is_item_name(name)) {
		/* The envelope's: its parser checks it. */
		if (element(s, start, s->depth, &end) != 0)
			return -1;
		s->pos = s->chunk_start = end;
		return 0;
	}
	/* An item: what stands before it is checked first.  The push
	 * parser holds back what it cannot yet judge: the item stands as an
	 * empty element, which ends text and the tags before it, and holds
	 * the ';' that a reference ("&amp" cut short) waits for. */
	if (env_feed(s, start, "<_ _=';'/>", 0) != 0)
		return -1;
	if (!s->pend)
		s->keep = start;
	if (element(s, start, s->depth, &end) != 0)
		return -1;
	/* The one before it goes out; this one waits for what follows. */
	rc = hand_out(s, p);
	wbuf_reset(&s->pend_head);
	wbuf_reset(&s->pend_tail);
	if (wbuf_append(&s->pend_head, s->head.data, s->head.len) !=
	    WARTA_OK || wbuf_append(&s->pend_tail, s->tail.data,
	    s->tail.len) != WARTA_OK)
		return give_up(s);
	if (lines_to(s, start, &s->pend_nl) != 0)
		return give_up(s);
	s->pend = 1;
	s->pend_start = start;
	s->pend_end = end;
	s->pend_count = ++s->count;
	s->keep = rc ? p->offset : start;
	s->pos = s->chunk_start = s->env_from = end;
	return rc;
}

/* An end tag at pos, outside the items. */
static int
tag_close(struct newsml_split *s)
{
	long long end = find_byte(s, s->pos, '>', s->pos +
	    LIMIT_XML_MARKUP / 2);

	if (end < 0 || s->level != 2 || s->depth < 1)
		return give_up(s);
	s->pos = s->chunk_start = end + 1;
	if (--s->depth == 0)
		s->root_closed = 1;
	else
		s->in_item_set = 0;
	return 0;
}

int
newsml_split_next(struct newsml_split *s, struct newsml_piece *p)
{
	int rc, c;

	if (s->stopped)
		return -1;
	/* What the last call handed out may go now. */
	if (s->in_doc && s->level == 2)
		s->keep = s->pend ? s->pend_start : s->env_from;
	for (;;) {
		long long lt, limit;

		if (!s->in_doc && (rc = doc_begin(s)) <= 0)
			return rc;
		if (s->level == 2 && s->pos - s->env_from >=
		    (long long)ENV_FLUSH && env_feed(s, s->pos, NULL, 0) != 0)
			return -1;
		if (s->level != 2)
			s->keep = s->doc_start;
		limit = s->chunk_start + (long long)(LIMIT_ITEM_BYTES / 2);
		lt = find_byte(s, s->pos, '<', limit);
		if (lt == -2)
			return give_up(s);
		/* Outside the root only white space; inside, text is the
		 * envelope parser's to judge. */
		if (s->depth == 0) {
			long long q, to = lt < 0 ? s->base + (long long)s->len :
			    lt;

			for (q = s->pos; q < to; q++)
				if (!is_space(AT(s, q)))
					return give_up(s);
		}
		if (lt < 0) {
			s->pos = s->base + (long long)s->len;
			if (!s->root_closed)
				return give_up(s);	/* cut short */
			rc = doc_end(s, p);
			if (rc != 0)
				return rc;
			continue;
		}
		s->pos = lt;
		if (!have(s, lt + 1))
			return give_up(s);
		c = AT(s, lt + 1);
		if (s->root_closed && next_document(s)) {
			if ((rc = doc_end(s, p)) != 0)
				return rc;
			continue;
		}
		if (c == '?' && lt == s->doc_start &&
		    looking_at(s, lt, "<?xml") && have(s, lt + 5) &&
		    is_space(AT(s, lt + 5))) {
			if (declaration(s) != 0)
				return -1;
		} else if (c == '!' || c == '?') {
			if (other_markup(s, lt, s->depth > 0, &s->pos) != 0)
				return -1;
		} else if (c == '/') {
			if (tag_close(s) != 0)
				return -1;
		} else if ((rc = tag_open(s, p)) != 0)
			return rc;
	}
}

long long
newsml_split_resume(const struct newsml_split *s, unsigned long *items_before)
{
	if (s->in_doc) {
		*items_before = s->doc_items;
		return s->doc_start;
	}
	*items_before = s->count;
	return s->pos;
}

long long
newsml_split_offset(const struct newsml_split *s)
{
	return s->pos;
}

static struct newsml_split *
split_new(struct warta_error *err)
{
	struct newsml_split *s;

	xmlInitParser();
	if ((s = calloc(1, sizeof(*s))) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	wbuf_init(&s->head);
	wbuf_init(&s->tail);
	wbuf_init(&s->piece);
	wbuf_init(&s->pend_head);
	wbuf_init(&s->pend_tail);
	wbuf_init(&s->out_head);
	wbuf_init(&s->out_tail);
	return s;
}

struct newsml_split *
newsml_split_new(FILE *fp, struct warta_error *err)
{
	struct newsml_split *s;

	if ((s = split_new(err)) == NULL)
		return NULL;
	if ((s->buf = malloc(2 * SPLIT_READ)) == NULL) {
		free(s);
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	s->fp = fp;
	s->cap = 2 * SPLIT_READ;
	return s;
}

struct newsml_split *
newsml_split_new_memory(const char *bytes, size_t len,
    struct warta_error *err)
{
	struct newsml_split *s;

	if ((s = split_new(err)) == NULL)
		return NULL;
	/* Only read: more() has nothing to read, so never moves it. */
	s->buf = (unsigned char *)(uintptr_t)bytes;
	s->len = s->cap = len;
	s->eof = 1;
	return s;
}


void
newsml_split_free(struct newsml_split *s)
{
	if (s == NULL)
		return;
	env_end(s);
	wbuf_release(&s->head);
	wbuf_release(&s->tail);
	wbuf_release(&s->piece);
	wbuf_release(&s->pend_head);
	wbuf_release(&s->pend_tail);
	wbuf_release(&s->out_head);
	wbuf_release(&s->out_tail);
	if (s->fp != NULL)
		free(s->buf);
	free(s);
}

/* A held piece keeps its buffer for the next up to this size. */
#define HELD_KEPT	((size_t)1 << 20)

int
newsml_hold(struct newsml_held *h, const struct newsml_piece *p)
{
	if (newsml_piece_copy(p, &h->bytes) != WARTA_OK)
		return WARTA_FAILED;
	h->item_at = p->head_len;
	h->item_len = p->len;
	h->in_message = p->in_message;
	h->first_line = p->first_line;
	h->doc_start = p->doc_start;
	h->doc_items = p->doc_items;
	return WARTA_OK;
}

int
newsml_held_parse(const struct newsml_held *h, xmlDocPtr *item,
    int *verbatim)
{
	return newsml_piece_parse(h->bytes.data, h->bytes.len, h->in_message,
	    h->first_line, item, verbatim);
}

void
newsml_held_clear(struct newsml_held *h, int free_too)
{
	if (free_too || h->bytes.cap > HELD_KEPT)
		wbuf_release(&h->bytes);
	else
		wbuf_reset(&h->bytes);
}

int
newsml_piece_copy(const struct newsml_piece *p, struct wbuf *out)
{
	wbuf_reset(out);
	if (wbuf_reserve(out, p->head_len + p->len + p->tail_len) !=
	    WARTA_OK ||
	    wbuf_append(out, p->head, p->head_len) != WARTA_OK ||
	    wbuf_append(out, p->bytes, p->len) != WARTA_OK ||
	    wbuf_append(out, p->tail, p->tail_len) != WARTA_OK)
		return WARTA_FAILED;
	return WARTA_OK;
}
