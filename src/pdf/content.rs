//! The content-stream interpreter: runs a page's operators (graphics and
//! text state, text showing, Form XObjects, marked content) and produces the
//! positioned glyphs of `glyph.rs`. Paths, images and colour are skipped.
//!
//! Damaged streams give a warning and whatever was read; only the limits of
//! [`Budget`] stop a page. Glyphs painted outside the visible page (crop
//! box) are left out with a warning.
//!
//! In vertical writing a glyph's position is its vertical origin: the pen
//! position, at the top centre of the glyph.

use super::encoding::decode_text_string;
use super::font::Font;
use super::glyph::{FontInfo, Glyph, PageGlyphs};
use super::lexer::{Lexer, Token, is_whitespace, name_bytes};
use super::limits::{Budget, LimitExceeded};
use super::objects::{
    StreamError, decode_stream, decode_stream_checked, get, get_array, get_dict, get_name, matrix,
    number, reference_id, resolve,
};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::borrow::Cow;
use std::rc::Rc;

/// Extracts positioned glyphs page by page; fonts are loaded once per
/// document and shared by all its pages.
pub struct TextExtractor<'a> {
    doc: &'a Document,
    budget: &'a Budget,
    fonts: HashMap<FontKey, Option<Rc<Font>>>,
    /// Decoded content of form XObjects (logos and headers recur on every
    /// page), up to FORM_CACHE_BYTES in all.
    forms: HashMap<ObjectId, Rc<[u8]>>,
    form_bytes: usize,
    /// Fonts read in place of lost ones, made on first need.
    stand_ins: Option<StandIns>,
}

/// Fonts that stand in for font objects lost to damage. A lost font's
/// kind is unknown: text with NUL bytes is taken for two-byte codes of a
/// composite font, whose glyphs without the font have no known text;
/// other text is read with a standard Latin font, as pdf.js does, rather
/// than dropped.
struct StandIns {
    latin: Rc<Font>,
    two_byte: Rc<Font>,
}

const FORM_CACHE_BYTES: usize = 32 * 1024 * 1024;

