/*
 * warta-pack: NewsML-G2 items into a BagIt bundle.
 *
 * Two passes, so that memory does not grow with the number of items.  The
 * first reads the stream, checks each item and spools what the bundle
 * needs of it (its file, its original, its catalog lines) to a temporary
 * file, with a fixed-size record per item.  The records are then sorted on
 * disk (base/extsort.h): by guid, to keep one version of each item, and by
 * path, so that the bundle's entries come in the order of their dates
 * whatever the order of the stream.  The second pass writes the bundle, or
 * the bundles of a split, from the spool.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "bagit/write.h"
#include "base/buf.h"
#include "base/size.h"
#include "bagit/catalog.h"
#include "base/clock.h"
#include "base/datetime.h"
#include "base/digest.h"
#include "base/extsort.h"
#include "newsml/g2_rules.h"
#include "newsml/item_check.h"
#include "newsml/edit.h"
#include "newsml/read.h"
#include "newsml/write.h"
#include "base/spool.h"
#include "base/warta.h"

#define PROG "warta-pack"
#define SPOOL_MAGIC 0x77617274u	/* "wart" */
/* Duplicates named one by one before a count. */
#define DUPLICATES_SHOWN 20

enum duplicates { DUP_HIGHEST, DUP_FIRST, DUP_ERROR };

struct options {
	const char *output;
	enum bag_format format;
	int format_given;
	int level;
	int sha512;
	const char *schema_path;
	const char *catalog_path;
	enum duplicates duplicates;
	unsigned long long max_items;	/* 0: no limit */
	unsigned long long max_bytes;
	const char *organization;
	int force;
	int quiet;
};

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

struct run {
	struct options opt;
	struct g2_schema *schema;
	struct g2_catalog *catalog;
	struct item_check check;
	FILE *spool, *index;
	uint64_t seq;
	unsigned long items_in, rejected, dropped;
	time_t newest;		/* the latest versionCreated of any item */
	unsigned mode;		/* of a new bundle: 0666 less the umask */
	char first_key[8 + CATALOG_ID_LEN];	/* the first item in path order */
	char *first_provider;
	struct wbuf xml, original, tsv, ref, file;
	int failed;		/* an input could not be read */
	/* per item, while it is checked */
	const char *input;
	unsigned long item_no;
	char *item_guid;
	unsigned long problems;
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

/* The bag being written, for the signal handler. */
/*
 * The temporary file of the bundle being written, for the signal
 * handler: a copy of its own, set with the signals blocked, so that no
 * moment between its creation and its rename leaves it unknown, and the
 * handler never reads a bag being freed.
 */
static char temp_path[PATH_MAX];
static volatile sig_atomic_t have_temp;

static void
on_signal(int sig)
{
	if (have_temp)
		(void)unlink(temp_path);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
block_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &set, old);
}

/* bag_create(), with the handler told of its temporary file. */
static struct bag *
create_bag(const char *path, const char *name, const struct bag_options *o,
    struct warta_error *err)
{
	sigset_t old;
	struct bag *b;

	block_signals(&old);
	if ((b = bag_create(path, name, o, err)) != NULL &&
	    strlen(bag_temp_path(b)) < sizeof(temp_path)) {
		strcpy(temp_path, bag_temp_path(b));
		have_temp = 1;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return b;
}

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: " PROG " -o BUNDLE [options] [file | -] ...\n"
	    "Checks the NewsML-G2 items read from the files (or standard\n"
	    "input) and packs them into one BagIt bundle.\n"
	    "\n"
	    "  -o, --output BUNDLE     NAME.tar.gz (also .tar.zst, .tar.xz,\n"
	    "                          .tar, .zip)\n"
	    "  -f, --format FORMAT     tar.gz, tar.zst, tar.xz, tar or zip\n"
	    "  -l, --level N           compression level\n"
	    "      --sha512            a SHA-512 manifest as well\n"
	    "      --schema XSD        validate every item (or WARTA_SCHEMA)\n"
	    "      --catalog XML       check QCode aliases (or WARTA_CATALOG)\n"
	    "      --duplicates HOW    highest (default), first or error\n"
	    "      --max-items N       split: at most N items a bundle\n"
	    "      --max-bytes SIZE    split: at most SIZE of payload a bundle\n"
	    "      --source-organization NAME\n"
	    "      --force             replace a bundle that exists\n"
	    "  -q, --quiet             no summary on standard error\n"
	    "  -h, --help              this help\n"
	    "  -V, --version           the version\n");
}

