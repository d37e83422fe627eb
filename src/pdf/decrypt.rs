//! Our own Standard security handler (ISO 32000-2, 7.6.4), the fallback for
//! encrypted files lopdf refuses although their password is known: RC4 and
//! AES-128 files of revisions 2 to 4 (MD5 key derivation, V4 crypt filters,
//! `/EncryptMetadata false`) and AES-256 files of revisions 5 and 6 (the
//! SHA-256/384/512 hash loop), a missing `/ID` read as empty.
//!
//! lopdf loads an encrypted file it cannot decrypt with no objects at all, so
//! the fallback has lopdf parse a copy of the bytes in which the trailer's
//! `/Encrypt` key is renamed (same length, so every offset still holds), then
//! decrypts the strings and streams of the loaded objects and unpacks the
//! object streams, whose content was ciphertext when lopdf met them.
//!
//! Nothing here trusts the encryption dictionary: wrong lengths, missing
//! entries and absurd values make the handler unusable, never a panic.

use aes::cipher::{BlockCipherDecrypt, BlockCipherEncrypt, KeyInit};
use lopdf::{Dictionary, LoadOptions, Object, ObjectId};
use md5::{Digest, Md5};
use sha2::{Sha256, Sha384, Sha512};
use unicode_normalization::UnicodeNormalization;

/// The padding string of algorithm 2, which also fills short passwords.
const PAD: [u8; 32] = [
    0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
    0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
];

/// The trailer key `/Encrypt` is renamed to in the copy lopdf parses.
const MASKED_KEY: &[u8] = b"EncrypX";

/// How many nested arrays and dictionaries of one object are walked.
const MAX_NESTING: usize = 256;

/// What the fallback made of an encrypted file.
pub enum Outcome {
    /// Decrypted with one of the passwords.
    Opened(Box<lopdf::Document>),
    /// The handler works but no password given opens the file.
    NeedsPassword,
    /// The file cannot be decrypted whatever the password (why, in a phrase).
    Unusable(String),
}

/// Cipher of strings or of streams, as the crypt filters name it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Method {
    Identity,
    Rc4,
    Aes128,
    Aes256,
}

/// The Standard security handler of one file, read from its `/Encrypt`
/// dictionary and the first `/ID` string.
#[derive(Debug, Clone)]
pub struct Handler {
    revision: i64,
    /// File key length in bytes (revisions 2 to 4).
    key_len: usize,
    owner: Vec<u8>,
    user: Vec<u8>,
    owner_key: Vec<u8>,
    user_key: Vec<u8>,
    permissions: i32,
    id: Vec<u8>,
    encrypt_metadata: bool,
    strings: Method,
    streams: Method,
}

