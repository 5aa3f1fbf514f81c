/*
 * input/input.h: what archives hold, read as articles.
 *
 * A source file is plain text, an HTML page, an NITF document, a
 * Reuters-style SGML file of many records, a WARC web archive, or a zip or
 * tar delivery of any of these.  Each format is a module (input/text.c,
 * input/html.c, ...) with the same small interface (struct input_format,
 * input/format.h): it says how sure it is from the first bytes and the
 * name, then yields articles one at a time with the fields its source
 * states.  input_open() picks the module (or takes the one forced with
 * -f); input_next() gives the next article.  Archives nest: a zip entry
 * or a WARC record is itself detected and read by the module it needs.
 *
 * Nothing here guesses from the text: that is article/'s work.  A field
 * the source does not state is NULL, and warta-normalize fills it from
 * the text; a field the source states is taken as given.
 *
 * One article is in memory at a time (with the bytes of its record); a
 * damaged record is reported with its position and passed over, and the
 * reading goes on.
 */
#ifndef WARTA_INPUT_H
#define WARTA_INPUT_H

#include <stddef.h>

#include "base/warta.h"
#include "newsml/write.h"	/* struct newsml_subject */

enum input_kind {
	INPUT_AUTO = 0,		/* detect from the first bytes and the name */
	INPUT_TEXT,		/* plain text: one file, one article */
	INPUT_HTML,		/* an HTML page: one article */
	INPUT_NITF,		/* an NITF document: one article */
	INPUT_SGML,		/* Reuters-21578-style SGML: many records */
	INPUT_WARC,		/* a WARC file (.warc, .warc.gz): many records */
	INPUT_ARCHIVE		/* a zip or tar delivery (any compression) */
};

/* "text", "html", ... as -f takes them; NULL for an unknown kind. */
const char *input_kind_name(enum input_kind k);
/* Parses -f's argument ("auto", "text", "html", "nitf", "sgml", "warc",
 * "archive"; "zip" and "tar" are "archive"). */
int input_kind_from_name(const char *name, enum input_kind *k);

/*
 * One article as its source states it.  Every string is UTF-8 (NUL
 * terminated) or NULL for "not stated", owned by the reader and valid
 * until the next input_next() or input_close().
 */
struct input_article {
	enum input_kind kind;	/* the format it was read as */

	/*
	 * Where it came from, to trace an item back: where is for messages
	 * ("reut2-000.sgm: record 17, byte 40213"); file_name is what the
	 * item records as its fileName (the file, or the archive entry's
	 * name: "delivery.zip/texts/a.txt"); locator is the record's
	 * position inside the file ("record 17, byte 40213") or NULL for a
	 * lone file; uri and uri_date are a web archive record's
	 * WARC-Target-URI and WARC-Date (xs:dateTime), or NULL.
	 */
	const char *where;
	const char *file_name;
	const char *locator;
	const char *uri;
	const char *uri_date;

	/*
	 * The original bytes of the record, unchanged (the HTML page, the
	 * NITF document, the one SGML record, the WARC record's payload),
	 * kept as the item's second rendition, with their MIME type
	 * ("text/plain", "text/html", "application/nitf+xml",
	 * "application/sgml") and, where the source says it, the charset.
	 */
	const unsigned char *original;
	size_t original_len;
	const char *original_type;
	const char *original_charset;

	/*
	 * The body.  For plain text (kind INPUT_TEXT) text is NULL: the
	 * original bytes are the text, decoded and laid out as warta has
	 * always read them.  For markup, text is the body the markup holds,
	 * already UTF-8, one paragraph (a subhead, a block quote) a block,
	 * blocks separated by a blank line, no markup left.
	 */
	const char *text;
	size_t text_len;

	/* What the source states, or NULL. */
	const char *headline;
	const char *created;	/* YYYY-MM-DD, or an xs:dateTime with zone */
	const char *byline;	/* as written: "By Jane Doe" */
	const char *creator;	/* the person(s): "Jane Doe" */
	const char *dateline;	/* as written: "HOUSTON" */
	const char *place;	/* "Houston" */
	const char *outlet;	/* "AP" */
	const char *lang;	/* BCP 47 */

	/*
	 * Keywords, and the subject codes the source carries (NITF
	 * tobject.subject, Reuters TOPICS and PLACES): a qcode whose scheme
	 * alias the item's catalog declares ("subj:04000000",
	 * "medtop:20000106"), or a name alone where a code has no mapping.
	 */
	const char *const *keywords;
	size_t nkeywords;
	const struct newsml_subject *subjects;
	size_t nsubjects;
};

/*
 * A copy of a that owns all it points to, in one block: free() frees it.
 * An article is valid only until the reader's next input_next(); a copy
 * outlives it, so that it can be worked on (on another thread) while the
 * reader goes on.  NULL when memory runs out.
 */
struct input_article *input_article_dup(const struct input_article *a);

/* Bounds on what one source may cost. */
struct input_limits {
	unsigned long long max_record;	/* bytes of one article's record */
	unsigned long long max_entries;	/* entries of one archive */
	unsigned long long max_bytes;	/* data bytes of one archive */
	unsigned long long max_ratio;	/* data bytes per byte read */
};

void input_limits_default(struct input_limits *l);

struct input_reader;

/*
 * A reader over the file descriptor fd (read, never closed here), whose
 * name (the path, or "<stdin>") is used for detection and messages;
 * base_name is what items record as their fileName (NULL for stdin).
 * kind INPUT_AUTO detects.  NULL on failure, with err.
 */
struct input_reader *input_open(int fd, const char *name,
    const char *base_name, enum input_kind kind,
    const struct input_limits *limits, struct warta_error *err);
void input_close(struct input_reader *r);	/* NULL is a no-op */

/*
 * The next article: 1 with *out filled, 0 at the end, -1 for a record
 * that could not be read (err says which, with its position: count it as
 * rejected and call again: the rest go on), -2 when the source cannot be
 * read further (err says why; the articles already given stand).
 */
int input_next(struct input_reader *r, struct input_article *out,
    struct warta_error *err);

/* True when the source holds many articles (SGML, WARC, an archive):
 * the size bound is then on each record, not on the file. */
int input_is_container(const struct input_reader *r);

/* Records passed over on purpose (a WARC request or metadata record, a
 * directory in a zip): how many, for the summary. */
unsigned long input_skipped(const struct input_reader *r);

/*
 * What the source states, over what warta read in the text: each field
 * of a the source states replaces c's and is marked stated (written
 * why="why:direct"); its keywords and subject codes are added.  A date
 * that is not a real YYYY-MM-DD or xs:dateTime with a zone is not taken.
 * c then points into a as well, which must outlive it.
 */
void input_state_over(const struct input_article *a,
    struct newsml_content *c);

/*
 * The bytes of a's body text that only repeat its stated headline (a
 * page shows its title above the text): the headline, at the start of
 * the first block, and the spaces after it; 0 when the body does not
 * open with it, or is nothing else.
 */
size_t input_headline_len(const struct input_article *a);

/* True when s is a real date "YYYY-MM-DD" or an xs:dateTime with zone. */
int input_valid_date(const char *s);

#endif
