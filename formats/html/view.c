/*
 * html/view.c: an item's view; see html/view.h.
 */
#include <stdlib.h>
#include <string.h>

#include "html/view.h"
#include "newsml/edit.h"
#include "newsml/original.h"
#include "newsml/read.h"

#define X(s) ((const xmlChar *)(s))

static const char *const kind_dirs[HTML_KINDS] = {
	"people", "organizations", "places", "subjects"
};
static const char *const kind_titles[HTML_KINDS] = {
	"Person", "Organization", "Place", "Subject"
};

const char *
html_kind_dir(enum html_kind k)
{
	return kind_dirs[k];
}

const char *
html_kind_title(enum html_kind k)
{
	return kind_titles[k];
}

/* A copy of s ("" for NULL) with white space runs made one space, cut
 * to max bytes at a character's start (max 0: not cut); xmlFree()s s. */
static char *
take(char *s, size_t max)
{
	char *out, *o;
	const char *p;
	int space = 1;

	if ((out = malloc(s != NULL ? strlen(s) + 1 : 1)) == NULL) {
		xmlFree(s);
		return NULL;
	}
	o = out;
	for (p = s != NULL ? s : ""; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = 1;
			continue;
		}
		if (space && o > out)
			*o++ = ' ';
		space = 0;
		*o++ = *p;
	}
	*o = '\0';
	if (max > 0 && (size_t)(o - out) > max) {
		size_t n = max;

		while (n > 0 && ((unsigned char)out[n] & 0xc0) == 0x80)
			n--;
		out[n] = '\0';
	}
	xmlFree(s);
	return out;
}

static char *
text_of(xmlNodePtr n)
{
	return take(g2_text(n), 0);
}

static char *
attr_of(xmlNodePtr n, const char *name)
{
	return take(n != NULL ? (char *)xmlGetProp(n, X(name)) : NULL, 0);
}

/* The kind a subject's type says, HTML_SUBJECTS for any other. */
static enum html_kind
subject_kind(xmlNodePtr s)
{
	xmlChar *type = xmlGetProp(s, X("type"));
	enum html_kind k = HTML_SUBJECTS;

	if (type != NULL) {
		if (xmlStrEqual(type, X("cpnat:person")))
			k = HTML_PEOPLE;
		else if (xmlStrEqual(type, X("cpnat:organisation")))
			k = HTML_ORGANIZATIONS;
		else if (xmlStrEqual(type, X("cpnat:geoArea")) ||
		    xmlStrEqual(type, X("cpnat:poi")))
			k = HTML_PLACES;
	}
	xmlFree(type);
	return k;
}

/* Adds a name of kind k (taking name and code), once: a name given
 * twice keeps "found" if either was. */
static int
add_name(struct html_view *v, enum html_kind k, xmlNodePtr name_el,
    char *code, int found)
{
	struct html_name *ns = v->names[k];
	char *name = take(g2_text(name_el), HTML_NAME_MAX), *lang = NULL;
	size_t i;
	int rc = WARTA_OK;

	if (name != NULL && name[0] == '\0' && code != NULL) {
		/* A subject by its code alone is named by it. */
		free(name);
		name = take((char *)xmlStrdup(X(code)), HTML_NAME_MAX);
	}
	if (name == NULL) {
		rc = WARTA_FAILED;
		goto drop;
	}
	if (name[0] == '\0')
		goto drop;
	for (i = 0; i < v->n_names[k]; i++)
		if (strcmp(ns[i].name, name) == 0) {
			ns[i].found |= found;
			goto drop;
		}
	if (v->n_names[k] == HTML_NAMES_MAX) {
		v->dropped++;
		goto drop;
	}
	if (ns == NULL && (ns = v->names[k] = calloc(HTML_NAMES_MAX,
	    sizeof(*ns))) == NULL) {
		rc = WARTA_FAILED;
		goto drop;
	}
	if (name_el != NULL && (lang = (char *)xmlNodeGetLang(name_el)) !=
	    NULL && (lang = take(lang, 0)) == NULL) {
		rc = WARTA_FAILED;
		goto drop;
	}
	ns[v->n_names[k]].name = name;
	ns[v->n_names[k]].code = code;
	ns[v->n_names[k]].lang = lang;
	ns[v->n_names[k]].found = found;
	v->n_names[k]++;
	return WARTA_OK;
drop:
	free(name);
	free(code);
	return rc;
}

