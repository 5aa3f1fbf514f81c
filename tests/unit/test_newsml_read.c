/*
 * test_newsml_read.c: the NewsML-G2 stream reader (lone items, messages,
 * documents back to back, in several encodings; every refusal with its
 * message and byte offset) and the text of an item.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "base/buf.h"
#include "newsml/read.h"
#include "base/warta.h"

#define G2 "http://iptc.org/std/nar/2006-10-01/"
#define XHTML "http://www.w3.org/1999/xhtml"
#define DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

#define ITEM(guid) \
	"<newsItem xmlns=\"" G2 "\" guid=\"" guid "\" version=\"1\">" \
	"<contentSet><inlineXML contenttype=\"application/xhtml+xml\">" \
	"<html xmlns=\"" XHTML "\"><head><title/></head><body>" \
	"<p>text of " guid "</p></body></html></inlineXML></contentSet>" \
	"</newsItem>"

/* In a message the namespace comes from the newsMessage. */
#define BARE_ITEM(guid) \
	"<newsItem guid=\"" guid "\" version=\"1\"><contentSet>" \
	"<inlineXML contenttype=\"application/xhtml+xml\">" \
	"<html xmlns=\"" XHTML "\"><body><p>text of " guid "</p></body>" \
	"</html></inlineXML></contentSet></newsItem>"

#define MESSAGE3 \
	"<newsMessage xmlns=\"" G2 "\" xmlns:x=\"urn:example:x\">\n" \
	"  <header><sent>2023-11-14T22:13:20Z</sent></header>\n" \
	"  <itemSet>\n    " BARE_ITEM("m1") "\n    " BARE_ITEM("m2") \
	"\n    " BARE_ITEM("m3") "\n  </itemSet>\n</newsMessage>\n"

#define MAX_ITEMS 16

struct result {
	int nitems;
	char guid[MAX_ITEMS][32];
	char text[MAX_ITEMS][128];
	int rc;				/* the last return: 0 or -1 */
	struct warta_error err;
};

static FILE *
stream_of(const void *bytes, size_t n)
{
	FILE *fp = tmpfile();

	assert_non_null(fp);
	assert_int_equal(fwrite(bytes, 1, n, fp), n);
	rewind(fp);
	return fp;
}

/* Reads every item of the n bytes, keeping each guid and text. */
static void
read_n(const void *bytes, size_t n, size_t max_item, struct result *res)
{
	FILE *fp = stream_of(bytes, n);
	struct newsml_reader *r;
	xmlDocPtr item;
	int rc;

	memset(res, 0, sizeof(*res));
	warta_error_clear(&res->err);
	r = newsml_reader_new(fp, "test", &res->err);
	assert_non_null(r);
	if (max_item > 0)
		newsml_reader_set_max_item(r, max_item);
	while ((rc = newsml_reader_next(r, &item, &res->err)) == 1) {
		xmlNodePtr root = xmlDocGetRootElement(item);
		xmlChar *guid = xmlGetProp(root, (const xmlChar *)"guid");
		struct wbuf text = WBUF_INIT;
		struct warta_error err;

		assert_true(res->nitems < MAX_ITEMS);
		snprintf(res->guid[res->nitems], sizeof(res->guid[0]), "%s",
		    guid != NULL ? (const char *)guid : "");
		assert_int_equal(newsml_item_text(item, &text, &err), WARTA_OK);
		snprintf(res->text[res->nitems], sizeof(res->text[0]), "%s",
		    text.data != NULL ? text.data : "");
		res->nitems++;
		wbuf_release(&text);
		xmlFree(guid);
		xmlFreeDoc(item);
	}
	res->rc = rc;
	assert_int_equal((unsigned long)res->nitems, newsml_reader_count(r));
	if (rc < 0) {
		struct warta_error again;

		/* The reader stays failed, with the same error. */
		assert_int_equal(newsml_reader_next(r, &item, &again), -1);
		assert_null(item);
		assert_string_equal(again.message, res->err.message);
	}
	newsml_reader_free(r);
	fclose(fp);
}

