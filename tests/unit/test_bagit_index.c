/*
 * test_bagit_index.c: the records of a bundle's index as they are sorted
 * (bagit/index.h): the key of a path, and the order of the records, the
 * key found once in bag_index_rec_set() against the key copied out and
 * compared with strcmp() at each comparison, as the sort did before.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bagit/index.h"

static void
test_key(void **state)
{
	char key[BAG_INDEX_PATH_MAX];

	(void)state;
	bag_index_key("data/items/2023/11/14/ab12.xml", key, sizeof(key));
	assert_string_equal(key, "ab12");
	bag_index_key("data/originals/2023/11/14/ab12.txt", key,
	    sizeof(key));
	assert_string_equal(key, "ab12");
	bag_index_key("data/originals/x/noext", key, sizeof(key));
	assert_string_equal(key, "noext");
	/* Anything else is its own key. */
	bag_index_key("data/catalog.tsv", key, sizeof(key));
	assert_string_equal(key, "data/catalog.tsv");
	bag_index_key("manifest-sha256.txt", key, sizeof(key));
	assert_string_equal(key, "manifest-sha256.txt");
}

static void
test_too_long(void **state)
{
	struct bag_index_rec rec;
	char path[BAG_INDEX_PATH_MAX + 1];

	(void)state;
	memset(path, 'a', sizeof(path) - 1);
	path[sizeof(path) - 1] = '\0';
	assert_int_equal(bag_index_rec_set(&rec, path), -1);
	path[sizeof(path) - 2] = '\0';
	assert_int_equal(bag_index_rec_set(&rec, path), 0);
	assert_string_equal(rec.path, path);
}

/* The order before: both keys copied out, strcmp(), then the paths. */
static int
reference_cmp(const struct bag_index_rec *x, const struct bag_index_rec *y)
{
	char kx[BAG_INDEX_PATH_MAX], ky[BAG_INDEX_PATH_MAX];
	int c;

	bag_index_key(x->path, kx, sizeof(kx));
	bag_index_key(y->path, ky, sizeof(ky));
	if ((c = strcmp(kx, ky)) != 0)
		return c;
	return strcmp(x->path, y->path);
}

static int
sign(int c)
{
	return (c > 0) - (c < 0);
}

/* A path of a bag, from a few parts, so that keys, dates and whole paths
 * are often the same or the start of one another. */
static void
random_path(char *out, size_t size)
{
	static const char *const dirs[] = {
		"data/items/2023/11/14/", "data/originals/2023/11/14/",
		"data/items/2024/01/02/", "data/originals/2024/01/02/",
		"data/", "", "data/items/", "data/originals/"
	};
	static const char *const keys[] = {
		"a", "ab", "abc", "b", "ab.c", "\xc3\xa9t\xc3\xa9", "~z", "A"
	};
	static const char *const exts[] = {
		".xml", ".txt", "", ".tsv", ".x.y"
	};

	snprintf(out, size, "%s%s%s", dirs[rand() % 8], keys[rand() % 8],
	    exts[rand() % 5]);
}

static void
test_order_as_before(void **state)
{
	struct bag_index_rec x, y;
	char a[BAG_INDEX_PATH_MAX], b[BAG_INDEX_PATH_MAX];
	int i;

	(void)state;
	srand(14);
	for (i = 0; i < 50000; i++) {
		random_path(a, sizeof(a));
		random_path(b, sizeof(b));
		assert_int_equal(bag_index_rec_set(&x, a), 0);
		assert_int_equal(bag_index_rec_set(&y, b), 0);
		assert_int_equal(sign(bag_index_rec_cmp(&x, &y)),
		    sign(reference_cmp(&x, &y)));
	}
}

/* A record that says its key is beyond its path compares by its path's
 * start, and is never read past. */
static void
test_record_that_lies(void **state)
{
	struct bag_index_rec x, y;

	(void)state;
	assert_int_equal(bag_index_rec_set(&x, "data/items/k.xml"), 0);
	assert_int_equal(bag_index_rec_set(&y, "data/items/k.xml"), 0);
	y.key_at = 0xFFFFFFF0u;
	y.key_len = 0x20;
	assert_true(bag_index_rec_cmp(&x, &y) > 0);
	assert_true(bag_index_rec_cmp(&y, &x) < 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_order_as_before),
		cmocka_unit_test(test_record_that_lies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
