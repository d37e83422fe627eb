//! From laid-out lines to clean text: ligatures expanded, soft hyphens and
//! invisible characters removed, whitespace collapsed, the lines of a block
//! joined into one paragraph (line-break hyphens undone, no space between
//! CJK characters), paragraphs separated by a blank line, NFC at the end.

use crate::pdf::layout::{Block, Line, PageLayout, is_cjk};
use crate::text::hyphen::{self, Hyphen, Vocabulary};
use unicode_normalization::UnicodeNormalization;

const SOFT_HYPHEN: char = '\u{ad}';

/// The expansion of a presentation-form ligature (U+FB00..U+FB06).
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{fb00}' => "ff",
        '\u{fb01}' => "fi",
        '\u{fb02}' => "fl",
        '\u{fb03}' => "ffi",
        '\u{fb04}' => "ffl",
        '\u{fb05}' | '\u{fb06}' => "st",
        _ => return None,
    })
}

/// Characters that carry nothing a reader sees: zero-width space, BOM,
/// word joiner, and control characters.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}' | SOFT_HYPHEN) || (c.is_control() && c != '\t')
}

/// One line of text cleaned: ligatures expanded, shaped Arabic letters and
/// Kangxi and supplementary CJK radicals made letters again, invisible characters and soft hyphens dropped, every kind
/// of space made one ASCII space.
pub fn clean_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if invisible(c) {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match ligature(c) {
            Some(expanded) => out.push_str(expanded),
            None if is_arabic_presentation_form(c) || is_kangxi_radical(c) => {
                // The letter itself, as search and language detection need
                // it: "ﺑﺮرﺳﯽ" is "بررسی" shaped, "⽊" is the radical of "木".
                // An isolated vowel mark's form decomposes to a space and
                // the mark; the space is no word break.
                out.extend(std::iter::once(c).nfkc().filter(|d| !d.is_whitespace()));
            }
            None => out.push(super::radicals::equivalent_ideograph(c).unwrap_or(c)),
        }
    }
    out
}

/// A Kangxi radical, which some fonts map their ideographs to ("⽬指して"
/// for "目指して"); each is the compatibility form of an ideograph.
fn is_kangxi_radical(c: char) -> bool {
    matches!(c, '\u{2f00}'..='\u{2fd5}')
}

/// A shaped Arabic letter or ligature (Presentation Forms-A and -B), which
/// fonts without a proper Unicode map hand out instead of the letter.
fn is_arabic_presentation_form(c: char) -> bool {
    matches!(c, '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{fefe}')
}

/// A hyphen-like character a typesetter puts at a line break.
fn is_break_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}')
}

/// Append `next` (a cleaned line) to the paragraph `text`. `soft` says the
/// raw previous line ended with a soft hyphen (always a break artefact).
fn join_line(text: &mut String, next: &str, soft: bool, short: bool, vocabulary: &Vocabulary) {
    if text.is_empty() {
        text.push_str(next);
        return;
    }
    if soft {
        text.push_str(next);
        return;
    }
    let mut tail = text.chars().rev();
    let last = tail.next();
    let before = tail.next();
    let first = next.chars().next();
    let broken = matches!((last, before, first),
        (Some(h), Some(b), Some(f)) if is_break_hyphen(h) && b.is_alphabetic() && f.is_alphanumeric());
    if let (true, Some(h)) = (broken, last) {
        let start = text.rfind(' ').map_or(0, |i| i + 1);
        let left = text.get(start..text.len() - h.len_utf8()).unwrap_or("");
        let right = next.split(' ').next().unwrap_or("");
        if hyphen::decide(left, right, vocabulary) == Hyphen::Drop {
            text.truncate(text.len() - h.len_utf8());
        }
        text.push_str(next);
        return;
    }
    // CJK lines wrap without a space, but a short line ended on its own
    // (a table cell, a list item): keep a word boundary there.
    if short || !(last.is_some_and(is_cjk) && first.is_some_and(is_cjk)) {
        text.push(' ');
    }
    text.push_str(next);
}

/// Whether `line` stops well short of its block's right edge: the line
/// ended there, rather than running out of room.
fn is_short(line: &Line, block: &Block) -> bool {
    line.x1 < block.x1 - 4.0 * line.size.max(1.0)
}

/// A short line that ends a sentence ends its paragraph, even when the
/// producer set no extra space before the next one.
fn ends_paragraph(line: &str, short: bool) -> bool {
    short
        && line.ends_with([
            '.', '!', '?', ':', '\u{3002}', '\u{ff01}', '\u{ff1f}', '\u{ff1a}',
        ])
}

/// Whether a paragraph ends with a word broken at a line end and the next
/// one starts with its lowercase continuation: the paragraph was split by
/// a column or block boundary, not ended.
fn continues_across(paragraph: &str, next: &str) -> bool {
    let mut tail = paragraph.chars().rev();
    let broken = matches!((tail.next(), tail.next()), (Some(h), Some(b)) if (is_break_hyphen(h) || h == SOFT_HYPHEN) && b.is_alphabetic());
    broken && next.chars().next().is_some_and(char::is_lowercase)
}

/// The clean text of one page, leaving out the lines in `skip` (given as
/// block and line indices).
pub fn page_text(page: &PageLayout, skip: &[(usize, usize)], vocabulary: &Vocabulary) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut soft = false;
    for (b, block) in page.blocks.iter().enumerate() {
        let mut block_started = false;
        let mut short = false;
        let mut ended = false;
        for (l, line) in block.lines.iter().enumerate() {
            if skip.contains(&(b, l)) {
                continue;
            }
            let raw = line.text.trim_end();
            let clean = clean_line(raw);
            if clean.is_empty() {
                continue;
            }
            let new_paragraph = if block_started {
                ended
            } else {
                !continues_across(&current, &clean)
            };
            if new_paragraph && !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
                soft = false;
            }
            block_started = true;
            join_line(&mut current, &clean, soft, short, vocabulary);
            soft = raw.ends_with(SOFT_HYPHEN);
            short = is_short(line, block);
            ended = ends_paragraph(&clean, short);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    to_nfc(paragraphs.join("\n\n"))
}

