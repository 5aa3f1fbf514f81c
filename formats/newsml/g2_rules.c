/*
 * newsml/g2_rules.c: the producer rules the schema cannot check, the catalog's
 * scheme aliases, and the schema; see newsml/g2_rules.h.
 *
 * The rules walk only the elements in the NewsML-G2 namespace: content
 * in other namespaces (an XHTML body, NITF, a rights expression) is the
 * business of its own vocabulary, so its attributes are never taken for
 * QCodes and its xml:lang is not checked.  inlineXML is looked into only
 * to see that an XHTML body is one html element.
 *
 * The place of a problem is built only when there is a problem to report:
 * most items have none, and most elements have no siblings of their name.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "newsml/g2_rules.h"
#include "base/xml_errors.h"
#include "newsml/newsml.h"

#define X(s) ((const xmlChar *)(s))
#define S(s) ((const char *)(s))

/* How much of a value a message quotes, in bytes (cut at a character). */
#define SHOW_MAX 64

/* --- small helpers --- */

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
in_g2(const xmlNode *n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    NEWSML_IS_NS(n->ns->href);
}

static int
g2_named(const xmlNode *n, const char *name)
{
	return in_g2(n) && xmlStrEqual(n->name, X(name));
}

static xmlNodePtr
g2_from(xmlNodePtr n)
{
	while (n != NULL && !in_g2(n))
		n = n->next;
	return n;
}

/*
 * A value as a message quotes it: at most SHOW_MAX bytes, cut before a
 * UTF-8 continuation byte, control characters (C0, DEL and C1) as spaces,
 * "..." when cut.  Returns out, so that it is made only for a message.
 */
static const char *
show(char out[SHOW_MAX + 4], const char *v, size_t len)
{
	const unsigned char *u = (const unsigned char *)v;
	size_t i, j, n = len;

	if (n > SHOW_MAX) {
		n = SHOW_MAX;
		while (n > 0 && (u[n] & 0xc0) == 0x80)
			n--;
	}
	for (i = j = 0; i < n; i++, j++) {
		if (u[i] == 0xc2 && i + 1 < n && u[i + 1] >= 0x80 &&
		    u[i + 1] <= 0x9f) {
			out[j] = ' ';
			i++;
		} else
			out[j] = u[i] < 0x20 || u[i] == 0x7f ? ' ' : v[i];
	}
	if (n < len)
		memcpy(out + j, "...", 3), j += 3;
	out[j] = '\0';
	return out;
}

/* --- the first error libxml2 raises while a file is loaded --- */

struct first_error {
	int seen;
	int line;
	char message[400];
};

static void
keep_first(void *arg, xmlErrorPtr e)
{
	struct first_error *fe = arg;

	/* An error wins over a warning seen before it. */
	if (e == NULL || fe->seen > 1 ||
	    (fe->seen && e->level < XML_ERR_ERROR))
		return;
	fe->seen = e->level >= XML_ERR_ERROR ? 2 : 1;
	fe->line = e->line;
	xml_one_line(fe->message, sizeof(fe->message), e->message);
}

static int
load_error(struct warta_error *err, const char *path,
    const struct first_error *fe, const char *fallback)
{
	if (!fe->seen)
		return warta_error_set(err, -1, "%s: %s", path, fallback);
	if (fe->line > 0)
		return warta_error_set(err, -1, "%s: line %d: %s", path,
		    fe->line, fe->message);
	return warta_error_set(err, -1, "%s: %s", path, fe->message);
}

/* --- the catalog --- */

struct g2_catalog {
	char **alias;		/* sorted, no duplicates */
	size_t n;
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * SAX's internalSubset is called as soon as a DOCTYPE's name and external
 * id are read, before anything in it is: the parse stops there, so no
 * entity is ever declared, let alone expanded.
 */
static void
refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *eid,
    const xmlChar *sid)
{
	xmlParserCtxtPtr ctxt = ctx;

	(void)name;
	(void)eid;
	(void)sid;
	*(int *)ctxt->_private = 1;
	xmlStopParser(ctxt);
}

/* Whether a file can be opened, with errno when not. */
static int
readable(const char *path)
{
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL)
		return 0;
	fclose(fp);
	return 1;
}

