/*
 * test_bagit_check.c: the check of a whole bag.  A tiny bag written with
 * bagit/write.h (the seed item, its original, the catalog) is valid, with
 * SHA-512 too; bags fed file by file are broken one way at a time, and
 * each problem comes with its exact text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <libxml/parser.h>

#include "bagit/catalog.h"
#include "newsml/original.h"
#include "bagit/check.h"
#include "bagit/write.h"
#include "base/digest.h"

/* What a check reported, one "WHERE: PROBLEM" line each. */
static char problems[16384];

/* Whether s starts with the literal lit. */
#define STARTS(s, lit) (strncmp((s), (lit), sizeof(lit) - 1) == 0)

static void
collect(void *arg, const char *where, const char *problem)
{
	size_t n = strlen(problems);

	(void)arg;
	snprintf(problems + n, sizeof(problems) - n, "%s: %s\n", where,
	    problem);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	assert_true((n = ftell(f)) > 0);
	rewind(f);
	assert_non_null(s = malloc((size_t)n + 1));
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return s;
}

/* The seed item, as normalize writes it; run.sh sets WARTA_TOP. */
static char *
seed(size_t *len)
{
	const char *top = getenv("WARTA_TOP");
	char path[1024];

	snprintf(path, sizeof(path), "%s/samples/semarang-maritim-purwanto.xml",
	    top != NULL && *top != '\0' ? top : ".");
	return slurp(path, len);
}

/* What a bag holds of the seed: the item, its original, the catalog. */
struct seed_bag {
	char *item;
	size_t item_len;
	struct wbuf original, tsv, xml;
	struct catalog_entry e;
};

static void
seed_bag(struct seed_bag *s)
{
	struct warta_error err;
	char recorded[65];
	xmlDocPtr doc;

	memset(s, 0, sizeof(*s));
	s->item = seed(&s->item_len);
	assert_non_null(doc = xmlReadMemory(s->item, (int)s->item_len,
	    "seed.xml", NULL, XML_PARSE_NONET));
	assert_int_equal(newsml_original(xmlDocGetRootElement(doc),
	    &s->original, recorded, &err), 1);
	assert_int_equal(catalog_entry_read(xmlDocGetRootElement(doc), 1,
	    &s->e, &err), WARTA_OK);
	/* As warta-pack does: the digest of the original it writes. */
	assert_int_equal(sha256_hex(s->original.data, s->original.len,
	    s->e.original_sha256), 0);
	xmlFreeDoc(doc);
	assert_int_equal(catalog_tsv_header(&s->tsv), 0);
	assert_int_equal(catalog_tsv_line(&s->tsv, &s->e), 0);
	assert_int_equal(catalog_xml_begin(&s->xml, "tag:test,2026:bag",
	    "warta.invalid", "2026-01-01T00:00:00Z"), 0);
	assert_int_equal(catalog_xml_ref(&s->xml, &s->e), 0);
	assert_int_equal(catalog_xml_end(&s->xml), 0);
}

static void
seed_bag_free(struct seed_bag *s)
{
	free(s->item);
	wbuf_release(&s->original);
	wbuf_release(&s->tsv);
	wbuf_release(&s->xml);
	catalog_entry_free(&s->e);
}

static char dir[64];

static int
make_dir(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/bagcheck.XXXXXX");
	return mkdtemp(dir) != NULL ? 0 : -1;
}

static int
remove_dir(void **state)
{
	(void)state;
	return rmdir(dir);
}

/* The seed's bag, written as warta-pack writes one, into path. */
static void
write_seed_bag(const char *path, enum bag_format f, int sha512)
{
	static const struct bag_info info[] = {
		{ "Source-Organization", "warta.invalid" },
	};
	struct bag_options o = { .format = f, .level = -1,
	    .sha512 = sha512, .mtime = 0, .mode = 0644 };
	struct warta_error err;
	struct seed_bag s;
	struct bag *b;

	seed_bag(&s);
	assert_non_null(b = bag_create(path, "tiny", &o, &err));
	assert_int_equal(bag_add(b, s.e.item_path, s.item, s.item_len, &err),
	    WARTA_OK);
	assert_int_equal(bag_add(b, s.e.original_path, s.original.data,
	    s.original.len, &err), WARTA_OK);
	assert_int_equal(bag_add(b, "catalog.xml", s.xml.data, s.xml.len,
	    &err), WARTA_OK);
	assert_int_equal(bag_add(b, "catalog.tsv", s.tsv.data, s.tsv.len,
	    &err), WARTA_OK);
	assert_int_equal(bag_finish(b, info, 1, &err), WARTA_OK);
	seed_bag_free(&s);
}

