//! `pack`: the next version of an archive from a set of input PDFs. Inputs
//! are hashed once; a PDF whose SHA-256 the previous version already holds
//! (at any path) is not extracted again, its record and text digests come
//! from the previous inventory. Only content no earlier version stores goes
//! into the new bundle, which appears atomically under the archive's lock.

use super::bundle::{self, BundleInfo, Content, PayloadItem};
use super::date::Timestamp;
use super::digest::{Algorithm, MultiHasher, digest_reader};
use super::inventory::{self, Changes, Document, Inventory, Kind, Stored, VersionInfo};
use super::{Archive, default_name, list_bundles, lock, valid_name};
use crate::atomic::{TEMP_PREFIX, sync_dir};
use crate::error::{Error, Result};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// One input PDF, hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackInput {
    /// '/'-separated, relative to its input root.
    pub logical_path: String,
    pub pdf: PathBuf,
    pub sha256: String,
    pub sha512: Option<String>,
    pub bytes: u64,
}

/// What extraction produced for one PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The record in canonical JSON: the file stored in the bundle.
    pub record_json: Vec<u8>,
    /// Pages joined by form feed.
    pub text: Vec<u8>,
    pub ok: bool,
}

/// How to write the next version.
#[derive(Debug, Clone)]
pub struct PackOptions {
    pub archive: PathBuf,
    /// The archive's name; defaults to the existing one or the folder's.
    pub name: Option<String>,
    pub message: String,
    pub date: Timestamp,
    pub source_organization: Option<String>,
    pub sha512: bool,
    /// Extract known PDFs again when their earlier extraction failed.
    pub retry_failed: bool,
}

impl PackOptions {
    /// Options for a plain version: the archive folder, a message and a
    /// date; no name given (the existing one, or the folder's), SHA-256
    /// only.
    pub fn new(archive: &Path, message: &str, date: Timestamp) -> PackOptions {
        PackOptions {
            archive: archive.to_path_buf(),
            name: None,
            message: message.to_string(),
            date,
            source_organization: None,
            sha512: false,
            retry_failed: false,
        }
    }
}

