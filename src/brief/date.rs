//! Dates as printed on publications, in the forms briefs use, in several
//! languages: "15 June 2024", "June 15th, 2024", "Juni 2023", "15 mai 2023",
//! "5 февраля 2023 г.", "2023年6月", "2024-06-01", "version 5.20210520".
//! Each is returned as ISO 8601 at the precision printed.

/// A date found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub iso: String,
    /// Byte offset of the match in the text, to prefer earlier dates.
    pub offset: usize,
    /// Byte offset just after the match.
    pub end: usize,
}

impl PrintedDate {
    /// The printed date within `text` (the text it was found in).
    pub fn printed<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.offset..self.end).unwrap_or("")
    }
}

/// Month names (lowercase) and abbreviations, by month number. Genitive and
/// nominative forms for Russian; accented and unaccented French.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("setiembre", 9),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("dezembro", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("jänner", 1),
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("январь", 1),
    ("февраль", 2),
    ("март", 3),
    ("апрель", 4),
    ("май", 5),
    ("июнь", 6),
    ("июль", 7),
    ("август", 8),
    ("сентябрь", 9),
    ("октябрь", 10),
    ("ноябрь", 11),
    ("декабрь", 12),
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
    // Turkish, matched with the dotless "ı" read as "i" ("MAYIS", "Kasım").
    ("ocak", 1),
    ("şubat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayis", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eylül", 9),
    ("ekim", 10),
    ("kasim", 11),
    ("aralik", 12),
    // Indonesian, where not Dutch already.
    ("maret", 3),
    ("agustus", 8),
    ("desember", 12),
    // Polish, genitive ("15 marca 2022") and nominative ("marzec 2022").
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    ("styczeń", 1),
    ("luty", 2),
    ("marzec", 3),
    ("kwiecień", 4),
    ("czerwiec", 6),
    ("lipiec", 7),
    ("sierpień", 8),
    ("wrzesień", 9),
    ("październik", 10),
    ("listopad", 11),
    ("grudzień", 12),
    // Czech, genitive ("15. března 2022").
    ("ledna", 1),
    ("února", 2),
    ("března", 3),
    ("dubna", 4),
    ("května", 5),
    ("června", 6),
    ("července", 7),
    ("srpna", 8),
    ("září", 9),
    ("října", 10),
    ("listopadu", 11),
    ("prosince", 12),
    // Romanian, Swedish and Danish, Catalan, where not written above.
    ("ianuarie", 1),
    ("februarie", 2),
    ("martie", 3),
    ("aprilie", 4),
    ("iunie", 6),
    ("iulie", 7),
    ("septembrie", 9),
    ("octombrie", 10),
    ("noiembrie", 11),
    ("decembrie", 12),
    ("maj", 5),
    ("augusti", 8),
    ("gener", 1),
    ("febrer", 2),
    ("març", 3),
    ("maig", 5),
    ("juny", 6),
    ("juliol", 7),
    ("agost", 8),
    ("desembre", 12),
    // Greek, nominative ("Μάρτιος 2022") and genitive ("15 Μαρτίου 2022"),
    // written without accents and with a medial sigma (see `greek_plain`).
    ("ιανουαριοσ", 1),
    ("φεβρουαριοσ", 2),
    ("μαρτιοσ", 3),
    ("απριλιοσ", 4),
    ("μαιοσ", 5),
    ("ιουνιοσ", 6),
    ("ιουλιοσ", 7),
    ("αυγουστοσ", 8),
    ("σεπτεμβριοσ", 9),
    ("οκτωβριοσ", 10),
    ("νοεμβριοσ", 11),
    ("δεκεμβριοσ", 12),
    ("ιανουαριου", 1),
    ("φεβρουαριου", 2),
    ("μαρτιου", 3),
    ("απριλιου", 4),
    ("μαιου", 5),
    ("ιουνιου", 6),
    ("ιουλιου", 7),
    ("αυγουστου", 8),
    ("σεπτεμβριου", 9),
    ("οκτωβριου", 10),
    ("νοεμβριου", 11),
    ("δεκεμβριου", 12),
];

