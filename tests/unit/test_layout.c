/*
 * test_layout.c: paragraphs from blank lines, indentation, one per line
 * and hard-wrapped lines; hyphens at line ends; lines that are not the
 * article; the title line.
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



static struct article *
lay(const char *text)
{
	struct article *a = article_new(words);
	struct warta_error err;

	assert_non_null(a);
	assert_int_equal(layout_paragraphs(a, text, strlen(text), &err),
	    WARTA_OK);
	return a;
}

/* Asserts the paragraphs of a, NULL-terminated. */
static void
expect_paras(const struct article *a, ...)
{
	va_list ap;
	const char *want;
	size_t i = 0;

	va_start(ap, a);
	while ((want = va_arg(ap, const char *)) != NULL) {
		assert_true(i < a->npara);
		assert_string_equal(a->paras[i], want);
		i++;
	}
	va_end(ap);
	assert_int_equal(a->npara, i);
}

static void
test_empty(void **state)
{
	struct article *a;

	(void)state;
	a = lay("");
	assert_int_equal(a->npara, 0);
	assert_null(a->headline);
	article_free(a);
	a = lay("\n \n\t\n");
	assert_int_equal(a->npara, 0);
	article_free(a);
	article_free(NULL);
}

static void
test_blank_lines(void **state)
{
	struct article *a;

	(void)state;
	a = lay("Paragraf pertama ada di sini.\n\nParagraf kedua juga.\n"
	    " \nParagraf ketiga.\n");
	expect_paras(a, "Paragraf pertama ada di sini.", "Paragraf kedua juga.",
	    "Paragraf ketiga.", NULL);
	article_free(a);
}

static void
test_one_per_line(void **state)
{
	struct article *a;

	(void)state;
	/* lines of very different lengths, each ending a sentence */
	a = lay("Pasukan Amerika Serikat sempat menyita dokumen rahasia yang "
	    "menunjukkan mantan Presiden Irak mencurigai sesuatu.\n"
	    "Kecurigaan tersebut muncul ketika serial TV itu populer.\n"
	    "\u201cItu hoax,\u201d ujarnya.\n"
	    "Pikachu: Berarti sesuatu yang lain sama sekali dan tidak ada "
	    "hubungannya dengan apa pun yang disebut di atas tadi.\n");
	expect_paras(a,
	    "Pasukan Amerika Serikat sempat menyita dokumen rahasia yang "
	    "menunjukkan mantan Presiden Irak mencurigai sesuatu.",
	    "Kecurigaan tersebut muncul ketika serial TV itu populer.",
	    "\u201cItu hoax,\u201d ujarnya.",
	    "Pikachu: Berarti sesuatu yang lain sama sekali dan tidak ada "
	    "hubungannya dengan apa pun yang disebut di atas tadi.", NULL);
	assert_null(a->headline);
	article_free(a);
}

static void
test_spaces(void **state)
{
	struct article *a;

	(void)state;
	a = lay("   Banyak    spasi\t\tdi  sini.  \n\n\t  Dan di sana.   ");
	expect_paras(a, "Banyak spasi di sini.", "Dan di sana.", NULL);
	article_free(a);
}

/* Wrapped near 60 columns, as fold -s would. */
static const char wrapped[] =
    "Kepala Bagian Protokoler Masjid Istiqlal mengaku pihaknya\n"
    "tidak pernah melarang massa aksi untuk mendatangi masjid\n"
    "pada malam hari. Ia membantah jika gerbangnya digembok oleh\n"
    "petugas keamanan yang berjaga di sana sejak sore hari.\n"
    "Abu menjelaskan, pintu gerbang masjid ditutup pada pukul\n"
    "21.30 WIB, dan akan dibuka kembali sejam sebelum salat subuh\n"
    "sesuai dengan aturan yang berlaku di luar bulan puasa.\n"
    "Ia mengatakan, massa yang datang ke masjid semalam adalah\n"
    "rombongan dari Jawa Timur, sebanyak lima bus.\n"
    "Pendek saja.\n"
    "Mereka masuk selepas isya, kemudian diberi kesempatan untuk\n"
    "beribadah dan bersih-bersih sebelum meninggalkan masjid.\n";

