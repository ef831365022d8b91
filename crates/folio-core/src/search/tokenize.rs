//! Splitting text into folded tokens with their byte ranges in the original text.
//!
//! One tokenizer serves the index builder, the query parser and the snippet highlighter, so a
//! word is cut the same way everywhere. Rules:
//! - a word is a run of letters and digits (any script), folded by [`super::fold`];
//! - `-`, `_`, and `.` between two digits join words into a *compound* (`async-await`,
//!   `no_std`, `1.42.0`): each part is a [`TokenKind::Word`], and the whole compound is also
//!   emitted as a [`TokenKind::Joined`] token (`asyncawait`, `nostd`, `1.42.0`) so that a reader
//!   who types it either way finds it;
//! - an apostrophe inside a word is dropped (`don't` -> `dont`), a possessive `'s` too
//!   (`Rust's` -> `rust`);
//! - runs of CJK characters have no spaces between words, so they are indexed as overlapping
//!   character bigrams (a one-character run as itself): [`TokenKind::Cjk`]; the last character
//!   of a longer run is also indexed alone ([`TokenKind::CjkTail`]), so that every character
//!   starts a term: a one-character query (`猫`) finds `小猫、` through that term and `猫头鹰`
//!   through the bigrams starting with it;
//! - tokens are cut to [`MAX_TOKEN_CHARS`] characters (hashes and base64 blobs stay bounded).

use super::fold::fold_char_into;
use crate::marks::is_diacritic;

/// Longest token kept, in characters; longer ones are truncated.
pub const MAX_TOKEN_CHARS: usize = 32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A plain word, or one part of a compound.
    Word,
    /// A whole compound, its parts run together (`nostd`), or kept with dots for numbers.
    Joined,
    /// A CJK character bigram (or a lone CJK character).
    Cjk,
    /// The last character of a CJK run of two or more, alone (after the run's bigrams). A
    /// query does not search it: its bigrams say more.
    CjkTail,
}

/// One token: its folded text and the byte range of the original text it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

/// Whether `c` belongs to a script written without spaces between words (or Hangul, which is
/// indexed the same way so that partial words match).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x3005 | 0x3040..=0x30FF | 0x3130..=0x318F | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF
        | 0x20000..=0x2FFFF)
}

fn is_word_char(c: char) -> bool {
    // Most text is ASCII: answer it without the Unicode tables.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    (c.is_alphanumeric() || is_diacritic(c)) && !is_cjk(c)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Calls `emit` for every token of `text`, in order; stops early when `emit` returns false.
pub fn tokenize(text: &str, mut emit: impl FnMut(Token<'_>) -> bool) {
    tokenize_dyn(text, &mut emit);
}

/// The tokenizer itself, not generic: one copy in the wasm instead of one per caller (the
/// indirect call per token costs nothing measurable).
type Emit<'e> = dyn FnMut(Token<'_>) -> bool + 'e;

fn tokenize_dyn(text: &str, emit: &mut Emit<'_>) {
    let mut parts = PartBuffer::default();
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        if c.is_ascii() && !c.is_ascii_alphanumeric() {
            pos += 1;
        } else if is_cjk(c) {
            let end = cjk_run_end(text, pos);
            if !emit_cjk_run(&text[pos..end], pos, emit) {
                return;
            }
            pos = end;
        } else if let Some(end) = plain_ascii_word_end(text, pos) {
            // Most words: ASCII letters and digits with nothing joining them to the next word.
            parts.part.clear();
            parts.part.push_str(&text[pos..end]);
            parts.part.make_ascii_lowercase();
            let token = Token {
                text: &parts.part,
                start: pos,
                end,
                kind: TokenKind::Word,
            };
            if !emit(token) {
                return;
            }
            pos = end;
        } else if c.is_alphanumeric() {
            let end = compound_end(text, pos);
            if !parts.emit_compound(text, pos, end, emit) {
                return;
            }
            pos = end;
        } else {
            pos += c.len_utf8();
        }
    }
}

