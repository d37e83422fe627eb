//! What fonts a document uses, as `bindery inspect` shows them: subtype,
//! base font, encoding, whether a ToUnicode map and a font program are
//! there. Read from the page resources (not from the glyphs), once per
//! font object.

use super::objects::{get, get_array, get_dict, get_name};
use lopdf::{Dictionary, Document, Object, ObjectId};
use serde::Serialize;
use std::collections::BTreeMap;

/// One font of the document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FontEntry {
    /// `Type1`, `TrueType`, `Type0/CIDFontType2`, `Type3`, ...
    pub subtype: String,
    /// The /BaseFont, with its subset prefix ("ABCDEF+") when there is one.
    pub base_font: String,
    /// The encoding's name (`WinAnsiEncoding`, `Identity-H`, `custom` for
    /// a dictionary with /Differences), or `none`.
    pub encoding: String,
    pub to_unicode: bool,
    pub embedded: bool,
    /// 1-based page numbers using it (first ten).
    pub pages: Vec<u32>,
}

/// The fonts of `pages` (page object ids in page order), in the order
/// first used. Fonts shared by pages are listed once.
pub fn survey(doc: &Document, pages: &[ObjectId]) -> Vec<FontEntry> {
    let mut order: Vec<String> = Vec::new();
    let mut found: BTreeMap<String, FontEntry> = BTreeMap::new();
    for (index, &page) in pages.iter().enumerate() {
        let Ok(fonts) = doc.get_page_fonts(page) else {
            continue;
        };
        for dict in fonts.values() {
            let entry = describe(doc, dict);
            let key = format!("{}|{}|{}", entry.subtype, entry.base_font, entry.encoding);
            let number = index as u32 + 1;
            match found.get_mut(&key) {
                Some(known) if known.pages.len() < 10 && known.pages.last() != Some(&number) => {
                    known.pages.push(number)
                }
                Some(_) => {}
                None => {
                    order.push(key.clone());
                    found.insert(
                        key,
                        FontEntry {
                            pages: vec![number],
                            ..entry
                        },
                    );
                }
            }
        }
    }
    order.into_iter().filter_map(|k| found.remove(&k)).collect()
}

fn describe(doc: &Document, font: &Dictionary) -> FontEntry {
    let name =
        |key: &[u8]| get_name(doc, font, key).map(|n| String::from_utf8_lossy(n).into_owned());
    let subtype = name(b"Subtype").unwrap_or_else(|| "unknown".to_string());
    let descendant = get_array(doc, font, b"DescendantFonts")
        .and_then(|a| a.first())
        .and_then(|o| match o {
            Object::Reference(id) => doc.get_dictionary(*id).ok(),
            Object::Dictionary(d) => Some(d),
            _ => None,
        });
    let subtype = match descendant.and_then(|d| get_name(doc, d, b"Subtype")) {
        Some(cid) => format!("{subtype}/{}", String::from_utf8_lossy(cid)),
        None => subtype,
    };
    let encoding = match get(doc, font, b"Encoding") {
        Some(Object::Name(n)) => String::from_utf8_lossy(n).into_owned(),
        Some(Object::Dictionary(_)) => "custom".to_string(),
        Some(Object::Stream(_)) => "embedded CMap".to_string(),
        _ => "none".to_string(),
    };
    let descriptor = get_dict(doc, descendant.unwrap_or(font), b"FontDescriptor");
    let embedded = descriptor.is_some_and(|d| {
        [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
            .iter()
            .any(|key| d.has(key))
    }) || subtype == "Type3";
    FontEntry {
        subtype,
        base_font: name(b"BaseFont").unwrap_or_default(),
        encoding,
        to_unicode: font.has(b"ToUnicode"),
        embedded,
        pages: Vec::new(),
    }
}
