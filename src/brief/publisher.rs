//! The issuing organisation as the first pages print it, the way a
//! cataloguer finds it: a "Published by" or "Publisher:" line, the holder
//! in a copyright line ("© 2024 The Water Institute"), or an organisation's
//! name standing alone at the top or foot of the cover ("U.S. GEOLOGICAL
//! SURVEY", "Bureau of Reclamation").
//!
//! Author affiliations print organisation names too; they are told apart
//! by where they stand (right after the names, in the middle of the page,
//! numbered as footnotes, ending as a sentence).

use super::date::find_dates;
use super::names::has_issuer_word;
use super::page::{PrintedLine, is_series_label, series_start};

/// Everything the publisher rules look at.
pub struct PublisherSources<'a> {
    /// Lines of the first two pages, furniture left out, in reading order.
    pub lines: &'a [PrintedLine],
    /// Height of each of those pages, in points (index 0 is page 1).
    pub page_heights: &'a [f32],
    /// Running headers and footers of those pages: copyright lines often
    /// repeat on every page.
    pub furniture: &'a [(u32, &'a str)],
    pub title: Option<&'a str>,
    pub authors: &'a [String],
}

/// The printed publisher, first found by these rules in this order: a
/// labelled line on the first two pages; a copyright line on page 1; an
/// organisation's name alone near the top or foot of page 1; a copyright
/// line on page 2.
pub fn printed_publisher(sources: &PublisherSources) -> Option<String> {
    let texts = |page: u32| {
        sources
            .lines
            .iter()
            .filter(move |l| l.page == page)
            .map(|l| l.text.as_str())
            .chain(
                sources
                    .furniture
                    .iter()
                    .filter(move |f| f.0 == page)
                    .map(|f| f.1),
            )
    };
    // An author holding the copyright ("© 2023 by Anton Korinek") is no
    // publisher.
    let holder = |page: u32| {
        texts(page)
            .filter_map(copyright_holder)
            .find(|holder| !sources.authors.iter().any(|a| same_name(a, holder)))
    };
    sources
        .lines
        .iter()
        .filter(|l| l.page <= 2)
        .find_map(|l| labelled(&l.text))
        .or_else(|| holder(1))
        .or_else(|| beside_series(sources))
        .or_else(|| {
            sources
                .lines
                .iter()
                .filter(|l| l.page <= 2)
                .find_map(|l| self_described(&l.text))
        })
        .or_else(|| standing_alone(sources))
        .or_else(|| holder(2))
        .or_else(|| named_by_domain(sources))
        .or_else(|| sources.title.and_then(issuer_in_title))
}

/// A report that names its issuer in its title ("AMNESTY INTERNATIONAL
/// REPORT 2013: …", "Wikimedia Deutschland Jahresbericht 2016", "The
/// Report of the State Security Service of Georgia"): the issuer, when the
/// page says nothing else. The name must read as an organisation's (an
/// issuer's word, or a closing "International"), unless the report is an
/// annual one, which only an organisation writes of itself.
fn issuer_in_title(title: &str) -> Option<String> {
    const ANNUAL: &[&str] = &[
        "annual report",
        "jahresbericht",
        "rapport annuel",
        "informe anual",
        "relatório anual",
        "jaarverslag",
    ];
    const LEADS: &[&str] = &[
        "the annual report of ",
        "annual report of ",
        "the report of ",
        "report of ",
    ];
    let main = title.split(':').next()?.trim();
    // The year of the issue after the genre says which, not whose.
    let without_year = main
        .trim_end_matches(|c: char| c.is_ascii_digit() || "-–/ ".contains(c))
        .trim_end();
    // A genre ending the title after a space (not "Semi-Annual Report"),
    // compared without case on the title's own characters, whose lengths
    // lower-casing may change ("İ").
    let before_genre = |genre: &str| {
        let at = without_year.len().checked_sub(genre.len())?;
        let tail = without_year.get(at..)?;
        let head = without_year.get(..at)?;
        (tail.to_lowercase() == genre && head.ends_with(' ')).then_some(head)
    };
    let (name, annual) = if let Some((head, genre)) = ANNUAL
        .iter()
        .find_map(|genre| before_genre(genre).map(|head| (head, *genre)))
    {
        // "Human Rights Annual Report" is about human rights: in English a
        // name in capitals or with an issuer's word; the other languages'
        // annual reports are their issuer's ("Wikimedia Deutschland
        // Jahresbericht 2016").
        let shouted = !head.chars().any(char::is_lowercase);
        (head, genre != "annual report" || shouted)
    } else if let Some(head) = before_genre("report") {
        // The issuer's word ends its name ("State Security Service"), not
        // a subject's ("World Bank Poverty Assessment").
        let last = head.split_whitespace().last().unwrap_or("");
        if !has_issuer_word(last) && !ends_with_international(last) {
            return None;
        }
        (head, false)
    } else {
        let (lead, rest) = LEADS.iter().find_map(|lead| {
            let rest = main.get(lead.len()..)?;
            main.get(..lead.len())?
                .eq_ignore_ascii_case(lead)
                .then_some((*lead, rest))
        })?;
        let cut = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(rest.len());
        (
            rest[..cut].trim_end_matches([',', ' ']),
            lead.contains("annual"),
        )
    };
    let name = name.trim();
    let name = name.strip_prefix("the ").unwrap_or(name);
    let words = word_count(name);
    let organisation = has_issuer_word(name) || ends_with_international(name);
    let good = (2..=8).contains(&words)
        && !name.chars().any(|c| c.is_ascii_digit())
        && starts_like_a_name(name)
        && capitalised_share(name) >= 1.0
        && (organisation || annual);
    good.then(|| tidy(name))
}

/// "Amnesty International", "Transparency International": a name closed
/// by the word that many organisations end with but no issuer list holds.
fn ends_with_international(name: &str) -> bool {
    name.split_whitespace()
        .last()
        .is_some_and(|w| w.eq_ignore_ascii_case("international"))
}

