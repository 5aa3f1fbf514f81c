/*
 * tests/fuzz/common_input.c: one source through an input module, as
 * warta-normalize reads it (see fuzz.h); the fuzz_input_*.c targets each
 * name a module.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "input/input.h"

#include "fuzz.h"

int
fuzz_input(const uint8_t *data, size_t size, int kind, const char *name)
{
	struct input_limits limits;
	struct input_reader *r;
	struct input_article a;
	struct newsml_content c;
	struct warta_error err;
	char path[FUZZ_PATH_MAX];
	int fd, rc;

	if ((fd = fuzz_file(data, size, path)) == -1)
		return 0;
	/* The library's bounds, small: a bomb must stop within them. */
	input_limits_default(&limits);
	limits.max_record = 1ULL << 20;
	limits.max_entries = 10000;
	limits.max_bytes = 16ULL << 20;
	warta_error_clear(&err);
	if ((r = input_open(fd, name, name, (enum input_kind)kind, &limits,
	    &err)) == NULL)
		goto out;
	while ((rc = input_next(r, &a, &err)) != 0 && rc != -2) {
		if (rc != 1)
			continue;
		/* What warta-normalize asks of each article. */
		(void)input_headline_len(&a);
		(void)input_valid_date(a.created);
		memset(&c, 0, sizeof(c));
		input_state_over(&a, &c);
	}
	(void)input_skipped(r);
	input_close(r);
out:
	close(fd);
	return 0;
}
