/*
 * test_article.c: the dateline, byline, dates and language an article's
 * paragraphs carry.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "article/article.h"
#include "article/wordlist.h"
#include "fixture_words.h"

/* An article of the given paragraphs (NULL-terminated), parsed. */


static struct article *
parse_hint(const char *hint, const char *first, ...)
{
	struct article *a = article_new(words);
	struct warta_error err;
	const char *p;
	va_list ap;

	assert_non_null(a);
	va_start(ap, first);
	for (p = first; p != NULL; p = va_arg(ap, const char *))
		assert_int_equal(article_add_para(a, p, strlen(p)), WARTA_OK);
	va_end(ap);
	assert_int_equal(article_parse(a, hint, &err), WARTA_OK);
	return a;
}

#define parse(...) parse_hint(NULL, __VA_ARGS__, NULL)

static void
assert_str_or_null(const char *got, const char *want)
{
	if (want == NULL) {
		if (got != NULL)
			fail_msg("expected NULL, got '%s'", got);
		return;
	}
	if (got == NULL)
		fail_msg("expected '%s', got NULL", want);
	assert_string_equal(got, want);
}

static void
test_memory(void **state)
{
	struct article *a = article_new(words);

	(void)state;
	article_free(NULL);
	assert_int_equal(article_add_para(a, "abcdef", 3), WARTA_OK);
	assert_string_equal(a->paras[0], "abc");
	assert_int_equal(article_warn(a, "date '%s': %d", "x", 7), WARTA_OK);
	assert_string_equal(a->warnings[0], "date 'x': 7");
	article_free(a);
}

struct dateline_case {
	const char *para;
	const char *dateline, *place, *outlet, *date;
	size_t len;		/* article_dateline_len(words, ) */
};

static void
test_datelines(void **state)
{
	static const struct dateline_case cases[] = {
		{ "SEMARANG-MARITIM: Dalam upaya menerapkan reformasi.",
		  "SEMARANG-MARITIM", "Semarang", "Maritim", NULL, 18 },
		{ "JAKARTA, KOMPAS.com - Presiden Joko Widodo berkata.",
		  "JAKARTA, KOMPAS.com", "Jakarta", "KOMPAS.com", NULL, 22 },
		{ "Jakarta (ANTARA) - Pemerintah menyatakan hal itu.",
		  "Jakarta (ANTARA)", "Jakarta", "ANTARA", NULL, 19 },
		{ "Liputan6.com, Jakarta - Menteri Keuangan berkata.",
		  "Liputan6.com, Jakarta", "Jakarta", "Liputan6.com", NULL,
		  24 },
		{ "WASHINGTON (AP) \u2014 The president said on Tuesday.",
		  "WASHINGTON (AP)", "Washington", "AP", NULL, 20 },
		{ "NEW YORK (AP) \u2013 Stocks fell.",
		  "NEW YORK (AP)", "New York", "AP", NULL, 18 },
		{ "LONDON, Jan 5 (Reuters) - Britain said on Monday.",
		  "LONDON, Jan 5 (Reuters)", "London", "Reuters", "Jan 5", 26 },
		{ "Jakarta - iPhone 6 Plus dikeluhkan sejumlah pengguna.",
		  "Jakarta", "Jakarta", NULL, NULL, 10 },
		{ "JAKARTA \u2013 Tipisnya badan iPhone memunculkan isu.",
		  "JAKARTA", "Jakarta", NULL, NULL, 12 },
		{ "BANDA ACEH \u2014 Hujan turun.",
		  "BANDA ACEH", "Banda Aceh", NULL, NULL, 15 },
		{ "Bantul -- Hujan turun.", "Bantul", "Bantul", NULL, NULL, 10 },
		{ "Sleman- Hujan turun.", "Sleman", "Sleman", NULL, NULL, 8 },
		{ "Jurnaldigital.com \u2013 Bupati Cianjur akan melarang.",
		  "Jurnaldigital.com", NULL, "Jurnaldigital.com", NULL, 22 },
		/* a known city, then a comma and a capitalized sentence */
		{ "Jakarta, Di jejaring sosial, banyak beredar informasi.",
		  "Jakarta", "Jakarta", NULL, NULL, 9 },
		/* capitals, then a comma */
		{ "JAKARTA, Juru Bicara Kemenlu mengatakan sesuatu.",
		  "JAKARTA", "Jakarta", NULL, NULL, 9 },
		{ "Jakarta: Banjir melanda ibu kota.",
		  "Jakarta", "Jakarta", NULL, NULL, 9 },
		/* places no list knows, in title case, before a dash */
		{ "Ponorogo - Seorang petani ditemukan tewas di sawahnya.",
		  "Ponorogo", "Ponorogo", NULL, NULL, 11 },
		{ "California - A wildfire forced thousands to flee on Sunday.",
		  "California", "California", NULL, NULL, 13 },
		/* the portal form, OUTLET, PLACE: */
		{ "Liputan6.com, Jakarta: Dinas Perhubungan memberlakukan "
		  "rekayasa lalu lintas.", "Liputan6.com, Jakarta", "Jakarta",
		  "Liputan6.com", NULL, 23 },
		/* an outlet of two words, one an acronym */
		{ "Jakarta, CNN Indonesia -- Badan Meteorologi memperingatkan "
		  "potensi hujan lebat.", "Jakarta, CNN Indonesia", "Jakarta",
		  "CNN Indonesia", NULL, 26 },
		{ "Bandung, Harian Post - Warga memadati alun-alun kota.",
		  "Bandung, Harian Post", "Bandung", "Harian Post", NULL, 23 },
		/* an outlet alone: listed, or with a word such as "News" */
		{ "Dream - Sejak pagi tadi, di media sosial beredar kabar.",
		  "Dream", NULL, "Dream", NULL, 8 },
		{ "Garuda News \u2013 Orang yang terkena serangan stroke.",
		  "Garuda News", NULL, "Garuda News", NULL, 16 },
		/* the region after the place, the year after the date */
		{ "DHAKA, Bangladesh (AP) \u2014 Floods cut off villages.",
		  "DHAKA, Bangladesh (AP)", "Dhaka", "AP", NULL, 27 },
		{ "CHICAGO, Feb 12, 1987 (Reuter) - Great Lakes Utilities "
		  "said it will redeem its notes.", "CHICAGO, Feb 12, 1987 "
		  "(Reuter)", "Chicago", "Reuter", "Feb 12, 1987", 33 },
		/* the underscore of old AP copy */
		{ "NEW YORK (AP) _ The dollar slipped in quiet trading.",
		  "NEW YORK (AP)", "New York", "AP", NULL, 16 },
		/* OUTLET - PLACE. */
		{ "KONTAN.CO.ID - JAKARTA. Harga cabai rawit naik tajam.",
		  "KONTAN.CO.ID - JAKARTA", "Jakarta", "KONTAN.CO.ID", NULL,
		  24 },
		/* an abbreviation after the place is no outlet's domain */
		{ "DULUTH, Minn. -- Northfield Medical Group opened a clinic.",
		  "DULUTH", "Duluth", NULL, NULL, 8 },
	};
	size_t i;
	struct article *a;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct dateline_case *c = &cases[i];

		a = parse(c->para, "Paragraf kedua.");
		assert_str_or_null(a->dateline, c->dateline);
		assert_str_or_null(a->place, c->place);
		assert_str_or_null(a->outlet, c->outlet);
		assert_str_or_null(a->dateline_date, c->date);
		assert_int_equal(article_dateline_len(words, c->para, strlen(c->para)),
		    c->len);
		/* the body stays as written */
		assert_string_equal(a->paras[0], c->para);
		article_free(a);
	}
}

