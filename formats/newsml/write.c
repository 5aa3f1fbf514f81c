/*
 * newsml/write.c: one article to a NewsML-G2 newsItem, and the stream of
 * items (lone newsItem or newsMessage), with libxml2's xmlTextWriter.
 *
 * Element order follows the schema strictly: catalogRef, hopHistory,
 * itemMeta, contentMeta, contentSet.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "base/base64.h"
#include "base/utf8.h"
#include "newsml/write.h"

#define X(s) ((const xmlChar *)(s))

int
newsml_make_guid(struct wbuf *out, const char *domain, const char *date_iso,
    const char *sha256)
{
	char date[9] = "00000000";
	size_t i, j;

	/* The date part sorts guids by the article's own date; it comes from
	 * the text, so the same bytes always give the same guid. */
	if (date_iso != NULL && strlen(date_iso) == 10) {
		for (i = j = 0; i < 10; i++)
			if (date_iso[i] != '-')
				date[j++] = date_iso[i];
	}
	if (wbuf_puts(out, "urn:newsml:") != WARTA_OK ||
	    wbuf_puts(out, domain) != WARTA_OK ||
	    wbuf_putc(out, ':') != WARTA_OK || wbuf_puts(out, date) != WARTA_OK ||
	    wbuf_putc(out, ':') != WARTA_OK ||
	    wbuf_append(out, sha256, 16) != WARTA_OK)
		return WARTA_FAILED;
	return WARTA_OK;
}

#define ONES	UINT64_C(0x0101010101010101)
#define HIGHS	UINT64_C(0x8080808080808080)

/*
 * Nonzero when a byte of w is c: the classic bit trick for a zero byte,
 * exact as a yes/no for the whole word.
 */
static uint64_t
has_byte(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (ONES * c);

	return (x - ONES) & ~x & HIGHS;
}

/* Nonzero when a byte of w is below 0x20 (same trick, exact as a yes/no). */
static uint64_t
has_control(uint64_t w)
{
	return (w - ONES * 0x20) & ~w & HIGHS;
}

/*
 * From s[i], the first eight-byte block with a control byte (a line feed,
 * most often) or an EF, or the last few bytes.
 */
static size_t
skip_legal(const unsigned char *s, size_t i, size_t n)
{
	uint64_t w;

	for (; n - i >= 8; i += 8) {
		memcpy(&w, s + i, sizeof(w));
		if ((has_control(w) | has_byte(w, 0xEF)) != 0)
			break;
	}
	return i;
}

int
xml_text_legal(const unsigned char *s, size_t n)
{
	size_t i, stop;

	for (i = skip_legal(s, 0, n); i < n; i = skip_legal(s, i, n)) {
		/* the block skip_legal stopped at, byte by byte */
		stop = n - i > 8 ? i + 8 : n;
		for (; i < stop; i++) {
			unsigned char c = s[i];

			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
				return 0;
			/* U+FFFE and U+FFFF: EF BF BE, EF BF BF */
			if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBF &&
			    (s[i + 2] == 0xBE || s[i + 2] == 0xBF))
				return 0;
		}
	}
	return 1;
}

/* Each call returns < 0 on failure; chained with || below. */
static int write_text(xmlTextWriterPtr w, struct wbuf *esc, const char *s,
    size_t n);

static int
element(xmlTextWriterPtr w, const char *name, const char *text)
{
	struct wbuf esc = WBUF_INIT;
	int rc;

	rc = xmlTextWriterStartElement(w, X(name)) < 0 ||
	    write_text(w, &esc, text, strlen(text)) < 0 ? -1 :
	    xmlTextWriterEndElement(w);
	wbuf_release(&esc);
	return rc;
}

static int
qcode_element(xmlTextWriterPtr w, const char *name, const char *qcode)
{
	if (xmlTextWriterStartElement(w, X(name)) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("qcode"), X(qcode)) < 0)
		return -1;
	return xmlTextWriterEndElement(w);
}

