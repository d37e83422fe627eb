//! The fallback object scan for damaged files: when lopdf's own repair still
//! loses objects (a stream without `/Length`, an object without `endobj`, a
//! file cut short), every `N G obj` in the bytes is parsed here and the
//! objects lopdf lacks, or kept with no data, are added to the document.
//!
//! It runs only on files that show damage, and it is bounded: one pass over
//! the bytes, nesting capped, a stream's data never longer than the file.
//!
//! When even then the page tree leads to no page (its root lost with the
//! bytes around it), the page objects themselves are gathered under a new
//! root, so the pages that survive are read.

use crate::pdf::lexer::{Lexer, Token, name_bytes};
use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};

/// Nesting of arrays and dictionaries parsed in one object.
const MAX_NESTING: usize = 64;

/// Add to `doc` the objects of `bytes` that lopdf lost; how many were added.
pub fn recover_objects(doc: &mut lopdf::Document, bytes: &[u8]) -> usize {
    let mut added = 0;
    for (id, object) in scan_objects(bytes) {
        let lost = match doc.objects.get(&id) {
            None => true,
            // A stream with no /Length was cut wherever lopdf guessed.
            Some(Object::Stream(kept)) => {
                (kept.content.is_empty() || !kept.dict.has(b"Length"))
                    && matches!(&object, Object::Stream(found) if !found.content.is_empty())
            }
            Some(_) => false,
        };
        if lost {
            doc.objects.insert(id, object);
            doc.max_id = doc.max_id.max(id.0);
            added += 1;
        }
    }
    if !doc.trailer.has(b"Root")
        && let Some(catalog) = find_catalog(doc)
    {
        doc.trailer.set("Root", Object::Reference(catalog));
    }
    added
}

/// Put every `/Type /Page` object of `doc` under a new page-tree root, for
/// a document whose page tree leads to no page; how many pages it gathered.
///
/// The original order is lost with the tree. Pages go in object-number
/// order (writers number them as they go), except that a linearized file's
/// first page, numbered after the others, goes where `/O` and `/P` put it.
/// The new root takes the number of the lost one when the catalog still
/// names it, so the pages' `/Parent` links lead to it again.
pub fn rebuild_page_tree(doc: &mut lopdf::Document) -> usize {
    let mut pages: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, object)| has_type(object, b"Page"))
        .map(|(id, _)| *id)
        .collect();
    if pages.is_empty() {
        return 0;
    }
    if let Some(linearization) = &doc.linearization
        && let Some(at) = pages
            .iter()
            .position(|id| id.0 == linearization.first_page_object)
    {
        let first = pages.remove(at);
        let index = usize::try_from(linearization.first_page).map_or(0, |i| i.min(pages.len()));
        pages.insert(index, first);
    }
    let catalog_id = match doc.trailer.get(b"Root").and_then(Object::as_reference) {
        Ok(id) if doc.get_dictionary(id).is_ok() => id,
        _ => {
            let Some(id) = unused_object_id(doc) else {
                return 0;
            };
            doc.objects
                .insert(id, Object::Dictionary(Dictionary::new()));
            doc.trailer.set("Root", Object::Reference(id));
            id
        }
    };
    let named_root = doc
        .get_dictionary(catalog_id)
        .and_then(|catalog| catalog.get(b"Pages"))
        .and_then(Object::as_reference)
        .ok();
    // Reuse the lost root's number, never an object that is still there.
    let root_id = match named_root {
        Some(id) if !doc.objects.contains_key(&id) => id,
        _ => match unused_object_id(doc) {
            Some(id) => id,
            None => return 0,
        },
    };
    let count = pages.len();
    let mut root = Dictionary::new();
    root.set("Type", Object::Name(b"Pages".to_vec()));
    root.set(
        "Kids",
        Object::Array(pages.into_iter().map(Object::Reference).collect()),
    );
    root.set("Count", Object::Integer(count as i64));
    doc.objects.insert(root_id, Object::Dictionary(root));
    doc.max_id = doc.max_id.max(root_id.0);
    if let Ok(Object::Dictionary(catalog)) = doc.get_object_mut(catalog_id) {
        catalog.set("Type", Object::Name(b"Catalog".to_vec()));
        catalog.set("Pages", Object::Reference(root_id));
    }
    count
}

