//! `bindery pack`: extract what is new under the inputs and write the
//! archive's next version; say what changed, or that nothing did.

use crate::archive::date::Timestamp;
use crate::archive::pack::{Extracted, PackInput, PackOptions, Packed, Revise, hash_inputs, pack};
use crate::catalog::Catalog;
use crate::catalog::matching::{Candidate, Plan};
use crate::cli::{PackArgs, Verbosity};
use crate::cmd::extract::document_line;
use crate::cmd::json;
use crate::cmd::{Outcome, batch_inputs, extract_options, job_count, match_catalog, note};
use crate::error::{Error, Result};
use crate::pipeline::{InputFile, extract_all};
use crate::progress::Progress;
use crate::record::Record;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

pub fn run(args: &PackArgs, verbosity: Verbosity) -> Result<Outcome> {
    let started = Instant::now();
    let date = Timestamp::for_version(args.date.as_deref()).map_err(Error::new)?;
    let mut options = extract_options(&args.batch.read)?;
    let files = batch_inputs(&args.batch)?;
    if files.is_empty() {
        return Err(Error::new(
            "no PDF files found under the given inputs; nothing to pack",
        ));
    }
    let pairs: Vec<(String, PathBuf)> = files
        .iter()
        .map(|f| (f.logical_path.clone(), f.path.clone()))
        .collect();
    let inputs = hash_inputs(&pairs, args.sha512)?;
    let revision = match &args.batch.catalog {
        Some(path) => {
            let plan = Arc::new(catalog_plan(path, &inputs, verbosity)?);
            options.catalog = Some(Arc::clone(&plan));
            Some(CatalogRevision { plan })
        }
        None => None,
    };
    let jobs = job_count(args.batch.jobs);
    let extract = Box::new(
        move |todo: &[PackInput], sink: &mut dyn FnMut(usize, Extracted)| -> Result<()> {
            let files: Vec<InputFile> = todo.iter().map(InputFile::from).collect();
            let mut progress = Progress::new(files.len(), verbosity.quiet);
            extract_all(&files, &options, jobs, |index, outcome| {
                let record = &outcome.record;
                let path = files.get(index).map(|f| f.path.display().to_string());
                let path = path.unwrap_or_default();
                if let Some(error) = &record.error {
                    progress.println(&format!(
                        "bindery: {path}: {}: {}",
                        error.kind, error.message
                    ));
                } else if verbosity.verbose {
                    progress.println(&document_line(&path, record));
                }
                progress.advance(record);
                sink(index, outcome.into_extracted());
            })?;
            progress.finish();
            note(
                verbosity,
                &format!("bindery: extracted {}", progress.summary()),
            );
            Ok(())
        },
    );
    let pack_options = PackOptions {
        archive: args.archive.clone(),
        name: args.name.clone(),
        message: args.message.clone(),
        date,
        source_organization: args.source_organization.clone(),
        sha512: args.sha512,
        retry_failed: args.retry_failed,
    };
    let revise = revision.as_ref().map(|r| r as &dyn Revise);
    match pack(&inputs, &pack_options, extract, revise)? {
        Packed::Unchanged { version } if args.json => {
            let out = serde_json::json!({
                "version": version,
                "unchanged": true,
                "documents": inputs.len(),
            });
            println!("{out}");
            Ok(Outcome::Success)
        }
        Packed::Unchanged { version } => {
            println!(
                "nothing changed since version {version}: {} documents, nothing written",
                inputs.len()
            );
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
            let c = &summary.changes;
            if args.json {
                let mut out = crate::cmd::changes_json(c);
                out["version"] = summary.version.into();
                out["unchanged"] = false.into();
                out["documents"] = summary.documents.into();
                out["bundle"] = summary.bundle.display().to_string().into();
                out["bundle_sha256"] = summary.bundle_sha256.clone().into();
                out["stored_files"] = summary.stored_files.into();
                out["stored_bytes"] = summary.stored_bytes.into();
                out["extracted"] = summary.extracted.into();
                out["reused"] = summary.reused.into();
                out["failed"] = summary.failed.into();
                out["bundle_bytes"] = std::fs::metadata(&summary.bundle)
                    .ok()
                    .map(|m| m.len())
                    .into();
                let archive = crate::Archive::open(&args.archive)?;
                let from = summary.version.saturating_sub(1);
                json::add_digests(&mut out, &archive, from, summary.version, c)?;
                json::print_line(&out)?;
            } else {
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
            note(
                verbosity,
                &format!(
                    "bindery: {} extracted, {} taken from the archive, {} failed, in {:.1} s",
                    summary.extracted,
                    summary.reused,
                    summary.failed,
                    started.elapsed().as_secs_f64()
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

/// Match the catalog against the inputs, one record per distinct PDF (the
/// archive keeps one record for a PDF found at several paths).
fn catalog_plan(path: &Path, inputs: &[PackInput], verbosity: Verbosity) -> Result<Plan> {
    let catalog = Catalog::load(path)?;
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut by_sha: HashMap<&str, usize> = HashMap::new();
    for input in inputs {
        match by_sha.get(input.sha256.as_str()) {
            Some(&at) => candidates[at].paths.push(input.logical_path.clone()),
            None => {
                by_sha.insert(&input.sha256, candidates.len());
                candidates.push(Candidate {
                    paths: vec![input.logical_path.clone()],
                    sha256: Some(input.sha256.clone()),
                });
            }
        }
    }
    let matches = match_catalog(&catalog, &candidates, verbosity)?;
    Ok(Plan::by_content(&catalog, &candidates, &matches))
}

/// The catalog's values for records the archive already holds.
struct CatalogRevision {
    plan: Arc<Plan>,
}

impl Revise for CatalogRevision {
    fn wants(&self, pdf_sha256: &str) -> bool {
        self.plan.has_content(pdf_sha256)
    }

    fn revise(&self, pdf_sha256: &str, record_json: &[u8]) -> Option<Vec<u8>> {
        let entry = self.plan.entry_for_content(pdf_sha256)?;
        // A record this version of bindery cannot read is kept as it is.
        let record: Record = serde_json::from_slice(record_json).ok()?;
        let revised = crate::catalog::overlay::apply_to_record(record, entry).to_canonical_json();
        (revised != record_json).then_some(revised)
    }
}
