//! Escaping for the prerendered markup: text and attribute values, the way the browser reads
//! them back, so the app's later DOM and the static page hold the same strings.

/// Escapes text content (`&`, `<`, `>`).
pub fn text(s: &str) -> String {
    escape(s, false)
}

/// Escapes an attribute value for a double-quoted attribute (`&`, `<`, `>`, `"`).
pub fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, quote: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quote => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
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
