/*
 * bagit/write.c: a serialized BagIt bag written with libarchive; see bagit/write.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <openssl/evp.h>

#include "bagit/index.h"
#include "bagit/manifest.h"
#include "bagit/write.h"
#include "base/blockz.h"
#include "base/buf.h"
#include "base/extsort.h"
#include "base/spool.h"

#define COPY_CHUNK	((size_t)64 << 10)
/*
 * bag_mark() starts a new member once the one being filled holds this
 * much: small enough that reading one item out of a bundle decompresses
 * a millisecond's worth, large enough that a member's fresh DEFLATE
 * window costs little against one stream.  The bench corpus's bag in
 * members of 384 KiB, 896 KiB and 2 MiB, each compressed alone by
 * libdeflate at level 5: 2.9%, 1.2% and 0.5% larger than gzip -6 of it
 * in one stream (level 6: 2.1%, 0.4%, -0.3%).  Level 5 in members of
 * about 1 MiB (no more: BLOCKZ_MEMBER_MAX, which readers of older
 * bundles hold to as well) takes 10% less CPU than level 6 in members of
 * 384 KiB, for a smaller bundle; memory stays flat (t0510).
 */
#define MEMBER_TARGET	((size_t)896 << 10)

struct bag {
	struct archive *a;
	int fd;
	char *path;		/* the final name; "<stdout>" */
	char *temp;		/* where it is written until then */
	int to_stdout;		/* path "-": no temporary file, no rename */
	char *name;		/* the top-level directory */
	struct bag_options o;
	/* lines of manifest-sha256.txt, -sha512.txt */
	struct spool manifest[2];
	unsigned long long files, bytes;
	struct wbuf tags;	/* lines of the tag manifests, built last */
	struct wbuf tags512;
	struct wbuf line;	/* a payload manifest line, being built */
	/* .tar.gz and .tar.zst: the tar stream goes to independent members,
	 * and where each entry starts to the index (member number, bytes
	 * before it in the member, path), resolved to file offsets once the
	 * members are written */
	struct blockz *z;
	struct spool index;	/* struct bag_index_rec, one an entry */
	int no_index;		/* a path too long for a record */
};

static const struct {
	const char *name;
	const char *suffix;
	enum bag_format f;
} formats[] = {
	{ "tar.gz", ".tar.gz", BAG_TAR_GZ },
	{ "tgz", ".tgz", BAG_TAR_GZ },
	{ "tar.zst", ".tar.zst", BAG_TAR_ZST },
	{ "tar.xz", ".tar.xz", BAG_TAR_XZ },
	{ "tar", ".tar", BAG_TAR },
	{ "zip", ".zip", BAG_ZIP },
};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

int
bag_format_of_path(const char *path, enum bag_format *f)
{
	size_t i, n = strlen(path), k;

	for (i = 0; i < NFORMATS; i++) {
		k = strlen(formats[i].suffix);
		if (n > k && strcmp(path + n - k, formats[i].suffix) == 0) {
			*f = formats[i].f;
			return 0;
		}
	}
	return -1;
}

int
bag_format_of_name(const char *name, enum bag_format *f)
{
	size_t i;

	for (i = 0; i < NFORMATS; i++)
		if (strcmp(name, formats[i].name) == 0) {
			*f = formats[i].f;
			return 0;
		}
	return -1;
}

const char *
bag_format_suffix(enum bag_format f)
{
	size_t i;

	for (i = 0; i < NFORMATS; i++)
		if (formats[i].f == f)
			return formats[i].suffix;
	return "";
}

static int
archive_failed(struct bag *b, struct warta_error *err)
{
	const char *msg = archive_error_string(b->a);
	int e = archive_errno(b->a);

	/* libarchive says "Write error" and keeps the cause in errno. */
	if (e > 0 && msg != NULL && strstr(msg, strerror(e)) == NULL)
		return warta_error_set(err, -1, "%s: %s: %s", b->path, msg,
		    strerror(e));
	return warta_error_set(err, -1, "%s: %s", b->path,
	    msg != NULL ? msg : "cannot write the archive");
}

/* Whether the format is written as blockz members. */
static int
is_blocked(enum bag_format f)
{
	return f == BAG_TAR_GZ || f == BAG_TAR_ZST;
}

static la_ssize_t
to_blockz(struct archive *a, void *v, const void *p, size_t n)
{
	struct bag *b = v;
	struct warta_error err;

	if (blockz_write(b->z, p, n, &err) != WARTA_OK) {
		archive_set_error(a, EIO, "%s", err.message);
		return -1;
	}
	return (la_ssize_t)n;
}

