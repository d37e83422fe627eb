//! Small, failure-tolerant accessors over lopdf objects: follow references
//! with a bound, read numbers and names whatever their stored type, decode
//! streams under the budget's size cap.

use super::limits::{Budget, LimitExceeded};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// References followed in a row before giving up (a chain or a loop).
const MAX_REFERENCE_CHAIN: usize = 16;

/// Follow references until a direct object; `None` for a dangling or
/// looping reference.
pub fn resolve<'a>(doc: &'a Document, mut object: &'a Object) -> Option<&'a Object> {
    for _ in 0..MAX_REFERENCE_CHAIN {
        match object {
            Object::Reference(id) => object = doc.get_object(*id).ok()?,
            _ => return Some(object),
        }
    }
    None
}

/// The object id a value refers to, if it is a reference.
pub fn reference_id(object: &Object) -> Option<ObjectId> {
    match object {
        Object::Reference(id) => Some(*id),
        _ => None,
    }
}

/// A dictionary entry, references followed.
pub fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    resolve(doc, dict.get(key).ok()?)
}

pub fn get_dict<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    match get(doc, dict, key)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

pub fn get_array<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [Object]> {
    match get(doc, dict, key)? {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

pub fn get_name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    match get(doc, dict, key)? {
        Object::Name(n) => Some(n),
        // Some producers write names as strings.
        Object::String(s, _) => Some(s),
        _ => None,
    }
}

pub fn get_number(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f64> {
    number(get(doc, dict, key)?)
}

pub fn get_stream<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Stream> {
    match get(doc, dict, key)? {
        Object::Stream(s) => Some(s),
        _ => None,
    }
}

/// A number, whether stored as an integer or a real.
pub fn number(object: &Object) -> Option<f64> {
    match object {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) if r.is_finite() => Some(f64::from(*r)),
        _ => None,
    }
}

/// A number, references followed.
pub fn resolved_number(doc: &Document, object: &Object) -> Option<f64> {
    number(resolve(doc, object)?)
}

/// A six-number matrix from an array, if it is one.
pub fn matrix(doc: &Document, array: &[Object]) -> Option<[f64; 6]> {
    if array.len() != 6 {
        return None;
    }
    let mut m = [0.0; 6];
    for (slot, value) in m.iter_mut().zip(array) {
        *slot = resolved_number(doc, value)?;
    }
    Some(m)
}

/// Why a stream could not be read.
pub enum StreamError {
    Limit(LimitExceeded),
    Damaged,
}

/// A stream's decoded bytes, never larger than the budget's stream cap; the
/// work is charged per kilobyte. A Flate stream damaged part-way gives what
/// decoded before the damage.
pub fn decode_stream(stream: &Stream, budget: &Budget) -> Result<Vec<u8>, StreamError> {
    decode_stream_checked(stream, budget).map(|(data, _)| data)
}

/// Like [`decode_stream`], also telling whether the whole stream decoded
/// (`false` when damage cut it short).
pub fn decode_stream_checked(
    stream: &Stream,
    budget: &Budget,
) -> Result<(Vec<u8>, bool), StreamError> {
    let cap = budget.limits.max_stream_bytes;
    let (data, complete) = match simple_flate(stream) {
        Some(raw) => inflate_lenient(raw, cap)?,
        None => (decode_with_lopdf(stream, cap)?, true),
    };
    budget
        .charge(data.len() as u64 / 1024)
        .map_err(StreamError::Limit)?;
    Ok((data, complete))
}

/// The raw bytes of a stream whose only filter is FlateDecode without a
/// predictor: those we inflate ourselves, tolerating a bad checksum or a
/// damaged tail the way readers do.
fn simple_flate(stream: &Stream) -> Option<&[u8]> {
    let filters = stream.filters().ok()?;
    if filters.as_slice() != [b"FlateDecode".as_slice()] {
        return None;
    }
    let predictor = match stream.dict.get(b"DecodeParms") {
        Ok(Object::Dictionary(params)) => params.get(b"Predictor").ok().and_then(number),
        Ok(Object::Array(items)) => items.first().and_then(|p| match p {
            Object::Dictionary(params) => params.get(b"Predictor").ok().and_then(number),
            _ => None,
        }),
        _ => None,
    };
    if predictor.is_some_and(|p| p > 1.0) {
        return None;
    }
    Some(&stream.content)
}

/// Inflate zlib data (or raw deflate data behind a broken header), keeping
/// whatever decodes before an error. Returns the data and whether the
/// stream ended properly (a bad checksum alone counts as complete).
fn inflate_lenient(input: &[u8], cap: usize) -> Result<(Vec<u8>, bool), StreamError> {
    use flate2::{Decompress, FlushDecompress, Status};
    const CHUNK: usize = 64 * 1024;
    let mut best: Option<(Vec<u8>, bool)> = None;
    for zlib_header in [true, false] {
        let source = if zlib_header {
            input
        } else {
            input.get(2..).unwrap_or_default()
        };
        let mut inflater = Decompress::new(zlib_header);
        let mut out: Vec<u8> = Vec::new();
        let complete = loop {
            if out.len() > cap {
                return Err(StreamError::Limit(LimitExceeded::StreamSize));
            }
            out.reserve(CHUNK.min(cap + 1 - out.len()).max(1));
            let consumed = inflater.total_in() as usize;
            let produced = inflater.total_out();
            let rest = source.get(consumed..).unwrap_or_default();
            match inflater.decompress_vec(rest, &mut out, FlushDecompress::None) {
                Ok(Status::StreamEnd) => break true,
                Ok(_) => {
                    let stalled = inflater.total_in() as usize == consumed
                        && inflater.total_out() == produced;
                    if stalled {
                        // Input ran out before the end of the stream.
                        break false;
                    }
                }
                // Only the four checksum bytes left: the data is whole.
                Err(_) => break source.len().saturating_sub(inflater.total_in() as usize) <= 4,
            }
        };
        if out.len() > cap {
            return Err(StreamError::Limit(LimitExceeded::StreamSize));
        }
        if complete {
            return Ok((out, true));
        }
        if best.as_ref().is_none_or(|(b, _)| out.len() > b.len()) {
            best = Some((out, false));
        }
    }
    match best {
        Some((data, complete)) if !data.is_empty() => Ok((data, complete)),
        _ => Err(StreamError::Damaged),
    }
}

fn decode_with_lopdf(stream: &Stream, cap: usize) -> Result<Vec<u8>, StreamError> {
    match stream.decompressed_content_with_limit(cap) {
        Ok(data) => Ok(data),
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            Err(StreamError::Limit(LimitExceeded::StreamSize))
        }
        Err(_) => {
            // A stream without filters is its raw content.
            if stream.filters().map(|f| f.is_empty()).unwrap_or(true) {
                if stream.content.len() > cap {
                    return Err(StreamError::Limit(LimitExceeded::StreamSize));
                }
                Ok(stream.content.clone())
            } else {
                Err(StreamError::Damaged)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(data).expect("in memory");
        encoder.finish().expect("in memory")
    }

    #[test]
    fn a_bad_checksum_still_gives_the_whole_stream() {
        let mut packed = zlib(b"BT (Hello) Tj ET");
        let last = packed.len() - 1;
        packed[last] ^= 0xFF;
        let (data, complete) = inflate_lenient(&packed, 1 << 20).ok().expect("decodes");
        assert_eq!(data, b"BT (Hello) Tj ET");
        assert!(complete);
    }

    #[test]
    fn a_truncated_stream_gives_its_beginning() {
        let text = b"BT (Hello) Tj ET ".repeat(200);
        let packed = zlib(&text);
        let (data, complete) = inflate_lenient(&packed[..packed.len() / 2], 1 << 20)
            .ok()
            .expect("decodes part");
        assert!(!complete && !data.is_empty() && text.starts_with(&data));
    }

    #[test]
    fn inflating_stops_at_the_cap() {
        let packed = zlib(&vec![b' '; 100_000]);
        assert!(matches!(
            inflate_lenient(&packed, 1000),
            Err(StreamError::Limit(LimitExceeded::StreamSize))
        ));
    }
}