static void
test_hard_wrapped(void **state)
{
	struct article *a;

	(void)state;
	a = lay(wrapped);
	expect_paras(a,
	    /* a sentence ends at a full line: the paragraph goes on */
	    "Kepala Bagian Protokoler Masjid Istiqlal mengaku pihaknya "
	    "tidak pernah melarang massa aksi untuk mendatangi masjid "
	    "pada malam hari. Ia membantah jika gerbangnya digembok oleh "
	    "petugas keamanan yang berjaga di sana sejak sore hari.",
	    /* ... the line before ended early although "Abu" would fit */
	    "Abu menjelaskan, pintu gerbang masjid ditutup pada pukul "
	    "21.30 WIB, dan akan dibuka kembali sejam sebelum salat subuh "
	    "sesuai dengan aturan yang berlaku di luar bulan puasa.",
	    "Ia mengatakan, massa yang datang ke masjid semalam adalah "
	    "rombongan dari Jawa Timur, sebanyak lima bus.",
	    /* far shorter than the width */
	    "Pendek saja.",
	    "Mereka masuk selepas isya, kemudian diberi kesempatan untuk "
	    "beribadah dan bersih-bersih sebelum meninggalkan masjid.", NULL);
	assert_null(a->headline);
	article_free(a);
}

static void
test_wrapped_with_blank_lines(void **state)
{
	struct article *a;

	(void)state;
	a = lay("Kepala Bagian Protokoler Masjid Istiqlal mengaku pihaknya\n"
	    "tidak pernah melarang massa aksi untuk mendatangi masjid\n"
	    "pada malam hari sebelum acara besar itu dimulai di sana\n"
	    "\n"
	    "Ia membantah jika gerbangnya digembok oleh para petugas\n"
	    "keamanan yang berjaga di sana sejak sore hari kemarin\n");
	expect_paras(a,
	    "Kepala Bagian Protokoler Masjid Istiqlal mengaku pihaknya "
	    "tidak pernah melarang massa aksi untuk mendatangi masjid "
	    "pada malam hari sebelum acara besar itu dimulai di sana",
	    "Ia membantah jika gerbangnya digembok oleh para petugas "
	    "keamanan yang berjaga di sana sejak sore hari kemarin", NULL);
	article_free(a);
}

static void
test_wrapped_then_long_lines(void **state)
{
	struct article *a;

	(void)state;
	/* a text wrapped at first, then pasted whole paragraphs */
	a = lay("Julukan sebagai ikan paling jorok merujuk pada sifat lele\n"
	    "yang doyan mengonsumsi segala jenis limbah di perairan dan\n"
	    "di tempat lain yang kotor, begitu kata mereka.\n"
	    "Sementara itu di habitat aslinya, lele juga dikenal sebagai\n"
	    "spesies ikan yang sangat tangguh di perairan yang berlumpur.\n"
	    "Yang pasti, popularitas ikan bersungut ini tidak pernah pudar, "
	    "bahkan terus meningkat dari tahun ke tahun di seluruh negeri, "
	    "kata data Kementerian Kelautan dan Perikanan tahun ini.\n"
	    "Konsumsi ikan lele menurut Badan Pusat Statistik tercatat "
	    "naik dari tahun sebelumnya, dan terus naik hingga kini juga, "
	    "dari 22,58 kg per kapita per tahun pada tahun 2004 lalu.\n");
	expect_paras(a,
	    "Julukan sebagai ikan paling jorok merujuk pada sifat lele "
	    "yang doyan mengonsumsi segala jenis limbah di perairan dan "
	    "di tempat lain yang kotor, begitu kata mereka.",
	    "Sementara itu di habitat aslinya, lele juga dikenal sebagai "
	    "spesies ikan yang sangat tangguh di perairan yang berlumpur.",
	    "Yang pasti, popularitas ikan bersungut ini tidak pernah pudar, "
	    "bahkan terus meningkat dari tahun ke tahun di seluruh negeri, "
	    "kata data Kementerian Kelautan dan Perikanan tahun ini.",
	    "Konsumsi ikan lele menurut Badan Pusat Statistik tercatat "
	    "naik dari tahun sebelumnya, dan terus naik hingga kini juga, "
	    "dari 22,58 kg per kapita per tahun pada tahun 2004 lalu.",
	    NULL);
	article_free(a);
}

