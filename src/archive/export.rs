//! Getting a version back out of an archive: its PDFs with their records
//! (`restore`), its records as JSON Lines, or the whole state as one
//! self-contained bag zip (`export`). Nothing here writes over an existing
//! file, and a bag is written under a temporary name and renamed into place
//! only when complete.

use super::Archive;
use super::bundle::{self, BundleInfo, Content, PayloadItem};
use super::date::Timestamp;
use super::inventory::{Inventory, Stored};
use super::verify::safe_logical_path;
use crate::atomic::temp_path_for;
use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What a restore or a bag export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// The version written.
    pub version: u32,
    /// Its documents.
    pub documents: usize,
    /// The files written (restore: a PDF and a record per document; bag:
    /// the payload files).
    pub files: usize,
}

impl Archive {
    /// Write the PDFs of `version` under their original relative paths in
    /// `out`, each with its record beside it as `<path>.json`. `out` must
    /// be a new or empty folder; nothing is overwritten.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("bindery-doc-restore-{}", std::process::id()));
    /// # let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    /// use bindery::archive::pack::PackOptions;
    /// use bindery::{Archive, ExtractOptions};
    /// let options = PackOptions::new(&dir.join("archive"), "load", "2024-06-01".parse()?);
    /// Archive::pack(&[samples.join("water-policy-brief.pdf")], &options, &ExtractOptions::default(), 1)?;
    ///
    /// let archive = Archive::open(&dir.join("archive"))?;
    /// let written = archive.restore(1, &dir.join("out"))?;
    /// assert_eq!((written.documents, written.files), (1, 2));
    /// let restored = std::fs::read(dir.join("out/water-policy-brief.pdf"))?;
    /// assert_eq!(restored, std::fs::read(samples.join("water-policy-brief.pdf"))?);
    /// assert!(dir.join("out/water-policy-brief.pdf.json").is_file());
    /// // A second restore into the same folder is refused.
    /// assert!(archive.restore(1, &dir.join("out")).is_err());
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn restore(&self, version: u32, out: &Path) -> Result<Written> {
        let version = self.resolve_version(Some(version))?;
        let inventory = self.inventory(version)?;
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
                write_new(path, |file| self.copy_content(&inventory, digest, file))?;
                files += 1;
            }
        }
        Ok(Written {
            version,
            documents: inventory.state.len(),
            files,
        })
    }

    /// Write the records of `version` to `out` as JSON Lines, one record
    /// per line in logical-path order. Returns the number of records.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("bindery-doc-jsonl-{}", std::process::id()));
    /// # let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    /// use bindery::archive::pack::PackOptions;
    /// use bindery::{Archive, ExtractOptions};
    /// let options = PackOptions::new(&dir, "load", "2024-06-01".parse()?);
    /// Archive::pack(&[samples], &options, &ExtractOptions::default(), 2)?;
    ///
    /// let mut lines = Vec::new();
    /// let count = Archive::open(&dir)?.export_jsonl(1, &mut lines)?;
    /// let text = String::from_utf8(lines)?;
    /// assert_eq!(text.lines().count(), count);
    /// for line in text.lines() {
    ///     let record: serde_json::Value = serde_json::from_str(line)?;
    ///     assert_eq!(record["checksum"].as_str().map(str::len), Some(64));
    /// }
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn export_jsonl(&self, version: u32, out: &mut dyn Write) -> Result<usize> {
        let inventory = self.inventory(self.resolve_version(Some(version))?)?;
        for doc in inventory.state.values() {
            let mut record = self.read_content(&inventory, &doc.record)?;
            while record.last() == Some(&b'\n') {
                record.pop();
            }
            record.push(b'\n');
            out.write_all(&record)
                .map_err(|e| Error::from_io(format!("cannot write output: {e}"), &e))?;
        }
        Ok(inventory.state.len())
    }

    /// Write the whole state of `version` as one self-contained bag zip at
    /// `path`: a bundle holding every file that version needs, verifiable
    /// on its own (by `bindery verify` or, unzipped, by any BagIt tool).
    /// Refuses to replace an existing file.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("bindery-doc-bag-{}", std::process::id()));
    /// # let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    /// use bindery::archive::pack::PackOptions;
    /// use bindery::{Archive, ExtractOptions};
    /// let (inbox, archive_dir) = (dir.join("inbox"), dir.join("archive"));
    /// std::fs::create_dir_all(&inbox)?;
    /// std::fs::copy(samples.join("water-policy-brief.pdf"), inbox.join("water.pdf"))?;
    /// let first = PackOptions::new(&archive_dir, "one", "2024-06-01".parse()?);
    /// Archive::pack(&[inbox.clone()], &first, &ExtractOptions::default(), 1)?;
    /// std::fs::copy(samples.join("chromium-brief.pdf"), inbox.join("heat.pdf"))?;
    /// let second = PackOptions::new(&archive_dir, "two", "2024-06-02".parse()?);
    /// Archive::pack(&[inbox], &second, &ExtractOptions::default(), 1)?;
    ///
    /// // Version 2 alone stores one PDF; its export holds both documents.
    /// let bag = dir.join("state-v2.zip");
    /// let written = Archive::open(&archive_dir)?.export_bag(2, &bag)?;
    /// assert_eq!(written.documents, 2);
    /// assert!(Archive::verify_path(&bag, false)?.is_valid());
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn export_bag(&self, version: u32, path: &Path) -> Result<Written> {
        let inventory = self.inventory(self.resolve_version(Some(version))?)?;
        let last = inventory
            .versions
            .last()
            .ok_or_else(|| Error::new("the inventory has no versions"))?;
        let date = Timestamp::parse(&last.date).map_err(Error::new)?;
        let needed = needed_content(&inventory);
        let payload: Vec<PayloadItem<'_>> = needed
            .iter()
            .map(|(digest, stored)| self.payload_item(&inventory, digest, stored))
            .collect();
        let standalone = Inventory {
            manifest: needed,
            ..inventory.clone()
        };
        let info = BundleInfo {
            name: inventory.name.clone(),
            version: inventory.version,
            date,
            message: last.message.clone(),
            source_organization: None,
            previous_sha256: last.previous_bundle_sha256.clone(),
            sha512: false,
        };
        let files = payload.len();
        let temp = temp_path_for(path);
        let result = write_bag(&temp, path, &info, payload, standalone.to_json());
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result?;
        Ok(Written {
            version: inventory.version,
            documents: inventory.state.len(),
            files,
        })
    }

    fn payload_item<'a>(
        &'a self,
        inventory: &'a Inventory,
        digest: &str,
        stored: &Stored,
    ) -> PayloadItem<'a> {
        let digest_for_copy = digest.to_string();
        PayloadItem {
            path: stored.path.clone(),
            sha256: digest.to_string(),
            sha512: None,
            bytes: stored.bytes,
            deflate: !stored.path.ends_with(".pdf"),
            content: Content::Writer(Box::new(move |out: &mut dyn Write| {
                self.copy_content(inventory, &digest_for_copy, out)
                    .map_err(|e| e.to_string())
            })),
        }
    }
}

