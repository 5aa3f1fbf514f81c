/*
 * warta-verify: is a bundle whole, and is every item in it sound?
 *
 * For a bundle: the BagIt checks (bagit.txt, every line of every manifest
 * and tag manifest, no payload file missing or unlisted, Payload-Oxum),
 * every item's checks (newsml/item_check.h), the catalog against the items, and
 * every original against the SHA-256 its item records.  For a NewsML-G2
 * file or stream: the item checks alone, so that it lints NewsML-G2 from
 * anyone.  Every problem is reported, one line each, with its path; the
 * program goes on to the end.
 *
 * One pass over the archive: each file is hashed as it goes by and
 * remembered (path, size, digest); the manifests, which warta-pack writes
 * last but other tools may write first, are compared at the end.  A
 * SHA-512 manifest needs a second pass, made only when there is one.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <openssl/evp.h>

#include "bagit/manifest.h"
#include "bagit/read.h"
#include "bagit/sniff.h"
#include "base/buf.h"
#include "base/size.h"
#include "bagit/catalog.h"
#include "base/digest.h"
#include "newsml/g2_rules.h"
#include "newsml/item_check.h"
#include "newsml/edit.h"
#include "newsml/read.h"
#include "newsml/write.h"
#include "base/warta.h"
#include "base/xml_errors.h"

#define PROG "warta-verify"

struct options {
	const char *schema_path;
	const char *catalog_path;
	struct bag_limits limits;
	int quiet;
};

/* A file of the bag as it was read. */
struct file {
	char *path;
	unsigned long long size;
	char sha256[65];
	char sha512[129];	/* "" unless a second pass hashed it */
	int listed;		/* in the manifest */
};

/* An item of the bag, for the catalog and the originals. */
struct item {
	char *path;		/* data/items/... */
	char *guid;
	long version;
	char recorded[65];	/* the original's SHA-256 it records */
	int unreadable;		/* not an item: reported already */
	int in_tsv;		/* has its line in catalog.tsv */
};

struct check {
	struct options *opt;
	struct item_check ic;
	const char *input;	/* the file being verified */
	unsigned long problems;

	struct file *files;
	size_t nfiles, capfiles;
	struct item *items;
	size_t nitems, capitems;
	struct manifest manifest[2], tags[2];	/* sha256, sha512 */
	int have_manifest[2], have_tags[2], have_bagit;
	char *oxum;		/* Payload-Oxum as bag-info.txt gives it */
	struct wbuf catalog_tsv;
	char **refs;		/* catalog.xml's itemRef hrefs, sorted */
	size_t nrefs, caprefs;
	int have_catalog_tsv, have_catalog_xml;
	int catalog_failed;	/* catalog.xml is not well-formed */
	int catalog_invalid;	/* the schema has said why already */
	int damaged;		/* the archive could not be read to its end */

	/* per item, for messages */
	const char *item_place;
	unsigned long item_no;
	char *item_guid;
};

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: " PROG " [options] bundle | file.xml | - ...\n"
	    "Checks bundles (the whole bag, every item, the catalog, the\n"
	    "originals) and NewsML-G2 files or streams (every item).\n"
	    "\n"
	    "      --schema XSD        validate every item (or WARTA_SCHEMA)\n"
	    "      --catalog XML       check QCode aliases (or WARTA_CATALOG)\n"
	    "      --max-entries N     entries in a bundle (2000000)\n"
	    "      --max-bytes SIZE    data in a bundle (64G)\n"
	    "      --max-entry SIZE    one entry's data (256M)\n"
	    "      --max-ratio N       data bytes per byte of bundle (1000)\n"
	    "  -q, --quiet             print nothing; the exit status says\n"
	    "  -h, --help              this help\n"
	    "  -V, --version           the version\n"
	    "Exit status: 0 valid, 1 invalid, 2 could not check.\n");
}

