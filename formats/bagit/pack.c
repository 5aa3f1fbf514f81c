/*
 * bagit/pack.c: items into bundles through a spool and an external sort;
 * see bagit/pack.h.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>

#include "bagit/catalog.h"
#include "bagit/pack.h"
#include "base/buf.h"
#include "base/datetime.h"
#include "base/digest.h"
#include "base/extsort.h"
#include "base/spool.h"
#include "newsml/edit.h"

#define SPOOL_MAGIC 0x77617274u	/* "wart" */

/* One item, as it is sorted: fixed size, no pointers. */
struct pack_rec {
	unsigned char guid_hash[32];
	char date[8];		/* YYYYMMDD; "~~~~~~~~" sorts undated last */
	uint32_t version;
	uint32_t pad;
	uint64_t seq;		/* its place in the stream */
	uint64_t offset;	/* of its spool record */
	uint64_t bytes;		/* its payload: item and original */
};

/* Before each item in the spool; the strings follow, in this order. */
struct spool_head {
	uint32_t magic;
	uint32_t guid_len, item_len, orig_len, tsv_len, ref_len;
	char item_path[CATALOG_PATH_MAX];	/* under data/ */
	char original_path[CATALOG_PATH_MAX];	/* "" when none */
};

struct bag_packer {
	struct bag_pack_options opt;
	struct item_check check;
	FILE *spool;		/* each item's head and strings */
	FILE *index;		/* a record for each, in stream order */
	FILE *by_path;		/* the records kept, in path order */
	uint64_t seq;
	time_t newest;		/* the latest versionCreated of any item */
	time_t date;		/* set by bag_packer_set_date() */
	int date_set;
	struct bag_pack_counts counts;
	char first_key[8 + CATALOG_ID_LEN];	/* the first item in path order */
	char *first_provider;
	/* the strings of one item, as spooled and as read back */
	struct wbuf guid, file, original, tsv, ref;
};

/* A part of a split, or the one bundle. */
struct part {
	char *path;		/* NAME-0001.tar.gz */
	char *name;		/* NAME-0001 */
};

/* The two catalog files of a part, waiting in spools until its end. */
struct part_catalog {
	FILE *tsv, *xml;
};

/* Where the temporary files are, for messages. */
static const char *
spool_dir(void)
{
	const char *d = getenv("TMPDIR");

	return d != NULL && *d != '\0' ? d : "/tmp";
}

static int
spool_error(struct warta_error *err)
{
	return warta_error_set(err, -1, "temporary file in %s: %s",
	    spool_dir(), strerror(errno));
}

static int
spool_broken(struct warta_error *err)
{
	return warta_error_set(err, -1, "temporary file in %s: cannot read "
	    "it back", spool_dir());
}

static int
flush_error(struct warta_error *err)
{
	return warta_error_set(err, -1, "temporary file: %s", strerror(errno));
}

