/*
 * bagit/pack.c: items into bundles through a spool and an external sort;
 * see bagit/pack.h.
 *
 * Pass 1 is a pipeline: the caller gives each item, as a tree it parsed
 * (bag_packer_put()) or as the bytes the split cut (bag_packer_put_piece(),
 * parsed in the job), and the work on it (the checks, its file
 * serialized, its original decoded, its catalog lines, the digests of both
 * files, its spool record, in the spool of the thread) is a job on the
 * pool's threads; the jobs come back in the order given, and their
 * problems are told and their sort records written then, so that the
 * records, and every message, are the same whatever the number of
 * threads.  The digests travel in the spool, and pass 2 hashes nothing
 * again.
 *
 * The tree is best made, used and freed on one core: a tree parsed on the
 * caller's thread and checked on another was read again from the other
 * core's cache and freed across malloc arenas, and on 2 cores that cost
 * more than the second thread gave.  So warta-pack gives pieces where the
 * split can cut them, and trees only where the reader must take over.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "bagit/catalog.h"
#include "bagit/pack.h"
#include "base/buf.h"
#include "base/datetime.h"
#include "base/digest.h"
#include "base/extsort.h"
#include "base/file.h"
#include "base/spool.h"
#include "base/workpool.h"
#include "newsml/edit.h"
#include "newsml/split.h"

#define SPOOL_MAGIC 0x77617274u	/* "wart" */
/*
 * The items go to the pool in batches: one hand-over (a wake-up, a
 * system call or two) for each item cost as much as the checks of a
 * small one.  A batch is given once it holds BATCH_ITEMS items; two
 * batches a thread may be in the pool at once.
 */
#define BATCH_ITEMS	8
#define BATCHES_PER_THREAD	2

/* One item, as it is sorted: fixed size, no pointers. */
struct pack_rec {
	unsigned char guid_hash[32];
	char date[8];		/* YYYYMMDD; "~~~~~~~~" sorts undated last */
	uint32_t version;
	uint32_t length;	/* of its spool record */
	uint32_t spool;		/* which spool holds it */
	uint32_t pad;
	uint64_t seq;		/* its place in the stream */
	uint64_t offset;	/* of its spool record */
	uint64_t bytes;		/* its payload: item and original */
};

/*
 * Before each item in the spool; the strings follow, in this order, each
 * with a NUL after it.  The digests of the two files are the ones their
 * manifest lines give (the SHA-512 ones "" unless asked for).
 */
struct spool_head {
	uint32_t magic;
	uint32_t guid_len, item_len, orig_len, tsv_len, ref_len;
	char item_path[CATALOG_PATH_MAX];	/* under data/ */
	char original_path[CATALOG_PATH_MAX];	/* "" when none */
	char item_sha256[SHA256_HEX_LEN + 1];
	char orig_sha256[SHA256_HEX_LEN + 1];
	char item_sha512[SHA512_HEX_LEN + 1];
	char orig_sha512[SHA512_HEX_LEN + 1];
};

/* A spool record read back: pointers into the packer's buffer. */
struct spooled {
	struct spool_head h;
	const char *guid, *file, *original, *tsv, *ref;
};

/*
 * One item on its way to the spool: given on the caller's thread, done on
 * one of the pool's, taken back on the caller's.  The buffers stay from
 * one item to the next.
 */
struct pack_job {
	xmlDocPtr doc;
	int own_doc;		/* freed once done (bag_packer_put()) */
	/* or a piece of the split, to parse first */
	struct newsml_held piece;
	int parse_failed;	/* refused: the reader must take over */
	int verbatim;		/* its file is its bytes in the piece */
	struct bag_pack_item it;
	/* what the job found */
	int failed;		/* err says why: nothing more can be done */
	struct warta_error err;
	char *guid;		/* it.guid's */
	unsigned long problems;
	struct wbuf told;	/* each problem, with a NUL after it */
	int has_original;
	char recorded[65];	/* the original's SHA-256 the item records */
	time_t version_created;
	struct catalog_entry e;
	struct spool_head h;
	struct wbuf file, original, tsv, ref;
	/* where the job spooled it */
	uint32_t spool, length;
	uint64_t offset;
};

/* Items given to the pool together, done one after the other. */
struct pack_batch {
	struct pack_job job[BATCH_ITEMS];
	unsigned n;
};

