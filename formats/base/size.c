/*
 * base/size.c: sizes as people type them; see base/size.h.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "base/size.h"

int
size_parse(const char *s, unsigned long long *out)
{
	unsigned long long v, mul = 1;
	char *end;

	/* strtoull would take a sign or leading space. */
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0)
		return -1;
	switch (*end) {
	case 'k': case 'K': mul = 1ULL << 10; end++; break;
	case 'm': case 'M': mul = 1ULL << 20; end++; break;
	case 'g': case 'G': mul = 1ULL << 30; end++; break;
	case 't': case 'T': mul = 1ULL << 40; end++; break;
	}
	if (*end != '\0' || v > ULLONG_MAX / mul)
		return -1;
	*out = v * mul;
	return 0;
}
