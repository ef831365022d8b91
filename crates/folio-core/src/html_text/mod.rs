//! Edits to the HTML the pipeline writes (`bodies/<slug>.html`), done on the string before it is
//! put into the page: marking the words of a search (`?highlight=`) and pointing in-page links
//! at the article's own URL. The pipeline uses the same scanner to rewrite asset links.
//!
//! Pure string code with no web-sys and no Markdown parser, so the wasm app can use it without
//! shipping a renderer, and the host tests cover it. It reads HTML as the renderer writes it
//! (double-quoted attribute values, `<script>`/`<style>` never present), and stays safe on
//! anything else: it only ever inserts `<mark>` between characters of text, never inside a tag,
//! an attribute value or a character reference.

mod entities;
mod links;
mod mark;
mod scan;

pub use links::rewrite_fragment_links;
pub use mark::mark_terms;
pub use scan::{escape_attr, pieces, Attr, Piece, StartTag};

/// Escaped HTML text (or an attribute value) as the reader sees it: the references the renderer
/// writes and numeric ones decoded; any other named reference becomes U+FFFD.
pub fn unescape(escaped: &str) -> String {
    entities::Decoded::new(escaped).text
}
