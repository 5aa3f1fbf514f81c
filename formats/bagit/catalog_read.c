/*
 * bagit/catalog_read.c: a bundle's catalog read back; see
 * bagit/catalog_read.h.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "bagit/catalog_read.h"
#include "base/tsv_cell.h"
#include "base/xml_errors.h"
#include "newsml/write.h"

#define X(s) ((const xmlChar *)(s))
#define CATALOG_XML "data/catalog.xml"

char *
catalog_tsv_next(char **pos, long *lineno)
{
	char *line, *next;

	for (line = *pos; line != NULL && *line != '\0'; line = next) {
		++*lineno;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		else
			next = line + strlen(line);
		if (*lineno == 1 || *line == '\0')
			continue;
		*pos = next;
		return line;
	}
	*pos = line;
	return NULL;
}

size_t
catalog_tsv_split(char *line, char *field[CATALOG_TSV_COLUMNS])
{
	size_t nf = 0;
	char *tab;

	field[0] = line;
	while (nf < CATALOG_TSV_COLUMNS) {
		tab = strchr(field[nf], '\t');
		if (tab != NULL)
			*tab = '\0';
		/* The quote put before a formula-like value is not part
		 * of it (base/tsv_cell.h). */
		if (tsv_cell_value(field[nf]) != field[nf])
			field[nf]++;
		nf++;
		if (tab == NULL)
			break;
		if (nf < CATALOG_TSV_COLUMNS)
			field[nf] = tab + 1;
	}
	return nf;
}

void
catalog_refs_init(struct catalog_refs *r)
{
	memset(r, 0, sizeof(*r));
}

void
catalog_refs_release(struct catalog_refs *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->href[i]);
	free(r->href);
	catalog_refs_init(r);
}

static int
add_ref(struct catalog_refs *r, const char *href)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 256;
		char **n = realloc(r->href, cap * sizeof(*n));

		if (n == NULL)
			return -1;
		r->href = n;
		r->cap = cap;
	}
	if ((r->href[r->n] = strdup(href)) == NULL)
		return -1;
	r->n++;
	r->sorted = 0;
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
catalog_refs_has(struct catalog_refs *r, const char *href)
{
	if (r->n == 0)
		return 0;
	if (!r->sorted) {
		qsort(r->href, r->n, sizeof(*r->href), cmp_str);
		r->sorted = 1;
	}
	return bsearch(&href, r->href, r->n, sizeof(*r->href), cmp_str) !=
	    NULL;
}

/* The reading of one catalog.xml. */
struct xml_read {
	struct catalog_refs *refs;	/* only its failed, with each */
	catalog_href_fn *each;		/* NULL: the hrefs go to refs */
	void *earg;
	bag_problem_fn *fn;
	void *arg;
	int invalid;		/* the schema has said why already */
};

static void
report(struct xml_read *x, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void
report(struct xml_read *x, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	x->fn(x->arg, CATALOG_XML, msg);
}

static void
xml_error(void *arg, xmlErrorPtr e)
{
	struct xml_read *x = arg;
	char msg[400];

	if (e == NULL || e->level < XML_ERR_ERROR || x->refs->failed)
		return;
	xml_one_line(msg, sizeof(msg), e->message);
	/* The reader passes the schema's findings on here too. */
	if (e->domain == XML_FROM_SCHEMASV || e->domain == XML_FROM_VALID) {
		x->invalid = 1;
		report(x, "line %d: %s", e->line, msg);
		return;
	}
	x->refs->failed = 1;
	report(x, "not well-formed XML (line %d): %s", e->line, msg);
}

static int
schema_problem(void *arg, const char *what)
{
	struct xml_read *x = arg;

	/* A catalog that is not XML is reported once, as that; one the
	 * schema refused, once for each reason. */
	if (!x->refs->failed && !x->invalid)
		x->fn(x->arg, CATALOG_XML, what);
	return 0;
}

static int
is_g2(xmlTextReaderPtr xr, const char *local)
{
	const xmlChar *ns = xmlTextReaderConstNamespaceUri(xr);

	return NEWSML_IS_NS(ns) &&
	    xmlStrEqual(xmlTextReaderConstLocalName(xr), X(local));
}

/* The nodes, one by one: the root's name, the hrefs, no DOCTYPE. */
static void
read_nodes(struct xml_read *x, xmlTextReaderPtr xr)
{
	xmlChar *href;
	int type;

	while (xmlTextReaderRead(xr) == 1) {
		type = xmlTextReaderNodeType(xr);
		if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
			/* As everywhere: no DTD, no entity of it. */
			report(x, "DOCTYPE refused");
			x->refs->failed = 1;
			break;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if (xmlTextReaderDepth(xr) == 0 && !is_g2(xr, "packageItem"))
			report(x, "not a NewsML-G2 packageItem");
		if (!is_g2(xr, "itemRef"))
			continue;
		href = xmlTextReaderGetAttribute(xr, X("href"));
		if (href != NULL && (x->each != NULL ? x->each(x->earg,
		    (const char *)href) : add_ref(x->refs,
		    (const char *)href)) != 0)
			report(x, "out of memory");
		xmlFree(href);
	}
}

void
catalog_xml_read(const void *p, size_t len, struct g2_schema *schema,
    struct catalog_refs *refs, bag_problem_fn *fn, void *arg)
{
	catalog_xml_read_each(p, len, schema, refs, NULL, NULL, fn, arg);
}

/* The catalog through xr (NULL: it could not be read). */
static void
read_with(xmlTextReaderPtr xr, struct g2_schema *schema,
    struct catalog_refs *refs, catalog_href_fn *each, void *earg,
    bag_problem_fn *fn, void *arg)
{
	struct xml_read x;
	struct xml_quiet q;

	refs->failed = 0;
	memset(&x, 0, sizeof(x));
	x.refs = refs;
	x.each = each;
	x.earg = earg;
	x.fn = fn;
	x.arg = arg;
	if (xr == NULL) {
		report(&x, "empty, or cannot be read");
		return;
	}
	/* Errors raised without a parser context come to xml_error too. */
	xml_quiet_begin(&q, xml_error, &x);
	xmlTextReaderSetStructuredErrorHandler(xr, xml_error, &x);
	if (schema != NULL &&
	    g2_schema_stream_begin(schema, xr, schema_problem, &x) != 0)
		report(&x, "cannot validate it");
	read_nodes(&x, xr);
	if (schema != NULL)
		(void)g2_schema_stream_end(schema, xr);
	xmlFreeTextReader(xr);
	xml_quiet_end(&q);
}

void
catalog_xml_read_each(const void *p, size_t len, struct g2_schema *schema,
    struct catalog_refs *refs, catalog_href_fn *each, void *earg,
    bag_problem_fn *fn, void *arg)
{
	xmlTextReaderPtr xr = NULL;

	if (len > 0 && len <= INT_MAX)
		xr = xmlReaderForMemory(p, (int)len, "catalog.xml", NULL,
		    XML_PARSE_NONET);
	read_with(xr, schema, refs, each, earg, fn, arg);
}

void
catalog_xml_read_io(catalog_read_fn *read, void *ctx,
    struct g2_schema *schema, struct catalog_refs *refs,
    catalog_href_fn *each, void *earg, bag_problem_fn *fn, void *arg)
{
	read_with(xmlReaderForIO(read, NULL, ctx, "catalog.xml", NULL,
	    XML_PARSE_NONET), schema, refs, each, earg, fn, arg);
}
