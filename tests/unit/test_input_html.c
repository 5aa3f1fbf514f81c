/*
 * test_input_html.c: HTML pages: detection, the charset, the body without
 * the page around it, the fields in order of trust, the dates as stated.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/warta.h"
#include "input/html.h"

/* ---- helpers ---- */

static int
detect(const char *s, const char *name)
{
	return html_detect((const unsigned char *)s, strlen(s), name);
}

/* Reads page s, which must succeed, into p. */
static void
read_page(struct html_page *p, const char *s)
{
	struct warta_error err;

	warta_error_clear(&err);
	if (html_page_read(p, (const unsigned char *)s, strlen(s), NULL, &err) !=
	    WARTA_OK)
		fail_msg("html_page_read: %s", err.message);
	assert_non_null(p->text);
	assert_int_equal(strlen(p->text), p->text_len);
}

/* The body of page s. */
static void
body_is(const char *s, const char *want)
{
	struct html_page p;

	read_page(&p, s);
	assert_string_equal(p.text, want);
	html_page_clear(&p);
}

static void
fails_n(const char *s, size_t n, const char *message, long long offset)
{
	struct html_page p;
	struct warta_error err;

	warta_error_clear(&err);
	/* a page that holds no article says so, for containers to pass
	 * it over; every other failure is a failure */
	assert_int_equal(html_page_read(&p, (const unsigned char *)s, n, NULL,
	    &err), strncmp(message, "no article text", 15) == 0 ?
	    HTML_NO_ARTICLE : WARTA_FAILED);
	assert_string_equal(err.message, message);
	assert_int_equal(err.offset, offset);
	assert_null(p.text);
}

static void
fails(const char *s, const char *message, long long offset)
{
	fails_n(s, strlen(s), message, offset);
}

static void
date_is(const char *in, const char *want)
{
	char out[40];
	size_t n = html_date_normalize(in, out);

	if (want == NULL) {
		assert_int_equal(n, 0);
		return;
	}
	assert_int_equal(n, strlen(want));
	assert_string_equal(out, want);
}

/* Five paragraphs of article text, long enough to score. */
#define ARTICLE_PARAS \
	"<p>The first paragraph of the story, long enough to count, with a " \
	"comma or two, and a full stop.</p>" \
	"<p>The second paragraph says more, with numbers like 3,000 and " \
	"names, and it ends here.</p>" \
	"<p>The third paragraph quotes someone, who said it was, in the end, " \
	"a good day for the town.</p>"

/* ---- detection ---- */

static void
test_detect_markup(void **state)
{
	(void)state;
	assert_true(detect("<!DOCTYPE html>\n<html>", NULL) > 50);
	assert_true(detect("<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">",
	    NULL) > 50);
	assert_true(detect("<html lang=\"id\"><head>", NULL) > 50);
	assert_true(detect("  \n<HTML>\n", NULL) > 50);
	assert_true(detect("<head><title>x</title></head>", NULL) > 50);
	assert_true(detect("<body>text</body>", NULL) > 50);
	assert_true(detect("<meta charset=\"utf-8\"><title>x</title>", NULL) >
	    50);
	/* after a BOM, comments and an XML declaration (XHTML) */
	assert_true(detect("\xEF\xBB\xBF<!-- saved from url=(0014)about:"
	    "internet -->\n<!DOCTYPE html><html>", NULL) > 50);
	assert_true(detect("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
	    "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n"
	    "<html xmlns=\"http://www.w3.org/1999/xhtml\">", NULL) > 50);
	/* UTF-16 with its byte order mark */
	assert_true(html_detect((const unsigned char *)"\xFF\xFE<\0h\0t\0m\0l\0>\0",
	    14, NULL) > 50);
	assert_true(html_detect((const unsigned char *)"\xFE\xFF\0<\0h\0t\0m\0l\0>",
	    14, NULL) > 50);
}