static void
test_no_dateline(void **state)
{
	static const char *const paras[] = {
		/* a place, a comma, then lower case: a sentence */
		"Jakarta, untuk melakukan aksi bela Islam dan Negara.",
		/* a list of places */
		"Jakarta, Bandung, dan Surabaya diguyur hujan.",
		/* an acronym is not a place */
		"KPK, Polri dan Kejaksaan bekerja sama.",
		/* a title glued to the text with a dash */
		"Bahaya Mengkonsumsi Ikan Lele Yang Mengandung Sel Kanker - "
		"Lele adalah sejenis ikan.",
		/* a name no list knows, in title case, before a dash: a
		 * heading, not a sentence, follows it */
		"Jokowi - Prabowo Bertemu di Istana",
		/* ... or it is a small word */
		"Yang - dikatakan itu tidak benar, kata dia kemarin sore.",
		/* a heading in capitals with a dash */
		"EVENING REPORT -- TRANSCRIPT",
		/* a known city at the start of a sentence */
		"Jakarta is the capital - and the largest city - of it.",
		/* a person and a nickname */
		"Presiden Joko Widodo (Jokowi) - hari ini - berkata.",
		/* a compound, no space around the hyphen */
		"Jakarta-Bandung ditempuh dalam tiga jam.",
		"Ikan lele disebut-sebut mengandung 3.000 sel kanker.",
		/* a label, not a place */
		"CATATAN: tulisan ini diperbarui.",
		"Menurut Rikwanto, Densus 88 - yang berjaga - menahan mereka.",
		"", NULL
	};
	const char *const *p;
	struct article *a;

	(void)state;
	for (p = paras; *p != NULL; p++) {
		a = parse(*p, "Paragraf kedua.");
		if (a->dateline != NULL)
			fail_msg("dateline '%s' invented from '%s'",
			    a->dateline, *p);
		assert_null(a->place);
		assert_null(a->outlet);
		assert_int_equal(article_dateline_len(words, *p, strlen(*p)), 0);
		article_free(a);
	}
	/* only the first paragraph opens with a dateline */
	a = parse("Paragraf pertama.", "JAKARTA (ANTARA) - Bukan dateline.");
	assert_null(a->dateline);
	article_free(a);
}

struct byline_case {
	const char *first, *last;
	const char *byline, *creator;
};

static void
test_bylines(void **state)
{
	static const struct byline_case cases[] = {
		{ "Teks pertama.", "\u201cUntuk reformasi,\u201d ujar Heru "
		  "Wibowo. (Purwanto).", "Purwanto", "Purwanto" },
		{ "Teks pertama.", "Kata dia. (Purwanto)", "Purwanto",
		  "Purwanto" },
		/* the desk's editors' initials (tests/eval/README.md: no
		 * byline), the agency's code among them or not */
		{ "Teks pertama.", "Itu katanya. (ant/abc)", NULL, NULL },
		{ "Teks pertama.", "Festival ditutup. (sun/iwd)", NULL, NULL },
		{ "Teks pertama.", "Itu katanya. (ash/ash).", NULL, NULL },
		{ "Teks pertama.", "Itu katanya. (ant)", "ant", NULL },
		{ "Teks pertama.", "Itu katanya. (Ant)", "Ant", NULL },
		{ "Teks pertama.", "Itu katanya. (AFP)", "AFP", NULL },
		{ "Teks pertama.", "Itu katanya. (Dani Prabowo)",
		  "Dani Prabowo", "Dani Prabowo" },
		{ "Teks pertama.", "\u201cItu hoax,\u201d (nwy/nwy)",
		  NULL, NULL },
		{ "Teks pertama.", "(Penulis: Budi | Editor: Ani)", "Budi",
		  "Budi" },
		{ "Teks pertama.", "Penulis: Budi Santoso | Editor: Ani",
		  "Budi Santoso", "Budi Santoso" },
		{ "Teks pertama.", "Reporter: Budi Santoso", "Budi Santoso",
		  "Budi Santoso" },
		{ "Teks pertama.", "Pewarta: Ani Suryani", "Ani Suryani",
		  "Ani Suryani" },
		{ "Teks pertama.", "Reporter: ant/rin", NULL, NULL },
		/* a reporter's credit still is one */
		{ "Teks pertama.", "(Reporting by Yuki Mori; Editing by Ani)",
		  "Yuki Mori", "Yuki Mori" },
		{ "By Jane Doe", "The president said so.", "By Jane Doe",
		  "Jane Doe" },
		{ "Oleh: Budi Santoso", "Presiden berkata.",
		  "Oleh: Budi Santoso", "Budi Santoso" },
		{ "Oleh Budi", "Presiden berkata.", "Oleh Budi", "Budi" },
		/* none */
		{ "Oleh karena itu, hal itu tidak benar.", "Presiden berkata.",
		  NULL, NULL },
		{ "Teks pertama.", "Ia tinggal di Jakarta (DKI).", NULL, NULL },
		{ "Teks pertama.", "Ia bekerja di sana (sejak 2001).", NULL,
		  NULL },
		{ "Teks pertama.", "Editor: Ani", NULL, NULL },
		{ "Teks pertama.", "Ini paragraf terakhir.", NULL, NULL },
	};
	size_t i;
	struct article *a;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		a = parse(cases[i].first, "Teks tengah.", cases[i].last);
		assert_str_or_null(a->byline, cases[i].byline);
		assert_str_or_null(a->creator, cases[i].creator);
		article_free(a);
	}
}

