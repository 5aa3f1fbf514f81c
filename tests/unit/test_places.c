/*
 * test_places.c: the places formats/article/places.c finds in a text, one
 * test for each kind of name that is a place and each that is not
 * (tests/eval/README.md's label rules), each with a case of both.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "article/extract.h"
#include "fixture_lexicon.h"

static void
extract(const char *text, const char *lang, const char *dateline,
    struct extraction *x)
{
	struct warta_error err;

	if (extract_text(lex, text, strlen(text), lang, dateline, NULL, x,
	    &err) != WARTA_OK)
		fail_msg("extract_text: %s", err.message);
}

static const struct extract_place *
place(const struct extraction *x, const char *name)
{
	size_t i;

	for (i = 0; i < x->nplaces; i++)
		if (strcmp(x->places[i].name, name) == 0)
			return &x->places[i];
	return NULL;
}

/* The places of x are exactly the names given, in any order. */
static void
assert_places(const struct extraction *x, ...)
{
	va_list ap;
	const char *s;
	size_t n = 0, i;

	va_start(ap, x);
	while ((s = va_arg(ap, const char *)) != NULL) {
		if (place(x, s) == NULL) {
			for (i = 0; i < x->nplaces; i++)
				print_message("place: %s\n", x->places[i].name);
			fail_msg("'%s' is not among the places", s);
		}
		n++;
	}
	va_end(ap);
	if (x->nplaces != n) {
		for (i = 0; i < x->nplaces; i++)
			print_message("place: %s\n", x->places[i].name);
		fail_msg("%zu places, not %zu", x->nplaces, n);
	}
}

/* Run text (lang) and check its places are the names that follow. */
#define PLACES(text, lang, ...) do {					\
	struct extraction x_;						\
	extract(text, lang, NULL, &x_);					\
	assert_places(&x_, __VA_ARGS__);				\
	extraction_free(&x_);						\
} while (0)

/* "DKI Jakarta", "Daerah Istimewa Yogyakarta", "Kota Jambi" name
 * Jakarta, Yogyakarta, Jambi; "Jakarta Selatan" is a place of its own. */
static void
test_generic_prefixes(void **state)
{
	struct extraction x;
	const struct extract_place *p;

	(void)state;
	PLACES("Gubernur DKI Jakarta hadir. Warga datang dari Daerah "
	    "Istimewa Yogyakarta dan Kota Jambi.\n", "id",
	    "Jakarta", "Yogyakarta", "Jambi", NULL);
	extract("Banjir melanda Jakarta Selatan.\n", "id", NULL, &x);
	assert_places(&x, "Jakarta Selatan", NULL);
	p = place(&x, "Jakarta Selatan");
	assert_int_equal(p->nbroader, 2);
	assert_string_equal(p->broader[0], "Jakarta");
	assert_string_equal(p->broader[1], "Indonesia");
	extraction_free(&x);
}

/* The headline is no part of the text places are listed from. */
static void
test_headline(void **state)
{
	(void)state;
	PLACES("Shoppers turn from Norway\n\nSales fell in Britain.\n",
	    "en", "United Kingdom", NULL);
	PLACES("Snow in Norway\n\nSales fell in Norway.\n", "en", "Norway",
	    NULL);
}

/* In Indonesian a place after the noun it modifies names no place: the
 * art, dance, cloth or style named after it; "orang Jepang" names the
 * country. */
static void
test_indonesian_modifiers(void **state)
{
	(void)state;
	PLACES("Pembakaran reog Ponorogo dan Reyog Ponorogo dikecam. Penari "
	    "tari Bali dan pengobatan tradisional Cina dipamerkan dengan "
	    "gaya Eropa.\n", "id", NULL);
	PLACES("Seniman dari Ponorogo tampil. Orang Jepang dan orang "
	    "Indonesia menonton.\n", "id", "Ponorogo", "Japan", "Indonesia",
	    NULL);
}

/* In English a place before a noun it modifies is no place; before a
 * pronoun or a part of itself it is. */
static void
test_english_modifiers(void **state)
{
	(void)state;
	PLACES("The Aberdeen firm kept Jersey cows and sold Norway spruce.\n",
	    "en", NULL);
	PLACES("Later in London it was quoted at 128 yen. Plants in Aichi "
	    "prefecture closed, and Stonehaven harbour will be dredged.\n",
	    "en", "London", "Aichi", "Stonehaven", NULL);
}

/* A place only inside an organization's name is no place. */
static void
test_inside_organizations(void **state)
{
	(void)state;
	PLACES("Kepala Dinas Perikanan dan Kelautan Jawa Timur hadir. Ia "
	    "ditahan di Rumah Tahanan Polres Metro Jakarta Timur. Staf KJRI "
	    "Davao dan BPOM RI datang. Kepolisian Daerah Jawa Barat "
	    "menolak.\n", "id", NULL);
	PLACES("Kepala Dinas Perikanan Jawa Timur hadir di Surabaya, Jawa "
	    "Timur. Ia tinggal di Davao.\n", "id", "Surabaya", "Jawa Timur",
	    "Davao", NULL);
}

/* A place that ends a longer name, a person's or a thing's, is none;
 * after a title or a place word it is. */