struct bag_packer {
	struct bag_pack_options opt;
	struct item_check *checks;	/* one for each thread */
	struct g2_schema **schemas;	/* the threads' own, but the first */
	unsigned threads;
	struct workpool *pool;
	struct pack_batch *batches;	/* a ring of the pool's depth, + 1 */
	size_t nbatches;
	unsigned long long given;	/* batches submitted */
	struct pack_batch *filling;	/* the one taking items, not given */
	struct pack_job one;	/* bag_packer_add()'s */
	/* Each item's head and strings, in the spool of the thread that
	 * did it: the writes are the threads', not the caller's. */
	struct spool *spools;
	uint64_t *spool_end;	/* the bytes in each */
	struct spool_closing *closing;	/* the spools, once read back */
	struct spool index;	/* a record for each, in stream order */
	struct spool by_path;	/* the records kept, in path order */
	uint64_t seq;
	time_t newest;		/* the latest versionCreated of any item */
	time_t date;		/* set by bag_packer_set_date() */
	int date_set;
	struct bag_pack_counts counts;
	char first_key[8 + CATALOG_ID_LEN];	/* the first item in path order */
	char *first_provider;
	struct wbuf rec;	/* a spool record, read back */
	/* A piece refused: it and the items given after it are dropped
	 * as they come back, and the caller is told where to read again. */
	int refused;
	struct bag_pack_refusal refusal;
};

/* A part of a split, or the one bundle. */
struct part {
	char *path;		/* NAME-0001.tar.gz */
	char *name;		/* NAME-0001 */
};

/* The two catalog files of a part, waiting in spools until its end. */
struct part_catalog {
	struct spool tsv, xml;
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

static void
job_release(struct pack_job *j)
{
	if (j->own_doc)
		xmlFreeDoc(j->doc);
	xmlFree(j->guid);
	catalog_entry_free(&j->e);
	wbuf_release(&j->told);
	wbuf_release(&j->file);
	wbuf_release(&j->original);
	wbuf_release(&j->tsv);
	wbuf_release(&j->ref);
	newsml_held_clear(&j->piece, 1);
	memset(j, 0, sizeof(*j));
}

/* The checks of each thread: the schema's validation context is one
 * thread's at a time. */
static int
make_checks(struct bag_packer *p, const struct bag_pack_options *o,
    struct warta_error *err)
{
	unsigned i;

