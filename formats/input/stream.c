/*
 * input/stream.c: a byte stream whose first bytes can be looked at before
 * it is read; see input/format.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input/format.h"

struct input_stream {
	input_read_fn read;
	void *ctx;
	char *name;
	unsigned char head[INPUT_HEAD_SIZE];
	size_t head_len;	/* bytes in head */
	size_t head_pos;	/* of them, given out already */
	int head_read;		/* head was filled (or the stream was short) */
	int ended;		/* read returned 0 */
	unsigned long long offset;
	int fd;			/* for input_stream_new_fd() */
};

struct input_stream *
input_stream_new(input_read_fn read, void *ctx, const char *name)
{
	struct input_stream *s;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	if ((s->name = strdup(name != NULL ? name : "")) == NULL) {
		free(s);
		return NULL;
	}
	s->read = read;
	s->ctx = ctx;
	return s;
}

static long
read_fd(void *ctx, void *buf, size_t n, struct warta_error *err)
{
	int fd = *(int *)ctx;
	ssize_t got;

	do
		got = read(fd, buf, n);
	while (got < 0 && errno == EINTR);
	if (got < 0)
		return warta_error_set(err, -1, "read error: %s",
		    strerror(errno));
	return (long)got;
}

struct input_stream *
input_stream_new_fd(int fd, const char *name)
{
	struct input_stream *s;

	if ((s = input_stream_new(read_fd, NULL, name)) == NULL)
		return NULL;
	s->fd = fd;
	s->ctx = &s->fd;
	return s;
}

void
input_stream_free(struct input_stream *s)
{
	if (s == NULL)
		return;
	free(s->name);
	free(s);
}

const char *
input_stream_name(const struct input_stream *s)
{
	return s->name;
}

unsigned long long
input_stream_offset(const struct input_stream *s)
{
	return s->offset;
}

/* Reads from the source itself, remembering its end. */
static long
read_source(struct input_stream *s, void *buf, size_t n,
    struct warta_error *err)
{
	long got;

	if (s->ended || n == 0)
		return 0;
	if ((got = s->read(s->ctx, buf, n, err)) == 0)
		s->ended = 1;
	return got;
}

const unsigned char *
input_stream_head(struct input_stream *s, size_t *n, struct warta_error *err)
{
	/* Only before anything was given out: later the head is gone. */
	while (!s->head_read && s->head_len < sizeof(s->head)) {
		long got = read_source(s, s->head + s->head_len,
		    sizeof(s->head) - s->head_len, err);

		if (got < 0)
			return NULL;
		if (got == 0)
			break;
		s->head_len += (size_t)got;
	}
	s->head_read = 1;
	*n = s->head_len - s->head_pos;
	return s->head + s->head_pos;
}

long
input_stream_read(struct input_stream *s, void *buf, size_t n,
    struct warta_error *err)
{
	long got;

	if (s->head_pos < s->head_len) {
		size_t k = s->head_len - s->head_pos;

		if (k > n)
			k = n;
		memcpy(buf, s->head + s->head_pos, k);
		s->head_pos += k;
		s->offset += k;
		return (long)k;
	}
	s->head_read = 1;
	if ((got = read_source(s, buf, n, err)) > 0)
		s->offset += (unsigned long long)got;
	return got;
}

int
input_stream_slurp(struct input_stream *s, struct wbuf *out,
    unsigned long long max, struct warta_error *err)
{
	unsigned long long taken = 0;

	for (;;) {
		long got;

		if (wbuf_reserve(out, 65536) != WARTA_OK)
			return warta_error_set(err, -1, "out of memory");
		if ((got = input_stream_read(s, out->data + out->len, 65536,
		    err)) < 0)
			return WARTA_FAILED;
		if (got == 0)
			break;
		out->len += (size_t)got;
		out->data[out->len] = '\0';
		/* One byte past the bound is enough to know: an endless pipe
		 * is not read to its end. */
		if ((taken += (unsigned long long)got) > max)
			return warta_error_set(err, -1, "larger than the size "
			    "bound of %llu bytes (see --max-size)", max);
	}
	return WARTA_OK;
}
