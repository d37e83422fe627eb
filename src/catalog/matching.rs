//! Pairing catalog rows with PDFs, before any is read, and saying what did
//! not pair cleanly.
//!
//! A row matches the PDFs that every key it gives names (its SHA-256, its
//! path, its file name). Then:
//! - a row that matches nothing is reported, with the key that found
//!   nothing;
//! - a row whose keys each name a PDF, but not the same one, is an error:
//!   the catalog contradicts itself, and guessing would put one
//!   publication's metadata on another;
//! - a row that matches several PDFs with different content (a file name
//!   found in two folders) is ambiguous: reported, not used;
//! - a PDF that two rows match is reported, and neither row is used, so
//!   the result does not depend on the order of the catalog.

use super::{Catalog, Entry, Row};
use std::collections::HashMap;
use std::sync::Arc;

/// A PDF the catalog may describe: its logical paths (an archive may hold
/// the same content at several), and its SHA-256 when hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub paths: Vec<String>,
    pub sha256: Option<String>,
}

impl Candidate {
    fn shown(&self) -> &str {
        self.paths.first().map_or("?", String::as_str)
    }

    fn names(&self) -> impl Iterator<Item = &str> {
        self.paths.iter().map(|p| p.rsplit('/').next().unwrap_or(p))
    }
}

/// The outcome of matching: for each candidate, the row that describes it.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    /// Index into the catalog's rows, per candidate.
    pub rows: Vec<Option<usize>>,
    /// Rows that match nothing or too much, PDFs matched twice: reported,
    /// the command goes on.
    pub warnings: Vec<String>,
    /// Rows that contradict themselves: the command must not go on.
    pub errors: Vec<String>,
}

/// Match every row of `catalog` against `candidates`.
pub fn match_rows(catalog: &Catalog, candidates: &[Candidate]) -> Matches {
    let mut by_sha: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_path: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, candidate) in candidates.iter().enumerate() {
        if let Some(sha) = &candidate.sha256 {
            by_sha.entry(sha).or_default().push(index);
        }
        for path in &candidate.paths {
            push_once(by_path.entry(path).or_default(), index);
        }
        for name in candidate.names() {
            push_once(by_name.entry(name).or_default(), index);
        }
    }
    let label = &catalog.label;
    let mut matches = Matches {
        rows: vec![None; candidates.len()],
        ..Matches::default()
    };
    let mut rows_of: Vec<Vec<usize>> = vec![Vec::new(); candidates.len()];
    for (row_index, row) in catalog.rows.iter().enumerate() {
        let keys = &row.keys;
        let looked_up = [
            ("sha256", keys.sha256.as_deref(), &by_sha),
            ("path", keys.path.as_deref(), &by_path),
            ("file name", keys.file.as_deref(), &by_name),
        ];
        let found: Vec<(&str, &str, &[usize])> = looked_up
            .iter()
            .filter_map(|(kind, value, index)| {
                value.map(|v| (*kind, v, index.get(v).map_or(&[][..], Vec::as_slice)))
            })
            .collect();
        let place = format!("{label}:{}", row.line);
        if let Some((kind, value, _)) = found.iter().find(|(_, _, hits)| hits.is_empty()) {
            matches.warnings.push(format!(
                "{place}: matches no PDF (no PDF has {kind} {value:?}); row not used"
            ));
            continue;
        }
        let mut common: Vec<usize> = found.first().map_or(Vec::new(), |f| f.2.to_vec());
        for (_, _, hits) in &found {
            common.retain(|i| hits.contains(i));
        }
        if common.is_empty() {
            let named: Vec<String> = found
                .iter()
                .map(|(kind, value, hits)| {
                    let pdfs: Vec<&str> = hits.iter().map(|&i| candidates[i].shown()).collect();
                    format!("{kind} {value:?} is {}", pdfs.join(", "))
                })
                .collect();
            matches.errors.push(format!(
                "{place}: its keys name different PDFs ({}); correct the row",
                named.join("; ")
            ));
            continue;
        }
        if common.len() > 1 && !same_content(&common, candidates) {
            let pdfs: Vec<&str> = common.iter().map(|&i| candidates[i].shown()).collect();
            matches.warnings.push(format!(
                "{place}: matches {} PDFs ({}); give a path or sha256 column to tell them apart; row not used",
                common.len(),
                pdfs.join(", ")
            ));
            continue;
        }
        for index in common {
            rows_of[index].push(row_index);
        }
    }
    for (index, rows) in rows_of.into_iter().enumerate() {
        match rows.as_slice() {
            [] => {}
            [one] => matches.rows[index] = Some(*one),
            several => {
                let lines: Vec<String> = several
                    .iter()
                    .map(|&r| catalog.rows[r].line.to_string())
                    .collect();
                matches.warnings.push(format!(
                    "{label}: lines {} all match {}; none of them is used",
                    lines.join(", "),
                    candidates[index].shown()
                ));
            }
        }
    }
    matches
}