static int
named_element(xmlTextWriterPtr w, const char *name, const char *value)
{
	if (xmlTextWriterStartElement(w, X(name)) < 0 ||
	    element(w, "name", value) < 0)
		return -1;
	return xmlTextWriterEndElement(w);
}

/* The bytes xml_escape() replaces, one bit each: all are below 64. */
#define XML_SPECIAL	((UINT64_C(1) << '&') | (UINT64_C(1) << '<') | \
	(UINT64_C(1) << '>') | (UINT64_C(1) << '\r'))

/*
 * A bit test with no branch on the byte: a text mixes letters and spaces
 * every few bytes, and a comparison would guess wrong at each change.
 */
static int
needs_entity(unsigned char c)
{
	return ((XML_SPECIAL >> (c & 63)) & (c < 64)) != 0;
}

/*
 * From s[i], the first eight-byte block with a byte that needs an entity,
 * or the last few bytes: a text has one in hundreds of bytes, if any.
 */
static size_t
skip_plain(const char *s, size_t i, size_t n)
{
	uint64_t w;

	for (; n - i >= 8; i += 8) {
		memcpy(&w, s + i, sizeof(w));
		if ((has_byte(w, '&') | has_byte(w, '<') | has_byte(w, '>') |
		    has_byte(w, '\r')) != 0)
			break;
	}
	return i;
}

/*
 * Appends s[0, n) escaped exactly as libxml2's serializer (xmlNodeDump)
 * escapes text: & < > and CR, and not '"', so that a later stage that
 * parses the item and writes it back unchanged gives the same bytes.
 * Every text is escaped here and handed to xmlTextWriterWriteRawLen():
 * the writer's own escaping also turns '"' into &quot;, checks its buffer
 * at every byte and needs a NUL-terminated copy of the original, and was
 * the writer's largest cost.
 */
static int
xml_escape(struct wbuf *out, const char *s, size_t n)
{
	const char *entity;
	size_t i, stop, span = 0;

	if (wbuf_reserve(out, n) != WARTA_OK)
		return WARTA_FAILED;
	for (i = skip_plain(s, 0, n); i < n; i = skip_plain(s, i, n)) {
		/* the block skip_plain stopped at, byte by byte */
		stop = n - i > 8 ? i + 8 : n;
		for (; i < stop; i++) {
			if (!needs_entity((unsigned char)s[i]))
				continue;
			switch (s[i]) {
			case '&':
				entity = "&amp;";
				break;
			case '<':
				entity = "&lt;";
				break;
			case '>':
				entity = "&gt;";
				break;
			default:	/* '\r' */
				entity = "&#13;";
				break;
			}
			if (wbuf_append(out, s + span, i - span) != WARTA_OK ||
			    wbuf_puts(out, entity) != WARTA_OK)
				return WARTA_FAILED;
			span = i + 1;
		}
	}
	return wbuf_append(out, s + span, n - span);
}

/* Writes s[0, n) as text, escaped in esc (scratch space). */
static int
write_text(xmlTextWriterPtr w, struct wbuf *esc, const char *s, size_t n)
{
	wbuf_reset(esc);
	if (xml_escape(esc, s, n) != WARTA_OK || esc->len > INT_MAX)
		return -1;
	return xmlTextWriterWriteRawLen(w, X(esc->data), (int)esc->len);
}

/* As element(), for the long texts. */
static int
text_element(xmlTextWriterPtr w, struct wbuf *esc, const char *name,
    const char *text)
{
	if (xmlTextWriterStartElement(w, X(name)) < 0 ||
	    write_text(w, esc, text, strlen(text)) < 0)
		return -1;
	return xmlTextWriterEndElement(w);
}

static int
write_hop_history(xmlTextWriterPtr w, const struct newsml_item_info *info)
{
	char party[128];

	snprintf(party, sizeof(party), "%s %s", info->generator,
	    info->generator_version);
	if (xmlTextWriterStartElement(w, X("hopHistory")) < 0 ||
	    xmlTextWriterStartElement(w, X("hop")) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("seq"), X("1")) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("timestamp"), X(info->now)) < 0 ||
	    named_element(w, "party", party) < 0 ||
	    xmlTextWriterStartElement(w, X("action")) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("qcode"), X("hopaction:transformed")) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("target"), X("hatarget:content")) < 0 ||
	    xmlTextWriterEndElement(w) < 0 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	return xmlTextWriterEndElement(w);
}

