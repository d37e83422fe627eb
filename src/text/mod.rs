//! Clean text from laid-out pages: page furniture (running headers,
//! footers, page numbers) moved aside, lines joined into paragraphs,
//! line-break hyphenation undone, Unicode normalised.

pub mod furniture;
pub mod hyphen;
pub mod language;
pub mod normalize;
pub mod radicals;

use crate::pdf::layout::PageLayout;

/// A line taken out of the body because it repeats on the page margins: a
/// running header, a footer, a page number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Furniture {
    /// 1-based page number (position in the document, not the printed one).
    pub page: u32,
    pub text: String,
}

/// The text of a document, one string per page, and what was taken out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentText {
    pub pages: Vec<String>,
    pub furniture: Vec<Furniture>,
}

/// Clean text of every page, furniture removed and returned aside.
pub fn normalise(pages: &[PageLayout]) -> DocumentText {
    let marked = furniture::detect(pages);
    let vocabulary = hyphen::Vocabulary::from_pages(pages, &marked);
    let mut furniture = Vec::new();
    let mut texts = Vec::with_capacity(pages.len());
    for (index, page) in pages.iter().enumerate() {
        let skip = marked.get(index).map(Vec::as_slice).unwrap_or(&[]);
        for &(b, l) in skip {
            if let Some(line) = page.blocks.get(b).and_then(|block| block.lines.get(l)) {
                furniture.push(Furniture {
                    page: index as u32 + 1,
                    text: normalize::clean_line(&line.text),
                });
            }
        }
        texts.push(normalize::page_text(page, skip, &vocabulary));
    }
    DocumentText {
        pages: texts,
        furniture,
    }
}

/// The text of a page in reading order as laid out: one line per line, a
/// blank line between blocks, nothing removed or rewritten.
pub fn raw_text(page: &PageLayout) -> String {
    let blocks: Vec<String> = page
        .blocks
        .iter()
        .map(|block| {
            block
                .lines
                .iter()
                .map(|line| line.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    blocks.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::layout::{Block, Line};

    fn line(text: &str, y: f32, size: f32) -> Line {
        Line {
            text: text.to_string(),
            x0: 72.0,
            y0: y,
            x1: 500.0,
            y1: y + size,
            size,
            font: 0,
            dir: (1.0, 0.0),
            words: Vec::new(),
        }
    }

    fn page(blocks: Vec<Vec<Line>>) -> PageLayout {
        PageLayout {
            width: 612.0,
            height: 792.0,
            fonts: Vec::new(),
            blocks: blocks
                .into_iter()
                .map(|lines| Block {
                    lines,
                    x0: 72.0,
                    y0: 0.0,
                    x1: 500.0,
                    y1: 0.0,
                })
                .collect(),
        }
    }

    #[test]
    fn furniture_is_moved_aside_and_the_body_joined() {
        let pages: Vec<PageLayout> = (1..=3)
            .map(|n| {
                page(vec![
                    vec![line("Annual Report 2024", 760.0, 9.0)],
                    vec![
                        line(&format!("Body of page {n} with a hyphen-"), 600.0, 10.0),
                        line("ated word.", 588.0, 10.0),
                    ],
                    vec![line(&format!("Page {n} of 3"), 30.0, 9.0)],
                ])
            })
            .collect();
        let text = normalise(&pages);
        assert_eq!(text.pages[1], "Body of page 2 with a hyphenated word.");
        let furniture: Vec<(u32, &str)> = text
            .furniture
            .iter()
            .map(|f| (f.page, f.text.as_str()))
            .collect();
        assert_eq!(
            furniture,
            vec![
                (1, "Annual Report 2024"),
                (1, "Page 1 of 3"),
                (2, "Annual Report 2024"),
                (2, "Page 2 of 3"),
                (3, "Annual Report 2024"),
                (3, "Page 3 of 3"),
            ]
        );
        assert_eq!(
            raw_text(&pages[0]),
            "Annual Report 2024\n\nBody of page 1 with a hyphen-\nated word.\n\nPage 1 of 3"
        );
    }
}
