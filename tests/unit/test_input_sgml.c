/*
 * test_input_sgml.c: Reuters-21578-style SGML (input/sgml.c): detection,
 * the record splitter at every chunk boundary, the fields and codes of a
 * record, the body's paragraphs, and every damaged record reported with
 * its number, NEWID and offset while the rest go on.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/buf.h"
#include "input/format.h"
#include "input/input.h"
#include "fixture_stream.h"

/* A file in memory, given out step bytes at a time. */
struct file {
	struct mem m;
	struct input_stream *in;
	struct input_reader *r;
	struct input_limits lim;
	struct input_article a;
	struct warta_error err;
};

static void
file_open(struct file *f, const char *text, size_t len, size_t step,
    enum input_kind kind, unsigned long long max)
{
	memset(f, 0, sizeof(*f));
	f->m.p = text;
	f->m.n = len;
	f->m.step = step;
	input_limits_default(&f->lim);
	if (max > 0)
		f->lim.max_record = max;
	warta_error_clear(&f->err);
	assert_non_null(f->r = mem_open(&f->m, "w.sgm", "w.sgm", &f->lim, kind,
	    &f->in, &f->err));
	assert_true(input_is_container(f->r));
}

static int
file_next(struct file *f)
{
	warta_error_clear(&f->err);
	return input_next(f->r, &f->a, &f->err);
}

static void
file_close(struct file *f)
{
	assert_int_equal(input_skipped(f->r), 0);
	input_close(f->r);
	input_stream_free(f->in);
}

static int
detect(const char *head, const char *name)
{
	return input_sgml.detect((const unsigned char *)head, strlen(head),
	    name);
}

static void
test_detect(void **state)
{
	(void)state;
	assert_int_equal(detect("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
	    "<REUTERS TOPICS=\"YES\" NEWID=\"1\">", NULL), 90);
	assert_int_equal(detect("<REUTERS>", "x.txt"), 90);
	assert_int_equal(detect("<reuters\nnewid=1>", NULL), 90);
	/* a name alone */
	assert_int_equal(detect("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n",
	    "reut2-000.sgm"), 30);
	assert_int_equal(detect("", "a.SGML"), 30);
	/* not a record */
	assert_int_equal(detect("<REUTERSX>", NULL), 0);
	assert_int_equal(detect("A story about Reuters.", "a.txt"), 0);
	assert_int_equal(detect("<REUTERS", NULL), 0);
}

#define REC1 \
	"<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" OLDID=\"5001\" " \
	"NEWID=\"11\">\n" \
	"<DATE>26-FEB-1987 15:01:01.79</DATE>\n" \
	"<TOPICS><D>acq</D><D>cocoa</D><D>widgets</D><D>cocoa</D></TOPICS>\n" \
	"<PLACES><D>west-germany</D><D>atlantis</D></PLACES>\n" \
	"<PEOPLE><D>doe</D></PEOPLE>\n" \
	"<ORGS><D>opec</D></ORGS>\n" \
	"<EXCHANGES><D>nyse</D></EXCHANGES>\n" \
	"<COMPANIES></COMPANIES>\n" \
	"<UNKNOWN> \n&#5;&#5;&#5;C T\n&#22;&#22;&#1;f0704&#31;reute\n" \
	"u f BC-X   02-26 0105</UNKNOWN>\n" \
	"<TEXT>&#2;\n" \
	"<TITLE>ACME &lt;ACM> TO BUY UNIT &amp; PLANT</TITLE>\n" \
	"<AUTHOR>    by Jane Doe and John Roe, Reuters</AUTHOR>\n" \
	"<DATELINE>    NEW YORK, Feb 26 - </DATELINE><BODY>Acme Corp said it\n" \
	"will buy the plant of Smith & Co &lt;SMC> for 12 mln dlrs,\n" \
	"a price &unknown; called fair.\n" \
	"    The sale &#8212; its third &#x41;cquisition &#3;this year --\n" \
	"closes in March.\n" \
	"\n" \
	"A paragraph after a blank line.\n" \
	"    Shr 1.10 dlrs vs 97 cts\n" \
	"    Net 4,500,000 vs 3,900,000\n" \
	" Reuter\n" \
	"&#3;</BODY></TEXT>\n" \
	"</REUTERS>\n"

#define REC2 \
	"<REUTERS NEWID=\"12\">\n" \
	"<DATE> 2-MAR-1987 08:00:00.00</DATE>\n" \
	"<TOPICS></TOPICS><PLACES><D>usa</D></PLACES>\n" \
	"<TEXT TYPE=\"BRIEF\">&#2;\n" \
	"******<TITLE>ACME SEES HIGHER 1987 NET\n</TITLE>\n" \
	"Blah blah blah.\n&#3;\n\n</TEXT>\n" \
	"</REUTERS>\n"