impl Handler {
    /// Read the handler from an `/Encrypt` dictionary.
    pub fn from_dict(dict: &Dictionary, id: &[u8]) -> Result<Handler, String> {
        let name = |key: &[u8]| dict.get(key).and_then(Object::as_name).ok();
        if name(b"Filter") != Some(b"Standard".as_slice()) {
            return Err("its security handler is not the Standard one".into());
        }
        let int = |key: &[u8]| dict.get(key).and_then(Object::as_i64).ok();
        let bytes = |key: &[u8]| match dict.get(key) {
            Ok(Object::String(bytes, _)) => bytes.clone(),
            _ => Vec::new(),
        };
        let version = int(b"V").unwrap_or(0);
        let revision = int(b"R").unwrap_or(0);
        let (owner, user) = (bytes(b"O"), bytes(b"U"));
        let needed = if revision >= 5 { 48 } else { 32 };
        if owner.len() < needed || user.len() < needed {
            return Err(format!(
                "its /O or /U entry is shorter than the {needed} bytes revision {revision} needs"
            ));
        }
        let (strings, streams) = match version {
            1 | 2 => (Method::Rc4, Method::Rc4),
            4 | 5 => (
                crypt_filter(dict, name(b"StrF"))?,
                crypt_filter(dict, name(b"StmF"))?,
            ),
            _ => return Err(format!("its version /V {version} is not supported")),
        };
        let bits = int(b"Length").unwrap_or(40);
        let key_len = match (revision, strings, streams) {
            (2, ..) => 5,
            (_, Method::Aes128, _) | (_, _, Method::Aes128) => 16,
            // Some writers give /Length in bytes rather than bits.
            _ if (5..=16).contains(&bits) => bits as usize,
            _ => (bits / 8).clamp(5, 16) as usize,
        };
        let handler = Handler {
            revision,
            key_len,
            owner,
            user,
            owner_key: bytes(b"OE"),
            user_key: bytes(b"UE"),
            permissions: int(b"P").unwrap_or(0) as i32,
            id: id.to_vec(),
            encrypt_metadata: dict
                .get(b"EncryptMetadata")
                .and_then(Object::as_bool)
                .unwrap_or(true),
            strings,
            streams,
        };
        match revision {
            2..=4 => Ok(handler),
            5 | 6 if handler.owner_key.len() >= 32 && handler.user_key.len() >= 32 => Ok(handler),
            5 | 6 => Err("its /OE or /UE entry is shorter than 32 bytes".into()),
            _ => Err(format!("its revision /R {revision} is not supported")),
        }
    }

    /// The file key if `password` is the user or the owner password.
    pub fn authenticate(&self, password: &str) -> Option<Vec<u8>> {
        if self.revision >= 5 {
            let prepared = saslprep(password);
            let mut candidates = vec![truncate_utf8(prepared.as_bytes())];
            candidates.push(truncate_utf8(password.as_bytes()));
            candidates
                .iter()
                .find_map(|bytes| self.authenticate_aes256(bytes))
        } else {
            let mut candidates = Vec::new();
            candidates.extend(to_pdf_doc_encoding(password));
            candidates.push(password.as_bytes().to_vec());
            candidates.iter().find_map(|bytes| {
                self.authenticate_user_md5(bytes)
                    .or_else(|| self.authenticate_owner_md5(bytes))
            })
        }
    }

    /// Algorithm 2: the file key of revisions 2 to 4 from a user password.
    fn file_key_md5(&self, password: &[u8]) -> Vec<u8> {
        let mut md5 = Md5::new();
        md5.update(padded(password));
        md5.update(&self.owner[..32]);
        md5.update(self.permissions.to_le_bytes());
        md5.update(&self.id);
        if self.revision >= 4 && !self.encrypt_metadata {
            md5.update([0xFF; 4]);
        }
        let mut hash = md5.finalize().to_vec();
        if self.revision >= 3 {
            for _ in 0..50 {
                hash = Md5::digest(&hash[..self.key_len]).to_vec();
            }
        }
        hash.truncate(self.key_len);
        hash
    }

    /// Algorithms 4, 5 and 6: is `password` the user password?
    fn authenticate_user_md5(&self, password: &[u8]) -> Option<Vec<u8>> {
        let key = self.file_key_md5(password);
        let matches = if self.revision == 2 {
            rc4(&key, &PAD) == self.user[..32]
        } else {
            let mut md5 = Md5::new();
            md5.update(PAD);
            md5.update(&self.id);
            let mut data = rc4(&key, &md5.finalize());
            for round in 1..=19u8 {
                data = rc4(&xor_key(&key, round), &data);
            }
            data[..] == self.user[..16]
        };
        matches.then_some(key)
    }

    /// Algorithm 7: is `password` the owner password? It recovers the user
    /// password from /O, which then gives the file key.
    fn authenticate_owner_md5(&self, password: &[u8]) -> Option<Vec<u8>> {
        let mut hash = Md5::digest(padded(password)).to_vec();
        if self.revision >= 3 {
            for _ in 0..50 {
                hash = Md5::digest(&hash).to_vec();
            }
        }
        let key = &hash[..self.key_len];
        let mut user_password = self.owner[..32].to_vec();
        if self.revision == 2 {
            user_password = rc4(key, &user_password);
        } else {
            for round in (0..=19u8).rev() {
                user_password = rc4(&xor_key(key, round), &user_password);
            }
        }
        self.authenticate_user_md5(&user_password)
    }

