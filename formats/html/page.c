/*
 * html/page.c: the pages; see html/page.h.
 */
#include <stdio.h>
#include <string.h>

#include "base/warta.h"
#include "html/escape.h"
#include "html/page.h"

#define SITE_NAME "Reading room"
#define SLUG_MAX 72

/* The policy of pages with and without the index's script.  'self' and
 * file: both, so that the site works served and from the disk. */
#define CSP_SCRIPT "default-src 'none'; script-src 'self' file:; " \
	"style-src 'self' file:; img-src 'self' file: data:; " \
	"base-uri 'none'; form-action 'none'"
#define CSP_NONE "default-src 'none'; style-src 'self' file:; " \
	"img-src 'self' file: data:; base-uri 'none'; form-action 'none'"

/* Appends the pieces, NULL-terminated, as they are (our own markup). */
static int
put(struct wbuf *out, const char *s)
{
	return wbuf_puts(out, s);
}

const char *
html_lang(const char *tag)
{
	const char *p;

	if (tag == NULL || tag[0] == '\0' || strlen(tag) > 35)
		return "und";
	for (p = tag; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || (*p == '-' && p > tag)))
			return "und";
	return tag;
}

int
html_page_begin(struct wbuf *out, const struct html_page *p)
{
	int rc = 0;

	rc |= put(out, "<!DOCTYPE html>\n<html lang=\"");
	rc |= html_puts(out, html_lang(p->lang));
	rc |= put(out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"");
	rc |= put(out, p->script ? CSP_SCRIPT : CSP_NONE);
	rc |= put(out, "\">\n<meta name=\"generator\" content=\"");
	rc |= html_puts(out, p->generator);
	rc |= put(out, "\">\n<title>");
	rc |= html_puts(out, p->title);
	rc |= put(out, " \xe2\x80\x94 " SITE_NAME "</title>\n"
	    "<link rel=\"stylesheet\" href=\"");
	rc |= put(out, p->root);
	rc |= put(out, "assets/warta.css\">\n");
	if (p->script) {
		rc |= put(out, "<script src=\"");
		rc |= put(out, p->root);
		rc |= put(out, "assets/items.js\" defer></script>\n"
		    "<script src=\"");
		rc |= put(out, p->root);
		rc |= put(out, "assets/warta.js\" defer></script>\n");
	}
	rc |= put(out, "</head>\n<body>\n<a class=\"skip\" href=\"#main\" "
	    "lang=\"en\">Skip to the content</a>\n"
	    "<header class=\"site\" lang=\"en\">\n<nav aria-label=\"Site\">"
	    "<a href=\"");
	rc |= put(out, p->root);
	rc |= put(out, "index.html\">" SITE_NAME "</a> \xc2\xb7 <a href=\"");
	rc |= put(out, p->root);
	rc |= put(out, "people/index.html\">People</a> \xc2\xb7 <a href=\"");
	rc |= put(out, p->root);
	rc |= put(out, "organizations/index.html\">Organizations</a> "
	    "\xc2\xb7 <a href=\"");
	rc |= put(out, p->root);
	rc |= put(out, "places/index.html\">Places</a> \xc2\xb7 <a href=\"");
	rc |= put(out, p->root);
	rc |= put(out, "subjects/index.html\">Subjects</a></nav>\n"
	    "</header>\n<main id=\"main\">\n");
	return rc != 0 ? WARTA_FAILED : WARTA_OK;
}

int
html_page_end(struct wbuf *out, const struct html_page *p)
{
	int rc = 0;

	rc |= put(out, "</main>\n<footer lang=\"en\"><p>Made by ");
	rc |= html_puts(out, p->generator);
	rc |= put(out, " from NewsML-G2 items.</p></footer>\n"
	    "</body>\n</html>\n");
	return rc != 0 ? WARTA_FAILED : WARTA_OK;
}

void
html_item_base(const char *id, char out[32])
{
	snprintf(out, 32, "items/%.3s/%.16s", id, id);
}

void
html_name_path(enum html_kind k, const char *name, char *out, size_t size)
{
	char slug[SLUG_MAX];

	html_slug(name, slug, sizeof(slug));
	snprintf(out, size, "%s/%02x/%s.html", html_kind_dir(k),
	    html_bucket(name), slug);
}

/* <time>s</time> when s looks like a date or a timestamp (the element
 * then says which), else s as text. */
