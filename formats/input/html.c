/*
 * input/html.c: an HTML page, one article; see input/html.h.
 *
 * The page is parsed once, by libxml2's HTML parser, whose events (an
 * element starts, text, it ends) build what the reading needs and no
 * more: every element, in document order, with its tag, the hints its
 * class and id carry, whether it is hidden, and where its descendants
 * end; the text under the body cut into runs (the text between two
 * block boundaries, or two <br>s in a row) with their links and commas;
 * and what the page states (meta tags, JSON-LD, the title, the headings).
 * No tree is built: a page costs its elements and its text.  Then the
 * runs score the containers that hold them, and those of the article are
 * given out.
 *
 * The class and id words below are markup vocabulary, as tag names are:
 * what CMS templates call their comment sections and share bars.  They
 * are Readability's and trafilatura's, with the names Indonesian sites
 * use (iklan, terkait, komentar).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "base/xml_errors.h"
#include "input/format.h"
#include "input/html.h"
#include "text/decode.h"

#define X(s) ((const xmlChar *)(s))
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/*
 * No network, no error output, no implied charset: the charset is found
 * here and given to the parser, and the parser is told to ignore what the
 * page says (it was read already).  XML_PARSE_HUGE lifts the depth bound
 * from 256 elements to 2048: pages with unclosed <font> and <div> tags
 * nest deeper than 256, and libxml2 stops reading them there, which would
 * lose the article; every walk below is a loop, and costs no more than
 * one step an element.
 */
#define HTML_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NONET | \
	HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT | \
	HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE)

/* A paragraph shorter than this (in bytes that are not space) scores
 * nothing, as in Readability. */
#define MIN_PARA 25
/* An element the page marks as the article must hold this much. */
#define MIN_ARTICLE 100
/* Ancestors a paragraph's score reaches. */
#define SCORE_LEVELS 5
/* At most this many JSON-LD blocks, <time>s and <h1>s are looked at. */
#define MAX_LD 16
#define MAX_NODES 64
#define MAX_NAMES 10
#define MAX_KEYWORDS 50
#define MAX_FIELD 1000
#define MAX_KEYWORD 100
#define MAX_NAME 100

/* ---- strings ---- */

static int
ci_equal(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++)
		if (ascii_lower((unsigned char)*a) != ascii_lower((unsigned char)*b))
			return 0;
	return *a == *b;
}

static int
ci_prefix(const char *s, size_t n, const char *prefix)
{
	size_t i;

	for (i = 0; prefix[i] != '\0'; i++)
		if (i >= n || ascii_lower((unsigned char)s[i]) !=
		    ascii_lower((unsigned char)prefix[i]))
			return 0;
	return 1;
}

/* Where needle is in s[0, n), case aside, or NULL. */
static const char *
ci_find(const char *s, size_t n, const char *needle)
{
	size_t i, k = strlen(needle);

	for (i = 0; i + k <= n; i++)
		if (ci_prefix(s + i, n - i, needle))
			return s + i;
	return NULL;
}

/*
 * A builder of text: white space collapsed to one space, none at either
 * end, and nothing that XML cannot hold.  count tallies the bytes that
 * are not space, commas and the bytes of letters and digits.
 */
struct textb {
	struct wbuf *b;
	size_t start;		/* where this text began in b */
	int space;		/* a space is due before the next character */
	int failed;
	size_t chars, commas, alnum;
};

static void
textb_start(struct textb *t, struct wbuf *b)
{
	memset(t, 0, sizeof(*t));
	t->b = b;
	t->start = b->len;
}

/* A character that white space collapse takes as a space. */
static int
is_collapsed_space(uint32_t cp)
{
	return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
	    cp == 0x3000 || cp == 0x1680 || cp == 0x85;
}

static void
textb_add(struct textb *t, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run, k;
	uint32_t cp;

	while (i < n && !t->failed) {
		/* a run of printable ASCII, copied at once */
		for (run = i; run < n && u[run] > 0x20 && u[run] < 0x7F; run++) {
			if (u[run] == ',')
				t->commas++;
			if ((u[run] >= '0' && u[run] <= '9') ||
			    ((u[run] | 0x20) >= 'a' && (u[run] | 0x20) <= 'z'))
				t->alnum++;
		}
		if (run > i) {
			if (t->space && t->b->len > t->start &&
			    wbuf_putc(t->b, ' ') != WARTA_OK)
				t->failed = 1;
			t->space = 0;
			if (wbuf_append(t->b, s + i, run - i) != WARTA_OK)
				t->failed = 1;
			t->chars += run - i;
			i = run;
			continue;
		}
		if (u[i] < 0x80) {
			/* space and controls: the controls XML cannot hold
			 * are dropped, the rest are white space */
			if (u[i] == ' ' || u[i] == '\t' || u[i] == '\n' ||
			    u[i] == '\r' || u[i] == '\f')
				t->space = 1;
			i++;
			continue;
		}
		k = utf8_decode(u + i, n - i, &cp);
		if (cp == UTF8_INVALID || cp == 0xFFFE || cp == 0xFFFF ||
		    cp == 0xFEFF) {
			i += k;
			continue;
		}
		if (is_collapsed_space(cp)) {
			t->space = 1;
			i += k;
			continue;
		}
		if (t->space && t->b->len > t->start &&
		    wbuf_putc(t->b, ' ') != WARTA_OK)
			t->failed = 1;
		t->space = 0;
		if (wbuf_append(t->b, s + i, k) != WARTA_OK)
			t->failed = 1;
		t->chars += k;
		if (utf8_is_letter(cp) || utf8_char_class(cp) == UTF8_DIGIT)
			t->alnum += k;
		i += k;
	}
}

/* A string of s's text, collapsed, or NULL when nothing is left. */
static char *
clean_dup(const char *s, size_t n, size_t max)
{
	struct wbuf b = WBUF_INIT;
	struct textb t;

	textb_start(&t, &b);
	textb_add(&t, s, n);
	if (t.failed || b.len == 0 || b.len > max) {
		wbuf_release(&b);
		return NULL;
	}
	return wbuf_steal(&b);
}

static char *
clean_dups(const char *s, size_t max)
{
	return s != NULL ? clean_dup(s, strlen(s), max) : NULL;
}

/* The next node in document order, into n's children when down. */
static xmlNodePtr
next_node(xmlNodePtr n, xmlNodePtr root, int down)
{
	if (down && n->children != NULL && n->type == XML_ELEMENT_NODE)
		return n->children;
	while (n != NULL && n != root && n->next == NULL)
		n = n->parent;
	return n == NULL || n == root ? NULL : n->next;
}

/* ---- detection ---- */

/* Does s[0, n) open with tag name (lower case), then a space, > or /? */
static int
opens_tag(const unsigned char *s, size_t n, const char *name)
{
	size_t k = strlen(name);

	if (n < k + 2 || s[0] != '<' ||
	    !ci_prefix((const char *)s + 1, n - 1, name))
		return 0;
	return s[k + 1] == '>' || s[k + 1] == '/' ||
	    ascii_is_xml_space(s[k + 1]) || s[k + 1] == '\f';
}

static int
html_name(const char *name)
{
	static const char *const ext[] = { ".html", ".htm", ".xhtml",
	    ".shtml" };
	size_t i, n, k;

	if (name == NULL)
		return 0;
	n = strlen(name);
	for (i = 0; i < NELEM(ext); i++) {
		k = strlen(ext[i]);
		if (n > k && ci_equal(name + n - k, ext[i]))
			return 1;
	}
	return 0;
}

/* After white space, comments and processing instructions (an XML
 * declaration), the first markup of s, or NULL when they run past n. */
static const unsigned char *
first_markup(const unsigned char *s, size_t n, int *xml)
{
	const unsigned char *end = s + n, *p = s, *q;

	*xml = 0;
	for (;;) {
		while (p < end && (ascii_is_xml_space(*p) || *p == '\f'))
			p++;
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
			for (q = p + 4; end - q >= 3 && memcmp(q, "-->", 3) != 0;
			    q++)
				;
			if (end - q < 3)
				return NULL;
			p = q + 3;
		} else if (end - p >= 2 && p[0] == '<' && p[1] == '?') {
			*xml = 1;
			for (q = p + 2; end - q >= 2 && memcmp(q, "?>", 2) != 0;
			    q++)
				;
			if (end - q < 2)
				return NULL;
			p = q + 2;
		} else
			return p;
	}
}

int
html_detect(const unsigned char *head, size_t n, const char *name)
{
	static const char *const head_tags[] = { "meta", "title", "link",
	    "base", "style", "script" };
	unsigned char wide[1024];
	const unsigned char *p;
	size_t i, k;
	int xml, by_name = html_name(name);

	if (n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) {
		head += 3;
		n -= 3;
	} else if (n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) ||
	    (head[0] == 0xFE && head[1] == 0xFF))) {
		/* UTF-16: its ASCII is enough to see the markup */
		int lo = head[0] == 0xFF;

		for (i = 2, k = 0; i + 1 < n && k < sizeof(wide); i += 2)
			wide[k++] = lo ? (head[i + 1] == 0 ? head[i] : 0xFF) :
			    (head[i] == 0 ? head[i + 1] : 0xFF);
		head = wide;
		n = k;
	}
	if ((p = first_markup(head, n, &xml)) == NULL)
		return by_name ? 40 : 0;
	n -= (size_t)(p - head);
	if (n >= 9 && ci_prefix((const char *)p, n, "<!doctype")) {
		/* the doctype's name: html, or another markup's */
		for (i = 9; i < n && (ascii_is_xml_space(p[i]) || p[i] == '\f');
		    i++)
			;
		return ci_prefix((const char *)p + i, n - i, "html") ? 95 : 0;
	}
	if (opens_tag(p, n, "html"))
		return 95;
	if (opens_tag(p, n, "head") || opens_tag(p, n, "body"))
		return 80;
	/* an XML document whose root is not html is XML's (NITF, RSS) */
	if (xml)
		return 0;
	for (i = 0; i < NELEM(head_tags); i++)
		if (opens_tag(p, n, head_tags[i]))
			return 60;
	if (by_name)
		return n > 0 && p[0] == '<' ? 50 : 40;
	return 0;
}

/* ---- the charset ---- */

/* Labels as WHATWG's Encoding standard reads them, for the charsets
 * text/decode.c decodes; a page that says Latin-1 means Windows-1252. */
static const struct {
	const char *label;
	enum text_encoding enc;
} charset_labels[] = {
	{ "utf-8", TEXT_AUTO }, { "utf8", TEXT_AUTO },
	{ "unicode-1-1-utf-8", TEXT_AUTO },
	/* a page in UTF-16 cannot say so in ASCII: WHATWG reads UTF-8 */
	{ "utf-16", TEXT_AUTO }, { "utf-16le", TEXT_AUTO },
	{ "utf-16be", TEXT_AUTO },
	{ "windows-1252", TEXT_WINDOWS_1252 }, { "cp1252", TEXT_WINDOWS_1252 },
	{ "x-cp1252", TEXT_WINDOWS_1252 }, { "iso-8859-1", TEXT_WINDOWS_1252 },
	{ "iso8859-1", TEXT_WINDOWS_1252 }, { "iso_8859-1", TEXT_WINDOWS_1252 },
	{ "iso88591", TEXT_WINDOWS_1252 }, { "latin1", TEXT_WINDOWS_1252 },
	{ "l1", TEXT_WINDOWS_1252 }, { "us-ascii", TEXT_WINDOWS_1252 },
	{ "ascii", TEXT_WINDOWS_1252 }, { "cp819", TEXT_WINDOWS_1252 },
	{ "ibm819", TEXT_WINDOWS_1252 }, { "iso-ir-100", TEXT_WINDOWS_1252 },
	{ "csisolatin1", TEXT_WINDOWS_1252 },
	{ "ansi_x3.4-1968", TEXT_WINDOWS_1252 },
	{ "iso-8859-15", TEXT_LATIN9 }, { "iso8859-15", TEXT_LATIN9 },
	{ "iso_8859-15", TEXT_LATIN9 }, { "latin9", TEXT_LATIN9 },
	{ "l9", TEXT_LATIN9 }, { "csisolatin9", TEXT_LATIN9 },
};

