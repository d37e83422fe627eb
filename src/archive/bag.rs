//! BagIt (RFC 8493, and the drafts 0.93-0.97 before it): reading a bag's tag
//! files and checking it is complete and valid, whatever it is stored in.
//!
//! Complete: bagit.txt well formed, every manifest entry present, every
//! payload file in every payload manifest, Payload-Oxum right, no path
//! leaving the bag. Valid: complete, and every digest right. Digests are
//! computed once per file for all the algorithms that list it, files in
//! parallel.

use super::digest::{Algorithm, Digests};
use super::report::{Finding, FixityEvent, Report};
use super::source::BagSource;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use unicode_normalization::UnicodeNormalization;

/// A manifest's entries: (is a tag manifest, algorithm, (path, digest)s).
type Listing = (bool, Algorithm, Vec<(String, String)>);

/// What a file must hash to: (algorithm, digest, manifest naming it)s.
type Expected = Vec<(Algorithm, String, String)>;

/// The largest tag file read whole (manifests of huge bags are big).
pub const TAG_FILE_LIMIT: u64 = 256 << 20;

/// What a bag says about itself, and what checking it found.
#[derive(Debug, Default)]
pub struct BagCheck {
    pub report: Report,
    /// BagIt-Version as (major, minor), when bagit.txt could be read.
    pub version: Option<(u32, u32)>,
    /// bag-info.txt labels and values, in file order.
    pub info: Vec<(String, String)>,
    /// Payload manifests: algorithm -> path -> lowercase hex digest.
    pub payload: BTreeMap<Algorithm, BTreeMap<String, String>>,
    /// Tag manifests, the same way.
    pub tags: BTreeMap<Algorithm, BTreeMap<String, String>>,
    /// Digests computed, by path (empty when fast).
    pub computed: BTreeMap<String, Digests>,
}

impl BagCheck {
    /// The first value of a bag-info label (labels compare case-insensitively).
    pub fn info_value(&self, label: &str) -> Option<&str> {
        self.info
            .iter()
            .find(|(l, _)| l.eq_ignore_ascii_case(label))
            .map(|(_, v)| v.as_str())
    }

    fn error(&mut self, bag: &str, file: &str, cause: &str) {
        self.report.findings.push(Finding::error(bag, file, cause));
    }

    fn warning(&mut self, bag: &str, file: &str, cause: &str) {
        self.report
            .findings
            .push(Finding::warning(bag, file, cause));
    }
}

