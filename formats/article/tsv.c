/*
 * article/tsv.c: the lines and fields of a compiled data file.
 */
#include <string.h>

#include "article/tsv.h"

int
tsv_each_line(const unsigned char *data, size_t len, tsv_line_fn fn,
    void *arg)
{
	size_t i = 0, line = 0;

	while (i < len) {
		const char *s = (const char *)data + i;
		const char *nl = memchr(s, '\n', len - i);
		size_t n = nl != NULL ? (size_t)(nl - s) : len - i;

		line++;
		i += n + 1;
		if (n == 0 || s[0] == '#' || (n == 1 && s[0] == '\r'))
			continue;
		if (fn(arg, s, n, line) != 0)
			return -1;
	}
	return 0;
}

int
tsv_split(const char *s, size_t n, const char **f, size_t *fl, int nf)
{
	int k = 0;
	size_t i = 0, st = 0;

	while (n > 0 && s[n - 1] == '\r')
		n--;
	for (i = 0; i <= n && k < nf; i++) {
		if (i == n || s[i] == '\t') {
			f[k] = s + st;
			fl[k] = i - st;
			k++;
			st = i + 1;
		}
	}
	return k;
}
