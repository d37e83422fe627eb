//! What reads as a name in a printed list of authors: splitting the list
//! ("A, B and C"), the marks that tie a name to its affiliation, and telling
//! a person or an organisation from a heading, a grade or a place of work.

use std::collections::HashSet;

use crate::brief::page::{has_letters, is_genre_line, is_series_label};

/// Split a printed list of names.
pub fn split_names(text: &str) -> Vec<String> {
    let text = without_behalf(text);
    let text = &without_affiliations_in_parentheses(text);
    if let Some(names) = inverted_names(text) {
        return names;
    }
    if let Some(name) = name_then_affiliation(text) {
        return vec![name.to_string()];
    }
    let text = between_names(
        &with_organisations_joined(&spaced_initials(&without_footnote_marks(text)))
            // "A & B", and "Taighoon Shah¶& Danya Arif Siddiqi": the mark
            // before it gone, an ampersand glued to the name before.
            .replace("& ", ", ")
            .replace(" and ", ", ")
            .replace(" AND ", ", ")
            .replace(" et ", ", ")
            .replace(" und ", ", "),
    );
    let mut pieces: Vec<String> = Vec::new();
    // Whether the last name has lost the affiliation letter glued to it.
    let mut unmarked = false;
    for piece in text
        .split([',', ';', '、', '，', '；', '·', '|'])
        .flat_map(spaced_cjk_names)
    {
        // "Patrick N.J. Lanea,c,*": affiliation letters after a name, the
        // first glued to it by the text layer (it was raised). A letter
        // alone in the list shows the name before it ended with one, when
        // that one comes first in the alphabet as marks do ("Smith,a,b"
        // has no glued mark).
        if is_affiliation_letter(piece.trim()) {
            if let Some(last) = pieces.last_mut().filter(|_| !unmarked) {
                unmarked = true;
                let mark = piece.trim().chars().next();
                let glued = last.chars().last().filter(|_| ends_with_glued_letter(last));
                if glued.is_some_and(|g| mark.is_some_and(|m| g < m)) {
                    last.pop();
                }
            }
            continue;
        }
        unmarked = false;
        let piece = piece
            .trim()
            .trim_end_matches(|c: char| {
                c.is_ascii_digit()
                    || matches!(
                        c,
                        '*' | '\u{2217}' | '†' | '‡' | '§' | ' ' | '"' | '\u{201d}' | '\u{2033}'
                    )
            })
            .trim()
            .trim();
        // "‡ Ryan Cumings-Menon": a mark the text layer put before the name
        // it follows on the page; a star marks the corresponding author
        // even glued ("*Alhadainy HA"). (A dagger glued to the word,
        // "†Google Assistant", keys an affiliation.)
        let piece = piece
            .strip_prefix(['*', '\u{2217}'])
            .or_else(|| {
                piece
                    .strip_prefix(['†', '‡', '§'])
                    .filter(|rest| rest.starts_with(' '))
            })
            .map_or(piece, str::trim);
        let piece = without_parenthetical(piece);
        // "Jeffrey G. Shaffer.": a list's full stop, not an initial's.
        let piece = without_final_stop(piece);
        // "ARD, Inc.": a corporate suffix after a comma belongs to the name.
        match pieces.last_mut() {
            Some(last) if is_name_suffix(piece) => {
                last.push_str(", ");
                last.push_str(piece);
            }
            _ => pieces.push(piece.replace('\u{a0}', " ")),
        }
    }
    // One-word Chinese or Korean names come in lists of such names: where
    // a word of the list starts with no family name ("초연결, 지능화,
    // 뉴노멀"), it is a list of terms.
    let han_or_hangul_word = |p: &String| {
        !p.contains(' ') && p.chars().count() >= 2 && p.chars().all(super::is_cjk_or_hangul)
    };
    let terms = pieces
        .iter()
        .any(|p| han_or_hangul_word(p) && !caseless_name(p) && !has_cjk_issuer_ending(p));
    let names: Vec<String> = pieces
        .iter()
        .filter(|p| !(terms && han_or_hangul_word(p)))
        .map(|n| without_honorific(n).to_string())
        .filter(|n| has_letters(n, 2) && is_name(n))
        .collect();
    let names = without_sequence_marks(names);
    // "By Ian Appleton, Working Group A": beside a person, a place of work
    // is an affiliation, not a second author.
    if names.iter().any(|n| !is_affiliation(n)) {
        names.into_iter().filter(|n| !is_affiliation(n)).collect()
    } else {
        names
    }
}

/// An organisation's name that holds "and" before its last word
/// ("National Institute of Standards and Technology", "California
/// Department of Fish and Wildlife") with the joiner kept from the split
/// between names: a list item does not end with one word alone. (A
/// no-break space marks the kept joiner; printed text has none left.)
pub(crate) fn with_organisations_joined(text: &str) -> String {
    const JOINED: &str = " and\u{a0}";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(" and ") {
        let (before, after) = (&rest[..at], &rest[at + " and ".len()..]);
        let item = before.rsplit([',', ';']).next().unwrap_or(before);
        let next = after.split([',', ';']).next().unwrap_or(after).trim();
        let one_word = !next.is_empty() && !next.contains(' ');
        let organisation = item.split_whitespace().count() >= 3 && has_organisation_word(item);
        out.push_str(before);
        out.push_str(if one_word && organisation {
            JOINED
        } else {
            " and "
        });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Words that join two names only when they stand between capitalised
/// words: "Jane Doe with John Smith", "Juana Pérez y Juan García", "Ana
/// Lima e João Souza"; elsewhere they are a phrase's ("Living with Water").
const NAME_JOINERS: &[&str] = &[" in collaboration with ", " with ", " y ", " e "];

/// The list with each joiner between two capitalised words made a comma.
fn between_names(text: &str) -> String {
    let mut out = text.to_string();
    for joiner in NAME_JOINERS {
        let mut joined = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(at) = rest.find(joiner) {
            let (before, after) = (&rest[..at], &rest[at + joiner.len()..]);
            // Each side a name of two capitalised words or more up to the
            // list's comma: "Consejo Nacional de Ciencia y Tecnología" is one
            // name ("Tecnología" alone is none).
            let name_of_words = |side: &str| {
                let words: Vec<&str> = side.split_whitespace().collect();
                words.len() >= 2
                    && words
                        .iter()
                        .all(|w| w.starts_with(char::is_uppercase) || is_particle(w))
            };
            let before_name = before.rsplit([',', ';']).next().unwrap_or(before);
            let after_name = after.split([',', ';']).next().unwrap_or(after);
            let after_name = NAME_JOINERS
                .iter()
                .fold(after_name, |text, j| text.split(j).next().unwrap_or(text));
            let names_around = name_of_words(before_name) && name_of_words(after_name);
            joined.push_str(before);
            joined.push_str(if names_around { ", " } else { joiner });
            rest = after;
        }
        joined.push_str(rest);
        out = joined;
    }
    out
}

/// Chinese and Korean lists put only a space between names ("罗兴武 孙萌
/// 刘洋 陈帅", "이수진 김성환 김승남"): three or more words of two to four
/// characters, none Latin, are that many names. Two are one Japanese name,
/// family name and given name ("青木 修").
fn spaced_cjk_names(piece: &str) -> Vec<&str> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    // "수석전문위원 오창석", "张三 研究员": a job title beside the name.
    if let [first, second] = words.as_slice() {
        if is_cjk_job_title(first) && caseless_name(second) {
            return vec![second];
        }
        if is_cjk_job_title(second) && caseless_name(first) {
            return vec![first];
        }
    }
    let name_like = |w: &&str| caseless_name(w);
    if words.len() >= 3 && words.iter().all(name_like) {
        words
    } else {
        vec![piece]
    }
}

/// Endings of the job titles Korean, Chinese and Japanese reports print
/// beside their authors' names: 위원 (수석전문위원, 연구위원), 연구원,
/// 교수, 研究员, 教授, 研究員, 執筆 ...
const CJK_JOB_ENDINGS: &[&str] = &[
    "위원",
    "연구원",
    "교수",
    "박사",
    "조사관",
    "연구관",
    "팀장",
    "과장",
    "국장",
    "실장",
    "소장",
    "원장",
    "사무관",
    "주무관",
    "센터장",
    "기자",
    "研究员",
    "研究員",
    "教授",
    "博士",
    "主任",
    "所长",
    "所長",
    "院长",
    "院長",
    "执笔",
    "執筆",
    "记者",
    "記者",
    "部長",
    "課長",
];

/// A job title in a script without case ("수석전문위원", "副研究员").
pub(crate) fn is_cjk_job_title(word: &str) -> bool {
    word.chars().all(super::is_cjk_or_hangul)
        && CJK_JOB_ENDINGS.iter().any(|ending| word.ends_with(ending))
}

/// A Chinese or Korean name written as one word, two to four characters
/// that start with a common family name: "罗兴武", "김창호". Keyword lists
/// ("초연결 지능화 뉴노멀") and table headers ("项目 单位") have the same
/// shape; the family name tells them apart.
pub(crate) fn caseless_name(word: &str) -> bool {
    let count = word.chars().count();
    let hangul = word.chars().all(crate::pdf::layout::is_hangul);
    let han = word.chars().all(crate::pdf::layout::is_cjk);
    let family = |names: &str| {
        names
            .split_whitespace()
            .any(|f| word.starts_with(f) && word != f)
    };
    (2..=4).contains(&count)
        && ((hangul && family(KOREAN_FAMILY_NAMES)) || (han && family(CHINESE_FAMILY_NAMES)))
}

/// The most frequent Korean family names (about 95 % of the population).
const KOREAN_FAMILY_NAMES: &str = "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 \
    전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 우 구 민 진 나 지 엄 채 원 천 방 공 현 \
    함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 어 은 \
    편 용 예 경 봉 사 부 황보 남궁 제갈 선우 독고";

/// The most frequent Chinese family names, simplified and traditional
/// (about 90 % of the population).
const CHINESE_FAMILY_NAMES: &str = "王 李 张 張 刘 劉 陈 陳 杨 楊 黄 黃 赵 趙 吴 吳 周 徐 孙 孫 \
    马 馬 朱 胡 郭 何 高 林 罗 羅 郑 鄭 梁 谢 謝 宋 唐 许 許 韩 韓 冯 馮 邓 鄧 曹 彭 曾 肖 萧 蕭 \
    田 董 袁 潘 于 蒋 蔣 蔡 余 杜 叶 葉 程 苏 蘇 魏 吕 呂 丁 任 沈 姚 卢 盧 姜 崔 钟 鍾 谭 譚 陆 \
    陸 汪 范 金 石 廖 贾 賈 夏 韦 韋 付 傅 方 白 邹 鄒 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 龍 史 \
    陶 黎 贺 賀 顾 顧 毛 郝 龚 龔 邵 万 萬 钱 錢 严 嚴 覃 武 戴 莫 孔 向 汤 湯 常 温 溫 康 施 文 \
    牛 樊 葛 邢 安 齐 齊 易 乔 喬 伍 庞 龐 颜 顏 倪 庄 莊 聂 聶 章 鲁 魯 岳 翟 殷 詹 申 欧 歐 \
    欧阳 歐陽 耿 关 關 兰 蘭 焦 俞 左 柳 甘 祝 包 宁 寧 尚 符 舒 阮 柯 纪 紀 梅 童 凌 毕 畢 单 \
    單 季 裴 霍 涂 成 苗 谷 盛 曲 翁 冉 骆 駱 蓝 藍 路 游 辛 靳 管 柴 蒙 鲍 鮑 华 華 喻 祁 蒲 房 \
    滕 屈 饶 饒 解 牟 艾 尤 阳 陽 时 時 穆 农 農 司 司马 司馬 卓 古 吉 缪 繆 简 簡 车 車 项 項 \
    连 連 麦 麥 褚 娄 婁 窦 竇 戚 岑 景 党 黨 宫 宮 费 費 卜 冷 晏 席 卫 衛 米 柏 宗 瞿 桂 全 \
    佟 应 應 臧 闵 閔 苟 邬 鄔 边 邊 卞 姬 师 師 和 仇 栾 欒 隋 商 刁 沙 荣 榮 巫 寇 桑 郎 甄 \
    丛 叢 仲 虞 敖 巩 鞏 明 佘 池 查 麻 苑 迟 遲 邝 鄺 上官 诸葛 諸葛";

/// A person's name and their affiliation on one line, with nothing
/// between ("Guy Grossman University of Pennsylvania", "Delia Baldassarri
/// Princeton University"): the name's two or three words, when the rest
/// is an affiliation and the name holds none of its words.
fn name_then_affiliation(text: &str) -> Option<&str> {
    if text.contains([',', ';']) {
        return None;
    }
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| c == ' ' && i > 0)
        .map(|(i, _)| i)
        .collect();
    [2, 3].iter().find_map(|&words| {
        let cut = *starts.get(words - 1)?;
        let (name, rest) = (text[..cut].trim(), text[cut..].trim());
        let person = name
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
            && !is_affiliation(name);
        (person && starts_a_university(rest)).then_some(name)
    })
}