static void
test_detect_not_html(void **state)
{
	(void)state;
	/* other markup: NITF, Reuters SGML, RSS */
	assert_int_equal(detect("<?xml version=\"1.0\"?>\n<!DOCTYPE nitf "
	    "SYSTEM \"nitf.dtd\">\n<nitf>", NULL), 0);
	assert_int_equal(detect("<?xml version=\"1.0\"?>\n<nitf "
	    "version=\"-//IPTC//DTD NITF 3.6//EN\">", "a.xml"), 0);
	assert_int_equal(detect("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
	    "<REUTERS TOPICS=\"YES\">", NULL), 0);
	assert_int_equal(detect("<REUTERS TOPICS=\"NO\" NEWID=\"1\">", NULL),
	    0);
	assert_int_equal(detect("<?xml version=\"1.0\"?><rss version=\"2.0\">",
	    NULL), 0);
	/* even named .html, XML whose root is not html is not a page */
	assert_int_equal(detect("<?xml version=\"1.0\"?><nitf>", "x.html"), 0);
	assert_int_equal(detect("<!DOCTYPE nitf><nitf>", "x.html"), 0);
	/* text that mentions the tag */
	assert_int_equal(detect("The <html> tag opens a web page, said the "
	    "teacher.", NULL), 0);
	assert_int_equal(detect("JAKARTA - Kursus membuat <html> dibuka.\n",
	    "a.txt"), 0);
	assert_int_equal(detect("<htmlish>", NULL), 0);
	assert_int_equal(detect("", NULL), 0);
	/* a comment that never ends */
	assert_int_equal(detect("<!-- <html>", NULL), 0);
}

static void
test_detect_name(void **state)
{
	(void)state;
	/* the name alone claims it, above plain text's 1 */
	assert_true(detect("Just some words.", "page.html") > 1);
	assert_true(detect("Just some words.", "PAGE.HTM") > 1);
	assert_true(detect("<div>x</div>", "a.xhtml") > 1);
	assert_true(detect("\x89PNG\r\n", "junk.html") > 1);
	assert_int_equal(detect("Just some words.", "page.txt"), 0);
	assert_int_equal(detect("Just some words.", "html"), 0);
	/* the markup is surer than the name */
	assert_true(detect("<!DOCTYPE html>", "a.html") >
	    detect("<div>", "a.html"));
}

/* ---- dates ---- */

static void
test_dates(void **state)
{
	(void)state;
	date_is("2024-03-05T08:30:00+07:00", "2024-03-05T08:30:00+07:00");
	date_is("2024-03-05T08:30:00Z", "2024-03-05T08:30:00Z");
	date_is("2024-03-05T08:30:00.123Z", "2024-03-05T08:30:00.123Z");
	date_is("2024-03-05T08:30:00+0700", "2024-03-05T08:30:00+07:00");
	date_is("2024-03-05T08:30+07:00", "2024-03-05T08:30:00+07:00");
	date_is("2024-03-05T08:30:00-05", "2024-03-05T08:30:00-05:00");
	date_is("2024-03-05 08:30:00 +00:00", "2024-03-05T08:30:00+00:00");
	date_is("2024-03-05 08:30:00 GMT", "2024-03-05T08:30:00Z");
	date_is(" 2024/03/05 ", "2024-03-05");
	/* a time in no zone is no moment: the day alone */
	date_is("2024-03-05T08:30:00", "2024-03-05");
	date_is("2024-03-05 08:30", "2024-03-05");
	date_is("2024-03-05", "2024-03-05");
	/* a time or zone that is none: the day alone */
	date_is("2024-03-05T25:00:00Z", "2024-03-05");
	date_is("2024-03-05T08:30:00+15:00", "2024-03-05");
	date_is("2024-03-05T08:30:00+07:00 WIB", "2024-03-05");
	/* no day */
	date_is("2024-02-30", NULL);
	date_is("2023-02-29T10:00:00Z", NULL);
	date_is("5 March 2024", NULL);
	date_is("20240305", NULL);
	date_is("2024-03-051", NULL);
	date_is("2024-03", NULL);
	date_is("", NULL);
	date_is(NULL, NULL);
}

/* ---- the body ---- */

static void
test_body_page_around_it(void **state)
{
	struct html_page p;

	(void)state;
	read_page(&p, "<!DOCTYPE html><html><head><title>T</title>"
	    "<style>p { color: red }</style><script>var a = 1;</script>"
	    "</head><body>"
	    "<div class=\"cookie-banner\"><p>We use cookies on this site, "
	    "accept them, please, to go on reading.</p></div>"
	    "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/n\">News"
	    "</a></li></ul></nav>"
	    "<div class=\"main-content\">"
	    "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a></div>"
	    ARTICLE_PARAS
	    "<div class=\"ad\"><p>Buy our boots, the best boots, now at half "
	    "the price, this week only.</p></div>"
	    "<div id=\"comments\"><p>A comment, with commas, that says a lot, "
	    "and goes on and on, at length.</p></div>"
	    "</div>"
	    "<aside><p>Most read: a long list of other stories, with commas, "
	    "and more.</p></aside>"
	    "<footer><p>Copyright 2024, the Daily, all rights reserved.</p>"
	    "</footer></body></html>");
	assert_string_equal(p.text,
	    "The first paragraph of the story, long enough to count, with a "
	    "comma or two, and a full stop.\n\n"
	    "The second paragraph says more, with numbers like 3,000 and "
	    "names, and it ends here.\n\n"
	    "The third paragraph quotes someone, who said it was, in the end, "
	    "a good day for the town.");
	html_page_clear(&p);
}

