//! Catalog sidecars from the command line: `--catalog` on `extract` and
//! `pack`, matched by SHA-256, path and file name, in CSV and JSON Lines;
//! rows that match nothing or too much reported; records in bundles carry
//! the catalog's values.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

/// A folder with three samples, one in a subfolder:
/// `water-policy-brief.pdf`, `briefs/chromium-brief.pdf`,
/// `note-politique-energie.pdf`.
fn inbox(name: &str) -> TempDir {
    let dir = temp_dir(name);
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("briefs")).expect("folders");
    for (sample, target) in [
        ("water-policy-brief.pdf", "water-policy-brief.pdf"),
        ("chromium-brief.pdf", "briefs/chromium-brief.pdf"),
        ("note-politique-energie.pdf", "note-politique-energie.pdf"),
    ] {
        std::fs::copy(samples().join(sample), input.join(target)).expect("copy a sample");
    }
    dir
}

fn sha256_of(path: &Path) -> String {
    use sha2::{Digest, Sha256};
    let bytes = std::fs::read(path).expect("read");
    Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn by_path<'a>(records: &'a [Value], path: &str) -> &'a Value {
    records
        .iter()
        .find(|r| r["source"]["path"] == path)
        .unwrap_or_else(|| panic!("no record for {path}"))
}

fn field<'a>(record: &'a Value, name: &str) -> &'a Value {
    &record["metadata"][name]
}

fn extract(dir: &Path, catalog: &str) -> std::process::Output {
    bindery_in(dir, &["extract", "in", "--catalog", catalog, "-j", "2"])
}

