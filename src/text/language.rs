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

/// Detect the language of `text`, or `None` when there is too little text
/// or whatlang is not confident.
pub fn detect(text: &str) -> Option<Language> {
    let sample = sample(text);
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    if let Some(tag) = by_script(&sample) {
        return Some(Language {
            tag,
            confidence: 900,
        });
    }
    let info = whatlang::detect(&sample)?;
    let confidence = (info.confidence() * 1000.0).round().clamp(0.0, 1000.0) as u32;
    // Below this whatlang is guessing between close relatives or noise.
    if confidence < 250 {
        return None;
    }
    Some(Language {
        tag: bcp47(info.lang()),
        confidence,
    })
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

/// Up to SAMPLE_CHARS characters of words, without URLs, e-mail addresses
/// and numbers, which carry no language and mislead trigram counts.
fn sample(text: &str) -> String {
    let mut out = String::with_capacity(SAMPLE_CHARS.min(text.len()) + 16);
    let mut taken = 0;
    for word in text.split_whitespace() {
        if word.contains("://") || word.contains('@') || word.chars().all(|c| !c.is_alphabetic()) {
            continue;
        }
        out.push_str(word);
        out.push(' ');
        taken += word.chars().count() + 1;
        if taken >= SAMPLE_CHARS {
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
    fn too_little_text_is_no_guess() {
        assert_eq!(detect("Page 3 of 12 — 2024"), None);
        assert_eq!(detect(""), None);
    }
}
