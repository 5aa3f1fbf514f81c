/*
 * gen-corpus: writes a deterministic corpus of raw news articles for the
 * benchmark (tests/bench.sh).
 *
 *	gen-corpus -n COUNT -o DIR [-s SEED] [-v]
 *
 * Article i (1..COUNT) goes to DIR/DDDD/NNNNNN.txt with DDDD = i / 1000,
 * so no directory holds more than 1000 files and names sort in article
 * order.  Each article has its own PRNG state (splitmix64), a hash of the
 * seed and its number: the same seed gives the same bytes, and article i
 * is the same whatever the count.  Files are 1 to 8 KB, about 3 KB on
 * average.
 *
 * The text is made up: real Indonesian and English function words around
 * invented nouns, verbs and adjectives, in sentences shaped like wire and
 * regional news (datelines, bylines, quotes, dates whose weekday is right,
 * money, percentages, reduplications, Covid-19).  It is then laid out
 * (one paragraph per line, blank-line paragraphs, hard-wrapped at ~70
 * columns with hyphenated word breaks, indented paragraphs), given CRLF
 * line ends or HTML entities in some share, and encoded (UTF-8 with or
 * without BOM, Windows-1252, ISO-8859-1, UTF-16LE with BOM, mojibake).
 * Encodings and layouts come in fixed proportions: each block of 100
 * articles holds exactly the shares of the tables below.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/calendar.h"
#include "base/utf8.h"
#include "base/warta.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define PICK(g, a)	((a)[rng_below(&(g)->rng, NELEM(a))])

enum lang { LANG_ID, LANG_EN };

enum encoding {
	ENC_UTF8, ENC_UTF8_BOM, ENC_CP1252, ENC_LATIN1, ENC_MOJIBAKE,
	ENC_MOJIBAKE2, ENC_UTF16LE, ENC_COUNT
};

static const char *const enc_names[ENC_COUNT] = {
	"utf-8", "utf-8+bom", "windows-1252", "iso-8859-1",
	"mojibake", "mojibake-twice", "utf-16le+bom"
};

/* Percent of articles in each encoding (sums to 100). */
static const unsigned enc_share[ENC_COUNT] = { 42, 10, 22, 10, 10, 2, 4 };

enum layout {
	LAY_PERLINE, LAY_BLANK, LAY_WRAP, LAY_INDENT, LAY_COUNT
};

static const char *const lay_names[LAY_COUNT] = {
	"line-per-paragraph", "blank-line", "wrapped", "wrapped-indented"
};

static const unsigned lay_share[LAY_COUNT] = { 30, 25, 25, 20 };

#define CRLF_SHARE	20	/* percent of articles with CRLF line ends */
#define ENTITY_SHARE	10	/* percent with HTML entities */

/*
 * Text sizes in bytes of UTF-8, before layout and encoding: no article
 * under TEXT_MIN, and paragraphs stop short of the target.
 */
#define TEXT_MIN	1100
#define TEXT_SPAN	6350
#define FILE_MAX	8192	/* bytes of a file, after encoding */
#define MAX_BLOCKS	64

struct rng {
	uint64_t s;
};

enum block_kind { BLK_TITLE, BLK_BYLINE, BLK_PARA };

struct article {
	unsigned long index;
	struct rng rng;
	enum lang lang;
	enum encoding enc;
	enum layout layout;
	int crlf, entities, typo, nbsp;
	int year, month, day, wday;
	struct wbuf blocks[MAX_BLOCKS];
	enum block_kind kinds[MAX_BLOCKS];
	size_t nblocks, textlen;
};

struct options {
	unsigned long count;
	const char *dir;
	uint64_t seed;
	int verbose;
};

/* ---- the PRNG: splitmix64 ---- */

static uint64_t
mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t
rng_next(struct rng *r)
{
	r->s += 0x9e3779b97f4a7c15ULL;
	return mix64(r->s);
}

static unsigned
rng_below(struct rng *r, size_t n)
{
	return (unsigned)((rng_next(r) >> 11) % n);
}

static unsigned
rng_range(struct rng *r, unsigned lo, unsigned hi)
{
	return lo + rng_below(r, hi - lo + 1);
}

static int
rng_chance(struct rng *r, unsigned pct)
{
	return rng_below(r, 100) < pct;
}

static double
rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

/*
 * Slot 0..99 of article i on one axis: a permutation of 0..99 within each
 * block of 100, shifted from block to block so that the axes combine
 * differently in each block.
 */
static unsigned
schedule(unsigned long i, unsigned mult, unsigned shift)
{
	return (unsigned)(((i % 100) * mult + (i / 100) * shift) % 100);
}

static unsigned
from_share(unsigned slot, const unsigned *share, unsigned n)
{
	unsigned k, acc = 0;

	for (k = 0; k < n; k++) {
		acc += share[k];
		if (slot < acc)
			return k;
	}
	return n - 1;
}

/* ---- word lists ---- */

static const char *const id_nouns[] = {
	"pelantaran", "kelirangan", "tambusi", "perumbaan", "gerunda",
	"sempalan", "tarukan", "pemarisan", "lintasar", "kebandaran",
	"pesorokan", "rambaka", "panjuri", "kemalaran", "perisunan",
	"selumbar", "tanggara", "pengudaran", "keratan", "bumbira",
	"lesaran", "pangkalir", "tembusan", "perkilaan", "jerambah",
	"kasturan", "pelabang", "senggara", "ruwatan", "pematang",
	"galunggi", "kemaruk", "penyamiran", "sendaru", "tepulan",
	"wirangan", "lumbaran", "cakrinan", "pedukuhan", "semirit",
	"warga", "pemerintah", "program", "kegiatan", "masyarakat",
	"anggaran", "pembangunan", "layanan", "pasar", "sekolah",
	"jalan", "pelabuhan", "nelayan", "petani", "pegawai"
};

static const char *const id_verbs[] = {
	"melantarkan", "menggerundakan", "mengurasi", "memperlusa",
	"menimbalkan", "mengudarakan", "membandarkan", "menyorokkan",
	"dipanjurikan", "menggalirkan", "merambakan", "ditarukkan",
	"menyelumbarkan", "memarisi", "dikasturkan", "menjerambahkan",
	"menyenggarakan", "dipematangkan", "mewirangkan", "menepulkan",
	"meningkatkan", "memperbaiki", "mendukung", "membahas",
	"menyiapkan", "mengawasi", "menyalurkan", "memeriksa"
};

static const char *const id_adjs[] = {
	"lusang", "gemarin", "tandas", "lerap", "semarau", "kilar",
	"rapuan", "sigir", "lampar", "gembiru", "tawaris", "kendur",
	"baru", "besar", "penting", "terpadu", "bersih", "mandiri"
};

static const char *const id_first[] = {
	"Agus", "Budi", "Siti", "Dewi", "Heru", "Sri", "Bambang", "Rina",
	"Joko", "Wahyu", "Fitri", "Hendra", "Yuliana", "Andi", "Rudi",
	"Nur", "Made", "Ketut", "Teguh", "Lestari", "Anwar", "Ratna"
};

