/*
 * meta/meta.c: the metadata warta-meta sets on an item; see meta/meta.h.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>

#include "base/buf.h"
#include "base/calendar.h"
#include "base/file.h"
#include "article/extract.h"
#include "meta/meta.h"
#include "newsml/edit.h"
#include "newsml/read.h"
#include "newsml/write.h"

#define X(s) ((const xmlChar *)(s))

/* Bounds on the values a cataloguer gives. */
#define META_LINE_MAX	4096		/* a name, a headline */
#define META_BLOCK_MAX	65536		/* a notice, usage terms, a note */
#define META_LIST_MAX	100		/* subjects or keywords in one value */
#define VOCAB_FILE_MAX	((size_t)16 << 20)

/* The order of a concept's children (ConceptDefinitionGroup and after). */
static const char *const concept_order[] = {
	"name", "definition", "note", "facet", "remoteInfo", "hierarchyInfo",
	"sameAs", "broader", "narrower", "related", NULL
};

/*
 * The vocabulary: the file read whole, split into lines in place, and an
 * index sorted by qcode.
 */
struct vocab_entry {
	const char *qcode;
	const char *label;
};

struct vocab {
	char *data;
	struct vocab_entry *e;
	size_t n;
};

/* The first c in s, or the end of s. */
static char *
find_or_end(const char *s, int c)
{
	const char *p = strchr(s, c);

	return (char *)(uintptr_t)(p != NULL ? p : s + strlen(s));
}

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct vocab_entry *)a)->qcode,
	    ((const struct vocab_entry *)b)->qcode);
}

struct vocab *
vocab_load(const char *path, struct warta_error *err)
{
	struct vocab *v;
	struct wbuf raw = WBUF_INIT;
	char *line, *next, *f[3];
	size_t len, cap = 0, i;
	long lineno = 0;

	if ((v = calloc(1, sizeof(*v))) == NULL) {
		warta_error_set(err, -1, "%s: out of memory", path);
		return NULL;
	}
	if (file_read(path, VOCAB_FILE_MAX, &raw, err) != WARTA_OK)
		goto fail;
	len = raw.len;
	if ((v->data = wbuf_steal(&raw)) == NULL) {
		warta_error_set(err, -1, "%s: out of memory", path);
		goto fail;
	}
	if (memchr(v->data, '\0', len) != NULL) {
		warta_error_set(err, -1, "%s: binary data, not a TSV file",
		    path);
		goto fail;
	}
	for (line = v->data; line != NULL && *line != '\0'; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		/* Comments, the header and blank lines. */
		if (*line == '#' || *line == '\0' ||
		    strncmp(line, "qcode\t", 6) == 0)
			continue;
		f[0] = line;
		for (i = 1; i < 3; i++) {
			if ((f[i] = strchr(f[i - 1], '\t')) == NULL)
				break;
			*f[i]++ = '\0';
		}
		if (i < 2 || strncmp(f[0], "medtop:", 7) != 0) {
			warta_error_set(err, -1, "%s: line %ld: not "
			    "\"medtop:CODE<TAB>label...\"", path, lineno);
			goto fail;
		}
		if (i == 3)
			*find_or_end(f[2], '\t') = '\0';
		if (v->n == cap) {
			struct vocab_entry *ne;

			cap = cap == 0 ? 1024 : cap * 2;
			if ((ne = realloc(v->e, cap * sizeof(*ne))) == NULL) {
				warta_error_set(err, -1, "%s: out of memory",
				    path);
				goto fail;
			}
			v->e = ne;
		}
		v->e[v->n].qcode = f[0];
		/* The en-GB label where there is one: IPTC's own English. */
		v->e[v->n].label = i == 3 && *f[2] != '\0' ? f[2] : f[1];
		v->n++;
	}
	if (v->n == 0) {
		warta_error_set(err, -1, "%s: no Media Topics in it", path);
		goto fail;
	}
	qsort(v->e, v->n, sizeof(*v->e), entry_cmp);
	return v;
fail:
	wbuf_release(&raw);	/* file_read leaves what it allocated */
	vocab_free(v);
	return NULL;
}

void
vocab_free(struct vocab *v)
{
	if (v == NULL)
		return;
	free(v->e);
	free(v->data);
	free(v);
}

const char *
vocab_label(const struct vocab *v, const char *qcode)
{
	struct vocab_entry key, *e;

	if (v == NULL)
		return NULL;
	key.qcode = qcode;
	key.label = NULL;
	e = bsearch(&key, v->e, v->n, sizeof(*v->e), entry_cmp);
	return e != NULL ? e->label : NULL;
}

/*
 * Checking values.
 */

static int
is_utf8_text(const char *s, size_t max)
{
	size_t n = strlen(s);

	/* A byte of Windows-1252 in an option would make the item not
	 * well-formed: the text must be UTF-8 as well as XML-legal. */
	return n > 0 && n <= max && xmlCheckUTF8((const xmlChar *)s) &&
	    xml_text_legal((const unsigned char *)s, n);
}

static int
all_of(const char *s, const char *set)
{
	return *s != '\0' && s[strspn(s, set)] == '\0';
}

#define DIGITS	"0123456789"
#define ALNUM	"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" DIGITS

/* alias:code, as the schema's QCodeType and the catalog want it. */
static int
is_qcode(const char *s)
{
	const char *colon = strchr(s, ':');
	size_t alias = colon != NULL ? (size_t)(colon - s) : 0;

	return alias > 0 && strspn(s, ALNUM "_-") == alias &&
	    colon[1] != '\0' && strpbrk(colon + 1, " \t\r\n") == NULL &&
	    strlen(s) <= 256;
}

