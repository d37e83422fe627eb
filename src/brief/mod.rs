//! Bibliographic metadata of a brief: choosing, per field, the best value
//! among the sources a document offers, and keeping where it came from.
//!
//! Sources so far: the Info dictionary. Rules are in `docs/metadata.md`.

pub mod identifiers;

use crate::pdf::metadata::{Info, parse_pdf_date};
use crate::record::{Field, Metadata, MetadataSource, TextSection};

/// Gather the metadata of one document.
pub fn metadata_from(info: &Info, _text: &TextSection) -> Metadata {
    Metadata {
        title: info
            .title
            .as_deref()
            .filter(|t| !is_junk_title(t))
            .map(|t| Field::new(t.to_string(), MetadataSource::Info)),
        authors: info
            .author
            .as_deref()
            .map(split_authors)
            .filter(|a| !a.is_empty())
            .map(|a| Field::new(a, MetadataSource::Info)),
        date: info.creation_date.as_deref().and_then(|raw| {
            parse_pdf_date(raw).map(|iso| Field {
                raw: Some(raw.to_string()),
                ..Field::new(iso, MetadataSource::Info)
            })
        }),
        keywords: info
            .keywords
            .as_deref()
            .map(split_keywords)
            .filter(|k| !k.is_empty())
            .map(|k| Field::new(k, MetadataSource::Info)),
        ..Metadata::default()
    }
}

/// Titles that producers fill in by themselves: a file name, an
/// application prefix, a placeholder.
pub fn is_junk_title(title: &str) -> bool {
    let lower = title.trim().to_lowercase();
    const PREFIXES: [&str; 4] = [
        "microsoft word - ",
        "microsoft powerpoint - ",
        "untitled",
        "document",
    ];
    const SUFFIXES: [&str; 9] = [
        ".doc", ".docx", ".pdf", ".odt", ".rtf", ".htm", ".html", ".tex", ".indd",
    ];
    lower.len() < 3
        || PREFIXES.iter().any(|p| lower.starts_with(p))
        || SUFFIXES.iter().any(|s| lower.ends_with(s))
        || lower.starts_with("http://")
        || lower.starts_with("https://")
}

/// Split an Info /Author string into names: `;` always separates; `and`
/// and `&` separate; a comma separates only when it is not "Last, First".
pub fn split_authors(raw: &str) -> Vec<String> {
    let mut names = Vec::new();
    for group in raw.split(';') {
        let group = group.replace(" & ", " and ");
        for part in group.split(" and ") {
            let part = part.trim().trim_end_matches(',').trim();
            if part.is_empty() {
                continue;
            }
            let pieces: Vec<&str> = part
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            // "Doe, Jane" is one name; "Jane Doe, John Roe" is two.
            let inverted =
                pieces.len() == 2 && !pieces[0].contains(' ') && !pieces[1].contains(' ');
            if inverted {
                names.push(format!("{} {}", pieces[1], pieces[0]));
            } else {
                names.extend(pieces.into_iter().map(str::to_string));
            }
        }
    }
    names
}

fn split_keywords(raw: &str) -> Vec<String> {
    raw.split([',', ';'])
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junk_titles() {
        assert!(is_junk_title("Microsoft Word - draft3.docx"));
        assert!(is_junk_title("report_final.pdf"));
        assert!(is_junk_title("Untitled-1"));
        assert!(!is_junk_title("Water Security in the Sahel"));
    }

    #[test]
    fn author_lists() {
        assert_eq!(
            split_authors("Jane Doe; John Roe"),
            ["Jane Doe", "John Roe"]
        );
        assert_eq!(
            split_authors("Jane Doe, John Roe and Ann Lee"),
            ["Jane Doe", "John Roe", "Ann Lee"]
        );
        assert_eq!(split_authors("Doe, Jane"), ["Jane Doe"]);
    }
}
