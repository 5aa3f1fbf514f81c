/*
 * warta-meta: metadata for NewsML-G2 items, from options, from an
 * archivist's spreadsheet and from the text itself.
 *
 * Reads the stream item by item and writes it back the same way: one
 * item alone, several in one newsMessage.  Every value is checked before
 * the first item is read, so a bad option or a bad spreadsheet stops the
 * run with nothing written.  An item comes out with a new version only
 * when something in it changed, so running the same command twice changes
 * nothing the second time.
 *
 * With -j N the items are done on N threads (jobs.h): the stream is cut
 * here, on the main thread, into its items' bytes (newsml/split.h), each
 * item a job; a thread parses its item, finds its spreadsheet row and what
 * the text names, edits the item, serializes it and notes its messages in
 * the job; the main thread takes the jobs back in the order read, writes
 * them, shows the messages and counts.  The item's tree is made, used and
 * freed on one thread: parsed on the main thread and copied (as
 * newsml_reader does), the main thread was a third of the work, and the
 * trees freed on the others contended for its malloc arena, so that -j 2
 * gained 10%.
 *
 * Where the split is not sure (a stream that is not well-formed, in
 * another encoding, cut short, read from a pipe) newsml_reader reads the
 * rest of the input from the start of the document in doubt, the items of
 * it already written skipped, and says what is wrong in its own words:
 * the output and the messages are the same either way.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "article/lexicon.h"
#include "base/buf.h"
#include "base/clock.h"
#include "base/file.h"
#include "meta/meta.h"
#include "newsml/edit.h"
#include "newsml/read.h"
#include "newsml/split.h"
#include "newsml/write.h"
#include "meta/sidecar.h"
#include "base/warta.h"
#include "base/workpool.h"
#include "cli.h"
#include "jobs.h"
#include "progress.h"

#define PROG "warta-meta"
#define AGENT PROG " " WARTA_VERSION
/* Unmatched spreadsheet rows named one by one, before a count. */
#define UNMATCHED_SHOWN 10

struct options {
	struct meta_change set;		/* from the command line */
	struct wbuf subjects, keywords;	/* repeatable options, ';'-joined */
	const char *sidecar_path;
	const char *vocab_path;
	unsigned jobs;
	int find;
	int quiet;
	int progress;
};

/*
 * One item (or none: only the main thread's notes), what applies to it
 * and what became of it.
 */
struct job {
	struct jobs_job h;
	xmlDocPtr doc;			/* the job's until done; or NULL */
	struct newsml_held piece;	/* or the item's bytes, to parse */
	int parse_failed;		/* the reader must take over */
	const char *name;		/* its input, for messages */
	unsigned long count;		/* its number in its input */
	struct sidecar_row *row;	/* its spreadsheet row, or NULL */
	struct meta_change c;
	int change_failed;
	struct wbuf before, after;	/* snapshots, then the item out */
	struct wbuf subjects, keywords;	/* the joined lists of c */
	int read_failed;		/* what the main thread noted failed */
	int failed, changed, ready;
	struct meta_found found;
};

