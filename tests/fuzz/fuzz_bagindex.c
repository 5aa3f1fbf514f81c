/*
 * tests/fuzz/fuzz_bagindex.c: a .tar.gz or .tar.zst bundle as warta-unpack
 * reads it through its index (bagit/index.c over base/blockz_read.c): the
 * locator, the keys, a chunk, an entry read where a line says; and the
 * bundle read whole, going on past a damaged member as warta-verify does
 * (bag_reader_resume).
 */
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include "bagit/index.h"
#include "bagit/read.h"
#include "base/buf.h"

#include "fuzz.h"

/* At most this many lines read through bag_index_each(). */
#define LINES_MAX	64

struct walk {
	int lines;
};

static int
count_line(void *arg, const struct bag_index_entry *e)
{
	struct walk *w = arg;

	(void)e;
	return ++w->lines >= LINES_MAX;
}

static void
through_index(const char *path, const struct bag_limits *limits)
{
	static const char *const paths[] = {
		"bagit.txt", "bag-info.txt", "data/catalog.tsv",
		"manifest-sha256.txt"
	};
	struct bag_index *x;
	struct bag_index_entry e;
	struct warta_error err;
	struct wbuf buf = WBUF_INIT;
	struct walk w = { 0 };
	char name[256];
	size_t i;

	warta_error_clear(&err);
	if (bag_index_open(path, limits, &x, &err) <= 0)
		return;
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		if (bag_index_find(x, paths[i], &e, &err) > 0) {
			wbuf_reset(&buf);
			(void)bag_index_read(x, &e, limits, &buf, name,
			    sizeof(name), &err);
		}
	if (bag_index_find_item(x, "0123456789abcdef", &e, &err) > 0) {
		wbuf_reset(&buf);
		(void)bag_index_read(x, &e, limits, &buf, NULL, 0, &err);
	}
	(void)bag_index_each(x, count_line, &w, &err);
	bag_index_free(x);
	wbuf_release(&buf);
}

static void
whole(const char *path, const struct bag_limits *limits)
{
	struct bag_reader *r;
	struct bag_entry e;
	struct warta_error err;
	struct wbuf buf = WBUF_INIT, held = WBUF_INIT;
	unsigned long long bad;
	int rc, resumed = 0;

	warta_error_clear(&err);
	if ((r = bag_reader_open(path, limits, &err)) == NULL)
		return;
	for (;;) {
		rc = bag_reader_next(r, &e, &err);
		if (rc == BAG_ENTRY_FILE) {
			wbuf_reset(&buf);
			if (bag_reader_read(r, &buf, &err) == WARTA_OK)
				continue;
		} else if (rc > 0)
			continue;
		else if (rc == 0)
			break;
		/* A damaged member: on after it, a few times at most. */
		wbuf_reset(&held);
		if (resumed++ >= 4 || bag_reader_resume(r, &bad, &held,
		    &err) <= 0)
			break;
	}
	bag_reader_free(r);
	wbuf_release(&buf);
	wbuf_release(&held);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bag_limits limits;
	char path[FUZZ_PATH_MAX];
	int fd;

	if ((fd = fuzz_file(data, size, path)) == -1)
		return 0;
	bag_limits_default(&limits);
	limits.max_entries = 10000;
	limits.max_bytes = 16ULL << 20;
	limits.max_entry = 4ULL << 20;
	limits.threads = 2;
	through_index(path, &limits);
	whole(path, &limits);
	close(fd);
	return 0;
}
