/*
 * test_spool.c: anonymous temporary files, and their closing on a thread
 * of its own (base/spool.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/spool.h"

/* A spool has no name, and keeps what is written to it. */
static void
test_open(void **state)
{
	struct warta_error err;
	struct stat st;
	char back[6] = "";
	FILE *fp;

	(void)state;
	assert_non_null(fp = spool_open(&err));
	assert_int_equal(fstat(fileno(fp), &st), 0);
	assert_int_equal(st.st_nlink, 0);
	assert_int_equal(fputs("spool", fp) >= 0, 1);
	rewind(fp);
	assert_non_null(fgets(back, sizeof(back), fp));
	assert_string_equal(back, "spool");
	assert_int_equal(fclose(fp), 0);
}

static int
is_open(int fd)
{
	return fcntl(fd, F_GETFD) != -1 || errno != EBADF;
}

/* Closed behind: every spool given, none twice, the array emptied. */
static void
test_close_behind(void **state)
{
	struct warta_error err;
	struct spool_closing *c;
	FILE *fps[4];
	int fd[4], i;

	(void)state;
	for (i = 0; i < 4; i++) {
		/* One hole: a thread that made no spool. */
		fps[i] = i == 2 ? NULL : spool_open(&err);
		fd[i] = fps[i] != NULL ? fileno(fps[i]) : -1;
		if (i != 2) {
			assert_non_null(fps[i]);
			/* Some pages for the kernel to free. */
			assert_int_equal(fseek(fps[i], 1 << 20, SEEK_SET), 0);
			assert_int_equal(fputc('x', fps[i]), 'x');
		}
	}
	c = spool_close_behind(fps, 4);
	for (i = 0; i < 4; i++)
		assert_null(fps[i]);
	spool_closed(c);
	for (i = 0; i < 4; i++)
		if (fd[i] >= 0)
			assert_false(is_open(fd[i]));
	/* Nothing to close, and nothing to wait for. */
	spool_closed(spool_close_behind(fps, 4));
	spool_closed(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open),
		cmocka_unit_test(test_close_behind),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
