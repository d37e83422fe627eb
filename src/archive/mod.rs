//! Versioned archive bundles: an archive is a folder of bundles
//! `<name>_v0001.zip`, `<name>_v0002.zip`, ...; each bundle is a BagIt bag
//! in a zip holding only the content no earlier version holds, plus
//! `data/inventory.json`, the full state of that version. Bundles are
//! chained by the SHA-256 of the previous bundle file. `docs/bundle-format.md`
//! is the normative description.

pub mod api;
pub mod bag;
pub mod bundle;
pub mod date;
pub mod digest;
pub mod export;
pub mod inventory;
pub mod lock;
pub mod pack;
pub mod report;
pub mod source;
pub mod spool;
pub mod verify;

use crate::error::{Error, Result};
use inventory::Inventory;
use source::{BagSource, ZipBag};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// One bundle file of an archive folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleFile {
    pub name: String,
    pub version: u32,
    pub path: PathBuf,
}

/// `<name>_v<digits>.zip` -> (name, version).
pub fn parse_bundle_name(file_name: &str) -> Option<(String, u32)> {
    let stem = file_name.strip_suffix(".zip")?;
    let (name, digits) = stem.rsplit_once("_v")?;
    if digits.len() < 4 || !digits.bytes().all(|b| b.is_ascii_digit()) || !valid_name(name) {
        return None;
    }
    let version = digits.parse::<u32>().ok().filter(|&v| v > 0)?;
    (bundle::file_name(name, version) == file_name).then(|| (name.to_string(), version))
}

/// Archive names are safe file-name parts: letters, digits, '.', '_', '-',
/// not starting with '.' or '-'.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 100
        && !name.starts_with(['.', '-'])
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// A name for an archive without `--name`: its folder's name, made safe.
pub fn default_name(dir: &Path) -> String {
    let base = std::fs::canonicalize(dir)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let cleaned: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let cleaned = cleaned.trim_start_matches(['.', '-']).to_string();
    if valid_name(&cleaned) {
        cleaned
    } else {
        "archive".to_string()
    }
}

/// The bundles in `dir`, by version. Other files are not part of the
/// archive and are ignored here.
pub fn list_bundles(dir: &Path) -> Result<Vec<BundleFile>> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| Error::io(dir, "read the archive folder", &e))?;
    let mut bundles = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, "read the archive folder", &e))?;
        let file_name = entry.file_name();
        if let Some((name, version)) = file_name.to_str().and_then(parse_bundle_name) {
            bundles.push(BundleFile {
                name,
                version,
                path: entry.path(),
            });
        }
    }
    bundles.sort_by(|a, b| a.version.cmp(&b.version).then(a.name.cmp(&b.name)));
    Ok(bundles)
}

/// An archive opened for reading: its bundles, and zips opened on demand.
pub struct Archive {
    pub dir: PathBuf,
    pub name: String,
    pub bundles: Vec<BundleFile>,
    open: Mutex<HashMap<u32, Arc<ZipBag>>>,
}

