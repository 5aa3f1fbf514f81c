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

#include <libxml/parser.h>

#include "base/buf.h"
#include "base/warta.h"
#include "newsml/read.h"
#include "cli.h"

#define PROG "warta-text"

struct run {
	struct wbuf text;
	unsigned long items;
	int failed;		/* an input could not be read */
};

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: " PROG " [file | -] ...\n"
	    "Prints the text of each NewsML-G2 item read from the files (or\n"
	    "standard input): the headline and the paragraphs of the body, a\n"
	    "blank line between paragraphs, a form feed line between items.\n"
	    "\n"
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
	}
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

int
main(int argc, char **argv)
{
	struct run r;
	int i, rc;

	cli_set_name(PROG);
	if ((rc = cli_only_help_version(argc, argv, usage, 0)) >= 0)
		return rc;
	memset(&r, 0, sizeof(r));
	wbuf_init(&r.text);
	if (optind == argc)
		text_path(&r, "-");
	for (i = optind; i < argc && !cli_stdout_failed(); i++)
		text_path(&r, argv[i]);
	wbuf_release(&r.text);
	xmlCleanupParser();
	return cli_finish(r.failed ? CLI_SOME_FAILED : CLI_OK);
}
