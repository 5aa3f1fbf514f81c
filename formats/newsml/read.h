/*
 * newsml/read.h: NewsML-G2 in, one item at a time.
 *
 * The reader takes the stream between stages (DESIGN.md): a lone item
 * document, a newsMessage whose itemSet holds items, or several such
 * documents back to back as `cat a.xml b.xml` makes them, each with or
 * without its own XML declaration.  It hands out each G2 item (newsItem,
 * packageItem, conceptItem, knowledgeItem, planningItem; catalogItem too)
 * as a document of its own and holds no more than that one item, so memory
 * stays flat however long the stream is.
 *
 * Safety: no network, no DTD, no entity expansion.  A document with a
 * DOCTYPE is refused before libxml2 sees it (NewsML-G2 has no DTD, and an
 * internal subset is how XXE and billion-laughs attacks come in); one item
 * may not pass LIMIT_ITEM_BYTES bytes (newsml_reader_set_max_item) nor nest
 * elements deeper than LIMIT_XML_DEPTH; one tag with its attributes, one
 * comment or PI may not pass LIMIT_XML_MARKUP bytes, one CDATA section
 * LIMIT_XML_CDATA (libxml2's push parser turns quadratic on anything it
 * must hold whole past 10,000,000 bytes).  Text is bounded only by the
 * item.
 *
 * Errors are one line with the byte offset in the whole stream and the
 * line: "not well-formed XML at byte 1234 (line 40): ...".  An item comes
 * out only whole and sound.  The items before an error come out as far as
 * libxml2's read-ahead lets them (it parses a few kilobytes ahead and then
 * stops at the error; documents before the one in error always come out).
 * After an error the reader stays failed: the rest of the stream is not
 * trusted.
 */
#ifndef WARTA_NEWSML_READ_H
#define WARTA_NEWSML_READ_H

#include <stdio.h>

#include <libxml/tree.h>

#include "base/buf.h"
#include "base/limits.h"
#include "base/warta.h"


struct newsml_reader;

/*
 * fp stays the caller's: the reader reads it and never closes it.  name is
 * what the caller calls the input ("<stdin>" when NULL), kept for the
 * caller's messages; the reader's own messages do not repeat it.
 */
struct newsml_reader *newsml_reader_new(FILE *fp, const char *name,
    struct warta_error *err);
void newsml_reader_free(struct newsml_reader *r);
const char *newsml_reader_name(const struct newsml_reader *r);

/* The bound on one item, in bytes of input (at least 1). */
void newsml_reader_set_max_item(struct newsml_reader *r, size_t max);

/*
 * 1: *item is a new document (the caller frees it with xmlFreeDoc) whose
 * root is the item, carrying every namespace declaration in scope where it
 * stood; 0: the stream ended; -1: error, err says what and where.
 */
int newsml_reader_next(struct newsml_reader *r, xmlDocPtr *item,
    struct warta_error *err);

/*
 * For a caller that read the stream up to a document's start itself
 * (newsml/split.h): the reader starts at stream offset offset, at line
 * line, count items handed out before.  Before the first
 * newsml_reader_next(), with fp standing at that document.
 */
void newsml_reader_set_origin(struct newsml_reader *r, long long offset,
    long long line, unsigned long count);

/*
 * The reader taking over from the split (newsml/split.h) at stream offset
 * from, count items handed out before: fp, a regular file whose stream
 * began at origin (where fp stood when the split began), is read again up
 * to there for the line number, so that the reader's messages say the
 * line and offset they would have said reading from the start.  NULL with
 * err (strerror, or "out of memory") when it cannot.
 */
struct newsml_reader *newsml_reader_resume(FILE *fp, const char *name,
    long long origin, long long from, unsigned long count,
    struct warta_error *err);

/*
 * Keep the bytes read, so that newsml_reader_item_bytes() can give an
 * item's own (off unless asked: a copy of every byte of a message).
 */
void newsml_reader_keep_bytes(struct newsml_reader *r);
/*
 * After newsml_reader_next() handed out an item: 1 with its bytes in the
 * stream (valid until the next call) when they are, alone, the document
 * it handed out, as newsml_piece_parse() says *verbatim of a piece (an
 * item in a message of UTF-8 that declares every prefix declared around
 * it), so that a file of them is the item's whichever way it was read; 0
 * otherwise.
 */
int newsml_reader_item_bytes(const struct newsml_reader *r,
    const char **bytes, size_t *len);

/* Bytes of the stream taken so far (the scanner's position). */
long long newsml_reader_offset(const struct newsml_reader *r);
/* Items handed out so far. */
unsigned long newsml_reader_count(const struct newsml_reader *r);

/*
 * Appends the text of an item to out: the headline (contentMeta), then
 * each paragraph of the body, paragraphs separated by a blank line and the
 * whole ending in a newline; nothing at all when the item has no text.
 *
 * The body is the first inlineXML that holds XHTML (every block element,
 * p, h1-h6, li, blockquote, ..., is a paragraph) or NITF (the blocks of
 * body.content); failing that, the first inlineData of a text/plain type
 * that is not base64, taken as it is.  Within a paragraph the text stays
 * as written, except that a run of white space holding a line break (the
 * indentation of pretty-printed XML) becomes one space, and white space at
 * either end goes; <pre> keeps everything.
 */
int newsml_item_text(xmlDocPtr item, struct wbuf *out,
    struct warta_error *err);
/*
 * The same without the headline: the paragraphs of the body alone (an
 * NITF body's hl1 stays when the item has no headline of its own).
 */
int newsml_item_body(xmlDocPtr item, struct wbuf *out,
    struct warta_error *err);

#endif
