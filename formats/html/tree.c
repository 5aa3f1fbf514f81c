/*
 * html/tree.c: the site's folder; see html/tree.h.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "html/tree.h"

#define MARKER ".warta-site"
#define MARKER_TEXT "a site written by warta-html; it may be replaced whole\n"

struct html_tree {
	char *dir;	/* the final name */
	char *tmp;	/* where it is built */
	int fd;		/* of tmp */
	int committed;
};

/* 1 when path is missing, an empty folder or an earlier site; 0 when it
 * is something else; -1 with errno. */
static int
replaceable(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *de;
	int empty = 1, marked = 0;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 1 : -1;
	if (!S_ISDIR(st.st_mode))
		return 0;
	if ((d = opendir(path)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		empty = 0;
		if (strcmp(de->d_name, MARKER) == 0)
			marked = 1;
	}
	closedir(d);
	return empty || marked;
}

static int
remove_one(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

static void
remove_tree(const char *path)
{
	(void)nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

struct html_tree *
html_tree_new(const char *dir, struct warta_error *err)
{
	struct html_tree *t;
	size_t n = strlen(dir);
	int ok;

	while (n > 1 && dir[n - 1] == '/')
		n--;
	if ((ok = replaceable(dir)) <= 0) {
		if (ok < 0)
			warta_error_set(err, -1, "%s: %s", dir,
			    strerror(errno));
		else
			warta_error_set(err, -1, "%s: exists and is not a "
			    "site of warta-html (nor an empty folder); "
			    "give a new name", dir);
		return NULL;
	}
	if ((t = calloc(1, sizeof(*t))) == NULL ||
	    (t->dir = strndup(dir, n)) == NULL ||
	    asprintf(&t->tmp, "%s.warta-XXXXXX", t->dir) < 0) {
		if (t != NULL)
			free(t->dir);
		free(t);
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	t->fd = -1;
	if (mkdtemp(t->tmp) == NULL) {
		warta_error_set(err, -1, "%s: %s", t->tmp, strerror(errno));
		free(t->tmp);
		t->tmp = NULL;
		html_tree_free(t);
		return NULL;
	}
	/* mkdtemp makes it 0700: a site is for reading. */
	(void)chmod(t->tmp, 0755);
	if ((t->fd = open(t->tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0 ||
	    html_tree_write(t, MARKER, MARKER_TEXT, sizeof(MARKER_TEXT) - 1,
	    err) != WARTA_OK) {
		if (t->fd < 0)
			warta_error_set(err, -1, "%s: %s", t->tmp,
			    strerror(errno));
		html_tree_free(t);
		return NULL;
	}
	return t;
}

/* The folders of path, made one by one from the root. */
static int
make_parents(int fd, const char *path)
{
	char buf[512];
	char *s;

	if (strlen(path) >= sizeof(buf))
		return -1;
	strcpy(buf, path);
	for (s = strchr(buf, '/'); s != NULL; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdirat(fd, buf, 0755) != 0 && errno != EEXIST)
			return -1;
		*s = '/';
	}
	return 0;
}

/*
 * path made for writing with flags (O_TRUNC, or O_EXCL), its folders as
 * needed: the descriptor; -1 with err; or, with O_EXCL, -2 when a file is
 * there.
 */
static int
create_file(struct html_tree *t, const char *path, int flags,
    struct warta_error *err)
{
	int fd;

	flags |= O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW;
	fd = openat(t->fd, path, flags, 0644);
	if (fd < 0 && errno == ENOENT && make_parents(t->fd, path) == 0)
		fd = openat(t->fd, path, flags, 0644);
	if (fd < 0 && errno == EEXIST && (flags & O_EXCL))
		return -2;
	if (fd < 0)
		warta_error_set(err, -1, "%s/%s: %s", t->dir, path,
		    strerror(errno));
	return fd;
}

static int
put_bytes(const struct html_tree *t, int fd, const char *path,
    const void *data, size_t len, struct warta_error *err)
{
	const char *p = data;

	while (len > 0) {
		ssize_t w = write(fd, p, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return warta_error_set(err, -1, "%s/%s: %s", t->dir,
			    path, strerror(w < 0 ? errno : EIO));
		p += w;
		len -= (size_t)w;
	}
	return WARTA_OK;
}

/* Closes fd; rc, or a failure of the close. */
static int
close_file(const struct html_tree *t, int fd, const char *path, int rc,
    struct warta_error *err)
{
	if (close(fd) != 0 && rc == WARTA_OK)
		return warta_error_set(err, -1, "%s/%s: %s", t->dir, path,
		    strerror(errno));
	return rc;
}

static int
put_file(struct html_tree *t, const char *path, const void *data,
    size_t len, int flags, struct warta_error *err)
{
	int fd;

	if ((fd = create_file(t, path, flags, err)) == -2)
		return HTML_TREE_EXISTS;
	if (fd < 0)
		return WARTA_FAILED;
	return close_file(t, fd, path, put_bytes(t, fd, path, data, len, err),
	    err);
}

int
html_tree_write(struct html_tree *t, const char *path, const void *data,
    size_t len, struct warta_error *err)
{
	return put_file(t, path, data, len, O_TRUNC, err);
}

int
html_tree_create(struct html_tree *t, const char *path, const void *data,
    size_t len, struct warta_error *err)
{
	return put_file(t, path, data, len, O_EXCL, err);
}

int
html_tree_remove_others(struct html_tree *t, const char *dir,
    const char *prefix, const char *keep, struct warta_error *err)
{
	size_t plen = strlen(prefix);
	struct dirent *de;
	DIR *d;
	int fd, rc = WARTA_OK;

	fd = openat(t->fd, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC |
	    O_NOFOLLOW);
	if (fd < 0)
		return errno == ENOENT ? WARTA_OK : warta_error_set(err, -1,
		    "%s/%s: %s", t->dir, dir, strerror(errno));
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return warta_error_set(err, -1, "%s/%s: %s", t->dir, dir,
		    strerror(errno));
	}
	while ((de = readdir(d)) != NULL)
		if (strncmp(de->d_name, prefix, plen) == 0 &&
		    (keep == NULL || strcmp(de->d_name, keep) != 0) &&
		    unlinkat(dirfd(d), de->d_name, 0) != 0 && errno != ENOENT) {
			rc = warta_error_set(err, -1, "%s/%s/%s: %s", t->dir,
			    dir, de->d_name, strerror(errno));
			break;
		}
	closedir(d);
	return rc;
}

int
html_tree_copy(struct html_tree *t, const char *path, FILE *from,
    struct warta_error *err)
{
	char buf[65536];
	size_t n;
	int fd, rc = WARTA_OK;

	if (fflush(from) != 0 || fseeko(from, 0, SEEK_SET) != 0)
		return warta_error_set(err, -1, "a temporary file: %s",
		    strerror(errno));
	if ((fd = create_file(t, path, O_TRUNC, err)) < 0)
		return WARTA_FAILED;
	while (rc == WARTA_OK && (n = fread(buf, 1, sizeof(buf), from)) > 0)
		rc = put_bytes(t, fd, path, buf, n, err);
	if (rc == WARTA_OK && ferror(from))
		rc = warta_error_set(err, -1, "a temporary file: %s",
		    strerror(errno));
	return close_file(t, fd, path, rc, err);
}

int
html_tree_commit(struct html_tree *t, struct warta_error *err)
{
	char *old = NULL;
	int rc = WARTA_OK;

	if (rename(t->tmp, t->dir) == 0) {
		t->committed = 1;
		return WARTA_OK;
	}
	if (errno != ENOTEMPTY && errno != EEXIST)
		return warta_error_set(err, -1, "%s: %s", t->dir,
		    strerror(errno));
	/* An earlier site: moved aside, the new one in, the old removed.
	 * (Checked again: it may have changed since html_tree_new().) */
	if (replaceable(t->dir) != 1)
		return warta_error_set(err, -1, "%s: is no longer a site of "
		    "warta-html; the new site is left in %s", t->dir, t->tmp);
	if (asprintf(&old, "%s.warta-XXXXXX", t->dir) < 0 ||
	    mkdtemp(old) == NULL) {
		rc = warta_error_set(err, -1, "%s: %s", t->dir,
		    strerror(errno));
		goto out;
	}
	if (rename(t->dir, old) != 0) {
		rc = warta_error_set(err, -1, "%s: %s", t->dir,
		    strerror(errno));
		(void)rmdir(old);
		goto out;
	}
	if (rename(t->tmp, t->dir) != 0) {
		rc = warta_error_set(err, -1, "%s: %s", t->dir,
		    strerror(errno));
		(void)rename(old, t->dir);	/* the earlier site back */
		goto out;
	}
	t->committed = 1;
	remove_tree(old);
out:
	free(old);
	return rc;
}

void
html_tree_free(struct html_tree *t)
{
	if (t == NULL)
		return;
	if (t->fd >= 0)
		close(t->fd);
	if (!t->committed && t->tmp != NULL)
		remove_tree(t->tmp);
	free(t->tmp);
	free(t->dir);
	free(t);
}
