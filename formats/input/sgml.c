/*
 * input/sgml.c: Reuters-21578-style SGML, many <REUTERS> records a file,
 * each one article.
 *
 * Why no library: this is SGML, not XML (a bare '&' in the text, no root
 * element, a DTD the files name but nobody ships), so libxml2 cannot read
 * it, and OpenSP, which can, is a large C++ toolkit and still wants the
 * DTD.  The records are flat and regular, so a small splitter and field
 * reader do: the file is read in chunks through input_stream_read(), and
 * only the current record is kept (bounded by the size bound of one
 * record).  A record that never closes (the next <REUTERS comes first, or
 * the file ends), or that passes the bound, is reported with its number,
 * NEWID and byte offset, and the reading goes on at the next <REUTERS.
 *
 * A record:
 *
 *   <REUTERS TOPICS="YES" ... OLDID="5544" NEWID="1">
 *   <DATE>26-FEB-1987 15:01:01.79</DATE>
 *   <TOPICS><D>cocoa</D></TOPICS>  <PLACES><D>usa</D></PLACES>
 *   <PEOPLE>...</PEOPLE> <ORGS>...</ORGS> <EXCHANGES>...</EXCHANGES>
 *   <TEXT>&#2;
 *   <TITLE>...</TITLE>  <AUTHOR>    by Jane Doe, Reuters</AUTHOR>
 *   <DATELINE>    HOUSTON, Feb 26 - </DATELINE><BODY>... text ...
 *    Reuter
 *   &#3;</BODY></TEXT>
 *   </REUTERS>
 *
 * <TEXT TYPE="BRIEF"> holds a title alone; <TEXT TYPE="UNPROC"> text
 * alone, with no TITLE or BODY.
 *
 * What a record states:
 *   headline   TITLE
 *   created    the day of DATE (it has no time zone): 1987-02-26
 *   dateline   DATELINE, trimmed, without the " - " after it
 *   place      the dateline before its first comma, in ordinary case
 *              (HOUSTON: Houston)
 *   byline     AUTHOR, trimmed; creator: without "by" and without what
 *              follows a comma ("by Jane Doe, Reuters": Jane Doe)
 *   outlet     the sign-off line that ends the body ("Reuter"), when
 *              there is one: the record's own word for its source
 *   subjects   TOPICS codes through formats/data/reuters_topics.tsv (an
 *              IPTC Media Topic; a code whose topic is broader than the
 *              code is a keyword as well, so that "cocoa" is not lost in
 *              "soft commodity"), PLACES codes through
 *              formats/data/reuters_places.tsv (cpnat:geoArea subjects
 *              named as the country was then: West Germany)
 *   keywords   TOPICS and PLACES codes the tables do not know, and the
 *              PEOPLE, ORGS and EXCHANGES codes, as written
 * The body: BODY (the text of UNPROC), entities decoded, the control
 * characters (&#2; &#3; ...) out, the closing sign-off out; a line that
 * starts with a space starts a paragraph (the wire indented them), the
 * lines of one paragraph are joined.  A record with a title and no body
 * (BRIEF) is its title: the headline and the one paragraph (the filler
 * line such records carry after the title is not text).
 *
 * The original rendition is the record's bytes, from "<REUTERS" to
 * "</REUTERS>"; the locator "record 17 (NEWID 42), byte 40213" says where
 * it was (its OLDID where it has no NEWID).  The language is not stated
 * (the text says it).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/calendar.h"
#include "base/utf8.h"
#include "input/format.h"
#include "input/stated.h"

extern const unsigned char data_reuters_topics[];
extern const size_t data_reuters_topics_len;
extern const unsigned char data_reuters_places[];
extern const size_t data_reuters_places_len;

#define SGML_CHUNK 65536
#define OPEN_TAG "<REUTERS"
#define OPEN_LEN 8
#define CLOSE_TAG "</REUTERS>"
#define CLOSE_LEN 10

struct sgml_reader {
	struct input_stream *in;
	struct input_context ctx;

	/* buf.data[0] is at offset base of the stream; the record being
	 * read, when there is one, starts at buf.data[0]. */
	struct wbuf buf;
	unsigned long long base;
	size_t scan;		/* where the search for its end goes on */
	size_t done_len;	/* the last record's bytes, dropped next */
	int eof;
	unsigned long records;	/* records begun */
	int none_said;		/* "no record" was reported */

	/* The article given out last. */
	struct stated st;
	struct wbuf text, tmp, where;
	char created[11];
	char locator[96];
	char charset[16];
};

