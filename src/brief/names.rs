//! What reads as a name in a printed list of authors: splitting the list
//! ("A, B and C"), the marks that tie a name to its affiliation, and telling
//! a person or an organisation from a heading, a grade or a place of work.

use crate::brief::page::{has_letters, is_genre_line, is_series_label};

/// Split a printed list of names.
pub fn split_names(text: &str) -> Vec<String> {
    let text = spaced_initials(&without_footnote_marks(text))
        .replace(" & ", ", ")
        .replace(" and ", ", ")
        .replace(" AND ", ", ")
        .replace(" et ", ", ")
        .replace(" und ", ", ");
    let mut pieces: Vec<String> = Vec::new();
    for piece in text.split([',', ';', '、', '·']) {
        let piece = piece
            .trim()
            .trim_end_matches(|c: char| {
                c.is_ascii_digit() || matches!(c, '*' | '\u{2217}' | '†' | '‡' | '§' | ' ')
            })
            .trim();
        // "ARD, Inc.": a corporate suffix after a comma belongs to the name.
        match pieces.last_mut() {
            Some(last) if NAME_SUFFIXES.contains(&piece.to_lowercase().as_str()) => {
                last.push_str(", ");
                last.push_str(piece);
            }
            _ => pieces.push(piece.to_string()),
        }
    }
    let names: Vec<String> = pieces
        .into_iter()
        .filter(|n| has_letters(n, 2) && is_name(n))
        .collect();
    // "By Ian Appleton, Working Group A": beside a person, a place of work
    // is an affiliation, not a second author.
    if names.iter().any(|n| !is_affiliation(n)) {
        names.into_iter().filter(|n| !is_affiliation(n)).collect()
    } else {
        names
    }
}

/// Suffixes printed after a comma that belong to the name before it: a
/// company's ("ARD, Inc.") or a person's ("Walter Gary Sharp, Sr.").
pub(crate) const NAME_SUFFIXES: &[&str] = &[
    "inc.", "inc", "ltd.", "ltd", "llc", "gmbh", "plc", "corp.", "jr.", "jr", "sr.", "sr", "ii",
    "iii", "iv",
];

/// Whether a line reads as a list of person or organisation names: short,
/// no sentence punctuation, every name capitalised, no digits.
pub(crate) fn looks_like_names(text: &str) -> bool {
    let unmarked = without_footnote_marks(text);
    let text = unmarked.trim();
    // "Submitted to:" labels what follows; it names no one.
    if text.is_empty() || text.ends_with(['.', ':']) || text.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let names = split_names(text);
    if names.is_empty() || names.len() > 16 || is_affiliation(text) {
        return false;
    }
    names.iter().all(|name| {
        let words: Vec<&str> = name.split_whitespace().collect();
        let cjk = name.chars().all(|c| !c.is_ascii());
        (cjk && name.chars().count() <= 12)
            || (!words.is_empty()
                && words.len() <= 6
                && words
                    .iter()
                    .filter(|w| w.len() > 3)
                    .all(|w| w.starts_with(|c: char| c.is_uppercase())))
    }) && !is_series_label(text)
}

/// "D.Smirnov" as "D. Smirnov": an initial's full stop followed by a
/// capitalised word gets its space ("Yu.A.Pusep" gives "Yu.A. Pusep").
fn spaced_initials(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        let initial = i >= 1 && chars[i - 1].is_uppercase();
        let word_follows = chars.get(i + 1).is_some_and(|n| n.is_uppercase())
            && chars.get(i + 2).is_some_and(|n| n.is_lowercase());
        if c == '.' && initial && word_follows {
            out.push(' ');
        }
    }
    out
}

