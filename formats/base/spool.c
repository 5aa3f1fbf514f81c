/*
 * base/spool.c: anonymous temporary files in $TMPDIR; see base/spool.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/spool.h"

FILE *
spool_open(struct warta_error *err)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	FILE *fp;
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	if ((size_t)snprintf(path, sizeof(path), "%s/warta.XXXXXX", dir) >=
	    sizeof(path)) {
		warta_error_set(err, -1, "temporary file: TMPDIR is too long");
		return NULL;
	}
	if ((fd = mkstemp(path)) < 0) {
		warta_error_set(err, -1, "temporary file in %s: %s", dir,
		    strerror(errno));
		return NULL;
	}
	/* Nameless from now on: nothing is left behind, however we end. */
	(void)unlink(path);
	if ((fp = fdopen(fd, "w+b")) == NULL) {
		warta_error_set(err, -1, "temporary file: %s",
		    strerror(errno));
		close(fd);
		return NULL;
	}
	return fp;
}