/* ---- detection ---- */

static int
has_at(const unsigned char *p, size_t n, const char *lit)
{
	size_t i, k = strlen(lit);

	if (n < k)
		return 0;
	for (i = 0; i < k; i++)
		if (ascii_lower(p[i]) != ascii_lower((unsigned char)lit[i]))
			return 0;
	return 1;
}

/* Do the first bytes of p (n of them) agree with lit, as far as both go? */
static int
prefix_at(const unsigned char *p, size_t n, const char *lit)
{
	size_t i, k = strlen(lit);

	for (i = 0; i < k && i < n; i++)
		if (ascii_lower(p[i]) != ascii_lower((unsigned char)lit[i]))
			return 0;
	return 1;
}

/* Is the start tag of a record at p (n bytes on)?  -1: cannot tell yet. */
static int
open_at(const unsigned char *p, size_t n)
{
	if (!prefix_at(p, n, OPEN_TAG))
		return 0;
	if (n <= OPEN_LEN)
		return -1;
	return p[OPEN_LEN] == '>' || ascii_is_xml_space(p[OPEN_LEN]);
}

static int
name_ends(const char *name, const char *suffix)
{
	size_t n, k = strlen(suffix);

	if (name == NULL || (n = strlen(name)) < k)
		return 0;
	return has_at((const unsigned char *)name + n - k, k, suffix);
}

static int
sgml_detect(const unsigned char *head, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i + OPEN_LEN < n; i++)
		if (head[i] == '<' && open_at(head + i, n - i) == 1)
			return 90;
	if (name_ends(name, ".sgm") || name_ends(name, ".sgml"))
		return 30;
	return 0;
}

/* ---- the splitter ---- */

/* Drops the first k bytes of the buffer. */
static void
consume(struct sgml_reader *r, size_t k)
{
	if (k > r->buf.len)
		k = r->buf.len;
	if (k == 0)
		return;
	memmove(r->buf.data, r->buf.data + k, r->buf.len - k);
	r->buf.len -= k;
	if (r->buf.data != NULL)
		r->buf.data[r->buf.len] = '\0';
	r->base += k;
	r->scan = r->scan > k ? r->scan - k : 0;
}

/* Reads the next chunk: 1 read, 0 at the end, -1 on an error. */
static int
more(struct sgml_reader *r, struct warta_error *err)
{
	long got;

	if (r->eof)
		return 0;
	if (wbuf_reserve(&r->buf, SGML_CHUNK + 1) != WARTA_OK) {
		warta_error_set(err, -1, "out of memory");
		return -1;
	}
	if ((got = input_stream_read(r->in, r->buf.data + r->buf.len,
	    SGML_CHUNK, err)) < 0)
		return -1;
	if (got == 0) {
		r->eof = 1;
		return 0;
	}
	r->buf.len += (size_t)got;
	r->buf.data[r->buf.len] = '\0';
	return 1;
}

/*
 * Moves to the next record's start tag, dropping what comes before it:
 * 1 when the buffer starts with one, 0 at the end, -1 on a read error.
 */