/// A name on page 1 that the web address or e-mail domain printed on the
/// first pages spells ("RANKING DIGITAL RIGHTS" and
/// "RANKINGDIGITALRIGHTS.ORG/INDEX2018"), or abbreviates ("Center for
/// Strategic and International Studies" and "csis.org"): the issuer, when
/// nothing says so in words.
fn named_by_domain(sources: &PublisherSources) -> Option<String> {
    let labels: Vec<String> = sources
        .lines
        .iter()
        .filter(|l| l.page <= 2)
        .flat_map(|l| l.text.split_whitespace())
        .chain(
            sources
                .furniture
                .iter()
                .flat_map(|f| f.1.split_whitespace()),
        )
        .filter_map(domain_label)
        .collect();
    if labels.is_empty() {
        return None;
    }
    let initials = |text: &str| -> String {
        text.split_whitespace()
            .filter(|w| {
                !["of", "for", "and", "the", "on", "in", "&"].contains(&w.to_lowercase().as_str())
            })
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect()
    };
    // Above the title, where a masthead is: below it, an author's
    // affiliation matches the domain of an e-mail address.
    let page_one: Vec<&PrintedLine> = sources
        .lines
        .iter()
        .filter(|l| l.page == 1 && !l.margin)
        .collect();
    let title = folded(sources.title?);
    let title_at = page_one.iter().position(|l| {
        let text = folded(&l.text);
        text.chars().count() > 3 && title.contains(&text)
    })?;
    page_one[..title_at]
        .iter()
        .map(|l| l.text.trim())
        .filter(|text| (2..=8).contains(&word_count(text)) && !text.contains(['@', '/', ':']))
        .find(|text| {
            let letters: String = text
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            let short = initials(text);
            labels
                .iter()
                .any(|label| *label == letters || (word_count(text) >= 3 && *label == short))
                && !sources.authors.iter().any(|a| same_name(a, text))
        })
        .map(tidy)
}

