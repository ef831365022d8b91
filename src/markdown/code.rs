//! Fenced code blocks: written whole here, highlighted when the language has a lexer.
//!
//! The block's text is escaped by `highlight::write_html`; the only markup added is the
//! `<span class="hl-…">` it generates and the search `<mark>`s, so nothing from the post
//! reaches the page unescaped (the raw HTML sanitizer never sees this text, as before).

use pulldown_cmark::{CowStr, Event, TagEnd};

use super::sanitize;
use crate::highlight;
use crate::search;

/// Consumes a fenced code block's events from `events` (up to its `End`) and returns the
/// whole `<pre><code class="language-…">…</code></pre>` as one HTML event. `lang` is the
/// language from the info string (possibly empty); `terms` are the search terms to mark.
pub(super) fn fenced_block<'a>(
    events: &mut impl Iterator<Item = Event<'a>>,
    lang: &str,
    terms: &[String],
) -> Event<'a> {
    let mut text = String::new();
    for event in events.by_ref() {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::End(TagEnd::CodeBlock) => break,
            _ => {} // a code block holds only text
        }
    }
    let spans = spans(lang, &text);
    let marks = if terms.is_empty() {
        Vec::new()
    } else {
        search::highlight(&text, terms)
    };
    let mut html = String::with_capacity(text.len() + spans.len() * 28 + 48);
    if lang.is_empty() {
        html.push_str("<pre><code>");
    } else {
        html.push_str("<pre><code class=\"language-");
        sanitize::escape_html(&mut html, lang);
        html.push_str("\">");
    }
    highlight::write_html(&mut html, &text, &spans, &marks);
    html.push_str("</code></pre>\n");
    Event::Html(CowStr::from(html))
}

/// The highlighted spans of the block, none for a language without a lexer.
#[cfg(not(target_arch = "wasm32"))]
fn spans(lang: &str, text: &str) -> Vec<highlight::Span> {
    highlight::spans(lang, text).unwrap_or_default()
}

/// None in the browser: highlighting happens when the site is built (`folio-build` renders
/// the posts). In the wasm app it would add 11.9 kB gzip to every reader's first load, while
/// the span markup it writes into the posts costs 0.1 kB gzip per post with code (median; see
/// `highlight`'s module docs). Leaving it out of the wasm build here keeps the lexers out of
/// the app even where the app still renders Markdown itself.
#[cfg(target_arch = "wasm32")]
fn spans(_lang: &str, _text: &str) -> Vec<highlight::Span> {
    Vec::new()
}