/* Adds a copy of alias to c (a is freed). */
static int
add_alias(struct g2_catalog *c, size_t *cap, xmlChar *a, const char *path,
    struct warta_error *err)
{
	if (c->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 256;
		char **p = realloc(c->alias, ncap * sizeof(*p));

		if (p == NULL) {
			xmlFree(a);
			return warta_error_set(err, -1, "%s: out of memory",
			    path);
		}
		c->alias = p;
		*cap = ncap;
	}
	c->alias[c->n] = strdup(S(a));
	xmlFree(a);
	if (c->alias[c->n] == NULL)
		return warta_error_set(err, -1, "%s: out of memory", path);
	c->n++;
	return WARTA_OK;
}

/* Every scheme alias of the catalog root, sorted, each once. */
static int
collect_aliases(struct g2_catalog *c, xmlNodePtr root, const char *path,
    struct warta_error *err)
{
	xmlNodePtr n;
	size_t cap = 0, i, j;

	for (n = g2_from(root->children); n != NULL; n = g2_from(n->next)) {
		xmlChar *a;

		if (!xmlStrEqual(n->name, X("scheme")) ||
		    (a = xmlGetNoNsProp(n, X("alias"))) == NULL)
			continue;
		if (add_alias(c, &cap, a, path, err) != WARTA_OK)
			return WARTA_FAILED;
	}
	if (c->n == 0)
		return warta_error_set(err, -1, "%s: no scheme aliases in it",
		    path);
	qsort(c->alias, c->n, sizeof(*c->alias), cmp_str);
	for (i = j = 0; i < c->n; i++) {
		if (j > 0 && strcmp(c->alias[j - 1], c->alias[i]) == 0)
			free(c->alias[i]);
		else
			c->alias[j++] = c->alias[i];
	}
	c->n = j;
	return WARTA_OK;
}