#define REC3 \
	"<REUTERS OLDID=\"5003\">\n" \
	"<DATE>31-FEB-1987 08:00:00.00</DATE>\n" \
	"<TEXT TYPE=\"UNPROC\">&#2;\n" \
	"ACME DIVIDEND\n" \
	"    DENVER, March 2 - Acme said its board declared a\n" \
	"dividend of 10 cts.\n" \
	" Reuter\n&#3;</TEXT>\n" \
	"</REUTERS>\n"

#define FILE3 "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n" REC1 REC2 REC3

static void
check_rec1(const struct input_article *a, unsigned long long at)
{
	char loc[64];

	snprintf(loc, sizeof(loc), "record 1 (NEWID 11), byte %llu", at);
	assert_int_equal(a->kind, INPUT_SGML);
	assert_string_equal(a->locator, loc);
	assert_non_null(strstr(a->where, loc));
	assert_string_equal(a->file_name, "w.sgm");
	assert_string_equal(a->original_type, "application/sgml");
	assert_null(a->original_charset);
	assert_int_equal(a->original_len, strlen(REC1) - 1);
	assert_memory_equal(a->original, REC1, strlen(REC1) - 1);

	assert_string_equal(a->headline, "ACME <ACM> TO BUY UNIT & PLANT");
	assert_string_equal(a->created, "1987-02-26");
	assert_string_equal(a->dateline, "NEW YORK, Feb 26");
	assert_string_equal(a->place, "New York");
	assert_string_equal(a->byline, "by Jane Doe and John Roe, Reuters");
	assert_string_equal(a->creator, "Jane Doe and John Roe");
	assert_string_equal(a->outlet, "Reuter");
	assert_null(a->lang);

	/* acq is its topic; cocoa's is broader, so cocoa is a keyword
	 * too; widgets and atlantis are not in the tables */
	assert_int_equal(a->nsubjects, 3);
	assert_string_equal(a->subjects[0].type, "cpnat:abstract");
	assert_string_equal(a->subjects[0].qcode, "medtop:20000204");
	assert_string_equal(a->subjects[0].name, "merger or acquisition");
	assert_string_equal(a->subjects[1].qcode, "medtop:20000389");
	assert_string_equal(a->subjects[1].name, "soft commodity");
	assert_string_equal(a->subjects[2].type, "cpnat:geoArea");
	assert_null(a->subjects[2].qcode);
	assert_string_equal(a->subjects[2].name, "West Germany");
	assert_int_equal(a->nkeywords, 6);
	assert_string_equal(a->keywords[0], "cocoa");
	assert_string_equal(a->keywords[1], "widgets");
	assert_string_equal(a->keywords[2], "atlantis");
	assert_string_equal(a->keywords[3], "doe");
	assert_string_equal(a->keywords[4], "opec");
	assert_string_equal(a->keywords[5], "nyse");

	assert_string_equal(a->text,
	    "Acme Corp said it will buy the plant of Smith & Co <SMC> for 12 "
	    "mln dlrs, a price &unknown; called fair.\n\n"
	    "The sale \xE2\x80\x94 its third Acquisition this year -- closes "
	    "in March.\n\n"
	    "A paragraph after a blank line.\n\n"
	    "Shr 1.10 dlrs vs 97 cts\n\n"
	    "Net 4,500,000 vs 3,900,000");
	assert_int_equal(a->text_len, strlen(a->text));
}

static void
check_rec2(const struct input_article *a)
{
	assert_string_equal(a->headline, "ACME SEES HIGHER 1987 NET");
	assert_string_equal(a->created, "1987-03-02");
	assert_null(a->dateline);
	assert_null(a->outlet);
	/* a brief is its title; its filler is not text */
	assert_string_equal(a->text, "ACME SEES HIGHER 1987 NET");
	assert_int_equal(a->nsubjects, 1);
	assert_string_equal(a->subjects[0].name, "United States");
	assert_int_equal(a->nkeywords, 0);
}

static void
check_rec3(const struct input_article *a, unsigned long long at)
{
	char loc[64];

	snprintf(loc, sizeof(loc), "record 3 (OLDID 5003), byte %llu", at);
	assert_string_equal(a->locator, loc);
	assert_null(a->headline);
	assert_null(a->created);	/* there is no 31 February */
	assert_string_equal(a->outlet, "Reuter");
	assert_string_equal(a->text, "ACME DIVIDEND\n\n"
	    "DENVER, March 2 - Acme said its board declared a dividend of "
	    "10 cts.");
}

