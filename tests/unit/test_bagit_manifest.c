/*
 * test_bagit_manifest.c: BagIt manifest lines (RFC 8493 2.1.3): the paths'
 * percent-encoding both ways, the lines read, and the lines refused; a
 * manifest given a chunk at a time read as the whole is.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bagit/manifest.h"

#define H64 "0123456789abcdef0123456789abcdef" \
	"0123456789abcdef0123456789abcdef"

/* The problems a parse reported, one line each. */
static char problems[1024];

static void
collect(void *arg, const char *where, const char *problem)
{
	size_t n = strlen(problems);

	(void)arg;
	snprintf(problems + n, sizeof(problems) - n, "%s: %s\n", where,
	    problem);
}

static void
parse(struct manifest *m, const char *text, size_t hexlen)
{
	struct warta_error err;

	problems[0] = '\0';
	manifest_init(m);
	warta_error_clear(&err);
	assert_int_equal(manifest_parse(m, "manifest-sha256.txt", text,
	    strlen(text), hexlen, collect, NULL, &err), WARTA_OK);
}

static void
test_encode(void **state)
{
	struct wbuf b = WBUF_INIT;

	(void)state;
	assert_int_equal(manifest_put_path(&b, "data/a b/c.txt"), WARTA_OK);
	assert_string_equal(b.data, "data/a b/c.txt");
	wbuf_reset(&b);
	assert_int_equal(manifest_put_path(&b, "data/50%\r\nx"), WARTA_OK);
	assert_string_equal(b.data, "data/50%25%0D%0Ax");
	wbuf_reset(&b);
	assert_int_equal(manifest_put_line(&b, "ab12", "data/%x"), WARTA_OK);
	assert_string_equal(b.data, "ab12  data/%25x\n");
	wbuf_release(&b);
}

static void
test_decode(void **state)
{
	char p[64];

	(void)state;
	snprintf(p, sizeof(p), "data/50%%25%%0D%%0Ax");
	manifest_decode_path(p);
	assert_string_equal(p, "data/50%\r\nx");
	/* Lowercase hex too; any other escape is left as it is. */
	snprintf(p, sizeof(p), "a%%0ab%%0dc%%41d%%2");
	manifest_decode_path(p);
	assert_string_equal(p, "a\nb\rc%41d%2");
}

static void
test_round_trip(void **state)
{
	static const char *paths[] = { "data/plain.txt", "data/%", "data/\n",
	    "data/%25 literal", "data/a\r\nb%0A" };
	struct wbuf b = WBUF_INIT;
	char *copy;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		wbuf_reset(&b);
		assert_int_equal(manifest_put_path(&b, paths[i]), WARTA_OK);
		assert_null(strpbrk(b.data, "\r\n"));
		assert_non_null(copy = wbuf_steal(&b));
		manifest_decode_path(copy);
		assert_string_equal(copy, paths[i]);
		free(copy);
	}
	wbuf_release(&b);
}

static void
test_parse_lines(void **state)
{
	struct manifest m;

	(void)state;
	parse(&m, H64 "  data/a.xml\n"
	    "\n"
	    "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"
	    "\tdata/b%0A.txt\r\n"
	    H64 " data/with space.txt", 64);
	assert_string_equal(problems, "");
	assert_int_equal(m.n, 3);
	assert_string_equal(m.lines[0].path, "data/a.xml");
	assert_string_equal(m.lines[0].digest, H64);
	assert_int_equal(m.lines[0].lineno, 1);
	/* Uppercase hex is read as lowercase; the path is decoded. */
	assert_string_equal(m.lines[1].path, "data/b\n.txt");
	assert_string_equal(m.lines[1].digest, H64);
	assert_int_equal(m.lines[1].lineno, 3);
	assert_string_equal(m.lines[2].path, "data/with space.txt");
	assert_int_equal(m.lines[2].lineno, 4);
	manifest_release(&m);
	assert_int_equal(m.n, 0);
	manifest_release(&m);	/* twice is harmless */
}

static void
test_parse_bad_lines(void **state)
{
	struct manifest m;

	(void)state;
	parse(&m, "abc  data/short.txt\n"		/* too short */
	    H64 "0  data/long.txt\n"			/* too long */
	    H64 "\n"					/* no path */
	    H64 "   \n"					/* only blanks */
	    "g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	    "  data/nothex.txt\n"
	    H64 "  data/good.txt\n", 64);
	assert_string_equal(problems,
	    "manifest-sha256.txt: line 1: not \"DIGEST PATH\"\n"
	    "manifest-sha256.txt: line 2: not \"DIGEST PATH\"\n"
	    "manifest-sha256.txt: line 3: not \"DIGEST PATH\"\n"
	    "manifest-sha256.txt: line 4: not \"DIGEST PATH\"\n"
	    "manifest-sha256.txt: line 5: not \"DIGEST PATH\"\n");
	assert_int_equal(m.n, 1);
	assert_string_equal(m.lines[0].path, "data/good.txt");
	assert_int_equal(m.lines[0].lineno, 6);
	manifest_release(&m);
}

