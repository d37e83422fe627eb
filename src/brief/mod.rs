//! Bibliographic metadata of a brief: gathering candidates for each field
//! from every source a document offers (XMP, the Info dictionary, the text)
//! and choosing one by the rules in `docs/metadata.md`, keeping the losers
//! as alternatives so a librarian can see why.

pub mod citation;
pub mod date;
pub mod identifiers;
pub mod names;
pub mod page;
pub mod publisher;

use std::borrow::Cow;

use crate::pdf::layout::{Line, PageLayout};
use crate::pdf::metadata::{Info, parse_pdf_date};
use crate::pdf::xmp::{self, Xmp};
use crate::record::{Alternative, Field, Identifier, Metadata, MetadataSource, TextSection};
use page::{PrintedLine, PrintedMetadata};
use serde_json::Value;

/// Everything the metadata rules look at.
pub struct Sources<'a> {
    pub info: &'a Info,
    pub xmp: Option<&'a Xmp>,
    /// What the first pages print (title, authors, date, ...).
    pub printed: &'a PrintedMetadata,
    /// The printed lines of the first two pages and those pages' heights,
    /// for the publisher rules.
    pub lines: &'a [PrintedLine],
    pub page_heights: &'a [f32],
    pub text: &'a TextSection,
}

/// A candidate value from one source; `rejected` says why it may not win.
struct Candidate<T> {
    value: T,
    source: MetadataSource,
    raw: Option<String>,
    rejected: Option<&'static str>,
}

impl<T> Candidate<T> {
    fn new(value: T, source: MetadataSource) -> Self {
        Candidate {
            value,
            source,
            raw: None,
            rejected: None,
        }
    }
}

/// The first acceptable candidate wins; the others become alternatives.
fn choose<T: Clone + PartialEq + serde::Serialize>(
    candidates: Vec<Candidate<T>>,
) -> Option<Field<T>> {
    let winner = candidates.iter().position(|c| c.rejected.is_none())?;
    let chosen = &candidates[winner];
    let alternatives = candidates
        .iter()
        .enumerate()
        .filter(|(i, c)| *i != winner && c.value != chosen.value)
        .map(|(_, c)| Alternative {
            value: serde_json::to_value(&c.value).unwrap_or(Value::Null),
            source: c.source,
            reason: c
                .rejected
                .unwrap_or("a more trusted source gave another value")
                .to_string(),
        })
        .collect();
    Some(Field {
        value: chosen.value.clone(),
        source: chosen.source,
        raw: chosen.raw.clone(),
        confidence: None,
        alternatives,
    })
}

/// Gather the metadata of one document.
pub fn metadata_from(sources: &Sources) -> Metadata {
    let joined = crate::record::join_pages(&sources.text.pages);
    let publisher = choose(publisher_candidates(sources));
    let language = language(sources, &joined);
    let mut authors = authors(sources, publisher.as_ref());
    if language.as_ref().is_some_and(|l| l.value == "zh")
        && let Some(field) = authors.as_mut()
    {
        field.value = field
            .value
            .iter()
            .map(|n| chinese_name_run_together(n))
            .collect();
    }
    let english = language.as_ref().is_none_or(|l| l.value == "en");
    Metadata {
        title: choose(title_candidates(sources)),
        authors,
        date: choose(date_candidates(sources, english)),
        language,
        subtitle: sources
            .printed
            .subtitle
            .clone()
            .map(|s| Field::new(s, MetadataSource::Page)),
        series: sources
            .printed
            .series
            .clone()
            .map(|s| Field::new(s, MetadataSource::Page)),
        keywords: choose(keyword_candidates(sources)),
        summary: choose(summary_candidates(sources)),
        publisher,
        identifiers: identifiers(sources),
        ..Metadata::default()
    }
}

/// The authors; when no person is named, the organisation the page
/// prints as issuer, as catalogues record a corporate author: it wins
/// over another organisation (an Info "United States Copyright Office -
/// jmf", a parent department) as the name the page gives.
fn authors(sources: &Sources, publisher: Option<&Field<String>>) -> Option<Field<Vec<String>>> {
    let mut candidates = author_candidates(sources);
    let issuer = publisher.filter(|p| p.source == MetadataSource::Page);
    let first = candidates.iter().find(|c| c.rejected.is_none());
    if let (Some(issuer), Some(first)) = (issuer, first)
        && !names_people(&first.value)
        && !first
            .value
            .iter()
            .any(|n| same_organisation(n, &issuer.value))
    {
        for candidate in candidates.iter_mut().filter(|c| c.rejected.is_none()) {
            candidate.rejected = Some("an organisation other than the issuer the page prints");
        }
        candidates.insert(
            0,
            Candidate::new(vec![issuer.value.clone()], MetadataSource::Page),
        );
    }
    choose(candidates).or_else(|| corporate_author(publisher))
}

/// A Chinese name of two to four characters, written without a space
/// whatever the layout put in it to align a list ("赵 雪", "官 佳薇").
/// (Japanese keeps the space between family and given name: only text in
/// Chinese is read this way.)
fn chinese_name_run_together(name: &str) -> String {
    let han: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
    let all_han = han.iter().all(|&c| crate::pdf::layout::is_cjk(c));
    if all_han && (2..=4).contains(&han.len()) {
        han.into_iter().collect()
    } else {
        name.to_string()
    }
}

/// Two spellings of one organisation: one holds the other's words, a
/// leading "The" aside ("Free Software Foundation" and "Free Software
/// Foundation, Inc.", "Apache Software Foundation" and "The Apache
/// Software Foundation").
fn same_organisation(a: &str, b: &str) -> bool {
    let words = |name: &str| {
        let folded = name.to_lowercase().replace([',', '.'], " ");
        let mut words: Vec<String> = folded.split_whitespace().map(str::to_string).collect();
        if words.first().is_some_and(|w| w == "the") {
            words.remove(0);
        }
        format!(" {} ", words.join(" "))
    };
    let (a, b) = (words(a), words(b));
    a.trim().len() > 1 && b.trim().len() > 1 && (a.contains(&b) || b.contains(&a))
}

/// When no person is named, the organisation the page prints as issuer is
/// the author, as catalogues record a corporate author.
fn corporate_author(publisher: Option<&Field<String>>) -> Option<Field<Vec<String>>> {
    let publisher = publisher.filter(|p| p.source == MetadataSource::Page)?;
    Some(Field::new(
        vec![publisher.value.clone()],
        MetadataSource::Page,
    ))
}

fn xmp_first(sources: &Sources, namespace: &str, name: &str) -> Option<String> {
    sources
        .xmp
        .and_then(|x| x.first(namespace, name))
        .map(clean)
}

/// Collapse whitespace: metadata values are one line.
fn clean(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Title: a metadata title that the first pages print larger than their
/// body text, else the printed title, else a metadata title that is not
/// junk. (A conference's footer "Proceedings of the 45th Annual Meeting
/// ..." printed small is no confirmation of an Info title naming it.) Producers fill Info and
/// XMP titles by themselves (file names, templates), so the page is the
/// authority unless the metadata agrees with it.
fn title_candidates(sources: &Sources) -> Vec<Candidate<String>> {
    let front = folded(&display_text(sources));
    // A numbered section heading ("6.4 Internal PXC") as the largest line:
    // a page from inside a document, whose own title the metadata may know.
    let inside = sources
        .printed
        .title
        .as_deref()
        .is_some_and(page::is_numbered_heading);
    let mut confirmed = Vec::new();
    let mut unconfirmed = Vec::new();
    let found = [
        (xmp_first(sources, xmp::DC, "title"), MetadataSource::Xmp),
        (
            sources.info.title.as_deref().map(clean),
            MetadataSource::Info,
        ),
    ];
    for (value, source) in found {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            let mut candidate = Candidate::new(value, source);
            if is_junk_title(&candidate.value) {
                candidate.rejected = Some("a file name or placeholder, not a title");
                unconfirmed.push(candidate);
            } else if front.contains(&folded(&candidate.value)) {
                // A metadata title that is only part of the printed one
                // (the main title without its subtitle, or without its
                // first words: "Geometrie und Topologie" of "Einführung in
                // die Geometrie und Topologie") gives way.
                // (A full stop closing the printed title adds nothing.)
                let printed = sources
                    .printed
                    .title
                    .as_deref()
                    .map(|t| folded(t.trim_end_matches(['.', '。'])));
                // So does a few words from its middle ("Capital Expenditures"
                // of "Assessing the National Landscape of Capital
                // Expenditures for Public School Districts"), when the
                // printed title reads as one (capitalised words, not a
                // sentence).
                let printed_title = sources.printed.title.as_deref().unwrap_or("");
                let in_middle = page::title_cased(printed_title)
                    && spaced_words(printed_title).contains(&spaced_words(&candidate.value));
                if printed.is_some_and(|p| {
                    let part = folded(&candidate.value);
                    p.len() > part.len()
                        && (p.starts_with(&part) || p.ends_with(&part) || in_middle)
                }) {
                    candidate.rejected = Some("only part of the printed title");
                    unconfirmed.push(candidate);
                } else {
                    confirmed.push(candidate);
                }
            } else {
                if sources.printed.title.is_some() && !inside {
                    candidate.rejected = Some("not printed on the first page");
                }
                unconfirmed.push(candidate);
            }
        }
    }
    let printed = sources
        .printed
        .title
        .clone()
        .map(|t| Candidate::new(t, MetadataSource::Page));
    let (first, last) = if inside {
        (None, printed)
    } else {
        (printed, None)
    };
    confirmed
        .into_iter()
        .chain(first)
        .chain(unconfirmed)
        .chain(last)
        .collect()
}

/// Lower-case words with a space on each side, to find whole words.
fn spaced_words(text: &str) -> String {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    format!(" {} ", words.join(" "))
}

/// The lines of the first two pages set larger than their body text, or
/// all their text when no line is (the page heuristics had no lines).
fn display_text(sources: &Sources) -> String {
    let lines: Vec<&PrintedLine> = sources.lines.iter().filter(|l| !l.margin).collect();
    if lines.is_empty() {
        return front_text(sources);
    }
    let body = page::body_size(&lines);
    let display: Vec<&str> = lines
        .iter()
        .filter(|l| l.size >= body * 1.1)
        .map(|l| l.text.as_str())
        .collect();
    if display.is_empty() {
        front_text(sources)
    } else {
        display.join(" ")
    }
}

