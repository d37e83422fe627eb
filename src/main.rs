//! The `bindery` binary: parse the command line, run the command, map the
//! result to an exit code (0 ok, 1 documents or verification failed, 2 usage
//! or fatal error).

use bindery::cli::{Cli, Command};
use bindery::cmd::{self, Outcome};
use clap::Parser;
use std::process::ExitCode;

// mimalloc rather than glibc's malloc: glibc's per-thread heaps keep the
// freed pages of past documents, so the peak RSS of a batch grew with its
// length (+20 % from the corpus to the corpus x4); mimalloc returns them and
// is also ~8 % faster here (benches/RESULTS.md). Only the binary sets it:
// programs embedding the library keep their own allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A panic inside one document becomes that document's error record; do
    // not also print Rust's panic message at the user.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match &cli.command {
        Command::Extract(args) => cmd::extract::run(args, cli.verbosity),
        Command::Text(args) => cmd::text::run(args, cli.verbosity),
        Command::Pack(args) => cmd::pack::run(args, cli.verbosity),
        Command::Verify(args) => cmd::verify::run(args, cli.verbosity),
        Command::Log(args) => cmd::log::run(args, cli.verbosity),
        Command::Diff(args) => cmd::diff::run(args, cli.verbosity),
        Command::Show(args) => cmd::show::run(args, cli.verbosity),
        Command::Restore(args) => cmd::restore::run(args, cli.verbosity),
        Command::Export(args) => cmd::export::run(args, cli.verbosity),
        Command::Inspect(args) => cmd::inspect::run(args, cli.verbosity),
        Command::Report(args) => cmd::report::run(args, cli.verbosity),
        Command::Completions(args) => cmd::completions::run(args),
        Command::Man(args) => cmd::man::run(args),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failures) => ExitCode::from(1),
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("bindery: {err}");
            ExitCode::from(2)
        }
    }
}
