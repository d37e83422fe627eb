//! Reading PDFs: opening and decrypting documents, interpreting content
//! streams into positioned glyphs, fonts and their encodings, layout, and
//! document metadata. One file per PDF concept.

pub mod cmap;
pub mod content;
pub mod decrypt;
pub mod document;
pub mod encoding;
pub mod font;
pub mod glyph;
pub mod glyphlist;
pub mod layout;
pub mod lexer;
pub mod limits;
pub mod metadata;
pub mod metrics;
pub mod objects;
pub mod rescue;
pub mod xmp;
