/*
 * bagit/problem.h: how a check of a bag tells its caller what is wrong.
 *
 * A check goes on to the end and hands each problem to a function of the
 * caller's: where it is (a path in the bag, "bagit.txt: ...", or "" for
 * the bundle as a whole) and what it is, one line, lowercase, no full
 * stop.  The caller prints it (with its own name and the bundle's) and
 * counts it.
 */
#ifndef WARTA_BAGIT_PROBLEM_H
#define WARTA_BAGIT_PROBLEM_H

typedef void bag_problem_fn(void *arg, const char *where,
    const char *problem);

#endif
