/*
 * base/hashset.c: a set of 64-bit hashes in bounded memory; see
 * base/hashset.h.
 *
 * What is kept, in the table and in the file, is each hash mixed
 * (SplitMix64's finalizer, a bijection): FNV-1a's high bits are not
 * spread well enough for the file to be searched by where a value
 * should be, nor for the filter.  A mixed value of 0 is kept as 1 (0 is
 * the table's free slot): two hashes share it about once in 10^19.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "base/hashset.h"
#include "base/spool.h"

#define SLOTS		(2 * HASHSET_MEMORY)	/* a power of two */
/* The table's first size: a small bag's set stays small. */
#define FIRST_SLOTS	1024
#define FILTER_BITS	(8 * HASHSET_FILTER)	/* a power of two */
#define FILTER_BITS_LOG	21			/* log2(FILTER_BITS) */
/* Hashes read from the file at once: 4 KiB. */
#define WINDOW		512

struct hashset {
	uint64_t *table;	/* cap slots, 0 a free slot */
	size_t cap, nmem;	/* cap: FIRST_SLOTS, doubled to SLOTS */
	unsigned char *filter;	/* NULL until there is a file */
	struct spool disk;	/* the older values, sorted */
	uint64_t ndisk;
	uint64_t window[WINDOW];
};

static uint64_t
mix(uint64_t x)
{
	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	x ^= x >> 31;
	return x != 0 ? x : 1;
}

struct hashset *
hashset_new(struct warta_error *err)
{
	struct hashset *s;

	if ((s = calloc(1, sizeof(*s))) == NULL ||
	    (s->table = calloc(FIRST_SLOTS, sizeof(*s->table))) == NULL) {
		free(s);
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	s->cap = FIRST_SLOTS;
	return s;
}

void
hashset_free(struct hashset *s)
{
	if (s == NULL)
		return;
	spool_close(&s->disk);
	free(s->filter);
	free(s->table);
	free(s);
}

uint64_t
hashset_count(const struct hashset *s)
{
	return s->nmem + s->ndisk;
}

/* The filter's three bits for v, from three parts of it. */
static size_t
filter_bit(uint64_t v, int i)
{
	return (size_t)(v >> (FILTER_BITS_LOG * i)) & (FILTER_BITS - 1);
}

static int
filter_has(const struct hashset *s, uint64_t v)
{
	int i;

	for (i = 0; i < 3; i++)
		if (!(s->filter[filter_bit(v, i) / 8] &
		    (1u << (filter_bit(v, i) % 8))))
			return 0;
	return 1;
}

static void
filter_add(struct hashset *s, uint64_t v)
{
	int i;

	for (i = 0; i < 3; i++)
		s->filter[filter_bit(v, i) / 8] |= (unsigned char)(1u <<
		    (filter_bit(v, i) % 8));
}

static int
io_error(struct warta_error *err, const char *what)
{
	return warta_error_set(err, -1, "temporary file: %s: %s", what,
	    strerror(errno != 0 ? errno : EIO));
}

/* The n values of the file from at into s->window. */
static int
read_window(struct hashset *s, uint64_t at, size_t n,
    struct warta_error *err)
{
	size_t want = n * sizeof(uint64_t), got = 0;
	ssize_t r;

	while (got < want) {
		r = pread(fileno(s->disk.fp), (char *)s->window + got,
		    want - got, (off_t)(at * sizeof(uint64_t) + got));
		if (r <= 0) {
			if (r == 0)
				errno = EIO;
			return io_error(err, "reading");
		}
		got += (size_t)r;
	}
	return WARTA_OK;
}

/* Whether v is among the n values of s->window (sorted). */
static int
window_has(const struct hashset *s, size_t n, uint64_t v)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->window[mid] < v)
			lo = mid + 1;
		else if (s->window[mid] > v)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

/*
 * Whether v is in the file: 1, 0, or -1 with err.  The values are
 * spread evenly, so the window around where v would be holds it, or
 * tells that it is not there, nearly always; else a binary search.
 */
