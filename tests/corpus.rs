//! The real corpus (`../shared/corpus`), when it is there: extraction over
//! all 298 files with default limits and the passwords published in
//! MANIFEST.tsv loses no document, never panics or runs past the deadline,
//! validates against the schema, gives each broken or locked file the error
//! kind it deserves, and finds text wherever poppler does.

mod common;
use common::*;
use std::collections::HashMap;

struct ManifestRow {
    encrypted: bool,
    pdftotext_ok: bool,
    notes: String,
}

fn manifest(corpus: &std::path::Path) -> HashMap<String, ManifestRow> {
    let text = std::fs::read_to_string(corpus.join("MANIFEST.tsv")).unwrap_or_default();
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            (cols.len() >= 9).then(|| {
                let path = cols[0].trim_start_matches("pdf/").to_string();
                let row = ManifestRow {
                    encrypted: cols[7] == "yes",
                    pdftotext_ok: cols[8] == "yes",
                    notes: cols.get(9).unwrap_or(&"").to_string(),
                };
                (path, row)
            })
        })
        .collect()
}

/// The user passwords the notes publish ("user password baz", "non-ASCII
/// user password (æøå)", "given as S<U+00AA>SL<U+00AD>prep"). Owner
/// passwords are left out: the acceptance is about opening as a reader would.
fn published_passwords(notes: &str) -> Option<String> {
    let after = |marker: &str| notes.split_once(marker).map(|(_, rest)| rest);
    let token = after("given as ").or_else(|| after("user password "))?;
    let token = token.split([' ', ',', ';']).next()?;
    let token = token.trim_matches(|c| c == '(' || c == ')');
    if token.is_empty() || ["not", "needs", "unknown"].contains(&token) {
        return None;
    }
    Some(decode_code_points(token))
}

