/*
 * test_input.c: what input/input.c shares among the formats: the names
 * -f takes, the stated date check, what a stated field replaces, the
 * headline a body repeats, and the copy of an article a job keeps.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "input/input.h"

static void
test_kind_names(void **state)
{
	enum input_kind k;

	(void)state;
	assert_int_equal(input_kind_from_name("html", &k), WARTA_OK);
	assert_int_equal(k, INPUT_HTML);
	assert_int_equal(input_kind_from_name("zip", &k), WARTA_OK);
	assert_int_equal(k, INPUT_ARCHIVE);
	assert_int_equal(input_kind_from_name("pdf", &k), WARTA_FAILED);
	assert_string_equal(input_kind_name(INPUT_WARC), "warc");
}

static void
test_valid_date(void **state)
{
	(void)state;
	assert_true(input_valid_date("2026-01-15"));
	assert_true(input_valid_date("2026-01-15T10:30:00-05:00"));
	assert_true(input_valid_date("2024-02-29"));
	assert_false(input_valid_date("2023-02-29"));
	assert_false(input_valid_date("2026-1-15"));
	assert_false(input_valid_date("2026-01-15T10:30:00"));	/* no zone */
	assert_false(input_valid_date("15/01/2026"));
	assert_false(input_valid_date(NULL));
}

static void
test_state_over(void **state)
{
	struct input_article a;
	struct newsml_content c;
	static const char *const kw[] = { "harbour" };

	(void)state;
	memset(&a, 0, sizeof(a));
	memset(&c, 0, sizeof(c));
	c.headline = "from the text";
	c.place = "Semarang";
	c.created = "2020-01-01";
	a.headline = "From the markup";
	a.created = "2026-13-01";	/* no such month: not taken */
	a.keywords = kw;
	a.nkeywords = 1;
	input_state_over(&a, &c);
	assert_string_equal(c.headline, "From the markup");
	assert_true(c.stated & NEWSML_STATED_HEADLINE);
	assert_string_equal(c.place, "Semarang");	/* not stated: kept */
	assert_false(c.stated & NEWSML_STATED_PLACE);
	assert_string_equal(c.created, "2020-01-01");
	assert_false(c.stated & NEWSML_STATED_CREATED);
	assert_int_equal(c.nkeywords, 1);
}

static size_t
headline_skip(const char *text, const char *headline)
{
	struct input_article a;

	memset(&a, 0, sizeof(a));
	a.text = text;
	a.text_len = strlen(text);
	a.headline = headline;
	return input_headline_len(&a);
}

static void
test_headline_len(void **state)
{
	(void)state;
	assert_int_equal(headline_skip("Flood in Pekalongan\n\nThe sea came in.",
	    "Flood in Pekalongan"), strlen("Flood in Pekalongan\n\n"));
	assert_int_equal(headline_skip("  Flood in Pekalongan Tuesday\n\nThe sea.",
	    "Flood in Pekalongan"), strlen("  Flood in Pekalongan "));
	/* the first words of a longer word, or another text: nothing */
	assert_int_equal(headline_skip("Flood in Pekalongans rose", "Flood in "
	    "Pekalongan"), 0);
	assert_int_equal(headline_skip("The sea came in.", "Flood"), 0);
	/* a body that is only its headline keeps it */
	assert_int_equal(headline_skip("Flood in Pekalongan\n", "Flood in Pekalongan"),
	    0);
	assert_int_equal(headline_skip("Flood", NULL), 0);
}

/* The copy owns all it points to: the source's buffers can go. */
static void
test_article_dup(void **state)
{
	char where[] = "feed.sgm: record 2", text[] = "Body\n\nMore",
	    kw0[] = "harbor", kw1[] = "dredging", qcode[] = "subj:04000000",
	    type[] = "cpnat:abstract";
	unsigned char orig[] = { 'a', 0, 'b', 0xff };
	const char *kws[2] = { kw0, kw1 };
	struct newsml_subject subj = { type, qcode, NULL };
	struct input_article a, *c;

	(void)state;
	memset(&a, 0, sizeof(a));
	a.kind = INPUT_SGML;
	a.where = where;
	a.original = orig;
	a.original_len = sizeof(orig);
	a.text = text;
	a.text_len = strlen(text);
	a.keywords = kws;
	a.nkeywords = 2;
	a.subjects = &subj;
	a.nsubjects = 1;
	c = input_article_dup(&a);
	assert_non_null(c);
	memset(where, 'x', sizeof(where) - 1);
	memset(text, 'x', sizeof(text) - 1);
	memset(orig, 'x', sizeof(orig));
	memset(kw0, 'x', sizeof(kw0) - 1);
	memset(qcode, 'x', sizeof(qcode) - 1);
	assert_int_equal(c->kind, INPUT_SGML);
	assert_string_equal(c->where, "feed.sgm: record 2");
	assert_int_equal(c->original_len, 4);
	assert_memory_equal(c->original, "a\0b\xff", 4);
	assert_int_equal(c->text_len, 10);
	assert_memory_equal(c->text, "Body\n\nMore", 11);	/* with its NUL */
	assert_null(c->file_name);
	assert_null(c->headline);
	assert_int_equal(c->nkeywords, 2);
	assert_string_equal(c->keywords[0], "harbor");
	assert_string_equal(c->keywords[1], "dredging");
	assert_int_equal(c->nsubjects, 1);
	assert_string_equal(c->subjects[0].qcode, "subj:04000000");
	assert_string_equal(c->subjects[0].type, "cpnat:abstract");
	assert_null(c->subjects[0].name);
	free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_valid_date),
		cmocka_unit_test(test_state_over),
		cmocka_unit_test(test_headline_len),
		cmocka_unit_test(test_article_dup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