/// A number above every object's, recorded as the document's highest; none
/// when a hostile file already uses the last one.
fn unused_object_id(doc: &mut lopdf::Document) -> Option<ObjectId> {
    let highest = doc.objects.keys().next_back().map_or(0, |id| id.0);
    let number = highest.max(doc.max_id).checked_add(1)?;
    doc.max_id = number;
    Some((number, 0))
}

/// Whether an object is a dictionary of the given /Type.
fn has_type(object: &Object, kind: &[u8]) -> bool {
    object
        .as_dict()
        .and_then(|dict| dict.get(b"Type"))
        .and_then(Object::as_name)
        .is_ok_and(|name| name == kind)
}

/// The first object whose /Type is /Catalog.
fn find_catalog(doc: &lopdf::Document) -> Option<ObjectId> {
    doc.objects
        .iter()
        .find_map(|(id, object)| has_type(object, b"Catalog").then_some(*id))
}

/// Every `N G obj` of the file with its parsed value, later copies last (an
/// incremental update replaces the earlier one when inserted in order).
fn scan_objects(bytes: &[u8]) -> Vec<(ObjectId, Object)> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = bytes
        .get(at..)
        .and_then(|rest| rest.windows(3).position(|w| w == b"obj"))
    {
        let keyword = at + offset;
        at = keyword + 3;
        let followed_well = bytes
            .get(keyword + 3)
            .is_none_or(|&b| !b.is_ascii_alphanumeric());
        let Some(id) = followed_well
            .then(|| object_id_before(bytes, keyword))
            .flatten()
        else {
            continue;
        };
        let mut lexer = Lexer::new(bytes);
        lexer.set_position(keyword + 3);
        if let Some(object) = parse_object(&mut lexer) {
            at = at.max(lexer.position());
            found.push((id, object));
        }
    }
    found
}

/// The `N G` before an `obj` keyword at `keyword`.
fn object_id_before(bytes: &[u8], keyword: usize) -> Option<ObjectId> {
    let head = bytes.get(keyword.saturating_sub(24)..keyword)?;
    let mut words = head
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .rev();
    let generation = std::str::from_utf8(words.next()?)
        .ok()?
        .parse::<u16>()
        .ok()?;
    let number = words.next()?;
    // The number may follow the previous object's `endobj` without a space.
    let digits = number.len()
        - number
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count();
    let number = std::str::from_utf8(&number[digits..])
        .ok()?
        .parse::<u32>()
        .ok()?;
    (number > 0 && head.last().is_some_and(u8::is_ascii_whitespace)).then_some((number, generation))
}

/// The value after `obj`, and its stream data when a dictionary is followed
/// by `stream`.
fn parse_object(lexer: &mut Lexer) -> Option<Object> {
    let value = parse_value(lexer, 0)?;
    let Object::Dictionary(dict) = value else {
        return Some(value);
    };
    let after_dict = lexer.position();
    if lexer.next_token() != Some(Token::Keyword(b"stream")) {
        lexer.set_position(after_dict);
        return Some(Object::Dictionary(dict));
    }
    let data = lexer.data();
    let mut start = lexer.position();
    if data.get(start) == Some(&b'\r') {
        start += 1;
    }
    if data.get(start) == Some(&b'\n') {
        start += 1;
    }
    let content = stream_data(data, start, &dict);
    lexer.set_position(start + content.len());
    Some(Object::Stream(Stream::new(dict, content.to_vec())))
}

/// The data of a stream starting at `start`: `/Length` bytes when `endstream`
/// follows them, otherwise everything up to the next `endstream`, the end of
/// line before it dropped (or up to the end of a file cut short).
fn stream_data<'a>(data: &'a [u8], start: usize, dict: &Dictionary) -> &'a [u8] {
    let rest = data.get(start..).unwrap_or_default();
    if let Ok(Object::Integer(length)) = dict.get(b"Length")
        && let Ok(length) = usize::try_from(*length)
        && let Some(after) = rest.get(length..)
    {
        let after = after.trim_ascii_start();
        if after.starts_with(b"endstream") {
            return &rest[..length];
        }
    }
    let end = rest
        .windows(9)
        .position(|w| w == b"endstream")
        .unwrap_or(rest.len());
    let mut content = &rest[..end];
    if let Some(stripped) = content.strip_suffix(b"\n") {
        content = stripped;
    }
    if let Some(stripped) = content.strip_suffix(b"\r") {
        content = stripped;
    }
    content
}

