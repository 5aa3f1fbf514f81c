/*
 * tests/fuzz/fuzz_bagtags.c: the tag files of a bag as warta-verify reads
 * them (bagit/check.c): bagit.txt, bag-info.txt, the payload and tag
 * manifests (bagit/manifest.c), the catalog (bagit/catalog_read.c), and
 * the comparison of the manifests with the files.
 *
 * The input is the files, in the order of names[] below, separated by a
 * line "--" ("\n--\n"): the dictionary tag.dict holds the separator.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bagit/check.h"

#include "fuzz.h"

static const char *const names[] = {
	"bagit.txt",
	"bag-info.txt",
	"manifest-sha256.txt",
	"tagmanifest-sha256.txt",
	"data/catalog.tsv",
	"data/items/a.xml",
	"manifest-sha512.txt",
	"data/catalog.xml",
};

static void
problem(void *arg, const char *where, const char *what)
{
	(void)arg;
	(void)where;
	(void)what;
}

/* The first "\n--\n" in [p, p + n), or NULL. */
static const uint8_t *
separator(const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i + 4 <= n; i++)
		if (memcmp(p + i, "\n--\n", 4) == 0)
			return p + i;
	return NULL;
}

#define NFILES (sizeof(names) / sizeof(names[0]))

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct item_check ic = { NULL, NULL };
	struct bag_check *c;
	const uint8_t *p = data, *end = data + size, *sep;
	const uint8_t *part[NFILES];
	size_t len[NFILES], i, n;

	for (n = 0; n < NFILES && p <= end; n++) {
		if ((sep = separator(p, (size_t)(end - p))) == NULL)
			sep = end;
		part[n] = p;
		len[n] = (size_t)(sep - p);
		p = sep + 4;
	}
	if ((c = bag_check_new(&ic, problem, NULL)) == NULL)
		return 0;
	for (i = 0; i < n; i++)
		bag_check_file(c, names[i], part[i], len[i]);
	/* A payload file the manifests may or may not name. */
	bag_check_file(c, "data/b.txt", "b\n", 2);
	/* As warta-verify does: the files again for SHA-512. */
	if (bag_check_wants_sha512(c)) {
		for (i = 0; i < n; i++)
			bag_check_sha512(c, names[i], part[i], len[i]);
		bag_check_sha512(c, "data/b.txt", "b\n", 2);
	}
	bag_check_end(c);
	bag_check_free(c);
	return 0;
}