/* Every chunk size gives the same records: the splitter does not care
 * where a read ends. */
static void
test_records(void **state)
{
	static const size_t steps[] = { 65536, 1, 2, 3, 7, 9, 10, 11, 64,
	    333 };
	unsigned long long at = strlen("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n");
	struct file f;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		file_open(&f, FILE3, strlen(FILE3), steps[i], INPUT_AUTO, 0);
		assert_int_equal(file_next(&f), 1);
		check_rec1(&f.a, at);
		assert_int_equal(file_next(&f), 1);
		check_rec2(&f.a);
		assert_int_equal(file_next(&f), 1);
		check_rec3(&f.a, strlen(FILE3) - strlen(REC3));
		assert_int_equal(file_next(&f), 0);
		assert_int_equal(file_next(&f), 0);
		file_close(&f);
	}
}

#define SHORT(id, title) \
	"<REUTERS NEWID=\"" id "\">\n<DATE>1-MAR-1987 10:00:00.00</DATE>\n" \
	"<TEXT><TITLE>" title "</TITLE><BODY>Text of " id ".\n" \
	" Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n"
#define UNCLOSED(id) \
	"<REUTERS NEWID=\"" id "\">\n<DATE>1-MAR-1987 10:00:00.00</DATE>\n" \
	"<TEXT><TITLE>CUT</TITLE><BODY>The record stops here\n"

/* A record that never closes is reported, and the next one is read. */
static void
test_unclosed(void **state)
{
	static const char text[] = SHORT("1", "ONE") UNCLOSED("2")
	    SHORT("3", "THREE") UNCLOSED("4");
	static const size_t steps[] = { 65536, 1, 5, 13 };
	unsigned long long at2 = strlen(SHORT("1", "ONE")),
	    at3 = at2 + strlen(UNCLOSED("2")),
	    at4 = at3 + strlen(SHORT("3", "THREE"));
	char want[256];
	struct file f;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		file_open(&f, text, strlen(text), steps[i], INPUT_SGML, 0);
		assert_int_equal(file_next(&f), 1);
		assert_string_equal(f.a.headline, "ONE");
		assert_string_equal(f.a.text, "Text of 1.");

		assert_int_equal(file_next(&f), -1);
		snprintf(want, sizeof(want), "record 2 (NEWID 2), byte %llu: "
		    "no </REUTERS> before the next record at byte %llu", at2,
		    at3);
		assert_string_equal(f.err.message, want);
		assert_int_equal(f.err.offset, (long long)at2);

		assert_int_equal(file_next(&f), 1);
		assert_string_equal(f.a.headline, "THREE");
		snprintf(want, sizeof(want), "record 3 (NEWID 3), byte %llu",
		    at3);
		assert_string_equal(f.a.locator, want);

		assert_int_equal(file_next(&f), -1);
		snprintf(want, sizeof(want), "record 4 (NEWID 4), byte %llu: "
		    "the file ends before </REUTERS>", at4);
		assert_string_equal(f.err.message, want);
		assert_int_equal(file_next(&f), 0);
		file_close(&f);
	}
}

/* A record past the bound is refused without being held whole, and
 * the reading goes on after it. */
static void
test_bound(void **state)
{
	struct wbuf b = WBUF_INIT;
	char want[256];
	struct file f;
	size_t i, at2, at3;

	(void)state;
	assert_int_equal(wbuf_puts(&b, SHORT("1", "ONE")), 0);
	at2 = b.len;
	assert_int_equal(wbuf_puts(&b, "<REUTERS NEWID=\"2\">\n<TEXT><BODY>"),
	    0);
	for (i = 0; i < 20000; i++)
		assert_int_equal(wbuf_puts(&b, "A line of a long body.\n"), 0);
	assert_int_equal(wbuf_puts(&b, "</BODY></TEXT>\n</REUTERS>\n"), 0);
	at3 = b.len;
	assert_int_equal(wbuf_puts(&b, SHORT("3", "THREE")), 0);

	file_open(&f, b.data, b.len, 4096, INPUT_AUTO, 10000);
	assert_int_equal(file_next(&f), 1);
	assert_int_equal(file_next(&f), -1);
	snprintf(want, sizeof(want), "record 2 (NEWID 2), byte %zu: no "
	    "</REUTERS> within the size bound of 10000 bytes (see "
	    "--max-size)", at2);
	assert_string_equal(f.err.message, want);
	assert_int_equal(file_next(&f), 1);
	assert_string_equal(f.a.headline, "THREE");
	snprintf(want, sizeof(want), "record 3 (NEWID 3), byte %zu", at3);
	assert_string_equal(f.a.locator, want);
	assert_int_equal(file_next(&f), 0);
	file_close(&f);

	/* closed, but still past the bound */
	file_open(&f, SHORT("7", "SEVEN"), strlen(SHORT("7", "SEVEN")), 65536,
	    INPUT_AUTO, 60);
	assert_int_equal(file_next(&f), -1);
	snprintf(want, sizeof(want), "record 1 (NEWID 7), byte 0: %zu bytes, "
	    "larger than the size bound of 60 bytes (see --max-size)",
	    strlen(SHORT("7", "SEVEN")) - 1);
	assert_string_equal(f.err.message, want);
	assert_int_equal(file_next(&f), 0);
	file_close(&f);
	wbuf_release(&b);
}