fn parse_value(lexer: &mut Lexer, depth: usize) -> Option<Object> {
    if depth > MAX_NESTING {
        return None;
    }
    Some(match lexer.next_token()? {
        Token::Number(number) => {
            let after_number = lexer.position();
            if let Some(reference) = reference_after(lexer, number) {
                return Some(reference);
            }
            lexer.set_position(after_number);
            if number.fract() == 0.0 && number.abs() < 9.0e15 {
                Object::Integer(number as i64)
            } else {
                Object::Real(number as f32)
            }
        }
        Token::Name(raw) => Object::Name(name_bytes(raw).into_owned()),
        Token::String(bytes) => Object::String(bytes.into_owned(), StringFormat::Literal),
        Token::ArrayStart => {
            let mut items = Vec::new();
            loop {
                let before = lexer.position();
                if lexer.next_token()? == Token::ArrayEnd {
                    break;
                }
                lexer.set_position(before);
                items.push(parse_value(lexer, depth + 1)?);
            }
            Object::Array(items)
        }
        Token::DictStart => {
            let mut dict = Dictionary::new();
            loop {
                match lexer.next_token()? {
                    Token::DictEnd => break,
                    Token::Name(key) => {
                        let key = name_bytes(key).into_owned();
                        dict.set(key, parse_value(lexer, depth + 1)?);
                    }
                    _ => return None,
                }
            }
            Object::Dictionary(dict)
        }
        Token::Keyword(b"true") => Object::Boolean(true),
        Token::Keyword(b"false") => Object::Boolean(false),
        Token::Keyword(b"null") => Object::Null,
        _ => return None,
    })
}

