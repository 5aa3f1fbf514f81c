/*
 * warta-pack: NewsML-G2 items into a BagIt bundle.
 *
 * The packing is bagit/pack.h's: a spool and an external sort, so that
 * memory does not grow with the number of items.  This program parses the
 * options, reads the inputs, tells which items are left out and why, and
 * keeps the signal handler that removes a bundle's temporary file when a
 * signal ends the run.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "bagit/pack.h"
#include "bagit/write.h"
#include "base/clock.h"
#include "base/datetime.h"
#include "base/file.h"
#include "base/size.h"
#include "base/warta.h"
#include "base/workpool.h"
#include "newsml/g2_rules.h"
#include "newsml/item_check.h"
#include "newsml/read.h"
#include "newsml/split.h"

#include "cli.h"
#include "progress.h"

#define PROG "warta-pack"
/* Duplicates named one by one before a count. */
#define DUPLICATES_SHOWN 20

struct options {
	const char *output;
	enum bag_format format;
	int format_given;
	int level;
	unsigned jobs;
	int sha512;
	const char *schema_path;
	const char *catalog_path;
	enum bag_duplicates duplicates;
	unsigned long long max_items;	/* 0: no limit */
	unsigned long long max_bytes;
	const char *organization;
	int force;
	int quiet;
	int progress;
};

struct run {
	struct options opt;
	struct g2_schema *schema;
	struct g2_catalog *catalog;
	struct item_check check;
	struct bag_packer *packer;
	int failed;		/* an input could not be read */
	struct progress *progress;
	unsigned long long bytes;	/* of the inputs read whole */
	unsigned long long written_items, written_bytes;
};

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

/* bag_create(), with the handler told of its temporary file. */
static struct bag *
create_bag(void *arg, const char *path, const char *name,
    const struct bag_options *o, struct warta_error *err)
{
	sigset_t old;
	struct bag *b;

	(void)arg;
	cli_block_signals(&old);
	if ((b = bag_create(path, name, o, err)) != NULL &&
	    bag_temp_path(b) != NULL &&
	    strlen(bag_temp_path(b)) < sizeof(temp_path)) {
		strcpy(temp_path, bag_temp_path(b));
		have_temp = 1;
	}
	cli_restore_signals(&old);
	return b;
}

/* The bundle's temporary file is renamed or removed: a late signal
 * unlinks nothing. */
static void
temp_closed(void *arg)
{
	(void)arg;
	have_temp = 0;
}

static void
catch_signals(void)
{
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	signal(SIGPIPE, on_signal);
}

static void
usage(void)
{
	fputs(
	    "usage: " PROG " -o BUNDLE [options] [file | -] ...\n"
	    "Checks the NewsML-G2 items read from the files (or standard\n"
	    "input) and packs them into one BagIt bundle.\n"
	    "\n"
	    "  -o, --output BUNDLE     NAME.tar.gz (also .tar.zst, .tar.xz,\n"
	    "                          .tar, .zip); -: standard output\n"
	    "  -f, --format FORMAT     tar.gz, tar.zst, tar.xz, tar or zip\n"
	    "  -l, --level N           compression level\n"
	    "  -j, --jobs N            check and compress on N threads\n"
	    "                          (default: the cores)\n"
	    "      --sha512            a SHA-512 manifest as well\n"
	    "      --schema XSD        validate every item (or WARTA_SCHEMA)\n"
	    "      --catalog XML       check QCode aliases (or WARTA_CATALOG)\n"
	    "      --duplicates HOW    highest (default), first or error\n"
	    "      --max-items N       split: at most N items a bundle\n"
	    "      --max-bytes SIZE    split: at most SIZE of payload a bundle\n"
	    "      --source-organization NAME\n"
	    "      --force             replace a bundle that exists\n"
	    "      --progress          show progress on standard error, even\n"
	    "                          when it is not a terminal\n"
	    "  -q, --quiet             no progress and no summary on standard\n"
	    "                          error\n"
	    "  -h, --help              this help\n"
	    "  -V, --version           the version\n", stdout);
}