/// Seasons that issues of briefs and journals are dated by ("Spring 2024",
/// "Herbst 2023"): the year is what they tell.
const SEASONS: &[&str] = &[
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "printemps",
    "été",
    "automne",
    "hiver",
    "frühjahr",
    "frühling",
    "sommer",
    "herbst",
    "primavera",
    "verano",
    "otoño",
    "invierno",
    "verão",
    "outono",
    "inverno",
    "autunno",
];

/// "marzo de 2024", "12 de março de 2024": the "de" between a date's
/// parts in Spanish and Portuguese is no word of the date.
fn is_date_link(words: &[(usize, &str)], i: usize) -> bool {
    let word = |k: usize| words.get(k).map_or("", |w| w.1);
    matches!(word(i), "de" | "del")
        && i > 0
        && (day_of(word(i - 1)).is_some() || month_of(word(i - 1)).is_some())
        && (month_of(word(i + 1)).is_some() || year_of(word(i + 1)).is_some())
}

fn month_of(word: &str) -> Option<u32> {
    // "October, 2010": a comma may part the month from the year.
    let lower = crate::brief::names::case_fold(word.trim_end_matches(['.', ',']));
    let lower = if lower.chars().any(is_greek) {
        greek_plain(&lower)
    } else {
        lower
    };
    MONTHS
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|&(_, m)| m)
}

fn is_greek(c: char) -> bool {
    matches!(c, '\u{370}'..='\u{3ff}' | '\u{1f00}'..='\u{1fff}')
}

/// A lower-case Greek word without its accents and with a medial sigma
/// for the final one: "Μάρτιος", "ΜΑΡΤΙΟΣ" and "μαρτίου" as the month
/// list writes them.
fn greek_plain(lower: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    lower
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == 'ς' { 'σ' } else { c })
        .collect()
}

