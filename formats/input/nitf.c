/*
 * input/nitf.c: an NITF document (News Industry Text Format 3.x, IPTC's
 * XML for news before NewsML-G2; 2.5 reads the same), one file one
 * article.
 *
 * Detection: an XML document whose root element is <nitf> (in any
 * namespace), seen after the XML declaration, comments, processing
 * instructions and a DOCTYPE; the DOCTYPE's name alone says it too.  A
 * .nitf name counts only when the head ends before the root shows.
 *
 * The document is read whole (bounded by the size bound of one record)
 * with libxml2: no network, no DTD loaded, no entity substituted (not
 * XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR), and not
 * XML_PARSE_HUGE, so libxml2's own limits on depth and entity expansion
 * stand.  The text walk below steps over entity references altogether:
 * an entity declared in the document or its DTD is neither fetched nor
 * expanded (the predefined ones and character references are text and
 * stay).
 *
 * What the document states:
 *   headline   body.head/hedline/hl1, else head/title
 *   byline     body.head/byline, as written
 *   creator    the byline's <person> elements ("A and B"), else the
 *              byline without its <byttl>, a leading "By", and what
 *              follows a comma ("By Jane Doe, Staff Writer": Jane Doe)
 *   dateline   body.head/dateline, as written, without a closing dash
 *   place      the dateline's location/city (or location), else its text
 *              before the first comma; a name in capitals in its
 *              ordinary case (HOUSTON: Houston)
 *   outlet     body.head/distributor, else head/pubdata/@name
 *   created    head/pubdata/@date.publication, else head/docdata/
 *              date.issue/@norm, else the dateline's story.date/@norm:
 *              ISO 8601 basic "20260115T103000-0500" as
 *              "2026-01-15T10:30:00-05:00", the day alone when there is
 *              no zone or no time (T000000)
 *   lang       nitf/@xml:lang, else nitf/@baselang (NITF 3), nitf/@lang
 *   keywords   head/docdata/key-list/keyword/@key
 *   subjects   head/tobject/tobject.subject: an IPTC subject code
 *              (tobject.subject.refnum, eight digits, tobject.subject.ipr
 *              IPTC or absent) as qcode "subj:NNNNNNNN" (the IPTC catalog
 *              declares the alias), named by its detail, matter or type
 *              attribute; another provider's code by its name alone
 *
 * Left in the original rendition only: hedline/hl2 (NewsML-G2's item has
 * one headline, and a subheadline put first in the body would be taken
 * by the layout for a title line and lost), the abstract (unless the
 * body is empty), docdata's doc-id (an identifier of the provider's, for
 * which the item has no field warta writes), urgency, media and notes.
 *
 * The body: the blocks of body.content in order (p, hl2, pre, each list
 * item, each table row with its cells joined by " | ", a block quote's
 * paragraphs and credit), then body.end's tagline; inline markup is
 * text, <br> a space, white space collapsed, one block a paragraph.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "base/ascii.h"
#include "base/xml_errors.h"
#include "input/format.h"
#include "input/stated.h"

#define NITF_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES)

struct nitf_reader {
	struct input_stream *in;
	struct input_context ctx;
	struct wbuf bytes;	/* the document */
	struct wbuf text;	/* the body, blocks apart */
	struct wbuf tmp;
	struct stated st;
	char created[32];
	char charset[64];
	int done;

	/* The parse's first error, and its first fatal one. */
	int errors;
	struct warta_error first, fatal;
	int have_fatal;
};

/* ---- detection ---- */

/* An XML name character, as far as a root element's name goes. */
static int
name_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
	    c == ':' || c >= 0x80;
}

/* Is the name at p (n bytes on) "nitf", or "prefix:nitf"? */
static int
name_is_nitf(const unsigned char *p, size_t n)
{
	size_t i = 0, local = 0;

	while (i < n && name_char(p[i])) {
		if (p[i] == ':')
			local = i + 1;
		i++;
	}
	if (i == n)
		return -1;	/* the head ends inside the name */
	return i - local == 4 && memcmp(p + local, "nitf", 4) == 0;
}