/// "University of Pennsylvania", "Princeton University": a university's
/// name from its first word. (An institute's is not told apart so: the
/// "Science Institute" of "International Computer Science Institute".)
fn starts_a_university(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let university = |w: &str| UNIVERSITY_WORDS.contains(&w.to_lowercase().as_str());
    match words.as_slice() {
        [first, of, ..] if university(first) => matches!(*of, "of" | "de" | "di" | "of," | "zu"),
        [_, last] => university(last),
        _ => false,
    }
}

const UNIVERSITY_WORDS: &[&str] = &[
    "university",
    "college",
    "université",
    "universität",
    "universidad",
    "università",
];

/// Names written surname first, as catalogues and repositories print them:
/// "Weigelt, B.", "Salden, A.H.; Goedvolk, E.-J.; Ter Doest, H." (a list
/// parted by semicolons). Kept as printed.
fn inverted_names(text: &str) -> Option<Vec<String>> {
    let names: Vec<String> = text
        .split(';')
        .map(|n| n.trim().trim_start_matches("& ").trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    let several_or_one = names.len() > 1 || !text.contains(';');
    (several_or_one && !names.is_empty() && names.iter().all(|n| is_inverted_name(n)))
        .then_some(names)
}

/// "Weigelt, B.": a capitalised surname of up to three words, a comma,
/// and initials only.
fn is_inverted_name(name: &str) -> bool {
    let Some((surname, given)) = name.split_once(", ") else {
        return false;
    };
    let surname_words: Vec<&str> = surname.split_whitespace().collect();
    let capitalised = !surname_words.is_empty()
        && surname_words.len() <= 3
        && surname_words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || is_particle(w))
        && surname
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\''));
    let initials = given.contains('.')
        && given
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | ' '))
        && given.chars().any(char::is_uppercase);
    capitalised && initials
}

/// Names that each end with a raised affiliation letter the text layer
/// glued on, in the order the affiliations are listed ("Delia
/// Baldassarria", "Guy Grossmanb"): the letters, read in turn, start at
/// "a" and never go back, over at least two letters.
fn without_sequence_marks(names: Vec<String>) -> Vec<String> {
    let marks: Vec<char> = names
        .iter()
        .filter(|n| ends_with_glued_letter(n))
        .filter_map(|n| n.chars().last())
        .collect();
    let in_turn = marks.len() == names.len()
        && marks.first() == Some(&'a')
        && marks.windows(2).all(|w| w[0] <= w[1])
        && marks.iter().any(|&m| m != 'a');
    if !in_turn {
        return names;
    }
    names
        .into_iter()
        .map(|mut n| {
            n.pop();
            n
        })
        .collect()
}

/// An affiliation mark: one lower-case letter.
fn is_affiliation_letter(piece: &str) -> bool {
    let mut chars = piece.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase()) && chars.next().is_none()
}

/// A surname ending with an affiliation letter the text layer glued to it
/// ("Lanea"): a lower-case letter from a to h after another lower-case
/// letter, on a surname of four letters or more.
fn ends_with_glued_letter(name: &str) -> bool {
    let last = name.split_whitespace().last().unwrap_or("");
    let mut chars = last.chars().rev();
    let (mark, before) = (chars.next(), chars.next());
    mark.is_some_and(|c| ('a'..='h').contains(&c))
        && before.is_some_and(char::is_lowercase)
        && last.chars().count() >= 4
}

/// A name without the full stop a list put after it: kept after an initial
/// ("Rebecca Thompson S.") or an abbreviation ("Jr.", "Inc.").
fn without_final_stop(name: &str) -> &str {
    let Some(bare) = name.strip_suffix('.') else {
        return name;
    };
    let last = bare.split_whitespace().last().unwrap_or("");
    let abbreviation = last.chars().count() <= 3 || is_name_suffix(&format!("{last}."));
    if abbreviation { name } else { bare }
}

/// Titles printed before a name, not part of it: cataloguers leave them
/// out ("Dr. Saeed Murtaza").
const HONORIFICS: &[&str] = &[
    "dr.",
    "dr",
    "prof.",
    "prof",
    "professor",
    "mr.",
    "mrs.",
    "ms.",
    "mme",
    "mlle",
    "sir",
    // Italian, Spanish and German degrees written before a name.
    "ing.",
    "dott.",
    "dott.ssa",
    "prof.ssa",
    "avv.",
    "arch.",
    "dipl.-ing.",
    "dra.",
    "lic.",
    "mag.",
];

pub(crate) fn without_honorific(name: &str) -> &str {
    match name.split_once(' ') {
        Some((first, rest)) if HONORIFICS.contains(&first.to_lowercase().as_str()) => rest.trim(),
        _ => name,
    }
}

/// Suffixes printed after a comma that belong to the name before it: a
/// company's ("ARD, Inc.") or a person's ("Walter Gary Sharp, Sr.").
pub(crate) fn is_name_suffix(piece: &str) -> bool {
    let lower = piece.to_lowercase();
    CORPORATE_SUFFIXES.contains(&lower.as_str()) || PERSONAL_SUFFIXES.contains(&lower.as_str())
}

/// Whether a line opens a parenthesis it does not close ("… Al Afghani
/// (Center for"): what is in it goes on over the next line.
pub(crate) fn opens_parenthesis(text: &str) -> bool {
    text.matches('(').count() > text.matches(')').count()
}

/// Whether a line closes a parenthesis a line before it opened
/// ("Regulation, Policy, and Governance (CRPG)),").
fn closes_parenthesis(text: &str) -> bool {
    text.matches(')').count() > text.matches('(').count()
}