static void
test_indented(void **state)
{
	struct article *a;

	(void)state;
	/* paragraphs open with an indented line; no blank lines */
	a = lay("    Sejumlah tahanan di Mako Brimob melakukan kerusuhan.\n"
	    "Masih simpang siur apa penyebabnya.\n"
	    "    Menurut Kepala Biro Penerangan, kerusuhan terjadi\n"
	    "pada Jumat sore.\n"
	    "    Keributan itu merusak fasilitas rutan.\n");
	expect_paras(a,
	    "Sejumlah tahanan di Mako Brimob melakukan kerusuhan. "
	    "Masih simpang siur apa penyebabnya.",
	    "Menurut Kepala Biro Penerangan, kerusuhan terjadi "
	    "pada Jumat sore.",
	    "Keributan itu merusak fasilitas rutan.", NULL);
	article_free(a);
}

static void
test_indented_list_stays_lines(void **state)
{
	struct article *a;

	(void)state;
	/* indented lines with nothing carried on: a list, one per line */
	a = lay("Beredar foto peserta aksi di media sosial.\n\n"
	    "    Satu judul berita\n    Dua judul berita\n"
	    "\nIa menjelaskan aturan di masjid itu.\n");
	expect_paras(a, "Beredar foto peserta aksi di media sosial.",
	    "Satu judul berita", "Dua judul berita",
	    "Ia menjelaskan aturan di masjid itu.", NULL);
	article_free(a);
}

/* One wrapped paragraph whose first line ends with a hyphen. */
static void
expect_hyphen_join(const char *left, const char *right, const char *joined)
{
	char text[1024], want[1024];
	struct article *a;

	snprintf(text, sizeof(text),
	    "Dalam kunjungan itu para pejabat menyampaikan bahwa %s\n"
	    "%s adalah hal yang sudah lama menjadi perhatian mereka\n"
	    "semua di kantor tersebut, sejak awal tahun lalu hingga\n"
	    "sekarang ketika para pegawai sudah mulai bekerja lagi.\n",
	    left, right);
	snprintf(want, sizeof(want),
	    "Dalam kunjungan itu para pejabat menyampaikan bahwa %s "
	    "adalah hal yang sudah lama menjadi perhatian mereka "
	    "semua di kantor tersebut, sejak awal tahun lalu hingga "
	    "sekarang ketika para pegawai sudah mulai bekerja lagi.", joined);
	a = lay(text);
	expect_paras(a, want, NULL);
	article_free(a);
}

static void
test_hyphens(void **state)
{
	(void)state;
	/* a word broken by the wrap */
	expect_hyphen_join("pemerin-", "tahan", "pemerintahan");
	expect_hyphen_join("kese-", "jahteraan", "kesejahteraan");
	/* reduplication */
	expect_hyphen_join("kupu-", "kupu", "kupu-kupu");
	expect_hyphen_join("rumpun-", "rumpunnya", "rumpun-rumpunnya");
	expect_hyphen_join("warna-", "warni", "warna-warni");
	expect_hyphen_join("berlari-", "lari", "berlari-lari");
	expect_hyphen_join("bersalam-", "salaman", "bersalam-salaman");
	expect_hyphen_join("dipukul-", "pukul", "dipukul-pukul");
	/* a prefix, but the rest is no repeat */
	expect_hyphen_join("berma-", "salah", "bermasalah");
	expect_hyphen_join("pemerintah-", "an", "pemerintahan");
	/* a capital or a digit after the hyphen */
	expect_hyphen_join("Covid-", "19", "Covid-19");
	expect_hyphen_join("se-", "Indonesia", "se-Indonesia");
	expect_hyphen_join("Al-", "Qur'an", "Al-Qur'an");
	/* a known prefix */
	expect_hyphen_join("pasca-", "panen", "pasca-panen");
	expect_hyphen_join("non-", "pemerintah", "non-pemerintah");
	expect_hyphen_join("anti-", "korupsi", "anti-korupsi");
	expect_hyphen_join("pra-", "sejahtera", "pra-sejahtera");
	/* a dash, not a hyphen: a space stays */
	expect_hyphen_join("itu -", "kata", "itu - kata");
	expect_hyphen_join("itu --", "kata", "itu -- kata");
}

