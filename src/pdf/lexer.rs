//! A tolerant tokenizer for PDF content streams and the PostScript-like
//! syntax of CMaps and Type 1 font headers.
//!
//! It never fails: bytes that start no token are reported as
//! [`Token::Junk`] and skipped, strings and arrays that run off the end are
//! closed there, so a damaged stream still yields everything readable.

use std::borrow::Cow;

/// One token. Names and keywords borrow from the input.
#[derive(Debug, Clone, PartialEq)]
pub enum Token<'a> {
    Number(f64),
    /// A name without its slash, still with any `#xx` escapes
    /// (see [`name_bytes`]).
    Name(&'a [u8]),
    /// A literal or hex string, decoded; borrowed when it needed no decoding.
    String(Cow<'a, [u8]>),
    ArrayStart,
    ArrayEnd,
    DictStart,
    DictEnd,
    ProcStart,
    ProcEnd,
    /// An operator or other bare word (`Tj`, `true`, `begincmap`).
    Keyword(&'a [u8]),
    /// A byte that starts no token (a stray `)` or `>`).
    Junk(u8),
}

/// Nesting depth of parentheses inside a literal string beyond which they
/// stop counting; keeps a hostile string from costing more than its length.
const MAX_PAREN_DEPTH: u32 = 10_000;

pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

pub fn is_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

pub fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_whitespace(b) && !is_delimiter(b)
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Lexer { data, pos: 0 }
    }

    /// Byte offset of the next unread byte.
    pub fn position(&self) -> usize {
        self.pos
    }

    pub fn set_position(&mut self, pos: usize) {
        self.pos = pos.min(self.data.len());
    }

    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<u8> {
        self.data.get(self.pos + offset).copied()
    }

    pub fn skip_whitespace_and_comments(&mut self) {
        while let Some(b) = self.peek() {
            if is_whitespace(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The next token, or `None` at the end of the input.
    pub fn next_token(&mut self) -> Option<Token<'a>> {
        self.skip_whitespace_and_comments();
        let b = self.peek()?;
        Some(match b {
            b'/' => {
                self.pos += 1;
                Token::Name(self.take_regular())
            }
            b'(' => {
                self.pos += 1;
                Token::String(self.literal_string())
            }
            b'<' if self.peek_at(1) == Some(b'<') => {
                self.pos += 2;
                Token::DictStart
            }
            b'<' => {
                self.pos += 1;
                Token::String(Cow::Owned(self.hex_string()))
            }
            b'>' if self.peek_at(1) == Some(b'>') => {
                self.pos += 2;
                Token::DictEnd
            }
            b'[' => self.single(Token::ArrayStart),
            b']' => self.single(Token::ArrayEnd),
            b'{' => self.single(Token::ProcStart),
            b'}' => self.single(Token::ProcEnd),
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let word = self.take_regular();
                match parse_number(word) {
                    Some(n) => Token::Number(n),
                    None => Token::Keyword(word),
                }
            }
            _ if is_regular(b) => Token::Keyword(self.take_regular()),
            _ => self.single(Token::Junk(b)),
        })
    }

    fn single(&mut self, token: Token<'a>) -> Token<'a> {
        self.pos += 1;
        token
    }

    fn take_regular(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.peek().is_some_and(is_regular) {
            self.pos += 1;
        }
        self.data.get(start..self.pos).unwrap_or_default()
    }

    fn literal_string(&mut self) -> Cow<'a, [u8]> {
        // Most strings hold no escape, nesting or carriage return: borrow them.
        let data = self.data;
        let rest = data.get(self.pos..).unwrap_or_default();
        if let Some(end) = rest
            .iter()
            .position(|&b| matches!(b, b')' | b'\\' | b'(' | b'\r'))
            && rest.get(end) == Some(&b')')
        {
            self.pos += end + 1;
            return Cow::Borrowed(rest.get(..end).unwrap_or_default());
        }
        let mut out = Vec::new();
        let mut depth = 1u32;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'(' => {
                    depth = (depth + 1).min(MAX_PAREN_DEPTH);
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(b);
                }
                b'\\' => self.escape(&mut out),
                b'\r' => {
                    // An end of line inside a string reads as a newline.
                    if self.peek() == Some(b'\n') {
                        self.pos += 1;
                    }
                    out.push(b'\n');
                }
                _ => out.push(b),
            }
        }
        Cow::Owned(out)
    }

    fn escape(&mut self, out: &mut Vec<u8>) {
        let Some(b) = self.peek() else { return };
        self.pos += 1;
        match b {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'0'..=b'7' => {
                let mut value = u32::from(b - b'0');
                for _ in 0..2 {
                    match self.peek() {
                        Some(d @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(d - b'0');
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                out.push((value & 0xFF) as u8);
            }
            b'\r' => {
                // Line continuation.
                if self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
            }
            b'\n' => {}
            _ => out.push(b),
        }
    }

    fn hex_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(b) = self.peek() {
            self.pos += 1;
            let nibble = match b {
                b'>' => break,
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => continue,
            };
            match high.take() {
                Some(h) => out.push(h << 4 | nibble),
                None => high = Some(nibble),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }
}

/// Parse a PDF number. Tolerates what real files contain: `--5`, `5.`,
/// `.5`, a sign after the first character (`1-2` reads as `1`).
pub fn parse_number(word: &[u8]) -> Option<f64> {
    let mut i = 0;
    let mut negative = false;
    while let Some(&b) = word.get(i) {
        match b {
            b'-' => negative = !negative,
            b'+' => {}
            _ => break,
        }
        i += 1;
    }
    let mut value = 0f64;
    let mut digits = 0;
    while let Some(&b) = word.get(i) {
        if !b.is_ascii_digit() {
            break;
        }
        value = value * 10.0 + f64::from(b - b'0');
        digits += 1;
        i += 1;
    }
    if word.get(i) == Some(&b'.') {
        i += 1;
        let mut scale = 0.1;
        while let Some(&b) = word.get(i) {
            if !b.is_ascii_digit() {
                break;
            }
            value += f64::from(b - b'0') * scale;
            scale *= 0.1;
            digits += 1;
            i += 1;
        }
    }
    if digits == 0 {
        return None;
    }
    Some(if negative { -value } else { value })
}

/// The bytes of a name with its `#xx` escapes resolved.
pub fn name_bytes(raw: &[u8]) -> Cow<'_, [u8]> {
    if !raw.contains(&b'#') {
        return Cow::Borrowed(raw);
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        let hex = raw
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'#', Some(v)) => {
                out.push(v);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(data: &[u8]) -> Vec<Token<'_>> {
        let mut lexer = Lexer::new(data);
        std::iter::from_fn(|| lexer.next_token()).collect()
    }

    #[test]
    fn reads_the_token_kinds() {
        let toks = tokens(b"/F1 12 Tf [(a\\)b) -250 <4142>] TJ << /K true >> % note\n.5 -3.");
        assert_eq!(
            toks,
            vec![
                Token::Name(b"F1"),
                Token::Number(12.0),
                Token::Keyword(b"Tf"),
                Token::ArrayStart,
                Token::String(Cow::Borrowed(b"a)b")),
                Token::Number(-250.0),
                Token::String(Cow::Borrowed(b"AB")),
                Token::ArrayEnd,
                Token::Keyword(b"TJ"),
                Token::DictStart,
                Token::Name(b"K"),
                Token::Keyword(b"true"),
                Token::DictEnd,
                Token::Number(0.5),
                Token::Number(-3.0),
            ]
        );
    }

    #[test]
    fn strings_handle_escapes_nesting_and_odd_hex() {
        assert_eq!(
            tokens(b"(a(b)c\\101\\\nd) <414>"),
            vec![
                Token::String(Cow::Borrowed(b"a(b)cAd")),
                Token::String(Cow::Borrowed(b"A@"))
            ]
        );
    }

    #[test]
    fn damaged_input_still_ends() {
        let toks = tokens(b") (unterminated");
        assert_eq!(toks[0], Token::Junk(b')'));
        assert_eq!(toks[1], Token::String(Cow::Borrowed(b"unterminated")));
        assert_eq!(toks.len(), 2);
    }

    #[test]
    fn names_unescape() {
        assert_eq!(name_bytes(b"A#20B").as_ref(), b"A B");
        assert_eq!(name_bytes(b"A#zzB").as_ref(), b"A#zzB");
    }
}
