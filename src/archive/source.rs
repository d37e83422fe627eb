//! Where a bag's files come from: an unzipped folder or a bundle zip. Both
//! list their files with sizes, read small tag files whole and stream
//! payload files through a hasher; neither follows links nor trusts sizes.

use super::digest::{Algorithm, Digests, digest_reader};
use super::report::Finding;
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use zip::ZipArchive;

/// One file of a bag, `path` relative to the bag's top folder, `/`-separated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BagFile {
    pub path: String,
    pub size: u64,
}

/// The files of a bag, however stored.
pub trait BagSource: Sync {
    /// How problems name this bag: the zip's or folder's file name.
    fn label(&self) -> &str;
    /// Every regular file, sorted by path bytes.
    fn files(&self) -> &[BagFile];
    /// The whole content of a file no larger than `limit` bytes.
    fn read(&self, path: &str, limit: u64) -> Result<Vec<u8>, String>;
    /// Stream a file through `algorithms`.
    fn digest(&self, path: &str, algorithms: &[Algorithm]) -> Result<Digests, String>;
    /// Problems found while listing (unsafe names, links, zip damage).
    fn findings(&self) -> &[Finding];
}

/// An unzipped bag on disk.
pub struct FolderBag {
    root: PathBuf,
    label: String,
    files: Vec<BagFile>,
    findings: Vec<Finding>,
}

impl FolderBag {
    pub fn open(root: &Path) -> io::Result<FolderBag> {
        let label = root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| root.display().to_string());
        let mut bag = FolderBag {
            root: root.to_path_buf(),
            label,
            files: Vec::new(),
            findings: Vec::new(),
        };
        // An explicit stack: folder depth comes from the input, not the code.
        let mut pending = vec![(root.to_path_buf(), String::new())];
        while let Some((dir, prefix)) = pending.pop() {
            for entry in std::fs::read_dir(&dir)? {
                let entry = entry?;
                let name = entry.file_name();
                let Some(name) = name.to_str() else {
                    bag.findings.push(Finding::error(
                        &bag.label,
                        &format!("{prefix}{}", name.to_string_lossy()),
                        "file name is not valid UTF-8",
                    ));
                    continue;
                };
                let path = format!("{prefix}{name}");
                let kind = entry.file_type()?;
                if kind.is_symlink() {
                    bag.findings.push(Finding::error(
                        &bag.label,
                        &path,
                        "symbolic link refused: a bag holds regular files only",
                    ));
                } else if kind.is_dir() {
                    pending.push((entry.path(), format!("{path}/")));
                } else if kind.is_file() {
                    let size = entry.metadata()?.len();
                    bag.files.push(BagFile { path, size });
                } else {
                    bag.findings.push(Finding::error(
                        &bag.label,
                        &path,
                        "not a regular file (device, socket or pipe)",
                    ));
                }
            }
        }
        bag.files
            .sort_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));
        Ok(bag)
    }

    fn full_path(&self, path: &str) -> PathBuf {
        let mut full = self.root.clone();
        full.extend(path.split('/'));
        full
    }
}

impl BagSource for FolderBag {
    fn label(&self) -> &str {
        &self.label
    }
    fn files(&self) -> &[BagFile] {
        &self.files
    }
    fn read(&self, path: &str, limit: u64) -> Result<Vec<u8>, String> {
        let file = File::open(self.full_path(path)).map_err(|e| e.to_string())?;
        read_bounded(file, limit)
    }
    fn digest(&self, path: &str, algorithms: &[Algorithm]) -> Result<Digests, String> {
        let file = File::open(self.full_path(path)).map_err(|e| e.to_string())?;
        digest_reader(file, algorithms).map_err(|e| e.to_string())
    }
    fn findings(&self) -> &[Finding] {
        &self.findings
    }
}

fn read_bounded(reader: impl Read, limit: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > limit {
        return Err(format!("larger than {limit} bytes; not read"));
    }
    Ok(bytes)
}

/// A file handle that can be cloned cheaply, each clone with its own
/// position (positional reads), so threads can read one zip at once.
#[derive(Clone)]
struct SharedFile {
    file: Arc<File>,
    position: u64,
    len: u64,
}

impl Read for SharedFile {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = read_at(&self.file, buf, self.position)?;
        self.position += n as u64;
        Ok(n)
    }
}

impl Seek for SharedFile {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        let target = match pos {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.position.checked_add_signed(d),
        };
        match target {
            Some(n) => {
                self.position = n;
                Ok(n)
            }
            None => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "seek before the start of the file",
            )),
        }
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, offset)
}

