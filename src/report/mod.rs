//! The catalogue of an archive that `bindery report` writes: what it shows
//! (versions, the latest version's documents, metadata coverage, failures,
//! the verifier's verdict), gathered from the bundles. `html.rs` turns it
//! into one self-contained page.

pub mod html;

use crate::archive::Archive;
use crate::archive::inventory::VersionInfo;
use crate::archive::verify::verify_path;
use crate::error::Result;
use crate::inspect::METADATA_FIELDS;
use serde_json::Value;

/// Everything the page shows, in display order. Built from the archive
/// alone, so the same archive always gives the same catalogue.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub name: String,
    pub latest: u32,
    pub versions: Vec<VersionInfo>,
    /// Documents of the latest version, by logical path.
    pub documents: Vec<Row>,
    pub coverage: Vec<Coverage>,
    pub failures: Vec<Failure>,
    pub verification: Verification,
}

/// One document of the latest version, as the table shows it.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub path: String,
    pub title: String,
    pub authors: String,
    pub date: String,
    pub language: String,
    pub pages: Option<u64>,
    pub series: String,
    pub bytes: u64,
    /// The version whose bundle first stored this PDF.
    pub added_in: Option<u32>,
    pub ok: bool,
}

/// How many successfully read documents have a value for a field.
#[derive(Debug, Clone)]
pub struct Coverage {
    pub field: String,
    pub with_value: usize,
    pub documents: usize,
}

impl Coverage {
    /// Whole percent, rounded half up; 0 when there are no documents.
    pub fn percent(&self) -> usize {
        (self.with_value * 100 + self.documents / 2)
            .checked_div(self.documents)
            .unwrap_or(0)
    }
}

/// A document whose extraction failed (an error record).
#[derive(Debug, Clone)]
pub struct Failure {
    pub path: String,
    pub kind: String,
    pub message: String,
}

/// What the verifier said about the whole archive.
#[derive(Debug, Clone)]
pub struct Verification {
    /// `None` when verification could not run; the reason is in `problems`.
    pub valid: Option<bool>,
    pub fast: bool,
    pub bags: usize,
    pub files: usize,
    pub bytes: u64,
    /// Errors first, then warnings, each `bag: file: cause`.
    pub problems: Vec<String>,
}

/// Read the catalogue of the archive in `archive.dir`; verify it fully, or
/// only sizes and structure when `fast`.
pub fn gather(archive: &Archive, fast: bool) -> Result<Catalogue> {
    let latest = archive.latest_version();
    let inventory = archive.inventory(latest)?;
    let mut documents = Vec::with_capacity(inventory.state.len());
    let mut failures = Vec::new();
    let mut with_value = vec![0usize; METADATA_FIELDS.len() + 1];
    let mut readable = 0usize;
    for (path, doc) in &inventory.state {
        let record = archive
            .read_content(&inventory, &doc.record)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
            .unwrap_or(Value::Null);
        let mut row = row_of(&record);
        row.path = path.clone();
        row.ok = doc.ok;
        row.added_in = inventory.manifest.get(&doc.pdf).map(|s| s.version);
        if row.bytes == 0 {
            row.bytes = inventory.manifest.get(&doc.pdf).map_or(0, |s| s.bytes);
        }
        if doc.ok {
            readable += 1;
            let metadata = &record["metadata"];
            for (slot, field) in METADATA_FIELDS.iter().enumerate() {
                if has_value(&metadata[field]["value"])
                    && let Some(count) = with_value.get_mut(slot)
                {
                    *count += 1;
                }
            }
            if has_value(&metadata["identifiers"])
                && let Some(count) = with_value.last_mut()
            {
                *count += 1;
            }
        } else {
            failures.push(Failure {
                path: path.clone(),
                kind: text_at(&record["error"]["kind"]).unwrap_or_else(|| "unknown".into()),
                message: text_at(&record["error"]["message"])
                    .unwrap_or_else(|| "the error record could not be read".into()),
            });
        }
        documents.push(row);
    }
    let coverage = METADATA_FIELDS
        .iter()
        .copied()
        .chain(std::iter::once("identifiers"))
        .zip(with_value)
        .map(|(field, with_value)| Coverage {
            field: field.to_string(),
            with_value,
            documents: readable,
        })
        .collect();
    Ok(Catalogue {
        name: archive.name.clone(),
        latest,
        versions: inventory.versions.clone(),
        documents,
        coverage,
        failures,
        verification: verification(archive, fast),
    })
}

fn verification(archive: &Archive, fast: bool) -> Verification {
    match verify_path(&archive.dir, fast) {
        Ok(report) => {
            let mut findings: Vec<_> = report.findings.iter().collect();
            // Errors before warnings; otherwise the verifier's order.
            findings.sort_by_key(|f| !f.is_error());
            Verification {
                valid: if report.unchecked.is_empty() || report.errors() > 0 {
                    Some(report.is_valid())
                } else {
                    None
                },
                fast: report.fast,
                bags: report.bags,
                files: report.files,
                bytes: report.bytes,
                problems: findings
                    .iter()
                    .map(|f| f.to_string())
                    .chain(report.unchecked.iter().map(|u| format!("not checked: {u}")))
                    .collect(),
            }
        }
        Err(err) => Verification {
            valid: None,
            fast,
            bags: 0,
            files: 0,
            bytes: 0,
            problems: vec![err.to_string()],
        },
    }
}

/// The table's cells from a record's JSON (any field may be missing).
fn row_of(record: &Value) -> Row {
    let metadata = &record["metadata"];
    let value = |field: &str| &metadata[field]["value"];
    Row {
        title: text_at(value("title")).unwrap_or_default(),
        authors: match value("authors") {
            Value::Array(names) => names
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("; "),
            other => text_at(other).unwrap_or_default(),
        },
        date: text_at(value("date")).unwrap_or_default(),
        language: text_at(value("language")).unwrap_or_default(),
        series: text_at(value("series")).unwrap_or_default(),
        pages: record["pdf"]["pages"].as_u64(),
        bytes: record["source"]["bytes"].as_u64().unwrap_or(0),
        ..Row::default()
    }
}

fn text_at(value: &Value) -> Option<String> {
    value.as_str().map(str::to_string)
}

fn has_value(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(items) => !items.is_empty(),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rows_take_what_the_record_has() {
        let record = json!({
            "source": {"bytes": 1234},
            "pdf": {"pages": 3},
            "metadata": {
                "title": {"value": "Pricing Water", "source": "info"},
                "authors": {"value": ["A. One", "B. Two"], "source": "page"}
            }
        });
        let row = row_of(&record);
        assert_eq!(row.title, "Pricing Water");
        assert_eq!(row.authors, "A. One; B. Two");
        assert_eq!(row.pages, Some(3));
        assert_eq!(row.bytes, 1234);
        assert_eq!(row.date, "");
    }

    #[test]
    fn coverage_rounds_and_survives_no_documents() {
        let third = Coverage {
            field: "title".into(),
            with_value: 2,
            documents: 3,
        };
        assert_eq!(third.percent(), 67);
        let none = Coverage {
            field: "title".into(),
            with_value: 0,
            documents: 0,
        };
        assert_eq!(none.percent(), 0);
    }
}
