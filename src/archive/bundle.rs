//! Writing one bundle: a BagIt 1.0 bag in a deterministic zip. Entries come
//! in a fixed order (bagit.txt, bag-info.txt, manifests, tag manifests, then
//! payload sorted by path), all with the version's date, mode 0644, no extra
//! fields and no folder entries; PDFs are stored, JSON and text deflated at a
//! fixed level. Same content and date, same bytes.

use super::date::Timestamp;
use super::digest::{Algorithm, BUFFER_BYTES, MultiHasher};
use super::spool::SpoolReader;
use std::io::{Read, Seek, Write};
use std::path::PathBuf;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The two lines every bundle's bagit.txt holds, exactly.
pub const BAGIT_TXT: &str = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

/// Identifies the profile in `docs/bagit-profile.json`.
pub const PROFILE_ID: &str = "urn:bindery:bagit-profile:bundle:1";

/// Deflate level for JSON and text: fixed, so output never depends on a default.
const DEFLATE_LEVEL: i64 = 6;

/// Writes one payload file's bytes.
pub type WriteFn<'a> = Box<dyn FnOnce(&mut dyn Write) -> Result<(), String> + 'a>;

/// Where a payload file's bytes come from.
pub enum Content<'a> {
    /// An input file, re-hashed while copied: it must still have `sha256`.
    File(PathBuf),
    Bytes(Vec<u8>),
    /// Bytes written by a callback (content copied out of another bundle,
    /// which checks its own digest).
    Writer(WriteFn<'a>),
    /// Already deflated into the pack's spool under the entry's name;
    /// copied over compressed.
    Spooled,
}

/// One payload file of the bag.
pub struct PayloadItem<'a> {
    /// `data/...`.
    pub path: String,
    pub sha256: String,
    /// Only when the bundle has a SHA-512 manifest.
    pub sha512: Option<String>,
    pub bytes: u64,
    pub content: Content<'a>,
    /// Stored uncompressed (PDFs: already compressed) or deflated.
    pub deflate: bool,
}

/// The facts bag-info.txt records.
#[derive(Debug, Clone)]
pub struct BundleInfo {
    pub name: String,
    pub version: u32,
    pub date: Timestamp,
    pub message: String,
    pub source_organization: Option<String>,
    pub previous_sha256: Option<String>,
    pub sha512: bool,
}

/// The bag's top folder: `<name>_vNNNN`.
pub fn folder_name(name: &str, version: u32) -> String {
    format!("{name}_v{version:04}")
}

/// The bundle's file name: `<name>_vNNNN.zip`.
pub fn file_name(name: &str, version: u32) -> String {
    format!("{}.zip", folder_name(name, version))
}

