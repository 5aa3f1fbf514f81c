/*
 * test_meta.c: the metadata warta-meta sets: every value meta_check takes
 * and refuses, the Media Topic vocabulary, meta_apply (schema order, the
 * same bytes when applied twice, only the date on a catalog item),
 * meta_bump_version, and meta_find (marked finds, nothing found twice,
 * nothing in a package).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "article/lexicon.h"
#include "base/buf.h"
#include "meta/meta.h"
#include "newsml/edit.h"
#include "base/warta.h"
#include "fixture_lexicon.h"

#define G2 "http://iptc.org/std/nar/2006-10-01/"
#define NS "xmlns=\"" G2 "\""
#define XHTML "http://www.w3.org/1999/xhtml"
#define AGENT "tag:warta.invalid,2026:warta-meta"
#define NOW "2024-01-02T03:04:05Z"




static char tmp_path[64];

/* Writes s to a new temporary file, named in tmp_path. */
static void
write_tmp(const char *s)
{
	const char *dir = getenv("TMPDIR");
	FILE *fp;
	int fd;

	snprintf(tmp_path, sizeof(tmp_path), "%s/vocab.XXXXXX",
	    dir != NULL && strlen(dir) < 40 ? dir : "/tmp");
	assert_true((fd = mkstemp(tmp_path)) >= 0);
	assert_non_null(fp = fdopen(fd, "wb"));
	if (*s != '\0')
		assert_int_equal(fwrite(s, 1, strlen(s), fp), strlen(s));
	assert_int_equal(fclose(fp), 0);
}

/* The vocabulary the tests share: a header, comments, a blank en-GB. */
#define VOCAB_TSV \
	"# a comment\n" \
	"qcode\tlabel_en_US\tlabel_en_GB\tbroader\tlevel\n" \
	"medtop:09000000\tlabor\tlabour\t\t1\n" \
	"\n" \
	"# another comment\n" \
	"medtop:04000000\teconomy, business and finance\t" \
	"economy, business and finance\t\t1\r\n" \
	"medtop:20000304\tnewer topic\t\tmedtop:04000000\t2\n" \
	"medtop:01000000\tarts (US)\tarts (GB)\t\t1"

static struct vocab *
load_vocab(const char *tsv, struct warta_error *err)
{
	struct vocab *v;

	write_tmp(tsv);
	warta_error_clear(err);
	v = vocab_load(tmp_path, err);
	unlink(tmp_path);
	return v;
}

static struct vocab *
test_vocab(void)
{
	struct warta_error err;
	struct vocab *v = load_vocab(VOCAB_TSV, &err);

	if (v == NULL)
		fail_msg("vocab_load: %s", err.message);
	return v;
}

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

/* The root element serialized; the caller frees it. */
static char *
serialize(xmlDocPtr d)
{
	struct wbuf b = WBUF_INIT;

	assert_int_equal(g2_serialize(root(d), &b), 0);
	assert_non_null(b.data);
	return wbuf_steal(&b);
}

static void
serialized_is(xmlDocPtr d, const char *want)
{
	char *got = serialize(d);

	assert_string_equal(got, want);
	free(got);
}

static void
attr_is(xmlNodePtr n, const char *name, const char *want)
{
	xmlChar *a;

	assert_non_null(n);
	a = xmlGetProp(n, (const xmlChar *)name);
	if (a == NULL)
		fail_msg("no attribute %s, expected '%s'", name, want);
	assert_string_equal((const char *)a, want);
	xmlFree(a);
}

static void
text_is(xmlNodePtr n, const char *want)
{
	char *t;

	assert_non_null(n);
	t = g2_text(n);
	assert_non_null(t);
	assert_string_equal(t, want);
	xmlFree(t);
}

/*
 * meta_check.
 */

static void
check_ok(enum sidecar_field f, const char *value)
{
	struct warta_error err;

	warta_error_clear(&err);
	if (meta_check(f, value, NULL, &err) != WARTA_OK)
		fail_msg("field %d: '%s' refused: %s", (int)f, value,
		    err.message);
}

/* Refused, with a message that has want in it. */
static void
check_refused(enum sidecar_field f, const char *value, const char *want)
{
	struct warta_error err;

	warta_error_clear(&err);
	if (meta_check(f, value, NULL, &err) != WARTA_FAILED)
		fail_msg("field %d: '%s' accepted", (int)f, value);
	if (strstr(err.message, want) == NULL)
		fail_msg("field %d: '%s': message '%s' lacks '%s'", (int)f,
		    value, err.message, want);
}

static void
test_check_null_and_keys(void **state)
{
	(void)state;
	/* No value: nothing to check. */
	check_ok(SC_URGENCY, NULL);
	check_ok(SC_HEADLINE, NULL);
	/* The keys are not values warta sets. */
	check_ok(SC_FILE, "a b/c.txt");
	check_ok(SC_GUID, "urn:x:1");
}

