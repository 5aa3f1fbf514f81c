/*
 * test_newsml_write.c: the NewsML-G2 writer: guids, what XML text may
 * carry, one item written from its content (every field where the schema
 * wants it, the body escaped, the original as text or as base64 and back
 * again), and the stream of one item or several.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "base/buf.h"
#include "base/warta.h"
#include "newsml/edit.h"
#include "newsml/original.h"
#include "newsml/write.h"

static const char SHA[] =
    "0fb56732ef35c24e12062f09a53a14696957f26255e4c142e7971d7962b36ef0";

static void
info_for(struct newsml_item_info *info, const void *original, size_t len,
    const char *charset)
{
	memset(info, 0, sizeof(*info));
	info->guid = "urn:newsml:maritim.example:20210810:0fb56732ef35c24e";
	info->provider = "maritim.example";
	info->now = "2023-11-14T22:13:20Z";
	info->file_name = "seed.txt";
	info->generator = "warta-normalize";
	info->generator_version = "0.1.0";
	info->original = original;
	info->original_len = len;
	info->original_charset = charset;
	info->original_sha256 = SHA;
}

static xmlDocPtr
write_and_parse(const struct newsml_item_info *info,
    const struct newsml_content *c, struct wbuf *out)
{
	struct warta_error err;
	xmlDocPtr d;

	warta_error_clear(&err);
	assert_int_equal(newsml_item_write(out, info, c, &err), WARTA_OK);
	d = xmlReadMemory(out->data, (int)out->len, "item.xml", NULL,
	    XML_PARSE_NONET);
	assert_non_null(d);
	return d;
}

/* The text of the first element on the path, as a string (freed by us). */
static char *
text_at(xmlNodePtr n, const char *a, const char *b)
{
	n = g2_child(n, a);
	if (b != NULL)
		n = g2_child(n, b);
	return n != NULL ? g2_text(n) : NULL;
}

/* The first child element named name, whatever its namespace. */
static xmlNodePtr
xml_child(xmlNodePtr n, const char *name)
{
	assert_non_null(n);
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, name) == 0)
			return n;
	return NULL;
}

static void
expect_text(xmlNodePtr root, const char *a, const char *b, const char *want)
{
	char *got = text_at(root, a, b);

	if (want == NULL) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
	xmlFree(got);
}

static void
test_guid(void **state)
{
	struct wbuf b = WBUF_INIT;

	(void)state;
	assert_int_equal(newsml_make_guid(&b, "maritim.example", "2021-08-10",
	    SHA), WARTA_OK);
	assert_string_equal(b.data,
	    "urn:newsml:maritim.example:20210810:0fb56732ef35c24e");
	wbuf_reset(&b);
	/* No date: zeros, so undated guids still have one shape. */
	assert_int_equal(newsml_make_guid(&b, "warta.invalid", NULL, SHA),
	    WARTA_OK);
	assert_string_equal(b.data,
	    "urn:newsml:warta.invalid:00000000:0fb56732ef35c24e");
	wbuf_release(&b);
}

static void
test_xml_text_legal(void **state)
{
	(void)state;
	assert_true(xml_text_legal((const unsigned char *)"a\tb\nc\rd", 7));
	assert_true(xml_text_legal((const unsigned char *)"\xe2\x80\x9c", 3));
	assert_false(xml_text_legal((const unsigned char *)"a\x01" "b", 3));
	assert_false(xml_text_legal((const unsigned char *)"\x1b[0m", 4));
	/* U+FFFE and U+FFFF are not XML characters. */
	assert_false(xml_text_legal((const unsigned char *)"\xef\xbf\xbe", 3));
}

