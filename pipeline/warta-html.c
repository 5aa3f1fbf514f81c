/*
 * warta-html: the reading room, a static site of NewsML-G2 items.
 *
 * Reads a stream (as warta-text does) or bundles, and writes a site that
 * opens from the disk in any browser: an index with filters and a
 * search, a page per item, per month, per person, organization, place and
 * subject (formats/html/site.h).  Each item's page is made on a thread of
 * the pool; what the lists need waits on disk, so memory stays flat.
 *
 * A file is cut here, on the main thread, into its items' bytes
 * (newsml/split.h), and each job parses its own, as warta-meta does: read
 * with newsml_reader, each item parsed and copied on the main thread (1 s
 * of CPU for 10,000 items), the main thread set the pace of -j 2.  Where
 * the split is not sure (a stream that is not well-formed, in another
 * encoding, cut short) or a job finds its piece is not well-formed, the
 * jobs after that piece are dropped and newsml_reader reads the rest of
 * the file from the start of the document in doubt, the items of it taken
 * back already skipped, and says what is wrong in its own words; a pipe is
 * read by the reader alone.
 * The site and the messages are the same either way.
 *
 * A job dropped must leave nothing on disk.  So a job writes its item's
 * files only once every piece cut before its own is known to have parsed,
 * that is once it is sure to be taken back (will_stay()), and never if
 * one did not.  Removing a dropped job's files would not do: an item
 * before it of the same guid may have found its page there and deferred to
 * it (html_item_write()), and the folders it made would stay behind,
 * empty.
 *
 * A signal (INT, TERM, HUP) stops the reading after the item at hand; the
 * jobs given are waited for, the site being built beside DIR is removed
 * (html_site_free), and the signal is raised again, so that the run ends
 * as killed and leaves nothing behind.  Removing a tree in the handler
 * would race with the threads still writing into it.
 */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "bagit/read.h"
#include "bagit/select.h"
#include "bagit/sniff.h"
#include "base/buf.h"
#include "base/file.h"
#include "base/warta.h"
#include "base/workpool.h"
#include "html/site.h"
#include "newsml/read.h"
#include "newsml/split.h"
#include "cli.h"
#include "jobs.h"
#include "progress.h"

/* The signal that asks the run to stop, or 0. */
static volatile sig_atomic_t stop_signal;

#define PROG "warta-html"
#define GENERATOR PROG " " WARTA_VERSION

struct options {
	const char *out;
	unsigned jobs;
	int progress, quiet;
};

struct job {
	struct jobs_job h;
	xmlDocPtr doc;		/* the job's until done; or NULL */
	struct newsml_held piece; /* or the item's bytes, to parse */
	int parse_failed;	/* the reader must take over */
	unsigned long long seq;	/* of its piece, in the order cut */
	const char *name;	/* its input, for messages */
	char *path;		/* its entry in a bundle, or NULL */
	unsigned long count;	/* its number in its input */
	struct html_item item;
	int read_failed, failed;
};

