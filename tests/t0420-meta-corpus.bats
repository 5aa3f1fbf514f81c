#!/usr/bin/env bats
# t0420-meta-corpus: the 100 real articles of ../shared/corpus/id through
# warta-normalize and warta-meta: nothing lost, everything valid, a second
# run changes nothing, and the finds are there in most articles (on
# 2026-11-29: people in 71, organizations in 86, places in 88, topics in
# 80; the floors below are well under that, so that only a broken rule
# trips them).

load common

setup_file() {
	[ -n "${WARTA_SHARED:-}" ] && [ -d "$WARTA_SHARED/corpus/id" ] || return 0
	local d=$BATS_FILE_TMPDIR
	warta-normalize -q "$WARTA_SHARED/corpus/id" >"$d/items.xml"
	warta-meta --vocab "$WARTA_SHARED/newsml-g2/vocab/medtop-active-en.tsv" \
	    "$d/items.xml" >"$d/meta.xml" 2>"$d/meta.err"
}

c() { xmllint --xpath "count($1)" "$BATS_FILE_TMPDIR/meta.xml"; }

@test "corpus: 100 articles in, 100 valid items out, each changed once" {
	need_shared
	expect items "$(c "//*[local-name()='newsItem']")" 100
	expect "version 2" "$(c "//*[local-name()='newsItem'][@version='2']")" 100
	validate "$BATS_FILE_TMPDIR/meta.xml"
	has summary "$(cat "$BATS_FILE_TMPDIR/meta.err")" "100 items, 100 changed"
}

@test "corpus: a second run of warta-meta changes nothing" {
	need_shared
	warta-meta -q --vocab "$WARTA_SHARED/newsml-g2/vocab/medtop-active-en.tsv" \
	    "$BATS_FILE_TMPDIR/meta.xml" >"$BATS_FILE_TMPDIR/again.xml"
	cmp "$BATS_FILE_TMPDIR/meta.xml" "$BATS_FILE_TMPDIR/again.xml"
}

@test "corpus: people, organizations, places and topics are found in most articles" {
	need_shared
	local s="//*[local-name()='subject']" a="//*[local-name()='newsItem']"
	# Articles with at least one find of each kind: the rules must keep
	# working on real text, not only on the seed.
	local people orgs places topics
	people=$(c "$a[.//*[local-name()='subject'][@type='cpnat:person']]")
	orgs=$(c "$a[.//*[local-name()='subject'][@type='cpnat:organisation']]")
	places=$(c "$a[.//*[local-name()='subject'][@type='cpnat:geoArea']]")
	topics=$(c "$a[.//*[local-name()='subject'][starts-with(@qcode, 'medtop:')]]")
	echo "articles with people $people, organizations $orgs, places $places, topics $topics" >&3
	[ "$people" -ge 50 ] && [ "$orgs" -ge 60 ] && [ "$places" -ge 80 ] &&
	    [ "$topics" -ge 60 ]
	# No article has a description of its own: each gets a summary.
	expect summaries "$(c "$a[.//*[local-name()='description'][@role='drol:summary']]")" 100
	expect unmarked "$(c "$s[@type='cpnat:person' or @type='cpnat:organisation' or @type='cpnat:geoArea'][not(@why='why:direct')]")" 0
}