/// Check one bag. `fast`: sizes and structure only, no digests.
pub fn check_bag(source: &dyn BagSource, fast: bool) -> BagCheck {
    let label = source.label().to_string();
    let mut check = BagCheck::default();
    check.report.bags = 1;
    check.report.fast = fast;
    check
        .report
        .findings
        .extend(source.findings().iter().cloned());
    let sizes: HashMap<&str, u64> = source
        .files()
        .iter()
        .map(|f| (f.path.as_str(), f.size))
        .collect();

    let Some(encoding) = read_bagit_txt(source, &sizes, &mut check) else {
        return check;
    };
    let (major, minor) = check.version.unwrap_or((1, 0));
    let modern = (major, minor) >= (1, 0);
    let decode = |path: &str, check: &mut BagCheck| -> Option<String> {
        match source
            .read(path, TAG_FILE_LIMIT)
            .and_then(|bytes| decode(&bytes, &encoding))
        {
            Ok(text) => Some(text),
            Err(cause) => {
                check.error(&label, path, &format!("cannot read: {cause}"));
                None
            }
        }
    };

    // bag-info.txt (package-info.txt before 0.96).
    let info_name = if (major, minor) < (0, 96) && !sizes.contains_key("bag-info.txt") {
        "package-info.txt"
    } else {
        "bag-info.txt"
    };
    if sizes.contains_key(info_name)
        && let Some(text) = decode(info_name, &mut check)
    {
        parse_info(&text, &label, info_name, &mut check);
    }

    // Manifests.
    let mut fetch_paths = BTreeSet::new();
    let mut unsupported_payload = false;
    for file in source.files() {
        let path = file.path.as_str();
        if path.contains('/') {
            continue;
        }
        let (is_tag, algorithm) = if let Some(a) = manifest_algorithm(path, "tagmanifest-") {
            (true, a)
        } else if let Some(a) = manifest_algorithm(path, "manifest-") {
            (false, a)
        } else {
            continue;
        };
        let Some(algorithm) = Algorithm::from_name(algorithm) else {
            check.warning(
                &label,
                path,
                &format!("algorithm {algorithm:?} is not supported (md5, sha224, sha256, sha384, sha512 are); this manifest is not checked"),
            );
            if !is_tag {
                unsupported_payload = true;
            }
            continue;
        };
        let Some(text) = decode(path, &mut check) else {
            continue;
        };
        let entries = parse_manifest(&text, &label, path, algorithm, modern, is_tag, &mut check);
        if is_tag {
            check.tags.insert(algorithm, entries);
        } else {
            check.payload.insert(algorithm, entries);
        }
    }
    if check.payload.is_empty() && unsupported_payload {
        check.report.unchecked.push(format!(
            "{label}: no payload manifest uses an algorithm bindery can compute"
        ));
    } else if check.payload.is_empty() {
        check.error(&label, "", "no payload manifest (manifest-<algorithm>.txt)");
    }
    if sizes.contains_key("fetch.txt")
        && let Some(text) = decode("fetch.txt", &mut check)
    {
        fetch_paths = parse_fetch(&text, &label, modern, &mut check);
    }

    // Names on disk by their NFC form, to tell a differently normalised
    // listing from a missing file.
    let by_nfc: HashMap<String, &str> = source
        .files()
        .iter()
        .map(|f| (f.path.nfc().collect::<String>(), f.path.as_str()))
        .collect();
    let resolve = |listed: &str| -> Option<String> {
        if sizes.contains_key(listed) {
            return Some(listed.to_string());
        }
        by_nfc
            .get(&listed.nfc().collect::<String>())
            .map(|s| s.to_string())
    };

    // Every manifest entry must exist; collect what to hash with what.
    let mut wanted: BTreeMap<String, Expected> = BTreeMap::new();
    let mut listed_payload: BTreeMap<Algorithm, BTreeSet<String>> = BTreeMap::new();
    let manifests: Vec<Listing> = check
        .payload
        .iter()
        .map(|(a, e)| {
            (
                false,
                *a,
                e.iter().map(|(p, d)| (p.clone(), d.clone())).collect(),
            )
        })
        .chain(check.tags.iter().map(|(a, e)| {
            (
                true,
                *a,
                e.iter().map(|(p, d)| (p.clone(), d.clone())).collect(),
            )
        }))
        .collect();
    for (is_tag, algorithm, entries) in manifests {
        let manifest = format!(
            "{}manifest-{}.txt",
            if is_tag { "tag" } else { "" },
            algorithm.name()
        );
        for (listed, digest) in entries {
            match resolve(&listed) {
                Some(actual) => {
                    if actual != listed {
                        check.warning(
                            &label,
                            &listed,
                            &format!("{manifest} lists this name; the file's name is the same text normalised differently ({actual:?})"),
                        );
                    }
                    if !is_tag {
                        listed_payload
                            .entry(algorithm)
                            .or_default()
                            .insert(actual.clone());
                    }
                    wanted
                        .entry(actual)
                        .or_default()
                        .push((algorithm, digest, manifest.clone()));
                }
                None if fetch_paths.contains(&listed) => check.error(
                    &label,
                    &listed,
                    "listed in fetch.txt but not fetched: the bag is incomplete",
                ),
                None => check.error(
                    &label,
                    &listed,
                    &format!("listed in {manifest} but missing"),
                ),
            }
        }
    }
    for file in source.files() {
        if !file.path.starts_with("data/") {
            continue;
        }
        for algorithm in check.payload.keys().copied().collect::<Vec<_>>() {
            let listed = listed_payload
                .get(&algorithm)
                .is_some_and(|s| s.contains(&file.path));
            if !listed {
                check.error(
                    &label,
                    &file.path,
                    &format!(
                        "payload file not listed in manifest-{}.txt",
                        algorithm.name()
                    ),
                );
            }
        }
    }

    check_oxum(source, &label, &mut check);
    if !fast {
        hash_and_compare(source, &label, wanted, &mut check);
    } else {
        check.report.files = source.files().len();
    }
    check
}

fn manifest_algorithm<'a>(name: &'a str, prefix: &str) -> Option<&'a str> {
    name.strip_prefix(prefix)?.strip_suffix(".txt")
}

