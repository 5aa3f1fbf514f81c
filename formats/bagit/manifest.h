/*
 * bagit/manifest.h: the lines of a BagIt manifest (RFC 8493 2.1.3),
 * written and read: "DIGEST  PATH", the path percent-encoded where it
 * holds CR, LF or '%' (as %0D, %0A, %25) and nothing else.
 *
 * bagit/write.c writes manifests with manifest_put_line(); the bag check
 * (bagit/check.h) reads them with manifest_parse().
 */
#ifndef WARTA_BAGIT_MANIFEST_H
#define WARTA_BAGIT_MANIFEST_H

#include <stddef.h>

#include "bagit/problem.h"
#include "base/buf.h"
#include "base/warta.h"

/* The longest digest a manifest line holds, in hex (SHA-512). */
#define MANIFEST_DIGEST_MAX 128

struct manifest_line {
	char *path;		/* decoded */
	char digest[MANIFEST_DIGEST_MAX + 1];	/* lowercase hex */
	long lineno;		/* 1-based, in the manifest */
};

struct manifest {
	struct manifest_line *lines;
	size_t n, cap;
};

void manifest_init(struct manifest *m);
void manifest_release(struct manifest *m);	/* frees, re-initializes */

/*
 * Reads the len bytes at p, a manifest named name, whose digests have
 * hexlen hex digits, and appends its lines to m.  A line that is not
 * "DIGEST PATH" (the digest of hexlen hex digits, then one or more spaces
 * or tabs, then the path) goes to fn as a problem of name, "line N: not
 * \"DIGEST PATH\"", and the reading goes on; an empty line is passed
 * over, and a line ends at its first CR.  Returns WARTA_FAILED with err
 * only when memory runs out (m is emptied then).
 */
int manifest_parse(struct manifest *m, const char *name, const void *p,
    size_t len, size_t hexlen, bag_problem_fn *fn, void *arg,
    struct warta_error *err);

/*
 * The same, each line given to each(earg, path, digest, lineno, err) (the
 * path decoded, in a buffer each may change; the digest lowercase) and
 * kept nowhere: a manifest of a million lines in the memory of one.
 * Returns WARTA_FAILED when memory runs out or each fails (err says why;
 * the lines after are not read).
 */
typedef int manifest_line_fn(void *earg, char *path, const char *digest,
    long lineno, struct warta_error *err);
int manifest_parse_each(const char *name, const void *p, size_t len,
    size_t hexlen, manifest_line_fn *each, void *earg, bag_problem_fn *fn,
    void *arg, struct warta_error *err);

/*
 * The same, the manifest given a chunk at a time (one too large to be held
 * whole): manifest_feed() each chunk in order, manifest_feed_end() once
 * after the last, whose return and err are manifest_parse_each()'s; the
 * lines, their numbers and the problems are those of the whole.  Only
 * the line being read is kept.  manifest_feed_release() frees in any case.
 */
struct manifest_feed {
	const char *name;
	size_t hexlen;
	manifest_line_fn *each;
	void *earg;
	bag_problem_fn *fn;
	void *arg;
	struct wbuf line;	/* the line not yet ended */
	long lineno;
	int ended;		/* a NUL came: what follows is not read */
	int rc;
};

int manifest_feed_init(struct manifest_feed *f, const char *name,
    size_t hexlen, manifest_line_fn *each, void *earg, bag_problem_fn *fn,
    void *arg, struct warta_error *err);
int manifest_feed(struct manifest_feed *f, const void *p, size_t len,
    struct warta_error *err);
int manifest_feed_end(struct manifest_feed *f, struct warta_error *err);
void manifest_feed_release(struct manifest_feed *f);

/* Appends path, percent-encoded as a manifest writes it. */
int manifest_put_path(struct wbuf *out, const char *path);
/* Decodes %0A, %0D and %25 (either case) in place; any other '%' stays. */
void manifest_decode_path(char *path);

/* Appends one line: "DIGEST  PATH\n", the path encoded. */
int manifest_put_line(struct wbuf *out, const char *digest,
    const char *path);

#endif
