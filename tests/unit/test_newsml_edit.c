/*
 * test_newsml_edit.c: changing an item in place: where g2_insert puts a
 * new element (the order tables, elements the table does not know, the
 * indentation it copies or makes), g2_ensure, g2_set_text, g2_remove and
 * g2_serialize.  Every result is compared byte for byte.
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
#include "newsml/edit.h"
#include "base/warta.h"

#define G2 "http://iptc.org/std/nar/2006-10-01/"
#define NS "xmlns=\"" G2 "\""

/* The order table of hopHistory (meta/meta.c keeps its own copy). */
static const char *const hop_order[] = { "hop", NULL };

static xmlDocPtr
parse(const char *xml)
{
	xmlDocPtr d = xmlReadMemory(xml, (int)strlen(xml), "test.xml", NULL,
	    XML_PARSE_NONET);

	if (d == NULL)
		fail_msg("not well-formed: %s", xml);
	return d;
}

static xmlNodePtr
root(xmlDocPtr d)
{
	xmlNodePtr r = xmlDocGetRootElement(d);

	assert_non_null(r);
	return r;
}

/* The root element of d serialized is exactly want. */
static void
serialized_is(xmlDocPtr d, const char *want)
{
	struct wbuf b = WBUF_INIT;

	assert_int_equal(g2_serialize(root(d), &b), 0);
	assert_non_null(b.data);
	assert_int_equal(strlen(b.data), b.len);
	assert_string_equal(b.data, want);
	wbuf_release(&b);
}

/* The element children of parent, by name, joined with ','. */
static void
children_are(xmlNodePtr parent, const char *want)
{
	char got[512] = "";
	xmlNodePtr c;

	for (c = parent->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (got[0] != '\0')
			strcat(got, ",");
		assert_true(strlen(got) + strlen((const char *)c->name) <
		    sizeof(got));
		strcat(got, (const char *)c->name);
	}
	assert_string_equal(got, want);
}

static void
test_is_child_next(void **state)
{
	xmlDocPtr d = parse("<newsItem " NS " xmlns:o=\"urn:other\">"
	    "<o:itemMeta/><itemMeta id=\"a\"/><x/><itemMeta id=\"b\"/>"
	    "<o:itemMeta/><itemMeta id=\"c\"/></newsItem>");
	xmlNodePtr r = root(d), im, n;
	xmlChar *id;

	(void)state;
	assert_true(g2_is(r, "newsItem"));
	assert_false(g2_is(r, "packageItem"));
	assert_false(g2_is(NULL, "newsItem"));
	assert_false(g2_is(r->children, "itemMeta"));	/* urn:other */
	assert_null(g2_child(NULL, "itemMeta"));
	assert_null(g2_child(r, "contentMeta"));

	/* The first in the G2 namespace, then each one after it. */
	im = g2_child(r, "itemMeta");
	assert_non_null(im);
	id = xmlGetProp(im, (const xmlChar *)"id");
	assert_string_equal((const char *)id, "a");
	xmlFree(id);
	n = g2_next_same(im);
	assert_non_null(n);
	id = xmlGetProp(n, (const xmlChar *)"id");
	assert_string_equal((const char *)id, "b");
	xmlFree(id);
	n = g2_next_same(n);
	assert_non_null(n);
	id = xmlGetProp(n, (const xmlChar *)"id");
	assert_string_equal((const char *)id, "c");
	xmlFree(id);
	assert_null(g2_next_same(n));
	xmlFreeDoc(d);
}