static const char *
attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a;

	for (a = n->properties; a != NULL; a = a->next)
		if (a->name != NULL && strcmp((const char *)a->name, name) == 0)
			return a->children != NULL &&
			    a->children->content != NULL ?
			    (const char *)a->children->content : "";
	return NULL;
}

/* The label in "text/html; charset=utf-8" into out, lower case. */
static int
content_charset(const char *s, char *out, size_t size)
{
	const char *p;
	size_t k = 0;

	if ((p = ci_find(s, strlen(s), "charset")) == NULL)
		return 0;
	for (p += 7; *p == ' ' || *p == '\t'; p++)
		;
	if (*p++ != '=')
		return 0;
	for (; *p == ' ' || *p == '\t' || *p == '"' || *p == '\''; p++)
		;
	while (*p != '\0' && *p != '"' && *p != '\'' && *p != ';' &&
	    *p != ' ' && *p != '\t' && k + 1 < size)
		out[k++] = (char)ascii_lower((unsigned char)*p++);
	out[k] = '\0';
	return k > 0;
}

/*
 * Does the word "charset" stand in s[0, n) before anything but "utf-8"?
 * Most pages name no charset, or UTF-8, which is what they are read in
 * unless they say otherwise; only the others need their <meta> read.
 */
static int
names_other_charset(const unsigned char *s, size_t n)
{
	const char *p = (const char *)s, *end = p + n;

	while ((p = ci_find(p, (size_t)(end - p), "charset")) != NULL) {
		for (p += 7; p < end && (*p == ' ' || *p == '=' || *p == '"' ||
		    *p == '\''); p++)
			;
		if (!ci_prefix(p, (size_t)(end - p), "utf-8") &&
		    !ci_prefix(p, (size_t)(end - p), "utf8"))
			return 1;
	}
	return 0;
}

/*
 * The charset the page's <meta> states, into out (lower case): the first
 * bytes are parsed alone, as bytes (ISO-8859-1 takes any), and their
 * <meta charset> or <meta http-equiv=Content-Type> read.
 */
static int
meta_charset(const unsigned char *buf, size_t len, char *out, size_t size)
{
	htmlDocPtr doc;
	xmlNodePtr n, root;
	const char *v, *he;
	int found = 0;

	if (len > INPUT_HEAD_SIZE)
		len = INPUT_HEAD_SIZE;
	if (!names_other_charset(buf, len))
		return 0;
	if ((doc = htmlReadMemory((const char *)buf, (int)len, NULL,
	    "ISO-8859-1", HTML_OPTIONS)) == NULL)
		return 0;
	root = xmlDocGetRootElement(doc);
	for (n = root; n != NULL && !found; n = next_node(n, root, 1)) {
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "meta") == 0) {
			if ((v = attr(n, "charset")) != NULL) {
				size_t k = 0;

				while (*v == ' ' || *v == '\t')
					v++;
				while (*v != '\0' && *v != ' ' && k + 1 < size)
					out[k++] = (char)ascii_lower(
					    (unsigned char)*v++);
				out[k] = '\0';
				found = k > 0;
			} else if ((he = attr(n, "http-equiv")) != NULL &&
			    ci_equal(he, "content-type") &&
			    (v = attr(n, "content")) != NULL)
				found = content_charset(v, out, size);
		}
	}
	xmlFreeDoc(doc);
	return found;
}

/* The charset the transport stated, as a lower-case label into out. */
static int
stated_charset(const char *s, char *out, size_t size)
{
	size_t k = 0;

	if (s == NULL)
		return 0;
	while (s[k] != '\0' && k + 1 < size) {
		out[k] = (char)ascii_lower((unsigned char)s[k]);
		k++;
	}
	out[k] = '\0';
	return k > 0 && s[k] == '\0';
}

/* libxml2's structured errors, which HTML_PARSE_NOERROR does not stop
 * for character conversion, are dropped: formats/ never prints. */
static void
drop_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

/* ---- what each element is ---- */

enum tag_kind {
	TK_BLOCK = 1 << 0,	/* ends the text run around it */
	TK_PARA = 1 << 1,	/* a paragraph, whatever it holds */
	TK_JUNK = 1 << 2,	/* never text of the article */
	TK_HEADING = 1 << 3,	/* h2..h6: a subhead */
	TK_H1 = 1 << 4,
	TK_LINK = 1 << 5,	/* a */
	TK_BR = 1 << 6,
	TK_DIV = 1 << 7,	/* scored +5 */
	TK_PLUS3 = 1 << 8,	/* pre, td, blockquote: +3 */
	TK_MINUS3 = 1 << 9,	/* lists, address, form: -3 */
	TK_MINUS5 = 1 << 10,	/* headings, th: -5 */
	TK_ARTICLE = 1 << 11,	/* <article> */
	TK_MAIN = 1 << 12,	/* <main> */
	TK_CHROME = 1 << 13,	/* a site's own: nav, aside, header, footer */
	TK_P = 1 << 14		/* <p> */
};

/* The elements the page states something in, told apart once. */
enum tag_special {
	SP_NONE, SP_META, SP_HTML, SP_BODY, SP_TITLE, SP_SCRIPT, SP_TIME,
	SP_HEAD, SP_SVG, SP_HEADER
};

/* Sorted by name (bsearch). */
static const struct tag_info {
	const char *name;
	unsigned kind;
	enum tag_special special;
} tags[] = {
	{ "a", TK_LINK, SP_NONE },
	{ "address", TK_BLOCK | TK_JUNK | TK_MINUS3, SP_NONE },
	{ "applet", TK_JUNK, SP_NONE },
	{ "article", TK_BLOCK | TK_ARTICLE, SP_NONE },
	{ "aside", TK_BLOCK | TK_JUNK | TK_CHROME, SP_NONE },
	{ "audio", TK_JUNK, SP_NONE },
	{ "b", 0, SP_HEAD },
	{ "base", TK_JUNK, SP_NONE },
	{ "blockquote", TK_BLOCK | TK_PLUS3, SP_NONE },
	{ "body", TK_BLOCK, SP_BODY },
	{ "br", TK_BR, SP_NONE },
	{ "button", TK_JUNK, SP_NONE },
	{ "canvas", TK_JUNK, SP_NONE },
	{ "caption", TK_BLOCK, SP_NONE },
	{ "center", TK_BLOCK | TK_DIV, SP_NONE },
	{ "datalist", TK_JUNK, SP_NONE },
	{ "dd", TK_BLOCK | TK_MINUS3, SP_NONE },
	{ "details", TK_BLOCK, SP_NONE },
	{ "dialog", TK_BLOCK | TK_JUNK, SP_NONE },
	{ "dir", TK_BLOCK | TK_MINUS3, SP_NONE },
	{ "div", TK_BLOCK | TK_DIV, SP_NONE },
	{ "dl", TK_BLOCK | TK_MINUS3, SP_NONE },
	{ "dt", TK_BLOCK | TK_MINUS3, SP_NONE },
	{ "embed", TK_JUNK, SP_NONE },
	{ "fieldset", TK_BLOCK, SP_NONE },
	{ "figcaption", TK_BLOCK | TK_JUNK, SP_NONE },
	{ "figure", TK_BLOCK | TK_JUNK, SP_NONE },
	{ "footer", TK_BLOCK | TK_JUNK | TK_CHROME, SP_NONE },
	{ "form", TK_BLOCK | TK_MINUS3, SP_NONE },
	{ "frame", TK_JUNK, SP_NONE },
	{ "frameset", TK_JUNK, SP_NONE },
	{ "h1", TK_BLOCK | TK_PARA | TK_H1 | TK_MINUS5, SP_NONE },
	{ "h2", TK_BLOCK | TK_PARA | TK_HEADING | TK_MINUS5, SP_HEAD },
	{ "h3", TK_BLOCK | TK_PARA | TK_HEADING | TK_MINUS5, SP_HEAD },
	{ "h4", TK_BLOCK | TK_PARA | TK_HEADING | TK_MINUS5, SP_NONE },
	{ "h5", TK_BLOCK | TK_PARA | TK_HEADING | TK_MINUS5, SP_NONE },
	{ "h6", TK_BLOCK | TK_PARA | TK_HEADING | TK_MINUS5, SP_NONE },
	{ "head", TK_JUNK, SP_NONE },
	{ "header", TK_BLOCK | TK_JUNK | TK_CHROME, SP_HEADER },
	{ "hgroup", TK_BLOCK, SP_NONE },
	{ "hr", TK_BLOCK, SP_NONE },
	{ "html", TK_BLOCK, SP_HTML },
	{ "iframe", TK_JUNK, SP_NONE },
	{ "img", TK_JUNK, SP_NONE },
	{ "input", TK_JUNK, SP_NONE },
	{ "label", TK_JUNK, SP_NONE },
	{ "legend", TK_BLOCK, SP_NONE },
	{ "li", TK_BLOCK | TK_MINUS3, SP_NONE },
	{ "link", TK_JUNK, SP_NONE },
	{ "main", TK_BLOCK | TK_MAIN, SP_NONE },
	{ "map", TK_JUNK, SP_NONE },
	{ "math", TK_JUNK, SP_NONE },
	{ "menu", TK_BLOCK | TK_JUNK | TK_CHROME, SP_NONE },
	{ "meta", TK_JUNK, SP_META },
	{ "nav", TK_BLOCK | TK_JUNK | TK_CHROME, SP_NONE },
	{ "noscript", TK_JUNK, SP_NONE },
	{ "object", TK_JUNK, SP_NONE },
	{ "ol", TK_BLOCK | TK_MINUS3, SP_NONE },
	{ "optgroup", TK_JUNK, SP_NONE },
	{ "option", TK_JUNK, SP_NONE },
	{ "p", TK_BLOCK | TK_PARA | TK_P, SP_NONE },
	{ "picture", TK_JUNK, SP_NONE },
	{ "pre", TK_BLOCK | TK_PARA | TK_PLUS3, SP_NONE },
	{ "script", TK_JUNK, SP_SCRIPT },
	{ "section", TK_BLOCK, SP_NONE },
	{ "select", TK_JUNK, SP_NONE },
	{ "source", TK_JUNK, SP_NONE },
	{ "strong", 0, SP_HEAD },
	{ "style", TK_JUNK, SP_NONE },
	{ "summary", TK_BLOCK, SP_NONE },
	{ "svg", TK_JUNK, SP_SVG },
	{ "table", TK_BLOCK, SP_NONE },
	{ "tbody", TK_BLOCK, SP_NONE },
	{ "td", TK_BLOCK | TK_PLUS3, SP_NONE },
	{ "template", TK_JUNK, SP_NONE },
	{ "textarea", TK_JUNK, SP_NONE },
	{ "tfoot", TK_BLOCK, SP_NONE },
	{ "th", TK_BLOCK | TK_MINUS5, SP_NONE },
	{ "thead", TK_BLOCK, SP_NONE },
	{ "time", 0, SP_TIME },
	{ "title", TK_JUNK, SP_TITLE },
	{ "tr", TK_BLOCK, SP_NONE },
	{ "ul", TK_BLOCK | TK_MINUS3, SP_NONE },
	{ "video", TK_JUNK, SP_NONE },
};

static int
tag_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct tag_info *)elem)->name);
}

static const struct tag_info *
tag_info(const char *name)
{
	static const struct tag_info none = { "", 0, SP_NONE };
	const struct tag_info *t = bsearch(name, tags, NELEM(tags),
	    sizeof(tags[0]), tag_cmp);

	return t != NULL ? t : &none;
}

/*
 * Words of class and id attributes.  Never the article: comment
 * sections, share bars, ads, related lists (a word of this kind makes an
 * element junk whatever else it says).  Site furniture: navigation,
 * sidebars, footers (junk unless the element also says it holds content,
 * "content has-sidebar", or holds the element the page marks as the
 * article).  A stem ends in '*' and takes any ending.
 */