struct g2_catalog *
g2_catalog_load(const char *path, struct warta_error *err)
{
	xmlParserCtxtPtr ctxt = NULL;
	xmlDocPtr doc = NULL;
	xmlNodePtr root;
	struct g2_catalog *c = NULL;
	struct first_error fe;
	struct xml_quiet q;
	int doctype = 0, ok = 0;

	memset(&fe, 0, sizeof(fe));
	xmlInitParser();
	if (!readable(path)) {
		warta_error_set(err, -1, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if ((c = calloc(1, sizeof(*c))) == NULL ||
	    (ctxt = xmlNewParserCtxt()) == NULL) {
		warta_error_set(err, -1, "%s: out of memory", path);
		goto out;
	}
	ctxt->_private = &doctype;
	ctxt->sax->internalSubset = refuse_doctype;
	xml_quiet_begin(&q, keep_first, &fe);
	/* No network; nothing that loads or expands a DTD. */
	doc = xmlCtxtReadFile(ctxt, path, NULL, XML_PARSE_NONET);
	xml_quiet_end(&q);
	if (doctype) {
		warta_error_set(err, -1, "%s: has a DOCTYPE, which is refused",
		    path);
		goto out;
	}
	if (doc == NULL) {
		load_error(err, path, &fe, "not well-formed");
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	if (!g2_named(root, "catalog")) {
		warta_error_set(err, -1, "%s: not a NewsML-G2 catalog", path);
		goto out;
	}
	if (collect_aliases(c, root, path, err) != WARTA_OK)
		goto out;
	ok = 1;
out:
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	if (!ok) {
		g2_catalog_free(c);
		c = NULL;
	}
	return c;
}

void
g2_catalog_free(struct g2_catalog *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		free(c->alias[i]);
	free(c->alias);
	free(c);
}

int
g2_catalog_has(const struct g2_catalog *c, const char *alias, size_t len)
{
	size_t lo = 0, hi;

	if (c == NULL)
		return 0;
	hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *s = c->alias[mid];
		int d = strncmp(s, alias, len);

		if (d == 0)
			d = s[len] == '\0' ? 0 : 1;
		if (d == 0)
			return 1;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* --- the rules --- */

/*
 * The attributes whose type is QCodeType or QCodeListType somewhere in
 * the NewsML-G2 2.35 schema (every xs:attribute declaration of those
 * types), sorted for bsearch.  Two of the names are plain strings on one
 * element each: role on a newsMessage's header/timestamp, rel on a; see
 * qcode_attr().  A value is read as a list either way: a single QCode
 * with a space in it is the schema's to report.
 */
static const char *const qcode_attrs[] = {
	"accesstype", "aspect", "audiochannels", "audiocodec",
	"authoritystatus", "colourindicator", "colourspace", "concepttype",
	"confirmationstatus", "creator", "derivedfrom", "durationunit",
	"encoding", "environment", "format", "hashtype", "heightunit", "how",
	"idformat", "interactiontype", "jobtitle", "layoutorientation",
	"market", "marketlabelsrc", "mode", "part", "pubconstraint", "qcode",
	"radunit", "ratertype", "ratingtype", "rel", "rendition",
	"renditionref", "reposrole", "representation", "residrefformat",
	"role", "scaleunit", "scope", "severity", "symbolsrc", "target",
	"tech", "timeunit", "type", "valcalctype", "valueunit", "videocodec",
	"videodefinition", "videoscaling", "why", "widthunit"
};

/* Elements whose text is a date-time that must carry a zone. */
static const char *const date_elems[] = {
	"versionCreated", "firstCreated", "contentCreated", "contentModified",
	"embargoed", "sent"
};

static const char *const item_elems[] = {
	"newsItem", "packageItem", "conceptItem", "knowledgeItem",
	"planningItem", "catalogItem"
};

static int
cmp_name(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static int
qcode_attr(const xmlNode *n, const char *name)
{
	if (bsearch(name, qcode_attrs, sizeof(qcode_attrs) /
	    sizeof(qcode_attrs[0]), sizeof(qcode_attrs[0]), cmp_name) == NULL)
		return 0;
	if (strcmp(name, "role") == 0 && xmlStrEqual(n->name, X("timestamp")))
		return 0;
	if (strcmp(name, "rel") == 0 && xmlStrEqual(n->name, X("a")))
		return 0;
	return 1;
}

static int
one_of(const xmlChar *name, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (xmlStrEqual(name, X(list[i])))
			return 1;
	return 0;
}

#define ONE_OF(name, list) one_of(name, list, sizeof(list) / sizeof(list[0]))

/* The G2 element children of one parent, with their [n] in a place. */
struct sib {
	const xmlChar *name;
	const xmlChar *ns;
	xmlNodePtr node;
	size_t pos;
	unsigned long index;	/* 1-based among those of its name */
	int several;		/* it has siblings of its name */
};

struct level {
	xmlNodePtr parent;
	struct sib *sib;
	size_t n, cap;
	size_t cursor;		/* problems come in document order */
};

struct check {
	xmlNodePtr root;
	const struct g2_catalog *catalog;
	g2_problem_fn fn;
	void *arg;
	int count;
	int stop;
	int nomem;

	/* Aliases declared by catalog elements inside the item itself. */
	int local_done;
	struct g2_catalog local;
	int other_catalog;	/* a catalogRef to a catalog not IPTC's */

	struct level *levels;
	size_t nlevels;
	struct wbuf msg;
	xmlNodePtr *up;
	size_t upcap;
};

static int
cmp_sib_name(const void *a, const void *b)
{
	const struct sib *x = a, *y = b;
	int d = strcmp(S(x->name), S(y->name));

	if (d == 0)
		d = strcmp(S(x->ns), S(y->ns));
	if (d == 0)
		d = x->pos < y->pos ? -1 : x->pos > y->pos;
	return d;
}

static int
cmp_sib_pos(const void *a, const void *b)
{
	const struct sib *x = a, *y = b;

	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* The [n] of every G2 child of parent, sorted by name then back. */
static int
level_fill(struct level *l, xmlNodePtr parent)
{
	xmlNodePtr c;
	size_t n = 0, i, j, k;

	for (c = g2_from(parent->children); c != NULL; c = g2_from(c->next))
		n++;
	if (n > l->cap) {
		struct sib *p = realloc(l->sib, n * sizeof(*p));

		if (p == NULL)
			return -1;
		l->sib = p;
		l->cap = n;
	}
	n = 0;
	for (c = g2_from(parent->children); c != NULL; c = g2_from(c->next)) {
		l->sib[n].name = c->name;
		l->sib[n].ns = c->ns->href;
		l->sib[n].node = c;
		l->sib[n].pos = n;
		n++;
	}
	/* qsort(3) must not see the NULL of an empty list. */
	if (n > 1)
		qsort(l->sib, n, sizeof(*l->sib), cmp_sib_name);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && xmlStrEqual(l->sib[j].name,
		    l->sib[i].name) && xmlStrEqual(l->sib[j].ns, l->sib[i].ns);
		    j++)
			l->sib[j].index = j - i + 1;
		for (k = i; k < j; k++)
			l->sib[k].several = j - i > 1;
	}
	if (n > 1)
		qsort(l->sib, n, sizeof(*l->sib), cmp_sib_pos);
	l->parent = parent;
	l->n = n;
	l->cursor = 0;
	return 0;
}

/* Appends "name" or "name[i]" for n, the child at depth d of the path. */
static int
put_step(struct check *ck, size_t d, xmlNodePtr n)
{
	struct level *l;
	char num[32];
	size_t k;

	if (d >= ck->nlevels) {
		struct level *p = realloc(ck->levels, (d + 1) * sizeof(*p));

		if (p == NULL)
			return -1;
		memset(p + ck->nlevels, 0, (d + 1 - ck->nlevels) * sizeof(*p));
		ck->levels = p;
		ck->nlevels = d + 1;
	}
	l = &ck->levels[d];
	if (l->parent != n->parent && level_fill(l, n->parent) < 0)
		return -1;
	for (k = l->cursor; k < l->n && l->sib[k].node != n; k++)
		;
	if (k == l->n)
		for (k = 0; k < l->n && l->sib[k].node != n; k++)
			;
	if (wbuf_puts(&ck->msg, S(n->name)) < 0)
		return -1;
	if (k == l->n)
		return 0;
	l->cursor = k;
	if (!l->sib[k].several)
		return 0;
	snprintf(num, sizeof(num), "[%lu]", l->sib[k].index);
	return wbuf_puts(&ck->msg, num);
}

/* "newsItem/contentMeta/subject[3]" for n, then "/@attr". */
static int
put_place(struct check *ck, xmlNodePtr n, const char *attr)
{
	xmlNodePtr p;
	size_t depth = 0, d;

	for (p = n; p != ck->root && p != NULL; p = p->parent)
		depth++;
	if (depth + 1 > ck->upcap) {
		xmlNodePtr *u = realloc(ck->up, (depth + 1) * sizeof(*u));

		if (u == NULL)
			return -1;
		ck->up = u;
		ck->upcap = depth + 1;
	}
	for (p = n, d = depth; d > 0; p = p->parent)
		ck->up[--d] = p;
	if (wbuf_puts(&ck->msg, S(ck->root->name)) < 0)
		return -1;
	for (d = 0; d < depth; d++)
		if (wbuf_putc(&ck->msg, '/') < 0 ||
		    put_step(ck, d, ck->up[d]) < 0)
			return -1;
	if (attr != NULL && (wbuf_puts(&ck->msg, "/@") < 0 ||
	    wbuf_puts(&ck->msg, attr) < 0))
		return -1;
	return 0;
}

static void
problem(struct check *ck, xmlNodePtr n, const char *attr, const char *fmt,
    ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void
problem(struct check *ck, xmlNodePtr n, const char *attr, const char *fmt,
    ...)
{
	char text[512];
	va_list ap;

	if (ck->stop)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	wbuf_reset(&ck->msg);
	if (put_place(ck, n, attr) < 0 || wbuf_puts(&ck->msg, ": ") < 0 ||
	    wbuf_puts(&ck->msg, text) < 0) {
		ck->nomem = ck->stop = 1;
		return;
	}
	ck->count++;
	if (ck->fn(ck->arg, ck->msg.data) != 0)
		ck->stop = 1;
}

/* A date-time (it has a 'T') ends in Z or +hh:mm / -hh:mm. */
static int
has_zone(const char *v, size_t len)
{
	if (memchr(v, 'T', len) == NULL)
		return 1;
	if (len >= 1 && v[len - 1] == 'Z')
		return 1;
	return len >= 6 && (v[len - 6] == '+' || v[len - 6] == '-') &&
	    is_digit(v[len - 5]) && is_digit(v[len - 4]) && v[len - 3] == ':' &&
	    is_digit(v[len - 2]) && is_digit(v[len - 1]);
}

static void
check_date(struct check *ck, xmlNodePtr n, const char *attr, const char *v)
{
	char shown[SHOW_MAX + 4];
	size_t len;

	/* xs:dateTime collapses whitespace: a value may sit on its own line. */
	while (ascii_is_xml_space(*v))
		v++;
	len = strlen(v);
	while (len > 0 && ascii_is_xml_space(v[len - 1]))
		len--;
	if (has_zone(v, len))
		return;
	show(shown, v, len);
	problem(ck, n, attr, "'%s' has no time zone", shown);
}

/*
 * RFC 3986: scheme ":" and something, no white space and no control
 * character, C1 (U+0080-U+009F, which a terminal may obey) included.
 */
static int
is_uri(const char *v)
{
	const unsigned char *p = (const unsigned char *)v;

	if (!is_alpha(*p))
		return 0;
	while (is_alpha(*p) || is_digit(*p) || *p == '+' || *p == '-' ||
	    *p == '.')
		p++;
	if (*p++ != ':' || *p == '\0')
		return 0;
	for (; *p != '\0'; p++)
		if (*p <= 0x20 || *p == 0x7f ||
		    (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
			return 0;
	return 1;
}

/* Written plainly: no sign, no leading zero, not 0. */
static int
is_positive(const char *v)
{
	if (*v < '1' || *v > '9')
		return 0;
	while (is_digit(*v))
		v++;
	return *v == '\0';
}

/*
 * BCP 47, in the shape every tag has: a primary language subtag of two
 * or three letters, then subtags of one to eight letters or digits, each
 * after a '-'.  A private-use tag ("x-...") and the old "i-..." tags pass
 * too.  Which subtags exist, and their order (extlang, script, region,
 * variants) is not checked: this is to catch "en_GB", "english", "EN GB".
 */
static int
is_bcp47(const char *v)
{
	size_t n = 0;

	while (is_alpha(v[n]))
		n++;
	if (n == 1) {
		if (strchr("xXiI", v[0]) == NULL || v[1] != '-')
			return 0;
	} else if (n < 2 || n > 3)
		return 0;
	v += n;
	while (*v == '-') {
		v++;
		for (n = 0; is_alpha(v[n]) || is_digit(v[n]); n++)
			;
		if (n < 1 || n > 8)
			return 0;
		v += n;
	}
	return *v == '\0';
}

/*
 * Whether a catalogRef's href names one of IPTC's catalogs, wherever it
 * is kept: ".../catalog.IPTC-G2-Standards_41.xml", any version.
 */
static int
iptc_catalog_ref(const char *href)
{
	const char *p = strrchr(href, '/'), *pre = "catalog.IPTC-G2-Standards_";

	p = p != NULL ? p + 1 : href;
	if (strncmp(p, pre, strlen(pre)) != 0)
		return 0;
	p += strlen(pre);
	if (!is_digit(*p))
		return 0;
	while (is_digit(*p))
		p++;
	return strcmp(p, ".xml") == 0;
}

/*
 * The aliases the item declares itself (catalog/scheme/@alias), and
 * whether it refers to a catalog other than IPTC's, which warta does not
 * fetch.
 */
static void
local_aliases(struct check *ck)
{
	xmlNodePtr n = ck->root, s;
	size_t cap = 0;

	ck->local_done = 1;
	while (n != NULL) {
		if (xmlStrEqual(n->name, X("catalogRef"))) {
			xmlChar *href = xmlGetNoNsProp(n, X("href"));

			if (href == NULL || !iptc_catalog_ref(S(href)))
				ck->other_catalog = 1;
			xmlFree(href);
		}
		if (xmlStrEqual(n->name, X("catalog"))) {
			for (s = g2_from(n->children); s != NULL;
			    s = g2_from(s->next)) {
				xmlChar *a;

				if (!xmlStrEqual(s->name, X("scheme")) ||
				    (a = xmlGetNoNsProp(s, X("alias"))) == NULL)
					continue;
				if (ck->local.n == cap) {
					size_t nc = cap ? cap * 2 : 16;
					char **p = realloc(ck->local.alias,
					    nc * sizeof(*p));

					if (p == NULL) {
						xmlFree(a);
						ck->nomem = ck->stop = 1;
						return;
					}
					ck->local.alias = p;
					cap = nc;
				}
				if ((ck->local.alias[ck->local.n] =
				    strdup(S(a))) == NULL) {
					xmlFree(a);
					ck->nomem = ck->stop = 1;
					return;
				}
				ck->local.n++;
				xmlFree(a);
			}
		}
		/* Document order over the G2 elements, as the walk goes. */
		if ((s = g2_from(n->children)) != NULL) {
			n = s;
			continue;
		}
		while (n != ck->root && g2_from(n->next) == NULL)
			n = n->parent;
		n = n == ck->root ? NULL : g2_from(n->next);
	}
	if (ck->local.n > 0)
		qsort(ck->local.alias, ck->local.n, sizeof(*ck->local.alias),
		    cmp_str);
}

static void
check_qcodes(struct check *ck, xmlNodePtr n, const char *attr, const char *v)
{
	char shown[SHOW_MAX + 4], alias[SHOW_MAX + 4];

	while (!ck->stop) {
		const char *colon;
		size_t len;

		while (ascii_is_xml_space(*v))
			v++;
		if (*v == '\0')
			break;
		for (len = 0; v[len] != '\0' && !ascii_is_xml_space(v[len]);
		    len++)
			;
		colon = memchr(v, ':', len);
		if (colon == NULL || colon == v || colon == v + len - 1)
			problem(ck, n, attr, "'%s' is not a QCode",
			    show(shown, v, len));
		else if (ck->catalog != NULL &&
		    !g2_catalog_has(ck->catalog, v, (size_t)(colon - v))) {
			if (!ck->local_done)
				local_aliases(ck);
			if (!ck->stop && !ck->other_catalog &&
			    !g2_catalog_has(&ck->local, v,
			    (size_t)(colon - v))) {
				show(alias, v, (size_t)(colon - v));
				problem(ck, n, attr, "alias '%s' of '%s' is not "
				    "declared in the catalog", alias,
				    show(shown, v, len));
			}
		}
		v += len;
	}
}

/* The media type of a contenttype, without parameters. */
static int
is_xhtml_type(const char *v)
{
	size_t len;

	while (ascii_is_xml_space(*v))
		v++;
	len = strcspn(v, ";");
	while (len > 0 && ascii_is_xml_space(v[len - 1]))
		len--;
	return len == strlen("application/xhtml+xml") &&
	    strncasecmp(v, "application/xhtml+xml", len) == 0;
}

static void
check_xhtml(struct check *ck, xmlNodePtr n)
{
	xmlNodePtr c, first = NULL;
	xmlChar *ct;
	int count = 0;
	char shown[SHOW_MAX + 4];

	if ((ct = xmlGetNoNsProp(n, X("contenttype"))) == NULL)
		return;
	if (!is_xhtml_type(S(ct))) {
		xmlFree(ct);
		return;
	}
	xmlFree(ct);
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && count++ == 0)
			first = c;
	if (count != 1)
		problem(ck, n, NULL, "%d child elements, not one html element",
		    count);
	else if (first->ns == NULL ||
	    !xmlStrEqual(first->ns->href, X(XHTML_NS)) ||
	    !xmlStrEqual(first->name, X("html"))) {
		show(shown, S(first->name), strlen(S(first->name)));
		problem(ck, n, NULL, "'%s' is not html in the XHTML namespace",
		    shown);
	}
}

static void
check_attr(struct check *ck, xmlNodePtr n, xmlAttrPtr a)
{
	const char *name = S(a->name);
	xmlChar *v;
	char shown[SHOW_MAX + 4];

	if (a->ns != NULL) {
		if (!xmlStrEqual(a->ns->href, XML_XML_NAMESPACE) ||
		    strcmp(name, "lang") != 0)
			return;
		if ((v = xmlNodeGetContent((xmlNodePtr)a)) == NULL) {
			ck->nomem = ck->stop = 1;
			return;
		}
		/* xml:lang="" says the language is unknown; it is allowed. */
		if (*v != '\0' && !is_bcp47(S(v))) {
			show(shown, S(v), strlen(S(v)));
			problem(ck, n, "xml:lang",
			    "'%s' is not a BCP 47 language tag", shown);
		}
		xmlFree(v);
		return;
	}
	if ((v = xmlNodeGetContent((xmlNodePtr)a)) == NULL) {
		ck->nomem = ck->stop = 1;
		return;
	}
	if (qcode_attr(n, name))
		check_qcodes(ck, n, name, S(v));
	if (strcmp(name, "qcode") == 0 && xmlStrEqual(n->name, X("pubStatus")) &&
	    strcmp(S(v), "stat:usable") != 0 &&
	    strcmp(S(v), "stat:withheld") != 0 &&
	    strcmp(S(v), "stat:canceled") != 0)
		problem(ck, n, name, "'%s' is not stat:usable, stat:withheld "
		    "or stat:canceled", show(shown, S(v), strlen(S(v))));
	else if (strcmp(name, "timestamp") == 0 &&
	    xmlStrEqual(n->name, X("hop")))
		check_date(ck, n, name, S(v));
	else if (strcmp(name, "tag") == 0 &&
	    xmlStrEqual(n->name, X("language")) && !is_bcp47(S(v)))
		problem(ck, n, name, "'%s' is not a BCP 47 language tag",
		    show(shown, S(v), strlen(S(v))));
	else if (ONE_OF(n->name, item_elems)) {
		if (strcmp(name, "guid") == 0 && !is_uri(S(v)))
			problem(ck, n, name, "'%s' is not a URI",
			    show(shown, S(v), strlen(S(v))));
		else if (strcmp(name, "version") == 0 && !is_positive(S(v)))
			problem(ck, n, name, "'%s' is not a positive integer",
			    show(shown, S(v), strlen(S(v))));
	}
	xmlFree(v);
}

/* Checks one G2 element; 1 when the walk goes into it. */
static int
check_element(struct check *ck, xmlNodePtr n)
{
	xmlAttrPtr a;
	xmlChar *v;

	for (a = n->properties; a != NULL && !ck->stop; a = a->next)
		check_attr(ck, n, a);
	/* The schema requires it, but the schema is optional: without a
	 * guid an item is no one item, and warta-pack would take any two
	 * such items for versions of the same. */
	if (ONE_OF(n->name, item_elems) && xmlHasNsProp(n, X("guid"),
	    NULL) == NULL)
		problem(ck, n, "guid", "missing: every item needs one");
	if (ck->stop)
		return 0;
	if (ONE_OF(n->name, date_elems)) {
		if ((v = xmlNodeGetContent(n)) == NULL) {
			ck->nomem = ck->stop = 1;
			return 0;
		}
		check_date(ck, n, NULL, S(v));
		xmlFree(v);
	}
	if (xmlStrEqual(n->name, X("inlineXML"))) {
		check_xhtml(ck, n);
		return 0;
	}
	return !xmlStrEqual(n->name, X("inlineData"));
}

int
g2_check_rules(xmlNodePtr item, const struct g2_catalog *catalog,
    g2_problem_fn fn, void *arg)
{
	struct check ck;
	xmlNodePtr n, c;
	size_t i;

	memset(&ck, 0, sizeof(ck));
	ck.root = item;
	ck.catalog = catalog;
	ck.fn = fn;
	ck.arg = arg;
	wbuf_init(&ck.msg);
	n = in_g2(item) ? item : NULL;
	while (n != NULL && !ck.stop) {
		if (check_element(&ck, n) && (c = g2_from(n->children)) != NULL) {
			n = c;
			continue;
		}
		while (n != item && g2_from(n->next) == NULL)
			n = n->parent;
		n = n == item ? NULL : g2_from(n->next);
	}
	for (i = 0; i < ck.nlevels; i++)
		free(ck.levels[i].sib);
	free(ck.levels);
	free(ck.up);
	for (i = 0; i < ck.local.n; i++)
		free(ck.local.alias[i]);
	free(ck.local.alias);
	wbuf_release(&ck.msg);
	return ck.nomem ? -1 : ck.count;
}

/* --- the schema --- */

struct validation {
	g2_problem_fn fn;
	void *arg;
	int count;
	int stop;
};

struct g2_schema {
	xmlSchemaPtr schema;
	xmlSchemaValidCtxtPtr vctxt;
	struct validation stream;	/* while a reader validates */
	int borrowed;		/* schema is another handle's (g2_schema_dup) */
};

/*
 * While the schema loads, only local files: a URL with a scheme other
 * than file: is refused here, and xmlNoNetExternalEntityLoader refuses
 * what reaches it over http or ftp (after the XML catalogs had their say).
 */
static xmlParserInputPtr
local_only(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	const char *p = url;

	if (p != NULL && is_alpha(*p)) {
		while (is_alpha(*p) || is_digit(*p) || *p == '+' || *p == '-' ||
		    *p == '.')
			p++;
		if (*p == ':' && p - url > 1 && strncasecmp(url, "file:", 5) != 0)
			return NULL;
	}
	return xmlNoNetExternalEntityLoader(url, id, ctxt);
}

struct g2_schema *
g2_schema_load(const char *path, struct warta_error *err)
{
	xmlSchemaParserCtxtPtr pctxt = NULL;
	xmlExternalEntityLoader saved;
	struct g2_schema *s = NULL;
	struct first_error fe;
	struct xml_quiet q;
	int ok = 0;

	memset(&fe, 0, sizeof(fe));
	xmlInitParser();
	if (!readable(path)) {
		warta_error_set(err, -1, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if ((s = calloc(1, sizeof(*s))) == NULL ||
	    (pctxt = xmlSchemaNewParserCtxt(path)) == NULL) {
		warta_error_set(err, -1, "%s: out of memory", path);
		goto out;
	}
	xmlSchemaSetParserStructuredErrors(pctxt, keep_first, &fe);
	saved = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(local_only);
	xml_quiet_begin(&q, keep_first, &fe);
	s->schema = xmlSchemaParse(pctxt);
	xml_quiet_end(&q);
	xmlSetExternalEntityLoader(saved);
	if (s->schema == NULL) {
		load_error(err, path, &fe, "not a schema");
		goto out;
	}
	if ((s->vctxt = xmlSchemaNewValidCtxt(s->schema)) == NULL) {
		warta_error_set(err, -1, "%s: out of memory", path);
		goto out;
	}
	ok = 1;
out:
	xmlSchemaFreeParserCtxt(pctxt);
	if (!ok) {
		g2_schema_free(s);
		s = NULL;
	}
	return s;
}

struct g2_schema *
g2_schema_dup(const struct g2_schema *s, struct warta_error *err)
{
	struct g2_schema *d;

	if ((d = calloc(1, sizeof(*d))) == NULL ||
	    (d->vctxt = xmlSchemaNewValidCtxt(s->schema)) == NULL) {
		free(d);
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	d->schema = s->schema;
	d->borrowed = 1;
	return d;
}

void
g2_schema_free(struct g2_schema *s)
{
	if (s == NULL)
		return;
	xmlSchemaFreeValidCtxt(s->vctxt);
	if (!s->borrowed)
		xmlSchemaFree(s->schema);
	free(s);
}

static void
schema_error(void *arg, xmlErrorPtr e)
{
	struct validation *v = arg;
	char msg[600], text[512];
	long line = 0;

	if (e == NULL || e->level < XML_ERR_ERROR)
		return;
	v->count++;
	if (v->stop)
		return;
	xml_one_line(text, sizeof(text), e->message);
	if (e->node != NULL &&
	    ((xmlNodePtr)e->node)->type == XML_ELEMENT_NODE)
		line = xmlGetLineNo(e->node);
	if (line <= 0)
		line = e->line;
	if (line > 0)
		snprintf(msg, sizeof(msg), "line %ld: %s", line, text);
	else
		snprintf(msg, sizeof(msg), "%s", text);
	if (v->fn(v->arg, msg) != 0)
		v->stop = 1;
}

int
g2_schema_validate(struct g2_schema *s, xmlDocPtr doc, g2_problem_fn fn,
    void *arg)
{
	struct validation v;
	int rc;

	memset(&v, 0, sizeof(v));
	v.fn = fn;
	v.arg = arg;
	xmlSchemaSetValidStructuredErrors(s->vctxt, schema_error, &v);
	rc = xmlSchemaValidateDoc(s->vctxt, doc);
	xmlSchemaSetValidStructuredErrors(s->vctxt, NULL, NULL);
	if (rc < 0)
		return -1;
	if (rc > 0 && v.count == 0) {
		/* Invalid, yet libxml2 said nothing that was an error. */
		v.count = 1;
		if (!v.stop)
			fn(arg, "not valid against the schema");
	}
	return v.count;
}

int
g2_schema_stream_begin(struct g2_schema *s, xmlTextReaderPtr xr,
    g2_problem_fn fn, void *arg)
{
	memset(&s->stream, 0, sizeof(s->stream));
	s->stream.fn = fn;
	s->stream.arg = arg;
	xmlSchemaSetValidStructuredErrors(s->vctxt, schema_error, &s->stream);
	return xmlTextReaderSchemaValidateCtxt(xr, s->vctxt, 0) == 0 ? 0 : -1;
}

int
g2_schema_stream_end(struct g2_schema *s, xmlTextReaderPtr xr)
{
	int valid = xmlTextReaderIsValid(xr);

	xmlSchemaSetValidStructuredErrors(s->vctxt, NULL, NULL);
	if (valid == 0 && s->stream.count == 0) {
		s->stream.count = 1;
		if (!s->stream.stop)
			s->stream.fn(s->stream.arg, "not valid against the "
			    "schema");
	}
	return s->stream.count;
}
