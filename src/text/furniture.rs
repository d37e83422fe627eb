//! Page furniture: running headers, running footers and page numbers.
//!
//! A line is furniture when it sits in the top or bottom band of its page,
//! is set no larger than the body text, and either repeats on other pages
//! (compared with digits masked, so "Report 2024 — 3" matches "Report 2024
//! — 4") or reads as a page number ("Page 3 of 12", "- 3 -", "iv", "3 / 12").
//! A title printed once is never furniture.

use crate::pdf::layout::PageLayout;
use std::collections::{HashMap, HashSet};

/// Position of a line: (page index, block index, line index).
pub type LineRef = (usize, usize, usize);

/// How many lines from the top and bottom of a page may be furniture.
const BAND_LINES: usize = 3;
/// The share of the page height at the top and bottom where furniture sits.
const BAND_SHARE: f32 = 0.14;

/// Find the furniture lines of a document.
pub fn find(pages: &[PageLayout]) -> HashSet<LineRef> {
    let candidates: Vec<Vec<(LineRef, String, bool)>> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| band_lines(i, p))
        .collect();
    // On how many pages each masked text appears in a band.
    let mut seen_on: HashMap<&str, HashSet<usize>> = HashMap::new();
    for (page, lines) in candidates.iter().enumerate() {
        for (_, key, _) in lines {
            seen_on.entry(key.as_str()).or_default().insert(page);
        }
    }
    let repeats_needed = if pages.len() <= 3 {
        2
    } else {
        2.max(pages.len() / 4)
    };
    let mut marks = HashSet::new();
    for (page, lines) in candidates.iter().enumerate() {
        // Text repeated on every page is furniture only next to a body: a
        // page whose only text repeats (a label, a stamp) keeps it.
        let has_body = line_count(&pages[page]) > lines.len();
        for (at, key, numbering) in lines {
            let repeated = seen_on
                .get(key.as_str())
                .is_some_and(|p| p.len() >= repeats_needed);
            if *numbering || (repeated && pages.len() >= 2 && has_body) {
                marks.insert(*at);
            }
        }
    }
    marks
}

/// The lines of one page that could be furniture: the few lines nearest
/// the top and bottom edges, inside the top or bottom band, not larger
/// than the body. Each comes with its masked text and whether it reads as a
/// page number.
fn band_lines(page_index: usize, page: &PageLayout) -> Vec<(LineRef, String, bool)> {
    let refs: Vec<(LineRef, &crate::pdf::layout::Line)> = page
        .blocks
        .iter()
        .enumerate()
        .flat_map(|(b, block)| {
            block
                .lines
                .iter()
                .enumerate()
                .map(move |(l, line)| ((page_index, b, l), line))
        })
        .collect();
    let body = body_size(page);
    let height = page.height.max(1.0);
    // By geometry, not reading order: a header can land mid-page in
    // reading order when a table splits the page into columns.
    let mut top: Vec<&(LineRef, &crate::pdf::layout::Line)> = refs
        .iter()
        .filter(|(_, l)| l.y0 >= height * (1.0 - BAND_SHARE))
        .collect();
    top.sort_by(|a, b| b.1.y1.total_cmp(&a.1.y1));
    let mut bottom: Vec<&(LineRef, &crate::pdf::layout::Line)> = refs
        .iter()
        .filter(|(_, l)| l.y1 <= height * BAND_SHARE)
        .collect();
    bottom.sort_by(|a, b| a.1.y0.total_cmp(&b.1.y0));
    let mut out = Vec::new();
    for &&(at, line) in top
        .iter()
        .take(BAND_LINES)
        .chain(bottom.iter().take(BAND_LINES))
    {
        if line.size > body * 1.2 + 0.5 {
            continue;
        }
        let text = line.text.trim();
        if text.is_empty() || text.chars().count() > 120 {
            continue;
        }
        out.push((at, mask(text), is_page_number(text)));
    }
    out
}

fn line_count(page: &PageLayout) -> usize {
    page.blocks.iter().map(|b| b.lines.len()).sum()
}

fn body_size(page: &PageLayout) -> f32 {
    let mut chars_by_size: HashMap<i32, usize> = HashMap::new();
    for line in page.lines() {
        *chars_by_size
            .entry((line.size * 2.0).round() as i32)
            .or_default() += line.text.len();
    }
    chars_by_size
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map_or(10.0, |(s, _)| s as f32 / 2.0)
}

