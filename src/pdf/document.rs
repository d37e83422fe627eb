//! Opening a PDF: header check, parsing and repair (by lopdf), decryption
//! with the empty password or the ones the user gave, and the facts about
//! the file itself that go into the record's `pdf` section.
//!
//! Everything that can go wrong here becomes a [`DocumentError`] with a kind
//! a script can match on; a damaged file that could be repaired opens with a
//! warning instead.

use crate::error::{DocumentError, ErrorKind};
use crate::pdf::decrypt;
use crate::pdf::limits::Limits;
use crate::pdf::rescue;
use lopdf::{Dictionary, LoadOptions, Object, ObjectId};

/// How to open documents: passwords to try and limits to apply.
#[derive(Debug, Clone, Default)]
pub struct OpenOptions {
    /// Passwords tried, in order, after the empty one.
    pub passwords: Vec<String>,
    pub limits: Limits,
}

/// An opened, decrypted document.
pub struct Document {
    pub inner: lopdf::Document,
    /// Page object ids in page order.
    pub pages: Vec<ObjectId>,
    pub facts: PdfFacts,
    /// Problems found while opening (repairs), one sentence each.
    pub warnings: Vec<String>,
}

/// Facts about the file, for the record's `pdf` section.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PdfFacts {
    pub version: String,
    pub pages: u32,
    pub encrypted: bool,
    pub linearized: bool,
    pub tagged: bool,
}

/// How many bytes at the start may precede `%PDF-` (Acrobat accepts 1024).
const HEADER_WINDOW: usize = 1024;

/// Open `bytes` as a PDF.
pub fn open(bytes: &[u8], options: &OpenOptions) -> Result<Document, DocumentError> {
    if bytes.is_empty() {
        return Err(DocumentError::new(
            ErrorKind::NotPdf,
            "the file is empty (0 bytes); download it again",
        ));
    }
    let window = &bytes[..bytes.len().min(HEADER_WINDOW)];
    if !window.windows(5).any(|w| w == b"%PDF-") {
        return Err(DocumentError::new(
            ErrorKind::NotPdf,
            format!("no %PDF- header in the first {HEADER_WINDOW} bytes: this is not a PDF file"),
        ));
    }
    let (inner, encrypted) = load_decrypted(bytes, options)?;
    let mut warnings = Vec::new();
    if let Some(recovery) = inner.xref_recovery {
        warnings.push(match recovery {
            lopdf::xref::XrefRecovery::OffsetCorrected => {
                "the cross-reference offsets were wrong and were corrected".to_string()
            }
            _ => "the cross-reference table was damaged and was rebuilt by scanning the file; some objects may be missing"
                .to_string(),
        });
    }
    if !ends_with_eof_marker(bytes) {
        warnings.push("the file does not end with %%EOF: it may be truncated".to_string());
    }
    let mut inner = inner;
    let mut pages: Vec<ObjectId> = inner.get_pages().into_values().collect();
    if !encrypted && shows_damage(&inner, &pages, bytes) {
        let recovered = rescue::recover_objects(&mut inner, bytes);
        if recovered > 0 {
            pages = inner.get_pages().into_values().collect();
            warnings.push(format!(
                "{recovered} objects the repair lost were recovered by scanning the file; some text may still be missing"
            ));
        }
    }
    if pages.is_empty() {
        let gathered = rescue::rebuild_page_tree(&mut inner);
        if gathered > 0 {
            pages = inner.get_pages().into_values().collect();
            warnings.push(format!(
                "the page tree is lost; {gathered} page objects found in the file were read in object order, which may not be the original order, and pages may be missing"
            ));
        }
    }
    if pages.is_empty() {
        let kind = if ends_with_eof_marker(bytes) {
            ErrorKind::Damaged
        } else {
            ErrorKind::Truncated
        };
        return Err(DocumentError::new(
            kind,
            match kind {
                ErrorKind::Truncated => {
                    "no pages could be read: the file is truncated; download it again"
                }
                _ => "no pages could be read: the page tree is missing or damaged beyond repair",
            },
        ));
    }
    if pages.len() > options.limits.max_pages as usize {
        return Err(DocumentError::new(
            ErrorKind::LimitExceeded,
            format!(
                "the document has {} pages, more than the page cap of {} (raise it with --max-pages)",
                pages.len(),
                options.limits.max_pages
            ),
        ));
    }
    let facts = PdfFacts {
        version: inner.version.clone(),
        pages: pages.len() as u32,
        encrypted,
        linearized: inner.linearization.is_some(),
        tagged: is_tagged(&inner),
    };
    Ok(Document {
        inner,
        pages,
        facts,
        warnings,
    })
}