/// The end of the word at `start` if it is plain ASCII letters and digits, no longer than a
/// token, and not joined to what follows (see [`compound_end`]): the common case, tokenized
/// without the general path's per-character work.
fn plain_ascii_word_end(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = start;
    while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if end == start || end - start > MAX_TOKEN_CHARS {
        return None;
    }
    let joined = match bytes.get(end) {
        None => false,
        Some(b'-' | b'_' | b'\'') => true,
        Some(b'.') => bytes[end - 1].is_ascii_digit(),
        // A combining mark or a typographic apostrophe may continue the word.
        Some(b) => !b.is_ascii(),
    };
    (!joined).then_some(end)
}

fn cjk_run_end(text: &str, start: usize) -> usize {
    text[start..]
        .char_indices()
        .find(|&(_, c)| !is_cjk(c))
        .map_or(text.len(), |(i, _)| start + i)
}

fn emit_cjk_run(run: &str, offset: usize, emit: &mut Emit<'_>) -> bool {
    let chars: Vec<(usize, char)> = run.char_indices().collect();
    if chars.len() == 1 {
        return emit(Token {
            text: run,
            start: offset,
            end: offset + run.len(),
            kind: TokenKind::Cjk,
        });
    }
    for pair in chars.windows(2) {
        let start = pair[0].0;
        let end = pair[1].0 + pair[1].1.len_utf8();
        let token = Token {
            text: &run[start..end],
            start: offset + start,
            end: offset + end,
            kind: TokenKind::Cjk,
        };
        if !emit(token) {
            return false;
        }
    }
    // A character ending a run starts no bigram: without this term a one-character query
    // could not find it (`小猫、`).
    let last = chars[chars.len() - 1].0;
    emit(Token {
        text: &run[last..],
        start: offset + last,
        end: offset + run.len(),
        kind: TokenKind::CjkTail,
    })
}

/// Where the compound starting at `start` ends: word characters, joined by connectors that sit
/// between two word characters.
fn compound_end(text: &str, start: usize) -> usize {
    let mut prev = '\0';
    let mut iter = text[start..].char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_word_char(c) {
            prev = c;
            continue;
        }
        let next = iter.peek().map(|&(_, n)| n);
        let joins = match (c, next) {
            (_, None) => false,
            ('-' | '_', Some(n)) => is_word_char(n),
            ('.', Some(n)) => prev.is_ascii_digit() && n.is_ascii_digit(),
            (a, Some(n)) if is_apostrophe(a) => {
                prev.is_alphabetic() && n.is_alphabetic() && !is_cjk(n)
            }
            _ => false,
        };
        if !joins {
            return start + i;
        }
    }
    text.len()
}

/// Reused buffers for one compound's parts.
#[derive(Default)]
struct PartBuffer {
    /// Folded text of the current part...
    part: String,
    /// ...and how many characters went into it.
    part_chars: usize,
    /// The compound's parts run together, for the joined token.
    joined: String,
}