static void
test_byline_credit_lines(void **state)
{
	struct article *a;

	(void)state;
	/* "Reporter:" and "Editor:" lines after the text */
	a = parse("Teks pertama.", "Teks terakhir.", "Reporter: Budi Santoso",
	    "Editor: Ani");
	assert_string_equal(a->byline, "Budi Santoso");
	assert_string_equal(a->creator, "Budi Santoso");
	article_free(a);

	/* an editor line below a bracketed name */
	a = parse("Teks pertama.", "Itu katanya. (Purwanto)", "Editor: Ani");
	assert_string_equal(a->byline, "Purwanto");
	assert_string_equal(a->creator, "Purwanto");
	article_free(a);

	/* an opening byline wins over a closing one */
	a = parse("By Jane Doe", "The text. (ap/xyz)");
	assert_string_equal(a->byline, "By Jane Doe");
	assert_string_equal(a->creator, "Jane Doe");
	article_free(a);
}

/* A byline paragraph above the text, and what stays of the body. */
struct opening_case {
	const char *paras[4];		/* NULL-terminated */
	const char *byline, *creator;
	const char *first;		/* the body's first paragraph after */
	size_t credits;			/* paragraphs taken out */
};

static void
test_opening_bylines(void **state)
{
	static const struct opening_case cases[] = {
		{ { "By JANE DOE and OMAR FARUK", "Associated Press",
		    "HOUSTON (AP) \u2014 A fire burned.", NULL },
		  "By JANE DOE and OMAR FARUK", "Jane Doe and Omar Faruk",
		  "HOUSTON (AP) \u2014 A fire burned.", 2 },
		{ { "By MARIA LOPEZ, Associated Press", "A cable car jumped.",
		    NULL }, "By MARIA LOPEZ, Associated Press", "Maria Lopez",
		  "A cable car jumped.", 1 },
		{ { "By JOHN SMITH", "Associated Press Writer",
		    "ATLANTA (AP) \u2014 He died.", NULL }, "By JOHN SMITH",
		  "John Smith", "ATLANTA (AP) \u2014 He died.", 2 },
		{ { "By Sarah Mitchell", "Technology reporter", "Homes wait.",
		    NULL }, "By Sarah Mitchell", "Sarah Mitchell",
		  "Homes wait.", 2 },
		/* an agency's credit: no byline */
		{ { "By The Associated Press", "MIAMI (AP) \u2014 Rain fell.",
		    NULL }, NULL, NULL, "MIAMI (AP) \u2014 Rain fell.", 1 },
		/* the date after the bar is a date line: it leaves the
		 * body too, once the date is read */
		{ { "By Alex Turner | 12 October 2005", "Talks broke down.",
		    NULL }, "By Alex Turner", "Alex Turner", "Talks broke down.",
		  2 },
		{ { "Oleh Bambang Sutedjo", "Namanya Sri.", NULL },
		  "Oleh Bambang Sutedjo", "Bambang Sutedjo", "Namanya Sri.",
		  1 },
		{ { "Penulis: Budi Santoso", "Harga naik.", NULL },
		  "Budi Santoso", "Budi Santoso", "Harga naik.", 1 },
		{ { "Reporter: Dina Anggraini | Editor: Yudistira Putra",
		    "KONTAN.CO.ID - JAKARTA. Harga naik.", NULL },
		  "Dina Anggraini", "Dina Anggraini",
		  "KONTAN.CO.ID - JAKARTA. Harga naik.", 1 },
		{ { "Laporan Wartawan Tribunnews.com, Rina Ayu Lestari",
		    "TRIBUNNEWS.COM, JAKARTA - Harga naik.", NULL },
		  "Rina Ayu Lestari", "Rina Ayu Lestari",
		  "TRIBUNNEWS.COM, JAKARTA - Harga naik.", 1 },
		{ { "Laporan wartawan Budi Santoso", "Harga naik.", NULL },
		  "Budi Santoso", "Budi Santoso", "Harga naik.", 1 },
		/* a date line above the byline: read, then a credit too */
		{ { "Thursday 7 April 2005", "H\u00e9l\u00e8ne Martin, "
		    "political correspondent", "The party will launch.",
		    NULL }, "H\u00e9l\u00e8ne Martin", "H\u00e9l\u00e8ne Martin",
		  "The party will launch.", 2 },
		/* the note on the author that closes a column is a credit
		 * (tests/eval/README.md); a note on someone else is text */
		{ { "By Jane Doe", "Libraries stop charging fines.",
		    "Jane Doe is a writer in Lakewood, Ohio.", NULL },
		  "By Jane Doe", "Jane Doe", "Libraries stop charging fines.",
		  2 },
		{ { "By Jane Doe", "Libraries stop charging fines.",
		    "Omar Faruk is a librarian in Lakewood, Ohio.", NULL },
		  "By Jane Doe", "Jane Doe", "Libraries stop charging fines.",
		  1 },
		/* a blog's date line that ends in its author: the date line
		 * leaves the body once its date is read */
		{ { "Posted on Februari 21, 2017 by RD", "Beredar foto.",
		    NULL }, "RD", NULL, "Beredar foto.", 1 },
		{ { "Diposting pada 21 Februari 2017 oleh Budi Santoso",
		    "Beredar foto.", NULL }, "Budi Santoso", "Budi Santoso",
		  "Beredar foto.", 1 },
		/* a user name, an agency: no author */
		{ { "Posted on Februari 21, 2017 by admin", "Beredar foto.",
		    NULL }, NULL, NULL, "Posted on Februari 21, 2017 by admin",
		  0 },
		{ { "Posted on March 3, 2017 by AP", "Rain fell.", NULL }, NULL,
		  NULL, "Posted on March 3, 2017 by AP", 0 },
		/* "by" in a sentence that names a date is no date line */
		{ { "The bridge was opened on March 3, 2017 by Jane Doe",
		    "Rain fell.", NULL }, NULL, NULL,
		  "The bridge was opened on March 3, 2017 by Jane Doe", 0 },
		/* sentences */
		{ { "By Friday the rain had stopped.", "It was dry.", NULL },
		  NULL, NULL, "By Friday the rain had stopped.", 0 },
		{ { "By JANE DOE", NULL }, "By JANE DOE", "Jane Doe",
		  "By JANE DOE", 0 },
	};
	size_t i;
	struct article *a;
	struct warta_error err;
	const char *const *p;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct opening_case *c = &cases[i];

		a = article_new(words);
		for (p = c->paras; *p != NULL; p++)
			assert_int_equal(article_add_para(a, *p, strlen(*p)),
			    WARTA_OK);
		assert_int_equal(article_parse(a, NULL, &err), WARTA_OK);
		assert_str_or_null(a->byline, c->byline);
		assert_str_or_null(a->creator, c->creator);
		assert_string_equal(a->paras[0], c->first);
		assert_int_equal(a->ncredits, c->credits);
		/* a second reading gives the same */
		assert_int_equal(article_parse(a, NULL, &err), WARTA_OK);
		assert_str_or_null(a->byline, c->byline);
		assert_str_or_null(a->creator, c->creator);
		assert_int_equal(a->ncredits, c->credits);
		article_free(a);
	}
}

