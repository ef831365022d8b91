//! Fenced code blocks: written whole here, highlighted when the language has a lexer.
//!
//! The block's text is escaped by `highlight::write_html`; the only markup added is the
//! `<span class="hl-…">` it generates, so nothing from the post reaches the page unescaped (the
//! raw HTML sanitizer never sees this text, as before). Rendering runs in `folio-build` only,
//! so highlighting happens when the site is built and the lexers never reach the wasm app: the
//! lighter choice for the reader, measured (see `highlight`'s module docs).

use pulldown_cmark::{CowStr, Event, TagEnd};

use super::sanitize;
use crate::highlight;

/// Consumes a fenced code block's events from `events` (up to its `End`) and returns the
/// whole `<pre tabindex="0"><code class="language-…">…</code></pre>` as one HTML event. `lang`
/// is the language from the info string (possibly empty). The block is focusable so a keyboard
/// can scroll a long line into view (axe `scrollable-region-focusable`).
pub(super) fn fenced_block<'a>(
    events: &mut impl Iterator<Item = Event<'a>>,
    lang: &str,
) -> Event<'a> {
    let mut text = String::new();
    for event in events.by_ref() {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::End(TagEnd::CodeBlock) => break,
            _ => {} // a code block holds only text
        }
    }
    let spans = highlight::spans(lang, &text).unwrap_or_default();
    let mut html = String::with_capacity(text.len() + spans.len() * 28 + 48);
    if lang.is_empty() {
        html.push_str("<pre tabindex=\"0\"><code>");
    } else {
        html.push_str("<pre tabindex=\"0\"><code class=\"language-");
        sanitize::escape_html(&mut html, lang);
        html.push_str("\">");
    }
    highlight::write_html(&mut html, &text, &spans);
    html.push_str("</code></pre>\n");
    Event::Html(CowStr::from(html))
}
