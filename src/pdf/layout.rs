//! Layout: positioned glyphs become words, words become lines, lines become
//! blocks (paragraph-sized), and blocks are put in reading order. Each unit
//! is a type with its own small step, as in poppler's TextOutputDev; reading
//! order works on blocks, never on raw glyphs, so it holds even when a
//! producer writes two columns interleaved.
//!
//! Geometry is computed in a *line frame* per writing direction: `u` runs
//! along the baseline, `v` across it, growing towards the previous line.
//! For horizontal text that is plain (x, y); for vertical CJK text columns
//! read right to left, so larger x comes first.

use crate::pdf::glyph::{Glyph, PageGlyphs};
use std::collections::HashSet;

/// A word: glyphs with no gap between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    /// Extent along the baseline, in the line frame.
    pub u0: f32,
    pub u1: f32,
    pub size: f32,
}

/// A line of text: words on one baseline, in logical order.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub words: Vec<Word>,
    /// Bounding box in page space (points, y up).
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    /// Font size of most of the line's glyphs.
    pub size: f32,
    /// Font of the line's first glyph (index into `PageGlyphs::fonts`).
    pub font: u16,
    /// Line-frame coordinates: extent along the baseline, and the baseline.
    pub u0: f32,
    pub u1: f32,
    pub v: f32,
}

/// A block: consecutive lines of one paragraph, heading or caption.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub lines: Vec<Line>,
    /// Bounding box in page space.
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

/// A laid-out page: blocks in reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageLayout {
    pub width: f32,
    pub height: f32,
    pub blocks: Vec<Block>,
}

impl PageLayout {
    /// All lines in reading order.
    pub fn lines(&self) -> impl Iterator<Item = &Line> {
        self.blocks.iter().flat_map(|b| b.lines.iter())
    }
}

/// Lay out one page.
pub fn layout_page(page: &PageGlyphs) -> PageLayout {
    let mut by_direction: Vec<((i8, i8), Vec<&Glyph>)> = Vec::new();
    for glyph in unique_glyphs(page) {
        let key = direction_key(glyph.dir);
        match by_direction.iter_mut().find(|(k, _)| *k == key) {
            Some((_, glyphs)) => glyphs.push(glyph),
            None => by_direction.push((key, vec![glyph])),
        }
    }
    // The direction with most glyphs is the page's main text; others
    // (rotated captions, margin notes) follow it.
    by_direction.sort_by_key(|(_, glyphs)| std::cmp::Reverse(glyphs.len()));
    let mut blocks = Vec::new();
    for (_, glyphs) in by_direction {
        let frame = Frame::of(glyphs[0].dir);
        let lines = build_lines(page, &glyphs, frame);
        let found = build_blocks(lines);
        blocks.extend(reading_order(found, frame));
    }
    PageLayout {
        width: page.width,
        height: page.height,
        blocks,
    }
}

/// Directions quantised to a grid, so glyphs of one baseline group together.
fn direction_key(dir: (f32, f32)) -> (i8, i8) {
    ((dir.0 * 8.0).round() as i8, (dir.1 * 8.0).round() as i8)
}

/// Drop glyphs drawn twice at (almost) the same place: "fake bold" draws
/// every glyph two or three times with a small offset.
fn unique_glyphs(page: &PageGlyphs) -> Vec<&Glyph> {
    // Keyed by text, position in cells of a quarter em, and the cell size,
    // so glyphs of different sizes never collide.
    let mut seen: HashSet<(&str, i32, i32, i32)> = HashSet::new();
    let mut out = Vec::with_capacity(page.glyphs.len());
    for glyph in &page.glyphs {
        let text = page.glyph_text(glyph);
        if text.is_empty() {
            continue;
        }
        let blank = text.trim().is_empty();
        if blank && !glyph.is_space {
            continue;
        }
        let cell = (glyph.size * 0.25).max(0.5);
        let key = (
            text,
            (glyph.x / cell).round() as i32,
            (glyph.y / cell).round() as i32,
            (cell * 8.0).round() as i32,
        );
        if !blank && !seen.insert(key) {
            continue;
        }
        out.push(glyph);
    }
    out
}

