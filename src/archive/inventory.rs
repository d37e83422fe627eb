//! `data/inventory.json`: the full logical state of one version, OCFL-style.
//! Each document's logical path maps to the digests of its PDF, record and
//! text; a manifest maps every digest to the version whose bundle stores it;
//! the version history says what each version changed.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Schema identifier written in every inventory.
pub const SCHEMA: &str = "bindery.inventory/1";

/// Where the inventory lives inside a bag.
pub const PATH: &str = "data/inventory.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inventory {
    pub schema: String,
    /// The archive's stable name (bag-info External-Identifier).
    pub name: String,
    /// This version's number, from 1.
    pub version: u32,
    /// Logical path -> the document's content digests.
    pub state: BTreeMap<String, Document>,
    /// Hex SHA-256 -> where that content is stored.
    pub manifest: BTreeMap<String, Stored>,
    /// Every version so far, oldest first; the last is this one.
    pub versions: Vec<VersionInfo>,
}

/// One document of a version: the hex SHA-256 of its three files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub pdf: String,
    pub record: String,
    pub text: String,
    /// Whether extraction succeeded (the record's status is "ok").
    pub ok: bool,
}

/// Where one piece of content is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    /// The version whose bundle holds it.
    pub version: u32,
    /// Its path inside that bag, e.g. `data/pdf/<sha256>.pdf`.
    pub path: String,
    pub bytes: u64,
}

/// What one version did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionInfo {
    pub version: u32,
    /// RFC 3339, UTC.
    pub date: String,
    pub message: String,
    /// SHA-256 of the previous bundle file; None for version 1.
    pub previous_bundle_sha256: Option<String>,
    /// Documents in the state after this version.
    pub documents: u64,
    pub added: u64,
    pub changed: u64,
    pub removed: u64,
    pub renamed: u64,
    /// Payload files this version's bundle stores (inventory excluded), and their bytes.
    pub stored_files: u64,
    pub stored_bytes: u64,
}

/// The payload path of content with digest `sha256` of a kind.
pub fn content_path(kind: Kind, sha256: &str) -> String {
    match kind {
        Kind::Pdf => format!("data/pdf/{sha256}.pdf"),
        Kind::Record => format!("data/record/{sha256}.json"),
        Kind::Text => format!("data/text/{sha256}.txt"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Pdf,
    Record,
    Text,
}

/// The digest a content path is named after, if it is one.
pub fn digest_in_path(path: &str) -> Option<&str> {
    let name = path
        .strip_prefix("data/pdf/")
        .and_then(|n| n.strip_suffix(".pdf"))
        .or_else(|| {
            path.strip_prefix("data/record/")
                .and_then(|n| n.strip_suffix(".json"))
        })
        .or_else(|| {
            path.strip_prefix("data/text/")
                .and_then(|n| n.strip_suffix(".txt"))
        })?;
    (name.len() == 64 && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
        .then_some(name)
}

impl Inventory {
    pub fn empty(name: &str) -> Inventory {
        Inventory {
            schema: SCHEMA.to_string(),
            name: name.to_string(),
            version: 0,
            state: BTreeMap::new(),
            manifest: BTreeMap::new(),
            versions: Vec::new(),
        }
    }

    /// Pretty, key-sorted JSON with a final newline: deterministic bytes.
    pub fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(self).unwrap_or_default();
        out.push(b'\n');
        out
    }

    pub fn from_json(bytes: &[u8]) -> Result<Inventory, String> {
        let inventory: Inventory =
            serde_json::from_slice(bytes).map_err(|e| format!("not a bindery inventory: {e}"))?;
        if inventory.schema != SCHEMA {
            return Err(format!(
                "inventory schema {:?} is not {SCHEMA:?}",
                inventory.schema
            ));
        }
        Ok(inventory)
    }

    /// The logical paths of the state whose PDF has `sha256`.
    pub fn paths_of_pdf(&self, sha256: &str) -> Vec<&str> {
        self.state
            .iter()
            .filter(|(_, d)| d.pdf == sha256)
            .map(|(p, _)| p.as_str())
            .collect()
    }
}

/// What changed between two states.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
    /// (from, to): the same PDF under a new path.
    pub renamed: Vec<(String, String)>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && self.removed.is_empty()
            && self.renamed.is_empty()
    }
}

/// Compare two states. A path that disappears while a new path with the same
/// PDF appears is a rename; pairs are made in path order.
pub fn diff(old: &BTreeMap<String, Document>, new: &BTreeMap<String, Document>) -> Changes {
    let mut changes = Changes::default();
    let mut gone: Vec<&String> = Vec::new();
    let mut arrived: Vec<&String> = Vec::new();
    for (path, doc) in new {
        match old.get(path) {
            None => arrived.push(path),
            Some(before) if before != doc => changes.changed.push(path.clone()),
            Some(_) => {}
        }
    }
    for path in old.keys() {
        if !new.contains_key(path) {
            gone.push(path);
        }
    }
    let mut matched_new = BTreeSet::new();
    for from in &gone {
        let pdf = old.get(*from).map(|d| d.pdf.as_str()).unwrap_or("");
        let to = arrived
            .iter()
            .find(|p| !matched_new.contains(**p) && new.get(**p).is_some_and(|d| d.pdf == pdf));
        match to {
            Some(to) => {
                matched_new.insert((*to).clone());
                changes.renamed.push(((*from).clone(), (*to).clone()));
            }
            None => changes.removed.push((*from).clone()),
        }
    }
    changes.added = arrived
        .into_iter()
        .filter(|p| !matched_new.contains(*p))
        .cloned()
        .collect();
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(pdf: &str) -> Document {
        Document {
            pdf: pdf.into(),
            record: format!("r{pdf}"),
            text: format!("t{pdf}"),
            ok: true,
        }
    }

    #[test]
    fn diff_finds_each_kind_of_change() {
        let old: BTreeMap<String, Document> = [("a", "1"), ("b", "2"), ("c", "3")]
            .into_iter()
            .map(|(p, d)| (p.to_string(), doc(d)))
            .collect();
        let new: BTreeMap<String, Document> = [("a", "1"), ("b", "9"), ("z/c", "3"), ("d", "4")]
            .into_iter()
            .map(|(p, d)| (p.to_string(), doc(d)))
            .collect();
        let c = diff(&old, &new);
        assert_eq!(c.added, ["d"]);
        assert_eq!(c.changed, ["b"]);
        assert!(c.removed.is_empty());
        assert_eq!(c.renamed, [("c".to_string(), "z/c".to_string())]);
        assert!(diff(&new, &new).is_empty());
    }

    #[test]
    fn content_paths_round_trip() {
        let d = "ab".repeat(32);
        assert_eq!(
            digest_in_path(&content_path(Kind::Text, &d)),
            Some(d.as_str())
        );
        assert_eq!(digest_in_path("data/pdf/../x.pdf"), None);
        assert_eq!(digest_in_path("data/inventory.json"), None);
    }
}