/// A bag-info value on one line: line breaks would start a new label.
fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn bag_info(info: &BundleInfo, payload: &[PayloadItem<'_>]) -> String {
    let bytes: u64 = payload.iter().map(|p| p.bytes).sum();
    let mut lines = Vec::new();
    if let Some(org) = &info.source_organization {
        lines.push(format!("Source-Organization: {}", one_line(org)));
    }
    lines.push(format!("Bagging-Date: {}", info.date.date()));
    lines.push(format!("External-Identifier: {}", info.name));
    lines.push(format!("Payload-Oxum: {bytes}.{}", payload.len()));
    lines.push(format!(
        "Bag-Software-Agent: bindery {}",
        env!("CARGO_PKG_VERSION")
    ));
    lines.push(format!("BagIt-Profile-Identifier: {PROFILE_ID}"));
    lines.push(format!("Bundle-Version: {}", info.version));
    if let Some(previous) = &info.previous_sha256 {
        lines.push(format!("Bundle-Previous-SHA256: {previous}"));
    }
    lines.push(format!("Bundle-Message: {}", one_line(&info.message)));
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn manifest(entries: &mut [(String, String)]) -> String {
    entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    entries
        .iter()
        .map(|(path, digest)| format!("{digest}  {path}\n"))
        .collect()
}

fn zip_time(date: Timestamp) -> zip::DateTime {
    let c = date.civil();
    let fallback = zip::DateTime::default();
    if !(1980..=2107).contains(&c.year) {
        return fallback;
    }
    zip::DateTime::from_date_and_time(
        c.year as u16,
        c.month as u8,
        c.day as u8,
        c.hour as u8,
        c.minute as u8,
        c.second as u8,
    )
    .unwrap_or(fallback)
}

/// Write the bundle zip. `payload` must hold every data file but the
/// inventory, which is given as bytes; `spool` holds the entries of
/// `Content::Spooled` items.
pub fn write_bundle<W: Write + Seek>(
    out: W,
    info: &BundleInfo,
    payload: Vec<PayloadItem<'_>>,
    inventory_json: Vec<u8>,
    spool: Option<&mut SpoolReader>,
) -> Result<W, String> {
    let mut payload = payload;
    let inventory = {
        let mut h = MultiHasher::new(&[Algorithm::Sha256, Algorithm::Sha512]);
        h.update(&inventory_json);
        let d = h.finish();
        PayloadItem {
            path: super::inventory::PATH.to_string(),
            sha256: d.get(Algorithm::Sha256).unwrap_or("").to_string(),
            sha512: d.get(Algorithm::Sha512).map(str::to_string),
            bytes: inventory_json.len() as u64,
            content: Content::Bytes(inventory_json),
            deflate: true,
        }
    };
    payload.push(inventory);
    payload.sort_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));

    let folder = folder_name(&info.name, info.version);
    let mut tag_files: Vec<(String, Vec<u8>)> = vec![
        ("bagit.txt".into(), BAGIT_TXT.as_bytes().to_vec()),
        ("bag-info.txt".into(), bag_info(info, &payload).into_bytes()),
    ];
    let mut algorithms = vec![Algorithm::Sha256];
    if info.sha512 {
        algorithms.push(Algorithm::Sha512);
    }
    for &algorithm in &algorithms {
        let mut entries: Vec<(String, String)> = payload
            .iter()
            .map(|p| {
                let digest = match algorithm {
                    Algorithm::Sha512 => p.sha512.clone().unwrap_or_default(),
                    _ => p.sha256.clone(),
                };
                (p.path.clone(), digest)
            })
            .collect();
        tag_files.push((
            format!("manifest-{}.txt", algorithm.name()),
            manifest(&mut entries).into_bytes(),
        ));
    }
    let mut tag_manifests = Vec::new();
    for &algorithm in &algorithms {
        let mut entries: Vec<(String, String)> = tag_files
            .iter()
            .map(|(name, bytes)| {
                let mut h = MultiHasher::new(&[algorithm]);
                h.update(bytes);
                (
                    name.clone(),
                    h.finish().get(algorithm).unwrap_or("").to_string(),
                )
            })
            .collect();
        tag_manifests.push((
            format!("tagmanifest-{}.txt", algorithm.name()),
            manifest(&mut entries).into_bytes(),
        ));
    }
    tag_files.extend(tag_manifests);

    let mut zip = ZipWriter::new(out);
    let fail = |what: &str, e: &dyn std::fmt::Display| format!("cannot write {what}: {e}");
    for (name, bytes) in &tag_files {
        let options = entry_options(info.date, true, bytes.len() as u64);
        zip.start_file(format!("{folder}/{name}"), options)
            .and_then(|_| zip.write_all(bytes).map_err(Into::into))
            .map_err(|e| fail(name, &e))?;
    }
    let mut spool = spool;
    for item in payload {
        let name = entry_name(&folder, &item.path);
        if let Content::Spooled = item.content {
            let Some(spool) = spool.as_deref_mut() else {
                return Err(format!("{} was spooled but no spool was given", item.path));
            };
            spool.copy_into(&name, &mut zip)?;
            continue;
        }
        let options = entry_options(info.date, item.deflate, item.bytes);
        zip.start_file(name, options)
            .map_err(|e| fail(&item.path, &e))?;
        match item.content {
            Content::Bytes(bytes) => zip.write_all(&bytes).map_err(|e| fail(&item.path, &e))?,
            Content::File(path) => copy_checked(&path, &item.sha256, &mut zip)?,
            Content::Writer(write) => write(&mut zip).map_err(|e| fail(&item.path, &e))?,
            Content::Spooled => {}
        }
    }
    zip.finish().map_err(|e| fail("the zip directory", &e))
}

/// A payload or tag file's name in the zip: under the bag's top folder.
pub fn entry_name(folder: &str, path: &str) -> String {
    format!("{folder}/{path}")
}

/// The options of every entry of a bundle dated `date`: deflated at the
/// fixed level or stored, and ZIP64 only when the entry may need it.
pub fn entry_options(date: Timestamp, deflate: bool, bytes: u64) -> SimpleFileOptions {
    let base = SimpleFileOptions::default()
        .last_modified_time(zip_time(date))
        .unix_permissions(0o644)
        .large_file(bytes >= u64::from(u32::MAX) - (1 << 20));
    if deflate {
        base.compression_method(CompressionMethod::Deflated)
            .compression_level(Some(DEFLATE_LEVEL))
    } else {
        base.compression_method(CompressionMethod::Stored)
    }
}

/// Copy an input file into the zip, checking it still has the digest it
/// had when it was scanned: a file edited mid-pack must not slip in.
fn copy_checked(path: &std::path::Path, sha256: &str, out: &mut impl Write) -> Result<(), String> {
    let mut file =
        std::fs::File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut hasher = MultiHasher::new(&[Algorithm::Sha256]);
    let mut buffer = vec![0u8; BUFFER_BYTES];
    loop {
        let n = match file.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        let chunk = buffer.get(..n).unwrap_or_default();
        hasher.update(chunk);
        out.write_all(chunk)
            .map_err(|e| format!("cannot write the bundle: {e}"))?;
    }
    let found = hasher.finish();
    if found.get(Algorithm::Sha256) != Some(sha256) {
        return Err(format!(
            "{} changed while it was being packed; nothing was written, run pack again",
            path.display()
        ));
    }
    Ok(())
}