static const char *const never_words[] = {
	"ad", "adbox", "adpos", "ads", "adsense", "adslot", "adunit", "adv",
	"advert*", "bacajuga", "breadcrumb*", "comment", "commentlist",
	"comments", "consent", "cookie*",
	"crumbs", "dfp", "disqus*", "gdpr", "iklan", "komentar", "lightbox",
	"modal", "mostread", "newsletter*", "outbrain*", "overlay", "pager",
	"pagination", "popular", "populer", "popup*", "promo*", "recommend*",
	"rekomendasi", "related*", "replies", "reply", "respond", "share*",
	"sharing", "signup", "skip", "social*", "sosmed", "sponsor*",
	"subscribe", "subscription", "tagcloud", "tags", "taboola*",
	"terkait", "terpopuler", "trending",
};

/* Who wrote it: never body text, but the byline when the markup states
 * none. */
static const char *const byline_words[] = {
	"author", "authors", "byl", "byline", "penulis", "reporter", "writer",
};

static const char *const furniture_words[] = {
	"banner", "footer*", "header", "masthead", "menu*", "nav", "navbar",
	"navigation", "sidebar*", "toolbar", "topbar", "widget*",
};

/* Readability's negative hints that are not reason enough to drop. */
static const char *const weak_words[] = {
	"caption", "contact", "credit", "extra", "footnote", "media", "meta",
	"scroll", "shopping", "tool", "tools",
};

static const char *const content_words[] = {
	"article", "artikel", "berita", "blog", "body", "content", "detail",
	"entry", "hentry", "isi", "konten", "main", "post", "story", "text",
};

static int
word_in(const char *w, size_t n, const char *const *list, size_t count)
{
	size_t i, k;

	for (i = 0; i < count; i++) {
		k = strlen(list[i]);
		if (list[i][k - 1] == '*') {
			if (n >= k - 1 && memcmp(w, list[i], k - 1) == 0)
				return 1;
		} else if (n == k && memcmp(w, list[i], k) == 0)
			return 1;
	}
	return 0;
}

enum hint {
	HINT_NEVER = 1 << 0,
	HINT_FURNITURE = 1 << 1,
	HINT_WEAK = 1 << 2,
	HINT_CONTENT = 1 << 3,
	HINT_BYLINE = 1 << 4
};

/*
 * The hints of a class or id value: its words are split at anything
 * that is not a letter or digit and where camel case changes
 * ("shareBar" is share, bar), and looked up in lower case.
 */
static unsigned
hints_of(const char *s)
{
	char w[64];
	size_t n = 0;
	unsigned h = 0;
	const char *p;

	if (s == NULL)
		return 0;
	for (p = s;; p++) {
		unsigned char c = (unsigned char)*p;
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');
		int split = !alnum || (c >= 'A' && c <= 'Z' && p > s &&
		    p[-1] >= 'a' && p[-1] <= 'z');

		if (split && n > 0) {
			if (n < sizeof(w)) {
				if (word_in(w, n, never_words,
				    NELEM(never_words)))
					h |= HINT_NEVER;
				else if (word_in(w, n, byline_words,
				    NELEM(byline_words)))
					h |= HINT_BYLINE;
				else if (word_in(w, n, furniture_words,
				    NELEM(furniture_words)))
					h |= HINT_FURNITURE;
				else if (word_in(w, n, weak_words,
				    NELEM(weak_words)))
					h |= HINT_WEAK;
				else if (word_in(w, n, content_words,
				    NELEM(content_words)))
					h |= HINT_CONTENT;
			}
			n = 0;
		}
		if (c == '\0')
			break;
		if (alnum) {
			if (n < sizeof(w))
				w[n] = (char)ascii_lower(c);
			n++;
		}
	}
	return h;
}

/* Is the space-separated list s holding word (case aside)? */
static int
has_word(const char *s, const char *word)
{
	size_t k = strlen(word), i;

	if (s == NULL)
		return 0;
	while (*s != '\0') {
		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		for (i = 0; s[i] != '\0' && s[i] != ' ' && s[i] != '\t' &&
		    s[i] != '\n'; i++)
			;
		if (i == k && ci_prefix(s, i, word))
			return 1;
		s += i;
	}
	return 0;
}

/* style="display: none" or visibility: hidden */
static int
style_hides(const char *s)
{
	static const char *const props[] = { "display", "visibility" };
	static const char *const vals[] = { "none", "hidden" };
	const char *p;
	size_t i, n;

	if (s == NULL)
		return 0;
	n = strlen(s);
	for (i = 0; i < 2; i++)
		for (p = s; (p = ci_find(p, n - (size_t)(p - s), props[i])) !=
		    NULL; ) {
			p += strlen(props[i]);
			while (*p == ' ')
				p++;
			if (*p != ':')
				continue;
			for (p++; *p == ' '; p++)
				;
			if (ci_prefix(p, strlen(p), vals[i]))
				return 1;
		}
	return 0;
}

enum hnode_flag {
	HF_SKIP = 1 << 0,	/* never text: junk, or inside junk */
	HF_MAYBE = 1 << 1,	/* junk unless it holds the article */
	HF_MARKED = 1 << 2,	/* holds (or is) what the page marks as the
				 * article */
	HF_SCORED = 1 << 3,
	HF_CONTENT = 1 << 4,	/* chosen as (part of) the article */
	HF_BLOCKS = 1 << 5,	/* has blocks in it (or <br><br>) */
	HF_IN_ARTICLE = 1 << 6,	/* inside an <article> */
	HF_IN_CHROME = 1 << 7,	/* inside the site's nav, header, ... */
	HF_IN_KNOWN = 1 << 8,	/* in_content() below is known */
	HF_IN = 1 << 9,
	HF_BODYMARK = 1 << 10,	/* itemprop=articleBody */
	HF_DEAD = 1 << 11,	/* furniture that does not hold the article,
				 * or inside such */
	HF_IN_H1 = 1 << 12,	/* inside an <h1> (or it) */
	HF_IN_HEADING = 1 << 13,	/* inside an h2..h6 (or it) */
	HF_IN_SVG = 1 << 14,
	HF_ROLE_MAIN = 1 << 15,	/* role=main */
	HF_ITEMSCOPE = 1 << 16,
	HF_IN_NEVER = 1 << 17	/* inside comments, ads, related lists */
};

#define NO_NODE ((size_t)-1)

/* What is known of one element.  The elements are kept in document
 * order, so that the elements under one are those that follow it, up to
 * its end. */
struct hnode {
	size_t up;		/* the element above, or NO_NODE */
	size_t end;		/* one past the index of its last descendant */
	size_t last_run;	/* one past the index of its last run, or 0 */
	unsigned kind;		/* enum tag_kind */
	unsigned flags;		/* enum hnode_flag */
	int weight;		/* class and id hints: -50..50 */
	unsigned children;	/* elements right under it */
	int own_text;		/* text right under it */
	uint64_t cls;		/* a hash of its class attribute, 0 for none */
	size_t chars, links;	/* bytes of text (not space) under it, and
				 * of those in links */
	size_t commas;
	double score;
};

/* A run of text: what lies between two block boundaries. */
struct run {
	size_t container;		/* the innermost block around it */
	size_t off, len;		/* in the page's run text */
	size_t chars, links, commas, alnum;
	int in;				/* inside the article */
	int keep;			/* and given out */
};

/* What the page states, as found (before the choice among them). */
enum slot {
	S_TITLE, S_OG_TITLE, S_TW_TITLE, S_SITE, S_PUBLISHED, S_DATE,
	S_ITEMPROP_DATE, S_AUTHOR, S_ARTICLE_AUTHOR, S_REL_AUTHOR,
	S_ITEMPROP_AUTHOR, S_ITEMPROP_AUTHOR_NAME, S_ITEMPROP_HEADLINE,
	S_NEWS_KEYWORDS, S_KEYWORDS, S_HTML_LANG, S_META_LANG,
	/* JSON-LD's */
	S_LD_HEADLINE, S_LD_DATE, S_LD_CREATED, S_LD_PUBLISHER, S_LD_LANG,
	S_LD_BODY,
	S_COUNT
};

static const struct {
	const char *key;
	enum slot slot;
} meta_keys[] = {
	{ "og:title", S_OG_TITLE },
	{ "twitter:title", S_TW_TITLE },
	{ "og:site_name", S_SITE },
	{ "article:published_time", S_PUBLISHED },
	{ "og:article:published_time", S_PUBLISHED },
	{ "date", S_DATE },
	{ "pubdate", S_DATE },
	{ "publishdate", S_DATE },
	{ "publish-date", S_DATE },
	{ "publish_date", S_DATE },
	{ "dc.date.issued", S_DATE },
	{ "dcterms.issued", S_DATE },
	{ "dc.date", S_DATE },
	{ "dcterms.date", S_DATE },
	{ "datepublished", S_ITEMPROP_DATE },
	{ "author", S_AUTHOR },
	{ "dc.creator", S_AUTHOR },
	{ "article:author", S_ARTICLE_AUTHOR },
	{ "news_keywords", S_NEWS_KEYWORDS },
	{ "keywords", S_KEYWORDS },
	{ "content-language", S_META_LANG },
	{ "language", S_META_LANG },
	{ "dc.language", S_META_LANG },
};

/* Texts of elements, caught as the parser reads them. */
enum catch_what {
	CATCH_TITLE = 1 << 0,		/* <title> */
	CATCH_H1 = 1 << 1,		/* <h1>, for the headline */
	CATCH_HEAD = 1 << 2,		/* h1..h3, b, strong: for the title */
	CATCH_REL_AUTHOR = 1 << 3,	/* <a rel=author> */
	CATCH_HEADLINE = 1 << 4,	/* itemprop=headline */
	CATCH_AUTHOR = 1 << 5,		/* itemprop=author */
	CATCH_AUTHOR_NAME = 1 << 6,	/* its itemprop=name */
	CATCH_LD = 1 << 7,		/* JSON-LD, as it is */
	CATCH_BYLINE = 1 << 8		/* class=byline, class=author */
};

#define MAX_CATCH 8
#define MAX_BYLINES 4

struct catch {
	size_t node;		/* the element whose text it is */
	unsigned what;		/* enum catch_what */
	size_t junk;		/* junk elements open inside it: none */
	struct wbuf buf;
	struct textb t;
	int full;		/* more than it may hold */
};

/* An element's text or attribute, noted for later. */
struct noted {
	size_t node;
	char *text;
};

/* Everything one reading holds. */
struct page {
	htmlParserCtxtPtr ctxt;
	struct hnode *nodes;
	size_t nnodes, cap;
	size_t cur;			/* the innermost open element */
	size_t body;
	int failed;			/* out of memory: the parser stopped */

	/* the text, in runs */
	struct run *runs;
	size_t nruns, runs_cap;
	struct wbuf text;		/* the runs' text, one after another */
	size_t container;		/* the innermost open block */
	struct textb t;			/* the run being built */
	size_t link_depth, links;
	int br;				/* the run's last thing was a <br> */
	size_t total_chars;

	/* what the page states */
	struct catch catches[MAX_CATCH];
	size_t ncatch;
	size_t junk_open;		/* elements of a junk kind open */
	unsigned caught;		/* enum catch_what: the first is had */
	char *slot[S_COUNT];
	struct wbuf tags;		/* article:tag values, "\n" between */
	char *ld[MAX_LD];		/* JSON-LD blocks */
	size_t nld;
	struct noted times[MAX_NODES];	/* <time datetime> */
	size_t ntimes;
	struct noted h1[MAX_NODES];
	size_t nh1;
	char *heads[MAX_NODES];		/* h1..h3, b, strong */
	size_t nheads;
	struct noted bylines[MAX_BYLINES];	/* class=byline, ... */
	size_t nbylines;
	json_t *ld_names;		/* JSON-LD authors: an array of names */
	json_t *ld_keywords;		/* JSON-LD keywords */

