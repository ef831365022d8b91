//! Fenced code blocks: written whole here, highlighted when a grammar knows the language.
//!
//! The block's text is escaped by `highlight::write_html`; the only markup added is the
//! `<span class="hl-…">` it generates, so nothing from the post reaches the page unescaped (the
//! raw HTML sanitizer never sees this text, as before). Rendering runs in `folio-build` only,
//! so highlighting happens when the site is built and never reaches the wasm app. The wasm
//! build of this crate (for the browser test of the renderer) writes code blocks plain.

use pulldown_cmark::{CowStr, Event, TagEnd};

#[cfg(not(target_arch = "wasm32"))]
use crate::highlight;
use pulldown_cmark_escape::escape_html;

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
    let mut html = String::with_capacity(text.len() * 2 + 48);
    if lang.is_empty() {
        html.push_str("<pre tabindex=\"0\"><code>");
    } else {
        html.push_str("<pre tabindex=\"0\"><code class=\"language-");
        let _ = escape_html(&mut html, lang);
        html.push_str("\">");
    }
    #[cfg(not(target_arch = "wasm32"))]
    highlight::write_html(
        &mut html,
        &text,
        &highlight::spans(lang, &text).unwrap_or_default(),
    );
    #[cfg(target_arch = "wasm32")]
    let _ = pulldown_cmark_escape::escape_html_body_text(&mut html, &text);
    html.push_str("</code></pre>\n");
    Event::Html(CowStr::from(html))
}