struct run {
	struct options opt;
	struct sidecar *sidecar;
	struct vocab *vocab;
	struct lexicon *lexicon;	/* for --no-find, NULL */
	struct newsml_stream *stream;
	char now[WARTA_NOW_SIZE];
	struct jobs *jobs;
	struct meta_found found;
	unsigned long items, changed, unmatched_items;
	int failed;
	int write_failed;
	struct progress *progress;
	unsigned long long bytes;	/* of the inputs read whole */
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
	    "usage: " PROG " [options] [file | -] ...\n"
	    "Adds and corrects the metadata of NewsML-G2 items read from the\n"
	    "files (or standard input) and writes them to standard output.\n"
	    "\n"
	    "  --provider URI           provider (a URI, or a domain name)\n"
	    "  --provider-name NAME     provider's name\n"
	    "  --copyright-holder NAME  --copyright-notice TEXT\n"
	    "  --usage-terms TEXT       --source NAME (source publication)\n"
	    "  --edition TEXT           --page N      --section NAME\n"
	    "  --genre QCODE            --urgency 1-9\n"
	    "  --pubstatus usable|withheld|canceled\n"
	    "  --headline TEXT          --byline TEXT\n"
	    "  --date YYYY-MM-DD        content date (or a date-time with zone)\n"
	    "  --language TAG           BCP 47 (id, en-GB)\n"
	    "  --subject medtop:CODE    a Media Topic (repeatable)\n"
	    "  --keyword WORD           a keyword (repeatable)\n"
	    "  --note TEXT              an editorial note\n"
	    "  --sidecar FILE.csv       a spreadsheet, one row per article\n"
	    "  --vocab FILE.tsv         the Media Topics subjects must be in\n"
	    "  --no-find                do not look for people, places, ... in\n"
	    "                           the text\n"
	    "  -j, --jobs N             items done on N threads (default: the\n"
	    "                           cores); the output is the same\n"
	    "      --progress           show progress on standard error, even\n"
	    "                           when it is not a terminal\n"
	    "  -q, --quiet              no progress and no summary on standard\n"
	    "                           error\n"
	    "  -h, --help               this help\n"
	    "  -V, --version            the version\n");
}

/* Adds a value of a repeatable option to its ';'-separated list. */
static int
add_to_list(struct wbuf *list, const char *value)
{
	if ((list->len > 0 && wbuf_putc(list, ';') != WARTA_OK) ||
	    wbuf_puts(list, value) != WARTA_OK)
		return -1;
	return 0;
}

/* The long options that set a field are the sidecar's column names. */
#define FIELD_OPT(f)	(256 + (int)(f))
enum { OPT_SIDECAR = 512, OPT_VOCAB, OPT_NO_FIND, OPT_PROGRESS };