static void
test_body_blocks(void **state)
{
	(void)state;
	/* subheads, quotes and list items are blocks; the <h1> is the
	 * headline, not the body; entities are decoded, white space
	 * collapsed */
	body_is("<html><body><article><h1>The Headline</h1>"
	    "<p>First   paragraph,\n  with <b>bold</b> and <i>italic</i> "
	    "words &amp; an entity.</p>"
	    "<h2>A subhead</h2>"
	    "<blockquote><p>A quote, in its own block.</p></blockquote>"
	    "<ul><li>one item,</li><li>another item.</li></ul>"
	    "<p>The last paragraph, long enough, so the article holds more "
	    "than a hundred bytes of text in all.</p></article></body></html>",
	    "First paragraph, with bold and italic words & an entity.\n\n"
	    "A subhead\n\n"
	    "A quote, in its own block.\n\n"
	    "one item,\n\n"
	    "another item.\n\n"
	    "The last paragraph, long enough, so the article holds more than "
	    "a hundred bytes of text in all.");
}

static void
test_body_br_br(void **state)
{
	(void)state;
	/* <br><br> ends a paragraph, one <br> does not */
	body_is("<html><body><td>"
	    "The first paragraph, with a comma, goes on for a while.<br><br>"
	    "The second one, on two lines,<br>joined by one break.<br>\n"
	    "  <br>\nThe third paragraph, after a break with spaces in it."
	    "<br><br><br>"
	    "The fourth, after three breaks, which is one break too.</td>"
	    "</body></html>",
	    "The first paragraph, with a comma, goes on for a while.\n\n"
	    "The second one, on two lines, joined by one break.\n\n"
	    "The third paragraph, after a break with spaces in it.\n\n"
	    "The fourth, after three breaks, which is one break too.");
}

static void
test_body_links(void **state)
{
	(void)state;
	/* a block that is mostly a link goes; one link in a sentence
	 * stays; a subhead with nothing under it goes with its list */
	body_is("<html><body><article>" ARTICLE_PARAS
	    "<p>Baca juga: <a href=\"/x\">Harga Cabai di Pasar Turun Lagi "
	    "Pekan Ini</a></p>"
	    "<p>Read the <a href=\"/r\">report</a> on the council's site, "
	    "which has the figures for every ward.</p>"
	    "<h3>Related stories</h3>"
	    "<ul><li><a href=\"/a\">One related story</a></li>"
	    "<li><a href=\"/b\">Another related story</a></li></ul>"
	    "</article></body></html>",
	    "The first paragraph of the story, long enough to count, with a "
	    "comma or two, and a full stop.\n\n"
	    "The second paragraph says more, with numbers like 3,000 and "
	    "names, and it ends here.\n\n"
	    "The third paragraph quotes someone, who said it was, in the end, "
	    "a good day for the town.\n\n"
	    "Read the report on the council's site, which has the figures for "
	    "every ward.");
}

static void
test_body_scored(void **state)
{
	(void)state;
	/* no <article>, no hints: the container of the paragraphs wins
	 * over the link lists and the short comments beside it */
	body_is("<html><body>"
	    "<div class=\"a\"><a href=\"/\">Home</a> <a href=\"/x\">World</a> "
	    "<a href=\"/y\">Sport</a> <a href=\"/z\">Business news</a></div>"
	    "<div class=\"b\"><div class=\"c\">" ARTICLE_PARAS
	    "<p>A fourth paragraph, to make it long, with commas, many, many "
	    "of them, in a row.</p></div>"
	    "<div class=\"d\"><p>Tom: nice.</p><p>Ann: agreed.</p></div></div>"
	    "<div class=\"e\"><ul><li><a href=\"/1\">A story in the list of "
	    "other stories</a></li><li><a href=\"/2\">And another story in "
	    "the list</a></li></ul></div>"
	    "</body></html>",
	    "The first paragraph of the story, long enough to count, with a "
	    "comma or two, and a full stop.\n\n"
	    "The second paragraph says more, with numbers like 3,000 and "
	    "names, and it ends here.\n\n"
	    "The third paragraph quotes someone, who said it was, in the end, "
	    "a good day for the town.\n\n"
	    "A fourth paragraph, to make it long, with commas, many, many of "
	    "them, in a row.");
}

