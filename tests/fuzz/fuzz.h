/*
 * tests/fuzz/fuzz.h: what the fuzz targets share.
 *
 * Each fuzz_NAME.c defines LLVMFuzzerTestOneInput() for one parser of
 * untrusted bytes.  It is linked either with libFuzzer (clang's
 * -fsanitize=fuzzer: make fuzz) or with replay.c, a plain main() that
 * feeds it files (the regressions, in every build).  A target prints
 * nothing, frees all it takes, and bounds its work by the library's own
 * limits, set small so that one input costs milliseconds.
 */
#ifndef WARTA_FUZZ_H
#define WARTA_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * The readers that take a path or a descriptor read the input from an
 * anonymous file in memory: its descriptor, and a path that names it
 * (/proc/self/fd/N) in path (at least FUZZ_PATH_MAX bytes).  -1 when it
 * could not be made: the target then returns at once.
 */
#define FUZZ_PATH_MAX 64
int fuzz_file(const uint8_t *data, size_t size, char *path);

/*
 * Reads the input as a source of the given kind (an enum input_kind) the
 * way warta-normalize does (input/input.c), every article to the end;
 * name is the file name detection and messages see.  Always 0.
 */
int fuzz_input(const uint8_t *data, size_t size, int kind,
    const char *name);

#endif
