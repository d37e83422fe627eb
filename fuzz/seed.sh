#!/bin/sh
# Fill fuzz/corpus/<target>/ with seed inputs from the shared corpus and
# samples/. The corpus folders are git-ignored: seeds are derived from files
# that must not be committed to the project.
#
#   fuzz/seed.sh [SHARED_CORPUS_PDF_DIR]
#
# extract: the PDFs themselves (up to 1 MB, so runs stay fast).
# cmap:    every embedded CMap (begincmap ... endcmap) found in them.
# font:    embedded font programs, behind the target's shape byte.
# bundle:  a bundle packed from samples/ by a built `bindery`.
# Needs qpdf and python3 for cmap and font seeds.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
pdfs=${1:-$root/../shared/corpus/pdf}
[ -d "$pdfs" ] || pdfs=/work/shared/corpus/pdf
corpus=$here/corpus
mkdir -p "$corpus/extract" "$corpus/cmap" "$corpus/font" "$corpus/bundle"

list=$(mktemp)
trap 'rm -f "$list"' EXIT
find "$pdfs" "$root/samples" -name '*.pdf' -size -1024k >"$list"

while IFS= read -r f; do
    cp "$f" "$corpus/extract/$(sha1sum <"$f" | cut -c1-40)"
done <"$list"

python3 - "$list" "$corpus" <<'PY'
import hashlib, os, re, subprocess, sys
listing, corpus = sys.argv[1], sys.argv[2]
# Shape byte of the font target: bits 0-1 the program key, bit 3 composite.
KEYS = {b"FontFile": 0, b"FontFile2": 1, b"FontFile3": 2}

def save(target, data):
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(corpus, target, name), "wb") as out:
        out.write(data)

fonts = 0
for pdf in open(listing).read().split("\n"):
    if not pdf:
        continue
    qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, "-"],
                         capture_output=True).stdout
    for m in re.finditer(rb"/CIDInit.*?endcmap", qdf, re.S):
        if len(m.group(0)) < 200_000:
            save("cmap", m.group(0))
    if fonts >= 150:
        continue
    for m in re.finditer(rb"/(FontFile[23]?) (\d+) 0 R", qdf):
        program = subprocess.run(
            ["qpdf", "--show-object=%s" % m.group(2).decode(), "--filtered-stream-data", pdf],
            capture_output=True).stdout
        if not program or len(program) > 300_000:
            continue
        shape = KEYS[m.group(1)]
        if shape == 2 and program[:4] in (b"OTTO", b"\0\1\0\0"):
            shape = 3
        save("font", bytes([shape]) + program)
        save("font", bytes([shape | 8]) + program)
        fonts += 1
PY

# A `bindery` with the pack command: $BINDERY, else this checkout's build.
bindery=""
for b in ${BINDERY:-} "$root/target/release/bindery" "$root/target/debug/bindery"; do
    if [ -x "$b" ] && "$b" pack --help >/dev/null 2>&1; then
        bindery=$b
        break
    fi
done
if [ -n "$bindery" ]; then
    work=$(mktemp -d)
    mkdir "$work/in"
    # Two versions: the second bundle names its predecessor.
    cp "$root/samples/water-policy-brief.pdf" "$work/in/"
    "$bindery" pack "$work/in" --archive "$work/archive" --name fuzz --date 2026-01-01 -j 1 >/dev/null 2>&1 || true
    cp "$root/samples/truncated-report.pdf" "$work/in/"
    "$bindery" pack "$work/in" --archive "$work/archive" --name fuzz --date 2026-01-02 -j 1 >/dev/null 2>&1 || true
    find "$work" -name '*.zip' -exec cp {} "$corpus/bundle/" \;
    rm -rf "$work"
else
    echo "no bindery with pack (build it, or set BINDERY): bundle seeds skipped" >&2
fi
for t in extract cmap font bundle; do
    echo "$t: $(ls "$corpus/$t" | wc -l) seeds"
done
