/*
 * tests/fuzz/fuzz_newsml.c: a NewsML-G2 stream as every program reads it
 * (newsml/read.c: the scanner, then libxml2 on each item), each item's
 * text, and the checks warta-pack and warta-verify make on an item
 * (newsml/item_check.c, without a schema).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <libxml/tree.h>

#include "base/buf.h"
#include "newsml/item_check.h"
#include "newsml/read.h"

#include "fuzz.h"

/* An item may be at most this long: libFuzzer's inputs are far smaller
 * anyway, but the bound is the one the reader enforces. */
#define FUZZ_MAX_ITEM	((size_t)1 << 20)

static int
problem(void *arg, const char *what)
{
	(void)arg;
	(void)what;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct item_check ic = { NULL, NULL };
	struct newsml_reader *r = NULL;
	struct warta_error err;
	struct wbuf text = WBUF_INIT, original = WBUF_INIT;
	xmlDocPtr doc;
	FILE *fp;
	char recorded[65];
	int has_original;

	if (size == 0)
		return 0;	/* fmemopen() refuses an empty buffer */
	if ((fp = fmemopen((void *)(uintptr_t)data, size, "rb")) == NULL)
		return 0;
	warta_error_clear(&err);
	if ((r = newsml_reader_new(fp, "fuzz", &err)) == NULL)
		goto out;
	newsml_reader_set_max_item(r, FUZZ_MAX_ITEM);
	while (newsml_reader_next(r, &doc, &err) == 1) {
		wbuf_reset(&text);
		(void)newsml_item_text(doc, &text, &err);
		wbuf_reset(&original);
		(void)item_check(&ic, doc, problem, NULL, &original,
		    &has_original, recorded, &err);
		xmlFreeDoc(doc);
	}
out:
	newsml_reader_free(r);
	fclose(fp);
	wbuf_release(&text);
	wbuf_release(&original);
	return 0;
}
