/*
 * base/file.c: a whole file into memory; see base/file.h.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/file.h"

#define READ_CHUNK	65536

static int
too_large(const char *name, size_t max, struct warta_error *err)
{
	if (max > 0 && max % ((size_t)1 << 20) == 0)
		return warta_error_set(err, -1, "%s: larger than %zu MiB", name,
		    max >> 20);
	return warta_error_set(err, -1, "%s: larger than %zu bytes", name,
	    max);
}

int
file_read_fp(FILE *fp, const char *name, size_t max, struct wbuf *out,
    struct warta_error *err)
{
	size_t start = out->len, got = 0, n;

	for (;;) {
		if (wbuf_reserve(out, READ_CHUNK) != WARTA_OK) {
			warta_error_set(err, -1, "%s: out of memory", name);
			goto fail;
		}
		n = fread(out->data + out->len, 1, READ_CHUNK, fp);
		out->len += n;
		out->data[out->len] = '\0';
		got += n;
		if (got > max) {
			too_large(name, max, err);
			goto fail;
		}
		if (n < READ_CHUNK) {
			if (ferror(fp)) {
				warta_error_set(err, -1, "%s: %s", name,
				    strerror(errno));
				goto fail;
			}
			return WARTA_OK;
		}
	}
fail:
	out->len = start;
	if (out->data != NULL)
		out->data[start] = '\0';
	return WARTA_FAILED;
}

int
file_read(const char *path, size_t max, struct wbuf *out,
    struct warta_error *err)
{
	FILE *fp;
	int rc;

	if ((fp = fopen(path, "rb")) == NULL)
		return warta_error_set(err, -1, "%s: %s", path,
		    strerror(errno));
	rc = file_read_fp(fp, path, max, out, err);
	fclose(fp);
	return rc;
}

int
file_pread(int fd, void *buf, size_t n, uint64_t off)
{
	char *p = buf;
	ssize_t got;

	while (n > 0) {
		got = pread(fd, p, n, (off_t)off);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			if (got == 0)
				errno = EIO;
			return -1;
		}
		p += got;
		n -= (size_t)got;
		off += (uint64_t)got;
	}
	return 0;
}

int
file_rereadable(FILE *fp, long long *at)
{
	struct stat st;
	off_t pos;

	if (fileno(fp) < 0 || fstat(fileno(fp), &st) != 0 ||
	    !S_ISREG(st.st_mode) || (pos = ftello(fp)) < 0)
		return 0;
	*at = (long long)pos;
	return 1;
}