static void
test_boilerplate(void **state)
{
	static const char *const junk[] = {
		"12", "- 3 -", "Halaman 2", "Hal. 2 dari 5", "Page 3 of 10",
		"Baca juga: Bantahan Ahok Soal Tudingan Gaji",
		"Baca juga, Aksi 212, Kerumunan Massa Belum Terlihat.",
		"Baca Juga Kapolri: Anggota Polisi Dilarang Main",
		"(Baca juga: Kemenkeu Usulkan Tunjangan Kinerja)",
		"Lihat juga: Video Banjir di Jakarta",
		"SCROLL TO CONTINUE WITH CONTENT", "ADVERTISEMENT",
		"Advertisement",
		/* web copy's promotion lines, Indonesian and English */
		"Tonton juga video \"Detik-detik Longsor Tutup Jalan\":",
		"Simak juga: Banjir Rendam Ratusan Rumah",
		"Simak Video \"Banjir di Kemang\"",
		"Saksikan Live Streaming Liputan6 SCTV Setiap Hari di Sini",
		"Read more: Which areas are on the slow list?",
		"READ MORE: How fast is your connection?",
		"Watch: The village that built its own network",
		"Related: Storm damage timeline",
		"Click here to sign up for our newsletter",
		"Follow us on Twitter and Facebook",
		"Story from BUSINESS NEWS:",
		"http://news.example.org/business/4250012.stm",
		"FOR IMMEDIATE RELEASE",
		"Contact: Dale Pederson, (612) 555-0143",
		"(Simak juga: Harga Cabai Naik)",
		"Penulis adalah wartawan lepas yang tinggal di Solo.", NULL
	};
	const char *const *j;
	char text[512];
	struct article *a;

	(void)state;
	for (j = junk; *j != NULL; j++) {
		snprintf(text, sizeof(text), "Paragraf pertama di sini.\n"
		    "%s\nParagraf kedua di sana.\n", *j);
		a = lay(text);
		expect_paras(a, "Paragraf pertama di sini.",
		    "Paragraf kedua di sana.", NULL);
		article_free(a);
	}
	/* ordinary sentences that start alike stay */
	a = lay("Lihat juga sejumlah foto yang beredar.\n"
	    "Baca jugalah aturannya.\n12 orang tewas.\n"
	    "Watch the skies, he said.\nRelated reports came later.\n"
	    "Read more books, the minister urged.\n"
	    "Tontonan itu ramai.\n");
	expect_paras(a, "Lihat juga sejumlah foto yang beredar.",
	    "Baca jugalah aturannya.", "12 orang tewas.",
	    "Watch the skies, he said.", "Related reports came later.",
	    "Read more books, the minister urged.", "Tontonan itu ramai.",
	    NULL);
	article_free(a);
}

/* "Related Topics", "###", "-30-": nothing after them is the article. */
static void
test_boilerplate_end(void **state)
{
	static const char *const marks[] = { "Related Topics", "###",
		"-30-", NULL };
	const char *const *m;
	char text[512];
	struct article *a;

	(void)state;
	for (m = marks; *m != NULL; m++) {
		snprintf(text, sizeof(text), "Paragraf pertama di sini.\n\n"
		    "Paragraf kedua di sana.\n\n%s\nBicester\nHousing\n", *m);
		a = lay(text);
		expect_paras(a, "Paragraf pertama di sini.",
		    "Paragraf kedua di sana.", NULL);
		article_free(a);
	}
}

