# samples.sh: which files of samples/ are warta-normalize's samples, and
# which are their golden files; sourced by tests/golden.sh, which writes
# the golden files, and by tests/common.bash, whose golden_match checks
# them, so that the two cannot disagree on what a sample is.
#
#   samples/NAME.txt, samples/html/NAME.html, samples/nitf/NAME.nitf,
#   samples/sgml/NAME.sgm, samples/warc/NAME.warc
#       read with exit 0: golden NAME.xml (the items) and NAME.err
#   samples/invalid/NAME.{txt,html,nitf,sgm,warc}
#       read with exit 1 (rejected, or a record of many rejected): golden
#       NAME.err, and NAME.xml when the good records still give items
#
# NAME.args beside a sample holds its options.  Other files (a DTD an
# invalid sample names, a site a WARC was made of) are neither.

# valid_samples TOP: the samples read with exit 0, one a line, sorted.
valid_samples() {
	for f in "$1"/samples/*.txt "$1"/samples/html/*.html \
	    "$1"/samples/nitf/*.nitf "$1"/samples/sgml/*.sgm \
	    "$1"/samples/warc/*.warc; do
		[ -f "$f" ] && printf '%s\n' "$f"
	done
}

# invalid_samples TOP: the samples rejected with exit 1, one a line.
invalid_samples() {
	for f in "$1"/samples/invalid/*.txt "$1"/samples/invalid/*.html \
	    "$1"/samples/invalid/*.nitf "$1"/samples/invalid/*.sgm \
	    "$1"/samples/invalid/*.warc; do
		[ -f "$f" ] && printf '%s\n' "$f"
	done
}

# golden_orphans TOP: golden files (and .args) with no sample beside them.
golden_orphans() {
	for f in "$1"/samples/*.xml "$1"/samples/*.err "$1"/samples/*.args \
	    "$1"/samples/html/*.xml "$1"/samples/html/*.err \
	    "$1"/samples/nitf/*.xml "$1"/samples/nitf/*.err \
	    "$1"/samples/sgml/*.xml "$1"/samples/sgml/*.err \
	    "$1"/samples/warc/*.xml "$1"/samples/warc/*.err \
	    "$1"/samples/invalid/*.xml "$1"/samples/invalid/*.err \
	    "$1"/samples/invalid/*.args; do
		[ -f "$f" ] || continue
		found=0
		for ext in txt html nitf sgm warc; do
			[ -f "${f%.*}.$ext" ] && found=1
		done
		[ "$found" = 1 ] || printf '%s\n' "$f"
	done
}
