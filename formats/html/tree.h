/*
 * html/tree.h: the site's folder, written beside its final name and put
 * in place whole.
 *
 * A site is built in a new folder next to DIR ("DIR.warta-XXXXXX") and
 * renamed to DIR only when complete, so that an interrupted run never
 * leaves half a site under the name, and a librarian's browser open on the
 * old site sees the old one or the new one.  DIR may exist only as an
 * empty folder or as an earlier site of warta-html (it holds the marker
 * file .warta-site): anything else is refused, never removed.
 */
#ifndef WARTA_HTML_TREE_H
#define WARTA_HTML_TREE_H

#include <stddef.h>
#include <stdio.h>

#include "base/warta.h"

struct html_tree;

/* NULL with err when DIR cannot be used or the new folder made. */
struct html_tree *html_tree_new(const char *dir, struct warta_error *err);
/*
 * Writes the file at path (relative, '/'-separated, from the site's root;
 * its folders made as needed), whole.  Safe on any thread.
 */
int html_tree_write(struct html_tree *t, const char *path, const void *data,
    size_t len, struct warta_error *err);
/*
 * The same, with what the temporary file from holds (from its start), a
 * piece at a time: a file as large as the site's index data never whole
 * in memory.
 */
int html_tree_copy(struct html_tree *t, const char *path, FILE *from,
    struct warta_error *err);
/*
 * As html_tree_write(), but only when no file is at path yet: returns
 * HTML_TREE_EXISTS (and writes nothing) when one is.
 */
#define HTML_TREE_EXISTS 1
int html_tree_create(struct html_tree *t, const char *path, const void *data,
    size_t len, struct warta_error *err);
/*
 * Removes the files of folder dir (relative, as above) whose names begin
 * with prefix, but the one named keep (NULL: all of them).  A missing
 * folder holds none.  What an item given again leaves of the earlier
 * one: an original of another kind, or one it no longer has.
 */
int html_tree_remove_others(struct html_tree *t, const char *dir,
    const char *prefix, const char *keep, struct warta_error *err);
/* Puts the new site in DIR's place (the earlier site is removed). */
int html_tree_commit(struct html_tree *t, struct warta_error *err);
/* Removes a site that was not committed, and frees. NULL is a no-op. */
void html_tree_free(struct html_tree *t);

#endif
