/*
 * tests/fuzz/common_file.c: the input as an anonymous file in memory (see
 * fuzz.h), so that a fuzzer writes nothing to disk.
 */
#define _GNU_SOURCE	/* memfd_create() */
#include <sys/mman.h>

#include <stdio.h>
#include <unistd.h>

#include "fuzz.h"

int
fuzz_file(const uint8_t *data, size_t size, char *path)
{
	size_t done = 0;
	ssize_t n;
	int fd;

	if ((fd = memfd_create("fuzz", MFD_CLOEXEC)) == -1)
		return -1;
	while (done < size) {
		if ((n = write(fd, data + done, size - done)) <= 0) {
			close(fd);
			return -1;
		}
		done += (size_t)n;
	}
	if (lseek(fd, 0, SEEK_SET) == -1) {
		close(fd);
		return -1;
	}
	snprintf(path, FUZZ_PATH_MAX, "/proc/self/fd/%d", fd);
	return fd;
}
