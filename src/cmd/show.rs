//! `bindery show`: one document's record from an archive, by logical path or
//! id (the SHA-256 of its PDF, or a unique prefix of it): pretty-printed, or
//! on one line with `--json`.

use crate::Archive;
use crate::cli::{ShowArgs, Verbosity};
use crate::cmd::{Outcome, json};
use crate::error::{Error, Result};
use std::io::Write;

pub fn run(args: &ShowArgs, _verbosity: Verbosity) -> Result<Outcome> {
    let archive = Archive::open(&args.archive)?;
    let version = archive.resolve_version(args.version)?;
    let record = archive.record(version, &args.document)?;
    if args.json {
        json::print_line(&record)?;
        return Ok(Outcome::Success);
    }
    let mut text = serde_json::to_string_pretty(&record).unwrap_or_default();
    text.push('\n');
    std::io::stdout()
        .write_all(text.as_bytes())
        .map_err(|e| Error::from_io(format!("cannot write output: {e}"), &e))?;
    Ok(Outcome::Success)
}