/// The line frame of a writing direction.
#[derive(Debug, Clone, Copy)]
struct Frame {
    dx: f32,
    dy: f32,
}

impl Frame {
    fn of(dir: (f32, f32)) -> Frame {
        let len = (dir.0 * dir.0 + dir.1 * dir.1).sqrt();
        if len < 1e-6 {
            Frame { dx: 1.0, dy: 0.0 }
        } else {
            Frame {
                dx: dir.0 / len,
                dy: dir.1 / len,
            }
        }
    }

    /// Position along the baseline.
    fn u(&self, x: f32, y: f32) -> f32 {
        x * self.dx + y * self.dy
    }

    /// Position across the baseline; larger comes first in reading order.
    fn v(&self, x: f32, y: f32) -> f32 {
        y * self.dx - x * self.dy
    }

    /// Back to page space from (u, v).
    fn to_page(self, u: f32, v: f32) -> (f32, f32) {
        (u * self.dx - v * self.dy, u * self.dy + v * self.dx)
    }
}

/// A glyph seen in the line frame.
struct Placed<'a> {
    glyph: &'a Glyph,
    text: &'a str,
    u0: f32,
    /// End of the glyph's own advance, without Tc/Tw spacing.
    u1: f32,
    v: f32,
}

/// Group glyphs into lines: baselines clustered within a fraction of the
/// font size, split where a gap is too wide to be a word space (a column
/// gutter), then split into words.
fn build_lines(page: &PageGlyphs, glyphs: &[&Glyph], frame: Frame) -> Vec<Line> {
    let mut placed: Vec<Placed> = glyphs
        .iter()
        .map(|g| {
            let u0 = frame.u(g.x, g.y);
            let own = (g.width - g.spacing).max(0.0);
            Placed {
                glyph: g,
                text: page.glyph_text(g),
                u0,
                u1: u0 + own,
                v: frame.v(g.x, g.y),
            }
        })
        .collect();
    placed.sort_by(|a, b| b.v.total_cmp(&a.v).then(a.u0.total_cmp(&b.u0)));

    // Rows: runs of glyphs whose baselines are close.
    let mut rows: Vec<Vec<Placed>> = Vec::new();
    let mut current: Vec<Placed> = Vec::new();
    let mut row_v = f32::NAN;
    let mut row_size = 0.0f32;
    for p in placed {
        let tolerance = 0.4 * row_size.max(p.glyph.size).max(1.0);
        if current.is_empty() || (row_v - p.v).abs() <= tolerance {
            if current.is_empty() {
                row_v = p.v;
            }
            row_size = row_size.max(p.glyph.size);
            current.push(p);
        } else {
            rows.push(std::mem::take(&mut current));
            row_v = p.v;
            row_size = p.glyph.size;
            current.push(p);
        }
    }
    if !current.is_empty() {
        rows.push(current);
    }

    for row in &mut rows {
        row.sort_by(|a, b| a.u0.total_cmp(&b.u0));
    }
    let rivers = Rivers::find(&rows);
    let mut lines = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let mut start = 0;
        for i in 1..=row.len() {
            let split = i == row.len() || {
                let prev = &row[i - 1];
                let size = prev.glyph.size.max(row[i].glyph.size).max(1.0);
                let gap = row[i].u0 - prev.u1;
                gap > GUTTER_EM * size
                    || (gap > WORD_GAP_EM * size && rivers.crosses(r, prev.u1, row[i].u0))
            };
            if split {
                if let Some(line) = make_line(&row[start..i], frame) {
                    lines.push(line);
                }
                start = i;
            }
        }
    }
    lines
}

/// Whitespace rivers: vertical bands of white that run through the gaps of
/// several consecutive rows. A column gutter is one, however narrow; word
/// spaces rarely line up over so many rows. Rows are split where a river
/// passes through their gap, so two columns set on a shared baseline grid
/// never merge into one line.
struct Rivers {
    origin: f32,
    bin: f32,
    /// Per row: the bins a river passes through.
    by_row: Vec<Vec<bool>>,
}