/// Load the document, trying the empty password (lopdf does that itself)
/// and then each given password; when lopdf cannot decrypt a file (or
/// decrypts it to no pages), our own security handler tries the same
/// passwords. Also says whether the file was encrypted.
fn load_decrypted(
    bytes: &[u8],
    options: &OpenOptions,
) -> Result<(lopdf::Document, bool), DocumentError> {
    let load = |password: Option<&str>| {
        lopdf::Document::load_mem_with_options(
            bytes,
            LoadOptions {
                password: password.map(str::to_string),
                max_decompressed_size: Some(options.limits.max_stream_bytes),
                ..LoadOptions::default()
            },
        )
    };
    let first = load(None);
    let encrypted = match &first {
        Ok(doc) => doc.trailer.has(b"Encrypt") || doc.encryption_state.is_some(),
        Err(_) => declares_encryption(bytes),
    };
    if !encrypted {
        return first
            .map(|doc| (doc, false))
            .map_err(|err| load_error(bytes, &err));
    }
    let usable = |doc: &lopdf::Document| !needs_password(doc) && !doc.get_pages().is_empty();
    if let Ok(doc) = &first
        && usable(doc)
    {
        return first
            .map(|doc| (doc, true))
            .map_err(|err| load_error(bytes, &err));
    }
    for password in &options.passwords {
        if let Ok(doc) = load(Some(password))
            && usable(&doc)
        {
            return Ok((doc, true));
        }
    }
    match decrypt::open(bytes, &options.passwords, options.limits.max_stream_bytes) {
        decrypt::Outcome::Opened(doc) => Ok((*doc, true)),
        decrypt::Outcome::NeedsPassword => Err(needs_password_error(options)),
        // lopdf's own verdict explains a file neither handler can read.
        decrypt::Outcome::Unusable(why) => match first {
            Err(err) => Err(load_error(bytes, &err)),
            Ok(_) => Err(DocumentError::new(
                ErrorKind::EncryptedNeedsPassword,
                format!("the file is encrypted and cannot be decrypted: {why}"),
            )),
        },
    }
}

/// In a batch, a password that opens other files is not "wrong" for this
/// one: whatever was tried, what the user needs is this file's password.
fn needs_password_error(options: &OpenOptions) -> DocumentError {
    DocumentError::new(
        ErrorKind::EncryptedNeedsPassword,
        if options.passwords.is_empty() {
            "the file is encrypted and the empty password does not open it; give its password with --password or --passwords-file".to_string()
        } else {
            format!(
                "the file is encrypted and neither the empty password nor the {} given opens it; give its password with --password or --passwords-file",
                options.passwords.len()
            )
        },
    )
}

/// Whether the bytes name an encryption dictionary (for files lopdf could
/// not load at all).
fn declares_encryption(bytes: &[u8]) -> bool {
    bytes.windows(9).any(|w| {
        w.starts_with(b"/Encrypt") && (w[8].is_ascii_whitespace() || b"/<".contains(&w[8]))
    })
}

/// lopdf loads an encrypted file it cannot decrypt as `Ok` with no objects.
fn needs_password(doc: &lopdf::Document) -> bool {
    doc.trailer.has(b"Encrypt") && doc.encryption_state.is_none()
}

