//! Catalog sidecars: the input parsed as CSV and as JSON, every row matched
//! against a few PDFs (one per key kind, two sharing a file name), and each
//! matched row written into a record's metadata.

#![no_main]

use bindery::catalog::matching::{Candidate, Plan, match_rows};
use bindery::catalog::{Catalog, Format, overlay};
use bindery::record::Metadata;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let candidates = [
        Candidate {
            paths: vec!["a.pdf".to_string()],
            sha256: Some("a".repeat(64)),
        },
        Candidate {
            paths: vec!["x/b.pdf".to_string(), "y/b.pdf".to_string()],
            sha256: None,
        },
        Candidate {
            paths: vec!["z/b.pdf".to_string()],
            sha256: Some("b".repeat(64)),
        },
    ];
    for format in [Format::Csv, Format::Json] {
        let Ok(catalog) = Catalog::parse("fuzz", data, format) else {
            continue;
        };
        let matches = match_rows(&catalog, &candidates);
        let plan = Plan::by_path(&catalog, &candidates, &matches);
        for candidate in &candidates {
            for path in &candidate.paths {
                if let Some(entry) = plan.entry_for(path, candidate.sha256.as_deref()) {
                    let mut metadata = Metadata::default();
                    overlay::apply(&mut metadata, entry);
                    overlay::apply(&mut metadata, entry);
                    let _ = serde_json::to_vec(&metadata);
                }
            }
        }
    }
});