static void
test_check_urgency(void **state)
{
	(void)state;
	check_ok(SC_URGENCY, "1");
	check_ok(SC_URGENCY, "5");
	check_ok(SC_URGENCY, "9");
	check_refused(SC_URGENCY, "0", "'0' is not 1 to 9");
	check_refused(SC_URGENCY, "10", "'10' is not 1 to 9");
	check_refused(SC_URGENCY, "x", "'x' is not 1 to 9");
	check_refused(SC_URGENCY, "", "is not 1 to 9");
	check_refused(SC_URGENCY, " 3", "is not 1 to 9");
}

static void
test_check_date(void **state)
{
	(void)state;
	check_ok(SC_DATE, "2021-08-10");
	check_ok(SC_DATE, "2020-02-29");
	check_ok(SC_DATE, "2000-02-29");
	check_ok(SC_DATE, "2021-12-31");
	check_ok(SC_DATE, "2021-08-10T09:30:00Z");
	check_ok(SC_DATE, "2021-08-10T09:30:00+07:00");
	check_ok(SC_DATE, "2021-08-10T09:30:00-03:30");
	check_ok(SC_DATE, "2021-08-10T09:30:00.250Z");
	check_refused(SC_DATE, "2021-02-29", "'2021-02-29' is not a date");
	check_refused(SC_DATE, "1900-02-29", "is not a date");
	check_refused(SC_DATE, "2021-04-31", "is not a date");
	check_refused(SC_DATE, "2021-13-01", "is not a date");
	check_refused(SC_DATE, "2021-00-10", "is not a date");
	check_refused(SC_DATE, "2021-08-00", "is not a date");
	check_refused(SC_DATE, "2021-8-10", "is not a date");
	check_refused(SC_DATE, "10/08/2021", "is not a date");
	check_refused(SC_DATE, "2021-08-10T09:30:00", "with a time zone");
	check_refused(SC_DATE, "2021-08-10T09:30Z", "is not a date");
	check_refused(SC_DATE, "2021-08-10T24:00:00Z", "is not a date");
	check_refused(SC_DATE, "2021-08-10T09:30:00+0700", "is not a date");
	check_refused(SC_DATE, "2021-08-10T09:30:00+07:00x", "is not a date");
	check_refused(SC_DATE, "2021-08-10 09:30:00Z", "is not a date");
	check_refused(SC_DATE, "2021-08-10x", "is not a date");
	check_refused(SC_DATE, "", "is not a date");
}

static void
test_check_language(void **state)
{
	(void)state;
	check_ok(SC_LANGUAGE, "id");
	check_ok(SC_LANGUAGE, "en-GB");
	check_ok(SC_LANGUAGE, "jav");
	check_ok(SC_LANGUAGE, "zh-Hant-TW");
	check_refused(SC_LANGUAGE, "en_GB", "'en_GB' is not a BCP 47");
	check_refused(SC_LANGUAGE, "e", "is not a BCP 47");
	check_refused(SC_LANGUAGE, "1d", "is not a BCP 47");
	check_refused(SC_LANGUAGE, "en-", "is not a BCP 47");
	check_refused(SC_LANGUAGE, "english", "is not a BCP 47");
	check_refused(SC_LANGUAGE, "en-abcdefghi", "is not a BCP 47");
	check_refused(SC_LANGUAGE, "", "is not a BCP 47");
}

static void
test_check_pubstatus(void **state)
{
	(void)state;
	check_ok(SC_PUBSTATUS, "usable");
	check_ok(SC_PUBSTATUS, "withheld");
	check_ok(SC_PUBSTATUS, "canceled");
	check_ok(SC_PUBSTATUS, "stat:usable");
	check_ok(SC_PUBSTATUS, "stat:withheld");
	check_ok(SC_PUBSTATUS, "stat:canceled");
	check_refused(SC_PUBSTATUS, "published",
	    "'published' is not usable, withheld or canceled");
	check_refused(SC_PUBSTATUS, "stat:published", "is not usable");
	check_refused(SC_PUBSTATUS, "Usable", "is not usable");
	check_refused(SC_PUBSTATUS, "", "is not usable");
}

static void
test_check_genre(void **state)
{
	(void)state;
	check_ok(SC_GENRE, "genre:Current");
	check_ok(SC_GENRE, "my-genre_2:Opinion");
	check_refused(SC_GENRE, "Current", "'Current' is not a QCode");
	check_refused(SC_GENRE, "genre:", "is not a QCode");
	check_refused(SC_GENRE, ":Current", "is not a QCode");
	check_refused(SC_GENRE, "genre:Current news", "is not a QCode");
	check_refused(SC_GENRE, "gen re:Current", "is not a QCode");
}

static void
test_check_provider(void **state)
{
	(void)state;
	check_ok(SC_PROVIDER, "https://x.example/");
	check_ok(SC_PROVIDER, "x.example");
	check_ok(SC_PROVIDER, "urn:example:provider");
	check_refused(SC_PROVIDER, "not a uri",
	    "'not a uri' is neither a URI nor a domain name");
	check_refused(SC_PROVIDER, "localhost", "is neither a URI");
	check_refused(SC_PROVIDER, ".x.example", "is neither a URI");
	check_refused(SC_PROVIDER, "https:", "is neither a URI");
	check_refused(SC_PROVIDER, "https://x.example/<a>", "is neither");
	check_refused(SC_PROVIDER, "", "is neither a URI");
}

