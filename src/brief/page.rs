//! Metadata read from the printed page, the way a cataloguer reads it: the
//! title is the largest text near the top of the first page, authors and
//! the date follow it, a series label ("Policy Brief No. 7") sits nearby,
//! and the summary follows a heading such as "Abstract" or "Key takeaways".
//!
//! Works on [`PrintedLine`]s (text, size, position) so it does not depend on
//! how layout represents pages.

use crate::brief::citation::{printed_at, self_citation};
use crate::brief::date::{find_dates, year_of};
use crate::brief::names::{
    CommonWords, NameKind, is_affiliation, looks_like_names, name_kind, names_no_one,
    plausible_authors, split_names,
};
use crate::pdf::layout::is_cjk;

/// One printed line, as layout found it.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintedLine {
    /// 1-based page number.
    pub page: u32,
    pub text: String,
    /// Font size in points.
    pub size: f32,
    /// Distance of the line's top from the top of the page, in points.
    pub top: f32,
    /// The text split where words are set far apart, as two names side by
    /// side or an issuer left and a series number right (empty when no
    /// gap is that wide).
    pub cells: Vec<String>,
    /// Width of the line in points (0 when unknown).
    pub width: f32,
    /// A vertical line on a page set horizontally: a stamp in the margin
    /// ("arXiv:2004.04906v3 [cs.CL] 30 Sep 2020"). Never the title or
    /// authors; its date is a last resort.
    pub margin: bool,
    /// Set in a bold face (by the font's name or flags): a title's weight
    /// changing from one line to the next starts its subtitle.
    pub bold: bool,
    /// The typeface's family, without weight or style ("arial"; empty when
    /// unknown): a subtitle is set in the title's, a standfirst often not.
    pub family: String,
    /// Set letter by letter ("제 안 요 청 서", "R E P O R T"): a banner or a
    /// label, not a title. Han, kana and hangul are closed up in `text`.
    pub letter_spaced: bool,
}

impl PrintedLine {
    /// A line with no wide gaps, of unknown width, upright: what most tests
    /// need.
    #[cfg(test)]
    pub(crate) fn plain(page: u32, text: &str, size: f32, top: f32) -> Self {
        PrintedLine {
            page,
            text: text.to_string(),
            size,
            top,
            cells: Vec::new(),
            width: 0.0,
            margin: false,
            bold: false,
            family: String::new(),
            letter_spaced: false,
        }
    }

    /// The text, with ", " where the words are set far apart: the way a
    /// list of names side by side reads.
    pub fn listed(&self) -> String {
        let Some((first, rest)) = self.cells.split_first() else {
            return self.text.trim().to_string();
        };
        let mut out = first.clone();
        for cell in rest {
            // A label and its value set apart ("Author    : Jane Doe") stay
            // one item.
            if !(out.ends_with(':') || cell.starts_with([':', ',', ';'])) {
                out.push(',');
            }
            out.push(' ');
            out.push_str(cell);
        }
        out
    }
}

/// What the page says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PrintedMetadata {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub authors: Vec<String>,
    /// Whether the authors include a person, not only organisations.
    pub names_people: bool,
    /// ISO date at printed precision, and the line it was printed on.
    pub date: Option<(String, String)>,
    pub series: Option<String>,
    pub summary: Option<String>,
    pub keywords: Vec<String>,
}

/// Read the front matter from the first pages' lines (in reading order,
/// furniture already removed) and the normalised text of the first pages;
/// `common` holds the words the document prints in lower case.
pub fn read_front_matter(
    lines: &[PrintedLine],
    front_text: &str,
    common: &CommonWords,
) -> PrintedMetadata {
    read_front_matter_in(lines, front_text, common, None)
}

/// The front matter, knowing the size the document's text is set in
/// (`text_body`, over its first pages), when known.
pub fn read_front_matter_in(
    lines: &[PrintedLine],
    front_text: &str,
    common: &CommonWords,
    text_body: Option<f32>,
) -> PrintedMetadata {
    // The body size from both pages: a cover's title can hold more
    // characters than anything else on page 1.
    let front_body = body_size(&lines.iter().collect::<Vec<_>>());
    // A cover with little text sets most of it in display type (a
    // subtitle of three lines): the text's own size, over more pages, is
    // the body's then.
    let body = match text_body {
        Some(text) if text > 0.0 && front_body > text * COVER_BODY_RATIO => text,
        _ => front_body,
    };
    let front: Vec<&PrintedLine> = with_display_lines_together(front_lines(lines), body);
    let mut found = PrintedMetadata::default();
    // A title the document cites itself by and prints on its own is the
    // title, however it is set (a repository's cover sheet sets it in the
    // size of everything else).
    let cited = self_citation(&front);
    // A table of contents holds the titles of parts, not the document's:
    // the title is looked for above its heading.
    let contents_at = front
        .iter()
        .position(|l| is_contents_heading(&l.text.trim().to_lowercase()))
        .unwrap_or(front.len());
    // (A sidebar's contents read before the title: the whole page then.)
    let jstor = jstor_cover(&front);
    let eu_act = eu_act_title(&front);
    let title_range = jstor
        .map(|cover| (0, cover.author_line))
        .or(eu_act)
        .or_else(|| cited.as_ref().and_then(|c| printed_at(&front, &c.title)))
        .or_else(|| labelled_title(&front[..contents_at]))
        .or_else(|| title_block(&front[..contents_at], body, common))
        .or_else(|| {
            (contents_at > 0)
                .then(|| title_block(&front, body, common))
                .flatten()
        });
    let title_range = title_range.map(|range| without_classification_number(&front, range));
    let mut after_title = 0;
    let title_start = title_range.map_or(0, |(start, _)| start);
    if let Some((start, end)) = title_range {
        // A line break the text did not need starts the subtitle, when
        // the title's own lines hold both.
        // So does a line set between dashes ("-振動スピーカーによる伝達装置の作製-",
        // "〜…〜"), a Japanese subtitle's mark.
        let split = intended_break(&front[start..end])
            .map(|k| start + k)
            .or_else(|| {
                (end - start >= 2 && between_dashes(&front[end - 1].text).is_some())
                    .then_some(end - 1)
            })
            .unwrap_or(end);
        let main = without_leading_code(without_title_label(without_division_label(
            without_trailing_date(&join_lines(&front[start..split])),
        )))
        .to_string();
        after_title = end;
        let later = subtitle(&front, (start, end), body, common);
        if let Some(below) = &later {
            after_title = below.end;
        }
        let more = later.and_then(|below| below.subtitle);
        let sub = match (split < end, more) {
            (true, Some(more)) => Some(format!("{} {more}", join_lines(&front[split..end]))),
            (true, None) => Some(join_lines(&front[split..end])),
            (false, more) => more,
        };
        found.title = Some(match sub {
            // "Section 9:" on a line of its own numbers the title below.
            Some(sub) if is_division_label(&main) => sub,
            Some(sub) => {
                // Dashes mark the subtitle as a colon does.
                let (full, sub) = match between_dashes(&sub) {
                    Some(inner) => (format!("{main}: {inner}"), inner.to_string()),
                    None => (full_title(&main, &sub), sub),
                };
                found.subtitle = Some(sub);
                full
            }
            None => main,
        })
        .map(|title| {
            without_genre_suffix(without_enclosing_quotes(without_closing_mark(&title))).to_string()
        })
        .filter(|title| !title.is_empty());
    }
    let (names, labelled) = authors_after(&front, after_title, common);
    found.authors = plausible_authors(name_grid(&front, names), labelled, common)
        .into_iter()
        // A hyphen left at a name's end that no next line completes
        // ("Lauren Falcao Bergquist-" in a grid of names).
        .map(|n| n.trim_end_matches(['-', '\u{2010}']).to_string())
        .collect();
    // An acronym alone under the title, unlabelled, is the issuer's logo
    // ("CIGH"), as it is above the title.
    if !labelled
        && let [only] = found.authors.as_slice()
        && crate::brief::names::is_acronym(only, 2..=7)
    {
        found.authors.clear();
    }
    // A labelled byline elsewhere on the page, or above the title, outweighs
    // names read without a label after it ("나가며", a contents entry).
    if found.authors.is_empty() || !labelled {
        let reach = if found.authors.is_empty() {
            front.len()
        } else {
            title_start
        };
        let byline = byline_anywhere(&front[..reach], common);
        if !byline.is_empty() {
            found.authors = byline;
        }
    }
    // An organisation read without a label ("NOAA – National Marine
    // Fisheries Service" at a cover's foot) gives way to the people the
    // page overleaf names under a label ("Contributors:").
    let unlabelled_units = !labelled && units_only(&found.authors, common);
    if found.authors.is_empty() || unlabelled_units {
        let overleaf = byline_overleaf(lines, &front, common);
        if !overleaf.is_empty() {
            found.authors = overleaf;
        }
    }
    if found.authors.is_empty() {
        found.authors = names_above_title(&front, title_start, common);
    }
    // A Russian thesis names its author in full, patronymic and all, set
    // apart on its cover: that outweighs a department read as the author.
    let no_person = found
        .authors
        .iter()
        .all(|n| name_kind(n, common) != NameKind::Person);
    if no_person && let Some(author) = russian_author(&front).or_else(|| japanese_student(&front)) {
        found.authors = vec![author];
    }
    // Analysts named with their registration numbers are the authors,
    // wherever the page prints them.
    let analysts = registered_analysts(&front);
    if !analysts.is_empty() {
        found.authors = analysts;
    }
    // An act of the Union is enacted, not written: the bodies in its
    // preamble ("THE EUROPEAN PARLIAMENT AND THE COUNCIL …,") are no authors.
    if eu_act.is_some() {
        found.authors.clear();
    }
    found.names_people = found
        .authors
        .iter()
        .any(|n| name_kind(n, common) == NameKind::Person);
    // A cover without a date: the page after it ("This edition July 2016").
    let jstor_date = jstor.and_then(|cover| journal_header_date(&front[cover.source_line].text));
    found.date = jstor_date
        .or_else(|| printed_date(&front, after_title))
        .or_else(|| {
            let on_page_one = front.iter().all(|l| l.page == 1);
            let second = lines
                .iter()
                .filter(|l| l.page == 2 && !l.margin)
                .map(|l| l.text.as_str());
            on_page_one.then(|| dated_line(second, true)).flatten()
        })
        .or_else(|| cited.map(|c| (format!("{:04}", c.year), c.text)));
    found.series = series(&front);
    found.summary = summary(front_text);
    found.keywords = keywords(front_text);
    found
}

/// The words of a line set between two dashes or wave dashes, the same
/// mark at both ends ("-振動スピーカーによる伝達装置の作製-", "〜 事例研究 〜").
fn between_dashes(text: &str) -> Option<&str> {
    const DASHES: &[char] = &['-', '‐', '―', '—', '–', '〜', '～'];
    let text = text.trim();
    let first = text.chars().next()?;
    let inner = text.strip_prefix(first)?.strip_suffix(first)?.trim();
    (DASHES.contains(&first) && has_letters(inner, 2) && !inner.contains(first)).then_some(inner)
}

/// The first line of the cover that is a Russian surname, given name and
/// patronymic, and not under a supervisor's or reviewer's label.
fn russian_author(front: &[&PrintedLine]) -> Option<String> {
    front.iter().enumerate().find_map(|(i, line)| {
        let labelled = front[i.saturating_sub(2)..i]
            .iter()
            .any(|above| is_other_role_line(&above.text));
        (line.page == front[0].page
            && !labelled
            && crate::brief::names::is_russian_full_name(&line.text))
        .then(|| line.text.trim().to_string())
    })
}

/// A Japanese thesis's student, named on its cover after the student
/// number or the department ("1Y15F148-5 吉竹 孝明", "電子情報工学科 白石
/// 覚也"), or alone under the number ("29B20038" / "丹羽英人"); not a
/// supervisor after a label ("指導教員：大墳 聡").
fn japanese_student(front: &[&PrintedLine]) -> Option<String> {
    const UNITS: &[&str] = &["学科", "専攻", "研究室", "学部", "講座", "コース", "研究科"];
    let student_number = |word: &str| {
        word.chars().any(|c| c.is_ascii_digit())
            && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    let page = front.first()?.page;
    let on_page: Vec<&PrintedLine> = front
        .iter()
        .copied()
        .take_while(|l| l.page == page)
        .collect();
    on_page.iter().enumerate().find_map(|(i, line)| {
        let words: Vec<&str> = line.text.split_whitespace().collect();
        if let [before @ .., family, given] = words.as_slice()
            && let Some(&last_before) = before.last()
        {
            let name = format!("{family} {given}");
            let after_number_or_unit =
                student_number(last_before) || UNITS.iter().any(|unit| last_before.ends_with(unit));
            if crate::brief::names::is_spaced_japanese_name(&name) && after_number_or_unit {
                return Some(name);
            }
        }
        let alone = words.len() == 1
            && (2..=5).contains(&line.text.trim().chars().count())
            && line
                .text
                .trim()
                .chars()
                .all(crate::brief::names::is_han_or_kana);
        let under_number = i > 0 && {
            let above: Vec<&str> = on_page[i - 1].text.split_whitespace().collect();
            above.len() == 1 && student_number(above[0])
        };
        (alone && under_number).then(|| line.text.trim().to_string())
    })
}

/// "Laura Hallas, Blavatnik School of Government,": a person's name, then
/// after a comma their affiliation.
fn name_before_affiliation(text: &str, common: &CommonWords) -> Option<String> {
    let (name, rest) = text.split_once(',')?;
    // ("Dr. Melissa Monk, Southwest Fisheries Science Center".)
    let name = crate::brief::names::without_honorific(name.trim());
    let words = name.split_whitespace().count();
    let affiliation = is_affiliation(rest) || crate::brief::names::has_issuer_word(rest);
    ((2..=4).contains(&words) && affiliation && name_kind(name, common) == NameKind::Person)
        .then(|| name.to_string())
}

/// The names of a byline that sets each author before their affiliation,
/// in one size, the affiliations running on over lines of their own.
fn names_before_affiliations(lines: &[&PrintedLine], common: &CommonWords) -> Vec<String> {
    let Some(first) = lines.first() else {
        return Vec::new();
    };
    let mut names = Vec::new();
    for line in lines.iter().take(24) {
        if line.page != first.page || (line.size - first.size).abs() > first.size * 0.04 {
            break;
        }
        let text = line.text.trim();
        if let Some(name) = name_before_affiliation(text, common) {
            names.push(name);
        } else if !(is_affiliation(text)
            || crate::brief::names::has_issuer_word(text)
            || names.last().is_some()
                && text.split_whitespace().count() <= 8
                && !text.ends_with('.'))
        {
            break;
        }
    }
    names
}

/// The title of an act of the European Union as the Official Journal
/// prints it, in the body's size under the journal's section banners
/// ("REGULATIONS"): from "REGULATION (EU) 2022/2554 OF THE EUROPEAN
/// PARLIAMENT …" through its date and subject, up to "(Text with EEA
/// relevance)" or the enacting body's line in capitals.
fn eu_act_title(front: &[&PrintedLine]) -> Option<(usize, usize)> {
    // The act's kind in the Union's languages the Journal is most read in.
    const ACTS: &[&str] = &[
        "REGULATION",
        "DIRECTIVE",
        "DECISION",
        "RÈGLEMENT",
        "DÉCISION",
        "VERORDNUNG",
        "RICHTLINIE",
        "BESCHLUSS",
        "REGLAMENTO",
        "DIRECTIVA",
        "DECISIÓN",
        "REGOLAMENTO",
        "DIRETTIVA",
        "DECISIONE",
        "REGULAMENTO",
        "DIRETIVA",
        "DECISÃO",
    ];
    const CODES: &[&str] = &[
        "(EU)", "(EC)", "(EU,", "(EEC)", "(CFSP)", "(UE)", "(UE,", "(CE)", "(CEE)", "(PESC)",
        "(EG)", "(EWG)", "(GASP)",
    ];
    // The number's abbreviation is the one word in lower case ("No 575/2013").
    let numbering = |w: &str| matches!(w, "No" | "no" | "n°" | "nº" | "Nr." | "n.");
    let start = front.iter().take(8).position(|l| {
        let text = l.text.trim();
        let act = text
            .split_whitespace()
            .take_while(|w| !w.starts_with('('))
            .last()
            .unwrap_or("");
        ACTS.contains(&act)
            && text
                .split_whitespace()
                .all(|w| numbering(w) || !w.chars().any(char::is_lowercase))
            && CODES.iter().any(|code| text.contains(code))
    })?;
    let first = front[start];
    let end = (start + 1..front.len().min(start + 8))
        .find(|&i| {
            let line = front[i];
            let text = line.text.trim();
            line.page != first.page
                || (line.size - first.size).abs() > first.size * 0.1
                || text.starts_with("(Text with")
                || (!text.chars().any(char::is_lowercase) && !is_slashed_number(text))
        })
        .unwrap_or(front.len().min(start + 8));
    Some((start, end))
}

/// The Official Journal's issue date in the header over an act of the
/// Union ("27.6.2013 EN Official Journal of the European Union L 176/1"):
/// the day the act was published, which catalogues record, not the day
/// it was adopted ("of 26 June 2013", in its title).
pub(crate) fn official_journal_date(header: &str) -> Option<(String, String)> {
    const JOURNALS: &[&str] = &[
        "Official Journal of the European Union",
        "Journal officiel de l'Union européenne",
        "Journal officiel de l’Union européenne",
        "Amtsblatt der Europäischen Union",
        "Diario Oficial de la Unión Europea",
        "Gazzetta ufficiale dell'Unione europea",
        "Gazzetta ufficiale dell’Unione europea",
        "Jornal Oficial da União Europeia",
    ];
    if !JOURNALS.iter().any(|j| header.contains(j)) {
        return None;
    }
    let date = find_dates(header).into_iter().next()?;
    let printed = date.printed(header).to_string();
    Some((date.iso, printed))
}

/// A document's kind and number alone on a line ("Directive 060",
/// "Circular 12"), set over its title: which document, not what it is
/// about. (A year is a title's: "Agenda 2030".)
fn is_document_number(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    matches!(words.as_slice(), [kind, number]
        if kind.chars().all(char::is_alphabetic)
            && kind.starts_with(char::is_uppercase)
            && (1..=4).contains(&number.len())
            && number.chars().all(|c| c.is_ascii_digit())
            && year_of(number).is_none())
}

/// A title without the document's number set before it with a dash
/// ("PS16/24 – Operational resilience", "090 - Stress Test Data Framework
/// Manual"): a number of digits (not a year) or one with a slash, which
/// catalogues keep apart from the title ("2030 – A Vision" keeps its year;
/// "COVID-19 – …" its name).
fn without_leading_code(title: &str) -> &str {
    [" – ", " - ", " — "]
        .iter()
        .find_map(|dash| {
            let (code, rest) = title.split_once(dash)?;
            let code = code.trim();
            let digits_only = code.chars().all(|c| c.is_ascii_digit()) && year_of(code).is_none();
            let numbered =
                (!code.is_empty() && !code.contains(' ') && digits_only) || is_slashed_number(code);
            (numbered && has_letters(rest, 3)).then(|| rest.trim_start())
        })
        .unwrap_or(title)
}

/// A title's short name in parentheses on a line of its own ("(OETV)",
/// "(OETV 3)"): catalogues leave it out.
fn is_short_name(text: &str) -> bool {
    let inner = text
        .trim()
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'));
    inner.is_some_and(|inner| {
        !inner.contains(['(', ')'])
            && inner.split_whitespace().count() <= 3
            && inner.chars().any(char::is_uppercase)
            && !inner.chars().any(char::is_lowercase)
    })
}

/// A title block without the classification number set over it ("741.41",
/// a law's number in the Swiss compilation), which catalogues leave out.
fn without_classification_number(
    front: &[&PrintedLine],
    (mut start, end): (usize, usize),
) -> (usize, usize) {
    let is_number = |text: &str| {
        let text = text.trim();
        text.contains('.')
            && text.chars().filter(char::is_ascii_digit).count() >= 2
            && text.chars().all(|c| c.is_ascii_digit() || c == '.')
    };
    if end - start > 1 && is_number(&front[start].text) {
        start += 1;
    }
    (start, end)
}

/// A number with a slash, one word: an act's carried over to the title's
/// last line ("2007/46/CE"), a statement's before its title ("PS16/24").
fn is_slashed_number(text: &str) -> bool {
    text.split_whitespace().count() == 1
        && text.contains('/')
        && text.contains(|c: char| c.is_ascii_digit())
}

/// Where a JSTOR cover sheet prints the article's citation: the title on
/// its first lines, then "Author(s): …", then "Source: Journal …, Vol. 52,
/// No. 1 (1990), pp. 105-124".
#[derive(Clone, Copy)]
struct JstorCover {
    author_line: usize,
    source_line: usize,
}

fn jstor_cover(front: &[&PrintedLine]) -> Option<JstorCover> {
    let stable = front
        .iter()
        .any(|l| l.text.contains("jstor.org/stable") || l.text.contains("JSTOR archive"));
    if !stable {
        return None;
    }
    let author_line = front
        .iter()
        .take(6)
        .position(|l| l.text.starts_with("Author(s):"))
        .filter(|&at| at >= 1)?;
    let source_line = (author_line + 1..front.len().min(author_line + 3))
        .find(|&i| front[i].text.starts_with("Source:"))?;
    Some(JstorCover {
        author_line,
        source_line,
    })
}

/// Names listed just above the title, on up to three lines ("Jonathan
/// Federle, André Meier, Gernot J. Müller," / "Willi Mutschler, and
/// Moritz Schularick" over "The Price of War"), as some briefs set their
/// byline: two people or more, every name a person's.
fn names_above_title(
    front: &[&PrintedLine],
    title_start: usize,
    common: &CommonWords,
) -> Vec<String> {
    let Some(title) = front.get(title_start) else {
        return Vec::new();
    };
    let above = front[..title_start]
        .iter()
        .rev()
        .take(3)
        .take_while(|l| l.page == title.page && looks_like_names(&l.listed()))
        .count();
    if above == 0 {
        return Vec::new();
    }
    let text = front[title_start - above..title_start]
        .iter()
        .map(|l| l.listed())
        .collect::<Vec<_>>()
        .join(" ");
    // A question or a sentence is no byline; nor are names far above.
    let near = title.top - front[title_start - 1].top < title.size * 4.0;
    if !near || text.contains(['?', '!']) || text.trim_end().ends_with('.') {
        return Vec::new();
    }
    let names = split_names(&text);
    let people = names.len() >= 2
        && names
            .iter()
            .all(|n| name_kind(n, common) == NameKind::Person);
    if people { names } else { Vec::new() }
}

/// Lines of page 1, and of page 2 too when page 1 is a cover with little text.
/// Lines of one display size set one under the other are read together,
/// when reading order put a line from elsewhere on the page between them
/// ("The Impact of the 1999 Education Reform" / "The World Bank", from the
/// page's foot / "in Poland"): the stray line moves after them.
fn with_display_lines_together(mut front: Vec<&PrintedLine>, body: f32) -> Vec<&PrintedLine> {
    let mut i = 1;
    while i + 1 < front.len() {
        let (above, stray, below) = (front[i - 1], front[i], front[i + 1]);
        let display =
            above.size > body * 1.15 && (below.size - above.size).abs() <= above.size * 0.04;
        let close_below = below.top > above.top && below.top - above.top < above.size * 2.2;
        let elsewhere = (stray.size - above.size).abs() > above.size * 0.1
            && !(above.top..=below.top).contains(&stray.top);
        let one_page = above.page == stray.page && stray.page == below.page;
        if display && close_below && elsewhere && one_page {
            front.swap(i, i + 1);
        }
        i += 1;
    }
    front
}

fn front_lines(lines: &[PrintedLine]) -> Vec<&PrintedLine> {
    // Dates printed as digits ("2023-02-05") count as readable.
    let readable =
        |l: &&PrintedLine| !l.margin && l.text.chars().filter(|c| c.is_alphanumeric()).count() >= 2;
    let first: Vec<&PrintedLine> = lines
        .iter()
        .filter(|l| l.page == 1)
        .filter(readable)
        .collect();
    let mut front = if first.len() >= 3 {
        first
    } else {
        lines
            .iter()
            .filter(|l| l.page <= 2)
            .filter(readable)
            .collect()
    };
    gather_interleaved_lines(&mut front);
    front
}

/// A title printed inside quotation marks ("«НЕЭКОНОМИЧЕСКИЕ ФАКТОРЫ …»"
/// on a Russian thesis) is catalogued without them; quotes inside it
/// ("The \"Artistic License\"") stay.
fn without_enclosing_quotes(title: &str) -> &str {
    const PAIRS: &[(char, char)] = &[('«', '»'), ('“', '”'), ('„', '“'), ('"', '"'), ('「', '」')];
    PAIRS
        .iter()
        .find_map(|&(open, close)| {
            let inner = title.strip_prefix(open)?.strip_suffix(close)?;
            (!inner.contains([open, close])).then_some(inner.trim())
        })
        .unwrap_or(title)
}

/// Lines of a display size (larger than the body) read with small print
/// between them, though set right under each other (a journal's sidebar, "2025, Vol. 62(6)" and
/// "© The Author(s) 2025", read between a title's lines "The 2023/24
/// VIEWS Prediction" / "challenge: Predicting ..."): the small print moves
/// after them, so the title reads whole.
fn gather_interleaved_lines(front: &mut [&PrintedLine]) {
    let body = body_size(front);
    for i in 0..front.len() {
        let line = front[i];
        // Display lines only: a byline's names over their affiliations in
        // small print stay as they are. (A cover that holds little but its
        // title has the title's size for its body: there, print less than
        // half its size is small print, "COLORADOUI.GOV" under a logo.)
        let display = line.size > body * 1.05;
        if !display && line.size <= body * 0.95 {
            continue;
        }
        let next_in_size = front
            .iter()
            .enumerate()
            .skip(i + 1)
            .take(INTERLEAVED_REACH)
            .find(|(_, other)| other.size >= line.size * 0.7)
            .map(|(j, _)| j);
        let Some(j) = next_in_size else {
            continue;
        };
        let other = front[j];
        let below = other.top - line.top;
        let interleaved = j > i + 1
            && other.page == line.page
            && (other.size - line.size).abs() <= line.size * 0.04
            && below > 0.0
            && below < line.size * 2.2
            && front[i + 1..j].iter().all(|small| {
                small.page == line.page
                    && small.top < other.top + line.size
                    && (display || small.size < line.size * 0.5)
            });
        if interleaved {
            front[i + 1..=j].rotate_right(1);
        }
    }
}

/// How many lines of small print may be read between two lines of a title.
const INTERLEAVED_REACH: usize = 4;

pub(crate) fn has_letters(text: &str, n: usize) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= n
}

/// How much larger than the text's size the front pages' commonest size
/// must be to be a cover's display type.
const COVER_BODY_RATIO: f32 = 1.3;

/// The body text size: the size most characters are set in.
pub(crate) fn body_size(lines: &[&PrintedLine]) -> f32 {
    let mut weights: Vec<(f32, usize)> = Vec::new();
    for line in lines {
        let size = (line.size * 2.0).round() / 2.0;
        let chars = line.text.chars().count();
        match weights.iter_mut().find(|(s, _)| *s == size) {
            Some(entry) => entry.1 += chars,
            None => weights.push((size, chars)),
        }
    }
    weights
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map_or(0.0, |(s, _)| s)
}

/// The title: the first run of lines set in the largest size on the front
/// page, skipping runs that are a series label, a date or a logo word.
/// Falls back to the first line when nothing stands out typographically.
fn title_block(front: &[&PrintedLine], body: f32, common: &CommonWords) -> Option<(usize, usize)> {
    if front.is_empty() {
        return None;
    }
    let mut sizes: Vec<f32> = front
        .iter()
        .map(|l| l.size)
        .filter(|&s| s > body * 1.05)
        .collect();
    // A cover holds little but its title, so most characters are in the
    // title's size: when that size is the largest and the page has much
    // smaller lines too, it is the title's, not the body's.
    let largest = front.iter().map(|l| l.size).fold(0.0, f32::max);
    if sizes.is_empty() && largest <= body * 1.05 && front.iter().any(|l| l.size < body * 0.8) {
        sizes.push(largest);
    }
    sizes.sort_by(|a, b| b.total_cmp(a));
    sizes.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    // The issuer's name set large above the title is its masthead; it is
    // the title only when nothing else stands out. So is a series' name in
    // Latin letters on a Korean, Chinese or Japanese page ("ISSUE & FOCUS"
    // over "핵심재정사업 성과관리").
    let mut masthead = None;
    let caseless_page = {
        let (cjk, letters) =
            front
                .iter()
                .flat_map(|l| l.text.chars())
                .fold((0, 0), |(c, n), ch| {
                    (
                        c + usize::from(crate::brief::is_cjk_or_hangul(ch)),
                        n + usize::from(ch.is_alphabetic()),
                    )
                });
        2 * cjk > letters
    };
    // A genre banner set largest ("Trabajo Práctico Integrador" under the
    // university's name, over the title): the title is below it.
    let banner = sizes.first().and_then(|&largest| {
        let mut largest_lines = front
            .iter()
            .enumerate()
            .filter(|(_, l)| (l.size - largest).abs() <= largest * 0.04);
        let (first, _) = largest_lines.next()?;
        let all_genre = std::iter::once(front[first])
            .chain(largest_lines.map(|(_, l)| *l))
            .all(|l| is_genre_line(&l.text));
        all_genre.then_some(first)
    });
    // (Display type below it; a title in the body's size under a thesis's
    // banner is found as a last resort, below.)
    if let Some(at) = banner
        && front[at + 1..].iter().any(|l| l.size > body * 1.05)
        && let Some((start, end)) = title_block(&front[at + 1..], body, common)
    {
        return Some((at + 1 + start, at + 1 + end));
    }
    'sizes: for &size in sizes.iter().take(4) {
        let mut start = 0;
        while start < front.len() {
            // A journal's article type set as large as the title, above
            // it ("Research Article"), is not part of it.
            // So is a banner set letter by letter ("검 토 보 고": review
            // report).
            if (front[start].size - size).abs() > size * 0.04
                || is_genre_line(&front[start].text)
                // ("Directive 060" over small print; "Model 475" / "DSP
                // Gaussmeter", a little smaller, is one title.)
                || (is_document_number(&front[start].text)
                    && front
                        .get(start + 1)
                        .is_none_or(|next| next.size < size * 0.7))
                || opens_the_text(front, start)
                // "Page 1/2" at the foot of a sidebar read before the title.
                || is_page_count(&front[start].text)
                || front[start].letter_spaced
            {
                start += 1;
                continue;
            }
            // Lines close below in nearly the title's size go on with it
            // (a title set in alternating sizes, 24 and 22 points).
            let mut end = start + 1;
            while end < front.len()
                && front[end].size >= size * TITLE_SIZE_SPREAD
                && front[end].size <= size * 1.04
                // A title set a little larger than the body does not go on
                // with a name in the body's size ("Sabodh K. Garg" and his
                // address below).
                && !(front[end].size < size * 0.96
                    && front[end].size <= body * 1.02
                    && names_someone(front[end], common))
                && front[end].page == front[end - 1].page
                // A line ending with a colon announces more, even past a
                // blank line ("… WEALTH PROJECT:" / / "MODELLING AND …").
                && front[end].top - front[end - 1].top
                    < size * if front[end - 1].text.trim_end().ends_with(':') { 3.0 } else { 2.2 }
                // (A line the one above leaves mid-phrase goes on with it:
                // "… METHODOLOGICAL NOTE &" / "USER GUIDE".)
                && (ends_mid_phrase(&front[end - 1].text) || !is_genre_line(&front[end].text))
                && !is_genre_phrase(&front[end].text)
                && !is_field_row(&front[end].text)
                && !starts_a_section(front, end)
                && !is_note_line(&front[end].text)
                && !is_series_under_title(&front[end].text)
                && !is_parallel_title(&front[start..end], front[end])
                // Two people or more named in a size a little smaller are
                // the authors; in the title's size too, set apart by more
                // than its leading ("… LIQUIDITY TRAP" / / "VERONICA
                // GUERRIERI AND GUIDO LORENZONI").
                && !((front[end].size < size * 0.96
                    || (front[end].top - front[end - 1].top > size * 1.8
                        && !ends_mid_phrase(&front[end - 1].text)))
                    && people_named(front[end], common) >= 2)
                // One person alone on a smaller line is the author too
                // ("EDUCATION CAUGHT COVID-19" / "Eleno Castro").
                && !(front[end].size < size * 0.96
                    && !ends_mid_phrase(&front[end - 1].text)
                    && is_one_person(front[end], common))
            {
                end += 1;
            }
            let text = join_lines(&front[start..end]);
            // "Annual State-Local Tax Burden Rankings FY 2011 April 2014":
            // a date set on the title's last line is no part of it.
            let text = without_trailing_date(&text);
            // A byline set large ("By Elizabeth Malm and Gerald Prante") is
            // no title; "By Design: ..." may be one.
            let byline = strip_by(text).is_some_and(looks_like_names);
            if is_title_like(text) && !byline {
                // (The issuer's name may run over lines: the university,
                // then its department.)
                if is_issuer_block(&front[start..end])
                    || (caseless_page && !text.chars().any(crate::brief::is_cjk_or_hangul))
                {
                    masthead.get_or_insert((start, end));
                } else if masthead.is_some() && is_numbered_genre(text) {
                    // "Coastal Resilience Trust" / "Annual Report 2023": the
                    // name is the title's, the genre and year its subtitle.
                    break 'sizes;
                } else {
                    return Some((with_leading_article(front, start), end));
                }
            }
            start = end;
        }
    }
    if masthead.is_some() {
        return masthead;
    }
    if let Some(found) = title_under_banner(front, body) {
        return Some(found);
    }
    // Nothing larger than the body: the first plausible line, with the
    // lines right under it in its size (an OCR layer's sizes vary too much
    // for a title to stand out).
    // An issuer's name in the body's size is no title either, unless it is
    // all there is ("厚生労働省医薬食品局審査管理課" over "…について").
    // Nor is one read after the text's opening heading ("Introduction" on
    // a page from inside a document): the body has begun.
    let opening = (0..front.len())
        .find(|&i| opens_the_text(front, i))
        .unwrap_or(front.len());
    let candidates = &front[..opening];
    let start = candidates
        .iter()
        .position(|l| is_title_like(&l.text) && !crate::brief::publisher::is_masthead(&l.text))
        .or_else(|| candidates.iter().position(|l| is_title_like(&l.text)))?;
    let size = front[start].size;
    let mut end = start + 1;
    // The body is in this size too: a title of three lines at most, that
    // ends before a full stop.
    while end < front.len()
        && end - start < 3
        && !front[end - 1].text.trim_end().ends_with('.')
        && (front[end].size - size).abs() <= size * 0.04
        && front[end].page == front[end - 1].page
        && front[end].top - front[end - 1].top < size * 2.2
        // A year alone under a cover's title is the title's ("Jahresabschluss"
        // / "2021").
        && (year_of(front[end].text.trim()).is_some()
            // A line cut after a word that needs more goes on, even with
            // words that read like a name ("… UNTUK TEKS DALAM" / "BAHASA
            // INDONESIA").
            || (ends_mid_phrase(&front[end - 1].text)
                && !front[end - 1].text.trim_end().to_lowercase().ends_with(" by")
                && strip_by(&front[end].text).is_none()
                && is_title_like(&front[end].text))
            || (is_title_like(&front[end].text)
                && strip_by(&front[end].text).is_none()
                && !names_someone(front[end], common)
                // A list ("Alabsi S1, *Alhadainy HA 2, Darrag AM 2") is the
                // authors.
                && front[end].text.matches(',').count() < 2
                // The body's lines are in sentence case: a title's go on a
                // phrase or capitalise their words.
                && (ends_mid_phrase(&front[end - 1].text)
                    || title_cased(&front[end].text)
                    || is_quoted(&front[end].text)
                    // "WHO GUIDELINE" / "on control and elimination", alone
                    // on a cover.
                    || (front.len() <= 4 && front[end].text.starts_with(char::is_lowercase)))))
    {
        end += 1;
    }
    Some((start, end))
}

