#!/usr/bin/env bash
# Rebuild bindery's bundled sample PDFs from the sources in samples/src/.
# Run from the repository root:  bash samples/make.sh
#
# Debian packages needed (all from the ordinary archive):
#   texlive-latex-base texlive-latex-recommended texlive-latex-extra
#   texlive-fonts-recommended texlive-lang-french texlive-lang-cyrillic cm-super
#   libreoffice-writer-nogui hyphen-en-us fonts-dejavu-core qpdf
# e.g.  apt-get install -y --no-install-recommends <the list above>
# and, for chromium-brief.pdf only, chromium: without it that sample is left
# as committed and a warning is printed.
#
# Which outputs come out byte-identical on every run is listed in
# samples/README.md.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src="$here/src"
out="$here"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

missing=()
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing+=("$1 (package $2)"); }
need_tex() { kpsewhich "$1" >/dev/null 2>&1 || missing+=("$1 (package $2)"); }
need_cmd pdflatex texlive-latex-base
need_cmd kpsewhich texlive-latex-base
need_cmd qpdf qpdf
need_cmd soffice libreoffice-writer-nogui
if command -v kpsewhich >/dev/null 2>&1; then
    need_tex fancyhdr.sty texlive-latex-recommended
    need_tex lastpage.sty texlive-latex-extra
    need_tex titlesec.sty texlive-latex-extra
    need_tex times.sty texlive-fonts-recommended
    need_tex french.ldf texlive-lang-french
    need_tex russianb.ldf texlive-lang-cyrillic
    need_tex t2aenc.def texlive-lang-cyrillic
    need_tex sfrm1000.pfb cm-super
fi
[ -f /usr/share/hyphen/hyph_en_US.dic ] || missing+=("hyph_en_US.dic (package hyphen-en-us)")
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || missing+=("DejaVu Serif font (package fonts-dejavu-core)")
if [ ${#missing[@]} -gt 0 ]; then
    echo "samples/make.sh: missing tools; install these Debian packages first:" >&2
    printf '  %s\n' "${missing[@]}" >&2
    exit 1
fi

# latex NAME EPOCH: compile src/NAME.tex into $work, twice so that page
# references ("Page 2 of 3") settle, with a fixed clock so the dates in the
# PDF do not depend on when it was built.
latex() {
    local name=$1 epoch=$2
    for _ in 1 2; do
        SOURCE_DATE_EPOCH=$epoch FORCE_SOURCE_DATE=1 TZ=UTC \
            pdflatex -interaction=nonstopmode -halt-on-error \
            -output-directory "$work" "$src/$name.tex" >"$work/$name.stdout" 2>&1 || {
            echo "pdflatex failed on $name.tex; last lines of its output:" >&2
            tail -20 "$work/$name.stdout" >&2
            exit 1
        }
    done
}

# writer NAME: export src/NAME.fodt with LibreOffice Writer into $work. A
# private profile keeps the build away from the user's settings.
writer() {
    local name=$1
    soffice -env:UserInstallation="file://$work/lo-profile" --headless \
        --convert-to pdf --outdir "$work" "$src/$name.fodt" >"$work/$name.stdout" 2>&1 || {
        echo "soffice failed on $name.fodt:" >&2
        cat "$work/$name.stdout" >&2
        exit 1
    }
}

# publish NAME [FROM]: copy a finished PDF from $work into samples/.
publish() {
    cp "$work/${2:-$1}.pdf" "$out/$1.pdf"
    echo "built samples/$1.pdf ($(wc -c <"$out/$1.pdf") bytes)"
}

latex two-column-working-paper 1709251200   # 2024-03-01
publish two-column-working-paper
latex note-politique-energie 1707868800     # 2024-02-14
publish note-politique-energie
latex russian-digital-brief 1695168000      # 2023-09-20
publish russian-digital-brief
latex annual-report-headers 1714435200      # 2024-04-30
publish annual-report-headers

writer water-policy-brief
publish water-policy-brief

# AES-256 with an empty user password: opens without asking, but every
# string and stream in the file is encrypted. qpdf draws a fresh key each run.
latex encrypted-brief 1717545600            # 2024-06-05
qpdf --encrypt "" bindery-sample-owner 256 -- "$work/encrypted-brief.pdf" "$work/encrypted-brief.enc.pdf"
publish encrypted-brief encrypted-brief.enc

# Broken on purpose: keep the first 55% of the bytes. The page content is
# there; the object streams holding the page tree, the cross-reference
# stream and the trailer are not.
latex truncated-report 1719792000           # 2024-07-01
size=$(wc -c <"$work/truncated-report.pdf")
head -c $((size * 55 / 100)) "$work/truncated-report.pdf" >"$work/truncated-report.cut.pdf"
publish truncated-report truncated-report.cut

if command -v chromium >/dev/null 2>&1; then
    chromium --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --no-pdf-header-footer \
        --user-data-dir="$work/chromium-profile" \
        --print-to-pdf="$work/chromium-brief.pdf" \
        "file://$src/chromium-brief.html" >"$work/chromium-brief.stdout" 2>&1 || {
        echo "chromium failed on chromium-brief.html:" >&2
        cat "$work/chromium-brief.stdout" >&2
        exit 1
    }
    publish chromium-brief
else
    echo "warning: chromium not installed; samples/chromium-brief.pdf left as committed" >&2
fi