static void
test_no_records(void **state)
{
	static const char text[] = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
	    "Nothing here <REUTER but a <REUTERSX> tag.\n";
	static const char bare[] =
	    "x <REUTERS><TEXT><BODY>Text.</BODY></TEXT></REUTERS>";
	struct file f;

	(void)state;
	file_open(&f, text, strlen(text), 7, INPUT_SGML, 0);
	assert_int_equal(file_next(&f), -1);
	assert_string_equal(f.err.message, "no <REUTERS> record in the file");
	assert_int_equal(file_next(&f), 0);
	file_close(&f);

	file_open(&f, "", 0, 7, INPUT_SGML, 0);
	assert_int_equal(file_next(&f), -1);
	assert_int_equal(file_next(&f), 0);
	file_close(&f);

	/* no id at all: the number and the offset */
	file_open(&f, bare, strlen(bare), 7, INPUT_SGML, 0);
	assert_int_equal(file_next(&f), 1);
	assert_string_equal(f.a.locator, "record 1, byte 2");
	assert_string_equal(f.a.text, "Text.");
	assert_int_equal(file_next(&f), 0);
	file_close(&f);
}

/* Bytes that are not UTF-8 are Windows-1252; controls and NULs are
 * not text; nothing breaks the reader. */
static void
test_bytes(void **state)
{
	static const char text[] =
	    "<REUTERS NEWID=\"9\">\n<DATE>1-MAR-1987</DATE>\n"
	    "<TEXT><TITLE>CAF\xC9 \x93QUOTED\x94</TITLE>\n"
	    "<DATELINE>  Z\xDCRICH, March 1 - </DATELINE>"
	    "<BODY>Na\xEFve text\x01\x02 with \xC3\xA9 and a NUL\0 byte"
	    "&#0;&#127;&#x110000;&#99999999999;.\n"
	    "</BODY></TEXT>\n</REUTERS>\n";
	struct file f;

	(void)state;
	file_open(&f, text, sizeof(text) - 1, 65536, INPUT_AUTO, 0);
	assert_int_equal(file_next(&f), 1);
	assert_string_equal(f.a.original_charset, "windows-1252");
	assert_string_equal(f.a.headline,
	    "CAF\xC3\x89 \xE2\x80\x9CQUOTED\xE2\x80\x9D");
	assert_string_equal(f.a.created, "1987-03-01");
	assert_string_equal(f.a.place, "Z\xC3\xBCrich");
	assert_string_equal(f.a.text, "Na\xC3\xAFve text with \xC3\xA9 and "
	    "a NUL byte&#99999999999;.");
	assert_null(f.a.outlet);
	assert_int_equal(file_next(&f), 0);
	file_close(&f);
}

/* Random damage: every record comes out, or is reported; the count of
 * both is the count of records begun. */
static void
test_damage(void **state)
{
	struct wbuf b = WBUF_INIT;
	unsigned seed = 12345;
	int round;

	(void)state;
	for (round = 0; round < 200; round++) {
		struct file f;
		size_t i, len;
		int rc, n = 0;

		wbuf_reset(&b);
		assert_int_equal(wbuf_puts(&b, FILE3), 0);
		len = b.len;
		for (i = 0; i < 8; i++) {
			seed = seed * 1103515245u + 12345u;
			b.data[(seed >> 8) % len] = "<>&/\n\0R#"[(seed >> 4) % 8];
		}
		file_open(&f, b.data, len, 1 + (seed >> 16) % 100, INPUT_SGML,
		    0);
		while ((rc = file_next(&f)) != 0) {
			assert_true(rc == 1 || rc == -1);
			if (rc == 1)
				assert_int_equal(strlen(f.a.text), f.a.text_len);
			assert_true(++n < 10);
		}
		file_close(&f);
	}
	wbuf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_records),
		cmocka_unit_test(test_unclosed),
		cmocka_unit_test(test_bound),
		cmocka_unit_test(test_no_records),
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_damage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