struct run {
	struct options opt;
	struct html_site *site;
	struct jobs *jobs;
	struct progress *progress;
	unsigned long items, failed_items;
	unsigned long long bytes;
	int failed, site_failed;
	/*
	 * The pieces' parses (will_stay()), under lock: every piece before
	 * seq parsed_below parsed; parsed[] marks those after it that did,
	 * by seq modulo ring (jobs_capacity(): no more are out at once);
	 * refused once one did not, refused_seq the first, until the jobs
	 * are all taken back.  waiting threads wait on parsed_more.
	 */
	pthread_mutex_t lock;
	pthread_cond_t parsed_more;
	unsigned char *parsed;
	size_t ring;
	unsigned long long next_seq, parsed_below, refused_seq;
	int refused;
	unsigned waiting;
	/* A piece refused (job.parse_failed): the jobs after it are
	 * dropped, and the reader reads from its document on. */
	int redo;
	long long redo_from;
	unsigned long redo_items, redo_written;
};

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: " PROG " -o DIR [options] [file | bundle | -] ...\n"
	    "Writes a static site of the NewsML-G2 items read from the files,\n"
	    "the bundles (or standard input) into DIR: an index with filters\n"
	    "and a search, a page per item, per month, per person,\n"
	    "organization, place and subject.  It opens from the disk in any\n"
	    "browser and fetches nothing.\n"
	    "\n"
	    "  -o, --output DIR  the site's folder (new, empty, or an earlier\n"
	    "                    site of " PROG ", which is replaced whole)\n"
	    "  -j, --jobs N      items done on N threads (default: the cores)\n"
	    "      --progress    show progress on standard error, even when\n"
	    "                    it is not a terminal\n"
	    "  -q, --quiet       no progress and no summary\n"
	    "  -h, --help        this help\n"
	    "  -V, --version     the version\n");
}