fn push_once(list: &mut Vec<usize>, index: usize) {
    if list.last() != Some(&index) {
        list.push(index);
    }
}

/// Whether the candidates are all known to hold the same bytes.
fn same_content(indices: &[usize], candidates: &[Candidate]) -> bool {
    let first = indices
        .first()
        .and_then(|&i| candidates[i].sha256.as_deref());
    first.is_some()
        && indices
            .iter()
            .all(|&i| candidates[i].sha256.as_deref() == first)
}

/// Catalog entries ready for extraction to look up, by the document's
/// logical path or by its content.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    by_path: HashMap<String, Planned>,
    by_sha: HashMap<String, Planned>,
}

#[derive(Debug, Clone)]
struct Planned {
    entry: Arc<Entry>,
    /// The content the row was matched to, when known: a file that changed
    /// since it was hashed no longer takes the row.
    sha256: Option<String>,
}

impl Plan {
    /// Entries for matched candidates, looked up by each of their paths
    /// (`bindery extract`: one record per file).
    pub fn by_path(catalog: &Catalog, candidates: &[Candidate], matches: &Matches) -> Plan {
        let mut plan = Plan::default();
        for (candidate, row) in candidates.iter().zip(&matches.rows) {
            if let Some(row) = row.and_then(|r| catalog.rows.get(r)) {
                for path in &candidate.paths {
                    plan.by_path
                        .insert(path.clone(), planned(row, &candidate.sha256));
                }
            }
        }
        plan
    }

    /// Entries for matched candidates, looked up by content (`bindery
    /// pack`: one record per distinct PDF).
    pub fn by_content(catalog: &Catalog, candidates: &[Candidate], matches: &Matches) -> Plan {
        let mut plan = Plan::default();
        for (candidate, row) in candidates.iter().zip(&matches.rows) {
            if let (Some(row), Some(sha)) =
                (row.and_then(|r| catalog.rows.get(r)), &candidate.sha256)
            {
                plan.by_sha.insert(sha.clone(), planned(row, &None));
            }
        }
        plan
    }

    /// The entry for the document at `logical_path` with these bytes.
    pub fn entry_for(&self, logical_path: &str, sha256: Option<&str>) -> Option<&Entry> {
        let by_path = self
            .by_path
            .get(logical_path)
            .filter(|p| p.sha256.is_none() || p.sha256.as_deref() == sha256);
        let by_sha = || sha256.and_then(|s| self.by_sha.get(s));
        by_path.or_else(by_sha).map(|p| p.entry.as_ref())
    }

    /// The entry for the PDF with this content.
    pub fn entry_for_content(&self, sha256: &str) -> Option<&Entry> {
        self.by_sha.get(sha256).map(|p| p.entry.as_ref())
    }

    /// Whether the PDF with this content has an entry.
    pub fn has_content(&self, sha256: &str) -> bool {
        self.by_sha.contains_key(sha256)
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty() && self.by_sha.is_empty()
    }
}

