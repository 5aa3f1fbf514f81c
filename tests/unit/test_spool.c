/*
 * test_spool.c: anonymous temporary files, their buffers, and their
 * closing on a thread of its own (base/spool.h).
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
	struct spool sp;
	struct stat st;
	char back[6] = "";
	FILE *fp;

	(void)state;
	assert_non_null(fp = spool_open(&sp, &err));
	assert_ptr_equal(fp, sp.fp);
	assert_int_equal(fstat(fileno(fp), &st), 0);
	assert_int_equal(st.st_nlink, 0);
	assert_int_equal(fputs("spool", fp) >= 0, 1);
	rewind(fp);
	assert_non_null(fgets(back, sizeof(back), fp));
	assert_string_equal(back, "spool");
	assert_int_equal(spool_close(&sp), 0);
	assert_null(sp.fp);
	assert_null(sp.buf);
	/* Closed, it closes again as a no-op. */
	assert_int_equal(spool_close(&sp), 0);
}

/*
 * Its buffer is SPOOL_BUFFER bytes, not stdio's 4 KiB: what is written
 * short of that stays in it, none of it in the file, until the flush.
 */
static void
test_buffer(void **state)
{
	static char block[SPOOL_BUFFER - 1];
	struct warta_error err;
	struct spool sp;
	struct stat st;

	(void)state;
	memset(block, 'x', sizeof(block));
	assert_non_null(spool_open(&sp, &err));
	assert_int_equal(fwrite(block, 1, 1000, sp.fp), 1000);
	assert_int_equal(fwrite(block, 1, sizeof(block) - 1000, sp.fp),
	    sizeof(block) - 1000);
	assert_int_equal(fstat(fileno(sp.fp), &st), 0);
	assert_int_equal(st.st_size, 0);
	assert_int_equal(fflush(sp.fp), 0);
	assert_int_equal(fstat(fileno(sp.fp), &st), 0);
	assert_int_equal(st.st_size, sizeof(block));
	assert_int_equal(spool_close(&sp), 0);
}

static int
is_open(int fd)
{
	return fcntl(fd, F_GETFD) != -1 || errno != EBADF;
}

/* Closed behind: every spool given, none twice, all left not open. */
static void
test_close_behind(void **state)
{
	struct warta_error err;
	struct spool_closing *c;
	struct spool ss[4];
	int fd[4], i;

	(void)state;
	for (i = 0; i < 4; i++) {
		/* One hole: a thread that made no spool. */
		if (i == 2)
			ss[i] = (struct spool)SPOOL_INIT;
		else
			assert_non_null(spool_open(&ss[i], &err));
		fd[i] = ss[i].fp != NULL ? fileno(ss[i].fp) : -1;
		if (i != 2) {
			/* Some pages for the kernel to free. */
			assert_int_equal(fseek(ss[i].fp, 1 << 20, SEEK_SET),
			    0);
			assert_int_equal(fputc('x', ss[i].fp), 'x');
		}
	}
	c = spool_close_behind(ss, 4);
	for (i = 0; i < 4; i++) {
		assert_null(ss[i].fp);
		assert_null(ss[i].buf);
	}
	spool_closed(c);
	for (i = 0; i < 4; i++)
		if (fd[i] >= 0)
			assert_false(is_open(fd[i]));
	/* Nothing to close, and nothing to wait for. */
	spool_closed(spool_close_behind(ss, 4));
	spool_closed(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open),
		cmocka_unit_test(test_buffer),
		cmocka_unit_test(test_close_behind),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
