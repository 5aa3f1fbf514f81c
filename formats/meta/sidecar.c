/*
 * meta/sidecar.c: the archivist's spreadsheet (see meta/sidecar.h), parsed by libcsv.
 *
 * libcsv does not count lines, so the text is fed to it one physical line
 * at a time: the callbacks then know the line they are on, and where the
 * row and the cell being parsed began, which is what an error must name
 * (a cell that spans lines, or a quote left open, starts before the line
 * where the parser notices).
 */
#include <csv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "base/file.h"
#include "base/hash.h"
#include "meta/sidecar.h"
#include "text/decode.h"

static const char *const field_names[SC_NFIELDS] = {
	"file", "guid", "provider", "provider-name", "copyright-holder",
	"copyright-notice", "usage-terms", "source", "edition", "page",
	"section", "genre", "urgency", "pubstatus", "headline", "byline",
	"date", "language", "subject", "keyword", "note",
};

/* libcsv grows its cell buffer by this much at a time (128 by default). */
#define CSV_BLOCK	4096
/* Cell text is kept in blocks of this size; a larger cell gets its own. */
#define ARENA_BLOCK	((size_t)64 << 10)

struct arena_block {
	struct arena_block *next;
	size_t used, cap;
	char data[];
};

struct sidecar {
	struct sidecar_row *rows;
	size_t nrows, cap;
	struct arena_block *arena;
	/* Open addressing: row index + 1, 0 for a free slot. */
	uint32_t *by_guid, *by_file;
	size_t mask;
};

/* The state of one sidecar_load, shared with the libcsv callbacks. */
struct load {
	struct sidecar *s;
	const char *path;
	struct warta_error *err;
	int failed;

	long line;		/* the physical line being parsed */
	long row_line;		/* where the current row began, 0 between */
	long field_line;	/* where the current cell began */
	size_t nfield;		/* cells so far in the current row */
	int nonblank;		/* the current row has a non-empty cell */

	int have_header;
	struct wbuf header;	/* the header's cells, each NUL-terminated */
	size_t ncols;
	enum sidecar_field col[SC_NFIELDS];

	struct sidecar_row cur;
};

const char *
sidecar_field_name(enum sidecar_field f)
{
	if ((unsigned)f >= SC_NFIELDS)
		return NULL;
	return field_names[f];
}

static char *
arena_copy(struct sidecar *s, const char *p, size_t n)
{
	struct arena_block *b = s->arena;
	char *q;

	if (b == NULL || b->cap - b->used < n + 1) {
		size_t cap = n + 1 > ARENA_BLOCK / 4 ? n + 1 : ARENA_BLOCK;

		if ((b = malloc(sizeof(*b) + cap)) == NULL)
			return NULL;
		b->cap = cap;
		b->used = 0;
		/* A cell with a block of its own goes behind the current
		 * block, which still has room for small ones. */
		if (cap != ARENA_BLOCK && s->arena != NULL) {
			b->next = s->arena->next;
			s->arena->next = b;
		} else {
			b->next = s->arena;
			s->arena = b;
		}
	}
	q = b->data + b->used;
	memcpy(q, p, n);
	q[n] = '\0';
	b->used += n + 1;
	return q;
}

/* Space, tab, or a line end inside quotes: a cell of only these is empty. */
static int
blank(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
			return 0;
	return 1;
}

/* The last part of a path, after '/' or '\' (spreadsheets made on
 * Windows write those). */
static const char *
base_name(const char *path)
{
	const char *p, *b = path;

	for (p = path; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			b = p + 1;
	return b;
}

static int
load_error(struct load *ld, long line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Fails the load with "PATH: line N: message" (no line when line is 0). */
static int
load_error(struct load *ld, long line, const char *fmt, ...)
{
	char msg[sizeof(ld->err->message)];
	va_list ap;

	ld->failed = 1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (line > 0)
		return warta_error_set(ld->err, -1, "%s: line %ld: %s",
		    ld->path, line, msg);
	return warta_error_set(ld->err, -1, "%s: %s", ld->path, msg);
}

/* The known column names, for the message about an unknown one. */
static void
known_columns(char *out, size_t size)
{
	size_t i, len = 0;

	out[0] = '\0';
	for (i = 0; i < SC_NFIELDS && len < size; i++) {
		int n = snprintf(out + len, size - len, "%s%s",
		    i > 0 ? ", " : "", field_names[i]);

		if (n < 0)
			break;
		len += (size_t)n;
	}
}

/* Column name as an archivist may write it, to the field's own name:
 * case, surrounding spaces, and '_' or ' ' for '-' do not count. */
static int
column_field(const char *name, enum sidecar_field *f)
{
	char norm[32];
	size_t n = strlen(name), i, k;

	while (n > 0 && (name[n - 1] == ' ' || name[n - 1] == '\t'))
		n--;
	while (n > 0 && (*name == ' ' || *name == '\t'))
		name++, n--;
	if (n == 0 || n >= sizeof(norm))
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c == '_' || c == ' ')
			c = '-';
		norm[i] = (char)ascii_lower(c);
	}
	norm[n] = '\0';
	for (k = 0; k < SC_NFIELDS; k++) {
		if (strcmp(norm, field_names[k]) == 0) {
			*f = (enum sidecar_field)k;
			return 1;
		}
	}
	return 0;
}

