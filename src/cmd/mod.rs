//! One module per subcommand. Each has `run(args, verbosity) -> Result<Outcome>`;
//! what is shared (reading options, reporting) lives here once.

pub mod completions;
pub mod diff;
pub mod export;
pub mod extract;
pub mod inspect;
pub mod json;
pub mod log;
pub mod man;
pub mod pack;
pub mod report;
pub mod restore;
pub mod show;
pub mod text;
pub mod verify;

use crate::catalog::Catalog;
use crate::catalog::matching::{Candidate, Matches, match_rows};
use crate::cli::{BatchArgs, ReadArgs, Verbosity};
use crate::error::{Error, Result};
use crate::extract::ExtractOptions;
use crate::pdf::document::OpenOptions;
use crate::pdf::limits::Limits;
use crate::pipeline::{InputFile, WalkOptions, discover};
use std::time::Duration;

/// How a command ended when it could run: exit code 0 or 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything succeeded (exit 0).
    Success,
    /// Some documents failed, or verification found problems (exit 1).
    Failures,
}

/// Build extraction options from the shared reading flags.
pub fn extract_options(args: &ReadArgs) -> Result<ExtractOptions> {
    let mut passwords = args.passwords.clone();
    if let Some(path) = &args.passwords_file {
        let text = std::fs::read_to_string(path)
            .map_err(|err| Error::io(path, "read the password file", &err))?;
        passwords.extend(
            text.lines()
                .map(|l| l.trim_end_matches('\r').to_string())
                .filter(|l| !l.is_empty()),
        );
    }
    Ok(ExtractOptions {
        open: OpenOptions {
            passwords,
            limits: Limits {
                timeout: Duration::from_secs(args.timeout.max(1)),
                max_stream_bytes: args.max_stream_mb.max(1).saturating_mul(1024 * 1024),
                max_pages: args.max_pages.max(1),
                ..Limits::default()
            },
        },
        catalog: None,
    })
}

/// The PDFs a batch command reads, found under its inputs.
pub fn batch_inputs(batch: &BatchArgs) -> Result<Vec<InputFile>> {
    discover(
        &batch.inputs,
        WalkOptions {
            follow_symlinks: batch.follow_symlinks,
        },
    )
}

/// Worker threads: the flag, or every core.
pub fn job_count(flag: Option<usize>) -> usize {
    flag.filter(|&n| n > 0).unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    })
}

/// Print a line on stderr unless quiet.
pub fn note(verbosity: Verbosity, message: &str) {
    if !verbosity.quiet {
        eprintln!("{message}");
    }
}

/// Match a catalog against the PDFs, before any is read: say on stderr
/// which rows match nothing or too much, and stop when a row contradicts
/// itself.
pub fn match_catalog(
    catalog: &Catalog,
    candidates: &[Candidate],
    verbosity: Verbosity,
) -> Result<Matches> {
    let matches = match_rows(catalog, candidates);
    for warning in catalog.warnings.iter().chain(&matches.warnings) {
        note(verbosity, &format!("bindery: {warning}"));
    }
    for error in &matches.errors {
        eprintln!("bindery: {error}");
    }
    if !matches.errors.is_empty() {
        return Err(Error::new(format!(
            "{}: {} row(s) name different PDFs by different keys; nothing was read",
            catalog.label,
            matches.errors.len()
        )));
    }
    let described = matches.rows.iter().filter(|r| r.is_some()).count();
    note(
        verbosity,
        &format!(
            "bindery: {}: {} rows, {described} of {} PDFs described",
            catalog.label,
            catalog.rows.len(),
            candidates.len()
        ),
    );
    Ok(matches)
}

/// The changes between two versions as JSON fields (`added`, `changed`,
/// `removed`: logical paths; `renamed`: `{from, to}` pairs), shared by
/// `diff --json` and `pack --json`.
pub fn changes_json(changes: &crate::archive::inventory::Changes) -> serde_json::Value {
    let renamed: Vec<serde_json::Value> = changes
        .renamed
        .iter()
        .map(|(from, to)| serde_json::json!({ "from": from, "to": to }))
        .collect();
    serde_json::json!({
        "added": changes.added,
        "changed": changes.changed,
        "removed": changes.removed,
        "renamed": renamed,
    })
}
