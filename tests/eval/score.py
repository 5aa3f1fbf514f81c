#!/usr/bin/env python3
"""score.py BIN_DIR [LABELS]: what warta-normalize and warta-meta read out of
the labelled articles, against the labels (make eval).

Each article goes through `warta-normalize FILE | warta-meta` on its own,
with SOURCE_DATE_EPOCH fixed.  For each field it prints how many items
are right, wrong (a value that is not the label's, or a value where the
label says there is none) and missing (no value where the label has one),
and a score in which a wrong value costs twice a missing one:
(right - 2 * wrong) / labelled.  For people, organizations and places it
prints precision and recall.  Every difference, article by article, goes
to build/eval/details.txt.

EVAL_PART=dev scores two articles in three (lines 1, 2, 4, 5, ...),
EVAL_PART=held the third: a rule is tuned on dev and checked on held, so
that the figures say how it does on articles it was not tuned to.

Corpus articles (file "corpus/id/...") are read from ../shared or
$WARTA_SHARED; where that is absent they are counted as skipped, and
the figures cover the rest."""
import json
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

G2 = "{http://iptc.org/std/nar/2006-10-01/}"
XH = "{http://www.w3.org/1999/xhtml}"
SCALARS = ["headline", "date", "place", "outlet", "byline", "paragraphs"]
ENTITIES = [("people", "cpnat:person"), ("orgs", "cpnat:organisation"),
            ("places", "cpnat:geoArea")]


def norm(s):
    """What two spellings of one value share: NFC, case, spacing, and the
    punctuation around it."""
    s = unicodedata.normalize("NFC", s).casefold()
    s = s.replace("\u2019", "'")
    s = re.sub(r"\s+", " ", s).strip(" .,;:-\u2013\u2014()[]\"'")
    return s


BYLINE_LEAD = re.compile(
    r"^(by|oleh|penulis|reporter|pewarta|laporan wartawan|reporting by)"
    r"\s*:?\s+", re.I)


def norm_byline(s):
    s = norm(s)
    s = BYLINE_LEAD.sub("", s)
    s = re.sub(r",? (associated press|the associated press|reuters|ap)$", "", s)
    return norm(s)


def text(el):
    return "".join(el.itertext()) if el is not None else None


def read_item(xml):
    """The fields of the first newsItem of a stream."""
    root = ET.fromstring(xml)
    item = root if root.tag == G2 + "newsItem" else root.find(
        f".//{G2}newsItem")
    if item is None:
        return None
    cm = item.find(G2 + "contentMeta")
    got = {}
    got["headline"] = text(cm.find(G2 + "headline"))
    got["date"] = text(cm.find(G2 + "contentCreated"))
    got["place"] = text(cm.find(f"{G2}located/{G2}name"))
    got["outlet"] = text(cm.find(f"{G2}infoSource/{G2}name"))
    by = cm.find(G2 + "by")
    got["byline"] = text(by)
    body = item.find(f".//{XH}body")
    got["paragraphs"] = len(body.findall(XH + "p")) if body is not None else 0
    for key, kind in ENTITIES:
        names = []
        for s in cm.findall(G2 + "subject"):
            if s.get("type") != kind:
                continue
            # every name of the subject itself (full and short), not of
            # its broader places
            names.append([text(n) for n in s.findall(G2 + "name")])
        got[key] = names
    return got


def run(bin_dir, path):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    norm_p = subprocess.run([os.path.join(bin_dir, "warta-normalize"), "-q",
                             path], capture_output=True, env=env)
    meta_p = subprocess.run([os.path.join(bin_dir, "warta-meta"), "-q"],
                            input=norm_p.stdout, capture_output=True, env=env)
    if meta_p.returncode != 0 or not meta_p.stdout:
        return None, (norm_p.stderr + meta_p.stderr).decode(errors="replace")
    return read_item(meta_p.stdout), None


def same(field, want, got):
    if field == "paragraphs":
        return int(want) == int(got)
    if field == "byline":
        return norm_byline(want) == norm_byline(got)
    return norm(want) == norm(got)


