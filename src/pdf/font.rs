//! PDF fonts as the text layer needs them: how a string's bytes split into
//! character codes, the Unicode text and advance width of each code, and
//! vertical metrics. Each font is loaded once per document.
//!
//! Text comes from the first source that gives something meaningful:
//! 1. the /ToUnicode CMap;
//! 2. for simple fonts, the glyph name from /Encoding (/BaseEncoding,
//!    /Differences) through the Adobe Glyph List; for CID fonts, the
//!    predefined Uni* CMap or Adobe's CID -> Unicode table of the font's
//!    character collection;
//! 3. the embedded font program: a Type 1 built-in encoding, a CFF
//!    encoding and charset, a TrueType `cmap` (inverted) or `post` names.
//!
//! Text that is only control characters, U+FFFD or private-use code points
//! counts as no text: it means nothing outside the font.

use super::cmap::{self, CMap, Collection};
use super::encoding::BaseEncoding;
use super::glyph::FontInfo;
use super::glyphlist::{dingbat_name_to_unicode, glyph_name_to_unicode, is_private_use_char};
use super::lexer::{Lexer, Token};
use super::limits::{Budget, LimitExceeded};
use super::metrics::{self, StandardMetrics};
use super::objects::{
    StreamError, decode_stream, get, get_array, get_dict, get_name, get_number, get_stream, matrix,
    resolve, resolved_number,
};
use foldhash::{HashMap, HashMapExt};
use lopdf::{Dictionary, Document, Object};
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

/// What the interpreter needs to know about one character code.
#[derive(Debug, Clone)]
pub struct CharInfo {
    /// Unicode text; empty when nothing maps the code.
    pub text: Rc<str>,
    /// Horizontal advance in glyph space (1/1000 em for all but Type 3).
    pub width: f64,
    /// A single-byte code 32: word spacing applies.
    pub is_space: bool,
    /// Vertical advance in glyph space (negative is downwards), for fonts
    /// in vertical writing mode. Glyphs are reported at their vertical
    /// origin (the pen position), so the position vector is not needed.
    pub w1: f64,
}

/// A loaded font.
#[derive(Debug)]
pub struct Font {
    pub info: FontInfo,
    /// Glyph space to text space.
    pub matrix: [f64; 6],
    /// The height of one em in text space at font size 1: 1 for all but
    /// Type 3 fonts, whose FontMatrix and glyph units are free.
    pub em: f64,
    pub vertical: bool,
    /// Problems met while loading, one sentence each.
    pub warnings: Vec<String>,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    Simple(Vec<CharInfo>),
    Composite(Box<Composite>),
}

#[derive(Debug)]
struct Composite {
    encoding: CMap,
    to_unicode: Option<CMap>,
    collection: Option<Collection>,
    widths: Ranges<f64>,
    default_width: f64,
    /// Vertical advances from /W2 and /DW2.
    vertical_advances: Ranges<f64>,
    default_vertical_advance: f64,
    /// The embedded program (GID -> text), and CID -> GID.
    program: Program,
    cid_to_gid: Option<Vec<u16>>,
    single_byte_space: bool,
    symbol_font: bool,
    cache: RefCell<HashMap<u32, CharInfo>>,
}

/// Sorted, non-overlapping code ranges with a value each.
#[derive(Debug, Default)]
struct Ranges<T> {
    entries: Vec<(u32, u32, T)>,
}

impl<T: Copy> Ranges<T> {
    fn get(&self, key: u32) -> Option<T> {
        let idx = self.entries.partition_point(|e| e.0 <= key);
        let (lo, hi, v) = *self.entries.get(idx.checked_sub(1)?)?;
        (lo <= key && key <= hi).then_some(v)
    }
    fn finish(&mut self) {
        // Later entries win where /W repeats a CID; a stable sort keeps them
        // after earlier ones, and lookups take the last range starting <= key.
        self.entries.sort_by_key(|e| e.0);
    }
}

/// Codes of a composite font cached per font; bounds memory on hostile
/// fonts that use millions of distinct codes.
const MAX_CACHED_CODES: usize = 1 << 16;

impl Font {
    /// Load a font dictionary.
    pub fn load(doc: &Document, dict: &Dictionary, budget: &Budget) -> Result<Font, LimitExceeded> {
        budget.charge(16)?;
        let subtype = get_name(doc, dict, b"Subtype").unwrap_or(b"Type1");
        if subtype == b"Type0" {
            load_composite(doc, dict, budget)
        } else {
            load_simple(
                doc,
                dict,
                subtype == b"Type3",
                subtype == b"TrueType",
                budget,
            )
        }
    }

    /// Split the next character code off `bytes` (not empty); returns the
    /// code and its length in bytes.
    pub fn next_code(&self, bytes: &[u8]) -> (u32, usize) {
        match &self.kind {
            Kind::Simple(_) => (u32::from(bytes.first().copied().unwrap_or(0)), 1),
            Kind::Composite(c) => c.encoding.next_code(bytes),
        }
    }

    /// Everything about one code.
    pub fn char_info(&self, code: u32, len: usize) -> CharInfo {
        match &self.kind {
            Kind::Simple(codes) => codes
                .get(code as usize)
                .cloned()
                .unwrap_or_else(|| empty_char(0.0)),
            Kind::Composite(c) => c.char_info(code, len),
        }
    }
}

fn empty_char(width: f64) -> CharInfo {
    CharInfo {
        text: Rc::from(""),
        width,
        is_space: false,
        w1: -1000.0,
    }
}