/// The list without the affiliations set in parentheses after names,
/// commas and nested parentheses inside them too ("Nishrin Qowamuna and
/// Mohamad Mova Al Afghani (Center for Regulation, Policy, and Governance
/// (CRPG))"); an acronym in parentheses stays ("… Laboratory (NREL)").
fn without_affiliations_in_parentheses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let mut depth = 0;
        let close = rest[open..].char_indices().find_map(|(i, c)| {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            (depth == 0).then_some(open + i)
        });
        let Some(close) = close else { break };
        let inner = &rest[open + 1..close];
        out.push_str(if has_organisation_word(inner) || is_affiliation(inner) {
            rest[..open].trim_end()
        } else {
            &rest[..=close]
        });
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// "Philip Leclerc, on behalf of the 2020 Census DAS Development Team":
/// the people named, without the body they wrote for.
fn without_behalf(text: &str) -> &str {
    [" on behalf of ", " On behalf of ", " ON BEHALF OF "]
        .iter()
        .find_map(|phrase| text.find(phrase))
        .map_or(text, |at| text[..at].trim_end_matches([',', ' ']))
}

const CORPORATE_SUFFIXES: &[&str] = &[
    "inc.", "inc", "ltd.", "ltd", "llc", "gmbh", "plc", "corp.", "corp",
];
const PERSONAL_SUFFIXES: &[&str] = &["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"];

/// Whether a line reads as a list of person or organisation names: short,
/// no sentence punctuation, every name capitalised, no digits.
pub(crate) fn looks_like_names(text: &str) -> bool {
    let unmarked = without_footnote_marks(without_behalf(text));
    let text = unmarked.trim();
    if inverted_names(text).is_some() || name_then_affiliation(text).is_some() {
        return true;
    }
    // "Submitted to:" labels what follows; it names no one. Nor does an
    // item of a list ("⚫ APM因子的构建思想…", "• Key findings").
    // Nor does the end of an affiliation in parentheses that the line
    // above opened ("Regulation, Policy, and Governance (CRPG)),").
    let closes_more = closes_parenthesis(text);
    if text.is_empty()
        || text.ends_with(['.', ':'])
        || text.chars().any(|c| c.is_ascii_digit())
        || text.starts_with(BULLETS)
        || closes_more
    {
        return false;
    }
    let names = split_names(text);
    if names.is_empty() || names.len() > 16 || is_affiliation(text) {
        return false;
    }
    names.iter().all(|name| {
        let words: Vec<&str> = name.split_whitespace().collect();
        let cjk = name.chars().all(|c| !c.is_ascii()) || is_spaced_japanese_name(name);
        (cjk && name.chars().count() <= 12)
            || (!words.is_empty()
                && words.len() <= 6
                && words
                    .iter()
                    .map(|w| w.trim_start_matches(['(', '"', '\u{201c}', '\'']))
                    .filter(|w| w.len() > 3)
                    .all(|w| w.starts_with(|c: char| c.is_uppercase())))
    }) && !is_series_label(text)
}

/// "ПАВЛОВ Михаэль Вячеславович": a Russian surname, given name and
/// patronymic, the way a thesis cover prints its author.
pub(crate) fn is_russian_full_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let cyrillic = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| ('\u{400}'..='\u{4ff}').contains(&c) || c == '-')
    };
    let patronymic = |w: &str| {
        ["вич", "вна", "ична", "инична", "ьич"]
            .iter()
            .any(|end| w.ends_with(end))
    };
    words.len() == 3 && words.iter().all(|w| cyrillic(w)) && patronymic(words[2])
}

/// A kanji, hiragana or katakana character: the letters of a Japanese
/// name.
pub(crate) fn is_han_or_kana(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3040}'..='\u{30ff}').contains(&c)
}

/// "新井 諒介": a Japanese name, family and given name in kanji or kana
/// with a space between, each of four characters at most.
pub(crate) fn is_spaced_japanese_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() == 2
        && words
            .iter()
            .all(|w| w.chars().count() <= 4 && w.chars().all(is_han_or_kana))
}

/// Marks that start the items of a list.
const BULLETS: &[char] = &[
    '•', '⚫', '●', '▪', '■', '◆', '➢', '►', '✓', '✔', '◦', '○', '□', '▶',
];

/// "D.Smirnov" as "D. Smirnov": an initial's full stop followed by a
/// capitalised word gets its space ("Yu.A.Pusep" gives "Yu.A. Pusep").
fn spaced_initials(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        let initial = i >= 1 && chars[i - 1].is_uppercase();
        let word_follows = chars.get(i + 1).is_some_and(|n| n.is_uppercase())
            && chars.get(i + 2).is_some_and(|n| n.is_lowercase());
        if c == '.' && initial && word_follows {
            out.push(' ');
        }
    }
    out
}