/// The name part of a web address or e-mail domain ("rankingdigitalrights"
/// from "RANKINGDIGITALRIGHTS.ORG/INDEX2018", "csis" from
/// "https://www.csis.org", "gmu" from "sean@cs.gmu.edu").
fn domain_label(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let host = match lower.split_once('@') {
        Some((_, domain)) => domain,
        None => lower
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("www.")
            .split('/')
            .next()?,
    };
    let host = host.trim_end_matches(['.', ',', ';', ')']);
    let mut parts = host.rsplit('.');
    let tld = parts.next()?;
    let mut label = parts.next()?;
    // "ons.gov.uk", "unimelb.edu.au": the name is before the second level.
    if tld.len() == 2 && SECOND_LEVELS.contains(&label) {
        label = parts.next()?;
    }
    // A web address is marked as one, or ends with a country's code or a
    // common top-level domain: "annual-report.pdf" and "numpy.array" are
    // no addresses.
    let marked = word.contains('@') || lower.contains("www.") || lower.contains("://");
    let web = marked || tld.len() == 2 || TOP_LEVELS.contains(&tld);
    let generic = GENERIC_HOSTS.contains(&label);
    (web && tld.chars().all(|c| c.is_ascii_lowercase())
        && !generic
        && label.len() >= 3
        && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    .then(|| label.replace('-', ""))
}

/// Second-level labels under a country's code ("gov.uk", "ac.jp").
const SECOND_LEVELS: &[&str] = &[
    "co", "ac", "gov", "edu", "org", "net", "com", "ne", "or", "go",
];
/// Top-level domains of three letters or more that issuers use.
const TOP_LEVELS: &[&str] = &["org", "com", "net", "edu", "gov", "int", "info", "mil"];
/// Hosts of services that name no issuer.
const GENERIC_HOSTS: &[&str] = &[
    "doi",
    "dx",
    "creativecommons",
    "github",
    "twitter",
    "facebook",
    "linkedin",
    "youtube",
    "google",
    "gmail",
    "outlook",
    "hotmail",
    "yahoo",
    "orcid",
    "researchgate",
    "arxiv",
    "zenodo",
];

/// The same name, whatever the case and spacing.
fn same_name(a: &str, b: &str) -> bool {
    folded(a) == folded(b)
}

/// Corporate suffixes that follow a comma but belong to the name.
const SUFFIXES: &[&str] = &[
    "inc.", "inc", "ltd.", "ltd", "llc", "gmbh", "corp.", "plc", "co.", "b.v.", "n.v.", "s.a.",
    "s.p.a.", "ag",
];

/// A line that says it names the publisher: "Published by X",
/// "Publisher: X", "Herausgeber: X", "Éditeur : X", "발행처 X", ...
fn labelled(text: &str) -> Option<String> {
    const LABELS: &[&str] = &[
        "published by",
        "publisher:",
        "publié par",
        "éditeur :",
        "éditeur:",
        "herausgegeben von",
        "herausgeber:",
        "editado por",
        "publicado por",
        "발행처",
        "発行所",
        "発行者",
        "出版者",
        "出版单位",
    ];
    let trimmed = text.trim();
    // "... published by the" inside a paragraph is running text.
    if trimmed.starts_with(char::is_lowercase) || trimmed.ends_with(['-', '‐']) {
        return None;
    }
    // The label starts the line or a sentence of it ("© 2024 The Authors.
    // Published by Elsevier B.V.").
    let sentence_starts = std::iter::once(0).chain(
        trimmed
            .match_indices(". ")
            .map(|(i, _)| i + 2)
            .filter(|&i| trimmed[i..].starts_with(char::is_uppercase)),
    );
    let (start, label) = sentence_starts.into_iter().find_map(|start| {
        let lower = trimmed[start..].to_lowercase();
        LABELS
            .iter()
            .find(|l| lower.starts_with(*l))
            .map(|l| (start, *l))
    })?;
    // Lowercasing keeps these labels' byte lengths, so the cut is valid.
    let rest = trimmed
        .get(start + label.len()..)?
        .trim_start_matches([':', ' ', '：']);
    // "Published by the authors in 2020": a year ends the name.
    let name = tidy(&name_before_noise(rest));
    (word_count(&name) <= 10 && starts_like_a_name(&name)).then_some(name)
}

/// How a document names itself as the subject of "was produced by".
const DOCUMENT_SUBJECTS: &[&str] = &[
    "this brief",
    "this report",
    "this publication",
    "this paper",
    "this document",
    "this study",
    "this guide",
    "this note",
    "this issue",
];

/// What an issuer says it is ("an independent, nonpartisan research
/// organization", "a think tank").
const ORGANISATION_KINDS: &[&str] = &[
    "organization",
    "organisation",
    "institute",
    "think tank",
    "think-tank",
    "centre",
    "center",
    "foundation",
    "agency",
    "nonprofit",
    "non-profit",
    "not-for-profit",
    "charity",
    "association",
];

/// The issuer a sentence of the page describes: "The Center for Water
/// Policy is an independent, nonpartisan research organization.", "This
/// publication was produced by the Center for Water Policy with support
/// from ...". The name must read as an organisation's.
fn self_described(text: &str) -> Option<String> {
    let text = text.trim();
    // What it is must be a kind of organisation, soon after "is a": "...
    // is the sole owner of all right" describes a party to a contract.
    let subject = text
        .split_once(" is a ")
        .or_else(|| text.split_once(" is an "))
        .filter(|(_, what)| {
            let what: String = what
                .split_whitespace()
                .take(8)
                .collect::<Vec<_>>()
                .join(" ");
            let what = what.to_lowercase();
            ORGANISATION_KINDS.iter().any(|kind| what.contains(kind))
        })
        .map(|(name, _)| name)
        .filter(|name| name.starts_with(char::is_uppercase));
    let agent = || {
        let lower = text.to_lowercase();
        ["produced by ", "published by ", "issued by "]
            .iter()
            .find_map(|verb| {
                let found = lower.find(verb)?;
                // The document must be the one made: "This brief was
                // produced by ...", not "data published by the World Bank".
                let subject = lower.get(..found)?;
                if !DOCUMENT_SUBJECTS.iter().any(|d| subject.contains(d)) {
                    return None;
                }
                let at = found + verb.len();
                let rest = text.get(at..)?;
                let rest = rest.strip_prefix("the ").unwrap_or(rest);
                let end = [" with ", " in ", ",", ". ", ";"]
                    .iter()
                    .filter_map(|stop| rest.find(stop))
                    .min()
                    .unwrap_or(rest.len());
                Some(rest[..end].trim_end_matches('.'))
            })
    };
    let name = subject.or_else(agent)?;
    organisation_line(name).filter(|found| word_count(found) >= word_count(name).saturating_sub(1))
}

/// The holder named in a copyright line, when it is an organisation:
/// "© 2024 The X Institute. All rights reserved." gives "X Institute";
/// "© 2014 A. Author et al.; licensee BioMed Central Ltd." gives "BioMed
/// Central Ltd". Authors holding the copyright are not a publisher, and a
/// licence ("Creative Commons") is not a holder.
fn copyright_holder(text: &str) -> Option<String> {
    let at = copyright_mark(text)?;
    let after = text.get(at..)?;
    let lower = after.to_lowercase();
    // The licensee first: its line often goes on to name the licence.
    if let Some(i) = lower.find("licensee ") {
        let name = name_before_noise(after.get(i + "licensee ".len()..)?);
        return (!name.is_empty()).then(|| tidy(&name));
    }
    if lower.contains("creative commons") {
        return None;
    }
    if lower.contains("et al") || lower.contains("the author") {
        return None;
    }
    let rest = strip_copyright_words(after);
    let rest = rest
        .strip_prefix("Her Majesty the Queen in Right of Canada,")
        .or_else(|| rest.strip_prefix("Crown copyright"))
        .unwrap_or(&rest)
        .trim();
    let name = name_before_noise(rest);
    let good = !name.is_empty()
        && word_count(&name) <= 10
        && starts_like_a_name(&name)
        && (name.split_whitespace().count() <= 2 || has_issuer_word(&name));
    good.then(|| tidy(&name))
}

/// The year of a copyright notice in the line ("© 2010 IEEE", "Copyright
/// 2005 by ...", "c 2008 IOP Publishing Ltd"): the first four-digit year
/// within the few words after the mark.
pub(crate) fn copyright_year(text: &str) -> Option<u32> {
    let at = copyright_mark(text)?;
    // "© Copyright IBM Corp. 1995, 2002": the latest year is this edition's.
    text.get(at..)?
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .take(3)
        .filter(|y| (1900..=2100).contains(y))
        .max()
}

/// The date of a copyright notice: its year, made more precise by a month
/// of that year on the same line ("Prague, Czech Republic, June 2007. c
/// 2007 Association for Computational Linguistics") or by the year and
/// month that ACM and VLDB append to the ISBN or ISSN of their notices
/// ("Copyright 2010 VLDB Endowment 2150-8097/10/09").
pub(crate) fn copyright_date(text: &str) -> Option<String> {
    let year = copyright_year(text)?;
    let prefix = format!("{year:04}-");
    let printed = find_dates(text)
        .into_iter()
        .map(|d| d.iso)
        .find(|iso| iso.starts_with(&prefix));
    let coded = issue_code_month(text, year).map(|month| format!("{year:04}-{month:02}"));
    Some(printed.or(coded).unwrap_or_else(|| format!("{year:04}")))
}

/// The month of an ACM-style "/YY/MM" code after an ISBN or ISSN
/// ("978-1-60558-392-1/09/06"), when YY is the notice's year.
fn issue_code_month(text: &str, year: u32) -> Option<u32> {
    let bytes = text.as_bytes();
    let two_digits = |at: usize| -> Option<u32> {
        let pair = bytes.get(at..at + 2)?;
        pair.iter()
            .all(u8::is_ascii_digit)
            .then(|| u32::from(pair[0] - b'0') * 10 + u32::from(pair[1] - b'0'))
    };
    (1..bytes.len()).find_map(|i| {
        let after_number = bytes[i] == b'/' && matches!(bytes[i - 1], b'0'..=b'9' | b'X');
        let code_ends = bytes.get(i + 6).is_none_or(|b| !b.is_ascii_digit());
        if !after_number || bytes.get(i + 3) != Some(&b'/') || !code_ends {
            return None;
        }
        let (yy, month) = (two_digits(i + 1)?, two_digits(i + 4)?);
        (yy == year % 100 && (1..=12).contains(&month)).then_some(month)
    })
}

/// Where a copyright notice starts in the line: "©", "(c)", or the word
/// "Copyright" (not "copyright law" inside a sentence).
fn copyright_mark(text: &str) -> Option<usize> {
    if let Some(i) = text.find('©') {
        return Some(i);
    }
    if let Some(i) = text.find("(c) ").or_else(|| text.find("(C) ")) {
        return Some(i);
    }
    // TeX builds © from a "c" in a circle; the text layer keeps the "c":
    // "c 2008 IOP Publishing Ltd".
    if let Some(rest) = text.strip_prefix("c ")
        && rest.len() >= 5
        && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && rest.as_bytes()[4] == b' '
    {
        return Some(0);
    }
    // ... or after a sentence in a conference footnote: "Boulder,
    // Colorado, June 2009. c 2009 Association for Computational Linguistics".
    if let Some(i) = text.find(". c ").map(|i| i + 2)
        && let Some(year) = text.get(i + 2..i + 7)
        && year.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && year.ends_with(' ')
    {
        return Some(i);
    }
    let i = text.find("Copyright")?;
    // "Copyright 2005 by ...", "Copyright © ...", "Copyright c 2009 ACM":
    // a year or a mark follows.
    let next = text.get(i + "Copyright".len()..)?.trim_start();
    let follows = next.starts_with(|c: char| c.is_ascii_digit())
        || next.starts_with('©')
        || next.starts_with("c ")
        || next.starts_with("(c)");
    follows.then_some(i)
}

/// Drop the notice words and years: "Copyright © 2005-2009 by the".
fn strip_copyright_words(text: &str) -> String {
    let mut words = text.split_whitespace().peekable();
    while let Some(&word) = words.peek() {
        let lower = word.to_lowercase();
        let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
        let is_year = !bare.is_empty()
            && bare
                .split(['-', '–'])
                .all(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()));
        let skip = matches!(
            lower.as_str(),
            "©" | "(c)" | "c" | "copyright" | "by" | "the" | "©the"
        ) || lower.starts_with('©') && bare.bytes().all(|b| b.is_ascii_digit())
            || is_year;
        if !skip {
            break;
        }
        words.next();
    }
    words.collect::<Vec<_>>().join(" ")
}

