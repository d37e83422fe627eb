//! Page furniture: running headers, footers and page numbers.
//!
//! A line is furniture when it sits in the top or bottom band of its page
//! and either
//! - reads as a page number ("7", "- 7 -", "vii", "Page 7", "Page 7 of 12",
//!   "7 / 12") that fits the page sequence, or
//! - repeats, with digits masked, in the same band at about the same height
//!   and size on at least one other page.
//!
//! A title printed once is therefore never furniture, and a two-page
//! document with "Page 1 of 2" / "Page 2 of 2" footers is handled.

use crate::pdf::layout::{Line, PageLayout};
use foldhash::{HashMap, HashMapExt};

/// Share of the page height, at the top and at the bottom, where furniture
/// may sit.
const BAND: f32 = 0.14;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Band {
    Top,
    Bottom,
}

/// A line in a band of its page.
struct Candidate<'a> {
    page: usize,
    at: (usize, usize),
    band: Band,
    line: &'a Line,
    key: String,
    /// Nothing on the page lies further out than this line.
    outermost: bool,
}

/// The furniture lines of every page, as (block, line) indices.
pub fn detect(pages: &[PageLayout]) -> Vec<Vec<(usize, usize)>> {
    let candidates: Vec<Candidate> = pages
        .iter()
        .enumerate()
        .flat_map(|(p, page)| candidates(p, page))
        .collect();
    let mut by_key: HashMap<(Band, &str), Vec<usize>> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        by_key.entry((c.band, c.key.as_str())).or_default().push(i);
    }
    let offsets = number_offsets(&candidates);
    let title = title_key(pages);
    // Repeated text is furniture only next to a body: a page whose only
    // text repeats (a label, a stamp, one word per page) keeps it.
    let mut in_bands = vec![0usize; pages.len()];
    for c in &candidates {
        if let Some(n) = in_bands.get_mut(c.page) {
            *n += 1;
        }
    }
    let has_body: Vec<bool> = pages
        .iter()
        .zip(&in_bands)
        .map(|(page, &n)| page.blocks.iter().map(|b| b.lines.len()).sum::<usize>() > n)
        .collect();
    let mut marked = vec![Vec::new(); pages.len()];
    for (i, c) in candidates.iter().enumerate() {
        let height = pages.get(c.page).map_or(0.0, |p| p.height);
        let repeats = by_key
            .get(&(c.band, c.key.as_str()))
            .into_iter()
            .flatten()
            .any(|&j| j != i && same_place(c, &candidates[j], height))
            && has_body.get(c.page).copied().unwrap_or(false);
        let running_title = c.page > 0
            && title
                .as_ref()
                .is_some_and(|(key, size)| repeats_title(&c.key, key) && c.line.size < 0.95 * size);
        let page = marked.get_mut(c.page);
        match page {
            Some(page) if repeats || running_title || is_page_number(c, &offsets, pages.len()) => {
                page.push(c.at)
            }
            _ => {}
        }
    }
    marked
}

/// The key of the title (the lines of the first page set in its largest
/// size, joined) and that size. A smaller copy of it, or of its beginning
/// cut short with an ellipsis, in the top or bottom band of a later page is
/// a running head, even in a two-page document where it is printed once.
fn title_key(pages: &[PageLayout]) -> Option<(String, f32)> {
    let lines: Vec<&Line> = pages
        .first()?
        .blocks
        .iter()
        .flat_map(|b| b.lines.iter())
        .filter(|l| !l.text.trim().is_empty())
        .collect();
    let size = lines.iter().map(|l| l.size).fold(0.0, f32::max);
    let title: Vec<&str> = lines
        .iter()
        .filter(|l| l.size >= size * 0.98)
        .map(|l| l.text.as_str())
        .collect();
    (!title.is_empty()).then(|| (mask(&title.join(" ")), size))
}

/// Whether a band line repeats the title, whole or cut short.
fn repeats_title(key: &str, title: &str) -> bool {
    let cut = key.trim_end_matches(['.', '\u{2026}', ' ']);
    key == title || (cut.chars().count() >= 12 && cut.len() < key.len() && title.starts_with(cut))
}

