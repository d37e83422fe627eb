use crate::pdf::glyph::PageGlyphs;
use crate::pdf::limits::{Budget, LimitExceeded};
pub struct TextExtractor<'a> {
    _d: &'a lopdf::Document,
    _b: &'a Budget,
}
impl<'a> TextExtractor<'a> {
    pub fn new(doc: &'a lopdf::Document, budget: &'a Budget) -> Self {
        TextExtractor {
            _d: doc,
            _b: budget,
        }
    }
    pub fn page(&mut self, _id: lopdf::ObjectId) -> Result<PageGlyphs, LimitExceeded> {
        Ok(PageGlyphs::default())
    }
}