/// Rows a river must run through.
const RIVER_ROWS: usize = 4;
/// Gaps narrower than this (in ems) are not part of a river.
const RIVER_GAP_EM: f32 = 0.6;
/// A river must be at least this wide (in ems) in every row.
const RIVER_WIDTH_EM: f32 = 0.3;

impl Rivers {
    fn find(rows: &[Vec<Placed>]) -> Rivers {
        let u0 = rows
            .iter()
            .flatten()
            .map(|p| p.u0)
            .fold(f32::INFINITY, f32::min);
        let u1 = rows
            .iter()
            .flatten()
            .map(|p| p.u1)
            .fold(f32::NEG_INFINITY, f32::max);
        let span = (u1 - u0).max(1.0);
        let bin = (span / 2000.0).max(1.0);
        let bins = (span / bin).ceil() as usize + 1;
        if !span.is_finite() || rows.len() < RIVER_ROWS {
            return Rivers {
                origin: 0.0,
                bin: 1.0,
                by_row: vec![Vec::new(); rows.len()],
            };
        }
        // Per row and bin: Some(true) inside a wide gap, Some(false) inked
        // or in a narrow gap, None outside the row's extent.
        const GAP: u8 = 1;
        const INK: u8 = 2;
        let index = |u: f32| (((u - u0) / bin).max(0.0) as usize).min(bins - 1);
        let mut state = vec![vec![0u8; bins]; rows.len()];
        for (r, row) in rows.iter().enumerate() {
            let (Some(first), Some(last)) = (row.first(), row.last()) else {
                continue;
            };
            let (from, to) = (index(first.u0), index(last.u1.max(last.u0)));
            if let Some(cells) = state[r].get_mut(from..=to) {
                cells.fill(INK);
            }
            for pair in row.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                let size = a.glyph.size.max(b.glyph.size).max(1.0);
                let gap = b.u0 - a.u1;
                if gap >= RIVER_GAP_EM * size && gap >= RIVER_WIDTH_EM * size {
                    let (from, to) = (index(a.u1) + 1, index(b.u0));
                    for cell in state[r].iter_mut().take(to).skip(from) {
                        *cell = GAP;
                    }
                }
            }
        }
        let mut by_row = vec![vec![false; bins]; rows.len()];
        for b in 0..bins {
            // Runs of rows with a gap at this bin; rows not reaching the bin
            // neither break nor extend a run.
            let mut run: Vec<usize> = Vec::new();
            let close = |run: &mut Vec<usize>, by_row: &mut Vec<Vec<bool>>| {
                if run.len() >= RIVER_ROWS {
                    for &r in run.iter() {
                        by_row[r][b] = true;
                    }
                }
                run.clear();
            };
            for (r, row_state) in state.iter().enumerate() {
                match row_state[b] {
                    GAP => run.push(r),
                    INK => close(&mut run, &mut by_row),
                    _ => {}
                }
            }
            close(&mut run, &mut by_row);
        }
        Rivers {
            origin: u0,
            bin,
            by_row,
        }
    }

    /// Whether a river passes through the gap from `a` to `b` in row `r`.
    fn crosses(&self, r: usize, a: f32, b: f32) -> bool {
        let Some(bins) = self.by_row.get(r) else {
            return false;
        };
        let from = ((a - self.origin) / self.bin).max(0.0) as usize;
        let to = (((b - self.origin) / self.bin).max(0.0) as usize).min(bins.len());
        (from..to).any(|i| bins[i])
    }
}

/// A gap wider than this many ems is not a word space but a gutter or a
/// tab stop: the text on either side belongs to different lines.
const GUTTER_EM: f32 = 1.6;
/// A gap wider than this many ems separates words.
const WORD_GAP_EM: f32 = 0.15;

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x2FFF | 0x3000..=0x30FF | 0x3100..=0x31FF | 0x3200..=0x9FFF
        | 0xA960..=0xA97F | 0xAC00..=0xD7FF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Build one line from glyphs sorted along the baseline.