static void
test_body_furniture_holding_article(void **state)
{
	(void)state;
	/* a wrapper named for the sidebar it sits beside, holding the
	 * article, is not dropped; hidden things are */
	body_is("<html><body><div class=\"layout with-sidebar\">"
	    "<div style=\"display: none\"><p>Hidden text, which no reader "
	    "ever sees, with commas, many.</p></div>"
	    "<div aria-hidden=\"true\"><p>Also hidden, for screen readers too, "
	    "with commas, many.</p></div>"
	    "<article>" ARTICLE_PARAS "</article></div>"
	    "<div class=\"sidebar\"><p>The sidebar, with commas, many, many, "
	    "of them, and text.</p></div></body></html>",
	    "The first paragraph of the story, long enough to count, with a "
	    "comma or two, and a full stop.\n\n"
	    "The second paragraph says more, with numbers like 3,000 and "
	    "names, and it ends here.\n\n"
	    "The third paragraph quotes someone, who said it was, in the end, "
	    "a good day for the town.");
}

static void
test_body_article_body_mark(void **state)
{
	(void)state;
	/* itemprop=articleBody is surer than <article>, which here holds
	 * the byline and the tags too */
	body_is("<html><body><article><p class=\"kicker\">Economy, business "
	    "and money, this week in the region, all of it.</p>"
	    "<div itemprop=\"articleBody\">" ARTICLE_PARAS "</div>"
	    "<p>Filed under: economy, business, money, region, week.</p>"
	    "</article></body></html>",
	    "The first paragraph of the story, long enough to count, with a "
	    "comma or two, and a full stop.\n\n"
	    "The second paragraph says more, with numbers like 3,000 and "
	    "names, and it ends here.\n\n"
	    "The third paragraph quotes someone, who said it was, in the end, "
	    "a good day for the town.");
}

static void
test_body_fragment(void **state)
{
	(void)state;
	/* no html, no body: the parser implies them */
	body_is("<p>A fragment of a page, a single paragraph, saved alone, "
	    "from an old site.</p>",
	    "A fragment of a page, a single paragraph, saved alone, from an "
	    "old site.");
	/* text with no markup at all, named .html */
	body_is("Only words here.", "Only words here.");
}

/* ---- the charset ---- */

static void
test_charset(void **state)
{
	struct html_page p;

	(void)state;
	/* declared Windows-1252: curly quotes, an e acute, an ellipsis */
	read_page(&p, "<html><head><meta http-equiv=\"Content-Type\" "
	    "content=\"text/html; charset=windows-1252\"></head><body>"
	    "<p>\x93" "Caf\xE9\x94 ramai\x85</p></body></html>");
	assert_string_equal(p.text, "\xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D "
	    "ramai\xE2\x80\xA6");
	assert_string_equal(p.charset, "windows-1252");
	html_page_clear(&p);

	/* Latin-1 is read as Windows-1252, as browsers read it */
	read_page(&p, "<html><head><meta charset='ISO-8859-1'></head><body>"
	    "<p>\x93" "Caf\xE9\x94</p></body></html>");
	assert_string_equal(p.text, "\xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D");
	assert_string_equal(p.charset, "windows-1252");
	html_page_clear(&p);

	/* no charset: UTF-8 when it is valid */
	read_page(&p, "<html><body><p>Caf\xC3\xA9</p></body></html>");
	assert_string_equal(p.text, "Caf\xC3\xA9");
	assert_string_equal(p.charset, "utf-8");
	html_page_clear(&p);

	/* else Windows-1252 */
	read_page(&p, "<html><body><p>Caf\xE9 \x93ok\x94</p></body></html>");
	assert_string_equal(p.text, "Caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D");
	assert_string_equal(p.charset, "windows-1252");
	html_page_clear(&p);

	/* UTF-8 with a stray byte: no one charset names it */
	read_page(&p, "<html><head><meta charset=utf-8></head><body>"
	    "<p>\xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D costs \x80" "5</p>"
	    "</body></html>");
	assert_string_equal(p.text, "\xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D "
	    "costs \xE2\x82\xAC" "5");
	assert_string_equal(p.charset, "");
	html_page_clear(&p);

	/* a BOM outranks the <meta> */
	read_page(&p, "\xEF\xBB\xBF<html><head><meta charset=windows-1252>"
	    "</head><body><p>Caf\xC3\xA9</p></body></html>");
	assert_string_equal(p.text, "Caf\xC3\xA9");
	assert_string_equal(p.charset, "utf-8");
	html_page_clear(&p);

	/* a charset libxml2 (iconv) decodes: KOI8-R */
	read_page(&p, "<html><head><meta charset=\"koi8-r\"></head><body>"
	    "<p>\xED\xCF\xD3\xCB\xD7\xC1</p></body></html>");
	assert_string_equal(p.text, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2"
	    "\xD0\xB0");
	assert_string_equal(p.charset, "koi8-r");
	html_page_clear(&p);

	/* a charset no one knows: read as if none were named */
	read_page(&p, "<html><head><meta charset=\"x-martian\"></head><body>"
	    "<p>Caf\xC3\xA9</p></body></html>");
	assert_string_equal(p.text, "Caf\xC3\xA9");
	assert_string_equal(p.charset, "utf-8");
	html_page_clear(&p);
}