static void
read_str(const char *s, struct result *res)
{
	read_n(s, strlen(s), 0, res);
}

static void
test_lone_item(void **state)
{
	struct result res;

	(void)state;
	read_str(DECL ITEM("a1") "\n", &res);
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.nitems, 1);
	assert_string_equal(res.guid[0], "a1");
	assert_string_equal(res.text[0], "text of a1\n");

	/* No declaration, no final newline, white space in front. */
	read_str("\n  " ITEM("a2"), &res);
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.nitems, 1);
	assert_string_equal(res.guid[0], "a2");
}

static void
test_other_items(void **state)
{
	struct result res;

	(void)state;
	read_str("<packageItem xmlns=\"" G2 "\" guid=\"p\"/>"
	    "<conceptItem xmlns=\"" G2 "\" guid=\"c\"/>"
	    "<knowledgeItem xmlns=\"" G2 "\" guid=\"k\"/>"
	    "<planningItem xmlns=\"" G2 "\" guid=\"l\"/>"
	    "<g2:catalogItem xmlns:g2=\"" G2 "\" guid=\"t\"/>", &res);
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.nitems, 5);
	assert_string_equal(res.guid[0], "p");
	assert_string_equal(res.guid[4], "t");
	assert_string_equal(res.text[0], "");
}

static void
test_message(void **state)
{
	struct result res;

	(void)state;
	read_str(DECL MESSAGE3, &res);
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.nitems, 3);
	assert_string_equal(res.guid[0], "m1");
	assert_string_equal(res.guid[1], "m2");
	assert_string_equal(res.guid[2], "m3");
	assert_string_equal(res.text[2], "text of m3\n");

	/* Elements in itemSet that are not items are passed over. */
	read_str("<newsMessage xmlns=\"" G2 "\"><header/><itemSet>"
	    "<foo/>" BARE_ITEM("only") "</itemSet></newsMessage>", &res);
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.nitems, 1);

	/* A message with no items is no error. */
	read_str("<newsMessage xmlns=\"" G2 "\"><header><sent>x</sent>"
	    "</header><itemSet/></newsMessage>", &res);
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.nitems, 0);
}

/* An item out of a message keeps the namespaces in scope there. */
static void
test_namespaces_kept(void **state)
{
	static const char in[] = MESSAGE3;
	FILE *fp = stream_of(in, sizeof(in) - 1);
	struct warta_error err;
	struct newsml_reader *r = newsml_reader_new(fp, "test", &err);
	xmlDocPtr item;
	xmlNodePtr root;
	xmlNsPtr ns;
	xmlChar *xml;
	int len;

	(void)state;
	assert_int_equal(newsml_reader_next(r, &item, &err), 1);
	root = xmlDocGetRootElement(item);
	assert_non_null(root->ns);
	assert_string_equal((const char *)root->ns->href, G2);
	ns = xmlSearchNs(item, root, (const xmlChar *)"x");
	assert_non_null(ns);
	assert_string_equal((const char *)ns->href, "urn:example:x");
	/* The copy stands alone: serialized and parsed again, the same. */
	xmlDocDumpMemory(item, &xml, &len);
	xmlFreeDoc(item);
	item = xmlReadMemory((const char *)xml, len, NULL, NULL, XML_PARSE_NONET);
	assert_non_null(item);
	root = xmlDocGetRootElement(item);
	assert_string_equal((const char *)root->ns->href, G2);
	xmlFree(xml);
	xmlFreeDoc(item);
	newsml_reader_free(r);
	fclose(fp);
}

