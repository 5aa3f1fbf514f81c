/*
 * warta-unpack: the librarian's way into a bundle: list its catalog,
 * stream its items back out, or extract them, by selectors.
 *
 * The bundle is read once, entry by entry (bagit/read.h: links, devices,
 * ".." and absolute paths are refused, and every size is bounded).  An
 * item is a data/ file ending in .xml that holds one NewsML-G2 item, so
 * that bags made by other tools are read too.  A listing whose selectors
 * need nothing but the catalog reads data/catalog.tsv and passes over the
 * items' data, which is as fast as listing the archive.
 *
 * Nothing is written where the bundle says: -C builds every path itself
 * from the item's place in the bag, under the directory given, never
 * through a symbolic link, and never over a file without --force.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <libxml/parser.h>

#include "bagit/read.h"
#include "base/buf.h"
#include "base/size.h"
#include "bagit/catalog.h"
#include "base/clock.h"
#include "base/json.h"
#include "newsml/edit.h"
#include "newsml/read.h"
#include "newsml/write.h"
#include "base/warta.h"

#define PROG "warta-unpack"

enum mode { MODE_STREAM, MODE_LIST, MODE_EXTRACT };
enum listing { LIST_TABLE, LIST_TSV, LIST_JSON };

struct options {
	enum mode mode;
	enum listing listing;
	const char *dir;
	int force;
	/* selectors */
	const char *guid;
	const char *date_from, *date_to;	/* prefixes; NULL: open */
	const char *byline, *place, *lang, *subject;
	pcre2_code *grep;
	struct bag_limits limits;
};

/* What a listing or a selector needs to know of an item. */
struct row {
	const char *guid;
	char date[11];
	const char *place, *byline, *title, *lang;
	unsigned long words;
	const char *path;	/* in the bag: data/items/... */
};

struct run {
	struct options opt;
	struct newsml_stream *stream;
	char now[WARTA_NOW_SIZE];
	struct wbuf data, text, line, out;
	unsigned long items, selected, written;
	int failed;
	int header_done;
	int term_width;
};

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: " PROG " [-t [--tsv | --json] | -C dir [--force]] "
	    "[selectors] bundle ...\n"
	    "Writes the selected items of the bundles to standard output as a\n"
	    "NewsML-G2 stream; -t lists them; -C extracts them.\n"
	    "\n"
	    "  -t, --list              list: guid, date, place, byline, title,\n"
	    "                          words, path\n"
	    "      --tsv, --json       the listing for scripts\n"
	    "  -C, --directory DIR     extract the items, their originals and\n"
	    "                          their text under DIR, in the bag's layout\n"
	    "      --force             replace files that exist\n"
	    "selectors (all must match):\n"
	    "      --guid GUID         --lang TAG (id matches id-ID)\n"
	    "      --date WHEN         2021, 2021-08, 2021-08-10, or FROM..TO\n"
	    "      --byline TEXT       --place TEXT (parts, any case)\n"
	    "      --subject WHAT      a medtop: code or a subject's name\n"
	    "      --grep PATTERN      a Perl regular expression on the text\n"
	    "bounds: --max-entries N --max-bytes SIZE --max-entry SIZE\n"
	    "        --max-ratio N (see warta-verify(1))\n"
	    "  -h, --help              this help\n"
	    "  -V, --version           the version\n");
}

static int
usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, PROG ": ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (see " PROG " --help)\n");
	return 2;
}

/* "2021", "2021-08" or "2021-08-10": a real year, month or day. */
static int
is_date_prefix(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	size_t n = strlen(s), i;
	int y, m, d;

	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (i = 0; i < n; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != '-')
			return 0;
	if (n == 4)
		return 1;
	y = atoi(s);
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (m < 1 || m > 12)
		return 0;
	if (n == 7)
		return 1;
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m == 2 && d == 29)
		return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
	return d >= 1 && d <= mdays[m - 1];
}

