/*
 * test_g2_rules.c: the producer rules (each broken once, with its exact
 * message and place), the catalog's aliases, and the official schema.
 *
 * The catalog, the schema and the IPTC examples come from ../shared, named
 * by WARTA_SHARED (tests/run.sh sets it); without it those tests are
 * reported as skipped.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "newsml/g2_rules.h"
#include "base/warta.h"

#define G2 "http://iptc.org/std/nar/2006-10-01/"
#define XHTML "http://www.w3.org/1999/xhtml"
#define CATALOG "newsml-g2/vocab/catalog.IPTC-G2-Standards_41.xml"
#define SCHEMA "newsml-g2/schema/NewsML-G2_2.35-spec-All-Power.xsd"
#define EXAMPLES "newsml-g2/examples"

#define MAX_PROBLEMS 64

struct problems {
	int n;
	int stop_after;		/* 0: never stop */
	char msg[MAX_PROBLEMS][600];
};

static int
collect(void *arg, const char *problem)
{
	struct problems *p = arg;

	assert_true(p->n < MAX_PROBLEMS);
	snprintf(p->msg[p->n], sizeof(p->msg[0]), "%s", problem);
	p->n++;
	return p->stop_after > 0 && p->n >= p->stop_after;
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	assert_non_null(s = malloc((size_t)n + 1));
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	return s;
}

/* The project's copy of the seed; run.sh sets WARTA_TOP. */
static char *
seed(void)
{
	const char *top = getenv("WARTA_TOP");
	char path[1024];

	snprintf(path, sizeof(path), "%s/samples/semarang-maritim-purwanto.xml",
	    top != NULL && *top != '\0' ? top : ".");
	return slurp(path);
}

/* s with its one occurrence of from replaced by to; s is freed. */
static char *
edit(char *s, const char *from, const char *to)
{
	char *at = strstr(s, from), *r;
	size_t n;

	assert_non_null(at);
	assert_null(strstr(at + 1, from));
	n = strlen(s) - strlen(from) + strlen(to);
	assert_non_null(r = malloc(n + 1));
	memcpy(r, s, (size_t)(at - s));
	strcpy(r + (at - s), to);
	strcat(r, at + strlen(from));
	free(s);
	return r;
}

static xmlDocPtr
parse(const char *xml)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "item.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_BIG_LINES);

	assert_non_null(doc);
	return doc;
}

/* The rules' problems with the item xml; the return is checked. */
static void
rules(const char *xml, const struct g2_catalog *c, struct problems *p)
{
	xmlDocPtr doc = parse(xml);
	int stop = p->stop_after, n;

	memset(p, 0, sizeof(*p));
	p->stop_after = stop;
	n = g2_check_rules(xmlDocGetRootElement(doc), c, collect, p);
	assert_int_equal(n, p->n);
	xmlFreeDoc(doc);
}

/* The seed with one edit has exactly the one problem expected. */
static void
one(const char *from, const char *to, const char *expected)
{
	struct problems p = { 0 };
	char *s = edit(seed(), from, to);

	rules(s, NULL, &p);
	if (expected == NULL) {
		if (p.n != 0)
			print_error("unexpected: %s\n", p.msg[0]);
		assert_int_equal(p.n, 0);
	} else {
		assert_int_equal(p.n, 1);
		assert_string_equal(p.msg[0], expected);
	}
	free(s);
}

/* ../shared, or the test is skipped. */
static const char *
shared(void)
{
	const char *dir = getenv("WARTA_SHARED");

	if (dir == NULL || *dir == '\0')
		skip();
	return dir;
}

static struct g2_catalog *
iptc_catalog(void)
{
	struct warta_error err;
	struct g2_catalog *c;
	char path[1024];

	snprintf(path, sizeof(path), "%s/" CATALOG, shared());
	c = g2_catalog_load(path, &err);
	if (c == NULL)
		print_error("%s\n", err.message);
	assert_non_null(c);
	return c;
}

static struct g2_schema *
iptc_schema(void)
{
	struct warta_error err;
	struct g2_schema *s;
	char path[1024];

	snprintf(path, sizeof(path), "%s/" SCHEMA, shared());
	s = g2_schema_load(path, &err);
	if (s == NULL)
		print_error("%s\n", err.message);
	assert_non_null(s);
	return s;
}

static char tmp_path[64];

