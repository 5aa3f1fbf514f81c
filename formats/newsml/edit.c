/*
 * newsml/edit.c: changing a NewsML-G2 item in place; see newsml/edit.h.
 */
#include <string.h>

#include "base/buf.h"
#include "newsml/edit.h"
#include "base/warta.h"
#include "newsml/newsml.h"

#define X(s) ((const xmlChar *)(s))

const char *const g2_item_order[] = {
	"catalogRef", "catalog", "hopHistory", "rightsInfo", "itemMeta",
	"contentMeta", "partMeta", "assert", "inlineRef", "derivedFrom",
	"derivedFromValue", "contentSet", NULL
};

const char *const g2_item_meta_order[] = {
	"itemClass", "provider", "versionCreated", "firstCreated", "embargoed",
	"pubStatus", "role", "fileName", "generator", "profile", "service",
	"title", "edNote", "memberOf", "instanceOf", "signal", "altRep",
	"deliverableOf", "hash", "expires", "origRep", "incomingFeedId",
	"metadataCreator", "link", "itemMetaExtProperty", NULL
};

const char *const g2_content_meta_order[] = {
	"icon", "urgency", "contentCreated", "contentModified",
	"digitalSourceType", "located", "infoSource", "creator", "contributor",
	"audience", "exclAudience", "altId", "rating", "userInteraction",
	"language", "genre", "keyword", "subject", "slugline", "headline",
	"dateline", "by", "creditline", "description", "contentMetaExtProperty",
	NULL
};

const char *const g2_rights_info_order[] = {
	"accountable", "copyrightHolder", "copyrightNotice", "usageTerms",
	"link", "rightsInfoExtProperty", "rightsExpressionXML",
	"rightsExpressionData", "dataMining", NULL
};

int
g2_is(const xmlNode *n, const char *name)
{
	/* The name first: most of the nodes a search passes differ there
	 * at the first byte, where every G2 node has the same namespace. */
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    xmlStrEqual(n->name, X(name)) && n->ns != NULL &&
	    NEWSML_IS_NS(n->ns->href);
}

xmlNodePtr
g2_child(xmlNodePtr parent, const char *name)
{
	xmlNodePtr c;

	if (parent == NULL)
		return NULL;
	for (c = parent->children; c != NULL; c = c->next)
		if (g2_is(c, name))
			return c;
	return NULL;
}

xmlNodePtr
g2_next_same(xmlNodePtr n)
{
	xmlNodePtr c;

	for (c = n->next; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && c->ns == n->ns &&
		    xmlStrEqual(c->name, n->name))
			return c;
	return NULL;
}

static int
order_index(const char *const order[], const xmlChar *name)
{
	int i;

	for (i = 0; order[i] != NULL; i++)
		if (xmlStrEqual(X(order[i]), name))
			return i;
	return -1;
}

