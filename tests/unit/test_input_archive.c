/*
 * test_input_archive.c: zip and tar deliveries (input/archive.c), made
 * here with libarchive: detection, every regular file an article named
 * "delivery.tar/texts/a.txt", directories, hidden files and __MACOSX/
 * passed over and counted, hostile entries refused one by one with the
 * reading going on, bombs and bounds stopping the reading, archives in
 * archives (as deep as LIMIT_ARCHIVE_DEPTH), a lone compressed file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <cmocka.h>

#include <archive.h>
#include <archive_entry.h>

#include "base/buf.h"
#include "input/format.h"
#include "input/input.h"

/* One entry of an archive to make: a file unless type says. */
struct ent {
	const char *path;
	const char *data;	/* NULL: zeros, size bytes */
	size_t size;		/* for data == NULL */
	unsigned type;		/* 0: AE_IFREG */
	const char *link;	/* a symbolic link's target */
	const char *hardlink;
};

enum kind { TAR, TGZ, ZIP };

/* The n entries as an archive of kind, in a new temporary file whose
 * path is copied into path. */
static void
make(char *path, enum kind kind, const struct ent *ents, size_t n)
{
	struct archive *a;
	struct archive_entry *e;
	static char zeros[65536];
	size_t i, len, done;
	int fd;

	snprintf(path, 64, "/tmp/archive.XXXXXX");
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	assert_non_null(a = archive_write_new());
	if (kind == ZIP)
		assert_int_equal(archive_write_set_format_zip(a), ARCHIVE_OK);
	else
		assert_int_equal(archive_write_set_format_pax_restricted(a),
		    ARCHIVE_OK);
	if (kind == TGZ) {
		assert_int_equal(archive_write_add_filter_gzip(a),
		    ARCHIVE_OK);
		assert_int_equal(archive_write_set_filter_option(a, "gzip",
		    "compression-level", "9"), ARCHIVE_OK);
	}
	assert_int_equal(archive_write_open_filename(a, path), ARCHIVE_OK);
	for (i = 0; i < n; i++) {
		len = ents[i].data != NULL ? strlen(ents[i].data) :
		    ents[i].size;
		if (ents[i].type != 0 && ents[i].type != AE_IFREG)
			len = 0;
		assert_non_null(e = archive_entry_new());
		archive_entry_set_pathname(e, ents[i].path);
		archive_entry_set_filetype(e, ents[i].type != 0 ?
		    ents[i].type : AE_IFREG);
		archive_entry_set_perm(e, 0644);
		if (ents[i].link != NULL)
			archive_entry_set_symlink(e, ents[i].link);
		if (ents[i].hardlink != NULL)
			archive_entry_set_hardlink(e, ents[i].hardlink);
		archive_entry_set_size(e, (la_int64_t)len);
		assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
		if (ents[i].data != NULL && len > 0)
			assert_int_equal(archive_write_data(a, ents[i].data,
			    len), (la_ssize_t)len);
		for (done = 0; ents[i].data == NULL && done < len; ) {
			size_t k = len - done < sizeof(zeros) ? len - done :
			    sizeof(zeros);

			assert_int_equal(archive_write_data(a, zeros, k),
			    (la_ssize_t)k);
			done += k;
		}
		archive_entry_free(e);
	}
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
}

/* The whole of path, into b. */
static void
slurp(const char *path, struct wbuf *b)
{
	char buf[4096];
	ssize_t got;
	int fd;

	assert_true((fd = open(path, O_RDONLY)) >= 0);
	while ((got = read(fd, buf, sizeof(buf))) > 0)
		assert_int_equal(wbuf_append(b, buf, (size_t)got), WARTA_OK);
	close(fd);
}

/*
 * Reads path as name (its base name the item's) with kind and limits
 * (NULL: the defaults) into out: a line an article, "ITEM file_name|where|
 * original", "ERR1 message" or "ERR2 message", and "skipped N" at the end.
 */
