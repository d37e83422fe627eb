//! Layout: positioned glyphs become words, lines, blocks and a reading order.
//!
//! The steps, each a sort or a sweep so that big pages stay cheap:
//!
//! 1. Glyphs are grouped by writing direction and moved into a local frame
//!    where the baseline runs along +u and lines stack along -v ("down").
//!    Vertical CJK and rotated runs then need no special code.
//! 2. Fake-bold duplicates (the same glyph painted again a hair to the
//!    side) are dropped through a hash grid.
//! 3. Glyphs that follow each other in the content stream and touch on the
//!    same baseline form chunks; chunks sharing a baseline band form lines
//!    (sub- and superscripts overlap the band, so they join their line).
//! 4. Each line is cut into fragments at gaps that may be a column gutter,
//!    and the fragments are ordered by a recursive XY-cut: a vertical
//!    whitespace river (wide, or narrow with the text right of it aligned
//!    like a column) splits columns, left to right. Where full-width
//!    elements (a title, a caption, a footer) block the river, the region
//!    is cut into horizontal slabs; the gutter free in all but those few
//!    slabs is found with a sweep, the blocking slabs become groups of their
//!    own and the runs between them are split at the gutter. The order
//!    therefore comes from geometry, not from the content stream.
//! 5. Consecutive lines of the reading order are grouped into blocks by
//!    spacing, font size and indentation.
//!
//! Word gaps are measured in the page geometry against the font size, so
//! producers that position every glyph themselves (no spaces, TJ offsets)
//! and producers that paint space glyphs give the same words. Right-to-left
//! runs are painted in visual order; the Unicode bidirectional algorithm
//! turns each line back into logical order.

use crate::pdf::glyph::{FontInfo, PageGlyphs};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use unicode_bidi::{BidiInfo, Level};

/// Share of the font size above the baseline a glyph is taken to occupy.
const ASCENT: f32 = 0.8;
/// Share of the font size below the baseline.
const DESCENT: f32 = 0.2;
/// A gap wider than this share of the font size separates words.
const WORD_GAP: f32 = 0.15;
/// Before French high punctuation and inside guillemets.
const NARROW_GAP: f32 = 0.08;
/// Between two CJK characters (which have no spaces) only a much wider gap
/// is a word break; justified Japanese spreads its characters apart.
const CJK_WORD_GAP: f32 = 0.8;
/// Lines are cut into fragments at gaps wider than this share of the font
/// size: narrow enough to catch the gutter of a LaTeX two-column page,
/// whose margin kerning leaves less than half an em between the columns.
const FRAGMENT_GAP: f32 = 0.3;
/// An empty vertical band this wide (in body-size units) running through a
/// region is a river if the text right of it is aligned like a column.
const GUTTER: f32 = 0.4;
/// An empty vertical band this wide (in body-size units) is a river anyway.
const WIDE_GUTTER: f32 = 1.5;
/// Narrowest column, in body-size units.
const MIN_COLUMN: f32 = 6.0;
/// Fragments starting within this share of the body size of each other
/// are aligned (margin kerning shifts quotes and hyphens a little out).
const ALIGNED: f32 = 0.3;
/// Glyphs with the same text closer than this share of the size are one
/// glyph painted twice (fake bold, shadow).
const DUPLICATE: f32 = 0.15;
/// Two boxes are on the same line when their vertical extents overlap by
/// this share of the smaller one.
const SAME_LINE: f32 = 0.6;
/// A space glyph advancing less than this share of the size is collapsed.
const COLLAPSED_SPACE: f32 = 0.08;
/// Largest ratio of font sizes on one line (see `similar_size`).
const MAX_LINE_SIZE_RATIO: f32 = 2.5;
/// Recursion guard for the XY-cut (kept on an explicit stack anyway).
const MAX_CUT_DEPTH: u32 = 64;

/// A word: text between spaces, with its box in page space.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    pub size: f32,
    pub font: u16,
}

/// A line of text in logical order, with its box in page space (y0 bottom,
/// y1 top), its largest font size and the font of its first glyph.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    pub size: f32,
    pub font: u16,
    /// Baseline direction (1, 0) for ordinary text, (0, -1) for vertical.
    pub dir: (f32, f32),
    pub words: Vec<Word>,
}

/// Lines set together: a paragraph, a heading, a caption.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub lines: Vec<Line>,
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

/// The text of one page, blocks in reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageLayout {
    pub width: f32,
    pub height: f32,
    pub blocks: Vec<Block>,
    /// The page's font table, which `Line::font` indexes: the printed-page
    /// metadata tells a bold title from its lighter subtitle by it.
    pub fonts: Vec<FontInfo>,
}

impl PageLayout {
    /// All lines in reading order.
    pub fn lines(&self) -> impl Iterator<Item = &Line> {
        self.blocks.iter().flat_map(|b| b.lines.iter())
    }
}

/// Lay out one page.
pub fn layout_page(page: &PageGlyphs) -> PageLayout {
    match stacked_columns(page) {
        Some(turned) => layout_glyphs(&turned),
        None => layout_glyphs(page),
    }
}

fn layout_glyphs(page: &PageGlyphs) -> PageLayout {
    let mut blocks = Vec::new();
    for frame in frames(page) {
        let items = dedupe(page, local_items(page, &frame));
        let (chunks, chunk_text) = chunks(page, &items);
        let lines = lines(&chunks);
        let body = body_size(&items);
        let fragments = fragments(&chunks, &lines);
        let ordered = reading_order(&fragments, body);
        let placed = place_lines(&ordered, &fragments, (&chunks, &chunk_text), &lines, &frame);
        blocks.extend(group_blocks(placed));
    }
    PageLayout {
        width: page.width,
        height: page.height,
        blocks,
        fonts: page.fonts.clone(),
    }
}

/// A writing direction and the glyphs written in it.
struct Frame {
    dx: f32,
    dy: f32,
    glyphs: Vec<usize>,
}

impl Frame {
    /// Page space to the local frame (u along the baseline, v up).
    fn local(&self, x: f32, y: f32) -> (f32, f32) {
        (x * self.dx + y * self.dy, y * self.dx - x * self.dy)
    }

    /// Local frame back to page space.
    fn page(&self, u: f32, v: f32) -> (f32, f32) {
        (u * self.dx - v * self.dy, u * self.dy + v * self.dx)
    }

    /// The page-space box of a local box.
    fn page_box(&self, u0: f32, v0: f32, u1: f32, v1: f32) -> [f32; 4] {
        let corners = [
            self.page(u0, v0),
            self.page(u1, v0),
            self.page(u0, v1),
            self.page(u1, v1),
        ];
        let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
        for (x, y) in corners {
            b[0] = b[0].min(x);
            b[1] = b[1].min(y);
            b[2] = b[2].max(x);
            b[3] = b[3].max(y);
        }
        b
    }
}

/// Shortest run of stacked glyphs taken for vertical writing.
const MIN_STACKED_RUN: usize = 4;

