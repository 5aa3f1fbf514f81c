/*
 * test_input_nitf.c: NITF documents (input/nitf.c): detection, every
 * stated field, the body's blocks, what is never fetched or expanded,
 * the refusals with their line and offset; and the conversions of
 * input/stated.c it relies on.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "input/format.h"
#include "input/input.h"
#include "input/stated.h"
#include "fixture_stream.h"

#define DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* A document in memory, given out step bytes at a time. */
struct doc {
	struct mem m;
	struct input_stream *in;
	struct input_reader *r;
	struct input_limits lim;
	struct input_article a;
	struct warta_error err;
	int rc;
};

/* Opens text (named name) as kind and reads its first article. */
static void
doc_read(struct doc *d, const char *text, const char *name,
    enum input_kind kind, unsigned long long max)
{
	memset(d, 0, sizeof(*d));
	d->m.p = text;
	d->m.n = strlen(text);
	d->m.step = 4096;
	input_limits_default(&d->lim);
	if (max > 0)
		d->lim.max_record = max;
	warta_error_clear(&d->err);
	assert_non_null(d->r = mem_open(&d->m, name, name, &d->lim, kind,
	    &d->in, &d->err));
	d->rc = input_next(d->r, &d->a, &d->err);
}

static void
doc_close(struct doc *d)
{
	struct input_article again;

	/* one file, one article */
	assert_int_equal(input_next(d->r, &again, &d->err), 0);
	input_close(d->r);
	input_stream_free(d->in);
}

static int
detect(const char *head, const char *name)
{
	return input_nitf.detect((const unsigned char *)head, strlen(head),
	    name);
}

static void
test_detect(void **state)
{
	static const unsigned char utf16[] = {
		0xFF, 0xFE, '<', 0, 'n', 0, 'i', 0, 't', 0, 'f', 0, '>', 0,
		'<', 0, '/', 0, 'n', 0, 'i', 0, 't', 0, 'f', 0, '>', 0
	};

	(void)state;
	assert_int_equal(detect("<nitf><head/></nitf>", NULL), 95);
	assert_int_equal(detect("<nitf/>", NULL), 95);
	assert_int_equal(detect("<!-- x --><nitf/>", NULL), 95);
	assert_int_equal(detect("<!DOC", "a.nitf"), 50);
	assert_int_equal(detect("<", "a.nitf"), 50);
	assert_int_equal(detect("\xEF\xBB\xBF" DECL "<!-- a comment -->\n"
	    "<?pi x?>\n<!DOCTYPE nitf SYSTEM \"nitf-3-6.dtd\">\n<nitf>",
	    "a.xml"), 95);
	/* the DOCTYPE's name is the root's, internal subset or not */
	assert_int_equal(detect(DECL "<!DOCTYPE nitf [ <!ENTITY x \"y\"> ]>",
	    NULL), 95);
	assert_int_equal(detect(DECL "<n:nitf xmlns:n=\"urn:x\">", NULL), 95);
	assert_int_equal(detect(DECL "<nitf\n version=\"3.6\">", NULL), 95);
	/* another root, or no XML at all */
	assert_int_equal(detect(DECL "<newsItem>", "a.nitf"), 0);
	assert_int_equal(detect(DECL "<nitfx>", NULL), 0);
	assert_int_equal(detect("<html><body>nitf</body></html>", NULL), 0);
	assert_int_equal(detect("The nitf format, in plain text.", "a.nitf"),
	    0);
	assert_int_equal(detect("", NULL), 0);
	/* the head ends before the root: only the name can say it */
	assert_int_equal(detect(DECL "<!-- a long comment", "story.nitf"), 50);
	assert_int_equal(detect(DECL "<!-- a long comment", "story.NITF"), 50);
	assert_int_equal(detect(DECL "<!-- a long comment", "story.xml"), 0);
	assert_int_equal(input_nitf.detect(utf16, sizeof(utf16), NULL), 95);
}