static void
write_tmp(const char *s, const char *suffix)
{
	const char *dir = getenv("TMPDIR");
	FILE *fp;
	int fd;

	snprintf(tmp_path, sizeof(tmp_path), "%s/g2.XXXXXX%s",
	    dir != NULL && strlen(dir) < 40 ? dir : "/tmp", suffix);
	assert_true((fd = mkstemps(tmp_path, (int)strlen(suffix))) >= 0);
	assert_non_null(fp = fdopen(fd, "wb"));
	assert_int_equal(fwrite(s, 1, strlen(s), fp), strlen(s));
	assert_int_equal(fclose(fp), 0);
}

/* --- the rules --- */

static void
test_seed(void **state)
{
	struct problems p = { 0 };
	char *s = seed();

	(void)state;
	rules(s, NULL, &p);
	assert_int_equal(p.n, 0);
	free(s);
}

static void
test_dates(void **state)
{
	(void)state;
	one("<versionCreated>2023-11-14T22:13:20Z<",
	    "<versionCreated>2023-11-14T22:13:20<",
	    "newsItem/itemMeta/versionCreated: '2023-11-14T22:13:20' has no "
	    "time zone");
	one("<firstCreated>2023-11-14T22:13:20Z<",
	    "<firstCreated>2023-11-14T22:13:20.5<",
	    "newsItem/itemMeta/firstCreated: '2023-11-14T22:13:20.5' has no "
	    "time zone");
	one("<contentCreated>2021-08-10<",
	    "<contentCreated>\n  2021-08-10T09:00:00\n<",
	    "newsItem/contentMeta/contentCreated: '2021-08-10T09:00:00' has "
	    "no time zone");
	one("<contentCreated>2021-08-10</contentCreated>",
	    "<contentCreated>2021-08-10</contentCreated>"
	    "<contentModified>2021-08-11T10:00:00-0700</contentModified>",
	    "newsItem/contentMeta/contentModified: '2021-08-11T10:00:00-0700' "
	    "has no time zone");
	one("<pubStatus", "<embargoed>2021-08-11T10:00</embargoed><pubStatus",
	    "newsItem/itemMeta/embargoed: '2021-08-11T10:00' has no time zone");
	one("timestamp=\"2023-11-14T22:13:20Z\"",
	    "timestamp=\"2023-11-14T22:13:20\"",
	    "newsItem/hopHistory/hop/@timestamp: '2023-11-14T22:13:20' has no "
	    "time zone");

	/* A zone as an offset; a date alone, truncated dates; no embargo. */
	one("<versionCreated>2023-11-14T22:13:20Z<",
	    "<versionCreated>2023-11-15T05:13:20+07:00<", NULL);
	one("<firstCreated>2023-11-14T22:13:20Z<",
	    "<firstCreated>2023-11-14T22:13:20.123-03:30<", NULL);
	one("<contentCreated>2021-08-10<", "<contentCreated>2021-08<", NULL);
	one("<contentCreated>2021-08-10<", "<contentCreated>2021<", NULL);
	one("<pubStatus", "<embargoed/><pubStatus", NULL);
}

