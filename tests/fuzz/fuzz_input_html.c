/*
 * tests/fuzz/fuzz_input_html.c: an HTML page (input/html.c).
 */
#include <stddef.h>
#include <stdint.h>

#include "input/input.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_input(data, size, INPUT_HTML, "fuzz.html");
}