static void
test_concatenated(void **state)
{
	struct result res;

	(void)state;
	/* With declarations, as `cat a.xml b.xml` makes. */
	read_str(DECL ITEM("a") "\n" DECL MESSAGE3 DECL ITEM("b") "\n", &res);
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.nitems, 5);
	assert_string_equal(res.guid[0], "a");
	assert_string_equal(res.guid[1], "m1");
	assert_string_equal(res.guid[3], "m3");
	assert_string_equal(res.guid[4], "b");

	/* Without, and with nothing between them at all. */
	read_str(ITEM("a") ITEM("b") MESSAGE3 ITEM("c"), &res);
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.nitems, 6);
	assert_string_equal(res.guid[5], "c");

	/* Comments and PIs after a root belong to its document; one of
	 * them looks like a declaration but is not. */
	read_str(ITEM("a") "\n<!-- <newsItem> -->\n<?xml-stylesheet href=\"x\"?>"
	    "\n" DECL "<!-- before -->" ITEM("b") "<!-- after -->\n", &res);
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.nitems, 2);

	/* Markup-like bytes in CDATA, comments and attribute values do
	 * not end a document early. */
	read_str("<newsItem xmlns=\"" G2 "\" guid=\"q>/&gt;'\" a='\"/>'>"
	    "<!-- </newsItem> --><x><![CDATA[</newsItem><newsItem>]]></x>"
	    "<?pi </newsItem> ?></newsItem>" ITEM("r"), &res);
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.nitems, 2);
	assert_string_equal(res.guid[0], "q>/>'");
	assert_string_equal(res.guid[1], "r");
}

static void
test_empty(void **state)
{
	struct result res;

	(void)state;
	read_n("", 0, 0, &res);
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.nitems, 0);
	read_str(" \n\t\n", &res);
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.nitems, 0);
}

static void
test_truncated(void **state)
{
	static const char in[] = DECL ITEM("a") "\n" MESSAGE3;
	struct result res;
	size_t cut = sizeof(in) - 1 - 40;
	char want[64];

	(void)state;
	read_n(in, cut, 0, &res);
	assert_int_equal(res.rc, -1);
	/* The first document comes out; of the message, whole items only,
	 * in order, as far as libxml2's read-ahead lets them (with 2.9.14,
	 * both). */
	assert_true(res.nitems >= 1 && res.nitems <= 3);
	assert_string_equal(res.guid[0], "a");
	if (res.nitems > 1)
		assert_string_equal(res.guid[1], "m1");
	if (res.nitems > 2)
		assert_string_equal(res.guid[2], "m2");
	assert_int_equal(res.err.offset, (long long)cut);
	snprintf(want, sizeof(want), "at byte %zu (line ", cut);
	assert_non_null(strstr(res.err.message, want));
	assert_non_null(strstr(res.err.message, "not well-formed XML"));
	assert_non_null(strstr(res.err.message, "still open"));

	/* Cut inside a tag. */
	read_n(in, 60, 0, &res);
	assert_int_equal(res.rc, -1);
	assert_int_equal(res.nitems, 0);
}

static void
test_not_well_formed(void **state)
{
	struct result res;

	(void)state;
	read_str("<newsItem xmlns=\"" G2 "\">\n<body>\n<p>x</body>\n"
	    "</newsItem>", &res);
	assert_int_equal(res.rc, -1);
	assert_non_null(strstr(res.err.message, "(line 3): Opening and "
	    "ending tag mismatch: p"));
	assert_true(res.err.offset > 0);

	/* The line counts from the start of the stream, not the document. */
	read_str(ITEM("a") "\n" ITEM("b") "\n\n<newsItem xmlns=\"" G2 "\">"
	    "&nope;</newsItem>", &res);
	assert_int_equal(res.rc, -1);
	assert_int_equal(res.nitems, 2);
	assert_non_null(strstr(res.err.message, "(line 4): Entity 'nope' "
	    "not defined"));

	/* An unbound prefix. */
	read_str("<newsItem xmlns=\"" G2 "\"><a:b/></newsItem>", &res);
	assert_int_equal(res.rc, -1);
	assert_non_null(strstr(res.err.message, "namespace error"));

	/* Text after the root. */
	read_str(ITEM("a") "junk", &res);
	assert_int_equal(res.rc, -1);
	assert_non_null(strstr(res.err.message, "Extra content"));
}