static void
test_guid_version(void **state)
{
	(void)state;
	one("guid=\"urn:newsml:warta.invalid:20210810:0fb56732ef35c24e\"",
	    "guid=\"warta 0fb56732ef35c24e\"",
	    "newsItem/@guid: 'warta 0fb56732ef35c24e' is not a URI");
	one("guid=\"urn:newsml:warta.invalid:20210810:0fb56732ef35c24e\"",
	    "guid=\"0fb56732ef35c24e\"",
	    "newsItem/@guid: '0fb56732ef35c24e' is not a URI");
	one("guid=\"urn:newsml:warta.invalid:20210810:0fb56732ef35c24e\"",
	    "guid=\"1urn:x\"", "newsItem/@guid: '1urn:x' is not a URI");
	one("guid=\"urn:newsml:warta.invalid:20210810:0fb56732ef35c24e\"",
	    "guid=\"urn:\"", "newsItem/@guid: 'urn:' is not a URI");
	one("guid=\"urn:newsml:warta.invalid:20210810:0fb56732ef35c24e\"",
	    "guid=\"tag:warta.invalid,2021:0fb56732ef35c24e\"", NULL);
	/* None, empty, blank, or with a control character: no item is
	 * told from another by it. */
	one(" guid=\"urn:newsml:warta.invalid:20210810:0fb56732ef35c24e\"",
	    "", "newsItem/@guid: missing: every item needs one");
	one("guid=\"urn:newsml:warta.invalid:20210810:0fb56732ef35c24e\"",
	    "guid=\"\"", "newsItem/@guid: '' is not a URI");
	one("guid=\"urn:newsml:warta.invalid:20210810:0fb56732ef35c24e\"",
	    "guid=\"  &#9;\"", "newsItem/@guid: '   ' is not a URI");
	one("guid=\"urn:newsml:warta.invalid:20210810:0fb56732ef35c24e\"",
	    "guid=\"urn:x:&#9;1\"", "newsItem/@guid: 'urn:x: 1' is not a URI");
	one("guid=\"urn:newsml:warta.invalid:20210810:0fb56732ef35c24e\"",
	    "guid=\"urn:x:&#x9b;1\"",
	    "newsItem/@guid: 'urn:x: 1' is not a URI");
	one("guid=\"urn:newsml:warta.invalid:20210810:0fb56732ef35c24e\"",
	    "guid=\"urn:x:\xc2\xa0\"", NULL);
	one("version=\"1\"", "version=\"0\"",
	    "newsItem/@version: '0' is not a positive integer");
	one("version=\"1\"", "version=\"1.0\"",
	    "newsItem/@version: '1.0' is not a positive integer");
	one("version=\"1\"", "version=\"\"",
	    "newsItem/@version: '' is not a positive integer");
	one("version=\"1\"", "version=\"12\"", NULL);
	one(" version=\"1\"", "", NULL);
}

static void
test_pub_status(void **state)
{
	(void)state;
	one("stat:usable", "stat:cancelled",
	    "newsItem/itemMeta/pubStatus/@qcode: 'stat:cancelled' is not "
	    "stat:usable, stat:withheld or stat:canceled");
	one("stat:usable", "stat:withheld", NULL);
	one("stat:usable", "stat:canceled", NULL);
}

static void
test_lang(void **state)
{
	(void)state;
	one("xml:lang=\"id\"", "xml:lang=\"id_ID\"",
	    "newsItem/@xml:lang: 'id_ID' is not a BCP 47 language tag");
	one("<language tag=\"id\"/>", "<language tag=\"en_GB\"/>",
	    "newsItem/contentMeta/language/@tag: 'en_GB' is not a BCP 47 "
	    "language tag");
	one("<language tag=\"id\"/>", "<language tag=\"english\"/>",
	    "newsItem/contentMeta/language/@tag: 'english' is not a BCP 47 "
	    "language tag");
	one("<language tag=\"id\"/>", "<language tag=\"\"/>",
	    "newsItem/contentMeta/language/@tag: '' is not a BCP 47 "
	    "language tag");
	one("<language tag=\"id\"/>", "<language tag=\"en-\"/>",
	    "newsItem/contentMeta/language/@tag: 'en-' is not a BCP 47 "
	    "language tag");
	one("<by>", "<by xml:lang=\"en GB\">",
	    "newsItem/contentMeta/by/@xml:lang: 'en GB' is not a BCP 47 "
	    "language tag");
	one("<language tag=\"id\"/>", "<language tag=\"zh-Hant-TW\"/>", NULL);
	one("<language tag=\"id\"/>", "<language tag=\"sgn-BE-FR\"/>", NULL);
	one("<language tag=\"id\"/>", "<language tag=\"x-jawa-kuno\"/>",
	    NULL);
	one("xml:lang=\"id\"", "xml:lang=\"\"", NULL);
	/* Inside the XHTML body, XHTML's business. */
	one("<title/>", "<title xml:lang=\"id_ID\"/>", NULL);
}

static void
test_xhtml(void **state)
{
	(void)state;
	one("<html xmlns=\"" XHTML "\">", "<html>",
	    "newsItem/contentSet/inlineXML: 'html' is not html in the XHTML "
	    "namespace");
	one("</html>\n", "</html><html xmlns=\"" XHTML "\"/>\n",
	    "newsItem/contentSet/inlineXML: 2 child elements, not one html "
	    "element");
	one("<inlineXML contenttype=\"application/xhtml+xml\">",
	    "<inlineXML contenttype=\"application/xhtml+xml\"><br xmlns=\""
	    XHTML "\"/></inlineXML><inlineXML contenttype=\"Application/XHTML"
	    "+xml; charset=utf-8\">",
	    "newsItem/contentSet/inlineXML[1]: 'br' is not html in the XHTML "
	    "namespace");
	one("<inlineXML contenttype=\"application/xhtml+xml\">",
	    "<inlineXML contenttype=\"application/xhtml+xml\"/>"
	    "<inlineXML contenttype=\"application/xhtml+xml\">",
	    "newsItem/contentSet/inlineXML[1]: 0 child elements, not one html "
	    "element");
	/* Another vocabulary is not looked into. */
	one("<inlineXML contenttype=\"application/xhtml+xml\">",
	    "<inlineXML contenttype=\"application/nitf+xml\">", NULL);
}

