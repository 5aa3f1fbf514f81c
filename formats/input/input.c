/*
 * input/input.c: picks the module a source needs and reads it; see
 * input/input.h.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/calendar.h"
#include "base/datetime.h"
#include "base/limits.h"
#include "input/format.h"

/*
 * Every module, most specific first: detection asks each and takes the
 * surest; plain text, which takes anything, is last.
 */
static const struct input_format *const formats[] = {
	&input_warc,
	&input_archive,
	&input_nitf,
	&input_sgml,
	&input_html,
	&input_text,
};

#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

static const struct {
	const char *name;
	enum input_kind kind;
} kind_names[] = {
	{ "auto", INPUT_AUTO },
	{ "text", INPUT_TEXT },
	{ "html", INPUT_HTML },
	{ "nitf", INPUT_NITF },
	{ "sgml", INPUT_SGML },
	{ "warc", INPUT_WARC },
	{ "archive", INPUT_ARCHIVE },
	{ "zip", INPUT_ARCHIVE },
	{ "tar", INPUT_ARCHIVE },
};

struct input_reader {
	const struct input_format *format;
	void *state;
	struct input_stream *own;	/* the file's stream, or NULL */
};

const char *
input_kind_name(enum input_kind k)
{
	size_t i;

	for (i = 0; i < sizeof(kind_names) / sizeof(kind_names[0]); i++)
		if (kind_names[i].kind == k)
			return kind_names[i].name;
	return NULL;
}

int
input_kind_from_name(const char *name, enum input_kind *k)
{
	size_t i;

	for (i = 0; i < sizeof(kind_names) / sizeof(kind_names[0]); i++)
		if (strcmp(kind_names[i].name, name) == 0) {
			*k = kind_names[i].kind;
			return WARTA_OK;
		}
	return WARTA_FAILED;
}

void
input_limits_default(struct input_limits *l)
{
	l->max_record = LIMIT_RECORD_BYTES;
	l->max_entries = LIMIT_ARCHIVE_ENTRIES;
	l->max_bytes = LIMIT_ARCHIVE_BYTES;
	l->max_ratio = LIMIT_ARCHIVE_RATIO;
}

static const struct input_format *
format_of_kind(enum input_kind kind)
{
	size_t i;

	for (i = 0; i < NFORMATS; i++)
		if (formats[i]->kind == kind)
			return formats[i];
	return NULL;
}

/* The surest module; ties go to the one listed first. */
static const struct input_format *
detect(const unsigned char *head, size_t n, const char *name)
{
	const struct input_format *best = &input_text;
	int best_score = 0;
	size_t i;

	for (i = 0; i < NFORMATS; i++) {
		int score = formats[i]->detect(head, n, name);

		if (score > best_score) {
			best = formats[i];
			best_score = score;
		}
	}
	return best;
}

struct input_reader *
input_open_stream(struct input_stream *in, const struct input_context *ctx,
    enum input_kind kind, struct warta_error *err)
{
	struct input_reader *r;
	const struct input_format *f;

	if (ctx->depth > LIMIT_ARCHIVE_DEPTH) {
		warta_error_set(err, -1, "archives nested more than %d deep",
		    LIMIT_ARCHIVE_DEPTH);
		return NULL;
	}
	if (kind == INPUT_AUTO) {
		const unsigned char *head;
		size_t n;

		if ((head = input_stream_head(in, &n, err)) == NULL)
			return NULL;
		f = detect(head, n, ctx->name);
	} else if ((f = format_of_kind(kind)) == NULL) {
		warta_error_set(err, -1, "format '%s' is not supported",
		    input_kind_name(kind));
		return NULL;
	}
	if ((r = calloc(1, sizeof(*r))) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	r->format = f;
	if ((r->state = f->open(in, ctx, err)) == NULL) {
		free(r);
		return NULL;
	}
	return r;
}

struct input_reader *
input_open(int fd, const char *name, const char *base_name,
    enum input_kind kind, const struct input_limits *limits,
    struct warta_error *err)
{
	struct input_context ctx;
	struct input_stream *in;
	struct input_reader *r;

	if ((in = input_stream_new_fd(fd, name)) == NULL) {
		warta_error_set(err, -1, "out of memory");
		return NULL;
	}
	ctx.name = name;
	ctx.file_name = base_name;
	ctx.limits = limits;
	ctx.depth = 0;
	ctx.charset = NULL;
	if ((r = input_open_stream(in, &ctx, kind, err)) == NULL) {
		input_stream_free(in);
		return NULL;
	}
	r->own = in;
	return r;
}

void
input_close(struct input_reader *r)
{
	if (r == NULL)
		return;
	r->format->close(r->state);
	input_stream_free(r->own);
	free(r);
}

int
input_next(struct input_reader *r, struct input_article *out,
    struct warta_error *err)
{
	memset(out, 0, sizeof(*out));
	return r->format->next(r->state, out, err);
}

/*
 * The copy's bytes: a string (or NULL) and its length; the pass that
 * sizes the block and the pass that fills it share this walk.
 */
struct dup {
	char *at;		/* NULL while sizing */
	size_t size;
};

static const char *
dup_bytes(struct dup *d, const void *s, size_t n)
{
	char *p = d->at != NULL ? d->at + d->size : NULL;

	if (s == NULL)
		return NULL;
	if (p != NULL) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	d->size += n + 1;
	return p;
}

static const char *
dup_str(struct dup *d, const char *s)
{
	return dup_bytes(d, s, s != NULL ? strlen(s) : 0);
}

/* Every string of a into d; fills c when d has its block. */
static void
dup_strings(struct dup *d, const struct input_article *a,
    struct input_article *c, const char **keywords,
    struct newsml_subject *subjects)
{
	size_t i;

