/*
 * bagit/manifest.c: manifest lines, encoded and decoded; see
 * bagit/manifest.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bagit/manifest.h"

void
manifest_init(struct manifest *m)
{
	m->lines = NULL;
	m->n = 0;
	m->cap = 0;
}

void
manifest_release(struct manifest *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->lines[i].path);
	free(m->lines);
	manifest_init(m);
}

int
manifest_put_path(struct wbuf *out, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char c;

	for (; *path != '\0'; path++) {
		c = (unsigned char)*path;
		if (c == '\r' || c == '\n' || c == '%') {
			if (wbuf_putc(out, '%') != WARTA_OK ||
			    wbuf_putc(out, hex[c >> 4]) != WARTA_OK ||
			    wbuf_putc(out, hex[c & 15]) != WARTA_OK)
				return WARTA_FAILED;
		} else if (wbuf_putc(out, c) != WARTA_OK)
			return WARTA_FAILED;
	}
	return WARTA_OK;
}

void
manifest_decode_path(char *p)
{
	char *q = p;

	for (; *p != '\0'; p++) {
		if (p[0] == '%' && p[1] == '0' &&
		    (p[2] == 'A' || p[2] == 'a')) {
			*q++ = '\n';
			p += 2;
		} else if (p[0] == '%' && p[1] == '0' &&
		    (p[2] == 'D' || p[2] == 'd')) {
			*q++ = '\r';
			p += 2;
		} else if (p[0] == '%' && p[1] == '2' && p[2] == '5') {
			*q++ = '%';
			p += 2;
		} else
			*q++ = *p;
	}
	*q = '\0';
}

int
manifest_put_line(struct wbuf *out, const char *digest, const char *path)
{
	if (wbuf_puts(out, digest) != WARTA_OK ||
	    wbuf_puts(out, "  ") != WARTA_OK ||
	    manifest_put_path(out, path) != WARTA_OK ||
	    wbuf_putc(out, '\n') != WARTA_OK)
		return WARTA_FAILED;
	return WARTA_OK;
}

/* Adds the line "digest path" (the path still encoded). */
static int
add_line(struct manifest *m, const char *digest, size_t hexlen, char *path,
    long lineno)
{
	struct manifest_line *l;
	size_t i;

	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 1024;

		if ((l = realloc(m->lines, cap * sizeof(*l))) == NULL)
			return WARTA_FAILED;
		m->lines = l;
		m->cap = cap;
	}
	l = &m->lines[m->n];
	manifest_decode_path(path);
	if ((l->path = strdup(path)) == NULL)
		return WARTA_FAILED;
	for (i = 0; i < hexlen; i++)
		l->digest[i] = (char)(digest[i] >= 'A' && digest[i] <= 'F' ?
		    digest[i] - 'A' + 'a' : digest[i]);
	l->digest[hexlen] = '\0';
	l->lineno = lineno;
	m->n++;
	return WARTA_OK;
}

/* One line, cut out of the text: added, reported, or passed over. */
static int
parse_line(struct manifest *m, const char *name, char *line, long lineno,
    size_t hexlen, bag_problem_fn *fn, void *arg)
{
	char *sep, *path, msg[64];

	line[strcspn(line, "\r")] = '\0';
	if (*line == '\0')
		return WARTA_OK;
	sep = line + strcspn(line, " \t");
	path = sep + strspn(sep, " \t");
	if (*sep == '\0' || *path == '\0' || (size_t)(sep - line) != hexlen ||
	    strspn(line, "0123456789abcdefABCDEF") != hexlen) {
		snprintf(msg, sizeof(msg), "line %ld: not \"DIGEST PATH\"",
		    lineno);
		fn(arg, name, msg);
		return WARTA_OK;
	}
	return add_line(m, line, hexlen, path, lineno);
}

int
manifest_parse(struct manifest *m, const char *name, const void *p,
    size_t len, size_t hexlen, bag_problem_fn *fn, void *arg,
    struct warta_error *err)
{
	char *text, *line, *next;
	long lineno = 0;

	if (hexlen > MANIFEST_DIGEST_MAX)
		return warta_error_set(err, -1, "%s: no digest is %zu hex "
		    "digits long", name, hexlen);
	/* As a C string: a NUL ends the manifest. */
	if ((text = strndup(p != NULL ? p : "", len)) == NULL)
		goto oom;
	for (line = text; *line != '\0'; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		else
			next = line + strlen(line);
		if (parse_line(m, name, line, lineno, hexlen, fn, arg) !=
		    WARTA_OK)
			goto oom;
	}
	free(text);
	return WARTA_OK;
oom:
	free(text);
	manifest_release(m);
	return warta_error_set(err, -1, "out of memory");
}
