//! The catalogue as one self-contained HTML page: inline CSS, a little
//! inline JavaScript to sort and filter the table, nothing fetched (a
//! Content-Security-Policy forbids it). Every value comes from untrusted
//! PDFs, so every value goes through [`escape`]; the script reads cells as
//! text and never builds markup.

use super::{Catalogue, Verification};
use std::fmt::Write as _;

/// Escape text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and newline are not
            // allowed in HTML text; show them as the replacement mark.
            c if c.is_control() && c != '\t' && c != '\n' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "\
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 auto;max-width:1200px;padding:1.5em;color:#1d2433;background:#fafbfc}\
h1{margin:.2em 0}h2{margin-top:1.8em;border-bottom:1px solid #d8dde6;padding-bottom:.2em}\
.status{display:inline-block;padding:.3em .8em;border-radius:4px;font-weight:600}\
.valid{background:#dcf5e3;color:#14532d}.invalid{background:#fde2e1;color:#7f1d1d}.unknown{background:#fef3c7;color:#78350f}\
ol.timeline{list-style:none;padding-left:0;border-left:3px solid #9db4d6;margin-left:.5em}\
ol.timeline li{margin:0 0 .9em 0;padding-left:1em;position:relative}\
ol.timeline li::before{content:'';position:absolute;left:-.55em;top:.35em;width:.7em;height:.7em;border-radius:50%;background:#3b6db3}\
.counts span{margin-right:.8em}.added{color:#166534}.changed{color:#854d0e}.removed{color:#991b1b}.renamed{color:#3730a3}\
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #d8dde6;padding:.3em .5em;text-align:left;vertical-align:top}\
th{background:#eef2f8;cursor:pointer;user-select:none;white-space:nowrap}th[aria-sort=ascending]::after{content:' \\25B2'}th[aria-sort=descending]::after{content:' \\25BC'}\
td.num,td.date{white-space:nowrap}td.num{text-align:right;font-variant-numeric:tabular-nums}tr.failed td{background:#fff5f5}\
input[type=search]{font:inherit;padding:.3em .5em;width:22em;margin:.3em 1em .6em 0}\
.bar{background:#e5e9f0;width:12em;height:.8em;display:inline-block;vertical-align:middle}.bar span{display:block;height:100%;background:#3b6db3}\
code{white-space:nowrap}.path{color:#5b6475;font-size:.85em}code{font-size:.9em}";

/// The script: click a header to sort (numbers by `data-v`), type to
/// filter; shows how many rows match. Reads and sets text only. The view
/// lives in the address's fragment (`#sort=pages&order=desc&q=water`), so
/// a sorted, filtered view can be bookmarked or sent as a link.
const SCRIPT: &str = "\
(function(){var t=document.getElementById('documents');if(!t)return;var b=t.tBodies[0];\
var heads=Array.prototype.slice.call(t.tHead.rows[0].cells);\
var rows=Array.prototype.slice.call(b.rows);var f=document.getElementById('filter');var n=document.getElementById('shown');\
var view={sort:null,order:'asc',q:''};\
function slug(h){return h.textContent.trim().toLowerCase().replace(/\\s+/g,'-');}\
function save(){var p=[];if(view.sort)p.push('sort='+view.sort,'order='+view.order);if(view.q)p.push('q='+encodeURIComponent(view.q));\
try{history.replaceState(null,'',p.length?'#'+p.join('&'):location.pathname+location.search);}catch(e){}}\
function show(){var q=view.q.toLowerCase();var k=0;rows.forEach(function(r){var m=r.textContent.toLowerCase().indexOf(q)>=0;r.hidden=!m;if(m)k++;});\
n.textContent=k+' of '+rows.length+' documents shown';}\
function key(r,i){var c=r.cells[i];var v=c.getAttribute('data-v');return v===null?c.textContent.toLowerCase():parseFloat(v);}\
function order(){var i=-1;heads.forEach(function(h,j){h.removeAttribute('aria-sort');if(slug(h)===view.sort)i=j;});if(i<0)return;\
var up=view.order!=='desc';heads[i].setAttribute('aria-sort',up?'ascending':'descending');\
rows.sort(function(a,c){var x=key(a,i),y=key(c,i);var r=x<y?-1:x>y?1:0;return up?r:-r;});rows.forEach(function(r){b.appendChild(r);});}\
location.hash.slice(1).split('&').forEach(function(p){var e=p.indexOf('=');if(e<0)return;var k=p.slice(0,e),v=p.slice(e+1);\
try{v=decodeURIComponent(v.replace(/\\+/g,' '));}catch(x){return;}if(k==='sort')view.sort=v;else if(k==='order')view.order=v;else if(k==='q')view.q=v;});\
f.value=view.q;\
heads.forEach(function(h){h.addEventListener('click',function(){\
view.order=(view.sort===slug(h)&&view.order!=='desc')?'desc':'asc';view.sort=slug(h);order();save();});});\
f.addEventListener('input',function(){view.q=f.value;show();save();});order();show();})();";

/// The whole page. Same catalogue, same bytes.
pub fn render(catalogue: &Catalogue) -> String {
    let mut out = String::new();
    let name = escape(&catalogue.name);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"bindery {}\">\n\
         <title>{name}: catalogue</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(
        out,
        "<h1>{name}</h1>\n<p>Version {} of {}: {} documents, {} failed.</p>",
        catalogue.latest,
        catalogue.versions.len(),
        catalogue.documents.len(),
        catalogue.failures.len()
    );
    verification_section(&mut out, &catalogue.verification);
    timeline_section(&mut out, catalogue);
    documents_section(&mut out, catalogue);
    coverage_section(&mut out, catalogue);
    failures_section(&mut out, catalogue);
    let _ = write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