/// What a pack did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Packed {
    /// Nothing changed since `version`; nothing was written.
    Unchanged {
        version: u32,
    },
    Written(Box<PackSummary>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackSummary {
    pub version: u32,
    pub bundle: PathBuf,
    pub bundle_sha256: String,
    pub changes: Changes,
    pub documents: usize,
    /// Documents extracted now, and taken from the archive.
    pub extracted: usize,
    pub reused: usize,
    pub failed: usize,
    pub stored_files: u64,
    pub stored_bytes: u64,
    /// Leftovers of interrupted packs removed first.
    pub cleaned: usize,
}

/// Extraction, given the inputs that need it; calls back with each result
/// (index into the slice). The lead's pipeline in the binary, a fake in tests.
pub type ExtractFn<'a> =
    dyn FnOnce(&[PackInput], &mut dyn FnMut(usize, Extracted)) -> Result<()> + 'a;

/// A change to the stored records of PDFs the archive already holds (a
/// catalog's values). Their text is not touched and they are not read again.
pub trait Revise {
    /// Whether the record of the PDF with this SHA-256 may change; only
    /// then is it read from the archive.
    fn wants(&self, pdf_sha256: &str) -> bool;
    /// The revised record (canonical JSON), or `None` to keep it.
    fn revise(&self, pdf_sha256: &str, record_json: &[u8]) -> Option<Vec<u8>>;
}

/// Hash the input files (in parallel), in the given order.
pub fn hash_inputs(files: &[(String, PathBuf)], sha512: bool) -> Result<Vec<PackInput>> {
    let mut seen: HashMap<&str, &Path> = HashMap::new();
    for (logical, path) in files {
        if let Some(first) = seen.insert(logical.as_str(), path.as_path()) {
            return Err(Error::new(format!(
                "{} and {} would both be {logical:?} in the archive; give them different input roots or names",
                first.display(),
                path.display()
            )));
        }
        if !super::verify::safe_logical_path(logical) {
            return Err(Error::new(format!(
                "{logical:?} is not a safe path for an archive"
            )));
        }
    }
    let mut algorithms = vec![Algorithm::Sha256];
    if sha512 {
        algorithms.push(Algorithm::Sha512);
    }
    files
        .par_iter()
        .map(|(logical, path)| {
            let file = std::fs::File::open(path).map_err(|e| Error::io(path, "read", &e))?;
            let d = digest_reader(file, &algorithms).map_err(|e| Error::io(path, "read", &e))?;
            Ok(PackInput {
                logical_path: logical.clone(),
                pdf: path.clone(),
                sha256: d.get(Algorithm::Sha256).unwrap_or("").to_string(),
                sha512: d.get(Algorithm::Sha512).map(str::to_string),
                bytes: d.bytes,
            })
        })
        .collect()
}

/// New content for the bundle: bytes held until writing.
struct NewContent {
    path: String,
    sha512: Option<String>,
    bytes: u64,
    content: Content<'static>,
    deflate: bool,
}

fn hashed(bytes: &[u8], sha512: bool) -> (String, Option<String>) {
    let mut algorithms = vec![Algorithm::Sha256];
    if sha512 {
        algorithms.push(Algorithm::Sha512);
    }
    let mut h = MultiHasher::new(&algorithms);
    h.update(bytes);
    let d = h.finish();
    (
        d.get(Algorithm::Sha256).unwrap_or("").to_string(),
        d.get(Algorithm::Sha512).map(str::to_string),
    )
}

/// Write the next version of the archive holding `inputs`.
pub fn pack(
    inputs: &[PackInput],
    options: &PackOptions,
    extract: Box<ExtractFn<'_>>,
    revise: Option<&dyn Revise>,
) -> Result<Packed> {
    let dir = &options.archive;
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, "create the archive folder", &e))?;
    let held = lock::lock(dir)?;
    let cleaned = lock::clean_leftovers(&held, dir)?;

    let existing = list_bundles(dir)?;
    let mut opened = None;
    let (previous, previous_sha256, name) = if existing.is_empty() {
        let name = options.name.clone().unwrap_or_else(|| default_name(dir));
        (None, None, name)
    } else {
        let archive = Archive::open(dir)?;
        if let Some(name) = &options.name
            && *name != archive.name
        {
            return Err(Error::new(format!(
                "{} is the archive {:?}, not {name:?}; leave out --name or use another folder",
                dir.display(),
                archive.name
            )));
        }
        let latest = archive.latest_version();
        if latest as usize != archive.bundles.len() {
            return Err(Error::new(format!(
                "{} is missing versions (it has {} bundles up to version {latest}); run bindery verify",
                dir.display(),
                archive.bundles.len()
            )));
        }
        refuse_damaged(&archive, latest)?;
        let inventory = archive.inventory(latest)?;
        let path = archive
            .bundles
            .last()
            .map(|b| b.path.clone())
            .unwrap_or_default();
        let sha = super::digest::sha256_file(&path).map_err(|e| Error::io(&path, "read", &e))?;
        let name = archive.name.clone();
        opened = Some(archive);
        (Some(inventory), Some(sha), name)
    };
    if !valid_name(&name) {
        return Err(Error::new(format!(
            "{name:?} cannot name an archive: use letters, digits, '.', '_' and '-'"
        )));
    }
    let previous = previous.unwrap_or_else(|| Inventory::empty(&name));
    let version = previous.version + 1;

    // Known PDFs keep their record and text; the rest are extracted once
    // per distinct PDF.
    let known: HashMap<&str, &Document> = previous
        .state
        .values()
        .map(|d| (d.pdf.as_str(), d))
        .collect();
    let mut state: BTreeMap<String, Option<Document>> = BTreeMap::new();
    let mut to_extract: Vec<PackInput> = Vec::new();
    let mut first_of_pdf: HashMap<&str, usize> = HashMap::new();
    for input in inputs {
        match known
            .get(input.sha256.as_str())
            .filter(|doc| doc.ok || !options.retry_failed)
        {
            Some(doc) => {
                state.insert(input.logical_path.clone(), Some((*doc).clone()));
            }
            None => {
                state.insert(input.logical_path.clone(), None);
                if !first_of_pdf.contains_key(input.sha256.as_str()) {
                    first_of_pdf.insert(input.sha256.as_str(), to_extract.len());
                    to_extract.push(input.clone());
                }
            }
        }
    }
    let reused = inputs.len() - state.values().filter(|d| d.is_none()).count();

    let mut new_content: BTreeMap<String, NewContent> = BTreeMap::new();
    if let (Some(revise), Some(archive)) = (revise, &opened) {
        revise_known(
            archive,
            &previous,
            revise,
            options.sha512,
            &mut state,
            &mut new_content,
        )?;
    }
    let mut extracted_docs: HashMap<String, Document> = HashMap::new();
    let mut failed = 0usize;
    {
        let mut sink = |index: usize, out: Extracted| {
            let Some(input) = to_extract.get(index) else {
                return;
            };
            let (record, record512) = hashed(&out.record_json, options.sha512);
            let (text, text512) = hashed(&out.text, options.sha512);
            if !out.ok {
                failed += 1;
            }
            for (digest, sha512, bytes, kind) in [
                (&record, record512, out.record_json, Kind::Record),
                (&text, text512, out.text, Kind::Text),
            ] {
                if !previous.manifest.contains_key(digest) {
                    new_content
                        .entry(digest.clone())
                        .or_insert_with(|| NewContent {
                            path: inventory::content_path(kind, digest),
                            sha512,
                            bytes: bytes.len() as u64,
                            content: Content::Bytes(bytes),
                            deflate: true,
                        });
                }
            }
            extracted_docs.insert(
                input.sha256.clone(),
                Document {
                    pdf: input.sha256.clone(),
                    record,
                    text,
                    ok: out.ok,
                },
            );
        };
        if !to_extract.is_empty() {
            extract(&to_extract, &mut sink)?;
        }
    }
    let mut final_state: BTreeMap<String, Document> = BTreeMap::new();
    for input in inputs {
        let doc = match state.get(&input.logical_path).cloned().flatten() {
            Some(doc) => doc,
            None => extracted_docs.get(&input.sha256).cloned().ok_or_else(|| {
                Error::new(format!(
                    "extraction gave no result for {}",
                    input.pdf.display()
                ))
            })?,
        };
        if !previous.manifest.contains_key(&input.sha256) {
            new_content
                .entry(input.sha256.clone())
                .or_insert_with(|| NewContent {
                    path: inventory::content_path(Kind::Pdf, &input.sha256),
                    sha512: input.sha512.clone(),
                    bytes: input.bytes,
                    content: Content::File(input.pdf.clone()),
                    deflate: false,
                });
        }
        final_state.insert(input.logical_path.clone(), doc);
    }

    let changes = inventory::diff(&previous.state, &final_state);
    if changes.is_empty() && previous.version > 0 {
        return Ok(Packed::Unchanged {
            version: previous.version,
        });
    }

    let mut manifest = previous.manifest.clone();
    let mut payload = Vec::new();
    for (digest, item) in new_content {
        manifest.insert(
            digest.clone(),
            Stored {
                version,
                path: item.path.clone(),
                bytes: item.bytes,
            },
        );
        payload.push(PayloadItem {
            path: item.path,
            sha256: digest,
            sha512: item.sha512,
            bytes: item.bytes,
            content: item.content,
            deflate: item.deflate,
        });
    }
    let stored_files = payload.len() as u64;
    let stored_bytes: u64 = payload.iter().map(|p| p.bytes).sum();
    let mut versions = previous.versions.clone();
    versions.push(VersionInfo {
        version,
        date: options.date.rfc3339(),
        message: options.message.clone(),
        previous_bundle_sha256: previous_sha256.clone(),
        documents: final_state.len() as u64,
        added: changes.added.len() as u64,
        changed: changes.changed.len() as u64,
        removed: changes.removed.len() as u64,
        renamed: changes.renamed.len() as u64,
        stored_files,
        stored_bytes,
    });
    let documents = final_state.len();
    let next = Inventory {
        schema: inventory::SCHEMA.to_string(),
        name: name.clone(),
        version,
        state: final_state,
        manifest,
        versions,
    };
    let info = BundleInfo {
        name: name.clone(),
        version,
        date: options.date,
        message: options.message.clone(),
        source_organization: options.source_organization.clone(),
        previous_sha256,
        sha512: options.sha512,
    };
    let (bundle, bundle_sha256) = write_atomically(dir, &info, payload, next.to_json())?;
    drop(held);
    Ok(Packed::Written(Box::new(PackSummary {
        version,
        bundle,
        bundle_sha256,
        changes,
        documents,
        extracted: to_extract.len(),
        reused,
        failed,
        stored_files,
        stored_bytes,
        cleaned,
    })))
}

