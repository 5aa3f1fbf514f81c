/*
 * warta-normalize: raw articles in, NewsML-G2 news items out.
 *
 * Each input file is read by the module of its format (formats/input/:
 * plain text, HTML, NITF, SGML, WARC, zip and tar), which yields one
 * article or many, with what the source states; each article is decoded,
 * repaired, cut into paragraphs, read for what the source did not state
 * (dateline, byline, dates, language), and written as one newsItem.  The
 * work is done in formats/; this file walks the inputs, reports, and
 * counts.
 *
 * With -j N the articles are done on N threads (jobs.h): the inputs are
 * read here, on the main thread, each article copied into a job; a
 * thread makes the item and notes its messages in the job; the main
 * thread takes the jobs back in the order they were read, writes the
 * items and shows the messages.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "article/article.h"
#include "article/item.h"
#include "article/wordlist.h"
#include "base/buf.h"
#include "base/clock.h"
#include "base/digest.h"
#include "base/size.h"
#include "base/walk.h"
#include "base/warta.h"
#include "base/workpool.h"
#include "input/input.h"
#include "newsml/write.h"
#include "text/clean.h"
#include "text/decode.h"
#include "text/mojibake.h"
#include "cli.h"
#include "jobs.h"
#include "progress.h"

#define PROG "warta-normalize"
#define DEFAULT_PROVIDER "warta.invalid"
#define DEFAULT_MAX_SIZE (16LL * 1024 * 1024)
/* A bound on the bound: the buffers index with int in places (libxml2). */
#define MAX_MAX_SIZE (1024LL * 1024 * 1024)

struct options {
	enum input_kind format;
	enum text_encoding encoding;
	const char *provider;
	const char *lang;
	long long max_size;
	unsigned jobs;
	int quiet;
	int progress;
};

/* What one thread keeps for itself: the repair's scratch buffers and
 * its own mojibake tables (text/mojibake.h: one a thread). */
struct worker {
	struct mojibake *mojibake;
	struct wbuf decoded, repaired, cleaned, guid;
};

/*
 * One article (or none: only the main thread's notes), and what became
 * of it.  rejected and skipped are what the main thread counted before
 * it.
 */
struct job {
	struct jobs_job h;
	struct input_article *in;	/* a copy, the job's; or NULL */
	enum { JOB_NONE, JOB_NORMALIZED, JOB_REJECTED } result;
	struct wbuf item;
	unsigned long rejected, skipped;
};

struct run {
	struct options opt;
	char now[WARTA_NOW_SIZE];
	struct wordlist *words;
	struct newsml_stream *stream;
	struct input_limits limits;
	struct jobs *jobs;
	struct worker *workers;		/* one a thread */
	unsigned long normalized, rejected, skipped;
	int write_failed;
	struct progress *progress;
	unsigned long long bytes;	/* of the inputs read whole */
};

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: " PROG " [-q] [-f format] [-e encoding] [-j jobs] [-l lang]\n"
	    "       [-p domain] [-s size] [file | dir | -] ...\n"
	    "Reads raw news articles (plain text, HTML, NITF, SGML, WARC, or zip\n"
	    "and tar deliveries of them; directories are walked in sorted order)\n"
	    "and writes NewsML-G2 news items to standard output.\n"
	    "\n"
	    "  -f, --format NAME    auto (default), text, html, nitf, sgml, warc,\n"
	    "                       archive (zip, tar)\n"
	    "  -e, --encoding NAME  text encoding: auto (default), utf-8,\n"
	    "                       utf-16, windows-1252, iso-8859-1, iso-8859-15\n"
	    "  -j, --jobs N         articles done on N threads (default: the\n"
	    "                       cores); the output is the same\n"
	    "  -l, --lang TAG       language when the text does not decide (id, en)\n"
	    "  -p, --provider DOMAIN  provider domain for guids (default "
	    DEFAULT_PROVIDER ")\n"
	    "  -s, --max-size SIZE  reject articles larger than SIZE (default 16M)\n"
	    "      --progress       show progress on standard error, even when\n"
	    "                       it is not a terminal\n"
	    "  -q, --quiet          no warnings, no progress and no summary\n"
	    "  -h, --help           this help\n"
	    "  -V, --version        the version\n");
}