static void
test_doctype_refused(void **state)
{
	static const char bomb[] =
	    DECL "<!DOCTYPE lolz [\n"
	    "<!ENTITY lol \"lol\">\n"
	    "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
	    "]>\n<newsItem xmlns=\"" G2 "\">&lol1;</newsItem>\n";
	static const char xxe[] =
	    "<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
	    "<newsItem xmlns=\"" G2 "\">&xxe;</newsItem>";
	struct result res;

	(void)state;
	read_str(bomb, &res);
	assert_int_equal(res.rc, -1);
	assert_int_equal(res.nitems, 0);
	assert_int_equal(res.err.offset, (long long)strlen(DECL));
	assert_string_equal(res.err.message, "DOCTYPE refused at byte 39 "
	    "(line 2): NewsML-G2 has no DTD, and a DTD can define entities");

	read_str(xxe, &res);
	assert_int_equal(res.rc, -1);
	assert_int_equal(res.err.offset, 0);

	/* In the second document of a stream: the first still comes out. */
	read_str(ITEM("a") "\n" DECL "<!DOCTYPE x>" ITEM("b"), &res);
	assert_int_equal(res.rc, -1);
	assert_int_equal(res.nitems, 1);
	assert_non_null(strstr(res.err.message, "DOCTYPE refused"));

	/* Inside a message: the items before it come out. */
	read_str("<newsMessage xmlns=\"" G2 "\"><itemSet>\n" BARE_ITEM("a")
	    "\n" BARE_ITEM("b") "\n<!DOCTYPE x>\n</itemSet></newsMessage>",
	    &res);
	assert_int_equal(res.rc, -1);
	assert_true(res.nitems <= 2);
	assert_non_null(strstr(res.err.message, "DOCTYPE refused"));
	assert_non_null(strstr(res.err.message, "(line 4)"));

	/* Inside an element, too. */
	read_str("<newsItem xmlns=\"" G2 "\"><!DOCTYPE x></newsItem>", &res);
	assert_int_equal(res.rc, -1);
	assert_non_null(strstr(res.err.message, "DOCTYPE refused"));
}

static void
test_oversize(void **state)
{
	char *in, *p;
	size_t i, n = 8000;
	struct result res;

	(void)state;
	in = malloc(n + 1000);
	assert_non_null(in);
	p = in + sprintf(in, "<newsMessage xmlns=\"" G2 "\"><itemSet>\n"
	    BARE_ITEM("small") "\n<newsItem guid=\"big\"><x>");
	for (i = 0; i < 3000; i++)
		*p++ = 'y';
	p += sprintf(p, "</x></newsItem>\n" BARE_ITEM("after")
	    "\n</itemSet></newsMessage>\n");

	/* Each item is measured on its own: the message may be larger. */
	read_n(in, (size_t)(p - in), 4000, &res);
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.nitems, 3);

	read_n(in, (size_t)(p - in), 1000, &res);
	assert_int_equal(res.rc, -1);
	assert_true(res.nitems <= 1);
	if (res.nitems == 1)
		assert_string_equal(res.guid[0], "small");
	assert_non_null(strstr(res.err.message, "item too large at byte "));
	assert_non_null(strstr(res.err.message, "may not pass 1000 bytes"));

	/* A lone item is measured whole. */
	read_n(ITEM("a"), strlen(ITEM("a")), strlen(ITEM("a")), &res);
	assert_int_equal(res.rc, 0);
	read_n(ITEM("a"), strlen(ITEM("a")), strlen(ITEM("a")) - 1, &res);
	assert_int_equal(res.rc, -1);
	assert_int_equal(res.nitems, 0);
	assert_int_equal(res.err.offset, (long long)strlen(ITEM("a")) - 1);
	free(in);
}

/*
 * A lone item whose start tag is total bytes long, an attribute x making
 * up the length, and then what closes it.
 */
static void
long_tag(struct wbuf *in, size_t total, const char *rest)
{
	static const char head[] = "<newsItem xmlns=\"" G2 "\" guid=\"a\" x=\"";
	size_t i, k = total - (sizeof(head) - 1) - 2;

	wbuf_reset(in);
	wbuf_puts(in, head);
	for (i = 0; i < k; i++)
		wbuf_putc(in, 'v');
	wbuf_puts(in, "\">");
	wbuf_puts(in, rest);
}