static void
test_boilerplate_in_wrapped_text(void **state)
{
	struct article *a;

	(void)state;
	a = lay("Kepala Bagian Protokoler Masjid Istiqlal mengaku pihaknya\n"
	    "tidak pernah melarang massa aksi untuk mendatangi masjid\n"
	    "ADVERTISEMENT\n"
	    "Ia membantah jika gerbangnya digembok oleh para petugas\n"
	    "keamanan yang berjaga di sana sejak sore hari kemarin\n");
	expect_paras(a,
	    "Kepala Bagian Protokoler Masjid Istiqlal mengaku pihaknya "
	    "tidak pernah melarang massa aksi untuk mendatangi masjid",
	    "Ia membantah jika gerbangnya digembok oleh para petugas "
	    "keamanan yang berjaga di sana sejak sore hari kemarin", NULL);
	article_free(a);
}

/*
 * A "Baca juga" link hard-wrapped like the text around it: the rest of
 * its title on the next line is left out with it, not made a paragraph
 * of its own; a link on a line of its own and a credit after one stay
 * as they were.
 */
static void
test_wrapped_boilerplate(void **state)
{
	static const char *const body =
	    "Kepala Bagian Protokoler Masjid Istiqlal mengaku pihaknya\n"
	    "tidak pernah melarang massa aksi untuk mendatangi masjid\n"
	    "itu pada malam hari menjelang aksi besar di pusat kota.\n";
	static const char *const para =
	    "Kepala Bagian Protokoler Masjid Istiqlal mengaku pihaknya "
	    "tidak pernah melarang massa aksi untuk mendatangi masjid "
	    "itu pada malam hari menjelang aksi besar di pusat kota.";
	static const char *const tail =
	    "Ia membantah jika gerbangnya digembok oleh para petugas\n"
	    "keamanan yang berjaga di sana sejak sore hari kemarin.\n";
	static const char *const tail_para =
	    "Ia membantah jika gerbangnya digembok oleh para petugas "
	    "keamanan yang berjaga di sana sejak sore hari kemarin.";
	char text[1024];
	struct article *a;

	(void)state;
	/* a word broken with a hyphen at the end of the link */
	snprintf(text, sizeof(text), "%s"
	    "Baca juga: Balai Besar Kota Balikpapan Mengudara-\n"
	    "kan Pelabuhan\n%s", body, tail);
	a = lay(text);
	expect_paras(a, para, tail_para, NULL);
	article_free(a);
	/* a title whose next word did not fit on the line */
	snprintf(text, sizeof(text), "%s"
	    "Baca juga: Badan Penyamiran Kota Palembang Menyiapkan\n"
	    "Pelabuhan\n%s", body, tail);
	a = lay(text);
	expect_paras(a, para, tail_para, NULL);
	article_free(a);
	/* a link that stops short of the width had a line of its own */
	snprintf(text, sizeof(text), "%s"
	    "Baca juga: Batik Pekalongan Tembus Pasar\n%s", body, tail);
	a = lay(text);
	expect_paras(a, para, tail_para, NULL);
	article_free(a);
	/* a credit after a link closes the article */
	snprintf(text, sizeof(text), "%s"
	    "Baca juga: Badan Penyamiran Kota Palembang Menyiapkan\n"
	    "(ant/abc)\n", body);
	a = lay(text);
	expect_paras(a, para, "(ant/abc)", NULL);
	article_free(a);
}

/* A page number where the page broke, inside a paragraph, is left out
 * without cutting the paragraph in two. */
