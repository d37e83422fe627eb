//! Identifiers printed in a document or its metadata: DOIs, ISBNs and ISSNs
//! (check digits validated, so a phone number is not taken for an ISBN),
//! arXiv ids and URLs. Hand-written scanners rather than regular
//! expressions: the patterns are simple and this keeps the regex engine out
//! of the build.

use crate::record::{Identifier, MetadataSource};

/// Find identifiers in `text`, in order of first appearance, without
/// duplicates. `source` says where the text came from.
pub fn find(text: &str, source: MetadataSource) -> Vec<Identifier> {
    let mut found: Vec<Identifier> = Vec::new();
    let mut push = |kind: &str, value: String| {
        if !found.iter().any(|i| i.kind == kind && i.value == value) {
            found.push(Identifier {
                kind: kind.to_string(),
                value,
                source,
            });
        }
    };
    for doi in dois(text) {
        push("doi", doi);
    }
    for (kind, value) in labelled_numbers(text) {
        push(kind, value);
    }
    for id in arxiv_ids(text) {
        push("arxiv", id);
    }
    for url in urls(text) {
        push("url", url);
    }
    found
}

/// DOIs: `10.` + 4 to 9 digits + `/` + a suffix up to whitespace, with
/// trailing punctuation that belongs to the sentence removed. Lowercased,
/// as DOIs are case-insensitive.
pub fn dois(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(pos) = text[from..].find("10.") {
        let start = from + pos;
        from = start + 3;
        // Must not be inside a longer number ("210.5").
        if start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            continue;
        }
        let registrant_len = bytes[start + 3..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b'.')
            .count();
        let slash = start + 3 + registrant_len;
        if !(4..=20).contains(&registrant_len) || bytes.get(slash) != Some(&b'/') {
            continue;
        }
        let suffix_end = text[slash + 1..]
            .find(|c: char| {
                c.is_whitespace()
                    || matches!(c, '"' | '<' | '>' | '{' | '}' | '|' | '\\' | '^' | '`')
            })
            .map_or(text.len(), |n| slash + 1 + n);
        let doi = trim_sentence_end(&text[start..suffix_end]);
        if doi.len() > slash + 1 - start {
            out.push(doi.to_lowercase());
        }
        from = suffix_end.max(from);
    }
    out
}

/// Numbers introduced by their label: `ISBN 978-...`, `ISSN 1234-5678`,
/// validated by check digit.
fn labelled_numbers(text: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let upper = text.to_ascii_uppercase();
    for (label, kind) in [("ISBN", "isbn"), ("ISSN", "issn")] {
        let mut from = 0;
        while let Some(pos) = upper[from..].find(label) {
            let after = from + pos + label.len();
            from = after;
            // Skip "-13", ":", spaces, "(print)" style decorations.
            let rest = &text[after..];
            let rest = rest.trim_start_matches(|c: char| c == '-' && rest.starts_with("-1"));
            let rest = rest
                .strip_prefix("13")
                .or_else(|| rest.strip_prefix("10"))
                .unwrap_or(rest);
            let rest = rest.trim_start_matches(|c: char| c == ':' || c == '.' || c.is_whitespace());
            let candidate: String = rest
                .chars()
                .take_while(|c| {
                    c.is_ascii_digit()
                        || matches!(c, '-' | ' ' | 'X' | 'x' | '\u{2010}' | '\u{2011}')
                })
                .collect();
            let digits: String = candidate
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == 'X' || *c == 'x')
                .collect();
            let digits = digits.to_ascii_uppercase();
            match kind {
                "isbn" => {
                    if let Some(isbn) = valid_isbn(&digits) {
                        out.push((kind, isbn));
                    }
                }
                _ => {
                    if let Some(issn) = valid_issn(&digits) {
                        out.push((kind, issn));
                    }
                }
            }
        }
    }
    out
}

/// An ISBN-13 or ISBN-10 (check digit verified), as bare digits. The
/// candidate may run on into the next number, so try the 13- and 10-digit
/// prefixes.
pub fn valid_isbn(digits: &str) -> Option<String> {
    let d: Vec<u32> = digits
        .chars()
        .map(|c| {
            if c == 'X' {
                10
            } else {
                c.to_digit(10).unwrap_or(99)
            }
        })
        .collect();
    if d.len() >= 13 && d[..13].iter().all(|&x| x < 10) {
        let sum: u32 = d[..13]
            .iter()
            .enumerate()
            .map(|(i, &x)| if i % 2 == 0 { x } else { 3 * x })
            .sum();
        if sum.is_multiple_of(10) && (digits.starts_with("978") || digits.starts_with("979")) {
            return Some(digits[..13].to_string());
        }
    }
    if d.len() >= 10 && d[..9].iter().all(|&x| x < 10) && d[9] <= 10 {
        let sum: u32 = d[..10]
            .iter()
            .enumerate()
            .map(|(i, &x)| (10 - i as u32) * x)
            .sum();
        if sum.is_multiple_of(11) {
            return Some(digits[..10].to_string());
        }
    }
    None
}

