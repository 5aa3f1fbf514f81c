/*
 * test_workpool.c: the ordered pool: jobs come back in the order given
 * whatever order they finish in, on one thread and on many, with the
 * pool kept full; each job runs once, on a thread number in range; a wait
 * for the oldest returns once they are done.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include <cmocka.h>

#include "base/workpool.h"

struct job {
	unsigned long n;
	unsigned long out;
	unsigned thread;
	int runs;
};

/* Jobs sleep for a time that varies with n, so that later ones finish
 * before earlier ones. */
static void
square(void *v, unsigned thread, void *arg)
{
	struct job *j = v;
	struct timespec ts = { 0, (long)((j->n * 7919) % 5) * 100000L };

	(void)arg;
	nanosleep(&ts, NULL);
	j->out = j->n * j->n;
	j->thread = thread;
	j->runs++;
}

static void
run_pool(unsigned threads, size_t depth, unsigned long jobs)
{
	struct warta_error err;
	struct workpool *p;
	struct job *all, *j;
	unsigned long given = 0, taken = 0;

	assert_non_null(all = calloc(jobs, sizeof(*all)));
	assert_non_null(p = workpool_new(threads, depth, square, NULL, &err));
	assert_int_equal(workpool_threads(p), threads);
	while (taken < jobs) {
		if (given < jobs && !workpool_full(p)) {
			all[given].n = given;
			workpool_submit(p, &all[given++]);
			continue;
		}
		assert_non_null(j = workpool_next(p));
		/* In the order given, done, once. */
		assert_ptr_equal(j, &all[taken]);
		assert_int_equal(j->out, j->n * j->n);
		assert_int_equal(j->runs, 1);
		assert_true(j->thread < threads);
		taken++;
	}
	assert_int_equal(workpool_pending(p), 0);
	assert_null(workpool_next(p));
	workpool_free(p);
	free(all);
}

static void
one_thread_runs_inline(void **state)
{
	(void)state;
	run_pool(1, 0, 50);
}

static void
many_threads_keep_order(void **state)
{
	(void)state;
	run_pool(2, 0, 300);
	run_pool(4, 4, 300);
	run_pool(8, 32, 300);
}

/* Jobs left in the pool are waited for, not lost in a running thread. */
static void
free_waits_for_jobs_in_flight(void **state)
{
	struct warta_error err;
	struct workpool *p;
	struct job jobs[6] = { { 0 } };
	int i;

	(void)state;
	assert_non_null(p = workpool_new(3, 6, square, NULL, &err));
	for (i = 0; i < 6; i++) {
		jobs[i].n = (unsigned long)i + 1;
		workpool_submit(p, &jobs[i]);
	}
	assert_true(workpool_full(p));
	workpool_free(p);
	for (i = 0; i < 6; i++)
		assert_int_equal(jobs[i].runs, 1);
}

/* workpool_wait(): the oldest n done when it returns, the rest not
 * waited for; more than the pool holds is all of it. */
static void
wait_for_the_oldest(void **state)
{
	struct warta_error err;
	struct workpool *p;
	struct job jobs[8] = { { 0 } };
	int i;

	(void)state;
	assert_non_null(p = workpool_new(2, 8, square, NULL, &err));
	for (i = 0; i < 8; i++) {
		jobs[i].n = (unsigned long)i + 3;
		workpool_submit(p, &jobs[i]);
	}
	workpool_wait(p, 5);
	/* Done is set under the pool's lock, after the job ran. */
	for (i = 0; i < 5; i++)
		assert_int_equal(jobs[i].runs, 1);
	workpool_wait(p, 100);
	for (i = 0; i < 8; i++)
		assert_int_equal(jobs[i].runs, 1);
	for (i = 0; i < 8; i++)
		assert_ptr_equal(workpool_next(p), &jobs[i]);
	workpool_wait(p, 3);	/* an empty pool: at once */
	workpool_free(p);
}

static void
cores_is_at_least_one(void **state)
{
	(void)state;
	assert_true(workpool_cores() >= 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_thread_runs_inline),
		cmocka_unit_test(many_threads_keep_order),
		cmocka_unit_test(free_waits_for_jobs_in_flight),
		cmocka_unit_test(wait_for_the_oldest),
		cmocka_unit_test(cores_is_at_least_one),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
