/*
 * jobs.h: the main thread's side of -j N, for a program that reads a
 * stream of items and writes one out for each: the items' work is done on
 * N threads (base/workpool.h), what comes out comes out in the order read.
 *
 * The main thread fills a job (jobs_current()) with an item and hands it
 * over (jobs_submit()); a thread does the work and notes its messages in
 * the job (cli_note() on job->notes); the program's take_back() gets the
 * jobs back in the order given, on the main thread, and writes, shows and
 * counts.  A message of the main thread itself (a file that cannot be
 * opened) is noted in the job being filled (jobs_note()), before its item,
 * so that it comes out where one thread would have printed it.
 *
 * Memory stays bounded: at most 8 jobs a thread, and 64 MB of items (as
 * the program counts their bytes), wait in the pool; a full pool is
 * emptied by half, so that the main thread sleeps once for many jobs.
 */
#ifndef WARTA_JOBS_H
#define WARTA_JOBS_H

#include <stddef.h>

#include "base/buf.h"
#include "base/warta.h"
#include "base/workpool.h"
#include "cli.h"

/* The first member of a program's job. */
struct jobs_job {
	struct wbuf notes;	/* "WHAT\0MESSAGE\0" each (cli.h) */
	size_t notes_before;	/* the main thread's, before the item's own */
	int has_item;		/* 0: only the main thread's notes */
	size_t bytes;		/* of the item, for the bound */
	struct jobs_job *next_free;
};

struct jobs_ops {
	size_t size;		/* of the program's job */
	workpool_fn *run;	/* on a thread: (job, thread, arg) */
	/* On the main thread, in the order given; then the job is reset
	 * with reset() and used again. */
	void (*take_back)(void *arg, struct jobs_job *job);
	/* Empties what the program's part of a job holds (NULL: nothing);
	 * free is 1 at the end, when its memory goes too. */
	void (*reset)(struct jobs_job *job, int free);
	void *arg;
};

/* NULL with err when a thread cannot be started or memory runs out. */
struct jobs *jobs_new(unsigned threads, const struct jobs_ops *ops,
    struct warta_error *err);
/* Stops the threads and frees every job (none is taken back). */
void jobs_free(struct jobs *q);

/*
 * The most jobs handed over and not taken back yet, the one being filled
 * among them: a program can number its jobs modulo this.
 */
size_t jobs_capacity(const struct jobs *q);

/* The job the main thread is filling; NULL when memory runs out. */
struct jobs_job *jobs_current(struct jobs *q);
/* A message of the main thread, noted in its place ("WHAT: MESSAGE"). */
void jobs_note(struct jobs *q, const char *what, const char *fmt, ...)
    CLI_PRINTF(3, 4);
/*
 * Hands the job being filled to the pool (has_item says whether it holds
 * an item, of bytes bytes), after taking jobs back while the pool is
 * full.
 */
void jobs_submit(struct jobs *q, int has_item, size_t bytes);
/* Hands over the last notes, then takes every job back. */
void jobs_finish(struct jobs *q);

#endif