/// An ISSN (check digit verified), written `NNNN-NNNC`.
pub fn valid_issn(digits: &str) -> Option<String> {
    let d: Vec<u32> = digits
        .chars()
        .take(8)
        .map(|c| {
            if c == 'X' {
                10
            } else {
                c.to_digit(10).unwrap_or(99)
            }
        })
        .collect();
    if d.len() < 8 || d[..7].iter().any(|&x| x > 9) || d[7] > 10 {
        return None;
    }
    let sum: u32 = d[..7]
        .iter()
        .enumerate()
        .map(|(i, &x)| (8 - i as u32) * x)
        .sum();
    let check = (11 - sum % 11) % 11;
    (check == d[7]).then(|| format!("{}-{}", &digits[..4], &digits[4..8]))
}

/// arXiv ids after an `arXiv:` label: new style `2101.01234v2`, old style
/// `hep-th/9901001`.
fn arxiv_ids(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find("arxiv:") {
        let start = from + pos + "arxiv:".len();
        from = start;
        let id: String = text[start..]
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '-'))
            .collect();
        let id = id.trim_end_matches('.');
        let new_style = id.len() >= 9
            && id.as_bytes()[4] == b'.'
            && id[..4].bytes().all(|b| b.is_ascii_digit());
        let old_style = id.contains('/')
            && id
                .rsplit('/')
                .next()
                .is_some_and(|n| n.len() >= 7 && n.bytes().all(|b| b.is_ascii_digit()));
        if new_style || old_style {
            out.push(id.to_string());
        }
    }
    out
}

/// Remove punctuation that ends the sentence rather than the identifier:
/// dots, commas, quotes, and closing brackets that have no opening one.
fn trim_sentence_end(mut s: &str) -> &str {
    loop {
        let before = s;
        s = s.trim_end_matches(['.', ',', ';', ':', '\'', '\u{2019}', '\u{201d}']);
        for (open, close) in [('(', ')'), ('[', ']')] {
            if s.ends_with(close) && s.matches(open).count() < s.matches(close).count() {
                s = &s[..s.len() - 1];
            }
        }
        if s == before {
            return s;
        }
    }
}

/// http(s) URLs, trailing sentence punctuation removed.
fn urls(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"')) {
        let Some(start) = word.find("http://").or_else(|| word.find("https://")) else {
            continue;
        };
        let url = trim_sentence_end(&word[start..]);
        if url.len() > "https://".len() + 3 && url.contains('.') {
            out.push(url.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, String)> {
        find(text, MetadataSource::Text)
            .into_iter()
            .map(|i| (i.kind, i.value))
            .collect()
    }

    #[test]
    fn doi_in_a_sentence() {
        assert_eq!(
            dois(
                "(doi:10.1016/J.ENPOL.2020.111893). See 10.1002/(SICI)1097-4571(199806)49:8<693, and https://doi.org/10.5555/abc-12."
            ),
            [
                "10.1016/j.enpol.2020.111893",
                "10.1002/(sici)1097-4571(199806)49:8",
                "10.5555/abc-12"
            ]
        );
        assert!(dois("in 210.5/3 cases, 10.12/x").is_empty());
    }

    #[test]
    fn isbn_with_good_and_bad_check_digits() {
        assert_eq!(
            kinds("ISBN 978-3-16-148410-0"),
            [("isbn".to_string(), "9783161484100".to_string())]
        );
        assert_eq!(
            kinds("ISBN-10: 0-306-40615-2"),
            [("isbn".to_string(), "0306406152".to_string())]
        );
        assert!(
            kinds("ISBN 978-3-16-148410-1").is_empty(),
            "bad check digit is rejected"
        );
    }

    #[test]
    fn issn_validated() {
        assert_eq!(
            kinds("ISSN 2049-3630 (online)"),
            [("issn".to_string(), "2049-3630".to_string())]
        );
        assert!(kinds("ISSN 2049-3631").is_empty());
        assert_eq!(
            kinds("ISSN: 0317-8471"),
            [("issn".to_string(), "0317-8471".to_string())]
        );
    }

    #[test]
    fn arxiv_and_urls() {
        assert_eq!(
            kinds("arXiv:2101.01234v2 [cs.CL], see https://example.org/brief."),
            [
                ("arxiv".to_string(), "2101.01234v2".to_string()),
                ("url".to_string(), "https://example.org/brief".to_string())
            ]
        );
        assert_eq!(
            kinds("arXiv: hep-th/9901001"),
            [("arxiv".to_string(), "hep-th/9901001".to_string())]
        );
    }
}