/* Checks the header's cells and maps each column to its field. */
static int
take_header(struct load *ld)
{
	const char *name = ld->header.data;
	int seen[SC_NFIELDS];
	size_t i, k;
	char known[256];

	for (k = 0; k < SC_NFIELDS; k++)
		seen[k] = 0;
	for (i = 0; i < ld->nfield; i++, name += strlen(name) + 1) {
		enum sidecar_field f;

		if (blank(name, strlen(name)))
			return load_error(ld, ld->row_line,
			    "column %zu has no name", i + 1);
		if (!column_field(name, &f)) {
			known_columns(known, sizeof(known));
			return load_error(ld, ld->row_line,
			    "unknown column '%.64s' (known: %s)", name, known);
		}
		if (seen[f])
			return load_error(ld, ld->row_line,
			    "duplicate column '%.64s' (columns %d and %zu)",
			    name, seen[f], i + 1);
		seen[f] = (int)i + 1;
		ld->col[i] = f;
	}
	if (!seen[SC_FILE] && !seen[SC_GUID])
		return load_error(ld, ld->row_line, "no file or guid column, "
		    "so no row can be matched to an item");
	ld->ncols = ld->nfield;
	ld->have_header = 1;
	wbuf_release(&ld->header);
	return WARTA_OK;
}

static int
cell_too_big(struct load *ld)
{
	return load_error(ld, ld->field_line, "a cell of more than %zu MiB%s",
	    LIMIT_SIDECAR_CELL >> 20, ld->field_line < ld->line ?
	    " starts here (an unbalanced quote?)" : "");
}

static void
on_cell(void *data, size_t n, void *arg)
{
	struct load *ld = arg;
	const char *p = data;

	if (ld->failed)
		return;
	if (ld->row_line == 0)	/* a row after a lone CR, on the same line */
		ld->row_line = ld->line;
	if (n > LIMIT_SIDECAR_CELL) {
		cell_too_big(ld);
		return;
	}
	/* The next cell starts right after this one's comma. */
	ld->field_line = ld->line;
	if (!blank(p, n))
		ld->nonblank = 1;
	if (!ld->have_header) {
		if (wbuf_append(&ld->header, p, n) != WARTA_OK ||
		    wbuf_putc(&ld->header, '\0') != WARTA_OK) {
			load_error(ld, 0, "out of memory");
			return;
		}
	} else if (ld->nfield < ld->ncols && !blank(p, n)) {
		const char *v = arena_copy(ld->s, p, n);

		if (v == NULL) {
			load_error(ld, 0, "out of memory");
			return;
		}
		ld->cur.value[ld->col[ld->nfield]] = v;
	}
	ld->nfield++;
}

static void
next_row(struct load *ld)
{
	memset(&ld->cur, 0, sizeof(ld->cur));
	wbuf_reset(&ld->header);
	ld->nfield = 0;
	ld->nonblank = 0;
	ld->row_line = ld->field_line = 0;
}