/// Text of the first two pages, for checking what the page prints.
fn front_text(sources: &Sources) -> String {
    sources
        .text
        .pages
        .iter()
        .take(2)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text for "is this printed there" checks: lowercase, without any white
/// space, so a thin space before "?" or a line break inside a title on the
/// page does not hide a match.
fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// List values (names, keywords) from each source, split into items;
/// sources that give no item are left out.
fn list_candidates<'a>(
    found: impl IntoIterator<Item = (Vec<&'a str>, MetadataSource)>,
    split: fn(&str) -> Vec<String>,
) -> Vec<Candidate<Vec<String>>> {
    found
        .into_iter()
        .map(|(values, source)| {
            (
                values.into_iter().flat_map(split).collect::<Vec<String>>(),
                source,
            )
        })
        .filter(|(items, _)| !items.is_empty())
        .map(|(items, source)| Candidate::new(items, source))
        .collect()
}

/// Fewest words of text for telling that a document never prints a name.
const MIN_WORDS_TO_TELL_UNPRINTED: usize = 40;

fn author_candidates(sources: &Sources) -> Vec<Candidate<Vec<String>>> {
    let xmp_creators = sources
        .xmp
        .map(|x| x.all(xmp::DC, "creator"))
        .unwrap_or_default();
    let info_author = sources.info.author.as_deref().into_iter().collect();
    let mut out = list_candidates(
        [
            (xmp_creators, MetadataSource::Xmp),
            (info_author, MetadataSource::Info),
        ],
        split_authors,
    );
    let front = folded(&front_text(sources));
    let on_the_page = |names: &[String]| names.iter().all(|n| front.contains(&folded(n)));
    // A name whose surname the document never prints is whoever made the
    // file ("Laura Halstead" on an NHS bulletin); a document with too
    // little text to tell (a scan) keeps its metadata.
    let words: usize = if out.is_empty() {
        0
    } else {
        sources
            .text
            .pages
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum()
    };
    // Matched composed and case-folded (a decomposed "Mu\u{308}ller", a
    // Turkish "YILDIZ" for "Yıldız").
    let fold = |text: &str| -> String {
        use unicode_normalization::UnicodeNormalization;
        names::case_fold(&folded(&text.nfc().collect::<String>()))
    };
    let whole = if out.is_empty() || words < MIN_WORDS_TO_TELL_UNPRINTED {
        String::new()
    } else {
        fold(&crate::record::join_pages(&sources.text.pages))
    };
    let printed_anywhere = |n: &String| {
        let surname = n
            .split_whitespace()
            .last()
            .map_or("", |w| w.trim_matches(|c: char| !c.is_alphanumeric()));
        whole.is_empty()
            || surname.chars().count() < 2
            || whole.contains(&fold(surname))
            || whole.contains(&fold(n))
    };
    for candidate in &mut out {
        // One word the pages never print ("vhaisfalexaj", "JOHNSCA") is the
        // login of whoever made the file.
        // An acronym of five capitals or fewer ("IBM", "CCITT") is an
        // organisation's.
        let acronym = |n: &String| names::is_acronym(n, 2..=5);
        let login = |n: &String| {
            is_account_name(n)
                || (!n.contains(' ') && !acronym(n) && !on_the_page(std::slice::from_ref(n)))
        };
        // An organisation the first pages never name ("Turn-Key Systems Pty
        // Ltd") made the file, not the work.
        let unprinted_organisation = |n: &String| {
            // "U.S. Census Bureau" is printed as "the Census Bureau".
            let mut core = n.as_str();
            while let Some(rest) = ["U.S. ", "US ", "The ", "United States "]
                .iter()
                .find_map(|qualifier| core.strip_prefix(qualifier))
            {
                core = rest;
            }
            !front.contains(&folded(core))
                && names::name_kind(n, &names::CommonWords::default())
                    == names::NameKind::Organisation
                && !acronym(n)
        };
        if candidate.value.iter().all(login) {
            candidate.rejected = Some("a user account or software name, not an author");
        } else if candidate.value.iter().all(unprinted_organisation) {
            candidate.rejected = Some("an organisation the first pages do not name");
        } else if candidate.value.iter().any(|n| n.contains(['@', ':'])) {
            // A LaTeX \author{} with its lines run together ("First
            // Submission: RR_BRA_2025_508 Camila Ayala reproducibility@...").
            candidate.rejected = Some("not a list of names: it holds a label or an address");
        } else if !candidate.value.iter().all(printed_anywhere) {
            candidate.rejected = Some("a name the document never prints: the file's maker");
        } else if !sources.printed.authors.is_empty() && !on_the_page(&candidate.value) {
            candidate.rejected = Some("not printed on the first page");
        } else if lists_more(&sources.printed.authors, &candidate.value) {
            candidate.rejected = Some("the page lists more authors");
        } else if with_affiliations(&sources.printed.authors, &candidate.value) {
            candidate.rejected = Some("the page's people, with their affiliations read as names");
        } else if spells_out(&sources.printed.authors, &candidate.value)
            || only_given_names(&sources.printed.authors, &candidate.value)
        {
            candidate.rejected = Some("the page prints the names in full");
        } else if sources.printed.names_people && !names_people(&candidate.value) {
            // "IEEE" in Info, where the page names the paper's authors.
            candidate.rejected = Some("an organisation, where the page names people");
        }
    }
    // Metadata the page confirms comes first, then the printed names, then
    // metadata the page does not print, whatever the order of the sources.
    let (acceptable, rejected): (Vec<_>, Vec<_>) =
        out.into_iter().partition(|c| c.rejected.is_none());
    let (mut ordered, unconfirmed): (Vec<_>, Vec<_>) =
        acceptable.into_iter().partition(|c| on_the_page(&c.value));
    if !sources.printed.authors.is_empty() {
        ordered.push(Candidate::new(
            sources.printed.authors.clone(),
            MetadataSource::Page,
        ));
    }
    ordered.extend(unconfirmed);
    ordered.extend(rejected);
    ordered
}

/// Publisher: an XMP `dc:publisher` that the first pages print, else the
/// printed issuing organisation (see `publisher.rs`), else the XMP value.
fn publisher_candidates(sources: &Sources) -> Vec<Candidate<String>> {
    let furniture: Vec<(u32, &str)> = sources
        .text
        .furniture
        .iter()
        .filter(|f| f.page <= 2)
        .map(|f| (f.page, f.text.as_str()))
        .collect();
    // A stamp in the margin names no publisher.
    let upright: Vec<PrintedLine> = sources
        .lines
        .iter()
        .filter(|l| !l.margin)
        .cloned()
        .collect();
    let printed = publisher::printed_publisher(&publisher::PublisherSources {
        lines: &upright,
        page_heights: sources.page_heights,
        furniture: &furniture,
        title: sources.printed.title.as_deref(),
        authors: &sources.printed.authors,
    });
    let declared = xmp_first(sources, xmp::DC, "publisher").filter(|p| !p.is_empty());
    let mut out = Vec::new();
    let mut unconfirmed = None;
    if let Some(value) = declared {
        let front = folded(&front_text(sources));
        let mut candidate = Candidate::new(value, MetadataSource::Xmp);
        if front.contains(&folded(&candidate.value)) {
            out.push(candidate);
        } else {
            if printed.is_some() {
                candidate.rejected = Some("not printed on the first pages");
            }
            unconfirmed = Some(candidate);
        }
    }
    out.extend(printed.map(|p| Candidate::new(p, MetadataSource::Page)));
    out.extend(unconfirmed);
    out
}

/// Date: the printed date, at its printed precision; else a declared
/// publication date (XMP dc:date). File creation dates are kept as
/// alternatives only: they say when a file was exported, not published.
fn date_candidates(sources: &Sources, english: bool) -> Vec<Candidate<String>> {
    let mut out = Vec::new();
    // A journal article is dated by its header, unless the page says when
    // it was published: other dates on its first page are of a conference
    // it was presented at, or of its copyright.
    let official_journal = page_one_header(sources).find_map(page::official_journal_date);
    let printed = match (sources.printed.date.clone(), journal_header_date(sources)) {
        (Some(printed), _) if page::is_published_line(&printed.1) => Some(printed),
        // The same year printed with its month ("November 2023" under an
        // "Economic Outlook, Volume 2023 Issue 2") is more precise.
        (Some(printed), Some(header)) if printed.0.get(..4) == header.0.get(..4) => Some(printed),
        (_, Some(header)) => Some(header),
        (printed, None) => printed,
    }
    .or_else(|| date_off_the_page_body(sources));
    if let Some((iso, line)) = official_journal.or(printed) {
        // Outside English, slashed dates are day first: "12/03/2024" in a
        // French or Spanish text is 12 March. (English texts, and those of
        // no known language, keep the US reading: UK usage cannot be told.)
        let iso = match date::day_first_reading(&iso, &line) {
            Some(day_first) if !english => day_first,
            _ => iso,
        };
        let mut candidate = Candidate::new(iso, MetadataSource::Page);
        candidate.raw = Some(line);
        out.push(candidate);
    }
    let creation = Some("the file's creation date, not a publication date");
    let found = [
        (
            xmp_first(sources, xmp::DC, "date"),
            MetadataSource::Xmp,
            None,
        ),
        (
            xmp_first(sources, xmp::XMP, "CreateDate"),
            MetadataSource::Xmp,
            creation,
        ),
        (
            sources.info.creation_date.clone(),
            MetadataSource::Info,
            creation,
        ),
    ];
    for (raw, source, rejected) in found {
        let Some(raw) = raw else { continue };
        // A declared date with a time of day ("2023-06-09T14:10:01+09:00")
        // is a timestamp the producing program wrote, not a publication
        // date, which has no hour.
        let rejected = rejected.or_else(|| {
            raw.trim()
                .get(10..)
                .is_some_and(|time| time.starts_with('T') && time.len() > 1)
                .then_some("a timestamp with a time of day, not a publication date")
        });
        let iso = parse_xmp_date(&raw).or_else(|| parse_pdf_date(&raw));
        if let Some(iso) = iso {
            let mut candidate = Candidate::new(iso, source);
            candidate.raw = Some(raw);
            candidate.rejected = rejected;
            out.push(candidate);
        }
    }
    out
}

/// The date of a journal's header at the top of page 1, in its first
/// three lines or its running header.
fn journal_header_date(sources: &Sources) -> Option<(String, String)> {
    page_one_header(sources).find_map(page::journal_header_date)
}

/// The first three lines of page 1, then its running header.
fn page_one_header<'a>(sources: &'a Sources) -> impl Iterator<Item = &'a str> {
    let top = sources
        .lines
        .iter()
        .filter(|l| l.page == 1 && !l.margin)
        .take(3)
        .map(|l| l.text.as_str());
    let header = sources
        .text
        .furniture
        .iter()
        .filter(|f| f.page == 1)
        .map(|f| f.text.as_str());
    top.chain(header)
}

