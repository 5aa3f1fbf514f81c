/*
 * tests/fuzz/fuzz_input_sgml.c: Reuters-21578-style SGML records (input/sgml.c).
 */
#include <stddef.h>
#include <stdint.h>

#include "input/input.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_input(data, size, INPUT_SGML, "fuzz.sgm");
}