/// Keep only meaningful text: white-space controls become spaces, other
/// control characters, U+FFFD and noncharacters go; text with private-use
/// code points means nothing.
pub fn usable_text(text: &str) -> Option<String> {
    if text.chars().any(is_private_use_char) {
        return None;
    }
    let cleaned: String = text
        .chars()
        // Some producers (Qt) map the space glyph to a tab: it is a space.
        .map(|c| {
            if c.is_whitespace() && c.is_control() {
                ' '
            } else {
                c
            }
        })
        .filter(|&c| !c.is_control() && c != '\u{FFFD}' && c != '\u{FFFE}' && c != '\u{FFFF}')
        .collect();
    if cleaned.is_empty() {
        None
    } else {
        Some(cleaned)
    }
}

/// Microsoft's Symbol font maps its glyphs to U+F020..U+F0FF, code + 0xF000;
/// ToUnicode maps written from it carry those private-use values. In a
/// Symbol font they are the Symbol encoding's characters (U+F0B7 is a bullet).
fn symbol_private_use(text: &str, symbol_font: bool) -> Option<String> {
    let mut chars = text.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    let code = u8::try_from((c as u32).checked_sub(0xF000)?).ok()?;
    if !symbol_font || code < 0x20 {
        return None;
    }
    let name = BaseEncoding::Symbol.glyph_name(code)?;
    glyph_name_to_unicode(name).and_then(|t| usable_text(&t))
}

fn is_symbol_font(name: &str) -> bool {
    name.to_ascii_lowercase().starts_with("symbol")
}

/// Microsoft's picture fonts, whose codes stand for no letters.
fn is_pictographic_font(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    ["wingdings", "webdings", "marlett"]
        .iter()
        .any(|p| lower.starts_with(p))
}

// ------------------------------------------------------------ font info ---

fn font_info(doc: &Document, dict: &Dictionary, descriptor: Option<&Dictionary>) -> FontInfo {
    let raw = get_name(doc, dict, b"BaseFont")
        .or_else(|| descriptor.and_then(|d| get_name(doc, d, b"FontName")))
        .or_else(|| get_name(doc, dict, b"Name"))
        .unwrap_or_default();
    let raw = String::from_utf8_lossy(&super::lexer::name_bytes(raw)).into_owned();
    let name = strip_subset_prefix(&raw).to_string();
    let lower = name.to_ascii_lowercase();
    let flags = descriptor
        .and_then(|d| get_number(doc, d, b"Flags"))
        .unwrap_or(0.0) as i64;
    let weight = descriptor
        .and_then(|d| get_number(doc, d, b"FontWeight"))
        .unwrap_or(0.0);
    let italic_angle = descriptor
        .and_then(|d| get_number(doc, d, b"ItalicAngle"))
        .unwrap_or(0.0);
    let bold = flags & (1 << 18) != 0
        || weight >= 600.0
        || ["bold", "black", "heavy", "semibold", "demi"]
            .iter()
            .any(|w| lower.contains(w));
    let italic = flags & (1 << 6) != 0
        || italic_angle.abs() > 0.5
        || lower.contains("italic")
        || lower.contains("oblique");
    FontInfo {
        name,
        bold,
        italic,
        object: None,
    }
}

/// "ABCDEF+Times" -> "Times".
pub(crate) fn strip_subset_prefix(name: &str) -> &str {
    match name.split_once('+') {
        Some((prefix, rest))
            if prefix.len() == 6 && prefix.bytes().all(|b| b.is_ascii_uppercase()) =>
        {
            rest
        }
        _ => name,
    }
}

const FLAG_FIXED_PITCH: i64 = 1;
const FLAG_SERIF: i64 = 1 << 1;
const FLAG_SYMBOLIC: i64 = 1 << 2;

// --------------------------------------------------------- simple fonts ---