static int
usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, PROG ": ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (see " PROG " --help)\n");
	return 2;
}

static int
parse_options(int argc, char **argv, struct options *opt)
{
	enum { O_SHA512 = 256, O_SCHEMA, O_CATALOG, O_DUPLICATES,
	    O_MAX_ITEMS, O_MAX_BYTES, O_ORG, O_FORCE };
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "level", required_argument, NULL, 'l' },
		{ "sha512", no_argument, NULL, O_SHA512 },
		{ "schema", required_argument, NULL, O_SCHEMA },
		{ "catalog", required_argument, NULL, O_CATALOG },
		{ "duplicates", required_argument, NULL, O_DUPLICATES },
		{ "max-items", required_argument, NULL, O_MAX_ITEMS },
		{ "max-bytes", required_argument, NULL, O_MAX_BYTES },
		{ "source-organization", required_argument, NULL, O_ORG },
		{ "force", no_argument, NULL, O_FORCE },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	char *end;
	long l;
	int c;

	memset(opt, 0, sizeof(*opt));
	opt->level = -1;
	opt->schema_path = getenv("WARTA_SCHEMA");
	opt->catalog_path = getenv("WARTA_CATALOG");
	if (opt->schema_path != NULL && *opt->schema_path == '\0')
		opt->schema_path = NULL;
	if (opt->catalog_path != NULL && *opt->catalog_path == '\0')
		opt->catalog_path = NULL;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:f:l:qhV", longopts, NULL)) !=
	    -1) {
		switch (c) {
		case 'o':
			opt->output = optarg;
			break;
		case 'f':
			if (bag_format_of_name(optarg, &opt->format) != 0)
				return usage_error("unknown format '%s' (tar.gz,"
				    " tar.zst, tar.xz, tar, zip)", optarg);
			opt->format_given = 1;
			break;
		case 'l':
			errno = 0;
			l = strtol(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || l < 0 || l > 22)
				return usage_error("'%s' is not a compression "
				    "level (0 to 9; 22 for zstd)", optarg);
			opt->level = (int)l;
			break;
		case O_SHA512:
			opt->sha512 = 1;
			break;
		case O_SCHEMA:
			opt->schema_path = optarg;
			break;
		case O_CATALOG:
			opt->catalog_path = optarg;
			break;
		case O_DUPLICATES:
			if (strcmp(optarg, "highest") == 0)
				opt->duplicates = DUP_HIGHEST;
			else if (strcmp(optarg, "first") == 0)
				opt->duplicates = DUP_FIRST;
			else if (strcmp(optarg, "error") == 0)
				opt->duplicates = DUP_ERROR;
			else
				return usage_error("--duplicates '%s': highest,"
				    " first or error", optarg);
			break;
		case O_MAX_ITEMS:
			if (size_parse(optarg, &opt->max_items) != 0 ||
			    opt->max_items == 0)
				return usage_error("--max-items '%s' is not a "
				    "count of items", optarg);
			break;
		case O_MAX_BYTES:
			if (size_parse(optarg, &opt->max_bytes) != 0 ||
			    opt->max_bytes == 0)
				return usage_error("--max-bytes '%s' is not a "
				    "size (64M, 2G)", optarg);
			break;
		case O_ORG:
			opt->organization = optarg;
			break;
		case O_FORCE:
			opt->force = 1;
			break;
		case 'q':
			opt->quiet = 1;
			break;
		case 'h':
			usage(stdout);
			exit(fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1);
		case 'V':
			printf(PROG " %s\n", WARTA_VERSION);
			exit(fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1);
		case ':':
			return usage_error("option '%s' needs a value",
			    argv[optind - 1]);
		default:
			return usage_error("bad option '%s'", argv[optind - 1]);
		}
	}
	if (opt->output == NULL)
		return usage_error("no bundle to write%s: give -o NAME.tar.gz",
		    "");
	if (!opt->format_given &&
	    bag_format_of_path(opt->output, &opt->format) != 0)
		return usage_error("%s: the name says no format: end it in "
		    ".tar.gz, .tar.zst, .tar.xz, .tar or .zip, or give -f",
		    opt->output);
	/* Checked here, before anything is read, not by libarchive at
	 * the end of a long run. */
	if (opt->level >= 0) {
		if (opt->format == BAG_TAR)
			return usage_error("-l: a .tar%s is not compressed", "");
		if (opt->format != BAG_TAR_ZST && opt->level > 9)
			return usage_error("-l: the level is 0 to 9%s (22 for "
			    "zstd)", "");
		if (opt->format == BAG_TAR_ZST && opt->level < 1)
			return usage_error("-l: the zstd level is 1 to 22%s",
			    "");
	}
	return 0;
}

