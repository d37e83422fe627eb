//! What `bindery inspect` shows about one PDF: the file, the metadata of its
//! record with every candidate and the source that won, the fonts painted
//! (subtype, encoding, ToUnicode, embedding, unmapped glyphs) and each page
//! (size, rotation, text length, warnings). `docs/inspect.md` describes the
//! JSON form; the field names are stable.

use crate::error::{DocumentError, ErrorKind};
use crate::extract::{ExtractOptions, extract_bytes, read_pages};
use crate::pdf::document;
use crate::pdf::glyph::PageGlyphs;
use crate::pdf::lexer::name_bytes;
use crate::pdf::limits::Budget;
use crate::pdf::objects::{get, get_array, get_dict, get_name, number, resolve};
use crate::record::{Record, count_words};
use lopdf::{Dictionary, Object, ObjectId};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// Metadata fields in the order a reader expects them, as named in records.
pub const METADATA_FIELDS: [&str; 9] = [
    "title",
    "subtitle",
    "authors",
    "date",
    "language",
    "publisher",
    "series",
    "abstract",
    "keywords",
];

/// The whole view of one PDF.
#[derive(Debug, Clone, Serialize)]
pub struct Inspection {
    pub file: FileFacts,
    pub metadata: Vec<MetadataField>,
    pub identifiers: Value,
    pub fonts: Vec<FontReport>,
    pub pages: Vec<PageReport>,
    /// Glyphs painted in the whole document, and how many had no Unicode.
    pub glyphs: u64,
    pub unmapped_glyphs: u64,
    /// Document-wide warnings of the record (repairs, damaged fonts, limits).
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FileFacts {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
    pub pdf_version: String,
    pub pages: u32,
    pub encrypted: bool,
    pub linearized: bool,
    pub tagged: bool,
    pub producer: Option<String>,
    pub creator: Option<String>,
}

/// One metadata field: the value kept (or null), the source that won, and
/// the candidates from other sources that lost, with why.
#[derive(Debug, Clone, Serialize)]
pub struct MetadataField {
    pub field: String,
    pub value: Value,
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<u64>,
    pub alternatives: Vec<Value>,
}

/// One font dictionary that painted glyphs.
#[derive(Debug, Clone, Serialize)]
pub struct FontReport {
    /// /BaseFont as written, subset prefix included.
    pub base_font: String,
    /// Type1, TrueType, Type0, Type3, MMType1.
    pub subtype: String,
    /// /Encoding: a name, `Differences on <base>`, a CMap name, or null.
    pub encoding: Option<String>,
    /// For Type0 fonts, the descendant's subtype (CIDFontType0/2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub descendant: Option<String>,
    pub to_unicode: bool,
    /// A font program is in the file (FontFile, FontFile2, FontFile3), or
    /// the font is a Type3 font whose glyphs are content streams.
    pub embedded: bool,
    /// `n g` of the font dictionary, when it is an indirect object.
    pub object: Option<String>,
    /// 1-based pages it paints on.
    pub pages: Vec<u32>,
    pub glyphs: u64,
    pub unmapped_glyphs: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageReport {
    pub number: u32,
    /// Points, after rotation.
    pub width: f32,
    pub height: f32,
    /// /Rotate, normalised to 0, 90, 180 or 270.
    pub rotation: i64,
    /// Characters and words of the page's normalised text.
    pub chars: u64,
    pub words: u64,
    pub glyphs: u32,
    pub unmapped_glyphs: u32,
    pub warnings: Vec<String>,
}

/// Inspect the PDF held in `bytes`; `path` names it in the output. An
/// unreadable document is an error with the record's kind and message.
pub fn inspect_bytes(
    bytes: &[u8],
    path: &str,
    options: &ExtractOptions,
) -> Result<Inspection, DocumentError> {
    let record = extract_bytes(bytes, path, options);
    if let Some(error) = &record.error {
        return Err(DocumentError::new(
            kind_named(&error.kind),
            error.message.clone(),
        ));
    }
    let budget = Budget::new(options.open.limits.clone());
    let doc = document::open(bytes, &options.open)?;
    let pages = read_pages(&doc, &budget, None)?;
    let fonts = font_reports(&doc.inner, &pages);
    let page_reports = page_reports(&doc, &pages, &record);
    Ok(Inspection {
        file: file_facts(&record),
        metadata: metadata_fields(&record),
        identifiers: record
            .metadata
            .as_ref()
            .map(|m| serde_json::to_value(&m.identifiers).unwrap_or(Value::Null))
            .unwrap_or(Value::Array(Vec::new())),
        fonts,
        pages: page_reports,
        glyphs: record.quality.as_ref().map_or(0, |q| q.glyphs),
        unmapped_glyphs: record.quality.as_ref().map_or(0, |q| q.unmapped_glyphs),
        warnings: record
            .quality
            .as_ref()
            .map(|q| q.warnings.clone())
            .unwrap_or_default(),
    })
}

fn kind_named(name: &str) -> ErrorKind {
    [
        ErrorKind::NotPdf,
        ErrorKind::Truncated,
        ErrorKind::Damaged,
        ErrorKind::EncryptedNeedsPassword,
        ErrorKind::UnsupportedFilter,
        ErrorKind::LimitExceeded,
        ErrorKind::Io,
    ]
    .into_iter()
    .find(|k| k.as_str() == name)
    .unwrap_or(ErrorKind::Internal)
}

fn file_facts(record: &Record) -> FileFacts {
    let pdf = record.pdf.as_ref();
    FileFacts {
        path: record.source.path.clone(),
        bytes: record.source.bytes,
        sha256: record.source.sha256.clone().unwrap_or_default(),
        pdf_version: pdf.map(|p| p.version.clone()).unwrap_or_default(),
        pages: pdf.map_or(0, |p| p.pages),
        encrypted: pdf.is_some_and(|p| p.encrypted),
        linearized: pdf.is_some_and(|p| p.linearized),
        tagged: pdf.is_some_and(|p| p.tagged),
        producer: pdf.and_then(|p| p.producer.clone()),
        creator: pdf.and_then(|p| p.creator.clone()),
    }
}

/// Every metadata field of the record, present or not, from its JSON form
/// (so the view shows exactly what the record says).
fn metadata_fields(record: &Record) -> Vec<MetadataField> {
    let metadata = record
        .metadata
        .as_ref()
        .and_then(|m| serde_json::to_value(m).ok())
        .unwrap_or(Value::Null);
    METADATA_FIELDS
        .iter()
        .map(|&name| {
            let field = metadata.get(name).unwrap_or(&Value::Null);
            MetadataField {
                field: name.to_string(),
                value: field.get("value").cloned().unwrap_or(Value::Null),
                source: field
                    .get("source")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                raw: field.get("raw").and_then(Value::as_str).map(str::to_string),
                confidence: field.get("confidence").and_then(Value::as_u64),
                alternatives: field
                    .get("alternatives")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// Fonts that painted glyphs, grouped by font object (inline fonts by
/// name), in order of first use.
fn font_reports(doc: &lopdf::Document, pages: &[PageGlyphs]) -> Vec<FontReport> {
    let mut reports: Vec<FontReport> = Vec::new();
    let mut index: BTreeMap<(Option<ObjectId>, String), usize> = BTreeMap::new();
    for (page_index, page) in pages.iter().enumerate() {
        let number = page_index as u32 + 1;
        let mut counts: BTreeMap<u16, (u64, u64)> = BTreeMap::new();
        for glyph in &page.glyphs {
            let entry = counts.entry(glyph.font).or_default();
            entry.0 += 1;
            if glyph.text.is_empty() {
                entry.1 += 1;
            }
        }
        for (font, (glyphs, unmapped)) in counts {
            let Some(info) = page.fonts.get(usize::from(font)) else {
                continue;
            };
            let key = (info.object, info.name.clone());
            let slot = *index.entry(key).or_insert_with(|| {
                reports.push(describe_font(doc, info.object, &info.name));
                reports.len() - 1
            });
            if let Some(report) = reports.get_mut(slot) {
                if report.pages.last() != Some(&number) {
                    report.pages.push(number);
                }
                report.glyphs += glyphs;
                report.unmapped_glyphs += unmapped;
            }
        }
    }
    reports
}

fn describe_font(doc: &lopdf::Document, object: Option<ObjectId>, name: &str) -> FontReport {
    let dict = object.and_then(|id| match doc.get_object(id).ok() {
        Some(Object::Dictionary(d)) => Some(d),
        Some(Object::Stream(s)) => Some(&s.dict),
        _ => None,
    });
    let mut report = FontReport {
        base_font: name.to_string(),
        subtype: String::new(),
        encoding: None,
        descendant: None,
        to_unicode: false,
        embedded: false,
        object: object.map(|(n, g)| format!("{n} {g}")),
        pages: Vec::new(),
        glyphs: 0,
        unmapped_glyphs: 0,
    };
    let Some(dict) = dict else {
        return report;
    };
    if let Some(base) = get_name(doc, dict, b"BaseFont") {
        report.base_font = text_of_name(base);
    }
    report.subtype = get_name(doc, dict, b"Subtype")
        .map(text_of_name)
        .unwrap_or_default();
    report.encoding = encoding_of(doc, dict);
    report.to_unicode = get(doc, dict, b"ToUnicode").is_some();
    let program_holder = if report.subtype == "Type0" {
        let descendant = get_array(doc, dict, b"DescendantFonts")
            .and_then(|fonts| fonts.first())
            .and_then(|first| resolve(doc, first))
            .and_then(|object| object.as_dict().ok());
        report.descendant = descendant
            .and_then(|d| get_name(doc, d, b"Subtype"))
            .map(text_of_name);
        descendant
    } else {
        Some(dict)
    };
    report.embedded = report.subtype == "Type3"
        || program_holder
            .and_then(|d| get_dict(doc, d, b"FontDescriptor"))
            .is_some_and(|descriptor| {
                [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                    .iter()
                    .any(|key| get(doc, descriptor, key).is_some())
            });
    report
}

/// /Encoding in a few words: its name, or the base of a Differences
/// dictionary, or the name of an embedded CMap.
fn encoding_of(doc: &lopdf::Document, font: &Dictionary) -> Option<String> {
    match get(doc, font, b"Encoding")? {
        Object::Name(name) => Some(text_of_name(name)),
        Object::Dictionary(dict) => Some(differences_of(doc, dict)),
        Object::Stream(stream) => Some(
            get_name(doc, &stream.dict, b"CMapName")
                .map(|name| format!("embedded CMap {}", text_of_name(name)))
                .unwrap_or_else(|| "embedded CMap".to_string()),
        ),
        _ => None,
    }
}

fn differences_of(doc: &lopdf::Document, dict: &Dictionary) -> String {
    let base = get_name(doc, dict, b"BaseEncoding").map(text_of_name);
    let differences = get_array(doc, dict, b"Differences").is_some();
    match (base, differences) {
        (Some(base), true) => format!("{base} with Differences"),
        (Some(base), false) => base,
        (None, true) => "built-in with Differences".to_string(),
        (None, false) => "built-in".to_string(),
    }
}

fn text_of_name(raw: &[u8]) -> String {
    String::from_utf8_lossy(&name_bytes(raw)).into_owned()
}

fn page_reports(
    doc: &document::Document,
    pages: &[PageGlyphs],
    record: &Record,
) -> Vec<PageReport> {
    let texts = record.text.as_ref().map(|t| t.pages.as_slice());
    pages
        .iter()
        .enumerate()
        .map(|(index, page)| {
            let text = texts.and_then(|t| t.get(index)).map_or("", String::as_str);
            PageReport {
                number: index as u32 + 1,
                width: round_points(page.width),
                height: round_points(page.height),
                rotation: doc
                    .pages
                    .get(index)
                    .map_or(0, |&id| rotation(&doc.inner, id)),
                chars: text.chars().count() as u64,
                words: count_words(text),
                glyphs: page.glyph_count,
                unmapped_glyphs: page.unmapped,
                warnings: page.warnings.clone(),
            }
        })
        .collect()
}

fn round_points(value: f32) -> f32 {
    if value.is_finite() {
        (value * 10.0).round() / 10.0
    } else {
        0.0
    }
}

/// Levels of the page tree climbed looking for an inherited /Rotate.
const MAX_TREE_DEPTH: usize = 64;

/// /Rotate of a page, inherited from the page tree, as 0/90/180/270.
fn rotation(doc: &lopdf::Document, page: ObjectId) -> i64 {
    let mut node = doc.get_dictionary(page).ok();
    for _ in 0..MAX_TREE_DEPTH {
        let Some(dict) = node else { break };
        if let Some(value) = get(doc, dict, b"Rotate").and_then(number) {
            return (value as i64).rem_euclid(360) / 90 * 90;
        }
        node = get_dict(doc, dict, b"Parent");
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_kinds_round_trip_by_name() {
        assert_eq!(kind_named("truncated"), ErrorKind::Truncated);
        assert_eq!(
            kind_named("encrypted-needs-password"),
            ErrorKind::EncryptedNeedsPassword
        );
        assert_eq!(kind_named("something-new"), ErrorKind::Internal);
    }

    #[test]
    fn not_a_pdf_is_an_error_not_a_panic() {
        let err = inspect_bytes(b"<html>", "x.pdf", &ExtractOptions::default()).err();
        assert_eq!(err.map(|e| e.kind), Some(ErrorKind::NotPdf));
    }
}
