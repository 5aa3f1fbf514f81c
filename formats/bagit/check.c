/*
 * bagit/check.c: the check of a whole bag; see bagit/check.h.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <openssl/evp.h>

#include "bagit/catalog_read.h"
#include "bagit/check.h"
#include "bagit/index_check.h"
#include "bagit/manifest.h"
#include "base/buf.h"
#include "base/digest.h"
#include "newsml/read.h"

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

/* The manifests by algorithm: [0] SHA-256, [1] SHA-512. */
static const struct {
	const char *payload, *tags;
	size_t hexlen;
	const char *name;
} algorithms[2] = {
	{ "manifest-sha256.txt", "tagmanifest-sha256.txt", 64, "SHA-256" },
	{ "manifest-sha512.txt", "tagmanifest-sha512.txt", 128, "SHA-512" },
};

struct bag_check {
	const struct item_check *ic;
	bag_problem_fn *fn;
	void *arg;

	struct file *files;
	size_t nfiles, capfiles;
	int sorted;		/* files sorted by path: no more come */
	struct item *items;
	size_t nitems, capitems;
	struct manifest manifest[2], tags[2];
	int have_manifest[2], have_tags[2], have_bagit;
	char *oxum;		/* Payload-Oxum as bag-info.txt gives it */
	unsigned long long payload_bytes, payload_files;
	struct wbuf catalog_tsv;
	int have_catalog_tsv, have_catalog_xml;
	struct catalog_refs refs;	/* catalog.xml's itemRefs */
	struct wbuf original;	/* an item's original, being checked */
	int out_of_memory;	/* reported once */
	bag_check_progress_fn *progress;
	void *progress_arg;
};

static void
report(bag_problem_fn *fn, void *arg, const char *where, const char *fmt,
    ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* fn(arg, where, the message), however long the message is. */
static void
report(bag_problem_fn *fn, void *arg, const char *where, const char *fmt,
    ...)
{
	char buf[1024], *msg = buf;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(buf) && (msg = malloc((size_t)n + 1)) != NULL) {
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	fn(arg, where, msg != NULL ? msg : buf);
	if (msg != buf)
		free(msg);
}

#define PROBLEM(c, where, ...) report((c)->fn, (c)->arg, where, __VA_ARGS__)

struct bag_check *
bag_check_new(const struct item_check *ic, bag_problem_fn *fn, void *arg)
{
	struct bag_check *c;
	int i;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	c->ic = ic;
	c->fn = fn;
	c->arg = arg;
	for (i = 0; i < 2; i++) {
		manifest_init(&c->manifest[i]);
		manifest_init(&c->tags[i]);
	}
	wbuf_init(&c->catalog_tsv);
	wbuf_init(&c->original);
	catalog_refs_init(&c->refs);
	return c;
}

void
bag_check_free(struct bag_check *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nfiles; i++)
		free(c->files[i].path);
	free(c->files);
	for (i = 0; i < c->nitems; i++) {
		free(c->items[i].path);
		free(c->items[i].guid);
	}
	free(c->items);
	for (i = 0; i < 2; i++) {
		manifest_release(&c->manifest[i]);
		manifest_release(&c->tags[i]);
	}
	free(c->oxum);
	wbuf_release(&c->catalog_tsv);
	wbuf_release(&c->original);
	catalog_refs_release(&c->refs);
	free(c);
}

void
bag_check_set_progress(struct bag_check *c, bag_check_progress_fn *fn,
    void *arg)
{
	c->progress = fn;
	c->progress_arg = arg;
}

size_t
bag_check_items(const struct bag_check *c)
{
	return c->nitems;
}

size_t
bag_check_files(const struct bag_check *c)
{
	return c->nfiles;
}

/*
 * The files.
 */

static int
add_file(struct bag_check *c, const char *path, const void *p, size_t len)
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
	f->size = len;
	if (sha256_hex(p != NULL ? p : "", len, f->sha256) != 0) {
		free(f->path);
		return -1;
	}
	c->nfiles++;
	return 0;
}

static int
cmp_file_path(const void *a, const void *b)
{
	return strcmp(((const struct file *)a)->path,
	    ((const struct file *)b)->path);
}

/* Files are looked up only once they are all in: sorted then. */
static void
sort_files(struct bag_check *c)
{
	if (c->sorted)
		return;
	if (c->nfiles > 0)
		qsort(c->files, c->nfiles, sizeof(*c->files), cmp_file_path);
	c->sorted = 1;
}

