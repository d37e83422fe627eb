//! Document metadata stored in the file itself: the Info dictionary, with
//! its text strings decoded (PDFDocEncoding, UTF-16BE, UTF-8) and its dates
//! turned into ISO 8601 while keeping the raw value.

use lopdf::{Dictionary, Object};

/// The Info dictionary's standard entries, decoded. Blank values are `None`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Info {
    pub title: Option<String>,
    pub author: Option<String>,
    pub subject: Option<String>,
    pub keywords: Option<String>,
    pub creator: Option<String>,
    pub producer: Option<String>,
    pub creation_date: Option<String>,
    pub mod_date: Option<String>,
}

impl Info {
    /// Read the trailer's /Info dictionary; an absent or broken one is empty.
    pub fn read(doc: &lopdf::Document) -> Info {
        let Some(dict) = crate::pdf::document::resolve_dict(doc, doc.trailer.get(b"Info").ok())
        else {
            return Info::default();
        };
        let field = |key: &[u8]| text_entry(doc, dict, key);
        Info {
            title: field(b"Title"),
            author: field(b"Author"),
            subject: field(b"Subject"),
            keywords: field(b"Keywords"),
            creator: field(b"Creator"),
            producer: field(b"Producer"),
            creation_date: field(b"CreationDate"),
            mod_date: field(b"ModDate"),
        }
    }
}

/// A text-string entry, decoded, trimmed, with control characters dropped.
fn text_entry(doc: &lopdf::Document, dict: &Dictionary, key: &[u8]) -> Option<String> {
    let object = match dict.get(key).ok()? {
        Object::Reference(id) => doc.get_object(*id).ok()?,
        other => other,
    };
    let decoded = lopdf::decode_text_string(object).ok().or_else(|| {
        // Odd or unpaired UTF-16 and the like: keep what can be read.
        object.as_str().ok().map(decode_lossy)
    })?;
    let cleaned: String = decoded
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect();
    let trimmed = cleaned.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// Decode bytes that claimed to be UTF-16BE but are not valid, or anything
/// else: UTF-16 with unpaired surrogates dropped, or Latin-1.
fn decode_lossy(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let units = rest
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]));
        return char::decode_utf16(units).filter_map(Result::ok).collect();
    }
    bytes.iter().map(|&b| b as char).collect()
}

/// Convert a PDF date (`D:YYYYMMDDHHmmSSOHH'mm'`) to ISO 8601, at the
/// precision the string carries. Accepts common broken variants: no `D:`
/// prefix, missing apostrophes, `Z` with trailing `00'00'`, fields out of
/// range (the date is cut to the last valid field). Returns `None` when it
/// is not a date.
pub fn parse_pdf_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    let s = s.strip_prefix("D:").unwrap_or(s);
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.len() < 4 {
        return None;
    }
    let num = |range: std::ops::Range<usize>| digits.get(range).and_then(|d| d.parse::<u32>().ok());
    let year = num(0..4)?;
    if !(1900..=2999).contains(&year) {
        return None;
    }
    let month = num(4..6);
    let day = num(6..8);
    let hour = num(8..10);
    let minute = num(10..12);
    let second = num(12..14);
    let Some(month) = month else {
        return Some(format!("{year:04}"));
    };
    if !(1..=12).contains(&month) {
        return Some(format!("{year:04}"));
    }
    let Some(day) = day.filter(|d| (1..=31).contains(d)) else {
        return Some(format!("{year:04}-{month:02}"));
    };
    let date = format!("{year:04}-{month:02}-{day:02}");
    let (Some(hour), Some(minute)) = (hour, minute) else {
        return Some(date);
    };
    if hour > 23 || minute > 59 {
        return Some(date);
    }
    let second = second.filter(|s| *s <= 59).unwrap_or(0);
    let rest = &s[digits.len()..];
    Some(format!(
        "{date}T{hour:02}:{minute:02}:{second:02}{}",
        parse_zone(rest)
    ))
}

/// The time-zone suffix of a PDF date: `Z`, `+HH'mm'`, `-HH'mm`, `+HH`;
/// empty when there is none or it cannot be read (local time unknown).
fn parse_zone(rest: &str) -> String {
    let mut chars = rest.chars();
    match chars.next() {
        Some('Z') | Some('z') => "Z".to_string(),
        Some(sign @ ('+' | '-')) => {
            let digits: String = chars.filter(|c| c.is_ascii_digit()).take(4).collect();
            let hours = digits.get(0..2).and_then(|h| h.parse::<u32>().ok());
            let minutes = digits
                .get(2..4)
                .and_then(|m| m.parse::<u32>().ok())
                .unwrap_or(0);
            match hours {
                Some(h) if h <= 14 && minutes <= 59 => {
                    if h == 0 && minutes == 0 {
                        "Z".to_string()
                    } else {
                        format!("{sign}{h:02}:{minutes:02}")
                    }
                }
                _ => String::new(),
            }
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_date_with_offset() {
        assert_eq!(
            parse_pdf_date("D:20240615093000+02'00'").as_deref(),
            Some("2024-06-15T09:30:00+02:00")
        );
    }

    #[test]
    fn date_variants() {
        assert_eq!(
            parse_pdf_date("D:20240615093000Z").as_deref(),
            Some("2024-06-15T09:30:00Z")
        );
        assert_eq!(
            parse_pdf_date("D:20240615093000Z00'00'").as_deref(),
            Some("2024-06-15T09:30:00Z")
        );
        assert_eq!(parse_pdf_date("20240615").as_deref(), Some("2024-06-15"));
        assert_eq!(parse_pdf_date("D:2024").as_deref(), Some("2024"));
        assert_eq!(parse_pdf_date("D:202406").as_deref(), Some("2024-06"));
        assert_eq!(
            parse_pdf_date("D:20240615093000-05'30").as_deref(),
            Some("2024-06-15T09:30:00-05:30")
        );
        assert_eq!(parse_pdf_date("D:20241315").as_deref(), Some("2024"));
    }

    #[test]
    fn junk_is_not_a_date() {
        assert_eq!(parse_pdf_date("yesterday"), None);
        assert_eq!(parse_pdf_date("D:0000"), None);
        assert_eq!(parse_pdf_date(""), None);
    }

    #[test]
    fn info_strings_in_each_encoding() {
        let mut doc = lopdf::Document::with_version("1.7");
        let string = |bytes: &[u8]| Object::String(bytes.to_vec(), lopdf::StringFormat::Literal);
        let mut dict = Dictionary::new();
        dict.set("Title", string(b"\xFE\xFF\x00C\x00a\x00f\x00\xE9"));
        dict.set("Author", string(b"Ren\xE9e \x8DQ\x8E"));
        dict.set("Subject", string("\u{feff}\u{dc}ber".as_bytes()));
        dict.set("Keywords", string(b"   "));
        let info = doc.add_object(dict);
        doc.trailer.set("Info", info);
        let info = Info::read(&doc);
        assert_eq!(info.title.as_deref(), Some("Café"));
        assert_eq!(info.author.as_deref(), Some("Renée \u{201c}Q\u{201d}"));
        assert_eq!(info.subject.as_deref(), Some("Über"));
        assert_eq!(info.keywords, None);
    }
}
