//! Our own Standard security handler against files encrypted by qpdf (an
//! independent implementation): each revision and cipher, user and owner
//! passwords, non-ASCII passwords, object streams, and the four corpus files
//! lopdf alone refuses.

mod common;
use bindery::pdf::decrypt::{self, Outcome};
use common::*;
use std::path::Path;
use std::process::Command;

const SECRET: &str = "Hello from an encrypted brief";
const TITLE: &str = "A title in the Info dictionary";

/// A one-page PDF with a text content stream and an Info title.
fn plain_pdf() -> Vec<u8> {
    use lopdf::{Dictionary, Object, Stream, StringFormat};
    let mut doc = lopdf::Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let content = format!("BT /F1 12 Tf 72 720 Td ({SECRET}) Tj ET").into_bytes();
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content));
    let font = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"Type1".to_vec())),
        ("BaseFont", Object::Name(b"Helvetica".to_vec())),
    ]);
    let resources = Dictionary::from_iter(vec![(
        "Font",
        Object::Dictionary(Dictionary::from_iter(vec![(
            "F1",
            Object::Dictionary(font),
        )])),
    )]);
    let page_id = doc.add_object(Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Page".to_vec())),
        ("Parent", Object::Reference(pages_id)),
        ("Contents", Object::Reference(content_id)),
        ("Resources", Object::Dictionary(resources)),
        (
            "MediaBox",
            Object::Array(vec![0.into(), 0.into(), 612.into(), 792.into()]),
        ),
    ]));
    doc.objects.insert(
        pages_id,
        Object::Dictionary(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Kids", Object::Array(vec![Object::Reference(page_id)])),
            ("Count", Object::Integer(1)),
        ])),
    );
    let catalog_id = doc.add_object(Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", Object::Reference(pages_id)),
    ]));
    let info_id = doc.add_object(Dictionary::from_iter(vec![(
        "Title",
        Object::String(TITLE.as_bytes().to_vec(), StringFormat::Literal),
    )]));
    doc.trailer.set("Root", Object::Reference(catalog_id));
    doc.trailer.set("Info", Object::Reference(info_id));
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)
        .expect("an in-memory save cannot fail");
    bytes
}

/// `plain_pdf` encrypted by qpdf with `args` (after `--encrypt`; a `--` in
/// them ends the encryption options early), or `None` after saying why when
/// qpdf is missing.
fn qpdf_encrypt(name: &str, args: &[&str]) -> Option<Vec<u8>> {
    let dir = temp_dir(&format!("decrypt-{name}"));
    let plain = dir.join("plain.pdf");
    let encrypted = dir.join("encrypted.pdf");
    std::fs::write(&plain, plain_pdf()).ok()?;
    let mut command = Command::new("qpdf");
    command
        .arg("--allow-weak-crypto")
        .arg("--encrypt")
        .args(args);
    if !args.contains(&"--") {
        command.arg("--");
    }
    command.arg(&plain).arg(&encrypted);
    match command.output() {
        Ok(output) if output.status.success() || output.status.code() == Some(3) => {
            std::fs::read(&encrypted).ok()
        }
        Ok(output) => panic!("qpdf failed: {}", String::from_utf8_lossy(&output.stderr)),
        Err(_) => {
            skip(&format!("{name}: qpdf is not installed"));
            None
        }
    }
}

/// Whether the decrypted document holds the clear content and title.
fn assert_clear(doc: &lopdf::Document, case: &str) {
    let mut found_text = false;
    let mut found_title = false;
    for object in doc.objects.values() {
        match object {
            lopdf::Object::Stream(stream) => {
                let content = stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone());
                found_text |= content
                    .windows(SECRET.len())
                    .any(|w| w == SECRET.as_bytes());
            }
            lopdf::Object::Dictionary(dict) => {
                found_title |= matches!(dict.get(b"Title"),
                    Ok(lopdf::Object::String(title, _)) if title == TITLE.as_bytes());
            }
            _ => {}
        }
    }
    assert!(found_text, "{case}: content stream not decrypted");
    assert!(found_title, "{case}: Info title not decrypted");
}

fn opened(bytes: &[u8], passwords: &[&str]) -> Option<lopdf::Document> {
    let passwords: Vec<String> = passwords.iter().map(|p| p.to_string()).collect();
    match decrypt::open(bytes, &passwords, 1 << 26) {
        Outcome::Opened(doc) => Some(*doc),
        Outcome::NeedsPassword => None,
        Outcome::Unusable(why) => panic!("handler unusable: {why}"),
    }
}

