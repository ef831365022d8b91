//! Raw HTML in Markdown: a small tag tokenizer and the character-reference handling of
//! attribute values. It reads a raw HTML chunk into text, comments (and doctypes, processing
//! instructions, CDATA sections), start tags with their attributes, end tags and stray `<`;
//! what is kept, and how it is written out again, is the policy of [`super::html_allowlist`].

/// A start tag as written: name and attributes in source case, values still escaped.
pub(super) struct StartTag<'a> {
    pub(super) name: &'a str,
    pub(super) attrs: Vec<(&'a str, Option<&'a str>)>,
    pub(super) self_closing: bool,
    /// Bytes from `<` to `>` inclusive.
    pub(super) len: usize,
}

pub(super) enum Token<'a> {
    /// A comment, doctype, processing instruction or CDATA section of this many bytes.
    Ignored(usize),
    Start(StartTag<'a>),
    End {
        name: &'a str,
        len: usize,
    },
    /// A `<` that begins no well-formed tag.
    Malformed,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

fn skip_space(b: &[u8], mut i: usize) -> usize {
    while b.get(i).copied().is_some_and(is_space) {
        i += 1;
    }
    i
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')
}

/// Reads the token `s` starts with; `s` starts with `<`.
pub(super) fn token(s: &str) -> Token<'_> {
    let b = s.as_bytes();
    let until = |from: usize, end: &str| s[from..].find(end).map(|i| from + i + end.len());
    match b.get(1) {
        Some(b'!') if s.starts_with("<!--") => {
            // `<!-->` and `<!--->` are complete (empty) comments to a browser, and `--!>` ends
            // one too. An unterminated comment runs to the end of the chunk.
            if s[4..].starts_with('>') || s[4..].starts_with("->") {
                return Token::Ignored(if b[4] == b'>' { 5 } else { 6 });
            }
            let end = [until(4, "-->"), until(4, "--!>")]
                .into_iter()
                .flatten()
                .min();
            Token::Ignored(end.unwrap_or(s.len()))
        }
        Some(b'!') if s.starts_with("<![CDATA[") => {
            Token::Ignored(until(9, "]]>").unwrap_or(s.len()))
        }
        Some(b'!') => until(2, ">").map_or(Token::Malformed, Token::Ignored),
        // To a browser, `<?…>` is a comment up to the first `>`.
        Some(b'?') => until(2, ">").map_or(Token::Malformed, Token::Ignored),
        Some(b'/') if b.get(2).is_some_and(u8::is_ascii_alphabetic) => {
            let mut i = 3;
            while b.get(i).copied().is_some_and(is_name_byte) {
                i += 1;
            }
            let name = &s[2..i];
            i = skip_space(b, i);
            if b.get(i) == Some(&b'>') {
                Token::End { name, len: i + 1 }
            } else {
                Token::Malformed
            }
        }
        Some(c) if c.is_ascii_alphabetic() => start_tag(s).map_or(Token::Malformed, Token::Start),
        _ => Token::Malformed,
    }
}

/// Parses the start tag `s` starts with, or `None` if it is not well-formed: attributes must
/// be separated by whitespace, names and unquoted values must not hold `<` (names no quotes
/// either), quoted values must close.
fn start_tag(s: &str) -> Option<StartTag<'_>> {
    let b = s.as_bytes();
    let mut i = 1;
    while b.get(i).copied().is_some_and(is_name_byte) {
        i += 1;
    }
    let name = &s[1..i];
    let mut attrs = Vec::new();
    loop {
        let after_space = skip_space(b, i);
        match *b.get(after_space)? {
            b'>' => {
                return Some(StartTag {
                    name,
                    attrs,
                    self_closing: false,
                    len: after_space + 1,
                })
            }
            b'/' if b.get(after_space + 1) == Some(&b'>') => {
                return Some(StartTag {
                    name,
                    attrs,
                    self_closing: true,
                    len: after_space + 2,
                })
            }
            _ if after_space == i => return None,
            _ => {}
        }
        i = after_space;
        let attr_start = i;
        while let Some(&c) = b.get(i) {
            if is_space(c) || matches!(c, b'/' | b'>' | b'=') {
                break;
            }
            if matches!(c, b'"' | b'\'' | b'<') {
                return None;
            }
            i += 1;
        }
        if i == attr_start {
            return None;
        }
        let attr = &s[attr_start..i];
        let eq = skip_space(b, i);
        let mut value = None;
        if b.get(eq) == Some(&b'=') {
            let v = skip_space(b, eq + 1);
            match *b.get(v)? {
                q @ (b'"' | b'\'') => {
                    let close = v + 1 + s[v + 1..].find(char::from(q))?;
                    value = Some(&s[v + 1..close]);
                    i = close + 1;
                }
                b'>' => return None,
                _ => {
                    let mut end = v;
                    // Browsers also take `<` here; stopping at it makes `<a x=<b>` malformed.
                    while b
                        .get(end)
                        .is_some_and(|&c| !is_space(c) && c != b'>' && c != b'<')
                    {
                        end += 1;
                    }
                    value = Some(&s[v..end]);
                    i = end;
                }
            }
        }
        attrs.push((attr, value));
    }
}