/// Vertical Japanese and Chinese are often set with a horizontal font,
/// each character placed one em below the last (the official gazette in
/// the corpus does so, with its punctuation in a vertical font between).
/// Such runs are turned into vertical text, origin at the top centre of
/// the character, so that they form columns read top to bottom instead of
/// rows cut across the columns. Only CJK characters count, and only runs
/// of several, stepping one em (two when a vertical-font glyph sits in
/// between): a table column of numbers steps by its row height and stays
/// as it is. `None` when the page has no such run.
fn stacked_columns(page: &PageGlyphs) -> Option<PageGlyphs> {
    // CJK characters are encoded in UTF-8 with a lead byte from 0xE2 (the
    // radicals) to 0xEF and 0xF0 (the supplementary ideographs); a page
    // without such bytes (U+2E80 and up) has none to stack.
    let may_hold_cjk = page
        .text
        .as_bytes()
        .windows(2)
        .any(|w| (0xE3..=0xF0).contains(&w[0]) || (w[0] == 0xE2 && w[1] >= 0xBA));
    if !may_hold_cjk {
        return None;
    }
    let glyphs = &page.glyphs;
    let mut stacked = vec![false; glyphs.len()];
    let mut any = false;
    let mut run: Vec<usize> = Vec::new();
    let mut previous: Option<usize> = None;
    let mut slot_between = false;
    let mut close_run = |run: &mut Vec<usize>, stacked: &mut Vec<bool>| {
        if run.len() >= MIN_STACKED_RUN {
            for &i in run.iter() {
                if let Some(s) = stacked.get_mut(i) {
                    *s = true;
                }
            }
            any = true;
        }
        run.clear();
    };
    for (i, g) in glyphs.iter().enumerate() {
        if g.dir != (1.0, 0.0) {
            slot_between |= g.dir == (0.0, -1.0);
            continue;
        }
        let cjk = page.glyph_text(g).chars().next().is_some_and(is_cjk);
        let follows = cjk
            && previous.and_then(|p| glyphs.get(p)).is_some_and(|p| {
                let step = p.y - g.y;
                let slots = if slot_between { 2.0 } else { 1.0 };
                (g.size - p.size).abs() <= 0.05 * g.size
                    && (g.x - p.x).abs() <= 0.25 * g.size
                    && step >= 0.9 * g.size
                    && step <= (slots + 0.1) * g.size
            });
        if follows {
            if run.is_empty() {
                run.extend(previous);
            }
            run.push(i);
        } else {
            close_run(&mut run, &mut stacked);
        }
        previous = cjk.then_some(i);
        slot_between = false;
    }
    close_run(&mut run, &mut stacked);
    if !any {
        return None;
    }
    let mut turned = page.clone();
    for (g, _) in turned.glyphs.iter_mut().zip(&stacked).filter(|(_, s)| **s) {
        g.x += g.width / 2.0;
        g.y += ASCENT * g.size;
        g.dir = (0.0, -1.0);
    }
    Some(turned)
}

/// Group the usable glyphs by direction (to the degree), the most common
/// direction first so that the body text leads and rotated labels follow.
fn frames(page: &PageGlyphs) -> Vec<Frame> {
    let mut by_angle: HashMap<i32, Vec<usize>> = HashMap::new();
    for (i, g) in page.glyphs.iter().enumerate() {
        let finite = [g.x, g.y, g.width, g.size, g.dir.0, g.dir.1]
            .iter()
            .all(|v| v.is_finite());
        if !finite || (g.dir.0 == 0.0 && g.dir.1 == 0.0) {
            continue;
        }
        let angle = if g.dir == (1.0, 0.0) {
            0
        } else {
            (g.dir.1.atan2(g.dir.0).to_degrees().round() as i32).rem_euclid(360)
        };
        by_angle.entry(angle).or_default().push(i);
    }
    let mut frames: Vec<Frame> = by_angle
        .into_iter()
        .map(|(angle, glyphs)| {
            let rad = (angle as f32).to_radians();
            let (dx, dy) = match angle {
                0 => (1.0, 0.0),
                90 => (0.0, 1.0),
                180 => (-1.0, 0.0),
                270 => (0.0, -1.0),
                _ => (rad.cos(), rad.sin()),
            };
            Frame { dx, dy, glyphs }
        })
        .collect();
    frames.sort_by(|a, b| {
        b.glyphs
            .len()
            .cmp(&a.glyphs.len())
            .then(a.glyphs.first().cmp(&b.glyphs.first()))
    });
    frames
}

/// A glyph in the local frame.
#[derive(Debug, Clone)]
struct Item {
    u: f32,
    v: f32,
    adv: f32,
    /// The advance with character and word spacing: where the next glyph
    /// starts.
    spaced_adv: f32,
    size: f32,
    font: u16,
    /// Byte range of its text in `PageGlyphs::text`.
    text: (usize, usize),
}

fn local_items(page: &PageGlyphs, frame: &Frame) -> Vec<Item> {
    frame
        .glyphs
        .iter()
        .filter_map(|&i| page.glyphs.get(i))
        .map(|g| {
            let (u, v) = frame.local(g.x, g.y);
            Item {
                u,
                v,
                // The glyph's own advance: a gap made by character or word
                // spacing (Ghostscript justifies lines that way) is a gap.
                adv: (g.width - g.spacing).clamp(0.0, 10_000.0),
                spaced_adv: g.width.clamp(0.0, 10_000.0),
                size: g.size.abs().clamp(1.0, 10_000.0),
                font: g.font,
                text: (g.text.start as usize, g.text.end as usize),
            }
        })
        .collect()
}

fn item_text<'a>(page: &'a PageGlyphs, item: &Item) -> &'a str {
    page.text.get(item.text.0..item.text.1).unwrap_or("")
}

/// Drop glyphs painted again at nearly the same place with the same text
/// (fake bold, drop shadows, text drawn twice for a fill and a stroke).
/// A hash grid keeps this linear; the first painting is kept.
fn dedupe(page: &PageGlyphs, items: Vec<Item>) -> Vec<Item> {
    // Cells twice the duplicate distance wide: a glyph's neighbourhood then
    // touches at most 2 x 2 cells, found from which half of its own cell it
    // sits in. The key holds only integers (the text's first character
    // stands for it; candidates compare the whole text), and each cell
    // chains its glyphs through `next`, so no glyph costs an allocation:
    // this map is on the hot path of every page.
    let mut heads: HashMap<u64, usize> = HashMap::with_capacity(items.len());
    let mut next: Vec<Option<usize>> = Vec::with_capacity(items.len());
    let mut kept: Vec<Item> = Vec::with_capacity(items.len());
    'items: for item in items {
        let text = item_text(page, &item);
        let Some(first) = text.chars().next().filter(|_| !text.trim().is_empty()) else {
            kept.push(item);
            next.push(None);
            continue;
        };
        let reach = item.size * DUPLICATE;
        let cell = 2.0 * reach;
        let (fu, fv) = (item.u / cell, item.v / cell);
        let (cu, cv) = (fu.floor() as i64, fv.floor() as i64);
        let nu = if fu - fu.floor() < 0.5 {
            cu - 1
        } else {
            cu + 1
        };
        let nv = if fv - fv.floor() < 0.5 {
            cv - 1
        } else {
            cv + 1
        };
        for (u, v) in [(cu, cv), (nu, cv), (cu, nv), (nu, nv)] {
            let mut cursor = heads.get(&cell_key(first, u, v)).copied();
            while let Some(k) = cursor {
                let Some(other) = kept.get(k) else { break };
                if (other.u - item.u).abs() <= reach
                    && (other.v - item.v).abs() <= reach
                    && (other.size - item.size).abs() <= item.size * 0.05
                    && item_text(page, other) == text
                {
                    continue 'items;
                }
                cursor = next.get(k).copied().flatten();
            }
        }
        let index = kept.len();
        next.push(heads.insert(cell_key(first, cu, cv), index));
        kept.push(item);
    }
    kept
}

/// One integer for a character and a grid cell, hashed in one step. Cell
/// numbers are cut to 21 bits, so far-apart cells may share a key: that
/// only adds candidates, which are compared in full.
fn cell_key(first: char, u: i64, v: i64) -> u64 {
    const CELL_BITS: u32 = 21;
    const MASK: u64 = (1 << CELL_BITS) - 1;
    (u64::from(first) << (2 * CELL_BITS)) | ((u as u64 & MASK) << CELL_BITS) | (v as u64 & MASK)
}

