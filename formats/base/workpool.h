/*
 * base/workpool.h: jobs done on several threads, taken back in the order
 * they were given.
 *
 * warta's stages are streams: what comes out must be byte for byte what
 * one thread would write, whatever the number of threads.  So the pool is
 * an ordered map: workpool_submit() hands a job to the next free thread,
 * workpool_next() returns the oldest job given, once it is done, never a
 * later one first.  At most `depth` jobs are in the pool at once; a
 * caller submits until workpool_full() says so, takes one back, submits
 * again: memory stays bounded whatever the length of the stream.
 *
 * With one thread there are no threads: workpool_submit() does the job at
 * once, on the caller's, so -j 1 is the program as it was.
 *
 * fn gets the number of the thread doing it (0 .. threads - 1), so that a
 * caller can keep one of anything that must not be shared (a compressor,
 * a parser context) per thread.  fn must not touch what other jobs touch;
 * the caller reads a job only once it is taken back.
 */
#ifndef WARTA_WORKPOOL_H
#define WARTA_WORKPOOL_H

#include <stddef.h>

#include "base/warta.h"

typedef void workpool_fn(void *job, unsigned thread, void *arg);

struct workpool;

/*
 * threads: 1 or more (1: no thread is started); depth: how many jobs may
 * be in the pool at once (at least threads; 0: twice the threads, plus
 * one).  NULL with err when a thread cannot be started.
 */
struct workpool *workpool_new(unsigned threads, size_t depth,
    workpool_fn *fn, void *arg, struct warta_error *err);
/* Waits for the jobs still in the pool (they are not taken back), stops
 * the threads.  NULL is a no-op. */
void workpool_free(struct workpool *p);

unsigned workpool_threads(const struct workpool *p);
/* Whether depth jobs are in the pool: take one back before the next. */
int workpool_full(const struct workpool *p);
/* How many jobs are in the pool, done or not. */
size_t workpool_pending(const struct workpool *p);

/* Gives job to the pool; the pool must not be full. */
void workpool_submit(struct workpool *p, void *job);
/* The oldest job given, once done; NULL when the pool is empty. */
void *workpool_next(struct workpool *p);
/*
 * Waits till the oldest n jobs (at most those in the pool) are done, with
 * one wake-up or few, so that as many workpool_next() calls then take them
 * back without a wait each.
 */
void workpool_wait(struct workpool *p, size_t n);

/* The number of online cores (at least 1): the default of -j. */
unsigned workpool_cores(void);

#endif
