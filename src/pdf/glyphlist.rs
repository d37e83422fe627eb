//! Glyph names to Unicode: the Adobe Glyph List and the naming conventions
//! of the AGL specification (`uniXXXX`, `uXXXX[XX]`, `name.suffix`,
//! `a_b` ligatures), plus the ZapfDingbats names (`a1`..`a191`).
//!
//! Names that carry no meaning (`.notdef`, `g123`, `cid12`, `glyph5`) map to
//! nothing, and so do names whose only mapping is a private-use code point,
//! which no reader outside the font can interpret.

include!("data/agl.rs");

/// The Unicode text of a glyph name, or `None` when the name means nothing.
pub fn glyph_name_to_unicode(name: &str) -> Option<String> {
    map_name(name, false)
}

/// Like [`glyph_name_to_unicode`], also knowing the ZapfDingbats names
/// `a1`..`a191`, which are only meaningful in a dingbats font.
pub fn dingbat_name_to_unicode(name: &str) -> Option<String> {
    map_name(name, true)
}

fn map_name(name: &str, dingbats: bool) -> Option<String> {
    // dvips names a glyph by its character, and "." or "_" would read as a
    // variant tag or a ligature joint below.
    if let [b] = name.as_bytes()
        && b.is_ascii_graphic()
    {
        return Some(char::from(*b).to_string());
    }
    // The part after the first period is a variant tag ("a.sc", "one.oldstyle").
    let base = name.split('.').next().unwrap_or("");
    if base.is_empty() {
        return None;
    }
    let mut text = String::new();
    for component in base.split('_') {
        if let Some(part) = map_component(component, dingbats) {
            text.push_str(&part);
        }
    }
    if text.is_empty() { None } else { Some(text) }
}

fn map_component(component: &str, dingbats: bool) -> Option<String> {
    if dingbats && let Some(c) = dingbat(component) {
        return Some(c.to_string());
    }
    if let Some(text) = agl_lookup(component) {
        if !is_private_use(text) {
            return Some(text.to_string());
        }
        // Expert-set names ("Asmall", "oneoldstyle") map to private-use code
        // points in the AGL; the plain letter or digit is what a reader means.
        return expert_fallback(component);
    }
    // Some producers (dvips Type 3 fonts) name glyphs by the character
    // itself: "0", "(", "=".
    if let [b] = component.as_bytes()
        && b.is_ascii_graphic()
    {
        return Some(char::from(*b).to_string());
    }
    if let Some(hex) = component.strip_prefix("uni") {
        return uni_sequence(hex);
    }
    if let Some(hex) = component.strip_prefix('u')
        && (4..=6).contains(&hex.len())
    {
        return scalar(hex).map(String::from);
    }
    None
}

fn agl_lookup(name: &str) -> Option<&'static str> {
    AGL.binary_search_by(|(n, _)| n.as_bytes().cmp(name.as_bytes()))
        .ok()
        .and_then(|i| AGL.get(i))
        .map(|(_, text)| *text)
}

fn dingbat(name: &str) -> Option<char> {
    let number: usize = name.strip_prefix('a')?.parse().ok()?;
    ZAPF_DINGBATS_NAMES
        .chars()
        .nth(number)
        .filter(|c| *c != ' ')
}

/// `uniXXXX` may hold several code points, four uppercase hex digits each.
fn uni_sequence(hex: &str) -> Option<String> {
    if hex.is_empty() || !hex.len().is_multiple_of(4) {
        return None;
    }
    let mut text = String::new();
    let mut i = 0;
    while i < hex.len() {
        text.push(scalar(hex.get(i..i + 4)?)?);
        i += 4;
    }
    Some(text)
}

/// A hex Unicode scalar value that is meaningful text: not a surrogate, not a
/// control character, not private use.
fn scalar(hex: &str) -> Option<char> {
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let value = u32::from_str_radix(hex, 16).ok()?;
    let c = char::from_u32(value)?;
    if c.is_control() || is_private_use_char(c) {
        return None;
    }
    Some(c)
}

fn expert_fallback(name: &str) -> Option<String> {
    for suffix in ["small", "oldstyle", "superior", "inferior"] {
        if let Some(base) = name.strip_suffix(suffix) {
            let text = agl_lookup(base).filter(|t| !is_private_use(t))?;
            return Some(if suffix == "small" {
                text.to_lowercase()
            } else {
                text.to_string()
            });
        }
    }
    None
}

fn is_private_use(text: &str) -> bool {
    text.chars().any(is_private_use_char)
}

/// Private-use code points (BMP and the supplementary planes 15 and 16).
pub fn is_private_use_char(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(name: &str) -> Option<String> {
        glyph_name_to_unicode(name)
    }

    #[test]
    fn agl_names_map_to_their_characters() {
        assert_eq!(map("A").as_deref(), Some("A"));
        assert_eq!(map("quotedblleft").as_deref(), Some("\u{201C}"));
        assert_eq!(map("Euro").as_deref(), Some("€"));
    }

    #[test]
    fn uni_and_u_forms_and_suffixes() {
        assert_eq!(map("uni0041").as_deref(), Some("A"));
        assert_eq!(map("uni00410042").as_deref(), Some("AB"));
        assert_eq!(map("u1F600").as_deref(), Some("😀"));
        assert_eq!(map("a.sc").as_deref(), Some("a"));
        assert_eq!(map("f_f_i").as_deref(), Some("ffi"));
        assert_eq!(map("0").as_deref(), Some("0"));
        assert_eq!(map("(").as_deref(), Some("("));
        assert_eq!(map(".").as_deref(), Some("."));
        assert_eq!(map("_").as_deref(), Some("_"));
        assert_eq!(map("uniD800"), None, "surrogates are not text");
    }

    #[test]
    fn meaningless_names_map_to_nothing() {
        for name in [".notdef", "g123", "cid12", "glyph5", "", "uni0007"] {
            assert_eq!(map(name), None, "{name}");
        }
    }

    #[test]
    fn expert_names_avoid_private_use() {
        assert_eq!(map("Asmall").as_deref(), Some("a"));
        assert_eq!(map("oneoldstyle").as_deref(), Some("1"));
    }

    #[test]
    fn dingbat_names_only_in_dingbat_fonts() {
        assert_eq!(dingbat_name_to_unicode("a1").as_deref(), Some("\u{2701}"));
        assert_eq!(map("a1"), None);
    }
}
