//! Positioned glyphs: what the content-stream interpreter hands to layout.
//!
//! The interpreter (`content.rs`) knows fonts and matrices but nothing about
//! words or columns; layout (`layout.rs`) knows geometry but nothing about
//! fonts. This file is the whole contract between them.

use std::ops::Range;

/// One glyph painted on a page.
///
/// Coordinates are in page space, in points, with the origin at the lower-left
/// corner of the page's visible box and y growing upwards, *after* the page's
/// `/Rotate` has been applied, so "up" is up as a reader sees the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Start of the baseline (the glyph origin).
    pub x: f32,
    pub y: f32,
    /// Advance along the baseline, in page space (always >= 0).
    pub width: f32,
    /// Font size in page space: the height of one em after all matrices.
    pub size: f32,
    /// Direction of the baseline as a unit vector (1, 0) for horizontal
    /// left-to-right text; (0, -1) for vertical writing.
    pub dir: (f32, f32),
    /// Index of the font in the page's font table (`PageGlyphs::fonts`).
    pub font: u16,
    /// The Unicode text of this glyph: a range into `PageGlyphs::text`.
    /// Empty when nothing could map the glyph (counted in `unmapped`).
    pub text: Range<u32>,
    /// The glyph came from a byte the font maps to U+0020 (word spacing
    /// applies to it); layout may use it as a word boundary.
    pub is_space: bool,
    /// The part of `width` that character and word spacing (Tc, Tw) added,
    /// in page space; negative for tightened text. `width - spacing` is the
    /// glyph's own advance: the gap after it shows a word break even when a
    /// producer made the break with character spacing alone (Ghostscript
    /// justifies lines that way).
    pub spacing: f32,
}

/// Information layout and metadata heuristics may use about a font.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FontInfo {
    /// The /BaseFont name without a subset prefix ("ABCDEF+").
    pub name: String,
    pub bold: bool,
    pub italic: bool,
    /// The font dictionary's object, when it was referenced (not inline):
    /// lets `bindery inspect` tell fonts of the same name apart.
    pub object: Option<lopdf::ObjectId>,
}

/// Words a font name adds to its family for the weight, the style or the
/// foundry's packaging ("Arial-BoldMT", "MinionPro-It", "Roboto Light").
const FACE_WORDS: &[&str] = &[
    "bold",
    "italic",
    "oblique",
    "regular",
    "roman",
    "light",
    "medium",
    "semibold",
    "demibold",
    "demi",
    "black",
    "heavy",
    "thin",
    "book",
    "extralight",
    "ultralight",
    "extrabold",
    "normal",
    "it",
    "mt",
    "ps",
    "psmt",
    "std",
    "pro",
    "lt",
    "cond",
    "condensed",
];

impl FontInfo {
    /// The typeface's family, lower case, without its weight or style
    /// ("Arial-BoldMT" and "ArialMT" are both "arial"; "Roboto-Light" and
    /// "Roboto-Bold" both "roboto"): a title's subtitle is set in the same
    /// family, a standfirst often in another.
    pub fn family(&self) -> String {
        let lower = self.name.to_ascii_lowercase();
        let mut family = lower
            .split([',', '-', '+', ' ', '_'])
            .find(|part| !part.is_empty())
            .unwrap_or("")
            .to_string();
        // Suffixes glued on ("TimesNewRomanPSMT", "CalibriLight").
        while let Some(word) = FACE_WORDS
            .iter()
            .find(|w| family.len() > w.len() + 2 && family.ends_with(*w))
        {
            family.truncate(family.len() - word.len());
        }
        // TeX names the design size and the style ("CMR17", "CMBX12",
        // "LMRoman12", "SFRM1728"): all one family.
        let sized = family.trim_end_matches(|c: char| c.is_ascii_digit());
        let tex = sized.len() <= 5
            && ["cm", "sf", "ec", "tc"]
                .iter()
                .any(|p| sized.starts_with(p))
            && sized.chars().all(|c| c.is_ascii_lowercase());
        if tex {
            "tex-cm".to_string()
        } else if sized.len() >= 2 {
            sized.to_string()
        } else {
            family
        }
    }
}

/// Everything the interpreter found on one page.
#[derive(Debug, Clone, Default)]
pub struct PageGlyphs {
    /// Page size in points after rotation (width, height).
    pub width: f32,
    pub height: f32,
    /// The glyphs in content-stream order.
    pub glyphs: Vec<Glyph>,
    /// Backing store for every glyph's text.
    pub text: String,
    pub fonts: Vec<FontInfo>,
    /// Glyphs painted, and how many of them had no Unicode mapping.
    pub glyph_count: u32,
    pub unmapped: u32,
    /// Problems worth reporting (a damaged content stream, an unreadable
    /// font, a limit reached), each one sentence.
    pub warnings: Vec<String>,
}

impl PageGlyphs {
    /// The text of one glyph.
    pub fn glyph_text(&self, glyph: &Glyph) -> &str {
        self.text
            .get(glyph.text.start as usize..glyph.text.end as usize)
            .unwrap_or("")
    }

    /// Append a glyph whose text is `text`.
    pub fn push(&mut self, mut glyph: Glyph, text: &str) {
        let start = self.text.len() as u32;
        self.text.push_str(text);
        glyph.text = start..self.text.len() as u32;
        self.glyph_count += 1;
        if text.is_empty() {
            self.unmapped += 1;
        }
        self.glyphs.push(glyph);
    }
}

#[cfg(test)]
mod tests {
    use super::FontInfo;

    fn family(name: &str) -> String {
        FontInfo {
            name: name.to_string(),
            ..FontInfo::default()
        }
        .family()
    }

    #[test]
    fn a_family_leaves_out_weight_style_and_packaging() {
        assert_eq!(family("Arial-BoldMT"), "arial");
        assert_eq!(family("ArialMT"), "arial");
        assert_eq!(family("Arial,Bold"), "arial");
        assert_eq!(family("TimesNewRomanPS-BoldItalicMT"), "timesnew");
        assert_eq!(family("TimesNewRomanPSMT"), "timesnew");
        assert_eq!(family("Roboto-Light"), "roboto");
        assert_eq!(family("CalibriLight"), "calibri");
        assert_eq!(family("MinionPro-It"), "minion");
        // Two typefaces stay two.
        assert_ne!(family("PlayfairDisplay-Regular"), family("Fomalhaut-Bold"));
        assert_eq!(family(""), "");
        // TeX's design sizes and styles are one family.
        assert_eq!(family("CMR17"), family("CMR12"));
        assert_eq!(family("CMBX12"), family("CMR10"));
        assert_eq!(family("LMRoman17-Regular"), family("LMRoman12-Bold"));
    }
}