/// Turn a lopdf load error into a document error with a useful kind.
fn load_error(bytes: &[u8], err: &lopdf::Error) -> DocumentError {
    use lopdf::Error as E;
    let truncated = !ends_with_eof_marker(bytes);
    match err {
        E::Decompress(lopdf::DecompressError::MemoryLimitExceeded { limit }) => DocumentError::new(
            ErrorKind::LimitExceeded,
            format!(
                "a stream decodes to more than {limit} bytes (a decompression bomb?); raise --max-stream-mb to read it"
            ),
        ),
        E::InvalidPassword => DocumentError::new(
            ErrorKind::EncryptedNeedsPassword,
            "the password was refused; give the right one with --password or --passwords-file",
        ),
        E::Decryption(inner) => DocumentError::new(
            ErrorKind::Damaged,
            format!("the encryption dictionary is unusable: {inner}"),
        ),
        E::UnsupportedSecurityHandler(name) => DocumentError::new(
            ErrorKind::EncryptedNeedsPassword,
            format!(
                "the file is encrypted with the {} security handler, which bindery cannot open",
                String::from_utf8_lossy(name)
            ),
        ),
        E::IO(io) => DocumentError::new(ErrorKind::Io, format!("cannot read the file: {io}")),
        _ if truncated => DocumentError::new(
            ErrorKind::Truncated,
            format!("the file is truncated and could not be repaired ({err}); download it again"),
        ),
        _ => DocumentError::new(
            ErrorKind::Damaged,
            format!("the PDF structure is damaged beyond repair ({err})"),
        ),
    }
}

/// Whether lopdf's load looks lossy: a rebuilt or corrected xref, no
/// %%EOF, no pages, or a page whose content or fonts lead to objects that
/// are missing or streams with no data. Clean files skip the object scan.
fn shows_damage(doc: &lopdf::Document, pages: &[ObjectId], bytes: &[u8]) -> bool {
    if doc.xref_recovery.is_some() || pages.is_empty() || !ends_with_eof_marker(bytes) {
        return true;
    }
    let lost = |object: &Object| match object {
        Object::Reference(id) => match doc.objects.get(id) {
            None => true,
            Some(Object::Stream(stream)) => {
                stream.content.is_empty() || !stream.dict.has(b"Length")
            }
            Some(_) => false,
        },
        _ => false,
    };
    pages.iter().any(|page| {
        let Ok(page) = doc.get_dictionary(*page) else {
            return true;
        };
        let contents_lost = match page.get(b"Contents") {
            Ok(Object::Array(parts)) => parts.iter().any(lost),
            Ok(contents) => lost(contents),
            Err(_) => false,
        };
        let fonts_lost = resolve_dict(doc, page.get(b"Resources").ok())
            .and_then(|resources| resolve_dict(doc, resources.get(b"Font").ok()))
            .is_some_and(|fonts| fonts.iter().any(|(_, font)| lost(font)));
        contents_lost || fonts_lost
    })
}

/// Whether `%%EOF` appears in the last kilobyte, as every complete PDF has.
fn ends_with_eof_marker(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    tail.windows(5).any(|w| w == b"%%EOF")
}

/// A tagged PDF has /MarkInfo << /Marked true >> or a structure tree.
fn is_tagged(doc: &lopdf::Document) -> bool {
    let Ok(catalog) = doc.catalog() else {
        return false;
    };
    let marked = resolve_dict(doc, catalog.get(b"MarkInfo").ok())
        .and_then(|mark_info| mark_info.get(b"Marked").ok())
        .and_then(|marked| marked.as_bool().ok())
        .unwrap_or(false);
    marked || catalog.has(b"StructTreeRoot")
}

/// Follow a reference (if any) to a dictionary.
pub fn resolve_dict<'a>(
    doc: &'a lopdf::Document,
    object: Option<&'a Object>,
) -> Option<&'a Dictionary> {
    match object? {
        Object::Dictionary(dict) => Some(dict),
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_is_not_a_pdf() {
        let err = open(b"", &OpenOptions::default()).err().map(|e| e.kind);
        assert_eq!(err, Some(ErrorKind::NotPdf));
    }

    #[test]
    fn html_file_is_not_a_pdf() {
        let err = open(
            b"<!doctype html><title>404</title>",
            &OpenOptions::default(),
        )
        .err()
        .map(|e| e.kind);
        assert_eq!(err, Some(ErrorKind::NotPdf));
    }

    #[test]
    fn header_only_is_truncated() {
        let err = open(
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<",
            &OpenOptions::default(),
        )
        .err()
        .map(|e| e.kind);
        assert_eq!(err, Some(ErrorKind::Truncated));
    }
}
