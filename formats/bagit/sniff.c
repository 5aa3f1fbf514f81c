/*
 * bagit/sniff.c: what a file is, by its bytes; see bagit/sniff.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bagit/sniff.h"

/* XML is known by its start; a longer run of blanks is not XML's. */
#define XML_WINDOW 64

static const struct {
	size_t at, len;
	const char *magic;
	enum sniff_kind kind;
} magics[] = {
	{ 0, 2, "\x1f\x8b", SNIFF_GZIP },
	{ 0, 4, "PK\003\004", SNIFF_ZIP },
	{ 0, 6, "\xfd" "7zXZ\0", SNIFF_XZ },
	{ 0, 4, "\x28\xb5\x2f\xfd", SNIFF_ZSTD },
	{ 0, 3, "BZh", SNIFF_BZIP2 },
	{ 257, 5, "ustar", SNIFF_TAR },
};

enum sniff_kind
sniff_archive(const unsigned char *head, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(magics) / sizeof(magics[0]); i++)
		if (len >= magics[i].at + magics[i].len &&
		    memcmp(head + magics[i].at, magics[i].magic,
		    magics[i].len) == 0)
			return magics[i].kind;
	return SNIFF_UNKNOWN;
}

int
sniff_xml(const unsigned char *head, size_t len)
{
	size_t i = 0;

	if (len > XML_WINDOW)
		len = XML_WINDOW;
	if (len >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
		i = 3;
	while (i < len && (head[i] == ' ' || head[i] == '\t' ||
	    head[i] == '\n' || head[i] == '\r'))
		i++;
	return i < len && head[i] == '<';
}

int
sniff_zip_tail(const unsigned char *tail, size_t len)
{
	size_t i;

	if (len < 22)
		return 0;
	for (i = len - 22 + 1; i-- > 0; )
		if (memcmp(tail + i, "PK\005\006", 4) == 0)
			return 1;
	return 0;
}

int
sniff_read_head(const char *path, unsigned char *head, size_t size,
    size_t *len)
{
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL)
		return -1;
	*len = fread(head, 1, size, fp);
	fclose(fp);
	return 0;
}

int
sniff_zip_has_directory(const char *path)
{
	unsigned char *buf;
	long size, from;
	size_t n;
	FILE *fp;
	int found;

	if ((fp = fopen(path, "rb")) == NULL)
		return 0;
	if (fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 22) {
		fclose(fp);
		return 0;
	}
	from = size > SNIFF_ZIP_TAIL ? size - SNIFF_ZIP_TAIL : 0;
	if ((buf = malloc((size_t)(size - from))) == NULL ||
	    fseek(fp, from, SEEK_SET) != 0) {
		free(buf);
		fclose(fp);
		return 0;
	}
	n = fread(buf, 1, (size_t)(size - from), fp);
	fclose(fp);
	found = sniff_zip_tail(buf, n);
	free(buf);
	return found;
}
