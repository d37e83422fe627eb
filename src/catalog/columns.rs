//! Catalog columns: the names a header may use for each field (the
//! synonyms website exports and spreadsheets use), and how each value is
//! read: authors and keywords split into lists, dates to ISO 8601,
//! identifiers checked, languages to BCP 47 tags.
//!
//! A value that cannot be read (a date that is no date, an ISBN whose check
//! digit fails) is left out with a warning naming its line, so one typo
//! does not throw away the row.

use super::csv;
use super::{Entry, Keys, Row};
use serde_json::Value;

/// A field a column may fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Sha256,
    Path,
    File,
    Title,
    Subtitle,
    Authors,
    Date,
    Summary,
    Keywords,
    Url,
    Publisher,
    Series,
    Language,
    Doi,
    Isbn,
    Issn,
}

/// Header names, folded (lowercase, `-` and spaces as `_`, a `dc:` or
/// `dcterms:` prefix dropped), and the field each fills.
const NAMES: &[(&str, Column)] = &[
    ("sha256", Column::Sha256),
    ("sha_256", Column::Sha256),
    ("sha256sum", Column::Sha256),
    ("checksum_sha256", Column::Sha256),
    ("path", Column::Path),
    ("relative_path", Column::Path),
    ("relpath", Column::Path),
    ("file_path", Column::Path),
    ("filepath", Column::Path),
    ("source_path", Column::Path),
    ("file", Column::File),
    ("filename", Column::File),
    ("file_name", Column::File),
    ("pdf", Column::File),
    ("pdf_file", Column::File),
    ("title", Column::Title),
    ("subtitle", Column::Subtitle),
    ("authors", Column::Authors),
    ("author", Column::Authors),
    ("creator", Column::Authors),
    ("creators", Column::Authors),
    ("date", Column::Date),
    ("published", Column::Date),
    ("publication_date", Column::Date),
    ("date_published", Column::Date),
    ("pub_date", Column::Date),
    ("issued", Column::Date),
    ("year", Column::Date),
    ("summary", Column::Summary),
    ("abstract", Column::Summary),
    ("description", Column::Summary),
    ("themes", Column::Keywords),
    ("theme", Column::Keywords),
    ("keywords", Column::Keywords),
    ("keyword", Column::Keywords),
    ("subjects", Column::Keywords),
    ("subject", Column::Keywords),
    ("topics", Column::Keywords),
    ("tags", Column::Keywords),
    ("url", Column::Url),
    ("landing_page", Column::Url),
    ("landing_page_url", Column::Url),
    ("link", Column::Url),
    ("web_page", Column::Url),
    ("publisher", Column::Publisher),
    ("organisation", Column::Publisher),
    ("organization", Column::Publisher),
    ("series", Column::Series),
    ("is_part_of", Column::Series),
    ("ispartof", Column::Series),
    ("language", Column::Language),
    ("lang", Column::Language),
    ("doi", Column::Doi),
    ("isbn", Column::Isbn),
    ("issn", Column::Issn),
    ("eissn", Column::Issn),
    ("e_issn", Column::Issn),
];

/// The field a header name fills, if bindery reads it.
pub fn column_of(header: &str) -> Option<Column> {
    let folded: String = header
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect();
    let name = folded
        .strip_prefix("dcterms:")
        .or_else(|| folded.strip_prefix("dc:"))
        .unwrap_or(&folded);
    NAMES.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

/// A value as the file gives it: text (CSV, JSON strings and numbers) or a
/// list (JSON arrays).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawValue {
    Text(String),
    List(Vec<String>),
}

/// One row before its columns are read: its line and `(header, value)`
/// pairs in column order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRecord {
    pub line: usize,
    pub pairs: Vec<(String, RawValue)>,
}

