/*
 * fixture_words.h: the word list every article of a unit test is read
 * by, made once for the group (cmocka_run_group_tests(tests, make_words,
 * free_words)), as warta-normalize makes it once.
 */
#ifndef WARTA_TEST_FIXTURE_WORDS_H
#define WARTA_TEST_FIXTURE_WORDS_H

#include "article/wordlist.h"

static struct wordlist *words;

static int
make_words(void **state)
{
	struct warta_error err;

	(void)state;
	if ((words = wordlist_new(&err)) == NULL) {
		print_error("wordlist_new: %s\n", err.message);
		return -1;
	}
	return 0;
}

static int
free_words(void **state)
{
	(void)state;
	wordlist_free(words);
	return 0;
}

#endif