static struct file *
find_file(struct bag_check *c, const char *path)
{
	struct file key;

	memset(&key, 0, sizeof(key));
	key.path = (char *)(uintptr_t)path;
	if (c->nfiles == 0)
		return NULL;	/* files is NULL: bsearch must not see it */
	return bsearch(&key, c->files, c->nfiles, sizeof(*c->files),
	    cmp_file_path);
}

/*
 * The items.
 */

/* Adds an item of the bag to what the catalog is checked against. */
static int
record_item(struct bag_check *c, const char *path, const char *guid,
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

static int
cmp_item_path(const void *a, const void *b)
{
	return strcmp(((const struct item *)a)->path,
	    ((const struct item *)b)->path);
}

static struct item *
find_item(struct bag_check *c, const char *path)
{
	struct item key;

	memset(&key, 0, sizeof(key));
	key.path = (char *)(uintptr_t)path;
	if (c->nitems == 0)
		return NULL;
	return bsearch(&key, c->items, c->nitems, sizeof(*c->items),
	    cmp_item_path);
}

/* The checking of the items of one file or stream. */
struct item_run {
	const struct item_check *ic;
	bag_problem_fn *fn;
	void *arg;
	const char *bag_path;	/* the file in the bag; NULL: a stream */
	struct bag_check *record;	/* records the bag's items */
	struct wbuf *original;	/* NULL: a stream */
	char place[512];	/* "data/items/x.xml:", or "item N" */
	char *guid;		/* of the item being checked */
};

static int
item_problem(void *arg, const char *what)
{
	struct item_run *ir = arg;
	char where[1024];
	int named = ir->guid != NULL && *ir->guid != '\0';
	int len = (int)strlen(ir->place);

	/* Without a guid, a path's colon would stand before another. */
	if (!named && len > 0 && ir->place[len - 1] == ':')
		len--;
	snprintf(where, sizeof(where), "%.*s%s%s", len, ir->place,
	    named ? " " : "", named ? ir->guid : "");
	ir->fn(ir->arg, where, what);
	return 0;
}

/* Where the problems of the file (not of one of its items) go. */
static const char *
run_where(const struct item_run *ir)
{
	return ir->bag_path != NULL ? ir->bag_path : "";
}

/* The first item of a bag's file, for the catalog. */
static int
record_first(struct item_run *ir, xmlNodePtr root, const char *recorded)
{
	xmlChar *v = xmlGetProp(root, (const xmlChar *)"version");
	long version = v != NULL ? strtol((const char *)v, NULL, 10) : 1;

	xmlFree(v);
	return record_item(ir->record, ir->bag_path, ir->guid != NULL ?
	    ir->guid : "", version, recorded, 0);
}

/* One item: -1 when it could not be checked (reported). */
static int
check_one(struct item_run *ir, xmlDocPtr doc, unsigned long item_no)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	struct warta_error err;
	char recorded[65];
	int has_original, rc = 0;

	warta_error_clear(&err);
	ir->guid = (char *)xmlGetProp(root, (const xmlChar *)"guid");
	if (ir->bag_path != NULL)
		snprintf(ir->place, sizeof(ir->place), "%s:", ir->bag_path);
	else
		snprintf(ir->place, sizeof(ir->place), "item %lu", item_no);
	if (ir->bag_path != NULL && item_no > 1)
		item_problem(ir, "a second item in one file");
	if (ir->original != NULL)
		wbuf_reset(ir->original);
	if (item_check(ir->ic, doc, item_problem, ir, ir->original,
	    &has_original, recorded, &err) < 0) {
		ir->fn(ir->arg, run_where(ir), err.message);
		rc = -1;
	} else if (ir->record != NULL && item_no == 1 &&
	    record_first(ir, root, recorded) != 0) {
		ir->fn(ir->arg, run_where(ir), "out of memory");
		rc = -1;
	}
	xmlFree(ir->guid);
	ir->guid = NULL;
	return rc;
}