	size_t top;			/* the article's container */
};

static struct hnode *
node_at(struct page *pg, size_t i)
{
	return i == NO_NODE ? NULL : &pg->nodes[i];
}

/* Attribute name (lower case, as the parser gives it) of a start tag. */
static const char *
att(const xmlChar **atts, const char *name)
{
	size_t i;

	if (atts == NULL)
		return NULL;
	for (i = 0; atts[i] != NULL; i += 2)
		if (strcmp((const char *)atts[i], name) == 0)
			return atts[i + 1] != NULL ?
			    (const char *)atts[i + 1] : "";
	return NULL;
}

/* FNV-1a, to tell whether two class attributes are the same. */
static uint64_t
hash_of(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	if (s == NULL || *s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h | 1;
}

static void
fail(struct page *pg)
{
	pg->failed = 1;
	if (pg->ctxt != NULL)
		xmlStopParser(pg->ctxt);
}

static void
set_slot(struct page *pg, enum slot s, const char *v)
{
	if (pg->slot[s] == NULL && v != NULL)
		pg->slot[s] = clean_dups(v, MAX_FIELD);
}

static void
read_meta(struct page *pg, const xmlChar **atts)
{
	static const char *const key_atts[] = { "property", "name",
	    "itemprop", "http-equiv" };
	const char *content = att(atts, "content"), *key;
	size_t i, k;

	if (content == NULL)
		return;
	for (i = 0; i < NELEM(key_atts); i++) {
		if ((key = att(atts, key_atts[i])) == NULL)
			continue;
		if (ci_equal(key, "article:tag")) {
			char *v = clean_dups(content, MAX_KEYWORD);

			if (v != NULL && pg->tags.len < 64 * MAX_KEYWORD &&
			    (wbuf_puts(&pg->tags, v) != WARTA_OK ||
			    wbuf_putc(&pg->tags, '\n') != WARTA_OK))
				fail(pg);
			free(v);
			continue;
		}
		for (k = 0; k < NELEM(meta_keys); k++)
			if (ci_equal(key, meta_keys[k].key))
				set_slot(pg, meta_keys[k].slot, content);
	}
}

/* ---- the runs ---- */

static void
run_begin(struct page *pg)
{
	textb_start(&pg->t, &pg->text);
	pg->links = 0;
	pg->br = 0;
}

/* Ends the run being built: kept when it has text. */
static void
run_end(struct page *pg)
{
	struct run *r;

	if (pg->t.failed)
		fail(pg);
	if (pg->t.chars == 0 || pg->container == NO_NODE || pg->failed) {
		pg->text.len = pg->t.start;
		if (pg->text.data != NULL)
			pg->text.data[pg->text.len] = '\0';
		run_begin(pg);
		return;
	}
	if (pg->nruns == pg->runs_cap) {
		size_t cap = pg->runs_cap ? 2 * pg->runs_cap : 64;
		struct run *nr = realloc(pg->runs, cap * sizeof(*nr));

		if (nr == NULL) {
			fail(pg);
			return;
		}
		pg->runs = nr;
		pg->runs_cap = cap;
	}
	r = &pg->runs[pg->nruns++];
	memset(r, 0, sizeof(*r));
	r->container = pg->container;
	r->off = pg->t.start;
	r->len = pg->text.len - pg->t.start;
	r->chars = pg->t.chars;
	r->links = pg->links;
	r->commas = pg->t.commas;
	r->alnum = pg->t.alnum;
	if (wbuf_putc(&pg->text, '\0') != WARTA_OK)
		fail(pg);
	run_begin(pg);
}

/* The nearest block at or above element i. */
static size_t
block_of(struct page *pg, size_t i)
{
	while (i != NO_NODE && !(pg->nodes[i].kind & TK_BLOCK))
		i = pg->nodes[i].up;
	return i;
}

/* ---- the parser's events ---- */

static void
catch_begin(struct page *pg, size_t node, unsigned what)
{
	struct catch *c;

	if (what == 0 || pg->ncatch == MAX_CATCH)
		return;
	c = &pg->catches[pg->ncatch++];
	memset(c, 0, sizeof(*c));
	c->node = node;
	c->what = what;
	c->junk = pg->junk_open;
	wbuf_init(&c->buf);
	textb_start(&c->t, &c->buf);
	pg->caught |= what & (CATCH_TITLE | CATCH_REL_AUTHOR |
	    CATCH_HEADLINE | CATCH_AUTHOR | CATCH_AUTHOR_NAME);
}

static char *
catch_dup(const struct catch *c)
{
	return c->full || c->buf.len == 0 ? NULL :
	    strndup(c->buf.data, c->buf.len);
}

/* The text caught: to where it was caught for. */
static void
catch_end(struct page *pg)
{
	struct catch *c = &pg->catches[--pg->ncatch];

	if (c->t.failed)
		fail(pg);
	if ((c->what & CATCH_LD) && !c->full && c->buf.len > 0 &&
	    pg->nld < MAX_LD)
		pg->ld[pg->nld++] = catch_dup(c);
	if ((c->what & CATCH_TITLE) && pg->slot[S_TITLE] == NULL)
		pg->slot[S_TITLE] = catch_dup(c);
	if ((c->what & CATCH_REL_AUTHOR) && pg->slot[S_REL_AUTHOR] == NULL)
		pg->slot[S_REL_AUTHOR] = catch_dup(c);
	if ((c->what & CATCH_HEADLINE) &&
	    pg->slot[S_ITEMPROP_HEADLINE] == NULL)
		pg->slot[S_ITEMPROP_HEADLINE] = catch_dup(c);
	if ((c->what & CATCH_AUTHOR) && pg->slot[S_ITEMPROP_AUTHOR] == NULL)
		pg->slot[S_ITEMPROP_AUTHOR] = catch_dup(c);
	if ((c->what & CATCH_AUTHOR_NAME) &&
	    pg->slot[S_ITEMPROP_AUTHOR_NAME] == NULL)
		pg->slot[S_ITEMPROP_AUTHOR_NAME] = catch_dup(c);
	if ((c->what & CATCH_H1) && pg->nh1 < MAX_NODES) {
		pg->h1[pg->nh1].node = c->node;
		if ((pg->h1[pg->nh1].text = catch_dup(c)) != NULL)
			pg->nh1++;
	}
	if ((c->what & CATCH_BYLINE) && pg->nbylines < MAX_BYLINES) {
		pg->bylines[pg->nbylines].node = c->node;
		if ((pg->bylines[pg->nbylines].text = catch_dup(c)) != NULL)
			pg->nbylines++;
	}
	if ((c->what & CATCH_HEAD) && pg->nheads < MAX_NODES &&
	    (pg->heads[pg->nheads] = catch_dup(c)) != NULL)
		pg->nheads++;
	wbuf_release(&c->buf);
}

/* Is a role one of the site's furniture? */
static int
furniture_role(const char *v)
{
	static const char *const roles[] = { "navigation", "banner",
	    "contentinfo", "complementary", "search", "menu", "menubar",
	    "dialog", "alertdialog", "toolbar" };
	size_t i;

	for (i = 0; v != NULL && i < NELEM(roles); i++)
		if (has_word(v, roles[i]))
			return 1;
	return 0;
}

/* The page states what it states; the element gets its hints. */
static void
sax_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
	struct page *pg = ctx;
	const char *name = (const char *)xname, *v, *itemprop;
	struct hnode *h, *up;
	const struct tag_info *ti;
	unsigned hc, hi, what = 0;
	size_t i, k;
	int never, maybe;

	if (pg->failed)
		return;
	if (pg->nnodes == pg->cap) {
		size_t cap = pg->cap ? 2 * pg->cap : 256;
		struct hnode *nn = realloc(pg->nodes, cap * sizeof(*nn));

		if (nn == NULL) {
			fail(pg);
			return;
		}
		pg->nodes = nn;
		pg->cap = cap;
	}
	i = pg->nnodes++;
	h = &pg->nodes[i];
	memset(h, 0, sizeof(*h));
	h->up = pg->cur;
	h->end = NO_NODE;
	ti = tag_info(name);
	h->kind = ti->kind;
	if ((up = node_at(pg, h->up)) != NULL) {
		up->children++;
		h->flags |= up->flags & (HF_SKIP | HF_IN_ARTICLE |
		    HF_IN_CHROME | HF_IN_H1 | HF_IN_HEADING | HF_IN_SVG |
		    HF_IN_NEVER);
	}
	pg->cur = i;

	/* the hints: junk for sure (the tag, or a word no article has),
	 * or furniture, hidden, that holds no article unless it holds
	 * the one the page marks (and an inline element never does) */
	v = att(atts, "class");
	h->cls = hash_of(v);
	hc = hints_of(v);
	hi = hints_of(att(atts, "id"));
	h->weight = ((hc & (HINT_NEVER | HINT_BYLINE | HINT_FURNITURE |
	    HINT_WEAK)) ? -25 : (hc & HINT_CONTENT) ? 25 : 0) +
	    ((hi & (HINT_NEVER | HINT_BYLINE | HINT_FURNITURE | HINT_WEAK)) ?
	    -25 : (hi & HINT_CONTENT) ? 25 : 0);
	itemprop = att(atts, "itemprop");
	never = (h->kind & TK_JUNK) || ((hc | hi) & (HINT_NEVER | HINT_BYLINE)) ||
	    ((h->kind & TK_BLOCK) && has_word(itemprop, "author"));
	if ((hc | hi) & HINT_NEVER)
		h->flags |= HF_IN_NEVER;
	v = att(atts, "role");
	maybe = (((hc | hi) & (HINT_FURNITURE | HINT_CONTENT)) ==
	    HINT_FURNITURE) || furniture_role(v) ||
	    att(atts, "hidden") != NULL ||
	    ((v = att(atts, "aria-hidden")) != NULL && ci_equal(v, "true")) ||
	    style_hides(att(atts, "style"));
	if (never || (maybe && !(h->kind & TK_BLOCK)))
		h->flags |= HF_SKIP;
	else if (maybe)
		h->flags |= HF_MAYBE;
	if (h->kind & TK_ARTICLE)
		h->flags |= HF_IN_ARTICLE;
	if ((h->kind & TK_CHROME) && !((h->flags & HF_IN_ARTICLE) &&
	    ti->special == SP_HEADER))
		h->flags |= HF_IN_CHROME;
	if (h->kind & TK_H1)
		h->flags |= HF_IN_H1;
	if (h->kind & TK_HEADING)
		h->flags |= HF_IN_HEADING;
	if (ti->special == SP_SVG)
		h->flags |= HF_IN_SVG;
	v = att(atts, "role");
	if (has_word(v, "main"))
		h->flags |= HF_ROLE_MAIN;
	if (att(atts, "itemscope") != NULL)
		h->flags |= HF_ITEMSCOPE;

	/* what the page marks as the article: everything above it holds
	 * it, and is not dropped as furniture */
	if (has_word(itemprop, "articleBody"))
		h->flags |= HF_BODYMARK;
	if (!((hc | hi) & (HINT_NEVER | HINT_BYLINE)) &&
	    ((h->kind & (TK_ARTICLE | TK_MAIN)) ||
	    (h->flags & (HF_BODYMARK | HF_ROLE_MAIN)) ||
	    has_word(v, "article")))
		for (k = i; k != NO_NODE && !(pg->nodes[k].flags & HF_MARKED);
		    k = pg->nodes[k].up)
			pg->nodes[k].flags |= HF_MARKED;

	/* what the page states */
	if (h->kind & TK_JUNK)
		pg->junk_open++;
	if (ti->special == SP_META)
		read_meta(pg, atts);
	else if (ti->special == SP_HTML) {
		set_slot(pg, S_HTML_LANG, att(atts, "lang"));
		set_slot(pg, S_HTML_LANG, att(atts, "xml:lang"));
	} else if (ti->special == SP_BODY && pg->body == NO_NODE)
		pg->body = i;
	else if (ti->special == SP_TITLE && !(h->flags & HF_IN_SVG) &&
	    !(pg->caught & CATCH_TITLE))
		what |= CATCH_TITLE;
	else if (ti->special == SP_SCRIPT &&
	    (v = att(atts, "type")) != NULL &&
	    ci_prefix(v, strlen(v), "application/ld+json"))
		what |= CATCH_LD;
	else if (ti->special == SP_TIME &&
	    (v = att(atts, "datetime")) != NULL && pg->ntimes < MAX_NODES) {
		pg->times[pg->ntimes].node = i;
		if ((pg->times[pg->ntimes].text = clean_dups(v, 40)) != NULL)
			pg->ntimes++;
	}
	if (h->kind & TK_H1)
		what |= CATCH_H1;
	if ((h->kind & TK_H1) || ti->special == SP_HEAD)
		what |= CATCH_HEAD;
	if (((hc | hi) & HINT_BYLINE) && !(h->flags & HF_IN_NEVER) &&
	    pg->nbylines < MAX_BYLINES)
		what |= CATCH_BYLINE;
	if ((h->kind & TK_LINK) && has_word(att(atts, "rel"), "author") &&
	    !(pg->caught & CATCH_REL_AUTHOR))
		what |= CATCH_REL_AUTHOR;
	if (itemprop != NULL && ti->special != SP_META) {
		if (has_word(itemprop, "headline") &&
		    !(pg->caught & CATCH_HEADLINE))
			what |= CATCH_HEADLINE;
		if (has_word(itemprop, "author") &&
		    !(pg->caught & CATCH_AUTHOR))
			what |= CATCH_AUTHOR;
		else if (has_word(itemprop, "name") &&
		    !(pg->caught & CATCH_AUTHOR_NAME))
			for (k = 0; k < pg->ncatch; k++)
				if (pg->catches[k].what & CATCH_AUTHOR)
					what |= CATCH_AUTHOR_NAME;
		if (has_word(itemprop, "datePublished")) {
			set_slot(pg, S_ITEMPROP_DATE, att(atts, "datetime"));
			set_slot(pg, S_ITEMPROP_DATE, att(atts, "content"));
		}
	}
	/* a block starts a word in the texts being caught */
	if (h->kind & TK_BLOCK)
		for (k = 0; k < pg->ncatch; k++)
			pg->catches[k].t.space = 1;
	catch_begin(pg, i, what);

	/* the text */
	if (h->flags & HF_SKIP) {
		if ((h->kind & TK_BLOCK) && !(up != NULL &&
		    (up->flags & HF_SKIP)))
			pg->t.space = 1;
		return;
	}
	if (h->kind & TK_BR) {
		if (pg->br) {
			/* text split by <br><br>: its own paragraphs */
			run_end(pg);
			if (pg->container != NO_NODE)
				pg->nodes[pg->container].flags |= HF_BLOCKS;
		} else {
			pg->br = 1;
			pg->t.space = 1;
		}
	} else if (h->kind & TK_BLOCK) {
		run_end(pg);
		if (pg->container != NO_NODE)
			pg->nodes[pg->container].flags |= HF_BLOCKS;
		pg->container = i;
	} else if (h->kind & TK_LINK)
		pg->link_depth++;
}

