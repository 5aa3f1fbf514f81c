/*
 * bagit/catalog.c: a bundle's entry for each item; see bagit/catalog.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/entities.h>

#include "bagit/catalog.h"
#include "base/ascii.h"
#include "base/digest.h"
#include "base/tsv_cell.h"
#include "newsml/edit.h"
#include "newsml/newsml.h"
#include "newsml/original.h"

#define X(s) ((const xmlChar *)(s))

static char *
dup_or_empty(char *s)
{
	char *d;

	if (s == NULL)
		return strdup("");
	d = strdup(s);
	xmlFree(s);
	return d;
}

/* The text of parent/name[/sub], trimmed of surrounding white space. */
static char *
child_text(xmlNodePtr parent, const char *name, const char *sub)
{
	xmlNodePtr n = g2_child(parent, name);
	char *t, *p, *end;

	if (n != NULL && sub != NULL)
		n = g2_child(n, sub);
	if (n == NULL || (t = g2_text(n)) == NULL)
		return NULL;
	for (p = t; ascii_is_xml_space(*p); p++)
		;
	end = p + strlen(p);
	while (end > p && ascii_is_xml_space(end[-1]))
		end--;
	memmove(t, p, (size_t)(end - p));
	t[end - p] = '\0';
	if (*t == '\0') {
		xmlFree(t);
		return NULL;
	}
	return t;
}

static char *
first_of(char *a, char *b)
{
	if (a != NULL) {
		xmlFree(b);
		return a;
	}
	return b;
}

/* "YYYY-MM-DD" at the start of s, checked for digits. */
static int
take_date(const char *s, char out[11])
{
	static const char shape[] = "dddd-dd-dd";
	int i;

	out[0] = '\0';
	if (s == NULL)
		return 0;
	for (i = 0; i < 10; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != '-')
			return 0;
	memcpy(out, s, 10);
	out[10] = '\0';
	return 1;
}

int
catalog_entry_read(xmlNodePtr item, int has_original,
    struct catalog_entry *e, struct warta_error *err)
{
	xmlNodePtr im, cm;
	xmlChar *a;
	static const char hexdigits[] = "0123456789abcdef";
	char *s, dir[16];
	size_t i;

	memset(e, 0, sizeof(*e));
	im = g2_child(item, "itemMeta");
	cm = g2_child(item, "contentMeta");
	a = xmlGetProp(item, X("guid"));
	e->guid = dup_or_empty((char *)a);
	a = xmlGetProp(item, X("version"));
	e->version = a != NULL ? strtol((const char *)a, NULL, 10) : 1;
	xmlFree(a);

	/* Filed by the date of its content only: firstCreated says when
	 * warta made the item, which is no date of the article's. */
	s = child_text(cm, "contentCreated", NULL);
	(void)take_date(s, e->date);
	xmlFree(s);
	e->title = dup_or_empty(first_of(child_text(cm, "headline", NULL),
	    child_text(cm, "description", NULL)));
	e->place = dup_or_empty(first_of(child_text(cm, "located", "name"),
	    child_text(cm, "dateline", NULL)));
	e->byline = dup_or_empty(first_of(child_text(cm, "by", NULL),
	    child_text(cm, "creator", "name")));
	a = xmlGetProp(g2_child(cm, "language"), X("tag"));
	if (a == NULL)
		a = xmlNodeGetLang(item);
	e->language = dup_or_empty((char *)a);
	s = child_text(im, "provider", "name");
	if (s == NULL)
		s = (char *)xmlGetProp(g2_child(im, "provider"), X("uri"));
	e->provider = dup_or_empty(s);
	a = xmlGetProp(g2_child(g2_child(item, "contentSet"), "inlineXML"),
	    X("wordcount"));
	e->words = a != NULL ? strtoul((const char *)a, NULL, 10) : 0;
	xmlFree(a);
	if (e->guid == NULL || e->title == NULL || e->place == NULL ||
	    e->byline == NULL || e->language == NULL || e->provider == NULL)
		return warta_error_set(err, -1, "out of memory");

	if (sha256(e->guid, strlen(e->guid), e->guid_sha256) != 0)
		return warta_error_set(err, -1, "cannot hash the guid");
	for (i = 0; i < CATALOG_ID_LEN / 2; i++) {
		e->id[2 * i] = hexdigits[e->guid_sha256[i] >> 4];
		e->id[2 * i + 1] = hexdigits[e->guid_sha256[i] & 15];
	}
	e->id[CATALOG_ID_LEN] = '\0';
	if (e->date[0] != '\0')
		snprintf(dir, sizeof(dir), "%.4s/%.2s/%.2s", e->date,
		    e->date + 5, e->date + 8);
	else
		snprintf(dir, sizeof(dir), "undated");
	snprintf(e->item_path, sizeof(e->item_path), "items/%s/%s.xml", dir,
	    e->id);
	if (has_original)
		snprintf(e->original_path, sizeof(e->original_path),
		    "originals/%s/%s%s", dir, e->id,
		    newsml_original_suffix(item));
	return WARTA_OK;
}

