/*
 * base/size.h: sizes and counts as people type them on a command line.
 */
#ifndef WARTA_SIZE_H
#define WARTA_SIZE_H

/*
 * "10000", "64K", "16M", "2G", "1T" (powers of 1024, either case) into
 * *out.  -1 for anything else: no sign, no space, no fraction, nothing
 * that overflows.
 */
int size_parse(const char *s, unsigned long long *out);

#endif
