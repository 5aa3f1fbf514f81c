/*
 * progress.h: the progress line of a long run, the way pv and rsync show
 * it: items done, megabytes, MB/s and, where the total is known, the
 * percentage and the time left, on one line of standard error that is
 * redrawn in place ("\r") at most PROGRESS_PER_SECOND times a second and
 * cleared at the end, so that the summary that follows starts clean.
 *
 * Shown when standard error is a terminal (TERM=dumb is not one) and
 * standard output is not a pipe (in a pipeline of stages, the last one
 * shows its line, not all of them over each other), or when --progress
 * forces it (then "\r" lines go wherever standard error goes,
 * as pv -f does); -q silences it.  Never a timer signal: each update reads
 * the monotonic clock, and only every few calls (a stride that grows while
 * the calls come fast), so that an update costs a counter.
 *
 * Every function takes NULL (no progress shown) and does nothing then.
 * MB is 10^6 bytes, as everywhere in warta.
 */
#ifndef WARTA_PROGRESS_H
#define WARTA_PROGRESS_H

#include <stddef.h>

#define PROGRESS_PER_SECOND 4

struct progress;

/* Whether to show it: -q wins, --progress forces, else a terminal and
 * no pipe on standard output. */
int progress_wanted(int force, int quiet);

/*
 * The line of program name on fd, or NULL when not enabled (or out of
 * memory: a run goes on without its progress).  While it lives, a message
 * of cli.h clears the line before it is written.
 */
struct progress *progress_new(const char *name, int fd, int enabled);
/* Clears the line and frees it. */
void progress_end(struct progress *p);

/* What the run will come to, 0 for unknown; the percentage and the
 * time left follow the items when their total is known, else the bytes. */
void progress_total(struct progress *p, unsigned long long items,
    unsigned long long bytes);
/*
 * A new pass ("writing"): the label shown before the counts, the clock
 * and the totals start again.
 */
void progress_pass(struct progress *p, const char *label);
/* Where the run stands: items and bytes done so far (not increments). */
void progress_update(struct progress *p, unsigned long long items,
    unsigned long long bytes);
/* Clears the line now (something else is to be written to the terminal);
 * the next update draws it again. */
void progress_clear(struct progress *p);

/*
 * The size of a regular file ("-": standard input, when it is one) in
 * *size; -1 when it has none (a pipe, a terminal, a directory).
 */
int progress_file_size(const char *path, unsigned long long *size);

/*
 * The bytes of the inputs named from argv[first] to argv[argc - 1] (none:
 * standard input), or 0 when one of them has no size known in advance.
 */
unsigned long long progress_inputs_size(int first, int argc, char **argv);

/* What one line says, for progress_format(). */
struct progress_state {
	const char *name;
	const char *label;		/* NULL: none */
	unsigned long long items, items_total;	/* total 0: unknown */
	unsigned long long bytes, bytes_total;
	double elapsed;			/* seconds since the pass began */
};

/*
 * The line, without "\r": "warta-pack: 12,345 items  412.3 MB  88.1 MB/s
 * 43%  ETA 0:12" (with a total), or "... 88.1 MB/s  0:42" (the time
 * so far, without).  The rate and the time left wait for half a second
 * of the run.  At most size - 1 characters (cut); returns its length.
 */
size_t progress_format(char *buf, size_t size,
    const struct progress_state *s);

#endif
