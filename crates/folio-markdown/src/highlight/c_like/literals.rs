//! String and character literals for the table-driven lexer: quotes, escapes, triple quotes,
//! and the prefixed kinds (Rust raw and byte strings, Python's `rb'…'`, C++'s `R"d(…)d"`).

use super::{Backtick, Lexer, Prefixes, SingleQuote};
use crate::highlight::cursor::is_ident_start;

impl Lexer<'_, '_> {
    /// A string or character literal at `i` (with any prefix): where it ends.
    pub(super) fn string(&self, i: usize, b: u8) -> Option<usize> {
        let r = self.rules;
        let quoted = |quote: &[u8], escapes: bool| {
            let multiline = r.multiline_strings || quote.len() == 3;
            self.c
                .quoted_end(i, quote, escapes, r.doubled_quotes, multiline)
        };
        match b {
            b'"' if r.triple_quotes && self.c.starts_with(i, b"\"\"\"") => {
                Some(quoted(b"\"\"\"", r.escapes))
            }
            b'"' if r.double_quote_string => Some(quoted(b"\"", r.escapes)),
            b'\'' => match r.single_quote {
                SingleQuote::String if r.triple_quotes && self.c.starts_with(i, b"'''") => {
                    Some(quoted(b"'''", r.escapes && !r.literal_single_quotes))
                }
                SingleQuote::String => Some(quoted(b"'", r.escapes && !r.literal_single_quotes)),
                SingleQuote::Char | SingleQuote::CharOrLifetime => self.char_literal(i),
                SingleQuote::Plain => None,
            },
            b'`' => match r.backtick {
                Backtick::String { escapes } => {
                    Some(self.c.quoted_end(i, b"`", escapes, false, true))
                }
                Backtick::Name | Backtick::Plain => None,
            },
            _ if is_ident_start(b) => self.prefixed_string(i),
            _ => None,
        }
    }

    /// `'a'`, `'\n'`, `'\u{1F600}'`: where it ends; `None` when the quote starts no character
    /// literal (a Rust lifetime, a stray quote). The closing quote is looked for within a few
    /// bytes only, so a line of stray quotes costs linear time.
    fn char_literal(&self, i: usize) -> Option<usize> {
        let first = self.c.at(i + 1);
        if first == b'\\' {
            let from = self.c.next_char(i + 2);
            let window = self.c.bytes.get(from..)?.iter().take(12);
            let close = window
                .take_while(|&&b| b != b'\n')
                .position(|&b| b == b'\'')?;
            return Some(from + close + 1);
        }
        let after = self.c.next_char(i + 1);
        (i + 1 < self.c.len() && first != b'\n' && first != b'\'' && self.c.at(after) == b'\'')
            .then_some(after + 1)
    }

    /// A string opened by prefix letters at `i` (`b"…"`, `r#"…"#`, `f'…'`, `R"(…)"`).
    fn prefixed_string(&self, i: usize) -> Option<usize> {
        let r = self.rules;
        match r.prefixes {
            Prefixes::None => None,
            Prefixes::Rust => {
                let mut j = i;
                if matches!(self.c.at(j), b'b' | b'c') {
                    j += 1;
                }
                let raw = self.c.at(j) == b'r';
                if raw {
                    j += 1;
                }
                if j == i {
                    return None;
                }
                if raw {
                    let hashes = self.c.bytes[j..].iter().take_while(|&&b| b == b'#').count();
                    if self.c.at(j + hashes) != b'"' {
                        return None;
                    }
                    return Some(self.raw_end(j + hashes + 1, hashes));
                }
                match self.c.at(j) {
                    b'"' => Some(self.c.quoted_end(j, b"\"", true, false, true)),
                    b'\'' if self.c.at(i) == b'b' => self.char_literal(j),
                    _ => None,
                }
            }
            Prefixes::Python => {
                let letters = self.c.bytes[i..]
                    .iter()
                    .take_while(|b| matches!(b.to_ascii_lowercase(), b'r' | b'b' | b'u' | b'f'))
                    .count();
                let q = i + letters;
                if letters == 0 || letters > 2 || !matches!(self.c.at(q), b'"' | b'\'') {
                    return None;
                }
                let quote: &[u8] = match (
                    self.c.at(q),
                    self.c.starts_with(q, b"\"\"\""),
                    self.c.starts_with(q, b"'''"),
                ) {
                    (_, true, _) => b"\"\"\"",
                    (_, _, true) => b"'''",
                    (b'"', ..) => b"\"",
                    _ => b"'",
                };
                Some(self.c.quoted_end(q, quote, true, false, quote.len() == 3))
            }
            Prefixes::Cpp => {
                let letters = self.c.bytes[i..]
                    .iter()
                    .take_while(|&&b| matches!(b, b'u' | b'U' | b'L' | b'8' | b'R'))
                    .count();
                let q = i + letters;
                let prefix = &self.c.bytes[i..q];
                if !matches!(
                    prefix,
                    b"u8" | b"u" | b"U" | b"L" | b"R" | b"u8R" | b"uR" | b"UR" | b"LR"
                ) {
                    return None;
                }
                if prefix.ends_with(b"R") && self.c.at(q) == b'"' {
                    // R"delim( … )delim": the delimiter is at most 16 characters.
                    let open = self.c.bytes[q + 1..]
                        .iter()
                        .take(17)
                        .position(|&b| b == b'(')?;
                    let mut close = Vec::with_capacity(open + 2);
                    close.push(b')');
                    close.extend_from_slice(&self.c.bytes[q + 1..q + 1 + open]);
                    close.push(b'"');
                    return Some(self.c.find_end(q + open + 2, &close));
                }
                match self.c.at(q) {
                    b'"' => Some(self.c.quoted_end(q, b"\"", true, false, false)),
                    b'\'' => self.char_literal(q),
                    _ => None,
                }
            }
        }
    }

    /// Just past the `"` and `hashes` `#`s that close a Rust raw string whose text starts at `i`.
    fn raw_end(&self, i: usize, hashes: usize) -> usize {
        let mut j = i;
        while j < self.c.len() {
            if self.c.bytes[j] == b'"' {
                let run = self.c.bytes[j + 1..]
                    .iter()
                    .take(hashes)
                    .take_while(|&&b| b == b'#')
                    .count();
                if run == hashes {
                    return j + 1 + hashes;
                }
                j += 1 + run;
            } else {
                j += 1;
            }
        }
        self.c.len()
    }
}
