//! Golden records: the record of every sample is compared with the one
//! committed in `tests/golden/`. A deliberate change to extraction updates
//! them with `make golden` (UPDATE_GOLDEN=1), and the diff is reviewed like
//! code.

mod common;
use common::*;

#[test]
fn sample_records_match_the_golden_records() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let golden_dir = repo().join("tests/golden");
    let output = bindery(&["extract", "samples", "-q", "-j", "2"]);
    let records = records(&stdout(&output));
    assert!(!records.is_empty(), "samples/ has PDFs");
    let mut mismatches = Vec::new();
    for record in &records {
        let name = record["source"]["name"].as_str().unwrap_or("unknown.pdf");
        let golden = golden_dir.join(format!("{}.json", name.trim_end_matches(".pdf")));
        let pretty = serde_json::to_string_pretty(record).unwrap_or_default() + "\n";
        if update {
            std::fs::write(&golden, &pretty).expect("write golden record");
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(expected) if expected == pretty => {}
            Ok(expected) => {
                mismatches.push(format!("{name}: {}", first_difference(&expected, &pretty)))
            }
            Err(_) => mismatches.push(format!("{name}: no golden record at {}", golden.display())),
        }
    }
    assert!(
        mismatches.is_empty(),
        "records differ from tests/golden (run `make golden` if the change is deliberate, then review the diff):\n{}",
        mismatches.join("\n")
    );
}

fn first_difference(expected: &str, actual: &str) -> String {
    for (n, (a, b)) in expected.lines().zip(actual.lines()).enumerate() {
        if a != b {
            return format!("line {}: expected {a:?}, got {b:?}", n + 1);
        }
    }
    "one record is longer than the other".to_string()
}
