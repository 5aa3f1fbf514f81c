/*
 * tests/fuzz/fuzz_input_nitf.c: an NITF document (input/nitf.c).
 */
#include <stddef.h>
#include <stdint.h>

#include "input/input.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_input(data, size, INPUT_NITF, "fuzz.nitf");
}