static int
has_why(xmlNodePtr n)
{
	return xmlHasProp(n, X("why")) != NULL;
}

static int
read_names(struct html_view *v, xmlNodePtr cm)
{
	xmlNodePtr s;

	if ((s = g2_child(cm, "located")) != NULL &&
	    add_name(v, HTML_PLACES, g2_child(s, "name"), NULL,
	    has_why(s)) != WARTA_OK)
		return WARTA_FAILED;
	for (s = g2_child(cm, "subject"); s != NULL; s = g2_next_same(s)) {
		enum html_kind k = subject_kind(s);
		char *code = NULL;

		if (k == HTML_SUBJECTS && (code = attr_of(s, "qcode")) ==
		    NULL)
			return WARTA_FAILED;
		if (code != NULL && code[0] == '\0') {
			free(code);
			code = NULL;
		}
		if (add_name(v, k, g2_child(s, "name"), code, has_why(s)) !=
		    WARTA_OK)
			return WARTA_FAILED;
	}
	return WARTA_OK;
}

static int
read_hops(struct html_view *v, xmlNodePtr root)
{
	xmlNodePtr h;

	for (h = g2_child(g2_child(root, "hopHistory"), "hop"); h != NULL;
	    h = g2_next_same(h)) {
		struct html_hop *hop;

		if (v->n_hops == HTML_HOPS_MAX) {
			v->dropped++;
			continue;
		}
		if (v->hops == NULL && (v->hops = calloc(HTML_HOPS_MAX,
		    sizeof(*v->hops))) == NULL)
			return WARTA_FAILED;
		hop = &v->hops[v->n_hops++];
		hop->party = take(g2_text(g2_child(g2_child(h, "party"),
		    "name")), HTML_NAME_MAX);
		hop->action = attr_of(g2_child(h, "action"), "qcode");
		hop->when = attr_of(h, "timestamp");
		if (hop->party == NULL || hop->action == NULL ||
		    hop->when == NULL)
			return WARTA_FAILED;
	}
	return WARTA_OK;
}

/* "holder; notice; terms", the parts the item has. */
static char *
read_rights(xmlNodePtr root)
{
	xmlNodePtr ri = g2_child(root, "rightsInfo");
	char *parts[3];
	struct wbuf b = WBUF_INIT;
	size_t i;
	int failed = 0;

	parts[0] = text_of(g2_child(g2_child(ri, "copyrightHolder"),
	    "name"));
	parts[1] = text_of(g2_child(ri, "copyrightNotice"));
	parts[2] = text_of(g2_child(ri, "usageTerms"));
	(void)wbuf_puts(&b, "");
	for (i = 0; i < 3; i++) {
		if (parts[i] == NULL)
			failed = 1;
		else if (parts[i][0] != '\0' && ((b.len > 0 &&
		    wbuf_puts(&b, "; ") != WARTA_OK) ||
		    wbuf_puts(&b, parts[i]) != WARTA_OK))
			failed = 1;
		free(parts[i]);
	}
	if (failed) {
		wbuf_release(&b);
		return NULL;
	}
	return wbuf_steal(&b);
}

/* The summary: a description whose role is drol:summary, else the
 * first description. */
static char *
read_summary(xmlNodePtr cm)
{
	xmlNodePtr d, first = g2_child(cm, "description");

	for (d = first; d != NULL; d = g2_next_same(d)) {
		xmlChar *role = xmlGetProp(d, X("role"));
		int is = role != NULL && xmlStrEqual(role, X("drol:summary"));

		xmlFree(role);
		if (is)
			return text_of(d);
	}
	return text_of(first);
}

