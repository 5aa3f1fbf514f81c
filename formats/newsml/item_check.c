/*
 * newsml/item_check.c: every check on one item; see newsml/item_check.h.
 */
#include <stdio.h>
#include <string.h>

#include "newsml/original.h"
#include "base/digest.h"
#include "newsml/item_check.h"

/* Counts what it passes on. */
struct counting {
	g2_problem_fn fn;
	void *arg;
	int count;
	int stopped;
};

static int
count_problem(void *arg, const char *problem)
{
	struct counting *c = arg;

	c->count++;
	if (!c->stopped && c->fn(c->arg, problem) != 0)
		c->stopped = 1;
	return c->stopped;
}

int
item_check(const struct item_check *c, xmlDocPtr doc, g2_problem_fn fn,
    void *arg, struct wbuf *original, int *has_original, char recorded_out[65],
    struct warta_error *err)
{
	xmlNodePtr item = xmlDocGetRootElement(doc);
	struct counting cnt = { fn, arg, 0, 0 };
	struct wbuf own = WBUF_INIT;
	struct wbuf *bytes = original != NULL ? original : &own;
	char recorded[65], actual[SHA256_HEX_LEN + 1], what[200];
	size_t mark = bytes->len;
	int rc;

	*has_original = 0;
	recorded[0] = '\0';
	if (g2_check_rules(item, c->catalog, count_problem, &cnt) < 0 ||
	    (c->schema != NULL &&
	    g2_schema_validate(c->schema, doc, count_problem, &cnt) < 0)) {
		wbuf_release(&own);
		return warta_error_set(err, -1, "out of memory");
	}
	rc = newsml_original(item, bytes, recorded, err);
	if (rc < 0) {
		count_problem(&cnt, err->message);
	} else if (rc > 0) {
		*has_original = 1;
		if (recorded[0] != '\0') {
			if (sha256_hex(bytes->data + mark, bytes->len - mark,
			    actual) != 0) {
				wbuf_release(&own);
				return warta_error_set(err, -1, "cannot hash");
			}
			if (strcmp(actual, recorded) != 0) {
				snprintf(what, sizeof(what), "the original's "
				    "SHA-256 is %s, the item records %s",
				    actual, recorded);
				count_problem(&cnt, what);
			}
		}
	}
	wbuf_release(&own);
	if (recorded_out != NULL)
		memcpy(recorded_out, recorded, 65);
	return cnt.count;
}
