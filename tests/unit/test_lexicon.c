/*
 * test_lexicon.c: what the extraction rules read: the data files' lines
 * and fields (article/tsv.c), the lexicon made from them
 * (article/lexicon.c), a text cut into tokens (article/tokens.c), and
 * the word lists of datelines, bylines, dates and languages
 * (article/wordlist.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "article/lexicon.h"
#include "article/tokens.h"
#include "article/tsv.h"
#include "article/wordlist.h"
#include "base/hash.h"
#include "fixture_lexicon.h"


struct lines {
	size_t n, last_line;
	char first[32];
};

static int
count_line(void *arg, const char *s, size_t n, size_t line)
{
	struct lines *l = arg;

	if (l->n++ == 0 && n < sizeof(l->first)) {
		memcpy(l->first, s, n);
		l->first[n] = '\0';
	}
	l->last_line = line;
	return strncmp(s, "stop", 4) == 0 ? -1 : 0;
}

static void
test_tsv(void **state)
{
	static const char data[] = "# a comment\n\nkata\tclass\t1\r\n"
	    "\r\nlast\tone";
	const char *f[3];
	size_t fl[3];
	struct lines l;

	(void)state;
	memset(&l, 0, sizeof(l));
	assert_int_equal(tsv_each_line((const unsigned char *)data,
	    sizeof(data) - 1, count_line, &l), 0);
	/* comments and blank lines (a lone CR too) are no entries */
	assert_int_equal(l.n, 2);
	assert_string_equal(l.first, "kata\tclass\t1\r");
	assert_int_equal(l.last_line, 5);
	/* a CR at the end is no part of the last field */
	assert_int_equal(tsv_split("kata\tclass\t1\r", 13, f, fl, 3), 3);
	assert_int_equal(fl[0], 4);
	assert_int_equal(fl[2], 1);
	assert_memory_equal(f[1], "class", 5);
	/* at most nf fields; an empty field counts */
	assert_int_equal(tsv_split("a\tb\tc\td", 7, f, fl, 2), 2);
	assert_int_equal(tsv_split("a\t", 2, f, fl, 3), 2);
	assert_int_equal(fl[1], 0);
	/* a callback that fails stops the walk */
	memset(&l, 0, sizeof(l));
	assert_int_equal(tsv_each_line((const unsigned char *)"a\nstop\nb\n",
	    9, count_line, &l), -1);
	assert_int_equal(l.n, 2);
}

static const struct lex_entry *
find(const char *key)
{
	return lexicon_find(lex, fnv1a(FNV1A_INIT, key,
	    strlen(key)), key, strlen(key));
}

static void
test_lexicon(void **state)
{
	const struct lex_entry *e;
	char out[64];
	size_t n;
	int p;

	(void)state;
	n = lexicon_lower((const unsigned char *)"JUM\xe2\x80\x99" "AT \xc3\x89", 10,
	    out);
	assert_int_equal(n, 8);
	assert_memory_equal(out, "jum'at \xc3\xa9", 8);
	/* a place, its broader places, by any of its names in any case */
	assert_true((p = lexicon_place(lex, "SEMARANG")) >= 0);
	assert_string_equal(lex->place[p].name, "Semarang");
	assert_string_equal(lex->place[p].kind, "city");
	assert_true(lex->place[p].broader >= 0);
	assert_string_equal(lex->place[lex->place[p].broader].name,
	    "Jawa Tengah");
	assert_int_equal(lexicon_place(lex, "Atlantis"), -1);
	/* a key of several words, and its first word a prefix of it */
	assert_non_null(e = find("jawa tengah"));
	assert_int_equal(e->nwords, 2);
	assert_true(e->place >= 0);
	assert_non_null(e = find("jawa"));
	assert_true(e->more);
	/* a cue word, the case it asks, its weekday */
	assert_non_null(e = find("senin"));
	assert_true(e->cue & C_WEEKDAY);
	assert_int_equal(e->cue_case & 3, CASE_CAP);
	/* an organization by its short name */
	assert_non_null(e = find("kpk"));
	assert_true(e->org >= 0 && e->org_short);
	assert_string_equal(lex->org[e->org].full,
	    "Komisi Pemberantasan Korupsi");
	assert_int_equal(e->org_case & 3, CASE_UPPER);
	assert_null(find("no such key"));
}

