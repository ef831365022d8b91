//! YAML, a line at a time: keys (plain or quoted, before `: `), values (strings, numbers and
//! constants told apart), comments, anchors and tags, block scalars (`|`, `>`) by their
//! indentation, quoted values over lines, and flow collections (`[a, b]`, `{k: v}`).

use super::cursor::Cursor;
use super::{Class, Span};

struct Yaml<'a> {
    c: Cursor<'a>,
    /// Inside a block scalar: the lines indented deeper than this column belong to it.
    block_above: Option<usize>,
}

pub(super) fn lex(code: &str) -> Vec<Span> {
    let mut y = Yaml {
        c: Cursor::new(code),
        block_above: None,
    };
    let mut i = 0;
    while i < y.c.len() {
        i = y.line(i) + 1;
    }
    y.c.spans
}

impl Yaml<'_> {
    /// Lexes the line starting at `start`; returns where it ends (later than its own end when
    /// a quoted value runs over lines).
    fn line(&mut self, start: usize) -> usize {
        let c = &self.c;
        let end = c.line_end(start);
        let indent = c.bytes[start..end]
            .iter()
            .take_while(|&&b| b == b' ')
            .count();
        let content = start + indent;
        if let Some(above) = self.block_above {
            let blank = c.bytes[content..end].iter().all(u8::is_ascii_whitespace);
            if blank {
                return end;
            }
            if indent > above {
                self.c.push(content, end, Class::String);
                return end;
            }
            self.block_above = None;
        }
        let mut i = content;
        if indent == 0
            && (c.starts_with(i, b"---") || c.starts_with(i, b"..."))
            && is_blank_or_end(c, i + 3, end)
        {
            self.c.push(i, i + 3, Class::Punctuation);
            i += 3;
        } else if indent == 0 && c.at(i) == b'%' {
            self.c.push(i, end, Class::Attribute);
            return end;
        }
        // Sequence entries: `- `, possibly several on one line (`- - a`).
        while self.c.at(i) == b'-' && is_blank_or_end(&self.c, i + 1, end) {
            i = skip_spaces(&self.c, i + 1, end);
        }
        let mut node_column = indent;
        if let Some((key_end, colon)) = self.key(i, end) {
            self.c.push(i, key_end, Class::Key);
            node_column = i - start;
            i = colon + 1;
        }
        self.value(i, end, node_column)
    }

    /// A key at `i`: where its text ends and where its `:` is.
    fn key(&self, i: usize, end: usize) -> Option<(usize, usize)> {
        let c = &self.c;
        let key_end = match c.at(i) {
            b'"' => c.quoted_end(i, b"\"", true, false, false),
            b'\'' => c.quoted_end(i, b"'", false, true, false),
            b'[' | b'{' | b'&' | b'*' | b'!' | b'|' | b'>' | b'#' | b'%' | b'@' | b'`' | b',' => {
                return None
            }
            _ => {
                let mut j = i;
                while j < end {
                    match c.bytes[j] {
                        b':' if is_blank_or_end(c, j + 1, end) => break,
                        b'#' if j > i && matches!(c.bytes[j - 1], b' ' | b'\t') => return None,
                        _ => j += 1,
                    }
                }
                if j >= end {
                    return None;
                }
                let text = c.bytes[i..j]
                    .iter()
                    .rposition(|b| !b.is_ascii_whitespace())?;
                return Some((i + text + 1, j));
            }
        };
        let colon = skip_spaces(c, key_end, end);
        (c.at(colon) == b':' && is_blank_or_end(c, colon + 1, end)).then_some((key_end, colon))
    }

    /// Lexes a value from `i` to the line's `end`; returns where it stopped.
    fn value(&mut self, mut i: usize, mut end: usize, node_column: usize) -> usize {
        let mut flow = 0usize; // depth of `[` and `{`
        loop {
            i = skip_spaces(&self.c, i, end);
            if i >= end {
                return end;
            }
            let b = self.c.bytes[i];
            match b {
                b'#' => {
                    self.c.push(i, end, Class::Comment);
                    return end;
                }
                b'[' | b'{' => {
                    flow += 1;
                    i += 1;
                }
                b']' | b'}' => {
                    flow = flow.saturating_sub(1);
                    i += 1;
                }
                b',' | b':' if flow > 0 => i += 1,
                b'&' | b'*' | b'!' => {
                    let stop = self.c.bytes[i..end]
                        .iter()
                        .position(|b| b.is_ascii_whitespace());
                    let stop = stop.map_or(end, |p| i + p);
                    self.c.push(i, stop, Class::Attribute);
                    i = stop;
                }
                b'|' | b'>' if flow == 0 && self.block_indicator(i, end) => {
                    self.block_above = Some(node_column);
                    i = self.c.bytes[i..end]
                        .iter()
                        .position(|&b| b == b'#')
                        .map_or(end, |p| i + p);
                }
                b'"' | b'\'' => {
                    let close = if b == b'"' {
                        self.c.quoted_end(i, b"\"", true, false, true)
                    } else {
                        self.c.quoted_end(i, b"'", false, true, true)
                    };
                    let key =
                        flow > 0 && self.c.at(skip_spaces(&self.c, close, self.c.len())) == b':';
                    self.c
                        .push(i, close, if key { Class::Key } else { Class::String });
                    i = close;
                    if i > end {
                        end = self.c.line_end(i); // the string ran over lines
                    }
                }
                _ => i = self.plain(i, end, flow > 0),
            }
        }
    }

    /// `|`, `>`, `|-`, `>+2` followed by nothing but a comment.
    fn block_indicator(&self, i: usize, end: usize) -> bool {
        let after = self.c.bytes[i + 1..end]
            .iter()
            .take_while(|b| matches!(b, b'-' | b'+' | b'0'..=b'9'))
            .count();
        let rest = skip_spaces(&self.c, i + 1 + after, end);
        rest >= end || self.c.at(rest) == b'#'
    }

    /// A plain scalar at `i`: classed as a number, a constant or a string; returns its end.
    fn plain(&mut self, i: usize, end: usize, flow: bool) -> usize {
        let c = &self.c;
        let mut j = i;
        while j < end {
            let b = c.bytes[j];
            let comment = b == b'#' && j > i && matches!(c.bytes[j - 1], b' ' | b'\t');
            let flow_end = flow
                && (matches!(b, b',' | b']' | b'}')
                    || (b == b':' && is_blank_or_end(c, j + 1, end)));
            if comment || flow_end {
                break;
            }
            j += 1;
        }
        let text_end = c.bytes[i..j]
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())
            .map_or(i, |p| i + p + 1);
        let text = &c.bytes[i..text_end];
        let class = if flow && c.at(j) == b':' {
            Class::Key
        } else if is_constant(text) || is_number(text) {
            Class::Number
        } else {
            Class::String
        };
        self.c.push(i, text_end, class);
        j.max(i + 1)
    }
}