/// Every file the state of `inventory` needs, each now stored in that
/// version's own bag.
fn needed_content(inventory: &Inventory) -> BTreeMap<String, Stored> {
    let mut needed = BTreeMap::new();
    for doc in inventory.state.values() {
        for digest in [&doc.pdf, &doc.record, &doc.text] {
            if let Some(stored) = inventory.manifest.get(digest) {
                needed.insert(
                    digest.clone(),
                    Stored {
                        version: inventory.version,
                        ..stored.clone()
                    },
                );
            }
        }
    }
    needed
}

fn write_bag(
    temp: &Path,
    path: &Path,
    info: &BundleInfo,
    payload: Vec<PayloadItem<'_>>,
    inventory_json: Vec<u8>,
) -> Result<()> {
    let file = std::fs::File::create_new(temp).map_err(|e| Error::io(temp, "create", &e))?;
    let writer = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut writer =
        bundle::write_bundle(writer, info, payload, inventory_json, None).map_err(Error::new)?;
    writer.flush().map_err(|e| Error::io(temp, "write", &e))?;
    let file = writer
        .into_inner()
        .map_err(|e| Error::io(temp, "write", e.error()))?;
    file.sync_all().map_err(|e| Error::io(temp, "sync", &e))?;
    if path.exists() {
        return Err(Error::new(format!(
            "{} exists; not overwritten",
            path.display()
        )));
    }
    std::fs::rename(temp, path).map_err(|e| Error::io(path, "rename into place", &e))
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