static int
seek_record(struct sgml_reader *r, struct warta_error *err)
{
	for (;;) {
		const unsigned char *b = (const unsigned char *)r->buf.data;
		size_t i = 0;
		int rc;

		while (i < r->buf.len) {
			const unsigned char *lt = memchr(b + i, '<',
			    r->buf.len - i);

			if (lt == NULL) {
				i = r->buf.len;
				break;
			}
			i = (size_t)(lt - b);
			if ((rc = open_at(lt, r->buf.len - i)) == 1) {
				consume(r, i);
				return 1;
			}
			if (rc < 0 && !r->eof)
				break;	/* maybe a start tag: read on */
			i++;
		}
		consume(r, i);
		if ((rc = more(r, err)) <= 0)
			return rc;
	}
}

/* Where the record at buf[0] ends: 1 with *end after its close tag, 2
 * with *end at the next record's start tag, 0 not yet seen. */
static int
find_end(struct sgml_reader *r, size_t *end)
{
	const unsigned char *b = (const unsigned char *)r->buf.data;
	size_t i = r->scan > OPEN_LEN ? r->scan : OPEN_LEN;

	while (i < r->buf.len) {
		const unsigned char *lt = memchr(b + i, '<', r->buf.len - i);
		size_t k;

		if (lt == NULL) {
			i = r->buf.len;
			break;
		}
		i = (size_t)(lt - b);
		if (r->buf.len - i < CLOSE_LEN + 1 && !r->eof)
			break;	/* decide when more is there */
		if (has_at(lt, r->buf.len - i, "</REUTERS")) {
			for (k = i + 9; k < r->buf.len && ascii_is_xml_space(b[k]);
			    k++)
				;
			if (k < r->buf.len && b[k] == '>') {
				*end = k + 1;
				return 1;
			}
		} else if (open_at(lt, r->buf.len - i) == 1) {
			*end = i;
			return 2;
		}
		i++;
	}
	r->scan = i;
	return 0;
}

/* The value of attribute name in the start tag at buf[0], into out. */
static void
start_attr(const char *p, size_t n, const char *name, char *out,
    size_t size)
{
	size_t i, k = strlen(name), j;

	out[0] = '\0';
	for (i = OPEN_LEN; i < n && p[i] != '>'; i++) {
		char q;

		if (!ascii_is_xml_space((unsigned char)p[i - 1]) ||
		    !has_at((const unsigned char *)p + i, n - i, name))
			continue;
		j = i + k;
		while (j < n && p[j] == ' ')
			j++;
		if (j >= n || p[j] != '=')
			continue;
		for (j++; j < n && p[j] == ' '; j++)
			;
		q = j < n && (p[j] == '"' || p[j] == '\'') ? p[j++] : 0;
		for (k = 0; j < n && k + 1 < size && p[j] != '>' &&
		    (q != 0 ? p[j] != q : !ascii_is_xml_space((unsigned char)p[j]));
		    j++)
			out[k++] = p[j];
		out[k] = '\0';
		return;
	}
}

/* "record 17 (NEWID 42), byte 40213" for the record at buf[0] (n bytes
 * of it there): its NEWID, else its OLDID, else its number alone. */
static void
set_locator(struct sgml_reader *r, size_t n)
{
	const char *which = "NEWID";
	char id[24];

	start_attr(r->buf.data, n, which, id, sizeof(id));
	if (id[0] == '\0') {
		which = "OLDID";
		start_attr(r->buf.data, n, which, id, sizeof(id));
	}
	if (id[0] != '\0')
		snprintf(r->locator, sizeof(r->locator), "record %lu (%s %s), "
		    "byte %llu", r->records, which, id, r->base);
	else
		snprintf(r->locator, sizeof(r->locator), "record %lu, byte "
		    "%llu", r->records, r->base);
}

/* ---- the fields of one record ---- */

struct span {
	const char *p;
	size_t n;
};

/*
 * The content of the first element name inside s (after its start tag,
 * up to its end tag); *tag gets its start tag when tag is not NULL.
 * 0 when there is none, or it is not closed.
 */
static int
element(struct span s, const char *name, struct span *content,
    struct span *tag)
{
	const unsigned char *p = (const unsigned char *)s.p;
	size_t k = strlen(name), i, j;

