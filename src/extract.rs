//! From one PDF file to its record: read the bytes once (hash and parse the
//! same bytes), open and decrypt, interpret every page into glyphs, lay them
//! out, normalise the text, gather metadata, and seal the record.
//!
//! Nothing here fails: every problem becomes an error record or a warning.

use crate::catalog::Entry;
use crate::catalog::matching::Plan;
use crate::error::{DocumentError, ErrorKind};
use crate::pdf::content::TextExtractor;
use crate::pdf::document::{self, Document, OpenOptions};
use crate::pdf::layout::{PageLayout, layout_page};
use crate::pdf::limits::{Budget, LimitExceeded};
use crate::pdf::metadata::Info;
use crate::pdf::xmp::Xmp;
use crate::record::{
    self, FurnitureLine, PdfSection, Quality, Record, Source, Status, TextSection,
};
use std::path::Path;
use std::sync::Arc;

/// Options for reading documents.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    pub open: OpenOptions,
    /// Catalog values to put into the records of the documents they match.
    pub catalog: Option<Arc<Plan>>,
}

/// Read the file at `path` and make its record. `logical_path` is its path
/// relative to the input root. Never fails: a PDF that cannot be read gives
/// a record whose `error` says why.
///
/// ```
/// use bindery::{ExtractOptions, extract_file};
/// use std::path::Path;
///
/// let pdf = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/water-policy-brief.pdf");
/// let record = extract_file(&pdf, "water-policy-brief.pdf", &ExtractOptions::default());
/// assert!(record.is_ok());
/// let title = record.metadata.as_ref().and_then(|m| m.title.as_ref()).map(|t| t.value.as_str());
/// assert_eq!(title, Some("Pricing Urban Water for Scarcity"));
/// assert!(record.text_file().contains("water"));
///
/// // A damaged file is a record too, with the kind of failure.
/// let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/truncated-report.pdf");
/// let record = extract_file(&broken, "truncated-report.pdf", &ExtractOptions::default());
/// assert_eq!(record.error_kind(), Some("truncated"));
/// ```
pub fn extract_file(path: &Path, logical_path: &str, options: &ExtractOptions) -> Record {
    match std::fs::read(path) {
        Ok(bytes) => extract_bytes(&bytes, logical_path, options),
        Err(err) => failed_record(
            path,
            logical_path,
            None,
            &DocumentError::new(ErrorKind::Io, format!("cannot read the file: {err}")),
        ),
    }
}

/// Make the record of a PDF held in memory.
pub fn extract_bytes(bytes: &[u8], logical_path: &str, options: &ExtractOptions) -> Record {
    let source = source_of(logical_path, bytes);
    let entry = options
        .catalog
        .as_deref()
        .and_then(|plan| plan.entry_for(logical_path, source.sha256.as_deref()));
    match read_document(bytes, options) {
        Ok(parts) => ok_record(source, parts, entry),
        Err(error) => Record::failed(source, &error),
    }
}

/// An error record for a file whose bytes may not be available.
pub fn failed_record(
    path: &Path,
    logical_path: &str,
    bytes: Option<&[u8]>,
    error: &DocumentError,
) -> Record {
    let source = match bytes {
        Some(bytes) => source_of(logical_path, bytes),
        None => Source {
            path: logical_path.to_string(),
            name: file_name(logical_path),
            bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
            sha256: None,
        },
    };
    Record::failed(source, error)
}

fn source_of(logical_path: &str, bytes: &[u8]) -> Source {
    Source {
        path: logical_path.to_string(),
        name: file_name(logical_path),
        bytes: bytes.len() as u64,
        sha256: Some(record::sha256_hex(bytes)),
    }
}

fn file_name(logical_path: &str) -> String {
    logical_path
        .rsplit('/')
        .next()
        .unwrap_or(logical_path)
        .to_string()
}

/// What reading a document produced, before it becomes a record.
struct DocumentParts {
    pdf: PdfSection,
    info: Info,
    xmp: Option<Xmp>,
    text: crate::text::DocumentText,
    /// Layout of the first two pages, for the printed-page metadata.
    front_layouts: Vec<PageLayout>,
    /// The size most of the first pages' text is set in.
    body_size: f32,
    quality: Quality,
}

