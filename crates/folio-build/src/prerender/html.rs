//! Escaping for the prerendered markup: text and attribute values, the way the browser reads
//! them back, so the app's later DOM and the static page hold the same strings. The escapers
//! are pulldown-cmark's, the ones the build writes articles with.

use pulldown_cmark_escape::{escape_html, escape_html_body_text};

/// Escapes text content (`&`, `<`, `>`).
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let _ = escape_html_body_text(&mut out, s);
    out
}

/// Escapes an attribute value for a double-quoted attribute (`&`, `<`, `>`, `"`).
pub fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let _ = escape_html(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_escape_what_the_parser_would_read_as_markup() {
        assert_eq!(text(r#"a<b> & "c""#), r#"a&lt;b&gt; &amp; "c""#);
        assert_eq!(attr(r#"a<b> & "c""#), "a&lt;b&gt; &amp; &quot;c&quot;");
    }
}