static void
test_page_number_in_wrapped_text(void **state)
{
	struct article *a;

	(void)state;
	a = lay("Kepala Bagian Protokoler Masjid Istiqlal mengaku pihaknya\n"
	    "tidak pernah melarang massa aksi untuk mendatangi masjid\n"
	    "12\n"
	    "pada malam hari. Ia membantah jika gerbangnya digembok oleh\n"
	    "petugas keamanan yang berjaga.\n"
	    "- 13 -\n"
	    "Pendek saja.\n");
	expect_paras(a,
	    "Kepala Bagian Protokoler Masjid Istiqlal mengaku pihaknya "
	    "tidak pernah melarang massa aksi untuk mendatangi masjid "
	    "pada malam hari. Ia membantah jika gerbangnya digembok oleh "
	    "petugas keamanan yang berjaga.",
	    "Pendek saja.", NULL);
	article_free(a);
}

/* A desk code closing the last of a few one-line paragraphs ends a
 * sentence: the text is not taken for a hard-wrapped one. */
static void
test_closing_code_one_per_line(void **state)
{
	struct article *a;

	(void)state;
	a = lay("Pemerintah Kota Ambon menyiapkan 15 kapal cepat untuk "
	    "melayani penyeberangan warga selama libur akhir tahun.\n"
	    "Kepala Dinas Perhubungan mengatakan jumlah penumpang "
	    "diperkirakan naik hingga 40 persen tahun ini.\n"
	    "Petugas akan memeriksa alat keselamatan di setiap kapal "
	    "sebelum kapal berangkat. (ant/abc)\n");
	assert_int_equal(a->npara, 3);
	article_free(a);
	/* a bracket inside a sentence still leaves the line open */
	a = lay("Presiden Joko Widodo meresmikan bendungan di Jawa\n"
	    "Tengah bersama Menteri Pekerjaan Umum (PUPR)\n"
	    "dan Gubernur Jawa Tengah pada Selasa pagi kemarin di\n"
	    "lokasi bendungan yang baru selesai dibangun tahun ini.\n");
	assert_int_equal(a->npara, 1);
	article_free(a);
}

static void
test_title_line(void **state)
{
	struct article *a;

	(void)state;
	/* followed by a blank line */
	a = lay("Kabar Peserta Aksi Tak Bisa Masuk Istiqlal Adalah HOAX\n\n"
	    "Beredar foto peserta aksi di media sosial.\n");
	assert_non_null(a->headline);
	assert_string_equal(a->headline,
	    "Kabar Peserta Aksi Tak Bisa Masuk Istiqlal Adalah HOAX");
	expect_paras(a, "Beredar foto peserta aksi di media sosial.", NULL);
	article_free(a);

	/* followed by body text directly; a question mark is fine */
	a = lay("Benarkah Lele Mengandung Sel Kanker?\n"
	    "Di jejaring sosial beredar informasi soal lele.\n");
	assert_non_null(a->headline);
	assert_string_equal(a->headline, "Benarkah Lele Mengandung Sel Kanker?");
	expect_paras(a, "Di jejaring sosial beredar informasi soal lele.",
	    NULL);
	article_free(a);
}

/* A title that opens with a quote or closes with an ellipsis; a date
 * line above the title. */
static void
test_title_punctuation(void **state)
{
	static const char *const titles[] = {
		"'Nuclear dumpsite' plan attacked",
		"\u2018Open up the exchanges\u2019 order for BT",
		"\"Tidak Ada Gembok\" di Istiqlal",
		"Time Warner profits climb, but AOL keeps losing members...",
		"Strike talks collapse as deadline looms\u2026",
		"EVENING REPORT -- TRANSCRIPT", NULL
	};
	const char *const *t;
	char text[512];
	struct article *a;

	(void)state;
	for (t = titles; *t != NULL; t++) {
		snprintf(text, sizeof(text), "%s\n\nThe body of the text "
		    "says what happened.\n", *t);
		a = lay(text);
		assert_non_null(a->headline);
		assert_string_equal(a->headline, *t);
		expect_paras(a, "The body of the text says what happened.",
		    NULL);
		article_free(a);
	}
	/* the date line above the title stays in the body */
	a = lay("Thu Mar 3, 2005 11:32am GMT\n\nAirline shares slide as oil "
	    "tops $53\n\nShares fell sharply on Thursday.\n");
	assert_non_null(a->headline);
	assert_string_equal(a->headline, "Airline shares slide as oil tops $53");
	expect_paras(a, "Thu Mar 3, 2005 11:32am GMT",
	    "Shares fell sharply on Thursday.", NULL);
	article_free(a);
	/* a press release: the label goes, the date line stays */
	a = lay("FOR IMMEDIATE RELEASE\n\nMarch 3, 1994\n\n"
	    "NORTHFIELD MEDICAL OPENS CLINIC\n\n"
	    "DULUTH, Minn. -- The group opened a clinic.\n");
	assert_non_null(a->headline);
	assert_string_equal(a->headline, "NORTHFIELD MEDICAL OPENS CLINIC");
	expect_paras(a, "March 3, 1994",
	    "DULUTH, Minn. -- The group opened a clinic.", NULL);
	article_free(a);
}

