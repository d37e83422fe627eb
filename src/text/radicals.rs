//! CJK Radicals Supplement characters as the unified ideographs they look
//! like. Some CJK fonts map ideographs to radical code points ("⻘木 修" for
//! "青木 修"); unlike the Kangxi radicals these have no compatibility
//! decomposition, so NFKC leaves them. The table is the block's part of the
//! Unicode Character Database's `EquivalentUnifiedIdeograph.txt` (Unicode
//! 15.0), ranges written out.

/// The unified ideograph a CJK Radicals Supplement character stands for,
/// or `None` for any other character and the few radicals without one.
pub fn equivalent_ideograph(c: char) -> Option<char> {
    if !('\u{2e80}'..='\u{2eff}').contains(&c) {
        return None;
    }
    EQUIVALENTS
        .binary_search_by_key(&c, |&(radical, _)| radical)
        .ok()
        .map(|i| EQUIVALENTS[i].1)
}

/// (radical, ideograph), sorted by radical.
const EQUIVALENTS: &[(char, char)] = &[
    ('\u{2e81}', '厂'),
    ('\u{2e82}', '乛'),
    ('\u{2e83}', '乚'),
    ('\u{2e84}', '乙'),
    ('\u{2e85}', '亻'),
    ('\u{2e86}', '冂'),
    ('\u{2e87}', '𠘨'),
    ('\u{2e88}', '刀'),
    ('\u{2e89}', '刂'),
    ('\u{2e8a}', '卜'),
    ('\u{2e8b}', '㔾'),
    ('\u{2e8c}', '小'),
    ('\u{2e8d}', '小'),
    ('\u{2e8e}', '兀'),
    ('\u{2e8f}', '尣'),
    ('\u{2e90}', '尢'),
    ('\u{2e91}', '𡯂'),
    ('\u{2e92}', '巳'),
    ('\u{2e93}', '幺'),
    ('\u{2e94}', '彑'),
    ('\u{2e95}', '𫜹'),
    ('\u{2e96}', '忄'),
    ('\u{2e97}', '心'),
    ('\u{2e98}', '扌'),
    ('\u{2e99}', '攵'),
    ('\u{2e9b}', '旡'),
    ('\u{2e9c}', '日'),
    ('\u{2e9d}', '月'),
    ('\u{2e9e}', '歺'),
    ('\u{2e9f}', '母'),
    ('\u{2ea0}', '民'),
    ('\u{2ea1}', '氵'),
    ('\u{2ea2}', '氺'),
    ('\u{2ea3}', '灬'),
    ('\u{2ea4}', '爫'),
    ('\u{2ea5}', '爫'),
    ('\u{2ea6}', '丬'),
    ('\u{2ea7}', '牛'),
    ('\u{2ea8}', '犭'),
    ('\u{2ea9}', '王'),
    ('\u{2eaa}', '𤴔'),
    ('\u{2eab}', '目'),
    ('\u{2eac}', '示'),
    ('\u{2ead}', '礻'),
    ('\u{2eae}', '𥫗'),
    ('\u{2eaf}', '糹'),
    ('\u{2eb0}', '纟'),
    ('\u{2eb1}', '罓'),
    ('\u{2eb2}', '罒'),
    ('\u{2eb3}', '㓁'),
    ('\u{2eb4}', '冗'),
    ('\u{2eb5}', '𦉫'),
    ('\u{2eb6}', '羊'),
    ('\u{2eb7}', '𦍌'),
    ('\u{2eb8}', '𦍋'),
    ('\u{2eb9}', '耂'),
    ('\u{2eba}', '肀'),
    ('\u{2ebb}', '聿'),
    ('\u{2ebc}', '肉'),
    ('\u{2ebd}', '𦥑'),
    ('\u{2ebe}', '艹'),
    ('\u{2ebf}', '艹'),
    ('\u{2ec0}', '艹'),
    ('\u{2ec1}', '虎'),
    ('\u{2ec2}', '衤'),
    ('\u{2ec3}', '覀'),
    ('\u{2ec4}', '西'),
    ('\u{2ec5}', '见'),
    ('\u{2ec6}', '角'),
    ('\u{2ec7}', '𧢲'),
    ('\u{2ec8}', '讠'),
    ('\u{2ec9}', '贝'),
    ('\u{2eca}', '𧾷'),
    ('\u{2ecb}', '车'),
    ('\u{2ecc}', '辶'),
    ('\u{2ecd}', '辶'),
    ('\u{2ece}', '辶'),
    ('\u{2ecf}', '邑'),
    ('\u{2ed0}', '钅'),
    ('\u{2ed1}', '長'),
    ('\u{2ed2}', '镸'),
    ('\u{2ed3}', '长'),
    ('\u{2ed4}', '门'),
    ('\u{2ed5}', '𨸏'),
    ('\u{2ed6}', '阝'),
    ('\u{2ed7}', '雨'),
    ('\u{2ed8}', '青'),
    ('\u{2ed9}', '韦'),
    ('\u{2eda}', '页'),
    ('\u{2edb}', '风'),
    ('\u{2edc}', '飞'),
    ('\u{2edd}', '食'),
    ('\u{2ede}', '𩙿'),
    ('\u{2edf}', '飠'),
    ('\u{2ee0}', '饣'),
    ('\u{2ee1}', '𩠐'),
    ('\u{2ee2}', '马'),
    ('\u{2ee3}', '骨'),
    ('\u{2ee4}', '鬼'),
    ('\u{2ee5}', '鱼'),
    ('\u{2ee6}', '鸟'),
    ('\u{2ee7}', '卤'),
    ('\u{2ee8}', '麦'),
    ('\u{2ee9}', '黄'),
    ('\u{2eea}', '黾'),
    ('\u{2eeb}', '斉'),
    ('\u{2eec}', '齐'),
    ('\u{2eed}', '歯'),
    ('\u{2eee}', '齿'),
    ('\u{2eef}', '竜'),
    ('\u{2ef0}', '龙'),
    ('\u{2ef1}', '龜'),
    ('\u{2ef2}', '亀'),
    ('\u{2ef3}', '龟'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_a_font_hands_out_are_their_ideographs() {
        assert_eq!(equivalent_ideograph('\u{2ed8}'), Some('青'));
        // Both "small" radicals are one ideograph: the UCD maps the range to it.
        assert_eq!(equivalent_ideograph('\u{2e8c}'), Some('小'));
        assert_eq!(equivalent_ideograph('\u{2e8d}'), Some('小'));
        assert_eq!(equivalent_ideograph('青'), None);
        assert_eq!(equivalent_ideograph('\u{2e80}'), None);
    }

    #[test]
    fn table_is_sorted_for_its_search() {
        assert!(EQUIVALENTS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