/* A domain name as it may stand in a URN and a URI: a-z 0-9 - . */
static int
valid_domain(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > 253 || s[0] == '.' || s[0] == '-' || s[n - 1] == '.')
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '.'))
			return 0;
	return 1;
}

/* A BCP 47 tag of the simple kind: letters, digits, hyphens ("id", "en-GB"). */
static int
valid_lang(const char *s)
{
	size_t i, n = strlen(s);

	if (n < 2 || n > 15)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || (s[i] == '-' && i > 0)))
			return 0;
	return 1;
}

/* The repair chain; each step is its own tested function in formats/. */
static int
repair(struct worker *w, struct warta_error *err)
{
	unsigned fixes = 0;

	wbuf_reset(&w->repaired);
	wbuf_reset(&w->cleaned);
	/* Mojibake first: its patterns are the raw decoded characters, and
	 * what it repairs may need the cleaning steps (a no-break space from
	 * "Â ", a C1 control from a Java-style encoder).  Before it, the
	 * last bytes of closing quotes an earlier decoder lost are put back
	 * (in cleaned, free until text_clean), so that it repairs them too. */
	if (mojibake_restore_lost(w->decoded.data, w->decoded.len,
	    &w->cleaned, NULL) != WARTA_OK ||
	    mojibake_fix(w->mojibake, w->cleaned.data, w->cleaned.len,
	    &w->repaired, &fixes) != WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	wbuf_reset(&w->cleaned);
	if (text_clean(w->repaired.data, w->repaired.len, &w->cleaned) !=
	    WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	return WARTA_OK;
}

/* The article's text as UTF-8 in w->decoded: decoded from its bytes for
 * plain text, as the markup gave it otherwise. */
static int
decode(const struct run *r, struct worker *w, const struct input_article *in,
    enum text_encoding *found, struct warta_error *err)
{
	size_t skip;

	wbuf_reset(&w->decoded);
	if (in->text == NULL)
		return text_decode(in->original, in->original_len,
		    r->opt.encoding, &w->decoded, found, err);
	*found = TEXT_UTF8;
	skip = input_headline_len(in);
	if (wbuf_append(&w->decoded, in->text + skip, in->text_len - skip) !=
	    WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	return WARTA_OK;
}

/*
 * One article into j->item, on any thread: what it reads of r is read
 * only (the options, the clock, the word list), what it writes is w's
 * and j's.
 */
static void
normalize_one(const struct run *r, struct worker *w, struct job *j)
{
	const struct input_article *in = j->in;
	struct warta_error err;
	struct article *a = NULL;
	struct newsml_item_info info;
	struct newsml_content content;
	enum text_encoding found = TEXT_AUTO;
	char sha[SHA256_HEX_LEN + 1], day[11];
	size_t i;

	warta_error_clear(&err);
	if (w->mojibake == NULL && (w->mojibake = mojibake_new(&err)) == NULL)
		goto fail;
	if (decode(r, w, in, &found, &err) != WARTA_OK)
		goto fail;
	if (repair(w, &err) != WARTA_OK)
		goto fail;
	if ((a = article_new(r->words)) == NULL) {
		warta_error_set(&err, -1, "out of memory");
		goto fail;
	}
	/* A headline the markup states is the title: the layout must not
	 * take the body's first paragraph for one and drop it. */
	if (in->text != NULL && in->headline != NULL &&
	    (a->headline = strdup(in->headline)) == NULL) {
		warta_error_set(&err, -1, "out of memory");
		goto fail;
	}
	a->date_stated = in->text != NULL && input_valid_date(in->created);
	if (layout_paragraphs(a, w->cleaned.data, w->cleaned.len, &err) !=
	    WARTA_OK || article_parse(a, r->opt.lang, &err) != WARTA_OK)
		goto fail;
	if (a->npara == 0) {
		warta_error_set(&err, -1, "no article text (only blank or "
		    "boilerplate lines)");
		goto fail;
	}
	if (sha256_hex(in->original, in->original_len, sha) != WARTA_OK) {
		warta_error_set(&err, -1, "cannot compute SHA-256");
		goto fail;
	}
	article_item_content(a, &content);
	input_state_over(in, &content);
	/* The guid is dated by the day, whatever time the source gives. */
	day[0] = '\0';
	if (content.created != NULL)
		snprintf(day, sizeof(day), "%s", content.created);
	wbuf_reset(&w->guid);
	if (newsml_make_guid(&w->guid, r->opt.provider,
	    day[0] != '\0' ? day : NULL, sha) != WARTA_OK ||
	    wbuf_putc(&w->guid, '\0') != WARTA_OK) {
		warta_error_set(&err, -1, "out of memory");
		goto fail;
	}

	memset(&info, 0, sizeof(info));
	info.guid = w->guid.data;
	info.provider = r->opt.provider;
	info.now = r->now;
	info.file_name = in->file_name;
	info.generator = PROG;
	info.generator_version = WARTA_VERSION;
	info.original = in->original;
	info.original_len = in->original_len;
	info.original_type = in->original_type;
	/* Broken UTF-8 has no charset name that a reader would understand. */
	if (in->text != NULL)
		info.original_charset = in->original_charset;
	else
		info.original_charset = found == TEXT_UTF8_MIXED ? NULL :
		    text_encoding_name(found);
	info.original_sha256 = sha;
	info.record = in->locator;
	info.uri = in->uri;
	info.uri_date = in->uri_date;

	if (newsml_item_write(&j->item, &info, &content, &err) != WARTA_OK)
		goto fail;
	if (!r->opt.quiet)
		for (i = 0; i < a->nwarnings; i++)
			cli_note(&j->h.notes, in->where, "warning: %s",
			    a->warnings[i]);
	article_free(a);
	j->result = JOB_NORMALIZED;
	return;
fail:
	cli_note(&j->h.notes, in->where, "%s", err.message);
	article_free(a);
	j->result = JOB_REJECTED;
}

static void
run_job(void *job, unsigned thread, void *arg)
{
	struct run *r = arg;
	struct job *j = job;

	if (j->in != NULL)
		normalize_one(r, &r->workers[thread], j);
}

/*
 * A job taken back, in the order read: the main thread's notes and
 * counts, then the item and the article's notes.  Once standard output
 * has failed, nothing more is shown or counted, as one thread would have
 * stopped there.
 */
static void
take_back(void *arg, struct jobs_job *h)
{
	struct run *r = arg;
	struct job *j = (struct job *)h;
	struct warta_error err;

	if (r->write_failed)
		return;
	cli_show_notes(&h->notes, 0, h->notes_before);
	r->rejected += j->rejected;
	r->skipped += j->skipped;
	if (j->result == JOB_NORMALIZED && newsml_stream_item(r->stream,
	    j->item.data, j->item.len, &err) != WARTA_OK) {
		cli_stdout_error(err.message);
		r->write_failed = 1;
	} else if (j->result != JOB_NONE) {
		cli_show_notes(&h->notes, h->notes_before, h->notes.len);
		if (j->result == JOB_NORMALIZED)
			r->normalized++;
		else
			r->rejected++;
	}
}

static void
reset_job(struct jobs_job *h, int free_too)
{
	struct job *j = (struct job *)h;

	free(j->in);
	j->in = NULL;
	j->result = JOB_NONE;
	j->rejected = j->skipped = 0;
	if (free_too)
		wbuf_release(&j->item);
	else
		wbuf_reset(&j->item);
}

/* A rejection the main thread found, counted in its place. */
static void
reject(struct run *r)
{
	struct job *j = (struct job *)jobs_current(r->jobs);

	if (j != NULL)
		j->rejected++;
	else
		r->rejected++;
}

/* An article read: copied into a job and handed to the pool. */
static void
normalize_article(struct run *r, const struct input_article *in)
{
	struct job *j;

	if ((j = (struct job *)jobs_current(r->jobs)) == NULL ||
	    (j->in = input_article_dup(in)) == NULL) {
		jobs_note(r->jobs, in->where, "out of memory");
		reject(r);
		return;
	}
	jobs_submit(r->jobs, 1, in->original_len + in->text_len);
}

/* Bytes of the source taken so far: where its reader stands in the file,
 * or, in a pipe, the articles' own. */
static unsigned long long
taken(int fd, unsigned long long articles)
{
	off_t at = lseek(fd, 0, SEEK_CUR);

	return at >= 0 ? (unsigned long long)at : articles;
}

/*
 * Every article of one source.  st is the file's status, or NULL for
 * standard input: a file to be read as one article is refused by its
 * size before it is read.
 */
static void
normalize_fd(struct run *r, int fd, const char *file, const char *name_in_item,
    const struct stat *st)
{
	struct warta_error err;
	struct input_article in;
	struct input_reader *reader;
	unsigned long long articles = 0;
	unsigned long skipped = 0, now;
	struct job *j;
	int rc;

	warta_error_clear(&err);
	if ((reader = input_open(fd, file, name_in_item, r->opt.format,
	    &r->limits, &err)) == NULL) {
		jobs_note(r->jobs, file, "%s", err.message);
		reject(r);
		return;
	}
	if (st != NULL && !input_is_container(reader) &&
	    st->st_size > r->opt.max_size) {
		jobs_note(r->jobs, file, "%lld bytes, larger than the size "
		    "bound of %lld bytes (see --max-size)",
		    (long long)st->st_size, r->opt.max_size);
		reject(r);
		input_close(reader);
		return;
	}
	for (;;) {
		rc = r->write_failed ? 0 : input_next(reader, &in, &err);
		/* Records passed over count with what comes next, so that a
		 * run that stops at a failed write counts as far as -j 1. */
		now = input_skipped(reader);
		if ((j = (struct job *)jobs_current(r->jobs)) != NULL)
			j->skipped += now - skipped;
		else
			r->skipped += now - skipped;
		skipped = now;
		if (rc == 0)
			break;
		if (rc > 0) {
			articles += in.original_len;
			normalize_article(r, &in);
			if (r->progress != NULL)
				progress_update(r->progress, r->normalized +
				    r->rejected, r->bytes + taken(fd,
				    articles));
			continue;
		}
		jobs_note(r->jobs, file, "%s", err.message);
		reject(r);
		if (rc < -1)
			break;
	}
	r->bytes += taken(fd, articles);
	input_close(reader);
}

/* A file of the walk: checked against the size bound before it is read. */
static void
normalize_file(void *ctx, const char *path, const struct stat *st)
{
	struct run *r = ctx;
	const char *base;
	int fd;

	if ((fd = open(path, O_RDONLY)) < 0) {
		jobs_note(r->jobs, path, "%s", strerror(errno));
		reject(r);
		return;
	}
	base = strrchr(path, '/');
	normalize_fd(r, fd, path, base != NULL ? base + 1 : path, st);
	close(fd);
}

static void
walk_problem(void *ctx, const char *path, enum walk_problem kind,
    const char *message)
{
	struct run *r = ctx;

	if (kind == WALK_FAILED) {
		jobs_note(r->jobs, path, "%s", message);
		reject(r);
	} else if (!r->opt.quiet)
		jobs_note(r->jobs, path, "warning: %s", message);
}

static int
walk_stop(void *ctx)
{
	return ((struct run *)ctx)->write_failed;
}

static void
count_file(void *ctx, const char *path, const struct stat *st)
{
	(void)path;
	*(unsigned long long *)ctx += (unsigned long long)st->st_size;
}

/* Told by the walk that reads them. */
static void
count_problem(void *ctx, const char *path, enum walk_problem kind,
    const char *message)
{
	(void)ctx;
	(void)path;
	(void)kind;
	(void)message;
}

/* The bytes of every file the walk will take, for the percentage: a
 * walk of its own first, of the names alone; 0 with a pipe among them. */
static unsigned long long
inputs_size(int first, int argc, char **argv)
{
	unsigned long long sum = 0;
	const struct walk_visitor v = { count_file, count_problem, NULL,
	    &sum };
	int i;

	if (first == argc)
		return progress_inputs_size(first, argc, argv);
	for (i = first; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0)
			return progress_inputs_size(i, i + 1, argv);
		walk_path(argv[i], &v);
	}
	return sum;
}

static void
normalize_inputs(struct run *r, int first, int argc, char **argv)
{
	const struct walk_visitor v = { normalize_file, walk_problem,
	    walk_stop, r };
	struct warta_error err;
	int i;

	if (first == argc)
		normalize_fd(r, STDIN_FILENO, "<stdin>", NULL, NULL);
	for (i = first; i < argc && !r->write_failed; i++) {
		if (strcmp(argv[i], "-") == 0)
			normalize_fd(r, STDIN_FILENO, "<stdin>", NULL, NULL);
		else
			walk_path(argv[i], &v);
	}
	jobs_finish(r->jobs);
	warta_error_clear(&err);
	if (!r->write_failed &&
	    newsml_stream_finish(r->stream, &err) != WARTA_OK) {
		cli_stdout_error(err.message);
		r->write_failed = 1;
	}
}

/* Returns -1 to go on, or the exit status. */
static int
parse_options(int argc, char **argv, struct options *opt)
{
	enum { O_PROGRESS = 256 };
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "lang", required_argument, NULL, 'l' },
		{ "provider", required_argument, NULL, 'p' },
		{ "max-size", required_argument, NULL, 's' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "progress", no_argument, NULL, O_PROGRESS },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	unsigned long long size;
	int c, rc;

	opt->format = INPUT_AUTO;
	opt->encoding = TEXT_AUTO;
	opt->provider = DEFAULT_PROVIDER;
	opt->lang = NULL;
	opt->max_size = DEFAULT_MAX_SIZE;
	opt->quiet = 0;
	opt->jobs = workpool_cores();
	if (opt->jobs > CLI_JOBS_MAX)
		opt->jobs = CLI_JOBS_MAX;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:e:j:l:p:s:qhV", longopts, NULL)) !=
	    -1) {
		switch (c) {
		case 'f':
			if (input_kind_from_name(optarg, &opt->format) !=
			    WARTA_OK)
				return cli_bad_value("unknown format '%s' (try "
				    "auto, text, html, nitf, sgml, warc, "
				    "archive)", optarg);
			break;
		case 'e':
			if (text_encoding_from_name(optarg, &opt->encoding) !=
			    WARTA_OK)
				return cli_bad_value("unknown encoding '%s' "
				    "(try utf-8, utf-16, windows-1252, "
				    "iso-8859-1, iso-8859-15)", optarg);
			break;
		case 'l':
			if (!valid_lang(optarg))
				return cli_bad_value("'%s' is not a language "
				    "tag (try id or en)", optarg);
			opt->lang = optarg;
			break;
		case 'p':
			if (!valid_domain(optarg))
				return cli_bad_value("'%s' is not a domain "
				    "name (lowercase a-z, 0-9, '-', '.')",
				    optarg);
			opt->provider = optarg;
			break;
		case 's':
			if (size_parse(optarg, &size) != 0 || size == 0 ||
			    size > MAX_MAX_SIZE)
				return cli_bad_value("'%s' is not a size "
				    "between 1 and 1G", optarg);
			opt->max_size = (long long)size;
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
			return cli_needs_value(argv, optind, optopt);
		default:
			return cli_bad_option(argv, optind, optopt);
		}
	}
	return -1;
}

