#!/usr/bin/env python3
"""Score bindery's metadata against a labelled set, next to pdfinfo's Info
fields as the baseline.

Labelled sets: the fidelity set's truth.jsonl (../shared/fidelity/dev),
tests/metadata-labels.jsonl (our own labels of corpus files, which the
heuristics were tuned on), or tests/metadata-heldout.jsonl and
tests/metadata-heldout2.jsonl (more corpus files labelled the same way,
scored but never used to tune; the first has since been read). Each line has
`pdf` (path relative to the set's folder), `title`, `authors` (list),
`date` (YYYY-MM-DD or null), `date_precision` (day, month, year or null),
`language`, and optionally `publisher` (the issuing organisation as
printed, or null; scored only on sets that label it).

Publisher is scored two ways: exact after normalisation (a leading "the"
and final full stop dropped too), and "contains" (one name holds the other
as whole words: "Bureau of Reclamation" in "U.S. Department of the Interior
Bureau of Reclamation"). A null label counts as right when nothing is found.

tests/metadata-heldout4.jsonl to -heldout10.jsonl label publications
from outside the corpus;
its PDFs are not in the repository: each line's `source` names the
repository, path and commit they came from, and `--root` gives the folder
they were saved in (the `pdf` paths are relative to it). Their SHA-256 is
checked before scoring.

    python3 tools/score_metadata.py [--set fidelity|labels|heldout|heldout2|heldout3] [--show-misses]
    python3 tools/score_metadata.py --set heldout4|...|heldoutN --root DIR
"""
import hashlib
import argparse
import json
import subprocess
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINDERY = ROOT / "target" / "release" / "bindery"
# ../shared next to the checkout, or next to the folder of worktrees.
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared").is_dir()), ROOT.parent / "shared")


def norm(text):
    text = unicodedata.normalize("NFKC", text or "").replace(" :", ":")
    for a, b in [("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-")]:
        text = text.replace(a, b)
    return " ".join(text.casefold().split())


def norm_publisher(text):
    text = norm(text).rstrip(".")
    return text[4:] if text.startswith("the ") else text


def publisher_hit(truth, found):
    """(exact, contains) for one document."""
    if not truth:
        return (not found, not found)
    if not found:
        return (False, False)
    t, f = norm_publisher(truth), norm_publisher(found)
    contains = f" {t} " in f" {f} " or f" {f} " in f" {t} "
    return (t == f, contains)


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