static void
test_qcodes(void **state)
{
	(void)state;
	one("\"ninat:text\"", "\"text\"",
	    "newsItem/itemMeta/itemClass/@qcode: 'text' is not a QCode");
	one("\"ninat:text\"", "\":text\"",
	    "newsItem/itemMeta/itemClass/@qcode: ':text' is not a QCode");
	one("\"ninat:text\"", "\"ninat:\"",
	    "newsItem/itemMeta/itemClass/@qcode: 'ninat:' is not a QCode");
	one("target=\"hatarget:content\"", "target=\"content\"",
	    "newsItem/hopHistory/hop/action/@target: 'content' is not a "
	    "QCode");
	/* Only the ones with several of their name get an index. */
	one("<dateline>",
	    "<subject qcode=\"medtop:1\"/><subject qcode=\"medtop:2\"/>"
	    "<subject type=\"cpnat:abstract\" qcode=\"medtop\"/><dateline>",
	    "newsItem/contentMeta/subject[3]/@qcode: 'medtop' is not a QCode");
	/* A list: every QCode in it. */
	one("<creator>", "<creator role=\"crol:a  crol:b\tc\">",
	    "newsItem/contentMeta/creator/@role: 'c' is not a QCode");
	/* Attributes that are not QCodes, and XHTML's own. */
	one("<creator>", "<creator jobtitle=\"crol:x\" literal=\"x\">", NULL);
	one("<p>SEMARANG", "<p rel=\"x\" role=\"y\" type=\"z\">SEMARANG",
	    NULL);
	/* A value too long is cut, at a character. */
	one("\"ninat:text\"", "\"" "ééééééééééééééééééééééééééééééééééé" "\"",
	    "newsItem/itemMeta/itemClass/@qcode: 'éééééééééééééééééééééééé"
	    "éééééééé...' is not a QCode");
}

#define MESSAGE(sent, items) \
	"<newsMessage xmlns=\"" G2 "\"><header><sent>" sent "</sent>" \
	"<timestamp role=\"received\">2023-11-14T22:13:20Z</timestamp>" \
	"</header><itemSet>" items "</itemSet></newsMessage>"
#define MITEM(guid, cls) \
	"<newsItem guid=\"" guid "\" version=\"1\" standard=\"NewsML-G2\" " \
	"standardversion=\"2.35\"><itemMeta><itemClass qcode=\"" cls "\"/>" \
	"</itemMeta></newsItem>"

static void
test_message(void **state)
{
	struct problems p = { 0 };

	(void)state;
	rules(MESSAGE("2023-11-14T22:13:20",
	    MITEM("urn:a:1", "ninat:text") MITEM("a 2", "text")
	    "<packageItem guid=\"urn:a:3\"/>"), NULL, &p);
	assert_int_equal(p.n, 3);
	assert_string_equal(p.msg[0], "newsMessage/header/sent: "
	    "'2023-11-14T22:13:20' has no time zone");
	assert_string_equal(p.msg[1], "newsMessage/itemSet/newsItem[2]/@guid: "
	    "'a 2' is not a URI");
	assert_string_equal(p.msg[2], "newsMessage/itemSet/newsItem[2]/"
	    "itemMeta/itemClass/@qcode: 'text' is not a QCode");

	/* Checking stops when fn says so. */
	memset(&p, 0, sizeof(p));
	p.stop_after = 2;
	rules(MESSAGE("2023-11-14T22:13:20",
	    MITEM("urn:a:1", "ninat:text") MITEM("a 2", "text")), NULL, &p);
	assert_int_equal(p.n, 2);

	/* One item of the message, on its own: its place starts there. */
	{
		xmlDocPtr doc = parse(MESSAGE("2023-11-14T22:13:20Z",
		    MITEM("urn:a:1", "ninat:text") MITEM("a 2", "text")));
		xmlNodePtr item = xmlDocGetRootElement(doc)->children->next->
		    children->next;

		memset(&p, 0, sizeof(p));
		assert_int_equal(g2_check_rules(item, NULL, collect, &p), 2);
		assert_string_equal(p.msg[0], "newsItem/@guid: 'a 2' is not a "
		    "URI");
		assert_string_equal(p.msg[1], "newsItem/itemMeta/itemClass/"
		    "@qcode: 'text' is not a QCode");
		xmlFreeDoc(doc);
	}
}

