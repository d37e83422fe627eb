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
/// work is charged per kilobyte.
pub fn decode_stream(stream: &Stream, budget: &Budget) -> Result<Vec<u8>, StreamError> {
    let cap = budget.limits.max_stream_bytes;
    let data = match stream.decompressed_content_with_limit(cap) {
        Ok(data) => data,
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            return Err(StreamError::Limit(LimitExceeded::StreamSize));
        }
        Err(_) => {
            // lopdf reports a stream without filters as "not compressed"
            // in some versions; raw content is then the content.
            if stream.filters().map(|f| f.is_empty()).unwrap_or(true) {
                if stream.content.len() > cap {
                    return Err(StreamError::Limit(LimitExceeded::StreamSize));
                }
                stream.content.clone()
            } else {
                return Err(StreamError::Damaged);
            }
        }
    };
    budget
        .charge(data.len() as u64 / 1024)
        .map_err(StreamError::Limit)?;
    Ok(data)
}