	p->threads = o->check_threads > 0 ? o->check_threads : 1;
	if ((p->checks = calloc(p->threads, sizeof(*p->checks))) == NULL ||
	    (p->schemas = calloc(p->threads, sizeof(*p->schemas))) == NULL)
		return warta_error_set(err, -1, "out of memory");
	for (i = 0; i < p->threads; i++) {
		if (o->check != NULL)
			p->checks[i] = *o->check;
		if (i == 0 || p->checks[i].schema == NULL)
			continue;
		if ((p->schemas[i] = g2_schema_dup(o->check->schema, err)) ==
		    NULL)
			return WARTA_FAILED;
		p->checks[i].schema = p->schemas[i];
	}
	return WARTA_OK;
}

static void
free_checks(struct bag_packer *p)
{
	unsigned i;

	if (p->schemas != NULL)
		for (i = 0; i < p->threads; i++)
			g2_schema_free(p->schemas[i]);
	free(p->schemas);
	free(p->checks);
	p->schemas = NULL;
	p->checks = NULL;
}

/* The pool and its jobs go once every item is in: pass 2 needs
 * neither. */
static void
free_pool(struct bag_packer *p)
{
	size_t i;
	unsigned k;

	workpool_free(p->pool);
	p->pool = NULL;
	if (p->batches != NULL)
		for (i = 0; i < p->nbatches; i++)
			for (k = 0; k < BATCH_ITEMS; k++)
				job_release(&p->batches[i].job[k]);
	free(p->batches);
	p->batches = NULL;
	p->nbatches = 0;
	p->filling = NULL;
}

static int
open_spools(struct bag_packer *p, struct warta_error *err)
{
	unsigned i;

	if ((p->spools = calloc(p->threads, sizeof(*p->spools))) == NULL ||
	    (p->spool_end = calloc(p->threads, sizeof(*p->spool_end))) ==
	    NULL)
		return warta_error_set(err, -1, "out of memory");
	for (i = 0; i < p->threads; i++)
		if (spool_open(&p->spools[i], err) == NULL)
			return WARTA_FAILED;
	return WARTA_OK;
}

struct bag_packer *
bag_packer_new(const struct bag_pack_options *o, struct warta_error *err)
{
	struct bag_packer *p;

	/* Once, before any thread parses, validates or writes XML. */
	xmlInitParser();
	if ((p = calloc(1, sizeof(*p))) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	p->opt = *o;
	/* Standard output takes one bundle, and the parts of a split
	 * would be files named after "-". */
	if (strcmp(o->output, "-") == 0 && (o->max_items != 0 ||
	    o->max_bytes != 0)) {
		warta_error_set(err, -1, "a split (--max-items, --max-bytes) "
		    "writes files, not standard output");
		bag_packer_free(p);
		return NULL;
	}
	if (make_checks(p, o, err) != WARTA_OK ||
	    open_spools(p, err) != WARTA_OK ||
	    spool_open(&p->index, err) == NULL) {
		bag_packer_free(p);
		return NULL;
	}
	return p;
}

void
bag_packer_free(struct bag_packer *p)
{
	unsigned i;

	if (p == NULL)
		return;
	free_pool(p);
	free_checks(p);
	job_release(&p->one);
	spool_closed(p->closing);
	if (p->spools != NULL)
		for (i = 0; i < p->threads; i++)
			spool_close(&p->spools[i]);
	free(p->spools);
	free(p->spool_end);
	spool_close(&p->index);
	spool_close(&p->by_path);
	free(p->first_provider);
	wbuf_release(&p->rec);
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
 * The work on one item, on any thread.
 */

/* Keeps a problem for the caller's thread. */
static int
keep_problem(void *arg, const char *problem)
{
	struct pack_job *j = arg;

	j->problems++;
	if (wbuf_append(&j->told, problem, strlen(problem) + 1) != WARTA_OK) {
		j->failed = 1;
		warta_error_set(&j->err, -1, "out of memory");
		return 1;
	}
	return 0;
}

/*
 * The original's digests: the catalog's line and the manifests give
 * them.  An item that passed its checks and records its original's
 * SHA-256 had it compared with the original's (item_check()): that is
 * the digest, not hashed a second time.
 */
static int
job_digest_original(const struct bag_packer *p, struct pack_job *j)
{
	struct spool_head *h = &j->h;
	const char *orig = j->original.data != NULL ? j->original.data : "";

	if (!j->has_original)
		return WARTA_OK;
	if (j->recorded[0] != '\0' && j->problems == 0)
		memcpy(j->e.original_sha256, j->recorded,
		    sizeof(j->e.original_sha256));
	else if (sha256_hex(orig, j->original.len, j->e.original_sha256) != 0)
		return warta_error_set(&j->err, -1, "cannot hash");
	if (p->opt.sha512 && sha512_hex(orig, j->original.len,
	    h->orig_sha512) != 0)
		return warta_error_set(&j->err, -1, "cannot hash");
	memcpy(h->orig_sha256, j->e.original_sha256, sizeof(h->orig_sha256));
	return WARTA_OK;
}

/*
 * The item's file: a document of its own.  A verbatim piece's bytes are
 * that document already (newsml_piece_parse()): serializing the tree
 * again was a tenth of warta-pack's time, and gave the same bytes.
 */
static int
job_file(struct pack_job *j, xmlNodePtr item)
{
	const struct newsml_held *h = &j->piece;

	if (wbuf_puts(&j->file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	    "\n") != WARTA_OK)
		return WARTA_FAILED;
	if (j->verbatim) {
		if (wbuf_append(&j->file, h->bytes.data + h->item_at,
		    h->item_len) != WARTA_OK)
			return WARTA_FAILED;
	} else if (g2_serialize(item, &j->file) != 0)
		return WARTA_FAILED;
	return wbuf_putc(&j->file, '\n');
}

/* The entry, date, file, catalog lines and digests of a newsItem that
 * passed its checks; the head of its spool record. */
static int
job_prepare(const struct bag_packer *p, struct pack_job *j, xmlNodePtr item)
{
	struct spool_head *h = &j->h;
	char *vc;

	if (catalog_entry_read(item, j->has_original, &j->e, &j->err) !=
	    WARTA_OK || job_digest_original(p, j) != WARTA_OK)
		return WARTA_FAILED;
	vc = g2_text(g2_child(g2_child(item, "itemMeta"), "versionCreated"));
	j->version_created = datetime_parse(vc);
	xmlFree(vc);
	if (job_file(j, item) != WARTA_OK)
		return warta_error_set(&j->err, -1, "out of memory");
	if (sha256_hex(j->file.data, j->file.len, h->item_sha256) != 0 ||
	    (p->opt.sha512 && sha512_hex(j->file.data, j->file.len,
	    h->item_sha512) != 0))
		return warta_error_set(&j->err, -1, "cannot hash");
	if (catalog_tsv_line(&j->tsv, &j->e) != 0 ||
	    catalog_xml_ref(&j->ref, &j->e) != 0)
		return warta_error_set(&j->err, -1, "out of memory");
	h->magic = SPOOL_MAGIC;
	h->guid_len = (uint32_t)strlen(j->e.guid);
	h->item_len = (uint32_t)j->file.len;
	h->orig_len = j->has_original ? (uint32_t)j->original.len : 0;
	h->tsv_len = (uint32_t)j->tsv.len;
	h->ref_len = (uint32_t)j->ref.len;
	memcpy(h->item_path, j->e.item_path, sizeof(h->item_path));
	memcpy(h->original_path, j->e.original_path,
	    sizeof(h->original_path));
	return WARTA_OK;
}

static int
put_string(FILE *fp, const void *s, size_t n)
{
	return (n == 0 || fwrite(s, 1, n, fp) == n) && putc('\0', fp) !=
	    EOF ? 0 : -1;
}

/* Writes the item's head and strings to the spool of the thread, k. */
static int
spool_strings(const struct bag_packer *p, unsigned k, struct pack_job *j)
{
	const struct spool_head *h = &j->h;
	FILE *fp = p->spools[k].fp;
	uint64_t n = sizeof(*h) + (uint64_t)h->guid_len + h->item_len +
	    h->orig_len + h->tsv_len + h->ref_len + 5;

	if (n > UINT32_MAX)
		return warta_error_set(&j->err, -1, "%s: too large to pack",
		    j->e.guid);
	if (fwrite(h, sizeof(*h), 1, fp) != 1 ||
	    put_string(fp, j->e.guid, h->guid_len) != 0 ||
	    put_string(fp, j->file.data, h->item_len) != 0 ||
	    put_string(fp, j->original.data, h->orig_len) != 0 ||
	    put_string(fp, j->tsv.data, h->tsv_len) != 0 ||
	    put_string(fp, j->ref.data, h->ref_len) != 0)
		return spool_error(&j->err);
	j->spool = k;
	j->length = (uint32_t)n;
	j->offset = p->spool_end[k];
	p->spool_end[k] += n;
	return WARTA_OK;
}


/* Empties a job for its next item, keeping its buffers. */
static void
job_reset(struct pack_job *j)
{
	xmlFree(j->guid);
	j->guid = NULL;
	j->parse_failed = 0;
	j->failed = 0;
	warta_error_clear(&j->err);
	j->problems = 0;
	j->has_original = 0;
	j->recorded[0] = '\0';
	j->version_created = 0;
	catalog_entry_free(&j->e);
	memset(&j->h, 0, sizeof(j->h));
	wbuf_reset(&j->told);
	wbuf_reset(&j->file);
	wbuf_reset(&j->original);
	wbuf_reset(&j->tsv);
	wbuf_reset(&j->ref);
}

/*
 * The piece of j parsed into its document, on the job's thread: the tree
 * is made, used and freed on one core.  0, or -1 when refused.
 */
static int
job_parse(struct pack_job *j)
{
	if (newsml_held_parse(&j->piece, &j->doc, &j->verbatim) != 1) {
		newsml_held_clear(&j->piece, 0);
		j->parse_failed = 1;
		return -1;
	}
	j->own_doc = 1;
	return 0;
}

/* Checks and prepares the item of j (its root is no NULL), with the
 * checks of the thread. */
static void
job_run(const struct bag_packer *p, struct pack_job *j, unsigned thread)
{
	xmlNodePtr item;

	/* What the job's last item left is freed here, not on the
	 * caller's thread. */
	job_reset(j);
	if (j->doc == NULL && job_parse(j) != 0)
		return;
	item = xmlDocGetRootElement(j->doc);
	j->guid = (char *)xmlGetProp(item, (const xmlChar *)"guid");
	j->it.guid = j->guid;
	if (!g2_is(item, "newsItem")) {
		char what[96];

		snprintf(what, sizeof(what), "a %s, not a newsItem: a bundle "
		    "holds news items", (const char *)item->name);
		keep_problem(j, what);
	} else if (item_check(&p->checks[thread], j->doc, keep_problem, j,
	    &j->original, &j->has_original, j->recorded, &j->err) < 0)
		j->failed = 1;
	if (!j->failed && j->problems == 0 &&
	    (job_prepare(p, j, item) != WARTA_OK ||
	    spool_strings(p, thread, j) != WARTA_OK))
		j->failed = 1;
	if (j->own_doc) {
		/* Freed here, off the caller's thread, which has the next
		 * item to parse. */
		xmlFreeDoc(j->doc);
		j->doc = NULL;
		j->own_doc = 0;
	}
	newsml_held_clear(&j->piece, 0);
}

static void
pool_job(void *job, unsigned thread, void *arg)
{
	struct pack_batch *b = job;
	unsigned k;

	for (k = 0; k < b->n; k++)
		job_run(arg, &b->job[k], thread);
}

/*
 * The items taken back, on the caller's thread.
 */

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

/* Writes the record of one item its job spooled. */
static int
spool_item(struct bag_packer *p, const struct pack_job *j,
    struct warta_error *err)
{
	const struct catalog_entry *e = &j->e;
	struct pack_rec rec;

	if (j->version_created > p->newest)
		p->newest = j->version_created;
	memset(&rec, 0, sizeof(rec));
	rec.spool = j->spool;
	rec.length = j->length;
	rec.offset = j->offset;
	rec.bytes = (uint64_t)j->h.item_len + j->h.orig_len;
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
	if (fwrite(&rec, sizeof(rec), 1, p->index.fp) != 1)
		return spool_error(err);
	return note_provider(p, &rec, e, err);
}

/*
 * A job taken back: its problems to fn, then the item spooled when it
 * has none.  1 spooled, 0 left out, WARTA_FAILED (err) when nothing more
 * can be done.
 */
static int
job_finish(struct bag_packer *p, struct pack_job *j, g2_problem_fn fn,
    void *arg, struct warta_error *err)
{
	const char *s = j->told.data;
	/* No problem told: data is NULL, and NULL + 0 is undefined. */
	const char *end = s != NULL ? s + j->told.len : NULL;

	for (; s != NULL && s < end; s += strlen(s) + 1)
		if (fn != NULL && fn(arg, s) != 0)
			break;
	if (j->failed) {
		*err = j->err;
		return WARTA_FAILED;
	}
	if (j->problems > 0) {
		p->counts.rejected++;
		return 0;
	}
	return spool_item(p, j, err) == WARTA_OK ? 1 : WARTA_FAILED;
}

int
bag_packer_add(struct bag_packer *p, xmlDocPtr doc, g2_problem_fn fn,
    void *arg, struct warta_error *err)
{
	struct pack_job *j = &p->one;

	/* Those given before are told and spooled first. */
	if (bag_packer_drain(p, err) != WARTA_OK)
		return WARTA_FAILED;
	p->counts.read++;
	if (xmlDocGetRootElement(doc) == NULL)
		return warta_error_set(err, -1, "an empty document");
	j->doc = doc;
	j->own_doc = 0;
	j->verbatim = 0;
	job_run(p, j, 0);
	j->doc = NULL;
	return job_finish(p, j, fn, arg, err);
}

/* For the report: one of bag_packer_put()'s items' problems. */
struct telling {
	const struct bag_packer *p;
	const struct pack_job *j;
};

static int
tell_problem(void *arg, const char *problem)
{
	const struct telling *t = arg;
	const struct bag_pack_report *r = &t->p->opt.report;

	if (r->problem != NULL)
		r->problem(r->arg, &t->j->it, problem);
	return 0;
}

/*
 * A job taken back after a refused piece, or the piece itself: not told,
 * not counted.  What it spooled stays in the spool, where no record
 * points.
 */
static void
drop(struct bag_packer *p, const struct pack_job *j)
{
	if (!p->refused) {
		p->refused = 1;
		p->refusal.doc_start = j->piece.doc_start;
		p->refusal.doc_items = j->piece.doc_items;
		p->refusal.done = j->it.number - 1;
	}
	p->counts.read--;
}

/* Takes back the oldest batch of the pool: its items told, and spooled
 * when they have no problem. */
static int
take_back(struct bag_packer *p, struct warta_error *err)
{
	const struct bag_pack_report *r = &p->opt.report;
	struct pack_batch *b = workpool_next(p->pool);
	struct telling t = { p, NULL };
	unsigned k;
	int rc;

	for (k = 0; k < b->n; k++) {
		t.j = &b->job[k];
		if (p->refused || b->job[k].parse_failed) {
			drop(p, &b->job[k]);
			continue;
		}
		if ((rc = job_finish(p, &b->job[k], tell_problem, &t, err)) <
		    0)
			return WARTA_FAILED;
		if (rc == 0 && r->left_out != NULL)
			r->left_out(r->arg, &b->job[k].it);
	}
	b->n = 0;
	return WARTA_OK;
}

/* Gives the batch being filled to the pool. */
static void
give_batch(struct bag_packer *p)
{
	workpool_submit(p->pool, p->filling);
	p->given++;
	p->filling = NULL;
}

int
bag_packer_drain(struct bag_packer *p, struct warta_error *err)
{
	if (p->pool == NULL)
		return WARTA_OK;
	if (p->filling != NULL && p->filling->n > 0)
		give_batch(p);
	while (workpool_pending(p->pool) > 0)
		if (take_back(p, err) != WARTA_OK)
			return WARTA_FAILED;
	return WARTA_OK;
}

/* The pool, at the first item put. */
static int
start_pool(struct bag_packer *p, struct warta_error *err)
{
	size_t depth = (size_t)BATCHES_PER_THREAD * p->threads;

	/* And one more, filling while the pool is full. */
	p->nbatches = depth + 1;
	if ((p->batches = calloc(p->nbatches, sizeof(*p->batches))) == NULL) {
		p->nbatches = 0;
		return warta_error_set(err, -1, "out of memory");
	}
	if ((p->pool = workpool_new(p->threads, depth, pool_job, p, err)) ==
	    NULL)
		return WARTA_FAILED;
	return WARTA_OK;
}

/*
 * The job for the next item, in the batch being filled; NULL with err
 * when nothing more can be done.
 */
static struct pack_job *
next_job(struct bag_packer *p, struct warta_error *err)
{
	if (p->pool == NULL && start_pool(p, err) != WARTA_OK)
		return NULL;
	if (p->filling == NULL) {
		if (workpool_full(p->pool) && take_back(p, err) != WARTA_OK)
			return NULL;
		/* The batches come back in the order given: this slot's
		 * last one is back. */
		p->filling = &p->batches[p->given % p->nbatches];
		p->filling->n = 0;
	}
	return &p->filling->job[p->filling->n];
}

/* The job next_job() gave, filled, counted and given with its batch. */
static void
job_given(struct bag_packer *p)
{
	p->counts.read++;
	if (++p->filling->n == BATCH_ITEMS)
		give_batch(p);
}

int
bag_packer_put(struct bag_packer *p, xmlDocPtr doc, const char *bytes,
    size_t len, const char *input, unsigned long number,
    struct warta_error *err)
{
	struct pack_job *j;

	if (p->by_path.fp != NULL) {
		xmlFreeDoc(doc);
		return warta_error_set(err, -1, "the items are sorted "
		    "already");
	}
	if (xmlDocGetRootElement(doc) == NULL) {
		xmlFreeDoc(doc);
		p->counts.read++;
		if (bag_packer_drain(p, err) != WARTA_OK)
			return WARTA_FAILED;
		return warta_error_set(err, -1, "an empty document");
	}
	if ((j = next_job(p, err)) == NULL) {
		xmlFreeDoc(doc);
		return WARTA_FAILED;
	}
	j->doc = doc;
	j->own_doc = 1;
	newsml_held_clear(&j->piece, 0);
	j->verbatim = bytes != NULL;
	if (bytes != NULL) {
		/* Held as a piece that is all item. */
		j->piece.item_at = 0;
		j->piece.item_len = len;
		if (wbuf_append(&j->piece.bytes, bytes, len) != WARTA_OK) {
			j->doc = NULL;
			xmlFreeDoc(doc);
			return warta_error_set(err, -1, "out of memory");
		}
	}
	j->it.input = input;
	j->it.number = number;
	j->it.guid = NULL;
	job_given(p);
	return WARTA_OK;
}

int
bag_packer_put_piece(struct bag_packer *p, const struct newsml_piece *piece,
    const char *input, struct warta_error *err)
{
	struct pack_job *j;

	if (p->by_path.fp != NULL)
		return warta_error_set(err, -1, "the items are sorted "
		    "already");
	if (p->refused || (j = next_job(p, err)) == NULL || p->refused)
		return p->refused ? 0 : WARTA_FAILED;
	if (newsml_hold(&j->piece, piece) != WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	j->doc = NULL;
	j->own_doc = 0;
	j->verbatim = 0;	/* until parsed */
	j->it.input = input;
	j->it.number = piece->count;
	j->it.guid = NULL;
	job_given(p);
	return 1;
}

int
bag_packer_refused(struct bag_packer *p, struct bag_pack_refusal *r)
{
	if (!p->refused)
		return 0;
	*r = p->refusal;
	p->refused = 0;
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

/* The string of len bytes at *at of the record, with its NUL; *at moves
 * past it.  NULL when the record does not hold it. */
static const char *
take_string(const struct wbuf *rec, size_t *at, uint32_t len)
{
	const char *s = rec->data + *at;

	if (len >= rec->len - *at || s[len] != '\0')
		return NULL;
	*at += (size_t)len + 1;
	return s;
}

/*
 * Reads the spool record of rec, in one read: its strings point into the
 * packer's buffer until the next.
 */
static int
read_spooled(struct bag_packer *p, const struct pack_rec *rec,
    struct spooled *s, struct warta_error *err)
{
	size_t at = sizeof(s->h);

	wbuf_reset(&p->rec);
	if (rec->length < sizeof(s->h) || rec->spool >= p->threads)
		return spool_broken(err);
	if (wbuf_reserve(&p->rec, rec->length) != WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	if (file_pread(fileno(p->spools[rec->spool].fp), p->rec.data,
	    rec->length, rec->offset) != 0)
		return spool_broken(err);
	p->rec.len = rec->length;
	memcpy(&s->h, p->rec.data, sizeof(s->h));
	if (s->h.magic != SPOOL_MAGIC ||
	    (s->guid = take_string(&p->rec, &at, s->h.guid_len)) == NULL ||
	    (s->file = take_string(&p->rec, &at, s->h.item_len)) == NULL ||
	    (s->original = take_string(&p->rec, &at, s->h.orig_len)) ==
	    NULL || (s->tsv = take_string(&p->rec, &at, s->h.tsv_len)) ==
	    NULL || (s->ref = take_string(&p->rec, &at, s->h.ref_len)) ==
	    NULL || at != p->rec.len)
		return spool_broken(err);
	return WARTA_OK;
}

/* Tells fn of rec, the same guid as kept, left out. */
static int
tell_duplicate(struct bag_packer *p, const struct pack_rec *kept,
    const struct pack_rec *rec, bag_pack_duplicate_fn fn, void *arg,
    struct warta_error *err)
{
	struct bag_pack_duplicate d;
	struct spooled s;

	if (read_spooled(p, rec, &s, err) != WARTA_OK)
		return WARTA_FAILED;
	d.guid = s.guid;
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

	rewind(p->by_path.fp);
	while (read_rec(p->by_path.fp, &rec)) {
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
	if (extsort(kept, p->by_path.fp, sizeof(struct pack_rec), cmp_path,
	    err) != WARTA_OK)
		return WARTA_FAILED;
	if (fflush(p->by_path.fp) != 0)
		return flush_error(err);
	p->counts.planned = count_parts(p);
	return WARTA_OK;
}

int
bag_packer_sort(struct bag_packer *p, bag_pack_duplicate_fn fn, void *arg,
    struct warta_error *err)
{
	struct spool by_guid = SPOOL_INIT, kept = SPOOL_INIT;
	unsigned i;
	int rc = WARTA_FAILED;

	if (p->by_path.fp != NULL)
		return warta_error_set(err, -1, "the items are sorted already");
	if (bag_packer_drain(p, err) != WARTA_OK)
		return WARTA_FAILED;
	free_pool(p);
	for (i = 0; i < p->threads; i++)
		if (fflush(p->spools[i].fp) != 0)
			return flush_error(err);
	if (fflush(p->index.fp) != 0)
		return flush_error(err);
	rewind(p->index.fp);
	if (spool_open(&by_guid, err) == NULL ||
	    spool_open(&kept, err) == NULL ||
	    spool_open(&p->by_path, err) == NULL)
		goto out;
	if (extsort(p->index.fp, by_guid.fp, sizeof(struct pack_rec),
	    p->opt.duplicates == BAG_DUP_FIRST ? cmp_guid_first : cmp_guid,
	    err) != WARTA_OK)
		goto out;
	rewind(by_guid.fp);
	if (keep_one_version(p, by_guid.fp, kept.fp, fn, arg, err) !=
	    WARTA_OK)
		goto out;
	/* Nothing will be packed: no need to sort further. */
	if (p->counts.duplicates > 0 && p->opt.duplicates == BAG_DUP_ERROR)
		rc = WARTA_OK;
	else
		rc = sort_kept(p, kept.fp, err);
out:
	spool_close(&by_guid);
	spool_close(&kept);
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

	if (spool_open(&c->tsv, err) == NULL ||
	    spool_open(&c->xml, err) == NULL)
		goto out;
	if (catalog_tsv_header(&head) != 0) {
		spool_error(err);
		goto out;
	}
	if (put_head(c->tsv.fp, &head, err) != WARTA_OK)
		goto out;
	wbuf_reset(&head);
	if (catalog_xml_begin(&head, guid, org, when) != 0) {
		spool_error(err);
		goto out;
	}
	rc = put_head(c->xml.fp, &head, err);
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
		rc = put_head(c->xml.fp, &tail, err);
	wbuf_release(&tail);
	if (rc != WARTA_OK ||
	    add_spooled_file(b, "catalog.xml", c->xml.fp, err) != WARTA_OK ||
	    add_spooled_file(b, "catalog.tsv", c->tsv.fp, err) != WARTA_OK)
		return WARTA_FAILED;
	return WARTA_OK;
}

static void
catalog_close(struct part_catalog *c)
{
	spool_close(&c->tsv);
	spool_close(&c->xml);
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
	struct spooled s;
	unsigned long long bytes = 0;
	off_t at;

	*items = 0;
	while ((at = ftello(p->by_path.fp)) >= 0 &&
	    read_rec(p->by_path.fp, &rec)) {
		if (part_full(&p->opt, *items, bytes, rec.bytes)) {
			/* The next part's first item. */
			if (fseeko(p->by_path.fp, at, SEEK_SET) != 0)
				return spool_error(err);
			break;
		}
		if (read_spooled(p, &rec, &s, err) != WARTA_OK ||
		    bag_mark(b, err) != WARTA_OK)
			return WARTA_FAILED;
		/* Hashed in pass 1, on the threads. */
		if (bag_add_hashed(b, s.h.item_path, s.file, s.h.item_len,
		    s.h.item_sha256, p->opt.sha512 ? s.h.item_sha512 : NULL,
		    err) != WARTA_OK || (s.h.orig_len > 0 &&
		    bag_add_hashed(b, s.h.original_path, s.original,
		    s.h.orig_len, s.h.orig_sha256, p->opt.sha512 ?
		    s.h.orig_sha512 : NULL, err) != WARTA_OK))
			return WARTA_FAILED;
		if (fwrite(s.tsv, 1, s.h.tsv_len, c->tsv.fp) != s.h.tsv_len ||
		    fwrite(s.ref, 1, s.h.ref_len, c->xml.fp) != s.h.ref_len)
			return spool_error(err);
		(*items)++;
		bytes += rec.bytes;
		if (p->opt.hooks.written != NULL)
			p->opt.hooks.written(p->opt.hooks.arg, rec.bytes);
	}
	if (ferror(p->by_path.fp))
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
	struct part_catalog cat = { SPOOL_INIT, SPOOL_INIT };
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
	if (add_items(p, b, &cat, &items, err) != WARTA_OK)
		goto out;
	/* Every item is in: the spools go while the bag is finished. */
	if (k == p->counts.planned)
		p->closing = spool_close_behind(p->spools, p->threads);
	if (catalog_end(&cat, b, err) != WARTA_OK)
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

	if (p->by_path.fp == NULL)
		return warta_error_set(err, -1, "the items are not sorted");
	if (p->counts.duplicates > 0 && p->opt.duplicates == BAG_DUP_ERROR)
		return warta_error_set(err, -1, "%lu %s; nothing packed",
		    p->counts.duplicates, p->counts.duplicates == 1 ?
		    "duplicate" : "duplicates");
	rewind(p->by_path.fp);
	for (k = 1; k <= p->counts.planned; k++)
		if (write_part(p, k, err) != WARTA_OK)
			return WARTA_FAILED;
	return WARTA_OK;
}
