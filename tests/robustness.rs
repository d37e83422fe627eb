//! Hostile and odd inputs: each costs exactly its own document, with a
//! clear kind, and never stops the batch or panics.

mod common;
use common::*;
use std::path::Path;

/// A small valid PDF made here, so these tests need no samples.
fn tiny_pdf() -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(lopdf::Dictionary::from_iter(vec![
        ("Type", lopdf::Object::Name(b"Font".to_vec())),
        ("Subtype", lopdf::Object::Name(b"Type1".to_vec())),
        ("BaseFont", lopdf::Object::Name(b"Helvetica".to_vec())),
    ]));
    let content = b"BT /F1 12 Tf 72 720 Td (Hello from a tiny brief) Tj ET".to_vec();
    let content_id = doc.add_object(lopdf::Stream::new(lopdf::Dictionary::new(), content));
    let resources = lopdf::Dictionary::from_iter(vec![(
        "Font",
        lopdf::Object::Dictionary(lopdf::Dictionary::from_iter(vec![(
            "F1",
            lopdf::Object::Reference(font_id),
        )])),
    )]);
    let page_id = doc.add_object(lopdf::Dictionary::from_iter(vec![
        ("Type", lopdf::Object::Name(b"Page".to_vec())),
        ("Parent", lopdf::Object::Reference(pages_id)),
        ("Contents", lopdf::Object::Reference(content_id)),
        ("Resources", lopdf::Object::Dictionary(resources)),
        (
            "MediaBox",
            lopdf::Object::Array(vec![0.into(), 0.into(), 612.into(), 792.into()]),
        ),
    ]));
    doc.objects.insert(
        pages_id,
        lopdf::Object::Dictionary(lopdf::Dictionary::from_iter(vec![
            ("Type", lopdf::Object::Name(b"Pages".to_vec())),
            (
                "Kids",
                lopdf::Object::Array(vec![lopdf::Object::Reference(page_id)]),
            ),
            ("Count", lopdf::Object::Integer(1)),
        ])),
    );
    let catalog = doc.add_object(lopdf::Dictionary::from_iter(vec![
        ("Type", lopdf::Object::Name(b"Catalog".to_vec())),
        ("Pages", lopdf::Object::Reference(pages_id)),
    ]));
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    bytes
}

fn extract_dir(dir: &Path, extra: &[&str]) -> (Option<i32>, Vec<serde_json::Value>, String) {
    let mut args = vec!["extract", "-j", "2"];
    let dir_arg = dir.to_string_lossy().into_owned();
    args.push(&dir_arg);
    args.extend_from_slice(extra);
    let output = bindery(&args);
    (
        output.status.code(),
        records(&stdout(&output)),
        stderr(&output),
    )
}

