/*
 * base/blockz.h: a compressed stream cut into independent members, gzip
 * members or zstd frames, compressed and decompressed on several threads.
 *
 * One gzip stream (or one zstd frame) can only be written and read on one
 * core, and only from its start.  A file of independent members is still
 * one standard .gz or .zst file (gunzip, tar, pigz, Python's gzip and
 * zstd read concatenated members as one stream), but each member can be
 * compressed on its own core, and read on its own, from its offset.  This
 * is what BGZF (htslib's blocked gzip, every BAM file) and zstd's seekable
 * format do; warta's members follow BGZF's layout:
 *
 *   gzip:  1f 8b 08 04, MTIME 0, XFL 0, OS 255, XLEN 8, then a subfield
 *          'W' 'M', length 4, the member's whole size in bytes (header to
 *          ISIZE, little-endian), so a reader finds the next member
 *          without inflating this one; raw DEFLATE (libdeflate); CRC-32
 *          and ISIZE.
 *   zstd:  one frame each, with its content size and checksum.
 *
 * No member holds more than BLOCKZ_MEMBER_MAX bytes uncompressed: a
 * reader refuses one that says it does, and never allocates more.
 *
 * The writer keeps the bytes of the member being filled; blockz_cut()
 * ends it (the caller cuts where a reader will want to start: before an
 * item), and it is also cut when it reaches BLOCKZ_CUT.  Members are
 * compressed on the pool's threads and written in order, so the file is
 * the same bytes whatever the number of threads.
 *
 * A file may end with a locator: an empty member that carries two
 * numbers, an offset and a length (warta's bundles use them to say where
 * their index is), found from the end of the file at a fixed size:
 *
 *   gzip:  an empty member (42 bytes) whose extra field holds a subfield
 *          'W' 'I', length 16: offset, length, little-endian 64-bit.
 *   zstd:  a skippable frame (28 bytes), magic 0x184D2A57, size 20:
 *          "WIDX", offset, length.
 */
#ifndef WARTA_BLOCKZ_H
#define WARTA_BLOCKZ_H

#include <stddef.h>
#include <stdint.h>

#include "base/warta.h"

enum blockz_kind { BLOCKZ_GZIP, BLOCKZ_ZSTD };

#define BLOCKZ_MEMBER_MAX	((size_t)1 << 20)
/* The writer cuts a member here at the latest (a long entry, a tag file):
 * its members are all about as large as a caller's cut ones (warta-pack
 * cuts after 896 KiB), so that the buffers of a small bundle and of a
 * large one are the same size. */
#define BLOCKZ_CUT		BLOCKZ_MEMBER_MAX
#define BLOCKZ_LOCATOR_GZIP	42
#define BLOCKZ_LOCATOR_ZSTD	28
#define BLOCKZ_LOCATOR_MAX	42

/*
 * Writing.
 */
struct blockz;

/* level: -1 for the default (gzip 5, zstd 3); threads: at least 1.  The
 * members are written to fd. */
struct blockz *blockz_new(int fd, enum blockz_kind kind, int level,
    unsigned threads, struct warta_error *err);
/* Frees z; what is not flushed is lost.  NULL is a no-op. */
void blockz_free(struct blockz *z);

int blockz_write(struct blockz *z, const void *p, size_t n,
    struct warta_error *err);
/* Ends the member being filled, when it holds anything. */
int blockz_cut(struct blockz *z, struct warta_error *err);
/* Cuts, and waits until every member is written. */
int blockz_flush(struct blockz *z, struct warta_error *err);

/* Bytes given so far, and bytes in the member being filled. */
uint64_t blockz_in_bytes(const struct blockz *z);
size_t blockz_filling(const struct blockz *z);
/* The number of the member being filled (0 for the first). */
uint64_t blockz_member(const struct blockz *z);
/* Where member k starts in the file, once it is written (after
 * blockz_flush(), for every k cut so far); UINT64_MAX before. */
uint64_t blockz_member_offset(const struct blockz *z, uint64_t k);
/* Bytes written to the file so far. */
uint64_t blockz_out_bytes(const struct blockz *z);

/* After blockz_flush(): the locator, at the end of the file. */
int blockz_write_locator(struct blockz *z, uint64_t offset, uint64_t length,
    struct warta_error *err);

/* The locator in the last bytes of a file (tail: the last `len` bytes
 * of it, at least the locator's size): 0 and the two numbers when it is
 * one, -1 when it is not. */
int blockz_read_locator(enum blockz_kind kind, const unsigned char *tail,
    size_t len, uint64_t *offset, uint64_t *length);

/* Whether the first bytes of a file are a member of warta's gzip layout
 * (a gzip file of another tool is not). */
int blockz_is_member(const unsigned char *p, size_t len);

/*
 * Reading: the members from an offset on, one after another, decompressed
 * on threads ahead of the caller, given back in order.
 */
struct blockz_reader;

/* Reads fd from offset (members must start there) to limit (UINT64_MAX:
 * the end of the file).  skip: bytes of the first member's data to pass
 * over. */
struct blockz_reader *blockz_reader_new(int fd, enum blockz_kind kind,
    uint64_t offset, uint64_t limit, uint64_t skip, unsigned threads,
    struct warta_error *err);
void blockz_reader_free(struct blockz_reader *r);

/* The next member's data: 1 with *p, *n (valid until the next call),
 * 0 at the end, -1 with err (a damaged member: err says where). */
int blockz_reader_next(struct blockz_reader *r, const void **p, size_t *n,
    struct warta_error *err);
/* Where the member last given back starts in the file, and the bytes of
 * data it holds (skipped ones too). */
uint64_t blockz_reader_offset(const struct blockz_reader *r);
size_t blockz_reader_member_size(const struct blockz_reader *r);
/* Compressed bytes read from the file so far (for a ratio bound). */
uint64_t blockz_reader_in_bytes(const struct blockz_reader *r);

#endif
