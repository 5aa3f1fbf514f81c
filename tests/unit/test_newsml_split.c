/*
 * test_newsml_split.c: the stream cut into items' bytes (newsml/split.h):
 * each piece parsed on its own is the document the reader hands out; what
 * the split is not sure of stops it at the document in doubt, the items it
 * handed out before counted, and never an item the reader would not hand
 * out.
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
#include "newsml/split.h"
#include "base/warta.h"

#define G2 "http://iptc.org/std/nar/2006-10-01/"
#define DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

#define ITEM(guid) \
	"<newsItem xmlns=\"" G2 "\" guid=\"" guid "\" version=\"1\">" \
	"<contentMeta><headline>h " guid "</headline></contentMeta>" \
	"</newsItem>"

/* The namespaces come from the newsMessage and the itemSet. */
#define BARE_ITEM(guid) \
	"<newsItem guid=\"" guid "\" x:a=\"x:b\"><contentMeta><headline>h " \
	guid "</headline></contentMeta></newsItem>"

#define MESSAGE3 \
	"<newsMessage xmlns=\"" G2 "\" xmlns:x=\"urn:example:x\">\n" \
	"  <header><sent>2023-11-14T22:13:20Z</sent></header>\n" \
	"  <itemSet\n    xmlns:y=\"urn:example:y\">\n    " BARE_ITEM("m1") \
	"\n    <!-- between -->\n    " BARE_ITEM("m2") "\n    " \
	BARE_ITEM("m3") "\n  </itemSet>\n</newsMessage>\n"

#define MAX_ITEMS 8

struct cut {
	int n;
	char *doc[MAX_ITEMS];		/* each piece parsed, serialized */
	unsigned long count[MAX_ITEMS];
	int rc;				/* the last return */
	long long resume;
	unsigned long before;
};

static FILE *
stream_of(const char *bytes)
{
	FILE *fp = tmpfile();
	size_t n = strlen(bytes);

	assert_non_null(fp);
	assert_int_equal(fwrite(bytes, 1, n, fp), n);
	rewind(fp);
	return fp;
}

/* The line of each element, in document order, after the text. */
static void
put_lines(struct wbuf *out, xmlNodePtr n)
{
	char line[32];

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		snprintf(line, sizeof(line), " %s@%ld", (const char *)n->name,
		    xmlGetLineNo(n));
		assert_int_equal(wbuf_puts(out, line), WARTA_OK);
		put_lines(out, n->children);
	}
}

/* The document serialized, and the lines of its elements (which
 * messages quote); freed. */
static char *
dump(xmlDocPtr doc)
{
	struct wbuf out = WBUF_INIT;
	xmlChar *s = NULL;
	int n = 0;

	xmlDocDumpMemory(doc, &s, &n);
	assert_non_null(s);
	assert_int_equal(wbuf_puts(&out, (const char *)s), WARTA_OK);
	put_lines(&out, doc->children);
	xmlFree(s);
	xmlFreeDoc(doc);
	return wbuf_steal(&out);
}

/* Cuts the stream, parsing each piece as a job would. */
static void
cut(const char *bytes, struct cut *c)
{
	FILE *fp = stream_of(bytes);
	struct warta_error err;
	struct newsml_split *s;
	struct newsml_piece p;
	struct wbuf raw = WBUF_INIT;
	xmlDocPtr doc;

	memset(c, 0, sizeof(*c));
	warta_error_clear(&err);
	s = newsml_split_new(fp, &err);
	assert_non_null(s);
	while ((c->rc = newsml_split_next(s, &p)) == 1) {
		assert_true(c->n < MAX_ITEMS);
		assert_int_equal(newsml_piece_copy(&p, &raw), WARTA_OK);
		assert_int_equal(newsml_piece_parse(raw.data, raw.len,
		    p.in_message, p.first_line, &doc, NULL), 1);
		c->count[c->n] = p.count;
		c->doc[c->n++] = dump(doc);
	}
	if (c->rc < 0)
		c->resume = newsml_split_resume(s, &c->before);
	newsml_split_free(s);
	wbuf_release(&raw);
	fclose(fp);
}