/* One of warta's own properties of where the item came from, if known. */
static int
write_source_property(xmlTextWriterPtr w, const char *prop, const char *value)
{
	char uri[128];

	if (value == NULL)
		return 0;
	snprintf(uri, sizeof(uri), "%s%s", WARTA_PROP_URI, prop);
	if (xmlTextWriterStartElement(w, X("itemMetaExtProperty")) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("reluri"), X(uri)) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("value"), X(value)) < 0)
		return -1;
	return xmlTextWriterEndElement(w);
}

static int
write_item_meta(xmlTextWriterPtr w, const struct newsml_item_info *info)
{
	char uri[512];

	snprintf(uri, sizeof(uri), "https://%s/", info->provider);
	if (xmlTextWriterStartElement(w, X("itemMeta")) < 0 ||
	    qcode_element(w, "itemClass", "ninat:text") < 0 ||
	    xmlTextWriterStartElement(w, X("provider")) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("uri"), X(uri)) < 0 ||
	    element(w, "name", info->provider) < 0 ||
	    xmlTextWriterEndElement(w) < 0 ||
	    element(w, "versionCreated", info->now) < 0 ||
	    element(w, "firstCreated", info->now) < 0 ||
	    qcode_element(w, "pubStatus", "stat:usable") < 0)
		return -1;
	if (info->file_name != NULL &&
	    element(w, "fileName", info->file_name) < 0)
		return -1;
	if (xmlTextWriterStartElement(w, X("generator")) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("versioninfo"),
	    X(info->generator_version)) < 0 ||
	    xmlTextWriterWriteString(w, X(info->generator)) < 0 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	/* The SHA-256 of the original bytes, the second rendition. */
	if (xmlTextWriterStartElement(w, X("hash")) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("hashtypeuri"), X(SHA256_URI)) < 0 ||
	    xmlTextWriterWriteString(w, X(info->original_sha256)) < 0 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	if (info->uri != NULL && element(w, "origRep", info->uri) < 0)
		return -1;
	if (write_source_property(w, "record", info->record) < 0 ||
	    write_source_property(w, "captured", info->uri_date) < 0)
		return -1;
	return xmlTextWriterEndElement(w);
}

/* Starts element name, marked as given when its source states it. */
static int
start_stated(xmlTextWriterPtr w, const char *name,
    const struct newsml_content *c, unsigned bit)
{
	if (xmlTextWriterStartElement(w, X(name)) < 0)
		return -1;
	if ((c->stated & bit) != 0 &&
	    xmlTextWriterWriteAttribute(w, X("why"), X("why:direct")) < 0)
		return -1;
	return 0;
}

/* <name why=...>text</name> */
static int
stated_element(xmlTextWriterPtr w, const char *name, const char *text,
    const struct newsml_content *c, unsigned bit)
{
	struct wbuf esc = WBUF_INIT;
	int rc;

	rc = start_stated(w, name, c, bit) < 0 ||
	    write_text(w, &esc, text, strlen(text)) < 0 ? -1 :
	    xmlTextWriterEndElement(w);
	wbuf_release(&esc);
	return rc;
}

/* <name why=...><name>value</name></name> */
static int
stated_named_element(xmlTextWriterPtr w, const char *name, const char *value,
    const struct newsml_content *c, unsigned bit)
{
	if (start_stated(w, name, c, bit) < 0 || element(w, "name", value) < 0)
		return -1;
	return xmlTextWriterEndElement(w);
}