static void
check_bundle(const char *path, enum sniff_kind kind, size_t items,
    size_t files)
{
	struct item_check ic = { NULL, NULL };
	struct bag_limits limits;
	struct warta_error err;
	struct bag_check *c;

	problems[0] = '\0';
	bag_limits_default(&limits);
	assert_non_null(c = bag_check_new(&ic, collect, NULL));
	assert_int_equal(bag_check_bundle(c, path, kind, &limits, &err),
	    WARTA_OK);
	assert_int_equal(bag_check_items(c), items);
	assert_int_equal(bag_check_files(c), files);
	bag_check_free(c);
}

static void
test_written_bag_is_valid(void **state)
{
	char path[128];

	(void)state;
	snprintf(path, sizeof(path), "%s/tiny.tar", dir);
	write_seed_bag(path, BAG_TAR, 0);
	/* bagit.txt, 4 payload files, manifest, bag-info, tag manifest. */
	check_bundle(path, SNIFF_TAR, 1, 8);
	assert_string_equal(problems, "");
	unlink(path);

	snprintf(path, sizeof(path), "%s/tiny.zip", dir);
	write_seed_bag(path, BAG_ZIP, 1);
	check_bundle(path, SNIFF_ZIP, 1, 10);
	assert_string_equal(problems, "");
	unlink(path);
}

static void
test_not_a_bundle(void **state)
{
	struct item_check ic = { NULL, NULL };
	struct bag_limits limits;
	struct warta_error err;
	struct bag_check *c;
	char path[128];
	FILE *fp;

	(void)state;
	snprintf(path, sizeof(path), "%s/text", dir);
	assert_non_null(fp = fopen(path, "w"));
	fputs("plain words, no archive\n", fp);
	fclose(fp);
	bag_limits_default(&limits);
	problems[0] = '\0';
	/* Not an archive by its bytes: it could not be checked. */
	assert_non_null(c = bag_check_new(&ic, collect, NULL));
	assert_int_equal(bag_check_bundle(c, path, SNIFF_UNKNOWN, &limits,
	    &err), WARTA_FAILED);
	assert_true(strlen(err.message) > 0);
	assert_string_equal(problems, "");
	bag_check_free(c);
	/* An archive by its bytes that cannot be read: damaged. */
	assert_non_null(c = bag_check_new(&ic, collect, NULL));
	assert_int_equal(bag_check_bundle(c, path, SNIFF_GZIP, &limits,
	    &err), WARTA_OK);
	assert_true(STARTS(problems, ": the archive cannot be read: "));
	bag_check_free(c);
	unlink(path);
	bag_check_free(NULL);
}

/*
 * Bags fed file by file: bagit.txt, the payload, the manifest made of
 * the payload, bag-info.txt with the Payload-Oxum of the payload.
 */
struct fed {
	const char *path;
	const char *data;
};

static const char bagit[] =
    "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

/* The manifest line of a payload file, as a writer makes it. */
static void
manifest_of(struct wbuf *m, const char *path, const char *data)
{
	char hex[65];

	assert_int_equal(sha256_hex(data, strlen(data), hex), 0);
	assert_int_equal(wbuf_puts(m, hex), WARTA_OK);
	assert_int_equal(wbuf_puts(m, "  "), WARTA_OK);
	assert_int_equal(wbuf_puts(m, path), WARTA_OK);
	assert_int_equal(wbuf_putc(m, '\n'), WARTA_OK);
}

static void
feed(struct bag_check *c, const char *path, const char *data)
{
	bag_check_file(c, path, data, strlen(data));
}