/// Fonts are cached by object id, or for a font dictionary written inline
/// in a resource dictionary, by the dictionary's address (stable while the
/// document is borrowed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum FontKey {
    Object(ObjectId),
    Inline(usize),
}

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b`: the matrix of applying `a` first (PDF's row-vector order).
fn multiply(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn apply_linear(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y, m[1] * x + m[3] * y)
}

fn length((x, y): (f64, f64)) -> f64 {
    (x * x + y * y).sqrt()
}

/// Page attributes that are inherited through the page tree.
#[derive(Default)]
struct PageAttributes<'a> {
    resources: Option<&'a Dictionary>,
    media_box: Option<[f64; 4]>,
    crop_box: Option<[f64; 4]>,
    rotate: Option<i64>,
}

impl<'a> TextExtractor<'a> {
    pub fn new(doc: &'a Document, budget: &'a Budget) -> Self {
        TextExtractor {
            doc,
            budget,
            fonts: HashMap::new(),
            forms: HashMap::new(),
            form_bytes: 0,
            stand_ins: None,
        }
    }

    /// Interpret one page (content streams concatenated, resources inherited
    /// from the page tree, /Rotate and the crop box applied so coordinates
    /// follow glyph.rs). Damaged streams give a warning in PageGlyphs and
    /// whatever glyphs were read; only a limit aborts.
    pub fn page(&mut self, page_id: ObjectId) -> Result<PageGlyphs, LimitExceeded> {
        self.budget.start_page();
        self.budget.check_deadline()?;
        let doc = self.doc;
        let mut out = PageGlyphs::default();
        let Ok(page) = doc.get_dictionary(page_id) else {
            out.warnings
                .push("The page object is missing or not a dictionary.".into());
            return Ok(out);
        };
        let attrs = self.page_attributes(page);
        let media = attrs.media_box.unwrap_or([0.0, 0.0, 612.0, 792.0]);
        let visible = attrs
            .crop_box
            .and_then(|crop| intersect(crop, media))
            .unwrap_or(media);
        let rotate = attrs.rotate.unwrap_or(0).rem_euclid(360) / 90 * 90;
        let (width, height) = (visible[2] - visible[0], visible[3] - visible[1]);
        let page_matrix = page_transform(visible, rotate);
        if rotate == 90 || rotate == 270 {
            (out.width, out.height) = (height as f32, width as f32);
        } else {
            (out.width, out.height) = (width as f32, height as f32);
        }

        let content = self.page_content(page, &mut out)?;
        let resources = attrs.resources.unwrap_or_else(|| empty_dictionary());
        let mut run = Run {
            extractor: self,
            out,
            page_fonts: HashMap::new(),
            active_forms: Vec::new(),
            marked: Vec::new(),
            warned: HashSet::new(),
            outside: 0,
            marked_overflow: 0,
        };
        let state = GraphicsState::new(page_matrix);
        run.interpret(&content, resources, state, 0)?;
        run.flush_marked_content();
        if run.outside > 0 {
            let message = format!(
                "{} glyphs lie outside the visible page and were left out.",
                run.outside
            );
            run.out.warnings.push(message);
        }
        Ok(run.out)
    }

    fn page_attributes(&self, page: &'a Dictionary) -> PageAttributes<'a> {
        let doc = self.doc;
        let mut attrs = PageAttributes::default();
        let mut node = Some(page);
        let mut seen = HashSet::new();
        for _ in 0..=self.budget.limits.max_depth {
            let Some(dict) = node else { break };
            if attrs.resources.is_none() {
                attrs.resources = get_dict(doc, dict, b"Resources");
            }
            if attrs.media_box.is_none() {
                attrs.media_box = rectangle(doc, dict, b"MediaBox");
            }
            if attrs.crop_box.is_none() {
                attrs.crop_box = rectangle(doc, dict, b"CropBox");
            }
            if attrs.rotate.is_none() {
                attrs.rotate = get(doc, dict, b"Rotate").and_then(number).map(|r| r as i64);
            }
            let parent = dict.get(b"Parent").ok();
            if let Some(id) = parent.and_then(reference_id)
                && !seen.insert(id)
            {
                break;
            }
            node = parent
                .and_then(|p| resolve(doc, p))
                .and_then(|p| p.as_dict().ok());
        }
        attrs
    }

    /// The page's content streams, decoded and joined.
    fn page_content(
        &self,
        page: &Dictionary,
        out: &mut PageGlyphs,
    ) -> Result<Vec<u8>, LimitExceeded> {
        let doc = self.doc;
        let mut missing = 0;
        let streams: Vec<&lopdf::Stream> = match get(doc, page, b"Contents") {
            Some(Object::Stream(s)) => vec![s],
            Some(Object::Array(items)) => items
                .iter()
                .filter_map(|item| match resolve(doc, item) {
                    Some(Object::Stream(s)) => Some(s),
                    _ => {
                        missing += 1;
                        None
                    }
                })
                .collect(),
            None if page.has(b"Contents") => {
                missing += 1;
                Vec::new()
            }
            _ => Vec::new(),
        };
        if missing > 0 {
            out.warnings
                .push("A content stream of the page is missing from the file.".into());
        }
        let mut content = Vec::new();
        for stream in streams {
            match decode_stream_checked(stream, self.budget) {
                Ok((data, complete)) => {
                    if !complete {
                        out.warnings.push(
                            "A content stream of the page is damaged; text after the damage is missing."
                                .into(),
                        );
                    }
                    if content.len() + data.len() > self.budget.limits.max_stream_bytes {
                        return Err(LimitExceeded::StreamSize);
                    }
                    content.extend_from_slice(&data);
                    content.push(b'\n');
                }
                Err(StreamError::Limit(limit)) => return Err(limit),
                Err(StreamError::Damaged) => out
                    .warnings
                    .push("A content stream of the page could not be decoded.".into()),
            }
        }
        Ok(content)
    }

    fn cache_form(&mut self, id: Option<ObjectId>, content: &Rc<[u8]>) {
        if let Some(id) = id
            && self.form_bytes + content.len() <= FORM_CACHE_BYTES
        {
            self.form_bytes += content.len();
            self.forms.insert(id, Rc::clone(content));
        }
    }

    /// The font a resource name stands for.
    fn font(
        &mut self,
        resources: &Dictionary,
        name: &[u8],
    ) -> Result<Option<Rc<Font>>, LimitExceeded> {
        let Some(fonts) = get_dict(self.doc, resources, b"Font") else {
            return Ok(None);
        };
        match fonts.get(name) {
            Ok(entry) => self.font_object(entry),
            Err(_) => Ok(None),
        }
    }

    /// The Latin stand-in for a lost font (see [`StandIns`]).
    fn stand_in(&mut self) -> Result<Rc<Font>, LimitExceeded> {
        if let Some(stand_ins) = &self.stand_ins {
            return Ok(Rc::clone(&stand_ins.latin));
        }
        let name = |n: &str| Object::Name(n.as_bytes().to_vec());
        let mut latin = Dictionary::new();
        latin.set("Subtype", name("Type1"));
        latin.set("BaseFont", name("Helvetica"));
        // The encoding most simple fonts declare.
        latin.set("Encoding", name("WinAnsiEncoding"));
        let mut latin = Font::load(self.doc, &latin, self.budget)?;
        let mut descendant = Dictionary::new();
        descendant.set("Subtype", name("CIDFontType2"));
        descendant.set("BaseFont", name("Helvetica"));
        let mut two_byte = Dictionary::new();
        two_byte.set("Subtype", name("Type0"));
        two_byte.set("BaseFont", name("Helvetica"));
        two_byte.set("Encoding", name("Identity-H"));
        two_byte.set(
            "DescendantFonts",
            Object::Array(vec![Object::Dictionary(descendant)]),
        );
        let mut two_byte = Font::load(self.doc, &two_byte, self.budget)?;
        for font in [&mut latin, &mut two_byte] {
            // What `bindery inspect` lists for the lost fonts.
            font.info.name = "Helvetica (standing in for a missing font)".into();
            font.warnings = vec![
                "A font object is missing or damaged; its text was read with a standard font and may be wrong or missing."
                    .into(),
            ];
        }
        let latin = Rc::new(latin);
        self.stand_ins = Some(StandIns {
            latin: Rc::clone(&latin),
            two_byte: Rc::new(two_byte),
        });
        Ok(latin)
    }

    /// The font to show `bytes` with: the two-byte stand-in in place of the
    /// Latin one for text with NUL bytes.
    fn font_for(&self, font: &Rc<Font>, bytes: &[u8]) -> Rc<Font> {
        match &self.stand_ins {
            Some(stand_ins) if Rc::ptr_eq(font, &stand_ins.latin) && bytes.contains(&0) => {
                Rc::clone(&stand_ins.two_byte)
            }
            _ => Rc::clone(font),
        }
    }

    /// The font of a font dictionary or a reference to one, loaded once.
    fn font_object(&mut self, entry: &Object) -> Result<Option<Rc<Font>>, LimitExceeded> {
        let doc = self.doc;
        let key = match entry {
            Object::Reference(id) => FontKey::Object(*id),
            other => FontKey::Inline(other as *const Object as usize),
        };
        if let Some(font) = self.fonts.get(&key) {
            return Ok(font.clone());
        }
        let font = match resolve(doc, entry) {
            Some(Object::Dictionary(dict)) => {
                let mut font = Font::load(doc, dict, self.budget)?;
                font.info.object = reference_id(entry);
                Rc::new(font)
            }
            // The resources name the font but its object is lost (a cut
            // file, a zeroed range) or is not a font dictionary.
            _ => self.stand_in()?,
        };
        let font = Some(font);
        self.fonts.insert(key, font.clone());
        Ok(font)
    }

    /// The font an ExtGState sets (`/Font [font size]`), if any.
    fn state_font(
        &mut self,
        resources: &Dictionary,
        name: &[u8],
    ) -> Result<Option<StateFont>, LimitExceeded> {
        let doc = self.doc;
        let Some(state) =
            get_dict(doc, resources, b"ExtGState").and_then(|s| get_dict(doc, s, name))
        else {
            return Ok(None);
        };
        let Some([font, size]) =
            get_array(doc, state, b"Font").and_then(|a| <&[Object; 2]>::try_from(a).ok())
        else {
            return Ok(None);
        };
        let Some(size) = resolve(doc, size).and_then(number) else {
            return Ok(None);
        };
        Ok(Some((self.font_object(font)?, size)))
    }
}

/// A font (if it loads) and size set by an ExtGState.
type StateFont = (Option<Rc<Font>>, f64);

/// Resources for a page that has none.
fn empty_dictionary() -> &'static Dictionary {
    static EMPTY: std::sync::OnceLock<Dictionary> = std::sync::OnceLock::new();
    EMPTY.get_or_init(Dictionary::new)
}

fn rectangle(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<[f64; 4]> {
    let items = get_array(doc, dict, key)?;
    if items.len() != 4 {
        return None;
    }
    let mut r = [0.0; 4];
    for (slot, item) in r.iter_mut().zip(items) {
        *slot = resolve(doc, item).and_then(number)?;
    }
    let rect = [
        r[0].min(r[2]),
        r[1].min(r[3]),
        r[0].max(r[2]),
        r[1].max(r[3]),
    ];
    (rect[2] - rect[0] > 0.0 && rect[3] - rect[1] > 0.0).then_some(rect)
}

fn intersect(a: [f64; 4], b: [f64; 4]) -> Option<[f64; 4]> {
    let r = [
        a[0].max(b[0]),
        a[1].max(b[1]),
        a[2].min(b[2]),
        a[3].min(b[3]),
    ];
    (r[2] > r[0] && r[3] > r[1]).then_some(r)
}

/// User space to the rotated visible box with its origin at the lower left.
fn page_transform(visible: [f64; 4], rotate: i64) -> Matrix {
    let translate = [1.0, 0.0, 0.0, 1.0, -visible[0], -visible[1]];
    let (w, h) = (visible[2] - visible[0], visible[3] - visible[1]);
    // /Rotate turns the page clockwise as displayed.
    let rotation = match rotate {
        90 => [0.0, -1.0, 1.0, 0.0, 0.0, w],
        180 => [-1.0, 0.0, 0.0, -1.0, w, h],
        270 => [0.0, 1.0, -1.0, 0.0, h, 0.0],
        _ => IDENTITY,
    };
    multiply(&translate, &rotation)
}

/// The part of the graphics state text extraction needs.
#[derive(Clone)]
struct GraphicsState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    font_size: f64,
    char_spacing: f64,
    word_spacing: f64,
    horizontal_scale: f64,
    leading: f64,
    rise: f64,
}

impl GraphicsState {
    fn new(ctm: Matrix) -> Self {
        GraphicsState {
            ctm,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// The last `N` operands as numbers, which is where operators find theirs
/// even when junk precedes them.
fn last_numbers<const N: usize>(operands: &[Operand]) -> Option<[f64; N]> {
    let start = operands.len().checked_sub(N)?;
    let mut out = [0.0; N];
    for (slot, operand) in out.iter_mut().zip(operands.get(start..)?) {
        *slot = operand.number()?;
    }
    Some(out)
}

/// An operand of a content-stream operator.
#[derive(Debug, Clone)]
enum Operand<'d> {
    Number(f64),
    String(Cow<'d, [u8]>),
    Name(&'d [u8]),
    Array(Vec<Operand<'d>>),
    Dict(Vec<(&'d [u8], Operand<'d>)>),
    Other,
}

impl Operand<'_> {
    fn number(&self) -> Option<f64> {
        match self {
            Operand::Number(n) if n.is_finite() => Some(*n),
            _ => None,
        }
    }
}

/// Operands kept before an operator; a stream with more is damaged, and the
/// oldest are dropped.
const MAX_OPERANDS: usize = 512;
/// Nesting of arrays and dictionaries inside one operand.
const MAX_OPERAND_DEPTH: u32 = 16;
/// Tokens read past an operator inside an array, looking for its `]`.
const STRAY_WINDOW: usize = 64;
/// Saved graphics states (q without Q) kept.
const MAX_SAVED_STATES: usize = 256;
const MAX_WARNINGS: usize = 16;
/// Nesting of marked content tracked; deeper sequences are only counted.
const MAX_MARKED_DEPTH: usize = 256;

/// A marked-content sequence; those with /ActualText collect the extent of
/// the glyphs they replace.
struct MarkedContent {
    actual_text: Option<String>,
    replaced: Option<Replaced>,
}

struct Replaced {
    first: Glyph,
    end: (f64, f64),
}

/// The state of interpreting one page.
struct Run<'e, 'a> {
    extractor: &'e mut TextExtractor<'a>,
    out: PageGlyphs,
    page_fonts: HashMap<usize, u16>,
    /// Forms being interpreted (cycle guard).
    active_forms: Vec<ObjectId>,
    marked: Vec<MarkedContent>,
    warned: HashSet<&'static str>,
    /// Glyphs painted outside the visible page, left out.
    outside: u64,
    /// Marked-content sequences opened beyond MAX_MARKED_DEPTH.
    marked_overflow: u64,
}

/// Text object state, reset by BT.
struct TextState {
    tm: Matrix,
    tlm: Matrix,
}

impl<'a> Run<'_, 'a> {
    fn warn(&mut self, message: &'static str) {
        if self.out.warnings.len() < MAX_WARNINGS && self.warned.insert(message) {
            self.out.warnings.push(message.to_string());
        }
    }

    fn budget(&self) -> &'a Budget {
        self.extractor.budget
    }

    fn doc(&self) -> &'a Document {
        self.extractor.doc
    }

    fn interpret(
        &mut self,
        content: &[u8],
        resources: &'a Dictionary,
        state: GraphicsState,
        depth: u32,
    ) -> Result<(), LimitExceeded> {
        self.budget().check_depth(depth)?;
        let mut lexer = Lexer::new(content);
        let mut operands: Vec<Operand> = Vec::new();
        let mut stack: Vec<GraphicsState> = Vec::new();
        let mut gs = state;
        let mut text = TextState {
            tm: IDENTITY,
            tlm: IDENTITY,
        };
        let mut junk = 0usize;
        while let Some(token) = lexer.next_token() {
            self.budget().charge(1)?;
            let op = match token {
                Token::Keyword(op) => op,
                Token::Junk(_) | Token::ArrayEnd | Token::DictEnd | Token::ProcEnd => {
                    junk += 1;
                    continue;
                }
                other => {
                    if operands.len() >= MAX_OPERANDS {
                        // Operators read their operands from the end; drop
                        // the older half at once to keep this linear.
                        operands.drain(..MAX_OPERANDS / 2);
                        junk += 1;
                    }
                    operands.push(self.operand(other, &mut lexer, 0)?);
                    continue;
                }
            };
            match op {
                b"true" | b"false" | b"null" => {
                    operands.push(Operand::Other);
                    continue;
                }
                b"BI" => {
                    skip_inline_image(&mut lexer, self.budget())?;
                }
                _ => self.operator(
                    op, &operands, resources, &mut gs, &mut stack, &mut text, depth,
                )?,
            }
            operands.clear();
        }
        if junk > 0 {
            self.warn("The content stream is damaged; the text read may be incomplete.");
        }
        Ok(())
    }

    /// The items of an array operand, its `[` read. A text-state operator
    /// inside it (`Tc`, `Tw`, ...) may be a stray a writer left in a `TJ`
    /// array (pdf-lib's missing_endobj_keyword puts `Tc` between the
    /// strings; poppler reads past it to the `]`): it is skipped when the
    /// array closes within [`STRAY_WINDOW`] tokens with no other operator
    /// or `[` in between. Any other operator is the sign of a missing `]`
    /// (or of a corrupt stream): the array ends at the first operator met,
    /// which is dropped, and reading resumes after it.
    fn array_items<'d>(
        &mut self,
        lexer: &mut Lexer<'d>,
        depth: u32,
    ) -> Result<Vec<Operand<'d>>, LimitExceeded> {
        let mut items = Vec::new();
        // Where the first stray was met: the position after it and how many
        // items came before it; tokens read since.
        let mut stray: Option<(usize, usize)> = None;
        let mut since_stray = 0usize;
        while let Some(t) = lexer.next_token() {
            self.budget().charge(1)?;
            if stray.is_some() {
                since_stray += 1;
            }
            let cut = match &t {
                Token::ArrayEnd => break,
                Token::Keyword(b"true" | b"false" | b"null") => false,
                Token::Keyword(b"Tc" | b"Tw" | b"Tz" | b"TL" | b"Ts" | b"Tr" | b"Tf") => {
                    if stray.is_none() {
                        stray = Some((lexer.position(), items.len()));
                    }
                    continue;
                }
                Token::Keyword(_) => true,
                Token::ArrayStart => stray.is_some(),
                _ => false,
            };
            if cut || since_stray > STRAY_WINDOW {
                if let Some((resume, kept)) = stray {
                    lexer.set_position(resume);
                    items.truncate(kept);
                }
                break;
            }
            items.push(self.operand(t, lexer, depth + 1)?);
        }
        Ok(items)
    }

    fn operand<'d>(
        &mut self,
        token: Token<'d>,
        lexer: &mut Lexer<'d>,
        depth: u32,
    ) -> Result<Operand<'d>, LimitExceeded> {
        Ok(match token {
            Token::Number(n) => Operand::Number(n),
            Token::String(s) => Operand::String(s),
            Token::Name(n) => Operand::Name(n),
            Token::ArrayStart if depth < MAX_OPERAND_DEPTH => {
                Operand::Array(self.array_items(lexer, depth)?)
            }
            Token::DictStart if depth < MAX_OPERAND_DEPTH => {
                let mut entries = Vec::new();
                let mut key: Option<&'d [u8]> = None;
                while let Some(t) = lexer.next_token() {
                    self.budget().charge(1)?;
                    match (t, key) {
                        (Token::DictEnd, _) => break,
                        (Token::Name(n), None) => key = Some(n),
                        (t, Some(k)) => {
                            let value = self.operand(t, lexer, depth + 1)?;
                            entries.push((k, value));
                            key = None;
                        }
                        (_, None) => {}
                    }
                }
                Operand::Dict(entries)
            }
            _ => Operand::Other,
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn operator(
        &mut self,
        op: &[u8],
        operands: &[Operand],
        resources: &'a Dictionary,
        gs: &mut GraphicsState,
        stack: &mut Vec<GraphicsState>,
        text: &mut TextState,
        depth: u32,
    ) -> Result<(), LimitExceeded> {
        let num = |i: usize| operands.get(i).and_then(Operand::number);
        // The last `n` operands, which is where operators find theirs even
        // when junk precedes them.
        match op {
            b"q" if stack.len() < MAX_SAVED_STATES => stack.push(gs.clone()),
            b"Q" => {
                if let Some(saved) = stack.pop() {
                    *gs = saved;
                }
            }
            b"cm" => {
                if let Some(m) = last_numbers::<6>(operands) {
                    gs.ctm = multiply(&m, &gs.ctm);
                }
            }
            b"BT" => {
                text.tm = IDENTITY;
                text.tlm = IDENTITY;
            }
            b"Tc" => gs.char_spacing = num(0).unwrap_or(gs.char_spacing),
            b"Tw" => gs.word_spacing = num(0).unwrap_or(gs.word_spacing),
            b"Tz" => gs.horizontal_scale = num(0).map_or(gs.horizontal_scale, |v| v / 100.0),
            b"TL" => gs.leading = num(0).unwrap_or(gs.leading),
            b"Ts" => gs.rise = num(0).unwrap_or(gs.rise),
            b"Tf" => {
                if let (Some(Operand::Name(name)), Some(size)) = (operands.first(), num(1)) {
                    gs.font_size = size;
                    let name = name_bytes(name);
                    gs.font = self.extractor.font(resources, &name)?;
                    match &gs.font {
                        Some(font) => {
                            for w in &font.warnings {
                                if self.out.warnings.len() < MAX_WARNINGS
                                    && !self.out.warnings.contains(w)
                                {
                                    self.out.warnings.push(w.clone());
                                }
                            }
                        }
                        None => {
                            self.warn("Text uses a font that the page's resources do not define.")
                        }
                    }
                }
            }
            b"gs" => {
                if let Some(Operand::Name(name)) = operands.last()
                    && let Some((font, size)) =
                        self.extractor.state_font(resources, &name_bytes(name))?
                {
                    gs.font = font;
                    gs.font_size = size;
                }
            }
            b"Td" => {
                if let Some(t) = last_numbers::<2>(operands) {
                    next_line(text, t[0], t[1]);
                }
            }
            b"TD" => {
                if let Some(t) = last_numbers::<2>(operands) {
                    gs.leading = -t[1];
                    next_line(text, t[0], t[1]);
                }
            }
            b"Tm" => {
                if let Some(m) = last_numbers::<6>(operands) {
                    text.tm = m;
                    text.tlm = text.tm;
                }
            }
            b"T*" => next_line(text, 0.0, -gs.leading),
            b"Tj" => {
                if let Some(Operand::String(s)) = operands.last() {
                    self.show(s, gs, text)?;
                }
            }
            b"'" => {
                next_line(text, 0.0, -gs.leading);
                if let Some(Operand::String(s)) = operands.last() {
                    self.show(s, gs, text)?;
                }
            }
            b"\"" => {
                if let (Some(aw), Some(ac), Some(Operand::String(s))) =
                    (num(0), num(1), operands.get(2))
                {
                    gs.word_spacing = aw;
                    gs.char_spacing = ac;
                    next_line(text, 0.0, -gs.leading);
                    self.show(s, gs, text)?;
                }
            }
            b"TJ" => {
                if let Some(Operand::Array(items)) = operands.last() {
                    for item in items {
                        match item {
                            Operand::String(s) => self.show(s, gs, text)?,
                            Operand::Number(n) if n.is_finite() => adjust(gs, text, *n),
                            _ => {}
                        }
                    }
                }
            }
            b"Do" => {
                if let Some(Operand::Name(name)) = operands.last() {
                    self.draw_xobject(&name_bytes(name), resources, gs, depth)?;
                }
            }
            b"BMC" => self.begin_marked(None),
            b"BDC" => {
                let actual_text = self.actual_text(operands.get(1), resources);
                self.begin_marked(actual_text);
            }
            b"EMC" => self.end_marked(),
            _ => {}
        }
        Ok(())
    }

    /// Show a string: one glyph per character code.
    fn show(
        &mut self,
        bytes: &[u8],
        gs: &GraphicsState,
        text: &mut TextState,
    ) -> Result<(), LimitExceeded> {
        let Some(font) = &gs.font else {
            return Ok(());
        };
        let font = self.extractor.font_for(font, bytes);
        let font_index = self.font_index(&font);
        let fs = gs.font_size;
        let th = gs.horizontal_scale;
        let fm = font.matrix;
        let em = font.em;
        let mut rest = bytes;
        while !rest.is_empty() {
            self.budget().charge(1)?;
            let (code, len) = font.next_code(rest);
            rest = rest.get(len..).unwrap_or_default();
            let info = font.char_info(code, len);
            let spacing = gs.char_spacing + if info.is_space { gs.word_spacing } else { 0.0 };
            let device = multiply(&text.tm, &gs.ctm);
            let (origin, advance, axis, tx, ty);
            if font.vertical {
                ty = info.w1 * 0.001 * fs + spacing;
                tx = 0.0;
                origin = apply(&device, 0.0, gs.rise);
                advance = apply_linear(&device, 0.0, ty);
                axis = apply_linear(&device, 0.0, -1.0);
            } else {
                let w0 = info.width * fm[0];
                tx = (w0 * fs + spacing) * th;
                ty = 0.0;
                origin = apply(&device, 0.0, gs.rise);
                advance = apply_linear(&device, tx, 0.0);
                axis = apply_linear(&device, if th < 0.0 { -1.0 } else { 1.0 }, 0.0);
            }
            let axis_len = length(axis);
            let dir = if axis_len > 0.0 {
                (axis.0 / axis_len, axis.1 / axis_len)
            } else {
                (1.0, 0.0)
            };
            let width = (advance.0 * dir.0 + advance.1 * dir.1).max(0.0);
            let own = if font.vertical {
                apply_linear(&device, 0.0, ty - spacing)
            } else {
                apply_linear(&device, tx - spacing * th, 0.0)
            };
            let own_width = (own.0 * dir.0 + own.1 * dir.1).max(0.0);
            let size = (fs * em).abs() * length(apply_linear(&device, 0.0, 1.0));
            let glyph = Glyph {
                x: origin.0 as f32,
                y: origin.1 as f32,
                width: finite(width),
                size: finite(size),
                dir: (dir.0 as f32, dir.1 as f32),
                font: font_index,
                text: 0..0,
                // Word spacing applies to every single-byte 32; only a blank one
                // is a word boundary (code 32 is a visible glyph in some fonts).
                is_space: info.is_space && info.text.chars().all(char::is_whitespace),
                spacing: finite(width - own_width),
            };
            let end = (origin.0 + advance.0, origin.1 + advance.1);
            if self.visible(origin, end, size) {
                self.emit(glyph, &info.text, end);
            } else {
                self.outside += 1;
            }
            text.tm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, ty], &text.tm);
        }
        Ok(())
    }

    /// Whether a glyph from `start` to `end` touches the visible page
    /// (allowing half an em): glyphs outside it are not part of the page as
    /// anyone sees it, such as the other half of a two-page spread.
    fn visible(&self, start: (f64, f64), end: (f64, f64), size: f64) -> bool {
        let slack = (size * 0.5).clamp(1.0, 50.0);
        let (w, h) = (f64::from(self.out.width), f64::from(self.out.height));
        let inside = |lo: f64, hi: f64, max: f64| hi >= -slack && lo <= max + slack;
        inside(start.0.min(end.0), start.0.max(end.0), w)
            && inside(start.1.min(end.1), start.1.max(end.1), h)
    }

    fn emit(&mut self, glyph: Glyph, text: &str, end: (f64, f64)) {
        // Inside /ActualText the glyphs are replaced: only their extent counts.
        if let Some(span) = self.marked.iter_mut().find(|m| m.actual_text.is_some()) {
            match &mut span.replaced {
                Some(replaced) => replaced.end = end,
                None => span.replaced = Some(Replaced { first: glyph, end }),
            }
            return;
        }
        self.out.push(glyph, text);
    }

    fn begin_marked(&mut self, actual_text: Option<String>) {
        if self.marked.len() < MAX_MARKED_DEPTH {
            self.marked.push(MarkedContent {
                actual_text,
                replaced: None,
            });
        } else {
            self.marked_overflow += 1;
        }
    }

    fn end_marked(&mut self) {
        if self.marked_overflow > 0 {
            self.marked_overflow -= 1;
        } else if let Some(marked) = self.marked.pop() {
            self.finish_marked(marked);
        }
    }

    fn finish_marked(&mut self, marked: MarkedContent) {
        let (Some(actual), Some(replaced)) = (marked.actual_text, marked.replaced) else {
            return;
        };
        // An enclosing ActualText span swallows this one.
        if self.marked.iter().any(|m| m.actual_text.is_some()) {
            return;
        }
        if actual.is_empty() {
            return;
        }
        let mut glyph = replaced.first;
        let dx = replaced.end.0 - f64::from(glyph.x);
        let dy = replaced.end.1 - f64::from(glyph.y);
        glyph.width = finite((dx * f64::from(glyph.dir.0) + dy * f64::from(glyph.dir.1)).max(0.0));
        glyph.is_space = actual.trim().is_empty();
        glyph.spacing = 0.0;
        self.out.push(glyph, &actual);
    }

    /// Close marked content left open at the end of the page.
    fn flush_marked_content(&mut self) {
        while let Some(marked) = self.marked.pop() {
            self.finish_marked(marked);
        }
    }

    /// The /ActualText of a marked-content property list, as glyph text.
    fn actual_text(&self, properties: Option<&Operand>, resources: &Dictionary) -> Option<String> {
        let doc = self.doc();
        let raw = match properties? {
            Operand::Dict(entries) => entries.iter().find_map(|(k, v)| match v {
                Operand::String(s) if *k == b"ActualText" => Some(s.to_vec()),
                _ => None,
            }),
            Operand::Name(name) => {
                let props = get_dict(doc, resources, b"Properties")?;
                let dict = get_dict(doc, props, &name_bytes(name))?;
                match get(doc, dict, b"ActualText")? {
                    Object::String(s, _) => Some(s.clone()),
                    _ => None,
                }
            }
            _ => None,
        }?;
        let decoded = decode_text_string(&raw);
        if decoded.is_empty() {
            // An empty ActualText says the glyphs stand for no text.
            return Some(decoded);
        }
        // Text that means nothing (private use only) leaves the glyphs be.
        super::font::usable_text(&decoded)
    }

    fn font_index(&mut self, font: &Rc<Font>) -> u16 {
        let key = Rc::as_ptr(font) as usize;
        if let Some(&index) = self.page_fonts.get(&key) {
            return index;
        }
        let index = u16::try_from(self.out.fonts.len()).unwrap_or(u16::MAX);
        if index < u16::MAX {
            self.out.fonts.push(font.info.clone());
        } else if self.out.fonts.len() == usize::from(u16::MAX) {
            self.out.fonts.push(FontInfo::default());
        }
        self.page_fonts.insert(key, index);
        index
    }

    fn draw_xobject(
        &mut self,
        name: &[u8],
        resources: &'a Dictionary,
        gs: &GraphicsState,
        depth: u32,
    ) -> Result<(), LimitExceeded> {
        let doc = self.doc();
        let Some(xobjects) = get_dict(doc, resources, b"XObject") else {
            return Ok(());
        };
        let Ok(entry) = xobjects.get(name) else {
            return Ok(());
        };
        let id = reference_id(entry);
        let Some(Object::Stream(stream)) = resolve(doc, entry) else {
            return Ok(());
        };
        if get_name(doc, &stream.dict, b"Subtype") != Some(b"Form") {
            return Ok(());
        }
        if let Some(id) = id
            && self.active_forms.contains(&id)
        {
            self.warn("A form XObject draws itself; the loop was cut.");
            return Ok(());
        }
        let cached = id.and_then(|id| self.extractor.forms.get(&id).cloned());
        let content = match cached {
            Some(content) => content,
            None => match decode_stream(stream, self.budget()) {
                Ok(data) => {
                    let data: Rc<[u8]> = Rc::from(data);
                    self.extractor.cache_form(id, &data);
                    data
                }
                Err(StreamError::Limit(limit)) => return Err(limit),
                Err(StreamError::Damaged) => {
                    self.warn("A form XObject's content could not be decoded.");
                    return Ok(());
                }
            },
        };
        // Drawing a form costs its size again, cached or not.
        self.budget().charge(content.len() as u64 / 1024)?;
        let form_matrix = get_array(doc, &stream.dict, b"Matrix")
            .and_then(|m| matrix(doc, m))
            .unwrap_or(IDENTITY);
        let form_resources = get_dict(doc, &stream.dict, b"Resources").unwrap_or(resources);
        let mut state = gs.clone();
        state.ctm = multiply(&form_matrix, &gs.ctm);
        if let Some(id) = id {
            self.active_forms.push(id);
        }
        let result = self.interpret(&content, form_resources, state, depth + 1);
        if id.is_some() {
            self.active_forms.pop();
        }
        result
    }
}

fn finite(v: f64) -> f32 {
    let v = v as f32;
    if v.is_finite() { v } else { 0.0 }
}

fn next_line(text: &mut TextState, tx: f64, ty: f64) {
    text.tlm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, ty], &text.tlm);
    text.tm = text.tlm;
}

/// A number in a TJ array moves the next glyph back by thousandths of an em.
fn adjust(gs: &GraphicsState, text: &mut TextState, n: f64) {
    let vertical = gs.font.as_ref().is_some_and(|f| f.vertical);
    let shift = -n / 1000.0 * gs.font_size;
    let (tx, ty) = if vertical {
        (0.0, shift)
    } else {
        (shift * gs.horizontal_scale, 0.0)
    };
    text.tm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, ty], &text.tm);
}

/// Skip an inline image: its dictionary up to `ID`, then the data up to an
/// `EI` that stands alone.
fn skip_inline_image(lexer: &mut Lexer, budget: &Budget) -> Result<(), LimitExceeded> {
    loop {
        budget.charge(1)?;
        match lexer.next_token() {
            None => return Ok(()),
            Some(Token::Keyword(b"ID")) => break,
            Some(_) => {}
        }
    }
    let data = lexer.data();
    let start = lexer.position() + 1;
    let mut i = start;
    while i + 1 < data.len() {
        if data[i] == b'E'
            && data[i + 1] == b'I'
            && i > 0
            && is_whitespace(data[i - 1])
            && data.get(i + 2).is_none_or(|&b| is_whitespace(b))
        {
            budget.charge(((i - start) / 1024) as u64)?;
            lexer.set_position(i + 2);
            return Ok(());
        }
        i += 1;
    }
    lexer.set_position(data.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::limits::Limits;
    use lopdf::{Stream, dictionary};

    /// A one-page document with `content`, the given fonts and XObjects.
    struct PageBuilder {
        doc: Document,
        fonts: Dictionary,
        xobjects: Dictionary,
        page_extra: Dictionary,
    }

    impl PageBuilder {
        fn new() -> Self {
            PageBuilder {
                doc: Document::with_version("1.7"),
                fonts: Dictionary::new(),
                xobjects: Dictionary::new(),
                page_extra: Dictionary::new(),
            }
        }

        fn font(&mut self, name: &str, font: Dictionary) -> ObjectId {
            let id = self.doc.add_object(font);
            self.fonts.set(name, id);
            id
        }

        fn stream(&mut self, dict: Dictionary, data: &[u8]) -> ObjectId {
            self.doc.add_object(Stream::new(dict, data.to_vec()))
        }

        fn build(mut self, content: &[u8]) -> (Document, ObjectId) {
            let contents = self.stream(Dictionary::new(), content);
            let pages_id = self.doc.new_object_id();
            let mut page = dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Contents" => contents,
            };
            for (k, v) in self.page_extra.iter() {
                page.set(k.clone(), v.clone());
            }
            let page_id = self.doc.add_object(page);
            let pages = dictionary! {
                "Type" => "Pages",
                "Kids" => vec![page_id.into()],
                "Count" => 1,
                "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
                "Resources" => dictionary! {
                    "Font" => self.fonts,
                    "XObject" => self.xobjects,
                },
            };
            self.doc.objects.insert(pages_id, Object::Dictionary(pages));
            (self.doc, page_id)
        }
    }

    fn extract(doc: &Document, page: ObjectId) -> PageGlyphs {
        let budget = Budget::new(Limits::default());
        TextExtractor::new(doc, &budget)
            .page(page)
            .expect("no limit is reached")
    }

    fn helvetica() -> Dictionary {
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" }
    }

    fn texts(page: &PageGlyphs) -> Vec<&str> {
        page.glyphs.iter().map(|g| page.glyph_text(g)).collect()
    }

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 0.01
    }

    #[test]
    fn standard_font_glyphs_have_afm_widths_and_positions() {
        let mut b = PageBuilder::new();
        b.font("F1", helvetica());
        let (doc, page) = b.build(b"BT /F1 10 Tf 72 700 Td (AB C) Tj ET");
        let out = extract(&doc, page);
        assert_eq!(texts(&out), ["A", "B", " ", "C"]);
        let a = &out.glyphs[0];
        assert!(close(a.x, 72.0) && close(a.y, 700.0));
        assert!(close(a.width, 6.67), "Helvetica A is 667/1000 em");
        assert!(close(out.glyphs[1].x, 72.0 + 6.67));
        assert!(close(a.size, 10.0));
        assert_eq!(a.dir, (1.0, 0.0));
        assert!(out.glyphs[2].is_space && !a.is_space);
        assert_eq!(out.fonts[0].name, "Helvetica");
        assert_eq!((out.width, out.height), (612.0, 792.0));
    }

    #[test]
    fn differences_map_through_the_glyph_list() {
        let mut b = PageBuilder::new();
        let mut font = helvetica();
        font.set(
            "Encoding",
            dictionary! {
                "Type" => "Encoding",
                "BaseEncoding" => "WinAnsiEncoding",
                "Differences" => vec![
                    65.into(), Object::Name(b"Adieresis".to_vec()),
                    Object::Name(b"uni0141".to_vec()), Object::Name(b"f_i".to_vec()),
                    Object::Name(b"g17".to_vec()),
                ],
            },
        );
        b.font("F1", font);
        let (doc, page) = b.build(b"BT /F1 12 Tf (ABCD\x80) Tj ET");
        let out = extract(&doc, page);
        assert_eq!(texts(&out), ["Ä", "Ł", "fi", "", "€"]);
        assert_eq!((out.glyph_count, out.unmapped), (5, 1));
    }

    #[test]
    fn code_32_gets_word_spacing_but_is_a_space_only_when_blank() {
        let mut b = PageBuilder::new();
        let mut font = helvetica();
        font.set(
            "Encoding",
            dictionary! { "Differences" => vec![32.into(), Object::Name(b"A".to_vec())] },
        );
        b.font("F1", font);
        let (doc, page) = b.build(b"BT /F1 10 Tf 5 Tw ( ) Tj ET");
        let out = extract(&doc, page);
        assert_eq!(texts(&out), ["A"]);
        assert!(!out.glyphs[0].is_space);
        assert!(close(out.glyphs[0].width, 6.67 + 5.0));
    }

    #[test]
    fn an_ext_g_state_can_set_the_font() {
        let mut b = PageBuilder::new();
        let font = b.font("F1", helvetica());
        let state = b.doc.add_object(dictionary! {
            "Type" => "ExtGState",
            "Font" => vec![font.into(), 20.into()],
        });
        b.page_extra.set(
            "Resources",
            dictionary! { "ExtGState" => dictionary! { "GS1" => state } },
        );
        let (doc, page) = b.build(b"/GS1 gs BT (A) Tj ET");
        let out = extract(&doc, page);
        assert_eq!(texts(&out), ["A"]);
        assert!(close(out.glyphs[0].size, 20.0));
    }

    #[test]
    fn symbol_and_dingbats_use_their_own_encodings() {
        let mut b = PageBuilder::new();
        b.font(
            "F1",
            dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Symbol" },
        );
        b.font(
            "F2",
            dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ZapfDingbats" },
        );
        let (doc, page) = b.build(b"BT /F1 10 Tf (ab) Tj /F2 10 Tf (4) Tj ET");
        let out = extract(&doc, page);
        assert_eq!(texts(&out), ["α", "β", "✔"]);
        // Symbol's alpha is 631/1000 em wide.
        assert!(close(out.glyphs[0].width, 6.31));
    }

    #[test]
    fn picture_fonts_give_no_letters() {
        let mut b = PageBuilder::new();
        b.font(
            "F1",
            dictionary! {
                "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Wingdings-Regular",
                "Encoding" => "WinAnsiEncoding",
            },
        );
        let (doc, page) = b.build(b"BT /F1 10 Tf (l) Tj ET");
        let out = extract(&doc, page);
        assert_eq!((out.glyph_count, out.unmapped), (1, 1));
    }

    #[test]
    fn tj_numbers_move_the_next_glyph() {
        let mut b = PageBuilder::new();
        b.font("F1", helvetica());
        let (doc, page) = b.build(b"BT /F1 10 Tf 100 100 Td [(A) -1000 (B) 500 (C)] TJ ET");
        let out = extract(&doc, page);
        let x: Vec<f32> = out.glyphs.iter().map(|g| g.x).collect();
        assert!(close(x[1], 100.0 + 6.67 + 10.0), "{x:?}");
        assert!(close(x[2], x[1] + 6.67 - 5.0), "{x:?}");
    }

    #[test]
    fn stray_operators_inside_a_tj_array_are_skipped() {
        let mut b = PageBuilder::new();
        b.font("F1", helvetica());
        let (doc, page) =
            b.build(b"BT /F1 10 Tf 0 0 Td [(Gr) 0.0 Tc -250.0 (and) 0.0 Tc] TJ (!) Tj ET");
        let out = extract(&doc, page);
        assert_eq!(texts(&out), ["G", "r", "a", "n", "d", "!"]);
        // The kerning after the stray still applies: `a` starts a quarter
        // em (2.5 units at size 10) after `r` ends.
        let r_end = out.glyphs[1].x + out.glyphs[1].width;
        assert!(close(out.glyphs[2].x, r_end + 2.5), "{:?}", out.glyphs);
    }

    #[test]
    fn an_array_left_open_ends_at_its_first_operator() {
        let mut b = PageBuilder::new();
        b.font("F1", helvetica());
        // The `[` is never closed: the text after it is read as before,
        // and neither the `TJ` it lacks nor a later `]` swallows it.
        let (doc, page) =
            b.build(b"BT /F1 10 Tf [(A) 5 Tc (B) Tj (C) Tj ET BT /F1 10 Tf (D) Tj ] ET");
        assert_eq!(texts(&extract(&doc, page)), ["B", "C", "D"]);
    }

    #[test]
    fn a_lost_font_object_is_read_as_a_standard_font() {
        let mut b = PageBuilder::new();
        b.fonts.set("F1", Object::Reference((999, 0)));
        b.fonts.set("F2", Object::Null);
        let (doc, page) = b.build(b"BT /F1 10 Tf (Lost) Tj /F2 10 Tf ( caf\xe9) Tj ET");
        let out = extract(&doc, page);
        assert_eq!(texts(&out).concat(), "Lost café");
        // Helvetica's widths place the glyphs.
        assert!(close(out.glyphs[1].x, 5.56), "{:?}", out.glyphs);
        assert!(
            out.warnings
                .iter()
                .any(|w| w.contains("font object is missing"))
        );
        assert!(out.fonts[0].name.contains("standing in"));
    }

    #[test]
    fn two_byte_text_in_a_lost_font_counts_glyphs_without_inventing_letters() {
        let mut b = PageBuilder::new();
        b.fonts.set("F1", Object::Reference((999, 0)));
        // Glyph ids of a lost composite font: read byte by byte they would
        // give letters that are not the text ("$%").
        let (doc, page) = b.build(b"BT /F1 10 Tf <00240025> Tj (ok) Tj ET");
        let out = extract(&doc, page);
        assert_eq!(texts(&out).concat(), "ok");
        assert_eq!((out.glyph_count, out.unmapped), (4, 2));
    }

    #[test]
    fn horizontal_scaling_and_character_spacing_widen_advances() {
        let mut b = PageBuilder::new();
        b.font("F1", helvetica());
        let (doc, page) = b.build(b"BT /F1 10 Tf 50 Tz 2 Tc 3 Tw 0 0 Td (A A) Tj ET");
        let out = extract(&doc, page);
        // (6.67 + 2) * 0.5 for A; (2.78 + 2 + 3) * 0.5 for the space.
        assert!(close(out.glyphs[0].width, 4.335), "{}", out.glyphs[0].width);
        assert!(close(out.glyphs[1].width, 3.89), "{}", out.glyphs[1].width);
        assert!(close(out.glyphs[2].x, 4.335 + 3.89));
        assert!(close(out.glyphs[0].spacing, 1.0) && close(out.glyphs[1].spacing, 2.5));
    }

    #[test]
    fn rotated_pages_turn_coordinates_upright() {
        let mut b = PageBuilder::new();
        b.font("F1", helvetica());
        b.page_extra.set("Rotate", 90);
        b.page_extra
            .set("MediaBox", vec![0.into(), 0.into(), 200.into(), 100.into()]);
        // Text drawn upwards in user space reads left to right once the
        // page is turned clockwise.
        let (doc, page) = b.build(b"BT /F1 10 Tf 0 1 -1 0 50 20 Tm (AB) Tj ET");
        let out = extract(&doc, page);
        assert_eq!((out.width, out.height), (100.0, 200.0));
        let a = &out.glyphs[0];
        assert!(close(a.x, 20.0) && close(a.y, 150.0), "{a:?}");
        assert!(close(a.dir.0, 1.0) && close(a.dir.1, 0.0), "{a:?}");
        assert!(close(out.glyphs[1].x, 26.67));
    }

    #[test]
    fn crop_box_moves_the_origin() {
        let mut b = PageBuilder::new();
        b.font("F1", helvetica());
        b.page_extra.set(
            "CropBox",
            vec![100.into(), 50.into(), 400.into(), 500.into()],
        );
        // The second line sits in the trimmed-off margin (a printer's slug).
        let (doc, page) = b.build(b"BT /F1 10 Tf 110 60 Td (A) Tj 0 -40 Td (slug) Tj ET");
        let out = extract(&doc, page);
        assert_eq!((out.width, out.height), (300.0, 450.0));
        assert_eq!(texts(&out), ["A"]);
        assert!(close(out.glyphs[0].x, 10.0) && close(out.glyphs[0].y, 10.0));
        assert!(
            out.warnings
                .iter()
                .any(|w| w.starts_with("4 glyphs lie outside"))
        );
    }

    #[test]
    fn actual_text_replaces_the_glyphs_it_covers() {
        let mut b = PageBuilder::new();
        b.font("F1", helvetica());
        let (doc, page) = b.build(
            b"BT /F1 10 Tf 0 0 Td (a) Tj /Span <</ActualText (\xFE\xFF\x00f\x00i)>> BDC (xy) Tj EMC (b) Tj ET",
        );
        let out = extract(&doc, page);
        assert_eq!(texts(&out), ["a", "fi", "b"]);
        let fi = &out.glyphs[1];
        // An empty ActualText removes the glyphs (a hyphen at a line end).
        let mut b2 = PageBuilder::new();
        b2.font("F1", helvetica());
        let (doc2, page2) =
            b2.build(b"BT /F1 10 Tf (a) Tj /Span <</ActualText ()>> BDC (-) Tj EMC ET");
        assert_eq!(texts(&extract(&doc2, page2)), ["a"]);
        // From the start of "x" to the end of "y".
        assert!(close(fi.x, 5.56) && close(fi.width, 10.0), "{fi:?}");
    }

    #[test]
    fn form_xobjects_draw_with_their_matrix_and_a_cycle_terminates() {
        let mut b = PageBuilder::new();
        b.font("F1", helvetica());
        let form_id = b.doc.new_object_id();
        let form = Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 100.into(), 0.into()],
                "Resources" => dictionary! {
                    "Font" => b.fonts.clone(),
                    "XObject" => dictionary! { "Fm1" => form_id },
                },
            },
            b"BT /F1 10 Tf (A) Tj ET /Fm1 Do".to_vec(),
        );
        b.doc.objects.insert(form_id, Object::Stream(form));
        b.xobjects.set("Fm1", form_id);
        let (doc, page) = b.build(b"/Fm1 Do");
        let out = extract(&doc, page);
        assert_eq!(texts(&out), ["A"]);
        assert!(close(out.glyphs[0].x, 100.0));
        assert!(out.warnings.iter().any(|w| w.contains("loop")));
    }

    fn type0(to_unicode: Option<ObjectId>, encoding: &str, descendant: Dictionary) -> Dictionary {
        let mut font = dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => "ABCDEF+Test-Bold",
            "Encoding" => Object::Name(encoding.as_bytes().to_vec()),
            "DescendantFonts" => vec![Object::Dictionary(descendant)],
        };
        if let Some(id) = to_unicode {
            font.set("ToUnicode", id);
        }
        font
    }

    fn cid_font(subtype: &str, extra: Dictionary) -> Dictionary {
        let mut font = dictionary! {
            "Type" => "Font",
            "Subtype" => Object::Name(subtype.as_bytes().to_vec()),
            "BaseFont" => "ABCDEF+Test-Bold",
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"),
                "Supplement" => 0,
            },
            "W" => vec![3.into(), vec![500.into(), 600.into()].into()],
        };
        for (k, v) in extra.iter() {
            font.set(k.clone(), v.clone());
        }
        font
    }

    #[test]
    fn to_unicode_ranges_with_arrays_decode_cid_text() {
        let mut b = PageBuilder::new();
        let cmap = b.stream(
            Dictionary::new(),
            b"begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              1 beginbfrange <0003> <0004> [<0048> <00660069>] endbfrange endcmap",
        );
        b.font(
            "F1",
            type0(
                Some(cmap),
                "Identity-H",
                cid_font("CIDFontType2", Dictionary::new()),
            ),
        );
        let (doc, page) = b.build(b"BT /F1 10 Tf <00030004> Tj ET");
        let out = extract(&doc, page);
        assert_eq!(texts(&out), ["H", "fi"]);
        assert!(close(out.glyphs[0].width, 5.0) && close(out.glyphs[1].width, 6.0));
        assert_eq!(out.fonts[0].name, "Test-Bold");
        assert!(out.fonts[0].bold);
    }

    #[test]
    fn unmapped_cid_glyphs_are_counted_not_invented() {
        let mut b = PageBuilder::new();
        b.font(
            "F1",
            type0(
                None,
                "Identity-H",
                cid_font("CIDFontType2", Dictionary::new()),
            ),
        );
        let (doc, page) = b.build(b"BT /F1 10 Tf <00030004> Tj ET");
        let out = extract(&doc, page);
        assert_eq!((out.glyph_count, out.unmapped), (2, 2));
        assert!(out.text.is_empty());
    }

    /// A TrueType font with only a table directory and a (3,1) format 4
    /// cmap mapping U+0041 and U+0042 to glyphs 7 and 8.
    fn truetype_with_cmap() -> Vec<u8> {
        truetype_with_windows_cmap(1, 0x41)
    }

    /// A TrueType font with only a table directory and a (3, `encoding`)
    /// format 4 cmap mapping `first` and the code after it to glyphs 7 and 8.
    fn truetype_with_windows_cmap(encoding: u16, first: u16) -> Vec<u8> {
        let be16 = |v: u16| v.to_be_bytes().to_vec();
        let mut subtable = Vec::new();
        // format 4, length, language, segCountX2 = 4 (one segment + 0xFFFF)
        for v in [4u16, 32, 0, 4, 4, 1, 0] {
            subtable.extend(be16(v));
        }
        for v in [first + 1, 0xFFFF, 0, first, 0xFFFF] {
            subtable.extend(be16(v)); // endCodes, reservedPad, startCodes
        }
        for v in [7u16.wrapping_sub(first), 1, 0, 0] {
            subtable.extend(be16(v)); // idDelta x2, idRangeOffset x2
        }
        let mut cmap = Vec::new();
        for v in [0u16, 1, 3, encoding] {
            cmap.extend(be16(v));
        }
        cmap.extend(12u32.to_be_bytes());
        cmap.extend(subtable);
        let mut font = Vec::new();
        font.extend(0x0001_0000u32.to_be_bytes());
        for v in [1u16, 16, 0, 0] {
            font.extend(be16(v));
        }
        font.extend(b"cmap");
        font.extend(0u32.to_be_bytes());
        font.extend(28u32.to_be_bytes());
        font.extend((cmap.len() as u32).to_be_bytes());
        font.extend(cmap);
        font
    }

    #[test]
    fn identity_cid_font_falls_back_to_the_truetype_cmap() {
        let mut b = PageBuilder::new();
        let program = b.stream(Dictionary::new(), &truetype_with_cmap());
        let descriptor = b.doc.add_object(dictionary! {
            "Type" => "FontDescriptor",
            "FontName" => "ABCDEF+Test-Bold",
            "Flags" => 4,
            "FontFile2" => program,
        });
        let descendant = cid_font(
            "CIDFontType2",
            dictionary! { "FontDescriptor" => descriptor },
        );
        b.font("F1", type0(None, "Identity-H", descendant));
        let (doc, page) = b.build(b"BT /F1 10 Tf <000700080009> Tj ET");
        let out = extract(&doc, page);
        assert_eq!(texts(&out), ["A", "B", ""]);
    }

    #[test]
    fn symbolic_truetype_without_encoding_reads_its_cmap() {
        let mut b = PageBuilder::new();
        let program = b.stream(Dictionary::new(), &truetype_with_cmap());
        let descriptor = b.doc.add_object(dictionary! {
            "Type" => "FontDescriptor",
            "FontName" => "Test",
            "Flags" => 4,
            "FontFile2" => program,
        });
        b.font(
            "F1",
            dictionary! {
                "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Test",
                "FirstChar" => 65, "Widths" => vec![600.into(), 600.into(), 600.into()],
                "FontDescriptor" => descriptor,
            },
        );
        let (doc, page) = b.build(b"BT /F1 10 Tf (ABC) Tj ET");
        let out = extract(&doc, page);
        assert_eq!(texts(&out), ["A", "B", ""]);
        assert!(close(out.glyphs[1].x, 6.0));
    }

    #[test]
    fn symbolic_truetype_naming_no_glyph_reads_its_codes_as_winansi() {
        // A (3,0) symbol cmap at U+F041 and no glyph names (a LaTeX font
        // through Distiller): viewers read the codes as WinAnsi letters.
        let mut b = PageBuilder::new();
        let program = b.stream(Dictionary::new(), &truetype_with_windows_cmap(0, 0xF041));
        let descriptor = b.doc.add_object(dictionary! {
            "Type" => "FontDescriptor",
            "FontName" => "ABCDEF+dcr10",
            "Flags" => 4,
            "FontFile2" => program,
        });
        b.font(
            "F1",
            dictionary! {
                "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "ABCDEF+dcr10",
                "FontDescriptor" => descriptor,
            },
        );
        let (doc, page) = b.build(b"BT /F1 10 Tf (ABC) Tj ET");
        let out = extract(&doc, page);
        // "C" draws no glyph: nothing is invented for it.
        assert_eq!(texts(&out), ["A", "B", ""]);
    }

    #[test]
    fn vertical_writing_moves_down_the_page() {
        let mut b = PageBuilder::new();
        let cmap = b.stream(
            Dictionary::new(),
            b"1 beginbfchar <0003> <4E2D> endbfchar 1 beginbfchar <0004> <6587> endbfchar",
        );
        let descendant = cid_font(
            "CIDFontType0",
            dictionary! { "W2" => vec![4.into(), 4.into(), (-800).into(), 500.into(), 880.into()] },
        );
        b.font("F1", type0(Some(cmap), "Identity-V", descendant));
        let (doc, page) = b.build(b"BT /F1 10 Tf 300 700 Td <000300040003> Tj ET");
        let out = extract(&doc, page);
        assert_eq!(texts(&out), ["中", "文", "中"]);
        let y: Vec<f32> = out.glyphs.iter().map(|g| g.y).collect();
        assert!(close(y[1], 690.0) && close(y[2], 682.0), "{y:?}");
        assert_eq!(out.glyphs[0].dir, (0.0, -1.0));
        assert!(close(out.glyphs[1].width, 8.0));
        assert!(out.glyphs.iter().all(|g| close(g.x, 300.0)));
    }

    #[test]
    fn inline_images_are_skipped() {
        let mut b = PageBuilder::new();
        b.font("F1", helvetica());
        let (doc, page) = b.build(
            b"BT /F1 10 Tf ET BI /W 2 /H 1 /BPC 8 /CS /G ID (Q) Tj\xff EI BT /F1 10 Tf (X) Tj ET",
        );
        let out = extract(&doc, page);
        assert_eq!(texts(&out), ["X"]);
    }

    #[test]
    fn damaged_streams_keep_what_was_read() {
        let mut b = PageBuilder::new();
        b.font("F1", helvetica());
        let (doc, page) = b.build(b"BT /F1 10 Tf (A) Tj ) } (B) Tj /F9 5 Tf (C) Tj ET");
        let out = extract(&doc, page);
        assert_eq!(texts(&out), ["A", "B"]);
        assert_eq!(out.warnings.len(), 2, "{:?}", out.warnings);
    }

    #[test]
    fn the_work_cap_stops_a_page() {
        let mut b = PageBuilder::new();
        b.font("F1", helvetica());
        let content = b"BT /F1 10 Tf (A) Tj ET ".repeat(1000);
        let (doc, page) = b.build(&content);
        let budget = Budget::new(Limits {
            max_ops_per_page: 500,
            ..Limits::default()
        });
        let result = TextExtractor::new(&doc, &budget).page(page);
        assert_eq!(result.err(), Some(LimitExceeded::PageWork));
    }

    #[test]
    fn form_fan_out_is_stopped_by_the_work_cap() {
        // Each level draws the next ten times: 10^12 glyphs if unchecked.
        let mut b = PageBuilder::new();
        b.font("F1", helvetica());
        let mut next: Option<ObjectId> = None;
        for _ in 0..12 {
            let (content, xobjects) = match next {
                Some(id) => (b"/X Do ".repeat(10), dictionary! { "X" => id }),
                None => (b"BT /F1 1 Tf (A) Tj ET".to_vec(), Dictionary::new()),
            };
            let form = Stream::new(
                dictionary! {
                    "Subtype" => "Form",
                    "Resources" => dictionary! { "Font" => b.fonts.clone(), "XObject" => xobjects },
                },
                content,
            );
            next = Some(b.doc.add_object(form));
        }
        if let Some(id) = next {
            b.xobjects.set("X", id);
        }
        let (doc, page) = b.build(b"/X Do");
        let budget = Budget::new(Limits {
            max_ops_per_page: 100_000,
            ..Limits::default()
        });
        let result = TextExtractor::new(&doc, &budget).page(page);
        assert_eq!(result.err(), Some(LimitExceeded::PageWork));
    }

    /// A small deterministic generator for mangled input.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 33
        }
    }

    #[test]
    fn mangled_content_streams_never_panic() {
        let pieces: [&[u8]; 24] = [
            b"BT ",
            b"ET ",
            b"/F1 ",
            b"12 ",
            b"-3.5 ",
            b"Tf ",
            b"Td ",
            b"Tj ",
            b"TJ ",
            b"[",
            b"]",
            b"(ab",
            b")",
            b"<00",
            b">",
            b"<<",
            b">>",
            b"q ",
            b"Q ",
            b"cm ",
            b"BI ",
            b"ID ",
            b"/Span <</ActualText (x)>> BDC ",
            b"EMC ",
        ];
        let mut rng = Lcg(7);
        for _ in 0..200 {
            let mut content = Vec::new();
            for _ in 0..(rng.next() % 80) {
                if rng.next().is_multiple_of(5) {
                    content.push(rng.next() as u8);
                } else {
                    content.extend_from_slice(pieces[rng.next() as usize % pieces.len()]);
                }
            }
            let mut b = PageBuilder::new();
            b.font("F1", helvetica());
            let (doc, page) = b.build(&content);
            let budget = Budget::new(Limits {
                max_ops_per_page: 10_000,
                ..Limits::default()
            });
            let result = TextExtractor::new(&doc, &budget).page(page);
            if let Ok(out) = result {
                assert_eq!(out.glyphs.len() as u32, out.glyph_count);
                assert!(
                    out.glyphs
                        .iter()
                        .all(|g| g.width >= 0.0 && g.width.is_finite())
                );
            }
        }
    }

    #[test]
    fn mangled_cmaps_and_fonts_never_panic() {
        let mut rng = Lcg(11);
        for _ in 0..200 {
            let mut cmap =
                b"begincmap 1 begincodespacerange <00> <FFFF> endcodespacerange ".to_vec();
            for _ in 0..(rng.next() % 40) {
                let piece: &[u8] = match rng.next() % 7 {
                    0 => b"beginbfrange ",
                    1 => b"<0000> ",
                    2 => b"<FFFFFFFF> ",
                    3 => b"[<0041> ",
                    4 => b"] ",
                    5 => b"beginbfchar ",
                    _ => b"begincidrange ",
                };
                cmap.extend_from_slice(piece);
            }
            let mut b = PageBuilder::new();
            let to_unicode = b.stream(Dictionary::new(), &cmap);
            let mut program = truetype_with_cmap();
            for _ in 0..4 {
                let at = rng.next() as usize % program.len();
                program[at] = rng.next() as u8;
            }
            let program = b.stream(Dictionary::new(), &program);
            let descriptor = b.doc.add_object(dictionary! { "FontFile2" => program });
            let descendant = cid_font(
                "CIDFontType2",
                dictionary! { "FontDescriptor" => descriptor },
            );
            b.font("F1", type0(Some(to_unicode), "Identity-H", descendant));
            let (doc, page) = b.build(b"BT /F1 10 Tf <0000FFFF00410007> Tj ET");
            let out = extract(&doc, page);
            assert_eq!(out.glyph_count, 4);
        }
    }
}