static int
put_time(struct wbuf *out, const char *s)
{
	int rc = 0, is_time;

	if (s == NULL || s[0] == '\0')
		return put(out, "\xe2\x80\x94");
	is_time = s[0] >= '0' && s[0] <= '9' &&
	    s[strspn(s, "0123456789-:.+TZ")] == '\0';
	rc |= put(out, is_time ? "<time>" : "");
	rc |= html_puts(out, s);
	rc |= put(out, is_time ? "</time>" : "");
	return rc != 0 ? WARTA_FAILED : WARTA_OK;
}

/* A dt/dd pair; an empty value shows as a dash. */
static int
put_field(struct wbuf *out, const char *label, const char *value, int code)
{
	int rc = 0;

	rc |= put(out, "<dt>");
	rc |= put(out, label);
	rc |= put(out, "</dt><dd>");
	if (value == NULL || value[0] == '\0')
		rc |= put(out, "\xe2\x80\x94");
	else {
		rc |= put(out, code ? "<code>" : "");
		rc |= html_puts(out, value);
		rc |= put(out, code ? "</code>" : "");
	}
	rc |= put(out, "</dd>\n");
	return rc != 0 ? WARTA_FAILED : WARTA_OK;
}

static int
put_names(struct wbuf *out, const struct html_view *v, enum html_kind k)
{
	static const char *const headings[HTML_KINDS] = {
		"People", "Organizations", "Places", "Subjects"
	};
	char path[HTML_PATH_MAX];
	size_t i;
	int rc = 0;

	if (v->n_names[k] == 0)
		return WARTA_OK;
	rc |= put(out, "<h3>");
	rc |= put(out, headings[k]);
	rc |= put(out, "</h3>\n<ul class=\"");
	rc |= put(out, html_kind_dir(k));
	rc |= put(out, "\">\n");
	for (i = 0; i < v->n_names[k]; i++) {
		const struct html_name *n = &v->names[k][i];

		html_name_path(k, n->name, path, sizeof(path));
		rc |= put(out, "<li><a href=\"../../");
		rc |= put(out, path);
		rc |= put(out, "\" lang=\"");
		rc |= html_puts(out, html_lang(n->lang != NULL ? n->lang :
		    v->e.language));
		rc |= put(out, "\">");
		rc |= html_puts(out, n->name);
		rc |= put(out, "</a>");
		if (n->code != NULL && strcmp(n->code, n->name) != 0) {
			rc |= put(out, " <code>");
			rc |= html_puts(out, n->code);
			rc |= put(out, "</code>");
		}
		rc |= put(out, n->found ? " <span class=\"origin found\">"
		    "found</span>" : " <span class=\"origin given\">"
		    "given</span>");
		rc |= put(out, "</li>\n");
	}
	rc |= put(out, "</ul>\n");
	return rc != 0 ? WARTA_FAILED : WARTA_OK;
}

static int
put_body(struct wbuf *out, const struct wbuf *body)
{
	const char *p = body->data != NULL ? body->data : "", *end;
	int rc = 0;

	rc |= put(out, "<div class=\"body\">\n");
	while (*p != '\0') {
		if ((end = strstr(p, "\n\n")) == NULL)
			end = p + strlen(p);
		while (end > p && end[-1] == '\n')
			end--;
		if (end > p) {
			rc |= put(out, "<p>");
			rc |= html_put_text(out, p, (size_t)(end - p));
			rc |= put(out, "</p>\n");
		}
		p = end;
		while (*p == '\n')
			p++;
	}
	rc |= put(out, "</div>\n");
	return rc != 0 ? WARTA_FAILED : WARTA_OK;
}