/* Sets the writer's format, filter and their options. */
static int
setup_writer(struct bag *b, struct warta_error *err)
{
	const char *filter = NULL;
	char opt[64];
	int rc;

	if (b->o.format == BAG_ZIP)
		rc = archive_write_set_format_zip(b->a);
	else
		rc = archive_write_set_format_pax_restricted(b->a);
	if (rc != ARCHIVE_OK)
		return archive_failed(b, err);
	if (is_blocked(b->o.format)) {
		/* libarchive writes the tar; blockz compresses it.  No
		 * blocking: each entry reaches blockz when it is written,
		 * so that a member can end between entries. */
		if (archive_write_add_filter_none(b->a) != ARCHIVE_OK ||
		    archive_write_set_bytes_per_block(b->a, 0) != ARCHIVE_OK)
			return archive_failed(b, err);
		return WARTA_OK;
	}
	switch (b->o.format) {
	case BAG_TAR_GZ:
		filter = "gzip";
		rc = archive_write_add_filter_gzip(b->a);
		/* No time in the gzip header: the same bag, the same bytes. */
		if (rc == ARCHIVE_OK)
			rc = archive_write_set_filter_option(b->a, "gzip",
			    "timestamp", NULL);
		break;
	case BAG_TAR_ZST:
		filter = "zstd";
		rc = archive_write_add_filter_zstd(b->a);
		break;
	case BAG_TAR_XZ:
		filter = "xz";
		rc = archive_write_add_filter_xz(b->a);
		break;
	case BAG_TAR:
		rc = archive_write_add_filter_none(b->a);
		break;
	case BAG_ZIP:
		filter = "zip";
		rc = ARCHIVE_OK;
		break;
	}
	if (rc != ARCHIVE_OK)
		return archive_failed(b, err);
	if (b->o.level >= 0 && filter != NULL) {
		snprintf(opt, sizeof(opt), "%d", b->o.level);
		rc = b->o.format == BAG_ZIP ?
		    archive_write_set_format_option(b->a, filter,
		    "compression-level", opt) :
		    archive_write_set_filter_option(b->a, filter,
		    "compression-level", opt);
		if (rc != ARCHIVE_OK)
			return warta_error_set(err, -1, "compression level %d "
			    "is out of range for %s", b->o.level, filter);
	}
	return WARTA_OK;
}

/* What a file that is not a regular one is, for a message. */
static const char *
kind_of(mode_t m)
{
	if (S_ISDIR(m))
		return "a directory";
	if (S_ISLNK(m))
		return "a symbolic link";
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISSOCK(m))
		return "a socket";
	if (S_ISCHR(m))
		return "a character device";
	if (S_ISBLK(m))
		return "a block device";
	return "not a regular file";
}

int
bag_check_target(const char *path, int *exists, struct warta_error *err)
{
	struct stat st;

	if (exists != NULL)
		*exists = 0;
	if (strcmp(path, "-") == 0)
		return WARTA_OK;
	/* lstat: rename(2) replaces a link, not what it points to. */
	if (lstat(path, &st) != 0) {
		if (errno == ENOENT)
			return WARTA_OK;
		return warta_error_set(err, -1, "%s: %s", path,
		    strerror(errno));
	}
	if (!S_ISREG(st.st_mode))
		return warta_error_set(err, -1, "%s: %s; a bundle replaces "
		    "only a regular file", path, kind_of(st.st_mode));
	if (exists != NULL)
		*exists = 1;
	return WARTA_OK;
}

/* A new hidden file beside path, ".BASE.XXXXXX". */
static int
make_temp(struct bag *b, struct warta_error *err)
{
	char *copy, *dir, *base;
	size_t n;

	if ((copy = strdup(b->path)) == NULL)
		return warta_error_set(err, -1, "out of memory");
	dir = dirname(copy);
	n = strlen(dir) + strlen(b->path) + 16;
	if ((b->temp = malloc(n)) == NULL) {
		free(copy);
		return warta_error_set(err, -1, "out of memory");
	}
	base = strrchr(b->path, '/');
	base = base != NULL ? base + 1 : b->path;
	snprintf(b->temp, n, "%s/.%s.XXXXXX", dir, base);
	free(copy);
	if ((b->fd = mkstemp(b->temp)) < 0) {
		warta_error_set(err, -1, "%s: %s", b->temp, strerror(errno));
		free(b->temp);
		b->temp = NULL;
		return WARTA_FAILED;
	}
	/* mkstemp makes it 0600; the caller says what it should be. */
	(void)fchmod(b->fd, (mode_t)(b->o.mode != 0 ? b->o.mode : 0644));
	return WARTA_OK;
}