/// A year from 1900 to 2100 written as one word, punctuation after it
/// allowed ("2004", "2004).", "1998,").
pub(crate) fn year_of(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(['.', ',', ';', ')', 'г']);
    (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

fn day_of(word: &str) -> Option<u32> {
    let digits: &str = word
        .trim_end_matches([',', '.'])
        .trim_end_matches(|c: char| c.is_alphabetic()) // 1st, 2nd, 15th, 1er
        .trim_end_matches('.');
    (!digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// How many words a range of days takes after its month, up to its
/// year: "15–20," (1) or "27–May 2," (2), en dash or hyphen.
fn day_range(first: &str, second: &str, third: &str) -> Option<usize> {
    let (from, to) = first.split_once(['\u{2013}', '-'])?;
    day_of(from)?;
    if day_of(to).is_some() {
        return Some(1);
    }
    (month_of(to).is_some() && day_of(second).is_some() && year_of(third).is_some()).then_some(2)
}

/// The Korean way of writing a date with spaced numbers, each closed by a
/// full stop: "2024. 5. 3.", "2024. 5.", "2024. 02" (a month written with
/// two digits may end the line without its stop). Gives the date and the
/// words it takes.
fn dotted_date(year: &str, month: &str, day: &str, alone: bool) -> Option<(String, usize)> {
    let year: u32 = year.strip_suffix('.')?.parse().ok()?;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    let number = |w: &str| -> Option<(u32, bool)> {
        let (digits, stop) = w.strip_suffix('.').map_or((w, false), |d| (d, true));
        let ok =
            !digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| digits.parse().ok().map(|n| (n, stop))).flatten()
    };
    let (m, stop) = number(month).filter(|&(m, _)| (1..=12).contains(&m))?;
    // "2025. 2" as the whole line is a month; "In 2024. 5 people" and
    // "... adopted in 2019. 3" (a footnote mark) are not.
    if !stop && month.len() != 2 && !(alone && day.is_empty()) {
        return None;
    }
    match number(day) {
        Some((d, true)) if stop && valid(year, m, d) => {
            Some((format!("{year:04}-{m:02}-{d:02}"), 3))
        }
        _ => Some((format!("{year:04}-{m:02}"), 2)),
    }
}

/// Japanese eras, and the Republic of China's calendar that Taiwan dates
/// by ("中華民國一百零七年" is 2018), with the Gregorian year before each
/// one's first.
const JAPANESE_ERAS: &[(&str, u32)] = &[
    ("令和", 2018),
    ("平成", 1988),
    ("昭和", 1925),
    ("大正", 1911),
    ("中華民國", 1911),
    ("中华民国", 1911),
    ("民國", 1911),
    ("民国", 1911),
];

/// The value of a number in Chinese numerals ("一百零七" 107, "二十三" 23,
/// "十二" 12), or read digit by digit when it has no 十 or 百 ("二〇一八"
/// 2018).
fn chinese_number(run: &str) -> Option<u32> {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .or((c == '零').then_some(0))
    };
    if run.is_empty()
        || !run
            .chars()
            .all(|c| digit(c).is_some() || c == '十' || c == '百')
    {
        return None;
    }
    if !run.contains(['十', '百']) {
        return run.chars().try_fold(0u32, |n, c| {
            n.checked_mul(10)?.checked_add(digit(c)? as u32)
        });
    }
    let (mut total, mut current) = (0u32, 0u32);
    for c in run.chars() {
        match c {
            // (Saturating: a run of thousands of 百 is no number to panic on.)
            '十' => (total, current) = (total.saturating_add(current.max(1) * 10), 0),
            '百' => (total, current) = (total.saturating_add(current.max(1) * 100), 0),
            _ => current = digit(c)? as u32,
        }
    }
    Some(total + current)
}

/// The Chinese numerals that start `text`.
fn chinese_numerals(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|&(_, c)| !"〇零一二三四五六七八九十百".contains(c))
        .map_or(text.len(), |(at, _)| at);
    &text[..end]
}

/// The text as dates are read from it: full-width digits and marks as
/// ASCII ("２０２４年１２月" as "2024年12月") and each Japanese era year
/// as the Gregorian year ("平成 25 年" as "2013 年", "令和元年" as
/// "2019年"); with, for each byte, the offset in `text` it came from.
/// Whether the text ends with a word of digits and separators that holds
/// a separator ("2005-03-23"), standing at the start or after a space.
fn ends_with_numeric_date(text: &str) -> bool {
    let run = text
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || "-/.".contains(*c))
        .count();
    // The run is ASCII: its length in characters is its length in bytes.
    let start = text.len() - run;
    text[start..].contains(['-', '/', '.'])
        && text[..start]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
}

fn date_text(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    let mut push = |out: &mut String, c: char, at: usize| {
        out.push(c);
        origin.extend(std::iter::repeat_n(at, c.len_utf8()));
    };
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let rest = &text[at..];
        if let Some((year, taken)) = era_year(rest) {
            for digit in year.to_string().chars() {
                push(&mut out, digit, at);
            }
            while chars.peek().is_some_and(|&(next, _)| next < at + taken) {
                chars.next();
            }
            continue;
        }
        // "七月", "二十三日" after a year or month: the numbers in digits.
        // (Looked at only right after 年 or 月: long runs stay linear.)
        let numerals = if out.ends_with(['年', '月']) {
            chinese_numerals(rest)
        } else {
            ""
        };
        if !numerals.is_empty()
            && text[at + numerals.len()..].starts_with(['月', '日'])
            && let Some(n) = chinese_number(numerals)
        {
            for digit in n.to_string().chars() {
                push(&mut out, digit, at);
            }
            while chars
                .peek()
                .is_some_and(|&(next, _)| next < at + numerals.len())
            {
                chars.next();
            }
            continue;
        }
        let ascii = match c {
            '\u{ff10}'..='\u{ff19}' => char::from_u32(c as u32 - 0xff10 + u32::from(b'0')),
            '\u{ff0e}' => Some('.'),
            '\u{ff0f}' => Some('/'),
            '\u{ff0d}' => Some('-'),
            _ => None,
        };
        // "2005-03-23发布" (issued): a word of the text after a date glued to
        // it, as Chinese sets it, is read apart; the date's own 年, 月 and 日
        // stay with it.
        let c = ascii.unwrap_or(c);
        // (Checked in this order, the word before is looked at only where
        // a CJK character follows a digit: long runs stay linear.)
        if crate::brief::is_cjk_or_hangul(c)
            && !"年月日号號".contains(c)
            && out.ends_with(|d: char| d.is_ascii_digit())
            && ends_with_numeric_date(&out)
        {
            push(&mut out, ' ', at);
        }
        push(&mut out, c, at);
    }
    (out, origin)
}