/*
 * Checking items.
 */

static int
report_problem(void *arg, const char *problem)
{
	struct run *r = arg;

	fprintf(stderr, PROG ": %s: item %lu (%s): %s\n", r->input,
	    r->item_no, r->item_guid != NULL && *r->item_guid != '\0' ?
	    r->item_guid : "no guid", problem);
	r->problems++;
	return 0;
}

static int
put_u32_string(FILE *fp, const void *p, size_t n)
{
	return n == 0 || fwrite(p, 1, n, fp) == n ? 0 : -1;
}

/* Spools one checked item and writes its record. */
static int
spool_item(struct run *r, const struct catalog_entry *e, int has_original,
    struct warta_error *err)
{
	struct spool_head h;
	struct pack_rec rec;
	off_t off;

	wbuf_reset(&r->tsv);
	wbuf_reset(&r->ref);
	if (catalog_tsv_line(&r->tsv, e) != 0 ||
	    catalog_xml_ref(&r->ref, e) != 0)
		return warta_error_set(err, -1, "out of memory");
	if ((off = ftello(r->spool)) < 0)
		return spool_error(err);
	memset(&h, 0, sizeof(h));
	h.magic = SPOOL_MAGIC;
	h.guid_len = (uint32_t)strlen(e->guid);
	h.item_len = (uint32_t)r->file.len;
	h.orig_len = has_original ? (uint32_t)r->original.len : 0;
	h.tsv_len = (uint32_t)r->tsv.len;
	h.ref_len = (uint32_t)r->ref.len;
	memcpy(h.item_path, e->item_path, sizeof(h.item_path));
	memcpy(h.original_path, e->original_path, sizeof(h.original_path));
	if (fwrite(&h, sizeof(h), 1, r->spool) != 1 ||
	    put_u32_string(r->spool, e->guid, h.guid_len) != 0 ||
	    put_u32_string(r->spool, r->file.data, h.item_len) != 0 ||
	    put_u32_string(r->spool, r->original.data, h.orig_len) != 0 ||
	    put_u32_string(r->spool, r->tsv.data, h.tsv_len) != 0 ||
	    put_u32_string(r->spool, r->ref.data, h.ref_len) != 0)
		return spool_error(err);

	memset(&rec, 0, sizeof(rec));
	memcpy(rec.guid_hash, e->guid_sha256, sizeof(rec.guid_hash));
	if (e->date[0] != '\0') {
		memcpy(rec.date, e->date, 4);
		memcpy(rec.date + 4, e->date + 5, 2);
		memcpy(rec.date + 6, e->date + 8, 2);
	} else
		memset(rec.date, '~', sizeof(rec.date));
	rec.version = e->version > 0 && e->version <= (long)UINT32_MAX ?
	    (uint32_t)e->version : 1;
	rec.seq = r->seq++;
	rec.offset = (uint64_t)off;
	rec.bytes = (uint64_t)h.item_len + h.orig_len;
	if (fwrite(&rec, sizeof(rec), 1, r->index) != 1)
		return spool_error(err);