static int
parse_date_option(char *arg, struct options *opt)
{
	char *dots = strstr(arg, "..");

	if (dots == NULL) {
		if (!is_date_prefix(arg))
			return -1;
		opt->date_from = opt->date_to = arg;
		return 0;
	}
	*dots = '\0';
	opt->date_from = *arg != '\0' ? arg : NULL;
	opt->date_to = dots[2] != '\0' ? dots + 2 : NULL;
	if ((opt->date_from != NULL && !is_date_prefix(opt->date_from)) ||
	    (opt->date_to != NULL && !is_date_prefix(opt->date_to)) ||
	    (opt->date_from == NULL && opt->date_to == NULL))
		return -1;
	/* FROM after TO selects nothing: a mistake, not a query. */
	if (opt->date_from != NULL && opt->date_to != NULL &&
	    strncmp(opt->date_from, opt->date_to,
	    strlen(opt->date_from) < strlen(opt->date_to) ?
	    strlen(opt->date_from) : strlen(opt->date_to)) > 0)
		return -1;
	return 0;
}

static int
parse_options(int argc, char **argv, struct options *opt)
{
	enum { O_TSV = 256, O_JSON, O_FORCE, O_GUID, O_DATE, O_BYLINE,
	    O_PLACE, O_LANG, O_SUBJECT, O_GREP, O_MAX_ENTRIES, O_MAX_BYTES,
	    O_MAX_ENTRY, O_MAX_RATIO };
	static const struct option longopts[] = {
		{ "list", no_argument, NULL, 't' },
		{ "tsv", no_argument, NULL, O_TSV },
		{ "json", no_argument, NULL, O_JSON },
		{ "directory", required_argument, NULL, 'C' },
		{ "force", no_argument, NULL, O_FORCE },
		{ "guid", required_argument, NULL, O_GUID },
		{ "date", required_argument, NULL, O_DATE },
		{ "byline", required_argument, NULL, O_BYLINE },
		{ "place", required_argument, NULL, O_PLACE },
		{ "lang", required_argument, NULL, O_LANG },
		{ "subject", required_argument, NULL, O_SUBJECT },
		{ "grep", required_argument, NULL, O_GREP },
		{ "max-entries", required_argument, NULL, O_MAX_ENTRIES },
		{ "max-bytes", required_argument, NULL, O_MAX_BYTES },
		{ "max-entry", required_argument, NULL, O_MAX_ENTRY },
		{ "max-ratio", required_argument, NULL, O_MAX_RATIO },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	unsigned long long *bound;
	int c, listing_given = 0, errcode;
	PCRE2_SIZE erroff;
	PCRE2_UCHAR msg[160];

	memset(opt, 0, sizeof(*opt));
	bag_limits_default(&opt->limits);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":tC:hV", longopts, NULL)) != -1) {
		bound = NULL;
		switch (c) {
		case 't':
			opt->mode = MODE_LIST;
			break;
		case O_TSV:
		case O_JSON:
			opt->listing = c == O_TSV ? LIST_TSV : LIST_JSON;
			listing_given = 1;
			break;
		case 'C':
			opt->mode = MODE_EXTRACT;
			opt->dir = optarg;
			break;
		case O_FORCE:
			opt->force = 1;
			break;
		case O_GUID:
			opt->guid = optarg;
			break;
		case O_DATE:
			if (parse_date_option(optarg, opt) != 0)
				return usage_error("--date '%s': a year, a "
				    "month, a day (2021-08-10), or FROM..TO",
				    optarg);
			break;
		case O_BYLINE:
			opt->byline = optarg;
			break;
		case O_PLACE:
			opt->place = optarg;
			break;
		case O_LANG:
			opt->lang = optarg;
			break;
		case O_SUBJECT:
			opt->subject = optarg;
			break;
		case O_GREP:
			opt->grep = pcre2_compile((PCRE2_SPTR)optarg,
			    PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
			    &errcode, &erroff, NULL);
			if (opt->grep == NULL) {
				pcre2_get_error_message(errcode, msg,
				    sizeof(msg));
				fprintf(stderr, PROG ": --grep '%s': %s at "
				    "offset %zu\n", optarg, (char *)msg,
				    (size_t)erroff);
				return 2;
			}
			break;
		case O_MAX_ENTRIES:
			bound = &opt->limits.max_entries;
			break;
		case O_MAX_BYTES:
			bound = &opt->limits.max_bytes;
			break;
		case O_MAX_ENTRY:
			bound = &opt->limits.max_entry;
			break;
		case O_MAX_RATIO:
			bound = &opt->limits.max_ratio;
			break;
		case 'h':
			usage(stdout);
			exit(fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1);
		case 'V':
			printf(PROG " %s\n", WARTA_VERSION);
			exit(fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1);
		case ':':
			return usage_error("option '%s' needs a value",
			    argv[optind - 1]);
		default:
			return usage_error("bad option '%s'", argv[optind - 1]);
		}
		if (bound != NULL && (size_parse(optarg, bound) != 0 ||
		    *bound == 0))
			return usage_error("'%s' is not a positive number",
			    optarg);
	}
	if (listing_given && opt->mode != MODE_LIST)
		return usage_error("--tsv and --json go with -t%s", "");
	if (optind == argc)
		return usage_error("no bundle to read%s", "");
	return 0;
}