static void
read_all(const char *path, const char *name, enum input_kind kind,
    const struct input_limits *limits, char *out, size_t size)
{
	struct input_limits def;
	struct warta_error err;
	struct input_reader *r;
	struct input_article a;
	size_t n;
	int fd, rc;

	input_limits_default(&def);
	out[0] = '\0';
	assert_true((fd = open(path, O_RDONLY)) >= 0);
	warta_error_clear(&err);
	if ((r = input_open(fd, name, name, kind, limits != NULL ? limits :
	    &def, &err)) == NULL) {
		snprintf(out, size, "OPEN %s\n", err.message);
		close(fd);
		return;
	}
	while ((rc = input_next(r, &a, &err)) != 0) {
		n = strlen(out);
		if (rc < 0) {
			snprintf(out + n, size - n, "ERR%d %s\n", -rc,
			    err.message);
			if (rc < -1)
				break;
			continue;
		}
		snprintf(out + n, size - n, "ITEM %s|%s|%.*s\n",
		    a.file_name != NULL ? a.file_name : "-", a.where,
		    (int)(a.original_len > 30 ? 30 : a.original_len),
		    (const char *)a.original);
	}
	n = strlen(out);
	snprintf(out + n, size - n, "skipped %lu\n", input_skipped(r));
	input_close(r);
	close(fd);
}

static const struct ent delivery[] = {
	{ "texts/", NULL, 0, AE_IFDIR, NULL, NULL },
	{ "texts/a.txt", "Alpha text.\n", 0, 0, NULL, NULL },
	{ "texts/sub/", NULL, 0, AE_IFDIR, NULL, NULL },
	{ "./texts//sub/b.txt", "Beta text.\n", 0, 0, NULL, NULL },
	{ "texts/.DS_Store", "junk", 0, 0, NULL, NULL },
	{ "texts/.hidden/c.txt", "hidden", 0, 0, NULL, NULL },
	{ "__MACOSX/texts/._a.txt", "junk", 0, 0, NULL, NULL },
	{ "page.html", "<html><body><p>A page.</p></body></html>\n", 0, 0,
	    NULL, NULL },
	{ "empty.txt", "", 0, 0, NULL, NULL },
};

static void
test_detect(void **state)
{
	unsigned char tar[1024];
	char path[64];
	struct wbuf b = WBUF_INIT;

	(void)state;
	memset(tar, 0, sizeof(tar));
	memcpy(tar + 257, "ustar", 5);
	assert_int_equal(input_archive.detect(tar, sizeof(tar), "x"), 90);
	assert_int_equal(input_archive.detect((const unsigned char *)
	    "PK\3\4rest", 8, "x"), 90);
	assert_int_equal(input_archive.detect((const unsigned char *)
	    "PK\5\6", 4, "empty"), 90);
	/* by name alone: a damaged delivery is still one */
	assert_int_equal(input_archive.detect((const unsigned char *)
	    "hello", 5, "d/Delivery.ZIP"), 50);
	assert_int_equal(input_archive.detect((const unsigned char *)
	    "hello", 5, "x.tar.zst"), 50);
	assert_int_equal(input_archive.detect((const unsigned char *)
	    "hello", 5, "x.txt"), 0);
	/* "BZh9" alone is text */
	assert_int_equal(input_archive.detect((const unsigned char *)
	    "BZh9 is a word", 14, "x.txt"), 0);
	make(path, TGZ, delivery, 2);
	slurp(path, &b);
	assert_int_equal(input_archive.detect((const unsigned char *)b.data,
	    b.len, "<stdin>"), 80);
	unlink(path);
	wbuf_release(&b);
}

/* Every regular file an article; directories and junk counted. */
static void
test_delivery(void **state)
{
	static const char *const names[] = { "d.tar", "d.tar.gz", "d.zip" };
	static const char want_fmt[] =
	    "ITEM %s/texts/a.txt|%s: texts/a.txt|Alpha text.\n\n"
	    "ITEM %s/texts/sub/b.txt|%s: texts/sub/b.txt|Beta text.\n\n"
	    "ITEM %s/page.html|%s: page.html|<html><body><p>A page.</p></bo\n"
	    "ITEM %s/empty.txt|%s: empty.txt|\n"
	    "skipped 5\n";
	char path[64], out[4096], want[4096];
	int k;

	(void)state;
	for (k = TAR; k <= ZIP; k++) {
		make(path, (enum kind)k, delivery, sizeof(delivery) /
		    sizeof(delivery[0]));
		read_all(path, names[k], INPUT_AUTO, NULL, out, sizeof(out));
		snprintf(want, sizeof(want), want_fmt, names[k], names[k],
		    names[k], names[k], names[k], names[k], names[k],
		    names[k]);
		assert_string_equal(out, want);
		/* forced, the same */
		read_all(path, names[k], INPUT_ARCHIVE, NULL, out,
		    sizeof(out));
		assert_string_equal(out, want);
		unlink(path);
	}
}