/// Deflate cannot shrink data more than about 1032:1; a larger claimed
/// ratio is a zip bomb or a lie, and is refused before reading.
const MAX_RATIO: u64 = 1100;

/// A bag inside a zip: one top folder holding the bag.
pub struct ZipBag {
    label: String,
    archive: ZipArchive<SharedFile>,
    /// The top folder's name (the bundle's `<name>_vNNNN`).
    pub root: String,
    files: Vec<BagFile>,
    index: HashMap<String, usize>,
    findings: Vec<Finding>,
}

impl ZipBag {
    /// Open and check the zip's structure. Err when it is not a readable
    /// zip at all (the cause, for a finding).
    pub fn open(path: &Path) -> Result<ZipBag, String> {
        let label = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let file = File::open(path).map_err(|e| format!("cannot open: {e}"))?;
        let len = file.metadata().map_err(|e| e.to_string())?.len();
        let shared = SharedFile {
            file: Arc::new(file),
            position: 0,
            len,
        };
        let mut archive =
            ZipArchive::new(shared).map_err(|e| format!("not a readable zip: {e}"))?;
        let mut findings = Vec::new();
        if archive.has_duplicate_names() {
            findings.push(Finding::error(
                &label,
                "",
                "two zip entries have the same name: which one is meant is ambiguous",
            ));
        } else if let Err(err) = archive.clone().validate_header_consistency() {
            findings.push(Finding::error(
                &label,
                "",
                &format!("zip headers disagree: {err}"),
            ));
        }
        let mut entries: Vec<(String, usize, u64)> = Vec::new();
        for i in 0..archive.len() {
            let entry = match archive.by_index_data(i) {
                Ok(entry) => entry,
                Err(err) => {
                    findings.push(Finding::error(&label, "", &format!("zip entry {i}: {err}")));
                    continue;
                }
            };
            let Ok(name) = std::str::from_utf8(entry.name_raw()) else {
                findings.push(Finding::error(
                    &label,
                    &String::from_utf8_lossy(entry.name_raw()),
                    "entry name is not valid UTF-8",
                ));
                continue;
            };
            if let Some(cause) = unsafe_name(name) {
                findings.push(Finding::error(&label, name, cause));
                continue;
            }
            if entry.is_symlink() {
                findings.push(Finding::error(&label, name, "symbolic link entry refused"));
                continue;
            }
            if entry.is_dir() {
                continue;
            }
            if entry.encrypted() {
                findings.push(Finding::error(&label, name, "encrypted entry refused"));
                continue;
            }
            let method = entry.compression();
            if method != zip::CompressionMethod::Stored
                && method != zip::CompressionMethod::Deflated
            {
                findings.push(Finding::error(
                    &label,
                    name,
                    &format!("compression method {method} is not stored or deflate"),
                ));
                continue;
            }
            let (size, packed) = (entry.size(), entry.compressed_size());
            if size > packed.saturating_mul(MAX_RATIO).saturating_add(1 << 16) {
                findings.push(Finding::error(
                    &label,
                    name,
                    &format!(
                        "claims {size} bytes from {packed} compressed: an impossible ratio (zip bomb?); not read"
                    ),
                ));
                continue;
            }
            if packed > len {
                findings.push(Finding::error(
                    &label,
                    name,
                    &format!("claims {packed} compressed bytes in a {len}-byte file"),
                ));
                continue;
            }
            entries.push((name.to_string(), i, size));
        }
        let mut roots: Vec<&str> = entries
            .iter()
            .map(|(n, _, _)| n.split('/').next().unwrap_or(""))
            .collect();
        roots.sort_unstable();
        roots.dedup();
        let root = match roots.as_slice() {
            [only] if entries.iter().all(|(n, _, _)| n.contains('/')) => only.to_string(),
            [] => String::new(),
            _ => {
                findings.push(Finding::error(
                    &label,
                    "",
                    &format!(
                        "a bundle holds exactly one top folder; this zip has {}",
                        roots.join(", ")
                    ),
                ));
                // Read the bag under the most common top folder anyway.
                most_common_root(&entries)
            }
        };
        let prefix = format!("{root}/");
        let mut files = Vec::new();
        let mut index = HashMap::new();
        for (name, i, size) in entries {
            if let Some(rel) = name.strip_prefix(&prefix) {
                index.insert(rel.to_string(), i);
                files.push(BagFile {
                    path: rel.to_string(),
                    size,
                });
            }
        }
        files.sort_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));
        // by_index_data above needed &self only; keep the archive for reads.
        let _ = &mut archive;
        Ok(ZipBag {
            label,
            archive,
            root,
            files,
            index,
            findings,
        })
    }

    fn open_entry(&self, path: &str) -> Result<(zip::ZipArchive<SharedFile>, usize, u64), String> {
        let &i = self
            .index
            .get(path)
            .ok_or_else(|| "no such entry".to_string())?;
        let size = self
            .files
            .binary_search_by(|f| f.path.as_bytes().cmp(path.as_bytes()))
            .ok()
            .and_then(|k| self.files.get(k))
            .map_or(0, |f| f.size);
        Ok((self.archive.clone(), i, size))
    }
}