/* Tags, comments and CDATA sections are bounded, each on its own. */
static void
test_markup_bounds(void **state)
{
	struct wbuf in = WBUF_INIT;
	struct result res;
	char want[128];
	size_t i;

	(void)state;
	long_tag(&in, LIMIT_XML_MARKUP, "</newsItem>");
	read_n(in.data, in.len, 0, &res);
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.nitems, 1);

	/* One byte more: the '>' passes the bound. */
	long_tag(&in, LIMIT_XML_MARKUP + 1, "</newsItem>");
	read_n(in.data, in.len, 0, &res);
	assert_int_equal(res.rc, -1);
	assert_int_equal(res.nitems, 0);
	assert_int_equal(res.err.offset, (long long)LIMIT_XML_MARKUP);
	snprintf(want, sizeof(want), "start tag too long at byte %zu (line 1): "
	    "one start tag with its attributes may not pass %zu bytes",
	    LIMIT_XML_MARKUP, LIMIT_XML_MARKUP);
	assert_string_equal(res.err.message, want);

	/* Far more, in the value: refused where the bound is passed. */
	long_tag(&in, 3 * LIMIT_XML_MARKUP, "</newsItem>");
	read_n(in.data, in.len, 0, &res);
	assert_int_equal(res.rc, -1);
	assert_int_equal(res.err.offset, (long long)LIMIT_XML_MARKUP);
	assert_non_null(strstr(res.err.message, "attribute value too long at "
	    "byte "));

	/* A comment, and a CDATA section with its own, larger bound. */
	long_tag(&in, 100, "<!--");
	for (i = 0; i < LIMIT_XML_MARKUP; i++)
		wbuf_putc(&in, '-' + (i % 2));
	wbuf_puts(&in, "--></newsItem>");
	read_n(in.data, in.len, 0, &res);
	assert_int_equal(res.rc, -1);
	assert_int_equal(res.err.offset, 100 + (long long)LIMIT_XML_MARKUP);
	assert_non_null(strstr(res.err.message, "comment too long at byte "));

	long_tag(&in, 100, "<![CDATA[");
	for (i = 0; i < LIMIT_XML_MARKUP * 2; i++)
		wbuf_putc(&in, 'c');
	wbuf_puts(&in, "]]></newsItem>");
	read_n(in.data, in.len, 0, &res);
	assert_int_equal(res.rc, 0);
	long_tag(&in, 100, "<![CDATA[");
	for (i = 0; i < LIMIT_XML_CDATA; i++)
		wbuf_putc(&in, 'c');
	wbuf_puts(&in, "]]></newsItem>");
	read_n(in.data, in.len, 0, &res);
	assert_int_equal(res.rc, -1);
	assert_int_equal(res.err.offset, 100 + (long long)LIMIT_XML_CDATA);
	assert_non_null(strstr(res.err.message, "CDATA section too long at "
	    "byte "));

	/* Text is bounded only by the item. */
	long_tag(&in, 100, "");
	for (i = 0; i < LIMIT_XML_CDATA * 2; i++)
		wbuf_putc(&in, 't');
	wbuf_puts(&in, "</newsItem>");
	read_n(in.data, in.len, 0, &res);
	assert_int_equal(res.rc, 0);
	wbuf_release(&in);
}

static void
test_too_deep(void **state)
{
	struct wbuf in = WBUF_INIT;
	struct result res;
	int i;

	(void)state;
	wbuf_puts(&in, "<newsItem xmlns=\"" G2 "\">");
	for (i = 0; i < LIMIT_XML_DEPTH + 10; i++)
		wbuf_puts(&in, "<d>");
	read_n(in.data, in.len, 0, &res);
	assert_int_equal(res.rc, -1);
	assert_non_null(strstr(res.err.message, "too deep"));
	wbuf_release(&in);
}

