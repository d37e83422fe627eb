//! A one-line progress display on stderr for long batches: documents
//! done/total, pages per second, time left, failures so far. Shown only
//! when stderr is a terminal (never in logs or pipes) and not `-q`. It also
//! keeps the tally behind the closing summary line (documents, pages, MB,
//! failures by kind, time), printed whether or not stderr is a terminal.
//!
//! Hand-written rather than a progress-bar crate: one line redrawn at most
//! ten times a second is all a batch needs.

use crate::record::Record;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub struct Progress {
    enabled: bool,
    total: usize,
    done: usize,
    pages: u64,
    bytes: u64,
    failed: usize,
    failures: BTreeMap<String, usize>,
    started: Instant,
    last_draw: Option<Instant>,
}

const REDRAW_EVERY: Duration = Duration::from_millis(100);

impl Progress {
    /// A display for `total` documents; silent unless stderr is a terminal
    /// and `quiet` is false.
    pub fn new(total: usize, quiet: bool) -> Progress {
        Progress {
            enabled: !quiet && std::io::stderr().is_terminal(),
            total,
            done: 0,
            pages: 0,
            bytes: 0,
            failed: 0,
            failures: BTreeMap::new(),
            started: Instant::now(),
            last_draw: None,
        }
    }

    /// Count one finished document.
    pub fn advance(&mut self, record: &Record) {
        self.done += 1;
        self.pages += record.pdf.as_ref().map_or(0, |p| u64::from(p.pages));
        self.bytes += record.source.bytes;
        if let Some(error) = &record.error {
            self.failed += 1;
            *self.failures.entry(error.kind.clone()).or_default() += 1;
        }
        let due = self.last_draw.is_none_or(|t| t.elapsed() >= REDRAW_EVERY);
        if self.enabled && (due || self.done == self.total) {
            self.draw();
        }
    }

    /// Print a message without garbling the progress line.
    pub fn println(&mut self, message: &str) {
        if self.enabled {
            eprint!("\r\x1b[2K");
        }
        eprintln!("{message}");
        if self.enabled && self.done < self.total {
            self.draw();
        }
    }

    fn draw(&mut self) {
        self.last_draw = Some(Instant::now());
        let elapsed = self.started.elapsed().as_secs_f64().max(0.001);
        let rate = self.pages as f64 / elapsed;
        let left = if self.done > 0 {
            elapsed / self.done as f64 * (self.total - self.done) as f64
        } else {
            0.0
        };
        eprint!(
            "\r\x1b[2K{}/{} documents, {:.0} pages/s, {} left{}",
            self.done,
            self.total,
            rate,
            format_duration(left),
            if self.failed > 0 {
                format!(", {} failed", self.failed)
            } else {
                String::new()
            }
        );
        let _ = std::io::stderr().flush();
    }

    /// Clear the line before the summary.
    pub fn finish(&mut self) {
        if self.enabled {
            eprint!("\r\x1b[2K");
        }
    }
}

impl Progress {
    /// Documents that failed so far.
    pub fn failed(&self) -> usize {
        self.failed
    }

    /// The closing line: `8 documents, 23 pages, 1.4 MB, 2 failed
    /// (1 encrypted, 1 damaged) in 0.9 s`.
    pub fn summary(&self) -> String {
        let kinds: Vec<String> = self
            .failures
            .iter()
            .map(|(kind, n)| format!("{n} {kind}"))
            .collect();
        format!(
            "{} documents, {} pages, {:.1} MB, {} failed{} in {:.1} s",
            self.done,
            self.pages,
            self.bytes as f64 / 1e6,
            self.failed,
            if kinds.is_empty() {
                String::new()
            } else {
                format!(" ({})", kinds.join(", "))
            },
            self.started.elapsed().as_secs_f64()
        )
    }
}

fn format_duration(seconds: f64) -> String {
    let s = seconds.round() as u64;
    if s >= 3600 {
        format!("{}h{:02}m", s / 3600, s % 3600 / 60)
    } else if s >= 60 {
        format!("{}m{:02}s", s / 60, s % 60)
    } else {
        format!("{s}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(bytes: u64, failure: Option<&str>) -> Record {
        use crate::error::{DocumentError, ErrorKind};
        use crate::record::{Source, Status};
        let source = Source {
            path: "a.pdf".into(),
            name: "a.pdf".into(),
            bytes,
            sha256: None,
        };
        let mut record = Record::failed(source, &DocumentError::new(ErrorKind::Io, "m"));
        match (failure, record.error.as_mut()) {
            (Some(kind), Some(error)) => error.kind = kind.into(),
            _ => {
                record.error = None;
                record.status = Status::Ok;
            }
        }
        record
    }

    #[test]
    fn summary_counts_documents_bytes_and_failures_by_kind() {
        let mut progress = Progress::new(3, true);
        progress.advance(&record(2_000_000, None));
        progress.advance(&record(500_000, Some("encrypted")));
        progress.advance(&record(0, Some("encrypted")));
        let line = progress.summary();
        assert!(
            line.starts_with("3 documents, 0 pages, 2.5 MB, 2 failed (2 encrypted) in "),
            "{line}"
        );
        assert_eq!(progress.failed(), 2);
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(format_duration(5.4), "5s");
        assert_eq!(format_duration(125.0), "2m05s");
        assert_eq!(format_duration(7300.0), "2h01m");
    }
}
