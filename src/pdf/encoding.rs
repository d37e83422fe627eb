//! The named single-byte encodings of PDF (Standard, WinAnsi, MacRoman,
//! MacExpert, PDFDoc, and the built-in encodings of Symbol and ZapfDingbats)
//! as code -> glyph name vectors, and the decoding of PDF text strings.

use super::glyphlist::glyph_name_to_unicode;

mod tables {
    include!("data/encodings.rs");
}

/// A base encoding of a simple font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseEncoding {
    Standard,
    WinAnsi,
    MacRoman,
    MacExpert,
    PdfDoc,
    Symbol,
    ZapfDingbats,
}

impl BaseEncoding {
    /// The encoding an /Encoding or /BaseEncoding name stands for.
    pub fn from_name(name: &[u8]) -> Option<Self> {
        Some(match name {
            b"StandardEncoding" => BaseEncoding::Standard,
            b"WinAnsiEncoding" => BaseEncoding::WinAnsi,
            b"MacRomanEncoding" => BaseEncoding::MacRoman,
            b"MacExpertEncoding" => BaseEncoding::MacExpert,
            b"PDFDocEncoding" => BaseEncoding::PdfDoc,
            _ => return None,
        })
    }

    /// The glyph name this encoding gives `code`, if any.
    pub fn glyph_name(self, code: u8) -> Option<&'static str> {
        let table = match self {
            BaseEncoding::Standard => &tables::STANDARD,
            BaseEncoding::WinAnsi => &tables::WIN_ANSI,
            BaseEncoding::MacRoman => &tables::MAC_ROMAN,
            BaseEncoding::PdfDoc => &tables::PDF_DOC,
            BaseEncoding::Symbol => &tables::SYMBOL,
            BaseEncoding::ZapfDingbats => &tables::ZAPF_DINGBATS,
            BaseEncoding::MacExpert => &tables::MAC_EXPERT,
        };
        table.get(code as usize).copied().filter(|n| !n.is_empty())
    }
}

/// Decode a PDF text string (Info entries, /ActualText, outline titles):
/// UTF-16BE or UTF-8 when it starts with the byte-order mark, otherwise
/// PDFDocEncoding. Control characters other than tab and newline are dropped.
pub fn decode_text_string(bytes: &[u8]) -> String {
    let text = if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units = utf16
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]));
        char::decode_utf16(units)
            .filter_map(Result::ok)
            .collect::<String>()
    } else if let Some(utf8) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(utf8).into_owned()
    } else {
        bytes.iter().filter_map(|&b| pdf_doc_char(b)).collect()
    };
    text.chars()
        .filter(|&c| !c.is_control() || c == '\t' || c == '\n')
        .filter(|&c| c != '\u{FFFD}')
        .collect()
}

pub(crate) fn pdf_doc_char(byte: u8) -> Option<char> {
    match byte {
        b'\t' | b'\n' => Some(byte as char),
        b'\r' => Some('\n'),
        _ => {
            let name = BaseEncoding::PdfDoc.glyph_name(byte)?;
            let text = glyph_name_to_unicode(name)?;
            let mut chars = text.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some(c),
                _ => None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn win_ansi_has_the_cp1252_extras() {
        assert_eq!(BaseEncoding::WinAnsi.glyph_name(0x80), Some("Euro"));
        assert_eq!(BaseEncoding::WinAnsi.glyph_name(0x93), Some("quotedblleft"));
        assert_eq!(BaseEncoding::WinAnsi.glyph_name(0xE9), Some("eacute"));
        assert_eq!(BaseEncoding::WinAnsi.glyph_name(0x81), None);
    }

    #[test]
    fn standard_and_mac_roman_differ_where_they_should() {
        assert_eq!(BaseEncoding::Standard.glyph_name(0x27), Some("quoteright"));
        assert_eq!(BaseEncoding::MacRoman.glyph_name(0x27), Some("quotesingle"));
        assert_eq!(BaseEncoding::MacRoman.glyph_name(0x8E), Some("eacute"));
        assert_eq!(BaseEncoding::Standard.glyph_name(0xE9), Some("Oslash"));
    }

    #[test]
    fn symbol_and_dingbats_have_their_own_vectors() {
        assert_eq!(BaseEncoding::Symbol.glyph_name(0x61), Some("alpha"));
        assert_eq!(BaseEncoding::ZapfDingbats.glyph_name(0x21), Some("a1"));
        assert_eq!(BaseEncoding::MacExpert.glyph_name(0x61), Some("Asmall"));
    }

    #[test]
    fn text_strings_decode_in_all_three_forms() {
        assert_eq!(decode_text_string(b"\xFE\xFF\x00H\x00i"), "Hi");
        assert_eq!(decode_text_string(b"\xEF\xBB\xBFH\xC3\xA9"), "Hé");
        assert_eq!(
            decode_text_string(b"caf\xE9 \x8Dok\x8E"),
            "café \u{201C}ok\u{201D}"
        );
        assert_eq!(decode_text_string(b"a\x01b"), "ab");
    }
}