enum {
	O_SHA512 = 256, O_SCHEMA, O_CATALOG, O_DUPLICATES, O_MAX_ITEMS,
	O_MAX_BYTES, O_ORG, O_FORCE, O_PROGRESS
};

/* The options that take a value and check it. */
static int
option_value(int c, const char *arg, struct options *opt)
{
	char *end;
	long l;

	switch (c) {
	case 'f':
		if (bag_format_of_name(arg, &opt->format) != 0)
			return cli_usage_error("unknown format '%s' (tar.gz, "
			    "tar.zst, tar.xz, tar, zip)", arg);
		opt->format_given = 1;
		break;
	case 'l':
		errno = 0;
		l = strtol(arg, &end, 10);
		if (errno != 0 || *end != '\0' || l < 0 || l > 22)
			return cli_usage_error("'%s' is not a compression "
			    "level (0 to 9; 22 for zstd)", arg);
		opt->level = (int)l;
		break;
	case O_DUPLICATES:
		if (strcmp(arg, "highest") == 0)
			opt->duplicates = BAG_DUP_HIGHEST;
		else if (strcmp(arg, "first") == 0)
			opt->duplicates = BAG_DUP_FIRST;
		else if (strcmp(arg, "error") == 0)
			opt->duplicates = BAG_DUP_ERROR;
		else
			return cli_usage_error("--duplicates '%s': highest, "
			    "first or error", arg);
		break;
	case O_MAX_ITEMS:
		if (size_parse(arg, &opt->max_items) != 0 ||
		    opt->max_items == 0)
			return cli_usage_error("--max-items '%s' is not a "
			    "count of items", arg);
		break;
	case O_MAX_BYTES:
		if (size_parse(arg, &opt->max_bytes) != 0 ||
		    opt->max_bytes == 0)
			return cli_usage_error("--max-bytes '%s' is not a "
			    "size (64M, 2G)", arg);
		break;
	}
	return CLI_OK;
}

/* What the options say together, checked before anything is read, not
 * by libarchive at the end of a long run. */
static int
check_options(struct options *opt)
{
	if (opt->output == NULL)
		return cli_usage_error("no bundle to write: give -o "
		    "NAME.tar.gz");
	if (strcmp(opt->output, "-") == 0) {
		/* As tar -f -: the bundle goes to standard output, a tar.gz
		 * unless -f says otherwise, but never to a terminal. */
		if (isatty(STDOUT_FILENO))
			return cli_usage_error("-o -: standard output is a "
			    "terminal; redirect it or name a file");
		if (opt->max_items != 0 || opt->max_bytes != 0)
			return cli_usage_error("-o -: a split (--max-items, "
			    "--max-bytes) writes files; name one");
		if (!opt->format_given)
			opt->format = BAG_TAR_GZ;
	} else if (!opt->format_given &&
	    bag_format_of_path(opt->output, &opt->format) != 0)
		return cli_usage_error("%s: the name says no format: end it "
		    "in .tar.gz, .tar.zst, .tar.xz, .tar or .zip, or give -f",
		    opt->output);
	if (opt->level < 0)
		return CLI_OK;
	if (opt->format == BAG_TAR)
		return cli_usage_error("-l: a .tar is not compressed");
	if (opt->format != BAG_TAR_ZST && opt->level > 9)
		return cli_usage_error("-l: the level is 0 to 9 (22 for "
		    "zstd)");
	if (opt->format == BAG_TAR_ZST && opt->level < 1)
		return cli_usage_error("-l: the zstd level is 1 to 22");
	return CLI_OK;
}

static void
default_options(struct options *opt)
{
	memset(opt, 0, sizeof(*opt));
	opt->level = -1;
	opt->jobs = workpool_cores();
	opt->duplicates = BAG_DUP_HIGHEST;
	opt->schema_path = getenv("WARTA_SCHEMA");
	opt->catalog_path = getenv("WARTA_CATALOG");
	if (opt->schema_path != NULL && *opt->schema_path == '\0')
		opt->schema_path = NULL;
	if (opt->catalog_path != NULL && *opt->catalog_path == '\0')
		opt->catalog_path = NULL;
}