fn read_document(bytes: &[u8], options: &ExtractOptions) -> Result<DocumentParts, DocumentError> {
    let budget = Budget::new(options.open.limits.clone());
    let doc = document::open(bytes, &options.open)?;
    let info = Info::read(&doc.inner);
    let xmp = Xmp::read(&doc.inner);
    let mut quality = Quality {
        warnings: doc.warnings.clone(),
        ..Quality::default()
    };
    // Each page is laid out as soon as it is read, so a long book never
    // holds the glyphs of all its pages at once, only their layouts.
    let mut layouts: Vec<PageLayout> = Vec::with_capacity(doc.pages.len());
    for_each_page(&doc, &budget, None, |page| {
        quality.glyphs += u64::from(page.glyph_count);
        quality.unmapped_glyphs += u64::from(page.unmapped);
        quality.warnings.extend(page.warnings.iter().cloned());
        layouts.push(layout_page(&page));
    })?;
    let text = crate::text::normalise(&layouts);
    let body_size = crate::brief::text_body_size(&layouts);
    layouts.truncate(2);
    quality.empty_pages = (1..=text.pages.len() as u32)
        .filter(|&n| text.pages[n as usize - 1].trim().is_empty())
        .collect();
    quality.unmapped_per_mille = per_mille(quality.unmapped_glyphs, quality.glyphs);
    dedup_warnings(&mut quality.warnings);
    let pdf = PdfSection {
        version: doc.facts.version.clone(),
        pages: doc.facts.pages,
        encrypted: doc.facts.encrypted,
        producer: info.producer.clone(),
        creator: info.creator.clone(),
        linearized: doc.facts.linearized,
        tagged: doc.facts.tagged,
    };
    Ok(DocumentParts {
        pdf,
        info,
        xmp,
        text,
        front_layouts: layouts,
        body_size,
        quality,
    })
}

/// Interpret the pages of `doc` (all, or a 1-based inclusive range) into
/// glyphs. A page that needs more work than the cap allows is left empty
/// with a warning; the document's deadline aborts the whole document.
pub fn read_pages(
    doc: &Document,
    budget: &Budget,
    range: Option<(u32, u32)>,
) -> Result<Vec<crate::pdf::glyph::PageGlyphs>, DocumentError> {
    let mut pages = Vec::with_capacity(doc.pages.len());
    for_each_page(doc, budget, range, |page| pages.push(page))?;
    Ok(pages)
}

/// `read_pages`, handing each page to `each` as soon as it is read.
pub fn for_each_page(
    doc: &Document,
    budget: &Budget,
    range: Option<(u32, u32)>,
    mut each: impl FnMut(crate::pdf::glyph::PageGlyphs),
) -> Result<(), DocumentError> {
    let mut extractor = TextExtractor::new(&doc.inner, budget);
    for (index, &page_id) in doc.pages.iter().enumerate() {
        let number = index as u32 + 1;
        if let Some((first, last)) = range
            && (number < first || number > last)
        {
            continue;
        }
        budget.start_page();
        match extractor.page(page_id) {
            Ok(page) => each(page),
            Err(LimitExceeded::Timeout) => {
                return Err(DocumentError::new(
                    ErrorKind::LimitExceeded,
                    format!(
                        "reading stopped at page {number} of {}: {} ({} s); raise --timeout to read it",
                        doc.pages.len(),
                        LimitExceeded::Timeout,
                        budget.limits.timeout.as_secs()
                    ),
                ));
            }
            Err(limit) => {
                let mut page = crate::pdf::glyph::PageGlyphs::default();
                page.warnings
                    .push(format!("page {number}: {limit}; its text was skipped"));
                each(page);
            }
        }
    }
    Ok(())
}

fn per_mille(part: u64, whole: u64) -> u32 {
    (part * 1000 + whole / 2).checked_div(whole).unwrap_or(0) as u32
}

/// Keep the first of repeated warnings, so a damaged font used on 300 pages
/// is reported once.
fn dedup_warnings(warnings: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    warnings.retain(|w| seen.insert(w.clone()));
}

fn ok_record(source: Source, parts: DocumentParts, catalog: Option<&Entry>) -> Record {
    let joined = record::join_pages(&parts.text.pages);
    let text = TextSection {
        sha256: record::sha256_hex(joined.as_bytes()),
        chars: joined.chars().count() as u64,
        words: record::count_words(&joined),
        pages: parts.text.pages,
        furniture: parts
            .text
            .furniture
            .into_iter()
            .map(|f| FurnitureLine {
                page: f.page,
                text: f.text,
            })
            .collect(),
    };
    let front_text: String = text
        .pages
        .iter()
        .take(2)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("\n\n");
    let lines = crate::brief::printed_lines(&parts.front_layouts, &text.furniture);
    let common = crate::brief::names::CommonWords::of_pages(text.pages.iter().map(String::as_str));
    let printed = crate::brief::page::read_front_matter_in(
        &lines,
        &front_text,
        &common,
        Some(parts.body_size),
    );
    let page_heights: Vec<f32> = parts.front_layouts.iter().map(|l| l.height).collect();
    let mut metadata = crate::brief::metadata_from(&crate::brief::Sources {
        info: &parts.info,
        xmp: parts.xmp.as_ref(),
        printed: &printed,
        lines: &lines,
        page_heights: &page_heights,
        text: &text,
    });
    if let Some(entry) = catalog {
        crate::catalog::overlay::apply(&mut metadata, entry);
    }
    Record {
        schema: record::SCHEMA.to_string(),
        status: Status::Ok,
        id: source.sha256.clone(),
        source,
        pdf: Some(parts.pdf),
        metadata: Some(metadata),
        text: Some(text),
        quality: Some(parts.quality),
        error: None,
        extractor: record::Extractor::this(),
        checksum: String::new(),
    }
    .sealed()
}