/*
 * Selecting.
 */

/* Case-insensitive (ASCII letters) substring. */
static int
contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle), i;

	if (n == 0)
		return 1;
	for (; *hay != '\0'; hay++) {
		for (i = 0; i < n && hay[i] != '\0'; i++) {
			char a = hay[i], b = needle[i];

			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b)
				break;
		}
		if (i == n)
			return 1;
	}
	return 0;
}

static int
lang_matches(const char *tag, const char *want)
{
	size_t n = strlen(want);

	return strncasecmp(tag, want, n) == 0 &&
	    (tag[n] == '\0' || tag[n] == '-');
}

/* By what the catalog knows. */
static int
row_selected(const struct options *o, const struct row *r)
{
	if (o->guid != NULL && strcmp(r->guid, o->guid) != 0)
		return 0;
	if (o->date_from != NULL && (r->date[0] == '\0' ||
	    strncmp(r->date, o->date_from, strlen(o->date_from)) < 0))
		return 0;
	if (o->date_to != NULL && (r->date[0] == '\0' ||
	    strncmp(r->date, o->date_to, strlen(o->date_to)) > 0))
		return 0;
	if (o->byline != NULL && !contains(r->byline, o->byline))
		return 0;
	if (o->place != NULL && !contains(r->place, o->place))
		return 0;
	if (o->lang != NULL && !lang_matches(r->lang, o->lang))
		return 0;
	return 1;
}

/* Whether the selection needs the items themselves. */
static int
needs_items(const struct options *o)
{
	return o->mode != MODE_LIST || o->subject != NULL || o->grep != NULL;
}

static int
subject_matches(xmlNodePtr item, const char *want)
{
	xmlNodePtr cm = g2_child(item, "contentMeta"), s, n;
	xmlChar *q;
	char *t;
	int hit = 0;

	for (s = g2_child(cm, "subject"); s != NULL && !hit;
	    s = g2_next_same(s)) {
		q = xmlGetProp(s, (const xmlChar *)"qcode");
		hit = q != NULL && strcmp((const char *)q, want) == 0;
		xmlFree(q);
		for (n = g2_child(s, "name"); n != NULL && !hit;
		    n = g2_next_same(n)) {
			t = g2_text(n);
			hit = t != NULL && contains(t, want);
			xmlFree(t);
		}
	}
	return hit;
}

/*
 * Listing.
 */

/* Writes s cut to width columns (UTF-8 characters), padded. */
static void
put_cell(FILE *fp, const char *s, int width, int pad)
{
	int cols = 0;
	const unsigned char *p = (const unsigned char *)s, *start;

	while (*p != '\0') {
		start = p++;
		while ((*p & 0xC0) == 0x80)
			p++;
		if (cols == width - 1 && *p != '\0') {
			fputs("\xe2\x80\xa6", fp);	/* … */
			cols++;
			break;
		}
		if (*start == '\t' || *start == '\n')
			putc(' ', fp);
		else
			fwrite(start, 1, (size_t)(p - start), fp);
		cols++;
	}
	if (pad)
		for (; cols < width; cols++)
			putc(' ', fp);
}

/* The header of a listing, once, even when nothing is selected: a
 * script reading the TSV finds its columns whatever the selection. */
static void
list_header(struct run *r)
{
	if (r->header_done || r->opt.mode != MODE_LIST)
		return;
	if (r->opt.listing == LIST_TSV)
		fputs("guid\tdate\tplace\tbyline\ttitle\twords\tpath\n",
		    stdout);
	else if (r->opt.listing == LIST_TABLE)
		printf("%-10s %-16s %-16s %6s %s\n", "DATE", "PLACE", "BYLINE",
		    "WORDS", "TITLE / GUID / PATH");
	r->header_done = 1;
}

