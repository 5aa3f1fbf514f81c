/*
 * test_file.c: whole files into memory, the bound and the messages
 * (base/file.h).
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

#include "base/file.h"

static char tmp_path[64];

/* Writes n bytes to a new temporary file, named in tmp_path. */
static void
write_tmp(const char *data, size_t n)
{
	const char *dir = getenv("TMPDIR");
	FILE *fp;
	int fd;

	snprintf(tmp_path, sizeof(tmp_path), "%s/file.XXXXXX",
	    dir != NULL && strlen(dir) < 40 ? dir : "/tmp");
	assert_true((fd = mkstemp(tmp_path)) >= 0);
	assert_non_null(fp = fdopen(fd, "wb"));
	if (n > 0)
		assert_int_equal(fwrite(data, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

static void
test_read(void **state)
{
	struct wbuf b = WBUF_INIT;
	struct warta_error err;
	char *big;
	size_t n = 200000, i;

	(void)state;
	/* larger than a read, NULs and all */
	assert_non_null(big = malloc(n));
	for (i = 0; i < n; i++)
		big[i] = (char)(i * 7);
	write_tmp(big, n);
	assert_int_equal(wbuf_puts(&b, "kept"), WARTA_OK);
	assert_int_equal(file_read(tmp_path, n, &b, &err), WARTA_OK);
	assert_int_equal(b.len, 4 + n);
	assert_memory_equal(b.data, "kept", 4);
	assert_memory_equal(b.data + 4, big, n);
	assert_int_equal(b.data[b.len], '\0');
	unlink(tmp_path);

	/* empty */
	wbuf_reset(&b);
	write_tmp("", 0);
	assert_int_equal(file_read(tmp_path, 10, &b, &err), WARTA_OK);
	assert_int_equal(b.len, 0);
	unlink(tmp_path);
	wbuf_release(&b);
	free(big);
}

static void
test_bound(void **state)
{
	struct wbuf b = WBUF_INIT;
	struct warta_error err;
	size_t plen;
	int fd;

	(void)state;
	write_tmp("0123456789", 10);
	plen = strlen(tmp_path);
	assert_int_equal(file_read(tmp_path, 10, &b, &err), WARTA_OK);
	assert_int_equal(b.len, 10);
	/* one byte past: refused, and the buffer as it was */
	assert_int_equal(file_read(tmp_path, 9, &b, &err), WARTA_FAILED);
	assert_int_equal(b.len, 10);
	assert_memory_equal(err.message, tmp_path, plen);
	assert_string_equal(err.message + plen, ": larger than 9 bytes");
	unlink(tmp_path);

	/* a bound in MiB is said in MiB (a sparse file) */
	write_tmp("", 0);
	assert_true((fd = open(tmp_path, O_WRONLY)) >= 0);
	assert_int_equal(ftruncate(fd, ((off_t)1 << 20) + 1), 0);
	close(fd);
	assert_int_equal(file_read(tmp_path, (size_t)1 << 20, &b, &err),
	    WARTA_FAILED);
	assert_string_equal(err.message + plen, ": larger than 1 MiB");
	assert_int_equal(b.len, 10);
	unlink(tmp_path);
	wbuf_release(&b);
}

static void
test_errors(void **state)
{
	struct wbuf b = WBUF_INIT;
	struct warta_error err;
	FILE *fp;

	(void)state;
	assert_int_equal(file_read("/nonexistent/x.tsv", 10, &b, &err),
	    WARTA_FAILED);
	assert_string_equal(err.message,
	    "/nonexistent/x.tsv: No such file or directory");
	/* a directory opens, and fails on the read */
	assert_int_equal(file_read("/", 10, &b, &err), WARTA_FAILED);
	assert_string_equal(err.message, "/: Is a directory");
	assert_int_equal(b.len, 0);

	/* a FILE * under the name the caller gives */
	assert_non_null(fp = tmpfile());
	assert_int_equal(fputs("abc", fp) >= 0, 1);
	rewind(fp);
	assert_int_equal(file_read_fp(fp, "<stdin>", 2, &b, &err),
	    WARTA_FAILED);
	assert_string_equal(err.message, "<stdin>: larger than 2 bytes");
	rewind(fp);
	assert_int_equal(file_read_fp(fp, "<stdin>", 3, &b, &err), WARTA_OK);
	assert_string_equal(b.data, "abc");
	fclose(fp);
	wbuf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_bound),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
