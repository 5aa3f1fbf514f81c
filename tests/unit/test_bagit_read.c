/*
 * test_bagit_read.c: the safe bag reader, on archives made here with
 * libarchive: a plain bag read back, every hostile entry refused (with
 * the reading going on), a file outside the bag's directory, and the
 * bounds that stop the reading with the option to raise them.
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

#include <archive.h>
#include <archive_entry.h>

#include "bagit/read.h"

/* One entry of an archive to make: a file unless link or type says. */
struct ent {
	const char *path;
	const char *data;
	unsigned type;		/* 0: AE_IFREG */
	const char *link;	/* a symbolic link's target */
	const char *hardlink;
};

static char path[64];

/* A tar of the n entries, in path. */
static void
make_tar(const struct ent *ents, size_t n)
{
	struct archive *a;
	struct archive_entry *e;
	size_t i, len;
	int fd;

	snprintf(path, sizeof(path), "/tmp/bagread.XXXXXX");
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	assert_non_null(a = archive_write_new());
	assert_int_equal(archive_write_set_format_pax_restricted(a),
	    ARCHIVE_OK);
	assert_int_equal(archive_write_open_filename(a, path), ARCHIVE_OK);
	for (i = 0; i < n; i++) {
		len = ents[i].data != NULL ? strlen(ents[i].data) : 0;
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
		if (len > 0)
			assert_int_equal(archive_write_data(a, ents[i].data,
			    len), (la_ssize_t)len);
		archive_entry_free(e);
	}
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
}

/*
 * Reads path to its end with limits (NULL: the defaults): one line per
 * entry, "FILE PATH DATA", "REFUSED ARCHIVE-PATH: WHY", "OUTSIDE PATH",
 * and at a stop "STOP WHY".
 */
static void
read_all(const struct bag_limits *limits, char *out, size_t size)
{
	struct bag_limits def;
	struct warta_error err;
	struct bag_reader *r;
	struct bag_entry e;
	struct wbuf data = WBUF_INIT;
	size_t n;
	int rc;

	bag_limits_default(&def);
	out[0] = '\0';
	assert_non_null(r = bag_reader_open(path, limits != NULL ? limits :
	    &def, &err));
	while ((rc = bag_reader_next(r, &e, &err)) != 0) {
		n = strlen(out);
		if (rc < 0) {
			snprintf(out + n, size - n, "STOP %s\n", err.message);
			break;
		}
		if (rc == BAG_ENTRY_REFUSED) {
			snprintf(out + n, size - n, "REFUSED %s: %s\n",
			    e.archive_path, err.message);
			continue;
		}
		if (rc == BAG_ENTRY_OUTSIDE) {
			snprintf(out + n, size - n, "OUTSIDE %s\n", e.path);
			continue;
		}
		wbuf_reset(&data);
		assert_int_equal(bag_reader_read(r, &data, &err), WARTA_OK);
		snprintf(out + n, size - n, "FILE %s %s\n", e.path,
		    data.len > 0 ? data.data : "");
	}
	wbuf_release(&data);
	bag_reader_free(r);
	unlink(path);
}

static void
test_plain_bag(void **state)
{
	static const struct ent ents[] = {
		{ "bag/", NULL, AE_IFDIR, NULL, NULL },
		{ "bag/bagit.txt", "BagIt-Version: 1.0", 0, NULL, NULL },
		{ "bag/data/", NULL, AE_IFDIR, NULL, NULL },
		{ "bag/data/a.txt", "alpha", 0, NULL, NULL },
		{ "bag/data/empty", NULL, 0, NULL, NULL },
	};
	char out[1024];

	(void)state;
	make_tar(ents, 5);
	read_all(NULL, out, sizeof(out));
	assert_string_equal(out, "FILE bagit.txt BagIt-Version: 1.0\n"
	    "FILE data/a.txt alpha\nFILE data/empty \n");
}

static void
test_hostile_entries(void **state)
{
	static const struct ent ents[] = {
		{ "bag/bagit.txt", "ok", 0, NULL, NULL },
		{ "bag/../evil.txt", "x", 0, NULL, NULL },
		{ "/etc/evil", "x", 0, NULL, NULL },
		{ "bag/data/link", NULL, AE_IFLNK, "/etc/passwd", NULL },
		{ "bag/data/hard", NULL, 0, NULL, "bag/bagit.txt" },
		{ "bag/data/fifo", NULL, AE_IFIFO, NULL, NULL },
		{ "other/x.txt", "o", 0, NULL, NULL },
		{ "bag/data/last.txt", "last", 0, NULL, NULL },
	};
	char out[2048];

	(void)state;
	make_tar(ents, 8);
	read_all(NULL, out, sizeof(out));
	assert_string_equal(out, "FILE bagit.txt ok\n"
	    "REFUSED bag/../evil.txt: a path with a '..' component refused\n"
	    "REFUSED /etc/evil: an absolute path refused\n"
	    "REFUSED bag/data/link: a symbolic link refused\n"
	    "REFUSED bag/data/hard: a hard link refused\n"
	    "REFUSED bag/data/fifo: a FIFO refused\n"
	    "OUTSIDE other/x.txt\n"
	    "FILE data/last.txt last\n");
}

static void
test_bounds(void **state)
{
	static const struct ent ents[] = {
		{ "bag/a", "aaaa", 0, NULL, NULL },
		{ "bag/b", "bbbbbbbb", 0, NULL, NULL },
		{ "bag/c", "c", 0, NULL, NULL },
	};
	struct bag_limits l;
	char out[1024];

	(void)state;
	bag_limits_default(&l);
	l.max_entries = 2;
	make_tar(ents, 3);
	read_all(&l, out, sizeof(out));
	assert_string_equal(out, "FILE a aaaa\nFILE b bbbbbbbb\n"
	    "STOP more than 2 entries (--max-entries)\n");

	bag_limits_default(&l);
	l.max_entry = 5;
	make_tar(ents, 3);
	read_all(&l, out, sizeof(out));
	assert_string_equal(out, "FILE a aaaa\n"
	    "STOP bag/b: 8 bytes, over the bound of 5 (--max-entry)\n");

	bag_limits_default(&l);
	l.max_bytes = 12;
	make_tar(ents, 3);
	read_all(&l, out, sizeof(out));
	assert_string_equal(out, "FILE a aaaa\nFILE b bbbbbbbb\n"
	    "STOP more than 12 bytes of data (--max-bytes)\n");
}

static void
test_not_an_archive(void **state)
{
	struct bag_limits l;
	struct warta_error err;
	FILE *fp;
	int fd;

	(void)state;
	bag_limits_default(&l);
	warta_error_clear(&err);
	assert_null(bag_reader_open("/nonexistent/b.tar", &l, &err));
	assert_true(strlen(err.message) > 0);
	snprintf(path, sizeof(path), "/tmp/bagread.XXXXXX");
	assert_true((fd = mkstemp(path)) >= 0);
	assert_non_null(fp = fdopen(fd, "w"));
	fputs("plain text, not an archive\n", fp);
	fclose(fp);
	warta_error_clear(&err);
	assert_null(bag_reader_open(path, &l, &err));
	assert_true(strlen(err.message) > 0);
	unlink(path);
	bag_reader_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_bag),
		cmocka_unit_test(test_hostile_entries),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_not_an_archive),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
