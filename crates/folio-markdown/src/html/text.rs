//! The text a reader reads in finished HTML: for the search index, its snippets and the word
//! count. Read from the sanitizer's output, so what is indexed is exactly what is shown.

use super::tokens::{tokenize, Token};

/// Elements whose text is not read as part of the article: the table of contents (it repeats
/// the headings), the code blocks' copy buttons, and what the sanitizer never lets through
/// anyway.
const SKIPPED: &[&str] = &[
    "nav", "button", "script", "style", "template", "svg", "math",
];

/// Elements that sit inside a line of text: their tags must not split or join words. Any other
/// tag ends a block, so it becomes a line break.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark",
    "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
];

/// The text of `html`: character references decoded, tags dropped (block boundaries become
/// newlines, so words never run together), the table of contents, the `#` link after each
/// heading and the footnotes' back-links left out.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    // Depth inside skipped elements (and the heading anchors), by name.
    let mut skipping: Vec<String> = Vec::new();
    for token in tokenize(html) {
        match token {
            Token::Start(tag) => {
                let skip = SKIPPED.contains(&tag.name.as_str())
                    || (tag.name == "a"
                        && (tag.has_class("heading-anchor") || tag.has_class("footnote-backref")));
                if !skipping.is_empty() || skip {
                    if !super::tokens::is_void(&tag.name) {
                        skipping.push(tag.name);
                    }
                    continue;
                }
                if !INLINE.contains(&tag.name.as_str()) {
                    out.push('\n');
                }
            }
            Token::End(name) => {
                if let Some(last) = skipping.last() {
                    if *last == name {
                        skipping.pop();
                    }
                    continue;
                }
                if !INLINE.contains(&name.as_str()) {
                    out.push('\n');
                }
            }
            Token::Text(text) if skipping.is_empty() => out.push_str(&text),
            Token::Text(_) => {}
        }
    }
    out
}

/// Words in `text` (a [`plain_text`]): whitespace-separated runs that hold a letter or digit.
pub fn word_count(text: &str) -> u32 {
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    u32::try_from(words).unwrap_or(u32::MAX)
}
