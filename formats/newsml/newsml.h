/*
 * newsml/newsml.h: the names every NewsML-G2 module shares: namespaces,
 * the catalog, the hash type, the bounds on what is read.
 */
#ifndef WARTA_NEWSML_H
#define WARTA_NEWSML_H

#define NEWSML_NS "http://iptc.org/std/nar/2006-10-01/"
#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define NEWSML_CATALOG \
	"http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
#define SHA256_URI "http://www.w3.org/2001/04/xmlenc#sha256"
/* Where warta's own properties (edition, page, the record a source file
 * held the item at) live: IRIs, so that no catalog has to declare them. */
#define WARTA_PROP_URI "tag:warta.invalid,2026:property:"

/*
 * Whether a namespace name is NewsML-G2's.  Asked of every element a check
 * looks at, and true of nearly all: libxml2's xmlStrEqual() went through
 * the 36 bytes one at a time, 2% of warta-pack's instructions; strcmp()
 * compares them a vector at a time.
 */
#define NEWSML_IS_NS(href) \
	((href) != NULL && strcmp((const char *)(href), NEWSML_NS) == 0)

#endif