/// The Gregorian year of a Japanese era year that starts `text` ("平成 25
/// 年", "令和元年", digits full-width too), and the bytes it takes before
/// its "年".
fn era_year(text: &str) -> Option<(u32, usize)> {
    let (era, base) = JAPANESE_ERAS
        .iter()
        .find(|(era, _)| text.starts_with(era))?;
    let after = &text[era.len()..];
    let number = after.trim_start_matches(' ');
    let (n, taken) = if number.starts_with('元') {
        (1, '元'.len_utf8())
    } else if let numerals = chinese_numerals(number)
        && let Some(n) = chinese_number(numerals)
    {
        (n, numerals.len())
    } else {
        let digits: String = number
            .chars()
            .take_while(|c| c.is_ascii_digit() || ('\u{ff10}'..='\u{ff19}').contains(c))
            .collect();
        let value: String = digits
            .chars()
            .filter_map(|c| c.to_digit(10).or_else(|| (c as u32).checked_sub(0xff10)))
            .map(|d| char::from_digit(d, 10).unwrap_or('0'))
            .collect();
        (value.parse::<u32>().ok()?, digits.len())
    };
    // An era lasts 64 years at most; the Republic's goes on.
    let longest = if *base == 1911 { 200 } else { 64 };
    if !(1..=longest).contains(&n) {
        return None;
    }
    let taken = era.len() + (after.len() - number.len()) + taken;
    text[taken..]
        .trim_start()
        .starts_with('年')
        .then_some((base + n, taken))
}

/// All dates in `text`, in order.
pub fn find_dates(text: &str) -> Vec<PrintedDate> {
    let (read, origin) = date_text(text);
    let at = |offset: usize| origin.get(offset).copied().unwrap_or(text.len());
    dates_in(&read)
        .into_iter()
        .map(|d| PrintedDate {
            offset: at(d.offset),
            end: at(d.end),
            iso: d.iso,
        })
        .collect()
}

/// All dates in `text`, with offsets in it.
fn dates_in(text: &str) -> Vec<PrintedDate> {
    let mut found = Vec::new();
    let all_words: Vec<(usize, &str)> = words_with_offsets(text);
    let words: Vec<(usize, &str)> = (0..all_words.len())
        .filter(|&i| !is_date_link(&all_words, i))
        .map(|i| all_words[i])
        .collect();
    let mut i = 0;
    while i < words.len() {
        let (offset, word) = words[i];
        let next = |k: usize| words.get(i + k).map(|w| w.1).unwrap_or("");
        let (iso, used) = if let Some(month) = month_of(word) {
            // "June 15, 2024" / "June 15th 2024" / "June 2024"
            if let (Some(day), Some(year)) = (day_of(next(1)), year_of(next(2))) {
                (Some(format!("{year:04}-{month:02}-{day:02}")), 3)
            } else if let Some(used) = day_range(next(1), next(2), next(3)) {
                // A conference's days ("June 15–20, 2009", "April 27–May 2,
                // 2013"): the month it starts in.
                let year = year_of(next(used + 1));
                (year.map(|year| format!("{year:04}-{month:02}")), used + 2)
            } else if let Some(year) = year_of(next(1)) {
                (Some(format!("{year:04}-{month:02}")), 2)
            } else {
                (None, 1)
            }
        } else if let (Some(day), Some(month), false) =
            (day_of(word), month_of(next(1)), word.ends_with(','))
        {
            // "15 June 2024" / "15. Juni 2024" / "5 февраля 2023 г."
            match year_of(next(2)) {
                Some(year) => (Some(format!("{year:04}-{month:02}-{day:02}")), 3),
                None => (None, 1),
            }
        } else if let (true, Some(year)) = (
            SEASONS.contains(&word.to_lowercase().as_str()),
            year_of(next(1)),
        ) {
            (Some(format!("{year:04}")), 2)
        } else if let Some(iso) = numeric_date(word) {
            (Some(iso), 1)
        } else if let Some((iso, used)) = dotted_date(word, next(1), next(2), i == 0) {
            (Some(iso), used)
        } else if word.bytes().all(|b| b.is_ascii_digit()) && next(1).starts_with(['年', '년']) {
            // "2018 年 04 月": digits and units as separate words.
            unit_spaced_cjk_date(&words[i..]).map_or((None, 1), |(iso, used)| (Some(iso), used))
        } else if !word.contains(['年', '년']) {
            (None, 1)
        } else if let Some(iso) = cjk_date(&han_units(word)) {
            (Some(iso), 1)
        } else if let Some((iso, used)) = spaced_cjk_date(word, next(1), next(2)) {
            (Some(iso), used)
        } else {
            (None, 1)
        };
        if let Some(iso) = iso {
            let end = words
                .get(i + used - 1)
                .map_or(offset + word.len(), |(start, w)| start + w.len());
            found.push(PrintedDate { iso, offset, end });
        }
        i += used;
    }
    found
}

