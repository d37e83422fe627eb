#!/usr/bin/env python3
"""Side-by-side benchmarks of bindery against its peers, in one run.

Each comparison runs every tool on the same inputs with the same
parallelism, several times in turns, and reports medians and ratios:

  text     bindery extract vs pdftotext (xargs -P) and PyMuPDF
  pack     version 1 of the whole corpus, version 2 with 10 more PDFs, a
           pack with nothing changed
  verify   the archive and its first bag vs bagit.py, bdbag, and hashing
           the payload once with sha2
  memory   peak RSS of extract and pack over the corpus and over the corpus
           four times (copies that differ by a trailing comment, so pack
           cannot take them for the same PDFs)

Results go to benches/RESULTS.md (machine, load, date, versions, figures)
and the ratios are printed last. Exits non-zero only when a run fails,
never on a slow time.

    python3 benches/compare.py [--reps N] [--only text|pack|verify|memory] [--corpus DIR]
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
import zipfile
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


def run_checked(cmd, ok_codes=(0, 1), **kwargs):
    """`run_measured`, raising RuntimeError when the run failed. bindery
    exits 1 when some documents failed, which the corpus's broken files
    make normal for extract and pack; a verifier must exit 0."""
    elapsed, cpu, code, err = run_measured(cmd, **kwargs)
    if code not in ok_codes:
        shown = cmd if isinstance(cmd, str) else " ".join(map(str, cmd))
        raise RuntimeError(f"{shown} exited {code}: {err[-500:]}")
    return elapsed, cpu


def interleaved(reps, commands, before_round=None):
    """Run each of `commands` (name -> (cmd, kwargs)) `reps` times, taking
    turns (A B C A B C ...) so that a change of load on the machine hits
    every tool alike; `before_round()` runs before each round (to reset
    state the commands build on). Returns name -> (median wall, median CPU)."""
    walls = {name: [] for name in commands}
    cpus = {name: [] for name in commands}
    for _ in range(reps):
        if before_round:
            before_round()
        for name, (cmd, kwargs) in commands.items():
            elapsed, cpu = run_checked(cmd, **kwargs)
            walls[name].append(elapsed)
            cpus[name].append(cpu)
    return {name: (statistics.median(walls[name]), statistics.median(cpus[name])) for name in commands}


def peak_rss_mb(cmd):
    """Peak resident memory of one run of `cmd` in MB (1 MB = 2^20 bytes),
    from GNU time's `-v` report. RuntimeError when the run fails."""
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    report = proc.stderr.decode(errors="replace")
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {proc.returncode}: {report[-500:]}")
    for line in report.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) / 1024
    raise RuntimeError("/usr/bin/time -v gave no maximum resident set size")


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
    table = [f"Text extraction over corpus prose + scholarly: {len(files)} files, {pages} pages, -j{args.jobs} / -P{args.jobs}, "
             f"median of {args.reps} runs taken in turns.", "",
             "| tool | wall s | pages/s | CPU s (user + sys) |", "|---|---|---|---|"]
    for name, (wall, cpu) in measured.items():
        table.append(f"| {name} | {wall:.2f} | {pages / wall:.0f} | {cpu:.2f} |")
    results.append(("Text extraction", table))
    ours_wall, ours_cpu = measured["bindery extract"]
    for name, label in (("pdftotext (xargs)", "pdftotext"), ("PyMuPDF (2 processes)", "PyMuPDF")):
        if name in measured:
            wall, cpu = measured[name]
            ratios.append(f"text: bindery is {wall / ours_wall:.2f}x {label}'s throughput "
                          f"(wall time; {cpu / ours_cpu:.2f}x in CPU time)")


ratios = []

SHA256_ONCE = ROOT / "target" / "release" / "examples" / "sha256_once"


def extra_pdfs(shared, count=10):
    """`count` PDFs from outside the corpus (the fidelity set): the new
    publications that arrive for version 2."""
    return sorted((shared / "fidelity").rglob("*.pdf"))[:count]


def pack_cmd(args, inputs, archive, date):
    return [str(BINDERY), "pack", "-q", "-j", str(args.jobs), "--archive", str(archive),
            "--name", "corpus", "--date", date] + [str(i) for i in inputs]


