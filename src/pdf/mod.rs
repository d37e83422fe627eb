//! Reading PDFs: opening and decrypting documents, interpreting content
//! streams into positioned glyphs, fonts and their encodings, layout, and
//! document metadata. One file per PDF concept.

pub mod content;
pub mod document;
pub mod glyph;
pub mod layout;
pub mod limits;
pub mod metadata;
pub mod xmp;