static int
write_all(struct bag *b, const void *p, size_t len, struct warta_error *err)
{
	const char *s = p;
	la_ssize_t w;

	while (len > 0) {
		if ((w = archive_write_data(b->a, s, len)) <= 0)
			return archive_failed(b, err);
		s += w;
		len -= (size_t)w;
	}
	return WARTA_OK;
}

/* Where the entry rel starts, for the index: the member's number (made
 * its offset once the members are written) and the bytes before it. */
static int
record_entry(struct bag *b, const char *rel)
{
	struct bag_index_rec rec;

	if (bag_index_rec_set(&rec, rel) != 0) {
		b->no_index = 1;
		return 0;
	}
	rec.offset = blockz_member(b->z);
	rec.skip = blockz_filling(b->z);
	return fwrite(&rec, sizeof(rec), 1, b->index.fp) == 1 ? 0 : -1;
}

static int
write_header(struct bag *b, const char *rel, size_t len,
    struct warta_error *err)
{
	struct archive_entry *e;
	struct wbuf path = WBUF_INIT;
	int rc = WARTA_OK;

	if ((e = archive_entry_new()) == NULL ||
	    wbuf_puts(&path, b->name) != WARTA_OK ||
	    wbuf_putc(&path, '/') != WARTA_OK ||
	    wbuf_puts(&path, rel) != WARTA_OK) {
		archive_entry_free(e);
		wbuf_release(&path);
		return warta_error_set(err, -1, "out of memory");
	}
	/* The entry before ends here, its padding written: where this
	 * one's header starts is known. */
	if (archive_write_finish_entry(b->a) != ARCHIVE_OK) {
		archive_entry_free(e);
		wbuf_release(&path);
		return archive_failed(b, err);
	}
	if (b->index.fp != NULL && record_entry(b, rel) != 0) {
		archive_entry_free(e);
		wbuf_release(&path);
		return warta_error_set(err, -1, "temporary file: %s",
		    strerror(errno));
	}
	archive_entry_set_pathname(e, path.data);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_size(e, (la_int64_t)len);
	archive_entry_set_mtime(e, b->o.mtime, 0);
	archive_entry_set_uid(e, 0);
	archive_entry_set_gid(e, 0);
	if (archive_write_header(b->a, e) != ARCHIVE_OK)
		rc = archive_failed(b, err);
	archive_entry_free(e);
	wbuf_release(&path);
	return rc;
}

static void
to_hex(const unsigned char *md, unsigned int n, char *hex)
{
	static const char digits[] = "0123456789abcdef";
	unsigned int i;

	for (i = 0; i < n; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 15];
	}
	hex[2 * n] = '\0';
}

/* The digests of one file as it is written. */
struct hashing {
	EVP_MD_CTX *ctx[2];
	char hex[2][129];
};

static int
hashing_start(struct hashing *h, int sha512)
{
	memset(h, 0, sizeof(*h));
	if ((h->ctx[0] = EVP_MD_CTX_new()) == NULL ||
	    EVP_DigestInit_ex(h->ctx[0], EVP_sha256(), NULL) != 1)
		return -1;
	if (sha512 && ((h->ctx[1] = EVP_MD_CTX_new()) == NULL ||
	    EVP_DigestInit_ex(h->ctx[1], EVP_sha512(), NULL) != 1))
		return -1;
	return 0;
}

static int
hashing_update(struct hashing *h, const void *p, size_t n)
{
	int i;

	for (i = 0; i < 2; i++)
		if (h->ctx[i] != NULL && EVP_DigestUpdate(h->ctx[i], p, n) != 1)
			return -1;
	return 0;
}

static int
hashing_end(struct hashing *h)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n;
	int i, rc = 0;

	for (i = 0; i < 2; i++) {
		if (h->ctx[i] == NULL)
			continue;
		if (EVP_DigestFinal_ex(h->ctx[i], md, &n) == 1)
			to_hex(md, n, h->hex[i]);
		else
			rc = -1;
	}
	return rc;
}

static void
hashing_free(struct hashing *h)
{
	EVP_MD_CTX_free(h->ctx[0]);
	EVP_MD_CTX_free(h->ctx[1]);
	h->ctx[0] = h->ctx[1] = NULL;
}

