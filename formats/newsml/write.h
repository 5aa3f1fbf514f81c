/*
 * newsml/write.h: NewsML-G2 out.
 *
 * newsml_item_write() serializes one newsItem made from what the source
 * says (struct newsml_content) and where it came from (struct
 * newsml_item_info) into a buffer, without an XML declaration, so that the
 * stream writer can send it alone or inside a newsMessage.
 *
 * The stream writer holds back the first item: a stream of one item is a
 * lone newsItem document, a stream of several is one newsMessage whose
 * itemSet holds them all.  It never holds more than that one item.
 */
#ifndef WARTA_NEWSML_WRITE_H
#define WARTA_NEWSML_WRITE_H

#include <stdio.h>

#include "base/buf.h"
#include "base/warta.h"
#include "newsml/newsml.h"

/* What the normalize stage knows of an item besides its text. */
struct newsml_item_info {
	const char *guid;
	const char *provider;		/* the provider's domain */
	const char *now;		/* xs:dateTime with zone: "2026-11-28T04:46:32Z" */
	const char *file_name;		/* the source file, or NULL for stdin */
	const char *generator;		/* "warta-normalize" */
	const char *generator_version;

	const unsigned char *original;	/* the original bytes, unchanged */
	size_t original_len;
	const char *original_type;	/* "text/html"; NULL: "text/plain" */
	const char *original_charset;	/* "windows-1252", or NULL */
	const char *original_sha256;	/* hex */

	/* Where in its source file the item was (NULL: not known). */
	const char *record;		/* "record 17, byte 40213" */
	const char *uri;		/* a web archive's target URI: origRep */
	const char *uri_date;		/* and when it was captured */
};

/* The fields of struct newsml_content its source states (rather than
 * warta read them from the text): written with why="why:direct". */
enum newsml_stated {
	NEWSML_STATED_CREATED = 1 << 0,
	NEWSML_STATED_HEADLINE = 1 << 1,
	NEWSML_STATED_DATELINE = 1 << 2,
	NEWSML_STATED_PLACE = 1 << 3,
	NEWSML_STATED_OUTLET = 1 << 4,
	NEWSML_STATED_BYLINE = 1 << 5,
	NEWSML_STATED_CREATOR = 1 << 6
};

/* A subject its source states: a code (qcode "subj:04000000") or a name. */
struct newsml_subject {
	const char *type;		/* "cpnat:abstract", "cpnat:geoArea" */
	const char *qcode;		/* or NULL */
	const char *name;		/* or NULL */
};

/*
 * What the item says of itself: the contentMeta and the body.  Every
 * string is UTF-8 or NULL for "not known"; lang is NULL or "" when
 * undetected.  The normalize stage fills it from what it read in the
 * text (article/item.c), an input format from what its source states.
 */
struct newsml_content {
	const char *created;		/* contentCreated: YYYY-MM-DD */
	const char *headline;		/* only when the source has one */
	const char *dateline;		/* as written: "SEMARANG-MARITIM" */
	const char *place;		/* located: "Semarang" */
	const char *outlet;		/* infoSource: "Maritim" */
	const char *byline;		/* by: "By Jane Doe" */
	const char *creator;		/* the person: "Jane Doe" */
	const char *lang;		/* BCP 47: "id" */
	char *const *paras;		/* the body, one string a paragraph */
	size_t npara;

	unsigned stated;		/* enum newsml_stated bits */
	const char *const *keywords;	/* the source's own keywords */
	size_t nkeywords;
	const struct newsml_subject *subjects;
	size_t nsubjects;
};

/* Builds the guid urn:newsml:DOMAIN:YYYYMMDD:ID into out (see README). */
int newsml_make_guid(struct wbuf *out, const char *domain, const char *date_iso,
    const char *sha256_hex);

/* Appends the newsItem (no XML declaration) to out. */
int newsml_item_write(struct wbuf *out, const struct newsml_item_info *info,
    const struct newsml_content *c, struct warta_error *err);

/* True when s (UTF-8, n bytes) can stand in XML text as it is. */
int xml_text_legal(const unsigned char *s, size_t n);

struct newsml_stream;

/* sent: the xs:dateTime for the newsMessage header. */
struct newsml_stream *newsml_stream_new(FILE *fp, const char *sent);
void newsml_stream_free(struct newsml_stream *s);
/* Adds one serialized newsItem (as newsml_item_write makes it). */
int newsml_stream_item(struct newsml_stream *s, const char *xml, size_t len,
    struct warta_error *err);
/* Writes what is held back and closes the message; flushes fp. */
int newsml_stream_finish(struct newsml_stream *s, struct warta_error *err);

#endif
