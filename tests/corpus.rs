//! The real corpus (`../shared/corpus`), when it is there: extraction over
//! all 298 files loses no document, never panics, validates against the
//! schema, and finds text wherever poppler does (unencrypted, not scanned, and
//! poppler's reference text is not empty).

mod common;
use common::*;
use std::collections::HashMap;

struct ManifestRow {
    category: String,
    encrypted: bool,
    pdftotext_ok: bool,
}

fn manifest(corpus: &std::path::Path) -> HashMap<String, ManifestRow> {
    let text = std::fs::read_to_string(corpus.join("MANIFEST.tsv")).unwrap_or_default();
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            (cols.len() >= 9).then(|| {
                let path = cols[0].trim_start_matches("pdf/").to_string();
                let row = ManifestRow {
                    category: cols[4].to_string(),
                    encrypted: cols[7] == "yes",
                    pdftotext_ok: cols[8] == "yes",
                };
                (path, row)
            })
        })
        .collect()
}

/// Files where poppler prints text and bindery does not yet, each with the
/// reason. The test fails if one of them starts yielding text (so the list
/// shrinks as fixes land) or if any other file lacks text.
const KNOWN_GAPS: &[(&str, &str)] = &[
    (
        "nonlatin/pdfjs__complex_ttf_font.pdf",
        "no ToUnicode and a TrueType cmap nothing maps; poppler prints mojibake",
    ),
    (
        "torture/ocrmypdf__truetype_font_nomapping.pdf",
        "font with no mapping at all; poppler prints mojibake",
    ),
    (
        "torture/ocrmypdf__type3_font_nomapping.pdf",
        "Type 3 font with no mapping; poppler prints glyph codes",
    ),
    (
        "torture/pdfjs__ContentStreamCycleType3insideType3.pdf",
        "Type 3 glyph names with no Unicode meaning",
    ),
    (
        "torture/pdfjs__Type3WordSpacing.pdf",
        "Type 3 glyph names with no Unicode meaning",
    ),
    (
        "torture/format-corpus__T04_006_premature-EOF.pdf",
        "lopdf's repair loses the page content; issue 6",
    ),
    (
        "torture/pdf-lib__missing_endobj_keyword.pdf",
        "lopdf drops objects without endobj; issue 6",
    ),
];

#[test]
fn corpus_extraction_loses_nothing_and_finds_text() {
    let Some(corpus) = corpus("corpus_extraction_loses_nothing_and_finds_text") else {
        return;
    };
    let rows = manifest(&corpus);
    let output = bindery(&["extract", &corpus.join("pdf").to_string_lossy(), "-q"]);
    assert_ne!(output.status.code(), Some(2), "{}", stderr(&output));
    let records = records(&stdout(&output));
    assert_eq!(
        records.len(),
        rows.len(),
        "one record per PDF in the manifest"
    );
    let validator = schema_validator();
    let mut missing_text = Vec::new();
    for record in &records {
        assert_valid(&validator, record);
        assert_eq!(
            record["checksum"].as_str(),
            Some(independent_checksum(record).as_str())
        );
        let path = record["source"]["path"].as_str().unwrap_or("");
        assert_ne!(
            record["error"]["kind"], "internal",
            "{path} panicked: {}",
            record["error"]["message"]
        );
        let Some(row) = rows.get(path) else {
            panic!("{path} is not in the manifest");
        };
        let reference = corpus.join("pdftotext/pdf").join(format!("{path}.txt"));
        let poppler_words = std::fs::read_to_string(&reference)
            .map(|t| t.split_whitespace().count())
            .unwrap_or(0);
        if row.pdftotext_ok && !row.encrypted && row.category != "scanned" && poppler_words > 0 {
            let words = record["text"]["words"].as_u64().unwrap_or(0);
            if words == 0 {
                missing_text.push(format!("{path} ({})", record["error"]["kind"]));
            }
        }
    }
    let unexpected: Vec<&String> = missing_text
        .iter()
        .filter(|m| !KNOWN_GAPS.iter().any(|(known, _)| m.starts_with(known)))
        .collect();
    assert!(
        unexpected.is_empty(),
        "no text where pdftotext finds some: {unexpected:#?}"
    );
    for (path, reason) in KNOWN_GAPS {
        assert!(
            missing_text.iter().any(|m| m.starts_with(path)),
            "{path} now yields text: remove it from KNOWN_GAPS"
        );
        eprintln!("known gap: {path}: {reason}");
    }
}