/* The byline line above the dateline is taken out; the dateline is read. */
static void
test_byline_then_dateline(void **state)
{
	struct article *a;

	(void)state;
	a = parse("By JANE DOE", "Associated Press",
	    "HOUSTON (AP) \u2014 A fire at a chemical plant burned.",
	    "Crews worked all night.");
	assert_string_equal(a->place, "Houston");
	assert_string_equal(a->outlet, "AP");
	assert_int_equal(a->npara, 2);
	article_free(a);
	/* a date line above the dateline: read, then out of the body */
	a = parse("Friday 4 February 2005",
	    "LONDON (Reuters) - Shares fell on Friday.", "Oil rose.");
	assert_string_equal(a->place, "London");
	assert_string_equal(a->created, "2005-02-04");
	assert_int_equal(a->npara, 2);
	assert_string_equal(a->paras[0],
	    "LONDON (Reuters) - Shares fell on Friday.");
	article_free(a);
}

static void
test_closing_credits(void **state)
{
	struct article *a;

	(void)state;
	a = parse("Gilts edged higher.", "Traders will watch a speech.",
	    "(Reporting by Tom Beale; Editing by Sarah Cole)");
	assert_string_equal(a->byline, "Tom Beale");
	assert_string_equal(a->creator, "Tom Beale");
	assert_int_equal(a->npara, 2);
	article_free(a);

	a = parse("Ratusan pelari ikut lomba.", "Panitia senang.",
	    "Penulis: Kontributor Bandung, Rina Susilawati",
	    "Editor: Dimas Prakoso");
	assert_string_equal(a->byline, "Rina Susilawati");
	assert_int_equal(a->npara, 2);
	article_free(a);

	/* an agency's sign-off: out of the body, and no byline */
	a = parse("Great Lakes said it will redeem the notes.",
	    "The company said so.", "Reuter");
	assert_null(a->byline);
	assert_int_equal(a->npara, 2);
	article_free(a);

	/* "Reporting by" in a sentence stays */
	a = parse("Teks pertama.", "Reporting by the BBC showed it.");
	assert_null(a->byline);
	assert_int_equal(a->npara, 2);
	article_free(a);
}

/* "Published: ...": a line that only dates the article */
static void
test_date_lines(void **state)
{
	static const char *const yes[] = {
		"Friday 4 February 2005", "Published: 2005/02/09 14:22:07 GMT",
		"Thu Mar 3, 2005 11:32am GMT", "Posted Friday, March 14, 2005",
		"Last updated 10:45, 3 September 2019", "March 3, 1994",
		"Broadcast: Sunday, 5 May 2002", "Karanganyar, 14 Juli 2017",
		NULL
	};
	static const char *const no[] = {
		"Election 2005: Lib Dems target student vote",
		"Gempa 5 Maret 2021 Guncang Palu", "Rabu", "2005",
		"Airline shares slide as oil tops $53", "", NULL
	};
	const char *const *p;

	(void)state;
	for (p = yes; *p != NULL; p++)
		if (!article_is_date_line(words, *p, strlen(*p)))
			fail_msg("'%s' is a date line", *p);
	for (p = no; *p != NULL; p++)
		if (article_is_date_line(words, *p, strlen(*p)))
			fail_msg("'%s' is no date line", *p);
}

struct date_case {
	const char *text;	/* inside a sentence */
	const char *iso;	/* NULL: no date */
	const char *as_written;
};

