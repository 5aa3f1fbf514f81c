/*
 * fixture_stream.h: bytes in memory as an input module's stream, given
 * out step bytes a read (1 finds every place a reader must keep its state
 * across reads), and opened as a container opens a record or an entry.
 */
#ifndef WARTA_TEST_FIXTURE_STREAM_H
#define WARTA_TEST_FIXTURE_STREAM_H

#include <string.h>

#include "input/format.h"
#include "input/input.h"

struct mem {
	const char *p;
	size_t n, pos, step;
};

static long
mem_read(void *ctx, void *buf, size_t n, struct warta_error *err)
{
	struct mem *m = ctx;
	size_t k = m->n - m->pos;

	(void)err;
	if (k > n)
		k = n;
	if (k > m->step)
		k = m->step;
	memcpy(buf, m->p + m->pos, k);
	m->pos += k;
	return (long)k;
}

/*
 * A reader of kind over m, named name (file_name what its items record,
 * or NULL), with the limits lim; the stream it reads into *in, which the
 * caller frees after the reader.  NULL with err set when it cannot open.
 */
static struct input_reader *
mem_open(struct mem *m, const char *name, const char *file_name,
    const struct input_limits *lim, enum input_kind kind,
    struct input_stream **in, struct warta_error *err)
{
	struct input_context ctx;

	memset(&ctx, 0, sizeof(ctx));
	ctx.name = name;
	ctx.file_name = file_name;
	ctx.limits = lim;
	if ((*in = input_stream_new(mem_read, m, name)) == NULL)
		return NULL;
	return input_open_stream(*in, &ctx, kind, err);
}

#endif
