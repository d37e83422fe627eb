use crate::pdf::layout::PageLayout;
pub mod language;
pub struct Furniture {
    pub page: u32,
    pub text: String,
}
pub struct DocumentText {
    pub pages: Vec<String>,
    pub furniture: Vec<Furniture>,
}
pub fn normalise(p: &[PageLayout]) -> DocumentText {
    DocumentText {
        pages: p.iter().map(raw_text).collect(),
        furniture: vec![],
    }
}
pub fn raw_text(p: &PageLayout) -> String {
    p.blocks
        .iter()
        .flat_map(|b| b.lines.iter().map(|l| l.text.clone()))
        .collect()
}
