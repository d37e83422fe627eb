//! Debug aid: print the printed lines of the first two pages as the
//! metadata heuristics see them (page, size, top, text), then what the
//! page heuristics read from them, knowing the words the document prints
//! in lower case as `bindery extract` does.
//!
//! cargo run --release --example front -- FILE.pdf
//! (FRONT_JSON=1 prints the lines alone, as JSON Lines.)

use bindery::pdf::document::{self, OpenOptions};
use bindery::pdf::layout::layout_page;
use bindery::pdf::limits::Budget;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: front FILE.pdf");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_default();
    let options = OpenOptions::default();
    let doc = match document::open(&bytes, &options) {
        Ok(doc) => doc,
        Err(err) => {
            eprintln!("{path}: {err:?}");
            std::process::exit(1);
        }
    };
    let budget = Budget::new(options.limits.clone());
    // The words the document prints in lower case come from its first 30
    // pages, as in `bindery extract`.
    let pages = bindery::extract::read_pages(&doc, &budget, Some((1, 30))).unwrap_or_default();
    let layouts: Vec<_> = pages.iter().map(layout_page).collect();
    let text = bindery::text::normalise(&layouts);
    let common =
        bindery::brief::names::CommonWords::of_pages(text.pages.iter().map(String::as_str));
    // Running headers and footers are left out, as in `bindery extract`.
    let furniture: Vec<bindery::record::FurnitureLine> = text
        .furniture
        .iter()
        .map(|f| bindery::record::FurnitureLine {
            page: f.page,
            text: f.text.clone(),
        })
        .collect();
    let lines = bindery::brief::printed_lines(&layouts[..layouts.len().min(2)], &furniture);
    // The text's size over its first ten pages, as in `bindery extract`.
    let body = bindery::brief::text_body_size(&layouts);
    // A closed pipe (`| head`) ends the listing quietly.
    if let Err(err) = print(&lines, &common, body)
        && err.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("front: {err}");
        std::process::exit(1);
    }
}

fn print(
    lines: &[bindery::brief::page::PrintedLine],
    common: &bindery::brief::names::CommonWords,
    body: f32,
) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    // FRONT_JSON=1: the lines as JSON Lines, for studying the heuristics
    // over a labelled set.
    if std::env::var_os("FRONT_JSON").is_some() {
        for line in lines {
            let row = serde_json::json!({
                "page": line.page, "text": line.text, "size": line.size, "top": line.top,
                "width": line.width, "bold": line.bold, "family": line.family, "margin": line.margin,
                "letter_spaced": line.letter_spaced, "cells": line.cells,
            });
            writeln!(out, "{row}")?;
        }
        return Ok(());
    }
    for line in lines {
        writeln!(
            out,
            "p{} {:6.2} {:7.1}  {}{}",
            line.page,
            line.size,
            line.top,
            line.text,
            if line.cells.is_empty() {
                String::new()
            } else {
                format!("  cells {:?}", line.cells)
            }
        )?;
    }
    for line in lines
        .iter()
        .filter(|l| std::env::var("FRONT_GREP").is_ok_and(|g| l.text.contains(&g)))
    {
        writeln!(out, "{line:?}")?;
    }
    writeln!(
        out,
        "{:#?}",
        bindery::brief::page::read_front_matter_in(lines, "", common, Some(body))
    )
}
