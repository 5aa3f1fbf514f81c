/*
 * cli.c: the programs' shared name, messages and exits; see cli.h.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The one global of a program: its name, for messages. */
static const char *prog = "warta";

void
cli_set_name(const char *name)
{
	prog = name;
}

const char *
cli_name(void)
{
	return prog;
}

void
cli_warn(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
cli_warn_at(const char *what, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s: ", prog, what);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see %s --help)\n", prog);
	return CLI_USAGE;
}

int
cli_bad_option(char **argv, int optind_now, int optopt_now)
{
	const char *arg = argv[optind_now - 1];

	/*
	 * getopt_long leaves optopt 0 for a long option; a short one may
	 * stand in a cluster ("-qx"), so name the letter itself.
	 */
	if (optopt_now != 0 && strncmp(arg, "--", 2) != 0)
		return cli_usage_error("bad option '-%c'", optopt_now);
	return cli_usage_error("bad option '%s'", arg);
}

static int
stdout_ok(void)
{
	return fflush(stdout) == 0 && !ferror(stdout);
}

void
cli_exit_help(void)
{
	if (!stdout_ok() || fclose(stdout) != 0) {
		cli_warn("standard output: %s", strerror(errno != 0 ? errno :
		    EIO));
		exit(CLI_USAGE);
	}
	exit(CLI_OK);
}

void
cli_exit_version(void)
{
	printf("%s %s\n", prog, WARTA_VERSION);
	cli_exit_help();
}

int
cli_stdout_failed(void)
{
	return ferror(stdout) != 0;
}

int
cli_finish(int status)
{
	int failed;

	errno = 0;
	failed = !stdout_ok();
	if (fclose(stdout) != 0)
		failed = 1;
	if (failed) {
		cli_warn("standard output: %s", strerror(errno != 0 ? errno :
		    EIO));
		if (status == CLI_OK)
			status = CLI_SOME_FAILED;
	}
	return status;
}
