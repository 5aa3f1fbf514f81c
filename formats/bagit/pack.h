/*
 * bagit/pack.h: NewsML-G2 items into a BagIt bundle (bagit/write.h), or
 * into the bundles of a split, in memory that does not grow with the
 * number of items.
 *
 * Two passes.  bag_packer_put() (or bag_packer_add()) checks each item
 * (newsml/item_check.h) and spools what the bundle needs of it (its file,
 * its original, their digests, its catalog lines, bagit/catalog.h) to a
 * temporary file, with a fixed-size record per item.  bag_packer_put()
 * and bag_packer_put_piece() do the work of each item on the packer's
 * threads (base/workpool.h), and spool the items and tell their problems
 * in the order given.  bag_packer_sort() sorts the records on disk
 * (base/extsort.h):
 * by guid, to keep one version of each item, then by path, so that the
 * entries come in the order of their dates whatever the order of the
 * stream, and plans the split.  bag_packer_finish() writes the bundles
 * from the spool.
 *
 * The same items give the same bytes, in any order and at any time: the
 * bundle's one date is the newest versionCreated of its items unless
 * bag_packer_set_date() gives another.
 */
#ifndef WARTA_BAGIT_PACK_H
#define WARTA_BAGIT_PACK_H

#include <time.h>

#include <libxml/tree.h>

#include "bagit/write.h"
#include "base/warta.h"
#include "newsml/g2_rules.h"
#include "newsml/item_check.h"
#include "newsml/split.h"

/* Which version of a guid that comes more than once is packed. */
enum bag_duplicates {
	BAG_DUP_HIGHEST,	/* the highest; of equal ones, the first */
	BAG_DUP_FIRST,		/* the first in the stream */
	BAG_DUP_ERROR		/* none: a duplicate is an error */
};

/*
 * For a program that removes the temporary file of the bundle being
 * written when a signal ends it: create() stands in for bag_create() (the
 * program may block signals around it and keep bag_temp_path()), and
 * closed() is called once that file is renamed or removed.  written() is
 * called after each item is added to a bundle, with its bytes (item and
 * original), for a progress line.  Any may be NULL.
 */
struct bag_pack_hooks {
	struct bag *(*create)(void *arg, const char *path, const char *name,
	    const struct bag_options *o, struct warta_error *err);
	void (*closed)(void *arg);
	void (*written)(void *arg, unsigned long long bytes);
	void *arg;
};

/* Who an item is, for the messages about it (bag_packer_put()). */
struct bag_pack_item {
	const char *input;	/* as given to bag_packer_put() */
	unsigned long number;	/* likewise: its place in its input */
	const char *guid;	/* its guid attribute; NULL when it has none */
};

/*
 * What bag_packer_put()'s items are told of, on the caller's thread, item
 * after item in the order given: each problem of an item, then, when it
 * has any, that it is left out.  Either may be NULL.
 */
struct bag_pack_report {
	void (*problem)(void *arg, const struct bag_pack_item *it,
	    const char *problem);
	void (*left_out)(void *arg, const struct bag_pack_item *it);
	void *arg;
};

/* The bag's name (its top-level directory) on standard output. */
#define BAG_STDOUT_NAME	"bundle"

struct bag_pack_options {
	/* NAME.tar.gz; a split's parts NAME-0001...; "-": standard
	 * output, one bundle named BAG_STDOUT_NAME, no split. */
	const char *output;
	enum bag_format format;
	int level;		/* compression level; -1 for the default */
	int sha512;		/* a SHA-512 manifest as well */
	unsigned threads;	/* compressing; 0: 1 */
	/*
	 * Checking items (bag_packer_put(), bag_packer_put_piece()) on so
	 * many threads of their own; 0: 1.  Pays for pieces, which the
	 * threads parse too: a tree parsed on the caller's core and
	 * checked on another costs more than it gains (see bagit/pack.c).
	 */
	unsigned check_threads;
	unsigned mode;		/* of a new bundle file */
	enum bag_duplicates duplicates;
	unsigned long long max_items;	/* in a bundle; 0: no limit */
	unsigned long long max_bytes;	/* of items and originals; 0: none */
	/* Source-Organization; NULL: the provider of the first item in
	 * path order. */
	const char *organization;
	const char *agent;	/* Bag-Software-Agent ("warta-pack 0.1.0") */
	const struct item_check *check;	/* the checks every item must pass */
	/* Duplicates told one by one (the first in guid order); the rest
	 * are only counted. */
	unsigned long duplicates_told;
	struct bag_pack_hooks hooks;
	struct bag_pack_report report;	/* of bag_packer_put()'s items */
};

