/*
 * tests/fuzz/fuzz_newsml_split.c: the split of a NewsML-G2 stream into its
 * items' bytes (newsml/split.c, what warta-meta -j cuts on its main
 * thread), each piece parsed as a job parses it (newsml_piece_parse), and
 * checked against the reader.
 *
 * The split promises that every piece it hands out parses to the very
 * item newsml_reader_next() hands out in its place, and that it stops
 * (for the reader to take over) wherever it is not sure.  So the input is
 * read both ways, and the k-th piece's document, serialized, must be the
 * k-th item's, and each element on the same line (messages quote it); a
 * piece said to be verbatim must parse alone to the same document (the
 * file warta-pack writes of its bytes), and the reader must give the same
 * bytes for the item, and only then.  A difference is a crash, which
 * libFuzzer keeps.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "base/buf.h"
#include "newsml/read.h"
#include "newsml/split.h"

#include "fuzz.h"

#define FUZZ_MAX_ITEM	((size_t)1 << 20)

/* Both documents serialized the same way, and compared. */
static int
same_document(xmlDocPtr a, xmlDocPtr b)
{
	xmlChar *sa = NULL, *sb = NULL;
	int na = 0, nb = 0, same;

	xmlDocDumpMemory(a, &sa, &na);
	xmlDocDumpMemory(b, &sb, &nb);
	/* Out of memory is not a difference. */
	same = sa == NULL || sb == NULL ||
	    (na == nb && memcmp(sa, sb, (size_t)na) == 0);
	xmlFree(sa);
	xmlFree(sb);
	return same;
}

/* The elements of both trees, in document order, on the same lines. */
static int
same_lines(xmlNodePtr a, xmlNodePtr b)
{
	for (; a != NULL && b != NULL; a = a->next, b = b->next) {
		if (a->type != b->type)
			return 0;
		if (a->type != XML_ELEMENT_NODE)
			continue;
		if (xmlGetLineNo(a) != xmlGetLineNo(b) ||
		    !same_lines(a->children, b->children))
			return 0;
	}
	return a == NULL && b == NULL;
}

/*
 * A verbatim item's bytes, parsed alone as warta-pack writes them (its
 * file), are the same document as the piece's.
 */
static int
same_alone(const struct newsml_piece *p, xmlDocPtr doc)
{
	xmlDocPtr alone = NULL;
	int same;

	/* Out of memory is not a difference; a refusal is. */
	switch (newsml_piece_parse(p->bytes, p->len, 0, 1, &alone, NULL)) {
	case -1:
		return 1;
	case 0:
		return 0;
	}
	same = same_document(alone, doc);
	xmlFreeDoc(alone);
	return same;
}

/* The reader gives the item's bytes exactly when the piece is verbatim,
 * and the same bytes: an item's file does not depend on how it was read. */
static int
same_bytes(const struct newsml_reader *r, const struct newsml_piece *p,
    int verbatim)
{
	const char *b;
	size_t n;

	if (!newsml_reader_item_bytes(r, &b, &n))
		return !verbatim;
	return verbatim && n == p->len && memcmp(b, p->bytes, n) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct newsml_split *s = NULL;
	struct newsml_reader *r = NULL;
	struct newsml_piece piece;
	struct warta_error err;
	struct wbuf bytes = WBUF_INIT;
	xmlDocPtr mine, theirs;
	FILE *split_fp = NULL, *read_fp = NULL;
	int rc, verbatim;

	if (size == 0)
		return 0;	/* fmemopen() refuses an empty buffer */
	if ((split_fp = fmemopen((void *)(uintptr_t)data, size, "rb")) ==
	    NULL || (read_fp = fmemopen((void *)(uintptr_t)data, size,
	    "rb")) == NULL)
		goto out;
	warta_error_clear(&err);
	if ((s = newsml_split_new(split_fp, &err)) == NULL ||
	    (r = newsml_reader_new(read_fp, "fuzz", &err)) == NULL)
		goto out;
	newsml_reader_set_max_item(r, FUZZ_MAX_ITEM);
	newsml_reader_keep_bytes(r);
	while (newsml_split_next(s, &piece) == 1) {
		if (newsml_piece_copy(&piece, &bytes) != WARTA_OK)
			break;
		rc = newsml_piece_parse(bytes.data, bytes.len,
		    piece.in_message, piece.first_line, &mine, &verbatim);
		if (rc != 1)
			break;	/* the reader takes over: nothing promised */
		if (newsml_reader_next(r, &theirs, &err) != 1) {
			/* A piece the reader would not have handed out. */
			xmlFreeDoc(mine);
			abort();
		}
		if (!same_document(mine, theirs) ||
		    !same_lines(mine->children, theirs->children) ||
		    (verbatim && !same_alone(&piece, mine)) ||
		    !same_bytes(r, &piece, verbatim))
			abort();
		xmlFreeDoc(mine);
		xmlFreeDoc(theirs);
	}
	/* Where the split stops, it says where the reader takes over; the
	 * offset is within what was read. */
	(void)newsml_split_resume(s, &(unsigned long){ 0 });
out:
	newsml_split_free(s);
	newsml_reader_free(r);
	if (split_fp != NULL)
		fclose(split_fp);
	if (read_fp != NULL)
		fclose(read_fp);
	wbuf_release(&bytes);
	return 0;
}