/* Checks every item read from fp; -1 when that could not go on. */
static int
check_items(struct item_run *ir, FILE *fp, const char *name)
{
	struct newsml_reader *rd;
	struct warta_error err;
	xmlDocPtr doc;
	int rc, status = 0;

	warta_error_clear(&err);
	if ((rd = newsml_reader_new(fp, name, &err)) == NULL) {
		ir->fn(ir->arg, run_where(ir), err.message);
		return -1;
	}
	while ((rc = newsml_reader_next(rd, &doc, &err)) != 0) {
		if (rc < 0) {
			ir->fn(ir->arg, run_where(ir), err.message);
			/* Still an item of the bag: the catalog lists it, and
			 * must not be told it is missing. */
			if (ir->record != NULL &&
			    newsml_reader_count(rd) == 0 &&
			    record_item(ir->record, ir->bag_path, "", 0, "",
			    1) != 0) {
				ir->fn(ir->arg, ir->bag_path, "out of memory");
				status = -1;
			}
			break;
		}
		status = check_one(ir, doc, newsml_reader_count(rd));
		xmlFreeDoc(doc);
		if (status != 0)
			break;
	}
	newsml_reader_free(rd);
	return status;
}

int
bag_check_stream(const struct item_check *ic, FILE *fp, const char *name,
    bag_problem_fn *fn, void *arg)
{
	struct item_run ir;

	memset(&ir, 0, sizeof(ir));
	ir.ic = ic;
	ir.fn = fn;
	ir.arg = arg;
	return check_items(&ir, fp, name);
}

/* An item file of the bag: its items checked, the first recorded. */
static void
check_item_file(struct bag_check *c, const char *path, const void *p,
    size_t len)
{
	struct item_run ir;
	FILE *fp;

	/* fmemopen() wants a writable buffer, but only reads it here. */
	if (len == 0 || (fp = fmemopen((void *)(uintptr_t)p, len, "rb")) ==
	    NULL) {
		c->fn(c->arg, path, "empty, not an item");
		return;
	}
	memset(&ir, 0, sizeof(ir));
	ir.ic = c->ic;
	ir.fn = c->fn;
	ir.arg = c->arg;
	ir.bag_path = path;
	ir.record = c;
	ir.original = &c->original;
	(void)check_items(&ir, fp, path);
	fclose(fp);
}

/*
 * The tag files.
 */

static void
read_bagit(struct bag_check *c, const char *t)
{
	c->have_bagit = 1;
	if (strncmp(t, "BagIt-Version: ", 15) != 0 ||
	    (strstr(t, "\nTag-File-Character-Encoding: ") == NULL))
		c->fn(c->arg, "bagit.txt", "not \"BagIt-Version: M.N\" and "
		    "\"Tag-File-Character-Encoding: ...\"");
}