static void
sax_end(void *ctx, const xmlChar *name)
{
	struct page *pg = ctx;
	struct hnode *h;
	size_t i = pg->cur;

	(void)name;
	if (pg->failed || i == NO_NODE)
		return;
	h = &pg->nodes[i];
	h->end = pg->nnodes;
	while (pg->ncatch > 0 && pg->catches[pg->ncatch - 1].node == i)
		catch_end(pg);
	if (h->kind & TK_JUNK)
		pg->junk_open--;
	pg->cur = h->up;
	if (h->flags & HF_SKIP) {
		if ((h->kind & TK_BLOCK) && pg->cur != NO_NODE &&
		    !(pg->nodes[pg->cur].flags & HF_SKIP))
			pg->t.space = 1;
		return;
	}
	if ((h->kind & TK_LINK) && pg->link_depth > 0)
		pg->link_depth--;
	if (h->kind & TK_BLOCK) {
		run_end(pg);
		pg->container = block_of(pg, h->up);
	}
}

static void
sax_text(void *ctx, const xmlChar *ch, int len)
{
	struct page *pg = ctx;
	const char *s = (const char *)ch;
	size_t n = len > 0 ? (size_t)len : 0, k, before;
	struct hnode *h;

	if (pg->failed)
		return;
	for (k = 0; k < pg->ncatch; k++) {
		struct catch *c = &pg->catches[k];

		if (c->full || (c->what & CATCH_LD) || pg->junk_open != c->junk)
			continue;
		textb_add(&c->t, s, n);
		if (c->buf.len > MAX_FIELD)
			c->full = 1;
	}
	if ((h = node_at(pg, pg->cur)) == NULL || (h->flags & HF_SKIP))
		return;
	before = pg->t.chars;
	textb_add(&pg->t, s, n);
	if (pg->t.chars > before) {
		h->own_text = 1;
		pg->br = 0;
		if (pg->link_depth > 0)
			pg->links += pg->t.chars - before;
	}
}

/* Script and style: only JSON-LD is read, as it is. */
static void
sax_cdata(void *ctx, const xmlChar *ch, int len)
{
	struct page *pg = ctx;
	size_t k;

	if (pg->failed || len <= 0)
		return;
	for (k = 0; k < pg->ncatch; k++) {
		struct catch *c = &pg->catches[k];

		if (!(c->what & CATCH_LD) || c->full)
			continue;
		if (c->buf.len + (size_t)len > LIMIT_HTML_JSON)
			c->full = 1;
		else if (wbuf_append(&c->buf, ch, (size_t)len) != WARTA_OK)
			fail(pg);
	}
}

/*
 * Once the page is read: what the parser left open is closed, furniture
 * that holds no article is dropped with all in it, and each element's
 * counts are made those of the runs under it (from the last element to
 * the first, every element comes after all it holds).
 */
static void
settle(struct page *pg)
{
	size_t i;

	for (i = pg->cur; i != NO_NODE; i = pg->nodes[i].up)
		pg->nodes[i].end = pg->nnodes;
	while (pg->ncatch > 0)
		catch_end(pg);
	run_end(pg);
	for (i = 0; i < pg->nnodes; i++) {
		struct hnode *h = &pg->nodes[i], *up = node_at(pg, h->up);

		if (((h->flags & HF_MAYBE) && !(h->flags & HF_MARKED)) ||
		    (up != NULL && (up->flags & HF_DEAD)))
			h->flags |= HF_DEAD;
	}
	for (i = 0; i < pg->nruns; i++) {
		struct run *r = &pg->runs[i];
		struct hnode *h = &pg->nodes[r->container];

		if (h->flags & HF_DEAD) {
			r->chars = 0;
			continue;
		}
		h->chars += r->chars;
		h->links += r->links;
		h->commas += r->commas;
		h->last_run = i + 1;
		pg->total_chars += r->chars;
	}
	for (i = pg->nnodes; i-- > 0; ) {
		struct hnode *h = &pg->nodes[i], *a = node_at(pg, h->up);

		if (a == NULL)
			continue;
		a->chars += h->chars;
		a->links += h->links;
		a->commas += h->commas;
		if (a->last_run < h->last_run)
			a->last_run = h->last_run;
	}
}

/* Is element i text of the page, not junk? */
static int
reached(const struct hnode *h)
{
	return !(h->flags & (HF_SKIP | HF_DEAD));
}

/* ---- the article's container ---- */

/* Is element i a, or under it? */
static int
inside(const struct page *pg, size_t i, size_t a)
{
	return i != NO_NODE && a != NO_NODE && i >= a && i < pg->nodes[a].end;
}

static double
link_density(const struct hnode *h)
{
	return h->chars > 0 ? (double)h->links / (double)h->chars : 0;
}

static double
final_score(const struct hnode *h)
{
	return h->score * (1 - link_density(h));
}

static void
init_score(struct hnode *h)
{
	h->flags |= HF_SCORED;
	h->score = h->weight;
	if (h->kind & TK_DIV)
		h->score += 5;
	else if (h->kind & TK_PLUS3)
		h->score += 3;
	else if (h->kind & TK_MINUS3)
		h->score -= 3;
	else if (h->kind & TK_MINUS5)
		h->score -= 5;
}

/* Does a run in h stand as a paragraph of its own (so that its score
 * goes to the element above), or as text inside a container? */
static int
paragraph_like(const struct hnode *h)
{
	return (h->kind & TK_PARA) || !(h->flags & HF_BLOCKS);
}

/* Readability's scoring: each paragraph gives its container and the
 * elements above a score for its length and commas. */
static void
score_runs(struct page *pg, size_t stop)
{
	size_t i, level, a;

	for (i = 0; i < pg->nruns; i++) {
		const struct run *r = &pg->runs[i];
		double s;

		if (r->chars < MIN_PARA)
			continue;
		s = 1 + (double)r->commas + (double)(r->chars / 100 > 3 ? 3 :
		    r->chars / 100);
		a = r->container;
		if (paragraph_like(&pg->nodes[a]) && a != stop)
			a = pg->nodes[a].up;
		for (level = 0; a != NO_NODE && level < SCORE_LEVELS;
		    level++, a = pg->nodes[a].up) {
			struct hnode *h = &pg->nodes[a];

			if (!(h->flags & HF_SCORED))
				init_score(h);
			h->score += s / (level == 0 ? 1 : level == 1 ? 2 :
			    (double)level * 3);
			if (a == stop)
				break;
		}
	}
}

/* The element marked (kind or flag) with the most text, or NO_NODE
 * when none holds enough of the page. */
static size_t
marked_best(const struct page *pg, unsigned kind, unsigned flag)
{
	size_t i, best = NO_NODE;

	for (i = 0; i < pg->nnodes; i++) {
		const struct hnode *h = &pg->nodes[i];

		if (!reached(h) || !((h->kind & kind) || (h->flags & flag)))
			continue;
		if (best == NO_NODE || h->chars > pg->nodes[best].chars)
			best = i;
	}
	if (best == NO_NODE || pg->nodes[best].chars < MIN_ARTICLE ||
	    pg->nodes[best].chars * 4 < pg->total_chars)
		return NO_NODE;
	return best;
}

/*
 * The article: the element the page marks as its body, or as an
 * article; otherwise the container that scores best inside <main> (or
 * the body) and its siblings that score close to it.  Marks what is
 * chosen HF_CONTENT; 0 when nothing is.
 */