/// The text without the marks that tie a name to its affiliation or a
/// footnote: digits and symbols (`*`, `†`, `‡`, `∗`, `§`, `♦`, full-width
/// digits and `＊`) right after a letter ("Temple-Smith1", "Graves2*",
/// "Gal∗+", "侯磊＊"), after the comma that follows a name, or a space after
/// a name in a list of marked names ("de Barros 1, … Jr2").
pub(crate) fn without_footnote_marks(text: &str) -> String {
    let text = &without_letter_marks(text);
    let is_mark = |c: char| {
        c.is_ascii_digit()
            // Full-width marks of Chinese and Japanese journals ("侯磊＊").
            || ('\u{ff10}'..='\u{ff19}').contains(&c)
            // Superscript digits the text layer kept as such ("Leddin¹").
            || matches!(c, '\u{b9}' | '\u{b2}' | '\u{b3}' | '\u{2070}'..='\u{2079}')
            || matches!(
                c,
                '*' | '\u{2020}'
                    | '\u{2021}'
                    | '\u{2217}'
                    | '\u{a7}'
                    | '\u{b6}'
                    | '\u{2016}'
                    | '+'
                    | '$'
                    | '#'
                    | '\u{ff0a}'
                    | '\u{2666}'
                    | '\u{2660}'
                    | '\u{2663}'
                    | '\u{2665}'
                    | '\u{25ca}'
                    | '\u{2605}'
                    | '\u{2606}'
                    | '\u{22c6}'
            )
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut after_letter = false;
    let mut dropped = false;
    // Whether some name has its mark glued to it ("Jr2"): then a mark a
    // space after a name is one too.
    let glued_marks = chars
        .windows(2)
        .any(|w| w[0].is_alphabetic() && w[1].is_ascii_digit());
    let mut skip_to = 0;
    for (i, &c) in chars.iter().enumerate() {
        // Marks may be listed: "Theurer2,3" ties one name to two places.
        let listed_mark = c == ',' && chars.get(i + 1).copied().is_some_and(is_mark);
        // Or follow the comma after the name: "Verronen,1 Annika Seppälä,1".
        let after_comma = i >= 2
            && chars[i - 1] == ','
            && chars[i - 2].is_alphabetic()
            && c.is_ascii_digit()
            && !chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        // Or stand a space after the name, before its comma, in a list
        // whose other names carry theirs glued ("Nicholas R. de Barros 1,
        // Francisco ... Jr2"; not "Key Stage 3, Year 9").
        let spaced = glued_marks
            && i >= 2
            && chars[i - 1] == ' '
            && chars[i - 2].is_alphabetic()
            && c.is_ascii_digit()
            && {
                let digits = chars[i..].iter().take_while(|n| n.is_ascii_digit()).count();
                // (At the end only of a list: "ΑΡΘΡΟ 1" is a heading.)
                let closes = chars
                    .get(i + digits)
                    .map_or(chars.contains(&','), |&n| n == ',' || n == ';');
                if digits <= 2 && closes {
                    skip_to = i + digits;
                    true
                } else {
                    false
                }
            };
        if i < skip_to {
            continue;
        }
        if (after_letter && (is_mark(c) || listed_mark)) || after_comma || spaced {
            dropped = true;
            continue;
        }
        // A mark then a space and a capital: the mark separated two names
        // ("Temple-Smith1 Jennifer A. Graves2").
        if dropped && c == ' ' && chars.get(i + 1).is_some_and(|n| n.is_uppercase()) {
            out.push(',');
        }
        dropped = false;
        after_letter = c.is_alphabetic();
        out.push(c);
    }
    out
}

/// The text without letter marks closed by a parenthesis, which some
/// journals tie names to affiliations with ("Jin-Cheng Zhenga)*,
/// Hui-Qiong Wangb)"); a parenthesis opened before is closed, not a mark.
fn without_letter_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut open = 0usize;
    for c in text.chars() {
        match c {
            '(' => open += 1,
            ')' if open > 0 => open -= 1,
            ')' => {
                let mut tail = out.chars().rev();
                if let (Some(mark), Some(before)) = (tail.next(), tail.next())
                    && mark.is_ascii_lowercase()
                    && before.is_alphabetic()
                {
                    out.pop();
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

/// Words that are never a person's name, printed where names could be.
const NOT_NAMES: &[&str] = &[
    // The buttons and counts of a ResearchGate cover sheet.
    "see profile",
    "citations",
    "reads",
    "abstract",
    "introduction",
    "received",
    "accepted",
    "published",
    "summary",
    "contents",
    "table of contents",
    "keywords",
    "foreword",
    "preface",
    "edition",
    "chapter",
    "resume",
    "résumé",
    "zusammenfassung",
];

/// Words no person's or organisation's name starts with; a phrase that
/// does is a title's ("About Drugs and Your Body", "AT THE FIRST SESSION").
const NEVER_FIRST_IN_A_NAME: &[&str] = &[
    "about", "your", "our", "my", "at", "to", "for", "from", "with", "into", "how", "what", "why",
    "when", "where", "is", "are", "in", "on", "of", "welcome", "inside",
];

/// Titles and grades printed after a name ("Fellow, IEEE"), not names.
const GRADES: &[&str] = &[
    "fellow",
    "member",
    "senior member",
    "student member",
    "life fellow",
    "ieee",
    "phd",
    "ph.d.",
    "md",
    "jr.",
    "sr.",
];

/// Words of the job titles printed beside a name in briefs and reports
/// ("Jane Doe, Senior Fellow", "Director of Research").
const JOB_WORDS: &[&str] = &[
    "fellow",
    "legal",
    "policy",
    "senior",
    "junior",
    "research",
    "researcher",
    "associate",
    "assistant",
    "analyst",
    "director",
    "deputy",
    "executive",
    "managing",
    "chief",
    "head",
    "lead",
    "principal",
    "professor",
    "lecturer",
    "economist",
    "scientist",
    "advisor",
    "adviser",
    "consultant",
    "officer",
    "manager",
    "coordinator",
    "specialist",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "president",
    "vice",
    "vice-president",
    "editor",
    "intern",
    "student",
    "candidate",
    "visiting",
    "nonresident",
    "non-resident",
    "adjunct",
    "emeritus",
    "postdoctoral",
    "doctoral",
    "program",
    "programme",
    "policy",
    "project",
    "team",
    "leader",
    "expert",
    "partner",
    "founder",
    "co-founder",
    "ceo",
    "secretary",
    "general",
    "counsel",
    "staff",
    "engineer",
    "distinguished",
    "affiliate",
    "scholar",
    "author",
    "co-author",
    "contributor",
    "rapporteur",
    "of",
    "for",
    "and",
    "&",
    "the",
];

/// A job title printed beside a name ("Senior Fellow", "Director of
/// Research", "Research Analyst"): every word one of a job's, the first not
/// a function word.
fn is_job_title(piece: &str) -> bool {
    let words: Vec<String> = piece
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '&')
                .to_lowercase()
        })
        .collect();
    let function = |w: &str| matches!(w, "of" | "for" | "and" | "&" | "the");
    words.first().is_some_and(|w| !function(w))
        && words.iter().all(|w| JOB_WORDS.contains(&w.as_str()))
}

/// Words of an affiliation: a line holding one names places, not people.
const AFFILIATION_WORDS: &[&str] = &[
    "working group",
    "university",
    "universit",
    "department",
    "school of",
    "institute",
    "college",
    "laboratory",
    "faculty",
    "hospital",
    "centre for",
    "center for",
    "corporation",
    // Polish: a faculty, a polytechnic, a university, an institute, a chair.
    "wydział",
    "politechnik",
    "uniwersytet",
    "instytut",
    "katedra",
];

pub(crate) fn is_affiliation(text: &str) -> bool {
    let lower = text.to_lowercase();
    AFFILIATION_WORDS.iter().any(|w| lower.contains(w))
        || text.contains('@')
        || is_national_agency_acronym(text)
}

/// A national agency by its country's and its own acronyms ("U.S. EPA",
/// "US EPA", "UK ONS"): an affiliation beside a person's name.
fn is_national_agency_acronym(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let country = words
        .next()
        .is_some_and(|w| matches!(w, "U.S." | "US" | "UK" | "U.K." | "EU"));
    let rest: Vec<&str> = words.collect();
    country && (1..=2).contains(&rest.len()) && rest.iter().all(|w| is_acronym(w, 2..=6))
}

/// An acronym of capital letters only, of a length in `letters` ("GAO",
/// "CCITT", "KT").
pub(crate) fn is_acronym(text: &str, letters: std::ops::RangeInclusive<usize>) -> bool {
    letters.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether a piece of a name list can be a name: not a heading word or a
/// grade, and two words or more (one word only as an acronym such as
/// "CCITT", which organisations sign with).
fn is_name(piece: &str) -> bool {
    let lower = piece.to_lowercase();
    let words = piece.split_whitespace().count();
    let acronym = words == 1
        && (3..=7).contains(&piece.chars().count())
        && piece.chars().all(|c| c.is_uppercase() || c == '.');
    // "(By State)": a remark in parentheses names no one.
    let remark = piece.starts_with('(') && piece.ends_with(')');
    // "• Announcements": an item of a list, not a name.
    let bulleted = piece.starts_with(['•', '▪', '■', '◦', '‣', '–', '-', '*', '>']);
    // "NC ND", a licence's badge letters: words of two capitals or fewer
    // without the stop of an initial.
    let badge = piece
        .split_whitespace()
        .all(|w| w.chars().count() <= 2 && w.chars().all(|c| c.is_ascii_uppercase()));
    // A colon inside is a title's or a label's ("Democracy Assessment:
    // Political Process"), not a name's.
    !remark
        && !badge
        && !bulleted
        && !piece.contains(':')
        && !is_series_label(piece)
        && !piece
            .split_whitespace()
            .next()
            .is_some_and(|w| NEVER_FIRST_IN_A_NAME.contains(&w.to_lowercase().as_str()))
        && !piece.chars().any(|c| c.is_ascii_digit())
        && !is_genre_line(piece)
        && !NOT_NAMES.contains(&lower.trim_end_matches([':', '.']))
        && !GRADES.contains(&lower.as_str())
        && !is_job_title(piece)
        && (words >= 2 || acronym || caseless_name(piece) || has_cjk_issuer_ending(piece))
        && !piece.contains("://")
        && !lower.starts_with("www.")
}

/// What the document's own text says about words: which it prints in
/// lower case in running text ("health", "return", "drilling"), so that a
/// capitalised phrase made only of them is a heading ("HEALTH INFORMATION
/// MANAGEMENT"), not a person; and which capitalised runs it prints
/// inside a sentence ("... that Creative Commons provides"), so that such a
/// phrase is a proper name after all. Learnt from the document, so it works
/// in any language without a dictionary. E-mail addresses and web links
/// are left out: they spell names in lower case ("pekka.verronen@fmi.fi").
#[derive(Debug, Default)]
pub struct CommonWords {
    lower: HashSet<String>,
    /// Each run of capitalised words after a lower-case word, and its
    /// leading parts, in lower case.
    proper: HashSet<String>,
}

/// Pages read for the common words: enough prose for the vocabulary of a
/// long report, bounded for a book.
const COMMON_WORDS_PAGES: usize = 30;

/// Longest run of capitalised words kept as a proper name.
const PROPER_NAME_WORDS: usize = 6;

/// A word in lower case, for matching: Turkish capitals lower to other
/// letters than the text prints ("İŞLEMCİ" lowers to "i̇şlemci̇" with a
/// combining dot, "ALGORİTMALARINA" to "…larina" where the text has
/// "…ları"), so the dot is dropped and the dotless "ı" read as "i".
pub(crate) fn case_fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .filter(|&c| c != '\u{307}')
        .map(|c| if c == 'ı' { 'i' } else { c })
        .collect()
}

impl CommonWords {
    pub fn of_pages<'a>(pages: impl IntoIterator<Item = &'a str>) -> Self {
        let mut found = CommonWords::default();
        for page in pages.into_iter().take(COMMON_WORDS_PAGES) {
            let mut run: Option<String> = None;
            let mut run_words = 0;
            for raw in page.split_whitespace() {
                let token = raw.trim_matches(|c: char| !c.is_alphanumeric());
                let lower_word = !token.is_empty() && token.chars().all(char::is_lowercase);
                if !token.contains(['@', '/', '.', '_', ':']) {
                    for word in token.split(['-', '\u{2010}', '\'', '\u{2019}']) {
                        if !word.is_empty() && word.chars().all(char::is_lowercase) {
                            found.lower.insert(case_fold(word));
                        }
                    }
                }
                let capitalised = token.starts_with(char::is_uppercase);
                match run.as_mut() {
                    Some(words) if capitalised && run_words < PROPER_NAME_WORDS => {
                        if run_words > 0 {
                            words.push(' ');
                        }
                        words.push_str(&case_fold(token));
                        run_words += 1;
                        found.proper.insert(words.clone());
                    }
                    _ => run = None,
                }
                // A run may start after a bare lower-case word: inside a
                // sentence, not after its full stop.
                if run.is_none() && lower_word && raw == token {
                    run = Some(String::new());
                    run_words = 0;
                }
                if raw != token && run_words > 0 {
                    run = None;
                }
            }
        }
        found
    }

    /// Whether the text writes `word` in lower case (each part of a
    /// hyphenated word: "Water-wave").
    fn contains(&self, word: &str) -> bool {
        case_fold(word)
            .split(['-', '\u{2010}'])
            .all(|part| !part.is_empty() && self.lower.contains(part))
    }

    /// Whether the text names `phrase` capitalised inside a sentence.
    fn is_proper_name(&self, phrase: &str) -> bool {
        let words: Vec<String> = phrase
            .split_whitespace()
            .map(|w| case_fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
            .filter(|w| !w.is_empty())
            .collect();
        let words = match words.split_first() {
            Some((first, rest)) if first == "the" => rest,
            _ => &words[..],
        };
        !words.is_empty() && self.proper.contains(&words.join(" "))
    }
}

/// What a printed name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Person,
    Organisation,
    /// Neither: a heading, a slogan or the end of a sentence set in
    /// capitals ("Geologic Drilling", "President Clinton on").
    Phrase,
}

/// Words of the names of organisations that issue publications (lowercase;
/// matched as whole words, a phrase anywhere): a line on a cover holding
/// one names the issuer.
const ISSUER_WORDS: &[&str] = &[
    // Turkish, and the ablative a letterhead uses ("... Rektörlüğünden:",
    // "from the Rectorate of ...").
    "üniversitesi",
    "rektörlüğü",
    "rektörlüğünden",
    "bakanlığı",
    "bakanlığından",
    "başkanlığı",
    "başkanlığından",
    "müdürlüğü",
    "müdürlüğünden",
    "belediyesi",
    "belediyesinden",
    "verlag",
    "éditions",
    "editorial",
    "service",
    "administration",
    "parliament",
    "institute",
    "institut",
    "institution",
    "instituto",
    "centre",
    "center",
    "foundation",
    "fondation",
    "stiftung",
    "council",
    "conseil",
    "university",
    "université",
    "universität",
    "universidad",
    "universiteit",
    "bank",
    "agency",
    "agence",
    "ministry",
    "ministère",
    "ministerium",
    // A government's chancellery ("Chancellerie fédérale", "Bundeskanzlei").
    "chancellery",
    "chancellerie",
    "bundeskanzlei",
    "cancelleria",
    "organisation",
    "organization",
    "office",
    "commission",
    "department",
    "bureau",
    "survey",
    "association",
    "society",
    "academy",
    "union",
    "federation",
    "forum",
    "observatory",
    "secretariat",
    "authority",
    "library",
    "bibliotheek",
    "bibliothèque",
    "bibliothek",
    "press",
    "publishing",
    "publishers",
    "programme",
    "trust",
    "fund",
    "network",
    "laboratory",
    "corporation",
    "incorporated",
    "inc.",
    "ltd",
    "ltd.",
    "gmbh",
    "llc",
    "group",
    "think tank",
    // Italian, Spanish and Portuguese.
    "università",
    "politecnico",
    "universidade",
    "istituto",
    "fondazione",
    "fundación",
    "fundação",
    "ministero",
    "ministerio",
    "ministério",
    "dirección",
    "secretaría",
    "subsecretaría",
    // The United Nations' masthead ("UNITED" / "NATIONS").
    "united nations",
    // Russian, in the cases a title page prints them in.
    "университет",
    "университета",
    "институт",
    "института",
    "министерство",
    "академия",
    "кафедра",
    "факультет",
];

/// Words of other organisations' names: "Committee on Finance", "Research
/// & Development Division" name an organisation, seldom the issuer.
const MORE_ORGANISATION_WORDS: &[&str] = &[
    "projet",
    "projekt",
    "proyecto",
    "проект",
    "alliance",
    "assembly",
    "board",
    "college",
    "committee",
    "company",
    "congress",
    "consortium",
    "division",
    "facility",
    "government",
    "hospital",
    "industries",
    "lab",
    "laboratories",
    "limited",
    "project",
    "services",
    "squadron",
    "systems",
    "team",
    "workgroup",
];

/// A person's name without the role or affiliation in parentheses after
/// it ("Janko Leddin (Datenmanagement)", "Tom Schenk Jr. (City of
/// Chicago)", an opened one the line cut: "Michael Porst (Morbiditäts");
/// an organisation keeps its acronym ("National Renewable Energy
/// Laboratory (NREL)"). Words going on after the parenthesis make a
/// sentence, not a name ("The Jobs Support Scheme (JSS) will help ...").
pub(crate) fn without_parenthetical(piece: &str) -> &str {
    let goes_on = |within: &str| {
        within
            .split_once(')')
            .is_some_and(|(_, after)| has_letters(after, 2))
    };
    match piece.split_once(" (") {
        Some((name, within))
            if (2..=4).contains(&name.split_whitespace().count())
                && !has_organisation_word(name)
                && has_letters(within, 2)
                && !goes_on(within) =>
        {
            name.trim_end()
        }
        _ => piece,
    }
}

/// Whether a name holds an organisation word ("Bureau of Reclamation",
/// "ARD, Inc.", "Quality and Usability Lab").
pub(crate) fn has_organisation_word(text: &str) -> bool {
    holds_word_of(text, ISSUER_WORDS) || holds_word_of(text, MORE_ORGANISATION_WORDS)
}

/// Whether a name holds a word of an issuing organisation's name.
pub(crate) fn has_issuer_word(text: &str) -> bool {
    holds_word_of(text, ISSUER_WORDS) || has_cjk_issuer_ending(text)
}

/// Chinese, Japanese and Korean write an organisation's kind at the end of
/// its name, with no space: "환경노동위원회" (committee), "国会事務局",
/// "天健会计师事务所" (firm), "한국남부발전(주)" (company).
const CJK_ISSUER_ENDINGS: &[&str] = &[
    "위원회",
    "사무처",
    "연구원",
    "연구소",
    "재단",
    "공단",
    "협회",
    "대학교",
    "(주)",
    "㈜",
    "주식회사",
    "委员会",
    "委員会",
    "公司",
    "研究院",
    "研究所",
    "研究中心",
    "大学",
    "大學",
    "事务所",
    "事務所",
    "事務局",
    "银行",
    "銀行",
    "协会",
    "協会",
    "出版社",
    "株式会社",
    "財団",
    "基金会",
    "政府",
    "国务院",
    // Ministries, agencies, bureaus and divisions: "厚生労働省医薬食品局審査管理課".
    "省",
    "庁",
    "厅",
    "局",
    "課",
    "진흥원",
    "공사",
];

fn has_cjk_issuer_ending(text: &str) -> bool {
    text.split_whitespace().any(|word| {
        let common_word = NOT_ISSUERS.iter().any(|w| word.ends_with(w));
        CJK_ISSUER_ENDINGS.iter().any(|ending| {
            let ending_chars = ending.chars().count();
            // A one-character ending ("局") needs a name of its own before
            // it: "医薬食品局", not "格局" (a pattern).
            let before = if ending_chars == 1 { 2 } else { 1 };
            word.ends_with(ending) && word.chars().count() >= ending_chars + before
        }) && !common_word
    })
}

/// Words that end like an issuer and are none: "格局" (pattern), "布局"
/// (layout), "结局" (outcome), "反省" (reflection).
const NOT_ISSUERS: &[&str] = &[
    "格局", "布局", "大局", "结局", "結局", "开局", "開局", "残局", "殘局", "反省", "自省",
];

fn holds_word_of(text: &str, list: &[&str]) -> bool {
    // "ÜNİVERSİTESİ" lower-cases to "üni\u{307}versitesi": the dot goes.
    let lower = text.to_lowercase().replace('\u{307}', "");
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    // A German compound ends with what it is: "Koch-Institut",
    // "Heinrich-Böll-Stiftung".
    let tails = words
        .iter()
        .filter_map(|w| w.rsplit_once('-').map(|(_, tail)| tail));
    let words: Vec<&str> = words.iter().copied().chain(tails).collect();
    list.iter().any(|org| {
        if org.contains(' ') {
            lower.contains(org)
        } else {
            words.iter().any(|w| {
                *w == *org || w.trim_end_matches(['.', ';', ':']) == org.trim_end_matches('.')
            })
        }
    })
}

/// A word that starts a surname in lower case ("van der Knijff").
pub(crate) fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word.to_lowercase().as_str())
}

