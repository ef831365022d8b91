//! HTML after Markdown: the sanitizer every article passes once ([`sanitize`]), what the article
//! gets after it ([`finish`]), and the tokenizer every later build-time pass reads and rewrites
//! published HTML with ([`tokens`]): asset links, feed URLs, the search text ([`text`]).

pub mod finish;
pub mod readable;
pub mod sanitize;
pub mod srcset;
pub mod table_names;
pub mod text;
pub mod tokens;

/// `text` escaped for HTML text or a double-quoted attribute value (`&`, `<`, `>`, `"`): the
/// escaper pulldown-cmark's own writer uses, so the build has one.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// A rendered document (Markdown's HTML with raw HTML, the table of contents and heading
/// anchors) as published: [`sanitize::sanitize`]d, then [`finish::finish`]ed.
pub fn publish(html: &str) -> String {
    publish_demoting(html).0
}

/// [`publish`], also saying whether the document's headings were moved one level down (it had
/// an `h1`: see [`finish::finish`]).
pub fn publish_demoting(html: &str) -> (String, bool) {
    let (published, demoted) = finish::finish(&sanitize::sanitize(html));
    // A removed block (a script) leaves its line break behind; at the start it is noise.
    let published = match published.strip_prefix('\n') {
        Some(rest) => rest.trim_start_matches('\n').to_owned(),
        None => published,
    };
    (published, demoted)
}