int
html_item_page(struct wbuf *out, const struct html_view *v,
    const char *generator)
{
	struct html_page p = { v->e.language, v->heading, "../../", 0,
	    generator };
	char base[32], num[32];
	size_t i, k;
	int rc = 0;

	if (v->heading[0] == '\0')
		p.title = "Untitled item";
	rc |= html_page_begin(out, &p);
	rc |= put(out, v->untitled ? "<article>\n<h1 class=\"untitled\">" :
	    "<article>\n<h1>");
	rc |= html_puts(out, p.title);
	rc |= put(out, "</h1>\n");
	if (v->dateline[0] != '\0' || v->e.date[0] != '\0') {
		rc |= put(out, "<p class=\"dateline\">");
		rc |= html_puts(out, v->dateline);
		if (v->dateline[0] != '\0' && v->e.date[0] != '\0')
			rc |= put(out, " \xc2\xb7 ");
		if (v->e.date[0] != '\0')
			rc |= put_time(out, v->e.date);
		rc |= put(out, "</p>\n");
	}
	rc |= put_body(out, &v->body);
	rc |= put(out, "</article>\n<aside aria-labelledby=\"meta-h\" "
	    "lang=\"en\">\n<h2 id=\"meta-h\">Metadata</h2>\n<dl class=\"meta\">\n");
	snprintf(num, sizeof(num), "%ld", v->e.version);
	rc |= put_field(out, "GUID", v->e.guid, 1);
	rc |= put_field(out, "Version", num, 0);
	rc |= put_field(out, "Created (content)", v->content_created, 0);
	rc |= put_field(out, "First created", v->first_created, 0);
	rc |= put_field(out, "Version created", v->version_created, 0);
	rc |= put_field(out, "Provider", v->e.provider, 0);
	rc |= put_field(out, "Rights", v->rights, 0);
	rc |= put_field(out, "Language", v->e.language, 1);
	rc |= put_field(out, "Byline", v->e.byline, 0);
	rc |= put_field(out, "Place", v->e.place, 0);
	snprintf(num, sizeof(num), "%lu", v->e.words);
	rc |= put_field(out, "Words", num, 0);
	rc |= put_field(out, "Summary", v->summary, 0);
	rc |= put(out, "</dl>\n");
	for (k = 0; k < HTML_KINDS; k++)
		rc |= put_names(out, v, (enum html_kind)k);
	if (v->n_hops > 0) {
		rc |= put(out, "<h3>History</h3>\n<ol class=\"hops\">\n");
		for (i = 0; i < v->n_hops; i++) {
			rc |= put(out, "<li>");
			rc |= html_puts(out, v->hops[i].party);
			if (v->hops[i].action[0] != '\0') {
				rc |= put(out, ": <code>");
				rc |= html_puts(out, v->hops[i].action);
				rc |= put(out, "</code>");
			}
			rc |= put(out, ", ");
			rc |= put_time(out, v->hops[i].when);
			rc |= put(out, "</li>\n");
		}
		rc |= put(out, "</ol>\n");
	}
	html_item_base(v->e.id, base);
	rc |= put(out, "<h3>Files</h3>\n<ul class=\"files\">\n"
	    "<li><a class=\"xml\" href=\"");
	rc |= put(out, base + 10);	/* past "items/ABC/" */
	rc |= put(out, ".xml\" type=\"application/xml\">The item "
	    "(NewsML-G2)</a></li>\n");
	if (v->has_original) {
		rc |= put(out, "<li><a class=\"original\" href=\"");
		rc |= put(out, base + 10);
		rc |= put(out, ".original");
		rc |= put(out, v->original_suffix);
		rc |= put(out, "\">The original bytes</a></li>\n");
	}
	rc |= put(out, "</ul>\n</aside>\n");
	rc |= html_page_end(out, &p);
	return rc != 0 ? WARTA_FAILED : WARTA_OK;
}

int
html_row_item(struct wbuf *out, const struct html_row *r, const char *root)
{
	char base[32], num[32];
	int rc = 0;

	html_item_base(r->id, base);
	rc |= put(out, "<li class=\"item\"><a class=\"headline\" href=\"");
	rc |= put(out, root);
	rc |= put(out, base);
	rc |= put(out, ".html\" lang=\"");
	rc |= html_puts(out, html_lang(r->lang));
	rc |= put(out, r->untitled ? "\" data-untitled=\"1\">" : "\">");
	rc |= html_puts(out, r->heading[0] != '\0' ? r->heading :
	    "Untitled item");
	rc |= put(out, "</a> <span class=\"date\">");
	rc |= put_time(out, r->date);
	rc |= put(out, "</span>");
	/* No empty element for what the item lacks. */
	if (r->place[0] != '\0') {
		rc |= put(out, " <span class=\"place\">");
		rc |= html_puts(out, r->place);
		rc |= put(out, "</span>");
	}
	if (r->byline[0] != '\0') {
		rc |= put(out, " <span class=\"byline\">");
		rc |= html_puts(out, r->byline);
		rc |= put(out, "</span>");
	}
	snprintf(num, sizeof(num), "%lu words", r->words);
	rc |= put(out, " <span class=\"words\">");
	rc |= put(out, num);
	rc |= put(out, "</span></li>\n");
	return rc != 0 ? WARTA_FAILED : WARTA_OK;
}
