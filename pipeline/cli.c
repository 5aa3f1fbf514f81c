/*
 * cli.c: the programs' shared name, messages and exits; see cli.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/name.h"
#include "cli.h"

/* The one global of a program: its name, for messages. */
static const char *prog = "warta";
/*
 * Why standard output failed, caught at the failed write: glibc drops the
 * buffer then, so the flush at exit succeeds and errno says nothing.  It
 * belongs with stdout, which is global itself.
 */
static int stdout_errno;

/* Standard output was closed when the program started (>&-). */
static int stdout_closed;

/* What is called before a message (the progress line's clearing). */
static void (*message_hook)(void *);
static void *message_hook_arg;

/*
 * A standard descriptor that is closed is opened on /dev/null, so that no
 * file the program opens takes its number: a bundle being written must
 * never become standard output.  Standard output is opened for reading
 * only, so that a write to it fails and is reported as the closed
 * descriptor it is.
 */
static void
reserve_standard_fds(void)
{
	int fd, flags;

	for (fd = 0; fd <= 2; fd++) {
		if ((flags = fcntl(fd, F_GETFL)) != -1) {
			/* A front command's reservation, seen by a stage. */
			if (fd == 1 && (flags & O_ACCMODE) == O_RDONLY)
				stdout_closed = 1;
			continue;
		}
		if (errno != EBADF)
			continue;
		if (fd == 1)
			stdout_closed = 1;
		(void)open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY);
	}
}

void
cli_set_name(const char *name)
{
	prog = name;
	reserve_standard_fds();
}

const char *
cli_name(void)
{
	return prog;
}

void
cli_set_message_hook(void (*fn)(void *), void *arg)
{
	message_hook = fn;
	message_hook_arg = arg;
}

/*
 * "[WHAT: ]TEXT" into shown, escaped (base/name.h): a message names files
 * and entries from anyone, and no name may send a terminal an escape
 * sequence or forge a line.  WARTA_FAILED when out of memory.
 */
static int
format_escaped(struct wbuf *shown, const char *what, const char *fmt,
    va_list ap)
{
	struct wbuf line = WBUF_INIT;
	char small[512];
	va_list copy;
	int n;

	small[0] = '\0';
	va_copy(copy, ap);
	n = vsnprintf(small, sizeof(small), fmt, copy);
	va_end(copy);
	if (n < 0)
		n = 0;
	if ((what != NULL && (wbuf_puts(&line, what) != WARTA_OK ||
	    wbuf_puts(&line, ": ") != WARTA_OK)) ||
	    wbuf_reserve(&line, (size_t)n + 1) != WARTA_OK)
		goto raw;
	if ((size_t)n < sizeof(small))
		memcpy(line.data + line.len, small, (size_t)n + 1);
	else
		vsnprintf(line.data + line.len, (size_t)n + 1, fmt, ap);
	line.len += (size_t)n;
	wbuf_reset(shown);
	if (name_escape(shown, line.data, line.len) != WARTA_OK ||
	    wbuf_reserve(shown, 1) != WARTA_OK)
		goto raw;
	wbuf_release(&line);
	return WARTA_OK;
raw:
	wbuf_release(&line);
	return WARTA_FAILED;
}

/* "PROG: [WHAT: ]MESSAGE", escaped, without the end of the line. */
static void
vmessage(const char *what, const char *fmt, va_list ap)
{
	struct wbuf shown = WBUF_INIT;

	if (message_hook != NULL)
		message_hook(message_hook_arg);
	if (format_escaped(&shown, what, fmt, ap) == WARTA_OK)
		fprintf(stderr, "%s: %s", prog, shown.data);
	else
		fprintf(stderr, "%s: out of memory", prog);
	wbuf_release(&shown);
}

void
cli_print_line(const char *fmt, ...)
{
	struct wbuf shown = WBUF_INIT;
	va_list ap;

	if (message_hook != NULL)
		message_hook(message_hook_arg);
	va_start(ap, fmt);
	if (format_escaped(&shown, NULL, fmt, ap) == WARTA_OK)
		printf("%s\n", shown.data);
	else
		cli_warn("standard output: out of memory");
	va_end(ap);
	wbuf_release(&shown);
}