/// `text` in Unicode NFC ("a" + U+0308 becomes "ä"). Most text is already
/// NFC; the quick check spares it a copy. An accent over a dotless i or j
/// is TeX's way to set "í" (`\'{\i}`): the letter is the dotted one.
pub fn to_nfc(text: String) -> String {
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        return text;
    }
    with_dotted_accented_letters(&text).nfc().collect()
}

/// "ı" or "ȷ" followed by a combining accent made "i" or "j": no language
/// writes an accent over the dotless letter, so it stands for the dotted
/// one (the accent replaces the dot).
fn with_dotted_accented_letters(text: &str) -> std::borrow::Cow<'_, str> {
    let accented = |next: Option<char>| next.is_some_and(|c| ('\u{300}'..='\u{36f}').contains(&c));
    if !text.contains(['\u{131}', '\u{237}']) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(match c {
            '\u{131}' if accented(chars.peek().copied()) => 'i',
            '\u{237}' if accented(chars.peek().copied()) => 'j',
            _ => c,
        });
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::layout::{Block, Line};

    fn line(text: &str) -> Line {
        Line {
            text: text.to_string(),
            x0: 0.0,
            y0: 0.0,
            x1: 0.0,
            y1: 0.0,
            size: 10.0,
            font: 0,
            dir: (1.0, 0.0),
            words: Vec::new(),
        }
    }

    fn page(blocks: &[&[&str]]) -> PageLayout {
        PageLayout {
            width: 600.0,
            height: 800.0,
            fonts: Vec::new(),
            blocks: blocks
                .iter()
                .map(|lines| Block {
                    lines: lines.iter().map(|t| line(t)).collect(),
                    x0: 0.0,
                    y0: 0.0,
                    x1: 0.0,
                    y1: 0.0,
                })
                .collect(),
        }
    }

    fn text(blocks: &[&[&str]]) -> String {
        page_text(&page(blocks), &[], &Vocabulary::default())
    }

    #[test]
    fn lines_join_into_paragraphs_separated_by_blank_lines() {
        let out = text(&[&["The first  line", "and the second."], &["Another one."]]);
        assert_eq!(out, "The first line and the second.\n\nAnother one.");
    }

    #[test]
    fn line_end_hyphenation_is_undone_but_compounds_stay() {
        let out = text(&[&[
            "the distri-",
            "bution of self-",
            "evident truths",
            "in Franco-",
            "Prussian",
        ]]);
        assert_eq!(
            out,
            "the distribution of self-evident truths in Franco-Prussian"
        );
    }

    #[test]
    fn soft_hyphens_and_ligatures() {
        let out = text(&[&["e\u{fb03}cient con\u{ad}", "tract, o\u{fb00}er\u{ad}ing"]]);
        assert_eq!(out, "efficient contract, offering");
    }

    #[test]
    fn shaped_arabic_letters_are_letters_again() {
        // Persian "بررسی" (survey) as a font hands out its shaped forms.
        assert_eq!(
            clean_line("\u{fe91}\u{feae}\u{fead}\u{feb3}\u{fbfd}"),
            "\u{0628}\u{0631}\u{0631}\u{0633}\u{06cc}"
        );
        // The lam-alef ligature is two letters, in reading order.
        assert_eq!(clean_line("\u{fefb}"), "\u{0644}\u{0627}");
        // An isolated vowel mark's form is the mark, with no space before it.
        assert_eq!(clean_line("\u{0628}\u{fe76}"), "\u{0628}\u{064e}");
    }

    #[test]
    fn kangxi_radicals_are_ideographs_again() {
        assert_eq!(clean_line("\u{2f6c}指して"), "目指して");
        assert_eq!(clean_line("\u{2f4a}"), "木");
        // A supplementary radical has no compatibility form; the UCD's
        // equivalent ideograph stands in.
        assert_eq!(clean_line("\u{2ed8}木 修"), "青木 修");
    }

    #[test]
    fn an_accent_over_a_dotless_i_is_the_accented_i() {
        // pdfTeX's "Mar\'{\i}a" and "Lema\^{\i}tre"; a dotless i alone stays.
        assert_eq!(
            to_nfc("Mar\u{131}\u{301}a Lema\u{131}\u{302}tre".to_string()),
            "María Lemaître"
        );
        assert_eq!(to_nfc("Diyarbakır \u{e9}".to_string()), "Diyarbakır é");
        assert_eq!(to_nfc("\u{237}\u{30c}".to_string()), "ǰ");
    }

    #[test]
    fn cjk_lines_join_without_space_and_text_is_nfc() {
        let out = text(&[&["日本語の", "文章です。", "cafe\u{301}"]]);
        assert_eq!(out, "日本語の文章です。 café");
    }

    #[test]
    fn a_word_broken_across_a_column_break_is_joined() {
        let out = text(&[&["end of the left col-"], &["umn continues here."]]);
        assert_eq!(out, "end of the left column continues here.");
    }

    #[test]
    fn skipped_lines_are_left_out() {
        let p = page(&[&["Running head"], &["Body text."]]);
        assert_eq!(
            page_text(&p, &[(0, 0)], &Vocabulary::default()),
            "Body text."
        );
    }
}
