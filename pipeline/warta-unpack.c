/*
 * warta-unpack: the librarian's way into a bundle: list its catalog,
 * stream its items back out, or extract them, by selectors.
 *
 * The bundle is read once, entry by entry (bagit/read.h: links, devices,
 * ".." and absolute paths are refused, and every size is bounded).  An
 * item is a data/ file ending in .xml that holds one NewsML-G2 item, so
 * that bags made by other tools are read too.  A listing whose selectors
 * need nothing but the catalog reads data/catalog.tsv and passes over the
 * items' data, which is as fast as listing the archive.  The selectors
 * are bagit/select.h's.
 *
 * Nothing is written where the bundle says: -C builds every path itself
 * from the item's place in the bag, under the directory given
 * (bagit/extract.h: never through a symbolic link, never over a file
 * without --force).
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <libxml/parser.h>

#include "bagit/catalog.h"
#include "bagit/catalog_read.h"
#include "bagit/extract.h"
#include "bagit/index.h"
#include "bagit/read.h"
#include "bagit/select.h"
#include "base/buf.h"
#include "base/clock.h"
#include "base/digest.h"
#include "base/json.h"
#include "base/name.h"
#include "base/size.h"
#include "base/tsv_cell.h"
#include "base/warta.h"
#include "base/workpool.h"
#include "cli.h"
#include "progress.h"
#include "newsml/edit.h"
#include "newsml/original.h"
#include "newsml/read.h"
#include "newsml/write.h"

enum mode { MODE_STREAM, MODE_LIST, MODE_EXTRACT };
enum listing { LIST_TABLE, LIST_TSV, LIST_JSON };

struct options {
	enum mode mode;
	enum listing listing;
	int listing_given;
	const char *dir;
	int force;
	struct selection sel;
	pcre2_code *grep;
	struct bag_limits limits;
	int quiet;
	int progress;
};

struct run {
	struct options opt;
	struct newsml_stream *stream;
	struct extract x;
	char now[WARTA_NOW_SIZE];
	struct wbuf data, text, line, out;
	unsigned long items, selected;
	int failed;
	int header_done;
	int term_width;
	struct progress *progress;
	unsigned long long bytes;	/* of the bundles read whole */
	int stdout_tty;		/* the progress line cleared before output */
};

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: warta-unpack [-t [--tsv | --json] | -C dir [--force]] "
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
	    "      --progress          show progress on standard error, even\n"
	    "                          when it is not a terminal\n"
	    "  -q, --quiet             no progress and no summary\n"
	    "  -h, --help              this help\n"
	    "  -V, --version           the version\n");
}

static int
compile_grep(struct options *opt, const char *pattern)
{
	PCRE2_UCHAR msg[160];
	PCRE2_SIZE erroff;
	int errcode;

	opt->grep = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP, &errcode, &erroff, NULL);
	if (opt->grep != NULL)
		return CLI_OK;
	pcre2_get_error_message(errcode, msg, sizeof(msg));
	cli_warn("--grep '%s': %s at offset %zu", pattern, (char *)msg,
	    (size_t)erroff);
	return CLI_USAGE;
}

enum { O_TSV = 256, O_JSON, O_FORCE, O_GUID, O_DATE, O_BYLINE, O_PLACE,
    O_LANG, O_SUBJECT, O_GREP, O_MAX_ENTRIES, O_MAX_BYTES, O_MAX_ENTRY,
    O_MAX_RATIO, O_PROGRESS };

/* The bound an option sets, or NULL. */
static unsigned long long *
bound_of(struct options *opt, int c)
{
	switch (c) {
	case O_MAX_ENTRIES:
		return &opt->limits.max_entries;
	case O_MAX_BYTES:
		return &opt->limits.max_bytes;
	case O_MAX_ENTRY:
		return &opt->limits.max_entry;
	case O_MAX_RATIO:
		return &opt->limits.max_ratio;
	default:
		return NULL;
	}
}