/// Whether a block of display lines names the issuer: each line a
/// masthead or a unit's name, or the end of the line above's name
/// ("UNIVERSIDAD TECNOLÓGICA" / "DE PANAMÁ").
fn is_issuer_block(lines: &[&PrintedLine]) -> bool {
    let issuer = |text: &str| crate::brief::publisher::is_masthead(text) || is_unit_name(text);
    let joining = |word: Option<&str>| {
        word.is_some_and(|w| NAME_CONTINUING_WORDS.contains(&w.to_lowercase().as_str()))
    };
    let goes_on = |pair: &[&PrintedLine]| {
        joining(pair[0].text.split_whitespace().last())
            || joining(pair[1].text.split_whitespace().next())
    };
    lines.first().is_some_and(|first| issuer(&first.text))
        && lines
            .windows(2)
            .all(|pair| issuer(&pair[1].text) || goes_on(pair))
}

/// Words that go on with an organisation's name on its next line.
const NAME_CONTINUING_WORDS: &[&str] = &[
    "of", "for", "de", "del", "des", "du", "der", "do", "da", "di",
];

/// The lines right under a genre banner set larger than the body
/// ("БАКАЛАВРСКАЯ РАБОТА" over the thesis's title in the body's size of
/// 14 points): the banner says what the document is, the title follows.
fn title_under_banner(front: &[&PrintedLine], body: f32) -> Option<(usize, usize)> {
    let banner = front
        .iter()
        .position(|l| l.size > body * 1.05 && is_genre_line(&l.text))?;
    let start = banner + 1;
    let first = front.get(start)?;
    let size = first.size;
    if size < body * 0.98 || first.page != front[banner].page || !is_title_like(&first.text) {
        return None;
    }
    let mut end = start + 1;
    while end < front.len()
        && (front[end].size - size).abs() <= size * 0.04
        && front[end].page == front[end - 1].page
        && front[end].top - front[end - 1].top < size * 2.2
        && is_title_like(&front[end].text)
    {
        end += 1;
    }
    Some((start, end))
}

/// A line set right under another in its size, at a paragraph's leading
/// (1.3 sizes at most), after no full stop: the phrase goes on ("Part I:
/// Understanding" / "Homelessness and Opioid Use" / "Disorder, …").
fn same_paragraph(above: &PrintedLine, line: &PrintedLine) -> bool {
    let gap = line.top - above.top;
    above.page == line.page
        && (line.size - above.size).abs() <= above.size * 0.03
        && gap > 0.0
        // (Half a point over: leading set at exactly 130 %.)
        && gap < line.size * 1.3 + 0.5
        && !above.text.trim_end().ends_with('.')
}

/// A line that is one quoted name ("«Операционные системы»", the subject
/// a title names: "… по дисциплине" / "«Операционные системы»").
fn is_quoted(text: &str) -> bool {
    let text = text.trim();
    [
        ('«', '»'),
        ('\u{201c}', '\u{201d}'),
        ('"', '"'),
        ('„', '\u{201c}'),
    ]
    .iter()
    .any(|&(open, close)| {
        text.starts_with(open)
            && text.ends_with(close)
            && text.len() > open.len_utf8() + close.len_utf8()
            && text.matches(close).count() == 1 + usize::from(open == close)
    })
}

/// A title whose first words are set small above it ("THE" /
/// "CONSTITUTION" / "of the United States", "UPDATED RECOMMENDATIONS ON" /
/// "TREATMENT OF ADOLESCENTS ...") starts with them: an article alone, or a
/// line that ends mid-phrase.
fn with_leading_article(front: &[&PrintedLine], start: usize) -> usize {
    let Some(above) = start.checked_sub(1).and_then(|i| front.get(i)) else {
        return start;
    };
    let title = front[start];
    let word = above.text.trim().to_lowercase();
    let lead_in = ARTICLES.contains(&word.as_str())
        || (ends_mid_phrase(&above.text)
            && !above.text.trim_end().ends_with(',')
            && is_title_like(&above.text));
    let leads = lead_in
        && above.page == title.page
        && above.top < title.top
        && title.top - above.top < title.size * 1.5;
    if leads { start - 1 } else { start }
}

/// Smallest share of the title's size a line may have and still be part
/// of the title block.
const TITLE_SIZE_SPREAD: f32 = 0.85;

/// Words that name what kind of document it is; printed near the title,
/// they are not part of it.
const GENRE_LINES: &[&str] = &[
    "final report",
    "rapport final",
    "raport",
    "relatório",
    "relatório final",
    "bericht",
    "abschlussbericht",
    "report",
    "statement",
    "draft",
    "final draft",
    "discussion draft",
    "annual report",
    "executive summary",
    "summary",
    "abstract",
    "redpaper",
    "redbook",
    "white paper",
    "白皮书",
    "白皮書",
    "白書",
    "백서",
    "ホワイトペーパー",
    "안내서",
    "codebook",
    "position paper",
    "user's guide",
    "user’s guide",
    "user guide",
    "user manual",
    // What a repository's cover sheet says the work is.
    "conference paper",
    "journal article",
    "book chapter",
    "preprint",
    // A press release's banner.
    "press release",
    "news release",
    "media release",
    "media statement",
    "pressenotiz",
    "pressemitteilung",
    "presseinformation",
    "communiqué de presse",
    "communiqué",
    "nota de prensa",
    "comunicado de prensa",
    "comunicato stampa",
    "persbericht",
    "事務連絡",
    // A Chinese standard's banner ("national standard of the People's
    // Republic of China"): its title comes under the standard's number.
    "中华人民共和国国家标准",
    "中华人民共和国国家标准化指导性技术文件",
    "中华人民共和国行业标准",
    // The kinds of pieces think tanks publish, printed as a banner.
    "commentary",
    "analysis",
    "perspective",
    "perspectives",
    "viewpoint",
    "fact sheet",
    "factsheet",
    "briefing",
    "briefing note",
    "backgrounder",
    "explainer",
    "in focus",
    "spotlight",
    "insight",
    "insights",
    "research brief",
    "policy memo",
    "memo",
    "note d'analyse",
    "synthèse",
    "analyse",
    "kommentar",
    "studie",
    "informe",
    "nota técnica",
    "análisis",
    // A journal's article type printed above the title.
    "research article",
    "original article",
    "review article",
    "original research",
    "case report",
    "short communication",
    "brief report",
    // What a thesis is, printed above or below its title.
    "thesis",
    "master's thesis",
    "master thesis",
    "bachelor's thesis",
    "bachelor thesis",
    "doctoral thesis",
    "phd thesis",
    "dissertation",
    "doctoral dissertation",
    "skripsi",
    "tesis",
    "tesi",
    "tesi di laurea",
    "tesi di laurea magistrale",
    "tese",
    "dissertação",
    "dissertação de mestrado",
    "tese de doutorado",
    "thèse",
    "mémoire",
    // A French or Maghreb engineering school's final-year project.
    "projet de fin d'études",
    "projet de fin d’études",
    "projet de fin d'etudes",
    "projet de fin d’etudes",
    "rapport de stage",
    "masterarbeit",
    "bachelorarbeit",
    "diplomarbeit",
    "doktorarbeit",
    "trabajo práctico",
    "trabajo práctico integrador",
    "trabajo práctico final",
    "trabajo final",
    "trabajo final de grado",
    "trabajo de fin de grado",
    "trabajo fin de grado",
    "trabajo de grado",
    "trabajo de fin de máster",
    "yüksek lisans tezi",
    "doktora tezi",
    "magisterarbeit",
    "выпускная квалификационная работа",
    "магистерская диссертация",
    "бакалаврская работа",
    "работа бакалавра",
    // An FDA guidance's banner.
    "guidance for industry",
    "guidance for industry and food and drug administration staff",
    "draft guidance",
    // Theses and final reports of Chinese, Taiwanese and Japanese
    // universities.
    "碩士學位論文",
    "博士學位論文",
    "硕士学位论文",
    "博士学位论文",
    "卒業論文",
    "卒業研究報告書",
    "修士論文",
    "博士論文",
    "毕业论文",
    "畢業論文",
    "работа магистра",
    "дипломная работа",
    "석사학위논문",
    "박사학위논문",
    "공학석사학위논문",
    "공학박사학위논문",
    "碩士論文",
    "硕士学位论文",
    "博士学位论文",
    "修士論文",
    "卒業論文",
    "博士論文",
    // What a legislative text is, printed above its long title.
    "an act",
    "a bill",
    "joint resolution",
    "concurrent resolution",
];

pub(crate) fn is_genre_line(text: &str) -> bool {
    // ("– User’s Guide –": set between dashes.)
    let lower = heading_words(between_dashes(text).unwrap_or(text));
    GENRE_LINES.contains(&lower.as_str())
        || SUMMARY_HEADINGS.contains(&lower.as_str())
        || is_contents_heading(&lower)
        || is_addressee(text)
}

/// The heading that opens a document's text, numbered or not ("1.
/// Introduction", "一、引言", "Presentación"): the body begins, the title
/// has ended.
const INTRODUCTION_HEADINGS: &[&str] = &[
    "introduction",
    "preface",
    "foreword",
    "presentation",
    "einleitung",
    "einführung",
    "vorwort",
    "introducción",
    "presentación",
    "prólogo",
    "prefacio",
    "introdução",
    "apresentação",
    "introduzione",
    "premessa",
    "prefazione",
    "avant-propos",
    "préface",
    "inleiding",
    "voorwoord",
    "введение",
    "предисловие",
    "引言",
    "前言",
    "序言",
    "はじめに",
    "まえがき",
    "서론",
    "머리말",
    "들어가며",
];

/// Whether a line (in lower case) is the heading that opens the text.
fn is_opening_heading(lower: &str) -> bool {
    let words = without_section_number(lower);
    // "1. 분석 개요 (Introduction)": a heading with its English in brackets.
    let translated = words
        .strip_suffix(')')
        .and_then(|w| w.rsplit_once('('))
        .is_some_and(|(_, inner)| INTRODUCTION_HEADINGS.contains(&inner.trim()));
    INTRODUCTION_HEADINGS.contains(&words) || translated
}

/// Whether the line at `at` is a heading the text opens with: an opening
/// heading's words, or the first section over its first subsection.
fn starts_a_section(front: &[&PrintedLine], at: usize) -> bool {
    is_opening_heading(&heading_words(&front[at].text)) || opens_first_section(front, at)
}

/// "1. Scope" over "1.1. Purpose": the first section and its first
/// subsection, so the text has begun.
fn opens_first_section(front: &[&PrintedLine], at: usize) -> bool {
    let first = |text: &str, number: &str| {
        text.trim_start()
            .strip_prefix(number)
            .is_some_and(|rest| rest.starts_with([' ', '.']) && has_letters(rest, 2))
    };
    first(&front[at].text, "1")
        && !first(&front[at].text, "1.1")
        && front
            .get(at + 1)
            .is_some_and(|next| next.page == front[at].page && first(&next.text, "1.1"))
}

/// A heading's words as `is_opening_heading` compares them.
fn heading_words(text: &str) -> String {
    text.trim().trim_end_matches([':', '.']).to_lowercase()
}

/// Whether the line at `at` is the text's opening heading standing alone,
/// not a title's first word that the next line goes on with
/// ("INTRODUCTION" / "TO MACHINE LEARNING", "Introduction" / "to the
/// Economics of Climate Policy").
fn opens_the_text(front: &[&PrintedLine], at: usize) -> bool {
    let goes_on = front.get(at + 1).is_some_and(|next| {
        let first = next
            .text
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        next.page == front[at].page
            && (next.size - front[at].size).abs() <= front[at].size * 0.04
            && (next.text.starts_with(char::is_lowercase)
                || matches!(
                    first.as_str(),
                    "to" | "of" | "in" | "into" | "à" | "au" | "zur" | "zum" | "a" | "al"
                ))
    });
    (is_opening_heading(&heading_words(&front[at].text)) && !goes_on)
        || opens_first_section(front, at)
}

/// A heading without its number: "1. introduction", "i. introduction",
/// "一、引言" and "第一章 引言" give the words alone.
fn without_section_number(lower: &str) -> &str {
    let lower = lower.trim();
    if let Some((number, rest)) = lower.split_once('、')
        && !number.is_empty()
        && number.chars().all(is_chinese_numeral)
    {
        return rest.trim();
    }
    match lower.split_once(' ') {
        Some((number, rest))
            if is_section_number(number)
                || (number.len() <= 2 && number.bytes().all(|b| b.is_ascii_digit()))
                || crate::text::furniture::roman(number.trim_end_matches('.')).is_some()
                || (number.starts_with('第') && number.ends_with('章')) =>
        {
            rest.trim()
        }
        _ => lower,
    }
}

fn is_chinese_numeral(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// The heading of a table of contents, alone or leading its first entries
/// ("CONTENTS / 目录 热点 | Hot", "Table of contents: 0. AI SECURITY
/// OVERVIEW 4"); "Índice de Desarrollo Humano" is a title.
pub(crate) fn is_contents_heading(lower: &str) -> bool {
    CONTENTS_HEADINGS.iter().any(|heading| {
        lower.strip_prefix(heading).is_some_and(|rest| {
            rest.is_empty()
                || [":", " :", " /", " |", "/"]
                    .iter()
                    .any(|s| rest.starts_with(s))
        })
    })
}

const CONTENTS_HEADINGS: &[&str] = &[
    "contents",
    "table of content",
    "table of contents",
    "índice",
    "indice",
    "sumario",
    "sumário",
    "inhalt",
    "inhaltsverzeichnis",
    "sommaire",
    "table des matières",
    "inhoud",
    "inhoudsopgave",
    "содержание",
    "оглавление",
    "目录",
    "目錄",
    "目次",
    "목차",
    "차례",
];

/// A Japanese letter's addressee ("各都道府県衛生主管部（局）薬務主管課
/// 御中": "to the divisions of each prefecture"), named above the issuer
/// and the title.
fn is_addressee(text: &str) -> bool {
    let text = text.trim_end();
    text.ends_with("御中") || text.ends_with(" 殿")
}

/// A line wholly in parentheses under a title: a note on it (the bill's
/// sponsor "(이수진의원 대표발의)", a version "（第 1.0 版）", "(By
/// State)"), not part of it; a year ("（2022 年）") or an acronym
/// ("(CoMES)") is.
fn is_note_line(text: &str) -> bool {
    let text = text.trim();
    let inner = [('(', ')'), ('（', '）')]
        .iter()
        .find_map(|&(open, close)| text.strip_prefix(open)?.strip_suffix(close));
    let Some(inner) = inner.map(str::trim) else {
        return false;
    };
    let year = year_of(inner.trim_end_matches('年').trim()).is_some();
    let acronym = !inner.contains(' ')
        && inner.chars().filter(char::is_ascii_uppercase).count() >= 2
        && inner.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    !inner.is_empty() && !inner.contains(['(', '（']) && !year && !acronym
}

/// A title in Latin letters under one in another script: its translation
/// (a Japanese thesis's English title, a Thai bulletin's "The First World
/// War Centenary"), catalogued apart as a parallel title, not a subtitle.
fn is_parallel_title(title_lines: &[&PrintedLine], line: &PrintedLine) -> bool {
    // (Full-width letters too: "Ｒｕｌｅｓ ｆｏｒ …" under a Chinese standard's title.)
    let latin = |c: char| {
        c.is_ascii_alphabetic()
            || ('\u{c0}'..='\u{24f}').contains(&c)
            || ('\u{ff21}'..='\u{ff3a}').contains(&c)
            || ('\u{ff41}'..='\u{ff5a}').contains(&c)
    };
    let (mut other, mut letters) = (0, 0);
    for c in title_lines
        .iter()
        .flat_map(|l| l.text.chars())
        .filter(|c| c.is_alphabetic())
    {
        letters += 1;
        other += usize::from(!latin(c));
    }
    2 * other > letters
        && line.text.split_whitespace().count() >= 3
        && line.text.chars().filter(|c| c.is_alphabetic()).all(latin)
}

/// A white paper's or guide's genre word set at the end of a Korean,
/// Chinese or Japanese title's line ("金融区块链底层平台 FISCO BCOS 白皮书",
/// "… 보안인증제도 안내서"), as it is on a line of its own: not the title's.
fn without_genre_suffix(title: &str) -> &str {
    const SUFFIXES: &[&str] = &[
        "白皮书",
        "白皮書",
        "白書",
        "백서",
        "ホワイトペーパー",
        "안내서",
    ];
    SUFFIXES
        .iter()
        .find_map(|suffix| {
            let head = title.strip_suffix(suffix)?.trim_end();
            (head.chars().filter(|c| c.is_alphanumeric()).count() >= 4).then_some(head)
        })
        .unwrap_or(title)
}

/// A title without a footnote mark closing it ("… goes social!♣", "…
/// Development*"); "Weighted A*" keeps its star, a capital's.
fn without_closing_mark(title: &str) -> &str {
    let trimmed = title
        .trim_end_matches(['∗', '†', '‡', '♣', '♠', '♥', '♦', '★', '☆'])
        .trim_end();
    let starred = trimmed.trim_end_matches('*');
    let before_star = starred.chars().next_back();
    if starred.len() < trimmed.len() && before_star.is_some_and(|c| !c.is_uppercase()) {
        starred.trim_end()
    } else {
        trimmed
    }
}

/// A Chinese report's series under its title ("——申万大师系列_价值投资篇之十三":
/// the Shenwan masters series): what it belongs to, not a subtitle.
fn is_series_under_title(text: &str) -> bool {
    let text = text.trim_start();
    (text.starts_with('—') || text.starts_with("--")) && text.contains("系列")
}

/// A genre with the year or number of the issue ("Annual Report 2023",
/// "Policy Brief 12"): it says which, not what about.
fn is_numbered_genre(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .collect();
    let rest = words.join(" ");
    words.len() < text.split_whitespace().count()
        && (is_genre_line(&rest) || is_series_label(&rest))
}

/// "A Report of the CSIS Africa Program", "A Joint Policy Brief by ...":
/// under the title, what the document is and who made it, not a subtitle.
/// (Above it, "A Study of ..." is a title's start.)
/// A short phrase naming the kind of document, perhaps with its place
/// after a comma ("Field survey report", "Country brief, Indonesia"): what
/// it is, not a subtitle.
fn is_genre_phrase(text: &str) -> bool {
    let head = text.split(',').next().unwrap_or(text).to_lowercase();
    let words: Vec<&str> = head.split_whitespace().collect();
    // English puts the genre's noun last ("Field survey report"); Spanish,
    // French, Portuguese and Italian put it first ("Informe metodológico",
    // "Rapport final").
    let noun_last = words
        .last()
        .is_some_and(|w| matches!(*w, "report" | "brief" | "paper" | "memo"));
    let noun_first = words
        .first()
        .is_some_and(|w| matches!(*w, "informe" | "rapport" | "relatório" | "rapporto"));
    (2..=3).contains(&words.len()) && (noun_last || noun_first) && text.split(',').count() <= 2
}

/// A row of fields set apart by bars ("Kurs 209-032 – Ökonometrie | SoSe
/// 2026 | HfWU Nürtingen-Geislingen"): a course's or a form's facts.
fn is_field_row(text: &str) -> bool {
    text.matches(" | ").count() >= 2
}

fn is_genre_statement(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let Some(("a" | "an", rest)) = words.split_first().map(|(a, r)| (*a, r)) else {
        return false;
    };
    let kind = |w: &str| matches!(w, "report" | "brief" | "paper" | "publication" | "memo");
    // The kind within the first three words ("A Joint Policy Brief"),
    // followed by whose it is.
    rest.iter().take(3).position(|w| kind(w)).is_some_and(|at| {
        rest.get(at + 1).is_some_and(|w| {
            matches!(
                *w,
                "of" | "by" | "from" | "for" | "prepared" | "commissioned" | "produced"
            )
        })
    })
}

fn is_title_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    // An issuer's acronym set large on its own ("GAO", "OECD") is a logo.
    let logo = crate::brief::names::is_acronym(text.trim(), 1..=4);
    // Most of a title is letters; an OCR layer's reading of a formula or a
    // citation line is not ("J. Physiol. (I955) I28, 54I-546").
    let printed = text.chars().filter(|c| !c.is_whitespace()).count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    // "Bard's Dancing Shoes ....... 20", "0. AI SECURITY OVERVIEW 4": an
    // entry of a table of contents, with its leaders or between a section
    // number and a page number.
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let numbered_entry = tokens.len() >= 3
        && tokens.first().is_some_and(|w| is_section_number(w))
        && tokens
            .last()
            .is_some_and(|w| w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()));
    let leaders = numbered_entry
        || ["....", "· · ·", "···", "……", "_____"]
            .iter()
            .any(|l| text.contains(l));
    // A line with an e-mail address is a contact or a byline
    // ("Michel TARBY - michel.tarby@inrae.fr Dernière MàJ : 17/10/2025").
    let email = text.split_whitespace().any(is_email_address);
    2 * letters >= printed
        && !logo
        && !crate::brief::names::is_russian_full_name(text)
        && !leaders
        && !email
        && !is_running_head(text)
        && !is_genre_line(text)
        && !is_identifier_line(text)
        && has_letters(text, 3)
        && words <= 40
        && !is_series_label(text)
        && find_dates(text)
            .first()
            .is_none_or(|d| d.offset > 0 && words > 4 && !ends_with_date(text))
        && !text
            .trim()
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace())
}

/// A section's number: "0.", "6.4", "2.3.1".
fn is_section_number(word: &str) -> bool {
    word.contains('.')
        && word.split('.').any(|part| !part.is_empty())
        && word
            .split('.')
            .all(|part| part.len() <= 2 && part.bytes().all(|b| b.is_ascii_digit()))
}

/// A section's heading, numbered "6.4 Internal PXC" or "1. Introduction":
/// as the largest line, it marks a page from inside a document.
pub(crate) fn is_numbered_heading(text: &str) -> bool {
    let mut words = text.split_whitespace();
    is_section_number(words.next().unwrap_or(""))
        && words
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// Words that number a division of a larger work.
const DIVISION_WORDS: &[&str] = &[
    "chapter",
    "section",
    "part",
    "annex",
    "appendix",
    "chapitre",
    "partie",
    "annexe",
    "kapitel",
    "teil",
    "anhang",
    "capítulo",
    "sección",
    "parte",
    "anexo",
];

/// The title without the division of the larger work it heads ("CHAPTER 6
/// – AN OVERVIEW ..." gives "AN OVERVIEW ...", "Section 9: Development of
/// ..." gives "Development of ..."): a number, not the title.
fn without_division_label(title: &str) -> &str {
    let mut words = title.splitn(3, ' ');
    let (Some(word), Some(number), Some(rest)) = (words.next(), words.next(), words.next()) else {
        return title;
    };
    if !is_division_label(&format!("{word} {number}")) {
        return title;
    }
    let rest = rest.trim_start_matches([':', '.', '\u{2013}', '\u{2014}', '-', ' ']);
    if rest.split_whitespace().count() >= 2 {
        rest
    } else {
        title
    }
}

/// A university's unit named alone ("Department of Computer Science",
/// "School of Public Policy"): a masthead above a technical report's
/// title, though no publisher (the university is).
fn is_unit_name(text: &str) -> bool {
    let text = text.trim();
    // A Chinese or Taiwanese university's department or degree programme
    // ("資訊工程系碩士班": the master's programme of the department of
    // computer science).
    const CJK_UNITS: &[&str] = &["碩士班", "博士班", "硕士班", "學系", "学系", "研究所"];
    if text.chars().all(crate::brief::is_cjk_or_hangul)
        && CJK_UNITS.iter().any(|u| text.ends_with(u))
    {
        return true;
    }
    let words = text.split_whitespace().count();
    [
        "Department of ",
        "School of ",
        "Faculty of ",
        "Institute of ",
        // Portuguese and Spanish units, and a graduate programme, on a
        // thesis's cover.
        "Centro de ",
        "Centro Regional ",
        "Faculdade de ",
        "Facultad de ",
        "Departamento de ",
        "Programa de Pós-Graduação ",
    ]
    .iter()
    .any(|unit| {
        text.get(..unit.len())
            .is_some_and(|head| head.to_lowercase() == unit.to_lowercase())
    })
        && (3..=7).contains(&words)
        && !text.contains([':', ',', '.'])
        // "School of Nursing Strategic Plan" is a title.
        && !crate::brief::names::names_a_document(text)
        && text
            .split_whitespace()
            .filter(|w| w.len() > 3)
            .all(|w| w.starts_with(char::is_uppercase))
}

/// A word that is an e-mail address, brackets and all
/// ("(barbararossi.work@gmail.com)"); "@mentions" is none.
fn is_email_address(word: &str) -> bool {
    word.split_once('@')
        .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
}

/// A byline without the e-mail address printed beside the name ("Barbara
/// Rossi (barbararossi.work@gmail.com)" reads "Barbara Rossi"); a line
/// that is only an address stays as it is.
fn without_email(text: &str) -> String {
    let kept: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !is_email_address(w))
        .collect();
    if kept.is_empty() {
        text.to_string()
    } else {
        kept.join(" ")
    }
}

/// A form's label before the title ("Policy name: Management of Security
/// at Visits", "Title: …", "Titre : …"): the value is the title.
fn without_title_label(title: &str) -> &str {
    // A Nature journal's open-access badge before a title in mixed case
    // ("OPEN Spatial-temporal distribution of dengue ...").
    // (A title in capitalised words keeps it: "OPEN Government Partnership".)
    let mut words = title.split_whitespace().skip(1);
    let sentence_case = words
        .next()
        .is_some_and(|w| w.chars().any(char::is_lowercase))
        && words
            .next()
            .is_some_and(|w| w.starts_with(char::is_lowercase));
    if let Some(rest) = title.strip_prefix("OPEN ")
        && sentence_case
    {
        return rest;
    }
    title_label_value(title).unwrap_or(title)
}

/// Labels a form or a student's cover prints before the title.
const TITLE_LABELS: &[&str] = &[
    "title",
    "document title",
    "policy name",
    "report title",
    "project title",
    "titel",
    "thema",
    "titre",
    "título",
    "titolo",
    "тема",
    "тема работы",
    "题目",
    "论文题目",
    "題目",
    "論文題目",
    "제목",
];

/// The value after a title's label ("Тема: Генетические алгоритмы",
/// "论文题目：求实对称阵…", "Title: …").
fn title_label_value(text: &str) -> Option<&str> {
    let (label, value) = text.split_once([':', '：'])?;
    // A label spaced out to the width of the others ("题 目").
    let label: String = label.split_whitespace().collect::<Vec<_>>().join(" ");
    let unspaced: String = label.split_whitespace().collect();
    let value = value.trim();
    let known = |l: &str| TITLE_LABELS.contains(&l.to_lowercase().as_str());
    ((known(&label) || known(&unspaced)) && has_letters(value, 3)).then_some(value)
}

/// A title given after its label on the first page ("Тема: …" under
/// "ОТЧЁТ ПО УЧЕБНОЙ ПРАКТИКЕ", "论文题目：…" under a thesis banner):
/// the page says which line it is, and the lines it runs on to: one
/// that its line leaves mid-phrase ("... непрерывная доставка и") or that
/// starts in lower case, in its size, even set with a cover's wide
/// leading.
fn labelled_title(front: &[&PrintedLine]) -> Option<(usize, usize)> {
    let page = front.first()?.page;
    let at = front
        .iter()
        .take_while(|l| l.page == page)
        .position(|l| title_label_value(&l.text).is_some())?;
    let mut end = at + 1;
    while let Some(next) = front.get(end) {
        let last = front[end - 1];
        let goes_on = ends_mid_phrase(&last.text) || next.text.starts_with(char::is_lowercase);
        let close = next.top > last.top && next.top - last.top <= 2.0 * last.size;
        if next.page != page || (next.size - last.size).abs() > 0.5 || !close || !goes_on {
            break;
        }
        end += 1;
    }
    Some((at, end))
}

/// "Section 9:", "CHAPTER 6 –", "Annex IV", "Appendix G".
fn is_division_label(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(word), Some(number), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let number = number.trim_end_matches([':', '.', '\u{2013}', '\u{2014}', '-']);
    // ("A-1", "B-2": a lettered series of annexes.)
    let lettered = number.split_once('-').is_some_and(|(letter, n)| {
        letter.len() == 1
            && letter.chars().all(|c| c.is_ascii_uppercase())
            && !n.is_empty()
            && n.chars().all(|c| c.is_ascii_digit())
    });
    let numbered = !number.is_empty()
        && (lettered
            || number.chars().all(|c| c.is_ascii_digit() || c == '.')
            || number.chars().all(|c| "IVXLC".contains(c))
            || (number.len() == 1 && number.chars().all(|c| c.is_ascii_uppercase())));
    DIVISION_WORDS.contains(&word.to_lowercase().as_str()) && numbered
}

/// Whether a line stops in the middle of a phrase: after "and", "of", an
/// article, a comma or a hyphen.
fn ends_mid_phrase(text: &str) -> bool {
    let text = text.trim_end();
    let last = text.split_whitespace().last().unwrap_or("");
    text.ends_with([',', '-', '\u{2010}', '&'])
        || is_continuing_word(last, text)
        || ARTICLES.contains(&last.to_lowercase().as_str())
}

/// Whether a line ends with a dash set off by a space ("siMPle –"), as a
/// title does that its next line completes.
fn ends_with_dash(text: &str) -> bool {
    let text = text.trim_end();
    [" –", " —", " -"].iter().any(|dash| text.ends_with(dash))
}

/// Whether a line capitalises its words, as titles do ("Fifth-order
/// Shallow Water-wave Models", "BY MICROWAVE DIATHERMY"): most words of
/// four letters or more start with a capital.
pub(crate) fn title_cased(text: &str) -> bool {
    let long: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    !long.is_empty() && 5 * capitalised >= 4 * long.len()
}

/// A page number and a section's name, as a journal's running head
/// prints them ("272 Notes"); a title may start with a number ("100
/// Years of Solitude") but says more. Or a page number after its label
/// ("Page 12", "Seite 1092").
fn is_running_head(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    is_page_count(text) || (words.first().is_some_and(|w| is_page_number(w)) && words.len() <= 3)
}

fn is_page_number(word: &str) -> bool {
    word.len() <= 4 && word.bytes().all(|b| b.is_ascii_digit())
}

/// A page number after its label: "Page 12", "Seite 1092", a page of a
/// count ("Page 1/2", "Page 3 of 12", "Seite 3 von 12").
fn is_page_count(text: &str) -> bool {
    let of_count = |w: &str| {
        w.split_once('/')
            .is_some_and(|(n, m)| is_page_number(n) && is_page_number(m))
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let page = |label: &str| PAGE_LABELS.contains(&label.to_lowercase().as_str());
    match words.as_slice() {
        [label, n] => page(label) && (is_page_number(n) || of_count(n)),
        [label, n, of, m] => {
            page(label)
                && is_page_number(n)
                && is_page_number(m)
                && ["of", "von", "de", "di", "sur", "из", "van"]
                    .contains(&of.to_lowercase().as_str())
        }
        _ => false,
    }
}

/// The word before a page number in a running head.
const PAGE_LABELS: &[&str] = &["page", "p.", "seite", "pagina", "página", "страница"];

/// A subtitle: the lines right after the title, smaller than it but larger
/// than the body, that are not authors or a date.
fn subtitle(
    front: &[&PrintedLine],
    (start, end): (usize, usize),
    body: f32,
    common: &CommonWords,
) -> Option<BelowTitle> {
    let title_size = front[start..end].iter().map(|l| l.size).fold(0.0, f32::max);
    // A line right under the title that starts with a word tying it to
    // the title ("JOURNAL OFFICIEL" / "DE LA REPUBLIQUE DU SENEGAL") goes
    // on with it, though capitalised words read like a name.
    let goes_on_title = |line: &PrintedLine| {
        let text = line.text.trim();
        text.split_whitespace()
            .next()
            .is_some_and(|w| NAME_CONTINUING_WORDS.contains(&w.to_lowercase().as_str()))
    };
    let mut next = end;
    while next < front.len()
        && front[next].size < title_size * 0.96
        // A subtitle keeps one size: a smaller line after it is a heading
        // ("What is AVERT?").
        && (next == end || front[next].size >= front[next - 1].size * 0.96)
        // Larger than the body, clearly or by a little when close to the
        // title's size (a cover's 16-point subtitle under an 18-point
        // title, before a report set in 14).
        && (front[next].size > body * 1.15
            || (front[next].size > body * 1.02 && front[next].size >= title_size * 0.8)
            // A title that ends with a dash goes on below, whatever the
            // size ("... Agreement of siMPle –" / "Software for the
            // automated detection of microplastic").
            || (next == end && ends_with_dash(&front[end - 1].text)))
        // A line after a comma or a word that needs more goes on with the
        // phrase even when it reads like names ("Political Process," /
        // "Local Governance, and ...", "... of El Colegio de" / "México’s
        // Press"); capitalised words that are no one's name are a phrase
        // ("U.S. Nonresident Alien Income Tax Return").
        && (next > end
            && (ends_mid_phrase(&front[next - 1].text)
                || (same_paragraph(front[next - 1], front[next])
                    && people_named(front[next], common) < 2))
            || !names_someone(front[next], common)
            || (next == end && goes_on_title(front[next])))
        && !is_fact_line(&front[next].text)
        && !is_genre_line(&front[next].text)
        && !starts_a_section(front, next)
        && !is_note_line(&front[next].text)
        && !is_series_under_title(&front[next].text)
        && !is_parallel_title(&front[start..end], front[next])
        && !is_genre_statement(&front[next].text)
        && !is_genre_phrase(&front[next].text)
        && !is_field_row(&front[next].text)
        && !is_short_name(&front[next].text)
        && from_organisation_at(front, next).is_none()
        // "Written by" alone on its line: the byline follows ("by Small
        // Area Estimation …" may go on with the title).
        && strip_by(&front[next].text) != Some("")
        // "National Institute of Standards and Technology" under the
        // title: the issuer, not a subtitle.
        // (Unless the line before needs it: "... of El Colegio de" /
        // "México’s Press".)
        && (ends_mid_phrase(&front[next - 1].text)
            || !crate::brief::publisher::is_masthead(&front[next].text))
        // "INSIDE THIS ISSUE:" introduces a list, it is no subtitle.
        && !front[next].text.trim_end().ends_with(':')
        && front[next].page == front[next - 1].page
        && front[next].top - front[next - 1].top < title_size * SUBTITLE_GAP
        && (!is_date_line(&front[next].text) || year_then_words(&front[next].text))
        // "City of Asheville, NC, October, 2016": a dateline.
        && !ends_with_date(&front[next].text)
        && !is_series_label(&front[next].text)
        // A full stop ends a subtitle: past it, a standfirst's next
        // sentence or paragraph.
        && !(next > end && front[next - 1].text.trim_end().ends_with('.'))
    {
        next += 1;
    }
    // Lines in another typeface are a standfirst or a tagline, not the
    // subtitle ("Open and Secure" in a display face over "A Manual for
    // Practicing Threat Modeling ..." in a serif); they are no authors
    // either.
    let kept = (end..next)
        .find(|&k| {
            !same_family(front[end - 1], front[k])
                && !ends_mid_phrase(&front[k - 1].text)
                && (k != end || !goes_on_title(front[k]))
                && !front[k].text.starts_with(char::is_lowercase)
        })
        .unwrap_or(next);
    // A sentence under the title is its standfirst ("The population
    // problem has no technical solution; it requires a fundamental
    // extension in morality."), not a subtitle.
    // A change of size inside the subtitle's lines starts a part of its
    // own ("by Small Area Estimation Derivative Technique" in 18 points,
    // then "Methodological and practical guide" in 22).
    let resized = (end + 1..kept).find(|&k| {
        let (a, b) = (front[k - 1].size, front[k].size);
        (a - b).abs() > a.max(b) * 0.1
    });
    let text = match resized {
        Some(k) => full_title(&join_lines(&front[end..k]), &join_lines(&front[k..kept])),
        None => join_lines(&front[end..kept]),
    };
    let sentence = text.ends_with('.')
        && text.split_whitespace().count() >= 10
        && !text
            .split_whitespace()
            .last()
            .is_some_and(|w| w.trim_end_matches('.').contains('.'));
    (next > end && !sentence).then(|| BelowTitle {
        subtitle: (kept > end).then_some(text),
        end: next,
    })
}

/// The lines under a title that belong to its block: the subtitle, when
/// they start in the title's typeface, and where the block ends (lines in
/// another typeface are a standfirst: neither subtitle nor authors).
struct BelowTitle {
    subtitle: Option<String>,
    end: usize,
}

/// Whether two lines are set in one typeface, weights aside; a line of
/// unknown typeface may be in any.
fn same_family(a: &PrintedLine, b: &PrintedLine) -> bool {
    let known = |l: &PrintedLine| !l.family.is_empty() && one_script_font(&l.text);
    !known(a) || !known(b) || a.family == b.family
}

/// Whether a line's typeface, that of its first letter or digit, is the
/// one most of it is set in: a Chinese line that starts with a year or
/// a Latin name ("2018 年第一季度报告") sets those in a Latin font.
fn one_script_font(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphanumeric());
    let Some(first) = letters.next() else {
        return true;
    };
    let cjk = crate::brief::is_cjk_or_hangul;
    let (same, other) = letters.fold((1, 0), |(same, other), c| {
        if cjk(c) == cjk(first) {
            (same + 1, other)
        } else {
            (same, other + 1)
        }
    });
    same >= other
}

