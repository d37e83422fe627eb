//! Micro-benchmarks of the text-extraction hot paths, on the bundled
//! samples: content-stream tokenising and interpretation, glyph decoding
//! through a font's `char_info`, page layout, and text normalisation.
//! `make bench-micro` runs them; `benches/compare.py` measures whole runs
//! against the peers.

use bindery::pdf::content::TextExtractor;
use bindery::pdf::document::{self, Document, OpenOptions};
use bindery::pdf::font::Font;
use bindery::pdf::glyph::PageGlyphs;
use bindery::pdf::layout::{PageLayout, layout_page};
use bindery::pdf::lexer::Lexer;
use bindery::pdf::limits::{Budget, Limits};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// A one-column brief and a two-column paper: the two layouts most of the
/// corpus has.
const SAMPLES: [(&str, &[u8]); 2] = [
    (
        "water-policy-brief",
        include_bytes!("../samples/water-policy-brief.pdf"),
    ),
    (
        "two-column-working-paper",
        include_bytes!("../samples/two-column-working-paper.pdf"),
    ),
];

fn open(bytes: &[u8]) -> Document {
    match document::open(bytes, &OpenOptions::default()) {
        Ok(doc) => doc,
        Err(err) => panic!("a bundled sample does not open: {err:?}"),
    }
}

fn budget() -> Budget {
    Budget::new(Limits::default())
}

fn glyphs_of(doc: &Document) -> Vec<PageGlyphs> {
    let budget = budget();
    let mut extractor = TextExtractor::new(&doc.inner, &budget);
    doc.pages
        .iter()
        .filter_map(|&page| extractor.page(page).ok())
        .collect()
}

/// Tokenising the decoded content streams of every page.
fn content_lexing(c: &mut Criterion) {
    let mut group = c.benchmark_group("content/lex");
    for (name, bytes) in SAMPLES {
        let doc = open(bytes);
        let streams: Vec<Vec<u8>> = doc
            .pages
            .iter()
            .map(|&page| doc.inner.get_page_content(page))
            .collect();
        let total: usize = streams.iter().map(Vec::len).sum();
        assert!(total > 0, "{name}: no page content");
        group.throughput(Throughput::Bytes(total as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut tokens = 0usize;
                for stream in &streams {
                    let mut lexer = Lexer::new(stream);
                    while lexer.next_token().is_some() {
                        tokens += 1;
                    }
                }
                black_box(tokens)
            })
        });
    }
    group.finish();
}

/// Interpreting every page into positioned glyphs, fonts loaded once per
/// document as in extraction.
fn content_interpretation(c: &mut Criterion) {
    let mut group = c.benchmark_group("content/interpret");
    for (name, bytes) in SAMPLES {
        let doc = open(bytes);
        let glyphs: u64 = glyphs_of(&doc)
            .iter()
            .map(|p| u64::from(p.glyph_count))
            .sum();
        assert!(glyphs > 0, "{name}: no glyphs");
        group.throughput(Throughput::Elements(glyphs));
        group.bench_function(name, |b| b.iter(|| black_box(glyphs_of(&doc))));
    }
    group.finish();
}

/// Decoding codes through every font of the first page: splitting codes
/// off a string and looking up their text and width.
fn glyph_decoding(c: &mut Criterion) {
    let mut group = c.benchmark_group("glyph/char_info");
    let codes: Vec<u8> = (0u8..=255).collect();
    for (name, bytes) in SAMPLES {
        let doc = open(bytes);
        let budget = budget();
        let Some(&first) = doc.pages.first() else {
            panic!("{name}: no pages")
        };
        let fonts: Vec<Font> = doc
            .inner
            .get_page_fonts(first)
            .map(|fonts| {
                fonts
                    .values()
                    .filter_map(|dict| Font::load(&doc.inner, dict, &budget).ok())
                    .collect()
            })
            .unwrap_or_default();
        assert!(!fonts.is_empty(), "{name}: no fonts on page 1");
        group.throughput(Throughput::Elements((fonts.len() * codes.len()) as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut width = 0.0;
                for font in &fonts {
                    let mut rest: &[u8] = &codes;
                    while !rest.is_empty() {
                        let (code, len) = font.next_code(rest);
                        width += font.char_info(code, len).width;
                        rest = rest.get(len.max(1)..).unwrap_or_default();
                    }
                }
                black_box(width)
            })
        });
    }
    group.finish();
}

/// Words, lines, blocks and reading order of every page.
fn layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout/page");
    for (name, bytes) in SAMPLES {
        let pages = glyphs_of(&open(bytes));
        group.throughput(Throughput::Elements(pages.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                pages
                    .iter()
                    .map(|page| layout_page(black_box(page)).blocks.len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

/// Furniture removal, de-hyphenation and line cleaning of a document.
fn normalisation(c: &mut Criterion) {
    let mut group = c.benchmark_group("text/normalise");
    for (name, bytes) in SAMPLES {
        let layouts: Vec<PageLayout> = glyphs_of(&open(bytes)).iter().map(layout_page).collect();
        group.throughput(Throughput::Elements(layouts.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(bindery::text::normalise(black_box(&layouts))))
        });
    }
    group.finish();
}

criterion_group!(
    extraction,
    content_lexing,
    content_interpretation,
    glyph_decoding,
    layout,
    normalisation
);
criterion_main!(extraction);