/* One option of the command line; CLI_OK or CLI_USAGE. */
static int
take_option(struct options *opt, int c, char **argv)
{
	unsigned long long *bound;

	switch (c) {
	case 't':
		opt->mode = MODE_LIST;
		break;
	case O_TSV:
	case O_JSON:
		opt->listing = c == O_TSV ? LIST_TSV : LIST_JSON;
		opt->listing_given = 1;
		break;
	case 'C':
		opt->mode = MODE_EXTRACT;
		opt->dir = optarg;
		break;
	case O_FORCE:
		opt->force = 1;
		break;
	case 'q':
		opt->quiet = 1;
		break;
	case O_PROGRESS:
		opt->progress = 1;
		break;
	case O_GUID:
		opt->sel.guid = optarg;
		break;
	case O_DATE:
		if (select_parse_date(optarg, &opt->sel) != 0)
			return cli_usage_error("--date '%s': a year, a month, "
			    "a day (2021-08-10), or FROM..TO", optarg);
		break;
	case O_BYLINE:
		opt->sel.byline = optarg;
		break;
	case O_PLACE:
		opt->sel.place = optarg;
		break;
	case O_LANG:
		opt->sel.lang = optarg;
		break;
	case O_SUBJECT:
		opt->sel.subject = optarg;
		break;
	case O_GREP:
		return compile_grep(opt, optarg);
	case 'h':
		usage(stdout);
		cli_exit_help();
	case 'V':
		cli_exit_version();
	case ':':
		return cli_usage_error("option '%s' needs a value",
		    argv[optind - 1]);
	default:
		if ((bound = bound_of(opt, c)) == NULL)
			return cli_bad_option(argv, optind, optopt);
		if (size_parse(optarg, bound) != 0 || *bound == 0)
			return cli_usage_error("'%s' is not a positive number",
			    optarg);
	}
	return CLI_OK;
}

static int
parse_options(int argc, char **argv, struct options *opt)
{
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
		{ "quiet", no_argument, NULL, 'q' },
		{ "progress", no_argument, NULL, O_PROGRESS },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;

	memset(opt, 0, sizeof(*opt));
	bag_limits_default(&opt->limits);
	/* A bundle read whole is decompressed on every core. */
	opt->limits.threads = workpool_cores();
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":tC:qhV", longopts, NULL)) != -1)
		if ((rc = take_option(opt, c, argv)) != CLI_OK)
			return rc;
	if (opt->listing_given && opt->mode != MODE_LIST)
		return cli_usage_error("--tsv and --json go with -t");
	if (optind == argc)
		return cli_usage_error("no bundle to read");
	return CLI_OK;
}

/* Whether the selection needs the items themselves. */
static int
needs_items(const struct options *o)
{
	return o->mode != MODE_LIST || o->sel.subject != NULL ||
	    o->grep != NULL;
}

/*
 * Listing.
 */

/*
 * Writes s cut to width columns (UTF-8 characters), padded.  A catalog's
 * cell comes from the bundle: a tab or a newline is a space, any other
 * control character, or a byte that is not UTF-8, is written escaped
 * (base/name.h) so that no cell can send the terminal an escape sequence.
 */
