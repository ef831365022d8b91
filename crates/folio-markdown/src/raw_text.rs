//! The text of raw HTML in a post, as a reader sees it once the sanitizer has let it through:
//! tags dropped, character references decoded, comments and `<script>`/`<style>` contents left
//! out (the sanitizer removes those). Posts converted from other tools are often whole sections
//! of `<p>` and `<pre><code>`; without this their words would be missing from the search index
//! and the word count.

use folio_core::html_text::unescape;

/// Tags that sit inside a line of text: dropping them must not split or join words. Any other
/// tag ends a block, so it becomes a space.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "code", "del", "em", "i", "ins", "kbd", "mark", "s", "small", "span",
    "strong", "sub", "sup", "u",
];

/// Reads the raw HTML events of one document in order (a block of raw HTML comes one line at a
/// time, and a comment or script may span lines).
#[derive(Default)]
pub struct RawText {
    /// Inside `<!-- ... -->`, `<script>` or `<style>`: the text that ends it.
    skip_until: Option<&'static str>,
}

impl RawText {
    /// Appends the text of `html` to `out`.
    pub fn push(&mut self, html: &str, out: &mut String) {
        let mut text = String::new();
        let mut rest = html;
        while !rest.is_empty() {
            if let Some(end) = self.skip_until {
                match find_ignore_case(rest, end) {
                    Some(i) => {
                        rest = &rest[i + end.len()..];
                        if end != "-->" {
                            // The rest of the closing tag (`</script >`).
                            rest = rest.find('>').map_or("", |j| &rest[j + 1..]);
                        }
                        self.skip_until = None;
                    }
                    None => return out.push_str(&unescape(&text)),
                }
                continue;
            }
            let Some(open) = rest.find('<') else {
                text.push_str(rest);
                break;
            };
            text.push_str(&rest[..open]);
            rest = &rest[open..];
            if rest.starts_with("<!--") {
                self.skip_until = Some("-->");
                rest = &rest[4..];
                continue;
            }
            let starts_tag = rest[1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '/');
            if !starts_tag {
                // A `<` that opens no tag (`a < b`): the reader sees it.
                text.push('<');
                rest = &rest[1..];
                continue;
            }
            let Some(close) = rest.find('>') else {
                // Not a tag after all (a lone `<`): the reader sees it.
                text.push_str(rest);
                break;
            };
            let name = tag_name(&rest[1..close]);
            if !rest[1..].starts_with('/') {
                if name == "script" {
                    self.skip_until = Some("</script");
                } else if name == "style" {
                    self.skip_until = Some("</style");
                }
            }
            if !INLINE.contains(&name.as_str()) {
                text.push(' ');
            }
            rest = &rest[close + 1..];
        }
        out.push_str(&unescape(&text));
    }
}

/// The lowercased name of the tag whose inside (between `<` and `>`) is `inner`.
fn tag_name(inner: &str) -> String {
    inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let h = haystack.as_bytes();
    let n = needle.as_bytes();
    (0..=h.len().checked_sub(n.len())?).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[&str]) -> String {
        let mut r = RawText::default();
        let mut out = String::new();
        for l in lines {
            r.push(l, &mut out);
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn tags_dropped_references_decoded_blocks_separated() {
        assert_eq!(
            text(&["<p>Work&lt;T&gt; is <em>intr</em>usive</p><p>next</p>\n"]),
            "Work<T> is intrusive next"
        );
        assert_eq!(
            text(&[
                "<pre><code class=\"language-rust\">impl WorkItem&lt;0&gt; for X {\n",
                "}\n",
                "</code></pre>\n"
            ]),
            "impl WorkItem<0> for X { }"
        );
    }

    #[test]
    fn comments_scripts_and_styles_are_not_text() {
        assert_eq!(
            text(&[
                "<!-- hidden\n",
                "still hidden -->shown <script>var x = 1;\n",
                "</script><STYLE>p{}</style>too\n"
            ]),
            "shown too"
        );
        assert_eq!(text(&["a < b and c > d"]), "a < b and c > d");
    }

    #[test]
    fn plain_text_reads_raw_html_blocks() {
        let md = "Intro.\n\n<p>More concretely, <code>WorkItem&lt;0&gt;</code> here.</p>\n\
                  <!-- raw HTML omitted -->\n\nEnd with <b>bold</b>.";
        let words: Vec<String> = crate::plain_text(md)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        assert_eq!(
            words.join(" "),
            "Intro. More concretely, WorkItem<0> here. End with bold."
        );
    }
}
