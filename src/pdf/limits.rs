//! Per-document limits and the budget that enforces them.
//!
//! Hostile PDFs (decompression bombs, page-tree loops, content streams that
//! loop through Form XObjects) must cost one document, never the batch. The
//! interpreter and decoders call [`Budget::charge`] as they work; once the
//! deadline or the work cap is passed every later call fails, so extraction
//! unwinds on its own, without killing threads.

use std::cell::Cell;
use std::fmt;
use std::time::{Duration, Instant};

/// Limits applied to each document. The defaults never bother a normal brief.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Wall-clock time one document may take.
    pub timeout: Duration,
    /// Largest size one decoded stream may reach, in bytes.
    pub max_stream_bytes: usize,
    /// Content-stream operators (and glyphs) one page may execute.
    pub max_ops_per_page: u64,
    /// Nesting depth of Form XObjects and of object references.
    pub max_depth: u32,
    /// Pages read from one document.
    pub max_pages: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: Duration::from_secs(60),
            max_stream_bytes: 128 * 1024 * 1024,
            max_ops_per_page: 20_000_000,
            max_depth: 32,
            max_pages: 20_000,
        }
    }
}

/// Which limit was hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitExceeded {
    Timeout,
    PageWork,
    StreamSize,
    Depth,
    Pages,
}

impl fmt::Display for LimitExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LimitExceeded::Timeout => "the time limit (--timeout) was reached",
            LimitExceeded::PageWork => "a page needed more work than the per-page cap allows",
            LimitExceeded::StreamSize => "a stream decodes to more than the stream size cap",
            LimitExceeded::Depth => "objects or forms nest deeper than the depth limit",
            LimitExceeded::Pages => "the document has more pages than the page cap",
        })
    }
}

impl std::error::Error for LimitExceeded {}

/// The running account of one document's work. Not shared between threads:
/// each document is read by one thread.
#[derive(Debug)]
pub struct Budget {
    pub limits: Limits,
    deadline: Instant,
    page_work: Cell<u64>,
    /// Checking the clock costs more than counting, so look at it only
    /// every `CLOCK_EVERY` units of work.
    since_clock: Cell<u32>,
}

const CLOCK_EVERY: u32 = 4096;

impl Budget {
    pub fn new(limits: Limits) -> Self {
        let deadline = Instant::now() + limits.timeout;
        Budget {
            limits,
            deadline,
            page_work: Cell::new(0),
            since_clock: Cell::new(0),
        }
    }

    /// Start counting work for a new page.
    pub fn start_page(&self) {
        self.page_work.set(0);
    }

    /// Record `units` of work (operators, glyphs, decoded kilobytes) and
    /// fail once a limit is passed.
    pub fn charge(&self, units: u64) -> Result<(), LimitExceeded> {
        let work = self.page_work.get().saturating_add(units);
        self.page_work.set(work);
        if work > self.limits.max_ops_per_page {
            return Err(LimitExceeded::PageWork);
        }
        let ticks = self
            .since_clock
            .get()
            .saturating_add(units.min(u32::MAX as u64) as u32);
        if ticks >= CLOCK_EVERY {
            self.since_clock.set(0);
            self.check_deadline()?;
        } else {
            self.since_clock.set(ticks);
        }
        Ok(())
    }

    /// Fail when the deadline has passed.
    pub fn check_deadline(&self) -> Result<(), LimitExceeded> {
        if Instant::now() > self.deadline {
            Err(LimitExceeded::Timeout)
        } else {
            Ok(())
        }
    }

    /// Fail when `depth` is beyond the nesting limit.
    pub fn check_depth(&self, depth: u32) -> Result<(), LimitExceeded> {
        if depth > self.limits.max_depth {
            Err(LimitExceeded::Depth)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_work_cap_trips_and_resets_per_page() {
        let budget = Budget::new(Limits {
            max_ops_per_page: 10,
            ..Limits::default()
        });
        assert!(budget.charge(10).is_ok());
        assert_eq!(budget.charge(1), Err(LimitExceeded::PageWork));
        budget.start_page();
        assert!(budget.charge(5).is_ok());
    }

    #[test]
    fn deadline_in_the_past_trips() {
        let budget = Budget::new(Limits {
            timeout: Duration::ZERO,
            ..Limits::default()
        });
        std::thread::sleep(Duration::from_millis(2));
        assert_eq!(budget.check_deadline(), Err(LimitExceeded::Timeout));
        assert_eq!(
            budget.charge(CLOCK_EVERY as u64),
            Err(LimitExceeded::Timeout)
        );
    }
}