    /// Algorithms 2.A and 11/12: user then owner password of revisions 5, 6.
    fn authenticate_aes256(&self, password: &[u8]) -> Option<Vec<u8>> {
        let user = &self.user[..48];
        if self.hash(password, &user[32..40], &[]) == user[..32] {
            let key = self.hash(password, &user[40..48], &[]);
            return aes256_unwrap(&key, &self.user_key[..32]);
        }
        let owner = &self.owner[..48];
        if self.hash(password, &owner[32..40], user) == owner[..32] {
            let key = self.hash(password, &owner[40..48], user);
            return aes256_unwrap(&key, &self.owner_key[..32]);
        }
        None
    }

    /// Algorithm 2.B (revision 6) or plain SHA-256 (revision 5).
    fn hash(&self, password: &[u8], salt: &[u8], user: &[u8]) -> Vec<u8> {
        let mut sha = Sha256::new();
        sha.update(password);
        sha.update(salt);
        sha.update(user);
        let mut k = sha.finalize().to_vec();
        if self.revision == 5 {
            return k;
        }
        let mut round: u32 = 0;
        loop {
            let mut block = Vec::with_capacity(64 * (password.len() + k.len() + user.len()));
            for _ in 0..64 {
                block.extend_from_slice(password);
                block.extend_from_slice(&k);
                block.extend_from_slice(user);
            }
            let Some(encrypted) = aes128_cbc_encrypt(&k[..16], &k[16..32], &block) else {
                return k;
            };
            // The sum of the first 16 bytes mod 3 equals that big number mod 3.
            let selector: u32 = encrypted[..16].iter().map(|&b| u32::from(b)).sum::<u32>() % 3;
            k = match selector {
                0 => Sha256::digest(&encrypted).to_vec(),
                1 => Sha384::digest(&encrypted).to_vec(),
                _ => Sha512::digest(&encrypted).to_vec(),
            };
            round += 1;
            let last = encrypted.last().copied().map_or(0, u32::from);
            if round >= 64 && last + 32 <= round {
                break;
            }
        }
        k.truncate(32);
        k
    }

    /// Decrypt every string and stream of `object`, object `id`, in place.
    fn decrypt_object(&self, file_key: &[u8], id: ObjectId, object: &mut Object) {
        let string_key = self.object_key(file_key, id, self.strings);
        let stream_key = self.object_key(file_key, id, self.streams);
        let mut pending: Vec<(&mut Object, usize)> = vec![(object, 0)];
        while let Some((object, depth)) = pending.pop() {
            if depth > MAX_NESTING {
                continue;
            }
            match object {
                Object::String(bytes, _) => {
                    *bytes = decrypt(self.strings, &string_key, bytes);
                }
                Object::Array(items) => pending.extend(items.iter_mut().map(|o| (o, depth + 1))),
                Object::Dictionary(dict) => {
                    pending.extend(dict.iter_mut().map(|(_, o)| (o, depth + 1)))
                }
                Object::Stream(stream) => {
                    let kind = stream.dict.get(b"Type").and_then(Object::as_name).ok();
                    let plain = kind == Some(b"XRef".as_slice())
                        || (kind == Some(b"Metadata".as_slice()) && !self.encrypt_metadata);
                    if !plain {
                        let content = decrypt(self.streams, &stream_key, &stream.content);
                        stream.set_content(content);
                    }
                    pending.extend(stream.dict.iter_mut().map(|(_, o)| (o, depth + 1)));
                }
                _ => {}
            }
        }
    }