/// The printed date when the front matter has none: a running header or
/// footer of the first pages (a journal's "VOL. 7, NO. 5, OCTOBER 1997", a
/// report's "Workgroup ... April 2003") or a stamp in the margin; else the
/// year of a copyright notice on the first pages ("© 2010 IEEE").
/// Pages after the first two searched for a book's imprint.
const IMPRINT_PAGES: usize = 5;

fn date_off_the_page_body(sources: &Sources) -> Option<(String, String)> {
    let furniture = || {
        sources
            .text
            .furniture
            .iter()
            .filter(|f| f.page <= 2)
            .map(|f| f.text.as_str())
    };
    let margin = sources
        .lines
        .iter()
        .filter(|l| l.margin)
        .map(|l| l.text.as_str());
    let lines = || sources.lines.iter().map(|l| l.text.as_str());
    let copyright = |t: &str| publisher::copyright_date(t).map(|date| (date, t.to_string()));
    // A book's imprint ("© Global Grey 2018") follows its cover, half
    // title and title page.
    let imprint = sources
        .text
        .pages
        .iter()
        .skip(2)
        .take(IMPRINT_PAGES)
        .flat_map(|page| page.lines());
    page::dated_line(furniture().chain(margin), false)
        .or_else(|| lines().chain(furniture()).find_map(copyright))
        .or_else(|| page::venue_year(lines().chain(furniture())))
        .or_else(|| page::self_citation_year(lines().chain(furniture())))
        // There "(c)" is more often a subsection than a copyright mark.
        .or_else(|| {
            imprint
                .filter(|t| t.contains('\u{a9}') || t.to_lowercase().contains("copyright"))
                .find_map(copyright)
        })
}

/// XMP dates are ISO 8601 already (`2024-06-15T09:30:00+02:00`); check the
/// shape and keep them at their precision.
pub fn parse_xmp_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let bytes = raw.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
    };
    if !digits(0..4) {
        return None;
    }
    let shape_ok = match raw.len() {
        4 => true,
        7 => bytes[4] == b'-' && digits(5..7),
        _ => {
            raw.len() >= 10 && bytes[4] == b'-' && digits(5..7) && bytes[7] == b'-' && digits(8..10)
        }
    };
    if !shape_ok {
        return None;
    }
    // Reuse the PDF date reader for range checks and the time part.
    let zone_start = raw
        .get(10..)
        .and_then(|t| t.find(['Z', 'z', '+']).or_else(|| t.rfind('-')))
        .map_or(raw.len(), |i| 10 + i);
    let compact: String = raw[..zone_start]
        .chars()
        .filter(|c| c.is_ascii_digit())
        .take(14)
        .collect();
    let zone = raw[zone_start..].replace(':', "'");
    parse_pdf_date(&format!("{compact}{zone}"))
}

fn keyword_candidates(sources: &Sources) -> Vec<Candidate<Vec<String>>> {
    let xmp_keywords = sources
        .xmp
        .map(|x| {
            let subjects = x.all(xmp::DC, "subject");
            if subjects.is_empty() {
                x.all(xmp::PDF, "Keywords")
            } else {
                subjects
            }
        })
        .unwrap_or_default();
    let info_keywords = sources.info.keywords.as_deref().into_iter().collect();
    let printed = sources
        .printed
        .keywords
        .iter()
        .map(String::as_str)
        .collect();
    list_candidates(
        [
            (xmp_keywords, MetadataSource::Xmp),
            (info_keywords, MetadataSource::Info),
            (printed, MetadataSource::Page),
        ],
        split_keywords,
    )
}

/// Summary: the text under a summary heading on the first pages, else a
/// long enough XMP description or Info subject.
fn summary_candidates(sources: &Sources) -> Vec<Candidate<String>> {
    let mut out: Vec<Candidate<String>> = sources
        .printed
        .summary
        .iter()
        .map(|s| Candidate::new(s.clone(), MetadataSource::Page))
        .collect();
    let found = [
        (
            xmp_first(sources, xmp::DC, "description"),
            MetadataSource::Xmp,
        ),
        (
            sources.info.subject.as_deref().map(clean),
            MetadataSource::Info,
        ),
    ];
    for (value, source) in found {
        if let Some(value) = value {
            let mut candidate = Candidate::new(value, source);
            // A subject of a few words is a topic, not a summary.
            if candidate.value.split_whitespace().count() < 8 {
                candidate.rejected = Some("too short to be a summary");
            }
            out.push(candidate);
        }
    }
    out
}

/// The language of the text when there is enough of it, else XMP's claim.
fn language(sources: &Sources, joined: &str) -> Option<Field<String>> {
    let declared = sources
        .xmp
        .and_then(|x| x.first(xmp::DC, "language"))
        .map(|l| l.trim().to_string());
    if let Some(detected) = crate::text::language::detect(joined) {
        let mut field = Field::new(detected.tag.to_string(), MetadataSource::Text);
        field.confidence = Some(detected.confidence);
        if let Some(declared) = declared
            .filter(|d| !d.eq_ignore_ascii_case(detected.tag) && !d.starts_with(detected.tag))
        {
            field.alternatives.push(Alternative {
                value: Value::String(declared),
                source: MetadataSource::Xmp,
                reason: "the text is in another language".to_string(),
            });
        }
        return Some(field);
    }
    declared
        .filter(|d| d.len() >= 2 && d != "x-unknown")
        .map(|d| Field::new(d, MetadataSource::Xmp))
}

/// Identifiers from XMP (PRISM), the Info strings, and the first pages.
fn identifiers(sources: &Sources) -> Vec<Identifier> {
    let mut found: Vec<Identifier> = Vec::new();
    if let Some(xmp) = sources.xmp {
        for (name, kind) in [
            ("doi", "doi"),
            ("isbn", "isbn"),
            ("issn", "issn"),
            ("eIssn", "issn"),
        ] {
            for value in xmp.all(xmp::PRISM_PREFIX, name) {
                found.extend(
                    identifiers::find(
                        &format!("{} {value}", kind.to_uppercase()),
                        MetadataSource::Xmp,
                    )
                    .into_iter()
                    .filter(|i| i.kind == kind),
                );
                if kind == "doi" {
                    found.extend(
                        identifiers::find(value, MetadataSource::Xmp)
                            .into_iter()
                            .filter(|i| i.kind == "doi"),
                    );
                }
            }
        }
    }
    for text in [
        &sources.info.subject,
        &sources.info.keywords,
        &sources.info.title,
    ]
    .into_iter()
    .flatten()
    {
        found.extend(
            identifiers::find(text, MetadataSource::Info)
                .into_iter()
                .filter(|i| i.kind != "url"),
        );
    }
    // Identifiers are printed on the first pages (and in references, which
    // name other works: leave those out).
    let front: String = sources
        .text
        .pages
        .iter()
        .take(2)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("\n");
    found.extend(identifiers::find(&front, MetadataSource::Text));
    let mut unique: Vec<Identifier> = Vec::new();
    for id in found {
        if !unique
            .iter()
            .any(|u| u.kind == id.kind && u.value == id.value)
        {
            unique.push(id);
        }
    }
    unique
}

/// The printed lines of the first two pages, furniture left out, in
/// reading order, for the page heuristics.
pub fn printed_lines(
    layouts: &[PageLayout],
    furniture: &[crate::record::FurnitureLine],
) -> Vec<PrintedLine> {
    let mut lines = Vec::new();
    let front = &layouts[..layouts.len().min(2)];
    // A cover's body is its title's size: measure over both pages whether
    // a line repeated on them is small enough to be a running header.
    let front_body = body_size(front);
    for (index, layout) in front.iter().enumerate() {
        let page = index as u32 + 1;
        let body = body_size(std::slice::from_ref(layout));
        let upright = mostly_horizontal(layout);
        let largest = layout.lines().map(|l| l.size).fold(0.0, f32::max);
        let mut placed: Vec<(PrintedLine, f32, f32)> = Vec::new();
        for line in layout.lines().flat_map(parts_by_type_size) {
            let line = line.as_ref();
            let text = line.text.trim();
            // A running header may repeat the title in small type: only
            // small lines are furniture. A document whose only display
            // type is a header on every page ("BARIATRIC HANDLING
            // BIBLIOGRAPHY" over a Word document's pages) has its title
            // there.
            let only_display = line.size > front_body * 1.05 && line.size >= largest - 0.5;
            // A year alone at the foot of a cover and its title page
            // ("VITÓRIA" / "2026") repeats like furniture but dates the work.
            let year_alone = page == 1 && crate::brief::date::year_of(text).is_some();
            let furniture = line.size <= front_body * 1.2 + 0.5
                && !only_display
                && !year_alone
                && furniture
                    .iter()
                    .any(|f| f.page == page && f.text.trim() == text);
            // On a page set horizontally, a vertical line is a stamp in the
            // margin ("arXiv:1504.06236v2 [cs.SI] 24 Apr 2015"), not the title.
            let stamp = upright && line.dir.1.abs() > 0.5;
            if text.is_empty() || furniture || is_line_numbers(text) {
                continue;
            }
            let letter_spaced = is_letter_spaced(text);
            let font = layout.fonts.get(usize::from(line.font));
            let printed = PrintedLine {
                letter_spaced,
                page,
                // Clean as the text is ("Efﬁcient" with its ligature reads
                // "Efficient"), and names and marks are matched by letter:
                // "Seppa\u{308}la\u{308}" must read as "Seppälä".
                text: printed_text(text),
                size: line.size,
                top: layout.height - line.y1,
                // A line set letter by letter has letters, not items, apart.
                cells: if letter_spaced {
                    Vec::new()
                } else {
                    cells(line)
                },
                width: line.x1 - line.x0,
                margin: stamp,
                bold: font.is_some_and(|f| f.bold),
                family: font.map(|f| f.family()).unwrap_or_default(),
            };
            let printed = without_line_numbers(printed);
            placed.push((printed, line.x0, line.x1));
        }
        without_left_line_numbers(&mut placed);
        join_split_headings(&mut placed, body);
        lines.extend(placed.into_iter().map(|(line, _, _)| line));
    }
    lines
}