def set_name(name):
    """A set is fidelity, labels, or a held-out set labelled in tests/."""
    if name in ("fidelity", "labels") or (re.fullmatch(r"heldout\d*", name) and (ROOT / "tests" / f"metadata-{name}.jsonl").is_file()):
        return name
    raise argparse.ArgumentTypeError(f"no set {name!r}: give fidelity, labels, or heldoutN with tests/metadata-heldoutN.jsonl present")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", type=set_name, default="fidelity", help="fidelity, labels, or heldout, heldout2, heldout3, ... (a file tests/metadata-SET.jsonl)")
    ap.add_argument("--root", help="folder the set's PDFs are in (needed for heldout4, whose PDFs are not in the repository)")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--bindery", default=str(BINDERY), help="the bindery binary to score (default: this checkout's release build)")
    args = ap.parse_args()
    if args.set == "fidelity":
        base = SHARED / "fidelity" / "dev"
        rows = [json.loads(l) for l in (base / "truth.jsonl").open()]
    else:
        base = SHARED / "corpus"
        name = "metadata-labels.jsonl" if args.set == "labels" else f"metadata-{args.set}.jsonl"
        rows = [json.loads(l) for l in (ROOT / "tests" / name).open()]
    if args.root:
        base = Path(args.root)
    elif args.set.startswith("heldout") and args.set not in ("heldout", "heldout2", "heldout3"):
        print(f"{args.set}'s PDFs are not in the repository: fetch them by each line's `source` and give their folder with --root", file=sys.stderr)
        return 2
    pdfs = [base / r["pdf"] for r in rows]
    for row, pdf in zip(rows, pdfs):
        if "sha256" in row and (not pdf.is_file() or hashlib.sha256(pdf.read_bytes()).hexdigest() != row["sha256"]):
            print(f"{pdf}: missing, or not the labelled file (SHA-256 differs)", file=sys.stderr)
            return 2
    out = subprocess.run([args.bindery, "extract", "-q", "-j2"] + [str(p) for p in pdfs], capture_output=True, text=True)
    records = [json.loads(l) for l in out.stdout.splitlines()]
    if len(records) != len(rows):
        print(f"expected {len(rows)} records, got {len(records)}", file=sys.stderr)
        return 1
    labelled_publisher = all("publisher" in r for r in rows)
    # bindery's [exact, contains] on documents with and without a publisher.
    publisher_split = {"named": [0, 0], "none": [0, 0]}
    scores = {"bindery": {"title": 0, "authors": 0.0, "date": 0, "language": 0, "publisher": 0, "publisher_contains": 0},
              "pdfinfo": {"title": 0, "authors": 0.0, "date": 0, "language": 0, "publisher": 0, "publisher_contains": 0}}
    for row, rec, pdf in zip(rows, records, pdfs):
        precision = row.get("date_precision")
        truth_date = at_precision(row.get("date"), precision)
        got = {
            "title": value(rec, "title"),
            "authors": value(rec, "authors") or [],
            "date": at_precision(value(rec, "date"), precision) if truth_date else value(rec, "date"),
            "language": value(rec, "language"),
            "publisher": value(rec, "publisher"),
        }
        info = pdfinfo_fields(pdf)
        info_author = info.get("Author", "")
        base_got = {
            "title": info.get("Title"),
            "authors": [a.strip() for a in info_author.replace(";", ",").split(",") if a.strip()],
            "date": at_precision(info.get("CreationDate"), precision) if truth_date else None,
            "language": None,
            # pdfinfo prints no publisher: the Info dictionary has none.
            "publisher": None,
        }
        for tool, g in (("bindery", got), ("pdfinfo", base_got)):
            s = scores[tool]
            ok_title = norm(g["title"]) == norm(row["title"])
            s["title"] += ok_title
            s["authors"] += author_f1(row["authors"], g["authors"])
            ok_date = (g["date"] == truth_date) if truth_date else (g["date"] is None)
            s["date"] += ok_date
            s["language"] += (g["language"] or "") == row["language"]
            if labelled_publisher:
                exact, contains = publisher_hit(row["publisher"], g["publisher"])
                s["publisher"] += exact
                s["publisher_contains"] += contains
                if tool == "bindery":
                    split = "named" if row["publisher"] else "none"
                    publisher_split[split][0] += exact
                    publisher_split[split][1] += contains
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
                if labelled_publisher and not publisher_hit(row["publisher"], g["publisher"])[0]:
                    misses.append(f"publisher: {g['publisher']!r} != {row['publisher']!r}")
                if misses:
                    print(f"{row['pdf']}:\n  " + "\n  ".join(misses))
    n = len(rows)
    print(f"\n{n} documents ({args.set})")
    publisher_head = " publisher exact | publisher contains |" if labelled_publisher else ""
    print("| tool | title exact | authors F1 | date exact | language |" + publisher_head)
    print("|---|---|---|---|---|" + ("---|---|" if labelled_publisher else ""))
    for tool, s in scores.items():
        line = f"| {tool} | {s['title'] / n:.3f} | {s['authors'] / n:.3f} | {s['date'] / n:.3f} | {s['language'] / n:.3f} |"
        if labelled_publisher:
            line += f" {s['publisher'] / n:.3f} | {s['publisher_contains'] / n:.3f} |"
        print(line)
    if labelled_publisher:
        named = [r for r in rows if r["publisher"]]
        nn = n - len(named)
        print(f"\npublisher labelled on {len(named)} of {n} documents (null elsewhere)")
        print(f"bindery: {publisher_split['named'][0]} exact and {publisher_split['named'][1]} contained of {len(named)} named; "
              f"{nn - publisher_split['none'][0]} of {nn} without one given a publisher anyway")
    return 0


if __name__ == "__main__":
    sys.exit(main())