static void
test_check_subject(void **state)
{
	(void)state;
	check_ok(SC_SUBJECT, "medtop:04000000");
	check_ok(SC_SUBJECT, "medtop:04000000; medtop:09000000");
	check_ok(SC_SUBJECT, " medtop:04000000 ;;medtop:09000000; ");
	check_refused(SC_SUBJECT, "medtop:123",
	    "'medtop:123' is not a Media Topic");
	check_refused(SC_SUBJECT, "medtop:04000000; medtop:123",
	    "'medtop:123' is not a Media Topic");
	check_refused(SC_SUBJECT, "medtop:0400000x", "is not a Media Topic");
	check_refused(SC_SUBJECT, "subj:04000000", "is not a Media Topic");
	check_refused(SC_SUBJECT, "medtop:040000001", "is not a Media Topic");
}

static void
test_check_subject_vocab(void **state)
{
	struct vocab *v = test_vocab();
	struct warta_error err;

	(void)state;
	warta_error_clear(&err);
	assert_int_equal(meta_check(SC_SUBJECT,
	    "medtop:04000000; medtop:09000000", v, &err), WARTA_OK);
	assert_int_equal(meta_check(SC_SUBJECT,
	    "medtop:04000000; medtop:19999999", v, &err), WARTA_FAILED);
	assert_string_equal(err.message,
	    "'medtop:19999999' is not in the vocabulary");
	/* The form is still checked first. */
	assert_int_equal(meta_check(SC_SUBJECT, "medtop:1", v, &err),
	    WARTA_FAILED);
	assert_non_null(strstr(err.message, "is not a Media Topic"));
	vocab_free(v);
}

static void
test_check_page(void **state)
{
	(void)state;
	check_ok(SC_PAGE, "12");
	check_ok(SC_PAGE, "A3");
	check_ok(SC_PAGE, "12-13");
	/* One to six characters, as the manual says. */
	check_ok(SC_PAGE, "A12-13");
	check_refused(SC_PAGE, "12 13", "'12 13' is not a page");
	check_refused(SC_PAGE, "A12-13b", "is not a page");
	check_refused(SC_PAGE, "12/13", "is not a page");
	check_refused(SC_PAGE, "", "is not a page");
}

static void
test_check_text(void **state)
{
	static const enum sidecar_field line[] = { SC_PROVIDER_NAME,
	    SC_COPYRIGHT_HOLDER, SC_SOURCE, SC_EDITION, SC_SECTION,
	    SC_HEADLINE, SC_BYLINE };
	static const enum sidecar_field block[] = { SC_COPYRIGHT_NOTICE,
	    SC_USAGE_TERMS, SC_NOTE };
	char *big;
	size_t i;

	(void)state;
	big = malloc(65537 + 1);
	assert_non_null(big);
	for (i = 0; i < sizeof(line) / sizeof(line[0]); i++) {
		check_ok(line[i], "Maritim");
		check_ok(line[i], "Jawa \xe2\x80\x9cTengah\xe2\x80\x9d <&>");
		check_refused(line[i], "a\x01" "b", "holds characters XML");
		check_refused(line[i], "", "is empty");
		check_refused(line[i], "caf\xe9", "holds characters XML");
		memset(big, 'a', 4096);
		big[4096] = '\0';
		check_ok(line[i], big);
		big[4096] = 'a';
		big[4097] = '\0';
		check_refused(line[i], big, "longer than 4096 bytes");
	}
	for (i = 0; i < sizeof(block) / sizeof(block[0]); i++) {
		check_ok(block[i], "Line one.\nLine two.\tTabbed.");
		check_refused(block[i], "a\x01" "b", "holds characters XML");
		check_refused(block[i], "", "is empty");
		memset(big, 'a', 65536);
		big[65536] = '\0';
		check_ok(block[i], big);
		big[65536] = 'a';
		big[65537] = '\0';
		check_refused(block[i], big, "longer than 65536 bytes");
	}
	free(big);
}

static void
test_check_keyword(void **state)
{
	(void)state;
	check_ok(SC_KEYWORD, "birokrasi");
	check_ok(SC_KEYWORD, "birokrasi; korupsi;;  reformasi ");
	check_refused(SC_KEYWORD, "birokrasi; kor\x01upsi",
	    "keyword 'kor\x01upsi' is not text");
}

/*
 * The vocabulary.
 */

static void
test_vocab_labels(void **state)
{
	struct vocab *v = test_vocab();

	(void)state;
	/* en-GB where there is one, else en-US. */
	assert_string_equal(vocab_label(v, "medtop:09000000"), "labour");
	assert_string_equal(vocab_label(v, "medtop:01000000"), "arts (GB)");
	assert_string_equal(vocab_label(v, "medtop:20000304"), "newer topic");
	/* The CRLF line has no \r in its label. */
	assert_string_equal(vocab_label(v, "medtop:04000000"),
	    "economy, business and finance");
	assert_null(vocab_label(v, "medtop:19999999"));
	assert_null(vocab_label(v, "qcode"));
	assert_null(vocab_label(v, "labor"));
	assert_null(vocab_label(NULL, "medtop:09000000"));
	vocab_free(v);
	vocab_free(NULL);

	/* Two columns (no en-GB) is a vocabulary too. */
	{
		struct warta_error err;

		v = load_vocab("medtop:09000000\tlabor\n", &err);
		if (v == NULL)
			fail_msg("%s", err.message);
		assert_string_equal(vocab_label(v, "medtop:09000000"),
		    "labor");
		vocab_free(v);
	}
}