static int
parse_options(int argc, char **argv, struct options *opt)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "level", required_argument, NULL, 'l' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "sha512", no_argument, NULL, O_SHA512 },
		{ "schema", required_argument, NULL, O_SCHEMA },
		{ "catalog", required_argument, NULL, O_CATALOG },
		{ "duplicates", required_argument, NULL, O_DUPLICATES },
		{ "max-items", required_argument, NULL, O_MAX_ITEMS },
		{ "max-bytes", required_argument, NULL, O_MAX_BYTES },
		{ "source-organization", required_argument, NULL, O_ORG },
		{ "force", no_argument, NULL, O_FORCE },
		{ "quiet", no_argument, NULL, 'q' },
		{ "progress", no_argument, NULL, O_PROGRESS },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;

	default_options(opt);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:f:l:j:qhV", longopts, NULL)) !=
	    -1) {
		switch (c) {
		case 'o':
			opt->output = optarg;
			break;
		case 'f':
		case 'l':
		case O_DUPLICATES:
		case O_MAX_ITEMS:
		case O_MAX_BYTES:
			if ((rc = option_value(c, optarg, opt)) != CLI_OK)
				return rc;
			break;
		case 'j':
			if ((rc = cli_parse_jobs(optarg, &opt->jobs)) != CLI_OK)
				return rc;
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
		case O_ORG:
			opt->organization = optarg;
			break;
		case O_FORCE:
			opt->force = 1;
			break;
		case 'q':
			opt->quiet = 1;
			break;
		case O_PROGRESS:
			opt->progress = 1;
			break;
		case 'h':
			usage();
			cli_exit_help();
		case 'V':
			cli_exit_version();
		case ':':
			return cli_usage_error("option '%s' needs a value",
			    argv[optind - 1]);
		default:
			return cli_bad_option(argv, optind, optopt);
		}
	}
	return check_options(opt);
}

/*
 * Reading the items.
 */

/* Told by the packer, item after item in the order read. */
static void
report_problem(void *arg, const struct bag_pack_item *it, const char *problem)
{
	(void)arg;
	cli_warn_at(it->input, "item %lu (%s): %s", it->number,
	    it->guid != NULL && *it->guid != '\0' ? it->guid : "no guid",
	    problem);
}

static void
report_left_out(void *arg, const struct bag_pack_item *it)
{
	(void)arg;
	cli_warn_at(it->input, "item %lu (%s): left out", it->number,
	    it->guid != NULL && *it->guid != '\0' ? it->guid : "no guid");
}

/* What the packer has still to tell is told before a message of ours.
 * -1 on a fatal error. */
static int
drain(struct run *r)
{
	struct warta_error err;

	warta_error_clear(&err);
	if (bag_packer_drain(r->packer, &err) != WARTA_OK) {
		cli_warn("%s", err.message);
		return -1;
	}
	return 0;
}

/*
 * The items of rd, those up to done given already (by the split) skipped;
 * rd is freed here.  0, or -1 on a fatal error.
 */
static int
read_items(struct run *r, struct newsml_reader *rd, const char *name,
    unsigned long done)
{
	struct warta_error err;
	xmlDocPtr doc;
	const char *bytes;
	size_t len = 0;
	int rc;

	warta_error_clear(&err);
	newsml_reader_keep_bytes(rd);
	while ((rc = newsml_reader_next(rd, &doc, &err)) != 0) {
		if (rc < 0) {
			if (drain(r) != 0)
				break;
			cli_warn_at(name, "%s", err.message);
			r->failed = 1;
			break;
		}
		if (newsml_reader_count(rd) <= done) {
			xmlFreeDoc(doc);
			continue;
		}
		/* The packer's now: it checks and frees it. */
		if (!newsml_reader_item_bytes(rd, &bytes, &len))
			bytes = NULL;
		if (bag_packer_put(r->packer, doc, bytes, len, name,
		    newsml_reader_count(rd), &err) != WARTA_OK) {
			cli_warn("%s", err.message);
			rc = -2;
			break;
		}
		progress_update(r->progress, bag_packer_counts(r->packer)->read,
		    r->bytes + (unsigned long long)newsml_reader_offset(rd));
	}
	r->bytes += (unsigned long long)newsml_reader_offset(rd);
	newsml_reader_free(rd);
	if (rc == -2 || drain(r) != 0)
		return -1;
	return 0;
}