/* An IRI with a scheme, or a bare domain (meta_apply makes it https). */
static int
is_uri_or_domain(const char *s)
{
	size_t n = strspn(s, ALNUM "+.-");

	if (strlen(s) > 2048 || strpbrk(s, " \t\r\n<>\"{}|\\^`") != NULL)
		return 0;
	if (n > 0 && s[n] == ':' && isalpha((unsigned char)s[0]) &&
	    s[n + 1] != '\0')
		return 1;
	return all_of(s, ALNUM ".-") && strchr(s, '.') != NULL &&
	    s[0] != '.' && s[0] != '-';
}

static int
digits_at(const char *s, int n)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* YYYY-MM-DD, or a date-time with seconds and a time zone. */
static int
is_date(const char *s)
{
	int y = digits_at(s, 4), m, d;
	const char *t;

	if (y < 1 || s[4] != '-' || (m = digits_at(s + 5, 2)) < 0 ||
	    s[7] != '-' || (d = digits_at(s + 8, 2)) < 0 ||
	    !cal_valid_date(y, m, d))
		return 0;
	if (s[10] == '\0')
		return 1;
	t = s + 11;
	if (s[10] != 'T' || digits_at(t, 2) < 0 || digits_at(t, 2) > 23 ||
	    t[2] != ':' || digits_at(t + 3, 2) < 0 || digits_at(t + 3, 2) > 59 ||
	    t[5] != ':' || digits_at(t + 6, 2) < 0 || digits_at(t + 6, 2) > 60)
		return 0;
	t += 8;
	if (*t == '.') {
		if (!isdigit((unsigned char)*++t))
			return 0;
		while (isdigit((unsigned char)*t))
			t++;
	}
	if (strcmp(t, "Z") == 0)
		return 1;
	return (*t == '+' || *t == '-') && digits_at(t + 1, 2) >= 0 &&
	    digits_at(t + 1, 2) <= 14 && t[3] == ':' &&
	    digits_at(t + 4, 2) >= 0 && digits_at(t + 4, 2) <= 59 &&
	    t[6] == '\0';
}

/* BCP 47 in its common form: a primary language of two or three letters,
 * then subtags of one to eight letters or digits ("id", "en-GB",
 * "zh-Hant-TW"); "en_GB" is refused. */
static int
is_language(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

	if (n < 2 || n > 3)
		return 0;
	for (s += n; *s == '-'; s += n) {
		n = strspn(++s, ALNUM);
		if (n < 1 || n > 8)
			return 0;
	}
	return *s == '\0';
}

/* stat:usable, or usable; NULL when it is no publishing status. */
static const char *
pubstatus_qcode(const char *s)
{
	static const char *const codes[] = { "stat:usable", "stat:withheld",
	    "stat:canceled", NULL };
	int i;

	for (i = 0; codes[i] != NULL; i++)
		if (strcmp(s, codes[i]) == 0 || strcmp(s, codes[i] + 5) == 0)
			return codes[i];
	return NULL;
}

/*
 * Calls fn for each item of a list value ("a; b;c"), trimmed, empty items
 * skipped.  Stops at the first that fn refuses.
 */
typedef int (*item_fn)(const char *item, void *arg, struct warta_error *err);

static int
each_item(const char *list, item_fn fn, void *arg, struct warta_error *err)
{
	char buf[META_LINE_MAX + 1];
	const char *p = list, *end;
	size_t n;
	int count = 0;

	while (*p != '\0') {
		end = find_or_end(p, ';');
		while (p < end && isspace((unsigned char)*p))
			p++;
		n = (size_t)(end - p);
		while (n > 0 && isspace((unsigned char)p[n - 1]))
			n--;
		if (n > META_LINE_MAX)
			return warta_error_set(err, -1, "'%.40s...' is longer "
			    "than %d bytes", p, META_LINE_MAX);
		if (n > 0) {
			if (++count > META_LIST_MAX)
				return warta_error_set(err, -1, "more than %d "
				    "values", META_LIST_MAX);
			memcpy(buf, p, n);
			buf[n] = '\0';
			if (fn(buf, arg, err) != WARTA_OK)
				return WARTA_FAILED;
		}
		p = *end == ';' ? end + 1 : end;
	}
	return WARTA_OK;
}

static int
check_subject(const char *s, void *arg, struct warta_error *err)
{
	const struct vocab *v = arg;

	if (strncmp(s, "medtop:", 7) != 0 || strlen(s) != 15 ||
	    !all_of(s + 7, DIGITS))
		return warta_error_set(err, -1, "'%s' is not a Media Topic "
		    "(medtop: and eight digits)", s);
	if (v != NULL && vocab_label(v, s) == NULL)
		return warta_error_set(err, -1, "'%s' is not in the "
		    "vocabulary", s);
	return WARTA_OK;
}

static int
check_keyword(const char *s, void *arg, struct warta_error *err)
{
	(void)arg;
	if (!is_utf8_text(s, META_LINE_MAX))
		return warta_error_set(err, -1, "keyword '%s' is not text",
		    s);
	return WARTA_OK;
}

int
meta_check(enum sidecar_field f, const char *value, const struct vocab *v,
    struct warta_error *err)
{
	const char *what = NULL;

