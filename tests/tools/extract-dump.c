/*
 * extract-dump: prints what formats/extract.c finds in each item, as TSV,
 * for reading the finds of a corpus by eye and counting them.
 *
 *   extract-dump [-c] [file.xml | -] ...     NewsML-G2 items (warta-normalize
 *                                            output): the text as warta-text
 *                                            gives it, the place of located,
 *                                            the date of contentCreated
 *   extract-dump -t [-c] [-l lang] [-d place] [-p yyyy-mm-dd] [-r n] file ...
 *                                            plain text files, one item each
 *
 * One line per find: item number, kind, then the find's fields:
 *   1	person	Anwar Sanusi	title
 *   1	org	Kementerian Ketenagakerjaan (Kemnaker)	acronym
 *   1	place	Semarang	city	Jawa Tengah;Indonesia	dateline
 *   1	subject	medtop:09000000	labour	80
 *   1	summary	...
 *   1	words	331
 *   1	date	2021-08-09
 * With -c, a last line with the counts over all items:
 *   #	items 100	people 80	orgs 120	places 150	subjects 90	...
 * -r n extracts each text n times (for timing) and prints the finds once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "base/buf.h"
#include "article/extract.h"
#include "newsml/read.h"

static struct {
	unsigned long items, people, orgs, places, subjects, summaries, dates;
	unsigned long words;
	double bytes, secs;
} total;

static int counts_only;
static struct lexicon *lex;

static xmlNodePtr
child(xmlNodePtr n, const char *name)
{
	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, name) == 0)
			return n;
	return NULL;
}

static void
put_field(const char *s)
{
	for (; *s != '\0'; s++)
		putchar(*s == '\t' || *s == '\n' ? ' ' : *s);
}

static int
dump(const char *text, size_t len, const char *lang, const char *place,
    const char *date, long repeat)
{
	struct extraction x;
	struct warta_error err;
	struct timespec t0, t1;
	unsigned long n = ++total.items;
	size_t i, k;
	long r;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (r = 1; r < repeat; r++) {
		if (extract_text(lex, text, len, lang, place, date, &x, &err) != 0)
			goto fail;
		extraction_free(&x);
	}
	if (extract_text(lex, text, len, lang, place, date, &x, &err) != 0)
		goto fail;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	total.secs += (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	total.bytes += (double)len * (double)(repeat > 0 ? repeat : 1);
	total.people += x.npeople;
	total.orgs += x.norgs;
	total.places += x.nplaces;
	total.subjects += x.nsubjects;
	total.summaries += x.summary != NULL;
	total.dates += x.ndates;
	total.words += x.words;
	if (counts_only) {
		extraction_free(&x);
		return 0;
	}
	for (i = 0; i < x.npeople; i++) {
		printf("%lu\tperson\t", n);
		put_field(x.people[i]);
		printf("\t%s\n", x.people_rule[i]);
	}
	for (i = 0; i < x.norgs; i++) {
		printf("%lu\torg\t", n);
		put_field(x.orgs[i]);
		printf("\t%s\n", x.orgs_rule[i]);
	}
	for (i = 0; i < x.nplaces; i++) {
		printf("%lu\tplace\t", n);
		put_field(x.places[i].name);
		printf("\t%s\t", x.places[i].kind != NULL ? x.places[i].kind : "");
		for (k = 0; k < x.places[i].nbroader; k++)
			printf("%s%s", k > 0 ? ";" : "", x.places[i].broader[k]);
		printf("\t%s\n", x.places[i].rule);
	}
	for (i = 0; i < x.nsubjects; i++)
		printf("%lu\tsubject\t%s\t%s\t%d\n", n, x.subjects[i].qcode,
		    x.subjects[i].label, x.subjects[i].confidence);
	if (x.summary != NULL) {
		printf("%lu\tsummary\t", n);
		put_field(x.summary);
		putchar('\n');
	}
	printf("%lu\twords\t%zu\n", n, x.words);
	for (i = 0; i < x.ndates; i++)
		printf("%lu\tdate\t%s\n", n, x.dates[i]);
	extraction_free(&x);
	return 0;
fail:
	fprintf(stderr, "extract-dump: item %lu: %s\n", n, err.message);
	return -1;
}

static int
dump_newsml(FILE *fp, const char *name, long repeat)
{
	struct newsml_reader *r;
	struct warta_error err;
	struct wbuf text = WBUF_INIT;
	xmlDocPtr doc;
	int rc = 0, got;

	if ((r = newsml_reader_new(fp, name, &err)) == NULL) {
		fprintf(stderr, "extract-dump: %s: %s\n", name, err.message);
		return -1;
	}
	while ((got = newsml_reader_next(r, &doc, &err)) == 1) {
		xmlNodePtr root = xmlDocGetRootElement(doc);
		xmlNodePtr cm = child(root, "contentMeta");
		xmlNodePtr im = child(root, "itemMeta");
		xmlChar *place = NULL, *date = NULL, *lang = NULL;
		xmlNodePtr n;
		char day[11] = "";

		(void)im;
		if ((n = child(child(cm, "located"), "name")) != NULL)
			place = xmlNodeGetContent(n);
		if ((n = child(cm, "contentCreated")) != NULL &&
		    (date = xmlNodeGetContent(n)) != NULL)
			snprintf(day, sizeof(day), "%s", (const char *)date);
		if ((n = child(cm, "language")) != NULL)
			lang = xmlGetProp(n, (const xmlChar *)"tag");
		wbuf_reset(&text);
		if (newsml_item_text(doc, &text, &err) != 0) {
			fprintf(stderr, "extract-dump: %s: %s\n", name, err.message);
			rc = -1;
		} else if (dump(text.data != NULL ? text.data : "", text.len,
		    (const char *)lang, (const char *)place,
		    day[0] != '\0' ? day : NULL, repeat) != 0) {
			rc = -1;
		}
		xmlFree(place);
		xmlFree(date);
		xmlFree(lang);
		xmlFreeDoc(doc);
	}
	if (got < 0) {
		fprintf(stderr, "extract-dump: %s: %s\n", name, err.message);
		rc = -1;
	}
	wbuf_release(&text);
	newsml_reader_free(r);
	return rc;
}

static int
dump_text(const char *path, const char *lang, const char *place,
    const char *date, long repeat)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	struct wbuf b = WBUF_INIT;
	char buf[65536];
	size_t n;
	int rc;

	if (fp == NULL) {
		perror(path);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		if (wbuf_append(&b, buf, n) != 0) {
			fprintf(stderr, "extract-dump: out of memory\n");
			return -1;
		}
	if (fp != stdin)
		fclose(fp);
	rc = dump(b.data != NULL ? b.data : "", b.len, lang, place, date, repeat);
	wbuf_release(&b);
	return rc;
}

int
main(int argc, char **argv)
{
	const char *lang = NULL, *place = NULL, *date = NULL;
	struct warta_error err;
	int c, text = 0, rc = 0, i;
	long repeat = 1;

	while ((c = getopt(argc, argv, "ctl:d:p:r:")) != -1) {
		switch (c) {
		case 'c':
			counts_only = 1;
			break;
		case 't':
			text = 1;
			break;
		case 'l':
			lang = optarg;
			break;
		case 'd':
			place = optarg;
			break;
		case 'p':
			date = optarg;
			break;
		case 'r':
			repeat = strtol(optarg, NULL, 10);
			break;
		default:
			fprintf(stderr, "usage: extract-dump [-ct] [-l lang] "
			    "[-d place] [-p date] [-r n] [file ...]\n");
			return 2;
		}
	}
	if ((lex = lexicon_new(&err)) == NULL) {
		fprintf(stderr, "extract-dump: %s\n", err.message);
		return 1;
	}
	if (optind == argc) {
		rc = text ? dump_text("-", lang, place, date, repeat) :
		    dump_newsml(stdin, "<stdin>", repeat);
	}
	for (i = optind; i < argc; i++) {
		FILE *fp;

		if (text) {
			rc |= dump_text(argv[i], lang, place, date, repeat);
			continue;
		}
		if ((fp = strcmp(argv[i], "-") == 0 ? stdin :
		    fopen(argv[i], "rb")) == NULL) {
			perror(argv[i]);
			rc = -1;
			continue;
		}
		rc |= dump_newsml(fp, argv[i], repeat);
		if (fp != stdin)
			fclose(fp);
	}
	printf("#\titems %lu\tpeople %lu\torgs %lu\tplaces %lu\tsubjects %lu\t"
	    "summaries %lu\tdates %lu\twords %lu\tMB/s %.1f\n", total.items,
	    total.people, total.orgs, total.places, total.subjects,
	    total.summaries, total.dates, total.words,
	    total.secs > 0 ? total.bytes / total.secs / 1e6 : 0.0);
	lexicon_free(lex);
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = -1;
	return rc != 0;
}
