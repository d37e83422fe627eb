#!/usr/bin/env python3
"""Score bindery's metadata against a labelled set, next to pdfinfo's Info
fields as the baseline.

Labelled sets: the fidelity set's truth.jsonl (../shared/fidelity/dev), or
tests/metadata-labels.jsonl (our own labels of corpus files). Each line has
`pdf` (path relative to the set's folder), `title`, `authors` (list),
`date` (YYYY-MM-DD or null), `date_precision` (day, month, year or null),
`language`.

    python3 tools/score_metadata.py [--set fidelity|labels] [--show-misses]
"""
import argparse
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINDERY = ROOT / "target" / "release" / "bindery"


def norm(text):
    text = unicodedata.normalize("NFKC", text or "").replace(" :", ":")
    for a, b in [("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-")]:
        text = text.replace(a, b)
    return " ".join(text.casefold().split())


def at_precision(date, precision):
    if not date:
        return None
    return {"year": date[:4], "month": date[:7], "day": date[:10]}.get(precision or "day", date[:10])


def author_f1(truth, found):
    t = {norm(a) for a in truth}
    f = {norm(a) for a in found}
    if not t and not f:
        return 1.0
    if not t or not f:
        return 0.0
    hit = len(t & f)
    if hit == 0:
        return 0.0
    p, r = hit / len(f), hit / len(t)
    return 2 * p * r / (p + r)


def value(record, field):
    item = (record.get("metadata") or {}).get(field)
    return item["value"] if item else None


def pdfinfo_fields(pdf):
    out = subprocess.run(["pdfinfo", "-isodates", str(pdf)], capture_output=True, text=True, errors="replace")
    fields = {}
    for line in out.stdout.splitlines():
        key, _, val = line.partition(":")
        fields[key.strip()] = val.strip()
    return fields


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", choices=["fidelity", "labels"], default="fidelity")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    if args.set == "fidelity":
        base = ROOT.parent / "shared" / "fidelity" / "dev"
        rows = [json.loads(l) for l in (base / "truth.jsonl").open()]
    else:
        base = ROOT.parent / "shared" / "corpus"
        rows = [json.loads(l) for l in (ROOT / "tests" / "metadata-labels.jsonl").open()]
    pdfs = [base / r["pdf"] for r in rows]
    out = subprocess.run([str(BINDERY), "extract", "-q", "-j2"] + [str(p) for p in pdfs], capture_output=True, text=True)
    records = [json.loads(l) for l in out.stdout.splitlines()]
    if len(records) != len(rows):
        print(f"expected {len(rows)} records, got {len(records)}", file=sys.stderr)
        return 1
    scores = {"bindery": {"title": 0, "authors": 0.0, "date": 0, "language": 0},
              "pdfinfo": {"title": 0, "authors": 0.0, "date": 0, "language": 0}}
    for row, rec, pdf in zip(rows, records, pdfs):
        precision = row.get("date_precision")
        truth_date = at_precision(row.get("date"), precision)
        got = {
            "title": value(rec, "title"),
            "authors": value(rec, "authors") or [],
            "date": at_precision(value(rec, "date"), precision) if truth_date else value(rec, "date"),
            "language": value(rec, "language"),
        }
        info = pdfinfo_fields(pdf)
        info_author = info.get("Author", "")
        base_got = {
            "title": info.get("Title"),
            "authors": [a.strip() for a in info_author.replace(";", ",").split(",") if a.strip()],
            "date": at_precision(info.get("CreationDate"), precision) if truth_date else None,
            "language": None,
        }
        for tool, g in (("bindery", got), ("pdfinfo", base_got)):
            s = scores[tool]
            ok_title = norm(g["title"]) == norm(row["title"])
            s["title"] += ok_title
            s["authors"] += author_f1(row["authors"], g["authors"])
            ok_date = (g["date"] == truth_date) if truth_date else (g["date"] is None)
            s["date"] += ok_date
            s["language"] += (g["language"] or "") == row["language"]
            if tool == "bindery" and args.show_misses:
                misses = []
                if not ok_title:
                    misses.append(f"title: {g['title']!r} != {row['title']!r}")
                if author_f1(row["authors"], g["authors"]) < 1:
                    misses.append(f"authors: {g['authors']} != {row['authors']}")
                if not ok_date:
                    misses.append(f"date: {g['date']} != {truth_date}")
                if (g["language"] or "") != row["language"]:
                    misses.append(f"language: {g['language']} != {row['language']}")
                if misses:
                    print(f"{row['pdf']}:\n  " + "\n  ".join(misses))
    n = len(rows)
    print(f"\n{n} documents ({args.set})")
    print("| tool | title exact | authors F1 | date exact | language |")
    print("|---|---|---|---|---|")
    for tool, s in scores.items():
        print(f"| {tool} | {s['title'] / n:.3f} | {s['authors'] / n:.3f} | {s['date'] / n:.3f} | {s['language'] / n:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
