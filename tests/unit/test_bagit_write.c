/*
 * test_bagit_write.c: the bag writer: formats by name and suffix, a small
 * bag written to a temporary file and read back entry by entry (bagit.txt
 * first, the payload in order, the manifests, bag-info.txt with its
 * Payload-Oxum, the tag manifests), the same bytes for the same files,
 * nothing left under the final name by an abort, and nothing but a
 * regular file ever replaced (a FIFO, a link, a directory, a device).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cmocka.h>

#include "bagit/read.h"
#include "bagit/write.h"
#include "base/digest.h"

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	/* Zip stores local time: as warta-pack does, UTC. */
	setenv("TZ", "UTC", 1);
	snprintf(dir, sizeof(dir), "/tmp/bagwrite.XXXXXX");
	return mkdtemp(dir) != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	return rmdir(dir);
}

static void
test_formats(void **state)
{
	enum bag_format f;

	(void)state;
	assert_int_equal(bag_format_of_path("x/b.tar.gz", &f), 0);
	assert_int_equal(f, BAG_TAR_GZ);
	assert_int_equal(bag_format_of_path("b.tgz", &f), 0);
	assert_int_equal(f, BAG_TAR_GZ);
	assert_int_equal(bag_format_of_path("b.tar.zst", &f), 0);
	assert_int_equal(f, BAG_TAR_ZST);
	assert_int_equal(bag_format_of_path("b.tar.xz", &f), 0);
	assert_int_equal(f, BAG_TAR_XZ);
	assert_int_equal(bag_format_of_path("b.tar", &f), 0);
	assert_int_equal(f, BAG_TAR);
	assert_int_equal(bag_format_of_path("b.zip", &f), 0);
	assert_int_equal(f, BAG_ZIP);
	assert_int_equal(bag_format_of_path("b.rar", &f), -1);
	assert_int_equal(bag_format_of_path("b", &f), -1);
	assert_int_equal(bag_format_of_name("tar.zst", &f), 0);
	assert_int_equal(f, BAG_TAR_ZST);
	assert_int_equal(bag_format_of_name("7z", &f), -1);
	assert_string_equal(bag_format_suffix(BAG_TAR_GZ), ".tar.gz");
	assert_string_equal(bag_format_suffix(BAG_ZIP), ".zip");
}

/* Writes the small bag (two payload files, one streamed) to path. */
static void
write_small(const char *path, enum bag_format f, int sha512)
{
	static const struct bag_info info[] = {
		{ "Source-Organization", "warta.invalid" },
		{ "External-Description", "two\nlines" },
	};
	struct bag_options o = { .format = f, .level = -1,
	    .sha512 = sha512, .mtime = 1628553600, .mode = 0644 };
	struct warta_error err;
	struct bag *b;
	FILE *fp;

	assert_non_null(b = bag_create(path, "small", &o, &err));
	assert_non_null(bag_temp_path(b));
	assert_int_equal(bag_add(b, "items/a.xml", "<a/>\n", 5, &err),
	    WARTA_OK);
	assert_non_null(fp = tmpfile());
	fputs("skip:streamed bytes", fp);
	assert_int_equal(fseek(fp, 5, SEEK_SET), 0);
	assert_int_equal(bag_add_stream(b, "notes/b.txt", fp, 14, &err),
	    WARTA_OK);
	fclose(fp);
	assert_int_equal(bag_payload_files(b), 2);
	assert_int_equal(bag_payload_bytes(b), 19);
	/* Nothing under the final name until the bag is finished. */
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(bag_finish(b, info, 2, &err), WARTA_OK);
}

/* The entries of the bag at path: "PATH\n" each, and their data. */
struct read_back {
	char paths[1024];
	char data[8][512];
	size_t n;
};

static void
read_back(const char *path, struct read_back *rb)
{
	struct bag_limits limits;
	struct warta_error err;
	struct bag_reader *r;
	struct bag_entry e;
	struct wbuf data = WBUF_INIT;
	int rc;

	memset(rb, 0, sizeof(*rb));
	bag_limits_default(&limits);
	assert_non_null(r = bag_reader_open(path, &limits, &err));
	while ((rc = bag_reader_next(r, &e, &err)) != 0) {
		assert_int_equal(rc, BAG_ENTRY_FILE);
		assert_true(rb->n < 8);
		strcat(rb->paths, e.path);
		strcat(rb->paths, "\n");
		wbuf_reset(&data);
		assert_int_equal(bag_reader_read(r, &data, &err), WARTA_OK);
		assert_int_equal(data.len, e.size);
		snprintf(rb->data[rb->n++], sizeof(rb->data[0]), "%s",
		    data.len > 0 ? data.data : "");
	}
	assert_string_equal(bag_reader_name(r), "small");
	wbuf_release(&data);
	bag_reader_free(r);
}

