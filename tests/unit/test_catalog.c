/*
 * test_catalog.c: what a bundle says of each item: the entry read from an
 * item (its fallbacks, its ID and paths, dated and undated), the TSV line
 * (no tab or line break gets through from a field), and the packageItem,
 * which must parse and carry the escaped values.
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

#include "bagit/catalog.h"
#include "base/buf.h"
#include "base/digest.h"
#include "base/warta.h"

#define NS "xmlns=\"http://iptc.org/std/nar/2006-10-01/\""

static const char DATED[] =
    "<newsItem " NS " guid=\"urn:newsml:x.example:20210810:0fb5\" "
    "version=\"3\" xml:lang=\"id\">"
    "<itemMeta><provider uri=\"https://x.example/\"><name>x.example</name>"
    "</provider></itemMeta>"
    "<contentMeta><contentCreated>2021-08-10</contentCreated>"
    "<located><name>Semarang</name></located>"
    "<creator><name>Purwanto</name></creator>"
    "<language tag=\"id\"/>"
    "<headline>Tab\there &amp; line\nend</headline>"
    "<dateline>SEMARANG-MARITIM</dateline></contentMeta>"
    "<contentSet><inlineXML wordcount=\"299\"/></contentSet></newsItem>";

/* No date, no located, no headline: the fallbacks. */
static const char UNDATED[] =
    "<newsItem " NS " guid=\"urn:newsml:x.example:00000000:aaaa\" "
    "xml:lang=\"en\">"
    "<itemMeta><provider uri=\"https://y.example/\"/></itemMeta>"
    "<contentMeta><by>By Jane Doe</by>"
    "<description>A summary</description>"
    "<dateline>HOUSTON (AP)</dateline></contentMeta></newsItem>";

static xmlDocPtr
parse(const char *xml)
{
	xmlDocPtr d = xmlReadMemory(xml, (int)strlen(xml), "t.xml", NULL,
	    XML_PARSE_NONET);

	assert_non_null(d);
	return d;
}

static void
read_entry(const char *xml, int has_original, struct catalog_entry *e)
{
	struct warta_error err;
	xmlDocPtr d = parse(xml);

	warta_error_clear(&err);
	assert_int_equal(catalog_entry_read(xmlDocGetRootElement(d),
	    has_original, e, &err), WARTA_OK);
	xmlFreeDoc(d);
}

/* The ID is the first 16 hex digits of the SHA-256 of the guid. */
static void
expect_id(const struct catalog_entry *e)
{
	char hex[SHA256_HEX_LEN + 1];

	assert_int_equal(sha256_hex(e->guid, strlen(e->guid), hex), 0);
	assert_memory_equal(e->id, hex, CATALOG_ID_LEN);
	assert_int_equal(strlen(e->id), CATALOG_ID_LEN);
}

static void
test_entry_dated(void **state)
{
	struct catalog_entry e;
	char want[CATALOG_PATH_MAX];

	(void)state;
	read_entry(DATED, 1, &e);
	assert_string_equal(e.guid, "urn:newsml:x.example:20210810:0fb5");
	assert_int_equal(e.version, 3);
	assert_string_equal(e.date, "2021-08-10");
	assert_string_equal(e.place, "Semarang");
	assert_string_equal(e.byline, "Purwanto");
	assert_string_equal(e.language, "id");
	assert_string_equal(e.provider, "x.example");
	assert_int_equal(e.words, 299);
	expect_id(&e);
	snprintf(want, sizeof(want), "items/2021/08/10/%s.xml", e.id);
	assert_string_equal(e.item_path, want);
	snprintf(want, sizeof(want), "originals/2021/08/10/%s.txt", e.id);
	assert_string_equal(e.original_path, want);
	catalog_entry_free(&e);
}

static void
test_entry_fallbacks(void **state)
{
	struct catalog_entry e;
	char want[CATALOG_PATH_MAX];

	(void)state;
	read_entry(UNDATED, 0, &e);
	assert_string_equal(e.date, "");
	assert_int_equal(e.version, 1);
	assert_string_equal(e.title, "A summary");
	assert_string_equal(e.place, "HOUSTON (AP)");
	assert_string_equal(e.byline, "By Jane Doe");
	assert_string_equal(e.language, "en");
	assert_string_equal(e.provider, "https://y.example/");
	assert_int_equal(e.words, 0);
	snprintf(want, sizeof(want), "items/undated/%s.xml", e.id);
	assert_string_equal(e.item_path, want);
	assert_string_equal(e.original_path, "");
	catalog_entry_free(&e);
}

static void
test_tsv(void **state)
{
	struct catalog_entry e;
	struct wbuf b = WBUF_INIT;
	size_t tabs = 0, i;

	(void)state;
	assert_int_equal(catalog_tsv_header(&b), 0);
	assert_string_equal(b.data, "guid\tversion\tdate\tplace\tbyline\t"
	    "title\twords\tlanguage\titem\toriginal\toriginal_sha256\n");
	wbuf_reset(&b);
	read_entry(DATED, 1, &e);
	assert_int_equal(catalog_tsv_line(&b, &e), 0);
	/* Eleven fields, one line: the headline's tab and newline are
	 * spaces now. */
	for (i = 0; i < b.len; i++)
		tabs += b.data[i] == '\t';
	assert_int_equal(tabs, 10);
	assert_ptr_equal(strchr(b.data, '\n'), b.data + b.len - 1);
	assert_non_null(strstr(b.data, "\tTab here & line end\t299\tid\t"));
	catalog_entry_free(&e);
	wbuf_release(&b);
}

static void
test_package_item(void **state)
{
	struct catalog_entry e;
	struct wbuf b = WBUF_INIT;
	xmlDocPtr d;
	xmlNodePtr root;

	(void)state;
	read_entry(DATED, 1, &e);
	assert_int_equal(catalog_xml_begin(&b, "urn:newsml:x.example:pkg&1",
	    "x.example <1>", "2023-11-14T22:13:20Z"), 0);
	assert_int_equal(catalog_xml_ref(&b, &e), 0);
	assert_int_equal(catalog_xml_end(&b), 0);
	d = parse(b.data);
	root = xmlDocGetRootElement(d);
	assert_string_equal((const char *)root->name, "packageItem");
	assert_non_null(strstr(b.data, "guid=\"urn:newsml:x.example:pkg&amp;1\""));
	assert_non_null(strstr(b.data, "<name>x.example &lt;1&gt;</name>"));
	assert_non_null(strstr(b.data, "residref=\"urn:newsml:x.example:"
	    "20210810:0fb5\" version=\"3\""));
	assert_non_null(strstr(b.data, e.item_path));
	xmlFreeDoc(d);
	catalog_entry_free(&e);
	wbuf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entry_dated),
		cmocka_unit_test(test_entry_fallbacks),
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_package_item),
	};
	int rc;

	rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
