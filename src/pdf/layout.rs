use crate::pdf::glyph::PageGlyphs;
pub struct PageLayout {
    pub text: String,
}
pub fn layout_page(p: &PageGlyphs) -> PageLayout {
    PageLayout {
        text: p.text.clone(),
    }
}