struct bag_packer *
bag_packer_new(const struct bag_pack_options *o, struct warta_error *err)
{
	struct bag_packer *p;

	if ((p = calloc(1, sizeof(*p))) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	p->opt = *o;
	if (o->check != NULL)
		p->check = *o->check;
	/* Standard output takes one bundle, and the parts of a split
	 * would be files named after "-". */
	if (strcmp(o->output, "-") == 0 && (o->max_items != 0 ||
	    o->max_bytes != 0)) {
		warta_error_set(err, -1, "a split (--max-items, --max-bytes) "
		    "writes files, not standard output");
		bag_packer_free(p);
		return NULL;
	}
	if ((p->spool = spool_open(err)) == NULL ||
	    (p->index = spool_open(err)) == NULL) {
		bag_packer_free(p);
		return NULL;
	}
	return p;
}

void
bag_packer_free(struct bag_packer *p)
{
	if (p == NULL)
		return;
	if (p->spool != NULL)
		fclose(p->spool);
	if (p->index != NULL)
		fclose(p->index);
	if (p->by_path != NULL)
		fclose(p->by_path);
	free(p->first_provider);
	wbuf_release(&p->guid);
	wbuf_release(&p->file);
	wbuf_release(&p->original);
	wbuf_release(&p->tsv);
	wbuf_release(&p->ref);
	free(p);
}

const struct bag_pack_counts *
bag_packer_counts(const struct bag_packer *p)
{
	return &p->counts;
}

void
bag_packer_set_date(struct bag_packer *p, time_t t)
{
	p->date = t;
	p->date_set = 1;
}

static time_t
bundle_date(const struct bag_packer *p)
{
	return p->date_set ? p->date : p->newest;
}

/*
 * Spooling the items.
 */

static int
put_string(FILE *fp, const void *s, size_t n)
{
	return n == 0 || fwrite(s, 1, n, fp) == n ? 0 : -1;
}

/* Writes the item's head and strings to the spool, at *off. */
static int
spool_strings(struct bag_packer *p, const struct catalog_entry *e,
    int has_original, off_t *off, uint64_t *bytes, struct warta_error *err)
{
	struct spool_head h;

	wbuf_reset(&p->tsv);
	wbuf_reset(&p->ref);
	if (catalog_tsv_line(&p->tsv, e) != 0 ||
	    catalog_xml_ref(&p->ref, e) != 0)
		return warta_error_set(err, -1, "out of memory");
	if ((*off = ftello(p->spool)) < 0)
		return spool_error(err);
	memset(&h, 0, sizeof(h));
	h.magic = SPOOL_MAGIC;
	h.guid_len = (uint32_t)strlen(e->guid);
	h.item_len = (uint32_t)p->file.len;
	h.orig_len = has_original ? (uint32_t)p->original.len : 0;
	h.tsv_len = (uint32_t)p->tsv.len;
	h.ref_len = (uint32_t)p->ref.len;
	memcpy(h.item_path, e->item_path, sizeof(h.item_path));
	memcpy(h.original_path, e->original_path, sizeof(h.original_path));
	if (fwrite(&h, sizeof(h), 1, p->spool) != 1 ||
	    put_string(p->spool, e->guid, h.guid_len) != 0 ||
	    put_string(p->spool, p->file.data, h.item_len) != 0 ||
	    put_string(p->spool, p->original.data, h.orig_len) != 0 ||
	    put_string(p->spool, p->tsv.data, h.tsv_len) != 0 ||
	    put_string(p->spool, p->ref.data, h.ref_len) != 0)
		return spool_error(err);
	*bytes = (uint64_t)h.item_len + h.orig_len;
	return WARTA_OK;
}

/*
 * The bundle's organization, when no option names it: the provider of
 * its first item in path order, whatever the order of the stream.
 */
static int
note_provider(struct bag_packer *p, const struct pack_rec *rec,
    const struct catalog_entry *e, struct warta_error *err)
{
	char *s;

	if (p->first_provider != NULL &&
	    (memcmp(rec->date, p->first_key, 8) > 0 ||
	    (memcmp(rec->date, p->first_key, 8) == 0 &&
	    memcmp(e->id, p->first_key + 8, CATALOG_ID_LEN) >= 0)))
		return WARTA_OK;
	if ((s = strdup(e->provider)) == NULL)
		return warta_error_set(err, -1, "out of memory");
	free(p->first_provider);
	p->first_provider = s;
	memcpy(p->first_key, rec->date, 8);
	memcpy(p->first_key + 8, e->id, CATALOG_ID_LEN);
	return WARTA_OK;
}

/* Spools one checked item (its file in p->file) and writes its record. */
static int
spool_item(struct bag_packer *p, const struct catalog_entry *e,
    int has_original, struct warta_error *err)
{
	struct pack_rec rec;
	off_t off = 0;

	memset(&rec, 0, sizeof(rec));
	if (spool_strings(p, e, has_original, &off, &rec.bytes, err) !=
	    WARTA_OK)
		return WARTA_FAILED;
	memcpy(rec.guid_hash, e->guid_sha256, sizeof(rec.guid_hash));
	if (e->date[0] != '\0') {
		memcpy(rec.date, e->date, 4);
		memcpy(rec.date + 4, e->date + 5, 2);
		memcpy(rec.date + 6, e->date + 8, 2);
	} else
		memset(rec.date, '~', sizeof(rec.date));
	rec.version = e->version > 0 && e->version <= (long)UINT32_MAX ?
	    (uint32_t)e->version : 1;
	rec.seq = p->seq++;
	rec.offset = (uint64_t)off;
	if (fwrite(&rec, sizeof(rec), 1, p->index) != 1)
		return spool_error(err);
	return note_provider(p, &rec, e, err);
}

/* The entry, date and file of a newsItem that passed its checks. */
static int
spool_checked(struct bag_packer *p, xmlNodePtr item, int has_original,
    struct warta_error *err)
{
	struct catalog_entry e;
	char *vc;
	time_t t;
	int rc;

	if (catalog_entry_read(item, has_original, &e, err) != WARTA_OK) {
		rc = WARTA_FAILED;
		goto out;
	}
	if (has_original && sha256_hex(p->original.data, p->original.len,
	    e.original_sha256) != 0) {
		rc = warta_error_set(err, -1, "cannot hash");
		goto out;
	}
	vc = g2_text(g2_child(g2_child(item, "itemMeta"), "versionCreated"));
	if ((t = datetime_parse(vc)) > p->newest)
		p->newest = t;
	xmlFree(vc);
	/* The item's file: a document of its own. */
	wbuf_reset(&p->file);
	if (wbuf_puts(&p->file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	    "\n") != WARTA_OK || g2_serialize(item, &p->file) != 0 ||
	    wbuf_putc(&p->file, '\n') != WARTA_OK)
		rc = warta_error_set(err, -1, "out of memory");
	else
		rc = spool_item(p, &e, has_original, err);
out:
	catalog_entry_free(&e);
	return rc;
}

/* The caller's problem callback, with the problems counted. */
struct problems {
	g2_problem_fn fn;
	void *arg;
	unsigned long n;
};

static int
count_problem(void *arg, const char *problem)
{
	struct problems *pr = arg;

	pr->n++;
	return pr->fn != NULL ? pr->fn(pr->arg, problem) : 0;
}

int
bag_packer_add(struct bag_packer *p, xmlDocPtr doc, g2_problem_fn fn,
    void *arg, struct warta_error *err)
{
	xmlNodePtr item = xmlDocGetRootElement(doc);
	struct problems pr = { fn, arg, 0 };
	int has_original = 0;

	p->counts.read++;
	if (item == NULL)
		return warta_error_set(err, -1, "an empty document");
	wbuf_reset(&p->original);
	if (!g2_is(item, "newsItem")) {
		char what[96];

		snprintf(what, sizeof(what), "a %s, not a newsItem: a bundle "
		    "holds news items", (const char *)item->name);
		count_problem(&pr, what);
	} else if (item_check(&p->check, doc, count_problem, &pr,
	    &p->original, &has_original, NULL, err) < 0)
		return WARTA_FAILED;
	if (pr.n > 0) {
		p->counts.rejected++;
		return 0;
	}
	if (spool_checked(p, item, has_original, err) != WARTA_OK)
		return WARTA_FAILED;
	return 1;
}

/*
 * Keeping one version of each item.
 */

/* By guid; the highest version first; then the first in the stream. */
static int
cmp_guid(const void *a, const void *b)
{
	const struct pack_rec *x = a, *y = b;
	int c = memcmp(x->guid_hash, y->guid_hash, sizeof(x->guid_hash));

	if (c != 0)
		return c;
	if (x->version != y->version)
		return x->version > y->version ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* As cmp_guid, the stream's order deciding before the version. */
static int
cmp_guid_first(const void *a, const void *b)
{
	const struct pack_rec *x = a, *y = b;
	int c = memcmp(x->guid_hash, y->guid_hash, sizeof(x->guid_hash));

	if (c != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* By path: date, then the id (the guid hash's first bytes). */
static int
cmp_path(const void *a, const void *b)
{
	const struct pack_rec *x = a, *y = b;
	int c = memcmp(x->date, y->date, sizeof(x->date));

	if (c != 0)
		return c;
	return memcmp(x->guid_hash, y->guid_hash, sizeof(x->guid_hash));
}

static int
read_rec(FILE *fp, struct pack_rec *rec)
{
	return fread(rec, sizeof(*rec), 1, fp) == 1 ? 1 : 0;
}

/* Reads the spool record at off: its strings into the packer's buffers. */
static int
read_spooled(struct bag_packer *p, uint64_t off, struct spool_head *h,
    struct warta_error *err)
{
	struct wbuf *dst[5] = { &p->guid, &p->file, &p->original, &p->tsv,
	    &p->ref };
	uint32_t len[5];
	int i;

	if (fseeko(p->spool, (off_t)off, SEEK_SET) != 0 ||
	    fread(h, sizeof(*h), 1, p->spool) != 1 || h->magic != SPOOL_MAGIC)
		return spool_broken(err);
	len[0] = h->guid_len;
	len[1] = h->item_len;
	len[2] = h->orig_len;
	len[3] = h->tsv_len;
	len[4] = h->ref_len;
	for (i = 0; i < 5; i++) {
		wbuf_reset(dst[i]);
		if (wbuf_reserve(dst[i], (size_t)len[i] + 1) != WARTA_OK)
			return warta_error_set(err, -1, "out of memory");
		if (len[i] > 0 &&
		    fread(dst[i]->data, 1, len[i], p->spool) != len[i])
			return spool_broken(err);
		dst[i]->len = len[i];
		dst[i]->data[len[i]] = '\0';
	}
	return WARTA_OK;
}

/* Tells fn of rec, the same guid as kept, left out. */
static int
tell_duplicate(struct bag_packer *p, const struct pack_rec *kept,
    const struct pack_rec *rec, bag_pack_duplicate_fn fn, void *arg,
    struct warta_error *err)
{
	struct bag_pack_duplicate d;
	struct spool_head h;

	if (read_spooled(p, rec->offset, &h, err) != WARTA_OK)
		return WARTA_FAILED;
	d.guid = p->guid.data;
	d.kept_version = kept->version;
	d.kept_item = (unsigned long long)kept->seq + 1;
	d.left_version = rec->version;
	d.left_item = (unsigned long long)rec->seq + 1;
	fn(arg, &d);
	return WARTA_OK;
}

/*
 * Walks the records sorted by guid and writes the ones kept (the first of
 * each guid) to kept; counts the others.
 */
static int
keep_one_version(struct bag_packer *p, FILE *sorted, FILE *kept,
    bag_pack_duplicate_fn fn, void *arg, struct warta_error *err)
{
	struct pack_rec rec, prev;
	unsigned long dups = 0;
	int have = 0;

	while (read_rec(sorted, &rec)) {
		if (!have || memcmp(rec.guid_hash, prev.guid_hash,
		    sizeof(rec.guid_hash)) != 0) {
			if (fwrite(&rec, sizeof(rec), 1, kept) != 1)
				return spool_error(err);
			prev = rec;
			have = 1;
			continue;
		}
		if (++dups <= p->opt.duplicates_told && fn != NULL &&
		    tell_duplicate(p, &prev, &rec, fn, arg, err) != WARTA_OK)
			return WARTA_FAILED;
	}
	if (ferror(sorted))
		return spool_broken(err);
	p->counts.duplicates = dups;
	return WARTA_OK;
}

/*
 * Splitting.
 */

/* Whether a part that holds items, of bytes, is full before an item of
 * next bytes. */
static int
part_full(const struct bag_pack_options *o, unsigned long long items,
    unsigned long long bytes, unsigned long long next)
{
	return items > 0 && ((o->max_items > 0 && items + 1 > o->max_items) ||
	    (o->max_bytes > 0 && bytes + next > o->max_bytes));
}

/* How many bundles the records in path order make under the limits. */
static unsigned long
count_parts(struct bag_packer *p)
{
	struct pack_rec rec;
	unsigned long parts = 0;
	unsigned long long items = 0, bytes = 0;

	rewind(p->by_path);
	while (read_rec(p->by_path, &rec)) {
		if (parts == 0 || part_full(&p->opt, items, bytes, rec.bytes)) {
			parts++;
			items = 0;
			bytes = 0;
		}
		items++;
		bytes += rec.bytes;
	}
	return parts == 0 ? 1 : parts;
}

/* The records kept, in path order, from the index. */
static int
sort_kept(struct bag_packer *p, FILE *kept, struct warta_error *err)
{
	if (fflush(kept) != 0)
		return flush_error(err);
	rewind(kept);
	if (extsort(kept, p->by_path, sizeof(struct pack_rec), cmp_path,
	    err) != WARTA_OK)
		return WARTA_FAILED;
	if (fflush(p->by_path) != 0)
		return flush_error(err);
	p->counts.planned = count_parts(p);
	return WARTA_OK;
}

int
bag_packer_sort(struct bag_packer *p, bag_pack_duplicate_fn fn, void *arg,
    struct warta_error *err)
{
	FILE *by_guid = NULL, *kept = NULL;
	int rc = WARTA_FAILED;

	if (p->by_path != NULL)
		return warta_error_set(err, -1, "the items are sorted already");
	if (fflush(p->spool) != 0 || fflush(p->index) != 0)
		return flush_error(err);
	rewind(p->index);
	if ((by_guid = spool_open(err)) == NULL ||
	    (kept = spool_open(err)) == NULL ||
	    (p->by_path = spool_open(err)) == NULL)
		goto out;
	if (extsort(p->index, by_guid, sizeof(struct pack_rec),
	    p->opt.duplicates == BAG_DUP_FIRST ? cmp_guid_first : cmp_guid,
	    err) != WARTA_OK)
		goto out;
	rewind(by_guid);
	if (keep_one_version(p, by_guid, kept, fn, arg, err) != WARTA_OK)
		goto out;
	/* Nothing will be packed: no need to sort further. */
	if (p->counts.duplicates > 0 && p->opt.duplicates == BAG_DUP_ERROR)
		rc = WARTA_OK;
	else
		rc = sort_kept(p, kept, err);
out:
	if (by_guid != NULL)
		fclose(by_guid);
	if (kept != NULL)
		fclose(kept);
	return rc;
}

/*
 * Naming the bundles.
 */

/* The bundle's name: its file name without directory or suffix;
 * BAG_STDOUT_NAME on standard output, which has no name to give. */
static char *
bundle_name(const char *path, enum bag_format f)
{
	const char *base = strrchr(path, '/'), *suffix;
	size_t n;
	char *name;

	if (strcmp(path, "-") == 0)
		return strdup(BAG_STDOUT_NAME);
	base = base != NULL ? base + 1 : path;
	n = strlen(base);
	suffix = bag_format_suffix(f);
	if (n > strlen(suffix) &&
	    strcmp(base + n - strlen(suffix), suffix) == 0)
		n -= strlen(suffix);
	else if (n > 4 && strcmp(base + n - 4, ".tgz") == 0)
		n -= 4;
	if ((name = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(name, base, n);
	name[n] = '\0';
	return name;
}

/* The path of part k (1-based) of a split: NAME-000k.SUFFIX. */
static int
part_paths(const char *output, enum bag_format f, unsigned long k, int split,
    struct part *p)
{
	char *name = bundle_name(output, f);
	const char *suffix = bag_format_suffix(f);
	size_t dirlen, n;
	const char *base = strrchr(output, '/');

	memset(p, 0, sizeof(*p));
	if (name == NULL)
		return -1;
	if (!split) {
		p->name = name;
		p->path = strdup(output);
		return p->path != NULL ? 0 : -1;
	}
	dirlen = base != NULL ? (size_t)(base - output) + 1 : 0;
	n = strlen(name) + 16;
	if ((p->name = malloc(n)) == NULL ||
	    (p->path = malloc(dirlen + n + strlen(suffix))) == NULL) {
		free(name);
		return -1;
	}
	snprintf(p->name, n, "%s-%04lu", name, k);
	memcpy(p->path, output, dirlen);
	sprintf(p->path + dirlen, "%s%s", p->name, suffix);
	free(name);
	return 0;
}

static void
part_free(struct part *p)
{
	free(p->path);
	free(p->name);
}

char *
bag_packer_part_path(const struct bag_packer *p, unsigned long k)
{
	struct part part;
	char *path;

	if (part_paths(p->opt.output, p->opt.format, k,
	    p->counts.planned > 1, &part) != 0) {
		part_free(&part);
		return NULL;
	}
	path = part.path;
	part.path = NULL;
	part_free(&part);
	return path;
}

/*
 * Writing the bundles.
 */

static void
format_date(time_t t, const char *fmt, char *out, size_t size)
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL || strftime(out, size, fmt, &tm) == 0)
		snprintf(out, size, "1970-01-01");
}

static const char *
organization(const struct bag_packer *p)
{
	if (p->opt.organization != NULL)
		return p->opt.organization;
	if (p->first_provider != NULL && *p->first_provider != '\0')
		return p->first_provider;
	return "unknown";
}

static int
put_head(FILE *fp, const struct wbuf *head, struct warta_error *err)
{
	if (fwrite(head->data, 1, head->len, fp) != head->len)
		return spool_error(err);
	return WARTA_OK;
}

/* The catalog's spools, with the TSV header and the packageItem's start. */
static int
catalog_begin(struct part_catalog *c, const char *guid, const char *org,
    const char *when, struct warta_error *err)
{
	struct wbuf head = WBUF_INIT;
	int rc = WARTA_FAILED;

	if ((c->tsv = spool_open(err)) == NULL ||
	    (c->xml = spool_open(err)) == NULL)
		goto out;
	if (catalog_tsv_header(&head) != 0) {
		spool_error(err);
		goto out;
	}
	if (put_head(c->tsv, &head, err) != WARTA_OK)
		goto out;
	wbuf_reset(&head);
	if (catalog_xml_begin(&head, guid, org, when) != 0) {
		spool_error(err);
		goto out;
	}
	rc = put_head(c->xml, &head, err);
out:
	wbuf_release(&head);
	return rc;
}

/* Copies a spool file of known length into the bag. */
static int
add_spooled_file(struct bag *b, const char *rel, FILE *fp,
    struct warta_error *err)
{
	off_t len;

	if (fflush(fp) != 0 || (len = ftello(fp)) < 0 || fseeko(fp, 0,
	    SEEK_SET) != 0)
		return spool_error(err);
	return bag_add_stream(b, rel, fp, (size_t)len, err);
}

/* The packageItem's end, and both catalog files into the bag. */
static int
catalog_end(struct part_catalog *c, struct bag *b, struct warta_error *err)
{
	struct wbuf tail = WBUF_INIT;
	int rc;

	if (catalog_xml_end(&tail) != 0)
		rc = spool_error(err);
	else
		rc = put_head(c->xml, &tail, err);
	wbuf_release(&tail);
	if (rc != WARTA_OK ||
	    add_spooled_file(b, "catalog.xml", c->xml, err) != WARTA_OK ||
	    add_spooled_file(b, "catalog.tsv", c->tsv, err) != WARTA_OK)
		return WARTA_FAILED;
	return WARTA_OK;
}

static void
catalog_close(struct part_catalog *c)
{
	if (c->tsv != NULL)
		fclose(c->tsv);
	if (c->xml != NULL)
		fclose(c->xml);
}

/*
 * Adds the items of the records in path order, from where they stand, as
 * long as they fit in one part; *items gets their number.
 */
static int
add_items(struct bag_packer *p, struct bag *b, struct part_catalog *c,
    unsigned long long *items, struct warta_error *err)
{
	struct pack_rec rec;
	struct spool_head h;
	unsigned long long bytes = 0;
	off_t at;

	*items = 0;
	while ((at = ftello(p->by_path)) >= 0 && read_rec(p->by_path, &rec)) {
		if (part_full(&p->opt, *items, bytes, rec.bytes)) {
			/* The next part's first item. */
			if (fseeko(p->by_path, at, SEEK_SET) != 0)
				return spool_error(err);
			break;
		}
		if (read_spooled(p, rec.offset, &h, err) != WARTA_OK ||
		    bag_mark(b, err) != WARTA_OK)
			return WARTA_FAILED;
		if (bag_add(b, h.item_path, p->file.data, p->file.len, err) !=
		    WARTA_OK || (h.orig_len > 0 && bag_add(b,
		    h.original_path, p->original.data, p->original.len, err) !=
		    WARTA_OK))
			return WARTA_FAILED;
		if (fwrite(p->tsv.data, 1, p->tsv.len, c->tsv) != p->tsv.len ||
		    fwrite(p->ref.data, 1, p->ref.len, c->xml) != p->ref.len)
			return spool_error(err);
		(*items)++;
		bytes += rec.bytes;
		if (p->opt.hooks.written != NULL)
			p->opt.hooks.written(p->opt.hooks.arg, rec.bytes);
	}
	if (ferror(p->by_path))
		return spool_broken(err);
	return WARTA_OK;
}

/* bag-info.txt, and the bag finished (and freed) whatever happens. */
static int
finish_part(struct bag_packer *p, struct bag *b, const struct part *part,
    unsigned long k, struct warta_error *err)
{
	struct bag_info info[6];
	char date[16], count[64];
	char *group = NULL;
	size_t n = 0;
	int rc;

	format_date(bundle_date(p), "%Y-%m-%d", date, sizeof(date));
	info[n].label = "Source-Organization";
	info[n++].value = organization(p);
	info[n].label = "Bagging-Date";
	info[n++].value = date;
	info[n].label = "Bag-Software-Agent";
	info[n++].value = p->opt.agent != NULL ? p->opt.agent :
	    "warta " WARTA_VERSION;
	info[n].label = "External-Identifier";
	info[n++].value = part->name;
	if (p->counts.planned > 1) {
		group = bundle_name(p->opt.output, p->opt.format);
		snprintf(count, sizeof(count), "%lu of %lu", k,
		    p->counts.planned);
		info[n].label = "Bag-Group-Identifier";
		info[n++].value = group != NULL ? group : part->name;
		info[n].label = "Bag-Count";
		info[n++].value = count;
	}
	rc = bag_finish(b, info, n, err);
	free(group);
	return rc;
}

static struct bag *
create_bag(struct bag_packer *p, const struct part *part,
    struct warta_error *err)
{
	struct bag_options bo;

	memset(&bo, 0, sizeof(bo));
	bo.format = p->opt.format;
	bo.level = p->opt.level;
	bo.sha512 = p->opt.sha512;
	bo.mtime = bundle_date(p);
	bo.threads = p->opt.threads;
	bo.mode = p->opt.mode;
	if (p->opt.hooks.create != NULL)
		return p->opt.hooks.create(p->opt.hooks.arg, part->path,
		    part->name, &bo, err);
	return bag_create(part->path, part->name, &bo, err);
}

/* Writes part k with the records in path order, from where they stand. */
static int
write_part(struct bag_packer *p, unsigned long k, struct warta_error *err)
{
	struct part part;
	struct part_catalog cat = { NULL, NULL };
	struct bag *b = NULL;
	char when[32], guid[512];
	unsigned long long items = 0;
	int rc = WARTA_FAILED;

	if (part_paths(p->opt.output, p->opt.format, k, p->counts.planned > 1,
	    &part) != 0) {
		part_free(&part);
		return warta_error_set(err, -1, "out of memory");
	}
	format_date(bundle_date(p), "%Y-%m-%dT%H:%M:%SZ", when, sizeof(when));
	snprintf(guid, sizeof(guid), "tag:warta.invalid,2026:bundle:%s",
	    part.name);
	if (catalog_begin(&cat, guid, organization(p), when, err) != WARTA_OK)
		goto out;
	if ((b = create_bag(p, &part, err)) == NULL)
		goto out;
	if (add_items(p, b, &cat, &items, err) != WARTA_OK ||
	    catalog_end(&cat, b, err) != WARTA_OK)
		goto out;
	rc = finish_part(p, b, &part, k, err);
	b = NULL;
	if (rc == WARTA_OK) {
		p->counts.written++;
		p->counts.packed += (unsigned long)items;
	}
out:
	if (b != NULL)
		bag_abort(b);
	/* Renamed or removed by now. */
	if (p->opt.hooks.closed != NULL)
		p->opt.hooks.closed(p->opt.hooks.arg);
	catalog_close(&cat);
	part_free(&part);
	return rc;
}

int
bag_packer_finish(struct bag_packer *p, struct warta_error *err)
{
	unsigned long k;

	if (p->by_path == NULL)
		return warta_error_set(err, -1, "the items are not sorted");
	if (p->counts.duplicates > 0 && p->opt.duplicates == BAG_DUP_ERROR)
		return warta_error_set(err, -1, "%lu %s; nothing packed",
		    p->counts.duplicates, p->counts.duplicates == 1 ?
		    "duplicate" : "duplicates");
	rewind(p->by_path);
	for (k = 1; k <= p->counts.planned; k++)
		if (write_part(p, k, err) != WARTA_OK)
			return WARTA_FAILED;
	return WARTA_OK;
}