fn make_line(glyphs: &[Placed], frame: Frame) -> Option<Line> {
    let mut words: Vec<Word> = Vec::new();
    let mut word = String::new();
    let mut word_u0 = 0.0;
    let mut word_u1 = 0.0f32;
    let mut word_size = 0.0f32;
    let flush = |word: &mut String, u0: f32, u1: f32, size: f32, words: &mut Vec<Word>| {
        if !word.trim().is_empty() {
            words.push(Word {
                text: word.trim().to_string(),
                u0,
                u1,
                size,
            });
        }
        word.clear();
    };
    for (i, p) in glyphs.iter().enumerate() {
        // Code 32 is not always a space: subset fonts reuse it for any
        // glyph (a Cyrillic letter, say). The text decides.
        if p.text.trim().is_empty() {
            flush(&mut word, word_u0, word_u1, word_size, &mut words);
            continue;
        }
        if i > 0 && !word.is_empty() {
            let gap = p.u0 - word_u1;
            if gap > WORD_GAP_EM * p.glyph.size.max(word_size) {
                flush(&mut word, word_u0, word_u1, word_size, &mut words);
            }
        }
        if word.is_empty() {
            word_u0 = p.u0;
            word_size = 0.0;
        }
        word.push_str(p.text);
        word_u1 = word_u1.max(p.u1).max(p.u0);
        if word.len() == p.text.len() {
            word_u1 = p.u1;
        }
        word_size = word_size.max(p.glyph.size);
    }
    flush(&mut word, word_u0, word_u1, word_size, &mut words);
    if words.is_empty() {
        return None;
    }
    let words = logical_order(words);
    let text = join_words(&words);
    let v = glyphs.iter().map(|p| p.v).fold(f32::NEG_INFINITY, f32::max);
    let size = dominant_size(glyphs);
    let u0 = glyphs.iter().map(|p| p.u0).fold(f32::INFINITY, f32::min);
    let u1 = glyphs
        .iter()
        .map(|p| p.u1.max(p.u0))
        .fold(f32::NEG_INFINITY, f32::max);
    // Box: from the descender to the ascender, in the line frame.
    let corners = [
        frame.to_page(u0, v - 0.25 * size),
        frame.to_page(u1, v - 0.25 * size),
        frame.to_page(u0, v + 0.8 * size),
        frame.to_page(u1, v + 0.8 * size),
    ];
    Some(Line {
        text,
        words,
        x0: corners.iter().map(|c| c.0).fold(f32::INFINITY, f32::min),
        y0: corners.iter().map(|c| c.1).fold(f32::INFINITY, f32::min),
        x1: corners
            .iter()
            .map(|c| c.0)
            .fold(f32::NEG_INFINITY, f32::max),
        y1: corners
            .iter()
            .map(|c| c.1)
            .fold(f32::NEG_INFINITY, f32::max),
        size,
        font: glyphs.first().map_or(0, |p| p.glyph.font),
        u0,
        u1,
        v,
    })
}

/// The size most of the line's glyphs are set in.
fn dominant_size(glyphs: &[Placed]) -> f32 {
    let mut counts: Vec<(f32, usize)> = Vec::new();
    for p in glyphs {
        let size = (p.glyph.size * 4.0).round() / 4.0;
        match counts.iter_mut().find(|(s, _)| *s == size) {
            Some(c) => c.1 += 1,
            None => counts.push((size, 1)),
        }
    }
    counts.into_iter().max_by_key(|c| c.1).map_or(0.0, |c| c.0)
}

/// Words joined by spaces, except between CJK characters, which are
/// written without spaces.
fn join_words(words: &[Word]) -> String {
    let mut text = String::new();
    for word in words {
        let joins_cjk =
            text.chars().last().is_some_and(is_cjk) && word.text.chars().next().is_some_and(is_cjk);
        if !text.is_empty() && !joins_cjk {
            text.push(' ');
        }
        text.push_str(&word.text);
    }
    text
}

fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Glyphs are placed in visual order; right-to-left text is stored in
/// logical order. For a line that is mostly right-to-left: reverse the
/// order of direction runs, the order of words in right-to-left runs, and
/// the characters of right-to-left words; left-to-right runs (numbers,
/// Latin names) keep their order.
fn logical_order(words: Vec<Word>) -> Vec<Word> {
    let rtl_letters: usize = words
        .iter()
        .map(|w| w.text.chars().filter(|&c| is_rtl(c)).count())
        .sum();
    let letters: usize = words
        .iter()
        .map(|w| w.text.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    if rtl_letters == 0 || rtl_letters * 2 < letters {
        return words;
    }
    let mut runs: Vec<(bool, Vec<Word>)> = Vec::new();
    for mut word in words {
        let rtl = word.text.chars().any(is_rtl) || !word.text.chars().any(|c| c.is_alphanumeric());
        if rtl {
            word.text = word.text.chars().rev().map(mirror).collect();
        }
        match runs.last_mut() {
            Some((dir, run)) if *dir == rtl => run.push(word),
            _ => runs.push((rtl, vec![word])),
        }
    }
    runs.reverse();
    runs.into_iter()
        .flat_map(|(rtl, mut run)| {
            if rtl {
                run.reverse();
            }
            run
        })
        .collect()
}

/// Brackets drawn mirrored in right-to-left text.
fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        other => other,
    }
}

/// Group lines (sorted top to bottom) into blocks: a line joins the block
/// right above it when it is close below it, overlaps it horizontally and
/// has a similar size; a first-line indent or a clearly larger gap starts a
/// new block.
fn build_blocks(mut lines: Vec<Line>) -> Vec<Block> {
    lines.sort_by(|a, b| b.v.total_cmp(&a.v).then(a.u0.total_cmp(&b.u0)));
    let mut blocks: Vec<Vec<Line>> = Vec::new();
    for line in lines {
        let target = blocks.iter().rposition(|block| {
            let last = &block[block.len() - 1];
            continues_block(block, last, &line)
        });
        match target {
            Some(index) => blocks[index].push(line),
            None => blocks.push(vec![line]),
        }
    }
    blocks.into_iter().map(block_of).collect()
}

fn continues_block(block: &[Line], last: &Line, line: &Line) -> bool {
    let size = last.size.max(line.size).max(1.0);
    let drop = last.v - line.v;
    if drop <= 0.1 * size {
        return false;
    }
    // Line spacing of the block so far, or a normal one.
    let spacing = if block.len() >= 2 {
        block[block.len() - 2].v - last.v
    } else {
        1.25 * last.size
    };
    let similar_size = (line.size - last.size).abs() <= 0.15 * size;
    let close = drop <= spacing.max(0.9 * size) * 1.3 && drop <= 2.2 * size;
    let overlap = line.u0 < last.u1 && last.u0 < line.u1;
    if !(similar_size && close && overlap) {
        return false;
    }
    // A first-line indent starts a paragraph: the line starts well right of
    // the block's left edge while the previous line started at it.
    let left = block.iter().map(|l| l.u0).fold(f32::INFINITY, f32::min);
    let indented =
        line.u0 - left > 0.8 * size && (last.u0 - left).abs() < 0.3 * size && block.len() >= 2;
    // A short last line ended the paragraph before.
    let right = block.iter().map(|l| l.u1).fold(f32::NEG_INFINITY, f32::max);
    let ended = block.len() >= 2
        && right - last.u1 > 0.25 * (right - left)
        && last.text.ends_with(['.', ':', '!', '?']);
    !(indented || ended)
}

fn block_of(lines: Vec<Line>) -> Block {
    Block {
        x0: lines.iter().map(|l| l.x0).fold(f32::INFINITY, f32::min),
        y0: lines.iter().map(|l| l.y0).fold(f32::INFINITY, f32::min),
        x1: lines.iter().map(|l| l.x1).fold(f32::NEG_INFINITY, f32::max),
        y1: lines.iter().map(|l| l.y1).fold(f32::NEG_INFINITY, f32::max),
        lines,
    }
}