static void
read_bag_info(struct bag_check *c, const char *t)
{
	const char *p;
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

static void
read_manifest(struct bag_check *c, const char *name, const void *p,
    size_t len, size_t hexlen, struct manifest *m)
{
	struct warta_error err;

	warta_error_clear(&err);
	if (manifest_parse(m, name, p, len, hexlen, c->fn, c->arg, &err) !=
	    WARTA_OK)
		c->fn(c->arg, name, err.message);
}

/* A tag file or the catalog: 1 when path is one (and it was read). */
static int
read_tag_file(struct bag_check *c, const char *path, const void *p,
    size_t len)
{
	int i;

	for (i = 0; i < 2; i++) {
		if (strcmp(path, algorithms[i].payload) == 0) {
			c->have_manifest[i] = 1;
			read_manifest(c, path, p, len, algorithms[i].hexlen,
			    &c->manifest[i]);
			return 1;
		}
		if (strcmp(path, algorithms[i].tags) == 0) {
			c->have_tags[i] = 1;
			read_manifest(c, path, p, len, algorithms[i].hexlen,
			    &c->tags[i]);
			return 1;
		}
	}
	if (strcmp(path, "data/catalog.tsv") == 0) {
		c->have_catalog_tsv = 1;
		wbuf_reset(&c->catalog_tsv);
		(void)wbuf_append(&c->catalog_tsv, p, len);
		return 1;
	}
	if (strcmp(path, "data/catalog.xml") == 0) {
		c->have_catalog_xml = 1;
		catalog_xml_read(p, len, c->ic->schema, &c->refs, c->fn,
		    c->arg);
		return 1;
	}
	return 0;
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

/* bagit.txt or bag-info.txt, as a C string (a NUL ends it). */
static void
read_text_tag(struct bag_check *c, const char *path, const void *p,
    size_t len, void (*read)(struct bag_check *, const char *))
{
	char *text;

	if ((text = strndup(p != NULL ? p : "", len)) == NULL) {
		c->fn(c->arg, path, "out of memory");
		return;
	}
	read(c, text);
	free(text);
}

void
bag_check_file(struct bag_check *c, const char *path, const void *p,
    size_t len)
{
	/* Sorted at the end, where a file given twice is caught. */
	if (add_file(c, path, p, len) != 0) {
		c->fn(c->arg, path, "out of memory");
		c->out_of_memory = 1;
		return;
	}
	if (starts_with(path, "data/")) {
		c->payload_files++;
		c->payload_bytes += len;
	}
	if (strcmp(path, "bagit.txt") == 0)
		read_text_tag(c, path, p, len, read_bagit);
	else if (strcmp(path, "bag-info.txt") == 0)
		read_text_tag(c, path, p, len, read_bag_info);
	else if (!read_tag_file(c, path, p, len) &&
	    starts_with(path, "data/items/") && ends_with(path, ".xml"))
		check_item_file(c, path, p, len);
}

int
bag_check_wants_sha512(const struct bag_check *c)
{
	return c->have_manifest[1] || c->have_tags[1];
}

void
bag_check_sha512(struct bag_check *c, const char *path, const void *p,
    size_t len)
{
	static const char digits[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n, i;
	struct file *f;

	sort_files(c);
	if ((f = find_file(c, path)) == NULL ||
	    EVP_Digest(p != NULL ? p : "", len, md, &n, EVP_sha512(),
	    NULL) != 1)
		return;
	for (i = 0; i < n; i++) {
		f->sha512[2 * i] = digits[md[i] >> 4];
		f->sha512[2 * i + 1] = digits[md[i] & 15];
	}
	f->sha512[2 * n] = '\0';
}

/*
 * The end: the manifests against the files, the catalog against the
 * items.
 */

/* One manifest against the files. */
static void
compare_manifest(struct bag_check *c, const char *name,
    const struct manifest *m, int sha512)
{
	const struct manifest_line *l;
	struct file *f;
	size_t i;

	for (i = 0; i < m->n; i++) {
		l = &m->lines[i];
		if ((f = find_file(c, l->path)) == NULL) {
			PROBLEM(c, l->path, "listed in %s (line %ld), not in "
			    "the bag", name, l->lineno);
			continue;
		}
		f->listed = 1;
		if (strcmp(sha512 ? f->sha512 : f->sha256, l->digest) != 0)
			PROBLEM(c, l->path, "%s differs from %s (line %ld): "
			    "the file was changed", algorithms[sha512].name,
			    name, l->lineno);
	}
}

static void
compare_manifests(struct bag_check *c)
{
	size_t i;
	int k;

	for (k = 0; k < 2; k++)
		if (c->have_manifest[k])
			compare_manifest(c, algorithms[k].payload,
			    &c->manifest[k], k);
	for (i = 0; i < c->nfiles; i++)
		if (starts_with(c->files[i].path, "data/") &&
		    !c->files[i].listed)
			c->fn(c->arg, c->files[i].path, "in the bag, not in "
			    "the manifest");
	for (k = 0; k < 2; k++)
		if (c->have_tags[k])
			compare_manifest(c, algorithms[k].tags, &c->tags[k],
			    k);
}

/* An original a catalog.tsv line names, against the bag and its item. */
static void
compare_original(struct bag_check *c, long lineno, char **field,
    const struct item *it)
{
	const char *name = field[CATALOG_TSV_ORIGINAL];
	struct file *f;
	char path[600];

	snprintf(path, sizeof(path), "data/%s", name);
	if ((f = find_file(c, path)) == NULL)
		PROBLEM(c, "data/catalog.tsv", "line %ld: %s: no such original "
		    "in the bag", lineno, name);
	else if (strcmp(f->sha256, field[CATALOG_TSV_ORIGINAL_SHA256]) != 0)
		PROBLEM(c, "data/catalog.tsv", "line %ld: the SHA-256 of %s is "
		    "not the one given", lineno, name);
	else if (it->recorded[0] != '\0' &&
	    strcmp(it->recorded, f->sha256) != 0)
		PROBLEM(c, path, "its SHA-256 is not the one %s records",
		    it->path);
}

/* One line of catalog.tsv against its item; 1 when it is a whole line. */
static int
compare_tsv_line(struct bag_check *c, char *line, long lineno)
{
	char *field[CATALOG_TSV_COLUMNS], path[600];
	const char *item;
	struct item *it;
	size_t nf;

	if ((nf = catalog_tsv_split(line, field)) != CATALOG_TSV_COLUMNS) {
		PROBLEM(c, "data/catalog.tsv", "line %ld: %zu fields, not %d",
		    lineno, nf, CATALOG_TSV_COLUMNS);
		return 0;
	}
	item = field[CATALOG_TSV_ITEM];
	snprintf(path, sizeof(path), "data/%s", item);
	if ((it = find_item(c, path)) == NULL) {
		PROBLEM(c, "data/catalog.tsv", "line %ld: %s: no such item in "
		    "the bag", lineno, item);
		return 1;
	}
	it->in_tsv = 1;
	if (it->unreadable)
		return 1;
	if (strcmp(it->guid, field[CATALOG_TSV_GUID]) != 0)
		PROBLEM(c, "data/catalog.tsv", "line %ld: guid %s, but %s "
		    "holds %s", lineno, field[CATALOG_TSV_GUID], path, it->guid);
	if (strtol(field[CATALOG_TSV_VERSION], NULL, 10) != it->version)
		PROBLEM(c, "data/catalog.tsv", "line %ld: version %s, but %s "
		    "is version %ld", lineno, field[CATALOG_TSV_VERSION], path,
		    it->version);
	if (field[CATALOG_TSV_ORIGINAL][0] != '\0')
		compare_original(c, lineno, field, it);
	return 1;
}

static void
compare_catalog_tsv(struct bag_check *c)
{
	char *line, *pos = c->catalog_tsv.data;
	unsigned long listed = 0;
	long lineno = 0;
	size_t i;

	if (!c->have_catalog_tsv) {
		if (c->nitems > 0)
			c->fn(c->arg, "data/catalog.tsv", "missing");
		return;
	}
	while ((line = catalog_tsv_next(&pos, &lineno)) != NULL)
		listed += compare_tsv_line(c, line, lineno);
	for (i = 0; i < c->nitems; i++)
		if (!c->items[i].in_tsv)
			PROBLEM(c, "data/catalog.tsv", "no line for %s",
			    c->items[i].path);
	if (listed != c->nitems)
		PROBLEM(c, "data/catalog.tsv", "lists %lu items, the bag holds "
		    "%zu", listed, c->nitems);
}

static void
compare_catalog_xml(struct bag_check *c)
{
	size_t i;

	if (!c->have_catalog_xml) {
		if (c->nitems > 0)
			c->fn(c->arg, "data/catalog.xml", "missing");
		return;
	}
	if (c->refs.failed) {
		/* Reported already; its itemRefs are not known. */
		c->fn(c->arg, "data/catalog.xml", "could not be compared with "
		    "the items");
		return;
	}
	for (i = 0; i < c->nitems; i++)
		if (!catalog_refs_has(&c->refs, c->items[i].path +
		    strlen("data/")))
			PROBLEM(c, "data/catalog.xml", "no itemRef for %s",
			    c->items[i].path);
	if (c->refs.n != c->nitems)
		PROBLEM(c, "data/catalog.xml", "%zu itemRefs, the bag holds "
		    "%zu items", c->refs.n, c->nitems);
}

void
bag_check_end(struct bag_check *c)
{
	char oxum[64];
	size_t i;

	sort_files(c);
	for (i = 1; i < c->nfiles; i++)
		if (strcmp(c->files[i].path, c->files[i - 1].path) == 0)
			c->fn(c->arg, c->files[i].path, "twice in the archive");
	if (!c->have_bagit)
		c->fn(c->arg, "bagit.txt", "missing");
	if (!c->have_manifest[0] && !c->have_manifest[1])
		c->fn(c->arg, "manifest-sha256.txt", "missing: no payload "
		    "manifest");
	compare_manifests(c);
	snprintf(oxum, sizeof(oxum), "%llu.%llu", c->payload_bytes,
	    c->payload_files);
	if (c->oxum == NULL)
		c->fn(c->arg, "bag-info.txt", "no Payload-Oxum");
	else if (strcmp(c->oxum, oxum) != 0)
		PROBLEM(c, "bag-info.txt", "Payload-Oxum is %s, the payload is "
		    "%s (octets.files)", c->oxum, oxum);
	if (c->nitems > 0)
		qsort(c->items, c->nitems, sizeof(*c->items), cmp_item_path);
	compare_catalog_tsv(c);
	compare_catalog_xml(c);
}

/*
 * A bundle.
 */

/* Every entry of the bundle to bag_check_file(); 0 when the archive
 * could not be read to its end (reported). */
/*
 * A damaged member of a bundle of independent members with an index: the
 * entries it holds named, and the reading goes on after it, so that one
 * bad block does not leave the rest of the bag unchecked.
 */
static int
resume(struct bag_check *c, struct bag_reader *r)
{
	struct wbuf held = WBUF_INIT;
	struct warta_error err;
	unsigned long long bad;
	size_t i;
	int rc;

	warta_error_clear(&err);
	if ((rc = bag_reader_resume(r, &bad, &held, &err)) < 0)
		PROBLEM(c, "", "%s", err.message);
	if (rc > 0) {
		/* One line: the paths, a comma between them. */
		for (i = 0; held.len > 0 && i < held.len - 1; i++)
			if (held.data[i] == '\n')
				held.data[i] = ',';
		if (held.len > 0)
			held.data[--held.len] = '\0';
		PROBLEM(c, "", "the member at byte %llu is damaged; what it "
		    "holds could not be checked: %s", bad, held.len > 0 ?
		    held.data : "(the end of an entry before it)");
	}
	wbuf_release(&held);
	return rc > 0;
}

static int
read_entries(struct bag_check *c, struct bag_reader *r, struct wbuf *data)
{
	struct bag_entry e;
	struct warta_error err;
	int rc;

	warta_error_clear(&err);
	while ((rc = bag_reader_next(r, &e, &err)) != 0) {
		if (rc < 0) {
			PROBLEM(c, "", "the archive cannot be read past entry "
			    "%llu: %s", e.index, err.message);
			if (resume(c, r))
				continue;
			return 0;
		}
		if (rc == BAG_ENTRY_REFUSED) {
			c->fn(c->arg, e.archive_path, err.message);
			continue;
		}
		if (rc == BAG_ENTRY_OUTSIDE) {
			PROBLEM(c, e.archive_path, "outside the bag's "
			    "directory %s", bag_reader_name(r));
			continue;
		}
		wbuf_reset(data);
		if (bag_reader_read(r, data, &err) != WARTA_OK) {
			c->fn(c->arg, e.path, err.message);
			if (resume(c, r))
				continue;
			return 0;
		}
		bag_check_file(c, e.path, data->data, data->len);
		if (c->out_of_memory)
			return 0;
		if (c->progress != NULL)
			c->progress(c->progress_arg, c->nitems,
			    bag_reader_file_bytes(r));
	}
	return 1;
}

/* The bundle again, for the SHA-512 digests. */
static void
read_sha512(struct bag_check *c, const char *path,
    const struct bag_limits *limits, struct wbuf *data)
{
	struct bag_reader *r;
	struct bag_entry e;
	struct warta_error err;
	int rc;

	warta_error_clear(&err);
	if ((r = bag_reader_open(path, limits, &err)) == NULL)
		return;
	while ((rc = bag_reader_next(r, &e, &err)) != 0) {
		if (rc < 0)
			break;
		if (rc != BAG_ENTRY_FILE)
			continue;
		wbuf_reset(data);
		if (bag_reader_read(r, data, &err) != WARTA_OK)
			break;
		bag_check_sha512(c, e.path, data->data, data->len);
	}
	bag_reader_free(r);
}

int
bag_check_bundle(struct bag_check *c, const char *path,
    enum sniff_kind kind, const struct bag_limits *limits,
    struct warta_error *err)
{
	struct bag_reader *r;
	struct wbuf data = WBUF_INIT;
	int whole;

	if ((r = bag_reader_open(path, limits, err)) == NULL) {
		if (kind == SNIFF_UNKNOWN)
			return WARTA_FAILED;	/* not a bundle */
		/* An archive by its first bytes, that cannot be read: a
		 * damaged bundle. */
		PROBLEM(c, "", "the archive cannot be read: %s", err->message);
		return WARTA_OK;
	}
	if (kind == SNIFF_ZIP && !sniff_zip_has_directory(path))
		c->fn(c->arg, "", "no end of central directory: the zip is cut "
		    "short or damaged");
	whole = read_entries(c, r, &data);
	if (whole)
		bag_check_index(r, path, limits, c->fn, c->arg);
	bag_reader_free(r);
	if (!whole)
		c->fn(c->arg, "", "the rest of the bag could not be checked");
	else {
		if (bag_check_wants_sha512(c))
			read_sha512(c, path, limits, &data);
		bag_check_end(c);
	}
	wbuf_release(&data);
	return WARTA_OK;
}