/// Whether a glyph separates words: a space glyph, one whose text is only
/// whitespace (some fonts map a no-break or a thin space), or one nothing
/// could map. The glyph most often left out of a font's Unicode map is the
/// space (wkhtmltopdf omits it from every ToUnicode CMap); an unmapped
/// letter is lost either way, so splitting there costs little. A glyph
/// flagged as a space but mapped to a visible character is that character
/// (subset fonts reuse code 32 for letters).
fn is_blank(page: &PageGlyphs, item: &Item) -> bool {
    item_text(page, item).chars().all(char::is_whitespace)
}

/// The body font size: the size most glyphs are set in.
fn body_size(items: &[Item]) -> f32 {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for item in items.iter().filter(|i| i.text.0 < i.text.1) {
        *counts.entry((item.size * 2.0).round() as i64).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(size, n)| (n, -size))
        .map_or(10.0, |(size, _)| size as f32 / 2.0)
        .max(1.0)
}

/// Glyphs that follow each other in the stream and touch on one baseline.
#[derive(Debug, Clone)]
struct Chunk {
    /// Byte range of its text in the page's chunk text (see `chunks`).
    text: (usize, usize),
    u0: f32,
    u1: f32,
    /// Baseline and size of its largest glyph.
    v: f32,
    size: f32,
    font: u16,
    /// The chunk that came just before in the stream with a space glyph in
    /// between: the producer said "word break" even if the gap is tiny.
    spaced_from: Option<usize>,
}

impl Chunk {
    fn bottom(&self) -> f32 {
        self.v - DESCENT * self.size
    }

    fn top(&self) -> f32 {
        self.v + ASCENT * self.size
    }
}

/// The gap (in ems) that separates two words, given the characters on
/// either side. French sets a narrow space (about an eighth of an em)
/// before ? ! : ; and inside guillemets, narrower than any word gap.
fn word_gap(before: Option<char>, after: Option<char>) -> f32 {
    let cjk = before.is_some_and(is_cjk) && after.is_some_and(is_cjk);
    if cjk {
        CJK_WORD_GAP
    } else if matches!(after, Some('?' | '!' | ':' | ';' | '\u{bb}')) || before == Some('\u{ab}') {
        NARROW_GAP
    } else {
        WORD_GAP
    }
}

/// Whether glyph `b`, painted right after `a`, continues `a`'s chunk.
fn continues(page: &PageGlyphs, a: &Item, b: &Item) -> bool {
    let size = a.size.max(b.size);
    let gap = b.u - (a.u + a.adv);
    let threshold = word_gap(
        item_text(page, a).chars().last(),
        item_text(page, b).chars().next(),
    );
    (b.v - a.v).abs() <= 0.25 * a.size.min(b.size) && gap <= threshold * size && gap >= -0.5 * size
}

/// The chunks of a frame, and their texts one after another in a single
/// string: one allocation per page instead of one per chunk.
fn chunks(page: &PageGlyphs, items: &[Item]) -> (Vec<Chunk>, String) {
    let mut text = String::with_capacity(page.text.len());
    let mut out: Vec<Chunk> = Vec::new();
    let mut current: Option<Chunk> = None;
    let mut last: Option<&Item> = None;
    let mut after_space = false;
    // A combining mark waiting for the base letter it was painted over.
    let mut pending_mark: Option<char> = None;
    for (i, item) in items.iter().enumerate() {
        if is_blank(page, item) {
            // A space the producer collapsed to nothing with negative word
            // spacing ("(Fr e)Tj" under -1.9 Tw) is not seen and splits no
            // word.
            if item.spaced_adv < COLLAPSED_SPACE * item.size {
                continue;
            }
            out.extend(current.take());
            after_space = true;
            last = None;
            continue;
        }
        let joins = matches!((&current, last), (Some(_), Some(a)) if continues(page, a, item));
        if !joins {
            out.extend(current.take());
            current = Some(Chunk {
                text: (text.len(), text.len()),
                u0: item.u,
                u1: item.u + item.adv,
                v: item.v,
                size: item.size,
                font: item.font,
                spaced_from: (after_space && !out.is_empty()).then(|| out.len() - 1),
            });
        }
        if let Some(chunk) = current.as_mut() {
            let own = item_text(page, item);
            match accent_over(page, item, last, items.get(i + 1)) {
                Some((mark, Placement::AfterBase)) => text.push(mark),
                Some((mark, Placement::BeforeBase)) => pending_mark = Some(mark),
                None => {
                    push_glyph_text(&mut text, own);
                    text.extend(pending_mark.take());
                }
            }
            chunk.text.1 = text.len();
            chunk.u0 = chunk.u0.min(item.u);
            chunk.u1 = chunk.u1.max(item.u + item.adv);
            if item.size > chunk.size {
                chunk.size = item.size;
                chunk.v = item.v;
            }
        }
        after_space = false;
        last = Some(item);
    }
    out.extend(current);
    (out, text)
}

/// Append one glyph's text to a line built in visual order. A ligature of
/// right-to-left letters maps to them in logical order ("لا", lam then
/// alef); the line's right-to-left runs are reversed later, so its letters
/// go in reversed here to come out in their order ("الإنتاجية", not
/// "اإلنتاجية").
fn push_glyph_text(text: &mut String, own: &str) {
    use unicode_bidi::BidiClass;
    let right_to_left = |c: char| {
        matches!(
            unicode_bidi::bidi_class(c),
            BidiClass::R | BidiClass::AL | BidiClass::NSM
        )
    };
    let ligature = own.chars().nth(1).is_some()
        && own.chars().any(|c| c >= '\u{590}')
        && own.chars().all(right_to_left);
    if ligature {
        text.extend(own.chars().rev());
    } else {
        text.push_str(own);
    }
}

/// Where a lone accent glyph sits relative to the letter it marks.
enum Placement {
    BeforeBase,
    AfterBase,
}

/// A spacing accent painted over a neighbouring letter (how TeX's OT1
/// fonts and some old producers build "ü" or "ş": the accent glyph and the
/// letter overlap). Returns the combining mark to attach to that letter,
/// and whether the letter comes next or came just before; NFC later makes
/// one character of the pair.
fn accent_over(
    page: &PageGlyphs,
    item: &Item,
    previous: Option<&Item>,
    next: Option<&Item>,
) -> Option<(char, Placement)> {
    let mut chars = item_text(page, item).chars();
    let mark = combining_mark(chars.next()?)?;
    if chars.next().is_some() {
        return None;
    }
    let centre = item.u + item.adv / 2.0;
    let marks = |base: &Item| {
        let letter = item_text(page, base)
            .chars()
            .next()
            .is_some_and(char::is_alphabetic);
        letter && base.u <= centre && centre <= base.u + base.adv
    };
    if next.is_some_and(marks) {
        Some((mark, Placement::BeforeBase))
    } else if previous.is_some_and(marks) {
        Some((mark, Placement::AfterBase))
    } else {
        None
    }
}

/// The combining form of a spacing accent.
fn combining_mark(accent: char) -> Option<char> {
    Some(match accent {
        '\u{a8}' => '\u{308}',
        '\u{b4}' | '\u{2ca}' => '\u{301}',
        '`' | '\u{2cb}' => '\u{300}',
        '^' | '\u{2c6}' => '\u{302}',
        '~' | '\u{2dc}' => '\u{303}',
        '\u{b8}' => '\u{327}',
        '\u{2c7}' => '\u{30c}',
        '\u{2d8}' => '\u{306}',
        '\u{2d9}' => '\u{307}',
        '\u{2da}' => '\u{30a}',
        '\u{af}' | '\u{2c9}' => '\u{304}',
        '\u{2dd}' => '\u{30b}',
        '\u{2db}' => '\u{328}',
        _ => return None,
    })
}

