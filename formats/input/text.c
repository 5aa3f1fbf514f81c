/*
 * input/text.c: plain text, one file one article, the default.
 *
 * It states nothing: the bytes are the article, and warta-normalize
 * decodes and reads them as it always has.  It takes any source, so it
 * is what detection falls back to.
 */
#include <stdlib.h>

#include "input/format.h"

struct text_reader {
	struct input_stream *in;
	struct input_context ctx;
	struct wbuf bytes;
	int done;
};

static int
text_detect(const unsigned char *head, size_t n, const char *name)
{
	(void)head;
	(void)n;
	(void)name;
	return 1;
}

static void *
text_open(struct input_stream *in, const struct input_context *ctx,
    struct warta_error *err)
{
	struct text_reader *t;

	if ((t = calloc(1, sizeof(*t))) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	t->in = in;
	t->ctx = *ctx;
	wbuf_init(&t->bytes);
	return t;
}

static int
text_next(void *state, struct input_article *out, struct warta_error *err)
{
	struct text_reader *t = state;

	if (t->done)
		return 0;
	t->done = 1;
	if (input_stream_slurp(t->in, &t->bytes, t->ctx.limits->max_record,
	    err) != WARTA_OK)
		return -1;
	out->kind = INPUT_TEXT;
	out->where = t->ctx.name;
	out->file_name = t->ctx.file_name;
	out->original = (const unsigned char *)t->bytes.data;
	out->original_len = t->bytes.len;
	out->original_type = "text/plain";
	return 1;
}

static void
text_close(void *state)
{
	struct text_reader *t = state;

	if (t == NULL)
		return;
	wbuf_release(&t->bytes);
	free(t);
}

const struct input_format input_text = {
	"text", INPUT_TEXT, 0, text_detect, text_open, text_next, NULL,
	text_close
};
