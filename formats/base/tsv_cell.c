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
	if (tsv_cell_risky(s) && wbuf_putc(out, '\'') != WARTA_OK)
		return WARTA_FAILED;
	for (; *s != '\0'; s++)
		if (wbuf_putc(out, *s == '\t' || *s == '\n' || *s == '\r' ?
		    ' ' : *s) != WARTA_OK)
			return WARTA_FAILED;
	return WARTA_OK;
}

const char *
tsv_cell_value(const char *s)
{
	return *s == '\'' && tsv_cell_risky(s + 1) ? s + 1 : s;
}