/*
 * Hard-wrapped at 72 columns, where most sentences happen to end at a
 * line end: still unwrapped, and its first line is no title.
 */
static void
test_wrapped_sentences_at_line_ends(void **state)
{
	struct article *a;

	(void)state;
	a = lay("Residents of the upper valley will lose their bus service "
	    "at the end\n"
	    "of the month, the council said. \"It is a sad day,\" said "
	    "one resident.\n"
	    "\"We have nothing else.\" The route cost too much to run and "
	    "was cut.\n"
	    "Officials said fewer than 200 people a week used it on "
	    "weekday routes.\n"
	    "Volunteers could apply for a grant to run a community bus "
	    "instead.\n"
	    "The council will meet again in the spring to review the "
	    "decision.\n");
	assert_null(a->headline);
	expect_paras(a,
	    "Residents of the upper valley will lose their bus service at "
	    "the end of the month, the council said. \"It is a sad day,\" "
	    "said one resident.",
	    "\"We have nothing else.\" The route cost too much to run and "
	    "was cut.",
	    "Officials said fewer than 200 people a week used it on weekday "
	    "routes.",
	    "Volunteers could apply for a grant to run a community bus "
	    "instead.",
	    "The council will meet again in the spring to review the "
	    "decision.", NULL);
	article_free(a);
}

static void
test_title_before_wrapped(void **state)
{
	char text[2048];
	struct article *a;

	(void)state;
	snprintf(text, sizeof(text), "Masjid Istiqlal Tidak Digembok\n%s",
	    wrapped);
	a = lay(text);
	assert_non_null(a->headline);
	assert_string_equal(a->headline, "Masjid Istiqlal Tidak Digembok");
	assert_int_equal(a->npara, 5);
	article_free(a);
}

static void
test_no_title(void **state)
{
	static const char *const texts[] = {
		/* a sentence */
		"Ikan lele disebut mengandung sel kanker.\nKabar itu beredar.\n",
		/* a single paragraph is the body, not a title */
		"Kabar Peserta Aksi Tak Bisa Masuk Istiqlal\n",
		/* a dateline paragraph */
		"Jakarta, KOMPAS.com - Banjir melanda\nIbu kota pagi ini.\n",
		"JAKARTA (ANTARA) - Banjir\nIbu kota pagi ini.\n",
		/* a byline */
		"By Jane Doe\nThe president said so.\n",
		"Oleh: Budi Santoso\nPresiden berkata begitu.\n",
		/* a label, a clause, one word, lower case, a quote */
		"Fakta:\nBerikut adalah penjelasan MUI.\n",
		"Menurut dia,\nhal itu tidak benar.\n",
		"Pokemon\nGame itu sedang populer.\n",
		"ikan lele yang beredar di pasaran\nbukan dari alam liar.\n",
		"\u201cItu hoax seribu persen\u201d\nkata Abu.\n",
		/* a byline or credit line, a date line */
		"Laporan Wartawan Tribunnews.com, Rina Ayu Lestari\n\n"
		"Harga cabai naik.\n",
		"Reporter: Dina Anggraini | Editor: Yudistira Putra\n\n"
		"Harga cabai naik.\n",
		"Friday 4 February 2005\n\nThe match was won.\n",
		/* a sentence that ends in a full stop, not an ellipsis */
		"The plan was attacked.\n\nThe body of the text.\n",
		/* too many words for a title */
		"Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh "
		"sebelas dua belas tiga belas empat belas\nBadan teks.\n",
		NULL
	};
	const char *const *t;
	struct article *a;

	(void)state;
	for (t = texts; *t != NULL; t++) {
		a = lay(*t);
		if (a->headline != NULL)
			fail_msg("headline '%s' invented from '%s'",
			    a->headline, *t);
		article_free(a);
	}
}

