/*
 * article/layout.c: repaired text (valid UTF-8, LF line ends) cut into paragraphs.
 *
 * Raw articles come in three layouts, often mixed: paragraphs separated by
 * blank lines, one paragraph per line, and lines hard-wrapped near a fixed
 * width (with paragraphs ending in a short line, or starting with an
 * indented one).  The layout is decided once for the whole text from its
 * line-length distribution, because a single line cannot tell: a wrapped
 * line and a one-line paragraph look alike.
 *
 * Two passes over the text: the first gathers statistics, the second emits
 * paragraphs while looking at two lines at a time.  Memory stays at the
 * size of the output whatever the number of lines.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "article/article.h"
#include "article/wordlist.h"
#include "base/ascii.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "base/warta.h"

/* Lines longer than this are never wrapped lines (widths are ~60-100). */
#define WRAP_MAX_COLS	140
/* The histogram of line lengths stops here; longer lines share a bucket. */
#define HIST_COLS	256
/* A title line has fewer words than this. */
#define TITLE_MAX_WORDS	15

struct line {
	size_t start, end;	/* the content, trimmed */
	size_t next;		/* where the next line starts */
	size_t cols;		/* code points in the content */
	size_t indent;		/* leading columns (a tab counts 4) */
	size_t first_word;	/* code points in the first word */
	int blank;		/* nothing but spaces */
	int boiler;		/* not the article: "Baca juga: ...", "12" */
	int end_mark;		/* nothing after it is the article (boiler too) */
	int page;		/* a bare page number (boiler too) */
	int lower;		/* starts with a lower-case letter */
	int final;		/* ends a sentence: . ! ? … or a closing quote */
};

struct layout {
	int wrapped;		/* hard-wrapped lines, to be joined */
	int indented;		/* paragraphs start with an indented line */
	int blank_paras;	/* paragraphs are set apart by blank lines */
	size_t width;		/* the wrap width, when wrapped */
	size_t widest;		/* the longest line that is still wrapped */
};

/* ---- characters ---- */

/* Space, tab, CR, FF, VT: one bit each, all below 64. */
#define SPACE_BITS	((UINT64_C(1) << ' ') | (UINT64_C(1) << '\t') | \
	(UINT64_C(1) << '\r') | (UINT64_C(1) << '\f') | (UINT64_C(1) << '\v'))

/*
 * A bit test with no branch on the byte: in running text a comparison
 * would guess wrong at every space.
 */
static int
is_space(int c)
{
	return ((SPACE_BITS >> (c & 63)) & (c >= 0 && c < 64)) != 0;
}

static int32_t
cp_at(const char *s, size_t n, size_t i, size_t *clen)
{
	uint32_t cp;

	*clen = utf8_decode((const unsigned char *)s + i, n - i, &cp);
	if (cp == UTF8_INVALID) {
		*clen = 1;
		return (unsigned char)s[i];
	}
	return (int32_t)cp;
}