/// How many lines further in reading order the other half of a heading
/// cut at the gutter is looked for: a column's worth, which also bounds
/// the work on a page of many thousand lines.
const SPLIT_HEADING_REACH: usize = 400;

/// Joins the pieces of a large line that layout cut in two where it
/// crosses the gutter between two columns ("Disk-Based Storage" | "for
/// Scalable Video", read a column apart): same page, same size, same
/// baseline, a word space apart. Only lines larger than the body (titles,
/// author lines): body lines side by side are two columns.
fn join_split_headings(placed: &mut Vec<(PrintedLine, f32, f32)>, body: f32) {
    let mut i = 0;
    while i < placed.len() {
        let (line, _, x1) = &placed[i];
        let (size, top, x1) = (line.size, line.top, *x1);
        let piece = (size > body * 1.05 && !line.margin)
            .then(|| {
                placed
                    .iter()
                    .skip(i + 1)
                    .take(SPLIT_HEADING_REACH)
                    .position(|(other, x0, _)| {
                        (other.size - size).abs() <= size * 0.02
                            && (other.top - top).abs() <= size * 0.2
                            && (0.0..=size).contains(&(x0 - x1))
                            && !other.margin
                    })
            })
            .flatten()
            .map(|k| i + 1 + k);
        match piece {
            Some(j) => {
                let (right, _, right_x1) = placed.remove(j);
                let (left, _, left_x1) = &mut placed[i];
                left.text = format!("{} {}", left.text, right.text);
                left.width += right.width + (right_x1 - right.width - *left_x1).max(0.0);
                *left_x1 = right_x1;
                left.cells.clear();
            }
            None => i += 1,
        }
    }
}

/// A printed line's text as the metadata rules read it: ligatures
/// expanded, invisible characters dropped, spaces collapsed, NFC.
fn printed_text(text: &str) -> String {
    let clean = crate::text::normalize::to_nfc(crate::text::normalize::clean_line(text));
    closed_up(&clean).unwrap_or(clean)
}

/// Han, kana and hangul set letter-spaced for display ("환 경 노 동 위 원
/// 회", a name "김 창 호") without their spaces: the words as written.
fn closed_up(text: &str) -> Option<String> {
    let cjk_letter = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(is_cjk_or_hangul) && chars.next().is_none()
    };
    if is_letter_spaced(text) && text.split_whitespace().all(cjk_letter) {
        return Some(text.split_whitespace().collect());
    }
    paired_han_names(text)
}

/// A list of Chinese names spaced to one width, two-character names
/// letter-spaced to match three-character ones ("罗兴武 孙 萌 刘 洋 陈 帅"):
/// the single characters closed up in pairs. Only Han, at least three
/// names, every run of single characters even.
fn paired_han_names(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let han = |w: &&str| w.chars().all(crate::pdf::layout::is_cjk) && w.chars().count() <= 3;
    let single = |w: &str| w.chars().count() == 1;
    if words.len() < 4 || !words.iter().all(han) || !words.iter().any(|w| single(w)) {
        return None;
    }
    let mut names: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if single(words[i]) {
            let next = words.get(i + 1).filter(|w| single(w))?;
            names.push(format!("{}{next}", words[i]));
            i += 2;
        } else {
            names.push(words[i].to_string());
            i += 1;
        }
    }
    (names.len() >= 3 && names.len() < words.len()).then(|| names.join(" "))
}

/// A line without the line numbers a manuscript prints in both margins,
/// read as the first and last items of the line ("8 Darin Christensen,
/// ... 70"). A number at one end only is a running head's page ("272
/// Notes") or a contents entry's ("Myth Busters 4"), and stays.
fn without_line_numbers(mut line: PrintedLine) -> PrintedLine {
    let numbered = |cell: Option<&String>| cell.is_some_and(|c| is_line_numbers(c));
    if line.cells.len() >= 3 && numbered(line.cells.first()) && numbered(line.cells.last()) {
        line.cells.pop();
        line.cells.remove(0);
        line.text = line.cells.join(" ");
        if line.cells.len() < 2 {
            line.cells.clear();
        }
    }
    line
}

/// A manuscript numbered in its left margin only ("2 Reconceptualizing
/// Prompt Engineering as Reflective" / "3 Professional Practice: …" / "4
/// ment"): when most lines of the page start with a number of three digits
/// or fewer, and those numbers rise by one or two from line to line, they
/// are line numbers and are left out.
fn without_left_line_numbers(placed: &mut [(PrintedLine, f32, f32)]) {
    // The number and the length of the word that prints it.
    let number_of = |line: &PrintedLine| -> Option<(u32, usize)> {
        let (first, rest) = line.text.split_once(' ')?;
        let numeric = first.len() <= 3 && first.bytes().all(|b| b.is_ascii_digit());
        let number = first
            .parse()
            .ok()
            .filter(|_| numeric && !rest.trim().is_empty())?;
        Some((number, first.len()))
    };
    let numbers: Vec<u32> = placed
        .iter()
        .filter_map(|(l, _, _)| number_of(l).map(|(n, _)| n))
        .collect();
    let rising = numbers
        .windows(2)
        .filter(|pair| (1..=2).contains(&pair[1].wrapping_sub(pair[0])))
        .count();
    if numbers.len() < 8
        || 2 * numbers.len() < placed.len()
        || 10 * rising < 8 * (numbers.len() - 1)
    {
        return;
    }
    for (line, _, _) in placed.iter_mut() {
        let Some((_, len)) = number_of(line) else {
            continue;
        };
        let number = line.text[..len].to_string();
        line.text = line.text[len..].trim_start().to_string();
        if line.cells.first().is_some_and(|c| c.trim() == number) {
            line.cells.remove(0);
        }
        if line.cells.len() < 2 {
            line.cells.clear();
        }
    }
}

/// A manuscript's line numbers or a page number in the margin ("1 63",
/// "6"): numbers of three digits or fewer and nothing else. They would cut
/// a title's lines apart in reading order. (A year has four digits.)
fn is_line_numbers(text: &str) -> bool {
    text.split_whitespace()
        .all(|w| w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()))
}

/// Han, kana, or hangul (which, unlike the others, puts spaces between
/// words).
pub(crate) fn is_cjk_or_hangul(c: char) -> bool {
    crate::pdf::layout::is_cjk(c) || crate::pdf::layout::is_hangul(c)
}

/// A line set letter by letter ("제 안 요 청 서", "R E P O R T"): every word
/// one letter, at least two of them, three when they are Latin (two could be
/// initials).
pub(crate) fn is_letter_spaced(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let single = |w: &&str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
    };
    let cjk = words
        .iter()
        .all(|w| w.chars().next().is_some_and(is_cjk_or_hangul));
    // A kerned pair or three may come out joined ("W O R K I N G PA P E R
    // S", "T R A I N I N G D ATA L A B").
    let pair =
        |w: &&str| (2..=3).contains(&w.chars().count()) && w.chars().all(char::is_alphabetic);
    let singles = words.iter().filter(|w| single(w)).count();
    let spaced_with_pairs = words.len() >= 6
        && words.iter().all(|w| single(w) || pair(w))
        && singles * 5 >= words.len() * 4;
    (words.iter().all(single) && words.len() >= if cjk { 2 } else { 3 }) || spaced_with_pairs
}

/// A gap between two words of a line separates two items (names side by
/// side, an issuer and a number), not two words, when it is wider than
/// `WIDE_GAP` em, or wider than `ITEM_GAP` em and `ITEM_GAP_RATIO` times
/// the line's usual word space. A justified line stretches all its spaces
/// alike, so its gaps stay close to their median.
const WIDE_GAP: f32 = 1.5;
const ITEM_GAP: f32 = 0.8;
const ITEM_GAP_RATIO: f32 = 3.0;

/// A line holding a phrase set apart in much smaller type than the rest
/// ("GAO" in 36 points beside "Report to the Chairman, Subcommittee" in
/// 20) is read as two lines, each in its own size: the large word is a
/// logo, and the phrase goes on with the lines below it. Pieces are cut
/// where a cell starts; a smaller piece of fewer than three words (a
/// footnote mark, a unit) stays with its line.
fn parts_by_type_size(line: &Line) -> Vec<Cow<'_, Line>> {
    let whole = || vec![Cow::Borrowed(line)];
    let starts = cell_starts(line);
    if starts.len() < 2 || line.dir.0 < 0.5 || line.text != visual_text(&line.words) {
        return whole();
    }
    let ends = starts
        .iter()
        .skip(1)
        .copied()
        .chain(std::iter::once(line.words.len()));
    let cells: Vec<(usize, usize, f32)> = starts
        .iter()
        .zip(ends)
        .map(|(&a, b)| {
            (
                a,
                b,
                line.words[a..b].iter().map(|w| w.size).fold(0.0, f32::max),
            )
        })
        .collect();
    let largest = cells.iter().map(|c| c.2).fold(0.0, f32::max);
    let small: Vec<bool> = cells
        .iter()
        .map(|&(a, b, size)| size * 1.5 <= largest && b - a >= 3)
        .collect();
    if !small.contains(&true) {
        return whole();
    }
    // Consecutive cells of one kind, large or small phrase, stay together.
    let mut parts: Vec<(usize, usize, bool)> = Vec::new();
    for (&(a, b, _), &kind) in cells.iter().zip(&small) {
        match parts.last_mut() {
            Some(last) if last.2 == kind => last.1 = b,
            _ => parts.push((a, b, kind)),
        }
    }
    parts
        .into_iter()
        .map(|(a, b, _)| {
            let words = line.words[a..b].to_vec();
            Cow::Owned(Line {
                text: visual_text(&words),
                x0: words.iter().map(|w| w.x0).fold(f32::MAX, f32::min),
                y0: words.iter().map(|w| w.y0).fold(f32::MAX, f32::min),
                x1: words.iter().map(|w| w.x1).fold(f32::MIN, f32::max),
                y1: words.iter().map(|w| w.y1).fold(f32::MIN, f32::max),
                size: words.iter().map(|w| w.size).fold(0.0, f32::max),
                font: words.first().map_or(line.font, |w| w.font),
                dir: line.dir,
                words,
            })
        })
        .collect()
}