static const unsigned char *
find(const unsigned char *p, const unsigned char *end, const char *lit)
{
	size_t n = strlen(lit);

	for (; p + n <= end; p++)
		if (memcmp(p, lit, n) == 0)
			return p;
	return NULL;
}

/* Does p (up to end) start with lit?  -1: too short to tell. */
static int
starts(const unsigned char *p, const unsigned char *end, const char *lit)
{
	size_t n = strlen(lit), have = (size_t)(end - p);

	if (memcmp(p, lit, have < n ? have : n) != 0)
		return 0;
	return have < n ? -1 : 1;
}

/*
 * The root element of the XML document whose first n bytes are head:
 * 1 it is <nitf> (or the DOCTYPE names nitf), 0 it is not or this is no
 * XML, -1 the head ends before it shows.
 */
static int
root_is_nitf(const unsigned char *head, size_t n)
{
	const unsigned char *p = head, *end = head + n;
	int s;

	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (;;) {
		while (p < end && ascii_is_xml_space(*p))
			p++;
		if (p + 1 >= end)
			return -1;
		if (*p != '<')
			return 0;
		if (p[1] == '?') {
			if ((p = find(p + 2, end, "?>")) == NULL)
				return -1;
			p += 2;
		} else if ((s = starts(p, end, "<!--")) != 0) {
			if (s < 0 || (p = find(p + 4, end, "-->")) == NULL)
				return -1;
			p += 3;
		} else if ((s = starts(p, end, "<!DOCTYPE")) != 0) {
			if (s < 0)
				return -1;
			/* Its name is the root's. */
			p += 9;
			while (p < end && ascii_is_xml_space(*p))
				p++;
			return name_is_nitf(p, (size_t)(end - p));
		} else if (name_char(p[1]) && p[1] != ':' && p[1] != '-' &&
		    p[1] != '.' && !(p[1] >= '0' && p[1] <= '9')) {
			return name_is_nitf(p + 1, (size_t)(end - p - 1));
		} else
			return 0;
	}
}

/* A name ending in suffix (ASCII, any case). */
static int
name_ends(const char *name, const char *suffix)
{
	size_t n, k = strlen(suffix), i;

	if (name == NULL || (n = strlen(name)) < k)
		return 0;
	for (i = 0; i < k; i++)
		if (ascii_lower((unsigned char)name[n - k + i]) != suffix[i])
			return 0;
	return 1;
}

static int
nitf_detect(const unsigned char *head, size_t n, const char *name)
{
	unsigned char ascii[INPUT_HEAD_SIZE / 2];
	size_t i, m = 0;
	int root;

	/* UTF-16 with a byte order mark: its ASCII is every other byte. */
	if (n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) ||
	    (head[0] == 0xFE && head[1] == 0xFF))) {
		size_t lo = head[0] == 0xFF ? 2 : 3;

		for (i = lo; i < n && m < sizeof(ascii); i += 2)
			ascii[m++] = head[i];
		head = ascii;
		n = m;
	}
	root = root_is_nitf(head, n);
	if (root == 1)
		return 95;
	if (root < 0 && name_ends(name, ".nitf"))
		return 50;
	return 0;
}

/* ---- libxml2's errors ---- */

static void
on_error(void *arg, xmlErrorPtr e)
{
	struct nitf_reader *r = arg;
	struct warta_error *to;
	char msg[400];
	long long off = -1;

	if (e == NULL || e->level < XML_ERR_ERROR)
		return;
	if (e->level == XML_ERR_FATAL && !r->have_fatal) {
		to = &r->fatal;
		r->have_fatal = 1;
	} else if (r->errors == 0)
		to = &r->first;
	else
		return;
	r->errors++;
	if (e->ctxt != NULL && (e->domain == XML_FROM_PARSER ||
	    e->domain == XML_FROM_NAMESPACE || e->domain == XML_FROM_IO ||
	    e->domain == XML_FROM_I18N))
		off = xmlByteConsumed((xmlParserCtxtPtr)e->ctxt);
	xml_one_line(msg, sizeof(msg), e->message);
	warta_error_set(to, off, "not well-formed XML at byte %lld (line %d): "
	    "%s", off, e->line, msg[0] != '\0' ? msg : "unknown error");
}