/// Bytes of `rest` up to and including the end tag `</name…>` (any case), or all of it.
pub(super) fn skip_content(rest: &str, name: &str) -> usize {
    let mut from = 0;
    while let Some(at) = rest[from..].find("</").map(|i| from + i) {
        let after = at + 2 + name.len();
        let named = rest
            .get(at + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name));
        let ends = rest
            .as_bytes()
            .get(after)
            .is_some_and(|&c| is_space(c) || matches!(c, b'/' | b'>'));
        if named && ends {
            return rest[after..]
                .find('>')
                .map_or(rest.len(), |i| after + i + 1);
        }
        from = at + 2;
    }
    rest.len()
}

/// Length of the character reference `s` starts with (`&amp;`, `&#106;`, `&#x6A;`), if it is
/// complete, semicolon included.
fn reference_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let (first, digit): (usize, fn(&u8) -> bool) = match (b.get(1), b.get(2)) {
        (Some(b'#'), Some(b'x' | b'X')) => (3, u8::is_ascii_hexdigit),
        (Some(b'#'), _) => (2, u8::is_ascii_digit),
        (Some(c), _) if c.is_ascii_alphabetic() => (1, u8::is_ascii_alphanumeric),
        _ => return None,
    };
    let mut i = first;
    while b.get(i).is_some_and(digit) {
        i += 1;
    }
    (i > first && b.get(i) == Some(&b';')).then_some(i + 1)
}

/// An attribute value as written, ready to go between double quotes: `"`, `<`, `>` and every `&`
/// that does not begin a complete character reference are escaped; references are kept.
pub(super) fn normalise(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut last = 0;
    for (i, c) in value.bytes().enumerate() {
        let rep = match c {
            b'"' => "&quot;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'&' if reference_len(&value[i..]).is_none() => "&amp;",
            _ => continue,
        };
        out.push_str(&value[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&value[last..]);
    out
}

/// A [`normalise`]d value as the browser reads it, as far as a URL scheme check cares: numeric
/// references and the named ones that spell scheme characters (`&colon;`, `&Tab;`, ...) are
/// decoded. No named reference stands for an ASCII letter or digit, so the others can stay:
/// their `&` is not a scheme character, and neither is what the browser makes of them.
pub(super) fn decode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(len) = reference_len(rest) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..len - 1];
        if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16),
                None => num.parse(),
            };
            let c = code.ok().and_then(char::from_u32).filter(|&c| c != '\0');
            out.push(c.unwrap_or('\u{FFFD}'));
        } else {
            out.push_str(match name {
                "Tab" => "\t",
                "NewLine" => "\n",
                "colon" => ":",
                "plus" => "+",
                "period" => ".",
                "fjlig" => "fj",
                "amp" => "&",
                _ => &rest[..len],
            });
        }
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html_allowlist::clean;

    #[test]
    fn references_are_kept_and_bare_ampersands_escaped() {
        assert_eq!(
            normalise("a&amp;b&c&#38;&#x26;&#;&x=\"<>"),
            "a&amp;b&amp;c&#38;&#x26;&amp;#;&amp;x=&quot;&lt;&gt;"
        );
        assert_eq!(
            decode("&#106;ava&#X73;cript&colon;&Tab;&NewLine;&amp;&lt;&#0;&#99999999999;"),
            "javascript:\t\n&&lt;\u{FFFD}\u{FFFD}"
        );
    }

    #[test]
    fn tokens() {
        assert_eq!(clean("<!-->a<!--->b<!-- x --!>c<!-- open"), "abc");
        assert_eq!(clean("<!DOCTYPE html><?php x ?>a<![CDATA[<b>]]>b"), "ab");
        assert_eq!(clean("a < b <! c"), "a &lt; b &lt;! c");
        assert_eq!(clean("<b >x</b\n>"), "<b>x</b>");
        assert_eq!(
            clean("<b class=x title = 'y'>"),
            "<b class=\"x\" title=\"y\">"
        );
        assert_eq!(clean("<b class=\"x\"title=y>"), "&lt;b class=\"x\"title=y>");
        assert_eq!(clean("<b a=>"), "&lt;b a=>");
        assert_eq!(clean("<b class=\"x>"), "&lt;b class=\"x>");
        assert_eq!(clean("<br class=x/>"), "<br class=\"x/\" />");
    }

    #[test]
    fn skipped_content_ends_at_its_own_end_tag() {
        assert_eq!(clean("a<script>x</scripty></script >b"), "ab");
        assert_eq!(clean("a<STYLE>x</style"), "a");
        assert_eq!(clean("a<svg><text>t</text></svg>b"), "ab");
    }
}
