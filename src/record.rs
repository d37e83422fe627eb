//! The JSON record of one document (schema `bindery.record/1`): its shape,
//! its canonical form and its checksums. `docs/record.md` is the normative
//! description; `docs/record.schema.json` the JSON Schema.
//!
//! Canonical form: the record as JSON with object keys sorted by their UTF-8
//! bytes, no insignificant whitespace, strings escaped as JSON requires and
//! nothing more (no `\/`, no `\u` for non-ASCII), integers only. The
//! `checksum` field is the SHA-256 of the canonical form of the record
//! without that field. Records carry no floating-point numbers, so any JSON
//! library can reproduce the form exactly.

use crate::error::{DocumentError, ErrorKind};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The schema identifier written in every record.
pub const SCHEMA: &str = "bindery.record/1";

/// One document's record: a successful extraction or an error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub schema: String,
    pub status: Status,
    /// Hex SHA-256 of the PDF bytes; `None` only when the file could not be read.
    pub id: Option<String>,
    pub source: Source,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub pdf: Option<PdfSection>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub metadata: Option<Metadata>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub text: Option<TextSection>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub quality: Option<Quality>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error: Option<ErrorSection>,
    pub extractor: Extractor,
    /// SHA-256 of the canonical form without this field; see [`Record::sealed`].
    pub checksum: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Error,
}

/// Where the document came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Path relative to the input root, `/`-separated.
    pub path: String,
    /// File name only.
    pub name: String,
    pub bytes: u64,
    /// Hex SHA-256 of the bytes (equals `id`); `None` when unreadable.
    pub sha256: Option<String>,
}

/// Facts about the PDF file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PdfSection {
    pub version: String,
    pub pages: u32,
    pub encrypted: bool,
    pub producer: Option<String>,
    pub creator: Option<String>,
    pub linearized: bool,
    pub tagged: bool,
}

/// Where a metadata value came from, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MetadataSource {
    /// A catalog sidecar given by the user.
    Catalog,
    /// The XMP metadata stream.
    Xmp,
    /// The Info dictionary.
    Info,
    /// The typography of the printed page.
    Page,
    /// The running text (identifiers, language).
    Text,
}

/// One metadata value with its provenance and the candidates it beat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field<T> {
    pub value: T,
    pub source: MetadataSource,
    /// The value as found before normalisation, when it differs (dates).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub raw: Option<String>,
    /// How sure the guess is, in thousandths, for guessed values (language).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub confidence: Option<u32>,
    /// Other candidates that were rejected, with their sources.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub alternatives: Vec<Alternative>,
}

impl<T> Field<T> {
    pub fn new(value: T, source: MetadataSource) -> Self {
        Field {
            value,
            source,
            raw: None,
            confidence: None,
            alternatives: Vec::new(),
        }
    }
}

/// A rejected candidate value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    pub value: Value,
    pub source: MetadataSource,
    /// Why it lost, in a few words.
    pub reason: String,
}

/// An identifier found in the document (DOI, ISBN, ISSN, arXiv, URL, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identifier {
    /// `doi`, `isbn`, `issn`, `arxiv`, `report`, `url`.
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
    pub source: MetadataSource,
}

/// Bibliographic metadata. Every field is optional: absent means unknown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<Field<String>>,
    pub subtitle: Option<Field<String>>,
    pub authors: Option<Field<Vec<String>>>,
    /// ISO 8601 at the precision known: `2024`, `2024-06`, `2024-06-15`, or
    /// a full date-time.
    pub date: Option<Field<String>>,
    /// BCP 47 language tag (`en`, `fr`, `ru`, `ja`, ...).
    pub language: Option<Field<String>>,
    /// The issuing organisation.
    pub publisher: Option<Field<String>>,
    pub series: Option<Field<String>>,
    /// The publication's landing page (from a catalog). Absent in records
    /// made before it existed, hence the default.
    #[serde(default)]
    pub url: Option<Field<String>>,
    #[serde(rename = "abstract")]
    pub summary: Option<Field<String>>,
    pub keywords: Option<Field<Vec<String>>>,
    pub identifiers: Vec<Identifier>,
}

/// The extracted text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextSection {
    /// One string per page, in page order, normalised, without furniture.
    pub pages: Vec<String>,
    /// Hex SHA-256 of the text file: the pages joined by form feed (U+000C),
    /// UTF-8. This is exactly what `bindery text` prints.
    pub sha256: String,
    /// Unicode scalar values in the joined text.
    pub chars: u64,
    /// Whitespace-separated words in the joined text.
    pub words: u64,
    /// Running headers, footers and page numbers removed from `pages`.
    pub furniture: Vec<FurnitureLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FurnitureLine {
    /// 1-based page number.
    pub page: u32,
    pub text: String,
}

