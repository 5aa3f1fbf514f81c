/*
 * base/file.h: a whole file into memory, with a bound on its size; n
 * bytes at an offset; whether a file can be read again.
 */
#ifndef WARTA_FILE_H
#define WARTA_FILE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/buf.h"
#include "base/warta.h"

/*
 * Appends what is left of fp to out.  Fails, with a message that starts
 * with "NAME: ", on a read error (strerror), when memory runs out, and when
 * there are more than max bytes ("larger than 16 MiB", or "larger than N
 * bytes" for a bound that is no whole number of MiB); out is then as it
 * was.
 */
int file_read_fp(FILE *fp, const char *name, size_t max, struct wbuf *out,
    struct warta_error *err);
/* The same for the file at path, opened and closed here. */
int file_read(const char *path, size_t max, struct wbuf *out,
    struct warta_error *err);
/*
 * The n bytes at off of fd into buf, whatever pread(2) gives at a time.
 * 0; or -1 with errno (EIO when the file ends first).
 */
int file_pread(int fd, void *buf, size_t n, uint64_t off);
/*
 * 1 when fp is a regular file, which can be read again from *at, where it
 * stands now (a pipe or a terminal cannot); 0 otherwise.
 */
int file_rereadable(FILE *fp, long long *at);

#endif