    /// Algorithm 1: the key of one object (revisions 2 to 4); revisions 5
    /// and 6 use the file key itself.
    fn object_key(&self, file_key: &[u8], id: ObjectId, method: Method) -> Vec<u8> {
        if method == Method::Aes256 || method == Method::Identity {
            return file_key.to_vec();
        }
        let mut md5 = Md5::new();
        md5.update(file_key);
        md5.update(&id.0.to_le_bytes()[..3]);
        md5.update(id.1.to_le_bytes());
        if method == Method::Aes128 {
            md5.update(b"sAlT");
        }
        let hash = md5.finalize();
        hash[..(file_key.len() + 5).min(16)].to_vec()
    }
}

/// The cipher a V4/V5 crypt filter name stands for.
fn crypt_filter(dict: &Dictionary, name: Option<&[u8]>) -> Result<Method, String> {
    let name = match name {
        None | Some(b"Identity") => return Ok(Method::Identity),
        Some(name) => name,
    };
    let filter = match dict.get(b"CF") {
        Ok(Object::Dictionary(filters)) => filters.get(name).ok(),
        _ => None,
    };
    let method = match filter {
        Some(Object::Dictionary(filter)) => filter.get(b"CFM").and_then(Object::as_name).ok(),
        _ => None,
    };
    match method {
        None | Some(b"None") => Ok(Method::Identity),
        Some(b"V2") => Ok(Method::Rc4),
        Some(b"AESV2") => Ok(Method::Aes128),
        Some(b"AESV3") => Ok(Method::Aes256),
        Some(other) => Err(format!(
            "its crypt filter method /{} is not supported",
            String::from_utf8_lossy(other)
        )),
    }
}

/// Decrypt `bytes` with `method`; data too short or badly padded for AES
/// decrypts to nothing rather than to noise.
fn decrypt(method: Method, key: &[u8], bytes: &[u8]) -> Vec<u8> {
    match method {
        Method::Identity => bytes.to_vec(),
        Method::Rc4 => rc4(key, bytes),
        Method::Aes128 | Method::Aes256 => aes_cbc_decrypt(key, bytes).unwrap_or_default(),
    }
}

/// Decrypt data laid out as IV followed by AES-CBC ciphertext with PKCS#7
/// padding. A bad padding byte is kept as data: readers do the same.
fn aes_cbc_decrypt(key: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    let (iv, body) = data.split_at_checked(16)?;
    let usable = body.len() - body.len() % 16;
    let mut plain = match key.len() {
        16 => cbc_decrypt(&aes::Aes128::new_from_slice(key).ok()?, iv, &body[..usable]),
        32 => cbc_decrypt(&aes::Aes256::new_from_slice(key).ok()?, iv, &body[..usable]),
        _ => return None,
    };
    if let Some(&pad) = plain.last()
        && (1..=16).contains(&pad)
        && plain.len() >= usize::from(pad)
    {
        plain.truncate(plain.len() - usize::from(pad));
    }
    Some(plain)
}

/// CBC decryption of whole 16-byte blocks.
fn cbc_decrypt<C: BlockCipherDecrypt<BlockSize = aes::cipher::consts::U16>>(
    cipher: &C,
    iv: &[u8],
    body: &[u8],
) -> Vec<u8> {
    let mut previous = [0u8; 16];
    previous.copy_from_slice(&iv[..16.min(iv.len())]);
    let mut plain = Vec::with_capacity(body.len());
    for chunk in body.chunks_exact(16) {
        let mut block = aes::Block::default();
        block.copy_from_slice(chunk);
        cipher.decrypt_block(&mut block);
        plain.extend(block.iter().zip(previous).map(|(b, p)| b ^ p));
        previous.copy_from_slice(chunk);
    }
    plain
}

