/*
 * progress.c: the progress line of a long run; see progress.h.
 */
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "progress.h"

#define LINE_MAX_LEN 160
/* The clock is read every stride calls; the stride doubles while reads
 * come closer than this, and halves when they come further apart than
 * STRIDE_SLOW, so that a slow item never waits long for its line. */
#define STRIDE_FAST 0.005
#define STRIDE_SLOW 0.05
#define STRIDE_MAX 4096
/* The rate and the time left wait for this much of the run. */
#define RATE_AFTER 0.5

struct progress {
	int fd;
	size_t width;			/* the terminal's columns, or 0 */
	struct progress_state s;
	double start;			/* of the pass */
	double last_read, last_draw;	/* -1: never */
	unsigned stride, calls;
	size_t shown;			/* characters on the line now */
};

static double
now_seconds(void)
{
	struct timespec ts;

	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
progress_wanted(int force, int quiet)
{
	const char *term;
	struct stat st;

	if (quiet)
		return 0;
	if (force)
		return 1;
	/* In a pipeline of stages, the last one shows its line: the
	 * others, writing into the pipe, would draw theirs over it on the
	 * same terminal line. */
	if (fstat(STDOUT_FILENO, &st) == 0 && S_ISFIFO(st.st_mode))
		return 0;
	term = getenv("TERM");
	return isatty(STDERR_FILENO) && !(term != NULL &&
	    strcmp(term, "dumb") == 0);
}

/* Writes all of buf; a terminal that fails is left alone. */
static void
put(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0 && (n = write(fd, buf, len)) > 0) {
		buf += n;
		len -= (size_t)n;
	}
}

void
progress_clear(struct progress *p)
{
	char buf[LINE_MAX_LEN + 2];

	if (p == NULL || p->shown == 0)
		return;
	buf[0] = '\r';
	memset(buf + 1, ' ', p->shown);
	buf[p->shown + 1] = '\r';
	put(p->fd, buf, p->shown + 2);
	p->shown = 0;
}

static void
clear_hook(void *arg)
{
	progress_clear(arg);
}

