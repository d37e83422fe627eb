#!/usr/bin/env python3
"""Side-by-side benchmarks of bindery against its peers, in one run.

Each comparison runs every tool on the same inputs with the same
parallelism, several times, and reports medians and ratios. Results go to
benches/RESULTS.md (machine, date, versions, figures) and the ratios are
printed last. Exits non-zero only when a run fails, never on a slow time.

    python3 benches/compare.py [--reps N] [--only text] [--corpus DIR]
"""
import argparse
import datetime
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINDERY = ROOT / "target" / "release" / "bindery"



def run_measured(cmd, **kwargs):
    """Wall time and CPU time (user + system, of every child process) of one
    run of `cmd`. CPU time hardly moves when other work shares the machine,
    so it backs up wall-time ratios measured on a busy one."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kwargs)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu, proc.returncode, proc.stderr.decode(errors="replace")


def interleaved(reps, commands):
    """Run each of `commands` (name -> (cmd, kwargs)) `reps` times, taking
    turns (A B C A B C ...) so that a change of load on the machine hits
    every tool alike. Returns name -> (median wall, median CPU)."""
    walls = {name: [] for name in commands}
    cpus = {name: [] for name in commands}
    for _ in range(reps):
        for name, (cmd, kwargs) in commands.items():
            elapsed, cpu, code, err = run_measured(cmd, **kwargs)
            if code not in (0, 1):
                shown = cmd if isinstance(cmd, str) else " ".join(map(str, cmd))
                raise RuntimeError(f"{shown} exited {code}: {err[-500:]}")
            walls[name].append(elapsed)
            cpus[name].append(cpu)
    return {name: (statistics.median(walls[name]), statistics.median(cpus[name])) for name in commands}


def peak_rss_mb(cmd):
    """Peak resident memory of `cmd` in MB, from GNU time, or None."""
    if not Path("/usr/bin/time").exists():
        return None
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for line in proc.stderr.decode(errors="replace").splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) / 1024
    return None


def version_of(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError):
        return "not installed"


def text_files(corpus):
    files = []
    for category in ("prose", "scholarly"):
        files += sorted((corpus / "pdf" / category).glob("*.pdf"))
    return files


def pages_of(corpus, files):
    """Total pages of `files` from the corpus manifest (pdfinfo's count)."""
    manifest = corpus / "MANIFEST.tsv"
    wanted = {str(f.relative_to(corpus)) for f in files}
    total = 0
    for line in manifest.read_text().splitlines()[1:]:
        cols = line.split("\t")
        if cols[0] in wanted and cols[3].isdigit():
            total += int(cols[3])
    return total


def bench_text(args, corpus, results):
    files = text_files(corpus)
    pages = pages_of(corpus, files)
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "files.txt"
        listing.write_text("\0".join(str(f) for f in files))
        inputs = [str(corpus / "pdf" / "prose"), str(corpus / "pdf" / "scholarly")]
        bindery_cmd = [str(BINDERY), "extract", "-q", "-j", str(args.jobs), "-o", os.devnull] + inputs
        poppler_cmd = (
            f"xargs -0 -P{args.jobs} -n1 sh -c 'timeout 120 pdftotext -enc UTF-8 \"$0\" - >/dev/null 2>&1; true'"
            f" < {listing}"
        )
        commands = {"bindery extract": (bindery_cmd, {})}
        if shutil.which("pdftotext"):
            commands["pdftotext (xargs)"] = (poppler_cmd, {"shell": True})
        try:
            import pymupdf  # noqa: F401  PyMuPDF, when installed

            mupdf_script = (
                "import sys, pymupdf\n"
                "for p in sys.argv[1:]:\n"
                "    try:\n"
                "        d = pymupdf.open(p); [pg.get_text() for pg in d]\n"
                "    except Exception: pass\n"
            )
            half = (len(files) + 1) // 2
            mupdf_cmd = (
                f"python3 -c '{mupdf_script}' {' '.join(map(str, files[:half]))} & "
                f"python3 -c '{mupdf_script}' {' '.join(map(str, files[half:]))}; wait"
            )
            commands["PyMuPDF (2 processes)"] = (mupdf_cmd, {"shell": True})
        except ImportError:
            pass
        measured = interleaved(args.reps, commands)
    rss = peak_rss_mb(bindery_cmd)
    table = [f"Text extraction over corpus prose + scholarly: {len(files)} files, {pages} pages, -j{args.jobs} / -P{args.jobs}, "
             f"median of {args.reps} runs taken in turns.", "",
             "| tool | wall s | pages/s | CPU s (user + sys) |", "|---|---|---|---|"]
    for name, (wall, cpu) in measured.items():
        table.append(f"| {name} | {wall:.2f} | {pages / wall:.0f} | {cpu:.2f} |")
    if rss:
        table.append("")
        table.append(f"bindery extract peak RSS: {rss:.0f} MB")
    results.append(("Text extraction", table))
    ours_wall, ours_cpu = measured["bindery extract"]
    for name, label in (("pdftotext (xargs)", "pdftotext"), ("PyMuPDF (2 processes)", "PyMuPDF")):
        if name in measured:
            wall, cpu = measured[name]
            ratios.append(f"text: bindery is {wall / ours_wall:.2f}x {label}'s throughput "
                          f"(wall time; {cpu / ours_cpu:.2f}x in CPU time)")


ratios = []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", choices=["text"], default=None)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    if not (args.corpus / "pdf").is_dir():
        print(f"benchmark needs the corpus at {args.corpus} (use --corpus)", file=sys.stderr)
        return 2
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    results = []
    try:
        if args.only in (None, "text"):
            bench_text(args, args.corpus, results)
    except RuntimeError as err:
        print(f"benchmark run failed: {err}", file=sys.stderr)
        return 1
    header = [
        "# Benchmark results",
        "",
        f"Made by `make bench` on {datetime.date.today().isoformat()}: {platform.machine()}, "
        f"{os.cpu_count()} cores, {platform.system()} {platform.release()}.",
        f"bindery: {version_of([str(BINDERY), '--version'])}; pdftotext: {version_of(['pdftotext', '-v'])}.",
        f"Load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
        "(above the core count, other work shared the machine and the ratios are noisy).",
        "",
    ]
    body = []
    for title, table in results:
        body += [f"## {title}", ""] + table + [""]
    body += ["## Ratios", ""] + [f"- {r}" for r in ratios] + [""]
    (ROOT / "benches" / "RESULTS.md").write_text("\n".join(header + body))
    print("\n".join(body))
    print("\n".join(ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
