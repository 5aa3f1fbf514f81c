/*
 * test_bagit_extract.c: writing a bundle's files under a target directory:
 * hostile names refused, links never followed (on the way or at the
 * file), nothing replaced without force, and no partial file left when a
 * write fails.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "bagit/extract.h"

static char top[64];		/* the test's own directory */
static char target[128];	/* the target, inside it */
static char outside[128];	/* a directory beside the target */

static int
setup(void **state)
{
	(void)state;
	snprintf(top, sizeof(top), "/tmp/extract.XXXXXX");
	if (mkdtemp(top) == NULL)
		return -1;
	snprintf(target, sizeof(target), "%s/target", top);
	snprintf(outside, sizeof(outside), "%s/outside", top);
	return mkdir(outside, 0755);
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", top);
	return system(cmd) == 0 ? 0 : -1;
}

static int
exists(const char *fmt, const char *a)
{
	char path[256];
	struct stat st;

	snprintf(path, sizeof(path), fmt, a);
	return lstat(path, &st) == 0;
}

static char *
slurp(const char *path)
{
	static char buf[256];
	FILE *fp = fopen(path, "rb");
	size_t n;

	assert_non_null(fp);
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static void
test_names(void **state)
{
	char stem[64];

	(void)state;
	assert_true(extract_safe_name("maritim-1987"));
	assert_false(extract_safe_name(""));
	assert_false(extract_safe_name("."));
	assert_false(extract_safe_name(".."));
	assert_false(extract_safe_name("a/b"));
	assert_false(extract_safe_name("a\\b"));
	assert_string_equal(extract_item_place("data/items/2021/08/10/x.xml"),
	    "2021/08/10/x.xml");
	assert_string_equal(extract_item_place("data/other.xml"),
	    "other.xml");
	assert_int_equal(extract_item_stem("data/items/2021/08/10/x.xml",
	    stem, sizeof(stem)), WARTA_OK);
	assert_string_equal(stem, "2021/08/10/x");
	assert_int_equal(extract_item_stem("data/items/2021/x.xml", stem, 6),
	    WARTA_FAILED);
}

static void
test_writes_under_target(void **state)
{
	struct extract x = { target, 0, 0 };
	struct warta_error err;
	char path[256];

	(void)state;
	assert_int_equal(extract_write(&x, "bag/data/items/2021/x.xml", "<a/>",
	    4, &err), WARTA_OK);
	assert_int_equal(x.written, 1);
	snprintf(path, sizeof(path), "%s/bag/data/items/2021/x.xml", target);
	assert_string_equal(slurp(path), "<a/>");
	/* There already: refused, and left as it was. */
	assert_int_equal(extract_write(&x, "bag/data/items/2021/x.xml", "new",
	    3, &err), WARTA_FAILED);
	assert_string_equal(slurp(path), "<a/>");
	assert_non_null(strstr(err.message, "/bag/data/items/2021/x.xml: "
	    "exists; give --force to replace it"));
	assert_int_equal(x.written, 1);
	/* With force, replaced. */
	x.force = 1;
	assert_int_equal(extract_write(&x, "bag/data/items/2021/x.xml", "new",
	    3, &err), WARTA_OK);
	assert_string_equal(slurp(path), "new");
	assert_int_equal(extract_write(&x, "bag/data/empty.txt", "", 0, &err),
	    WARTA_OK);
	assert_int_equal(x.written, 3);
}

static void
test_hostile_names(void **state)
{
	static const char *refused[] = { "../escape.txt", "bag/../../up.txt",
	    "/etc/evil", "bag//x", "bag/./x", "bag/x/", "", "..", "." };
	struct extract x = { target, 1, 0 };
	struct warta_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		warta_error_clear(&err);
		assert_int_equal(extract_write(&x, refused[i], "x", 1, &err),
		    WARTA_FAILED);
		assert_non_null(strstr(err.message, "not a plain relative "
		    "path, refused"));
	}
	assert_int_equal(x.written, 0);
	assert_false(exists("%s/escape.txt", top));
	assert_false(exists("%s/up.txt", top));
}

static void
test_links_never_followed(void **state)
{
	struct extract x = { target, 1, 0 };
	struct warta_error err;
	char link[256], file[256];

	(void)state;
	/* A link on the way: refused, with the directory named. */
	assert_int_equal(extract_write(&x, "first.txt", "1", 1, &err),
	    WARTA_OK);
	snprintf(link, sizeof(link), "%s/linked", target);
	assert_int_equal(symlink(outside, link), 0);
	assert_int_equal(extract_write(&x, "linked/data/x.txt", "x", 1, &err),
	    WARTA_FAILED);
	assert_non_null(strstr(err.message, "/target/linked: not a directory "
	    "(a link is never followed)"));
	assert_false(exists("%s/data", outside));
	/* A link at the file itself, even with force. */
	snprintf(file, sizeof(file), "%s/victim.txt", outside);
	snprintf(link, sizeof(link), "%s/bag2/x.txt", target);
	assert_int_equal(extract_write(&x, "bag2/other.txt", "o", 1, &err),
	    WARTA_OK);
	assert_int_equal(symlink(file, link), 0);
	assert_int_equal(extract_write(&x, "bag2/x.txt", "x", 1, &err),
	    WARTA_FAILED);
	assert_non_null(strstr(err.message, "/bag2/x.txt: "));
	assert_false(exists("%s", file));
	assert_int_equal(x.written, 2);
}

static void
test_no_partial_file(void **state)
{
	struct extract x = { target, 1, 0 };
	struct warta_error err;
	struct rlimit saved, small;
	static char big[4096];
	void (*old)(int);

	(void)state;
	/* A file may not grow past 100 bytes: the write fails half way. */
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &saved), 0);
	small = saved;
	small.rlim_cur = 100;
	old = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	memset(big, 'x', sizeof(big));
	assert_int_equal(extract_write(&x, "bag3/big.txt", big, sizeof(big),
	    &err), WARTA_FAILED);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &saved), 0);
	signal(SIGXFSZ, old);
	assert_non_null(strstr(err.message, "/bag3/big.txt: "));
	assert_false(exists("%s/bag3/big.txt", target));
	assert_int_equal(x.written, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_writes_under_target),
		cmocka_unit_test(test_hostile_names),
		cmocka_unit_test(test_links_never_followed),
		cmocka_unit_test(test_no_partial_file),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
