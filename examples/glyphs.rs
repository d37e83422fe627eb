//! Debug aid: print the glyphs of a PDF page by page in content-stream
//! order, with a crude spacing rule (a space for a gap, a newline for a
//! jump of the baseline), and a summary on stderr.
//!
//! cargo run --release --example glyphs -- FILE.pdf [--raw]

use bindery::pdf::content::TextExtractor;
use bindery::pdf::glyph::PageGlyphs;
use bindery::pdf::limits::{Budget, Limits};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: glyphs FILE.pdf [--raw]");
        std::process::exit(2);
    };
    let raw = args.iter().any(|a| a == "--raw");
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let limits = Limits::default();
    let started = Instant::now();
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(limits.max_stream_bytes),
        ..lopdf::LoadOptions::default()
    };
    let doc = match lopdf::Document::load_mem_with_options(&bytes, options) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{path}: cannot open: {e}");
            std::process::exit(1);
        }
    };
    let loaded = started.elapsed();
    let budget = Budget::new(limits);
    let mut extractor = TextExtractor::new(&doc, &budget);
    let (mut glyphs, mut unmapped, mut pages) = (0u64, 0u64, 0u32);
    for (number, page_id) in doc.get_pages() {
        pages += 1;
        match extractor.page(page_id) {
            Ok(page) => {
                glyphs += u64::from(page.glyph_count);
                unmapped += u64::from(page.unmapped);
                for w in &page.warnings {
                    eprintln!("page {number}: warning: {w}");
                }
                if raw {
                    print_raw(&page);
                } else {
                    print_text(&page);
                }
                println!("\u{c}");
            }
            Err(limit) => {
                eprintln!("page {number}: stopped: {limit}");
                break;
            }
        }
    }
    eprintln!(
        "{path}: {pages} pages, {glyphs} glyphs, {unmapped} unmapped, load {:.1} ms, total {:.1} ms",
        loaded.as_secs_f64() * 1000.0,
        started.elapsed().as_secs_f64() * 1000.0
    );
}

fn print_raw(page: &PageGlyphs) {
    println!("page {} x {}", page.width, page.height);
    for g in &page.glyphs {
        println!(
            "{:8.2} {:8.2} w={:6.2}{:+.2} s={:5.2} dir=({:.2},{:.2}) f={}:{} {:?}",
            g.x,
            g.y,
            g.width,
            g.spacing,
            g.size,
            g.dir.0,
            g.dir.1,
            g.font,
            page.fonts
                .get(usize::from(g.font))
                .map_or("?", |f| f.name.as_str()),
            page.glyph_text(g)
        );
    }
}

fn print_text(page: &PageGlyphs) {
    let mut out = String::new();
    let mut prev: Option<&bindery::pdf::glyph::Glyph> = None;
    for g in &page.glyphs {
        if let Some(p) = prev {
            // The end of the previous glyph's own advance: a gap made by
            // character spacing separates words too.
            let own = p.width - p.spacing.max(0.0);
            let (ex, ey) = (p.x + own * p.dir.0, p.y + own * p.dir.1);
            let (dx, dy) = (g.x - ex, g.y - ey);
            // Distance across and along the previous glyph's baseline.
            let across = (dx * p.dir.1 - dy * p.dir.0).abs();
            let along = dx * p.dir.0 + dy * p.dir.1;
            let size = p.size.max(1.0);
            if across > size * 0.5 {
                out.push('\n');
            } else if along > size * 0.15 || along < -size {
                out.push(' ');
            }
        }
        out.push_str(page.glyph_text(g));
        prev = Some(g);
    }
    println!("{out}");
}