static const char *const id_last[] = {
	"Wibowo", "Santoso", "Rahayu", "Saputra", "Hidayat", "Kusuma",
	"Pratama", "Nugroho", "Siregar", "Nasution", "Lubis", "Wijaya",
	"Setiawan", "Handayani", "Purnomo", "Harahap", "Sembiring", "Sanusi"
};

static const char *const id_single[] = {
	"Purwanto", "Sutarjo", "Sukarni", "Mulyadi", "Suparman", "Darsono",
	"Wagiman", "Sumarni"
};

static const char *const id_offices[] = {
	"Dinas", "Badan", "Balai", "Kantor", "Lembaga", "Balai Besar"
};

static const char *const id_regions[] = {
	"Kota", "Kabupaten", "Provinsi"
};

static const char *const id_roles[] = {
	"Kepala", "Ketua", "Sekretaris", "Direktur", "Koordinator"
};

static const char *const id_cities[] = {
	"Jakarta", "Semarang", "Surabaya", "Bandung", "Medan", "Makassar",
	"Denpasar", "Yogyakarta", "Palembang", "Pontianak", "Balikpapan",
	"Manado", "Ambon", "Kupang", "Jayapura", "Padang", "Pekanbaru",
	"Banjarmasin", "Mataram", "Solo"
};

static const char *const id_provinces[] = {
	"Jawa Tengah", "Jawa Timur", "Jawa Barat", "Sumatera Utara",
	"Sulawesi Selatan", "Bali", "Kalimantan Timur",
	"Nusa Tenggara Timur", "Papua"
};

static const char *const id_papers[] = {
	"MARITIM", "SUARA", "WARTA", "PELITA", "RAKYAT", "BAHARI"
};

static const char *const id_portals[] = {
	"KOMPAS.com", "KABARNUSA.com", "WARTAKINI.com"
};

static const char *const id_desks[] = { "ant", "ant", "nan", "kmp" };

static const char *const id_months[] = {
	"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember"
};

/* Weekdays in ISO order, as base/calendar.h counts them. */
static const char *const id_wdays[] = {
	"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"
};

static const char *const en_nouns[] = {
	"trellage", "corvance", "marlet", "bristance", "pollard",
	"quintern", "fenmore", "lintel", "pennant", "rander", "tillage",
	"bellage", "cordance", "dunmore", "garnet", "jessamy", "larder",
	"norrow", "oxbow", "parsel", "sorrel", "tessel", "vellum",
	"brantle", "clevis", "drover", "ferrule", "gimble", "hawser",
	"ingot", "kirtle", "mallory", "plinder", "stover", "wickery",
	"budget", "contract", "council", "market", "harbor", "tariff",
	"school", "pipeline", "union", "court"
};

static const char *const en_verbs[] = {
	"brindle", "corvane", "dessate", "flarrow", "gantle", "hobble",
	"jostle", "kindle", "levant", "mottle", "nestle", "outpace",
	"pummel", "quell", "ravel", "tinker", "unfurl", "vouch",
	"whittle", "yield", "approve", "block", "review", "expand"
};

static const char *const en_adjs[] = {
	"brantish", "corvid", "dapple", "ferrous", "gallant", "hollow",
	"lambent", "nimble", "opaline", "pallid", "quaint", "russet",
	"sable", "tepid", "umbral", "vernal", "wistful", "modest",
	"sharp", "costly", "narrow", "uneven"
};

static const char *const en_names[] = {
	"Jane Doe", "Mark Ellison", "Sarah Whitfield", "David Okafor",
	"Emily Hart", "Michael Brennan", "Laura Chen", "James Porter",
	"Olivia Grant", "Thomas Reyes", "Hannah Cole", "Peter Lindqvist",
	"Jos\xc3\xa9 Ram\xc3\xadrez", "Andr\xc3\xa9 Dubois",
	"Chlo\xc3\xa9 Martin", "Fran\xc3\xa7ois Lef\xc3\xa8vre",
	"Zo\xc3\xab M\xc3\xbcller", "Ren\xc3\xa9\x65 Walsh",
	"S\xc3\xb8ren Holm"
};

static const char *const en_roles[] = {
	"a spokeswoman for the", "a spokesman for the", "director of the",
	"chair of the", "a senior official at the", "an analyst at the"
};

static const char *const en_cities[] = {
	"Washington", "New York", "London", "Paris", "Berlin", "Tokyo",
	"Geneva", "Brussels", "Sydney", "Ottawa", "Nairobi", "Singapore",
	"Jakarta", "Chicago", "Madrid"
};

static const char *const en_months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* Reuters dateline style. */
static const char *const en_mons[] = {
	"Jan", "Feb", "March", "April", "May", "June", "July", "Aug",
	"Sept", "Oct", "Nov", "Dec"
};

static const char *const en_wdays[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday"
};

/* ---- sentence templates ---- */

static const char *const id_leads[] = {
	"{i} {v} {n} {a} di {c}, {dt}.",
	"Sebanyak {num} warga {c} {v} {n} yang digelar {i}, {dt}.",
	"{pt} {v} {n} di {c}, {dt}. Dalam kegiatan itu, {n} {a} {v} "
	    "bersama {i}.",
	"Dalam upaya {v} {n}, {i} {v} {n} {a} di {c}, {dt}.",
	"Harga {n} di pasar tradisional {c} naik hingga {pct} persen pada "
	    "{dt}.",
	"{i} resmi {v} {n} {a} pada {dt}, setelah {n} itu {v} sejak {year}."
};

static const char *const id_body[] = {
	"{i} {v} {n} {a} di {c}.",
	"Menurut {p}, {n} {a} itu {v} {n} yang {a}.",
	"Sebanyak {num} {n} telah {v} oleh {i} sejak {year}.",
	"{i} mencatat jumlah {n} naik {pct} persen dibandingkan tahun lalu.",
	"Anggaran sebesar {rp}{money} miliar disiapkan untuk {red} di {c}.",
	"Ia menambahkan, {n} dan {n} harus {v} secara {a}.",
	"Program ini berjalan pada {range} di {small} kecamatan se-{prov}.",
	"Dalam kesempatan itu, {pt} juga {v} {n} kepada warga.",
	"Kegiatan tersebut melibatkan {i} dan PT {cap} & {cap}.",
	"Di masa pandemi Covid-19, {n} {a} tetap {v} meski dengan segala "
	    "keterbatasan.",
	"Suhu udara di {c} mencapai {deg} pada siang hari, sehingga {n} "
	    "{v} lebih awal.",
	"Sejak {date}, {i} sudah {v} {num} {n} yang {a}.",
	"Pertama, {n} harus {v}. Kedua, {n} yang {a} perlu {v} bersama {i}.",
	"{pt} menjelaskan bahwa {n} tidak akan {v} tanpa dukungan {i}.",
	"Warga berharap {red} di sekitar {c} dapat {v} sebelum akhir tahun.",
	"Hal itu disampaikan {pt} saat {v} {n} di kantor {i}.",
	"Selain itu, {n} yang {a} juga akan {v} oleh {i} pada {range}.",
	"Jarak antara {c} dan {c} sekitar {num} km, sehingga {n} {v} "
	    "dengan {n}."
};

