//! Inputs the fuzz targets in fuzz/ found to crash, reduced, each run
//! through the command a user would run on it. An error record is fine; a
//! panic (an `internal` error record) or a crash is not.

mod common;
use common::*;
use lopdf::{Dictionary, Object, Stream, dictionary};
use std::path::{Path, PathBuf};

fn regression_input(name: &str) -> Vec<u8> {
    std::fs::read(repo().join("tests/fuzz-regressions").join(name)).expect("regression input")
}

/// A one-page PDF showing text in a simple font whose embedded program is
/// `program`, under the descriptor key the fuzz `font` target's shape byte
/// chose (`FontFile3` with `/Subtype /Type1C` for shape 2).
fn pdf_with_cff_font(program: &[u8]) -> Vec<u8> {
    pdf_with_font(program, "FontFile3", "Type1")
}

/// As [`pdf_with_cff_font`], with the program under `key` (`FontFile2` for
/// TrueType) in a simple font of `subtype`.
fn pdf_with_font(program: &[u8], key: &str, subtype: &str) -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let program_dict = if key == "FontFile3" {
        dictionary! { "Subtype" => "Type1C" }
    } else {
        Dictionary::new()
    };
    let program_id = doc.add_object(Stream::new(program_dict, program.to_vec()));
    let mut descriptor = dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => "ABCDEF+Fuzz",
        "Flags" => 32,
    };
    descriptor.set(key, program_id);
    let descriptor = doc.add_object(descriptor);
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => subtype,
        "BaseFont" => "ABCDEF+Fuzz",
        "FontDescriptor" => descriptor,
    });
    let content = doc.add_object(Stream::new(
        Dictionary::new(),
        b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET".to_vec(),
    ));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page.into()],
            "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    bytes
}

/// Run `bindery extract` on one file; its single record.
fn extract_one(path: &Path) -> serde_json::Value {
    let arg = path.to_string_lossy().into_owned();
    let output = bindery(&["extract", "-q", &arg]);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "extract ended with {:?}: {}",
        output.status,
        stderr(&output)
    );
    let mut all = records(&stdout(&output));
    assert_eq!(all.len(), 1, "one record");
    all.remove(0)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write the test PDF");
    path
}

#[test]
fn cff_font_with_offsets_past_4_gib_reads_without_panic() {
    // Byte 0 is the fuzz target's shape byte (2: FontFile3 Type1C, simple).
    let input = regression_input("font-cff-offset-past-u32.bin");
    let (&shape, program) = input.split_first().expect("not empty");
    assert_eq!(shape, 2);
    let dir = temp_dir("fuzz-cff-offset");
    let path = write(&dir, "font.pdf", &pdf_with_cff_font(program));
    let record = extract_one(&path);
    assert_ne!(
        record["error"]["kind"], "internal",
        "a panic: {}",
        record["error"]["message"]
    );
    assert_eq!(record["status"], "ok", "{}", record["error"]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// ttf-parser 0.25 debug-asserts that a cmap format 12 table's group array
/// ends below 4 GiB; the read after it is bounds-checked. Found by the fuzz
/// `font` target (shape 9: FontFile2 in a composite font) when cargo-fuzz
/// builds with `-Cdebug-assertions` for every crate; release builds and
/// this debug build (see Cargo.toml's ttf-parser profile) must read it
/// without a panic.
#[test]
fn truetype_cmap_with_groups_past_4_gib_reads_without_panic() {
    let input = regression_input("font-truetype-cmap12-offset-past-u32.bin");
    let (&shape, program) = input.split_first().expect("not empty");
    assert_eq!(shape & 3, 1, "FontFile2");
    let dir = temp_dir("fuzz-truetype-cmap12");
    let path = write(
        &dir,
        "font.pdf",
        &pdf_with_font(program, "FontFile2", "TrueType"),
    );
    let record = extract_one(&path);
    assert_ne!(
        record["error"]["kind"], "internal",
        "a panic: {}",
        record["error"]["message"]
    );
    let _ = std::fs::remove_dir_all(&dir);
}
