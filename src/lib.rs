//! bindery: turn a folder of publication PDFs into a trustworthy, versioned,
//! verifiable archive.
//!
//! The data flows one way: input files ([`pipeline`]), an opened document
//! ([`pdf`]), its text ([`text`]) and metadata ([`brief`]), a [`record`],
//! and then an output or a bundle. A [`catalog`] sidecar, when given,
//! overrides metadata with what the user already knows.

pub mod archive;
pub mod atomic;
pub mod brief;
pub mod catalog;
pub mod cli;
pub mod cmd;
pub mod error;
pub mod extract;
pub mod inspect;
pub mod output;
pub mod pdf;
pub mod pipeline;
pub mod progress;
pub mod record;
pub mod report;
pub mod text;

pub use archive::Archive;
pub use archive::date::Timestamp;
pub use archive::inventory::Changes;
pub use archive::pack::{PackSummary, Packed};
pub use archive::report::Report;
pub use error::{Error, Result};
pub use extract::{ExtractOptions, extract_bytes, extract_file};
pub use record::Record;