/* "HEX  PATH\n" for the SHA-256 of s. */
static void
line_of(char *out, size_t size, const char *s, const char *path)
{
	char hex[65];

	assert_int_equal(sha256_hex(s, strlen(s), hex), 0);
	snprintf(out, size, "%s  %s\n", hex, path);
}

static void
test_written_and_read_back(void **state)
{
	struct read_back rb;
	char path[128], want[512], l1[128], l2[128];

	(void)state;
	snprintf(path, sizeof(path), "%s/small.tar", dir);
	write_small(path, BAG_TAR, 0);
	read_back(path, &rb);
	assert_string_equal(rb.paths, "bagit.txt\ndata/items/a.xml\n"
	    "data/notes/b.txt\nmanifest-sha256.txt\nbag-info.txt\n"
	    "tagmanifest-sha256.txt\n");
	assert_string_equal(rb.data[0], "BagIt-Version: 1.0\n"
	    "Tag-File-Character-Encoding: UTF-8\n");
	assert_string_equal(rb.data[1], "<a/>\n");
	assert_string_equal(rb.data[2], "streamed bytes");
	line_of(l1, sizeof(l1), "<a/>\n", "data/items/a.xml");
	line_of(l2, sizeof(l2), "streamed bytes", "data/notes/b.txt");
	snprintf(want, sizeof(want), "%s%s", l1, l2);
	assert_string_equal(rb.data[3], want);
	/* A line break in a value becomes a space. */
	assert_string_equal(rb.data[4], "Source-Organization: warta.invalid\n"
	    "External-Description: two lines\n"
	    "Payload-Oxum: 19.2\nBag-Size: 19 bytes\n");
	/* Every tag file but the tag manifest itself. */
	line_of(l1, sizeof(l1), rb.data[0], "bagit.txt");
	line_of(l2, sizeof(l2), rb.data[3], "manifest-sha256.txt");
	snprintf(want, sizeof(want), "%s%s", l1, l2);
	line_of(l1, sizeof(l1), rb.data[4], "bag-info.txt");
	strcat(want, l1);
	assert_string_equal(rb.data[5], want);
	unlink(path);
}

static void
test_sha512_and_zip(void **state)
{
	struct read_back rb;
	char path[128];

	(void)state;
	snprintf(path, sizeof(path), "%s/small.zip", dir);
	write_small(path, BAG_ZIP, 1);
	read_back(path, &rb);
	assert_string_equal(rb.paths, "bagit.txt\ndata/items/a.xml\n"
	    "data/notes/b.txt\nmanifest-sha256.txt\nmanifest-sha512.txt\n"
	    "bag-info.txt\ntagmanifest-sha256.txt\ntagmanifest-sha512.txt\n");
	/* 128 hex digits, two spaces, the path. */
	assert_int_equal(strcspn(rb.data[4], " "), 128);
	assert_non_null(strstr(rb.data[4], "  data/notes/b.txt\n"));
	assert_non_null(strstr(rb.data[7], "  manifest-sha512.txt\n"));
	unlink(path);
}

static char *
slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	char *s;
	long len;

	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	assert_true((len = ftell(fp)) > 0);
	rewind(fp);
	assert_non_null(s = malloc((size_t)len));
	assert_int_equal(fread(s, 1, (size_t)len, fp), (size_t)len);
	fclose(fp);
	*n = (size_t)len;
	return s;
}

static void
test_same_bytes(void **state)
{
	char a[128], b[128], *da, *db;
	size_t na, nb;

	(void)state;
	snprintf(a, sizeof(a), "%s/a.tar.gz", dir);
	snprintf(b, sizeof(b), "%s/b.tar.gz", dir);
	write_small(a, BAG_TAR_GZ, 0);
	write_small(b, BAG_TAR_GZ, 0);
	da = slurp(a, &na);
	db = slurp(b, &nb);
	assert_int_equal(na, nb);
	assert_memory_equal(da, db, na);
	free(da);
	free(db);
	unlink(a);
	unlink(b);
}

static void
test_abort(void **state)
{
	struct bag_options o = { .format = BAG_TAR, .level = -1,
	    .sha512 = 0, .mtime = 0, .mode = 0644 };
	struct warta_error err;
	char path[128], temp[256];
	struct stat st;
	struct bag *b;
	FILE *fp;

	(void)state;
	snprintf(path, sizeof(path), "%s/kept.tar", dir);
	assert_non_null(fp = fopen(path, "w"));
	fputs("an older bag", fp);
	fclose(fp);
	assert_non_null(b = bag_create(path, "kept", &o, &err));
	snprintf(temp, sizeof(temp), "%s", bag_temp_path(b));
	assert_int_equal(stat(temp, &st), 0);
	assert_int_equal(bag_add(b, "x.txt", "x", 1, &err), WARTA_OK);
	bag_abort(b);
	/* The temporary file is gone, the bag already there untouched. */
	assert_int_equal(stat(temp, &st), -1);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, 12);
	unlink(path);
	/* A directory that is not there: no bag, a message. */
	warta_error_clear(&err);
	assert_null(bag_create("/nonexistent/dir/b.tar", "b", &o, &err));
	assert_true(strlen(err.message) > 0);
}