/// The text without the marks that tie a name to its affiliation or a
/// footnote: digits and symbols (`*`, `†`, `‡`, `∗`, `§`) right after a
/// letter ("Temple-Smith1", "Graves2*", "Gal∗+").
pub(crate) fn without_footnote_marks(text: &str) -> String {
    let is_mark = |c: char| {
        c.is_ascii_digit()
            || matches!(
                c,
                '*' | '\u{2020}' | '\u{2021}' | '\u{2217}' | '\u{a7}' | '+' | '$' | '#'
            )
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut after_letter = false;
    let mut dropped = false;
    for (i, &c) in chars.iter().enumerate() {
        // Marks may be listed: "Theurer2,3" ties one name to two places.
        let listed_mark = c == ',' && chars.get(i + 1).copied().is_some_and(is_mark);
        // Or follow the comma after the name: "Verronen,1 Annika Seppälä,1".
        let after_comma = i >= 2
            && chars[i - 1] == ','
            && chars[i - 2].is_alphabetic()
            && c.is_ascii_digit()
            && !chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if (after_letter && (is_mark(c) || listed_mark)) || after_comma {
            dropped = true;
            continue;
        }
        // A mark then a space and a capital: the mark separated two names
        // ("Temple-Smith1 Jennifer A. Graves2").
        if dropped && c == ' ' && chars.get(i + 1).is_some_and(|n| n.is_uppercase()) {
            out.push(',');
        }
        dropped = false;
        after_letter = c.is_alphabetic();
        out.push(c);
    }
    out
}

/// Words that are never a person's name, printed where names could be.
const NOT_NAMES: &[&str] = &[
    "abstract",
    "introduction",
    "received",
    "accepted",
    "published",
    "summary",
    "contents",
    "table of contents",
    "keywords",
    "foreword",
    "preface",
    "edition",
    "chapter",
    "resume",
    "résumé",
    "zusammenfassung",
];

/// Words no person's or organisation's name starts with; a phrase that
/// does is a title's ("About Drugs and Your Body", "AT THE FIRST SESSION").
const NEVER_FIRST_IN_A_NAME: &[&str] = &[
    "about", "your", "our", "my", "at", "to", "for", "from", "with", "into", "how", "what", "why",
    "when", "where", "is", "are", "in", "on", "of", "welcome", "inside",
];

/// Titles and grades printed after a name ("Fellow, IEEE"), not names.
const GRADES: &[&str] = &[
    "fellow",
    "member",
    "senior member",
    "student member",
    "life fellow",
    "ieee",
    "phd",
    "ph.d.",
    "md",
    "jr.",
    "sr.",
];

/// Words of an affiliation: a line holding one names places, not people.
const AFFILIATION_WORDS: &[&str] = &[
    "working group",
    "university",
    "universit",
    "department",
    "school of",
    "institute",
    "college",
    "laboratory",
    "faculty",
    "hospital",
    "centre for",
    "center for",
    "corporation",
];

pub(crate) fn is_affiliation(text: &str) -> bool {
    let lower = text.to_lowercase();
    AFFILIATION_WORDS.iter().any(|w| lower.contains(w)) || text.contains('@')
}

/// Whether a piece of a name list can be a name: not a heading word or a
/// grade, and two words or more (one word only as an acronym such as
/// "CCITT", which organisations sign with).
fn is_name(piece: &str) -> bool {
    let lower = piece.to_lowercase();
    let words = piece.split_whitespace().count();
    let acronym = words == 1
        && (3..=7).contains(&piece.chars().count())
        && piece.chars().all(|c| c.is_uppercase() || c == '.');
    // A colon inside is a title's or a label's ("Democracy Assessment:
    // Political Process"), not a name's.
    !piece.trim_end_matches(':').contains(':')
        && !piece
            .split_whitespace()
            .next()
            .is_some_and(|w| NEVER_FIRST_IN_A_NAME.contains(&w.to_lowercase().as_str()))
        && !piece.chars().any(|c| c.is_ascii_digit())
        && !is_genre_line(piece)
        && !NOT_NAMES.contains(&lower.trim_end_matches([':', '.']))
        && !GRADES.contains(&lower.as_str())
        && (words >= 2 || acronym)
        && !piece.contains("://")
        && !lower.starts_with("www.")
}
