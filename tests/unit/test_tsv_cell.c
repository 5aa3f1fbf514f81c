/*
 * test_tsv_cell.c: the cells of the TSV tables warta writes: a value a
 * spreadsheet would run gets a quote before it, and reading takes that
 * quote off again, so that every value comes back as it was; cells
 * written before the rule read as they were.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/tsv_cell.h"
#include "base/warta.h"

/* s written as a cell is want, and want read back is back. */
static void
cell(const char *s, const char *want, const char *back)
{
	struct wbuf b = WBUF_INIT;

	assert_int_equal(tsv_cell_put(&b, s), WARTA_OK);
	assert_string_equal(b.data != NULL ? b.data : "", want);
	assert_string_equal(tsv_cell_value(want), back);
	wbuf_release(&b);
}

static void
test_plain(void **state)
{
	(void)state;
	cell("", "", "");
	cell("Semarang", "Semarang", "Semarang");
	cell("2021-08-10", "2021-08-10", "2021-08-10");
	cell("urn:newsml:maritim.example:1", "urn:newsml:maritim.example:1",
	    "urn:newsml:maritim.example:1");
	/* Only the first character counts. */
	cell("a=b+c-d@e", "a=b+c-d@e", "a=b+c-d@e");
	cell("Tab\there\r\nend", "Tab here  end", "Tab here  end");
}

static void
test_hostile(void **state)
{
	(void)state;
	cell("=HYPERLINK(\"http://evil.example/\",\"x\")",
	    "'=HYPERLINK(\"http://evil.example/\",\"x\")",
	    "=HYPERLINK(\"http://evil.example/\",\"x\")");
	cell("+cmd|'/C calc'!A0", "'+cmd|'/C calc'!A0", "+cmd|'/C calc'!A0");
	cell("-2+3+cmd|' /C calc'!D2", "'-2+3+cmd|' /C calc'!D2",
	    "-2+3+cmd|' /C calc'!D2");
	cell("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0",
	    "@SUM(1+1)*cmd|' /C calc'!A0");
	cell("-", "'-", "-");
	cell("-5", "'-5", "-5");
	/* Tab, CR and LF are spaces in a cell, and a leading one is quoted
	 * still: some spreadsheets drop it and run what follows. */
	cell("\t=1+1", "' =1+1", " =1+1");
	cell("\r=1+1", "' =1+1", " =1+1");
	cell("\n=1+1", "' =1+1", " =1+1");
	cell(" =1+1", "' =1+1", " =1+1");
}

static void
test_quote(void **state)
{
	(void)state;
	/* A value that begins with a quote is quoted itself, so that its
	 * own quote is never taken for the one put there. */
	cell("'Twas brillig", "''Twas brillig", "'Twas brillig");
	cell("'", "''", "'");
	cell("''", "'''", "''");
	cell("'=1+1", "''=1+1", "'=1+1");
}

static void
test_old_cells(void **state)
{
	(void)state;
	/* Written before the rule: a quote not followed by what the rule
	 * quotes is the value's own. */
	assert_string_equal(tsv_cell_value("'Twas brillig"), "'Twas brillig");
	assert_string_equal(tsv_cell_value("'"), "'");
	assert_string_equal(tsv_cell_value("=1+1"), "=1+1");
	assert_string_equal(tsv_cell_value(""), "");
}

static void
test_risky(void **state)
{
	static const char risky[] = "=+-@' \t\r\n";
	char s[2] = { 0, 0 };
	int c;

	(void)state;
	for (c = 1; c < 256; c++) {
		s[0] = (char)c;
		assert_int_equal(tsv_cell_risky(s),
		    strchr(risky, c) != NULL);
	}
	assert_false(tsv_cell_risky(""));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_quote),
		cmocka_unit_test(test_old_cells),
		cmocka_unit_test(test_risky),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
