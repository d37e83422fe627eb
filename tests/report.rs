//! `bindery inspect` and `bindery report` through the binary: inspect on
//! every sample (text and JSON), the catalogue of an archive packed from the
//! samples (titles shown, markup from a hostile PDF shown as text, same bytes
//! twice), and the page rendered in headless Chromium when it is installed.

mod common;

use common::{
    TempDir, bindery, is_broken_sample, records, sample_pdfs, skip, stderr, stdout, temp_dir,
};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn s(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp paths")
}

/// The title bindery extracts for each readable sample.
fn sample_titles() -> Vec<String> {
    let out = bindery(&["extract", "samples", "-q"]);
    records(&stdout(&out))
        .iter()
        .filter_map(|r| r["metadata"]["title"]["value"].as_str().map(str::to_string))
        .collect()
}

/// HTML text escaping, written independently of the crate's.
fn html_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn inspect_shows_every_readable_sample_as_text_and_json() {
    for pdf in sample_pdfs() {
        let path = s(&pdf);
        let text = bindery(&["inspect", path]);
        let json = bindery(&["inspect", path, "--json"]);
        if is_broken_sample(&pdf) {
            assert_eq!(text.status.code(), Some(1), "{path}");
            assert!(stderr(&text).contains(path), "error names the file");
            assert!(stderr(&text).contains("truncated"), "{}", stderr(&text));
            continue;
        }
        assert_eq!(text.status.code(), Some(0), "{path}: {}", stderr(&text));
        let view = stdout(&text);
        for section in ["SHA-256", "Metadata", "Fonts", "Pages"] {
            assert!(view.contains(section), "{path}: no {section} in\n{view}");
        }
        let value: Value = serde_json::from_str(&stdout(&json)).expect("--json is one object");
        let pages = value["pages"].as_array().expect("pages");
        assert_eq!(Some(pages.len() as u64), value["file"]["pages"].as_u64());
        assert!(pages.iter().all(|p| p["width"].as_f64() > Some(0.0)));
        let fonts = value["fonts"].as_array().expect("fonts");
        assert!(!fonts.is_empty(), "{path}: a text PDF paints with fonts");
        let font_glyphs: u64 = fonts.iter().filter_map(|f| f["glyphs"].as_u64()).sum();
        assert_eq!(Some(font_glyphs), value["glyphs"].as_u64(), "{path}");
        let fields: Vec<_> = value["metadata"]
            .as_array()
            .expect("metadata")
            .iter()
            .filter_map(|f| f["field"].as_str())
            .collect();
        assert_eq!(fields.first(), Some(&"title"));
    }
}

#[test]
fn inspect_tells_which_source_won_and_what_lost() {
    let out = bindery(&["inspect", "samples/water-policy-brief.pdf", "--json"]);
    let value: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let field = |name: &str| {
        value["metadata"]
            .as_array()
            .and_then(|a| a.iter().find(|f| f["field"] == name))
            .cloned()
            .unwrap_or(Value::Null)
    };
    assert_eq!(field("title")["value"], "Pricing Urban Water for Scarcity");
    assert_eq!(field("title")["source"], "info");
    // The Info creation date is offered but loses to the printed date.
    let date = field("date");
    assert_eq!(date["source"], "page");
    assert!(
        date["alternatives"]
            .as_array()
            .is_some_and(|a| a.iter().any(|alt| alt["source"] == "info"))
    );
    let fonts = value["fonts"].as_array().expect("fonts");
    assert!(
        fonts
            .iter()
            .all(|f| f["subtype"] == "TrueType" && f["embedded"] == true)
    );
}

#[test]
fn inspect_of_a_missing_file_is_a_usage_error() {
    let out = bindery(&["inspect", "samples/no-such-file.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-file.pdf"));
}

