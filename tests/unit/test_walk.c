/*
 * test_walk.c: the files under a path, in byte order, with the links,
 * hidden names and special files handled as walk.h says.
 */
#include <sys/stat.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/buf.h"
#include "base/walk.h"

struct seen {
	char top[64];		/* the temporary directory, cut from paths */
	struct wbuf log;	/* one line per file or problem */
	int files, stop_after;
};

static const char *
rel(struct seen *s, const char *path)
{
	size_t n = strlen(s->top);

	return strncmp(path, s->top, n) == 0 ? path + n : path;
}

static void
on_file(void *ctx, const char *path, const struct stat *st)
{
	struct seen *s = ctx;
	char line[256];

	s->files++;
	snprintf(line, sizeof(line), "file %s %lld\n", rel(s, path),
	    (long long)st->st_size);
	assert_int_equal(wbuf_puts(&s->log, line), 0);
}

static void
on_problem(void *ctx, const char *path, enum walk_problem kind,
    const char *message)
{
	struct seen *s = ctx;
	char line[256];

	snprintf(line, sizeof(line), "%s %s: %s\n", kind == WALK_FAILED ?
	    "failed" : "passed over", rel(s, path), message);
	assert_int_equal(wbuf_puts(&s->log, line), 0);
}

static int
on_stop(void *ctx)
{
	struct seen *s = ctx;

	return s->stop_after > 0 && s->files >= s->stop_after;
}

static void
put_file(const char *dir, const char *name, const char *text)
{
	char path[256];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(fp = fopen(path, "w"));
	fputs(text, fp);
	fclose(fp);
}

/*
 * top/ B(1) a(2) .hidden sub/ c(3) sub/d/ e(4), links to a file, to a
 * directory and to nothing, and a FIFO.
 */
static int
setup(void **state)
{
	struct seen *s = calloc(1, sizeof(*s));
	char p[128], q[128];

	assert_non_null(s);
	snprintf(s->top, sizeof(s->top), "%s/walkXXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(s->top));
	put_file(s->top, "B", "1");
	put_file(s->top, "a", "22");
	put_file(s->top, ".hidden", "x");
	snprintf(p, sizeof(p), "%s/sub", s->top);
	assert_int_equal(mkdir(p, 0700), 0);
	put_file(p, "c", "333");
	snprintf(q, sizeof(q), "%s/sub/d", s->top);
	assert_int_equal(mkdir(q, 0700), 0);
	put_file(q, "e", "4444");
	snprintf(p, sizeof(p), "%s/to-file", s->top);
	assert_int_equal(symlink("a", p), 0);
	snprintf(p, sizeof(p), "%s/to-dir", s->top);
	assert_int_equal(symlink("sub", p), 0);
	snprintf(p, sizeof(p), "%s/to-nothing", s->top);
	assert_int_equal(symlink("nothing", p), 0);
	snprintf(p, sizeof(p), "%s/fifo", s->top);
	assert_int_equal(mkfifo(p, 0600), 0);
	wbuf_init(&s->log);
	*state = s;
	return 0;
}

static int
teardown(void **state)
{
	struct seen *s = *state;
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", s->top);
	assert_int_equal(system(cmd), 0);
	wbuf_release(&s->log);
	free(s);
	return 0;
}

static const char *
walked(struct seen *s, const char *under)
{
	struct walk_visitor v = { on_file, on_problem, on_stop, NULL };
	char path[128];

	v.ctx = s;
	snprintf(path, sizeof(path), "%s%s", s->top, under);
	wbuf_reset(&s->log);
	walk_path(path, &v);
	assert_int_equal(wbuf_putc(&s->log, '\0'), 0);
	return s->log.data;
}

static void
test_tree_in_byte_order(void **state)
{
	struct seen *s = *state;

	/* "B" before "a": bytes, not the locale.  No ".hidden". */
	assert_string_equal(walked(s, ""),
	    "file /B 1\n"
	    "file /a 2\n"
	    "failed /fifo: not a regular file\n"
	    "file /sub/c 3\n"
	    "file /sub/d/e 4\n"
	    "passed over /to-dir: symbolic link to a directory, not followed\n"
	    "file /to-file 2\n"
	    "failed /to-nothing: dangling symbolic link\n");
}

static void
test_given_path_is_followed(void **state)
{
	struct seen *s = *state;

	/* Named by the caller: a link to a directory is walked, a
	 * trailing '/' is not doubled. */
	assert_string_equal(walked(s, "/to-dir"),
	    "file /to-dir/c 3\n"
	    "file /to-dir/d/e 4\n");
	assert_string_equal(walked(s, "/sub/"),
	    "file /sub/c 3\n"
	    "file /sub/d/e 4\n");
	assert_string_equal(walked(s, "/.hidden"), "file /.hidden 1\n");
	assert_string_equal(walked(s, "/missing"),
	    "failed /missing: No such file or directory\n");
	assert_string_equal(walked(s, "/to-nothing"),
	    "failed /to-nothing: No such file or directory\n");
}

static void
test_stop(void **state)
{
	struct seen *s = *state;

	s->stop_after = 2;
	assert_string_equal(walked(s, ""), "file /B 1\nfile /a 2\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_tree_in_byte_order, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_given_path_is_followed,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_stop, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
