//! `bindery log`: the versions of an archive, newest last.

use crate::archive::{Archive, bundle};
use crate::cli::{LogArgs, Verbosity};
use crate::cmd::Outcome;
use crate::error::Result;

pub fn run(args: &LogArgs, _verbosity: Verbosity) -> Result<Outcome> {
    let archive = Archive::open(&args.archive)?;
    let versions = archive.versions()?;
    if args.json {
        let versions: Vec<serde_json::Value> = versions
            .iter()
            .map(|v| {
                let file = bundle::file_name(&archive.name, v.version);
                let bytes = std::fs::metadata(archive.dir.join(&file))
                    .ok()
                    .map(|m| m.len());
                serde_json::json!({
                    "version": v.version,
                    "date": v.date,
                    "message": v.message,
                    "documents": v.documents,
                    "added": v.added,
                    "changed": v.changed,
                    "removed": v.removed,
                    "renamed": v.renamed,
                    "bundle": file,
                    "bundle_bytes": bytes,
                })
            })
            .collect();
        let out = serde_json::json!({ "archive": archive.name, "versions": versions });
        println!("{out}");
        return Ok(Outcome::Success);
    }
    println!(
        "{:>7}  {:<20}  {:>9}  {:>5} {:>5} {:>5} {:>5}  {:>12}  message",
        "version", "date", "documents", "added", "chg", "rm", "ren", "bundle bytes"
    );
    for v in &versions {
        let file = archive
            .dir
            .join(bundle::file_name(&archive.name, v.version));
        let size = std::fs::metadata(&file)
            .map_or_else(|_| "missing".to_string(), |m| m.len().to_string());
        println!(
            "{:>7}  {:<20}  {:>9}  {:>5} {:>5} {:>5} {:>5}  {:>12}  {}",
            v.version,
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
