//! Edits to the HTML the pipeline writes (`bodies/<slug>.html`), done on the string before it is
//! put into the page: marking the words of a search (`?highlight=`) and pointing in-page links
//! at the article's own URL (also by the prerenderer, so both write the same page). The build
//! itself reads HTML with html5ever (`folio_markdown::html::tokens`); this small scanner is what
//! the wasm app needs instead of shipping an HTML parser.
//!
//! Pure string code with no web-sys and no Markdown parser, so the wasm app can use it without
//! shipping a renderer, and the host tests cover it. It reads HTML as the build's sanitizer
//! writes it (a balanced tree, double-quoted attribute values, no comments, no `<script>` or
//! `<style>`), and stays safe on
//! anything else: it only ever inserts `<mark>` between characters of text, never inside a tag,
//! an attribute value or a character reference.

mod entities;
mod links;
mod mark;
mod scan;

pub use links::rewrite_fragment_links;
pub use mark::mark_terms;
pub use scan::{pieces, Attr, Piece, StartTag};

/// Escaped HTML text (or an attribute value) as the reader sees it: the references the renderer
/// writes and numeric ones decoded; any other named reference becomes U+FFFD.
pub fn unescape(escaped: &str) -> String {
    entities::Decoded::new(escaped).text
}

/// Appends `s` escaped for a double-quoted attribute value or text (`&`, `<`, `>`, `"`): the
/// one HTML escaper (pulldown-cmark's, as the build writes articles with), under this name.
pub fn escape_attr(out: &mut String, s: &str) {
    let _ = pulldown_cmark_escape::escape_html(out, s);
}