/// Whether a line lists people or organisations: shaped like a list of
/// names, the items set apart read as one each, and not all of them
/// phrases ("U.S. Nonresident Alien Income Tax Return").
fn names_someone(line: &PrintedLine, common: &CommonWords) -> bool {
    let listed = line.listed();
    looks_like_names(&listed) && !names_no_one(&listed, common)
}

/// Whether a line is one person's name and nothing else.
fn is_one_person(line: &PrintedLine, common: &CommonWords) -> bool {
    people_named(line, common) == 1 && split_names(&line.listed()).len() == 1
}

/// How many people a line names, when it reads as a list of names.
fn people_named(line: &PrintedLine, common: &CommonWords) -> usize {
    let listed = line.listed();
    if !looks_like_names(&listed) {
        return 0;
    }
    split_names(&listed)
        .iter()
        .filter(|n| name_kind(n, common) == NameKind::Person)
        .count()
}

/// Farthest a subtitle's line may sit below the line before it, in the
/// title's size: CJK covers set their lines 2.4 sizes apart.
const SUBTITLE_GAP: f32 = 2.5;

/// A year that starts a phrase, not a dateline: "2018 年第一季度报告" (first
/// quarter report of 2018), "2021 Annual Report".
fn year_then_words(text: &str) -> bool {
    find_dates(text)
        .first()
        .is_some_and(|d| d.offset == 0 && d.iso.len() == 4 && has_letters(&text[d.end..], 3))
}

/// Words that tie two lines of a title into one phrase, at the end of
/// the first or the start of the second ("... Implementation of" /
/// "For the Assessment ..."). Articles count only at the end of a line: a
/// subtitle often starts with one ("A guide for ...").
const CONTINUING_WORDS: &[&str] = &[
    "and", "at", "by", "for", "from", "in", "of", "on", "or", "to", "with", "about", "into",
    "across", "after", "before", "beyond", "under", "over", "through", "without", "de", "des",
    "du", "et", "pour", "und", "für", "von",
];
/// The same in Spanish, Portuguese, Italian and Indonesian, counted only
/// as printed in lower case (or on a line in capitals): a capital "E",
/// "Y" or "Do" in mixed case is a letter or an English word ("Hepatitis
/// E", "Generation Y", "Do They Work?").
const LOWER_CONTINUING_WORDS: &[&str] = &[
    "del", "della", "delle", "dei", "degli", "nel", "nella", "per", "di", "da", "do", "dos", "das",
    "e", "y", "con", "en", "para", "por", "sobre", "entre", "untuk", "dalam", "dan", "pada",
    "dengan", "terhadap", "yang", "nos", "nas", "no", "na", "aos", "ao", "pelo", "pela", "al",
    "el", "los", "las", "il", "gli", "sul", "sulla", "alla",
];

/// Whether `word`, taken from `line`, ties the line to the next.
fn is_continuing_word(word: &str, line: &str) -> bool {
    let lower = word.to_lowercase();
    let capitals = line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase);
    CONTINUING_WORDS.contains(&lower.as_str())
        || (LOWER_CONTINUING_WORDS.contains(&lower.as_str()) && (capitals || word == lower))
}
const ARTICLES: &[&str] = &["a", "an", "the", "la", "le", "les", "der", "die", "das"];

/// Where, in the lines of one title block, a new phrase starts on a line
/// of its own though the text did not need the break: the next line's
/// first word would have fitted on the line before (measured against the
/// block's widest line: the page's would split titles that a designer
/// balanced over two lines), or a line in capitals is followed by one in mixed
/// case ("THE DIGITAL MILLENNIUM COPYRIGHT ACT OF 1998" / "U.S. Copyright
/// Office Summary"). A line that starts in lower case or ends with a
/// hyphen, comma or colon goes on with the phrase.
fn intended_break(lines: &[&PrintedLine]) -> Option<usize> {
    let widest = lines.iter().map(|l| l.width).fold(0.0, f32::max);
    if lines.len() < 2 {
        return None;
    }
    let caps = |t: &str| t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase);
    // The leading between the title's lines: a blank line's worth more
    // after one of them sets the rest apart ("AGRICULTURAL INSURANCE" /
    // (gap) / "BACKGROUND AND CONTEXT FOR" / "CLIMATE ADAPTATION").
    let gap = |k: usize| lines[k].top - lines[k - 1].top;
    // Lines that share a row or run up the page tell nothing.
    let tightest = (1..lines.len())
        .map(gap)
        .filter(|g| *g > 0.0)
        .fold(f32::INFINITY, f32::min);
    (1..lines.len()).find(|&k| {
        let (before, line) = (lines[k - 1].text.trim(), lines[k].text.trim());
        let set_apart = lines.len() >= 3
            && tightest.is_finite()
            && lines[k].page == lines[k - 1].page
            && gap(k) > tightest * 1.5
            && !before.ends_with(['-', '\u{2010}', ','])
            && !ends_mid_phrase(before)
            && line.starts_with(char::is_uppercase);
        if set_apart {
            return true;
        }
        // A bold title over a subtitle in the regular weight of its size
        // or a little smaller ("Adobe Portable Document Format" /
        // "Inventory of long-term preservation risks"; "Anlagen zur
        // Dokumentation" in 18 points / "Verwaltungsgebiete" in 16), unless
        // the phrase is cut mid-word.
        // (A year alone in the lighter weight still belongs to the title:
        // "Jahresabschluss" / "2021".)
        let lighter = lines[k - 1].bold
            && !lines[k].bold
            && year_of(line).is_none()
            && lines[k].size <= lines[k - 1].size * 1.04
            && !before.ends_with(['-', '\u{2010}'])
            && !line.starts_with(char::is_lowercase);
        if lighter {
            return true;
        }
        // A line that ends with the year of a report ("AMNESTY
        // INTERNATIONAL REPORT 2013" / "THE STATE OF THE WORLD'S HUMAN
        // RIGHTS") has said which; the next phrase is the subtitle.
        // (Not a year as an adjective: "Lessons from the 2015" / "Nepal
        // Earthquake".)
        let words_before: Vec<&str> = before.split_whitespace().collect();
        let after_year = words_before.last().is_some_and(|w| year_of(w).is_some())
            && words_before.len() >= 2
            && !ends_mid_phrase(&words_before[..words_before.len() - 1].join(" "))
            && line.starts_with(char::is_uppercase)
            && line.split_whitespace().count() >= 2;
        if after_year {
            return true;
        }
        let cut = before.ends_with(['-', '\u{2010}', ',', ':', ';', '/', '&']);
        // A title in capitals over lines in mixed case, the capitals on
        // several lines ("MANAGING FOR" / "RESULTS" / "Enhancing Agency").
        let capitals_end = k >= 2
            && caps(before)
            && caps(lines[k - 2].text.trim())
            && !caps(line)
            && line.starts_with(char::is_uppercase)
            && line.split_whitespace().count() >= 2;
        if capitals_end && !cut {
            return true;
        }
        let goes_on = cut
            || !line.starts_with(char::is_uppercase)
            || line.split_whitespace().count() < 2
            || before.split_whitespace().count() < 2;
        if goes_on {
            return false;
        }
        if widest <= 0.0 {
            return false;
        }
        if caps(before) {
            return !caps(line);
        }
        let chars = line.chars().count().max(1) as f32;
        let first = line.split_whitespace().next().unwrap_or("").chars().count() as f32 + 1.0;
        let would_fit = lines[k - 1].width + lines[k].width * first / chars;
        lines[k - 1].width > 0.0 && would_fit < widest * 0.97
    })
}

/// The title as a cataloguer writes it: the main title, then the
/// subtitle after a colon ("Understanding Breast Cancer: A guide for ...").
/// When the smaller line only goes on with the sentence of the main one
/// ("Clinical Guidance" / "For the Assessment of ..."), or the main title
/// ends with its own colon or dash, they are joined by a space.
fn full_title(main: &str, sub: &str) -> String {
    let first = sub.split_whitespace().next().unwrap_or("");
    let last = main.split_whitespace().last().unwrap_or("");
    let last_word = last.to_lowercase();
    // Chinese and Japanese titles run on without a colon ("东北电气发展股份有限公司
    // 2018 年第一季度报告": the company's first quarter report).
    let continues = main.chars().last().is_some_and(is_cjk)
        || sub.starts_with(|c: char| c.is_lowercase() || c == '(')
        || is_continuing_word(first, sub)
        || is_continuing_word(last, main)
        || ARTICLES.contains(&last_word.as_str())
        // "How should you sit?" / "EMG based ergonomics …" needs no colon,
        // nor "How to Hackathon." / "Wann und wie …".
        || main.ends_with([':', '-', '\u{2013}', '\u{2014}', '?', '!', '？', '！', '.'])
        // The title's own colon comes a few words into the next line
        // ("... and the Ukraine" / "War: Aligned but not allied").
        || (!main.contains(':')
            && main.split_whitespace().count() >= 3
            && sub
                .split_once(": ")
                .is_some_and(|(head, _)| head.split_whitespace().count() <= 3));
    if continues {
        without_space_at_full_width(&format!("{main} {sub}"))
    } else {
        format!("{main}: {sub}")
    }
}

fn join_lines(lines: &[&PrintedLine]) -> String {
    let mut out = String::new();
    for line in lines {
        let text = line.text.trim();
        // Chinese and Japanese run on from line to line without a space.
        let run_on =
            out.chars().last().is_some_and(is_cjk) && text.chars().next().is_some_and(is_cjk);
        // A compound cut at its hyphen goes on in capitals or digits
        // ("EFFECTIVE-" / "POROSITY", "COVID-" / "19"): the hyphen stays.
        let compound = out
            .strip_suffix('-')
            .is_some_and(|head| head.ends_with(char::is_alphanumeric))
            && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        // A dash glued to the word before it joins two names
        // ("Schweinfurt—" / "Gerolzhofen—Wiesentheid"): no space after it.
        let joining_dash = out
            .strip_suffix(['\u{2014}', '\u{2013}'])
            .is_some_and(|head| head.ends_with(char::is_alphanumeric));
        if out.ends_with('-') && text.starts_with(|c: char| c.is_lowercase()) {
            out.pop();
        } else if !out.is_empty() && !run_on && !compound && !joining_dash {
            out.push(' ');
        }
        out.push_str(text);
    }
    // A footnote mark after a title ("... Markov Chains∗") is not part of it.
    without_space_at_full_width(
        out.trim_end_matches([':', ',', '*', '\u{2217}', '\u{2020}', '\u{2021}'])
            .trim(),
    )
}

/// Full-width punctuation carries its own space: a gap the layout read
/// beside it, next to Chinese or Japanese, is none ("研究 （2022 年）" is
/// "研究（2022 年）").
fn without_space_at_full_width(text: &str) -> String {
    let full_width = |c: char| matches!(c as u32, 0x3001..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF60);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        let gap = c == ' '
            && matches!((before, after), (Some(b), Some(a))
                if (full_width(a) && is_cjk(b)) || (full_width(b) && is_cjk(a)));
        if !gap {
            out.push(c);
        }
    }
    out
}

/// Authors, and whether a label ("By", "Authors:") introduced them: a
/// "By ..." line near the top; else the line right after the
/// title when a date follows it or ends it (the title / authors / date
/// block of most publications; organisations count as authors there);
/// else the first line after the title that reads as a list of names.
fn authors_after(
    front: &[&PrintedLine],
    after_title: usize,
    common: &CommonWords,
) -> (Vec<String>, bool) {
    // Names start within 8 lines of the title, and may run on past them.
    let window: &[&PrintedLine] = front.get(after_title..).unwrap_or_default();
    let mut first_unit: Option<Vec<String>> = None;
    // After a role's label alone on its line ("Supervisori:"), the names
    // below are that role's.
    let mut role_names = false;
    for (i, line) in window.iter().enumerate().take(8) {
        if let Some(names) = labelled_column(&window[i..]) {
            return (names, true);
        }
        let listed = without_email(&line.listed());
        let text = without_date(&listed);
        if is_other_role_line(text) {
            role_names = text.trim_end().ends_with(':');
            continue;
        }
        if role_names && strip_by(text).is_none() && looks_like_names(text) {
            continue;
        }
        role_names = false;
        // A table of contents follows: no byline comes after it.
        if is_contents_heading(&text.to_lowercase()) {
            break;
        }
        if let Some(team) = from_organisation_at(window, i) {
            return (vec![team], true);
        }
        // Past an organisation, a line going on in lower case ("by Sections
        // 1 through 9 of this document.") is running text.
        let running = first_unit.is_some() && text.starts_with(char::is_lowercase);
        if let Some(rest) = strip_by(text).filter(|_| !running) {
            let rest = without_other_roles(rest);
            // "By" alone on its line (or "Developed by the"): the names
            // are on the next one.
            let (names, from) = match rest {
                "" | "the" | "The" => (
                    window
                        .get(i + 1)
                        .map_or(String::new(), |next| next.listed()),
                    i + 1,
                ),
                rest => (rest.to_string(), i),
            };
            let names = names.as_str();
            let mut found = split_names(without_date(names));
            // ("BY NC ND" is a licence's badge: no word of three letters.)
            let worded = names.split_whitespace().any(|w| has_letters(w, 3));
            if found.is_empty()
                && worded
                && !is_affiliation(names)
                && !crate::brief::names::names_a_document(names)
            {
                // An organisation named whole ("Hospital Bed Safety Workgroup").
                found.push(names.trim_end_matches([',', '.']).to_string());
            }
            // A label over no name ("Authors" / "Original White Paper"
            // authors"): the names are elsewhere.
            if found.is_empty() {
                continue;
            }
            return (more_names(window, from, found), true);
        }
        let dated = text.len() < listed.len()
            || window.get(i + 1).is_some_and(|next| {
                find_dates(&next.text)
                    .first()
                    .is_some_and(|d| d.offset == 0)
            });
        // ("Article in International Conference on ... · July 2023" names
        // where the paper appeared, not who wrote it.)
        let venue = {
            let lower = text.to_lowercase();
            VENUE_WORDS.iter().any(|w| lower.contains(w))
        };
        if i == 0
            && dated
            && !venue
            && text.split_whitespace().count() <= 12
            && !text.is_empty()
            && !text.ends_with('.')
            && !is_affiliation(text)
        {
            let found = split_names(text);
            if units_only(&found, common) {
                first_unit.get_or_insert(found);
                continue;
            }
            if !found.is_empty() {
                return (found, false);
            }
        }
        if find_dates(text).first().is_some_and(|d| d.offset == 0)
            || is_series_label(text)
            || is_genre_line(text)
            || text.is_empty()
        {
            continue;
        }
        // After an organisation, a later line must name people plainly:
        // a line in capitals there is a notice or a heading ("EFFECTIVE
        // DATE", "DISCLAIMS LIABILITY FOR DAMAGES").
        let shouting =
            text.chars().any(char::is_uppercase) && !text.chars().any(char::is_lowercase);
        let plainly_people = || {
            !shouting
                && split_names(text)
                    .iter()
                    .all(|n| name_kind(n, common) == NameKind::Person)
        };
        // Each author on a line of their own before their affiliation
        // ("Laura Hallas, Blavatnik School of Government," / "University of
        // Oxford" / "Ariq Hatibie, Department of …").
        // (Not in a roster under labels: "Membres :", "Secrétaire :".)
        let roster = window[..i].iter().any(|l| l.text.trim_end().ends_with(':'));
        if first_unit.is_none() && !roster && name_before_affiliation(text, common).is_some() {
            return (names_before_affiliations(&window[i..], common), false);
        }
        if looks_like_names(text) && (first_unit.is_none() || plainly_people()) {
            let names = more_names(window, i, split_names(text));
            // An organisation first ("Andrew W. Mellon Foundation" / "Grant
            // 1711-05155" / ... / "John Kiplinger"; "환경노동위원회" /
            // "수석전문위원 오창석"): the people named after it are the
            // authors, and it is the author only when no one is named.
            if units_only(&names, common) {
                first_unit.get_or_insert(names);
                continue;
            }
            return (names, false);
        }
        // A sentence means the body has started.
        if text.split_whitespace().count() > 14 {
            break;
        }
    }
    (first_unit.unwrap_or_default(), false)
}

/// A row of labels side by side ("Auteur :" | "Tuteur :") over the
/// people in columns: the names under the author's label, its cell of
/// each row below. Whole names on rows of their own are several authors;
/// words that are not ("Alexandre" / "PETIT-PAS") are one name set on
/// two rows.
fn labelled_column(lines: &[&PrintedLine]) -> Option<Vec<String>> {
    let (labels, rows) = lines.split_first()?;
    let all_labels =
        labels.cells.len() >= 2 && labels.cells.iter().all(|c| c.trim_end().ends_with(':'));
    if !all_labels {
        return None;
    }
    let column = labels
        .cells
        .iter()
        .position(|c| strip_by(c.trim()) == Some(""))?;
    let pieces: Vec<&str> = rows
        .iter()
        .take_while(|row| row.cells.len() == labels.cells.len() && row.page == labels.page)
        .map(|row| row.cells[column].trim())
        .filter(|piece| !piece.is_empty())
        .collect();
    let whole_names = pieces.iter().all(|p| p.split_whitespace().count() >= 2);
    let names = if whole_names {
        pieces.iter().flat_map(|p| split_names(p)).collect()
    } else {
        split_names(&pieces.join(" "))
    };
    (!names.is_empty()).then_some(names)
}

/// Labels Korean, Chinese and Japanese colophons print before the author's
/// name, without a colon ("작성 박정화 부연구위원": written by Park
/// Jeong-hwa, associate research fellow).
const CJK_BY_LABELS: &[&str] = &["작성", "집필", "저자", "执笔", "作者", "執筆", "著者"];

/// A byline printed elsewhere on the front page than after the title: in a
/// sidebar read first ("Prepared by: Sunil Abraham, …") or a colophon above
/// it ("작성 심혜인 연구위원"). Only people count.
fn byline_anywhere(front: &[&PrintedLine], common: &CommonWords) -> Vec<String> {
    for (i, line) in front.iter().enumerate() {
        let pieces = if line.cells.is_empty() {
            std::slice::from_ref(&line.text)
        } else {
            line.cells.as_slice()
        };
        for piece in pieces {
            if let Some(names) =
                cjk_byline(piece).or_else(|| labelled_people(front, i, piece, common))
            {
                return names;
            }
        }
    }
    Vec::new()
}

/// The analysts of a Chinese securities research report, each named
/// with the registration number they practise under ("林晓明 执业证书编号：
/// S0570516010001", "陈杰 A0230513080006"); a contact ("联系人") has none.
fn registered_analysts(front: &[&PrintedLine]) -> Vec<String> {
    let registration = |word: &str| {
        word.contains("证书编号")
            || (word.len() == 14
                && word.starts_with(['S', 'A'])
                && word[1..].bytes().all(|b| b.is_ascii_digit()))
    };
    let mut names: Vec<String> = Vec::new();
    for line in front {
        let mut words = line.text.split_whitespace();
        let (Some(name), Some(next)) = (words.next(), words.next()) else {
            continue;
        };
        let han = name.chars().count();
        if (2..=4).contains(&han)
            && name.chars().all(crate::brief::is_cjk_or_hangul)
            && registration(next)
            && !names.iter().any(|n| n == name)
        {
            names.push(name.to_string());
        }
    }
    names
}

/// The names after a colophon's label ("작성 박정화 부연구위원", "집필 김철수
/// 이영희"): names of two to four characters, then a job title or nothing
/// ("작성 방법 및 절차", how to write it, names no one).
fn cjk_byline(piece: &str) -> Option<Vec<String>> {
    let mut words = piece.split_whitespace().peekable();
    if !CJK_BY_LABELS.contains(&words.next()?) {
        return None;
    }
    let mut names = Vec::new();
    // ("연구위원", research fellow, starts like a family name: a job title
    // first.)
    while let Some(word) = words.next_if(|w| {
        !crate::brief::names::is_cjk_job_title(w) && crate::brief::names::caseless_name(w)
    }) {
        names.push(word.to_string());
    }
    let ends_well = words
        .peek()
        .is_none_or(|next| crate::brief::names::is_cjk_job_title(next));
    (!names.is_empty() && ends_well).then_some(names)
}

/// The people a by-label on line `i` names ("by Justin Cappos in
/// collaboration with Andrés Vega"), read on over the next lines; `None`
/// unless every name is a person's.
fn labelled_people(
    lines: &[&PrintedLine],
    i: usize,
    text: &str,
    common: &CommonWords,
) -> Option<Vec<String>> {
    let rest = strip_by(text.trim())?;
    // "Authors:" alone on its line: the names are on the next.
    let (names, at) = if rest.is_empty() {
        let next = lines.get(i + 1)?;
        (split_names(&next.listed()), i + 1)
    } else {
        (split_names(without_other_roles(rest)), i)
    };
    let names = more_names(lines, at, names);
    all_people(&names, common).then_some(names)
}

fn all_people(names: &[String], common: &CommonWords) -> bool {
    !names.is_empty()
        && names
            .iter()
            .all(|n| name_kind(n, common) == NameKind::Person)
}

/// A cover that prints no one names its authors overleaf, in a byline at
/// the top of page 2 ("Open and Secure — A Manual …" / "by Justin Cappos in
/// collaboration with Andrés Vega"). Only people count: "by the CNCF" there
/// may be a sponsor.
fn byline_overleaf(
    lines: &[PrintedLine],
    front: &[&PrintedLine],
    common: &CommonWords,
) -> Vec<String> {
    let cover = front.len() <= 12 && front.iter().all(|l| l.page == 1);
    if !cover {
        return Vec::new();
    }
    let overleaf: Vec<&PrintedLine> = lines
        .iter()
        .filter(|l| l.page == 2 && !l.margin)
        .take(6)
        .collect();
    // The first byline decides: a sponsor's "by the CNCF" names no author.
    overleaf
        .iter()
        .enumerate()
        .map(|(i, line)| (i, line.listed()))
        .find(|(_, listed)| strip_by(listed).is_some())
        .and_then(|(i, listed)| labelled_people(&overleaf, i, &listed, common))
        .unwrap_or_default()
}

/// Names that are all organisations.
fn units_only(names: &[String], common: &CommonWords) -> bool {
    !names.is_empty()
        && names
            .iter()
            .all(|n| name_kind(n, common) == NameKind::Organisation)
}

/// Papers set their authors in a grid: each name in the same size, in a
/// column with its affiliation and e-mail below, so reading order meets the
/// second column's names only after the first column's affiliations. From
/// the line of the first name found, take every line on that page in the
/// same size, top to bottom, that reads as names (e-mail lines passed
/// over), up to the first that does not ("ABSTRACT").
fn name_grid(front: &[&PrintedLine], names: Vec<String>) -> Vec<String> {
    let Some(first) = names.first() else {
        return names;
    };
    let Some(anchor) = front
        .iter()
        .find(|l| split_names(&l.listed()).iter().any(|n| n == first))
    else {
        return names;
    };
    let mut same_size: Vec<(usize, &&PrintedLine)> = front
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            l.page == anchor.page
                && (l.size - anchor.size).abs() <= 0.03 * anchor.size
                && l.top >= anchor.top - 1.0
        })
        .collect();
    same_size.sort_by(|a, b| a.1.top.total_cmp(&b.1.top).then(a.0.cmp(&b.0)));
    // Rows of the grid: lines whose tops agree within a point.
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row_top = f32::NEG_INFINITY;
    for (_, line) in same_size {
        let listed = line.listed();
        if listed.contains('@') {
            continue;
        }
        if (line.top - row_top).abs() > 1.0 || rows.is_empty() {
            rows.push(Vec::new());
            row_top = line.top;
        }
        if let Some(row) = rows.last_mut() {
            row.push(listed);
        }
    }
    let mut all = names.clone();
    for (i, row) in rows.iter().enumerate() {
        // The names' affiliations, a row under each row of names
        // ("Stanford University      Notbad AI Inc").
        if i > 0 && row.iter().all(|l| is_affiliation(l)) {
            continue;
        }
        // The anchor's row, or a row of two names or more: a lone line
        // in the names' size below them is a heading ("Statement of
        // Purpose"), not an author.
        let grid_row = i == 0 || row.len() >= 2 || row.iter().any(|l| split_names(l).len() >= 2);
        if !grid_row || !row.iter().all(|l| looks_like_names(l)) {
            break;
        }
        for name in row.iter().flat_map(|l| split_names(l)) {
            push_new_name(&mut all, name);
        }
    }
    if let Some(start) = front.iter().position(|l| std::ptr::eq(*l, *anchor)) {
        for name in stacked_names(&front[start..]) {
            push_new_name(&mut all, name);
        }
    }
    with_repeated_affiliations(front, all)
}

/// Add a name not yet listed, nor listed whole where this is its part cut
/// at a line's hyphen ("Aditya Sirish A Yelgund-") or the rest of a name
/// whose first word ended the line before ("..., Mubarak" / "Taighoon
/// Shah").
fn push_new_name(names: &mut Vec<String>, name: String) {
    let cut = name
        .strip_suffix('-')
        .is_some_and(|part| names.iter().any(|n| n.starts_with(part)));
    let rest = names.iter().any(|n| {
        n.strip_suffix(name.as_str())
            .is_some_and(|given| given.ends_with(' '))
    });
    if !cut && !rest && !names.contains(&name) {
        names.push(name);
    }
}