	for (i = 0; i + k + 1 < s.n; i++) {
		if (p[i] != '<' || !has_at(p + i + 1, s.n - i - 1, name) ||
		    !(p[i + k + 1] == '>' || ascii_is_xml_space(p[i + k + 1])))
			continue;
		for (j = i + k + 1; j < s.n && p[j] != '>'; j++)
			;
		if (j >= s.n)
			return 0;
		if (tag != NULL) {
			tag->p = s.p + i;
			tag->n = j + 1 - i;
		}
		content->p = s.p + j + 1;
		for (i = j + 1; i + k + 2 < s.n; i++)
			if (p[i] == '<' && p[i + 1] == '/' &&
			    has_at(p + i + 2, s.n - i - 2, name) &&
			    p[i + k + 2] == '>') {
				content->n = (size_t)(s.p + i - content->p);
				return 1;
			}
		return 0;
	}
	return 0;
}

/*
 * Appends s to b as UTF-8: the entities &lt; &gt; &amp; &quot; &apos;
 * and character references decoded, control characters (as bytes or as
 * &#2;-style references) left out, an unknown entity kept as written,
 * and a byte that is not UTF-8 read as Windows-1252.  With tags, a tag
 * ("<X ...>", "</X>") is left out too.
 */
static int
decode(struct span s, struct wbuf *b, int tags)
{
	static const struct {
		const char *name;
		char c;
	} named[] = {
		{ "lt;", '<' }, { "gt;", '>' }, { "amp;", '&' },
		{ "quot;", '"' }, { "apos;", '\'' },
	};
	const unsigned char *p = (const unsigned char *)s.p;
	size_t i = 0, k, j;

	while (i < s.n) {
		uint32_t cp;

		if (tags && p[i] == '<' && i + 1 < s.n &&
		    (p[i + 1] == '/' || (ascii_lower(p[i + 1]) >= 'a' &&
		    ascii_lower(p[i + 1]) <= 'z'))) {
			const unsigned char *gt = memchr(p + i, '>', s.n - i);

			if (gt != NULL) {
				i = (size_t)(gt - p) + 1;
				continue;
			}
		}
		if (p[i] == '&') {
			for (j = 0; j < sizeof(named) / sizeof(named[0]); j++)
				if (has_at(p + i + 1, s.n - i - 1,
				    named[j].name))
					break;
			if (j < sizeof(named) / sizeof(named[0])) {
				if (wbuf_putc(b, named[j].c) != WARTA_OK)
					return -1;
				i += 1 + strlen(named[j].name);
				continue;
			}
			if (i + 2 < s.n && p[i + 1] == '#') {
				int hex = p[i + 2] == 'x' || p[i + 2] == 'X';
				uint32_t v = 0;
				size_t d = 0;

				for (k = i + 2 + (size_t)hex; k < s.n && d < 8;
				    k++, d++) {
					int c = p[k], x;

					if (c >= '0' && c <= '9')
						x = c - '0';
					else if (hex && ascii_lower(c) >= 'a' &&
					    ascii_lower(c) <= 'f')
						x = ascii_lower(c) - 'a' + 10;
					else
						break;
					v = v * (hex ? 16 : 10) + (uint32_t)x;
				}
				if (d > 0 && k < s.n && p[k] == ';') {
					i = k + 1;
					if (v == '\t' || v == '\n')
						v = ' ';
					if (v < 0x20 || (v >= 0x7F && v < 0xA0) ||
					    v > 0x10FFFF ||
					    (v >= 0xD800 && v <= 0xDFFF))
						continue;
					if (wbuf_put_utf8(b, v) != WARTA_OK)
						return -1;
					continue;
				}
			}
		}
		k = utf8_decode(p + i, s.n - i, &cp);
		if (cp == UTF8_INVALID) {
			for (j = 0; j < k; j++) {
				uint32_t w = cp1252_to_unicode(p[i + j]);

				if (w >= 0xA0 && wbuf_put_utf8(b, w) != WARTA_OK)
					return -1;
			}
		} else if (cp == '\n' || cp == '\t' || cp >= 0xA0 ||
		    (cp >= 0x20 && cp < 0x7F)) {
			if (wbuf_append(b, p + i, k) != WARTA_OK)
				return -1;
		}
		/* else a control character: left out (a CR of a CRLF too) */
		i += k;
	}
	return 0;
}