static void
test_parse_sha512_and_limits(void **state)
{
	struct manifest m;
	struct warta_error err;
	char line[256];

	(void)state;
	snprintf(line, sizeof(line), "%s%s  data/x\n", H64, H64);
	parse(&m, line, 128);
	assert_int_equal(m.n, 1);
	assert_int_equal(strlen(m.lines[0].digest), 128);
	manifest_release(&m);
	/* A SHA-256 line in a SHA-512 manifest is not a line of it. */
	parse(&m, H64 "  data/x\n", 128);
	assert_int_equal(m.n, 0);
	assert_string_equal(problems,
	    "manifest-sha256.txt: line 1: not \"DIGEST PATH\"\n");
	manifest_release(&m);
	/* An empty manifest has no lines and no problems. */
	parse(&m, "", 64);
	assert_int_equal(m.n, 0);
	assert_string_equal(problems, "");
	assert_int_equal(manifest_parse(&m, "m", "", 0, 200, collect, NULL,
	    &err), WARTA_FAILED);
}

/* The lines each gets, one line of text each, after the problems. */
static char got[2048];

static int
note_line(void *earg, char *path, const char *digest, long lineno,
    struct warta_error *err)
{
	size_t n = strlen(got);

	(void)earg;
	(void)err;
	snprintf(got + n, sizeof(got) - n, "%ld %.4s %s\n", lineno, digest,
	    path);
	return WARTA_OK;
}

/* What the whole text gives: the problems, then the lines. */
static void
whole(const char *text, size_t len, char *out, size_t size)
{
	struct warta_error err;

	problems[0] = got[0] = '\0';
	warta_error_clear(&err);
	assert_int_equal(manifest_parse_each("m", text, len, 64, note_line,
	    NULL, collect, NULL, &err), WARTA_OK);
	snprintf(out, size, "%s--\n%s", problems, got);
}

/* The same, the text cut at cut and then given step bytes at a time. */
static void
fed(const char *text, size_t len, size_t cut, size_t step, char *out,
    size_t size)
{
	struct manifest_feed f;
	struct warta_error err;
	size_t at, n;

	problems[0] = got[0] = '\0';
	warta_error_clear(&err);
	assert_int_equal(manifest_feed_init(&f, "m", 64, note_line, NULL,
	    collect, NULL, &err), WARTA_OK);
	assert_int_equal(manifest_feed(&f, text, cut, &err), WARTA_OK);
	for (at = cut; at < len; at += n) {
		n = len - at < step ? len - at : step;
		assert_int_equal(manifest_feed(&f, text + at, n, &err),
		    WARTA_OK);
	}
	assert_int_equal(manifest_feed_end(&f, &err), WARTA_OK);
	manifest_feed_release(&f);
	snprintf(out, size, "%s--\n%s", problems, got);
}

static void
test_feed_as_whole(void **state)
{
	static const struct {
		const char *text;
		size_t len;
	} texts[] = {
#define T(s) { s, sizeof(s) - 1 }
		T(H64 "  data/a\n" H64 "\tdata/b%0Ax\r\n\n" H64 "  data/c"),
		T("bad line\n\n" H64 "  data/a\n\n\n"),
		T(H64 "  data/a\n" H64 "  da\0ta/b\n" H64 "  data/c\n"),
		T("\n\n" H64 "  data/a\r\r\n" H64 "  \n" H64),
		T(""),
		T("\n"),
#undef T
	};
	char want[4096], have[4096];
	size_t i, cut, step;

	(void)state;
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		whole(texts[i].text, texts[i].len, want, sizeof(want));
		for (cut = 0; cut <= texts[i].len; cut++)
			for (step = 1; step <= 7; step += 6) {
				fed(texts[i].text, texts[i].len, cut, step,
				    have, sizeof(have));
				assert_string_equal(have, want);
			}
	}
	/* Lines cut across chunks, a NUL the end: as the whole says. */
	whole(texts[2].text, texts[2].len, want, sizeof(want));
	assert_string_equal(want, "--\n1 0123 data/a\n2 0123 da\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_parse_lines),
		cmocka_unit_test(test_parse_bad_lines),
		cmocka_unit_test(test_parse_sha512_and_limits),
		cmocka_unit_test(test_feed_as_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