/* ---- the fields ---- */

static void
test_fields_json_ld(void **state)
{
	struct html_page p;

	(void)state;
	read_page(&p, "<html lang=\"en\"><head>"
	    "<meta property=\"og:title\" content=\"The og title\">"
	    "<meta property=\"article:published_time\" "
	    "content=\"2020-01-01T00:00:00Z\">"
	    "<meta name=\"author\" content=\"Meta Author\">"
	    "<meta name=\"keywords\" content=\"meta, words\">"
	    "<script type=\"application/ld+json\">{\"@context\":"
	    "\"https://schema.org\",\"@type\":\"WebPage\",\"name\":\"x\"}"
	    "</script>"
	    "<script type=\"application/ld+json\">[{\"@type\":\"Organization\","
	    "\"name\":\"Org\"},{\"@type\":[\"ReportageNewsArticle\"],"
	    "\"headline\":\"The  JSON-LD\\nheadline\","
	    "\"datePublished\":\"2023-07-18T14:05:00+07:00\","
	    "\"inLanguage\":\"id_ID\","
	    "\"author\":[{\"@type\":\"Person\",\"name\":\"Sri Wahyuni\"},"
	    "\"Agus Prasetyo\",{\"@type\":\"Organization\",\"name\":\"Desk\"},"
	    "{\"@type\":\"Person\",\"name\":\"Dewi Lestari\"}],"
	    "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Kabar "
	    "Lembah\"},\"keywords\":\"kopi, Merapi,kopi ,  pertanian\"}]"
	    "</script></head><body><article>" ARTICLE_PARAS
	    "</article></body></html>");
	assert_string_equal(p.headline, "The JSON-LD headline");
	assert_string_equal(p.created, "2023-07-18T14:05:00+07:00");
	assert_string_equal(p.creator,
	    "Sri Wahyuni, Agus Prasetyo and Dewi Lestari");
	assert_string_equal(p.byline,
	    "By Sri Wahyuni, Agus Prasetyo and Dewi Lestari");
	assert_string_equal(p.outlet, "Kabar Lembah");
	assert_string_equal(p.lang, "id-ID");
	assert_int_equal(p.nkeywords, 3);
	assert_string_equal(p.keywords[0], "kopi");
	assert_string_equal(p.keywords[1], "Merapi");
	assert_string_equal(p.keywords[2], "pertanian");
	html_page_clear(&p);
}

