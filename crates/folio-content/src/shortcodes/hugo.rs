//! Hugo's `figure` shortcode as the HTML Hugo renders for it: `<figure>` with the image and a
//! `<figcaption>`, both of which the post sanitizer allows. A relative `src` is then resolved
//! like any image beside the post (see `super::super::assets`).

use super::syntax::{hugo_args, Tag};
use super::Piece;
use folio_markdown::html::escape;

/// The pieces replacing a `figure` tag; `None` without a `src` (nothing to show).
pub fn figure(source: &str, tag: &Tag<'_>) -> Option<Vec<Piece>> {
    let args = hugo_args(tag.args());
    let arg = |name: &str| {
        args.iter()
            .find(|(key, _)| *key == Some(name))
            .map(|(_, value)| value.as_str())
            .filter(|value| !value.is_empty())
    };
    let src = arg("src")?;
    let mut html = String::from("<figure>");
    if let Some(link) = arg("link") {
        html.push_str("<a href=\"");
        html.push_str(&escape(link));
        html.push_str("\">");
    }
    html.push_str("<img src=\"");
    html.push_str(&escape(src));
    html.push_str("\" alt=\"");
    html.push_str(&escape(arg("alt").unwrap_or_default()));
    html.push_str("\">");
    if arg("link").is_some() {
        html.push_str("</a>");
    }
    if let Some(caption) = arg("caption").or_else(|| arg("title")) {
        html.push_str("<figcaption>");
        html.push_str(&escape(caption));
        html.push_str("</figcaption>");
    }
    html.push_str("</figure>");
    html.push_str(block_end(source, tag));
    Some(vec![Piece::Text(html, tag.start)])
}

/// What must follow HTML replacing `tag`: on a line of its own the HTML is an HTML block, which
/// runs to the next blank line, so a line break ends it there, or the text after it would be
/// taken as HTML too.
pub fn block_end(source: &str, tag: &Tag<'_>) -> &'static str {
    let line_start = source[..tag.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[tag.end..]
        .find('\n')
        .map_or(source.len(), |i| tag.end + i);
    let alone = source[line_start..tag.start].trim().is_empty()
        && source[tag.end..line_end].trim().is_empty();
    let next_line = source.get(line_end + 1..).unwrap_or_default();
    let next_line = &next_line[..next_line.find('\n').unwrap_or(next_line.len())];
    if alone && !next_line.trim().is_empty() {
        "\n"
    } else {
        ""
    }
}
