//! `bindery inspect`: a human-readable view of one PDF (or, with `--json`,
//! the same as one JSON object): file facts, metadata by source, fonts and
//! pages. The view itself is built in `src/inspect.rs`.

use crate::cli::{InspectArgs, Verbosity};
use crate::cmd::{Outcome, extract_options};
use crate::error::{Error, Result};
use crate::inspect::{Inspection, inspect_bytes};
use serde_json::Value;
use std::fmt::Write as _;
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};

pub fn run(args: &InspectArgs, _verbosity: Verbosity) -> Result<Outcome> {
    let options = extract_options(&args.read)?;
    let bytes = std::fs::read(&args.file).map_err(|err| Error::io(&args.file, "read", &err))?;
    let name = args.file.display().to_string();
    let inspected = catch_unwind(AssertUnwindSafe(|| inspect_bytes(&bytes, &name, &options)));
    let inspection = match inspected {
        Ok(Ok(inspection)) => inspection,
        Ok(Err(err)) => {
            eprintln!("bindery: {name}: {err}");
            return Ok(Outcome::Failures);
        }
        Err(_) => {
            eprintln!(
                "bindery: {name}: reading this document panicked; this is a bug in bindery, please report it with the file"
            );
            return Ok(Outcome::Failures);
        }
    };
    let mut text = if args.json {
        serde_json::to_string_pretty(&inspection).unwrap_or_default()
    } else {
        render(&inspection)
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|err| Error::from_io(format!("cannot write stdout: {err}"), &err))?;
    Ok(Outcome::Success)
}

/// The text view: sections with aligned labels, one line per item.
fn render(view: &Inspection) -> String {
    let mut out = String::new();
    let file = &view.file;
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let _ = writeln!(out, "File      {}", file.path);
    let _ = writeln!(out, "Size      {} bytes", file.bytes);
    let _ = writeln!(out, "SHA-256   {}", file.sha256);
    let _ = writeln!(
        out,
        "PDF       {}, {} page(s), encrypted: {}, linearized: {}, tagged: {}",
        file.pdf_version,
        file.pages,
        yes_no(file.encrypted),
        yes_no(file.linearized),
        yes_no(file.tagged)
    );
    let _ = writeln!(out, "Producer  {}", file.producer.as_deref().unwrap_or("-"));
    let _ = writeln!(out, "Creator   {}", file.creator.as_deref().unwrap_or("-"));

    let _ = writeln!(
        out,
        "\nMetadata (value [winning source]; candidates that lost below)"
    );
    for field in &view.metadata {
        let value = match &field.value {
            Value::Null => "-".to_string(),
            other => short(other),
        };
        let source = field
            .source
            .as_deref()
            .map(|s| format!(" [{s}]"))
            .unwrap_or_default();
        let _ = writeln!(out, "  {:<10} {value}{source}", field.field);
        if let Some(raw) = &field.raw {
            let _ = writeln!(out, "  {:<10}   as found: {}", "", clip(raw));
        }
        for alt in &field.alternatives {
            let _ = writeln!(
                out,
                "  {:<10}   lost: {} [{}] ({})",
                "",
                alt.get("value").map(short).unwrap_or_default(),
                alt.get("source").and_then(Value::as_str).unwrap_or("?"),
                alt.get("reason").and_then(Value::as_str).unwrap_or("")
            );
        }
    }
    if let Some(ids) = view.identifiers.as_array().filter(|a| !a.is_empty()) {
        for id in ids {
            let _ = writeln!(
                out,
                "  {:<10} {} {} [{}]",
                "identifier",
                id.get("type").and_then(Value::as_str).unwrap_or("?"),
                id.get("value").and_then(Value::as_str).unwrap_or(""),
                id.get("source").and_then(Value::as_str).unwrap_or("?")
            );
        }
    }

    let _ = writeln!(
        out,
        "\nFonts ({}; {} of {} glyphs unmapped)",
        view.fonts.len(),
        view.unmapped_glyphs,
        view.glyphs
    );
    for font in &view.fonts {
        let subtype = match &font.descendant {
            Some(d) => format!("{}/{d}", font.subtype),
            None => font.subtype.clone(),
        };
        // Type3 fonts often have no /BaseFont; name them by their object.
        let name = match (&font.base_font, &font.object) {
            (name, _) if !name.is_empty() => name.clone(),
            (_, Some(object)) => format!("(unnamed, object {object})"),
            (_, None) => "(unnamed, inline)".to_string(),
        };
        let _ = writeln!(
            out,
            "  {name}  {subtype}, encoding {}, ToUnicode {}, embedded {}, {} glyphs, {} unmapped, pages {}",
            font.encoding.as_deref().unwrap_or("-"),
            yes_no(font.to_unicode),
            yes_no(font.embedded),
            font.glyphs,
            font.unmapped_glyphs,
            page_list(&font.pages)
        );
    }

    let _ = writeln!(out, "\nPages");
    for page in &view.pages {
        let _ = writeln!(
            out,
            "  {:>4}  {} x {} pt, rotate {}, {} chars, {} words, {} glyphs ({} unmapped)",
            page.number,
            page.width,
            page.height,
            page.rotation,
            page.chars,
            page.words,
            page.glyphs,
            page.unmapped_glyphs
        );
        for warning in &page.warnings {
            let _ = writeln!(out, "        warning: {warning}");
        }
    }
    if !view.warnings.is_empty() {
        let _ = writeln!(out, "\nWarnings");
        for warning in &view.warnings {
            let _ = writeln!(out, "  {warning}");
        }
    }
    out
}

/// A JSON value on one line: strings bare, lists joined by "; ".
fn short(value: &Value) -> String {
    match value {
        Value::String(s) => clip(s),
        Value::Array(items) => clip(&items.iter().map(short).collect::<Vec<_>>().join("; ")),
        other => clip(&other.to_string()),
    }
}

/// At most 100 characters on one line, so an abstract does not flood the view.
fn clip(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.chars().count() > 100 {
        let head: String = flat.chars().take(99).collect();
        format!("{head}…")
    } else {
        flat
    }
}

/// 1-3, 5, 7-9.
fn page_list(pages: &[u32]) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &page in pages {
        match runs.last_mut() {
            Some((_, end)) if end.checked_add(1) == Some(page) => *end = page,
            _ => runs.push((page, page)),
        }
    }
    runs.iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_lists_collapse_runs() {
        assert_eq!(page_list(&[1, 2, 3, 5, 7, 8]), "1-3, 5, 7-8");
        assert_eq!(page_list(&[]), "");
    }

    #[test]
    fn long_values_are_clipped_on_one_line() {
        let long = "a\n".repeat(200);
        let clipped = clip(&long);
        assert_eq!(clipped.chars().count(), 100);
        assert!(!clipped.contains('\n'));
    }
}