/// Read and check bagit.txt; the tag-file encoding when it can go on.
fn read_bagit_txt(
    source: &dyn BagSource,
    sizes: &HashMap<&str, u64>,
    check: &mut BagCheck,
) -> Option<String> {
    let label = source.label().to_string();
    if !sizes.contains_key("bagit.txt") {
        check.error(&label, "bagit.txt", "missing: this is not a bag");
        return None;
    }
    let bytes = match source.read("bagit.txt", 64 * 1024) {
        Ok(bytes) => bytes,
        Err(cause) => {
            check.error(&label, "bagit.txt", &format!("cannot read: {cause}"));
            return None;
        }
    };
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF])
        || bytes.starts_with(&[0xFE, 0xFF])
        || bytes.starts_with(&[0xFF, 0xFE])
    {
        check.error(
            &label,
            "bagit.txt",
            "starts with a byte-order mark, which BagIt forbids",
        );
        return None;
    }
    let Ok(text) = std::str::from_utf8(&bytes) else {
        check.error(&label, "bagit.txt", "not UTF-8");
        return None;
    };
    let lines = split_lines(text);
    let (Some(first), Some(second)) = (lines.first(), lines.get(1)) else {
        check.error(
            &label,
            "bagit.txt",
            "must have two lines: BagIt-Version and Tag-File-Character-Encoding",
        );
        return None;
    };
    if lines.len() > 2 {
        check.error(
            &label,
            "bagit.txt",
            "has lines after Tag-File-Character-Encoding",
        );
    }
    let Some(version) = first.strip_prefix("BagIt-Version: ") else {
        check.error(
            &label,
            "bagit.txt",
            &format!("first line must be exactly \"BagIt-Version: M.N\", found {first:?}"),
        );
        return None;
    };
    match parse_version(version.trim()) {
        Some(v) => {
            // Report stray white space, but read on: the rest of the bag
            // may have problems worth knowing too.
            if version.trim() != version {
                check.error(
                    &label,
                    "bagit.txt",
                    &format!("BagIt-Version {version:?} has white space around it"),
                );
            }
            check.version = Some(v);
        }
        None => {
            check.error(
                &label,
                "bagit.txt",
                &format!("BagIt-Version {version:?} is not M.N"),
            );
            return None;
        }
    }
    let Some(encoding) = second.strip_prefix("Tag-File-Character-Encoding: ") else {
        check.error(&label, "bagit.txt", &format!("second line must be exactly \"Tag-File-Character-Encoding: ENCODING\", found {second:?}"));
        return None;
    };
    if encoding.trim().is_empty() {
        check.error(&label, "bagit.txt", "Tag-File-Character-Encoding is empty");
        return None;
    }
    if encoding.trim() != encoding {
        check.error(
            &label,
            "bagit.txt",
            &format!("Tag-File-Character-Encoding {encoding:?} has white space around it"),
        );
    }
    Some(encoding.trim().to_string())
}

fn parse_version(text: &str) -> Option<(u32, u32)> {
    let (a, b) = text.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(a) || !digits(b) {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// Lines split at CR LF, LF or CR; a final line ending adds no empty line.
pub fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        match rest.find(['\r', '\n']) {
            Some(at) => {
                lines.push(rest.get(..at).unwrap_or(""));
                let skip = if rest.get(at..at + 2) == Some("\r\n") {
                    2
                } else {
                    1
                };
                rest = rest.get(at + skip..).unwrap_or("");
            }
            None => {
                lines.push(rest);
                rest = "";
            }
        }
    }
    lines
}

/// Tag file bytes as text in the bag's declared encoding.
pub fn decode(bytes: &[u8], encoding: &str) -> Result<String, String> {
    let name = encoding.to_ascii_lowercase().replace('_', "-");
    match name.as_str() {
        "utf-8" | "utf8" => {
            let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
            String::from_utf8(bytes.to_vec()).map_err(|_| "not valid UTF-8".to_string())
        }
        "utf-16" | "utf-16le" | "utf-16be" => {
            let (big, body) = match bytes {
                [0xFE, 0xFF, rest @ ..] => (true, rest),
                [0xFF, 0xFE, rest @ ..] => (false, rest),
                _ => (name != "utf-16le", bytes),
            };
            if body.len() % 2 != 0 {
                return Err("odd number of bytes for UTF-16".to_string());
            }
            let units = body.chunks_exact(2).map(|p| match p {
                [a, b] if big => u16::from_be_bytes([*a, *b]),
                [a, b] => u16::from_le_bytes([*a, *b]),
                _ => 0,
            });
            char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .map_err(|_| "not valid UTF-16".to_string())
        }
        "iso-8859-1" | "latin1" | "latin-1" | "iso8859-1" => {
            Ok(bytes.iter().map(|&b| char::from(b)).collect())
        }
        "us-ascii" | "ascii" => {
            if bytes.is_ascii() {
                Ok(bytes.iter().map(|&b| char::from(b)).collect())
            } else {
                Err("not ASCII".to_string())
            }
        }
        _ => Err(format!("tag file encoding {encoding:?} is not supported")),
    }
}

