/*
 * tests/fuzz/fuzz_bag.c: a bundle as warta-verify and warta-unpack read it
 * (bagit/read.c over base/archive_in.c: tar or zip, compressed by gzip,
 * zstd, xz or bzip2), every entry walked and every file's data read.
 */
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include "bagit/read.h"
#include "base/buf.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bag_limits limits;
	struct bag_reader *r;
	struct bag_entry e;
	struct warta_error err;
	struct wbuf buf = WBUF_INIT;
	char path[FUZZ_PATH_MAX];
	int fd, rc;

	if ((fd = fuzz_file(data, size, path)) == -1)
		return 0;
	/* The library's bounds, small: a bomb must stop within them. */
	bag_limits_default(&limits);
	limits.max_entries = 10000;
	limits.max_bytes = 16ULL << 20;
	limits.max_entry = 4ULL << 20;
	warta_error_clear(&err);
	if ((r = bag_reader_open(path, &limits, &err)) == NULL)
		goto out;
	while ((rc = bag_reader_next(r, &e, &err)) > 0) {
		if (rc != BAG_ENTRY_FILE)
			continue;
		wbuf_reset(&buf);
		if (bag_reader_read(r, &buf, &err) != WARTA_OK)
			break;
	}
	(void)bag_reader_name(r);
	bag_reader_free(r);
out:
	wbuf_release(&buf);
	close(fd);
	return 0;
}
