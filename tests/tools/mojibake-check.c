/*
 * mojibake-check: reads text on standard input and prints each line that
 * formats/mojibake.c still finds bad ("line N: ..."); exits 1 when there
 * is one.  The corpus test runs normalized bodies through it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "text/mojibake.h"
#include "base/warta.h"

int
main(void)
{
	struct warta_error err;
	struct mojibake *m;
	struct wbuf line = WBUF_INIT;
	unsigned long lineno = 0, bad = 0;
	int c;

	warta_error_clear(&err);
	if ((m = mojibake_new(&err)) == NULL) {
		fprintf(stderr, "mojibake-check: %s\n", err.message);
		return 2;
	}
	do {
		c = getchar();
		if (c != '\n' && c != EOF) {
			if (wbuf_putc(&line, c) != WARTA_OK)
				return 2;
			continue;
		}
		if (c == EOF && line.len == 0)
			break;
		lineno++;
		if (line.len > 0 && mojibake_is_bad(m, line.data, line.len)) {
			printf("line %lu: %.*s\n", lineno, (int)line.len,
			    line.data);
			bad++;
		}
		wbuf_reset(&line);
	} while (c != EOF);
	wbuf_release(&line);
	mojibake_free(m);
	return bad > 0 ? 1 : 0;
}