/// Small words inside a person's name ("Johan van der Knijff").
const PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "von", "zu", "le",
    "la", "bin", "ibn", "al", "el", "ter", "ten",
];

/// Words that join phrases, never part of a person's name.
const FUNCTION_WORDS: &[&str] = &[
    "by", "for", "and", "of", "the", "on", "in", "to", "with", "from", "at", "or", // English
    "und", "für", "mit", "zur", "zum", "oder", // German
    "et", "pour", "sur", "avec", "dans", "chaque", "entre", "selon", "sous", // French
    "para", "por", "con", "sin", "sobre", "cada", // Spanish
    "com", "sem", // Portuguese
    "per", "ogni", // Italian
];

/// Words no name ends with: a phrase cut at the end of a line ("Fresno
/// and", "Drug Abuse Puts Your").
const NEVER_LAST_IN_A_NAME: &[&str] = &[
    "and", "or", "of", "the", "on", "to", "by", "for", "in", "at", "with", "a", "an", "your",
    "our", "their", "its", "his", "her", "my",
];

/// Whether a printed name is a person's, an organisation's or neither.
/// Countries and cities whose names read like a person's, two or three
/// capitalised words ("Cabo Verde" under a WHO strategy's title, "Santiago
/// de Chile" in an imprint).
const PLACES: &[&str] = &[
    "cabo verde",
    "cape verde",
    "sierra leone",
    "costa rica",
    "south africa",
    "south sudan",
    "sri lanka",
    "burkina faso",
    "new zealand",
    "saudi arabia",
    "el salvador",
    "papua new guinea",
    "timor-leste",
    "east timor",
    "united kingdom",
    "united states",
    "viet nam",
    "côte d'ivoire",
    "cote d'ivoire",
    "north macedonia",
    "san marino",
    "puerto rico",
    "hong kong",
    "new york",
    "new delhi",
    "los angeles",
    "san francisco",
    "buenos aires",
    "santiago de chile",
    "rio de janeiro",
    "são paulo",
    "sao paulo",
    "mexico city",
    "cape town",
    "kuala lumpur",
    "addis ababa",
    "dar es salaam",
    "abu dhabi",
    "tel aviv",
    "washington dc",
    "washington d.c.",
    "la paz",
    "san josé",
    "san jose",
    "port louis",
    "port moresby",
    "santo domingo",
    "guatemala city",
    "panama city",
    "kuwait city",
    "new caledonia",
    "solomon islands",
    "marshall islands",
    "cook islands",
    "trinidad and tobago",
    "antigua and barbuda",
    "bosnia and herzegovina",
    "dominican republic",
    "czech republic",
    "central african republic",
    "equatorial guinea",
    "western sahara",
    "north korea",
    "south korea",
];

