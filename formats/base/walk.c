/*
 * base/walk.c: the files at a path and under it; see walk.h.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/walk.h"
#include "base/warta.h"

static void walk(const char *path, int top, const struct walk_visitor *v);

static int
compare_names(const struct dirent **a, const struct dirent **b)
{
	/* Byte order, not the locale's collation: the same tree gives the
	 * same order on every machine. */
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int
visible(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

static int
stopped(const struct walk_visitor *v)
{
	return v->stop != NULL && v->stop(v->ctx);
}

/* Walks dir "/" name, without doubling a '/' that dir ends with. */
static void
walk_child(const char *dir, const char *name, const struct walk_visitor *v)
{
	struct wbuf child = WBUF_INIT;
	size_t len = strlen(dir);

	if (wbuf_puts(&child, dir) != WARTA_OK ||
	    (len > 0 && dir[len - 1] != '/' &&
	    wbuf_putc(&child, '/') != WARTA_OK) ||
	    wbuf_puts(&child, name) != WARTA_OK ||
	    wbuf_putc(&child, '\0') != WARTA_OK)
		v->problem(v->ctx, dir, WALK_FAILED, "out of memory");
	else
		walk(child.data, 0, v);
	wbuf_release(&child);
}

static void
walk_dir(const char *path, const struct walk_visitor *v)
{
	struct dirent **names;
	int i, n;

	if ((n = scandir(path, &names, visible, compare_names)) < 0) {
		v->problem(v->ctx, path, WALK_FAILED, strerror(errno));
		return;
	}
	for (i = 0; i < n; i++) {
		if (!stopped(v))
			walk_child(path, names[i]->d_name, v);
		free(names[i]);
	}
	free(names);
}

/* top: the path given, followed wherever it leads; see walk.h. */
static void
walk(const char *path, int top, const struct walk_visitor *v)
{
	struct stat st;

	if ((top ? stat(path, &st) : lstat(path, &st)) != 0) {
		v->problem(v->ctx, path, WALK_FAILED, strerror(errno));
		return;
	}
	if (S_ISLNK(st.st_mode)) {
		if (stat(path, &st) != 0) {
			v->problem(v->ctx, path, WALK_FAILED,
			    "dangling symbolic link");
			return;
		}
		if (S_ISDIR(st.st_mode)) {
			v->problem(v->ctx, path, WALK_PASSED_OVER,
			    "symbolic link to a directory, not followed");
			return;
		}
	}
	if (S_ISDIR(st.st_mode))
		walk_dir(path, v);
	else if (S_ISREG(st.st_mode))
		v->file(v->ctx, path, &st);
	else
		v->problem(v->ctx, path, WALK_FAILED, "not a regular file");
}

void
walk_path(const char *path, const struct walk_visitor *v)
{
	walk(path, 1, v);
}
