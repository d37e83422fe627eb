//! A one-line progress display on stderr for long batches: documents
//! done/total, pages per second, time left, failures so far. Shown only
//! when stderr is a terminal (never in logs or pipes) and not `-q`.
//!
//! Hand-written rather than a progress-bar crate: one line redrawn at most
//! ten times a second is all a batch needs.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub struct Progress {
    enabled: bool,
    total: usize,
    done: usize,
    pages: u64,
    failed: usize,
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
            failed: 0,
            started: Instant::now(),
            last_draw: None,
        }
    }

    /// Count one finished document.
    pub fn advance(&mut self, pages: u64, failed: bool) {
        self.done += 1;
        self.pages += pages;
        self.failed += usize::from(failed);
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

    #[test]
    fn durations_read_naturally() {
        assert_eq!(format_duration(5.4), "5s");
        assert_eq!(format_duration(125.0), "2m05s");
        assert_eq!(format_duration(7300.0), "2h01m");
    }
}