/* The decoded text of s, collapsed, owned by r->st; NULL when empty. */
static char *
field_text(struct sgml_reader *r, struct span s)
{
	wbuf_reset(&r->tmp);
	if (decode(s, &r->tmp, 0) < 0)
		return NULL;
	return stated_text(&r->st, r->tmp.data != NULL ? r->tmp.data : "",
	    r->tmp.len);
}

/* "26-FEB-1987 15:01:01.79": the day, 1987-02-26. */
static int
reuters_day(const char *s, char out[11])
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	int d = 0, m, y = 0, i;
	const char *p = s;

	for (i = 0; i < 2 && *p >= '0' && *p <= '9'; i++)
		d = d * 10 + (*p++ - '0');
	if (i == 0 || *p++ != '-')
		return -1;
	for (m = 0; m < 12; m++)
		if (p[0] != '\0' && p[1] != '\0' && p[2] != '\0' &&
		    ascii_lower((unsigned char)p[0]) == months[m * 3] &&
		    ascii_lower((unsigned char)p[1]) == months[m * 3 + 1] &&
		    ascii_lower((unsigned char)p[2]) == months[m * 3 + 2])
			break;
	if (m == 12 || p[3] != '-')
		return -1;
	p += 4;
	for (i = 0; i < 4 && *p >= '0' && *p <= '9'; i++)
		y = y * 10 + (*p++ - '0');
	if (i != 4 || (*p != '\0' && *p != ' ') || !cal_valid_date(y, m + 1, d))
		return -1;
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
	    (unsigned)(m + 1) % 100u, (unsigned)d % 100u);
	return 0;
}

/*
 * The line of table data (a TSV compiled in) whose first field is key:
 * its fields after the first in f[0..nf), lengths in fl.  0 when absent.
 */
static int
table_find(const unsigned char *data, size_t len, const char *key,
    struct span *f, int nf)
{
	size_t k = strlen(key), i = 0;

	while (i < len) {
		const unsigned char *nl = memchr(data + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - data) : len, j;
		int n;

		if (data[i] != '#' && end - i > k && data[i + k] == '\t' &&
		    memcmp(data + i, key, k) == 0) {
			j = i + k + 1;
			for (n = 0; n < nf; n++) {
				size_t e = j;

				while (e < end && data[e] != '\t' &&
				    data[e] != '\r')
					e++;
				f[n].p = (const char *)data + j;
				f[n].n = j <= end ? e - j : 0;
				j = e + 1;
			}
			return 1;
		}
		i = end + 1;
	}
	return 0;
}

/* Each <D> code of list element name, in order, to fn. */
static int
each_code(struct sgml_reader *r, struct span rec, const char *name,
    int (*fn)(struct sgml_reader *, const char *))
{
	struct span list, d;

	if (!element(rec, name, &list, NULL))
		return 0;
	while (element(list, "D", &d, NULL)) {
		char *code = field_text(r, d);

		if (code != NULL && fn(r, code) < 0)
			return -1;
		list.n -= (size_t)(d.p + d.n - list.p);
		list.p = d.p + d.n;
	}
	return 0;
}

static int
add_keyword(struct sgml_reader *r, const char *code)
{
	return stated_keyword(&r->st, code);
}

