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
    assert!(
        missing_text.is_empty(),
        "no text where pdftotext finds some: {missing_text:#?}"
    );
}
