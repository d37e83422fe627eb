//! The library's front door to archives: [`Archive::pack`] a folder of PDFs
//! as the next version, [`Archive::open`] an archive and list its
//! [`Archive::versions`], compare them, read a record, and
//! [`Archive::verify`] it. The `bindery` binary is built on these calls;
//! the modules under `archive` are the machinery behind them.

use super::date::Timestamp;
use super::inventory::{self, Changes, Document};
use super::pack::{Extracted, PackInput, PackOptions, Packed, hash_inputs, pack};
use super::report::Report;
use super::{Archive, bundle, verify};
use crate::error::{Error, Result};
use crate::extract::ExtractOptions;
use crate::pipeline::{InputFile, WalkOptions, discover, extract_all};
use crate::record::Record;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// How to pack the next version: what to call it and how to read the PDFs.
///
/// `PackRequest::default()` packs under the folder's name, with no message,
/// dated by `SOURCE_DATE_EPOCH` or now, on every core.
#[derive(Debug, Clone, Default)]
pub struct PackRequest {
    /// The archive's stable name; defaults to the existing one, or the
    /// folder's name for a new archive.
    pub name: Option<String>,
    /// What this version is, for the log.
    pub message: String,
    /// The version's date; `None` is `SOURCE_DATE_EPOCH`, else now. A fixed
    /// date fixes the bundle's bytes.
    pub date: Option<Timestamp>,
    /// `Source-Organization` for `bag-info.txt`.
    pub source_organization: Option<String>,
    /// Also write SHA-512 manifests.
    pub sha512: bool,
    /// Extract again the PDFs whose earlier extraction failed.
    pub retry_failed: bool,
    /// Follow symbolic links when walking folders.
    pub follow_symlinks: bool,
    /// Worker threads; `None` is every core.
    pub jobs: Option<usize>,
    /// Passwords and limits for reading each PDF.
    pub extract: ExtractOptions,
}

/// Told about each PDF a pack extracts, for progress displays. Every method
/// does nothing by default; `()` is the observer that ignores everything.
pub trait PackObserver {
    /// Extraction of `documents` PDFs begins (known PDFs are not re-read).
    fn started(&mut self, _documents: usize) {}
    /// One PDF was read; `record.error` says whether it failed.
    fn document(&mut self, _path: &Path, _record: &Record) {}
    /// Extraction is over; the bundle is written next.
    fn finished(&mut self) {}
}

impl PackObserver for () {}

/// One version of an archive, as `bindery log` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub number: u32,
    /// RFC 3339, UTC.
    pub date: String,
    pub message: String,
    /// Documents in this version's state.
    pub documents: u64,
    pub added: u64,
    pub changed: u64,
    pub removed: u64,
    pub renamed: u64,
    /// Files and bytes this version's bundle stores that no earlier one does.
    pub stored_files: u64,
    pub stored_bytes: u64,
    /// The bundle file, and its size (`None` when it is missing).
    pub bundle: PathBuf,
    pub bundle_bytes: Option<u64>,
}

impl Archive {
    /// Pack the PDFs under `inputs` (files, or folders walked for `*.pdf`)
    /// into the archive folder `dir` as its next version, creating the
    /// archive when the folder holds none. Only PDFs the archive does not
    /// hold yet are extracted; when nothing changed, nothing is written.
    ///
    /// ```
    /// use bindery::{Archive, PackRequest, Packed};
    /// use std::path::Path;
    ///
    /// let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/water-policy-brief.pdf");
    /// let dir = std::env::temp_dir().join(format!("bindery-doc-pack-{}", std::process::id()));
    /// # let _ = std::fs::remove_dir_all(&dir);
    /// let request = PackRequest {
    ///     name: Some("briefs".into()),
    ///     message: "first load".into(),
    ///     date: Some("2024-06-01".parse()?),
    ///     ..PackRequest::default()
    /// };
    /// let Packed::Written(summary) = Archive::pack(&dir, &[samples.clone()], &request)? else {
    ///     panic!("a new archive always gets a first version");
    /// };
    /// assert_eq!(summary.version, 1);
    /// assert_eq!(summary.changes.added, ["water-policy-brief.pdf"]);
    /// assert!(summary.bundle.ends_with("briefs_v0001.zip"));
    ///
    /// // The same input again changes nothing, and writes nothing.
    /// assert_eq!(Archive::pack(&dir, &[samples], &request)?, Packed::Unchanged { version: 1 });
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pack(dir: &Path, inputs: &[PathBuf], request: &PackRequest) -> Result<Packed> {
        Archive::pack_observed(dir, inputs, request, &mut ())
    }

