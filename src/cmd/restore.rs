//! `bindery restore`: write a version's PDFs under their original relative
//! paths, each with its record beside it (`<path>.json`). Refuses to write
//! into a folder that has anything in it, never overwrites, never leaves OUT.

use crate::archive::Archive;
use crate::archive::verify::safe_logical_path;
use crate::cli::{RestoreArgs, Verbosity};
use crate::cmd::{Outcome, note};
use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn run(args: &RestoreArgs, verbosity: Verbosity) -> Result<Outcome> {
    let archive = Archive::open(&args.archive)?;
    let version = archive.resolve_version(args.version)?;
    let inventory = archive.inventory(version)?;
    let out = &args.output;
    if let Ok(mut entries) = std::fs::read_dir(out)
        && entries.next().is_some()
    {
        return Err(Error::new(format!(
            "{} is not empty; restore writes only into a new or empty folder",
            out.display()
        )));
    }
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, "create", &e))?;
    let mut files = 0usize;
    for (logical, doc) in &inventory.state {
        if !safe_logical_path(logical) {
            return Err(Error::new(format!(
                "the archive holds the path {logical:?}, which would leave {}; not restored",
                out.display()
            )));
        }
        let pdf_path = inside(out, logical);
        let record_path = inside(out, &format!("{logical}.json"));
        for (path, digest) in [(&pdf_path, &doc.pdf), (&record_path, &doc.record)] {
            write_new(path, |file| archive.copy_content(&inventory, digest, file))?;
            files += 1;
        }
    }
    note(
        verbosity,
        &format!(
            "bindery: restored version {version}: {} documents, {files} files into {}",
            inventory.state.len(),
            out.display()
        ),
    );
    Ok(Outcome::Success)
}

fn inside(root: &Path, logical: &str) -> PathBuf {
    let mut path = root.to_path_buf();
    path.extend(logical.split('/'));
    path
}

/// Create `path` (never replacing anything) and fill it.
fn write_new(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, "create", &e))?;
    }
    let file = std::fs::File::create_new(path).map_err(|e| Error::io(path, "create", &e))?;
    let mut writer = std::io::BufWriter::with_capacity(1 << 20, file);
    fill(&mut writer)?;
    writer.flush().map_err(|e| Error::io(path, "write", &e))
}