/// A block's extent in the line frame: (u0, u1) along, (v0, v1) across
/// with v1 the top (first) edge.
#[derive(Debug, Clone, Copy)]
struct Extent {
    u0: f32,
    u1: f32,
    v0: f32,
    v1: f32,
}

fn extent(block: &Block) -> Extent {
    let mut e = Extent {
        u0: f32::INFINITY,
        u1: f32::NEG_INFINITY,
        v0: f32::INFINITY,
        v1: f32::NEG_INFINITY,
    };
    for line in &block.lines {
        e.u0 = e.u0.min(line.u0);
        e.u1 = e.u1.max(line.u1);
        e.v0 = e.v0.min(line.v - 0.25 * line.size);
        e.v1 = e.v1.max(line.v + 0.8 * line.size);
    }
    e
}

/// Put blocks in reading order by recursive cuts: columns first (a gutter
/// no block crosses); else the blocks that cross the gutter of the column
/// blocks (titles, full-width paragraphs, centred page numbers) separate
/// the page into regions read top to bottom; else horizontal bands.
fn reading_order(blocks: Vec<Block>, frame: Frame) -> Vec<Block> {
    let items: Vec<(Extent, Block)> = blocks.into_iter().map(|b| (extent(&b), b)).collect();
    let mut out = Vec::with_capacity(items.len());
    order_into(items, &mut out, 0);
    let _ = frame;
    out
}

const MAX_CUT_DEPTH: u32 = 64;

fn order_into(mut items: Vec<(Extent, Block)>, out: &mut Vec<Block>, depth: u32) {
    if items.len() <= 1 || depth > MAX_CUT_DEPTH {
        sort_top_down(&mut items);
        out.extend(items.into_iter().map(|(_, b)| b));
        return;
    }
    let body = median_size(&items);
    let all: Vec<usize> = (0..items.len()).collect();
    if let Some(cut) = column_gutter(&items, &all, body) {
        let (left, right): (Vec<_>, Vec<_>) = items.into_iter().partition(|(e, _)| e.u1 <= cut);
        order_into(left, out, depth + 1);
        order_into(right, out, depth + 1);
        return;
    }
    if let Some(regions) = split_at_separators(&mut items, body) {
        for region in regions {
            order_into(region, out, depth + 1);
        }
        return;
    }
    let bands = horizontal_bands(items);
    if bands.len() <= 1 {
        let mut items: Vec<(Extent, Block)> = bands.into_iter().flatten().collect();
        sort_top_down(&mut items);
        out.extend(items.into_iter().map(|(_, b)| b));
        return;
    }
    for band in bands {
        order_into(band, out, depth + 1);
    }
}

fn sort_top_down(items: &mut [(Extent, Block)]) {
    items.sort_by(|a, b| b.0.v1.total_cmp(&a.0.v1).then(a.0.u0.total_cmp(&b.0.u0)));
}

fn median_size(items: &[(Extent, Block)]) -> f32 {
    let mut sizes: Vec<f32> = items
        .iter()
        .flat_map(|(_, b)| b.lines.iter().map(|l| l.size))
        .collect();
    sizes.sort_by(f32::total_cmp);
    sizes.get(sizes.len() / 2).copied().unwrap_or(10.0).max(1.0)
}

/// The widest gap along the baseline that none of the blocks `among`
/// crosses, when it is wide enough to be a gutter.
fn column_gutter(items: &[(Extent, Block)], among: &[usize], body: f32) -> Option<f32> {
    let mut spans: Vec<(f32, f32)> = among
        .iter()
        .map(|&i| (items[i].0.u0, items[i].0.u1))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (&(_, first_end), rest) = spans.split_first()?;
    let mut best: Option<(f32, f32)> = None;
    let mut reach = first_end;
    for &(start, end) in rest {
        if start > reach {
            let gap = start - reach;
            if best.is_none_or(|(g, _)| gap > g) {
                best = Some((gap, reach));
            }
        }
        reach = reach.max(end);
    }
    best.filter(|&(gap, _)| gap >= 0.5 * body)
        .map(|(gap, at)| at + gap / 2.0)
}