/* Loading fails with "TMPFILE: " then exactly want. */
static void
vocab_fails(const char *tsv, const char *want)
{
	struct warta_error err;
	struct vocab *v = load_vocab(tsv, &err);
	size_t plen = strlen(tmp_path);

	if (v != NULL) {
		vocab_free(v);
		fail_msg("loaded, expected '%s'", want);
	}
	if (strncmp(err.message, tmp_path, plen) != 0 ||
	    strncmp(err.message + plen, ": ", 2) != 0)
		fail_msg("message does not name the file: '%s'", err.message);
	assert_string_equal(err.message + plen + 2, want);
}

static void
test_vocab_errors(void **state)
{
	struct warta_error err;
	const char *missing = "/nonexistent/warta-test/vocab.tsv";

	(void)state;
	warta_error_clear(&err);
	assert_null(vocab_load(missing, &err));
	assert_non_null(strstr(err.message, missing));
	assert_non_null(strstr(err.message, "No such file"));

	vocab_fails("qcode\tlabel_en_US\n"
	    "medtop:09000000\tlabor\n"
	    "medtop:04000000 economy\n",
	    "line 3: not \"medtop:CODE<TAB>label...\"");
	vocab_fails("# c\n"
	    "subj:04000000\teconomy\n",
	    "line 2: not \"medtop:CODE<TAB>label...\"");
	vocab_fails("# only a comment\nqcode\tlabel_en_US\n",
	    "no Media Topics in it");
	vocab_fails("", "no Media Topics in it");
}

/*
 * meta_apply.
 */

#define ITEM_HEAD \
	"<newsItem " NS " guid=\"urn:x:1\" version=\"1\" xml:lang=\"id\">\n" \
	"  <catalogRef href=\"c.xml\"/>\n"

#define ITEM_META \
	"  <itemMeta>\n" \
	"    <itemClass qcode=\"ninat:text\"/>\n" \
	"    <versionCreated>2023-11-14T22:13:20Z</versionCreated>\n" \
	"    <pubStatus qcode=\"stat:usable\"/>\n" \
	"    <fileName>a.txt</fileName>\n" \
	"  </itemMeta>\n"

#define SMALL_ITEM ITEM_HEAD ITEM_META \
	"  <contentMeta>\n" \
	"    <contentCreated>2021-08-10</contentCreated>\n" \
	"    <language tag=\"id\"/>\n" \
	"    <dateline>SEMARANG</dateline>\n" \
	"  </contentMeta>\n" \
	"</newsItem>"

#define APPLIED ITEM_HEAD \
	"  <itemMeta>\n" \
	"    <itemClass qcode=\"ninat:text\"/>\n" \
	"    <provider uri=\"https://x.example/\">\n" \
	"      <name>x.example</name>\n" \
	"    </provider>\n" \
	"    <versionCreated>2023-11-14T22:13:20Z</versionCreated>\n" \
	"    <pubStatus qcode=\"stat:withheld\"/>\n" \
	"    <fileName>a.txt</fileName>\n" \
	"  </itemMeta>\n" \
	"  <contentMeta>\n" \
	"    <urgency>3</urgency>\n" \
	"    <contentCreated>2021-08-10</contentCreated>\n" \
	"    <language tag=\"id\"/>\n" \
	"    <keyword>birokrasi</keyword>\n" \
	"    <keyword>korupsi</keyword>\n" \
	"    <subject type=\"cpnat:abstract\" qcode=\"medtop:04000000\"/>\n" \
	"    <subject type=\"cpnat:abstract\" qcode=\"medtop:09000000\"/>\n" \
	"    <headline>Kunjungan &amp; &lt;reformasi&gt;</headline>\n" \
	"    <dateline>SEMARANG</dateline>\n" \
	"    <contentMetaExtProperty " \
	"reluri=\"tag:warta.invalid,2026:property:edition\" " \
	"value=\"Pagi\"/>\n" \
	"  </contentMeta>\n" \
	"</newsItem>"

static void
set_fields(struct meta_change *c)
{
	memset(c, 0, sizeof(*c));
	c->value[SC_HEADLINE] = "Kunjungan & <reformasi>";
	c->value[SC_URGENCY] = "3";
	c->value[SC_PUBSTATUS] = "withheld";
	c->value[SC_PROVIDER] = "x.example";
	c->value[SC_KEYWORD] = "birokrasi; korupsi";
	c->value[SC_SUBJECT] = "medtop:04000000; medtop:09000000";
	c->value[SC_EDITION] = "Pagi";
}

static void
apply_ok(xmlDocPtr d, const struct meta_change *c, const struct vocab *v)
{
	struct warta_error err;

	warta_error_clear(&err);
	if (meta_apply(root(d), c, v, &err) != WARTA_OK)
		fail_msg("meta_apply: %s", err.message);
}