static void
test_tokens(void **state)
{
	static const char text[] = "Judul Berita\n\nSEMARANG - Menteri "
	    "Ida Fauziyah, kata-nya, \xe2\x80\x9c" "baik.\xe2\x80\x9d" " Jum'at "
	    "lalu SpPD.\n";
	struct doc d;
	size_t i;

	(void)state;
	assert_int_equal(doc_read(&d, lex, text, sizeof(text) - 1, "id"), 0);
	/* the headline is no part of the body's words */
	assert_true(d.head_end == 12);
	assert_true(d.tok[0].flags & F_HEAD);
	assert_true(d.tok[2].flags & F_PARA);
	assert_true(d.tok[2].flags & F_UPPER);
	assert_true(d.tok[2].place_ent >= 0);
	assert_true(d.tok[3].kind == TK_PUNCT && d.tok[3].cp == '-');
	assert_true(d.tok[4].cue_ent >= 0);
	assert_true(cue1(&d, 4) & C_TITLE);
	/* a hyphen or an apostrophe inside a word, lowered and hashed */
	for (i = 0; i < d.ntok; i++)
		if (d.tok[i].len == 8 &&
		    memcmp(text + d.tok[i].off, "kata-nya", 8) == 0)
			break;
	assert_true(i < d.ntok);
	assert_true(d.tok[i].flags & F_LOWER);
	assert_true(d.tok[i].hash == fnv1a(FNV1A_INIT,
	    "kata-nya", 8));
	for (i = 0; i < d.ntok; i++)
		if (d.tok[i].len == 6 && memcmp(text + d.tok[i].off, "Jum'at",
		    6) == 0)
			break;
	assert_true(i < d.ntok);
	assert_true(cue1(&d, i) & C_WEEKDAY);
	assert_true(d.tok[i + 1].cue_ent >= 0);
	/* "SpPD": a capital after a small letter */
	assert_true(d.tok[i + 2].flags & F_INNER);
	assert_true(d.words == 9);
	doc_free(&d);
}

static void
test_wordlist(void **state)
{
	struct wordlist w;
	struct warta_error err;
	const struct word *e;

	(void)state;
	if (wordlist_init(&w, &err) != WARTA_OK)
		fail_msg("wordlist_init: %s", err.message);
	/* in any case, by each of its classes */
	assert_true(wordlist_find(&w, "JAKARTA", 7, NULL) & W_PLACE);
	assert_true(wordlist_find(&w, "Bandar Lampung", 14, NULL) & W_PLACE);
	assert_true(wordlist_find(&w, "Antara", 6, NULL) & W_OUTLET);
	assert_true(wordlist_find(&w, "ant", 3, NULL) & W_AGENCY);
	assert_true(wordlist_find(&w, "Penulis", 7, NULL) & W_AUTHOR);
	assert_true(wordlist_find(&w, "editor", 6, NULL) & W_EDITOR);
	assert_true(wordlist_find(&w, "oleh", 4, NULL) & W_STOP_ID);
	assert_true(wordlist_find(&w, "The", 3, NULL) & W_STOP_EN);
	/* months from 1, weekdays from Monday as 0 */
	assert_true(wordlist_find(&w, "sept", 4, &e) & W_MONTH);
	assert_int_equal(e->month, 9);
	assert_true(wordlist_find(&w, "senin", 5, &e) & W_WEEKDAY);
	assert_int_equal(e->weekday, 0);
	assert_true(wordlist_find(&w, "Sunday", 6, &e) & W_WEEKDAY);
	assert_int_equal(e->weekday, 6);
	assert_int_equal(e->month, 0);
	assert_int_equal(wordlist_find(&w, "Semarangan", 10, NULL), 0);
	assert_int_equal(wordlist_find(&w, "", 0, NULL), 0);
}


int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_lexicon),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_wordlist),
	};

	return cmocka_run_group_tests(tests, make_lexicon, free_lexicon);
}