/* What the reader hands out, serialized the same way. */
static int
read_all(const char *bytes, char **docs)
{
	FILE *fp = stream_of(bytes);
	struct warta_error err;
	struct newsml_reader *r;
	xmlDocPtr doc;
	int n = 0;

	warta_error_clear(&err);
	r = newsml_reader_new(fp, "test", &err);
	assert_non_null(r);
	while (newsml_reader_next(r, &doc, &err) == 1) {
		assert_true(n < MAX_ITEMS);
		docs[n++] = dump(doc);
	}
	newsml_reader_free(r);
	fclose(fp);
	return n;
}

static void
free_cut(struct cut *c)
{
	int i;

	for (i = 0; i < c->n; i++)
		free(c->doc[i]);
}

static void
test_pieces_are_the_readers_items(void **state)
{
	const char *in = DECL MESSAGE3 DECL ITEM("lone") "\n<!-- end -->\n"
	    ITEM("bare") "\n";
	char *want[MAX_ITEMS];
	struct cut c;
	int n, i;

	(void)state;
	cut(in, &c);
	n = read_all(in, want);
	assert_int_equal(c.rc, 0);
	assert_int_equal(n, 5);
	assert_int_equal(c.n, n);
	for (i = 0; i < n; i++) {
		assert_string_equal(c.doc[i], want[i]);
		assert_int_equal(c.count[i], (unsigned long)i + 1);
		free(want[i]);
	}
	/* The namespaces in scope came along; the lines are the stream's,
	 * from the start of each document. */
	assert_non_null(strstr(c.doc[0], "xmlns:y=\"urn:example:y\""));
	assert_non_null(strstr(c.doc[0], " newsItem@6 contentMeta@6"));
	assert_non_null(strstr(c.doc[2], " newsItem@9 "));
	assert_non_null(strstr(c.doc[3], " newsItem@2 "));
	free_cut(&c);
}

/*
 * Past line 65,535 (libxml2 keeps such a line apart, XML_PARSE_BIG_LINES),
 * an item that declares again every namespace around it (taken out of its
 * message, not copied), one that declares some (copied, the others added)
 * and one that declares none: each piece the reader's item, lines and all,
 * and the lines the true ones.
 */
static void
test_past_line_65535(void **state)
{
	struct wbuf in = WBUF_INIT;
	char *want[MAX_ITEMS];
	struct cut c;
	int n, i;

	(void)state;
	assert_int_equal(wbuf_puts(&in, DECL "<newsMessage xmlns=\"" G2
	    "\" xmlns:x=\"urn:example:x\">"), WARTA_OK);
	for (i = 0; i < 70000; i++)
		assert_int_equal(wbuf_putc(&in, '\n'), WARTA_OK);
	assert_int_equal(wbuf_puts(&in, "<itemSet>\n"
	    "<newsItem xmlns=\"" G2 "\" xmlns:x=\"urn:example:x\" "
	    "guid=\"own\" x:a=\"1\">\n<contentMeta><headline>h own</headline>"
	    "</contentMeta></newsItem>\n" ITEM("some") "\n" BARE_ITEM("none")
	    "\n</itemSet></newsMessage>\n"), WARTA_OK);
	cut(in.data, &c);
	n = read_all(in.data, want);
	assert_int_equal(c.rc, 0);
	assert_int_equal(n, 3);
	assert_int_equal(c.n, n);
	for (i = 0; i < n; i++) {
		assert_string_equal(c.doc[i], want[i]);
		free(want[i]);
	}
	/* (libxml2 gives such an element the line of the first text in it:
	 * the new line after the start tag, here.) */
	assert_non_null(strstr(c.doc[0], " newsItem@70004 contentMeta@70004 "
	    "headline@70004"));
	assert_non_null(strstr(c.doc[1], " newsItem@70005 "));
	assert_non_null(strstr(c.doc[2], " newsItem@70006 "));
	assert_non_null(strstr(c.doc[2], "xmlns:x=\"urn:example:x\""));
	free_cut(&c);
	wbuf_release(&in);
}