/* Counts the problems, keeps the first and the last. */
static int
first_last(void *arg, const char *problem)
{
	struct problems *p = arg;

	snprintf(p->msg[p->n == 0 ? 0 : 1], sizeof(p->msg[0]), "%s", problem);
	p->n++;
	return 0;
}

/* Many siblings with problems: the places stay right (and quick). */
static void
test_many(void **state)
{
	struct problems *p;
	size_t i, n = 20000;
	char *xml, *at;
	xmlDocPtr doc;

	(void)state;
	assert_non_null(p = calloc(1, sizeof(*p)));
	assert_non_null(xml = malloc(n * 64 + 4096));
	at = xml + sprintf(xml, "<newsItem xmlns=\"" G2 "\" guid=\"urn:x:1\">"
	    "<contentMeta>");
	for (i = 0; i < n; i++)
		at += sprintf(at, "<subject qcode=\"s%zu\"/><keyword/>", i);
	strcpy(at, "</contentMeta></newsItem>");
	doc = parse(xml);
	assert_int_equal(g2_check_rules(xmlDocGetRootElement(doc), NULL,
	    first_last, p), (int)n);
	assert_int_equal(p->n, (int)n);
	assert_string_equal(p->msg[0], "newsItem/contentMeta/subject[1]/@qcode: "
	    "'s0' is not a QCode");
	assert_string_equal(p->msg[1], "newsItem/contentMeta/subject[20000]/"
	    "@qcode: 's19999' is not a QCode");
	xmlFreeDoc(doc);
	free(xml);
	free(p);
}

/* --- the catalog --- */

static void
test_catalog_refused(void **state)
{
	struct warta_error err;

	(void)state;
	assert_null(g2_catalog_load("/nonexistent/catalog.xml", &err));
	assert_string_equal(err.message, "/nonexistent/catalog.xml: No such "
	    "file or directory");

	write_tmp("<?xml version=\"1.0\"?>\n<!DOCTYPE catalog [\n"
	    "<!ENTITY a \"aaaaaaaaaa\">\n]>\n<catalog xmlns=\"" G2 "\">"
	    "<scheme alias=\"&a;\" uri=\"http://x/\"/></catalog>\n", ".xml");
	assert_null(g2_catalog_load(tmp_path, &err));
	assert_non_null(strstr(err.message, ": has a DOCTYPE, which is "
	    "refused"));
	unlink(tmp_path);

	write_tmp("<catalog xmlns=\"" G2 "\"><scheme alias=\"a\">"
	    "</catalog>\n", ".xml");
	assert_null(g2_catalog_load(tmp_path, &err));
	assert_non_null(strstr(err.message, ": line 1: "));
	unlink(tmp_path);

	write_tmp("<catalog xmlns=\"urn:other\"><scheme alias=\"a\"/>"
	    "</catalog>\n", ".xml");
	assert_null(g2_catalog_load(tmp_path, &err));
	assert_non_null(strstr(err.message, ": not a NewsML-G2 catalog"));
	unlink(tmp_path);

	write_tmp("<catalog xmlns=\"" G2 "\"/>\n", ".xml");
	assert_null(g2_catalog_load(tmp_path, &err));
	assert_non_null(strstr(err.message, ": no scheme aliases in it"));
	unlink(tmp_path);

	g2_catalog_free(NULL);
}