static void
test_apply_order(void **state)
{
	xmlDocPtr d = parse(SMALL_ITEM);
	struct meta_change c;
	size_t i;

	(void)state;
	set_fields(&c);
	for (i = 0; i < SC_NFIELDS; i++)
		if (c.value[i] != NULL)
			check_ok((enum sidecar_field)i, c.value[i]);
	apply_ok(d, &c, NULL);
	serialized_is(d, APPLIED);
	/* Twice: the same bytes. */
	apply_ok(d, &c, NULL);
	serialized_is(d, APPLIED);
	xmlFreeDoc(d);
}

/* A second change replaces the values, and adds only what is new. */
static void
test_apply_replaces(void **state)
{
	xmlDocPtr d = parse(SMALL_ITEM);
	struct meta_change c;
	xmlNodePtr cm, n;
	int count;

	(void)state;
	set_fields(&c);
	apply_ok(d, &c, NULL);
	memset(&c, 0, sizeof(c));
	c.value[SC_HEADLINE] = "Lain";
	c.value[SC_URGENCY] = "5";
	c.value[SC_PROVIDER] = "https://y.example/feed";
	c.value[SC_KEYWORD] = "korupsi; baru";
	c.value[SC_EDITION] = "Sore";
	apply_ok(d, &c, NULL);
	cm = g2_child(root(d), "contentMeta");
	text_is(g2_child(cm, "headline"), "Lain");
	assert_null(g2_next_same(g2_child(cm, "headline")));
	text_is(g2_child(cm, "urgency"), "5");
	attr_is(g2_child(g2_child(root(d), "itemMeta"), "provider"), "uri",
	    "https://y.example/feed");
	count = 0;
	for (n = g2_child(cm, "keyword"); n != NULL; n = g2_next_same(n))
		count++;
	assert_int_equal(count, 3);
	attr_is(g2_child(cm, "contentMetaExtProperty"), "value", "Sore");
	assert_null(g2_next_same(g2_child(cm, "contentMetaExtProperty")));
	xmlFreeDoc(d);
}

/* With a vocabulary, a subject gets its en-GB name. */
static void
test_apply_subject_names(void **state)
{
	xmlDocPtr d = parse("<newsItem " NS " guid=\"urn:x:1\" version=\"1\">"
	    "<itemMeta><itemClass qcode=\"ninat:text\"/></itemMeta>"
	    "</newsItem>");
	struct vocab *v = test_vocab();
	struct meta_change c;
	char *once;

	(void)state;
	memset(&c, 0, sizeof(c));
	c.value[SC_SUBJECT] = "medtop:09000000;medtop:20000304";
	apply_ok(d, &c, v);
	once = serialize(d);
	assert_string_equal(once, "<newsItem " NS " guid=\"urn:x:1\" "
	    "version=\"1\"><itemMeta><itemClass qcode=\"ninat:text\"/>"
	    "</itemMeta><contentMeta>"
	    "<subject type=\"cpnat:abstract\" qcode=\"medtop:09000000\">"
	    "<name xml:lang=\"en-GB\">labour</name></subject>"
	    "<subject type=\"cpnat:abstract\" qcode=\"medtop:20000304\">"
	    "<name xml:lang=\"en-GB\">newer topic</name></subject>"
	    "</contentMeta></newsItem>");
	apply_ok(d, &c, v);
	serialized_is(d, once);
	free(once);
	vocab_free(v);
	xmlFreeDoc(d);
}

/* A catalog item's contentMeta takes only the date. */
static void
test_apply_catalog_item(void **state)
{
	static const char *const items[] = {
		"<catalogItem " NS " guid=\"urn:x:c\" version=\"1\">\n"
		"  <itemMeta>\n"
		"    <itemClass qcode=\"cinat:catalog\"/>\n"
		"  </itemMeta>\n"
		"  <contentMeta>\n"
		"    <contentCreated>2020-01-01</contentCreated>\n"
		"  </contentMeta>\n"
		"</catalogItem>",
		"<catalogItem " NS " guid=\"urn:x:c\" version=\"1\">\n"
		"  <itemMeta>\n"
		"    <itemClass qcode=\"cinat:catalog\"/>\n"
		"  </itemMeta>\n"
		"</catalogItem>",
	};
	static const char *const want =
	    "<catalogItem " NS " guid=\"urn:x:c\" version=\"1\">\n"
	    "  <itemMeta>\n"
	    "    <itemClass qcode=\"cinat:catalog\"/>\n"
	    "  </itemMeta>\n"
	    "  <contentMeta>\n"
	    "    <contentCreated>2021-08-10</contentCreated>\n"
	    "  </contentMeta>\n"
	    "</catalogItem>";
	struct meta_change c;
	xmlDocPtr d;
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		d = parse(items[i]);
		memset(&c, 0, sizeof(c));
		c.value[SC_DATE] = "2021-08-10";
		c.value[SC_HEADLINE] = "Katalog";
		c.value[SC_URGENCY] = "3";
		c.value[SC_SUBJECT] = "medtop:04000000";
		c.value[SC_KEYWORD] = "arsip";
		c.value[SC_LANGUAGE] = "id";
		c.value[SC_GENRE] = "genre:Current";
		c.value[SC_EDITION] = "Pagi";
		c.value[SC_SOURCE] = "Maritim";
		apply_ok(d, &c, NULL);
		serialized_is(d, want);
		apply_ok(d, &c, NULL);
		serialized_is(d, want);
		xmlFreeDoc(d);
	}
}