/// Lines in the top and bottom bands of a page.
fn candidates(p: usize, page: &PageLayout) -> Vec<Candidate<'_>> {
    let lines: Vec<((usize, usize), &Line)> = page
        .blocks
        .iter()
        .enumerate()
        .flat_map(|(b, block)| {
            block
                .lines
                .iter()
                .enumerate()
                .map(move |(l, line)| ((b, l), line))
        })
        .filter(|(_, line)| !line.text.trim().is_empty())
        .collect();
    let height = if page.height > 0.0 && page.height.is_finite() {
        page.height
    } else {
        lines.iter().map(|(_, l)| l.y1).fold(0.0, f32::max)
    };
    let lowest_top = lines.iter().map(|(_, l)| l.y1).fold(f32::MAX, f32::min);
    let highest_bottom = lines.iter().map(|(_, l)| l.y0).fold(f32::MIN, f32::max);
    lines
        .into_iter()
        .filter_map(|(at, line)| {
            let band = if line.y0 >= height * (1.0 - BAND) {
                Band::Top
            } else if line.y1 <= height * BAND {
                Band::Bottom
            } else {
                return None;
            };
            let outermost = match band {
                Band::Top => line.y1 >= highest_bottom,
                Band::Bottom => line.y0 <= lowest_top,
            };
            Some(Candidate {
                page: p,
                at,
                band,
                line,
                key: mask(&line.text),
                outermost,
            })
        })
        .collect()
}

/// The comparison key of a line: lowercased, whitespace collapsed, every
/// run of digits (and a lone roman numeral) replaced by '#'.
fn mask(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if roman(word).is_some() {
            out.push('#');
            continue;
        }
        let mut in_digits = false;
        for c in word.chars().flat_map(char::to_lowercase) {
            if c.is_ascii_digit() {
                if !in_digits {
                    out.push('#');
                }
                in_digits = true;
            } else {
                out.push(c);
                in_digits = false;
            }
        }
    }
    out
}

/// Two band lines are the same furniture: same height on the page (within
/// 2% of it) and same size.
fn same_place(a: &Candidate, b: &Candidate, height: f32) -> bool {
    a.page != b.page
        && (a.line.y0 - b.line.y0).abs() <= (0.02 * height).max(2.0)
        && (a.line.size - b.line.size).abs() <= 0.1 * a.line.size.max(b.line.size)
}

/// A page number read from a whole line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PageNumber {
    number: u32,
    /// "of M" part, when present.
    total: Option<u32>,
    /// Written with a word ("Page 3") or dashes ("- 3 -"), so unambiguous.
    marked: bool,
}

const PAGE_WORDS: [&str; 9] = [
    "page",
    "p.",
    "pg.",
    "seite",
    "página",
    "pagina",
    "стр.",
    "стр",
    "страница",
];
const OF_WORDS: [&str; 7] = ["of", "/", "von", "de", "sur", "из", "di"];

fn parse_page_number(text: &str) -> Option<PageNumber> {
    let lower = text.trim().to_lowercase();
    let dashes = ['-', '\u{2013}', '\u{2014}'];
    let mut marked = false;
    let mut rest = lower.as_str();
    if rest.starts_with(dashes) && rest.ends_with(dashes) && rest.chars().count() > 2 {
        rest = rest.trim_matches(dashes).trim();
        marked = true;
    }
    for word in PAGE_WORDS {
        let after = rest.strip_prefix(word).unwrap_or("");
        if after.starts_with(|c: char| c.is_whitespace() || c.is_ascii_digit()) {
            rest = after.trim_start();
            marked = true;
            break;
        }
    }
    let spaced = rest.replace('/', " / ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let number = |t: &str| t.parse::<u32>().ok().or_else(|| roman(t));
    match tokens.as_slice() {
        [n] => Some(PageNumber {
            number: number(n)?,
            total: None,
            marked,
        }),
        [n, of, m] if OF_WORDS.contains(of) => {
            let (number, total) = (n.parse().ok()?, m.parse().ok()?);
            (number <= total && total > 0).then_some(PageNumber {
                number,
                total: Some(total),
                marked: true,
            })
        }
        _ => None,
    }
}

/// The value of a roman numeral (either case) up to 100.
pub(crate) fn roman(word: &str) -> Option<u32> {
    if word.is_empty() || word.len() > 15 {
        return None;
    }
    let value = |c: char| match c.to_ascii_lowercase() {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        'd' => Some(500),
        'm' => Some(1000),
        _ => None,
    };
    let digits: Vec<u32> = word.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0u32;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&next| next > d) {
            total = total.saturating_sub(d);
        } else {
            total += d;
        }
    }
    // Only the canonical spelling of a front-matter sized number counts
    // ("iiii", "mix" or "dim" are not page numbers).
    (total > 0 && total <= 100 && to_roman(total) == word.to_ascii_lowercase()).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// How many pages carry a bare page number at each (band, printed minus
/// physical page) offset: a sequence shows itself by a shared offset.
fn number_offsets(candidates: &[Candidate]) -> HashMap<(Band, i64), usize> {
    let mut offsets = HashMap::new();
    for c in candidates.iter().filter(|c| c.outermost) {
        if let Some(n) = parse_page_number(&c.line.text) {
            *offsets
                .entry((c.band, i64::from(n.number) - c.page as i64))
                .or_default() += 1;
        }
    }
    offsets
}

