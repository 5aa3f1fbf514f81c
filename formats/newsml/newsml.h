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

#endif