	c->where = dup_str(d, a->where);
	c->file_name = dup_str(d, a->file_name);
	c->locator = dup_str(d, a->locator);
	c->uri = dup_str(d, a->uri);
	c->uri_date = dup_str(d, a->uri_date);
	c->original = (const unsigned char *)dup_bytes(d, a->original,
	    a->original_len);
	c->original_type = dup_str(d, a->original_type);
	c->original_charset = dup_str(d, a->original_charset);
	c->text = dup_bytes(d, a->text, a->text_len);
	c->headline = dup_str(d, a->headline);
	c->created = dup_str(d, a->created);
	c->byline = dup_str(d, a->byline);
	c->creator = dup_str(d, a->creator);
	c->dateline = dup_str(d, a->dateline);
	c->place = dup_str(d, a->place);
	c->outlet = dup_str(d, a->outlet);
	c->lang = dup_str(d, a->lang);
	for (i = 0; i < a->nkeywords; i++) {
		const char *k = dup_str(d, a->keywords[i]);

		if (keywords != NULL)
			keywords[i] = k;
	}
	for (i = 0; i < a->nsubjects; i++) {
		struct newsml_subject s;

		s.type = dup_str(d, a->subjects[i].type);
		s.qcode = dup_str(d, a->subjects[i].qcode);
		s.name = dup_str(d, a->subjects[i].name);
		if (subjects != NULL)
			subjects[i] = s;
	}
}

struct input_article *
input_article_dup(const struct input_article *a)
{
	/* The article, the keyword pointers and the subjects, then the
	 * bytes: pointers first keeps every part aligned. */
	size_t head = sizeof(struct input_article) +
	    a->nkeywords * sizeof(const char *) +
	    a->nsubjects * sizeof(struct newsml_subject);
	struct input_article scratch, *c;
	const char **keywords;
	struct newsml_subject *subjects;
	struct dup d = { NULL, 0 };
	char *block;

	if (a->nkeywords > SIZE_MAX / 64 || a->nsubjects > SIZE_MAX / 64)
		return NULL;
	/* Sizing: nothing is written (keywords and subjects unused). */
	dup_strings(&d, a, &scratch, NULL, NULL);
	if (d.size > SIZE_MAX - head || (block = malloc(head + d.size)) == NULL)
		return NULL;
	c = (struct input_article *)(void *)block;
	*c = *a;
	keywords = (const char **)(void *)(block + sizeof(*c));
	subjects = (struct newsml_subject *)(void *)(keywords + a->nkeywords);
	d.at = block + head;
	d.size = 0;
	dup_strings(&d, a, c, keywords, subjects);
	c->keywords = a->nkeywords > 0 ? keywords : NULL;
	c->subjects = a->nsubjects > 0 ? subjects : NULL;
	return c;
}

int
input_is_container(const struct input_reader *r)
{
	return r->format->many;
}

unsigned long
input_skipped(const struct input_reader *r)
{
	return r->format->skipped != NULL ? r->format->skipped(r->state) : 0;
}

int
input_valid_date(const char *s)
{
	int y, m, d;
	size_t i;

	if (s == NULL || strlen(s) < 10)
		return 0;
	for (i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' :
		    !(s[i] >= '0' && s[i] <= '9'))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (!cal_valid_date(y, m, d))
		return 0;
	return s[10] == '\0' || (s[10] == 'T' && datetime_parse(s) != -1);
}

void
input_state_over(const struct input_article *a, struct newsml_content *c)
{
	static const struct {
		size_t in, out;
		unsigned bit;
	} fields[] = {
#define FIELD(name, bit) \
	{ offsetof(struct input_article, name), \
	    offsetof(struct newsml_content, name), bit }
		FIELD(headline, NEWSML_STATED_HEADLINE),
		FIELD(byline, NEWSML_STATED_BYLINE),
		FIELD(creator, NEWSML_STATED_CREATOR),
		FIELD(dateline, NEWSML_STATED_DATELINE),
		FIELD(place, NEWSML_STATED_PLACE),
		FIELD(outlet, NEWSML_STATED_OUTLET),
#undef FIELD
	};
	size_t i;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		const char *v = *(const char *const *)(const void *)
		    ((const char *)a + fields[i].in);

		if (v != NULL && v[0] != '\0') {
			*(const char **)(void *)((char *)c + fields[i].out) = v;
			c->stated |= fields[i].bit;
		}
	}
	if (input_valid_date(a->created)) {
		c->created = a->created;
		c->stated |= NEWSML_STATED_CREATED;
	}
	if (a->lang != NULL && a->lang[0] != '\0')
		c->lang = a->lang;
	c->keywords = a->keywords;
	c->nkeywords = a->nkeywords;
	c->subjects = a->subjects;
	c->nsubjects = a->nsubjects;
}

size_t
input_headline_len(const struct input_article *a)
{
	size_t i = 0, n;

	if (a->text == NULL || a->headline == NULL)
		return 0;
	while (i < a->text_len && (a->text[i] == ' ' || a->text[i] == '\n'))
		i++;
	n = strlen(a->headline);
	if (n == 0 || a->text_len - i < n ||
	    memcmp(a->text + i, a->headline, n) != 0)
		return 0;
	i += n;
	/* The whole title, not the first words of a longer sentence. */
	if (i < a->text_len && a->text[i] != ' ' && a->text[i] != '\n')
		return 0;
	while (i < a->text_len && (a->text[i] == ' ' || a->text[i] == '\n'))
		i++;
	/* A body that is only its headline (a wire brief) keeps it. */
	return i < a->text_len ? i : 0;
}
