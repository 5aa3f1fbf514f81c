/*
 * test_hashset.c: the set of hashes in bounded memory: exact answers
 * before and after its table is merged into its file (several times),
 * for hashes spread evenly and for hashes whose kept values crowd at the
 * file's two ends, where the window around where a value should be does
 * not hold it and the binary search does the rest.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "base/hashset.h"

/* Enough for three merges and a table in memory on top. */
#define N	(3 * HASHSET_MEMORY + HASHSET_MEMORY / 2)

static uint64_t rng_state;

static uint64_t
rng(void)
{
	uint64_t x = rng_state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return rng_state = x;
}

/* The inverse of c modulo 2^64 (c odd), by Newton's iteration. */
static uint64_t
inverse(uint64_t c)
{
	uint64_t x = c;
	int i;

	for (i = 0; i < 6; i++)
		x *= 2 - c * x;
	return x;
}

/* The hash the set keeps as v: base/hashset.c's mixing undone. */
static uint64_t
unmix(uint64_t v)
{
	v ^= v >> 31 ^ v >> 62;
	v *= inverse(UINT64_C(0x94d049bb133111eb));
	v ^= v >> 27 ^ v >> 54;
	v *= inverse(UINT64_C(0xbf58476d1ce4e5b9));
	v ^= v >> 30 ^ v >> 60;
	return v;
}

static void
add_all(struct hashset *s, uint64_t (*h)(size_t), int want)
{
	struct warta_error err;
	size_t i;

	warta_error_clear(&err);
	for (i = 0; i < N; i++)
		assert_int_equal(hashset_add(s, h(i), &err), want);
}

static uint64_t seq_seed;

static uint64_t
spread(size_t i)
{
	if (i == 0)
		rng_state = seq_seed;
	return rng();
}

static void
test_spread(void **state)
{
	struct warta_error err;
	struct hashset *s;
	uint64_t i;

	(void)state;
	warta_error_clear(&err);
	assert_non_null(s = hashset_new(&err));
	seq_seed = UINT64_C(0x9e3779b97f4a7c15);
	add_all(s, spread, 0);
	assert_true(hashset_count(s) == N);
	/* Each again, from the file or from the table: seen. */
	add_all(s, spread, 1);
	assert_true(hashset_count(s) == N);
	/* Others: not seen, then seen. */
	rng_state = 12345;
	for (i = 0; i < 1000; i++) {
		uint64_t h = rng();

		assert_int_equal(hashset_add(s, h, &err), 0);
		assert_int_equal(hashset_add(s, h, &err), 1);
	}
	assert_true(hashset_count(s) == N + 1000);
	hashset_free(s);
}

/* Kept values 1, 2, ... and from the top down: crowded at both ends. */
static uint64_t
crowded(size_t i)
{
	return unmix(i % 2 ? UINT64_MAX - i : i + 1);
}

static void
test_crowded(void **state)
{
	struct warta_error err;
	struct hashset *s;

	(void)state;
	warta_error_clear(&err);
	assert_non_null(s = hashset_new(&err));
	add_all(s, crowded, 0);
	add_all(s, crowded, 1);
	/* Between and beyond those kept: not seen. */
	assert_int_equal(hashset_add(s, unmix(N + 10), &err), 0);
	assert_int_equal(hashset_add(s, unmix(UINT64_MAX - N - 11), &err),
	    0);
	assert_int_equal(hashset_add(s, unmix(UINT64_C(1) << 63), &err), 0);
	assert_true(hashset_count(s) == N + 3);
	hashset_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spread),
		cmocka_unit_test(test_crowded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
