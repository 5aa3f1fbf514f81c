/*
 * base/xml_errors.c: libxml2's errors, kept from printing; see base/xml_errors.h.
 */
#include <libxml/globals.h>

#include "base/xml_errors.h"

static void
ignore(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

void
xml_quiet_begin(struct xml_quiet *q, xmlStructuredErrorFunc fn, void *ctx)
{
	q->fn = xmlStructuredError;
	q->ctx = xmlStructuredErrorContext;
	q->gfn = xmlGenericError;
	q->gctx = xmlGenericErrorContext;
	xmlSetStructuredErrorFunc(ctx, fn);
	xmlSetGenericErrorFunc(NULL, ignore);
}

void
xml_quiet_end(const struct xml_quiet *q)
{
	xmlSetStructuredErrorFunc(q->ctx, q->fn);
	xmlSetGenericErrorFunc(q->gctx, q->gfn);
}

void
xml_one_line(char *dst, size_t size, const char *msg)
{
	size_t i, j;

	if (size == 0)
		return;
	for (i = j = 0; msg != NULL && msg[i] != '\0' && j + 1 < size; i++) {
		char c = msg[i];

		if (c == '\n' || c == '\r' || c == '\t')
			c = ' ';
		if (c == ' ' && (j == 0 || dst[j - 1] == ' '))
			continue;
		dst[j++] = c;
	}
	while (j > 0 && dst[j - 1] == ' ')
		j--;
	dst[j] = '\0';
}