fn visual_text(words: &[crate::pdf::layout::Word]) -> String {
    words
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The index of the first word of each cell of a line (see `cells`).
fn cell_starts(line: &Line) -> Vec<usize> {
    if line.dir.1.abs() > 0.5 || line.words.len() < 2 {
        return vec![0];
    }
    let gaps: Vec<f32> = line.words.windows(2).map(|w| w[1].x0 - w[0].x1).collect();
    let mut sorted = gaps.clone();
    sorted.sort_by(f32::total_cmp);
    let usual = sorted[sorted.len() / 2].max(0.0);
    let mut starts = vec![0];
    for (i, word) in line.words.iter().enumerate().skip(1) {
        let gap = gaps[i - 1];
        let em = word.size.max(line.words[i - 1].size);
        if gap > WIDE_GAP * em || (gap > ITEM_GAP * em && gap > ITEM_GAP_RATIO * usual) {
            starts.push(i);
        }
    }
    starts
}

/// The words of a horizontal line grouped where the gap between them is
/// wide; empty when there is no such gap.
fn cells(line: &Line) -> Vec<String> {
    let starts = cell_starts(line);
    if starts.len() < 2 {
        return Vec::new();
    }
    let ends = starts
        .iter()
        .skip(1)
        .copied()
        .chain(std::iter::once(line.words.len()));
    starts
        .iter()
        .zip(ends)
        .map(|(&a, b)| printed_text(&visual_text(&line.words[a..b])))
        .collect()
}

/// Whether most characters of the page run left to right.
fn mostly_horizontal(layout: &PageLayout) -> bool {
    let (mut across, mut down) = (0usize, 0usize);
    for line in layout.lines() {
        if line.dir.1.abs() > 0.5 {
            down += line.text.len();
        } else {
            across += line.text.len();
        }
    }
    across > down
}

/// Pages over which the text's body size is measured.
const BODY_PAGES: usize = 10;

/// The size the document's text is set in, past a cover that holds little
/// but its title: the commonest size over its first pages.
pub fn text_body_size(layouts: &[PageLayout]) -> f32 {
    body_size(&layouts[..layouts.len().min(BODY_PAGES)])
}

/// The size most characters of the pages are set in.
fn body_size(layouts: &[PageLayout]) -> f32 {
    let mut by_size: Vec<(f32, usize)> = Vec::new();
    for line in layouts.iter().flat_map(PageLayout::lines) {
        let size = (line.size * 2.0).round() / 2.0;
        match by_size.iter_mut().find(|(s, _)| *s == size) {
            Some(entry) => entry.1 += line.text.len(),
            None => by_size.push((size, line.text.len())),
        }
    }
    by_size
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map_or(10.0, |(s, _)| s)
}

/// Titles that producers fill in by themselves: a file name, an
/// application prefix, a placeholder.
pub fn is_junk_title(title: &str) -> bool {
    let lower = title.trim().to_lowercase();
    const PREFIXES: [&str; 5] = [
        "microsoft word - ",
        "microsoft powerpoint - ",
        "untitled",
        "document",
        "slide 1",
    ];
    const SUFFIXES: [&str; 11] = [
        ".doc", ".docx", ".pdf", ".odt", ".rtf", ".htm", ".html", ".tex", ".indd", ".dvi", ".ps",
    ];
    lower.chars().filter(|c| c.is_alphabetic()).count() < 3
        || PREFIXES.iter().any(|p| lower.starts_with(p))
        || SUFFIXES.iter().any(|s| lower.ends_with(s))
        || lower.starts_with("http://")
        || lower.starts_with("https://")
        || (!lower.contains(' ') && lower.contains('_'))
        // A heading the program took for the title ("Table of Contents").
        || page::is_contents_heading(&lower)
        // The genre alone ("白皮书": white paper) says what, not which.
        || page::is_genre_line(&lower)
        // A presentation program's default ("PowerPoint 演示文稿",
        // "PowerPoint Presentation").
        || [
            "powerpoint presentation",
            "powerpoint 演示文稿",
            "présentation powerpoint",
            "powerpoint-präsentation",
        ]
        .contains(&lower.as_str())
}

/// Author fields that name a login or a program rather than a person.
/// Whether the printed list holds every name of `declared` (by surname)
/// and more: metadata often names only the first or corresponding author.
fn lists_more(printed: &[String], declared: &[String]) -> bool {
    let surname = |name: &str| name.split_whitespace().last().map(folded);
    printed.len() > declared.len()
        && declared.iter().all(|d| {
            let wanted = surname(d);
            wanted.is_some() && printed.iter().any(|p| surname(p) == wanted)
        })
}

/// Metadata that lists the page's people and, as more names, their
/// affiliations ("Dr. Melissa Monk", "Southwest Fisheries Science Center",
/// …): every printed name is there, and the rest are organisations.
fn with_affiliations(printed: &[String], declared: &[String]) -> bool {
    let common = names::CommonWords::default();
    let names_one = |d: &String| printed.iter().any(|p| folded(d).ends_with(&folded(p)));
    !printed.is_empty()
        && declared.len() > printed.len()
        && printed
            .iter()
            .all(|p| declared.iter().any(|d| folded(d).ends_with(&folded(p))))
        && declared.iter().filter(|d| !names_one(d)).all(|d| {
            names::is_affiliation(d)
                || names::name_kind(d, &common) == names::NameKind::Organisation
        })
}

/// Metadata that gives one word of a printed name ("Paolo" for "Paolo
/// Cattarello"): a given name, or an account named after it.
fn only_given_names(printed: &[String], declared: &[String]) -> bool {
    !declared.is_empty()
        && declared.iter().all(|d| {
            !d.trim().contains(' ')
                && printed.iter().any(|p| {
                    p.split_whitespace().count() > 1
                        && p.split_whitespace().any(|w| folded(w) == folded(d))
                })
        })
}

/// Whether the page prints the same names as the metadata, some with more
/// of them ("H. Sebastian Seung" for "Sebastian Seung").
fn spells_out(printed: &[String], declared: &[String]) -> bool {
    printed.len() == declared.len()
        && printed
            .iter()
            .zip(declared)
            .all(|(p, d)| folded(p).ends_with(&folded(d)))
        && printed
            .iter()
            .zip(declared)
            .any(|(p, d)| folded(p) != folded(d))
}

fn names_people(names: &[String]) -> bool {
    let nothing_known = names::CommonWords::default();
    names
        .iter()
        .any(|n| names::name_kind(n, &nothing_known) == names::NameKind::Person)
}

fn is_account_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    !name.contains(' ')
        && (lower.chars().any(|c| c.is_ascii_digit())
            || name.chars().filter(|c| c.is_alphabetic()).count() < 2
            || [
                "admin",
                "administrator",
                "user",
                "owner",
                "unknown",
                "author",
            ]
            .contains(&lower.as_str()))
}

/// Roles written beside names in an author field, not names.
const ROLES: &[&str] = &[
    "editor",
    "editors",
    "ed.",
    "eds.",
    "compiler",
    "translator",
    "illustrator",
];

/// Split an author string into names: `;` always separates; `and` and `&`
/// separate; a comma separates unless the string is one "Last, First".
pub fn split_authors(raw: &str) -> Vec<String> {
    let mut names = Vec::new();
    for group in raw.split(';') {
        // "and Danya Arif Siddiqi": the last of a list split by commas
        // keeps its joiner in some XMP.
        let group = group.trim();
        let group = ["and ", "& "]
            .iter()
            .find_map(|joiner| group.strip_prefix(joiner))
            .unwrap_or(group);
        let group = names::with_organisations_joined(&group.replace(" & ", " and "));
        for part in group.split(" and ") {
            let part = part.replace('\u{a0}', " ");
            let part = part.trim().trim_end_matches(',').trim();
            if part.is_empty() {
                continue;
            }
            let pieces: Vec<&str> = part
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            // "Doe, Jane" is one name; "Jane Doe, John Roe" is two.
            let inverted =
                pieces.len() == 2 && !pieces[0].contains(' ') && !pieces[1].contains(' ');
            if inverted {
                names.push(format!("{} {}", pieces[1], pieces[0]));
                continue;
            }
            for piece in pieces {
                let suffix = names::is_name_suffix(piece);
                match names.last_mut() {
                    // "Walter Gary Sharp, Sr.", "ARD, Inc.": one name.
                    Some(last) if suffix => *last = format!("{last}, {piece}"),
                    // A web address beside the name is not an author, nor
                    // is a role ("Greg Ewing, editor").
                    _ if piece.contains("://") || piece.starts_with("www.") => {}
                    _ if ROLES.contains(&piece.to_lowercase().trim_matches(['(', ')'])) => {}
                    _ => names.push(clean(names::without_parenthetical(piece))),
                }
            }
        }
    }
    names
}