/* One object a line, for scripts. */
static void
list_json(struct run *r, const struct row *row, const char *words)
{
	struct wbuf *l = &r->line;
	int rc;

	wbuf_reset(l);
	rc = wbuf_puts(l, "{\"guid\":") | json_put_string(l, row->guid) |
	    wbuf_puts(l, ",\"date\":") | json_put_string(l, row->date) |
	    wbuf_puts(l, ",\"place\":") | json_put_string(l, row->place) |
	    wbuf_puts(l, ",\"byline\":") | json_put_string(l, row->byline) |
	    wbuf_puts(l, ",\"title\":") | json_put_string(l, row->title) |
	    wbuf_puts(l, ",\"words\":") | wbuf_puts(l, words) |
	    wbuf_puts(l, ",\"path\":") | json_put_string(l, row->path) |
	    wbuf_puts(l, "}\n");
	if (rc != WARTA_OK) {
		fprintf(stderr, PROG ": out of memory\n");
		r->failed = 1;
		return;
	}
	fwrite(l->data, 1, l->len, stdout);
}

static void
list_row(struct run *r, const struct row *row)
{
	char words[24];

	snprintf(words, sizeof(words), "%lu", row->words);
	list_header(r);
	switch (r->opt.listing) {
	case LIST_TSV:
		printf("%s\t%s\t", row->guid, row->date);
		put_cell(stdout, row->place, INT_MAX, 0);
		putchar('\t');
		put_cell(stdout, row->byline, INT_MAX, 0);
		putchar('\t');
		put_cell(stdout, row->title, INT_MAX, 0);
		printf("\t%s\t%s\n", words, row->path);
		break;
	case LIST_JSON:
		list_json(r, row, words);
		break;
	case LIST_TABLE: {
		/* What is left of the terminal's width goes to the title. */
		int title = r->term_width - (10 + 1 + 16 + 1 + 16 + 1 + 6 + 1);

		if (title < 20)
			title = 40;
		printf("%-10s ", row->date[0] != '\0' ? row->date : "-");
		put_cell(stdout, row->place, 16, 1);
		putchar(' ');
		put_cell(stdout, row->byline, 16, 1);
		printf(" %6s ", words);
		put_cell(stdout, row->title, title, 0);
		printf("\n%-10s %s  %s\n", "", row->guid, row->path);
		break;
	}
	}
}

/* A catalog.tsv line into a row (fields are cut in place). */
static int
tsv_row(char *line, struct row *row)
{
	char *f[11];
	int n = 0;

	f[0] = line;
	while (n < 10) {
		char *tab = strchr(f[n], '\t');

		if (tab == NULL)
			break;
		*tab = '\0';
		f[++n] = tab + 1;
	}
	if (n != 10)
		return -1;
	memset(row, 0, sizeof(*row));
	row->guid = f[0];
	snprintf(row->date, sizeof(row->date), "%s", f[2]);
	row->place = f[3];
	row->byline = f[4];
	row->title = f[5];
	row->words = strtoul(f[6], NULL, 10);
	row->lang = f[7];
	row->path = f[8];
	return 0;
}

static void
list_catalog(struct run *r, const char *bundle, struct wbuf *tsv)
{
	char *line, *next;
	struct row row;
	long lineno = 0;
	char path[CATALOG_PATH_MAX + 8];

	for (line = tsv->data; line != NULL && *line != '\0'; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		else
			next = line + strlen(line);
		if (lineno == 1 || *line == '\0')
			continue;
		if (tsv_row(line, &row) != 0) {
			fprintf(stderr, PROG ": %s: data/catalog.tsv: line %ld:"
			    " not 11 fields\n", bundle, lineno);
			r->failed = 1;
			continue;
		}
		snprintf(path, sizeof(path), "data/%s", row.path);
		row.path = path;
		r->items++;
		if (!row_selected(&r->opt, &row))
			continue;
		r->selected++;
		list_row(r, &row);
	}
}

/*
 * Extracting.
 */

/* Makes the directories of path (relative to the current directory),
 * refusing any that is a symbolic link. */
