/*
 * bagit/write.h: a BagIt 1.0 bag (RFC 8493), serialized: written straight into
 * one archive file with libarchive, as warta-pack's bundles are.
 *
 * Everything in the bag sits under one top-level directory, the bag's
 * name.  bagit.txt comes first; payload files (under data/) follow in the
 * order they are added, each hashed as it goes; bag_finish() then writes
 * manifest-sha256.txt (and manifest-sha512.txt on request), bag-info.txt
 * with Payload-Oxum and Bag-Size, and the tag manifests.  Memory does not
 * grow with the number of files: the manifest lines wait in a temporary
 * file.
 *
 * The same files give the same bytes: every entry is a regular file, mode
 * 0644, owner 0:0 with no names, with the one time the caller gives; tar
 * is written in the pax-restricted format (plain ustar headers unless a
 * name needs more), gzip without its timestamp.  Zip stores local time,
 * so the caller sets TZ=UTC first.
 *
 * The archive is written to a temporary file beside the final path
 * (".NAME.XXXXXX", hidden) and renamed over it only by bag_finish(), once
 * the archive is complete and on disk: an interrupted run never leaves a
 * partial bag under the final name, and a bag already there stays as it
 * was.  bag_abort() removes the temporary file.  Only a regular file is
 * ever replaced: a directory, a device, a FIFO, a socket or a symbolic
 * link at the final path is refused, when the bag is started and again
 * before the rename, since renaming over it would delete the node (as
 * root, -o /dev/null would take /dev/null away).
 *
 * The path "-" is standard output: the archive is written there as it
 * goes, with no temporary file and nothing renamed (a failure leaves what
 * was written; the caller says so).
 */
#ifndef WARTA_BAGIT_WRITE_H
#define WARTA_BAGIT_WRITE_H

#include <stdio.h>
#include <time.h>

#include "base/warta.h"

enum bag_format {
	BAG_TAR_GZ, BAG_TAR_ZST, BAG_TAR_XZ, BAG_TAR, BAG_ZIP
};

/* The format a file name asks for (".tar.gz", ".tgz", ".tar.zst",
 * ".tar.xz", ".tar", ".zip"); -1 when its suffix is none of them. */
int bag_format_of_path(const char *path, enum bag_format *f);
/* By name: "tar.gz", "tar.zst", "tar.xz", "tar", "zip". */
int bag_format_of_name(const char *name, enum bag_format *f);
/* ".tar.gz" for BAG_TAR_GZ, and so on. */
const char *bag_format_suffix(enum bag_format f);

struct bag_options {
	enum bag_format format;
	int level;		/* compression level; -1 for the default */
	int sha512;		/* a SHA-512 manifest beside the SHA-256 one */
	time_t mtime;		/* the time of every entry */
	unsigned threads;	/* compressing .tar.gz and .tar.zst; 0: 1 */
	unsigned mode;		/* of the bundle file (0644 & ~umask) */
};

/* One line of bag-info.txt. */
struct bag_info {
	const char *label;
	const char *value;	/* line breaks become spaces */
};

struct bag;

/*
 * Whether a bag may be written at path: nothing is there, or a regular
 * file, which bag_finish() would replace (*exists, when not NULL, says
 * which).  Anything else is refused, err naming what it is; a symbolic
 * link too, whatever it points to, as the rename would replace the link.
 * "-" (standard output) may always be written.
 */
int bag_check_target(const char *path, int *exists, struct warta_error *err);

/*
 * Starts the bag name (its top-level directory) in a temporary file
 * beside path, or on standard output for "-".  NULL with err on failure,
 * bag_check_target()'s among them.
 */
struct bag *bag_create(const char *path, const char *name,
    const struct bag_options *o, struct warta_error *err);

/* Adds data/REL (REL: a relative path of safe characters, '/'-separated)
 * with the len bytes at p. */
int bag_add(struct bag *b, const char *rel, const void *p, size_t len,
    struct warta_error *err);

/*
 * As bag_add(), with the digests of the len bytes given, in lowercase hex,
 * by a caller that hashed them already (warta-pack, on its threads, while
 * the items are checked): the SHA-256, and the SHA-512 when the bag has
 * that manifest too (NULL: hashed here).
 */
int bag_add_hashed(struct bag *b, const char *rel, const void *p, size_t len,
    const char *sha256_hex, const char *sha512_hex, struct warta_error *err);

/* As bag_add(), with the len bytes read from fp from where it stands. */
int bag_add_stream(struct bag *b, const char *rel, FILE *fp, size_t len,
    struct warta_error *err);

/*
 * A place a reader may want to start at (warta-pack: before each item).
 * In a .tar.gz or .tar.zst bag, whose tar stream is written as
 * independent members (base/blockz.h), the next entry starts a new member
 * when the one being filled is large enough; elsewhere nothing happens.
 */
int bag_mark(struct bag *b, struct warta_error *err);

/* Payload files and bytes added so far. */
unsigned long long bag_payload_files(const struct bag *b);
unsigned long long bag_payload_bytes(const struct bag *b);

/*
 * Writes the manifests, bag-info.txt (the n lines of info, then
 * Payload-Oxum and Bag-Size) and the tag manifests, closes the archive,
 * syncs it and renames it to its final path.  The bag is freed whatever
 * happens; on failure the temporary file is removed.
 */
int bag_finish(struct bag *b, const struct bag_info *info, size_t n,
    struct warta_error *err);

/* Gives up: the temporary file is removed and the bag freed. */
void bag_abort(struct bag *b);

/*
 * The temporary file of the bag being written, for a signal handler that
 * must remove it (unlink(2) is async-signal-safe); NULL when none (on
 * standard output).
 */
const char *bag_temp_path(const struct bag *b);

#endif