	/* The bundle's organization, when no option names it: the
	 * provider of its first item. */
	if (r->first_provider == NULL ||
	    memcmp(rec.date, r->first_key, 8) < 0 ||
	    (memcmp(rec.date, r->first_key, 8) == 0 &&
	    memcmp(e->id, r->first_key + 8, CATALOG_ID_LEN) < 0)) {
		char *p = strdup(e->provider);

		if (p == NULL)
			return warta_error_set(err, -1, "out of memory");
		free(r->first_provider);
		r->first_provider = p;
		memcpy(r->first_key, rec.date, 8);
		memcpy(r->first_key + 8, e->id, CATALOG_ID_LEN);
	}
	return WARTA_OK;
}

/* Checks one item; spools it when it passes.  -1 only on a fatal error. */
static int
take_item(struct run *r, xmlDocPtr doc, struct warta_error *err)
{
	xmlNodePtr item = xmlDocGetRootElement(doc);
	struct catalog_entry e;
	char *vc;
	int has_original = 0, rc = 0;
	time_t t;

	r->problems = 0;
	r->item_guid = (char *)xmlGetProp(item, (const xmlChar *)"guid");
	wbuf_reset(&r->original);
	if (!g2_is(item, "newsItem")) {
		char what[96];

		snprintf(what, sizeof(what), "a %s, not a newsItem: a bundle "
		    "holds news items", (const char *)item->name);
		report_problem(r, what);
		goto out;
	}
	if (item_check(&r->check, doc, report_problem, r, &r->original,
	    &has_original, NULL, err) < 0) {
		rc = WARTA_FAILED;
		goto out;
	}
	if (r->problems > 0)
		goto out;

	if (catalog_entry_read(item, has_original, &e, err) != WARTA_OK) {
		catalog_entry_free(&e);
		rc = WARTA_FAILED;
		goto out;
	}
	if (has_original &&
	    sha256_hex(r->original.data, r->original.len,
	    e.original_sha256) != 0) {
		catalog_entry_free(&e);
		rc = warta_error_set(err, -1, "cannot hash");
		goto out;
	}
	vc = g2_text(g2_child(g2_child(item, "itemMeta"), "versionCreated"));
	if ((t = datetime_parse(vc)) > r->newest)
		r->newest = t;
	xmlFree(vc);
	/* The item's file: a document of its own. */
	wbuf_reset(&r->file);
	if (wbuf_puts(&r->file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	    "\n") != WARTA_OK || g2_serialize(item, &r->file) != 0 ||
	    wbuf_putc(&r->file, '\n') != WARTA_OK)
		rc = warta_error_set(err, -1, "out of memory");
	else
		rc = spool_item(r, &e, has_original, err);
	catalog_entry_free(&e);
out:
	if (r->problems > 0 && rc == 0) {
		r->rejected++;
		fprintf(stderr, PROG ": %s: item %lu (%s): left out\n",
		    r->input, r->item_no, r->item_guid != NULL ?
		    r->item_guid : "no guid");
	}
	xmlFree(r->item_guid);
	r->item_guid = NULL;
	return rc;
}

static int
read_input(struct run *r, FILE *fp, const char *name)
{
	struct newsml_reader *rd;
	struct warta_error err;
	xmlDocPtr doc;
	int rc;

	warta_error_clear(&err);
	if ((rd = newsml_reader_new(fp, name, &err)) == NULL) {
		fprintf(stderr, PROG ": %s: %s\n", name, err.message);
		r->failed = 1;
		return 0;
	}
	r->input = name;
	while ((rc = newsml_reader_next(rd, &doc, &err)) != 0) {
		if (rc < 0) {
			fprintf(stderr, PROG ": %s: %s\n", name, err.message);
			r->failed = 1;
			break;
		}
		r->items_in++;
		r->item_no = newsml_reader_count(rd);
		rc = take_item(r, doc, &err);
		xmlFreeDoc(doc);
		if (rc != 0) {
			fprintf(stderr, PROG ": %s\n", err.message);
			newsml_reader_free(rd);
			return -1;
		}
	}
	newsml_reader_free(rd);
	return 0;
}