fn skip_spaces(c: &Cursor<'_>, mut i: usize, end: usize) -> usize {
    while i < end && matches!(c.at(i), b' ' | b'\t' | b'\r') {
        i += 1;
    }
    i
}

fn is_blank_or_end(c: &Cursor<'_>, i: usize, end: usize) -> bool {
    i >= end || matches!(c.at(i), b' ' | b'\t' | b'\r')
}

/// `true`, `False`, `NULL`, `~` (YAML 1.2's core schema, any of its spellings).
fn is_constant(text: &[u8]) -> bool {
    matches!(
        text,
        b"~" | b"true"
            | b"True"
            | b"TRUE"
            | b"false"
            | b"False"
            | b"FALSE"
            | b"null"
            | b"Null"
            | b"NULL"
    )
}

/// `42`, `-1.5`, `6.02e23`, `0x1F`, `0o17`, `.inf`, `-.Inf`, `.nan`.
fn is_number(text: &[u8]) -> bool {
    let digits = match text.first() {
        Some(b'-' | b'+') => &text[1..],
        _ => text,
    };
    if matches!(digits, b".inf" | b".Inf" | b".INF") || matches!(text, b".nan" | b".NaN" | b".NAN")
    {
        return true;
    }
    if let Some(hex) = digits.strip_prefix(b"0x") {
        return !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit);
    }
    if let Some(oct) = digits.strip_prefix(b"0o") {
        return !oct.is_empty() && oct.iter().all(|b| (b'0'..=b'7').contains(b));
    }
    let (mantissa, exponent) = match digits.iter().position(|&b| b == b'e' || b == b'E') {
        Some(p) => (&digits[..p], Some(&digits[p + 1..])),
        None => (digits, None),
    };
    let dots = mantissa.iter().filter(|&&b| b == b'.').count();
    let mantissa_ok = dots <= 1
        && mantissa.iter().any(u8::is_ascii_digit)
        && mantissa
            .iter()
            .all(|&b| b.is_ascii_digit() || b == b'.' || b == b'_');
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e
            .strip_prefix(b"-")
            .or_else(|| e.strip_prefix(b"+"))
            .unwrap_or(e);
        !e.is_empty() && e.iter().all(u8::is_ascii_digit)
    });
    mantissa_ok && exponent_ok
}
