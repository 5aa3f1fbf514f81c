/*
 * jobs.c: the main thread's side of -j N; see jobs.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobs.h"

/* Jobs and bytes waiting in the pool at most (see jobs.h). */
#define JOBS_PER_THREAD	8
#define JOBS_BYTES	((size_t)64 << 20)

struct jobs {
	struct jobs_ops ops;
	struct workpool *pool;
	size_t depth;
	size_t bytes;			/* of the jobs in the pool */
	struct jobs_job *filling;	/* by the main thread */
	struct jobs_job *free_jobs;
};

struct jobs *
jobs_new(unsigned threads, const struct jobs_ops *ops,
    struct warta_error *err)
{
	struct jobs *q;

	if ((q = calloc(1, sizeof(*q))) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	q->ops = *ops;
	q->depth = (size_t)threads * JOBS_PER_THREAD + 1;
	if ((q->pool = workpool_new(threads, q->depth, ops->run, ops->arg,
	    err)) == NULL) {
		free(q);
		return NULL;
	}
	return q;
}

static void
free_job(struct jobs *q, struct jobs_job *j)
{
	if (q->ops.reset != NULL)
		q->ops.reset(j, 1);
	wbuf_release(&j->notes);
	free(j);
}

void
jobs_free(struct jobs *q)
{
	struct jobs_job *j;

	if (q == NULL)
		return;
	while ((j = workpool_next(q->pool)) != NULL)	/* not taken back */
		free_job(q, j);
	workpool_free(q->pool);
	if (q->filling != NULL)
		free_job(q, q->filling);
	while ((j = q->free_jobs) != NULL) {
		q->free_jobs = j->next_free;
		free_job(q, j);
	}
	free(q);
}

size_t
jobs_capacity(const struct jobs *q)
{
	/* The pool's depth (jobs_submit() never passes it), and the job
	 * being filled. */
	return q->depth + 1;
}

struct jobs_job *
jobs_current(struct jobs *q)
{
	struct jobs_job *j;

	if (q->filling != NULL)
		return q->filling;
	if ((j = q->free_jobs) != NULL)
		q->free_jobs = j->next_free;
	else if ((j = calloc(1, q->ops.size)) == NULL)
		return NULL;
	j->next_free = NULL;
	return q->filling = j;
}

void
jobs_note(struct jobs *q, const char *what, const char *fmt, ...)
{
	struct jobs_job *j = jobs_current(q);
	struct wbuf msg = WBUF_INIT;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0 && wbuf_reserve(&msg, (size_t)n + 1) == WARTA_OK) {
		va_start(ap, fmt);
		vsnprintf(msg.data, (size_t)n + 1, fmt, ap);
		va_end(ap);
		msg.len = (size_t)n;
	}
	if (j == NULL)		/* out of memory: at once */
		cli_warn_at(what, "%s", msg.data != NULL ? msg.data :
		    "out of memory");
	else {
		cli_note(&j->notes, what, "%s", msg.data != NULL ? msg.data :
		    "out of memory");
		j->notes_before = j->notes.len;
	}
	wbuf_release(&msg);
}

static void
take_back(struct jobs *q)
{
	struct jobs_job *j = workpool_next(q->pool);

	q->ops.take_back(q->ops.arg, j);
	q->bytes -= j->bytes;
	if (q->ops.reset != NULL)
		q->ops.reset(j, 0);
	wbuf_reset(&j->notes);
	j->notes_before = 0;
	j->has_item = 0;
	j->bytes = 0;
	j->next_free = q->free_jobs;
	q->free_jobs = j;
}

void
jobs_submit(struct jobs *q, int has_item, size_t bytes)
{
	struct jobs_job *j = q->filling;

	if (j == NULL)
		return;
	q->filling = NULL;
	j->has_item = has_item;
	j->bytes = bytes;
	if (workpool_full(q->pool)) {
		/* Half the pool, for one wake-up of the main thread. */
		workpool_wait(q->pool, workpool_pending(q->pool) - q->depth /
		    2);
	}
	if (workpool_full(q->pool) || q->bytes + bytes > JOBS_BYTES)
		while (workpool_pending(q->pool) > 0 &&
		    (workpool_pending(q->pool) > q->depth / 2 ||
		    q->bytes + bytes > JOBS_BYTES / 2))
			take_back(q);
	q->bytes += bytes;
	workpool_submit(q->pool, j);
}

void
jobs_finish(struct jobs *q)
{
	if (q->filling != NULL)
		jobs_submit(q, 0, 0);
	while (workpool_pending(q->pool) > 0)
		take_back(q);
}
