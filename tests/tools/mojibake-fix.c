/*
 * mojibake-fix: test driver for formats/mojibake.c.  Reads NUL-separated
 * UTF-8 records on standard input and writes each one repaired by
 * mojibake_fix, NUL-terminated, on standard output.  With -l, each record
 * goes through mojibake_restore_lost first, as in warta-normalize; without
 * it the repair is ftfy's fix_encoding alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "text/mojibake.h"
#include "base/warta.h"

static int
fix_record(struct mojibake *m, int lost, struct wbuf *in, struct wbuf *tmp,
    struct wbuf *out)
{
	wbuf_reset(out);
	if (lost) {
		wbuf_reset(tmp);
		if (mojibake_restore_lost(in->data, in->len, tmp, NULL) !=
		    WARTA_OK)
			return -1;
		in = tmp;
	}
	if (mojibake_fix(m, in->data, in->len, out, NULL) != WARTA_OK)
		return -1;
	if (out->len > 0 && fwrite(out->data, 1, out->len, stdout) != out->len)
		return -1;
	return putchar('\0') == EOF ? -1 : 0;
}

int
main(int argc, char **argv)
{
	struct warta_error err;
	struct mojibake *m;
	struct wbuf in = WBUF_INIT, tmp = WBUF_INIT, out = WBUF_INIT;
	int c, status = 0, pending = 0, lost = 0;

	if (argc == 2 && strcmp(argv[1], "-l") == 0)
		lost = 1;
	else if (argc != 1) {
		fprintf(stderr, "usage: mojibake-fix [-l]\n");
		return 2;
	}
	warta_error_clear(&err);
	if ((m = mojibake_new(&err)) == NULL) {
		fprintf(stderr, "mojibake-fix: %s\n", err.message);
		return 2;
	}
	while ((c = getchar()) != EOF) {
		if (c != '\0') {
			if (wbuf_putc(&in, c) != WARTA_OK) {
				status = 1;
				break;
			}
			pending = 1;
			continue;
		}
		if (fix_record(m, lost, &in, &tmp, &out) != 0) {
			status = 1;
			break;
		}
		wbuf_reset(&in);
		pending = 0;
	}
	/* a last record without its terminator still counts */
	if (status == 0 && pending && fix_record(m, lost, &in, &tmp, &out) != 0)
		status = 1;
	if (fflush(stdout) != 0 || ferror(stdout) || ferror(stdin)) {
		fprintf(stderr, "mojibake-fix: i/o error\n");
		status = 1;
	}
	wbuf_release(&in);
	wbuf_release(&tmp);
	wbuf_release(&out);
	mojibake_free(m);
	return status;
}