/*
 * A file cut into items' bytes by the split (newsml/split.h), each parsed
 * on the packer's threads, not here: parsed here, the items kept the other
 * core waiting.  From where the split is not sure, or the parser refused
 * a piece, the reader reads the rest from the start of the document in
 * doubt, and says what is wrong in its own words: the bundle and the
 * messages are the same either way.  1 when done, 0 when the reader must
 * take it from here (*from, *before, *done), -1 on a fatal error.
 */
static int
split_items(struct run *r, FILE *fp, const char *name, long long *from,
    unsigned long *before, unsigned long *done)
{
	struct newsml_split *sp;
	struct newsml_piece p;
	struct bag_pack_refusal refusal;
	struct warta_error err;
	long long end;
	int rc, given = 1;

	warta_error_clear(&err);
	*done = 0;
	if ((sp = newsml_split_new(fp, &err)) == NULL)
		return 0;
	while ((rc = newsml_split_next(sp, &p)) == 1) {
		if ((given = bag_packer_put_piece(r->packer, &p, name,
		    &err)) != 1)
			break;
		*done = p.count;
		progress_update(r->progress, bag_packer_counts(r->packer)->read,
		    r->bytes + (unsigned long long)newsml_split_offset(sp));
	}
	*from = newsml_split_resume(sp, before);
	end = newsml_split_offset(sp);
	newsml_split_free(sp);
	if (given < 0) {
		cli_warn("%s", err.message);
		return -1;
	}
	if (drain(r) != 0)
		return -1;
	if (bag_packer_refused(r->packer, &refusal)) {
		*from = refusal.doc_start;
		*before = refusal.doc_items;
		*done = refusal.done;
		return 0;
	}
	if (rc != 0)
		return 0;
	r->bytes += (unsigned long long)end;
	return 1;
}

static int
read_input(struct run *r, FILE *fp, const char *name)
{
	struct newsml_reader *rd;
	struct warta_error err;
	long long origin = 0, from = 0;
	unsigned long before = 0, done = 0;
	int rc;

	warta_error_clear(&err);
	if (!file_rereadable(fp, &origin))
		rd = newsml_reader_new(fp, name, &err);
	else if ((rc = split_items(r, fp, name, &from, &before, &done)) != 0)
		return rc < 0 ? -1 : 0;
	else
		rd = newsml_reader_resume(fp, name, origin, from, before,
		    &err);
	if (rd == NULL) {
		cli_warn_at(name, "%s", err.message);
		r->failed = 1;
		return 0;
	}
	return read_items(r, rd, name, done);
}

static int
read_path(struct run *r, const char *path)
{
	FILE *fp;
	int rc;

	if (strcmp(path, "-") == 0)
		return read_input(r, stdin, "<stdin>");
	if ((fp = fopen(path, "rb")) == NULL) {
		cli_warn_at(path, "%s", strerror(errno));
		r->failed = 1;
		return 0;
	}
	rc = read_input(r, fp, path);
	fclose(fp);
	return rc;
}

/*
 * Packing.
 */

static void
report_duplicate(void *arg, const struct bag_pack_duplicate *d)
{
	const struct options *opt = arg;

	if (opt->duplicates == BAG_DUP_ERROR)
		cli_warn_at(d->guid, "version %u (item %llu of the stream) "
		    "and version %u (item %llu): one guid twice",
		    d->kept_version, d->kept_item, d->left_version,
		    d->left_item);
	else
		cli_warn_at(d->guid, "version %u (item %llu of the stream) "
		    "left out for version %u (item %llu)", d->left_version,
		    d->left_item, d->kept_version, d->kept_item);
}

