//! The JSON shapes `--json` outputs share: a change set with the digests of
//! each document, so a script can tell what moved without opening bundles.
//! Field names are stable and documented in `docs/cli-json.md`.

use crate::archive::inventory::Document;
use crate::{Archive, Changes, Result};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io::Write;

/// `{"added": [...], "changed": [...], "removed": [...], "renamed": [...]}`
/// between versions `from` (0: before the first) and `to`.
pub fn changes(archive: &Archive, from: u32, to: u32, changes: &Changes) -> Result<Value> {
    let old = if from == 0 {
        BTreeMap::new()
    } else {
        archive.documents(from)?
    };
    let new = archive.documents(to)?;
    let entry = |path: &str, doc: Option<&Document>| {
        let mut value = json!({ "path": path });
        if let Some(doc) = doc {
            value["pdf_sha256"] = json!(doc.pdf);
            value["record_sha256"] = json!(doc.record);
            value["text_sha256"] = json!(doc.text);
            value["ok"] = json!(doc.ok);
        }
        value
    };
    let changed: Vec<Value> = changes
        .changed
        .iter()
        .map(|path| {
            let mut value = entry(path, new.get(path));
            value["previous"] = entry(path, old.get(path));
            if let Some(previous) = value["previous"].as_object_mut() {
                previous.remove("path");
            }
            value
        })
        .collect();
    Ok(json!({
        "added": changes.added.iter().map(|p| entry(p, new.get(p))).collect::<Vec<_>>(),
        "changed": changed,
        "removed": changes.removed.iter().map(|p| entry(p, old.get(p))).collect::<Vec<_>>(),
        "renamed": changes.renamed.iter().map(|(from, to)| json!({
            "from": from,
            "to": to,
            "pdf_sha256": new.get(to).map(|d| d.pdf.as_str()),
        })).collect::<Vec<_>>(),
    }))
}

/// Print one JSON value on one line of stdout.
pub fn print_line(value: &Value) -> Result<()> {
    let mut line = serde_json::to_string(value).unwrap_or_default();
    line.push('\n');
    std::io::stdout()
        .write_all(line.as_bytes())
        .map_err(|e| crate::Error::from_io(format!("cannot write output: {e}"), &e))
}
