#!/usr/bin/env python3
# warc-samples.py [BIN_DIR]: writes the WARC samples from the pages of
# samples/warc/site/, so that what they hold can be read here rather than
# in the WARC bytes:
#
#   samples/warc/site.warc        a crawl of the site as a crawler writes it
#                                 (WARC/1.1): warcinfo, a request before each
#                                 response, HTML pages (one chunked), a style
#                                 sheet, an image, a 404 and a redirect, an
#                                 HTML resource record, metadata and revisit
#                                 records
#   samples/invalid/warc-damaged.warc  three damaged records: no WARC/1.x
#                                 line, no Content-Length, a body cut short
#
# With BIN_DIR (build/bin), also the golden files of site.warc:
# samples/warc/site.xml and .err, what tests/normalize-sample.sh gives, as
# tests/t0150-input-warc-archive.bats checks them.  Read the diff (git diff
# samples/) before committing it.  (The messages for warc-damaged.warc are
# in that test: tests/golden.sh and t0100 take samples/invalid/*.txt only.)
# Fixed dates and record ids: the same bytes every time.
import os
import subprocess
import sys

top = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
site = os.path.join(top, "samples", "warc", "site")
HOST = "http://kabar-pesisir.example"
DATE = "2023-08-03T01:02:%02dZ"


def page(path):
    with open(os.path.join(site, path), "rb") as f:
        return f.read()


class Warc:
    def __init__(self, version="1.1"):
        self.version = version
        self.out = bytearray()
        self.n = 0

    def record(self, type_, block, ctype, uri=None, extra=()):
        self.n += 1
        head = [
            "WARC/" + self.version,
            "WARC-Type: " + type_,
            "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>" % self.n,
            "WARC-Date: " + DATE % self.n,
        ]
        if uri is not None:
            head.append("WARC-Target-URI: " + uri)
        head += list(extra)
        head += ["Content-Type: " + ctype, "Content-Length: %d" % len(block)]
        self.out += ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"

    def fetch(self, path, status, ctype, body, headers=()):
        uri = HOST + "/" + path
        self.record("request", ("GET /%s HTTP/1.1\r\nHost: kabar-pesisir.example\r\n"
                                "Accept-Encoding: identity\r\n\r\n" % path).encode(),
                    "application/http;msgtype=request", uri)
        http = ["HTTP/1.1 " + status]
        if ctype is not None:
            http.append("Content-Type: " + ctype)
        http += list(headers)
        if not any(h.startswith("Transfer-Encoding") for h in headers):
            http.append("Content-Length: %d" % len(body))
        self.record("response", ("\r\n".join(http) + "\r\n\r\n").encode() + body,
                    "application/http;msgtype=response", uri)


def chunked(body, size=200):
    out = bytearray()
    for i in range(0, len(body), size):
        part = body[i:i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return bytes(out + b"0\r\n\r\n")


def site_warc():
    w = Warc()
    w.record("warcinfo", b"software: warta tests/warc-samples.py\r\n"
             b"format: WARC File Format 1.1\r\n", "application/warc-fields",
             extra=["WARC-Filename: site.warc"])
    w.fetch("robots.txt", "404 Not Found", "text/html; charset=utf-8",
            b"<html><body><p>Not found</p></body></html>\n")
    w.fetch("", "301 Moved Permanently", "text/html",
            b"<html><body><a href=\"/index.html\">moved</a></body></html>\n",
            ["Location: /index.html"])
    w.fetch("index.html", "200 OK", "text/html; charset=utf-8",
            page("index.html"))
    w.fetch("style.css", "200 OK", "text/css", page("style.css"))
    w.fetch("logo.svg", "200 OK", "image/svg+xml", page("logo.svg"))
    w.fetch("berita/pelabuhan-dibuka.html", "200 OK",
            "text/html; charset=utf-8", page("berita/pelabuhan-dibuka.html"))
    w.fetch("berita/harga-garam.html", "200 OK", "text/html; charset=UTF-8",
            chunked(page("berita/harga-garam.html")),
            ["Transfer-Encoding: chunked"])
    # The same page again, unchanged: a revisit record, no payload.
    w.record("revisit", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
             "application/http;msgtype=response",
             HOST + "/berita/pelabuhan-dibuka.html",
             ["WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"])
    # A page kept as a file, not fetched: a resource record.
    w.record("resource", page("berita/festival-layang.html"),
             "text/html; charset=utf-8",
             HOST + "/berita/festival-layang.html")
    w.record("metadata", b"outlinks: " + HOST.encode() + b"/berita/\r\n",
             "application/warc-fields", HOST + "/index.html")
    return bytes(w.out)


def damaged_warc():
    out = bytearray()
    # 1: not a version line.
    out += (b"WARC/one\r\nWARC-Type: resource\r\nContent-Type: text/html\r\n"
            b"Content-Length: 20\r\n\r\n<p>first record</p>\n\r\n\r\n")
    # 2: no Content-Length.
    out += (b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\n"
            b"WARC-Date: 2023-08-03T01:02:03Z\r\n\r\n<p>second record</p>\r\n\r\n")
    # 3: says 500 bytes, holds fewer: the file ends first.
    out += (b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\n"
            b"Content-Length: 500\r\n\r\n<html><body><p>The third record "
            b"ends before its Content-Length.</p>\n")
    return bytes(out)


def write(path, data):
    with open(os.path.join(top, path), "wb") as f:
        f.write(data)


def golden(bin_dir, sample):
    run = subprocess.run([os.path.join(top, "tests", "normalize-sample.sh"),
                          bin_dir, os.path.join(top, sample)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL)
    base = os.path.splitext(sample)[0]
    write(base + ".xml", run.stdout)
    write(base + ".err", run.stderr)
    if run.returncode != 0:
        sys.exit("warc-samples: %s: exit status %d" % (sample, run.returncode))


write("samples/warc/site.warc", site_warc())
write("samples/invalid/warc-damaged.warc", damaged_warc())
if len(sys.argv) > 1:
    golden(sys.argv[1], "samples/warc/site.warc")