static void
take_row(struct load *ld)
{
	struct sidecar *s = ld->s;
	const char *file;

	if (ld->nfield != ld->ncols) {
		load_error(ld, ld->row_line, "%zu field%s, the header has %zu",
		    ld->nfield, ld->nfield == 1 ? "" : "s", ld->ncols);
		return;
	}
	file = ld->cur.value[SC_FILE];
	if (ld->cur.value[SC_GUID] == NULL && file == NULL) {
		load_error(ld, ld->row_line,
		    "neither a file nor a guid, so the row matches no item");
		return;
	}
	if (file != NULL && *base_name(file) == '\0') {
		load_error(ld, ld->row_line, "file '%.64s' has no file name",
		    file);
		return;
	}
	if (s->nrows == LIMIT_SIDECAR_ROWS) {
		load_error(ld, ld->row_line, "more than %d rows",
		    LIMIT_SIDECAR_ROWS);
		return;
	}
	if (s->nrows == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		struct sidecar_row *r = realloc(s->rows, cap * sizeof(*r));

		if (r == NULL) {
			load_error(ld, 0, "out of memory");
			return;
		}
		s->rows = r;
		s->cap = cap;
	}
	ld->cur.line = ld->row_line;
	ld->cur.matched = 0;
	s->rows[s->nrows++] = ld->cur;
}

static void
on_row(int c, void *arg)
{
	struct load *ld = arg;

	(void)c;
	if (ld->failed)
		return;
	/* A row of only empty cells is a blank line, whatever its commas. */
	if (ld->nonblank) {
		if (!ld->have_header)
			take_header(ld);
		else
			take_row(ld);
	}
	next_row(ld);
}

/* RFC 4180 has no optional white space around cells: a space is part of
 * the cell, and one before an opening quote makes it a stray quote. */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* The key of row r in a table: its guid, or its file's last part. */
static const char *
row_key(const struct sidecar_row *r, int by_file)
{
	if (by_file)
		return r->value[SC_FILE] ? base_name(r->value[SC_FILE]) : NULL;
	return r->value[SC_GUID];
}

/* The slot of key in table t: the row's, or the free one to fill. */
static size_t
slot(const struct sidecar *s, const uint32_t *t, int by_file,
    const char *key)
{
	size_t i = (size_t)fnv1a(FNV1A_INIT, key, strlen(key)) & s->mask;

	while (t[i] != 0 &&
	    strcmp(row_key(&s->rows[t[i] - 1], by_file), key) != 0)
		i = (i + 1) & s->mask;
	return i;
}

static int
index_rows(struct load *ld)
{
	struct sidecar *s = ld->s;
	size_t size = 16, i;

	while (size < 2 * s->nrows)
		size *= 2;
	s->mask = size - 1;
	if ((s->by_guid = calloc(size, sizeof(*s->by_guid))) == NULL ||
	    (s->by_file = calloc(size, sizeof(*s->by_file))) == NULL)
		return load_error(ld, 0, "out of memory");
	for (i = 0; i < s->nrows; i++) {
		const struct sidecar_row *r = &s->rows[i], *o;
		const char *key;
		size_t k;

		if ((key = row_key(r, 0)) != NULL) {
			k = slot(s, s->by_guid, 0, key);
			if (s->by_guid[k] != 0) {
				o = &s->rows[s->by_guid[k] - 1];
				return load_error(ld, r->line,
				    "guid '%.64s' is also on line %ld", key,
				    o->line);
			}
			s->by_guid[k] = (uint32_t)i + 1;
		}
		if ((key = row_key(r, 1)) != NULL) {
			k = slot(s, s->by_file, 1, key);
			if (s->by_file[k] != 0) {
				o = &s->rows[s->by_file[k] - 1];
				if (strcmp(o->value[SC_FILE],
				    r->value[SC_FILE]) == 0)
					return load_error(ld, r->line,
					    "file '%.64s' is also on line %ld",
					    key, o->line);
				return load_error(ld, r->line,
				    "file '%.64s' has the same name as '%.64s' "
				    "on line %ld", r->value[SC_FILE],
				    o->value[SC_FILE], o->line);
			}
			s->by_file[k] = (uint32_t)i + 1;
		}
	}
	return WARTA_OK;
}

/* Feeds text to libcsv a physical line (ended by LF, CRLF or CR) at a
 * time. */
