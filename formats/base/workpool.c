/*
 * base/workpool.c: an ordered pool of threads; see base/workpool.h.
 *
 * The jobs sit in a ring of depth slots, in the order given.  `head` is
 * the oldest (the next workpool_next() returns it), `next_run` the oldest
 * not yet started, `count` how many slots are in use.  One mutex guards
 * it all; a job itself runs outside it.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/workpool.h"

struct slot {
	void *job;
	int done;
};

struct workpool {
	workpool_fn *fn;
	void *arg;
	unsigned threads, started;
	pthread_t *tid;
	pthread_mutex_t lock;
	pthread_cond_t work;		/* a job to start, or stop */
	pthread_cond_t finished;	/* a job done */
	struct slot *ring;
	size_t depth, head, count, next_run;	/* next_run counts from head */
	struct slot *awaited;		/* the caller sleeps till it is done */
	int stopping;
};

struct worker {
	struct workpool *p;
	unsigned n;
};

static void *
worker_main(void *v)
{
	struct worker *w = v;
	struct workpool *p = w->p;
	unsigned n = w->n;
	struct slot *s;

	free(w);
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!p->stopping && p->next_run == p->count)
			pthread_cond_wait(&p->work, &p->lock);
		if (p->next_run == p->count)
			break;		/* stopping, and nothing left */
		s = &p->ring[(p->head + p->next_run) % p->depth];
		p->next_run++;
		pthread_mutex_unlock(&p->lock);
		p->fn(s->job, n, p->arg);
		pthread_mutex_lock(&p->lock);
		s->done = 1;
		/* Only the job the caller waits for wakes it: a wake-up for
		 * any other was a context switch for nothing, one an item on
		 * the thread that reads and writes, and on a virtual machine
		 * each costs tens of microseconds of CPU. */
		if (s == p->awaited)
			pthread_cond_broadcast(&p->finished);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

struct workpool *
workpool_new(unsigned threads, size_t depth, workpool_fn *fn, void *arg,
    struct warta_error *err)
{
	struct workpool *p;
	struct worker *w;
	int e;

	if (threads == 0)
		threads = 1;
	if (depth == 0)
		depth = 2 * (size_t)threads + 1;
	if (depth < threads)
		depth = threads;
	if ((p = calloc(1, sizeof(*p))) == NULL ||
	    (p->ring = calloc(depth, sizeof(*p->ring))) == NULL) {
		free(p);
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	p->fn = fn;
	p->arg = arg;
	p->threads = threads;
	p->depth = depth;
	if (threads == 1)
		return p;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->finished, NULL);
	if ((p->tid = calloc(threads, sizeof(*p->tid))) == NULL) {
		workpool_free(p);
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	for (; p->started < threads; p->started++) {
		if ((w = malloc(sizeof(*w))) == NULL) {
			e = ENOMEM;
			goto fail;
		}
		w->p = p;
		w->n = p->started;
		if ((e = pthread_create(&p->tid[p->started], NULL, worker_main,
		    w)) != 0) {
			free(w);
			goto fail;
		}
	}
	return p;
fail:
	workpool_free(p);
	warta_error_set(err, -1, "cannot start a thread: %s", strerror(e));
	return NULL;
}

void
workpool_free(struct workpool *p)
{
	unsigned i;

	if (p == NULL)
		return;
	if (p->threads > 1) {
		pthread_mutex_lock(&p->lock);
		p->stopping = 1;
		pthread_cond_broadcast(&p->work);
		pthread_mutex_unlock(&p->lock);
		for (i = 0; i < p->started; i++)
			pthread_join(p->tid[i], NULL);
		pthread_cond_destroy(&p->finished);
		pthread_cond_destroy(&p->work);
		pthread_mutex_destroy(&p->lock);
	}
	free(p->tid);
	free(p->ring);
	free(p);
}

unsigned
workpool_threads(const struct workpool *p)
{
	return p->threads;
}

int
workpool_full(const struct workpool *p)
{
	/* Read by the one thread that submits and takes back: count
	 * changes only in its calls. */
	return p->count == p->depth;
}

size_t
workpool_pending(const struct workpool *p)
{
	return p->count;
}

void
workpool_submit(struct workpool *p, void *job)
{
	struct slot *s;

	if (p->threads == 1) {
		p->fn(job, 0, p->arg);
		s = &p->ring[(p->head + p->count) % p->depth];
		s->job = job;
		s->done = 1;
		p->count++;
		return;
	}
	pthread_mutex_lock(&p->lock);
	s = &p->ring[(p->head + p->count) % p->depth];
	s->job = job;
	s->done = 0;
	p->count++;
	pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->lock);
}

void *
workpool_next(struct workpool *p)
{
	struct slot *s;
	void *job;

	if (p->count == 0)
		return NULL;
	s = &p->ring[p->head];
	if (p->threads > 1) {
		pthread_mutex_lock(&p->lock);
		p->awaited = s;
		while (!s->done)
			pthread_cond_wait(&p->finished, &p->lock);
		p->awaited = NULL;
	}
	job = s->job;
	s->job = NULL;
	p->head = (p->head + 1) % p->depth;
	p->count--;
	if (p->next_run > 0)
		p->next_run--;
	if (p->threads > 1)
		pthread_mutex_unlock(&p->lock);
	return job;
}

void
workpool_wait(struct workpool *p, size_t n)
{
	size_t k;

	if (p->threads == 1)
		return;		/* done as given */
	if (n > p->count)
		n = p->count;
	pthread_mutex_lock(&p->lock);
	/* The last of them not done first: those before it started
	 * earlier, and are done by then, or nearly. */
	for (k = n; k > 0; ) {
		p->awaited = &p->ring[(p->head + k - 1) % p->depth];
		if (p->awaited->done) {
			k--;
			continue;
		}
		while (!p->awaited->done)
			pthread_cond_wait(&p->finished, &p->lock);
	}
	p->awaited = NULL;
	pthread_mutex_unlock(&p->lock);
}

unsigned
workpool_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (unsigned)n : 1;
}
