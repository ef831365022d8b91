//! Snippets: the stretch of a post's text that best shows why it matched, with the matched
//! words marked.
//!
//! Words are found with the index's own analysis (fold, stem), so `matched_terms` from a hit
//! (`schedul`) marks `Scheduling` and `schedules` alike. Ranges are byte ranges into the
//! returned text and always fall on character boundaries, ready for `<mark>`.

use std::ops::Range;

use super::analyze::{may_have_term, term_of};
use super::order::sorted_by_key;
use super::tokenize::{tokenize, TokenKind};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The excerpt, whitespace collapsed, with `…` where it was cut.
    pub text: String,
    /// Byte ranges of matched words in `text`, sorted, not overlapping.
    pub ranges: Vec<Range<usize>>,
}

/// Byte ranges of `text` whose index terms are in `terms` (for titles and short fields).
pub fn highlight(text: &str, terms: &[String]) -> Vec<Range<usize>> {
    merge(
        find_matches(text, terms)
            .into_iter()
            .map(|m| m.bytes)
            .collect(),
    )
}

/// The window of at most `max_chars` characters of `body` holding the most distinct matched
/// terms (then the most matches), with a little context before the first match.
pub fn snippet(body: &str, terms: &[String], max_chars: usize) -> Snippet {
    let max_chars = max_chars.max(1);
    let matches = find_matches(body, terms);
    let (start, end) = match best_window(body, &matches, max_chars) {
        Some(w) => w,
        None => (0, advance_chars(body, 0, max_chars)),
    };
    let (start, end) = snap_to_words(body, start, end, &matches);
    let inside: Vec<Range<usize>> = matches
        .iter()
        .map(|m| m.bytes.start.max(start)..m.bytes.end.min(end))
        .filter(|r| r.start < r.end)
        .collect();
    render(body, start, end, &merge(inside))
}

struct Match {
    bytes: Range<usize>,
    /// Which of the query terms it is.
    term: usize,
    /// Character offset of its start.
    char_start: usize,
}

fn find_matches(text: &str, terms: &[String]) -> Vec<Match> {
    let mut out = Vec::new();
    if terms.is_empty() {
        return out;
    }
    tokenize(text, |token| {
        // (A bound for absurd inputs: the packed sort below takes 2^24 items.)
        if out.len() >= 1 << 20 {
            return false;
        }
        // Stemming is most of the cost of a long text: only words that may match are stemmed.
        if !terms.iter().any(|t| may_have_term(token.text, t)) {
            return true;
        }
        // A one-character CJK term is found as the first character of a bigram (see
        // `TokenKind::CjkTail`): only that character is marked.
        if token.kind == TokenKind::Cjk {
            if let Some(first) = token.text.chars().next() {
                let width = first.len_utf8();
                let first = &token.text[..width];
                let first_only = if width < token.text.len() {
                    terms.iter().position(|t| t == first)
                } else {
                    None
                };
                if let Some(i) = first_only {
                    out.push(Match {
                        bytes: token.start..token.start + width,
                        term: i,
                        char_start: 0,
                    });
                }
            }
        }
        let Some(term) = term_of(&token) else {
            return true;
        };
        if let Some(i) = terms.iter().position(|t| *t == term) {
            out.push(Match {
                bytes: token.start..token.end,
                term: i,
                char_start: 0,
            });
        }
        true
    });
    // Analysis order is text order, except that a compound's joined form follows its parts.
    let mut out = sorted_by_key(out, |m| m.bytes.start as u64);
    let (mut pos, mut chars) = (0, 0);
    for m in &mut out {
        chars += text[pos..m.bytes.start].chars().count();
        pos = m.bytes.start;
        m.char_start = chars;
    }
    out
}

