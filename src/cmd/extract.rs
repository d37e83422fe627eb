//! `bindery extract`: records for every PDF under the inputs, as JSON Lines
//! or one file per document.

use crate::catalog::matching::{Candidate, Plan};
use crate::cli::{ExtractArgs, Verbosity};
use crate::cmd::{Outcome, batch_inputs, extract_options, job_count, match_catalog, note};
use crate::error::Result;
use crate::output::open_sink;
use crate::pipeline::{InputFile, extract_all};
use crate::progress::Progress;
use rayon::prelude::*;
use std::path::Path;
use std::sync::Arc;

pub fn run(args: &ExtractArgs, verbosity: Verbosity) -> Result<Outcome> {
    let mut options = extract_options(&args.batch.read)?;
    let files = batch_inputs(&args.batch)?;
    if let Some(path) = &args.batch.catalog {
        options.catalog = Some(Arc::new(catalog_plan(path, &files, verbosity)?));
    }
    if files.is_empty() {
        note(
            verbosity,
            "bindery: no PDF files found under the given inputs",
        );
    }
    let mut sink = open_sink(args.output.as_deref(), args.out_dir.as_deref())?;
    let mut write_error = None;
    let mut progress = Progress::new(files.len(), verbosity.quiet);
    extract_all(
        &files,
        &options,
        job_count(args.batch.jobs),
        |index, outcome| {
            let record = &outcome.record;
            let path = files.get(index).map(|f| f.path.display().to_string());
            let path = path.unwrap_or_default();
            if let Some(error) = &record.error {
                // Errors are always shown: a script reading stdout still learns of them.
                progress.println(&format!(
                    "bindery: {path}: {}: {}",
                    error.kind, error.message
                ));
            } else if verbosity.verbose {
                progress.println(&document_line(&path, record));
            }
            progress.advance(record);
            if write_error.is_none()
                && let Err(err) = sink.write(&outcome)
            {
                write_error = Some(err);
            }
        },
    )?;
    progress.finish();
    if let Some(err) = write_error {
        return Err(err);
    }
    sink.finish()?;
    note(verbosity, &format!("bindery: {}", progress.summary()));
    Ok(if progress.failed() == 0 {
        Outcome::Success
    } else {
        Outcome::Failures
    })
}

/// The `-v` line of a document read well: its path, pages and title.
pub fn document_line(path: &str, record: &crate::Record) -> String {
    let pages = record.pdf.as_ref().map_or(0, |p| p.pages);
    let title = record
        .metadata
        .as_ref()
        .and_then(|m| m.title.as_ref())
        .map(|t| format!(": {}", t.value))
        .unwrap_or_default();
    format!("{path}: ok, {pages} pages{title}")
}

/// Match the catalog against the files, one record per file. Files are
/// hashed first only when some row names its PDF by SHA-256.
fn catalog_plan(path: &Path, files: &[InputFile], verbosity: Verbosity) -> Result<Plan> {
    let catalog = crate::catalog::Catalog::load(path)?;
    let hash = catalog.has_sha256_keys();
    let candidates: Vec<Candidate> = files
        .par_iter()
        .map(|file| Candidate {
            paths: vec![file.logical_path.clone()],
            // An unreadable file gets its error record from extraction.
            sha256: hash
                .then(|| crate::archive::digest::sha256_file(&file.path).ok())
                .flatten(),
        })
        .collect();
    let matches = match_catalog(&catalog, &candidates, verbosity)?;
    Ok(Plan::by_path(&catalog, &candidates, &matches))
}
