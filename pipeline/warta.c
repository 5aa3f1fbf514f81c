/*
 * warta: runs warta-STAGE for "warta STAGE ...", as git runs its
 * commands, so that one name on the PATH is enough to remember.
 *
 * The stage is looked for first beside this program (an installed warta
 * runs its own stages, whatever else is on the PATH), then on the PATH.
 * Only the stages listed here are run: "warta ../x" runs nothing.
 */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/warta.h"
#include "cli.h"

#define PROG "warta"

/* The shell's statuses for a command it cannot find or cannot run. */
enum {
	EXIT_CANNOT_RUN = 126,
	EXIT_NOT_FOUND = 127
};

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
	{ "html", "a static site of items: the reading room" },
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

/* Runs warta-STAGE beside this program, else from the PATH. */
static int
run_stage(const char *stage, char **argv)
{
	char self[PATH_MAX], path[PATH_MAX + 32], prog[32];
	ssize_t n;
	int e;

	snprintf(prog, sizeof(prog), "warta-%s", stage);
	argv[0] = prog;
	/* Beside this program first: its own stages, not others'. */
	if ((n = readlink("/proc/self/exe", self, sizeof(self) - 1)) > 0) {
		self[n] = '\0';
		snprintf(path, sizeof(path), "%s/%s", dirname(self), prog);
		execv(path, argv);
	}
	execvp(prog, argv);
	e = errno;
	cli_warn_at(prog, "%s", strerror(e));
	return e == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_RUN;
}

int
main(int argc, char **argv)
{
	size_t i;
	int rc;

	cli_set_name(PROG);
	if ((rc = cli_only_help_version(argc, argv, usage, 1)) >= 0)
		return rc;
	if (optind == argc)
		return cli_usage_error("no stage given");
	for (i = 0; i < NSTAGES; i++)
		if (strcmp(argv[optind], stages[i].name) == 0)
			return run_stage(stages[i].name, argv + optind);
	return cli_usage_error("'%s' is not a stage", argv[optind]);
}