/// How much to trust the text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Quality {
    /// Problems met while reading (repairs, unreadable fonts, limits).
    pub warnings: Vec<String>,
    /// 1-based numbers of pages with no text (often scanned images).
    pub empty_pages: Vec<u32>,
    /// Glyphs painted, and how many had no Unicode mapping.
    pub glyphs: u64,
    pub unmapped_glyphs: u64,
    /// `unmapped_glyphs / glyphs` in thousandths, rounded (0 when no glyphs).
    pub unmapped_per_mille: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorSection {
    pub kind: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extractor {
    pub name: String,
    pub version: String,
}

impl Extractor {
    pub fn this() -> Self {
        Extractor {
            name: env!("CARGO_PKG_NAME").to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }
}

impl Record {
    /// An error record for a document that could not be read.
    pub fn failed(source: Source, error: &DocumentError) -> Record {
        Record {
            schema: SCHEMA.to_string(),
            status: Status::Error,
            id: source.sha256.clone(),
            source,
            pdf: None,
            metadata: None,
            text: None,
            quality: None,
            error: Some(ErrorSection {
                kind: error.kind.as_str().to_string(),
                message: error.message.clone(),
            }),
            extractor: Extractor::this(),
            checksum: String::new(),
        }
        .sealed()
    }

    /// The error kind of an error record.
    pub fn error_kind(&self) -> Option<&str> {
        self.error.as_ref().map(|e| e.kind.as_str())
    }

    pub fn is_ok(&self) -> bool {
        self.status == Status::Ok
    }

    /// The record as a JSON value, checksum included.
    pub fn to_value(&self) -> Value {
        // Serialising plain structs of strings, integers and bools cannot fail.
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// Compute and set `checksum`.
    pub fn sealed(mut self) -> Record {
        let mut value = self.to_value();
        if let Value::Object(map) = &mut value {
            map.remove("checksum");
        }
        self.checksum = sha256_hex(&canonical_json(&value));
        self
    }

    /// The canonical JSON form, checksum included: one line of JSON Lines.
    pub fn to_canonical_json(&self) -> Vec<u8> {
        canonical_json(&self.to_value())
    }

    /// Human-friendly indented JSON (same content, keys sorted).
    pub fn to_pretty_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(&sorted(&self.to_value())).unwrap_or_default();
        out.push(b'\n');
        out
    }

    /// The text file stored for this record: pages joined by form feed.
    pub fn text_file(&self) -> String {
        self.text
            .as_ref()
            .map(|t| join_pages(&t.pages))
            .unwrap_or_default()
    }
}

/// Pages joined by form feed: the text file format.
pub fn join_pages(pages: &[String]) -> String {
    pages.join("\u{c}")
}

/// The record checksum of `record` (a JSON object): SHA-256 of the
/// canonical form of the object without its `checksum` key.
pub fn checksum_of(record: &Value) -> String {
    let mut without = record.clone();
    if let Value::Object(map) = &mut without {
        map.remove("checksum");
    }
    sha256_hex(&canonical_json(&without))
}

/// Whether a record's stored checksum matches its content.
pub fn checksum_matches(record: &Value) -> bool {
    record.get("checksum").and_then(Value::as_str) == Some(checksum_of(record).as_str())
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

/// Serialise `value` in canonical form (see the module documentation).
pub fn canonical_json(value: &Value) -> Vec<u8> {
    let mut out = Vec::with_capacity(4096);
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            out.push(b'{');
            for (i, (key, item)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_string(key, out);
                out.push(b':');
                write_canonical(item, out);
            }
            out.push(b'}');
        }
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out);
            }
            out.push(b']');
        }
        Value::String(s) => write_string(s, out),
        // Null, booleans and integers print the same in every JSON library.
        other => out.extend_from_slice(other.to_string().as_bytes()),
    }
}

/// A JSON string with the minimal escapes: `"`, `\`, and control characters
/// (`\b \t \n \f \r` short forms, others as `\u00xx` lowercase).
fn write_string(s: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    // Copy the runs that need no escape in one go: escapes are rare and
    // all ASCII, so a byte scan cannot split a multibyte character.
    let bytes = s.as_bytes();
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            0x0c => b"\\f",
            b'\r' => b"\\r",
            0x00..=0x1f => b"",
            _ => continue,
        };
        out.extend_from_slice(&bytes[run..i]);
        if escape.is_empty() {
            out.extend_from_slice(format!("\\u{b:04x}").as_bytes());
        } else {
            out.extend_from_slice(escape);
        }
        run = i + 1;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// A copy of `value` whose objects iterate in sorted key order whatever
/// map type serde_json was built with.
fn sorted(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.clone(), sorted(v)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

/// Words as the record counts them: runs of non-whitespace.
pub fn count_words(text: &str) -> u64 {
    text.split_whitespace().count() as u64
}

/// The kind of error recorded for a panic inside one document.
pub fn internal_error(message: &str) -> DocumentError {
    DocumentError::new(
        ErrorKind::Internal,
        format!("bindery failed on this file ({message}); please report it with the file"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn canonical_form_sorts_keys_and_has_no_whitespace() {
        let value = json!({"b": [1, {"z": true, "a": null}], "a": "x\ny\u{1}é\"\\/"});
        let text = String::from_utf8(canonical_json(&value)).unwrap_or_default();
        assert_eq!(
            text,
            r#"{"a":"x\ny\u0001é\"\\/","b":[1,{"a":null,"z":true}]}"#
        );
    }

    #[test]
    fn checksum_ignores_its_own_field_and_detects_changes() {
        let source = Source {
            path: "a/b.pdf".into(),
            name: "b.pdf".into(),
            bytes: 3,
            sha256: Some(sha256_hex(b"abc")),
        };
        let record = Record::failed(source, &DocumentError::new(ErrorKind::NotPdf, "nope"));
        let value = record.to_value();
        assert!(checksum_matches(&value));
        let mut tampered = value.clone();
        tampered["source"]["bytes"] = json!(4);
        assert!(!checksum_matches(&tampered));
    }

    #[test]
    fn sha256_of_known_input() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