/* bag_check_target() on what is at path; its message in msg. */
static struct warta_error target_err;
static const char *const msg = target_err.message;

static int
target(const char *path, int *exists)
{
	warta_error_clear(&target_err);
	return bag_check_target(path, exists, &target_err);
}

/* How many entries dir holds (a temporary file left behind counts). */
static int
entries(void)
{
	char cmd[128];
	FILE *fp;
	int n = -1;

	snprintf(cmd, sizeof(cmd), "ls -A %s | wc -l", dir);
	assert_non_null(fp = popen(cmd, "r"));
	assert_int_equal(fscanf(fp, "%d", &n), 1);
	pclose(fp);
	return n;
}

static void
test_special_files(void **state)
{
	struct bag_options o = { .format = BAG_TAR, .level = -1,
	    .sha512 = 0, .mtime = 0, .mode = 0644 };
	struct warta_error err;
	char fifo[128], link[128], sub[128], file[128];
	struct stat st;
	struct bag *b;
	int exists;

	(void)state;
	snprintf(fifo, sizeof(fifo), "%s/fifo.tar", dir);
	snprintf(link, sizeof(link), "%s/link.tar", dir);
	snprintf(sub, sizeof(sub), "%s/sub.tar", dir);
	snprintf(file, sizeof(file), "%s/file.tar", dir);
	assert_int_equal(target(file, &exists), WARTA_OK);
	assert_false(exists);
	assert_int_equal(target("-", &exists), WARTA_OK);
	assert_false(exists);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(symlink("fifo.tar", link), 0);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(target(fifo, &exists),
	    WARTA_FAILED);
	assert_non_null(strstr(msg, "fifo.tar: a FIFO; a bundle replaces "
	    "only a regular file"));
	assert_int_equal(target(link, NULL), WARTA_FAILED);
	assert_non_null(strstr(msg, "link.tar: a symbolic link;"));
	assert_int_equal(target(sub, NULL), WARTA_FAILED);
	assert_non_null(strstr(msg, "sub.tar: a directory;"));

	/* bag_create() refuses them before any temporary file is made. */
	warta_error_clear(&err);
	assert_null(bag_create(fifo, "fifo", &o, &err));
	assert_non_null(strstr(err.message, "a FIFO"));
	assert_null(bag_create(link, "link", &o, &err));
	assert_null(bag_create(sub, "sub", &o, &err));
	assert_int_equal(entries(), 3);

	/* A node made at the path while the bag is written is not renamed
	 * over either: the bag fails, the node stays, the temp goes. */
	assert_non_null(b = bag_create(file, "file", &o, &err));
	assert_int_equal(bag_add(b, "x.txt", "x", 1, &err), WARTA_OK);
	assert_int_equal(mkfifo(file, 0600), 0);
	warta_error_clear(&err);
	assert_int_equal(bag_finish(b, NULL, 0, &err), WARTA_FAILED);
	assert_non_null(strstr(err.message, "file.tar: a FIFO"));
	assert_int_equal(lstat(file, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_int_equal(entries(), 4);

	/* A regular file there is replaced. */
	assert_int_equal(unlink(file), 0);
	assert_int_equal(close(open(file, O_WRONLY | O_CREAT, 0644)), 0);
	assert_int_equal(target(file, &exists), WARTA_OK);
	assert_true(exists);
	assert_non_null(b = bag_create(file, "file", &o, &err));
	assert_int_equal(bag_finish(b, NULL, 0, &err), WARTA_OK);
	assert_int_equal(lstat(file, &st), 0);
	assert_true(S_ISREG(st.st_mode) && st.st_size > 0);
	unlink(file);
	unlink(fifo);
	unlink(link);
	rmdir(sub);
}

/* A device node, made where it can do no harm: only root may. */
static void
test_device(void **state)
{
	struct bag_options o = { .format = BAG_TAR, .level = -1,
	    .sha512 = 0, .mtime = 0, .mode = 0644 };
	struct warta_error err;
	char node[128];
	struct stat st;

	(void)state;
	if (geteuid() != 0)
		skip();
	snprintf(node, sizeof(node), "%s/null.tar", dir);
	/* 1, 3: /dev/null's numbers. */
	assert_int_equal(mknod(node, S_IFCHR | 0600, makedev(1, 3)), 0);
	warta_error_clear(&err);
	assert_null(bag_create(node, "null", &o, &err));
	assert_non_null(strstr(err.message, "null.tar: a character device;"));
	assert_int_equal(lstat(node, &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	assert_int_equal(entries(), 1);
	unlink(node);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_written_and_read_back),
		cmocka_unit_test(test_sha512_and_zip),
		cmocka_unit_test(test_same_bytes),
		cmocka_unit_test(test_abort),
		cmocka_unit_test(test_special_files),
		cmocka_unit_test(test_device),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