struct bag_pack_counts {
	unsigned long read;	/* items given to bag_packer_add() */
	unsigned long rejected;	/* left out for a problem */
	unsigned long duplicates;	/* versions of a guid left out */
	unsigned long planned;	/* bundles the sorted items make */
	unsigned long written;	/* bundles written so far */
	unsigned long packed;	/* items in the bundles written */
};

/* A guid that came twice: the version kept and the one left out. */
struct bag_pack_duplicate {
	const char *guid;
	unsigned kept_version;
	unsigned long long kept_item;	/* its place in the stream, from 1 */
	unsigned left_version;
	unsigned long long left_item;
};

typedef void (*bag_pack_duplicate_fn)(void *arg,
    const struct bag_pack_duplicate *d);

struct bag_packer;

/*
 * A packer with its spool (in $TMPDIR, else /tmp); NULL with err.  The
 * strings o names must last as long as the packer; o itself need not.
 */
struct bag_packer *bag_packer_new(const struct bag_pack_options *o,
    struct warta_error *err);
void bag_packer_free(struct bag_packer *p);

/*
 * Checks the item doc, each problem going to fn, and spools it when it
 * has none.  Returns 1 when spooled, 0 when left out for a problem, and
 * WARTA_FAILED (err) when nothing more can be done: memory or the spool
 * failed.
 */
int bag_packer_add(struct bag_packer *p, xmlDocPtr doc, g2_problem_fn fn,
    void *arg, struct warta_error *err);

/*
 * As bag_packer_add(), the work done on the packer's threads: doc is the
 * packer's from now on (freed once checked), and input (which must last
 * until the item is taken back) and number name it in the report
 * (bag_pack_options.report).  bytes (len of them, copied), when not
 * NULL, are the item's own in its stream and, alone, the document doc
 * (newsml_reader_item_bytes()): its file is them, not doc serialized.
 * Returns WARTA_OK, or WARTA_FAILED (err) when nothing more can be done,
 * for this item or one given before.
 */
int bag_packer_put(struct bag_packer *p, xmlDocPtr doc, const char *bytes,
    size_t len, const char *input, unsigned long number,
    struct warta_error *err);

/*
 * As bag_packer_put(), for an item the split cut (newsml/split.h): its
 * bytes are copied, and parsed on the packer's threads.  A piece the
 * parser refuses is not the packer's to report: it, and every item given
 * after it, are dropped as they are taken back (not told, not counted),
 * and bag_packer_refused() says where newsml_reader must take over.
 * Returns 1 when given; 0 when not, as a piece given before was refused
 * (the caller stops giving, drains and asks bag_packer_refused());
 * WARTA_FAILED (err) as bag_packer_put().
 */
int bag_packer_put_piece(struct bag_packer *p,
    const struct newsml_piece *piece, const char *input,
    struct warta_error *err);

/* Where the reader takes over after a refused piece. */
struct bag_pack_refusal {
	long long doc_start;	/* the offset of the piece's document */
	unsigned long doc_items;	/* the items before that document */
	unsigned long done;	/* the items before the piece: skipped */
};

/*
 * Once drained: 1 when a piece given to bag_packer_put_piece() was
 * refused, with *r where to read again, and the packer takes pieces
 * again; 0 when none was.
 */
int bag_packer_refused(struct bag_packer *p, struct bag_pack_refusal *r);

/*
 * Takes back every item given to bag_packer_put(), so that all they had
 * to tell is told: before a message of the caller's own, say.  Fails as
 * bag_packer_put() does.  bag_packer_sort() drains first.
 */
int bag_packer_drain(struct bag_packer *p, struct warta_error *err);

/* The date of the bundles (SOURCE_DATE_EPOCH, say), instead of the
 * newest versionCreated. */
void bag_packer_set_date(struct bag_packer *p, time_t t);

/*
 * Keeps one version of each guid and puts the items in path order, once
 * every item is added.  Each duplicate, up to duplicates_told, goes to fn
 * (which may be NULL); the counts then hold the duplicates and, unless
 * they are an error, the bundles planned.
 */
int bag_packer_sort(struct bag_packer *p, bag_pack_duplicate_fn fn,
    void *arg, struct warta_error *err);

/* The path of bundle k (from 1) of the plan; malloc'd, NULL when memory
 * ran out. */
char *bag_packer_part_path(const struct bag_packer *p, unsigned long k);

/*
 * Writes the bundles planned, one after the other; the counts follow.
 * Fails when one cannot be written (that one is removed, those before it
 * stay), or when duplicates are an error and there were some.
 */
int bag_packer_finish(struct bag_packer *p, struct warta_error *err);

const struct bag_pack_counts *bag_packer_counts(const struct bag_packer *p);

#endif
