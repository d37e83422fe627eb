//! The document's citation of itself: "Suggested citation:", "Citation for
//! published version (APA):", "Please cite this article as:". Think tanks
//! print one in their briefs, journals on their first page, and university
//! repositories on the cover sheet they put before a paper. It names the
//! title and the year as the issuer wants them cited.

use super::date::year_of;
use super::page::PrintedLine;

/// Labels that introduce a citation of the document itself.
const CITATION_LABELS: &[&str] = &[
    "suggested citation",
    "recommended citation",
    "citation for published version",
    "please cite this article in press as",
    "please cite this article as",
    "please cite this paper as",
    "please cite as",
    "cite this article as",
    "cite this article",
    "cite this paper as",
    "to cite this article",
    "to cite this report",
    "how to cite this article",
    "how to cite",
    "zitiervorschlag",
    "zitierweise",
    "zitieren",
    "pour citer ce document",
    "citer ce document",
    "citation suggérée",
    "cómo citar",
    "como citar",
    "para citar",
    "per citare",
    "citeren als",
    "cite as",
    "citation",
];

/// How many lines after its label a citation may run on.
const CITATION_LINES: usize = 4;

/// A citation of the document, as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    pub year: u32,
    pub title: String,
    /// The citation as printed, after its label.
    pub text: String,
}

/// The document's citation of itself among `lines` (the front pages, in
/// reading order): the text after a citation label, on its line and the
/// lines that go on with it in the same size, read as "Authors (Year).
/// Title. ..." or "Authors. Year. Title. ...".
pub fn self_citation(lines: &[&PrintedLine]) -> Option<Citation> {
    let (at, rest) = lines.iter().enumerate().find_map(|(i, line)| {
        let lower = line.text.trim().to_lowercase();
        let label = CITATION_LABELS.iter().find(|l| lower.starts_with(*l))?;
        // Labels are ASCII or keep their length lower-cased.
        let rest = line.text.trim().get(label.len()..)?;
        Some((i, rest.to_string()))
    })?;
    let first = lines[at];
    let mut text = rest;
    for line in lines.iter().skip(at + 1).take(CITATION_LINES) {
        if line.page != first.page || (line.size - first.size).abs() > first.size * 0.1 {
            break;
        }
        text.push(' ');
        text.push_str(line.text.trim());
    }
    parse(&text)
}

/// "Weigelt, B. (2005). Molecular markers of breast cancer metastasis",
/// "Doe, J. and Roe, R. 2023. Heat Action Plans. Civic Climate Lab.": the
/// year after the authors, then the title up to its full stop.
fn parse(text: &str) -> Option<Citation> {
    // Drop what labels the label ("(APA):", ":").
    let text = text.trim_start_matches(|c: char| c != ':' && !c.is_alphabetic());
    let text = text
        .strip_prefix("(APA)")
        .unwrap_or(text)
        .trim_start_matches([':', ' ']);
    let words: Vec<&str> = text.split_whitespace().collect();
    let (index, year) = words.iter().enumerate().find_map(|(i, w)| {
        let bare = w
            .trim_start_matches('(')
            .trim_end_matches([')', '.', ',', ':']);
        // A year of a citation is set off: "(2005)." or "2023.".
        let set_off = w.starts_with('(') || w.ends_with('.');
        year_of(bare).filter(|_| set_off && i > 0).map(|y| (i, y))
    })?;
    let after: Vec<&str> = words.get(index + 1..)?.to_vec();
    let mut title = String::new();
    for word in after {
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
        // A title ends at a full stop that ends a word of more than one
        // letter (not an initial, not "U.S."), or at "?" or "!".
        let ends = word.ends_with(['?', '!'])
            || (word.ends_with('.')
                && word
                    .trim_end_matches('.')
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .count()
                    > 1
                && !word.trim_end_matches('.').contains('.'));
        if ends {
            break;
        }
    }
    let title = title.trim_end_matches('.').trim().to_string();
    (title.split_whitespace().count() >= 2).then(|| Citation {
        year,
        title,
        text: text.to_string(),
    })
}

/// Where the cited title is printed on its own among `lines`: the run of
/// up to four consecutive lines of one page, in one size, whose words are
/// the title's (case, spacing and punctuation aside).
pub fn printed_at(lines: &[&PrintedLine], title: &str) -> Option<(usize, usize)> {
    let target = letters(title);
    if target.is_empty() {
        return None;
    }
    (0..lines.len()).find_map(|start| {
        let mut joined = String::new();
        for end in start..lines.len().min(start + 4) {
            let line = lines[end];
            let same_run = end == start
                || (line.page == lines[start].page
                    && (line.size - lines[start].size).abs() <= lines[start].size * 0.2);
            if !same_run {
                return None;
            }
            joined.push_str(&letters(&line.text));
            if joined == target {
                return Some((start, end + 1));
            }
            if !target.starts_with(&joined) {
                return None;
            }
        }
        None
    })
}

/// Letters and digits, lower-cased: how a title is compared.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<PrintedLine> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| PrintedLine::plain(1, t, 10.0, 100.0 + 12.0 * i as f32))
            .collect()
    }

    #[test]
    fn a_repository_cover_sheet_cites_the_paper() {
        let mut printed = lines(&[
            "UvA-DARE (Digital Academic Repository)",
            "Molecular markers of breast cancer metastasis",
            "Weigelt, B.",
            "Citation for published version (APA):",
            "Weigelt, B. (2005). Molecular markers of breast cancer metastasis",
            "General rights",
        ]);
        // The notices below are set smaller: the citation ends before them.
        printed[5].size = 8.0;
        let refs: Vec<&PrintedLine> = printed.iter().collect();
        let cited = self_citation(&refs).expect("a citation");
        assert_eq!(cited.year, 2005);
        assert_eq!(cited.title, "Molecular markers of breast cancer metastasis");
        assert_eq!(printed_at(&refs, &cited.title), Some((1, 2)));
    }

    #[test]
    fn a_german_citation_label_alone_on_its_line() {
        let printed = lines(&[
            "Zitieren",
            "Hicketier A und an der Heiden M (2024): StopptCOVID-Studie - Daten, Analyse und",
            "Ergebnisse. Berlin: Zenodo. DOI: 10.5281/zenodo.10888033",
        ]);
        let refs: Vec<&PrintedLine> = printed.iter().collect();
        let cited = self_citation(&refs).expect("a citation");
        assert_eq!(cited.year, 2024);
        assert_eq!(
            cited.title,
            "StopptCOVID-Studie - Daten, Analyse und Ergebnisse"
        );
    }

    #[test]
    fn a_suggested_citation_gives_year_and_title() {
        let cited = parse(
            ": Doe, J. and Roe, R. 2023. Heat Action Plans for U.S. Cities: A Review. Civic Climate Lab.",
        )
        .expect("a citation");
        assert_eq!(cited.year, 2023);
        assert_eq!(cited.title, "Heat Action Plans for U.S. Cities: A Review");
        let cited = parse(" Salden, A. H., & Prins, J. E. J. (2002). Digital Rights Management in Information Publishing. In LawTech 2002")
            .expect("a citation");
        assert_eq!(
            cited.title,
            "Digital Rights Management in Information Publishing"
        );
        // No year set off: no citation.
        assert_eq!(parse(": see the 2023 annual report for details"), None);
    }
}
