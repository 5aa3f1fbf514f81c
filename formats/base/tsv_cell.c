/*
 * base/tsv_cell.c: TSV cells safe in a spreadsheet; see base/tsv_cell.h.
 */
#include <string.h>

#include "base/tsv_cell.h"
#include "base/warta.h"

int
tsv_cell_risky(const char *s)
{
	/* strchr() finds the NUL too: an empty value is not risky. */
	return *s != '\0' && strchr("=+-@' \t\r\n", *s) != NULL;
}

int
tsv_cell_put(struct wbuf *out, const char *s)
{
	size_t n;

	if (tsv_cell_risky(s) && wbuf_putc(out, '\'') != WARTA_OK)
		return WARTA_FAILED;
	/* A run at a time, each tab or line break a space: a byte at a
	 * time was half a percent of warta-pack's instructions. */
	for (;;) {
		n = strcspn(s, "\t\n\r");
		if (wbuf_append(out, s, n) != WARTA_OK)
			return WARTA_FAILED;
		if (s[n] == '\0')
			return WARTA_OK;
		if (wbuf_putc(out, ' ') != WARTA_OK)
			return WARTA_FAILED;
		s += n + 1;
	}
}

const char *
tsv_cell_value(const char *s)
{
	return *s == '\'' && tsv_cell_risky(s + 1) ? s + 1 : s;
}