static int
add_topic(struct sgml_reader *r, const char *code)
{
	struct span f[3];
	char qcode[32], label[128];

	if (!table_find(data_reuters_topics, data_reuters_topics_len, code, f,
	    3) || f[0].n == 0 || f[0].n >= sizeof(qcode))
		return stated_keyword(&r->st, code);
	snprintf(qcode, sizeof(qcode), "%.*s", (int)f[0].n, f[0].p);
	snprintf(label, sizeof(label), "%.*s", (int)f[2].n, f[2].p);
	if (stated_subject(&r->st, "cpnat:abstract", qcode,
	    label[0] != '\0' ? label : NULL) < 0)
		return -1;
	/* a broader topic: the code says what it does not */
	if (f[1].n == 7 && memcmp(f[1].p, "broader", 7) == 0)
		return stated_keyword(&r->st, code);
	return 0;
}

static int
add_place(struct sgml_reader *r, const char *code)
{
	struct span f[1];
	char name[128];

	if (!table_find(data_reuters_places, data_reuters_places_len, code, f,
	    1) || f[0].n == 0 || f[0].n >= sizeof(name))
		return stated_keyword(&r->st, code);
	snprintf(name, sizeof(name), "%.*s", (int)f[0].n, f[0].p);
	return stated_subject(&r->st, "cpnat:geoArea", NULL, name);
}

/* A sign-off line: the agency's name alone. */
static int
is_signoff(const char *s, size_t n)
{
	return (n == 6 && has_at((const unsigned char *)s, n, "Reuter")) ||
	    (n == 7 && has_at((const unsigned char *)s, n, "Reuters"));
}

/*
 * The body: the decoded text in r->tmp cut into paragraphs in r->text
 * (a line that starts with a space starts one; a blank line ends one;
 * the other lines carry on the one before), without the sign-off line,
 * which *signoff gets.
 */
static int
paragraphs(struct sgml_reader *r, const char **signoff)
{
	char *s = r->tmp.data;
	size_t n = r->tmp.len, i, end = n;
	int open = 0;

	*signoff = NULL;
	wbuf_reset(&r->text);
	if (n == 0)
		return 0;
	/* the last line that is not blank: a sign-off? */
	for (;;) {
		size_t a, b, ls;

		while (end > 0 && (s[end - 1] == '\n' || s[end - 1] == ' ' ||
		    s[end - 1] == '\t'))
			end--;
		for (ls = end; ls > 0 && s[ls - 1] != '\n'; ls--)
			;
		for (a = ls; a < end && (s[a] == ' ' || s[a] == '\t'); a++)
			;
		b = end;
		if (*signoff == NULL && is_signoff(s + a, b - a)) {
			if ((*signoff = stated_copy(&r->st, s + a, b - a)) ==
			    NULL)
				return -1;
			end = ls;
			continue;
		}
		break;
	}
	wbuf_reset(&r->text);
	for (i = 0; i < end;) {
		char *nl = memchr(s + i, '\n', end - i);
		size_t le = nl != NULL ? (size_t)(nl - s) : end, a;
		int indented = s[i] == ' ' || s[i] == '\t';

		for (a = i; a < le && (s[a] == ' ' || s[a] == '\t'); a++)
			;
		if (a == le)
			open = 0;	/* a blank line */
		else {
			const char *sep = !open ? NULL : indented ? "\n\n" :
			    " ";

			if (open == 0 && r->text.len > 0)
				sep = "\n\n";
			if ((sep != NULL && wbuf_puts(&r->text, sep) !=
			    WARTA_OK) ||
			    wbuf_append(&r->text, s + a, le - a) != WARTA_OK)
				return -1;
			open = 1;
		}
		i = le + 1;
	}
	if (wbuf_putc(&r->text, '\0') != WARTA_OK)
		return -1;
	r->text.len--;
	return 0;
}