/// AES-128-CBC encryption without padding (`data` is whole blocks).
fn aes128_cbc_encrypt(key: &[u8], iv: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    let cipher = aes::Aes128::new_from_slice(key).ok()?;
    let mut previous = aes::Block::default();
    previous.copy_from_slice(iv.get(..16)?);
    let mut out = Vec::with_capacity(data.len());
    for chunk in data.chunks_exact(16) {
        let mut block = aes::Block::default();
        for ((b, c), p) in block.iter_mut().zip(chunk).zip(previous.iter()) {
            *b = c ^ p;
        }
        cipher.encrypt_block(&mut block);
        out.extend_from_slice(&block);
        previous = block;
    }
    Some(out)
}

/// The file key of revisions 5 and 6: /UE or /OE decrypted with AES-256,
/// zero IV, no padding.
fn aes256_unwrap(key: &[u8], wrapped: &[u8]) -> Option<Vec<u8>> {
    let cipher = aes::Aes256::new_from_slice(key).ok()?;
    Some(cbc_decrypt(&cipher, &[0u8; 16], wrapped))
}

/// RC4 (key scheduling and keystream); short enough not to need a crate.
fn rc4(key: &[u8], data: &[u8]) -> Vec<u8> {
    if key.is_empty() {
        return data.to_vec();
    }
    let mut state: [u8; 256] = std::array::from_fn(|i| i as u8);
    let mut j: u8 = 0;
    for i in 0..256 {
        j = j.wrapping_add(state[i]).wrapping_add(key[i % key.len()]);
        state.swap(i, usize::from(j));
    }
    let (mut i, mut j) = (0u8, 0u8);
    data.iter()
        .map(|&byte| {
            i = i.wrapping_add(1);
            j = j.wrapping_add(state[usize::from(i)]);
            state.swap(usize::from(i), usize::from(j));
            let index = state[usize::from(i)].wrapping_add(state[usize::from(j)]);
            byte ^ state[usize::from(index)]
        })
        .collect()
}

fn xor_key(key: &[u8], round: u8) -> Vec<u8> {
    key.iter().map(|b| b ^ round).collect()
}

/// A password of revisions 2 to 4: its first 32 bytes, filled with `PAD`.
fn padded(password: &[u8]) -> [u8; 32] {
    let mut out = PAD;
    let used = password.len().min(32);
    out[..used].copy_from_slice(&password[..used]);
    out[used..].copy_from_slice(&PAD[..32 - used]);
    out
}

/// Revisions 5 and 6 use at most 127 bytes of the UTF-8 password, cut at a
/// character boundary.
fn truncate_utf8(bytes: &[u8]) -> Vec<u8> {
    let mut end = bytes.len().min(127);
    while end > 0 && end < bytes.len() && (bytes[end] & 0xC0) == 0x80 {
        end -= 1;
    }
    bytes[..end].to_vec()
}

/// Revisions 2 to 4 take passwords in PDFDocEncoding (Latin-1 for most
/// characters); `None` when some character has no code there.
fn to_pdf_doc_encoding(password: &str) -> Option<Vec<u8>> {
    password
        .chars()
        .map(|c| match u32::from(c) {
            code @ (0x20..=0x7E | 0xA1..=0xFF) => Some(code as u8),
            _ => (0x80..=0xFFu8).find(|&b| crate::pdf::encoding::pdf_doc_char(b) == Some(c)),
        })
        .collect()
}

/// The parts of SASLprep (RFC 4013) that change real passwords: characters
/// commonly mapped to nothing are dropped, non-ASCII spaces become spaces,
/// and the result is NFKC-normalised.
fn saslprep(password: &str) -> String {
    password
        .chars()
        .filter(|&c| !mapped_to_nothing(c))
        .map(|c| if is_non_ascii_space(c) { ' ' } else { c })
        .collect::<String>()
        .nfkc()
        .collect()
}