static void
test_ends_name(void **state)
{
	(void)state;
	PLACES("Route director Owen Carlisle spoke. Alumni of Kolese "
	    "Kanisius Jakarta met.\n", "en", NULL);
	PLACES("Gubernur Jawa Tengah dan Wali Kota Semarang hadir di Pulau "
	    "Jawa.\n", "id", "Jawa Tengah", "Semarang", "Jawa", NULL);
}

/* Buildings named after a place are no places. */
static void
test_buildings(void **state)
{
	(void)state;
	PLACES("Ia berbicara di Istana Bogor dan di Balai Kota Jakarta.\n",
	    "id", NULL);
	PLACES("Ia berbicara di Bogor dan di Jakarta.\n", "id", "Bogor",
	    "Jakarta", NULL);
}

/* The dateline's place is a subject only where the text names it as a
 * place, not inside another name. */
static void
test_dateline(void **state)
{
	struct extraction x;

	(void)state;
	extract("A cable car jumped its track, said a spokesman for the San "
	    "Francisco Municipal Transportation Agency.\n", "en",
	    "San Francisco", &x);
	assert_places(&x, NULL);
	extraction_free(&x);
	extract("Tourists left Dallas for San Francisco on Friday.\n", "en",
	    "San Francisco", &x);
	assert_places(&x, "San Francisco", "Dallas", NULL);
	assert_string_equal(x.places[0].name, "San Francisco");
	assert_string_equal(x.places[0].rule, "dateline");
	extraction_free(&x);
	/* one the gazetteer does not know, alone or inside a name */
	extract("Warga BBPLK Kampung Melayu datang.\n", "id", "Kampung Melayu",
	    &x);
	assert_places(&x, NULL);
	extraction_free(&x);
}

/* Places by the words around their names, known to the gazetteer or not:
 * a kind of place that goes ("Kecamatan Tulis"), a feature that stays
 * ("Gunung Lawu", "Irish Sea"), a compass ("South Florida"). */
static void
test_by_form(void **state)
{
	struct extraction x;
	const struct extract_place *p;

	(void)state;
	extract("Nelayan di Kecamatan Tulis dan kelurahan Rejowinangun "
	    "Selatan mendaki Gunung Lawu, lalu ke Selat Lombok dan kawasan "
	    "Surabaya Timur.\n", "id", NULL, &x);
	assert_places(&x, "Tulis", "Rejowinangun Selatan", "Gunung Lawu",
	    "Selat Lombok", "Surabaya Timur", NULL);
	p = place(&x, "Surabaya Timur");
	assert_string_equal(p->rule, "form");
	assert_null(p->kind);
	assert_string_equal(p->broader[0], "Surabaya");
	assert_int_equal(place(&x, "Tulis")->nbroader, 0);
	extraction_free(&x);
	extract("Rain fell on South Florida and the Irish Sea, in Ventura "
	    "County and toward Nob Hill.\n", "en", NULL, &x);
	assert_places(&x, "South Florida", "Irish Sea", "Ventura County",
	    "Nob Hill", NULL);
	p = place(&x, "South Florida");
	assert_int_equal(p->nbroader, 2);
	assert_string_equal(p->broader[0], "Florida");
	assert_string_equal(p->broader[1], "United States");
	extraction_free(&x);
	/* a sea the gazetteer knows, by its name there */
	PLACES("Kapal itu tenggelam di Laut Jawa dan Samudra Hindia.\n",
	    "id", "Java Sea", "Indian Ocean", NULL);
	/* a person, a library, a title, an office with a number */
	PLACES("Marcus Hill, who lives nearby, went to the Cuyahoga County "
	    "Public Library.\n", "en", NULL);
	PLACES("Kepala Desa Sukamaju dan Komandan Distrik Militer 0608 "
	    "hadir.\n", "id", NULL);
}

/* A name that is also a word is a place in a list of places; an address
 * part before a known place is one. */
static void
test_lists_and_addresses(void **state)
{
	(void)state;
	PLACES("Peserta datang dari Jakarta, Surabaya, dan Malang.\n", "id",
	    "Jakarta", "Surabaya", "Malang", NULL);
	PLACES("Malang nasibnya. Jakarta dan malang itu.\n", "id", "Jakarta",
	    NULL);
	PLACES("Kerusuhan terjadi di Rutan Mako Brimob, Kelapa Dua, Depok, "
	    "Jawa Barat, kemarin.\n", "id", "Kelapa Dua", "Depok",
	    "Jawa Barat", NULL);
	PLACES("Ia berbicara di Monas, Jakarta.\n", "id", "Jakarta", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_generic_prefixes),
		cmocka_unit_test(test_headline),
		cmocka_unit_test(test_indonesian_modifiers),
		cmocka_unit_test(test_english_modifiers),
		cmocka_unit_test(test_inside_organizations),
		cmocka_unit_test(test_ends_name),
		cmocka_unit_test(test_buildings),
		cmocka_unit_test(test_dateline),
		cmocka_unit_test(test_by_form),
		cmocka_unit_test(test_lists_and_addresses),
	};

	return cmocka_run_group_tests(tests, make_lexicon, free_lexicon);
}
