/*
 * base/name.h: names from anyone (an archive's entries, a bundle's paths,
 * a file given on the command line) made safe to show, and the test that
 * a bundle refuses a name by.
 *
 * A name may hold bytes a terminal obeys: ESC starts an escape sequence
 * that can rewrite the screen or the title, a newline forges a line of the
 * report.  Shown, each such byte is written as `ls -b` writes it: \n, \t
 * and the other C escapes, \033 in octal for the rest of C0 and DEL, and
 * \xNN for each byte of a C1 control (U+0080..U+009F, which some
 * terminals obey as well) and of a sequence that is not UTF-8.  Anything
 * else, the backslash included, is left as it is, so that a message that
 * quotes a pattern reads as it was typed.
 */
#ifndef WARTA_NAME_H
#define WARTA_NAME_H

#include <stddef.h>

#include "base/buf.h"

/* Appends the n bytes at s to out, escaped; WARTA_FAILED when out of
 * memory. */
int name_escape(struct wbuf *out, const char *s, size_t n);

/* What is wrong with the name s for a bundle ("a name with a control
 * character", "a name that is not UTF-8"), or NULL. */
const char *name_problem(const char *s);

#endif