    /// [`Archive::pack`], telling `observer` about each PDF extracted.
    pub fn pack_observed(
        dir: &Path,
        inputs: &[PathBuf],
        request: &PackRequest,
        observer: &mut dyn PackObserver,
    ) -> Result<Packed> {
        let files = discover(
            inputs,
            WalkOptions {
                follow_symlinks: request.follow_symlinks,
            },
        )?;
        if files.is_empty() {
            return Err(Error::new(
                "no PDF files found under the given inputs; nothing to pack",
            ));
        }
        let date = match request.date {
            Some(date) => date,
            None => Timestamp::for_version(None).map_err(Error::new)?,
        };
        let pairs: Vec<(String, PathBuf)> = files
            .iter()
            .map(|f| (f.logical_path.clone(), f.path.clone()))
            .collect();
        let hashed = hash_inputs(&pairs, request.sha512)?;
        let jobs = crate::cmd::job_count(request.jobs);
        let options = &request.extract;
        let extract = Box::new(
            move |todo: &[PackInput], sink: &mut dyn FnMut(usize, Extracted)| -> Result<()> {
                let files: Vec<InputFile> = todo
                    .iter()
                    .map(|p| InputFile {
                        path: p.pdf.clone(),
                        logical_path: p.logical_path.clone(),
                    })
                    .collect();
                observer.started(files.len());
                extract_all(&files, options, jobs, |index, outcome| {
                    if let Some(file) = files.get(index) {
                        observer.document(&file.path, &outcome.record);
                    }
                    let ok = outcome.ok();
                    sink(
                        index,
                        Extracted {
                            record_json: outcome.record_json,
                            text: outcome.text.into_bytes(),
                            ok,
                        },
                    );
                })?;
                observer.finished();
                Ok(())
            },
        );
        let options = PackOptions {
            archive: dir.to_path_buf(),
            name: request.name.clone(),
            message: request.message.clone(),
            date,
            source_organization: request.source_organization.clone(),
            sha512: request.sha512,
            retry_failed: request.retry_failed,
        };
        pack(&hashed, &options, extract)
    }

