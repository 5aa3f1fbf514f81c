/*
 * input/html.h: an HTML page read as one article (the module is
 * input_html, in input/format.h; this is what it does, open to tests).
 *
 * The page is parsed by libxml2's HTML parser, with no network and no
 * error output, in the charset its byte order mark or its <meta> states,
 * else UTF-8 when the bytes are valid UTF-8, else Windows-1252.
 *
 * What the page states comes from its markup, the surest first, as
 * htmldate and trafilatura read it: JSON-LD (a NewsArticle, Article,
 * ReportageNewsArticle, ...), then the Open Graph and <meta> tags, then
 * the elements (<time datetime>, <h1>, <title>, <html lang>).
 *
 * The body is found as Mozilla Readability finds it: the element the page
 * marks as the article (itemprop=articleBody, <article>), or else the
 * container whose paragraphs score best (text length, commas, few links,
 * class and id hints) with the siblings that score close to it; never
 * navigation, menus, headers and footers, asides, share buttons, comment
 * sections, related-article lists, ads, cookie banners, forms, scripts or
 * styles.  Each paragraph, subhead, block quote and list item is a block,
 * and text split by <br><br> is split into blocks.
 */
#ifndef WARTA_INPUT_HTML_H
#define WARTA_INPUT_HTML_H

#include <stddef.h>

#include "base/limits.h"
#include "base/warta.h"

/*
 * What one page gives.  Strings are UTF-8 (XML-legal, white space
 * collapsed) or NULL for "not stated", owned here.
 */
struct html_page {
	/* The body: one block a paragraph, blocks separated by "\n\n",
	 * no markup; never NULL once read. */
	char *text;
	size_t text_len;

	char *headline;
	char *created;		/* YYYY-MM-DD, or an xs:dateTime with zone */
	char *byline;		/* "By Jane Doe" */
	char *creator;		/* "Jane Doe", "Jane Doe and Omar Faruk" */
	char *outlet;		/* the site: "Warta Kota" */
	char *lang;		/* BCP 47: "id", "en-GB" */
	char **keywords;
	size_t nkeywords;

	/* The charset the bytes were read in ("utf-8", "windows-1252",
	 * "shift_jis"), or "" when they were UTF-8 with stray single-byte
	 * characters, which no one charset name describes. */
	char charset[40];
};

/*
 * How sure it is (0 not HTML, up to 100) that a source whose first n
 * bytes are head, named name (or NULL), is an HTML page.
 */
int html_detect(const unsigned char *head, size_t n, const char *name);

/*
 * Reads the page of len bytes into p, which it fills from scratch (a page
 * read before must be cleared first) and html_page_clear() frees.
 * charset is the one the transport states (HTTP's Content-Type, in a WARC
 * record), or NULL: as browsers do, a byte order mark wins over it, and it
 * wins over the page's <meta>.  Returns HTML_NO_ARTICLE, with err set,
 * when the page holds no article text (an index, a page of links).  Fails,
 * with the byte offset where there is one, on an empty page, binary data,
 * and a page that holds no article text.
 */
#define HTML_NO_ARTICLE 1
int html_page_read(struct html_page *p, const unsigned char *buf,
    size_t len, const char *charset, struct warta_error *err);
void html_page_clear(struct html_page *p);

/*
 * A date as a page writes it in its markup ("2024-03-05T08:30:00+0700",
 * "2024-03-05 08:30") as warta states it: an xs:dateTime when it has a
 * zone, the day alone when it has none.  Returns the length written to
 * out (room for 40 bytes), or 0 when s is no such date.
 */
size_t html_date_normalize(const char *s, char out[40]);

#endif