static void
test_dates(void **state)
{
	static const struct date_case cases[] = {
		{ "Semarang, Selasa (10/8/2021). Dalam", "2021-08-10",
		  "Selasa (10/8/2021)" },
		{ "pada 10 Agustus 2021 lalu", "2021-08-10", "10 Agustus 2021" },
		{ "pada Senin, 9 Agustus 2021 lalu", "2021-08-09",
		  "Senin, 9 Agustus 2021" },
		{ "on March 14, 2023, he", "2023-03-14", "March 14, 2023" },
		{ "on 14 March 2023 he", "2023-03-14", "14 March 2023" },
		{ "on Tuesday, March 14, 2023, he", "2023-03-14",
		  "Tuesday, March 14, 2023" },
		{ "on Tuesday, 14 March 2023 he", "2023-03-14",
		  "Tuesday, 14 March 2023" },
		{ "pada 10 Agt 2021", "2021-08-10", "10 Agt 2021" },
		{ "pada 10 Agu 2021", "2021-08-10", "10 Agu 2021" },
		{ "pada 5 Okt 2020", "2020-10-05", "5 Okt 2020" },
		{ "pada 25 Des 2020", "2020-12-25", "25 Des 2020" },
		{ "on Sept. 3, 2019", "2019-09-03", "Sept. 3, 2019" },
		{ "on 3 Sept 2019", "2019-09-03", "3 Sept 2019" },
		{ "on Jan 5, 2020", "2020-01-05", "Jan 5, 2020" },
		{ "pada 1 Jan 2020", "2020-01-01", "1 Jan 2020" },
		{ "pada 2 Feb 2020", "2020-02-02", "2 Feb 2020" },
		{ "pada 2 Mei 2020", "2020-05-02", "2 Mei 2020" },
		{ "pada 2 Juni 2020", "2020-06-02", "2 Juni 2020" },
		{ "pada 2 Juli 2020", "2020-07-02", "2 Juli 2020" },
		{ "pada 2 Nopember 2020", "2020-11-02", "2 Nopember 2020" },
		{ "dated 2021-08-10 in", "2021-08-10", "2021-08-10" },
		{ "Jumat 20 April 2018 lalu", "2018-04-20",
		  "Jumat 20 April 2018" },
		{ "Februari 21, 2017 by", "2017-02-21", "Februari 21, 2017" },
		{ "Selasa, 21/02/2017)", "2017-02-21", "Selasa, 21/02/2017" },
		{ "Jum'at (13/8/2021)", "2021-08-13", "Jum'at (13/8/2021)" },
		{ "Jum\u2019at (13/8/2021)", "2021-08-13",
		  "Jum\u2019at (13/8/2021)" },
		{ "selasa (14/11/2017)", "2017-11-14", "selasa (14/11/2017)" },
		{ "Minggu (1/11/2015)", "2015-11-01", "Minggu (1/11/2015)" },
		{ "Kamis (9/3/2017)", "2017-03-09", "Kamis (9/3/2017)" },
		{ "Rabu (28/6/2017)", "2017-06-28", "Rabu (28/6/2017)" },
		{ "Sabtu (31/10/2015)", "2015-10-31", "Sabtu (31/10/2015)" },
		{ "Sunday, 1 January 2023", "2023-01-01",
		  "Sunday, 1 January 2023" },
		{ "Saturday, February 4, 2023", "2023-02-04",
		  "Saturday, February 4, 2023" },
		{ "Wednesday, 4 October 2023", "2023-10-04",
		  "Wednesday, 4 October 2023" },
		{ "Thursday, 5 October 2023", "2023-10-05",
		  "Thursday, 5 October 2023" },
		{ "Friday, 6 October 2023", "2023-10-06",
		  "Friday, 6 October 2023" },
		{ "Monday, 2 October 2023", "2023-10-02",
		  "Monday, 2 October 2023" },
		{ "Jumat, 17 Agustus 1945", "1945-08-17",
		  "Jumat, 17 Agustus 1945" },
		{ "Sabtu, 1 Januari 2000", "2000-01-01",
		  "Sabtu, 1 Januari 2000" },
		{ "Senin, 29 Februari 2016", "2016-02-29",
		  "Senin, 29 Februari 2016" },
		/* a bare slash date: day first, as Indonesian writes it */
		{ "pada 23/10/2015 lalu", "2015-10-23", "23/10/2015" },
		{ "pada 5/6/2015 lalu", "2015-06-05", "5/6/2015" },
		/* only the month-first reading is a date */
		{ "on 8/31/2021 at", "2021-08-31", "8/31/2021" },
		/* the weekday picks the reading: 8 Oct 2021 was a Friday,
		 * 10 Aug 2021 a Tuesday */
		{ "Selasa (8/10/2021)", "2021-08-10", "Selasa (8/10/2021)" },
		{ "Jumat (8/10/2021)", "2021-10-08", "Jumat (8/10/2021)" },
		/* impossible dates */
		{ "pada 31/2/2021 lalu", NULL, NULL },
		{ "pada 29/2/2021 lalu", NULL, NULL },
		{ "pada 30 Februari 2020 lalu", NULL, NULL },
		{ "pada 31 April 2020 lalu", NULL, NULL },
		{ "pada 2021-13-01 lalu", NULL, NULL },
		{ "pada 2021-02-30 lalu", NULL, NULL },
		{ "pada 0/1/2020 lalu", NULL, NULL },
		{ "pada 32 Januari 2020 lalu", NULL, NULL },
		{ "leap 29 Februari 2020 ok", "2020-02-29", "29 Februari 2020" },
		{ "leap 29 Februari 2000 ok", "2000-02-29", "29 Februari 2000" },
		{ "pada 29 Februari 1900 lalu", NULL, NULL },
		/* not dates */
		{ "Selasa (21/2) pagi", NULL, NULL },
		{ "pukul 21.30 WIB", NULL, NULL },
		{ "Rp 42,16 juta pada 2015", NULL, NULL },
		{ "pada 10 Agustus lalu", NULL, NULL },
		{ "nomor 123/45/2021 itu", NULL, NULL },
		{ "kode 10/8/20211 itu", NULL, NULL },
		{ "tanggal 10 Agustusan 2021", NULL, NULL },
		{ "aksi 212 Jilid Dua 2017", NULL, NULL },
		{ "Seninnya (10/8/2021)", "2021-08-10", "10/8/2021" },
	};
	size_t i, k;
	struct article *a;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct date_case *c = &cases[i];

		a = parse(c->text);
		if (c->iso == NULL) {
			if (a->ndates != 0)
				fail_msg("date %s found in '%s'",
				    a->dates[0].iso, c->text);
		} else {
			if (a->ndates != 1)
				fail_msg("%zu dates in '%s'", a->ndates,
				    c->text);
			assert_string_equal(a->dates[0].iso, c->iso);
			assert_string_equal(a->dates[0].text, c->as_written);
		}
		/* the reader does not doubt the date itself; whether it is
		 * the article's own is test_own_date()'s */
		for (k = 0; k < a->nwarnings; k++)
			if (strncmp(a->warnings[k], "no date of its own: ",
			    20) != 0)
				fail_msg("warning '%s' for '%s'",
				    a->warnings[k], c->text);
		article_free(a);
	}
}

