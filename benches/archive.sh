#!/usr/bin/env bash
# Archive benchmarks on the shared corpus: pack as version 1, pack again
# with 10 more PDFs (version 2), verify; next to bagit.py on the same
# unzipped bag and to hashing the bytes once. Prints a Markdown table.
# Usage: benches/archive.sh   (after cargo build --release; needs bagit.py)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=target/release/bindery
SHARED=${BINDERY_SHARED:-../shared}
CORPUS=$SHARED/corpus/pdf
EXTRA=$(find "$SHARED/fidelity" -name '*.pdf' | sort | head -10)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/extra"
for f in $EXTRA; do cp "$f" "$WORK/extra/"; done

seconds() { /usr/bin/time -o "$WORK/t" -f "%e" "$@" >/dev/null 2>&1 || true; cat "$WORK/t" | tail -1; }
size() { stat -c %s "$1"; }

echo "| step | bindery | reference |"
echo "|---|---|---|"
t=$(seconds $BIN pack "$CORPUS" --archive "$WORK/arch" --name corpus --date 2026-11-01 -j 2 -q)
e=$(seconds $BIN extract "$CORPUS" -j 2 -q -o /dev/null)
echo "| pack v1 ($(ls -R "$CORPUS" | grep -c '\.pdf$') PDFs) | $t s, bundle $(size "$WORK/arch/corpus_v0001.zip") B | extract alone $e s |"
t=$(seconds $BIN pack "$CORPUS" "$WORK/extra" --archive "$WORK/arch" --date 2026-11-02 -j 2 -q)
echo "| pack v2 (+10 PDFs) | $t s, bundle $(size "$WORK/arch/corpus_v0002.zip") B | |"
mkdir -p "$WORK/unz" && (cd "$WORK/unz" && unzip -q ../arch/corpus_v0001.zip)
v=$(seconds $BIN verify "$WORK/arch")
f=$(seconds $BIN verify "$WORK/unz/corpus_v0001")
b1=$(seconds bagit.py --validate "$WORK/unz/corpus_v0001")
b2=$(seconds bagit.py --validate --processes 2 "$WORK/unz/corpus_v0001")
h=$(seconds python3 -c "import hashlib,os,sys
for r,_,fs in os.walk(sys.argv[1]):
  for f in fs: hashlib.sha256(open(os.path.join(r,f),'rb').read())" "$WORK/unz/corpus_v0001")
echo "| verify archive (2 bundles + chain) | $v s | |"
echo "| verify unzipped v1 | $f s | bagit.py --validate $b1 s; --processes 2 $b2 s; SHA-256 once $h s |"
