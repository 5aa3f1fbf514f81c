/*
 * article/item.c: an article as item content; see article/item.h.
 */
#include <string.h>

#include "article/item.h"

void
article_item_content(const struct article *a, struct newsml_content *c)
{
	memset(c, 0, sizeof(*c));
	c->created = a->created[0] != '\0' ? a->created : NULL;
	c->headline = a->headline;
	c->dateline = a->dateline;
	c->place = a->place;
	c->outlet = a->outlet;
	c->byline = a->byline;
	c->creator = a->creator;
	c->lang = a->lang;
	c->paras = a->paras;
	c->npara = a->npara;
}