	if (value == NULL)
		return WARTA_OK;
	switch (f) {
	case SC_FILE:
	case SC_GUID:
		return WARTA_OK;	/* keys, not values */
	case SC_PROVIDER:
		if (!is_uri_or_domain(value))
			what = "is neither a URI nor a domain name";
		break;
	case SC_PROVIDER_NAME:
	case SC_COPYRIGHT_HOLDER:
	case SC_SOURCE:
	case SC_EDITION:
	case SC_SECTION:
	case SC_HEADLINE:
	case SC_BYLINE:
		if (!is_utf8_text(value, META_LINE_MAX))
			what = "is empty, longer than 4096 bytes, or holds "
			    "characters XML cannot carry";
		break;
	case SC_COPYRIGHT_NOTICE:
	case SC_USAGE_TERMS:
	case SC_NOTE:
		if (!is_utf8_text(value, META_BLOCK_MAX))
			what = "is empty, longer than 65536 bytes, or holds "
			    "characters XML cannot carry";
		break;
	case SC_PAGE:
		if (strlen(value) > 6 || !all_of(value, ALNUM "-"))
			what = "is not a page (one to six letters, digits "
			    "and '-': 12, A3, 12-13)";
		break;
	case SC_GENRE:
		if (!is_qcode(value))
			what = "is not a QCode (alias:code, as genre:Current)";
		break;
	case SC_URGENCY:
		if (strlen(value) != 1 || value[0] < '1' || value[0] > '9')
			what = "is not 1 to 9";
		break;
	case SC_PUBSTATUS:
		if (pubstatus_qcode(value) == NULL)
			what = "is not usable, withheld or canceled";
		break;
	case SC_DATE:
		if (!is_date(value))
			what = "is not a date (YYYY-MM-DD) or a date-time "
			    "with a time zone (YYYY-MM-DDThh:mm:ssZ)";
		break;
	case SC_LANGUAGE:
		if (!is_language(value))
			what = "is not a BCP 47 language tag (id, en-GB)";
		break;
	case SC_SUBJECT:
		/* each_item's argument is not const; check_subject only
		 * reads it. */
		return each_item(value, check_subject, (void *)(uintptr_t)v,
		    err);
	case SC_KEYWORD:
		return each_item(value, check_keyword, NULL, err);
	case SC_NFIELDS:
		break;
	}
	if (what != NULL)
		return warta_error_set(err, -1, "'%.80s' %s", value, what);
	return WARTA_OK;
}

/*
 * Changing the item.  Each setter leaves what is already right alone, so
 * that applying the same change twice gives the same bytes.
 */

static int
oom(struct warta_error *err)
{
	return warta_error_set(err, -1, "out of memory");
}

static int
text_is(const xmlNode *n, const char *s)
{
	char *t;
	int same;

	if (n == NULL)
		return 0;
	/* The common case, one text child, without a copy: this runs for
	 * every subject an item has, for every one that might be added. */
	if (n->children != NULL && n->children == n->last &&
	    n->children->type == XML_TEXT_NODE && n->children->content != NULL)
		return strcmp((const char *)n->children->content, s) == 0;
	t = g2_text(n);
	same = t != NULL && strcmp(t, s) == 0;
	xmlFree(t);
	return same;
}

static int
attr_is(xmlNodePtr n, const char *name, const char *value)
{
	xmlAttrPtr attr = xmlHasProp(n, X(name));
	xmlChar *a;
	int same;

	if (attr == NULL)
		return 0;
	/* As in text_is(): a plain value is compared where it is. */
	if (attr->children != NULL && attr->children->next == NULL &&
	    attr->children->type == XML_TEXT_NODE &&
	    attr->children->content != NULL)
		return strcmp((const char *)attr->children->content, value) == 0;
	a = xmlNodeGetContent((xmlNodePtr)attr);
	same = a != NULL && strcmp((const char *)a, value) == 0;
	xmlFree(a);
	return same;
}

static int
set_attr(xmlNodePtr n, const char *name, const char *value,
    struct warta_error *err)
{
	if (attr_is(n, name, value))
		return WARTA_OK;
	return g2_set_attr(n, name, value) == 0 ? WARTA_OK : oom(err);
}

static int
set_text(xmlNodePtr n, const char *s, struct warta_error *err)
{
	/* Equal text over child elements (a notice in XHTML) is replaced. */
	if (n->children != NULL && n->children == n->last &&
	    n->children->type == XML_TEXT_NODE && text_is(n, s))
		return WARTA_OK;
	return g2_set_text(n, s) == 0 ? WARTA_OK : oom(err);
}

/* The first child name of parent, set to the text s; made when missing. */
static xmlNodePtr
set_child_text(xmlNodePtr parent, const char *name, const char *const order[],
    const char *s, struct warta_error *err)
{
	xmlNodePtr n;

	if ((n = g2_ensure(parent, name, order)) == NULL) {
		oom(err);
		return NULL;
	}
	return set_text(n, s, err) == WARTA_OK ? n : NULL;
}

/* The contentMetaExtProperty of warta's property prop, or NULL. */
static xmlNodePtr
find_ext_prop(xmlNodePtr cm, const char *prop, const char *value)
{
	char uri[128];
	xmlNodePtr n;

	snprintf(uri, sizeof(uri), "%s%s", WARTA_PROP_URI, prop);
	for (n = g2_child(cm, "contentMetaExtProperty"); n != NULL;
	    n = g2_next_same(n))
		if (attr_is(n, "reluri", uri) &&
		    (value == NULL || attr_is(n, "value", value)))
			return n;
	return NULL;
}

static xmlNodePtr
add_ext_prop(xmlNodePtr cm, const char *prop, const char *value,
    struct warta_error *err)
{
	char uri[128];
	xmlNodePtr n;