static int
is_indent(const xmlNode *n)
{
	const xmlChar *p;

	if (n == NULL || n->type != XML_TEXT_NODE || n->content == NULL)
		return 0;
	for (p = n->content; *p != '\0'; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			return 0;
	return 1;
}

static xmlNodePtr
indent_copy(xmlNodePtr like)
{
	return xmlNewDocText(like->doc, like->content);
}

/* The indentation for a first child of parent: the parent's plus two. */
static xmlNodePtr
child_indent(xmlNodePtr parent)
{
	xmlChar *s;
	xmlNodePtr t;

	if (!is_indent(parent->prev))
		return NULL;
	s = xmlStrncatNew(parent->prev->content, X("  "), -1);
	if (s == NULL)
		return NULL;
	t = xmlNewDocText(parent->doc, s);
	xmlFree(s);
	return t;
}

xmlNodePtr
g2_insert(xmlNodePtr parent, const char *name, const char *const order[])
{
	xmlNsPtr ns;
	xmlNodePtr n, c, after = NULL, first = NULL, ws;
	int want = order_index(order, X(name)), idx;

	ns = xmlSearchNsByHref(parent->doc, parent, X(NEWSML_NS));
	if ((n = xmlNewDocNode(parent->doc, ns, X(name), NULL)) == NULL)
		return NULL;
	/*
	 * The last sibling that comes before the new element, looked for
	 * from the end: new elements mostly go last or near it, and an item
	 * may have hundreds of subjects.  Elements the table does not know
	 * (groupSet in a package) stay where they are, and nothing new goes
	 * after them.
	 */
	for (c = parent->last; c != NULL && after == NULL; c = c->prev) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		idx = order_index(order, c->name);
		if (idx >= 0 && idx <= want)
			after = c;
	}
	if (after == NULL)
		for (c = parent->children; c != NULL && first == NULL;
		    c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				first = c;
	if (after != NULL) {
		/* [ws][after] -> [ws][after][ws][n] */
		ws = is_indent(after->prev) ? indent_copy(after->prev) : NULL;
		if (xmlAddNextSibling(after, n) == NULL)
			goto fail;
		if (ws != NULL && xmlAddPrevSibling(n, ws) == NULL)
			xmlFreeNode(ws);
	} else if (first != NULL) {
		/* [ws][first] -> [ws][n][ws][first] */
		ws = is_indent(first->prev) ? indent_copy(first->prev) : NULL;
		if (xmlAddPrevSibling(first, n) == NULL)
			goto fail;
		if (ws != NULL && xmlAddPrevSibling(first, ws) == NULL)
			xmlFreeNode(ws);
	} else {
		/* The first element child: indent it one step in from the
		 * parent, and the closing tag back to the parent's. */
		ws = child_indent(parent);
		if (ws != NULL) {
			xmlNodePtr last = is_indent(parent->prev) ?
			    indent_copy(parent->prev) : NULL;

			/* Whitespace already inside an empty parent goes. */
			while (parent->children != NULL &&
			    is_indent(parent->children)) {
				c = parent->children;
				xmlUnlinkNode(c);
				xmlFreeNode(c);
			}
			if (xmlAddChild(parent, ws) == NULL)
				xmlFreeNode(ws);
			if (xmlAddChild(parent, n) == NULL)
				goto fail;
			if (last != NULL && xmlAddChild(parent, last) == NULL)
				xmlFreeNode(last);
		} else if (xmlAddChild(parent, n) == NULL)
			goto fail;
	}
	return n;
fail:
	xmlFreeNode(n);
	return NULL;
}

xmlNodePtr
g2_ensure(xmlNodePtr parent, const char *name, const char *const order[])
{
	xmlNodePtr n = g2_child(parent, name);

	return n != NULL ? n : g2_insert(parent, name, order);
}

int
g2_set_text(xmlNodePtr n, const char *s)
{
	xmlNodePtr c;

	while ((c = n->children) != NULL) {
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	/* xmlNodeAddContent takes the text as it is: no entity parsing. */
	xmlNodeAddContent(n, X(s));
	return 0;
}

char *
g2_text(const xmlNode *n)
{
	return n != NULL ? (char *)xmlNodeGetContent(n) : NULL;
}

void
g2_remove(xmlNodePtr n)
{
	if (is_indent(n->prev)) {
		xmlNodePtr ws = n->prev;

		xmlUnlinkNode(ws);
		xmlFreeNode(ws);
	}
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

int
g2_set_attr(xmlNodePtr n, const char *name, const char *value)
{
	return xmlSetProp(n, X(name), X(value)) != NULL ? 0 : -1;
}

int
g2_serialize(xmlNodePtr item, struct wbuf *out)
{
	xmlBufferPtr b;
	int rc = -1;

	if ((b = xmlBufferCreate()) == NULL)
		return -1;
	/* No formatting: the item's own whitespace is kept as it is. */
	if (xmlNodeDump(b, item->doc, item, 0, 0) >= 0 &&
	    wbuf_append(out, xmlBufferContent(b),
	    (size_t)xmlBufferLength(b)) == WARTA_OK)
		rc = 0;
	xmlBufferFree(b);
	return rc;
}