/* The code point that ends s[0, n), and where it starts. */
static int32_t
cp_before(const char *s, size_t n, size_t *start)
{
	size_t k = n - 1, clen;

	while (k > 0 && n - k < 4 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	*start = k;
	return cp_at(s, n, k, &clen);
}

static int
is_digit_cp(int32_t cp)
{
	return cp >= '0' && cp <= '9';
}

static int
is_closing_quote(int32_t cp)
{
	return cp == '"' || cp == 0x201D || cp == 0x00BB || cp == '\'' ||
	    cp == 0x2019;
}

static int
is_stop_cp(int32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* Does s[0, n) end a sentence? "." "!" "?" "…", or a closing quote after
 * one of them, or a closing double quote after anything but a comma. */
static int
ends_sentence_plain(const char *s, size_t n)
{
	size_t k;
	int32_t cp, before;

	if (n == 0)
		return 0;
	cp = cp_before(s, n, &k);
	if (is_stop_cp(cp))
		return 1;
	if (!is_closing_quote(cp) || k == 0)
		return 0;
	before = cp_before(s, k, &k);
	if (is_stop_cp(before))
		return 1;
	return (cp == '"' || cp == 0x201D || cp == 0x00BB) && before != ',';
}

/* How far back a closing bracket is looked for its opening one. */
#define CREDIT_MAX	64

/*
 * As above, and also a short bracket after the end of a sentence: the
 * desk code or name that closes a paragraph, "... berangkat. (ant/abc)".
 * Otherwise a text of a few one-line paragraphs, the last closed so, has
 * one line in three ending inside a sentence and looks hard-wrapped.
 */
static int
ends_sentence(const char *s, size_t n)
{
	size_t open, k;

	if (ends_sentence_plain(s, n))
		return 1;
	if (n < 2 || s[n - 1] != ')')
		return 0;
	for (open = n - 1; open > 0 && n - open <= CREDIT_MAX &&
	    s[open - 1] != '(' && s[open - 1] != ')'; open--)
		;
	if (open == 0 || s[open - 1] != '(')
		return 0;
	open--;
	for (k = open; k > 0 && s[k - 1] == ' '; k--)
		;
	return k > 0 && k < open && ends_sentence_plain(s, k);
}

/* ---- lines ---- */

static int
starts_with_ci(const char *s, size_t n, const char *prefix)
{
	size_t i, len = strlen(prefix);

	if (n < len)
		return 0;
	for (i = 0; i < len; i++)
		if (ascii_lower((unsigned char)s[i]) != prefix[i])
			return 0;
	return 1;
}

static int
equals_ci(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && starts_with_ci(s, n, word);
}

/* "12", "- 12 -", "Halaman 2", "Hal. 2 dari 5", "Page 3 of 10", "2/5". */
static int
is_page_number(const char *s, size_t n)
{
	static const char *const words[] = { "halaman", "hal.", "hal", "page",
	    "p.", NULL };
	const char *const *w;
	size_t i = 0, d;

	/* every form ends in a digit, bar dashes and spaces: the test of
	 * most lines of text stops at their last letter */
	for (d = n; d > 0 && (s[d - 1] == '-' || s[d - 1] == ' '); d--)
		;
	if (d == 0 || s[d - 1] < '0' || s[d - 1] > '9')
		return 0;
	while (i < n && (s[i] == '-' || s[i] == ' '))
		i++;
	for (w = words; *w != NULL; w++)
		if (starts_with_ci(s + i, n - i, *w)) {
			i += strlen(*w);
			break;
		}
	while (i < n && s[i] == ' ')
		i++;
	for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i == d || i - d > 4)
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	if (i < n && (s[i] == '/' || starts_with_ci(s + i, n - i, "of ") ||
	    starts_with_ci(s + i, n - i, "dari "))) {
		i += s[i] == '/' ? 1 : (s[i] == 'o' || s[i] == 'O') ? 3 : 5;
		while (i < n && s[i] == ' ')
			i++;
		for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d || i - d > 4)
			return 0;
	}
	while (i < n && (s[i] == '-' || s[i] == ' '))
		i++;
	return i == n;
}

/* "http://...", "www.example.com/x": a line that is one address. */
static int
is_url_line(const char *s, size_t n)
{
	if (!starts_with_ci(s, n, "http://") && !starts_with_ci(s, n, "https://") &&
	    !starts_with_ci(s, n, "www."))
		return 0;
	return memchr(s, ' ', n) == NULL;
}

/* A boilerplate line no longer than this; a longer one is the article. */
#define BOILER_MAX	300
/* Words of a boilerplate phrase, at most. */
#define BOILER_WORDS	6

/*
 * Does a phrase of formats/data/boilerplate.tsv open s[0, n) in the way
 * its form asks?  The phrase ends at a word boundary: a space, a colon,
 * a comma, a dash or the end ("Baca juga:", "Baca juga -"), never inside
 * a word ("Baca jugalah").  Every line is asked, so the first word is
 * looked up alone first: most lines stop there.
 */