fn is_place(name: &str) -> bool {
    let lower = name.trim().trim_end_matches([',', '.']).to_lowercase();
    PLACES.contains(&lower.as_str())
}

pub fn name_kind(name: &str, common: &CommonWords) -> NameKind {
    // A word of the text set in capitals ("THREATS", "PEACE") is no
    // acronym of an organisation.
    let capitalised_word = !name.contains(' ')
        && name.chars().any(char::is_alphabetic)
        && !name.chars().any(char::is_lowercase)
        && common.contains(name);
    if capitalised_word || is_place(name) {
        return NameKind::Phrase;
    }
    if names_an_organisation(name) {
        return NameKind::Organisation;
    }
    let last = name.split_whitespace().last().map(trim_word).unwrap_or("");
    if NEVER_LAST_IN_A_NAME.contains(&last.to_lowercase().as_str()) {
        return NameKind::Phrase;
    }
    let telling = telling_words(name);
    // Most of a name's words are not words of the text: "An English Fairy
    // Tale" has one, "Walter Gary Sharp" all three.
    let uncommon = !telling.is_empty()
        && 2 * telling.iter().filter(|w| !common.contains(w)).count() >= telling.len();
    // "The Volunteer Promise": no one's name starts with an article ("An"
    // may be a given name: "AN ZHU").
    let article = name
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let script_without_case = name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| !c.is_lowercase() && !c.is_uppercase());
    if script_without_case || (!article && !unlike_a_person(name) && uncommon) {
        NameKind::Person
    } else if (article && uncommon) || (common.is_proper_name(name) && !names_a_document(name)) {
        // "The Brookings Institution"; common words the text capitalises
        // mid-sentence ("Creative Commons").
        NameKind::Organisation
    } else {
        NameKind::Phrase
    }
}

fn trim_word(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// A corporate suffix ("ARD, Inc."), a one-word acronym ("CCITT",
/// "IEEE") or an organisation word ("Bureau of Reclamation").
fn names_an_organisation(name: &str) -> bool {
    let corporate_suffix = name
        .rsplit(", ")
        .next()
        .is_some_and(|last| CORPORATE_SUFFIXES.contains(&last.to_lowercase().as_str()));
    let words: Vec<&str> = name.split_whitespace().map(trim_word).collect();
    let acronym = matches!(words.as_slice(), [word]
        if word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && word.chars().all(|c| c.is_uppercase() || c == '.' || c == '&'));
    // "Research" ends a lab's name ("Microsoft Research"), but starts a
    // document's ("Research Highlights").
    let research_lab = words.len() >= 2
        && words
            .last()
            .is_some_and(|w| w.eq_ignore_ascii_case("research"));
    corporate_suffix
        || acronym
        || research_lab
        || is_national_agency_acronym(name)
        || has_organisation_word(name)
        || has_cjk_issuer_ending(name)
}

/// The words of a name that can tell a person from a phrase: initials
/// ("J.", "Yu.A.", "U.S.") and particles ("van der") say nothing.
fn telling_words(name: &str) -> Vec<&str> {
    name.split_whitespace()
        .filter(|w| !is_initials(w))
        .map(trim_word)
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 1)
        .filter(|w| !PARTICLES.contains(&w.to_lowercase().as_str()))
        .collect()
}

/// A person's name holds no function word ("Summary by Received Date",
/// "Nebenwirkungen der Bedingung"; an organisation's may: "Department of
/// ...") and no trade mark ("Adobe® Acrobat® SDK"). "der" after a particle
/// is a name's ("Johan van der Knijff").
fn unlike_a_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().map(trim_word).collect();
    // "Matthias an der Heiden", "Anna auf der Heide": a preposition that
    // names take before an article is a particle there.
    let name_preposition = |i: usize| {
        i > 0
            && matches!(words.get(i).copied(), Some("an" | "auf"))
            && words
                .get(i + 1)
                .is_some_and(|next| ARTICLES_INSIDE.contains(next))
    };
    let joins = |i: usize, w: &str| {
        let after_particle = i > 0
            && (PARTICLES.contains(&words[i - 1].to_lowercase().as_str())
                || name_preposition(i - 1));
        // A word set in capitals reads as its lower case ("OF", "CHAQUE").
        let folded: std::borrow::Cow<str> = if w.chars().any(char::is_lowercase) {
            w.into()
        } else {
            w.to_lowercase().into()
        };
        (FUNCTION_WORDS.contains(&folded.as_ref()) && !name_preposition(i))
            || (!after_particle && ARTICLES_INSIDE.contains(&w))
    };
    // "Umweltanalytik Seminar – Abschlussaufgabe", "Medical
    // Entrepreneurship": a dash between words, a noun of action or state.
    let spaced_dash = name.contains(" – ") || name.contains(" — ");
    let abstract_noun = words.iter().any(|w| {
        let lower = w.to_lowercase();
        lower.chars().count() >= 8 && ["tion", "sion", "ship"].iter().any(|e| lower.ends_with(e))
    });
    name.contains(['\u{ae}', '\u{2122}', '\u{a9}'])
        || spaced_dash
        || abstract_noun
        || words.iter().enumerate().any(|(i, w)| joins(i, w))
        || names_a_document(name)
}

/// Whether a name ends with a word naming a kind of document that no
/// organisation's name ends with: "OPEN BUDGET SURVEY TRACKER GUIDE" is a
/// title ("Geological Survey", "Center for Water Policy", "Bureau of
/// Economic Analysis" are organisations).
pub(crate) fn ends_with_document_word(name: &str) -> bool {
    const NEVER_AN_ISSUERS_END: &[&str] = &[
        "guide",
        "manual",
        "handbook",
        "toolkit",
        "checklist",
        "roadmap",
        "factsheet",
        "whitepaper",
        "guidelines",
        "guidance",
        "overview",
        "summary",
        "notes",
        "findings",
        "minutes",
        "memorandum",
        "proposal",
        "appendix",
        "annex",
        "evaluation",
    ];
    name.split_whitespace()
        .last()
        .is_some_and(|w| NEVER_AN_ISSUERS_END.contains(&trim_word(w).to_lowercase().as_str()))
}

/// Whether a name holds a word naming a kind of document ("Meeting
/// Notes", "Country Diagnostic").
pub(crate) fn names_a_document(name: &str) -> bool {
    name.split_whitespace()
        .any(|w| DOCUMENT_WORDS.contains(&trim_word(w).to_lowercase().as_str()))
}

/// Words that name a kind of document or its part, never a person's name:
/// "Honduras Systematic Country Diagnostic" is a subtitle.
const DOCUMENT_WORDS: &[&str] = &[
    "abstract",
    "paper",
    "documentation",
    "diagnostic",
    "report",
    "review",
    "assessment",
    "analysis",
    "strategy",
    "survey",
    "study",
    "outlook",
    "overview",
    "handbook",
    "framework",
    "guidelines",
    "guidance",
    "proceedings",
    "summary",
    "statement",
    "bulletin",
    "newsletter",
    "appendix",
    "annex",
    "chapter",
    "edition",
    "volume",
    "update",
    "factsheet",
    "whitepaper",
    "roadmap",
    "toolkit",
    "checklist",
    "manual",
    "guide",
    "plan",
    "policy",
    "programme",
    "program",
    "notes",
    "findings",
    "minutes",
    "memorandum",
    "proposal",
    // The same in other languages.
    "rapporto",
    "relazione",
    "bericht",
    "leitfaden",
    "handbuch",
    "informe",
    "relatório",
    "guía",
    "отчет",
    "отчёт",
    "доклад",
];

/// German articles that join a phrase's nouns, and also follow a particle
/// in names ("van der", "von den").
const ARTICLES_INSIDE: &[&str] = &["der", "die", "das", "den", "dem"];

/// Whether a line shaped like a list of names names no one: every item is
/// a phrase ("U.S. Nonresident Alien Income Tax Return").
pub(crate) fn names_no_one(text: &str, common: &CommonWords) -> bool {
    let names = split_names(text);
    !names.is_empty()
        && names
            .iter()
            .all(|n| name_kind(n, common) == NameKind::Phrase)
}

/// "J", "J.", "Yu.A.", "U.S.": letters standing for words.
fn is_initials(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters == 1
        || (word.contains('.')
            && word
                .split('.')
                .all(|part| part.chars().filter(|c| c.is_alphabetic()).count() <= 2))
}

