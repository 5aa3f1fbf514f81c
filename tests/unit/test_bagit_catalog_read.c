/*
 * test_bagit_catalog_read.c: a bundle's catalog read back: catalog.tsv's lines
 * and fields, and catalog.xml's itemRefs, with what is refused in it,
 * read whole or a chunk at a time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "bagit/catalog.h"
#include "bagit/catalog_read.h"

#define PKG_OPEN "<packageItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"

static char problems[4096];

static void
collect(void *arg, const char *where, const char *problem)
{
	size_t n = strlen(problems);

	(void)arg;
	snprintf(problems + n, sizeof(problems) - n, "%s: %s\n", where,
	    problem);
}

static void
test_tsv_lines(void **state)
{
	char text[] = "guid\tversion\n\nfirst\n\n\nsecond\nlast";
	char *pos = text, *line;
	long lineno = 0;

	(void)state;
	/* The header and empty lines are passed over. */
	assert_non_null(line = catalog_tsv_next(&pos, &lineno));
	assert_string_equal(line, "first");
	assert_int_equal(lineno, 3);
	assert_non_null(line = catalog_tsv_next(&pos, &lineno));
	assert_string_equal(line, "second");
	assert_int_equal(lineno, 6);
	assert_non_null(line = catalog_tsv_next(&pos, &lineno));
	assert_string_equal(line, "last");
	assert_int_equal(lineno, 7);
	assert_null(catalog_tsv_next(&pos, &lineno));
	assert_null(catalog_tsv_next(&pos, &lineno));
	pos = NULL;
	lineno = 0;
	assert_null(catalog_tsv_next(&pos, &lineno));
}

static void
test_tsv_fields(void **state)
{
	char whole[] = "g\t3\t2021-08-10\tSemarang\tPurwanto\tT\t120\tid\t"
	    "items/2021/08/10/x.xml\toriginals/2021/08/10/x.txt\tabc";
	char longer[] = "a\tb\tc\td\te\tf\tg\th\ti\tj\tk\textra";
	char shorter[] = "a\tb\tc";
	char *f[CATALOG_TSV_COLUMNS];

	(void)state;
	assert_int_equal(catalog_tsv_split(whole, f), CATALOG_TSV_COLUMNS);
	assert_string_equal(f[CATALOG_TSV_GUID], "g");
	assert_string_equal(f[CATALOG_TSV_VERSION], "3");
	assert_string_equal(f[CATALOG_TSV_DATE], "2021-08-10");
	assert_string_equal(f[CATALOG_TSV_PLACE], "Semarang");
	assert_string_equal(f[CATALOG_TSV_BYLINE], "Purwanto");
	assert_string_equal(f[CATALOG_TSV_TITLE], "T");
	assert_string_equal(f[CATALOG_TSV_WORDS], "120");
	assert_string_equal(f[CATALOG_TSV_LANGUAGE], "id");
	assert_string_equal(f[CATALOG_TSV_ITEM], "items/2021/08/10/x.xml");
	assert_string_equal(f[CATALOG_TSV_ORIGINAL],
	    "originals/2021/08/10/x.txt");
	assert_string_equal(f[CATALOG_TSV_ORIGINAL_SHA256], "abc");
	/* A tab after the last column ends it. */
	assert_int_equal(catalog_tsv_split(longer, f), CATALOG_TSV_COLUMNS);
	assert_string_equal(f[CATALOG_TSV_ORIGINAL_SHA256], "k");
	assert_int_equal(catalog_tsv_split(shorter, f), 3);
	assert_string_equal(f[2], "c");
}

/* Hostile values through catalog_tsv_line() and back: quoted in the
 * line, as they were in the fields. */