static void
test_garbage(void **state)
{
	static const unsigned char junk[] = {
		0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0xff, 0xfe, '<', 0x80
	};
	struct result res;

	(void)state;
	read_n(junk, sizeof(junk), 0, &res);
	assert_int_equal(res.rc, -1);
	assert_int_equal(res.nitems, 0);
	assert_non_null(strstr(res.err.message, "at byte 0 (line 1)"));

	read_str("just some text\n", &res);
	assert_int_equal(res.rc, -1);

	read_str("<!-- only a comment -->", &res);
	assert_int_equal(res.rc, -1);

	/* Not NewsML-G2: another root, or the right name without the
	 * namespace. */
	read_str("<html><body/></html>", &res);
	assert_int_equal(res.rc, -1);
	assert_string_equal(res.err.message, "not NewsML-G2: the root element "
	    "of the document at byte 0 is html, not an item or a newsMessage");
	read_str("<newsItem guid=\"x\"/>", &res);
	assert_int_equal(res.rc, -1);
	assert_non_null(strstr(res.err.message, "not in the namespace"));

	/* Bytes that are not UTF-8, with no declaration to say otherwise. */
	read_str("<newsItem xmlns=\"" G2 "\">caf\xe9</newsItem>", &res);
	assert_int_equal(res.rc, -1);
}

#define LATIN1 \
	"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" \
	"<newsItem xmlns=\"" G2 "\"><contentMeta><headline>Caf\xe9" \
	"</headline></contentMeta></newsItem>\n"

static void
test_encodings(void **state)
{
	static const char utf8[] = ITEM("u16");
	unsigned char in[2 * 2 * sizeof(utf8) + 8];
	size_t i, n = 0, k;
	struct result res;

	(void)state;
	read_str(LATIN1 DECL ITEM("next"), &res);
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.nitems, 2);
	assert_string_equal(res.text[0], "Caf\xc3\xa9\n");

	/* Two UTF-16LE documents, each with its byte order mark. */
	for (k = 0; k < 2; k++) {
		in[n++] = 0xFF;
		in[n++] = 0xFE;
		for (i = 0; i < sizeof(utf8) - 1; i++) {
			in[n++] = (unsigned char)utf8[i];
			in[n++] = 0;
		}
	}
	read_n(in, n, 0, &res);
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.nitems, 2);
	assert_string_equal(res.guid[1], "u16");
	assert_string_equal(res.text[1], "text of u16\n");

	/* A UTF-8 byte order mark on the second document. */
	read_str(ITEM("a") "\n\xEF\xBB\xBF" ITEM("b"), &res);
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.nitems, 2);
}

/* newsml_item_text on a document parsed here. */
static char *
text_of(const char *xml)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), NULL, NULL,
	    XML_PARSE_NONET);
	struct wbuf out = WBUF_INIT;
	struct warta_error err;

	assert_non_null(doc);
	assert_int_equal(newsml_item_text(doc, &out, &err), WARTA_OK);
	xmlFreeDoc(doc);
	if (out.data == NULL)
		return strdup("");
	return wbuf_steal(&out);
}