#[test]
fn each_revision_and_cipher_opens_with_user_and_owner_password() {
    let cases: &[(&str, &[&str])] = &[
        ("r2-rc4-40", &["user", "owner", "40"]),
        ("r3-rc4-128", &["user", "owner", "128", "--use-aes=n"]),
        ("r4-aes-128", &["user", "owner", "128", "--use-aes=y"]),
        (
            "r4-aes-128-clear-metadata",
            &[
                "user",
                "owner",
                "128",
                "--use-aes=y",
                "--cleartext-metadata",
            ],
        ),
        (
            "r4-aes-128-object-streams",
            &[
                "user",
                "owner",
                "128",
                "--use-aes=y",
                "--",
                "--object-streams=generate",
            ],
        ),
        ("r5-aes-256", &["user", "owner", "256", "--force-R5"]),
        ("r6-aes-256", &["user", "owner", "256"]),
        (
            "r6-aes-256-object-streams",
            &["user", "owner", "256", "--", "--object-streams=generate"],
        ),
    ];
    for (name, args) in cases {
        let Some(bytes) = qpdf_encrypt(name, args) else {
            return;
        };
        for password in ["user", "owner"] {
            let doc = opened(&bytes, &["not it", password])
                .unwrap_or_else(|| panic!("{name}: {password} password refused"));
            assert_clear(&doc, &format!("{name} with {password}"));
        }
        assert!(
            opened(&bytes, &["wrong"]).is_none(),
            "{name}: a wrong password opened the file"
        );
    }
}

#[test]
fn empty_user_password_opens_without_being_given() {
    let Some(bytes) = qpdf_encrypt("empty-user", &["", "owner", "128", "--use-aes=n"]) else {
        return;
    };
    let doc = opened(&bytes, &[]).expect("empty user password refused");
    assert_clear(&doc, "empty user password");
}

#[test]
fn non_ascii_passwords_are_encoded_per_revision() {
    // qpdf encodes R3 passwords in PDFDocEncoding and R6 ones in UTF-8.
    let cases: [(&str, &[&str]); 2] = [
        ("non-ascii-r3", &["æøå", "owner", "128", "--use-aes=n"]),
        ("non-ascii-r6", &["æøå", "owner", "256"]),
    ];
    for (name, args) in cases {
        let Some(bytes) = qpdf_encrypt(name, args) else {
            return;
        };
        let doc = opened(&bytes, &["æøå"]).unwrap_or_else(|| panic!("{name}: refused"));
        assert_clear(&doc, name);
    }
}

#[test]
fn the_cli_reads_text_the_handler_decrypted() {
    let Some(bytes) = qpdf_encrypt("cli", &["user", "owner", "256"]) else {
        return;
    };
    let dir = temp_dir("decrypt-cli-run");
    let path = dir.join("brief.pdf");
    std::fs::write(&path, bytes).expect("temp dir is writable");
    let path = path.to_string_lossy().into_owned();
    let output = bindery(&["text", "--password", "user", &path]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains(SECRET));
    let output = bindery(&["text", &path]);
    assert!(stderr(&output).contains("encrypted-needs-password"));
}

/// The four corpus files lopdf alone refuses, with their published passwords.
#[test]
fn corpus_files_lopdf_refuses_open_with_their_passwords() {
    let Some(corpus) = corpus("corpus_files_lopdf_refuses_open") else {
        return;
    };
    let torture = corpus.join("pdf/torture");
    let cases = [
        ("pdfminer__rc4-40.pdf", "baz", "Secret!"),
        ("pdfjs__issue6010_2.pdf", "æøå", "Issue 6010"),
        (
            "pdfjs__saslprep-r6.pdf",
            "S\u{00AA}SL\u{00AD}prep",
            "Hello pdf.js world",
        ),
        // A scan: no text, but its three pages and producer must be read.
        ("pdfminer__encrypted_doc_no_id.pdf", "", ""),
    ];
    for (file, password, expected) in cases {
        let path = torture.join(file);
        let output = bindery(&["extract", "--password", password, &path_str(&path)]);
        assert!(output.status.success(), "{file}: {}", stderr(&output));
        let records = records(&stdout(&output));
        let record = records.first().expect("one record");
        assert_eq!(record["status"], "ok", "{file}");
        assert_eq!(record["pdf"]["encrypted"], true, "{file}");
        let text = record["text"]["pages"].to_string();
        assert!(text.contains(expected), "{file}: {text}");
        if file.contains("no_id") {
            assert_eq!(record["pdf"]["pages"], 3);
            assert_eq!(record["pdf"]["producer"], "European Patent Office");
        }
    }
}

fn path_str(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}
