//! `bindery verify`: check an archive, a bundle or a bag; list every
//! problem with its file and cause, or print PREMIS-style fixity events.

use crate::Archive;
use crate::cli::{Verbosity, VerifyArgs};
use crate::cmd::{Outcome, note};
use crate::error::{Error, Result};
use serde_json::json;
use std::io::Write;
use std::time::Instant;

pub fn run(args: &VerifyArgs, verbosity: Verbosity) -> Result<Outcome> {
    let started = Instant::now();
    let report = Archive::verify_path(&args.path, args.fast)?;
    let elapsed = started.elapsed().as_secs_f64();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let write_err = |e: std::io::Error| Error::from_io(format!("cannot write output: {e}"), &e);
    if args.json {
        for event in &report.events {
            let line = serde_json::to_string(event).unwrap_or_default();
            writeln!(out, "{line}").map_err(write_err)?;
        }
        for finding in &report.findings {
            let object = if finding.file.is_empty() {
                finding.bag.clone()
            } else {
                format!("{}/{}", finding.bag, finding.file)
            };
            let line = json!({
                "eventType": "validation",
                "object": object,
                "eventOutcome": if finding.is_error() { "fail" } else { "warning" },
                "eventDetail": finding.cause,
            });
            writeln!(out, "{line}").map_err(write_err)?;
        }
    } else {
        for finding in &report.findings {
            writeln!(out, "{finding}").map_err(write_err)?;
        }
    }
    out.flush().map_err(write_err)?;
    let errors = report.errors();
    if errors == 0 && !report.unchecked.is_empty() {
        return Err(Error::new(format!(
            "cannot verify: {}",
            report.unchecked.join("; ")
        )));
    }
    let scope = if report.fast {
        "sizes and structure only (--fast): contents were not hashed and the chain was not checked"
            .to_string()
    } else {
        format!(
            "{} files, {:.1} MB hashed",
            report.files,
            report.bytes as f64 / 1e6
        )
    };
    let summary = format!(
        "{}: {} in {} bag(s), {scope}, {elapsed:.2} s",
        if errors == 0 { "valid" } else { "INVALID" },
        if errors == 0 {
            "no problems".to_string()
        } else {
            format!("{errors} problem(s)")
        },
        report.bags,
    );
    if args.json {
        note(verbosity, &summary);
    } else {
        println!("{summary}");
    }
    Ok(if errors == 0 {
        Outcome::Success
    } else {
        Outcome::Failures
    })
}