static void
test_apply_no_item_meta(void **state)
{
	xmlDocPtr d = parse("<newsItem " NS "><contentMeta/></newsItem>");
	struct meta_change c;
	struct warta_error err;

	(void)state;
	memset(&c, 0, sizeof(c));
	c.value[SC_HEADLINE] = "x";
	warta_error_clear(&err);
	assert_int_equal(meta_apply(root(d), &c, NULL, &err), WARTA_FAILED);
	assert_string_equal(err.message, "the item has no itemMeta");
	xmlFreeDoc(d);
}

/*
 * meta_bump_version.
 */

static void
bump_ok(xmlDocPtr d)
{
	struct warta_error err;

	warta_error_clear(&err);
	if (meta_bump_version(root(d), NOW, "warta-meta 0.1.0", &err) !=
	    WARTA_OK)
		fail_msg("meta_bump_version: %s", err.message);
}

static void
test_bump_version(void **state)
{
	xmlDocPtr d = parse("<newsItem " NS " guid=\"urn:x:1\" version=\"1\">\n"
	    "  <catalogRef href=\"c.xml\"/>\n"
	    "  <hopHistory>\n"
	    "    <hop seq=\"1\" timestamp=\"2023-11-14T22:13:20Z\">\n"
	    "      <party>\n"
	    "        <name>warta-normalize 0.1.0</name>\n"
	    "      </party>\n"
	    "      <action qcode=\"hopaction:transformed\" "
	    "target=\"hatarget:content\"/>\n"
	    "    </hop>\n"
	    "  </hopHistory>\n"
	    ITEM_META
	    "</newsItem>");
	xmlNodePtr hh, hop;

	(void)state;
	bump_ok(d);
	serialized_is(d, "<newsItem " NS " guid=\"urn:x:1\" version=\"2\">\n"
	    "  <catalogRef href=\"c.xml\"/>\n"
	    "  <hopHistory>\n"
	    "    <hop seq=\"1\" timestamp=\"2023-11-14T22:13:20Z\">\n"
	    "      <party>\n"
	    "        <name>warta-normalize 0.1.0</name>\n"
	    "      </party>\n"
	    "      <action qcode=\"hopaction:transformed\" "
	    "target=\"hatarget:content\"/>\n"
	    "    </hop>\n"
	    "    <hop seq=\"2\" timestamp=\"" NOW "\">\n"
	    "      <party>\n"
	    "        <name>warta-meta 0.1.0</name>\n"
	    "      </party>\n"
	    "      <action qcode=\"hopaction:enhanced\" "
	    "target=\"hatarget:metadata\"/>\n"
	    "    </hop>\n"
	    "  </hopHistory>\n"
	    "  <itemMeta>\n"
	    "    <itemClass qcode=\"ninat:text\"/>\n"
	    "    <versionCreated>" NOW "</versionCreated>\n"
	    "    <pubStatus qcode=\"stat:usable\"/>\n"
	    "    <fileName>a.txt</fileName>\n"
	    "  </itemMeta>\n"
	    "</newsItem>");

	/* Again: version 3, hop 3 after hops 1 and 2. */
	bump_ok(d);
	attr_is(root(d), "version", "3");
	hh = g2_child(root(d), "hopHistory");
	hop = g2_child(hh, "hop");
	attr_is(hop, "seq", "1");
	attr_is(hop = g2_next_same(hop), "seq", "2");
	attr_is(hop = g2_next_same(hop), "seq", "3");
	assert_null(g2_next_same(hop));
	assert_null(g2_next_same(hh));
	xmlFreeDoc(d);
}

/* No hopHistory: one is made after catalogRef; no version means 1. */
static void
test_bump_makes_history(void **state)
{
	xmlDocPtr d = parse("<newsItem " NS " guid=\"urn:x:1\">\n"
	    "  <catalogRef href=\"c.xml\"/>\n"
	    "  <itemMeta>\n"
	    "    <itemClass qcode=\"ninat:text\"/>\n"
	    "  </itemMeta>\n"
	    "</newsItem>");

	(void)state;
	bump_ok(d);
	serialized_is(d, "<newsItem " NS " guid=\"urn:x:1\" version=\"2\">\n"
	    "  <catalogRef href=\"c.xml\"/>\n"
	    "  <hopHistory>\n"
	    "    <hop seq=\"1\" timestamp=\"" NOW "\">\n"
	    "      <party>\n"
	    "        <name>warta-meta 0.1.0</name>\n"
	    "      </party>\n"
	    "      <action qcode=\"hopaction:enhanced\" "
	    "target=\"hatarget:metadata\"/>\n"
	    "    </hop>\n"
	    "  </hopHistory>\n"
	    "  <itemMeta>\n"
	    "    <itemClass qcode=\"ninat:text\"/>\n"
	    "    <versionCreated>" NOW "</versionCreated>\n"
	    "  </itemMeta>\n"
	    "</newsItem>");
	xmlFreeDoc(d);
}

