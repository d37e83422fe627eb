//! What scripts consume: the `--json` outputs of pack, log, diff and show,
//! with the field names docs/cli-json.md documents, digests included.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

fn one_json(output: &std::process::Output) -> Value {
    let text = stdout(output);
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    assert!(lines.next().is_none(), "one line of JSON, got {text}");
    serde_json::from_str(first).unwrap_or_else(|e| panic!("not JSON ({e}): {first}"))
}

fn sha256_of(path: &Path) -> String {
    use sha2::{Digest, Sha256};
    let bytes = std::fs::read(path).expect("read a sample");
    Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap_or_default()
}

fn paths(value: &Value, key: &str) -> Vec<String> {
    value[key]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|i| i.as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn pack_log_diff_and_show_speak_json() {
    let root = temp_dir("json-output");
    let inbox = root.join("inbox");
    let archive = root.join("archive");
    std::fs::create_dir_all(&inbox).expect("inbox");
    for name in ["water-policy-brief.pdf", "chromium-brief.pdf"] {
        std::fs::copy(samples().join(name), inbox.join(name)).expect("copy a sample");
    }
    let pack = |message: &str, date: &str| {
        bindery(&[
            "pack",
            path_str(&inbox),
            "--archive",
            path_str(&archive),
            "--name",
            "briefs",
            "-m",
            message,
            "--date",
            date,
            "--json",
        ])
    };

    let first = pack("first load", "2024-06-01");
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let v1 = one_json(&first);
    assert_eq!(v1["unchanged"], false);
    assert_eq!(v1["version"], 1);
    assert_eq!(v1["documents"], 2);
    assert_eq!(
        paths(&v1, "added"),
        ["chromium-brief.pdf", "water-policy-brief.pdf"]
    );
    let water = &v1["digests"]["water-policy-brief.pdf"];
    let pdf_digest = water["pdf_sha256"].as_str().unwrap_or_default().to_string();
    assert_eq!(
        pdf_digest,
        sha256_of(&samples().join("water-policy-brief.pdf"))
    );
    assert_eq!(water["record_sha256"].as_str().map(str::len), Some(64));
    let bundle = v1["bundle"].as_str().unwrap_or_default();
    assert!(bundle.ends_with("briefs_v0001.zip"), "{bundle}");
    let on_disk = std::fs::metadata(bundle).map(|m| m.len()).ok();
    assert_eq!(v1["bundle_bytes"].as_u64(), on_disk);
    assert_eq!(v1["bundle_sha256"].as_str().map(str::len), Some(64));

    // Same inputs: nothing written, and the JSON says so.
    let again = one_json(&pack("again", "2024-06-02"));
    assert_eq!(again["unchanged"], true);
    assert_eq!(again["version"], 1);

    // A rename and an addition make version 2.
    std::fs::rename(inbox.join("chromium-brief.pdf"), inbox.join("heat.pdf")).expect("rename");
    std::fs::copy(
        samples().join("note-politique-energie.pdf"),
        inbox.join("note.pdf"),
    )
    .expect("copy a sample");
    let v2 = one_json(&pack("June", "2024-06-30"));
    assert_eq!(v2["version"], 2);
    assert_eq!(paths(&v2, "added"), ["note.pdf"]);
    assert_eq!(v2["renamed"][0]["from"], "chromium-brief.pdf");
    assert_eq!(v2["renamed"][0]["to"], "heat.pdf");
    assert_eq!(
        v2["digests"]["heat.pdf"]["pdf_sha256"].as_str(),
        Some(sha256_of(&samples().join("chromium-brief.pdf")).as_str()),
        "a renamed document keeps its PDF digest"
    );

    let log = bindery(&["log", path_str(&archive), "--json"]);
    assert_eq!(log.status.code(), Some(0));
    let log = one_json(&log);
    assert_eq!(log["archive"], "briefs");
    let versions = log["versions"].as_array().cloned().unwrap_or_default();
    assert_eq!(versions.len(), 2, "one entry per version");
    assert_eq!(versions[0]["version"], 1);
    assert_eq!(versions[0]["message"], "first load");
    assert_eq!(versions[0]["date"], "2024-06-01T00:00:00Z");
    assert_eq!(versions[1]["documents"], 3);
    assert_eq!(
        (
            versions[1]["added"].as_u64(),
            versions[1]["renamed"].as_u64()
        ),
        (Some(1), Some(1))
    );

    let diff = one_json(&bindery(&["diff", path_str(&archive), "1", "2", "--json"]));
    assert_eq!(
        (diff["from"].as_u64(), diff["to"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(paths(&diff, "added"), ["note.pdf"]);
    assert_eq!(diff["removed"], Value::Array(vec![]));

    let show = bindery(&[
        "show",
        path_str(&archive),
        "water-policy-brief.pdf",
        "--json",
    ]);
    let record = one_json(&show);
    assert_eq!(record["id"], pdf_digest.as_str());
    assert_eq!(
        record["metadata"]["title"]["value"],
        "Pricing Urban Water for Scarcity"
    );
    let _ = std::fs::remove_dir_all(&root);
}
