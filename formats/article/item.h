/*
 * article/item.h: what warta-normalize read in an article, as the content
 * of a NewsML-G2 item.
 */
#ifndef WARTA_ARTICLE_ITEM_H
#define WARTA_ARTICLE_ITEM_H

#include "article/article.h"
#include "newsml/write.h"

/*
 * Fills c from a: the article's first date is contentCreated, the rest as
 * found.  c points into a, so a must outlive it.
 */
void article_item_content(const struct article *a, struct newsml_content *c);

#endif