static int
read_path(struct run *r, const char *path)
{
	FILE *fp;
	int rc;

	if (strcmp(path, "-") == 0)
		return read_input(r, stdin, "<stdin>");
	if ((fp = fopen(path, "rb")) == NULL) {
		fprintf(stderr, PROG ": %s: %s\n", path, strerror(errno));
		r->failed = 1;
		return 0;
	}
	rc = read_input(r, fp, path);
	fclose(fp);
	return rc;
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

/* Reads the spool record at off: its strings into the run's buffers. */
static int
read_spooled(struct run *r, uint64_t off, struct spool_head *h,
    struct warta_error *err)
{
	struct wbuf *dst[5] = { &r->xml, &r->file, &r->original, &r->tsv,
	    &r->ref };
	uint32_t len[5];
	int i;

	if (fseeko(r->spool, (off_t)off, SEEK_SET) != 0 ||
	    fread(h, sizeof(*h), 1, r->spool) != 1 || h->magic != SPOOL_MAGIC)
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
		    fread(dst[i]->data, 1, len[i], r->spool) != len[i])
			return spool_broken(err);
		dst[i]->len = len[i];
		dst[i]->data[len[i]] = '\0';
	}
	return WARTA_OK;
}

/*
 * Walks the records sorted by guid and writes the ones kept to kept.
 * Returns the number of duplicates (left out, or errors).
 */
static long
keep_one_version(struct run *r, FILE *sorted, FILE *kept,
    struct warta_error *err)
{
	struct pack_rec rec, prev;
	struct spool_head h;
	long dups = 0;
	int have = 0;

	while (read_rec(sorted, &rec)) {
		if (!have || memcmp(rec.guid_hash, prev.guid_hash, 32) != 0) {
			if (fwrite(&rec, sizeof(rec), 1, kept) != 1)
				return spool_error(err);
			prev = rec;
			have = 1;
			continue;
		}
		/* Not the first of its guid in the sort's order: left out. */
		if (++dups > DUPLICATES_SHOWN)
			continue;
		if (read_spooled(r, rec.offset, &h, err) != WARTA_OK)
			return -1;
		if (r->opt.duplicates == DUP_ERROR)
			fprintf(stderr, PROG ": %s: version %u (item %llu of "
			    "the stream) and version %u (item %llu): one guid "
			    "twice\n", r->xml.data, (unsigned)prev.version,
			    (unsigned long long)prev.seq + 1,
			    (unsigned)rec.version,
			    (unsigned long long)rec.seq + 1);
		else
			fprintf(stderr, PROG ": %s: version %u (item %llu of "
			    "the stream) left out for version %u (item "
			    "%llu)\n", r->xml.data, (unsigned)rec.version,
			    (unsigned long long)rec.seq + 1,
			    (unsigned)prev.version,
			    (unsigned long long)prev.seq + 1);
	}
	if (ferror(sorted))
		return spool_broken(err);
	if (dups > DUPLICATES_SHOWN)
		fprintf(stderr, PROG ": ... and %ld more\n",
		    dups - DUPLICATES_SHOWN);
	return dups;
}

/*
 * Writing the bundles.
 */

struct part {
	char *path;		/* NAME-0001.tar.gz */
	char *name;		/* NAME-0001 */
};

/* The bundle's name: its file name without directory or suffix. */
static char *
bundle_name(const char *path, enum bag_format f)
{
	const char *base = strrchr(path, '/'), *suffix;
	size_t n;
	char *name;

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

/* How many bundles the kept records make under the limits. */
static unsigned long
count_parts(struct run *r, FILE *kept)
{
	struct pack_rec rec;
	unsigned long parts = 0;
	unsigned long long items = 0, bytes = 0;

	rewind(kept);
	while (read_rec(kept, &rec)) {
		if (parts == 0 || (r->opt.max_items > 0 &&
		    items + 1 > r->opt.max_items) || (r->opt.max_bytes > 0 &&
		    items > 0 && bytes + rec.bytes > r->opt.max_bytes)) {
			parts++;
			items = 0;
			bytes = 0;
		}
		items++;
		bytes += rec.bytes;
	}
	return parts == 0 ? 1 : parts;
}

/* Whether a part of the planned split is there already (each named). */
static int
parts_exist(struct run *r, unsigned long nparts)
{
	struct part p;
	unsigned long k;
	int found = 0;

	for (k = 1; k <= nparts; k++) {
		if (part_paths(r->opt.output, r->opt.format, k, nparts > 1,
		    &p) != 0)
			return 1;
		if (access(p.path, F_OK) == 0) {
			fprintf(stderr, PROG ": %s: exists; give --force to "
			    "replace it\n", p.path);
			found = 1;
		}
		part_free(&p);
	}
	return found;
}

static void
format_date(time_t t, const char *fmt, char *out, size_t size)
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL || strftime(out, size, fmt, &tm) == 0)
		snprintf(out, size, "1970-01-01");
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

