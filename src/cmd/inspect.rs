//! `bindery inspect FILE.pdf`: one PDF as bindery sees it — the file, its
//! metadata by source and which source won, its fonts (encoding, ToUnicode,
//! embedded), its pages (size, glyphs, unmapped glyphs, text), and the
//! warnings. For a person (`--json` for a script); docs/inspect.md.

use crate::cli::{InspectArgs, Verbosity};
use crate::cmd::{Outcome, extract_options};
use crate::error::{Error, Result};
use crate::extract::{extract_bytes, read_pages};
use crate::pdf::document;
use crate::pdf::font_survey::{FontEntry, survey};
use crate::pdf::limits::Budget;
use crate::record::{Record, count_words};
use serde::Serialize;
use serde_json::Value;

/// One page as inspect reports it.
#[derive(Debug, Serialize)]
struct PageFacts {
    page: u32,
    width: f32,
    height: f32,
    glyphs: u32,
    unmapped_glyphs: u32,
    chars: usize,
    words: u64,
}

pub fn run(args: &InspectArgs, _verbosity: Verbosity) -> Result<Outcome> {
    let options = extract_options(&args.read)?;
    let bytes = std::fs::read(&args.file).map_err(|err| Error::io(&args.file, "read", &err))?;
    let name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let record = extract_bytes(&bytes, &name, &options);
    let (fonts, pages) = fonts_and_pages(&bytes, &options, &record);
    if args.json {
        let value = record.to_value();
        let out = serde_json::json!({
            "file": value["source"],
            "status": value["status"],
            "error": value.get("error").cloned().unwrap_or(Value::Null),
            "pdf": value.get("pdf").cloned().unwrap_or(Value::Null),
            "metadata": value.get("metadata").cloned().unwrap_or(Value::Null),
            "fonts": fonts,
            "pages": pages,
            "quality": value.get("quality").cloned().unwrap_or(Value::Null),
        });
        println!("{out}");
    } else {
        print_report(&args.file.display().to_string(), &record, &fonts, &pages);
    }
    Ok(if record.is_ok() {
        Outcome::Success
    } else {
        Outcome::Failures
    })
}

/// Fonts and page facts need the document itself; a file that does not
/// open has none (its record says why).
fn fonts_and_pages(
    bytes: &[u8],
    options: &crate::ExtractOptions,
    record: &Record,
) -> (Vec<FontEntry>, Vec<PageFacts>) {
    let Ok(doc) = document::open(bytes, &options.open) else {
        return (Vec::new(), Vec::new());
    };
    let fonts = survey(&doc.inner, &doc.pages);
    let budget = Budget::new(options.open.limits.clone());
    let glyphs = read_pages(&doc, &budget, None).unwrap_or_default();
    let texts = record
        .text
        .as_ref()
        .map(|t| t.pages.as_slice())
        .unwrap_or(&[]);
    let pages = glyphs
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let text = texts.get(i).map_or("", String::as_str);
            PageFacts {
                page: i as u32 + 1,
                width: page.width,
                height: page.height,
                glyphs: page.glyph_count,
                unmapped_glyphs: page.unmapped,
                chars: text.chars().count(),
                words: count_words(text),
            }
        })
        .collect();
    (fonts, pages)
}

fn print_report(path: &str, record: &Record, fonts: &[FontEntry], pages: &[PageFacts]) {
    let value = record.to_value();
    println!("{path}");
    println!(
        "  {} bytes, sha256 {}",
        value["source"]["bytes"],
        value["source"]["sha256"].as_str().unwrap_or("-")
    );
    if let Some(error) = &record.error {
        println!("  not read: {}: {}", error.kind, error.message);
        return;
    }
    if let Some(pdf) = &record.pdf {
        println!(
            "  PDF {}, {} pages, encrypted: {}, producer: {}",
            pdf.version,
            pdf.pages,
            if pdf.encrypted { "yes" } else { "no" },
            pdf.producer.as_deref().unwrap_or("-")
        );
    }
    println!("\nMetadata (the first source listed won; the others were set aside)");
    if let Some(Value::Object(fields)) = value.get("metadata") {
        let mut names: Vec<&String> = fields.keys().collect();
        names.sort();
        for name in names {
            print_field(name, &fields[name.as_str()]);
        }
    }
    println!("\nFonts");
    if fonts.is_empty() {
        println!("  none");
    }
    for font in fonts {
        println!(
            "  {:<28} {:<22} encoding {:<18} ToUnicode {:<3} embedded {:<3} pages {}",
            font.base_font,
            font.subtype,
            font.encoding,
            yes_no(font.to_unicode),
            yes_no(font.embedded),
            font.pages
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(",")
        );
    }
    println!("\nPages");
    for page in pages {
        println!(
            "  {:>4}  {:>6.0} x {:<6.0} {:>7} glyphs {:>5} unmapped {:>7} chars {:>6} words",
            page.page,
            page.width,
            page.height,
            page.glyphs,
            page.unmapped_glyphs,
            page.chars,
            page.words
        );
    }
    if let Some(warnings) = value["quality"]["warnings"]
        .as_array()
        .filter(|w| !w.is_empty())
    {
        println!("\nWarnings");
        for warning in warnings {
            println!("  {}", warning.as_str().unwrap_or_default());
        }
    }
}

fn print_field(name: &str, field: &Value) {
    let Some(source) = field.get("source").and_then(Value::as_str) else {
        // Lists of their own (identifiers) print as they are.
        if field.as_array().is_some_and(|a| !a.is_empty()) {
            println!("  {name:<12} {field}");
        }
        return;
    };
    println!("  {name:<12} {source:<8} {}", shown(&field["value"]));
    for other in field["alternatives"].as_array().into_iter().flatten() {
        println!(
            "  {:<12} {:<8} {}  ({})",
            "",
            other["source"].as_str().unwrap_or("-"),
            shown(&other["value"]),
            other["reason"].as_str().unwrap_or("")
        );
    }
}

/// A value on one line, strings without quotes, long ones cut.
fn shown(value: &Value) -> String {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    };
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 100 {
        format!("{}...", flat.chars().take(100).collect::<String>())
    } else {
        flat
    }
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}
