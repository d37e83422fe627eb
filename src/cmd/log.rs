//! `bindery log`: the versions of an archive, newest last; `--json` gives
//! one JSON object per version (JSON Lines).

use crate::Archive;
use crate::cli::{LogArgs, Verbosity};
use crate::cmd::{Outcome, json};
use crate::error::Result;
use serde_json::json;

pub fn run(args: &LogArgs, _verbosity: Verbosity) -> Result<Outcome> {
    let archive = Archive::open(&args.archive)?;
    let versions = archive.versions()?;
    if args.json {
        for v in &versions {
            json::print_line(&json!({
                "version": v.number,
                "date": v.date,
                "message": v.message,
                "documents": v.documents,
                "added": v.added,
                "changed": v.changed,
                "removed": v.removed,
                "renamed": v.renamed,
                "stored_files": v.stored_files,
                "stored_bytes": v.stored_bytes,
                "bundle": v.bundle.display().to_string(),
                "bundle_bytes": v.bundle_bytes,
            }))?;
        }
        return Ok(Outcome::Success);
    }
    println!(
        "{:>7}  {:<20}  {:>9}  {:>5} {:>5} {:>5} {:>5}  {:>12}  message",
        "version", "date", "documents", "added", "chg", "rm", "ren", "bundle bytes"
    );
    for v in &versions {
        let size = v
            .bundle_bytes
            .map_or_else(|| "missing".to_string(), |n| n.to_string());
        println!(
            "{:>7}  {:<20}  {:>9}  {:>5} {:>5} {:>5} {:>5}  {:>12}  {}",
            v.number,
            v.date,
            v.documents,
            v.added,
            v.changed,
            v.removed,
            v.renamed,
            size,
            v.message
        );
    }
    Ok(Outcome::Success)
}