/* Checks bagit.txt, the files, the manifest given, and bag-info. */
static void
check_fed(const struct fed *files, size_t n, const char *manifest,
    const char *info)
{
	struct item_check ic = { NULL, NULL };
	struct bag_check *c;
	size_t i;

	problems[0] = '\0';
	assert_non_null(c = bag_check_new(&ic, collect, NULL));
	feed(c, "bagit.txt", bagit);
	for (i = 0; i < n; i++)
		feed(c, files[i].path, files[i].data);
	if (manifest != NULL)
		feed(c, "manifest-sha256.txt", manifest);
	feed(c, "bag-info.txt", info);
	assert_false(bag_check_wants_sha512(c));
	bag_check_end(c);
	bag_check_free(c);
}

static void
test_fed_valid(void **state)
{
	static const struct fed files[] = {
		{ "data/a.txt", "alpha\n" },
		{ "data/50%.txt", "fifty\n" },
		{ "data/sub/b.txt", "" },
	};
	struct wbuf m = WBUF_INIT;

	(void)state;
	manifest_of(&m, "data/a.txt", "alpha\n");
	manifest_of(&m, "data/50%25.txt", "fifty\n");	/* encoded */
	manifest_of(&m, "data/sub/b.txt", "");
	check_fed(files, 3, m.data, "Payload-Oxum: 12.3\n");
	assert_string_equal(problems, "");
	wbuf_release(&m);
}

static void
test_fed_broken(void **state)
{
	static const struct fed files[] = {
		{ "data/a.txt", "alpha, changed\n" },
		{ "data/unlisted.txt", "x" },
		{ "data/a.txt", "again" },
	};
	struct wbuf m = WBUF_INIT;

	(void)state;
	manifest_of(&m, "data/a.txt", "alpha\n");
	manifest_of(&m, "data/gone.txt", "gone\n");
	wbuf_puts(&m, "not a line\n");
	check_fed(files, 3, m.data, "Payload-Oxum: 6.1\n");
	assert_string_equal(problems,
	    "manifest-sha256.txt: line 3: not \"DIGEST PATH\"\n"
	    "data/a.txt: twice in the archive\n"
	    /* One of the two is compared, the other is not listed. */
	    "data/a.txt: SHA-256 differs from manifest-sha256.txt (line 1): "
	    "the file was changed\n"
	    "data/gone.txt: listed in manifest-sha256.txt (line 2), not in "
	    "the bag\n"
	    "data/a.txt: in the bag, not in the manifest\n"
	    "data/unlisted.txt: in the bag, not in the manifest\n"
	    "bag-info.txt: Payload-Oxum is 6.1, the payload is 21.3 "
	    "(octets.files)\n");
	wbuf_release(&m);
}

static void
test_fed_changed_and_missing(void **state)
{
	static const struct fed files[] = {
		{ "data/a.txt", "alpha, changed\n" },
	};
	struct wbuf m = WBUF_INIT;
	struct item_check ic = { NULL, NULL };
	struct bag_check *c;

	(void)state;
	manifest_of(&m, "data/a.txt", "alpha\n");
	check_fed(files, 1, m.data, "Payload-Oxum: 15.1\n");
	assert_string_equal(problems,
	    "data/a.txt: SHA-256 differs from manifest-sha256.txt (line 1): "
	    "the file was changed\n");
	/* No manifest, no Payload-Oxum. */
	check_fed(files, 1, NULL, "Bagging-Date: 2026-01-01\n");
	assert_string_equal(problems,
	    "manifest-sha256.txt: missing: no payload manifest\n"
	    "data/a.txt: in the bag, not in the manifest\n"
	    "bag-info.txt: no Payload-Oxum\n");
	/* Nothing at all: no bagit.txt either. */
	problems[0] = '\0';
	assert_non_null(c = bag_check_new(&ic, collect, NULL));
	feed(c, "bagit.txt", "BagIt-Version 1.0\n");
	bag_check_end(c);
	bag_check_free(c);
	assert_string_equal(problems,
	    "bagit.txt: not \"BagIt-Version: M.N\" and "
	    "\"Tag-File-Character-Encoding: ...\"\n"
	    "manifest-sha256.txt: missing: no payload manifest\n"
	    "bag-info.txt: no Payload-Oxum\n");
	problems[0] = '\0';
	assert_non_null(c = bag_check_new(&ic, collect, NULL));
	bag_check_end(c);
	bag_check_free(c);
	assert_string_equal(problems, "bagit.txt: missing\n"
	    "manifest-sha256.txt: missing: no payload manifest\n"
	    "bag-info.txt: no Payload-Oxum\n");
	wbuf_release(&m);
}