def bench_pack(args, corpus, work, results):
    """Version 1 of the corpus, version 2 with 10 more PDFs, then a pack
    with nothing changed; each round starts from an empty archive. Leaves
    the two-version archive in work/archive for bench_verify."""
    extra = work / "extra"
    extra.mkdir()
    for pdf in extra_pdfs(corpus.parent):
        shutil.copy(pdf, extra)
    archive = work / "archive"
    inputs = [corpus / "pdf"]
    commands = {
        "pack v1 (corpus)": (pack_cmd(args, inputs, archive, "2026-11-01"), {}),
        "pack v2 (+10 PDFs)": (pack_cmd(args, inputs + [extra], archive, "2026-11-02"), {}),
        "pack, nothing changed": (pack_cmd(args, inputs + [extra], archive, "2026-11-03"), {}),
        "extract the 10 PDFs alone": (
            [str(BINDERY), "extract", "-q", "-j", str(args.jobs), "-o", os.devnull, str(extra)], {}),
    }
    measured = interleaved(args.reps, commands, before_round=lambda: shutil.rmtree(archive, ignore_errors=True))
    bundles = sorted(p.name for p in archive.glob("corpus_v*.zip"))
    if bundles != ["corpus_v0001.zip", "corpus_v0002.zip"]:
        raise RuntimeError(f"pack left {bundles} in the archive, not versions 1 and 2 alone")
    pdfs = len(list((corpus / "pdf").rglob("*.pdf")))
    sizes = {b: (archive / b).stat().st_size for b in bundles}
    table = [f"Pack over the whole corpus ({pdfs} PDFs), -j{args.jobs}, median of {args.reps} rounds "
             "(each from an empty archive: v1, v2, unchanged).", "",
             "| step | wall s | CPU s (user + sys) |", "|---|---|---|"]
    for name, (wall, cpu) in measured.items():
        table.append(f"| {name} | {wall:.2f} | {cpu:.2f} |")
    table += ["", "Bundles: " + ", ".join(f"{b} {sizes[b] / 1e6:.1f} MB" for b in bundles) + "."]
    results.append(("Pack", table))
    v1 = measured["pack v1 (corpus)"][0]
    v2 = measured["pack v2 (+10 PDFs)"][0]
    same = measured["pack, nothing changed"][0]
    alone = measured["extract the 10 PDFs alone"][0]
    ratios.append(f"pack: nothing changed took {100 * same / v1:.1f} % of the first pack "
                  f"({same:.2f} s vs {v1:.2f} s; acceptance <= 5 %)")
    ratios.append(f"pack: v2 with 10 more PDFs took {v2:.2f} s = {v2 / (same + alone):.2f}x "
                  f"(an unchanged pack + extracting the 10 alone, {same + alone:.2f} s), "
                  f"{100 * v2 / v1:.1f} % of the first pack")


def bench_verify(args, work, results):
    """bindery verify on the archive and on its first bag unzipped, next
    to bagit.py and bdbag on that same bag and to hashing its payload once."""
    archive = work / "archive"
    unzipped = work / "unzipped"
    with zipfile.ZipFile(archive / "corpus_v0001.zip") as bundle:
        bundle.extractall(unzipped)
    bag = unzipped / "corpus_v0001"
    payload = sum(f.stat().st_size for f in (bag / "data").rglob("*") if f.is_file())
    files = sum(1 for f in (bag / "data").rglob("*") if f.is_file())
    verifier = {"ok_codes": (0,)}
    commands = {
        "bindery verify, archive (2 bundles + chain)": ([str(BINDERY), "verify", str(archive)], verifier),
        "bindery verify, bag v1 unzipped": ([str(BINDERY), "verify", str(bag)], verifier),
        f"sha2 once over the payload ({args.jobs} threads)": ([str(SHA256_ONCE), str(bag / "data"), str(args.jobs)], verifier),
    }
    if shutil.which("bagit.py"):
        commands[f"bagit.py --validate --processes {args.jobs}"] = (
            ["bagit.py", "--validate", "--processes", str(args.jobs), "--quiet", str(bag)], verifier)
    if shutil.which("bdbag"):
        commands["bdbag --validate full"] = (["bdbag", "--validate", "full", "--quiet", str(bag)], verifier)
    measured = interleaved(args.reps, commands)
    table = [f"Verify: the bag of version 1 holds {files} payload files, {payload / 1e6:.1f} MB; "
             f"median of {args.reps} runs taken in turns.", "",
             "| tool | wall s | MB/s of payload | CPU s (user + sys) |", "|---|---|---|---|"]
    for name, (wall, cpu) in measured.items():
        table.append(f"| {name} | {wall:.2f} | {payload / 1e6 / wall:.0f} | {cpu:.2f} |")
    results.append(("Verify", table))
    ours = measured["bindery verify, bag v1 unzipped"][0]
    for name, label in ((f"bagit.py --validate --processes {args.jobs}", "bagit.py --validate --processes "
                         f"{args.jobs} (acceptance >= 2x)"), ("bdbag --validate full", "bdbag --validate full")):
        if name in measured:
            ratios.append(f"verify: bindery is {measured[name][0] / ours:.2f}x faster than {label} on the same bag")
    once = measured[f"sha2 once over the payload ({args.jobs} threads)"][0]
    whole = measured["bindery verify, archive (2 bundles + chain)"][0]
    ratios.append(f"verify: the bag takes {ours / once:.2f}x the time to SHA-256 its payload once with sha2 "
                  f"(acceptance <= 1.5x); the whole archive {whole / once:.2f}x")