static int
boiler_phrase(const struct wordlist *w, const char *s, size_t n, int bracketed)
{
	const struct word *e;
	size_t i, j;
	int words = 0;

	for (i = 0; i < n && s[i] != ' ' && s[i] != ':' && s[i] != ','; i++)
		;
	if (!(wordlist_find(w, s, i, NULL) & W_BOILER_HEAD))
		return 0;
	for (i = 1; i <= n && words < BOILER_WORDS; i++) {
		if (i < n && s[i] != ' ' && s[i] != ':' && s[i] != ',' &&
		    s[i] != '-')
			continue;
		if (s[i - 1] == ' ')
			continue;
		words += i == n || s[i] == ' ';
		if (!(wordlist_find(w, s, i, &e) & W_BOILER))
			continue;
		for (j = i; j < n && s[j] == ' '; j++)
			;
		switch (e->form) {
		case BOILER_LINE:
			if (n <= BOILER_MAX || bracketed)
				return 1;
			break;
		case BOILER_LABEL:
			if (j < n && s[j] == ':')
				return 1;
			break;
		default:
			if (j < n && s[j] == ':')
				j++;
			if (j == n)
				return e->form;
			break;
		}
	}
	return 0;
}

/*
 * Lines that are the web page, not the article: the phrases of
 * formats/data/boilerplate.tsv ("Baca juga: ...", "Read more: ...",
 * "Tonton juga video ..."), alone or in brackets, a page number, an
 * address alone.  Returns BOILER_END for a line after which nothing is
 * the article ("Related Topics"), 1 for another.
 */
static int
is_boilerplate(const struct wordlist *w, const char *s, size_t n)
{
	size_t i;
	int form;

	/* "###" ends a press release; boilerplate.tsv cannot hold it (a
	 * line that starts with '#' is a comment there) */
	if (n >= 3 && s[0] == '#' && s[n - 1] == '#') {
		for (i = 0; i < n && s[i] == '#'; i++)
			;
		if (i == n)
			return BOILER_END;
	}
	if (n > 2 && s[0] == '(' && s[n - 1] == ')')
		return boiler_phrase(w, s + 1, n - 2, 1) != 0;
	/* before the page numbers: "-30-" ends a story, it is no page */
	if ((form = boiler_phrase(w, s, n, 0)) != 0)
		return form == BOILER_END ? BOILER_END : 1;
	return is_page_number(s, n) || is_url_line(s, n);
}

/*
 * Code points in s[0, n): the bytes that are not UTF-8 continuation bytes
 * (10xxxxxx).  Every line is measured twice, so eight bytes are looked at
 * a time: a continuation byte has its top bit set and the next one clear,
 * which leaves one bit per such byte in w, and the multiplication adds
 * those up in the top byte.
 */
static size_t
count_code_points(const char *s, size_t n)
{
	size_t i = 0, cont = 0;
	uint64_t w;

	for (; n - i >= 8; i += 8) {
		memcpy(&w, s + i, sizeof(w));
		w = w & ~(w << 1) & UINT64_C(0x8080808080808080);
		cont += (size_t)(((w >> 7) * UINT64_C(0x0101010101010101)) >> 56);
	}
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xC0) == 0x80;
	return n - cont;
}

/* Reads the line at *pos; returns 0 at the end of the text. */
static int
next_line(const struct wordlist *w, const char *text, size_t len, size_t pos,
    struct line *l)
{
	const char *nl;
	size_t i, k, e;

	if (pos >= len)
		return 0;
	memset(l, 0, sizeof(*l));
	nl = memchr(text + pos, '\n', len - pos);
	e = nl != NULL ? (size_t)(nl - text) : len;
	l->next = nl != NULL ? e + 1 : len;
	for (i = pos; i < e && is_space((unsigned char)text[i]); i++)
		l->indent += text[i] == '\t' ? 4 : 1;
	while (e > i && is_space((unsigned char)text[e - 1]))
		e--;
	l->start = i;
	l->end = e;
	if (i == e) {
		l->blank = 1;
		return 1;
	}
	for (k = i; k < e && !is_space((unsigned char)text[k]); k++)
		;
	l->first_word = count_code_points(text + i, k - i);
	l->cols = l->first_word + count_code_points(text + k, e - k);
	l->boiler = is_boilerplate(w, text + l->start, e - l->start);
	l->end_mark = l->boiler == BOILER_END;
	l->page = l->boiler && is_page_number(text + l->start, e - l->start);
	l->final = ends_sentence(text + l->start, e - l->start);
	if ((unsigned char)text[i] < 0x80)
		l->lower = text[i] >= 'a' && text[i] <= 'z';
	else {
		int32_t cp = cp_at(text, e, i, &k);

		l->lower = utf8_is_letter((uint32_t)cp) &&
		    !utf8_is_upper((uint32_t)cp);
	}
	return 1;
}

