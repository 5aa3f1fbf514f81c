/*
 * test_orgs.c: the organizations formats/article/orgs.c finds in a text
 * (issue 11): each class of name with a case it must read and one it
 * must leave alone.
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

/* The organizations of text, in lang, into x. */
static void
orgs_of(const char *text, const char *lang, struct extraction *x)
{
	struct warta_error err;

	if (extract_text(lex, text, strlen(text), lang, NULL, NULL, x,
	    &err) != WARTA_OK)
		fail_msg("extract_text: %s", err.message);
}

/* Asserts that the organizations of x are the ones given, in order. */
static void
assert_orgs(const struct extraction *x, ...)
{
	va_list ap;
	const char *s;
	size_t n = 0, i;

	va_start(ap, x);
	while ((s = va_arg(ap, const char *)) != NULL) {
		if (n >= x->norgs || strcmp(x->orgs[n], s) != 0) {
			for (i = 0; i < x->norgs; i++)
				print_message("org: %s\n", x->orgs[i]);
			fail_msg("organization %zu is not '%s'", n, s);
		}
		n++;
	}
	va_end(ap);
	if (x->norgs != n) {
		for (i = 0; i < x->norgs; i++)
			print_message("org: %s\n", x->orgs[i]);
		fail_msg("%zu organizations, not %zu", x->norgs, n);
	}
}

static void
check(const char *text, const char *lang, ...)
{
	struct extraction x;
	va_list ap;
	const char *s;
	size_t n = 0, i;

	orgs_of(text, lang, &x);
	va_start(ap, lang);
	while ((s = va_arg(ap, const char *)) != NULL) {
		if (n >= x.norgs || strcmp(x.orgs[n], s) != 0) {
			for (i = 0; i < x.norgs; i++)
				print_message("org: %s\n", x.orgs[i]);
			fail_msg("%s: organization %zu is not '%s'", text, n,
			    s);
		}
		n++;
	}
	va_end(ap);
	if (x.norgs != n) {
		for (i = 0; i < x.norgs; i++)
			print_message("org: %s\n", x.orgs[i]);
		fail_msg("%s: %zu organizations, not %zu", text, x.norgs, n);
	}
	extraction_free(&x);
}

/* A web site cited as a source is an organization, as written, once. */
static void
test_websites(void **state)
{
	struct extraction x;

	(void)state;
	check("Seperti dilansir dari kompas.com (28/10/2015), lele aman. "
	    "Bitungnews.com mencoba menghubungi, kata sumber bitungnews.com.\n",
	    "id", "kompas.com", "Bitungnews.com", NULL);
	check("Ujarnya kepada Republika.co.id, Senin (2/11).\n", "id",
	    "Republika.co.id", NULL);
	/* the host of an address or a link, a full stop without a space,
	 * and the outlet of the dateline are no sources */
	check("Kirim ke redaksi@kompas.com atau lihat pic.twitter.com/abc. "
	    "Hari hujan.Rupanya pagar tertutup.\n", "id", NULL);
	orgs_of("Liputan6.com, Jakarta: Hujan turun di Jakarta sejak pagi "
	    "hari ini.\n", "id", &x);
	assert_orgs(&x, NULL);
	extraction_free(&x);
}

/* Social platforms in the case web copy writes them; well-known bodies
 * and outlets as data. */
static void
test_known_data(void **state)
{
	(void)state;
	check("Video itu beredar di laman youtube dan instagram.\n", "id",
	    "YouTube", "Instagram", NULL);
	check("Aturan di Masjid Istiqlal jelas, kata Nahdlatul Ulama dan "
	    "Muhammadiyah kepada The Verge.\n", "id", "Masjid Istiqlal",
	    "Nahdlatul Ulama (NU)", "Muhammadiyah", "The Verge", NULL);
	/* a telegram is a message, not the platform */
	check("Ia mengirim telegram kepada ayahnya.\n", "id", NULL);
}

/* A name goes on over a comma list inside it; a list of organizations
 * stays a list. */