/* ---- the tree ---- */

static int
is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

/* The first child element named name, after the child after (or from
 * the first when after is NULL). */
static xmlNodePtr
child_after(xmlNodePtr parent, xmlNodePtr after, const char *name)
{
	xmlNodePtr c;

	if (parent == NULL)
		return NULL;
	for (c = after != NULL ? after->next : parent->children; c != NULL;
	    c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

static xmlNodePtr
child(xmlNodePtr parent, const char *name)
{
	return child_after(parent, NULL, name);
}

/* The first element named name below n, depth first. */
static xmlNodePtr
descendant(xmlNodePtr n, const char *name)
{
	xmlNodePtr c, d;

	if (n == NULL)
		return NULL;
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, name))
			return c;
		if ((d = descendant(c, name)) != NULL)
			return d;
	}
	return NULL;
}

static int
in_list(xmlNodePtr n, const char *const *list)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (is(n, list[i]))
			return 1;
	return 0;
}

/* Elements that are blocks of their own, wherever they stand. */
static const char *const blockish[] = {
	"p", "hl1", "hl2", "block", "bq", "credit", "ul", "ol", "dl", "li",
	"dt", "dd", "table", "tr", "td", "th", "pre", "caption", NULL
};

/*
 * Appends the text of n's children to b: text and CDATA as they are,
 * <br> as a space, elements named in skip (a NULL-ended list) left out,
 * entity references left out (never expanded: see the top).
 */
static int
gather(xmlNodePtr n, struct wbuf *b, const char *const *skip)
{
	xmlNodePtr c;
	size_t i;

	for (c = n->children; c != NULL; c = c->next) {
		switch (c->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (c->content != NULL &&
			    wbuf_puts(b, (const char *)c->content) != WARTA_OK)
				return -1;
			break;
		case XML_ELEMENT_NODE:
			if (is(c, "br")) {
				if (wbuf_putc(b, ' ') != WARTA_OK)
					return -1;
				break;
			}
			for (i = 0; skip != NULL && skip[i] != NULL; i++)
				if (is(c, skip[i]))
					break;
			if (skip != NULL && skip[i] != NULL)
				break;
			/* Inline elements are words of the sentence; blocks
			 * inside one (a list item's paragraphs) are kept
			 * apart by a space. */
			if (in_list(c, blockish) &&
			    wbuf_putc(b, ' ') != WARTA_OK)
				return -1;
			if (gather(c, b, skip) < 0)
				return -1;
			if (in_list(c, blockish) &&
			    wbuf_putc(b, ' ') != WARTA_OK)
				return -1;
			break;
		default:
			break;
		}
	}
	return 0;
}

/* The text of n (collapsed, owned by r->st), or NULL when it has none. */
static char *
text_of(struct nitf_reader *r, xmlNodePtr n, const char *const *skip)
{
	if (n == NULL)
		return NULL;
	wbuf_reset(&r->tmp);
	if (gather(n, &r->tmp, skip) < 0 || wbuf_putc(&r->tmp, '\0') < 0)
		return NULL;
	return stated_text(&r->st, r->tmp.data, strlen(r->tmp.data));
}

/* Attribute name of n (ns: its namespace, or NULL for none), from its
 * text alone, collapsed; NULL when absent or empty. */
