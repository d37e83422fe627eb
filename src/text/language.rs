//! The language of a document's text, as a BCP 47 tag with a confidence.
//!
//! whatlang (trigram and script statistics, 69 languages, no model files)
//! does the guessing; this module picks the sample, maps ISO 639-3 codes to
//! the shortest BCP 47 tag, and refuses to guess on too little text.

use whatlang::Lang;

/// A detected language.
#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    /// BCP 47 tag: ISO 639-1 where it exists (`en`, `fr`, `ja`), else 639-3.
    pub tag: &'static str,
    /// Confidence in thousandths.
    pub confidence: u32,
}

/// Letters needed before a guess is worth making.
const MIN_LETTERS: usize = 40;
/// Characters sampled: enough for a stable guess, cheap on a 500-page book.
const SAMPLE_CHARS: usize = 8_000;

/// Windows a long text is sampled in besides its start, spread over it:
/// the start (where a cataloguer reads the language) weighs as much as
/// all of them together, so that a body in another language than a
/// summary at the start (a Kiel policy brief's "Overview/Überblick" in
/// English, then German, before English pages) is not outvoted by it.
const WINDOWS: usize = 4;

/// Detect the language of `text`, or `None` when there is too little text
/// or whatlang is not confident.
pub fn detect(text: &str) -> Option<Language> {
    let windows = windows(text);
    let sample = windows.join(" ");
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    if let Some(tag) = by_script(&sample) {
        return Some(Language {
            tag,
            confidence: 900,
        });
    }
    // Each window votes with whatlang's confidence in it, by its length;
    // the result's confidence is the share of all the votes it won.
    let mut votes: Vec<(Lang, f64)> = Vec::new();
    let mut total = 0.0;
    for window in &windows {
        let letters = window.chars().filter(|c| c.is_alphabetic()).count();
        let Some(info) = whatlang::detect(window).filter(|_| letters >= MIN_LETTERS) else {
            continue;
        };
        let weight = window.chars().count() as f64;
        total += weight;
        let vote = info.confidence() * weight;
        match votes.iter_mut().find(|(lang, _)| *lang == info.lang()) {
            Some(entry) => entry.1 += vote,
            None => votes.push((info.lang(), vote)),
        }
    }
    // The first language to reach the highest vote wins a tie.
    let (lang, vote) = votes
        .into_iter()
        .reduce(|best, next| if next.1 > best.1 { next } else { best })?;
    let confidence = (vote / total * 1000.0).round().clamp(0.0, 1000.0) as u32;
    // Below this whatlang is guessing between close relatives or noise.
    if confidence < 250 {
        return None;
    }
    Some(Language {
        tag: bcp47(lang),
        confidence,
    })
}

/// The text as one sample when short; else its start and WINDOWS samples
/// spread evenly over the rest, each half of SAMPLE_CHARS characters.
fn windows(text: &str) -> Vec<String> {
    if text.len() <= SAMPLE_CHARS * 2 {
        return vec![sample(text, SAMPLE_CHARS)];
    }
    // The start in windows of its own too: trigram counts over a sample
    // that switches language favour one of them, whatever the share.
    let start = sample(text, SAMPLE_CHARS / 2);
    let mut windows = in_windows(&start, SAMPLE_CHARS / 2 / WINDOWS);
    windows.extend((1..=WINDOWS).map(|i| {
        let mut start = i * text.len() / (WINDOWS + 1);
        while !text.is_char_boundary(start) {
            start += 1;
        }
        // Start at a word, not inside one.
        let rest = &text[start..];
        let word = rest.find(char::is_whitespace).unwrap_or(rest.len());
        sample(&rest[word..], SAMPLE_CHARS / 2 / WINDOWS)
    }));
    windows.retain(|window| !window.is_empty());
    windows
}

/// Chinese, Japanese and Korean text often carries much Latin (commands,
/// names, URLs), which trigram statistics then prefer. Decide them by
/// script when a quarter of the letters are CJK: kana means Japanese,
/// hangul Korean, Han alone Chinese.
fn by_script(sample: &str) -> Option<&'static str> {
    let (mut letters, mut han, mut kana, mut hangul) = (0usize, 0usize, 0usize, 0usize);
    for c in sample.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        match c as u32 {
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => kana += 1,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => hangul += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF => han += 1,
            _ => {}
        }
    }
    let cjk = han + kana + hangul;
    if cjk * 4 < letters {
        return None;
    }
    Some(if kana * 20 >= cjk {
        "ja"
    } else if hangul >= han {
        "ko"
    } else {
        "zh"
    })
}