static void
test_name_lists(void **state)
{
	(void)state;
	check("Badan Meteorologi, Klimatologi, dan Geofisika mencatat hujan "
	    "lebat.\n", "id", "Badan Meteorologi, Klimatologi, dan Geofisika",
	    NULL);
	check("The Ministry of Land, Infrastructure, Transport and Tourism "
	    "said it had 14 reports.\n", "en",
	    "Ministry of Land, Infrastructure, Transport and Tourism", NULL);
	check("Dinas Kesehatan Kota Semarang, Dinas Pendidikan Kota Semarang, "
	    "dan Dinas Sosial Kota Semarang hadir.\n", "id",
	    "Dinas Kesehatan Kota Semarang", "Dinas Pendidikan Kota Semarang",
	    "Dinas Sosial Kota Semarang", NULL);
	check("BMKG, BNPB dan Polri siaga.\n", "id",
	    "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)",
	    "Badan Nasional Penanggulangan Bencana (BNPB)",
	    "Kepolisian Negara Republik Indonesia (Polri)", NULL);
}

/* An English name from its head word takes the words before it that are
 * its own, and goes on over "of" and "on"; from its tail, over "and" and
 * a possessive, not over "of" or a number. */
static void
test_english_names(void **state)
{
	(void)state;
	check("The Texas Commission on Environmental Quality said air was "
	    "safe.\n", "en", "Texas Commission on Environmental Quality",
	    NULL);
	check("The National Association of Pension Funds said it would "
	    "help.\n", "en", "National Association of Pension Funds", NULL);
	check("The Bangladesh Garment Manufacturers and Exporters Association "
	    "said buyers owed money.\n", "en",
	    "Bangladesh Garment Manufacturers and Exporters Association",
	    NULL);
	check("Moody's Investors Service Inc rates the notes A-2 and "
	    "Standard and Poor's Corp rates them A.\n", "en",
	    "Moody's Investors Service Inc", "Standard and Poor's Corp", NULL);
	check("Brandt, chief dealer at Harrison Trust Co. in New York, "
	    "agreed.\n", "en", "Harrison Trust Co", NULL);
	check("Shares of Acme Corp rose.\n", "en", "Acme Corp", NULL);
	check("Schools in the Deer Park Independent School District kept "
	    "students inside.\n", "en", "Deer Park Independent School District",
	    NULL);
}

/* An acronym inside a name is dropped and the name goes on with the
 * region of the office or the name the body bears; a kind of body is no
 * organization. */
static void
test_acronym_inside(void **state)
{
	(void)state;
	check("Kepala Satuan Polisi Pamong Praja (Satpol PP) Kota Surabaya, "
	    "Irvan Widyanto, hadir. Razia Satpol PP itu selesai.\n", "id",
	    "Satuan Polisi Pamong Praja Kota Surabaya "
	    "(Satpol PP Kota Surabaya)", NULL);
	check("Dokter Rumah Sakit Umum Daerah (RSUD) Abdul Wahab Sjahranie "
	    "tersebut mengatakan hal itu.\n", "id",
	    "Rumah Sakit Umum Daerah Abdul Wahab Sjahranie "
	    "(RSUD Abdul Wahab Sjahranie)", NULL);
	check("Pengalihan arus dilakukan karena PT Kereta Api Indonesia (KAI) "
	    "membangun jalur.\n", "id", "PT Kereta Api Indonesia (KAI)", NULL);
	/* the kind of body, a facility of another body */
	check("Razia digelar setelah murid Sekolah Dasar (SD) pusing.\n", "id",
	    NULL);
	check("Kerusuhan terjadi di Rumah Tahanan (Rutan) Mako Brimob kemarin."
	    "\n", "id", "Korps Brigade Mobil (Brimob)", NULL);
	/* a title is no part of the name */
	check("Kepala Badan Pusat Statistik (BPS) Suhariyanto hadir.\n", "id",
	    "Badan Pusat Statistik (BPS)", NULL);
}

/* A sub-unit in a job title, or a numbered one, counts as its parent. */
static void
test_sub_units(void **state)
{
	(void)state;
	check("Menurut Kepala Biro Penerangan Masyarakat Divisi Humas Polri "
	    "Brigjen Rikwanto, kerusuhan terjadi sore.\n", "id",
	    "Kepolisian Negara Republik Indonesia (Polri)", NULL);
	check("Meutya Hafid, Anggota Komisi I DPR RI, menolak. Anggota DPR "
	    "Komisi IX hadir.\n", "id", "Dewan Perwakilan Rakyat (DPR RI)",
	    NULL);
	/* the subject of a body is no parent */
	check("Kepala Dinas Koperasi dan UKM Kabupaten Sleman hadir.\n", "id",
	    "Dinas Koperasi dan UKM Kabupaten Sleman", NULL);
	check("Anak-anak di TK 5 Jakarta Selatan teler.\n", "id",
	    "TK 5 Jakarta Selatan", NULL);
}