static void
test_catalog_small(void **state)
{
	struct warta_error err;
	struct g2_catalog *c;

	(void)state;
	write_tmp("<catalog xmlns=\"" G2 "\"><scheme alias=\"stat\" uri=\"u\"/>"
	    "<scheme alias=\"b\" uri=\"u\"/><scheme alias=\"stat\" uri=\"u\"/>"
	    "<scheme alias=\"a\" uri=\"u\"/><x alias=\"x\"/></catalog>\n",
	    ".xml");
	assert_non_null(c = g2_catalog_load(tmp_path, &err));
	unlink(tmp_path);
	assert_true(g2_catalog_has(c, "stat:usable", 4));
	assert_true(g2_catalog_has(c, "a", 1));
	assert_true(g2_catalog_has(c, "b", 1));
	assert_false(g2_catalog_has(c, "sta", 3));
	assert_false(g2_catalog_has(c, "stats", 5));
	assert_false(g2_catalog_has(c, "x", 1));
	assert_false(g2_catalog_has(c, "", 0));
	g2_catalog_free(c);
}

static void
test_catalog(void **state)
{
	struct g2_catalog *c;
	struct problems p = { 0 };
	char *s;

	(void)state;
	c = iptc_catalog();
	assert_true(g2_catalog_has(c, "stat", 4));
	assert_true(g2_catalog_has(c, "ninat", 5));
	assert_true(g2_catalog_has(c, "medtop", 6));
	assert_true(g2_catalog_has(c, "encd", 4));
	assert_false(g2_catalog_has(c, "nope", 4));

	s = seed();
	rules(s, c, &p);
	assert_int_equal(p.n, 0);

	s = edit(s, "\"ninat:text\"", "\"nope:x\"");
	rules(s, c, &p);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.msg[0], "newsItem/itemMeta/itemClass/@qcode: "
	    "alias 'nope' of 'nope:x' is not declared in the catalog");

	/* Without a catalog, aliases are not checked. */
	rules(s, NULL, &p);
	assert_int_equal(p.n, 0);

	/* Declared by the item itself. */
	s = edit(s, "<hopHistory>", "<catalog><scheme alias=\"nope\" "
	    "uri=\"http://example.com/nope/\"/></catalog><hopHistory>");
	rules(s, c, &p);
	assert_int_equal(p.n, 0);
	free(s);

	/* Another catalog is referred to, which warta does not fetch. */
	s = edit(seed(), "\"ninat:text\"", "\"nope:x\"");
	s = edit(s, "<hopHistory>", "<catalogRef href=\"http://example.com/"
	    "catalog.xml\"/><hopHistory>");
	rules(s, c, &p);
	assert_int_equal(p.n, 0);
	free(s);

	/* IPTC's catalog of another version, kept elsewhere, is IPTC's. */
	s = edit(seed(), "\"ninat:text\"", "\"nope:x\"");
	s = edit(s, "http://www.iptc.org/std/catalog/catalog.IPTC-G2-"
	    "Standards_41.xml", "https://example.com/catalog.IPTC-G2-"
	    "Standards_32.xml");
	rules(s, c, &p);
	assert_int_equal(p.n, 1);
	free(s);
	g2_catalog_free(c);
}

/*
 * ap_metadata_example.xml refers only to IPTC's catalog, yet uses AP's
 * own schemes: the rule holds there, so this is what the rule finds.
 */
