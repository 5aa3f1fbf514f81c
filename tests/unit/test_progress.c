/*
 * test_progress.c: the progress line (pipeline/progress.h): what it says
 * (counts, MB, rates, percentage, time left, widths) and how it is drawn
 * (one "\r" line, redrawn in place, cleared at the end).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "progress.h"

static const char *
line(const struct progress_state *s)
{
	static char buf[200];

	progress_format(buf, sizeof(buf), s);
	return buf;
}

static void
test_with_total(void **state)
{
	struct progress_state s = { "warta-pack", NULL, 12345, 0,
	    412300000, 958837209, 4.68 };

	(void)state;
	/* 412.3 MB in 4.68 s, 43% of the bytes: 6.2 s left. */
	assert_string_equal(line(&s), "warta-pack: 12,345 items  412.3 MB  "
	    "88.1 MB/s  43%  ETA 0:06");
	/* The items' total wins over the bytes' when both are known. */
	s.label = "writing";
	s.items_total = 1234567;
	s.elapsed = 3600;
	assert_string_equal(line(&s), "warta-pack: writing "
	    "12,345/1,234,567 items  412.3 MB  0.1 MB/s  0%  ETA 99:00:20");
	/* An estimate of more than 100 hours says no more than that. */
	s.items = 1;
	assert_string_equal(line(&s), "warta-pack: writing "
	    "1/1,234,567 items  412.3 MB  0.1 MB/s  0%  ETA 99:59:59");
	s.items = 617284;
	assert_string_equal(line(&s), "warta-pack: writing "
	    "617,284/1,234,567 items  412.3 MB  0.1 MB/s  50%  ETA 1:00:00");
}

static void
test_without_total(void **state)
{
	struct progress_state s = { "warta-meta", NULL, 1, 0, 999, 0, 0.2 };

	(void)state;
	/* Too early for a rate: the counts and the time so far. */
	assert_string_equal(line(&s), "warta-meta: 1 item  0.0 MB  0:00");
	s.items = 1000;
	s.bytes = 75250000;
	s.elapsed = 125.4;
	assert_string_equal(line(&s), "warta-meta: 1,000 items  75.2 MB  "
	    "0.6 MB/s  2:05");
	s.items = 0;
	s.bytes = 0;
	assert_string_equal(line(&s), "warta-meta: 0 items  0.0 MB  "
	    "0.0 MB/s  2:05");
}

static void
test_bounds(void **state)
{
	struct progress_state s = { "warta-verify", NULL, 7, 0, 2000000,
	    1000000, 1 };
	char small[16];

	(void)state;
	/* More than the total (a file that grew): 100%, no time left. */
	assert_string_equal(line(&s), "warta-verify: 7 items  2.0 MB  "
	    "2.0 MB/s  100%  ETA 0:00");
	/* Cut to the buffer, and the length says so. */
	assert_int_equal(progress_format(small, sizeof(small), &s), 15);
	assert_string_equal(small, "warta-verify: 7");
	assert_int_equal(progress_format(small, 1, &s), 0);
	assert_string_equal(small, "");
}

/* What the line writes to a pipe, whole. */
static size_t
drain(int fd, char *buf, size_t size)
{
	ssize_t n;
	size_t got = 0;

	while (got < size - 1 && (n = read(fd, buf + got, size - 1 - got)) > 0)
		got += (size_t)n;
	buf[got] = '\0';
	return got;
}

static void
test_drawn_and_cleared(void **state)
{
	struct progress *p;
	char out[1024];
	int fds[2];
	size_t n;

	(void)state;
	assert_null(progress_new("warta-text", 2, 0));
	progress_update(NULL, 1, 1);	/* no line: nothing happens */
	progress_end(NULL);
	assert_int_equal(pipe(fds), 0);
	assert_non_null(p = progress_new("warta-text", fds[1], 1));
	progress_total(p, 0, 2000000);
	/* The first update draws; the next ones, within a quarter second,
	 * do not. */
	progress_update(p, 1, 1000000);
	progress_update(p, 2, 1500000);
	progress_update(p, 3, 2000000);
	/* A new pass draws its line at its first update, whatever the
	 * stride the fast updates before it made; a shorter line after it
	 * is padded over it. */
	progress_pass(p, "writing");
	progress_update(p, 1, 10);
	progress_pass(p, NULL);
	progress_update(p, 1, 10);
	progress_end(p);
	close(fds[1]);
	n = drain(fds[0], out, sizeof(out));
	close(fds[0]);
	/* "\r" LINE, then "\r", as many spaces, "\r": the line cleared. */
	assert_string_equal(out, "\rwarta-text: 1 item  1.0 MB  50%"
	    "\rwarta-text: writing 1 item  0.0 MB  0:00"
	    "\rwarta-text: 1 item  0.0 MB  0:00        "
	    "\rwarta-text: 1 item  0.0 MB  0:00"
	    "\r                                \r");
	assert_int_equal(n, 1 + 31 + 1 + 40 + 1 + 40 + 1 + 32 + 1 + 32 + 1);
}

static void
test_wanted(void **state)
{
	(void)state;
	assert_int_equal(progress_wanted(1, 1), 0);	/* -q wins */
	assert_int_equal(progress_wanted(1, 0), 1);
	/* Not a terminal here, or a dumb one. */
	setenv("TERM", "dumb", 1);
	assert_int_equal(progress_wanted(0, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_with_total),
		cmocka_unit_test(test_without_total),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_drawn_and_cleared),
		cmocka_unit_test(test_wanted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