#define FULL \
	DECL \
	"<!DOCTYPE nitf SYSTEM \"nitf-3-6.dtd\">\n" \
	"<nitf baselang=\"en-US\">\n" \
	" <head>\n" \
	"  <title>Head title</title>\n" \
	"  <tobject tobject.type=\"news\">\n" \
	"   <tobject.subject tobject.subject.ipr=\"IPTC\"" \
	"    tobject.subject.refnum=\"15000000\" tobject.subject.type=\"Sport\"/>\n" \
	"   <tobject.subject tobject.subject.refnum=\"15008000\"" \
	"    tobject.subject.type=\"Sport\" tobject.subject.matter=\"Cycling\"/>\n" \
	"   <tobject.subject tobject.subject.ipr=\"ACME\"" \
	"    tobject.subject.refnum=\"12345678\" tobject.subject.type=\"Local\"/>\n" \
	"   <tobject.subject tobject.subject.refnum=\"150\"/>\n" \
	"  </tobject>\n" \
	"  <docdata>\n" \
	"   <doc-id id-string=\"X-1\"/>\n" \
	"   <date.issue norm=\"20260115T103000-0500\"/>\n" \
	"   <key-list><keyword key=\"cycling\"/><keyword key=\" tour \"/>" \
	"<keyword key=\"cycling\"/><keyword key=\"\"/></key-list>\n" \
	"  </docdata>\n" \
	"  <pubdata name=\"The Valley Times\"/>\n" \
	" </head>\n" \
	" <body>\n" \
	"  <body.head>\n" \
	"   <hedline><hl1>Riders <em>climb</em>\n  into the hills</hl1>" \
	"<hl2>A subheadline</hl2></hedline>\n" \
	"   <byline>By <person>Ana Lima</person> and <person>Bo Chen</person>," \
	" <byttl>Staff</byttl></byline>\n" \
	"   <dateline><location><city>SAN LUIS OBISPO</city>, Calif." \
	"</location>, <story.date norm=\"20260114\">Jan. 14</story.date> --" \
	"</dateline>\n" \
	"  </body.head>\n" \
	"  <body.content>\n" \
	"   <p>First   paragraph,\n   wrapped.</p>\n" \
	"   <hl2>A subhead</hl2>\n" \
	"   <p>Caf&#233; &amp; bar<br/>next &#x201C;line&#x201D;.</p>\n" \
	"   <block><p>In a block.</p><media><media-caption>Photo" \
	"</media-caption></media></block>\n" \
	"   <note><p>Note to editors.</p></note>\n" \
	"   <bq><block><p>Quoted.</p></block><credit>Someone</credit></bq>\n" \
	"   <ol><li><p>One.</p><p>More.</p></li><li>Two.</li></ol>\n" \
	"   <table><tr><th>A</th><th></th><th>C</th></tr></table>\n" \
	"   <p>   </p>\n" \
	"  </body.content>\n" \
	"  <body.end><tagline>The end.</tagline>" \
	"<bibliography>Sources</bibliography></body.end>\n" \
	" </body>\n" \
	"</nitf>\n"

static void
test_fields(void **state)
{
	struct doc d;
	size_t i;

	(void)state;
	doc_read(&d, FULL, "full.nitf", INPUT_AUTO, 0);
	assert_int_equal(d.rc, 1);
	assert_int_equal(d.a.kind, INPUT_NITF);
	assert_string_equal(d.a.where, "full.nitf");
	assert_string_equal(d.a.file_name, "full.nitf");
	assert_null(d.a.locator);
	assert_string_equal(d.a.original_type, "application/nitf+xml");
	assert_string_equal(d.a.original_charset, "utf-8");
	assert_int_equal(d.a.original_len, strlen(FULL));
	assert_memory_equal(d.a.original, FULL, strlen(FULL));

	assert_string_equal(d.a.headline, "Riders climb into the hills");
	assert_string_equal(d.a.byline, "By Ana Lima and Bo Chen, Staff");
	assert_string_equal(d.a.creator, "Ana Lima and Bo Chen");
	assert_string_equal(d.a.dateline,
	    "SAN LUIS OBISPO, Calif., Jan. 14");
	assert_string_equal(d.a.place, "San Luis Obispo");
	assert_string_equal(d.a.outlet, "The Valley Times");
	assert_string_equal(d.a.created, "2026-01-15T10:30:00-05:00");
	assert_string_equal(d.a.lang, "en-US");

	assert_int_equal(d.a.nkeywords, 2);
	assert_string_equal(d.a.keywords[0], "cycling");
	assert_string_equal(d.a.keywords[1], "tour");
	assert_int_equal(d.a.nsubjects, 3);
	for (i = 0; i < 3; i++)
		assert_string_equal(d.a.subjects[i].type, "cpnat:abstract");
	assert_string_equal(d.a.subjects[0].qcode, "subj:15000000");
	assert_string_equal(d.a.subjects[0].name, "Sport");
	assert_string_equal(d.a.subjects[1].qcode, "subj:15008000");
	assert_string_equal(d.a.subjects[1].name, "Cycling");
	/* another provider's code is not an IPTC subject code */
	assert_null(d.a.subjects[2].qcode);
	assert_string_equal(d.a.subjects[2].name, "Local");

	assert_string_equal(d.a.text,
	    "First paragraph, wrapped.\n\n"
	    "A subhead\n\n"
	    "Caf\xC3\xA9 & bar next \xE2\x80\x9Cline\xE2\x80\x9D.\n\n"
	    "In a block.\n\n"
	    "Quoted.\n\n"
	    "Someone\n\n"
	    "One. More.\n\n"
	    "Two.\n\n"
	    "A | | C\n\n"
	    "The end.");
	assert_int_equal(d.a.text_len, strlen(d.a.text));
	doc_close(&d);
}