	snprintf(uri, sizeof(uri), "%s%s", WARTA_PROP_URI, prop);
	if ((n = g2_insert(cm, "contentMetaExtProperty",
	    g2_content_meta_order)) == NULL ||
	    g2_set_attr(n, "reluri", uri) != 0 ||
	    g2_set_attr(n, "value", value) != 0) {
		oom(err);
		return NULL;
	}
	return n;
}

static int
set_ext_prop(xmlNodePtr cm, const char *prop, const char *value,
    struct warta_error *err)
{
	xmlNodePtr n = find_ext_prop(cm, prop, NULL);

	if (n != NULL)
		return set_attr(n, "value", value, err);
	return add_ext_prop(cm, prop, value, err) != NULL ? WARTA_OK :
	    WARTA_FAILED;
}

static xmlNodePtr
find_subject_qcode(xmlNodePtr cm, const char *qcode)
{
	xmlNodePtr n;

	for (n = g2_child(cm, "subject"); n != NULL; n = g2_next_same(n))
		if (attr_is(n, "qcode", qcode))
			return n;
	return NULL;
}

/*
 * A subject of concept type type (cpnat:person) whose first name is name,
 * among the subjects up to last (NULL: none).  meta_find looks only among
 * those the item had before it: what it adds is already free of repeats,
 * and looking through those too made each item quadratic in its finds.
 */
static xmlNodePtr
find_subject_named(xmlNodePtr cm, const char *type, const char *name,
    xmlNodePtr last)
{
	xmlNodePtr n;

	if (last == NULL)
		return NULL;
	for (n = g2_child(cm, "subject"); n != NULL; n = g2_next_same(n)) {
		if (attr_is(n, "type", type) &&
		    text_is(g2_child(n, "name"), name))
			return n;
		if (n == last)
			break;
	}
	return NULL;
}

static xmlNodePtr
add_name(xmlNodePtr parent, const char *text, const char *role,
    const char *lang)
{
	xmlNodePtr n;

	if ((n = g2_insert(parent, "name", concept_order)) == NULL ||
	    g2_set_text(n, text) != 0 ||
	    (role != NULL && g2_set_attr(n, "role", role) != 0))
		return NULL;
	if (lang != NULL)
		xmlNodeSetLang(n, X(lang));
	return n;
}

struct apply {
	xmlNodePtr item, im, cm, ri;
	const struct vocab *v;
};

static int
add_subject_code(const char *qcode, void *arg, struct warta_error *err)
{
	struct apply *a = arg;
	const char *label = vocab_label(a->v, qcode);
	xmlNodePtr n;

	if (find_subject_qcode(a->cm, qcode) != NULL)
		return WARTA_OK;
	if ((n = g2_insert(a->cm, "subject", g2_content_meta_order)) == NULL ||
	    g2_set_attr(n, "type", "cpnat:abstract") != 0 ||
	    g2_set_attr(n, "qcode", qcode) != 0 ||
	    (label != NULL && add_name(n, label, NULL, "en-GB") == NULL))
		return oom(err);
	return WARTA_OK;
}

static int
add_keyword(const char *kw, void *arg, struct warta_error *err)
{
	struct apply *a = arg;
	xmlNodePtr n;

	for (n = g2_child(a->cm, "keyword"); n != NULL; n = g2_next_same(n))
		if (text_is(n, kw))
			return WARTA_OK;
	if ((n = g2_insert(a->cm, "keyword", g2_content_meta_order)) == NULL ||
	    g2_set_text(n, kw) != 0)
		return oom(err);
	return WARTA_OK;
}

static int
set_provider(struct apply *a, const char *uri, const char *name,
    struct warta_error *err)
{
	xmlNodePtr p, n;
	char *full = NULL;
	const char *given = uri;
	int rc = WARTA_OK;

	if ((p = g2_ensure(a->im, "provider", g2_item_meta_order)) == NULL)
		return oom(err);
	if (uri != NULL) {
		/* A bare domain, as warta-normalize takes it. */
		if (strchr(uri, ':') == NULL) {
			if ((full = malloc(strlen(uri) + 10)) == NULL)
				return oom(err);
			sprintf(full, "https://%s/", uri);
			uri = full;
		}
		if (!attr_is(p, "uri", uri)) {
			/* A qcode would name another party, and so would
			 * the old party's names: without a name given, the
			 * provider is called what it was given as. */
			xmlUnsetProp(p, X("qcode"));
			rc = set_attr(p, "uri", uri, err);
			if (rc == WARTA_OK && name == NULL) {
				while ((n = g2_child(p, "name")) != NULL)
					g2_remove(n);
				name = given;
			}
		}
		if (rc == WARTA_OK && name != NULL &&
		    set_child_text(p, "name", concept_order, name, err) ==
		    NULL)
			rc = WARTA_FAILED;
		free(full);
		return rc;
	}
	if (rc == WARTA_OK && name != NULL &&
	    set_child_text(p, "name", concept_order, name, err) == NULL)
		rc = WARTA_FAILED;
	return rc;
}

