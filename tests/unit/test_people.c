/*
 * test_people.c: who formats/article/people.c takes for a person and who
 * not, class by class (issue 11): each rule with a text where it holds a
 * name back and one where the person is still found.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "article/extract.h"
#include "fixture_lexicon.h"

/* Fails unless the people found in text are exactly the ones given
 * (NULL-terminated), in that order. */
static void
expect_people(const char *text, const char *lang, ...)
{
	struct extraction x;
	struct warta_error err;
	const char *want;
	size_t n = 0, i;
	va_list ap;

	if (extract_text(lex, text, strlen(text), lang, NULL, NULL, &x,
	    &err) != WARTA_OK)
		fail_msg("extract_text: %s", err.message);
	va_start(ap, lang);
	while ((want = va_arg(ap, const char *)) != NULL) {
		if (n >= x.npeople || strcmp(x.people[n], want) != 0) {
			for (i = 0; i < x.npeople; i++)
				print_message("person: %s\n", x.people[i]);
			va_end(ap);
			extraction_free(&x);
			fail_msg("person %zu is not '%s'", n + 1, want);
		}
		n++;
	}
	va_end(ap);
	if (x.npeople != n) {
		for (i = 0; i < x.npeople; i++)
			print_message("person: %s\n", x.people[i]);
		extraction_free(&x);
		fail_msg("%zu people, not %zu", x.npeople, n);
	}
	extraction_free(&x);
}

/* A last word that is a common noun: the data's, or one the text writes
 * in lower case in its other number. */
static void
test_common_noun_last(void **state)
{
	(void)state;
	expect_people("Shares in Harwood Foods rose after the deal was "
	    "approved by Ellen Harwood.\n", "en", "Ellen Harwood", NULL);
	expect_people("The plan was backed by Harwood Quality and by "
	    "the council.\n", "en", NULL);
	/* before a speech verb too */
	expect_people("Harwood Foods said the deal was good.\n", "en", NULL);
	expect_people("Ellen Harwood said the deal was good.\n", "en",
	    "Ellen Harwood", NULL);
	/* "sprocket" in lower case: "Vell Sprockets" is a firm */
	expect_people("Every sprocket is made by Vell Sprockets in a shed "
	    "near the river.\n", "en", NULL);
	expect_people("Every part is made by Anna Vell in a shed near the "
	    "river.\n", "en", "Anna Vell", NULL);
	/* "creameries" in lower case: "Penrose Creamery" is one */
	expect_people("Small creameries are closing, but Penrose Creamery "
	    "is hiring.\n", "en", NULL);
}

/* A sentence's first word that the text uses as a common word is no
 * part of the name after it. */
static void
test_sentence_first_word(void **state)
{
	(void)state;
	expect_people("Forty helpers came. Helper Tom Garbutt said the hull "
	    "was sound, and other helpers agreed.\n", "en", "Tom Garbutt",
	    NULL);
	/* a first name that starts the sentence stays */
	expect_people("Tom Garbutt said the hull was sound.\n", "en",
	    "Tom Garbutt", NULL);
	expect_people("Namanya Sri Rahayu. Ia guru di desa itu.\n", "id",
	    "Sri Rahayu", NULL);
	/* a small word that starts the sentence */
	expect_people("Dan Budi Santoso menolak tawaran itu.\n", "id",
	    "Budi Santoso", NULL);
	/* an organization's first word is no common word */
	expect_people("Universitas Gadjah Mada menerima mahasiswa baru.\n",
	    "id", NULL);
}

/* A speaker's name starts its capitalized stretch: no "of" or "on"
 * inside an organization's name before it. */
static void
test_speaker_starts_stretch(void **state)
{
	(void)state;
	expect_people("The National Association of Retail Grocers said "
	    "prices would rise.\n", "en", NULL);
	expect_people("The Texas Commission on Clean Rivers said the water "
	    "was safe.\n", "en", NULL);
	expect_people("Helen Ward said prices would rise.\n", "en",
	    "Helen Ward", NULL);
}

/* Ordinal numbers are no part of a name. */
static void
test_ordinals(void **state)
{
	(void)state;
	expect_people("The trees keep their needles until Twelfth Night.\n",
	    "en", NULL);
	expect_people("The trees were sold by Nora Twelves.\n", "en",
	    "Nora Twelves", NULL);
}

