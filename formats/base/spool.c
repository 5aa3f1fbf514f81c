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
spool_open(struct spool *s, struct warta_error *err)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	FILE *fp;
	int fd;

	s->fp = NULL;
	if ((s->buf = malloc(SPOOL_BUFFER)) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	if ((size_t)snprintf(path, sizeof(path), "%s/warta.XXXXXX", dir) >=
	    sizeof(path)) {
		warta_error_set(err, -1, "temporary file: TMPDIR is too long");
		goto fail;
	}
	if ((fd = mkstemp(path)) < 0) {
		warta_error_set(err, -1, "temporary file in %s: %s", dir,
		    strerror(errno));
		goto fail;
	}
	/* Nameless from now on: nothing is left behind, however we end. */
	(void)unlink(path);
	if ((fp = fdopen(fd, "w+b")) == NULL) {
		warta_error_set(err, -1, "temporary file: %s",
		    strerror(errno));
		close(fd);
		goto fail;
	}
	(void)setvbuf(fp, s->buf, _IOFBF, SPOOL_BUFFER);
	return s->fp = fp;
fail:
	free(s->buf);
	s->buf = NULL;
	return NULL;
}

int
spool_close(struct spool *s)
{
	int r = 0;

	if (s->fp != NULL)
		r = fclose(s->fp);
	/* Only now: stdio writes what it holds from it on fclose(). */
	free(s->buf);
	*s = (struct spool)SPOOL_INIT;
	return r;
}

struct spool_closing {
	pthread_t thread;
	size_t n;
	struct spool ss[];
};

static void *
close_all(void *arg)
{
	struct spool_closing *c = arg;
	size_t i;

	for (i = 0; i < c->n; i++)
		(void)spool_close(&c->ss[i]);
	return NULL;
}

struct spool_closing *
spool_close_behind(struct spool *ss, size_t n)
{
	struct spool_closing *c;
	size_t i, k = 0;

	if ((c = malloc(sizeof(*c) + n * sizeof(c->ss[0]))) != NULL) {
		for (i = 0; i < n; i++)
			if (ss[i].fp != NULL)
				c->ss[k++] = ss[i];
		c->n = k;
		if (pthread_create(&c->thread, NULL, close_all, c) != 0) {
			free(c);
			c = NULL;
		}
	}
	/* Without a thread, at once: the spools are done with either way. */
	for (i = 0; i < n; i++) {
		if (c == NULL)
			(void)spool_close(&ss[i]);
		ss[i] = (struct spool)SPOOL_INIT;
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
