//! Writing XML text and attribute values by hand, for the feeds and the sitemap.
//!
//! Hand-written rather than a crate: the documents are a few fixed shapes, and all they need is
//! escaping, which is five replacements plus dropping the characters XML 1.0 cannot hold at all
//! (control characters other than tab, newline and carriage return; U+FFFE, U+FFFF). A post is
//! free to contain a stray form feed or a byte-order mark in the middle; a feed reader is not
//! free to accept it, so such characters are removed rather than escaped (no escape exists).

/// `text` escaped for element content and for attribute values in either quotes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text);
    out
}

/// [`escape`], appending to `out`.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

/// Whether XML 1.0 allows `c` in a document (its `Char` production).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// `<name>escaped text</name>` on its own line, indented by `indent` spaces.
pub fn element(out: &mut String, indent: usize, name: &str, text: &str) {
    out.extend(std::iter::repeat_n(' ', indent));
    out.push('<');
    out.push_str(name);
    out.push('>');
    escape_into(out, text);
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_both_quotes() {
        assert_eq!(
            escape(r#"<a href="x?a=1&b='2'">"#),
            "&lt;a href=&quot;x?a=1&amp;b=&apos;2&apos;&quot;&gt;"
        );
        assert_eq!(escape("&amp;"), "&amp;amp;", "already-escaped text is text");
    }

    #[test]
    fn drops_characters_xml_cannot_hold() {
        assert_eq!(escape("a\u{0}b\u{c}c\u{1b}d\u{fffe}e"), "abcde");
        assert_eq!(escape("tab\tnl\ncr\r"), "tab\tnl\ncr\r");
        assert_eq!(escape("ünï 🦀 \u{feff}"), "ünï 🦀 \u{feff}");
    }

    #[test]
    fn element_writes_one_indented_line() {
        let mut out = String::new();
        element(&mut out, 2, "title", "A & B");
        assert_eq!(out, "  <title>A &amp; B</title>\n");
    }
}