/* Links, devices, FIFOs, absolute and ".." paths: each refused, named,
 * and the reading goes on. */
static void
test_hostile(void **state)
{
	static const struct ent tar[] = {
		{ "ok/first.txt", "First.\n", 0, 0, NULL, NULL },
		{ "../evil.txt", "x", 0, 0, NULL, NULL },
		{ "ok/../../evil.txt", "x", 0, 0, NULL, NULL },
		{ "/etc/evil", "x", 0, 0, NULL, NULL },
		{ "ok/link", NULL, 0, AE_IFLNK, "/etc/passwd", NULL },
		{ "ok/hard", NULL, 0, 0, NULL, "ok/first.txt" },
		{ "ok/fifo", NULL, 0, AE_IFIFO, NULL, NULL },
		{ "ok/dev", NULL, 0, AE_IFCHR, NULL, NULL },
		{ "ok/last.txt", "Last.\n", 0, 0, NULL, NULL },
	};
	static const struct ent zip[] = {
		{ "ok/first.txt", "First.\n", 0, 0, NULL, NULL },
		{ "ok/link", NULL, 0, AE_IFLNK, "/etc/passwd", NULL },
		{ "../evil.txt", "x", 0, 0, NULL, NULL },
		{ "ok/last.txt", "Last.\n", 0, 0, NULL, NULL },
	};
	char path[64], out[4096];

	(void)state;
	make(path, TAR, tar, sizeof(tar) / sizeof(tar[0]));
	read_all(path, "evil.tar", INPUT_AUTO, NULL, out, sizeof(out));
	assert_string_equal(out,
	    "ITEM evil.tar/ok/first.txt|evil.tar: ok/first.txt|First.\n\n"
	    "ERR1 ../evil.txt: a path with a '..' component refused\n"
	    "ERR1 ok/../../evil.txt: a path with a '..' component refused\n"
	    "ERR1 /etc/evil: an absolute path refused\n"
	    "ERR1 ok/link: a symbolic link refused\n"
	    "ERR1 ok/hard: a hard link refused\n"
	    "ERR1 ok/fifo: a FIFO refused\n"
	    "ERR1 ok/dev: a device refused\n"
	    "ITEM evil.tar/ok/last.txt|evil.tar: ok/last.txt|Last.\n\n"
	    "skipped 0\n");
	unlink(path);
	/* A zip says an entry is a link in its central directory only. */
	make(path, ZIP, zip, sizeof(zip) / sizeof(zip[0]));
	read_all(path, "evil.zip", INPUT_AUTO, NULL, out, sizeof(out));
	assert_string_equal(out,
	    "ITEM evil.zip/ok/first.txt|evil.zip: ok/first.txt|First.\n\n"
	    "ERR1 ok/link: a symbolic link refused\n"
	    "ERR1 ../evil.txt: a path with a '..' component refused\n"
	    "ITEM evil.zip/ok/last.txt|evil.zip: ok/last.txt|Last.\n\n"
	    "skipped 0\n");
	unlink(path);
}

/* 40 MB of zeros: the ratio stops it, in a tar.gz and in a zip. */
static void
test_bombs(void **state)
{
	static const struct ent bomb[] = {
		{ "a.txt", "Before.\n", 0, 0, NULL, NULL },
		{ "zeros.txt", NULL, 40u << 20, 0, NULL, NULL },
		{ "z.txt", "After.\n", 0, 0, NULL, NULL },
	};
	struct input_limits l;
	char path[64], out[4096];
	int k;

	(void)state;
	input_limits_default(&l);
	l.max_record = 64u << 20;
	for (k = TGZ; k <= ZIP; k++) {
		make(path, (enum kind)k, bomb, 3);
		read_all(path, "bomb", INPUT_ARCHIVE, &l, out, sizeof(out));
		assert_non_null(strstr(out, "ITEM bomb/a.txt|"));
		assert_non_null(strstr(out, "\nERR2 zeros.txt: "));
		assert_non_null(strstr(out, "a ratio over 1000: a "
		    "decompression bomb?\n"));
		assert_null(strstr(out, "z.txt"));
		/* With the record's bound the lower, that refuses the entry
		 * before its bytes are read; passing over it in a tar.gz
		 * still inflates it, and the ratio stops that.  A zip's
		 * entries are passed over unread. */
		read_all(path, "bomb", INPUT_ARCHIVE, NULL, out, sizeof(out));
		assert_non_null(strstr(out, "ITEM bomb/a.txt|bomb: a.txt|"
		    "Before.\n\nERR1 zeros.txt: 41943040 bytes, larger than "
		    "the size bound of 16777216 bytes (see --max-size)\n"));
		if (k == ZIP)
			assert_non_null(strstr(out, "(see --max-size)\n"
			    "ITEM bomb/z.txt|bomb: z.txt|After.\n\n"
			    "skipped 0\n"));
		else
			assert_non_null(strstr(out, "(see --max-size)\n"
			    "ERR2 ") != NULL && strstr(out, "a ratio over "
			    "1000: a decompression bomb?\nskipped 0\n"));
		unlink(path);
	}
}