static void
test_item_fields(void **state)
{
	static const char orig[] = "SEMARANG-MARITIM: A & B <c>.\n";
	static char p1[] = "SEMARANG-MARITIM: A & B <c>.";
	static char p2[] = "Second \xe2\x80\x9cquoted\xe2\x80\x9d.";
	char *paras[] = { p1, p2 };
	struct newsml_content c = { 0 };
	struct newsml_item_info info;
	struct wbuf out = WBUF_INIT, back = WBUF_INIT;
	struct warta_error err;
	char recorded[65];
	xmlDocPtr d;
	xmlNodePtr root, body, p;
	int n = 0;

	(void)state;
	c.created = "2021-08-10";
	c.dateline = "SEMARANG-MARITIM";
	c.place = "Semarang";
	c.outlet = "Maritim";
	c.byline = "Purwanto";
	c.creator = "Purwanto";
	c.lang = "id";
	c.paras = paras;
	c.npara = 2;
	info_for(&info, orig, sizeof(orig) - 1, NULL);
	d = write_and_parse(&info, &c, &out);
	/* No declaration: the stream adds it. */
	assert_memory_not_equal(out.data, "<?xml", 5);
	root = xmlDocGetRootElement(d);
	assert_string_equal((const char *)root->name, "newsItem");
	expect_text(root, "contentMeta", "contentCreated", "2021-08-10");
	expect_text(root, "contentMeta", "dateline", "SEMARANG-MARITIM");
	expect_text(root, "contentMeta", "by", "Purwanto");
	expect_text(root, "contentMeta", "headline", NULL);
	expect_text(root, "itemMeta", "versionCreated", "2023-11-14T22:13:20Z");
	expect_text(root, "itemMeta", "fileName", "seed.txt");
	/* html and body are XHTML, not NewsML-G2: walk by name. */
	body = xml_child(xml_child(g2_child(g2_child(root, "contentSet"),
	    "inlineXML"), "html"), "body");
	assert_non_null(body);
	for (p = body->children; p != NULL; p = p->next)
		if (p->type == XML_ELEMENT_NODE) {
			char *t = g2_text(p);

			assert_string_equal(t, paras[n]);
			xmlFree(t);
			n++;
		}
	assert_int_equal(n, 2);
	/* The original comes back as the bytes it was. */
	warta_error_clear(&err);
	assert_int_equal(newsml_original(root, &back, recorded, &err), 1);
	assert_int_equal(back.len, sizeof(orig) - 1);
	assert_memory_equal(back.data, orig, back.len);
	assert_string_equal(recorded, SHA);
	xmlFreeDoc(d);
	wbuf_release(&out);
	wbuf_release(&back);
}

/* An original's file suffix follows its type, and is never .xml. */
static void
test_original_suffix(void **state)
{
	static const struct {
		const char *type;	/* NULL: no contenttype */
		const char *suffix;
	} cases[] = {
		{ "text/plain; charset=utf-8", ".txt" },
		{ "text/html; charset=windows-1252", ".html" },
		{ "TEXT/HTML", ".html" },
		{ "application/xhtml+xml", ".xhtml" },
		{ "application/nitf+xml; charset=utf-8", ".nitf" },
		{ "application/sgml", ".sgm" },
		{ "application/xml", ".txt" },
		{ "text/htmlx", ".txt" },
		{ "", ".txt" },
		{ NULL, ".txt" },
	};
	char doc[512];
	xmlDocPtr d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(doc, sizeof(doc), "<newsItem xmlns=\"%s\"><contentSet>"
		    "<inlineData%s%s%s>x</inlineData></contentSet></newsItem>",
		    NEWSML_NS, cases[i].type != NULL ? " contenttype=\"" : "",
		    cases[i].type != NULL ? cases[i].type : "",
		    cases[i].type != NULL ? "\"" : "");
		assert_non_null(d = xmlReadMemory(doc, (int)strlen(doc), "t",
		    NULL, XML_PARSE_NONET));
		if (strcmp(newsml_original_suffix(xmlDocGetRootElement(d)),
		    cases[i].suffix) != 0)
			fail_msg("%s: %s, want %s", cases[i].type != NULL ?
			    cases[i].type : "(none)", newsml_original_suffix(
			    xmlDocGetRootElement(d)), cases[i].suffix);
		xmlFreeDoc(d);
	}
	/* no inlineData at all */
	snprintf(doc, sizeof(doc), "<newsItem xmlns=\"%s\"/>", NEWSML_NS);
	assert_non_null(d = xmlReadMemory(doc, (int)strlen(doc), "t", NULL,
	    XML_PARSE_NONET));
	assert_string_equal(newsml_original_suffix(xmlDocGetRootElement(d)),
	    ".txt");
	xmlFreeDoc(d);
}