/* The clock, the repair tables, the threads and the stream; -1 to go on. */
static int
start(struct run *r)
{
	struct warta_error err;
	struct jobs_ops ops;

	warta_error_clear(&err);
	if (warta_now(r->now, &err) != WARTA_OK)
		return cli_bad_value("%s", err.message);
	if ((r->words = wordlist_new(&err)) == NULL) {
		cli_warn("%s", err.message);
		return CLI_SOME_FAILED;
	}
	if ((r->workers = calloc(r->opt.jobs, sizeof(*r->workers))) == NULL) {
		cli_warn("out of memory");
		return CLI_SOME_FAILED;
	}
	/* The first thread's tables now, so that a broken pattern stops the
	 * run before it starts; the others' when a thread first needs them
	 * (compiling them costs milliseconds a thread). */
	if ((r->workers[0].mojibake = mojibake_new(&err)) == NULL) {
		cli_warn("%s", err.message);
		return CLI_SOME_FAILED;
	}
	/* libxml2 sets up its globals once, here, before any thread could
	 * race to do it (the items are written with its xmlTextWriter). */
	xmlInitParser();
	ops.size = sizeof(struct job);
	ops.run = run_job;
	ops.take_back = take_back;
	ops.reset = reset_job;
	ops.arg = r;
	if ((r->jobs = jobs_new(r->opt.jobs, &ops, &err)) == NULL) {
		cli_warn("%s", err.message);
		return CLI_SOME_FAILED;
	}
	if ((r->stream = newsml_stream_new(stdout, r->now)) == NULL) {
		cli_warn("out of memory");
		return CLI_SOME_FAILED;
	}
	return -1;
}