struct progress *
progress_new(const char *name, int fd, int enabled)
{
	struct progress *p;
	struct winsize ws;

	if (!enabled || (p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	p->fd = fd;
	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1)
		p->width = ws.ws_col - 1U;	/* no wrap at the last column */
	p->s.name = name;
	p->start = now_seconds();
	p->last_read = p->last_draw = -1;
	p->stride = 1;
	cli_set_message_hook(clear_hook, p);
	return p;
}

void
progress_end(struct progress *p)
{
	if (p == NULL)
		return;
	progress_clear(p);
	cli_set_message_hook(NULL, NULL);
	free(p);
}

void
progress_total(struct progress *p, unsigned long long items,
    unsigned long long bytes)
{
	if (p == NULL)
		return;
	p->s.items_total = items;
	p->s.bytes_total = bytes;
}

void
progress_pass(struct progress *p, const char *label)
{
	if (p == NULL)
		return;
	p->s.label = label;
	p->s.items = p->s.bytes = 0;
	p->s.items_total = p->s.bytes_total = 0;
	p->start = now_seconds();
	/* The pass's first update draws its line at once. */
	p->last_read = p->last_draw = -1;
	p->stride = 1;
	p->calls = 0;
}

static void
draw(struct progress *p, double t)
{
	char line[LINE_MAX_LEN + 1], buf[2 * LINE_MAX_LEN + 2];
	size_t len, n = 0;

	p->s.elapsed = t - p->start;
	len = progress_format(line, sizeof(line), &p->s);
	if (p->width > 0 && len > p->width)
		len = p->width;
	buf[n++] = '\r';
	memcpy(buf + n, line, len);
	n += len;
	/* What is left of a longer line before it. */
	if (p->shown > len) {
		memset(buf + n, ' ', p->shown - len);
		n += p->shown - len;
		buf[n++] = '\r';
		memcpy(buf + n, line, len);
		n += len;
	}
	put(p->fd, buf, n);
	p->shown = len;
	p->last_draw = t;
}

void
progress_update(struct progress *p, unsigned long long items,
    unsigned long long bytes)
{
	double t;

	if (p == NULL)
		return;
	p->s.items = items;
	p->s.bytes = bytes;
	if (++p->calls < p->stride)
		return;
	p->calls = 0;
	t = now_seconds();
	if (p->last_read >= 0) {
		if (t - p->last_read < STRIDE_FAST && p->stride < STRIDE_MAX)
			p->stride *= 2;
		else if (t - p->last_read > STRIDE_SLOW && p->stride > 1)
			p->stride /= 2;
	}
	p->last_read = t;
	if (p->last_draw < 0 || t - p->last_draw >= 1.0 / PROGRESS_PER_SECOND)
		draw(p, t);
}

int
progress_file_size(const char *path, unsigned long long *size)
{
	struct stat st;

	if (strcmp(path, "-") == 0 ? fstat(STDIN_FILENO, &st) != 0 :
	    stat(path, &st) != 0)
		return -1;
	if (!S_ISREG(st.st_mode))
		return -1;
	*size = (unsigned long long)st.st_size;
	return 0;
}

unsigned long long
progress_inputs_size(int first, int argc, char **argv)
{
	unsigned long long sum = 0, size;
	int i;

	if (first >= argc)
		return progress_file_size("-", &size) == 0 ? size : 0;
	for (i = first; i < argc; i++) {
		if (progress_file_size(argv[i], &size) != 0)
			return 0;
		sum += size;
	}
	return sum;
}

/*
 * Formatting.
 */

/* n with a comma every three digits: "12,345". */
static void
put_count(char *out, size_t size, unsigned long long n)
{
	char digits[32];
	size_t len, i, o = 0;

	len = (size_t)snprintf(digits, sizeof(digits), "%llu", n);
	for (i = 0; i < len && o + 1 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0) {
			out[o++] = ',';
			if (o + 1 >= size)
				break;
		}
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

/* "0:07", "12:34", "1:02:03". */
static void
put_time(char *out, size_t size, double seconds)
{
	unsigned long long s;

	if (seconds < 0)
		seconds = 0;
	if (seconds > 359999)		/* 99:59:59, beyond any estimate */
		seconds = 359999;
	s = (unsigned long long)(seconds + 0.5);
	if (s >= 3600)
		snprintf(out, size, "%llu:%02llu:%02llu", s / 3600,
		    s / 60 % 60, s % 60);
	else
		snprintf(out, size, "%llu:%02llu", s / 60, s % 60);
}

size_t
progress_format(char *buf, size_t size, const struct progress_state *s)
{
	char items[32], total[32], when[32];
	double frac = -1, mb = (double)s->bytes / 1e6;
	int n;

	if (size == 0)
		return 0;
	if (s->items_total > 0)
		frac = (double)s->items / (double)s->items_total;
	else if (s->bytes_total > 0)
		frac = (double)s->bytes / (double)s->bytes_total;
	if (frac > 1)
		frac = 1;
	put_count(items, sizeof(items), s->items);
	total[0] = '\0';
	if (s->items_total > 0) {
		total[0] = '/';
		put_count(total + 1, sizeof(total) - 1, s->items_total);
	}
	n = snprintf(buf, size, "%s: %s%s%s%s %s  %.1f MB", s->name,
	    s->label != NULL ? s->label : "", s->label != NULL ? " " : "",
	    items, total, s->items == 1 && s->items_total == 0 ? "item" :
	    "items", mb);
	if (n >= 0 && (size_t)n < size && s->elapsed >= RATE_AFTER)
		n += snprintf(buf + n, size - (size_t)n, "  %.1f MB/s",
		    mb / s->elapsed);
	if (n >= 0 && (size_t)n < size && frac >= 0) {
		n += snprintf(buf + n, size - (size_t)n, "  %d%%",
		    (int)(frac * 100));
		/* The time left at the rate so far. */
		if ((size_t)n < size && s->elapsed >= RATE_AFTER && frac > 0) {
			put_time(when, sizeof(when), s->elapsed *
			    (1 - frac) / frac);
			n += snprintf(buf + n, size - (size_t)n, "  ETA %s",
			    when);
		}
	} else if (n >= 0 && (size_t)n < size) {
		put_time(when, sizeof(when), s->elapsed);
		n += snprintf(buf + n, size - (size_t)n, "  %s", when);
	}
	if (n < 0)
		n = 0;
	return (size_t)n < size ? (size_t)n : size - 1;
}
