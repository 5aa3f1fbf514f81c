/*
 * newsml/original.c: an item's original bytes; see newsml/original.h.
 */
#include <string.h>
#include <strings.h>

#include "base/base64.h"
#include "newsml/edit.h"
#include "newsml/newsml.h"
#include "newsml/original.h"

#define X(s) ((const xmlChar *)(s))

int
newsml_original(xmlNodePtr item, struct wbuf *out, char recorded[65],
    struct warta_error *err)
{
	xmlNodePtr im, h, data;
	xmlChar *enc, *type;
	char *text;
	int base64, rc;

	recorded[0] = '\0';
	im = g2_child(item, "itemMeta");
	for (h = g2_child(im, "hash"); h != NULL && recorded[0] == '\0';
	    h = g2_next_same(h)) {
		type = xmlGetProp(h, X("hashtypeuri"));
		if (type != NULL && strcmp((const char *)type, SHA256_URI) ==
		    0) {
			text = g2_text(h);
			if (text != NULL && strlen(text) == 64)
				memcpy(recorded, text, 65);
			xmlFree(text);
		}
		xmlFree(type);
	}
	if ((data = g2_child(g2_child(item, "contentSet"), "inlineData")) ==
	    NULL)
		return 0;
	enc = xmlGetProp(data, X("encoding"));
	base64 = enc != NULL && strcmp((const char *)enc, "encd:base64") == 0;
	xmlFree(enc);
	if ((text = g2_text(data)) == NULL)
		return warta_error_set(err, -1, "out of memory");
	if (base64)
		rc = base64_decode(text, out) == WARTA_OK ? 1 :
		    warta_error_set(err, -1, "contentSet/inlineData: broken "
		    "base64");
	else
		rc = wbuf_puts(out, text) == WARTA_OK ? 1 :
		    warta_error_set(err, -1, "out of memory");
	xmlFree(text);
	return rc;
}

const char *
newsml_original_suffix(xmlNodePtr item)
{
	static const struct {
		const char *type;	/* the MIME type, parameters cut */
		const char *suffix;
	} suffixes[] = {
		{ "text/html", ".html" },
		{ "application/xhtml+xml", ".xhtml" },
		{ "application/nitf+xml", ".nitf" },
		{ "application/sgml", ".sgm" },
		{ "text/sgml", ".sgm" },
	};
	xmlNodePtr data;
	xmlChar *ct;
	const char *suffix = ".txt";
	size_t i, n;

	data = g2_child(g2_child(item, "contentSet"), "inlineData");
	if (data == NULL || (ct = xmlGetProp(data, X("contenttype"))) == NULL)
		return suffix;
	n = strcspn((const char *)ct, "; \t");
	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
		if (strlen(suffixes[i].type) == n && strncasecmp(
		    (const char *)ct, suffixes[i].type, n) == 0) {
			suffix = suffixes[i].suffix;
			break;
		}
	xmlFree(ct);
	return suffix;
}
