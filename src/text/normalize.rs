//! Normalising text: Unicode NFC, ligatures expanded, soft hyphens and
//! control characters removed, whitespace collapsed, and the lines of a
//! paragraph joined, with line-end hyphenation undone when the hyphen is a
//! line-break artefact.

use crate::pdf::layout::PageLayout;
use std::collections::HashSet;
use unicode_normalization::UnicodeNormalization;

/// Clean one piece of text: ligatures expanded, NFC, soft hyphens and
/// control characters dropped, whitespace collapsed to single spaces.
pub fn clean(text: &str) -> String {
    let mut expanded = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}' => expanded.push_str("ff"),
            '\u{FB01}' => expanded.push_str("fi"),
            '\u{FB02}' => expanded.push_str("fl"),
            '\u{FB03}' => expanded.push_str("ffi"),
            '\u{FB04}' => expanded.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => expanded.push_str("st"),
            '\u{AD}' | '\u{FEFF}' | '\u{200B}' => {}
            '\u{FFFD}' => {}
            c if c.is_control() => expanded.push(' '),
            c => expanded.push(c),
        }
    }
    let normalised: String = join_spacing_accents(&expanded).nfc().collect();
    normalised.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// TeX and old producers draw accents as separate spacing glyphs after or
/// before the letter ("a¨" for "ä"); turn those into combining marks so
/// NFC composes them.
fn join_spacing_accents(text: &str) -> String {
    let combining = |c: char| match c {
        '\u{A8}' => Some('\u{308}'),
        '\u{B4}' => Some('\u{301}'),
        '\u{60}' => Some('\u{300}'),
        '\u{2C6}' | '^' => Some('\u{302}'),
        '\u{2DC}' => Some('\u{303}'),
        '\u{B8}' => Some('\u{327}'),
        '\u{2C7}' => Some('\u{30C}'),
        '\u{2DA}' => Some('\u{30A}'),
        _ => None,
    };
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    for c in text.chars() {
        match (combining(c), previous) {
            // Only after a vowel or a consonant that takes the accent, so a
            // backtick or caret in code stays what it is.
            (Some(mark), Some(p)) if c != '^' && c != '`' && "aeiouyAEIOUYcnszCNSZ".contains(p) => {
                out.push(mark)
            }
            _ => out.push(c),
        }
        previous = Some(c);
    }
    out
}

/// The words of a document, to tell a line-break hyphen ("econo- my") from
/// a compound that happens to break at its hyphen ("well- known").
#[derive(Debug, Default)]
pub struct Vocabulary {
    words: HashSet<String>,
}

impl Vocabulary {
    pub fn of(pages: &[PageLayout]) -> Vocabulary {
        let mut words = HashSet::new();
        for line in pages.iter().flat_map(|p| p.lines()) {
            for word in line.text.split_whitespace() {
                let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                if word.chars().count() >= 2 {
                    words.insert(word.to_lowercase());
                }
            }
        }
        Vocabulary { words }
    }

    fn has(&self, word: &str) -> bool {
        self.words.contains(&word.to_lowercase())
    }
}

/// Hyphen-like characters a line may end with.
const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{AD}'];

/// Join the lines of one paragraph into one line of text.
pub fn paragraph(lines: &[&str], vocabulary: &Vocabulary) -> String {
    let mut out = String::new();
    for raw in lines {
        let line = clean_keep_soft_hyphen(raw);
        if line.is_empty() {
            continue;
        }
        if out.is_empty() {
            out = line;
            continue;
        }
        let ends_hyphen =
            out.ends_with(HYPHENS) && out.chars().rev().nth(1).is_some_and(char::is_alphanumeric);
        let next_starts_lower = line.chars().next().is_some_and(char::is_lowercase);
        if ends_hyphen && !next_starts_lower {
            // "Franco-" + "German", "12-" + "14": a hyphen that stays.
            if out.ends_with('\u{AD}') {
                out.pop();
                out.push(' ');
            }
            out.push_str(&line);
        } else if ends_hyphen {
            let hyphen_len = out.chars().last().map_or(1, char::len_utf8);
            let head_start = out.rfind(' ').map_or(0, |i| i + 1);
            let head = &out[head_start..out.len() - hyphen_len];
            let tail: String = line.chars().take_while(|c| c.is_alphanumeric()).collect();
            let joined = format!("{head}{tail}");
            let compound = format!("{head}-{tail}");
            let soft = out.ends_with('\u{AD}');
            // Keep the hyphen only when the document writes the compound
            // with it and never the joined word.
            let keep = !soft && vocabulary.has(&compound) && !vocabulary.has(&joined);
            out.truncate(out.len() - hyphen_len);
            if keep {
                out.push('-');
            }
            out.push_str(&line);
        } else {
            let cjk_join =
                out.chars().last().is_some_and(is_cjk) && line.chars().next().is_some_and(is_cjk);
            if !cjk_join {
                out.push(' ');
            }
            out.push_str(&line);
        }
    }
    out.replace('\u{AD}', "")
}

/// `clean`, but a soft hyphen at the very end survives so the paragraph
/// joiner can see it.
fn clean_keep_soft_hyphen(raw: &str) -> String {
    let trimmed = raw.trim_end();
    let soft = trimmed.ends_with('\u{AD}');
    let mut cleaned = clean(trimmed);
    if soft {
        cleaned.push('\u{AD}');
    }
    cleaned
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF | 0x3000..=0x30FF | 0x3100..=0x31FF | 0x3200..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary(words: &[&str]) -> Vocabulary {
        Vocabulary {
            words: words.iter().map(|w| w.to_lowercase()).collect(),
        }
    }

    #[test]
    fn spacing_accents_compose_with_their_vowel() {
        assert_eq!(clean("Seppa\u{A8}la\u{A8}"), "Sepp\u{e4}l\u{e4}");
        assert_eq!(clean("x^2 and `code`"), "x^2 and `code`");
    }

    #[test]
    fn ligatures_soft_hyphens_and_nfc() {
        assert_eq!(
            clean("e\u{301}\u{FB01}nance  of\u{AD}ficial\tdata"),
            "\u{e9}finance official data"
        );
    }

    #[test]
    fn line_break_hyphen_is_joined() {
        let v = vocabulary(&[]);
        assert_eq!(
            paragraph(&["The econo-", "my grew."], &v),
            "The economy grew."
        );
    }

    #[test]
    fn real_compound_keeps_its_hyphen() {
        let v = vocabulary(&["well-known", "known"]);
        assert_eq!(
            paragraph(&["a well-", "known result"], &v),
            "a well-known result"
        );
    }

    #[test]
    fn hyphen_before_capital_or_number_is_kept() {
        let v = vocabulary(&[]);
        assert_eq!(
            paragraph(&["the Franco-", "German border"], &v),
            "the Franco-German border"
        );
        assert_eq!(paragraph(&["pages 12-", "14"], &v), "pages 12-14");
    }

    #[test]
    fn cjk_lines_join_without_space() {
        let v = vocabulary(&[]);
        assert_eq!(
            paragraph(&["日本語の", "文章です。"], &v),
            "日本語の文章です。"
        );
    }
}
