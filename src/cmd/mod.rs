//! One module per subcommand. Each has `run(args, verbosity) -> Result<Outcome>`;
//! what is shared (reading options, reporting) lives here once.

pub mod diff;
pub mod export;
pub mod extract;
pub mod inspect;
pub mod log;
pub mod pack;
pub mod report;
pub mod restore;
pub mod show;
pub mod text;
pub mod verify;

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