/* A rightsInfo goes between hopHistory and itemMeta, indented like them. */
static void
test_insert_between(void **state)
{
	xmlDocPtr d = parse("<newsItem " NS ">\n"
	    "  <catalogRef href=\"c.xml\"/>\n"
	    "  <hopHistory/>\n"
	    "  <itemMeta/>\n"
	    "</newsItem>");
	xmlNodePtr n;

	(void)state;
	n = g2_insert(root(d), "rightsInfo", g2_item_order);
	assert_non_null(n);
	assert_true(g2_is(n, "rightsInfo"));
	assert_ptr_equal(n->parent, root(d));
	children_are(root(d), "catalogRef,hopHistory,rightsInfo,itemMeta");
	serialized_is(d, "<newsItem " NS ">\n"
	    "  <catalogRef href=\"c.xml\"/>\n"
	    "  <hopHistory/>\n"
	    "  <rightsInfo/>\n"
	    "  <itemMeta/>\n"
	    "</newsItem>");

	/* contentMeta after itemMeta, the last element there. */
	assert_non_null(g2_insert(root(d), "contentMeta", g2_item_order));
	children_are(root(d),
	    "catalogRef,hopHistory,rightsInfo,itemMeta,contentMeta");
	serialized_is(d, "<newsItem " NS ">\n"
	    "  <catalogRef href=\"c.xml\"/>\n"
	    "  <hopHistory/>\n"
	    "  <rightsInfo/>\n"
	    "  <itemMeta/>\n"
	    "  <contentMeta/>\n"
	    "</newsItem>");
	xmlFreeDoc(d);
}

/* Nothing comes before it: it goes first, with the first's indentation. */
static void
test_insert_first(void **state)
{
	xmlDocPtr d = parse("<newsItem " NS ">\n"
	    "  <hopHistory/>\n"
	    "  <itemMeta/>\n"
	    "</newsItem>");

	(void)state;
	assert_non_null(g2_insert(root(d), "catalogRef", g2_item_order));
	serialized_is(d, "<newsItem " NS ">\n"
	    "  <catalogRef/>\n"
	    "  <hopHistory/>\n"
	    "  <itemMeta/>\n"
	    "</newsItem>");
	xmlFreeDoc(d);
}

/* A hop goes after every hop there is (after siblings of the same name). */
static void
test_insert_after_same(void **state)
{
	xmlDocPtr d = parse("<newsItem " NS ">\n"
	    "  <hopHistory>\n"
	    "    <hop seq=\"1\"/>\n"
	    "    <hop seq=\"2\"/>\n"
	    "  </hopHistory>\n"
	    "</newsItem>");
	xmlNodePtr hh = g2_child(root(d), "hopHistory"), n;

	(void)state;
	assert_non_null(hh);
	n = g2_insert(hh, "hop", hop_order);
	assert_non_null(n);
	assert_int_equal(g2_set_attr(n, "seq", "3"), 0);
	serialized_is(d, "<newsItem " NS ">\n"
	    "  <hopHistory>\n"
	    "    <hop seq=\"1\"/>\n"
	    "    <hop seq=\"2\"/>\n"
	    "    <hop seq=\"3\"/>\n"
	    "  </hopHistory>\n"
	    "</newsItem>");

	/* A second keyword after the first, before the subject. */
	xmlFreeDoc(d);
	d = parse("<contentMeta " NS "><language tag=\"id\"/>"
	    "<keyword>a</keyword><subject qcode=\"medtop:01000000\"/>"
	    "</contentMeta>");
	n = g2_insert(root(d), "keyword", g2_content_meta_order);
	assert_non_null(n);
	assert_int_equal(g2_set_text(n, "b"), 0);
	serialized_is(d, "<contentMeta " NS "><language tag=\"id\"/>"
	    "<keyword>a</keyword><keyword>b</keyword>"
	    "<subject qcode=\"medtop:01000000\"/></contentMeta>");
	xmlFreeDoc(d);
}

/*
 * groupSet is in no table of g2_item_order: it stays where it is, and
 * nothing new goes after it, not even what the table puts last.
 */