static int
parse_options(int argc, char **argv, struct options *opt)
{
	static struct option longopts[SC_NFIELDS + 9];
	int c, n = 0, f, rc;

	for (f = SC_PROVIDER; f < SC_NFIELDS; f++) {
		longopts[n].name = sidecar_field_name((enum sidecar_field)f);
		longopts[n].has_arg = required_argument;
		longopts[n].flag = NULL;
		longopts[n++].val = FIELD_OPT(f);
	}
	longopts[n++] = (struct option){ "sidecar", required_argument, NULL,
	    OPT_SIDECAR };
	longopts[n++] = (struct option){ "vocab", required_argument, NULL,
	    OPT_VOCAB };
	longopts[n++] = (struct option){ "no-find", no_argument, NULL,
	    OPT_NO_FIND };
	longopts[n++] = (struct option){ "progress", no_argument, NULL,
	    OPT_PROGRESS };
	longopts[n++] = (struct option){ "jobs", required_argument, NULL, 'j' };
	longopts[n++] = (struct option){ "quiet", no_argument, NULL, 'q' };
	longopts[n++] = (struct option){ "help", no_argument, NULL, 'h' };
	longopts[n++] = (struct option){ "version", no_argument, NULL, 'V' };
	longopts[n] = (struct option){ NULL, 0, NULL, 0 };

	opt->find = 1;
	opt->jobs = workpool_cores();
	if (opt->jobs > CLI_JOBS_MAX)
		opt->jobs = CLI_JOBS_MAX;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":j:qhV", longopts, NULL)) != -1) {
		if (c >= FIELD_OPT(SC_PROVIDER) && c < FIELD_OPT(SC_NFIELDS)) {
			f = c - FIELD_OPT(0);
			if (f == SC_SUBJECT || f == SC_KEYWORD) {
				if (add_to_list(f == SC_SUBJECT ?
				    &opt->subjects : &opt->keywords,
				    optarg) != 0) {
					cli_warn("out of memory");
					return CLI_SOME_FAILED;
				}
			} else
				opt->set.value[f] = optarg;
			continue;
		}
		switch (c) {
		case OPT_SIDECAR:
			opt->sidecar_path = optarg;
			break;
		case OPT_VOCAB:
			opt->vocab_path = optarg;
			break;
		case OPT_NO_FIND:
			opt->find = 0;
			break;
		case OPT_PROGRESS:
			opt->progress = 1;
			break;
		case 'j':
			if ((rc = cli_parse_jobs(optarg, &opt->jobs)) != CLI_OK)
				return rc;
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
	if (opt->subjects.len > 0)
		opt->set.value[SC_SUBJECT] = opt->subjects.data;
	if (opt->keywords.len > 0)
		opt->set.value[SC_KEYWORD] = opt->keywords.data;
	return -1;
}

/*
 * Everything given is checked before the first item is read: the
 * options, the vocabulary and every cell of the spreadsheet.
 */
static int
check_everything(struct run *r)
{
	struct warta_error err;
	struct sidecar_row *row;
	size_t i;
	int f;

	warta_error_clear(&err);
	if (r->opt.vocab_path != NULL &&
	    (r->vocab = vocab_load(r->opt.vocab_path, &err)) == NULL) {
		cli_warn("%s", err.message);
		return CLI_USAGE;
	}
	if (r->opt.find && (r->lexicon = lexicon_new(&err)) == NULL) {
		cli_warn("%s", err.message);
		return CLI_SOME_FAILED;
	}
	for (f = SC_PROVIDER; f < SC_NFIELDS; f++)
		if (meta_check((enum sidecar_field)f, r->opt.set.value[f],
		    r->vocab, &err) != WARTA_OK) {
			cli_warn("--%s: %s",
			    sidecar_field_name((enum sidecar_field)f),
			    err.message);
			return CLI_USAGE;
		}
	if (r->opt.sidecar_path == NULL)
		return -1;
	if ((r->sidecar = sidecar_load(r->opt.sidecar_path, &err)) == NULL) {
		cli_warn("%s", err.message);
		return CLI_USAGE;
	}
	for (i = 0; (row = sidecar_row(r->sidecar, i)) != NULL; i++)
		for (f = SC_PROVIDER; f < SC_NFIELDS; f++)
			if (meta_check((enum sidecar_field)f, row->value[f],
			    r->vocab, &err) != WARTA_OK) {
				cli_warn_at(r->opt.sidecar_path, "line %ld: "
				    "%s: %s", row->line,
				    sidecar_field_name((enum sidecar_field)f),
				    err.message);
				return CLI_USAGE;
			}
	return -1;
}

/* A problem with the item of job j, noted for when it is taken back. */
static void
item_error(struct job *j, const char *msg)
{
	cli_note(&j->h.notes, j->name, "item %lu: %s", j->count, msg);
	j->failed = 1;
}

/* Joins a list of the options with a list of the row (either NULL). */
static const char *
join_lists(struct wbuf *b, const char *a, const char *c)
{
	if (a == NULL || c == NULL)
		return a != NULL ? a : c;
	wbuf_reset(b);
	if (wbuf_puts(b, a) != WARTA_OK || wbuf_putc(b, ';') != WARTA_OK ||
	    wbuf_puts(b, c) != WARTA_OK)
		return NULL;
	return b->data;
}

/*
 * What applies to one item: the options, with the cells of its
 * spreadsheet row over them; subjects and keywords of both are added.
 * On any thread: the row is looked up here, and marked matched only when
 * the item is taken back, on the main thread.
 */
static int
change_for(const struct run *r, struct job *j, xmlNodePtr item)
{
	struct meta_change *c = &j->c;
	struct sidecar_row *row;
	xmlChar *guid;
	char *file;
	int f;

	*c = r->opt.set;
	if (r->sidecar == NULL)
		return 0;
	guid = xmlGetProp(item, (const xmlChar *)"guid");
	file = g2_text(g2_child(g2_child(item, "itemMeta"), "fileName"));
	row = j->row = sidecar_find(r->sidecar, (const char *)guid, file);
	xmlFree(guid);
	xmlFree(file);
	if (row == NULL)
		return 0;
	for (f = SC_PROVIDER; f < SC_NFIELDS; f++)
		if (row->value[f] != NULL && f != SC_SUBJECT &&
		    f != SC_KEYWORD)
			c->value[f] = row->value[f];
	c->value[SC_KEYWORD] = join_lists(&j->keywords,
	    r->opt.set.value[SC_KEYWORD], row->value[SC_KEYWORD]);
	c->value[SC_SUBJECT] = join_lists(&j->subjects,
	    r->opt.set.value[SC_SUBJECT], row->value[SC_SUBJECT]);
	if ((r->opt.set.value[SC_KEYWORD] != NULL &&
	    c->value[SC_KEYWORD] == NULL) ||
	    (r->opt.set.value[SC_SUBJECT] != NULL &&
	    c->value[SC_SUBJECT] == NULL))
		return -1;
	return 0;
}

/*
 * One item, on any thread: what it reads of r is read only (the options,
 * the vocabulary, the lexicon, the clock), what it writes is j's.
 */
static void
meta_item(const struct run *r, struct job *j)
{
	struct warta_error err;
	xmlNodePtr item = xmlDocGetRootElement(j->doc);

	warta_error_clear(&err);
	/* What meta can change, before and after: not the whole item. */
	if (meta_snapshot(item, &j->before) != 0) {
		item_error(j, "out of memory");
	} else if (j->change_failed) {
		item_error(j, "out of memory");
	} else if (meta_apply(item, &j->c, r->vocab, &err) != WARTA_OK ||
	    (r->opt.find && meta_find(r->lexicon, item, r->vocab, &j->found,
	    &err) != WARTA_OK)) {
		/* Only an item with no itemMeta, or memory running out,
		 * gets here: reported, and written as it stands (never
		 * dropped), without a new version. */
		item_error(j, err.message);
	} else if (meta_snapshot(item, &j->after) != 0) {
		item_error(j, "out of memory");
	} else if (j->after.len != j->before.len ||
	    memcmp(j->after.data, j->before.data, j->before.len) != 0) {
		if (meta_bump_version(item, r->now, AGENT, &err) != WARTA_OK)
			item_error(j, err.message);
		else
			j->changed = 1;
	}
	wbuf_reset(&j->after);
	if (g2_serialize(item, &j->after) != 0)
		item_error(j, "out of memory");
	else
		j->ready = 1;
	/* Freed here, not on the main thread: its time is the reading's. */
	xmlFreeDoc(j->doc);
	j->doc = NULL;
}

static int change_for(const struct run *r, struct job *j,
    xmlNodePtr item);

static void
run_job(void *job, unsigned thread, void *arg)
{
	const struct run *r = arg;
	struct job *j = job;

	(void)thread;
	if (j->piece.bytes.len > 0) {
		if (newsml_held_parse(&j->piece, &j->doc, NULL) != 1) {
			j->parse_failed = 1;
			return;
		}
		if (change_for(r, j, xmlDocGetRootElement(j->doc)) != 0)
			j->change_failed = 1;
	}
	if (j->doc != NULL)
		meta_item(r, j);
}

static void
add_found(struct meta_found *to, const struct meta_found *f)
{
	to->people += f->people;
	to->orgs += f->orgs;
	to->places += f->places;
	to->subjects += f->subjects;
	to->summaries += f->summaries;
}

/*
 * A job taken back, in the order read: the main thread's notes, then the
 * item's, its counts, and the item out.  Once standard output has
 * failed, nothing more is shown or counted, as one thread would have
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
	/* The main thread's notes before the item stand, whatever becomes
	 * of it: an input that could not be opened, say. */
	cli_show_notes(&h->notes, 0, h->notes_before);
	if (j->read_failed)
		r->failed = 1;
	if (!h->has_item || r->redo)
		return;		/* a job after a piece refused: read again */
	if (j->parse_failed) {
		r->redo = 1;
		r->redo_from = j->piece.doc_start;
		r->redo_items = j->piece.doc_items;
		r->redo_written = j->count - 1;
		return;
	}
	if (j->row != NULL)
		j->row->matched = 1;
	else if (r->sidecar != NULL)
		r->unmatched_items++;
	cli_show_notes(&h->notes, h->notes_before, h->notes.len);
	if (j->failed)
		r->failed = 1;
	r->items++;
	if (j->changed)
		r->changed++;
	add_found(&r->found, &j->found);
	warta_error_clear(&err);
	if (j->ready && newsml_stream_item(r->stream, j->after.data,
	    j->after.len, &err) != WARTA_OK) {
		cli_stdout_error(err.message);
		r->write_failed = 1;
	}
}

