/*
 * base/hashset.h: a set of 64-bit hashes in memory that does not grow
 * with it.
 *
 * bagit/read.c notes the hash of every path of a bag, to refuse a second
 * entry of one as it comes: eight bytes a path, two million paths at
 * most, 32 MB that would grow with the bag.  Here the newest
 * HASHSET_MEMORY hashes are in an open-addressed table (of 1,024 slots
 * at first, doubled while it is half full, 512 KiB at most); when it is
 * full they are merged into one sorted file (base/spool.h), with a Bloom
 * filter of fixed size over that file in front of it, so that a hash
 * never seen (nearly every one) is told so without reading the file, and
 * one that may have been is looked for there with one read, usually.
 * The answer is always exact.
 */
#ifndef WARTA_HASHSET_H
#define WARTA_HASHSET_H

#include <stdint.h>

#include "base/warta.h"

/* Hashes kept in memory; then merged into the file. */
#define HASHSET_MEMORY	((size_t)32 << 10)
/* The Bloom filter's bytes, once there is a file. */
#define HASHSET_FILTER	((size_t)256 << 10)

struct hashset;

struct hashset *hashset_new(struct warta_error *err);
void hashset_free(struct hashset *s);	/* NULL is a no-op */

/*
 * Adds h: 1 when it was in the set already, 0 when it is new, -1 with err
 * when memory runs out or the file fails (the set is as before then).
 */
int hashset_add(struct hashset *s, uint64_t h, struct warta_error *err);

/* How many hashes the set holds. */
uint64_t hashset_count(const struct hashset *s);

#endif
