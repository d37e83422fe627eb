//! Writing a catalog row into a record's metadata: each value the row
//! gives wins, with source `catalog`; the value it replaces, and that
//! value's own alternatives, stay as alternatives. Applying the same row
//! twice gives the same record, so a record already in an archive can take
//! a newer catalog.

use super::Entry;
use crate::record::{Alternative, Field, Identifier, Metadata, MetadataSource, Record};
use serde_json::Value;

/// Why a value lost to the catalog.
pub const CATALOG_WINS: &str = "the catalog gives another value";

/// Put the entry's values into `metadata`.
pub fn apply(metadata: &mut Metadata, entry: &Entry) {
    let text = |value: &Option<String>| value.clone();
    overlay(&mut metadata.title, text(&entry.title), None);
    overlay(&mut metadata.subtitle, text(&entry.subtitle), None);
    overlay(&mut metadata.summary, text(&entry.summary), None);
    overlay(&mut metadata.url, text(&entry.url), None);
    overlay(&mut metadata.publisher, text(&entry.publisher), None);
    overlay(&mut metadata.series, text(&entry.series), None);
    overlay(&mut metadata.language, text(&entry.language), None);
    if let Some((iso, raw)) = &entry.date {
        overlay(&mut metadata.date, Some(iso.clone()), raw.clone());
    }
    let list = |items: &Vec<String>| (!items.is_empty()).then(|| items.clone());
    overlay(&mut metadata.authors, list(&entry.authors), None);
    overlay(&mut metadata.keywords, list(&entry.keywords), None);
    let mut identifiers: Vec<Identifier> = entry
        .identifiers
        .iter()
        .map(|(kind, value)| Identifier {
            kind: kind.clone(),
            value: value.clone(),
            source: MetadataSource::Catalog,
        })
        .collect();
    // The document's own identifiers stay, even one the catalog repeats:
    // it says the PDF prints it too. Identifiers of an earlier catalog go.
    identifiers.extend(
        metadata
            .identifiers
            .drain(..)
            .filter(|id| id.source != MetadataSource::Catalog),
    );
    metadata.identifiers = identifiers;
}

/// Apply `entry` to a record and seal it again; error records have no
/// metadata and are returned as they are.
pub fn apply_to_record(record: Record, entry: &Entry) -> Record {
    let mut record = record;
    match record.metadata.as_mut() {
        Some(metadata) => {
            apply(metadata, entry);
            record.sealed()
        }
        None => record,
    }
}

/// Make `value` the field's value, from the catalog. The value it replaces
/// becomes an alternative unless it came from the catalog itself (an
/// earlier catalog, now superseded) or equals the new one.
fn overlay<T>(field: &mut Option<Field<T>>, value: Option<T>, raw: Option<String>)
where
    T: Clone + PartialEq + serde::Serialize,
{
    let Some(value) = value else { return };
    let mut alternatives = Vec::new();
    if let Some(old) = field.take() {
        let as_json = |v: &T| serde_json::to_value(v).unwrap_or(Value::Null);
        let new_json = as_json(&value);
        if old.source != MetadataSource::Catalog && old.value != value {
            alternatives.push(Alternative {
                value: as_json(&old.value),
                source: old.source,
                reason: CATALOG_WINS.to_string(),
            });
        }
        alternatives.extend(
            old.alternatives
                .into_iter()
                .filter(|a| a.value != new_json && a.source != MetadataSource::Catalog),
        );
    }
    *field = Some(Field {
        value,
        source: MetadataSource::Catalog,
        raw,
        confidence: None,
        alternatives,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printed() -> Metadata {
        let mut title = Field::new("Water Security".to_string(), MetadataSource::Page);
        title.alternatives.push(Alternative {
            value: Value::String("Microsoft Word - brief.docx".into()),
            source: MetadataSource::Info,
            reason: "a file name or placeholder, not a title".into(),
        });
        Metadata {
            title: Some(title),
            language: Some(Field::new("en".to_string(), MetadataSource::Text)),
            identifiers: vec![Identifier {
                kind: "doi".into(),
                value: "10.1234/abc".into(),
                source: MetadataSource::Text,
            }],
            ..Metadata::default()
        }
    }

    fn entry() -> Entry {
        Entry {
            title: Some("Water Security in the Sahel".into()),
            language: Some("en".into()),
            date: Some(("2024-06".into(), Some("June 2024".into()))),
            url: Some("https://example.org/briefs/water".into()),
            identifiers: vec![("doi".into(), "10.1234/abc".into())],
            ..Entry::default()
        }
    }

    #[test]
    fn catalog_values_win_and_keep_what_they_beat() {
        let mut metadata = printed();
        apply(&mut metadata, &entry());
        let title = metadata
            .title
            .clone()
            .unwrap_or_else(|| Field::new(String::new(), MetadataSource::Text));
        assert_eq!(title.value, "Water Security in the Sahel");
        assert_eq!(title.source, MetadataSource::Catalog);
        let lost: Vec<(&Value, MetadataSource, &str)> = title
            .alternatives
            .iter()
            .map(|a| (&a.value, a.source, a.reason.as_str()))
            .collect();
        assert_eq!(lost.len(), 2);
        assert_eq!(
            lost[0],
            (
                &Value::String("Water Security".into()),
                MetadataSource::Page,
                CATALOG_WINS
            )
        );
        assert_eq!(lost[1].1, MetadataSource::Info);
        let language = metadata
            .language
            .clone()
            .map(|l| (l.source, l.alternatives.len()));
        assert_eq!(
            language,
            Some((MetadataSource::Catalog, 0)),
            "same value: nothing lost"
        );
        let date = metadata.date.clone().map(|d| (d.value, d.raw));
        assert_eq!(date, Some(("2024-06".into(), Some("June 2024".into()))));
        let sources: Vec<MetadataSource> = metadata.identifiers.iter().map(|i| i.source).collect();
        assert_eq!(sources, [MetadataSource::Catalog, MetadataSource::Text]);
        assert_eq!(metadata.authors, None, "the row says nothing of authors");
    }

    #[test]
    fn applying_twice_or_a_newer_row_does_not_pile_up() {
        let mut once = printed();
        apply(&mut once, &entry());
        let mut twice = once.clone();
        apply(&mut twice, &entry());
        assert_eq!(once, twice);
        let newer = Entry {
            title: Some("Water Security in the Sahel, 2nd edition".into()),
            ..Entry::default()
        };
        apply(&mut twice, &newer);
        let title = twice.title.map(|t| (t.value, t.alternatives.len()));
        assert_eq!(
            title,
            Some(("Water Security in the Sahel, 2nd edition".into(), 2)),
            "the superseded catalog title is not kept"
        );
        let sources: Vec<MetadataSource> = twice.identifiers.iter().map(|i| i.source).collect();
        assert_eq!(
            sources,
            [MetadataSource::Text],
            "the old catalog DOI is gone"
        );
    }
}