static void
reset_job(struct jobs_job *h, int free_too)
{
	struct job *j = (struct job *)h;
	struct wbuf *b[] = { &j->before, &j->after, &j->subjects,
	    &j->keywords };
	size_t i;

	xmlFreeDoc(j->doc);
	j->doc = NULL;
	/* An item's bytes are kept for the next, unless they were many:
	 * every job of the pool would end up holding the largest. */
	newsml_held_clear(&j->piece, free_too);
	j->parse_failed = 0;
	j->row = NULL;
	j->change_failed = j->read_failed = 0;
	j->failed = j->changed = j->ready = 0;
	memset(&j->found, 0, sizeof(j->found));
	for (i = 0; i < sizeof(b) / sizeof(b[0]); i++)
		if (free_too)
			wbuf_release(b[i]);
		else
			wbuf_reset(b[i]);
}

/* A failure the main thread met, noted in its place among the items'. */
static void
note_failure(struct run *r, const char *what, const char *msg)
{
	struct job *j = (struct job *)jobs_current(r->jobs);

	jobs_note(r->jobs, what, "%s", msg);
	if (j != NULL)
		j->read_failed = 1;
	else
		r->failed = 1;
}

/* An item read: what applies to it, in a job handed to the pool. */
static void
submit(struct run *r, xmlDocPtr doc, const char *name, unsigned long count,
    size_t bytes)
{
	struct job *j = (struct job *)jobs_current(r->jobs);

	if (j == NULL) {
		cli_warn_at(name, "item %lu: out of memory", count);
		r->failed = 1;
		xmlFreeDoc(doc);
		return;
	}
	j->doc = doc;
	j->name = name;
	j->count = count;
	if (change_for(r, j, xmlDocGetRootElement(doc)) != 0)
		j->change_failed = 1;
	jobs_submit(r->jobs, 1, bytes);
}

