//! `bindery man --out-dir DIR`: man pages made by clap_mangen from the
//! command definitions: `bindery.1`, and `bindery-<command>.1` for each
//! command (what `make man` runs).

use crate::cli::{Cli, ManArgs};
use crate::cmd::Outcome;
use crate::error::{Error, Result};
use clap::CommandFactory;
use std::path::Path;

pub fn run(args: &ManArgs) -> Result<Outcome> {
    let dir = &args.out_dir;
    std::fs::create_dir_all(dir).map_err(|err| Error::io(dir, "create", &err))?;
    let command = Cli::command();
    write_page(dir, "bindery.1", command.clone())?;
    for sub in command.get_subcommands() {
        let name = format!("bindery-{}", sub.get_name());
        let page = sub
            .clone()
            .display_name(name.clone())
            .bin_name(format!("bindery {}", sub.get_name()));
        write_page(dir, &format!("{name}.1"), page)?;
    }
    Ok(Outcome::Success)
}

fn write_page(dir: &Path, file: &str, command: clap::Command) -> Result<()> {
    let mut out = Vec::new();
    let path = dir.join(file);
    clap_mangen::Man::new(command)
        .render(&mut out)
        .map_err(|err| Error::io(&path, "render", &err))?;
    std::fs::write(&path, out).map_err(|err| Error::io(&path, "write", &err))
}
