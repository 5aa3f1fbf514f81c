/*
 * tests/fuzz/fuzz_input_warc.c: a WARC web archive (input/warc.c), each record read again by its own module.
 */
#include <stddef.h>
#include <stdint.h>

#include "input/input.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_input(data, size, INPUT_WARC, "fuzz.warc");
}