static void
test_minimal(void **state)
{
	struct doc d;

	(void)state;
	doc_read(&d, "<nitf><body><body.content><p>Only text.</p>"
	    "</body.content></body></nitf>", "m.xml", INPUT_AUTO, 0);
	assert_int_equal(d.rc, 1);
	assert_int_equal(d.a.kind, INPUT_NITF);
	assert_null(d.a.headline);
	assert_null(d.a.byline);
	assert_null(d.a.creator);
	assert_null(d.a.dateline);
	assert_null(d.a.place);
	assert_null(d.a.outlet);
	assert_null(d.a.created);
	assert_null(d.a.lang);
	assert_null(d.a.original_charset);
	assert_int_equal(d.a.nkeywords, 0);
	assert_int_equal(d.a.nsubjects, 0);
	assert_string_equal(d.a.text, "Only text.");
	doc_close(&d);

	/* no body but an abstract, a title in the head, NITF 3.6's
	 * namespace and xml:lang */
	doc_read(&d, "<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\""
	    " xml:lang=\"id\" baselang=\"en\"><head><title>Judul</title>"
	    "</head><body><body.head><abstract><p>Ringkas.</p></abstract>"
	    "</body.head></body></nitf>", "n.nitf", INPUT_AUTO, 0);
	assert_int_equal(d.rc, 1);
	assert_string_equal(d.a.headline, "Judul");
	assert_string_equal(d.a.lang, "id");
	assert_string_equal(d.a.text, "Ringkas.");
	doc_close(&d);
}

static void
test_bylines(void **state)
{
	static const struct {
		const char *byline, *as_written, *creator;
	} cases[] = {
		{ "<byline>By Jane Doe</byline>", "By Jane Doe", "Jane Doe" },
		{ "<byline>BY JANE DOE, Staff Writer</byline>",
		    "BY JANE DOE, Staff Writer", "JANE DOE" },
		{ "<byline>By Jane Doe <byttl>Associated Press</byttl></byline>",
		    "By Jane Doe Associated Press", "Jane Doe" },
		{ "<byline><byttl>Sports Network</byttl></byline>",
		    "Sports Network", NULL },
		{ "<byline>Jane Doe and John Roe</byline>",
		    "Jane Doe and John Roe", "Jane Doe and John Roe" },
		{ "<byline>By <person>A</person>, <person>B</person> and "
		    "<person>C</person></byline>", "By A, B and C",
		    "A, B and C" },
		{ "<byline>Byron Smith</byline>", "Byron Smith",
		    "Byron Smith" },
	};
	char text[512];
	struct doc d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text), "<nitf><body><body.head>%s"
		    "</body.head><body.content><p>x</p></body.content></body>"
		    "</nitf>", cases[i].byline);
		doc_read(&d, text, "b.nitf", INPUT_AUTO, 0);
		assert_int_equal(d.rc, 1);
		assert_string_equal(d.a.byline, cases[i].as_written);
		if (cases[i].creator == NULL)
			assert_null(d.a.creator);
		else
			assert_string_equal(d.a.creator, cases[i].creator);
		doc_close(&d);
	}
}