/// Replace each `<U+XXXX>` by its character.
fn decode_code_points(token: &str) -> String {
    let mut out = String::new();
    let mut rest = token;
    while let Some(start) = rest.find("<U+") {
        out.push_str(&rest[..start]);
        let tail = &rest[start + 3..];
        let Some(end) = tail.find('>') else {
            break;
        };
        if let Some(c) = u32::from_str_radix(&tail[..end], 16)
            .ok()
            .and_then(char::from_u32)
        {
            out.push(c);
        }
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Files that are an error record, the kind each must have, and why.
///
/// Files whose page tree is lost but whose page objects survive are read
/// (rescue.rs gathers the pages) and are not here, though poppler reads
/// nothing from them: T02-01 (no catalog), T02-02 (a page tree that is its
/// own kid), pdf-lib invalid_root_ref and pypdf unreadablemetadata.
const EXPECTED_ERRORS: &[(&str, &str, &str)] = &[
    (
        "torture/format-corpus__encryption_openpassword.pdf",
        "encrypted-needs-password",
        "password never published",
    ),
    (
        "torture/pdfjs__pr6531_1.pdf",
        "encrypted-needs-password",
        "password never published",
    ),
    (
        "torture/pikepdf__graph-encrypted.pdf",
        "encrypted-needs-password",
        "user password never published (only the owner one)",
    ),
    (
        "torture/pdfjs__REDHAT-1531897-0.pdf",
        "damaged",
        "fuzzed xref; poppler fails too",
    ),
    (
        "torture/pdf-rs__infinite-loop-103.pdf",
        "truncated",
        "no %%EOF and no readable xref; poppler fails too",
    ),
    (
        "torture/pdfjs__bug1020226.pdf",
        "truncated",
        "broken xref, no catalog; poppler fails too",
    ),
];

/// Files where poppler prints text and bindery does not yet, each with the
/// reason. The test fails if one of them starts yielding text (so the list
/// shrinks as fixes land) or if any other file lacks text.
const KNOWN_GAPS: &[(&str, &str)] = &[
    (
        "nonlatin/pdfjs__complex_ttf_font.pdf",
        "no ToUnicode and a TrueType cmap nothing maps; poppler prints mojibake",
    ),
    (
        "torture/ocrmypdf__type3_font_nomapping.pdf",
        "Type 3 font with no mapping; poppler prints glyph codes",
    ),
    (
        "torture/pdfjs__ContentStreamCycleType3insideType3.pdf",
        "Type 3 glyph names with no Unicode meaning",
    ),
    (
        "torture/pdfjs__Type3WordSpacing.pdf",
        "Type 3 glyph names with no Unicode meaning",
    ),
    (
        "torture/pdfjs__secHandler.pdf",
        "its only text is a form button's caption, drawn by a widget annotation's appearance stream; bindery reads page content, not annotations",
    ),
];

#[test]
fn corpus_extraction_loses_nothing_and_finds_text() {
    let Some(corpus) = corpus("corpus_extraction_loses_nothing_and_finds_text") else {
        return;
    };
    let rows = manifest(&corpus);
    let passwords: Vec<String> = rows
        .values()
        .filter_map(|row| published_passwords(&row.notes))
        .collect();
    assert!(passwords.contains(&"baz".to_string()), "{passwords:?}");
    let dir = temp_dir("corpus-passwords");
    let passwords_file = dir.join("passwords.txt");
    std::fs::write(&passwords_file, passwords.join("\n")).expect("temp dir is writable");
    let started = std::time::Instant::now();
    let output = bindery(&[
        "extract",
        &corpus.join("pdf").to_string_lossy(),
        "--passwords-file",
        &passwords_file.to_string_lossy(),
        "-q",
    ]);
    let elapsed = started.elapsed();
    assert_ne!(output.status.code(), Some(2), "{}", stderr(&output));
    let records = records(&stdout(&output));
    assert_eq!(
        records.len(),
        rows.len(),
        "one record per PDF in the manifest"
    );
    let validator = schema_validator();
    let mut missing_text = Vec::new();
    let mut errors = Vec::new();
    for record in &records {
        assert_valid(&validator, record);
        assert_eq!(
            record["checksum"].as_str(),
            Some(independent_checksum(record).as_str())
        );
        let path = record["source"]["path"].as_str().unwrap_or("");
        let Some(row) = rows.get(path) else {
            panic!("{path} is not in the manifest");
        };
        let kind = record["error"]["kind"].as_str();
        if let Some(kind) = kind {
            assert_ne!(
                kind, "internal",
                "{path} panicked: {}",
                record["error"]["message"]
            );
            let message = record["error"]["message"].as_str().unwrap_or("");
            assert!(
                !message.contains("--timeout"),
                "{path} ran past the deadline: {message}"
            );
            errors.push((path.to_string(), kind.to_string()));
        } else if row.encrypted {
            assert_eq!(record["pdf"]["encrypted"], true, "{path}");
        }
        let warnings = record["quality"]["warnings"].to_string();
        assert!(
            !warnings.contains("--timeout"),
            "{path} ran past the deadline: {warnings}"
        );
        let reference = corpus.join("pdftotext/pdf").join(format!("{path}.txt"));
        let poppler_words = std::fs::read_to_string(&reference)
            .map(|t| t.split_whitespace().count())
            .unwrap_or(0);
        if row.pdftotext_ok && poppler_words > 0 {
            let words = record["text"]["words"].as_u64().unwrap_or(0);
            if words == 0 {
                missing_text.push(format!("{path} ({})", record["error"]["kind"]));
            }
        }
    }
    for (path, kind) in &errors {
        let expected = EXPECTED_ERRORS.iter().find(|(known, ..)| known == path);
        assert!(
            expected.is_some_and(|(_, expected_kind, _)| expected_kind == kind),
            "{path}: unexpected error record of kind {kind}"
        );
    }
    for (path, kind, reason) in EXPECTED_ERRORS {
        assert!(
            errors.iter().any(|(p, _)| p == path),
            "{path} now opens: remove it from EXPECTED_ERRORS"
        );
        eprintln!("expected error: {path}: {kind}: {reason}");
    }
    let unexpected: Vec<&String> = missing_text
        .iter()
        .filter(|m| !KNOWN_GAPS.iter().any(|(known, _)| m.starts_with(known)))
        .collect();
    assert!(
        unexpected.is_empty(),
        "no text where pdftotext finds some: {unexpected:#?}"
    );
    for (path, reason) in KNOWN_GAPS {
        assert!(
            missing_text.iter().any(|m| m.starts_with(path)),
            "{path} now yields text: remove it from KNOWN_GAPS"
        );
        eprintln!("known gap: {path}: {reason}");
    }
    // Past the harness's capture, so the time shows when the test passes.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "corpus: {} files, {} error records, {} passwords from the manifest, {:.1} s",
        records.len(),
        errors.len(),
        passwords.len(),
        elapsed.as_secs_f64()
    );
}

#[test]
fn manifest_notes_give_their_passwords() {
    let cases = [
        (
            "RC4-40 encryption; user password baz, owner password foo",
            Some("baz"),
        ),
        (
            "Encrypted; non-ASCII user password (æøå); pdfinfo",
            Some("æøå"),
        ),
        (
            "user password needs SASLprep: given as S<U+00AA>SL<U+00AD>prep, normalised SaSLprep",
            Some("S\u{00AA}SL\u{00AD}prep"),
        ),
        ("owner password owner, user password not published", None),
        ("Encrypted with empty user password", None),
    ];
    for (notes, expected) in cases {
        assert_eq!(published_passwords(notes).as_deref(), expected, "{notes}");
    }
}
