/*
 * article/extract.h: what the text of one news item names, found by rule: people,
 * organizations, places, Media Topics, the lede, the word count and the
 * dates it gives by weekday only.
 *
 * Precision comes before recall: every find has a reason an archivist can
 * check (a title or speech verb beside a name, an acronym defined in the
 * text, a place the gazetteer knows), and the rule that made it is given
 * with it.  What the rules know is data kept with the project and compiled
 * into the library, read into a lexicon (article/lexicon.h) that the
 * caller makes once and passes to every call.
 *
 * The text is UTF-8 with paragraphs separated by blank lines, as
 * warta-text prints one item.  A short first paragraph without a full stop
 * is taken for the headline: it is left out of the summary and the word
 * count, and, since a headline capitalizes every word, people and
 * organizations are not looked for in it, nor in a sentence whose every
 * word of four letters or more is capitalized (four such words at least,
 * or two in a paragraph of three words or more that ends in a word: a
 * heading, "Awal Mula Kasus"); places are not looked for in the headline,
 * and in such a sentence count only by their own unambiguous names.
 *
 * What is found:
 *
 * people: a run of one to four capitalized words (initials like "M." may
 * stand inside) that the text never uses in lower case, is no place,
 * organization or title the data knows, and stands
 *   after a title or role, past the organization or place it is of:
 *     "Sekjen Kemnaker Anwar Sanusi", "Kepala BBPLK Semarang Heru Wibowo",
 *     "Presiden Joko Widodo", "Dr Fritz", "Kepala Dinas X Jawa Timur,
 *     Heru Tjahjono," (rule "title");
 *   after a speech verb that follows what was said ('," kata Anwar
 *     Sanusi', '," said Maria Lopez'; "dari kata Pika" is the noun) or
 *     after "menurut", "according to" (rule "speech");
 *   before a speech verb, two words at least: "Heru Wibowo mengatakan",
 *     "Maria Lopez said" (rule "speech");
 *   before a title after a comma: "Siti Sofia Sudarma, Direktur ..." (rule
 *     "title");
 *   by its form alone, two name words or more that are a whole
 *     capitalized stretch, not after "the", nor after "of" or "and" in a
 *     capitalized name, nor an item's credit ("By Peter Hall", "Editing
 *     by Chris Dunn", "Editor: Dimas Prakoso"): "Chief executive Richard
 *     Ashby told", "Jusuf Kalla menilai", "Kementerian Keuangan Sri
 *     Mulyani" after a known organization (rule "form").
 * A sentence's first word ending in -nya ("Namanya") is no name in
 * Indonesian, nor one the text writes in lower case, in either number
 * ("Volunteer Tom Garbutt said" beside "volunteers"); "'s" is no part of
 * a word ("Gordon Brown's").  A name may end before "of" ("Tomas
 * Lindqvist of Brightwater Securities") or before "and" and another name
 * ("Khairul Anam dan Jumali"); small words may stand inside it ("bin",
 * "van", "abu").
 * A name found by its form alone, or before a speech verb, is a thing's
 * or a group's, no person's, when its last word is a common noun (cues.tsv
 * "noun": "Oakhurst Land", or a word the text writes in lower case in its
 * other number: "Penwith Creamery" beside "creameries"), when it stands
 * alone in quotation marks, after a noun of a kind of group or thing
 * ("grup kesenian reog Manunggal Budoyo", "retailer Harwood Foods"),
 * after a place word when it starts with a place ("di kawasan Medan
 * Marelan"), after a role and "at" ("analyst at Kessler Stanhope"), or
 * inside an organization's name ("Commission on Environmental Quality
 * said").  Ordinal numbers are no name words ("Twelfth Night").
 * A name must end the run of capitalized words it is in, and not be what
 * a street, a mosque or a hospital is named after ("Jalan Sudirman",
 * "RSUD Dr. Moewardi").  A name already found, or any part of it
 * ("Sanusi" after "Anwar Sanusi"), or the other name given after "alias"
 * ("Joko Widodo alias Jokowi"), or a nickname the text gives ("yang akrab
 * disapa Feni"), or a slip of one letter in a name met before ("Illiza
 * Sa'aduddi" after "Illiza Sa'aduddin Djamal"), adds no one; a longer
 * form found later replaces the shorter one in place.  The byline at the end of a text
 * ("(Purwanto).") is no evidence of anything.
 *
 * orgs: each organization is one entry.  When a short name is known as
 * well (the text defines it, orgs.tsv knows it, or the text gives it in
 * parentheses) the entry is "FULL (SHORT)", and SHORT is what follows the
 * last " ("; otherwise the entry ends in no ')':
 *   "Kementerian Ketenagakerjaan (Kemnaker)"   defined in the text
 *                                              (rule "acronym")
 *   "Balai Besar Pengembangan Latihan Kerja Semarang (BBPLK Semarang)"
 *                             "... Kerja (BBPLK) Semarang" (rule "acronym")
 *   "Komisi Pemberantasan Korupsi (KPK)"       known to orgs.tsv, from "KPK"
 *                                              (rule "known")
 *   "Kepolisian Daerah Jawa Tengah (Polda Jawa Tengah)"  a regional body
 *                                              known with its place ("known")
 *   "PSIS Semarang"         an unknown acronym and a place ("acronym+place")
 *   "Dinas Perikanan dan Kelautan Provinsi Jawa Timur", "PT Astra
 *   International Tbk", "Ministry of Finance", "Acme Corp" (rule "name":
 *                            a head word like Kementerian, Badan, PT, Bank,
 *                            Universitas, Ministry, or a tail like Inc, Tbk)
 *   "kompas.com", "Republika.co.id"  a web site the text cites (rule
 *                            "site"; not the host of an e-mail address or
 *                            a link)
 * A name runs over "dan", "and", "of", "on" and a comma list inside it
 * ("Badan Meteorologi, Klimatologi, dan Geofisika", "Texas Commission on
 * Environmental Quality", "Moody's Investors Service Inc"), not into
 * another organization ("BMKG, BNPB dan Polri" are three); an acronym
 * inside one is dropped and the name goes on with its region or the name
 * it bears ("Satuan Polisi Pamong Praja (Satpol PP) Kota Surabaya",
 * "Rumah Sakit Umum Daerah (RSUD) Abdul Wahab Sjahranie"), while a kind of
 * body alone is none ("murid Sekolah Dasar (SD)"); a sub-unit in a job
 * title or numbered is its parent ("Kepala Biro ... Divisi Humas Polri",
 * "Komisi I DPR RI"); a known organization with a region after the word
 * of its kind is its office there ("Badan Narkotika Nasional Kota
 * Surabaya"), with a country after it its branch ("Facebook Indonesia").
 * Later mentions by either name ("Sekjen Kemnaker", "BBPLK Semarang"),
 * a shorter form of a name found by its words ("Dinas Perhubungan DKI"
 * after "... DKI Jakarta", kept in full), the name without its "RI", and
 * a head word before a known name ("Perum Bulog", "Kementerian Kominfo")
 * are the same entry.  A known organization a few words into a paragraph
 * and before a dash or a colon is the dateline's agency ("LONDON, March
 * 3 (Reuters) -"), the item's source and no subject, as is the outlet of
 * the dateline that opens the body.  An acronym whose expansion names no
 * organization ("Aparatur Sipil Negara (ASN)", "work from home (WFH)"),
 * and the stop list in cues.tsv (ASN, SDM, WFH, PHK, KTP, ...), never
 * give one.
 *
 * places: the places of the body text, past the headline and the
 * dateline, each once, in order; the dateline's place comes first when
 * the body names it as a place too (rule "dateline"): a story filed in
 * London is not about London, nor one filed in San Francisco about it for
 * naming the "San Francisco Municipal Transportation Agency".  A place is
 *   one the gazetteer knows (rule "gazetteer"), by its gazetteer name:
 *     Indonesian for Indonesia ("Jawa Tengah", not "Central Java";
 *     "Jakarta" for "DKI Jakarta", "Yogyakarta" for "Daerah Istimewa
 *     Yogyakarta"), English abroad ("Japan" for "Jepang");
 *   or one the words around its name make (rule "form", kind NULL): a
 *     kind of place before it, which goes ("Kecamatan Tulis" gives
 *     "Tulis"); a mountain, a sea, a valley, a county, whose word stays
 *     ("Gunung Lawu", "Laut Jawa"; after "in", "near", "the", "of" when
 *     the word ends the name: "the Irish Sea", "in Ventura County",
 *     "toward Nob Hill", not "Marcus Hill"); a compass word ("South
 *     Florida", "Surabaya Timur", whose broader places are Florida's,
 *     Surabaya's); a part of an address after a comma, before a place
 *     the gazetteer knows (", Kelapa Dua, Depok").
 * A name that is also a word ("Batu", "Medan", "Malang") counts only after
 * "di", "ke", "kota", "in", ..., in a list after another place ("Jakarta,
 * Surabaya, dan Malang") or before ", <place>" ("Solo, Jawa Tengah").  No
 * place is one inside another name: after a word that makes one ("Jalan
 * Semarang", "bahasa Inggris", "Istana Bogor", "reog Ponorogo", "tari
 * Bali", "pengobatan tradisional Cina"; "orang Jepang" names Japan) or
 * before one ("Jawa Pos"); at the end of an organization's name ("Dinas
 * Perikanan dan Kelautan Jawa Timur", "Polres Metro Jakarta Timur", "KJRI
 * Davao", "BPOM RI", "Majelis Ulama Indonesia"); at the end of a run of
 * capitalized words the text never writes in lower case ("Owen Carlisle",
 * "Kolese Kanisius Jakarta"); inside a person's name.  Nor is one that
 * modifies what follows it: a capitalized word that is no place, title,
 * date or person ("China Bristle"), or in English a word no place's name
 * is followed by ("Norway spruce", "the Dublin group"; "Norway said",
 * "in London it was", "Aichi prefecture" are places).  Each place keeps
 * the other forms the text writes it in ("Tiongkok", "Cina" for "China"),
 * three at most.
 *
 * subjects: the top-level Media Topics whose keywords (subjects.tsv) weigh
 * most per 1000 words of the text (a keyword counts three times at most,
 * or once per 100 words in a longer text, and the body is taken as 200
 * words at least), when that reaches 15 with two keywords at least and a
 * third of the best topic's; best first, three at most.  confidence is
 * 100 * score / (score + 30).
 *
 * summary: the first sentence of the first body paragraph, without its
 * dateline ("SEMARANG-MARITIM: "); "Dr.", "No.", initials and "2,5" end no
 * sentence.  A paragraph whose first sentence is no prose (no full stop
 * within 25 words, under four words, or capitals only: a blog's "Posted on
 * ... by RD", a line of links) is passed over for the next, unless none is
 * prose.  Past 300 bytes it is cut at a word and ends in "…".
 *
 * words: whitespace-separated words with a letter or digit in the body.
 *
 * dates: a weekday (Senin .. Minggu, Ahad, Monday .. Sunday) with no date
 * after it ("Senin (10/8)", "Monday, Aug. 10" have one) is the latest such
 * day on or before pub_date, or before it for "Senin lalu" / "last
 * Monday"; "Senin depan", "next Monday" and "Senin pekan ..." are left
 * alone, as are "salat Jumat" (the prayer) and "Minggu" at the start of a
 * sentence (it also means "week").
 * ISO "YYYY-MM-DD", each once, in order of mention.
 *
 * Each list is capped at EXTRACT_MAX entries.
 */
