//! Text made fit for an XML 1.0 document. The feed and sitemap writers escape markup; what no
//! escape can hold (control characters other than tab, newline and carriage return; U+FFFE,
//! U+FFFF) must go before: a post is free to contain a stray form feed or a byte-order mark, a
//! feed reader is not free to accept it.

/// `text` without the characters XML 1.0 cannot hold.
pub fn xml_text(text: &str) -> String {
    text.chars().filter(|&c| allowed(c)).collect()
}

/// Whether XML 1.0 allows `c` in a document (its `Char` production).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_characters_xml_cannot_hold() {
        assert_eq!(xml_text("a\u{0}b\u{c}c\u{1b}d\u{fffe}e"), "abcde");
        assert_eq!(xml_text("tab\tnl\ncr\r"), "tab\tnl\ncr\r");
        assert_eq!(xml_text("ünï 🦀 \u{feff}"), "ünï 🦀 \u{feff}");
    }
}