static void
test_bump_refused(void **state)
{
	static const char *const bad[] = { "x", "0", "-1", "1.5", "",
	    "99999999999999999999" };
	struct warta_error err;
	char xml[256];
	xmlDocPtr d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(xml, sizeof(xml), "<newsItem " NS " version=\"%s\">"
		    "<itemMeta/></newsItem>", bad[i]);
		d = parse(xml);
		warta_error_clear(&err);
		assert_int_equal(meta_bump_version(root(d), NOW, "a", &err),
		    WARTA_FAILED);
		assert_non_null(strstr(err.message, "is not a positive "
		    "integer"));
		xmlFreeDoc(d);
	}
	d = parse("<newsItem " NS " version=\"1\"><contentMeta/></newsItem>");
	warta_error_clear(&err);
	assert_int_equal(meta_bump_version(root(d), NOW, "a", &err),
	    WARTA_FAILED);
	assert_string_equal(err.message, "the item has no itemMeta");
	xmlFreeDoc(d);
}

/*
 * meta_find.
 */

/* Shaped like the seed (samples/semarang-maritim-purwanto.xml). */
#define SEED_LIKE \
	"<newsItem " NS " guid=\"urn:x:1\" version=\"1\" xml:lang=\"id\">\n" \
	"  <itemMeta>\n" \
	"    <itemClass qcode=\"ninat:text\"/>\n" \
	"  </itemMeta>\n" \
	"  <contentMeta>\n" \
	"    <contentCreated>2021-08-10</contentCreated>\n" \
	"    <located>\n" \
	"      <name>Semarang</name>\n" \
	"    </located>\n" \
	"    <language tag=\"id\"/>\n" \
	"  </contentMeta>\n" \
	"  <contentSet>\n" \
	"    <inlineXML contenttype=\"application/xhtml+xml\">\n" \
	"      <html xmlns=\"" XHTML "\"><head><title/></head><body>" \
	"<p>SEMARANG: Sekretaris Jenderal Kementerian Ketenagakerjaan " \
	"(Kemnaker) Anwar Sanusi mengunjungi Balai Besar Pengembangan " \
	"Latihan Kerja (BBPLK) Semarang, Jawa Tengah, Selasa (10/8/2021). " \
	"Dalam kunjungan itu, BBPLK Semarang dicanangkan menjadi wilayah " \
	"bebas korupsi.</p>" \
	"<p>\xe2\x80\x9cKami ingin BBPLK Semarang menjadi wilayah bebas " \
	"korupsi,\xe2\x80\x9d kata Anwar Sanusi.</p>" \
	"<p>Didampingi Kepala BBPLK Semarang Heru Wibowo, Sekjen Kemnaker " \
	"menyampaikan dua pesan.</p>" \
	"</body></html>\n" \
	"    </inlineXML>\n" \
	"  </contentSet>\n" \
	"</newsItem>"

/* The subject of type type named name, or NULL. */
static xmlNodePtr
subject_named(xmlNodePtr cm, const char *type, const char *name)
{
	xmlNodePtr s;
	xmlChar *t;
	char *n;
	int same;

	for (s = g2_child(cm, "subject"); s != NULL; s = g2_next_same(s)) {
		t = xmlGetProp(s, (const xmlChar *)"type");
		n = g2_text(g2_child(s, "name"));
		same = t != NULL && n != NULL &&
		    strcmp((const char *)t, type) == 0 &&
		    strcmp(n, name) == 0;
		xmlFree(t);
		xmlFree(n);
		if (same)
			return s;
	}
	return NULL;
}

static void
test_find_people(void **state)
{
	xmlDocPtr d = parse(SEED_LIKE);
	struct meta_found found;
	struct warta_error err;
	xmlNodePtr cm, s;
	char *once;
	size_t i;
	static const char *const people[] = { "Anwar Sanusi", "Heru Wibowo" };

	(void)state;
	memset(&found, 0, sizeof(found));
	warta_error_clear(&err);
	if (meta_find(lex, root(d), NULL, &found, &err) != WARTA_OK)
		fail_msg("meta_find: %s", err.message);
	assert_true(found.people >= 2);
	cm = g2_child(root(d), "contentMeta");
	for (i = 0; i < 2; i++) {
		s = subject_named(cm, "cpnat:person", people[i]);
		if (s == NULL)
			fail_msg("no person subject '%s'", people[i]);
		attr_is(s, "why", "why:direct");
		attr_is(s, "how", "howextr:tool");
		attr_is(s, "creatoruri", AGENT);
	}
	/* Every subject found is marked as the tool's. */
	for (s = g2_child(cm, "subject"); s != NULL; s = g2_next_same(s)) {
		attr_is(s, "how", "howextr:tool");
		attr_is(s, "creatoruri", AGENT);
	}
	/* The finds are in schema order: subjects after language. */
	s = g2_child(cm, "language");
	assert_non_null(s);
	for (s = s->next; s != NULL && s->type != XML_ELEMENT_NODE;
	    s = s->next)
		;
	assert_true(g2_is(s, "subject"));

	/* A second run finds nothing new and changes no byte. */
	once = serialize(d);
	memset(&found, 0, sizeof(found));
	if (meta_find(lex, root(d), NULL, &found, &err) != WARTA_OK)
		fail_msg("meta_find: %s", err.message);
	assert_int_equal(found.people, 0);
	assert_int_equal(found.orgs, 0);
	assert_int_equal(found.places, 0);
	assert_int_equal(found.subjects, 0);
	assert_int_equal(found.summaries, 0);
	serialized_is(d, once);
	/* found may be NULL. */
	assert_int_equal(meta_find(lex, root(d), NULL, NULL, &err), WARTA_OK);
	serialized_is(d, once);
	free(once);
	xmlFreeDoc(d);
}