/// The rows of a CSV catalog, paired with its header. Errors start with
/// the line number.
pub fn csv_records(text: &str) -> Result<Vec<RawRecord>, String> {
    let rows = csv::parse(text)?;
    let Some((header, body)) = rows.split_first() else {
        return Err(" is empty; a CSV catalog starts with a header row".to_string());
    };
    require_key_column(header.fields.iter().map(String::as_str), header.line)?;
    Ok(body
        .iter()
        .map(|row| RawRecord {
            line: row.line,
            pairs: header
                .fields
                .iter()
                .cloned()
                .zip(row.fields.iter().map(|f| RawValue::Text(f.clone())))
                .collect(),
        })
        .collect())
}

/// The rows of a JSON Lines catalog (one object per line; an object may
/// also span lines), or of one JSON array of objects.
pub fn json_records(text: &str) -> Result<Vec<RawRecord>, String> {
    let line_at = |offset: usize| {
        text.get(..offset)
            .map_or(1, |t| t.bytes().filter(|&b| b == b'\n').count() + 1)
    };
    let mut objects: Vec<(usize, Value)> = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    loop {
        let start = stream.byte_offset();
        let Some(item) = stream.next() else { break };
        // The object starts at the first non-space byte after `start`.
        let skipped = text
            .get(start..)
            .map_or(0, |t| t.len() - t.trim_start().len());
        let line = line_at(start + skipped);
        match item {
            Ok(Value::Array(items)) => {
                for item in items {
                    objects.push((line, item));
                }
            }
            Ok(value) => objects.push((line, value)),
            Err(err) => return Err(format!("{}: not JSON: {err}", err.line())),
        }
    }
    let mut records = Vec::new();
    let mut any_key = false;
    let mut names: Vec<String> = Vec::new();
    for (line, value) in objects {
        let Value::Object(map) = value else {
            return Err(format!(
                "{line}: a JSON catalog holds objects, one per publication"
            ));
        };
        let mut pairs = Vec::new();
        for (name, value) in map {
            if !names.contains(&name) {
                names.push(name.clone());
            }
            any_key |= matches!(
                column_of(&name),
                Some(Column::Sha256 | Column::Path | Column::File)
            );
            if let Some(value) = raw_value(&value) {
                pairs.push((name, value));
            }
        }
        records.push(RawRecord { line, pairs });
    }
    if !records.is_empty() && !any_key {
        require_key_column(names.iter().map(String::as_str), 1)?;
    }
    Ok(records)
}

fn raw_value(value: &Value) -> Option<RawValue> {
    let scalar = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    match value {
        Value::Array(items) => Some(RawValue::List(items.iter().filter_map(scalar).collect())),
        other => scalar(other).map(RawValue::Text),
    }
}

fn require_key_column<'a>(
    mut headers: impl Iterator<Item = &'a str> + Clone,
    line: usize,
) -> Result<(), String> {
    let shown: Vec<&str> = headers.clone().collect();
    if headers.any(|h| {
        matches!(
            column_of(h),
            Some(Column::Sha256 | Column::Path | Column::File)
        )
    }) {
        return Ok(());
    }
    Err(format!(
        "{line}: no column names the PDFs: give one named sha256, path or file (found: {})",
        if shown.is_empty() {
            "none".to_string()
        } else {
            shown.join(", ")
        }
    ))
}

/// Header names that fill no field, in first-seen order.
pub fn unused_columns(records: &[RawRecord]) -> Vec<String> {
    let mut unused: Vec<String> = Vec::new();
    for record in records {
        for (name, _) in &record.pairs {
            if column_of(name).is_none() && !unused.contains(name) {
                unused.push(name.clone());
            }
        }
    }
    unused
}