/* ---- the layout of the whole text ---- */

static void
decide_layout(const struct wordlist *w, const char *text, size_t len,
    struct layout *lay)
{
	size_t hist[HIST_COLS + 1];
	size_t pos, content = 0, shorts = 0, short_open = 0, band = 0;
	size_t indent_starts = 0, seen, k, lo, runs_on = 0, blank_breaks = 0;
	struct line l;
	int prev_indented = 0, prev_content = 0, gap = 0;

	memset(lay, 0, sizeof(*lay));
	memset(hist, 0, sizeof(hist));
	for (pos = 0; next_line(w, text, len, pos, &l); pos = l.next) {
		if (l.end_mark)
			break;
		if (l.page)
			continue;
		if (l.blank || l.boiler) {
			prev_content = 0;
			gap = l.blank || gap;
			continue;
		}
		/* a blank line between paragraphs; the one under a title
		 * line does not say how the body is laid out */
		blank_breaks += gap && content > 1;
		gap = 0;
		/* a line that starts in lower case carries a sentence on */
		runs_on += prev_content && l.lower;
		content++;
		hist[l.cols < HIST_COLS ? l.cols : HIST_COLS]++;
		if (l.cols <= WRAP_MAX_COLS) {
			shorts++;
			short_open += !l.final;
		}
		/* an indented line carried on by an unindented one */
		if (prev_content && prev_indented && l.indent < 2)
			indent_starts++;
		prev_indented = l.indent >= 2;
		prev_content = 1;
	}
	lay->indented = indent_starts >= 2;
	lay->blank_paras = blank_breaks > 0;

	/*
	 * Wrapped: most lines are short enough to be wrapped, at least half
	 * of them end within a few words of the width (taken as the 90th
	 * percentile of their lengths), and many end inside a sentence,
	 * which a one-paragraph-per-line text seldom does; or, where most
	 * sentences happen to end at line ends, nearly all lines are of a
	 * width and some line goes on with the sentence of the one before.
	 */
	if (shorts < 3 || shorts * 10 < content * 6)
		return;
	for (k = 0, seen = 0; k <= WRAP_MAX_COLS; k++) {
		seen += hist[k];
		if (seen * 10 >= shorts * 9)
			break;
	}
	if (k < 30)
		return;
	lo = k - (k / 4 > 12 ? k / 4 : 12);
	for (seen = lo; seen <= k + 3 && seen <= WRAP_MAX_COLS; seen++)
		band += hist[seen];
	if (band * 2 < shorts)
		return;
	if (short_open * 10 < shorts * 3 &&
	    (band * 10 < shorts * 7 || runs_on == 0 || runs_on * 10 < shorts))
		return;
	lay->wrapped = 1;
	lay->width = k;
	/* the widths of a text copied from a web page vary: the longest
	 * wrapped line, not the typical one, says whether a word fitted */
	for (seen = k + k / 4 < WRAP_MAX_COLS ? k + k / 4 : WRAP_MAX_COLS;
	    seen > k && hist[seen] == 0; seen--)
		;
	lay->widest = seen;
}

/* Does a paragraph end between prev and cur? */
static int
breaks_between(const struct layout *lay, const struct line *prev,
    const struct line *cur)
{
	if (lay->indented && cur->indent >= 2)
		return 1;
	if (!lay->wrapped)
		return !lay->indented;
	/* a line longer than the width was never wrapped */
	if (prev->cols > lay->widest || cur->cols > lay->widest)
		return prev->final;
	/* far short of the width even with the next word: a heading, a list
	 * item, a paragraph end (widths vary too much to ask for less) */
	if (prev->cols + 1 + cur->first_word <= lay->width * 3 / 4)
		return 1;
	/* with neither blank lines nor indents to set paragraphs apart, a
	 * sentence that ends at a line end ends its paragraph */
	if (prev->final && !lay->blank_paras && !lay->indented && !cur->lower)
		return 1;
	/* the next word would have fitted: the break was meant */
	if (prev->final && prev->cols + 1 + cur->first_word <= lay->widest)
		return 1;
	return !lay->indented && cur->indent > prev->indent + 1;
}