/// A sample cut into windows of about `chars` characters, at spaces.
fn in_windows(sample: &str, chars: usize) -> Vec<String> {
    let mut windows = Vec::new();
    let mut window = String::new();
    for word in sample.split_whitespace() {
        if window.chars().count() >= chars {
            windows.push(std::mem::take(&mut window));
        }
        window.push_str(word);
        window.push(' ');
    }
    windows.push(window);
    windows
}

/// Up to `chars` characters of words, without URLs, e-mail addresses and
/// numbers, which carry no language and mislead trigram counts.
fn sample(text: &str, chars: usize) -> String {
    let mut out = String::with_capacity(chars.min(text.len()) + 16);
    let mut taken = 0;
    for word in text.split_whitespace() {
        if word.contains("://") || word.contains('@') || word.chars().all(|c| !c.is_alphabetic()) {
            continue;
        }
        out.push_str(word);
        out.push(' ');
        taken += word.chars().count() + 1;
        if taken >= chars {
            break;
        }
    }
    out
}

/// Map whatlang's ISO 639-3 codes to BCP 47 (two letters where they exist).
fn bcp47(lang: Lang) -> &'static str {
    match lang {
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
        Lang::Epo => "eo",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_languages_of_briefs() {
        let cases = [
            (
                "en",
                "The committee recommends that member states strengthen the monitoring of water resources and publish their data every year.",
            ),
            (
                "fr",
                "Le comité recommande que les États membres renforcent la surveillance des ressources en eau et publient leurs données chaque année.",
            ),
            (
                "de",
                "Der Ausschuss empfiehlt, dass die Mitgliedstaaten die Überwachung der Wasserressourcen verstärken und ihre Daten jedes Jahr veröffentlichen.",
            ),
            (
                "ru",
                "Комитет рекомендует государствам-членам усилить мониторинг водных ресурсов и ежегодно публиковать свои данные о них.",
            ),
            (
                "ja",
                "委員会は、加盟国が水資源の監視を強化し、毎年そのデータを公表することを勧告する。これは重要な課題である。",
            ),
        ];
        for (tag, text) in cases {
            assert_eq!(detect(text).map(|l| l.tag), Some(tag), "{text}");
        }
    }

    #[test]
    fn cjk_with_much_latin_is_decided_by_script() {
        let text = "Debian のパッケージは apt-get install で入れます。 https://www.debian.org sudo apt update apt upgrade Debian リファレンス";
        assert_eq!(detect(text).map(|l| l.tag), Some("ja"));
        assert_eq!(detect("국회입법조사처 이슈와 논점 COVID-19 보험금 청구 현황과 과제 Korea National Assembly").map(|l| l.tag), Some("ko"));
    }

    #[test]
    fn the_body_outvotes_a_summary_in_another_language_at_the_start() {
        let english = "The committee recommends that member states strengthen the monitoring \
                       of water resources and publish their data every year. Rivers that cross \
                       borders need shared rules, and the report shows how three basins agreed \
                       on them after long talks between their governments. ";
        let german = "Der Ausschuss empfiehlt, dass die Mitgliedstaaten die Überwachung der \
                      Wasserressourcen verstärken und ihre Daten jedes Jahr veröffentlichen. ";
        // An English overview, its German translation filling the first
        // pages, then an English body four times as long.
        let text = english.repeat(2) + &german.repeat(25) + &english.repeat(80);
        assert_eq!(detect(&text).map(|l| l.tag), Some("en"));
        // A German report with a short English abstract stays German.
        let text = english.repeat(2) + &german.repeat(250);
        assert_eq!(detect(&text).map(|l| l.tag), Some("de"));
    }

    #[test]
    fn too_little_text_is_no_guess() {
        assert_eq!(detect("Page 3 of 12 — 2024"), None);
        assert_eq!(detect(""), None);
    }
}