static void
test_stops_at_the_document_in_doubt(void **state)
{
	const char *first = DECL ITEM("a") "\n";
	const char *cases[] = {
		"<!DOCTYPE newsItem>\n" ITEM("b"),
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" ITEM("b"),
		ITEM("b") "junk",
		"<newsMessage xmlns=\"" G2 "\"><itemSet>" ITEM("b"),
	};
	struct wbuf in = WBUF_INIT;
	struct cut c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		wbuf_reset(&in);
		assert_int_equal(wbuf_puts(&in, first), WARTA_OK);
		assert_int_equal(wbuf_puts(&in, cases[i]), WARTA_OK);
		cut(in.data, &c);
		assert_int_equal(c.rc, -1);
		assert_int_equal(c.n, 1);
		assert_int_equal(c.resume, (long long)strlen(first));
		assert_int_equal(c.before, 1);
		free_cut(&c);
	}
	wbuf_release(&in);
}

static void
test_never_an_item_the_reader_keeps(void **state)
{
	/* An invalid byte right after the first item's end tag: the reader
	 * hands out nothing, and the split nothing either. */
	const char *in = "<newsMessage xmlns=\"" G2 "\"><itemSet>"
	    BARE_ITEM("m1") "\xf1" BARE_ITEM("m2") "</itemSet></newsMessage>";
	const char *amp = "<newsMessage xmlns=\"" G2 "\"><itemSet>"
	    BARE_ITEM("m1") " &amp " BARE_ITEM("m2") BARE_ITEM("m3")
	    "</itemSet></newsMessage>";
	char *want[MAX_ITEMS];
	struct cut c;

	(void)state;
	assert_int_equal(read_all(in, want), 0);
	cut(in, &c);
	assert_int_equal(c.rc, -1);
	assert_int_equal(c.n, 0);
	assert_int_equal(c.resume, 0);
	assert_int_equal(c.before, 0);
	/* A reference cut short between two items: m1 at the most. */
	cut(amp, &c);
	assert_int_equal(c.rc, -1);
	assert_true(c.n <= 1);
	free_cut(&c);
}

static void
test_parse_refuses_what_the_reader_would(void **state)
{
	const char *other = "<newsItem xmlns=\"urn:other\" guid=\"o\"/>";
	const char *wrong_root = "<newsMessage xmlns=\"urn:other\"><itemSet>"
	    "<newsItem xmlns=\"" G2 "\"/></itemSet></newsMessage>";
	const char *bad = "<newsItem xmlns=\"" G2 "\"><a></b></newsItem>";
	const char *prefix = "<newsItem xmlns=\"" G2 "\"><q:a/></newsItem>";
	xmlDocPtr doc;

	(void)state;
	assert_int_equal(newsml_piece_parse(other, strlen(other), 0, 1, &doc,
	    NULL), 0);
	assert_null(doc);
	assert_int_equal(newsml_piece_parse(wrong_root, strlen(wrong_root), 1, 1,
	    &doc, NULL), 0);
	assert_int_equal(newsml_piece_parse(bad, strlen(bad), 0, 1, &doc, NULL),
	    0);
	assert_int_equal(newsml_piece_parse(prefix, strlen(prefix), 0, 1, &doc,
	    NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pieces_are_the_readers_items),
		cmocka_unit_test(test_past_line_65535),
		cmocka_unit_test(test_stops_at_the_document_in_doubt),
		cmocka_unit_test(test_never_an_item_the_reader_keeps),
		cmocka_unit_test(test_parse_refuses_what_the_reader_would),
	};

	xmlInitParser();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
