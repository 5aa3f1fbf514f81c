/*
 * test_extsort.c: the external sort against qsort(3): no records, one
 * run, exactly a run, many runs, more runs than one merge takes, equal
 * keys, and every error with its message.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <sys/resource.h>

#include <cmocka.h>

#include "base/extsort.h"

/* Records per run for a record size. */
#define RUN(size)	(EXTSORT_RUN_BYTES / (size))

static size_t rec_size;		/* for cmp_whole */

static int
cmp_whole(const void *a, const void *b)
{
	return memcmp(a, b, rec_size);
}

/* Only the first 4 bytes are the key; the rest tells equal keys apart. */
static int
cmp_key(const void *a, const void *b)
{
	return memcmp(a, b, 4);
}

static uint64_t rng_state;

static uint64_t
rng(void)
{
	uint64_t x = rng_state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return rng_state = x;
}

/* The lowest free descriptor: the same before and after a sort when the
 * sort closed its temporary files (LeakSanitizer does not see a FILE left
 * open, glibc keeps them all on a list). */
static int
lowest_fd(void)
{
	int fd;

	assert_true((fd = dup(0)) >= 0);
	close(fd);
	return fd;
}

/* n records of size random bytes, from a fixed seed. */
static unsigned char *
random_records(size_t n, size_t size, uint64_t seed)
{
	unsigned char *p;
	uint64_t x;
	size_t i, j;

	assert_non_null(p = malloc(n * size + 1));
	rng_state = seed;
	for (i = 0; i < n * size; i += 8) {
		x = rng();
		for (j = 0; j < 8 && i + j < n * size; j++)
			p[i + j] = (unsigned char)(x >> (8 * j));
	}
	return p;
}

static FILE *
file_of(const unsigned char *p, size_t len)
{
	FILE *fp;

	assert_non_null(fp = tmpfile());
	if (len > 0)
		assert_int_equal(fwrite(p, 1, len, fp), len);
	assert_int_equal(fflush(fp), 0);
	rewind(fp);
	return fp;
}

/* Everything in fp from its start; the length in *len. */
static unsigned char *
contents(FILE *fp, size_t *len)
{
	unsigned char *p;
	long end;

	assert_int_equal(fflush(fp), 0);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	assert_true((end = ftell(fp)) >= 0);
	rewind(fp);
	assert_non_null(p = malloc((size_t)end + 1));
	assert_int_equal(fread(p, 1, (size_t)end, fp), (size_t)end);
	*len = (size_t)end;
	return p;
}

/* Sorts len bytes of records with extsort; returns the output. */
static unsigned char *
sorted(const unsigned char *p, size_t len, size_t size, extsort_cmp cmp,
    size_t *outlen)
{
	struct warta_error err;
	FILE *in, *out;
	unsigned char *r;
	int fd;

	in = file_of(p, len);
	assert_non_null(out = tmpfile());
	warta_error_clear(&err);
	fd = lowest_fd();
	if (extsort(in, out, size, cmp, &err) != WARTA_OK)
		fail_msg("extsort: %s", err.message);
	assert_int_equal(lowest_fd(), fd);
	r = contents(out, outlen);
	fclose(in);
	fclose(out);
	return r;
}

/* n random records of size come out as qsort puts them (the order is
 * total, so any correct sort gives the same bytes). */
static void
same_as_qsort(size_t n, size_t size, uint64_t seed)
{
	unsigned char *p, *r;
	size_t len;

	p = random_records(n, size, seed);
	rec_size = size;
	r = sorted(p, n * size, size, cmp_whole, &len);
	qsort(p, n, size, cmp_whole);
	assert_int_equal(len, n * size);
	if (n > 0 && memcmp(p, r, len) != 0)
		fail_msg("%zu records of %zu bytes: not the qsort order", n,
		    size);
	free(p);
	free(r);
}

