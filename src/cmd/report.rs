//! `bindery report`: write an archive's catalogue (versions, documents,
//! metadata coverage, failures, verification) as one self-contained HTML
//! page. Exit 1 when the archive does not verify; the page is written anyway.

use crate::archive::Archive;
use crate::atomic::AtomicFile;
use crate::cli::{ReportArgs, Verbosity};
use crate::cmd::{Outcome, note};
use crate::error::{Error, Result};
use crate::report::{gather, html};
use std::io::Write;

pub fn run(args: &ReportArgs, verbosity: Verbosity) -> Result<Outcome> {
    let archive = Archive::open(&args.archive)?;
    let catalogue = gather(&archive, args.fast)?;
    let page = html::render(&catalogue);
    let path = args.output.as_path();
    let mut file = AtomicFile::create(path).map_err(|e| Error::io(path, "create", &e))?;
    file.write_all(page.as_bytes())
        .map_err(|e| Error::io(path, "write", &e))?;
    file.commit().map_err(|e| Error::io(path, "write", &e))?;
    let verdict = match catalogue.verification.valid {
        Some(true) => "valid",
        Some(false) => "INVALID",
        None => "not verified",
    };
    note(
        verbosity,
        &format!(
            "wrote {}: {} documents of version {}, {} failed, archive {verdict}",
            path.display(),
            catalogue.documents.len(),
            catalogue.latest,
            catalogue.failures.len()
        ),
    );
    Ok(if catalogue.verification.valid == Some(true) {
        Outcome::Success
    } else {
        Outcome::Failures
    })
}