fn chunk_text<'a>(text: &'a str, chunk: &Chunk) -> &'a str {
    text.get(chunk.text.0..chunk.text.1).unwrap_or("")
}

/// Chunks sharing a baseline band.
#[derive(Debug, Clone)]
struct LineAcc {
    chunks: Vec<usize>,
    /// Baseline and size of the largest chunk: the band sub- and
    /// superscripts are measured against.
    v: f32,
    size: f32,
}

/// How much two vertical extents overlap, as a share of the smaller one.
fn overlap_ratio(a: (f32, f32), b: (f32, f32)) -> f32 {
    let overlap = a.1.min(b.1) - a.0.max(b.0);
    let smaller = (a.1 - a.0).min(b.1 - b.0);
    if smaller <= 0.0 {
        0.0
    } else {
        overlap / smaller
    }
}

/// Sizes that can share a line: a superscript is rarely less than half
/// the body size, while a drop capital or a big letter in a margin spans
/// several lines of text beside it and must not pull them into one line.
fn similar_size(a: f32, b: f32) -> bool {
    a.max(b) <= MAX_LINE_SIZE_RATIO * a.min(b)
}

/// How many of a line's chunks `overprints` compares a new chunk with.
const OVERPRINT_SCAN: usize = 512;

/// Whether `chunk`, much smaller than the line's largest type, would sit
/// over or under text of its own size in the line rather than beside it:
/// two lines of a smaller size beside one large word ("GAO" beside
/// "Report to the Chairman, Subcommittee" / "on Government Management,
/// Finance") are two lines, not one whose words interleave. (A formula's
/// subscript under its superscript is less than 1.5 times smaller than its
/// line's body.)
fn overprints(chunks: &[Chunk], line: &LineAcc, chunk: &Chunk) -> bool {
    if line.size < chunk.size * 1.5 {
        return false;
    }
    // The latest chunks only: a line of a hostile page may hold tens of
    // thousands, and the lines beside a large word are short.
    line.chunks.iter().rev().take(OVERPRINT_SCAN).any(|&other| {
        let other = &chunks[other];
        let same_size = (other.size - chunk.size).abs() <= 0.1 * chunk.size;
        let another_baseline = (other.v - chunk.v).abs() >= 0.5 * chunk.size;
        let overlap = chunk.u1.min(other.u1) - chunk.u0.max(other.u0);
        same_size && another_baseline && overlap > 0.1 * chunk.size
    })
}

/// Sweep the chunks from the top of the page down, keeping only the lines
/// whose band can still be reached ("active"), so the cost stays near
/// linear in the number of chunks.
fn lines(chunks: &[Chunk]) -> Vec<LineAcc> {
    let mut order: Vec<usize> = (0..chunks.len()).collect();
    order.sort_by(|&a, &b| chunks[b].top().total_cmp(&chunks[a].top()));
    let mut lines: Vec<LineAcc> = Vec::new();
    let mut active: Vec<usize> = Vec::new();
    for index in order {
        let chunk = &chunks[index];
        let band = (chunk.bottom(), chunk.top());
        active.retain(|&l| lines[l].v - DESCENT * lines[l].size < band.1);
        let best = active
            .iter()
            .map(|&l| {
                let line = &lines[l];
                let extent = (line.v - DESCENT * line.size, line.v + ASCENT * line.size);
                (l, overlap_ratio(band, extent))
            })
            .filter(|&(l, ratio)| {
                ratio >= SAME_LINE
                    && similar_size(lines[l].size, chunk.size)
                    && !overprints(chunks, &lines[l], chunk)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((l, _)) => {
                let line = &mut lines[l];
                line.chunks.push(index);
                if chunk.size > line.size {
                    line.size = chunk.size;
                    line.v = chunk.v;
                }
            }
            None => {
                lines.push(LineAcc {
                    chunks: vec![index],
                    v: chunk.v,
                    size: chunk.size,
                });
                active.push(lines.len() - 1);
            }
        }
    }
    lines
}

/// A piece of a line between gaps wide enough to be a gutter.
#[derive(Debug, Clone)]
struct Fragment {
    line: usize,
    /// First of its line, or after a gap as wide as a gutter: where a
    /// column's line may start.
    line_start: bool,
    /// Chunk indices, left to right.
    chunks: Vec<usize>,
    u0: f32,
    u1: f32,
    bottom: f32,
    top: f32,
}

fn fragments(chunks: &[Chunk], lines: &[LineAcc]) -> Vec<Fragment> {
    let mut out = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let mut sorted = line.chunks.clone();
        sorted.sort_by(|&a, &b| chunks[a].u0.total_cmp(&chunks[b].u0));
        let split = FRAGMENT_GAP * line.size;
        let gutter = GUTTER * line.size;
        let mut current: Option<Fragment> = None;
        for c in sorted {
            let chunk = &chunks[c];
            match current.as_mut() {
                Some(f) if chunk.u0 - f.u1 <= split => {
                    f.chunks.push(c);
                    f.u1 = f.u1.max(chunk.u1);
                    f.bottom = f.bottom.min(chunk.bottom());
                    f.top = f.top.max(chunk.top());
                    continue;
                }
                _ => {}
            }
            let line_start = current.as_ref().is_none_or(|f| chunk.u0 - f.u1 >= gutter);
            out.extend(current.take());
            current = Some(Fragment {
                line_start,
                line: index,
                chunks: vec![c],
                u0: chunk.u0,
                u1: chunk.u1,
                bottom: chunk.bottom(),
                top: chunk.top(),
            });
        }
        out.extend(current);
    }
    out
}

/// A covered stretch of the u axis, and how many fragments start in it
/// and how many of those start at its left edge (within [`ALIGNED`]): a
/// column's lines all start at its edge, words after a wide space do not.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: f32,
    end: f32,
    starts: u32,
    aligned: u32,
}

/// The covered stretches of a region, sorted and merged, counting for
/// each stretch the lines that start in it (their leftmost fragment there
/// that follows a gutter-wide gap) and how many start at its left edge.
fn coverage(fragments: &[Fragment], region: &[usize], body: f32) -> Vec<Span> {
    let mut sorted = region.to_vec();
    sorted.sort_by(|&a, &b| fragments[a].u0.total_cmp(&fragments[b].u0));
    let mut spans: Vec<Span> = Vec::new();
    let mut members: Vec<(usize, usize, f32)> = Vec::with_capacity(sorted.len());
    for f in sorted {
        let frag = &fragments[f];
        match spans.last_mut() {
            Some(last) if frag.u0 <= last.end => last.end = last.end.max(frag.u1),
            _ => spans.push(Span {
                start: frag.u0,
                end: frag.u1,
                starts: 0,
                aligned: 0,
            }),
        }
        if frag.line_start {
            members.push((spans.len() - 1, frag.line, frag.u0));
        }
    }
    // Sorted by position, so the first fragment seen of a line in a span
    // is where that line starts in it.
    let mut seen = HashSet::new();
    for (span, line, u0) in members {
        if !seen.insert((span, line)) {
            continue;
        }
        if let Some(s) = spans.get_mut(span) {
            s.starts += 1;
            if u0 - s.start <= ALIGNED * body {
                s.aligned += 1;
            }
        }
    }
    spans
}