void
cli_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
cli_warn_at(const char *what, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(what, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see %s --help)\n", prog);
	return CLI_USAGE;
}

int
cli_parse_jobs(const char *arg, unsigned *jobs)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || n < 1 ||
	    n > CLI_JOBS_MAX)
		return cli_usage_error("-j: '%s' is not a number of jobs "
		    "(1 to %d)", arg, CLI_JOBS_MAX);
	*jobs = (unsigned)n;
	return CLI_OK;
}

int
cli_bad_value(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
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

int
cli_needs_value(char **argv, int optind_now, int optopt_now)
{
	const char *arg = argv[optind_now - 1];

	/* As cli_bad_option(): a short option may end a cluster ("-qe"). */
	if (optopt_now != 0 && strncmp(arg, "--", 2) != 0)
		return cli_usage_error("option '-%c' needs a value",
		    optopt_now);
	return cli_usage_error("option '%s' needs a value", arg);
}

static void
note_stdout_errno(void)
{
	if (stdout_errno == 0)
		stdout_errno = errno != 0 ? errno : EIO;
}

int
cli_stdout_failed(void)
{
	if (ferror(stdout))
		note_stdout_errno();
	return stdout_errno != 0;
}

void
cli_stdout_error(const char *message)
{
	if (!cli_stdout_failed())
		cli_warn("standard output: %s", message);
}

/*
 * Flushes and closes standard output; reports and returns nonzero when
 * something written did not get out.
 */
static int
close_stdout(void)
{
	errno = 0;
	if (fflush(stdout) != 0)
		note_stdout_errno();
	(void)cli_stdout_failed();
	/*
	 * A program run with standard output closed (>&-) that wrote
	 * nothing there has lost nothing: only its fclose() fails, EBADF.
	 */
	if (fclose(stdout) != 0 && !(errno == EBADF && stdout_errno == 0))
		note_stdout_errno();
	if (stdout_errno == 0)
		return 0;
	if (stdout_closed)
		cli_warn("standard output: closed: what was to be written "
		    "there is lost");
	else
		cli_warn("standard output: %s", strerror(stdout_errno));
	return 1;
}

void
cli_exit_help(void)
{
	exit(close_stdout() != 0 ? CLI_USAGE : CLI_OK);
}

void
cli_exit_version(void)
{
	printf("%s %s\n", prog, WARTA_VERSION);
	cli_exit_help();
}

void
cli_block_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

void
cli_restore_signals(const sigset_t *old)
{
	pthread_sigmask(SIG_SETMASK, old, NULL);
}

int
cli_finish(int status)
{
	if (close_stdout() != 0 && status == CLI_OK)
		status = CLI_SOME_FAILED;
	return status;
}

int
cli_only_help_version(int argc, char **argv, void (*usage)(FILE *),
    int stop_at_operand)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, stop_at_operand ? "+hV" : "hV",
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			cli_exit_help();
		case 'V':
			cli_exit_version();
		default:
			return cli_bad_option(argv, optind, optopt);
		}
	}
	return -1;
}

void
cli_note(struct wbuf *notes, const char *what, const char *fmt, ...)
{
	size_t start = notes->len;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (wbuf_puts(notes, what) != WARTA_OK ||
	    wbuf_putc(notes, '\0') != WARTA_OK || n < 0 ||
	    wbuf_reserve(notes, (size_t)n + 1) != WARTA_OK) {
		/* The note is lost, not the fact that there was one. */
		notes->len = start;
		if (wbuf_puts(notes, what) == WARTA_OK &&
		    wbuf_putc(notes, '\0') == WARTA_OK &&
		    wbuf_puts(notes, "out of memory") == WARTA_OK &&
		    wbuf_putc(notes, '\0') == WARTA_OK)
			return;
		notes->len = start;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(notes->data + notes->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	notes->len += (size_t)n + 1;	/* with its NUL */
	notes->data[notes->len] = '\0';
}

void
cli_show_notes(const struct wbuf *notes, size_t from, size_t to)
{
	const char *what, *msg;

	while (from < to) {
		what = notes->data + from;
		msg = what + strlen(what) + 1;
		cli_warn_at(what, "%s", msg);
		from = (size_t)(msg + strlen(msg) + 1 - notes->data);
	}
}
