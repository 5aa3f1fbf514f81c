/*
 * fixture_lexicon.h: the lexicon a unit test reads texts by, made once
 * for the group (cmocka_run_group_tests(tests, make_lexicon,
 * free_lexicon)), as a program makes it once.
 */
#ifndef WARTA_TEST_FIXTURE_LEXICON_H
#define WARTA_TEST_FIXTURE_LEXICON_H

#include "article/lexicon.h"

static struct lexicon *lex;

static int
make_lexicon(void **state)
{
	struct warta_error err;

	(void)state;
	if ((lex = lexicon_new(&err)) == NULL) {
		print_error("lexicon_new: %s\n", err.message);
		return -1;
	}
	return 0;
}

static int
free_lexicon(void **state)
{
	(void)state;
	lexicon_free(lex);
	return 0;
}

#endif