/* The first HTML_FIRST_WORDS words of the body, "…" after when cut. */
static char *
first_words(const struct wbuf *body)
{
	struct wbuf b = WBUF_INIT;
	const char *p = body->data != NULL ? body->data : "";
	int words = 0, space = 1;

	(void)wbuf_puts(&b, "");
	for (; *p != '\0'; p++) {
		int white = *p == ' ' || *p == '\n' || *p == '\t' ||
		    *p == '\r';

		if (white) {
			space = 1;
			continue;
		}
		if (space) {
			if (words == HTML_FIRST_WORDS) {
				(void)wbuf_puts(&b, " \xe2\x80\xa6");
				break;
			}
			if (words++ > 0)
				(void)wbuf_putc(&b, ' ');
			space = 0;
		}
		(void)wbuf_putc(&b, *p);
	}
	if (b.data == NULL)
		return NULL;
	return wbuf_steal(&b);
}

int
html_view_read(xmlDocPtr doc, struct html_view *v, struct warta_error *err)
{
	xmlNodePtr root, im, cm;
	char recorded[65];
	int rc;

	memset(v, 0, sizeof(*v));
	wbuf_init(&v->body);
	wbuf_init(&v->original);
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !g2_is(root, "newsItem"))
		return warta_error_set(err, -1, "not a NewsML-G2 newsItem");
	if (catalog_entry_read(root, 0, &v->e, err) != WARTA_OK)
		return WARTA_FAILED;
	im = g2_child(root, "itemMeta");
	cm = g2_child(root, "contentMeta");
	if (newsml_item_body(doc, &v->body, err) != WARTA_OK)
		return WARTA_FAILED;
	v->heading = text_of(g2_child(cm, "headline"));
	if (v->heading != NULL && v->heading[0] == '\0') {
		free(v->heading);
		v->heading = first_words(&v->body);
		v->untitled = 1;
	}
	v->summary = read_summary(cm);
	v->dateline = text_of(g2_child(cm, "dateline"));
	v->content_created = text_of(g2_child(cm, "contentCreated"));
	v->first_created = text_of(g2_child(im, "firstCreated"));
	v->version_created = text_of(g2_child(im, "versionCreated"));
	v->rights = read_rights(root);
	if (v->heading == NULL || v->summary == NULL || v->dateline == NULL ||
	    v->content_created == NULL || v->first_created == NULL ||
	    v->version_created == NULL || v->rights == NULL ||
	    read_names(v, cm) != WARTA_OK || read_hops(v, root) != WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	if ((rc = newsml_original(root, &v->original, recorded, err)) < 0)
		return WARTA_FAILED;
	v->has_original = rc;
	if (rc) {
		const char *suffix = newsml_original_suffix(root);

		/* A page kept as a page would run its scripts in the site:
		 * the browser shows its source instead. */
		v->original_suffix = strcmp(suffix, ".html") == 0 ?
		    ".html.txt" : strcmp(suffix, ".xhtml") == 0 ?
		    ".xhtml.txt" : suffix;
	}
	return WARTA_OK;
}

void
html_view_free(struct html_view *v)
{
	size_t i, k;

	if (v == NULL)
		return;
	catalog_entry_free(&v->e);
	free(v->heading);
	free(v->summary);
	free(v->dateline);
	free(v->content_created);
	free(v->first_created);
	free(v->version_created);
	free(v->rights);
	wbuf_release(&v->body);
	wbuf_release(&v->original);
	for (k = 0; k < HTML_KINDS; k++) {
		for (i = 0; i < v->n_names[k]; i++) {
			free(v->names[k][i].name);
			free(v->names[k][i].code);
			free(v->names[k][i].lang);
		}
		free(v->names[k]);
	}
	for (i = 0; i < v->n_hops; i++) {
		free(v->hops[i].party);
		free(v->hops[i].action);
		free(v->hops[i].when);
	}
	free(v->hops);
	memset(v, 0, sizeof(*v));
}