fn split_keywords(raw: &str) -> Vec<String> {
    raw.split([',', ';'])
        .map(clean)
        .filter(|k| !k.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(pages: &[&str]) -> TextSection {
        TextSection {
            pages: pages.iter().map(|p| p.to_string()).collect(),
            sha256: String::new(),
            chars: 0,
            words: 0,
            furniture: Vec::new(),
        }
    }

    /// The authors chosen when Info names `author` and the page prints
    /// `page`.
    /// The metadata of a document that has only Info, XMP and text: no
    /// printed lines.
    fn metadata_of(info: &Info, xmp: Option<&Xmp>, text: &TextSection) -> Metadata {
        metadata_from(&Sources {
            info,
            xmp,
            printed: &PrintedMetadata::default(),
            lines: &[],
            page_heights: &[],
            text,
        })
    }

    /// The metadata of one US Letter page's `lines` and `text`, with the
    /// page heuristics' reading `printed` and no XMP.
    fn metadata_on_page(
        info: &Info,
        printed: &PrintedMetadata,
        lines: &[PrintedLine],
        text: &TextSection,
    ) -> Metadata {
        metadata_from(&Sources {
            info,
            xmp: None,
            printed,
            lines,
            page_heights: &[792.0],
            text,
        })
    }

    fn authors_given_info(author: &str, page: &str) -> Option<Vec<String>> {
        let info = Info {
            author: Some(author.into()),
            ..Info::default()
        };
        let metadata = metadata_of(&info, None, &text(&[page]));
        metadata.authors.map(|a| a.value)
    }

    #[test]
    fn a_chinese_name_is_written_without_the_space_that_aligned_it() {
        let chinese = "赵 雪，李中生。基于机器视觉的工业机器人分拣技术研究。本文研究了工业机器人在生产线上的分拣技术，\
            提出了一种基于机器视觉的目标识别与定位方法，并通过实验验证了该方法的有效性和可靠性。";
        assert_eq!(
            authors_given_info("赵 雪; 李中生", chinese),
            Some(vec!["赵雪".to_string(), "李中生".to_string()])
        );
        // Japanese keeps the space between family and given name.
        let japanese = "新井 諒介。本研究では、ソフトウェアの検証において形式手法を用いる方法について述べる。\
            提案する手法を実際のシステムに適用し、その有効性を評価した結果について報告する。";
        assert_eq!(
            authors_given_info("新井 諒介", japanese),
            Some(vec!["新井 諒介".to_string()])
        );
    }

    #[test]
    fn a_declared_given_name_gives_way_to_the_printed_full_name() {
        let printed = ["Paolo Cattarello".to_string()];
        let names = |list: &[&str]| list.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert!(only_given_names(&printed, &names(&["Paolo"])));
        assert!(!only_given_names(&printed, &names(&["Paolo Cattarello"])));
        assert!(!only_given_names(&printed, &names(&["Marco"])));
    }

    #[test]
    fn an_info_title_from_the_middle_of_the_printed_one_gives_way() {
        let title_given = |declared: &str, printed_title: &str| {
            let info = Info {
                title: Some(declared.into()),
                ..Info::default()
            };
            let lines = [PrintedLine::plain(1, printed_title, 30.0, 420.0)];
            let printed = PrintedMetadata {
                title: Some(printed_title.into()),
                ..PrintedMetadata::default()
            };
            metadata_on_page(&info, &printed, &lines, &text(&[printed_title]))
                .title
                .map(|t| t.value)
        };
        let full =
            "Assessing the National Landscape of Capital Expenditures for Public School Districts";
        assert_eq!(
            title_given("Capital Expenditures", full).as_deref(),
            Some(full)
        );
        // A sentence read as the title does not beat the metadata.
        let sentence = "This PDF version of Free Culture is licensed";
        assert_eq!(
            title_given("Free Culture", sentence).as_deref(),
            Some("Free Culture")
        );
    }

    #[test]
    fn an_info_title_printed_only_in_small_type_is_not_confirmed() {
        let info = Info {
            title: Some("Proceedings of the 45th Annual Meeting of the ACL".into()),
            ..Info::default()
        };
        let lines = [
            PrintedLine::plain(1, "Sparse Information Extraction", 14.0, 80.0),
            PrintedLine::plain(
                1,
                "We study how to extract facts from a large corpus of text.",
                10.0,
                200.0,
            ),
            PrintedLine::plain(
                1,
                "Proceedings of the 45th Annual Meeting of the ACL",
                9.0,
                760.0,
            ),
        ];
        let printed = PrintedMetadata {
            title: Some("Sparse Information Extraction".into()),
            ..PrintedMetadata::default()
        };
        let title = |lines: &[PrintedLine]| {
            metadata_on_page(
                &info,
                &printed,
                lines,
                &text(&[&lines
                    .iter()
                    .map(|l| l.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")]),
            )
            .title
            .map(|t| (t.value, t.source))
        };
        assert_eq!(
            title(&lines),
            Some((
                "Sparse Information Extraction".to_string(),
                MetadataSource::Page
            ))
        );
        // A numbered section heading as the largest line: a page from inside
        // a document, whose title the Info dictionary knows.
        let inside = PrintedMetadata {
            title: Some("6.4 Internal PXC".into()),
            ..PrintedMetadata::default()
        };
        let info_guide = Info {
            title: Some("Interface Configuration Guide".into()),
            ..Info::default()
        };
        let chosen = metadata_from(&Sources {
            info: &info_guide,
            xmp: None,
            printed: &inside,
            lines: &[],
            page_heights: &[],
            text: &text(&["6.4 Internal PXC\nA PXC joins two interfaces of the same router."]),
        })
        .title
        .map(|t| t.value);
        assert_eq!(chosen.as_deref(), Some("Interface Configuration Guide"));
        // Printed as the title, the Info title is confirmed.
        let mut as_title = lines.clone();
        as_title[0].text = "Proceedings of the 45th Annual Meeting of the ACL".into();
        assert_eq!(title(&as_title).map(|t| t.1), Some(MetadataSource::Info));
    }

    #[test]
    fn a_books_imprint_dates_it_when_the_first_pages_do_not() {
        let date = |pages: &[&str]| {
            metadata_of(&Info::default(), None, &text(pages))
                .date
                .map(|d| d.value)
        };
        let book = ["", "WALDEN\nBY\nHENRY DAVID THOREAU"];
        assert_eq!(
            date(
                &[
                    &book[..],
                    &["This edition was published by Global Grey\n©GlobalGrey 2018"]
                ]
                .concat()
            ),
            Some("2018".to_string())
        );
        // In a statute, "(c)" starts a subsection.
        assert_eq!(
            date(&[&book[..], &["(c) 1974 amendments to the Act apply."]].concat()),
            None
        );
    }

    #[test]
    fn a_journal_article_is_dated_by_its_header() {
        let date = |top: &str, printed: Option<&str>, furniture: &str| {
            let lines = [PrintedLine::plain(1, top, 10.0, 40.0)];
            let mut text = text(&["The first page."]);
            if !furniture.is_empty() {
                text.furniture.push(crate::record::FurnitureLine {
                    page: 1,
                    text: furniture.to_string(),
                });
            }
            let printed = PrintedMetadata {
                date: printed.map(|line| {
                    let iso = date::find_dates(line)[0].iso.clone();
                    (iso, line.to_string())
                }),
                ..PrintedMetadata::default()
            };
            metadata_from(&Sources {
                info: &Info::default(),
                xmp: None,
                printed: &printed,
                lines: &lines,
                page_heights: &[],
                text: &text,
            })
            .date
            .map(|d| d.value)
        };
        let header =
            "462 Int. J. Dynamical Systems and Differential Equations, Vol. 11, Nos. 5/6, 2021";
        // A conference the paper was presented at is no publication date.
        let presented = "University), India, 14–16 February, 2019.";
        assert_eq!(date(header, Some(presented), ""), Some("2021".into()));
        // A publication date the page labels wins.
        let published = "Published: 10 October 2017";
        assert_eq!(date(header, Some(published), ""), Some("2017-10-10".into()));
        // The header may be the page's running header, with the year
        // before the volume and article number.
        let running = "Erandi et al. Theoretical Biology and Medical Modelling (2021) 18:3";
        assert_eq!(date("RESEARCH", None, running), Some("2021".into()));
        // A report's first line is no journal's header.
        assert_eq!(
            date("Annual report", Some(presented), ""),
            Some("2019-02".into())
        );
        // An act of the Union is dated by the Official Journal's issue in
        // the running header, not by its adoption in its title.
        let journal = "27.6.2013 EN Official Journal of the European Union L 176/1";
        assert_eq!(
            date("I", Some("of 26 June 2013"), journal),
            Some("2013-06-27".into())
        );
    }

    #[test]
    fn an_organisation_the_pages_never_name_made_the_file() {
        let page = "Statistics from the Census Bureau on retail and wholesale trade.";
        assert_eq!(authors_given_info("Turn-Key Systems Pty Ltd", page), None);
        // The chancellery that publishes a country's laws made the file.
        let law =
            "Le Conseil fédéral suisse, vu la loi fédérale sur la circulation routière, arrête:";
        assert_eq!(
            authors_given_info("Chancellerie federale suisse", law),
            None
        );
        assert_eq!(
            authors_given_info("U.S. Census Bureau", page),
            Some(vec!["U.S. Census Bureau".to_string()])
        );
    }

    #[test]
    fn one_word_the_pages_never_print_is_a_login_not_an_author() {
        let page = "Recommendation T.81 of the CCITT on still image compression.";
        assert_eq!(authors_given_info("vhaisfalexaj", page), None);
        assert_eq!(authors_given_info("JOHNSCA", page), None);
        assert_eq!(
            authors_given_info("IBM", page),
            Some(vec!["IBM".to_string()])
        );
        assert_eq!(
            authors_given_info("CCITT", page),
            Some(vec!["CCITT".to_string()])
        );
        assert_eq!(
            authors_given_info("Jane Doe", page),
            Some(vec!["Jane Doe".to_string()])
        );
    }

    #[test]
    fn a_name_the_document_never_prints_is_the_files_maker() {
        let body = "This bulletin summarises the prescribing changes agreed by the \
            medicines optimisation committee this quarter, with the evidence reviewed \
            and the actions expected of practices across the county. ";
        let page = format!("{body}Written by Jane Doe, lead pharmacist. {body}");
        // Printed anywhere (here in a byline inside the text): an author.
        assert_eq!(
            authors_given_info("Jane Doe", &page),
            Some(vec!["Jane Doe".to_string()])
        );
        // A LaTeX author block run together is no list of names.
        assert_eq!(
            authors_given_info("Submission: RR_BRA_2025_508 Jane Doe jd@example.org", &page),
            None
        );
        // Never printed, in a text long enough to tell: whoever made the file.
        assert_eq!(authors_given_info("Laura Halstead", &page), None);
        assert_eq!(authors_given_info("Jane Doe; Laura Halstead", &page), None);
        // A Korean name the text sets letter by letter ("김 창 호") is printed.
        let korean = format!("{body}김 창 호 {body}");
        assert_eq!(
            authors_given_info("김창호", &korean),
            Some(vec!["김창호".to_string()])
        );
    }

    #[test]
    fn junk_titles() {
        assert!(is_junk_title("Table of Contents"));
        assert!(is_junk_title("PowerPoint 演示文稿"));
        assert!(!is_junk_title("Mastering PowerPoint 2019"));
        assert!(is_junk_title("Inhaltsverzeichnis"));
        assert!(!is_junk_title("Contents of the Sea"));
        assert!(is_junk_title("Microsoft Word - draft3.docx"));
        assert!(is_junk_title("report_final.pdf"));
        assert!(is_junk_title("Untitled-1"));
        assert!(is_junk_title("brief_v2_FINAL"));
        assert!(!is_junk_title("Water Security in the Sahel"));
        // A genre word alone.
        assert!(is_junk_title("白皮书"));
        assert!(is_junk_title("Executive Summary"));
    }

    #[test]
    fn line_numbers_in_both_margins_leave_the_line() {
        let numbered = |items: &[&str]| {
            let mut line = PrintedLine::plain(1, &items.join(" "), 8.5, 134.0);
            line.cells = items.iter().map(|i| i.to_string()).collect();
            without_line_numbers(line)
        };
        let authors = numbered(&["8", "Darin Christensen, Allison N. Grossman", "70"]);
        assert_eq!(authors.text, "Darin Christensen, Allison N. Grossman");
        assert!(authors.cells.is_empty());
        // A running head's page number, a contents entry's: kept.
        assert_eq!(numbered(&["272", "Notes"]).text, "272 Notes");
        assert_eq!(numbered(&["Myth Busters", "4"]).text, "Myth Busters 4");
    }

    #[test]
    fn line_numbers_in_the_left_margin_are_left_out() {
        let page = |texts: &[&str]| {
            let mut placed: Vec<(PrintedLine, f32, f32)> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    (
                        PrintedLine::plain(1, t, 10.0, 100.0 + 12.0 * i as f32),
                        0.0,
                        0.0,
                    )
                })
                .collect();
            without_left_line_numbers(&mut placed);
            placed
                .into_iter()
                .map(|(l, _, _)| l.text)
                .collect::<Vec<_>>()
        };
        let manuscript = [
            "1 Article",
            "2 Reconceptualizing Prompt Engineering as Reflective",
            "3 Professional Practice: A Framework for Teacher Develop-",
            "4 ment",
            "5 Ioannis Dourvas 1, George Kokkonis 1",
            "6 1 Department of Informatics",
            "8 * Correspondence: gkokkonis@ihu.gr",
            "9 Abstract",
            "10 The rapid integration of Generative AI in education",
        ];
        let read = page(&manuscript);
        assert_eq!(
            read[1],
            "Reconceptualizing Prompt Engineering as Reflective"
        );
        assert_eq!(read[5], "1 Department of Informatics");
        // A list of numbered items that do not rise line by line stays.
        let list = [
            "3 ways to save water",
            "10 rules for rivers",
            "7 habits",
            "2 Reasons",
            "12 Months",
            "5 Questions",
            "1 Answer",
            "9 Lives",
        ];
        assert_eq!(page(&list), list);
    }

    #[test]
    fn line_numbers_are_no_printed_lines() {
        assert!(is_line_numbers("1 63"));
        assert!(is_line_numbers("6"));
        // A year alone on its line is a date.
        assert!(!is_line_numbers("2024"));
        assert!(!is_line_numbers("Risks"));
    }

    #[test]
    fn letter_spaced_lines() {
        assert_eq!(printed_text("환 경 노 동 위 원 회"), "환경노동위원회");
        assert_eq!(printed_text("김 창 호"), "김창호");
        // Words of several letters keep their spaces; Latin keeps them too.
        assert_eq!(printed_text("생성형 AI 구축"), "생성형 AI 구축");
        assert_eq!(printed_text("R E P O R T"), "R E P O R T");
        assert!(is_letter_spaced("R E P O R T"));
        assert!(is_letter_spaced("W O R K I N G PA P E R S"));
        assert!(is_letter_spaced("T R A I N I N G D ATA L A B"));
        assert!(!is_letter_spaced("Li Xu Yu Wu Ma Qi"));
        assert!(is_letter_spaced("검 토 보 고"));
        assert!(!is_letter_spaced("J. R. Smith"));
        assert!(!is_letter_spaced("A B"));
        // Two-character Chinese names spaced to the width of three.
        assert_eq!(
            printed_text("罗兴武 孙 萌 刘 洋 陈 帅"),
            "罗兴武 孙萌 刘洋 陈帅"
        );
        assert_eq!(printed_text("罗兴武 孙 萌 刘"), "罗兴武 孙 萌 刘");
    }

    #[test]
    fn author_lists() {
        assert_eq!(
            split_authors("Jane Doe; John Roe"),
            ["Jane Doe", "John Roe"]
        );
        assert_eq!(
            split_authors("Jane Doe, John Roe and Ann Lee"),
            ["Jane Doe", "John Roe", "Ann Lee"]
        );
        assert_eq!(split_authors("Doe, Jane"), ["Jane Doe"]);
        // The last item of an XMP list keeps its joiner.
        assert_eq!(
            split_authors("and Danya Arif Siddiqi"),
            ["Danya Arif Siddiqi"]
        );
        // An organisation's name that holds "and" is one author.
        assert_eq!(
            split_authors("National Institute of Standards and Technology"),
            ["National Institute of Standards and Technology"]
        );
        assert_eq!(split_authors("Smith and Jones"), ["Smith", "Jones"]);
        // A role beside the names is no author.
        assert_eq!(
            split_authors("Dag Seljebotn, Greg Ewing, editor"),
            ["Dag Seljebotn", "Greg Ewing"]
        );
        assert_eq!(
            split_authors("Walter Gary Sharp, Sr."),
            ["Walter Gary Sharp, Sr."]
        );
        assert_eq!(
            split_authors("U.S. Government Accountability Office, http://www.gao.gov"),
            ["U.S. Government Accountability Office"]
        );
    }

    #[test]
    fn metadata_naming_fewer_authors_than_the_page_or_a_letter_loses() {
        let page = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        let printed = page(&[
            "AMIR SHEIKHAHMADI",
            "MOHAMMAD A. NEMATBAKHSH",
            "ARMAN SHOKROLLAHI",
        ]);
        assert!(lists_more(&printed, &page(&["A. Shokrollahi"])));
        assert!(!lists_more(&printed, &page(&["A. Shokrollahi", "J. Roe"])));
        assert!(!lists_more(&page(&["Jane Doe"]), &page(&["Jane Doe"])));
        // Metadata that reads the page's affiliations as more names.
        let printed = page(&["Melissa Monk", "Chantel Wetzel"]);
        let declared = page(&[
            "Dr. Melissa Monk",
            "Southwest Fisheries Science Center",
            "Dr. Chantel Wetzel",
            "Northwest Fisheries Science Center",
        ]);
        assert!(with_affiliations(&printed, &declared));
        assert!(!with_affiliations(
            &printed,
            &page(&["Melissa Monk", "Chantel Wetzel", "Ann Lee"])
        ));
        assert!(spells_out(
            &page(&["Viren Jain", "H. Sebastian Seung"]),
            &page(&["Viren Jain", "Sebastian Seung"])
        ));
        assert!(!spells_out(&page(&["Jane Doe"]), &page(&["Jane Doe"])));
        // Info's "IEEE" loses to the people the page names.
        assert!(names_people(&page(&["Ed Chang", "Avideh Zakhor"])));
        assert!(!names_people(&page(&["IEEE"])));
        assert!(is_account_name("z"));
        assert!(!is_account_name("CCITT"));
    }

    fn layout_line(
        text: &str,
        size: f32,
        (x0, x1): (f32, f32),
        y: f32,
        dir: (f32, f32),
    ) -> crate::pdf::layout::Line {
        crate::pdf::layout::Line {
            text: text.into(),
            x0,
            y0: y - size,
            x1,
            y1: y,
            size,
            font: 0,
            dir,
            words: Vec::new(),
        }
    }

    fn layout_block(lines: Vec<crate::pdf::layout::Line>) -> crate::pdf::layout::Block {
        crate::pdf::layout::Block {
            x0: 72.0,
            y0: 0.0,
            x1: 500.0,
            y1: 800.0,
            lines,
        }
    }

    #[test]
    fn a_small_phrase_beside_a_large_logo_word_is_its_own_line() {
        let word = |text: &str, x0: f32, x1: f32, size: f32| crate::pdf::layout::Word {
            text: text.into(),
            x0,
            y0: 700.0,
            x1,
            y1: 700.0 + size,
            size,
            font: 0,
        };
        let mut line = layout_line(
            "GAO Report to the Chairman",
            36.0,
            (33.0, 430.0),
            736.0,
            (1.0, 0.0),
        );
        line.words = vec![
            word("GAO", 33.0, 105.0, 36.0),
            word("Report", 219.0, 279.0, 19.9),
            word("to", 284.0, 302.0, 19.9),
            word("the", 307.0, 334.0, 19.9),
            word("Chairman", 339.0, 430.0, 19.9),
        ];
        let parts = parts_by_type_size(&line);
        let texts: Vec<(&str, f32)> = parts.iter().map(|p| (p.text.as_str(), p.size)).collect();
        assert_eq!(texts, [("GAO", 36.0), ("Report to the Chairman", 19.9)]);
        // A footnote mark or a short unit stays with its line.
        line.words.truncate(3);
        line.text = "GAO Report to".into();
        assert_eq!(parts_by_type_size(&line).len(), 1);
    }

    #[test]
    fn a_title_cut_at_the_gutter_is_one_line_again() {
        let across = (1.0, 0.0);
        // Two columns: the title's second half is read with the right one.
        let layout = PageLayout {
            width: 612.0,
            height: 792.0,
            fonts: Vec::new(),
            blocks: vec![
                layout_block(vec![
                    layout_line("Disk-Based Storage", 24.0, (120.0, 300.0), 740.0, across),
                    layout_line(
                        "Body of the left column.",
                        9.0,
                        (72.0, 300.0),
                        600.0,
                        across,
                    ),
                ]),
                layout_block(vec![
                    layout_line("for Scalable Video", 24.0, (306.0, 480.0), 740.0, across),
                    layout_line(
                        "Body of the right column.",
                        9.0,
                        (312.0, 540.0),
                        600.0,
                        across,
                    ),
                ]),
            ],
        };
        let texts: Vec<String> = printed_lines(std::slice::from_ref(&layout), &[])
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(
            texts,
            [
                "Disk-Based Storage for Scalable Video",
                "Body of the left column.",
                "Body of the right column."
            ]
        );
    }

    #[test]
    fn a_running_header_in_the_only_display_type_stays_a_printed_line() {
        let across = (1.0, 0.0);
        let page_with = |header: f32| PageLayout {
            width: 612.0,
            height: 792.0,
            fonts: Vec::new(),
            blocks: vec![layout_block(vec![
                layout_line(
                    "BARIATRIC HANDLING BIBLIOGRAPHY",
                    14.0,
                    (72.0, 400.0),
                    760.0,
                    across,
                ),
                layout_line(
                    "Adams, C. H. (1993). Obesity and care.",
                    12.0,
                    (72.0, 500.0),
                    720.0,
                    across,
                ),
                layout_line(
                    "Adler, H. (2002). The sociophysiology of caring.",
                    header,
                    (72.0, 500.0),
                    700.0,
                    across,
                ),
            ])],
        };
        let furniture = [crate::record::FurnitureLine {
            page: 1,
            text: "BARIATRIC HANDLING BIBLIOGRAPHY".into(),
        }];
        let texts = |layout: PageLayout| -> Vec<String> {
            printed_lines(&[layout], &furniture)
                .into_iter()
                .map(|l| l.text)
                .collect()
        };
        // The header is the page's only display type: the title is there.
        assert_eq!(texts(page_with(12.0)).len(), 3);
        // A larger line elsewhere is the title; the header is furniture.
        assert_eq!(
            texts(page_with(20.0)),
            [
                "Adams, C. H. (1993). Obesity and care.",
                "Adler, H. (2002). The sociophysiology of caring."
            ]
        );
    }

    #[test]
    fn a_year_alone_at_the_foot_of_a_cover_is_no_furniture() {
        let across = (1.0, 0.0);
        let line = |text: &str, top: f32| layout_line(text, 14.0, (200.0, 400.0), top, across);
        let cover = PageLayout {
            width: 612.0,
            height: 792.0,
            fonts: Vec::new(),
            blocks: vec![layout_block(vec![
                line("MÉTODOS DE MACHINE LEARNING", 500.0),
                line("VITÓRIA", 80.0),
                line("2026", 60.0),
            ])],
        };
        // Text normalisation calls both foot lines furniture: they repeat
        // on the title page.
        let furniture: Vec<_> = ["VITÓRIA", "2026"]
            .iter()
            .map(|t| crate::record::FurnitureLine {
                page: 1,
                text: t.to_string(),
            })
            .collect();
        let texts: Vec<String> = printed_lines(&[cover], &furniture)
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(texts, ["MÉTODOS DE MACHINE LEARNING", "2026"]);
    }

    #[test]
    fn a_vertical_stamp_in_the_margin_is_not_read_as_front_matter() {
        let line = |text: &str, size: f32, y: f32, dir: (f32, f32)| {
            layout_line(text, size, (72.0, 500.0), y, dir)
        };
        let layout = PageLayout {
            width: 612.0,
            height: 792.0,
            fonts: Vec::new(),
            blocks: vec![
                layout_block(vec![line(
                    "arXiv:1504.06236v2 [cs.SI] 24 Apr 2015",
                    20.0,
                    600.0,
                    (0.0, 1.0),
                )]),
                layout_block(vec![
                    line(
                        "Improving Detection of Influential Nodes",
                        14.0,
                        700.0,
                        (1.0, 0.0),
                    ),
                    line(
                        "Body text of the paper goes on and on in this line.",
                        9.0,
                        650.0,
                        (1.0, 0.0),
                    ),
                ]),
            ],
        };
        let lines = printed_lines(std::slice::from_ref(&layout), &[]);
        let margin: Vec<&str> = lines
            .iter()
            .filter(|l| l.margin)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(margin, ["arXiv:1504.06236v2 [cs.SI] 24 Apr 2015"]);
        let front = page::read_front_matter(&lines, "", &names::CommonWords::default());
        assert_eq!(
            front.title.as_deref(),
            Some("Improving Detection of Influential Nodes")
        );
    }

    #[test]
    fn junk_info_title_loses_to_xmp_and_is_kept_as_alternative() {
        let info = Info {
            title: Some("Microsoft Word - brief.docx".into()),
            author: Some("jdoe42".into()),
            ..Info::default()
        };
        let xmp = Xmp::parse(
            br#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Water
            Security</rdf:li></rdf:Alt></dc:title><dc:date><rdf:Seq><rdf:li>2024-06</rdf:li></rdf:Seq></dc:date></rdf:Description></rdf:RDF></x:xmpmeta>"#,
        );
        let text = text(&[
            "ISSN 2049-3630. The committee recommends that member states strengthen the monitoring \
            of water resources and publish their data every year, so that farmers, cities and industry can plan \
            for droughts and floods with the same information.",
        ]);
        let metadata = metadata_of(&info, Some(&xmp), &text);
        let title = metadata.title.expect("a title");
        assert_eq!(title.value, "Water Security");
        assert_eq!(title.source, MetadataSource::Xmp);
        assert_eq!(title.alternatives.len(), 1);
        assert_eq!(metadata.authors, None, "an account name is no author");
        assert_eq!(metadata.date.map(|d| d.value), Some("2024-06".to_string()));
        assert_eq!(metadata.language.map(|l| l.value), Some("en".to_string()));
        assert_eq!(
            metadata.identifiers.first().map(|i| i.value.as_str()),
            Some("2049-3630")
        );
    }

    #[test]
    fn a_declared_date_with_a_time_of_day_is_a_timestamp() {
        let xmp = Xmp::parse(
            br#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:date><rdf:Seq><rdf:li>2023-06-09T14:10:01+09:00</rdf:li></rdf:Seq></dc:date></rdf:Description></rdf:RDF></x:xmpmeta>"#,
        );
        let metadata = metadata_of(
            &Info::default(),
            Some(&xmp),
            &text(&["대한민국약전 일부개정고시 변경대비표"]),
        );
        assert_eq!(metadata.date, None);
    }

    /// A page whose only issuer is a copyright line's holder.
    fn copyright_page() -> ([PrintedLine; 1], TextSection) {
        let notice = "© 2024 The Meridian Water Institute. All rights reserved.";
        let lines = [PrintedLine::plain(1, notice, 8.0, 760.0)];
        (lines, text(&[&format!("Water in cities. {notice}")]))
    }

    #[test]
    fn publisher_from_xmp_when_printed_else_from_the_page() {
        let xmp = |publisher: &str| {
            Xmp::parse(format!(
                r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:publisher><rdf:Bag><rdf:li>{publisher}</rdf:li></rdf:Bag></dc:publisher></rdf:Description></rdf:RDF></x:xmpmeta>"#
            ).as_bytes())
        };
        let (lines, text) = copyright_page();
        let publisher = |xmp: &Xmp| {
            metadata_from(&Sources {
                info: &Info::default(),
                xmp: Some(xmp),
                printed: &PrintedMetadata::default(),
                lines: &lines,
                page_heights: &[792.0],
                text: &text,
            })
            .publisher
        };
        let printed = publisher(&xmp("Meridian Water Institute")).map(|p| (p.value, p.source));
        assert_eq!(
            printed,
            Some(("Meridian Water Institute".to_string(), MetadataSource::Xmp)),
            "XMP that the page prints wins"
        );
        let template = publisher(&xmp("Acme Templates Ltd")).map(|p| {
            let lost: Vec<(Value, &'static str)> = p
                .alternatives
                .iter()
                .map(|a| {
                    (
                        a.value.clone(),
                        if a.reason.contains("not printed") {
                            "not printed"
                        } else {
                            "other"
                        },
                    )
                })
                .collect();
            (p.value, p.source, lost)
        });
        assert_eq!(
            template,
            Some((
                "Meridian Water Institute".to_string(),
                MetadataSource::Page,
                vec![(Value::String("Acme Templates Ltd".into()), "not printed")]
            ))
        );
        // No person named: the printed issuer is the (corporate) author.
        let authors =
            metadata_on_page(&Info::default(), &PrintedMetadata::default(), &lines, &text)
                .authors
                .map(|a| (a.value, a.source));
        assert_eq!(
            authors,
            Some((
                vec!["Meridian Water Institute".to_string()],
                MetadataSource::Page
            ))
        );
    }

    #[test]
    fn the_printed_issuer_is_the_author_over_another_organisation() {
        let (lines, text) = copyright_page();
        let authors_with = |info_author: &str| {
            let info = Info {
                author: Some(info_author.to_string()),
                ..Info::default()
            };
            metadata_on_page(&info, &PrintedMetadata::default(), &lines, &text)
                .authors
                .map(|a| a.value)
        };
        // Another organisation in Info gives way to the printed issuer.
        assert_eq!(
            authors_with("Acme Templates Department"),
            Some(vec!["Meridian Water Institute".to_string()])
        );
        // Another spelling of the issuer itself stays.
        assert_eq!(
            authors_with("The Meridian Water Institute"),
            Some(vec!["The Meridian Water Institute".to_string()])
        );
    }

    #[test]
    fn xmp_dates_keep_their_precision() {
        assert_eq!(parse_xmp_date("2024").as_deref(), Some("2024"));
        assert_eq!(parse_xmp_date("2024-06").as_deref(), Some("2024-06"));
        assert_eq!(parse_xmp_date("2024-06-15").as_deref(), Some("2024-06-15"));
        assert_eq!(
            parse_xmp_date("2024-06-15T09:30:00+02:00").as_deref(),
            Some("2024-06-15T09:30:00+02:00")
        );
        assert_eq!(
            parse_xmp_date("2024-06-15T09:30:00Z").as_deref(),
            Some("2024-06-15T09:30:00Z")
        );
        assert_eq!(
            parse_xmp_date("2024-06-15T09:30-05:00").as_deref(),
            Some("2024-06-15T09:30:00-05:00")
        );
        assert_eq!(parse_xmp_date("June 2024"), None);
    }
}