/// Lowercase with every run of digits (and roman numerals standing alone)
/// replaced by `#`.
fn mask(text: &str) -> String {
    let mut out = String::new();
    let mut in_digits = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
        } else {
            in_digits = false;
            out.extend(c.to_lowercase());
        }
    }
    out.split_whitespace()
        .map(|w| if is_roman(w) { "#" } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_roman(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 6
        && word
            .chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c' | 'I' | 'V' | 'X' | 'L' | 'C'))
}

/// "3", "- 3 -", "— 3 —", "iv", "Page 3", "Page 3 of 12", "p. 3", "3 / 12",
/// "3 of 12", "Seite 3 von 12", "Страница 3 из 12".
pub fn is_page_number(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let stripped = lower
        .trim_matches(|c: char| c == '-' || c == '—' || c == '–' || c.is_whitespace() || c == '|');
    if stripped.is_empty() {
        return false;
    }
    if stripped.chars().all(|c| c.is_ascii_digit()) && stripped.len() <= 4 {
        return true;
    }
    if is_roman(stripped) {
        return true;
    }
    let words: Vec<&str> = stripped.split_whitespace().collect();
    let number = |w: &str| w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty() && w.len() <= 4;
    match words.as_slice() {
        [label, n] => ["page", "p.", "seite", "страница", "стр."].contains(label) && number(n),
        [label, n, of, m] => {
            ["page", "seite", "страница", "pagina", "página"].contains(label)
                && number(n)
                && ["of", "von", "из", "de", "sur", "di"].contains(of)
                && number(m)
        }
        [n, of, m] => number(n) && ["of", "/", "von", "из", "sur"].contains(of) && number(m),
        [n] => n.split('/').all(number) && n.contains('/'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::layout::{Block, Line};

    fn line(text: &str, y: f32, size: f32) -> Line {
        Line {
            text: text.to_string(),
            words: Vec::new(),
            x0: 72.0,
            y0: y - 2.0,
            x1: 300.0,
            y1: y + 8.0,
            size,
            font: 0,
            u0: 72.0,
            u1: 300.0,
            v: y,
        }
    }

    fn page(lines: Vec<Line>) -> PageLayout {
        PageLayout {
            width: 612.0,
            height: 792.0,
            blocks: lines
                .into_iter()
                .map(|l| Block {
                    x0: l.x0,
                    y0: l.y0,
                    x1: l.x1,
                    y1: l.y1,
                    lines: vec![l],
                })
                .collect(),
        }
    }

    #[test]
    fn running_header_on_three_pages_and_numbers() {
        let pages: Vec<PageLayout> = (1..=3)
            .map(|n| {
                let mut lines = Vec::new();
                if n == 1 {
                    lines.push(line("Annual Report on Water", 720.0, 20.0));
                } else {
                    lines.push(line("Annual Report on Water", 760.0, 9.0));
                }
                lines.push(line(
                    "Body text that is long enough to be the body of the page.",
                    600.0,
                    10.0,
                ));
                lines.push(line(
                    "Body text again, different on every page of course.",
                    588.0,
                    10.0,
                ));
                lines.push(line(&format!("Page {n} of 3"), 40.0, 9.0));
                page(lines)
            })
            .collect();
        let marks = find(&pages);
        assert!(
            marks.contains(&(1, 0, 0)) && marks.contains(&(2, 0, 0)),
            "running header"
        );
        assert!(
            !marks.contains(&(0, 0, 0)),
            "the title on page 1 is large and stays"
        );
        for p in 0..3 {
            assert!(marks.contains(&(p, 3, 0)), "footer on page {}", p + 1);
            assert!(!marks.contains(&(p, 1, 0)));
        }
    }

    #[test]
    fn page_number_forms() {
        for text in [
            "3",
            "- 3 -",
            "— 12 —",
            "iv",
            "Page 3",
            "Page 3 of 12",
            "3 / 12",
            "3 of 12",
            "Seite 2 von 5",
            "2/7",
        ] {
            assert!(is_page_number(text), "{text}");
        }
        for text in [
            "2024 Annual Report",
            "Introduction",
            "Chapter 3: Water",
            "12 months later",
        ] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn two_page_document_with_page_n_of_m() {
        let pages: Vec<PageLayout> = (1..=2)
            .map(|n| {
                page(vec![
                    line("Some body text on this page.", 500.0, 10.0),
                    line(&format!("Page {n} of 2"), 30.0, 9.0),
                ])
            })
            .collect();
        let marks = find(&pages);
        assert_eq!(marks.len(), 2);
    }
}
