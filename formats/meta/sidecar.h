/*
 * meta/sidecar.h: the spreadsheet an archivist keeps beside a scanned
 * collection, one row per article, read whole for warta-meta.
 *
 * The file is RFC 4180 CSV (comma, double quotes, "" inside quotes, cells
 * that span lines) in UTF-8, with or without a byte order mark, or in
 * Windows-1252, which is what spreadsheet programs on Windows still save.
 * The first non-blank row names the columns: the field names below, in any
 * case, with '_' or ' ' for '-' ("Copyright Holder").  There must be a file
 * or a guid column; a column warta does not know is an error, so that a
 * typo never drops a field unnoticed.  Cells are kept as written; a cell of
 * nothing but white space is empty.  Blank rows, and rows whose cells are
 * all empty (spreadsheets export those), are skipped.
 *
 * Every problem is an error for the whole file, naming it and the line, so
 * that no item is changed from half a spreadsheet.
 */
#ifndef WARTA_SIDECAR_H
#define WARTA_SIDECAR_H

#include <stddef.h>

#include "base/limits.h"
#include "base/warta.h"

enum sidecar_field {
	SC_FILE, SC_GUID, SC_PROVIDER, SC_PROVIDER_NAME, SC_COPYRIGHT_HOLDER,
	SC_COPYRIGHT_NOTICE, SC_USAGE_TERMS, SC_SOURCE, SC_EDITION, SC_PAGE,
	SC_SECTION, SC_GENRE, SC_URGENCY, SC_PUBSTATUS, SC_HEADLINE, SC_BYLINE,
	SC_DATE, SC_LANGUAGE, SC_SUBJECT, SC_KEYWORD, SC_NOTE,
	SC_NFIELDS
};

/* The column name of f ("provider-name"), or NULL when f is out of range. */
const char *sidecar_field_name(enum sidecar_field f);

struct sidecar_row {
	/* NUL-terminated UTF-8; NULL when the column is absent or the cell
	 * empty.  A file cell may be a path: it matches by its last part. */
	const char *value[SC_NFIELDS];
	long line;	/* the physical line (1-based) where the row starts */
	int matched;	/* set by sidecar_match */
};

struct sidecar;

/*
 * Reads and checks the whole spreadsheet at path.  Every row has a file or
 * a guid; no two rows have the same guid or the same file name.  Returns
 * NULL, with "PATH: line N: what" in err, on any problem.
 */
struct sidecar *sidecar_load(const char *path, struct warta_error *err);
void sidecar_free(struct sidecar *s);	/* sidecar_free(NULL) is a no-op */

size_t sidecar_rows(const struct sidecar *s);
/* Row i in file order, or NULL when i is past the end. */
struct sidecar_row *sidecar_row(struct sidecar *s, size_t i);

/*
 * The row for an item: by guid first, else by file name (the item's
 * itemMeta/fileName; only the last part of a path, after '/' or '\', is
 * compared, on both sides, byte for byte).  Marks it matched.  Either key
 * may be NULL.  NULL when no row fits.
 */
struct sidecar_row *sidecar_match(struct sidecar *s, const char *guid,
    const char *file_name);
/*
 * The same row, not marked: for a program that reads ahead of what it has
 * written (warta-meta -j) and marks the row itself, row->matched = 1, only
 * once the item is out, so that a run stopped early reports the rows as
 * far as it got.
 */
struct sidecar_row *sidecar_find(struct sidecar *s, const char *guid,
    const char *file_name);

#endif