fn load_simple(
    doc: &Document,
    dict: &Dictionary,
    type3: bool,
    truetype: bool,
    budget: &Budget,
) -> Result<Font, LimitExceeded> {
    let mut warnings = Vec::new();
    let descriptor = get_dict(doc, dict, b"FontDescriptor");
    let info = font_info(doc, dict, descriptor);
    let flags = descriptor
        .and_then(|d| get_number(doc, d, b"Flags"))
        .unwrap_or(0.0) as i64;
    let standard = if type3 {
        None
    } else {
        metrics::standard_font_for(&info.name)
    };
    let symbolic_standard = standard.is_some_and(|s| s.is_symbolic());
    let dingbats = standard.is_some_and(|s| s.name == "ZapfDingbats")
        || info.name.to_ascii_lowercase().contains("dingbat");
    let symbol_font = is_symbol_font(&info.name);
    let pictographic = is_pictographic_font(&info.name);

    let to_unicode = load_to_unicode(doc, dict, budget, &mut warnings)?;
    let program = match descriptor {
        Some(d) if !type3 => load_program(doc, d, budget, &mut warnings)?,
        _ => Program::default(),
    };

    // The encoding: a base vector and /Differences over it.
    let mut differences: HashMap<u8, String> = HashMap::new();
    let explicit_base = match get(doc, dict, b"Encoding") {
        Some(Object::Name(name)) => BaseEncoding::from_name(name).map(Some),
        Some(Object::Dictionary(enc)) => {
            read_differences(doc, enc, &mut differences, budget)?;
            Some(get_name(doc, enc, b"BaseEncoding").and_then(BaseEncoding::from_name))
        }
        _ => None,
    };
    let has_encoding_entry = explicit_base.is_some();
    let base: Option<BaseEncoding> = match explicit_base.flatten() {
        Some(base) => Some(base),
        None if symbolic_standard => Some(if dingbats {
            BaseEncoding::ZapfDingbats
        } else {
            BaseEncoding::Symbol
        }),
        // Without /Encoding a font program's own encoding applies; with a
        // /Differences-only dictionary it does for symbolic fonts.
        None if program.builtin.is_some()
            && (!has_encoding_entry || flags & FLAG_SYMBOLIC != 0) =>
        {
            None
        }
        None if truetype && flags & FLAG_SYMBOLIC != 0 && !has_encoding_entry => None,
        None => Some(BaseEncoding::Standard),
    };

    let font_matrix = if type3 {
        get_array(doc, dict, b"FontMatrix")
            .and_then(|m| matrix(doc, m))
            .filter(|m| m.iter().all(|v| v.is_finite()) && (m[0] != 0.0 || m[1] != 0.0))
            .unwrap_or([0.001, 0.0, 0.0, 0.001, 0.0, 0.0])
    } else {
        [0.001, 0.0, 0.0, 0.001, 0.0, 0.0]
    };

    let widths = SimpleWidths::read(doc, dict, descriptor);
    let substitute = if widths.explicit.is_none() && standard.is_none() && !type3 {
        Some(metrics::substitute_for(
            flags & FLAG_FIXED_PITCH != 0,
            flags & FLAG_SERIF != 0,
            info.bold,
            info.italic,
        ))
    } else {
        None
    };

    let self_numbered = numbers_own_codes(&differences);
    // A symbolic TrueType font with no /Encoding whose program names none
    // of its glyphs (no Unicode cmap, no `post` names): its codes are read
    // as WinAnsi, as viewers do, for the glyphs it has.
    let codes_as_winansi = truetype && base.is_none() && !pictographic && !symbol_font;
    let mut codes = Vec::with_capacity(256);
    for code in 0..=255u8 {
        let name: Option<&str> =
            differences
                .get(&code)
                .map(String::as_str)
                .or_else(|| match base {
                    Some(base) => base.glyph_name(code),
                    None => program.builtin_name(code),
                });
        let text = to_unicode
            .as_ref()
            .and_then(|cmap| cmap.unicode(u32::from(code)))
            .and_then(|t| usable_text(&t).or_else(|| symbol_private_use(&t, symbol_font)))
            .or_else(|| {
                // A pictographic font's glyphs are not the letters that a
                // standard encoding names for their codes ("l" for a bullet).
                if pictographic && !differences.contains_key(&code) {
                    return None;
                }
                name.and_then(|n| {
                    if dingbats {
                        dingbat_name_to_unicode(n)
                    } else {
                        glyph_name_to_unicode(n)
                    }
                })
                .and_then(|t| usable_text(&t))
            })
            .or_else(|| program.text_for_code(code))
            .or_else(|| {
                (codes_as_winansi && program.has_glyph(code))
                    .then(|| BaseEncoding::WinAnsi.glyph_name(code))
                    .flatten()
                    .and_then(glyph_name_to_unicode)
                    .and_then(|t| usable_text(&t))
            })
            .or_else(|| {
                // "a65" at code 65 in a font where every name numbers its
                // own code: the code is the character.
                let name = name?;
                (self_numbered && trailing_number(name) == Some(u32::from(code)))
                    .then(|| BaseEncoding::WinAnsi.glyph_name(code))
                    .flatten()
                    .and_then(glyph_name_to_unicode)
            })
            .unwrap_or_default();
        let width = widths.width(code, name, standard.or(substitute));
        let mut info = empty_char(width);
        info.is_space = code == 32;
        info.text = Rc::from(text.as_str());
        codes.push(info);
    }

    let em = if type3 {
        type3_em(doc, dict, &font_matrix, &codes)
    } else {
        1.0
    };
    Ok(Font {
        info,
        matrix: font_matrix,
        em,
        vertical: false,
        warnings,
        kind: Kind::Simple(codes),
    })
}

/// Whether /Differences names carry their own code as a number ("a65" at
/// 65, "G44" at 44): then the codes are characters. Names that number
/// glyphs ("g3" at code 2) fail the test.
fn numbers_own_codes(differences: &HashMap<u8, String>) -> bool {
    let numbered: Vec<(u8, Option<u32>)> = differences
        .iter()
        .filter(|(_, name)| glyph_name_to_unicode(name).is_none() && name.as_str() != ".notdef")
        .map(|(&code, name)| (code, trailing_number(name)))
        .collect();
    numbered.len() >= 3
        && numbered
            .iter()
            .all(|(code, number)| *number == Some(u32::from(*code)))
}

/// The decimal number ending a name of one or two letters and digits.
fn trailing_number(name: &str) -> Option<u32> {
    let digits = name.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let prefix = name.len() - digits.len();
    if !(1..=2).contains(&prefix) || digits.is_empty() || digits.len() > 3 {
        return None;
    }
    digits.parse().ok()
}