static const char *
plural(unsigned long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/*
 * The bundle's one date: SOURCE_DATE_EPOCH, else the newest version of
 * any item (the packer's own), never the clock, so that the same items
 * give the same bytes whenever they are packed.
 */
static int
set_date(struct run *r)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	struct warta_error err;
	char now[WARTA_NOW_SIZE];

	if (epoch == NULL || *epoch == '\0')
		return CLI_OK;
	warta_error_clear(&err);
	if (warta_now(now, &err) != WARTA_OK) {
		cli_warn("%s", err.message);
		return CLI_USAGE;
	}
	bag_packer_set_date(r->packer, datetime_parse(now));
	return CLI_OK;
}

/*
 * Whether a bundle may be written at path: nothing there, or (with
 * --force) a regular file.  Anything else is refused even with --force:
 * the rename would delete the node.
 */
static int
target_ok(const struct options *opt, const char *path)
{
	struct warta_error err;
	int exists;

	warta_error_clear(&err);
	if (bag_check_target(path, &exists, &err) != WARTA_OK) {
		cli_warn("%s", err.message);
		return 0;
	}
	if (exists && !opt->force) {
		cli_warn_at(path, "exists; give --force to replace it");
		return 0;
	}
	return 1;
}

/* Whether every bundle of the planned split may be written (each one
 * that may not is named). */
static int
parts_ok(struct run *r)
{
	unsigned long k, planned = bag_packer_counts(r->packer)->planned;
	char *path;
	int ok = 1;

	for (k = 1; k <= planned; k++) {
		if ((path = bag_packer_part_path(r->packer, k)) == NULL)
			return 0;
		if (!target_ok(&r->opt, path))
			ok = 0;
		free(path);
	}
	return ok;
}

/* Once every input is read: sorts the items and writes the bundles. */
static int
pack(struct run *r)
{
	const struct bag_pack_counts *n = bag_packer_counts(r->packer);
	struct warta_error err;
	int rc;

	if ((rc = set_date(r)) != CLI_OK)
		return rc;
	warta_error_clear(&err);
	rc = bag_packer_sort(r->packer, report_duplicate, &r->opt, &err);
	if (n->duplicates > DUPLICATES_SHOWN)
		cli_warn("... and %lu more", n->duplicates - DUPLICATES_SHOWN);
	if (rc != WARTA_OK) {
		cli_warn("%s", err.message);
		return CLI_SOME_FAILED;
	}
	if (n->duplicates > 0 && r->opt.duplicates == BAG_DUP_ERROR) {
		cli_warn("%lu %s; nothing packed", n->duplicates,
		    plural(n->duplicates, "duplicate", "duplicates"));
		return CLI_SOME_FAILED;
	}
	if (n->read - n->rejected == 0) {
		/* An empty bag would say nothing, and could replace one
		 * that did. */
		cli_warn("no item to pack; %s not written", r->opt.output);
		return CLI_SOME_FAILED;
	}
	if (!parts_ok(r))
		return CLI_USAGE;
	/* The writing pass: items written of items kept. */
	progress_pass(r->progress, "writing");
	progress_total(r->progress, n->read - n->rejected - n->duplicates, 0);
	if (bag_packer_finish(r->packer, &err) != WARTA_OK) {
		cli_warn("%s", err.message);
		return CLI_SOME_FAILED;
	}
	return r->failed || n->rejected > 0 ? CLI_SOME_FAILED : CLI_OK;
}

/*
 * Setting up.
 */

/* libarchive needs a UTF-8 locale for names that are not ASCII, and zip
 * stores local time: make it UTC.  Returns the mode of a new bundle. */
static unsigned
set_environment(void)
{
	mode_t mask;

	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		(void)setlocale(LC_CTYPE, "");
	(void)setenv("TZ", "UTC0", 1);
	tzset();
	mask = umask(0);
	(void)umask(mask);
	return 0666 & ~(unsigned)mask;
}