impl Archive {
    /// Open the archive in folder `dir` for reading. Fails when the folder
    /// holds no bundles, or bundles of two archives.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("bindery-doc-open-{}", std::process::id()));
    /// # let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    /// use bindery::archive::pack::PackOptions;
    /// use bindery::{Archive, ExtractOptions};
    /// assert!(Archive::open(&dir).is_err(), "no archive there yet");
    /// let mut options = PackOptions::new(&dir, "load", "2024-06-01".parse()?);
    /// options.name = Some("briefs".into());
    /// Archive::pack(&[samples.join("chromium-brief.pdf")], &options, &ExtractOptions::default(), 1)?;
    ///
    /// let archive = Archive::open(&dir)?;
    /// assert_eq!((archive.name.as_str(), archive.latest_version()), ("briefs", 1));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open(dir: &Path) -> Result<Archive> {
        if !dir.is_dir() {
            return Err(Error::new(format!(
                "{} is not an archive folder",
                dir.display()
            )));
        }
        let bundles = list_bundles(dir)?;
        let Some(first) = bundles.first() else {
            return Err(Error::new(format!(
                "{} holds no bundles (<name>_v0001.zip, ...)",
                dir.display()
            )));
        };
        let name = first.name.clone();
        if let Some(other) = bundles.iter().find(|b| b.name != name) {
            return Err(Error::new(format!(
                "{} holds bundles of two archives, {name} and {}; keep one archive per folder",
                dir.display(),
                other.name
            )));
        }
        Ok(Archive {
            dir: dir.to_path_buf(),
            name,
            bundles,
            open: Mutex::new(HashMap::new()),
        })
    }

    /// The versions of the archive, oldest first, as the latest
    /// inventory lists them.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("bindery-doc-versions-{}", std::process::id()));
    /// # let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    /// use bindery::archive::pack::PackOptions;
    /// use bindery::archive::date::Timestamp;
    /// let options = PackOptions::new(&dir, "first load", Timestamp::for_version(Some("2024-06-01")).unwrap());
    /// bindery::Archive::pack(&[samples], &options, &bindery::ExtractOptions::default(), 2).unwrap();
    /// let archive = bindery::Archive::open(&dir).unwrap();
    /// let versions = archive.versions().unwrap();
    /// assert_eq!(versions.len(), 1);
    /// assert_eq!(versions[0].message, "first load");
    /// # std::fs::remove_dir_all(&dir).ok();
    /// ```
    pub fn versions(&self) -> Result<Vec<inventory::VersionInfo>> {
        Ok(self.inventory(self.latest_version())?.versions)
    }

    /// Verify the whole archive: every bundle and the chain between them
    /// (see docs/bundle-format.md). `Err` only when verification cannot
    /// run; problems found are in the report.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("bindery-doc-verify-{}", std::process::id()));
    /// # let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    /// # use bindery::archive::{pack::PackOptions, date::Timestamp};
    /// # let options = PackOptions::new(&dir, "load", Timestamp::for_version(Some("2024-06-01")).unwrap());
    /// # bindery::Archive::pack(&[samples], &options, &bindery::ExtractOptions::default(), 2).unwrap();
    /// let report = bindery::Archive::open(&dir).unwrap().verify(false).unwrap();
    /// assert!(report.is_valid());
    /// # std::fs::remove_dir_all(&dir).ok();
    /// ```
    pub fn verify(&self, fast: bool) -> Result<report::Report> {
        verify::verify_path(&self.dir, fast)
    }

    /// Add the PDFs under `inputs` (files or folders, walked for `*.pdf`)
    /// to the archive in `options.archive` as its next version, reading
    /// them with `read` on `jobs` threads. The folder is created when
    /// missing; a version with nothing new is not written.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("bindery-doc-pack-{}", std::process::id()));
    /// # let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    /// use bindery::archive::{pack::{PackOptions, Packed}, date::Timestamp};
    /// let options = PackOptions::new(&dir, "June briefs", Timestamp::for_version(Some("2024-06-30")).unwrap());
    /// let read = bindery::ExtractOptions::default();
    /// match bindery::Archive::pack(&[samples.clone()], &options, &read, 2).unwrap() {
    ///     Packed::Written(summary) => assert_eq!(summary.version, 1),
    ///     Packed::Unchanged { .. } => unreachable!("a new archive"),
    /// }
    /// // The same PDFs again: nothing to write.
    /// let again = bindery::Archive::pack(&[samples], &options, &read, 2).unwrap();
    /// assert_eq!(again, Packed::Unchanged { version: 1 });
    /// # std::fs::remove_dir_all(&dir).ok();
    /// ```
    pub fn pack(
        inputs: &[PathBuf],
        options: &pack::PackOptions,
        read: &crate::ExtractOptions,
        jobs: usize,
    ) -> Result<pack::Packed> {
        use crate::pipeline::{InputFile, WalkOptions, discover, extract_all};
        let files = discover(inputs, WalkOptions::default())?;
        let pairs: Vec<(String, PathBuf)> = files
            .iter()
            .map(|f| (f.logical_path.clone(), f.path.clone()))
            .collect();
        let hashed = pack::hash_inputs(&pairs, options.sha512)?;
        let extract = Box::new(
            move |todo: &[pack::PackInput], sink: &mut dyn FnMut(usize, pack::Extracted)| {
                let files: Vec<InputFile> = todo.iter().map(InputFile::from).collect();
                extract_all(&files, read, jobs, |index, outcome| {
                    sink(index, outcome.into_extracted())
                })
            },
        );
        pack::pack(&hashed, options, extract, None)
    }

    pub fn latest_version(&self) -> u32 {
        self.bundles.last().map_or(0, |b| b.version)
    }

    /// `--version N`, or the latest.
    pub fn resolve_version(&self, version: Option<u32>) -> Result<u32> {
        match version {
            None => Ok(self.latest_version()),
            Some(v) if self.bundles.iter().any(|b| b.version == v) => Ok(v),
            Some(v) => Err(Error::new(format!(
                "{} has no version {v} (versions 1 to {})",
                self.dir.display(),
                self.latest_version()
            ))),
        }
    }

    fn bag(&self, version: u32) -> Result<Arc<ZipBag>> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(bag) = open.get(&version) {
            return Ok(bag.clone());
        }
        let file = self
            .bundles
            .iter()
            .find(|b| b.version == version)
            .ok_or_else(|| Error::new(format!("version {version} is missing from the archive")))?;
        let bag = ZipBag::open(&file.path)
            .map_err(|cause| Error::new(format!("{}: {cause}", file.path.display())))?;
        if let Some(finding) = bag.findings().iter().find(|f| f.is_error()) {
            return Err(Error::new(format!(
                "{finding}; run bindery verify {}",
                self.dir.display()
            )));
        }
        let bag = Arc::new(bag);
        open.insert(version, bag.clone());
        Ok(bag)
    }

    /// The inventory of a version.
    pub fn inventory(&self, version: u32) -> Result<Inventory> {
        let bag = self.bag(version)?;
        let bytes = bag
            .read(inventory::PATH, bag::TAG_FILE_LIMIT)
            .map_err(|cause| {
                Error::new(format!("{}: {}: {cause}", bag.label(), inventory::PATH))
            })?;
        Inventory::from_json(&bytes)
            .map_err(|cause| Error::new(format!("{}: {}: {cause}", bag.label(), inventory::PATH)))
    }

    /// The bytes of content `sha256`, checked against its digest.
    pub fn read_content(&self, inventory: &Inventory, sha256: &str) -> Result<Vec<u8>> {
        let mut bytes = Vec::new();
        self.copy_content(inventory, sha256, &mut bytes)?;
        Ok(bytes)
    }

    /// Stream content `sha256` into `out`, failing if it does not hash to it.
    pub fn copy_content(
        &self,
        inventory: &Inventory,
        sha256: &str,
        out: &mut dyn Write,
    ) -> Result<()> {
        let stored = inventory.manifest.get(sha256).ok_or_else(|| {
            Error::new(format!(
                "content {sha256} is not in the inventory's manifest"
            ))
        })?;
        let bag = self.bag(stored.version)?;
        let mut tee = Tee {
            out,
            hasher: digest::MultiHasher::new(&[digest::Algorithm::Sha256]),
        };
        bag.copy(&stored.path, &mut tee)
            .map_err(|cause| Error::new(format!("{}: {}: {cause}", bag.label(), stored.path)))?;
        let found = tee.hasher.finish();
        if found.get(digest::Algorithm::Sha256) != Some(sha256) {
            return Err(Error::new(format!(
                "{}: {}: content does not match its digest; run bindery verify {}",
                bag.label(),
                stored.path,
                self.dir.display()
            )));
        }
        Ok(())
    }
}

struct Tee<'a> {
    out: &'a mut dyn Write,
    hasher: digest::MultiHasher,
}

impl Write for Tee<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.hasher.update(buf.get(..n).unwrap_or_default());
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundle_names() {
        assert_eq!(
            parse_bundle_name("briefs_v0003.zip"),
            Some(("briefs".into(), 3))
        );
        assert_eq!(
            parse_bundle_name("a_v1_v12345.zip"),
            Some(("a_v1".into(), 12345))
        );
        assert_eq!(parse_bundle_name("briefs_v003.zip"), None);
        assert_eq!(parse_bundle_name("briefs_v00003.zip"), None);
        assert_eq!(parse_bundle_name("briefs_v0000.zip"), None);
        assert_eq!(parse_bundle_name(".x_v0001.zip"), None);
        assert!(!valid_name("a b"));
    }
}
