/*
 * test_bagit_sniff.c: what a file is by its bytes: each archive's magic, XML
 * after a BOM and blanks, and a zip's end of central directory.
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

#include "bagit/sniff.h"

#define B(s) (const unsigned char *)(s), sizeof(s) - 1

static void
test_archives(void **state)
{
	unsigned char tar[SNIFF_HEAD];

	(void)state;
	assert_int_equal(sniff_archive(B("\x1f\x8b\x08\x00")), SNIFF_GZIP);
	assert_int_equal(sniff_archive(B("PK\003\004rest")), SNIFF_ZIP);
	assert_int_equal(sniff_archive(B("\xfd" "7zXZ\0\0")), SNIFF_XZ);
	assert_int_equal(sniff_archive(B("\x28\xb5\x2f\xfd\0")), SNIFF_ZSTD);
	assert_int_equal(sniff_archive(B("BZh9")), SNIFF_BZIP2);
	memset(tar, 0, sizeof(tar));
	memcpy(tar, "bag/bagit.txt", 13);
	memcpy(tar + 257, "ustar", 5);
	assert_int_equal(sniff_archive(tar, sizeof(tar)), SNIFF_TAR);
	/* The magic must be there whole. */
	assert_int_equal(sniff_archive(tar, 261), SNIFF_UNKNOWN);
	assert_int_equal(sniff_archive(B("\x1f")), SNIFF_UNKNOWN);
	assert_int_equal(sniff_archive(B("PK\003")), SNIFF_UNKNOWN);
	assert_int_equal(sniff_archive(B("<?xml")), SNIFF_UNKNOWN);
	assert_int_equal(sniff_archive(NULL, 0), SNIFF_UNKNOWN);
}

static void
test_xml(void **state)
{
	unsigned char blanks[80];

	(void)state;
	assert_true(sniff_xml(B("<?xml version=\"1.0\"?>")));
	assert_true(sniff_xml(B("<newsItem")));
	assert_true(sniff_xml(B("\xef\xbb\xbf<newsItem")));
	assert_true(sniff_xml(B(" \t\r\n<a/>")));
	assert_true(sniff_xml(B("\xef\xbb\xbf\n <a/>")));
	assert_false(sniff_xml(B("")));
	assert_false(sniff_xml(B("   ")));
	assert_false(sniff_xml(B("text <a/>")));
	assert_false(sniff_xml(B("\xef\xbb<a/>")));
	assert_false(sniff_xml(B("\x1f\x8b")));
	/* Only the first 64 bytes count. */
	memset(blanks, ' ', sizeof(blanks));
	blanks[63] = '<';
	assert_true(sniff_xml(blanks, sizeof(blanks)));
	blanks[63] = ' ';
	blanks[64] = '<';
	assert_false(sniff_xml(blanks, sizeof(blanks)));
}

static void
test_zip_tail(void **state)
{
	unsigned char t[64];

	(void)state;
	memset(t, 0, sizeof(t));
	assert_false(sniff_zip_tail(t, sizeof(t)));
	/* The record is 22 bytes at least: at the very end it cannot be. */
	memcpy(t + sizeof(t) - 22, "PK\005\006", 4);
	assert_true(sniff_zip_tail(t, sizeof(t)));
	memset(t, 0, sizeof(t));
	memcpy(t + sizeof(t) - 21, "PK\005\006", 4);
	assert_false(sniff_zip_tail(t, sizeof(t)));
	memcpy(t, "PK\005\006", 4);
	assert_true(sniff_zip_tail(t, sizeof(t)));
	assert_false(sniff_zip_tail(t, 21));
	/* A local header is not the directory. */
	assert_false(sniff_zip_tail(B("PK\003\004" "\0\0\0\0\0\0\0\0\0\0"
	    "\0\0\0\0\0\0\0\0\0\0")));
}

/* A temporary file holding the n bytes at p; its name in path. */
static void
tmp_file(char path[64], const void *p, size_t n)
{
	FILE *fp;
	int fd;

	snprintf(path, 64, "/tmp/sniff.XXXXXX");
	assert_true((fd = mkstemp(path)) >= 0);
	assert_non_null(fp = fdopen(fd, "wb"));
	assert_int_equal(fwrite(p, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

static void
test_files(void **state)
{
	unsigned char head[SNIFF_HEAD], *big;
	char path[64];
	size_t n = 99, size = 70000;

	(void)state;
	assert_int_equal(sniff_read_head("/nonexistent/x", head, sizeof(head),
	    &n), -1);
	tmp_file(path, "<a/>", 4);
	assert_int_equal(sniff_read_head(path, head, sizeof(head), &n), 0);
	assert_int_equal(n, 4);
	assert_true(sniff_xml(head, n));
	assert_false(sniff_zip_has_directory(path));
	unlink(path);

	/* The record near the end of a zip larger than the window. */
	assert_non_null(big = calloc(1, size));
	memcpy(big, "PK\003\004", 4);
	memcpy(big + size - 30, "PK\005\006", 4);
	tmp_file(path, big, size);
	assert_true(sniff_zip_has_directory(path));
	assert_int_equal(sniff_read_head(path, head, sizeof(head), &n), 0);
	assert_int_equal(n, SNIFF_HEAD);
	assert_int_equal(sniff_archive(head, n), SNIFF_ZIP);
	unlink(path);
	/* Cut short: the record is gone. */
	tmp_file(path, big, size - 40);
	assert_false(sniff_zip_has_directory(path));
	unlink(path);
	free(big);
	assert_false(sniff_zip_has_directory("/nonexistent/x"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_archives),
		cmocka_unit_test(test_xml),
		cmocka_unit_test(test_zip_tail),
		cmocka_unit_test(test_files),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
