//! `bindery export`: the whole state of one version, as JSON Lines records
//! or as one self-contained bag zip (a bundle holding every file the state
//! needs, verifiable on its own). The work is `Archive::export_jsonl` and
//! `Archive::export_bag`.

use crate::archive::Archive;
use crate::atomic::AtomicFile;
use crate::cli::{ExportArgs, ExportFormat, Verbosity};
use crate::cmd::{Outcome, note};
use crate::error::{Error, Result};
use std::io::Write;

pub fn run(args: &ExportArgs, verbosity: Verbosity) -> Result<Outcome> {
    let archive = Archive::open(&args.archive)?;
    let version = archive.resolve_version(args.version)?;
    match args.format {
        ExportFormat::Jsonl => export_jsonl(&archive, version, args),
        ExportFormat::Bag => export_bag(&archive, version, args, verbosity),
    }
}

fn export_jsonl(archive: &Archive, version: u32, args: &ExportArgs) -> Result<Outcome> {
    let cannot_write = |e: std::io::Error| Error::from_io(format!("cannot write output: {e}"), &e);
    match args.output.as_deref() {
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            archive.export_jsonl(version, &mut out)?;
            out.flush().map_err(cannot_write)?;
        }
        Some(path) => {
            let mut file = AtomicFile::create(path).map_err(|e| Error::io(path, "create", &e))?;
            archive.export_jsonl(version, &mut file)?;
            file.commit().map_err(|e| Error::io(path, "write", &e))?;
        }
    }
    Ok(Outcome::Success)
}

fn export_bag(
    archive: &Archive,
    version: u32,
    args: &ExportArgs,
    verbosity: Verbosity,
) -> Result<Outcome> {
    let Some(path) = args.output.as_deref() else {
        return Err(Error::new("--format bag needs -o FILE.zip"));
    };
    let written = archive.export_bag(version, path)?;
    note(
        verbosity,
        &format!(
            "bindery: exported version {} ({} documents, {} files) to {}",
            written.version,
            written.documents,
            written.files,
            path.display()
        ),
    );
    Ok(Outcome::Success)
}