/// Give the known documents `revise` wants their revised records, read
/// and revised once per PDF; the new records become new content.
fn revise_known(
    archive: &Archive,
    previous: &Inventory,
    revise: &dyn Revise,
    sha512: bool,
    state: &mut BTreeMap<String, Option<Document>>,
    new_content: &mut BTreeMap<String, NewContent>,
) -> Result<()> {
    let mut done: HashMap<String, Document> = HashMap::new();
    for doc in state.values_mut().flatten() {
        if !revise.wants(&doc.pdf) {
            continue;
        }
        if let Some(revised) = done.get(&doc.pdf) {
            *doc = revised.clone();
            continue;
        }
        let stored = archive.read_content(previous, &doc.record)?;
        if let Some(record_json) = revise.revise(&doc.pdf, &stored) {
            let (digest, digest512) = hashed(&record_json, sha512);
            if !previous.manifest.contains_key(&digest) {
                new_content
                    .entry(digest.clone())
                    .or_insert_with(|| NewContent {
                        path: inventory::content_path(Kind::Record, &digest),
                        sha512: digest512,
                        bytes: record_json.len() as u64,
                        content: Content::Bytes(record_json),
                        deflate: true,
                    });
            }
            doc.record = digest;
        }
        done.insert(doc.pdf.clone(), doc.clone());
    }
    Ok(())
}

