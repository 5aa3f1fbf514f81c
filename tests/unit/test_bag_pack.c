/*
 * test_bag_pack.c: items into bundles: a few items in path order, a
 * rejected item counted and left out, duplicates under each policy, a
 * split by items, the same bytes from the same items in another order,
 * and the temporary-file hooks.  Bundles are plain tar, read back with
 * bagit/read.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <cmocka.h>

#include <libxml/parser.h>

#include "bagit/pack.h"
#include "bagit/read.h"
#include "base/buf.h"
#include "base/digest.h"

/* 2023-11-14T22:13:20Z */
#define DATE 1700000000

/* A temporary directory for each test, removed with what it holds. */
struct fixture {
	char dir[64];
	char out[128];
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	snprintf(f->dir, sizeof(f->dir), "/tmp/test_bag_pack.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->out, sizeof(f->out), "%s/b.tar", f->dir);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

static void
options(struct bag_pack_options *o, const char *out)
{
	memset(o, 0, sizeof(*o));
	o->output = out;
	o->format = BAG_TAR;
	o->level = -1;
	o->mode = 0644;
	o->agent = "test_bag_pack";
	o->duplicates_told = 100;
}

/*
 * A newsItem that passes the producer rules: guid N, its version, the
 * date of its content ("" for none) and its text, carried as its
 * original with the SHA-256 the item records for it.
 */
static xmlDocPtr
item(int n, int version, const char *date, const char *text)
{
	char hash[65], meta[128], xml[4096];
	xmlDocPtr doc;

	assert_int_equal(sha256_hex(text, strlen(text), hash), 0);
	if (*date != '\0')
		snprintf(meta, sizeof(meta), "<contentMeta><contentCreated>"
		    "%sT08:00:00+07:00</contentCreated></contentMeta>", date);
	else
		snprintf(meta, sizeof(meta), "<contentMeta/>");
	snprintf(xml, sizeof(xml),
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" "
	    "guid=\"urn:newsml:test.invalid:%d\" version=\"%d\" "
	    "standard=\"NewsML-G2\" standardversion=\"2.35\" "
	    "conformance=\"power\">"
	    "<catalogRef href=\"http://www.iptc.org/std/catalog/"
	    "catalog.IPTC-G2-Standards_41.xml\"/>"
	    "<itemMeta><itemClass qcode=\"ninat:text\"/>"
	    "<provider uri=\"https://test.invalid/\"><name>test.invalid"
	    "</name></provider>"
	    "<versionCreated>2023-11-1%dT10:00:00Z</versionCreated>"
	    "<firstCreated>2023-11-10T10:00:00Z</firstCreated>"
	    "<pubStatus qcode=\"stat:usable\"/>"
	    "<hash hashtypeuri=\"http://www.w3.org/2001/04/xmlenc#sha256\">"
	    "%s</hash></itemMeta>%s"
	    "<contentSet><inlineXML contenttype=\"application/xhtml+xml\">"
	    "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title/>"
	    "</head><body><p>%s</p></body></html></inlineXML>"
	    "<inlineData contenttype=\"text/plain; charset=utf-8\">%s"
	    "</inlineData></contentSet></newsItem>\n",
	    n, version, version % 10, hash, meta, text, text);
	doc = xmlReadMemory(xml, (int)strlen(xml), "item.xml", NULL,
	    XML_PARSE_NONET);
	assert_non_null(doc);
	return doc;
}

/* What the callbacks heard. */
struct told {
	unsigned long problems;
	char last[256];
	unsigned long dups;
	struct bag_pack_duplicate dup;	/* the last one, guid copied */
	char dup_guid[64];
	unsigned long created, closed;
};

static int
on_problem(void *arg, const char *problem)
{
	struct told *t = arg;

	t->problems++;
	snprintf(t->last, sizeof(t->last), "%s", problem);
	return 0;
}

static void
on_duplicate(void *arg, const struct bag_pack_duplicate *d)
{
	struct told *t = arg;

	t->dups++;
	t->dup = *d;
	snprintf(t->dup_guid, sizeof(t->dup_guid), "%s", d->guid);
	t->dup.guid = t->dup_guid;
}

/* Adds the item and frees it; what bag_packer_add() returned. */
static int
add(struct bag_packer *p, xmlDocPtr doc, struct told *t)
{
	struct warta_error err;
	int rc;

	warta_error_clear(&err);
	rc = bag_packer_add(p, doc, on_problem, t, &err);
	xmlFreeDoc(doc);
	if (rc < 0)
		fail_msg("bag_packer_add: %s", err.message);
	return rc;
}

static void
sort_and_finish(struct bag_packer *p, struct told *t)
{
	struct warta_error err;

	warta_error_clear(&err);
	if (bag_packer_sort(p, on_duplicate, t, &err) != WARTA_OK)
		fail_msg("bag_packer_sort: %s", err.message);
	if (bag_packer_finish(p, &err) != WARTA_OK)
		fail_msg("bag_packer_finish: %s", err.message);
}

/* The bag at path: its payload paths, one a line, and two tag files. */
struct bag_read {
	struct wbuf paths, tsv, info;
};

static void
read_bag(const char *path, struct bag_read *b)
{
	struct bag_limits lim;
	struct bag_reader *r;
	struct bag_entry e;
	struct warta_error err;
	struct wbuf skip = WBUF_INIT;
	int rc;

	memset(b, 0, sizeof(*b));
	bag_limits_default(&lim);
	warta_error_clear(&err);
	r = bag_reader_open(path, &lim, &err);
	if (r == NULL)
		fail_msg("%s: %s", path, err.message);
	while ((rc = bag_reader_next(r, &e, &err)) == BAG_ENTRY_FILE) {
		struct wbuf *to = &skip;

		if (strcmp(e.path, "data/catalog.tsv") == 0)
			to = &b->tsv;
		else if (strcmp(e.path, "bag-info.txt") == 0)
			to = &b->info;
		else if (strncmp(e.path, "data/items/", 11) == 0 ||
		    strncmp(e.path, "data/originals/", 15) == 0) {
			assert_int_equal(wbuf_puts(&b->paths, e.path), 0);
			assert_int_equal(wbuf_putc(&b->paths, '\n'), 0);
		}
		assert_int_equal(bag_reader_read(r, to, &err), WARTA_OK);
		wbuf_reset(&skip);
	}
	if (rc != 0)
		fail_msg("%s: %s", path, err.message);
	bag_reader_free(r);
	wbuf_release(&skip);
}

static void
bag_read_free(struct bag_read *b)
{
	wbuf_release(&b->paths);
	wbuf_release(&b->tsv);
	wbuf_release(&b->info);
}

/* Lines of catalog.tsv after its header. */
static int
tsv_items(const struct bag_read *b)
{
	int n = 0;
	size_t i;

	for (i = 0; i < b->tsv.len; i++)
		n += b->tsv.data[i] == '\n';
	return n - 1;
}

static void
test_items_in_path_order(void **state)
{
	struct fixture *f = *state;
	struct bag_pack_options o;
	struct bag_packer *p;
	struct told t;
	struct bag_read b;
	const struct bag_pack_counts *n;
	const char *later, *earlier, *undated;

	memset(&t, 0, sizeof(t));
	options(&o, f->out);
	assert_non_null(p = bag_packer_new(&o, NULL));
	assert_int_equal(add(p, item(1, 1, "", "Tanpa tanggal."), &t), 1);
	assert_int_equal(add(p, item(2, 1, "2021-08-10", "Kedua."), &t), 1);
	assert_int_equal(add(p, item(3, 1, "1987-02-01", "Ketiga."), &t), 1);
	assert_int_equal(t.problems, 0);
	sort_and_finish(p, &t);
	n = bag_packer_counts(p);
	assert_int_equal(n->read, 3);
	assert_int_equal(n->rejected, 0);
	assert_int_equal(n->duplicates, 0);
	assert_int_equal(n->planned, 1);
	assert_int_equal(n->written, 1);
	assert_int_equal(n->packed, 3);
	bag_packer_free(p);

	read_bag(f->out, &b);
	assert_int_equal(tsv_items(&b), 3);
	/* Each item with its original, dated ones by date, undated last. */
	earlier = strstr(b.paths.data, "data/items/1987/02/01/");
	later = strstr(b.paths.data, "data/items/2021/08/10/");
	undated = strstr(b.paths.data, "data/items/undated/");
	assert_non_null(earlier);
	assert_non_null(later);
	assert_non_null(undated);
	assert_true(earlier < later && later < undated);
	assert_non_null(strstr(b.paths.data, "data/originals/undated/"));
	assert_non_null(strstr(b.info.data, "Bag-Software-Agent: "
	    "test_bag_pack\n"));
	/* The organization of the first item, the date of the newest. */
	assert_non_null(strstr(b.info.data, "Source-Organization: "
	    "test.invalid\n"));
	assert_non_null(strstr(b.info.data, "Bagging-Date: 2023-11-11\n"));
	assert_null(strstr(b.info.data, "Bag-Count"));
	bag_read_free(&b);
}

static void
test_rejected_counted(void **state)
{
	struct fixture *f = *state;
	struct bag_pack_options o;
	struct bag_packer *p;
	struct told t;
	struct bag_read b;
	const struct bag_pack_counts *n;
	xmlDocPtr pkg;
	static const char package[] =
	    "<packageItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" "
	    "guid=\"urn:newsml:test.invalid:pkg\" version=\"1\"/>";

	memset(&t, 0, sizeof(t));
	options(&o, f->out);
	assert_non_null(p = bag_packer_new(&o, NULL));
	assert_int_equal(add(p, item(1, 1, "2021-08-10", "Baik."), &t), 1);
	pkg = xmlReadMemory(package, (int)sizeof(package) - 1, "p.xml", NULL,
	    XML_PARSE_NONET);
	assert_int_equal(add(p, pkg, &t), 0);
	assert_int_equal(t.problems, 1);
	assert_string_equal(t.last, "a packageItem, not a newsItem: a bundle "
	    "holds news items");
	sort_and_finish(p, &t);
	n = bag_packer_counts(p);
	assert_int_equal(n->read, 2);
	assert_int_equal(n->rejected, 1);
	assert_int_equal(n->packed, 1);
	bag_packer_free(p);
	read_bag(f->out, &b);
	assert_int_equal(tsv_items(&b), 1);
	assert_null(strstr(b.tsv.data, ":pkg"));
	bag_read_free(&b);
}

/* Packs guid 7 as version 1, then 3, then 2, with the policy; returns
 * the version in the bundle's catalog. */
static int
pack_versions(struct fixture *f, enum bag_duplicates how, struct told *t)
{
	struct bag_pack_options o;
	struct bag_packer *p;
	struct bag_read b;
	const char *line;
	int v;

	memset(t, 0, sizeof(*t));
	options(&o, f->out);
	o.duplicates = how;
	assert_non_null(p = bag_packer_new(&o, NULL));
	assert_int_equal(add(p, item(1, 1, "2021-08-10", "Lain."), t), 1);
	assert_int_equal(add(p, item(7, 1, "2021-08-11", "Versi."), t), 1);
	assert_int_equal(add(p, item(7, 3, "2021-08-11", "Versi."), t), 1);
	assert_int_equal(add(p, item(7, 2, "2021-08-11", "Versi."), t), 1);
	sort_and_finish(p, t);
	assert_int_equal(bag_packer_counts(p)->duplicates, 2);
	assert_int_equal(bag_packer_counts(p)->packed, 2);
	bag_packer_free(p);
	assert_int_equal(t->dups, 2);
	assert_string_equal(t->dup.guid, "urn:newsml:test.invalid:7");

	read_bag(f->out, &b);
	assert_int_equal(tsv_items(&b), 2);
	line = strstr(b.tsv.data, "urn:newsml:test.invalid:7\t");
	assert_non_null(line);
	v = atoi(line + strlen("urn:newsml:test.invalid:7\t"));
	bag_read_free(&b);
	assert_int_equal(unlink(f->out), 0);
	return v;
}

static void
test_duplicates_highest(void **state)
{
	struct told t;

	assert_int_equal(pack_versions(*state, BAG_DUP_HIGHEST, &t), 3);
	/* Told from the highest down: version 1, item 2, the last. */
	assert_int_equal(t.dup.kept_version, 3);
	assert_int_equal(t.dup.kept_item, 3);
	assert_int_equal(t.dup.left_version, 1);
	assert_int_equal(t.dup.left_item, 2);
}

static void
test_duplicates_first(void **state)
{
	struct told t;

	assert_int_equal(pack_versions(*state, BAG_DUP_FIRST, &t), 1);
	/* Told in the stream's order: version 2, item 4, the last. */
	assert_int_equal(t.dup.kept_version, 1);
	assert_int_equal(t.dup.kept_item, 2);
	assert_int_equal(t.dup.left_version, 2);
	assert_int_equal(t.dup.left_item, 4);
}

static void
test_duplicates_error(void **state)
{
	struct fixture *f = *state;
	struct bag_pack_options o;
	struct bag_packer *p;
	struct warta_error err;
	struct told t;

	memset(&t, 0, sizeof(t));
	options(&o, f->out);
	o.duplicates = BAG_DUP_ERROR;
	o.duplicates_told = 1;
	assert_non_null(p = bag_packer_new(&o, NULL));
	assert_int_equal(add(p, item(7, 1, "2021-08-11", "Versi."), &t), 1);
	assert_int_equal(add(p, item(7, 2, "2021-08-11", "Versi."), &t), 1);
	assert_int_equal(add(p, item(7, 1, "2021-08-11", "Versi."), &t), 1);
	warta_error_clear(&err);
	assert_int_equal(bag_packer_sort(p, on_duplicate, &t, &err), WARTA_OK);
	/* Two counted, one told. */
	assert_int_equal(bag_packer_counts(p)->duplicates, 2);
	assert_int_equal(t.dups, 1);
	assert_int_equal(bag_packer_finish(p, &err), WARTA_FAILED);
	assert_string_equal(err.message, "2 duplicates; nothing packed");
	assert_int_equal(bag_packer_counts(p)->written, 0);
	bag_packer_free(p);
	assert_int_equal(access(f->out, F_OK), -1);
}

static void
test_split_by_items(void **state)
{
	struct fixture *f = *state;
	struct bag_pack_options o;
	struct bag_packer *p;
	struct warta_error err;
	struct told t;
	struct bag_read b;
	char *path, want[160], count[32];
	int k, in_parts = 0;

	memset(&t, 0, sizeof(t));
	options(&o, f->out);
	o.max_items = 2;
	assert_non_null(p = bag_packer_new(&o, NULL));
	for (k = 1; k <= 5; k++) {
		char date[24], text[32];

		snprintf(date, sizeof(date), "2021-08-1%d", k);
		snprintf(text, sizeof(text), "Artikel %d.", k);
		assert_int_equal(add(p, item(k, 1, date, text), &t), 1);
	}
	warta_error_clear(&err);
	assert_int_equal(bag_packer_sort(p, on_duplicate, &t, &err), WARTA_OK);
	assert_int_equal(bag_packer_counts(p)->planned, 3);
	path = bag_packer_part_path(p, 2);
	snprintf(want, sizeof(want), "%s/b-0002.tar", f->dir);
	assert_string_equal(path, want);
	free(path);
	assert_int_equal(bag_packer_finish(p, &err), WARTA_OK);
	assert_int_equal(bag_packer_counts(p)->written, 3);
	assert_int_equal(bag_packer_counts(p)->packed, 5);
	bag_packer_free(p);
	/* Two, two and one, in date order, each knowing its place. */
	for (k = 1; k <= 3; k++) {
		snprintf(want, sizeof(want), "%s/b-%04d.tar", f->dir, k);
		read_bag(want, &b);
		assert_int_equal(tsv_items(&b), k < 3 ? 2 : 1);
		in_parts += tsv_items(&b);
		snprintf(count, sizeof(count), "Bag-Count: %d of 3\n", k);
		assert_non_null(strstr(b.info.data, count));
		assert_non_null(strstr(b.info.data,
		    "Bag-Group-Identifier: b\n"));
		snprintf(want, sizeof(want), "data/items/2021/08/1%d/",
		    2 * k - 1);
		assert_non_null(strstr(b.paths.data, want));
		bag_read_free(&b);
	}
	assert_int_equal(in_parts, 5);
	assert_int_equal(access(f->out, F_OK), -1);
}

/* Packs items 1..5 in the order given into path; the packer's date. */
static void
pack_in_order(const char *path, const int order[5])
{
	struct bag_pack_options o;
	struct bag_packer *p;
	struct told t;
	int i;

	memset(&t, 0, sizeof(t));
	options(&o, path);
	assert_non_null(p = bag_packer_new(&o, NULL));
	for (i = 0; i < 5; i++) {
		char date[16], text[32];

		snprintf(date, sizeof(date), "2021-0%d-01", order[i]);
		snprintf(text, sizeof(text), "Artikel %d.", order[i]);
		assert_int_equal(add(p, item(order[i], order[i], i == 2 ? "" :
		    date, text), &t), 1);
	}
	sort_and_finish(p, &t);
	bag_packer_free(p);
}

static void
test_same_bytes_in_another_order(void **state)
{
	struct fixture *f = *state;
	static const int up[5] = { 1, 2, 3, 4, 5 }, down[5] = { 5, 4, 3, 2, 1 };
	char a[160], b[160], cmd[400];

	/* One name (the bag's directory) in two directories. */
	snprintf(a, sizeof(a), "%s/a", f->dir);
	snprintf(b, sizeof(b), "%s/b", f->dir);
	assert_int_equal(mkdir(a, 0777), 0);
	assert_int_equal(mkdir(b, 0777), 0);
	strcat(a, "/x.tar");
	strcat(b, "/x.tar");
	pack_in_order(a, up);
	pack_in_order(b, down);
	snprintf(cmd, sizeof(cmd), "cmp -s '%s' '%s'", a, b);
	assert_int_equal(system(cmd), 0);
}

static struct bag *
hook_create(void *arg, const char *path, const char *name,
    const struct bag_options *o, struct warta_error *err)
{
	struct told *t = arg;
	struct bag *b = bag_create(path, name, o, err);

	if (b != NULL) {
		t->created++;
		/* Hidden, beside the bundle, while it is written. */
		assert_non_null(strstr(bag_temp_path(b), "/.b.tar."));
		assert_int_equal(access(bag_temp_path(b), F_OK), 0);
	}
	return b;
}

static void
hook_closed(void *arg)
{
	struct told *t = arg;

	t->closed++;
}

static void
test_hooks_and_date(void **state)
{
	struct fixture *f = *state;
	struct bag_pack_options o;
	struct bag_packer *p;
	struct told t;
	struct bag_read b;

	memset(&t, 0, sizeof(t));
	options(&o, f->out);
	o.organization = "Harian Maritim";
	o.hooks.create = hook_create;
	o.hooks.closed = hook_closed;
	o.hooks.arg = &t;
	assert_non_null(p = bag_packer_new(&o, NULL));
	assert_int_equal(add(p, item(1, 1, "2021-08-10", "Satu."), &t), 1);
	bag_packer_set_date(p, DATE);
	sort_and_finish(p, &t);
	bag_packer_free(p);
	assert_int_equal(t.created, 1);
	assert_int_equal(t.closed, 1);
	read_bag(f->out, &b);
	assert_non_null(strstr(b.info.data, "Source-Organization: Harian "
	    "Maritim\n"));
	assert_non_null(strstr(b.info.data, "Bagging-Date: 2023-11-14\n"));
	bag_read_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_items_in_path_order,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_rejected_counted,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_duplicates_highest,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_duplicates_first,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_duplicates_error,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_split_by_items,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_bytes_in_another_order,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_hooks_and_date,
		    setup, teardown),
	};
	int rc;

	rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