/// `G R` after an object number, as a reference.
fn reference_after(lexer: &mut Lexer, number: f64) -> Option<Object> {
    let Token::Number(generation) = lexer.next_token()? else {
        return None;
    };
    if lexer.next_token()? != Token::Keyword(b"R") {
        return None;
    }
    let valid = |n: f64, max: f64| n.fract() == 0.0 && (0.0..=max).contains(&n);
    (valid(number, f64::from(u32::MAX)) && valid(generation, f64::from(u16::MAX)))
        .then(|| Object::Reference((number as u32, generation as u16)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_without_endobj_or_length_are_found() {
        let bytes = b"%PDF-1.3\n5 0 obj\n<< >>\nstream\nBT (Hi) Tj ET\n\nendstream\nendobj\n10 0 obj\n<</Type /Font /Sub#74ype /Type1 /W [1 2.5 3 0 R]>>\nxref\n";
        let objects = scan_objects(bytes);
        assert_eq!(objects.len(), 2);
        let Object::Stream(stream) = &objects[0].1 else {
            panic!("a stream: {objects:?}");
        };
        assert_eq!(stream.content, b"BT (Hi) Tj ET\n");
        let Object::Dictionary(font) = &objects[1].1 else {
            panic!("a dictionary");
        };
        assert_eq!(objects[1].0, (10, 0));
        assert_eq!(
            font.get(b"Subtype").and_then(Object::as_name).ok(),
            Some(b"Type1".as_slice())
        );
        let widths = font.get(b"W").and_then(Object::as_array).map(Vec::len).ok();
        assert_eq!(widths, Some(3), "1, 2.5 and a reference");
    }

    #[test]
    fn a_stream_cut_short_keeps_what_is_there() {
        let bytes = b"4 0 obj <</Length 999>> stream\nBT (Half";
        let objects = scan_objects(bytes);
        let Some((_, Object::Stream(stream))) = objects.first() else {
            panic!("a stream");
        };
        assert_eq!(stream.content, b"BT (Half");
    }

    fn page(parent: u32) -> Object {
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", Object::Reference((parent, 0)));
        Object::Dictionary(page)
    }

    /// A document whose catalog (1) names the page-tree root 9, which is
    /// lost, and pages 3, 4 and 7 whose `/Parent` is 9.
    fn document_with_lost_page_tree() -> lopdf::Document {
        let mut doc = lopdf::Document::with_version("1.4");
        let mut catalog = Dictionary::new();
        catalog.set("Type", Object::Name(b"Catalog".to_vec()));
        catalog.set("Pages", Object::Reference((9, 0)));
        doc.objects.insert((1, 0), Object::Dictionary(catalog));
        doc.trailer.set("Root", Object::Reference((1, 0)));
        for number in [7, 3, 4] {
            doc.objects.insert((number, 0), page(9));
        }
        doc.objects
            .insert((5, 0), Object::Dictionary(Dictionary::new()));
        doc.max_id = 7;
        doc
    }

    #[test]
    fn pages_of_a_lost_page_tree_are_gathered_under_its_number() {
        let mut doc = document_with_lost_page_tree();
        assert!(doc.get_pages().is_empty());
        assert_eq!(rebuild_page_tree(&mut doc), 3);
        let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
        assert_eq!(pages, [(3, 0), (4, 0), (7, 0)]);
        // The pages' /Parent leads to the new root, for inherited attributes.
        let root = doc.get_dictionary((9, 0)).map(|d| d.has(b"Kids"));
        assert_eq!(root.ok(), Some(true));
    }

    #[test]
    fn a_linearized_files_first_page_comes_first() {
        let mut doc = document_with_lost_page_tree();
        doc.linearization = Some(lopdf::Linearization {
            id: (5, 0),
            version: 1.0,
            file_length: 0,
            hint_streams: Vec::new(),
            first_page_object: 7,
            first_page_end: 0,
            page_count: 3,
            main_xref_offset: 0,
            first_page: 0,
        });
        rebuild_page_tree(&mut doc);
        let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
        assert_eq!(pages, [(7, 0), (3, 0), (4, 0)]);
    }

    #[test]
    fn a_missing_catalog_is_made_and_an_existing_root_is_not_overwritten() {
        let mut doc = document_with_lost_page_tree();
        doc.objects.remove(&(1, 0));
        // A page tree root that lists nothing stays as it is.
        let mut empty_root = Dictionary::new();
        empty_root.set("Type", Object::Name(b"Pages".to_vec()));
        empty_root.set("Kids", Object::Array(Vec::new()));
        doc.objects.insert((9, 0), Object::Dictionary(empty_root));
        assert_eq!(rebuild_page_tree(&mut doc), 3);
        assert_eq!(doc.get_pages().len(), 3);
        let kids = doc
            .get_dictionary((9, 0))
            .and_then(|root| root.get(b"Kids"))
            .and_then(Object::as_array)
            .map(Vec::len);
        assert_eq!(kids.ok(), Some(0));
    }

    #[test]
    fn no_page_objects_leave_the_document_as_it_was() {
        let mut doc = lopdf::Document::with_version("1.4");
        doc.objects
            .insert((1, 0), Object::Dictionary(Dictionary::new()));
        assert_eq!(rebuild_page_tree(&mut doc), 0);
        assert_eq!(doc.objects.len(), 1);
        assert!(!doc.trailer.has(b"Root"));
    }

    #[test]
    fn the_last_object_number_taken_leaves_the_tree_as_it_was() {
        let mut doc = lopdf::Document::with_version("1.4");
        doc.objects.insert((u32::MAX, 0), page(9));
        assert_eq!(rebuild_page_tree(&mut doc), 0);
        assert!(doc.get_pages().is_empty());
    }

    #[test]
    fn hostile_input_ends_without_panic() {
        let deep = "[".repeat(100_000);
        for bytes in [
            b"obj".as_slice(),
            b" 0 obj",
            b"99999999999 0 obj <<",
            b"1 0 obj << /A 1 0 >>",
            deep.as_bytes(),
        ] {
            let _ = scan_objects(bytes);
        }
        let nested = format!("1 0 obj {deep}");
        assert!(scan_objects(nested.as_bytes()).is_empty());
    }
}