/// The authors among the names found near the title. Names read from an
/// unlabelled line must be people or organisations, not phrases; beside
/// a person, an organisation is an affiliation. After a "By" label the
/// page says they are authors, so only the second rule applies.
pub fn plausible_authors(names: Vec<String>, labelled: bool, common: &CommonWords) -> Vec<String> {
    let kinds: Vec<NameKind> = names.iter().map(|n| name_kind(n, common)).collect();
    let any_person = kinds.contains(&NameKind::Person);
    names
        .into_iter()
        .zip(kinds)
        .filter(|(_, kind)| match kind {
            NameKind::Person => true,
            NameKind::Organisation => !any_person,
            NameKind::Phrase => labelled,
        })
        .map(|(name, _)| name)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parentheses_unclosed_or_out_of_order_are_left_as_printed() {
        // Nothing to strip and nothing to panic on: the scan stops at a
        // parenthesis that never closes.
        assert_eq!(
            without_affiliations_in_parentheses("Jane Doe (University of"),
            "Jane Doe (University of"
        );
        assert_eq!(
            without_affiliations_in_parentheses(") Jane Doe ("),
            ") Jane Doe ("
        );
        assert_eq!(
            without_affiliations_in_parentheses("Jane Doe (Center (CRPG)), John Roe (NREL)"),
            "Jane Doe, John Roe (NREL)"
        );
    }

    fn handbook() -> CommonWords {
        CommonWords::of_pages([
            "This handbook covers health information and its management, a volunteer's \
             promise. Coding \
             guidelines for drilling may differ; see the tax return of an act, a tale. \
             Write to pekka.verronen@fmi.fi or ask the Git Project. Copies come \
             from Creative Commons.",
        ])
    }

    #[test]
    fn a_german_compound_names_what_it_is_by_its_last_part() {
        let common = CommonWords::of_pages(["the survey data of the institute were used"]);
        assert_eq!(
            name_kind("Robert Koch-Institut", &common),
            NameKind::Organisation
        );
        assert_eq!(
            name_kind("Heinrich-Böll-Stiftung", &common),
            NameKind::Organisation
        );
        assert_eq!(name_kind("Kerstin Lindblad-Toh", &common), NameKind::Person);
    }

    #[test]
    fn polish_faculties_and_universities_are_affiliations() {
        assert!(is_affiliation("Wydział Matematyki i Nauk Informacyjnych"));
        assert!(is_affiliation("Politechnika Warszawska"));
        assert!(!is_affiliation("Krzysztof Kaczmarski"));
    }

    #[test]
    fn headings_and_course_names_are_no_people() {
        let common = CommonWords::default();
        for phrase in [
            "Structured Abstract",
            "Umweltanalytik Seminar – Abschlussaufgabe",
            "Medical Entrepreneurship",
        ] {
            assert_ne!(name_kind(phrase, &common), NameKind::Person, "{phrase}");
        }
        assert_eq!(name_kind("Sassan Aflaki", &common), NameKind::Person);
    }

    #[test]
    fn a_national_agency_by_its_acronyms_is_an_affiliation() {
        assert_eq!(
            split_names("Robert Gilliam, and Dr. Jerold Herwehe, U.S. EPA"),
            ["Robert Gilliam", "Jerold Herwehe"]
        );
        let common = CommonWords::default();
        assert_eq!(name_kind("US EPA", &common), NameKind::Organisation);
        assert_eq!(
            plausible_authors(
                vec!["Arash Massoudieh".into(), "US EPA".into()],
                false,
                &common
            ),
            ["Arash Massoudieh"]
        );
    }

    #[test]
    fn a_role_or_affiliation_in_parentheses_is_no_part_of_a_name() {
        assert_eq!(
            split_names("Janko Leddin (Datenmanagement), Michael Porst (Morbiditäts"),
            ["Janko Leddin", "Michael Porst"]
        );
        assert_eq!(
            crate::brief::split_authors("Tom Schenk Jr. (City of Chicago), Ben Albright"),
            ["Tom Schenk Jr.", "Ben Albright"]
        );
        // An organisation keeps its acronym.
        assert_eq!(
            without_parenthetical("National Renewable Energy Laboratory (NREL)"),
            "National Renewable Energy Laboratory (NREL)"
        );
        // Words after the parenthesis: a sentence, which names no one.
        let sentence = "The Jobs Support Scheme (JSS) will help enterprises retain their staff";
        assert!(!looks_like_names(sentence));
    }

    #[test]
    fn marks_and_stops_after_names_are_not_theirs() {
        assert_eq!(
            split_names("Li Jiang¶, Shuangyu Cai‖, Mingyu Gao"),
            ["Li Jiang", "Shuangyu Cai", "Mingyu Gao"]
        );
        // Superscript digits kept as such by the text layer.
        assert_eq!(
            split_names("Janko Leddin¹, Michael Porst¹²"),
            ["Janko Leddin", "Michael Porst"]
        );
        assert_eq!(
            split_names("Jeffrey G. Shaffer., Donald S. Grant., S. Humarr Khan\""),
            ["Jeffrey G. Shaffer", "Donald S. Grant", "S. Humarr Khan"]
        );
        // The body a person wrote for is no second author, and the line
        // is a byline.
        let credit = "Philip Leclerc, on behalf of the 2020 Census DAS Development Team";
        assert_eq!(split_names(credit), ["Philip Leclerc"]);
        assert!(looks_like_names(credit));
        // Japanese names with a space between family and given name, and
        // their affiliation marks; a Korean phrase of two words is none.
        assert!(looks_like_names("新井 諒介†, 中田 明夫‡"));
        assert!(!looks_like_names("적립 대상"));
        assert!(!looks_like_names("车道数 用地指标基准值"));
        // "and" inside an organisation's name joins no two names.
        assert_eq!(
            split_names("National Institute of Standards and Technology"),
            ["National Institute of Standards and Technology"]
        );
        assert_eq!(
            split_names("Jane Roe, Institute of Water Studies and John Doe"),
            ["Jane Roe", "John Doe"]
        );
        // A raised mark the text layer read before the name.
        assert_eq!(
            split_names("Robert Ashmead, ‡ Ryan Cumings-Menon"),
            ["Robert Ashmead", "Ryan Cumings-Menon"]
        );
        // A star marks the corresponding author, glued or not; a dagger
        // glued to a word keys an affiliation.
        assert_eq!(
            split_names("Alabsi S, *Alhadainy HA, Darrag AM"),
            ["Alabsi S", "Alhadainy HA", "Darrag AM"]
        );
        let keyed = split_names("Luheng He, †Google Assistant");
        assert!(!keyed.contains(&"Google Assistant".to_string()));
        // An initial's stop and an abbreviation's stay.
        assert_eq!(split_names("Rebecca Thompson S."), ["Rebecca Thompson S."]);
        assert_eq!(
            split_names("Walter Gary Sharp, Sr."),
            ["Walter Gary Sharp, Sr."]
        );
    }

    #[test]
    fn function_words_in_other_languages_make_a_phrase() {
        let common = CommonWords::default();
        assert_eq!(
            name_kind("Nebenwirkungen der Bedingung", &common),
            NameKind::Phrase
        );
        assert_eq!(name_kind("Johan van der Knijff", &common), NameKind::Person);
        assert_eq!(
            name_kind("Guide pour les Auteurs", &common),
            NameKind::Phrase
        );
        // Set in capitals, and in Spanish: a gazette's notice, a cover line.
        assert_eq!(
            name_kind("PARAISSANT LE SAMEDI DE CHAQUE SEMAINE", &common),
            NameKind::Phrase
        );
        assert_eq!(
            name_kind("Residuos para Compost", &common),
            NameKind::Phrase
        );
        assert_eq!(name_kind("JEAN LE GALL", &common), NameKind::Person);
    }

    #[test]
    fn affiliation_letters_glued_to_surnames() {
        assert_eq!(
            split_names("Patrick N.J. Lanea,c,*, Alice E. Bestb,c,d, Klaus Hickelb,c, Lu Zhangb,c"),
            [
                "Patrick N.J. Lane",
                "Alice E. Best",
                "Klaus Hickel",
                "Lu Zhang"
            ]
        );
        // Marks set apart leave the name whole.
        assert_eq!(
            split_names("John Smith,a,b, Jane Roe,b"),
            ["John Smith", "Jane Roe"]
        );
        // One glued letter each, in the order of the affiliations.
        assert_eq!(
            split_names("Delia Baldassarria,1 and Guy Grossmanb"),
            ["Delia Baldassarri", "Guy Grossman"]
        );
        // Names that happen to end in those letters keep them.
        assert_eq!(
            split_names("Maria Silva, Ana Souza"),
            ["Maria Silva", "Ana Souza"]
        );
    }

    #[test]
    fn job_titles_beside_names_are_not_names() {
        assert_eq!(split_names("Jane Doe, Senior Fellow"), ["Jane Doe"]);
        assert_eq!(
            split_names("Jane Doe | Director of Research, and John Smith, Research Analyst"),
            ["Jane Doe", "John Smith"]
        );
        // A surname that is also a job's word is no job title.
        assert_eq!(
            split_names("Dean Baker, Ana Chief Lima"),
            ["Dean Baker", "Ana Chief Lima"]
        );
    }

    #[test]
    fn job_titles_beside_cjk_names_are_not_names() {
        assert_eq!(split_names("수석전문위원 오창석"), ["오창석"]);
        assert_eq!(split_names("张伟 研究员"), ["张伟"]);
        // A committee is an organisation, not a person.
        assert_eq!(
            name_kind("환경노동위원회", &CommonWords::default()),
            NameKind::Organisation
        );
        assert!(has_cjk_issuer_ending("厚生労働省医薬食品局審査管理課"));
        // "格局" (a pattern) ends like a bureau and is none.
        assert!(!has_cjk_issuer_ending("中国对外开放新格局"));
        assert!(!has_cjk_issuer_ending("格局"));
        // Turkish capitals: "İ" lower-cases with a combining dot.
        assert!(has_issuer_word("ATATÜRK ÜNİVERSİTESİ REKTÖRLÜĞÜNDEN"));
    }

    #[test]
    fn a_particle_before_an_article_is_a_names() {
        let common = CommonWords::default();
        assert_eq!(
            name_kind("Matthias an der Heiden", &common),
            NameKind::Person
        );
        // Other prepositions before an article join a phrase.
        assert_eq!(name_kind("Politik in der Krise", &common), NameKind::Phrase);
        assert_eq!(
            split_names("Andreas Hicketier1 und Matthias an der Heiden2"),
            ["Andreas Hicketier", "Matthias an der Heiden"]
        );
    }

    #[test]
    fn an_acronym_in_parentheses_is_capitalised_too() {
        assert!(looks_like_names(
            "Open Worldwide Application Security Project (OWASP)"
        ));
    }

    #[test]
    fn a_word_of_the_text_in_capitals_is_no_acronym() {
        let common = CommonWords::of_pages(["The threats to peace grow where resilience is low."]);
        assert_eq!(name_kind("PEACE", &common), NameKind::Phrase);
        assert_eq!(name_kind("THREATS", &common), NameKind::Phrase);
        assert_eq!(name_kind("CCITT", &common), NameKind::Organisation);
    }

    #[test]
    fn a_kind_of_document_is_no_persons_name() {
        let common = CommonWords::default();
        assert_eq!(
            name_kind("Honduras Systematic Country Diagnostic", &common),
            NameKind::Phrase
        );
        assert_eq!(name_kind("Jared G. Tupuola", &common), NameKind::Person);
    }

    #[test]
    fn series_and_labels_are_not_names() {
        assert_eq!(split_names("POLICY BRIEF"), Vec::<String>::new());
        assert_eq!(split_names("First edition:"), Vec::<String>::new());
    }

    #[test]
    fn names_joined_by_with_y_and_e() {
        assert_eq!(
            split_names("Jane Doe with John Smith"),
            ["Jane Doe", "John Smith"]
        );
        assert_eq!(
            split_names("Juana Pérez y Juan García"),
            ["Juana Pérez", "Juan García"]
        );
        assert_eq!(
            split_names("Ana Lima e João Souza"),
            ["Ana Lima", "João Souza"]
        );
        // One side a single word: an organisation's "y", not a list's.
        assert_eq!(
            split_names("Consejo Nacional de Ciencia y Tecnología"),
            ["Consejo Nacional de Ciencia y Tecnología"]
        );
        // Between lower-case words they are a phrase's.
        assert!(!looks_like_names("Coping with drought in the Sahel"));
    }

    #[test]
    fn a_name_and_its_university_on_one_line() {
        assert_eq!(
            split_names("Guy Grossman University of Pennsylvania"),
            ["Guy Grossman"]
        );
        assert_eq!(
            split_names("Delia Baldassarri Princeton University"),
            ["Delia Baldassarri"]
        );
        assert!(looks_like_names("Guy Grossman University of Pennsylvania"));
        // An institute's own name is no person and their institute.
        assert!(!looks_like_names(
            "International Computer Science Institute"
        ));
    }

    #[test]
    fn names_written_surname_first() {
        assert_eq!(split_names("Weigelt, B."), ["Weigelt, B."]);
        assert_eq!(
            split_names("Salden, A.H.; Goedvolk, E.-J.; Ter Doest, H.; Prins, J.E.J."),
            [
                "Salden, A.H.",
                "Goedvolk, E.-J.",
                "Ter Doest, H.",
                "Prins, J.E.J."
            ]
        );
        assert!(looks_like_names("Weigelt, B."));
        // A name and a second name without initials are two names.
        assert_eq!(split_names("Jane Doe, John Roe"), ["Jane Doe", "John Roe"]);
    }

    #[test]
    fn chinese_and_korean_name_lists() {
        assert_eq!(
            split_names("罗兴武 孙萌 刘洋 陈帅"),
            ["罗兴武", "孙萌", "刘洋", "陈帅"]
        );
        assert_eq!(
            split_names("이수진, 김성환, 김승남"),
            ["이수진", "김성환", "김승남"]
        );
        // Family name and given name of one Japanese author.
        assert_eq!(split_names("青木 修"), ["青木 修"]);
        // Terms have the shape of names but not their family names.
        assert!(split_names("초연결, 지능화, 뉴노멀, 비대면").is_empty());
        assert!(split_names("项目, 检验方法, 结果, 单位").is_empty());
    }

    #[test]
    fn chinese_japanese_and_korean_issuers_end_with_their_kind() {
        assert!(has_issuer_word("환경노동위원회"));
        assert!(has_issuer_word("한국남부발전(주)"));
        assert!(has_issuer_word("天健会计师事务所"));
        // The kind alone names no issuer.
        assert!(!has_issuer_word("위원회"));
        assert!(!has_issuer_word("김창호"));
        // An organisation named in one word is a name to be read.
        assert_eq!(split_names("국회사무처"), ["국회사무처"]);
        // A licence's badge letters name no one.
        assert!(split_names("BY NC ND").is_empty());
        // Nor does an item of a list.
        assert!(split_names("• Announcements").is_empty());
    }

    #[test]
    fn a_capitalised_phrase_of_common_words_is_no_person() {
        let common = handbook();
        assert_eq!(
            name_kind("HEALTH INFORMATION MANAGEMENT", &common),
            NameKind::Phrase
        );
        assert_eq!(name_kind("An Act", &common), NameKind::Phrase);
        assert_eq!(name_kind("AN ZHU", &common), NameKind::Person);
        assert_eq!(
            name_kind("Summary by Received Date", &common),
            NameKind::Phrase
        );
        assert_eq!(name_kind("Adobe® Acrobat® SDK", &common), NameKind::Phrase);
        // One word of four the text never writes in lower case.
        assert_eq!(
            name_kind("An English Drilling Tale", &common),
            NameKind::Phrase
        );
        assert_eq!(
            name_kind("The Volunteer Promise", &common),
            NameKind::Phrase
        );
        // A name spelt in lower case in an e-mail address is still a name.
        assert_eq!(name_kind("Pekka T. Verronen", &common), NameKind::Person);
        assert_eq!(name_kind("J. W. Van Orden", &common), NameKind::Person);
        assert_eq!(name_kind("青木 修", &common), NameKind::Person);
        // A line cut before the rest of its phrase.
        assert_eq!(name_kind("President Clinton on", &common), NameKind::Phrase);
        assert_eq!(name_kind("Fresno and", &common), NameKind::Phrase);
    }

    #[test]
    fn letter_marks_and_remarks_are_not_names() {
        assert_eq!(
            split_names("Jin-Cheng Zhenga)*, Hui-Qiong Wangb), A. T. S. Wee and C. H. A. Huan"),
            [
                "Jin-Cheng Zheng",
                "Hui-Qiong Wang",
                "A. T. S. Wee",
                "C. H. A. Huan"
            ]
        );
        assert!(split_names("(By State)").is_empty());
        assert_eq!(
            split_names("Athar Mohsin Zaidi, Dr. Saeed Murtaza, Prof. Ann Lee"),
            ["Athar Mohsin Zaidi", "Saeed Murtaza", "Ann Lee"]
        );
        // A parenthesis the word opens itself stays.
        assert_eq!(without_letter_marks("Smith (ed.)"), "Smith (ed.)");
    }

    #[test]
    fn organisations_by_their_words_or_by_the_texts_capitals() {
        let common = handbook();
        assert_eq!(
            name_kind("Department of Veterans Affairs", &common),
            NameKind::Organisation
        );
        assert_eq!(name_kind("ARD, Inc.", &common), NameKind::Organisation);
        assert_eq!(name_kind("CCITT", &common), NameKind::Organisation);
        // "ask the Git Project": capitalised inside a sentence. "Copies
        // come from Creative Commons." ends a sentence: still inside it.
        assert_eq!(
            name_kind("The Git Project", &common),
            NameKind::Organisation
        );
        assert!(common.is_proper_name("Creative Commons"));
        // "Coding" starts a sentence, so "Coding guidelines" proves nothing.
        assert!(!common.is_proper_name("Coding"));
    }

    #[test]
    fn authors_are_people_or_else_organisations() {
        let common = handbook();
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            plausible_authors(
                names(&[
                    "J. Zeng",
                    "W. Roberts",
                    "Continuous Electron Beam Accelerator Facility"
                ]),
                false,
                &common
            ),
            ["J. Zeng", "W. Roberts"]
        );
        assert_eq!(
            plausible_authors(
                names(&[
                    "HEALTH INFORMATION MANAGEMENT",
                    "Department of Veterans Affairs"
                ]),
                false,
                &common
            ),
            ["Department of Veterans Affairs"]
        );
        // After "By", the page says who the authors are.
        assert_eq!(
            plausible_authors(names(&["Health Information"]), true, &common),
            ["Health Information"]
        );
        assert!(plausible_authors(names(&["Health Information"]), false, &common).is_empty());
    }
}