static void
test_insert_unknown_stays(void **state)
{
	xmlDocPtr d = parse("<packageItem " NS ">\n"
	    "  <catalogRef href=\"c.xml\"/>\n"
	    "  <itemMeta/>\n"
	    "  <groupSet root=\"G1\"/>\n"
	    "</packageItem>");
	xmlNodePtr r = root(d);

	(void)state;
	assert_non_null(g2_insert(r, "contentMeta", g2_item_order));
	children_are(r, "catalogRef,itemMeta,contentMeta,groupSet");
	assert_non_null(g2_insert(r, "contentSet", g2_item_order));
	children_are(r, "catalogRef,itemMeta,contentMeta,contentSet,groupSet");
	assert_non_null(g2_insert(r, "hopHistory", g2_item_order));
	children_are(r,
	    "catalogRef,hopHistory,itemMeta,contentMeta,contentSet,groupSet");
	serialized_is(d, "<packageItem " NS ">\n"
	    "  <catalogRef href=\"c.xml\"/>\n"
	    "  <hopHistory/>\n"
	    "  <itemMeta/>\n"
	    "  <contentMeta/>\n"
	    "  <contentSet/>\n"
	    "  <groupSet root=\"G1\"/>\n"
	    "</packageItem>");
	xmlFreeDoc(d);

	/* An unknown element first: a known one goes before it. */
	d = parse("<packageItem " NS "><groupSet/></packageItem>");
	assert_non_null(g2_insert(root(d), "itemMeta", g2_item_order));
	serialized_is(d,
	    "<packageItem " NS "><itemMeta/><groupSet/></packageItem>");
	xmlFreeDoc(d);
}

/* The first child of an empty element: one step (two spaces) in. */
static void
test_insert_into_empty(void **state)
{
	xmlDocPtr d = parse("<newsItem " NS ">\n"
	    "  <contentMeta/>\n"
	    "</newsItem>");
	xmlNodePtr cm = g2_child(root(d), "contentMeta");

	(void)state;
	assert_non_null(g2_insert(cm, "urgency", g2_content_meta_order));
	serialized_is(d, "<newsItem " NS ">\n"
	    "  <contentMeta>\n"
	    "    <urgency/>\n"
	    "  </contentMeta>\n"
	    "</newsItem>");
	/* The second then copies the first's indentation. */
	assert_non_null(g2_insert(cm, "headline", g2_content_meta_order));
	serialized_is(d, "<newsItem " NS ">\n"
	    "  <contentMeta>\n"
	    "    <urgency/>\n"
	    "    <headline/>\n"
	    "  </contentMeta>\n"
	    "</newsItem>");
	xmlFreeDoc(d);

	/* White space already inside the empty element is replaced. */
	d = parse("<newsItem " NS ">\n"
	    "  <rightsInfo>\n"
	    "      \n"
	    "  </rightsInfo>\n"
	    "</newsItem>");
	assert_non_null(g2_insert(g2_child(root(d), "rightsInfo"),
	    "usageTerms", g2_rights_info_order));
	serialized_is(d, "<newsItem " NS ">\n"
	    "  <rightsInfo>\n"
	    "    <usageTerms/>\n"
	    "  </rightsInfo>\n"
	    "</newsItem>");
	xmlFreeDoc(d);

	/* An item without indentation gets none. */
	d = parse("<newsItem " NS "><itemMeta/></newsItem>");
	assert_non_null(g2_insert(g2_child(root(d), "itemMeta"), "provider",
	    g2_item_meta_order));
	assert_non_null(g2_insert(root(d), "contentMeta", g2_item_order));
	serialized_is(d, "<newsItem " NS "><itemMeta><provider/></itemMeta>"
	    "<contentMeta/></newsItem>");
	xmlFreeDoc(d);
}

