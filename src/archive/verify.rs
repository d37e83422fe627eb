//! Verifying an archive folder, one bundle zip, or an unzipped bag: the bag
//! itself (see [`super::bag`]), then what makes a bag a bindery bundle (the
//! profile, the inventory against the payload), then, for an archive, the
//! chain of bundles and the history their inventories tell.

use super::bag::{BagCheck, check_bag};
use super::bundle::{BAGIT_TXT, folder_name};
use super::digest::{Algorithm, sha256_file};
use super::inventory::{self, Inventory};
use super::report::{Finding, FixityEvent, Report};
use super::source::{BagSource, FolderBag, ZipBag};
use super::{list_bundles, lock};
use crate::error::{Error, Result};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// What one bundle says about itself, for the archive-level checks.
#[derive(Debug, Default)]
pub struct BundleFacts {
    pub name: String,
    pub version: u32,
    pub previous_sha256: Option<String>,
    pub inventory: Option<Inventory>,
    /// Payload path -> SHA-256 from manifest-sha256.txt.
    pub payload_sha256: BTreeMap<String, String>,
}

/// Verify whatever `path` is. Err only when verification cannot run.
pub fn verify_path(path: &Path, fast: bool) -> Result<Report> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, "read", &e))?;
    if meta.is_file() {
        let mut report = Report {
            fast,
            ..Report::default()
        };
        let label = file_label(path);
        match ZipBag::open(path) {
            Ok(bag) => {
                let (bundle_report, facts) = check_bundle(&bag, fast);
                report.merge(bundle_report);
                // Under a bundle's own name, its folder and version must agree.
                if let (Some((name, version)), Some(facts)) =
                    (super::parse_bundle_name(&label), facts)
                {
                    let expected = folder_name(&name, version);
                    if bag.root != expected || facts.version != version {
                        report.findings.push(Finding::error(
                            &label,
                            "",
                            &format!(
                                "holds {:?}, version {}: not what its file name says",
                                bag.root, facts.version
                            ),
                        ));
                    }
                }
            }
            Err(cause) => report.findings.push(Finding::error(&label, "", &cause)),
        }
        return Ok(report);
    }
    if !has_bundles(path) && !looks_like_bag(path) {
        return Err(Error::new(format!(
            "{} is neither a bag (no bagit.txt, manifest or data/) nor an archive (no <name>_v0001.zip)",
            path.display()
        )));
    }
    if looks_like_bag(path) {
        let bag = FolderBag::open(path).map_err(|e| Error::io(path, "read the bag folder", &e))?;
        let (report, _) = check_bundle(&bag, fast);
        return Ok(Report { fast, ..report });
    }
    verify_archive(path, fast)
}

/// A folder meant as a bag, complete or not.
fn looks_like_bag(dir: &Path) -> bool {
    dir.join("bagit.txt").exists()
        || dir.join("data").is_dir()
        || std::fs::read_dir(dir).is_ok_and(|entries| {
            entries.flatten().any(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.starts_with("manifest-") && name.ends_with(".txt")
            })
        })
}

fn has_bundles(dir: &Path) -> bool {
    list_bundles(dir).is_ok_and(|b| !b.is_empty())
}