static void
test_fed_sha512(void **state)
{
	static const char *zero = "cf83e1357eefb8bdf1542850d66d8007"
	    "d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f"
	    "63b931bd47417a81a538327af927da3e";
	struct item_check ic = { NULL, NULL };
	struct bag_check *c;
	char line[256];

	(void)state;
	problems[0] = '\0';
	snprintf(line, sizeof(line), "%s  data/empty\n", zero);
	assert_non_null(c = bag_check_new(&ic, collect, NULL));
	feed(c, "bagit.txt", bagit);
	feed(c, "data/empty", "");
	feed(c, "data/other", "o");
	feed(c, "manifest-sha512.txt", line);
	feed(c, "bag-info.txt", "Payload-Oxum: 1.2\n");
	assert_true(bag_check_wants_sha512(c));
	/* The second pass: data/other's digest is not the one listed. */
	bag_check_sha512(c, "data/empty", "", 0);
	bag_check_sha512(c, "data/other", "o", 1);
	bag_check_end(c);
	bag_check_free(c);
	assert_string_equal(problems,
	    "data/other: in the bag, not in the manifest\n");
}

/* A payload file fed, with its manifest line and its share of the
 * Payload-Oxum. */
static void
feed_payload(struct bag_check *c, struct wbuf *m, unsigned long long *oxum,
    const char *rel, const void *p, size_t len)
{
	char path[128], hex[65];

	snprintf(path, sizeof(path), "data/%s", rel);
	bag_check_file(c, path, p, len);
	assert_int_equal(sha256_hex(p, len, hex), 0);
	assert_int_equal(wbuf_puts(m, hex), WARTA_OK);
	assert_int_equal(wbuf_puts(m, "  "), WARTA_OK);
	assert_int_equal(wbuf_puts(m, path), WARTA_OK);
	assert_int_equal(wbuf_putc(m, '\n'), WARTA_OK);
	oxum[0] += len;
	oxum[1]++;
}

/* The seed's bag fed, its catalog given (NULL: as it should be). */
static void
check_seed_catalog(const char *tsv, const char *xml, int with_original)
{
	struct item_check ic = { NULL, NULL };
	struct wbuf m = WBUF_INIT;
	unsigned long long oxum[2] = { 0, 0 };
	struct bag_check *c;
	struct seed_bag s;
	char info[64];

	seed_bag(&s);
	problems[0] = '\0';
	assert_non_null(c = bag_check_new(&ic, collect, NULL));
	feed(c, "bagit.txt", bagit);
	feed_payload(c, &m, oxum, s.e.item_path, s.item, s.item_len);
	if (with_original)
		feed_payload(c, &m, oxum, s.e.original_path, s.original.data,
		    s.original.len);
	tsv = tsv != NULL ? tsv : s.tsv.data;
	xml = xml != NULL ? xml : s.xml.data;
	feed_payload(c, &m, oxum, "catalog.tsv", tsv, strlen(tsv));
	feed_payload(c, &m, oxum, "catalog.xml", xml, strlen(xml));
	feed(c, "manifest-sha256.txt", m.data);
	snprintf(info, sizeof(info), "Payload-Oxum: %llu.%llu\n", oxum[0],
	    oxum[1]);
	feed(c, "bag-info.txt", info);
	bag_check_end(c);
	assert_int_equal(bag_check_items(c), 1);
	bag_check_free(c);
	seed_bag_free(&s);
	wbuf_release(&m);
}