/* Writes part k of nparts with the records from kept, where it stands. */
static int
write_part(struct run *r, FILE *kept, unsigned long k, unsigned long nparts,
    unsigned long *packed, struct warta_error *err)
{
	struct bag_options bo;
	struct bag_info info[8];
	struct part p;
	struct pack_rec rec;
	struct spool_head h;
	struct bag *b = NULL;
	FILE *tsv = NULL, *xml = NULL;
	struct wbuf head = WBUF_INIT;
	char date[16], when[32], count[64], guid[512], agent[64];
	const char *org;
	unsigned long long items = 0, bytes = 0;
	size_t n = 0;
	int rc = WARTA_FAILED;
	off_t at;

	if (part_paths(r->opt.output, r->opt.format, k, nparts > 1, &p) != 0)
		return warta_error_set(err, -1, "out of memory");
	memset(&bo, 0, sizeof(bo));
	bo.format = r->opt.format;
	bo.level = r->opt.level;
	bo.sha512 = r->opt.sha512;
	bo.mtime = r->newest;
	bo.mode = r->mode;
	format_date(r->newest, "%Y-%m-%d", date, sizeof(date));
	format_date(r->newest, "%Y-%m-%dT%H:%M:%SZ", when, sizeof(when));
	org = r->opt.organization != NULL ? r->opt.organization :
	    r->first_provider != NULL && *r->first_provider != '\0' ?
	    r->first_provider : "unknown";
	snprintf(guid, sizeof(guid), "tag:warta.invalid,2026:bundle:%s",
	    p.name);

	if ((tsv = spool_open(err)) == NULL || (xml = spool_open(err)) == NULL)
		goto out;
	if (catalog_tsv_header(&head) != 0 ||
	    fwrite(head.data, 1, head.len, tsv) != head.len) {
		spool_error(err);
		goto out;
	}
	wbuf_reset(&head);
	if (catalog_xml_begin(&head, guid, org, when) != 0 ||
	    fwrite(head.data, 1, head.len, xml) != head.len) {
		spool_error(err);
		goto out;
	}
	if ((b = create_bag(p.path, p.name, &bo, err)) == NULL)
		goto out;
	for (;;) {
		if ((at = ftello(kept)) < 0 || !read_rec(kept, &rec))
			break;
		if (items > 0 && ((r->opt.max_items > 0 &&
		    items + 1 > r->opt.max_items) || (r->opt.max_bytes > 0 &&
		    bytes + rec.bytes > r->opt.max_bytes))) {
			/* The next part's first item. */
			if (fseeko(kept, at, SEEK_SET) != 0) {
				spool_error(err);
				goto out;
			}
			break;
		}
		if (read_spooled(r, rec.offset, &h, err) != WARTA_OK)
			goto out;
		if (bag_add(b, h.item_path, r->file.data, r->file.len, err) !=
		    WARTA_OK || (h.orig_len > 0 && bag_add(b,
		    h.original_path, r->original.data, r->original.len, err) !=
		    WARTA_OK))
			goto out;
		if (fwrite(r->tsv.data, 1, r->tsv.len, tsv) != r->tsv.len ||
		    fwrite(r->ref.data, 1, r->ref.len, xml) != r->ref.len) {
			spool_error(err);
			goto out;
		}
		items++;
		bytes += rec.bytes;
	}
	if (ferror(kept)) {
		spool_broken(err);
		goto out;
	}
	wbuf_reset(&head);
	if (catalog_xml_end(&head) != 0 ||
	    fwrite(head.data, 1, head.len, xml) != head.len) {
		spool_error(err);
		goto out;
	}
	if (add_spooled_file(b, "catalog.xml", xml, err) != WARTA_OK ||
	    add_spooled_file(b, "catalog.tsv", tsv, err) != WARTA_OK)
		goto out;

	snprintf(agent, sizeof(agent), PROG " %s", WARTA_VERSION);
	info[n].label = "Source-Organization";
	info[n++].value = org;
	info[n].label = "Bagging-Date";
	info[n++].value = date;
	info[n].label = "Bag-Software-Agent";
	info[n++].value = agent;
	info[n].label = "External-Identifier";
	info[n++].value = p.name;
	if (nparts > 1) {
		char *group = bundle_name(r->opt.output, r->opt.format);

		snprintf(count, sizeof(count), "%lu of %lu", k, nparts);
		info[n].label = "Bag-Group-Identifier";
		info[n++].value = group != NULL ? group : p.name;
		info[n].label = "Bag-Count";
		info[n++].value = count;
		rc = bag_finish(b, info, n, err);
		b = NULL;
		free(group);
	} else {
		rc = bag_finish(b, info, n, err);
		b = NULL;
	}
	if (rc == WARTA_OK)
		*packed += (unsigned long)items;
out:
	if (b != NULL)
		bag_abort(b);
	/* Renamed or removed by now; a late signal unlinks nothing. */
	have_temp = 0;
	if (tsv != NULL)
		fclose(tsv);
	if (xml != NULL)
		fclose(xml);
	wbuf_release(&head);
	part_free(&p);
	return rc;
}

