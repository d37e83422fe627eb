//! CMaps: how the bytes of a string split into character codes, which CID
//! each code selects, and (for ToUnicode maps) which text each code stands
//! for. Parses embedded CMap streams and provides the predefined CJK CMaps
//! and Adobe's CID -> Unicode tables for the Japan1, GB1, CNS1 and Korea1
//! collections, compiled from poppler-data by `tools/gen_pdf_tables.py`.

use super::lexer::{Lexer, Token};
use super::limits::{Budget, LimitExceeded};
use std::collections::HashMap;
use std::io::Read;
use std::sync::{Arc, OnceLock};

/// A range of codes of one byte length, matched byte by byte as the PDF
/// specification asks (each byte between the bounds' corresponding bytes).
#[derive(Debug, Clone, Copy, PartialEq)]
struct CodeRange {
    len: u8,
    lo: u32,
    hi: u32,
}

impl CodeRange {
    fn contains_bytes(&self, bytes: &[u8]) -> bool {
        let n = self.len as usize;
        if bytes.len() < n {
            return false;
        }
        (0..n).all(|i| {
            let shift = 8 * (n - 1 - i);
            let lo = (self.lo >> shift) as u8;
            let hi = (self.hi >> shift) as u8;
            bytes.get(i).is_some_and(|b| (lo..=hi).contains(b))
        })
    }
}

/// Codes `lo..=hi` map to consecutive CIDs from `cid`.
#[derive(Debug, Clone, Copy)]
struct CidRange {
    lo: u32,
    hi: u32,
    cid: u32,
}

/// Codes `lo..=hi` map to `base` with its last UTF-16 unit advanced by the
/// code's offset from `lo`.
#[derive(Debug, Clone)]
struct UnicodeRange {
    lo: u32,
    hi: u32,
    base: Vec<u16>,
}

/// Codespace ranges kept: real CMaps have a handful, and every code is
/// matched against them.
const MAX_CODESPACE_RANGES: usize = 64;

/// Ranges looked at below a code's position in the sorted list, so that
/// nested ranges are found without scanning them all.
const LOOK_BACK: usize = 8;

/// Ranges at most this long are stored code by code; longer ones (such as a
/// single `<0000> <FFFF> <0000>` line) stay ranges.
const EXPAND_RANGE: u32 = 256;

/// The Adobe character collections with predefined CMaps and Unicode tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Collection {
    Japan1,
    Gb1,
    Cns1,
    Korea1,
}

impl Collection {
    const ALL: [Collection; 4] = [
        Collection::Japan1,
        Collection::Gb1,
        Collection::Cns1,
        Collection::Korea1,
    ];

    /// The collection of a CIDSystemInfo /Ordering (Registry "Adobe").
    pub fn from_ordering(ordering: &[u8]) -> Option<Self> {
        Some(match ordering {
            b"Japan1" => Collection::Japan1,
            b"GB1" => Collection::Gb1,
            b"CNS1" => Collection::Cns1,
            b"Korea1" => Collection::Korea1,
            _ => return None,
        })
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The Unicode character Adobe assigns to a CID of this collection.
    pub fn cid_to_unicode(self, cid: u32) -> Option<char> {
        let table = cid_tables().get(self.index())?;
        table
            .get(cid as usize)
            .copied()
            .filter(|&v| v != 0)
            .and_then(char::from_u32)
    }

    /// The lowest CID whose Unicode value is `c`: the CID a Uni*-UCS2 CMap
    /// selects for that character, which matters for glyph widths.
    pub fn unicode_to_cid(self, c: char) -> Option<u32> {
        static INVERSE: OnceLock<Vec<HashMap<u32, u32>>> = OnceLock::new();
        let inverse = INVERSE.get_or_init(|| {
            cid_tables()
                .iter()
                .map(|table| {
                    let mut map = HashMap::with_capacity(table.len());
                    for (cid, &u) in table.iter().enumerate() {
                        if u != 0 {
                            map.entry(u).or_insert(cid as u32);
                        }
                    }
                    map
                })
                .collect()
        });
        inverse.get(self.index())?.get(&(c as u32)).copied()
    }
}

/// CID -> Unicode values per collection (0 = none), unpacked on first use.
fn cid_tables() -> &'static [Vec<u32>] {
    static TABLES: OnceLock<Vec<Vec<u32>>> = OnceLock::new();
    TABLES.get_or_init(|| {
        let blob = inflate(include_bytes!("data/cid_to_unicode.bin.z"));
        let mut reader = ByteReader::new(&blob);
        let mut tables = Vec::new();
        for _ in Collection::ALL {
            let count = reader.u32().unwrap_or(0) as usize;
            let mut table = Vec::with_capacity(count.min(1 << 20));
            let mut value = 0i64;
            for _ in 0..count {
                let Some(delta) = reader.u32() else { break };
                value += i64::from(delta as i32);
                table.push(u32::try_from(value).unwrap_or(0));
            }
            tables.push(table);
        }
        tables
    })
}