/// Building on a damaged latest bundle would chain the damage in: check
/// its structure and inventory (not its digests) first.
fn refuse_damaged(archive: &Archive, version: u32) -> Result<()> {
    let Some(file) = archive.bundles.iter().find(|b| b.version == version) else {
        return Ok(());
    };
    let bag = super::source::ZipBag::open(&file.path)
        .map_err(|cause| Error::new(format!("{}: {cause}", file.path.display())))?;
    let (report, _) = super::verify::check_bundle(&bag, true);
    match report.findings.iter().find(|f| f.is_error()) {
        Some(problem) => Err(Error::new(format!(
            "the latest bundle is damaged ({problem}); nothing written. Run bindery verify {}",
            archive.dir.display()
        ))),
        None => Ok(()),
    }
}

/// Write the bundle to a temporary file in the archive folder, fsync it,
/// rename it into place and fsync the folder: a kill at any moment leaves
/// either no new version or the whole new version.
fn write_atomically(
    dir: &Path,
    info: &BundleInfo,
    payload: Vec<PayloadItem<'_>>,
    inventory_json: Vec<u8>,
) -> Result<(PathBuf, String)> {
    let final_name = bundle::file_name(&info.name, info.version);
    let target = dir.join(&final_name);
    if target.exists() {
        return Err(Error::new(format!("{} already exists", target.display())));
    }
    let temp = dir.join(format!("{TEMP_PREFIX}{}-{final_name}", std::process::id()));
    let result = (|| {
        let file = std::fs::File::create_new(&temp).map_err(|e| Error::io(&temp, "create", &e))?;
        let writer = BufWriter::with_capacity(1 << 20, file);
        let mut writer =
            bundle::write_bundle(writer, info, payload, inventory_json).map_err(Error::new)?;
        writer.flush().map_err(|e| Error::io(&temp, "write", &e))?;
        let file = writer
            .into_inner()
            .map_err(|e| Error::io(&temp, "write", e.error()))?;
        file.sync_all().map_err(|e| Error::io(&temp, "sync", &e))?;
        drop(file);
        let sha =
            super::digest::sha256_file(&temp).map_err(|e| Error::io(&temp, "read back", &e))?;
        std::fs::rename(&temp, &target).map_err(|e| Error::io(&target, "rename into place", &e))?;
        sync_dir(dir).map_err(|e| Error::io(dir, "sync", &e))?;
        Ok(sha)
    })();
    match result {
        Ok(sha) => Ok((target, sha)),
        Err(err) => {
            let _ = std::fs::remove_file(&temp);
            Err(err)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    fn fake_extract(log: &RefCell<Vec<String>>) -> Box<ExtractFn<'_>> {
        Box::new(
            move |todo: &[PackInput], sink: &mut dyn FnMut(usize, Extracted)| {
                for (i, input) in todo.iter().enumerate() {
                    log.borrow_mut().push(input.logical_path.clone());
                    sink(
                        i,
                        Extracted {
                            record_json: format!("{{\"id\":\"{}\"}}", input.sha256).into_bytes(),
                            text: format!("text of {}", input.sha256).into_bytes(),
                            ok: true,
                        },
                    );
                }
                Ok(())
            },
        )
    }

    #[test]
    fn unchanged_pdfs_are_not_extracted_again_and_renames_store_nothing() {
        let dir = std::env::temp_dir().join(format!("bindery-pack-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let input = dir.join("in");
        let _ = std::fs::create_dir_all(&input);
        for (name, body) in [
            ("a.pdf", "%PDF-a"),
            ("b.pdf", "%PDF-b"),
            ("c.pdf", "%PDF-a"),
        ] {
            let _ = std::fs::write(input.join(name), body);
        }
        let files = |names: &[&str]| -> Vec<(String, PathBuf)> {
            names
                .iter()
                .map(|n| (n.to_string(), input.join(n)))
                .collect()
        };
        let options = PackOptions {
            archive: dir.join("arch"),
            name: Some("t".into()),
            message: "m".into(),
            date: Timestamp { epoch: 0 },
            source_organization: None,
            sha512: false,
            retry_failed: false,
        };
        let log = RefCell::new(Vec::new());
        let inputs = hash_inputs(&files(&["a.pdf", "b.pdf", "c.pdf"]), false).unwrap_or_default();
        let first = pack(&inputs, &options, fake_extract(&log), None);
        // c.pdf has a.pdf's bytes: extracted once.
        assert_eq!(*log.borrow(), ["a.pdf", "b.pdf"]);
        let Ok(Packed::Written(summary)) = first else {
            panic!("first pack: {first:?}")
        };
        assert_eq!((summary.version, summary.stored_files), (1, 6));

        // Rename b.pdf to d.pdf: nothing to extract, nothing new stored.
        let _ = std::fs::rename(input.join("b.pdf"), input.join("d.pdf"));
        log.borrow_mut().clear();
        let inputs = hash_inputs(&files(&["a.pdf", "c.pdf", "d.pdf"]), false).unwrap_or_default();
        let second = pack(&inputs, &options, fake_extract(&log), None);
        assert!(log.borrow().is_empty());
        let Ok(Packed::Written(summary)) = second else {
            panic!("second pack: {second:?}")
        };
        assert_eq!(summary.stored_files, 0);
        assert_eq!(
            summary.changes.renamed,
            [("b.pdf".to_string(), "d.pdf".to_string())]
        );

        let third = pack(&inputs, &options, fake_extract(&log), None);
        assert!(matches!(third, Ok(Packed::Unchanged { version: 2 })));
        let report = super::super::verify::verify_path(&options.archive, false);
        assert!(report.is_ok_and(|r| r.is_valid() && r.bags == 2));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn failed_extractions_are_retried_only_when_asked() {
        let dir = std::env::temp_dir().join(format!("bindery-retry-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::create_dir_all(&dir);
        let pdf = dir.join("locked.pdf");
        let _ = std::fs::write(&pdf, "%PDF-locked");
        let inputs = hash_inputs(&[("locked.pdf".to_string(), pdf)], false).unwrap_or_default();
        let mut options = PackOptions {
            archive: dir.join("arch"),
            name: Some("r".into()),
            message: String::new(),
            date: Timestamp { epoch: 0 },
            source_organization: None,
            sha512: false,
            retry_failed: false,
        };
        let counter = RefCell::new(0);
        let calls = &counter;
        let extract = move |ok: bool| -> Box<ExtractFn<'_>> {
            Box::new(
                move |todo: &[PackInput], sink: &mut dyn FnMut(usize, Extracted)| {
                    *calls.borrow_mut() += todo.len();
                    for i in 0..todo.len() {
                        let record_json = format!("{{\"ok\":{ok}}}").into_bytes();
                        sink(
                            i,
                            Extracted {
                                record_json,
                                text: Vec::new(),
                                ok,
                            },
                        );
                    }
                    Ok(())
                },
            )
        };
        assert!(matches!(
            pack(&inputs, &options, extract(false), None),
            Ok(Packed::Written(_))
        ));
        assert!(matches!(
            pack(&inputs, &options, extract(true), None),
            Ok(Packed::Unchanged { .. })
        ));
        assert_eq!(*calls.borrow(), 1);
        options.retry_failed = true;
        let retried = pack(&inputs, &options, extract(true), None);
        assert_eq!(*calls.borrow(), 2);
        let Ok(Packed::Written(summary)) = retried else {
            panic!("retry: {retried:?}")
        };
        assert_eq!(summary.changes.changed, ["locked.pdf"]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn clashing_logical_paths_are_refused() {
        let files = vec![
            ("x.pdf".to_string(), PathBuf::from("a/x.pdf")),
            ("x.pdf".to_string(), PathBuf::from("b/x.pdf")),
        ];
        assert!(hash_inputs(&files, false).is_err_and(|e| e.to_string().contains("both be")));
    }
}