static void
test_weekday_contradiction(void **state)
{
	struct article *a;

	(void)state;
	/* 10 Aug 2021 was a Tuesday and 8 Oct 2021 a Friday, not Monday:
	 * the day/month reading stays among the dates, with a warning, and
	 * is not the article's own date */
	a = parse("Semarang, Senin (10/8/2021). Dalam kunjungan itu.");
	assert_int_equal(a->ndates, 1);
	assert_string_equal(a->dates[0].iso, "2021-08-10");
	assert_string_equal(a->dates[0].text, "Senin (10/8/2021)");
	assert_string_equal(a->created, "");
	assert_int_equal(a->nwarnings, 2);
	assert_string_equal(a->warnings[0], "date 'Senin (10/8/2021)': the "
	    "weekday does not match 2021-08-10, a Tuesday");
	assert_string_equal(a->warnings[1], "no date of its own: the weekday "
	    "of 'Senin (10/8/2021)' does not match it");
	article_free(a);

	/* the only valid reading is kept when the weekday contradicts it */
	a = parse("on Monday, 8/31/2021.");
	assert_int_equal(a->ndates, 1);
	assert_string_equal(a->dates[0].iso, "2021-08-31");
	assert_string_equal(a->created, "");
	assert_int_equal(a->nwarnings, 2);
	article_free(a);

	/* named months have one reading */
	a = parse("Senin, 10 Agustus 2021 dan Rabu, March 14, 2023.");
	assert_int_equal(a->ndates, 2);
	assert_string_equal(a->created, "");
	assert_int_equal(a->nwarnings, 3);
	assert_string_equal(a->warnings[1], "date 'Rabu, March 14, 2023': "
	    "the weekday does not match 2023-03-14, a Tuesday");
	article_free(a);

	/* 20 Oct 2026 is a Tuesday, and 10/20 is no day/month reading */
	a = parse("Warga memadati alun-alun kota untuk menyaksikan pawai "
	    "budaya yang digelar pemerintah daerah, Senin (20/10/2026).");
	assert_string_equal(a->created, "");
	assert_int_equal(a->nwarnings, 2);
	article_free(a);
}

/*
 * When the markup states the date, the text's doubtful dates are read but
 * not warned about: the article has a date of its own.
 */
static void
test_date_stated(void **state)
{
	static const char text[] = "Harga garam turun sejak pekan lalu, "
	    "kata petani per Rabu (2/8/2023).";
	struct article *a;
	struct warta_error err;
	size_t k;

	(void)state;
	a = parse(text);
	assert_int_equal(a->ndates, 1);
	assert_int_equal(a->nwarnings, 1);
	assert_string_equal(a->warnings[0], "no date of its own: "
	    "'Rabu (2/8/2023)' follows 'per'");
	article_free(a);

	assert_non_null(a = article_new(words));
	a->date_stated = 1;
	assert_int_equal(article_add_para(a, text, strlen(text)), WARTA_OK);
	assert_int_equal(article_parse(a, NULL, &err), WARTA_OK);
	assert_int_equal(a->ndates, 1);
	assert_string_equal(a->created, "");
	for (k = 0; k < a->nwarnings; k++)
		fail_msg("warning '%s' with a stated date", a->warnings[k]);
	article_free(a);
}

/* Which date is the article's own, from up to four paragraphs. */
struct own_case {
	const char *paras[4];	/* NULL-terminated */
	const char *created;	/* "": none */
	const char *warning;	/* the last warning starts so; NULL: none */
};

static void
test_own_date(void **state)
{
	static const char filler[] = "Warga sekitar mengatakan jalan itu "
	    "sudah lama rusak dan sering memakan korban pengendara motor.";
	static const struct own_case cases[] = {
		/* the weekday and date of Indonesian copy */
		{ { "Bupati menyerahkan bantuan alat pertanian kepada 30 "
		    "kelompok tani di Banyumas, Selasa (10/8/2021).", NULL },
		  "2021-08-10", NULL },
		/* the dateline's date, with or without a weekday */
		{ { "Jakarta, Kamis (25/9/2014) - Harga cabai rawit di pasar "
		    "induk naik dua kali lipat dalam sepekan terakhir.", NULL },
		  "2014-09-25", NULL },
		{ { "CHICAGO, Feb 12, 1987 (Reuter) - Great Lakes Utilities Co "
		    "said it will redeem on March 16 all of its notes due May "
		    "29, 1992.", NULL }, "1987-02-12", NULL },
		/* a wire dateline without a year gives no date */
		{ { "LONDON, March 3 (Reuters) - Shares in European airlines "
		    "fell sharply on Thursday as crude oil climbed.", NULL },
		  "", NULL },
		/* a date line at the top, or closing the text */
		{ { "Friday 4 February 2005", "Westbridge Albion manager Ian "
		    "Donnelly expects a hard game, but they beat Albion in "
		    "this fixture on 16 January 1996.", NULL },
		  "2005-02-04", NULL },
		{ { "Published: 2005/02/09 14:22:07 GMT", "Media giant Time "
		    "Warner has reported a rise in quarterly profits, helped by "
		    "strong DVD sales.", NULL }, "2005-02-09", NULL },
		{ { "Namanya Sri Rahayu. Ia lahir pada tanggal 10 Juni 1968 di "
		    "sebuah dusun di lereng Gunung Lawu, Karanganyar.", filler,
		    "Karanganyar, 14 Juli 2017", NULL }, "2017-07-14", NULL },
		/* a life event, a cited source, a deadline: none */
		{ { "Namanya Sri Rahayu. Ia lahir pada tanggal 10 Juni 1968 di "
		    "sebuah dusun di lereng Gunung Lawu, Karanganyar.", NULL },
		  "", "no date of its own: '10 Juni 1968' follows 'lahir'" },
		{ { "Isu itu bermula dari fatwa di Timur Tengah, seperti "
		    "dikutip Los Angeles Times pada 24 April 2001, kata dia.",
		    NULL }, "", "no date of its own: '24 April 2001' follows "
		  "'dikutip'" },
		{ { "Jembatan Kaligarang di Kota Semarang akan ditutup mulai "
		    "24 April 2018 mendatang untuk perbaikan struktur.",
		    "Penutupan itu diumumkan Dinas Pekerjaan Umum Kota "
		    "Semarang, Rabu (11/4/2018).", NULL }, "2018-04-11", NULL },
		{ { "Great Lakes Utilities Co said it will redeem all of its "
		    "outstanding notes due May 29, 1992, at 101.5 pct.", NULL },
		  "", "no date of its own: 'May 29, 1992' follows 'due'" },
		{ { "Demonstrasi digelar di depan Kementerian Luar Negeri, "
		    "Senin (2/11/2015) besok, kata Nojeng kepada wartawan, "
		    "Minggu (1/11/2015).", NULL }, "2015-11-01", NULL },
		/* a past match in a preview: a plain date after the lede */
		{ { "Kingsmere Rovers travel to Dockside Road on Sunday looking "
		    "for a first league win there. They last won 2-0 on 16 "
		    "January 1996.", NULL },
		  "", "no date of its own: '16 January 1996' is in the body" },
		/* the lede's event date, when nothing better says */
		{ { "The central bank said on March 14, 2023 that the "
		    "country's banking system was sound and deposits safe.",
		    NULL }, "2023-03-14", NULL },
		/* a weekday and date beats it, and a source's weekday counts */
		{ { "Kerusuhan itu terjadi pada 11 November 2017 di aula "
		    "sekolah, kata Busyra, Selasa, 14 November 2017.", NULL },
		  "2017-11-14", NULL },
		{ { "Hasil penelitian itu menunjukkan ponsel mudah bengkok, "
		    "seperti dikutip dari The Verge, Jumat (26/9/2014).", NULL },
		  "2014-09-26", NULL },
		/* the weekday that the day/month reading fits */
		{ { "Ratusan pelajar mengikuti lomba lari lintas alam di "
		    "kawasan Tahura Djuanda, Sabtu (3/5/2022).", NULL },
		  "2022-03-05", NULL },
		/* an article is later than a day it puts in the past */
		{ { "Ananda Sukarlan walk out saat Anies Baswedan berpidato "
		    "di Kolese Kanisius, Sabtu (11/11/2017) lalu.", filler,
		    "Anies Baswedan, Senin, 16 Oktober 2017, menyampaikan "
		    "pidato pertamanya sebagai gubernur di Balai Kota.", NULL },
		  "", "no date of its own: 'Senin, 16 Oktober 2017' is not "
		  "later than 'Sabtu (11/11/2017)'" },
		/* and has the dateline's day */
		{ { "LONDON, March 3 (Reuters) - Shares in European airlines "
		    "fell sharply on Thursday as crude oil climbed.",
		    "Friday, March 4, 2005", NULL }, "",
		  "no date of its own: 'Friday, March 4, 2005' is not the "
		  "dateline's 'March 3'" },
		/* no date at all: nothing to warn about */
		{ { "Pawai serupa akan digelar di Surabaya pada Sabtu depan.",
		    NULL }, "", NULL },
	};
	size_t i, k;
	struct article *a;
	struct warta_error err;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct own_case *c = &cases[i];

		assert_non_null(a = article_new(words));
		for (k = 0; c->paras[k] != NULL; k++)
			assert_int_equal(article_add_para(a, c->paras[k],
			    strlen(c->paras[k])), WARTA_OK);
		assert_int_equal(article_parse(a, NULL, &err), WARTA_OK);
		if (strcmp(a->created, c->created) != 0)
			fail_msg("case %zu: '%s', want '%s'", i, a->created,
			    c->created);
		if (c->warning == NULL && a->nwarnings != 0)
			fail_msg("case %zu: warning '%s'", i, a->warnings[0]);
		if (c->warning != NULL && (a->nwarnings == 0 ||
		    strncmp(a->warnings[a->nwarnings - 1], c->warning,
		    strlen(c->warning)) != 0))
			fail_msg("case %zu: warning '%s', want '%s'", i,
			    a->nwarnings ? a->warnings[a->nwarnings - 1] : "",
			    c->warning);
		article_free(a);
	}
}