fn parse_info(text: &str, label: &str, file: &str, check: &mut BagCheck) {
    for (n, line) in split_lines(text).into_iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            match check.info.last_mut() {
                Some((_, value)) => {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                None => check.error(label, file, &format!("line {} continues no label", n + 1)),
            }
            continue;
        }
        match line.split_once(':') {
            Some((l, v)) if !l.trim().is_empty() => check
                .info
                .push((l.trim().to_string(), v.trim().to_string())),
            _ => check.error(
                label,
                file,
                &format!("line {} is not \"Label: value\"", n + 1),
            ),
        }
    }
}

/// Why a path listed in a tag file is out of the bag, if it is.
fn out_of_scope(path: &str) -> Option<&'static str> {
    if path.is_empty() {
        return Some("empty path");
    }
    if path.starts_with('/') || path.starts_with('~') || path.contains(':') {
        return Some("absolute or home-relative path: outside the bag");
    }
    if path.contains('\\') {
        return Some("backslash in path: BagIt paths use '/' only");
    }
    if path.split('/').any(|c| c == "..") {
        return Some("'..' in path: outside the bag");
    }
    None
}

/// Undo the percent-encoding RFC 8493 gives CR, LF and '%' in paths.
fn percent_decode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(at) = rest.find('%') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let code = rest.get(at + 1..at + 3).map(str::to_ascii_uppercase);
        let decoded = match code.as_deref() {
            Some("0A") => Some('\n'),
            Some("0D") => Some('\r'),
            Some("25") => Some('%'),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = rest.get(at + 3..).unwrap_or("");
            }
            None => {
                out.push('%');
                rest = rest.get(at + 1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

#[allow(clippy::too_many_arguments)]
fn parse_manifest(
    text: &str,
    label: &str,
    file: &str,
    algorithm: Algorithm,
    modern: bool,
    is_tag: bool,
    check: &mut BagCheck,
) -> BTreeMap<String, String> {
    let mut entries: BTreeMap<String, String> = BTreeMap::new();
    let mut warned_star = false;
    for (n, line) in split_lines(text).into_iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let line_no = n + 1;
        let Some((digest, rest)) = line.split_once([' ', '\t']) else {
            check.error(label, file, &format!("line {line_no} has no path"));
            continue;
        };
        let mut path = rest.trim_start_matches([' ', '\t']);
        if let Some(p) = path.strip_prefix('*') {
            if !warned_star {
                check.warning(
                    label,
                    file,
                    "paths marked '*' (md5sum binary mode); read without the mark",
                );
                warned_star = true;
            }
            path = p;
        }
        if let Some(p) = path.strip_prefix("./") {
            check.warning(
                label,
                file,
                &format!("line {line_no}: path starts with './'"),
            );
            path = p;
        }
        let path = if modern {
            percent_decode(path)
        } else {
            path.to_string()
        };
        let digest = digest.to_ascii_lowercase();
        if digest.len() != algorithm.hex_len() || !digest.bytes().all(|b| b.is_ascii_hexdigit()) {
            check.error(
                label,
                file,
                &format!(
                    "line {line_no}: {digest:?} is not a {} digest",
                    algorithm.name()
                ),
            );
            continue;
        }
        if let Some(cause) = out_of_scope(&path) {
            check.error(label, file, &format!("line {line_no}: {path:?}: {cause}"));
            continue;
        }
        if !is_tag && !path.starts_with("data/") {
            check.error(
                label,
                file,
                &format!("line {line_no}: {path:?} is outside the payload folder data/"),
            );
            continue;
        }
        match entries.get(&path) {
            Some(previous) if *previous != digest => check.error(
                label,
                file,
                &format!("{path:?} is listed twice with different digests"),
            ),
            Some(_) if modern => check.error(label, file, &format!("{path:?} is listed twice")),
            Some(_) => check.warning(label, file, &format!("{path:?} is listed twice")),
            None => {
                entries.insert(path, digest);
            }
        }
    }
    entries
}

fn parse_fetch(text: &str, label: &str, modern: bool, check: &mut BagCheck) -> BTreeSet<String> {
    let mut paths = BTreeSet::new();
    for (n, line) in split_lines(text).into_iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.splitn(3, [' ', '\t']);
        let (Some(_url), Some(_length), Some(path)) = (parts.next(), parts.next(), parts.next())
        else {
            check.error(
                label,
                "fetch.txt",
                &format!("line {} is not \"URL LENGTH PATH\"", n + 1),
            );
            continue;
        };
        let path = if modern {
            percent_decode(path.trim())
        } else {
            path.trim().to_string()
        };
        if let Some(cause) = out_of_scope(&path) {
            check.error(
                label,
                "fetch.txt",
                &format!("line {}: {path:?}: {cause}", n + 1),
            );
        } else if !path.starts_with("data/") {
            check.error(
                label,
                "fetch.txt",
                &format!("line {}: {path:?} is outside data/", n + 1),
            );
        } else {
            paths.insert(path);
        }
    }
    paths
}

