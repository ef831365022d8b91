//! In-page links (`href="#…"`: footnotes, the table of contents, heading anchors) pointed at
//! the article's own URL.
//!
//! The page has a `<base href>` (the site may live under a sub-path), and a fragment-only link
//! resolves against the base, not the page: `#note` on `/blog/posts/x` would lead to
//! `/blog/#note`, the home page. Spelled out as `/blog/posts/x#note`, the link stays on the
//! article, and the router, seeing the same path, only moves to the fragment.

use super::scan::{pieces, Piece, StartTag};

/// `html` with the `href` of every `<a>` whose link is a fragment (`#…`, also a bare `#`)
/// prefixed with `page_href`, the article's path as the app links it (`/blog/posts/x`).
/// Everything else is left byte for byte.
pub fn rewrite_fragment_links(html: &str, page_href: &str) -> String {
    let mut prefix = String::with_capacity(page_href.len() + 8);
    // The one HTML escaper (pulldown-cmark's, as the build writes the article with).
    let _ = pulldown_cmark_escape::escape_html(&mut prefix, page_href);
    let mut out = String::with_capacity(html.len() + html.len() / 32);
    for piece in pieces(html) {
        let markup = match piece {
            Piece::Text(text) => {
                out.push_str(text);
                continue;
            }
            Piece::Markup(markup) => markup,
        };
        let href = StartTag::parse(markup)
            .filter(|tag| tag.name.eq_ignore_ascii_case("a"))
            .and_then(|tag| tag.attr("href").cloned())
            .filter(|href| href.value.is_some_and(|v| v.starts_with('#')));
        match href {
            Some(href) => {
                out.push_str(&markup[..href.value_span.start]);
                out.push_str(&prefix);
                out.push_str(&markup[href.value_span.start..]);
            }
            None => out.push_str(markup),
        }
    }
    out
}