fn planned(row: &Row, sha256: &Option<String>) -> Planned {
    Planned {
        entry: Arc::new(row.entry.clone()),
        sha256: sha256.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Format, Keys};

    fn candidate(path: &str, sha: Option<&str>) -> Candidate {
        Candidate {
            paths: vec![path.to_string()],
            sha256: sha.map(str::to_string),
        }
    }

    fn sha(c: char) -> String {
        std::iter::repeat_n(c, 64).collect()
    }

    fn catalog(csv: &str) -> Catalog {
        Catalog::parse("cat.csv", csv.as_bytes(), Format::Csv).unwrap_or_default()
    }

    #[test]
    fn each_key_kind_matches() {
        let text = format!(
            "sha256,path,file,title\n{},,,By hash\n,b/two.pdf,,By path\n,,three.pdf,By name\n",
            sha('a')
        );
        let catalog = catalog(&text);
        let candidates = [
            candidate("one.pdf", Some(&sha('a'))),
            candidate("b/two.pdf", Some(&sha('b'))),
            candidate("c/three.pdf", None),
            candidate("four.pdf", None),
        ];
        let matches = match_rows(&catalog, &candidates);
        assert_eq!(matches.rows, [Some(0), Some(1), Some(2), None]);
        assert!(matches.warnings.is_empty() && matches.errors.is_empty());
        let plan = Plan::by_path(&catalog, &candidates, &matches);
        let title =
            |path, sha: Option<&str>| plan.entry_for(path, sha).and_then(|e| e.title.clone());
        assert_eq!(
            title("one.pdf", Some(&sha('a'))).as_deref(),
            Some("By hash")
        );
        assert_eq!(
            title("one.pdf", Some(&sha('f'))),
            None,
            "changed since hashed"
        );
        assert_eq!(title("c/three.pdf", None).as_deref(), Some("By name"));
    }

    #[test]
    fn unmatched_ambiguous_doubled_and_contradictory_rows() {
        let text = format!(
            "file,path,sha256,title\n\
             gone.pdf,,,Missing\n\
             report.pdf,,,Which one\n\
             x.pdf,,,First\n\
             ,x.pdf,,Second\n\
             y.pdf,,{},Contradiction\n",
            sha('a')
        );
        let catalog = catalog(&text);
        assert_eq!(
            catalog.rows[4].keys,
            Keys {
                sha256: Some(sha('a')),
                path: None,
                file: Some("y.pdf".into())
            }
        );
        let candidates = [
            candidate("a/report.pdf", Some(&sha('a'))),
            candidate("b/report.pdf", Some(&sha('b'))),
            candidate("x.pdf", Some(&sha('c'))),
            candidate("y.pdf", Some(&sha('d'))),
        ];
        let matches = match_rows(&catalog, &candidates);
        assert_eq!(matches.rows, [None, None, None, None]);
        assert_eq!(
            matches.warnings,
            [
                "cat.csv:2: matches no PDF (no PDF has file name \"gone.pdf\"); row not used",
                "cat.csv:3: matches 2 PDFs (a/report.pdf, b/report.pdf); give a path or sha256 column to tell them apart; row not used",
                "cat.csv: lines 4, 5 all match x.pdf; none of them is used",
            ]
        );
        assert_eq!(
            matches.errors,
            [format!(
                "cat.csv:6: its keys name different PDFs (sha256 \"{}\" is a/report.pdf; file name \"y.pdf\" is y.pdf); correct the row",
                sha('a')
            )]
        );
    }

    #[test]
    fn identical_copies_share_a_row_by_hash() {
        let catalog = catalog(&format!("sha256,title\n{},Twice\n", sha('a')));
        let candidates = [
            candidate("a/copy.pdf", Some(&sha('a'))),
            candidate("b/copy.pdf", Some(&sha('a'))),
        ];
        let matches = match_rows(&catalog, &candidates);
        assert_eq!(matches.rows, [Some(0), Some(0)]);
        assert!(matches.warnings.is_empty());
    }

    #[test]
    fn result_does_not_depend_on_catalog_order() {
        let rows = ["x.pdf,A", "y.pdf,B", "x.pdf,C"];
        let candidates = [candidate("x.pdf", None), candidate("y.pdf", None)];
        let forward = catalog(&format!("file,title\n{}\n", rows.join("\n")));
        let mut reversed_rows = rows;
        reversed_rows.reverse();
        let backward = catalog(&format!("file,title\n{}\n", reversed_rows.join("\n")));
        let titles = |c: &Catalog| {
            let m = match_rows(c, &candidates);
            let plan = Plan::by_path(c, &candidates, &m);
            ["x.pdf", "y.pdf"].map(|p| plan.entry_for(p, None).and_then(|e| e.title.clone()))
        };
        assert_eq!(titles(&forward), [None, Some("B".to_string())]);
        assert_eq!(titles(&forward), titles(&backward));
    }
}