/* "(kmp/jji)", "(Sutarjo).": a line that is one bracket, a credit. */
static int
is_bracketed(const char *s, size_t n)
{
	if (n > 0 && s[n - 1] == '.')
		n--;
	return n >= 2 && s[0] == '(' && s[n - 1] == ')';
}

/*
 * Does the boilerplate line prev (or a line that continued one) go on on
 * cur?  In a hard-wrapped text a "Baca juga: ..." link is wrapped like
 * the rest, and the next line holds the end of its title: after a word
 * broken with a hyphen ("... Mengudara-", "kan Pelabang"), or when the
 * next word would not have fitted on the line ("... Menyiapkan",
 * "Pelabuhan").  A link that stops short of the width was put on a line
 * of its own, and the next line starts the text again.  A bracketed link,
 * "(Baca juga: ...)", is whole, and a bracket alone on the next line is
 * the credit that closes the article.
 */
static int
boiler_goes_on(const char *text, const struct layout *lay,
    const struct line *prev, const struct line *cur)
{
	if (!lay->wrapped || cur->blank || cur->boiler || prev->final ||
	    is_bracketed(text + prev->start, prev->end - prev->start) ||
	    is_bracketed(text + cur->start, cur->end - cur->start) ||
	    breaks_between(lay, prev, cur))
		return 0;
	/* the width the link was wrapped at counts its indentation */
	return text[prev->end - 1] == '-' ||
	    prev->indent + prev->cols + 1 + cur->first_word > lay->widest;
}

/* ---- joining lines ---- */

/* Prefixes written with a hyphen: "se-Indonesia", "non-pemerintah". */
static const char *const hyphen_prefixes[] = {
	"se", "non", "pra", "anti", "pasca", "eks", "self", NULL
};

/* Verb and noun prefixes that a repeated word drops: "ber-" in
 * "berlari-lari".  Longer forms first ("meng-" before "me-"). */
static const char *const redup_prefixes[] = {
	"meng", "mem", "men", "me", "ber", "per", "ter", "di", "ke", "se",
	"pe", NULL
};

static int
is_word_cp(int32_t cp)
{
	return utf8_is_letter((uint32_t)cp) || is_digit_cp(cp);
}

static size_t
common_prefix_ci(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0;

	while (i < an && i < bn &&
	    ascii_lower((unsigned char)a[i]) == ascii_lower((unsigned char)b[i]))
		i++;
	return i;
}

/*
 * Is the hyphen between left (the word part before a line-end hyphen) and
 * right (the word that opens the next line) a real one?  A capital or a
 * digit after it ("Covid-19", "se-Indonesia"), a repeated word ("kupu-kupu",
 * "rumpun-rumpunnya", "warna-warni", "berlari-lari"; reduplication is
 * everywhere in Indonesian) or a known prefix ("pasca-") keep it; any
 * other hyphen split one word ("pemerin-tahan").
 */
static int
hyphen_is_real(const char *left, size_t ln, const char *right, size_t rn)
{
	const char *const *p;
	size_t clen, common;
	int32_t cp;

	if (rn == 0 || ln == 0)
		return 1;
	cp = cp_at(right, rn, 0, &clen);
	if (utf8_is_upper((uint32_t)cp) || is_digit_cp(cp))
		return 1;
	/* the same word again, or all but its last letter ("warna-warni") */
	common = common_prefix_ci(left, ln, right, rn);
	if (common >= 3 && common + 1 >= ln)
		return 1;
	/* a prefixed word repeated without its prefix: "berlari-lari",
	 * "bersalam-salaman", "dipukul-pukul" */
	for (p = redup_prefixes; *p != NULL; p++) {
		size_t pn = strlen(*p);

		if (ln >= pn + 3 && common_prefix_ci(left, ln, *p, pn) == pn &&
		    common_prefix_ci(left + pn, ln - pn, right, rn) == ln - pn)
			return 1;
	}
	for (p = hyphen_prefixes; *p != NULL; p++)
		if (equals_ci(left, ln, *p))
			return 1;
	return 0;
}