/* extsort fails with exactly want (and at offset, unless -2). */
static void
fails(FILE *in, FILE *out, size_t size, const char *want, long long offset)
{
	struct warta_error err;
	int fd = lowest_fd();

	warta_error_clear(&err);
	assert_int_equal(extsort(in, out, size, cmp_key, &err),
	    WARTA_FAILED);
	assert_int_equal(lowest_fd(), fd);
	assert_string_equal(err.message, want);
	if (offset != -2)
		assert_int_equal(err.offset, offset);
}

static void
test_empty(void **state)
{
	(void)state;
	same_as_qsort(0, 64, 1);
	same_as_qsort(0, 1, 1);
}

static void
test_one_record(void **state)
{
	(void)state;
	same_as_qsort(1, 64, 2);
	same_as_qsort(1, 4096, 2);
	same_as_qsort(1, 1, 2);
}

static void
test_less_than_a_run(void **state)
{
	(void)state;
	same_as_qsort(1000, 64, 3);
	same_as_qsort(RUN(64) - 1, 64, 3);
	same_as_qsort(100, 13, 3);
}

static void
test_exactly_a_run(void **state)
{
	(void)state;
	same_as_qsort(RUN(64), 64, 4);
	same_as_qsort(RUN(4096), 4096, 4);
	same_as_qsort(RUN(4096) + 1, 4096, 4);
	same_as_qsort(RUN(100), 100, 4);
}

static void
test_many_runs(void **state)
{
	(void)state;
	/* 300,000 records of 64 bytes: 37 runs, the last one short. */
	same_as_qsort(300000, 64, 5);
	/* A record size that does not divide the run buffer. */
	same_as_qsort(3 * RUN(100) + 7, 100, 5);
	/* Bytes: the most records per run (and the slowest test). */
	same_as_qsort(RUN(1) + 1, 1, 5);
}

static void
test_more_runs_than_fanin(void **state)
{
	(void)state;
	/* Large records keep the count low; the bytes are what make runs. */
	/* As many runs as one merge takes: one pass. */
	same_as_qsort(EXTSORT_MAX_FANIN * RUN(4096), 4096, 6);
	/* One more: two passes, the second group a lone run. */
	same_as_qsort((EXTSORT_MAX_FANIN + 1) * RUN(4096), 4096, 7);
	/* 100 runs, the last one short: two passes, two groups. */
	same_as_qsort(99 * RUN(512) + 123, 512, 8);
}

/* Few distinct keys over several runs: the output is in key order and
 * holds exactly the records that went in. */
static void
test_duplicate_keys(void **state)
{
	size_t n = 3 * RUN(64) + 500, len, i;
	unsigned char *p, *r;

	(void)state;
	p = random_records(n, 64, 9);
	for (i = 0; i < n; i++) {
		memset(p + i * 64, 0, 3);
		p[i * 64 + 3] = (unsigned char)(p[i * 64 + 10] % 5);
	}
	r = sorted(p, n * 64, 64, cmp_key, &len);
	assert_int_equal(len, n * 64);
	for (i = 1; i < n; i++)
		if (cmp_key(r + (i - 1) * 64, r + i * 64) > 0)
			fail_msg("records %zu and %zu out of order", i - 1, i);
	rec_size = 64;
	qsort(p, n, 64, cmp_whole);
	qsort(r, n, 64, cmp_whole);
	assert_memory_equal(p, r, n * 64);
	free(p);
	free(r);

	/* All keys equal. */
	p = random_records(2 * RUN(64) + 1, 64, 10);
	for (i = 0; i < 2 * RUN(64) + 1; i++)
		memset(p + i * 64, 7, 4);
	r = sorted(p, (2 * RUN(64) + 1) * 64, 64, cmp_key, &len);
	assert_int_equal(len, (2 * RUN(64) + 1) * 64);
	qsort(p, 2 * RUN(64) + 1, 64, cmp_whole);
	qsort(r, 2 * RUN(64) + 1, 64, cmp_whole);
	assert_memory_equal(p, r, len);
	free(p);
	free(r);
}