class Tally:
    def __init__(self):
        self.right = self.wrong = self.missing = self.labelled = 0
        self.none_right = 0

    def score(self):
        return (self.right - 2 * self.wrong) / max(self.labelled, 1)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: score.py BIN_DIR [LABELS]")
    bin_dir = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    top = os.path.dirname(os.path.dirname(here))
    labels = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        here, "labels.jsonl")
    shared = os.environ.get("WARTA_SHARED") or os.path.join(top, "..",
                                                            "shared")
    out_dir = os.path.join(top, "build", "eval")
    os.makedirs(out_dir, exist_ok=True)
    details = open(os.path.join(out_dir, "details.txt"), "w",
                   encoding="utf-8")

    tallies = {f: Tally() for f in SCALARS}
    # found and right, found and wrong, labelled, labelled and found
    ent = {k: [0, 0, 0, 0] for k, _ in ENTITIES}
    articles = skipped = failed = 0
    part = os.environ.get("EVAL_PART", "all")
    for number, line in enumerate(open(labels, encoding="utf-8")):
        if (part == "dev" and number % 3 == 2) or (
                part == "held" and number % 3 != 2):
            continue
        lab = json.loads(line)
        f = lab["file"]
        path = (os.path.join(shared, f) if f.startswith("corpus/")
                else os.path.join(top, f))
        if not os.path.exists(path):
            skipped += 1
            continue
        got, err = run(bin_dir, path)
        if got is None:
            failed += 1
            details.write(f"{f}: no item: {err}\n")
            continue
        articles += 1
        for field in SCALARS:
            t = tallies[field]
            want, have = lab[field], got[field]
            if want is not None:
                t.labelled += 1
            if want is None and have is None:
                t.none_right += 1
            elif want is not None and have is None:
                t.missing += 1
                details.write(f"{f}: {field}: missing, want {want!r}\n")
            elif want is None:
                t.wrong += 1
                details.write(f"{f}: {field}: wrong, {have!r} where "
                              f"there is none\n")
            elif same(field, want, have):
                t.right += 1
            else:
                t.wrong += 1
                details.write(f"{f}: {field}: wrong, {have!r}, want "
                              f"{want!r}\n")
        for key, _ in ENTITIES:
            want = {norm(x) for x in lab[key]}
            matched = set()
            for names in got[key]:
                hit = [norm(n) for n in names if norm(n) in want]
                if hit:
                    ent[key][0] += 1
                    matched.update(hit)
                else:
                    ent[key][1] += 1
                    details.write(f"{f}: {key}: not one: {names[0]!r}\n")
            ent[key][2] += len(want)
            ent[key][3] += len(want & matched)
            for w in sorted(want - matched):
                details.write(f"{f}: {key}: missed: {w!r}\n")

    print(f"eval ({part}): {articles} articles read, {failed} failed, {skipped} "
          f"skipped (../shared absent)" if skipped else
          f"eval ({part}): {articles} articles read, {failed} failed")
    print(f"{'field':<11} {'labelled':>8} {'right':>6} {'wrong':>6} "
          f"{'missing':>8} {'none ok':>8} {'score':>7}")
    for field in SCALARS:
        t = tallies[field]
        print(f"{field:<11} {t.labelled:>8} {t.right:>6} {t.wrong:>6} "
              f"{t.missing:>8} {t.none_right:>8} {t.score():>7.2f}")
    print(f"{'entities':<11} {'found':>8} {'right':>6} {'labelled':>8} "
          f"{'precision':>10} {'recall':>7}")
    for key, _ in ENTITIES:
        right, wrong, labelled, recalled = ent[key]
        p = right / max(right + wrong, 1)
        r = recalled / max(labelled, 1)
        print(f"{key:<11} {right + wrong:>8} {right:>6} {labelled:>8} "
              f"{p:>10.2f} {r:>7.2f}")
    print("details: build/eval/details.txt")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
