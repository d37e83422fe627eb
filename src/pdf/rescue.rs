//! The fallback object scan for damaged files: when lopdf's own repair still
//! loses objects (a stream without `/Length`, an object without `endobj`, a
//! file cut short), every `N G obj` in the bytes is parsed here and the
//! objects lopdf lacks, or kept with no data, are added to the document.
//!
//! It runs only on files that show damage, and it is bounded: one pass over
//! the bytes, nesting capped, a stream's data never longer than the file.

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

/// The first object whose /Type is /Catalog.
fn find_catalog(doc: &lopdf::Document) -> Option<ObjectId> {
    doc.objects.iter().find_map(|(id, object)| {
        let dict = object.as_dict().ok()?;
        (dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"Catalog".as_slice()))
            .then_some(*id)
    })
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
