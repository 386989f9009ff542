#!/usr/bin/env python3
"""Convert Reuters-21578 SGML into one plain-text article file per story, for benches/compare.sh.

Each story with a <BODY> becomes `OUT/copy-KK/reut2-NNN/NEWID.txt` in dateline's plain-text
article format (see corpus/README.md):

    TITLE [copy K]          <- first line; the tag only for K > 0, so every copy has its own id
    February 26, 1990       <- date line; the year is shifted by K so copies get distinct dates
    <blank line>
    SALVADOR, Feb 26 - Showers continued ...   <- dateline, then paragraphs split by blank lines

Shifting by whole years keeps the dateline's "Feb 26" consistent with the publication date
(the 1987 stories have no Feb 29, so no shifted date is invalid).

With --ndjson FILE it also writes the same stories as NDJSON ({"title","date","body"}), the input
of the tantivy-cli baseline. Only the standard library is used. The SGML is Latin-1; the output
is UTF-8. Usage:

    sgml_to_text.py --src ../shared/corpora/reuters21578 --out benches/data/x20 --copies 20 \
        [--ndjson benches/data/x20.ndjson]

Prints `stories bytes` (stories and total bytes of their article files) on stdout. Without
--out only the NDJSON is written.
"""

import argparse
import datetime
import html
import json
import os
import re
import sys

STORY = re.compile(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', re.S)
DATE = re.compile(r"<DATE>\s*(\d{1,2}-[A-Z]{3}-\d{4})")
TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
DATELINE = re.compile(r"<DATELINE>(.*?)</DATELINE>", re.S)
BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
# Control characters written as numeric entities (&#2; &#3; &#5; &#22; ...): noise, dropped.
CONTROL_ENTITY = re.compile(r"&#(\d+);")
SIGNOFF = re.compile(r"(\s*\bReuter\b\s*)+$", re.I)


def clean(text):
    """Drops control-character entities and decodes the rest (&lt; &amp; ...)."""
    text = CONTROL_ENTITY.sub(lambda m: "" if int(m.group(1)) < 32 else m.group(0), text)
    return html.unescape(text)


def paragraphs(body):
    """Joins hard-wrapped lines; an indented line opens a new paragraph, as in the originals."""
    paras, current = [], []
    for line in body.split("\n"):
        if not line.strip():
            if current:
                paras.append(" ".join(current))
                current = []
            continue
        if line[:1].isspace() and current:
            paras.append(" ".join(current))
            current = []
        current.append(" ".join(line.split()))
    if current:
        paras.append(" ".join(current))
    return paras


def stories(src):
    """Yields (file stem, newid, day, title, dateline, paragraphs) for every story with a body."""
    for name in sorted(os.listdir(src)):
        if not (name.startswith("reut2-") and name.endswith(".sgm")):
            continue
        with open(os.path.join(src, name), encoding="latin-1") as f:
            data = f.read()
        for m in STORY.finditer(data):
            newid, doc = m.group(1), m.group(2)
            body = BODY.search(doc)
            date = DATE.search(doc)
            if not body or not date:
                continue
            paras = paragraphs(SIGNOFF.sub("", clean(body.group(1))))
            if not paras:
                continue
            day = datetime.datetime.strptime(date.group(1).title(), "%d-%b-%Y").date()
            title = TITLE.search(doc)
            title = " ".join(clean(title.group(1)).split()) if title else paras[0][:80]
            dateline = DATELINE.search(doc)
            dateline = " ".join(clean(dateline.group(1)).split()) if dateline else ""
            yield name[: -len(".sgm")], newid, day, title, dateline, paras


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", required=True, help="folder holding reut2-*.sgm")
    ap.add_argument("--out", help="output folder (created); omit to write only --ndjson")
    ap.add_argument("--copies", type=int, default=1, help="how many shifted copies (x1, x20)")
    ap.add_argument("--ndjson", help="also write the stories as NDJSON to this file")
    args = ap.parse_args()
    if not args.out and not args.ndjson:
        sys.exit("give --out, --ndjson or both")

    loaded = list(stories(args.src))
    if not loaded:
        sys.exit(f"no Reuters-21578 stories found in {args.src}")
    ndjson = open(args.ndjson, "w", encoding="utf-8") if args.ndjson else None
    count = total = 0
    for k in range(args.copies):
        for stem, newid, day, title, dateline, paras in loaded:
            shifted = day.replace(year=day.year + k)
            tagged = f"{title} [copy {k}]" if k else title
            first = f"{dateline} {paras[0]}" if dateline else paras[0]
            body = "\n\n".join([first] + paras[1:])
            text = f"{tagged}\n{shifted.strftime('%B')} {shifted.day}, {shifted.year}\n\n{body}\n"
            data = text.encode("utf-8")
            if args.out:
                folder = os.path.join(args.out, f"copy-{k:02}", stem)
                os.makedirs(folder, exist_ok=True)
                with open(os.path.join(folder, f"{int(newid):05}.txt"), "wb") as f:
                    f.write(data)
            count += 1
            total += len(data)
            if ndjson:
                record = {"title": tagged, "date": shifted.isoformat() + "T00:00:00Z", "body": body}
                ndjson.write(json.dumps(record, ensure_ascii=False) + "\n")
    if ndjson:
        ndjson.close()
    print(count, total)


if __name__ == "__main__":
    main()
