/*
 * bagit/index_check.h: warta-verify's check of a bundle's index
 * (bagit/index.h) against where its entries are.
 *
 * The bundle was read whole (bagit/read.h noted where each entry before
 * the index starts); the index is read again through its keys, a chunk
 * at a time, and every line compared with what was found, in memory that
 * does not grow with the bundle (the notes are sorted on disk,
 * base/extsort.h).  Problems, each one line: a line that puts its entry
 * elsewhere, an entry the index lacks, a line of an entry the bundle
 * lacks, keys that do not lead to the chunks, an index with no locator
 * (a bundle cut short or appended to).
 */
#ifndef WARTA_BAGIT_INDEX_CHECK_H
#define WARTA_BAGIT_INDEX_CHECK_H

#include "bagit/problem.h"
#include "bagit/read.h"

/* Nothing for a bundle that is not of independent members. */
void bag_check_index(struct bag_reader *r, const char *path,
    const struct bag_limits *limits, bag_problem_fn *fn, void *arg);

#endif