/*
 * Appends s[0, n) with runs of spaces collapsed to one.  The output is
 * never longer than s, so it is written straight into the buffer, one
 * byte per step: each byte (a space as ' ') is stored, and kept unless it
 * is a space after a space.  No branch depends on the byte, where a text
 * turns from letters to a space every few bytes.
 */
static int
append_collapsed(struct wbuf *b, const char *s, size_t n)
{
	char *out;
	size_t i;
	int space, after_space = 0;

	if (wbuf_reserve(b, n) != WARTA_OK)
		return WARTA_FAILED;
	out = b->data + b->len;
	for (i = 0; i < n; i++) {
		space = is_space((unsigned char)s[i]);
		*out = space ? ' ' : s[i];
		out += !(space && after_space);
		after_space = space;
	}
	b->len = (size_t)(out - b->data);
	*out = '\0';
	return WARTA_OK;
}

/* Joins the line s[0, n) onto the paragraph in b. */
static int
join_line(struct wbuf *b, const char *s, size_t n)
{
	size_t lstart, k, rn, clen;
	int32_t cp;

	if (b->len == 0)
		return append_collapsed(b, s, n);
	if (b->len >= 2 && b->data[b->len - 1] == '-' &&
	    b->data[b->len - 2] != '-') {
		/* the word before the hyphen */
		lstart = b->len - 1;
		while (lstart > 0) {
			cp = cp_before(b->data, lstart, &k);
			if (!is_word_cp(cp))
				break;
			lstart = k;
		}
		if (lstart < b->len - 1) {
			for (rn = 0; rn < n; rn += clen)
				if (!is_word_cp(cp_at(s, n, rn, &clen)))
					break;
			if (!hyphen_is_real(b->data + lstart,
			    b->len - 1 - lstart, s, rn)) {
				b->len--;
				b->data[b->len] = '\0';
			}
			return append_collapsed(b, s, n);
		}
	}
	if (wbuf_putc(b, ' ') != WARTA_OK)
		return WARTA_FAILED;
	return append_collapsed(b, s, n);
}

/* ---- the title line ---- */

/* Quotes and brackets a title may open with: "'Nuclear dumpsite' plan". */
static int
is_opening_mark(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == '(' || cp == '[' ||
	    cp == 0x2018 || cp == 0x201C || cp == 0x00AB || cp == 0x2039;
}

/*
 * A title line: two to fifteen words, a capital or a figure at the start
 * (after any quote), and no end that carries on into the next line: no
 * comma, semicolon or colon, and no full stop but an ellipsis ("... as
 * deadline looms...").  Never a dateline, a byline or a date line.
 */
static int
is_title_line(const struct wordlist *w, const char *s, size_t n)
{
	size_t i, words = 1, k, clen;
	int32_t cp;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] == ' ' && ++words >= TITLE_MAX_WORDS)
			return 0;
	if (words < 2)
		return 0;
	for (i = 0; i < n; i += clen)
		if (!is_opening_mark(cp_at(s, n, i, &clen)))
			break;
	if (i >= n)
		return 0;
	cp = cp_at(s, n, i, &clen);
	if (!utf8_is_upper((uint32_t)cp) && !is_digit_cp(cp))
		return 0;
	/* a sentence, a clause or a label, not a title */
	cp = cp_before(s, n, &k);
	if (cp == ',' || cp == ';' || cp == ':')
		return 0;
	if (cp == '.' && !(k >= 2 && s[k - 1] == '.' && s[k - 2] == '.'))
		return 0;
	return article_dateline_len(w, s, n) == 0 &&
	    !article_is_credit_line(w, s, n) && !article_is_date_line(w, s, n);
}