static char *
attr(struct nitf_reader *r, xmlNodePtr n, const char *name, const char *ns)
{
	xmlAttrPtr a;
	xmlNodePtr c;

	if (n == NULL)
		return NULL;
	for (a = n->properties; a != NULL; a = a->next) {
		if (strcmp((const char *)a->name, name) != 0)
			continue;
		if (ns == NULL ? a->ns != NULL : a->ns == NULL ||
		    strcmp((const char *)a->ns->href, ns) != 0)
			continue;
		wbuf_reset(&r->tmp);
		for (c = a->children; c != NULL; c = c->next)
			if (c->type == XML_TEXT_NODE && c->content != NULL &&
			    wbuf_puts(&r->tmp, (const char *)c->content) !=
			    WARTA_OK)
				return NULL;
		if (r->tmp.len == 0)
			return NULL;
		return stated_text(&r->st, r->tmp.data, r->tmp.len);
	}
	return NULL;
}

/* ---- the body ---- */

/* Blocks whose children are blocks. */
static const char *const containers[] = {
	"block", "bq", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot",
	"nitf-table", "fn", "body.content", NULL
};

/* What is not the article's text: media, notes to editors, rules,
 * metadata inside a block. */
static const char *const not_text[] = {
	"media", "note", "hr", "nitf-table-metadata", "custom-table",
	"bibliography", "datasource", "copyrite", "key-list", "classifier",
	"tobject", "col", "colgroup", "nitf-colgroup", "nitf-col",
	"table-reference", NULL
};

/* Appends s (n bytes, NUL terminated in place) as the next block. */
static int
add_block(struct nitf_reader *r, char *s)
{
	size_t n = stated_collapse(s);

	if (n == 0)
		return 0;
	if ((r->text.len > 0 && wbuf_puts(&r->text, "\n\n") != WARTA_OK) ||
	    wbuf_append(&r->text, s, n) != WARTA_OK)
		return -1;
	return 0;
}

/* One table row: its cells, " | " between them. */
static int
add_row(struct nitf_reader *r, xmlNodePtr tr)
{
	xmlNodePtr c;
	int cells = 0;

	wbuf_reset(&r->tmp);
	for (c = tr->children; c != NULL; c = c->next) {
		size_t start, n;

		if (!is(c, "td") && !is(c, "th"))
			continue;
		if (cells > 0 && wbuf_puts(&r->tmp, " | ") != WARTA_OK)
			return -1;
		start = r->tmp.len;
		if (gather(c, &r->tmp, not_text) < 0 ||
		    wbuf_putc(&r->tmp, '\0') != WARTA_OK)
			return -1;
		/* an empty cell still holds its place: "A | | C" */
		n = stated_collapse(r->tmp.data + start);
		r->tmp.len = start + n;
		cells++;
	}
	if (wbuf_putc(&r->tmp, '\0') != WARTA_OK)
		return -1;
	return add_block(r, r->tmp.data);
}

static int
add_blocks(struct nitf_reader *r, xmlNodePtr parent)
{
	xmlNodePtr c;

	for (c = parent->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			/* text straight in a container: a block of its own */
			wbuf_reset(&r->tmp);
			if (c->content != NULL && (wbuf_puts(&r->tmp,
			    (const char *)c->content) != WARTA_OK ||
			    wbuf_putc(&r->tmp, '\0') != WARTA_OK ||
			    add_block(r, r->tmp.data) < 0))
				return -1;
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || in_list(c, not_text))
			continue;
		if (in_list(c, containers)) {
			if (add_blocks(r, c) < 0)
				return -1;
			continue;
		}
		if (is(c, "tr")) {
			if (add_row(r, c) < 0)
				return -1;
			continue;
		}
		/* p, hl2, pre, li, dt, dd, credit, caption, tagline, ... */
		wbuf_reset(&r->tmp);
		if (gather(c, &r->tmp, not_text) < 0 ||
		    wbuf_putc(&r->tmp, '\0') != WARTA_OK ||
		    add_block(r, r->tmp.data) < 0)
			return -1;
	}
	return 0;
}

/* ---- the fields ---- */

