//! `inspect` and `report` on real files, when the shared corpus is there:
//! 20 corpus PDFs taken at a fixed stride across all its folders (prose,
//! scholarly, non-Latin, scanned, torture). Each is inspected as text and
//! as JSON (a readable file shows as many pages as its record has; a broken
//! one is exit 1 with the file named), and the catalogue of an archive of
//! the 20 lists every title and every failure.

mod common;
use common::*;
use serde_json::Value;
use std::path::PathBuf;

const CHOSEN: usize = 20;

fn chosen_files(corpus: &std::path::Path) -> Vec<PathBuf> {
    let mut all = Vec::new();
    let mut folders = vec![corpus.join("pdf")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("corpus folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "pdf") {
                all.push(path);
            }
        }
    }
    all.sort();
    let stride = (all.len() / CHOSEN).max(1);
    all.into_iter().step_by(stride).take(CHOSEN).collect()
}

fn text(path: &std::path::Path) -> &str {
    path.to_str().expect("UTF-8 corpus paths")
}

#[test]
fn inspect_and_report_on_twenty_corpus_files() {
    let Some(corpus) = corpus("inspect_and_report_on_twenty_corpus_files") else {
        return;
    };
    let files = chosen_files(&corpus);
    assert_eq!(files.len(), CHOSEN);
    let work = temp_dir("corpus-views");
    let inputs = work.join("inputs");
    std::fs::create_dir_all(&inputs).expect("mkdir");
    for file in &files {
        let name = file.file_name().expect("file name");
        std::fs::copy(file, inputs.join(name)).expect("copy");
    }
    let extracted = bindery(&["extract", "-q", text(&inputs)]);
    let records: Vec<Value> = records(&stdout(&extracted));
    assert_eq!(records.len(), CHOSEN);
    let mut readable = 0;
    for record in &records {
        let path = record["source"]["path"].as_str().expect("source path");
        let pdf = inputs.join(path);
        let human = bindery(&["inspect", text(&pdf)]);
        let json = bindery(&["inspect", "--json", text(&pdf)]);
        if record["status"] == "ok" {
            readable += 1;
            assert_eq!(human.status.code(), Some(0), "{path}: {}", stderr(&human));
            assert!(
                stdout(&human).contains("Pages"),
                "{path}: {}",
                stdout(&human)
            );
            assert_eq!(json.status.code(), Some(0), "{path}: {}", stderr(&json));
            let inspection: Value = serde_json::from_str(&stdout(&json)).expect("inspect JSON");
            let pages = inspection["pages"].as_array().map_or(0, Vec::len);
            assert_eq!(
                Some(pages as u64),
                record["pdf"]["pages"].as_u64(),
                "{path}"
            );
        } else {
            for out in [&human, &json] {
                assert_eq!(out.status.code(), Some(1), "{path}");
                assert!(stderr(out).contains(path), "{path}: {}", stderr(out));
                assert!(stdout(out).is_empty(), "{path}: no half report");
            }
        }
    }
    assert!(readable >= CHOSEN / 2, "most chosen files are readable");

    let archive = work.join("archive");
    let packed = bindery(&["pack", "-q", text(&inputs), "--archive", text(&archive)]);
    assert!(
        matches!(packed.status.code(), Some(0 | 1)),
        "{}",
        stderr(&packed)
    );
    let html = work.join("catalogue.html");
    let report = bindery(&["report", "-q", text(&archive), "-o", text(&html)]);
    assert_eq!(report.status.code(), Some(0), "{}", stderr(&report));
    let page = std::fs::read_to_string(&html).expect("catalogue written");
    assert!(
        page.contains(&format!("{CHOSEN} documents")),
        "document count shown"
    );
    for record in &records {
        let path = record["source"]["path"].as_str().expect("source path");
        assert!(page.contains(&escaped(path)), "{path} not listed");
        if let Some(title) = record["metadata"]["title"]["value"].as_str() {
            assert!(
                page.contains(&escaped(title)),
                "title {title:?} of {path} not shown"
            );
        }
    }
    let _ = std::fs::remove_dir_all(work);
}

/// HTML text escaping, written independently of the crate's.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