/// The em of a Type 3 font in text space: its bounding box height when that
/// is plausible, else twice the mean advance (a lowercase letter is about
/// half an em); Type 3 glyph units and FontMatrix are otherwise arbitrary.
fn type3_em(doc: &Document, dict: &Dictionary, fm: &[f64; 6], codes: &[CharInfo]) -> f64 {
    let y_scale = (fm[2] * fm[2] + fm[3] * fm[3]).sqrt();
    let x_scale = (fm[0] * fm[0] + fm[1] * fm[1]).sqrt();
    let widths: Vec<f64> = codes
        .iter()
        .map(|c| c.width.abs())
        .filter(|w| *w > 0.0)
        .collect();
    let from_widths = (!widths.is_empty())
        .then(|| 2.0 * widths.iter().sum::<f64>() / widths.len() as f64 * x_scale);
    let from_bbox = get_array(doc, dict, b"FontBBox")
        .filter(|b| b.len() == 4)
        .and_then(|b| Some((resolved_number(doc, &b[3])? - resolved_number(doc, &b[1])?).abs()))
        .map(|h| h * y_scale)
        .filter(|h| *h > 0.0);
    let em = match (from_bbox, from_widths) {
        (Some(b), Some(w)) if b >= 0.5 * w && b <= 2.0 * w => b,
        (_, Some(w)) => w,
        (Some(b), None) => b,
        (None, None) => 1.0,
    };
    if em.is_finite() && em > 0.0 { em } else { 1.0 }
}