static void
test_fields_meta(void **state)
{
	struct html_page p;

	(void)state;
	read_page(&p, "<html lang=\"EN_gb\"><head>"
	    "<title>Ignored | The Valley Post</title>"
	    "<meta property=\"og:title\" content=\"Buses return | The Valley "
	    "Post\">"
	    "<meta property=\"og:site_name\" content=\"The Valley Post\">"
	    "<meta property=\"article:published_time\" "
	    "content=\"2022-11-09T21:15:00+0000\">"
	    "<meta property=\"article:author\" "
	    "content=\"https://valleypost.example/people/owen\">"
	    "<meta property=\"article:tag\" content=\"transport\">"
	    "<meta property=\"article:tag\" content=\"buses\">"
	    "<meta property=\"article:tag\" content=\"Transport\">"
	    "</head><body><article><h1>Not the headline</h1>"
	    "<p class=\"byline\">By <a rel=\"author\" href=\"/o\">Owen Hughes"
	    "</a></p>" ARTICLE_PARAS "</article></body></html>");
	assert_string_equal(p.headline, "Buses return");
	assert_string_equal(p.created, "2022-11-09T21:15:00+00:00");
	/* article:author is a URL: the rel=author link names him */
	assert_string_equal(p.creator, "Owen Hughes");
	assert_string_equal(p.byline, "By Owen Hughes");
	assert_string_equal(p.outlet, "The Valley Post");
	assert_string_equal(p.lang, "en-gb");
	assert_int_equal(p.nkeywords, 2);
	assert_string_equal(p.keywords[0], "transport");
	assert_string_equal(p.keywords[1], "buses");
	/* the byline element is not body text */
	assert_null(strstr(p.text, "Owen"));
	html_page_clear(&p);
}

static void
test_fields_elements(void **state)
{
	struct html_page p;

	(void)state;
	/* no meta: the <h1> in the article (not the site's logo), the
	 * <time> in the article (not the one in the sidebar) */
	read_page(&p, "<html><head><title>Orchards hit by frost - Hillside "
	    "Herald</title><meta name=\"author\" content=\"Hillside Herald\">"
	    "<meta property=\"og:site_name\" content=\"Hillside Herald\">"
	    "</head><body><header><h1>Hillside Herald</h1></header>"
	    "<aside><time datetime=\"2021-01-01\">1 Jan</time></aside>"
	    "<article><h1>Orchards hit by a late frost</h1>"
	    "<time datetime=\"2021-04-12T06:00:00+12:00\">12 April</time>"
	    ARTICLE_PARAS "</article></body></html>");
	assert_string_equal(p.headline, "Orchards hit by a late frost");
	assert_string_equal(p.created, "2021-04-12T06:00:00+12:00");
	/* an author that is the site is no person */
	assert_null(p.creator);
	assert_null(p.byline);
	assert_string_equal(p.outlet, "Hillside Herald");
	assert_null(p.lang);
	assert_int_equal(p.nkeywords, 0);
	html_page_clear(&p);

	/* no <h1>: the <title>, with the site's name cut where a heading
	 * shows which part is the title */
	read_page(&p, "<html><head><title>Banjir Rob di Pekalongan - Suara "
	    "Pantura</title><meta name=\"pubdate\" content=\"2009-05-12 "
	    "10:00\"><meta name=\"keywords\" content=\"banjir; rob\"></head>"
	    "<body><font><b>Banjir Rob di Pekalongan</b></font><br><br>"
	    "Paragraph one of the story, with a comma, and more.<br><br>"
	    "Paragraph two of the story, with a comma, and more.</body></html>");
	assert_string_equal(p.headline, "Banjir Rob di Pekalongan");
	assert_string_equal(p.created, "2009-05-12");
	assert_int_equal(p.nkeywords, 2);
	html_page_clear(&p);

	/* the site named at the start of the title */
	read_page(&p, "<html><head><title>Kompas.com :: Harga Beras Naik"
	    "</title><meta property=\"og:site_name\" content=\"Kompas\">"
	    "</head><body><p>Harga beras naik lagi pekan ini, kata pedagang, "
	    "di pasar.</p></body></html>");
	assert_string_equal(p.headline, "Harga Beras Naik");
	html_page_clear(&p);

	/* nothing to cut by: the title whole */
	read_page(&p, "<html><head><title>Harga Beras Naik | Berita</title>"
	    "</head><body><p>Harga beras naik lagi pekan ini, kata pedagang, "
	    "di pasar.</p></body></html>");
	assert_string_equal(p.headline, "Harga Beras Naik | Berita");
	html_page_clear(&p);
}