static const char *const id_quotes[] = {
	"{q}{S}. {S},{/q} kata {p}.",
	"{q}{S},{/q} ujarnya.",
	"{q}{S}. Kami ingin {n} ini {a} dan {a},{/q} kata {pt}.",
	"{q}{S},{/q} ujar {p}.",
	"{q}{S}. {S}. {S},{/q} katanya."
};

static const char *const id_clauses[] = {
	"{n} {a} itu harus {v} oleh semua pihak",
	"kami ingin {n} di {c} menjadi lebih {a}",
	"tidak mungkin kita {v} {n} tanpa {n} yang {a}",
	"{n} ini bukan {n} biasa, tetapi {n} yang {a}",
	"semua {red} di wilayah ini akan {v} secara bertahap",
	"kami sudah {v} {n} sejak {year}",
	"{n} itu {a}, jadi kita harus {v} {n} dulu"
};

static const char *const id_titles[] = {
	"{c} {v} {n} {a}",
	"{i} {v} {n}",
	"Warga {c} {v} {red}",
	"{n} {a} di {c} {v}"
};

static const char *const en_leads[] = {
	"The {i} {vd} a {a} {n} on {dt}, officials said.",
	"{pt}, {vd} the {n} in {c} on {dt}, a move that could {v} {num} "
	    "{n}s.",
	"Prices of {n}s rose {pct} percent on {dt} as {a} {n}s {vd} "
	    "across {c}.",
	"Thousands of residents {vd} the {n} on {dt} {dash} the first such "
	    "{n} since {year}.",
	"The {i} said on {dt} it had {vd} the {n}, citing {a} {n}s."
};

static const char *const en_body[] = {
	"{pt}, said the {n} would {v} {num} {n}s by the end of the year.",
	"The {a} {n} {dash} which {vd} the {n} in {year} {dash} accounts "
	    "for about {pct} percent of all {n}s.",
	"Officials at the {i} {vd} the {n} on {wd}.",
	"The {n}s have been {vd} since {range}, according to the {i}.",
	"At a caf\xc3\xa9 in {c}, {p} said the {n} was {a}.",
	"Revenue rose {pct}% to {eur}{money} million, the {i} said.",
	"{p}, who {vd} the {n} in {year}, declined to comment.",
	"Temperatures in {c} reached {deg} on {wd}, and the {n} was {vd}.",
	"The {i}{'}s {n} has {vd} {num} {n}s since {date}.",
	"Critics said the {n} was {a} and that it would {v} the {n}.",
	"The deal between {cap} & {cap} was {vd} by the {i}.",
	"It was not clear whether the {a} {n} would {v} before the {n}s "
	    "{vd}.",
	"Under the plan, {num} {n}s will be {vd} over the next {small} "
	    "years.",
	"The {n} runs about {num} km from {c} to {c}, and the {i} has "
	    "{vd} it twice."
};

static const char *const en_quotes[] = {
	"{q}{S},{/q} {p} said.",
	"{q}{S}. {S},{/q} said {pt}.",
	"{q}{S},{/q} {p} told reporters in {c}.",
	"{p} said: {q}{S}. {S}.{/q}"
};

static const char *const en_clauses[] = {
	"the {n} is {a} and we intend to {v} it",
	"we have {vd} every {n} in {c} since {year}",
	"nobody expected the {n} to be this {a}",
	"it{'}s a {a} {n}, but we will {v} it",
	"the {n}s will {v} the {n} by the end of the year",
	"we don{'}t {v} {n}s, we {v} them"
};

static const char *const en_titles[] = {
	"{c} {v}s {a} {n} Plan",
	"{i} to {v} {n}s",
	"{a} {n} Rules {vd} in {c}"
};

/* ---- text helpers ---- */

static int
put(struct wbuf *b, const char *s)
{
	return wbuf_puts(b, s);
}

static int
putf(struct wbuf *b, const char *fmt, unsigned long v)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), fmt, v);
	return wbuf_puts(b, tmp);
}

static int
put_upper(struct wbuf *b, const char *s)
{
	for (; *s != '\0'; s++)
		if (wbuf_putc(b, *s >= 'a' && *s <= 'z' ? *s - 32 : *s) !=
		    WARTA_OK)
			return WARTA_FAILED;
	return WARTA_OK;
}

static int
put_cap(struct wbuf *b, const char *s)
{
	if (*s >= 'a' && *s <= 'z') {
		if (wbuf_putc(b, *s - 32) != WARTA_OK)
			return WARTA_FAILED;
		s++;
	}
	return wbuf_puts(b, s);
}

/* An integer with the language's thousands separator. */
static int
put_num(struct article *a, struct wbuf *b, unsigned long v)
{
	char tmp[32];
	size_t n, k;

	n = (size_t)snprintf(tmp, sizeof(tmp), "%lu", v);
	for (k = 0; k < n; k++) {
		if (k > 0 && (n - k) % 3 == 0 &&
		    wbuf_putc(b, a->lang == LANG_ID ? '.' : ',') != WARTA_OK)
			return WARTA_FAILED;
		if (wbuf_putc(b, tmp[k]) != WARTA_OK)
			return WARTA_FAILED;
	}
	return WARTA_OK;
}

/* A number with one decimal and the language's decimal mark. */
static int
put_dec(struct article *a, struct wbuf *b, unsigned lo, unsigned hi)
{
	unsigned v = rng_range(&a->rng, lo * 10, hi * 10);
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%u%c%u", v / 10,
	    a->lang == LANG_ID ? ',' : '.', v % 10);
	return wbuf_puts(b, tmp);
}

static int
put_person(struct article *a, struct wbuf *b)
{
	if (a->lang == LANG_EN)
		return put(b, PICK(a, en_names));
	if (rng_chance(&a->rng, 25))
		return put(b, PICK(a, id_single));
	if (put(b, PICK(a, id_first)) != WARTA_OK || put(b, " ") != WARTA_OK)
		return WARTA_FAILED;
	return put(b, PICK(a, id_last));
}