static void
test_catalog_against_items(void **state)
{
	struct seed_bag s;
	char tsv[2048], *v;

	(void)state;
	check_seed_catalog(NULL, NULL, 1);
	assert_string_equal(problems, "");

	/* The original it names is not in the bag. */
	check_seed_catalog(NULL, NULL, 0);
	assert_true(strstr(problems, "data/catalog.tsv: line 2: originals/")
	    != NULL);
	assert_true(strstr(problems, ": no such original in the bag\n") !=
	    NULL);

	/* A version that lies, a line cut short, a line for nothing. */
	seed_bag(&s);
	snprintf(tsv, sizeof(tsv), "%s", s.tsv.data);
	assert_non_null(v = strstr(tsv, "\t1\t"));
	v[1] = '7';
	strcat(tsv, "only\ttwo\n");
	strcat(tsv, "g\t1\t\t\t\t\t0\t\titems/none.xml\t\t\n");
	check_seed_catalog(tsv, "<packageItem xmlns=\"http://iptc.org/std/"
	    "nar/2006-10-01/\"/>", 1);
	assert_true(strstr(problems, "data/catalog.tsv: line 2: "
	    "version 7, but data/items/") != NULL);
	assert_true(strstr(problems,
	    "data/catalog.tsv: line 3: 2 fields, not 11\n"
	    "data/catalog.tsv: line 4: items/none.xml: no such item in the "
	    "bag\n"
	    "data/catalog.tsv: lists 2 items, the bag holds 1\n"
	    "data/catalog.xml: no itemRef for data/items/") != NULL);
	assert_true(strstr(problems,
	    "data/catalog.xml: 0 itemRefs, the bag holds 1 items\n") != NULL);
	seed_bag_free(&s);

	/* A catalog.xml that is not XML is reported once, as that. */
	check_seed_catalog(NULL, "<packageItem", 1);
	assert_true(STARTS(problems, "data/catalog.xml: not "
	    "well-formed XML (line 1): "));
	assert_true(strstr(problems, "data/catalog.xml: could not "
	    "be compared with the items\n") != NULL);
}

static void
test_item_files(void **state)
{
	struct item_check ic = { NULL, NULL };
	struct bag_check *c;

	(void)state;
	problems[0] = '\0';
	assert_non_null(c = bag_check_new(&ic, collect, NULL));
	feed(c, "data/items/empty.xml", "");
	feed(c, "data/items/text.xml", "plain text");
	bag_check_end(c);
	/* Not an item, but an item file of the bag, for the catalog. */
	assert_int_equal(bag_check_items(c), 1);
	bag_check_free(c);
	assert_true(STARTS(problems, "data/items/empty.xml: empty, not an "
	    "item\ndata/items/text.xml: "));
	assert_true(strstr(problems, "data/catalog.tsv: missing\n"
	    "data/catalog.xml: missing\n") != NULL);
}

static void
test_stream(void **state)
{
	static const char zone[] = "20Z</versionCreated>";
	struct item_check ic = { NULL, NULL };
	size_t len, n;
	char *item = seed(&len), *two, *at;
	FILE *fp;

	(void)state;
	problems[0] = '\0';
	assert_non_null(fp = fmemopen(item, len, "rb"));
	assert_int_equal(bag_check_stream(&ic, fp, "seed.xml", collect, NULL),
	    0);
	fclose(fp);
	assert_string_equal(problems, "");
	/* Two items back to back, the second without its time zone. */
	assert_non_null(two = malloc(2 * len + 1));
	memcpy(two, item, len);
	memcpy(two + len, item, len);
	two[2 * len] = '\0';
	assert_non_null(at = strstr(two + len, zone));
	memmove(at + 2, at + 3, strlen(at + 3) + 1);
	n = strlen(two);
	assert_non_null(fp = fmemopen(two, n, "rb"));
	assert_int_equal(bag_check_stream(&ic, fp, "two.xml", collect, NULL),
	    0);
	fclose(fp);
	assert_true(STARTS(problems, "item 2 urn:newsml:warta.invalid:"
	    "20210810:0fb56732ef35c24e: "));
	assert_non_null(strstr(problems, "has no time zone"));
	free(two);
	free(item);
}

/* The report of a check of the bundle at path on threads threads, with
 * the counts, into out. */
static void
report_on_threads(const char *path, unsigned threads, char *out, size_t size)
{
	struct item_check ic = { NULL, NULL };
	struct bag_limits limits;
	struct warta_error err;
	struct bag_check *c;

	problems[0] = '\0';
	bag_limits_default(&limits);
	assert_non_null(c = bag_check_new(&ic, collect, NULL));
	bag_check_set_threads(c, threads);
	assert_int_equal(bag_check_bundle(c, path, SNIFF_TAR, &limits, &err),
	    WARTA_OK);
	snprintf(out, size, "%s%zu items, %zu files\n", problems,
	    bag_check_items(c), bag_check_files(c));
	bag_check_free(c);
}

