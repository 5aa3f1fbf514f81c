/*
 * bagit/read.h: reading a serialized BagIt bag (tar or zip, compressed or
 * not), entry by entry, with libarchive, safely.
 *
 * A bag comes from anyone: every entry is checked before its data is
 * read.  Only regular files (and directories, which are passed over) are
 * taken; an absolute path, a ".." component, a symbolic or hard link, a
 * device or a FIFO is refused: reported, never read, and the reading goes
 * on.  Nothing here writes a file: a caller that extracts builds its own
 * paths under its own directory.
 *
 * Bounds, each a stop with a message that names the option to raise it:
 * the number of entries, the bytes of all the data, the bytes of one
 * entry, and the ratio of data to the bytes of the file read so far (a
 * decompression bomb is stopped before it fills the disk or the memory).
 *
 * A bag holds everything under one top-level directory; paths are given
 * relative to it ("data/items/2021/08/10/ID.xml").  An entry outside it
 * is a problem the caller hears of.
 */
#ifndef WARTA_BAGIT_READ_H
#define WARTA_BAGIT_READ_H

#include <stdio.h>

#include "base/buf.h"
#include "base/limits.h"
#include "base/warta.h"

struct bag_limits {
	unsigned long long max_entries;
	unsigned long long max_bytes;	/* all the data */
	unsigned long long max_entry;	/* one entry's data */
	unsigned long long max_ratio;	/* data bytes per byte of file */
	/* Not a bound: the threads that decompress a bundle written as
	 * independent members (base/blockz.h); 0 or 1: one. */
	unsigned threads;
};

/* Fills l with the bounds of base/limits.h. */
void bag_limits_default(struct bag_limits *l);

enum bag_entry_status {
	BAG_ENTRY_FILE = 1,	/* a regular file: read or skip its data */
	BAG_ENTRY_REFUSED = 2,	/* refused; why in the error, go on */
	BAG_ENTRY_OUTSIDE = 3	/* a regular file outside the bag's
				   directory: a problem, skip it */
};

struct bag_entry {
	const char *path;	/* relative to the bag's directory */
	const char *archive_path;	/* as the archive names it */
	unsigned long long size;	/* as declared */
	unsigned long long index;	/* 1-based, among all entries */
	/* In a bundle of independent members: where the member that holds
	 * the entry's header starts, and the bytes of its data before the
	 * header (what bundle-index.tsv says); located is 0 elsewhere. */
	int located;
	unsigned long long member_offset, member_skip;
};

struct bag_reader;

/*
 * Opens the bundle at path ("-": standard input).  A .tar.gz or .tar.zst
 * of warta's, whose tar stream is a series of independent members, is
 * decompressed on limits->threads threads; its members are bounded
 * (BLOCKZ_MEMBER_MAX each), which bounds its ratio as max_ratio does
 * another tool's archive.
 */
struct bag_reader *bag_reader_open(const char *path,
    const struct bag_limits *limits, struct warta_error *err);
/*
 * The same bundle read from the member at offset, skip bytes of its data
 * passed over (what bundle-index.tsv says of an entry: bagit/index.h),
 * up to limit (UINT64_MAX: the end of the file).  The first entry is the
 * one that starts there.  Only a bundle of independent members.
 */
struct bag_reader *bag_reader_open_at(const char *path,
    unsigned long long offset, unsigned long long skip,
    unsigned long long limit, const struct bag_limits *limits,
    struct warta_error *err);
void bag_reader_free(struct bag_reader *r);

/*
 * The next entry: a bag_entry_status (e is filled; for a refused entry
 * err says why), 0 at the end, -1 when the archive cannot be read further
 * (damaged, truncated, or a bound passed; err says which).
 */
int bag_reader_next(struct bag_reader *r, struct bag_entry *e,
    struct warta_error *err);

/* The current entry's data, whole, into out (appended). */
int bag_reader_read(struct bag_reader *r, struct wbuf *out,
    struct warta_error *err);
/* The same, a chunk at a time: up to n bytes into buf, 0 at the entry's
 * end, -1 with err as bag_reader_read() fails. */
long bag_reader_read_some(struct bag_reader *r, void *buf, size_t n,
    struct warta_error *err);

/*
 * After bag_reader_next() or bag_reader_read() failed on a damaged member
 * of a bundle of independent members with an index: where the member
 * starts into *bad, the paths the index places in it, a line each, into
 * held, and the reading resumes at the first entry after it.  1 when it
 * does, 0 when it cannot (another bundle, no index, another failure,
 * nothing after), -1 with err when the index cannot be read.
 */
int bag_reader_resume(struct bag_reader *r, unsigned long long *bad,
    struct wbuf *held, struct warta_error *err);

/*
 * A bundle of independent members read whole: where each entry before
 * bundle-index.tsv was found (struct bag_index_rec, bagit/index.h, in the
 * order read), for bagit/index_check.h; *saw_index whether the index
 * went by.  NULL for another bundle.
 */
FILE *bag_reader_index_records(struct bag_reader *r, int *saw_index);

/* Whether the member at offset was passed over by bag_reader_resume()
 * (the first sixteen such are remembered). */
int bag_reader_was_damaged(const struct bag_reader *r,
    unsigned long long offset);

/* The bag's directory name ("" until the first entry). */
const char *bag_reader_name(const struct bag_reader *r);

/* Bytes of data read and bytes of the file consumed so far. */
unsigned long long bag_reader_data_bytes(const struct bag_reader *r);
unsigned long long bag_reader_file_bytes(const struct bag_reader *r);

#endif
