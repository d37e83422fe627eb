//! Damaged files whose text bindery still reads: each test writes a small
//! PDF with one kind of damage seen in real files and checks what
//! `bindery text` and `bindery extract` give for it.

mod common;
use common::*;

/// A PDF of the given objects (number, body), with a correct
/// cross-reference table where numbers that are not given are free, so
/// the only damage is the one the objects carry.
fn pdf(objects: &[(u32, &str)]) -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    let mut offsets = std::collections::BTreeMap::new();
    for (number, body) in objects {
        offsets.insert(*number, bytes.len());
        bytes.extend_from_slice(format!("{number} 0 obj\n{body}\nendobj\n").as_bytes());
    }
    let size = offsets.keys().max().map_or(1, |n| n + 1);
    let xref = bytes.len();
    bytes.extend_from_slice(format!("xref\n0 {size}\n").as_bytes());
    for number in 0..size {
        let entry = match offsets.get(&number) {
            Some(offset) => format!("{offset:010} 00000 n \n"),
            None => "0000000000 65535 f \n".to_string(),
        };
        bytes.extend_from_slice(entry.as_bytes());
    }
    bytes.extend_from_slice(
        format!("trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    bytes
}

const CATALOG: &str = "<< /Type /Catalog /Pages 2 0 R >>";
const ONE_PAGE: &str = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
const PAGE: &str = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
     /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>";
const HELVETICA: &str = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/// A one-page PDF whose page shows `content` with font F1 (object 5).
fn one_page(content: &str, font: Option<&str>) -> Vec<u8> {
    let stream = format!(
        "<< /Length {} >>\nstream\n{content}\nendstream",
        content.len()
    );
    let mut objects = vec![(1, CATALOG), (2, ONE_PAGE), (3, PAGE), (4, stream.as_str())];
    if let Some(font) = font {
        objects.push((5, font));
    }
    pdf(&objects)
}

/// `bindery text` of `bytes` written to a file named `name`.
fn text_of(name: &str, bytes: &[u8]) -> String {
    let dir = temp_dir(name);
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, bytes).expect("temp dir is writable");
    let output = bindery(&["text", "-q", &path.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output).trim().to_string()
}

/// The `bindery extract` record of `bytes`.
fn record_of(name: &str, bytes: &[u8]) -> serde_json::Value {
    let dir = temp_dir(name);
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, bytes).expect("temp dir is writable");
    let output = bindery(&["extract", "-q", &path.to_string_lossy()]);
    records(&stdout(&output)).pop().expect("one record")
}

#[test]
fn a_content_stream_without_length_is_read_up_to_endstream() {
    let content = "BT /F1 12 Tf 72 700 Td (Read to the end) Tj ET";
    let stream = format!("<< >>\nstream\n{content}\n\nendstream");
    let bytes = pdf(&[
        (1, CATALOG),
        (2, ONE_PAGE),
        (3, PAGE),
        (4, &stream),
        (5, HELVETICA),
    ]);
    assert_eq!(text_of("no-length", &bytes), "Read to the end");
}

#[test]
fn stray_operators_in_a_tj_array_keep_the_rest_of_the_line() {
    // As in pdf-lib's missing_endobj_keyword.pdf: `Tc` between the strings.
    let content = "BT /F1 10 Tf 72 700 Td [(Grandes) 0.0 Tc -250.0 (Client\\350les,) 0.0 Tc \
                   -250.0 (et) 0.0 Tc -250.0 (March\\351s) ] TJ ET";
    let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold /Encoding /WinAnsiEncoding >>";
    let bytes = one_page(content, Some(font));
    assert_eq!(
        text_of("stray-tc", &bytes),
        "Grandes Clientèles, et Marchés"
    );
}

#[test]
fn text_in_a_lost_font_object_is_still_read() {
    // Object 5, the font, is not in the file.
    let content = "BT /F1 12 Tf 72 700 Td (Font object lost) Tj ET";
    let bytes = one_page(content, None);
    assert_eq!(text_of("lost-font", &bytes), "Font object lost");
    let record = record_of("lost-font-record", &bytes);
    assert!(
        record["quality"]["warnings"]
            .to_string()
            .contains("font object is missing"),
        "{record}"
    );
}

#[test]
fn the_pages_of_a_lost_page_tree_are_read_in_order() {
    // The catalog names page-tree root 2, which is not in the file; pages
    // 3 and 6 still say it is their parent.
    let page = |contents: u32| {
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
             /Resources << /Font << /F1 5 0 R >> >> /Contents {contents} 0 R >>"
        )
    };
    let stream = |text: &str| {
        let content = format!("BT /F1 12 Tf 72 700 Td ({text}) Tj ET");
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        )
    };
    let (first, second) = (page(4), page(7));
    let (first_text, second_text) = (stream("First page"), stream("Second page"));
    let bytes = pdf(&[
        (1, CATALOG),
        (3, &first),
        (4, &first_text),
        (5, HELVETICA),
        (6, &second),
        (7, &second_text),
    ]);
    assert_eq!(
        text_of("lost-page-tree", &bytes),
        "First page\u{c}Second page"
    );
    let record = record_of("lost-page-tree-record", &bytes);
    assert_eq!(record["pdf"]["pages"], 2, "{record}");
    assert!(
        record["quality"]["warnings"]
            .to_string()
            .contains("page tree is lost"),
        "{record}"
    );
}
