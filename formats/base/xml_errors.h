/*
 * base/xml_errors.h: libxml2's error reporting, as warta uses it.
 *
 * libxml2 reports some errors (character conversion, I/O) to its global
 * handlers, which print, and a few notes to its generic handler whatever
 * else is set.  formats/ never prints: for the length of each call into
 * libxml2 the global handlers are set aside (xml_quiet_begin) and given
 * back after (xml_quiet_end).  Its messages end in a newline, some hold
 * two lines; xml_one_line makes one line of them.
 */
#ifndef WARTA_XML_ERRORS_H
#define WARTA_XML_ERRORS_H

#include <stddef.h>

#include <libxml/xmlerror.h>

struct xml_quiet {
	xmlStructuredErrorFunc fn;
	void *ctx;
	xmlGenericErrorFunc gfn;
	void *gctx;
};

/* Structured errors go to fn(ctx, ...); generic notes go nowhere. */
void xml_quiet_begin(struct xml_quiet *q, xmlStructuredErrorFunc fn,
    void *ctx);
void xml_quiet_end(const struct xml_quiet *q);

/* msg (NULL allowed) into dst as one line: line breaks and tabs become
 * spaces, runs of spaces one, none at either end. */
void xml_one_line(char *dst, size_t size, const char *msg);

#endif