/// The name at the start of `text`, up to what is not part of it: a
/// sentence end, "All rights reserved", a semicolon, a year, an ISBN or
/// price, an address after a comma.
fn name_before_noise(text: &str) -> String {
    let mut name: Vec<&str> = Vec::new();
    for word in text.split_whitespace() {
        let lower = word.to_lowercase();
        if word.chars().any(|c| c.is_ascii_digit()) || lower == "all" && !name.is_empty() {
            break;
        }
        name.push(word);
        // "Ltd." ends the name; "Ltd and SISSA" goes on; "U.S." is inside it.
        let ends = word.ends_with(';')
            || word.ends_with('.') && (SUFFIXES.contains(&lower.as_str()) || !is_initial(word));
        if ends {
            break;
        }
    }
    first_segment(&name.join(" "))
}

/// "U.S." and "J." are not sentence ends.
fn is_initial(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters <= 2 || word.matches('.').count() >= 2
}

/// The part of a name before an address: cut at the first comma, unless
/// what follows is a corporate suffix ("ARD, Inc.").
fn first_segment(text: &str) -> String {
    // "Center for Water Policy | 1234 Main Street NW | Washington, DC".
    let text = text.split(['|', '•']).next().unwrap_or(text);
    let mut out = String::new();
    for (i, part) in text.split(',').enumerate() {
        let trimmed = part.trim();
        let suffix = SUFFIXES.contains(&trimmed.to_lowercase().as_str());
        if i > 0 && !suffix {
            break;
        }
        if i > 0 {
            out.push(',');
            out.push(' ');
        }
        out.push_str(trimmed);
    }
    out
}

/// An organisation's name on a line of its own near the top or foot of
/// page 1, not part of the title, not an affiliation. On a cover (a page
/// of few lines) the whole lower part counts as the foot; elsewhere only
/// the outer bands. A name at the foot wins over one at the top (covers
/// name their issuer below the title; banners above it are the fallback).
/// Of several consecutive such lines ("U.S. Department of the Interior" /
/// "Bureau of Reclamation"), the last is the issuing unit.
fn standing_alone(sources: &PublisherSources) -> Option<String> {
    let height = sources.page_heights.first().copied().filter(|h| *h > 0.0)?;
    let page: Vec<&PrintedLine> = sources.lines.iter().filter(|l| l.page == 1).collect();
    let cover = page.len() <= 30;
    let (top_band, foot_band) = if cover { (0.2, 0.3) } else { (0.15, 0.85) };
    let title = sources.title.map(folded).unwrap_or_default();
    let page_largest = page.iter().map(|l| l.size).fold(0.0f32, f32::max);
    // The title's own size (a logo's giant letter may be larger).
    let largest = page
        .iter()
        .filter(|l| {
            let text = folded(&l.text);
            text.chars().count() >= 4 && title.contains(&text)
        })
        .map(|l| l.size)
        .fold(0.0f32, f32::max);
    // A title from metadata may match no line: then the page's largest.
    let largest = if largest > 0.0 { largest } else { page_largest };
    let affiliation = affiliation_lines(&page, sources.authors);
    let mut top: Vec<(usize, String)> = Vec::new();
    let mut foot: Vec<(usize, String)> = Vec::new();
    for (i, line) in page.iter().enumerate() {
        // A short line can recur inside a long title ("... by the U.S.
        // Geological Survey ..."): a line is the title's when the title
        // holds it and it is set large or makes much of the title.
        let text = folded(&line.text);
        let in_title = !title.is_empty()
            && title.contains(&text)
            && (line.size >= largest * 0.9 || text.len() * 2 >= title.len());
        // An issuer's name that the title took for want of other display
        // type is still the issuer's.
        let title_is_masthead = text == title && is_masthead(&line.text);
        if affiliation.contains(&i) || (in_title && !title_is_masthead) {
            continue;
        }
        // A cover's foot may name its issuer by an acronym alone ("KT"), set
        // large enough to be no licence badge ("CC", "BY NC ND").
        let acronym = || {
            let text = line.text.trim();
            let set_large = line.size >= page_largest * 0.5;
            // Nor a licence badge ("CC"), a stamp ("DRAFT") or a language.
            let badge = [
                "CC", "BY", "NC", "ND", "SA", "DRAFT", "FINAL", "EN", "FR", "DE", "ES",
            ]
            .contains(&text);
            let at_foot = cover && line.top > height * foot_band;
            (at_foot && set_large && !badge && crate::brief::names::is_acronym(text, 2..=5))
                .then(|| text.to_string())
        };
        let Some(name) = organisation_line(&line.text).or_else(acronym) else {
            continue;
        };
        if line.top > height * foot_band {
            foot.push((i, name));
        } else if line.top < height * top_band {
            top.push((i, name));
        }
    }
    if let Some(name) = last_of_run(foot.iter().rev().collect(), true) {
        return Some(name);
    }
    if let Some(name) = last_of_run(top.iter().collect(), false) {
        return Some(name);
    }
    // A letter names its issuer just above its subject line (a Japanese
    // ministry's notice: date, addressee, "厚生労働省医薬食品局審査管理課",
    // then the title).
    let title_at = page.iter().position(|l| {
        let text = folded(&l.text);
        text.chars().count() >= 4 && title.contains(&text)
    });
    if let Some(at) = title_at {
        let above = page[at.saturating_sub(3)..at].iter().rev();
        if let Some(name) = above.filter_map(|l| organisation_line(&l.text)).next() {
            return Some(name);
        }
    }
    // A banner repeated on every page was taken for a running header; a
    // footer with a date or page number is not a banner.
    sources
        .furniture
        .iter()
        .filter(|f| f.0 == 1 && !f.1.chars().any(|c| c.is_ascii_digit()))
        .find_map(|f| organisation_line(f.1))
}

/// Of candidates in the order given, the first run of consecutive lines,
/// and the last line of that run in page order.
fn last_of_run(found: Vec<&(usize, String)>, reversed: bool) -> Option<String> {
    let (first_index, first_name) = found.first()?;
    let mut chosen = (*first_index, first_name.clone());
    let mut previous = *first_index;
    for (i, name) in found.into_iter().skip(1) {
        let next = if reversed {
            previous.checked_sub(1)
        } else {
            Some(previous + 1)
        };
        if Some(*i) != next {
            break;
        }
        previous = *i;
        if !reversed {
            chosen = (*i, name.clone());
        }
    }
    Some(chosen.1)
}