#ifndef WARTA_EXTRACT_H
#define WARTA_EXTRACT_H

#include <stddef.h>

#include "article/lexicon.h"
#include "base/warta.h"

#define EXTRACT_MAX 100

struct extract_place {
	char *name;		/* "Semarang" */
	const char *kind;	/* "city", "regency", "province", "country",
				   "capital", "island", "region", "territory";
				   NULL for a place the gazetteer does not
				   know */
	char *broader[4];	/* nearest first: "Jawa Tengah", "Indonesia" */
	size_t nbroader;
	const char *rule;	/* "dateline", "gazetteer" or "form" */
	char *written[3];	/* other forms the text writes it in:
				   "Tiongkok", "Cina" for "China" */
	size_t nwritten;
};

struct extract_subject {
	char qcode[24];		/* "medtop:09000000" */
	const char *label;	/* "labour": the en-GB label */
	int confidence;		/* 1..100 */
};

struct extraction {
	char **people;		/* "Anwar Sanusi" */
	size_t npeople;
	char **orgs;		/* see above: "Kementerian Ketenagakerjaan (Kemnaker)" */
	size_t norgs;
	struct extract_place *places;	/* the dateline's place first */
	size_t nplaces;
	struct extract_subject *subjects;	/* best first, at most 3 */
	size_t nsubjects;
	char *summary;		/* the lede sentence, NULL when none */
	size_t words;		/* words in the body */
	char **dates;		/* "2021-08-09", from a weekday alone */
	size_t ndates;

	/* Why each was found, one per entry: "title", "speech", "form"
	 * (people);
	 * "acronym", "known", "acronym+place", "name", "site" (orgs). */
	const char **people_rule;
	const char **orgs_rule;
};

/*
 * Reads text (len bytes of UTF-8) and fills x, which need not be
 * initialized; extraction_free() releases it in every case.  lang is
 * "id", "en" or NULL (both languages' cues are used either way; "en" adds
 * the few that are only safe in English, like "UN").  dateline_place (the
 * item's located/dateline, or NULL) comes first among the places when
 * the text names it.
 * pub_date ("YYYY-MM-DD..." or NULL) resolves weekdays; without it no
 * date is resolved.  lex is only read.  Fails only when memory runs out
 * or the text passes 2 GiB; x is then empty.
 */
int extract_text(const struct lexicon *lex, const char *text, size_t len,
    const char *lang, const char *dateline_place, const char *pub_date,
    struct extraction *x, struct warta_error *err);

/* Frees what x holds and empties it; x may be NULL. */
void extraction_free(struct extraction *x);

#endif
