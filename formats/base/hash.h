/*
 * base/hash.h: FNV-1a, 64 bits: the hash of warta's in-memory tables (not a
 * checksum: base/digest.h has those).
 */
#ifndef WARTA_HASH_H
#define WARTA_HASH_H

#include <stddef.h>
#include <stdint.h>

#define FNV1A_INIT	UINT64_C(0xcbf29ce484222325)	/* the offset basis */
#define FNV1A_PRIME	UINT64_C(0x100000001b3)

/* h with one more byte. */
static inline uint64_t
fnv1a_byte(uint64_t h, unsigned char b)
{
	return (h ^ b) * FNV1A_PRIME;
}

/* h with the n bytes at p; start from FNV1A_INIT, chain for more parts. */
static inline uint64_t
fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < n; i++)
		h = fnv1a_byte(h, s[i]);
	return h;
}

#endif