fn file_label(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Check a bag, and if it says it is a bindery bundle (it has
/// Bundle-Version), everything the bundle format adds.
pub fn check_bundle(source: &dyn BagSource, fast: bool) -> (Report, Option<BundleFacts>) {
    let mut check = check_bag(source, fast);
    let Some(version_text) = check.info_value("Bundle-Version").map(str::to_string) else {
        return (check.report, None);
    };
    let label = source.label().to_string();
    let mut findings = Vec::new();
    let mut error = |file: &str, cause: String| findings.push(Finding::error(&label, file, &cause));
    let version = version_text.parse::<u32>().unwrap_or_else(|_| {
        error(
            "bag-info.txt",
            format!("Bundle-Version {version_text:?} is not a number"),
        );
        0
    });
    let name = check
        .info_value("External-Identifier")
        .unwrap_or("")
        .to_string();
    if !super::valid_name(&name) {
        error(
            "bag-info.txt",
            format!("External-Identifier {name:?} is not an archive name"),
        );
    }
    let previous = check
        .info_value("Bundle-Previous-SHA256")
        .map(str::to_string);
    for label_name in [
        "Bagging-Date",
        "Payload-Oxum",
        "Bag-Software-Agent",
        "BagIt-Profile-Identifier",
        "Bundle-Message",
    ] {
        if check.info_value(label_name).is_none() {
            error("bag-info.txt", format!("{label_name} is missing"));
        }
    }
    match (version, &previous) {
        (1, Some(_)) => error(
            "bag-info.txt",
            "version 1 has a Bundle-Previous-SHA256".into(),
        ),
        (v, None) if v > 1 => error("bag-info.txt", "Bundle-Previous-SHA256 is missing".into()),
        _ => {}
    }
    match source.read("bagit.txt", 1024) {
        Ok(bytes) if bytes == BAGIT_TXT.as_bytes() => {}
        Ok(_) => error(
            "bagit.txt",
            "not the exact two lines of a BagIt 1.0 bundle".into(),
        ),
        Err(_) => {}
    }
    profile_checks(source, &check, &mut error);
    let payload_sha256 = check
        .payload
        .get(&Algorithm::Sha256)
        .cloned()
        .unwrap_or_default();
    let inventory = match source.read(inventory::PATH, super::bag::TAG_FILE_LIMIT) {
        Ok(bytes) => match Inventory::from_json(&bytes) {
            Ok(inv) => Some(inv),
            Err(cause) => {
                error(inventory::PATH, cause);
                None
            }
        },
        Err(cause) => {
            error(inventory::PATH, format!("cannot read: {cause}"));
            None
        }
    };
    if let Some(inv) = &inventory {
        inventory_checks(
            source,
            &check,
            inv,
            version,
            &name,
            previous.as_deref(),
            &payload_sha256,
            &mut error,
        );
    }
    check.report.findings.extend(findings);
    let facts = BundleFacts {
        name,
        version,
        previous_sha256: previous,
        inventory,
        payload_sha256,
    };
    (check.report, Some(facts))
}

/// The bundle profile: which tag files, which manifests, safe payload names.
fn profile_checks(source: &dyn BagSource, check: &BagCheck, error: &mut dyn FnMut(&str, String)) {
    if !check.payload.contains_key(&Algorithm::Sha256) {
        error(
            "manifest-sha256.txt",
            "missing: bundles always have a SHA-256 manifest".into(),
        );
    }
    let tag_sha256 = check.tags.get(&Algorithm::Sha256);
    if tag_sha256.is_none() {
        error(
            "tagmanifest-sha256.txt",
            "missing: bundles always have a SHA-256 tag manifest".into(),
        );
    }
    for file in source.files() {
        let path = file.path.as_str();
        if path.starts_with("data/") {
            let safe = path
                .bytes()
                .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'.' | b'_' | b'/' | b'-'));
            if !safe {
                error(path, "payload name outside [a-z0-9._/-]".into());
            }
            continue;
        }
        let tag = matches!(path, "bagit.txt" | "bag-info.txt")
            || (path.starts_with("manifest-") && path.ends_with(".txt"));
        let tag_manifest = path.starts_with("tagmanifest-") && path.ends_with(".txt");
        if !tag && !tag_manifest {
            error(
                path,
                "file outside data/ that is not a bundle tag file".into(),
            );
        } else if tag && tag_sha256.is_some_and(|m| !m.contains_key(path)) {
            error(path, "tag file not listed in tagmanifest-sha256.txt".into());
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn inventory_checks(
    source: &dyn BagSource,
    check: &BagCheck,
    inv: &Inventory,
    version: u32,
    name: &str,
    previous: Option<&str>,
    payload_sha256: &BTreeMap<String, String>,
    error: &mut dyn FnMut(&str, String),
) {
    let at = inventory::PATH;
    if inv.version != version {
        error(
            at,
            format!("says version {}, bag-info says {version}", inv.version),
        );
    }
    if inv.name != name {
        error(
            at,
            format!("names the archive {:?}, bag-info {name:?}", inv.name),
        );
    }
    let numbered = inv
        .versions
        .iter()
        .enumerate()
        .all(|(i, v)| v.version as usize == i + 1);
    if !numbered || inv.versions.len() != version as usize {
        error(
            at,
            format!("its history does not list versions 1 to {version} in order"),
        );
    }
    if let Some(last) = inv.versions.last() {
        if last.previous_bundle_sha256.as_deref() != previous {
            error(
                at,
                "its previous-bundle digest differs from bag-info's Bundle-Previous-SHA256".into(),
            );
        }
        if let Some(date) = check.info_value("Bagging-Date")
            && !last.date.starts_with(date)
        {
            error(
                at,
                format!(
                    "version date {} disagrees with Bagging-Date {date}",
                    last.date
                ),
            );
        }
    }
    let sizes: BTreeMap<&str, u64> = source
        .files()
        .iter()
        .map(|f| (f.path.as_str(), f.size))
        .collect();
    for (digest, stored) in &inv.manifest {
        if stored.version > version || stored.version == 0 {
            error(
                at,
                format!(
                    "content {digest} is said to be stored by version {}",
                    stored.version
                ),
            );
            continue;
        }
        if inventory::digest_in_path(&stored.path) != Some(digest.as_str()) {
            error(
                at,
                format!(
                    "content {digest} has path {:?}, not named after its digest",
                    stored.path
                ),
            );
            continue;
        }
        if stored.version != version {
            continue;
        }
        match sizes.get(stored.path.as_str()) {
            None => error(
                &stored.path,
                "in inventory.json but missing from the payload".into(),
            ),
            Some(&size) if size != stored.bytes => error(
                &stored.path,
                format!("{size} bytes; inventory.json says {}", stored.bytes),
            ),
            Some(_) => {}
        }
        if let Some(listed) = payload_sha256.get(&stored.path)
            && listed != digest
        {
            error(
                &stored.path,
                format!("manifest-sha256.txt says {listed}, inventory.json says {digest}"),
            );
        }
    }
    for file in source.files() {
        let path = file.path.as_str();
        if !path.starts_with("data/") || path == at {
            continue;
        }
        let tracked = inventory::digest_in_path(path)
            .and_then(|d| inv.manifest.get(d))
            .is_some_and(|s| s.version == version && s.path == path);
        if !tracked {
            error(
                path,
                "payload file not accounted for by inventory.json".into(),
            );
        } else if let (Some(named), Some(listed)) =
            (inventory::digest_in_path(path), payload_sha256.get(path))
            && named != listed
        {
            error(
                path,
                format!("named after {named} but manifest-sha256.txt says {listed}"),
            );
        }
    }
    for (logical, doc) in &inv.state {
        if !safe_logical_path(logical) {
            error(
                at,
                format!("logical path {logical:?} could escape a restore folder"),
            );
        }
        for digest in [&doc.pdf, &doc.record, &doc.text] {
            if !inv.manifest.contains_key(digest) {
                error(
                    at,
                    format!("{logical}: content {digest} is not in the manifest"),
                );
            }
        }
    }
}

/// A logical path that stays inside any folder it is joined to, on any
/// system: relative, no `.` or `..` or empty parts, no backslash (a
/// separator on Windows), no drive prefix like `C:`. Colons elsewhere are
/// ordinary characters ("Report: 2024.pdf").
pub fn safe_logical_path(path: &str) -> bool {
    let drive = path.as_bytes().get(1) == Some(&b':')
        && path.as_bytes().first().is_some_and(u8::is_ascii_alphabetic);
    !path.is_empty()
        && !drive
        && !path.starts_with('/')
        && !path.contains(['\\', '\0'])
        && path
            .split('/')
            .all(|c| !c.is_empty() && c != "." && c != "..")
}

/// One bundle checked: (version, file name, report, facts, SHA-256 of the file).
type Checked = (u32, String, Report, Option<BundleFacts>, Option<String>);

/// Verify every bundle of an archive folder and the chain between them.
pub fn verify_archive(dir: &Path, fast: bool) -> Result<Report> {
    let bundles = list_bundles(dir)?;
    let label = file_label(dir);
    let mut report = Report {
        fast,
        ..Report::default()
    };
    if bundles.is_empty() {
        return Err(Error::new(format!(
            "{} holds no bundles to verify",
            dir.display()
        )));
    }
    for leftover in lock::leftovers(dir) {
        report.findings.push(Finding::warning(
            &label,
            &file_label(&leftover),
            "leftover of an interrupted pack, not part of the archive; the next pack removes it",
        ));
    }
    let name = bundles.first().map(|b| b.name.clone()).unwrap_or_default();
    for b in bundles.iter().filter(|b| b.name != name) {
        report.findings.push(Finding::error(
            &label,
            &file_label(&b.path),
            &format!("belongs to archive {:?}, not {name:?}", b.name),
        ));
    }
    let bundles: Vec<_> = bundles.into_iter().filter(|b| b.name == name).collect();
    // Each bundle: its bag and inventory, and the SHA-256 of the whole file
    // for the next bundle's chain link, side by side.
    let checked: Vec<Checked> = bundles
        .par_iter()
        .map(|b| {
            let file = file_label(&b.path);
            let ((report, facts), file_sha256) = rayon::join(
                || match ZipBag::open(&b.path) {
                    Ok(bag) => {
                        let (report, facts) = check_bundle(&bag, fast);
                        let mut report = report;
                        let expected_root = folder_name(&b.name, b.version);
                        if bag.root != expected_root {
                            report.findings.push(Finding::error(
                                &file,
                                "",
                                &format!(
                                    "holds folder {:?}; its file name says {expected_root:?}",
                                    bag.root
                                ),
                            ));
                        }
                        (report, facts)
                    }
                    Err(cause) => {
                        let mut report = Report::default();
                        report.findings.push(Finding::error(&file, "", &cause));
                        (report, None)
                    }
                },
                || {
                    if fast {
                        None
                    } else {
                        sha256_file(&b.path).ok()
                    }
                },
            );
            (b.version, file, report, facts, file_sha256)
        })
        .collect();

    let mut expected = 1u32;
    let mut previous: Option<(u32, Option<String>, Option<&Inventory>)> = None;
    for (version, file, bundle_report, facts, file_sha256) in &checked {
        report.merge(bundle_report.clone());
        while expected < *version {
            report.findings.push(Finding::error(
                &label,
                &super::bundle::file_name(&name, expected),
                "this version is missing: the chain is broken",
            ));
            expected += 1;
        }
        expected = version + 1;
        let Some(facts) = facts else {
            if bundle_report.findings.iter().all(|f| !f.is_error()) {
                report.findings.push(Finding::error(
                    file,
                    "bag-info.txt",
                    "no Bundle-Version: not a bindery bundle",
                ));
            }
            previous = Some((*version, file_sha256.clone(), None));
            continue;
        };
        if facts.version != *version {
            report.findings.push(Finding::error(
                file,
                "bag-info.txt",
                &format!("Bundle-Version {} but the file name says version {version}: bundles swapped or renamed", facts.version),
            ));
        }
        if facts.name != name {
            report.findings.push(Finding::error(
                file,
                "bag-info.txt",
                &format!(
                    "External-Identifier {:?} but the file name says {name:?}",
                    facts.name
                ),
            ));
        }
        if let Some((prev_version, prev_sha, prev_inv)) = &previous {
            if *prev_version + 1 == *version && !fast {
                if let (Some(actual), Some(claimed)) = (prev_sha, &facts.previous_sha256) {
                    report.events.push(FixityEvent::new(
                        super::bundle::file_name(&name, *prev_version),
                        "sha256",
                        claimed,
                        actual,
                    ));
                }
                match (prev_sha, &facts.previous_sha256) {
                    (Some(actual), Some(claimed)) if actual != claimed => report.findings.push(Finding::error(
                        file,
                        "bag-info.txt",
                        &format!(
                            "Bundle-Previous-SHA256 is {claimed} but {} has SHA-256 {actual}: the chain is broken",
                            super::bundle::file_name(&name, *prev_version)
                        ),
                    )),
                    _ => {}
                }
            }
            if let (Some(prev), Some(inv)) = (prev_inv, &facts.inventory) {
                history_checks(prev, inv, file, &mut report);
            }
        }
        previous = Some((*version, file_sha256.clone(), facts.inventory.as_ref()));
    }
    // The latest state must be stored somewhere, byte for byte as listed.
    if let Some((_, _, _, Some(facts), _)) = checked.last()
        && let Some(latest) = &facts.inventory
    {
        let stores: BTreeMap<u32, &BTreeMap<String, String>> = checked
            .iter()
            .filter_map(|(v, _, _, f, _)| f.as_ref().map(|f| (*v, &f.payload_sha256)))
            .collect();
        for (logical, doc) in &latest.state {
            for digest in [&doc.pdf, &doc.record, &doc.text] {
                let Some(stored) = latest.manifest.get(digest) else {
                    continue;
                };
                let held = stores
                    .get(&stored.version)
                    .and_then(|m| m.get(&stored.path))
                    .is_some_and(|d| d == digest);
                if !held {
                    report.findings.push(Finding::error(
                        &label,
                        logical,
                        &format!(
                            "content {digest} should be in {} at {} but is not",
                            super::bundle::file_name(&name, stored.version),
                            stored.path
                        ),
                    ));
                }
            }
        }
    }
    Ok(report)
}

/// Version N's inventory must carry version N-1's history and manifest unchanged.
fn history_checks(prev: &Inventory, inv: &Inventory, file: &str, report: &mut Report) {
    let at = inventory::PATH;
    if inv.versions.get(..prev.versions.len()) != Some(prev.versions.as_slice()) {
        report.findings.push(Finding::error(
            file,
            at,
            "rewrites the history of earlier versions",
        ));
    }
    for (digest, stored) in &prev.manifest {
        if inv.manifest.get(digest) != Some(stored) {
            report.findings.push(Finding::error(
                file,
                at,
                &format!(
                    "content {digest} is recorded differently from the previous version's inventory"
                ),
            ));
        }
    }
    for (digest, stored) in &inv.manifest {
        if stored.version < inv.version && !prev.manifest.contains_key(digest) {
            report.findings.push(Finding::error(
                file,
                at,
                &format!("content {digest} is said to be stored by version {} but earlier inventories do not list it", stored.version),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::safe_logical_path;

    #[test]
    fn logical_paths_that_could_escape_are_unsafe() {
        for bad in [
            "../x.pdf",
            "a/../../x.pdf",
            "/etc/x.pdf",
            "C:/x.pdf",
            "a\\..\\x.pdf",
            "a//b.pdf",
            "./a.pdf",
            "",
        ] {
            assert!(!safe_logical_path(bad), "{bad}");
        }
        for good in [
            "a.pdf",
            "reports/2024/Report: final.pdf",
            "é/ü.pdf",
            "a..b.pdf",
        ] {
            assert!(safe_logical_path(good), "{good}");
        }
    }
}
