/*
 * warta-verify: is a bundle whole, and is every item in it sound?
 *
 * For a bundle: the whole bag (bagit/check.h: the BagIt checks, every
 * item, the catalog, the originals).  For a NewsML-G2 file or stream: the
 * item checks alone, so that it lints NewsML-G2 from anyone.  What an
 * input is comes from its first bytes (bagit/sniff.h).  Every problem is
 * printed on standard output, one line each, with its input and its path;
 * the program goes on to the end.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "bagit/check.h"
#include "bagit/read.h"
#include "bagit/sniff.h"
#include "base/size.h"
#include "base/warta.h"
#include "base/workpool.h"
#include "cli.h"
#include "progress.h"
#include "newsml/g2_rules.h"
#include "newsml/item_check.h"

/* The progress line over every input: the bytes of those done. */
struct meter {
	struct progress *progress;
	unsigned long long done;
};

struct options {
	struct meter *meter;
	const char *schema_path;
	const char *catalog_path;
	struct bag_limits limits;
	unsigned jobs;
	int quiet;
	int progress;
};

/* The problems of one input, as they are printed. */
struct report {
	const char *input;
	unsigned long problems;
	int quiet;
};

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: warta-verify [options] bundle | file.xml | - ...\n"
	    "Checks bundles (the whole bag, every item, the catalog, the\n"
	    "originals) and NewsML-G2 files or streams (every item).\n"
	    "\n"
	    "      --schema XSD        validate every item (or WARTA_SCHEMA)\n"
	    "      --catalog XML       check QCode aliases (or WARTA_CATALOG)\n"
	    "      --max-entries N     entries in a bundle (2000000)\n"
	    "      --max-bytes SIZE    data in a bundle (64G)\n"
	    "      --max-entry SIZE    one entry's data (256M)\n"
	    "      --max-ratio N       data bytes per byte of bundle (1000)\n"
	    "  -j, --jobs N            check on N threads (the cores)\n"
	    "      --progress          show progress on standard error, even\n"
	    "                          when it is not a terminal\n"
	    "  -q, --quiet             print nothing; the exit status says\n"
	    "  -h, --help              this help\n"
	    "  -V, --version           the version\n"
	    "Exit status: 0 valid, 1 invalid, 2 could not check.\n");
}

/* "INPUT: WHERE: PROBLEM" on standard output: the report, not an error. */
static void
print_problem(void *arg, const char *where, const char *problem)
{
	struct report *rp = arg;

	rp->problems++;
	if (rp->quiet)
		return;
	if (where != NULL && *where != '\0')
		cli_print_line("%s: %s: %s", rp->input, where, problem);
	else
		cli_print_line("%s: %s", rp->input, problem);
}

static const char *
env_path(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? v : NULL;
}

static int
parse_options(int argc, char **argv, struct options *opt)
{
	enum { O_SCHEMA = 256, O_CATALOG, O_MAX_ENTRIES, O_MAX_BYTES,
	    O_MAX_ENTRY, O_MAX_RATIO, O_PROGRESS };
	static const struct option longopts[] = {
		{ "schema", required_argument, NULL, O_SCHEMA },
		{ "catalog", required_argument, NULL, O_CATALOG },
		{ "max-entries", required_argument, NULL, O_MAX_ENTRIES },
		{ "max-bytes", required_argument, NULL, O_MAX_BYTES },
		{ "max-entry", required_argument, NULL, O_MAX_ENTRY },
		{ "max-ratio", required_argument, NULL, O_MAX_RATIO },
		{ "jobs", required_argument, NULL, 'j' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "progress", no_argument, NULL, O_PROGRESS },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	unsigned long long *bound;
	int c, rc;

	memset(opt, 0, sizeof(*opt));
	bag_limits_default(&opt->limits);
	opt->schema_path = env_path("WARTA_SCHEMA");
	opt->catalog_path = env_path("WARTA_CATALOG");
	opt->jobs = workpool_cores();
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":j:qhV", longopts, NULL)) != -1) {
		bound = NULL;
		switch (c) {
		case O_SCHEMA:
			opt->schema_path = optarg;
			break;
		case O_CATALOG:
			opt->catalog_path = optarg;
			break;
		case O_MAX_ENTRIES:
			bound = &opt->limits.max_entries;
			break;
		case O_MAX_BYTES:
			bound = &opt->limits.max_bytes;
			break;
		case O_MAX_ENTRY:
			bound = &opt->limits.max_entry;
			break;
		case O_MAX_RATIO:
			bound = &opt->limits.max_ratio;
			break;
		case 'j':
			if ((rc = cli_parse_jobs(optarg, &opt->jobs)) != CLI_OK)
				return rc;
			break;
		case 'q':
			opt->quiet = 1;
			break;
		case O_PROGRESS:
			opt->progress = 1;
			break;
		case 'h':
			usage(stdout);
			cli_exit_help();
		case 'V':
			cli_exit_version();
		case ':':
			return cli_usage_error("option '%s' needs a value",
			    argv[optind - 1]);
		default:
			return cli_bad_option(argv, optind, optopt);
		}
		if (bound != NULL && (size_parse(optarg, bound) != 0 ||
		    *bound == 0))
			return cli_usage_error("'%s' is not a positive number",
			    optarg);
	}
	/* A bundle of warta's is decompressed on as many threads. */
	opt->limits.threads = opt->jobs;
	if (optind == argc)
		return cli_usage_error("nothing to verify");
	return CLI_OK;
}

