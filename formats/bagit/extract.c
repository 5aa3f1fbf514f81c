/*
 * bagit/extract.c: files written under a target directory, safely; see
 * bagit/extract.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bagit/extract.h"

int
extract_safe_name(const char *name)
{
	return *name != '\0' && strcmp(name, ".") != 0 &&
	    strcmp(name, "..") != 0 && strchr(name, '/') == NULL &&
	    strchr(name, '\\') == NULL;
}

const char *
extract_item_place(const char *path)
{
	if (strncmp(path, "data/", 5) == 0)
		path += 5;
	if (strncmp(path, "items/", 6) == 0)
		path += 6;
	return path;
}

int
extract_item_stem(const char *path, char *stem, size_t size)
{
	const char *rel = extract_item_place(path);
	size_t n;

	n = strlen(rel);
	if (n > 4 && strcmp(rel + n - 4, ".xml") == 0)
		n -= 4;
	if (n >= size)
		return WARTA_FAILED;
	memcpy(stem, rel, n);
	stem[n] = '\0';
	return WARTA_OK;
}

/* Relative, and every component a plain name. */
static int
plain_relative(const char *rel)
{
	const char *p = rel;
	size_t n;

	if (*rel == '/')
		return 0;
	for (;;) {
		n = strcspn(p, "/");
		if (n == 0 || (n == 1 && p[0] == '.') ||
		    (n == 2 && p[0] == '.' && p[1] == '.'))
			return 0;
		if (p[n] == '\0')
			return 1;
		p += n + 1;
	}
}

/*
 * Makes the directories of path, refusing any under the target that is a
 * symbolic link.  The first dirlen bytes are the target, the user's own
 * choice: it may be reached through links (a home directory on a link is
 * common), and only what the bundle names is checked.
 */
static int
make_parents(char *path, size_t dirlen, struct warta_error *err)
{
	struct stat st;
	char *p;
	int rc = WARTA_OK, found;

	for (p = path + 1; rc == WARTA_OK && (p = strchr(p, '/')) != NULL;
	    p++) {
		*p = '\0';
		found = (size_t)(p - path) <= dirlen ? stat(path, &st) :
		    lstat(path, &st);
		if (found == 0) {
			if (!S_ISDIR(st.st_mode))
				rc = warta_error_set(err, -1, "%s: not a "
				    "directory (a link is never followed)",
				    path);
		} else if (mkdir(path, 0755) != 0 && errno != EEXIST)
			rc = warta_error_set(err, -1, "%s: %s", path,
			    strerror(errno));
		*p = '/';
	}
	return rc;
}

static int
write_all(int fd, const char *s, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, s, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

int
extract_write(struct extract *x, const char *rel, const void *p, size_t len,
    struct warta_error *err)
{
	int fd, flags = O_WRONLY | O_CREAT | O_NOFOLLOW;
	char path[PATH_MAX];
	int n;

	n = snprintf(path, sizeof(path), "%s/%s", x->dir, rel);
	if (n < 0 || (size_t)n >= sizeof(path))
		return warta_error_set(err, -1, "%s/%s: the path is too long",
		    x->dir, rel);
	if (!plain_relative(rel))
		return warta_error_set(err, -1, "%s: not a plain relative "
		    "path, refused", rel);
	if (make_parents(path, strlen(x->dir), err) != WARTA_OK)
		return WARTA_FAILED;
	flags |= x->force ? O_TRUNC : O_EXCL;
	if ((fd = open(path, flags, 0644)) < 0)
		return warta_error_set(err, -1, "%s: %s", path,
		    errno == EEXIST ? "exists; give --force to replace it" :
		    strerror(errno));
	if (write_all(fd, p, len) != 0) {
		warta_error_set(err, -1, "%s: %s", path, strerror(errno));
		(void)close(fd);
	} else if (close(fd) != 0)
		warta_error_set(err, -1, "%s: %s", path, strerror(errno));
	else {
		x->written++;
		return WARTA_OK;
	}
	/* A file cut short is worse than none. */
	(void)unlink(path);
	return WARTA_FAILED;
}