/// Lines that name authors, and the block of lines set right under them
/// (affiliations, addresses), by index in `page`.
fn affiliation_lines(page: &[&PrintedLine], authors: &[String]) -> Vec<usize> {
    // An organisation the page heuristics took for an author is no person
    // with an affiliation under the name.
    let names: Vec<String> = authors
        .iter()
        .filter(|a| !a.is_empty() && !has_issuer_word(a))
        .map(|a| folded(a))
        .collect();
    let mut out = Vec::new();
    let mut in_block = false;
    for (i, line) in page.iter().enumerate() {
        let text = folded(&line.text);
        let names_author = names.iter().any(|n| text.contains(n));
        let close_to_previous = i
            .checked_sub(1)
            .and_then(|p| page.get(p))
            .is_some_and(|prev| (line.top - prev.top).abs() < prev.size.max(line.size) * 2.2);
        in_block = names_author || in_block && close_to_previous;
        if in_block {
            out.push(i);
        }
    }
    out
}

/// The organisation a line names, if the line is (or starts with) one:
/// capitalised, short, an organisation word in it, not a numbered
/// footnote or a sentence.
fn organisation_line(text: &str) -> Option<String> {
    // A name in quotes is the name («ВОРОНЕЖСКИЙ ГОСУДАРСТВЕННЫЙ
    // УНИВЕРСИТЕТ», as Russian title pages print it).
    let text = text.trim();
    let text = match (text.strip_prefix('«'), text.ends_with('»')) {
        (Some(inner), true) => inner.trim_end_matches('»').trim(),
        _ => text,
    };
    if text.starts_with(|c: char| c.is_ascii_digit() || "*†‡§¶#$".contains(c)) || text.contains('@')
    {
        return None;
    }
    // A name broken over two lines ("Internal Revenue Serv-") is not whole.
    if text.ends_with(['-', '‐']) {
        return None;
    }
    let ends_sentence = text.ends_with('.')
        && !SUFFIXES
            .iter()
            .any(|s| text.to_lowercase().ends_with(&format!(" {s}")));
    if ends_sentence {
        return None;
    }
    let segment = first_segment(text);
    let segment = strip_marks(&segment);
    // A year or page number ends the name ("... ANNUAL REPORT 2021 63").
    let segment: String = match segment
        .split_whitespace()
        .position(|w| w.chars().any(|c| c.is_ascii_digit()))
    {
        Some(0) => return None,
        Some(n) => segment
            .split_whitespace()
            .take(n)
            .collect::<Vec<_>>()
            .join(" "),
        None => segment,
    };
    let lower = segment.to_lowercase();
    // "Prepared for the U.S. Department of Energy": the sponsor, not the
    // issuer.
    let sponsor = ["prepared for", "submitted to", "presented to", "report to"]
        .iter()
        .any(|p| lower.starts_with(p));
    let affiliation = sponsor
        || ["department of", "school of", "faculty of", "dept."]
            .iter()
            .any(|p| lower.starts_with(p))
        || lower.contains(" is with ")
        || lower.contains(" was with ");
    let segment = before_series(&segment);
    // "A GUIDE TO SERVICE" / "PROVIDERS IN RWANDA", "A World Bank Group
    // Flagship Report": no organisation's name starts with "a"; and one
    // that ends with "of" or "for" goes on over the line ("RWANDA NATIONAL
    // ASSOCIATION OF" / "DEAF WOMEN").
    let first = segment
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let last = segment
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    let broken = matches!(first.as_str(), "a" | "an")
        || matches!(
            last.as_str(),
            "of" | "for" | "and" | "the" | "de" | "du" | "des" | "für" | "und" | "&"
        );
    let good = !broken
        && !affiliation
        && word_count(&segment) <= 9
        && starts_like_a_name(&segment)
        && has_issuer_word(&segment)
        && (capitalised_share(&segment) >= 1.0 || is_cyrillic_name(&segment));
    let name = tidy(&without_genre(&segment));
    (good && !crate::brief::names::ends_with_document_word(&name)).then_some(name)
}

/// A line that is an organisation's name and nothing else ("CENTER FOR
/// WATER POLICY"): set large at the top of a cover, it is the issuer's
/// masthead, not the title.
pub(crate) fn is_masthead(text: &str) -> bool {
    organisation_line(text).is_some_and(|name| word_count(&name) >= word_count(text))
}

/// Layout may join the issuer and the series on one line: "MERIDIAN WATER
/// POLICY INSTITUTE Policy Brief No. 14". Cut at a series name, or where a
/// run of capitals naming an organisation gives way to mixed case.
fn before_series(text: &str) -> String {
    if let Some(at) = series_start(text)
        && at > 0
        && let Some(head) = text.get(..at)
        && has_issuer_word(head)
    {
        return head.trim().to_string();
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let is_caps =
        |w: &str| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
    let caps_run = words.iter().take_while(|w| is_caps(w)).count();
    if caps_run >= 2 && caps_run < words.len() {
        let head = words[..caps_run].join(" ");
        if has_issuer_word(&head) {
            return head;
        }
    }
    text.to_string()
}

/// A name set apart on the line of the series statement, in capitals or
/// capitalised words: "CIVIC CLIMATE LAB      Issue Brief No. 4" names
/// the issuer of the series even without an organisation word.
fn beside_series(sources: &PublisherSources) -> Option<String> {
    sources
        .lines
        .iter()
        .filter(|l| l.page == 1 && l.cells.len() > 1)
        .find_map(|line| {
            let series = line.cells.iter().position(|c| is_series_label(c))?;
            line.cells.iter().enumerate().find_map(|(i, cell)| {
                let cell = cell.trim();
                let name = i != series
                    && (1..=8).contains(&word_count(cell))
                    && !cell.chars().any(|c| c.is_ascii_digit())
                    && starts_like_a_name(cell)
                    && capitalised_share(cell) >= 1.0;
                name.then(|| tidy(cell))
            })
        })
}

/// "U.S. Copyright Office Summary": the name without the kind of document
/// printed after it.
fn without_genre(name: &str) -> String {
    const GENRES: &[&str] = &[
        "summary",
        "report",
        "brief",
        "memo",
        "paper",
        "note",
        "newsletter",
        "annual",
    ];
    let mut name = name;
    while let Some((head, last)) = name.rsplit_once(' ') {
        if !GENRES.contains(&last.to_lowercase().as_str()) || !has_issuer_word(head) {
            break;
        }
        name = head;
    }
    name.to_string()
}

/// Footnote marks glued to the end: "(WARDA)2", "Corporation∗".
fn strip_marks(text: &str) -> String {
    let trimmed = text.trim_end_matches(|c: char| "*∗†‡§¶#$+".contains(c));
    let without_digits = trimmed.trim_end_matches(|c: char| c.is_ascii_digit());
    let glued = without_digits
        .chars()
        .last()
        .is_some_and(|c| c.is_alphabetic() || c == ')');
    if glued && without_digits.len() < trimmed.len() && trimmed.len() - without_digits.len() <= 2 {
        without_digits.to_string()
    } else {
        trimmed.to_string()
    }
}

/// Share of words that start with a capital (small words like "of" and
/// "the" do not count against it).
fn capitalised_share(text: &str) -> f32 {
    // Words that names of organisations leave in lower case, in the
    // languages covered ("Università degli Studi di Padova", "Ministério
    // da Saúde", "Instituto de Pesquisa Econômica").
    const SMALL: &[&str] = &[
        "of", "the", "for", "and", "on", "in", "de", "du", "des", "la", "le", "et", "für", "und",
        "&", "di", "degli", "della", "delle", "dei", "del", "dello", "e", "y", "da", "do", "dos",
        "das", "el", "los", "las", "van", "voor", "en", "der", "zur", "zum", "aux", "au", "à",
    ];
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !SMALL.contains(&w.to_lowercase().as_str()))
        .collect();
    if words.is_empty() {
        return 0.0;
    }
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
        .count();
    capitalised as f32 / words.len() as f32
}