/* A person the cataloguer already gave is not added again. */
static void
test_find_keeps_given(void **state)
{
	xmlDocPtr d = parse(SEED_LIKE);
	static const char *const name_order[] = { "name", NULL };
	struct meta_found found;
	struct warta_error err;
	xmlNodePtr cm, s, n;
	int count = 0;

	(void)state;
	cm = g2_child(root(d), "contentMeta");
	s = g2_insert(cm, "subject", g2_content_meta_order);
	assert_non_null(s);
	assert_int_equal(g2_set_attr(s, "type", "cpnat:person"), 0);
	n = g2_insert(s, "name", name_order);
	assert_non_null(n);
	assert_int_equal(g2_set_text(n, "Anwar Sanusi"), 0);
	memset(&found, 0, sizeof(found));
	warta_error_clear(&err);
	if (meta_find(lex, root(d), NULL, &found, &err) != WARTA_OK)
		fail_msg("meta_find: %s", err.message);
	for (s = g2_child(cm, "subject"); s != NULL; s = g2_next_same(s)) {
		char *t = g2_text(g2_child(s, "name"));

		if (t != NULL && strcmp(t, "Anwar Sanusi") == 0)
			count++;
		xmlFree(t);
	}
	assert_int_equal(count, 1);
	/* The given one is not marked as found. */
	s = subject_named(cm, "cpnat:person", "Anwar Sanusi");
	assert_non_null(s);
	assert_null(xmlHasProp(s, (const xmlChar *)"creatoruri"));
	assert_non_null(subject_named(cm, "cpnat:person", "Heru Wibowo"));
	xmlFreeDoc(d);
}

/* A package has no text of its own: nothing is found or changed. */
static void
test_find_package(void **state)
{
	const char *pkg = "<packageItem " NS " guid=\"urn:x:p\" version=\"1\" "
	    "xml:lang=\"id\">\n"
	    "  <itemMeta>\n"
	    "    <itemClass qcode=\"ninat:composite\"/>\n"
	    "  </itemMeta>\n"
	    "  <contentMeta>\n"
	    "    <language tag=\"id\"/>\n"
	    "    <headline>Sekjen Kemnaker Anwar Sanusi mengunjungi BBPLK "
	    "Semarang, Jawa Tengah</headline>\n"
	    "    <description>Kepala BBPLK Semarang Heru Wibowo menyambut "
	    "Sekjen Kemnaker Anwar Sanusi.</description>\n"
	    "  </contentMeta>\n"
	    "  <groupSet root=\"G1\">\n"
	    "    <group id=\"G1\" role=\"group:main\">\n"
	    "      <itemRef residref=\"urn:x:1\"/>\n"
	    "    </group>\n"
	    "  </groupSet>\n"
	    "</packageItem>";
	xmlDocPtr d = parse(pkg);
	struct meta_found found;
	struct warta_error err;

	(void)state;
	memset(&found, 0, sizeof(found));
	warta_error_clear(&err);
	assert_int_equal(meta_find(lex, root(d), NULL, &found, &err), WARTA_OK);
	assert_int_equal(found.people + found.orgs + found.places +
	    found.subjects + found.summaries, 0);
	serialized_is(d, pkg);
	xmlFreeDoc(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_null_and_keys),
		cmocka_unit_test(test_check_urgency),
		cmocka_unit_test(test_check_date),
		cmocka_unit_test(test_check_language),
		cmocka_unit_test(test_check_pubstatus),
		cmocka_unit_test(test_check_genre),
		cmocka_unit_test(test_check_provider),
		cmocka_unit_test(test_check_subject),
		cmocka_unit_test(test_check_subject_vocab),
		cmocka_unit_test(test_check_page),
		cmocka_unit_test(test_check_text),
		cmocka_unit_test(test_check_keyword),
		cmocka_unit_test(test_vocab_labels),
		cmocka_unit_test(test_vocab_errors),
		cmocka_unit_test(test_apply_order),
		cmocka_unit_test(test_apply_replaces),
		cmocka_unit_test(test_apply_subject_names),
		cmocka_unit_test(test_apply_catalog_item),
		cmocka_unit_test(test_apply_no_item_meta),
		cmocka_unit_test(test_bump_version),
		cmocka_unit_test(test_bump_makes_history),
		cmocka_unit_test(test_bump_refused),
		cmocka_unit_test(test_find_people),
		cmocka_unit_test(test_find_keeps_given),
		cmocka_unit_test(test_find_package),
	};
	int rc;

	rc = cmocka_run_group_tests(tests, make_lexicon, free_lexicon);
	xmlCleanupParser();
	return rc;
}