fn verification_section(out: &mut String, v: &Verification) {
    let (class, verdict) = match v.valid {
        Some(true) => ("valid", "valid"),
        Some(false) => ("invalid", "INVALID"),
        None => ("unknown", "could not be verified"),
    };
    let scope = if v.fast {
        "sizes and structure only (fast): contents not hashed".to_string()
    } else {
        format!("{} files, {:.1} MB hashed", v.files, v.bytes as f64 / 1e6)
    };
    let _ = writeln!(
        out,
        "<h2>Verification</h2>\n<p><span id=\"verify-status\" class=\"status {class}\">{verdict}</span> \
         {} bag(s), {}, {} problem(s)</p>",
        v.bags,
        escape(&scope),
        v.problems.len()
    );
    if !v.problems.is_empty() {
        out.push_str("<ul>\n");
        for problem in &v.problems {
            let _ = writeln!(out, "<li>{}</li>", escape(problem));
        }
        out.push_str("</ul>\n");
    }
}

fn timeline_section(out: &mut String, catalogue: &Catalogue) {
    out.push_str("<h2>Versions</h2>\n<ol class=\"timeline\">\n");
    for v in catalogue.versions.iter().rev() {
        let message = if v.message.is_empty() {
            "<em>no message</em>".to_string()
        } else {
            escape(&v.message)
        };
        let _ = writeln!(
            out,
            "<li><strong>Version {}</strong> · <time>{}</time> · {message}<br>\
             <span class=\"counts\"><span>{} documents</span><span class=\"added\">+{} added</span>\
             <span class=\"changed\">~{} changed</span><span class=\"removed\">−{} removed</span>\
             <span class=\"renamed\">→{} renamed</span><span>{} files stored, {}</span></span></li>",
            v.version,
            escape(&v.date),
            v.documents,
            v.added,
            v.changed,
            v.removed,
            v.renamed,
            v.stored_files,
            human_bytes(v.stored_bytes)
        );
    }
    out.push_str("</ol>\n");
}

fn documents_section(out: &mut String, catalogue: &Catalogue) {
    let _ = writeln!(
        out,
        "<h2>Documents of version {}</h2>\n\
         <label>Filter <input id=\"filter\" type=\"search\" placeholder=\"title, author, path…\"></label>\
         <span id=\"shown\"></span>\n\
         <table id=\"documents\">\n<thead><tr><th>Title</th><th>Authors</th><th>Date</th><th>Language</th>\
         <th>Pages</th><th>Series</th><th>Size</th><th>Added in</th></tr></thead>\n<tbody>",
        catalogue.latest
    );
    for row in &catalogue.documents {
        let title = if row.title.is_empty() {
            "<em>no title</em>".to_string()
        } else {
            escape(&row.title)
        };
        let status = if row.ok {
            ""
        } else {
            " <strong>(extraction failed)</strong>"
        };
        let pages = row.pages.map(|p| p.to_string()).unwrap_or_default();
        let added = row.added_in.map(|v| v.to_string()).unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr{}><td>{title}{status}<div class=\"path\">{}</div></td><td>{}</td><td class=\"date\">{}</td><td>{}</td>\
             <td class=\"num\" data-v=\"{}\">{pages}</td><td>{}</td><td class=\"num\" data-v=\"{}\">{}</td>\
             <td class=\"num\" data-v=\"{}\">{added}</td></tr>",
            if row.ok { "" } else { " class=\"failed\"" },
            escape(&row.path),
            escape(&row.authors),
            escape(&row.date),
            escape(&row.language),
            row.pages.unwrap_or(0),
            escape(&row.series),
            row.bytes,
            human_bytes(row.bytes),
            row.added_in.unwrap_or(0),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn coverage_section(out: &mut String, catalogue: &Catalogue) {
    let documents = catalogue.coverage.first().map_or(0, |c| c.documents);
    let _ = writeln!(
        out,
        "<h2>Metadata coverage</h2>\n<p>Share of the {documents} successfully read documents with a value.</p>\n\
         <table id=\"coverage\"><thead><tr><th>Field</th><th>Documents</th><th>Coverage</th></tr></thead><tbody>"
    );
    for c in &catalogue.coverage {
        let percent = c.percent();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{} / {}</td><td><span class=\"bar\"><span style=\"width:{percent}%\"></span></span> {percent}%</td></tr>",
            escape(&c.field),
            c.with_value,
            c.documents
        );
    }
    out.push_str("</tbody></table>\n");
}

fn failures_section(out: &mut String, catalogue: &Catalogue) {
    let _ = writeln!(out, "<h2>Failures ({})</h2>", catalogue.failures.len());
    if catalogue.failures.is_empty() {
        out.push_str("<p>Every document was read.</p>\n");
        return;
    }
    out.push_str(
        "<table id=\"failures\"><thead><tr><th>Document</th><th>Kind</th><th>What happened</th></tr></thead><tbody>\n",
    );
    for f in &catalogue.failures {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td><code>{}</code></td><td>{}</td></tr>",
            escape(&f.path),
            escape(&f.kind),
            escape(&f.message)
        );
    }
    out.push_str("</tbody></table>\n");
}

/// 1234567 -> "1.2 MB"; exact bytes below 1 kB.
fn human_bytes(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", bytes as f64 / 1e6),
        _ => format!("{:.1} GB", bytes as f64 / 1e9),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_values_becomes_text() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(escape("a\"b'c&d"), "a&quot;b&#39;c&amp;d");
        assert_eq!(escape("x\u{0}y"), "x\u{FFFD}y");
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_bytes(999), "999 B");
        assert_eq!(human_bytes(1_234_567), "1.2 MB");
    }
}
