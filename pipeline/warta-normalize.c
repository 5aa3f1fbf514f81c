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
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article/article.h"
#include "article/item.h"
#include "article/wordlist.h"
#include "base/buf.h"
#include "base/clock.h"
#include "base/digest.h"
#include "base/size.h"
#include "base/walk.h"
#include "base/warta.h"
#include "input/input.h"
#include "newsml/write.h"
#include "text/clean.h"
#include "text/decode.h"
#include "text/mojibake.h"
#include "cli.h"
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
	int quiet;
	int progress;
};

struct run {
	struct options opt;
	char now[WARTA_NOW_SIZE];
	struct mojibake *mojibake;
	struct wordlist *words;
	struct newsml_stream *stream;
	struct input_limits limits;
	struct wbuf decoded, repaired, cleaned, item, guid;
	unsigned long normalized, rejected, skipped;
	int write_failed;
	struct progress *progress;
	unsigned long long bytes;	/* of the inputs read whole */
};

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: " PROG " [-q] [-f format] [-e encoding] [-l lang] [-p domain] "
	    "[-s size]\n"
	    "       [file | dir | -] ...\n"
	    "Reads raw news articles (plain text, HTML, NITF, SGML, WARC, or zip\n"
	    "and tar deliveries of them; directories are walked in sorted order)\n"
	    "and writes NewsML-G2 news items to standard output.\n"
	    "\n"
	    "  -f, --format NAME    auto (default), text, html, nitf, sgml, warc,\n"
	    "                       archive (zip, tar)\n"
	    "  -e, --encoding NAME  text encoding: auto (default), utf-8,\n"
	    "                       utf-16, windows-1252, iso-8859-1, iso-8859-15\n"
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
repair(struct run *r, struct warta_error *err)
{
	unsigned fixes = 0;

	wbuf_reset(&r->repaired);
	wbuf_reset(&r->cleaned);
	/* Mojibake first: its patterns are the raw decoded characters, and
	 * what it repairs may need the cleaning steps (a no-break space from
	 * "Â ", a C1 control from a Java-style encoder).  Before it, the
	 * last bytes of closing quotes an earlier decoder lost are put back
	 * (in cleaned, free until text_clean), so that it repairs them too. */
	if (mojibake_restore_lost(r->decoded.data, r->decoded.len,
	    &r->cleaned, NULL) != WARTA_OK ||
	    mojibake_fix(r->mojibake, r->cleaned.data, r->cleaned.len,
	    &r->repaired, &fixes) != WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	wbuf_reset(&r->cleaned);
	if (text_clean(r->repaired.data, r->repaired.len, &r->cleaned) !=
	    WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	return WARTA_OK;
}

/* The article's text as UTF-8 in r->decoded: decoded from its bytes for
 * plain text, as the markup gave it otherwise. */
static int
decode(struct run *r, const struct input_article *in,
    enum text_encoding *found, struct warta_error *err)
{
	size_t skip;

	wbuf_reset(&r->decoded);
	if (in->text == NULL)
		return text_decode(in->original, in->original_len,
		    r->opt.encoding, &r->decoded, found, err);
	*found = TEXT_UTF8;
	skip = input_headline_len(in);
	if (wbuf_append(&r->decoded, in->text + skip, in->text_len - skip) !=
	    WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	return WARTA_OK;
}

static int
normalize_one(struct run *r, const struct input_article *in)
{
	struct warta_error err;
	struct article *a = NULL;
	struct newsml_item_info info;
	struct newsml_content content;
	enum text_encoding found = TEXT_AUTO;
	char sha[SHA256_HEX_LEN + 1], day[11];
	size_t i;

	warta_error_clear(&err);
	if (decode(r, in, &found, &err) != WARTA_OK)
		goto fail;
	if (repair(r, &err) != WARTA_OK)
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
	if (layout_paragraphs(a, r->cleaned.data, r->cleaned.len, &err) !=
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
	wbuf_reset(&r->guid);
	if (newsml_make_guid(&r->guid, r->opt.provider,
	    day[0] != '\0' ? day : NULL, sha) != WARTA_OK ||
	    wbuf_putc(&r->guid, '\0') != WARTA_OK) {
		warta_error_set(&err, -1, "out of memory");
		goto fail;
	}

	memset(&info, 0, sizeof(info));
	info.guid = r->guid.data;
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

	wbuf_reset(&r->item);
	if (newsml_item_write(&r->item, &info, &content, &err) != WARTA_OK)
		goto fail;
	if (newsml_stream_item(r->stream, r->item.data, r->item.len, &err) !=
	    WARTA_OK) {
		cli_stdout_error(err.message);
		r->write_failed = 1;
		article_free(a);
		return -1;
	}
	if (!r->opt.quiet)
		for (i = 0; i < a->nwarnings; i++)
			cli_warn_at(in->where, "warning: %s", a->warnings[i]);
	article_free(a);
	r->normalized++;
	return 0;
fail:
	cli_warn_at(in->where, "%s", err.message);
	article_free(a);
	r->rejected++;
	return -1;
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
	int rc;

	warta_error_clear(&err);
	if ((reader = input_open(fd, file, name_in_item, r->opt.format,
	    &r->limits, &err)) == NULL) {
		cli_warn_at(file, "%s", err.message);
		r->rejected++;
		return;
	}
	if (st != NULL && !input_is_container(reader) &&
	    st->st_size > r->opt.max_size) {
		cli_warn_at(file, "%lld bytes, larger than the size bound of "
		    "%lld bytes (see --max-size)", (long long)st->st_size,
		    r->opt.max_size);
		r->rejected++;
		input_close(reader);
		return;
	}
	while (!r->write_failed &&
	    (rc = input_next(reader, &in, &err)) != 0) {
		if (rc > 0) {
			normalize_one(r, &in);
			articles += in.original_len;
			if (r->progress != NULL)
				progress_update(r->progress, r->normalized +
				    r->rejected, r->bytes + taken(fd,
				    articles));
			continue;
		}
		cli_warn_at(file, "%s", err.message);
		r->rejected++;
		if (rc < -1)
			break;
	}
	r->skipped += input_skipped(reader);
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
		cli_warn_at(path, "%s", strerror(errno));
		r->rejected++;
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
		cli_warn_at(path, "%s", message);
		r->rejected++;
	} else if (!r->opt.quiet)
		cli_warn_at(path, "warning: %s", message);
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
		{ "quiet", no_argument, NULL, 'q' },
		{ "progress", no_argument, NULL, O_PROGRESS },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	unsigned long long size;
	int c;

	opt->format = INPUT_AUTO;
	opt->encoding = TEXT_AUTO;
	opt->provider = DEFAULT_PROVIDER;
	opt->lang = NULL;
	opt->max_size = DEFAULT_MAX_SIZE;
	opt->quiet = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:e:l:p:s:qhV", longopts, NULL)) !=
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

/* The clock, the repair tables and the stream; -1 to go on. */
static int
start(struct run *r)
{
	struct warta_error err;

	warta_error_clear(&err);
	if (warta_now(r->now, &err) != WARTA_OK)
		return cli_bad_value("%s", err.message);
	if ((r->mojibake = mojibake_new(&err)) == NULL ||
	    (r->words = wordlist_new(&err)) == NULL) {
		cli_warn("%s", err.message);
		return CLI_SOME_FAILED;
	}
	if ((r->stream = newsml_stream_new(stdout, r->now)) == NULL) {
		cli_warn("out of memory");
		return CLI_SOME_FAILED;
	}
	return -1;
}

int
main(int argc, char **argv)
{
	struct run r;
	int rc;

	cli_set_name(PROG);
	memset(&r, 0, sizeof(r));
	wbuf_init(&r.decoded);
	wbuf_init(&r.repaired);
	wbuf_init(&r.cleaned);
	wbuf_init(&r.item);
	wbuf_init(&r.guid);
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
	newsml_stream_free(r.stream);
	mojibake_free(r.mojibake);
	wordlist_free(r.words);
	wbuf_release(&r.decoded);
	wbuf_release(&r.repaired);
	wbuf_release(&r.cleaned);
	wbuf_release(&r.item);
	wbuf_release(&r.guid);
	return rc;
}