/* The new element takes the item's prefix for the G2 namespace. */
static void
test_insert_prefixed(void **state)
{
	xmlDocPtr d = parse("<g2:newsItem xmlns:g2=\"" G2 "\">"
	    "<g2:itemMeta/></g2:newsItem>");
	xmlNodePtr n;

	(void)state;
	n = g2_insert(root(d), "contentMeta", g2_item_order);
	assert_non_null(n);
	assert_true(g2_is(n, "contentMeta"));
	serialized_is(d, "<g2:newsItem xmlns:g2=\"" G2 "\"><g2:itemMeta/>"
	    "<g2:contentMeta/></g2:newsItem>");
	xmlFreeDoc(d);
}

static void
test_ensure(void **state)
{
	const char *xml = "<newsItem " NS ">\n"
	    "  <itemMeta>\n"
	    "    <itemClass qcode=\"ninat:text\"/>\n"
	    "    <pubStatus qcode=\"stat:usable\"/>\n"
	    "  </itemMeta>\n"
	    "</newsItem>";
	xmlDocPtr d = parse(xml);
	xmlNodePtr im = g2_child(root(d), "itemMeta"), ps, n;

	(void)state;
	ps = g2_child(im, "pubStatus");
	assert_non_null(ps);
	assert_ptr_equal(g2_ensure(im, "pubStatus", g2_item_meta_order), ps);
	serialized_is(d, xml);

	/* Absent: made in its place, and the same one the next time. */
	n = g2_ensure(im, "provider", g2_item_meta_order);
	assert_non_null(n);
	assert_true(g2_is(n, "provider"));
	assert_ptr_equal(g2_ensure(im, "provider", g2_item_meta_order), n);
	children_are(im, "itemClass,provider,pubStatus");
	serialized_is(d, "<newsItem " NS ">\n"
	    "  <itemMeta>\n"
	    "    <itemClass qcode=\"ninat:text\"/>\n"
	    "    <provider/>\n"
	    "    <pubStatus qcode=\"stat:usable\"/>\n"
	    "  </itemMeta>\n"
	    "</newsItem>");
	xmlFreeDoc(d);
}

static void
test_set_text(void **state)
{
	xmlDocPtr d = parse("<contentMeta " NS "><headline>old <b "
	    "xmlns=\"urn:x\">bold</b> &amp; more</headline></contentMeta>");
	xmlNodePtr h = g2_child(root(d), "headline");
	char *t;

	(void)state;
	assert_int_equal(g2_set_text(h, "a < b & c > d \"e\""), 0);
	/* Escaped in the output, raw in the tree; the old children gone. */
	serialized_is(d, "<contentMeta " NS "><headline>a &lt; b &amp; c "
	    "&gt; d \"e\"</headline></contentMeta>");
	t = g2_text(h);
	assert_non_null(t);
	assert_string_equal(t, "a < b & c > d \"e\"");
	xmlFree(t);

	/* No entity is parsed in it. */
	assert_int_equal(g2_set_text(h, "&amp; &#60;"), 0);
	serialized_is(d, "<contentMeta " NS "><headline>&amp;amp; &amp;#60;"
	    "</headline></contentMeta>");
	t = g2_text(h);
	assert_string_equal(t, "&amp; &#60;");
	xmlFree(t);

	/* UTF-8 stays as it is. */
	assert_int_equal(g2_set_text(h, "Jawa \xe2\x80\x9cTengah\xe2\x80\x9d"),
	    0);
	serialized_is(d, "<contentMeta " NS "><headline>Jawa "
	    "\xe2\x80\x9cTengah\xe2\x80\x9d</headline></contentMeta>");
	assert_null(g2_text(NULL));
	xmlFreeDoc(d);
}

static void
test_set_attr(void **state)
{
	xmlDocPtr d = parse("<newsItem " NS " version=\"1\"/>");
	xmlChar *v;

	(void)state;
	assert_int_equal(g2_set_attr(root(d), "version", "2"), 0);
	assert_int_equal(g2_set_attr(root(d), "guid", "a<&\"b"), 0);
	v = xmlGetProp(root(d), (const xmlChar *)"version");
	assert_string_equal((const char *)v, "2");
	xmlFree(v);
	serialized_is(d, "<newsItem " NS " version=\"2\" "
	    "guid=\"a&lt;&amp;&quot;b\"/>");
	xmlFreeDoc(d);
}