/* A known organization with a region is its office there; with a country
 * in title case, its branch. */
static void
test_known_regions(void **state)
{
	(void)state;
	check("Ia menunggu uji laboratorium Badan Narkotika Nasional Kota "
	    "Surabaya.\n", "id", "Badan Narkotika Nasional Kota Surabaya",
	    NULL);
	check("Hendra ditahan di Rumah Tahanan Polres Metro Jakarta Timur.\n",
	    "id", "Kepolisian Resor Metro Jakarta Timur "
	    "(Polres Metro Jakarta Timur)", NULL);
	check("Kepala Kebijakan Publik Facebook Indonesia hadir. Data "
	    "facebook di Indonesia bocor.\n", "id", "Facebook Indonesia",
	    "Facebook", NULL);
	/* a city after a national body is where it acts */
	check("Tersangka diperiksa KPK Jakarta kemarin.\n", "id",
	    "Komisi Pemberantasan Korupsi (KPK)", NULL);
}

/* The names of one organization are one entry. */
static void
test_same_org(void **state)
{
	(void)state;
	check("Dinas Perhubungan DKI Jakarta menutup jalan. Kepala Bidang "
	    "Dinas Perhubungan DKI, Haryanto, hadir.\n", "id",
	    "Dinas Perhubungan DKI Jakarta", NULL);
	check("Nelayan berdemo di kantor Dinas Kelautan dan Perikanan, Kamis. "
	    "Kepala Dinas Kelautan dan Perikanan Kabupaten Batang, Heru "
	    "Wibowo, hadir.\n",
	    "id", "Dinas Kelautan dan Perikanan Kabupaten Batang", NULL);
	check("Surat dikirim ke Kementerian Luar Negeri RI (Kemlu). Kemenlu "
	    "menjawab.\n", "id", "Kementerian Luar Negeri RI (Kemlu)", NULL);
	check("Operasi pasar bersama Perum Bulog digelar. Stok di gudang "
	    "Bulog cukup.\n", "id", "Perum Bulog (Bulog)", NULL);
	check("Kementerian Kominfo memblokir situs itu.\n", "id",
	    "Kementerian Komunikasi dan Informatika (Kominfo)", NULL);
	check("Logo Kementerian Pendayagunaan Aparatur Negara dan Reformasi "
	    "Birokrasi (PAN-RB) tertera. Pihak Kementerian PAN-RB "
	    "menjelaskan.\n", "id", "Kementerian Pendayagunaan Aparatur "
	    "Negara dan Reformasi Birokrasi (PAN-RB)", NULL);
	/* two offices of one kind stay two */
	check("Dinas Kesehatan Kota Semarang bertemu Dinas Kesehatan Kota "
	    "Surabaya.\n", "id", "Dinas Kesehatan Kota Semarang",
	    "Dinas Kesehatan Kota Surabaya", NULL);
}

/* Known acronyms joined by a hyphen are each their own; a name's scope
 * "se-Indonesia" is part of it. */
static void
test_joined(void **state)
{
	(void)state;
	check("Aksi digelar di depan Gedung DPR-MPR. Aksi itu dijaga "
	    "TNI-Polri.\n", "id", "Dewan Perwakilan Rakyat (DPR)",
	    "Majelis Permusyawaratan Rakyat (MPR)",
	    "Tentara Nasional Indonesia (TNI)",
	    "Kepolisian Negara Republik Indonesia (Polri)", NULL);
	check("Warga Timor-Leste datang.\n", "id", NULL);
	check("Ketua Paguyuban Reog Ponorogo se-Indonesia, Begug Purnomosidi, "
	    "mengatakan hal itu.\n", "id",
	    "Paguyuban Reog Ponorogo se-Indonesia", NULL);
	check("Warga se-Jakarta datang.\n", "id", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_websites),
		cmocka_unit_test(test_known_data),
		cmocka_unit_test(test_name_lists),
		cmocka_unit_test(test_english_names),
		cmocka_unit_test(test_acronym_inside),
		cmocka_unit_test(test_sub_units),
		cmocka_unit_test(test_known_regions),
		cmocka_unit_test(test_same_org),
		cmocka_unit_test(test_joined),
	};

	return cmocka_run_group_tests(tests, make_lexicon, free_lexicon);
}