static int
choose_content(struct page *pg)
{
	size_t scope, top = NO_NODE, i, c, up;
	double best = 0, threshold;
	struct hnode *t, *p;

	if ((top = marked_best(pg, 0, HF_BODYMARK)) != NO_NODE ||
	    (top = marked_best(pg, TK_ARTICLE, 0)) != NO_NODE ||
	    pg->nnodes == 0) {
		if (top != NO_NODE)
			pg->nodes[top].flags |= HF_CONTENT;
		pg->top = top;
		return top != NO_NODE;
	}
	if ((scope = marked_best(pg, TK_MAIN, HF_ROLE_MAIN)) == NO_NODE)
		scope = pg->body != NO_NODE ? pg->body : 0;
	score_runs(pg, scope);
	for (i = scope; i < pg->nodes[scope].end; i++) {
		const struct hnode *h = &pg->nodes[i];

		if ((h->flags & HF_SCORED) &&
		    (top == NO_NODE || final_score(h) > best)) {
			top = i;
			best = final_score(h);
		}
	}
	if (top == NO_NODE) {
		/* no paragraph long enough: the whole of the scope */
		pg->nodes[scope].flags |= HF_CONTENT;
		pg->top = scope;
		return pg->total_chars > 0;
	}
	/* Readability: a parent that scores better after all, or one that
	 * holds nothing but the top, is the container */
	{
		double last = final_score(&pg->nodes[top]), floor = last / 3;

		for (up = pg->nodes[top].up; up != NO_NODE && top != scope &&
		    inside(pg, up, scope); up = pg->nodes[up].up) {
			const struct hnode *u = &pg->nodes[up];

			if (!(u->flags & HF_SCORED))
				continue;
			if (final_score(u) < floor)
				break;
			if (final_score(u) > last) {
				top = up;
				break;
			}
			last = final_score(u);
		}
		while (top != scope && (up = pg->nodes[top].up) != NO_NODE &&
		    inside(pg, up, scope) && pg->nodes[up].children == 1 &&
		    !pg->nodes[up].own_text)
			top = up;
	}
	pg->top = top;
	t = &pg->nodes[top];
	t->flags |= HF_CONTENT;
	if (top == scope || t->up == NO_NODE)
		return 1;
	best = final_score(t);
	threshold = best * 0.2 > 10 ? best * 0.2 : 10;
	p = &pg->nodes[t->up];
	for (c = t->up + 1; c < p->end; c = pg->nodes[c].end) {
		struct hnode *s = &pg->nodes[c];
		double bonus = 0, ld;

		if (c == top || !reached(s))
			continue;
		if (t->cls != 0 && s->cls == t->cls)
			bonus = best * 0.2;
		ld = link_density(s);
		if ((s->flags & HF_SCORED) && final_score(s) + bonus >= threshold)
			s->flags |= HF_CONTENT;
		else if (s->kind & TK_P) {
			const struct run *r = s->last_run > 0 ?
			    &pg->runs[s->last_run - 1] : NULL;
			const char *text = r != NULL ? pg->text.data + r->off :
			    "";

			if (s->chars > 80 && ld < 0.25)
				s->flags |= HF_CONTENT;
			else if (s->chars > 0 && s->chars <= 80 && ld == 0 &&
			    r != NULL && (strstr(text, ". ") != NULL ||
			    text[r->len - 1] == '.'))
				s->flags |= HF_CONTENT;
		}
	}
	return 1;
}

/* Is element i inside what was chosen?  Known once for each element on
 * the way up. */
static int
in_content(struct page *pg, size_t i)
{
	size_t j, k;
	int in = 0;

	for (j = i; j != NO_NODE; j = pg->nodes[j].up) {
		const struct hnode *h = &pg->nodes[j];

		if (h->flags & HF_IN_KNOWN) {
			in = (h->flags & HF_IN) != 0;
			break;
		}
		if (h->flags & HF_CONTENT) {
			in = 1;
			break;
		}
	}
	for (k = i; k != j; k = pg->nodes[k].up)
		pg->nodes[k].flags |= HF_IN_KNOWN | (in ? HF_IN : 0);
	return in;
}

/*
 * The runs of the article, one block each, into out: not the <h1> (the
 * headline), not a run that is mostly links ("Baca juga: ..."), nor one
 * without a letter or digit; and a subhead only when text follows it
 * (not "Related articles" over links that went).
 */
static int
give_body(struct page *pg, struct wbuf *out)
{
	size_t i, j;
	int first = 1;

	for (i = 0; i < pg->nruns; i++) {
		struct run *r = &pg->runs[i];
		const struct hnode *h = &pg->nodes[r->container];

		r->in = r->chars > 0 && in_content(pg, r->container);
		r->keep = r->in && r->alnum > 0 && 2 * r->links <= r->chars &&
		    !(h->flags & HF_IN_H1);
	}
	for (i = pg->nruns; i-- > 0; ) {
		struct run *r = &pg->runs[i];

		if (!r->keep ||
		    !(pg->nodes[r->container].flags & HF_IN_HEADING))
			continue;
		for (j = i + 1; j < pg->nruns && !pg->runs[j].in; j++)
			;
		if (j == pg->nruns || !pg->runs[j].keep)
			r->keep = 0;
	}
	for (i = 0; i < pg->nruns; i++) {
		const struct run *r = &pg->runs[i];

		if (!r->keep)
			continue;
		if ((!first && wbuf_puts(out, "\n\n") != WARTA_OK) ||
		    wbuf_append(out, pg->text.data + r->off, r->len) !=
		    WARTA_OK)
			return WARTA_FAILED;
		first = 0;
	}
	return WARTA_OK;
}

/* ---- JSON-LD ---- */

static const char *
json_str(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	if (json_is_array(v))
		v = json_array_get(v, 0);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Is "@type" (a string or a list) an article's? */
static int
is_article_type(const json_t *t)
{
	static const char *const types[] = { "Article", "NewsArticle",
	    "ReportageNewsArticle", "AnalysisNewsArticle",
	    "BackgroundNewsArticle", "OpinionNewsArticle",
	    "ReviewNewsArticle", "AskPublicNewsArticle", "SatiricalArticle",
	    "BlogPosting", "LiveBlogPosting", "Report" };
	size_t i, k;

	if (json_is_array(t)) {
		for (i = 0; i < json_array_size(t); i++)
			if (is_article_type(json_array_get(t, i)))
				return 1;
		return 0;
	}
	if (json_is_string(t)) {
		const char *s = json_string_value(t), *p;

		/* "schema:NewsArticle", "https://schema.org/NewsArticle" */
		for (p = s; *p != '\0'; p++)
			if (*p == '/' || *p == ':')
				s = p + 1;
		for (k = 0; k < NELEM(types); k++)
			if (strcmp(s, types[k]) == 0)
				return 1;
	}
	return 0;
}

static const json_t *
find_article(const json_t *v, int depth)
{
	const json_t *f;
	size_t i;

	if (depth > 4)
		return NULL;
	if (json_is_array(v)) {
		for (i = 0; i < json_array_size(v); i++)
			if ((f = find_article(json_array_get(v, i),
			    depth + 1)) != NULL)
				return f;
		return NULL;
	}
	if (!json_is_object(v))
		return NULL;
	if (is_article_type(json_object_get(v, "@type")))
		return v;
	if ((f = find_article(json_object_get(v, "@graph"), depth + 1)) !=
	    NULL)
		return f;
	return find_article(json_object_get(v, "mainEntity"), depth + 1);
}

/* Authors: a name, a Person, or a list of them; organizations are not
 * the article's creator. */
static void
ld_authors(json_t *names, const json_t *a, int depth)
{
	size_t i;

	if (json_is_array(a)) {
		for (i = 0; i < json_array_size(a) && i < MAX_NAMES &&
		    depth < 2; i++)
			ld_authors(names, json_array_get(a, i), depth + 1);
		return;
	}
	if (json_is_string(a))
		json_array_append_new(names, json_string(json_string_value(a)));
	else if (json_is_object(a)) {
		const char *name = json_str(a, "name"),
		    *type = json_str(a, "@type");

		if (type != NULL && strcmp(type, "Organization") == 0)
			return;
		if (name != NULL)
			json_array_append_new(names, json_string(name));
	}
}

/* The first JSON-LD article of the page: its fields into the slots. */
static void
read_json_ld(struct page *pg)
{
	json_error_t jerr;
	size_t i;

	for (i = 0; i < pg->nld; i++) {
		const json_t *art, *v;
		const char *body;
		json_t *root, *kw;

		if (pg->ld[i] == NULL || (root = json_loads(pg->ld[i], 0,
		    &jerr)) == NULL)
			continue;
		if ((art = find_article(root, 0)) == NULL) {
			json_decref(root);
			continue;
		}
		set_slot(pg, S_LD_HEADLINE, json_str(art, "headline"));
		set_slot(pg, S_LD_DATE, json_str(art, "datePublished"));
		set_slot(pg, S_LD_CREATED, json_str(art, "dateCreated"));
		v = json_object_get(art, "publisher");
		set_slot(pg, S_LD_PUBLISHER, json_is_object(v) ?
		    json_str(v, "name") : json_str(art, "publisher"));
		set_slot(pg, S_LD_LANG, json_str(art, "inLanguage"));
		if ((body = json_str(art, "articleBody")) != NULL &&
		    (pg->slot[S_LD_BODY] = strdup(body)) == NULL)
			fail(pg);
		if ((pg->ld_names = json_array()) != NULL)
			ld_authors(pg->ld_names, json_object_get(art,
			    "author"), 0);
		kw = json_object_get(art, "keywords");
		if (json_is_string(kw) || json_is_array(kw))
			pg->ld_keywords = json_incref(kw);
		json_decref(root);
		break;
	}
}


/* ---- the fields ---- */

static int
is_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

size_t
html_date_normalize(const char *s, char out[40])
{
	const char *p, *frac = NULL;
	int h, mi, sec = 0, zh = 0, zm = 0, zulu = 0;
	char sign = '+';
	size_t n, nfrac = 0;

	if (s == NULL)
		return 0;
	while (*s == ' ')
		s++;
	/* the day: YYYY-MM-DD (or YYYY/MM/DD) */
	if (strlen(s) < 10 || !is_digits(s, 4) || (s[4] != '-' &&
	    s[4] != '/') || s[7] != s[4] || !is_digits(s + 5, 2) ||
	    !is_digits(s + 8, 2))
		return 0;
	memcpy(out, s, 10);
	out[4] = out[7] = '-';
	out[10] = '\0';
	if (!input_valid_date(out) || is_digits(s + 10, 1))
		return 0;
	/* the time: THH:MM[:SS[.fff]], else the day alone */
	p = s + 10;
	if ((*p != 'T' && *p != ' ') || !is_digits(p + 1, 2) || p[3] != ':' ||
	    !is_digits(p + 4, 2))
		return 10;
	h = (p[1] - '0') * 10 + (p[2] - '0');
	mi = (p[4] - '0') * 10 + (p[5] - '0');
	p += 6;
	if (*p == ':' && is_digits(p + 1, 2)) {
		sec = (p[1] - '0') * 10 + (p[2] - '0');
		p += 3;
		if (*p == '.' && is_digits(p + 1, 1)) {
			frac = ++p;
			while (is_digits(p, 1))
				p++;
			nfrac = (size_t)(p - frac) > 9 ? 9 : (size_t)(p - frac);
		}
	}
	if (h > 23 || mi > 59 || sec > 59)
		return 10;
	/* the zone: Z, UTC, GMT, +HH:MM, +HHMM, +HH; without one, the day
	 * alone (a time in no zone is no moment) */
	while (*p == ' ')
		p++;
	if (*p == 'Z') {
		zulu = 1;
		p++;
	} else if (ci_prefix(p, strlen(p), "utc") ||
	    ci_prefix(p, strlen(p), "gmt")) {
		zulu = 1;
		p += 3;
	} else if ((*p == '+' || *p == '-') && is_digits(p + 1, 2)) {
		sign = *p;
		zh = (p[1] - '0') * 10 + (p[2] - '0');
		p += 3;
		if (*p == ':')
			p++;
		if (is_digits(p, 2)) {
			zm = (p[0] - '0') * 10 + (p[1] - '0');
			p += 2;
		}
		if (zh > 14 || zm > 59)
			return 10;
	} else
		return 10;
	while (*p == ' ')
		p++;
	if (*p != '\0')
		return 10;
	n = 10 + (size_t)snprintf(out + 10, 30, "T%02d:%02d:%02d", h, mi,
	    sec);
	if (nfrac > 0) {
		out[n++] = '.';
		memcpy(out + n, frac, nfrac);
		n += nfrac;
	}
	if (zulu)
		out[n++] = 'Z';
	else
		n += (size_t)snprintf(out + n, 40 - n, "%c%02d:%02d", sign, zh,
		    zm);
	out[n] = '\0';
	if (!input_valid_date(out)) {
		out[10] = '\0';
		return 10;
	}
	return n;
}

/* A name as the page gives it ("By Jane Doe"), or NULL for none (a URL,
 * a handle). */
static char *
clean_name(const char *s)
{
	static const char *const by[] = { "by ", "by:", "oleh ", "oleh:",
	    "penulis ", "penulis:", "reporter ", "reporter:", "written by " };
	char *v, *p;
	size_t i, n;

	if ((v = clean_dups(s, MAX_NAME)) == NULL)
		return NULL;
	for (i = 0; i < NELEM(by); i++)
		if (ci_prefix(v, strlen(v), by[i])) {
			for (p = v + strlen(by[i]); *p == ' ' || *p == ':'; p++)
				;
			memmove(v, p, strlen(p) + 1);
			break;
		}
	n = strlen(v);
	if (n == 0 || strstr(v, "://") != NULL || ci_prefix(v, n, "www.") ||
	    v[0] == '@' || v[0] == '/' || strchr(v, '@') != NULL) {
		free(v);
		return NULL;
	}
	return v;
}

/* The names joined: "A", "A and B", "A, B and C". */
static char *
join_names(char **names, size_t n)
{
	struct wbuf b = WBUF_INIT;
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0 && wbuf_puts(&b, i + 1 == n ? " and " : ", ") !=
		    WARTA_OK)
			break;
		if (wbuf_puts(&b, names[i]) != WARTA_OK)
			break;
	}
	if (i < n) {
		wbuf_release(&b);
		return NULL;
	}
	return wbuf_steal(&b);
}