static void
test_remove(void **state)
{
	xmlDocPtr d = parse("<newsItem " NS ">\n"
	    "  <catalogRef/>\n"
	    "  <hopHistory>\n"
	    "    <hop seq=\"1\"/>\n"
	    "  </hopHistory>\n"
	    "  <itemMeta/>\n"
	    "</newsItem>");

	(void)state;
	g2_remove(g2_child(root(d), "hopHistory"));
	serialized_is(d, "<newsItem " NS ">\n"
	    "  <catalogRef/>\n"
	    "  <itemMeta/>\n"
	    "</newsItem>");
	g2_remove(g2_child(root(d), "catalogRef"));
	serialized_is(d, "<newsItem " NS ">\n"
	    "  <itemMeta/>\n"
	    "</newsItem>");
	xmlFreeDoc(d);

	/* Without indentation, only the element goes; text stays. */
	d = parse("<headline " NS ">a<b/>c</headline>");
	g2_remove(g2_child(root(d), "b"));
	serialized_is(d, "<headline " NS ">ac</headline>");
	xmlFreeDoc(d);
}

/* Serializing keeps every byte of the item's own layout, and appends. */
static void
test_serialize_round_trip(void **state)
{
	const char *item = "<newsItem " NS " guid=\"urn:x:1\" version=\"1\" "
	    "xml:lang=\"id\">\n"
	    "  <itemMeta>\n"
	    "    <itemClass qcode=\"ninat:text\"/>\n"
	    "  </itemMeta>\n"
	    "  <contentMeta>\n"
	    "    <headline>A &amp; B \xe2\x80\x94 &lt;C&gt;</headline>\n"
	    "  </contentMeta>\n"
	    "  <contentSet>\n"
	    "    <inlineXML contenttype=\"application/xhtml+xml\">\n"
	    "      <html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
	    "<p>one  two\n\tthree</p><pre>  x\n  y</pre></body></html>\n"
	    "    </inlineXML>\n"
	    "  </contentSet>\n"
	    "</newsItem>";
	char *withdecl;
	struct wbuf b = WBUF_INIT, b2 = WBUF_INIT;
	xmlDocPtr d, d2;

	(void)state;
	withdecl = malloc(strlen(item) + 64);
	assert_non_null(withdecl);
	sprintf(withdecl, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n%s\n",
	    item);
	d = parse(withdecl);
	/* No declaration, no trailing newline: the element only. */
	serialized_is(d, item);

	/* It appends to what the buffer holds. */
	assert_int_equal(wbuf_puts(&b, "before|"), WARTA_OK);
	assert_int_equal(g2_serialize(root(d), &b), 0);
	assert_int_equal(strncmp(b.data, "before|", 7), 0);
	assert_string_equal(b.data + 7, item);

	/* Parsed again, it serializes the same. */
	d2 = parse(b.data + 7);
	assert_int_equal(g2_serialize(root(d2), &b2), 0);
	assert_string_equal(b2.data, item);
	wbuf_release(&b);
	wbuf_release(&b2);
	xmlFreeDoc(d2);
	xmlFreeDoc(d);
	free(withdecl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_is_child_next),
		cmocka_unit_test(test_insert_between),
		cmocka_unit_test(test_insert_first),
		cmocka_unit_test(test_insert_after_same),
		cmocka_unit_test(test_insert_unknown_stays),
		cmocka_unit_test(test_insert_into_empty),
		cmocka_unit_test(test_insert_prefixed),
		cmocka_unit_test(test_ensure),
		cmocka_unit_test(test_set_text),
		cmocka_unit_test(test_set_attr),
		cmocka_unit_test(test_remove),
		cmocka_unit_test(test_serialize_round_trip),
	};
	int rc;

	rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