static void
test_fields_byline_shown(void **state)
{
	struct html_page p;

	(void)state;
	/* no author in the markup: the byline the page shows, not the
	 * comments' authors, and not in the body */
	read_page(&p, "<html><body><div id=\"comments\"><div "
	    "class=\"comment-author\">Pat</div></div>"
	    "<article><header><span class=\"byline\"> by <span "
	    "class=\"author vcard\">Sam Ortiz</span></span></header>"
	    ARTICLE_PARAS "</article></body></html>");
	assert_string_equal(p.creator, "Sam Ortiz");
	assert_string_equal(p.byline, "By Sam Ortiz");
	assert_null(strstr(p.text, "Sam"));
	html_page_clear(&p);

	/* the site's name after the person's is cut */
	read_page(&p, "<html><head><meta property=\"og:site_name\" "
	    "content=\"jabarnews\"></head><body><div class=\"detail\">"
	    "<div class=\"detail__author\">Rina Marlina - jabarnews</div>"
	    "<div class=\"detail__body-text\">" ARTICLE_PARAS "</div></div>"
	    "</body></html>");
	assert_string_equal(p.creator, "Rina Marlina");
	assert_string_equal(p.byline, "By Rina Marlina");
	html_page_clear(&p);

	/* the words before the name are the page's own, in its language */
	read_page(&p, "<html lang=\"id\"><body><article><p class=\"byline\">"
	    "Oleh:  Sri Wahyuni</p>" ARTICLE_PARAS "</article></body></html>");
	assert_string_equal(p.creator, "Sri Wahyuni");
	assert_string_equal(p.byline, "Oleh: Sri Wahyuni");
	html_page_clear(&p);

	/* a byline that is a date line names no one */
	read_page(&p, "<html><body><article><p class=\"byline\">Posted on "
	    "June 2, 2020</p>" ARTICLE_PARAS "</article></body></html>");
	assert_null(p.creator);
	assert_null(p.byline);
	html_page_clear(&p);
}

static void
test_json_ld_bad(void **state)
{
	struct html_page p;

	(void)state;
	/* broken JSON, a date that is none, controls in a string: passed
	 * over or cleaned, never a failure (jansson refuses a NUL in a
	 * string, so that block is passed over too) */
	read_page(&p, "<html><head>"
	    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "</script>"
	    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"headline\":\"A\\u0000B\"}</script>"
	    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"headline\":\"A\\u0001B\\u0085C\",\"datePublished\":\"soon\","
	    "\"author\":{\"name\":\"https://x.example/me\"},"
	    "\"keywords\":[\"a\",1,null,\"b\"]}</script>"
	    "</head><body><p>Body text, with a comma, here.</p></body></html>");
	assert_string_equal(p.headline, "AB C");
	assert_null(p.created);
	assert_null(p.creator);
	assert_int_equal(p.nkeywords, 2);
	html_page_clear(&p);

	/* the body from JSON-LD when the markup has none */
	read_page(&p, "<html><head><script type=\"application/ld+json\">"
	    "{\"@type\":\"NewsArticle\",\"articleBody\":\"First line.\\n\\n"
	    "Second  line.\"}</script></head><body><div id=\"app\"></div>"
	    "</body></html>");
	assert_string_equal(p.text, "First line.\n\nSecond line.");
	html_page_clear(&p);
}

/* ---- what is refused ---- */

static void
test_refused(void **state)
{
	(void)state;
	fails("", "empty file", 0);
	fails_n("<html>\0junk", 11, "binary data at byte 6, not text", 6);
	fails("<html><head><title>T</title></head><body></body></html>",
	    "no article text in the page (only markup, navigation and "
	    "boilerplate)", -1);
	fails("<html><body><nav><a href=\"/\">Home</a></nav><footer>(c) "
	    "2024</footer></body></html>",
	    "no article text in the page (only markup, navigation and "
	    "boilerplate)", -1);
	fails("<html><head><script>var a = \"<p>not text</p>\";",
	    "no article text in the page (only markup, navigation and "
	    "boilerplate)", -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect_markup),
		cmocka_unit_test(test_detect_not_html),
		cmocka_unit_test(test_detect_name),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_body_page_around_it),
		cmocka_unit_test(test_body_blocks),
		cmocka_unit_test(test_body_br_br),
		cmocka_unit_test(test_body_links),
		cmocka_unit_test(test_body_scored),
		cmocka_unit_test(test_body_furniture_holding_article),
		cmocka_unit_test(test_body_article_body_mark),
		cmocka_unit_test(test_body_fragment),
		cmocka_unit_test(test_charset),
		cmocka_unit_test(test_fields_json_ld),
		cmocka_unit_test(test_fields_meta),
		cmocka_unit_test(test_fields_elements),
		cmocka_unit_test(test_fields_byline_shown),
		cmocka_unit_test(test_json_ld_bad),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