fn words_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut previous = ' ';
    for (i, c) in text.char_indices() {
        // "发布日期:2023.03", "Date:2024-06-01": a label's colon parts
        // words; a clock's ("10:37") does not.
        let label_colon = matches!(c, ':' | '：') && !previous.is_ascii_digit();
        previous = c;
        if c.is_whitespace() || c == '(' || c == ')' || label_colon {
            if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// `2024-06-01`, `2024/06/01`, `2024.06.01`, `2024-06`, and the
/// `5.20210520` version-date of Perl documents (YYYYMMDD after a dot).
fn numeric_date(word: &str) -> Option<String> {
    let word = word.trim_end_matches([',', '.', ';', ':']);
    // Typesetters print the hyphen of an ISO date as U+2010 or a
    // non-breaking U+2011 as often as '-'.
    let parts: Vec<&str> = word
        .split(['-', '/', '.', '\u{2010}', '\u{2011}'])
        .collect();
    let num = |s: &str| s.parse::<u32>().ok();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            let (y, m, d) = (num(y)?, num(m)?, num(d)?);
            valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
        }
        // 20-10-2009, 20.10.2009, 10/20/2009: the day is the part that
        // cannot be a month; when both can, '/' is read month first (US
        // usage) and '.' or '-' day first.
        [a, b, y] if y.len() == 4 && a.len() <= 2 && b.len() <= 2 => {
            let (a, b, y) = (num(a)?, num(b)?, num(y)?);
            let (d, m) = if a > 12 || (b <= 12 && !word.contains('/')) {
                (a, b)
            } else {
                (b, a)
            };
            valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
        }
        // 2024-06, and 2023.03 as Chinese and Korean print a month.
        [y, m]
            if y.len() == 4
                && m.len() == 2
                && word.contains(['-', '\u{2010}', '\u{2011}', '.']) =>
        {
            let (y, m) = (num(y)?, num(m)?);
            valid(y, m, 1).then(|| format!("{y:04}-{m:02}"))
        }
        // Byte slicing below: only ASCII digits may be cut (fuzz: `#!5’46`).
        [_, compact] if word.contains('.') && compact.len() == 8 && compact.is_ascii() => {
            let (y, m, d) = (
                num(compact.get(..4)?)?,
                num(compact.get(4..6)?)?,
                num(compact.get(6..)?)?,
            );
            valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
        }
        _ => None,
    }
}