fn check_oxum(source: &dyn BagSource, label: &str, check: &mut BagCheck) {
    let Some(oxum) = check.info_value("Payload-Oxum").map(str::to_string) else {
        return;
    };
    let (bytes, count) = source
        .files()
        .iter()
        .filter(|f| f.path.starts_with("data/"))
        .fold((0u64, 0u64), |(b, c), f| (b + f.size, c + 1));
    let parsed = oxum
        .split_once('.')
        .and_then(|(b, c)| Some((b.parse::<u64>().ok()?, c.parse::<u64>().ok()?)));
    match parsed {
        None => check.error(
            label,
            "bag-info.txt",
            &format!("Payload-Oxum {oxum:?} is not OCTETS.COUNT"),
        ),
        Some(expected) if expected != (bytes, count) => check.error(
            label,
            "bag-info.txt",
            &format!("Payload-Oxum says {oxum} but the payload is {bytes} bytes in {count} files"),
        ),
        Some(_) => {}
    }
}

fn hash_and_compare(
    source: &dyn BagSource,
    label: &str,
    wanted: BTreeMap<String, Expected>,
    check: &mut BagCheck,
) {
    let jobs: Vec<(String, Expected)> = wanted.into_iter().collect();
    let results: Vec<(String, Expected, Result<Digests, String>)> = jobs
        .into_par_iter()
        .map(|(path, expected)| {
            let mut algorithms: Vec<Algorithm> = expected.iter().map(|(a, _, _)| *a).collect();
            algorithms.sort_unstable();
            algorithms.dedup();
            let digests = source.digest(&path, &algorithms);
            (path, expected, digests)
        })
        .collect();
    for (path, expected, digests) in results {
        match digests {
            Err(cause) => check.error(label, &path, &format!("cannot read: {cause}")),
            Ok(digests) => {
                check.report.files += 1;
                check.report.bytes += digests.bytes;
                for (algorithm, want, manifest) in &expected {
                    let found = digests.get(*algorithm).unwrap_or("");
                    let event =
                        FixityEvent::new(format!("{label}/{path}"), algorithm.name(), want, found);
                    if event.outcome != "pass" {
                        check.error(
                            label,
                            &path,
                            &format!(
                                "{} mismatch: {manifest} says {want}, the content is {found}",
                                algorithm.name()
                            ),
                        );
                    }
                    check.report.events.push(event);
                }
                check.computed.insert(path, digests);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_on_any_ending() {
        assert_eq!(split_lines("a\r\nb\rc\nd"), ["a", "b", "c", "d"]);
        assert_eq!(split_lines("a\n"), ["a"]);
        assert!(split_lines("").is_empty());
    }

    #[test]
    fn percent_decoding_touches_only_cr_lf_percent() {
        assert_eq!(percent_decode("data/a%0Ab%25c%7E%"), "data/a\nb%c%7E%");
    }

    #[test]
    fn decodes_declared_encodings() {
        assert_eq!(
            decode(&[0xFF, 0xFE, b'h', 0, b'i', 0], "UTF-16").as_deref(),
            Ok("hi")
        );
        assert_eq!(decode(&[0xE9], "ISO-8859-1").as_deref(), Ok("é"));
        assert!(decode(&[0xE9], "UTF-8").is_err());
        assert!(decode(b"x", "EBCDIC").is_err());
    }

    #[test]
    fn scope_checks() {
        for bad in ["../x", "/tmp/x", "~root/x", "data/../../x", "\\.\\./x"] {
            assert!(out_of_scope(bad).is_some(), "{bad}");
        }
        assert!(out_of_scope("data/a b.txt").is_none());
    }
}