static int
parse(struct load *ld, struct csv_parser *cp, const char *text)
{
	const char *p, *next;

	for (p = text; *p != '\0'; p = next) {
		size_t n = strcspn(p, "\r\n"), len, got;

		next = p + n;
		if (next[0] == '\r' && next[1] == '\n')
			next += 2;
		else if (next[0] != '\0')
			next++;
		len = (size_t)(next - p);
		ld->line++;
		if (ld->row_line == 0 && n > 0)
			ld->row_line = ld->field_line = ld->line;
		got = csv_parse(cp, p, len, on_cell, on_row, ld);
		if (ld->failed)
			return WARTA_FAILED;
		if (got < len) {
			if (csv_error(cp) != CSV_EPARSE)
				return load_error(ld, 0, "out of memory");
			if (ld->field_line < ld->line)
				return load_error(ld, ld->field_line,
				    "unbalanced quote: the quoted cell opened "
				    "here is still open on line %ld", ld->line);
			return load_error(ld, ld->line, "unbalanced quote "
			    "(a cell with a quote in it must be quoted, and "
			    "the quote doubled)");
		}
		/* libcsv grows a cell without bound: stop a runaway one (an
		 * unbalanced quote, mostly) here rather than at its end.  The
		 * buffer grows only when full, so it is never more than a
		 * block longer than the longest cell. */
		if (csv_get_buffer_size(cp) > LIMIT_SIDECAR_CELL + CSV_BLOCK)
			return cell_too_big(ld);
	}
	if (csv_fini(cp, on_cell, on_row, ld) != 0) {
		if (csv_error(cp) == CSV_EPARSE)
			return load_error(ld, ld->field_line, "unbalanced "
			    "quote: the quoted cell opened here never closes");
		return load_error(ld, 0, "out of memory");
	}
	if (ld->failed)
		return WARTA_FAILED;
	if (!ld->have_header)
		return load_error(ld, 0, "no header row");
	return WARTA_OK;
}

struct sidecar *
sidecar_load(const char *path, struct warta_error *err)
{
	struct load ld;
	struct wbuf raw = WBUF_INIT, text = WBUF_INIT;
	struct csv_parser cp;
	struct warta_error derr;
	enum text_encoding found;
	int cp_ready = 0;

	memset(&ld, 0, sizeof(ld));
	ld.path = path;
	ld.err = err;
	wbuf_init(&ld.header);
	if ((ld.s = calloc(1, sizeof(*ld.s))) == NULL) {
		load_error(&ld, 0, "out of memory");
		goto out;
	}
	if (file_read(path, LIMIT_SIDECAR_BYTES, &raw, err) != WARTA_OK) {
		ld.failed = 1;
		goto out;
	}
	warta_error_clear(&derr);
	if (text_decode((const unsigned char *)raw.data, raw.len, TEXT_AUTO,
	    &text, &found, &derr) != WARTA_OK) {
		load_error(&ld, 0, "%s", derr.message);
		goto out;
	}
	wbuf_release(&raw);
	if (csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI |
	    CSV_APPEND_NULL) != 0) {
		load_error(&ld, 0, "out of memory");
		goto out;
	}
	cp_ready = 1;
	csv_set_space_func(&cp, no_space);
	csv_set_blk_size(&cp, CSV_BLOCK);
	if (parse(&ld, &cp, text.data) != WARTA_OK)
		goto out;
	index_rows(&ld);
out:
	if (cp_ready)
		csv_free(&cp);
	wbuf_release(&raw);
	wbuf_release(&text);
	wbuf_release(&ld.header);
	if (ld.failed) {
		sidecar_free(ld.s);
		return NULL;
	}
	return ld.s;
}

void
sidecar_free(struct sidecar *s)
{
	struct arena_block *b, *next;

	if (s == NULL)
		return;
	for (b = s->arena; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(s->rows);
	free(s->by_guid);
	free(s->by_file);
	free(s);
}

size_t
sidecar_rows(const struct sidecar *s)
{
	return s->nrows;
}

struct sidecar_row *
sidecar_row(struct sidecar *s, size_t i)
{
	return i < s->nrows ? &s->rows[i] : NULL;
}

struct sidecar_row *
sidecar_match(struct sidecar *s, const char *guid, const char *file_name)
{
	struct sidecar_row *r = sidecar_find(s, guid, file_name);

	if (r != NULL)
		r->matched = 1;
	return r;
}

struct sidecar_row *
sidecar_find(struct sidecar *s, const char *guid, const char *file_name)
{
	struct sidecar_row *r = NULL;
	size_t k;

	if (guid != NULL && *guid != '\0') {
		k = slot(s, s->by_guid, 0, guid);
		if (s->by_guid[k] != 0)
			r = &s->rows[s->by_guid[k] - 1];
	}
	if (r == NULL && file_name != NULL && *base_name(file_name) != '\0') {
		file_name = base_name(file_name);
		k = slot(s, s->by_file, 1, file_name);
		if (s->by_file[k] != 0)
			r = &s->rows[s->by_file[k] - 1];
	}
	return r;
}