    /// The archive's versions, oldest first, from its latest inventory.
    ///
    /// ```
    /// use bindery::{Archive, PackRequest};
    /// use std::path::Path;
    ///
    /// let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    /// let dir = std::env::temp_dir().join(format!("bindery-doc-versions-{}", std::process::id()));
    /// # let _ = std::fs::remove_dir_all(&dir);
    /// let request = PackRequest {
    ///     message: "June briefs".into(),
    ///     date: Some("2024-06-30".parse()?),
    ///     ..PackRequest::default()
    /// };
    /// Archive::pack(&dir, &[samples.join("chromium-brief.pdf")], &request)?;
    ///
    /// let archive = Archive::open(&dir)?;
    /// let versions = archive.versions()?;
    /// assert_eq!(versions.len(), 1);
    /// assert_eq!(versions[0].number, 1);
    /// assert_eq!(versions[0].date, "2024-06-30T00:00:00Z");
    /// assert_eq!(versions[0].message, "June briefs");
    /// assert_eq!((versions[0].documents, versions[0].added), (1, 1));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn versions(&self) -> Result<Vec<Version>> {
        let inventory = self.inventory(self.latest_version())?;
        Ok(inventory
            .versions
            .iter()
            .map(|v| {
                let bundle = self.dir.join(bundle::file_name(&self.name, v.version));
                let bundle_bytes = std::fs::metadata(&bundle).ok().map(|m| m.len());
                Version {
                    number: v.version,
                    date: v.date.clone(),
                    message: v.message.clone(),
                    documents: v.documents,
                    added: v.added,
                    changed: v.changed,
                    removed: v.removed,
                    renamed: v.renamed,
                    stored_files: v.stored_files,
                    stored_bytes: v.stored_bytes,
                    bundle,
                    bundle_bytes,
                }
            })
            .collect())
    }

    /// The documents of `version`: logical path -> the SHA-256 of its PDF,
    /// record and text, and whether its extraction succeeded.
    pub fn documents(&self, version: u32) -> Result<BTreeMap<String, Document>> {
        let version = self.resolve_version(Some(version))?;
        Ok(self.inventory(version)?.state)
    }

    /// Documents added, changed, removed and renamed from version `from` to
    /// version `to` (`from` may be 0: the empty archive before version 1).
    pub fn changes(&self, from: u32, to: u32) -> Result<Changes> {
        let to = self.resolve_version(Some(to))?;
        if from > to {
            return Err(Error::new(format!(
                "version {from} is newer than {to}; give the older version first"
            )));
        }
        let old = if from == 0 {
            BTreeMap::new()
        } else {
            self.inventory(self.resolve_version(Some(from))?)?.state
        };
        let new = self.inventory(to)?.state;
        Ok(inventory::diff(&old, &new))
    }

    /// The record of one document of `version`, found by logical path, by
    /// id (the SHA-256 of its PDF) or by a unique prefix of at least four
    /// characters of the id. Returns the record as JSON, checked against
    /// its digest on the way out.
    pub fn record(&self, version: u32, path_or_id: &str) -> Result<serde_json::Value> {
        let inventory = self.inventory(version)?;
        let doc = match inventory.state.get(path_or_id) {
            Some(doc) => doc,
            None => {
                let key = path_or_id.to_ascii_lowercase();
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
                            "version {version} has no document with path or id {path_or_id:?}"
                        )));
                    }
                    _ => {
                        return Err(Error::new(format!(
                            "{path_or_id:?} is the start of {} ids; give more of it",
                            matches.len()
                        )));
                    }
                }
            }
        };
        let bytes = self.read_content(&inventory, &doc.record)?;
        serde_json::from_slice(&bytes)
            .map_err(|e| Error::new(format!("record {} is not JSON: {e}", doc.record)))
    }

    /// Check every bundle of the archive and the chain between them:
    /// BagIt structure, sizes, and (unless `fast`) every checksum.
    ///
    /// ```
    /// use bindery::{Archive, PackRequest};
    /// use std::path::Path;
    ///
    /// let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    /// let dir = std::env::temp_dir().join(format!("bindery-doc-verify-{}", std::process::id()));
    /// # let _ = std::fs::remove_dir_all(&dir);
    /// Archive::pack(&dir, &[samples.join("note-politique-energie.pdf")], &PackRequest::default())?;
    ///
    /// let report = Archive::open(&dir)?.verify(false)?;
    /// assert!(report.is_valid(), "{:?}", report.findings);
    /// assert_eq!(report.bags, 1);
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verify(&self, fast: bool) -> Result<Report> {
        verify::verify_archive(&self.dir, fast)
    }

    /// Verify whatever `path` is: an archive folder, one bundle zip, or an
    /// unzipped bag folder. `Err` only when verification cannot run.
    pub fn verify_path(path: &Path, fast: bool) -> Result<Report> {
        verify::verify_path(path, fast)
    }
}
