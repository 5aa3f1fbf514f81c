/*
 * mojibake-fix: test driver for formats/mojibake.c.  Reads NUL-separated
 * UTF-8 records on standard input and writes each one repaired by
 * mojibake_fix, NUL-terminated, on standard output.
 */
#include <stdio.h>
#include <stdlib.h>

#include "base/buf.h"
#include "text/mojibake.h"
#include "base/warta.h"

static int
fix_record(struct mojibake *m, struct wbuf *in, struct wbuf *out)
{
	wbuf_reset(out);
	if (mojibake_fix(m, in->data, in->len, out, NULL) != WARTA_OK)
		return -1;
	if (out->len > 0 && fwrite(out->data, 1, out->len, stdout) != out->len)
		return -1;
	return putchar('\0') == EOF ? -1 : 0;
}

int
main(void)
{
	struct warta_error err;
	struct mojibake *m;
	struct wbuf in = WBUF_INIT, out = WBUF_INIT;
	int c, status = 0, pending = 0;

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
		if (fix_record(m, &in, &out) != 0) {
			status = 1;
			break;
		}
		wbuf_reset(&in);
		pending = 0;
	}
	/* a last record without its terminator still counts */
	if (status == 0 && pending && fix_record(m, &in, &out) != 0)
		status = 1;
	if (fflush(stdout) != 0 || ferror(stdout) || ferror(stdin)) {
		fprintf(stderr, "mojibake-fix: i/o error\n");
		status = 1;
	}
	wbuf_release(&in);
	wbuf_release(&out);
	mojibake_free(m);
	return status;
}