/* in is read from where it stands; out is written from where it stands. */
static void
test_positions(void **state)
{
	static const unsigned char data[] = "HEADER" "dddd" "bbbb" "cccc"
	    "aaaa";
	struct warta_error err;
	unsigned char *r;
	FILE *in, *out;
	size_t len;

	(void)state;
	in = file_of(data, sizeof(data) - 1);
	assert_int_equal(fseek(in, 6, SEEK_SET), 0);
	assert_non_null(out = tmpfile());
	assert_int_equal(fputs("out:", out) >= 0, 1);
	if (extsort(in, out, 4, cmp_key, &err) != WARTA_OK)
		fail_msg("extsort: %s", err.message);
	r = contents(out, &len);
	assert_int_equal(len, 20);
	assert_memory_equal(r, "out:aaaabbbbccccdddd", 20);
	free(r);
	fclose(in);
	fclose(out);
}

static void
test_partial_record(void **state)
{
	unsigned char *p;
	FILE *in, *out;

	(void)state;
	p = random_records(11, 64, 11);
	assert_non_null(out = tmpfile());
	in = file_of(p, 10 * 64 + 5);
	fails(in, out, 64, "input ends inside a record", 640);
	fclose(in);
	in = file_of(p, 5);
	fails(in, out, 64, "input ends inside a record", 0);
	fclose(in);
	free(p);

	/* In the last of several runs. */
	p = random_records(2 * RUN(64) + 1, 64, 12);
	in = file_of(p, (2 * RUN(64)) * 64 + 63);
	fails(in, out, 64, "input ends inside a record",
	    (long long)(2 * RUN(64) * 64));
	fclose(in);
	fclose(out);
	free(p);
}

static void
test_bad_size(void **state)
{
	FILE *in, *out;

	(void)state;
	in = file_of((const unsigned char *)"abcd", 4);
	assert_non_null(out = tmpfile());
	fails(in, out, 0, "record size 0 is not 1 to 4096", -1);
	fails(in, out, 4097, "record size 4097 is not 1 to 4096", -1);
	fclose(in);
	fclose(out);
}

static void
test_read_error(void **state)
{
	FILE *in, *out;

	(void)state;
	/* Linux opens a directory for reading; reading it fails. */
	if ((in = fopen("/", "r")) == NULL)
		skip();
	assert_non_null(out = tmpfile());
	fails(in, out, 64, "reading records: Is a directory", 0);
	fclose(in);
	fclose(out);
}

static void
test_write_error(void **state)
{
	unsigned char *p;
	FILE *in, *out;

	(void)state;
	if ((out = fopen("/dev/full", "w")) == NULL)
		skip();
	p = random_records(2 * RUN(64) + 1, 64, 13);
	/* One run: the error shows when out is flushed. */
	in = file_of(p, 10 * 64);
	fails(in, out, 64, "writing records: No space left on device", -1);
	fclose(in);
	clearerr(out);
	/* Several runs: the error shows while merging. */
	in = file_of(p, (2 * RUN(64) + 1) * 64);
	fails(in, out, 64, "writing records: No space left on device", -1);
	fclose(in);
	fclose(out);
	free(p);
}

/* A temporary file that cannot grow: the message says so, and nothing
 * leaks (the sanitizer build checks that). */
static void
test_temporary_file_error(void **state)
{
	struct rlimit old, lim;
	void (*old_handler)(int);
	unsigned char *p;
	FILE *in, *out;

	(void)state;
	p = random_records(2 * RUN(64) + 1, 64, 14);
	in = file_of(p, (2 * RUN(64) + 1) * 64);
	assert_non_null(out = fopen("/dev/null", "w"));
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	lim = old;
	lim.rlim_cur = EXTSORT_RUN_BYTES / 2;
	old_handler = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	fails(in, out, 64, "temporary file: File too large", -1);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, old_handler);
	fclose(in);
	fclose(out);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_one_record),
		cmocka_unit_test(test_less_than_a_run),
		cmocka_unit_test(test_exactly_a_run),
		cmocka_unit_test(test_many_runs),
		cmocka_unit_test(test_more_runs_than_fanin),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_partial_record),
		cmocka_unit_test(test_bad_size),
		cmocka_unit_test(test_read_error),
		cmocka_unit_test(test_write_error),
		cmocka_unit_test(test_temporary_file_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
