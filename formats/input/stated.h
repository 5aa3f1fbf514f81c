/*
 * input/stated.h: what the markup modules (input/nitf.c, input/sgml.c)
 * share to hand over the fields a source states: a pool that owns the
 * strings of one article, its keyword and subject lists, and the small
 * conversions of what sources write (a place in capitals, an ISO 8601
 * basic date, a byline's "By").
 *
 * Everything an article points to lives in one struct stated, which its
 * module resets before the next article: the strings stay valid until
 * then, as struct input_article promises.
 */
#ifndef WARTA_INPUT_STATED_H
#define WARTA_INPUT_STATED_H

#include <stddef.h>

#include "newsml/write.h"	/* struct newsml_subject */

/* Bounds on one article's lists: a source that states more is cut. */
#define STATED_MAX_KEYWORDS 256
#define STATED_MAX_SUBJECTS 256

struct stated {
	char **strs;		/* every string handed out, owned */
	size_t nstrs, capstrs;
	const char **keywords;
	size_t nkeywords, capkeywords;
	struct newsml_subject *subjects;
	size_t nsubjects, capsubjects;
};

void stated_init(struct stated *s);
/* Frees every string and empties the lists, keeping nothing. */
void stated_reset(struct stated *s);
void stated_release(struct stated *s);

/*
 * A copy of p (n bytes) owned by s, NUL terminated, or NULL when memory
 * runs out.  stated_text() also collapses white space (XML's, and the
 * no-break space) to one space and trims both ends; it returns NULL for
 * an empty result too.
 */
char *stated_copy(struct stated *s, const char *p, size_t n);
char *stated_text(struct stated *s, const char *p, size_t n);

/* Adds keyword k (copied) unless it is empty or already there; -1 only
 * when memory runs out.  Past STATED_MAX_KEYWORDS keywords are dropped. */
int stated_keyword(struct stated *s, const char *k);
/* Adds a subject (type, and qcode and/or name, copied) unless one with
 * the same qcode, or with no qcode and the same name, is there. */
int stated_subject(struct stated *s, const char *type, const char *qcode,
    const char *name);

/* Collapses white space in s (NUL terminated) in place, as
 * stated_text(); returns the new length. */
size_t stated_collapse(char *s);

/*
 * A place written in capitals ("HOUSTON", "NEW YORK", "WINSTON-SALEM",
 * "ST. JOHN'S") in its ordinary case ("Houston", "New York",
 * "Winston-Salem", "St. John's"), in place; a name that has a lower-case
 * letter is left as written.  s is UTF-8; non-ASCII letters are mapped
 * by utf8proc.
 */
void stated_place_case(char *s);

/*
 * A date as NITF writes it (ISO 8601 basic: "20260115T103000-0500",
 * "20260115T103000Z", "20260115"; or the extended form) as contentCreated
 * takes it: "2026-01-15T10:30:00-05:00" when it has a time and a zone,
 * "2026-01-15" when it has no zone or the time is 000000 (NITF's "no time
 * is available").  Returns 0 with out filled, -1 when s is no such date.
 */
int stated_iso_date(const char *s, char out[32]);

/* s without a leading "By" (any case) and what follows it (spaces, a
 * colon): "By Jane Doe" -> "Jane Doe".  A pointer into s. */
const char *stated_skip_by(const char *s);

#endif