static void
put_cell(FILE *fp, const char *s, int width, int pad)
{
	int cols = 0;
	const unsigned char *p = (const unsigned char *)s, *start;
	struct wbuf esc = WBUF_INIT;

	while (*p != '\0') {
		start = p++;
		while ((*p & 0xC0) == 0x80)
			p++;
		if (cols == width - 1 && *p != '\0') {
			fputs("\xe2\x80\xa6", fp);	/* … */
			cols++;
			break;
		}
		wbuf_reset(&esc);
		if (*start == '\t' || *start == '\n')
			putc(' ', fp);
		else if (name_escape(&esc, (const char *)start,
		    (size_t)(p - start)) == WARTA_OK)
			fwrite(esc.data, 1, esc.len, fp);
		cols++;
	}
	wbuf_release(&esc);
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
list_json(struct run *r, const struct select_row *row, const char *words)
{
	struct wbuf *l = &r->line;
	int rc;

	wbuf_reset(l);
	/* || and not |: the fields must go in in this order. */
	rc = wbuf_puts(l, "{\"guid\":") != WARTA_OK ||
	    json_put_string(l, row->guid) != WARTA_OK ||
	    wbuf_puts(l, ",\"date\":") != WARTA_OK ||
	    json_put_string(l, row->date) != WARTA_OK ||
	    wbuf_puts(l, ",\"place\":") != WARTA_OK ||
	    json_put_string(l, row->place) != WARTA_OK ||
	    wbuf_puts(l, ",\"byline\":") != WARTA_OK ||
	    json_put_string(l, row->byline) != WARTA_OK ||
	    wbuf_puts(l, ",\"title\":") != WARTA_OK ||
	    json_put_string(l, row->title) != WARTA_OK ||
	    wbuf_puts(l, ",\"words\":") != WARTA_OK ||
	    wbuf_puts(l, words) != WARTA_OK ||
	    wbuf_puts(l, ",\"path\":") != WARTA_OK ||
	    json_put_string(l, row->path) != WARTA_OK ||
	    wbuf_puts(l, "}\n") != WARTA_OK;
	if (rc) {
		cli_warn("out of memory");
		r->failed = 1;
		return;
	}
	fwrite(l->data, 1, l->len, stdout);
}

/* One line a row, each field a cell safe in a spreadsheet: the
 * catalog's are read back unquoted, and quoted again here. */
static void
list_tsv(struct run *r, const struct select_row *row, const char *words)
{
	const char *cell[7];
	struct wbuf *l = &r->line;
	size_t i;

	cell[0] = row->guid;
	cell[1] = row->date;
	cell[2] = row->place;
	cell[3] = row->byline;
	cell[4] = row->title;
	cell[5] = words;
	cell[6] = row->path;
	wbuf_reset(l);
	for (i = 0; i < 7; i++)
		if (tsv_cell_put(l, cell[i]) != WARTA_OK ||
		    wbuf_putc(l, i < 6 ? '\t' : '\n') != WARTA_OK) {
			cli_warn("out of memory");
			r->failed = 1;
			return;
		}
	fwrite(l->data, 1, l->len, stdout);
}

static void
list_row(struct run *r, const struct select_row *row)
{
	char words[24];

	snprintf(words, sizeof(words), "%lu", row->words);
	list_header(r);
	switch (r->opt.listing) {
	case LIST_TSV:
		list_tsv(r, row, words);
		break;
	case LIST_JSON:
		list_json(r, row, words);
		break;
	case LIST_TABLE: {
		/* What is left of the terminal's width goes to the title. */
		int title = r->term_width - (10 + 1 + 16 + 1 + 16 + 1 + 6 + 1);

		if (title < 20)
			title = 40;
		put_cell(stdout, row->date[0] != '\0' ? row->date : "-", 10,
		    1);
		putchar(' ');
		put_cell(stdout, row->place, 16, 1);
		putchar(' ');
		put_cell(stdout, row->byline, 16, 1);
		printf(" %6s ", words);
		put_cell(stdout, row->title, title, 0);
		printf("\n%-10s ", "");
		put_cell(stdout, row->guid, INT_MAX, 0);
		fputs("  ", stdout);
		put_cell(stdout, row->path, INT_MAX, 0);
		putchar('\n');
		break;
	}
	}
}

static void
list_catalog(struct run *r, const char *bundle, struct wbuf *tsv)
{
	char *line, *pos = tsv->data;
	struct select_row row;
	long lineno = 0;
	char path[CATALOG_PATH_MAX + 8];

	while ((line = catalog_tsv_next(&pos, &lineno)) != NULL) {
		if (select_row_from_tsv(line, &row) != 0) {
			cli_warn_at(bundle, "data/catalog.tsv: line %ld: not "
			    "%d fields", lineno, CATALOG_TSV_COLUMNS);
			r->failed = 1;
			continue;
		}
		snprintf(path, sizeof(path), "data/%s", row.path);
		row.path = path;
		r->items++;
		if (!select_row_matches(&r->opt.sel, &row))
			continue;
		r->selected++;
		list_row(r, &row);
	}
}

/*
 * Extracting.
 */

/* NAME/data/KIND/PLACE.EXT (relative to the target) written. */
static int
extract_one(struct run *r, const char *bundle, const char *name,
    const char *kind, const char *place, const char *ext, const void *p,
    size_t len)
{
	struct warta_error err;
	char rel[PATH_MAX];
	int n;

	warta_error_clear(&err);
	n = snprintf(rel, sizeof(rel), "%s/data/%s/%s%s", name, kind, place,
	    ext);
	if (n < 0 || (size_t)n >= sizeof(rel))
		warta_error_set(&err, -1, "%s/%s/data/%s/%s%s: the path is too "
		    "long", r->x.dir, name, kind, place, ext);
	else if (extract_write(&r->x, rel, p != NULL ? p : "", len, &err) ==
	    WARTA_OK)
		return 0;
	cli_warn_at(bundle, "%s", err.message);
	return -1;
}

/*
 * DIR/NAME/data/items/PLACE, and beside it the original and the text:
 * data/originals/STEM.txt (.html, .nitf, .sgm: as the original's type
 * says) and data/text/STEM.txt.  Each file on its own:
 * one that exists does not keep the others of the item from being
 * written.
 */
static int
extract_item(struct run *r, const char *bundle, const char *name,
    const char *path, xmlNodePtr item)
{
	struct wbuf original = WBUF_INIT;
	char rec[65], stem[PATH_MAX];
	struct warta_error err;
	int rc = 0, has;

	if (extract_item_stem(path, stem, sizeof(stem)) != WARTA_OK) {
		cli_warn_at(bundle, "%s: the path is too long", path);
		return -1;
	}
	if (extract_one(r, bundle, name, "items", extract_item_place(path), "",
	    r->out.data, r->out.len) != 0)
		rc = -1;
	warta_error_clear(&err);
	has = newsml_original(item, &original, rec, &err);
	if (has < 0) {
		cli_warn_at(bundle, "%s: %s", path, err.message);
		rc = -1;
	} else if (has > 0 && extract_one(r, bundle, name, "originals", stem,
	    newsml_original_suffix(item), original.data, original.len) != 0)
		rc = -1;
	wbuf_release(&original);
	wbuf_reset(&r->text);
	if (newsml_item_text(item->doc, &r->text, &err) != WARTA_OK) {
		cli_warn_at(bundle, "%s: %s", path, err.message);
		return -1;
	}
	if (extract_one(r, bundle, name, "text", stem, ".txt", r->text.data,
	    r->text.len) != 0)
		rc = -1;
	return rc;
}

/*
 * An item of the bag.
 */

/*
 * Whether path is in data/items/, where a bag of warta's holds nothing but
 * items: a file there that is not one is a damaged item, not another
 * tool's file to pass over.
 */
static int
in_items(const char *path)
{
	return strncmp(path, "data/items/", 11) == 0;
}

/* The first document of r->data, the file at path; NULL when it has
 * none, or cannot be read (reported). */
static xmlDocPtr
read_doc(struct run *r, const char *bundle, const char *path)
{
	struct newsml_reader *rd;
	struct warta_error err;
	xmlDocPtr doc = NULL;
	FILE *fp;
	int rc;

	warta_error_clear(&err);
	if ((fp = fmemopen(r->data.data, r->data.len, "rb")) == NULL) {
		cli_warn_at(bundle, "%s: %s", path, strerror(errno));
		r->failed = 1;
		return NULL;
	}
	rd = newsml_reader_new(fp, path, &err);
	rc = rd != NULL ? newsml_reader_next(rd, &doc, &err) : -1;
	newsml_reader_free(rd);
	fclose(fp);
	if (rc < 0) {
		cli_warn_at(bundle, "%s: %s", path, err.message);
		r->failed = 1;
	} else if (rc == 0 && in_items(path)) {
		cli_warn_at(bundle, "%s: empty, not a NewsML-G2 item", path);
		r->failed = 1;
	}
	return rc > 0 ? doc : NULL;
}

/* Whether the item's text matches --grep. */
static int
grep_matches(struct run *r, xmlDocPtr doc)
{
	pcre2_match_data *md;
	struct warta_error err;
	int hit = 0;

	md = pcre2_match_data_create_from_pattern(r->opt.grep, NULL);
	wbuf_reset(&r->text);
	if (md != NULL && newsml_item_text(doc, &r->text, &err) == WARTA_OK)
		hit = pcre2_match(r->opt.grep, (PCRE2_SPTR)(r->text.data !=
		    NULL ? r->text.data : ""), r->text.len, 0, 0, md, NULL) >=
		    0;
	pcre2_match_data_free(md);
	return hit;
}

/* A selected item listed, streamed or extracted. */
static void
take_selected(struct run *r, const char *bundle, const char *name,
    const struct select_row *row, xmlNodePtr item)
{
	struct warta_error err;

	if (r->stdout_tty)
		progress_clear(r->progress);
	warta_error_clear(&err);
	switch (r->opt.mode) {
	case MODE_LIST:
		list_row(r, row);
		break;
	case MODE_STREAM:
		wbuf_reset(&r->out);
		if (g2_serialize(item, &r->out) != 0 ||
		    newsml_stream_item(r->stream, r->out.data, r->out.len,
		    &err) != WARTA_OK) {
			cli_warn("standard output: %s", err.message[0] !=
			    '\0' ? err.message : "out of memory");
			r->failed = 1;
		}
		break;
	case MODE_EXTRACT:
		/* The item as the bag holds it, byte for byte. */
		wbuf_reset(&r->out);
		if (wbuf_append(&r->out, r->data.data, r->data.len) !=
		    WARTA_OK || extract_item(r, bundle, name, row->path,
		    item) != 0)
			r->failed = 1;
		break;
	}
}

/*
 * One item of the bag (its data in r->data): selected or not, then
 * listed, streamed or extracted.
 */
static void
take_item(struct run *r, const char *bundle, const char *name,
    const char *path)
{
	struct warta_error err;
	struct catalog_entry e;
	struct select_row row;
	xmlDocPtr doc;
	xmlNodePtr item;
	int selected;

	if ((doc = read_doc(r, bundle, path)) == NULL)
		return;
	item = xmlDocGetRootElement(doc);
	if (!g2_is(item, "newsItem")) {
		/* The catalog, or a package of another tool: not an item. */
		if (in_items(path)) {
			cli_warn_at(bundle, "%s: not a NewsML-G2 item", path);
			r->failed = 1;
		}
		xmlFreeDoc(doc);
		return;
	}
	r->items++;
	warta_error_clear(&err);
	if (catalog_entry_read(item, 0, &e, &err) != WARTA_OK) {
		cli_warn_at(bundle, "%s: %s", path, err.message);
		r->failed = 1;
		goto out;
	}
	select_row_from_entry(&e, path, &row);
	selected = select_row_matches(&r->opt.sel, &row);
	if (selected && r->opt.sel.subject != NULL)
		selected = select_subject(item, r->opt.sel.subject);
	if (selected && r->opt.grep != NULL)
		selected = grep_matches(r, doc);
	if (selected) {
		r->selected++;
		take_selected(r, bundle, name, &row, item);
	}
out:
	catalog_entry_free(&e);
	xmlFreeDoc(doc);
}

/*
 * A bundle.
 */

/* The entry's data into data; -1 when it could not be read (reported). */
static int
read_entry(struct run *r, struct bag_reader *br, const char *bundle,
    const char *path, struct wbuf *data)
{
	struct warta_error err;

	warta_error_clear(&err);
	if (bag_reader_read(br, data, &err) == WARTA_OK)
		return 0;
	cli_warn_at(bundle, "%s: %s", path, err.message);
	r->failed = 1;
	return -1;
}

/*
 * The entries of the bundle.  fast: only data/catalog.tsv is read, into
 * tsv; returns 1 when it was, 0 when not.  *broken is set when the bundle
 * could not be read to its end.
 */
static int
read_bundle(struct run *r, struct bag_reader *br, const char *bundle,
    int fast, struct wbuf *tsv, int *broken)
{
	struct bag_entry e;
	struct warta_error err;
	int rc, have_tsv = 0;

	warta_error_clear(&err);
	*broken = 0;
	while ((rc = bag_reader_next(br, &e, &err)) != 0) {
		if (r->progress != NULL)
			progress_update(r->progress, r->items, r->bytes +
			    bag_reader_file_bytes(br));
		if (rc < 0) {
			cli_warn_at(bundle, "%s", err.message);
			r->failed = 1;
			*broken = 1;
			break;
		}
		if (rc == BAG_ENTRY_REFUSED) {
			cli_warn_at(bundle, "%s: %s", e.archive_path,
			    err.message);
			r->failed = 1;
			continue;
		}
		if (rc == BAG_ENTRY_OUTSIDE)
			continue;
		if (fast) {
			if (strcmp(e.path, "data/catalog.tsv") != 0)
				continue;
			if (read_entry(r, br, bundle, e.path, tsv) != 0) {
				*broken = 1;
				break;
			}
			have_tsv = 1;
			continue;
		}
		if (!select_item_path(e.path))
			continue;
		if (r->opt.mode == MODE_EXTRACT &&
		    !extract_safe_name(bag_reader_name(br))) {
			cli_warn_at(bundle, "the bag's name '%s' cannot be a "
			    "directory", bag_reader_name(br));
			r->failed = 1;
			break;
		}
		wbuf_reset(&r->data);
		if (read_entry(r, br, bundle, e.path, &r->data) != 0)
			break;
		take_item(r, bundle, bag_reader_name(br), e.path);
	}
	return have_tsv;
}

/*
 * Through the index (bagit/index.h): a .tar.gz or .tar.zst of warta's
 * says where each entry starts, so a listing reads the catalog alone, and
 * a selection the catalog can answer reads the items it selects alone.
 */

/* e's data into data; -1 when it could not be read (reported). */
static int
read_indexed(struct run *r, const struct bag_index *x,
    const struct bag_index_entry *e, const char *bundle, struct wbuf *data,
    char *name, size_t size)
{
	struct warta_error err;

	warta_error_clear(&err);
	wbuf_reset(data);
	if (bag_index_read(x, e, &r->opt.limits, data, name, size, &err) ==
	    WARTA_OK)
		return 0;
	cli_warn_at(bundle, "%s: %s", e->path, err.message);
	r->failed = 1;
	return -1;
}

/* An item the index gives, taken (or not) as in a bundle read whole. */
static int
take_indexed(struct run *r, const struct bag_index *x,
    const struct bag_index_entry *e, const char *bundle)
{
	char name[256];

	if (read_indexed(r, x, e, bundle, &r->data, name, sizeof(name)) != 0)
		return 0;
	if (r->opt.mode == MODE_EXTRACT && !extract_safe_name(name)) {
		cli_warn_at(bundle, "the bag's name '%s' cannot be a "
		    "directory", name);
		r->failed = 1;
		return -1;
	}
	take_item(r, bundle, name, e->path);
	return 0;
}

static void
index_problem(struct run *r, const char *bundle, const char *message)
{
	cli_warn_at(bundle, "%s", message);
	r->failed = 1;
}

/* The item of the guid asked: its file's name is the guid's id, so only
 * the index is read to find it. */
static void
take_by_guid(struct run *r, struct bag_index *x, const char *bundle)
{
	struct bag_index_entry e;
	struct warta_error err;
	char hex[SHA256_HEX_LEN + 1];
	int rc;

	warta_error_clear(&err);
	sha256_hex(r->opt.sel.guid, strlen(r->opt.sel.guid), hex);
	hex[CATALOG_ID_LEN] = '\0';
	if ((rc = bag_index_find_item(x, hex, &e, &err)) < 0)
		index_problem(r, bundle, err.message);
	else if (rc > 0)
		(void)take_indexed(r, x, &e, bundle);
}

/* The number of lines of the bundle's catalog.tsv (0 when it cannot be
 * read: reported). */
static unsigned long
catalog_rows(struct run *r, struct bag_index *x, const char *bundle)
{
	struct bag_index_entry e;
	struct warta_error err;
	struct wbuf tsv = WBUF_INIT;
	unsigned long n = 0;
	char *pos;
	long lineno = 0;

	warta_error_clear(&err);
	if (bag_index_find(x, "data/catalog.tsv", &e, &err) > 0 &&
	    read_indexed(r, x, &e, bundle, &tsv, NULL, 0) == 0) {
		pos = tsv.data;
		while (catalog_tsv_next(&pos, &lineno) != NULL)
			n++;
	}
	wbuf_release(&tsv);
	return n;
}

/* The items the catalog's rows select, read one by one in the order of
 * the bundle. */
static void
take_by_catalog(struct run *r, struct bag_index *x, const char *bundle)
{
	struct bag_index_entry e;
	struct warta_error err;
	struct wbuf tsv = WBUF_INIT;
	struct select_row row;
	char *line, *pos, path[CATALOG_PATH_MAX + 8];
	long lineno = 0;
	int rc;

	warta_error_clear(&err);
	if ((rc = bag_index_find(x, "data/catalog.tsv", &e, &err)) <= 0) {
		if (rc < 0)
			index_problem(r, bundle, err.message);
		return;
	}
	if (read_indexed(r, x, &e, bundle, &tsv, NULL, 0) != 0)
		goto out;
	pos = tsv.data;
	while ((line = catalog_tsv_next(&pos, &lineno)) != NULL) {
		if (select_row_from_tsv(line, &row) != 0 ||
		    !select_row_matches(&r->opt.sel, &row))
			continue;
		snprintf(path, sizeof(path), "data/%s", row.path);
		if ((rc = bag_index_find(x, path, &e, &err)) < 0) {
			index_problem(r, bundle, err.message);
			break;
		}
		if (rc == 0) {
			cli_warn_at(bundle, "data/catalog.tsv: line %ld: %s is "
			    "not in " BAG_INDEX_NAME, lineno, path);
			r->failed = 1;
			continue;
		}
		if (take_indexed(r, x, &e, bundle) != 0)
			break;
	}
out:
	wbuf_release(&tsv);
}

/*
 * The bundle through its index; 0 when it has none, or the selection needs
 * every item anyway (a subject, --grep, or none at all: read in order).
 */
static int
unpack_indexed(struct run *r, const char *bundle, int fast)
{
	struct bag_index *x;
	struct bag_index_entry e;
	struct warta_error err;
	struct wbuf tsv = WBUF_INIT;
	const struct selection *s = &r->opt.sel;
	unsigned long before;
	int rc;

	if (!fast && (s->subject != NULL || r->opt.grep != NULL ||
	    (s->guid == NULL && s->date_from == NULL && s->date_to == NULL &&
	    s->byline == NULL && s->place == NULL && s->lang == NULL)))
		return 0;
	warta_error_clear(&err);
	if ((rc = bag_index_open(bundle, &r->opt.limits, &x, &err)) <= 0) {
		if (rc == -2) {
			/* A bound: the bundle is refused, as when read whole. */
			cli_warn_at(bundle, "%s", err.message);
			r->failed = 1;
			return 1;
		}
		if (rc < 0)
			cli_warn_at(bundle, BAG_INDEX_NAME ": %s; reading the "
			    "whole bundle", err.message);
		return 0;
	}
	if (fast) {
		if (bag_index_find(x, "data/catalog.tsv", &e, &err) <= 0 ||
		    read_indexed(r, x, &e, bundle, &tsv, NULL, 0) != 0) {
			/* Read whole, the bundle says what is wrong. */
			wbuf_release(&tsv);
			bag_index_free(x);
			return 0;
		}
		list_catalog(r, bundle, &tsv);
		wbuf_release(&tsv);
		bag_index_free(x);
		return 1;
	}
	before = r->items;
	if (s->guid != NULL)
		take_by_guid(r, x, bundle);
	else
		take_by_catalog(r, x, bundle);
	/* Every item of the bundle counts, read or not (the summary of -C
	 * says how many there were): the catalog has a line each. */
	if (r->opt.mode == MODE_EXTRACT)
		r->items = before + catalog_rows(r, x, bundle);
	bag_index_free(x);
	return 1;
}

static void
unpack_bundle(struct run *r, const char *bundle, int read_items)
{
	struct bag_reader *br;
	struct warta_error err;
	struct wbuf tsv = WBUF_INIT;
	int have_tsv, broken, fast = !read_items && !needs_items(&r->opt);

	if (unpack_indexed(r, bundle, fast))
		return;
	warta_error_clear(&err);
	if ((br = bag_reader_open(bundle, &r->opt.limits, &err)) == NULL) {
		cli_warn_at(bundle, "%s", err.message);
		r->failed = 1;
		return;
	}
	have_tsv = read_bundle(r, br, bundle, fast, &tsv, &broken);
	bag_reader_free(br);
	if (have_tsv && r->stdout_tty)
		progress_clear(r->progress);
	if (have_tsv)
		list_catalog(r, bundle, &tsv);
	wbuf_release(&tsv);
	/* Another tool's bag: no catalog, read the items (what of it can
	 * be read). */
	if (fast && !have_tsv && !broken)
		unpack_bundle(r, bundle, 1);
}

int
main(int argc, char **argv)
{
	struct run r;
	struct warta_error err;
	struct winsize ws;
	int i, rc;

	cli_set_name("warta-unpack");
	memset(&r, 0, sizeof(r));
	if ((rc = parse_options(argc, argv, &r.opt)) != CLI_OK)
		return rc;
	r.x.dir = r.opt.dir;
	r.x.force = r.opt.force;
	warta_error_clear(&err);
	if (warta_now(r.now, &err) != WARTA_OK) {
		cli_warn("%s", err.message);
		return CLI_USAGE;
	}
	r.term_width = 100;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) ==
	    0 && ws.ws_col > 0)
		r.term_width = ws.ws_col;
	if (r.opt.mode == MODE_STREAM &&
	    (r.stream = newsml_stream_new(stdout, r.now)) == NULL) {
		cli_warn("out of memory");
		return CLI_SOME_FAILED;
	}
	r.stdout_tty = isatty(STDOUT_FILENO);
	if ((r.progress = progress_new("warta-unpack", STDERR_FILENO,
	    progress_wanted(r.opt.progress, r.opt.quiet))) != NULL)
		progress_total(r.progress, 0, progress_inputs_size(optind,
		    argc, argv));
	for (i = optind; i < argc; i++) {
		FILE *fp;
		unsigned long long size;

		/* libarchive's "Failed to open" does not say why. */
		if ((fp = fopen(argv[i], "rb")) == NULL) {
			cli_warn_at(argv[i], "%s", strerror(errno));
			r.failed = 1;
			continue;
		}
		fclose(fp);
		unpack_bundle(&r, argv[i], 0);
		if (progress_file_size(argv[i], &size) == 0)
			r.bytes += size;
	}
	progress_end(r.progress);
	list_header(&r);
	if (r.stream != NULL &&
	    newsml_stream_finish(r.stream, &err) != WARTA_OK) {
		cli_warn("standard output: %s", err.message);
		r.failed = 1;
	}
	rc = cli_finish(r.failed ? CLI_SOME_FAILED : CLI_OK);
	if (r.opt.mode == MODE_EXTRACT && (!r.opt.quiet || rc != CLI_OK))
		cli_warn("%lu of %lu items selected, %lu files written",
		    r.selected, r.items, r.x.written);
	newsml_stream_free(r.stream);
	pcre2_code_free(r.opt.grep);
	wbuf_release(&r.data);
	wbuf_release(&r.text);
	wbuf_release(&r.line);
	wbuf_release(&r.out);
	xmlCleanupParser();
	return rc;
}