static void
test_dates_in_order(void **state)
{
	struct article *a;

	(void)state;
	a = parse("Pada Jumat (10/11/2017) dan 11 November 2017.",
	    "Lalu 2017-11-12, dan November 13, 2017.");
	assert_int_equal(a->ndates, 4);
	assert_string_equal(a->dates[0].iso, "2017-11-10");
	assert_string_equal(a->dates[1].iso, "2017-11-11");
	assert_string_equal(a->dates[2].iso, "2017-11-12");
	assert_string_equal(a->dates[3].iso, "2017-11-13");
	assert_string_equal(a->dates[3].text, "November 13, 2017");
	article_free(a);
}

static void
test_lang(void **state)
{
	struct article *a;

	(void)state;
	a = parse("Ikan lele yang beredar di pasaran bukan berasal dari alam "
	    "liar, dan itu tidak akan berubah.");
	assert_string_equal(a->lang, "id");
	article_free(a);

	a = parse_hint("id", "The president said that the plan was ready "
	    "for a vote in the Senate, and it is.", NULL);
	assert_string_equal(a->lang, "en");
	article_free(a);

	/* too little text: the hint, or nothing */
	a = parse_hint("en", "Pokemon Go", NULL);
	assert_string_equal(a->lang, "en");
	article_free(a);
	a = parse("Pokemon Go");
	assert_string_equal(a->lang, "");
	article_free(a);
	/* a tie does not decide either */
	a = parse_hint("id", "the and of yang dan di", NULL);
	assert_string_equal(a->lang, "id");
	article_free(a);
}

/* Short texts: ten words or more decide with fewer stopwords. */
static void
test_lang_short(void **state)
{
	struct article *a;

	(void)state;
	/* 12 words, three Indonesian stopwords (di, ini, karena) */
	a = parse("Harga cabai naik di pasar Bogor pekan ini karena hujan "
	    "deras turun.");
	assert_string_equal(a->lang, "id");
	article_free(a);
	/* 12 words, two English stopwords (on, after) */
	a = parse("Oil prices rose sharply on Monday after storms hit "
	    "refineries along Gulf coast.");
	assert_string_equal(a->lang, "en");
	article_free(a);
	/* two stopwords of one language and none of the other */
	a = parse("Timnas Indonesia lolos ke semifinal Piala AFF usai menang "
	    "2-0 melawan Malaysia.");
	assert_string_equal(a->lang, "id");
	article_free(a);

	/* under ten words: too short, unless four stopwords decide */
	a = parse("Harga cabai naik di pasar Bogor.");
	assert_string_equal(a->lang, "");
	article_free(a);
	a = parse_hint("en", "Banjir di Jakarta, warga mengungsi", NULL);
	assert_string_equal(a->lang, "en");
	article_free(a);
	a = parse("Dia akan ke sana dan di sini.");
	assert_string_equal(a->lang, "id");
	article_free(a);

	/* both languages, too few to outvote: no decision */
	a = parse("Rektor Bandung Institute of Technology menyerahkan ijazah "
	    "kepada ribuan wisudawan di Sabuga.");
	assert_string_equal(a->lang, "");
	article_free(a);
}