/*
 * The reader from where fp stands; or, reread, from the stream's offset
 * from (fp's position origin + from) on, the items up to written already
 * out and skipped.  name lives as long as the run: the jobs of its items
 * keep it.
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
		note_failure(r, name, err.message);
		return;
	}
	while (!r->write_failed &&
	    (rc = newsml_reader_next(rd, &doc, &err)) != 0) {
		if (rc < 0) {
			note_failure(r, name, err.message);
			break;
		}
		/* The item's bytes in the stream, for the pool's bound. */
		now = newsml_reader_offset(rd);
		if (newsml_reader_count(rd) <= written)
			xmlFreeDoc(doc);
		else
			submit(r, doc, name, newsml_reader_count(rd),
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
	j->name = name;
	j->count = p->count;
	jobs_submit(r->jobs, 1, p->len);
	return 0;
}

static void
meta_file(struct run *r, FILE *fp, const char *name)
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
	while (!r->write_failed && !r->redo &&
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
	/* Every job of the file taken back, before the file is closed: one
	 * of them may send the reader back into it. */
	jobs_finish(r->jobs);
	if (r->write_failed)
		return;
	if (rc == 0 && !r->redo) {
		r->bytes += (unsigned long long)end;
		return;
	}
	if (r->redo) {
		from = r->redo_from;
		before = r->redo_items;
		written = r->redo_written;
		r->redo = 0;
	}
	read_file(r, fp, name, 1, origin, from, before, written);
}

static void
meta_path(struct run *r, const char *path)
{
	FILE *fp;

	if (strcmp(path, "-") == 0) {
		meta_file(r, stdin, "<stdin>");
		return;
	}
	if ((fp = fopen(path, "rb")) == NULL) {
		note_failure(r, path, strerror(errno));
		return;
	}
	meta_file(r, fp, path);
	fclose(fp);
}

