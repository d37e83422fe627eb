//! `bindery text`: the extracted text of one PDF on stdout, pages separated
//! by form feed. Without `--raw` the output is byte for byte the text file
//! stored in records and bundles.

use crate::cli::{TextArgs, Verbosity};
use crate::cmd::{Outcome, extract_options};
use crate::error::{Error, Result};
use crate::extract::read_pages;
use crate::pdf::document;
use crate::pdf::layout::layout_page;
use crate::pdf::limits::Budget;
use std::io::Write;

pub fn run(args: &TextArgs, _verbosity: Verbosity) -> Result<Outcome> {
    let options = extract_options(&args.read)?;
    let bytes = std::fs::read(&args.file).map_err(|err| Error::io(&args.file, "read", &err))?;
    let budget = Budget::new(options.open.limits.clone());
    let pages = document::open(&bytes, &options.open)
        .and_then(|doc| read_pages(&doc, &budget, args.pages).map(|pages| (doc, pages)));
    let (_doc, pages) = match pages {
        Ok(found) => found,
        Err(err) => {
            eprintln!("bindery: {}: {err}", args.file.display());
            return Ok(Outcome::Failures);
        }
    };
    let layouts: Vec<_> = pages.iter().map(layout_page).collect();
    let texts: Vec<String> = if args.raw {
        layouts.iter().map(crate::text::raw_text).collect()
    } else {
        crate::text::normalise(&layouts).pages
    };
    let mut out = std::io::stdout().lock();
    out.write_all(crate::record::join_pages(&texts).as_bytes())
        .and_then(|()| out.flush())
        .map_err(|err| Error::from_io(format!("cannot write stdout: {err}"), &err))?;
    Ok(Outcome::Success)
}
