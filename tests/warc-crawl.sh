#!/bin/sh
# warc-crawl.sh SITE_DIR OUT: crawls the site in SITE_DIR as a web archive
# would, into OUT.warc.gz: python3's http.server serves SITE_DIR on
# 127.0.0.1 (a free port the server picks itself), wget --warc-file crawls
# it from index.html two links deep (pages, style sheets, images, the
# robots.txt it asks for), and the server is stopped.  Exit 0 when the
# crawl was written (wget's own status is 8 when a link is missing, which
# is no failure here), 2 when wget or python3 is missing or the server
# did not start.
#
# The site is the one of samples/warc/site/: tests/t0150-input-warc-archive.bats
# reads the crawl with warta-normalize.
set -u
if [ $# -ne 2 ]; then
	echo "usage: warc-crawl.sh SITE_DIR OUT" >&2
	exit 2
fi
site=$1 out=$2
for tool in wget python3; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "warc-crawl: $tool is missing" >&2
		exit 2
	}
done
work=$(mktemp -d) || exit 2
log=$work/server.log
pid=
stop() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$work"
}
trap stop EXIT
trap 'exit 2' INT TERM

# Port 0: the server binds a free port and says which.
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$site" \
    >"$log" 2>&1 &
pid=$!
port=
i=0
while [ $i -lt 100 ]; do
	port=$(sed -n 's/.* port \([0-9][0-9]*\) .*/\1/p' "$log" | head -n 1)
	[ -n "$port" ] && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
	i=$((i + 1))
done
if [ -z "$port" ]; then
	echo "warc-crawl: the server did not start:" >&2
	cat "$log" >&2
	exit 2
fi

# The files wget saves go to the work directory; the WARC is the point.
# Three tries a file: on a loaded machine one request once failed
# (wget's exit status 4, a network failure) against the one-thread
# server, and the fixture was lost though nothing of warta's had failed.
wget --no-proxy --quiet --tries=3 --waitretry=1 --timeout=10 \
    --recursive --level=2 \
    --no-parent --directory-prefix="$work/files" --warc-file="$out" \
    "http://127.0.0.1:$port/index.html"
rc=$?
if [ ! -s "$out.warc.gz" ] || { [ $rc != 0 ] && [ $rc != 8 ]; }; then
	echo "warc-crawl: wget failed (exit status $rc)" >&2
	exit 2
fi
exit 0