static void
test_item_text(void **state)
{
	char *t;

	(void)state;
	/* warta's own shape: the text stays exactly as written. */
	t = text_of("<newsItem xmlns=\"" G2 "\"><contentMeta>"
	    "<headline>A  headline</headline></contentMeta><contentSet>"
	    "<inlineXML contenttype=\"application/xhtml+xml\">"
	    "<html xmlns=\"" XHTML "\"><head><title>A  headline</title></head>"
	    "<body><p>One,  two &amp; \xe2\x80\x9cthree\xe2\x80\x9d.</p>"
	    "<p>Second.</p></body></html></inlineXML>"
	    "<inlineData contenttype=\"text/plain\">raw</inlineData>"
	    "</contentSet></newsItem>");
	assert_string_equal(t, "A  headline\n\nOne,  two & \xe2\x80\x9cthree"
	    "\xe2\x80\x9d.\n\nSecond.\n");
	free(t);

	/* Pretty-printed XHTML with other blocks, inline markup, <br/>,
	 * <pre> and empty paragraphs. */
	t = text_of("<newsItem xmlns=\"" G2 "\"><contentSet><inlineXML>"
	    "<html xmlns=\"" XHTML "\"><body>\n"
	    "  <h1>Title</h1>\n"
	    "  <p>A <b>bold</b>\n      word.</p>\n"
	    "  <p>  </p>\n"
	    "  <ul><li>one</li><li>two <i>2</i></li></ul>\n"
	    "  <blockquote><p>quoted</p></blockquote>\n"
	    "  <div>loose <p>inner</p> tail</div>\n"
	    "  <p>line<br/>break</p>\n"
	    "  <pre>\n  keep\n    this</pre>\n"
	    "<script>no()</script></body></html></inlineXML></contentSet>"
	    "</newsItem>");
	assert_string_equal(t, "Title\n\nA bold word.\n\none\n\ntwo 2\n\n"
	    "quoted\n\nloose\n\ninner\n\ntail\n\nline\nbreak\n\n"
	    "  keep\n    this\n");
	free(t);

	/* NITF in inlineXML: body.content, and hl1 when there is no
	 * headline in contentMeta. */
	t = text_of("<newsItem xmlns=\"" G2 "\"><contentSet><inlineXML "
	    "contenttype=\"application/nitf+xml\"><nitf xmlns=\"http://iptc."
	    "org/std/NITF/2006-10-18/\"><body><body.head><hedline><hl1>"
	    "Head\n   line</hl1></hedline><byline>By X</byline></body.head>"
	    "<body.content><p>First\n      para.</p><p>Second.</p>"
	    "</body.content></body></nitf></inlineXML></contentSet>"
	    "</newsItem>");
	assert_string_equal(t, "Head line\n\nFirst para.\n\nSecond.\n");
	free(t);

	/* inlineData as text when there is no inlineXML; not base64. */
	t = text_of("<newsItem xmlns=\"" G2 "\"><contentSet><inlineData "
	    "contenttype=\"text/plain; charset=utf-8\">Raw  text\n\n"
	    "as it was\n\n</inlineData></contentSet></newsItem>");
	assert_string_equal(t, "Raw  text\n\nas it was\n");
	free(t);
	t = text_of("<newsItem xmlns=\"" G2 "\"><contentSet><inlineData "
	    "contenttype=\"text/plain\" encoding=\"encd:base64\">SGk="
	    "</inlineData></contentSet></newsItem>");
	assert_string_equal(t, "");
	free(t);

	/* No text at all: nothing, not even a newline. */
	t = text_of("<conceptItem xmlns=\"" G2 "\"/>");
	assert_string_equal(t, "");
	free(t);
}

static void
test_item_text_appends(void **state)
{
	xmlDocPtr doc;
	struct wbuf out = WBUF_INIT;
	struct warta_error err;
	static const char xml[] = "<newsItem xmlns=\"" G2 "\"><contentMeta>"
	    "<headline>H</headline></contentMeta></newsItem>";

	(void)state;
	doc = xmlReadMemory(xml, (int)strlen(xml), NULL, NULL, XML_PARSE_NONET);
	wbuf_puts(&out, "before|");
	assert_int_equal(newsml_item_text(doc, &out, &err), WARTA_OK);
	assert_string_equal(out.data, "before|H\n");
	xmlFreeDoc(doc);
	wbuf_release(&out);

	assert_int_equal(newsml_item_text(NULL, &out, &err), WARTA_FAILED);
	assert_non_null(strstr(err.message, "not an item"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lone_item),
		cmocka_unit_test(test_other_items),
		cmocka_unit_test(test_message),
		cmocka_unit_test(test_namespaces_kept),
		cmocka_unit_test(test_concatenated),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_not_well_formed),
		cmocka_unit_test(test_doctype_refused),
		cmocka_unit_test(test_oversize),
		cmocka_unit_test(test_markup_bounds),
		cmocka_unit_test(test_too_deep),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_item_text),
		cmocka_unit_test(test_item_text_appends),
	};
	int rc;

	rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
