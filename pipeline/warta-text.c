/*
 * warta-text: the text of NewsML-G2 items, back out of the stream.
 *
 * Each item's text (newsml_item_text: the headline, then the paragraphs of
 * the body, a blank line between) goes to standard output; a line holding
 * only a form feed stands between items.  A file that cannot be read is
 * reported and the rest go on; the exit status says so at the end.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "base/buf.h"
#include "base/warta.h"
#include "newsml/read.h"
#include "cli.h"
#include "progress.h"

#define PROG "warta-text"

struct run {
	struct wbuf text;
	unsigned long items;
	int failed;		/* an input could not be read */
	struct progress *progress;
	unsigned long long bytes;	/* of the inputs read whole */
};

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: " PROG " [-q] [--progress] [file | -] ...\n"
	    "Prints the text of each NewsML-G2 item read from the files (or\n"
	    "standard input): the headline and the paragraphs of the body, a\n"
	    "blank line between paragraphs, a form feed line between items.\n"
	    "\n"
	    "      --progress show progress on standard error, even when it\n"
	    "                 is not a terminal\n"
	    "  -q, --quiet    no progress\n"
	    "  -h, --help     this help\n"
	    "  -V, --version  the version\n");
}

static void
text_file(struct run *r, FILE *fp, const char *file)
{
	struct newsml_reader *rd;
	struct warta_error err;
	xmlDocPtr item;
	int rc;

	warta_error_clear(&err);
	if ((rd = newsml_reader_new(fp, file, &err)) == NULL) {
		cli_warn_at(file, "%s", err.message);
		r->failed = 1;
		return;
	}
	while (!cli_stdout_failed() && (rc = newsml_reader_next(rd, &item,
	    &err)) != 0) {
		if (rc < 0) {
			cli_warn_at(file, "%s", err.message);
			r->failed = 1;
			break;
		}
		wbuf_reset(&r->text);
		if (newsml_item_text(item, &r->text, &err) != WARTA_OK) {
			cli_warn_at(file, "item %lu: %s",
			    newsml_reader_count(rd), err.message);
			r->failed = 1;
		} else {
			if (r->items++ > 0)
				fputs("\f\n", stdout);
			if (r->text.len > 0)
				fwrite(r->text.data, 1, r->text.len, stdout);
			/* Now, while errno still says why a write failed. */
			(void)cli_stdout_failed();
		}
		xmlFreeDoc(item);
		progress_update(r->progress, r->items, r->bytes +
		    (unsigned long long)newsml_reader_offset(rd));
	}
	r->bytes += (unsigned long long)newsml_reader_offset(rd);
	newsml_reader_free(rd);
}

static void
text_path(struct run *r, const char *path)
{
	FILE *fp;

	if (strcmp(path, "-") == 0) {
		text_file(r, stdin, "<stdin>");
		return;
	}
	if ((fp = fopen(path, "rb")) == NULL) {
		cli_warn_at(path, "%s", strerror(errno));
		r->failed = 1;
		return;
	}
	text_file(r, fp, path);
	if (ferror(fp)) {
		/* The reader has reported it already. */
		r->failed = 1;
	}
	fclose(fp);
}

/* Returns -1 to go on, or the exit status. */
static int
parse_options(int argc, char **argv, int *show)
{
	enum { O_PROGRESS = 256 };
	static const struct option longopts[] = {
		{ "progress", no_argument, NULL, O_PROGRESS },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c, force = 0, quiet = 0;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":qhV", longopts, NULL)) != -1) {
		switch (c) {
		case O_PROGRESS:
			force = 1;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			usage(stdout);
			cli_exit_help();
		case 'V':
			cli_exit_version();
		default:
			return cli_bad_option(argv, optind, optopt);
		}
	}
	*show = progress_wanted(force, quiet);
	return -1;
}

int
main(int argc, char **argv)
{
	struct run r;
	int i, rc, show = 0;

	cli_set_name(PROG);
	if ((rc = parse_options(argc, argv, &show)) >= 0)
		return rc;
	memset(&r, 0, sizeof(r));
	wbuf_init(&r.text);
	if ((r.progress = progress_new(PROG, STDERR_FILENO, show)) != NULL)
		progress_total(r.progress, 0, progress_inputs_size(optind,
		    argc, argv));
	if (optind == argc)
		text_path(&r, "-");
	for (i = optind; i < argc && !cli_stdout_failed(); i++)
		text_path(&r, argv[i]);
	progress_end(r.progress);
	wbuf_release(&r.text);
	xmlCleanupParser();
	return cli_finish(r.failed ? CLI_SOME_FAILED : CLI_OK);
}
