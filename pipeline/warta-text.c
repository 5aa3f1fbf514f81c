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
#include "newsml/read.h"
#include "base/warta.h"

#define PROG "warta-text"

struct run {
	struct wbuf text;
	unsigned long items;
	int failed;		/* an input could not be read */
	int write_failed;
	int write_errno;
};

static void
check_output(struct run *r)
{
	if (!r->write_failed && ferror(stdout)) {
		r->write_failed = 1;
		r->write_errno = errno != 0 ? errno : EIO;
	}
}

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
		fprintf(stderr, PROG ": %s: %s\n", file, err.message);
		r->failed = 1;
		return;
	}
	while (!r->write_failed && (rc = newsml_reader_next(rd, &item,
	    &err)) != 0) {
		if (rc < 0) {
			fprintf(stderr, PROG ": %s: %s\n", file, err.message);
			r->failed = 1;
			break;
		}
		wbuf_reset(&r->text);
		if (newsml_item_text(item, &r->text, &err) != WARTA_OK) {
			fprintf(stderr, PROG ": %s: item %lu: %s\n", file,
			    newsml_reader_count(rd), err.message);
			r->failed = 1;
		} else {
			if (r->items++ > 0)
				fputs("\f\n", stdout);
			if (r->text.len > 0)
				fwrite(r->text.data, 1, r->text.len, stdout);
			check_output(r);
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
		fprintf(stderr, PROG ": %s: %s\n", path, strerror(errno));
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
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct run r;
	int c, i;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
		case 'V':
			printf(PROG " %s\n", WARTA_VERSION);
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
		default:
			/* One line: what was wrong, and the synopsis. */
			if (strncmp(argv[optind - 1], "--", 2) == 0)
				fprintf(stderr, PROG ": bad option '%s' "
				    "(usage: " PROG " [file | -] ...)\n",
				    argv[optind - 1]);
			else
				fprintf(stderr, PROG ": bad option '-%c' "
				    "(usage: " PROG " [file | -] ...)\n",
				    optopt);
			return 2;
		}
	}

	memset(&r, 0, sizeof(r));
	wbuf_init(&r.text);
	if (optind == argc)
		text_path(&r, "-");
	for (i = optind; i < argc && !r.write_failed; i++)
		text_path(&r, argv[i]);
	errno = 0;
	if (fflush(stdout) != 0)
		check_output(&r);
	if (fclose(stdout) != 0 && !r.write_failed) {
		r.write_failed = 1;
		r.write_errno = errno != 0 ? errno : EIO;
	}
	if (r.write_failed)
		fprintf(stderr, PROG ": standard output: %s\n",
		    strerror(r.write_errno));
	wbuf_release(&r.text);
	xmlCleanupParser();
	return r.failed || r.write_failed ? 1 : 0;
}