/// RFC 3454 table B.1.
fn mapped_to_nothing(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{1806}' | '\u{180B}'..='\u{180D}' | '\u{200B}'..='\u{200D}'
        | '\u{2060}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// RFC 3454 table C.1.2.
fn is_non_ascii_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200B}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Open an encrypted file with our handler, trying the empty password and
/// then each of `passwords`.
pub fn open(bytes: &[u8], passwords: &[String], max_stream_bytes: usize) -> Outcome {
    let masked = mask_encrypt_key(bytes);
    let options = LoadOptions {
        max_decompressed_size: Some(max_stream_bytes),
        ..LoadOptions::default()
    };
    let mut doc = match lopdf::Document::load_mem_with_options(&masked, options) {
        Ok(doc) => doc,
        Err(err) => return Outcome::Unusable(format!("its structure cannot be read ({err})")),
    };
    let encrypt_id = doc
        .trailer
        .get(MASKED_KEY)
        .and_then(Object::as_reference)
        .ok();
    let dict = match doc.trailer.get(MASKED_KEY) {
        Ok(Object::Dictionary(dict)) => Some(dict.clone()),
        Ok(Object::Reference(id)) => doc.get_dictionary(*id).ok().cloned(),
        _ => None,
    };
    let Some(dict) = dict else {
        return Outcome::Unusable("its encryption dictionary is missing".into());
    };
    let id = match doc.trailer.get(b"ID") {
        Ok(Object::Array(ids)) => match ids.first() {
            Some(Object::String(first, _)) => first.clone(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    let handler = match Handler::from_dict(&dict, &id) {
        Ok(handler) => handler,
        Err(why) => return Outcome::Unusable(why),
    };
    let file_key = std::iter::once("")
        .chain(passwords.iter().map(String::as_str))
        .find_map(|password| handler.authenticate(password));
    let Some(file_key) = file_key else {
        return Outcome::NeedsPassword;
    };
    for (&object_id, object) in doc.objects.iter_mut() {
        if Some(object_id) != encrypt_id {
            handler.decrypt_object(&file_key, object_id, object);
        }
    }
    if let Some(encrypt_id) = encrypt_id {
        doc.objects.remove(&encrypt_id);
    }
    unpack_object_streams(&mut doc, max_stream_bytes);
    doc.trailer.remove(MASKED_KEY);
    Outcome::Opened(Box::new(doc))
}

/// Add the objects of the (now decrypted) object streams that lopdf could
/// not read while they were ciphertext.
fn unpack_object_streams(doc: &mut lopdf::Document, max_stream_bytes: usize) {
    let mut found = Vec::new();
    for object in doc.objects.values() {
        if let Object::Stream(stream) = object
            && stream.dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"ObjStm")
            && let Ok(unpacked) =
                lopdf::ObjectStream::new_with_limit(stream, Some(max_stream_bytes))
        {
            found.extend(unpacked.objects);
        }
    }
    for (id, object) in found {
        doc.objects.entry(id).or_insert(object);
        doc.max_id = doc.max_id.max(id.0);
    }
}

/// A copy of `bytes` with each `/Encrypt` key (not `/EncryptMetadata`)
/// renamed to `/EncrypX`, so lopdf reads the file as unencrypted.
fn mask_encrypt_key(bytes: &[u8]) -> Vec<u8> {
    let mut masked = bytes.to_vec();
    let needle = b"/Encrypt";
    let mut at = 0;
    while let Some(found) = masked
        .get(at..)
        .and_then(|rest| rest.windows(needle.len()).position(|w| w == needle))
    {
        let start = at + found;
        let end = start + needle.len();
        let delimited = masked
            .get(end)
            .is_none_or(|&b| b.is_ascii_whitespace() || b"/<[(%".contains(&b));
        if delimited {
            masked[start + 1..end].copy_from_slice(MASKED_KEY);
        }
        at = end;
    }
    masked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rc4_matches_the_published_test_vector() {
        // RFC 6229 is for raw keys; this is the classic "Key"/"Plaintext" pair.
        let out = rc4(b"Key", b"Plaintext");
        assert_eq!(out, [0xBB, 0xF3, 0x16, 0xE8, 0xD9, 0x40, 0xAF, 0x0A, 0xD3]);
    }

    #[test]
    fn saslprep_maps_the_corpus_password() {
        assert_eq!(saslprep("S\u{00AA}SL\u{00AD}prep"), "SaSLprep");
        assert_eq!(saslprep("a\u{00A0}b"), "a b");
    }

    #[test]
    fn latin1_and_pdfdoc_passwords() {
        assert_eq!(to_pdf_doc_encoding("æøå"), Some(vec![0xE6, 0xF8, 0xE5]));
        assert_eq!(to_pdf_doc_encoding("€"), Some(vec![0xA0]));
        assert_eq!(to_pdf_doc_encoding("中"), None);
    }

    #[test]
    fn long_utf8_passwords_are_cut_at_a_character() {
        let long = "é".repeat(100);
        let cut = truncate_utf8(long.as_bytes());
        assert_eq!(cut.len(), 126);
        assert!(std::str::from_utf8(&cut).is_ok());
    }

    #[test]
    fn masking_keeps_offsets_and_encrypt_metadata() {
        let bytes = b"<</Encrypt 5 0 R/EncryptMetadata false/Encrypt<<>>>>";
        let masked = mask_encrypt_key(bytes);
        assert_eq!(masked.len(), bytes.len());
        assert_eq!(
            masked.as_slice(),
            b"<</EncrypX 5 0 R/EncryptMetadata false/EncrypX<<>>>>".as_slice()
        );
    }

    #[test]
    fn hostile_dictionaries_are_unusable_not_panics() {
        let cases: Vec<Dictionary> = vec![
            lopdf::dictionary! {},
            lopdf::dictionary! { "Filter" => "Standard", "V" => 2, "R" => 3 },
            lopdf::dictionary! { "Filter" => "Standard", "V" => 2, "R" => 3,
            "O" => Object::string_literal("short"), "U" => Object::string_literal("short") },
            lopdf::dictionary! { "Filter" => "Standard", "V" => 5, "R" => 6,
            "O" => Object::String(vec![0; 48], lopdf::StringFormat::Literal),
            "U" => Object::String(vec![0; 48], lopdf::StringFormat::Literal) },
            lopdf::dictionary! { "Filter" => "Standard", "V" => 9, "R" => 99,
            "O" => Object::String(vec![0; 48], lopdf::StringFormat::Literal),
            "U" => Object::String(vec![0; 48], lopdf::StringFormat::Literal) },
            lopdf::dictionary! { "Filter" => "Standard", "V" => 4, "R" => 4,
            "StmF" => "StdCF", "CF" => lopdf::dictionary! { "StdCF" => lopdf::dictionary! { "CFM" => "Weird" } },
            "O" => Object::String(vec![0; 32], lopdf::StringFormat::Literal),
            "U" => Object::String(vec![0; 32], lopdf::StringFormat::Literal) },
        ];
        for dict in &cases {
            assert!(Handler::from_dict(dict, b"").is_err(), "{dict:?}");
        }
        // Usable but odd: absurd /Length, no /ID; authenticating must not panic.
        let odd = lopdf::dictionary! { "Filter" => "Standard", "V" => 2, "R" => 3, "Length" => 1_000_000,
        "O" => Object::String(vec![7; 32], lopdf::StringFormat::Literal),
        "U" => Object::String(vec![9; 32], lopdf::StringFormat::Literal) };
        let handler = Handler::from_dict(&odd, b"");
        assert!(handler.is_ok_and(|h| h.authenticate("x").is_none()));
    }

    #[test]
    fn garbage_aes_data_decrypts_to_nothing_or_noise_without_panic() {
        for len in [0, 5, 16, 17, 31, 32, 33] {
            let data = vec![0xAB; len];
            let _ = decrypt(Method::Aes128, &[1; 16], &data);
            let _ = decrypt(Method::Aes256, &[1; 32], &data);
            let _ = decrypt(Method::Aes128, &[1; 7], &data);
        }
    }
}
