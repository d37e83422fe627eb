//! `bindery pack`: extract what is new under the inputs and write the
//! archive's next version; say what changed, or that nothing did
//! (`--json`: one object, see docs/cli-json.md).

use crate::cli::{PackArgs, Verbosity};
use crate::cmd::extract::document_line;
use crate::cmd::{Outcome, extract_options, json, note};
use crate::error::{Error, Result};
use crate::progress::Progress;
use crate::{Archive, PackObserver, PackRequest, PackSummary, Packed, Record, Timestamp};
use serde_json::json;
use std::path::Path;

/// Drives the progress line and the per-document lines while a pack reads
/// PDFs.
struct Display {
    verbosity: Verbosity,
    progress: Option<Progress>,
    summary: Option<String>,
}

impl PackObserver for Display {
    fn started(&mut self, documents: usize) {
        self.progress = Some(Progress::new(documents, self.verbosity.quiet));
    }

    fn document(&mut self, path: &Path, record: &Record) {
        let Some(progress) = self.progress.as_mut() else {
            return;
        };
        let path = path.display().to_string();
        if let Some(error) = &record.error {
            progress.println(&format!(
                "bindery: {path}: {}: {}",
                error.kind, error.message
            ));
        } else if self.verbosity.verbose {
            progress.println(&document_line(&path, record));
        }
        progress.advance(record);
    }

    fn finished(&mut self) {
        if let Some(progress) = self.progress.as_mut() {
            progress.finish();
            self.summary = Some(progress.summary());
        }
    }
}

pub fn run(args: &PackArgs, verbosity: Verbosity) -> Result<Outcome> {
    let date = Timestamp::for_version(args.date.as_deref()).map_err(Error::new)?;
    let request = PackRequest {
        name: args.name.clone(),
        message: args.message.clone(),
        date: Some(date),
        source_organization: args.source_organization.clone(),
        sha512: args.sha512,
        retry_failed: args.retry_failed,
        follow_symlinks: args.batch.follow_symlinks,
        jobs: args.batch.jobs,
        extract: extract_options(&args.batch.read)?,
    };
    let mut display = Display {
        verbosity,
        progress: None,
        summary: None,
    };
    let packed = Archive::pack_observed(&args.archive, &args.batch.inputs, &request, &mut display)?;
    if let Some(summary) = &display.summary {
        note(verbosity, &format!("bindery: extracted {summary}"));
    }
    match packed {
        Packed::Unchanged { version } => {
            let archive = Archive::open(&args.archive)?;
            let documents = archive.documents(version)?.len();
            if args.json {
                let mut value = json::changes(&archive, version, version, &Default::default())?;
                value["unchanged"] = true.into();
                value["version"] = version.into();
                value["documents"] = documents.into();
                json::print_line(&value)?;
            } else {
                println!(
                    "nothing changed since version {version}: {documents} documents, nothing written"
                );
            }
            Ok(Outcome::Success)
        }
        Packed::Written(summary) => {
            if summary.cleaned > 0 {
                note(
                    verbosity,
                    &format!(
                        "bindery: removed {} leftover file(s) of an interrupted pack",
                        summary.cleaned
                    ),
                );
            }
            if args.json {
                print_json(&args.archive, &summary)?;
            } else {
                print_text(&summary);
            }
            note(
                verbosity,
                &format!(
                    "bindery: {} extracted, {} taken from the archive, {} failed",
                    summary.extracted, summary.reused, summary.failed,
                ),
            );
            Ok(if summary.failed == 0 {
                Outcome::Success
            } else {
                Outcome::Failures
            })
        }
    }
}

fn print_text(summary: &PackSummary) {
    let c = &summary.changes;
    for path in &c.added {
        println!("A {path}");
    }
    for path in &c.changed {
        println!("M {path}");
    }
    for path in &c.removed {
        println!("D {path}");
    }
    for (from, to) in &c.renamed {
        println!("R {from} -> {to}");
    }
    println!(
        "version {}: {} documents ({} added, {} changed, {} removed, {} renamed); \
         stored {} new files, {} bytes, in {}",
        summary.version,
        summary.documents,
        c.added.len(),
        c.changed.len(),
        c.removed.len(),
        c.renamed.len(),
        summary.stored_files,
        summary.stored_bytes,
        summary.bundle.display()
    );
    println!("sha256 {}", summary.bundle_sha256);
}

fn print_json(dir: &Path, summary: &PackSummary) -> Result<()> {
    let archive = Archive::open(dir)?;
    let version = summary.version;
    let mut value = json::changes(&archive, version - 1, version, &summary.changes)?;
    let bundle_bytes = std::fs::metadata(&summary.bundle).ok().map(|m| m.len());
    let fields = json!({
        "unchanged": false,
        "version": version,
        "documents": summary.documents,
        "extracted": summary.extracted,
        "reused": summary.reused,
        "failed": summary.failed,
        "bundle": summary.bundle.display().to_string(),
        "bundle_sha256": summary.bundle_sha256,
        "bundle_bytes": bundle_bytes,
        "stored_files": summary.stored_files,
        "stored_bytes": summary.stored_bytes,
    });
    if let (Some(object), Some(extra)) = (value.as_object_mut(), fields.as_object()) {
        object.extend(extra.clone());
    }
    json::print_line(&value)
}
