//! Reading an opened archive as scripts and the `diff` and `show` commands
//! do: the documents of a version with their digests, what changed between
//! two versions, one document's record, and verification of any bag path.
//! (`open`, `pack`, `versions` and `verify` live with [`Archive`] itself.)

use super::inventory::{self, Changes, Document};
use super::report::Report;
use super::{Archive, verify};
use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

impl Archive {
    /// The documents of `version`: logical path -> the SHA-256 of its PDF,
    /// record and text, and whether its extraction succeeded.
    pub fn documents(&self, version: u32) -> Result<BTreeMap<String, Document>> {
        let version = self.resolve_version(Some(version))?;
        Ok(self.inventory(version)?.state)
    }

    /// Documents added, changed, removed and renamed from version `from` to
    /// version `to` (`from` may be 0: the empty archive before version 1).
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("bindery-doc-changes-{}", std::process::id()));
    /// # let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    /// use bindery::archive::{date::Timestamp, pack::PackOptions};
    /// use bindery::{Archive, ExtractOptions};
    /// let inbox = dir.join("inbox");
    /// std::fs::create_dir_all(&inbox)?;
    /// std::fs::copy(samples.join("chromium-brief.pdf"), inbox.join("heat.pdf"))?;
    /// let archive_dir = dir.join("archive");
    /// let first = PackOptions::new(&archive_dir, "first", "2024-06-01".parse()?);
    /// Archive::pack(&[inbox.clone()], &first, &ExtractOptions::default(), 2)?;
    /// std::fs::rename(inbox.join("heat.pdf"), inbox.join("heat-action.pdf"))?;
    /// let second = PackOptions::new(&archive_dir, "renamed", "2024-06-02".parse()?);
    /// Archive::pack(&[inbox], &second, &ExtractOptions::default(), 2)?;
    ///
    /// let changes = Archive::open(&archive_dir)?.changes(1, 2)?;
    /// assert_eq!(changes.renamed, [("heat.pdf".to_string(), "heat-action.pdf".to_string())]);
    /// assert!(changes.added.is_empty());
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("bindery-doc-record-{}", std::process::id()));
    /// # let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    /// use bindery::archive::pack::PackOptions;
    /// use bindery::{Archive, ExtractOptions};
    /// let pdf = samples.join("water-policy-brief.pdf");
    /// let options = PackOptions::new(&dir, "load", "2024-06-01".parse()?);
    /// Archive::pack(&[pdf], &options, &ExtractOptions::default(), 1)?;
    ///
    /// let archive = Archive::open(&dir)?;
    /// let record = archive.record(1, "water-policy-brief.pdf")?;
    /// assert_eq!(record["metadata"]["title"]["value"], "Pricing Urban Water for Scarcity");
    /// // The id, or its first characters, finds the same record.
    /// let id = record["id"].as_str().unwrap_or_default();
    /// assert_eq!(archive.record(1, &id[..8])?, record);
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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

    /// Verify whatever `path` is: an archive folder, one bundle zip, or an
    /// unzipped bag folder. `Err` only when verification cannot run.
    pub fn verify_path(path: &Path, fast: bool) -> Result<Report> {
        verify::verify_path(path, fast)
    }
}