/// Read one row's values into its keys and entry. Where two columns fill
/// the same single-valued field, the first non-empty one (in column order)
/// wins; list fields take the items of all of them.
pub fn row_from(raw: &RawRecord, warnings: &mut Vec<String>) -> Row {
    let mut keys = Keys::default();
    let mut entry = Entry::default();
    let line = raw.line;
    for (name, value) in &raw.pairs {
        let Some(column) = column_of(name) else {
            continue;
        };
        let items: Vec<String> = match value {
            RawValue::Text(text) => match column {
                Column::Authors => split_authors(text),
                Column::Keywords => split_keywords(text),
                _ => vec![text.clone()],
            },
            RawValue::List(items) => items.clone(),
        };
        let items: Vec<String> = items
            .iter()
            .map(|i| one_line(i))
            .filter(|i| !i.is_empty())
            .collect();
        let Some(first) = items.first().cloned() else {
            continue;
        };
        let mut warn = |what: String| warnings.push(format!("{line}: {what}; left out"));
        match column {
            Column::Sha256 => {
                let hex = first.to_ascii_lowercase();
                if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    keys.sha256.get_or_insert(hex);
                } else {
                    warn(format!("{name} {first:?} is not a SHA-256 (64 hex digits)"));
                }
            }
            Column::Path => {
                let path = first.replace('\\', "/");
                let path = path.trim_start_matches("./").to_string();
                keys.path.get_or_insert(path);
            }
            Column::File => {
                let file = first.rsplit(['/', '\\']).next().unwrap_or(&first);
                keys.file.get_or_insert(file.to_string());
            }
            Column::Title => set_once(&mut entry.title, first),
            Column::Subtitle => set_once(&mut entry.subtitle, first),
            Column::Summary => set_once(&mut entry.summary, first),
            Column::Url => set_once(&mut entry.url, first),
            Column::Publisher => set_once(&mut entry.publisher, first),
            Column::Series => set_once(&mut entry.series, first),
            Column::Authors => extend_unique(&mut entry.authors, items),
            Column::Keywords => extend_unique(&mut entry.keywords, items),
            Column::Date if entry.date.is_none() => match iso_date(&first) {
                Some(iso) => {
                    let raw = (iso != first).then_some(first);
                    entry.date = Some((iso, raw));
                }
                None => warn(format!("{name} {first:?} is not a date bindery reads")),
            },
            Column::Language if entry.language.is_none() => match language_tag(&first) {
                Some(tag) => entry.language = Some(tag),
                None => warn(format!("{name} {first:?} is not a language name or tag")),
            },
            Column::Doi | Column::Isbn | Column::Issn => {
                for item in items {
                    match identifier(column, &item) {
                        Some(id) => {
                            if !entry.identifiers.contains(&id) {
                                entry.identifiers.push(id);
                            }
                        }
                        None => warn(format!("{name} {item:?} is not a valid {name}")),
                    }
                }
            }
            Column::Date | Column::Language => {}
        }
    }
    Row { line, keys, entry }
}

fn set_once(slot: &mut Option<String>, value: String) {
    slot.get_or_insert(value);
}

fn extend_unique(list: &mut Vec<String>, items: Vec<String>) {
    for item in items {
        if !list.contains(&item) {
            list.push(item);
        }
    }
}