/// Authors of one place each print its name over the same affiliation
/// ("Jan-Niklas Antons" / "Quality and Usability Lab" / "TU Berlin", five
/// times over, in the abstract's size and read between its lines). A line
/// printed twice or more on the page is an affiliation, not a name; the
/// line above each of its repeats is a name, when the first author found
/// is one of them.
fn with_repeated_affiliations(front: &[&PrintedLine], mut names: Vec<String>) -> Vec<String> {
    let Some(first) = names.first().cloned() else {
        return names;
    };
    let page: Vec<&PrintedLine> = front.iter().copied().filter(|l| l.page == 1).collect();
    // Counted once: a page may hold thousands of lines.
    let mut printed: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for line in &page {
        *printed.entry(line.text.trim()).or_default() += 1;
    }
    let repeats = |text: &str| printed.get(text).is_some_and(|&n| n >= 2);
    let mut above: Vec<String> = Vec::new();
    for pair in page.windows(2) {
        let (name_line, affiliation) = (pair[0], pair[1]);
        let text = name_line.text.trim();
        if repeats(affiliation.text.trim())
            && !repeats(text)
            && looks_like_names(text)
            && let [name] = split_names(text).as_slice()
            && !above.contains(name)
        {
            above.push(name.clone());
        }
    }
    if above.len() >= 2 && above.contains(&first) {
        names.retain(|n| !repeats(n));
        for name in above {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// Journals that stack their authors, each name over its affiliation:
/// NAME / affiliation / ("and") / NAME / affiliation, ... From the first
/// name's line (`lines[0]`), the lines below in its size that read as
/// names, while the lines between them are smaller, few and close.
fn stacked_names(lines: &[&PrintedLine]) -> Vec<String> {
    let Some((anchor, rest)) = lines.split_first() else {
        return Vec::new();
    };
    let mut names = Vec::new();
    let mut previous_top = anchor.top;
    let mut between = 0;
    let mut after_and = false;
    for line in rest.iter().take(60) {
        let text = line.text.trim();
        let same_size = (line.size - anchor.size).abs() <= 0.03 * anchor.size;
        // Blocks of name and affiliation may stand a blank line apart
        // ("Monty G. Marshall" / "Center for Systemic Peace" / … / "Ted
        // Robert Gurr"): a name in the size of the first may be further.
        let next_block = previous_top > anchor.top && same_size && is_one_plain_name(text);
        let reach = if next_block { 4.0 } else { 2.5 };
        if line.page != anchor.page || line.top - previous_top > reach * anchor.size {
            break;
        }
        previous_top = line.top;
        if text == "and" || text == "&" {
            after_and = true;
            continue;
        }
        if same_size && looks_like_names(text) {
            // Names set apart on the line are each one ("Shaoqing Ren
            // Jian Sun").
            names.extend(split_names(&line.listed()));
            (between, after_and) = (0, false);
        } else if (after_and
            && !is_affiliation(text)
            && !crate::brief::names::has_organisation_word(text))
            || line.size > anchor.size
            || between >= 4
        {
            // After "and" a name must follow; a larger line or a long
            // run of others ends the block.
            break;
        } else {
            // An affiliation or an address under the name.
            between += 1;
            after_and = text.ends_with(" and");
        }
    }
    names
}

/// A line that is one person's name of two to four words in mixed case
/// ("Ted Robert Gurr"), not a heading in capitals or two names in a row.
fn is_one_plain_name(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (2..=4).contains(&words)
        && text.chars().any(char::is_lowercase)
        && looks_like_names(text)
        && split_names(text).len() == 1
}

/// Names often run over several lines ("Brooke F. Connor, Donna L. Rose,"
/// / "Lucinda K. Murtagh, and Sonja R. Abney"): take the lines after line
/// `last` of `window` that read as names too, in the same size.
fn more_names(window: &[&PrintedLine], last: usize, mut names: Vec<String>) -> Vec<String> {
    let Some(&first) = window.get(last) else {
        return names;
    };
    let mut previous = first;
    for &line in window.iter().skip(last + 1) {
        // A surname hyphenated at the line's end ("Aditya Sirish A
        // Yelgund-" / "halli") goes on in lower case on the next.
        let rest = line.text.trim();
        if previous.text.trim_end().ends_with('-')
            && rest.starts_with(char::is_lowercase)
            && !rest.contains(' ')
            && let Some(cut) = names.last_mut().filter(|n| n.ends_with('-'))
        {
            cut.pop();
            cut.push_str(rest);
            previous = line;
            continue;
        }
        // The rest of an affiliation in parentheses the line above opened.
        if crate::brief::names::opens_parenthesis(&previous.text) {
            previous = line;
            continue;
        }
        let listed = without_email(&line.listed());
        // ("Juliet Willetts and Keren Winterford (University of Technology".)
        let listed = match listed.rfind('(') {
            Some(at) if crate::brief::names::opens_parenthesis(&listed) => {
                listed[..at].trim_end().to_string()
            }
            _ => listed,
        };
        let text = listed
            .strip_prefix("and ")
            .or_else(|| listed.strip_prefix("& "))
            .unwrap_or(&listed);
        let cut = name_cut_at_line_end(&previous.text);
        let text = match cut {
            Some(given) if text.starts_with(char::is_uppercase) => format!("{given} {text}"),
            _ => text.to_string(),
        };
        let text = text.as_str();
        // A list that ends its line with a comma goes on, even past the
        // wider gap a footnote mark raised ("Yuntao Bai∗, ..., Jackson
        // Kernion,").
        let goes_on = previous.text.trim_end().ends_with(',') || cut.is_some();
        let reach = if goes_on { 3.5 } else { 2.0 };
        let next_line = line.page == previous.page && line.top - previous.top < reach * first.size;
        if (line.size - first.size).abs() > 0.1 * first.size
            || !next_line
            || is_genre_line(text)
            || !looks_like_names(text)
        {
            break;
        }
        names.extend(split_names(text));
        previous = line;
    }
    names.dedup();
    names
}

/// The first word of a name that a list set in running text cut at the
/// line's end ("..., Randy Jirtle5, Kerstin" / "Lindblad-Toh6, Eric S.
/// Lander6"): a list line that ends with one word after its last comma.
fn name_cut_at_line_end(text: &str) -> Option<&str> {
    let text = text.trim();
    let (_, last) = text.rsplit_once(',')?;
    let last = last.trim();
    // "Walter Gary Sharp, Jr" ends with a suffix, not a given name.
    let one_word = !last.is_empty()
        && !last.contains(char::is_whitespace)
        && last.chars().all(char::is_alphabetic)
        && last.starts_with(char::is_uppercase)
        && !crate::brief::names::is_name_suffix(last);
    one_word.then_some(last)
}

/// The text before a date printed at the end of a line ("Jane Doe, June
/// 2024" gives "Jane Doe").
fn without_date(text: &str) -> &str {
    match find_dates(text).first() {
        Some(date) if date.offset > 0 => {
            text[..date.offset].trim_end_matches([',', ';', '-', '\u{2013}', '—', '|', ' '])
        }
        _ => text,
    }
}

/// Labels that introduce authors: "By", "Prepared by", "Authors:", in the
/// languages of the briefs ("Par", "Von", "Por", "Door", "Autores:").
const BY_LABELS: &[&str] = &[
    "researched and written by",
    "written and researched by",
    "written by",
    "prepared by",
    "developed by",
    "compiled by",
    "submitted by",
    "authored by",
    "authors:",
    "author:",
    "author(s):",
    "lead authors:",
    "lead author:",
    "contributors:",
    "contributor:",
    "beitragende:",
    "mitwirkende:",
    "yazarlar:",
    "yazar:",
    "penulis:",
    "autorzy:",
    "auteurs:",
    "auteur:",
    "autoren:",
    "autorinnen:",
    "autorin:",
    "autor:",
    "verfasser:",
    "verfasst von",
    "autores:",
    "autoras:",
    "autora:",
    "autori:",
    "autore:",
    "presenta:",
    "presentado por",
    "elaborado por",
    "realizado por",
    "apresentado por",
    "présenté par",
    "réalisé par",
    "rédigé par",
    "erstellt von",
    "vorgelegt von",
    "eingereicht von",
    // Chinese, Japanese and Korean labels of the author's name (作者, 著者,
    // 执笔 writer; 姓名, 氏名, 이름, 성명 name; 저자, 작성자), with either colon;
    // Russian ones (автор, выполнил: "done by").
    "作者：",
    "作者:",
    "著者：",
    "著者:",
    "执笔：",
    "执笔:",
    "姓名：",
    "姓名:",
    "氏名：",
    "氏名:",
    "저자:",
    "저자：",
    "작성자:",
    "성명:",
    "이름:",
    "автор:",
    "авторы:",
    "выполнил:",
    "выполнила:",
    "студент",
    "студентка",
    "by",
    "par",
    "von",
    "por",
    "door",
];

/// The organisation a "From the ..." line credits ("From the OWASP Top 10
/// for LLM Applications Team"): a byline, when what follows names an
/// organisation ("From Farm to Fork" is a subtitle).
fn from_organisation_at(lines: &[&PrintedLine], at: usize) -> Option<String> {
    let first = lines.get(at)?;
    let rest = first.text.trim().strip_prefix("From the ")?;
    // The name may go on, in lower case, on the next lines of its size.
    let mut name = rest.to_string();
    for line in lines.iter().skip(at + 1).take(2) {
        let text = line.text.trim();
        if (line.size - first.size).abs() > first.size * 0.04
            || !text.starts_with(char::is_lowercase)
        {
            break;
        }
        name.push(' ');
        name.push_str(text);
    }
    let name = name.trim_end_matches(['.', ',']).to_string();
    (name_kind(&name, &CommonWords::default()) == NameKind::Organisation).then_some(name)
}

/// Labels of people who are not the authors: editors, translators,
/// designers ("Edited by Max Roe | Design: ..."); the line names no author.
const OTHER_ROLE_LABELS: &[&str] = &[
    "edited by",
    "editor:",
    "editors:",
    "translated by",
    "translation:",
    "foreword by",
    "with a foreword by",
    "illustrated by",
    "illustrations:",
    "design by",
    "designed by",
    "design:",
    "reviewed by",
    "photo",
    "cover photo",
    "supervisor:",
    "supervisori:",
    "supervisore:",
    "relatore:",
    "relatori:",
    "tutor:",
    "advisor:",
    "adviser:",
    "betreuer:",
    "betreuerin:",
    "gutachter:",
    "reviewer:",
    "tuteur:",
    "tutrice:",
    "encadrant:",
    "encadrante:",
    "directeur de mémoire:",
    "directrice de mémoire:",
    "orientador:",
    "orientadora:",
    "asesor:",
    "asesora:",
    "promotor:",
    "opiekun:",
    "научный руководитель:",
    // A Russian student's report sets the label and the name apart,
    // without a colon ("Руководитель      Т.Р. Жангиров").
    "руководитель",
];

/// Whether the line names other people than the authors ("Edited by").
fn is_other_role_line(text: &str) -> bool {
    // (French sets a space before the colon: "Tuteur :".)
    let lower = text.trim_start().to_lowercase().replace(" :", ":");
    OTHER_ROLE_LABELS.iter().any(|label| {
        lower.strip_prefix(label).is_some_and(|rest| {
            let rest = rest.strip_prefix('s').unwrap_or(rest);
            rest.is_empty() || rest.starts_with([' ', ':', ','])
        })
    })
}

/// A byline's names up to the part that credits other roles ("Written by
/// Jane Doe | Edited by Max Roe" gives "Jane Doe").
fn without_other_roles(names: &str) -> &str {
    let mut end = 0;
    for part in names.split('|') {
        if is_other_role_line(part) {
            break;
        }
        end += part.len() + 1;
    }
    names.get(..end.saturating_sub(1)).unwrap_or(names).trim()
}

/// The names after a "By"-style label, when the label starts the line.
/// A count may lead the label, as on a repository's cover sheet ("2
/// authors:", "3 authors, including:").
fn strip_by(text: &str) -> Option<&str> {
    let counted = text
        .split_once(' ')
        .filter(|(count, _)| !count.is_empty() && count.bytes().all(|b| b.is_ascii_digit()))
        .map(|(_, rest)| rest)
        .filter(|rest| {
            let lower = rest.to_lowercase();
            lower.starts_with("authors:") || lower.starts_with("authors, including:")
        });
    if let Some(rest) = counted {
        let names = rest.split_once(':').map_or("", |(_, names)| names.trim());
        return Some(names);
    }
    // A pictograph before the label ("👤 Autor: …").
    let text = text.trim_start_matches(is_pictograph).trim_start();
    let lower = text.to_lowercase();
    // "Summary and Meeting Notes Prepared by:": a label that ends a short
    // line puts the names on the next.
    let label_ends_line = BY_LABELS.iter().any(|label| {
        label.contains(' ')
            && lower
                .trim_end_matches([':', ' '])
                .strip_suffix(label.trim_end_matches(':'))
                .is_some_and(|before| {
                    before.ends_with(' ') && before.split_whitespace().count() <= 6
                })
    });
    // "AUTHORS" set as a heading, without its colon: the names are below.
    let heading = BY_LABELS.iter().any(|label| {
        label
            .strip_suffix([':', '：'])
            .is_some_and(|bare| lower.trim() == bare)
    });
    if label_ends_line || heading {
        return Some("");
    }
    if let Some(names) = after_spaced_cjk_label(text) {
        return Some(names);
    }
    BY_LABELS.iter().find_map(|label| {
        // "Author : Jane Doe" as well as "Author: Jane Doe".
        let rest = lower.strip_prefix(label).or_else(|| {
            let bare = label.strip_suffix(':')?;
            lower.strip_prefix(bare)?.strip_prefix(" :")
        })?;
        // A whole word: "By " or "By:" but not "Bylaws" (a label with its
        // colon is whole: "姓名：王然铎").
        let whole = label.ends_with([':', '：']) || rest.is_empty() || rest.starts_with([' ', ':']);
        if !whole {
            return None;
        }
        let cut = text.len() - rest.len();
        let names = without_group_number(text.get(cut..)?.trim_start_matches([':', ' ']).trim());
        // "By exercising the Licensed Rights ...": a sentence, not a
        // byline ("van der Knijff" may start a name in lower case).
        let first = names.split_whitespace().next().unwrap_or("");
        // "Developed by the" alone: the names are on the next line.
        let sentence = first.starts_with(char::is_lowercase)
            && names != "the"
            && !crate::brief::names::is_particle(first);
        (!sentence).then_some(names)
    })
}

/// A student's name after the number of the class group ("Студентка
/// гр. 5304 Орлова В.В.": student of group 5304).
fn without_group_number(names: &str) -> &str {
    let mut words = names.splitn(3, ' ');
    match (words.next(), words.next(), words.next()) {
        (Some("гр." | "группы" | "группа"), Some(number), Some(rest))
            if number.chars().any(|c| c.is_ascii_digit()) =>
        {
            rest.trim()
        }
        _ => names,
    }
}

/// An emoji or pictograph set as an icon before a line's words.
fn is_pictograph(c: char) -> bool {
    matches!(c as u32, 0x2600..=0x27BF | 0x1F300..=0x1FAFF) || c == '\u{FE0F}'
}

/// The names after a Chinese or Japanese author's label, spaced out to
/// the width of the cover's other labels ("姓 名： 刘宇轩", its characters
/// perhaps read as cells: "姓, 名： 刘宇轩"), up to the next field glued to
/// them ("学生姓名：蔡明学号： 2019…" gives "蔡明").
fn after_spaced_cjk_label(text: &str) -> Option<&str> {
    let (label, names) = text.split_once(['：', ':'])?;
    let closed: String = label
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .collect();
    let cjk = !closed.is_empty() && closed.chars().all(crate::brief::is_cjk_or_hangul);
    // The by-labels with a full-width colon; "学生姓名": the student's name.
    let known = BY_LABELS
        .iter()
        .filter_map(|l| l.strip_suffix('：'))
        .any(|l| closed.ends_with(l) && closed.chars().count() <= 4);
    if !(cjk && known) {
        return None;
    }
    let names = names.trim();
    let names = match names.split_once(['：', ':']) {
        Some((before, _)) => CJK_FIELD_LABELS
            .iter()
            .find_map(|field| before.trim_end().strip_suffix(field))
            .unwrap_or(before),
        None => names,
    };
    Some(names.trim())
}

/// Fields a Chinese or Japanese cover prints after the author's name:
/// student number, class, major, school, year.
const CJK_FIELD_LABELS: &[&str] = &[
    "学号",
    "學號",
    "班级",
    "班級",
    "专业",
    "專業",
    "学院",
    "學院",
    "年级",
    "年級",
    "院系",
    "学籍番号",
];

/// A line of labelled facts ("BaseVersion: 1.7", "Version 2.0"), not words
/// of a title.
fn is_fact_line(text: &str) -> bool {
    // "Received: 12 May", or a code after its label ("First Submission:
    // RR_BRA_2025_508"): one word of digits and joiners, not "COVID-19".
    let labelled_number = text.split(':').skip(1).any(|value| {
        let value = value.trim();
        value.starts_with(|c: char| c.is_ascii_digit())
            || (!value.contains(' ') && (value.contains(['_', '/']) || digit_groups(value) >= 2))
    });
    // "Version 6.0", "Edition 3", "Rev. 2": which release, not a subtitle.
    let mut words = text.split_whitespace();
    let release = matches!(
        words
            .next()
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .as_deref(),
        Some("version" | "edition" | "rev" | "revision" | "release" | "draft")
    ) && words
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        && words.next().is_none();
    // "v0.9.4 (beta)", "v2": a software release's number.
    let mut release_words = text.split_whitespace();
    let numbered_release = release_words.next().is_some_and(|w| {
        w.strip_prefix(['v', 'V']).is_some_and(|n| {
            n.starts_with(|c: char| c.is_ascii_digit())
                && n.chars().all(|c| c.is_ascii_digit() || c == '.')
        })
    }) && release_words.count() <= 1;
    // "ICCT Roadmap model v1.10.0 documentation": a line about a release
    // of the work, its number dotted.
    let is_dotted_release = |w: &str| {
        w.strip_prefix(['v', 'V']).is_some_and(|n| {
            n.contains('.')
                && n.starts_with(|c: char| c.is_ascii_digit())
                && n.chars().all(|c| c.is_ascii_digit() || c == '.')
        })
    };
    let release_line =
        text.split_whitespace().count() <= 8 && text.split_whitespace().any(is_dotted_release);
    // "PRA policy statement 16/24 | FCA policy statement 24/16": each item
    // ends with its number.
    let numbered_items = text.split(" | ").all(|item| {
        item.split_whitespace().count() <= 5
            && item.split_whitespace().last().is_some_and(|w| {
                w.contains('/')
                    && w.chars().filter(char::is_ascii_digit).count() >= 2
                    && w.chars().all(|c| c.is_ascii_digit() || c == '/')
            })
    });
    // "Vol 5, Issue 2", "Volume 12 Number 3", "No. 14": which issue.
    let issue_words: Vec<&str> = text.split([',', ' ']).filter(|w| !w.is_empty()).collect();
    let issue = !issue_words.is_empty()
        && issue_words.chunks(2).all(|pair| match pair {
            [label, number] => {
                matches!(
                    label.trim_end_matches('.').to_lowercase().as_str(),
                    "vol" | "volume" | "issue" | "no" | "number" | "nr" | "núm" | "n°"
                ) && number.chars().next().is_some_and(|c| c.is_ascii_digit())
            }
            _ => false,
        });
    // A report number alone ("BSG-WP-2020/034"): letters and digits in
    // one word with joiners, not a span of years ("2021–2025").
    let groups = digit_groups(text);
    let code = !text.trim().contains(' ')
        && text.chars().any(char::is_alphabetic)
        && (groups >= 2 || (groups == 1 && text.contains(['/', '_'])));
    // "ISSN 2950-7243", "ISBN 978-92-64-…", "DOI 10.1787/…": the
    // publication's number.
    let identifier = text.split_whitespace().next().is_some_and(|w| {
        matches!(
            w.trim_end_matches(':').to_lowercase().as_str(),
            "issn" | "e-issn" | "eissn" | "isbn" | "e-isbn" | "doi"
        )
    }) && text.chars().any(|c| c.is_ascii_digit());
    labelled_number
        || release
        || numbered_release
        || release_line
        || numbered_items
        || issue
        || code
        || identifier
}

/// How many runs of digits a text holds ("BSG-WP-2020/034": two).
fn digit_groups(text: &str) -> usize {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .count()
}

/// An identifier rather than words: "arXiv:1504.06236v2 [cs.SI] 24 Apr
/// 2015", "hep-ph/9412269 09 Dec 94" stamped above a preprint's title.
fn is_identifier_line(text: &str) -> bool {
    // "arXiv:2004.04906", "doi:10.1000/x", "10.1000/x"; not a name with a
    // digit before its colon ("h2oGPT: Democratizing ...").
    text.split_whitespace().next().is_some_and(|first| {
        // (A document's number before its title, "PS16/24 – …", has a
        // short number after its slash.)
        first.split_once([':', '/']).is_some_and(|(head, tail)| {
            tail.chars().filter(char::is_ascii_digit).count() >= 4
                || head.starts_with(|c: char| c.is_ascii_digit())
        })
    })
}

/// The first date printed near the top: after the title on page 1, then
/// anywhere on the front lines.
fn printed_date(front: &[&PrintedLine], after_title: usize) -> Option<(String, String)> {
    // The lines just below the title, then those above it (a journal's
    // header), then the rest of the front pages.
    const NEAR: usize = 25;
    let ordered: Vec<&PrintedLine> = front
        .iter()
        .skip(after_title)
        .take(NEAR)
        .chain(front.iter().take(after_title))
        .chain(front.iter().skip(after_title + NEAR))
        .copied()
        .collect();
    // A date set apart on its line ("Department of the Treasury
    // DECEMBER 12, 2022") stands alone as much as one on a line of its
    // own; its line is read too, for the labels on it.
    let items = ordered.iter().flat_map(|line| {
        let labelled = line.cells.iter().any(|cell| {
            let lower = cell.to_lowercase();
            HISTORY_LABELS
                .iter()
                .chain(PUBLISHED_LABELS)
                .any(|label| lower.contains(label))
        });
        let dated_cells = line
            .cells
            .iter()
            .filter(move |cell| {
                !labelled && find_dates(cell).first().is_some_and(|d| d.offset == 0)
            })
            .map(String::as_str);
        std::iter::once(line.text.as_str()).chain(dated_cells)
    });
    dated_line(items, true)
        .or_else(|| {
            // A year alone on its line ("Denver, Colorado" / "1998").
            ordered.iter().find_map(|line| {
                let text = line.text.trim().trim_start_matches('\u{a9}').trim();
                // "2024 г." (год, "year") under a Russian title page's place.
                let text = ["г.", "г", "р."]
                    .iter()
                    .find_map(|mark| text.strip_suffix(mark))
                    .map_or(text, str::trim_end);
                let year: u32 = text.parse().ok().filter(|y| (1900..=2100).contains(y))?;
                (text.len() == 4).then(|| (format!("{year:04}"), line.text.trim().to_string()))
            })
        })
        .or_else(|| imprint_at_foot(front))
}

/// The place and year a title page ends with, as Russian and other
/// Eastern European ones do ("Москва, 2021 г.", "Пенза 2022"): the last or
/// next to last line of page 1, a capitalised place of one or two words
/// and a year.
fn imprint_at_foot(front: &[&PrintedLine]) -> Option<(String, String)> {
    let page_one: Vec<&&PrintedLine> = front.iter().filter(|l| l.page == 1).collect();
    page_one.iter().rev().take(2).find_map(|line| {
        let text = line.text.trim();
        let words: Vec<&str> = text
            .split_whitespace()
            .filter(|w| !matches!(*w, "г." | "г" | "р." | "r."))
            .collect();
        let (last, place) = words.split_last()?;
        let year = year_of(last)?;
        let is_place = (1..=2).contains(&place.len())
            && place.iter().all(|w| {
                let w = w.trim_end_matches(',');
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
            });
        is_place.then(|| (format!("{year:04}"), text.to_string()))
    })
}

/// A line that is a date, or a date with a word or two ("June 2024",
/// "Lisbon, 3 May 2024"); a subtitle may hold a year ("Indicadores de
/// Malária 2006-07") and still be a subtitle.
fn is_date_line(text: &str) -> bool {
    let words = text.split_whitespace().count();
    find_dates(text)
        .first()
        .is_some_and(|d| d.offset == 0 || words <= d.printed(text).split_whitespace().count() + 2)
}

/// The text without a date of month precision or finer that ends it after
/// other words.
fn without_trailing_date(text: &str) -> &str {
    match find_dates(text).last() {
        // "The Agreement of 24 December 2020": the date ends the phrase.
        Some(d) if d.offset > 0 && ends_with_date(text) => {
            let kept = text[..d.offset].trim_end();
            if ends_mid_phrase(kept) { text } else { kept }
        }
        _ => text,
    }
}

/// A line that ends with a month or a day ("PIARC C13 meeting, Lisbon April
/// 2003") is a dateline, not a title; a year alone may end a title
/// ("Annual Report 2023").
fn ends_with_date(text: &str) -> bool {
    find_dates(text).last().is_some_and(|d| {
        let after = text.get(d.end..).unwrap_or("");
        d.iso.len() >= 7
            && after
                .trim_matches(|c: char| !c.is_alphanumeric())
                .is_empty()
    })
}

/// "10:37", "09:30:00".
fn is_clock_time(word: &str) -> bool {
    let parts: Vec<&str> = word.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Words of a line that names where a paper appears: its year is the
/// publication year ("Proceedings of the 30th VLDB Conference, / Toronto,
/// Canada, 2004", "To appear in OSDI 2004", "Published on International
/// Journal of Nanoscience 2002, 1(2): 159-169").
const VENUE_WORDS: &[&str] = &[
    "proceedings",
    "conference",
    "journal",
    "to appear",
    "published in",
    "published on",
    "symposium",
    "workshop",
    "transactions",
    "in press",
];

/// The year of a venue line, printed after the venue ("Journal of
/// Nanoscience 2002"), or on the short line that goes on with a venue line
/// ending in a comma ("... VLDB Conference," / "Toronto, Canada, 2004"):
/// a last resort for papers that print no other date. A year in
/// parentheses is a citation's ("Smith, J. (1998). ... Journal of ...").
pub(crate) fn venue_year<'a>(lines: impl IntoIterator<Item = &'a str>) -> Option<(String, String)> {
    let mut venue_goes_on = false;
    for line in lines {
        let lower = line.to_lowercase();
        // A journal's citation line: "Postgrad Med J 2010;86:272–278".
        let cited = line.split_whitespace().any(is_year_and_volume).then_some(0);
        let venue_at = VENUE_WORDS
            .iter()
            .filter_map(|w| lower.find(w))
            .min()
            .or(cited);
        let from = match venue_at {
            Some(at) => Some(at),
            None if venue_goes_on && line.split_whitespace().count() <= 6 => Some(0),
            None => None,
        };
        // A month or a day printed with the venue is more precise
        // ("..., Prague, June 2007").
        let dated = from.and_then(|at| {
            find_dates(line)
                .into_iter()
                .find(|d| d.offset >= at)
                .map(|d| d.iso)
        });
        if let Some(iso) = dated.or_else(|| {
            from.and_then(|at| year_after(line, at))
                .map(|y| format!("{y:04}"))
        }) {
            return Some((iso, line.trim().to_string()));
        }
        venue_goes_on = venue_at.is_some() && line.trim_end().ends_with(',');
    }
    None
}

/// The year of the article's own citation in a journal's header: the one
/// line of the front pages with a page range and a year in parentheses
/// ("Z. Naturforsch. 54 a, 272-273 (1999);"). A page of references has
/// many such lines and gives none.
pub(crate) fn self_citation_year<'a>(
    lines: impl IntoIterator<Item = &'a str>,
) -> Option<(String, String)> {
    let mut found = lines.into_iter().enumerate().filter_map(|(index, line)| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let page_range = words.iter().any(|w| {
            let w = w.trim_end_matches([',', ';', '.']);
            w.split_once(['-', '\u{2013}']).is_some_and(|(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && a.bytes().all(|c| c.is_ascii_digit())
                    && b.bytes().all(|c| c.is_ascii_digit())
            })
        });
        // "(2000))" closes a parenthesis around the citation too: one
        // quoted in the text ("(e.g., Bush v. Gore, 531 U.S. 98, 99-100
        // (2000))"), not the document's.
        let year = words.iter().find_map(|w| {
            let inner = w.trim_end_matches([',', ';', '.', ':']);
            let year = inner.strip_prefix('(')?.strip_suffix(')')?;
            year_of(year).filter(|_| !year.ends_with(')'))
        })?;
        page_range.then(|| (index, format!("{year:04}"), line.trim().to_string()))
    });
    let (index, year, line) = found.next()?;
    // In the journal's header at the top of page 1 ("Journal of Hydrology
    // 310 (2005) 253–265"), it stands out from the citations below.
    let header = index < JOURNAL_HEADER_LINES;
    (header || found.next().is_none()).then_some((year, line))
}

/// How many first lines of the front pages a journal's header may take.
const JOURNAL_HEADER_LINES: usize = 4;

/// Where a "Published" label ends in `text`, unless history words
/// precede it ("First published").
fn published_at(text: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    let (at, label) = PUBLISHED_LABELS
        .iter()
        .filter_map(|l| lower.find(l).map(|at| (at, l)))
        .min()?;
    let before = lower.get(..at)?.trim_end();
    // "we improve upon the best published …": a word of a sentence, not
    // a label, which starts its line or nearly.
    if before.split_whitespace().count() > 3 {
        return None;
    }
    let history = HISTORY_LABELS
        .iter()
        .filter_map(|h| h.split_whitespace().next())
        .any(|first| before.ends_with(first));
    // Byte offsets of the lower-cased text match the text's when the
    // lower-casing kept every length (ASCII labels).
    (!history && lower.len() == text.len()).then_some(at + label.len())
}

/// The first year printed in `text`, in parentheses or not ("(2004)").
fn year_in(text: &str) -> Option<u32> {
    text.split_whitespace()
        .find_map(|w| year_of(w.trim_start_matches('(')))
}

/// The first year printed in `line` after byte `from`, not in parentheses.
fn year_after(line: &str, from: usize) -> Option<u32> {
    line.get(from..)?
        .split_whitespace()
        .filter(|w| !w.starts_with('('))
        // "2010;86:272": the year before a volume.
        .find_map(|w| year_of(w.split(';').next().unwrap_or(w).trim_end_matches(':')))
}

/// The publication date among `lines` (in the order to search them): a
/// date after a "Published" label wins; else the first date that stands
/// nearly alone on its line ("June 2023"), else the first in a short line
/// (at most 8 other words);
/// a date in a long line only when `in_sentences` is false (running
/// headers). Manuscript history ("Received ...") never.
pub(crate) fn dated_line<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    in_sentences: bool,
) -> Option<(String, String)> {
    let mut best: Option<(usize, String, String)> = None;
    let mut labelled_below = false;
    // "Received in revised form" on a line of its own: the date on the
    // next is that event's.
    let mut history_below = false;
    let lines: Vec<&str> = lines.into_iter().collect();
    // "Revised" is a manuscript's history beside "Received" or "Accepted";
    // without them it dates a manual's edition ("Revised, June 15, 2003").
    let manuscript = lines.iter().any(|l| {
        let lower = l.to_lowercase();
        ["received", "accepted", "submitted"]
            .iter()
            .any(|w| lower.contains(w))
    });
    let history = |label: &str| {
        HISTORY_LABELS
            .iter()
            .any(|l| label.contains(l) && (manuscript || *l != "revised"))
    };
    for line in lines {
        let text = line.trim();
        // (Only a date alone is skipped: "Accepted" / "Published: 7 June
        // 2021" still dates it.)
        if std::mem::take(&mut history_below)
            && find_dates(text).first().is_some_and(|d| {
                d.offset == 0
                    && text.split_whitespace().count() <= d.printed(text).split_whitespace().count()
            })
        {
            continue;
        }
        // "Publication date:" on a line of its own, the date on the next.
        if std::mem::take(&mut labelled_below) {
            let below = find_dates(text)
                .into_iter()
                .next()
                .map(|d| d.iso)
                .or_else(|| {
                    let mut words = text.split_whitespace();
                    let year = words.next().and_then(year_of);
                    year.filter(|_| words.next().is_none())
                        .map(|y| format!("{y:04}"))
                });
            if let Some(iso) = below {
                return Some((iso, text.to_string()));
            }
        }
        let bare = text.trim_end_matches(':').trim().to_lowercase();
        if PUBLISHED_LABELS.contains(&bare.as_str()) {
            labelled_below = true;
            continue;
        }
        if (HISTORY_LABELS.contains(&bare.as_str()) && history(&bare))
            || bare == "received in revised form"
        {
            history_below = true;
            continue;
        }
        // "Published in J. Environ. Qual. 33:2192–2200 (2004).": a year
        // alone after the label, even in parentheses.
        let published_year = published_at(text)
            .and_then(|at| text.get(at..))
            .and_then(|rest| find_dates(rest).is_empty().then(|| year_in(rest)).flatten());
        if let Some(year) = published_year {
            return Some((format!("{year:04}"), text.to_string()));
        }
        let dates = find_dates(text);
        // Several dates and no label: a table's row or a period ("2,000
        // 2015-07-09 2016-01-09"), not a publication date.
        let several = dates.len() >= 2;
        // Each date's label is what follows the date before it ("First
        // version: March 2017, this version: January 2019").
        let mut previous_end = 0;
        for date in dates {
            let before = text
                .get(previous_end.min(date.offset)..date.offset)
                .unwrap_or("")
                .to_lowercase();
            previous_end = date.end;
            let label = before
                .rsplit(['.', ';', '\u{2013}', '\u{2014}'])
                .next()
                .unwrap_or("");
            // The date an Elsevier preprint's footer gives its version
            // ("Preprint submitted to Journal of ... February 16, 2022").
            if label.contains("preprint submitted to") {
                return Some((date.iso, text.to_string()));
            }
            // History first: "First published May 2006" is not this edition.
            if history(label) || is_series_number(&before, date.printed(text)) {
                continue;
            }
            // A working paper's version, the date right after its label
            // ("First draft: September 2018" / "This draft: January 2019";
            // not "This version … reflects the 19 March 2025 draft").
            let version = label.trim_end().trim_end_matches(':');
            if PUBLISHED_LABELS.iter().any(|l| label.contains(l))
                || ["this draft", "this version"]
                    .iter()
                    .any(|l| version.ends_with(l))
            {
                return Some((date.iso, text.to_string()));
            }
            if several {
                continue;
            }
            // "Fälligkeit: 15. April 2033", "Deadline: ...": a label of
            // another date than the document's.
            let labelled = before.trim_end().ends_with([':', '：']);
            let other_date = OTHER_DATE_WORDS.iter().any(|w| label.contains(w));
            if labelled && (other_date || !DATE_LABELS.iter().any(|l| label.contains(l))) {
                continue;
            }
            let words = text.split_whitespace().count();
            let date_words = date.printed(text).split_whitespace().count();
            // A line of words that starts in lower case goes on with a
            // paragraph: its date is inside a sentence ("since its
            // publication in November 2009 [1]. This paper ..."), unlike
            // "version 5.20210520".
            if in_sentences && text.starts_with(char::is_lowercase) && words > date_words + 3 {
                continue;
            }
            // A date then a clock time is a production stamp
            // ("Nephrologie.indb 71 14/09/2018 10:37"), not publication.
            let after = text.get(date.end..).unwrap_or("");
            if after.split_whitespace().next().is_some_and(is_clock_time) {
                continue;
            }
            // "(January 1970 to April 2009)": a period the text covers, at
            // either end.
            let period_word = |w: &str| PERIOD_WORDS.contains(&w.to_lowercase().as_str());
            let starts_period = |w: &str| PERIOD_STARTS.contains(&w.to_lowercase().as_str());
            if after.split_whitespace().next().is_some_and(period_word)
                || before.split_whitespace().last().is_some_and(period_word)
                || before.split_whitespace().rev().take(2).any(starts_period)
            {
                continue;
            }
            // A year alone in parentheses after words is a citation's
            // ("(Shimodaira, 2000)", "Roe et al. (2000)").
            // ("(New York, 2020)" is an imprint: only one word before the
            // comma counts, a surname.)
            let one_word_then_comma = before
                .strip_suffix(", ")
                .and_then(|b| b.rsplit_once('('))
                .is_some_and(|(_, name)| !name.trim().contains(' '));
            let cited_year = date.iso.len() == 4
                && (before.ends_with('(') || one_word_then_comma)
                && after.starts_with(')')
                && words > date_words + 3;
            if cited_year {
                continue;
            }
            // A date that closes a parenthesis inside running text ("...
            // June 2008), Cochrane Central Register of Controlled").
            if after.starts_with(')') && after.split_whitespace().count() > 3 {
                continue;
            }
            // Chinese and Japanese write without spaces: two characters
            // besides the date's units (年, 月, 日) count as a word.
            let han = text.chars().filter(|c| is_cjk(*c)).count();
            let units = date
                .printed(text)
                .chars()
                .filter(|c| matches!(c, '年' | '月' | '日'))
                .count();
            let unspaced = han.saturating_sub(units) / 2;
            let tier = match words.saturating_sub(date_words) + unspaced {
                0..=3 => 0,
                4..=8 => 1,
                // A date inside a sentence of the page is an event the
                // text tells of; a running header is no sentence.
                _ if in_sentences => continue,
                _ => 2,
            };
            if best.as_ref().is_none_or(|(t, _, _)| tier < *t) {
                best = Some((tier, date.iso, text.to_string()));
            }
        }
    }
    best.map(|(_, iso, text)| (iso, text))
}
/// Words that a series prints before an issue's number.
const NUMBER_WORDS: &[&str] = &[
    "brief", "paper", "report", "note", "no.", "no", "nr.", "n°", "núm.", "number", "wp",
];

/// A number in a series that reads like a numeric date ("Brief 2017-01",
/// "Working Paper No. 2019-03"): the issue's number, not its month.
/// (`before` is the lower-cased text before it.)
fn is_series_number(before: &str, printed: &str) -> bool {
    printed.chars().all(|c| c.is_ascii_digit() || c == '-')
        && before
            .split_whitespace()
            .last()
            .is_some_and(|w| NUMBER_WORDS.contains(&w))
}

/// A journal citation's year and volume in one word: "2010;86:272–278".
fn is_year_and_volume(word: &str) -> bool {
    word.split_once(';').is_some_and(|(year, volume)| {
        year_of(year).is_some() && volume.starts_with(|c: char| c.is_ascii_digit())
    })
}

/// The date of a journal's header line: a volume ("Int. J. Dynamical
/// Systems and Differential Equations, Vol. 11, Nos. 5/6, 2021", "VOL. 7,
/// NO. 5, OCTOBER 1997") or a year before the volume and article
/// ("Theoretical Biology and Medical Modelling (2021) 18:3", "Postgrad Med
/// J 2010;86:272–278"). The month or day when printed, else the year.
pub(crate) fn journal_header_date(line: &str) -> Option<(String, String)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let volume = words.windows(2).any(|pair| {
        let marker = pair[0].to_lowercase();
        matches!(marker.as_str(), "vol." | "vol" | "volume" | "vol.:")
            && pair[1].starts_with(|c: char| c.is_ascii_digit())
    });
    let year_then_volume = words.windows(2).any(|pair| {
        let year = pair[0].trim_start_matches('(').trim_end_matches(')');
        pair[0].starts_with('(')
            && pair[0].ends_with(')')
            && year_of(year).is_some()
            && pair[1].split(':').count() == 2
            && pair[1]
                .split(':')
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    });
    let cited = words.iter().any(|w| is_year_and_volume(w));
    if !(volume || year_then_volume || cited) {
        return None;
    }
    let date = find_dates(line)
        .into_iter()
        .next()
        .map(|d| d.iso)
        .or_else(|| {
            words
                .iter()
                // "2010;86:272–278": the year before the volume.
                .find_map(|w| {
                    let year = w.split(';').next().unwrap_or(w);
                    year_of(year.trim_matches(|c: char| !c.is_ascii_digit()))
                })
                .map(|y| format!("{y:04}"))
        })?;
    Some((date, line.trim().to_string()))
}

/// Whether a line labels its date as the publication's ("Published: 10
/// October 2017"; not "First published 1990").
pub(crate) fn is_published_line(line: &str) -> bool {
    published_at(line).is_some()
}

/// Words that introduce the date a work was published.
const PUBLISHED_LABELS: &[&str] = &[
    "published",
    "available online",
    "publication date",
    "date of publication",
    "date de publication",
    "erscheinungsdatum",
    "publié",
    "veröffentlicht",
    "this edition",
    "발행일",
    "発行日",
    "出版日期",
    "发布日期",
    "發布日期",
    "公開日",
    // Published online (first): a Chinese journal's 网络首发, a Spanish
    // journal's "Puesto en línea".
    "网络首发",
    "網路首發",
    "puesto en línea",
    "publicado en línea",
    // The state of a consolidated text, its edition ("du 19 juin 1995
    // (Etat le 1er mai 2019)": the act's date, then the edition's).
    "etat le",
    "état le",
    "stand am",
    "stato il",
    "status as of",
];

/// Labels of the document's own date, besides the publication labels:
/// other labelled dates are of something else (a bond's maturity, a
/// deadline, an event).
const DATE_LABELS: &[&str] = &[
    "date",
    "datum",
    "fecha",
    "data",
    "stand",
    "as of",
    "updated",
    "version",
    "issued",
    "dated",
    "effective",
    "aktualisiert",
    "mise à jour",
    "le ",
    "дата",
    "日期",
    "日付",
    "年月日",
    // A Japanese thesis's date of submission (提出日), its only date.
    "提出",
    "날짜",
    "일자",
    "연월일",
];

/// Words that make a labelled date another thing's ("Due date:", "Closing
/// date:", "Maturity date:").
const OTHER_DATE_WORDS: &[&str] = &[
    "due",
    "closing",
    "deadline",
    "expiry",
    "expiration",
    "maturity",
    "start",
    "end",
    "event",
    "meeting",
    "hearing",
    "submission",
    "frist",
    "fälligkeit",
];

/// Words that run a date on to the end of a period ("January 1970 to April
/// 2009").
const PERIOD_WORDS: &[&str] = &[
    "to", "until", "till", "through", "bis", "au", "à", "jusqu'à",
];

/// Words that start a period, one or two words before its first date
/// ("gültig ab Produktstand 31.12.2022": valid from the data of that day;
/// "since May 2019").
const PERIOD_STARTS: &[&str] = &["since", "ab", "seit", "depuis", "desde"];

/// Words that introduce a date of the manuscript's history, or of an event
/// the document reports ("Date of Incident: 01/09/2015").
const HISTORY_LABELS: &[&str] = &[
    "first published",
    "first draft",
    "first version",
    "incident",
    "date of birth",
    "date of death",
    "originally published",
    "received",
    "revised",
    "accepted",
    "submitted",
    // A repository's or a reader's copy: when the file was fetched.
    "download",
    "accessed",
    "retrieved",
    "reçu",
    "accepté",
    "eingereicht",
    "eingegangen",
    "angenommen",
    "recibido",
    "aceptado",
    "recebido",
    "aceito",
    "ricevuto",
    "accettato",
    "поступила",
    "получено",
    "принята",
    // 收稿 received, 修回 revised, 录用 / 錄用 / 接受 accepted (Chinese);
    // 受付 received, 採録 / 受理 accepted (Japanese); 접수 received, 게재
    // 확정 accepted (Korean).
    "收稿",
    "修回",
    "录用",
    "錄用",
    "接受日期",
    "受付",
    "採録",
    "受理",
    "접수",
    "게재 확정",
    "게재확정",
];

const SERIES_WORDS: &[&str] = &[
    "policy brief",
    "issue brief",
    "working paper",
    "discussion paper",
    "briefing paper",
    "occasional paper",
    "research paper",
    "policy paper",
    "technical report",
    "research report",
    "policy note",
    "briefing note",
    "white paper",
    "background paper",
    "special report",
    "report no",
    "brief no",
    "note de politique",
    "document de travail",
    "arbeitspapier",
    "diskussionspapier",
    "issues and points",
];

/// Where a series name starts in `text`: a series word printed as a label
/// is capitalised ("Working Paper", "POLICY BRIEF", "Policy brief"), while
/// prose mentions it in lower case ("working papers are circulated").
pub(crate) fn series_start(text: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    SERIES_WORDS.iter().find_map(|w| {
        let at = lower.find(w)?;
        // Lower-casing can change byte lengths; only trust ASCII prefixes.
        let capitalised = lower.is_char_boundary(at)
            && lower.len() == text.len()
            && text[at..].starts_with(|c: char| c.is_uppercase());
        capitalised.then_some(at)
    })
}