static void
test_bad_bytes(void **state)
{
	static const char junk[] = "\xff\xfe-\n\xc3\n\xe2\x80\n-\n\x80\x80 x-\n"
	    "\xf0\x9f\n\n\x01\x02 \xe2\x80\x94\n";
	struct article *a = article_new(words);
	struct warta_error err;

	(void)state;
	assert_int_equal(layout_paragraphs(a, junk, sizeof(junk) - 1, &err),
	    WARTA_OK);
	article_free(a);
}

/* 16 MiB: one line, then 16 Mi of empty lines, both in linear time. */
static void
test_huge(void **state)
{
	const size_t n = (size_t)16 << 20;
	static const char filler[] = "kata yang  panjang ";
	struct article *a;
	struct warta_error err;
	char *text;
	size_t i;

	(void)state;
	assert_non_null(text = malloc(n));
	for (i = 0; i < n; i++)
		text[i] = filler[i % (sizeof(filler) - 1)];
	a = article_new(words);
	assert_int_equal(layout_paragraphs(a, text, n, &err), WARTA_OK);
	assert_int_equal(a->npara, 1);
	assert_true(strlen(a->paras[0]) < n);
	assert_memory_equal(a->paras[0], "kata yang panjang kata", 22);
	article_free(a);

	memset(text, '\n', n);
	a = article_new(words);
	assert_int_equal(layout_paragraphs(a, text, n, &err), WARTA_OK);
	assert_int_equal(a->npara, 0);
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
	assert_int_equal(a->npara, 10);
	assert_null(a->headline);
	assert_memory_equal(a->paras[0], "SEMARANG-MARITIM: Dalam upaya", 29);
	/* curly quotes kept */
	assert_memory_equal(a->paras[2], "\u201cSalah satunya,", 17);
	assert_string_equal(a->paras[9] + strlen(a->paras[9]) - 24,
	    "Heru Wibowo. (Purwanto).");
	article_free(a);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_blank_lines),
		cmocka_unit_test(test_one_per_line),
		cmocka_unit_test(test_spaces),
		cmocka_unit_test(test_hard_wrapped),
		cmocka_unit_test(test_wrapped_with_blank_lines),
		cmocka_unit_test(test_wrapped_then_long_lines),
		cmocka_unit_test(test_indented),
		cmocka_unit_test(test_indented_list_stays_lines),
		cmocka_unit_test(test_hyphens),
		cmocka_unit_test(test_boilerplate),
		cmocka_unit_test(test_boilerplate_end),
		cmocka_unit_test(test_boilerplate_in_wrapped_text),
		cmocka_unit_test(test_wrapped_boilerplate),
		cmocka_unit_test(test_page_number_in_wrapped_text),
		cmocka_unit_test(test_closing_code_one_per_line),
		cmocka_unit_test(test_title_line),
		cmocka_unit_test(test_title_punctuation),
		cmocka_unit_test(test_wrapped_sentences_at_line_ends),
		cmocka_unit_test(test_title_before_wrapped),
		cmocka_unit_test(test_no_title),
		cmocka_unit_test(test_bad_bytes),
		cmocka_unit_test(test_huge),
		cmocka_unit_test(test_seed),
	};

	return cmocka_run_group_tests(tests, make_words, free_words);
}