#[test]
fn bad_files_cost_only_themselves() {
    let dir = temp_dir("bad-files");
    let good = tiny_pdf();
    std::fs::write(dir.join("a-good.pdf"), &good).unwrap_or(());
    std::fs::write(dir.join("b-empty.pdf"), b"").unwrap_or(());
    std::fs::write(
        dir.join("c-html.pdf"),
        b"<html><body>Not found</body></html>",
    )
    .unwrap_or(());
    std::fs::write(dir.join("d-truncated.pdf"), &good[..good.len() / 3]).unwrap_or(());
    std::fs::write(dir.join("e-good.PDF"), &good).unwrap_or(());
    let (code, records, stderr) = extract_dir(&dir, &[]);
    assert_eq!(code, Some(1), "some documents failed");
    let kinds: Vec<(String, String)> = records
        .iter()
        .map(|r| {
            (
                r["source"]["name"].as_str().unwrap_or("").to_string(),
                r["error"]["kind"].as_str().unwrap_or("ok").to_string(),
            )
        })
        .collect();
    assert_eq!(kinds[0], ("a-good.pdf".into(), "ok".into()));
    assert_eq!(kinds[1], ("b-empty.pdf".into(), "not-pdf".into()));
    assert_eq!(kinds[2], ("c-html.pdf".into(), "not-pdf".into()));
    assert_eq!(kinds[3].0, "d-truncated.pdf");
    assert_ne!(kinds[3].1, "ok");
    assert_ne!(kinds[3].1, "internal");
    assert_eq!(
        kinds[4],
        ("e-good.PDF".into(), "ok".into()),
        "both good files are kept: the same bytes under two names"
    );
    assert_eq!(records[0]["id"], records[4]["id"]);
    for name in ["b-empty.pdf", "c-html.pdf", "d-truncated.pdf"] {
        assert!(stderr.contains(name), "stderr names {name}: {stderr}");
    }
    assert!(!stderr.contains("panicked"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn folders_twice_and_symlink_loops_count_each_file_once() {
    let dir = temp_dir("walk");
    std::fs::create_dir_all(dir.join("sub")).unwrap_or(());
    std::fs::write(dir.join("sub/one.pdf"), tiny_pdf()).unwrap_or(());
    #[cfg(unix)]
    {
        let _ = std::os::unix::fs::symlink(&dir, dir.join("sub/loop"));
        let _ = std::os::unix::fs::symlink(dir.join("sub/one.pdf"), dir.join("link.pdf"));
    }
    let dir_arg = dir.to_string_lossy().into_owned();
    let sub_arg = dir.join("sub").to_string_lossy().into_owned();
    let plain = bindery(&["extract", "-q", &dir_arg, &sub_arg]);
    assert_eq!(
        records(&stdout(&plain)).len(),
        1,
        "symlinks are not followed by default; a folder given twice counts once"
    );
    let followed = bindery(&["extract", "-q", "--follow-symlinks", &dir_arg]);
    assert_eq!(followed.status.code(), Some(0));
    assert_eq!(
        records(&stdout(&followed)).len(),
        1,
        "a loop and a link to a file already seen add nothing"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn non_utf8_file_names_are_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_dir("non-utf8");
    let name = std::ffi::OsStr::from_bytes(b"r\xe9sum\xe9.pdf");
    if std::fs::write(dir.join(name), tiny_pdf()).is_err() {
        skip("this file system refuses non-UTF-8 names");
        return;
    }
    let (code, records, _) = extract_dir(&dir, &["-q"]);
    assert_eq!(code, Some(0));
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["status"], "ok");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_named_like_a_pdf_is_walked_not_read() {
    let dir = temp_dir("dir-pdf");
    std::fs::create_dir_all(dir.join("odd.pdf")).unwrap_or(());
    std::fs::write(dir.join("odd.pdf/inner.pdf"), tiny_pdf()).unwrap_or(());
    let (code, records, _) = extract_dir(&dir, &["-q"]);
    assert_eq!(code, Some(0));
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["source"]["path"], "odd.pdf/inner.pdf");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_empty_folder_is_not_an_error() {
    let dir = temp_dir("empty");
    let (code, records, stderr) = extract_dir(&dir, &[]);
    assert_eq!(code, Some(0));
    assert!(records.is_empty());
    assert!(stderr.contains("no PDF files"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_io_error_record_and_the_batch_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("unreadable");
    std::fs::write(dir.join("a-good.pdf"), tiny_pdf()).unwrap_or(());
    let locked = dir.join("b-locked.pdf");
    std::fs::write(&locked, tiny_pdf()).unwrap_or(());
    let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000));
    if std::fs::read(&locked).is_ok() {
        skip("an_unreadable_file: mode 000 does not stop this user (root) from reading");
        let _ = std::fs::remove_dir_all(&dir);
        return;
    }
    let (code, records, stderr) = extract_dir(&dir, &[]);
    assert_eq!(code, Some(1), "one document failed");
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["status"], "ok");
    assert_eq!(records[1]["error"]["kind"], "io");
    assert!(stderr.contains("b-locked.pdf"), "{stderr}");
    let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A file rewritten while bindery reads it: the checksum in the record is
/// always that of the bytes whose text it holds, because the file is read
/// once into memory and both hashed and parsed from that buffer.
#[test]
fn a_file_that_changes_while_read_gets_a_checksum_of_the_bytes_parsed() {
    use sha2::{Digest, Sha256};
    let dir = temp_dir("changing");
    let path = dir.join("moving.pdf");
    let version_a = tiny_pdf();
    let mut version_b = version_a.clone();
    let (from, to) = (b"tiny brief".as_slice(), b"TINY BRIEF".as_slice());
    let at = version_b
        .windows(from.len())
        .position(|w| w == from)
        .expect("the tiny PDF's content stream is not compressed");
    version_b[at..at + from.len()].copy_from_slice(to);
    let hex = |bytes: &[u8]| {
        Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let (hash_a, hash_b) = (hex(&version_a), hex(&version_b));
    std::fs::write(&path, &version_a).unwrap_or(());
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (stop, path) = (stop.clone(), path.clone());
        let versions = [version_a.clone(), version_b.clone()];
        std::thread::spawn(move || {
            let mut flip = 0;
            // In-place rewrites (truncate, then write): a reader can meet
            // either version, or a torn mix of both. The pause lets whole
            // versions be read too, even on a loaded machine.
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let _ = std::fs::write(&path, &versions[flip % 2]);
                flip += 1;
                std::thread::sleep(std::time::Duration::from_millis(3));
            }
        })
    };
    let path_arg = path.to_string_lossy().into_owned();
    let mut seen = [0usize; 3];
    for run in 0..200 {
        if run >= 30 && seen[0] + seen[1] > 0 {
            break;
        }
        let output = bindery(&["extract", "-q", &path_arg]);
        for record in records(&stdout(&output)) {
            assert_ne!(record["error"]["kind"], "internal");
            let text = record["text"]["pages"].to_string();
            let id = record["id"].as_str().unwrap_or("");
            if id == hash_a {
                assert!(text.contains("tiny brief"), "hash of A, text {text}");
                seen[0] += 1;
            } else if id == hash_b {
                assert!(text.contains("TINY BRIEF"), "hash of B, text {text}");
                seen[1] += 1;
            } else {
                seen[2] += 1;
            }
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let _ = writer.join();
    eprintln!(
        "changing file: {} reads of A, {} of B, {} torn or empty",
        seen[0], seen[1], seen[2]
    );
    assert!(
        seen[0] + seen[1] > 0,
        "no whole version was ever read: {seen:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
