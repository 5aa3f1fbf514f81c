/*
 * newsml/split.h: a NewsML-G2 stream cut into its items' bytes, so that
 * each item can be parsed on a thread of its own (newsml_piece_parse).
 *
 * newsml_reader parses the whole stream on the caller's thread and hands
 * out a copy of each item: with -j N that thread was a third of the work.
 * The split only follows the markup far enough to find where each item
 * begins and ends (as the reader's scanner does), copies its bytes, and
 * parses no item: what lies between the items (the envelope: the XML
 * declaration, newsMessage, its header, itemSet, white space) is checked
 * by a parser that builds nothing, an item standing there as an empty
 * element, so that an error outside the items is found before the item
 * after it is handed out.
 *
 * The split is for well-formed streams of UTF-8.  Whatever it is not sure
 * of (an error, another encoding, a DOCTYPE, a bound neared, the input cut
 * short) it does not report: it stops, and newsml_split_resume() says at
 * which document newsml_reader should take over (newsml_reader_set_origin),
 * the items of that document already handed out to be skipped.  The reader
 * then says what is wrong, in its own words, at the same offsets.  A piece
 * that newsml_piece_parse() refuses is handled the same way.
 */
#ifndef WARTA_NEWSML_SPLIT_H
#define WARTA_NEWSML_SPLIT_H

#include <stdio.h>

#include <libxml/tree.h>

#include "base/buf.h"
#include "base/warta.h"

struct newsml_split;

/* One item as the split hands it out: valid until the next call. */
struct newsml_piece {
	/*
	 * What it is parsed in: the document's XML declaration, the start
	 * tags of newsMessage and of the element holding the item (itemSet),
	 * the item, and the end tags; for an item that is a document of its
	 * own, that document's bytes alone (head and tail empty).
	 */
	const char *head, *tail;
	size_t head_len, tail_len;
	const char *bytes;
	size_t len;
	int in_message;			/* 0: a document of its own */
	long long offset;		/* of bytes, in the stream */
	/*
	 * The line of the copy's first byte (newsml_piece_copy()), lines
	 * counted from 1 at its document's start: so that the nodes parsed
	 * have the lines the reader's have, which messages quote.
	 */
	long long first_line;
	long long doc_start;		/* of its document */
	unsigned long doc_items;	/* items handed out before its document */
	unsigned long count;		/* its number, from 1 */
};

/* fp stays the caller's; it is read from where it stands. */
struct newsml_split *newsml_split_new(FILE *fp, struct warta_error *err);
/* The same over len bytes in memory, which stay the caller's and must
 * last as long as the split: nothing is copied. */
struct newsml_split *newsml_split_new_memory(const char *bytes, size_t len,
    struct warta_error *err);
void newsml_split_free(struct newsml_split *s);

/*
 * 1: *p is the next item; 0: the stream ended, every document in it sound
 * as far as the split can tell; -1: the split stops here, not sure
 * (newsml_split_resume).
 */
int newsml_split_next(struct newsml_split *s, struct newsml_piece *p);
/*
 * Where the reader takes over once newsml_split_next() returned -1: the
 * offset of the document in doubt (from where fp stood at the start), and
 * the items handed out before that document in *items_before.
 */
long long newsml_split_resume(const struct newsml_split *s,
    unsigned long *items_before);
/* Bytes of the stream taken so far. */
long long newsml_split_offset(const struct newsml_split *s);

/*
 * The piece's bytes in the order they are parsed (head, item, tail) into
 * out, replacing what it held: the copy that a thread parses.
 */
int newsml_piece_copy(const struct newsml_piece *p, struct wbuf *out);

/*
 * On any thread: parses what newsml_piece_copy() made (in_message as the
 * piece said, and its first_line) into *item, the document
 * newsml_reader_next() would have handed out for it, lines and all.
 * 1: *item (the caller frees it); 0: not well-formed, or not an item the
 * reader would hand out: the reader must take over from the piece's
 * document; -1: out of memory.
 *
 * *verbatim (when verbatim is not NULL) is 1 when the item's bytes in the
 * piece are, alone, that document: an item in a message that declares
 * again, itself, every prefix declared around it (warta's streams do).
 * A file of those bytes after an XML declaration is then the item's file
 * without serializing the tree: the same document, and for an item that
 * libxml2 wrote, the same bytes.  0 otherwise.
 */
int newsml_piece_parse(const char *buf, size_t len, int in_message,
    long long first_line, xmlDocPtr *item, int *verbatim);

/*
 * A piece held for a job: its bytes copied (newsml_piece_copy()), with
 * what parsing them needs and where the reader takes over when they are
 * refused.  WBUF_INIT'ed bytes and zeros make an empty one.
 */
struct newsml_held {
	struct wbuf bytes;		/* empty: none held */
	size_t item_at, item_len;	/* the item's own bytes in them */
	int in_message;
	long long first_line;
	long long doc_start;		/* of its document */
	unsigned long doc_items;	/* items before that document */
};

/* p into h, replacing what it held. */
int newsml_hold(struct newsml_held *h, const struct newsml_piece *p);
/* newsml_piece_parse() of what h holds. */
int newsml_held_parse(const struct newsml_held *h, xmlDocPtr *item,
    int *verbatim);
/* Empties h, keeping its memory up to 1 MiB; with free_too all of it. */
void newsml_held_clear(struct newsml_held *h, int free_too);

#endif