fn inflate(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut decoder = flate2::read::ZlibDecoder::new(data);
    // The data is compiled in; a failure would be a build defect, and an
    // empty table then only costs mappings.
    if decoder.read_to_end(&mut out).is_err() {
        out.clear();
    }
    out
}

struct ByteReader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> ByteReader<'a> {
    fn new(data: &'a [u8]) -> Self {
        ByteReader { data, pos: 0 }
    }
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let slice = self.data.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(slice)
    }
    fn u8(&mut self) -> Option<u8> {
        self.bytes(1).map(|b| b[0])
    }
    fn u16(&mut self) -> Option<u16> {
        self.bytes(2).map(|b| u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Option<u32> {
        self.bytes(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// What the codes of a CMap are, beyond its explicit mappings.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Explicit mappings only (embedded CMaps, ToUnicode, legacy CJK CMaps).
    Mapped,
    /// Identity-H/V: two-byte codes equal to CIDs.
    Identity,
    /// Uni*-UCS2 and Uni*-UTF16: codes are UTF-16 text; the CID is found
    /// through the collection's Unicode table.
    Utf16(Collection),
}

/// A parsed CMap.
#[derive(Debug, Clone)]
pub struct CMap {
    kind: Kind,
    /// 1 for vertical writing.
    pub wmode: u8,
    /// The character collection of a predefined CMap.
    pub collection: Option<Collection>,
    codespace: Vec<CodeRange>,
    cid_ranges: Vec<CidRange>,
    unicode_chars: HashMap<u32, String>,
    unicode_ranges: Vec<UnicodeRange>,
    parent: Option<Arc<CMap>>,
}

impl CMap {
    fn empty(kind: Kind) -> Self {
        CMap {
            kind,
            wmode: 0,
            collection: None,
            codespace: Vec::new(),
            cid_ranges: Vec::new(),
            unicode_chars: HashMap::new(),
            unicode_ranges: Vec::new(),
            parent: None,
        }
    }

    /// Identity-H (or -V): two-byte codes that are CIDs.
    pub fn identity(vertical: bool) -> CMap {
        let mut cmap = CMap::empty(Kind::Identity);
        cmap.codespace.push(CodeRange {
            len: 2,
            lo: 0,
            hi: 0xFFFF,
        });
        cmap.wmode = u8::from(vertical);
        cmap
    }

    /// Split the next character code off `bytes` (which must not be empty):
    /// returns the code and its length in bytes (at least 1).
    pub fn next_code(&self, bytes: &[u8]) -> (u32, usize) {
        let codespace = self.effective_codespace();
        for len in 1..=4u8 {
            if codespace
                .iter()
                .any(|r| r.len == len && r.contains_bytes(bytes))
            {
                return (read_code(bytes, len as usize), len as usize);
            }
        }
        // No range matches: take as many bytes as the shortest range has, or
        // two when the CMap declares none (the common case of CID fonts).
        let len = codespace
            .iter()
            .map(|r| r.len as usize)
            .min()
            .unwrap_or(2)
            .min(bytes.len())
            .max(1);
        (read_code(bytes, len), len)
    }

    fn effective_codespace(&self) -> &[CodeRange] {
        let mut cmap = self;
        for _ in 0..8 {
            if !cmap.codespace.is_empty() {
                return &cmap.codespace;
            }
            match &cmap.parent {
                Some(parent) => cmap = parent,
                None => break,
            }
        }
        &[]
    }

    /// Whether a one-byte code 32 exists (word spacing applies to it).
    pub fn has_single_byte_space(&self) -> bool {
        self.effective_codespace()
            .iter()
            .any(|r| r.len == 1 && r.contains_bytes(&[32]))
    }

    /// The CID a code selects, if the CMap says.
    pub fn cid(&self, code: u32) -> Option<u32> {
        match self.kind {
            Kind::Identity => return Some(code),
            Kind::Utf16(collection) => {
                let text = utf16_code_text(code)?;
                let c = text.chars().next()?;
                return collection.unicode_to_cid(c);
            }
            Kind::Mapped => {}
        }
        let mut cmap = self;
        for _ in 0..8 {
            if let Some(cid) = cmap.own_cid(code) {
                return Some(cid);
            }
            cmap = cmap.parent.as_deref()?;
        }
        None
    }

    fn own_cid(&self, code: u32) -> Option<u32> {
        let idx = self.cid_ranges.partition_point(|r| r.lo <= code);
        self.cid_ranges[..idx]
            .iter()
            .rev()
            .take(LOOK_BACK)
            .find(|r| code <= r.hi)
            .map(|r| r.cid + (code - r.lo))
    }

    /// The text a code stands for, raw (not yet checked for controls or
    /// private use).
    pub fn unicode(&self, code: u32) -> Option<String> {
        if let Kind::Utf16(_) = self.kind {
            return utf16_code_text(code);
        }
        let mut cmap = self;
        for _ in 0..8 {
            if let Some(text) = cmap.own_unicode(code) {
                return Some(text);
            }
            cmap = cmap.parent.as_deref()?;
        }
        None
    }

    fn own_unicode(&self, code: u32) -> Option<String> {
        if let Some(text) = self.unicode_chars.get(&code) {
            return Some(text.clone());
        }
        let idx = self.unicode_ranges.partition_point(|r| r.lo <= code);
        self.unicode_ranges[..idx]
            .iter()
            .rev()
            .take(LOOK_BACK)
            .find(|r| code <= r.hi)
            .map(|r| offset_text(&r.base, code - r.lo))
    }

    /// Whether this CMap maps any code to text.
    pub fn has_unicode(&self) -> bool {
        matches!(self.kind, Kind::Utf16(_))
            || !self.unicode_chars.is_empty()
            || !self.unicode_ranges.is_empty()
            || self.parent.as_ref().is_some_and(|p| p.has_unicode())
    }

    /// Parse an embedded CMap (a ToUnicode map or a Type0 /Encoding stream).
    /// Whatever parses is kept; a `usecmap` of a predefined CMap is followed.
    pub fn parse(data: &[u8], budget: &Budget) -> Result<CMap, LimitExceeded> {
        let mut cmap = CMap::empty(Kind::Mapped);
        let mut lexer = Lexer::new(data);
        let mut previous: Option<Token> = None;
        while let Some(token) = lexer.next_token() {
            budget.charge(1)?;
            match &token {
                Token::Keyword(b"begincodespacerange") => {
                    cmap.read_codespace(&mut lexer, budget)?
                }
                Token::Keyword(b"beginbfchar") => cmap.read_bfchar(&mut lexer, budget)?,
                Token::Keyword(b"beginbfrange") => cmap.read_bfrange(&mut lexer, budget)?,
                Token::Keyword(b"begincidchar") => cmap.read_cidchar(&mut lexer, budget)?,
                Token::Keyword(b"begincidrange") => cmap.read_cidrange(&mut lexer, budget)?,
                Token::Keyword(b"usecmap") => {
                    if let Some(Token::Name(name)) = &previous {
                        let name = String::from_utf8_lossy(name);
                        cmap.parent = predefined(&name).map(Arc::new);
                    }
                }
                Token::Number(n) => {
                    if matches!(previous, Some(Token::Name(b"WMode"))) {
                        cmap.wmode = u8::from(*n == 1.0);
                    }
                }
                _ => {}
            }
            previous = Some(token);
        }
        cmap.finish();
        cmap.repair_byte_swapped_text();
        Ok(cmap)
    }

    /// Sort ranges for binary search. Where ranges nest, the innermost one
    /// (the latest start) wins a lookup.
    fn finish(&mut self) {
        self.cid_ranges.sort_by_key(|r| r.lo);
        self.unicode_ranges.sort_by_key(|r| r.lo);
    }

    /// Some producers write ToUnicode destinations little-endian ("M" as
    /// <4D00>, read as U+4D00). When every single-character destination of
    /// a map of some size looks like that, swap them back. (Real CJK maps
    /// always hold characters whose low byte is not zero.)
    fn repair_byte_swapped_text(&mut self) {
        let swapped = |c: char| {
            let v = c as u32;
            v <= 0xFFFF && v & 0xFF == 0 && (0x20..=0xFF).contains(&(v >> 8))
        };
        let singles: Vec<char> = self
            .unicode_chars
            .values()
            .filter_map(|t| {
                let mut chars = t.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Some(c),
                    _ => None,
                }
            })
            .collect();
        if singles.len() < 8
            || !singles.iter().all(|&c| swapped(c))
            || !self.unicode_ranges.is_empty()
        {
            return;
        }
        for text in self.unicode_chars.values_mut() {
            *text = text
                .chars()
                .map(|c| char::from_u32((c as u32) >> 8).unwrap_or(c))
                .collect();
        }
    }

    fn read_codespace(&mut self, lexer: &mut Lexer, budget: &Budget) -> Result<(), LimitExceeded> {
        while let Some(token) = lexer.next_token() {
            budget.charge(1)?;
            let lo = match token {
                Token::String(lo) => lo,
                _ => break,
            };
            let Some(Token::String(hi)) = lexer.next_token() else {
                break;
            };
            let len = lo.len().clamp(1, 4);
            if lo.len() <= 4 && !lo.is_empty() && self.codespace.len() < MAX_CODESPACE_RANGES {
                self.codespace.push(CodeRange {
                    len: len as u8,
                    lo: read_code(&lo, len),
                    hi: read_code(&hi, len),
                });
            }
        }
        Ok(())
    }

    fn read_bfchar(&mut self, lexer: &mut Lexer, budget: &Budget) -> Result<(), LimitExceeded> {
        while let Some(token) = lexer.next_token() {
            budget.charge(1)?;
            let Token::String(src) = token else { break };
            let text = match lexer.next_token() {
                Some(Token::String(dst)) => utf16be_text(&dst),
                Some(Token::Name(name)) => {
                    super::glyphlist::glyph_name_to_unicode(&String::from_utf8_lossy(name))
                        .unwrap_or_default()
                }
                _ => break,
            };
            self.unicode_chars.insert(read_code(&src, src.len()), text);
        }
        Ok(())
    }

    fn read_bfrange(&mut self, lexer: &mut Lexer, budget: &Budget) -> Result<(), LimitExceeded> {
        while let Some(token) = lexer.next_token() {
            budget.charge(1)?;
            let Token::String(lo) = token else { break };
            let Some(Token::String(hi)) = lexer.next_token() else {
                break;
            };
            let (lo, hi) = (read_code(&lo, lo.len()), read_code(&hi, hi.len()));
            if hi < lo {
                // Skip the destination of a malformed line.
                lexer.next_token();
                continue;
            }
            match lexer.next_token() {
                Some(Token::String(dst)) => {
                    let base = utf16_units(&dst);
                    if hi - lo < EXPAND_RANGE {
                        for i in 0..=hi - lo {
                            budget.charge(1)?;
                            self.unicode_chars.insert(lo + i, offset_text(&base, i));
                        }
                    } else {
                        self.unicode_ranges.push(UnicodeRange { lo, hi, base });
                    }
                }
                Some(Token::ArrayStart) => {
                    let mut texts = Vec::new();
                    while let Some(Token::String(dst)) = lexer.next_token() {
                        budget.charge(1)?;
                        texts.push(utf16be_text(&dst));
                    }
                    // The array ends at `]` (consumed by the loop above).
                    let wanted = (hi - lo).saturating_add(1) as usize;
                    texts.truncate(wanted);
                    for (i, text) in texts.into_iter().enumerate() {
                        self.unicode_chars.insert(lo + i as u32, text);
                    }
                }
                _ => break,
            }
        }
        Ok(())
    }

    fn read_cidchar(&mut self, lexer: &mut Lexer, budget: &Budget) -> Result<(), LimitExceeded> {
        while let Some(token) = lexer.next_token() {
            budget.charge(1)?;
            let Token::String(code) = token else { break };
            let Some(Token::Number(cid)) = lexer.next_token() else {
                break;
            };
            let code = read_code(&code, code.len());
            self.push_cid_range(code, code, cid);
        }
        Ok(())
    }

    fn read_cidrange(&mut self, lexer: &mut Lexer, budget: &Budget) -> Result<(), LimitExceeded> {
        while let Some(token) = lexer.next_token() {
            budget.charge(1)?;
            let Token::String(lo) = token else { break };
            let Some(Token::String(hi)) = lexer.next_token() else {
                break;
            };
            let Some(Token::Number(cid)) = lexer.next_token() else {
                break;
            };
            let (lo, hi) = (read_code(&lo, lo.len()), read_code(&hi, hi.len()));
            if lo <= hi {
                self.push_cid_range(lo, hi, cid);
            }
        }
        Ok(())
    }

    fn push_cid_range(&mut self, lo: u32, hi: u32, cid: f64) {
        if (0.0..=f64::from(u32::MAX)).contains(&cid) {
            let cid = cid as u32;
            if cid.checked_add(hi - lo).is_some() {
                self.cid_ranges.push(CidRange { lo, hi, cid });
            }
        }
    }
}

/// The big-endian value of the first `len` (at most 4) bytes.
fn read_code(bytes: &[u8], len: usize) -> u32 {
    bytes
        .iter()
        .take(len.min(4))
        .fold(0u32, |acc, &b| acc << 8 | u32::from(b))
}

/// A destination string as UTF-16 units; an odd-length string (written by
/// some producers for Latin text) counts one unit per byte.
fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    if bytes.len() % 2 == 1 {
        return bytes.iter().map(|&b| u16::from(b)).collect();
    }
    bytes
        .chunks_exact(2)
        .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
        .collect()
}

fn utf16be_text(bytes: &[u8]) -> String {
    char::decode_utf16(utf16_units(bytes))
        .filter_map(Result::ok)
        .collect()
}

fn offset_text(base: &[u16], offset: u32) -> String {
    let mut units = base.to_vec();
    if let Some(last) = units.last_mut() {
        match u16::try_from(u32::from(*last) + offset) {
            Ok(v) => *last = v,
            Err(_) => return String::new(),
        }
    }
    char::decode_utf16(units).filter_map(Result::ok).collect()
}

/// A UTF-16 code (one unit, or a surrogate pair packed in four bytes).
fn utf16_code_text(code: u32) -> Option<String> {
    let units: Vec<u16> = if code > 0xFFFF {
        vec![(code >> 16) as u16, code as u16]
    } else {
        vec![code as u16]
    };
    let text: String = char::decode_utf16(units).filter_map(Result::ok).collect();
    if text.is_empty() { None } else { Some(text) }
}

/// A predefined CMap by name: Identity-H/V, the Uni*-UCS2/UTF16 CMaps and
/// the legacy CJK CMaps (90ms-RKSJ-H, GBK-EUC-H, B5pc-H, KSCms-UHC-H, ...).
pub fn predefined(name: &str) -> Option<CMap> {
    predefined_at_depth(name, 0)
}

fn predefined_at_depth(name: &str, depth: u32) -> Option<CMap> {
    if depth > 4 {
        return None;
    }
    match name {
        "Identity-H" => return Some(CMap::identity(false)),
        "Identity-V" => return Some(CMap::identity(true)),
        _ => {}
    }
    if let Some(cmap) = unicode_predefined(name) {
        return Some(cmap);
    }
    let entry = legacy_cmaps().get(name)?;
    let mut cmap = CMap::empty(Kind::Mapped);
    cmap.collection = Collection::ALL.get(entry.collection as usize).copied();
    cmap.wmode = entry.wmode;
    cmap.codespace = entry.codespace.clone();
    cmap.cid_ranges = entry.ranges.clone();
    cmap.finish();
    if !entry.parent.is_empty() {
        cmap.parent = predefined_at_depth(&entry.parent, depth + 1).map(Arc::new);
    }
    Some(cmap)
}

fn unicode_predefined(name: &str) -> Option<CMap> {
    let (collection, rest) = if let Some(rest) = name.strip_prefix("UniJIS") {
        (Collection::Japan1, rest)
    } else if let Some(rest) = name.strip_prefix("UniGB") {
        (Collection::Gb1, rest)
    } else if let Some(rest) = name.strip_prefix("UniCNS") {
        (Collection::Cns1, rest)
    } else if let Some(rest) = name.strip_prefix("UniKS") {
        (Collection::Korea1, rest)
    } else {
        return None;
    };
    let rest = rest.strip_prefix("2004").unwrap_or(rest);
    let utf16 = rest.starts_with("-UTF16");
    if !(rest.starts_with("-UCS2") || utf16) {
        return None;
    }
    let mut cmap = CMap::empty(Kind::Utf16(collection));
    cmap.collection = Some(collection);
    cmap.wmode = u8::from(name.ends_with("-V"));
    if utf16 {
        let range = |len, lo, hi| CodeRange { len, lo, hi };
        cmap.codespace = vec![
            range(2, 0x0000, 0xD7FF),
            range(2, 0xE000, 0xFFFF),
            range(4, 0xD800_DC00, 0xDBFF_DFFF),
        ];
    } else {
        cmap.codespace.push(CodeRange {
            len: 2,
            lo: 0,
            hi: 0xFFFF,
        });
    }
    Some(cmap)
}

struct LegacyCMap {
    collection: u8,
    wmode: u8,
    parent: String,
    codespace: Vec<CodeRange>,
    ranges: Vec<CidRange>,
}

fn legacy_cmaps() -> &'static HashMap<String, LegacyCMap> {
    static CMAPS: OnceLock<HashMap<String, LegacyCMap>> = OnceLock::new();
    CMAPS.get_or_init(|| {
        let blob = inflate(include_bytes!("data/cmaps.bin.z"));
        let mut reader = ByteReader::new(&blob);
        let mut map = HashMap::new();
        while let Some((name, cmap)) = read_legacy(&mut reader) {
            map.insert(name, cmap);
        }
        map
    })
}

