/*
 * bagit/sniff.h: what a file is, by its first (or last) bytes: which
 * archive or compression, a zip with its central directory, or XML.
 *
 * warta-verify reads a bundle's first bytes once and asks these: XML is a
 * NewsML-G2 stream to lint, anything else is taken for a bundle, and a
 * bundle libarchive cannot open is "damaged" when its first bytes are an
 * archive's, "not a bundle" when they are not.
 */
#ifndef WARTA_BAGIT_SNIFF_H
#define WARTA_BAGIT_SNIFF_H

#include <stddef.h>

/* Enough of a file's start for every question here (tar's magic is at
 * byte 257). */
#define SNIFF_HEAD 512

enum sniff_kind {
	SNIFF_UNKNOWN = 0,
	SNIFF_GZIP,
	SNIFF_ZIP,
	SNIFF_XZ,
	SNIFF_ZSTD,
	SNIFF_BZIP2,
	SNIFF_TAR
};

/* The archive or compression the first len bytes at head announce. */
enum sniff_kind sniff_archive(const unsigned char *head, size_t len);

/*
 * Whether the first bytes are XML's: '<' first, after an optional UTF-8
 * BOM and white space, within the first 64 bytes.
 */
int sniff_xml(const unsigned char *head, size_t len);

/*
 * Whether the last len bytes of a zip hold its end of central directory
 * record ("PK\5\6", at least 22 bytes from the end).  It is within the
 * last SNIFF_ZIP_TAIL bytes: without it, a reader that trusts the
 * directory sees no files.
 */
#define SNIFF_ZIP_TAIL (65535 + 22)
int sniff_zip_tail(const unsigned char *tail, size_t len);

/*
 * The same of a file: its first bytes into head[size] (*len of them; a
 * short file gives fewer), -1 with errno when it cannot be opened.
 */
int sniff_read_head(const char *path, unsigned char *head, size_t size,
    size_t *len);
/* Whether the zip at path has its end of central directory (0 when it
 * cannot be read). */
int sniff_zip_has_directory(const char *path);

#endif
