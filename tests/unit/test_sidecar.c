/*
 * test_sidecar.c: the archivist's spreadsheet: encodings, RFC 4180 quoting,
 * the header, every error with its exact message and line, and matching.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <cmocka.h>

#include "meta/sidecar.h"

#define KNOWN "file, guid, provider, provider-name, copyright-holder, " \
	"copyright-notice, usage-terms, source, edition, page, section, " \
	"genre, urgency, pubstatus, headline, byline, date, language, " \
	"subject, keyword, note"

static char tmp_path[64];

/* Writes n bytes to a new temporary file, named in tmp_path. */
static void
write_tmp(const char *data, size_t n)
{
	const char *dir = getenv("TMPDIR");
	FILE *fp;
	int fd;

	snprintf(tmp_path, sizeof(tmp_path), "%s/sidecar.XXXXXX",
	    dir != NULL && strlen(dir) < 40 ? dir : "/tmp");
	assert_true((fd = mkstemp(tmp_path)) >= 0);
	assert_non_null(fp = fdopen(fd, "wb"));
	if (n > 0)
		assert_int_equal(fwrite(data, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

static struct sidecar *
load_n(const char *csv, size_t n, struct warta_error *err)
{
	struct sidecar *s;

	write_tmp(csv, n);
	warta_error_clear(err);
	s = sidecar_load(tmp_path, err);
	unlink(tmp_path);
	return s;
}

static struct sidecar *
load(const char *csv)
{
	struct warta_error err;
	struct sidecar *s = load_n(csv, strlen(csv), &err);

	if (s == NULL)
		fail_msg("%s", err.message);
	return s;
}

/* Loading fails with "TMPFILE: " followed by exactly want. */
static void
fails_n(const char *csv, size_t n, const char *want)
{
	struct warta_error err;
	struct sidecar *s = load_n(csv, n, &err);
	size_t plen = strlen(tmp_path);

	if (s != NULL) {
		sidecar_free(s);
		fail_msg("loaded, expected '%s'", want);
	}
	if (strncmp(err.message, tmp_path, plen) != 0 ||
	    strncmp(err.message + plen, ": ", 2) != 0)
		fail_msg("message does not name the file: '%s'", err.message);
	assert_string_equal(err.message + plen + 2, want);
}

static void
fails(const char *csv, const char *want)
{
	fails_n(csv, strlen(csv), want);
}

static void
assert_str_or_null(const char *got, const char *want)
{
	if (want == NULL) {
		if (got != NULL)
			fail_msg("expected NULL, got '%s'", got);
		return;
	}
	if (got == NULL)
		fail_msg("expected '%s', got NULL", want);
	assert_string_equal(got, want);
}

/* Row i has line line, file and headline. */
static void
row_is(struct sidecar *s, size_t i, long line, const char *file,
    const char *headline)
{
	struct sidecar_row *r = sidecar_row(s, i);

	assert_non_null(r);
	assert_int_equal(r->line, line);
	assert_str_or_null(r->value[SC_FILE], file);
	assert_str_or_null(r->value[SC_HEADLINE], headline);
}

static void
test_field_names(void **state)
{
	static const char *const names[SC_NFIELDS] = {
		"file", "guid", "provider", "provider-name",
		"copyright-holder", "copyright-notice", "usage-terms",
		"source", "edition", "page", "section", "genre", "urgency",
		"pubstatus", "headline", "byline", "date", "language",
		"subject", "keyword", "note",
	};
	int i;

	(void)state;
	for (i = 0; i < SC_NFIELDS; i++)
		assert_string_equal(sidecar_field_name((enum sidecar_field)i),
		    names[i]);
	assert_null(sidecar_field_name(SC_NFIELDS));
	sidecar_free(NULL);
}

static void
test_utf8(void **state)
{
	struct sidecar *s;

	(void)state;
	s = load("file,headline,byline\n"
	    "p1.txt,Kemnaker gelar pelatihan,Anwar Sanusi\n"
	    "p2.txt,Café “dibuka” — 2021 😀,Heru Wibowo\n");
	assert_int_equal(sidecar_rows(s), 2);
	row_is(s, 0, 2, "p1.txt", "Kemnaker gelar pelatihan");
	row_is(s, 1, 3, "p2.txt", "Café “dibuka” — 2021 😀");
	assert_string_equal(sidecar_row(s, 1)->value[SC_BYLINE], "Heru Wibowo");
	assert_null(sidecar_row(s, 2));
	sidecar_free(s);
}

static void
test_utf8_bom(void **state)
{
	struct sidecar *s;

	(void)state;
	/* The BOM is not part of the first column's name. */
	s = load("\xEF\xBB\xBF" "file,headline\np1.txt,Café\n");
	assert_int_equal(sidecar_rows(s), 1);
	row_is(s, 0, 2, "p1.txt", "Café");
	sidecar_free(s);
}

static void
test_windows_1252(void **state)
{
	struct sidecar *s;

	(void)state;
	s = load("file,headline,note\n"
	    "p1.txt,Caf\xE9 dibuka,\x93Kutipan\x94 \x96 \x80" "5\n");
	row_is(s, 0, 2, "p1.txt", "Café dibuka");
	assert_string_equal(sidecar_row(s, 0)->value[SC_NOTE],
	    "“Kutipan” – €5");
	sidecar_free(s);
}

static void
test_crlf(void **state)
{
	struct sidecar *s;

	(void)state;
	s = load("file,headline,page\r\n"
	    "p1.txt,Satu,1\r\n"
	    "\r\n"
	    "p2.txt,\"Dua\r\nbaris\",2\r\n"
	    "p3.txt,Tiga,3\r\n");
	assert_int_equal(sidecar_rows(s), 3);
	row_is(s, 0, 2, "p1.txt", "Satu");
	assert_string_equal(sidecar_row(s, 0)->value[SC_PAGE], "1");
	/* A line end inside quotes is the cell's own. */
	row_is(s, 1, 4, "p2.txt", "Dua\r\nbaris");
	assert_string_equal(sidecar_row(s, 1)->value[SC_PAGE], "2");
	row_is(s, 2, 6, "p3.txt", "Tiga");
	assert_string_equal(sidecar_row(s, 2)->value[SC_PAGE], "3");
	sidecar_free(s);

	/* Old Mac line ends count as lines too. */
	s = load("file,headline\rp1.txt,Satu\r\rp2.txt,Dua\r");
	row_is(s, 0, 2, "p1.txt", "Satu");
	row_is(s, 1, 4, "p2.txt", "Dua");
	sidecar_free(s);
}

static void
test_quoted(void **state)
{
	struct sidecar *s;

	(void)state;
	s = load("file,headline,note\n"
	    "\"p1.txt\",\"Jakarta, Semarang, dan Solo\","
	    "\"kata \"\"Anwar\"\"\"\n"
	    "p2.txt,\"baris satu\n"
	    "baris dua, dengan koma\n"
	    "\"\"baris\"\" tiga\",\"\"\n"
	    "\"p3\n.txt\",Tiga,\n"
	    "p4.txt,Empat,\"a\"\"\"\n"
	    "p5.txt,\"\",\"\"\"\"\n");
	assert_int_equal(sidecar_rows(s), 5);
	row_is(s, 0, 2, "p1.txt", "Jakarta, Semarang, dan Solo");
	assert_string_equal(sidecar_row(s, 0)->value[SC_NOTE],
	    "kata \"Anwar\"");
	row_is(s, 1, 3, "p2.txt",
	    "baris satu\nbaris dua, dengan koma\n\"baris\" tiga");
	assert_null(sidecar_row(s, 1)->value[SC_NOTE]);
	/* Line numbers stay right after cells that span lines. */
	row_is(s, 2, 6, "p3\n.txt", "Tiga");
	row_is(s, 3, 8, "p4.txt", "Empat");
	assert_string_equal(sidecar_row(s, 3)->value[SC_NOTE], "a\"");
	row_is(s, 4, 9, "p5.txt", NULL);
	assert_string_equal(sidecar_row(s, 4)->value[SC_NOTE], "\"");
	sidecar_free(s);
}

static void
test_header_variants(void **state)
{
	struct sidecar *s;
	struct sidecar_row *r;

	(void)state;
	s = load("  File ,GUID,Provider Name,copyright_holder,"
	    "\"Copyright Notice\",USAGE-TERMS,\tPubStatus\t,provider,source,"
	    "edition,page,section,genre,urgency,headline,byline,date,"
	    "language,subject,keyword,note\n"
	    "a.txt,g1,Antara,Perum LKBN Antara,(c) 2021,arsip saja,usable,"
	    "http://antaranews.com,Antara,pagi,3,Ekonomi,Berita,4,Judul,"
	    "Budi,2021-08-10,id,medtop:20000763,kerja;pelatihan,catatan\n");
	r = sidecar_row(s, 0);
	assert_string_equal(r->value[SC_FILE], "a.txt");
	assert_string_equal(r->value[SC_GUID], "g1");
	assert_string_equal(r->value[SC_PROVIDER_NAME], "Antara");
	assert_string_equal(r->value[SC_COPYRIGHT_HOLDER], "Perum LKBN Antara");
	assert_string_equal(r->value[SC_COPYRIGHT_NOTICE], "(c) 2021");
	assert_string_equal(r->value[SC_USAGE_TERMS], "arsip saja");
	assert_string_equal(r->value[SC_PUBSTATUS], "usable");
	assert_string_equal(r->value[SC_PROVIDER], "http://antaranews.com");
	assert_string_equal(r->value[SC_SOURCE], "Antara");
	assert_string_equal(r->value[SC_EDITION], "pagi");
	assert_string_equal(r->value[SC_PAGE], "3");
	assert_string_equal(r->value[SC_SECTION], "Ekonomi");
	assert_string_equal(r->value[SC_GENRE], "Berita");
	assert_string_equal(r->value[SC_URGENCY], "4");
	assert_string_equal(r->value[SC_HEADLINE], "Judul");
	assert_string_equal(r->value[SC_BYLINE], "Budi");
	assert_string_equal(r->value[SC_DATE], "2021-08-10");
	assert_string_equal(r->value[SC_LANGUAGE], "id");
	assert_string_equal(r->value[SC_SUBJECT], "medtop:20000763");
	assert_string_equal(r->value[SC_KEYWORD], "kerja;pelatihan");
	assert_string_equal(r->value[SC_NOTE], "catatan");
	sidecar_free(s);

	/* A guid column alone is enough, and so is a file column alone. */
	s = load("Guid\ng1\n");
	assert_string_equal(sidecar_row(s, 0)->value[SC_GUID], "g1");
	assert_null(sidecar_row(s, 0)->value[SC_FILE]);
	sidecar_free(s);
	s = load("Source,file\nAntara,p1.txt\n");
	assert_string_equal(sidecar_row(s, 0)->value[SC_SOURCE], "Antara");
	assert_string_equal(sidecar_row(s, 0)->value[SC_FILE], "p1.txt");
	sidecar_free(s);
}

static void
test_header_only(void **state)
{
	struct sidecar *s;

	(void)state;
	s = load("file\n");
	assert_int_equal(sidecar_rows(s), 0);
	assert_null(sidecar_match(s, "g", "file"));
	sidecar_free(s);
}

static void
test_unknown_column(void **state)
{
	(void)state;
	fails("file,headline,pagee\np1.txt,x,3\n",
	    "line 1: unknown column 'pagee' (known: " KNOWN ")");
	/* The header's line, after blank lines. */
	fails("\n\nguid,copyright holder ,Copyright--Holder\n",
	    "line 3: unknown column 'Copyright--Holder' (known: " KNOWN ")");
	fails("file,,page\n", "line 1: column 2 has no name");
	fails("file,page,  \n", "line 1: column 3 has no name");
}

static void
test_duplicate_column(void **state)
{
	(void)state;
	fails("file,Page,headline,page\np1.txt,1,x,2\n",
	    "line 1: duplicate column 'page' (columns 2 and 4)");
	fails("Copyright Holder,file,copyright_holder\n",
	    "line 1: duplicate column 'copyright_holder' (columns 1 and 3)");
}

static void
test_no_key_column(void **state)
{
	(void)state;
	fails("headline,page\nJudul,3\n", "line 1: no file or guid column, "
	    "so no row can be matched to an item");
}

static void
test_unbalanced_quote(void **state)
{
	(void)state;
	/* Opened, and never closed before the end. */
	fails("file,headline\np1.txt,Satu\np2.txt,\"Dua\np3.txt,Tiga\n",
	    "line 3: unbalanced quote: the quoted cell opened here never "
	    "closes");
	/* Opened, and closed by the next row's quote, which text follows. */
	fails("file,headline\np1.txt,\"Satu\n\np2.txt,\"Dua\"\n",
	    "line 2: unbalanced quote: the quoted cell opened here is still "
	    "open on line 4");
	/* A quote in an unquoted cell, text after a closing quote, a space
	 * before an opening quote. */
	fails("file,headline\np1.txt,Satu\np2.txt,kata \"Dua\"\n",
	    "line 3: unbalanced quote (a cell with a quote in it must be "
	    "quoted, and the quote doubled)");
	fails("file,headline\n\"p1.txt\",\"kata \"Satu\" lagi\"\n",
	    "line 2: unbalanced quote (a cell with a quote in it must be "
	    "quoted, and the quote doubled)");
	fails("file,headline\np1.txt, \"Satu\"\n",
	    "line 2: unbalanced quote (a cell with a quote in it must be "
	    "quoted, and the quote doubled)");
	/* In the header too. */
	fails("file,\"headline\n", "line 1: unbalanced quote: the quoted "
	    "cell opened here never closes");
}

static void
test_field_count(void **state)
{
	(void)state;
	fails("file,guid,headline,byline,page,note\n"
	    "p1.txt,g1,a,b,1,n\n"
	    "p2.txt,g2,\"a\nb\n\nc\",b,1,n\n"
	    "p3.txt,g3,a,b,1\n",
	    "line 7: 5 fields, the header has 6");
	/* Counted from the row's first line. */
	fails("file,headline\np1.txt,\"a\nb\",c\n",
	    "line 2: 3 fields, the header has 2");
	fails("file,headline\np1.txt\n", "line 2: 1 field, the header has 2");
}

static void
test_duplicate_keys(void **state)
{
	(void)state;
	fails("guid,file\ng1,a.txt\ng2,b.txt\n\ng1,c.txt\n",
	    "line 5: guid 'g1' is also on line 2");
	fails("file,guid\na.txt,g1\nb.txt,g2\nb.txt,g3\n",
	    "line 4: file 'b.txt' is also on line 3");
	fails("file\nscan/1998/a.txt\nscan\\1999\\a.txt\n",
	    "line 3: file 'scan\\1999\\a.txt' has the same name as "
	    "'scan/1998/a.txt' on line 2");
	/* Rows that differ in case are different rows. */
	sidecar_free(load("file,guid\na.txt,g1\nA.txt,G1\n"));
}

static void
test_row_errors(void **state)
{
	(void)state;
	fails("file,guid,headline\np1.txt,g1,x\n,,Judul\n",
	    "line 3: neither a file nor a guid, so the row matches no item");
	fails("file,headline\nscan/,x\n", "line 2: file 'scan/' has no file "
	    "name");
}

static void
test_blank_lines(void **state)
{
	struct sidecar *s;

	(void)state;
	s = load("\n\n   \nfile,headline\n\np1.txt,Satu\n  \n,\n , \t\n"
	    "p2.txt,Dua\n,,,,\n\n");
	assert_int_equal(sidecar_rows(s), 2);
	row_is(s, 0, 6, "p1.txt", "Satu");
	row_is(s, 1, 10, "p2.txt", "Dua");
	sidecar_free(s);

	/* No newline at the end. */
	s = load("file,headline\np1.txt,Satu\np2.txt,\"Dua\"");
	row_is(s, 1, 3, "p2.txt", "Dua");
	sidecar_free(s);
}

static void
test_empty_cells(void **state)
{
	struct sidecar *s;
	struct sidecar_row *r;

	(void)state;
	s = load("file,headline,byline,note,page\n"
	    "p1.txt,,   ,\"\",\"  \"\n"
	    "p2.txt, Dua ,\t,\" x \",\"\n\"\n");
	r = sidecar_row(s, 0);
	assert_null(r->value[SC_HEADLINE]);
	assert_null(r->value[SC_BYLINE]);
	assert_null(r->value[SC_NOTE]);
	assert_null(r->value[SC_PAGE]);
	/* Columns the file does not have. */
	assert_null(r->value[SC_GUID]);
	assert_null(r->value[SC_SUBJECT]);
	r = sidecar_row(s, 1);
	/* Anything else is kept as written. */
	assert_string_equal(r->value[SC_HEADLINE], " Dua ");
	assert_null(r->value[SC_BYLINE]);
	assert_string_equal(r->value[SC_NOTE], " x ");
	assert_null(r->value[SC_PAGE]);
	sidecar_free(s);
}

static void
test_match(void **state)
{
	struct sidecar *s;
	struct sidecar_row *r;

	(void)state;
	s = load("guid,file,headline\n"
	    "urn:g:1,scan/1998/p1.txt,Satu\n"
	    ",C:\\scan\\p2.txt,Dua\n"
	    "urn:g:3,,Tiga\n"
	    "urn:g:4,p4.txt,Empat\n"
	    ",p5.txt,Lima\n");
	assert_int_equal(sidecar_rows(s), 5);

	/* By guid. */
	r = sidecar_match(s, "urn:g:3", NULL);
	assert_non_null(r);
	assert_string_equal(r->value[SC_HEADLINE], "Tiga");
	/* By the last part of a path, on either side. */
	r = sidecar_match(s, NULL, "/data/in/p1.txt");
	assert_ptr_equal(r, sidecar_row(s, 0));
	assert_ptr_equal(sidecar_match(s, "urn:none", "p2.txt"),
	    sidecar_row(s, 1));
	/* The guid first, whatever the file says. */
	assert_ptr_equal(sidecar_match(s, "urn:g:4", "p5.txt"),
	    sidecar_row(s, 3));
	/* No match: an unknown guid and file, a case difference, a
	 * directory, nothing at all. */
	assert_null(sidecar_match(s, "urn:g:9", "p9.txt"));
	assert_null(sidecar_match(s, NULL, "P5.TXT"));
	assert_null(sidecar_match(s, NULL, "scan/"));
	assert_null(sidecar_match(s, "", ""));
	assert_null(sidecar_match(s, NULL, NULL));

	assert_int_equal(sidecar_row(s, 0)->matched, 1);
	assert_int_equal(sidecar_row(s, 1)->matched, 1);
	assert_int_equal(sidecar_row(s, 2)->matched, 1);
	assert_int_equal(sidecar_row(s, 3)->matched, 1);
	assert_int_equal(sidecar_row(s, 4)->matched, 0);
	/* Matching again is harmless. */
	assert_ptr_equal(sidecar_match(s, NULL, "p5.txt"), sidecar_row(s, 4));
	assert_ptr_equal(sidecar_match(s, NULL, "p5.txt"), sidecar_row(s, 4));
	assert_int_equal(sidecar_row(s, 4)->matched, 1);
	sidecar_free(s);
}

static void
test_not_text(void **state)
{
	struct warta_error err;

	(void)state;
	fails("", "empty file");
	fails("\xEF\xBB\xBF", "empty file");
	fails("\n\n  \n", "no header row");
	fails_n("file\np1\0.txt\n", 13, "binary data at byte 7, not text");
	warta_error_clear(&err);
	assert_null(sidecar_load("/nonexistent/sidecar.csv", &err));
	assert_string_equal(err.message,
	    "/nonexistent/sidecar.csv: No such file or directory");
}

static void
test_bounds(void **state)
{
	struct warta_error err;
	char *big;
	size_t n, cell = LIMIT_SIDECAR_CELL;
	int fd;

	(void)state;
	/* A cell at the bound, then one past it. */
	big = malloc(cell + 64);
	assert_non_null(big);
	n = (size_t)sprintf(big, "file,note\np1.txt,");
	memset(big + n, 'x', cell);
	big[n + cell] = '\n';
	sidecar_free(load_n(big, n + cell + 1, &err));
	if (err.message[0] != '\0')
		fail_msg("%s", err.message);
	n = (size_t)sprintf(big, "file,note\n\np1.txt,");
	memset(big + n, 'x', cell + 1);
	big[n + cell + 1] = '\n';
	fails_n(big, n + cell + 2, "line 3: a cell of more than 1 MiB");
	/* A quote left open runs on: stopped, and named, at its start. */
	n = (size_t)sprintf(big, "file,note\np1.txt,\"");
	memset(big + n, '\n', cell + 1);
	memcpy(big + n + cell + 1, "a\"", 2);
	fails_n(big, n + cell + 3, "line 2: a cell of more than 1 MiB starts "
	    "here (an unbalanced quote?)");
	free(big);
	/* One that never closes is stopped early, with the same message. */
	big = malloc(2 * cell);
	assert_non_null(big);
	n = (size_t)sprintf(big, "file,note\np1.txt,\"");
	memset(big + n, '\n', 2 * cell - n);
	fails_n(big, 2 * cell, "line 2: a cell of more than 1 MiB starts "
	    "here (an unbalanced quote?)");
	free(big);

	/* Past the file's bound (a sparse file). */
	write_tmp("", 0);
	assert_true((fd = open(tmp_path, O_WRONLY)) >= 0);
	assert_int_equal(ftruncate(fd, (off_t)LIMIT_SIDECAR_BYTES + 1), 0);
	close(fd);
	warta_error_clear(&err);
	assert_null(sidecar_load(tmp_path, &err));
	n = strlen(tmp_path);
	assert_string_equal(err.message + n, ": larger than 64 MiB");
	unlink(tmp_path);
}

/* A sheet of nrows rows "pN.txt,gN" after the header. */
static char *
many_rows(size_t nrows, size_t *len)
{
	char *buf = malloc(nrows * 32 + 32), *p = buf;
	size_t i;

	assert_non_null(buf);
	p += sprintf(p, "file,guid\n");
	for (i = 1; i <= nrows; i++)
		p += sprintf(p, "p%zu.txt,g%zu\n", i, i);
	*len = (size_t)(p - buf);
	return buf;
}

static void
test_many_rows(void **state)
{
	struct warta_error err;
	struct sidecar *s;
	char *csv, key[32];
	size_t len, i;

	(void)state;
	csv = many_rows(100000, &len);
	s = load_n(csv, len, &err);
	if (s == NULL)
		fail_msg("%s", err.message);
	assert_int_equal(sidecar_rows(s), 100000);
	for (i = 1; i <= 100000; i++) {
		struct sidecar_row *r;

		snprintf(key, sizeof(key), "g%zu", i);
		r = i % 2 ? sidecar_match(s, key, NULL) :
		    sidecar_match(s, NULL, (snprintf(key, sizeof(key),
		    "in/p%zu.txt", i), key));
		assert_ptr_equal(r, sidecar_row(s, i - 1));
		assert_int_equal(r->line, (long)i + 1);
	}
	assert_null(sidecar_match(s, "g0", "p0.txt"));
	sidecar_free(s);
	free(csv);
}

/*
 * One row past the limit: the sheet is refused at that row's line and no
 * earlier one, so every row up to the limit was taken.  (The loader
 * stops at its first error.)  Loading a sheet of exactly the limit as
 * well cost as much again, 7 s of CPU under ASan, and showed nothing more.
 */
static void
test_rows_max(void **state)
{
	char *csv;
	size_t len;

	(void)state;
	csv = many_rows(LIMIT_SIDECAR_ROWS + 1, &len);
	fails_n(csv, len, "line 1000002: more than 1000000 rows");
	free(csv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_field_names),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_utf8_bom),
		cmocka_unit_test(test_windows_1252),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_quoted),
		cmocka_unit_test(test_header_variants),
		cmocka_unit_test(test_header_only),
		cmocka_unit_test(test_unknown_column),
		cmocka_unit_test(test_duplicate_column),
		cmocka_unit_test(test_no_key_column),
		cmocka_unit_test(test_unbalanced_quote),
		cmocka_unit_test(test_field_count),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_row_errors),
		cmocka_unit_test(test_blank_lines),
		cmocka_unit_test(test_empty_cells),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_not_text),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_many_rows),
		cmocka_unit_test(test_rows_max),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