/// Byte range of the best window: the most distinct terms, then the most matches, earliest.
fn best_window(body: &str, matches: &[Match], max_chars: usize) -> Option<(usize, usize)> {
    let term_count = matches.iter().map(|m| m.term + 1).max()?;
    let mut counts = vec![0usize; term_count];
    let (mut distinct, mut j, mut best) = (0, 0, (0, 0, 0usize));
    for i in 0..matches.len() {
        while j < matches.len()
            && matches[j].char_start + (matches[j].bytes.len()) <= matches[i].char_start + max_chars
        {
            counts[matches[j].term] += 1;
            distinct += usize::from(counts[matches[j].term] == 1);
            j += 1;
        }
        if (distinct, j - i) > (best.0, best.1) {
            best = (distinct, j - i, i);
        }
        if j > i {
            counts[matches[i].term] -= 1;
            distinct -= usize::from(counts[matches[i].term] == 0);
        } else {
            j = i + 1;
        }
    }
    let (_, count, first) = best;
    let last = &matches[first + count.max(1) - 1];
    let span_chars = body[matches[first].bytes.start..last.bytes.end.max(matches[first].bytes.end)]
        .chars()
        .count();
    // A third of the spare room goes before the first match, as context.
    let lead = (max_chars.saturating_sub(span_chars) / 3).min(matches[first].char_start);
    let start = back_chars(body, matches[first].bytes.start, lead);
    Some((start, advance_chars(body, start, max_chars)))
}

fn advance_chars(text: &str, from: usize, n: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| from + i)
}

fn back_chars(text: &str, from: usize, n: usize) -> usize {
    if n == 0 {
        return from;
    }
    text[..from]
        .char_indices()
        .rev()
        .nth(n - 1)
        .map_or(0, |(i, _)| i)
}

/// Moves a cut start forward past a partial word, and a cut end back before one, without losing
/// a match.
fn snap_to_words(
    body: &str,
    mut start: usize,
    mut end: usize,
    matches: &[Match],
) -> (usize, usize) {
    let first_match = matches
        .iter()
        .find(|m| m.bytes.start >= start)
        .map_or(end, |m| m.bytes.start);
    let last_match_end = matches
        .iter()
        .filter(|m| m.bytes.end <= end)
        .map(|m| m.bytes.end)
        .max()
        .unwrap_or(start);
    if start > 0 && !body[..start].ends_with(char::is_whitespace) {
        if let Some(ws) = body[start..first_match.max(start)].find(char::is_whitespace) {
            start += ws;
        }
    }
    if end < body.len() && !body[end..].starts_with(char::is_whitespace) {
        if let Some(ws) = body[last_match_end.min(end)..end].rfind(char::is_whitespace) {
            end = last_match_end.min(end) + ws;
        }
    }
    (start, end.max(start))
}

/// Merges overlapping ranges; `ranges` are sorted by start.
fn merge(ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Copies `body[start..end]` with whitespace runs collapsed and `…` at cut ends, mapping the
/// (body) match ranges to ranges in the output.
fn render(body: &str, start: usize, end: usize, ranges: &[Range<usize>]) -> Snippet {
    let window = &body[start..end];
    let trimmed_start = start + (window.len() - window.trim_start().len());
    let trimmed_end = start + window.trim_end().len();
    let mut text = String::with_capacity(trimmed_end.saturating_sub(trimmed_start) + 8);
    if start > 0 {
        text.push('…');
    }
    let mut out_ranges = Vec::with_capacity(ranges.len());
    let mut next = 0;
    let mut open: Option<usize> = None;
    let mut in_space = false;
    for (i, c) in body[trimmed_start..trimmed_end.max(trimmed_start)].char_indices() {
        let at = trimmed_start + i;
        if let Some(s) = open {
            if at >= ranges[next].end {
                out_ranges.push(s..text.len());
                open = None;
                next += 1;
            }
        }
        if open.is_none() && next < ranges.len() && at >= ranges[next].start {
            open = Some(text.len());
        }
        if c.is_whitespace() {
            if !in_space {
                text.push(' ');
            }
            in_space = true;
        } else {
            text.push(c);
            in_space = false;
        }
    }
    if let Some(s) = open {
        out_ranges.push(s..text.len());
    }
    if end < body.len() {
        text.push('…');
    }
    Snippet {
        text,
        ranges: out_ranges,
    }
}