/* Returns -1 to go on, or the exit status. */
static int
parse_options(int argc, char **argv, struct options *opt)
{
	enum { O_PROGRESS = 256 };
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "progress", no_argument, NULL, O_PROGRESS },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;

	opt->jobs = workpool_cores();
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:j:qhV", longopts, NULL)) !=
	    -1) {
		switch (c) {
		case 'o':
			if (optarg[0] == '\0')
				return cli_usage_error("-o needs a folder");
			opt->out = optarg;
			break;
		case 'j':
			if ((rc = cli_parse_jobs(optarg, &opt->jobs)) !=
			    CLI_OK)
				return rc;
			break;
		case O_PROGRESS:
			opt->progress = 1;
			break;
		case 'q':
			opt->quiet = 1;
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
	if (opt->out == NULL)
		return cli_usage_error("no output folder: give -o DIR");
	return -1;
}

/*
 * The jobs: an item's files on a thread, its row on the main thread.
 */

/* A piece parsed (ok) or refused, on the thread that parsed it. */
static void
piece_parsed(struct run *r, unsigned long long seq, int ok)
{
	pthread_mutex_lock(&r->lock);
	if (!r->refused || seq < r->refused_seq) {
		if (!ok) {
			r->refused = 1;
			r->refused_seq = seq;
		} else {
			/* (Not a piece after the one refused: once that
			 * one is taken back, more may be cut before the
			 * main thread sees it, one in its slot.) */
			r->parsed[seq % r->ring] = 1;
			while (r->parsed[r->parsed_below % r->ring]) {
				r->parsed[r->parsed_below % r->ring] = 0;
				r->parsed_below++;
			}
		}
	}
	if (r->waiting > 0)
		pthread_cond_broadcast(&r->parsed_more);
	pthread_mutex_unlock(&r->lock);
}

/*
 * On a thread, once the job of piece seq has parsed it: whether the job
 * will be taken back, every piece before it parsed; 0 once one of them is
 * refused.  The wait is short, and ends: the pool starts its jobs in the
 * order given, so each piece before it not parsed yet is being parsed
 * now, and a parse waits for nothing.
 */
static int
will_stay(struct run *r, unsigned long long seq)
{
	int stay;

	pthread_mutex_lock(&r->lock);
	r->waiting++;
	while (r->parsed_below <= seq && !(r->refused &&
	    r->refused_seq < seq))
		pthread_cond_wait(&r->parsed_more, &r->lock);
	r->waiting--;
	stay = r->parsed_below > seq;
	pthread_mutex_unlock(&r->lock);
	return stay;
}

/*
 * On the main thread: whether a piece was refused; with wait, once every
 * piece cut is parsed or one is refused.
 */
static int
pieces_refused(struct run *r, int wait)
{
	int refused;

	pthread_mutex_lock(&r->lock);
	r->waiting++;
	while (wait && !r->refused && r->parsed_below < r->next_seq)
		pthread_cond_wait(&r->parsed_more, &r->lock);
	r->waiting--;
	refused = r->refused;
	pthread_mutex_unlock(&r->lock);
	return refused;
}

/* Once every job is taken back: the pieces from the next on. */
static void
pieces_restart(struct run *r)
{
	pthread_mutex_lock(&r->lock);
	memset(r->parsed, 0, r->ring);
	r->parsed_below = r->next_seq;
	r->refused = 0;
	pthread_mutex_unlock(&r->lock);
}

/* A failure of the job's item, noted for when it is taken back. */
static void
item_failed(struct job *j, const struct warta_error *err)
{
	if (j->path != NULL)
		cli_note(&j->h.notes, j->name, "%s: %s", j->path,
		    err->message);
	else
		cli_note(&j->h.notes, j->name, "item %lu: %s", j->count,
		    err->message);
	j->failed = 1;
}

static void
run_job(void *job, unsigned thread, void *arg)
{
	struct job *j = job;
	struct run *r = arg;
	struct warta_error err;
	int piece = j->piece.bytes.len > 0;

	(void)thread;
	if (piece) {
		if (newsml_held_parse(&j->piece, &j->doc, NULL) != 1) {
			j->parse_failed = 1;
			piece_parsed(r, j->seq, 0);
			return;
		}
		piece_parsed(r, j->seq, 1);
	}
	if (j->doc == NULL)
		return;
	warta_error_clear(&err);
	if (html_item_make(j->doc, GENERATOR, &j->item, &err) != WARTA_OK)
		item_failed(j, &err);
	else if ((!piece || will_stay(r, j->seq)) &&
	    html_item_write(html_site_tree(r->site), &j->item, &err) !=
	    WARTA_OK)
		item_failed(j, &err);
	/* Freed here, not on the main thread: its time is the reading's. */
	xmlFreeDoc(j->doc);
	j->doc = NULL;
}

/*
 * A job taken back, in the order read: the main thread's notes, then the
 * item's, and its row.  A job after a piece refused is dropped: it wrote
 * nothing (will_stay()).
 */
static void
take_back(void *arg, struct jobs_job *h)
{
	struct run *r = arg;
	struct job *j = (struct job *)h;
	struct warta_error err;

	cli_show_notes(&h->notes, 0, h->notes_before);
	if (j->read_failed)
		r->failed = 1;
	if (!h->has_item || r->redo)
		return;		/* a job after a piece refused: dropped */
	if (j->parse_failed) {
		r->redo = 1;
		r->redo_from = j->piece.doc_start;
		r->redo_items = j->piece.doc_items;
		r->redo_written = j->count - 1;
		return;
	}
	cli_show_notes(&h->notes, h->notes_before, h->notes.len);
	if (j->failed) {
		r->failed = 1;
		r->failed_items++;
		return;
	}
	warta_error_clear(&err);
	if (!r->site_failed && html_site_add(r->site, &j->item, &err) !=
	    WARTA_OK) {
		cli_warn_at(r->opt.out, "%s", err.message);
		r->site_failed = 1;
	}
	r->items++;
}

static void
reset_job(struct jobs_job *h, int free_too)
{
	struct job *j = (struct job *)h;

	xmlFreeDoc(j->doc);
	j->doc = NULL;
	/* An item's bytes are kept for the next, unless they were many:
	 * every job of the pool would end up holding the largest. */
	newsml_held_clear(&j->piece, free_too);
	free(j->path);
	j->path = NULL;
	j->parse_failed = 0;
	j->read_failed = j->failed = 0;
	if (free_too)
		html_item_release(&j->item);
}

/* A failure the main thread met ("PATH: MESSAGE" when path is given),
 * noted in its place among the items'. */
static void
note_failure(struct run *r, const char *what, const char *path,
    const char *msg)
{
	struct job *j = (struct job *)jobs_current(r->jobs);

	/* Stopped by a signal: what failed then failed because of it. */
	if (stop_signal)
		return;

	if (path != NULL)
		jobs_note(r->jobs, what, "%s: %s", path, msg);
	else
		jobs_note(r->jobs, what, "%s", msg);
	if (j != NULL)
		j->read_failed = 1;
	else
		r->failed = 1;
}

/* An item read: handed to the pool.  name lives as long as the run. */
static void
submit(struct run *r, xmlDocPtr doc, const char *name, const char *path,
    unsigned long count, size_t bytes)
{
	struct job *j = (struct job *)jobs_current(r->jobs);

	if (j == NULL || (path != NULL && (j->path = strdup(path)) ==
	    NULL)) {
		cli_warn_at(name, "item %lu: out of memory", count);
		r->failed = 1;
		xmlFreeDoc(doc);
		return;
	}
	j->doc = doc;
	j->name = name;
	j->count = count;
	jobs_submit(r->jobs, 1, bytes);
}

static void
on_signal(int sig)
{
	stop_signal = sig;
}

static void
catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a read waiting on a pipe or a terminal ends with
	 * EINTR, and the loop sees the flag. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Whether to go on reading: no signal, the site not failed. */
static int
going_on(const struct run *r)
{
	return !stop_signal && !r->site_failed;
}

/*
 * The inputs.
 */

/*
 * The reader from where fp stands; or, reread, from the stream's offset
 * from (fp's position origin + from) on, the items up to written already
 * taken back and skipped.
 */
static void
read_file(struct run *r, FILE *fp, const char *name, int reread,
    long long origin, long long from, unsigned long items_before,
    unsigned long written)
{
	struct newsml_reader *rd;
	struct warta_error err;
	xmlDocPtr doc;
	long long at = from, now;
	int rc;

	warta_error_clear(&err);
	rd = reread ? newsml_reader_resume(fp, name, origin, from,
	    items_before, &err) : newsml_reader_new(fp, name, &err);
	if (rd == NULL) {
		note_failure(r, name, NULL, err.message);
		return;
	}
	while (going_on(r) && (rc = newsml_reader_next(rd, &doc,
	    &err)) != 0) {
		if (rc < 0) {
			note_failure(r, name, NULL, err.message);
			break;
		}
		/* The item's bytes in the stream, for the pool's bound. */
		now = newsml_reader_offset(rd);
		if (newsml_reader_count(rd) <= written)
			xmlFreeDoc(doc);
		else
			submit(r, doc, name, NULL, newsml_reader_count(rd),
			    now > at ? (size_t)(now - at) : 0);
		at = now;
		progress_update(r->progress, r->items, r->bytes +
		    (unsigned long long)now);
	}
	r->bytes += (unsigned long long)newsml_reader_offset(rd);
	newsml_reader_free(rd);
}

/* An item cut by the split, handed to the pool to parse. */
static int
submit_piece(struct run *r, const struct newsml_piece *p, const char *name)
{
	struct job *j = (struct job *)jobs_current(r->jobs);

	if (j == NULL || newsml_hold(&j->piece, p) != WARTA_OK)
		return -1;
	j->seq = r->next_seq++;
	j->name = name;
	j->count = p->count;
	jobs_submit(r->jobs, 1, p->len);
	return 0;
}

/*
 * A stream: cut into its items, or read by the reader (see the head of
 * the file).  name lives as long as the run: the jobs of its items keep
 * it.
 */
static void
html_stream(struct run *r, FILE *fp, const char *name)
{
	struct newsml_split *sp;
	struct newsml_piece p;
	struct warta_error err;
	long long origin, from, end;
	unsigned long before, written = 0;
	int rc = -1;

	warta_error_clear(&err);
	if (!file_rereadable(fp, &origin) ||
	    (sp = newsml_split_new(fp, &err)) == NULL) {
		read_file(r, fp, name, 0, 0, 0, 0, 0);
		return;
	}
	while (going_on(r) && !pieces_refused(r, 0) &&
	    (rc = newsml_split_next(sp, &p)) == 1) {
		if (submit_piece(r, &p, name) != 0) {
			rc = -1;
			break;
		}
		written = p.count;
		progress_update(r->progress, r->items, r->bytes +
		    (unsigned long long)newsml_split_offset(sp));
	}
	from = newsml_split_resume(sp, &before);
	end = newsml_split_offset(sp);
	newsml_split_free(sp);
	/*
	 * Before the file is left, every piece of it parsed: one refused
	 * sends the reader back into it, once every job is taken back (the
	 * jobs after it dropped).  The jobs of a file that parsed go on
	 * while the next is cut.
	 */
	if (pieces_refused(r, 1)) {
		jobs_finish(r->jobs);
		pieces_restart(r);
		from = r->redo_from;
		before = r->redo_items;
		written = r->redo_written;
		r->redo = 0;
		rc = -1;
	}
	if (!going_on(r))
		return;
	if (rc == 0) {
		r->bytes += (unsigned long long)end;
		return;
	}
	read_file(r, fp, name, 1, origin, from, before, written);
}

/* One entry of a bundle: its item, or a message. */
static void
bundle_item(struct run *r, const struct wbuf *data, const char *bundle,
    const char *path)
{
	struct newsml_reader *rd;
	struct warta_error err;
	xmlDocPtr doc = NULL;
	FILE *fp;
	int rc;

	warta_error_clear(&err);
	if ((fp = fmemopen(data->data, data->len, "rb")) == NULL) {
		note_failure(r, bundle, path, strerror(errno));
		return;
	}
	rd = newsml_reader_new(fp, path, &err);
	rc = rd != NULL ? newsml_reader_next(rd, &doc, &err) : -1;
	newsml_reader_free(rd);
	fclose(fp);
	if (rc < 0)
		note_failure(r, bundle, path, err.message);
	else if (rc == 0)
		note_failure(r, bundle, path,
		    "empty, not a NewsML-G2 item");
	else
		submit(r, doc, bundle, path, 0, data->len);
}

static void
html_bundle(struct run *r, const char *bundle)
{
	struct bag_limits limits;
	struct bag_reader *br;
	struct bag_entry e;
	struct warta_error err;
	struct wbuf data = WBUF_INIT;
	sigset_t old;
	int rc;

	bag_limits_default(&limits);
	limits.threads = r->opt.jobs;
	warta_error_clear(&err);
	cli_block_signals(&old);
	br = bag_reader_open(bundle, &limits, &err);
	cli_restore_signals(&old);
	if (br == NULL) {
		note_failure(r, bundle, NULL, err.message);
		return;
	}
	while (going_on(r) && (rc = bag_reader_next(br, &e, &err)) != 0) {
		progress_update(r->progress, r->items, r->bytes +
		    bag_reader_file_bytes(br));
		if (rc < 0) {
			note_failure(r, bundle, NULL, err.message);
			break;
		}
		if (rc == BAG_ENTRY_REFUSED) {
			note_failure(r, bundle, e.archive_path,
			    err.message);
			continue;
		}
		if (rc == BAG_ENTRY_OUTSIDE || !select_item_path(e.path))
			continue;
		wbuf_reset(&data);
		if (bag_reader_read(br, &data, &err) != WARTA_OK) {
			note_failure(r, bundle, e.path, err.message);
			break;
		}
		bundle_item(r, &data, bundle, e.path);
	}
	r->bytes += bag_reader_file_bytes(br);
	bag_reader_free(br);
	wbuf_release(&data);
}

static void
html_path(struct run *r, const char *path)
{
	unsigned char head[SNIFF_HEAD];
	size_t len;
	FILE *fp;

	/* Standard input is a stream: a bundle comes through
	 * warta-unpack, or by its name. */
	if (strcmp(path, "-") == 0) {
		html_stream(r, stdin, "<stdin>");
		return;
	}
	if (sniff_read_head(path, head, sizeof(head), &len) != 0) {
		note_failure(r, path, NULL, strerror(errno));
		return;
	}
	if (len > 0 && !sniff_xml(head, len) &&
	    sniff_archive(head, len) != SNIFF_UNKNOWN) {
		html_bundle(r, path);
		return;
	}
	if ((fp = fopen(path, "rb")) == NULL) {
		note_failure(r, path, NULL, strerror(errno));
		return;
	}
	html_stream(r, fp, path);
	if (ferror(fp))
		r->failed = 1;
	fclose(fp);
}

static int
start(struct run *r)
{
	struct warta_error err;
	struct jobs_ops ops;
	sigset_t old;

	/* libxml2 sets up its globals once, here, before any thread could
	 * race to do it. */
	xmlInitParser();
	warta_error_clear(&err);
	if ((r->site = html_site_new(r->opt.out, GENERATOR, &err)) == NULL) {
		cli_warn("%s", err.message);
		return CLI_USAGE;
	}
	memset(&ops, 0, sizeof(ops));
	ops.size = sizeof(struct job);
	ops.run = run_job;
	ops.take_back = take_back;
	ops.reset = reset_job;
	ops.arg = r;
	cli_block_signals(&old);
	r->jobs = jobs_new(r->opt.jobs, &ops, &err);
	cli_restore_signals(&old);
	if (r->jobs == NULL) {
		cli_warn("%s", err.message);
		return CLI_SOME_FAILED;
	}
	r->ring = jobs_capacity(r->jobs);
	if ((r->parsed = calloc(r->ring, 1)) == NULL) {
		cli_warn("out of memory");
		return CLI_SOME_FAILED;
	}
	return -1;
}

int
main(int argc, char **argv)
{
	struct run r;
	struct warta_error err;
	int i, rc;

	cli_set_name(PROG);
	catch_signals();
	memset(&r, 0, sizeof(r));
	pthread_mutex_init(&r.lock, NULL);
	pthread_cond_init(&r.parsed_more, NULL);
	if ((rc = parse_options(argc, argv, &r.opt)) >= 0 ||
	    (rc = start(&r)) >= 0)
		goto out;
	if ((r.progress = progress_new(PROG, STDERR_FILENO,
	    progress_wanted(r.opt.progress, r.opt.quiet))) != NULL)
		progress_total(r.progress, 0, progress_inputs_size(optind,
		    argc, argv));
	if (optind == argc)
		html_path(&r, "-");
	for (i = optind; i < argc && going_on(&r); i++)
		html_path(&r, argv[i]);
	jobs_finish(r.jobs);
	progress_end(r.progress);
	if (stop_signal) {
		/* Nothing half made is left: the site's folder goes. */
		int sig = stop_signal;

		jobs_free(r.jobs);
		html_site_free(r.site);
		signal(sig, SIG_DFL);
		raise(sig);
		return 128 + sig;
	}
	warta_error_clear(&err);
	if (!r.site_failed && html_site_finish(r.site, &err) != WARTA_OK) {
		cli_warn_at(r.opt.out, "%s", err.message);
		r.site_failed = 1;
	}
	if (!r.opt.quiet || r.failed || r.site_failed)
		cli_warn("%lu %s in %s, %lu failed%s", r.items,
		    r.items == 1 ? "item" : "items", r.opt.out,
		    r.failed_items, r.site_failed ? "; no site written" : "");
	rc = cli_finish(r.failed || r.site_failed ? CLI_SOME_FAILED :
	    CLI_OK);
out:
	jobs_free(r.jobs);
	html_site_free(r.site);
	free(r.parsed);
	pthread_cond_destroy(&r.parsed_more);
	pthread_mutex_destroy(&r.lock);
	xmlCleanupParser();
	return rc;
}
