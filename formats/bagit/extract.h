/*
 * bagit/extract.h: a bundle's files written out under a target directory,
 * safely, whatever the bundle says.
 *
 * Nothing is written where a bundle says: the caller builds every path
 * from the bag's name (a plain component) and an item's place in the bag,
 * relative to the target.  A path that is absolute or holds a ".." (or
 * empty, or ".") component is refused; every directory on the way under
 * the target is made or must be a directory: a symbolic link is never
 * followed, there or at the file itself.  The target itself, the user's
 * choice, may be reached through links (and is made when missing).  A
 * file that is there is replaced only with force, and a file whose
 * writing failed is removed, so that no partial output is left.
 */
#ifndef WARTA_BAGIT_EXTRACT_H
#define WARTA_BAGIT_EXTRACT_H

#include <stddef.h>

#include "base/warta.h"

struct extract {
	const char *dir;	/* the target directory */
	int force;		/* replace files that are there */
	unsigned long written;	/* files written so far */
};

/* Whether a bag's name can be a directory: one plain component. */
int extract_safe_name(const char *name);

/*
 * An item file's place in the bag, data/ and items/ taken off:
 * data/items/2021/08/10/ID.xml (or data/ID.xml, another tool's) gives
 * 2021/08/10/ID.xml (or ID.xml).
 */
const char *extract_item_place(const char *path);
/*
 * The same without .xml, the stem its original and its text are named
 * after: 2021/08/10/ID.  WARTA_FAILED when it does not fit in size.
 */
int extract_item_stem(const char *path, char *stem, size_t size);

/*
 * Writes the len bytes at p to DIR/REL, rel being relative to the target
 * ("NAME/data/items/2021/08/10/ID.xml").  On failure err says why, as
 * "DIR/REL: PROBLEM" (or the directory on the way that is the problem),
 * and nothing of the file is left.
 */
int extract_write(struct extract *x, const char *rel, const void *p,
    size_t len, struct warta_error *err);

#endif
