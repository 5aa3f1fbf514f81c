/*
 * tests/fuzz/replay.c: a plain main() for a fuzz target, for builds
 * without libFuzzer (the ordinary compiler, with or without ASan): each
 * operand, a file or a directory of files, is fed to
 * LLVMFuzzerTestOneInput() once.  This is how make check replays
 * tests/fuzz-regressions/ in the plain and the sanitizer build.
 *
 * Exit 0 when every input ran (a crash or a sanitizer report ends the
 * process on its own), 2 when an input could not be read.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

/* Far more than a found input needs (libFuzzer's -max_len is 4096 unless
 * told otherwise); a larger file is a mistake, not a finding. */
#define REPLAY_MAX ((long)16 << 20)

/* Feeds one file, in a buffer of exactly its size (so that ASan sees a
 * read past its end). */
static int
replay_file(const char *path)
{
	FILE *fp;
	unsigned char *buf = NULL;
	const char *why = NULL;
	long n;

	if ((fp = fopen(path, "rb")) == NULL ||
	    fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0)
		why = strerror(errno);
	else if (n > REPLAY_MAX)
		why = "larger than a fuzz input can be";
	else if ((buf = malloc(n != 0 ? (size_t)n : 1)) == NULL)
		why = "out of memory";
	else if (fread(buf, 1, (size_t)n, fp) != (size_t)n)
		why = "short read";
	else
		LLVMFuzzerTestOneInput(buf, (size_t)n);
	if (why != NULL)
		fprintf(stderr, "replay: %s: %s\n", path, why);
	free(buf);
	if (fp != NULL)
		fclose(fp);
	return why != NULL ? -1 : 0;
}

static int
replay(const char *path)
{
	struct stat st;
	struct dirent **names;
	char *p;
	int i, n, rc = 0;

	if (stat(path, &st) == -1) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return replay_file(path);
	if ((n = scandir(path, &names, NULL, alphasort)) == -1) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.') {
			if ((p = malloc(strlen(path) +
			    strlen(names[i]->d_name) + 2)) == NULL)
				rc = -1;
			else {
				sprintf(p, "%s/%s", path, names[i]->d_name);
				if (replay(p) != 0)
					rc = -1;
				free(p);
			}
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int
main(int argc, char **argv)
{
	int i, rc = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++)
		if (replay(argv[i]) != 0)
			rc = 2;
	return rc;
}
