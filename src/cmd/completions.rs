//! `bindery completions SHELL`: the completion script for a shell, made by
//! clap_complete from the same definitions the parser uses, so it never
//! drifts from the real flags.

use crate::cli::{Cli, CompletionsArgs};
use crate::cmd::Outcome;
use crate::error::Result;
use clap::CommandFactory;

pub fn run(args: &CompletionsArgs) -> Result<Outcome> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "bindery", &mut std::io::stdout());
    Ok(Outcome::Success)
}
