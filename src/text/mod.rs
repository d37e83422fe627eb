//! Clean text from laid-out pages: page furniture (running headers,
//! footers, page numbers) moved aside, lines joined into paragraphs,
//! line-break hyphenation undone, Unicode normalised.

pub mod furniture;
pub mod hyphen;
pub mod language;
pub mod normalize;

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