pub(crate) fn is_series_label(text: &str) -> bool {
    // The series word leads the line, or follows three words or fewer
    // ("MERCATUS Working Paper") or capitalised words only (an issuer's
    // name); later in a phrase it is a title's subject ("How to Make a
    // Technical Report (Rev. 3)").
    text.split_whitespace().count() <= 8
        && series_start(text)
            .and_then(|at| text.get(..at))
            .is_some_and(|before| {
                let words = before.split_whitespace().count();
                words <= 3
                    || before
                        .split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase))
            })
}

/// The series statement: a short line (or a cell of a line set apart)
/// with a capitalised series name; from a longer line, the part from the
/// series name on ("... ECONOMICS Working Paper No. 23/14").
fn series(front: &[&PrintedLine]) -> Option<String> {
    let tidy = |t: &str| t.trim_end_matches(['|', '-', '—', ':']).trim().to_string();
    front.iter().find_map(|line| {
        let pieces: Vec<&str> = if line.cells.len() > 1 {
            line.cells.iter().map(|c| c.trim()).collect()
        } else {
            vec![line.text.trim()]
        };
        pieces.iter().find_map(|piece| {
            if is_series_label(piece) {
                return Some(tidy(piece));
            }
            let at = series_start(piece)?;
            let rest = &piece[at..];
            (rest.split_whitespace().count() <= 6 && rest.chars().any(|c| c.is_ascii_digit()))
                .then(|| tidy(rest))
        })
    })
}

const SUMMARY_HEADINGS: &[&str] = &[
    "abstract",
    "summary",
    "executive summary",
    "key takeaways",
    "key findings",
    "key messages",
    "in brief",
    "overview",
    "résumé",
    "resume",
    "zusammenfassung",
    "kurzfassung",
    "аннотация",
    "резюме",
    "要旨",
    "概要",
    "要約",
];

/// The paragraph(s) after a summary heading, up to about 300 words; or an
/// inline "Abstract: ..." paragraph.
fn summary(front_text: &str) -> Option<String> {
    let paragraphs: Vec<&str> = front_text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let heading = paragraph.trim_end_matches([':', '.']).trim().to_lowercase();
        if SUMMARY_HEADINGS.contains(&heading.as_str()) {
            let mut text = String::new();
            for next in &paragraphs[i + 1..] {
                let words = next.split_whitespace().count();
                if words <= 6 && !next.ends_with('.') && !text.is_empty() {
                    break; // the next heading
                }
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&next.split_whitespace().collect::<Vec<_>>().join(" "));
                if text.split_whitespace().count() >= 300 {
                    break;
                }
            }
            if text.split_whitespace().count() >= 8 {
                return Some(text);
            }
        }
        if let Some(body) = inline_summary(paragraph) {
            return Some(body);
        }
    }
    None
}

/// The body of an "Abstract: ..." or "Abstract—..." paragraph. Works on
/// the original text by characters: lowercasing can change byte lengths.
fn inline_summary(paragraph: &str) -> Option<String> {
    for heading in SUMMARY_HEADINGS {
        let n = heading.chars().count();
        let Some((cut, _)) = paragraph.char_indices().nth(n) else {
            continue;
        };
        if paragraph[..cut].to_lowercase() != *heading {
            continue;
        }
        let rest = &paragraph[cut..];
        let Some(separator) = rest
            .chars()
            .next()
            .filter(|c| matches!(c, ':' | '.' | '—' | '–'))
        else {
            continue;
        };
        let body: Vec<&str> = rest[separator.len_utf8()..].split_whitespace().collect();
        if body.len() >= 8 {
            return Some(body.join(" "));
        }
    }
    None
}

