//! From laid-out pages to the text researchers read: running headers,
//! footers and page numbers moved out of the body (kept as furniture), and
//! each page normalised (Unicode NFC, ligatures expanded, line-end
//! hyphenation joined, paragraphs separated by blank lines).

pub mod furniture;
pub mod language;
pub mod normalize;

use crate::pdf::layout::PageLayout;

/// A line removed from the body as page furniture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Furniture {
    /// 1-based page number.
    pub page: u32,
    pub text: String,
}

/// The normalised text of a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentText {
    /// One string per page; each non-empty page ends with a newline.
    pub pages: Vec<String>,
    pub furniture: Vec<Furniture>,
}

/// Normalise every page and move furniture out of the body.
pub fn normalise(pages: &[PageLayout]) -> DocumentText {
    let marks = furniture::find(pages);
    let vocabulary = normalize::Vocabulary::of(pages);
    let mut text = DocumentText::default();
    for (index, page) in pages.iter().enumerate() {
        let number = index as u32 + 1;
        let mut paragraphs = Vec::new();
        for (b, block) in page.blocks.iter().enumerate() {
            let mut lines = Vec::new();
            for (l, line) in block.lines.iter().enumerate() {
                if marks.contains(&(index, b, l)) {
                    text.furniture.push(Furniture {
                        page: number,
                        text: normalize::clean(&line.text),
                    });
                } else {
                    lines.push(line.text.as_str());
                }
            }
            if !lines.is_empty() {
                let paragraph = normalize::paragraph(&lines, &vocabulary);
                if !paragraph.is_empty() {
                    paragraphs.push(paragraph);
                }
            }
        }
        let mut page_text = paragraphs.join("\n\n");
        if !page_text.is_empty() {
            page_text.push('\n');
        }
        text.pages.push(page_text);
    }
    text
}

/// The page's text in reading order, one line per printed line and a blank
/// line between blocks, without normalisation or furniture removal (for
/// `bindery text --raw`).
pub fn raw_text(page: &PageLayout) -> String {
    let mut out = String::new();
    for block in &page.blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        for line in &block.lines {
            out.push_str(&line.text);
            out.push('\n');
        }
    }
    out
}
