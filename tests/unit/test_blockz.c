/*
 * test_blockz.c: streams of independent members: what is written is read
 * back, byte for byte, gzip and zstd, on one thread and on several; the
 * same bytes whatever the number of threads; members cut where asked and
 * at BLOCKZ_CUT; every gzip member readable by zlib on its own;
 * reading from a member's offset with bytes skipped; the locator found
 * at the end, and nothing else taken for it; a damaged, truncated or
 * oversized member reported with its offset.
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
#include <zlib.h>

#include "base/blockz.h"

static unsigned char *data;
static size_t data_len;

/* Text that compresses as articles do, and some noise. */
static void
make_data(size_t n)
{
	uint32_t x = 12345;
	size_t i;

	data = malloc(n);
	assert_non_null(data);
	data_len = n;
	for (i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		data[i] = (i / 700) % 3 == 0 ? (unsigned char)(x >> 24) :
		    (unsigned char)("kapal berlabuh di pelabuhan "[i % 28]);
	}
}

/* The stream of data written to a temporary file, cut every `every`
 * bytes (0: never but at the maximum); its descriptor. */
static int
write_stream(enum blockz_kind kind, unsigned threads, size_t every,
    int locator, uint64_t *cuts)
{
	struct warta_error err;
	struct blockz *z;
	char path[] = "/tmp/blockz.XXXXXX";
	size_t at = 0, n;
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	unlink(path);
	assert_non_null(z = blockz_new(fd, kind, -1, threads, &err));
	while (at < data_len) {
		n = every > 0 ? every : data_len;
		if (n > data_len - at)
			n = data_len - at;
		assert_int_equal(blockz_write(z, data + at, n, &err), WARTA_OK);
		at += n;
		assert_int_equal(blockz_cut(z, &err), WARTA_OK);
	}
	assert_int_equal(blockz_flush(z, &err), WARTA_OK);
	if (cuts != NULL)
		*cuts = blockz_member(z);
	if (locator)
		assert_int_equal(blockz_write_locator(z, 1234, 5678, &err),
		    WARTA_OK);
	assert_int_equal((uint64_t)lseek(fd, 0, SEEK_END), blockz_out_bytes(z));
	blockz_free(z);
	return fd;
}

static unsigned char *
slurp(int fd, size_t *len)
{
	off_t n = lseek(fd, 0, SEEK_END);
	unsigned char *p = malloc((size_t)n + 1);

	assert_non_null(p);
	assert_int_equal(pread(fd, p, (size_t)n, 0), n);
	*len = (size_t)n;
	return p;
}

/* Everything read back from offset on, skip bytes skipped. */
static void
read_back(int fd, enum blockz_kind kind, unsigned threads, uint64_t offset,
    uint64_t skip, const unsigned char *want, size_t want_len)
{
	struct warta_error err;
	struct blockz_reader *r;
	const void *p;
	size_t n, got = 0;
	int rc;

	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	assert_non_null(r = blockz_reader_new(fd, kind, offset, UINT64_MAX,
	    skip, threads, &err));
	while ((rc = blockz_reader_next(r, &p, &n, &err)) > 0) {
		assert_true(got + n <= want_len);
		assert_memory_equal(p, want + got, n);
		got += n;
	}
	assert_int_equal(rc, 0);
	assert_int_equal(got, want_len);
	blockz_reader_free(r);
}

static void
round_trip(void **state)
{
	enum blockz_kind kinds[] = { BLOCKZ_GZIP, BLOCKZ_ZSTD };
	size_t k;
	int fd;

	(void)state;
	for (k = 0; k < 2; k++) {
		fd = write_stream(kinds[k], 3, 100000, 1, NULL);
		read_back(fd, kinds[k], 1, 0, 0, data, data_len);
		read_back(fd, kinds[k], 4, 0, 0, data, data_len);
		close(fd);
	}
}