fn is_page_number(c: &Candidate, offsets: &HashMap<(Band, i64), usize>, pages: usize) -> bool {
    let Some(n) = parse_page_number(&c.line.text) else {
        return false;
    };
    if let Some(total) = n.total {
        return total as usize >= pages.min(total as usize) && n.number as usize <= total as usize;
    }
    if n.marked {
        return true;
    }
    let offset = i64::from(n.number) - c.page as i64;
    c.outermost
        && (offset == 1
            || offsets
                .get(&(c.band, offset))
                .is_some_and(|&count| count >= 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::layout::Block;

    fn line(text: &str, y: f32, size: f32) -> Line {
        Line {
            text: text.to_string(),
            x0: 72.0,
            y0: y,
            x1: 300.0,
            y1: y + size,
            size,
            font: 0,
            dir: (1.0, 0.0),
            words: Vec::new(),
        }
    }

    fn page(lines: Vec<Line>) -> PageLayout {
        PageLayout {
            width: 612.0,
            height: 792.0,
            fonts: Vec::new(),
            blocks: lines
                .into_iter()
                .map(|l| Block {
                    x0: l.x0,
                    y0: l.y0,
                    x1: l.x1,
                    y1: l.y1,
                    lines: vec![l],
                })
                .collect(),
        }
    }

    fn texts(pages: &[PageLayout]) -> Vec<Vec<String>> {
        detect(pages)
            .iter()
            .zip(pages)
            .map(|(marks, page)| {
                marks
                    .iter()
                    .map(|&(b, l)| page.blocks[b].lines[l].text.clone())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn running_header_on_three_pages_is_furniture_but_the_title_is_not() {
        let pages: Vec<PageLayout> = (1..=3)
            .map(|n| {
                let mut lines = vec![line("A Study of Things", 750.0, 9.0)];
                if n == 1 {
                    lines.push(line("A Study of Things", 700.0, 20.0));
                }
                lines.push(line(
                    "Body text that differs on every page.",
                    400.0 + n as f32,
                    10.0,
                ));
                lines.push(line(&n.to_string(), 40.0, 10.0));
                page(lines)
            })
            .collect();
        let found = texts(&pages);
        assert_eq!(found[0], vec!["A Study of Things", "1"]);
        assert_eq!(found[1], vec!["A Study of Things", "2"]);
        assert_eq!(found[2], vec!["A Study of Things", "3"]);
    }

    #[test]
    fn the_title_repeated_small_on_page_two_is_a_running_head() {
        let pages = vec![
            page(vec![
                line("The Partnership and the War", 700.0, 20.0),
                line("Body.", 400.0, 10.0),
            ]),
            page(vec![
                line("The Partnership and the War", 760.0, 9.0),
                line("More body.", 400.0, 10.0),
            ]),
        ];
        assert_eq!(
            texts(&pages),
            vec![vec![], vec!["The Partnership and the War"]]
        );
    }

    #[test]
    fn page_n_of_m_footers_on_a_two_page_document() {
        let pages: Vec<PageLayout> = ["Introduction", "Methods"]
            .iter()
            .zip(1..=2)
            .map(|(heading, n)| {
                page(vec![
                    line(heading, 740.0, 14.0),
                    line("Body.", 400.0, 10.0),
                    line(&format!("Page {n} of 2"), 30.0, 9.0),
                ])
            })
            .collect();
        assert_eq!(
            texts(&pages),
            vec![vec!["Page 1 of 2"], vec!["Page 2 of 2"]]
        );
    }

    #[test]
    fn a_single_page_keeps_its_title_and_loses_its_number() {
        let pages = vec![page(vec![
            line("Policy Brief No. 12", 760.0, 18.0),
            line("Body.", 400.0, 10.0),
            line("- 1 -", 30.0, 9.0),
        ])];
        assert_eq!(texts(&pages), vec![vec!["- 1 -"]]);
    }

    #[test]
    fn page_number_forms() {
        let parse = |t: &str| parse_page_number(t).map(|n| (n.number, n.total, n.marked));
        assert_eq!(parse("12"), Some((12, None, false)));
        assert_eq!(parse("— 12 —"), Some((12, None, true)));
        assert_eq!(parse("xiv"), Some((14, None, false)));
        assert_eq!(parse("Page 3 of 10"), Some((3, Some(10), true)));
        assert_eq!(parse("3/10"), Some((3, Some(10), true)));
        assert_eq!(parse("Seite 4"), Some((4, None, true)));
        assert_eq!(parse("Page 11 of 10"), None);
        assert_eq!(parse("mix"), None);
        assert_eq!(parse("civil"), None);
        assert_eq!(parse("Section 3"), None);
    }
}