fn most_common_root(entries: &[(String, usize, u64)]) -> String {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (name, _, _) in entries {
        if let Some((root, _)) = name.split_once('/') {
            *counts.entry(root).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(r, _)| r.to_string())
        .unwrap_or_default()
}

/// Why a zip entry name could write outside its folder, if it could.
pub fn unsafe_name(name: &str) -> Option<&'static str> {
    if name.starts_with('/') || name.contains('\\') || name.contains(':') {
        return Some("absolute or drive path refused");
    }
    if name.contains('\0') {
        return Some("entry name contains a NUL byte");
    }
    let trimmed = name.strip_suffix('/').unwrap_or(name);
    if trimmed
        .split('/')
        .any(|c| c.is_empty() || c == "." || c == "..")
    {
        return Some("entry name has an empty, '.' or '..' component: refused");
    }
    None
}

/// A zip read error in words: the zip crate's "Invalid checksum" is the
/// entry's CRC-32 not matching its bytes.
fn describe(err: impl std::fmt::Display) -> String {
    let text = err.to_string();
    if text.contains("Invalid checksum") {
        "the zip's CRC-32 does not match the entry's bytes: the bundle is damaged".to_string()
    } else {
        text
    }
}

/// Reads an entry, failing if it yields more or fewer bytes than declared.
struct Exact<R> {
    inner: R,
    declared: u64,
    seen: u64,
}

impl<R: Read> Read for Exact<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.seen += n as u64;
        if self.seen > self.declared {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("entry inflates past its declared {} bytes", self.declared),
            ));
        }
        if n == 0 && !buf.is_empty() && self.seen < self.declared {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!(
                    "entry ends after {} of its declared {} bytes",
                    self.seen, self.declared
                ),
            ));
        }
        Ok(n)
    }
}

impl ZipBag {
    /// Stream an entry's bytes into `out` (checked against the declared
    /// size and the zip's CRC).
    pub fn copy(&self, path: &str, out: &mut dyn std::io::Write) -> Result<u64, String> {
        let (mut archive, i, size) = self.open_entry(path)?;
        let entry = archive.by_index(i).map_err(|e| e.to_string())?;
        let mut exact = Exact {
            inner: entry,
            declared: size,
            seen: 0,
        };
        io::copy(&mut exact, out).map_err(describe)
    }
}

impl BagSource for ZipBag {
    fn label(&self) -> &str {
        &self.label
    }
    fn files(&self) -> &[BagFile] {
        &self.files
    }
    fn read(&self, path: &str, limit: u64) -> Result<Vec<u8>, String> {
        let (mut archive, i, size) = self.open_entry(path)?;
        if size > limit {
            return Err(format!("{size} bytes, larger than {limit}; not read"));
        }
        let entry = archive.by_index(i).map_err(|e| e.to_string())?;
        let mut exact = Exact {
            inner: entry,
            declared: size,
            seen: 0,
        };
        // Grow as bytes arrive: the declared size is a claim, not a fact.
        let mut bytes = Vec::with_capacity(size.min(1 << 20) as usize);
        exact.read_to_end(&mut bytes).map_err(describe)?;
        Ok(bytes)
    }
    fn digest(&self, path: &str, algorithms: &[Algorithm]) -> Result<Digests, String> {
        let (mut archive, i, size) = self.open_entry(path)?;
        let entry = archive.by_index(i).map_err(|e| e.to_string())?;
        let exact = Exact {
            inner: entry,
            declared: size,
            seen: 0,
        };
        digest_reader(exact, algorithms).map_err(describe)
    }
    fn findings(&self) -> &[Finding] {
        &self.findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_escape_are_refused() {
        for bad in [
            "/etc/passwd",
            "a/../../x",
            "..",
            "a\\..\\x",
            "C:/x",
            "a//b",
            "./a",
        ] {
            assert!(unsafe_name(bad).is_some(), "{bad}");
        }
        for good in ["bag_v0001/data/x.pdf", "bag_v0001/", "a/b.c"] {
            assert!(unsafe_name(good).is_none(), "{good}");
        }
    }
}
