/*
 * base/archive_in.h: reading an archive (tar or zip, compressed or not, or
 * a lone compressed file) entry by entry with libarchive, safely.  The one
 * place where warta opens an archive it did not write: bundles
 * (bagit/read.c) and deliveries and web archives (input/archive.c,
 * input/warc.c) read through it.
 *
 * An archive comes from anyone: every entry is checked before its data is
 * read.  Only regular files and directories are taken; an absolute path,
 * a ".." component, a symbolic or hard link, a device, a FIFO or a socket
 * is refused: reported, never read, and the reading goes on.  Nothing
 * here writes a file: a caller that extracts builds its own paths under
 * its own directory.
 *
 * Bounds, each a stop with a message that names the option to raise it
 * (when the caller has one): the number of entries, the bytes of all the
 * data, the bytes of one entry, and the ratio of data to the bytes of the
 * archive read so far (a decompression bomb is stopped before it fills
 * the disk or the memory).  After a stop the archive is at its end.
 *
 * The compressions are gzip, bzip2, xz, lzma and zstd, each through its
 * library: no filter that would run an outside program.
 */
#ifndef WARTA_ARCHIVE_IN_H
#define WARTA_ARCHIVE_IN_H

#include <stddef.h>

#include "base/buf.h"
#include "base/warta.h"

/* The formats an archive may be in (or-ed). */
enum {
	ARCHIVE_IN_TAR = 1 << 0,	/* tar: ustar, pax, GNU, v7 */
	ARCHIVE_IN_ZIP = 1 << 1,
	/* A lone file, compressed or not: one entry named "data" whose
	 * data is the decompressed bytes (tried when no other fits). */
	ARCHIVE_IN_RAW = 1 << 2
};

struct archive_in_limits {
	unsigned long long max_entries;
	unsigned long long max_bytes;	/* all the data */
	unsigned long long max_entry;	/* one entry's data */
	unsigned long long max_ratio;	/* data bytes per byte of archive */
	/* The option that raises each bound, named in its message
	 * ("--max-entries"), or NULL when the caller has none. */
	const char *opt_entries;
	const char *opt_bytes;
	const char *opt_entry;
	const char *opt_ratio;
};

enum archive_in_status {
	ARCHIVE_IN_FILE = 1,	/* a regular file: read or skip its data */
	ARCHIVE_IN_REFUSED = 2,	/* refused; err says why, go on */
	ARCHIVE_IN_DIR = 3	/* a directory: nothing to read */
};

/*
 * An entry, valid until the next archive_in_next().  index is 0 until an
 * entry's header was taken: a stop before it leaves the entry as it was
 * given.
 */
struct archive_in_entry {
	const char *path;	/* cleaned ("./" and "//" gone), relative;
				   NULL for a refused entry */
	const char *archive_path;	/* as the archive names it */
	unsigned long long size;	/* as declared (0 when not) */
	unsigned long long index;	/* 1-based, among all entries */
};

struct archive_in;

/* Reads up to n bytes into buf: the count, 0 at the end, -1 with err. */
typedef long (*archive_in_read_fn)(void *ctx, void *buf, size_t n,
    struct warta_error *err);

/* The archive at path ("-": standard input). */
struct archive_in *archive_in_open_path(const char *path, unsigned formats,
    const struct archive_in_limits *limits, struct warta_error *err);
/* The archive on fd (read from where it stands, never closed here; a
 * regular file is seeked, as a zip's central directory needs). */
struct archive_in *archive_in_open_fd(int fd, unsigned formats,
    const struct archive_in_limits *limits, struct warta_error *err);
/* The archive read is given, front to back (ctx is the caller's, and
 * must outlive the reader).  A zip read this way has no central
 * directory: its entries' types are what the local headers say. */
struct archive_in *archive_in_open_read(archive_in_read_fn read, void *ctx,
    unsigned formats, const struct archive_in_limits *limits,
    struct warta_error *err);
void archive_in_free(struct archive_in *a);	/* NULL is a no-op */

/*
 * The next entry: an archive_in_status (e is filled; for a refused entry
 * err says why: "a symbolic link refused"), 0 at the end, -1 when the
 * archive cannot be read further (damaged, truncated, or a bound passed;
 * err says which).
 */
int archive_in_next(struct archive_in *a, struct archive_in_entry *e,
    struct warta_error *err);

/*
 * The current entry's data, a chunk at a time: up to n bytes into buf,
 * 0 at the entry's end, -1 with err when the archive cannot be read
 * further (then it is at its end).  The bounds hold on what comes, not
 * on what the entry declares.
 */
long archive_in_read(struct archive_in *a, void *buf, size_t n,
    struct warta_error *err);
/* The current entry's data, whole, appended to out. */
int archive_in_read_all(struct archive_in *a, struct wbuf *out,
    struct warta_error *err);

/* Bytes of data read and bytes of the archive consumed so far. */
unsigned long long archive_in_data_bytes(const struct archive_in *a);
unsigned long long archive_in_file_bytes(const struct archive_in *a);
/* True once a header was read and the archive is compressed (gzip, ...)
 * rather than stored as it is. */
int archive_in_compressed(const struct archive_in *a);
/* Where the current entry's header starts in the archive's data, after
 * its decompression. */
unsigned long long archive_in_header_offset(const struct archive_in *a);
/* True when the current entry is ARCHIVE_IN_RAW's lone file. */
int archive_in_is_raw(const struct archive_in *a);

#endif