/// A one-page PDF whose Info title is `title` (a literal string, escaped
/// for PDF here), with correct xref offsets.
fn pdf_titled(title: &str) -> Vec<u8> {
    let escaped = title
        .replace('\\', "\\\\")
        .replace('(', "\\(")
        .replace(')', "\\)");
    // Printed on the page too, as a real title is, so the Info title wins.
    let content = format!("BT /F1 18 Tf 72 720 Td ({escaped}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        format!("<< /Title ({escaped}) /Author (Mallory) >>"),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (index, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", index + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

const HOSTILE_TITLE: &str = "<script>alert(1)</script> & \"quotes\"";

/// An archive of the samples plus a PDF with a hostile title, and its
/// catalogue; returns (work folder, catalogue path).
fn catalogue(name: &str) -> (TempDir, PathBuf) {
    let work = temp_dir(name);
    let inputs = work.join("inputs");
    std::fs::create_dir_all(&inputs).expect("mkdir");
    for pdf in sample_pdfs() {
        let target = inputs.join(pdf.file_name().expect("file name"));
        std::fs::copy(&pdf, target).expect("copy sample");
    }
    std::fs::write(inputs.join("hostile.pdf"), pdf_titled(HOSTILE_TITLE)).expect("write");
    let archive = work.join("archive");
    let packed = bindery(&[
        "pack",
        s(&inputs),
        "--archive",
        s(&archive),
        "--date",
        "2026-01-31",
        "-m",
        "first <load>",
        "-q",
    ]);
    // The truncated sample fails, which pack reports with exit 1.
    assert_eq!(packed.status.code(), Some(1), "{}", stderr(&packed));
    let html = work.join("catalogue.html");
    let out = bindery(&["report", s(&archive), "-o", s(&html), "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    (work, html)
}

#[test]
fn report_lists_the_samples_and_escapes_hostile_titles() {
    let (work, html_path) = catalogue("report-html");
    let html = std::fs::read_to_string(&html_path).expect("catalogue written");
    for title in sample_titles() {
        assert!(html.contains(&html_text(&title)), "title {title:?} missing");
    }
    assert!(!html.contains("<script>alert(1)"), "markup from a PDF ran");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    assert!(
        html.contains("first &lt;load&gt;"),
        "version message escaped"
    );
    assert!(html.contains("class=\"status valid\""));
    assert!(html.contains("truncated-report.pdf") && html.contains("<code>truncated</code>"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no network"
    );
    // Same archive, same bytes.
    let again = work.join("again.html");
    let out = bindery(&["report", s(&work.join("archive")), "-o", s(&again), "-q"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read(&again).expect("second"), html.into_bytes());
    let _ = std::fs::remove_dir_all(work);
}

#[test]
fn report_on_a_tampered_archive_says_invalid_and_exits_1() {
    let (work, _) = catalogue("report-invalid");
    let archive = work.join("archive");
    let bundle = std::fs::read_dir(&archive)
        .expect("archive")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "zip"))
        .expect("a bundle");
    let mut bytes = std::fs::read(&bundle).expect("bundle");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&bundle, bytes).expect("tamper");
    let html = work.join("bad.html");
    let out = bindery(&["report", s(&archive), "-o", s(&html), "-q"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // The page is still written, and says so.
    let page = std::fs::read_to_string(&html).expect("page written anyway");
    assert!(page.contains("class=\"status invalid\""), "{page}");
    let _ = std::fs::remove_dir_all(work);
}

#[test]
fn catalogue_renders_in_headless_chromium() {
    let Some(chromium) = ["chromium", "chromium-browser"].into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        skip(
            "catalogue_renders_in_headless_chromium: chromium is not installed (apt-get install chromium)",
        );
        return;
    };
    let (work, html) = catalogue("report-chromium");
    let profile = work.join("profile");
    let url = format!("file://{}", s(&html));
    let base = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];
    let user_data = format!("--user-data-dir={}", s(&profile));
    let shot = work.join("shot.png");
    let shot_flag = format!("--screenshot={}", s(&shot));
    let screenshot = Command::new(chromium)
        .args(base)
        .args([
            user_data.as_str(),
            shot_flag.as_str(),
            "--window-size=1280,900",
            &url,
        ])
        .output()
        .expect("chromium runs");
    assert!(screenshot.status.success(), "{}", stderr(&screenshot));
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "a real picture"
    );
    let dump_dom = |address: &str| {
        let out = Command::new(chromium)
            .args(base)
            .args([user_data.as_str(), "--dump-dom", address])
            .output()
            .expect("chromium runs");
        stdout(&out)
    };
    let dom = dump_dom(&url);
    for title in sample_titles() {
        assert!(
            dom.contains(&html_text(&title)),
            "title {title:?} not rendered"
        );
    }
    // The script ran: it counted the rows, and the hostile title stayed text.
    assert!(
        dom.contains("9 of 9 documents shown"),
        "the table script did not run"
    );
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_eq!(dom.matches("<tr").count(), 1 + 9 + 1 + 10 + 1 + 1);

    // A view in the address: sorted by pages, most first, and filtered.
    let sorted = dump_dom(&format!("{url}#sort=pages&order=desc"));
    assert!(sorted.contains("<th aria-sort=\"descending\">Pages</th>"));
    let pages = page_counts_in_order(&sorted);
    assert_eq!(pages.len(), 9, "{pages:?}");
    assert!(
        pages.windows(2).all(|w| w[0] >= w[1]),
        "not sorted: {pages:?}"
    );
    assert!(pages.first() > pages.last(), "the samples differ in length");
    let ascending = page_counts_in_order(&dump_dom(&format!("{url}#sort=pages")));
    assert!(ascending.windows(2).all(|w| w[0] <= w[1]), "{ascending:?}");
    let filtered = dump_dom(&format!("{url}#q=scarcity"));
    assert!(
        filtered.contains("1 of 9 documents shown"),
        "filter from the address"
    );
    let shown: Vec<&str> = documents_table(&filtered)
        .split("<tr")
        .filter(|row| {
            let tag = row.split('>').next().unwrap_or_default();
            !tag.contains("hidden") && row.contains("class=\"path\"")
        })
        .collect();
    assert_eq!(shown.len(), 1, "one row left visible: {shown:?}");
    assert!(shown[0].contains("water-policy-brief.pdf"), "{}", shown[0]);
    if std::env::var_os("BINDERY_KEEP_SCREENSHOT").is_some() {
        eprintln!("screenshot kept in {}", shot.display());
    } else {
        let _ = std::fs::remove_dir_all(work);
    }
}

/// The Pages column (the fifth cell, a `data-v` number) of each row of the
/// documents table, in the order the page shows them.
fn page_counts_in_order(dom: &str) -> Vec<u64> {
    documents_table(dom)
        .split("<tr")
        .skip(2)
        .filter_map(|row| {
            let cell = row.split("<td").nth(5)?;
            let value = cell.split("data-v=\"").nth(1)?.split('"').next()?;
            value.parse().ok()
        })
        .collect()
}

fn documents_table(dom: &str) -> &str {
    dom.split("id=\"documents\"")
        .nth(1)
        .and_then(|rest| rest.split("</table>").next())
        .unwrap_or_default()
}
