/*
 * html/site.c: the reading room; see html/site.h.
 *
 * Three kinds of fixed-size record wait on disk while the items go by:
 * a key per item (its date and ID, where its row is), a record per name
 * an item holds (the name's sort key, the item's key), and, once the
 * names are sorted and numbered, a facet per name an item holds (the
 * item's key, the name's number) for the index's filters.  Rows and
 * names themselves, variable in size, are spooled as they are and found
 * again by offset.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/extsort.h"
#include "base/file.h"
#include "base/hash.h"
#include "base/spool.h"
#include "html/escape.h"
#include "html/page.h"
#include "html/site.h"
#include "html/view.h"
#include "newsml/edit.h"

extern const unsigned char data_html_css[];
extern const size_t data_html_css_len;
extern const unsigned char data_html_js[];
extern const size_t data_html_js_len;

/* An item has no date: its key sorts after every date. */
#define UNDATED "undated\0\0\0"
#define FOLD_MAX 94
/* Fields of a row, in order, each ending in '\0'. */
enum { R_ID, R_DATE, R_HEADING, R_UNTITLED, R_SUMMARY, R_PLACE, R_BYLINE,
	R_LANG, R_WORDS, R_FIELDS };

struct item_key {
	char date[10];
	char id[16];
	uint64_t seq;
	uint64_t row_off;
	uint32_t row_len;
	uint32_t pad;
};

struct name_key {
	uint8_t kind;
	uint8_t found;
	char fold[FOLD_MAX];
	uint64_t hash;
	struct item_key item;
	uint64_t name_off;
	uint32_t name_len;
	uint32_t pad;
};

struct facet_key {
	char date[10];
	char id[16];
	uint8_t kind;
	uint8_t pad[5];
	uint64_t seq;
	uint64_t facet;
};

struct html_site {
	struct html_tree *tree;
	/* The items given more than once (the first 64 bits of their IDs;
	 * 0 an empty slot), as many as there are: most streams have none. */
	uint64_t *dups;
	size_t n_dups, dups_size;
	const char *generator;
	struct spool rows, names, keys, name_keys;
	/* The bytes written to rows and names: ftello() would ask the
	 * kernel each time (an lseek a record). */
	uint64_t rows_end, names_end;
	uint64_t seq;
	uint64_t counts[HTML_KINDS];	/* distinct names of each kind */
	struct spool facets[HTML_KINDS];	/* their names as JS strings */
};

/*
 * One item.
 */

void
html_item_init(struct html_item *it)
{
	memset(it, 0, sizeof(*it));
	wbuf_init(&it->page);
	wbuf_init(&it->xml);
	wbuf_init(&it->row);
	wbuf_init(&it->names);
	wbuf_init(&it->original);
}

void
html_item_release(struct html_item *it)
{
	wbuf_release(&it->page);
	wbuf_release(&it->xml);
	wbuf_release(&it->row);
	wbuf_release(&it->names);
	wbuf_release(&it->original);
}