/* "A", "A and B", "A, B and C": the persons of a byline. */
static const char *
byline_persons(struct nitf_reader *r, xmlNodePtr byline)
{
	xmlNodePtr n[8];
	size_t k = 0, i;
	struct wbuf b = WBUF_INIT;
	const char *out = NULL;
	xmlNodePtr c;

	/* persons straight in the byline, or in an element of it */
	for (c = byline->children; c != NULL && k < 8; c = c->next) {
		if (is(c, "person"))
			n[k++] = c;
		else if (c->type == XML_ELEMENT_NODE && !is(c, "byttl")) {
			xmlNodePtr p = descendant(c, "person");

			if (p != NULL)
				n[k++] = p;
		}
	}
	for (i = 0; i < k; i++) {
		const char *name = text_of(r, n[i], NULL);

		if (name == NULL)
			continue;
		if (b.len > 0 && wbuf_puts(&b, i + 1 == k ? " and " : ", ") !=
		    WARTA_OK)
			goto out;
		if (wbuf_puts(&b, name) != WARTA_OK)
			goto out;
	}
	if (b.len > 0)
		out = stated_copy(&r->st, b.data, b.len);
out:
	wbuf_release(&b);
	return out;
}

/* The creator a byline states: its persons, else its words without
 * "By" and without what follows a comma (a title, an employer). */
static const char *
byline_creator(struct nitf_reader *r, xmlNodePtr byline)
{
	static const char *const no_title[] = { "byttl", NULL };
	const char *who, *text;
	size_t n;

	if ((who = byline_persons(r, byline)) != NULL)
		return who;
	if ((text = text_of(r, byline, no_title)) == NULL)
		return NULL;
	text = stated_skip_by(text);
	n = strcspn(text, ",;");
	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '.'))
		n--;
	if (n == 0)
		return NULL;
	return stated_text(&r->st, text, n);
}

/* The dateline without the dash or colon a wire puts after it. */
static char *
trim_separator(char *s)
{
	size_t n = strlen(s);

	for (;;) {
		while (n > 0 && s[n - 1] == ' ')
			n--;
		if (n > 0 && (s[n - 1] == '-' || s[n - 1] == ':' ||
		    s[n - 1] == '|')) {
			n--;
			continue;
		}
		/* an em or en dash */
		if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 &&
		    (unsigned char)s[n - 2] == 0x80 &&
		    ((unsigned char)s[n - 1] == 0x94 ||
		    (unsigned char)s[n - 1] == 0x93)) {
			n -= 3;
			continue;
		}
		break;
	}
	s[n] = '\0';
	return n > 0 ? s : NULL;
}

static void
read_dateline(struct nitf_reader *r, xmlNodePtr dl, struct input_article *a)
{
	static const char *const no_date[] = { "story.date", NULL };
	char *t, *place = NULL;

	if (dl == NULL)
		return;
	if ((t = text_of(r, dl, NULL)) != NULL)
		a->dateline = trim_separator(t);
	if ((t = text_of(r, descendant(dl, "city"), NULL)) != NULL ||
	    (t = text_of(r, descendant(dl, "location"), NULL)) != NULL)
		place = t;
	else if ((t = text_of(r, dl, no_date)) != NULL)
		place = stated_text(&r->st, t, strcspn(t, ","));
	if (place != NULL && (place = trim_separator(place)) != NULL) {
		stated_place_case(place);
		a->place = place;
	}
}

/* The first of the dates the document states that is one. */
static void
read_created(struct nitf_reader *r, xmlNodePtr head, xmlNodePtr bhead,
    struct input_article *a)
{
	const char *v[3];
	size_t i;

	v[0] = attr(r, child(head, "pubdata"), "date.publication", NULL);
	v[1] = attr(r, child(child(head, "docdata"), "date.issue"), "norm",
	    NULL);
	v[2] = attr(r, descendant(child(bhead, "dateline"), "story.date"),
	    "norm", NULL);
	for (i = 0; i < 3; i++)
		if (v[i] != NULL && stated_iso_date(v[i], r->created) == 0) {
			a->created = r->created;
			return;
		}
}

/* A language tag as BCP 47 has it: letters, digits, hyphens ("en-US";
 * an "en_US" is mended). */
