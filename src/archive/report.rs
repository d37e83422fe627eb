//! What verification finds: problems (each naming the bag, the file and the
//! cause) and PREMIS-style fixity events (one per object and algorithm).

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The bag or archive is invalid.
    Error,
    /// Worth knowing, but the bag is still valid.
    Warning,
}

/// One problem: where, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// The bundle zip, bag folder or archive the problem is in.
    pub bag: String,
    /// The file inside it, relative to the bag's top folder ("" for the bag itself).
    pub file: String,
    pub cause: String,
}

impl Finding {
    pub fn error(bag: &str, file: &str, cause: &str) -> Finding {
        Finding {
            severity: Severity::Error,
            bag: bag.to_string(),
            file: file.to_string(),
            cause: cause.to_string(),
        }
    }

    pub fn warning(bag: &str, file: &str, cause: &str) -> Finding {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(bag, file, cause)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.file.is_empty() {
            write!(f, "{level}: {}: {}", self.bag, self.cause)
        } else {
            write!(f, "{level}: {}: {}: {}", self.bag, self.file, self.cause)
        }
    }
}

/// A fixity check of one object with one algorithm, in the vocabulary of
/// PREMIS events (eventType "fixity check", eventOutcome pass/fail).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FixityEvent {
    #[serde(rename = "eventType")]
    pub event_type: &'static str,
    /// `<bag>/<file>`.
    pub object: String,
    pub algorithm: String,
    pub expected: String,
    pub found: String,
    #[serde(rename = "eventOutcome")]
    pub outcome: &'static str,
}

impl FixityEvent {
    pub fn new(object: String, algorithm: &str, expected: &str, found: &str) -> FixityEvent {
        FixityEvent {
            event_type: "fixity check",
            object,
            algorithm: algorithm.to_string(),
            expected: expected.to_string(),
            found: found.to_string(),
            outcome: if expected.eq_ignore_ascii_case(found) {
                "pass"
            } else {
                "fail"
            },
        }
    }
}

/// Everything one verification found.
#[derive(Debug, Default, Clone)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub events: Vec<FixityEvent>,
    /// Bags checked.
    pub bags: usize,
    /// Files whose content was checked (or, fast, whose size was).
    pub files: usize,
    /// Bytes read and hashed.
    pub bytes: u64,
    /// Sizes and structure only; contents not hashed.
    pub fast: bool,
    /// Bags that could not be checked at all, and why (exit code 2).
    pub unchecked: Vec<String>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    pub fn is_valid(&self) -> bool {
        self.errors() == 0
    }

    pub fn merge(&mut self, other: Report) {
        self.findings.extend(other.findings);
        self.events.extend(other.events);
        self.bags += other.bags;
        self.files += other.files;
        self.bytes += other.bytes;
        self.unchecked.extend(other.unchecked);
    }
}