/// Whitespace, line breaks included, collapsed: record values are one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Authors in one cell: separated by `;`, `|`, ` and ` or ` & `. Commas
/// do not separate: catalogs write "Doe, Jane".
pub fn split_authors(text: &str) -> Vec<String> {
    text.split([';', '|'])
        .flat_map(|part| {
            part.replace(" & ", " and ")
                .split(" and ")
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Keywords or themes in one cell: separated by `;` or `|` when the cell
/// has either, else by commas.
pub fn split_keywords(text: &str) -> Vec<String> {
    if text.contains([';', '|']) {
        text.split([';', '|']).map(str::to_string).collect()
    } else {
        text.split(',').map(str::to_string).collect()
    }
}

/// A catalog date as ISO 8601 at its precision: ISO forms (`2024`,
/// `2024-06`, `2024-06-15`, a date-time), `2024/06/15`, or a written date
/// such as "June 2024" or "15 juin 2024".
pub fn iso_date(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some(iso) = crate::brief::parse_xmp_date(&text.replace('/', "-")) {
        return Some(iso);
    }
    let found = crate::brief::date::find_dates(text);
    match found.as_slice() {
        [one] => Some(one.iso.clone()),
        _ => None,
    }
}

/// Language names a catalog may use, English and native, and their tags.
const LANGUAGES: &[(&str, &str)] = &[
    ("english", "en"),
    ("french", "fr"),
    ("français", "fr"),
    ("francais", "fr"),
    ("german", "de"),
    ("deutsch", "de"),
    ("spanish", "es"),
    ("español", "es"),
    ("espanol", "es"),
    ("portuguese", "pt"),
    ("português", "pt"),
    ("italian", "it"),
    ("italiano", "it"),
    ("dutch", "nl"),
    ("nederlands", "nl"),
    ("russian", "ru"),
    ("русский", "ru"),
    ("arabic", "ar"),
    ("العربية", "ar"),
    ("chinese", "zh"),
    ("中文", "zh"),
    ("japanese", "ja"),
    ("日本語", "ja"),
    ("korean", "ko"),
    ("한국어", "ko"),
    ("polish", "pl"),
    ("polski", "pl"),
    ("turkish", "tr"),
    ("türkçe", "tr"),
    ("ukrainian", "uk"),
    ("українська", "uk"),
    ("swedish", "sv"),
    ("svenska", "sv"),
    ("hindi", "hi"),
    ("indonesian", "id"),
    ("vietnamese", "vi"),
    ("persian", "fa"),
    ("swahili", "sw"),
];

/// A BCP 47 tag from a tag (`en`, `pt-BR`, `en_GB`) or a language name.
pub fn language_tag(text: &str) -> Option<String> {
    let lower = text.trim().to_lowercase();
    if let Some(&(_, tag)) = LANGUAGES.iter().find(|(name, _)| *name == lower) {
        return Some(tag.to_string());
    }
    let normalised = text.trim().replace('_', "-");
    let mut parts = normalised.split('-');
    let primary = parts.next()?;
    let primary_ok =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    let rest: Vec<&str> = parts.collect();
    let rest_ok = rest
        .iter()
        .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if !primary_ok || !rest_ok {
        return None;
    }
    // Conventional case: language lowercase, region uppercase, script title.
    let mut tag = primary.to_ascii_lowercase();
    for part in rest {
        tag.push('-');
        match part.len() {
            2 => tag.push_str(&part.to_ascii_uppercase()),
            4 => {
                let mut chars = part.chars();
                if let Some(first) = chars.next() {
                    tag.push(first.to_ascii_uppercase());
                }
                tag.push_str(&chars.as_str().to_ascii_lowercase());
            }
            _ => tag.push_str(&part.to_ascii_lowercase()),
        }
    }
    Some(tag)
}

/// A DOI, ISBN or ISSN from a catalog cell, checked as bindery checks
/// printed ones (check digits must verify).
fn identifier(column: Column, text: &str) -> Option<(String, String)> {
    use crate::brief::identifiers::{dois, valid_isbn, valid_issn};
    let digits: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == 'X' || *c == 'x')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    match column {
        Column::Doi => dois(text)
            .into_iter()
            .next()
            .map(|d| ("doi".to_string(), d)),
        Column::Isbn => (digits.len() == 10 || digits.len() == 13)
            .then(|| valid_isbn(&digits))
            .flatten()
            .map(|d| ("isbn".to_string(), d)),
        Column::Issn => (digits.len() == 8)
            .then(|| valid_issn(&digits))
            .flatten()
            .map(|d| ("issn".to_string(), d)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(pairs: &[(&str, &str)]) -> (Row, Vec<String>) {
        let raw = RawRecord {
            line: 7,
            pairs: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), RawValue::Text(v.to_string())))
                .collect(),
        };
        let mut warnings = Vec::new();
        (row_from(&raw, &mut warnings), warnings)
    }

    #[test]
    fn header_synonyms() {
        assert_eq!(column_of(" Publication Date "), Some(Column::Date));
        assert_eq!(column_of("dc:creator"), Some(Column::Authors));
        assert_eq!(column_of("Landing-Page"), Some(Column::Url));
        assert_eq!(column_of("FileName"), Some(Column::File));
        assert_eq!(column_of("Themes"), Some(Column::Keywords));
        assert_eq!(column_of("internal id"), None);
    }

    #[test]
    fn values_are_split_and_normalised() {
        let (row, warnings) = row(&[
            ("Filename", "briefs\\june.pdf"),
            ("Authors", "Doe, Jane; Roe, John and Ann Lee"),
            ("Themes", "Water, sanitation|Climate"),
            ("Keywords", "Climate"),
            ("Published", "15 June 2024"),
            ("Language", "Français"),
            ("ISBN", "978-0-306-40615-7"),
            ("Summary", "First\nparagraph."),
            ("Description", "Ignored: summary came first."),
        ]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(row.keys.file.as_deref(), Some("june.pdf"));
        let e = row.entry;
        assert_eq!(e.authors, ["Doe, Jane", "Roe, John", "Ann Lee"]);
        assert_eq!(e.keywords, ["Water, sanitation", "Climate"]);
        assert_eq!(
            e.date,
            Some(("2024-06-15".to_string(), Some("15 June 2024".to_string())))
        );
        assert_eq!(e.language.as_deref(), Some("fr"));
        assert_eq!(
            e.identifiers,
            [("isbn".to_string(), "9780306406157".to_string())]
        );
        assert_eq!(e.summary.as_deref(), Some("First paragraph."));
    }

    #[test]
    fn unreadable_values_are_left_out_with_their_line() {
        let (row, warnings) = row(&[
            ("sha256", "abc"),
            ("file", "a.pdf"),
            ("date", "sometime"),
            ("isbn", "978-0-306-40615-8"),
            ("language", "Klingonese-xx-yy"),
        ]);
        assert_eq!(row.keys.sha256, None);
        assert_eq!(row.entry.date, None);
        assert!(row.entry.identifiers.is_empty());
        assert_eq!(warnings.len(), 4, "{warnings:?}");
        assert!(warnings.iter().all(|w| w.starts_with("7: ")));
    }

    #[test]
    fn dates_and_tags() {
        assert_eq!(iso_date("2024").as_deref(), Some("2024"));
        assert_eq!(iso_date("2024/06/15").as_deref(), Some("2024-06-15"));
        assert_eq!(iso_date("June 2024").as_deref(), Some("2024-06"));
        assert_eq!(
            iso_date("2024-06-15T09:30:00Z").as_deref(),
            Some("2024-06-15T09:30:00Z")
        );
        assert_eq!(iso_date("June 2024 or July 2024"), None);
        assert_eq!(language_tag("pt_br").as_deref(), Some("pt-BR"));
        assert_eq!(language_tag("EN").as_deref(), Some("en"));
    }

    #[test]
    fn json_lines_with_lists_numbers_and_a_multi_line_object() {
        let text = "{\"file\": \"a.pdf\", \"authors\": [\"Jane Doe\", \"John Roe\"], \"year\": 2024}\n\n\
                    {\n  \"sha256\": \"x\",\n  \"title\": null\n}\n";
        let records = json_records(text).unwrap_or_default();
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].line, 3);
        let mut warnings = Vec::new();
        let first = row_from(&records[0], &mut warnings);
        assert_eq!(first.entry.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(first.entry.date.map(|d| d.0).as_deref(), Some("2024"));
        assert!(json_records("{\"title\": \"no key\"}").is_err());
        assert!(json_records("{\"file\": \"a.pdf\"} {oops").is_err());
        assert!(json_records("[\"a.pdf\"]").is_err_and(|e| e.contains("objects")));
    }
}