static void
test_original_base64(void **state)
{
	/* Windows-1252 bytes (not UTF-8) and a control byte. */
	static const unsigned char orig[] = { 'c', 'a', 'f', 0xe9, ' ', 0x93,
	    'x', 0x94, 0x01, '\n' };
	static char p1[] = "caf\xc3\xa9";
	char *paras[] = { p1 };
	struct newsml_content c = { 0 };
	struct newsml_item_info info;
	struct wbuf out = WBUF_INIT, back = WBUF_INIT;
	struct warta_error err;
	char recorded[65];
	xmlDocPtr d;
	xmlNodePtr data;
	xmlChar *enc, *type;

	(void)state;
	c.paras = paras;
	c.npara = 1;
	info_for(&info, orig, sizeof(orig), "windows-1252");
	d = write_and_parse(&info, &c, &out);
	data = g2_child(g2_child(xmlDocGetRootElement(d), "contentSet"),
	    "inlineData");
	assert_non_null(data);
	enc = xmlGetProp(data, (const xmlChar *)"encoding");
	type = xmlGetProp(data, (const xmlChar *)"contenttype");
	assert_string_equal((const char *)enc, "encd:base64");
	assert_string_equal((const char *)type,
	    "text/plain; charset=windows-1252");
	warta_error_clear(&err);
	assert_int_equal(newsml_original(xmlDocGetRootElement(d), &back,
	    recorded, &err), 1);
	assert_int_equal(back.len, sizeof(orig));
	assert_memory_equal(back.data, orig, sizeof(orig));
	/* No language and no date: neither element, and an empty <title/>. */
	expect_text(xmlDocGetRootElement(d), "contentMeta", "language", NULL);
	assert_non_null(strstr(out.data, "<title/>"));
	xmlFree(enc);
	xmlFree(type);
	xmlFreeDoc(d);
	wbuf_release(&out);
	wbuf_release(&back);
}

/* The stream of n copies of one small item, as a string. */
static char *
stream_of(int n)
{
	struct newsml_stream *s;
	struct warta_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	int i;

	assert_non_null(fp);
	s = newsml_stream_new(fp, "2023-11-14T22:13:20Z");
	assert_non_null(s);
	warta_error_clear(&err);
	for (i = 0; i < n; i++)
		assert_int_equal(newsml_stream_item(s, "<newsItem/>", 11, &err),
		    WARTA_OK);
	assert_int_equal(newsml_stream_finish(s, &err), WARTA_OK);
	newsml_stream_free(s);
	fclose(fp);
	return buf;
}

static void
test_stream(void **state)
{
	char *one, *two, *none;

	(void)state;
	one = stream_of(1);
	assert_string_equal(one,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<newsItem/>\n");
	two = stream_of(2);
	assert_non_null(strstr(two, "<newsMessage"));
	assert_non_null(strstr(two, "<sent>2023-11-14T22:13:20Z</sent>"));
	assert_non_null(strstr(two, "<itemSet>"));
	assert_non_null(strstr(two, "</itemSet>\n</newsMessage>\n"));
	assert_non_null(strstr(strstr(two, "<newsItem/>") + 1, "<newsItem/>"));
	/* Nothing in, nothing out: no empty message to trip a reader. */
	none = stream_of(0);
	assert_true(none == NULL || none[0] == '\0');
	free(one);
	free(two);
	free(none);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_guid),
		cmocka_unit_test(test_xml_text_legal),
		cmocka_unit_test(test_item_fields),
		cmocka_unit_test(test_original_base64),
		cmocka_unit_test(test_original_suffix),
		cmocka_unit_test(test_stream),
	};
	int rc;

	rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