/* The same bytes on 1, 2 and 8 threads. */
static void
same_bytes_any_threads(void **state)
{
	enum blockz_kind kinds[] = { BLOCKZ_GZIP, BLOCKZ_ZSTD };
	unsigned char *one, *other;
	size_t k, n1, n2;
	unsigned t[] = { 2, 8 };
	size_t i;
	int fd;

	(void)state;
	for (k = 0; k < 2; k++) {
		fd = write_stream(kinds[k], 1, 70000, 1, NULL);
		one = slurp(fd, &n1);
		close(fd);
		for (i = 0; i < 2; i++) {
			fd = write_stream(kinds[k], t[i], 70000, 1, NULL);
			other = slurp(fd, &n2);
			close(fd);
			assert_int_equal(n1, n2);
			assert_memory_equal(one, other, n1);
			free(other);
		}
		free(one);
	}
}

/* Cut where asked, and at the maximum when never asked; each member a
 * gzip file of its own, which zlib inflates alone; the members in order
 * are the data. */
static void
members_are_gzip_files(void **state)
{
	unsigned char *file, *out;
	size_t len, at = 0, got = 0;
	uint64_t cuts;
	uint32_t size;
	z_stream zs;
	int fd, members = 0;

	(void)state;
	fd = write_stream(BLOCKZ_GZIP, 2, 0, 0, &cuts);
	file = slurp(fd, &len);
	close(fd);
	/* Never asked: cut at BLOCKZ_CUT only. */
	assert_int_equal(cuts, (data_len + BLOCKZ_CUT - 1) / BLOCKZ_CUT);
	assert_non_null(out = malloc(BLOCKZ_MEMBER_MAX));
	while (at < len) {
		assert_true(blockz_is_member(file + at, len - at));
		size = (uint32_t)file[at + 16] | (uint32_t)file[at + 17] << 8 |
		    (uint32_t)file[at + 18] << 16 | (uint32_t)file[at + 19] << 24;
		memset(&zs, 0, sizeof(zs));
		assert_int_equal(inflateInit2(&zs, 16 + 15), Z_OK);
		zs.next_in = file + at;
		zs.avail_in = size;
		zs.next_out = out;
		zs.avail_out = BLOCKZ_MEMBER_MAX;
		assert_int_equal(inflate(&zs, Z_FINISH), Z_STREAM_END);
		assert_int_equal(zs.avail_in, 0);
		assert_memory_equal(out, data + got, zs.total_out);
		assert_true(zs.total_out <= BLOCKZ_MEMBER_MAX);
		got += zs.total_out;
		inflateEnd(&zs);
		at += size;
		members++;
	}
	assert_int_equal(got, data_len);
	assert_int_equal(members, (int)cuts);
	free(out);
	free(file);
}

/* From the third member on, 1000 bytes in: the rest of the data. */
static void
read_from_an_offset(void **state)
{
	unsigned char *file;
	size_t len;
	uint64_t off = 0;
	uint32_t size;
	int fd, i;

	(void)state;
	fd = write_stream(BLOCKZ_GZIP, 2, 50000, 1, NULL);
	file = slurp(fd, &len);
	for (i = 0; i < 2; i++) {
		size = (uint32_t)file[off + 16] | (uint32_t)file[off + 17] << 8 |
		    (uint32_t)file[off + 18] << 16;
		off += size;
	}
	read_back(fd, BLOCKZ_GZIP, 1, off, 1000, data + 100000 + 1000,
	    data_len - 101000);
	free(file);
	close(fd);
}