/// The day-first reading of a date printed as `a/b/yyyy` with both parts
/// possible months, which `find_dates` reads month first (US usage): in a
/// text in another language than English, "12/03/2024" is 12 March. `None`
/// when `line` prints `iso` in no such form.
pub fn day_first_reading(iso: &str, line: &str) -> Option<String> {
    find_dates(line)
        .iter()
        .find(|d| d.iso == iso)
        .and_then(|d| {
            let printed = d.printed(line).trim_end_matches([',', '.', ';', ':']);
            let parts: Vec<u32> = printed
                .split('/')
                .map(|p| p.parse().ok())
                .collect::<Option<_>>()?;
            match parts.as_slice() {
                &[month, day, year] if month <= 12 && day <= 12 && month != day && year > 31 => {
                    Some(format!("{year:04}-{day:02}-{month:02}"))
                }
                _ => None,
            }
        })
}

/// Korean dates write the units in Hangul: 년 (year), 월 (month), 일 (day).
fn han_units(word: &str) -> String {
    word.replace('년', "年")
        .replace('월', "月")
        .replace('일', "日")
}

/// A year, month and day set as separate words: "2020년 4월 2일",
/// "2023年 6月". Returns the date and the words it took.
fn spaced_cjk_date(word: &str, second: &str, third: &str) -> Option<(String, usize)> {
    let word = han_units(word);
    if !word.ends_with('年') {
        return None;
    }
    let second = han_units(second);
    if !second.ends_with('月') {
        return None;
    }
    let third = han_units(third);
    if third.ends_with('日')
        && let Some(iso) = cjk_date(&format!("{word}{second}{third}"))
    {
        return Some((iso, 3));
    }
    cjk_date(&format!("{word}{second}")).map(|iso| (iso, 2))
}

/// A date whose digits and units are separate words ("2018 年 04 月"):
/// the words up to the month's or the day's unit, read as one.
fn unit_spaced_cjk_date(words: &[(usize, &str)]) -> Option<(String, usize)> {
    let mut joined = String::new();
    let mut best = None;
    for (used, (_, word)) in words.iter().take(6).enumerate() {
        let word = han_units(word);
        if !(word.bytes().all(|b| b.is_ascii_digit()) || word.starts_with(['年', '月', '日'])) {
            break;
        }
        joined.push_str(&word);
        if word.contains(['月', '日'])
            && let Some(iso) = cjk_date(&joined)
        {
            best = Some((iso, used + 1));
        }
    }
    best
}

/// `2023年6月15日`, `2023年6月`.
fn cjk_date(word: &str) -> Option<String> {
    let (year, rest) = word.split_once('年')?;
    let year: u32 = year
        .trim()
        .parse()
        .ok()
        .filter(|y| (1900..=2100).contains(y))?;
    let (month, rest) = rest.split_once('月')?;
    let month: u32 = month.trim().parse().ok().filter(|m| (1..=12).contains(m))?;
    match rest.split_once('日') {
        Some((day, _)) => {
            let day: u32 = day.trim().parse().ok()?;
            valid(year, month, day).then(|| format!("{year:04}-{month:02}-{day:02}"))
        }
        None => Some(format!("{year:04}-{month:02}")),
    }
}

