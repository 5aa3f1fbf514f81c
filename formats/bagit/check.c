/*
 * bagit/check.c: the check of a whole bag; see bagit/check.h.
 *
 * Two halves.  While the bag is read, each file is a job for the ordered
 * pool (base/workpool.h): its digest and, for an item file, the item
 * checks, done on any thread; the problems a job finds wait in the job
 * and are given to the caller when it is taken back, in the bag's order,
 * so the report is the same whatever the number of threads.  The tag
 * files are read when their job is taken back, on the caller's thread.
 *
 * What the end compares (the files with their digests, the items, the
 * lines of the manifests and of catalog.tsv, catalog.xml's itemRefs) is
 * not kept in memory: each is a table of fixed-size records in a spool
 * file (base/spool.h), sorted at the end by path with base/extsort.h, and
 * the comparisons are merges of sorted tables.  The problems the end finds
 * are records too, sorted into the order the report has always had (a
 * manifest's in its line order, the files no manifest lists in path
 * order, ...) before they are given out.  The large tag files those
 * tables come from (a manifest, a catalog: megabytes each in a big bag)
 * are read a chunk at a time, never whole.  Memory does not grow with
 * the bag.
 *
 * A path is a record's key: its first KEY_PREFIX bytes, NUL-padded, then
 * a 64-bit hash and the length of the whole.  A path shorter than that is
 * compared exactly and sorts as strcmp() sorts it; two longer paths that
 * share their first KEY_PREFIX bytes sort by their hash, and are taken for
 * one when hash and length agree (as bagit/read.c's table of the paths
 * seen does, about once in 10^19).  The whole of a long path is kept in
 * the strings spool, for the messages.
 */
#include <sys/types.h>

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <openssl/evp.h>

#include "bagit/catalog_read.h"
#include "bagit/check.h"
#include "bagit/index_check.h"
#include "bagit/manifest.h"
#include "base/buf.h"
#include "base/digest.h"
#include "base/extsort.h"
#include "base/file.h"
#include "base/hash.h"
#include "base/spool.h"
#include "base/workpool.h"
#include "newsml/read.h"
#include "newsml/split.h"

/* The manifests by algorithm: [0] SHA-256, [1] SHA-512. */
static const struct {
	const char *payload, *tags;
	size_t hexlen;
	const char *name;
} algorithms[2] = {
	{ "manifest-sha256.txt", "tagmanifest-sha256.txt", 64, "SHA-256" },
	{ "manifest-sha512.txt", "tagmanifest-sha512.txt", 128, "SHA-512" },
};

/*
 * The records.
 */

#define KEY_PREFIX 128

struct key {
	char p[KEY_PREFIX];	/* the path, NUL-padded; its start if longer */
	uint64_t hash;		/* FNV-1a of the whole path */
	uint64_t len;
	uint64_t name;		/* the whole path in the strings, if long */
};

/* A file of the bag as it was read, or its SHA-512 (a second pass). */
enum { F_FILE, F_SHA512 };
struct frec {
	struct key k;
	uint64_t seq;		/* the order they came in */
	unsigned char md[64];
	uint8_t kind, mdlen;
};

/* A line of a manifest; which: 0, 1 the payload's, 2, 3 the tags'. */
struct mrec {
	struct key k;
	int64_t lineno;
	uint8_t which;
	char digest[MANIFEST_DIGEST_MAX + 1];
};

/* An item of the bag (the first of its file), for the catalog. */
struct irec {
	struct key k;
	uint64_t seq;
	int64_t version;
	uint64_t guid;		/* in the strings */
	uint64_t guidlen;
	uint8_t unreadable;	/* not an item: reported already */
	char recorded[65];	/* the original's SHA-256 it records */
};

/* A whole line of catalog.tsv, by its item's path (or, once its item is
 * found, by its original's path, with what the item records). */
struct trec {
	struct key k;
	int64_t lineno;
	uint64_t line;		/* the line as it was, in the strings */
	uint64_t linelen;
	char recorded[65];
};

/* An itemRef of catalog.xml, by "data/" and its href. */
struct xrec {
	struct key k;
};

/* A problem found at the end, in the order it is given out. */
struct orec {
	uint64_t phase, a, b;
	uint64_t text;		/* where, NUL, the problem, in the strings */
	uint64_t wlen, mlen;
};

/* The phases of the end's problems, in the report's order. */
enum {
	PH_MANIFEST = 0,	/* + which, 2 for the unlisted files */
	PH_UNLISTED = 2,
	PH_TSV = 10,		/* by line, then what */
	PH_NOLINE = 11		/* the items catalog.tsv lacks */
};

/* A table: records of one size appended to a spool, sorted at the end. */
struct table {
	struct spool spool;	/* not open until the first record */
	size_t size;
	uint64_t n;
	int sorted;		/* no record put since it was sorted */
};

/*
 * The jobs.
 */

enum job_kind { JOB_FILE, JOB_SHA512, JOB_PROBLEM, JOB_SORT };

struct job {
	enum job_kind kind;
	/* JOB_SORT: a table of the end's, sorted on a thread (presort()) */
	struct table *table;
	extsort_cmp cmp;
	char *path;
	struct wbuf data;	/* the file's bytes, the job's own */
	unsigned char md[64];
	unsigned mdlen;		/* 0: the digest could not be made */
	struct wbuf problems;	/* "where\0problem\0", in order */
	int nomem;		/* a problem could not be kept */
	/* The first item of an item file, for the catalog. */
	int has_item, unreadable;
	char *guid;
	long version;
	char recorded[65];
};

/*
 * The pool's jobs are batches of consecutive entries: an item file and
 * its original are a few kilobytes each, and a handing over between
 * threads for each (a few futex calls) cost as much system time as the
 * hashing.  A batch goes to the pool when it holds BATCH_JOBS entries or
 * BATCH_BYTES, or before the pool is drained.
 */
#define BATCH_JOBS 16
#define BATCH_BYTES ((unsigned long long)64 << 10)

struct batch {
	size_t n;
	unsigned long long bytes;
	struct job *job[BATCH_JOBS];
};

static void job_free(struct job *j);

struct bag_check {
	const struct item_check *ic;
	bag_problem_fn *fn;
	void *arg;

	unsigned threads;
	struct item_check *tic;	/* one for each thread (threads > 1) */

	struct table files, manifest, items, tsv, originals, refs;
	struct table out, tsv_out;	/* problems for the end */
	struct spool strings;	/* paths, guids, lines, messages */
	uint64_t strings_len;
	int strings_dirty;	/* written since the last fflush() */
	/*
	 * What was read back of strings, a window of it at a time: the end
	 * reads the strings in runs (the guids in one, the lines in
	 * another), and a pread of each, 30,000 at 10,000 items, was a
	 * third of the end's time.  Two windows, one a run.  The file is
	 * only ever appended to, so what a window holds stays true.
	 */
	struct strings_window {
		char *buf;
		uint64_t off;
		size_t len;
	} window[2];
	unsigned next_window;	/* the one to fill next */
	struct warta_error err;	/* of a spool */
	uint64_t seq, nfiles, nitems, nrefs, noline;
	unsigned long tsv_listed;	/* whole lines of catalog.tsv */