static void
free_workers(struct run *r)
{
	unsigned i;

	for (i = 0; r->workers != NULL && i < r->opt.jobs; i++) {
		mojibake_free(r->workers[i].mojibake);
		wbuf_release(&r->workers[i].decoded);
		wbuf_release(&r->workers[i].repaired);
		wbuf_release(&r->workers[i].cleaned);
		wbuf_release(&r->workers[i].guid);
	}
	free(r->workers);
}

int
main(int argc, char **argv)
{
	struct run r;
	int rc;

	cli_set_name(PROG);
	memset(&r, 0, sizeof(r));
	if ((rc = parse_options(argc, argv, &r.opt)) >= 0 ||
	    (rc = start(&r)) >= 0)
		goto out;
	input_limits_default(&r.limits);
	r.limits.max_record = (unsigned long long)r.opt.max_size;
	if ((r.progress = progress_new(PROG, STDERR_FILENO,
	    progress_wanted(r.opt.progress, r.opt.quiet))) != NULL)
		progress_total(r.progress, 0, inputs_size(optind, argc, argv));
	normalize_inputs(&r, optind, argc, argv);
	progress_end(r.progress);
	rc = cli_finish(r.rejected > 0 || r.write_failed ? CLI_SOME_FAILED :
	    CLI_OK);
	if (!r.opt.quiet || rc != CLI_OK) {
		if (r.skipped > 0)
			cli_warn("normalized %lu, rejected %lu, skipped %lu "
			    "records that are not articles", r.normalized,
			    r.rejected, r.skipped);
		else
			cli_warn("normalized %lu, rejected %lu", r.normalized,
			    r.rejected);
	}
out:
	jobs_free(r.jobs);
	free_workers(&r);
	newsml_stream_free(r.stream);
	wordlist_free(r.words);
	xmlCleanupParser();
	return rc;
}
