//! Errors: the per-document failures that become error records, and the
//! fatal errors that stop a command.
//!
//! A document error is data: it has a stable kind a script can match on and
//! a message that says what happened and what to do. A fatal error (a bad
//! flag, an input path that does not exist, an output that cannot be
//! written) stops the command with exit code 2.

use serde::Serialize;
use std::fmt;
use std::path::Path;

/// Why one document could not be read. Serialised in kebab-case into the
/// record's `error.kind`; the names are part of the record format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// The file is not a PDF at all (no `%PDF-` header).
    NotPdf,
    /// The file ends early and nothing readable was left.
    Truncated,
    /// The structure is too damaged to read, even after repair.
    Damaged,
    /// Encrypted, and neither the empty password nor any given one opens it.
    EncryptedNeedsPassword,
    /// A stream uses a filter bindery cannot decode.
    UnsupportedFilter,
    /// A per-document limit (time, work, size, depth, pages) was reached.
    LimitExceeded,
    /// The file could not be read from disk.
    Io,
    /// A bug in bindery: reading this document panicked. Please report it.
    Internal,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::NotPdf => "not-pdf",
            ErrorKind::Truncated => "truncated",
            ErrorKind::Damaged => "damaged",
            ErrorKind::EncryptedNeedsPassword => "encrypted-needs-password",
            ErrorKind::UnsupportedFilter => "unsupported-filter",
            ErrorKind::LimitExceeded => "limit-exceeded",
            ErrorKind::Io => "io",
            ErrorKind::Internal => "internal",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failure to read one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentError {
    pub kind: ErrorKind,
    pub message: String,
}

impl DocumentError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        DocumentError {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

impl std::error::Error for DocumentError {}

/// A fatal error: the command cannot go on. Exit code 2.
#[derive(Debug)]
pub struct Error {
    message: String,
    io_kind: Option<std::io::ErrorKind>,
}

impl Error {
    pub fn new(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            io_kind: None,
        }
    }

    /// Writing to a pipe whose reader has gone (`bindery extract | head`):
    /// not a failure worth reporting.
    pub fn is_broken_pipe(&self) -> bool {
        self.io_kind == Some(std::io::ErrorKind::BrokenPipe)
    }

    /// An I/O error on `path`, phrased for the user.
    pub fn io(path: &Path, action: &str, err: &std::io::Error) -> Self {
        Error::from_io(format!("cannot {action} {}: {err}", path.display()), err)
    }

    /// An I/O error with its message.
    pub fn from_io(message: String, err: &std::io::Error) -> Self {
        Error {
            message,
            io_kind: Some(err.kind()),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;