static void
test_datelines_and_dates(void **state)
{
	static const struct {
		const char *head, *dateline, *as_written, *place, *created;
	} cases[] = {
		{ "", "<dateline>HOUSTON, Jan. 5 --</dateline>",
		    "HOUSTON, Jan. 5", "Houston", NULL },
		{ "", "<dateline>New York \xE2\x80\x94</dateline>", "New York",
		    "New York", NULL },
		{ "", "<dateline><location>ST. JOHN'S</location></dateline>",
		    "ST. JOHN'S", "St. John's", NULL },
		{ "", "<dateline><story.date norm=\"20260105T120000Z\">Jan. 5"
		    "</story.date></dateline>", "Jan. 5", NULL,
		    "2026-01-05T12:00:00Z" },
		/* pubdata first, then date.issue, then story.date */
		{ "<docdata><date.issue norm=\"20260102\"/></docdata>"
		    "<pubdata date.publication=\"20260103T083000+0700\"/>",
		    "<dateline><story.date norm=\"20260101\"/>WINSTON-SALEM"
		    "</dateline>", "WINSTON-SALEM", "Winston-Salem",
		    "2026-01-03T08:30:00+07:00" },
		/* a date that is none is passed over */
		{ "<docdata><date.issue norm=\"20260230\"/></docdata>"
		    "<pubdata date.publication=\"soon\"/>",
		    "<dateline><story.date norm=\"2026-01-07\"/>M\xC3\x9C"
		    "NCHEN</dateline>", "M\xC3\x9CNCHEN", "M\xC3\xBCnchen",
		    "2026-01-07" },
	};
	char text[1024];
	struct doc d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text), "<nitf><head>%s</head><body>"
		    "<body.head>%s</body.head><body.content><p>x</p>"
		    "</body.content></body></nitf>", cases[i].head,
		    cases[i].dateline);
		doc_read(&d, text, "d.nitf", INPUT_AUTO, 0);
		assert_int_equal(d.rc, 1);
		assert_string_equal(d.a.dateline, cases[i].as_written);
		if (cases[i].place == NULL)
			assert_null(d.a.place);
		else
			assert_string_equal(d.a.place, cases[i].place);
		if (cases[i].created == NULL)
			assert_null(d.a.created);
		else
			assert_string_equal(d.a.created, cases[i].created);
		doc_close(&d);
	}
}

static void
test_iso_date(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "20260115T103000-0500", "2026-01-15T10:30:00-05:00" },
		{ "20260115T103000+0530", "2026-01-15T10:30:00+05:30" },
		{ "20260115T103000Z", "2026-01-15T10:30:00Z" },
		{ "20260115T1030Z", "2026-01-15T10:30:00Z" },
		{ "20260115T103000.25Z", "2026-01-15T10:30:00Z" },
		{ "20260115T103000", "2026-01-15" },
		{ "20260115T000000-0500", "2026-01-15" },
		{ "20260115", "2026-01-15" },
		{ " 2026-01-15T10:30:00+07:00 ", "2026-01-15T10:30:00+07:00" },
		{ "2024-02-29", "2024-02-29" },
		{ "20230229", NULL },
		{ "20261301", NULL },
		{ "20260115T253000Z", NULL },
		{ "20260115T103000+1500", NULL },
		{ "20260115X", NULL },
		{ "2026011", NULL },
		{ "Jan. 15", NULL },
		{ "", NULL },
	};
	char out[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = stated_iso_date(cases[i].in, out);

		if (cases[i].out == NULL) {
			assert_int_equal(rc, -1);
			continue;
		}
		assert_int_equal(rc, 0);
		assert_string_equal(out, cases[i].out);
		assert_true(input_valid_date(out));
	}
}

static void
test_place_case(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "HOUSTON", "Houston" },
		{ "NEW YORK", "New York" },
		{ "WINSTON-SALEM", "Winston-Salem" },
		{ "ST. JOHN'S", "St. John's" },
		{ "WASHINGTON D.C.", "Washington D.C." },
		{ "\xC3\x89VIAN", "\xC3\x89vian" },
		{ "McALLEN", "McALLEN" },
		{ "Jakarta", "Jakarta" },
		{ "", "" },
	};
	char buf[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(buf, sizeof(buf), "%s", cases[i].in);
		stated_place_case(buf);
		assert_string_equal(buf, cases[i].out);
	}
}

/* Entities: the predefined ones and character references are text;
 * every declared entity, internal or external, is left out, never
 * expanded and never fetched. */
