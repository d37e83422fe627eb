//! Hyphens at line ends: a line-break artefact to undo, or part of a
//! compound word to keep.
//!
//! The rule, for "left-" at the end of a line followed by "right":
//! 1. `right` starts with an uppercase letter (and `left` is not all
//!    capitals) or a digit: keep ("Franco-Prussian", "COVID-19").
//! 2. `left` already holds a hyphen: keep ("state-of-the-art").
//! 3. The document itself decides when it can: if the hyphenated form
//!    occurs inside a line elsewhere and the joined form does not, keep; if
//!    the joined form occurs, join.
//! 4. `left` is a prefix that forms hyphenated compounds ("self-", "non-",
//!    "well-", ...): keep.
//! 5. Otherwise the hyphen is a typesetter's line break: join without it.
//!
//! A kept hyphen is written without a space ("self-evident").

use crate::pdf::layout::PageLayout;
use foldhash::{HashSet, HashSetExt};

/// Prefixes that are usually joined by a hyphen rather than broken there.
const COMPOUND_PREFIXES: [&str; 9] = [
    "self", "non", "all", "ex", "half", "quasi", "well", "cross", "anti",
];

/// What to do with a line-end hyphen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hyphen {
    /// Line-break artefact: join the halves without it.
    Drop,
    /// Part of the word: join the halves keeping it.
    Keep,
}

/// The words of a document as they appear inside lines, lowercased, for
/// deciding hyphenation by the document's own usage.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    /// Keys of the words (see `word_key`): no string kept per word.
    words: HashSet<u64>,
}

impl Vocabulary {
    /// Words of all body lines (furniture left out). The last word of a
    /// line that ends with a hyphen is left out: it is only half a word.
    pub fn from_pages(pages: &[PageLayout], furniture: &[Vec<(usize, usize)>]) -> Self {
        let mut words = HashSet::new();
        // Only words that could be looked up are kept: those starting like
        // the first half of some hyphenated line end (none: no work at all).
        let starts: HashSet<Start> = pages
            .iter()
            .flat_map(PageLayout::lines)
            .filter(|line| is_broken(&line.text))
            .filter_map(|line| line.text.split_whitespace().last().map(start_of))
            .collect();
        if starts.is_empty() {
            return Vocabulary { words };
        }
        for (p, page) in pages.iter().enumerate() {
            let skip = furniture.get(p).map(Vec::as_slice).unwrap_or(&[]);
            for (b, block) in page.blocks.iter().enumerate() {
                for (l, line) in block.lines.iter().enumerate() {
                    if skip.contains(&(b, l)) {
                        continue;
                    }
                    let tokens: Vec<&str> = line.text.split_whitespace().collect();
                    let broken = is_broken(&line.text);
                    let keep = if broken {
                        tokens.len().saturating_sub(1)
                    } else {
                        tokens.len()
                    };
                    for (i, token) in tokens.iter().take(keep).enumerate() {
                        // The first word may be the tail of a broken word.
                        if i == 0 && keep > 1 {
                            continue;
                        }
                        let start = start_of(token);
                        if token.chars().any(char::is_alphanumeric)
                            && (starts.contains(&start) || starts.contains(&(start.0, None)))
                        {
                            words.insert(word_key(token));
                        }
                    }
                }
            }
        }
        Vocabulary { words }
    }

    fn contains(&self, word: &str) -> bool {
        self.words.contains(&word_key(word))
    }
}

/// The first two characters of a token's bare form (see `bare`). A word
/// that joins "hy-" and "phen" starts like "hy-" does; a one-letter first
/// half gives a one-letter start, which tokens then match on their first
/// letter alone.
type Start = (char, Option<char>);

fn start_of(token: &str) -> Start {
    let trimmed = token.trim_matches(|c: char| !c.is_alphanumeric());
    let mut chars = trimmed.chars().flat_map(char::to_lowercase);
    (chars.next().unwrap_or(' '), chars.next())
}

fn is_broken(line: &str) -> bool {
    line.trim_end().ends_with(['-', '\u{2010}', '\u{ad}'])
}

/// A fixed-seed hash of a token's bare form (see `bare`), computed without
/// building the lowercased string: a document has many words, and only the
/// few around hyphenated line ends are ever looked up. Fixed seed, so
/// output never depends on the process.
fn word_key(token: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = foldhash::fast::FixedState::with_seed(0x0062_696e_6465_7279).build_hasher();
    let trimmed = token.trim_matches(|c: char| !c.is_alphanumeric());
    for c in trimmed.chars().flat_map(char::to_lowercase) {
        hasher.write_u32(c as u32);
    }
    hasher.finish()
}

/// A token lowercased, without surrounding punctuation.
fn bare(token: &str) -> String {
    token
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Decide a line-end hyphen between `left` (the word before the hyphen,
/// hyphen removed) and `right` (the first word of the next line).
pub fn decide(left: &str, right: &str, vocabulary: &Vocabulary) -> Hyphen {
    let Some(first) = right.chars().next() else {
        return Hyphen::Keep;
    };
    let left_caps = left.chars().any(char::is_alphabetic) && !left.chars().any(char::is_lowercase);
    if first.is_numeric() || (first.is_uppercase() && !left_caps) {
        return Hyphen::Keep;
    }
    if left.contains(['-', '\u{2010}']) {
        return Hyphen::Keep;
    }
    let (l, r) = (bare(left), bare(right));
    let joined = format!("{l}{r}");
    let hyphenated = format!("{l}-{r}");
    if vocabulary.contains(&joined) {
        return Hyphen::Drop;
    }
    if vocabulary.contains(&hyphenated) || COMPOUND_PREFIXES.contains(&l.as_str()) {
        return Hyphen::Keep;
    }
    Hyphen::Drop
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary(words: &[&str]) -> Vocabulary {
        Vocabulary {
            words: words.iter().map(|w| word_key(w)).collect(),
        }
    }

    #[test]
    fn plain_word_broken_by_the_typesetter_is_joined() {
        assert_eq!(decide("distri", "bution", &vocabulary(&[])), Hyphen::Drop);
    }

    #[test]
    fn compounds_keep_their_hyphen() {
        let none = vocabulary(&[]);
        assert_eq!(decide("Franco", "Prussian", &none), Hyphen::Keep);
        assert_eq!(decide("COVID", "19", &none), Hyphen::Keep);
        assert_eq!(decide("state-of", "the-art", &none), Hyphen::Keep);
        assert_eq!(decide("self", "evident", &none), Hyphen::Keep);
        assert_eq!(decide("INTER", "NATIONAL", &none), Hyphen::Drop);
    }

    #[test]
    fn the_document_own_usage_wins() {
        let v = vocabulary(&["co-operation", "nonsense"]);
        assert_eq!(decide("co", "operation", &v), Hyphen::Keep);
        assert_eq!(decide("non", "sense", &v), Hyphen::Drop);
    }
}
