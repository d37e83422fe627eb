//! The digests `--json` change lists carry (pack and diff): for each path a
//! change list names, the SHA-256 of its PDF, record and text, so a script
//! can tell what moved without opening bundles. Field names are stable and
//! documented in `docs/cli-json.md`.

use crate::archive::inventory::Document;
use crate::{Archive, Changes, Result};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

fn entry(doc: &Document) -> Value {
    json!({
        "pdf_sha256": doc.pdf,
        "record_sha256": doc.record,
        "text_sha256": doc.text,
        "ok": doc.ok,
    })
}

/// Add `digests` (each added, changed, renamed-to and removed path, as of
/// the version where it is) and `previous_digests` (each changed path in
/// version `from`) to a change-list object.
pub fn add_digests(
    out: &mut Value,
    archive: &Archive,
    from: u32,
    to: u32,
    changes: &Changes,
) -> Result<()> {
    let old = if from == 0 {
        BTreeMap::new()
    } else {
        archive.documents(from)?
    };
    let new = archive.documents(to)?;
    let mut digests = Map::new();
    let now = changes
        .added
        .iter()
        .chain(&changes.changed)
        .chain(changes.renamed.iter().map(|(_, to)| to));
    for path in now {
        if let Some(doc) = new.get(path) {
            digests.insert(path.clone(), entry(doc));
        }
    }
    for path in &changes.removed {
        if let Some(doc) = old.get(path) {
            digests.insert(path.clone(), entry(doc));
        }
    }
    let mut previous = Map::new();
    for path in &changes.changed {
        if let Some(doc) = old.get(path) {
            previous.insert(path.clone(), entry(doc));
        }
    }
    out["digests"] = Value::Object(digests);
    out["previous_digests"] = Value::Object(previous);
    Ok(())
}

/// Print one JSON value on one line of stdout.
pub fn print_line(value: &Value) -> Result<()> {
    use std::io::Write;
    let mut line = serde_json::to_string(value).unwrap_or_default();
    line.push('\n');
    std::io::stdout()
        .write_all(line.as_bytes())
        .map_err(|e| crate::Error::from_io(format!("cannot write output: {e}"), &e))
}
