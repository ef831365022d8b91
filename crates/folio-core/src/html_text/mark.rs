//! Marking the words of a search in an article's HTML (the article opened from a result,
//! `?highlight=`).

use super::entities::Decoded;
use super::scan::{pieces, Piece, StartTag};
use crate::search::highlight;

/// `html` with every word matching the search index `terms` wrapped in `<mark>`, in text only:
/// never in a tag, an attribute value or a character reference. Matching is the search
/// engine's own ([`highlight`]: folded, stemmed), run on each text run as the reader sees it
/// (references decoded), so a result for "caching" marks "cached", and `AT&amp;T` is read as
/// `AT&T`. Code is text like any other and is marked too. The table of contents (`<nav>`) is
/// left alone: it repeats the headings, and the first mark should be in the article itself.
pub fn mark_terms(html: &str, terms: &[String]) -> String {
    if terms.is_empty() {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut in_nav = 0usize;
    for piece in pieces(html) {
        match piece {
            Piece::Markup(markup) => {
                if let Some(tag) = StartTag::parse(markup) {
                    if tag.name.eq_ignore_ascii_case("nav") {
                        in_nav += 1;
                    }
                } else if is_end_tag(markup, "nav") {
                    in_nav = in_nav.saturating_sub(1);
                }
                out.push_str(markup);
            }
            Piece::Text(text) if in_nav > 0 => out.push_str(text),
            Piece::Text(text) => mark_text(&mut out, text, terms),
        }
    }
    out
}

/// Writes escaped `text` with its matches in `<mark>`.
fn mark_text(out: &mut String, text: &str, terms: &[String]) {
    let decoded = Decoded::new(text);
    let mut at = 0;
    for range in highlight(&decoded.text, terms) {
        let (start, end) = (decoded.source(range.start), decoded.source(range.end));
        if start < at || start >= end {
            continue;
        }
        out.push_str(&text[at..start]);
        out.push_str("<mark>");
        out.push_str(&text[start..end]);
        out.push_str("</mark>");
        at = end;
    }
    out.push_str(&text[at..]);
}

fn is_end_tag(markup: &str, name: &str) -> bool {
    markup
        .strip_prefix("</")
        .and_then(|rest| rest.get(..name.len()))
        .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && markup
            .as_bytes()
            .get(2 + name.len())
            .is_some_and(|&c| c == b'>' || c.is_ascii_whitespace())
}
