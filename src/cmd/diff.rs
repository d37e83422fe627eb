//! `bindery diff`: documents added, changed, removed and renamed between two
//! versions (default: the latest and the one before).

use crate::archive::Archive;
use crate::cli::{DiffArgs, Verbosity};
use crate::cmd::Outcome;
use crate::error::Result;

pub fn run(args: &DiffArgs, _verbosity: Verbosity) -> Result<Outcome> {
    let archive = Archive::open(&args.archive)?;
    let to = archive.resolve_version(args.to)?;
    let from = match args.from {
        Some(v) => archive.resolve_version(Some(v))?,
        None => to.saturating_sub(1),
    };
    let changes = archive.changes(from, to)?;
    if args.json {
        let mut out = crate::cmd::changes_json(&changes);
        out["from"] = from.into();
        out["to"] = to.into();
        crate::cmd::json::add_digests(&mut out, &archive, from, to, &changes)?;
        crate::cmd::json::print_line(&out)?;
        return Ok(Outcome::Success);
    }
    for path in &changes.added {
        println!("A {path}");
    }
    for path in &changes.changed {
        println!("M {path}");
    }
    for path in &changes.removed {
        println!("D {path}");
    }
    for (a, b) in &changes.renamed {
        println!("R {a} -> {b}");
    }
    println!(
        "version {from} -> {to}: {} added, {} changed, {} removed, {} renamed",
        changes.added.len(),
        changes.changed.len(),
        changes.removed.len(),
        changes.renamed.len()
    );
    Ok(Outcome::Success)
}