static int
file_has(struct hashset *s, uint64_t v, struct warta_error *err)
{
	uint64_t lo = 0, hi = s->ndisk, at, mid;
	size_t n;

	at = (uint64_t)((double)v / 18446744073709551616.0 *
	    (double)s->ndisk);
	at = at > WINDOW / 2 ? at - WINDOW / 2 : 0;
	if (at + WINDOW > hi)
		at = hi > WINDOW ? hi - WINDOW : 0;
	n = (size_t)(hi - at < WINDOW ? hi - at : WINDOW);
	if (read_window(s, at, n, err) != WARTA_OK)
		return -1;
	if (v < s->window[0] && at > 0)
		hi = at;
	else if (v > s->window[n - 1] && at + n < hi)
		lo = at + n;
	else
		return window_has(s, n, v);
	while (hi - lo > WINDOW) {
		mid = lo + (hi - lo) / 2;
		if (read_window(s, mid, 1, err) != WARTA_OK)
			return -1;
		if (s->window[0] == v)
			return 1;
		if (s->window[0] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	n = (size_t)(hi - lo);
	if (n == 0)
		return 0;
	if (read_window(s, lo, n, err) != WARTA_OK)
		return -1;
	return window_has(s, n, v);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The table's values merged into the file, and the table emptied; as
 * before on failure. */
static int
merge(struct hashset *s, struct warta_error *err)
{
	uint64_t *mem, old, i;
	struct spool out = SPOOL_INIT;
	FILE *older = s->disk.fp;
	size_t n = 0, k = 0;
	int have_old;

	if (s->filter == NULL &&
	    (s->filter = calloc(1, HASHSET_FILTER)) == NULL)
		return warta_error_set(err, -1, "out of memory");
	if ((mem = malloc(s->nmem * sizeof(*mem))) == NULL)
		return warta_error_set(err, -1, "out of memory");
	for (i = 0; i < s->cap; i++)
		if (s->table[i] != 0)
			mem[n++] = s->table[i];
	qsort(mem, n, sizeof(*mem), cmp_u64);
	errno = 0;
	if (spool_open(&out, err) == NULL)
		goto fail;
	if (older != NULL && fseeko(older, 0, SEEK_SET) != 0) {
		io_error(err, "reading");
		goto fail;
	}
	/* Both sorted, none in both: the older ones are not in the table. */
	have_old = older != NULL && fread(&old, sizeof(old), 1, older) == 1;
	while (have_old || k < n) {
		if (have_old && (k == n || old < mem[k])) {
			if (fwrite(&old, sizeof(old), 1, out.fp) != 1)
				goto write_fail;
			have_old = fread(&old, sizeof(old), 1, older) == 1;
		} else if (fwrite(&mem[k++], sizeof(old), 1, out.fp) != 1)
			goto write_fail;
	}
	if (older != NULL && ferror(older)) {
		io_error(err, "reading");
		goto fail;
	}
	if (fflush(out.fp) != 0)
		goto write_fail;
	for (k = 0; k < n; k++)
		filter_add(s, mem[k]);
	spool_close(&s->disk);
	s->disk = out;
	s->ndisk += n;
	memset(s->table, 0, s->cap * sizeof(*s->table));
	s->nmem = 0;
	free(mem);
	return WARTA_OK;
write_fail:
	io_error(err, "writing");
fail:
	spool_close(&out);
	free(mem);
	return WARTA_FAILED;
}

/* The free slot for v in a table of cap slots. */
static size_t
slot(const uint64_t *table, size_t cap, uint64_t v)
{
	size_t i;

	for (i = (size_t)v & (cap - 1); table[i] != 0 && table[i] != v;
	    i = (i + 1) & (cap - 1))
		continue;
	return i;
}

/* The table twice as large; as before on failure. */
static int
grow(struct hashset *s, struct warta_error *err)
{
	uint64_t *t;
	size_t i;

	if ((t = calloc(2 * s->cap, sizeof(*t))) == NULL)
		return warta_error_set(err, -1, "out of memory");
	for (i = 0; i < s->cap; i++)
		if (s->table[i] != 0)
			t[slot(t, 2 * s->cap, s->table[i])] = s->table[i];
	free(s->table);
	s->table = t;
	s->cap *= 2;
	return WARTA_OK;
}

int
hashset_add(struct hashset *s, uint64_t h, struct warta_error *err)
{
	uint64_t v = mix(h);
	size_t i;
	int rc;

	i = slot(s->table, s->cap, v);
	if (s->table[i] == v)
		return 1;
	if (s->disk.fp != NULL && filter_has(s, v) &&
	    (rc = file_has(s, v, err)) != 0)
		return rc;
	/* Half full at most: doubled, then merged into the file. */
	if (2 * (s->nmem + 1) > s->cap) {
		if ((s->cap < SLOTS ? grow(s, err) : merge(s, err)) !=
		    WARTA_OK)
			return -1;
		i = slot(s->table, s->cap, v);
	}
	s->table[i] = v;
	s->nmem++;
	return 0;
}
