#!/usr/bin/env bats
# t1010-html-browser: the reading room in a real browser.  The site of the
# samples and of a hostile item (tests/browser/hostile.js) is opened from
# the disk in headless Chromium, driven through the DevTools protocol by
# tests/browser/driver.js, once for every check: the index lists every
# item, a filter and the search narrow it, the seed article's page shows
# its body and metadata, the hostile item is text and runs nothing, an
# item page's CSP refuses scripts, axe-core finds no serious violation,
# nothing scrolls sideways on a phone, the keyboard reaches the filters,
# print drops the navigation, and no request leaves the file system.
# Where chromium, node or the npm packages (make's dependency step puts
# them in build/browser) are absent, every test skips.  CHROMIUM names
# another browser binary.

load common

bats_require_minimum_version 1.5.0

AXE=$WARTA_TOP/build/browser/node_modules/axe-core/axe.min.js

# What is absent, for every test to skip with (bats skips no test from
# setup_file).
absent() {
	command -v "${CHROMIUM:-chromium}" >/dev/null ||
		{ echo "${CHROMIUM:-chromium} is absent (Debian's chromium; make's dependency step installs it)"; return; }
	command -v node >/dev/null || { echo "node is absent"; return; }
	[ -f "$AXE" ] ||
		echo "axe-core is absent from build/browser (make build/testdeps.ok installs it)"
}

setup_file() {
	local d=$BATS_FILE_TMPDIR
	BROWSER_ABSENT=$(absent)
	export BROWSER_ABSENT
	[ -z "$BROWSER_ABSENT" ] || return 0
	warta-normalize -q "$SAMPLES"/*.txt 2>/dev/null |
	    warta-meta -q >"$d/samples.xml"
	node "$WARTA_TOP/tests/browser/hostile.js" >"$d/hostile.xml"
	warta-html -q -o "$d/site" "$d/samples.xml" "$d/hostile.xml"
	# The driver's status is each test's to read, line by line; the
	# browser's profile goes in TMPDIR, here the file's own.
	TMPDIR=$d node "$WARTA_TOP/tests/browser/driver.js" check "$d/site" \
	    --input "$d/samples.xml" --input "$d/hostile.xml" \
	    --seed semarang-maritim-purwanto.txt --hostile --axe "$AXE" \
	    >"$d/driver.out" 2>&1 || true
	grep '^# .* ms with the browser' "$d/driver.out" >&3 || true
}

setup() {
	[ -z "$BROWSER_ABSENT" ] || skip "$BROWSER_ABSENT"
}

# passed NAME: the driver's check NAME passed; else its reason, and the
# driver's notes.
passed() {
	local out=$BATS_FILE_TMPDIR/driver.out
	grep -qx "ok $1" "$out" && return 0
	echo "check $1 did not pass; the driver said:" >&2
	cat "$out" >&2
	return 1
}

@test "the index lists every item of the input, each linking to its page" {
	passed index-lists-every-item
}

@test "a year, a place, the search and all three narrow the list to the items assets/items.js names" {
	passed filters-narrow
}

@test "the seed's page shows its body, guid, byline, names found or given, and links to its XML and original" {
	passed item-page
}

@test "a hostile item's markup, scripts and javascript: links are shown as text on every page, and none runs" {
	passed hostile-is-text
}

@test "an item page's Content-Security-Policy refuses a script put into it" {
	passed item-page-csp
}

@test "axe-core finds no serious or critical violation on the index, an item and a person" {
	passed axe
}

@test "at a phone's width (390 px) neither the index nor an item page, the hostile one's included, scrolls sideways" {
	passed phone-width
}

@test "with the keyboard: Tab shows the skip link, Enter follows it, Tab reaches the search and every filter in order" {
	passed keyboard
}

@test "printed, an item page keeps the article and its metadata and drops the navigation" {
	passed print
}

@test "no page asks for anything but file: (the network log)" {
	passed network-stays-local
}

@test "no page throws an exception or opens a dialog" {
	passed no-errors
}

@test "the driver ran every check, and said nothing else went wrong" {
	run grep -c '^ok ' "$BATS_FILE_TMPDIR/driver.out"
	expect "checks passed" "$output" 11
	run grep '^not ok' "$BATS_FILE_TMPDIR/driver.out"
	expect "failures" "$output" ""
}