/// "Keywords: a, b, c" (and its usual variants) in the front text.
fn keywords(front_text: &str) -> Vec<String> {
    const LABELS: &[&str] = &[
        "keywords",
        "key words",
        "index terms",
        "mots-clés",
        "mots clés",
        "schlüsselwörter",
        "ключевые слова",
    ];
    for line in front_text.lines() {
        let lower = line.to_lowercase();
        for label in LABELS {
            if let Some(pos) = lower.find(label) {
                let rest = &line[pos + label.len()..];
                let rest = rest.trim_start_matches([':', '—', '–', '.', ' ']);
                let words: Vec<String> = rest
                    .split([',', ';', '·'])
                    .map(|k| k.trim().trim_end_matches('.').to_string())
                    .filter(|k| has_letters(k, 2) && k.split_whitespace().count() <= 6)
                    .collect();
                if words.len() >= 2 {
                    return words;
                }
            }
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(page: u32, text: &str, size: f32, top: f32) -> PrintedLine {
        PrintedLine::plain(page, text, size, top)
    }

    /// The front matter of `lines`, with no text and no common words.
    pub(super) fn read(lines: &[PrintedLine]) -> PrintedMetadata {
        read_front_matter(lines, "", &CommonWords::default())
    }

    /// A line of page 1 whose items are set far apart (names side by side).
    fn set_apart(text: &str, size: f32, top: f32, items: &[&str]) -> PrintedLine {
        PrintedLine {
            cells: items.iter().map(|i| i.to_string()).collect(),
            ..line(1, text, size, top)
        }
    }

    #[test]
    fn the_author_is_read_from_the_column_under_its_label() {
        // A French thesis cover: "Auteur :" and "Tuteur :" side by side,
        // each name set over two rows under its label.
        let lines = [
            line(1, "Mémoire de fin d’études", 17.0, 160.0),
            line(1, "Étude comparative d’algorithmes pour", 25.0, 254.0),
            line(1, "le classement de chiffres manuscrits", 25.0, 284.0),
            set_apart("Auteur : Tuteur :", 14.0, 622.0, &["Auteur :", "Tuteur :"]),
            set_apart(
                "Alexandre PR. Marie-Pierre",
                14.0,
                640.0,
                &["Alexandre", "PR. Marie-Pierre"],
            ),
            set_apart("PETIT-PAS GERVAIS", 14.0, 658.0, &["PETIT-PAS", "GERVAIS"]),
        ];
        assert_eq!(read(&lines).authors, ["Alexandre PETIT-PAS"]);
    }

    fn brief() -> Vec<PrintedLine> {
        vec![
            line(1, "POLICY BRIEF No. 7", 10.0, 40.0),
            line(1, "Water Security in the Sahel:", 22.0, 90.0),
            line(1, "Storage, Soils and Trust", 22.0, 116.0),
            line(1, "Lessons from five river basins", 14.0, 150.0),
            line(1, "Amina Diallo, Jean Martin and Sofia Rossi", 11.0, 180.0),
            line(1, "June 2024", 10.0, 196.0),
            line(1, "Summary", 12.0, 230.0),
            line(
                1,
                "Farmers in the Sahel face longer dry seasons. This brief looks at what works.",
                10.0,
                250.0,
            ),
            line(
                1,
                "Most of the rain falls in a few weeks, and most of it is lost to runoff and evaporation.",
                10.0,
                262.0,
            ),
        ]
    }

    #[test]
    fn a_cover_whose_title_holds_most_characters() {
        // Most characters are in the title's size: it is no body text.
        let lines = [
            line(1, "UPDATED RECOMMENDATIONS ON", 16.0, 134.0),
            line(1, "TREATMENT OF ADOLESCENTS AND", 25.0, 157.0),
            line(1, "CHILDREN WITH CHRONIC HCV INFECTION,", 25.0, 187.0),
            line(1, "AND HCV SIMPLIFIED SERVICE DELIVERY", 25.0, 217.0),
            line(1, "AND DIAGNOSTICS", 25.0, 247.0),
        ];
        assert_eq!(
            read(&lines).title.as_deref(),
            Some(
                "UPDATED RECOMMENDATIONS ON TREATMENT OF ADOLESCENTS AND CHILDREN WITH \
                 CHRONIC HCV INFECTION, AND HCV SIMPLIFIED SERVICE DELIVERY AND DIAGNOSTICS"
            )
        );
    }

    #[test]
    fn a_sentence_under_the_title_is_no_subtitle() {
        let body = "At the end of a thoughtful article on the future of nuclear war, Wiesner and";
        let lines = [
            line(1, "The Tragedy of the Commons", 22.5, 90.0),
            line(
                1,
                "The population problem has no technical solution;",
                15.4,
                130.0,
            ),
            line(
                1,
                "it requires a fundamental extension in morality.",
                15.5,
                147.0,
            ),
            line(1, body, 12.0, 228.0),
            line(1, body, 12.0, 240.0),
        ];
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("The Tragedy of the Commons")
        );
    }

    #[test]
    fn a_journal_header_cites_the_article_among_references() {
        let lines = [
            "Journal of Hydrology 310 (2005) 253–265",
            "www.elsevier.com/locate/jhydrol",
            "The response of flow duration curves to afforestation",
            "Smith, J., 1999. Forests. Water Resour. Res. 35 (4) 12-15.",
        ];
        assert_eq!(
            self_citation_year(lines).map(|(year, _)| year).as_deref(),
            Some("2005")
        );
        // Below the header, several such lines are references.
        let references = ["Intro", "x", "y", "z", "Roe (1998) 1-9", "Doe (2001) 3-4"];
        assert_eq!(self_citation_year(references), None);
    }

    #[test]
    fn an_articles_history_dates_events_and_it_was_published_online() {
        let block = [
            "Article history:",
            "Received 28 October 2020",
            "Received in revised form",
            "4 May 2021",
            "Accepted 4 June 2021",
            "Available online 7 June 2021",
        ];
        assert_eq!(
            dated_line(block, true).map(|(iso, _)| iso).as_deref(),
            Some("2021-06-07")
        );
        assert_eq!(dated_line(block.into_iter().take(4), true), None);
    }

    #[test]
    fn a_series_number_is_no_month() {
        let iso = |block: &[&str]| dated_line(block.iter().copied(), true).map(|(iso, _)| iso);
        assert_eq!(
            iso(&["Brief 2017-01", "February 2017"]).as_deref(),
            Some("2017-02")
        );
        assert_eq!(
            iso(&["Working Paper No. 2019-03", "June 2019"]).as_deref(),
            Some("2019-06")
        );
        // A numeric date under its own label stays one.
        assert_eq!(iso(&["Date: 2017-01"]).as_deref(), Some("2017-01"));
    }

    #[test]
    fn a_revision_dates_a_manual_but_not_a_manuscript() {
        let iso = |block: &[&str]| dated_line(block.iter().copied(), true).map(|(iso, _)| iso);
        assert_eq!(
            iso(&["Revised, June 15, 2003"]).as_deref(),
            Some("2003-06-15")
        );
        assert_eq!(
            iso(&["Received 28 October 2020", "Revised 4 May 2021"]),
            None
        );
        // The same with the label on a line of its own, the date below.
        assert_eq!(
            iso(&["Revised:", "June 15, 2003"]).as_deref(),
            Some("2003-06-15")
        );
        assert_eq!(
            iso(&["Received:", "28 October 2020", "Revised:", "4 May 2021"]),
            None
        );
    }

    #[test]
    fn history_in_other_languages_is_no_publication_date() {
        let iso = |block: &[&str]| dated_line(block.iter().copied(), true).map(|(iso, _)| iso);
        // A Chinese article's received date, then its online-first date.
        assert_eq!(iso(&["收稿日期：2013-06-28"]), None);
        assert_eq!(
            iso(&["2022-03-01", "网络首发时间：2022-07-15 09:59:50"]).as_deref(),
            Some("2022-07-15")
        );
        assert_eq!(iso(&["Recibido 20/12/2023"]), None);
        assert_eq!(iso(&["Поступила в редакцию 12.03.2021"]), None);
        assert_eq!(
            iso(&["Marzo 2023", "Puesto en línea en diciembre de 2024."]).as_deref(),
            Some("2024-12")
        );
        // A Japanese thesis's submission date is its date.
        assert_eq!(
            iso(&["提出日:2019 年 2 月 10 日"]).as_deref(),
            Some("2019-02-10")
        );
    }

    #[test]
    fn a_working_papers_current_draft_dates_it() {
        let block = ["First draft: September 2018", "This draft: January 2019"];
        assert_eq!(
            dated_line(block, true).map(|(iso, _)| iso).as_deref(),
            Some("2019-01")
        );
        // Both on one line.
        let one_line = ["First version: March 2017, this version: January 2019"];
        assert_eq!(
            dated_line(one_line, true).map(|(iso, _)| iso).as_deref(),
            Some("2019-01")
        );
        let note = "This version of the white paper has been modified to reflect the 19 March 2025 zero draft.";
        assert_eq!(
            dated_line([note, "April 2025"], true)
                .map(|(iso, _)| iso)
                .as_deref(),
            Some("2025-04")
        );
    }

    #[test]
    fn a_year_cited_in_the_text_does_not_date_the_paper() {
        let quoted = [
            "x",
            "y",
            "z",
            "w",
            "• full case (e.g., Bush v. Gore, 531 U.S. 98, 99-100 (2000))",
        ];
        assert_eq!(self_citation_year(quoted), None);
        let cited = [
            // Two columns read as one line.
            "we improve upon the best published ence covariate shift (Shimodaira, 2000). This",
            "covariate shift (Shimodaira, 2000). This is typically",
            "as shown by Roe and Doe (2000) in a survey of the field",
        ];
        for line in cited {
            assert_eq!(dated_line([line], false), None, "{line}");
        }
        // A label that starts its line still dates the paper.
        assert_eq!(
            dated_line(
                ["Published in J. Environ. Qual. 33:2192–2200 (2004)."],
                true
            )
            .map(|(year, _)| year)
            .as_deref(),
            Some("2004")
        );
    }

    #[test]
    fn a_repository_cover_sheet_lists_its_authors_after_a_count() {
        let cells = |text: &str, top: f32, items: &[&str]| set_apart(text, 6.6, top, items);
        let lines = [
            line(
                1,
                "Creating Large Language Model Applications Utilizing LangChain",
                13.0,
                94.0,
            ),
            line(
                1,
                "Article in International Conference on Applied Engineering and Natural Sciences · July 2023",
                6.6,
                145.0,
            ),
            cells("CITATIONS READS", 189.0, &["CITATIONS", "READS"]),
            line(1, "2 authors:", 6.6, 224.0),
            line(1, "Oguzhan Topsakal", 6.6, 241.8),
            line(1, "Florida Polytechnic University", 6.6, 252.4),
            line(1, "SEE PROFILE", 5.3, 281.3),
            line(1, "T. Cetin Akinci", 6.6, 241.8),
            line(1, "Istanbul Technical University", 6.6, 252.4),
            line(1, "SEE PROFILE", 5.3, 281.3),
        ];
        assert_eq!(
            read(&lines).authors,
            ["Oguzhan Topsakal", "T. Cetin Akinci"]
        );
    }

    #[test]
    fn a_preprint_footer_dates_the_version() {
        let lines = [
            "Gender Gap in Politician Performance",
            "presented at EPSA 2017 and CSAE Conference 2018.",
            "Preprint submitted to Journal of Development Economics February 16, 2022",
        ];
        assert_eq!(
            dated_line(lines, true).map(|(iso, _)| iso).as_deref(),
            Some("2022-02-16")
        );
        // A manuscript's submission is history.
        assert_eq!(dated_line(["Submitted March 3, 2021"], true), None);
    }

    #[test]
    fn a_counted_authors_label_introduces_names() {
        assert_eq!(strip_by("2 authors:"), Some(""));
        assert_eq!(strip_by("3 authors, including:"), Some(""));
        assert_eq!(strip_by("2 authors: Jane Doe"), Some("Jane Doe"));
        assert_eq!(strip_by("2 authors were asked"), None);
    }

    /// Lines of page 1, one under the other, in one size.
    fn stacked(texts: &[&str], size: f32, top: f32, step: f32) -> Vec<PrintedLine> {
        texts
            .iter()
            .enumerate()
            .map(|(i, text)| line(1, text, size, top + step * i as f32))
            .collect()
    }

    /// Body text that makes the page's body size 10 points.
    fn body_lines() -> Vec<PrintedLine> {
        let text =
            "Farmers in the Sahel face longer dry seasons, and this brief looks at what works.";
        (0..12)
            .map(|i| line(1, text, 10.0, 400.0 + 12.0 * i as f32))
            .collect()
    }

    #[test]
    fn a_title_after_its_label_beats_a_larger_banner() {
        // A student's practice report: the banner says what it is, the
        // labelled line what it is about.
        let mut lines = vec![
            line(1, "ОТЧЁТ", 18.0, 329.0),
            line(1, "ПО УЧЕБНОЙ ПРАКТИКЕ", 18.0, 360.0),
            line(
                1,
                "Тема: Генетические алгоритмы. Решение судоку",
                14.0,
                436.0,
            ),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("Генетические алгоритмы. Решение судоку")
        );
        // A Chinese thesis cover, its label spaced out and followed by a
        // full-width colon.
        lines[0] = line(1, "本科学生毕业论文", 28.0, 192.0);
        lines[1] = line(1, "学 院： 数学科学学院", 14.7, 324.0);
        lines[2] = line(1, "题 目：求实对称阵特征值的数值算法", 15.7, 280.0);
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("求实对称阵特征值的数值算法")
        );
        // A labelled title run on to a line it leaves mid-phrase, with a
        // cover's wide leading; the line after that is another field.
        let mut lines = vec![
            line(1, "ОТЧЕТ", 14.0, 324.0),
            line(1, "Тема: Непрерывная интеграция, доставка и", 14.0, 372.0),
            line(1, "развертывание приложения", 14.0, 396.0),
            line(1, "Финальный объем – 80 стр", 14.0, 420.0),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("Непрерывная интеграция, доставка и развертывание приложения")
        );
    }

    #[test]
    fn a_students_cover_names_the_student_not_the_supervisor() {
        let cover = |rows: &[(&str, &[&str])]| {
            // (A student's cover is set in the body's size throughout.)
            let mut lines = vec![line(1, "Тема: Генетические алгоритмы", 10.0, 436.0)];
            for (i, (text, cells)) in rows.iter().enumerate() {
                lines.push(set_apart(text, 10.0, 620.0 + 36.0 * i as f32, cells));
            }
            lines.extend(body_lines().into_iter().map(|mut l| {
                l.page = 2;
                l
            }));
            read(&lines).authors
        };
        // The supervisor's label is set apart from his name, without a
        // colon; the assignment overleaf labels the student.
        assert_eq!(
            cover(&[
                (
                    "Студент гр. 4341 К.Э. Баженов",
                    &["Студент гр. 4341", "К.Э. Баженов"]
                ),
                (
                    "Руководитель Т.Р. Жангиров",
                    &["Руководитель", "Т.Р. Жангиров"]
                ),
                ("Студент: К.Э. Баженов", &[]),
            ]),
            ["К.Э. Баженов"]
        );
        // A Chinese cover's label spaced out to the others' width, read as
        // cells; and one with the next field glued to the name.
        assert_eq!(
            cover(&[("姓 名： 刘宇轩", &["姓", "名：", "刘宇轩"])]),
            ["刘宇轩"]
        );
        assert_eq!(
            cover(&[("学生姓名：蔡明学号： 201924110803", &[])]),
            ["蔡明"]
        );
    }

    #[test]
    fn affiliations_in_parentheses_over_lines_are_no_names() {
        let lines: Vec<PrintedLine> = [
            line(1, "Strengthening mutual accountability and", 20.0, 262.0),
            line(1, "partnerships for WASH", 20.0, 284.0),
            line(1, "Written by", 16.0, 306.0),
            line(
                1,
                "Nishrin Qowamuna and Mohamad Mova Al Afghani (Center for",
                16.0,
                397.0,
            ),
            line(
                1,
                "Regulation, Policy, and Governance (CRPG)),",
                16.0,
                419.0,
            ),
            line(
                1,
                "Juliet Willetts and Keren Winterford (University of Technology",
                16.0,
                441.0,
            ),
            line(
                1,
                "Sydney, Institute for Sustainable Futures (UTS-ISF))",
                16.0,
                463.0,
            ),
            line(1, "January 2021", 16.0, 529.0),
        ]
        .into_iter()
        .chain(body_lines().into_iter().map(|mut l| {
            l.page = 2;
            l
        }))
        .collect::<Vec<_>>();
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some("Strengthening mutual accountability and partnerships for WASH")
        );
        assert_eq!(
            found.authors,
            [
                "Nishrin Qowamuna",
                "Mohamad Mova Al Afghani",
                "Juliet Willetts",
                "Keren Winterford"
            ]
        );
    }

    #[test]
    fn a_genre_banner_set_largest_is_over_the_title() {
        let mut lines = vec![
            line(1, "Universidad Nacional De La Matanza", 24.0, 85.0),
            line(1, "Especialización en Ciencia de Datos", 24.0, 113.0),
            line(1, "Trabajo Práctico Integrador", 26.0, 357.0),
            line(1, "Sistema de Recuperación y Comprensión de", 18.0, 387.0),
            line(1, "Normativa SENASA", 18.0, 409.0),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("Sistema de Recuperación y Comprensión de Normativa SENASA")
        );
        // "POSITION PAPER" is a genre too.
        let mut lines = vec![
            line(1, "POSITION PAPER", 36.0, 245.0),
            line(
                1,
                "INPUT FROM AMPL NETWORK TO PEOPLE’S REPRESENTATIVE",
                14.0,
                345.0,
            ),
            line(1, "COUNCIL REGARDING WATER RESOURCES BILL", 14.0, 364.0),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).title.as_deref(),
            Some(
                "INPUT FROM AMPL NETWORK TO PEOPLE’S REPRESENTATIVE COUNCIL REGARDING WATER RESOURCES BILL"
            )
        );
    }

    #[test]
    fn a_genre_phrase_or_a_row_of_fields_under_the_title_is_no_subtitle() {
        // Set nearly as large as the title (a run of its lines) or
        // smaller (a subtitle's place).
        let title_over = |below: &str, size: f32| {
            let mut lines = vec![
                line(1, "Farmers’ Seed Practices in Nakuru Kenya", 18.0, 226.0),
                line(1, below, size, 247.0),
            ];
            lines.extend(body_lines());
            read(&lines).title
        };
        let plain = Some("Farmers’ Seed Practices in Nakuru Kenya".to_string());
        for size in [16.0, 13.0] {
            assert_eq!(title_over("Field survey report", size), plain);
            assert_eq!(title_over("Country brief, Indonesia", size), plain);
            // The genre's noun first, in Spanish.
            assert_eq!(title_over("Informe metodológico", size), plain);
            assert_eq!(
                title_over(
                    "Kurs 209-032 – Ökonometrie | SoSe 2026 | HfWU Nürtingen-Geislingen",
                    size
                ),
                plain
            );
        }
        // A subtitle that goes on past the genre word stays one.
        assert_eq!(
            title_over("A report on seed systems in the Rift Valley", 13.0).as_deref(),
            Some(
                "Farmers’ Seed Practices in Nakuru Kenya: A report on seed systems in the Rift Valley"
            )
        );
        // A lettered annex's number is left out too.
        assert_eq!(
            without_division_label("ANNEX B-1: ENABLING STRONGER PARTNERSHIPS"),
            "ENABLING STRONGER PARTNERSHIPS"
        );
    }

    #[test]
    fn a_german_submission_label_and_an_icon_before_a_label() {
        let authors_under = |rows: &[&str]| {
            let mut lines = vec![line(
                1,
                "Vorrausberechnung der Straßenverkehrsentlastung",
                24.0,
                184.0,
            )];
            for (i, row) in rows.iter().enumerate() {
                lines.push(line(1, row, 16.5, 388.0 + 25.0 * i as f32));
            }
            lines.extend(body_lines());
            read(&lines).authors
        };
        assert_eq!(
            authors_under(&[
                "vorgelegt von Andreas Witte,",
                "unterstützt durch Stephan Wohlfeil"
            ]),
            ["Andreas Witte"]
        );
        assert_eq!(
            authors_under(&["👤 Autor: Denner Gabriel Ramos Caleare"]),
            ["Denner Gabriel Ramos Caleare"]
        );
    }

    #[test]
    fn a_line_starting_with_de_or_of_goes_on_with_the_title() {
        let set_in = |text: &str, size: f32, top: f32, family: &str| PrintedLine {
            family: family.to_string(),
            ..line(1, text, size, top)
        };
        let mut lines = vec![
            set_in("JOURNAL OFFICIEL", 47.0, 64.0, "times"),
            // In another face and much smaller, and reading like a name.
            set_in("DE LA REPUBLIQUE DU SENEGAL", 18.0, 115.0, "helvetica"),
            set_in(
                "PARAISSANT LE SAMEDI DE CHAQUE SEMAINE",
                13.0,
                142.0,
                "helvetica",
            ),
        ];
        lines.extend(body_lines());
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some("JOURNAL OFFICIEL DE LA REPUBLIQUE DU SENEGAL")
        );
        assert!(!found.authors.iter().any(|a| a.starts_with("DE LA")));
    }

    #[test]
    fn a_dash_glued_to_a_word_joins_the_next_line_without_a_space() {
        let lines = [
            line(
                1,
                "Reaktivierung der Steigerwaldbahn Schweinfurt—",
                24.0,
                287.0,
            ),
            line(1, "Gerolzhofen—Wiesentheid—Kitzingen", 24.0, 321.0),
        ];
        let block: Vec<&PrintedLine> = lines.iter().collect();
        assert_eq!(
            join_lines(&block),
            "Reaktivierung der Steigerwaldbahn Schweinfurt—Gerolzhofen—Wiesentheid—Kitzingen"
        );
    }

    #[test]
    fn a_cover_with_little_text_is_read_against_the_texts_size() {
        // Most of this cover's characters are its subtitle's: the text's
        // own size, over the first pages, is the body's.
        let lines = [
            line(2, "J. PAUL GETTY TRUST OCCASIONAL PAPERS", 7.66, 56.0),
            line(2, "NUMBER 5", 7.66, 90.0),
            line(2, "UNESCO’s", 48.1, 197.8),
            line(2, "Response to the", 48.1, 250.7),
            line(2, "Rise of Violent", 48.1, 303.7),
            line(2, "Extremism", 48.1, 356.6),
            line(2, "A Decade of Building International", 21.875, 423.2),
            line(2, "Momentum in the Struggle to Protect", 21.875, 451.6),
            // Leading at exactly 130 %: the same paragraph.
            line(2, "Cultural Heritage", 21.875, 480.0375),
            line(2, "IRINA BOKOVA", 13.1, 598.0),
            line(2, "Getty Publications", 8.75, 655.0),
        ];
        let found = read_front_matter_in(&lines, "", &CommonWords::default(), Some(10.0));
        assert_eq!(
            found.title.as_deref(),
            Some(
                "UNESCO’s Response to the Rise of Violent Extremism: A Decade of Building \
                 International Momentum in the Struggle to Protect Cultural Heritage"
            )
        );
        assert_eq!(found.authors, ["IRINA BOKOVA"]);
    }

    #[test]
    fn people_labelled_overleaf_outweigh_an_organisation_on_the_cover() {
        let lines = [
            line(1, "QuickStart Guide", 24.0, 128.5),
            line(1, "MSSPM", 30.0, 220.5),
            line(1, "MultiSpecies Surplus Production Model", 24.0, 293.5),
            // A release's number is no subtitle.
            line(1, "v0.9.4 (beta)", 24.0, 359.5),
            line(1, "NOAA – National Marine Fisheries Service", 24.0, 451.0),
            line(2, "Contributors:", 24.0, 113.5),
            line(2, "Dr. Jason Link", 20.0, 179.0),
            line(2, "Dr. Howard Townsend", 20.0, 215.0),
        ];
        let found = read_front_matter_in(&lines, "", &CommonWords::default(), Some(12.0));
        assert_eq!(
            found.title.as_deref(),
            Some("MSSPM: MultiSpecies Surplus Production Model")
        );
        assert_eq!(found.authors, ["Jason Link", "Howard Townsend"]);
    }

    #[test]
    fn one_person_under_the_title_in_a_smaller_size_is_its_author() {
        let mut lines = vec![
            line(2, "EDUCATION CAUGHT COVID-19", 22.0, 34.0),
            line(2, "Eleno Castro", 19.0, 60.0),
        ];
        lines.extend(body_lines().into_iter().map(|mut l| {
            l.page = 2;
            l
        }));
        let found = read(&lines);
        assert_eq!(found.title.as_deref(), Some("EDUCATION CAUGHT COVID-19"));
        assert_eq!(found.authors, ["Eleno Castro"]);
        // A phrase cut before it goes on with the title.
        lines[0] = line(2, "The Legacy of", 22.0, 34.0);
        lines[1] = line(2, "Simón Bolívar", 19.0, 60.0);
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("The Legacy of Simón Bolívar")
        );
    }

    #[test]
    fn a_dateline_under_the_title_is_no_subtitle() {
        let mut lines = vec![
            line(1, "Open Data Portal Technical", 27.0, 61.0),
            line(1, "Implementation Plan", 27.0, 94.0),
            line(1, "City of Asheville, NC, October, 2016", 15.0, 150.0),
            line(1, "Background", 21.0, 191.0),
        ];
        lines.extend(body_lines());
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some("Open Data Portal Technical Implementation Plan")
        );
        assert_eq!(found.subtitle, None);
    }

    #[test]
    fn cjk_labels_of_the_authors_name_them() {
        let mut lines = vec![
            line(1, "华南师范大学校园智能问答助手", 44.0, 48.0),
            line(
                1,
                "最终方案：Qwen2.5-1.5B-Instruct + LoRA + RAG",
                19.0,
                183.0,
            ),
            line(1, "姓名：王然铎", 19.0, 205.0),
            line(1, "学号：20233801039", 19.0, 220.0),
        ];
        lines.extend(body_lines());
        assert_eq!(read(&lines).authors, ["王然铎"]);
        lines[2] = line(1, "作者：王磊，宋志学，殷楠，程钢", 19.0, 205.0);
        assert_eq!(read(&lines).authors, ["王磊", "宋志学", "殷楠", "程钢"]);
        // The author's address is no name.
        lines[2] = line(1, "作者地址 : 广州市同和南方医科大学", 19.0, 205.0);
        assert!(read(&lines).authors.is_empty());
    }

    #[test]
    fn an_authors_label_set_as_a_heading_has_the_names_below() {
        assert_eq!(strip_by("AUTHORS"), Some(""));
        assert_eq!(strip_by("Выполнила"), Some(""));
        assert_eq!(strip_by("Authorship"), None);
        // A student's group number between label and name.
        assert_eq!(
            strip_by("Студентка гр. 5304 Орлова В.В."),
            Some("Орлова В.В.")
        );
        let mut lines = vec![
            line(1, "ОПРЕДЕЛЕНИЕ ФЕНОТИПА КОЛОНИЙ", 16.0, 341.0),
            line(1, "МАШИННОГО ОБУЧЕНИЯ", 16.0, 360.0),
            line(1, "Выполнила", 14.0, 546.0),
            PrintedLine {
                cells: vec![
                    "студентка гр. 5030102/90401".into(),
                    "Е. Д. Веденеева".into(),
                ],
                ..line(
                    1,
                    "студентка гр. 5030102/90401 Е. Д. Веденеева",
                    14.0,
                    562.0,
                )
            },
        ];
        assert_eq!(read(&lines).authors, ["Е. Д. Веденеева"]);
        // Over a document's name, the label names no one there.
        lines[3] = line(1, "Original White Paper", 9.0, 562.0);
        assert!(read(&lines).authors.is_empty());
    }

    #[test]
    fn a_stray_line_read_between_the_titles_lines_is_moved_out() {
        let mut lines = vec![
            line(1, "The Impact of the 1999 Education Reform", 26.0, 238.0),
            line(1, "The World Bank", 14.0, 642.0),
            line(1, "in Poland", 26.0, 268.0),
            line(1, "Maciej Jakubowski", 14.0, 318.0),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("The Impact of the 1999 Education Reform in Poland")
        );
    }

    #[test]
    fn an_issuers_name_under_the_title_is_no_subtitle() {
        let mut lines = vec![
            line(1, "The NIST Cybersecurity Framework (CSF) 2.0", 24.0, 100.0),
            line(
                1,
                "National Institute of Standards and Technology",
                16.0,
                140.0,
            ),
        ];
        lines.extend(body_lines());
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some("The NIST Cybersecurity Framework (CSF) 2.0")
        );
        assert_eq!(found.subtitle, None);
    }

    #[test]
    fn a_compound_cut_at_its_hyphen_keeps_it() {
        let mut lines = vec![
            line(1, "DOCUMENTATION OF EFFECTIVE-", 16.0, 140.0),
            line(1, "POROSITY PARAMETERS", 16.0, 158.0),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("DOCUMENTATION OF EFFECTIVE-POROSITY PARAMETERS")
        );
        // A word cut at its end goes on in lower case: the hyphen goes.
        lines[0] = line(1, "Documentation of Effec-", 16.0, 140.0);
        lines[1] = line(1, "tive Porosity", 16.0, 158.0);
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("Documentation of Effective Porosity")
        );
    }

    #[test]
    fn a_title_a_little_larger_than_the_body_stops_before_its_author() {
        let mut lines = vec![
            line(1, "A REEXAMINATION OF THE VOLUMETRIC METHOD", 11.0, 126.0),
            line(1, "Sabodh K. Garg", 10.0, 149.0),
            line(
                1,
                "Science Applications International Corporation",
                10.0,
                171.0,
            ),
        ];
        lines.extend(body_lines());
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some("A REEXAMINATION OF THE VOLUMETRIC METHOD")
        );
        assert_eq!(found.authors, ["Sabodh K. Garg"]);
    }

    #[test]
    fn a_page_count_read_before_the_title_is_not_its_start() {
        let mut lines = vec![
            line(1, "Policy Brief", 22.0, 44.0),
            line(1, "Prepared by: Sunil Abraham", 14.0, 111.0),
            line(1, "Page 1/2", 22.0, 806.0),
            line(1, "Availability and Accessibility of", 22.0, 44.0),
            line(1, "Government Information in the Public Domain", 22.0, 68.0),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("Availability and Accessibility of Government Information in the Public Domain")
        );
    }

    #[test]
    fn names_set_apart_over_a_shared_affiliation_are_each_one() {
        let mut lines = vec![
            line(
                1,
                "Deep Residual Learning for Image Recognition",
                14.0,
                105.0,
            ),
            set_apart(
                "Kaiming He Xiangyu Zhang",
                12.0,
                152.0,
                &["Kaiming He", "Xiangyu Zhang"],
            ),
            set_apart(
                "Shaoqing Ren Jian Sun",
                12.0,
                152.0,
                &["Shaoqing Ren", "Jian Sun"],
            ),
            line(1, "Microsoft Research", 12.0, 168.0),
            line(
                1,
                "{kahe, v-xiangz, v-shren, jiansun}@microsoft.com",
                10.0,
                184.0,
            ),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).authors,
            ["Kaiming He", "Xiangyu Zhang", "Shaoqing Ren", "Jian Sun"]
        );
    }

    #[test]
    fn a_label_that_ends_its_line_puts_the_names_below() {
        let mut lines = vec![
            line(1, "2020 Review Panel Workshop on Energy", 20.0, 221.0),
            line(1, "Intensity Indicators", 20.0, 246.0),
            line(1, "Summary Findings and Meeting Notes", 14.0, 281.0),
            line(1, "March 2020", 12.0, 357.0),
            line(1, "Summary and Meeting Notes Prepared by:", 12.0, 415.0),
            set_apart(
                "DM Anderson S Ganguli",
                12.0,
                445.0,
                &["DM Anderson", "S Ganguli"],
            ),
            set_apart("KA Cort SR Goulet", 12.0, 459.0, &["KA Cort", "SR Goulet"]),
        ];
        lines.extend(body_lines());
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some(
                "2020 Review Panel Workshop on Energy Intensity Indicators: Summary Findings and Meeting Notes"
            )
        );
        assert_eq!(
            found.authors,
            ["DM Anderson", "S Ganguli", "KA Cort", "SR Goulet"]
        );
    }

    #[test]
    fn an_issuers_name_over_two_lines_in_the_titles_size_is_its_masthead() {
        let mut lines = vec![
            line(1, "Пензенский государственный университет", 16.0, 31.0),
            line(1, "Кафедра «МОиПЭВМ»", 16.0, 60.0),
            line(
                1,
                "Методические указания к лабораторным работам",
                16.0,
                230.0,
            ),
            line(1, "по дисциплине «Программирование»", 16.0, 251.0),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("Методические указания к лабораторным работам по дисциплине «Программирование»")
        );
    }

    #[test]
    fn a_quoted_subject_under_a_body_sized_title_is_the_titles_and_contents_name_no_one() {
        let lines = stacked(
            &[
                "Методические указания к лабораторным работам по дисциплине",
                "«Операционные системы»",
                "Содержание",
                "Введение",
                "СОКЕТЫ",
            ],
            14.0,
            78.0,
            20.0,
        );
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some(
                "Методические указания к лабораторным работам по дисциплине «Операционные системы»"
            )
        );
        assert!(found.authors.is_empty(), "{:?}", found.authors);
        assert!(!is_quoted("«a» and «b»"));
        assert!(is_quoted("“Data Cube 2.0”"));
    }

    #[test]
    fn supervisors_named_under_their_label_are_not_authors() {
        let mut lines = vec![
            line(1, "How should you sit?", 24.0, 291.0),
            line(1, "Supervisori:", 14.0, 589.0),
            line(1, "Prof. Roberto Merletti", 14.0, 607.0),
            line(1, "Prof. Marco Gazzoni", 14.0, 625.0),
            line(1, "Borsista:", 14.0, 644.0),
            line(1, "Ing. Paolo Cattarello", 14.0, 662.0),
        ];
        lines.extend(body_lines());
        assert_eq!(read(&lines).authors, ["Paolo Cattarello"]);
    }

    #[test]
    fn a_smaller_heading_after_the_subtitle_is_not_part_of_it() {
        let mut lines = vec![
            line(1, "Avoided Emissions and Generation Tool", 22.0, 167.0),
            line(1, "A Tool for Energy Policies and Programs", 15.0, 199.0),
            line(1, "What is AVERT?", 14.0, 241.0),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("Avoided Emissions and Generation Tool: A Tool for Energy Policies and Programs")
        );
        assert_eq!(
            crate::brief::names::name_kind("RAPPORTO CONCLUSIVO", &CommonWords::default()),
            crate::brief::names::NameKind::Phrase
        );
    }

    #[test]
    fn a_byline_before_the_title_is_read_when_none_follows_it() {
        let mut lines = vec![
            line(1, "Policy Brief", 22.0, 44.0),
            line(1, "Prepared by: Sunil Abraham,", 14.0, 111.0),
            line(1, "Nirmita Narasimhan and Anandhi Vishwanath", 14.0, 129.0),
            line(1, "Availability of Government Information", 22.0, 44.0),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).authors,
            ["Sunil Abraham", "Nirmita Narasimhan", "Anandhi Vishwanath"]
        );
        // It outweighs names read without a label after the title (a
        // contents entry, "나가며": closing remarks).
        let mut lines = vec![
            line(1, "ISSUE & FOCUS", 60.0, 82.0),
            line(1, "작성 박정화 부연구위원 기획·조정 심혜인", 8.0, 166.0),
            line(1, "중앙-지방 간 재정조정제도", 32.0, 238.0),
            line(1, "들어가며", 10.0, 300.0),
            line(1, "나가며", 10.0, 320.0),
        ];
        let body = "핵심재정사업 성과관리는 올해 처음 도입된 제도이다. 정부는 국정과제의 조기 성과";
        lines.extend((0..12).map(|i| line(1, body, 10.0, 400.0 + 12.0 * i as f32)));
        let found = read(&lines);
        assert_eq!(found.authors, ["박정화"]);
        // A series' name in Latin letters on a Korean page is no title.
        assert_eq!(found.title.as_deref(), Some("중앙-지방 간 재정조정제도"));
    }

    #[test]
    fn a_date_after_a_place_and_a_dash_leaves_the_place() {
        assert_eq!(without_date("Sydney – 5 September 2023"), "Sydney");
        assert_eq!(without_date("Jane Doe, June 2024"), "Jane Doe");
    }

    #[test]
    fn a_subtitle_set_as_a_paragraph_goes_on_through_capitalised_words() {
        let mut lines = stacked(
            &["Whole-Person Care for People", "Experiencing Homelessness"],
            28.0,
            103.0,
            33.6,
        );
        lines.extend(stacked(
            &[
                "Part I: Understanding",
                "Homelessness and Opioid Use",
                "Disorder and Recovery",
            ],
            19.0,
            181.0,
            22.8,
        ));
        lines.extend(body_lines());
        let found = read(&lines);
        assert_eq!(
            found.subtitle.as_deref(),
            Some("Part I: Understanding Homelessness and Opioid Use Disorder and Recovery")
        );
        assert!(found.authors.is_empty(), "{:?}", found.authors);
    }

    #[test]
    fn a_title_line_ending_with_a_colon_goes_on_past_a_blank_line() {
        let mut lines = vec![
            line(1, "MAPPING OCEAN WEALTH PROJECT:", 24.0, 112.0),
            line(1, "MODELLING FISHING PRESSURE IN MICRONESIA", 24.0, 167.0),
            line(1, "Final technical report prepared by:", 18.0, 505.0),
            line(1, "Alastair R. Harborne", 18.0, 549.0),
        ];
        lines.extend(body_lines());
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some("MAPPING OCEAN WEALTH PROJECT: MODELLING FISHING PRESSURE IN MICRONESIA")
        );
        assert_eq!(found.authors, ["Alastair R. Harborne"]);
    }

    #[test]
    fn the_reviews_counter_examples_read_right() {
        let mut lines = stacked(
            &["2030 Agenda", "for Sustainable Development"],
            24.0,
            100.0,
            30.0,
        );
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("2030 Agenda for Sustainable Development")
        );
        assert!(!is_page_count("Page 1 and 2"));
        assert_eq!(cjk_byline("작성 방법 및 절차"), None);
        assert_eq!(
            cjk_byline("집필 김철수 이영희").as_deref(),
            Some(&["김철수".to_string(), "이영희".to_string()][..])
        );
        // A byline below the title in a sidebar does not replace the names
        // under it.
        let mut lines = vec![
            line(1, "Cash Transfers and Child Labour", 24.0, 100.0),
            line(1, "Jane Doe, John Smith", 12.0, 140.0),
            line(1, "Related reading", 12.0, 300.0),
            line(1, "by Mary Major", 12.0, 315.0),
        ];
        lines.extend(body_lines());
        assert_eq!(read(&lines).authors, ["Jane Doe", "John Smith"]);
        // Names at a paragraph's leading under a subtitle are no part of it.
        let mut lines = vec![
            line(1, "Cash Transfers and Child Labour", 24.0, 100.0),
            line(1, "Evidence from Rural Kenya", 14.0, 140.0),
            line(1, "Jane Doe and John Smith", 14.0, 157.0),
        ];
        lines.extend(body_lines());
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some("Cash Transfers and Child Labour: Evidence from Rural Kenya")
        );
        assert_eq!(found.authors, ["Jane Doe", "John Smith"]);
        // A published date after a history label.
        let year = |lines: &[&str]| dated_line(lines.iter().copied(), false).map(|(iso, _)| iso);
        assert_eq!(
            year(&["Accepted", "Published: 7 June 2021"]).as_deref(),
            Some("2021-06-07")
        );
    }

    #[test]
    fn a_lone_acronym_under_the_title_is_a_logo_not_an_author() {
        let mut lines = vec![
            line(
                1,
                "Impact of Climate Change on Children and Youth",
                28.0,
                200.0,
            ),
            line(1, "CIGH", 14.0, 260.0),
        ];
        lines.extend(body_lines());
        assert!(read(&lines).authors.is_empty());
        // Named after a label, it is the author.
        let mut lines = vec![
            line(
                1,
                "Impact of Climate Change on Children and Youth",
                28.0,
                200.0,
            ),
            line(1, "By CIGH", 14.0, 260.0),
        ];
        lines.extend(body_lines());
        assert_eq!(read(&lines).authors, ["CIGH"]);
    }

    #[test]
    fn a_title_page_ends_with_its_place_and_year() {
        let lines = vec![
            line(1, "Пензенский государственный университет", 16.0, 31.0),
            line(
                1,
                "Методические указания к лабораторным работам",
                16.0,
                230.0,
            ),
            line(1, "Москва, 2021 г.", 12.0, 760.0),
        ];
        assert_eq!(
            read(&lines).date.map(|(iso, _)| iso).as_deref(),
            Some("2021")
        );
        // The year on a line of its own under the place.
        let mut under = lines.clone();
        under[2] = line(1, "Санкт-Петербург", 12.0, 740.0);
        under.push(line(1, "2024 г.", 12.0, 760.0));
        assert_eq!(
            read(&under).date.map(|(iso, _)| iso).as_deref(),
            Some("2024")
        );
        // Not a title's year, high on the page and followed by more.
        let lines = vec![
            line(1, "Agenda 2030", 28.0, 100.0),
            line(1, "A plan for people and planet", 16.0, 140.0),
            line(1, "United Nations Development Programme", 12.0, 700.0),
        ];
        assert_eq!(read(&lines).date, None);
    }

    #[test]
    fn a_university_in_quotes_over_a_thesis_is_its_masthead() {
        let lines = vec![
            line(1, "«ВОРОНЕЖСКИЙ ГОСУДАРСТВЕННЫЙ УНИВЕРСИТЕТ»", 14.0, 107.0),
            line(1, "Математический факультет", 14.0, 155.0),
            line(
                1,
                "Кафедра алгебры и математических методов гидродинамики",
                14.0,
                184.0,
            ),
            line(
                1,
                "Изучение единственности слабых решений уравнений Навье-Стокса",
                14.0,
                273.0,
            ),
            line(1, "Бакалаврская работа", 14.0, 351.0),
            line(1, "Направление 01.03.01 Математика", 14.0, 373.0),
        ];
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("Изучение единственности слабых решений уравнений Навье-Стокса")
        );
    }

    #[test]
    fn a_table_of_contents_holds_no_title() {
        let lines = vec![
            line(2, "目录", 28.0, 147.0),
            line(2, "05 掘金：新型生产要素数据迎来", 21.0, 294.0),
            line(2, "政策红利，隐私计算顺势而为", 14.0, 312.0),
            line(2, "16 利器：隐私计算三类技术路线，", 21.0, 360.0),
        ];
        assert_eq!(read(&lines).title, None);
    }

    #[test]
    fn a_blank_line_inside_the_title_sets_its_subtitle_apart() {
        let mut lines = vec![
            line(1, "AGRICULTURAL INSURANCE", 28.0, 97.0),
            line(1, "BACKGROUND AND CONTEXT FOR", 28.0, 155.0),
            line(1, "CLIMATE ADAPTATION", 28.0, 189.0),
            line(1, "DISCUSSIONS", 28.0, 223.0),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).title.as_deref(),
            Some(
                "AGRICULTURAL INSURANCE: BACKGROUND AND CONTEXT FOR CLIMATE ADAPTATION DISCUSSIONS"
            )
        );
    }

    #[test]
    fn a_cover_of_one_size_goes_on_in_lower_case() {
        let lines = stacked(
            &[
                "WHO GUIDELINE",
                "on control and elimination",
                "of human schistosomiasis",
            ],
            40.5,
            145.0,
            48.6,
        );
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("WHO GUIDELINE on control and elimination of human schistosomiasis")
        );
    }

    #[test]
    fn a_cover_without_names_has_its_byline_overleaf() {
        let mut lines = vec![
            line(1, "Open", 72.0, 262.0),
            line(1, "and Secure", 72.0, 334.0),
            line(1, "A Manual for Practicing Threat Modeling", 36.0, 416.0),
            line(
                2,
                "Open and Secure: A Manual for Practicing Threat Modeling",
                10.0,
                66.0,
            ),
            line(
                2,
                "by Justin Cappos in collaboration with Andrés Vega",
                10.0,
                84.0,
            ),
            line(
                2,
                "and feedback of the CNCF Security Technical Advisory Group",
                10.0,
                102.0,
            ),
        ];
        assert_eq!(read(&lines).authors, ["Justin Cappos", "Andrés Vega"]);
        // Past the cover's first lines overleaf, a "by" is the text's.
        lines.splice(
            3..3,
            (0..6).map(|i| line(2, "Contents and credits", 10.0, 20.0 + i as f32)),
        );
        assert!(read(&lines).authors.is_empty());
        // A label alone on its line overleaf, the names on the next.
        let lines = [
            line(1, "Passive Acoustics Survey of Cetacean", 24.0, 146.0),
            line(1, "Abundance Levels (PASCAL-2016)", 24.0, 174.0),
            line(1, "Final Report", 24.0, 202.0),
            line(2, "Passive Acoustics Survey of Cetacean", 24.0, 146.0),
            line(2, "June 2018", 11.0, 319.0),
            line(2, "Authors:", 11.0, 357.0),
            line(
                2,
                "Jennifer L. Keating1, 2, Jay Barlow3, Emily T. Griffiths4",
                11.0,
                370.0,
            ),
        ];
        assert_eq!(
            read(&lines).authors,
            ["Jennifer L. Keating", "Jay Barlow", "Emily T. Griffiths"]
        );
    }

    #[test]
    fn blocks_of_name_and_affiliation_a_blank_line_apart_are_all_read() {
        let mut lines = vec![
            line(1, "Regime Characteristics and Transitions", 18.0, 140.0),
            line(1, "Dataset Users' Manual", 18.0, 162.0),
            line(1, "Monty G. Marshall", 12.0, 304.7),
            line(1, "Center for Systemic Peace and", 12.0, 318.5),
            line(1, "Societal-Systems Research Inc", 12.0, 332.3),
            line(1, "Ted Robert Gurr", 12.0, 373.7),
            line(1, "University of Maryland (emeritus)", 12.0, 387.5),
            line(1, "Keith Jaggers", 12.0, 428.9),
            line(1, "Colorado State University", 12.0, 442.7),
            line(1, "Introduction and Overview", 12.0, 484.0),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).authors,
            ["Monty G. Marshall", "Ted Robert Gurr", "Keith Jaggers"]
        );
    }

    #[test]
    fn an_issuers_masthead_above_the_title_is_not_the_title() {
        let mut lines = vec![
            line(1, "CENTER FOR WATER POLICY", 28.0, 40.0),
            line(1, "Water Security in the Sahel", 22.0, 120.0),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("Water Security in the Sahel")
        );
        // Alone in display type, the name is the title after all.
        lines.remove(1);
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("CENTER FOR WATER POLICY")
        );
    }

    #[test]
    fn a_date_on_the_titles_last_line_and_a_large_byline_are_not_the_title() {
        let mut lines = vec![
            line(1, "Annual State-Local", 50.0, 164.0),
            line(1, "Tax Burden Rankings", 50.0, 230.0),
            line(1, "FY 2011 April 2014", 50.0, 296.0),
            line(1, "By Elizabeth Malm", 25.0, 407.0),
            line(1, "and Gerald Prante", 25.0, 437.0),
        ];
        lines.extend(body_lines());
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some("Annual State-Local Tax Burden Rankings FY 2011")
        );
        assert_eq!(found.authors, ["Elizabeth Malm", "Gerald Prante"]);
        assert_eq!(found.date.map(|d| d.0).as_deref(), Some("2014-04"));
    }

    #[test]
    fn a_logo_acronym_is_no_title_and_capitals_end_before_mixed_case() {
        let mut lines = vec![
            line(1, "GAO", 36.0, 43.0),
            line(1, "Report to the Chairman, Subcommittee", 19.9, 45.0),
            line(1, "September 2005", 12.0, 160.0),
            line(1, "MANAGING FOR", 36.0, 157.0),
            line(1, "RESULTS", 36.0, 193.0),
            line(1, "Enhancing Agency", 36.0, 250.0),
            line(1, "Use of Performance", 36.0, 286.0),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("MANAGING FOR RESULTS: Enhancing Agency Use of Performance")
        );
    }

    #[test]
    fn a_ministrys_notice_in_the_body_size_has_its_subject_as_title() {
        let lines = stacked(
            &[
                "事務連絡",
                "平成 25 年 10 月 29 日",
                "各都道府県衛生主管部（局）薬務主管課 御中",
                "厚生労働省医薬食品局審査管理課",
                "原薬等登録原簿に関する質疑応答集（Q＆A）について（その４）",
                "原薬等登録原簿に関する質疑応答集（Q＆A）については、平成 17 年 7 月",
            ],
            12.0,
            120.0,
            50.0,
        );
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some("原薬等登録原簿に関する質疑応答集（Q＆A）について（その４）")
        );
        assert_eq!(found.date.map(|d| d.0).as_deref(), Some("2013-10-29"));
    }

    #[test]
    fn a_team_credited_from_the_cover_is_the_author_not_a_subtitle() {
        let mut lines = vec![
            line(1, "LLM AI Cybersecurity &", 41.8, 289.0),
            line(1, "Governance Checklist", 41.8, 331.0),
            line(1, "From the OWASP Top 10", 23.9, 401.0),
            line(1, "for LLM Applications Team", 23.9, 425.0),
        ];
        lines.extend(body_lines());
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some("LLM AI Cybersecurity & Governance Checklist")
        );
        assert_eq!(found.authors, ["OWASP Top 10 for LLM Applications Team"]);
        // A subtitle that starts the same way names no organisation.
        lines[2] = line(1, "From the Farm to the Fork", 23.9, 401.0);
        lines.remove(3);
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("LLM AI Cybersecurity & Governance Checklist From the Farm to the Fork")
        );
    }

    #[test]
    fn a_surname_hyphenated_at_the_lines_end_is_whole() {
        let mut lines = vec![
            line(1, "Software Supply Chain Best Practices", 42.0, 433.0),
            line(1, "James Carnegie", 9.0, 695.0),
            line(1, "Ben Cotton", 9.0, 709.0),
            line(1, "Aditya Sirish A Yelgund-", 9.0, 723.0),
            line(1, "halli", 9.0, 737.0),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).authors,
            [
                "James Carnegie",
                "Ben Cotton",
                "Aditya Sirish A Yelgundhalli"
            ]
        );
    }

    #[test]
    fn a_year_under_a_covers_title_in_its_size_is_the_titles() {
        let mut bold = line(1, "Jahresabschluss", 50.0, 424.0);
        bold.bold = true;
        let year = line(1, "2021", 50.0, 486.0);
        assert_eq!(
            read(&[bold, year]).title.as_deref(),
            Some("Jahresabschluss 2021")
        );
    }

    #[test]
    fn a_turkish_letterheads_issuer_is_no_title() {
        let lines = stacked(
            &[
                "Atatürk Üniversitesi Rektörlüğünden:",
                "ÖNCELİKLİ ALAN ARAŞTIRMA GÖREVLİSİ ALIM İLANI",
                "Üniversitemizin aşağıda yazılı birimine, 2547 sayılı Kanunun ilgili maddeleri ve",
            ],
            9.0,
            8.0,
            12.0,
        );
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("ÖNCELİKLİ ALAN ARAŞTIRMA GÖREVLİSİ ALIM İLANI")
        );
    }

    #[test]
    fn contents_press_banners_addressees_and_other_dates() {
        let mut lines = vec![
            line(1, "Pressenotiz", 16.0, 127.0),
            line(1, "Frankfurt am Main", 11.0, 158.0),
            line(1, "31. August 2023", 11.0, 171.0),
            line(1, "Ankündigung Tenderverfahren", 14.0, 230.0),
            line(1, "Fälligkeit: 15. April 2033", 11.0, 384.0),
        ];
        lines.extend(body_lines());
        let found = read(&lines);
        assert_eq!(found.title.as_deref(), Some("Ankündigung Tenderverfahren"));
        assert_eq!(found.date.map(|d| d.0).as_deref(), Some("2023-08-31"));
        let due = [line(1, "Application due date: 15 April 2033", 11.0, 100.0)];
        assert_eq!(read(&due).date, None);
        assert!(is_genre_line("CONTENTS / 目录 热点 | Hot"));
        assert!(is_genre_line("Conference Paper"));
        assert!(is_genre_line("Codebook"));
        assert!(is_genre_line("PROJET DE FIN D’ETUDES"));
        assert!(is_genre_line("Rapport de stage"));
        assert!(is_genre_line("– User’s Guide –"));
        assert!(is_genre_line(
            "Table of contents: 0. AI SECURITY OVERVIEW 4"
        ));
        assert!(!is_genre_line("Índice de Desarrollo Humano"));
        assert!(is_genre_line("各都道府県衛生主管部（局）薬務主管課 御中"));
        assert!(!is_title_like("Bard's Dancing Shoes .............. 20"));
        assert!(!is_title_like("0. AI SECURITY OVERVIEW 4"));
        // A year is no page number; a title's date that ends its phrase stays.
        assert!(is_title_like("2. Outlook for 2025 and Beyond in 2030"));
        assert_eq!(
            without_trailing_date("The Agreement of 24 December 2020"),
            "The Agreement of 24 December 2020"
        );
        assert!(!is_other_role_line("Photosynthesis in the Sahel"));
        assert!(is_other_role_line("Photos: Jane Doe"));
        // A supervisor's label, with French spacing before its colon.
        assert!(is_other_role_line("Tuteur : Marie-Pierre Gervais"));
        assert!(is_other_role_line("Orientador: Prof. Dr. João Silva"));
    }

    #[test]
    fn a_title_ending_with_a_dash_goes_on_below_in_any_size() {
        let mut lines = vec![
            line(
                1,
                "International Public License Agreement of siMPle –",
                16.0,
                119.0,
            ),
            line(
                1,
                "Software for the automated detection of microplastic",
                9.0,
                138.0,
            ),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).title.as_deref(),
            Some(
                "International Public License Agreement of siMPle – Software for the automated \
                 detection of microplastic"
            )
        );
    }

    #[test]
    fn banners_of_a_pieces_kind_are_not_titles_or_subtitles() {
        for banner in ["Key takeaways", "COMMENTARY", "In Focus"] {
            let mut lines = vec![
                line(1, banner, 24.0, 40.0),
                line(1, "Water Security in the Sahel", 20.0, 120.0),
                line(1, "A Report of the CSIS Africa Program", 14.0, 150.0),
            ];
            lines.extend(body_lines());
            let found = read(&lines);
            assert_eq!(
                found.title.as_deref(),
                Some("Water Security in the Sahel"),
                "{banner}"
            );
            assert_eq!(found.subtitle, None);
        }
    }

    #[test]
    fn a_unit_with_its_writer_under_it_gives_the_writer() {
        let mut lines = vec![
            line(1, "탄소중립ᆞ녹색성장 기본법 일부개정법률안", 26.0, 250.0),
            line(1, "2024. 5.", 18.0, 560.0),
            line(1, "환경노동위원회", 21.0, 670.0),
            line(1, "수석전문위원 오창석", 17.0, 710.0),
        ];
        lines.extend(body_lines());
        assert_eq!(read(&lines).authors, ["오창석"]);
        // Without a person under it, the unit is the author.
        lines.remove(3);
        assert_eq!(read(&lines).authors, ["환경노동위원회"]);
    }

    #[test]
    fn people_named_after_a_funder_are_the_authors() {
        let mut lines = vec![
            line(
                1,
                "The Impact of Open Access Latin American Scholarship",
                36.0,
                302.0,
            ),
            line(1, "Andrew W. Mellon Foundation", 16.0, 533.0),
            line(1, "Grant 1711-05155", 16.0, 554.0),
            line(1, "December 19, 2019", 16.0, 575.0),
            line(1, "John Kiplinger", 16.0, 641.0),
            line(1, "Valerie Yaw", 16.0, 662.0),
        ];
        lines.extend(body_lines());
        assert_eq!(read(&lines).authors, ["John Kiplinger", "Valerie Yaw"]);
        // A notice in capitals after the organisation names no one.
        lines.truncate(4);
        lines.push(line(1, "EFFECTIVE DATE", 16.0, 641.0));
        lines.extend(body_lines());
        assert_eq!(read(&lines).authors, ["Andrew W. Mellon Foundation"]);
    }

    #[test]
    fn bylines_in_the_languages_of_briefs() {
        assert_eq!(
            strip_by("Contributors: Jane Doe, John Smith"),
            Some("Jane Doe, John Smith")
        );
        assert_eq!(strip_by("Lead author: Jane Doe"), Some("Jane Doe"));
        assert_eq!(strip_by("Autores: Juana Pérez"), Some("Juana Pérez"));
        assert_eq!(strip_by("Por Juana Pérez"), Some("Juana Pérez"));
        assert_eq!(strip_by("Por una nueva política"), None);
    }

    #[test]
    fn editors_credited_beside_the_authors_are_not_authors() {
        let title = line(1, "Water Security in the Sahel", 22.0, 90.0);
        let byline = line(1, "Written by Jane Doe | Edited by Max Roe", 10.0, 130.0);
        assert_eq!(read(&[title.clone(), byline]).authors, ["Jane Doe"]);
        let editors = line(1, "Edited by Max Roe and Ann Poe", 10.0, 130.0);
        let names = line(1, "Jane Doe and John Smith", 10.0, 145.0);
        assert_eq!(
            read(&[title, editors, names]).authors,
            ["Jane Doe", "John Smith"]
        );
    }

    #[test]
    fn a_sentence_starting_with_by_is_no_byline() {
        assert_eq!(strip_by("By Jane Doe"), Some("Jane Doe"));
        assert_eq!(
            strip_by("By exercising the Licensed Rights (defined below), You accept"),
            None
        );
        assert_eq!(strip_by("Developed by the"), Some("the"));
        assert_eq!(strip_by("By the"), Some("the"));
        assert_eq!(strip_by("By van der Knijff"), Some("van der Knijff"));
    }

    #[test]
    fn identifiers_are_not_titles_but_names_with_digits_are() {
        assert!(is_identifier_line("arXiv:1504.06236v2 [cs.SI] 24 Apr 2015"));
        assert!(is_identifier_line("hep-ph/9412269 09 Dec 94"));
        assert!(is_identifier_line("10.1000/182 is the DOI"));
        // A statement's number before its title is no identifier.
        assert!(!is_identifier_line("PS16/24 – Operational"));
        assert!(!is_identifier_line(
            "h2oGPT: Democratizing Large Language Models"
        ));
        assert!(is_title_like("h2oGPT: Democratizing Large Language Models"));
    }

    #[test]
    fn page_numbers_are_running_heads_not_titles() {
        assert!(is_running_head("272 Notes"));
        assert!(is_running_head("Seite 1092"));
        assert!(is_running_head("Page 12"));
        assert!(is_running_head("Page 1/2"));
        assert!(is_running_head("Page 3 of 12"));
        assert!(!is_running_head("100 Years of Solitude"));
        assert!(!is_running_head("Page Layout Analysis"));
    }

    #[test]
    fn a_grid_of_names_over_their_affiliations() {
        let cells = |text: &str, top: f32, items: &[&str]| set_apart(text, 10.0, top, items);
        let body = "When writing and talking, people sometimes pause to think. Although";
        let lines = [
            line(
                1,
                "Quiet-STaR: Language Models Can Teach Themselves",
                14.0,
                80.0,
            ),
            cells(
                "Eric Zelikman Georges Harik",
                134.0,
                &["Eric Zelikman", "Georges Harik"],
            ),
            cells(
                "Stanford University Notbad AI Inc",
                145.0,
                &["Stanford University", "Notbad AI Inc"],
            ),
            cells(
                "Nick Haber Noah D. Goodman",
                174.0,
                &["Nick Haber", "Noah D. Goodman"],
            ),
            cells(
                "Stanford University Stanford University",
                185.0,
                &["Stanford University", "Stanford University"],
            ),
            line(1, "Abstract", 12.0, 224.0),
            line(1, body, 10.0, 252.0),
            line(1, body, 10.0, 264.0),
        ];
        assert_eq!(
            read(&lines).authors,
            [
                "Eric Zelikman",
                "Georges Harik",
                "Nick Haber",
                "Noah D. Goodman"
            ]
        );
    }

    #[test]
    fn a_list_ending_its_line_with_a_comma_goes_on_past_a_wide_gap() {
        let body = "We train a harmless assistant through self-improvement, without any";
        let lines = [
            line(
                1,
                "Constitutional AI: Harmlessness from AI Feedback",
                17.0,
                99.0,
            ),
            line(
                1,
                "Yuntao Bai∗, Saurav Kadavath, Sandipan Kundu,",
                10.0,
                157.0,
            ),
            line(1, "Andy Jones, Anna Chen, Jared Kaplan∗", 10.0, 187.0),
            line(1, body, 10.0, 300.0),
            line(1, body, 10.0, 312.0),
        ];
        assert_eq!(read(&lines).authors.len(), 6);
    }

    #[test]
    fn a_name_cut_at_the_end_of_a_list_line_is_joined() {
        let body = "The body of the article goes on in its own smaller size for a while.";
        let lines = [
            line(1, "Genome analysis of the platypus", 24.0, 100.0),
            line(
                1,
                "Katherine Belov3, Robert Miller4, Randy Jirtle5, Kerstin",
                16.0,
                140.0,
            ),
            line(
                1,
                "Lindblad-Toh6, Eric S. Lander6 and Richard K. Wilson7",
                16.0,
                159.0,
            ),
            line(1, body, 9.0, 300.0),
            line(1, body, 9.0, 312.0),
        ];
        assert_eq!(
            read(&lines).authors,
            [
                "Katherine Belov",
                "Robert Miller",
                "Randy Jirtle",
                "Kerstin Lindblad-Toh",
                "Eric S. Lander",
                "Richard K. Wilson"
            ]
        );
        // Set double-spaced (two sizes apart), with an ampersand glued to
        // the name before it.
        let lines = [
            line(1, "Nudging at Scale", 21.0, 118.0),
            line(1, "Edward Jee §, Mubarak", 14.0, 253.0),
            line(1, "Taighoon Shah¶& Danya Arif Siddiqi", 14.0, 283.0),
            line(1, body, 11.0, 400.0),
            line(1, body, 11.0, 417.0),
        ];
        assert_eq!(
            read(&lines).authors,
            ["Edward Jee", "Mubarak Taighoon Shah", "Danya Arif Siddiqi"]
        );
    }

    #[test]
    fn a_line_in_another_typeface_under_the_title_is_no_subtitle() {
        let face = |text: &str, size: f32, top: f32, family: &str| PrintedLine {
            family: family.into(),
            ..line(1, text, size, top)
        };
        let body = "The body of the guide goes on in its own smaller size for a while.";
        let cover = |tagline_family: &str| {
            read(&[
                face("Open and Secure", 72.0, 100.0, "fomalhaut"),
                face(
                    "A Manual for Practicing Threat Modeling",
                    36.0,
                    170.0,
                    tagline_family,
                ),
                face("Jane Doe", 12.0, 300.0, "fomalhaut"),
                face(body, 10.0, 400.0, "minion"),
                face(body, 10.0, 412.0, "minion"),
            ])
        };
        let other = cover("playfairdisplay");
        assert_eq!(other.title.as_deref(), Some("Open and Secure"));
        assert_eq!(other.subtitle, None);
        // The tagline is no author either.
        assert_eq!(other.authors, ["Jane Doe"]);
        let same = cover("fomalhaut");
        assert_eq!(
            same.title.as_deref(),
            Some("Open and Secure: A Manual for Practicing Threat Modeling")
        );
        // A line that goes on with the phrase keeps it, whatever its face
        // ("THE CONSTITUTION" / "of the United States" in a script).
        let phrase = read(&[
            face("THE CONSTITUTION", 41.0, 100.0, "agaramond"),
            face("of the United States", 24.5, 150.0, "lorenne"),
            face(body, 10.0, 400.0, "agaramond"),
            face(body, 10.0, 412.0, "agaramond"),
        ]);
        assert_eq!(
            phrase.title.as_deref(),
            Some("THE CONSTITUTION of the United States")
        );
    }

    #[test]
    fn a_thesis_title_under_its_genre_banner_in_the_body_size() {
        let body = "Актуальность темы исследования обусловлена ростом интереса к вопросу.";
        let lines = [
            line(
                1,
                "Федеральное государственное бюджетное учреждение",
                12.0,
                58.0,
            ),
            line(1, "высшего образования", 12.0, 72.0),
            line(1, "БАКАЛАВРСКАЯ РАБОТА", 15.0, 224.0),
            line(1, "«НЕЭКОНОМИЧЕСКИЕ ФАКТОРЫ ИНВЕСТИЦИОННОЙ", 14.0, 253.0),
            line(1, "ПРИВЛЕКАТЕЛЬНОСТИ ТЕРРИТОРИЙ»", 14.0, 269.0),
            line(2, body, 14.0, 100.0),
            line(2, body, 14.0, 120.0),
            line(2, body, 14.0, 140.0),
        ];
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("НЕЭКОНОМИЧЕСКИЕ ФАКТОРЫ ИНВЕСТИЦИОННОЙ ПРИВЛЕКАТЕЛЬНОСТИ ТЕРРИТОРИЙ")
        );
        // "SKRIPSI" (a bachelor's thesis) is no title; nor is an Italian
        // university's name set as large as the title.
        let skripsi = read(&[
            line(1, "Università degli Studi di Padova", 17.0, 200.0),
            line(1, "Tesi di Laurea", 12.0, 290.0),
            line(1, "Sperimentazione di Apache Kafka", 17.0, 410.0),
            line(1, "Andrea Dorigo", 10.0, 600.0),
            line(1, body, 10.0, 650.0),
            line(1, body, 10.0, 662.0),
        ]);
        assert_eq!(
            skripsi.title.as_deref(),
            Some("Sperimentazione di Apache Kafka")
        );
    }

    #[test]
    fn analysts_named_with_their_registration_numbers_are_the_authors() {
        let lines = [
            line(1, "华泰价值选股之 FFScore 模型", 20.0, 80.0),
            line(1, "林晓明 执业证书编号：S0570516010001", 10.0, 124.0),
            line(1, "研究员 0755-82080134", 9.0, 134.0),
            set_apart(
                "王湘 执业证书编号：S0570516100001",
                10.0,
                160.0,
                &["王湘", "执业证书编号：S0570516100001"],
            ),
            line(1, "陈杰 A0230513080006", 9.0, 457.0),
            line(1, "联系人", 9.0, 505.0),
            line(1, "朱晓峰 (8621)23297818", 9.0, 520.0),
            line(
                1,
                "本报告的正文从这里开始，介绍模型的构建与实证结果。",
                10.0,
                600.0,
            ),
        ];
        assert_eq!(read(&lines).authors, ["林晓明", "王湘", "陈杰"]);
    }

    #[test]
    fn a_form_label_before_the_title_and_a_unit_masthead_are_left_out() {
        assert_eq!(
            without_title_label("Policy name: Management of Security at Visits"),
            "Management of Security at Visits"
        );
        assert_eq!(without_title_label("Titre : Les communs"), "Les communs");
        assert_eq!(
            without_title_label("Open and Secure: A Manual"),
            "Open and Secure: A Manual"
        );
        // A Nature journal's open-access badge; a title in capitals keeps it.
        assert_eq!(
            without_title_label("OPEN Spatial-temporal distribution of dengue"),
            "Spatial-temporal distribution of dengue"
        );
        assert_eq!(
            without_title_label("OPEN GOVERNMENT DATA IN EUROPE"),
            "OPEN GOVERNMENT DATA IN EUROPE"
        );
        assert!(is_unit_name("Department of Computer Science"));
        assert!(is_unit_name("Centro de Informática"));
        assert!(is_unit_name(
            "PROGRAMA DE PÓS-GRADUAÇÃO EM CIÊNCIA POLÍTICA"
        ));
        assert!(is_genre_line("РАБОТА БАКАЛАВРА"));
        assert!(is_genre_line("Raport"));
        assert!(crate::brief::publisher::is_masthead("UNITED NATIONS"));
        assert!(!is_unit_name(
            "Department of Defense Strategy for Operations in the Information Environment"
        ));
        let lines = [
            line(1, "Department of Computer Science", 17.0, 65.0),
            line(1, "George Mason University Technical Reports", 12.0, 85.0),
            line(1, "How to Make a Technical Report (Rev. 3)", 17.0, 132.0),
            line(1, "Sean Luke", 12.0, 171.0),
            line(
                1,
                "The following document describes the preferred formatting.",
                10.0,
                274.0,
            ),
            line(
                1,
                "The following document describes the preferred formatting.",
                10.0,
                286.0,
            ),
            line(
                1,
                "The following document describes the preferred formatting.",
                10.0,
                298.0,
            ),
        ];
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("How to Make a Technical Report (Rev. 3)")
        );
    }

    #[test]
    fn names_with_their_email_addresses_beside_them_are_the_authors() {
        let lines = [
            line(1, "Forecast Evaluation Tests", 17.0, 103.0),
            line(1, "in the Presence of Instabilities", 17.0, 125.0),
            line(
                1,
                "Barbara Rossi (barbararossi.work@gmail.com)",
                12.0,
                221.0,
            ),
            line(
                1,
                "Francesca Loria (francescaloria.work@gmail.com)",
                12.0,
                235.0,
            ),
            line(1, "April 6, 2018", 12.0, 265.0),
            line(
                1,
                "We thank Tatevik Sekhposyan for comments on an earlier draft.",
                10.0,
                702.0,
            ),
            line(
                1,
                "We thank Tatevik Sekhposyan for comments on an earlier draft.",
                10.0,
                714.0,
            ),
            line(
                1,
                "We thank Tatevik Sekhposyan for comments on an earlier draft.",
                10.0,
                726.0,
            ),
        ];
        assert_eq!(read(&lines).authors, ["Barbara Rossi", "Francesca Loria"]);
        assert_eq!(without_email("jd@example.org"), "jd@example.org");
    }

    #[test]
    fn the_session_8_reviews_counter_examples_read_right() {
        // A two-digit mark a space after a name; lines that only look
        // marked are no names.
        assert_eq!(
            split_names("Nicholas R. de Barros 12, Francisco Jr2"),
            ["Nicholas R. de Barros", "Francisco Jr"]
        );
        assert!(!looks_like_names("Key Stage 3, Year 9"));
        assert!(!looks_like_names("Module 3, Unit 2"));
        // A capital "E", "Y" or "Do" in mixed case ties nothing.
        assert_eq!(
            full_title("Generation Y", "Millennials at Work"),
            "Generation Y: Millennials at Work"
        );
        assert_eq!(
            full_title("Economic Sanctions", "Do They Work?"),
            "Economic Sanctions: Do They Work?"
        );
        assert!(ends_mid_phrase("MORPHOLOGICAL PARSER UNTUK TEKS DALAM"));
        assert!(ends_mid_phrase("Sperimentazione di Apache Kafka per"));
        assert!(!ends_mid_phrase("Hepatitis E"));
        assert!(ends_mid_phrase(
            "A REPRESENTAÇÃO DO DIÁLOGO GÊNERO-CIÊNCIA NOS"
        ));
        // Countries and cities that read like names are no one's.
        let common = CommonWords::default();
        assert_eq!(name_kind("Cabo Verde", &common), NameKind::Phrase);
        assert_eq!(name_kind("Santiago de Chile", &common), NameKind::Phrase);
        assert_eq!(name_kind("Sierra Leone", &common), NameKind::Phrase);
        assert_eq!(name_kind("Verde Cabo", &common), NameKind::Person);
        // A year as an adjective sets no subtitle apart.
        let body = "The body of the report goes on in its own smaller size for a while.";
        let lines = [
            line(1, "Lessons from the 2015", 30.0, 100.0),
            line(1, "Nepal Earthquake", 30.0, 136.0),
            line(1, body, 10.0, 400.0),
            line(1, body, 10.0, 412.0),
        ];
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("Lessons from the 2015 Nepal Earthquake")
        );
        // A unit's document is a title, not a masthead.
        assert!(!is_unit_name("School of Nursing Strategic Plan"));
        // Facts: no empty line, no single code word.
        assert!(!is_fact_line(""));
        assert!(!is_fact_line("Horizon: H2020"));
        assert!(is_fact_line("BSG-WP-2020/034"));
        assert!(!is_fact_line("2021–2025"));
        assert!(is_fact_line("ISSN 2950-7243"));
        // A release of the work, its number dotted.
        assert!(is_fact_line("ICCT Roadmap model v1.10.0 documentation"));
        assert!(!is_fact_line("Lessons from the v-shaped recovery of 2020"));
        // Statement numbers side by side.
        assert!(is_fact_line(
            "PRA policy statement 16/24 | FCA policy statement 24/16"
        ));
        assert!(!is_fact_line("Work and family | The state of care"));
        // A document's number before its title, set off by a dash.
        assert_eq!(
            without_leading_code("PS16/24 – Operational resilience"),
            "Operational resilience"
        );
        assert_eq!(
            without_leading_code("090 - Stress Test Data Framework Manual"),
            "Stress Test Data Framework Manual"
        );
        assert_eq!(without_leading_code("2030 – A Vision"), "2030 – A Vision");
        assert_eq!(
            without_leading_code("COVID-19 – Lessons Learned"),
            "COVID-19 – Lessons Learned"
        );
        assert!(is_fact_line("ISBN: 978-92-64-30000-1"));
        assert!(!is_fact_line("Doing Business"));
        assert!(!is_fact_line("COVID-19"));
        assert!(is_fact_line("Report No: ABC/2021/17"));
    }

    #[test]
    fn names_in_the_titles_size_set_apart_are_the_authors() {
        let body = "We study the effects of a credit crunch on consumer spending here.";
        let lines = [
            line(
                1,
                "CREDIT CRISES, PRECAUTIONARY SAVINGS, AND THE",
                10.0,
                72.0,
            ),
            line(1, "LIQUIDITY TRAP∗", 10.0, 84.0),
            line(1, "VERONICA GUERRIERI AND GUIDO LORENZONI", 10.0, 104.5),
            line(1, body, 8.0, 132.0),
            line(1, body, 8.0, 144.0),
            line(1, body, 8.0, 156.0),
            line(1, body, 8.0, 168.0),
        ];
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some("CREDIT CRISES, PRECAUTIONARY SAVINGS, AND THE LIQUIDITY TRAP")
        );
        assert_eq!(found.authors, ["VERONICA GUERRIERI", "GUIDO LORENZONI"]);
    }

    #[test]
    fn a_line_with_an_email_address_is_no_title() {
        assert!(!is_title_like(
            "Michel TARBY - michel.tarby@inrae.fr Dernière MàJ : 17/10/2025"
        ));
        assert!(is_title_like(
            "FAGRESCUE - Traitements 2025 - Données multispectrales"
        ));
        assert!(is_title_like("Why @mentions Matter on Social Platforms"));
    }

    #[test]
    fn a_title_inside_quotation_marks_is_read_without_them() {
        assert_eq!(
            without_enclosing_quotes("«НЕЭКОНОМИЧЕСКИЕ ФАКТОРЫ»"),
            "НЕЭКОНОМИЧЕСКИЕ ФАКТОРЫ"
        );
        assert_eq!(without_enclosing_quotes("“Water for All”"), "Water for All");
        assert_eq!(
            without_enclosing_quotes("The \"Artistic License\""),
            "The \"Artistic License\""
        );
        // Two quoted phrases are no quoted title.
        assert_eq!(
            without_enclosing_quotes("\"Yes\" and \"No\""),
            "\"Yes\" and \"No\""
        );
    }

    #[test]
    fn an_issuers_name_over_two_lines_is_a_masthead() {
        // A thesis cover: the university, its faculty and its centre in
        // the largest size, each name running over two lines.
        let lines = [
            line(1, "UNIVERSIDAD TECNOLÓGICA", 23.0, 96.0),
            line(1, "DE PANAMÁ", 23.0, 122.0),
            line(1, "FACULTAD DE INGENIERÍA DE", 23.0, 187.0),
            line(1, "SISTEMAS COMPUTACIONALES", 23.0, 216.0),
            line(1, "CENTRO REGIONAL DE VERAGUAS", 23.0, 264.0),
            line(1, "Prototipo de cubo de basura", 19.0, 328.0),
            line(1, "inteligente basado en Arduino", 19.0, 344.0),
            line(1, "PRESENTA:", 16.0, 450.0),
            line(1, "Arland Barrera", 16.0, 478.0),
            line(
                2,
                "1 Capítulo 2: Marco Teórico y estado del arte del reciclaje",
                12.0,
                120.0,
            ),
            line(
                2,
                "1.1 Área de Investigación y sostenibilidad de los residuos",
                12.0,
                136.0,
            ),
            line(
                2,
                "1.1.1 Inteligencia artificial en el reciclaje de residuos",
                12.0,
                152.0,
            ),
        ];
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some("Prototipo de cubo de basura inteligente basado en Arduino")
        );
        assert_eq!(found.authors, ["Arland Barrera"]);
    }

    #[test]
    fn a_line_between_dashes_under_the_title_is_its_subtitle() {
        let body = "The body of the report goes on in its own smaller size for a while.";
        let lines = [
            line(1, "卒業研究報告書", 20.0, 216.0),
            line(1, "聴覚障害者のための音楽情報呈示", 24.0, 269.0),
            line(1, "-振動スピーカーによる伝達装置の作製-", 24.0, 305.0),
            line(1, body, 11.0, 700.0),
            line(1, body, 11.0, 714.0),
        ];
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("聴覚障害者のための音楽情報呈示: 振動スピーカーによる伝達装置の作製")
        );
        assert_eq!(between_dashes("- 2023 -"), None);
        assert_eq!(between_dashes("-A-B-"), None);
    }

    #[test]
    fn an_act_of_the_union_is_titled_as_the_official_journal_prints_it() {
        let lines = [
            line(1, "I", 12.8, 95.0),
            line(1, "(Legislative acts)", 9.6, 122.0),
            line(1, "REGULATIONS", 17.0, 173.0),
            line(
                1,
                "REGULATION (EU) 2022/2554 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL",
                9.6,
                229.0,
            ),
            line(1, "of 14 December 2022", 9.6, 246.0),
            line(
                1,
                "on digital operational resilience for the financial sector",
                9.6,
                263.0,
            ),
            line(1, "(Text with EEA relevance)", 8.5, 298.0),
            line(
                1,
                "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,",
                8.5,
                347.0,
            ),
            line(
                1,
                "Having regard to the Treaty on the Functioning of the European Union,",
                9.6,
                375.0,
            ),
        ];
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some(
                "REGULATION (EU) 2022/2554 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 14 December 2022 on digital operational resilience for the financial sector"
            )
        );
        assert!(found.authors.is_empty());
        // In French, numbered "No" the older way, its number carried over
        // to a line of its own.
        let mut lines = lines.to_vec();
        lines[2] = line(1, "RÈGLEMENTS", 17.0, 173.0);
        lines[3] = line(
            1,
            "RÈGLEMENT (UE) No 2018/858 DU PARLEMENT EUROPÉEN ET DU CONSEIL",
            9.6,
            229.0,
        );
        lines[4] = line(1, "du 30 mai 2018", 9.6, 246.0);
        lines[5] = line(1, "abrogeant la directive", 9.6, 263.0);
        lines[6] = line(1, "2007/46/CE", 9.6, 274.0);
        lines.insert(
            7,
            line(1, "(Texte présentant de l'intérêt pour l'EEE)", 8.5, 298.0),
        );
        assert_eq!(
            read(&lines).title.as_deref(),
            Some(
                "RÈGLEMENT (UE) No 2018/858 DU PARLEMENT EUROPÉEN ET DU CONSEIL du 30 mai 2018 abrogeant la directive 2007/46/CE"
            )
        );
    }

    #[test]
    fn a_documents_kind_and_number_over_small_print_is_not_its_title() {
        let cover = |second: (&str, f32)| {
            let mut lines = vec![
                line(1, "Directive 060", 24.0, 117.0),
                line(1, second.0, second.1, 169.0),
                line(1, "Effective date: June 19, 2025", 10.0, 186.0),
                line(
                    1,
                    "Upstream Petroleum Industry Flaring, Incinerating, and Venting",
                    14.0,
                    240.0,
                ),
            ];
            lines.extend(body_lines());
            read(&lines).title
        };
        assert_eq!(
            cover(("Release date: June 19, 2025", 10.0)).as_deref(),
            Some("Upstream Petroleum Industry Flaring, Incinerating, and Venting")
        );
        // Its title a little smaller right under it goes on with it.
        assert_eq!(
            cover(("Flaring and Venting", 22.0)).as_deref(),
            Some("Directive 060 Flaring and Venting")
        );
    }

    #[test]
    fn a_japanese_thesis_names_its_student_after_the_number_or_department() {
        let cover = |rows: &[&str]| {
            let mut lines = vec![
                line(1, "卒業論文", 20.0, 101.0),
                line(1, "環境エネルギー駆動型センサノードの電力制御", 20.0, 238.0),
            ];
            for (i, row) in rows.iter().enumerate() {
                lines.push(line(1, row, 14.0, 518.0 + 40.0 * i as f32));
            }
            lines.extend(body_lines().into_iter().map(|mut l| {
                l.page = 2;
                l
            }));
            read(&lines).authors
        };
        assert_eq!(
            cover(&["研究指導 : 内田健康教授", "1Y15F148-5 吉竹 孝明"]),
            ["吉竹 孝明"]
        );
        assert_eq!(
            cover(&["電子情報工学科 白石 覚也", "指導教員：大墳 聡"]),
            ["白石 覚也"]
        );
        assert_eq!(cover(&["29B20038", "丹羽英人"]), ["丹羽英人"]);
        // The supervisor after his label is no student.
        assert!(cover(&["指導教員： 大墳 聡"]).is_empty());
    }

    #[test]
    fn a_manuals_genre_between_dashes_and_its_byline_are_not_its_subtitle() {
        let mut lines = vec![
            line(1, "ERNIE: a tool to study the Tor network", 17.2, 163.0),
            line(1, "– User’s Guide –", 17.2, 185.0),
            line(
                1,
                "by Karsten Loesing <karsten@torproject.org>",
                12.0,
                218.0,
            ),
            line(1, "April 13, 2010", 12.0, 241.0),
        ];
        lines.extend(body_lines());
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some("ERNIE: a tool to study the Tor network")
        );
        assert_eq!(found.authors, ["Karsten Loesing"]);
        // A genre the line above leaves mid-phrase is part of the title.
        let mut lines = vec![
            line(1, "DIAGNOSTIC SIMULATOR METHODOLOGICAL NOTE &", 20.0, 163.0),
            line(1, "USER GUIDE", 20.0, 187.0),
        ];
        lines.extend(body_lines());
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("DIAGNOSTIC SIMULATOR METHODOLOGICAL NOTE & USER GUIDE")
        );
    }

    #[test]
    fn a_consolidated_law_is_titled_without_its_number_and_short_name() {
        let body = "Le Conseil fédéral suisse, vu la loi fédérale du 19 décembre 1958 sur la circulation routière, arrête les dispositions suivantes.";
        let ordinance = |title_size: f32| {
            let mut lines = vec![
                line(1, "741.41", 12.0, 30.0),
                line(1, "Ordonnance", 12.0, 37.0),
                line(1, "concernant les exigences techniques", title_size, 49.0),
                line(1, "pour les véhicules routiers", title_size, 61.0),
                line(1, "(OETV)", 10.0, 77.0),
                line(1, "du 19 juin 1995 (Etat le 1er mai 2019)", 9.0, 109.0),
            ];
            for i in 0..6 {
                lines.push(line(1, body, 9.0, 143.0 + 14.0 * i as f32));
            }
            read(&lines)
        };
        // The short name under a title in larger type, and in its type.
        for title_size in [12.0, 10.0] {
            let found = ordinance(title_size);
            assert_eq!(
                found.title.as_deref(),
                Some("Ordonnance concernant les exigences techniques pour les véhicules routiers")
            );
            // The edition's date, not the act's.
            assert_eq!(found.date.map(|d| d.0).as_deref(), Some("2019-05-01"));
        }
    }

    #[test]
    fn an_act_is_dated_by_the_journal_that_published_it() {
        assert_eq!(
            official_journal_date("27.6.2013 EN Official Journal of the European Union L 176/1"),
            Some(("2013-06-27".to_string(), "27.6.2013".to_string()))
        );
        assert_eq!(
            official_journal_date("L 151/1 Journal officiel de l'Union européenne FR 14.6.2018"),
            Some(("2018-06-14".to_string(), "14.6.2018".to_string()))
        );
        assert_eq!(official_journal_date("Bulletin officiel 27.6.2013"), None);
    }

    #[test]
    fn banners_and_a_thesis_authors_name_are_no_titles() {
        let body = "The body of the report goes on in its own smaller size for a while.";
        let with_body = |mut lines: Vec<PrintedLine>| {
            lines.push(line(1, body, 11.0, 700.0));
            lines.push(line(1, body, 11.0, 714.0));
            read(&lines).title
        };
        // An FDA guidance's banner above its title.
        let fda = vec![
            line(1, "Guidance for Industry", 36.0, 76.0),
            line(1, "Questions and Answers Regarding", 26.0, 130.0),
            line(1, "Adverse Event Reporting", 26.0, 160.0),
        ];
        assert_eq!(
            with_body(fda).as_deref(),
            Some("Questions and Answers Regarding Adverse Event Reporting")
        );
        // A Russian thesis: the author's surname, name and patronymic in
        // the title's size.
        let thesis = vec![
            line(
                1,
                "Санкт-Петербургский государственный университет",
                14.0,
                59.0,
            ),
            line(1, "ПАВЛОВ Михаэль Вячеславович", 17.0, 177.0),
            line(1, "Выпускная квалификационная работа", 17.0, 221.0),
            line(1, "Нейросетевые методы тестирования", 17.0, 251.0),
        ];
        assert_eq!(
            with_body(thesis.clone()).as_deref(),
            Some("Нейросетевые методы тестирования")
        );
        // … and that name is its author, not the supervisor's.
        let mut lines = thesis;
        lines.push(line(1, "Научный руководитель:", 14.0, 550.0));
        lines.push(line(1, "Иванов Иван Иванович", 14.0, 571.0));
        assert_eq!(read(&lines).authors, ["ПАВЛОВ Михаэль Вячеславович"]);
        // A Taiwanese master's thesis: the programme and the genre.
        let thesis = vec![
            line(1, "資訊工程系碩士班", 24.0, 167.0),
            line(1, "碩士學位論文", 24.0, 203.0),
            line(1, "利用 Robusta 消除例外處理壞味道", 24.0, 329.0),
        ];
        assert_eq!(
            with_body(thesis).as_deref(),
            Some("利用 Robusta 消除例外處理壞味道")
        );
    }

    #[test]
    fn small_print_read_inside_a_cover_title_leaves_the_title_whole() {
        // The cover holds little but its title, so the title's size is
        // the body's; the logo's small print is read before its last line.
        let lines = [
            line(1, "Your Guide to", 30.0, 396.0),
            line(1, "Unemployment", 30.0, 430.0),
            line(1, "COLORADOUI.GOV", 6.2, 478.0),
            line(1, "Benefits", 30.0, 464.0),
        ];
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("Your Guide to Unemployment Benefits")
        );
    }

    #[test]
    fn small_print_read_between_a_titles_lines_leaves_the_title_whole() {
        let lines = [
            line(1, "Research Article", 11.0, 66.0),
            line(1, "The 2023/24 VIEWS Prediction", 18.0, 103.0),
            line(1, "2025, Vol. 62(6) 2070–2087", 8.0, 102.0),
            line(1, "© The Author(s) 2025", 8.0, 112.0),
            line(1, "challenge: Predicting the number of", 18.0, 123.0),
            line(1, "Article reuse guidelines:", 8.0, 137.0),
            line(
                1,
                "fatalities in armed conflict, with uncertainty",
                18.0,
                143.0,
            ),
            line(1, "DOI: 10.1177/00223433241300862", 8.0, 156.0),
            line(
                1,
                "Håvard Hegre, Paola Vesco and Michael Colaresi",
                12.0,
                221.0,
            ),
            line(1, "Abstract", 10.0, 400.0),
            line(
                1,
                "This article reports on the prediction challenge and what it taught.",
                10.0,
                412.0,
            ),
            line(
                1,
                "This article reports on the prediction challenge and what it taught.",
                10.0,
                424.0,
            ),
            line(
                1,
                "This article reports on the prediction challenge and what it taught.",
                10.0,
                436.0,
            ),
        ];
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some(
                "The 2023/24 VIEWS Prediction challenge: Predicting the number of fatalities in armed conflict, with uncertainty"
            )
        );
        assert_eq!(
            found.authors,
            ["Håvard Hegre", "Paola Vesco", "Michael Colaresi"]
        );
    }

    #[test]
    fn a_title_line_ending_with_the_reports_year_sets_the_subtitle_apart() {
        let body = "The body of the report goes on in its own smaller size for a while.";
        let lines = [
            line(1, "AMNESTY INTERNATIONAL REPORT 2013", 30.0, 100.0),
            line(1, "THE STATE OF THE WORLD’S HUMAN RIGHTS", 30.0, 136.0),
            line(1, body, 10.0, 400.0),
            line(1, body, 10.0, 412.0),
        ];
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("AMNESTY INTERNATIONAL REPORT 2013: THE STATE OF THE WORLD’S HUMAN RIGHTS")
        );
    }

    #[test]
    fn a_title_line_cut_after_a_preposition_goes_on_with_words_like_a_name() {
        let lines = [
            line(1, "SKRIPSI", 14.0, 75.0),
            line(1, "MORPHOLOGICAL PARSER UNTUK TEKS DALAM", 14.0, 136.0),
            line(1, "BAHASA INDONESIA", 14.0, 154.0),
            line(1, "Andreas Novian Dwi Triastanto", 14.0, 449.0),
            line(1, "UNIVERSITAS KATOLIK PARAHYANGAN", 14.0, 739.0),
        ];
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some("MORPHOLOGICAL PARSER UNTUK TEKS DALAM BAHASA INDONESIA")
        );
        assert_eq!(found.authors, ["Andreas Novian Dwi Triastanto"]);
        // "... A Study by" / "Jane Doe": the name is the byline's.
        let by = read(&[
            line(1, "Water in the Sahel: A Study by", 14.0, 136.0),
            line(1, "Jane Doe", 14.0, 154.0),
            line(
                1,
                "Body text of the study follows in this size for a while.",
                14.0,
                300.0,
            ),
        ]);
        assert_eq!(by.title.as_deref(), Some("Water in the Sahel: A Study by"));
    }

    #[test]
    fn turkish_capitals_match_the_words_the_text_prints_in_lower_case() {
        // "ALGORİTMALARINA ÖZELLEŞTİRİLMİŞ" reads as words of the text, not
        // a name, so it goes on with the title.
        let common = CommonWords::of_pages([
            "bu tezde sayısal sinyal işleme algoritmalarına özelleştirilmiş yardımcı işlemci tasarımı sunulmaktadır",
        ]);
        let lines = [
            line(1, "FPGA TABANLI SAYISAL SİNYAL İŞLEME", 12.0, 125.0),
            line(
                1,
                "ALGORİTMALARINA ÖZELLEŞTİRİLMİŞ YARDIMCI İŞLEMCİ",
                12.0,
                144.0,
            ),
            line(1, "TASARIMI", 12.0, 163.0),
            line(1, "ABDULLAH GİRAY YAĞLIKÇI", 12.0, 273.0),
            line(1, "YÜKSEK LİSANS TEZİ", 12.0, 383.0),
            line(1, "TEMMUZ 2014", 12.0, 680.0),
        ];
        let found = read_front_matter(&lines, "", &common);
        assert_eq!(
            found.title.as_deref(),
            Some(
                "FPGA TABANLI SAYISAL SİNYAL İŞLEME ALGORİTMALARINA ÖZELLEŞTİRİLMİŞ YARDIMCI İŞLEMCİ TASARIMI"
            )
        );
        assert_eq!(found.authors, ["ABDULLAH GİRAY YAĞLIKÇI"]);
    }

    #[test]
    fn a_note_in_parentheses_under_the_title_is_no_part_of_it() {
        let body = "The body of the report goes on in its own smaller size for a while.";
        let page = |title: &str, second: &str, size: f32| {
            let lines = [
                line(1, title, 18.0, 100.0),
                line(1, second, size, 124.0),
                line(1, body, 11.0, 200.0),
                line(1, body, 11.0, 214.0),
            ];
            read(&lines).title
        };
        // A sponsor, a version, a scope: notes, in the title's size or smaller.
        assert_eq!(
            page("일부개정법률안", "(이수진의원 대표발의)", 16.5).as_deref(),
            Some("일부개정법률안")
        );
        assert_eq!(
            page("AI 事業者ガイドライン案", "（第 1.0 版）", 14.0).as_deref(),
            Some("AI 事業者ガイドライン案")
        );
        assert_eq!(
            page("Associations and Organizations", "(By State)", 14.0).as_deref(),
            Some("Associations and Organizations")
        );
        // A year or an acronym in parentheses is the title's.
        assert_eq!(
            page("数据安全风险分析及应对策略研究", "（2022 年）", 14.0).as_deref(),
            Some("数据安全风险分析及应对策略研究（2022 年）")
        );
        assert_eq!(
            page(
                "Controllo Motorio ed Elettromiografia di Superficie",
                "(CoMES)",
                18.0
            )
            .as_deref(),
            Some("Controllo Motorio ed Elettromiografia di Superficie (CoMES)")
        );
    }

    #[test]
    fn each_author_before_their_affiliation_is_read() {
        let body = "The body of the paper goes on in its own smaller size for a while.";
        let byline = [
            "Laura Hallas, Blavatnik School of Government,",
            "University of Oxford",
            "Ariq Hatibie, Department of International",
            "Development, University of Oxford",
            "Monika Pyarali, Baylor College of Medicine",
        ];
        let page = |above: &[&str]| {
            let mut lines = vec![line(1, "Variation in US states’ responses", 29.0, 250.0)];
            let labels = above.iter().enumerate();
            lines.extend(labels.map(|(i, t)| line(1, t, 11.0, 300.0 + 15.0 * i as f32)));
            let names = byline.iter().enumerate();
            lines.extend(names.map(|(i, t)| line(1, t, 11.0, 400.0 + 15.0 * i as f32)));
            lines.push(line(1, body, 9.0, 600.0));
            lines.push(line(1, body, 9.0, 612.0));
            read(&lines).authors
        };
        assert_eq!(
            page(&[]),
            ["Laura Hallas", "Ariq Hatibie", "Monika Pyarali"]
        );
        // Under a roster's label, they attended.
        assert!(page(&["Membres :"]).is_empty());
    }

    #[test]
    fn a_jstor_cover_sheet_gives_the_articles_citation() {
        let lines = [
            line(
                1,
                "L-Moments: Analysis and Estimation of Distributions Using Linear Combinations of Order",
                11.0,
                173.0,
            ),
            line(1, "Statistics", 11.0, 187.0),
            line(1, "Author(s): J. R. M. Hosking", 11.0, 201.0),
            line(
                1,
                "Source: Journal of the Royal Statistical Society. Series B (Methodological), Vol. 52, No. 1 (1990),",
                11.2,
                215.0,
            ),
            line(1, "pp. 105-124", 11.0, 229.0),
            line(
                1,
                "Published by: Wiley for the Royal Statistical Society",
                11.0,
                243.0,
            ),
            line(
                1,
                "Stable URL: http://www.jstor.org/stable/2345653",
                11.0,
                257.0,
            ),
            line(1, "Accessed: 11-11-2015 23:35 UTC", 11.0, 271.0),
            line(
                1,
                "Your use of the JSTOR archive indicates your acceptance of the Terms & Conditions of Use, available at",
                9.75,
                321.0,
            ),
            line(
                1,
                "JSTOR is a not-for-profit service that helps scholars, researchers, and students discover and use",
                9.75,
                354.0,
            ),
        ];
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some(
                "L-Moments: Analysis and Estimation of Distributions Using Linear Combinations of Order Statistics"
            )
        );
        assert_eq!(found.authors, ["J. R. M. Hosking"]);
        assert_eq!(found.date.map(|d| d.0).as_deref(), Some("1990"));
    }

    #[test]
    fn the_session_9_reviews_counter_examples_read_right() {
        let body = "The body of the book goes on in its own smaller size for a while.";
        let cover = |first: &str, second: &str| {
            let lines = [
                line(1, first, 30.0, 100.0),
                line(1, second, 30.0, 136.0),
                line(1, body, 10.0, 300.0),
                line(1, body, 10.0, 312.0),
            ];
            read(&lines).title
        };
        // An opening heading that the next line goes on with is the title's.
        assert_eq!(
            cover("INTRODUCTION", "TO MACHINE LEARNING").as_deref(),
            Some("INTRODUCTION TO MACHINE LEARNING")
        );
        assert_eq!(
            cover("Introduction", "to the Economics of Climate Policy").as_deref(),
            Some("Introduction to the Economics of Climate Policy")
        );
        // A capital's star stays; a footnote's goes.
        assert_eq!(
            without_closing_mark("Improving Search with Weighted A*"),
            "Improving Search with Weighted A*"
        );
        assert_eq!(
            without_closing_mark("Trends in Development*"),
            "Trends in Development"
        );
        assert_eq!(without_closing_mark("★★★"), "");
        // "OPEN" before a title in capitalised words is the title's.
        assert_eq!(
            without_title_label("OPEN Government Partnership Action Plan"),
            "OPEN Government Partnership Action Plan"
        );
        // The year before a journal's volume.
        assert_eq!(
            journal_header_date("Postgrad Med J 2010;86:272–278")
                .map(|d| d.0)
                .as_deref(),
            Some("2010")
        );
        assert!(!is_published_line("First published 1990"));
        assert!(is_published_line("Published: 10 October 2017"));
    }

    #[test]
    fn a_change_of_size_inside_the_subtitle_starts_a_part_of_its_own() {
        let body = "This report details the methodology and the practical guidelines here.";
        let lines = [
            line(1, "Housing Deficit Estimation", 36.0, 274.0),
            line(
                1,
                "by Small Area Estimation Derivative Technique",
                18.0,
                322.0,
            ),
            line(1, "Methodological and practical guide", 22.0, 348.0),
            line(1, body, 12.0, 500.0),
            line(1, body, 12.0, 514.0),
            line(1, body, 12.0, 528.0),
        ];
        assert_eq!(
            read(&lines).title.as_deref(),
            Some(
                "Housing Deficit Estimation by Small Area Estimation Derivative Technique: Methodological and practical guide"
            )
        );
    }

    #[test]
    fn a_standfirst_of_several_paragraphs_is_no_subtitle() {
        let body = "The body of the briefing goes on in its own smaller size for a while.";
        let lines = [
            line(1, "Fit for 55 package", 28.0, 131.0),
            line(
                1,
                "The 'fit for 55' package of July and December 2021 was designed to realise",
                11.0,
                167.0,
            ),
            line(
                1,
                "the European Climate Law objectives by 2030, compared with 1990 levels.",
                11.0,
                180.0,
            ),
            line(
                1,
                "The package seeks to accelerate emissions reductions in the sectors",
                11.0,
                199.0,
            ),
            line(1, body, 9.0, 300.0),
            line(1, body, 9.0, 311.0),
            line(1, body, 9.0, 322.0),
            line(1, body, 9.0, 333.0),
            line(1, body, 9.0, 344.0),
            line(1, body, 9.0, 355.0),
        ];
        assert_eq!(read(&lines).title.as_deref(), Some("Fit for 55 package"));
    }

    #[test]
    fn a_footnote_mark_closing_the_title_is_left_out() {
        let body = "The body of the paper goes on in its own smaller size for a while.";
        let lines = [
            line(
                1,
                "Production of social statistics…goes social!♣",
                18.0,
                100.0,
            ),
            line(1, body, 10.0, 200.0),
            line(1, body, 10.0, 212.0),
        ];
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("Production of social statistics…goes social!")
        );
    }

    #[test]
    fn names_listed_just_above_the_title_are_its_authors() {
        let body = "The body of the brief goes on in its own smaller size for a while.";
        let page = |byline: &[&str]| {
            let mut lines: Vec<PrintedLine> = byline
                .iter()
                .enumerate()
                .map(|(i, text)| line(1, text, 22.0, 226.0 + 24.0 * i as f32))
                .collect();
            lines.push(line(1, "The Price of War", 23.0, 322.0));
            lines.push(line(1, body, 12.0, 500.0));
            lines.push(line(1, body, 12.0, 514.0));
            read(&lines).authors
        };
        assert_eq!(
            page(&[
                "Jonathan Federle, André Meier, Gernot J. Müller,",
                "Willi Mutschler, and Moritz Schularick"
            ]),
            [
                "Jonathan Federle",
                "André Meier",
                "Gernot J. Müller",
                "Willi Mutschler",
                "Moritz Schularick"
            ]
        );
        // A question above the title names no one.
        assert!(page(&["Best Buy et Walmart ?"]).is_empty());
    }

    #[test]
    fn a_translation_of_the_title_in_latin_letters_is_a_parallel_title() {
        let body = "The body of the report goes on in its own smaller size for a while.";
        let lines = [
            line(1, "ビット並列手法を用いた", 16.5, 290.0),
            line(1, "正規表現照合アルゴリズムの実証実験", 16.5, 326.0),
            line(
                1,
                "Implementation and Evaluation of a Bit-parallel Algorithm",
                17.0,
                366.0,
            ),
            line(1, "for Regular Expression Matching", 17.0, 399.0),
            line(1, body, 11.0, 600.0),
            line(1, body, 11.0, 614.0),
        ];
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("ビット並列手法を用いた正規表現照合アルゴリズムの実証実験")
        );
        // A Latin name inside a Chinese title's lines stays.
        let lines = [
            line(1, "Transwarp Data Hub (TDH)", 24.0, 228.0),
            line(1, "企业级一站式大数据综合平台", 24.0, 267.0),
            line(1, body, 11.0, 600.0),
            line(1, body, 11.0, 614.0),
        ];
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("Transwarp Data Hub (TDH) 企业级一站式大数据综合平台")
        );
        // A Chinese standard: its banner, its number, then its title over
        // the English one in full-width letters.
        let lines = [
            line(1, "中华人民共和国国家标准", 19.0, 74.0),
            line(1, "ＧＢ／Ｔ ７７１４－２００５", 9.0, 106.0),
            line(1, "文后参考文献著录规则", 18.0, 213.0),
            line(
                1,
                "Ｒｕｌｅｓ ｆｏｒ ｃｏｎｔｅｎｔ， ｆｏｒｍ ａｎｄ ｓｔｒｕｃｔｕｒｅ",
                9.0,
                247.0,
            ),
            line(1, body, 7.0, 600.0),
            line(1, body, 7.0, 614.0),
        ];
        assert_eq!(read(&lines).title.as_deref(), Some("文后参考文献著录规则"));
    }

    #[test]
    fn a_series_a_genre_word_or_an_opening_heading_under_the_title_ends_it() {
        let body = "The body of the report goes on in its own smaller size for a while.";
        let page = |title: &str, second: &str, size: f32| {
            let lines = [
                line(1, title, 24.0, 100.0),
                line(1, second, size, 130.0),
                line(1, body, 11.0, 200.0),
                line(1, body, 11.0, 214.0),
            ];
            read(&lines).title
        };
        // A Chinese report's series, set as large as its title or smaller.
        for size in [24.0, 15.0] {
            assert_eq!(
                page("APM因子模型的进阶版", "——市场微观结构研究系列（5）", size).as_deref(),
                Some("APM因子模型的进阶版")
            );
        }
        // "White paper" and "guide" alone on their line.
        assert_eq!(
            page("企业级一站式大数据综合平台", "白皮书", 24.0).as_deref(),
            Some("企业级一站式大数据综合平台")
        );
        assert_eq!(
            page("클라우드컴퓨팅서비스 보안인증제도", "안내서", 24.0).as_deref(),
            Some("클라우드컴퓨팅서비스 보안인증제도")
        );
        // The same words at the end of the title's line.
        assert_eq!(
            page("金融区块链底层平台 FISCO BCOS 白皮书", body, 11.0).as_deref(),
            Some("金融区块链底层平台 FISCO BCOS")
        );
        assert_eq!(
            page("知识联邦数据安全交换(FLEX)白皮书", body, 11.0).as_deref(),
            Some("知识联邦数据安全交换(FLEX)")
        );
        assert_eq!(
            without_genre_suffix("新版白皮书"),
            "新版白皮书",
            "too little before it"
        );
        // The text's first heading, numbered or not.
        for heading in [
            "Presentación",
            "1. Introduction",
            "一、引言",
            "II. INTRODUCTION",
            "1. 분석 개요 (Introduction)",
        ] {
            assert_eq!(
                page("Desigualdad de ingresos en Ecuador", heading, 17.0).as_deref(),
                Some("Desigualdad de ingresos en Ecuador"),
                "{heading}"
            );
        }
        // The first section over its first subsection, whatever its words.
        let lines = [
            line(1, "Desigualdad de ingresos en Ecuador", 24.0, 100.0),
            line(1, "1. Alcance del estudio", 18.0, 130.0),
            line(1, "1.1. Objetivos", 14.0, 150.0),
            line(1, body, 11.0, 200.0),
            line(1, body, 11.0, 214.0),
        ];
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("Desigualdad de ingresos en Ecuador")
        );
        // A page from inside a document opens with its heading: no title,
        // and no sentence of the body read as one.
        let lines = [
            line(1, "Introduction", 12.0, 100.0),
            line(
                1,
                "This Standard defines the map format, used for mapping code back to the",
                10.0,
                126.0,
            ),
            line(1, "original sources.", 10.0, 138.0),
            line(1, body, 10.0, 160.0),
        ];
        assert_eq!(read(&lines).title, None);
        // A subtitle that only starts with a dash stays.
        assert_eq!(
            page("罗伯·瑞克超额现金流选股法则", "——价值投资的逻辑", 15.0).as_deref(),
            Some("罗伯·瑞克超额现金流选股法则 ——价值投资的逻辑")
        );
    }

    #[test]
    fn a_lighter_line_under_a_bold_title_is_its_subtitle() {
        let bold = |text: &str, top: f32| PrintedLine {
            bold: true,
            ..line(1, text, 18.0, top)
        };
        let body = "The body of the report goes on in its own smaller size for a while.";
        let lines = [
            bold("Adobe Portable Document Format", 100.0),
            line(1, "Inventory of long-term preservation risks", 18.0, 122.0),
            line(1, body, 11.0, 200.0),
            line(1, body, 11.0, 214.0),
        ];
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("Adobe Portable Document Format: Inventory of long-term preservation risks")
        );
        // All in bold, the lines are one title.
        let lines = [
            bold("Adobe Portable Document Format", 100.0),
            bold("Inventory of long-term preservation risks", 122.0),
            line(1, body, 11.0, 200.0),
            line(1, body, 11.0, 214.0),
        ];
        assert_eq!(
            read(&lines).title.as_deref(),
            Some("Adobe Portable Document Format Inventory of long-term preservation risks")
        );
    }

    #[test]
    fn a_break_the_text_did_not_need_starts_the_subtitle() {
        let wide = |text: &str, top: f32, width: f32| PrintedLine {
            width,
            ..line(1, text, 20.0, top)
        };
        let title = |lines: Vec<PrintedLine>| {
            let mut all = lines;
            all.push(wide("Jane Doe and John Smith", 200.0, 150.0));
            for i in 0..4 {
                let body =
                    "Some body text follows here and goes on for a while, as body text does.";
                all.push(wide(body, 240.0 + 12.0 * i as f32, 400.0));
            }
            for line in &mut all[2..] {
                line.size = 10.0;
            }
            read(&all).title
        };
        // Capitals, then mixed case.
        assert_eq!(
            title(vec![
                wide("THE DIGITAL MILLENNIUM COPYRIGHT ACT OF 1998", 100.0, 420.0),
                wide("U.S. Copyright Office Summary", 126.0, 280.0),
            ])
            .as_deref(),
            Some("THE DIGITAL MILLENNIUM COPYRIGHT ACT OF 1998: U.S. Copyright Office Summary")
        );
        // "Inventory" would have fitted after "Format": the break is meant.
        assert_eq!(
            title(vec![
                wide("Adobe Portable Document Format", 100.0, 200.0),
                wide(
                    "Inventory of long-term preservation risks and more",
                    126.0,
                    400.0
                ),
            ])
            .as_deref(),
            Some(
                "Adobe Portable Document Format: Inventory of long-term preservation risks and more"
            )
        );
        // A full line wrapped: one title.
        assert_eq!(
            title(vec![
                wide("Heat Action Plans for Mid-Sized", 100.0, 390.0),
                wide("Cities Across Europe", 126.0, 250.0),
            ])
            .as_deref(),
            Some("Heat Action Plans for Mid-Sized Cities Across Europe")
        );
    }

    #[test]
    fn authors_set_in_a_grid_are_all_found() {
        let lines = vec![
            line(1, "Probabilistic XML via Markov Chains", 17.9, 71.0),
            line(1, "Michael Benedikt", 12.0, 117.1),
            line(1, "Oxford University, UK", 10.0, 129.1),
            line(1, "michael.benedikt@comlab.ox.ac.uk", 10.0, 139.6),
            line(1, "Dan Olteanu", 12.0, 155.6),
            line(1, "Oxford University, UK", 10.0, 167.7),
            line(1, "ABSTRACT", 12.0, 206.6),
            line(
                1,
                "We show how Markov chains describe probabilistic XML documents and more.",
                9.0,
                223.0,
            ),
            line(
                1,
                "We show how Markov chains describe probabilistic XML documents and more.",
                9.0,
                233.0,
            ),
            line(
                1,
                "We show how Markov chains describe probabilistic XML documents and more.",
                9.0,
                243.0,
            ),
            line(1, "Evgeny Kharlamov", 12.0, 117.1),
            line(1, "Free University of Bozen-Bolzano, Italy", 10.0, 129.1),
            line(1, "Pierre Senellart", 12.0, 155.6),
            line(1, "Institut Télécom; Télécom ParisTech", 10.0, 167.7),
        ];
        let found = read(&lines);
        assert_eq!(
            found.authors,
            [
                "Michael Benedikt",
                "Evgeny Kharlamov",
                "Dan Olteanu",
                "Pierre Senellart"
            ]
        );
        // Stacked: NAME / affiliation / "and" / NAME / ...
        let lines = vec![
            line(
                1,
                "Approximation Algorithms for Data Placement",
                17.2,
                156.0,
            ),
            line(1, "LEANA GOLUBCHIK", 10.0, 212.0),
            line(
                1,
                "University of Southern California, Los Angeles",
                10.0,
                226.0,
            ),
            line(1, "and", 10.0, 240.0),
            line(1, "SANJEEV KHANNA", 10.0, 254.0),
            line(1, "University of Pennsylvania, Philadelphia", 10.0, 268.0),
            line(1, "and", 10.0, 282.0),
            line(1, "SAMIR KHULLER", 10.0, 296.0),
            line(
                1,
                "We study data placement on parallel disks and show how to approximate it.",
                9.0,
                330.0,
            ),
            line(
                1,
                "We study data placement on parallel disks and show how to approximate it.",
                9.0,
                340.0,
            ),
            line(
                1,
                "We study data placement on parallel disks and show how to approximate it.",
                9.0,
                350.0,
            ),
            line(
                1,
                "We study data placement on parallel disks and show how to approximate it.",
                9.0,
                360.0,
            ),
        ];
        assert_eq!(
            read(&lines).authors,
            ["LEANA GOLUBCHIK", "SANJEEV KHANNA", "SAMIR KHULLER"]
        );
        // A heading in the names' size, alone on its row, is no author.
        let lines = vec![
            line(1, "Creative Commons Legal Code", 20.0, 60.0),
            line(1, "Creative Commons", 12.0, 100.0),
            line(1, "Statement of Purpose", 12.0, 140.0),
            line(
                1,
                "The laws of most jurisdictions throughout the world automatically confer rights.",
                9.0,
                160.0,
            ),
            line(
                1,
                "The laws of most jurisdictions throughout the world automatically confer rights.",
                9.0,
                170.0,
            ),
            line(
                1,
                "The laws of most jurisdictions throughout the world automatically confer rights.",
                9.0,
                180.0,
            ),
        ];
        assert_eq!(read(&lines).authors, ["Creative Commons"]);
    }

    #[test]
    fn labels_stamps_and_marks_around_a_title_are_not_part_of_it() {
        assert!(is_genre_line("Research Article"));
        assert!(is_date_line("June 2024"));
        assert!(!is_title_like("PIARC C13 meeting, Lisbon April 2003"));
        assert!(is_title_like(
            "Coastal Resilience Trust: Annual Report 2023"
        ));
        assert!(!is_date_line("Inquérito de Indicadores de Malária 2006-07"));
        assert_eq!(
            full_title("Heads Up: Real News", "About Drugs and Your Body"),
            "Heads Up: Real News About Drugs and Your Body"
        );
        assert!(is_fact_line("Version 6.0"));
        assert!(is_fact_line("Vol 5, Issue 2"));
        assert!(is_fact_line("Volume 12 Number 3"));
        assert!(!is_fact_line("Volume Control"));
        assert!(is_series_label("Technical Report GMU-CS-TR-2011-0"));
        assert!(is_series_label("MERCATUS Working Paper"));
        assert!(!is_series_label("How to Make a Technical Report (Rev. 3)"));
        assert!(is_fact_line("First Submission: RR_BRA_2025_508"));
        assert!(is_fact_line("Report No: ABC/2021/17"));
        assert!(!is_fact_line("Pandemic Response: COVID-19"));
        assert!(!is_fact_line("Version Control in Small Teams"));
        assert!(!is_title_like("hep-ph/9412269 09 Dec 94"));
        assert!(!is_title_like("arXiv:1504.06236v2 [cs.SI] 24 Apr 2015"));
        let marked = line(
            1,
            "Probabilistic XML via Markov Chains\u{2217}",
            20.0,
            100.0,
        );
        assert_eq!(
            join_lines(&[&marked]),
            "Probabilistic XML via Markov Chains"
        );
    }

    #[test]
    fn a_scanned_page_title_among_lines_of_one_size() {
        // An OCR layer: every line in nearly the body's size, a citation
        // line read as "(I955) I28".
        let body = "We have previously shown the possibility of reanimating the adult rat cooled";
        let lines = vec![
            line(1, "541", 11.8, 43.1),
            line(1, "J. Physiol. (I955) I28, 54I-546", 13.5, 79.7),
            line(1, "REANIMATION OF RATS FROM BODY TEMPERATURES", 11.9, 115.5),
            line(1, "BETWEEN 0 AND 1°C BY MICROWAVE DIATHERMY", 11.9, 129.4),
            line(1, "By R. K. ANDJUS* AND J. E. LOVELOCK", 12.7, 150.9),
            line(1, body, 13.2, 221.6),
            line(1, body, 12.9, 234.2),
            line(1, body, 13.2, 247.0),
        ];
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some(
                "REANIMATION OF RATS FROM BODY TEMPERATURES BETWEEN 0 AND 1°C BY MICROWAVE DIATHERMY"
            )
        );
        assert_eq!(found.authors, ["R. K. ANDJUS", "J. E. LOVELOCK"]);
        assert!(is_running_head("272 Notes"));
        assert!(title_cased("Fifth-order Shallow Water-wave Models"));
        assert!(!title_cased(
            "Article 1. All human beings are born free and equal"
        ));
        assert_eq!(
            without_division_label("CHAPTER 6 – AN OVERVIEW OF MARKET STRUCTURE"),
            "AN OVERVIEW OF MARKET STRUCTURE"
        );
        assert_eq!(
            without_division_label("Section 9: Development of Water Alternatives"),
            "Development of Water Alternatives"
        );
        assert_eq!(
            without_division_label("Part of the Solution"),
            "Part of the Solution"
        );
        assert!(is_division_label("Section 9:"));
        assert!(!is_division_label("Section Nine of the Act"));
        assert!(!is_running_head("100 Years of Solitude"));
    }

    #[test]
    fn names_over_a_repeated_affiliation_are_all_authors() {
        let mut lines = vec![
            line(1, "Did You Notice? Neuronal Processing", 24.0, 120.5),
            line(1, "of Multimodal Mobile Phone Feedback", 24.0, 144.5),
        ];
        let body = "To acknowledge information received by a mobile device, a number of \
                    feedback modalities are available.";
        let mut top = 212.6;
        for name in ["Jan-Niklas Antons", "Robert Schleicher", "Sebastian Arndt"] {
            lines.push(line(1, name, 8.52, top));
            lines.push(line(1, "Quality and Usability Lab", 8.52, top + 12.0));
            lines.push(line(1, "TU Berlin", 8.52, top + 24.0));
            lines.push(line(1, body, 8.52, top + 36.0));
            top += 80.0;
        }
        assert_eq!(
            read(&lines).authors,
            ["Jan-Niklas Antons", "Robert Schleicher", "Sebastian Arndt"]
        );
    }

    #[test]
    fn a_page_of_thousands_of_lines_still_gives_its_authors() {
        let mut lines = vec![
            line(1, "Did You Notice? Neuronal Processing", 24.0, 100.0),
            line(1, "Jan-Niklas Antons", 8.52, 200.0),
            line(1, "Quality and Usability Lab", 8.52, 212.0),
            line(1, "Robert Schleicher", 8.52, 224.0),
            line(1, "Quality and Usability Lab", 8.52, 236.0),
        ];
        let body = "Each of the body's lines says something else about mobile feedback.";
        lines.extend((0..5000).map(|i| line(1, body, 8.52, 250.0 + i as f32 * 0.1)));
        assert_eq!(
            read(&lines).authors,
            ["Jan-Niklas Antons", "Robert Schleicher"]
        );
    }

    #[test]
    fn names_stacked_over_smaller_affiliations_are_all_authors() {
        let lines = vec![
            line(1, "Shift work interventions for", 21.92, 82.2),
            line(1, "reduced work-family conflict", 21.92, 104.2),
            line(1, "Marie Gee Wilson", 12.95, 131.5),
            line(
                1,
                "The University of Auckland Business School, Auckland, New Zealand",
                10.96,
                145.9,
            ),
            line(1, "Andrea Polzer-Debruyne", 12.95, 160.7),
            line(
                1,
                "Department of Psychology, Massey University, Auckland,",
                10.96,
                175.3,
            ),
            line(1, "New Zealand, and", 10.96, 187.2),
            line(1, "Sophie Chen and Sonia Fernandes", 12.95, 202.0),
            line(
                1,
                "The University of Auckland Business School, Auckland, New Zealand",
                10.96,
                216.6,
            ),
            line(1, "Abstract", 9.46, 252.7),
            line(
                1,
                "Purpose – This research aims to investigate the efficacy of family involvement \
                 in shift work training targeting physiological and social coping strategies.",
                8.47,
                265.0,
            ),
        ];
        assert_eq!(
            read(&lines).authors,
            [
                "Marie Gee Wilson",
                "Andrea Polzer-Debruyne",
                "Sophie Chen",
                "Sonia Fernandes"
            ]
        );
    }

    #[test]
    fn a_numbered_section_heading_is_no_title() {
        assert!(is_numbered_heading("6.4 Internal PXC"));
        assert!(is_numbered_heading("1. Introduction"));
        assert!(!is_numbered_heading("2021 Annual Report"));
        assert!(!is_numbered_heading("10 Ways to Save Water"));
        assert!(!is_numbered_heading("3.14 and other numbers"));
    }

    #[test]
    fn an_article_type_above_the_title_in_its_size_is_left_out() {
        let lines = vec![
            line(1, "Hindawi Publishing Corporation", 8.0, 44.0),
            line(1, "Research Article", 17.93, 134.2),
            line(
                1,
                "Patient Experiences of Structured Heart Failure Programmes",
                17.93,
                158.1,
            ),
            line(
                1,
                "Nuala E. Tully, Karen M. Morgan, Helen M. Burke, and Hannah M. McGee",
                11.96,
                207.7,
            ),
            line(
                1,
                "Objectives. Patient experiences of structured heart failure rehabilitation \
                 and their views on the important components of heart failure services.",
                8.97,
                346.6,
            ),
        ];
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some("Patient Experiences of Structured Heart Failure Programmes")
        );
    }

    #[test]
    fn an_article_set_small_above_the_title_starts_it() {
        let lines = vec![
            line(1, "THE", 20.0, 238.0),
            line(1, "CONSTITUTION", 41.0, 260.0),
            line(1, "of the United States", 24.5, 302.0),
            line(
                1,
                "We the People of the United States, in Order to form a more perfect Union.",
                10.0,
                400.0,
            ),
        ];
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some("THE CONSTITUTION of the United States")
        );
    }

    #[test]
    fn authors_a_little_smaller_than_the_title_are_not_part_of_it() {
        let lines = vec![
            line(
                1,
                "Structural and electronic properties of Al nanowires: an ab initio",
                14.04,
                73.7,
            ),
            line(1, "pseudopotential study", 14.04, 89.8),
            line(
                1,
                "Jin-Cheng Zhenga)*, Hui-Qiong Wangb), A. T. S. Wee and C. H. A. Huan",
                12.0,
                119.2,
            ),
            line(
                1,
                "Department of Physics, National University of Singapore.",
                9.96,
                132.8,
            ),
            line(
                1,
                "Abstract. We study the structure of aluminium nanowires in a long sentence.",
                9.96,
                160.0,
            ),
        ];
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some(
                "Structural and electronic properties of Al nanowires: an ab initio pseudopotential study"
            )
        );
        assert_eq!(
            found.authors,
            [
                "Jin-Cheng Zheng",
                "Hui-Qiong Wang",
                "A. T. S. Wee",
                "C. H. A. Huan"
            ]
        );
    }

    #[test]
    fn a_date_set_apart_on_its_line_stands_alone() {
        let with_cells = |text: &str, cells: &[&str], top: f32| {
            let mut line = line(1, text, 10.0, top);
            line.cells = cells.iter().map(|c| c.to_string()).collect();
            line
        };
        let mut lines = vec![
            line(1, "MANUAL TRANSMITTAL 2.3.59", 16.0, 40.0),
            with_cells(
                "Department of the Treasury DECEMBER 12, 2022",
                &["Department of the Treasury", "DECEMBER 12, 2022"],
                77.0,
            ),
            line(1, "EFFECTIVE DATE", 10.0, 130.0),
            line(1, "(01-17-2023)", 10.0, 146.0),
        ];
        let date = |lines: &[PrintedLine]| read(lines).date.map(|d| d.0);
        assert_eq!(date(&lines).as_deref(), Some("2022-12-12"));
        // A label set apart keeps its date: received is not published.
        lines[1] = with_cells("Received 12 May 2020", &["Received", "12 May 2020"], 77.0);
        assert_eq!(date(&lines).as_deref(), Some("2023-01-17"));
    }

    #[test]
    fn a_papers_venue_gives_its_year_when_nothing_else_does() {
        let year = |lines: &[&str]| venue_year(lines.iter().copied()).map(|d| d.0);
        assert_eq!(
            year(&[
                "Proceedings of the 30th VLDB Conference,",
                "Toronto, Canada, 2004"
            ])
            .as_deref(),
            Some("2004")
        );
        assert_eq!(year(&["To appear in OSDI 2006"]).as_deref(), Some("2006"));
        assert_eq!(
            year(&["Postgrad Med J 2010;86:272–278"]).as_deref(),
            Some("2010")
        );
        assert_eq!(
            year(&["Proceedings of the 45th Annual Meeting of the ACL, pages 696–703, Prague, June 2007."])
                .as_deref(),
            Some("2007-06")
        );
        assert_eq!(
            year(&["Published on International Journal of Nanoscience 2002, 1(2): 159-169."])
                .as_deref(),
            Some("2002")
        );
        // Citations: the year in parentheses, or before the journal.
        assert_eq!(
            year(&[
                "presented at the ACM-SIAM Symposium on Discrete",
                "Algorithms (2000)."
            ]),
            None
        );
        assert_eq!(
            year(&["Adami, G. F. (1998). Body image in obese patients. International Journal of"]),
            None
        );
    }

    #[test]
    fn the_publication_date_stands_alone_or_is_labelled() {
        let date = |lines: &[&str]| dated_line(lines.iter().copied(), true).map(|(iso, _)| iso);
        // A date alone on its line beats one inside a sentence.
        assert_eq!(
            date(&[
                "In March 2023 the agency reported that most programmes had been reviewed once.",
                "June 2023",
            ])
            .as_deref(),
            Some("2023-06")
        );
        // This edition, not the first one.
        assert_eq!(
            date(&["First published May 2006. This edition July 2016."]).as_deref(),
            Some("2016-07")
        );
        // A date told of in a sentence is an event, not the publication.
        assert_eq!(
            date(&[
                "Directive 96/9/EC of the European Parliament and of the Council of 11 March 1996 on the legal protection of databases"
            ]),
            None
        );
        // The middle of a paragraph, and a reported event, are not the
        // publication.
        assert_eq!(
            date(&["since its publication in November 2009 [1]. This paper describes"]),
            None
        );
        assert_eq!(date(&["Date of Incident: 01/09/2015"]), None);
        // A sentence in Chinese: the date of an agreement it tells of.
        assert_eq!(
            date(&["2013年5月16日菲达环保公司与浙江神鹰集团有限公司签订协议"]),
            None
        );
        assert_eq!(
            date(&["发行日期 2020年4月2日"]).as_deref(),
            Some("2020-04-02")
        );
        assert_eq!(
            date(&["Published in J. Environ. Qual. 33:2192–2200 (2004)."]).as_deref(),
            Some("2004")
        );
        assert_eq!(date(&["First published 1854"]), None);
        assert_eq!(
            date(&["(January 1970 to April 2009). Changes in haemoglobin"]),
            None
        );
        assert_eq!(
            date(&["June 2008), Cochrane Central Register of Controlled"]),
            None
        );
        // A date with a clock time is a production stamp, even in a footer.
        assert_eq!(
            dated_line(
                ["9782340-025998_Nephrologie.indb 71 14/09/2018 10:37"],
                false
            ),
            None
        );
        assert_eq!(dated_line(["Printed 3 May 2024 10:37"], false), None);
        // Manuscript history is never the date.
        assert_eq!(
            date(&["Received 30 November 2004; accepted 15 April 2005"]),
            None
        );
    }

    #[test]
    fn name_lists_as_journals_print_them() {
        assert_eq!(
            split_names("Yu.A.Pusep1*, L.Fernandes dos Santos1, D.Smirnov2, and A.I.Toropov3"),
            [
                "Yu.A. Pusep",
                "L. Fernandes dos Santos",
                "D. Smirnov",
                "A.I. Toropov"
            ]
        );
        assert_eq!(
            split_names(
                "AMIR SHEIKHAHMADI1,∗, MOHAMMAD A. NEMATBAKHSH1, AND ARMAN SHOKROLLAHI2,3,∗"
            ),
            [
                "AMIR SHEIKHAHMADI",
                "MOHAMMAD A. NEMATBAKHSH",
                "ARMAN SHOKROLLAHI"
            ]
        );
        assert_eq!(
            split_names("Pekka T. Verronen,1 Annika Seppälä,1 Mark A. Clilverd,2"),
            ["Pekka T. Verronen", "Annika Seppälä", "Mark A. Clilverd"]
        );
        assert_eq!(split_names("ARD, Inc."), ["ARD, Inc."]);

        // Marks a space after the name, before its comma, in a list.
        let spaced =
            "Nicholas R. de Barros 1, Francisco de Assis Nascimento Jr2, Luis Paulo Piassi3";
        assert!(looks_like_names(spaced));
        assert_eq!(
            split_names(spaced),
            [
                "Nicholas R. de Barros",
                "Francisco de Assis Nascimento Jr",
                "Luis Paulo Piassi"
            ]
        );
        // A Chinese journal's byline: full-width commas and marks.
        assert_eq!(split_names("李涓子，侯磊＊"), ["李涓子", "侯磊"]);
        assert_eq!(
            split_names("徐增林1，盛泳潘1，贺丽荣1，王雅芳2"),
            ["徐增林", "盛泳潘", "贺丽荣", "王雅芳"]
        );
        assert_eq!(
            split_names("Floris T. Zoutman, Bas Jacobs♦ and Egbert L.W. Jongen"),
            ["Floris T. Zoutman", "Bas Jacobs", "Egbert L.W. Jongen"]
        );
        // A heading with its number is no name; nor is a list's item.
        assert!(!looks_like_names("ΑΡΘΡΟ 1"));
        assert!(!looks_like_names("• Jane Doe and John Roe"));
        assert!(!looks_like_names(
            "⚫ APM因子的构建思想在于股票价格行为存在日内模式差异"
        ));
        assert_eq!(
            split_names("Ian Appleton, Working Group A"),
            ["Ian Appleton"]
        );
        assert_eq!(
            split_names("Ivan Rodriguez Montoya, Tonatiuh Matos Chassin \u{2021}"),
            ["Ivan Rodriguez Montoya", "Tonatiuh Matos Chassin"]
        );
        assert!(!looks_like_names("About Drugs and Your Body"));
        assert!(!looks_like_names("AT THE FIRST SESSION"));
        // Title words with a colon, and labels, are not names.
        assert!(!looks_like_names(
            "Democracy Assessment: Political Process,"
        ));
        assert!(!looks_like_names("Submitted to:"));
        assert_eq!(strip_by("Submitted by: ARD, Inc."), Some("ARD, Inc."));
    }

    #[test]
    fn names_set_apart_on_one_line_are_two_authors() {
        let mut lines = brief();
        let names = lines
            .iter_mut()
            .find(|l| l.text.contains("Amina"))
            .expect("the brief's names");
        names.text = "Amadou Diallo Claire Martin".into();
        names.cells = vec!["Amadou Diallo".into(), "Claire Martin".into()];
        let found = read(&lines);
        assert_eq!(found.authors, ["Amadou Diallo", "Claire Martin"]);
        // A label and its value set apart stay one item.
        let label = PrintedLine {
            cells: vec!["Author".into(), ": Johan van der Knijff".into()],
            ..line(1, "Author : Johan van der Knijff", 12.0, 400.0)
        };
        assert_eq!(label.listed(), "Author : Johan van der Knijff");
    }

    #[test]
    fn a_series_is_a_capitalised_label_not_prose() {
        let series_of = |texts: &[&str]| {
            let lines: Vec<PrintedLine> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| line(1, t, 10.0, 40.0 + 14.0 * i as f32))
                .collect();
            series(&lines.iter().collect::<Vec<_>>())
        };
        assert_eq!(
            series_of(&["welcome: working papers are circulated for discussion"]),
            None
        );
        assert_eq!(
            series_of(&["NORTHFIELD INSTITUTE FOR REGIONAL ECONOMICS Working Paper No. 23/14"])
                .as_deref(),
            Some("Working Paper No. 23/14")
        );
        assert_eq!(
            series_of(&["Note de politique no 12"]).as_deref(),
            Some("Note de politique no 12")
        );
    }

    #[test]
    fn front_matter_of_a_brief() {
        let text = "POLICY BRIEF No. 7\n\nWater Security in the Sahel: Storage, Soils and Trust\n\nSummary\n\n\
            Farmers in the Sahel face longer dry seasons. This brief looks at what works for them and why.\n\n\
            Keywords: water, Sahel, irrigation\n\nIntroduction";
        let found = read_front_matter(&brief(), text, &CommonWords::default());
        // The title as a cataloguer writes it: subtitle after a colon.
        assert_eq!(
            found.title.as_deref(),
            Some(
                "Water Security in the Sahel: Storage, Soils and Trust: Lessons from five river basins"
            )
        );
        assert_eq!(
            found.subtitle.as_deref(),
            Some("Lessons from five river basins")
        );
        assert_eq!(
            found.authors,
            ["Amina Diallo", "Jean Martin", "Sofia Rossi"]
        );
        assert_eq!(found.date.map(|d| d.0).as_deref(), Some("2024-06"));
        assert_eq!(found.series.as_deref(), Some("POLICY BRIEF No. 7"));
        assert!(
            found
                .summary
                .is_some_and(|s| s.starts_with("Farmers in the Sahel"))
        );
        assert_eq!(found.keywords, ["water", "Sahel", "irrigation"]);
    }

    #[test]
    fn title_in_alternating_sizes_on_a_cover_is_one_title() {
        // A cover whose title holds most of its characters; the body size
        // comes from page 2.
        let lines = vec![
            line(1, "Clinical Guidance", 24.0, 185.0),
            line(1, "For the Assessment and Implementation of", 22.0, 213.0),
            line(1, "Bed Rails", 24.0, 238.0),
            line(1, "In Hospitals and Home Care Settings", 22.0, 266.0),
            line(1, "FINAL REPORT", 22.0, 300.0),
            line(1, "Developed by the Workgroup", 20.0, 537.0),
            line(2, "Table of Contents", 14.0, 95.0),
            line(
                2,
                "The workgroup was formed to look at how bed rails are used in hospitals.",
                10.0,
                133.0,
            ),
            line(
                2,
                "It met for two years and heard from patients, families and staff alike.",
                10.0,
                146.0,
            ),
        ];
        let found = read(&lines);
        assert_eq!(
            found.title.as_deref(),
            Some(
                "Clinical Guidance For the Assessment and Implementation of Bed Rails In Hospitals and Home Care Settings"
            )
        );
    }

    #[test]
    fn subtitle_joins_with_a_colon_or_goes_on_with_the_sentence() {
        assert_eq!(
            full_title(
                "Understanding Breast Cancer",
                "A guide for people with cancer"
            ),
            "Understanding Breast Cancer: A guide for people with cancer"
        );
        assert_eq!(
            full_title("Disk-Based Storage", "for Scalable Video"),
            "Disk-Based Storage for Scalable Video"
        );
        assert_eq!(
            full_title("Plan directeur de", "Chelsea"),
            "Plan directeur de Chelsea"
        );
        assert_eq!(
            full_title("东北电气发展股份有限公司", "2018 年第一季度报告"),
            "东北电气发展股份有限公司 2018 年第一季度报告"
        );
        assert_eq!(
            full_title("How should you sit?", "EMG based ergonomics"),
            "How should you sit? EMG based ergonomics"
        );
        assert_eq!(
            full_title("How to Hackathon.", "Wann und wie Hackathons helfen"),
            "How to Hackathon. Wann und wie Hackathons helfen"
        );
        assert_eq!(
            full_title("数据安全风险分析及应对策略研究", "（2022 年）"),
            "数据安全风险分析及应对策略研究（2022 年）"
        );
    }

    #[test]
    fn names_run_over_lines_until_the_affiliations() {
        let lines = vec![
            line(1, "Methods of Analysis of Water", 18.0, 100.0),
            line(
                1,
                "By Brooke F. Connor, Donna L. Rose, Mary C. Noriega,",
                14.0,
                140.0,
            ),
            line(1, "Lucinda K. Murtagh, and Sonja R. Abney", 14.0, 156.0),
            line(1, "U.S. GEOLOGICAL SURVEY", 12.0, 200.0),
            line(1, "Open-File Report 97-829", 12.0, 228.0),
            line(
                2,
                "The laboratory measured the water of many wells in the county.",
                10.0,
                100.0,
            ),
        ];
        let found = read(&lines);
        assert_eq!(
            found.authors,
            [
                "Brooke F. Connor",
                "Donna L. Rose",
                "Mary C. Noriega",
                "Lucinda K. Murtagh",
                "Sonja R. Abney"
            ]
        );
        let lines = vec![
            line(1, "A Study of Things", 18.0, 100.0),
            line(
                1,
                "Jordi Soria-Comas, Josep Domingo-Ferrer, Fellow, IEEE",
                11.0,
                130.0,
            ),
            line(1, "Dublin City University, Dublin, Ireland", 11.0, 143.0),
            line(1, "DESCRIPTION", 11.0, 170.0),
        ];
        let found = read(&lines);
        assert_eq!(found.authors, ["Jordi Soria-Comas", "Josep Domingo-Ferrer"]);
    }

    #[test]
    fn publication_date_beats_manuscript_history_and_a_lone_year_is_a_date() {
        let lines = vec![
            line(
                1,
                "IEEE TRANSACTIONS ON VIDEO, VOL. 7, NO. 5, OCTOBER 1997",
                7.0,
                30.0,
            ),
            line(1, "Disk-Based Storage for Video", 24.0, 60.0),
            line(
                1,
                "Received 30 November 2004; accepted 22 July 2005",
                9.0,
                100.0,
            ),
        ];
        let found = read(&lines);
        assert_eq!(found.date.map(|d| d.0).as_deref(), Some("1997-10"));
        let lines = vec![
            line(1, "Water Quality Methods", 18.0, 100.0),
            line(1, "Received 30 November 2004", 9.0, 120.0),
            line(1, "Published: 22 July 2005", 9.0, 130.0),
        ];
        let found = read(&lines);
        assert_eq!(found.date.map(|d| d.0).as_deref(), Some("2005-07-22"));
        let lines = vec![
            line(1, "Water Quality Methods", 18.0, 100.0),
            line(1, "Denver, Colorado", 12.0, 660.0),
            line(1, "1998", 12.0, 680.0),
        ];
        let found = read(&lines);
        assert_eq!(found.date.map(|d| d.0).as_deref(), Some("1998"));
    }

    #[test]
    fn names_with_affiliation_marks() {
        assert_eq!(
            split_names(
                "Peter D. Temple-Smith1 Jennifer A. Marshall Graves2*, Frank Grützner2 and Andreas Gal∗+"
            ),
            [
                "Peter D. Temple-Smith",
                "Jennifer A. Marshall Graves",
                "Frank Grützner",
                "Andreas Gal"
            ]
        );
        assert!(looks_like_names("Frank Grützner2, Janine Deakin2"));
        assert!(!looks_like_names("BaseVersion: 1.7"));
        assert!(is_fact_line("BaseVersion: 1.7 ExtensionLevel: 5"));
        assert_eq!(
            strip_by("Author : Johan van der Knijff"),
            Some("Johan van der Knijff")
        );
        assert_eq!(
            strip_by("Author : Johan van der Knijff"),
            Some("Johan van der Knijff")
        );
    }

    #[test]
    fn by_line_and_no_typographic_title() {
        let lines = vec![
            line(1, "Notes on the census", 10.0, 40.0),
            line(1, "By Jane Doe", 10.0, 60.0),
            line(
                1,
                "The census of 2020 counted more people than any before it, in every region.",
                10.0,
                80.0,
            ),
        ];
        let found = read(&lines);
        assert_eq!(found.title.as_deref(), Some("Notes on the census"));
        assert_eq!(found.authors, ["Jane Doe"]);
    }
}
#[cfg(test)]
mod block_tests {
    use super::*;

    /// Title, an organisation as author, an ISO date on its own line, then
    /// an all-caps heading that must not be taken for a name.
    #[test]
    fn title_organisation_date_heading() {
        let l = |text: &str, size: f32, top: f32| PrintedLine::plain(1, text, size, top);
        let lines = vec![
            l(
                "man-pages - conventions for writing Linux man pages",
                13.0,
                70.0,
            ),
            l("The Linux man-pages project", 11.0, 109.0),
            l("2023-02-05", 11.0, 128.0),
            l("DESCRIPTION", 11.0, 167.0),
            l(
                "This page describes the conventions that should be employed when writing man pages for the",
                11.0,
                184.0,
            ),
        ];
        let found = tests::read(&lines);
        assert_eq!(found.authors, ["The Linux man-pages project"]);
        assert_eq!(found.date.map(|d| d.0).as_deref(), Some("2023-02-05"));
    }
}