/* Collapses the spaces inside each paragraph of r->text. */
static void
tidy_paragraphs(struct sgml_reader *r)
{
	char *s = r->text.data, *out = s;
	size_t i = 0, n = r->text.len;

	if (s == NULL)
		return;
	/* Runs of spaces and tabs become one space; "\n\n" stays. */
	while (i < n) {
		if (s[i] == ' ' || s[i] == '\t') {
			while (i < n && (s[i] == ' ' || s[i] == '\t'))
				i++;
			if (out > s && out[-1] != '\n' && i < n &&
			    s[i] != '\n')
				*out++ = ' ';
			continue;
		}
		*out++ = s[i++];
	}
	*out = '\0';
	r->text.len = (size_t)(out - s);
}

/* The dateline, and its place: "    HOUSTON, Feb 26 - ". */
static int
read_dateline(struct sgml_reader *r, struct span s, struct input_article *a)
{
	char *d, *place;
	size_t n, k;

	if ((d = field_text(r, s)) == NULL)
		return 0;
	n = strlen(d);
	while (n > 0 && (d[n - 1] == '-' || d[n - 1] == ' '))
		n--;
	d[n] = '\0';
	if (n == 0)
		return 0;
	a->dateline = d;
	k = strcspn(d, ",");
	if ((place = stated_text(&r->st, d, k)) == NULL)
		return 0;
	if (strpbrk(place, "0123456789") != NULL)
		return 0;	/* "Feb 26" alone: no place */
	stated_place_case(place);
	a->place = place;
	return 0;
}

/* "by Jane Doe, Reuters": Jane Doe. */
static const char *
author_creator(struct sgml_reader *r, const char *byline)
{
	const char *t = stated_skip_by(byline);
	size_t n = strcspn(t, ",;");

	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '.'))
		n--;
	return n > 0 ? stated_text(&r->st, t, n) : NULL;
}

/* Fills a from the record at buf[0] (n bytes). */
static int
read_record(struct sgml_reader *r, size_t n, struct input_article *a,
    struct warta_error *err)
{
	struct span rec = { r->buf.data, n }, text, f;
	const char *signoff = NULL;
	char *t;

	stated_reset(&r->st);
	a->kind = INPUT_SGML;
	a->file_name = r->ctx.file_name;
	a->locator = r->locator;
	wbuf_reset(&r->where);
	if (wbuf_puts(&r->where, r->ctx.name) != WARTA_OK ||
	    wbuf_puts(&r->where, ": ") != WARTA_OK ||
	    wbuf_puts(&r->where, r->locator) != WARTA_OK)
		goto nomem;
	a->where = r->where.data;
	a->original = (const unsigned char *)r->buf.data;
	a->original_len = n;
	a->original_type = "application/sgml";
	if (!utf8_valid(a->original, n, NULL)) {
		snprintf(r->charset, sizeof(r->charset), "windows-1252");
		a->original_charset = r->charset;
	}

	if (element(rec, "DATE", &f, NULL) && (t = field_text(r, f)) != NULL &&
	    reuters_day(t, r->created) == 0)
		a->created = r->created;
	if (each_code(r, rec, "TOPICS", add_topic) < 0 ||
	    each_code(r, rec, "PLACES", add_place) < 0 ||
	    each_code(r, rec, "PEOPLE", add_keyword) < 0 ||
	    each_code(r, rec, "ORGS", add_keyword) < 0 ||
	    each_code(r, rec, "EXCHANGES", add_keyword) < 0)
		goto nomem;
	a->keywords = r->st.keywords;
	a->nkeywords = r->st.nkeywords;
	a->subjects = r->st.subjects;
	a->nsubjects = r->st.nsubjects;

