#!/usr/bin/env bash
# Rebuild bindery's bundled sample PDFs from the sources in samples/src/.
# Run from the repository root:  bash samples/make.sh
#
# Debian packages needed (all from the ordinary archive):
#   texlive-latex-base texlive-latex-recommended texlive-latex-extra
#   texlive-fonts-recommended texlive-lang-french texlive-lang-cyrillic cm-super
#   libreoffice-writer-nogui hyphen-en-us fonts-dejavu-core fonts-dejavu-extra
#   qpdf
# and, for chromium-brief.pdf only, chromium (without it that sample is left
# as committed and a warning is printed).
# e.g.  apt-get install -y --no-install-recommends <the list above>
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

# pdflatex NAME EPOCH: compile src/NAME.tex twice (page references) with a
# fixed clock so the dates in the PDF do not depend on when it was built.
latex() {
    local name=$1 epoch=$2
    for _ in 1 2; do
        SOURCE_DATE_EPOCH=$epoch FORCE_SOURCE_DATE=1 TZ=UTC \
            pdflatex -interaction=nonstopmode -halt-on-error \
            -output-directory "$work" "$src/$name.tex" >"$work/$name.stdout" 2>&1 || {
            echo "pdflatex failed on $name.tex; last lines of its log:" >&2
            tail -20 "$work/$name.stdout" >&2
            exit 1
        }
    done
    cp "$work/$name.pdf" "$out/$name.pdf"
    echo "built samples/$name.pdf"
}

latex two-column-working-paper 1709251200   # 2024-03-01
latex note-politique-energie 1707868800     # 2024-02-14
latex russian-digital-brief 1695168000      # 2023-09-20

# LibreOffice Writer: a private profile keeps the build away from the user's
# settings; the export stamps the current time, so this one is not
# byte-reproducible (its text and metadata are).
writer() {
    local name=$1
    soffice -env:UserInstallation="file://$work/lo-profile" --headless \
        --convert-to pdf --outdir "$work" "$src/$name.fodt" >"$work/$name.stdout" 2>&1 || {
        echo "soffice failed on $name.fodt:" >&2
        cat "$work/$name.stdout" >&2
        exit 1
    }
    cp "$work/$name.pdf" "$out/$name.pdf"
    echo "built samples/$name.pdf"
}

writer water-policy-brief
