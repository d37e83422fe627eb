//! `bindery show`: one document's record from an archive, by logical path or
//! id (the SHA-256 of its PDF, or a unique prefix of it).

use crate::archive::Archive;
use crate::cli::{ShowArgs, Verbosity};
use crate::cmd::Outcome;
use crate::error::{Error, Result};
use std::io::Write;

pub fn run(args: &ShowArgs, _verbosity: Verbosity) -> Result<Outcome> {
    let archive = Archive::open(&args.archive)?;
    let version = archive.resolve_version(args.version)?;
    let inventory = archive.inventory(version)?;
    let wanted = args.document.as_str();
    let doc = match inventory.state.get(wanted) {
        Some(doc) => doc,
        None => {
            let key = wanted.to_ascii_lowercase();
            let mut matches: Vec<_> = inventory
                .state
                .values()
                .filter(|d| key.len() >= 4 && d.pdf.starts_with(&key))
                .collect();
            matches.dedup_by(|a, b| a.pdf == b.pdf);
            match matches.as_slice() {
                [one] => *one,
                [] => {
                    return Err(Error::new(format!(
                        "version {version} has no document with path or id {wanted:?}"
                    )));
                }
                _ => {
                    return Err(Error::new(format!(
                        "{wanted:?} is the start of {} ids; give more of it",
                        matches.len()
                    )));
                }
            }
        }
    };
    let bytes = archive.read_content(&inventory, &doc.record)?;
    let value: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| Error::new(format!("record {} is not JSON: {e}", doc.record)))?;
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    std::io::stdout()
        .write_all(text.as_bytes())
        .map_err(|e| Error::from_io(format!("cannot write output: {e}"), &e))?;
    Ok(Outcome::Success)
}