static void
test_tsv_round_trip(void **state)
{
	char guid[] = "=cmd|' /C calc'!A0", title[] =
	    "=HYPERLINK(\"http://evil.example/\",\"x\")", place[] = "-",
	    byline[] = "+cmd|'/C calc'!A0", language[] = "@id",
	    provider[] = "p", old[] = "g\t1\t\t'Twas\t=raw\t''Twas\t0\tid\t"
	    "items/x.xml\t\t";
	struct catalog_entry e;
	struct wbuf b = WBUF_INIT;
	char *f[CATALOG_TSV_COLUMNS], *pos, *line;
	long lineno = 0;

	(void)state;
	memset(&e, 0, sizeof(e));
	e.guid = guid;
	e.version = -1;
	e.title = title;
	e.place = place;
	e.byline = byline;
	e.language = language;
	e.provider = provider;
	snprintf(e.item_path, sizeof(e.item_path), "items/undated/x.xml");
	assert_int_equal(catalog_tsv_header(&b), 0);
	assert_int_equal(catalog_tsv_line(&b, &e), 0);
	assert_non_null(strstr(b.data, "\n'=cmd|' /C calc'!A0\t'-1\t\t'-\t"
	    "'+cmd|'/C calc'!A0\t'=HYPERLINK(\"http://evil.example/\",\"x\")"
	    "\t0\t'@id\titems/undated/x.xml\t\t\n"));
	pos = b.data;
	assert_non_null(line = catalog_tsv_next(&pos, &lineno));
	assert_int_equal(catalog_tsv_split(line, f), CATALOG_TSV_COLUMNS);
	assert_string_equal(f[CATALOG_TSV_GUID], guid);
	assert_string_equal(f[CATALOG_TSV_VERSION], "-1");
	assert_string_equal(f[CATALOG_TSV_DATE], "");
	assert_string_equal(f[CATALOG_TSV_PLACE], "-");
	assert_string_equal(f[CATALOG_TSV_BYLINE], byline);
	assert_string_equal(f[CATALOG_TSV_TITLE], title);
	assert_string_equal(f[CATALOG_TSV_LANGUAGE], "@id");
	assert_string_equal(f[CATALOG_TSV_ITEM], "items/undated/x.xml");
	assert_string_equal(f[CATALOG_TSV_ORIGINAL_SHA256], "");
	wbuf_release(&b);
	/* A line written before the quotes: its values as they were,
	 * but for a quote before one the rule would quote. */
	assert_int_equal(catalog_tsv_split(old, f), CATALOG_TSV_COLUMNS);
	assert_string_equal(f[CATALOG_TSV_PLACE], "'Twas");
	assert_string_equal(f[CATALOG_TSV_BYLINE], "=raw");
	assert_string_equal(f[CATALOG_TSV_TITLE], "'Twas");
}

static void
test_refs(void **state)
{
	static const char refs[] = PKG_OPEN "<groupSet><group>"
	    "<itemRef href=\"items/b.xml\"/><itemRef href=\"items/a.xml\"/>"
	    "<itemRef/></group></groupSet></packageItem>";
	struct catalog_refs r;

	(void)state;
	catalog_refs_init(&r);
	assert_false(catalog_refs_has(&r, "items/a.xml"));
	problems[0] = '\0';
	catalog_xml_read(refs, sizeof(refs) - 1, NULL, &r, collect, NULL);
	assert_string_equal(problems, "");
	assert_int_equal(r.n, 2);
	assert_false(r.failed);
	assert_true(catalog_refs_has(&r, "items/a.xml"));
	assert_true(catalog_refs_has(&r, "items/b.xml"));
	assert_false(catalog_refs_has(&r, "items/c.xml"));
	catalog_refs_release(&r);
	assert_int_equal(r.n, 0);
	catalog_refs_release(&r);
}

/* The problems of catalog.xml text s, and whether it failed. */
static int
read_xml(const char *s)
{
	struct catalog_refs r;
	int failed;

	catalog_refs_init(&r);
	problems[0] = '\0';
	catalog_xml_read(s, strlen(s), NULL, &r, collect, NULL);
	failed = r.failed;
	catalog_refs_release(&r);
	return failed;
}