/* Adds the lines of one payload file (path: data/...) to the manifests. */
static int
record_payload(struct bag *b, const char *path, const struct hashing *h,
    size_t len, struct warta_error *err)
{
	int i;

	for (i = 0; i < 2; i++) {
		if (b->manifest[i].fp == NULL)
			continue;
		wbuf_reset(&b->line);
		if (manifest_put_line(&b->line, h->hex[i], path) != WARTA_OK)
			return warta_error_set(err, -1, "out of memory");
		if (fwrite(b->line.data, 1, b->line.len, b->manifest[i].fp) !=
		    b->line.len)
			return warta_error_set(err, -1, "temporary file: %s",
			    strerror(errno));
	}
	b->files++;
	b->bytes += len;
	return WARTA_OK;
}

/* The tag manifests' lines for one tag file. */
static int
record_tag(struct bag *b, const char *rel, const struct hashing *h,
    struct warta_error *err)
{
	if (manifest_put_line(&b->tags, h->hex[0], rel) != WARTA_OK ||
	    (b->o.sha512 && manifest_put_line(&b->tags512, h->hex[1], rel) !=
	    WARTA_OK))
		return warta_error_set(err, -1, "out of memory");
	return WARTA_OK;
}

/* A tag file (not payload): written, and its lines kept for the tag
 * manifests. */
static int
add_tag_file(struct bag *b, const char *rel, const void *p, size_t len,
    struct warta_error *err)
{
	struct hashing h;

	if (hashing_start(&h, b->o.sha512) != 0 ||
	    hashing_update(&h, p, len) != 0 || hashing_end(&h) != 0) {
		hashing_free(&h);
		return warta_error_set(err, -1, "cannot hash %s", rel);
	}
	hashing_free(&h);
	if (write_header(b, rel, len, err) != WARTA_OK ||
	    write_all(b, p, len, err) != WARTA_OK)
		return WARTA_FAILED;
	return record_tag(b, rel, &h, err);
}

static void
bag_free(struct bag *b)
{
	if (b == NULL)
		return;
	if (b->a != NULL)
		archive_write_free(b->a);
	blockz_free(b->z);
	spool_close(&b->index);
	if (b->fd >= 0 && !b->to_stdout)
		close(b->fd);
	spool_close(&b->manifest[0]);
	spool_close(&b->manifest[1]);
	wbuf_release(&b->tags);
	wbuf_release(&b->tags512);
	wbuf_release(&b->line);
	free(b->path);
	free(b->temp);
	free(b->name);
	free(b);
}

struct bag *
bag_create(const char *path, const char *name, const struct bag_options *o,
    struct warta_error *err)
{
	static const char bagit[] =
	    "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
	struct bag *b;

	if ((b = calloc(1, sizeof(*b))) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	b->fd = -1;
	b->o = *o;
	b->to_stdout = strcmp(path, "-") == 0;
	wbuf_init(&b->tags);
	wbuf_init(&b->tags512);
	wbuf_init(&b->line);
	if (bag_check_target(path, NULL, err) != WARTA_OK)
		goto fail;
	if ((b->path = strdup(b->to_stdout ? "<stdout>" : path)) == NULL ||
	    (b->name = strdup(name)) == NULL) {
		warta_error_set(err, -1, "out of memory");
		goto fail;
	}
	if (spool_open(&b->manifest[0], err) == NULL ||
	    (o->sha512 && spool_open(&b->manifest[1], err) == NULL))
		goto fail;
	if ((b->a = archive_write_new()) == NULL) {
		warta_error_set(err, -1, "out of memory");
		goto fail;
	}
	if (setup_writer(b, err) != WARTA_OK)
		goto fail;
	if (b->to_stdout)
		b->fd = STDOUT_FILENO;
	else if (make_temp(b, err) != WARTA_OK)
		goto fail;
	/* libarchive pads the end of what goes to standard output or a
	 * FIFO to a whole 10240-byte block, zeros after the gzip stream:
	 * the same bag must be the same bytes wherever it is written. */
	if (archive_write_set_bytes_in_last_block(b->a, 1) != ARCHIVE_OK) {
		archive_failed(b, err);
		goto fail;
	}
	if (is_blocked(o->format)) {
		if ((b->z = blockz_new(b->fd, o->format == BAG_TAR_GZ ?
		    BLOCKZ_GZIP : BLOCKZ_ZSTD, o->level, o->threads, err)) ==
		    NULL || spool_open(&b->index, err) == NULL)
			goto fail;
		if (archive_write_open2(b->a, b, NULL, to_blockz, NULL, NULL) !=
		    ARCHIVE_OK) {
			archive_failed(b, err);
			goto fail;
		}
	} else if (archive_write_open_fd(b->a, b->fd) != ARCHIVE_OK) {
		archive_failed(b, err);
		goto fail;
	}
	if (add_tag_file(b, "bagit.txt", bagit, sizeof(bagit) - 1, err) !=
	    WARTA_OK)
		goto fail;
	return b;
fail:
	bag_abort(b);
	return NULL;
}

int
bag_add(struct bag *b, const char *rel, const void *p, size_t len,
    struct warta_error *err)
{
	struct hashing h;
	char full[4096];