static const char *const ap_problems[] = {
	"newsItem/itemMeta/provider/@qcode: alias 'providercode' of 'providercode:AP' is not declared in the catalog",
	"newsItem/contentMeta/subject[1]/@creator: alias 'apsubcreator' of 'apsubcreator:Machine' is not declared in the catalog",
	"newsItem/contentMeta/subject[1]/@qcode: alias 'apgeography' of 'apgeography:2f6e294082b310048474df092526b43e' is not declared in the catalog",
	"newsItem/contentMeta/subject[2]/@creator: alias 'apsubcreator' of 'apsubcreator:Machine' is not declared in the catalog",
	"newsItem/contentMeta/subject[2]/@qcode: alias 'apperson' of 'apperson:4e7a7c0fdad04d8880888ae63a083c36' is not declared in the catalog",
	"newsItem/contentMeta/subject[3]/@creator: alias 'apsubcreator' of 'apsubcreator:Machine' is not declared in the catalog",
	"newsItem/contentMeta/subject[3]/@qcode: alias 'apcompany' of 'apcompany:b406375ae52c4b41b8bdd341760f2768' is not declared in the catalog",
	"newsItem/assert[1]/@qcode: alias 'apgeography' of 'apgeography:2f6e294082b310048474df092526b43e' is not declared in the catalog",
	"newsItem/assert[1]/type/@qcode: alias 'aplocationtype' of 'aplocationtype:0ae5eb8e00e04295a4fc209c94bfe6ef' is not declared in the catalog",
	"newsItem/assert[1]/broader/@qcode: alias 'apgeography' of 'apgeography:661e48387d5b10048291c076b8e3055c' is not declared in the catalog",
	"newsItem/assert[2]/@qcode: alias 'apgeography' of 'apgeography:661e48387d5b10048291c076b8e3055c' is not declared in the catalog",
	"newsItem/assert[2]/type/@qcode: alias 'aplocationtype' of 'aplocationtype:01f56e0e654841eca2e69bf2cbcc0526' is not declared in the catalog",
	"newsItem/assert[2]/broader/@qcode: alias 'apgeography' of 'apgeography:661850e07d5b100481f7c076b8e3055c' is not declared in the catalog",
	"newsItem/assert[3]/@qcode: alias 'apgeography' of 'apgeography:661850e07d5b100481f7c076b8e3055c' is not declared in the catalog",
	"newsItem/assert[3]/type/@qcode: alias 'aplocationtype' of 'aplocationtype:976d112cd5c3497ea180aeecab922c6b' is not declared in the catalog",
	"newsItem/assert[4]/@qcode: alias 'apperson' of 'apperson:4e7a7c0fdad04d8880888ae63a083c36' is not declared in the catalog",
	"newsItem/assert[4]/type[1]/@qcode: alias 'appersontype' of 'appersontype:COLLEGE_ATHLETE' is not declared in the catalog",
	"newsItem/assert[4]/type[2]/@qcode: alias 'appersontype' of 'appersontype:SPORTS_FIGURE' is not declared in the catalog",
	"newsItem/assert[4]/type[3]/@qcode: alias 'appersontype' of 'appersontype:PERSON' is not declared in the catalog",
	"newsItem/assert[4]/related/@qcode: alias 'aporganization' of 'aporganization:c4a1ad41422c493d933b81831bb25bc1' is not declared in the catalog",
	"newsItem/assert[5]/@qcode: alias 'aporganization' of 'aporganization:c4a1ad41422c493d933b81831bb25bc1' is not declared in the catalog",
	"newsItem/assert[6]/@qcode: alias 'apcompany' of 'apcompany:b406375ae52c4b41b8bdd341760f2768' is not declared in the catalog",
	"newsItem/assert[6]/related/@qcode: alias 'apsubject' of 'apsubject:a4b7599c3fe8e84e9a6ad1fd9a88f376' is not declared in the catalog",
};

/* The IPTC examples that are whole, valid documents. */
static const char *const examples[] = {
	"LISTING_13_Complete_Catalog_Item.xml",
	"LISTING_1_A_NewsML-G2_News_Item.xml",
	"LISTING_22_Sports_story_in_NewsML-G2NITF.xml",
	"LISTING_29_Hop_History.xml",
	"LISTING_2_NewsML-G2_Text_Document.xml",
	"LISTING_3_Photo_in_NewsML-G2.xml",
	"LISTING_6_Simple_NewsML-G2_Package.xml",
	"Receiver_View.xml",
	"ap_metadata_example.xml",
};

static void
test_examples(void **state)
{
	struct g2_catalog *c;
	struct g2_schema *s;
	struct problems p;
	size_t i, k;

	(void)state;
	c = iptc_catalog();
	s = iptc_schema();
	for (i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
		char path[1024];
		xmlDocPtr doc;
		int n;

		snprintf(path, sizeof(path), "%s/" EXAMPLES "/%s", shared(),
		    examples[i]);
		doc = xmlReadFile(path, NULL, XML_PARSE_NONET |
		    XML_PARSE_BIG_LINES);
		assert_non_null(doc);
		memset(&p, 0, sizeof(p));
		n = g2_check_rules(xmlDocGetRootElement(doc), c, collect, &p);
		assert_int_equal(n, p.n);
		if (strcmp(examples[i], "ap_metadata_example.xml") == 0) {
			assert_int_equal(p.n, sizeof(ap_problems) /
			    sizeof(ap_problems[0]));
			for (k = 0; k < (size_t)p.n; k++)
				assert_string_equal(p.msg[k], ap_problems[k]);
		} else {
			if (p.n != 0)
				print_error("%s: %s\n", examples[i], p.msg[0]);
			assert_int_equal(p.n, 0);
		}
		memset(&p, 0, sizeof(p));
		n = g2_schema_validate(s, doc, collect, &p);
		if (p.n != 0)
			print_error("%s: %s\n", examples[i], p.msg[0]);
		assert_int_equal(n, 0);
		xmlFreeDoc(doc);
	}
	g2_schema_free(s);
	g2_catalog_free(c);
}