static void
test_entities(void **state)
{
	struct doc d;

	(void)state;
	doc_read(&d, DECL
	    "<!DOCTYPE nitf SYSTEM \"/nonexistent/nitf.dtd\" [\n"
	    " <!ENTITY inner \"INTERNAL\">\n"
	    " <!ENTITY outer SYSTEM \"file:///etc/hostname\">\n"
	    " <!ENTITY net SYSTEM \"http://127.0.0.1:9/x\">\n"
	    "]>\n"
	    "<nitf><head><docdata><key-list><keyword key=\"a&inner;b\"/>"
	    "</key-list></docdata></head><body><body.head><hedline>"
	    "<hl1>T&inner;&outer;</hl1></hedline></body.head>"
	    "<body.content><p>a &lt;b&gt; &amp;&inner;&outer;&net;&undeclared;"
	    "</p></body.content></body></nitf>", "e.nitf", INPUT_AUTO, 0);
	assert_int_equal(d.rc, 1);
	assert_string_equal(d.a.headline, "T");
	assert_string_equal(d.a.text, "a <b> &");
	/* an attribute keeps its own text only */
	assert_int_equal(d.a.nkeywords, 1);
	assert_string_equal(d.a.keywords[0], "ab");
	doc_close(&d);
}

static void
test_refusals(void **state)
{
	struct doc d;

	(void)state;
	/* not well-formed: the line and the byte offset */
	doc_read(&d, "<nitf>\n<body>\n<body.content>\n<p>text\n"
	    "</body.content>\n</body>\n</nitf>\n", "bad.nitf", INPUT_AUTO, 0);
	assert_int_equal(d.rc, -1);
	assert_string_equal(d.err.message, "not well-formed XML at byte 52 "
	    "(line 5): Opening and ending tag mismatch: p line 4 and "
	    "body.content");
	assert_int_equal(d.err.offset, 52);
	doc_close(&d);

	/* the file ends inside it */
	doc_read(&d, "<nitf><body>", "cut.nitf", INPUT_AUTO, 0);
	assert_int_equal(d.rc, -1);
	assert_non_null(strstr(d.err.message, "not well-formed XML at byte "));
	doc_close(&d);

	/* forced on another document */
	doc_read(&d, "<html><body><p>x</p></body></html>", "x.html",
	    INPUT_NITF, 0);
	assert_int_equal(d.rc, -1);
	assert_string_equal(d.err.message, "not an NITF document: the root "
	    "element is <html>");
	doc_close(&d);

	/* forced on nothing */
	doc_read(&d, "", "empty.nitf", INPUT_NITF, 0);
	assert_int_equal(d.rc, -1);
	assert_string_equal(d.err.message, "empty file");
	doc_close(&d);

	/* larger than the bound */
	doc_read(&d, FULL, "big.nitf", INPUT_AUTO, 100);
	assert_int_equal(d.rc, -1);
	assert_string_equal(d.err.message, "larger than the size bound of "
	    "100 bytes (see --max-size)");
	doc_close(&d);

	/* an entity that expands too far: libxml2's own bound stands */
	doc_read(&d, DECL "<!DOCTYPE nitf [\n"
	    " <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
	    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	    " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
	    " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
	    "]>\n<nitf><body><body.content><p>&f;&f;&f;&f;&f;&f;&f;&f;</p>"
	    "</body.content></body></nitf>", "bomb.nitf", INPUT_AUTO, 0);
	if (d.rc == 1)
		assert_int_equal(d.a.text_len, 0);
	else
		assert_int_equal(d.rc, -1);
	doc_close(&d);
}

/* A document read a byte at a time gives what it gives whole. */
static void
test_small_reads(void **state)
{
	struct doc d;

	(void)state;
	memset(&d, 0, sizeof(d));
	d.m.p = FULL;
	d.m.n = strlen(FULL);
	d.m.step = 1;
	input_limits_default(&d.lim);
	assert_non_null(d.r = mem_open(&d.m, "s.nitf", NULL, &d.lim,
	    INPUT_AUTO, &d.in, &d.err));
	assert_int_equal(input_next(d.r, &d.a, &d.err), 1);
	assert_int_equal(d.a.kind, INPUT_NITF);
	assert_null(d.a.file_name);
	assert_string_equal(d.a.headline, "Riders climb into the hills");
	assert_int_equal(d.a.original_len, strlen(FULL));
	doc_close(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_minimal),
		cmocka_unit_test(test_bylines),
		cmocka_unit_test(test_datelines_and_dates),
		cmocka_unit_test(test_iso_date),
		cmocka_unit_test(test_place_case),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_small_reads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