static const char *
lang_tag(char *s)
{
	size_t i, n;

	if (s == NULL)
		return NULL;
	n = strlen(s);
	if (n < 2 || n > 35)
		return NULL;
	for (i = 0; i < n; i++) {
		if (s[i] == '_')
			s[i] = '-';
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9' && i >= 2) ||
		    (s[i] == '-' && i >= 2 && s[i - 1] != '-' && i + 1 < n)))
			return NULL;
	}
	return s;
}

static int
read_terms(struct nitf_reader *r, xmlNodePtr head)
{
	xmlNodePtr dd = child(head, "docdata"), kl, k, to, sj;

	for (kl = child(dd, "key-list"); kl != NULL;
	    kl = child_after(dd, kl, "key-list"))
		for (k = child(kl, "keyword"); k != NULL;
		    k = child_after(kl, k, "keyword"))
			if (stated_keyword(&r->st, attr(r, k, "key", NULL)) < 0)
				return -1;
	for (to = child(head, "tobject"); to != NULL;
	    to = child_after(head, to, "tobject"))
		for (sj = child(to, "tobject.subject"); sj != NULL;
		    sj = child_after(to, sj, "tobject.subject")) {
			const char *ref, *ipr, *name;
			char qcode[16];
			size_t i;

			ref = attr(r, sj, "tobject.subject.refnum", NULL);
			ipr = attr(r, sj, "tobject.subject.ipr", NULL);
			if ((name = attr(r, sj, "tobject.subject.detail",
			    NULL)) == NULL &&
			    (name = attr(r, sj, "tobject.subject.matter",
			    NULL)) == NULL)
				name = attr(r, sj, "tobject.subject.type",
				    NULL);
			for (i = 0; ref != NULL && ref[i] >= '0' &&
			    ref[i] <= '9'; i++)
				;
			qcode[0] = '\0';
			if (ref != NULL && i == 8 && ref[8] == '\0' &&
			    (ipr == NULL || strcmp(ipr, "IPTC") == 0 ||
			    strcmp(ipr, "iptc") == 0))
				snprintf(qcode, sizeof(qcode), "subj:%s", ref);
			if (stated_subject(&r->st, "cpnat:abstract",
			    qcode[0] != '\0' ? qcode : NULL, name) < 0)
				return -1;
		}
	return 0;
}

/* Fills a from the document's tree. */
static int
read_document(struct nitf_reader *r, xmlDocPtr doc, struct input_article *a,
    struct warta_error *err)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), head, body, bhead, bl;
	char *t;

	if (root == NULL)
		return warta_error_set(err, -1, "no root element");
	if (!is(root, "nitf"))
		return warta_error_set(err, -1, "not an NITF document: the "
		    "root element is <%.64s>", (const char *)root->name);
	head = child(root, "head");
	body = child(root, "body");
	bhead = child(body, "body.head");

	if ((a->headline = text_of(r, child(child(bhead, "hedline"), "hl1"),
	    NULL)) == NULL)
		a->headline = text_of(r, child(head, "title"), NULL);
	if ((bl = child(bhead, "byline")) != NULL) {
		a->byline = text_of(r, bl, NULL);
		a->creator = byline_creator(r, bl);
	}
	read_dateline(r, child(bhead, "dateline"), a);
	if ((a->outlet = text_of(r, child(bhead, "distributor"), NULL)) ==
	    NULL)
		a->outlet = attr(r, child(head, "pubdata"), "name", NULL);
	read_created(r, head, bhead, a);
	if ((t = attr(r, root, "lang", (const char *)XML_XML_NAMESPACE)) ==
	    NULL && (t = attr(r, root, "baselang", NULL)) == NULL)
		t = attr(r, root, "lang", NULL);
	a->lang = lang_tag(t);
	if (read_terms(r, head) < 0)
		return warta_error_set(err, -1, "out of memory");
	a->keywords = r->st.keywords;
	a->nkeywords = r->st.nkeywords;
	a->subjects = r->st.subjects;
	a->nsubjects = r->st.nsubjects;

	wbuf_reset(&r->text);
	if ((bl = child(body, "body.content")) != NULL &&
	    add_blocks(r, bl) < 0)
		return warta_error_set(err, -1, "out of memory");
	/* body.end: the tagline ("Reporting by ..."); its bibliography is
	 * in not_text */
	if ((bl = child(body, "body.end")) != NULL && add_blocks(r, bl) < 0)
		return warta_error_set(err, -1, "out of memory");
	/* No body but an abstract: the abstract is the text there is. */
	if (r->text.len == 0 && child(bhead, "abstract") != NULL &&
	    add_blocks(r, child(bhead, "abstract")) < 0)
		return warta_error_set(err, -1, "out of memory");
	if (wbuf_putc(&r->text, '\0') != WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	r->text.len--;
	a->text = r->text.data;
	a->text_len = r->text.len;
	return WARTA_OK;
}