static int
add_unique(char ***list, size_t *n, size_t max, char *v)
{
	size_t i;
	char **nl;

	if (v == NULL)
		return 0;
	for (i = 0; i < *n; i++)
		if (ci_equal((*list)[i], v))
			break;
	if (i < *n || *n >= max || (nl = realloc(*list,
	    (*n + 1) * sizeof(**list))) == NULL) {
		free(v);
		return 0;
	}
	*list = nl;
	nl[(*n)++] = v;
	return 1;
}

/* Keywords from "a, b; c" into p. */
static void
add_keywords(struct html_page *p, const char *s, const char *seps)
{
	const char *e;

	while (s != NULL && *s != '\0') {
		e = s + strcspn(s, seps);
		add_unique(&p->keywords, &p->nkeywords, MAX_KEYWORDS,
		    clean_dup(s, (size_t)(e - s), MAX_KEYWORD));
		s = *e != '\0' ? e + 1 : e;
	}
}

/* A BCP 47 tag as written ("id", "en_GB", "en-gb"): the primary in
 * lower case; NULL when it is none. */
static char *
clean_lang(const char *s)
{
	char *v;
	size_t i, part = 0, n;

	if (s == NULL || (v = clean_dups(s, 35)) == NULL)
		return NULL;
	n = strlen(v);
	for (i = 0; i <= n; i++) {
		char c = v[i];

		if (c == '_')
			c = v[i] = '-';
		if (c == '-' || c == '\0') {
			if (part == 0 || part > 8 || (i == part &&
			    (part < 2 || part > 3)))
				break;
			part = 0;
			if (c == '\0') {
				for (i = 0; v[i] != '-' && v[i] != '\0'; i++)
					v[i] = (char)ascii_lower(
					    (unsigned char)v[i]);
				return v;
			}
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9' && i >= 2)))
			break;
		part++;
	}
	free(v);
	return NULL;
}

/*
 * Does part (n bytes) of a title name the site?  The same words, case
 * aside, or the one in the other when both have three bytes or more
 * ("Kompas" and "Kompas.com").
 */
static int
names_site(const char *part, size_t n, const char *site)
{
	size_t k = strlen(site);
	char *a;
	int hit;

	if (k == 0 || n == 0)
		return 0;
	if ((a = clean_dup(part, n, MAX_FIELD)) == NULL)
		return 0;
	n = strlen(a);
	hit = (n == k && ci_equal(a, site)) || (n >= 3 && k >= 3 &&
	    (n >= k ? ci_find(a, n, site) != NULL :
	    ci_find(site, k, a) != NULL));
	free(a);
	return hit;
}

/*
 * The name in a byline the page shows ("by Sam Ortiz", "Rina Marlina -
 * jabarnews"): the site's name cut from its end; none when what is left
 * holds a figure (a date) or is more than a name's length.
 */
static char *
byline_name(const char *s, const char *site)
{
	static const char *const seps[] = { " - ", " | ", " / ", ", " };
	char *v;
	const char *p;
	size_t i, words = 1;

	if ((v = clean_name(s)) == NULL)
		return NULL;
	for (i = 0; site != NULL && i < NELEM(seps); i++)
		if ((p = strstr(v, seps[i])) != NULL && p > v &&
		    names_site(p + strlen(seps[i]), strlen(p + strlen(seps[i])),
		    site)) {
			v[p - v] = '\0';
			break;
		}
	for (p = v; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			break;
		words += *p == ' ';
	}
	if (*p != '\0' || words > 6 || v[0] == '\0') {
		free(v);
		return NULL;
	}
	return v;
}

/* The byline s as the page shows it, up to the end of the name in it
 * (a site's name after it cut), when words stand before the name:
 * "Oleh: Sri Wahyuni", "by Sam Ortiz"; NULL for a name alone. */
static char *
shown_byline(const char *s, const char *name)
{
	char *v, *at;

	if ((v = clean_dups(s, MAX_NAME)) == NULL)
		return NULL;
	if ((at = strstr(v, name)) == NULL || at == v) {
		free(v);
		return NULL;
	}
	at[strlen(name)] = '\0';
	return v;
}

/* Is s[0, n) the whole text of one of the page's headings (h1 to h3,
 * or a line in bold)? */
static int
names_heading(const struct page *pg, const char *s, size_t n)
{
	char *a;
	size_t i;
	int hit = 0;

	if ((a = clean_dup(s, n, MAX_FIELD)) == NULL)
		return 0;
	for (i = 0; i < pg->nheads && !hit; i++)
		hit = ci_equal(a, pg->heads[i]);
	free(a);
	return hit;
}

/*
 * A title with the site's name cut from its end or start ("Title |
 * Site", "Site - Title"): the part that is not the site (site, the name
 * the page gives, or NULL), or the part that is the text of a heading;
 * the title whole when neither is known.
 */
static char *
cut_site(const struct page *pg, char *title, const char *site)
{
	static const char *const seps[] = { " | ", " - ", " \xE2\x80\x93 ",
	    " \xE2\x80\x94 ", " :: ", " \xC2\xBB ", " \xC2\xB7 ", " / " };
	size_t i, n, k;
	const char *p, *last;

	if (title == NULL)
		return NULL;
	n = strlen(title);
	for (i = 0; i < NELEM(seps); i++) {
		k = strlen(seps[i]);
		last = NULL;
		for (p = title; (p = strstr(p, seps[i])) != NULL; p += k)
			last = p;
		if (last == NULL || last == title || last + k == title + n)
			continue;
		if ((site != NULL && names_site(last + k,
		    n - (size_t)(last - title) - k, site)) ||
		    names_heading(pg, title, (size_t)(last - title))) {
			title[last - title] = '\0';
			return title;
		}
		p = strstr(title, seps[i]);
		if ((site != NULL && names_site(title, (size_t)(p - title),
		    site)) || names_heading(pg, p + k, strlen(p + k))) {
			memmove(title, p + k, strlen(p + k) + 1);
			return title;
		}
	}
	return title;
}

/* The first noted text of an element inside scope (and outside the
 * site's furniture, when no_chrome), or NULL. */
static const char *
first_inside(const struct page *pg, const struct noted *notes, size_t n,
    size_t scope, int no_chrome)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (inside(pg, notes[i].node, scope) && !(no_chrome &&
		    (pg->nodes[notes[i].node].flags & HF_IN_CHROME)))
			return notes[i].text;
	return NULL;
}

/* Where the article's own heading and date are: the <article> (or
 * <main>, or element the page marks) around the container, else the
 * container's parent. */
static size_t
article_scope(const struct page *pg)
{
	size_t i;

	if (pg->top == NO_NODE)
		return pg->body;
	for (i = pg->top; i != NO_NODE && i != pg->body; i = pg->nodes[i].up)
		if ((pg->nodes[i].kind & (TK_ARTICLE | TK_MAIN)) ||
		    (pg->nodes[i].flags & (HF_ITEMSCOPE | HF_ROLE_MAIN)))
			return i;
	return pg->top != pg->body && pg->nodes[pg->top].up != NO_NODE ?
	    pg->nodes[pg->top].up : pg->top;
}

static void
state_fields(struct page *pg, struct html_page *p)
{
	static const enum slot dates[] = { S_LD_DATE, S_PUBLISHED, S_DATE,
	    S_ITEMPROP_DATE };
	static const enum slot authors[] = { S_AUTHOR, S_REL_AUTHOR,
	    S_ARTICLE_AUTHOR, S_ITEMPROP_AUTHOR_NAME, S_ITEMPROP_AUTHOR };
	size_t scope = article_scope(pg), nnames = 0, i;
	char **names = NULL, date[40], *v;
	const char *s;

	/* the site, then the language */
	p->outlet = clean_dups(pg->slot[S_LD_PUBLISHER] != NULL ?
	    pg->slot[S_LD_PUBLISHER] : pg->slot[S_SITE], MAX_FIELD);
	if ((p->lang = clean_lang(pg->slot[S_LD_LANG])) == NULL &&
	    (p->lang = clean_lang(pg->slot[S_HTML_LANG])) == NULL)
		p->lang = clean_lang(pg->slot[S_META_LANG]);

	/* the headline */
	if (pg->slot[S_LD_HEADLINE] != NULL)
		p->headline = clean_dups(pg->slot[S_LD_HEADLINE], MAX_FIELD);
	if (p->headline == NULL && pg->slot[S_OG_TITLE] != NULL)
		p->headline = cut_site(pg, clean_dups(pg->slot[S_OG_TITLE],
		    MAX_FIELD), p->outlet);
	if (p->headline == NULL && pg->slot[S_TW_TITLE] != NULL)
		p->headline = cut_site(pg, clean_dups(pg->slot[S_TW_TITLE],
		    MAX_FIELD), p->outlet);
	if (p->headline == NULL && pg->slot[S_ITEMPROP_HEADLINE] != NULL)
		p->headline = clean_dups(pg->slot[S_ITEMPROP_HEADLINE],
		    MAX_FIELD);
	if (p->headline == NULL && scope != NO_NODE &&
	    (s = first_inside(pg, pg->h1, pg->nh1, scope, 1)) != NULL)
		p->headline = strdup(s);
	if (p->headline == NULL && pg->slot[S_TITLE] != NULL)
		p->headline = cut_site(pg, clean_dups(pg->slot[S_TITLE],
		    MAX_FIELD), p->outlet);

	/* the date: the first that reads as one */
	for (i = 0; i < NELEM(dates) && p->created == NULL; i++)
		if (html_date_normalize(pg->slot[dates[i]], date) > 0)
			p->created = strdup(date);
	if (p->created == NULL && scope != NO_NODE &&
	    (s = first_inside(pg, pg->times, pg->ntimes, scope, 0)) != NULL &&
	    html_date_normalize(s, date) > 0)
		p->created = strdup(date);
	if (p->created == NULL &&
	    html_date_normalize(pg->slot[S_LD_CREATED], date) > 0)
		p->created = strdup(date);

	/* the people: JSON-LD's, else the first source that names one */
	for (i = 0; pg->ld_names != NULL && i < json_array_size(pg->ld_names);
	    i++)
		if ((v = clean_name(json_string_value(json_array_get(
		    pg->ld_names, i)))) != NULL && (p->outlet == NULL ||
		    !ci_equal(v, p->outlet)))
			add_unique(&names, &nnames, MAX_NAMES, v);
		else
			free(v);
	for (i = 0; i < NELEM(authors) && nnames == 0; i++)
		if ((v = clean_name(pg->slot[authors[i]])) != NULL &&
		    (p->outlet == NULL || !ci_equal(v, p->outlet)))
			add_unique(&names, &nnames, MAX_NAMES, v);
		else
			free(v);
	if (nnames == 0 && scope != NO_NODE &&
	    (s = first_inside(pg, pg->bylines, pg->nbylines, scope, 0)) !=
	    NULL && (v = byline_name(s, p->outlet)) != NULL) {
		add_unique(&names, &nnames, MAX_NAMES, v);
		p->byline = shown_byline(s, v);
	}
	/* A byline the page shows is kept as it shows it ("Oleh: Sri
	 * Wahyuni"); names only its markup states are said "By ...". */
	if (nnames > 0 && (p->creator = join_names(names, nnames)) != NULL &&
	    p->byline == NULL) {
		struct wbuf b = WBUF_INIT;

		if (wbuf_puts(&b, "By ") == WARTA_OK &&
		    wbuf_puts(&b, p->creator) == WARTA_OK)
			p->byline = wbuf_steal(&b);
		wbuf_release(&b);
	}
	for (i = 0; i < nnames; i++)
		free(names[i]);
	free(names);

	/* the keywords: the surest source that has any */
	if (json_is_string(pg->ld_keywords))
		add_keywords(p, json_string_value(pg->ld_keywords), ",");
	else if (json_is_array(pg->ld_keywords))
		for (i = 0; i < json_array_size(pg->ld_keywords); i++)
			if (json_is_string(json_array_get(pg->ld_keywords, i)))
				add_keywords(p, json_string_value(
				    json_array_get(pg->ld_keywords, i)), "");
	if (p->nkeywords == 0)
		add_keywords(p, pg->slot[S_NEWS_KEYWORDS], ",;");
	if (p->nkeywords == 0)
		add_keywords(p, pg->slot[S_KEYWORDS], ",;");
	if (p->nkeywords == 0 && pg->tags.len > 0)
		add_keywords(p, pg->tags.data, "\n");
}