	wbuf_reset(&r->text);
	if (element(rec, "TEXT", &text, NULL)) {
		if (element(text, "TITLE", &f, NULL))
			a->headline = field_text(r, f);
		if (element(text, "AUTHOR", &f, NULL) &&
		    (a->byline = field_text(r, f)) != NULL)
			a->creator = author_creator(r, a->byline);
		if (element(text, "DATELINE", &f, NULL))
			read_dateline(r, f, a);
		/* TYPE="UNPROC": the text is all there is; TYPE="BRIEF": a
		 * title alone */
		wbuf_reset(&r->tmp);
		if (element(text, "BODY", &f, NULL) ?
		    decode(f, &r->tmp, 0) < 0 :
		    !element(text, "TITLE", &f, NULL) &&
		    decode(text, &r->tmp, 1) < 0)
			goto nomem;
		if (paragraphs(r, &signoff) < 0)
			goto nomem;
		tidy_paragraphs(r);
		a->outlet = signoff;
	}
	/* A brief: its title is its text. */
	if (r->text.len == 0 && a->headline != NULL &&
	    wbuf_puts(&r->text, a->headline) != WARTA_OK)
		goto nomem;
	if (wbuf_putc(&r->text, '\0') != WARTA_OK)
		goto nomem;
	r->text.len--;
	a->text = r->text.data;
	a->text_len = r->text.len;
	return 1;
nomem:
	warta_error_set(err, -1, "%s: out of memory", r->locator);
	return -1;
}

/* ---- the module ---- */

static void *
sgml_open(struct input_stream *in, const struct input_context *ctx,
    struct warta_error *err)
{
	struct sgml_reader *r;

	if ((r = calloc(1, sizeof(*r))) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	r->in = in;
	r->ctx = *ctx;
	wbuf_init(&r->buf);
	wbuf_init(&r->text);
	wbuf_init(&r->tmp);
	wbuf_init(&r->where);
	stated_init(&r->st);
	return r;
}

static int
sgml_next(void *state, struct input_article *out, struct warta_error *err)
{
	struct sgml_reader *r = state;
	unsigned long long max = r->ctx.limits->max_record;
	size_t end = 0;
	int rc;

	consume(r, r->done_len);
	r->done_len = 0;
	if ((rc = seek_record(r, err)) < 0)
		return -2;
	if (rc == 0) {
		if (r->records > 0 || r->none_said)
			return 0;
		r->none_said = 1;
		warta_error_set(err, -1, "no <REUTERS> record in the file");
		return -1;
	}
	r->records++;
	r->scan = OPEN_LEN;
	while ((rc = find_end(r, &end)) == 0) {
		if (r->buf.len > max + CLOSE_LEN) {
			set_locator(r, r->buf.len);
			warta_error_set(err, (long long)r->base, "%s: no "
			    "</REUTERS> within the size bound of %llu bytes "
			    "(see --max-size)", r->locator, max);
			consume(r, 1);	/* the search goes on past it */
			return -1;
		}
		if (r->eof) {
			set_locator(r, r->buf.len);
			warta_error_set(err, (long long)r->base, "%s: the file "
			    "ends before </REUTERS>", r->locator);
			consume(r, r->buf.len);
			return -1;
		}
		/* at the end, find_end looks once more, at the last bytes */
		if (more(r, err) < 0)
			return -2;
	}
	set_locator(r, end);
	if (rc == 2) {
		warta_error_set(err, (long long)r->base, "%s: no </REUTERS> "
		    "before the next record at byte %llu", r->locator,
		    r->base + end);
		consume(r, end);
		return -1;
	}
	if (end > max) {
		warta_error_set(err, (long long)r->base, "%s: %zu bytes, "
		    "larger than the size bound of %llu bytes (see "
		    "--max-size)", r->locator, end, max);
		consume(r, end);
		return -1;
	}
	r->done_len = end;
	return read_record(r, end, out, err);
}

static void
sgml_close(void *state)
{
	struct sgml_reader *r = state;

	if (r == NULL)
		return;
	wbuf_release(&r->buf);
	wbuf_release(&r->text);
	wbuf_release(&r->tmp);
	wbuf_release(&r->where);
	stated_release(&r->st);
	free(r);
}

const struct input_format input_sgml = {
	"sgml", INPUT_SGML, 1, sgml_detect, sgml_open, sgml_next, NULL,
	sgml_close
};