/* A NewsML-G2 file or stream; -1 when it could not be checked. */
static int
verify_stream(const struct item_check *ic, const char *path,
    struct report *rp)
{
	FILE *fp;
	int rc;

	if (strcmp(path, "-") == 0)
		return bag_check_stream(ic, stdin, "<stdin>", print_problem,
		    rp);
	if ((fp = fopen(path, "rb")) == NULL)
		return -1;
	rc = bag_check_stream(ic, fp, path, print_problem, rp);
	fclose(fp);
	return rc;
}

static void
bundle_progress(void *arg, size_t items, unsigned long long bytes)
{
	struct meter *m = arg;

	progress_update(m->progress, items, m->done + bytes);
}

/* A bundle; -1 when it could not be checked. */
static int
verify_bundle(const struct options *opt, const struct item_check *ic,
    const char *path, enum sniff_kind kind, struct report *rp,
    size_t *items, size_t *files)
{
	struct bag_check *bc;
	struct warta_error err;
	int rc;

	if ((bc = bag_check_new(ic, print_problem, rp)) == NULL) {
		cli_warn_at(path, "out of memory");
		return -1;
	}
	if (opt->meter->progress != NULL)
		bag_check_set_progress(bc, bundle_progress, opt->meter);
	bag_check_set_threads(bc, opt->jobs);
	warta_error_clear(&err);
	rc = bag_check_bundle(bc, path, kind, &opt->limits, &err);
	if (rc != WARTA_OK && !opt->quiet)
		cli_warn_at(path, "%s", err.message);	/* not a bundle */
	*items = bag_check_items(bc);
	*files = bag_check_files(bc);
	bag_check_free(bc);
	return rc == WARTA_OK ? 0 : -1;
}

/*
 * One input, by its first bytes: CLI_OK valid, CLI_SOME_FAILED invalid,
 * CLI_USAGE could not check.
 */
static int
verify_one(const struct options *opt, const struct item_check *ic,
    const char *path)
{
	struct report rp = { path, 0, opt->quiet };
	unsigned char head[SNIFF_HEAD];
	size_t n, items = 0, files = 0;
	unsigned long long size;
	int xml = 1, rc;

	if (strcmp(path, "-") != 0) {
		if (sniff_read_head(path, head, sizeof(head), &n) != 0) {
			if (!opt->quiet)
				cli_warn_at(path, "%s", strerror(errno));
			return CLI_USAGE;
		}
		xml = sniff_xml(head, n);
	}
	rc = xml ? verify_stream(ic, path, &rp) : verify_bundle(opt, ic,
	    path, sniff_archive(head, n), &rp, &items, &files);
	if (progress_file_size(path, &size) == 0)
		opt->meter->done += size;
	if (rc < 0)
		return CLI_USAGE;
	if (rp.problems > 0) {
		if (!opt->quiet)
			cli_print_line("%s: invalid, %lu %s", path,
			    rp.problems, rp.problems == 1 ? "problem" :
			    "problems");
		return CLI_SOME_FAILED;
	}
	if (!opt->quiet && xml)
		cli_print_line("%s: valid", path);
	else if (!opt->quiet)
		cli_print_line("%s: valid (%zu %s, %zu files)", path, items,
		    items == 1 ? "item" : "items", files);
	return CLI_OK;
}

int
main(int argc, char **argv)
{
	struct options opt;
	struct item_check ic = { NULL, NULL };
	struct g2_catalog *catalog = NULL;
	struct warta_error err;
	struct meter meter = { NULL, 0 };
	int i, rc, status = CLI_OK;

#ifdef M_MMAP_THRESHOLD
	/* glibc raises its mmap threshold to the size of the largest block
	 * freed, and the big entries of a bundle's end (a manifest, a
	 * catalog, megabytes each) then grow the heap of every thread for
	 * good: fixed at 2 MiB, a block that large is the system's again
	 * when freed, and memory stays flat however many items the bundle
	 * holds.  (Lower, the members' buffers are mapped and unmapped over
	 * and over: at 128 KiB, -j 2 took 2.4 times as long.) */
	mallopt(M_MMAP_THRESHOLD, 2 << 20);
#endif

	cli_set_name("warta-verify");
	if ((rc = parse_options(argc, argv, &opt)) != CLI_OK)
		return rc;
	opt.meter = &meter;
	warta_error_clear(&err);
	if (opt.schema_path != NULL &&
	    (ic.schema = g2_schema_load(opt.schema_path, &err)) == NULL) {
		cli_warn("%s", err.message);
		return CLI_USAGE;
	}
	if (opt.catalog_path != NULL &&
	    (catalog = g2_catalog_load(opt.catalog_path, &err)) == NULL) {
		cli_warn("%s", err.message);
		g2_schema_free(ic.schema);
		return CLI_USAGE;
	}
	ic.catalog = catalog;
	if ((meter.progress = progress_new("warta-verify", STDERR_FILENO,
	    progress_wanted(opt.progress, opt.quiet))) != NULL)
		progress_total(meter.progress, 0, progress_inputs_size(optind,
		    argc, argv));
	for (i = optind; i < argc; i++) {
		/* Could not check wins over invalid. */
		rc = verify_one(&opt, &ic, argv[i]);
		if (rc > status)
			status = rc;
	}
	progress_end(meter.progress);
	g2_schema_free(ic.schema);
	g2_catalog_free(catalog);
	xmlCleanupParser();
	/* A report that did not get out whole: could not check. */
	if (cli_finish(CLI_OK) != CLI_OK)
		status = CLI_USAGE;
	return status;
}