/// Merge spans sorted by start.
fn merge_spans(sorted: Vec<Span>, body: f32) -> Vec<Span> {
    let mut merged: Vec<Span> = Vec::with_capacity(sorted.len());
    for span in sorted {
        match merged.last_mut() {
            Some(last) if span.start <= last.end => {
                last.end = last.end.max(span.end);
                last.starts += span.starts;
                if span.start - last.start <= ALIGNED * body {
                    last.aligned += span.aligned;
                }
            }
            _ => merged.push(span),
        }
    }
    merged
}

/// Union of two coverages.
fn union_spans(a: &[Span], b: &[Span], body: f32) -> Vec<Span> {
    let mut all: Vec<Span> = a.iter().chain(b).copied().collect();
    all.sort_by(|x, y| x.start.total_cmp(&y.start));
    merge_spans(all, body)
}

/// Where a region splits into columns: the starts of the empty vertical
/// bands ("rivers") that leave at least `min_column` of text on each side
/// (a narrow run of tags or line numbers beside a body is read row by row)
/// and that are either wide, or narrower but followed by text aligned on
/// the river's right edge, as a column is.
fn column_cuts(cover: &[Span], body: f32) -> Vec<f32> {
    let (Some(first), Some(last)) = (cover.first(), cover.last()) else {
        return Vec::new();
    };
    let min_column = MIN_COLUMN * body;
    let mut cuts = Vec::new();
    let mut column_start = first.start;
    for pair in cover.windows(2) {
        let (left, right) = (pair[0], pair[1]);
        let gap = right.start - left.end;
        let aligned = right.aligned >= 3 && right.aligned * 2 >= right.starts;
        let river = gap >= WIDE_GUTTER * body || (gap >= GUTTER * body && aligned);
        if river && left.end - column_start >= min_column && last.end - right.start >= min_column {
            cuts.push(left.end);
            column_start = right.start;
        }
    }
    cuts
}

/// Order the fragments: a list of leaves, each read top to bottom.
fn reading_order(fragments: &[Fragment], body: f32) -> Vec<Vec<usize>> {
    let mut leaves = Vec::new();
    let mut stack: Vec<(Vec<usize>, u32)> = vec![((0..fragments.len()).collect(), 0)];
    while let Some((region, depth)) = stack.pop() {
        let one_line = region
            .iter()
            .all(|&f| Some(fragments[f].line) == region.first().map(|&g| fragments[g].line));
        if region.len() <= 1 || one_line || depth >= MAX_CUT_DEPTH {
            leaves.push(region);
            continue;
        }
        let cuts = column_cuts(&coverage(fragments, &region, body), body);
        let parts = if cuts.is_empty() {
            slab_groups(fragments, &region, body)
        } else {
            split_at(fragments, &region, &cuts)
        };
        if parts.len() <= 1 {
            leaves.push(region);
            continue;
        }
        for part in parts.into_iter().rev() {
            stack.push((part, depth + 1));
        }
    }
    leaves
}

/// Split a region into columns, left to right.
fn split_at(fragments: &[Fragment], region: &[usize], cuts: &[f32]) -> Vec<Vec<usize>> {
    let mut parts = vec![Vec::new(); cuts.len() + 1];
    for &f in region {
        let column = cuts.iter().filter(|&&cut| fragments[f].u0 > cut).count();
        if let Some(part) = parts.get_mut(column) {
            part.push(f);
        }
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// Cut a region without a river into horizontal slabs (runs of lines whose
/// bands touch). When a gutter is blocked only by a few slabs (a full-width
/// title, a figure caption, a footer), those slabs become groups of their
/// own and the runs of slabs between them are kept together, to be split
/// into columns next.
fn slab_groups(fragments: &[Fragment], region: &[usize], body: f32) -> Vec<Vec<usize>> {
    let mut sorted = region.to_vec();
    sorted.sort_by(|&a, &b| fragments[b].top.total_cmp(&fragments[a].top));
    let mut slabs: Vec<Vec<usize>> = Vec::new();
    let mut floor = f32::MAX;
    for f in sorted {
        let frag = &fragments[f];
        match slabs.last_mut() {
            Some(slab) if frag.top > floor => slab.push(f),
            _ => slabs.push(vec![f]),
        }
        floor = if slabs.last().is_some_and(|s| s.len() == 1) {
            frag.bottom
        } else {
            floor.min(frag.bottom)
        };
    }
    let covers: Vec<Vec<Span>> = slabs
        .iter()
        .map(|slab| coverage(fragments, slab, body))
        .collect();
    let sizes: Vec<usize> = slabs.iter().map(Vec::len).collect();
    if let Some((spanning, cut)) = spanning_slabs(&covers, &sizes, body) {
        // Runs between spanning slabs are split at the gutter right away:
        // a short run may not show the gutter well on its own.
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut run: Vec<usize> = Vec::new();
        for (slab, spans) in slabs.into_iter().zip(spanning) {
            if spans {
                groups.extend(split_at(fragments, &std::mem::take(&mut run), &[cut]));
                groups.push(slab);
            } else {
                run.extend(slab);
            }
        }
        groups.extend(split_at(fragments, &run, &[cut]));
        return groups;
    }
    // No gutter stands out: the slabs are read top to bottom, and a slab
    // that holds columns of its own (staggered lines) is split later.
    slabs
}

/// Find the gutter that is free in all but a few slabs (the titles, rules
/// and footers that span the columns) and say which slabs cross it. The
/// gutter must still be a river for the other slabs taken together.
/// Gives the crossing slabs and where the gutter starts; `None` when no
/// such gutter exists or nothing crosses it.
fn spanning_slabs(covers: &[Vec<Span>], sizes: &[usize], body: f32) -> Option<(Vec<bool>, f32)> {
    // Lines chain into tall slabs where the columns' baselines differ, so
    // a page may have only a handful of slabs, three of them title lines.
    let allowed = (covers.len() / 4)
        .max(3)
        .min(covers.len().saturating_sub(2));
    if covers.len() < 2 || allowed == 0 {
        return None;
    }
    let mut events: Vec<(f32, i32)> = covers
        .iter()
        .flatten()
        .flat_map(|s| [(s.start, 1), (s.end, -1)])
        .collect();
    // At equal positions, openings first: touching spans leave no gap.
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut candidates: Vec<(f32, f32)> = Vec::new();
    let mut depth = 0i64;
    let mut open: Option<f32> = None;
    for &(x, delta) in &events {
        depth += i64::from(delta);
        let thin = depth <= allowed as i64;
        match (thin, open) {
            (true, None) => open = Some(x),
            (false, Some(start)) => {
                if x - start >= GUTTER * body {
                    candidates.push((start, x));
                }
                open = None;
            }
            _ => {}
        }
    }
    // Column edges are ragged by a point or two (margin kerning), so a
    // slab crosses the gutter only if it covers its middle.
    let crosses = |cover: &[Span], (a, b): (f32, f32)| {
        let middle = (a + b) / 2.0;
        cover.iter().any(|s| s.start < middle && s.end > middle)
    };
    let mut best: Option<(usize, f32, Vec<bool>, f32)> = None;
    for gap in candidates {
        let spanning: Vec<bool> = covers.iter().map(|c| crosses(c, gap)).collect();
        let count = spanning.iter().filter(|&&s| s).count();
        if count == 0 || count > allowed {
            continue;
        }
        // The gutter that leaves the least text crossing it wins.
        let crossing: usize = sizes
            .iter()
            .zip(&spanning)
            .filter(|&(_, &s)| s)
            .map(|(n, _)| n)
            .sum();
        // Text reaching into the gutter from one side (a long code line,
        // a protruding quote) belongs to that side: clip it to the edge.
        let middle = (gap.0 + gap.1) / 2.0;
        let clip = |span: &Span| {
            let mut span = *span;
            if span.start < middle {
                span.end = span.end.min(gap.0);
            } else {
                span.start = span.start.max(gap.1);
            }
            span
        };
        let rest: Vec<Span> = covers
            .iter()
            .zip(&spanning)
            .filter(|&(_, &s)| !s)
            .map(|(c, _)| c.iter().map(clip).collect::<Vec<Span>>())
            .fold(Vec::new(), |acc, c| union_spans(&acc, &c, body));
        let cut = column_cuts(&rest, body)
            .into_iter()
            .find(|&cut| cut >= gap.0 - 0.01 && cut <= gap.1 + 0.01);
        let width = gap.1 - gap.0;
        let better = best
            .as_ref()
            .is_none_or(|(n, w, _, _)| crossing < *n || (crossing == *n && width > *w));
        if let (Some(cut), true) = (cut, better) {
            best = Some((crossing, width, spanning, cut));
        }
    }
    best.map(|(_, _, spanning, cut)| (spanning, cut))
}

/// A line placed in reading order, with its local-frame geometry kept for
/// grouping into blocks.
#[derive(Debug, Clone)]
struct Placed {
    line: Line,
    u0: f32,
    u1: f32,
    v: f32,
    size: f32,
}

/// Turn the ordered leaves into lines: inside a leaf, the fragments of one
/// line (those not split off into another column) form one output line.
fn place_lines(
    leaves: &[Vec<usize>],
    fragments: &[Fragment],
    chunks: (&[Chunk], &str),
    lines: &[LineAcc],
    frame: &Frame,
) -> Vec<Placed> {
    let mut placed = Vec::new();
    for leaf in leaves {
        let mut sorted = leaf.clone();
        sorted.sort_by(|&a, &b| {
            let (fa, fb) = (&fragments[a], &fragments[b]);
            lines[fb.line]
                .v
                .total_cmp(&lines[fa.line].v)
                .then(fa.line.cmp(&fb.line))
                .then(fa.u0.total_cmp(&fb.u0))
        });
        for piece in sorted.chunk_by(|&a, &b| fragments[a].line == fragments[b].line) {
            let ids: Vec<usize> = piece
                .iter()
                .flat_map(|&f| fragments[f].chunks.iter().copied())
                .collect();
            if let Some(p) = assemble(&ids, chunks, frame) {
                placed.push(p);
            }
        }
    }
    placed
}

/// Whether a character is written without spaces between words (Han,
/// kana, CJK punctuation, full-width forms).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF01..=0xFF60 | 0x20000..=0x2FFFF)
}

/// Hangul: syllables and jamo. Korean, unlike Chinese and Japanese, puts
/// spaces between its words.
pub fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF)
}