/* The keywords and subject codes the source states, as it states them. */
static int
write_stated_terms(xmlTextWriterPtr w, const struct newsml_content *c)
{
	size_t i;

	for (i = 0; i < c->nkeywords; i++)
		if (xmlTextWriterStartElement(w, X("keyword")) < 0 ||
		    xmlTextWriterWriteAttribute(w, X("why"),
		    X("why:direct")) < 0 ||
		    xmlTextWriterWriteString(w, X(c->keywords[i])) < 0 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	for (i = 0; i < c->nsubjects; i++) {
		const struct newsml_subject *sj = &c->subjects[i];

		if (xmlTextWriterStartElement(w, X("subject")) < 0 ||
		    xmlTextWriterWriteAttribute(w, X("type"), X(sj->type)) < 0 ||
		    (sj->qcode != NULL && xmlTextWriterWriteAttribute(w,
		    X("qcode"), X(sj->qcode)) < 0) ||
		    xmlTextWriterWriteAttribute(w, X("why"),
		    X("why:direct")) < 0 ||
		    (sj->name != NULL && element(w, "name", sj->name) < 0) ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	return 0;
}

static int
write_content_meta(xmlTextWriterPtr w, const struct newsml_content *c)
{
	if (xmlTextWriterStartElement(w, X("contentMeta")) < 0)
		return -1;
	if (c->created != NULL && stated_element(w, "contentCreated",
	    c->created, c, NEWSML_STATED_CREATED) < 0)
		return -1;
	if (c->place != NULL && stated_named_element(w, "located", c->place,
	    c, NEWSML_STATED_PLACE) < 0)
		return -1;
	if (c->outlet != NULL && stated_named_element(w, "infoSource",
	    c->outlet, c, NEWSML_STATED_OUTLET) < 0)
		return -1;
	if (c->creator != NULL && stated_named_element(w, "creator",
	    c->creator, c, NEWSML_STATED_CREATOR) < 0)
		return -1;
	if (c->lang != NULL && c->lang[0] != '\0') {
		if (xmlTextWriterStartElement(w, X("language")) < 0 ||
		    xmlTextWriterWriteAttribute(w, X("tag"), X(c->lang)) < 0 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	if (write_stated_terms(w, c) < 0)
		return -1;
	if (c->headline != NULL && stated_element(w, "headline", c->headline,
	    c, NEWSML_STATED_HEADLINE) < 0)
		return -1;
	if (c->dateline != NULL && stated_element(w, "dateline", c->dateline,
	    c, NEWSML_STATED_DATELINE) < 0)
		return -1;
	if (c->byline != NULL && stated_element(w, "by", c->byline, c,
	    NEWSML_STATED_BYLINE) < 0)
		return -1;
	return xmlTextWriterEndElement(w);
}

static int
write_body(xmlTextWriterPtr w, struct wbuf *esc, const struct newsml_content *c)
{
	size_t i;

	if (xmlTextWriterStartElement(w, X("inlineXML")) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("contenttype"),
	    X("application/xhtml+xml")) < 0 ||
	    xmlTextWriterStartElementNS(w, NULL, X("html"), X(XHTML_NS)) < 0 ||
	    xmlTextWriterStartElement(w, X("head")) < 0 ||
	    (c->headline != NULL ? element(w, "title", c->headline) :
	    (xmlTextWriterStartElement(w, X("title")) < 0 ? -1 :
	    xmlTextWriterEndElement(w))) < 0 ||
	    xmlTextWriterEndElement(w) < 0 ||
	    xmlTextWriterStartElement(w, X("body")) < 0)
		return -1;
	for (i = 0; i < c->npara; i++)
		if (text_element(w, esc, "p", c->paras[i]) < 0)
			return -1;
	if (xmlTextWriterEndElement(w) < 0 || xmlTextWriterEndElement(w) < 0)
		return -1;
	return xmlTextWriterEndElement(w);
}

/*
 * The original bytes, unchanged, as the second rendition: as text when an
 * XML reader gives back exactly these bytes (valid UTF-8, XML-legal; the
 * writer escapes CR as &#13; so it survives), else base64 with the charset
 * they were decoded from.
 */
static int
write_original(xmlTextWriterPtr w, struct wbuf *esc,
    const struct newsml_item_info *info)
{
	const char *mime = info->original_type != NULL ?
	    info->original_type : "text/plain";
	char type[128];
	int as_text;

	as_text = utf8_valid(info->original, info->original_len, NULL) &&
	    xml_text_legal(info->original, info->original_len);
	if (as_text)
		snprintf(type, sizeof(type), "%s; charset=utf-8", mime);
	else if (info->original_charset != NULL)
		snprintf(type, sizeof(type), "%s; charset=%s", mime,
		    info->original_charset);
	else
		snprintf(type, sizeof(type), "%s", mime);
	if (xmlTextWriterStartElement(w, X("inlineData")) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("contenttype"), X(type)) < 0)
		return -1;
	if (as_text) {
		if (write_text(w, esc, (const char *)info->original,
		    info->original_len) < 0)
			return -1;
	} else {
		wbuf_reset(esc);
		if (xmlTextWriterWriteAttribute(w, X("encoding"),
		    X("encd:base64")) < 0 ||
		    base64_encode(esc, info->original, info->original_len) !=
		    WARTA_OK || esc->len > INT_MAX ||
		    xmlTextWriterWriteRawLen(w, X(esc->data), (int)esc->len) < 0)
			return -1;
	}
	return xmlTextWriterEndElement(w);
}

static int
write_item(xmlTextWriterPtr w, struct wbuf *esc,
    const struct newsml_item_info *info, const struct newsml_content *c)
{
	/*
	 * The namespace first and an empty title as <title/>: the bytes
	 * libxml2 writes when a later stage serializes the item, so that a
	 * stage that changes nothing gives back what it was given.
	 */
	if (xmlTextWriterStartElement(w, X("newsItem")) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("xmlns"), X(NEWSML_NS)) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("guid"), X(info->guid)) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("version"), X("1")) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("standard"), X("NewsML-G2")) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("standardversion"),
	    X("2.35")) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("conformance"), X("power")) < 0)
		return -1;
	if (c->lang != NULL && c->lang[0] != '\0' &&
	    xmlTextWriterWriteAttribute(w, X("xml:lang"), X(c->lang)) < 0)
		return -1;
	if (xmlTextWriterStartElement(w, X("catalogRef")) < 0 ||
	    xmlTextWriterWriteAttribute(w, X("href"), X(NEWSML_CATALOG)) < 0 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	if (write_hop_history(w, info) < 0 || write_item_meta(w, info) < 0 ||
	    write_content_meta(w, c) < 0)
		return -1;
	if (xmlTextWriterStartElement(w, X("contentSet")) < 0 ||
	    write_body(w, esc, c) < 0 || write_original(w, esc, info) < 0 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	return xmlTextWriterEndElement(w);
}

/* Where libxml2's output buffer sends the item: straight into out. */
struct sink {
	struct wbuf *out;
	int out_of_memory;
};

static int
sink_write(void *ctx, const char *p, int len)
{
	struct sink *sink = ctx;

	if (wbuf_append(sink->out, p, (size_t)len) != WARTA_OK) {
		sink->out_of_memory = 1;
		return -1;
	}
	return len;
}

/*
 * The writer's output buffer hands its chunks to out itself (rather than
 * to an xmlBuffer that is then copied): an item is written once.  On
 * failure out is put back as it was.
 */
int
newsml_item_write(struct wbuf *out, const struct newsml_item_info *info,
    const struct newsml_content *c, struct warta_error *err)
{
	struct sink sink = { out, 0 };
	xmlOutputBufferPtr ob;
	xmlTextWriterPtr w;
	struct wbuf esc = WBUF_INIT;
	size_t mark = out->len;
	int rc = WARTA_FAILED;

	if ((ob = xmlOutputBufferCreateIO(sink_write, NULL, &sink,
	    NULL)) == NULL)
		return warta_error_set(err, 0, "out of memory");
	if ((w = xmlNewTextWriter(ob)) == NULL) {
		xmlOutputBufferClose(ob);
		return warta_error_set(err, 0, "out of memory");
	}
	if (xmlTextWriterSetIndent(w, 1) < 0 ||
	    xmlTextWriterSetIndentString(w, X("  ")) < 0 ||
	    write_item(w, &esc, info, c) < 0 || xmlTextWriterFlush(w) < 0) {
		if (sink.out_of_memory)
			warta_error_set(err, 0, "out of memory");
		else
			warta_error_set(err, 0,
			    "cannot write the NewsML-G2 item");
		goto done;
	}
	rc = WARTA_OK;
done:
	xmlFreeTextWriter(w);
	/* The writer ends the root with a newline; the stream adds its own. */
	if (rc == WARTA_OK && out->len > mark && out->data[out->len - 1] == '\n')
		out->data[--out->len] = '\0';
	wbuf_release(&esc);
	if (rc != WARTA_OK) {
		out->len = mark;
		if (out->data != NULL)
			out->data[mark] = '\0';
	}
	return rc;
}

/*
 * The stream.  A single item must come out as a lone newsItem document, so
 * the first item is held back until a second one arrives (or the stream
 * ends); from then on items go straight out inside the newsMessage.
 */
struct newsml_stream {
	FILE *fp;
	char *sent;
	struct wbuf first;
	size_t count;
};

static const char XML_DECL[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

struct newsml_stream *
newsml_stream_new(FILE *fp, const char *sent)
{
	struct newsml_stream *s;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	if ((s->sent = strdup(sent)) == NULL) {
		free(s);
		return NULL;
	}
	s->fp = fp;
	wbuf_init(&s->first);
	return s;
}

void
newsml_stream_free(struct newsml_stream *s)
{
	if (s == NULL)
		return;
	wbuf_release(&s->first);
	free(s->sent);
	free(s);
}

static int
put(struct newsml_stream *s, const char *p, size_t n, struct warta_error *err)
{
	if (n > 0 && fwrite(p, 1, n, s->fp) != n)
		return warta_error_set(err, 0, "write error: %s",
		    strerror(errno));
	return WARTA_OK;
}

static int
put_str(struct newsml_stream *s, const char *p, struct warta_error *err)
{
	return put(s, p, strlen(p), err);
}

int
newsml_stream_item(struct newsml_stream *s, const char *xml, size_t len,
    struct warta_error *err)
{
	if (s->count == 0) {
		s->count++;
		wbuf_reset(&s->first);
		if (wbuf_append(&s->first, xml, len) != WARTA_OK)
			return warta_error_set(err, 0, "out of memory");
		return WARTA_OK;
	}
	if (s->count == 1) {
		if (put_str(s, XML_DECL, err) != WARTA_OK ||
		    put_str(s, "<newsMessage xmlns=\"" NEWSML_NS "\">\n"
		    "  <header>\n    <sent>", err) != WARTA_OK ||
		    put_str(s, s->sent, err) != WARTA_OK ||
		    put_str(s, "</sent>\n  </header>\n  <itemSet>\n", err) !=
		    WARTA_OK ||
		    put(s, s->first.data, s->first.len, err) != WARTA_OK ||
		    put_str(s, "\n", err) != WARTA_OK)
			return WARTA_FAILED;
		wbuf_release(&s->first);
	}
	s->count++;
	if (put(s, xml, len, err) != WARTA_OK)
		return WARTA_FAILED;
	return put_str(s, "\n", err);
}

int
newsml_stream_finish(struct newsml_stream *s, struct warta_error *err)
{
	if (s->count == 1) {
		if (put_str(s, XML_DECL, err) != WARTA_OK ||
		    put(s, s->first.data, s->first.len, err) != WARTA_OK ||
		    put_str(s, "\n", err) != WARTA_OK)
			return WARTA_FAILED;
	} else if (s->count > 1) {
		if (put_str(s, "  </itemSet>\n</newsMessage>\n", err) !=
		    WARTA_OK)
			return WARTA_FAILED;
	}
	if (fflush(s->fp) != 0 || ferror(s->fp))
		return warta_error_set(err, 0, "write error: %s",
		    strerror(errno));
	return WARTA_OK;
}
