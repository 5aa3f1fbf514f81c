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

/* Adds a line to the manifest m (manifest_parse()'s manifest_line_fn). */
static int
add_line(void *arg, char *path, const char *digest, long lineno,
    struct warta_error *err)
{
	struct manifest *m = arg;
	struct manifest_line *l;

	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 1024;

		if ((l = realloc(m->lines, cap * sizeof(*l))) == NULL)
			return warta_error_set(err, -1, "out of memory");
		m->lines = l;
		m->cap = cap;
	}
	l = &m->lines[m->n];
	if ((l->path = strdup(path)) == NULL)
		return warta_error_set(err, -1, "out of memory");
	snprintf(l->digest, sizeof(l->digest), "%s", digest);
	l->lineno = lineno;
	m->n++;
	return WARTA_OK;
}

/* One line, cut out of the text: given to each, reported, or passed
 * over. */
static int
parse_line(const char *name, char *line, long lineno, size_t hexlen,
    manifest_line_fn *each, void *earg, bag_problem_fn *fn, void *arg,
    struct warta_error *err)
{
	char *sep, *path, msg[64], digest[MANIFEST_DIGEST_MAX + 1];
	size_t i;

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
	for (i = 0; i < hexlen; i++)
		digest[i] = (char)(line[i] >= 'A' && line[i] <= 'F' ?
		    line[i] - 'A' + 'a' : line[i]);
	digest[hexlen] = '\0';
	manifest_decode_path(path);
	return each(earg, path, digest, lineno, err);
}

int
manifest_feed_init(struct manifest_feed *f, const char *name, size_t hexlen,
    manifest_line_fn *each, void *earg, bag_problem_fn *fn, void *arg,
    struct warta_error *err)
{
	memset(f, 0, sizeof(*f));
	wbuf_init(&f->line);
	f->name = name;
	f->hexlen = hexlen;
	f->each = each;
	f->earg = earg;
	f->fn = fn;
	f->arg = arg;
	f->rc = WARTA_OK;
	if (hexlen > MANIFEST_DIGEST_MAX)
		f->rc = warta_error_set(err, -1, "%s: no digest is %zu hex "
		    "digits long", name, hexlen);
	return f->rc;
}

/* The line held, ended: parsed, and the next one begun. */
static int
feed_line(struct manifest_feed *f, struct warta_error *err)
{
	f->lineno++;
	if (wbuf_putc(&f->line, '\0') != WARTA_OK)
		return f->rc = warta_error_set(err, -1, "out of memory");
	f->rc = parse_line(f->name, f->line.data, f->lineno, f->hexlen,
	    f->each, f->earg, f->fn, f->arg, err);
	wbuf_reset(&f->line);
	return f->rc;
}

int
manifest_feed(struct manifest_feed *f, const void *p, size_t len,
    struct warta_error *err)
{
	const char *text = p, *end, *nl;

	if (f->rc != WARTA_OK || f->ended || len == 0)
		return f->rc;
	/* As a C string: a NUL ends the manifest. */
	end = text + strnlen(text, len);
	if (end < text + len)
		f->ended = 1;
	/* Line by line, each copied: the manifest's own bytes are the
	 * caller's, and a copy of the whole would double them. */
	while (f->rc == WARTA_OK && text < end) {
		if ((nl = memchr(text, '\n', (size_t)(end - text))) == NULL) {
			if (wbuf_append(&f->line, text, (size_t)(end - text)) !=
			    WARTA_OK)
				f->rc = warta_error_set(err, -1,
				    "out of memory");
			break;
		}
		if (wbuf_append(&f->line, text, (size_t)(nl - text)) !=
		    WARTA_OK)
			f->rc = warta_error_set(err, -1, "out of memory");
		else
			(void)feed_line(f, err);
		text = nl + 1;
	}
	return f->rc;
}

int
manifest_feed_end(struct manifest_feed *f, struct warta_error *err)
{
	/* The last line, when no newline ends it. */
	if (f->rc == WARTA_OK && f->line.len > 0)
		(void)feed_line(f, err);
	return f->rc;
}

void
manifest_feed_release(struct manifest_feed *f)
{
	wbuf_release(&f->line);
}

int
manifest_parse_each(const char *name, const void *p, size_t len,
    size_t hexlen, manifest_line_fn *each, void *earg, bag_problem_fn *fn,
    void *arg, struct warta_error *err)
{
	struct manifest_feed f;
	int rc;

	if (manifest_feed_init(&f, name, hexlen, each, earg, fn, arg, err) ==
	    WARTA_OK && manifest_feed(&f, p != NULL ? p : "", len, err) ==
	    WARTA_OK)
		(void)manifest_feed_end(&f, err);
	rc = f.rc;
	manifest_feed_release(&f);
	return rc;
}

int
manifest_parse(struct manifest *m, const char *name, const void *p,
    size_t len, size_t hexlen, bag_problem_fn *fn, void *arg,
    struct warta_error *err)
{
	if (manifest_parse_each(name, p, len, hexlen, add_line, m, fn, arg,
	    err) != WARTA_OK) {
		manifest_release(m);
		return WARTA_FAILED;
	}
	return WARTA_OK;
}