	if (hashing_start(&h, b->o.sha512) != 0 ||
	    hashing_update(&h, p, len) != 0 || hashing_end(&h) != 0) {
		hashing_free(&h);
		return warta_error_set(err, -1, "cannot hash data/%s", rel);
	}
	hashing_free(&h);
	snprintf(full, sizeof(full), "data/%s", rel);
	if (write_header(b, full, len, err) != WARTA_OK ||
	    write_all(b, p, len, err) != WARTA_OK)
		return WARTA_FAILED;
	return record_payload(b, full, &h, len, err);
}

int
bag_add_hashed(struct bag *b, const char *rel, const void *p, size_t len,
    const char *sha256_hex, const char *sha512_hex, struct warta_error *err)
{
	struct hashing h;
	char full[4096];

	if (b->o.sha512 && sha512_hex == NULL)
		return bag_add(b, rel, p, len, err);
	memset(&h, 0, sizeof(h));
	snprintf(h.hex[0], sizeof(h.hex[0]), "%s", sha256_hex);
	if (b->o.sha512)
		snprintf(h.hex[1], sizeof(h.hex[1]), "%s", sha512_hex);
	snprintf(full, sizeof(full), "data/%s", rel);
	if (write_header(b, full, len, err) != WARTA_OK ||
	    write_all(b, p, len, err) != WARTA_OK)
		return WARTA_FAILED;
	return record_payload(b, full, &h, len, err);
}

/*
 * Writes the entry path (under the bag's directory) with the len bytes
 * read from fp, hashing them into h as they go: a chunk at a time, since
 * a catalog or a manifest grows with the bag.
 */
static int
write_stream(struct bag *b, const char *path, FILE *fp, size_t len,
    struct hashing *h, struct warta_error *err)
{
	char *chunk;
	size_t n;
	int rc = WARTA_FAILED;

	memset(h, 0, sizeof(*h));	/* hashing_free() is safe on it now */
	if ((chunk = malloc(COPY_CHUNK)) == NULL)
		return warta_error_set(err, -1, "out of memory");
	if (hashing_start(h, b->o.sha512) != 0) {
		warta_error_set(err, -1, "cannot hash %s", path);
		goto out;
	}
	if (write_header(b, path, len, err) != WARTA_OK)
		goto out;
	for (; len > 0; len -= n) {
		n = fread(chunk, 1, len < COPY_CHUNK ? len : COPY_CHUNK, fp);
		if (n == 0) {
			warta_error_set(err, -1, "%s: %s", path, ferror(fp) ?
			    strerror(errno) : "its temporary file ended early");
			goto out;
		}
		if (hashing_update(h, chunk, n) != 0 ||
		    write_all(b, chunk, n, err) != WARTA_OK)
			goto out;
	}
	if (hashing_end(h) != 0) {
		warta_error_set(err, -1, "cannot hash %s", path);
		goto out;
	}
	rc = WARTA_OK;
out:
	free(chunk);
	return rc;
}

int
bag_add_stream(struct bag *b, const char *rel, FILE *fp, size_t len,
    struct warta_error *err)
{
	struct hashing h;
	char full[4096];
	int rc;

