/*
 * base/walk.h: the files at a path and under it, in the same order on
 * every machine (byte order of the names, not the locale's collation).
 *
 * The path given is followed wherever it leads.  Inside a directory, names
 * that start with '.' are passed over, a symbolic link to a file is
 * visited but one to a directory is not followed (no loops, no leaving the
 * tree), and what is neither a file nor a directory is a problem.  Files
 * and problems go to callbacks; nothing is printed.
 */
#ifndef WARTA_WALK_H
#define WARTA_WALK_H

#include <sys/stat.h>

enum walk_problem {
	WALK_FAILED,		/* a path that could not be walked */
	WALK_PASSED_OVER	/* a link to a directory, not followed */
};

struct walk_visitor {
	/* A regular file, or a link to one; st describes the file. */
	void (*file)(void *ctx, const char *path, const struct stat *st);
	/* message: lowercase, no full stop ("dangling symbolic link"). */
	void (*problem)(void *ctx, const char *path, enum walk_problem kind,
	    const char *message);
	/* Nonzero to walk no further; NULL walks everything. */
	int (*stop)(void *ctx);
	void *ctx;
};

void walk_path(const char *path, const struct walk_visitor *v);

#endif