#[test]
fn csv_rows_match_by_sha256_path_and_file_name_and_win() {
    let dir = inbox("catalog-keys");
    let water = sha256_of(&dir.join("in/water-policy-brief.pdf"));
    // Quoting edge cases: a comma, doubled quotes, a line break inside a
    // field, CRLF line ends, a column bindery does not read.
    let csv = format!(
        "SHA256,Relative Path,File Name,Title,Authors,Publication Date,Themes,Landing Page,Publisher,Abstract,Internal ID\r\n\
         {water},,,\"Water, Food and \"\"Energy\"\"\",\"Doe, Jane; Roe, John\",June 2024,water|food,https://example.org/w,The Example Institute,\"First line\r\nsecond line\",17\r\n\
         ,briefs/chromium-brief.pdf,,Heat and Health,,2023-07-01,,,,,18\r\n\
         ,,note-politique-energie.pdf,Note sur l'énergie,,,,,,,19\r\n"
    );
    std::fs::write(dir.join("catalog.csv"), csv).expect("write catalog");
    let output = extract(&dir, "catalog.csv");
    assert!(output.status.success(), "{}", stderr(&output));
    let records = records(&stdout(&output));
    assert_eq!(records.len(), 3);

    let water = by_path(&records, "water-policy-brief.pdf");
    let title = field(water, "title");
    assert_eq!(title["value"], "Water, Food and \"Energy\"");
    assert_eq!(title["source"], "catalog");
    let beaten = title["alternatives"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        beaten
            .iter()
            .any(|a| a["reason"] == "the catalog gives another value" && a["source"] != "catalog"),
        "the title bindery read stays as an alternative: {title}"
    );
    assert_eq!(
        field(water, "authors")["value"],
        serde_json::json!(["Doe, Jane", "Roe, John"])
    );
    assert_eq!(field(water, "date")["value"], "2024-06");
    assert_eq!(field(water, "date")["raw"], "June 2024");
    assert_eq!(
        field(water, "keywords")["value"],
        serde_json::json!(["water", "food"])
    );
    assert_eq!(field(water, "url")["value"], "https://example.org/w");
    assert_eq!(field(water, "publisher")["value"], "The Example Institute");
    assert_eq!(field(water, "abstract")["value"], "First line second line");

    let chromium = by_path(&records, "briefs/chromium-brief.pdf");
    assert_eq!(field(chromium, "title")["value"], "Heat and Health");
    assert_eq!(field(chromium, "date")["value"], "2023-07-01");
    let note = by_path(&records, "note-politique-energie.pdf");
    assert_eq!(field(note, "title")["value"], "Note sur l'énergie");
    assert_eq!(field(note, "title")["source"], "catalog");

    let validator = schema_validator();
    for record in &records {
        assert_valid(&validator, record);
        assert_eq!(record["checksum"], independent_checksum(record).as_str());
    }
    assert!(
        stderr(&output).contains("columns not used: Internal ID"),
        "{}",
        stderr(&output)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unmatched_rows_and_pdfs_matched_twice_are_reported_and_change_nothing() {
    let dir = inbox("catalog-report");
    std::fs::write(
        dir.join("catalog.csv"),
        "file,path,title\n\
         gone.pdf,,Nowhere\n\
         water-policy-brief.pdf,,First claim\n\
         ,water-policy-brief.pdf,Second claim\n",
    )
    .expect("write catalog");
    let output = extract(&dir, "catalog.csv");
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("catalog.csv:2: matches no PDF (no PDF has file name \"gone.pdf\")"),
        "{err}"
    );
    assert!(
        err.contains(
            "catalog.csv: lines 3, 4 all match water-policy-brief.pdf; none of them is used"
        ),
        "{err}"
    );
    let records = records(&stdout(&output));
    let water = by_path(&records, "water-policy-brief.pdf");
    assert_ne!(field(water, "title")["source"], "catalog");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_row_whose_keys_name_different_pdfs_stops_the_command() {
    let dir = inbox("catalog-contradiction");
    let water = sha256_of(&dir.join("in/water-policy-brief.pdf"));
    std::fs::write(
        dir.join("catalog.csv"),
        format!("sha256,file,title\n{water},note-politique-energie.pdf,Which one?\n"),
    )
    .expect("write catalog");
    let output = extract(&dir, "catalog.csv");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "nothing is extracted");
    let err = stderr(&output);
    assert!(
        err.contains("catalog.csv:2: its keys name different PDFs"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn broken_csv_quoting_is_an_error_naming_the_line() {
    let dir = inbox("catalog-quoting");
    std::fs::write(
        dir.join("catalog.csv"),
        "file,title\nwater-policy-brief.pdf,\"Water, never closed\n",
    )
    .expect("write catalog");
    let output = extract(&dir, "catalog.csv");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("catalog.csv:2: a quoted field is never closed"),
        "{}",
        stderr(&output)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn json_lines_catalog_with_lists_and_the_same_result_in_any_row_order() {
    let dir = inbox("catalog-jsonl");
    let rows = [
        r#"{"filename": "water-policy-brief.pdf", "title": "Water", "authors": ["Jane Doe", "John Roe"], "year": 2024, "language": "English", "doi": "10.1234/water.7"}"#,
        r#"{"path": "briefs/chromium-brief.pdf", "subjects": ["heat", "health"], "series": "Policy Brief No. 3"}"#,
    ];
    std::fs::write(dir.join("forward.jsonl"), rows.join("\n")).expect("write");
    std::fs::write(
        dir.join("backward.jsonl"),
        [rows[1], rows[0]].join("\n") + "\n",
    )
    .expect("write");
    let forward = extract(&dir, "forward.jsonl");
    let backward = extract(&dir, "backward.jsonl");
    assert!(forward.status.success(), "{}", stderr(&forward));
    assert_eq!(
        forward.stdout, backward.stdout,
        "catalog order changes nothing"
    );
    let records = records(&stdout(&forward));
    let water = by_path(&records, "water-policy-brief.pdf");
    assert_eq!(
        field(water, "authors")["value"],
        serde_json::json!(["Jane Doe", "John Roe"])
    );
    assert_eq!(field(water, "date")["value"], "2024");
    assert_eq!(field(water, "language")["value"], "en");
    let first_id = &water["metadata"]["identifiers"][0];
    assert_eq!(first_id["type"], "doi");
    assert_eq!(first_id["value"], "10.1234/water.7");
    assert_eq!(first_id["source"], "catalog");
    let chromium = by_path(&records, "briefs/chromium-brief.pdf");
    assert_eq!(
        field(chromium, "keywords")["value"],
        serde_json::json!(["heat", "health"])
    );
    assert_eq!(field(chromium, "series")["value"], "Policy Brief No. 3");
    let _ = std::fs::remove_dir_all(&dir);
}

fn show_metadata(dir: &Path, document: &str) -> Value {
    let output = bindery_in(dir, &["show", "archive", document]);
    assert!(output.status.success(), "{}", stderr(&output));
    let record: Value = serde_json::from_str(&stdout(&output)).expect("show prints JSON");
    record["metadata"].clone()
}

#[test]
fn pack_puts_catalog_values_into_the_bundle_and_a_newer_catalog_revises_them() {
    let dir = inbox("catalog-pack");
    let write = |publisher: &str| {
        std::fs::write(
            dir.join("catalog.csv"),
            format!("file,title,publisher\nwater-policy-brief.pdf,Water in Cities,{publisher}\n"),
        )
        .expect("write catalog")
    };
    let pack = |date: &str| {
        bindery_in(
            &dir,
            &[
                "pack",
                "in",
                "--archive",
                "archive",
                "--date",
                date,
                "--catalog",
                "catalog.csv",
                "-q",
            ],
        )
    };
    write("Example Institute");
    let first = pack("2026-01-01");
    assert!(first.status.success(), "{}", stderr(&first));
    let metadata = show_metadata(&dir, "water-policy-brief.pdf");
    assert_eq!(metadata["title"]["value"], "Water in Cities");
    assert_eq!(metadata["title"]["source"], "catalog");
    assert_eq!(metadata["publisher"]["value"], "Example Institute");
    let untouched = show_metadata(&dir, "note-politique-energie.pdf");
    assert_ne!(untouched["title"]["source"], "catalog");

    // The PDF is already archived: its record takes the new value without
    // being extracted again, and the version lists it as changed.
    write("Example Foundation");
    let second = pack("2026-01-02");
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        stdout(&second).contains("M water-policy-brief.pdf"),
        "{}",
        stdout(&second)
    );
    let metadata = show_metadata(&dir, "water-policy-brief.pdf");
    assert_eq!(metadata["publisher"]["value"], "Example Foundation");
    let old_values: Vec<&Value> = metadata["publisher"]["alternatives"]
        .as_array()
        .map(|a| a.iter().map(|x| &x["value"]).collect())
        .unwrap_or_default();
    assert!(
        !old_values.contains(&&Value::from("Example Institute")),
        "a superseded catalog value is not kept: {old_values:?}"
    );

    let third = pack("2026-01-03");
    assert!(
        stdout(&third).contains("nothing changed"),
        "{}",
        stdout(&third)
    );
    let verify = bindery_in(&dir, &["verify", "archive"]);
    assert!(verify.status.success(), "{}", stdout(&verify));
    let _ = std::fs::remove_dir_all(&dir);
}