static int
set_genre(struct apply *a, const char *qcode, struct warta_error *err)
{
	xmlNodePtr g, c;

	if ((g = g2_ensure(a->cm, "genre", g2_content_meta_order)) == NULL)
		return oom(err);
	if (attr_is(g, "qcode", qcode))
		return WARTA_OK;
	/* The old genre's names and uri describe the old genre. */
	xmlUnsetProp(g, X("uri"));
	while ((c = g->children) != NULL) {
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	return set_attr(g, "qcode", qcode, err);
}

static int
set_language(struct apply *a, const char *tag, struct warta_error *err)
{
	xmlNodePtr l;
	xmlChar *lang;
	int same;

	if ((l = g2_ensure(a->cm, "language", g2_content_meta_order)) == NULL ||
	    set_attr(l, "tag", tag, err) != WARTA_OK)
		return oom(err);
	lang = xmlGetNsProp(a->item, X("lang"), XML_XML_NAMESPACE);
	same = lang != NULL && strcmp((const char *)lang, tag) == 0;
	xmlFree(lang);
	if (!same)
		xmlNodeSetLang(a->item, X(tag));
	return WARTA_OK;
}

static int
any_of(const struct meta_change *c, const enum sidecar_field *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (c->value[f[i]] != NULL)
			return 1;
	return 0;
}

static const enum sidecar_field content_fields[] = { SC_SOURCE, SC_EDITION,
	SC_PAGE, SC_SECTION, SC_GENRE, SC_URGENCY, SC_HEADLINE, SC_BYLINE,
	SC_DATE, SC_LANGUAGE, SC_SUBJECT, SC_KEYWORD };
#define NCONTENT_FIELDS (sizeof(content_fields) / sizeof(content_fields[0]))

static int
is_content_field(enum sidecar_field f)
{
	size_t i;

	for (i = 0; i < NCONTENT_FIELDS; i++)
		if (content_fields[i] == f)
			return 1;
	return 0;
}

static int
need_parts(struct apply *a, const struct meta_change *c,
    struct warta_error *err)
{
	static const enum sidecar_field rights[] = { SC_COPYRIGHT_HOLDER,
	    SC_COPYRIGHT_NOTICE, SC_USAGE_TERMS };

	if ((a->im = g2_child(a->item, "itemMeta")) == NULL)
		return warta_error_set(err, -1, "the item has no itemMeta");
	a->cm = g2_child(a->item, "contentMeta");
	a->ri = g2_child(a->item, "rightsInfo");
	if (a->cm == NULL && any_of(c, content_fields, NCONTENT_FIELDS) &&
	    (a->cm = g2_insert(a->item, "contentMeta", g2_item_order)) == NULL)
		return oom(err);
	if (a->ri == NULL && any_of(c, rights, 3) &&
	    (a->ri = g2_insert(a->item, "rightsInfo", g2_item_order)) == NULL)
		return oom(err);
	return WARTA_OK;
}

/* The provider, the publishing status and the editor's note. */
static int
apply_item_meta(struct apply *a, const char *const *val,
    struct warta_error *err)
{
	xmlNodePtr n;

	if ((val[SC_PROVIDER] != NULL || val[SC_PROVIDER_NAME] != NULL) &&
	    set_provider(a, val[SC_PROVIDER], val[SC_PROVIDER_NAME], err) !=
	    WARTA_OK)
		return WARTA_FAILED;
	if (val[SC_PUBSTATUS] != NULL) {
		if ((n = g2_ensure(a->im, "pubStatus", g2_item_meta_order)) ==
		    NULL || set_attr(n, "qcode",
		    pubstatus_qcode(val[SC_PUBSTATUS]), err) != WARTA_OK)
			return oom(err);
	}
	if (val[SC_NOTE] != NULL && set_child_text(a->im, "edNote",
	    g2_item_meta_order, val[SC_NOTE], err) == NULL)
		return WARTA_FAILED;
	return WARTA_OK;
}

static int
apply_rights(struct apply *a, const char *const *val,
    struct warta_error *err)
{
	xmlNodePtr n;

	if (val[SC_COPYRIGHT_HOLDER] != NULL) {
		if ((n = g2_ensure(a->ri, "copyrightHolder",
		    g2_rights_info_order)) == NULL ||
		    set_child_text(n, "name", concept_order,
		    val[SC_COPYRIGHT_HOLDER], err) == NULL)
			return oom(err);
	}
	if (val[SC_COPYRIGHT_NOTICE] != NULL && set_child_text(a->ri,
	    "copyrightNotice", g2_rights_info_order,
	    val[SC_COPYRIGHT_NOTICE], err) == NULL)
		return WARTA_FAILED;
	if (val[SC_USAGE_TERMS] != NULL && set_child_text(a->ri, "usageTerms",
	    g2_rights_info_order, val[SC_USAGE_TERMS], err) == NULL)
		return WARTA_FAILED;
	return WARTA_OK;
}

/* The elements of contentMeta that hold one text each. */
static int
apply_content_texts(struct apply *a, const char *const *val,
    struct warta_error *err)
{
	static const struct {
		enum sidecar_field field;
		const char *element;
	} texts[] = {
		{ SC_URGENCY, "urgency" },
		{ SC_DATE, "contentCreated" },
	}, late[] = {
		{ SC_HEADLINE, "headline" },
		{ SC_BYLINE, "by" },
	};
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (val[texts[i].field] != NULL && set_child_text(a->cm,
		    texts[i].element, g2_content_meta_order,
		    val[texts[i].field], err) == NULL)
			return WARTA_FAILED;
	if (val[SC_SOURCE] != NULL) {
		xmlNodePtr n = g2_ensure(a->cm, "infoSource",
		    g2_content_meta_order);

		if (n == NULL || set_child_text(n, "name", concept_order,
		    val[SC_SOURCE], err) == NULL)
			return oom(err);
	}
	if (val[SC_LANGUAGE] != NULL &&
	    set_language(a, val[SC_LANGUAGE], err) != WARTA_OK)
		return WARTA_FAILED;
	if (val[SC_GENRE] != NULL &&
	    set_genre(a, val[SC_GENRE], err) != WARTA_OK)
		return WARTA_FAILED;
	if (val[SC_KEYWORD] != NULL &&
	    each_item(val[SC_KEYWORD], add_keyword, a, err) != WARTA_OK)
		return WARTA_FAILED;
	if (val[SC_SUBJECT] != NULL &&
	    each_item(val[SC_SUBJECT], add_subject_code, a, err) != WARTA_OK)
		return WARTA_FAILED;
	for (i = 0; i < sizeof(late) / sizeof(late[0]); i++)
		if (val[late[i].field] != NULL && set_child_text(a->cm,
		    late[i].element, g2_content_meta_order,
		    val[late[i].field], err) == NULL)
			return WARTA_FAILED;
	return WARTA_OK;
}

/* The edition, page and section, as contentMetaExtProperty. */
static int
apply_ext_props(struct apply *a, const char *const *val,
    struct warta_error *err)
{
	if (val[SC_EDITION] != NULL &&
	    set_ext_prop(a->cm, "edition", val[SC_EDITION], err) != WARTA_OK)
		return WARTA_FAILED;
	if (val[SC_PAGE] != NULL &&
	    set_ext_prop(a->cm, "page", val[SC_PAGE], err) != WARTA_OK)
		return WARTA_FAILED;
	if (val[SC_SECTION] != NULL &&
	    set_ext_prop(a->cm, "section", val[SC_SECTION], err) != WARTA_OK)
		return WARTA_FAILED;
	return WARTA_OK;
}

int
meta_apply(xmlNodePtr item, const struct meta_change *c,
    const struct vocab *v, struct warta_error *err)
{
	struct meta_change own;
	struct apply a;

	memset(&a, 0, sizeof(a));
	a.item = item;
	a.v = v;
	if (!g2_is(item, "newsItem") && !g2_is(item, "packageItem")) {
		/* A concept, catalog or planning item's contentMeta takes
		 * only dates, creators and ids: only the date applies. */
		size_t i;

		own = *c;
		for (i = 0; i < SC_NFIELDS; i++)
			if (is_content_field((enum sidecar_field)i) &&
			    i != SC_DATE)
				own.value[i] = NULL;
		c = &own;
	}
	/* In this order, so that elements are added as they always were. */
	if (need_parts(&a, c, err) != WARTA_OK ||
	    apply_item_meta(&a, c->value, err) != WARTA_OK ||
	    apply_rights(&a, c->value, err) != WARTA_OK ||
	    apply_content_texts(&a, c->value, err) != WARTA_OK ||
	    apply_ext_props(&a, c->value, err) != WARTA_OK)
		return WARTA_FAILED;
	return WARTA_OK;
}

/*
 * What the text names.  Each find is marked as the tool's: why it is
 * there (the text names it directly, or the tool inferred it), how
 * (howextr:tool) and who (creatoruri).
 */

static int
mark_derived(xmlNodePtr n, const char *why, int confidence)
{
	char num[16];

	if (g2_set_attr(n, "why", why) != 0 ||
	    g2_set_attr(n, "how", "howextr:tool") != 0 ||
	    g2_set_attr(n, "creatoruri", WARTA_META_AGENT_URI) != 0)
		return -1;
	if (confidence >= 0) {
		snprintf(num, sizeof(num), "%d", confidence);
		if (g2_set_attr(n, "confidence", num) != 0)
			return -1;
	}
	return 0;
}

/* A new subject of concept type type named name, marked as found. */
static xmlNodePtr
add_found_subject(xmlNodePtr cm, const char *type, const char *name)
{
	xmlNodePtr n;

	if ((n = g2_insert(cm, "subject", g2_content_meta_order)) == NULL ||
	    g2_set_attr(n, "type", type) != 0 ||
	    mark_derived(n, "why:direct", -1) != 0 ||
	    add_name(n, name, NULL, NULL) == NULL)
		return NULL;
	return n;
}

static int
add_people(xmlNodePtr cm, const struct extraction *x, xmlNodePtr old,
    unsigned long *count)
{
	size_t i;

	for (i = 0; i < x->npeople; i++) {
		if (find_subject_named(cm, "cpnat:person", x->people[i], old) !=
		    NULL)
			continue;
		if (add_found_subject(cm, "cpnat:person", x->people[i]) ==
		    NULL)
			return -1;
		(*count)++;
	}
	return 0;
}

/* "FULL (SHORT)": the full name, then the short one with its role. */
static int
add_orgs(xmlNodePtr cm, const struct extraction *x, xmlNodePtr old,
    unsigned long *count)
{
	const char *org, *open;
	char *full;
	xmlNodePtr n;
	size_t i, len;

	for (i = 0; i < x->norgs; i++) {
		org = x->orgs[i];
		len = strlen(org);
		open = strstr(org, " (");
		if (len > 0 && org[len - 1] == ')' && open != NULL) {
			while (strstr(open + 2, " (") != NULL)
				open = strstr(open + 2, " (");
			full = strndup(org, (size_t)(open - org));
		} else
			full = strdup(org);
		if (full == NULL)
			return -1;
		if (find_subject_named(cm, "cpnat:organisation", full, old) !=
		    NULL) {
			free(full);
			continue;
		}
		n = add_found_subject(cm, "cpnat:organisation", full);
		free(full);
		if (n == NULL)
			return -1;
		if (open != NULL && len > 0 && org[len - 1] == ')') {
			char *shortname = strndup(open + 2,
			    (size_t)(org + len - 1 - (open + 2)));
			xmlNodePtr nm;

			if (shortname == NULL)
				return -1;
			nm = add_name(n, shortname, "nrol:short", NULL);
			free(shortname);
			if (nm == NULL)
				return -1;
			/* The first name is the full one. */
			if (g2_set_attr(g2_child(n, "name"), "role",
			    "nrol:full") != 0)
				return -1;
		}
		(*count)++;
	}
	return 0;
}

/* A place by its gazetteer name, then by the other names the text gives
 * it in the item's language lang (or NULL): "China", then "Tiongkok". */
static int
add_places(xmlNodePtr cm, const struct extraction *x, xmlNodePtr old,
    const char *lang, unsigned long *count)
{
	const struct extract_place *p;
	xmlNodePtr n, b;
	size_t i, j;

	for (i = 0; i < x->nplaces; i++) {
		p = &x->places[i];
		if (find_subject_named(cm, "cpnat:geoArea", p->name, old) !=
		    NULL)
			continue;
		if ((n = add_found_subject(cm, "cpnat:geoArea", p->name)) ==
		    NULL)
			return -1;
		for (j = 0; j < p->nwritten; j++)
			if (add_name(n, p->written[j], NULL, lang) == NULL)
				return -1;
		for (j = 0; j < p->nbroader; j++) {
			if ((b = g2_insert(n, "broader", concept_order)) ==
			    NULL || g2_set_attr(b, "type", "cpnat:geoArea") !=
			    0 || add_name(b, p->broader[j], NULL, NULL) ==
			    NULL)
				return -1;
		}
		(*count)++;
	}
	return 0;
}

static int
add_topics(xmlNodePtr cm, const struct extraction *x, const struct vocab *v,
    unsigned long *count)
{
	const struct extract_subject *s;
	const char *label;
	xmlNodePtr n;
	size_t i;

	for (i = 0; i < x->nsubjects; i++) {
		s = &x->subjects[i];
		if (find_subject_qcode(cm, s->qcode) != NULL)
			continue;
		label = vocab_label(v, s->qcode);
		if (label == NULL)
			label = s->label;
		if ((n = g2_insert(cm, "subject", g2_content_meta_order)) ==
		    NULL || g2_set_attr(n, "type", "cpnat:abstract") != 0 ||
		    g2_set_attr(n, "qcode", s->qcode) != 0 ||
		    mark_derived(n, "why:inferred", s->confidence) != 0 ||
		    (label != NULL && add_name(n, label, NULL, "en-GB") ==
		    NULL))
			return -1;
		(*count)++;
	}
	return 0;
}

static int
add_summary(xmlNodePtr cm, const struct extraction *x, unsigned long *count)
{
	xmlNodePtr n;

	if (x->summary == NULL || g2_child(cm, "description") != NULL)
		return 0;
	if ((n = g2_insert(cm, "description", g2_content_meta_order)) ==
	    NULL || g2_set_attr(n, "role", "drol:summary") != 0 ||
	    mark_derived(n, "why:inferred", -1) != 0 ||
	    g2_set_text(n, x->summary) != 0)
		return -1;
	(*count)++;
	return 0;
}

static int
add_dates(xmlNodePtr cm, const struct extraction *x)
{
	xmlNodePtr n;
	size_t i;

	for (i = 0; i < x->ndates; i++) {
		if (find_ext_prop(cm, "date-mentioned", x->dates[i]) != NULL)
			continue;
		if ((n = add_ext_prop(cm, "date-mentioned", x->dates[i],
		    NULL)) == NULL ||
		    /* valuedatatype is a QName: its prefix must be bound. */
		    xmlNewNs(n, X("http://www.w3.org/2001/XMLSchema"),
		    X("xs")) == NULL ||
		    g2_set_attr(n, "valuedatatype", "xs:date") != 0 ||
		    mark_derived(n, "why:inferred", -1) != 0)
			return -1;
	}
	return 0;
}

/* The first inlineXML of the contentSet, where the body is. */
static xmlNodePtr
body_rendition(xmlNodePtr item)
{
	return g2_child(g2_child(item, "contentSet"), "inlineXML");
}

/* "id" or "en" for the extraction's cues, from the item's language. */
static const char *
cue_language(xmlNodePtr item, xmlNodePtr cm, char out[3])
{
	xmlChar *tag = xmlGetProp(g2_child(cm, "language"), X("tag"));

	if (tag == NULL)
		tag = xmlNodeGetLang(item);
	out[0] = '\0';
	if (tag != NULL && (tag[2] == '\0' || tag[2] == '-') &&
	    (strncmp((const char *)tag, "id", 2) == 0 ||
	    strncmp((const char *)tag, "en", 2) == 0)) {
		memcpy(out, tag, 2);
		out[2] = '\0';
	}
	xmlFree(tag);
	return out[0] != '\0' ? out : NULL;
}

int
meta_find(const struct lexicon *lex, xmlNodePtr item, const struct vocab *v,
    struct meta_found *found, struct warta_error *err)
{
	struct meta_found none;
	struct extraction x;
	struct wbuf text = WBUF_INIT;
	xmlNodePtr cm, body, n, old = NULL;
	char *place = NULL, *pub = NULL, lang[3], words[32];
	int rc = WARTA_FAILED;

	if (found == NULL)
		found = &none;
	memset(&x, 0, sizeof(x));
	/* Only a news item has a text; a package's headline is not one. */
	if (!g2_is(item, "newsItem") ||
	    (cm = g2_child(item, "contentMeta")) == NULL)
		return WARTA_OK;
	if (newsml_item_text(item->doc, &text, err) != WARTA_OK)
		return WARTA_FAILED;
	if (text.len == 0) {
		wbuf_release(&text);
		return WARTA_OK;
	}
	place = g2_text(g2_child(g2_child(cm, "located"), "name"));
	pub = g2_text(g2_child(cm, "contentCreated"));
	cue_language(item, cm, lang);
	if (extract_text(lex, text.data, text.len, lang[0] ? lang : NULL,
	    place, pub, &x, err) != WARTA_OK)
		goto out;
	for (n = g2_child(cm, "subject"); n != NULL; n = g2_next_same(n))
		old = n;
	if (add_people(cm, &x, old, &found->people) != 0 ||
	    add_orgs(cm, &x, old, &found->orgs) != 0 ||
	    add_places(cm, &x, old, lang[0] ? lang : NULL,
	    &found->places) != 0 ||
	    add_topics(cm, &x, v, &found->subjects) != 0 ||
	    add_summary(cm, &x, &found->summaries) != 0 ||
	    add_dates(cm, &x) != 0) {
		oom(err);
		goto out;
	}
	if ((body = body_rendition(item)) != NULL) {
		snprintf(words, sizeof(words), "%zu", x.words);
		if (set_attr(body, "wordcount", words, err) != WARTA_OK)
			goto out;
	}
	rc = WARTA_OK;
out:
	extraction_free(&x);
	wbuf_release(&text);
	xmlFree(place);
	xmlFree(pub);
	return rc;
}

/*
 * Snapshots: a tree as bytes, each element's name, its attributes' names
 * and values, then its content, with a NUL after each part so that no two
 * trees give the same bytes.  Not a serialization (nothing is escaped, no
 * namespace is resolved): only ever compared with another snapshot.
 */
static int
snap_str(struct wbuf *out, int tag, const xmlChar *s)
{
	return wbuf_putc(out, tag) != WARTA_OK || (s != NULL &&
	    wbuf_puts(out, (const char *)s) != WARTA_OK) ||
	    wbuf_putc(out, '\0') != WARTA_OK ? -1 : 0;
}

/* An element's name and attributes, without its content. */
static int
snap_open(const xmlNode *n, struct wbuf *out)
{
	const xmlAttr *a;
	const xmlNode *c;

	if (snap_str(out, '<', n->name) != 0)
		return -1;
	for (a = n->properties; a != NULL; a = a->next) {
		if (snap_str(out, '@', a->name) != 0)
			return -1;
		for (c = a->children; c != NULL; c = c->next)
			if (snap_str(out, '=', c->content) != 0)
				return -1;
	}
	return 0;
}

static int
snap_tree(const xmlNode *n, struct wbuf *out)
{
	const xmlNode *c;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
		return snap_str(out, 't', n->content);
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (snap_open(n, out) != 0)
		return -1;
	for (c = n->children; c != NULL; c = c->next)
		if (snap_tree(c, out) != 0)
			return -1;
	return wbuf_putc(out, '>') != WARTA_OK ? -1 : 0;
}

int
meta_snapshot(xmlNodePtr item, struct wbuf *out)
{
	xmlNodePtr c, r;

	/* The item's own attributes, then every child but the contentSet,
	 * whose renditions count only by their attributes. */
	if (snap_open(item, out) != 0)
		return -1;
	for (c = item->children; c != NULL; c = c->next) {
		if (!g2_is(c, "contentSet")) {
			if (snap_tree(c, out) != 0)
				return -1;
			continue;
		}
		for (r = c->children; r != NULL; r = r->next)
			if (r->type == XML_ELEMENT_NODE &&
			    snap_open(r, out) != 0)
				return -1;
	}
	return 0;
}

static const char *const hop_history_order[] = { "hop", NULL };
static const char *const hop_order[] = { "party", "action", NULL };

int
meta_bump_version(xmlNodePtr item, const char *now, const char *agent,
    struct warta_error *err)
{
	xmlChar *ver;
	xmlNodePtr im, hh, hop, h, party;
	char num[24];
	long version = 1, seq = 0;

	if ((im = g2_child(item, "itemMeta")) == NULL)
		return warta_error_set(err, -1, "the item has no itemMeta");
	if ((ver = xmlGetProp(item, X("version"))) != NULL) {
		char *end;

		errno = 0;
		version = strtol((const char *)ver, &end, 10);
		if (errno != 0 || *end != '\0' || version < 1 ||
		    version >= 2147483647L) {
			warta_error_set(err, -1, "version '%.40s' is not a "
			    "positive integer", (const char *)ver);
			xmlFree(ver);
			return WARTA_FAILED;
		}
		xmlFree(ver);
	}
	snprintf(num, sizeof(num), "%ld", version + 1);
	if (g2_set_attr(item, "version", num) != 0)
		return oom(err);
	if (set_child_text(im, "versionCreated", g2_item_meta_order, now,
	    err) == NULL)
		return WARTA_FAILED;

	if ((hh = g2_ensure(item, "hopHistory", g2_item_order)) == NULL)
		return oom(err);
	for (h = g2_child(hh, "hop"); h != NULL; h = g2_next_same(h))
		seq++;
	snprintf(num, sizeof(num), "%ld", seq + 1);
	if ((hop = g2_insert(hh, "hop", hop_history_order)) == NULL ||
	    g2_set_attr(hop, "seq", num) != 0 ||
	    g2_set_attr(hop, "timestamp", now) != 0 ||
	    (party = g2_insert(hop, "party", hop_order)) == NULL ||
	    add_name(party, agent, NULL, NULL) == NULL ||
	    (h = g2_insert(hop, "action", hop_order)) == NULL ||
	    g2_set_attr(h, "qcode", "hopaction:enhanced") != 0 ||
	    g2_set_attr(h, "target", "hatarget:metadata") != 0)
		return oom(err);
	return WARTA_OK;
}