fn read_legacy(r: &mut ByteReader) -> Option<(String, LegacyCMap)> {
    let name_len = r.u8()? as usize;
    let name = String::from_utf8_lossy(r.bytes(name_len)?).into_owned();
    let collection = r.u8()?;
    let wmode = r.u8()?;
    let parent_len = r.u8()? as usize;
    let parent = String::from_utf8_lossy(r.bytes(parent_len)?).into_owned();
    let mut codespace = Vec::new();
    for _ in 0..r.u16()? {
        let len = r.u8()?;
        let lo = r.u32()?;
        let hi = r.u32()?;
        codespace.push(CodeRange { len, lo, hi });
    }
    let count = r.u32()?;
    let mut ranges = Vec::with_capacity((count as usize).min(1 << 16));
    for _ in 0..count {
        let _len = r.u8()?;
        let lo = r.u32()?;
        let span = r.u16()?;
        let cid = r.u32()?;
        ranges.push(CidRange {
            lo,
            hi: lo.saturating_add(u32::from(span)),
            cid,
        });
    }
    Some((
        name,
        LegacyCMap {
            collection,
            wmode,
            parent,
            codespace,
            ranges,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::limits::Limits;

    fn parse(text: &str) -> CMap {
        CMap::parse(text.as_bytes(), &Budget::new(Limits::default())).expect("within limits")
    }

    #[test]
    fn bfchar_bfrange_and_arrays() {
        let cmap = parse(
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
             1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
             2 beginbfchar <0003> <0020> <0010> <00660069> endbfchar\n\
             2 beginbfrange <0020> <0022> <0041>\n\
             <0030> <0032> [<0078> <D835DC00> <0066006C>] endbfrange\n\
             endcmap",
        );
        assert_eq!(cmap.unicode(3).as_deref(), Some(" "));
        assert_eq!(cmap.unicode(0x10).as_deref(), Some("fi"));
        assert_eq!(cmap.unicode(0x22).as_deref(), Some("C"));
        assert_eq!(cmap.unicode(0x30).as_deref(), Some("x"));
        assert_eq!(cmap.unicode(0x31).as_deref(), Some("\u{1D400}"));
        assert_eq!(cmap.unicode(0x32).as_deref(), Some("fl"));
        assert_eq!(cmap.unicode(0x33), None);
        assert_eq!(cmap.next_code(&[0x00, 0x30, 0x41]), (0x30, 2));
    }

    #[test]
    fn byte_swapped_destinations_are_repaired() {
        let entries: String = "Multicolor"
            .bytes()
            .enumerate()
            .map(|(i, b)| format!("<{:04X}> <{:02X}00>\n", i + 1, b))
            .collect();
        let cmap = parse(&format!("10 beginbfchar\n{entries}endbfchar"));
        let text: String = (1..=10).filter_map(|c| cmap.unicode(c)).collect();
        assert_eq!(text, "Multicolor");
        // CJK text whose characters happen to end in 00 is left alone when
        // any other character does not.
        let cjk = parse(
            "9 beginbfchar <01> <4E00> <02> <4E01> <03> <5000> <04> <5100> <05> <5200> <06> <5300> <07> <5400> <08> <5500> <09> <5600> endbfchar",
        );
        assert_eq!(cjk.unicode(1).as_deref(), Some("一"));
    }

    #[test]
    fn large_ranges_stay_ranges() {
        let cmap = parse("1 beginbfrange <0000> <FFFF> <0000> endbfrange");
        assert!(cmap.unicode_chars.is_empty());
        assert_eq!(cmap.unicode(0x4E2D).as_deref(), Some("中"));
    }

    #[test]
    fn mixed_length_codespace_splits_codes() {
        let cmap = parse(
            "2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange\n\
             2 begincidrange <20> <7e> 1 <8140> <817e> 633 endcidrange",
        );
        assert_eq!(cmap.next_code(b"A\x81\x40"), (0x41, 1));
        assert_eq!(cmap.next_code(b"\x81\x40"), (0x8140, 2));
        assert_eq!(cmap.cid(0x41), Some(34));
        assert_eq!(cmap.cid(0x8141), Some(634));
        assert!(cmap.has_single_byte_space());
    }

    #[test]
    fn predefined_cmaps_and_collections() {
        let rksj = predefined("90ms-RKSJ-H").expect("90ms-RKSJ-H is compiled in");
        assert_eq!(rksj.collection, Some(Collection::Japan1));
        // 0x82A0 is hiragana "a" (CID 843 in Adobe-Japan1).
        let (code, len) = rksj.next_code(b"\x82\xA0");
        assert_eq!((code, len), (0x82A0, 2));
        let cid = rksj.cid(code).expect("mapped");
        assert_eq!(Collection::Japan1.cid_to_unicode(cid), Some('あ'));

        let vertical = predefined("90ms-RKSJ-V").expect("vertical variant");
        assert_eq!(vertical.wmode, 1);
        assert_eq!(vertical.cid(0x82A0), Some(cid));

        let ucs2 = predefined("UniGB-UCS2-H").expect("UniGB-UCS2-H");
        assert_eq!(ucs2.unicode(0x4E2D).as_deref(), Some("中"));
        let cid = ucs2.cid(0x4E2D).expect("CID of 中");
        assert_eq!(Collection::Gb1.cid_to_unicode(cid), Some('中'));

        let identity = predefined("Identity-V").expect("identity");
        assert_eq!((identity.cid(1234), identity.wmode), (Some(1234), 1));
        assert!(predefined("No-Such-CMap").is_none());
    }
}