void
catalog_entry_free(struct catalog_entry *e)
{
	if (e == NULL)
		return;
	free(e->guid);
	free(e->title);
	free(e->place);
	free(e->byline);
	free(e->language);
	free(e->provider);
	memset(e, 0, sizeof(*e));
}

/* A cell a spreadsheet could run is quoted (base/tsv_cell.h): the
 * sidecar's values come from anyone, and librarians open this file in
 * one. */
static int
tsv_field(struct wbuf *out, const char *s, int last)
{
	if (tsv_cell_put(out, s) != WARTA_OK)
		return -1;
	return wbuf_putc(out, last ? '\n' : '\t') == WARTA_OK ? 0 : -1;
}

int
catalog_tsv_header(struct wbuf *out)
{
	return wbuf_puts(out, "guid\tversion\tdate\tplace\tbyline\ttitle\t"
	    "words\tlanguage\titem\toriginal\toriginal_sha256\n") ==
	    WARTA_OK ? 0 : -1;
}

int
catalog_tsv_line(struct wbuf *out, const struct catalog_entry *e)
{
	char version[24], words[24];

	snprintf(version, sizeof(version), "%ld", e->version);
	snprintf(words, sizeof(words), "%lu", e->words);
	return tsv_field(out, e->guid, 0) || tsv_field(out, version, 0) ||
	    tsv_field(out, e->date, 0) || tsv_field(out, e->place, 0) ||
	    tsv_field(out, e->byline, 0) || tsv_field(out, e->title, 0) ||
	    tsv_field(out, words, 0) || tsv_field(out, e->language, 0) ||
	    tsv_field(out, e->item_path, 0) ||
	    tsv_field(out, e->original_path, 0) ||
	    tsv_field(out, e->original_sha256, 1) ? -1 : 0;
}

/* Appends s escaped for XML text and attribute values, by libxml2. */
static int
put_escaped(struct wbuf *out, const char *s)
{
	xmlChar *e = xmlEncodeSpecialChars(NULL, X(s));
	int rc;

	if (e == NULL)
		return -1;
	rc = wbuf_puts(out, (const char *)e) == WARTA_OK ? 0 : -1;
	xmlFree(e);
	return rc;
}

int
catalog_xml_begin(struct wbuf *out, const char *guid, const char *provider,
    const char *when)
{
	return wbuf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<packageItem xmlns=\"" NEWSML_NS "\" guid=\"") != WARTA_OK ||
	    put_escaped(out, guid) != 0 ||
	    wbuf_puts(out, "\" version=\"1\" standard=\"NewsML-G2\" "
	    "standardversion=\"2.35\" conformance=\"power\">\n"
	    "  <catalogRef href=\"" NEWSML_CATALOG "\"/>\n"
	    "  <itemMeta>\n"
	    "    <itemClass qcode=\"ninat:composite\"/>\n"
	    "    <provider>\n      <name>") != WARTA_OK ||
	    put_escaped(out, provider) != 0 ||
	    wbuf_puts(out, "</name>\n    </provider>\n"
	    "    <versionCreated>") != WARTA_OK ||
	    put_escaped(out, when) != 0 ||
	    wbuf_puts(out, "</versionCreated>\n"
	    "    <pubStatus qcode=\"stat:usable\"/>\n"
	    "    <generator versioninfo=\"" WARTA_VERSION "\">warta-pack"
	    "</generator>\n"
	    "  </itemMeta>\n"
	    "  <groupSet root=\"items\">\n"
	    "    <group id=\"items\">\n") != WARTA_OK ? -1 : 0;
}

int
catalog_xml_ref(struct wbuf *out, const struct catalog_entry *e)
{
	char version[24];

	snprintf(version, sizeof(version), "%ld", e->version);
	if (wbuf_puts(out, "      <itemRef residref=\"") != WARTA_OK ||
	    put_escaped(out, e->guid) != 0 ||
	    wbuf_puts(out, "\" version=\"") != WARTA_OK ||
	    wbuf_puts(out, version) != WARTA_OK ||
	    wbuf_puts(out, "\" contenttype=\"application/vnd.iptc.g2."
	    "newsitem+xml\" href=\"") != WARTA_OK ||
	    put_escaped(out, e->item_path) != 0 ||
	    wbuf_puts(out, "\">\n        <itemClass qcode=\"ninat:text\"/>\n")
	    != WARTA_OK)
		return -1;
	if (e->title[0] != '\0' &&
	    (wbuf_puts(out, "        <title>") != WARTA_OK ||
	    put_escaped(out, e->title) != 0 ||
	    wbuf_puts(out, "</title>\n") != WARTA_OK))
		return -1;
	return wbuf_puts(out, "      </itemRef>\n") == WARTA_OK ? 0 : -1;
}

int
catalog_xml_end(struct wbuf *out)
{
	return wbuf_puts(out, "    </group>\n  </groupSet>\n</packageItem>\n") ==
	    WARTA_OK ? 0 : -1;
}
