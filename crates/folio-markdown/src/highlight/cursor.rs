//! What every lexer needs: byte access that never goes out of bounds, the scans shared by the
//! languages (identifiers, numbers, quoted strings, lines), and the span list.
//!
//! Lexers work on bytes and only ever stop at an ASCII byte, the start of a character or the
//! end, so every span they make starts and ends on a character boundary.

use super::{Class, Span};

pub(super) struct Cursor<'a> {
    pub text: &'a str,
    pub bytes: &'a [u8],
    pub spans: Vec<Span>,
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str) -> Self {
        Cursor {
            text,
            bytes: text.as_bytes(),
            spans: Vec::with_capacity(text.len() / 8),
        }
    }

    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// The byte at `i`, or 0 past the end (0 matches nothing any lexer looks for).
    pub fn at(&self, i: usize) -> u8 {
        self.bytes.get(i).copied().unwrap_or(0)
    }

    pub fn starts_with(&self, i: usize, prefix: &[u8]) -> bool {
        self.bytes
            .get(i..)
            .is_some_and(|rest| rest.starts_with(prefix))
    }

    /// Marks `start..end` with `class`. A span that continues one of the same class, directly
    /// or across whitespace only, extends it: `pub fn`, consecutive comment lines and the
    /// lines of a diff hunk each become one span, which keeps the markup small.
    pub fn push(&mut self, start: usize, end: usize, class: Class) {
        let end = end.min(self.len());
        if start >= end {
            return;
        }
        if let Some(last) = self.spans.last_mut() {
            if last.end > start {
                return; // never overlap (a lexer bug must not duplicate text)
            }
            let gap = &self.bytes[last.end..start];
            if last.class == class && gap.iter().all(u8::is_ascii_whitespace) {
                last.end = end;
                return;
            }
        }
        self.spans.push(Span { start, end, class });
    }

    /// Just past the character that starts at `i` (one byte for ASCII, more for UTF-8).
    pub fn next_char(&self, i: usize) -> usize {
        let mut j = i + 1;
        while j < self.len() && !self.text.is_char_boundary(j) {
            j += 1;
        }
        j.min(self.len()).max(i + 1)
    }

    /// The end of the line `i` is on (the `\n` itself, or the end of the text).
    pub fn line_end(&self, i: usize) -> usize {
        self.bytes
            .get(i..)
            .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
            .map_or(self.len(), |p| i + p)
    }

    /// Just past the first `needle` at or after `i`, or the end of the text.
    pub fn find_end(&self, i: usize, needle: &[u8]) -> usize {
        let Some(&first) = needle.first() else {
            return i;
        };
        let mut j = i;
        while j < self.len() {
            match self.bytes[j..].iter().position(|&b| b == first) {
                Some(p) if self.starts_with(j + p, needle) => return j + p + needle.len(),
                Some(p) => j += p + 1,
                None => break,
            }
        }
        self.len()
    }

    /// Just past a quoted literal opened at `i` by `quote` (a byte, or several for `"""`):
    /// backslash escapes skip the next character when `escapes`, a doubled quote stays inside
    /// when `doubled` (SQL, YAML). Unterminated: ends at the line's end unless `multiline`,
    /// else at the end of the text.
    pub fn quoted_end(
        &self,
        i: usize,
        quote: &[u8],
        escapes: bool,
        doubled: bool,
        multiline: bool,
    ) -> usize {
        let mut j = i + quote.len();
        while j < self.len() {
            let b = self.bytes[j];
            if escapes && b == b'\\' {
                j = self.next_char(j + 1).max(j + 1);
                if j > self.len() {
                    return self.len();
                }
                continue;
            }
            if self.starts_with(j, quote) {
                if doubled && self.starts_with(j + quote.len(), quote) {
                    j += 2 * quote.len();
                    continue;
                }
                return j + quote.len();
            }
            if b == b'\n' && !multiline {
                return j;
            }
            j += 1;
        }
        self.len()
    }

    /// Just past the identifier starting at `i`: ASCII letters, digits, `_`, anything
    /// non-ASCII, and the bytes in `extra` (`$` in JavaScript, `-` in TOML keys).
    pub fn ident_end(&self, i: usize, extra: &[u8]) -> usize {
        let mut j = i;
        while j < self.len() && (is_ident(self.bytes[j]) || extra.contains(&self.bytes[j])) {
            j += 1;
        }
        j
    }

    /// Just past the number starting at `i` (a digit, or `.` before a digit): hex, octal and
    /// binary prefixes, `_` separators, one decimal point, exponents and type suffixes
    /// (`1_000u64`, `0x1F`, `2.5e-3f32`, `10L`). `1..2` stays two numbers.
    pub fn number_end(&self, i: usize) -> usize {
        let radix_prefix =
            self.at(i) == b'0' && matches!(self.at(i + 1), b'x' | b'X' | b'b' | b'B' | b'o' | b'O');
        let hex = radix_prefix && matches!(self.at(i + 1), b'x' | b'X');
        let mut seen_dot = false;
        let mut j = i;
        while j < self.len() {
            let b = self.bytes[j];
            if b.is_ascii_alphanumeric() || b == b'_' {
                let exponent = !hex && matches!(b, b'e' | b'E');
                if exponent
                    && matches!(self.at(j + 1), b'+' | b'-')
                    && self.at(j + 2).is_ascii_digit()
                {
                    j += 3;
                } else {
                    j += 1;
                }
            } else if b == b'.' && !seen_dot && !radix_prefix && self.at(j + 1).is_ascii_digit() {
                seen_dot = true;
                j += 1;
            } else {
                break;
            }
        }
        j
    }
}

/// A byte that can be part of an identifier: ASCII letter, digit or `_`, or any byte of a
/// non-ASCII character (so identifiers in any script stay whole).
pub(super) fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// A byte that can start an identifier.
pub(super) fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}

/// Whether `word` is in `sorted` (ASCII, sorted), comparing in lower case when `fold`.
pub(super) fn contains(sorted: &[&str], word: &[u8], fold: bool) -> bool {
    if !fold {
        return sorted.binary_search_by(|k| k.as_bytes().cmp(word)).is_ok();
    }
    let mut buf = [0u8; 24];
    let Some(lower) = buf.get_mut(..word.len()) else {
        return false; // longer than any keyword
    };
    for (to, from) in lower.iter_mut().zip(word) {
        *to = from.to_ascii_lowercase();
    }
    let lower = &*lower;
    sorted.binary_search_by(|k| k.as_bytes().cmp(lower)).is_ok()
}