/* An institution; Indonesian ones sometimes carry their acronym. */
static int
put_institution(struct article *a, struct wbuf *b)
{
	struct wbuf name = WBUF_INIT;
	const char *p;
	int rc = WARTA_FAILED;

	if (a->lang == LANG_ID) {
		if (put(&name, PICK(a, id_offices)) != WARTA_OK ||
		    put(&name, " ") != WARTA_OK ||
		    put_cap(&name, PICK(a, id_nouns)) != WARTA_OK ||
		    put(&name, " ") != WARTA_OK ||
		    put(&name, PICK(a, id_regions)) != WARTA_OK ||
		    put(&name, " ") != WARTA_OK ||
		    put(&name, PICK(a, id_cities)) != WARTA_OK)
			goto out;
		if (put(b, name.data) != WARTA_OK)
			goto out;
		if (rng_chance(&a->rng, 30)) {
			if (put(b, " (") != WARTA_OK)
				goto out;
			for (p = name.data; *p != '\0'; p++)
				if ((p == name.data || p[-1] == ' ') &&
				    wbuf_putc(b, *p) != WARTA_OK)
					goto out;
			if (put(b, ")") != WARTA_OK)
				goto out;
		}
		rc = WARTA_OK;
		goto out;
	}
	switch (rng_below(&a->rng, 6)) {
	case 0:
		rc = put(b, PICK(a, en_cities)) == WARTA_OK &&
		    put(b, " ") == WARTA_OK &&
		    put_cap(b, PICK(a, en_nouns)) == WARTA_OK &&
		    put(b, " Authority") == WARTA_OK ? WARTA_OK : WARTA_FAILED;
		break;
	case 1:
		rc = put(b, "Department of ") == WARTA_OK &&
		    put_cap(b, PICK(a, en_nouns)) == WARTA_OK ?
		    WARTA_OK : WARTA_FAILED;
		break;
	case 2:
		rc = put_cap(b, PICK(a, en_nouns)) == WARTA_OK &&
		    put(b, " Council") == WARTA_OK ? WARTA_OK : WARTA_FAILED;
		break;
	case 3:
		rc = put(b, "National ") == WARTA_OK &&
		    put_cap(b, PICK(a, en_nouns)) == WARTA_OK &&
		    put(b, " Board") == WARTA_OK ? WARTA_OK : WARTA_FAILED;
		break;
	case 4:
		rc = put(b, "Soci\xc3\xa9t\xc3\xa9 ") == WARTA_OK &&
		    put_cap(b, PICK(a, en_nouns)) == WARTA_OK ?
		    WARTA_OK : WARTA_FAILED;
		break;
	default:
		rc = put(b, "Ministry of ") == WARTA_OK &&
		    put_cap(b, PICK(a, en_nouns)) == WARTA_OK ?
		    WARTA_OK : WARTA_FAILED;
		break;
	}
out:
	wbuf_release(&name);
	return rc;
}

/* The article's own date, as the text states it. */
static int
put_article_date(struct article *a, struct wbuf *b)
{
	char tmp[64];

	if (a->lang == LANG_ID) {
		if (rng_chance(&a->rng, 75))
			snprintf(tmp, sizeof(tmp), "%s (%d/%d/%d)",
			    id_wdays[a->wday], a->day, a->month, a->year);
		else
			snprintf(tmp, sizeof(tmp), "%s, %d %s %d",
			    id_wdays[a->wday], a->day, id_months[a->month - 1],
			    a->year);
	} else {
		if (rng_chance(&a->rng, 70))
			snprintf(tmp, sizeof(tmp), "%s, %s %d, %d",
			    en_wdays[a->wday], en_months[a->month - 1], a->day,
			    a->year);
		else
			snprintf(tmp, sizeof(tmp), "%s %d, %d",
			    en_months[a->month - 1], a->day, a->year);
	}
	return put(b, tmp);
}

/* An earlier date, without a weekday. */
static int
put_past_date(struct article *a, struct wbuf *b)
{
	char tmp[64];
	int y = a->year - (int)rng_range(&a->rng, 1, 8);
	int m = (int)rng_range(&a->rng, 1, 12);
	int d = (int)rng_range(&a->rng, 1, (unsigned)cal_days_in_month(y, m));

	if (a->lang == LANG_ID)
		snprintf(tmp, sizeof(tmp), "%d %s %d", d, id_months[m - 1], y);
	else
		snprintf(tmp, sizeof(tmp), "%s %d, %d", en_months[m - 1], d, y);
	return put(b, tmp);
}

static int expand(struct article *, struct wbuf *, const char *);

static int
put_verb_past(struct article *a, struct wbuf *b)
{
	const char *v = PICK(a, en_verbs);
	size_t n = strlen(v);

	if (put(b, v) != WARTA_OK)
		return WARTA_FAILED;
	return put(b, v[n - 1] == 'e' ? "d" : "ed");
}

static int
slot(struct article *a, struct wbuf *b, const char *name, size_t len)
{
	struct rng *r = &a->rng;
	const int id = a->lang == LANG_ID;

#define IS(s)	(len == sizeof(s) - 1 && memcmp(name, s, len) == 0)
	if (IS("n"))
		return put(b, id ? PICK(a, id_nouns) : PICK(a, en_nouns));
	if (IS("v"))
		return put(b, id ? PICK(a, id_verbs) : PICK(a, en_verbs));
	if (IS("vd"))
		return put_verb_past(a, b);
	if (IS("a"))
		return put(b, id ? PICK(a, id_adjs) : PICK(a, en_adjs));
	if (IS("cap"))
		return put_cap(b, id ? PICK(a, id_nouns) : PICK(a, en_nouns));
	if (IS("red")) {
		const char *n = PICK(a, id_nouns);

		return put(b, n) == WARTA_OK && put(b, "-") == WARTA_OK &&
		    put(b, n) == WARTA_OK ? WARTA_OK : WARTA_FAILED;
	}
	if (IS("p"))
		return put_person(a, b);
	if (IS("pt")) {
		if (id)
			return put(b, PICK(a, id_roles)) == WARTA_OK &&
			    put(b, " ") == WARTA_OK &&
			    put_institution(a, b) == WARTA_OK &&
			    put(b, " ") == WARTA_OK &&
			    put_person(a, b) == WARTA_OK ?
			    WARTA_OK : WARTA_FAILED;
		return put_person(a, b) == WARTA_OK &&
		    put(b, ", ") == WARTA_OK &&
		    put(b, PICK(a, en_roles)) == WARTA_OK &&
		    put(b, " ") == WARTA_OK &&
		    put_institution(a, b) == WARTA_OK ?
		    WARTA_OK : WARTA_FAILED;
	}
	if (IS("i"))
		return put_institution(a, b);
	if (IS("c"))
		return put(b, id ? PICK(a, id_cities) : PICK(a, en_cities));
	if (IS("prov"))
		return put(b, PICK(a, id_provinces));
	if (IS("num"))
		return put_num(a, b, rng_range(r, 2, 9999));
	if (IS("small"))
		return putf(b, "%lu", rng_range(r, 2, 40));
	if (IS("pct") || IS("money"))
		return put_dec(a, b, 1, IS("pct") ? 60 : 950);
	if (IS("year"))
		return putf(b, "%lu",
		    (unsigned long)a->year - rng_range(r, 1, 12));
	if (IS("range")) {
		unsigned long y = (unsigned long)a->year - rng_range(r, 2, 9);

		return putf(b, "%lu", y) == WARTA_OK &&
		    put(b, a->typo ? "\xe2\x80\x93" : "-") == WARTA_OK &&
		    putf(b, "%lu", y + rng_range(r, 1, 4)) == WARTA_OK ?
		    WARTA_OK : WARTA_FAILED;
	}
	if (IS("dt"))
		return put_article_date(a, b);
	if (IS("wd"))
		return put(b, id ? id_wdays[a->wday] : en_wdays[a->wday]);
	if (IS("date"))
		return put_past_date(a, b);
	if (IS("deg"))
		return putf(b, "%lu\xc2\xb0" "C", rng_range(r, 18, 38));
	if (IS("rp"))
		return put(b, a->nbsp ? "Rp\xc2\xa0" : "Rp ");
	if (IS("eur"))
		return put(b, "\xe2\x82\xac");
	if (IS("q"))
		return put(b, a->typo ? "\xe2\x80\x9c" : "\"");
	if (IS("/q"))
		return put(b, a->typo ? "\xe2\x80\x9d" : "\"");
	if (IS("'"))
		return put(b, a->typo ? "\xe2\x80\x99" : "'");
	if (IS("dash"))
		return put(b, a->typo ? "\xe2\x80\x94" : "--");
	if (IS("S")) {
		struct wbuf c = WBUF_INIT;
		int rc;

		rc = expand(a, &c, id ? PICK(a, id_clauses) :
		    PICK(a, en_clauses));
		/* a clause opens the quote: capitalize it */
		if (rc == WARTA_OK)
			rc = put_cap(b, c.data);
		wbuf_release(&c);
		return rc;
	}
#undef IS
	return put(b, "?");
}

