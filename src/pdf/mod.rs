//! Reading PDFs: opening and decrypting documents, interpreting content
//! streams into positioned glyphs, fonts and their encodings, layout, and
//! document metadata. One file per PDF concept.

pub mod glyph;
pub mod limits;
