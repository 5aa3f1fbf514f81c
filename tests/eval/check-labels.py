#!/usr/bin/env python3
"""Check tests/eval/labels.jsonl: every line parses, has exactly the label
keys, names a file that exists, has a valid ISO date (or null), and every
entity, headline, place, outlet and byline it gives can be found in the
article's text.  Run from anywhere:  python3 tests/eval/check-labels.py
Corpus files are looked up in ../shared (or $WARTA_SHARED)."""
import datetime, json, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
top = os.path.dirname(os.path.dirname(here))
shared = os.environ.get("WARTA_SHARED", os.path.join(top, "..", "shared"))
labels = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "labels.jsonl")
KEYS = ["file", "lang", "headline", "date", "place", "outlet", "byline",
        "people", "orgs", "places", "paragraphs", "note"]

problems = 0
def bad(n, msg):
    global problems
    problems += 1
    print(f"{labels}:{n}: {msg}")

seen = set()
n = 0
for n, line in enumerate(open(labels, encoding="utf-8"), 1):
    try:
        d = json.loads(line)
    except ValueError as e:
        bad(n, f"not JSON: {e}"); continue
    if list(d) != KEYS:
        bad(n, f"keys {list(d)}"); continue
    f = d["file"]
    if f in seen: bad(n, f"{f} labelled twice")
    seen.add(f)
    path = os.path.join(shared, f) if f.startswith("corpus/") else os.path.join(top, f)
    if not os.path.isfile(path):
        bad(n, f"no file {path}"); continue
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    flat = re.sub(r"\s+", " ", text)
    noparen = re.sub(r" \([^)]*\)", "", flat)   # 'Satuan ... (Satpol PP) Kota Surabaya'
    low = flat.lower()
    if d["lang"] not in ("id", "en"): bad(n, f"lang {d['lang']!r}")
    if d["date"] is not None:
        try: datetime.date.fromisoformat(d["date"])
        except (TypeError, ValueError): bad(n, f"date {d['date']!r}")
    if not isinstance(d["paragraphs"], int) or d["paragraphs"] < 1:
        bad(n, f"paragraphs {d['paragraphs']!r}")
    if d["headline"] is not None and d["headline"] not in text.splitlines():
        bad(n, "headline is not a line of the text")
    for k in ("people", "orgs", "places"):
        if not isinstance(d[k], list) or len(set(d[k])) != len(d[k]):
            bad(n, f"{k} not a list of distinct names"); continue
        for e in d[k]:
            if e not in flat and e not in noparen and e.lower() not in low:
                bad(n, f"{k}: {e!r} not in the text")
    for k in ("place", "outlet", "byline"):
        if d[k] is None: continue
        for part in (d[k].split(" and ") if k == "byline" else [d[k]]):
            if part.lower() not in low:
                bad(n, f"{k}: {part!r} not in the text")
    if not d["note"]: bad(n, "empty note")

print(f"{n} labels, {problems} problems")
sys.exit(1 if problems else 0)