	int have_manifest[2], have_tags[2], have_bagit;
	char *oxum;		/* Payload-Oxum as bag-info.txt gives it */
	unsigned long long payload_bytes, payload_files;
	int have_catalog_tsv, have_catalog_xml;
	struct catalog_refs xml;	/* only its failed */
	int stopped;		/* a file could not be kept: reported */
	unsigned long long inflight;	/* bytes of the jobs in the pool */
	struct batch *batch;	/* being filled, not yet in the pool */
	bag_check_progress_fn *progress;
	void *progress_arg;
	/* A large entry's problems, held until it is read whole ("where",
	 * NUL, the problem, NUL), and the caller's fn and arg meanwhile. */
	struct spool held;
	bag_problem_fn *held_fn;
	void *held_arg;
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

static void
table_init(struct table *t, size_t size)
{
	t->spool = (struct spool)SPOOL_INIT;
	t->size = size;
	t->n = 0;
	t->sorted = 0;
}

/* Empties t (a tag file given twice: the last one counts). */
static void
table_reset(struct table *t)
{
	spool_close(&t->spool);
	t->n = 0;
	t->sorted = 0;
}

struct bag_check *
bag_check_new(const struct item_check *ic, bag_problem_fn *fn, void *arg)
{
	struct bag_check *c;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	c->ic = ic;
	c->fn = fn;
	c->arg = arg;
	c->threads = 1;
	table_init(&c->files, sizeof(struct frec));
	table_init(&c->manifest, sizeof(struct mrec));
	table_init(&c->items, sizeof(struct irec));
	table_init(&c->tsv, sizeof(struct trec));
	table_init(&c->originals, sizeof(struct trec));
	table_init(&c->refs, sizeof(struct xrec));
	table_init(&c->out, sizeof(struct orec));
	table_init(&c->tsv_out, sizeof(struct orec));
	catalog_refs_init(&c->xml);
	warta_error_clear(&c->err);
	return c;
}

static void
free_thread_checks(struct bag_check *c)
{
	unsigned i;

	if (c->tic == NULL)
		return;
	for (i = 0; i < c->threads; i++)
		g2_schema_free(c->tic[i].schema);
	free(c->tic);
	c->tic = NULL;
}

void
bag_check_free(struct bag_check *c)
{
	if (c == NULL)
		return;
	if (c->batch != NULL) {
		while (c->batch->n > 0)
			job_free(c->batch->job[--c->batch->n]);
		free(c->batch);
	}
	free_thread_checks(c);
	table_reset(&c->files);
	table_reset(&c->manifest);
	table_reset(&c->items);
	table_reset(&c->tsv);
	table_reset(&c->originals);
	table_reset(&c->refs);
	table_reset(&c->out);
	table_reset(&c->tsv_out);
	spool_close(&c->strings);
	free(c->window[0].buf);
	free(c->window[1].buf);
	spool_close(&c->held);
	free(c->oxum);
	catalog_refs_release(&c->xml);
	free(c);
}

void
bag_check_set_progress(struct bag_check *c, bag_check_progress_fn *fn,
    void *arg)
{
	c->progress = fn;
	c->progress_arg = arg;
}

void
bag_check_set_threads(struct bag_check *c, unsigned threads)
{
	free_thread_checks(c);
	c->threads = threads > 0 ? threads : 1;
}

size_t
bag_check_items(const struct bag_check *c)
{
	return (size_t)c->nitems;
}

size_t
bag_check_files(const struct bag_check *c)
{
	return (size_t)c->nfiles;
}

/*
 * The spools.
 */

/* A spool's failure, into err: any thread's (sort_table()). */
static int
spool_failed(struct warta_error *err, const char *what)
{
	return warta_error_set(err, -1, "temporary file: %s: %s", what,
	    strerror(errno));
}

static int
io_error(struct bag_check *c, const char *what)
{
	return spool_failed(&c->err, what);
}

static int
table_put(struct bag_check *c, struct table *t, const void *rec)
{
	if (t->spool.fp == NULL && spool_open(&t->spool, &c->err) == NULL)
		return WARTA_FAILED;
	if (fwrite(rec, t->size, 1, t->spool.fp) != 1)
		return io_error(c, "writing");
	t->n++;
	t->sorted = 0;
	return WARTA_OK;
}

/* Appends the len bytes at s to the strings; *off: where they are. */
static int
string_put(struct bag_check *c, const char *s, size_t len, uint64_t *off)
{
	if (c->strings.fp == NULL && spool_open(&c->strings, &c->err) == NULL)
		return WARTA_FAILED;
	if (len > 0 && fwrite(s, 1, len, c->strings.fp) != len)
		return io_error(c, "writing");
	*off = c->strings_len;
	c->strings_len += len;
	c->strings_dirty = 1;
	return WARTA_OK;
}

#define STRINGS_WINDOW	((size_t)64 << 10)

/*
 * The window that holds [off, off + len), filled from off if none does;
 * NULL when len is more than a window holds (read it alone) or on a
 * failure (errno; *failed set).
 */
static const struct strings_window *
strings_window(struct bag_check *c, uint64_t off, uint64_t len, int *failed)
{
	struct strings_window *w;
	size_t n;
	unsigned i;

	*failed = 0;
	if (len > STRINGS_WINDOW)
		return NULL;
	for (i = 0; i < 2; i++) {
		w = &c->window[i];
		if (w->buf != NULL && off >= w->off &&
		    off + len <= w->off + w->len)
			return w;
	}
	w = &c->window[c->next_window];
	c->next_window = (c->next_window + 1) % 2;
	if (w->buf == NULL && (w->buf = malloc(STRINGS_WINDOW)) == NULL) {
		errno = ENOMEM;
		*failed = 1;
		return NULL;
	}
	/* As much as the file holds from off, up to a window. */
	n = c->strings_len - off < STRINGS_WINDOW ?
	    (size_t)(c->strings_len - off) : STRINGS_WINDOW;
	w->len = 0;
	if (n < len || file_pread(fileno(c->strings.fp), w->buf, n, off) != 0) {
		if (n < len)
			errno = EIO;
		*failed = 1;
		return NULL;
	}
	w->off = off;
	w->len = n;
	return w;
}

/* The len bytes at off of the strings, as a C string in out. */
static char *
string_get(struct bag_check *c, uint64_t off, uint64_t len, struct wbuf *out)
{
	const struct strings_window *w;
	int failed;

	wbuf_reset(out);
	if (c->strings.fp == NULL) {
		errno = EIO;
		io_error(c, "reading");
		return NULL;
	}
	if (c->strings_dirty) {
		if (fflush(c->strings.fp) != 0) {
			io_error(c, "writing");
			return NULL;
		}
		c->strings_dirty = 0;
	}
	if (wbuf_reserve(out, (size_t)len + 1) != WARTA_OK) {
		warta_error_set(&c->err, -1, "out of memory");
		return NULL;
	}
	if ((w = strings_window(c, off, len, &failed)) != NULL)
		memcpy(out->data, w->buf + (off - w->off), (size_t)len);
	else if (failed || file_pread(fileno(c->strings.fp), out->data,
	    (size_t)len, off) != 0) {
		io_error(c, "reading");
		return NULL;
	}
	out->len = (size_t)len;
	out->data[len] = '\0';
	return out->data;
}

static int
make_key(struct bag_check *c, const char *path, struct key *k)
{
	size_t len = strlen(path);

	memset(k, 0, sizeof(*k));
	memcpy(k->p, path, len < KEY_PREFIX ? len : KEY_PREFIX);
	k->hash = fnv1a(FNV1A_INIT, path, len);
	k->len = len;
	if (len >= KEY_PREFIX)
		return string_put(c, path, len, &k->name);
	return WARTA_OK;
}

static int
key_cmp(const struct key *a, const struct key *b)
{
	int d = memcmp(a->p, b->p, KEY_PREFIX);

	/* Equal prefixes, one of them short: the same path. */
	if (d != 0 || a->len < KEY_PREFIX)
		return d;
	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return 0;
}

/* The whole path of k, in buf when it is long; NULL: could not read. */
static const char *
key_path(struct bag_check *c, const struct key *k, struct wbuf *buf)
{
	if (k->len < KEY_PREFIX)
		return k->p;
	return string_get(c, k->name, k->len, buf);
}

static int
cmp_u64(uint64_t a, uint64_t b)
{
	return a < b ? -1 : a > b;
}

static int
cmp_frec(const void *a, const void *b)
{
	const struct frec *x = a, *y = b;
	int d = key_cmp(&x->k, &y->k);

	return d != 0 ? d : cmp_u64(x->seq, y->seq);
}

static int
cmp_mrec(const void *a, const void *b)
{
	const struct mrec *x = a, *y = b;
	int d = key_cmp(&x->k, &y->k);

	if (d == 0)
		d = cmp_u64(x->which, y->which);
	return d != 0 ? d : cmp_u64((uint64_t)x->lineno, (uint64_t)y->lineno);
}

static int
cmp_irec(const void *a, const void *b)
{
	const struct irec *x = a, *y = b;
	int d = key_cmp(&x->k, &y->k);

	return d != 0 ? d : cmp_u64(x->seq, y->seq);
}

static int
cmp_trec(const void *a, const void *b)
{
	const struct trec *x = a, *y = b;
	int d = key_cmp(&x->k, &y->k);

	return d != 0 ? d : cmp_u64((uint64_t)x->lineno, (uint64_t)y->lineno);
}

static int
cmp_xrec(const void *a, const void *b)
{
	return key_cmp(&((const struct xrec *)a)->k,
	    &((const struct xrec *)b)->k);
}

static int
cmp_orec(const void *a, const void *b)
{
	const struct orec *x = a, *y = b;
	int d = cmp_u64(x->phase, y->phase);

	if (d == 0)
		d = cmp_u64(x->a, y->a);
	return d != 0 ? d : cmp_u64(x->b, y->b);
}

/*
 * Sorts t by cmp, and makes it ready to be read from its start; touches
 * nothing but t and err, so that it may run on any thread (presort()).
 */
static int
sort_table(struct table *t, extsort_cmp cmp, struct warta_error *err)
{
	struct spool out;

	if (t->spool.fp == NULL)
		return WARTA_OK;
	if (fflush(t->spool.fp) != 0 || fseeko(t->spool.fp, 0, SEEK_SET) != 0)
		return spool_failed(err, "writing");
	if (spool_open(&out, err) == NULL)
		return WARTA_FAILED;
	if (extsort(t->spool.fp, out.fp, t->size, cmp, err) != WARTA_OK) {
		spool_close(&out);
		return WARTA_FAILED;
	}
	spool_close(&t->spool);
	t->spool = out;
	if (fflush(t->spool.fp) != 0 || fseeko(t->spool.fp, 0, SEEK_SET) != 0)
		return spool_failed(err, "writing");
	t->sorted = 1;
	return WARTA_OK;
}

/* sort_table() on the caller's thread, unless presort() did it. */
static int
table_sort(struct bag_check *c, struct table *t, extsort_cmp cmp)
{
	if (t->sorted && t->spool.fp != NULL)
		return fseeko(t->spool.fp, 0, SEEK_SET) == 0 ? WARTA_OK :
		    io_error(c, "reading");
	return sort_table(t, cmp, &c->err);
}

/* A sorted table read record by record: rec is the current one. */
struct stream {
	struct table *t;
	void *rec;
	int have;
};

static int
stream_next(struct bag_check *c, struct stream *s)
{
	s->have = s->t->spool.fp != NULL && fread(s->rec, s->t->size, 1,
	    s->t->spool.fp) == 1;
	if (!s->have && s->t->spool.fp != NULL && ferror(s->t->spool.fp))
		return io_error(c, "reading");
	return WARTA_OK;
}

static int
stream_open(struct bag_check *c, struct stream *s, struct table *t,
    void *rec)
{
	s->t = t;
	s->rec = rec;
	if (t->spool.fp != NULL && fseeko(t->spool.fp, 0, SEEK_SET) != 0)
		return io_error(c, "reading");
	return stream_next(c, s);
}

/* A problem for the end's report, in its place (phase, a, b). */
static int
defer(struct bag_check *c, struct table *t, uint64_t phase, uint64_t a,
    uint64_t b, const char *where, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

static int
defer(struct bag_check *c, struct table *t, uint64_t phase, uint64_t a,
    uint64_t b, const char *where, const char *fmt, ...)
{
	struct orec o;
	char buf[1024], *msg = buf;
	uint64_t off;
	va_list ap;
	int n, rc = WARTA_FAILED;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if (n >= (int)sizeof(buf)) {
		if ((msg = malloc((size_t)n + 1)) == NULL)
			return warta_error_set(&c->err, -1, "out of memory");
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	memset(&o, 0, sizeof(o));
	o.phase = phase;
	o.a = a;
	o.b = b;
	o.wlen = strlen(where);
	o.mlen = (uint64_t)n;
	if (string_put(c, where, (size_t)o.wlen + 1, &o.text) == WARTA_OK &&
	    string_put(c, msg, (size_t)n, &off) == WARTA_OK)
		rc = table_put(c, t, &o);
	if (msg != buf)
		free(msg);
	return rc;
}

/* The problems of t, sorted, to the caller; t is emptied. */
static int
give_out(struct bag_check *c, struct table *t)
{
	struct wbuf text = WBUF_INIT;
	struct stream s;
	struct orec o;
	int rc = WARTA_FAILED;

	if (table_sort(c, t, cmp_orec) != WARTA_OK ||
	    stream_open(c, &s, t, &o) != WARTA_OK)
		goto out;
	while (s.have) {
		if (string_get(c, o.text, o.wlen + 1 + o.mlen, &text) == NULL)
			goto out;
		c->fn(c->arg, text.data, text.data + o.wlen + 1);
		if (stream_next(c, &s) != WARTA_OK)
			goto out;
	}
	rc = WARTA_OK;
out:
	table_reset(t);
	wbuf_release(&text);
	return rc;
}

/*
 * The items, checked in a job.
 */

/* The checking of the items of one file or stream. */
struct item_run {
	const struct item_check *ic;
	bag_problem_fn *fn;
	void *arg;
	const char *bag_path;	/* the file in the bag; NULL: a stream */
	struct job *record;	/* records the file's first item */
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

/* The item of the file, for the catalog; -1 when out of memory. */
static int
record_item(struct job *j, const char *guid, long version,
    const char *recorded, int unreadable)
{
	if ((j->guid = strdup(guid)) == NULL)
		return -1;
	j->has_item = 1;
	j->version = version;
	snprintf(j->recorded, sizeof(j->recorded), "%s", recorded);
	j->unreadable = unreadable;
	return 0;
}

/* The first item of a bag's file, for the catalog. */
static int
record_first(struct item_run *ir, xmlNodePtr root, const char *recorded)
{
	xmlChar *v = xmlGetProp(root, (const xmlChar *)"version");
	long version = v != NULL ? strtol((const char *)v, NULL, 10) : 1;

	xmlFree(v);
	return record_item(ir->record, ir->guid != NULL ? ir->guid : "",
	    version, recorded, 0);
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

/*
 * The items of rd, those up to done checked already skipped; rd is freed
 * here.  -1 when checking could not go on.
 */
static int
check_read(struct item_run *ir, struct newsml_reader *rd, unsigned long done)
{
	struct warta_error err;
	xmlDocPtr doc;
	int rc, status = 0;

	warta_error_clear(&err);
	while ((rc = newsml_reader_next(rd, &doc, &err)) != 0) {
		if (rc < 0) {
			ir->fn(ir->arg, run_where(ir), err.message);
			/* Still an item of the bag: the catalog lists it, and
			 * must not be told it is missing. */
			if (ir->record != NULL &&
			    newsml_reader_count(rd) == 0 &&
			    record_item(ir->record, "", 0, "", 1) != 0) {
				ir->fn(ir->arg, ir->bag_path, "out of memory");
				status = -1;
			}
			break;
		}
		if (newsml_reader_count(rd) > done)
			status = check_one(ir, doc, newsml_reader_count(rd));
		xmlFreeDoc(doc);
		if (status != 0)
			break;
	}
	newsml_reader_free(rd);
	return status;
}

/* Checks every item read from fp; -1 when that could not go on. */
static int
check_items(struct item_run *ir, FILE *fp, const char *name)
{
	struct newsml_reader *rd;
	struct warta_error err;

	warta_error_clear(&err);
	if ((rd = newsml_reader_new(fp, name, &err)) == NULL) {
		ir->fn(ir->arg, run_where(ir), err.message);
		return -1;
	}
	return check_read(ir, rd, 0);
}

/*
 * The items of the file's bytes, cut by the split and each parsed on its
 * own (newsml/split.h), where they stand: without the copy of each tree
 * that the reader makes, nor a stream to read.  1 when every item was
 * checked so; 0 when the reader must take over at *from, *before items
 * before it and *done checked; -1 when checking could not go on.
 */
static int
check_pieces(struct item_run *ir, const struct wbuf *file,
    struct wbuf *bytes, long long *from, unsigned long *before,
    unsigned long *done)
{
	struct newsml_split *sp;
	struct newsml_piece p;
	struct warta_error err;
	xmlDocPtr doc;
	const char *b;
	size_t n;
	int rc, status = 0;

	warta_error_clear(&err);
	*from = 0;
	*before = *done = 0;
	if ((sp = newsml_split_new_memory(file->data, file->len, &err)) ==
	    NULL)
		return 0;
	while ((rc = newsml_split_next(sp, &p)) == 1) {
		/* A document of its own is parsed where it stands. */
		b = p.bytes;
		n = p.len;
		if (p.head_len + p.tail_len > 0) {
			if (newsml_piece_copy(&p, bytes) != WARTA_OK)
				break;
			b = bytes->data;
			n = bytes->len;
		}
		if (newsml_piece_parse(b, n, p.in_message, p.first_line,
		    &doc, NULL) != 1) {
			*from = p.doc_start;
			*before = p.doc_items;
			break;
		}
		status = check_one(ir, doc, p.count);
		xmlFreeDoc(doc);
		*done = p.count;
		if (status != 0)
			break;
	}
	if (rc < 0)
		*from = newsml_split_resume(sp, before);
	newsml_split_free(sp);
	if (status != 0)
		return -1;
	return rc == 0 ? 1 : 0;
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

/*
 * The jobs.
 */

static struct job *
job_new(enum job_kind kind, const char *path)
{
	struct job *j;

	if ((j = calloc(1, sizeof(*j))) == NULL)
		return NULL;
	if ((j->path = strdup(path)) == NULL) {
		free(j);
		return NULL;
	}
	j->kind = kind;
	wbuf_init(&j->data);
	wbuf_init(&j->problems);
	return j;
}

static void
job_free(struct job *j)
{
	if (j == NULL)
		return;
	free(j->path);
	free(j->guid);
	wbuf_release(&j->data);
	wbuf_release(&j->problems);
	free(j);
}

/* A problem of the job, kept for when it is taken back. */
static void
job_problem(void *arg, const char *where, const char *problem)
{
	struct job *j = arg;

	if (where == NULL)
		where = "";
	if (wbuf_append(&j->problems, where, strlen(where) + 1) != WARTA_OK ||
	    wbuf_append(&j->problems, problem, strlen(problem) + 1) !=
	    WARTA_OK)
		j->nomem = 1;
}

/* The items of an item file: checked, the first recorded in the job. */
static void
check_item_file(const struct item_check *ic, struct job *j)
{
	struct wbuf original = WBUF_INIT, bytes = WBUF_INIT;
	struct newsml_reader *rd;
	struct warta_error err;
	struct item_run ir;
	long long from;
	unsigned long before, done;
	FILE *fp;
	int rc;

	/* fmemopen() wants a writable buffer, but only reads it here. */
	if (j->data.len == 0 || (fp = fmemopen(j->data.data, j->data.len,
	    "rb")) == NULL) {
		job_problem(j, j->path, "empty, not an item");
		return;
	}
	memset(&ir, 0, sizeof(ir));
	ir.ic = ic;
	ir.fn = job_problem;
	ir.arg = j;
	ir.bag_path = j->path;
	ir.record = j;
	ir.original = &original;
	if ((rc = check_pieces(&ir, &j->data, &bytes, &from, &before,
	    &done)) == 0) {
		warta_error_clear(&err);
		if ((rd = newsml_reader_resume(fp, j->path, 0, from, before,
		    &err)) == NULL)
			job_problem(j, j->path, err.message);
		else
			(void)check_read(&ir, rd, done);
	}
	fclose(fp);
	wbuf_release(&original);
	wbuf_release(&bytes);
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

/* What THREAD does of a job (workpool_fn; THREAD_CALLER: the caller's
 * thread, outside any pool).  It touches the job and the item check of
 * its thread, nothing else that is shared but read: libxml2 is made ready
 * before the threads start, each thread validates with its own schema
 * context (g2_schema_dup()), libxml2's error handlers are each thread's
 * own (xml_quiet_begin()), and the catalog of aliases is only read. */
#define THREAD_CALLER ((unsigned)-1)

static void
run_job(void *v, unsigned thread, void *arg)
{
	struct job *j = v;
	struct bag_check *c = arg;
	const void *p = j->data.data != NULL ? j->data.data : "";
	unsigned int n = 0;

	switch (j->kind) {
	case JOB_FILE:
		if (EVP_Digest(p, j->data.len, j->md, &n, EVP_sha256(),
		    NULL) == 1)
			j->mdlen = n;
		if (starts_with(j->path, "data/items/") &&
		    ends_with(j->path, ".xml"))
			check_item_file(thread != THREAD_CALLER &&
			    c->tic != NULL ? &c->tic[thread] : c->ic, j);
		break;
	case JOB_SHA512:
		if (EVP_Digest(p, j->data.len, j->md, &n, EVP_sha512(),
		    NULL) == 1)
			j->mdlen = n;
		break;
	case JOB_PROBLEM:
		break;
	case JOB_SORT: {
		/* A sort that fails here is done again at the end, which
		 * says why. */
		struct warta_error err;

		warta_error_clear(&err);
		(void)sort_table(j->table, j->cmp, &err);
		break;
	}
	}
}

/*
 * The tag files, read when their job is taken back.
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

/* The manifest being read, for add_manifest_line(). */
struct manifest_read {
	struct bag_check *c;
	int which;
};

static int
add_manifest_line(void *arg, char *path, const char *digest, long lineno,
    struct warta_error *err)
{
	struct manifest_read *mr = arg;
	struct bag_check *c = mr->c;
	struct mrec m;

	memset(&m, 0, sizeof(m));
	if (make_key(c, path, &m.k) != WARTA_OK)
		goto fail;
	m.lineno = lineno;
	m.which = (uint8_t)mr->which;
	snprintf(m.digest, sizeof(m.digest), "%s", digest);
	if (table_put(c, &c->manifest, &m) != WARTA_OK)
		goto fail;
	return WARTA_OK;
fail:
	*err = c->err;
	c->stopped = 1;
	return WARTA_FAILED;
}

static void
read_manifest(struct bag_check *c, const char *name, const void *p,
    size_t len, int which)
{
	struct manifest_read mr = { c, which };
	struct warta_error err;

	warta_error_clear(&err);
	if (manifest_parse_each(name, p, len, algorithms[which % 2].hexlen,
	    add_manifest_line, &mr, c->fn, c->arg, &err) != WARTA_OK)
		c->fn(c->arg, name, err.message);
}

/* catalog.tsv begun: given twice, the last counts. */
static void
tsv_begin(struct bag_check *c)
{
	table_reset(&c->tsv);
	table_reset(&c->tsv_out);
	c->tsv_listed = 0;
	c->have_catalog_tsv = 1;
}

/* A data line of catalog.tsv, kept whole by its item's path; a line that
 * is not whole is a problem of its place in the report.  line is cut in
 * place. */
static int
tsv_line(struct bag_check *c, char *line, long lineno)
{
	char *field[CATALOG_TSV_COLUMNS], path[600];
	struct trec t;
	size_t nf;

	memset(&t, 0, sizeof(t));
	t.lineno = lineno;
	t.linelen = strlen(line);
	if (string_put(c, line, (size_t)t.linelen, &t.line) != WARTA_OK)
		return WARTA_FAILED;
	if ((nf = catalog_tsv_split(line, field)) != CATALOG_TSV_COLUMNS)
		return defer(c, &c->tsv_out, PH_TSV, (uint64_t)lineno, 0,
		    "data/catalog.tsv", "line %ld: %zu fields, not %d",
		    lineno, nf, CATALOG_TSV_COLUMNS);
	c->tsv_listed++;
	snprintf(path, sizeof(path), "data/%s", field[CATALOG_TSV_ITEM]);
	if (make_key(c, path, &t.k) != WARTA_OK ||
	    table_put(c, &c->tsv, &t) != WARTA_OK)
		return WARTA_FAILED;
	return WARTA_OK;
}

/* catalog.tsv's lines, the text whole (the job's own, cut in place). */
static int
read_catalog_tsv(struct bag_check *c, char *text)
{
	char *line, *pos = text;
	long lineno = 0;

	tsv_begin(c);
	while ((line = catalog_tsv_next(&pos, &lineno)) != NULL)
		if (tsv_line(c, line, lineno) != WARTA_OK)
			return WARTA_FAILED;
	return WARTA_OK;
}

static int
add_ref(void *arg, const char *href)
{
	struct bag_check *c = arg;
	struct xrec x;
	char *path;
	int rc;

	/* "data/" and the href: an item's path, if it names one. */
	if ((path = malloc(strlen(href) + 6)) == NULL)
		return -1;
	memcpy(path, "data/", 5);
	strcpy(path + 5, href);
	memset(&x, 0, sizeof(x));
	rc = make_key(c, path, &x.k) == WARTA_OK &&
	    table_put(c, &c->refs, &x) == WARTA_OK ? 0 : -1;
	free(path);
	if (rc == 0)
		c->nrefs++;
	else
		c->stopped = 1;	/* "out of memory", said by the reader */
	return rc;
}

/* A tag file or the catalog: 1 when path is one (and it was read). */
static int
read_tag_file(struct bag_check *c, struct job *j)
{
	const char *path = j->path;
	int i;

	for (i = 0; i < 2; i++) {
		if (strcmp(path, algorithms[i].payload) == 0) {
			c->have_manifest[i] = 1;
			read_manifest(c, path, j->data.data, j->data.len, i);
			return 1;
		}
		if (strcmp(path, algorithms[i].tags) == 0) {
			c->have_tags[i] = 1;
			read_manifest(c, path, j->data.data, j->data.len,
			    2 + i);
			return 1;
		}
	}
	if (strcmp(path, "data/catalog.tsv") == 0) {
		char empty[1] = "";

		if (read_catalog_tsv(c, j->data.data != NULL ? j->data.data :
		    empty) != WARTA_OK) {
			c->fn(c->arg, path, c->err.message);
			c->stopped = 1;
		}
		return 1;
	}
	if (strcmp(path, "data/catalog.xml") == 0) {
		c->have_catalog_xml = 1;
		/* On the caller's thread, with the caller's schema: the
		 * jobs' threads have their own. */
		catalog_xml_read_each(j->data.data, j->data.len, c->ic->schema,
		    &c->xml, add_ref, c, c->fn, c->arg);
		return 1;
	}
	return 0;
}

/* bagit.txt or bag-info.txt, as a C string (a NUL ends it). */
static void
read_text_tag(struct bag_check *c, struct job *j,
    void (*read)(struct bag_check *, const char *))
{
	read(c, j->data.data != NULL ? j->data.data : "");
}

/* A job taken back, in the order given: its results into the tables,
 * its problems to the caller. */
static void
finish_job(struct bag_check *c, struct job *j)
{
	const char *p, *end;
	struct frec f;
	struct irec it;

	if (c->stopped)
		return;		/* after a file that could not be kept */
	if (j->kind == JOB_SHA512) {
		memset(&f, 0, sizeof(f));
		if (j->mdlen == 0 || make_key(c, j->path, &f.k) != WARTA_OK)
			return;
		f.kind = F_SHA512;
		f.seq = c->seq++;
		memcpy(f.md, j->md, j->mdlen);
		f.mdlen = (uint8_t)j->mdlen;
		if (table_put(c, &c->files, &f) != WARTA_OK)
			goto fail;
		return;
	}
	if (j->kind == JOB_FILE) {
		/* Sorted at the end, where a file given twice is caught. */
		memset(&f, 0, sizeof(f));
		if (j->mdlen == 0) {
			c->fn(c->arg, j->path, "out of memory");
			c->stopped = 1;
			return;
		}
		f.kind = F_FILE;
		f.seq = c->seq++;
		memcpy(f.md, j->md, j->mdlen);
		f.mdlen = (uint8_t)j->mdlen;
		if (make_key(c, j->path, &f.k) != WARTA_OK ||
		    table_put(c, &c->files, &f) != WARTA_OK)
			goto fail;
		c->nfiles++;
		if (starts_with(j->path, "data/")) {
			c->payload_files++;
			c->payload_bytes += j->data.len;
		}
		if (strcmp(j->path, "bagit.txt") == 0)
			read_text_tag(c, j, read_bagit);
		else if (strcmp(j->path, "bag-info.txt") == 0)
			read_text_tag(c, j, read_bag_info);
		else
			(void)read_tag_file(c, j);
	}
	/* No problems: data is NULL, and NULL + 0 is undefined. */
	p = j->problems.data;
	end = p != NULL ? p + j->problems.len : NULL;
	for (; p != NULL && p < end; p += strlen(p) + 1) {
		const char *where = p;

		p += strlen(p) + 1;
		c->fn(c->arg, where, p);
	}
	if (j->nomem)
		c->fn(c->arg, j->path, "out of memory");
	if (j->has_item) {
		memset(&it, 0, sizeof(it));
		it.seq = c->nitems;
		it.version = j->version;
		it.unreadable = (uint8_t)j->unreadable;
		memcpy(it.recorded, j->recorded, sizeof(it.recorded));
		it.guidlen = strlen(j->guid);
		if (make_key(c, j->path, &it.k) != WARTA_OK ||
		    string_put(c, j->guid, (size_t)it.guidlen, &it.guid) !=
		    WARTA_OK || table_put(c, &c->items, &it) != WARTA_OK)
			goto fail;
		c->nitems++;
	}
	return;
fail:
	c->fn(c->arg, j->path, c->err.message);
	c->stopped = 1;
}

void
bag_check_file(struct bag_check *c, const char *path, const void *p,
    size_t len)
{
	struct job *j;

	if ((j = job_new(JOB_FILE, path)) == NULL ||
	    wbuf_append(&j->data, p != NULL ? p : "", len) != WARTA_OK) {
		job_free(j);
		c->fn(c->arg, path, "out of memory");
		c->stopped = 1;
		return;
	}
	run_job(j, THREAD_CALLER, c);
	finish_job(c, j);
	job_free(j);
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
	struct job *j;

	if ((j = job_new(JOB_SHA512, path)) == NULL ||
	    wbuf_append(&j->data, p != NULL ? p : "", len) != WARTA_OK) {
		job_free(j);
		return;
	}
	run_job(j, THREAD_CALLER, c);
	finish_job(c, j);
	job_free(j);
}

/*
 * The end: the manifests against the files, the catalog against the
 * items, each a merge of two sorted tables.
 */

static void
hex(const unsigned char *md, unsigned n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	unsigned i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[md[i] >> 4];
		out[2 * i + 1] = digits[md[i] & 15];
	}
	out[2 * n] = '\0';
}

/* The lowest key of two streams' current records (NULL: both ended). */
static const struct key *
lowest(const struct stream *a, const struct stream *b)
{
	const struct key *ka = a->have ? a->rec : NULL;
	const struct key *kb = b->have ? b->rec : NULL;

	if (ka == NULL)
		return kb;
	if (kb == NULL || key_cmp(ka, kb) <= 0)
		return ka;
	return kb;
}

/* The files of one path: how many, the first's SHA-256, the SHA-512 a
 * second pass gave (the last). */
struct file_group {
	struct key k;
	uint64_t n;
	char sha256[65];
	char sha512[129];	/* "" unless a second pass hashed it */
};

/* Takes the records of key k from fs (sorted files) into g. */
static int
take_files(struct bag_check *c, struct stream *fs, const struct key *k,
    struct file_group *g)
{
	const struct frec *f = fs->rec;
	struct key key = *k;

	memset(g, 0, sizeof(*g));
	g->k = key;
	while (fs->have && key_cmp(&f->k, &key) == 0) {
		if (f->kind == F_SHA512)
			hex(f->md, f->mdlen, g->sha512);
		else if (g->n++ == 0)
			hex(f->md, f->mdlen, g->sha256);
		if (stream_next(c, fs) != WARTA_OK)
			return WARTA_FAILED;
	}
	return WARTA_OK;
}

/* The manifests against the files: a file given twice now (in path
 * order), the rest for the report's order. */
static int
compare_manifests(struct bag_check *c)
{
	struct wbuf buf = WBUF_INIT;
	struct stream fs, ms;
	struct frec f;
	struct mrec m;
	struct file_group g;
	const struct key *k;
	const char *path, *name, *digest;
	uint64_t i, unlisted = 0;
	int listed, rc = WARTA_FAILED;

	if (stream_open(c, &fs, &c->files, &f) != WARTA_OK ||
	    stream_open(c, &ms, &c->manifest, &m) != WARTA_OK)
		goto out;
	while ((k = lowest(&fs, &ms)) != NULL) {
		if (take_files(c, &fs, k, &g) != WARTA_OK ||
		    (path = key_path(c, &g.k, &buf)) == NULL)
			goto out;
		for (i = 1; i < g.n; i++)
			c->fn(c->arg, path, "twice in the archive");
		listed = 0;
		while (ms.have && key_cmp(&m.k, &g.k) == 0) {
			name = m.which < 2 ? algorithms[m.which].payload :
			    algorithms[m.which - 2].tags;
			digest = m.which % 2 ? g.sha512 : g.sha256;
			if (g.n == 0) {
				if (defer(c, &c->out, PH_MANIFEST + m.which +
				    (m.which >= 2), (uint64_t)m.lineno, 0, path,
				    "listed in %s (line %ld), not in the bag",
				    name, (long)m.lineno) != WARTA_OK)
					goto out;
			} else if (strcmp(digest, m.digest) != 0 &&
			    defer(c, &c->out, PH_MANIFEST + m.which +
			    (m.which >= 2), (uint64_t)m.lineno, 0, path,
			    "%s differs from %s (line %ld): the file was "
			    "changed", algorithms[m.which % 2].name, name,
			    (long)m.lineno) != WARTA_OK)
				goto out;
			if (m.which < 2)
				listed = 1;
			if (stream_next(c, &ms) != WARTA_OK)
				goto out;
		}
		if (!starts_with(path, "data/"))
			continue;
		for (i = listed && g.n > 0 ? 1 : 0; i < g.n; i++)
			if (defer(c, &c->out, PH_UNLISTED, unlisted++, 0, path,
			    "in the bag, not in the manifest") != WARTA_OK)
				goto out;
	}
	rc = WARTA_OK;
out:
	wbuf_release(&buf);
	return rc;
}

/* The items of one path: the first, and how many. */
struct item_group {
	struct irec first;
	uint64_t n;
};

static int
take_items(struct bag_check *c, struct stream *is, const struct key *k,
    struct item_group *g)
{
	const struct irec *it = is->rec;
	struct key key = *k;

	memset(g, 0, sizeof(*g));
	g->first.k = key;
	while (is->have && key_cmp(&it->k, &key) == 0) {
		if (g->n++ == 0)
			g->first = *it;
		if (stream_next(c, is) != WARTA_OK)
			return WARTA_FAILED;
	}
	return WARTA_OK;
}

/* The fields of a line of catalog.tsv kept in the strings. */
static int
tsv_fields(struct bag_check *c, const struct trec *t, struct wbuf *buf,
    char *field[CATALOG_TSV_COLUMNS])
{
	char *line;

	if ((line = string_get(c, t->line, t->linelen, buf)) == NULL)
		return WARTA_FAILED;
	(void)catalog_tsv_split(line, field);
	return WARTA_OK;
}

/* catalog.tsv's lines against their items (by the item's path); a line
 * whose item names an original goes on, by the original's path. */
static int
compare_tsv_items(struct bag_check *c)
{
	struct wbuf buf = WBUF_INIT, gbuf = WBUF_INIT, pbuf = WBUF_INIT;
	char *field[CATALOG_TSV_COLUMNS], path[600];
	struct item_group g;
	struct stream is, ts;
	const struct key *k;
	const char *guid, *ipath;
	struct irec it;
	struct trec t, o;
	uint64_t i;
	int in_tsv, rc = WARTA_FAILED;

	if (stream_open(c, &is, &c->items, &it) != WARTA_OK ||
	    stream_open(c, &ts, &c->tsv, &t) != WARTA_OK)
		goto out;
	while ((k = lowest(&is, &ts)) != NULL) {
		if (take_items(c, &is, k, &g) != WARTA_OK)
			goto out;
		in_tsv = 0;
		for (; ts.have && key_cmp(&t.k, &g.first.k) == 0;
		    (void)0) {
			if (tsv_fields(c, &t, &buf, field) != WARTA_OK)
				goto out;
			snprintf(path, sizeof(path), "data/%s",
			    field[CATALOG_TSV_ITEM]);
			if (g.n == 0) {
				if (defer(c, &c->tsv_out, PH_TSV,
				    (uint64_t)t.lineno, 0, "data/catalog.tsv",
				    "line %ld: %s: no such item in the bag",
				    (long)t.lineno, field[CATALOG_TSV_ITEM]) !=
				    WARTA_OK)
					goto out;
				goto next;
			}
			in_tsv = 1;
			if (g.first.unreadable)
				goto next;
			if ((guid = string_get(c, g.first.guid,
			    g.first.guidlen, &gbuf)) == NULL)
				goto out;
			if (strcmp(guid, field[CATALOG_TSV_GUID]) != 0 &&
			    defer(c, &c->tsv_out, PH_TSV, (uint64_t)t.lineno, 1,
			    "data/catalog.tsv", "line %ld: guid %s, but %s "
			    "holds %s", (long)t.lineno, field[CATALOG_TSV_GUID],
			    path, guid) != WARTA_OK)
				goto out;
			if (strtol(field[CATALOG_TSV_VERSION], NULL, 10) !=
			    g.first.version && defer(c, &c->tsv_out, PH_TSV,
			    (uint64_t)t.lineno, 2, "data/catalog.tsv",
			    "line %ld: version %s, but %s is version %ld",
			    (long)t.lineno, field[CATALOG_TSV_VERSION], path,
			    (long)g.first.version) != WARTA_OK)
				goto out;
			if (field[CATALOG_TSV_ORIGINAL][0] != '\0') {
				o = t;
				snprintf(path, sizeof(path), "data/%s",
				    field[CATALOG_TSV_ORIGINAL]);
				memcpy(o.recorded, g.first.recorded,
				    sizeof(o.recorded));
				if (make_key(c, path, &o.k) != WARTA_OK ||
				    table_put(c, &c->originals, &o) != WARTA_OK)
					goto out;
			}
next:
			if (stream_next(c, &ts) != WARTA_OK)
				goto out;
		}
		if (g.n == 0)
			continue;
		if ((ipath = key_path(c, &g.first.k, &pbuf)) == NULL)
			goto out;
		for (i = in_tsv ? 1 : 0; i < g.n; i++)
			if (defer(c, &c->tsv_out, PH_NOLINE, c->noline++, 0,
			    "data/catalog.tsv", "no line for %s", ipath) !=
			    WARTA_OK)
				goto out;
	}
	rc = WARTA_OK;
out:
	wbuf_release(&buf);
	wbuf_release(&gbuf);
	wbuf_release(&pbuf);
	return rc;
}

/* The originals catalog.tsv names against the files (by their path). */
static int
compare_tsv_originals(struct bag_check *c)
{
	struct wbuf buf = WBUF_INIT;
	char *field[CATALOG_TSV_COLUMNS], path[600], ipath[600];
	struct stream fs, os;
	struct file_group g;
	const struct key *k;
	const char *name;
	struct frec f;
	struct trec o;
	int r, rc = WARTA_FAILED;

	if (table_sort(c, &c->originals, cmp_trec) != WARTA_OK ||
	    stream_open(c, &fs, &c->files, &f) != WARTA_OK ||
	    stream_open(c, &os, &c->originals, &o) != WARTA_OK)
		goto out;
	while (os.have) {
		k = lowest(&fs, &os);
		if (take_files(c, &fs, k, &g) != WARTA_OK)
			goto out;
		for (; os.have && key_cmp(&o.k, &g.k) == 0; (void)0) {
			if (tsv_fields(c, &o, &buf, field) != WARTA_OK)
				goto out;
			name = field[CATALOG_TSV_ORIGINAL];
			snprintf(path, sizeof(path), "data/%s", name);
			snprintf(ipath, sizeof(ipath), "data/%s",
			    field[CATALOG_TSV_ITEM]);
			if (g.n == 0)
				r = defer(c, &c->tsv_out, PH_TSV,
				    (uint64_t)o.lineno, 3, "data/catalog.tsv",
				    "line %ld: %s: no such original in the bag",
				    (long)o.lineno, name);
			else if (strcmp(g.sha256,
			    field[CATALOG_TSV_ORIGINAL_SHA256]) != 0)
				r = defer(c, &c->tsv_out, PH_TSV,
				    (uint64_t)o.lineno, 3, "data/catalog.tsv",
				    "line %ld: the SHA-256 of %s is not the one "
				    "given", (long)o.lineno, name);
			else if (o.recorded[0] != '\0' &&
			    strcmp(o.recorded, g.sha256) != 0)
				r = defer(c, &c->tsv_out, PH_TSV,
				    (uint64_t)o.lineno, 3, path, "its SHA-256 is "
				    "not the one %s records", ipath);
			else
				r = WARTA_OK;
			if (r != WARTA_OK || stream_next(c, &os) != WARTA_OK)
				goto out;
		}
	}
	rc = WARTA_OK;
out:
	table_reset(&c->originals);
	wbuf_release(&buf);
	return rc;
}

static int
compare_catalog_tsv(struct bag_check *c)
{
	if (!c->have_catalog_tsv) {
		if (c->nitems > 0)
			c->fn(c->arg, "data/catalog.tsv", "missing");
		return WARTA_OK;
	}
	if (table_sort(c, &c->tsv, cmp_trec) != WARTA_OK ||
	    compare_tsv_items(c) != WARTA_OK ||
	    compare_tsv_originals(c) != WARTA_OK ||
	    give_out(c, &c->tsv_out) != WARTA_OK)
		return WARTA_FAILED;
	if (c->tsv_listed != c->nitems)
		PROBLEM(c, "data/catalog.tsv", "lists %lu items, the bag holds "
		    "%zu", c->tsv_listed, (size_t)c->nitems);
	return WARTA_OK;
}

static int
compare_catalog_xml(struct bag_check *c)
{
	struct wbuf buf = WBUF_INIT;
	struct stream is, xs;
	const char *path;
	struct irec it;
	struct xrec x;
	int rc = WARTA_FAILED;

	if (!c->have_catalog_xml) {
		if (c->nitems > 0)
			c->fn(c->arg, "data/catalog.xml", "missing");
		return WARTA_OK;
	}
	if (c->xml.failed) {
		/* Reported already; its itemRefs are not known. */
		c->fn(c->arg, "data/catalog.xml", "could not be compared with "
		    "the items");
		return WARTA_OK;
	}
	if (table_sort(c, &c->refs, cmp_xrec) != WARTA_OK ||
	    stream_open(c, &is, &c->items, &it) != WARTA_OK ||
	    stream_open(c, &xs, &c->refs, &x) != WARTA_OK)
		goto out;
	for (; is.have; (void)0) {
		while (xs.have && key_cmp(&x.k, &it.k) < 0)
			if (stream_next(c, &xs) != WARTA_OK)
				goto out;
		if (!xs.have || key_cmp(&x.k, &it.k) != 0) {
			if ((path = key_path(c, &it.k, &buf)) == NULL)
				goto out;
			PROBLEM(c, "data/catalog.xml", "no itemRef for %s",
			    path);
		}
		if (stream_next(c, &is) != WARTA_OK)
			goto out;
	}
	if (c->nrefs != c->nitems)
		PROBLEM(c, "data/catalog.xml", "%zu itemRefs, the bag holds "
		    "%zu items", (size_t)c->nrefs, (size_t)c->nitems);
	rc = WARTA_OK;
out:
	wbuf_release(&buf);
	return rc;
}

void
bag_check_end(struct bag_check *c)
{
	char oxum[64];

	if (c->stopped)
		return;
	if (table_sort(c, &c->files, cmp_frec) != WARTA_OK ||
	    table_sort(c, &c->manifest, cmp_mrec) != WARTA_OK ||
	    compare_manifests(c) != WARTA_OK)
		goto fail;
	if (!c->have_bagit)
		c->fn(c->arg, "bagit.txt", "missing");
	if (!c->have_manifest[0] && !c->have_manifest[1])
		c->fn(c->arg, "manifest-sha256.txt", "missing: no payload "
		    "manifest");
	if (give_out(c, &c->out) != WARTA_OK)
		goto fail;
	snprintf(oxum, sizeof(oxum), "%llu.%llu", c->payload_bytes,
	    c->payload_files);
	if (c->oxum == NULL)
		c->fn(c->arg, "bag-info.txt", "no Payload-Oxum");
	else if (strcmp(c->oxum, oxum) != 0)
		PROBLEM(c, "bag-info.txt", "Payload-Oxum is %s, the payload is "
		    "%s (octets.files)", c->oxum, oxum);
	if (table_sort(c, &c->items, cmp_irec) != WARTA_OK ||
	    compare_catalog_tsv(c) != WARTA_OK ||
	    compare_catalog_xml(c) != WARTA_OK)
		goto fail;
	return;
fail:
	c->fn(c->arg, "", c->err.message);
	c->stopped = 1;
}

/*
 * A bundle.
 */

/*
 * The bytes of the entries in the pool at once, at most (or the one entry
 * that is larger): the pool's depth bounds the jobs, this their bytes,
 * so that the big tag files at a bundle's end (the manifest, the catalog,
 * megabytes each) are not all in memory together.  Items are a few
 * kilobytes: a pool of them never comes near it.
 */
#define INFLIGHT_BYTES ((unsigned long long)4 << 20)
#define LARGE_ENTRY ((unsigned long long)1 << 20)

/* What a thread does of a batch (workpool_fn): each of its jobs. */
static void
run_batch(void *v, unsigned thread, void *arg)
{
	struct batch *b = v;
	size_t i;

	for (i = 0; i < b->n; i++)
		run_job(b->job[i], thread, arg);
}

/* Takes the oldest batch back from p, its jobs in order; 0 when p is
 * empty. */
static int
take_back(struct bag_check *c, struct workpool *p)
{
	struct batch *b;
	size_t i;

	if ((b = workpool_next(p)) == NULL)
		return 0;
	c->inflight -= b->bytes;
	for (i = 0; i < b->n; i++) {
		finish_job(c, b->job[i]);
		job_free(b->job[i]);
	}
	free(b);
	return 1;
}

/* Gives the batch being filled to p (taking back first what must be). */
static void
flush(struct bag_check *c, struct workpool *p)
{
	struct batch *b = c->batch;

	if (b == NULL)
		return;
	c->batch = NULL;
	while (workpool_full(p))
		(void)take_back(c, p);
	c->inflight += b->bytes;
	workpool_submit(p, b);
	/* One thread: the job is done; taken back at once, as before. */
	if (workpool_threads(p) == 1)
		(void)take_back(c, p);
}

/* Takes back every job, the batch being filled with them. */
static void
drain(struct bag_check *c, struct workpool *p)
{
	flush(c, p);
	while (take_back(c, p))
		continue;
}

/* Adds job to the batch being filled; 0 when out of memory (reported,
 * the jobs before taken back). */
static int
submit(struct bag_check *c, struct workpool *p, struct job *job)
{
	struct batch *b;

	if (c->batch == NULL &&
	    (c->batch = calloc(1, sizeof(*c->batch))) == NULL) {
		drain(c, p);
		if (!c->stopped)
			c->fn(c->arg, job->path, "out of memory");
		c->stopped = 1;
		job_free(job);
		return 0;
	}
	b = c->batch;
	b->job[b->n++] = job;
	b->bytes += job->data.len;
	if (b->n == BATCH_JOBS || b->bytes >= BATCH_BYTES ||
	    workpool_threads(p) == 1)
		flush(c, p);
	return 1;
}

/* Makes room for an entry of size bytes: INFLIGHT_BYTES at most in the
 * pool, or this one entry alone. */
static void
make_room(struct bag_check *c, struct workpool *p, unsigned long long size)
{
	/* A large entry waits for the pool to empty: a tag file is then
	 * read a chunk at a time on this thread (check_large()), an item
	 * or a text tag whole, alone, so that no two are in memory at
	 * once. */
	if (size > LARGE_ENTRY) {
		drain(c, p);
		return;
	}
	if (c->batch != NULL &&
	    c->inflight + c->batch->bytes + size > INFLIGHT_BYTES)
		flush(c, p);
	while (c->inflight > 0 && c->inflight + size > INFLIGHT_BYTES)
		(void)take_back(c, p);
}

/* A problem in its place among the files' (a job with nothing to do). */
static int
submit_problem(struct bag_check *c, struct workpool *p, const char *where,
    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static int
submit_problem(struct bag_check *c, struct workpool *p, const char *where,
    const char *fmt, ...)
{
	char msg[2048];
	struct job *j;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if ((j = job_new(JOB_PROBLEM, where)) == NULL) {
		drain(c, p);
		c->fn(c->arg, where, "out of memory");
		return 0;
	}
	job_problem(j, where, msg);
	return submit(c, p, j);
}

/*
 * A large entry (a manifest, a catalog, the index: megabytes each at a
 * big bundle's end, growing with its items) is never held whole: it is
 * read a chunk at a time on the caller's thread, once the pool is empty,
 * hashed and parsed as it comes.  What it adds to the tables and the
 * problems it has are taken back if the archive cannot be read to its
 * end, as a job's are never given (a bundle's names are unique: the
 * reader refuses a second entry of one, so nothing of it was there
 * before); its problems wait in a spool until it is read whole.
 */
#define CHUNK ((size_t)64 << 10)
/* The room made for an entry before it is read, at most. */
#define PRESIZE_MAX ((unsigned long long)4 << 20)

static int
is_item_file(const char *path)
{
	return starts_with(path, "data/items/") && ends_with(path, ".xml");
}

/* Whether an entry of size bytes at path is read a chunk at a time: the
 * text tags and the items are read whole, as their checks want them. */
static int
is_large(const char *path, unsigned long long size)
{
	return size > LARGE_ENTRY && !is_item_file(path) &&
	    strcmp(path, "bagit.txt") != 0 &&
	    strcmp(path, "bag-info.txt") != 0;
}

/* A large entry being read. */
struct large {
	struct bag_check *c;
	struct bag_reader *r;
	EVP_MD_CTX *md;
	unsigned long long len;
	int failed;		/* the archive could not be read: err */
	struct warta_error err;
};

/* Up to n bytes of the entry into buf, hashed; 0 at its end, -1 when
 * it cannot be read (then always). */
static long
large_read(struct large *l, void *buf, size_t n)
{
	long got;

	if (l->failed)
		return -1;
	if ((got = bag_reader_read_some(l->r, buf, n, &l->err)) < 0) {
		l->failed = 1;
		return -1;
	}
	if (got > 0 && EVP_DigestUpdate(l->md, buf, (size_t)got) != 1) {
		warta_error_set(&l->err, -1, "out of memory");
		l->failed = 1;
		return -1;
	}
	l->len += (unsigned long long)got;
	return got;
}

/* catalog_read_fn over large_read(). */
static int
large_xml_read(void *ctx, char *buf, int n)
{
	return n < 0 ? -1 : (int)large_read(ctx, buf, (size_t)n);
}

/* What is left of the entry, hashed; -1 when it cannot be read. */
static int
large_rest(struct large *l, unsigned char *buf)
{
	long got;

	while ((got = large_read(l, buf, CHUNK)) > 0)
		continue;
	return got < 0 ? -1 : 0;
}

/* A problem of the large entry, held (bag_problem_fn). */
static void
hold_problem(void *arg, const char *where, const char *problem)
{
	struct bag_check *c = arg;

	if (where == NULL)
		where = "";
	/* A write that fails leaves the file's error set: said when the
	 * problems are given. */
	(void)fwrite(where, 1, strlen(where) + 1, c->held.fp);
	(void)fwrite(problem, 1, strlen(problem) + 1, c->held.fp);
}

/* The held problems to the caller, in order. */
static int
give_held(struct bag_check *c)
{
	char *where = NULL, *problem = NULL;
	size_t wcap = 0, pcap = 0;
	int rc = WARTA_OK;

	if (ferror(c->held.fp) || fflush(c->held.fp) != 0 ||
	    fseeko(c->held.fp, 0, SEEK_SET) != 0)
		rc = io_error(c, "writing");
	while (rc == WARTA_OK &&
	    getdelim(&where, &wcap, '\0', c->held.fp) > 0) {
		if (getdelim(&problem, &pcap, '\0', c->held.fp) <= 0)
			break;
		c->fn(c->arg, where, problem);
	}
	if (rc == WARTA_OK && ferror(c->held.fp))
		rc = io_error(c, "reading");
	free(where);
	free(problem);
	return rc;
}

/* Cuts t back to its first n records. */
static int
table_truncate(struct bag_check *c, struct table *t, uint64_t n)
{
	off_t at = (off_t)(n * t->size);

	if (t->spool.fp == NULL || t->n == n)
		return WARTA_OK;
	if (fflush(t->spool.fp) != 0 ||
	    ftruncate(fileno(t->spool.fp), at) != 0 ||
	    fseeko(t->spool.fp, at, SEEK_SET) != 0)
		return io_error(c, "writing");
	t->n = n;
	return WARTA_OK;
}

/* catalog.tsv's lines as they come: the line not yet ended in *line. */
struct tsv_feed {
	struct wbuf line;
	long lineno;
	int ended;		/* a NUL came: the text ends there */
	int failed;
};

static void
tsv_feed_line(struct bag_check *c, struct tsv_feed *f)
{
	f->lineno++;
	if (wbuf_putc(&f->line, '\0') != WARTA_OK) {
		warta_error_set(&c->err, -1, "out of memory");
		f->failed = 1;
	} else if (f->lineno > 1 && f->line.data[0] != '\0' &&
	    tsv_line(c, f->line.data, f->lineno) != WARTA_OK)
		f->failed = 1;
	wbuf_reset(&f->line);
}

/* Cut as catalog_tsv_next() cuts the whole text. */
static void
tsv_feed(struct bag_check *c, struct tsv_feed *f, const char *p, size_t n)
{
	const char *end, *nl;

	if (f->failed || f->ended)
		return;
	end = p + strnlen(p, n);
	f->ended = end < p + n;
	while (!f->failed && p < end) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (wbuf_append(&f->line, p, (size_t)(nl - p)) != WARTA_OK) {
			warta_error_set(&c->err, -1, "out of memory");
			f->failed = 1;
			break;
		}
		if (nl == end)
			break;
		tsv_feed_line(c, f);
		p = nl + 1;
	}
}

/* The tag file being read, in l, parsed as it comes. */
static void
parse_large(struct bag_check *c, struct large *l, const char *path,
    unsigned char *buf)
{
	struct manifest_feed mf;
	struct manifest_read mr = { c, 0 };
	struct tsv_feed tf;
	struct warta_error err;
	long got;
	int i;

	warta_error_clear(&err);
	for (i = 0; i < 4; i++)
		if (strcmp(path, i < 2 ? algorithms[i].payload :
		    algorithms[i - 2].tags) == 0)
			break;
	if (i < 4) {
		mr.which = i;
		if (manifest_feed_init(&mf, path, algorithms[i % 2].hexlen,
		    add_manifest_line, &mr, c->fn, c->arg, &err) == WARTA_OK)
			while ((got = large_read(l, buf, CHUNK)) > 0 &&
			    manifest_feed(&mf, buf, (size_t)got, &err) ==
			    WARTA_OK)
				continue;
		if (!l->failed && manifest_feed_end(&mf, &err) != WARTA_OK)
			c->fn(c->arg, path, err.message);
		manifest_feed_release(&mf);
	} else if (strcmp(path, "data/catalog.tsv") == 0) {
		memset(&tf, 0, sizeof(tf));
		wbuf_init(&tf.line);
		tsv_begin(c);
		while ((got = large_read(l, buf, CHUNK)) > 0)
			tsv_feed(c, &tf, (const char *)buf, (size_t)got);
		if (!l->failed && !tf.failed && tf.line.len > 0)
			tsv_feed_line(c, &tf);
		if (!l->failed && tf.failed) {
			c->fn(c->arg, path, c->err.message);
			c->stopped = 1;
		}
		wbuf_release(&tf.line);
	} else if (strcmp(path, "data/catalog.xml") == 0) {
		/* On the caller's thread, with the caller's schema. */
		catalog_xml_read_io(large_xml_read, l, c->ic->schema,
		    &c->xml, add_ref, c, c->fn, c->arg);
	}
}

/*
 * The large entry at path, read to its end: 1 when it was, 0 when the
 * archive could not be (err; nothing of the entry is kept).
 */
static int
check_large(struct bag_check *c, struct bag_reader *r, const char *path,
    struct warta_error *err)
{
	uint64_t manifest_n = c->manifest.n, refs_n = c->refs.n;
	uint64_t nrefs = c->nrefs;
	int have_tsv = c->have_catalog_tsv, xml_failed = c->xml.failed;
	unsigned char *buf, md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	struct large l;
	struct frec f;
	int i, ok;

	memset(&l, 0, sizeof(l));
	l.c = c;
	l.r = r;
	warta_error_clear(&l.err);
	if ((c->held.fp == NULL && spool_open(&c->held, &c->err) == NULL) ||
	    fflush(c->held.fp) != 0 || ftruncate(fileno(c->held.fp), 0) != 0 ||
	    fseeko(c->held.fp, 0, SEEK_SET) != 0) {
		if (c->held.fp != NULL)
			io_error(c, "writing");
		c->fn(c->arg, path, c->err.message);
		c->stopped = 1;
		return 1;
	}
	clearerr(c->held.fp);
	if ((buf = malloc(CHUNK)) == NULL || (l.md = EVP_MD_CTX_new()) ==
	    NULL || EVP_DigestInit_ex(l.md, EVP_sha256(), NULL) != 1) {
		free(buf);
		EVP_MD_CTX_free(l.md);
		c->fn(c->arg, path, "out of memory");
		c->stopped = 1;
		return 1;
	}
	c->held_fn = c->fn;
	c->held_arg = c->arg;
	c->fn = hold_problem;
	c->arg = c;
	parse_large(c, &l, path, buf);
	ok = large_rest(&l, buf) == 0;
	c->fn = c->held_fn;
	c->arg = c->held_arg;
	if (ok && EVP_DigestFinal_ex(l.md, md, &mdlen) != 1)
		mdlen = 0;
	free(buf);
	EVP_MD_CTX_free(l.md);
	if (!ok) {
		/* As if it had never come. */
		(void)table_truncate(c, &c->manifest, manifest_n);
		(void)table_truncate(c, &c->refs, refs_n);
		c->nrefs = nrefs;
		c->xml.failed = xml_failed;
		if (!have_tsv && c->have_catalog_tsv) {
			table_reset(&c->tsv);
			table_reset(&c->tsv_out);
			c->tsv_listed = 0;
			c->have_catalog_tsv = 0;
		}
		*err = l.err;
		return 0;
	}
	if (mdlen == 0 && !c->stopped) {
		c->fn(c->arg, path, "out of memory");
		c->stopped = 1;
	}
	/* As finish_job() does with a file read whole (it kept the file
	 * before reading it; a failure here stops the end all the same). */
	memset(&f, 0, sizeof(f));
	f.kind = F_FILE;
	f.seq = c->seq++;
	memcpy(f.md, md, mdlen);
	f.mdlen = (uint8_t)mdlen;
	if (!c->stopped && (make_key(c, path, &f.k) != WARTA_OK ||
	    table_put(c, &c->files, &f) != WARTA_OK)) {
		c->fn(c->arg, path, c->err.message);
		c->stopped = 1;
	}
	c->nfiles++;
	if (starts_with(path, "data/")) {
		c->payload_files++;
		c->payload_bytes += l.len;
	}
	for (i = 0; i < 2; i++) {
		if (strcmp(path, algorithms[i].payload) == 0)
			c->have_manifest[i] = 1;
		if (strcmp(path, algorithms[i].tags) == 0)
			c->have_tags[i] = 1;
	}
	if (strcmp(path, "data/catalog.xml") == 0)
		c->have_catalog_xml = 1;
	if (give_held(c) != WARTA_OK) {
		c->fn(c->arg, path, c->err.message);
		c->stopped = 1;
	}
	return 1;
}

/* The SHA-512 of a large entry, read a chunk at a time. */
static int
sha512_large(struct bag_check *c, struct bag_reader *r, const char *path)
{
	unsigned char *buf, md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	struct large l;
	struct frec f;
	int ok = 0;

	memset(&l, 0, sizeof(l));
	l.c = c;
	l.r = r;
	if ((buf = malloc(CHUNK)) != NULL && (l.md = EVP_MD_CTX_new()) !=
	    NULL && EVP_DigestInit_ex(l.md, EVP_sha512(), NULL) == 1 &&
	    large_rest(&l, buf) == 0 &&
	    EVP_DigestFinal_ex(l.md, md, &mdlen) == 1 && mdlen > 0)
		ok = 1;
	free(buf);
	EVP_MD_CTX_free(l.md);
	if (!ok)
		return 0;
	if (c->stopped)
		return 1;
	memset(&f, 0, sizeof(f));
	if (make_key(c, path, &f.k) != WARTA_OK)
		return 1;
	f.kind = F_SHA512;
	f.seq = c->seq++;
	memcpy(f.md, md, mdlen);
	f.mdlen = (uint8_t)mdlen;
	if (table_put(c, &c->files, &f) != WARTA_OK) {
		c->fn(c->arg, path, c->err.message);
		c->stopped = 1;
	}
	return 1;
}

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

/* Every entry of the bundle to a job; 0 when the archive could not be
 * read to its end (reported). */
static int
read_entries(struct bag_check *c, struct bag_reader *r, struct workpool *p)
{
	struct bag_entry e;
	struct warta_error err;
	struct job *j;
	int rc;

	warta_error_clear(&err);
	while ((rc = bag_reader_next(r, &e, &err)) != 0) {
		if (rc < 0) {
			drain(c, p);
			if (c->stopped)
				return 0;
			PROBLEM(c, "", "the archive cannot be read past entry "
			    "%llu: %s", e.index, err.message);
			if (resume(c, r))
				continue;
			return 0;
		}
		if (rc == BAG_ENTRY_REFUSED) {
			if (!submit_problem(c, p, e.archive_path, "%s",
			    err.message))
				return 0;
			continue;
		}
		if (rc == BAG_ENTRY_OUTSIDE) {
			if (!submit_problem(c, p, e.archive_path, "outside the "
			    "bag's directory %s", bag_reader_name(r)))
				return 0;
			continue;
		}
		make_room(c, p, e.size);
		if (is_large(e.path, e.size)) {
			/* The pool is empty: make_room() drained it. */
			if (!check_large(c, r, e.path, &err)) {
				if (!c->stopped)
					c->fn(c->arg, e.path, err.message);
				if (!c->stopped && resume(c, r))
					continue;
				return 0;
			}
			if (c->stopped)
				break;
			if (c->progress != NULL)
				c->progress(c->progress_arg, c->nitems,
				    bag_reader_file_bytes(r));
			continue;
		}
		if ((j = job_new(JOB_FILE, e.path)) == NULL) {
			drain(c, p);
			c->fn(c->arg, e.path, "out of memory");
			return 0;
		}
		/* The job's own copy: the pool's depth bounds how many
		 * entries are in memory at once.  Its room is made for the
		 * size the header gives, and a byte more to see the end; up
		 * to a bound, as the header may lie. */
		if (wbuf_reserve(&j->data, (size_t)(e.size < PRESIZE_MAX ?
		    e.size : PRESIZE_MAX) + 1) != WARTA_OK) {
			job_free(j);
			drain(c, p);
			c->fn(c->arg, e.path, "out of memory");
			return 0;
		}
		if (bag_reader_read(r, &j->data, &err) != WARTA_OK) {
			job_free(j);
			drain(c, p);
			if (!c->stopped)
				c->fn(c->arg, e.path, err.message);
			if (!c->stopped && resume(c, r))
				continue;
			return 0;
		}
		if (!submit(c, p, j) || c->stopped)
			break;
		if (c->progress != NULL)
			c->progress(c->progress_arg, c->nitems,
			    bag_reader_file_bytes(r));
	}
	drain(c, p);
	return !c->stopped;
}

/* The bundle again, for the SHA-512 digests. */
static void
read_sha512(struct bag_check *c, const char *path,
    const struct bag_limits *limits, struct workpool *p)
{
	struct bag_reader *r;
	struct bag_entry e;
	struct warta_error err;
	struct job *j;
	int rc;

	warta_error_clear(&err);
	if ((r = bag_reader_open(path, limits, &err)) == NULL)
		return;
	while ((rc = bag_reader_next(r, &e, &err)) != 0) {
		if (rc < 0)
			break;
		if (rc != BAG_ENTRY_FILE)
			continue;
		make_room(c, p, e.size);
		if (e.size > LARGE_ENTRY) {
			if (!sha512_large(c, r, e.path))
				break;
			continue;
		}
		if ((j = job_new(JOB_SHA512, e.path)) == NULL)
			break;
		if (bag_reader_read(r, &j->data, &err) != WARTA_OK) {
			job_free(j);
			break;
		}
		if (!submit(c, p, j))
			break;
	}
	drain(c, p);
	bag_reader_free(r);
}

/* One item check for each thread, each with its own schema context. */
static int
make_thread_checks(struct bag_check *c, struct warta_error *err)
{
	unsigned i;

	if (c->threads == 1 || c->tic != NULL)
		return WARTA_OK;
	if ((c->tic = calloc(c->threads, sizeof(*c->tic))) == NULL)
		return warta_error_set(err, -1, "out of memory");
	for (i = 0; i < c->threads; i++) {
		c->tic[i].catalog = c->ic->catalog;
		if (c->ic->schema != NULL && (c->tic[i].schema =
		    g2_schema_dup(c->ic->schema, err)) == NULL) {
			free_thread_checks(c);
			return WARTA_FAILED;
		}
	}
	return WARTA_OK;
}

/*
 * The tables the end compares, complete once the bundle is read, each
 * sorted as a job of its own: one after the other they were most of the
 * end of a bundle's check, on one core while the others waited.  They
 * sort while the index is checked; drain() waits for them.
 */
static void
presort(struct bag_check *c, struct workpool *p)
{
	const struct {
		struct table *t;
		extsort_cmp cmp;
	} tables[] = {
		{ &c->manifest, cmp_mrec }, { &c->files, cmp_frec },
		{ &c->items, cmp_irec }, { &c->tsv, cmp_trec },
		{ &c->refs, cmp_xrec },
	};
	struct job *j;
	size_t i;

	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		if (c->stopped || tables[i].t->spool.fp == NULL)
			continue;
		if ((j = job_new(JOB_SORT, "")) == NULL)
			return;		/* the end sorts what is left */
		j->table = tables[i].t;
		j->cmp = tables[i].cmp;
		if (!submit(c, p, j))
			return;
		/* A batch each, so that they go to different threads. */
		flush(c, p);
	}
}

int
bag_check_bundle(struct bag_check *c, const char *path,
    enum sniff_kind kind, const struct bag_limits *limits,
    struct warta_error *err)
{
	struct bag_reader *r;
	struct workpool *p;
	int whole;

	/* libxml2 made ready once, before any thread parses. */
	xmlInitParser();
	if (make_thread_checks(c, err) != WARTA_OK)
		return WARTA_FAILED;
	if ((r = bag_reader_open(path, limits, err)) == NULL) {
		if (kind == SNIFF_UNKNOWN)
			return WARTA_FAILED;	/* not a bundle */
		/* An archive by its first bytes, that cannot be read: a
		 * damaged bundle. */
		PROBLEM(c, "", "the archive cannot be read: %s", err->message);
		return WARTA_OK;
	}
	/* One thread: one entry at a time, as before there were threads. */
	if ((p = workpool_new(c->threads, c->threads == 1 ? 1 : 0, run_batch, c,
	    err)) == NULL) {
		bag_reader_free(r);
		return WARTA_FAILED;
	}
	if (kind == SNIFF_ZIP && !sniff_zip_has_directory(path))
		c->fn(c->arg, "", "no end of central directory: the zip is cut "
		    "short or damaged");
	whole = read_entries(c, r, p);
	/* A second pass for SHA-512 adds to the files: the sorts wait. */
	if (whole && !bag_check_wants_sha512(c))
		presort(c, p);
	if (whole)
		bag_check_index(r, path, limits, c->fn, c->arg);
	bag_reader_free(r);
	if (!whole)
		c->fn(c->arg, "", "the rest of the bag could not be checked");
	else {
		if (bag_check_wants_sha512(c))
			read_sha512(c, path, limits, p);
		drain(c, p);
		bag_check_end(c);
	}
	workpool_free(p);
	return WARTA_OK;
}