/*
 * A bag of many item files, good and bad (cut short, two items in one,
 * paths longer than a record's key holds whole), none in the catalog:
 * the report, every line in its order, is the same on 1, 2 and 8 threads,
 * with a SHA-512 manifest (a second pass) too.
 */
static void
test_threads_same_report(void **state)
{
	static const struct bag_info info[] = {
		{ "Source-Organization", "warta.invalid" },
	};
	static char one[16384], two[16384], eight[16384];
	struct warta_error err;
	struct seed_bag s;
	struct wbuf twice = WBUF_INIT;
	char path[128], name[400], longname[300];
	struct bag *b;
	int sha512, i;

	(void)state;
	snprintf(path, sizeof(path), "%s/many.tar", dir);
	memset(longname, 'a', 250);
	longname[250] = '\0';
	for (sha512 = 0; sha512 < 2; sha512++) {
		struct bag_options o = { .format = BAG_TAR, .level = -1,
		    .sha512 = sha512, .mtime = 0, .mode = 0644 };

		seed_bag(&s);
		assert_int_equal(wbuf_append(&twice, s.item, s.item_len), 0);
		assert_int_equal(wbuf_append(&twice, s.item, s.item_len), 0);
		assert_non_null(b = bag_create(path, "many", &o, &err));
		for (i = 0; i < 24; i++) {
			const char *p = s.item;
			size_t n = s.item_len;

			switch (i % 4) {
			case 0:
				snprintf(name, sizeof(name),
				    "items/2021/08/10/copy%02d.xml", i);
				break;
			case 1:
				snprintf(name, sizeof(name),
				    "items/2021/08/10/cut%02d.xml", i);
				n /= 2;
				break;
			case 2:
				snprintf(name, sizeof(name),
				    "items/2021/08/10/twice%02d.xml", i);
				p = twice.data;
				n = twice.len;
				break;
			default:
				/* Sharing their first 250 bytes. */
				snprintf(name, sizeof(name), "items/%s%02d.xml",
				    longname, 23 - i);
				break;
			}
			assert_int_equal(bag_add(b, name, p, n, &err),
			    WARTA_OK);
		}
		assert_int_equal(bag_add(b, s.e.original_path,
		    s.original.data, s.original.len, &err), WARTA_OK);
		assert_int_equal(bag_add(b, "catalog.xml", s.xml.data,
		    s.xml.len, &err), WARTA_OK);
		assert_int_equal(bag_add(b, "catalog.tsv", s.tsv.data,
		    s.tsv.len, &err), WARTA_OK);
		assert_int_equal(bag_finish(b, info, 1, &err), WARTA_OK);
		seed_bag_free(&s);
		wbuf_release(&twice);

		report_on_threads(path, 1, one, sizeof(one));
		report_on_threads(path, 2, two, sizeof(two));
		report_on_threads(path, 8, eight, sizeof(eight));
		assert_string_equal(two, one);
		assert_string_equal(eight, one);
		/* Every kind of problem is in it, the long paths whole. */
		assert_non_null(strstr(one, "cut01.xml: not well-formed"));
		assert_non_null(strstr(one, "twice02.xml: urn:newsml:"
		    "warta.invalid:20210810:0fb56732ef35c24e: a second item "
		    "in one file"));
		snprintf(name, sizeof(name), "data/catalog.tsv: no line for "
		    "data/items/%s20.xml\n", longname);
		assert_non_null(strstr(one, name));
		snprintf(name, sizeof(name), "data/catalog.xml: no itemRef for "
		    "data/items/%s00.xml\n", longname);
		assert_non_null(strstr(one, name));
		assert_non_null(strstr(one, "24 items, "));
		unlink(path);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_written_bag_is_valid),
		cmocka_unit_test(test_not_a_bundle),
		cmocka_unit_test(test_fed_valid),
		cmocka_unit_test(test_fed_broken),
		cmocka_unit_test(test_fed_changed_and_missing),
		cmocka_unit_test(test_fed_sha512),
		cmocka_unit_test(test_catalog_against_items),
		cmocka_unit_test(test_item_files),
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_threads_same_report),
	};

	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