static int
expand(struct article *a, struct wbuf *b, const char *tpl)
{
	const char *p, *e;

	for (p = tpl; *p != '\0'; p++) {
		if (*p != '{' || (e = strchr(p, '}')) == NULL) {
			if (wbuf_putc(b, *p) != WARTA_OK)
				return WARTA_FAILED;
			continue;
		}
		if (slot(a, b, p + 1, (size_t)(e - p - 1)) != WARTA_OK)
			return WARTA_FAILED;
		p = e;
	}
	return WARTA_OK;
}

/* Expands a sentence and capitalizes its first letter. */
static int
sentence(struct article *a, struct wbuf *b, const char *tpl)
{
	size_t start = b->len, k;

	if (expand(a, b, tpl) != WARTA_OK)
		return WARTA_FAILED;
	for (k = start; k < b->len; k++) {
		unsigned char c = (unsigned char)b->data[k];

		if (c >= 'a' && c <= 'z')
			b->data[k] = (char)(c - 32);
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9'))
			break;
	}
	return WARTA_OK;
}

static int
title_case(struct wbuf *b)
{
	size_t k;

	for (k = 0; k < b->len; k++)
		if ((k == 0 || b->data[k - 1] == ' ') &&
		    b->data[k] >= 'a' && b->data[k] <= 'z')
			b->data[k] = (char)(b->data[k] - 32);
	return WARTA_OK;
}

/* ---- the article ---- */

static struct wbuf *
new_block(struct article *a, enum block_kind kind)
{
	struct wbuf *b;

	if (a->nblocks == MAX_BLOCKS)
		return NULL;
	b = &a->blocks[a->nblocks];
	wbuf_reset(b);
	a->kinds[a->nblocks++] = kind;
	return b;
}

static int
put_dateline(struct article *a, struct wbuf *b)
{
	const char *city;

	if (a->lang == LANG_ID) {
		city = PICK(a, id_cities);
		switch (rng_below(&a->rng, 10)) {
		case 0: case 1: case 2:
			return put_upper(b, city) == WARTA_OK &&
			    put(b, "-") == WARTA_OK &&
			    put(b, PICK(a, id_papers)) == WARTA_OK &&
			    put(b, ": ") == WARTA_OK ? WARTA_OK : WARTA_FAILED;
		case 3: case 4: case 5:
			return put_upper(b, city) == WARTA_OK &&
			    put(b, ", ") == WARTA_OK &&
			    put(b, PICK(a, id_portals)) == WARTA_OK &&
			    put(b, " - ") == WARTA_OK ? WARTA_OK : WARTA_FAILED;
		case 6: case 7: case 8:
			return put(b, city) == WARTA_OK &&
			    put(b, " (ANTARA) - ") == WARTA_OK ?
			    WARTA_OK : WARTA_FAILED;
		default:
			return WARTA_OK;	/* none */
		}
	}
	city = PICK(a, en_cities);
	switch (rng_below(&a->rng, 10)) {
	case 0: case 1: case 2: case 3:
		return put_upper(b, city) == WARTA_OK &&
		    put(b, " (AP) \xe2\x80\x94 ") == WARTA_OK ?
		    WARTA_OK : WARTA_FAILED;
	case 4: case 5: case 6: case 7: case 8: {
		char tmp[32];

		snprintf(tmp, sizeof(tmp), ", %s %d (Reuters) - ",
		    en_mons[a->month - 1], a->day);
		return put_upper(b, city) == WARTA_OK &&
		    put(b, tmp) == WARTA_OK ? WARTA_OK : WARTA_FAILED;
	}
	default:
		return WARTA_OK;
	}
}

/* One paragraph of 1 to 3 sentences (a quote counts as one). */
static int
paragraph(struct article *a, struct wbuf *b, int quote)
{
	unsigned k, n;
	const int id = a->lang == LANG_ID;

	if (quote)
		return sentence(a, b, id ? PICK(a, id_quotes) :
		    PICK(a, en_quotes));
	n = rng_range(&a->rng, 1, 3);
	for (k = 0; k < n; k++) {
		if (k > 0 && put(b, " ") != WARTA_OK)
			return WARTA_FAILED;
		if (sentence(a, b, id ? PICK(a, id_body) :
		    PICK(a, en_body)) != WARTA_OK)
			return WARTA_FAILED;
	}
	return WARTA_OK;
}