/* ---- the page ---- */

static void
page_free(struct page *pg)
{
	size_t i;

	for (i = 0; i < pg->ncatch; i++)
		wbuf_release(&pg->catches[i].buf);
	for (i = 0; i < S_COUNT; i++)
		free(pg->slot[i]);
	for (i = 0; i < pg->nld; i++)
		free(pg->ld[i]);
	for (i = 0; i < pg->ntimes; i++)
		free(pg->times[i].text);
	for (i = 0; i < pg->nh1; i++)
		free(pg->h1[i].text);
	for (i = 0; i < pg->nheads; i++)
		free(pg->heads[i]);
	for (i = 0; i < pg->nbylines; i++)
		free(pg->bylines[i].text);
	json_decref(pg->ld_names);
	json_decref(pg->ld_keywords);
	wbuf_release(&pg->tags);
	wbuf_release(&pg->text);
	free(pg->runs);
	free(pg->nodes);
}

/*
 * Reads the page: the charset found (*charset: NULL for UTF-8 with stray
 * bytes), the bytes decoded here when text/decode.c knows their charset
 * (so that Windows-1252 maps all 256 bytes, as browsers read it, where
 * iconv would stop at an undefined byte) and by libxml2 (iconv)
 * otherwise, and parsed by libxml2's HTML parser, whose events build
 * the page (no tree is made: the elements and the runs are all that is
 * kept).
 */
static int
parse_page(struct page *pg, const unsigned char *buf, size_t len,
    const char *stated, struct wbuf *dec, const char **charset, char *label,
    size_t label_size, struct warta_error *err)
{
	enum text_encoding want = TEXT_AUTO, found;
	xmlCharEncodingHandlerPtr hdlr = NULL;
	htmlSAXHandler sax;
	struct xml_quiet q;
	const unsigned char *src;
	size_t i, n;
	int bom;

	bom = (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) ||
	    (len >= 2 && ((buf[0] == 0xFF && buf[1] == 0xFE) ||
	    (buf[0] == 0xFE && buf[1] == 0xFF)));
	if (!bom && (stated_charset(stated, label, label_size) ||
	    meta_charset(buf, len, label, label_size))) {
		for (i = 0; i < NELEM(charset_labels); i++)
			if (strcmp(label, charset_labels[i].label) == 0)
				break;
		if (i < NELEM(charset_labels))
			want = charset_labels[i].enc;
		else
			hdlr = xmlFindCharEncodingHandler(label);
	}
	if (hdlr != NULL) {
		const unsigned char *nul = memchr(buf, '\0', len);

		if (nul != NULL) {
			xmlCharEncCloseFunc(hdlr);
			return warta_error_set(err, nul - buf,
			    "binary data at byte %zu, not text",
			    (size_t)(nul - buf));
		}
		src = buf;
		n = len;
		*charset = label;
	} else {
		wbuf_reset(dec);
		if (text_decode(buf, len, want, dec, &found, err) != WARTA_OK)
			return WARTA_FAILED;
		src = (const unsigned char *)dec->data;
		n = dec->len;
		*charset = found == TEXT_UTF8_MIXED ? NULL :
		    text_encoding_name(found);
	}
	if (n > INT32_MAX) {
		if (hdlr != NULL)
			xmlCharEncCloseFunc(hdlr);
		return warta_error_set(err, -1, "too large for the HTML parser");
	}
	if ((pg->ctxt = htmlCreateMemoryParserCtxt((const char *)src,
	    (int)n)) == NULL) {
		if (hdlr != NULL)
			xmlCharEncCloseFunc(hdlr);
		return warta_error_set(err, -1, "out of memory");
	}
	memset(&sax, 0, sizeof(sax));
	sax.startElement = sax_start;
	sax.endElement = sax_end;
	sax.characters = sax_text;
	sax.ignorableWhitespace = sax_text;
	sax.cdataBlock = sax_cdata;
	memcpy(pg->ctxt->sax, &sax, sizeof(sax));
	pg->ctxt->userData = pg;
	/* the charset is set, and said to be set, as htmlCtxtReadMemory()
	 * does it: else at the first byte past ASCII libxml2 guesses one
	 * from the page's <meta> (HTML_PARSE_IGNORE_ENC or not) */
	if (hdlr != NULL)
		xmlSwitchToEncoding(pg->ctxt, hdlr);
	else
		xmlSwitchEncoding(pg->ctxt, XML_CHAR_ENCODING_UTF8);
	if (pg->ctxt->input != NULL && pg->ctxt->input->encoding == NULL)
		pg->ctxt->input->encoding = xmlStrdup(X(hdlr != NULL ? label :
		    "UTF-8"));
	htmlCtxtUseOptions(pg->ctxt, HTML_OPTIONS);
	pg->cur = pg->body = pg->container = pg->top = NO_NODE;
	run_begin(pg);
	xml_quiet_begin(&q, drop_error, NULL);
	(void)htmlParseDocument(pg->ctxt);
	xml_quiet_end(&q);
	if (pg->ctxt->myDoc != NULL)
		xmlFreeDoc(pg->ctxt->myDoc);
	htmlFreeParserCtxt(pg->ctxt);
	pg->ctxt = NULL;
	if (!pg->failed)
		settle(pg);
	if (pg->failed)
		return warta_error_set(err, -1, "out of memory");
	return WARTA_OK;
}

/* JSON-LD's articleBody, one block a line, when the markup gave none. */
static int
body_from_ld(const char *s, struct wbuf *out)
{
	const char *e;
	char *v;

	while (s != NULL && *s != '\0') {
		e = s + strcspn(s, "\n");
		if ((v = clean_dup(s, (size_t)(e - s), WBUF_MAX)) != NULL) {
			if ((out->len > 0 && wbuf_puts(out, "\n\n") !=
			    WARTA_OK) || wbuf_puts(out, v) != WARTA_OK) {
				free(v);
				return WARTA_FAILED;
			}
			free(v);
		}
		s = *e != '\0' ? e + 1 : e;
	}
	return WARTA_OK;
}

int
html_page_read(struct html_page *p, const unsigned char *buf, size_t len,
    const char *charset_stated, struct warta_error *err)
{
	struct page pg;
	struct wbuf dec = WBUF_INIT, body = WBUF_INIT;
	char label[sizeof(p->charset)];
	const char *charset = NULL;
	int rc = WARTA_FAILED;

	memset(p, 0, sizeof(*p));
	memset(&pg, 0, sizeof(pg));
	if (len == 0)
		return warta_error_set(err, 0, "empty file");
	xmlInitParser();
	if (parse_page(&pg, buf, len, charset_stated, &dec, &charset, label,
	    sizeof(label), err) != WARTA_OK)
		goto out;
	if (charset != NULL)
		snprintf(p->charset, sizeof(p->charset), "%s", charset);
	read_json_ld(&pg);
	if (choose_content(&pg) && give_body(&pg, &body) != WARTA_OK) {
		warta_error_set(err, -1, "out of memory");
		goto out;
	}
	if (body.len == 0 && body_from_ld(pg.slot[S_LD_BODY], &body) !=
	    WARTA_OK) {
		warta_error_set(err, -1, "out of memory");
		goto out;
	}
	if (body.len == 0) {
		warta_error_set(err, -1, "no article text in the page (only "
		    "markup, navigation and boilerplate)");
		rc = HTML_NO_ARTICLE;
		goto out;
	}
	state_fields(&pg, p);
	p->text_len = body.len;
	p->text = wbuf_steal(&body);
	rc = WARTA_OK;
out:
	if (rc != WARTA_OK)
		html_page_clear(p);
	page_free(&pg);
	wbuf_release(&dec);
	wbuf_release(&body);
	return rc;
}

void
html_page_clear(struct html_page *p)
{
	size_t i;

	if (p == NULL)
		return;
	free(p->text);
	free(p->headline);
	free(p->created);
	free(p->byline);
	free(p->creator);
	free(p->outlet);
	free(p->lang);
	for (i = 0; i < p->nkeywords; i++)
		free(p->keywords[i]);
	free(p->keywords);
	memset(p, 0, sizeof(*p));
}

/* ---- the module ---- */

struct html_reader {
	struct input_stream *in;
	struct input_context ctx;
	struct wbuf bytes;
	struct html_page page;
	int done;
	unsigned long skipped;	/* 1 once a page in a container held no article */
};

static void *
html_open(struct input_stream *in, const struct input_context *ctx,
    struct warta_error *err)
{
	struct html_reader *h;

	if ((h = calloc(1, sizeof(*h))) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	h->in = in;
	h->ctx = *ctx;
	wbuf_init(&h->bytes);
	return h;
}

static int
html_next(void *state, struct input_article *out, struct warta_error *err)
{
	struct html_reader *h = state;
	struct html_page *p = &h->page;
	int rc;

	if (h->done)
		return 0;
	h->done = 1;
	if (input_stream_slurp(h->in, &h->bytes, h->ctx.limits->max_record,
	    err) != WARTA_OK)
		return -1;
	rc = html_page_read(p, (const unsigned char *)h->bytes.data,
	    h->bytes.len, h->ctx.charset, err);
	/* A crawl or a saved site holds index pages and lists of links
	 * beside the articles: inside a container such a page is passed
	 * over and counted, not an error; a page named alone is one. */
	if (rc == HTML_NO_ARTICLE && h->ctx.depth > 0) {
		h->skipped = 1;
		return 0;
	}
	if (rc != WARTA_OK)
		return -1;
	out->kind = INPUT_HTML;
	out->where = h->ctx.name;
	out->file_name = h->ctx.file_name;
	out->original = (const unsigned char *)h->bytes.data;
	out->original_len = h->bytes.len;
	out->original_type = "text/html";
	out->original_charset = p->charset[0] != '\0' ? p->charset : NULL;
	out->text = p->text;
	out->text_len = p->text_len;
	out->headline = p->headline;
	out->created = p->created;
	out->byline = p->byline;
	out->creator = p->creator;
	out->outlet = p->outlet;
	out->lang = p->lang;
	out->keywords = (const char *const *)p->keywords;
	out->nkeywords = p->nkeywords;
	return 1;
}

static unsigned long
html_skipped(void *state)
{
	const struct html_reader *h = state;

	return h->skipped;
}

static void
html_close(void *state)
{
	struct html_reader *h = state;

	if (h == NULL)
		return;
	html_page_clear(&h->page);
	wbuf_release(&h->bytes);
	free(h);
}

const struct input_format input_html = {
	"html", INPUT_HTML, 0, html_detect, html_open, html_next,
	html_skipped, html_close
};
