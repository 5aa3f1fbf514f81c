/*
 * base/ascii.h: byte tests that do not depend on the C locale (isspace()
 * and tolower() do, and take no char without a cast).
 */
#ifndef WARTA_ASCII_H
#define WARTA_ASCII_H

/* XML's white space (the S production): space, tab, LF and CR. */
static inline int
ascii_is_xml_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* c with A..Z made a..z; every other byte as it is. */
static inline int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

#endif