	snprintf(full, sizeof(full), "data/%s", rel);
	rc = write_stream(b, full, fp, len, &h, err);
	if (rc == WARTA_OK)
		rc = record_payload(b, full, &h, len, err);
	hashing_free(&h);
	return rc;
}

int
bag_mark(struct bag *b, struct warta_error *err)
{
	if (b->z == NULL || blockz_filling(b->z) < MEMBER_TARGET)
		return WARTA_OK;
	/* The entry before, padding and all, stays in the member before. */
	if (archive_write_finish_entry(b->a) != ARCHIVE_OK)
		return archive_failed(b, err);
	return blockz_cut(b->z, err);
}

unsigned long long
bag_payload_files(const struct bag *b)
{
	return b->files;
}

unsigned long long
bag_payload_bytes(const struct bag *b)
{
	return b->bytes;
}

/* A manifest, from its temporary file, as a tag file. */
static int
add_manifest(struct bag *b, int i, const char *rel, struct warta_error *err)
{
	FILE *fp = b->manifest[i].fp;
	struct hashing h;
	long len;
	int rc;

	if (fflush(fp) != 0 || (len = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0)
		return warta_error_set(err, -1, "temporary file: %s",
		    strerror(errno));
	rc = write_stream(b, rel, fp, (size_t)len, &h, err);
	if (rc == WARTA_OK)
		rc = record_tag(b, rel, &h, err);
	hashing_free(&h);
	return rc;
}

/* Every entry written so far, and the members flushed. */
static int
flush_members(struct bag *b, struct warta_error *err)
{
	if (archive_write_finish_entry(b->a) != ARCHIVE_OK)
		return archive_failed(b, err);
	return blockz_flush(b->z, err);
}

/* A part of bundle-index.tsv that starts a member of its own: where it
 * starts in the text, its first line's key, and (once written) its
 * member's number and the bytes before it there. */
struct index_chunk {
	off_t at;
	char key[BAG_INDEX_PATH_MAX];
	uint64_t member;
	size_t skip;
};

/* The records sorted by key into sorted; their members are made offsets
 * as the lines are written (index_text()), not in a pass of their own. */
static int
sort_records(struct bag *b, FILE *sorted, struct warta_error *err)
{
	if (fflush(b->index.fp) != 0 ||
	    fseeko(b->index.fp, 0, SEEK_SET) != 0)
		return warta_error_set(err, -1, "temporary file: %s",
		    strerror(errno));
	return extsort(b->index.fp, sorted, sizeof(struct bag_index_rec),
	    bag_index_rec_cmp, err);
}

/* The index's lines into text, cut into chunks of about
 * BAG_INDEX_CHUNK bytes, never between two lines of one key. */
static int
index_text(const struct blockz *z, FILE *sorted, FILE *text,
    struct index_chunk **chunks, size_t *n, struct warta_error *err)
{
	static const char head[] = "offset\tskip\tpath\n";
	struct bag_index_rec rec;
	struct index_chunk *c;
	char prev[BAG_INDEX_PATH_MAX] = "", key[BAG_INDEX_PATH_MAX];
	/* two numbers of at most 20 digits, two tabs, a newline, a NUL */
	char line[BAG_INDEX_PATH_MAX + 44];
	off_t at = 0, start = 0;
	size_t cap = 0;
	int len;

	if (fflush(sorted) != 0 || fseeko(sorted, 0, SEEK_SET) != 0 ||
	    fputs(head, text) == EOF)
		goto io;
	at = (off_t)sizeof(head) - 1;
	while (fread(&rec, sizeof(rec), 1, sorted) == 1) {
		bag_index_key(rec.path, key, sizeof(key));
		if (*n == 0 || (at - start >= (off_t)BAG_INDEX_CHUNK &&
		    strcmp(key, prev) != 0)) {
			if (*n == cap) {
				cap = cap != 0 ? 2 * cap : 64;
				if ((c = realloc(*chunks, cap * sizeof(*c))) ==
				    NULL)
					return warta_error_set(err, -1,
					    "out of memory");
				*chunks = c;
			}
			c = &(*chunks)[(*n)++];
			/* The first chunk holds the header line too. */
			c->at = *n == 1 ? 0 : at;
			start = c->at;
			memcpy(c->key, key, sizeof(c->key));
		}
		memcpy(prev, key, sizeof(prev));
		/* The member's number, made its offset in the file. */
		if ((rec.offset = blockz_member_offset(z, rec.offset)) ==
		    UINT64_MAX)
			return warta_error_set(err, -1, "%s: an entry in no "
			    "member written", rec.path);
		/* Made whole first: the path is bounded, so the line is. */
		len = snprintf(line, sizeof(line), "%llu\t%llu\t%s\n",
		    (unsigned long long)rec.offset,
		    (unsigned long long)rec.skip, rec.path);
		if (len < 0 || (size_t)len >= sizeof(line) ||
		    fwrite(line, 1, (size_t)len, text) != (size_t)len)
			goto io;
		at += len;
	}
	if (ferror(sorted) || fflush(text) != 0)
		goto io;
	return WARTA_OK;
io:
	return warta_error_set(err, -1, "temporary file: %s", strerror(errno));
}

/* The index entry, each chunk starting a member. */
static int
write_index(struct bag *b, FILE *text, struct index_chunk *chunks, size_t n,
    struct hashing *h, struct warta_error *err)
{
	char buf[8192];
	off_t len, at = 0, end;
	size_t i, want;

	if ((len = ftello(text)) < 0 || fseeko(text, 0, SEEK_SET) != 0)
		return warta_error_set(err, -1, "temporary file: %s",
		    strerror(errno));
	if (hashing_start(h, b->o.sha512) != 0)
		return warta_error_set(err, -1, "cannot hash the index");
	if (write_header(b, BAG_INDEX_NAME, (size_t)len, err) != WARTA_OK)
		return WARTA_FAILED;
	for (i = 0; i < n; i++) {
		if (i > 0 && blockz_cut(b->z, err) != WARTA_OK)
			return WARTA_FAILED;
		chunks[i].member = blockz_member(b->z);
		chunks[i].skip = blockz_filling(b->z);
		end = i + 1 < n ? chunks[i + 1].at : len;
		for (; at < end; at += (off_t)want) {
			want = end - at < (off_t)sizeof(buf) ?
			    (size_t)(end - at) : sizeof(buf);
			if (fread(buf, 1, want, text) != want)
				return warta_error_set(err, -1, "temporary "
				    "file: cannot read it back");
			if (hashing_update(h, buf, want) != 0 ||
			    write_all(b, buf, want, err) != WARTA_OK)
				return WARTA_FAILED;
		}
	}
	if (hashing_end(h) != 0)
		return warta_error_set(err, -1, "cannot hash the index");
	return record_tag(b, BAG_INDEX_NAME, h, err);
}

/*
 * bundle-index.tsv and bundle-index-keys.tsv (bagit/index.h): where each
 * entry before them starts, sorted by key in chunks of a member each,
 * and the first key of each chunk with its member's place.  The keys
 * start a member of their own, which the locator at the end of the file
 * points to (*offset, and *length the bytes of their members).
 */
static int
add_index(struct bag *b, uint64_t *offset, uint64_t *length,
    struct warta_error *err)
{
	struct spool sorted = SPOOL_INIT, text = SPOOL_INIT;
	struct index_chunk *chunks = NULL;
	struct wbuf keys = WBUF_INIT;
	struct hashing h;
	size_t n = 0, i;
	int rc = WARTA_FAILED;

	memset(&h, 0, sizeof(h));
	if (flush_members(b, err) != WARTA_OK ||
	    spool_open(&sorted, err) == NULL ||
	    spool_open(&text, err) == NULL ||
	    sort_records(b, sorted.fp, err) != WARTA_OK ||
	    index_text(b->z, sorted.fp, text.fp, &chunks, &n, err) !=
	    WARTA_OK ||
	    write_index(b, text.fp, chunks, n, &h, err) != WARTA_OK ||
	    flush_members(b, err) != WARTA_OK)
		goto out;
	if (wbuf_puts(&keys, "key\toffset\tskip\n") != WARTA_OK)
		goto oom;
	for (i = 0; i < n; i++) {
		char line[BAG_INDEX_PATH_MAX + 64];

		snprintf(line, sizeof(line), "%s\t%llu\t%zu\n", chunks[i].key,
		    (unsigned long long)blockz_member_offset(b->z,
		    chunks[i].member), chunks[i].skip);
		if (wbuf_puts(&keys, line) != WARTA_OK)
			goto oom;
	}
	*offset = blockz_out_bytes(b->z);
	if (add_tag_file(b, BAG_INDEX_KEYS_NAME, keys.data, keys.len, err) !=
	    WARTA_OK || flush_members(b, err) != WARTA_OK)
		goto out;
	*length = blockz_out_bytes(b->z) - *offset;
	rc = WARTA_OK;
	goto out;
oom:
	warta_error_set(err, -1, "out of memory");
out:
	hashing_free(&h);
	wbuf_release(&keys);
	free(chunks);
	spool_close(&sorted);
	spool_close(&text);
	return rc;
}

/* "12.3 MB": decimal units, as BagIt tools write them. */
static void
human_size(unsigned long long n, char *out, size_t size)
{
	static const char *const units[] = { "KB", "MB", "GB", "TB", "PB" };
	double v = (double)n;
	int u = -1;

	if (n < 1000) {
		snprintf(out, size, "%llu bytes", n);
		return;
	}
	while (v >= 1000 && u < 4) {
		v /= 1000;
		u++;
	}
	snprintf(out, size, "%.1f %s", v, units[u]);
}

static int
put_info_value(struct wbuf *out, const char *v)
{
	for (; *v != '\0'; v++)
		if (wbuf_putc(out, *v == '\n' || *v == '\r' ? ' ' : *v) !=
		    WARTA_OK)
			return -1;
	return 0;
}

static int
sync_dir(const char *path)
{
	char *copy = strdup(path);
	int fd, rc = 0;

	if (copy == NULL)
		return -1;
	if ((fd = open(dirname(copy), O_RDONLY)) >= 0) {
		rc = fsync(fd);
		close(fd);
	}
	free(copy);
	return rc;
}

int
bag_finish(struct bag *b, const struct bag_info *info, size_t n,
    struct warta_error *err)
{
	struct wbuf text = WBUF_INIT;
	char oxum[64], size[32];
	uint64_t index_offset = 0, index_length = 0;
	struct warta_error zerr;
	size_t i;
	int fd;

	if (add_manifest(b, 0, "manifest-sha256.txt", err) != WARTA_OK ||
	    (b->o.sha512 && add_manifest(b, 1, "manifest-sha512.txt", err) !=
	    WARTA_OK))
		goto fail;
	snprintf(oxum, sizeof(oxum), "%llu.%llu", b->bytes, b->files);
	human_size(b->bytes, size, sizeof(size));
	for (i = 0; i < n; i++)
		if (wbuf_puts(&text, info[i].label) != WARTA_OK ||
		    wbuf_puts(&text, ": ") != WARTA_OK ||
		    put_info_value(&text, info[i].value) != 0 ||
		    wbuf_putc(&text, '\n') != WARTA_OK)
			goto oom;
	if (wbuf_puts(&text, "Payload-Oxum: ") != WARTA_OK ||
	    wbuf_puts(&text, oxum) != WARTA_OK ||
	    wbuf_puts(&text, "\nBag-Size: ") != WARTA_OK ||
	    wbuf_puts(&text, size) != WARTA_OK ||
	    wbuf_putc(&text, '\n') != WARTA_OK)
		goto oom;
	if (add_tag_file(b, "bag-info.txt", text.data, text.len, err) !=
	    WARTA_OK)
		goto fail;
	if (b->z != NULL && !b->no_index && add_index(b, &index_offset,
	    &index_length, err) != WARTA_OK)
		goto fail;
	/* The tag manifests list every tag file but themselves. */
	wbuf_reset(&text);
	if (wbuf_append(&text, b->tags.data, b->tags.len) != WARTA_OK)
		goto oom;
	if (write_header(b, "tagmanifest-sha256.txt", text.len, err) !=
	    WARTA_OK || write_all(b, text.data, text.len, err) != WARTA_OK)
		goto fail;
	if (b->o.sha512 && (write_header(b, "tagmanifest-sha512.txt",
	    b->tags512.len, err) != WARTA_OK ||
	    write_all(b, b->tags512.data, b->tags512.len, err) != WARTA_OK))
		goto fail;
	if (archive_write_close(b->a) != ARCHIVE_OK) {
		archive_failed(b, err);
		goto fail;
	}
	if (b->z != NULL && (blockz_flush(b->z, &zerr) != WARTA_OK ||
	    (!b->no_index && blockz_write_locator(b->z, index_offset,
	    index_length, &zerr) != WARTA_OK))) {
		warta_error_set(err, -1, "%s: %s", b->path, zerr.message);
		goto fail;
	}
	if (b->to_stdout) {
		/* Nothing to sync or rename: a pipe has neither. */
		wbuf_release(&text);
		bag_free(b);
		return WARTA_OK;
	}
	fd = b->fd;
	b->fd = -1;
	if (fsync(fd) != 0 || close(fd) != 0) {
		warta_error_set(err, -1, "%s: %s", b->path, strerror(errno));
		goto fail;
	}
	/* Again, now that the bag is done: a node made at path while it
	 * was written must not be deleted by the rename either. */
	if (bag_check_target(b->path, NULL, err) != WARTA_OK)
		goto fail;
	if (rename(b->temp, b->path) != 0) {
		warta_error_set(err, -1, "%s: %s", b->path, strerror(errno));
		goto fail;
	}
	free(b->temp);
	b->temp = NULL;
	/* The new name is on disk too, not only the bytes. */
	(void)sync_dir(b->path);
	wbuf_release(&text);
	bag_free(b);
	return WARTA_OK;
oom:
	warta_error_set(err, -1, "out of memory");
fail:
	wbuf_release(&text);
	bag_abort(b);
	return WARTA_FAILED;
}

void
bag_abort(struct bag *b)
{
	if (b == NULL)
		return;
	if (b->temp != NULL)
		(void)unlink(b->temp);
	bag_free(b);
}

const char *
bag_temp_path(const struct bag *b)
{
	return b != NULL ? b->temp : NULL;
}