static int
compose(struct article *a, size_t target, size_t least)
{
	struct wbuf *b, para = WBUF_INIT;
	const int id = a->lang == LANG_ID;
	size_t len = 0, nparas = 0, k;
	int rc = WARTA_FAILED, aside = 0;

	if (rng_chance(&a->rng, 25)) {
		if ((b = new_block(a, BLK_TITLE)) == NULL ||
		    expand(a, b, id ? PICK(a, id_titles) :
		    PICK(a, en_titles)) != WARTA_OK)
			goto out;
		title_case(b);
		len += b->len + 2;
	}
	if (!id && rng_chance(&a->rng, 50)) {
		if ((b = new_block(a, BLK_BYLINE)) == NULL ||
		    put(b, "By ") != WARTA_OK ||
		    put_person(a, b) != WARTA_OK)
			goto out;
		len += b->len + 2;
	}
	if ((b = new_block(a, BLK_PARA)) == NULL ||
	    put_dateline(a, b) != WARTA_OK ||
	    sentence(a, b, id ? PICK(a, id_leads) : PICK(a, en_leads)) !=
	    WARTA_OK)
		goto out;
	len += b->len + 2;
	nparas = 1;
	for (;;) {
		wbuf_reset(&para);
		if (id && !aside && nparas >= 3 && rng_chance(&a->rng, 4)) {
			/* a line that is not the article */
			aside = 1;
			if (expand(a, &para, PICK(a, id_titles)) != WARTA_OK)
				goto out;
			title_case(&para);
			if (wbuf_reserve(&para, 11) != WARTA_OK)
				goto out;
			memmove(para.data + 11, para.data, para.len + 1);
			memcpy(para.data, "Baca juga: ", 11);
			para.len += 11;
		} else if (paragraph(a, &para, nparas % 3 == 1) != WARTA_OK)
			goto out;
		if ((len + para.len + 2 > target && len >= least) ||
		    a->nblocks == MAX_BLOCKS - 1)
			break;
		if ((b = new_block(a, BLK_PARA)) == NULL ||
		    wbuf_append(b, para.data, para.len) != WARTA_OK)
			goto out;
		len += para.len + 2;
		nparas++;
	}
	/* the byline or desk code closes the last paragraph */
	b = &a->blocks[a->nblocks - 1];
	if (id) {
		k = rng_below(&a->rng, 10);
		if (k < 5) {
			if (put(b, " (") != WARTA_OK ||
			    put_person(a, b) != WARTA_OK ||
			    put(b, ").") != WARTA_OK)
				goto out;
		} else if (k < 8) {
			if (put(b, " (") != WARTA_OK ||
			    put(b, PICK(a, id_desks)) != WARTA_OK ||
			    put(b, "/") != WARTA_OK)
				goto out;
			for (k = 0; k < 3; k++)
				if (wbuf_putc(b, 'a' + (int)rng_below(&a->rng,
				    26)) != WARTA_OK)
					goto out;
			if (put(b, ")") != WARTA_OK)
				goto out;
		}
	}
	rc = WARTA_OK;
out:
	wbuf_release(&para);
	return rc;
}

/* ---- entities, layout, line ends, encodings ---- */

struct subst {
	const char *from, *to;
};

static const struct subst entity_map[] = {
	{ "&", "&amp;" },
	{ "\xe2\x80\x9c", "&#8220;" },
	{ "\xe2\x80\x9d", "&#8221;" },
	{ "\xe2\x80\x99", "&#8217;" },
	{ "\xe2\x80\x93", "&ndash;" },
	{ "\xe2\x80\x94", "&mdash;" },
	{ "\xc3\xa9", "&eacute;" },
	{ "\xc2\xa0", "&nbsp;" },
	{ "\xe2\x82\xac", "&#x20AC;" }
};

static int
entities(struct wbuf *b)
{
	struct wbuf out = WBUF_INIT;
	size_t k, m;
	const char *s;

	for (k = 0; k < b->len; k++) {
		for (m = 0; m < NELEM(entity_map); m++) {
			s = entity_map[m].from;
			if (strncmp(b->data + k, s, strlen(s)) == 0)
				break;
		}
		if (m < NELEM(entity_map)) {
			if (put(&out, entity_map[m].to) != WARTA_OK)
				goto fail;
			k += strlen(entity_map[m].from) - 1;
		} else if (wbuf_putc(&out, b->data[k]) != WARTA_OK)
			goto fail;
	}
	wbuf_release(b);
	*b = out;
	return WARTA_OK;
fail:
	wbuf_release(&out);
	return WARTA_FAILED;
}

static size_t
cols(const char *s, size_t n)
{
	size_t k, c = 0;

	for (k = 0; k < n; k++)
		if (((unsigned char)s[k] & 0xc0) != 0x80)
			c++;
	return c;
}