/* A capital marks a name or an acronym, not a stopword. */
static void
test_lang_case(void **state)
{
	struct article *a;

	(void)state;
	/* "Dan", "Di", "Para" are names here; "AS" and "WHO" acronyms in
	 * Indonesian copy, "New" part of a name */
	a = parse("Shares closed higher as Dan Brown and Di Maria watched "
	    "from Para, the broker said.");
	assert_string_equal(a->lang, "en");
	article_free(a);
	a = parse("Menurut WHO dan pejabat AS di New York, wabah itu sudah "
	    "mereda.");
	assert_string_equal(a->lang, "id");
	article_free(a);
	/* only names and acronyms of the other language: nothing to go by */
	a = parse("Warga Kampung Melayu melihat WHO, AS, The Times, Dan "
	    "Smith, Of Mice.");
	assert_string_equal(a->lang, "");
	article_free(a);
	/* where a sentence starts, a capital is only a capital */
	a = parse("Dia pulang. Dia makan. Ia tidur. Para tamu pergi.");
	assert_string_equal(a->lang, "id");
	article_free(a);
	/* a paragraph all in capitals (old wire copy) counts as it is */
	a = parse("BRITISH GOVERNMENT BONDS EDGED HIGHER ON WEDNESDAY AHEAD "
	    "OF THE BANK DECISION.");
	assert_string_equal(a->lang, "en");
	article_free(a);
}

static void
test_parse_twice(void **state)
{
	struct article *a;
	struct warta_error err;

	(void)state;
	a = parse("JAKARTA (ANTARA) - Pada 10 Agustus 2021. (ant)");
	assert_int_equal(article_parse(a, NULL, &err), WARTA_OK);
	assert_int_equal(a->ndates, 1);
	assert_string_equal(a->outlet, "ANTARA");
	assert_string_equal(a->byline, "ant");
	article_free(a);

	/* no paragraphs at all */
	a = article_new(words);
	assert_int_equal(article_parse(a, NULL, &err), WARTA_OK);
	assert_null(a->dateline);
	assert_int_equal(a->ndates, 0);
	assert_string_equal(a->lang, "");
	article_free(a);
}

static void
test_bad_bytes(void **state)
{
	static const char *const junk[] = {
		"\xff\xfe (\xc3/\xe2)", "(", ")", "(\xe2\x80\x99)",
		"JAKARTA,", "JAKARTA, ", "Jakarta (", "Jakarta (ANTARA",
		"Jakarta (ANTARA)", "LONDON, Jan", "LONDON, Jan 5",
		"Selasa (10/8/", "Selasa (10/8/2021", "10 Agustus",
		"Jum'", "\xe2\x80\x99" "at", "Oleh", "Oleh:", "By ",
		"(Penulis:)", "(Penulis: |)", "X-", "SEMARANG-", "SEMARANG-X",
		NULL
	};
	const char *const *j;
	struct article *a;

	(void)state;
	for (j = junk; *j != NULL; j++) {
		a = parse(*j);
		article_free(a);
		(void)article_dateline_len(words, *j, strlen(*j));
	}
}

/* A 16 MiB paragraph with dates all through it, in linear time. */
static void
test_huge(void **state)
{
	static const char chunk[] = "yang Selasa (10/8/2021) kata di Jakarta ";
	const size_t n = (size_t)16 << 20, m = sizeof(chunk) - 1;
	struct article *a = article_new(words);
	struct warta_error err;
	char *text;
	size_t i;

	(void)state;
	assert_non_null(text = malloc(n + 1));
	for (i = 0; i + m <= n; i += m)
		memcpy(text + i, chunk, m);
	memset(text + i, ' ', n - i);
	text[n] = '\0';
	assert_int_equal(article_add_para(a, text, n), WARTA_OK);
	assert_int_equal(article_parse(a, NULL, &err), WARTA_OK);
	assert_int_equal(a->ndates, n / m);
	assert_string_equal(a->lang, "id");
	article_free(a);
	free(text);
}

static void
test_seed(void **state)
{
	/* The project's copy of the seed; run.sh sets WARTA_TOP. */
	const char *top = getenv("WARTA_TOP");
	char path[1024], *text;
	struct article *a;
	struct warta_error err;
	FILE *f;
	long n;

	(void)state;
	snprintf(path, sizeof(path), "%s/samples/semarang-maritim-purwanto.txt",
	    top != NULL && *top != '\0' ? top : ".");
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	assert_non_null(text = malloc((size_t)n + 1));
	assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	a = article_new(words);
	assert_int_equal(layout_paragraphs(a, text, (size_t)n, &err), WARTA_OK);
	assert_int_equal(article_parse(a, NULL, &err), WARTA_OK);
	assert_string_equal(a->dateline, "SEMARANG-MARITIM");
	assert_string_equal(a->place, "Semarang");
	assert_string_equal(a->outlet, "Maritim");
	assert_null(a->dateline_date);
	assert_string_equal(a->byline, "Purwanto");
	assert_string_equal(a->creator, "Purwanto");
	assert_true(a->ndates >= 1);
	assert_string_equal(a->dates[0].iso, "2021-08-10");
	assert_string_equal(a->dates[0].text, "Selasa (10/8/2021)");
	assert_string_equal(a->created, "2021-08-10");
	assert_string_equal(a->lang, "id");
	assert_int_equal(a->npara, 10);
	assert_null(a->headline);
	assert_int_equal(a->nwarnings, 0);
	article_free(a);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memory),
		cmocka_unit_test(test_datelines),
		cmocka_unit_test(test_no_dateline),
		cmocka_unit_test(test_bylines),
		cmocka_unit_test(test_byline_credit_lines),
		cmocka_unit_test(test_opening_bylines),
		cmocka_unit_test(test_byline_then_dateline),
		cmocka_unit_test(test_closing_credits),
		cmocka_unit_test(test_date_lines),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_weekday_contradiction),
		cmocka_unit_test(test_date_stated),
		cmocka_unit_test(test_own_date),
		cmocka_unit_test(test_dates_in_order),
		cmocka_unit_test(test_lang),
		cmocka_unit_test(test_lang_short),
		cmocka_unit_test(test_lang_case),
		cmocka_unit_test(test_parse_twice),
		cmocka_unit_test(test_bad_bytes),
		cmocka_unit_test(test_huge),
		cmocka_unit_test(test_seed),
	};

	return cmocka_run_group_tests(tests, make_words, free_words);
}
