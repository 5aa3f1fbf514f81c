/*
 * tests/fuzz/fuzz_sidecar.c: the archivist's spreadsheet (meta/sidecar.c:
 * the charset decoder, then libcsv), and the lookups warta-meta makes in it.
 */
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include "meta/sidecar.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sidecar *s;
	struct sidecar_row *row;
	struct warta_error err;
	char path[FUZZ_PATH_MAX];
	size_t i;
	int fd;

	if ((fd = fuzz_file(data, size, path)) == -1)
		return 0;
	warta_error_clear(&err);
	if ((s = sidecar_load(path, &err)) != NULL) {
		/* Each row's own guid and file find a row again. */
		for (i = 0; (row = sidecar_row(s, i)) != NULL; i++)
			(void)sidecar_match(s, row->value[SC_GUID],
			    row->value[SC_FILE]);
		(void)sidecar_match(s, "urn:x", "a.txt");
		sidecar_free(s);
	}
	close(fd);
	return 0;
}
