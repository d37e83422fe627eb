//! Loading a font whose embedded program is the fuzz input: Type 1
//! (FontFile), TrueType (FontFile2), bare CFF and OpenType (FontFile3), as a
//! simple font or as the descendant of a Type0 font; then asking the loaded
//! font about every one-byte code and a run of two-byte codes, which is what
//! text extraction does with it.
//!
//! The first input byte chooses the shape of the font dictionary; the rest
//! is the font program.

#![no_main]

use bindery::pdf::font::Font;
use bindery::pdf::limits::{Budget, Limits};
use libfuzzer_sys::fuzz_target;
use lopdf::{Dictionary, Object, Stream, dictionary};
use std::time::Duration;

fuzz_target!(|data: &[u8]| {
    let Some((&shape, program)) = data.split_first() else {
        return;
    };
    let mut doc = lopdf::Document::with_version("1.7");
    let (key, stream_dict): (&str, Dictionary) = match shape & 3 {
        0 => ("FontFile", Dictionary::new()),
        1 => ("FontFile2", Dictionary::new()),
        2 => ("FontFile3", dictionary! { "Subtype" => "Type1C" }),
        _ => ("FontFile3", dictionary! { "Subtype" => "OpenType" }),
    };
    let program_id = doc.add_object(Stream::new(stream_dict, program.to_vec()));
    let flags = if shape & 4 == 0 { 32 } else { 4 };
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => "ABCDEF+Fuzz",
        "Flags" => flags,
        key => program_id,
    });
    let composite = shape & 8 != 0;
    let simple_subtype = if shape & 3 == 1 { "TrueType" } else { "Type1" };
    let font_dict = if composite {
        let cid_subtype = if shape & 3 == 1 {
            "CIDFontType2"
        } else {
            "CIDFontType0"
        };
        let descendant = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => cid_subtype,
            "BaseFont" => "ABCDEF+Fuzz",
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"),
                "Supplement" => 0,
            },
            "FontDescriptor" => descriptor,
        });
        dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => "ABCDEF+Fuzz",
            "Encoding" => "Identity-H",
            "DescendantFonts" => vec![descendant.into()],
        }
    } else {
        dictionary! {
            "Type" => "Font",
            "Subtype" => simple_subtype,
            "BaseFont" => "ABCDEF+Fuzz",
            "FontDescriptor" => descriptor,
        }
    };
    let budget = Budget::new(Limits {
        timeout: Duration::from_secs(5),
        ..Limits::default()
    });
    let Ok(font) = Font::load(&doc, &font_dict, &budget) else {
        return;
    };
    for byte in 0..=255u8 {
        let (code, len) = font.next_code(&[byte, byte]);
        let _ = font.char_info(code, len);
    }
    // Two-byte codes taken from the program itself: likely glyph ids.
    for pair in program.chunks_exact(2).take(256) {
        let (code, len) = font.next_code(pair);
        let _ = font.char_info(code, len);
    }
});
