/*
 * test_bagit_select.c: warta-unpack's selectors: date prefixes and ranges,
 * parts of names in any case, language variants, subjects, catalog.tsv
 * rows, and which files of a bag may hold an item.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <libxml/parser.h>

#include "bagit/select.h"

static void
test_date_prefix(void **state)
{
	(void)state;
	assert_true(select_date_prefix("2021"));
	assert_true(select_date_prefix("2021-08"));
	assert_true(select_date_prefix("2021-08-10"));
	assert_true(select_date_prefix("2024-02-29"));
	assert_true(select_date_prefix("2000-02-29"));
	assert_false(select_date_prefix("1900-02-29"));
	assert_false(select_date_prefix("2021-02-29"));
	assert_false(select_date_prefix("2021-13"));
	assert_false(select_date_prefix("2021-00"));
	assert_false(select_date_prefix("2021-04-31"));
	assert_false(select_date_prefix("2021-08-00"));
	assert_false(select_date_prefix("21"));
	assert_false(select_date_prefix("2021-8"));
	assert_false(select_date_prefix("2021/08"));
	assert_false(select_date_prefix(""));
}

static int
parse(const char *arg, struct selection *s)
{
	static char buf[64];

	snprintf(buf, sizeof(buf), "%s", arg);
	memset(s, 0, sizeof(*s));
	return select_parse_date(buf, s);
}

static void
test_parse_date(void **state)
{
	struct selection s;

	(void)state;
	assert_int_equal(parse("2021-08", &s), 0);
	assert_string_equal(s.date_from, "2021-08");
	assert_string_equal(s.date_to, "2021-08");
	assert_int_equal(parse("2021..2022-06", &s), 0);
	assert_string_equal(s.date_from, "2021");
	assert_string_equal(s.date_to, "2022-06");
	assert_int_equal(parse("..2021-08-10", &s), 0);
	assert_null(s.date_from);
	assert_string_equal(s.date_to, "2021-08-10");
	assert_int_equal(parse("2021-08..", &s), 0);
	assert_string_equal(s.date_from, "2021-08");
	assert_null(s.date_to);
	/* A range that selects nothing is a mistake. */
	assert_int_equal(parse("2022..2021", &s), -1);
	assert_int_equal(parse("2021-09..2021-08-31", &s), -1);
	assert_int_equal(parse("..", &s), -1);
	assert_int_equal(parse("2021-02-30", &s), -1);
	assert_int_equal(parse("2021..yesterday", &s), -1);
}

static void
test_contains_and_lang(void **state)
{
	(void)state;
	assert_true(select_contains("Purwanto", "purw"));
	assert_true(select_contains("Purwanto", "ANTO"));
	assert_true(select_contains("anything", ""));
	assert_false(select_contains("Purwanto", "purwantoo"));
	assert_false(select_contains("", "a"));
	assert_true(select_lang("id", "id"));
	assert_true(select_lang("id-ID", "id"));
	assert_true(select_lang("ID-id", "id-id"));
	assert_false(select_lang("ind", "id"));
	assert_false(select_lang("en", "id"));
	assert_false(select_lang("", "id"));
}

static void
test_row_matches(void **state)
{
	struct select_row r;
	struct selection s;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.guid = "urn:x:1";
	snprintf(r.date, sizeof(r.date), "2021-08-10");
	r.place = "Semarang";
	r.byline = "Purwanto";
	r.title = "";
	r.lang = "id";
	memset(&s, 0, sizeof(s));
	assert_true(select_row_matches(&s, &r));
	s.guid = "urn:x:2";
	assert_false(select_row_matches(&s, &r));
	s.guid = "urn:x:1";
	s.place = "semar";
	s.byline = "WANTO";
	s.lang = "id";
	assert_true(select_row_matches(&s, &r));
	assert_int_equal(parse("2021-08", &s), 0);
	assert_true(select_row_matches(&s, &r));
	assert_int_equal(parse("2021-08-11..", &s), 0);
	assert_false(select_row_matches(&s, &r));
	assert_int_equal(parse("..2021-08-10", &s), 0);
	assert_true(select_row_matches(&s, &r));
	/* An item with no date is never in a date's selection. */
	r.date[0] = '\0';
	assert_false(select_row_matches(&s, &r));
}

static void
test_rows(void **state)
{
	char line[] = "urn:x:1\t2\t2021-08-10T09:00\tSemarang\tPurwanto\t"
	    "Judul\t120\tid\titems/2021/08/10/x.xml\t\t";
	char cut[] = "urn:x:1\t2\t2021-08-10";
	char guid[] = "urn:x:9", empty[] = "";
	struct catalog_entry e;
	struct select_row r;

	(void)state;
	assert_int_equal(select_row_from_tsv(line, &r), 0);
	assert_string_equal(r.guid, "urn:x:1");
	assert_string_equal(r.date, "2021-08-10");	/* cut to a day */
	assert_string_equal(r.place, "Semarang");
	assert_string_equal(r.byline, "Purwanto");
	assert_string_equal(r.title, "Judul");
	assert_int_equal(r.words, 120);
	assert_string_equal(r.lang, "id");
	assert_string_equal(r.path, "items/2021/08/10/x.xml");
	assert_int_equal(select_row_from_tsv(cut, &r), -1);

	memset(&e, 0, sizeof(e));
	e.guid = guid;
	snprintf(e.date, sizeof(e.date), "1987-02-01");
	e.place = e.byline = e.title = e.language = empty;
	e.words = 7;
	select_row_from_entry(&e, "data/items/y.xml", &r);
	assert_string_equal(r.guid, "urn:x:9");
	assert_string_equal(r.date, "1987-02-01");
	assert_string_equal(r.path, "data/items/y.xml");
	assert_int_equal(r.words, 7);
}

static void
test_subject(void **state)
{
	static const char xml[] =
	    "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"
	    "<contentMeta><subject qcode=\"medtop:04000000\">"
	    "<name>economy, business and finance</name></subject>"
	    "<subject qcode=\"medtop:20000344\"/></contentMeta></newsItem>";
	xmlDocPtr doc;
	xmlNodePtr item;

	(void)state;
	assert_non_null(doc = xmlReadMemory(xml, (int)sizeof(xml) - 1,
	    "item.xml", NULL, XML_PARSE_NONET));
	item = xmlDocGetRootElement(doc);
	assert_true(select_subject(item, "medtop:04000000"));
	assert_true(select_subject(item, "medtop:20000344"));
	assert_true(select_subject(item, "Business"));
	assert_false(select_subject(item, "medtop:04"));
	assert_false(select_subject(item, "sport"));
	xmlFreeDoc(doc);
}

static void
test_item_path(void **state)
{
	(void)state;
	assert_true(select_item_path("data/items/2021/08/10/x.xml"));
	assert_true(select_item_path("data/other.xml"));
	assert_false(select_item_path("data/catalog.xml"));
	assert_true(select_item_path("data/a.xml"));
	assert_false(select_item_path("data/.xml"));	/* no name */
	assert_false(select_item_path("data/items/x.txt"));
	assert_false(select_item_path("items/x.xml"));
	assert_false(select_item_path("bag-info.txt"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_prefix),
		cmocka_unit_test(test_parse_date),
		cmocka_unit_test(test_contains_and_lang),
		cmocka_unit_test(test_row_matches),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_subject),
		cmocka_unit_test(test_item_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
