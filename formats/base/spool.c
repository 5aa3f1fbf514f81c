/*
 * base/spool.c: anonymous temporary files in $TMPDIR; see base/spool.h.
 */
#include <errno.h>
#include <pthread.h>
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

struct spool_closing {
	pthread_t thread;
	size_t n;
	FILE *fps[];
};

static void *
close_all(void *arg)
{
	struct spool_closing *c = arg;
	size_t i;

	for (i = 0; i < c->n; i++)
		(void)fclose(c->fps[i]);
	return NULL;
}

struct spool_closing *
spool_close_behind(FILE **fps, size_t n)
{
	struct spool_closing *c;
	size_t i, k = 0;

	if ((c = malloc(sizeof(*c) + n * sizeof(c->fps[0]))) != NULL) {
		for (i = 0; i < n; i++)
			if (fps[i] != NULL)
				c->fps[k++] = fps[i];
		c->n = k;
		if (pthread_create(&c->thread, NULL, close_all, c) != 0) {
			free(c);
			c = NULL;
		}
	}
	/* Without a thread, at once: the spools are done with either way. */
	for (i = 0; i < n; i++) {
		if (c == NULL && fps[i] != NULL)
			(void)fclose(fps[i]);
		fps[i] = NULL;
	}
	return c;
}

void
spool_closed(struct spool_closing *c)
{
	if (c == NULL)
		return;
	(void)pthread_join(c->thread, NULL);
	free(c);
}