static void
test_bounds(void **state)
{
	struct input_limits l;
	char path[64], out[4096];

	(void)state;
	make(path, TAR, delivery, sizeof(delivery) / sizeof(delivery[0]));
	input_limits_default(&l);
	l.max_entries = 2;
	read_all(path, "d.tar", INPUT_AUTO, &l, out, sizeof(out));
	assert_string_equal(out,
	    "ITEM d.tar/texts/a.txt|d.tar: texts/a.txt|Alpha text.\n\n"
	    "ERR2 more than 2 entries\nskipped 1\n");
	input_limits_default(&l);
	l.max_bytes = 15;
	read_all(path, "d.tar", INPUT_AUTO, &l, out, sizeof(out));
	assert_string_equal(out,
	    "ITEM d.tar/texts/a.txt|d.tar: texts/a.txt|Alpha text.\n\n"
	    "ERR2 more than 15 bytes of data\nskipped 2\n");
	input_limits_default(&l);
	l.max_record = 11;
	read_all(path, "d.tar", INPUT_AUTO, &l, out, sizeof(out));
	assert_string_equal(out,
	    "ERR1 texts/a.txt: 12 bytes, larger than the size bound of 11 "
	    "bytes (see --max-size)\n"
	    "ITEM d.tar/texts/sub/b.txt|d.tar: texts/sub/b.txt|Beta text.\n\n"
	    "ERR1 page.html: 41 bytes, larger than the size bound of 11 "
	    "bytes (see --max-size)\n"
	    "ITEM d.tar/empty.txt|d.tar: empty.txt|\n"
	    "skipped 5\n");
	unlink(path);
}

/* An archive at out_path (a new temporary file) holding the file at
 * in_path as its one entry name; zip, tar.gz or tar by name's end. */
static void
wrap(const char *in_path, const char *name, char *out_path)
{
	struct archive *a;
	struct archive_entry *e;
	struct wbuf b = WBUF_INIT;
	size_t n = strlen(name);
	int fd;

	slurp(in_path, &b);
	snprintf(out_path, 64, "/tmp/archive.XXXXXX");
	assert_true((fd = mkstemp(out_path)) >= 0);
	close(fd);
	assert_non_null(a = archive_write_new());
	if (n > 4 && strcmp(name + n - 4, ".zip") == 0)
		assert_int_equal(archive_write_set_format_zip(a), ARCHIVE_OK);
	else
		assert_int_equal(archive_write_set_format_pax_restricted(a),
		    ARCHIVE_OK);
	if (n > 4 && strcmp(name + n - 4, ".tgz") == 0)
		assert_int_equal(archive_write_add_filter_gzip(a), ARCHIVE_OK);
	assert_int_equal(archive_write_open_filename(a, out_path), ARCHIVE_OK);
	assert_non_null(e = archive_entry_new());
	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_size(e, (la_int64_t)b.len);
	assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
	assert_int_equal(archive_write_data(a, b.data, b.len),
	    (la_ssize_t)b.len);
	archive_entry_free(e);
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
	wbuf_release(&b);
}

/* A zip in a tar in a tar: named all the way down; in a tar.gz more,
 * deeper than LIMIT_ARCHIVE_DEPTH, refused. */