static void
problem(struct check *c, const char *where, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void
problem(struct check *c, const char *where, const char *fmt, ...)
{
	va_list ap;

	c->problems++;
	if (c->opt->quiet)
		return;
	printf("%s: ", c->input);
	if (where != NULL && *where != '\0')
		printf("%s: ", where);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static int
item_problem(void *arg, const char *what)
{
	struct check *c = arg;
	char where[1024];

	snprintf(where, sizeof(where), "%s%s%s", c->item_place,
	    c->item_guid != NULL ? " " : "",
	    c->item_guid != NULL ? c->item_guid : "");
	problem(c, where, "%s", what);
	return 0;
}

/*
 * Items, from a NewsML-G2 stream or from one file of a bag.
 */

static int
add_ref(struct check *c, const char *href)
{
	if (c->nrefs == c->caprefs) {
		size_t cap = c->caprefs ? c->caprefs * 2 : 256;
		char **n = realloc(c->refs, cap * sizeof(*n));

		if (n == NULL)
			return -1;
		c->refs = n;
		c->caprefs = cap;
	}
	if ((c->refs[c->nrefs] = strdup(href)) == NULL)
		return -1;
	c->nrefs++;
	return 0;
}

static void
catalog_xml_error(void *arg, xmlErrorPtr e)
{
	struct check *c = arg;
	char msg[400];

	if (e == NULL || e->level < XML_ERR_ERROR || c->catalog_failed)
		return;
	xml_one_line(msg, sizeof(msg), e->message);
	/* The reader passes the schema's findings on here too. */
	if (e->domain == XML_FROM_SCHEMASV || e->domain == XML_FROM_VALID) {
		c->catalog_invalid = 1;
		problem(c, "data/catalog.xml", "line %d: %s", e->line, msg);
		return;
	}
	c->catalog_failed = 1;
	problem(c, "data/catalog.xml", "not well-formed XML (line %d): %s",
	    e->line, msg);
}

static int
catalog_problem(void *arg, const char *what)
{
	struct check *c = arg;

	/* A catalog that is not XML is reported once, as that; one the
	 * schema refused, once for each reason. */
	if (!c->catalog_failed && !c->catalog_invalid)
		problem(c, "data/catalog.xml", "%s", what);
	return 0;
}

/*
 * The catalog, read as a stream (it has an itemRef per item: a tree of
 * it would grow with the bundle): well-formed, a packageItem, valid
 * against the schema when one is given, and the href of every itemRef.
 */
static void
check_catalog_xml(struct check *c, const struct wbuf *data)
{
	xmlTextReaderPtr xr;
	const xmlChar *ns;
	xmlChar *href;
	int rc, type;

	c->catalog_failed = 0;
	c->catalog_invalid = 0;
	if (data->len == 0 || data->len > INT_MAX ||
	    (xr = xmlReaderForMemory(data->data, (int)data->len,
	    "catalog.xml", NULL, XML_PARSE_NONET)) == NULL) {
		problem(c, "data/catalog.xml", "empty, or cannot be read");
		return;
	}
	xmlTextReaderSetStructuredErrorHandler(xr, catalog_xml_error, c);
	if (c->ic.schema != NULL &&
	    g2_schema_stream_begin(c->ic.schema, xr, catalog_problem, c) != 0)
		problem(c, "data/catalog.xml", "cannot validate it");
	while ((rc = xmlTextReaderRead(xr)) == 1) {
		type = xmlTextReaderNodeType(xr);
		if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
			/* As everywhere: no DTD, no entity of it. */
			problem(c, "data/catalog.xml", "DOCTYPE refused");
			c->catalog_failed = 1;
			break;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		ns = xmlTextReaderConstNamespaceUri(xr);
		if (xmlTextReaderDepth(xr) == 0 && (ns == NULL ||
		    !xmlStrEqual(ns, (const xmlChar *)NEWSML_NS) ||
		    !xmlStrEqual(xmlTextReaderConstLocalName(xr),
		    (const xmlChar *)"packageItem")))
			problem(c, "data/catalog.xml", "not a NewsML-G2 "
			    "packageItem");
		if (ns == NULL || !xmlStrEqual(ns, (const xmlChar *)NEWSML_NS) ||
		    !xmlStrEqual(xmlTextReaderConstLocalName(xr),
		    (const xmlChar *)"itemRef"))
			continue;
		href = xmlTextReaderGetAttribute(xr, (const xmlChar *)"href");
		if (href != NULL && add_ref(c, (const char *)href) != 0)
			problem(c, "data/catalog.xml", "out of memory");
		xmlFree(href);
	}
	if (c->ic.schema != NULL)
		(void)g2_schema_stream_end(c->ic.schema, xr);
	xmlFreeTextReader(xr);
}

/* Adds an item of the bag to what the catalog is checked against. */
static int
record_item(struct check *c, const char *path, const char *guid,
    long version, const char *recorded, int unreadable)
{
	struct item *it;

	if (c->nitems == c->capitems) {
		size_t cap = c->capitems ? c->capitems * 2 : 256;
		struct item *n = realloc(c->items, cap * sizeof(*n));

		if (n == NULL)
			return -1;
		c->items = n;
		c->capitems = cap;
	}
	it = &c->items[c->nitems];
	memset(it, 0, sizeof(*it));
	if ((it->path = strdup(path)) == NULL ||
	    (it->guid = strdup(guid)) == NULL) {
		free(it->path);
		return -1;
	}
	it->version = version;
	snprintf(it->recorded, sizeof(it->recorded), "%s", recorded);
	it->unreadable = unreadable;
	c->nitems++;
	return 0;
}

/* Checks every item read from fp; records them when a bag is read. */
static int
check_items(struct check *c, FILE *fp, const char *name, const char *bag_path,
    int record, struct wbuf *original, int *has_original)
{
	struct newsml_reader *rd;
	struct warta_error err;
	xmlDocPtr doc;
	char place[512], recorded[65];
	int rc;

	warta_error_clear(&err);
	if ((rd = newsml_reader_new(fp, name, &err)) == NULL) {
		problem(c, bag_path, "%s", err.message);
		return -1;
	}
	while ((rc = newsml_reader_next(rd, &doc, &err)) != 0) {
		xmlNodePtr root;

		if (rc < 0) {
			problem(c, bag_path, "%s", err.message);
			/* Still an item of the bag: the catalog lists it, and
			 * must not be told it is missing. */
			if (record && newsml_reader_count(rd) == 0 &&
			    record_item(c, bag_path, "", 0, "", 1) != 0) {
				newsml_reader_free(rd);
				problem(c, bag_path, "out of memory");
				return -1;
			}
			break;
		}
		root = xmlDocGetRootElement(doc);
		c->item_no = newsml_reader_count(rd);
		c->item_guid = (char *)xmlGetProp(root,
		    (const xmlChar *)"guid");
		if (bag_path != NULL)
			snprintf(place, sizeof(place), "%s:", bag_path);
		else
			snprintf(place, sizeof(place), "item %lu", c->item_no);
		c->item_place = place;
		if (bag_path != NULL && c->item_no > 1)
			item_problem(c, "a second item in one file");
		if (item_check(&c->ic, doc, item_problem, c, original,
		    has_original, recorded, &err) < 0) {
			problem(c, bag_path, "%s", err.message);
			xmlFree(c->item_guid);
			c->item_guid = NULL;
			xmlFreeDoc(doc);
			newsml_reader_free(rd);
			return -1;
		}
		if (record && c->item_no == 1) {
			xmlChar *v = xmlGetProp(root,
			    (const xmlChar *)"version");
			long version = v != NULL ?
			    strtol((const char *)v, NULL, 10) : 1;

			xmlFree(v);
			if (record_item(c, bag_path, c->item_guid != NULL ?
			    c->item_guid : "", version, recorded, 0) != 0)
				goto oom;
		}
		xmlFree(c->item_guid);
		c->item_guid = NULL;
		xmlFreeDoc(doc);
	}
	newsml_reader_free(rd);
	return 0;
oom:
	xmlFree(c->item_guid);
	c->item_guid = NULL;
	xmlFreeDoc(doc);
	newsml_reader_free(rd);
	problem(c, bag_path, "out of memory");
	return -1;
}

static int
verify_stream(struct check *c, const char *path)
{
	FILE *fp;
	int rc;

	if (strcmp(path, "-") == 0)
		return check_items(c, stdin, "<stdin>", NULL, 0, NULL, &rc);
	if ((fp = fopen(path, "rb")) == NULL)
		return -1;
	rc = check_items(c, fp, path, NULL, 0, NULL, &rc);
	fclose(fp);
	return rc;
}

/*
 * Bags.
 */

static int
add_file(struct check *c, const char *path, const struct wbuf *data)
{
	struct file *f;

	if (c->nfiles == c->capfiles) {
		size_t cap = c->capfiles ? c->capfiles * 2 : 1024;
		struct file *n = realloc(c->files, cap * sizeof(*n));

		if (n == NULL)
			return -1;
		c->files = n;
		c->capfiles = cap;
	}
	f = &c->files[c->nfiles];
	memset(f, 0, sizeof(*f));
	if ((f->path = strdup(path)) == NULL)
		return -1;
	f->size = data->len;
	if (sha256_hex(data->data != NULL ? data->data : "", data->len,
	    f->sha256) != 0) {
		free(f->path);
		return -1;
	}
	c->nfiles++;
	return 0;
}

static void
manifest_problem(void *arg, const char *where, const char *what)
{
	problem(arg, where, "%s", what);
}

static void
read_manifest(struct check *c, const char *name, const struct wbuf *data,
    size_t hexlen, struct manifest *m)
{
	struct warta_error err;

	warta_error_clear(&err);
	if (manifest_parse(m, name, data->data, data->len, hexlen,
	    manifest_problem, c, &err) != WARTA_OK)
		problem(c, name, "%s", err.message);
}

static void
read_bagit(struct check *c, const struct wbuf *data)
{
	const char *t = data->data != NULL ? data->data : "";

	c->have_bagit = 1;
	if (strncmp(t, "BagIt-Version: ", 15) != 0 ||
	    (strstr(t, "\nTag-File-Character-Encoding: ") == NULL))
		problem(c, "bagit.txt", "not \"BagIt-Version: M.N\" and "
		    "\"Tag-File-Character-Encoding: ...\"");
}

static void
read_bag_info(struct check *c, const struct wbuf *data)
{
	const char *t = data->data != NULL ? data->data : "", *p;
	size_t n;

	if ((p = strstr(t, "Payload-Oxum:")) == NULL || (p != t &&
	    p[-1] != '\n'))
		return;
	p += 13;
	p += strspn(p, " \t");
	n = strcspn(p, "\r\n");
	free(c->oxum);
	c->oxum = strndup(p, n);
}

static int
cmp_file_path(const void *a, const void *b)
{
	return strcmp(((const struct file *)a)->path,
	    ((const struct file *)b)->path);
}

static struct file *
find_file(struct check *c, const char *path)
{
	struct file key;

	memset(&key, 0, sizeof(key));
	key.path = (char *)(uintptr_t)path;
	if (c->nfiles == 0)
		return NULL;	/* files is NULL: bsearch must not see it */
	return bsearch(&key, c->files, c->nfiles, sizeof(*c->files),
	    cmp_file_path);
}

/* One manifest against the files (sorted by then). */
static void
compare_manifest(struct check *c, const char *name, const struct manifest *m,
    int sha512)
{
	const struct manifest_line *lines = m->lines;
	struct file *f;
	size_t i, n = m->n;

	for (i = 0; i < n; i++) {
		if ((f = find_file(c, lines[i].path)) == NULL) {
			problem(c, lines[i].path, "listed in %s (line %ld), "
			    "not in the bag", name, lines[i].lineno);
			continue;
		}
		f->listed = 1;
		if (strcmp(sha512 ? f->sha512 : f->sha256, lines[i].digest) !=
		    0)
			problem(c, lines[i].path, "%s differs from %s (line "
			    "%ld): the file was changed", sha512 ? "SHA-512" :
			    "SHA-256", name, lines[i].lineno);
	}
}

static int
cmp_item_path(const void *a, const void *b)
{
	return strcmp(((const struct item *)a)->path,
	    ((const struct item *)b)->path);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static struct item *
find_item(struct check *c, const char *path)
{
	struct item key;

	memset(&key, 0, sizeof(key));
	key.path = (char *)(uintptr_t)path;
	if (c->nitems == 0)
		return NULL;
	return bsearch(&key, c->items, c->nitems, sizeof(*c->items),
	    cmp_item_path);
}

/* The catalog against the items. */
static void
compare_catalog(struct check *c)
{
	char *text, *line, *next, *field[11];
	struct item *it;
	size_t i, nf;
	long lineno = 0;
	unsigned long listed = 0;
	char path[600];

	if (c->nitems > 0)
		qsort(c->items, c->nitems, sizeof(*c->items), cmp_item_path);
	if (!c->have_catalog_tsv) {
		if (c->nitems > 0)
			problem(c, "data/catalog.tsv", "missing");
	} else if ((text = strndup(c->catalog_tsv.data != NULL ?
	    c->catalog_tsv.data : "", c->catalog_tsv.len)) == NULL) {
		problem(c, "data/catalog.tsv", "out of memory");
		return;
	} else {
		for (line = text; *line != '\0'; line = next) {
			lineno++;
			if ((next = strchr(line, '\n')) != NULL)
				*next++ = '\0';
			else
				next = line + strlen(line);
			if (lineno == 1 || *line == '\0')
				continue;
			for (nf = 0, field[0] = line; nf < 11; ) {
				char *tab = strchr(field[nf], '\t');

				nf++;
				if (tab == NULL)
					break;
				*tab = '\0';
				if (nf < 11)
					field[nf] = tab + 1;
			}
			if (nf != 11) {
				problem(c, "data/catalog.tsv", "line %ld: %zu "
				    "fields, not 11", lineno, nf);
				continue;
			}
			listed++;
			snprintf(path, sizeof(path), "data/%s", field[8]);
			if ((it = find_item(c, path)) == NULL) {
				problem(c, "data/catalog.tsv", "line %ld: %s: "
				    "no such item in the bag", lineno,
				    field[8]);
				continue;
			}
			it->in_tsv = 1;
			if (it->unreadable)
				continue;
			if (strcmp(it->guid, field[0]) != 0)
				problem(c, "data/catalog.tsv", "line %ld: guid "
				    "%s, but %s holds %s", lineno, field[0],
				    path, it->guid);
			if (strtol(field[1], NULL, 10) != it->version)
				problem(c, "data/catalog.tsv", "line %ld: "
				    "version %s, but %s is version %ld", lineno,
				    field[1], path, it->version);
			if (field[9][0] != '\0') {
				struct file *f;

				snprintf(path, sizeof(path), "data/%s",
				    field[9]);
				if ((f = find_file(c, path)) == NULL)
					problem(c, "data/catalog.tsv", "line "
					    "%ld: %s: no such original in the "
					    "bag", lineno, field[9]);
				else if (strcmp(f->sha256, field[10]) != 0)
					problem(c, "data/catalog.tsv", "line "
					    "%ld: the SHA-256 of %s is not the "
					    "one given", lineno, field[9]);
				else if (it->recorded[0] != '\0' &&
				    strcmp(it->recorded, f->sha256) != 0)
					problem(c, path, "its SHA-256 is not "
					    "the one %s records", it->path);
			}
		}
		free(text);
		for (i = 0; i < c->nitems; i++)
			if (!c->items[i].in_tsv)
				problem(c, "data/catalog.tsv", "no line for %s",
				    c->items[i].path);
		if (listed != c->nitems)
			problem(c, "data/catalog.tsv", "lists %lu items, the "
			    "bag holds %zu", listed, c->nitems);
	}
	if (!c->have_catalog_xml) {
		if (c->nitems > 0)
			problem(c, "data/catalog.xml", "missing");
		return;
	}
	if (c->catalog_failed) {
		/* Reported already; its itemRefs are not known. */
		problem(c, "data/catalog.xml", "could not be compared with the "
		    "items");
		return;
	}
	if (c->nrefs > 0)
		qsort(c->refs, c->nrefs, sizeof(*c->refs), cmp_str);
	for (i = 0; i < c->nitems; i++) {
		const char *href = c->items[i].path + strlen("data/");

		if (c->nrefs == 0 || bsearch(&href, c->refs, c->nrefs,
		    sizeof(*c->refs), cmp_str) == NULL)
			problem(c, "data/catalog.xml", "no itemRef for %s",
			    c->items[i].path);
	}
	if (c->nrefs != c->nitems)
		problem(c, "data/catalog.xml", "%zu itemRefs, the bag holds "
		    "%zu items", c->nrefs, c->nitems);
}

/* A bag_reader over the bundle again, for the SHA-512 digests. */
static void
hash_sha512(struct check *c, const char *path)
{
	struct bag_reader *r;
	struct bag_entry e;
	struct warta_error err;
	struct wbuf data = WBUF_INIT;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n, i;
	struct file *f;
	int rc;

	warta_error_clear(&err);
	if ((r = bag_reader_open(path, &c->opt->limits, &err)) == NULL)
		return;
	while ((rc = bag_reader_next(r, &e, &err)) != 0) {
		if (rc < 0)
			break;
		if (rc != BAG_ENTRY_FILE || (f = find_file(c, e.path)) ==
		    NULL)
			continue;
		wbuf_reset(&data);
		if (bag_reader_read(r, &data, &err) != WARTA_OK)
			break;
		if (EVP_Digest(data.data != NULL ? data.data : "", data.len,
		    md, &n, EVP_sha512(), NULL) != 1)
			break;
		for (i = 0; i < n; i++)
			snprintf(f->sha512 + 2 * i, 3, "%02x", md[i]);
	}
	wbuf_release(&data);
	bag_reader_free(r);
}

static int
starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Returns -1 when the bundle could not be opened at all. */
static int
verify_bag(struct check *c, const char *path, enum sniff_kind magic)
{
	struct bag_reader *r;
	struct bag_entry e;
	struct warta_error err;
	struct wbuf data = WBUF_INIT, original = WBUF_INIT;
	unsigned long long bytes = 0, files = 0;
	char oxum[64];
	size_t i;
	int rc, has_original;

	warta_error_clear(&err);
	if ((r = bag_reader_open(path, &c->opt->limits, &err)) == NULL) {
		if (magic == SNIFF_UNKNOWN) {
			if (!c->opt->quiet)
				fprintf(stderr, PROG ": %s: %s\n", path,
				    err.message);
			return -1;	/* not a bundle: could not check */
		}
		/* An archive by its first bytes, that cannot be read: a
		 * damaged bundle. */
		problem(c, "", "the archive cannot be read: %s", err.message);
		return 0;
	}
	if (magic == SNIFF_ZIP && !sniff_zip_has_directory(path))
		problem(c, "", "no end of central directory: the zip is cut "
		    "short or damaged");
	while ((rc = bag_reader_next(r, &e, &err)) != 0) {
		if (rc < 0) {
			problem(c, "", "the archive cannot be read past entry "
			    "%llu: %s", e.index, err.message);
			c->damaged = 1;
			break;
		}
		if (rc == BAG_ENTRY_REFUSED) {
			problem(c, e.archive_path, "%s", err.message);
			continue;
		}
		if (rc == BAG_ENTRY_OUTSIDE) {
			problem(c, e.archive_path, "outside the bag's "
			    "directory %s", bag_reader_name(r));
			continue;
		}
		wbuf_reset(&data);
		if (bag_reader_read(r, &data, &err) != WARTA_OK) {
			problem(c, e.path, "%s", err.message);
			c->damaged = 1;
			break;
		}
		/* Sorted at the end, where a file given twice is caught. */
		if (add_file(c, e.path, &data) != 0) {
			problem(c, e.path, "out of memory");
			c->damaged = 1;
			break;
		}
		if (strcmp(e.path, "bagit.txt") == 0)
			read_bagit(c, &data);
		else if (strcmp(e.path, "bag-info.txt") == 0)
			read_bag_info(c, &data);
		else if (strcmp(e.path, "manifest-sha256.txt") == 0) {
			c->have_manifest[0] = 1;
			read_manifest(c, e.path, &data, 64, &c->manifest[0]);
		} else if (strcmp(e.path, "manifest-sha512.txt") == 0) {
			c->have_manifest[1] = 1;
			read_manifest(c, e.path, &data, 128, &c->manifest[1]);
		} else if (strcmp(e.path, "tagmanifest-sha256.txt") == 0) {
			c->have_tags[0] = 1;
			read_manifest(c, e.path, &data, 64, &c->tags[0]);
		} else if (strcmp(e.path, "tagmanifest-sha512.txt") == 0) {
			c->have_tags[1] = 1;
			read_manifest(c, e.path, &data, 128, &c->tags[1]);
		} else if (strcmp(e.path, "data/catalog.tsv") == 0) {
			c->have_catalog_tsv = 1;
			wbuf_reset(&c->catalog_tsv);
			(void)wbuf_append(&c->catalog_tsv, data.data, data.len);
		} else if (strcmp(e.path, "data/catalog.xml") == 0) {
			c->have_catalog_xml = 1;
			check_catalog_xml(c, &data);
		} else if (starts_with(e.path, "data/items/") &&
		    ends_with(e.path, ".xml")) {
			FILE *fp = data.len > 0 ?
			    fmemopen(data.data, data.len, "rb") : NULL;

			if (fp == NULL)
				problem(c, e.path, "empty, not an item");
			else {
				wbuf_reset(&original);
				(void)check_items(c, fp, e.path, e.path, 1,
				    &original, &has_original);
				fclose(fp);
			}
		}
		if (starts_with(e.path, "data/")) {
			files++;
			bytes += data.len;
		}
	}
	bag_reader_free(r);
	wbuf_release(&data);
	wbuf_release(&original);

	if (c->damaged) {
		problem(c, "", "the rest of the bag could not be checked");
		return 0;
	}
	if (c->nfiles > 0)
		qsort(c->files, c->nfiles, sizeof(*c->files), cmp_file_path);
	for (i = 1; i < c->nfiles; i++)
		if (strcmp(c->files[i].path, c->files[i - 1].path) == 0)
			problem(c, c->files[i].path, "twice in the archive");
	if (!c->have_bagit)
		problem(c, "bagit.txt", "missing");
	if (!c->have_manifest[0] && !c->have_manifest[1])
		problem(c, "manifest-sha256.txt", "missing: no payload "
		    "manifest");
	if (c->have_manifest[1] || c->have_tags[1])
		hash_sha512(c, path);
	for (i = 0; i < 2; i++) {
		if (c->have_manifest[i])
			compare_manifest(c, i == 0 ? "manifest-sha256.txt" :
			    "manifest-sha512.txt", &c->manifest[i], (int)i);
	}
	for (i = 0; i < c->nfiles; i++)
		if (starts_with(c->files[i].path, "data/") &&
		    !c->files[i].listed)
			problem(c, c->files[i].path, "in the bag, not in the "
			    "manifest");
	for (i = 0; i < 2; i++)
		if (c->have_tags[i])
			compare_manifest(c, i == 0 ? "tagmanifest-sha256.txt" :
			    "tagmanifest-sha512.txt", &c->tags[i], (int)i);
	snprintf(oxum, sizeof(oxum), "%llu.%llu", bytes, files);
	if (c->oxum == NULL)
		problem(c, "bag-info.txt", "no Payload-Oxum");
	else if (strcmp(c->oxum, oxum) != 0)
		problem(c, "bag-info.txt", "Payload-Oxum is %s, the payload "
		    "is %s (octets.files)", c->oxum, oxum);
	compare_catalog(c);
	return 0;
}

static void
check_free(struct check *c)
{
	size_t i, k;

	for (i = 0; i < c->nfiles; i++)
		free(c->files[i].path);
	free(c->files);
	for (i = 0; i < c->nitems; i++) {
		free(c->items[i].path);
		free(c->items[i].guid);
	}
	free(c->items);
	for (k = 0; k < 2; k++) {
		manifest_release(&c->manifest[k]);
		manifest_release(&c->tags[k]);
	}
	free(c->oxum);
	wbuf_release(&c->catalog_tsv);
	for (i = 0; i < c->nrefs; i++)
		free(c->refs[i]);
	free(c->refs);
}

int
main(int argc, char **argv)
{
	enum { O_SCHEMA = 256, O_CATALOG, O_MAX_ENTRIES, O_MAX_BYTES,
	    O_MAX_ENTRY, O_MAX_RATIO };
	static const struct option longopts[] = {
		{ "schema", required_argument, NULL, O_SCHEMA },
		{ "catalog", required_argument, NULL, O_CATALOG },
		{ "max-entries", required_argument, NULL, O_MAX_ENTRIES },
		{ "max-bytes", required_argument, NULL, O_MAX_BYTES },
		{ "max-entry", required_argument, NULL, O_MAX_ENTRY },
		{ "max-ratio", required_argument, NULL, O_MAX_RATIO },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct options opt;
	struct g2_schema *schema = NULL;
	struct g2_catalog *catalog = NULL;
	struct warta_error err;
	unsigned long long *bound;
	unsigned char head[SNIFF_HEAD];
	enum sniff_kind kind;
	size_t n;
	int c, i, status = 0, xml;

	memset(&opt, 0, sizeof(opt));
	bag_limits_default(&opt.limits);
	opt.schema_path = getenv("WARTA_SCHEMA");
	opt.catalog_path = getenv("WARTA_CATALOG");
	if (opt.schema_path != NULL && *opt.schema_path == '\0')
		opt.schema_path = NULL;
	if (opt.catalog_path != NULL && *opt.catalog_path == '\0')
		opt.catalog_path = NULL;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":qhV", longopts, NULL)) != -1) {
		bound = NULL;
		switch (c) {
		case O_SCHEMA:
			opt.schema_path = optarg;
			break;
		case O_CATALOG:
			opt.catalog_path = optarg;
			break;
		case O_MAX_ENTRIES:
			bound = &opt.limits.max_entries;
			break;
		case O_MAX_BYTES:
			bound = &opt.limits.max_bytes;
			break;
		case O_MAX_ENTRY:
			bound = &opt.limits.max_entry;
			break;
		case O_MAX_RATIO:
			bound = &opt.limits.max_ratio;
			break;
		case 'q':
			opt.quiet = 1;
			break;
		case 'h':
			usage(stdout);
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2;
		case 'V':
			printf(PROG " %s\n", WARTA_VERSION);
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2;
		case ':':
			fprintf(stderr, PROG ": option '%s' needs a value (see "
			    PROG " --help)\n", argv[optind - 1]);
			return 2;
		default:
			fprintf(stderr, PROG ": bad option '%s' (see " PROG
			    " --help)\n", argv[optind - 1]);
			return 2;
		}
		if (bound != NULL && (size_parse(optarg, bound) != 0 ||
		    *bound == 0)) {
			fprintf(stderr, PROG ": '%s' is not a positive number "
			    "(see " PROG " --help)\n", optarg);
			return 2;
		}
	}
	if (optind == argc) {
		fprintf(stderr, PROG ": nothing to verify (see " PROG
		    " --help)\n");
		return 2;
	}
	warta_error_clear(&err);
	if (opt.schema_path != NULL &&
	    (schema = g2_schema_load(opt.schema_path, &err)) == NULL) {
		fprintf(stderr, PROG ": %s\n", err.message);
		return 2;
	}
	if (opt.catalog_path != NULL &&
	    (catalog = g2_catalog_load(opt.catalog_path, &err)) == NULL) {
		fprintf(stderr, PROG ": %s\n", err.message);
		g2_schema_free(schema);
		return 2;
	}
	for (i = optind; i < argc; i++) {
		struct check chk;

		memset(&chk, 0, sizeof(chk));
		chk.opt = &opt;
		chk.ic.catalog = catalog;
		chk.ic.schema = schema;
		chk.input = argv[i];
		xml = 1;
		kind = SNIFF_UNKNOWN;
		if (strcmp(argv[i], "-") != 0) {
			if (sniff_read_head(argv[i], head, sizeof(head), &n) != 0)
				xml = -1;
			else {
				xml = sniff_xml(head, n);
				kind = sniff_archive(head, n);
			}
		}
		if (xml < 0 || (xml ? verify_stream(&chk, argv[i]) :
		    verify_bag(&chk, argv[i], kind)) < 0) {
			if (xml < 0 && !opt.quiet)
				fprintf(stderr, PROG ": %s: %s\n", argv[i],
				    strerror(errno));
			status = 2;	/* over any invalid one */
			check_free(&chk);
			continue;
		}
		if (chk.problems > 0) {
			if (!opt.quiet)
				printf("%s: invalid, %lu %s\n", argv[i],
				    chk.problems, chk.problems == 1 ?
				    "problem" : "problems");
			if (status == 0)
				status = 1;
		} else if (!opt.quiet) {
			if (xml)
				printf("%s: valid\n", argv[i]);
			else
				printf("%s: valid (%zu %s, %zu files)\n",
				    argv[i], chk.nitems, chk.nitems == 1 ?
				    "item" : "items", chk.nfiles);
		}
		check_free(&chk);
	}
	g2_schema_free(schema);
	g2_catalog_free(catalog);
	xmlCleanupParser();
	if (fflush(stdout) != 0 || ferror(stdout))
		return 2;
	return status;
}