static void
locator(void **state)
{
	enum blockz_kind kinds[] = { BLOCKZ_GZIP, BLOCKZ_ZSTD };
	unsigned char *file;
	uint64_t off, length;
	size_t k, len;
	int fd;

	(void)state;
	for (k = 0; k < 2; k++) {
		fd = write_stream(kinds[k], 2, 90000, 1, NULL);
		file = slurp(fd, &len);
		assert_int_equal(blockz_read_locator(kinds[k], file, len, &off,
		    &length), 0);
		assert_int_equal(off, 1234);
		assert_int_equal(length, 5678);
		/* One byte short is no locator, nor is the data. */
		assert_int_equal(blockz_read_locator(kinds[k], file, len - 1,
		    &off, &length), -1);
		free(file);
		close(fd);
		fd = write_stream(kinds[k], 2, 90000, 0, NULL);
		file = slurp(fd, &len);
		assert_int_equal(blockz_read_locator(kinds[k], file, len, &off,
		    &length), -1);
		free(file);
		close(fd);
	}
}

/* A damaged stream: the reader's error and where it says. */
static void
expect_damage(const unsigned char *file, size_t len, enum blockz_kind kind,
    const char *want)
{
	struct warta_error err;
	struct blockz_reader *r;
	char path[] = "/tmp/blockz.XXXXXX";
	const void *p;
	size_t n;
	int fd = mkstemp(path), rc;

	assert_true(fd >= 0);
	unlink(path);
	assert_int_equal(write(fd, file, len), (ssize_t)len);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	assert_non_null(r = blockz_reader_new(fd, kind, 0, UINT64_MAX, 0, 2,
	    &err));
	while ((rc = blockz_reader_next(r, &p, &n, &err)) > 0)
		;
	assert_int_equal(rc, -1);
	if (strstr(err.message, want) == NULL)
		fail_msg("'%s' does not say '%s'", err.message, want);
	blockz_reader_free(r);
	close(fd);
}

static void
damage_is_reported_with_its_offset(void **state)
{
	unsigned char *file;
	size_t len;
	uint32_t first;
	char want[64];
	int fd;

	(void)state;
	fd = write_stream(BLOCKZ_GZIP, 2, 100000, 1, NULL);
	file = slurp(fd, &len);
	close(fd);
	first = (uint32_t)file[16] | (uint32_t)file[17] << 8 |
	    (uint32_t)file[18] << 16;
	/* A byte of the second member's data flipped. */
	file[first + 200] ^= 0x40;
	snprintf(want, sizeof(want), "the member at byte %u: ", first);
	expect_damage(file, len, BLOCKZ_GZIP, want);
	file[first + 200] ^= 0x40;
	/* Its ISIZE says more than a member may hold. */
	file[first + (file[first + 17] << 8 | file[first + 16]) - 1] = 0x7f;
	expect_damage(file, len, BLOCKZ_GZIP, "more than a member may");
	/* Its header says it is 2 GB: refused before anything is read. */
	file[first + 19] = 0x7f;
	expect_damage(file, len, BLOCKZ_GZIP, "larger than a member may be");
	free(file);
	/* Cut short inside its last member, and not a member at all. */
	fd = write_stream(BLOCKZ_GZIP, 2, 100000, 0, NULL);
	file = slurp(fd, &len);
	close(fd);
	expect_damage(file, len - 5, BLOCKZ_GZIP, "ends inside a member");
	memcpy(file, "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
	expect_damage(file, len, BLOCKZ_GZIP, "byte 0: not a member");
	free(file);
	fd = write_stream(BLOCKZ_ZSTD, 2, 100000, 0, NULL);
	file = slurp(fd, &len);
	close(fd);
	expect_damage(file, len - 5, BLOCKZ_ZSTD, "ends inside a frame");
	file[len / 2] ^= 0x10;
	expect_damage(file, len, BLOCKZ_ZSTD, "damaged");
	free(file);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip),
		cmocka_unit_test(same_bytes_any_threads),
		cmocka_unit_test(members_are_gzip_files),
		cmocka_unit_test(read_from_an_offset),
		cmocka_unit_test(locator),
		cmocka_unit_test(damage_is_reported_with_its_offset),
	};
	int rc;

	make_data((size_t)3 << 20 | 12345);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	free(data);
	return rc;
}