/// When the narrower blocks have a gutter that some blocks cross, those
/// crossing blocks separate regions: each region (the blocks between two
/// separators) is read, then the separator below it.
fn split_at_separators(
    items: &mut Vec<(Extent, Block)>,
    body: f32,
) -> Option<Vec<Vec<(Extent, Block)>>> {
    let u0 = items
        .iter()
        .map(|(e, _)| e.u0)
        .fold(f32::INFINITY, f32::min);
    let u1 = items
        .iter()
        .map(|(e, _)| e.u1)
        .fold(f32::NEG_INFINITY, f32::max);
    let width = (u1 - u0).max(1.0);
    let narrow: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].0.u1 - items[i].0.u0 < 0.6 * width)
        .collect();
    if narrow.len() < 2 {
        return None;
    }
    let cut = column_gutter(items, &narrow, body)?;
    let crosses = |e: &Extent| e.u0 < cut && e.u1 > cut;
    if items.iter().all(|(e, _)| crosses(e)) || !items.iter().any(|(e, _)| crosses(e)) {
        return None;
    }
    sort_top_down(items);
    let mut regions: Vec<Vec<(Extent, Block)>> = vec![Vec::new()];
    let mut separators: Vec<f32> = Vec::new();
    let mut pending: Vec<(Extent, Block)> = Vec::new();
    for item in std::mem::take(items) {
        if crosses(&item.0) {
            separators.push(item.0.v1);
            pending.push(item);
        } else {
            pending.push(item);
        }
    }
    // Assign each block to the region above the first separator whose top
    // is below the block's top; separators close their region.
    separators.clear();
    for item in pending {
        if crosses(&item.0) {
            regions.push(vec![item]);
            regions.push(Vec::new());
        } else if let Some(region) = regions.last_mut() {
            region.push(item);
        }
    }
    regions.retain(|r| !r.is_empty());
    (regions.len() > 1).then_some(regions)
}