static void
test_refused(void **state)
{
	(void)state;
	assert_false(read_xml(""));
	assert_string_equal(problems,
	    "data/catalog.xml: empty, or cannot be read\n");
	assert_false(read_xml("<packageItem/>"));
	assert_string_equal(problems,
	    "data/catalog.xml: not a NewsML-G2 packageItem\n");
	assert_false(read_xml(PKG_OPEN "<itemRef href=\"x\"/></packageItem>"
	    "\n"));
	assert_string_equal(problems, "");
	/* Not well-formed: the first error, once, with its line. */
	assert_true(read_xml(PKG_OPEN "\n<itemRef href=\"x\">\n<oops>"));
	assert_true(strncmp(problems, "data/catalog.xml: not well-formed XML "
	    "(line 3): ", 48) == 0);
	assert_non_null(strchr(problems, '\n'));
	assert_string_equal(strchr(problems, '\n') + 1, "");
	/* A DOCTYPE is refused, and the rest not read. */
	assert_true(read_xml("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a "
	    "\"aaaa\">]>\n" PKG_OPEN "<itemRef href=\"&a;\"/></packageItem>"));
	assert_string_equal(problems, "data/catalog.xml: DOCTYPE refused\n");
}

/* A text given step bytes at a time (catalog_read_fn). */
struct chunks {
	const char *p;
	size_t len, at, step;
};

static int
give(void *ctx, char *buf, int n)
{
	struct chunks *c = ctx;
	size_t k = c->len - c->at;

	if (k > c->step)
		k = c->step;
	if (k > (size_t)n)
		k = (size_t)n;
	memcpy(buf, c->p + c->at, k);
	c->at += k;
	return (int)k;
}

/* hrefs each gets, a line each */
static char hrefs[1024];

static int
note_href(void *earg, const char *href)
{
	size_t n = strlen(hrefs);

	(void)earg;
	snprintf(hrefs + n, sizeof(hrefs) - n, "%s\n", href);
	return 0;
}

/* What catalog.xml text s gives, whole or step bytes at a time. */
static void
xml_result(const char *s, size_t step, char *out, size_t size)
{
	struct chunks c = { s, strlen(s), 0, step };
	struct catalog_refs r;

	catalog_refs_init(&r);
	problems[0] = hrefs[0] = '\0';
	if (step == 0)
		catalog_xml_read_each(s, strlen(s), NULL, &r, note_href, NULL,
		    collect, NULL);
	else
		catalog_xml_read_io(give, &c, NULL, &r, note_href, NULL,
		    collect, NULL);
	/* Of a catalog that failed, the hrefs before the failure are
	 * not all known: they depend on how far libxml2 read ahead. */
	snprintf(out, size, "%d\n%s--\n%s", r.failed, problems, r.failed ?
	    "" : hrefs);
	catalog_refs_release(&r);
}

static void
test_xml_chunks(void **state)
{
	static const char *texts[] = {
		PKG_OPEN "<groupSet><group><itemRef href=\"items/b.xml\"/>"
		    "<itemRef href=\"items/a.xml\"/></group></groupSet>"
		    "</packageItem>\n",
		"<packageItem/>",
		PKG_OPEN "\n<itemRef href=\"x\">\n<oops>",
		"<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaa\">]>\n"
		    PKG_OPEN "<itemRef href=\"&a;\"/></packageItem>",
		PKG_OPEN "<itemRef href=\"x\"/></packageItem><more/>",
		"not xml at all",
	};
	char want[4096], have[4096];
	size_t i, step;

	(void)state;
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		xml_result(texts[i], 0, want, sizeof(want));
		for (step = 1; step <= 4096; step *= 4) {
			xml_result(texts[i], step, have, sizeof(have));
			assert_string_equal(have, want);
		}
	}
	xml_result(texts[0], 3, have, sizeof(have));
	assert_string_equal(have, "0\n--\nitems/b.xml\nitems/a.xml\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tsv_lines),
		cmocka_unit_test(test_tsv_fields),
		cmocka_unit_test(test_tsv_round_trip),
		cmocka_unit_test(test_refs),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_xml_chunks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
