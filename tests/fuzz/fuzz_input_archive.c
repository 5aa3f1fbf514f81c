/*
 * tests/fuzz/fuzz_input_archive.c: a zip or tar delivery (input/archive.c over base/archive_in.c), each entry read again by its own module.
 */
#include <stddef.h>
#include <stdint.h>

#include "input/input.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_input(data, size, INPUT_ARCHIVE, "fuzz.zip");
}