/// Russian capitalises only the first word of a name ("Пензенский
/// государственный университет", "Кафедра «МОиПЭВМ»"): a short line in
/// Cyrillic that starts or ends with the kind of organisation, in the
/// nominative ("История Московского университета" is a title).
fn is_cyrillic_name(text: &str) -> bool {
    const KINDS: &[&str] = &[
        "университет",
        "институт",
        "министерство",
        "академия",
        "кафедра",
        "факультет",
    ];
    let cyrillic = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let kind_at_an_end = [words.first(), words.last()]
        .into_iter()
        .flatten()
        .any(|w| KINDS.contains(&w.as_str()));
    cyrillic && words.len() <= 6 && kind_at_an_end
}

fn starts_like_a_name(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic() && c.is_alphanumeric())
        || text
            .chars()
            .next()
            .is_some_and(|c| !c.is_ascii() && c.is_alphabetic())
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Lowercase without white space, for "is this line part of that text".
fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The name as a record value: a leading "The" dropped (catalogues file
/// "Brookings Institution"), closing punctuation and spaces trimmed.
fn tidy(name: &str) -> String {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = name.trim_end_matches([',', ';', ':', ' ']);
    let name = if SUFFIXES
        .iter()
        .any(|s| s.ends_with('.') && name.to_lowercase().ends_with(s))
    {
        name
    } else {
        name.trim_end_matches('.')
    };
    let name = name
        .strip_prefix("The ")
        .or_else(|| name.strip_prefix("the "))
        .or_else(|| name.strip_prefix("THE "))
        .unwrap_or(name);
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(page: u32, top: f32, text: &str) -> PrintedLine {
        PrintedLine::plain(page, text, 10.0, top)
    }

    fn find(lines: &[PrintedLine], title: Option<&str>, authors: &[&str]) -> Option<String> {
        let authors: Vec<String> = authors.iter().map(|a| a.to_string()).collect();
        printed_publisher(&PublisherSources {
            lines,
            page_heights: &[800.0, 800.0],
            furniture: &[],
            title,
            authors: &authors,
        })
    }

    #[test]
    fn a_report_names_its_issuer_in_its_title() {
        let issuer = |title: &str| issuer_in_title(title);
        assert_eq!(
            issuer("AMNESTY INTERNATIONAL REPORT 2013: THE STATE OF THE WORLD’S HUMAN RIGHTS")
                .as_deref(),
            Some("AMNESTY INTERNATIONAL")
        );
        assert_eq!(
            issuer("Wikimedia Deutschland Jahresbericht 2016").as_deref(),
            Some("Wikimedia Deutschland")
        );
        assert_eq!(
            issuer("The Report of the State Security Service of Georgia").as_deref(),
            Some("State Security Service of Georgia")
        );
        // A report on a subject names no one.
        assert_eq!(issuer("Global Risks Report 2024"), None);
        assert_eq!(issuer("Horizon Scan Report"), None);
        assert_eq!(issuer("Report of the Third Meeting"), None);
        assert_eq!(issuer("Human Rights Annual Report 2019"), None);
        assert_eq!(issuer("FATF Semi-Annual Report"), None);
        assert_eq!(issuer("World Bank Poverty Assessment Report"), None);
        assert_eq!(
            issuer("CAYUGA’S WATCHERS, INC. ANNUAL REPORT 2014-2015").as_deref(),
            Some("CAYUGA’S WATCHERS, INC.")
        );
        assert_eq!(
            issuer("TÜRKİYE İŞ BANKASI ANNUAL REPORT 2020").as_deref(),
            Some("TÜRKİYE İŞ BANKASI")
        );
        // Letters that lower-casing lengthens or shortens do not break it.
        assert_eq!(
            issuer("Report of ÜSA ẞtate Bureau").as_deref(),
            Some("ÜSA ẞtate Bureau")
        );
        assert_eq!(
            issuer("Report of İİİİİİİİİİİİ Bureau").as_deref(),
            Some("İİİİİİİİİİİİ Bureau")
        );
        assert_eq!(issuer("İİİİİİİİİİİİİİ Annual Report"), None);
    }

    #[test]
    fn a_masthead_its_web_address_spells_is_the_issuer() {
        assert_eq!(
            domain_label("RANKINGDIGITALRIGHTS.ORG/INDEX2018").as_deref(),
            Some("rankingdigitalrights")
        );
        assert_eq!(
            domain_label("https://www.csis.org").as_deref(),
            Some("csis")
        );
        assert_eq!(domain_label("sean@cs.gmu.edu").as_deref(), Some("gmu"));
        assert_eq!(domain_label("p.12"), None);
        assert_eq!(
            domain_label("https://www.ons.gov.uk/x").as_deref(),
            Some("ons")
        );
        assert_eq!(domain_label("x@unimelb.edu.au").as_deref(), Some("unimelb"));
        assert_eq!(domain_label("annual-report.pdf"), None);
        assert_eq!(domain_label("numpy.array"), None);
        assert_eq!(domain_label("https://doi.org/10.1000/x"), None);
        let cover = |masthead: &str, address: &str| {
            find(
                &[
                    line(1, 79.0, masthead),
                    line(1, 135.0, "2018 CORPORATE ACCOUNTABILITY INDEX"),
                    line(1, 456.0, address),
                ],
                Some("2018 CORPORATE ACCOUNTABILITY INDEX"),
                &[],
            )
        };
        assert_eq!(
            cover(
                "RANKING DIGITAL RIGHTS",
                "RANKINGDIGITALRIGHTS.ORG/INDEX2018 APRIL 2018"
            )
            .as_deref(),
            Some("RANKING DIGITAL RIGHTS")
        );
        assert_eq!(
            cover(
                "Center for Strategic and International Studies",
                "www.csis.org"
            )
            .as_deref(),
            Some("Center for Strategic and International Studies")
        );
        // A line the address does not spell names no issuer.
        assert_eq!(cover("A NEW LOOK AT RIGHTS", "www.csis.org"), None);
    }

    #[test]
    fn an_author_holding_the_copyright_or_a_sponsor_is_no_publisher() {
        let lines = [
            line(1, 100.0, "Language Models and Cognitive Automation"),
            line(1, 120.0, "Anton Korinek"),
            line(1, 700.0, "© 2023 by Anton Korinek. All rights reserved."),
        ];
        assert_eq!(find(&lines, None, &["Anton Korinek"]), None);
        let lines = [
            line(1, 100.0, "Energy Intensity Indicators"),
            line(1, 700.0, "Prepared for the U.S. Department of Energy"),
        ];
        assert_eq!(find(&lines, None, &[]), None);
    }

    #[test]
    fn a_name_ending_with_a_kind_of_document_is_a_title_not_a_masthead() {
        assert!(!is_masthead("OPEN BUDGET SURVEY TRACKER GUIDE"));
        assert!(is_masthead("UNITED STATES GEOLOGICAL SURVEY"));
        assert!(is_masthead("CENTER FOR WATER POLICY"));
        assert!(is_masthead("Пензенский государственный университет"));
        assert!(!is_masthead("История Московского университета"));
    }

    #[test]
    fn the_name_set_apart_beside_a_series_is_the_issuer() {
        let mut header = line(1, 40.0, "CIVIC CLIMATE LAB Issue Brief No. 4");
        header.cells = vec!["CIVIC CLIMATE LAB".into(), "Issue Brief No. 4".into()];
        let lines = [
            header,
            line(1, 90.0, "Heat Action Plans for Mid-Sized Cities"),
        ];
        assert_eq!(
            find(&lines, None, &[]).as_deref(),
            Some("CIVIC CLIMATE LAB")
        );
        // The same words without the gap are a line of text, not an issuer.
        let joined = [line(1, 40.0, "CIVIC CLIMATE LAB Issue Brief No. 4")];
        assert_eq!(find(&joined, None, &[]), None);
    }

    #[test]
    fn a_masthead_the_title_fell_back_on_is_still_the_issuer() {
        let name = "United States Office of Personnel Management";
        let cover = [line(1, 646.0, name), line(1, 663.0, "February 2014")];
        assert_eq!(find(&cover, Some(name), &[]).as_deref(), Some(name));
        // A name that is only part of a longer title is the title's...
        let title = "United States Office of Personnel Management Strategic Plan";
        assert_eq!(find(&cover[..1], Some(title), &[]), None);
        // ...unless the title is the report of its issuer.
        let title = "United States Office of Personnel Management Annual Report 2013";
        assert_eq!(find(&cover[..1], Some(title), &[]).as_deref(), Some(name));
    }

    #[test]
    fn a_title_line_is_the_titles_even_beside_a_giant_logo_letter() {
        let title = "MANAGING FOR RESULTS: Enhancing Agency Use of Performance Information";
        let mut logo = line(1, 660.0, "a");
        logo.size = 95.0;
        let mut in_title = line(1, 250.0, "Enhancing Agency");
        in_title.size = 36.0;
        assert_eq!(find(&[in_title, logo], Some(title), &[]), None);
    }

    #[test]
    fn an_acronym_at_a_covers_foot_is_its_issuer_but_a_badge_is_not() {
        let mut title = line(1, 83.0, "5G 서비스 이용약관");
        title.size = 26.0;
        let mut issuer = line(1, 672.0, "KT");
        issuer.size = 20.0;
        assert_eq!(
            find(&[title.clone(), issuer], None, &[]).as_deref(),
            Some("KT")
        );
        let badge = line(1, 790.0, "CC");
        assert_eq!(find(&[title.clone(), badge], None, &[]), None);
        let mut stamp = line(1, 672.0, "DRAFT");
        stamp.size = 20.0;
        assert_eq!(find(&[title, stamp], None, &[]), None);
    }

    #[test]
    fn a_letter_names_its_issuer_just_above_the_subject() {
        let title = "原薬等登録原簿に関する質疑応答集（Q＆A）について（その４）";
        let page = [
            line(1, 120.0, "事務連絡"),
            line(1, 137.0, "平成 25 年 10 月 29 日"),
            line(1, 189.0, "各都道府県衛生主管部（局）薬務主管課 御中"),
            line(1, 241.0, "厚生労働省医薬食品局審査管理課"),
            line(1, 310.0, title),
            line(
                1,
                379.0,
                "原薬等登録原簿に関する質疑応答集については、平成 17 年 7 月",
            ),
        ];
        assert_eq!(
            find(&page, Some(title), &[]).as_deref(),
            Some("厚生労働省医薬食品局審査管理課")
        );
    }

    #[test]
    fn the_issuer_a_sentence_describes() {
        let title = line(1, 90.0, "Water Security in the Sahel");
        let about = |text: &str| find(&[title.clone(), line(1, 740.0, text)], None, &[]);
        assert_eq!(
            about(
                "The Center for Water Policy is an independent, nonpartisan research organization."
            )
            .as_deref(),
            Some("Center for Water Policy")
        );
        assert_eq!(
            about("This brief was produced by the Center for Water Policy with support from the Ford Foundation.")
                .as_deref(),
            Some("Center for Water Policy")
        );
        assert_eq!(
            about("© 2024 The Authors. Published by Elsevier B.V.").as_deref(),
            Some("Elsevier B.V.")
        );
        // Another organisation's data is no issuer.
        assert_eq!(
            about("Figures published by the World Bank in 2020 show a rise in poverty."),
            None
        );
        // A party to a contract is described otherwise.
        assert_eq!(
            about(
                "Fruit of Life Productions LLC is the sole owner of all right, title and interest"
            ),
            None
        );
        // An address after the name is no part of it.
        assert_eq!(
            about("Center for Water Policy | 1234 Main Street NW | Washington, DC").as_deref(),
            Some("Center for Water Policy")
        );
    }

    #[test]
    fn the_year_of_a_copyright_notice() {
        assert_eq!(copyright_year("© 2010 IEEE"), Some(2010));
        assert_eq!(
            copyright_year("Copyright 2005 by the American Geophysical Union."),
            Some(2005)
        );
        assert_eq!(copyright_year("c 2008 IOP Publishing Ltd"), Some(2008));
        assert_eq!(
            copyright_year("© Copyright IBM Corp. 1995, 2002"),
            Some(2002)
        );
        assert_eq!(
            copyright_holder(
                "Boulder, Colorado, June 2009. c 2009 Association for Computational Linguistics"
            )
            .as_deref(),
            Some("Association for Computational Linguistics")
        );
        assert_eq!(
            copyright_holder("© 2010 Datta et al; licensee BioMed Central Ltd. This is an Open Access article distributed under the terms of the Creative Commons").as_deref(),
            Some("BioMed Central Ltd.")
        );
        assert_eq!(copyright_year("In 2010 the copyright law changed"), None);
    }

    #[test]
    fn a_copyright_notice_dated_to_the_month() {
        // The proceedings month beside an ACL notice.
        assert_eq!(
            copyright_date("Prague, Czech Republic, June 2007. c 2007 Association for Computational Linguistics").as_deref(),
            Some("2007-06")
        );
        // ACM and VLDB code the year and month after the ISBN or ISSN.
        assert_eq!(
            copyright_date("Copyright c 2009 ACM 978-1-60558-392-1/09/06...$5.00").as_deref(),
            Some("2009-06")
        );
        assert_eq!(
            copyright_date("Copyright 2010 VLDB Endowment 2150-8097/10/09... $ 10.00.").as_deref(),
            Some("2010-09")
        );
        // A code of another year, a month past 12, or a date of another
        // year leave the year alone.
        assert_eq!(
            copyright_date("Copyright 2010 ACM 978-1-60558-392-1/09/06").as_deref(),
            Some("2010")
        );
        assert_eq!(
            copyright_date("© 2010 ACM 1-58113-000-0/10/13").as_deref(),
            Some("2010")
        );
        assert_eq!(
            copyright_date("Received March 2009. © 2010 Elsevier Ltd.").as_deref(),
            Some("2010")
        );
    }

    #[test]
    fn copyright_lines() {
        let holder = |t: &str| copyright_holder(t);
        assert_eq!(
            holder("© 2024 The Water Institute. All rights reserved.").as_deref(),
            Some("Water Institute")
        );
        assert_eq!(
            holder("Copyright 2005 by the American Geophysical Union.").as_deref(),
            Some("American Geophysical Union")
        );
        assert_eq!(
            holder("Copyright © 2009 ACM 978-1-60558-392-1/09/06. . . $5.00").as_deref(),
            Some("ACM")
        );
        assert_eq!(
            holder(
                "0932-0784 / 99 / 0300-0272 $ 06.00 © Verlag der Zeitschrift für Naturforschung, Tübingen"
            )
            .as_deref(),
            Some("Verlag der Zeitschrift für Naturforschung")
        );
        assert_eq!(
            holder("© 2014 Agyeman-Duah et al.; licensee BioMed Central Ltd. This is").as_deref(),
            Some("BioMed Central Ltd.")
        );
        assert_eq!(
            holder("© Cancer Council Australia 2016. ISBN 978 1 925136 98 2").as_deref(),
            Some("Cancer Council Australia")
        );
        assert_eq!(
            holder("Copyright: Creative Commons Attribution License"),
            None
        );
        assert_eq!(holder("protected under copyright law even if"), None);
        assert_eq!(holder("© 2020 Jane Doe and John Roe"), None, "persons");
    }

    #[test]
    fn labelled_lines() {
        assert_eq!(
            labelled("Published by the Overseas Development Institute, London").as_deref(),
            Some("Overseas Development Institute")
        );
        assert_eq!(
            labelled("발행처 국회입법조사처").as_deref(),
            Some("국회입법조사처")
        );
        assert_eq!(labelled("Publication date: 2020"), None);
    }

    #[test]
    fn an_organisation_alone_at_the_foot_of_the_cover() {
        let lines = [
            line(1, 100.0, "Final Environmental Assessment"),
            line(1, 400.0, "Prepared with the Institute of Nothing in mind"),
            line(1, 700.0, "U.S. Department of the Interior"),
            line(1, 712.0, "Bureau of Reclamation"),
            line(1, 724.0, "Mid-Pacific Region"),
        ];
        assert_eq!(
            find(&lines, Some("Final Environmental Assessment"), &[]).as_deref(),
            Some("Bureau of Reclamation")
        );
    }

    #[test]
    fn affiliations_and_titles_are_not_publishers() {
        let lines = [
            line(1, 60.0, "The Center of Why"),
            line(1, 90.0, "Jane Doe"),
            line(1, 100.0, "Indiana University, USA"),
            line(1, 700.0, "1 School of Physics, University of Melbourne"),
            line(1, 712.0, "Center for Network Science, Sanandaj, Iran."),
        ];
        assert_eq!(find(&lines, Some("The Center of Why"), &["Jane Doe"]), None);
    }

    #[test]
    fn issuer_and_series_on_one_line() {
        assert_eq!(
            organisation_line("MERIDIAN WATER POLICY INSTITUTE Policy Brief No. 14").as_deref(),
            Some("MERIDIAN WATER POLICY INSTITUTE")
        );
        assert_eq!(
            organisation_line("Centre for Health Systems Analysis Working Paper 3").as_deref(),
            Some("Centre for Health Systems Analysis")
        );
        assert_eq!(organisation_line("Internal Revenue Serv-"), None);
        // A genre statement, a name cut at the line's end, an evaluation.
        assert_eq!(organisation_line("A GUIDE TO SERVICE"), None);
        assert_eq!(organisation_line("RWANDA NATIONAL ASSOCIATION OF"), None);
        assert_eq!(
            organisation_line("INDEPENDENT COUNTRY PROGRAMME EVALUATION"),
            None
        );
        assert_eq!(
            organisation_line("EUROPEAN PARLIAMENT").as_deref(),
            Some("EUROPEAN PARLIAMENT")
        );
        assert_eq!(
            organisation_line("Federal Aviation Administration").as_deref(),
            Some("Federal Aviation Administration")
        );
        assert_eq!(labelled("published by the Internal Revenue Service"), None);
    }

    #[test]
    fn names_with_a_comma_suffix_or_an_address() {
        assert_eq!(organisation_line("ARD, Inc.").as_deref(), Some("ARD, Inc."));
        assert_eq!(
            organisation_line("Viewpoints Research Institute, 1209 Grand Central Avenue, Glendale")
                .as_deref(),
            Some("Viewpoints Research Institute")
        );
        assert_eq!(
            organisation_line("West Africa Rice Development Association (WARDA)2").as_deref(),
            Some("West Africa Rice Development Association (WARDA)")
        );
    }
}
