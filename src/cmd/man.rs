//! `bindery man --out DIR` (hidden; `make man` runs it): one roff man page
//! per command, `bindery.1`, `bindery-extract.1`, ..., from the same
//! command-line definition as `--help` (clap_mangen), so they never drift.

use crate::cli::{Cli, ManArgs, Verbosity};
use crate::cmd::{Outcome, note};
use crate::error::{Error, Result};
use clap::CommandFactory;

pub fn run(args: &ManArgs, verbosity: Verbosity) -> Result<Outcome> {
    let out = &args.out;
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, "create folder", &e))?;
    clap_mangen::generate_to(Cli::command(), out)
        .map_err(|e| Error::io(out, "write man pages into", &e))?;
    note(
        verbosity,
        &format!(
            "bindery: man pages written to {}; read one with man -l {}/bindery.1",
            out.display(),
            out.display()
        ),
    );
    Ok(Outcome::Success)
}