/* s and its '\0', cut to max bytes at a character's start (0: whole). */
static int
put_field(struct wbuf *b, const char *s, size_t max)
{
	size_t n = strlen(s);

	if (max > 0 && n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	return wbuf_append(b, s, n) == WARTA_OK &&
	    wbuf_putc(b, '\0') == WARTA_OK ? WARTA_OK : WARTA_FAILED;
}

static int
fill_row(struct html_item *it, const struct html_view *v)
{
	char words[32];
	int rc = 0;

	snprintf(words, sizeof(words), "%lu", v->e.words);
	rc |= put_field(&it->row, v->e.id, 0);
	rc |= put_field(&it->row, v->e.date, 0);
	rc |= put_field(&it->row, v->heading, 0);
	rc |= put_field(&it->row, v->untitled ? "1" : "0", 0);
	rc |= put_field(&it->row, v->summary, HTML_SUMMARY_MAX);
	rc |= put_field(&it->row, v->e.place, 0);
	rc |= put_field(&it->row, v->e.byline, 0);
	rc |= put_field(&it->row, html_lang(v->e.language), 0);
	rc |= put_field(&it->row, words, 0);
	return rc != 0 ? WARTA_FAILED : WARTA_OK;
}

static int
fill_names(struct html_item *it, const struct html_view *v)
{
	size_t k, i;

	for (k = 0; k < HTML_KINDS; k++)
		for (i = 0; i < v->n_names[k]; i++)
			if (wbuf_putc(&it->names, (int)('0' + k)) !=
			    WARTA_OK || wbuf_putc(&it->names,
			    v->names[k][i].found ? '1' : '0') != WARTA_OK ||
			    put_field(&it->names, v->names[k][i].name, 0) !=
			    WARTA_OK)
				return WARTA_FAILED;
	return WARTA_OK;
}

/*
 * An item written again (its ID given before) overwrites the page and the
 * XML of the earlier one, but an original of the earlier one's kind
 * (.original.txt where this one's is .original.html.txt), or one this
 * item does not have, would stay beside it, linked from nowhere.
 * base is "items/abc/ID".
 */
static int
remove_other_originals(struct html_tree *t, const struct html_item *it,
    const char *base, struct warta_error *err)
{
	const char *name = strrchr(base, '/') + 1;
	char dir[32], prefix[32], keep[64];

	snprintf(dir, sizeof(dir), "%.*s", (int)(name - 1 - base), base);
	snprintf(prefix, sizeof(prefix), "%s.original", name);
	if (it->original_suffix != NULL)
		snprintf(keep, sizeof(keep), "%s%s", prefix,
		    it->original_suffix);
	return html_tree_remove_others(t, dir, prefix,
	    it->original_suffix != NULL ? keep : NULL, err);
}

/* The item's files; with create, only when its page is not there yet
 * (else HTML_TREE_EXISTS, nothing written). */
static int
item_files(struct html_tree *t, const struct html_item *it, int create,
    struct warta_error *err)
{
	char base[32], path[64];
	int rc;

	html_item_base(it->id, base);
	snprintf(path, sizeof(path), "%s.html", base);
	rc = create ? html_tree_create(t, path, it->page.data, it->page.len,
	    err) : html_tree_write(t, path, it->page.data, it->page.len, err);
	if (rc != WARTA_OK)
		return rc;
	snprintf(path, sizeof(path), "%s.xml", base);
	if (html_tree_write(t, path, it->xml.data, it->xml.len, err) !=
	    WARTA_OK)
		return WARTA_FAILED;
	if (!create && remove_other_originals(t, it, base, err) != WARTA_OK)
		return WARTA_FAILED;
	if (it->original_suffix != NULL) {
		snprintf(path, sizeof(path), "%s.original%s", base,
		    it->original_suffix);
		if (html_tree_write(t, path, it->original.data,
		    it->original.len, err) != WARTA_OK)
			return WARTA_FAILED;
	}
	return WARTA_OK;
}

int
html_item_make(xmlDocPtr doc, const char *generator, struct html_item *it,
    struct warta_error *err)
{
	struct html_view v;
	struct wbuf swap;
	int rc = WARTA_FAILED;

	wbuf_reset(&it->page);
	wbuf_reset(&it->xml);
	wbuf_reset(&it->row);
	wbuf_reset(&it->names);
	wbuf_reset(&it->original);
	it->original_suffix = NULL;
	it->deferred = 0;
	if (html_view_read(doc, &v, err) != WARTA_OK)
		goto out;
	memcpy(it->id, v.e.id, sizeof(it->id));
	memcpy(it->date, v.e.date, sizeof(it->date));
	it->dropped = v.dropped;
	if (html_item_page(&it->page, &v, generator) != WARTA_OK ||
	    g2_serialize(xmlDocGetRootElement(doc), &it->xml) != 0 ||
	    fill_row(it, &v) != WARTA_OK || fill_names(it, &v) != WARTA_OK) {
		warta_error_set(err, -1, "out of memory");
		goto out;
	}
	if (v.has_original) {
		/* Kept with the item (the buffers trade places: no copy),
		 * for html_site_add() to write again if need be. */
		swap = it->original;
		it->original = v.original;
		v.original = swap;
		it->original_suffix = v.original_suffix;
	}
	rc = WARTA_OK;
out:
	html_view_free(&v);
	return rc;
}

int
html_item_write(struct html_tree *t, struct html_item *it,
    struct warta_error *err)
{
	int rc;

	if ((rc = item_files(t, it, 1, err)) == HTML_TREE_EXISTS) {
		it->deferred = 1;
		rc = WARTA_OK;
	}
	return rc;
}

/*
 * The site: records while the items go by.
 */

struct html_site *
html_site_new(const char *dir, const char *generator, struct warta_error *err)
{
	struct html_site *s;
	size_t k;

	if ((s = calloc(1, sizeof(*s))) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	s->generator = generator;
	if ((s->tree = html_tree_new(dir, err)) == NULL ||
	    spool_open(&s->rows, err) == NULL ||
	    spool_open(&s->names, err) == NULL ||
	    spool_open(&s->keys, err) == NULL ||
	    spool_open(&s->name_keys, err) == NULL) {
		html_site_free(s);
		return NULL;
	}
	for (k = 0; k < HTML_KINDS; k++)
		if (spool_open(&s->facets[k], err) == NULL) {
			html_site_free(s);
			return NULL;
		}
	return s;
}

struct html_tree *
html_site_tree(struct html_site *s)
{
	return s->tree;
}

void
html_site_free(struct html_site *s)
{
	size_t k;

	if (s == NULL)
		return;
	html_tree_free(s->tree);
	spool_close(&s->rows);
	spool_close(&s->names);
	spool_close(&s->keys);
	spool_close(&s->name_keys);
	for (k = 0; k < HTML_KINDS; k++)
		spool_close(&s->facets[k]);
	free(s->dups);
	free(s);
}

static int
spool_failed(struct warta_error *err)
{
	return warta_error_set(err, -1, "cannot write a temporary file: %s",
	    strerror(errno));
}

/* Appends n bytes to fp; with end (the bytes fp holds, kept by the
 * caller), *off is their offset. */
static int
spool_put(FILE *fp, const void *p, size_t n, uint64_t *end, uint64_t *off,
    struct warta_error *err)
{
	if (fwrite(p, 1, n, fp) != n)
		return spool_failed(err);
	if (end != NULL) {
		*off = *end;
		*end += n;
	}
	return WARTA_OK;
}

/* The sort key of a name: ASCII letters lowercased, cut. */
static void
fold(const char *name, char out[FOLD_MAX])
{
	size_t i;

	memset(out, 0, FOLD_MAX);
	for (i = 0; i < FOLD_MAX && name[i] != '\0'; i++)
		out[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ?
		    name[i] + 'a' - 'A' : name[i]);
}

/*
 * The items given more than once.  Their page is made with
 * html_tree_create(): of two items of one ID, the one whose thread comes
 * second finds the page there and is deferred, whichever was read first.
 * Every such ID is noted here, on the main thread, when its deferred item
 * comes back; from then on each item of that ID is written again as it
 * comes back, in the order read, when no thread writes its files any more:
 * the last one read is the one left.  (The last one is deferred, or the
 * others, read before it, were and noted its ID.)
 */

static uint64_t
dup_key(const char *id)
{
	uint64_t k = strtoull(id, NULL, 16);

	return k != 0 ? k : 1;
}

static int
dup_has(const struct html_site *s, uint64_t k)
{
	size_t i, mask = s->dups_size - 1;

	if (s->dups_size == 0)
		return 0;
	for (i = k & mask; s->dups[i] != 0; i = (i + 1) & mask)
		if (s->dups[i] == k)
			return 1;
	return 0;
}

static int
dup_add(struct html_site *s, uint64_t k, struct warta_error *err)
{
	size_t i, mask;

	if (dup_has(s, k))
		return WARTA_OK;
	if ((s->n_dups + 1) * 2 > s->dups_size) {
		size_t size = s->dups_size > 0 ? s->dups_size * 2 : 64, j;
		uint64_t *t = calloc(size, sizeof(*t));

		if (t == NULL)
			return warta_error_set(err, -1, "out of memory");
		for (j = 0; j < s->dups_size; j++)
			if (s->dups[j] != 0) {
				for (i = s->dups[j] & (size - 1); t[i] != 0;
				    i = (i + 1) & (size - 1))
					;
				t[i] = s->dups[j];
			}
		free(s->dups);
		s->dups = t;
		s->dups_size = size;
	}
	mask = s->dups_size - 1;
	for (i = k & mask; s->dups[i] != 0; i = (i + 1) & mask)
		;
	s->dups[i] = k;
	s->n_dups++;
	return WARTA_OK;
}

int
html_site_add(struct html_site *s, const struct html_item *it,
    struct warta_error *err)
{
	struct item_key key;
	struct name_key nk;
	const char *p, *end;
	uint64_t dk = dup_key(it->id);

	if (it->deferred || dup_has(s, dk)) {
		if (dup_add(s, dk, err) != WARTA_OK ||
		    item_files(s->tree, it, 0, err) != WARTA_OK)
			return WARTA_FAILED;
	}
	memset(&key, 0, sizeof(key));
	if (it->date[0] != '\0')
		memcpy(key.date, it->date, sizeof(key.date));
	else
		memcpy(key.date, UNDATED, sizeof(key.date));
	memcpy(key.id, it->id, sizeof(key.id));
	key.seq = s->seq++;
	key.row_len = (uint32_t)it->row.len;
	if (spool_put(s->rows.fp, it->row.data, it->row.len, &s->rows_end,
	    &key.row_off, err) != WARTA_OK ||
	    spool_put(s->keys.fp, &key, sizeof(key), NULL, NULL, err) !=
	    WARTA_OK)
		return WARTA_FAILED;
	p = it->names.data;
	end = p != NULL ? p + it->names.len : NULL;
	while (p != NULL && p < end) {
		const char *name = p + 2;
		size_t n = strlen(name);

		memset(&nk, 0, sizeof(nk));
		nk.kind = (uint8_t)(p[0] - '0');
		nk.found = p[1] == '1';
		fold(name, nk.fold);
		nk.hash = fnv1a(FNV1A_INIT, name, n);
		nk.item = key;
		nk.name_len = (uint32_t)n;
		if (spool_put(s->names.fp, name, n, &s->names_end,
		    &nk.name_off, err) != WARTA_OK ||
		    spool_put(s->name_keys.fp, &nk, sizeof(nk), NULL, NULL,
		    err) != WARTA_OK)
			return WARTA_FAILED;
		p = name + n + 1;
	}
	return WARTA_OK;
}

/*
 * Sorting.
 */

static int
cmp_item_key(const void *a, const void *b)
{
	const struct item_key *x = a, *y = b;
	int c;

	if ((c = memcmp(x->date, y->date, sizeof(x->date) +
	    sizeof(x->id))) != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
cmp_name_key(const void *a, const void *b)
{
	const struct name_key *x = a, *y = b;
	int c;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if ((c = memcmp(x->fold, y->fold, sizeof(x->fold))) != 0)
		return c;
	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return cmp_item_key(&x->item, &y->item);
}

static int
cmp_facet_key(const void *a, const void *b)
{
	const struct facet_key *x = a, *y = b;
	int c;

	if ((c = memcmp(x->date, y->date, sizeof(x->date) +
	    sizeof(x->id))) != 0)
		return c;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->facet < y->facet ? -1 : x->facet > y->facet;
}

/* fp sorted into a new spool, read from its start; NULL with err. */
static FILE *
sorted(FILE *fp, size_t size, extsort_cmp cmp, struct spool *out,
    struct warta_error *err)
{
	if (fflush(fp) != 0 || fseeko(fp, 0, SEEK_SET) != 0) {
		spool_failed(err);
		return NULL;
	}
	if (spool_open(out, err) == NULL)
		return NULL;
	if (extsort(fp, out->fp, size, cmp, err) != WARTA_OK ||
	    fflush(out->fp) != 0 || fseeko(out->fp, 0, SEEK_SET) != 0) {
		if (err->message[0] == '\0')
			spool_failed(err);
		spool_close(out);
		return NULL;
	}
	return out->fp;
}

/* The bytes at off in fp (flushed), into b (as a string).  pread: one
 * system call, where fseeko and fread were two and read 4 KiB. */
static int
read_at(FILE *fp, uint64_t off, uint32_t len, struct wbuf *b,
    struct warta_error *err)
{
	wbuf_reset(b);
	if (wbuf_reserve(b, (size_t)len + 1) != WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	if (file_pread(fileno(fp), b->data, len, off) != 0)
		return warta_error_set(err, -1, "cannot read a temporary "
		    "file: %s", errno == EIO ? "cut short" : strerror(errno));
	b->len = len;
	b->data[len] = '\0';
	return WARTA_OK;
}

/* A row read back: its fields, pointing into b. */
static int
parse_row(const struct wbuf *b, struct html_row *r, const char **f)
{
	const char *p = b->data, *end = b->data + b->len;
	size_t i;

	for (i = 0; i < R_FIELDS; i++) {
		if (p >= end)
			return WARTA_FAILED;
		f[i] = p;
		p += strlen(p) + 1;
	}
	r->id = f[R_ID];
	r->date = f[R_DATE];
	r->heading = f[R_HEADING];
	r->untitled = f[R_UNTITLED][0] == '1';
	r->summary = f[R_SUMMARY];
	r->place = f[R_PLACE];
	r->byline = f[R_BYLINE];
	r->lang = f[R_LANG];
	r->words = strtoul(f[R_WORDS], NULL, 10);
	return WARTA_OK;
}

static int
read_row(struct html_site *s, const struct item_key *k, struct wbuf *b,
    struct html_row *r, struct warta_error *err)
{
	const char *f[R_FIELDS];

	if (read_at(s->rows.fp, k->row_off, k->row_len, b, err) != WARTA_OK)
		return WARTA_FAILED;
	if (parse_row(b, r, f) != WARTA_OK)
		return warta_error_set(err, -1, "a temporary file is damaged");
	return WARTA_OK;
}

/*
 * Pages of lists, cut every so many rows: BASE.html, BASE-2.html, ...
 */

struct pager {
	struct html_site *s;
	char base[HTML_PATH_MAX];	/* from the root, without .html */
	const char *root;		/* from the pages to the root */
	char *title;			/* the h1 (plain text) */
	const char *lang;
	const char *list_open, *list_close;
	size_t per_page, rows, page, total;
	char day[11];			/* the day whose list is open */
	int in_day;			/* a day's list is open */
	struct wbuf buf;
	int open;
};

static void
pager_init(struct pager *p, struct html_site *s, const char *root,
    const char *list_open, const char *list_close, size_t per_page)
{
	memset(p, 0, sizeof(*p));
	p->s = s;
	p->root = root;
	p->list_open = list_open;
	p->list_close = list_close;
	p->per_page = per_page;
	p->lang = "en";
	wbuf_init(&p->buf);
}

/* The last part of base: a link from one page to its neighbour. */
static const char *
leaf(const char *base)
{
	const char *s = strrchr(base, '/');

	return s != NULL ? s + 1 : base;
}

static void
page_name(const struct pager *p, size_t page, char *out, size_t size,
    int from_root)
{
	const char *b = from_root ? p->base : leaf(p->base);

	if (page <= 1)
		snprintf(out, size, "%s.html", b);
	else
		snprintf(out, size, "%s-%zu.html", b, page);
}

static int
pager_open(struct pager *p)
{
	struct html_page pg = { p->lang, p->title, p->root, 0,
	    p->s->generator };
	char name[HTML_PATH_MAX + 32], num[64];
	int rc = 0;

	wbuf_reset(&p->buf);
	p->page++;
	p->rows = 0;
	p->day[0] = '\0';
	p->in_day = 0;
	p->open = 1;
	rc |= html_page_begin(&p->buf, &pg);
	rc |= wbuf_puts(&p->buf, "<h1>");
	rc |= html_puts(&p->buf, p->title);
	rc |= wbuf_puts(&p->buf, "</h1>\n");
	if (p->page > 1) {
		page_name(p, p->page - 1, name, sizeof(name), 0);
		snprintf(num, sizeof(num), "Page %zu. ", p->page);
		rc |= wbuf_puts(&p->buf, "<p class=\"pages\">");
		rc |= wbuf_puts(&p->buf, num);
		rc |= wbuf_puts(&p->buf, "<a rel=\"prev\" href=\"");
		rc |= html_puts(&p->buf, name);
		rc |= wbuf_puts(&p->buf, "\">Previous page</a></p>\n");
	}
	if (p->list_open != NULL)
		rc |= wbuf_puts(&p->buf, p->list_open);
	return rc != 0 ? WARTA_FAILED : WARTA_OK;
}

static int
pager_close(struct pager *p, int more, struct warta_error *err)
{
	struct html_page pg = { p->lang, p->title, p->root, 0,
	    p->s->generator };
	char name[HTML_PATH_MAX + 32];
	int rc = 0;

	if (!p->open)
		return WARTA_OK;
	p->open = 0;
	if (p->in_day || p->list_open != NULL)
		rc |= wbuf_puts(&p->buf, p->list_close);
	if (more) {
		page_name(p, p->page + 1, name, sizeof(name), 0);
		rc |= wbuf_puts(&p->buf, "<p class=\"pages\"><a rel=\"next\" "
		    "href=\"");
		rc |= html_puts(&p->buf, name);
		rc |= wbuf_puts(&p->buf, "\">Next page</a></p>\n");
	}
	rc |= html_page_end(&p->buf, &pg);
	if (rc != 0)
		return warta_error_set(err, -1, "out of memory");
	page_name(p, p->page, name, sizeof(name), 1);
	return html_tree_write(p->s->tree, name, p->buf.data, p->buf.len,
	    err);
}

/* Makes room for one more row (a new page when this one is full). */
static int
pager_row(struct pager *p, struct warta_error *err)
{
	if (p->open && p->rows == p->per_page &&
	    pager_close(p, 1, err) != WARTA_OK)
		return WARTA_FAILED;
	if (!p->open && pager_open(p) != WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	p->rows++;
	p->total++;
	return WARTA_OK;
}

/* A row of a month page, under its day's heading. */
static int
pager_day_row(struct pager *p, const struct html_row *r,
    struct warta_error *err)
{
	int rc = 0;

	if (pager_row(p, err) != WARTA_OK)
		return WARTA_FAILED;
	if (!p->in_day || strcmp(p->day, r->date) != 0) {
		if (p->in_day)
			rc |= wbuf_puts(&p->buf, "</ol>\n");
		p->in_day = 1;
		snprintf(p->day, sizeof(p->day), "%s", r->date);
		rc |= wbuf_puts(&p->buf, "<h2>");
		rc |= html_puts(&p->buf, r->date[0] != '\0' ? r->date :
		    "No date");
		rc |= wbuf_puts(&p->buf, "</h2>\n<ol class=\"items\">\n");
	}
	rc |= html_row_item(&p->buf, r, p->root);
	return rc != 0 ? warta_error_set(err, -1, "out of memory") : WARTA_OK;
}

static void
pager_release(struct pager *p)
{
	free(p->title);
	p->title = NULL;
	wbuf_release(&p->buf);
}

/*
 * The names: a page each, an index of each kind, and a number each for
 * the index's filters (facet records).
 */

struct names_pass {
	struct html_site *s;
	FILE *facet_keys;
	struct pager page;		/* of the name being written */
	struct pager index[HTML_KINDS];	/* KIND/index.html */
	struct wbuf row, name;
	int rc;
};

static int
index_entry(struct names_pass *np, int kind, const char *name,
    size_t items, struct warta_error *err)
{
	struct pager *ix = &np->index[kind];
	char path[HTML_PATH_MAX], num[32];
	int rc = 0;

	if (pager_row(ix, err) != WARTA_OK)
		return WARTA_FAILED;
	html_name_path((enum html_kind)kind, name, path, sizeof(path));
	rc |= wbuf_puts(&ix->buf, "<li><a href=\"");
	/* From KIND/index.html: past "KIND/". */
	rc |= html_puts(&ix->buf, strchr(path, '/') + 1);
	rc |= wbuf_puts(&ix->buf, "\">");
	rc |= html_puts(&ix->buf, name);
	snprintf(num, sizeof(num), "%zu", items);
	rc |= wbuf_puts(&ix->buf, "</a> <span class=\"count\">");
	rc |= wbuf_puts(&ix->buf, num);
	rc |= wbuf_puts(&ix->buf, items == 1 ? " item</span></li>\n" :
	    " items</span></li>\n");
	return rc != 0 ? warta_error_set(err, -1, "out of memory") : WARTA_OK;
}

/* The name whose records start with first: its page, its entry. */
static int
name_begin(struct names_pass *np, const struct name_key *first,
    struct warta_error *err)
{
	struct html_site *s = np->s;
	char path[HTML_PATH_MAX];
	size_t n;

	if (read_at(s->names.fp, first->name_off, first->name_len, &np->name,
	    err) != WARTA_OK)
		return WARTA_FAILED;
	pager_release(&np->page);
	pager_init(&np->page, s, "../../", "<ol class=\"items\">\n",
	    "</ol>\n", HTML_PAGE_ROWS);
	html_name_path((enum html_kind)first->kind, np->name.data, path,
	    sizeof(path));
	n = strlen(path) - 5;	/* without ".html" */
	memcpy(np->page.base, path, n);
	np->page.base[n] = '\0';
	if ((np->page.title = strdup(np->name.data)) == NULL)
		return warta_error_set(err, -1, "out of memory");
	return WARTA_OK;
}

static int
name_end(struct names_pass *np, const struct name_key *last,
    struct warta_error *err)
{
	struct html_site *s = np->s;
	struct wbuf js = WBUF_INIT;
	int rc;

	if (pager_close(&np->page, 0, err) != WARTA_OK ||
	    index_entry(np, last->kind, np->name.data, np->page.total,
	    err) != WARTA_OK)
		return WARTA_FAILED;
	/* Its name in the filters' list, as the facet'th. */
	rc = (s->counts[last->kind] > 0 ? wbuf_putc(&js, ',') : WARTA_OK) |
	    html_put_js_string(&js, np->name.data);
	if (rc != WARTA_OK || fwrite(js.data, 1, js.len,
	    s->facets[last->kind].fp) != js.len) {
		wbuf_release(&js);
		return rc != WARTA_OK ? warta_error_set(err, -1,
		    "out of memory") : spool_failed(err);
	}
	wbuf_release(&js);
	s->counts[last->kind]++;
	return WARTA_OK;
}

static int
same_name(const struct name_key *a, const struct name_key *b)
{
	return a->kind == b->kind && a->hash == b->hash &&
	    memcmp(a->fold, b->fold, sizeof(a->fold)) == 0;
}

static int
names_pass(struct html_site *s, FILE *keys, FILE *facet_keys,
    struct warta_error *err)
{
	static const char *const titles[HTML_KINDS] = {
		"People", "Organizations", "Places", "Subjects"
	};
	struct names_pass np;
	struct name_key cur, prev;
	struct facet_key fk;
	struct html_row r;
	int have = 0, rc = WARTA_FAILED;
	size_t k;

	memset(&np, 0, sizeof(np));
	np.s = s;
	np.facet_keys = facet_keys;
	wbuf_init(&np.row);
	wbuf_init(&np.name);
	pager_init(&np.page, s, "../../", NULL, NULL, HTML_PAGE_ROWS);
	for (k = 0; k < HTML_KINDS; k++) {
		pager_init(&np.index[k], s, "../", "<ul class=\"names\">\n",
		    "</ul>\n", HTML_INDEX_NAMES);
		snprintf(np.index[k].base, sizeof(np.index[k].base),
		    "%s/index", html_kind_dir((enum html_kind)k));
		if ((np.index[k].title = strdup(titles[k])) == NULL) {
			warta_error_set(err, -1, "out of memory");
			goto out;
		}
	}
	while (fread(&cur, sizeof(cur), 1, keys) == 1) {
		if (cur.kind >= HTML_KINDS) {
			warta_error_set(err, -1, "a temporary file is damaged");
			goto out;
		}
		if (!have || !same_name(&cur, &prev)) {
			if (have && name_end(&np, &prev, err) != WARTA_OK)
				goto out;
			if (name_begin(&np, &cur, err) != WARTA_OK)
				goto out;
		}
		have = 1;
		prev = cur;
		if (read_row(s, &cur.item, &np.row, &r, err) != WARTA_OK ||
		    pager_row(&np.page, err) != WARTA_OK)
			goto out;
		if (html_row_item(&np.page.buf, &r, "../../") != WARTA_OK) {
			warta_error_set(err, -1, "out of memory");
			goto out;
		}
		memset(&fk, 0, sizeof(fk));
		memcpy(fk.date, cur.item.date, sizeof(fk.date));
		memcpy(fk.id, cur.item.id, sizeof(fk.id));
		fk.seq = cur.item.seq;
		fk.kind = cur.kind;
		fk.facet = s->counts[cur.kind];
		if (fwrite(&fk, sizeof(fk), 1, facet_keys) != 1) {
			spool_failed(err);
			goto out;
		}
	}
	if (ferror(keys)) {
		spool_failed(err);
		goto out;
	}
	if (have && name_end(&np, &prev, err) != WARTA_OK)
		goto out;
	for (k = 0; k < HTML_KINDS; k++) {
		/* A kind with no names still has its (empty) index. */
		if (np.index[k].page == 0 && pager_open(&np.index[k]) !=
		    WARTA_OK) {
			warta_error_set(err, -1, "out of memory");
			goto out;
		}
		if (pager_close(&np.index[k], 0, err) != WARTA_OK)
			goto out;
	}
	rc = WARTA_OK;
out:
	pager_release(&np.page);
	for (k = 0; k < HTML_KINDS; k++)
		pager_release(&np.index[k]);
	wbuf_release(&np.row);
	wbuf_release(&np.name);
	return rc;
}

/*
 * The items by date: the month pages, the date tree, the index's data.
 */

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

struct dates_pass {
	struct html_site *s;
	struct pager month;
	char ym[8];		/* "YYYY-MM" of the month open, "" */
	char year[5];
	int years;		/* the list of years was opened */
	struct wbuf tree;	/* the index's nav#dates */
	struct wbuf data;	/* assets/items.js, flushed as it grows */
	struct spool data_spool;
	struct wbuf row;
	size_t items;
};

/* "August 2021" of "2021-08". */
static void
month_title(const char *ym, char *out, size_t size)
{
	int m = (ym[5] - '0') * 10 + (ym[6] - '0');

	if (m >= 1 && m <= 12)
		snprintf(out, size, "%s %.4s", month_names[m - 1], ym);
	else
		snprintf(out, size, "%s", ym);
}

static int
month_end(struct dates_pass *dp, struct warta_error *err)
{
	char title[64], num[32];
	int rc = 0;

	if (dp->ym[0] == '\0')
		return WARTA_OK;
	if (pager_close(&dp->month, 0, err) != WARTA_OK)
		return WARTA_FAILED;
	if (strcmp(dp->ym, "undated") == 0) {
		snprintf(num, sizeof(num), "%zu", dp->month.total);
		rc |= wbuf_puts(&dp->tree, "<p><a href=\"dates/undated.html\">"
		    "No date</a> <span class=\"count\">");
	} else {
		month_title(dp->ym, title, sizeof(title));
		snprintf(num, sizeof(num), "%zu", dp->month.total);
		rc |= wbuf_puts(&dp->tree, "<li><a href=\"");
		rc |= wbuf_puts(&dp->tree, dp->month.base);
		rc |= wbuf_puts(&dp->tree, ".html\">");
		rc |= wbuf_puts(&dp->tree, title);
		rc |= wbuf_puts(&dp->tree, "</a> <span class=\"count\">");
	}
	rc |= wbuf_puts(&dp->tree, num);
	rc |= wbuf_puts(&dp->tree, strcmp(dp->ym, "undated") == 0 ?
	    "</span></p>\n" : "</span></li>\n");
	pager_release(&dp->month);
	dp->ym[0] = '\0';
	return rc != 0 ? warta_error_set(err, -1, "out of memory") : WARTA_OK;
}

static int
month_begin(struct dates_pass *dp, const char *date, struct warta_error *err)
{
	char title[64];
	int rc = 0;

	pager_init(&dp->month, dp->s, "../../", NULL, "</ol>\n",
	    HTML_PAGE_ROWS);
	if (date[0] == '\0') {
		snprintf(dp->ym, sizeof(dp->ym), "undated");
		snprintf(dp->month.base, sizeof(dp->month.base),
		    "dates/undated");
		dp->month.root = "../";
		snprintf(title, sizeof(title), "Items with no date");
		if (dp->years)
			rc |= wbuf_puts(&dp->tree, "</ul></li>\n</ul>\n");
		dp->years = 0;
	} else {
		snprintf(dp->ym, sizeof(dp->ym), "%.7s", date);
		snprintf(dp->month.base, sizeof(dp->month.base),
		    "dates/%.4s/%.2s", date, date + 5);
		month_title(dp->ym, title, sizeof(title));
		if (strncmp(dp->year, date, 4) != 0) {
			rc |= wbuf_puts(&dp->tree, dp->years ?
			    "</ul></li>\n" : "<ul>\n");
			dp->years = 1;
			snprintf(dp->year, sizeof(dp->year), "%.4s", date);
			rc |= wbuf_puts(&dp->tree, "<li><span class=\"year\">");
			rc |= wbuf_puts(&dp->tree, dp->year);
			rc |= wbuf_puts(&dp->tree, "</span>\n<ul>\n");
		}
	}
	if (rc != 0 || (dp->month.title = strdup(title)) == NULL)
		return warta_error_set(err, -1, "out of memory");
	return WARTA_OK;
}

static int
data_flush(struct dates_pass *dp, struct warta_error *err)
{
	if (dp->data.len > 0 && fwrite(dp->data.data, 1, dp->data.len,
	    dp->data_spool.fp) != dp->data.len)
		return spool_failed(err);
	wbuf_reset(&dp->data);
	return WARTA_OK;
}

/* The item's line of the index's data: its row and its facets. */
static int
data_row(struct dates_pass *dp, const struct html_row *r,
    const struct item_key *k, FILE *facets, struct facet_key *fk,
    int *have_fk, struct warta_error *err)
{
	struct wbuf *d = &dp->data;
	char num[32];
	int rc = 0, kind;

	rc |= wbuf_puts(d, dp->items++ > 0 ? ",\n[" : "\n[");
	rc |= html_put_js_string(d, r->id);
	rc |= wbuf_putc(d, ',');
	rc |= html_put_js_string(d, r->date);
	rc |= wbuf_putc(d, ',');
	rc |= html_put_js_string(d, r->heading);
	rc |= wbuf_puts(d, r->untitled ? ",1," : ",0,");
	rc |= html_put_js_string(d, r->summary);
	rc |= wbuf_putc(d, ',');
	rc |= html_put_js_string(d, r->place);
	rc |= wbuf_putc(d, ',');
	rc |= html_put_js_string(d, r->byline);
	rc |= wbuf_putc(d, ',');
	rc |= html_put_js_string(d, r->lang);
	snprintf(num, sizeof(num), ",%lu", r->words);
	rc |= wbuf_puts(d, num);
	/* The facets are sorted as the keys are: the item's come next. */
	for (kind = 0; kind < HTML_KINDS; kind++) {
		int n = 0;

		rc |= wbuf_puts(d, ",[");
		while (*have_fk && memcmp(fk->date, k->date,
		    sizeof(k->date) + sizeof(k->id)) == 0 &&
		    fk->seq == k->seq && fk->kind == kind) {
			snprintf(num, sizeof(num), n++ > 0 ? ",%llu" : "%llu",
			    (unsigned long long)fk->facet);
			rc |= wbuf_puts(d, num);
			*have_fk = fread(fk, sizeof(*fk), 1, facets) == 1;
		}
		rc |= wbuf_putc(d, ']');
	}
	rc |= wbuf_putc(d, ']');
	if (rc != 0)
		return warta_error_set(err, -1, "out of memory");
	return d->len >= (64 << 10) ? data_flush(dp, err) : WARTA_OK;
}

/* Copies the facet names of each kind into the data. */
static int
data_facets(struct dates_pass *dp, struct warta_error *err)
{
	struct html_site *s = dp->s;
	char buf[8192];
	size_t k, n;

	if (wbuf_puts(&dp->data, "\n],\n\"facets\":{") != WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	for (k = 0; k < HTML_KINDS; k++) {
		if (wbuf_puts(&dp->data, k > 0 ? "],\n\"" : "\n\"") !=
		    WARTA_OK || wbuf_puts(&dp->data, html_kind_dir(
		    (enum html_kind)k)) != WARTA_OK ||
		    wbuf_puts(&dp->data, "\":[") != WARTA_OK)
			return warta_error_set(err, -1, "out of memory");
		if (data_flush(dp, err) != WARTA_OK)
			return WARTA_FAILED;
		if (fflush(s->facets[k].fp) != 0 ||
		    fseeko(s->facets[k].fp, 0, SEEK_SET) != 0)
			return spool_failed(err);
		while ((n = fread(buf, 1, sizeof(buf), s->facets[k].fp)) > 0)
			if (fwrite(buf, 1, n, dp->data_spool.fp) != n)
				return spool_failed(err);
		if (ferror(s->facets[k].fp))
			return spool_failed(err);
	}
	if (wbuf_puts(&dp->data, "]}};\n") != WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	return data_flush(dp, err);
}

static int
dates_pass(struct dates_pass *dp, FILE *keys, FILE *facets,
    struct warta_error *err)
{
	struct item_key k;
	struct facet_key fk;
	struct html_row r;
	int have_fk;

	if (wbuf_puts(&dp->data, "/* The reading room's index: an item a "
	    "line, then the names its filters offer. */\n"
	    "window.WARTA_DATA = {\n\"fields\":[\"id\",\"date\",\"heading\","
	    "\"untitled\",\"summary\",\"place\",\"byline\",\"lang\","
	    "\"words\",\"people\",\"organizations\",\"places\","
	    "\"subjects\"],\n\"items\":[") != WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	have_fk = fread(&fk, sizeof(fk), 1, facets) == 1;
	while (fread(&k, sizeof(k), 1, keys) == 1) {
		if (read_row(dp->s, &k, &dp->row, &r, err) != WARTA_OK)
			return WARTA_FAILED;
		if (strncmp(dp->ym, r.date[0] != '\0' ? r.date : "undated",
		    7) != 0) {
			if (month_end(dp, err) != WARTA_OK ||
			    month_begin(dp, r.date, err) != WARTA_OK)
				return WARTA_FAILED;
		}
		if (pager_day_row(&dp->month, &r, err) != WARTA_OK ||
		    data_row(dp, &r, &k, facets, &fk, &have_fk, err) !=
		    WARTA_OK)
			return WARTA_FAILED;
	}
	if (ferror(keys) || ferror(facets))
		return spool_failed(err);
	if (month_end(dp, err) != WARTA_OK)
		return WARTA_FAILED;
	if (dp->years && wbuf_puts(&dp->tree, "</ul></li>\n</ul>\n") !=
	    WARTA_OK)
		return warta_error_set(err, -1, "out of memory");
	return data_facets(dp, err);
}

/*
 * The index page, the assets, and the whole.
 */

static int
write_index(struct html_site *s, const struct dates_pass *dp,
    struct warta_error *err)
{
	static const char *const filters[][2] = {
		{ "f-year", "Year" }, { "f-place", "Place" },
		{ "f-person", "Person" }, { "f-org", "Organization" },
		{ "f-subject", "Subject" }, { "f-lang", "Language" }
	};
	struct html_page pg = { "en", "Index", "", 1, s->generator };
	struct wbuf b = WBUF_INIT;
	char num[64];
	size_t i;
	int rc = 0;

	rc |= html_page_begin(&b, &pg);
	snprintf(num, sizeof(num), "%zu", dp->items);
	rc |= wbuf_puts(&b, "<h1>Reading room</h1>\n<p class=\"lead\">");
	rc |= wbuf_puts(&b, num);
	rc |= wbuf_puts(&b, dp->items == 1 ? " item" : " items");
	rc |= wbuf_puts(&b, ", by date.</p>\n"
	    "<form id=\"filters\" role=\"search\" aria-label=\"Filter the "
	    "items\" hidden>\n<div class=\"search\"><label for=\"q\">Search "
	    "headlines and summaries</label>\n<input type=\"search\" id=\"q\" "
	    "name=\"q\" autocomplete=\"off\"></div>\n");
	for (i = 0; i < sizeof(filters) / sizeof(filters[0]); i++) {
		rc |= wbuf_puts(&b, "<div class=\"filter\"><label for=\"");
		rc |= wbuf_puts(&b, filters[i][0]);
		rc |= wbuf_puts(&b, "\">");
		rc |= wbuf_puts(&b, filters[i][1]);
		rc |= wbuf_puts(&b, "</label>\n<select id=\"");
		rc |= wbuf_puts(&b, filters[i][0]);
		rc |= wbuf_puts(&b, "\"><option value=\"\">All</option>"
		    "</select></div>\n");
	}
	rc |= wbuf_puts(&b, "</form>\n<p id=\"count\" aria-live=\"polite\">"
	    "</p>\n<div id=\"results\"></div>\n"
	    "<noscript><p>The filters and the search need JavaScript; the "
	    "months below list every item.</p></noscript>\n"
	    "<nav id=\"dates\" aria-labelledby=\"dates-h\">\n"
	    "<h2 id=\"dates-h\">Months</h2>\n");
	rc |= wbuf_append(&b, dp->tree.data, dp->tree.len);
	rc |= wbuf_puts(&b, "</nav>\n");
	rc |= html_page_end(&b, &pg);
	if (rc != 0) {
		wbuf_release(&b);
		return warta_error_set(err, -1, "out of memory");
	}
	rc = html_tree_write(s->tree, "index.html", b.data, b.len, err);
	wbuf_release(&b);
	return rc;
}

int
html_site_finish(struct html_site *s, struct warta_error *err)
{
	struct dates_pass dp;
	struct spool names = SPOOL_INIT, facets = SPOOL_INIT,
	    facets_sorted = SPOOL_INIT, keys = SPOOL_INIT;
	int rc = WARTA_FAILED;

	memset(&dp, 0, sizeof(dp));
	dp.s = s;
	wbuf_init(&dp.tree);
	wbuf_init(&dp.data);
	wbuf_init(&dp.row);
	/* What is read back is read with pread(): out of stdio's buffer. */
	if (fflush(s->rows.fp) != 0 || fflush(s->names.fp) != 0) {
		spool_failed(err);
		goto out;
	}
	if (sorted(s->name_keys.fp, sizeof(struct name_key), cmp_name_key,
	    &names, err) == NULL ||
	    spool_open(&facets, err) == NULL ||
	    names_pass(s, names.fp, facets.fp, err) != WARTA_OK ||
	    sorted(facets.fp, sizeof(struct facet_key), cmp_facet_key,
	    &facets_sorted, err) == NULL ||
	    sorted(s->keys.fp, sizeof(struct item_key), cmp_item_key, &keys,
	    err) == NULL || spool_open(&dp.data_spool, err) == NULL ||
	    dates_pass(&dp, keys.fp, facets_sorted.fp, err) != WARTA_OK ||
	    html_tree_copy(s->tree, "assets/items.js", dp.data_spool.fp,
	    err) != WARTA_OK ||
	    write_index(s, &dp, err) != WARTA_OK ||
	    html_tree_write(s->tree, "assets/warta.css", data_html_css,
	    data_html_css_len, err) != WARTA_OK ||
	    html_tree_write(s->tree, "assets/warta.js", data_html_js,
	    data_html_js_len, err) != WARTA_OK ||
	    html_tree_commit(s->tree, err) != WARTA_OK)
		goto out;
	rc = WARTA_OK;
out:
	spool_close(&names);
	spool_close(&facets);
	spool_close(&facets_sorted);
	spool_close(&keys);
	spool_close(&dp.data_spool);
	pager_release(&dp.month);
	wbuf_release(&dp.tree);
	wbuf_release(&dp.data);
	wbuf_release(&dp.row);
	return rc;
}
