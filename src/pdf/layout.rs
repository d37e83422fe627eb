use crate::pdf::glyph::PageGlyphs;
pub struct Line {
    pub text: String,
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    pub size: f32,
    pub font: u16,
}
pub struct Block {
    pub lines: Vec<Line>,
}
pub struct PageLayout {
    pub width: f32,
    pub height: f32,
    pub blocks: Vec<Block>,
}
pub fn layout_page(p: &PageGlyphs) -> PageLayout {
    PageLayout {
        width: p.width,
        height: p.height,
        blocks: vec![Block {
            lines: vec![Line {
                text: p.text.clone(),
                x0: 0.0,
                y0: 0.0,
                x1: 0.0,
                y1: 0.0,
                size: 10.0,
                font: 0,
            }],
        }],
    }
}