/// Split into bands at every vertical gap no block spans.
fn horizontal_bands(mut items: Vec<(Extent, Block)>) -> Vec<Vec<(Extent, Block)>> {
    items.sort_by(|a, b| b.0.v1.total_cmp(&a.0.v1));
    let mut bands: Vec<(f32, Vec<(Extent, Block)>)> = Vec::new(); // (bottom, items)
    for item in items {
        match bands.last_mut() {
            Some((bottom, band)) if item.0.v1 > *bottom => {
                *bottom = bottom.min(item.0.v0);
                band.push(item);
            }
            _ => {
                let bottom = item.0.v0;
                bands.push((bottom, vec![item]));
            }
        }
    }
    bands.into_iter().map(|(_, band)| band).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page built from (text, x, y, size) runs of monospaced glyphs.
    fn page(runs: &[(&str, f32, f32, f32)]) -> PageGlyphs {
        let mut page = PageGlyphs {
            width: 612.0,
            height: 792.0,
            ..PageGlyphs::default()
        };
        for &(text, x, y, size) in runs {
            let advance = 0.5 * size;
            for (i, c) in text.chars().enumerate() {
                let glyph = Glyph {
                    x: x + i as f32 * advance,
                    y,
                    width: advance,
                    size,
                    dir: (1.0, 0.0),
                    font: 0,
                    text: 0..0,
                    is_space: c == ' ',
                    spacing: 0.0,
                };
                page.push(glyph, &c.to_string());
            }
        }
        page
    }

    fn texts(layout: &PageLayout) -> Vec<String> {
        layout
            .blocks
            .iter()
            .map(|b| {
                b.lines
                    .iter()
                    .map(|l| l.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" / ")
            })
            .collect()
    }

    #[test]
    fn words_from_gaps_without_space_glyphs() {
        let mut p = page(&[("Hello", 72.0, 700.0, 10.0)]);
        let more = page(&[("world", 72.0 + 5.0 * 5.0 + 3.0, 700.0, 10.0)]);
        for g in &more.glyphs {
            let text = more.glyph_text(g).to_string();
            p.push(g.clone(), &text);
        }
        let layout = layout_page(&p);
        assert_eq!(texts(&layout), ["Hello world"]);
    }

    #[test]
    fn two_interleaved_columns_read_column_by_column() {
        // The producer writes left and right lines alternately.
        let mut runs = vec![("A Title Across The Page", 150.0, 740.0, 18.0)];
        let left = [
            "left one of the first column",
            "left two of the first column",
            "left three of the column",
            "left four",
        ];
        let right = [
            "right one of the second one",
            "right two of the second one",
            "right three of the column",
            "right four",
        ];
        for i in 0..4 {
            let y = 700.0 - 12.0 * i as f32;
            runs.push((left[i], 72.0, y, 10.0));
            runs.push((right[i], 320.0, y, 10.0));
        }
        let layout = layout_page(&page(&runs));
        let order: Vec<String> = layout.lines().map(|l| l.text.clone()).collect();
        assert_eq!(
            order,
            [
                "A Title Across The Page",
                "left one of the first column",
                "left two of the first column",
                "left three of the column",
                "left four",
                "right one of the second one",
                "right two of the second one",
                "right three of the column",
                "right four"
            ]
        );
    }

    #[test]
    fn aligned_paragraph_breaks_do_not_cut_columns_into_rows() {
        let mut runs = Vec::new();
        for (i, y) in [700.0, 688.0, 650.0, 638.0].into_iter().enumerate() {
            runs.push((["L1a", "L1b", "L2a", "L2b"][i], 72.0, y, 10.0));
            runs.push((["R1a", "R1b", "R2a", "R2b"][i], 320.0, y, 10.0));
        }
        let layout = layout_page(&page(&runs));
        let order: Vec<String> = layout.lines().map(|l| l.text.clone()).collect();
        assert_eq!(
            order,
            ["L1a", "L1b", "L2a", "L2b", "R1a", "R1b", "R2a", "R2b"]
        );
    }

    #[test]
    fn fake_bold_duplicates_are_dropped() {
        let p = page(&[("Bold", 72.0, 700.0, 10.0), ("Bold", 72.3, 700.0, 10.0)]);
        assert_eq!(texts(&layout_page(&p)), ["Bold"]);
    }

    #[test]
    fn superscript_joins_its_line() {
        let p = page(&[
            ("Growth", 72.0, 700.0, 10.0),
            ("3", 102.0, 703.5, 6.0),
            ("Next line here", 72.0, 688.0, 10.0),
        ]);
        let layout = layout_page(&p);
        assert_eq!(
            layout.lines().next().map(|l| l.text.as_str()),
            Some("Growth3")
        );
    }

    #[test]
    fn rtl_line_in_logical_order() {
        // "שלום עולם" drawn left to right as it appears: "םלוע םולש".
        let p = page(&[("םלוע םולש", 72.0, 700.0, 10.0)]);
        assert_eq!(texts(&layout_page(&p)), ["שלום עולם"]);
    }

    #[test]
    fn vertical_text_reads_right_column_first() {
        let mut p = PageGlyphs {
            width: 600.0,
            height: 800.0,
            ..PageGlyphs::default()
        };
        for (column, x) in [("一二三", 500.0), ("四五六", 480.0)] {
            for (i, c) in column.chars().enumerate() {
                let glyph = Glyph {
                    x,
                    y: 700.0 - 12.0 * i as f32,
                    width: 12.0,
                    size: 12.0,
                    dir: (0.0, -1.0),
                    font: 0,
                    text: 0..0,
                    is_space: false,
                    spacing: 0.0,
                };
                p.push(glyph, &c.to_string());
            }
        }
        let order: Vec<String> = layout_page(&p).lines().map(|l| l.text.clone()).collect();
        assert_eq!(order, ["一二三", "四五六"]);
    }

    #[test]
    fn indented_line_starts_a_new_block() {
        let p = page(&[
            ("First paragraph line one is long", 72.0, 700.0, 10.0),
            ("and its second line is long too", 72.0, 688.0, 10.0),
            ("Second paragraph starts here", 84.0, 676.0, 10.0),
        ]);
        assert_eq!(layout_page(&p).blocks.len(), 2);
    }
}