fn read_differences(
    doc: &Document,
    encoding: &Dictionary,
    out: &mut HashMap<u8, String>,
    budget: &Budget,
) -> Result<(), LimitExceeded> {
    let Some(items) = get_array(doc, encoding, b"Differences") else {
        return Ok(());
    };
    let mut code: Option<i64> = None;
    for item in items {
        budget.charge(1)?;
        match resolve(doc, item) {
            Some(Object::Integer(i)) => code = Some(*i),
            Some(Object::Real(r)) => code = Some(*r as i64),
            Some(Object::Name(name)) => {
                if let Some(c) = code {
                    if let Ok(byte) = u8::try_from(c) {
                        let name = super::lexer::name_bytes(name);
                        out.insert(byte, String::from_utf8_lossy(&name).into_owned());
                    }
                    code = Some(c + 1);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

struct SimpleWidths {
    first: i64,
    explicit: Option<Vec<f64>>,
    missing: f64,
}

impl SimpleWidths {
    fn read(doc: &Document, dict: &Dictionary, descriptor: Option<&Dictionary>) -> Self {
        let first = get_number(doc, dict, b"FirstChar").unwrap_or(0.0) as i64;
        let explicit = get_array(doc, dict, b"Widths").map(|ws| {
            ws.iter()
                .take(256)
                .map(|w| resolved_number(doc, w).unwrap_or(0.0))
                .collect::<Vec<f64>>()
        });
        let missing = descriptor
            .and_then(|d| get_number(doc, d, b"MissingWidth"))
            .unwrap_or(0.0);
        SimpleWidths {
            first,
            explicit: explicit.filter(|w| !w.is_empty()),
            missing,
        }
    }

    fn width(&self, code: u8, name: Option<&str>, metrics: Option<StandardMetrics>) -> f64 {
        if let Some(widths) = &self.explicit {
            let index = i64::from(code) - self.first;
            return usize::try_from(index)
                .ok()
                .and_then(|i| widths.get(i))
                .copied()
                .unwrap_or(self.missing);
        }
        if let Some(metrics) = metrics
            && let Some(w) = name.and_then(|n| metrics.width(n))
        {
            return f64::from(w);
        }
        if self.missing > 0.0 {
            self.missing
        } else {
            500.0
        }
    }
}

// ------------------------------------------------------ composite fonts ---

fn load_composite(
    doc: &Document,
    dict: &Dictionary,
    budget: &Budget,
) -> Result<Font, LimitExceeded> {
    let mut warnings = Vec::new();
    let descendant = get_array(doc, dict, b"DescendantFonts")
        .and_then(|a| a.first())
        .and_then(|d| resolve(doc, d))
        .and_then(|d| match d {
            Object::Dictionary(d) => Some(d),
            _ => None,
        });
    let empty = Dictionary::new();
    let cid_font = descendant.unwrap_or(&empty);
    let descriptor = get_dict(doc, cid_font, b"FontDescriptor");
    let mut info = font_info(doc, dict, descriptor);
    if info.name.is_empty() {
        info = font_info(doc, cid_font, descriptor);
    }
    if descendant.is_none() {
        warnings.push(format!("Font {} has no descendant CID font.", info.name));
    }

    let encoding = match get(doc, dict, b"Encoding") {
        Some(Object::Name(name)) => {
            let name = String::from_utf8_lossy(name).into_owned();
            cmap::predefined(&name).unwrap_or_else(|| {
                warnings.push(format!("Font {} uses the unknown CMap {name}.", info.name));
                CMap::identity(false)
            })
        }
        Some(Object::Stream(stream)) => match decode_stream(stream, budget) {
            Ok(data) => {
                let mut cmap = CMap::parse(&data, budget)?;
                if get_number(doc, &stream.dict, b"WMode") == Some(1.0) {
                    cmap.wmode = 1;
                }
                cmap
            }
            Err(StreamError::Limit(limit)) => return Err(limit),
            Err(StreamError::Damaged) => {
                warnings.push(format!(
                    "The encoding CMap of font {} is damaged.",
                    info.name
                ));
                CMap::identity(false)
            }
        },
        _ => CMap::identity(false),
    };
    let to_unicode = load_to_unicode(doc, dict, budget, &mut warnings)?;

    // CIDs of an Adobe character collection have known Unicode values.
    let ordering = get_dict(doc, cid_font, b"CIDSystemInfo")
        .filter(|csi| get_name(doc, csi, b"Registry") == Some(b"Adobe"))
        .and_then(|csi| get_name(doc, csi, b"Ordering"));
    let collection = encoding
        .collection
        .or_else(|| ordering.and_then(Collection::from_ordering));

    let default_width = get_number(doc, cid_font, b"DW").unwrap_or(1000.0);
    let widths = read_cid_widths(doc, cid_font, budget)?;
    let dw2 = get_array(doc, cid_font, b"DW2")
        .filter(|a| a.len() == 2)
        .and_then(|a| Some([resolved_number(doc, &a[0])?, resolved_number(doc, &a[1])?]))
        .unwrap_or([880.0, -1000.0]);
    let vertical_advances = read_cid_vertical(doc, cid_font, budget)?;

    let program = match descriptor {
        Some(d) => load_program(doc, d, budget, &mut warnings)?,
        None => Program::default(),
    };
    let cid_to_gid = match get(doc, cid_font, b"CIDToGIDMap") {
        Some(Object::Stream(stream)) => match decode_stream(stream, budget) {
            Ok(data) => Some(
                data.chunks_exact(2)
                    .map(|p| u16::from_be_bytes([p[0], p[1]]))
                    .collect(),
            ),
            Err(StreamError::Limit(limit)) => return Err(limit),
            Err(StreamError::Damaged) => None,
        },
        _ => None,
    };

    let vertical = encoding.wmode == 1;
    let single_byte_space = encoding.has_single_byte_space();
    let symbol_font = is_symbol_font(&info.name);
    Ok(Font {
        info,
        matrix: [0.001, 0.0, 0.0, 0.001, 0.0, 0.0],
        em: 1.0,
        vertical,
        warnings,
        kind: Kind::Composite(Box::new(Composite {
            encoding,
            to_unicode,
            collection,
            widths,
            default_width,
            vertical_advances,
            default_vertical_advance: dw2[1],
            program,
            cid_to_gid,
            single_byte_space,
            symbol_font,
            cache: RefCell::new(HashMap::new()),
        })),
    })
}

fn read_cid_widths(
    doc: &Document,
    cid_font: &Dictionary,
    budget: &Budget,
) -> Result<Ranges<f64>, LimitExceeded> {
    let mut ranges = Ranges::default();
    let Some(items) = get_array(doc, cid_font, b"W") else {
        return Ok(ranges);
    };
    let mut i = 0;
    while i < items.len() {
        budget.charge(1)?;
        let Some(first) = items.get(i).and_then(|o| resolved_number(doc, o)) else {
            i += 1;
            continue;
        };
        let first = first.max(0.0) as u32;
        match items.get(i + 1).and_then(|o| resolve(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, w) in list.iter().enumerate() {
                    budget.charge(1)?;
                    if let Some(w) = resolved_number(doc, w) {
                        let cid = first.saturating_add(k as u32);
                        ranges.entries.push((cid, cid, w));
                    }
                }
                i += 2;
            }
            Some(last) => {
                let last = super::objects::number(last).unwrap_or(0.0).max(0.0) as u32;
                if let Some(w) = items.get(i + 2).and_then(|o| resolved_number(doc, o))
                    && last >= first
                {
                    ranges.entries.push((first, last, w));
                }
                i += 3;
            }
            None => break,
        }
    }
    ranges.finish();
    Ok(ranges)
}

fn read_cid_vertical(
    doc: &Document,
    cid_font: &Dictionary,
    budget: &Budget,
) -> Result<Ranges<f64>, LimitExceeded> {
    let mut ranges = Ranges::default();
    let Some(items) = get_array(doc, cid_font, b"W2") else {
        return Ok(ranges);
    };
    let num = |o: Option<&Object>| o.and_then(|o| resolved_number(doc, o));
    let mut i = 0;
    while i < items.len() {
        budget.charge(1)?;
        let Some(first) = num(items.get(i)) else {
            i += 1;
            continue;
        };
        let first = first.max(0.0) as u32;
        match items.get(i + 1).and_then(|o| resolve(doc, o)) {
            Some(Object::Array(list)) => {
                // Triples of w1, vx, vy; only the advance w1 is used.
                for (k, triple) in list.chunks_exact(3).enumerate() {
                    budget.charge(1)?;
                    if let Some(w1) = num(triple.first()) {
                        let cid = first.saturating_add(k as u32);
                        ranges.entries.push((cid, cid, w1));
                    }
                }
                i += 2;
            }
            Some(_) => {
                let last = num(items.get(i + 1)).unwrap_or(0.0).max(0.0) as u32;
                // first last w1 vx vy
                if let Some(w1) = num(items.get(i + 2))
                    && last >= first
                {
                    ranges.entries.push((first, last, w1));
                }
                i += 5;
            }
            None => break,
        }
    }
    ranges.finish();
    Ok(ranges)
}

impl Composite {
    fn char_info(&self, code: u32, len: usize) -> CharInfo {
        if let Some(info) = self.cache.borrow().get(&code) {
            return info.clone();
        }
        let info = self.compute(code, len);
        let mut cache = self.cache.borrow_mut();
        if cache.len() < MAX_CACHED_CODES {
            cache.insert(code, info.clone());
        }
        info
    }

    fn compute(&self, code: u32, len: usize) -> CharInfo {
        let cid = self.encoding.cid(code);
        let text = self
            .to_unicode
            .as_ref()
            .and_then(|cmap| cmap.unicode(code))
            .and_then(|t| usable_text(&t).or_else(|| symbol_private_use(&t, self.symbol_font)))
            .or_else(|| self.encoding.unicode(code).and_then(|t| usable_text(&t)))
            .or_else(|| {
                let c = self.collection?.cid_to_unicode(cid?)?;
                usable_text(c.encode_utf8(&mut [0; 4]))
            })
            .or_else(|| self.program_text_for_cid(cid?))
            .unwrap_or_default();
        let cid_or_zero = cid.unwrap_or(0);
        let width = self.widths.get(cid_or_zero).unwrap_or(self.default_width);
        let w1 = self
            .vertical_advances
            .get(cid_or_zero)
            .unwrap_or(self.default_vertical_advance);
        CharInfo {
            text: Rc::from(text.as_str()),
            width,
            is_space: len == 1 && code == 32 && self.single_byte_space,
            w1,
        }
    }

    fn program_text_for_cid(&self, cid: u32) -> Option<String> {
        if !self.program.has_source() {
            return None;
        }
        // CIDToGIDMap applies to TrueType programs; otherwise (and for
        // /Identity) the CID is the glyph index.
        let gid = match &self.cid_to_gid {
            Some(map) => *map.get(cid as usize)?,
            None => u16::try_from(cid).ok()?,
        };
        self.program.gid_text().get(&gid).cloned()
    }
}

// ------------------------------------------------------------ ToUnicode ---

fn load_to_unicode(
    doc: &Document,
    dict: &Dictionary,
    budget: &Budget,
    warnings: &mut Vec<String>,
) -> Result<Option<CMap>, LimitExceeded> {
    match get(doc, dict, b"ToUnicode") {
        Some(Object::Stream(stream)) => match decode_stream(stream, budget) {
            Ok(data) => {
                let cmap = CMap::parse(&data, budget)?;
                Ok(cmap.has_unicode().then_some(cmap))
            }
            Err(StreamError::Limit(limit)) => Err(limit),
            Err(StreamError::Damaged) => {
                warnings.push("A font's ToUnicode map could not be decoded.".to_string());
                Ok(None)
            }
        },
        // A predefined name such as /Identity-H is occasionally written here.
        Some(Object::Name(name)) => {
            let name = String::from_utf8_lossy(name);
            Ok(cmap::predefined(&name).filter(|c| c.has_unicode()))
        }
        _ => Ok(None),
    }
}

// --------------------------------------------------------- font program ---

/// What an embedded font program tells about text.
#[derive(Debug, Default)]
struct Program {
    /// Built-in encoding: code -> glyph name (Type 1, CFF).
    builtin: Option<Vec<Option<String>>>,
    /// TrueType: code -> GID through the subtable that maps single-byte
    /// codes, and which kind of subtable that was.
    code_to_gid: Option<Vec<u16>>,
    code_subtable: CodeSubtable,
    /// The program's bytes, kept to build `gid_text` if it is ever needed.
    source: Option<ProgramSource>,
    /// GID -> text (TrueType cmap inverted, `post` names, CFF charset
    /// names), built on first use: most fonts never need it.
    gid_text: OnceCell<HashMap<u16, String>>,
}

/// The TrueType subtable a simple font's codes go through.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum CodeSubtable {
    /// (3,0): codes at U+F000 + code; their text needs the GID.
    #[default]
    Symbol,
    /// (1,0): codes are Mac Roman.
    MacRoman,
    /// A Unicode subtable: codes are characters.
    Unicode,
}

#[derive(Debug)]
enum ProgramSource {
    Cff(Vec<u8>),
    Sfnt(Vec<u8>),
}

impl Program {
    fn builtin_name(&self, code: u8) -> Option<&str> {
        self.builtin.as_ref()?.get(code as usize)?.as_deref()
    }

    fn has_source(&self) -> bool {
        self.source.is_some()
    }

    fn gid_text(&self) -> &HashMap<u16, String> {
        self.gid_text.get_or_init(|| match &self.source {
            Some(ProgramSource::Cff(data)) => cff_gid_text(data),
            Some(ProgramSource::Sfnt(data)) => sfnt_gid_text(data),
            None => HashMap::new(),
        })
    }

    /// Text for a code through the program alone: its built-in glyph name,
    /// or its code -> GID -> text path.
    /// Whether the program's code map draws a glyph for `code`.
    fn has_glyph(&self, code: u8) -> bool {
        self.code_to_gid
            .as_ref()
            .and_then(|map| map.get(code as usize))
            .is_some_and(|&gid| gid != 0)
    }

    fn text_for_code(&self, code: u8) -> Option<String> {
        if let Some(text) = self
            .builtin_name(code)
            .and_then(glyph_name_to_unicode)
            .and_then(|t| usable_text(&t))
        {
            return Some(text);
        }
        let gid = *self.code_to_gid.as_ref()?.get(code as usize)?;
        if gid == 0 {
            return None;
        }
        // Mac Roman and Unicode subtables say what the code is; only a
        // symbol subtable needs the (costlier) GID -> text map.
        match self.code_subtable {
            CodeSubtable::MacRoman => BaseEncoding::MacRoman
                .glyph_name(code)
                .and_then(glyph_name_to_unicode)
                .and_then(|t| usable_text(&t)),
            CodeSubtable::Unicode => usable_text(char::from(code).encode_utf8(&mut [0; 4])),
            CodeSubtable::Symbol => self.gid_text().get(&gid).cloned(),
        }
    }
}

/// Largest font program read; anything bigger is no font we can use.
const MAX_PROGRAM_BYTES: usize = 32 * 1024 * 1024;

fn load_program(
    doc: &Document,
    descriptor: &Dictionary,
    budget: &Budget,
    warnings: &mut Vec<String>,
) -> Result<Program, LimitExceeded> {
    let (stream, kind) = if let Some(s) = get_stream(doc, descriptor, b"FontFile") {
        (s, ProgramKind::Type1)
    } else if let Some(s) = get_stream(doc, descriptor, b"FontFile2") {
        (s, ProgramKind::TrueType)
    } else if let Some(s) = get_stream(doc, descriptor, b"FontFile3") {
        let subtype = get_name(doc, &s.dict, b"Subtype").unwrap_or_default();
        if subtype == b"OpenType" {
            (s, ProgramKind::OpenType)
        } else {
            (s, ProgramKind::Cff)
        }
    } else {
        return Ok(Program::default());
    };
    if stream.content.len() > MAX_PROGRAM_BYTES {
        return Ok(Program::default());
    }
    let data = match decode_stream(stream, budget) {
        Ok(data) => data,
        Err(StreamError::Limit(limit)) => return Err(limit),
        Err(StreamError::Damaged) => {
            warnings.push("An embedded font program could not be decoded.".to_string());
            return Ok(Program::default());
        }
    };
    budget.charge(data.len() as u64 / 256)?;
    Ok(match kind {
        ProgramKind::Type1 => Program {
            builtin: type1_builtin_encoding(&data),
            ..Program::default()
        },
        ProgramKind::Cff => cff_program(&data),
        ProgramKind::TrueType | ProgramKind::OpenType => sfnt_program(&data),
    })
}

enum ProgramKind {
    Type1,
    TrueType,
    Cff,
    OpenType,
}

/// The /Encoding of a Type 1 program's clear-text header: `dup 65 /A put`
/// entries, or nothing for `StandardEncoding`.
fn type1_builtin_encoding(data: &[u8]) -> Option<Vec<Option<String>>> {
    let start = find(data, b"/Encoding")?;
    let header_end = find(data, b"eexec").unwrap_or(data.len());
    let section = data.get(start..header_end.max(start))?;
    let mut lexer = Lexer::new(section);
    lexer.next_token(); // /Encoding
    let mut names: Vec<Option<String>> = vec![None; 256];
    let mut any = false;
    let mut window: [Option<Token>; 3] = [None, None, None];
    while let Some(token) = lexer.next_token() {
        match &token {
            Token::Keyword(b"StandardEncoding") if !any => return None,
            Token::Keyword(b"put") => {
                if let [
                    Some(Token::Keyword(b"dup")),
                    Some(Token::Number(code)),
                    Some(Token::Name(name)),
                ] = &window
                    && let Some(slot) = names.get_mut(*code as usize)
                {
                    *slot = Some(String::from_utf8_lossy(name).into_owned());
                    any = true;
                }
            }
            Token::Keyword(b"readonly") | Token::Keyword(b"def") if any => break,
            _ => {}
        }
        window = [window[1].take(), window[2].take(), Some(token)];
    }
    any.then_some(names)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A CFF program: its built-in encoding (through the charset's names).
fn cff_program(data: &[u8]) -> Program {
    let mut program = Program {
        source: Some(ProgramSource::Cff(data.to_vec())),
        ..Program::default()
    };
    let Some(table) = ttf_parser::cff::Table::parse(data) else {
        return program;
    };
    // A CID-keyed program has no glyph names to give.
    if table.glyph_cid(ttf_parser::GlyphId(0)).is_some() {
        program.source = None;
        return program;
    }
    let mut names = vec![None; 256];
    let mut any = false;
    for code in 0..=255u8 {
        if let Some(gid) = table.glyph_index(code).filter(|g| g.0 != 0)
            && let Some(name) = table.glyph_name(gid)
        {
            names[code as usize] = Some(name.to_string());
            any = true;
        }
    }
    if any {
        program.builtin = Some(names);
    }
    program
}

fn cff_gid_text(data: &[u8]) -> HashMap<u16, String> {
    let mut text = HashMap::new();
    let Some(table) = ttf_parser::cff::Table::parse(data) else {
        return text;
    };
    for gid in 0..table.number_of_glyphs() {
        if let Some(t) = table
            .glyph_name(ttf_parser::GlyphId(gid))
            .and_then(glyph_name_to_unicode)
            .and_then(|t| usable_text(&t))
        {
            text.insert(gid, t);
        }
    }
    text
}

/// A TrueType or OpenType program: its code -> GID map for symbolic fonts.
fn sfnt_program(data: &[u8]) -> Program {
    let mut program = Program::default();
    let Ok(face) = ttf_parser::RawFace::parse(data, 0) else {
        return program;
    };
    if let Some(cff) = face.table(ttf_parser::Tag::from_bytes(b"CFF ")) {
        program = cff_program(cff);
    }
    program.source = Some(ProgramSource::Sfnt(data.to_vec()));
    let Some(cmap) = face
        .table(ttf_parser::Tag::from_bytes(b"cmap"))
        .and_then(ttf_parser::cmap::Table::parse)
    else {
        return program;
    };
    // The subtable that maps single-byte codes: (3,0) symbol, then (1,0)
    // Mac Roman, then a Unicode one read with the code as a character.
    let kind = |subtable: &ttf_parser::cmap::Subtable| match (
        subtable.platform_id,
        subtable.encoding_id,
    ) {
        (ttf_parser::PlatformId::Windows, 0) => Some(CodeSubtable::Symbol),
        (ttf_parser::PlatformId::Macintosh, 0) => Some(CodeSubtable::MacRoman),
        _ if subtable.is_unicode() => Some(CodeSubtable::Unicode),
        _ => None,
    };
    let preference = |kind: &CodeSubtable| match kind {
        CodeSubtable::Symbol => 0,
        CodeSubtable::MacRoman => 1,
        CodeSubtable::Unicode => 2,
    };
    let Some((kind, subtable)) = cmap
        .subtables
        .into_iter()
        .filter_map(|s| Some((kind(&s)?, s)))
        .min_by_key(|(kind, _)| preference(kind))
    else {
        return program;
    };
    let mut map = vec![0u16; 256];
    for (code, slot) in (0u32..).zip(map.iter_mut()) {
        let gid = match kind {
            CodeSubtable::MacRoman | CodeSubtable::Unicode => subtable.glyph_index(code),
            // Symbol fonts put their glyphs at U+F000 + code.
            CodeSubtable::Symbol => subtable
                .glyph_index(0xF000 + code)
                .or_else(|| subtable.glyph_index(code)),
        };
        *slot = gid.map_or(0, |g| g.0);
    }
    program.code_subtable = kind;
    program.code_to_gid = Some(map);
    program
}

/// Unicode subtables inverted over the Basic Multilingual Plane (asking
/// each code point keeps the cost bounded whatever the table's ranges
/// claim), then `post` glyph names, then CFF names.
fn sfnt_gid_text(data: &[u8]) -> HashMap<u16, String> {
    let mut text = HashMap::new();
    let Ok(face) = ttf_parser::RawFace::parse(data, 0) else {
        return text;
    };
    if let Some(cmap) = face
        .table(ttf_parser::Tag::from_bytes(b"cmap"))
        .and_then(ttf_parser::cmap::Table::parse)
    {
        for subtable in cmap
            .subtables
            .into_iter()
            .filter(|s| s.is_unicode())
            .take(2)
        {
            for cp in 0x20..=0xFFFFu32 {
                let Some(c) = char::from_u32(cp) else {
                    continue;
                };
                if is_private_use_char(c) || c.is_control() {
                    continue;
                }
                if let Some(gid) = subtable.glyph_index(cp).filter(|g| g.0 != 0) {
                    text.entry(gid.0).or_insert_with(|| c.to_string());
                }
            }
        }
    }
    if let Some(post) = face
        .table(ttf_parser::Tag::from_bytes(b"post"))
        .and_then(ttf_parser::post::Table::parse)
    {
        let count = post.names().count().min(usize::from(u16::MAX));
        for gid in 0..count as u16 {
            if text.contains_key(&gid) {
                continue;
            }
            if let Some(t) = post
                .glyph_name(ttf_parser::GlyphId(gid))
                .and_then(glyph_name_to_unicode)
                .and_then(|t| usable_text(&t))
            {
                text.insert(gid, t);
            }
        }
    }
    if let Some(cff) = face.table(ttf_parser::Tag::from_bytes(b"CFF ")) {
        for (gid, t) in cff_gid_text(cff) {
            text.entry(gid).or_insert(t);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usable_text_keeps_meaning_only() {
        assert_eq!(usable_text("A").as_deref(), Some("A"));
        assert_eq!(usable_text("\t").as_deref(), Some(" "));
        assert_eq!(usable_text("\u{0}"), None);
        assert_eq!(usable_text("\u{FFFD}"), None);
        assert_eq!(usable_text("\u{F0B7}"), None);
        assert_eq!(usable_text("a\u{7}b").as_deref(), Some("ab"));
    }

    #[test]
    fn type1_headers_give_their_built_in_encoding() {
        let header = b"%!PS-AdobeFont-1.0: CMR10\n/Encoding 256 array\n\
            0 1 255 {1 index exch /.notdef put} for\n\
            dup 65 /A put\ndup 12 /fi put\nreadonly def\ncurrentfile eexec\x80\x81";
        let names = type1_builtin_encoding(header).expect("an encoding");
        assert_eq!(names[65].as_deref(), Some("A"));
        assert_eq!(names[12].as_deref(), Some("fi"));
        assert_eq!(names[66], None);
        let standard = b"/Encoding StandardEncoding def currentfile eexec";
        assert!(type1_builtin_encoding(standard).is_none());
    }

    #[test]
    fn symbol_private_use_values_become_symbol_characters() {
        assert_eq!(symbol_private_use("\u{F0B7}", true).as_deref(), Some("•"));
        assert_eq!(symbol_private_use("\u{F061}", true).as_deref(), Some("α"));
        assert_eq!(symbol_private_use("\u{F0B7}", false), None);
        assert_eq!(symbol_private_use("\u{E000}", true), None);
    }

    #[test]
    fn subset_prefixes_are_removed() {
        assert_eq!(strip_subset_prefix("ABCDEF+Times-Roman"), "Times-Roman");
        assert_eq!(strip_subset_prefix("Abcdef+Times"), "Abcdef+Times");
        assert_eq!(strip_subset_prefix("Times"), "Times");
    }

    #[test]
    fn self_numbered_names_are_recognised() {
        let names = |pairs: &[(u8, &str)]| -> HashMap<u8, String> {
            pairs.iter().map(|(c, n)| (*c, n.to_string())).collect()
        };
        assert!(numbers_own_codes(&names(&[
            (44, "a44"),
            (65, "a65"),
            (97, "a97")
        ])));
        assert!(!numbers_own_codes(&names(&[
            (2, "g3"),
            (3, "g18"),
            (4, "g152")
        ])));
        assert!(!numbers_own_codes(&names(&[(65, "a65")])));
    }
}