/* --- the schema --- */

static void
test_schema(void **state)
{
	struct g2_schema *s;
	struct problems p = { 0 };
	xmlDocPtr doc;
	char *xml;
	int i;

	(void)state;
	s = iptc_schema();
	xml = seed();
	doc = parse(xml);
	/* The context is kept: the same answer each time. */
	for (i = 0; i < 3; i++)
		assert_int_equal(g2_schema_validate(s, doc, collect, &p), 0);
	xmlFreeDoc(doc);

	xml = edit(xml, "<versionCreated>2023-11-14T22:13:20Z</versionCreated>",
	    "@@");
	xml = edit(xml, "<firstCreated>2023-11-14T22:13:20Z</firstCreated>",
	    "<versionCreated>2023-11-14T22:13:20Z</versionCreated>");
	xml = edit(xml, "@@", "<firstCreated>2023-11-14T22:13:20Z"
	    "</firstCreated>");
	doc = parse(xml);
	for (i = 0; i < 2; i++) {
		memset(&p, 0, sizeof(p));
		assert_int_equal(g2_schema_validate(s, doc, collect, &p), 1);
		assert_string_equal(p.msg[0], "line 17: Element '{" G2 "}"
		    "firstCreated': This element is not expected. Expected is "
		    "( {" G2 "}versionCreated ).");
	}
	xmlFreeDoc(doc);
	free(xml);

	/* A valid seed after an invalid one: nothing left over. */
	xml = seed();
	doc = parse(xml);
	memset(&p, 0, sizeof(p));
	assert_int_equal(g2_schema_validate(s, doc, collect, &p), 0);
	xmlFreeDoc(doc);
	free(xml);

	/* Two errors; fn stops the reports, not the count. */
	doc = parse(MESSAGE("2023-11-14T22:13:20Z", "<newsItem/><newsItem/>"));
	memset(&p, 0, sizeof(p));
	p.stop_after = 1;
	assert_true(g2_schema_validate(s, doc, collect, &p) > 1);
	assert_int_equal(p.n, 1);
	assert_non_null(strstr(p.msg[0], "line 1: Element '{" G2 "}newsItem'"));
	xmlFreeDoc(doc);
	g2_schema_free(s);
	g2_schema_free(NULL);
}

static void
test_schema_refused(void **state)
{
	struct warta_error err;
	struct g2_schema *s;

	(void)state;
	assert_null(g2_schema_load("/nonexistent/g2.xsd", &err));
	assert_string_equal(err.message, "/nonexistent/g2.xsd: No such file "
	    "or directory");

	write_tmp("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
	    "<xs:element name=\"a\"/>\n", ".xsd");
	assert_null(g2_schema_load(tmp_path, &err));
	assert_non_null(strstr(err.message, ": line 2: "));
	unlink(tmp_path);

	/* An import over the network is never fetched. */
	write_tmp("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
	    "xmlns:o=\"urn:other\">\n"
	    "<xs:import namespace=\"urn:other\" "
	    "schemaLocation=\"http://127.0.0.1:9/other.xsd\"/>\n"
	    "<xs:element name=\"a\" type=\"o:T\"/></xs:schema>\n", ".xsd");
	s = g2_schema_load(tmp_path, &err);
	assert_null(s);
	unlink(tmp_path);

	/* A schema of our own, imported from beside it. */
	write_tmp("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
	    "targetNamespace=\"urn:t\"><xs:element name=\"a\"/></xs:schema>\n",
	    ".xsd");
	assert_non_null(s = g2_schema_load(tmp_path, &err));
	unlink(tmp_path);
	g2_schema_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_guid_version),
		cmocka_unit_test(test_pub_status),
		cmocka_unit_test(test_lang),
		cmocka_unit_test(test_xhtml),
		cmocka_unit_test(test_qcodes),
		cmocka_unit_test(test_message),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_catalog_refused),
		cmocka_unit_test(test_catalog_small),
		cmocka_unit_test(test_catalog),
		cmocka_unit_test(test_examples),
		cmocka_unit_test(test_schema),
		cmocka_unit_test(test_schema_refused),
	};
	int rc;

	rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
