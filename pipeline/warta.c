/*
 * warta: runs warta-STAGE for "warta STAGE ...", as git runs its
 * commands, so that one name on the PATH is enough to remember.
 *
 * The stage is looked for first beside this program (an installed warta
 * runs its own stages, whatever else is on the PATH), then on the PATH.
 * Only the stages listed here are run: "warta ../x" runs nothing.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/warta.h"

#define PROG "warta"

static const struct {
	const char *name;
	const char *what;
} stages[] = {
	{ "normalize", "raw news text in, NewsML-G2 items out" },
	{ "meta", "metadata from options, a spreadsheet and the text" },
	{ "pack", "items into a BagIt bundle" },
	{ "unpack", "list, stream or extract a bundle's items" },
	{ "verify", "check a bundle, or lint NewsML-G2" },
	{ "text", "the text of items" },
};
#define NSTAGES (sizeof(stages) / sizeof(stages[0]))

static void
usage(FILE *fp)
{
	size_t i;

	fprintf(fp, "usage: " PROG " stage [arguments ...]\n"
	    "Runs warta-STAGE with the arguments; see warta-STAGE --help.\n\n");
	for (i = 0; i < NSTAGES; i++)
		fprintf(fp, "  %-10s %s\n", stages[i].name, stages[i].what);
	fprintf(fp, "\n  -h, --help     this help\n"
	    "  -V, --version  the version\n");
}

int
main(int argc, char **argv)
{
	char self[PATH_MAX], path[PATH_MAX + 32], prog[32];
	ssize_t n;
	size_t i;

	if (argc < 2) {
		fprintf(stderr, PROG ": no stage given (see " PROG
		    " --help)\n");
		return 2;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
	}
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		printf(PROG " %s\n", WARTA_VERSION);
		return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
	}
	for (i = 0; i < NSTAGES; i++)
		if (strcmp(argv[1], stages[i].name) == 0)
			break;
	if (i == NSTAGES) {
		fprintf(stderr, PROG ": '%s' is not a stage (see " PROG
		    " --help)\n", argv[1]);
		return 2;
	}
	snprintf(prog, sizeof(prog), "warta-%s", stages[i].name);
	argv[1] = prog;
	/* Beside this program first: its own stages, not others'. */
	if ((n = readlink("/proc/self/exe", self, sizeof(self) - 1)) > 0) {
		self[n] = '\0';
		snprintf(path, sizeof(path), "%s/%s", dirname(self), prog);
		execv(path, argv + 1);
	}
	execvp(prog, argv + 1);
	fprintf(stderr, PROG ": %s: %s\n", prog, strerror(errno));
	return errno == ENOENT ? 127 : 126;
}