static int
is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static int
is_vowel(int c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/*
 * Where a word may be broken with a hyphen so that its first part takes
 * at most avail columns: before a consonant that starts a syllable, with
 * three letters at least on each side.  0 when there is no such place.
 */
static size_t
break_point(const char *w, size_t wl, size_t avail)
{
	size_t p;

	for (p = wl - 3; p >= 3; p--) {
		if (cols(w, p) > avail)
			continue;
		if (is_lower((unsigned char)w[p - 3]) &&
		    is_lower((unsigned char)w[p - 1]) &&
		    is_lower((unsigned char)w[p]) &&
		    !is_vowel(w[p]) && is_vowel(w[p + 1]) &&
		    is_lower((unsigned char)w[p + 2]))
			return p;
	}
	return 0;
}

/*
 * Fills a paragraph to width columns, as OCR and old text exports do:
 * long words are sometimes broken with a hyphen, and an existing hyphen
 * is a place to break.
 */
static int
wrap(struct article *a, struct wbuf *out, const struct wbuf *para,
    size_t width, const char *indent)
{
	const char *w = para->data, *end = para->data + para->len, *sp, *h;
	size_t col, wl, wc, p;
	int first = 1;

	if (put(out, indent) != WARTA_OK)
		return WARTA_FAILED;
	col = cols(indent, strlen(indent)) + (*indent == '\t' ? 7 : 0);
	while (w < end) {
		if ((sp = memchr(w, ' ', (size_t)(end - w))) == NULL)
			sp = end;
		wl = (size_t)(sp - w);
		wc = cols(w, wl);
		if (first || col + 1 + wc <= width) {
			if ((!first && put(out, " ") != WARTA_OK) ||
			    wbuf_append(out, w, wl) != WARTA_OK)
				return WARTA_FAILED;
			col += (first ? 0 : 1) + wc;
			first = 0;
			w = sp + 1;
			continue;
		}
		h = memchr(w, '-', wl);
		p = 0;
		if (h != NULL && h > w && h + 1 < sp &&
		    col + 1 + cols(w, (size_t)(h - w) + 1) <= width)
			p = (size_t)(h - w) + 1;	/* kupu- / kupu */
		else if (wc >= 8 && col + 5 < width &&
		    rng_chance(&a->rng, 60) &&
		    (p = break_point(w, wl, width - col - 2)) != 0) {
			if (put(out, " ") != WARTA_OK ||
			    wbuf_append(out, w, p) != WARTA_OK ||
			    put(out, "-") != WARTA_OK)
				return WARTA_FAILED;
			w += p;
			p = 0;
			col = 0;
			first = 1;
			if (put(out, "\n") != WARTA_OK)
				return WARTA_FAILED;
			continue;
		}
		if (p > 0) {
			if (put(out, " ") != WARTA_OK ||
			    wbuf_append(out, w, p) != WARTA_OK)
				return WARTA_FAILED;
			w += p;
		}
		if (put(out, "\n") != WARTA_OK)
			return WARTA_FAILED;
		col = 0;
		first = 1;
	}
	return WARTA_OK;
}

static int
lay_out(struct article *a, struct wbuf *out)
{
	static const char *const indents[] = { "    ", "   ", "  ", "\t",
	    "     " };
	const char *indent = PICK(a, indents);
	size_t width = rng_range(&a->rng, 64, 76), k;

	for (k = 0; k < a->nblocks; k++) {
		const struct wbuf *b = &a->blocks[k];
		int wrapped = a->kinds[k] == BLK_PARA &&
		    (a->layout == LAY_WRAP || a->layout == LAY_INDENT);

		if (k > 0) {
			if (put(out, "\n") != WARTA_OK)
				return WARTA_FAILED;
			/* blank lines: between paragraphs, or after a title */
			if ((a->layout == LAY_BLANK || a->layout == LAY_WRAP ||
			    (a->kinds[k - 1] == BLK_TITLE &&
			    a->layout != LAY_PERLINE)) &&
			    put(out, "\n") != WARTA_OK)
				return WARTA_FAILED;
		}
		if (wrapped) {
			if (wrap(a, out, b, width, a->layout == LAY_INDENT ?
			    indent : "") != WARTA_OK)
				return WARTA_FAILED;
		} else if (wbuf_append(out, b->data, b->len) != WARTA_OK)
			return WARTA_FAILED;
	}
	if (rng_chance(&a->rng, 70) && put(out, "\n") != WARTA_OK)
		return WARTA_FAILED;
	return WARTA_OK;
}

static const char *
translit(uint32_t c)
{
	switch (c) {
	case 0x201c: case 0x201d: case 0x201e: return "\"";
	case 0x2018: case 0x2019: return "'";
	case 0x2013: return "-";
	case 0x2014: return "--";
	case 0x2026: return "...";
	case 0x20ac: return "EUR ";
	default: return "?";
	}
}

static int
encode_8bit(const struct wbuf *in, struct wbuf *out, int cp1252)
{
	const unsigned char *p = (const unsigned char *)in->data;
	const unsigned char *end = p + in->len;
	uint32_t c;
	int rc, b;

	while (p < end) {
		/* the generator writes only well-formed UTF-8 */
		p += utf8_decode(p, (size_t)(end - p), &c);
		if (c < 0x80 || (c >= 0xa0 && c <= 0xff))
			rc = wbuf_putc(out, (int)c);
		else if (cp1252 && (b = cp1252_from_unicode(c)) >= 0)
			rc = wbuf_putc(out, b);
		else
			rc = put(out, translit(c));
		if (rc != WARTA_OK)
			return WARTA_FAILED;
	}
	return WARTA_OK;
}

/*
 * UTF-8 bytes read as Windows-1252 and written out again as UTF-8, as a
 * misconfigured CMS does; an undefined byte becomes the C1 control of the
 * same number, as in the wild (and in Python's sloppy decoders).
 */
static int
mojibake(const struct wbuf *in, struct wbuf *out)
{
	size_t k;
	unsigned char c;
	uint32_t u;

	for (k = 0; k < in->len; k++) {
		c = (unsigned char)in->data[k];
		u = cp1252_to_unicode(c);
		if (wbuf_put_utf8(out, u) != WARTA_OK)
			return WARTA_FAILED;
	}
	return WARTA_OK;
}

static int
encode_utf16le(const struct wbuf *in, struct wbuf *out)
{
	const unsigned char *p = (const unsigned char *)in->data;
	const unsigned char *end = p + in->len;
	uint32_t c, u[2];
	unsigned k, n;

	if (put(out, "\xff\xfe") != WARTA_OK)
		return WARTA_FAILED;
	while (p < end) {
		p += utf8_decode(p, (size_t)(end - p), &c);
		n = 1;
		u[0] = c;
		if (c >= 0x10000) {
			u[0] = 0xd800 | ((c - 0x10000) >> 10);
			u[1] = 0xdc00 | ((c - 0x10000) & 0x3ff);
			n = 2;
		}
		for (k = 0; k < n; k++)
			if (wbuf_putc(out, (int)(u[k] & 0xff)) != WARTA_OK ||
			    wbuf_putc(out, (int)(u[k] >> 8)) != WARTA_OK)
				return WARTA_FAILED;
	}
	return WARTA_OK;
}

static int
encode(enum encoding enc, const struct wbuf *in, struct wbuf *out)
{
	struct wbuf tmp = WBUF_INIT;
	int rc;

	switch (enc) {
	case ENC_UTF8:
		return wbuf_append(out, in->data, in->len);
	case ENC_UTF8_BOM:
		return put(out, "\xef\xbb\xbf") == WARTA_OK &&
		    wbuf_append(out, in->data, in->len) == WARTA_OK ?
		    WARTA_OK : WARTA_FAILED;
	case ENC_CP1252:
		return encode_8bit(in, out, 1);
	case ENC_LATIN1:
		return encode_8bit(in, out, 0);
	case ENC_MOJIBAKE:
		return mojibake(in, out);
	case ENC_MOJIBAKE2:
		rc = mojibake(in, &tmp) == WARTA_OK &&
		    mojibake(&tmp, out) == WARTA_OK ? WARTA_OK : WARTA_FAILED;
		wbuf_release(&tmp);
		return rc;
	case ENC_UTF16LE:
		return encode_utf16le(in, out);
	default:
		return WARTA_FAILED;
	}
}

static int
crlf(struct wbuf *b)
{
	struct wbuf out = WBUF_INIT;
	size_t k;

	for (k = 0; k < b->len; k++)
		if ((b->data[k] == '\n' && wbuf_putc(&out, '\r') != WARTA_OK) ||
		    wbuf_putc(&out, b->data[k]) != WARTA_OK) {
			wbuf_release(&out);
			return WARTA_FAILED;
		}
	wbuf_release(b);
	*b = out;
	return WARTA_OK;
}

/* ---- one article, start to end ---- */

static void
article_setup(struct article *a, const struct options *o, unsigned long i)
{
	size_t k;

	for (k = 0; k < a->nblocks; k++)
		wbuf_reset(&a->blocks[k]);
	a->nblocks = 0;
	a->index = i;
	a->rng.s = mix64(o->seed + mix64(i ^ 0x5757a7a7ULL));
	a->enc = (enum encoding)from_share(schedule(i, 37, 0), enc_share,
	    ENC_COUNT);
	a->layout = (enum layout)from_share(schedule(i, 53, 1), lay_share,
	    LAY_COUNT);
	a->crlf = schedule(i, 71, 3) < CRLF_SHARE;
	a->entities = schedule(i, 91, 7) < ENTITY_SHARE;
	a->lang = rng_chance(&a->rng, 60) ? LANG_ID : LANG_EN;
	/* mojibake shows only where there is something to garble */
	a->typo = a->enc == ENC_MOJIBAKE || a->enc == ENC_MOJIBAKE2 ||
	    a->entities || rng_chance(&a->rng, 80);
	a->nbsp = a->entities || rng_chance(&a->rng, 20);
	a->year = (int)rng_range(&a->rng, 1995, 2024);
	a->month = (int)rng_range(&a->rng, 1, 12);
	a->day = (int)rng_range(&a->rng, 1,
	    (unsigned)cal_days_in_month(a->year, a->month));
	a->wday = cal_weekday(a->year, a->month, a->day);
}

static int
article_make(struct article *a, struct wbuf *text, struct wbuf *out)
{
	struct rng saved;
	double x;
	size_t target, least = TEXT_MIN, shrink = 0, k;

	/* skewed toward short articles: mean near 3 KB, 1 to 8 KB */
	x = rng_unit(&a->rng);
	x = rng_chance(&a->rng, 50) ? x * x : x * x * x;
	target = TEXT_MIN + (size_t)(TEXT_SPAN * x);
	if (a->enc == ENC_UTF16LE) {
		target /= 2;
		least /= 2;
	}
	/*
	 * Mojibake, entities and CRLF make the file larger than its text:
	 * when it passes FILE_MAX, the same article is made again from the
	 * same state with a smaller target, so it only loses its end.
	 */
	saved = a->rng;
	for (;;) {
		a->rng = saved;
		a->nblocks = 0;
		if (compose(a, target - shrink, least) != WARTA_OK)
			return WARTA_FAILED;
		if (a->entities)
			for (k = 0; k < a->nblocks; k++)
				if (entities(&a->blocks[k]) != WARTA_OK)
					return WARTA_FAILED;
		wbuf_reset(text);
		wbuf_reset(out);
		if (lay_out(a, text) != WARTA_OK ||
		    (a->crlf && crlf(text) != WARTA_OK) ||
		    encode(a->enc, text, out) != WARTA_OK)
			return WARTA_FAILED;
		if (out->len <= FILE_MAX || target - shrink <= least)
			return WARTA_OK;
		shrink += out->len - FILE_MAX + 128;
		if (shrink > target - least)
			shrink = target - least;
	}
}

static int
make_dir(const char *path)
{
	if (mkdir(path, 0777) == 0 || errno == EEXIST)
		return 0;
	return -1;
}

static int
write_file(const char *path, const struct wbuf *b)
{
	FILE *f;

	if ((f = fopen(path, "wb")) == NULL)
		return -1;
	if ((b->len > 0 && fwrite(b->data, 1, b->len, f) != b->len) ||
	    ferror(f)) {
		fclose(f);
		return -1;
	}
	return fclose(f);
}

static int
digits(unsigned long v)
{
	int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/* v in decimal, zero-padded to width digits (at most 20). */
static const char *
padded(char *tmp, unsigned long v, int width)
{
	int n = digits(v);

	memset(tmp, '0', 24);
	snprintf(tmp + (n < width ? width - n : 0), 24, "%lu", v);
	return tmp;
}

static void
usage(void)
{
	fprintf(stderr, "usage: gen-corpus -n count -o dir [-s seed] [-v]\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "count", required_argument, NULL, 'n' },
		{ "output", required_argument, NULL, 'o' },
		{ "seed", required_argument, NULL, 's' },
		{ "verbose", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 }
	};
	struct options o = { 0, NULL, 1, 0 };
	struct article *a;
	struct wbuf text = WBUF_INIT, out = WBUF_INIT;
	unsigned long i, enc_count[ENC_COUNT] = { 0 };
	unsigned long lay_count[LAY_COUNT] = { 0 }, lang_count[2] = { 0 };
	unsigned long ncrlf = 0, nent = 0;
	unsigned long long total = 0;
	size_t min = (size_t)-1, max = 0, k;
	char *end, *path = NULL, dname[48], fname[48];
	size_t pathsz;
	int c, fw, dw, status = 1;

	while ((c = getopt_long(argc, argv, "n:o:s:v", longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			errno = 0;
			o.count = strtoul(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || *optarg == '\0' ||
			    *optarg == '-' || o.count == 0)
				usage();
			break;
		case 'o':
			o.dir = optarg;
			break;
		case 's':
			errno = 0;
			o.seed = strtoull(optarg, &end, 0);
			if (errno != 0 || *end != '\0' || *optarg == '\0')
				usage();
			break;
		case 'v':
			o.verbose = 1;
			break;
		default:
			usage();
		}
	}
	if (optind != argc || o.count == 0 || o.dir == NULL)
		usage();

	fw = digits(o.count) > 6 ? digits(o.count) : 6;
	dw = fw - 3 > 4 ? fw - 3 : 4;
	if ((a = calloc(1, sizeof(*a))) == NULL ||
	    (path = malloc(pathsz = strlen(o.dir) + 64)) == NULL) {
		fprintf(stderr, "gen-corpus: out of memory\n");
		goto out;
	}
	if (make_dir(o.dir) != 0) {
		fprintf(stderr, "gen-corpus: %s: %s\n", o.dir, strerror(errno));
		goto out;
	}
	for (i = 1; i <= o.count; i++) {
		if (i == 1 || i % 1000 == 0) {
			snprintf(path, pathsz, "%s/%s", o.dir,
			    padded(dname, i / 1000, dw));
			if (make_dir(path) != 0) {
				fprintf(stderr, "gen-corpus: %s: %s\n", path,
				    strerror(errno));
				goto out;
			}
		}
		article_setup(a, &o, i);
		if (article_make(a, &text, &out) != WARTA_OK) {
			fprintf(stderr, "gen-corpus: out of memory\n");
			goto out;
		}
		snprintf(path, pathsz, "%s/%s/%s.txt", o.dir,
		    padded(dname, i / 1000, dw), padded(fname, i, fw));
		if (write_file(path, &out) != 0) {
			fprintf(stderr, "gen-corpus: %s: %s\n", path,
			    strerror(errno));
			goto out;
		}
		total += out.len;
		if (out.len < min)
			min = out.len;
		if (out.len > max)
			max = out.len;
		enc_count[a->enc]++;
		lay_count[a->layout]++;
		lang_count[a->lang]++;
		ncrlf += (unsigned long)a->crlf;
		nent += (unsigned long)a->entities;
	}
	fprintf(stderr, "gen-corpus: %lu articles, %llu bytes (%zu to %zu, "
	    "mean %llu) in %s\n", o.count, total, min, max,
	    total / o.count, o.dir);
	if (o.verbose) {
		for (k = 0; k < ENC_COUNT; k++)
			fprintf(stderr, "  %-20s %lu\n", enc_names[k],
			    enc_count[k]);
		for (k = 0; k < LAY_COUNT; k++)
			fprintf(stderr, "  %-20s %lu\n", lay_names[k],
			    lay_count[k]);
		fprintf(stderr, "  %-20s %lu\n  %-20s %lu\n", "crlf", ncrlf,
		    "entities", nent);
		fprintf(stderr, "  %-20s %lu\n  %-20s %lu\n", "indonesian",
		    lang_count[LANG_ID], "english", lang_count[LANG_EN]);
	}
	status = 0;
out:
	if (a != NULL)
		for (k = 0; k < MAX_BLOCKS; k++)
			wbuf_release(&a->blocks[k]);
	free(a);
	free(path);
	wbuf_release(&text);
	wbuf_release(&out);
	return status;
}