/// Build one line from chunks sorted left to right: a space wherever the
/// gap is wider than a word gap or the producer painted a space glyph.
fn assemble(ids: &[usize], (chunks, text): (&[Chunk], &str), frame: &Frame) -> Option<Placed> {
    let first = chunks.get(*ids.first()?)?;
    let mut words: Vec<(String, f32, f32, f32, f32, u16)> = Vec::new();
    let mut previous: Option<usize> = None;
    for &id in ids {
        let chunk = &chunks[id];
        let starts_word = previous.is_none_or(|p| {
            let prev = &chunks[p];
            let gap = chunk.u0 - prev.u1;
            let threshold = word_gap(
                chunk_text(text, prev).chars().last(),
                chunk_text(text, chunk).chars().next(),
            );
            gap > threshold * prev.size.max(chunk.size) || chunk.spaced_from == Some(p)
        });
        match words.last_mut() {
            Some(word) if !starts_word => {
                word.0.push_str(chunk_text(text, chunk));
                word.2 = word.2.max(chunk.u1);
                word.3 = word.3.max(chunk.size);
            }
            _ => words.push((
                chunk_text(text, chunk).to_string(),
                chunk.u0,
                chunk.u1,
                chunk.size,
                chunk.v,
                chunk.font,
            )),
        }
        previous = Some(id);
    }
    words.retain(|w| !w.0.is_empty());
    if words.is_empty() {
        return None;
    }
    let size = words.iter().map(|w| w.3).fold(0.0, f32::max);
    let v = ids
        .iter()
        .map(|&i| &chunks[i])
        .max_by(|a, b| a.size.total_cmp(&b.size))
        .map_or(first.v, |c| c.v);
    let u0 = words.iter().map(|w| w.1).fold(f32::MAX, f32::min);
    let u1 = words.iter().map(|w| w.2).fold(f32::MIN, f32::max);
    let mut visual = String::with_capacity(words.iter().map(|w| w.0.len() + 1).sum());
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            visual.push(' ');
        }
        visual.push_str(&word.0);
    }
    let text = logical_order(visual);
    let words = words
        .into_iter()
        .map(|(text, wu0, wu1, wsize, wv, font)| {
            let b = frame.page_box(wu0, wv - DESCENT * wsize, wu1, wv + ASCENT * wsize);
            Word {
                text: logical_order(text),
                x0: b[0],
                y0: b[1],
                x1: b[2],
                y1: b[3],
                size: wsize,
                font,
            }
        })
        .collect();
    let b = frame.page_box(u0, v - DESCENT * size, u1, v + ASCENT * size);
    Some(Placed {
        line: Line {
            text,
            x0: b[0],
            y0: b[1],
            x1: b[2],
            y1: b[3],
            size,
            font: first.font,
            dir: (frame.dx, frame.dy),
            words,
        },
        u0,
        u1,
        v,
        size,
    })
}

/// Text painted left to right, turned into logical order when it holds
/// right-to-left letters. The paragraph direction is the direction of the
/// majority of strong letters, since the first letter of a visual-order
/// string is the last one of an RTL line.
fn logical_order(visual: String) -> String {
    use unicode_bidi::BidiClass;
    // No right-to-left letter lies below U+0590 (Hebrew): most lines
    // skip the class lookups.
    if visual.chars().all(|c| c < '\u{590}') {
        return visual;
    }
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in visual.chars() {
        match unicode_bidi::bidi_class(c) {
            BidiClass::R | BidiClass::AL => rtl += 1,
            BidiClass::L => ltr += 1,
            _ => {}
        }
    }
    if rtl == 0 {
        return visual;
    }
    let level = if rtl > ltr {
        Level::rtl()
    } else {
        Level::ltr()
    };
    let info = BidiInfo::new(&visual, Some(level));
    info.paragraphs
        .iter()
        .map(|para| info.reorder_line(para, para.range.clone()))
        .collect()
}

/// Whether `next` starts a new block after `prev` (the last line of
/// `block`, whose line spacing so far is `leading`).
fn starts_block(prev: &Placed, next: &Placed, block: &[Placed], leading: Option<f32>) -> bool {
    let size = prev.size.max(next.size);
    if (prev.size - next.size).abs() > 0.12 * size {
        return true;
    }
    let step = prev.v - next.v;
    let limit = leading.map_or(2.0 * size, |l| l * 1.3 + 0.05 * size);
    if step < 0.5 * size || step > limit {
        return true;
    }
    if next.u0 > prev.u1 || next.u1 < prev.u0 {
        return true;
    }
    // First-line indentation after a short last line: a new paragraph.
    let left = block.iter().map(|p| p.u0).fold(f32::MAX, f32::min);
    let right = block.iter().map(|p| p.u1).fold(f32::MIN, f32::max);
    let indent = next.u0 - prev.u0;
    indent > 0.7 * size
        && indent < 6.0 * size
        && (prev.u0 - left).abs() < 0.3 * size
        && prev.u1 < right - 1.0 * size
}

