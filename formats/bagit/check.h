/*
 * bagit/check.h: is a bag whole, and is every item in it sound?
 *
 * The BagIt checks (bagit.txt, every line of every manifest and tag
 * manifest, no payload file missing or unlisted, Payload-Oxum), every
 * item's checks (newsml/item_check.h), the catalog (data/catalog.tsv and
 * data/catalog.xml) against the items, and every original against the
 * SHA-256 its item records.  Every problem goes to the caller's function
 * (bagit/problem.h), one line each, with its path; the check goes on to
 * the end.
 *
 * One pass over the bag: each file is hashed as it goes by, on several
 * threads when bag_check_set_threads() says so (the report is the same
 * whatever their number), and remembered (path, digest) in a spool file,
 * not in memory; the manifests, which warta-pack writes last but other
 * tools may write first, are compared at the end, as merges of sorted
 * spools.  A SHA-512 manifest needs a second pass, made only when there
 * is one.  Memory does not grow with the number of files.
 *
 * bag_check_bundle() does all of it on a bundle file.  A bag can also be
 * fed file by file: bag_check_file() for each, then, when
 * bag_check_wants_sha512() says so, bag_check_sha512() for each again,
 * then bag_check_end().
 */
#ifndef WARTA_BAGIT_CHECK_H
#define WARTA_BAGIT_CHECK_H

#include <stdio.h>

#include "bagit/problem.h"
#include "bagit/read.h"
#include "bagit/sniff.h"
#include "base/warta.h"
#include "newsml/item_check.h"

struct bag_check;

/* ic (the schema and the catalog of aliases) must outlive the check. */
struct bag_check *bag_check_new(const struct item_check *ic,
    bag_problem_fn *fn, void *arg);
void bag_check_free(struct bag_check *c);
/* The threads bag_check_bundle() checks files on (1, the default: the
 * caller's alone). */
void bag_check_set_threads(struct bag_check *c, unsigned threads);

/*
 * The bundle at path, whose first bytes are of the given kind: read,
 * checked whole.  Returns WARTA_FAILED with err only when it could not be
 * checked at all: it cannot be opened, and its first bytes are no
 * archive's (a file that is an archive by its first bytes but cannot be
 * read is a damaged bundle: a problem).
 */
int bag_check_bundle(struct bag_check *c, const char *path,
    enum sniff_kind kind, const struct bag_limits *limits,
    struct warta_error *err);

/* One file of the bag, path relative to its directory ("data/..."). */
void bag_check_file(struct bag_check *c, const char *path, const void *p,
    size_t len);
/* Whether a manifest of the bag is SHA-512's: the files again, then. */
int bag_check_wants_sha512(const struct bag_check *c);
void bag_check_sha512(struct bag_check *c, const char *path, const void *p,
    size_t len);
/* Everything compared, once every file is in. */
void bag_check_end(struct bag_check *c);

/*
 * fn(arg, items, bytes) after each file of a bundle that bag_check_bundle()
 * reads: the items seen so far and the bytes of the bundle's file read, as
 * it lies on disk (compressed), for a progress line.  NULL: none.
 */
typedef void bag_check_progress_fn(void *arg, size_t items,
    unsigned long long bytes);
void bag_check_set_progress(struct bag_check *c, bag_check_progress_fn *fn,
    void *arg);

/* The items and the files of the bag seen so far. */
size_t bag_check_items(const struct bag_check *c);
size_t bag_check_files(const struct bag_check *c);

/*
 * The items of a NewsML-G2 file or stream outside any bag (name for
 * messages, "<stdin>" for standard input): the checks a bag's items get.
 * A problem of an item is "item N GUID"'s.  Returns -1 when the stream
 * could not be read to its end (reported).
 */
int bag_check_stream(const struct item_check *ic, FILE *fp,
    const char *name, bag_problem_fn *fn, void *arg);

#endif
