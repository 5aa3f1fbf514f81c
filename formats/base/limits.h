/*
 * base/limits.h: every bound warta puts on what it reads, in one place.
 *
 * Everything warta reads may come from a stranger: an article, a stream
 * of items, a sidecar, a bundle, a delivery.  Each size it could declare
 * or make the readers build is bounded here, so that a hostile input costs
 * at most a few seconds and a bounded amount of memory, whatever it says
 * of itself; passing a bound is an error that names the bound (and the
 * option that raises it, where there is one), never a crash or a stall.
 * Time is bounded through size: every reader does work in proportion to
 * the bytes it is given (none re-reads what it has read, none expands
 * entities), so no input costs more than its size allows.
 *
 * The man page of each program names the bounds it applies, with these
 * values (tests/t0010-programs.bats checks that they agree).
 */
#ifndef WARTA_LIMITS_H
#define WARTA_LIMITS_H

#include <stddef.h>

/* ---- bundles and deliveries: base/archive_in.c ---- */

/* Entries of one archive (--max-entries). */
#define LIMIT_ARCHIVE_ENTRIES	2000000ULL
/* Bytes of data in one archive, all entries (--max-bytes). */
#define LIMIT_ARCHIVE_BYTES	(64ULL << 30)
/* Bytes of one entry of a bundle (warta-verify, warta-unpack --max-entry). */
#define LIMIT_ARCHIVE_ENTRY	(256ULL << 20)
/* Bytes of data per byte of archive read (--max-ratio): a bomb. */
#define LIMIT_ARCHIVE_RATIO	1000ULL
/* Below this much data no ratio is a bomb: a small file compresses well. */
#define LIMIT_ARCHIVE_RATIO_FLOOR	(1ULL << 20)
/* Archives inside archives (a zip in a tar in a zip), as deep as this. */
#define LIMIT_ARCHIVE_DEPTH	3

/* ---- NewsML-G2 streams: newsml/read.c ---- */

/* Bytes of one item (or one document of the stream). */
#define LIMIT_ITEM_BYTES	((size_t)64 << 20)
/* Elements nested in one item. */
#define LIMIT_XML_DEPTH		256
/* Bytes of one start tag with its attributes, an end tag, a comment, a
 * processing instruction or a declaration: libxml2's push parser turns
 * quadratic on one that passes 10,000,000 bytes. */
#define LIMIT_XML_MARKUP	((size_t)1 << 20)
/* Bytes of one CDATA section, for the same reason. */
#define LIMIT_XML_CDATA		((size_t)8 << 20)

/* ---- raw articles: input/ ---- */

/* Bytes of one article's record: a file, an entry of a delivery, a WARC
 * record, an SGML record (warta-normalize --max-size). */
#define LIMIT_RECORD_BYTES	(16ULL << 20)
/* Bytes of a WARC record's header, and of one line of it. */
#define LIMIT_WARC_HEADER	((size_t)64 << 10)
#define LIMIT_WARC_LINE		((size_t)16 << 10)
/* Bytes of one JSON-LD block of an HTML page; a larger one is passed
 * over (a page's own are a few kilobytes). */
#define LIMIT_HTML_JSON		((size_t)1 << 20)

/* ---- sidecars: meta/sidecar.c (warta-meta --sidecar) ---- */

#define LIMIT_SIDECAR_BYTES	((size_t)64 << 20)	/* the file */
#define LIMIT_SIDECAR_ROWS	1000000			/* rows after the header */
#define LIMIT_SIDECAR_CELL	((size_t)1 << 20)	/* one cell */

#endif
