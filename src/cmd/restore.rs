//! `bindery restore`: write a version's PDFs under their original relative
//! paths, each with its record beside it (`<path>.json`). Refuses to write
//! into a folder that has anything in it, never overwrites, never leaves OUT.
//! The work is `Archive::restore`.

use crate::archive::Archive;
use crate::cli::{RestoreArgs, Verbosity};
use crate::cmd::{Outcome, note};
use crate::error::Result;

pub fn run(args: &RestoreArgs, verbosity: Verbosity) -> Result<Outcome> {
    let archive = Archive::open(&args.archive)?;
    let version = archive.resolve_version(args.version)?;
    let written = archive.restore(version, &args.output)?;
    note(
        verbosity,
        &format!(
            "bindery: restored version {}: {} documents, {} files into {}",
            written.version,
            written.documents,
            written.files,
            args.output.display()
        ),
    );
    Ok(Outcome::Success)
}
