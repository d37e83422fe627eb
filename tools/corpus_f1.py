#!/usr/bin/env python3
"""Word-bag F1 of bindery's text against poppler's reference text, per file,
over the corpus categories prose, scholarly and nonlatin (files with
pdftotext_ok=yes). Prints the median, the share of files >= 0.95, and the
worst files. Words are those of ../shared/fidelity/score.py (each CJK
character is a word: CJK has no spaces, so whitespace-separated "words"
would be whatever fragment sat on one line in each tool's output).

    python3 tools/corpus_f1.py [--corpus ../shared/corpus] [--worst 10]
"""
import argparse
import collections
import importlib.util
import json
import re
import statistics
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINDERY = ROOT / "target" / "release" / "bindery"


def load_scorer():
    """The word definition of ../shared/fidelity/score.py (NFKC, hyphen
    and dash folding, line-end hyphenation, each CJK character a word), so
    that "word" means the same here as in the fidelity scores; None when
    that file is absent."""
    path = ROOT.parent / "shared" / "fidelity" / "score.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("fidelity_score", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except SystemExit:  # score.py exits when rapidfuzz is missing
        return None
    return module


SCORER = load_scorer()


def words(text):
    if SCORER is not None:
        return collections.Counter(SCORER.tokens(SCORER.normalize(text)))
    # Fallback: runs of word characters, case-folded.
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    return collections.Counter(re.findall(r"\w+", text))


def f1(a, b):
    if not a and not b:
        return 1.0
    common = sum((a & b).values())
    if common == 0:
        return 0.0
    p, r = common / sum(b.values()), common / sum(a.values())
    return 2 * p * r / (p + r)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--worst", type=int, default=10)
    args = ap.parse_args()
    rows = [l.split("\t") for l in (args.corpus / "MANIFEST.tsv").read_text().splitlines()[1:]]
    chosen = [r[0] for r in rows if r[4] in ("prose", "scholarly", "nonlatin") and r[8] == "yes"]
    pdfs = [str(args.corpus / p) for p in chosen]
    out = subprocess.run([str(BINDERY), "extract", "-q", "-j2"] + pdfs, capture_output=True, text=True)
    records = [json.loads(l) for l in out.stdout.splitlines()]
    scores = []
    for path, rec in zip(chosen, records):
        ref = (args.corpus / "pdftotext" / f"{path}.txt").read_text(errors="replace")
        ours = "\f".join((rec.get("text") or {}).get("pages", []))
        furniture = " ".join(f["text"] for f in (rec.get("text") or {}).get("furniture", []))
        scores.append((f1(words(ref), words(ours + " " + furniture)), path))
    values = [s for s, _ in scores]
    print(f"{len(values)} files: median F1 {statistics.median(values):.4f}, "
          f"{sum(v >= 0.95 for v in values) / len(values):.1%} of files >= 0.95")
    for score, path in sorted(scores)[: args.worst]:
        print(f"  {score:.3f}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