static void
test_nested(void **state)
{
	static const struct ent leaf[] = {
		{ "a.txt", "Deep text.\n", 0, 0, NULL, NULL },
	};
	static const char *const names[] = { "l1.zip", "l2.tar", "l3.tgz" };
	char path[64], next[64], out[4096];
	int level;

	(void)state;
	make(path, ZIP, leaf, 1);
	for (level = 0; level < 3; level++) {
		wrap(path, names[level], next);
		unlink(path);
		memcpy(path, next, sizeof(path));
		if (level == 1) {
			read_all(path, "top.tar", INPUT_AUTO, NULL, out,
			    sizeof(out));
			assert_string_equal(out, "ITEM top.tar/l2.tar/l1.zip/"
			    "a.txt|top.tar: l2.tar: l1.zip: a.txt|Deep text."
			    "\n\nskipped 0\n");
		}
	}
	/* top, l3, l2, l1: a.txt is four deep */
	read_all(path, "top.tar", INPUT_AUTO, NULL, out, sizeof(out));
	assert_string_equal(out, "ERR1 l3.tgz: l2.tar: l1.zip: a.txt: "
	    "archives nested more than 3 deep\nskipped 0\n");
	unlink(path);
}

/* A lone compressed file; a file that is no archive. */
static void
test_lone(void **state)
{
	struct archive *a;
	struct archive_entry *e;
	char path[64], out[4096];
	int fd;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/archive.XXXXXX");
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	/* raw gzip of one file, as gzip(1) makes it: named by its name less
	 * the .gz */
	assert_non_null(a = archive_write_new());
	archive_write_set_format_raw(a);
	archive_write_add_filter_gzip(a);
	assert_int_equal(archive_write_open_filename(a, path), ARCHIVE_OK);
	assert_non_null(e = archive_entry_new());
	archive_entry_set_filetype(e, AE_IFREG);
	assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
	assert_int_equal(archive_write_data(a, "Gzipped text.\n", 14), 14);
	archive_entry_free(e);
	archive_write_close(a);
	archive_write_free(a);
	read_all(path, "dir/notes.txt.gz", INPUT_AUTO, NULL, out,
	    sizeof(out));
	assert_string_equal(out, "ITEM dir/notes.txt.gz/notes.txt|"
	    "dir/notes.txt.gz: notes.txt|Gzipped text.\n\n"
	    "skipped 0\n");
	unlink(path);

	/* not an archive, forced */
	assert_true((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) >= 0);
	assert_int_equal(write(fd, "plain text\n", 11), 11);
	close(fd);
	read_all(path, "plain.txt", INPUT_ARCHIVE, NULL, out, sizeof(out));
	assert_string_equal(out, "ERR2 not a zip or tar archive, nor a "
	    "compressed file\nskipped 0\n");
	/* a zip by its name, that is none */
	read_all(path, "plain.zip", INPUT_AUTO, NULL, out, sizeof(out));
	assert_true(strncmp(out, "OPEN ", 5) == 0);
	unlink(path);
}

/* Cut short, or bytes changed: what is read stands, no crash. */
static void
test_damaged(void **state)
{
	struct wbuf b = WBUF_INIT;
	char path[64], out[8192];
	unsigned seed = 7;
	size_t i, cut;
	int k, fd;

	(void)state;
	for (k = TAR; k <= ZIP; k++) {
		make(path, (enum kind)k, delivery, sizeof(delivery) /
		    sizeof(delivery[0]));
		wbuf_reset(&b);
		slurp(path, &b);
		for (cut = 0; cut < b.len; cut += b.len / 23 + 1) {
			assert_true((fd = open(path, O_WRONLY | O_TRUNC)) >=
			    0);
			assert_int_equal(write(fd, b.data, cut),
			    (ssize_t)cut);
			close(fd);
			read_all(path, "cut.zip", INPUT_ARCHIVE, NULL, out,
			    sizeof(out));
		}
		for (int round = 0; round < 30; round++) {
			for (i = 0; i < 8; i++) {
				seed = seed * 1103515245u + 12345u;
				b.data[(seed >> 8) % b.len] ^=
				    (char)(seed >> 20);
			}
			assert_true((fd = open(path, O_WRONLY | O_TRUNC)) >=
			    0);
			assert_int_equal(write(fd, b.data, b.len),
			    (ssize_t)b.len);
			close(fd);
			read_all(path, "bad", INPUT_ARCHIVE, NULL, out,
			    sizeof(out));
		}
		unlink(path);
	}
	wbuf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_delivery),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_bombs),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_nested),
		cmocka_unit_test(test_lone),
		cmocka_unit_test(test_damaged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
