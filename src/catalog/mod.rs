//! Catalog sidecars (`--catalog FILE`): metadata a user already has for
//! the PDFs, as CSV with a header row or as JSON Lines, typically exported
//! from a publisher's website. Each row names its PDF by SHA-256, relative
//! path or file name; its values win over what bindery reads from the PDF,
//! with source `catalog`, and the values they beat stay as alternatives.
//!
//! This module loads the file into [`Row`]s; `columns` maps the header's
//! names to fields, `matching` pairs rows with PDFs and reports the rows
//! that match nothing or too much, `overlay` writes a row into a record.

pub mod columns;
pub mod csv;
pub mod matching;
pub mod overlay;

use crate::error::{Error, Result};
use std::path::Path;

/// What one catalog row says about a publication; empty means not said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub authors: Vec<String>,
    /// ISO 8601 at the precision written, and the value as written when it
    /// differs from that.
    pub date: Option<(String, Option<String>)>,
    pub summary: Option<String>,
    pub keywords: Vec<String>,
    /// The publication's landing page.
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub series: Option<String>,
    /// BCP 47 tag.
    pub language: Option<String>,
    /// `(type, value)`: `doi`, `isbn`, `issn`, validated.
    pub identifiers: Vec<(String, String)>,
}

/// How a row names its PDF. A row may give several keys; it then matches
/// the PDF that all of them name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keys {
    /// Lowercase hex SHA-256 of the PDF's bytes.
    pub sha256: Option<String>,
    /// Path relative to the input root, `/`-separated, as in `source.path`.
    pub path: Option<String>,
    /// File name, as in `source.name`.
    pub file: Option<String>,
}

impl Keys {
    pub fn is_empty(&self) -> bool {
        self.sha256.is_none() && self.path.is_none() && self.file.is_none()
    }
}

/// One row of the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The 1-based line of the file the row starts on.
    pub line: usize,
    pub keys: Keys,
    pub entry: Entry,
}

/// A loaded catalog.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    /// The file as named on the command line, for messages (`FILE:LINE`).
    pub label: String,
    pub rows: Vec<Row>,
    /// Values and columns that were left out, one sentence each.
    pub warnings: Vec<String>,
}

/// The two formats a catalog may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    /// JSON Lines, or one JSON array of objects.
    Json,
}

impl Catalog {
    /// Read and parse the catalog at `path`. Anything that keeps the file
    /// from being read as a whole (bad encoding, broken quoting, no key
    /// column) is a fatal error.
    pub fn load(path: &Path) -> Result<Catalog> {
        let bytes = std::fs::read(path).map_err(|err| Error::io(path, "read the catalog", &err))?;
        let label = path.display().to_string();
        let format = format_of(path, &bytes);
        Catalog::parse(&label, &bytes, format).map_err(|cause| Error::new(cause.to_string()))
    }

    /// Parse catalog bytes in `format`. Errors start with `label:LINE:` or
    /// `label:` so the user can find the place.
    pub fn parse(
        label: &str,
        bytes: &[u8],
        format: Format,
    ) -> std::result::Result<Catalog, String> {
        let text = decode(bytes).map_err(|cause| format!("{label}:{cause}"))?;
        let mut catalog = Catalog {
            label: label.to_string(),
            ..Catalog::default()
        };
        let records = match format {
            Format::Csv => columns::csv_records(&text),
            Format::Json => columns::json_records(&text),
        }
        .map_err(|cause| format!("{label}:{cause}"))?;
        let mut warnings = Vec::new();
        for raw in &records {
            let row = columns::row_from(raw, &mut warnings);
            if row.keys.is_empty() {
                warnings.push(format!(
                    "{}: gives no sha256, path or file name; row left out",
                    row.line
                ));
            } else {
                catalog.rows.push(row);
            }
        }
        let unused = columns::unused_columns(&records);
        if !unused.is_empty() {
            warnings.insert(
                0,
                format!(
                    " columns not used: {} (see docs/metadata.md for the names read)",
                    unused.join(", ")
                ),
            );
        }
        catalog.warnings = warnings
            .into_iter()
            .map(|w| format!("{label}:{w}"))
            .collect();
        Ok(catalog)
    }

    /// Whether any row names its PDF by SHA-256 (then the PDFs must be
    /// hashed before matching).
    pub fn has_sha256_keys(&self) -> bool {
        self.rows.iter().any(|r| r.keys.sha256.is_some())
    }
}

/// CSV or JSON: by the file's extension, else by its first character.
pub fn format_of(path: &Path, bytes: &[u8]) -> Format {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("csv" | "tsv" | "txt") => Format::Csv,
        Some("jsonl" | "ndjson" | "json") => Format::Json,
        _ => {
            let first = decode(bytes)
                .ok()
                .and_then(|t| t.trim_start().chars().next());
            if matches!(first, Some('{' | '[')) {
                Format::Json
            } else {
                Format::Csv
            }
        }
    }
}

/// The catalog's text: UTF-8 (a byte-order mark dropped), or UTF-16 with
/// a byte-order mark (spreadsheets' "Unicode text"). Other encodings are
/// refused rather than guessed, since a wrong guess garbles names.
fn decode(bytes: &[u8]) -> std::result::Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    let utf16 = |rest: &[u8], big_endian: bool| {
        let units = rest.chunks_exact(2).map(|pair| {
            if big_endian {
                u16::from_be_bytes([pair[0], pair[1]])
            } else {
                u16::from_le_bytes([pair[0], pair[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<std::result::Result<String, _>>()
            .map_err(|_| " is not valid UTF-16".to_string())
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, true);
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> std::result::Result<String, String> {
    String::from_utf8(bytes.to_vec()).map_err(|err| {
        let line = bytes[..err.utf8_error().valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        format!(
            "{line}: is not UTF-8 text; save the catalog as \"CSV UTF-8\" (or UTF-16 with a byte-order mark)"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_extension_or_content() {
        assert_eq!(format_of(Path::new("c.CSV"), b"{"), Format::Csv);
        assert_eq!(format_of(Path::new("c.jsonl"), b"file"), Format::Json);
        assert_eq!(format_of(Path::new("c"), b"\n {\"file\":1}"), Format::Json);
        assert_eq!(format_of(Path::new("c"), b"file,title"), Format::Csv);
    }

    #[test]
    fn encodings_with_byte_order_marks_and_refused_latin1() {
        let bom = Catalog::parse("c", b"\xEF\xBB\xBFfile,title\na.pdf,Eau", Format::Csv);
        assert_eq!(
            bom.map(|c| c.rows[0].entry.title.clone()),
            Ok(Some("Eau".to_string()))
        );
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "file,title\na.pdf,Été".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let utf16 = Catalog::parse("c", &utf16, Format::Csv);
        assert_eq!(
            utf16.map(|c| c.rows[0].entry.title.clone()),
            Ok(Some("Été".to_string()))
        );
        let latin1 = Catalog::parse("c.csv", b"file,title\na.pdf,\xC9t\xE9", Format::Csv);
        assert!(latin1.is_err_and(|e| e.starts_with("c.csv:2: is not UTF-8")));
    }

    #[test]
    fn rows_without_a_key_are_reported() {
        let catalog = Catalog::parse(
            "c.csv",
            b"file,sha256,title\n,,Lost\nb.pdf,,Kept\n",
            Format::Csv,
        )
        .unwrap_or_default();
        assert_eq!(catalog.rows.len(), 1);
        assert_eq!(
            catalog.warnings,
            ["c.csv:2: gives no sha256, path or file name; row left out"]
        );
    }
}
