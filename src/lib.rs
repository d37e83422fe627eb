//! bindery: turn a folder of publication PDFs into a trustworthy, versioned,
//! verifiable archive.

pub mod pdf;
