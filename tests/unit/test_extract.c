/*
 * test_extract.c: the people, organizations, places, topics, lede, word
 * count and weekday dates formats/extract.c finds in a text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "article/article.h"
#include "article/extract.h"
#include "fixture_lexicon.h"


static void
extract(const char *text, const char *lang, const char *place,
    const char *date, struct extraction *x)
{
	struct warta_error err;

	if (extract_text(lex, text, strlen(text), lang, place, date, x, &err) !=
	    WARTA_OK)
		fail_msg("extract_text: %s", err.message);
}

static int
has(char **list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
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

static int
has_subject(const struct extraction *x, const char *qcode)
{
	size_t i;

	for (i = 0; i < x->nsubjects; i++)
		if (strcmp(x->subjects[i].qcode, qcode) == 0)
			return 1;
	return 0;
}

static void
assert_people(const struct extraction *x, ...)
{
	va_list ap;
	const char *s;
	size_t n = 0;

	va_start(ap, x);
	while ((s = va_arg(ap, const char *)) != NULL) {
		if (!has(x->people, x->npeople, s))
			fail_msg("'%s' is not among the people", s);
		n++;
	}
	va_end(ap);
	if (x->npeople != n) {
		size_t i;

		for (i = 0; i < x->npeople; i++)
			print_message("person: %s\n", x->people[i]);
		fail_msg("%zu people, not %zu", x->npeople, n);
	}
}

/* The seed as warta-text prints it: paragraphs with blank lines. */
static char *
seed_text(void)
{
	const char *top = getenv("WARTA_TOP");
	char path[1024], *raw, *out;
	struct article *a;
	struct warta_error err;
	size_t i, len = 0;
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/samples/semarang-maritim-purwanto.txt",
	    top != NULL && *top != '\0' ? top : ".");
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	assert_non_null(raw = malloc((size_t)n + 1));
	assert_int_equal(fread(raw, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	a = article_new(lexicon_words(lex));
	assert_int_equal(layout_paragraphs(a, raw, (size_t)n, &err), WARTA_OK);
	for (i = 0; i < a->npara; i++)
		len += strlen(a->paras[i]) + 2;
	assert_non_null(out = malloc(len + 1));
	out[0] = '\0';
	for (i = 0; i < a->npara; i++) {
		strcat(out, a->paras[i]);
		strcat(out, i + 1 < a->npara ? "\n\n" : "\n");
	}
	article_free(a);
	free(raw);
	return out;
}

static void
test_data(void **state)
{
	struct warta_error err;
	struct lexicon *l;
	size_t places, keywords, cues, orgs;

	(void)state;
	if ((l = lexicon_new(&err)) == NULL)
		fail_msg("data: %s", err.message);
	lexicon_counts(l, &places, &keywords, &cues, &orgs);
	/* 38 provinces, ~100 cities, 195 countries and their capitals */
	assert_true(places >= 38 + 98 + 2 * 195);
	assert_true(keywords >= 500);
	assert_true(cues >= 500);
	assert_true(orgs >= 150);
	lexicon_counts(l, NULL, NULL, NULL, NULL);
	lexicon_free(l);
	lexicon_free(NULL);
}

static void
test_seed(void **state)
{
	char *text = seed_text();
	struct extraction x;
	const struct extract_place *p;
	size_t i;

	(void)state;
	extract(text, "id", "Semarang", "2021-08-10", &x);
	assert_people(&x, "Anwar Sanusi", "Heru Wibowo", NULL);
	assert_false(has(x.people, x.npeople, "Purwanto"));
	assert_true(has(x.orgs, x.norgs,
	    "Kementerian Ketenagakerjaan (Kemnaker)"));
	assert_true(has(x.orgs, x.norgs, "Balai Besar Pengembangan Latihan "
	    "Kerja Semarang (BBPLK Semarang)"));
	for (i = 0; i < x.norgs; i++) {
		/* the stop list and the lower-case expansions */
		assert_null(strstr(x.orgs[i], "WFH"));
		assert_null(strstr(x.orgs[i], "ASN"));
		assert_null(strstr(x.orgs[i], "SDM"));
		assert_non_null(x.orgs_rule[i]);
	}
	assert_true(x.nplaces >= 2);
	assert_string_equal(x.places[0].name, "Semarang");
	assert_string_equal(x.places[0].kind, "city");
	assert_string_equal(x.places[0].rule, "dateline");
	assert_int_equal(x.places[0].nbroader, 2);
	assert_string_equal(x.places[0].broader[0], "Jawa Tengah");
	assert_string_equal(x.places[0].broader[1], "Indonesia");
	assert_non_null(p = place(&x, "Jawa Tengah"));
	assert_string_equal(p->kind, "province");
	assert_true(has_subject(&x, "medtop:09000000"));
	assert_true(has_subject(&x, "medtop:11000000"));
	assert_string_equal(x.subjects[0].qcode, "medtop:09000000");
	assert_string_equal(x.subjects[0].label, "labour");
	assert_true(x.subjects[0].confidence >= 1 &&
	    x.subjects[0].confidence <= 100);
	assert_non_null(x.summary);
	assert_string_equal(x.summary, "Dalam upaya menerapkan reformasi "
	    "birokrasi dan reformasi Balai Latihan Kerja (BLK), Sekretaris "
	    "Jenderal Kementerian Ketenagakerjaan (Kemnaker) Anwar Sanusi "
	    "mengunjungi Balai Besar Pengembangan Latihan Kerja (BBPLK) "
	    "Semarang, Jawa Tengah, Selasa (10/8/2021).");
	assert_true(x.words > 280 && x.words < 320);
	/* "Selasa (10/8/2021)" has its date */
	assert_int_equal(x.ndates, 0);
	extraction_free(&x);
	extraction_free(&x);	/* empty again, so harmless */
	extraction_free(NULL);
	free(text);
}

static const char english[] =
    "Indonesia and Japan sign labour deal\n\n"
    "JAKARTA, March 3 (Reuters) - Indonesia and Japan signed an agreement "
    "on Tuesday to train 10,000 Indonesian workers a year for jobs in "
    "Japanese factories, officials said.\n\n"
    "\"This programme will open jobs for young workers,\" said Maria "
    "Lopez, a spokeswoman for the International Labour Organization in "
    "Geneva.\n\n"
    "Indonesian Manpower Minister Ida Fauziyah said the workers would "
    "receive vocational training in Bandung and Surabaya before leaving "
    "for Tokyo and Osaka.\n\n"
    "The Ministry of Manpower will pay for the training, Fauziyah said. "
    "Employers in Tokyo welcomed the deal, according to Kenji Tanaka, "
    "head of the Japan Business Federation.\n\n"
    "Working from home (WFH) is not part of the deal, and civil servants "
    "(ASN) are not affected. The deal was first discussed on Friday, the "
    "ministry said.\n";

static void
test_english(void **state)
{
	struct extraction x;
	const struct extract_place *p;
	size_t i;

	(void)state;
	extract(english, "en", "Jakarta", "2026-03-04", &x);
	assert_people(&x, "Maria Lopez", "Ida Fauziyah", "Kenji Tanaka", NULL);
	assert_true(has(x.orgs, x.norgs, "Ministry of Manpower"));
	assert_true(has(x.orgs, x.norgs, "Japan Business Federation"));
	assert_true(has(x.orgs, x.norgs,
	    "International Labour Organization (ILO)"));
	for (i = 0; i < x.norgs; i++) {
		assert_null(strstr(x.orgs[i], "WFH"));
		assert_null(strstr(x.orgs[i], "ASN"));
	}
	/* filed in Jakarta, about Tokyo: the dateline's place is the item's
	 * located, not a subject, when the text never names it */
	assert_null(place(&x, "Jakarta"));
	assert_non_null(p = place(&x, "Tokyo"));
	assert_string_equal(p->kind, "capital");
	assert_int_equal(p->nbroader, 1);
	assert_string_equal(p->broader[0], "Japan");
	assert_non_null(p = place(&x, "Geneva"));
	assert_string_equal(p->broader[0], "Switzerland");
	assert_non_null(p = place(&x, "Osaka"));
	assert_string_equal(p->broader[0], "Japan");
	assert_non_null(p = place(&x, "Surabaya"));
	assert_string_equal(p->broader[0], "Jawa Timur");
	assert_string_equal(p->broader[1], "Indonesia");
	assert_non_null(place(&x, "Japan"));
	assert_non_null(place(&x, "Bandung"));
	assert_true(has_subject(&x, "medtop:09000000"));
	/* the headline is not the lede, and the dateline goes */
	assert_string_equal(x.summary, "Indonesia and Japan signed an "
	    "agreement on Tuesday to train 10,000 Indonesian workers a year "
	    "for jobs in Japanese factories, officials said.");
	/* Wednesday 4 March 2026: the Tuesday and the Friday before */
	assert_int_equal(x.ndates, 2);
	assert_string_equal(x.dates[0], "2026-03-03");
	assert_string_equal(x.dates[1], "2026-02-27");
	extraction_free(&x);
}

static void
test_indonesian_cues(void **state)
{
	struct extraction x;

	(void)state;
	extract("Menteri Keuangan Sri Mulyani Indrawati mengatakan anggaran "
	    "cukup. Hal itu disampaikan di Jakarta.\n\n"
	    "\"Kami siap,\" ujar Budi Santoso, Kepala Dinas Kesehatan Kota "
	    "Semarang.\n\n"
	    "Menurut Mulyani, pemerintah tidak akan menaikkan pajak. Wali Kota "
	    "Solo Gibran Rakabuming Raka hadir di Solo, Jawa Tengah. Mereka "
	    "makan batu bata? Batu itu keras.\n\n"
	    "Rapat digelar di Jalan Semarang dan di Bank Indonesia (BI), "
	    "dalam bahasa Inggris. Suparno Nojeng mengatakan hal itu benar.\n",
	    "id", NULL, NULL, &x);
	assert_people(&x, "Sri Mulyani Indrawati", "Budi Santoso",
	    "Gibran Rakabuming Raka", "Suparno Nojeng", NULL);
	assert_true(has(x.orgs, x.norgs, "Dinas Kesehatan Kota Semarang"));
	assert_true(has(x.orgs, x.norgs, "Bank Indonesia (BI)"));
	assert_non_null(place(&x, "Jakarta"));
	assert_non_null(place(&x, "Surakarta"));	/* "di Solo, Jawa Tengah" */
	/* only inside an organization's name: "Dinas Kesehatan Kota
	 * Semarang" */
	assert_null(place(&x, "Semarang"));
	assert_null(place(&x, "Batu"));		/* a stone */
	assert_null(place(&x, "United Kingdom"));	/* "bahasa Inggris" */
	assert_null(place(&x, "Indonesia"));	/* "Bank Indonesia" */
	assert_int_equal(x.ndates, 0);		/* no pub_date */
	extraction_free(&x);
}

static void
test_ambiguous_places(void **state)
{
	struct extraction x;

	(void)state;
	extract("Medan perang itu luas. Warga kota Batu dan warga di Medan "
	    "datang. Lima orang hadir di Lima.\n", "id", NULL, NULL, &x);
	assert_non_null(place(&x, "Medan"));
	assert_non_null(place(&x, "Batu"));
	assert_non_null(place(&x, "Lima"));
	assert_int_equal(x.nplaces, 3);
	extraction_free(&x);
	/* no context: ordinary words */
	extract("Medan perang itu luas. Batu itu keras. Lima orang datang.\n",
	    "id", NULL, NULL, &x);
	assert_int_equal(x.nplaces, 0);
	extraction_free(&x);
	/* the dateline decides */
	extract("Medan perang itu luas.\n", "id", "Medan", NULL, &x);
	assert_int_equal(x.nplaces, 1);
	assert_string_equal(x.places[0].name, "Medan");
	assert_string_equal(x.places[0].broader[0], "Sumatera Utara");
	extraction_free(&x);
	/* a dateline's place the text never names is no subject */
	extract("Hujan turun.\n", "id", "Kampung Melayu", NULL, &x);
	assert_int_equal(x.nplaces, 0);
	extraction_free(&x);
	/* a dateline the gazetteer does not know is kept as given */
	extract("Hujan turun di Kampung Melayu.\n", "id", "Kampung Melayu",
	    NULL, &x);
	assert_int_equal(x.nplaces, 1);
	assert_string_equal(x.places[0].name, "Kampung Melayu");
	assert_null(x.places[0].kind);
	assert_int_equal(x.places[0].nbroader, 0);
	extraction_free(&x);
}

static void
test_people_merge(void **state)
{
	struct extraction x;

	(void)state;
	/* a surname alone adds no one; the byline is no one */
	extract("\"Kami siap,\" kata Anwar Sanusi. \"Ya,\" ujar Sanusi. "
	    "Presiden Joko Widodo hadir. \"Baik,\" kata Joko. (Purwanto).\n",
	    "id", NULL, NULL, &x);
	assert_people(&x, "Anwar Sanusi", "Joko Widodo", NULL);
	assert_string_equal(x.people_rule[0], "speech");
	assert_string_equal(x.people_rule[1], "title");
	extraction_free(&x);
	/* a longer form later replaces the shorter one */
	extract("\"Ya,\" kata Fritz. Hal itu disampaikan Dr Fritz Sumantri "
	    "Usman SpS di Jakarta.\n", "id", NULL, NULL, &x);
	assert_people(&x, "Fritz Sumantri Usman", NULL);
	extraction_free(&x);
	/* "kata" the noun, a street, a list of portfolios */
	extract("Nama itu gabungan dari kata Pika dan Chu. Kantor di Jalan "
	    "Jenderal Sudirman. Deputi Bidang Protokol, Pers, dan Media "
	    "hadir.\n", "id", NULL, NULL, &x);
	assert_people(&x, NULL);
	extraction_free(&x);
}

/* Issue 11: who is a person, by the form of the name alone. */
static void
test_people_by_form(void **state)
{
	struct extraction x;

	(void)state;
	/* an organization, a party and a common word are no one; no
	 * possessive; a surname alone is the full name met before */
	extract("Media giant Time Warner said the Liberal Democrats lost "
	    "seats. The Election was close, and Gordon Brown's plan "
	    "failed. Brown said he would try again.\n", "en", NULL, NULL, &x);
	assert_people(&x, "Gordon Brown", NULL);
	assert_true(has(x.orgs, x.norgs, "Time Warner"));
	assert_true(has(x.orgs, x.norgs, "Liberal Democrats"));
	extraction_free(&x);
	/* a sentence's first word is no part of a name; a nickname's
	 * greeting is no one */
	extract("Justru Rudiantara menegaskan hal itu. \"Terimakasih "
	    "Pak,\" tulis akun itu. Wakil Presiden Jusuf Kalla hadir. "
	    "Jusuf Kalla menilai rencana itu baik.\n", "id", NULL, NULL, &x);
	assert_people(&x, "Jusuf Kalla", NULL);
	extraction_free(&x);
	/* two capitalized words with no cue; a credit is no one */
	extract("Chief executive Richard Ashby told analysts the plan was "
	    "sound. Analyst Tomas Lindqvist of Brightwater Securities "
	    "agreed.\n\n(Reporting by Peter Hall; Editing by Chris Dunn)\n",
	    "en", NULL, NULL, &x);
	assert_people(&x, "Richard Ashby", "Tomas Lindqvist", NULL);
	assert_true(has(x.orgs, x.norgs, "Brightwater Securities"));
	extraction_free(&x);
}

/* Issue 11: an organization stops at its own name; the well-known ones. */
static void
test_orgs_known(void **state)
{
	struct extraction x;

	(void)state;
	extract("Kementerian Keuangan Sri Mulyani Indrawati menjawab.\n",
	    "id", NULL, NULL, &x);
	assert_people(&x, "Sri Mulyani Indrawati", NULL);
	assert_true(has(x.orgs, x.norgs, "Kementerian Keuangan (Kemenkeu)"));
	assert_int_equal(x.norgs, 1);
	extraction_free(&x);
	extract("Ofcom told BT to open its network, and AOL's members left.\n",
	    "en", NULL, NULL, &x);
	assert_true(has(x.orgs, x.norgs, "Office of Communications (Ofcom)"));
	assert_true(has(x.orgs, x.norgs, "British Telecommunications (BT)"));
	assert_true(has(x.orgs, x.norgs, "America Online (AOL)"));
	assert_int_equal(x.norgs, 3);
	extraction_free(&x);
	/* the agency of a dateline is the item's source */
	extract("LONDON, March 3 (Reuters) - Gilts rose in London.\n", "en",
	    NULL, NULL, &x);
	assert_int_equal(x.norgs, 0);
	extraction_free(&x);
	extract("BNN dan BPS hadir bersama BMKG dan KPK.\n", "id", NULL, NULL,
	    &x);
	assert_int_equal(x.norgs, 4);
	extraction_free(&x);
}

/* Issue 11: a place that modifies a noun is no place; the text's forms. */
static void
test_places_modifiers(void **state)
{
	struct extraction x;
	const struct extract_place *p;

	(void)state;
	extract("Farmers planted Norway spruce and kept Jersey cows. The "
	    "China Bristle brush sold well. She toured with the Dublin group "
	    "the Ferrymen.\n", "en", NULL, NULL, &x);
	assert_int_equal(x.nplaces, 0);
	extraction_free(&x);
	extract("Exports to Norway rose, and in Dublin the group played.\n",
	    "en", NULL, NULL, &x);
	assert_non_null(place(&x, "Norway"));
	assert_non_null(place(&x, "Dublin"));
	extraction_free(&x);
	/* the forms the text gives a place, besides its name */
	extract("Ikan itu dari Tiongkok. Di Cina dan China ikan itu murah.\n",
	    "id", NULL, NULL, &x);
	assert_non_null(p = place(&x, "China"));
	assert_int_equal(p->nwritten, 2);
	assert_string_equal(p->written[0], "Tiongkok");
	assert_string_equal(p->written[1], "Cina");
	/* a country at the end of an organization's name is its scope */
	extraction_free(&x);
	extract("Majelis Ulama Indonesia (MUI) menolak.\n", "id", NULL, NULL,
	    &x);
	assert_null(place(&x, "Indonesia"));
	extraction_free(&x);
}

static void
test_orgs(void **state)
{
	struct extraction x;

	(void)state;
	extract("Komisi Pemberantasan Korupsi (KPK) menahan tersangka. "
	    "Juru bicara KPK hadir. Polda Jateng dan PSIS Semarang ikut. "
	    "Peraturan Pemerintah Nomor 75 berlaku. Pemutusan Hubungan Kerja "
	    "(PHK) terjadi. Aparatur Sipil Negara (ASN) dan PNS hadir. "
	    "PT Astra International Tbk untung.\n", "id", NULL, NULL, &x);
	assert_true(has(x.orgs, x.norgs, "Komisi Pemberantasan Korupsi (KPK)"));
	assert_true(has(x.orgs, x.norgs,
	    "Kepolisian Daerah Jawa Tengah (Polda Jateng)"));
	assert_true(has(x.orgs, x.norgs, "PSIS Semarang"));
	assert_true(has(x.orgs, x.norgs, "PT Astra International Tbk"));
	assert_int_equal(x.norgs, 4);
	extraction_free(&x);
	/* "UN" is the United Nations in English only */
	extract("The UN said it would help.\n", "en", NULL, NULL, &x);
	assert_true(has(x.orgs, x.norgs, "United Nations (UN)"));
	extraction_free(&x);
	/* a tail word after a known name adds nothing */
	extract("Shares of Apple Inc and Acme Corp rose.\n", "en", NULL, NULL,
	    &x);
	assert_true(has(x.orgs, x.norgs, "Apple"));
	assert_true(has(x.orgs, x.norgs, "Acme Corp"));
	assert_int_equal(x.norgs, 2);
	extraction_free(&x);
	extract("Nilai UN siswa naik.\n", "id", NULL, NULL, &x);
	assert_int_equal(x.norgs, 0);
	extraction_free(&x);
}

static void
test_dates(void **state)
{
	struct extraction x;

	(void)state;
	/* Wednesday 11 August 2021 */
	extract("JAKARTA, KOMPAS.com - Rapat digelar di Jakarta, Senin, dan "
	    "dilanjutkan Jumat lalu. Sidang Selasa (10/8) ditunda ke Minggu "
	    "depan. Minggu lalu hujan. Pada Rabu, 11 Agustus 2021, hujan. "
	    "Hari Rabu cerah.\n", "id", NULL, "2021-08-11", &x);
	assert_int_equal(x.ndates, 3);
	assert_string_equal(x.dates[0], "2021-08-09");	/* Senin */
	assert_string_equal(x.dates[1], "2021-08-06");	/* Jumat lalu */
	assert_string_equal(x.dates[2], "2021-08-11");	/* Rabu: today */
	extraction_free(&x);
	/* "last Monday" on a Monday is a week before */
	extract("The talks ended last Monday, and resumed on Sunday.\n", "en",
	    NULL, "2021-08-09T10:00:00Z", &x);
	assert_int_equal(x.ndates, 2);
	assert_string_equal(x.dates[0], "2021-08-02");
	assert_string_equal(x.dates[1], "2021-08-08");
	extraction_free(&x);
	/* a bad pub_date resolves nothing */
	extract("Rapat digelar Senin.\n", "id", NULL, "2021-13-01", &x);
	assert_int_equal(x.ndates, 0);
	extraction_free(&x);
}

static void
test_summary(void **state)
{
	struct extraction x;
	char long_text[2048];
	size_t i, n;

	(void)state;
	extract("Dr. Budi Santoso dari Jl. Merdeka No. 5 mengatakan inflasi "
	    "naik 2,5 persen atau 2.5 poin. Kalimat kedua.\n", "id", NULL,
	    NULL, &x);
	assert_string_equal(x.summary, "Dr. Budi Santoso dari Jl. Merdeka No. "
	    "5 mengatakan inflasi naik 2,5 persen atau 2.5 poin.");
	assert_int_equal(x.words, 18);
	extraction_free(&x);
	/* a blog's meta line and a line of links are no lede */
	extract("Posted on Februari 21, 2017 by RD\n\n"
	    "Ini Persiapan Jelang Kedatangan Habib Rizieq ke Siak\n\n"
	    "Beredar foto peserta aksi di media sosial. Kalimat kedua.\n",
	    "id", NULL, NULL, &x);
	assert_string_equal(x.summary,
	    "Beredar foto peserta aksi di media sosial.");
	assert_int_equal(x.npeople, 0);		/* capitals say nothing */
	extraction_free(&x);
	/* a paragraph without a full stop is its own sentence */
	extract("Tanpa titik di akhir\n", "id", NULL, NULL, &x);
	assert_string_equal(x.summary, "Tanpa titik di akhir");
	extraction_free(&x);
	/* a long lede is cut at a word */
	n = 0;
	for (i = 0; i < 100; i++)
		n += (size_t)snprintf(long_text + n, sizeof(long_text) - n,
		    "kata%zu ", i);
	long_text[n - 1] = '.';
	extract(long_text, "id", NULL, NULL, &x);
	assert_non_null(x.summary);
	n = strlen(x.summary);
	assert_true(n <= 300 + 3);
	assert_string_equal(x.summary + n - 3, "\xe2\x80\xa6");
	assert_true(x.summary[n - 4] != ' ');
	assert_true(strncmp(x.summary, "kata0 kata1 ", 12) == 0);
	extraction_free(&x);
}

static void
test_empty(void **state)
{
	struct extraction x;
	struct warta_error err;

	(void)state;
	extract("", "id", NULL, NULL, &x);
	assert_int_equal(x.npeople + x.norgs + x.nplaces + x.nsubjects +
	    x.ndates + x.words, 0);
	assert_null(x.summary);
	extraction_free(&x);
	assert_int_equal(extract_text(lex, NULL, 0, NULL, NULL, NULL, &x, &err),
	    WARTA_OK);
	assert_null(x.summary);
	extraction_free(&x);
	extract("\n\n  \n", NULL, "", "", &x);
	assert_int_equal(x.nplaces, 0);
	assert_null(x.summary);
	extraction_free(&x);
	/* bytes that are no UTF-8, control characters */
	extract("\xff\xfe Kata \x01 \xc3 (\xe2\x80) kata Budi\xc3", "id", NULL,
	    NULL, &x);
	extraction_free(&x);
}

static void
test_megabyte(void **state)
{
	char *seed = seed_text(), *text;
	size_t sl = strlen(seed), n = 0, cap = (1 << 20) + sl + 2;
	struct extraction x;
	struct warta_error err;
	clock_t t0;
	double secs;

	(void)state;
	assert_non_null(text = malloc(cap));
	while (n + sl + 1 < cap) {
		memcpy(text + n, seed, sl);
		n += sl;
		text[n++] = '\n';
	}
	text[n] = '\0';
	t0 = clock();
	assert_int_equal(extract_text(lex, text, n, "id", "Semarang", "2021-08-10",
	    &x, &err), WARTA_OK);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	/* well under a second, even under the sanitizers */
	assert_true(secs < 0.9);
	assert_people(&x, "Anwar Sanusi", "Heru Wibowo", NULL);
	assert_int_equal(x.norgs, 3);
	assert_true(has_subject(&x, "medtop:09000000"));
	assert_true(x.words > 100000);
	extraction_free(&x);
	free(text);
	free(seed);
}


int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_data),
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_english),
		cmocka_unit_test(test_indonesian_cues),
		cmocka_unit_test(test_ambiguous_places),
		cmocka_unit_test(test_people_merge),
		cmocka_unit_test(test_orgs),
		cmocka_unit_test(test_people_by_form),
		cmocka_unit_test(test_orgs_known),
		cmocka_unit_test(test_places_modifiers),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_megabyte),
	};

	return cmocka_run_group_tests(tests, make_lexicon, free_lexicon);
}