/* Does paragraph p open in lower case, going on with the one before? */
static int
opens_lower(const char *p)
{
	size_t clen;
	int32_t cp = cp_at(p, strlen(p), 0, &clen);

	return utf8_is_letter((uint32_t)cp) && !utf8_is_upper((uint32_t)cp);
}

/*
 * The title line: the first paragraph when it is one line that is a
 * title (is_title_line) and the next does not carry it on; or the second
 * when the first is a date line ("Thu Mar 3, 2005 11:32am GMT" above
 * the title).  Never invented: body text must follow it.
 */
static void
take_title(struct article *a, size_t first, const size_t *lines)
{
	size_t t;

	if (first != 0 || a->headline != NULL)
		return;
	for (t = 0; t < 2 && t + 1 < a->npara; t++) {
		if (lines[t] == 1 && !opens_lower(a->paras[t + 1]) &&
		    is_title_line(a->words, a->paras[t], strlen(a->paras[t])))
			break;
		if (!article_is_date_line(a->words, a->paras[t],
		    strlen(a->paras[t])))
			return;
	}
	if (t >= 2 || t + 1 >= a->npara)
		return;
	a->headline = a->paras[t];
	memmove(a->paras + t, a->paras + t + 1,
	    (a->npara - t - 1) * sizeof(char *));
	a->npara--;
}

/* ---- the whole ---- */

struct emitter {
	struct article *a;
	struct wbuf para;
	size_t lines;		/* lines in the paragraph being built */
	size_t first_lines[2];	/* lines in the first two paragraphs */
	size_t first;		/* paragraphs the article had before */
};

static int
flush(struct emitter *em)
{
	size_t k;

	if (em->para.len == 0)
		return WARTA_OK;
	if (article_add_para(em->a, em->para.data, em->para.len) != WARTA_OK)
		return WARTA_FAILED;
	k = em->a->npara - 1 - em->first;
	if (k < 2)
		em->first_lines[k] = em->lines;
	wbuf_reset(&em->para);
	em->lines = 0;
	return WARTA_OK;
}

int
layout_paragraphs(struct article *a, const char *text, size_t len,
    struct warta_error *err)
{
	struct emitter em;
	struct layout lay;
	struct line prev, cur, boiler;
	size_t pos;
	int have_prev = 0, in_boiler = 0;

	memset(&em, 0, sizeof(em));
	memset(&prev, 0, sizeof(prev));
	memset(&boiler, 0, sizeof(boiler));
	em.a = a;
	em.first = a->npara;
	wbuf_init(&em.para);
	decide_layout(a->words, text, len, &lay);
	for (pos = 0; next_line(a->words, text, len, pos, &cur);
	    pos = cur.next) {
		/* "Related Topics", "###": the page goes on, not the article */
		if (cur.end_mark)
			break;
		/*
		 * A page number stands where the page ended, most often inside
		 * a paragraph: it is left out, and the lines on either side
		 * decide as if it were not there.  The other boilerplate (a
		 * "Baca juga" link, an advertisement) was put between
		 * paragraphs, and ends one.
		 */
		if (cur.page)
			continue;
		/* the rest of a hard-wrapped boilerplate line goes with it */
		if (in_boiler && boiler_goes_on(text, &lay, &boiler, &cur)) {
			boiler = cur;
			continue;
		}
		in_boiler = 0;
		if (cur.blank || cur.boiler) {
			if (flush(&em) != WARTA_OK)
				goto fail;
			have_prev = 0;
			if (cur.boiler) {
				boiler = cur;
				in_boiler = 1;
			}
			continue;
		}
		if (have_prev && breaks_between(&lay, &prev, &cur) &&
		    flush(&em) != WARTA_OK)
			goto fail;
		if (join_line(&em.para, text + cur.start,
		    cur.end - cur.start) != WARTA_OK)
			goto fail;
		em.lines++;
		prev = cur;
		have_prev = 1;
	}
	if (flush(&em) != WARTA_OK)
		goto fail;
	wbuf_release(&em.para);
	take_title(a, em.first, em.first_lines);
	return WARTA_OK;
fail:
	wbuf_release(&em.para);
	return warta_error_set(err, -1, "out of memory");
}
