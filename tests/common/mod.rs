//! Shared helpers for the integration tests: running the binary, finding
//! the samples and the optional shared corpus.
#![allow(dead_code)]

use serde_json::Value;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn samples() -> PathBuf {
    repo().join("samples")
}

/// The sample PDFs, sorted.
pub fn sample_pdfs() -> Vec<PathBuf> {
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(samples())
        .map(|dir| {
            dir.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")))
                .collect()
        })
        .unwrap_or_default();
    pdfs.sort();
    pdfs
}

/// Say why a test skips part of its work. Written straight to stderr, past
/// the test harness's capture, so `make test` shows it even when the test
/// passes.
pub fn skip(reason: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "skip: {reason}");
}

/// `../shared` next to the repository, or `$BINDERY_SHARED`.
pub fn shared() -> PathBuf {
    std::env::var_os("BINDERY_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared"))
}

/// The shared corpus folder, or `None` after printing why the test skips.
pub fn corpus(test: &str) -> Option<PathBuf> {
    let corpus = shared().join("corpus");
    if corpus.join("pdf").is_dir() {
        Some(corpus)
    } else {
        skip(&format!(
            "{test}: the shared corpus is not at {} (set BINDERY_SHARED to its parent)",
            corpus.display()
        ));
        None
    }
}

/// Run the bindery binary.
pub fn bindery(args: &[&str]) -> Output {
    bindery_in(&repo(), args)
}

pub fn bindery_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bindery"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the bindery binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Parse JSON Lines.
pub fn records(jsonl: &str) -> Vec<serde_json::Value> {
    jsonl
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is a JSON object"))
        .collect()
}

/// A fresh empty temporary folder for one test, removed when the test is
/// done with it; a failing test leaves it to be looked at.
pub fn temp_dir(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("bindery-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    TempDir(dir)
}

/// A folder under the system's temporary folder, deleted on drop.
pub struct TempDir(PathBuf);

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for TempDir {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if std::thread::panicking() {
            return;
        }
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Whether a sample is the deliberately broken one.
pub fn is_broken_sample(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().contains("truncated"))
}

pub fn schema_validator() -> jsonschema::Validator {
    let text =
        std::fs::read_to_string(repo().join("docs/record.schema.json")).expect("schema file");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

pub fn assert_valid(validator: &jsonschema::Validator, record: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(record)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{}: {}",
        record["source"]["path"],
        errors.join("; ")
    );
}

/// The checksum as docs/record.md defines it, computed without bindery's
/// own canonical writer: serde_json's maps are sorted and its compact
/// output has no whitespace.
pub fn independent_checksum(record: &Value) -> String {
    let mut copy = record.clone();
    if let Value::Object(map) = &mut copy {
        map.remove("checksum");
    }
    let text = serde_json::to_string(&copy).expect("serialises");
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
