//! Advance widths of the 14 standard fonts, for simple fonts that come
//! without /Widths, and the choice of a standard font that stands in for an
//! unembedded or width-less font ("Arial,Bold" is Helvetica-Bold).

mod tables {
    include!("data/metrics.rs");
}

/// The widths of one standard font, by glyph name, in 1/1000 em.
#[derive(Debug, Clone, Copy)]
pub struct StandardMetrics {
    pub name: &'static str,
    widths: &'static [(&'static str, u16)],
}

impl StandardMetrics {
    /// The metrics of a standard font by its exact PostScript name.
    pub fn by_name(name: &str) -> Option<Self> {
        tables::STANDARD_14
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(name, widths)| StandardMetrics { name, widths })
    }

    /// The advance width of a glyph, in 1/1000 em.
    pub fn width(&self, glyph: &str) -> Option<u16> {
        self.widths
            .binary_search_by(|(n, _)| n.as_bytes().cmp(glyph.as_bytes()))
            .ok()
            .and_then(|i| self.widths.get(i))
            .map(|(_, w)| *w)
    }

    /// Symbol and ZapfDingbats have their own built-in encodings.
    pub fn is_symbolic(&self) -> bool {
        matches!(self.name, "Symbol" | "ZapfDingbats")
    }
}

/// The standard font a /BaseFont name (subset prefix already removed) refers
/// to, by the names and aliases that producers actually write.
pub fn standard_font_for(base_font: &str) -> Option<StandardMetrics> {
    let lower: String = base_font
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | ',' | '_'))
        .collect::<String>()
        .to_ascii_lowercase();
    let family = if lower.starts_with("courier") {
        Family::Courier
    } else if lower.starts_with("helvetica") || lower.starts_with("arial") {
        Family::Helvetica
    } else if lower.starts_with("times") {
        Family::Times
    } else if lower.starts_with("symbol") {
        return StandardMetrics::by_name("Symbol");
    } else if lower.starts_with("zapfdingbats") || lower.starts_with("dingbats") {
        return StandardMetrics::by_name("ZapfDingbats");
    } else {
        return None;
    };
    let bold = lower.contains("bold") || lower.contains("black");
    let italic = lower.contains("italic") || lower.contains("oblique");
    StandardMetrics::by_name(family.face(bold, italic))
}

/// A standard font whose widths approximate a font we have no widths for,
/// chosen from its descriptor flags.
pub fn substitute_for(fixed_pitch: bool, serif: bool, bold: bool, italic: bool) -> StandardMetrics {
    let family = if fixed_pitch {
        Family::Courier
    } else if serif {
        Family::Times
    } else {
        Family::Helvetica
    };
    StandardMetrics::by_name(family.face(bold, italic))
        .or_else(|| StandardMetrics::by_name("Helvetica"))
        .unwrap_or(StandardMetrics {
            name: "Helvetica",
            widths: &[],
        })
}

#[derive(Clone, Copy)]
enum Family {
    Courier,
    Helvetica,
    Times,
}

impl Family {
    fn face(self, bold: bool, italic: bool) -> &'static str {
        match (self, bold, italic) {
            (Family::Courier, false, false) => "Courier",
            (Family::Courier, true, false) => "Courier-Bold",
            (Family::Courier, false, true) => "Courier-Oblique",
            (Family::Courier, true, true) => "Courier-BoldOblique",
            (Family::Helvetica, false, false) => "Helvetica",
            (Family::Helvetica, true, false) => "Helvetica-Bold",
            (Family::Helvetica, false, true) => "Helvetica-Oblique",
            (Family::Helvetica, true, true) => "Helvetica-BoldOblique",
            (Family::Times, false, false) => "Times-Roman",
            (Family::Times, true, false) => "Times-Bold",
            (Family::Times, false, true) => "Times-Italic",
            (Family::Times, true, true) => "Times-BoldItalic",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_widths_match_the_afm() {
        let helvetica = StandardMetrics::by_name("Helvetica").expect("Helvetica");
        assert_eq!(helvetica.width("space"), Some(278));
        assert_eq!(helvetica.width("W"), Some(944));
        let courier = StandardMetrics::by_name("Courier").expect("Courier");
        assert_eq!(courier.width("W"), Some(600));
    }

    #[test]
    fn aliases_resolve_to_standard_faces() {
        let name = |n: &str| standard_font_for(n).map(|m| m.name);
        assert_eq!(name("Arial,Bold"), Some("Helvetica-Bold"));
        assert_eq!(name("TimesNewRomanPS-ItalicMT"), Some("Times-Italic"));
        assert_eq!(name("Times-Roman"), Some("Times-Roman"));
        assert_eq!(name("CourierNew"), Some("Courier"));
        assert_eq!(name("Symbol"), Some("Symbol"));
        assert_eq!(name("Garamond"), None);
    }
}