/* ---- the module ---- */

static void *
nitf_open(struct input_stream *in, const struct input_context *ctx,
    struct warta_error *err)
{
	struct nitf_reader *r;

	if ((r = calloc(1, sizeof(*r))) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	r->in = in;
	r->ctx = *ctx;
	wbuf_init(&r->bytes);
	wbuf_init(&r->text);
	wbuf_init(&r->tmp);
	stated_init(&r->st);
	return r;
}

static int
nitf_next(void *state, struct input_article *out, struct warta_error *err)
{
	struct nitf_reader *r = state;
	struct xml_quiet q;
	xmlParserCtxtPtr pc;
	xmlDocPtr doc;
	size_t i;
	int rc;

	if (r->done)
		return 0;
	r->done = 1;
	if (input_stream_slurp(r->in, &r->bytes, r->ctx.limits->max_record,
	    err) != WARTA_OK)
		return -1;
	if (r->bytes.len == 0) {
		warta_error_set(err, 0, "empty file");
		return -1;
	}
	/* libxml2 takes an int; --max-size stops far below it */
	if (r->bytes.len > (size_t)0x7fffffff) {
		warta_error_set(err, -1, "too large for the XML parser");
		return -1;
	}
	xmlInitParser();
	if ((pc = xmlNewParserCtxt()) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return -1;
	}
	xml_quiet_begin(&q, on_error, r);
	doc = xmlCtxtReadMemory(pc, r->bytes.data, (int)r->bytes.len, NULL,
	    NULL, NITF_OPTIONS);
	xml_quiet_end(&q);
	xmlFreeParserCtxt(pc);
	if (doc == NULL) {
		const struct warta_error *e = r->have_fatal ? &r->fatal :
		    &r->first;

		if (r->errors == 0)
			warta_error_set(err, -1, "not well-formed XML");
		else
			*err = *e;
		return -1;
	}

	out->kind = INPUT_NITF;
	out->where = r->ctx.name;
	out->file_name = r->ctx.file_name;
	out->original = (const unsigned char *)r->bytes.data;
	out->original_len = r->bytes.len;
	out->original_type = "application/nitf+xml";
	if (doc->encoding != NULL) {
		snprintf(r->charset, sizeof(r->charset), "%s",
		    (const char *)doc->encoding);
		for (i = 0; r->charset[i] != '\0'; i++)
			r->charset[i] = (char)ascii_lower(
			    (unsigned char)r->charset[i]);
		out->original_charset = r->charset;
	}
	rc = read_document(r, doc, out, err);
	xmlFreeDoc(doc);
	return rc == WARTA_OK ? 1 : -1;
}

static void
nitf_close(void *state)
{
	struct nitf_reader *r = state;

	if (r == NULL)
		return;
	wbuf_release(&r->bytes);
	wbuf_release(&r->text);
	wbuf_release(&r->tmp);
	stated_release(&r->st);
	free(r);
}

const struct input_format input_nitf = {
	"nitf", INPUT_NITF, 0, nitf_detect, nitf_open, nitf_next, NULL,
	nitf_close
};