static const char *
plural(unsigned long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

int
main(int argc, char **argv)
{
	struct run r;
	struct warta_error err;
	FILE *by_guid = NULL, *kept = NULL, *by_path = NULL;
	unsigned long nparts = 0, planned, k, packed = 0;
	long dups;
	const char *epoch;
	int i, rc;

	memset(&r, 0, sizeof(r));
	if ((rc = parse_options(argc, argv, &r.opt)) != 0)
		return rc;
	/* libarchive needs a UTF-8 locale for names that are not ASCII,
	 * and zip stores local time: make it UTC. */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		(void)setlocale(LC_CTYPE, "");
	(void)setenv("TZ", "UTC0", 1);
	tzset();
	warta_error_clear(&err);
	{
		mode_t mask = umask(0);

		(void)umask(mask);
		r.mode = 0666 & ~(unsigned)mask;
	}
	rc = 1;
	if (!r.opt.force && access(r.opt.output, F_OK) == 0) {
		fprintf(stderr, PROG ": %s: exists; give --force to replace "
		    "it\n", r.opt.output);
		return 2;
	}
	if (r.opt.schema_path != NULL &&
	    (r.schema = g2_schema_load(r.opt.schema_path, &err)) == NULL) {
		fprintf(stderr, PROG ": the schema (--schema or WARTA_SCHEMA): "
		    "%s\n", err.message);
		return 2;
	}
	if (r.opt.catalog_path != NULL &&
	    (r.catalog = g2_catalog_load(r.opt.catalog_path, &err)) == NULL) {
		fprintf(stderr, PROG ": the catalog (--catalog or "
		    "WARTA_CATALOG): %s\n", err.message);
		g2_schema_free(r.schema);
		return 2;
	}
	r.check.catalog = r.catalog;
	r.check.schema = r.schema;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	signal(SIGPIPE, on_signal);

	if ((r.spool = spool_open(&err)) == NULL ||
	    (r.index = spool_open(&err)) == NULL) {
		fprintf(stderr, PROG ": %s\n", err.message);
		goto out;
	}
	if (optind == argc && read_path(&r, "-") != 0)
		goto out;
	for (i = optind; i < argc; i++)
		if (read_path(&r, argv[i]) != 0)
			goto out;
	/* The bundle's one date: SOURCE_DATE_EPOCH, else the newest
	 * version of any item, never the clock, so that the same items
	 * give the same bytes whenever they are packed. */
	if ((epoch = getenv("SOURCE_DATE_EPOCH")) != NULL && *epoch != '\0') {
		char now[WARTA_NOW_SIZE];

		if (warta_now(now, &err) != WARTA_OK) {
			fprintf(stderr, PROG ": %s\n", err.message);
			rc = 2;
			goto out;
		}
		r.newest = datetime_parse(now);
	}
	if (fflush(r.spool) != 0 || fflush(r.index) != 0) {
		fprintf(stderr, PROG ": temporary file: %s\n", strerror(errno));
		goto out;
	}

	/* One version of each guid. */
	rewind(r.index);
	if ((by_guid = spool_open(&err)) == NULL ||
	    (kept = spool_open(&err)) == NULL ||
	    (by_path = spool_open(&err)) == NULL) {
		fprintf(stderr, PROG ": %s\n", err.message);
		goto out;
	}
	if (extsort(r.index, by_guid, sizeof(struct pack_rec),
	    r.opt.duplicates == DUP_FIRST ? cmp_guid_first : cmp_guid,
	    &err) != WARTA_OK) {
		fprintf(stderr, PROG ": %s\n", err.message);
		goto out;
	}
	rewind(by_guid);
	if ((dups = keep_one_version(&r, by_guid, kept, &err)) < 0) {
		fprintf(stderr, PROG ": %s\n", err.message);
		goto out;
	}
	r.dropped = (unsigned long)dups;
	if (dups > 0 && r.opt.duplicates == DUP_ERROR) {
		fprintf(stderr, PROG ": %ld %s; nothing packed\n", dups,
		    plural((unsigned long)dups, "duplicate", "duplicates"));
		goto out;
	}
	/* In the order of their paths. */
	if (fflush(kept) != 0) {
		fprintf(stderr, PROG ": temporary file: %s\n", strerror(errno));
		goto out;
	}
	rewind(kept);
	if (extsort(kept, by_path, sizeof(struct pack_rec), cmp_path,
	    &err) != WARTA_OK) {
		fprintf(stderr, PROG ": %s\n", err.message);
		goto out;
	}
	if (fflush(by_path) != 0) {
		fprintf(stderr, PROG ": temporary file: %s\n", strerror(errno));
		goto out;
	}

	if (r.items_in - r.rejected == 0) {
		/* An empty bag would say nothing, and could replace one
		 * that did. */
		fprintf(stderr, PROG ": no item to pack; %s not written\n",
		    r.opt.output);
		goto out;
	}
	planned = count_parts(&r, by_path);
	if (!r.opt.force && parts_exist(&r, planned)) {
		rc = 2;
		goto out;
	}
	rewind(by_path);
	for (k = 1; k <= planned; k++) {
		if (write_part(&r, by_path, k, planned, &packed, &err) !=
		    WARTA_OK) {
			fprintf(stderr, PROG ": %s\n", err.message);
			goto out;
		}
		nparts++;
	}
	rc = r.failed || r.rejected > 0 ? 1 : 0;
out:
	if (!r.opt.quiet || rc != 0)
		fprintf(stderr, PROG ": %lu %s read, %lu packed into %lu %s, "
		    "%lu rejected, %lu %s\n", r.items_in,
		    plural(r.items_in, "item", "items"), packed, nparts,
		    plural(nparts, "bundle", "bundles"), r.rejected, r.dropped,
		    plural(r.dropped, "duplicate", "duplicates"));
	if (by_guid != NULL)
		fclose(by_guid);
	if (kept != NULL)
		fclose(kept);
	if (by_path != NULL)
		fclose(by_path);
	if (r.spool != NULL)
		fclose(r.spool);
	if (r.index != NULL)
		fclose(r.index);
	g2_schema_free(r.schema);
	g2_catalog_free(r.catalog);
	free(r.first_provider);
	wbuf_release(&r.xml);
	wbuf_release(&r.original);
	wbuf_release(&r.tsv);
	wbuf_release(&r.ref);
	wbuf_release(&r.file);
	xmlCleanupParser();
	return rc;
}