static int
make_parents(const char *path, const char *bundle)
{
	char buf[PATH_MAX];
	struct stat st;
	char *p;

	if (strlen(path) >= sizeof(buf))
		return -1;
	strcpy(buf, path);
	for (p = buf + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (lstat(buf, &st) == 0) {
			if (!S_ISDIR(st.st_mode)) {
				fprintf(stderr, PROG ": %s: %s: not a "
				    "directory (a link is never followed)\n",
				    bundle, buf);
				return -1;
			}
		} else if (mkdir(buf, 0755) != 0 && errno != EEXIST) {
			fprintf(stderr, PROG ": %s: %s: %s\n", bundle, buf,
			    strerror(errno));
			return -1;
		}
		*p = '/';
	}
	return 0;
}

static int
write_file(struct run *r, const char *bundle, const char *path,
    const void *p, size_t n)
{
	int fd, flags = O_WRONLY | O_CREAT | O_NOFOLLOW;
	const char *s = p;
	ssize_t w;

	if (make_parents(path, bundle) != 0)
		return -1;
	flags |= r->opt.force ? O_TRUNC : O_EXCL;
	if ((fd = open(path, flags, 0644)) < 0) {
		fprintf(stderr, PROG ": %s: %s: %s\n", bundle, path,
		    errno == EEXIST ? "exists; give --force to replace it" :
		    strerror(errno));
		return -1;
	}
	while (n > 0) {
		if ((w = write(fd, s, n)) < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, PROG ": %s: %s: %s\n", bundle, path,
			    strerror(errno));
			close(fd);
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	if (close(fd) != 0) {
		fprintf(stderr, PROG ": %s: %s: %s\n", bundle, path,
		    strerror(errno));
		return -1;
	}
	r->written++;
	return 0;
}

/* "DIR/NAME/data/KIND/STEM.EXT" into out; -1 when it is too long. */
static int
out_path(char out[PATH_MAX], const struct run *r, const char *name,
    const char *kind, const char *stem, const char *ext)
{
	int n = snprintf(out, PATH_MAX, "%s/%s/data/%s/%s%s", r->opt.dir,
	    name, kind, stem, ext);

	return n < 0 || n >= PATH_MAX ? -1 : 0;
}

/*
 * DIR/NAME/data/items/STEM.xml, and beside it the original and the text:
 * data/originals/STEM.txt and data/text/STEM.txt.
 */
static int
extract_item(struct run *r, const char *bundle, const char *name,
    const char *path, xmlNodePtr item)
{
	struct wbuf original = WBUF_INIT;
	char rec[65], out[PATH_MAX], stem[PATH_MAX];
	struct warta_error err;
	const char *rel = path + strlen("data/");
	size_t n;
	int rc = 0, has;

	/* items/2021/08/10/ID.xml -> 2021/08/10/ID */
	if (strncmp(rel, "items/", 6) == 0)
		rel += 6;
	n = strlen(rel);
	if (n > 4 && strcmp(rel + n - 4, ".xml") == 0)
		n -= 4;
	if (n >= sizeof(stem) || out_path(out, r, name, "items", rel, "") != 0) {
		fprintf(stderr, PROG ": %s: %s: the path is too long\n",
		    bundle, path);
		return -1;
	}
	memcpy(stem, rel, n);
	stem[n] = '\0';
	/* Each file on its own: one that exists does not keep the others
	 * of the item from being written. */
	if (write_file(r, bundle, out, r->out.data, r->out.len) != 0)
		rc = -1;
	warta_error_clear(&err);
	has = catalog_original(item, &original, rec, &err);
	if (has < 0) {
		fprintf(stderr, PROG ": %s: %s: %s\n", bundle, path,
		    err.message);
		rc = -1;
	} else if (has > 0 && (out_path(out, r, name, "originals", stem,
	    ".txt") != 0 || write_file(r, bundle, out, original.data != NULL ?
	    original.data : "", original.len) != 0))
		rc = -1;
	wbuf_release(&original);
	wbuf_reset(&r->text);
	if (newsml_item_text(item->doc, &r->text, &err) != WARTA_OK) {
		fprintf(stderr, PROG ": %s: %s: %s\n", bundle, path,
		    err.message);
		return -1;
	}
	if (out_path(out, r, name, "text", stem, ".txt") != 0 ||
	    write_file(r, bundle, out, r->text.data != NULL ? r->text.data :
	    "", r->text.len) != 0)
		rc = -1;
	return rc;
}

/*
 * One item of the bag: selected or not, then listed, streamed or
 * extracted.
 */
static void
take_item(struct run *r, const char *bundle, const char *name,
    const char *path)
{
	struct newsml_reader *rd;
	struct warta_error err;
	struct catalog_entry e;
	struct row row;
	xmlDocPtr doc = NULL;
	xmlNodePtr item;
	FILE *fp;
	int rc, selected;

	warta_error_clear(&err);
	if ((fp = fmemopen(r->data.data, r->data.len, "rb")) == NULL) {
		fprintf(stderr, PROG ": %s: %s: %s\n", bundle, path,
		    strerror(errno));
		r->failed = 1;
		return;
	}
	rd = newsml_reader_new(fp, path, &err);
	rc = rd != NULL ? newsml_reader_next(rd, &doc, &err) : -1;
	newsml_reader_free(rd);
	fclose(fp);
	if (rc <= 0) {
		if (rc < 0) {
			fprintf(stderr, PROG ": %s: %s: %s\n", bundle, path,
			    err.message);
			r->failed = 1;
		}
		return;
	}
	item = xmlDocGetRootElement(doc);
	if (!g2_is(item, "newsItem")) {
		/* The catalog, or a package of another tool: not an item. */
		xmlFreeDoc(doc);
		return;
	}
	r->items++;
	if (catalog_entry_read(item, 0, &e, &err) != WARTA_OK) {
		fprintf(stderr, PROG ": %s: %s: %s\n", bundle, path,
		    err.message);
		r->failed = 1;
		goto out;
	}
	memset(&row, 0, sizeof(row));
	row.guid = e.guid;
	memcpy(row.date, e.date, sizeof(row.date));
	row.place = e.place;
	row.byline = e.byline;
	row.title = e.title;
	row.lang = e.language;
	row.words = e.words;
	row.path = path;
	selected = row_selected(&r->opt, &row);
	if (selected && r->opt.subject != NULL)
		selected = subject_matches(item, r->opt.subject);
	if (selected && r->opt.grep != NULL) {
		pcre2_match_data *md =
		    pcre2_match_data_create_from_pattern(r->opt.grep, NULL);

		wbuf_reset(&r->text);
		if (md == NULL || newsml_item_text(doc, &r->text, &err) !=
		    WARTA_OK)
			selected = 0;
		else
			selected = pcre2_match(r->opt.grep,
			    (PCRE2_SPTR)(r->text.data != NULL ? r->text.data :
			    ""), r->text.len, 0, 0, md, NULL) >= 0;
		pcre2_match_data_free(md);
	}
	if (!selected)
		goto out;
	r->selected++;
	switch (r->opt.mode) {
	case MODE_LIST:
		list_row(r, &row);
		break;
	case MODE_STREAM:
		wbuf_reset(&r->out);
		if (g2_serialize(item, &r->out) != 0 ||
		    newsml_stream_item(r->stream, r->out.data, r->out.len,
		    &err) != WARTA_OK) {
			fprintf(stderr, PROG ": standard output: %s\n",
			    err.message[0] != '\0' ? err.message :
			    "out of memory");
			r->failed = 1;
		}
		break;
	case MODE_EXTRACT:
		/* The item as the bag holds it, byte for byte. */
		wbuf_reset(&r->out);
		if (wbuf_append(&r->out, r->data.data, r->data.len) !=
		    WARTA_OK || extract_item(r, bundle, name, path, item) != 0)
			r->failed = 1;
		break;
	}
out:
	catalog_entry_free(&e);
	xmlFreeDoc(doc);
}

static int
is_item_path(const char *path)
{
	size_t n = strlen(path);

	return strncmp(path, "data/", 5) == 0 && n > 9 &&
	    strcmp(path + n - 4, ".xml") == 0 &&
	    strcmp(path, "data/catalog.xml") != 0;
}

/* A bag's name, made safe to be a directory: one plain component. */
static int
safe_name(const char *name)
{
	return *name != '\0' && strcmp(name, ".") != 0 &&
	    strcmp(name, "..") != 0 && strchr(name, '/') == NULL &&
	    strchr(name, '\\') == NULL;
}

static void
unpack_bundle(struct run *r, const char *bundle, int read_items)
{
	struct bag_reader *br;
	struct bag_entry e;
	struct warta_error err;
	struct wbuf tsv = WBUF_INIT;
	int rc, have_tsv = 0, broken = 0;
	int fast = !read_items && !needs_items(&r->opt);

	warta_error_clear(&err);
	if ((br = bag_reader_open(bundle, &r->opt.limits, &err)) == NULL) {
		fprintf(stderr, PROG ": %s: %s\n", bundle, err.message);
		r->failed = 1;
		return;
	}
	while ((rc = bag_reader_next(br, &e, &err)) != 0) {
		if (rc < 0) {
			fprintf(stderr, PROG ": %s: %s\n", bundle, err.message);
			r->failed = 1;
			broken = 1;
			break;
		}
		if (rc == BAG_ENTRY_REFUSED) {
			fprintf(stderr, PROG ": %s: %s: %s\n", bundle,
			    e.archive_path, err.message);
			r->failed = 1;
			continue;
		}
		if (rc == BAG_ENTRY_OUTSIDE)
			continue;
		if (fast) {
			if (strcmp(e.path, "data/catalog.tsv") != 0)
				continue;
			if (bag_reader_read(br, &tsv, &err) != WARTA_OK) {
				fprintf(stderr, PROG ": %s: %s: %s\n", bundle,
				    e.path, err.message);
				r->failed = 1;
				broken = 1;
				break;
			}
			have_tsv = 1;
			continue;
		}
		if (!is_item_path(e.path))
			continue;
		if (r->opt.mode == MODE_EXTRACT &&
		    !safe_name(bag_reader_name(br))) {
			fprintf(stderr, PROG ": %s: the bag's name '%s' cannot "
			    "be a directory\n", bundle, bag_reader_name(br));
			r->failed = 1;
			break;
		}
		wbuf_reset(&r->data);
		if (bag_reader_read(br, &r->data, &err) != WARTA_OK) {
			fprintf(stderr, PROG ": %s: %s: %s\n", bundle, e.path,
			    err.message);
			r->failed = 1;
			break;
		}
		take_item(r, bundle, bag_reader_name(br), e.path);
	}
	bag_reader_free(br);
	if (fast) {
		if (have_tsv)
			list_catalog(r, bundle, &tsv);
		else if (!broken) {
			/* Another tool's bag: no catalog, read the items
			 * (what of it can be read). */
			wbuf_release(&tsv);
			unpack_bundle(r, bundle, 1);
			return;
		}
	}
	wbuf_release(&tsv);
}

int
main(int argc, char **argv)
{
	struct run r;
	struct warta_error err;
	struct winsize ws;
	int i, rc;

	memset(&r, 0, sizeof(r));
	if ((rc = parse_options(argc, argv, &r.opt)) != 0)
		return rc;
	warta_error_clear(&err);
	if (warta_now(r.now, &err) != WARTA_OK) {
		fprintf(stderr, PROG ": %s\n", err.message);
		return 2;
	}
	r.term_width = 100;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) ==
	    0 && ws.ws_col > 0)
		r.term_width = ws.ws_col;
	if (r.opt.mode == MODE_STREAM &&
	    (r.stream = newsml_stream_new(stdout, r.now)) == NULL) {
		fprintf(stderr, PROG ": out of memory\n");
		return 1;
	}
	for (i = optind; i < argc; i++) {
		FILE *fp;

		/* libarchive's "Failed to open" does not say why. */
		if ((fp = fopen(argv[i], "rb")) == NULL) {
			fprintf(stderr, PROG ": %s: %s\n", argv[i],
			    strerror(errno));
			r.failed = 1;
			continue;
		}
		fclose(fp);
		unpack_bundle(&r, argv[i], 0);
	}
	list_header(&r);
	if (r.stream != NULL &&
	    newsml_stream_finish(r.stream, &err) != WARTA_OK) {
		fprintf(stderr, PROG ": standard output: %s\n", err.message);
		r.failed = 1;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, PROG ": standard output: %s\n",
		    strerror(errno));
		r.failed = 1;
	}
	if (r.opt.mode == MODE_EXTRACT)
		fprintf(stderr, PROG ": %lu of %lu items selected, %lu files "
		    "written\n", r.selected, r.items, r.written);
	newsml_stream_free(r.stream);
	pcre2_code_free(r.opt.grep);
	wbuf_release(&r.data);
	wbuf_release(&r.text);
	wbuf_release(&r.line);
	wbuf_release(&r.out);
	xmlCleanupParser();
	return r.failed ? 1 : 0;
}
