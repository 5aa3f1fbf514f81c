/*
 * tests/fuzz/fuzz_text.c: plain text as warta-normalize reads it: the
 * charset decoder (text/decode.c), the mojibake repair, the cleaning
 * (text/), then the layout into paragraphs and the parse of the dateline,
 * byline, dates and language (article/).
 */
#include <stddef.h>
#include <stdint.h>

#include "article/article.h"
#include "article/wordlist.h"
#include "base/buf.h"
#include "text/clean.h"
#include "text/decode.h"
#include "text/mojibake.h"

#include "fuzz.h"

/* Made once, as a program makes them: still reachable at exit, so
 * LeakSanitizer does not count them. */
static struct mojibake *moji;
static struct wordlist *words;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wbuf decoded = WBUF_INIT, restored = WBUF_INIT,
	    repaired = WBUF_INIT, cleaned = WBUF_INIT;
	struct warta_error err;
	struct article *a = NULL;
	enum text_encoding found;
	unsigned fixes = 0;

	warta_error_clear(&err);
	if (moji == NULL && (moji = mojibake_new(&err)) == NULL)
		return 0;
	if (words == NULL && (words = wordlist_new(&err)) == NULL)
		return 0;
	if (text_decode(data, size, TEXT_AUTO, &decoded, &found, &err) !=
	    WARTA_OK)
		goto out;
	(void)mojibake_is_bad(moji, decoded.data, decoded.len);
	if (mojibake_restore_lost(decoded.data, decoded.len, &restored,
	    NULL) != WARTA_OK ||
	    mojibake_fix(moji, restored.data, restored.len, &repaired,
	    &fixes) != WARTA_OK ||
	    text_clean(repaired.data, repaired.len, &cleaned) != WARTA_OK)
		goto out;
	if ((a = article_new(words)) == NULL)
		goto out;
	if (layout_paragraphs(a, cleaned.data, cleaned.len, &err) !=
	    WARTA_OK)
		goto out;
	(void)article_parse(a, NULL, &err);
out:
	article_free(a);
	wbuf_release(&decoded);
	wbuf_release(&restored);
	wbuf_release(&repaired);
	wbuf_release(&cleaned);
	return 0;
}