impl PartBuffer {
    fn emit_compound(&mut self, text: &str, start: usize, end: usize, emit: &mut Emit<'_>) -> bool {
        let span = &text[start..end];
        self.part.clear();
        self.part_chars = 0;
        self.joined.clear();
        let mut part_count = 0;
        let mut part_start = start;
        let mut last_word_end = start;
        let mut chars = span.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let at = start + i;
            if is_word_char(c) {
                if self.part_chars < MAX_TOKEN_CHARS {
                    fold_char_into(c, &mut self.part);
                    self.part_chars += 1;
                }
                last_word_end = at + c.len_utf8();
                continue;
            }
            if is_apostrophe(c) {
                let rest = &span[i + c.len_utf8()..];
                let possessive = rest.starts_with(['s', 'S'])
                    && !rest[1..].chars().next().is_some_and(is_word_char);
                if possessive {
                    chars.next(); // skip the `s`
                }
                continue;
            }
            // A connector: the current part ends here.
            if !self.finish_part(part_start, last_word_end, c == '.', &mut part_count, emit) {
                return false;
            }
            part_start = at + c.len_utf8();
        }
        if !self.finish_part(part_start, last_word_end, false, &mut part_count, emit) {
            return false;
        }
        if part_count > 1 {
            let joined = truncate_chars(&self.joined, MAX_TOKEN_CHARS).trim_end_matches('.');
            return emit(Token {
                text: joined,
                start,
                end: last_word_end,
                kind: TokenKind::Joined,
            });
        }
        true
    }

    fn finish_part(
        &mut self,
        start: usize,
        end: usize,
        dot_follows: bool,
        count: &mut usize,
        emit: &mut Emit<'_>,
    ) -> bool {
        if self.part.is_empty() {
            return true;
        }
        *count += 1;
        self.joined.push_str(&self.part);
        if dot_follows {
            self.joined.push('.');
        }
        let keep_going = emit(Token {
            text: &self.part,
            start,
            end: end.max(start),
            kind: TokenKind::Word,
        });
        self.part.clear();
        self.part_chars = 0;
        keep_going
    }
}

fn truncate_chars(s: &str, max: usize) -> &str {
    s.char_indices().nth(max).map_or(s, |(i, _)| &s[..i])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(String, TokenKind, &str)> {
        let mut out = Vec::new();
        tokenize(text, |t| {
            out.push((t.text.to_owned(), t.kind, &text[t.start..t.end]));
            true
        });
        out
    }

    fn texts(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn words_are_folded_with_their_original_ranges() {
        let t = tokens("Hello, Wörld!");
        assert_eq!(
            t,
            vec![
                ("hello".into(), TokenKind::Word, "Hello"),
                ("world".into(), TokenKind::Word, "Wörld")
            ]
        );
    }

    #[test]
    fn compounds_give_parts_and_the_joined_form() {
        assert_eq!(texts("async-await"), ["async", "await", "asyncawait"]);
        assert_eq!(texts("#![no_std]"), ["no", "std", "nostd"]);
        assert_eq!(texts("Rust 1.42.0."), ["rust", "1", "42", "0", "1.42.0"]);
        assert_eq!(texts("end. Start"), ["end", "start"]);
        assert_eq!(texts("a - b"), ["a", "b"]);
        let joined = tokens("x86_64-linux").pop().unwrap();
        assert_eq!(
            (joined.0.as_str(), joined.1, joined.2),
            ("x8664linux", TokenKind::Joined, "x86_64-linux")
        );
    }

    #[test]
    fn apostrophes_join_and_possessives_drop() {
        assert_eq!(
            texts("don't Rust's it’s 'quoted'"),
            ["dont", "rust", "it", "quoted"]
        );
    }

    #[test]
    fn cjk_runs_become_bigrams() {
        let t = tokens("Rust在東京 字");
        let got: Vec<_> = t
            .iter()
            .map(|(s, k, orig)| (s.as_str(), *k, *orig))
            .collect();
        assert_eq!(
            got,
            [
                ("rust", TokenKind::Word, "Rust"),
                ("在東", TokenKind::Cjk, "在東"),
                ("東京", TokenKind::Cjk, "東京"),
                ("京", TokenKind::CjkTail, "京"),
                ("字", TokenKind::Cjk, "字")
            ]
        );
    }

    #[test]
    fn long_tokens_are_cut_and_long_text_is_fine() {
        let long = "x".repeat(100);
        assert_eq!(texts(&long), ["x".repeat(MAX_TOKEN_CHARS)]);
        let text = "word, ".repeat(2000) + &"-".repeat(5000) + &"é".repeat(3000);
        assert_eq!(tokens(&text).len(), 2001);
    }

    #[test]
    fn early_stop_is_honoured() {
        let mut n = 0;
        tokenize("a b c d e", |_| {
            n += 1;
            n < 2
        });
        assert_eq!(n, 2);
    }
}
