/*
 * cli.h: what every warta program shares: its name, its messages, its
 * usage errors, its exit codes and the check of standard output at exit.
 * One place for these, as libarchive_fe/err.c is for tar, cpio and cat.
 *
 * Messages go to standard error as one line each, in the shape
 * "warta-pack: items/x.xml: not a NewsML-G2 item": the program, what it
 * concerns (a file, "<stdin>", an option), then what went wrong, lowercase
 * and without a full stop.
 */
#ifndef WARTA_CLI_H
#define WARTA_CLI_H

#include <signal.h>
#include <stdio.h>

#include "base/warta.h"

/* The exit codes of every program (warta-verify reads 1 as "invalid"). */
enum cli_exit {
	CLI_OK = 0,		/* every input was good */
	CLI_SOME_FAILED = 1,	/* some input was bad; the rest went on */
	CLI_USAGE = 2		/* a usage error, or nothing could be done */
};

#if defined(__GNUC__)
#define CLI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define CLI_NORETURN __attribute__((noreturn))
#else
#define CLI_PRINTF(a, b)
#define CLI_NORETURN
#endif

/* The program's name for messages ("warta-pack"); set once in main(). */
void cli_set_name(const char *name);
const char *cli_name(void);

/*
 * fn(arg) is called before each message and each report line is written
 * (progress.h clears its line there); NULL for none.
 */
void cli_set_message_hook(void (*fn)(void *), void *arg);

/* "PROG: MESSAGE" */
void cli_warn(const char *fmt, ...) CLI_PRINTF(1, 2);
/* "PROG: WHAT: MESSAGE", WHAT being a file name, "<stdin>", ... */
void cli_warn_at(const char *what, const char *fmt, ...) CLI_PRINTF(2, 3);

/*
 * A line of a report on standard output (warta-verify's), formatted and
 * escaped as the messages are, then the end of the line.
 */
void cli_print_line(const char *fmt, ...) CLI_PRINTF(1, 2);

/*
 * A usage error: "PROG: MESSAGE (see PROG --help)".  Returns CLI_USAGE so
 * that option parsing can `return cli_usage_error(...)`.
 */
int cli_usage_error(const char *fmt, ...) CLI_PRINTF(1, 2);

/*
 * -j N, --jobs N: the number of threads, 1 to CLI_JOBS_MAX, into *jobs;
 * a usage error (CLI_USAGE) otherwise.  The default is the number of
 * online cores (workpool_cores()).
 */
#define CLI_JOBS_MAX	256
int cli_parse_jobs(const char *arg, unsigned *jobs);

/*
 * A value that cannot be used (an option's, a spreadsheet's, the
 * environment's): "PROG: MESSAGE", the message saying what would do
 * instead of sending to --help.  Returns CLI_USAGE.
 */
int cli_bad_value(const char *fmt, ...) CLI_PRINTF(1, 2);

/*
 * The message for an unknown option or one that lacks its value, after
 * getopt_long() returned '?' or ':' (with opterr = 0).  Returns CLI_USAGE.
 * A program whose optstring starts with ':' can tell the two apart and
 * give ':' to cli_needs_value() instead.
 */
int cli_bad_option(char **argv, int optind_now, int optopt_now);
/*
 * "PROG: option '--page' needs a value (see PROG --help)", after
 * getopt_long() returned ':' (an optstring that starts with ':').
 * Returns CLI_USAGE.
 */
int cli_needs_value(char **argv, int optind_now, int optopt_now);

/*
 * The options of a program that has only -h and -V: prints the help with
 * usage() or the version and exits, or reports a bad option.  With
 * stop_at_operand, options after the first operand are left alone (the
 * front command passes them to the stage).  Returns -1 to go on (optind
 * at the first operand), or the exit status.
 */
int cli_only_help_version(int argc, char **argv, void (*usage)(FILE *),
    int stop_at_operand);

/*
 * Ends -h and -V: standard output is flushed and checked, the exit status
 * is CLI_OK or, when the text could not be written, CLI_USAGE.
 */
CLI_NORETURN void cli_exit_help(void);
/* Prints "PROG VERSION" and ends as cli_exit_help() does. */
CLI_NORETURN void cli_exit_version(void);

/*
 * At the end of main(): flushes and closes standard output and reports a
 * write that failed (a full disk, a closed pipe).  Returns status, or
 * CLI_SOME_FAILED when the output did not get out whole and status was
 * CLI_OK.
 */
int cli_finish(int status);

/*
 * The signals that end a run (INT, TERM, HUP, PIPE) blocked on this
 * thread, *old what was blocked before; cli_restore_signals(old) undoes
 * it.  Around a moment no signal may split (a temporary file named), or
 * around the start of threads, which inherit the mask, so that the
 * signals go to the main thread.
 */
void cli_block_signals(sigset_t *old);
void cli_restore_signals(const sigset_t *old);

/*
 * Whether standard output has failed so far (for a long run that should
 * stop writing once the reader is gone).  Called right after a write that
 * failed, it also keeps errno for cli_finish()'s message: the C library
 * drops what it could not write, so the flush at exit cannot tell why.
 */
int cli_stdout_failed(void);

/*
 * A writer to standard output failed with message.  A failure of standard
 * output itself is left to cli_finish(), which reports it once, with the
 * system's reason; anything else (memory running out) is reported now as
 * "PROG: standard output: MESSAGE".
 */
void cli_stdout_error(const char *message);

/*
 * Messages held back: a job done on another thread must not print (its
 * messages would come out of order), so it notes them in its own buffer,
 * "WHAT\0MESSAGE\0" each, and the main thread shows them, in the
 * order of the jobs, when it takes the job back.  cli_note() only
 * formats: it is safe on any thread, on a buffer that thread owns.
 */
struct wbuf;
void cli_note(struct wbuf *notes, const char *what, const char *fmt, ...)
    CLI_PRINTF(3, 4);
/* Shows the notes in [from, to) of notes as cli_warn_at() would. */
void cli_show_notes(const struct wbuf *notes, size_t from, size_t to);

#endif