/* The schema and the catalog, when given. */
static int
load_checks(struct run *r)
{
	struct warta_error err;

	warta_error_clear(&err);
	if (r->opt.schema_path != NULL && (r->schema =
	    g2_schema_load(r->opt.schema_path, &err)) == NULL) {
		cli_warn("the schema (--schema or WARTA_SCHEMA): %s",
		    err.message);
		return CLI_USAGE;
	}
	if (r->opt.catalog_path != NULL && (r->catalog =
	    g2_catalog_load(r->opt.catalog_path, &err)) == NULL) {
		cli_warn("the catalog (--catalog or WARTA_CATALOG): %s",
		    err.message);
		return CLI_USAGE;
	}
	r->check.catalog = r->catalog;
	r->check.schema = r->schema;
	return CLI_OK;
}

static void
item_written(void *arg, unsigned long long bytes)
{
	struct run *r = arg;

	r->written_items++;
	r->written_bytes += bytes;
	progress_update(r->progress, r->written_items, r->written_bytes);
}

static struct bag_packer *
new_packer(struct run *r, unsigned mode, const char *agent)
{
	struct bag_pack_options po;
	struct warta_error err;
	struct bag_packer *p;

	memset(&po, 0, sizeof(po));
	po.output = r->opt.output;
	po.format = r->opt.format;
	po.level = r->opt.level;
	po.threads = r->opt.jobs;
	po.check_threads = r->opt.jobs;
	po.sha512 = r->opt.sha512;
	po.mode = mode;
	po.duplicates = r->opt.duplicates;
	po.max_items = r->opt.max_items;
	po.max_bytes = r->opt.max_bytes;
	po.organization = r->opt.organization;
	po.agent = agent;
	po.check = &r->check;
	po.duplicates_told = DUPLICATES_SHOWN;
	po.hooks.create = create_bag;
	po.hooks.closed = temp_closed;
	po.hooks.written = item_written;
	po.hooks.arg = r;
	po.report.problem = report_problem;
	po.report.left_out = report_left_out;
	warta_error_clear(&err);
	if ((p = bag_packer_new(&po, &err)) == NULL)
		cli_warn("%s", err.message);
	return p;
}

static void
report(const struct run *r, int rc)
{
	static const struct bag_pack_counts none;
	const struct bag_pack_counts *n = r->packer != NULL ?
	    bag_packer_counts(r->packer) : &none;

	if (r->opt.quiet && rc == CLI_OK)
		return;
	cli_warn("%lu %s read, %lu packed into %lu %s, %lu rejected, %lu %s",
	    n->read, plural(n->read, "item", "items"), n->packed, n->written,
	    plural(n->written, "bundle", "bundles"), n->rejected,
	    n->duplicates, plural(n->duplicates, "duplicate", "duplicates"));
}

int
main(int argc, char **argv)
{
	struct run r;
	char agent[64];
	unsigned mode;
	int i, rc;

	cli_set_name(PROG);
	memset(&r, 0, sizeof(r));
	if ((rc = parse_options(argc, argv, &r.opt)) != CLI_OK)
		return rc;
	mode = set_environment();
	if (!target_ok(&r.opt, r.opt.output))
		return CLI_USAGE;
	if ((rc = load_checks(&r)) != CLI_OK)
		goto done;
	catch_signals();
	snprintf(agent, sizeof(agent), PROG " %s", WARTA_VERSION);
	rc = CLI_SOME_FAILED;
	if ((r.packer = new_packer(&r, mode, agent)) == NULL)
		goto out;
	if ((r.progress = progress_new(PROG, STDERR_FILENO,
	    progress_wanted(r.opt.progress, r.opt.quiet))) != NULL)
		progress_total(r.progress, 0, progress_inputs_size(optind,
		    argc, argv));
	if (optind == argc && read_path(&r, "-") != 0)
		goto out;
	for (i = optind; i < argc; i++)
		if (read_path(&r, argv[i]) != 0)
			goto out;
	rc = pack(&r);
out:
	progress_end(r.progress);
	report(&r, rc);
done:
	bag_packer_free(r.packer);
	g2_schema_free(r.schema);
	g2_catalog_free(r.catalog);
	xmlCleanupParser();
	return cli_finish(rc);
}