fn valid(year: u32, month: u32, day: u32) -> bool {
    (1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_dates_in_day_first_and_typeset_forms() {
        let iso = |t: &str| find_dates(t).first().map(|d| d.iso.clone());
        assert_eq!(iso("20-10-2009").as_deref(), Some("2009-10-20"));
        assert_eq!(iso("31.12.2016").as_deref(), Some("2016-12-31"));
        assert_eq!(iso("12/31/2016").as_deref(), Some("2016-12-31"));
        assert_eq!(
            iso("2023\u{2011}02\u{2011}04").as_deref(),
            Some("2023-02-04")
        );
        // "NO. 5, OCTOBER 1997": an issue number is not a day.
        assert_eq!(
            iso("VOL. 7, NO. 5, OCTOBER 1997").as_deref(),
            Some("1997-10")
        );
    }

    #[test]
    fn turkish_and_indonesian_months_in_capitals_and_lower_case() {
        let iso = |t: &str| find_dates(t).first().map(|d| d.iso.clone());
        // "TEMMUZ 2014" on a thesis cover; Turkish capitals lower to other
        // letters than the text prints ("MAYIS", "Kasım").
        assert_eq!(iso("TEMMUZ 2014").as_deref(), Some("2014-07"));
        assert_eq!(iso("MAYIS 2020").as_deref(), Some("2020-05"));
        assert_eq!(iso("12 Kasım 2019").as_deref(), Some("2019-11-12"));
        assert_eq!(iso("Bandung, Desember 2017").as_deref(), Some("2017-12"));
    }

    #[test]
    fn compact_date_with_a_multibyte_character_is_no_date() {
        assert_eq!(numeric_date("1.#!5\u{2019}46"), None);
        assert_eq!(numeric_date("1.20230615"), Some("2023-06-15".to_string()));
    }

    fn first(text: &str) -> Option<String> {
        find_dates(text).into_iter().next().map(|d| d.iso)
    }

    #[test]
    fn japanese_era_dates_and_a_korean_month_ending_its_line() {
        assert_eq!(
            first("平成 25 年 10 月 29 日").as_deref(),
            Some("2013-10-29")
        );
        assert_eq!(first("令和元年5月1日").as_deref(), Some("2019-05-01"));
        // Taiwan's Republic of China calendar, in digits or numerals.
        assert_eq!(first("中華民國一百零七年七月").as_deref(), Some("2018-07"));
        assert_eq!(
            first("中華民國 97 年 8 月 12 日").as_deref(),
            Some("2008-08-12")
        );
        assert_eq!(
            first("民國一百年十二月二十三日").as_deref(),
            Some("2011-12-23")
        );
        assert_eq!(chinese_number("二〇一八"), Some(2018));
        assert_eq!(chinese_number("十二"), Some(12));
        assert_eq!(first("昭和60年4月").as_deref(), Some("1985-04"));
        // The printed date is the era's.
        let text = "事務連絡 平成 25 年 10 月 29 日";
        let date = &find_dates(text)[0];
        assert!(text[date.offset..date.end].contains("29 日"));
        // An era name without a year is text.
        assert_eq!(first("平成の時代"), None);
        // Full-width digits, as Japanese typesetting prints them.
        assert_eq!(
            first("平成２４年１２月２８日").as_deref(),
            Some("2012-12-28")
        );
        assert_eq!(first("２０２４年１月").as_deref(), Some("2024-01"));
        // A Chinese standard's "issued" glued to its date.
        assert_eq!(
            first("２００５－０３－２３发布 ２００５－１０－０１实施").as_deref(),
            Some("2005-03-23")
        );
        assert_eq!(first("2016-12-30发布").as_deref(), Some("2016-12-30"));
        assert_eq!(first("2025. 2").as_deref(), Some("2025-02"));
        assert_eq!(first("The law was adopted in 2019. 3"), None);
    }

    #[test]
    fn months_of_central_and_northern_europe() {
        assert_eq!(
            first("Warszawa, 15 marca 2022").as_deref(),
            Some("2022-03-15")
        );
        assert_eq!(
            first("Praha, 3. června 2021").as_deref(),
            Some("2021-06-03")
        );
        assert_eq!(first("București, martie 2020").as_deref(), Some("2020-03"));
        assert_eq!(first("Stockholm, augusti 2019").as_deref(), Some("2019-08"));
        assert_eq!(
            first("Barcelona, 12 de març de 2024").as_deref(),
            Some("2024-03-12")
        );
    }

    #[test]
    fn greek_months_with_or_without_accents() {
        assert_eq!(first("Αθήνα, Μάρτιος 2022").as_deref(), Some("2022-03"));
        assert_eq!(first("ΙΟΥΛΙΟΣ 2013").as_deref(), Some("2013-07"));
        assert_eq!(first("15 Μαρτίου 2022").as_deref(), Some("2022-03-15"));
    }

    #[test]
    fn dates_of_romance_and_dutch_briefs_and_seasons() {
        assert_eq!(
            first("Madrid, 12 de marzo de 2024").as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(first("março de 2024").as_deref(), Some("2024-03"));
        assert_eq!(first("Roma, maggio 2023").as_deref(), Some("2023-05"));
        assert_eq!(first("Den Haag, maart 2024").as_deref(), Some("2024-03"));
        assert_eq!(first("12 березня 2024 р.").as_deref(), Some("2024-03-12"));
        // A season dates an issue to its year.
        assert_eq!(first("Issue 3 | Spring 2024").as_deref(), Some("2024"));
        assert_eq!(first("Real Estate 2030 Outlook"), None);
        // "de" elsewhere is a word of the text.
        assert_eq!(first("Universidad de 2024"), None);
    }

    #[test]
    fn ambiguous_slashed_dates_read_day_first_on_request() {
        assert_eq!(first("Fecha: 12/03/2024").as_deref(), Some("2024-12-03"));
        assert_eq!(
            day_first_reading("2024-12-03", "Fecha: 12/03/2024").as_deref(),
            Some("2024-03-12")
        );
        // Unambiguous or not slashed: nothing to read again.
        assert_eq!(day_first_reading("2024-03-25", "Fecha: 25/03/2024"), None);
        assert_eq!(day_first_reading("2024-03-12", "Datum: 12.03.2024"), None);
    }

    #[test]
    fn printed_forms() {
        assert_eq!(first("Policy Brief, June 2024").as_deref(), Some("2024-06"));
        assert_eq!(
            first("SPLASH Conferences. October, 2010.").as_deref(),
            Some("2010-10")
        );
        assert_eq!(first("发布日期:2023.03").as_deref(), Some("2023-03"));
        assert_eq!(first("Date:2024-06-01").as_deref(), Some("2024-06-01"));
        assert_eq!(first("2024. 02").as_deref(), Some("2024-02"));
        assert_eq!(first("2024. 5.").as_deref(), Some("2024-05"));
        assert_eq!(first("2020. 4. 2.").as_deref(), Some("2020-04-02"));
        assert_eq!(first("In 2024. 5 people came"), None);
        assert_eq!(
            first("PLDI’09, June 15–20, 2009, Dublin, Ireland").as_deref(),
            Some("2009-06")
        );
        assert_eq!(
            first("CHI 2013 Extended Abstracts, April 27–May 2, 2013, Paris").as_deref(),
            Some("2013-04")
        );
        assert_eq!(
            first("Published 15 mai 2023 à Paris").as_deref(),
            Some("2023-05-15")
        );
        assert_eq!(first("Berlin, 3. Juni 2023").as_deref(), Some("2023-06-03"));
        assert_eq!(first("5 февраля 2023 г.").as_deref(), Some("2023-02-05"));
        assert_eq!(
            first("Version 1.2, ratified on October 1st, 2022").as_deref(),
            Some("2022-10-01")
        );
        assert_eq!(first("2023年6月").as_deref(), Some("2023-06"));
        assert_eq!(first("発行 2023年6月15日").as_deref(), Some("2023-06-15"));
        assert_eq!(
            first("발행일 2020년 4월 2일").as_deref(),
            Some("2020-04-02")
        );
        assert_eq!(first("2023年 6月").as_deref(), Some("2023-06"));
        assert_eq!(first("2020년4월").as_deref(), Some("2020-04"));
        assert_eq!(first("2018 年 04 月").as_deref(), Some("2018-04"));
        assert_eq!(first("2018 年 4 月 27 日").as_deref(), Some("2018-04-27"));
        let text = "Lisbon, 3 May 2024 10:37";
        let found = &find_dates(text)[0];
        assert_eq!(found.printed(text), "3 May 2024");
        assert_eq!(first("Updated: 2024-06-01.").as_deref(), Some("2024-06-01"));
        assert_eq!(first("version 5.20210520").as_deref(), Some("2021-05-20"));
        assert_eq!(first("3 November 2008").as_deref(), Some("2008-11-03"));
        assert_eq!(first("Juni 2023").as_deref(), Some("2023-06"));
    }

    #[test]
    fn not_dates() {
        assert_eq!(first("We may act in 12 months"), None);
        assert_eq!(first("Version 1.3, see section 2024-13-40"), None);
        assert_eq!(first("call 555-1234"), None);
        // The first quarter report of 2018: a year in a title.
        assert_eq!(first("2018 年第一季度报告"), None);
    }
}
