//! `bindery completions SHELL`: the shell completion script, generated from
//! the same command-line definition the binary parses (clap_complete).

use crate::cli::{Cli, CompletionsArgs};
use crate::cmd::Outcome;
use crate::error::{Error, Result};
use clap::CommandFactory;
use std::io::Write;

pub fn run(args: &CompletionsArgs) -> Result<Outcome> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "bindery", &mut script);
    std::io::stdout()
        .write_all(&script)
        .map_err(|e| Error::from_io(format!("cannot write output: {e}"), &e))?;
    Ok(Outcome::Success)
}