fn group_blocks(placed: Vec<Placed>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Vec<Placed> = Vec::new();
    let mut leading: Option<f32> = None;
    for next in placed {
        if let Some(prev) = current.last() {
            if starts_block(prev, &next, &current, leading) {
                blocks.push(make_block(std::mem::take(&mut current)));
                leading = None;
            } else if leading.is_none() {
                leading = Some(prev.v - next.v);
            }
        }
        current.push(next);
    }
    if !current.is_empty() {
        blocks.push(make_block(current));
    }
    blocks
}

fn make_block(placed: Vec<Placed>) -> Block {
    let lines: Vec<Line> = placed.into_iter().map(|p| p.line).collect();
    let fold = |f: fn(&Line) -> f32, init: f32, op: fn(f32, f32) -> f32| {
        lines.iter().map(f).fold(init, op)
    };
    Block {
        x0: fold(|l| l.x0, f32::MAX, f32::min),
        y0: fold(|l| l.y0, f32::MAX, f32::min),
        x1: fold(|l| l.x1, f32::MIN, f32::max),
        y1: fold(|l| l.y1, f32::MIN, f32::max),
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::glyph::Glyph;

    /// Paint `text` from (x, y) along `dir`, every glyph half an em wide
    /// and spaces a quarter em, painted as space glyphs.
    fn paint(page: &mut PageGlyphs, x: f32, y: f32, size: f32, dir: (f32, f32), text: &str) {
        let mut step = 0.0;
        for c in text.chars() {
            let advance = if c == ' ' { size * 0.25 } else { size * 0.5 };
            let glyph = Glyph {
                x: x + dir.0 * step,
                y: y + dir.1 * step,
                width: advance,
                spacing: 0.0,
                size,
                dir,
                font: 0,
                text: 0..0,
                is_space: c == ' ',
            };
            page.push(glyph, &c.to_string());
            step += advance;
        }
    }

    fn line(page: &mut PageGlyphs, x: f32, y: f32, text: &str) {
        paint(page, x, y, 10.0, (1.0, 0.0), text);
    }

    fn new_page() -> PageGlyphs {
        PageGlyphs {
            width: 612.0,
            height: 792.0,
            ..PageGlyphs::default()
        }
    }

    fn lines_of(layout: &PageLayout) -> Vec<String> {
        layout
            .blocks
            .iter()
            .flat_map(|b| b.lines.iter().map(|l| l.text.clone()))
            .collect()
    }

    /// One glyph of `width` at (x, 700), size 10.
    fn glyph_at(page: &mut PageGlyphs, x: f32, width: f32, text: &str) {
        let glyph = Glyph {
            x,
            y: 700.0,
            width,
            spacing: 0.0,
            size: 10.0,
            dir: (1.0, 0.0),
            font: 0,
            text: 0..0,
            is_space: false,
        };
        page.push(glyph, text);
    }

    #[test]
    fn a_space_collapsed_by_negative_word_spacing_splits_no_word() {
        // "(Fr e)Tj" under -1.947 Tw: the space advances 0.2 of 11 points.
        let mut page = new_page();
        glyph_at(&mut page, 100.0, 5.0, "F");
        glyph_at(&mut page, 105.0, 3.0, "r");
        let collapsed = Glyph {
            x: 108.0,
            y: 700.0,
            width: 0.2,
            spacing: -2.5,
            size: 10.0,
            dir: (1.0, 0.0),
            font: 0,
            text: 0..0,
            is_space: true,
        };
        page.push(collapsed, " ");
        glyph_at(&mut page, 108.2, 4.5, "e");
        glyph_at(&mut page, 112.7, 4.5, "e");
        glyph_at(&mut page, 120.0, 5.0, "S");
        assert_eq!(lines_of(&layout_page(&page)), ["Free S"]);
    }

    #[test]
    fn two_smaller_lines_beside_a_large_word_stay_two_lines() {
        // GAO's cover: "GAO" in 36 points beside a recipient block in 20.
        let mut page = new_page();
        paint(&mut page, 33.0, 720.0, 36.0, (1.0, 0.0), "GAO");
        paint(
            &mut page,
            219.0,
            731.0,
            19.92,
            (1.0, 0.0),
            "Report to the Chairman",
        );
        paint(
            &mut page,
            219.0,
            711.0,
            19.92,
            (1.0, 0.0),
            "on Government Management",
        );
        let lines = lines_of(&layout_page(&page));
        assert!(
            lines.iter().any(|l| l.ends_with("Report to the Chairman")),
            "{lines:?}"
        );
        assert!(
            lines.iter().any(|l| l == "on Government Management"),
            "{lines:?}"
        );
    }

    #[test]
    fn big_letter_beside_three_lines_does_not_merge_them() {
        let mut page = new_page();
        paint(&mut page, 100.0, 100.0, 80.0, (1.0, 0.0), "K");
        paint(&mut page, 160.0, 148.0, 20.0, (1.0, 0.0), "first line here");
        paint(
            &mut page,
            160.0,
            121.0,
            20.0,
            (1.0, 0.0),
            "second line here",
        );
        paint(&mut page, 160.0, 94.0, 20.0, (1.0, 0.0), "third line here");
        let lines = lines_of(&layout_page(&page));
        for expected in ["first line here", "second line here", "third line here"] {
            assert!(
                lines.iter().any(|l| l == expected),
                "{expected:?} not a line in {lines:?}"
            );
        }
    }

    #[test]
    fn cjk_stacked_one_em_apart_reads_as_vertical_columns() {
        // Two columns set with a horizontal font, one character per em
        // down the page; the right column comes first.
        let mut page = new_page();
        for (column, text) in [(500.0, "日本語の文章"), (480.0, "縦書きです")] {
            for (i, c) in text.chars().enumerate() {
                let glyph = Glyph {
                    x: column,
                    y: 700.0 - 10.0 * i as f32,
                    width: 10.0,
                    spacing: 0.0,
                    size: 10.0,
                    dir: (1.0, 0.0),
                    font: 0,
                    text: 0..0,
                    is_space: false,
                };
                page.push(glyph, &c.to_string());
            }
        }
        assert_eq!(
            lines_of(&layout_page(&page)),
            ["日本語の文章", "縦書きです"]
        );
        // A column of numbers, one per table row, stays rows.
        let mut page = new_page();
        for (i, n) in ["1", "2", "3", "4", "5"].iter().enumerate() {
            glyph_at(&mut page, 100.0, 5.0, n);
            if let Some(g) = page.glyphs.last_mut() {
                g.y = 700.0 - 14.0 * i as f32;
            }
        }
        assert_eq!(lines_of(&layout_page(&page)), ["1", "2", "3", "4", "5"]);
    }

    #[test]
    fn accent_painted_over_a_letter_joins_it() {
        // TeX style: "Sch", then the diaeresis, then "u" painted under it,
        // then "tze"; and "Pas", "s" with a cedilla painted after it.
        let mut page = new_page();
        for (i, c) in ["S", "c", "h"].iter().enumerate() {
            glyph_at(&mut page, 100.0 + 5.0 * i as f32, 5.0, c);
        }
        glyph_at(&mut page, 115.0, 5.0, "\u{a8}");
        glyph_at(&mut page, 115.0, 5.0, "u");
        for (i, c) in ["t", "z", "e"].iter().enumerate() {
            glyph_at(&mut page, 120.0 + 5.0 * i as f32, 5.0, c);
        }
        let text = &lines_of(&layout_page(&page))[0];
        assert_eq!(text, "Schu\u{308}tze");
        // A caret between letters in code is not an accent.
        let mut page = new_page();
        glyph_at(&mut page, 100.0, 5.0, "a");
        glyph_at(&mut page, 105.0, 5.0, "^");
        glyph_at(&mut page, 110.0, 5.0, "b");
        assert_eq!(lines_of(&layout_page(&page))[0], "a^b");
    }

    #[test]
    fn interleaved_columns_are_read_column_by_column_below_a_title() {
        let mut page = new_page();
        paint(
            &mut page,
            150.0,
            720.0,
            18.0,
            (1.0, 0.0),
            "A Title Across Both Columns",
        );
        let words = [
            "a", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog",
        ];
        let row_text = |row: usize, side: &str| {
            let mut text = format!("{side}{row:02}");
            for k in 0..6 {
                text.push(' ');
                text.push_str(words[(row * 7 + k * 3) % words.len()]);
            }
            text
        };
        // The producer writes the rows of both columns interleaved.
        for row in 0..12 {
            let y = 680.0 - row as f32 * 12.0;
            line(&mut page, 50.0, y, &row_text(row, "L"));
            line(&mut page, 320.0, y, &row_text(row, "R"));
        }
        let lines = lines_of(&layout_page(&page));
        assert_eq!(lines.len(), 25);
        assert_eq!(lines[0], "A Title Across Both Columns");
        for row in 0..12 {
            assert_eq!(lines[1 + row], row_text(row, "L"));
            assert_eq!(lines[13 + row], row_text(row, "R"));
        }
    }

    #[test]
    fn a_one_column_page_keeps_its_lines_even_with_a_wide_gap() {
        let mut page = new_page();
        line(&mut page, 50.0, 700.0, "Name");
        line(&mut page, 200.0, 700.0, "Value");
        line(
            &mut page,
            50.0,
            688.0,
            "a paragraph line that runs across the whole width of the page",
        );
        let lines = lines_of(&layout_page(&page));
        assert_eq!(
            lines,
            vec![
                "Name Value",
                "a paragraph line that runs across the whole width of the page"
            ]
        );
    }

    #[test]
    fn words_come_from_gaps_when_no_space_glyph_is_painted() {
        let mut page = new_page();
        // Each word positioned on its own, as Chromium and TJ arrays do.
        line(&mut page, 50.0, 700.0, "Gaps");
        line(&mut page, 50.0 + 20.0 + 3.0, 700.0, "make");
        line(&mut page, 50.0 + 40.0 + 6.0, 700.0, "words");
        // Kerning (a small negative or positive shift) does not.
        line(&mut page, 50.0, 680.0, "ke");
        line(&mut page, 50.0 + 10.0 + 0.4, 680.0, "rned");
        assert_eq!(
            lines_of(&layout_page(&page)),
            vec!["Gaps make words", "kerned"]
        );
    }

    #[test]
    fn french_narrow_spaces_count_but_letter_spacing_does_not() {
        let mut page = new_page();
        // A gap of 0.13 em: a narrow space before "?", letter spacing
        // before a line-end hyphen.
        line(&mut page, 50.0, 700.0, "2025");
        line(&mut page, 50.0 + 20.0 + 1.3, 700.0, "?");
        line(&mut page, 50.0, 680.0, "ex");
        line(&mut page, 50.0 + 10.0 + 1.3, 680.0, "-");
        assert_eq!(lines_of(&layout_page(&page)), vec!["2025 ?", "ex-"]);
    }

    #[test]
    fn fake_bold_duplicates_are_dropped() {
        let mut page = new_page();
        line(&mut page, 50.0, 700.0, "Bold");
        line(&mut page, 50.4, 700.0, "Bold");
        line(&mut page, 50.0, 700.3, "Bold");
        line(&mut page, 50.0, 680.0, "moon");
        assert_eq!(lines_of(&layout_page(&page)), vec!["Bold", "moon"]);
    }

    #[test]
    fn superscript_marks_join_their_line() {
        let mut page = new_page();
        line(&mut page, 50.0, 700.0, "a claim");
        paint(&mut page, 83.0, 704.0, 6.0, (1.0, 0.0), "1");
        line(&mut page, 50.0, 688.0, "next line");
        assert_eq!(lines_of(&layout_page(&page)), vec!["a claim1", "next line"]);
    }

    #[test]
    fn a_right_to_left_ligature_keeps_its_letters_in_order() {
        // "خلال" painted left to right: the final lam, the lam-alef
        // ligature glyph (its ToUnicode gives lam, alef), then kha.
        let mut visual = String::new();
        for glyph in ["ل", "لا", "خ"] {
            push_glyph_text(&mut visual, glyph);
        }
        assert_eq!(logical_order(visual), "خلال");
        let mut latin = String::new();
        push_glyph_text(&mut latin, "fi");
        assert_eq!(latin, "fi");
    }

    #[test]
    fn right_to_left_text_comes_out_in_logical_order() {
        let mut page = new_page();
        // "שלום עולם" painted left to right in visual order.
        let logical = "שלום עולם";
        let visual: String = logical.chars().rev().collect();
        line(&mut page, 50.0, 700.0, &visual);
        assert_eq!(lines_of(&layout_page(&page)), vec![logical]);
    }

    #[test]
    fn vertical_columns_read_right_to_left() {
        let mut page = new_page();
        paint(&mut page, 500.0, 700.0, 10.0, (0.0, -1.0), "縦書きの");
        paint(&mut page, 485.0, 700.0, 10.0, (0.0, -1.0), "文章です");
        assert_eq!(lines_of(&layout_page(&page)), vec!["縦書きの", "文章です"]);
    }

    #[test]
    fn rotated_margin_text_follows_the_body() {
        let mut page = new_page();
        paint(&mut page, 20.0, 300.0, 8.0, (0.0, 1.0), "arXiv stamp");
        line(&mut page, 50.0, 700.0, "body text first");
        line(&mut page, 50.0, 688.0, "and more body text");
        let lines = lines_of(&layout_page(&page));
        assert_eq!(
            lines,
            vec!["body text first", "and more body text", "arXiv stamp"]
        );
    }

    #[test]
    fn paragraphs_split_at_spacing_and_size_changes() {
        let mut page = new_page();
        paint(&mut page, 50.0, 720.0, 14.0, (1.0, 0.0), "Heading");
        line(&mut page, 50.0, 700.0, "first paragraph line one");
        line(&mut page, 50.0, 688.0, "first paragraph line two");
        line(&mut page, 50.0, 660.0, "second paragraph");
        let layout = layout_page(&page);
        let blocks: Vec<usize> = layout.blocks.iter().map(|b| b.lines.len()).collect();
        assert_eq!(blocks, vec![1, 2, 1]);
        let first = &layout.blocks[1].lines[0];
        assert!(first.y0 < 700.0 && first.y1 > 700.0 && first.x0 == 50.0);
    }

    #[test]
    fn hostile_geometry_does_not_panic() {
        let mut page = new_page();
        for (x, y, size) in [
            (f32::NAN, 1.0, 10.0),
            (1.0, f32::INFINITY, 10.0),
            (5.0, 5.0, 0.0),
        ] {
            let glyph = Glyph {
                x,
                y,
                width: -3.0,
                spacing: 0.0,
                size,
                dir: (0.0, 0.0),
                font: 0,
                text: 0..0,
                is_space: false,
            };
            page.push(glyph, "x");
        }
        let mut broken = page.glyphs[0].clone();
        broken.text = 1000..2000;
        broken.x = 3.0;
        broken.dir = (1.0, 0.0);
        page.glyphs.push(broken);
        let _ = layout_page(&page);
    }
}