def corpus_four_times(corpus, target):
    """The corpus four times under copy1..copy4, each copy's files ending in
    a comment naming the copy: different names and different SHA-256, so
    neither extract (which skips a path seen twice) nor pack (which extracts
    a PDF once per SHA-256) can do less work than for four corpora."""
    for copy in range(1, 5):
        for pdf in sorted((corpus / "pdf").rglob("*.pdf")):
            out = target / f"copy{copy}" / pdf.relative_to(corpus / "pdf")
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(pdf.read_bytes() + f"\n% bench copy {copy}\n".encode())


def bench_memory(args, corpus, work, results):
    """Peak RSS of extract and pack over the corpus and the corpus four
    times, in turns; pack writes a new archive each time."""
    if not Path("/usr/bin/time").exists():
        print("memory: /usr/bin/time (GNU time) is not installed; skipped", file=sys.stderr)
        return
    four = work / "four"
    corpus_four_times(corpus, four)
    archive = work / "memory-archive"
    runs = {
        "extract, corpus": [str(BINDERY), "extract", "-q", "-j", str(args.jobs), "-o", os.devnull, str(corpus / "pdf")],
        "extract, corpus x4": [str(BINDERY), "extract", "-q", "-j", str(args.jobs), "-o", os.devnull, str(four)],
        "pack, corpus": pack_cmd(args, [corpus / "pdf"], archive, "2026-11-01"),
        "pack, corpus x4": pack_cmd(args, [four], archive, "2026-11-01"),
    }
    peaks = {name: [] for name in runs}
    for _ in range(args.reps):
        for name, cmd in runs.items():
            shutil.rmtree(archive, ignore_errors=True)
            peaks[name].append(peak_rss_mb(cmd))
    shutil.rmtree(archive, ignore_errors=True)
    table = [f"Peak RSS (GNU time -v), -j{args.jobs}, {args.reps} runs taken in turns; corpus x4 is "
             f"{len(list(four.rglob('*.pdf')))} PDFs, four copies that differ by a trailing comment.", "",
             "| run | median MB | max MB |", "|---|---|---|"]
    for name, values in peaks.items():
        table.append(f"| {name} | {statistics.median(values):.0f} | {max(values):.0f} |")
    results.append(("Memory", table))
    for what in ("extract", "pack"):
        one = statistics.median(peaks[f"{what}, corpus"])
        four_times = statistics.median(peaks[f"{what}, corpus x4"])
        ratios.append(f"memory: {what} peak RSS {one:.0f} MB over the corpus, {four_times:.0f} MB over it x4 "
                      f"({100 * (four_times / one - 1):+.1f} %; acceptance <= 256 MB and within 10 %)")



def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", choices=["text", "pack", "verify", "memory"], default=None)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    if not (args.corpus / "pdf").is_dir():
        print(f"benchmark needs the corpus at {args.corpus} (use --corpus)", file=sys.stderr)
        return 2
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "bindery", "--example", "sha256_once"],
                   cwd=ROOT, check=True)
    load_before = os.getloadavg()
    results = []
    wanted = lambda part: args.only in (None, part)  # noqa: E731
    try:
        with tempfile.TemporaryDirectory(prefix="bindery-bench-") as tmp:
            work = Path(tmp)
            if wanted("text"):
                bench_text(args, args.corpus, results)
            if wanted("pack") or wanted("verify"):
                bench_pack(args, args.corpus, work, results)
            if wanted("verify"):
                bench_verify(args, work, results)
            if wanted("memory"):
                bench_memory(args, args.corpus, work, results)
    except RuntimeError as err:
        print(f"benchmark run failed: {err}", file=sys.stderr)
        return 1
    load = lambda values: " ".join(f"{x:.2f}" for x in values)  # noqa: E731
    header = [
        "# Benchmark results",
        "",
        f"Made by `make bench` on {datetime.date.today().isoformat()}: {platform.machine()}, "
        f"{os.cpu_count()} cores, {platform.system()} {platform.release()}.",
        f"bindery: {version_of([str(BINDERY), '--version'])}; pdftotext: {version_of(['pdftotext', '-v'])}; "
        f"PyMuPDF: {pymupdf_version()}; bagit.py: {version_of(['bagit.py', '--version'])}; "
        f"bdbag: {version_of(['bdbag', '--version'])}.",
        f"Load average (1, 5, 15 min) at the start: {load(load_before)}; at the end: {load(os.getloadavg())} "
        f"(above the core count, other work shared the machine and the ratios are noisy).",
        "",
    ]
    body = []
    for title, table in results:
        body += [f"## {title}", ""] + table + [""]
    body += ["## Ratios", ""] + [f"- {r}" for r in ratios] + [""]
    (ROOT / "benches" / "RESULTS.md").write_text("\n".join(header + body))
    print("\n".join(header + body))
    print("\n".join(ratios))
    return 0


def pymupdf_version():
    try:
        import pymupdf

        return pymupdf.VersionBind
    except (ImportError, AttributeError):
        return "not installed"


if __name__ == "__main__":
    sys.exit(main())