/* A name alone in quotation marks is a term. */
static void
test_quoted_term(void **state)
{
	(void)state;
	expect_people("Orang Jepang menyebutnya \u2018Poketo Monsuta\u2019 "
	    "saja. Ada juga yang menulis \u201cPoketto Monsta\u201d.\n",
	    "id", NULL);
	expect_people("\u201cKami siap,\u201d kata Budi Santoso.\n", "id",
	    "Budi Santoso", NULL);
}

/* A name after a noun of a kind of group or thing is the group's. */
static void
test_kind_before(void **state)
{
	(void)state;
	expect_people("Ia sesepuh grup kesenian reog Manunggal Budoyo di "
	    "Magelang.\n", "id", NULL);
	expect_people("The shops were bought by retailer Oakhurst "
	    "Vane.\n", "en", NULL);
	/* a title, a maker's word or a small word on the way makes the
	 * name a person's */
	expect_people("Ia anggota grup reog pimpinan Wahyu Santoso di "
	    "Magelang.\n", "id", "Wahyu Santoso", NULL);
	expect_people("Mereka membaca novel karya Andrea Hirata itu.\n",
	    "id", "Andrea Hirata", NULL);
	expect_people("They watched a film about John Harwood at the "
	    "club.\n", "en", "John Harwood", NULL);
}

/* A place's name after "di kawasan", and where a person works, are no
 * person. */
static void
test_place_and_workplace(void **state)
{
	(void)state;
	expect_people("Seorang petani di kawasan Medan Marelan mengaku "
	    "tidak rugi.\n", "id", NULL);
	expect_people("\"Prices will rise,\" said Oliver Grant, a transport "
	    "analyst at Kessler Stanhope in London.\n", "en", "Oliver Grant",
	    NULL);
	/* a place after the comma is the title's, a small word is where
	 * the person spoke */
	expect_people("Camat Sawahan, Kota Surabaya, hadir.\n", "id", NULL);
	expect_people("Kepala Bidang Karantina Hewan, Andi Baso Tenri, di "
	    "Makassar, mengatakan daging itu disita.\n", "id",
	    "Andi Baso Tenri", NULL);
}

/* A nickname the text gives is no one of its own. */
static void
test_nickname(void **state)
{
	(void)state;
	expect_people("Kepala Dinas Kesehatan Febria Rachmanita hadir. "
	    "Dokter gigi yang akrab disapa Feni itu menjelaskan. \"Aman,\" "
	    "jelas Feni.\n", "id", "Febria Rachmanita", NULL);
	/* without "akrab disapa", a name of one word after a quote is one */
	expect_people("Kepala Dinas Kesehatan Febria Rachmanita hadir. "
	    "\"Aman,\" jelas Feni.\n", "id", "Febria Rachmanita", "Feni",
	    NULL);
}

/* A slip of the pen in a name met before is the same person. */
static void
test_misspelling(void **state)
{
	(void)state;
	expect_people("Walikota Banda Aceh, Illiza Sa\u2019aduddin Djamal, "
	    "melarang game itu. Walikota Banda Aceh Illiza Sa\u2019aduddi "
	    "bukan yang pertama.\n", "id",
	    "Illiza Sa\u2019aduddin Djamal", NULL);
	expect_people("\"Itu benar,\" ujar Nojeng. Menurut Jojeng, masalah "
	    "itu meresahkan.\n", "id", "Nojeng", NULL);
	/* names of one word that differ in their last letters differ */
	expect_people("\"Itu benar,\" ujar Susanto. Menurut Susanti, masalah "
	    "itu meresahkan.\n", "id", "Susanto", "Susanti", NULL);
}

/* Small words inside a name. */
static void
test_particles(void **state)
{
	(void)state;
	expect_people("\"Itu berbahaya,\" kata Sheik Abdel Monem abu Zent, "
	    "mantan anggota parlemen.\n", "id", "Abdel Monem abu Zent", NULL);
	expect_people("\"Itu benar,\" kata Ludwig van Dam.\n", "id",
	    "Ludwig van Dam", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_common_noun_last),
		cmocka_unit_test(test_sentence_first_word),
		cmocka_unit_test(test_speaker_starts_stretch),
		cmocka_unit_test(test_ordinals),
		cmocka_unit_test(test_quoted_term),
		cmocka_unit_test(test_kind_before),
		cmocka_unit_test(test_place_and_workplace),
		cmocka_unit_test(test_nickname),
		cmocka_unit_test(test_misspelling),
		cmocka_unit_test(test_particles),
	};

	return cmocka_run_group_tests(tests, make_lexicon, free_lexicon);
}