static const char *
plural(unsigned long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void
report_sidecar(struct run *r)
{
	struct sidecar_row *row;
	unsigned long matched = 0, unmatched = 0;
	size_t i;

	for (i = 0; (row = sidecar_row(r->sidecar, i)) != NULL; i++) {
		if (row->matched) {
			matched++;
			continue;
		}
		if (++unmatched <= UNMATCHED_SHOWN)
			cli_warn_at(r->opt.sidecar_path, "line %ld: no item "
			    "has this %s", row->line,
			    row->value[SC_GUID] != NULL ? "guid" :
			    "file name");
	}
	cli_warn("sidecar: %lu %s matched, %lu %s matched no "
	    "item, %lu %s matched no row", matched, plural(matched, "row",
	    "rows"), unmatched, plural(unmatched, "row", "rows"),
	    r->unmatched_items, plural(r->unmatched_items, "item", "items"));
}

static void
report_counts(const struct run *r)
{
	cli_warn("%lu %s, %lu changed; found %lu %s, %lu %s, %lu %s, %lu %s, "
	    "%lu %s", r->items, plural(r->items, "item", "items"), r->changed,
	    r->found.people, plural(r->found.people, "person", "people"),
	    r->found.orgs, plural(r->found.orgs, "organization",
	    "organizations"), r->found.places, plural(r->found.places,
	    "place", "places"), r->found.subjects,
	    plural(r->found.subjects, "subject", "subjects"),
	    r->found.summaries, plural(r->found.summaries, "summary",
	    "summaries"));
}

/*
 * The clock, every value given, and the stream.  Returns -1 to go on, or
 * the exit status.
 */
static int
start(struct run *r)
{
	struct warta_error err;
	struct jobs_ops ops;
	int rc;

	warta_error_clear(&err);
	if (warta_now(r->now, &err) != WARTA_OK) {
		cli_warn("%s", err.message);
		return CLI_USAGE;
	}
	if ((rc = check_everything(r)) >= 0)
		return rc;
	/* libxml2 sets up its globals once, here, before any thread could
	 * race to do it. */
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
meta_inputs(struct run *r, int first, int argc, char **argv)
{
	struct warta_error err;
	int i;

	if (first == argc)
		meta_path(r, "-");
	for (i = first; i < argc && !r->write_failed; i++)
		meta_path(r, argv[i]);
	jobs_finish(r->jobs);
	warta_error_clear(&err);
	if (!r->write_failed &&
	    newsml_stream_finish(r->stream, &err) != WARTA_OK) {
		cli_stdout_error(err.message);
		r->write_failed = 1;
	}
}

int
main(int argc, char **argv)
{
	struct run r;
	int rc;

	cli_set_name(PROG);
	memset(&r, 0, sizeof(r));
	wbuf_init(&r.opt.subjects);
	wbuf_init(&r.opt.keywords);
	if ((rc = parse_options(argc, argv, &r.opt)) >= 0 ||
	    (rc = start(&r)) >= 0)
		goto out;
	if ((r.progress = progress_new(PROG, STDERR_FILENO,
	    progress_wanted(r.opt.progress, r.opt.quiet))) != NULL)
		progress_total(r.progress, 0, progress_inputs_size(optind,
		    argc, argv));
	meta_inputs(&r, optind, argc, argv);
	progress_end(r.progress);
	rc = cli_finish(r.failed || r.write_failed ? CLI_SOME_FAILED :
	    CLI_OK);
	if (r.sidecar != NULL)
		report_sidecar(&r);
	if (!r.opt.quiet || rc != CLI_OK)
		report_counts(&r);
out:
	jobs_free(r.jobs);
	newsml_stream_free(r.stream);
	sidecar_free(r.sidecar);
	vocab_free(r.vocab);
	lexicon_free(r.lexicon);
	wbuf_release(&r.opt.subjects);
	wbuf_release(&r.opt.keywords);
	xmlCleanupParser();
	return rc;
}
