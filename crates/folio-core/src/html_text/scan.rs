//! Splitting HTML into text and markup, and reading start tags' attributes.

use std::ops::Range;

/// A run of an HTML string: text (still escaped) or markup (a tag, comment, doctype, or the
/// content of a raw-text element such as `<script>`, which is not text a reader sees).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Markup(&'a str),
}

/// The pieces of `html` in order; concatenated they give `html` back exactly.
pub fn pieces(html: &str) -> Pieces<'_> {
    Pieces {
        rest: html,
        raw_text: None,
    }
}

/// Iterator returned by [`pieces`].
pub struct Pieces<'a> {
    rest: &'a str,
    /// Inside a raw-text element: its name, so its content runs to `</name`.
    raw_text: Option<&'static str>,
}

/// Elements whose content is not markup (the browser reads it up to the end tag).
const RAW_TEXT: [&str; 4] = ["script", "style", "textarea", "title"];

impl<'a> Iterator for Pieces<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        if self.rest.is_empty() {
            return None;
        }
        if let Some(name) = self.raw_text.take() {
            let len = find_end_tag(self.rest, name).unwrap_or(self.rest.len());
            if len > 0 {
                return Some(Piece::Markup(self.take(len)));
            }
        }
        if let Some(len) = markup_len(self.rest) {
            let markup = self.take(len);
            if let Some(tag) = StartTag::parse(markup) {
                self.raw_text = RAW_TEXT
                    .into_iter()
                    .find(|n| tag.name.eq_ignore_ascii_case(n));
            }
            return Some(Piece::Markup(markup));
        }
        // Text runs up to the next `<` that starts markup (a stray `<` is text).
        let mut from = 0;
        let len = loop {
            match self.rest[from..].find('<') {
                Some(i) if from + i > 0 && markup_len(&self.rest[from + i..]).is_some() => {
                    break from + i
                }
                Some(i) => from += i + 1,
                None => break self.rest.len(),
            }
        };
        Some(Piece::Text(self.take(len)))
    }
}

impl<'a> Pieces<'a> {
    fn take(&mut self, len: usize) -> &'a str {
        let (piece, rest) = self.rest.split_at(len);
        self.rest = rest;
        piece
    }
}

/// Byte offset of `</name` (any case) in `s`.
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    let lower = s.to_ascii_lowercase();
    lower.find(&format!("</{name}"))
}

/// Length of the markup `s` starts with: a tag (quoted attribute values may hold `>`), a
/// comment, or `<!…>`/`<?…>`; `None` when `s` does not start markup. Unterminated markup runs to
/// the end, so nothing after it is ever taken for text.
fn markup_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.first() != Some(&b'<') {
        return None;
    }
    match b.get(1) {
        Some(b'!') if s.starts_with("<!--") => {
            Some(s[4..].find("-->").map_or(s.len(), |i| 4 + i + 3))
        }
        Some(b'!' | b'?') => Some(s.find('>').map_or(s.len(), |i| i + 1)),
        Some(b'/') if b.get(2).is_some_and(u8::is_ascii_alphabetic) => {
            Some(s.find('>').map_or(s.len(), |i| i + 1))
        }
        Some(c) if c.is_ascii_alphabetic() => {
            // A quote opens a quoted value only right after `=` (spaces aside), as in HTML.
            let mut quote = None;
            let mut after_equals = false;
            for (i, &c) in b.iter().enumerate().skip(1) {
                match (quote, c) {
                    (Some(q), _) if c == q => (quote, after_equals) = (None, false),
                    (Some(_), _) => {}
                    (None, b'"' | b'\'') if after_equals => quote = Some(c),
                    (None, b'>') => return Some(i + 1),
                    (None, b'=') => after_equals = true,
                    (None, c) if c.is_ascii_whitespace() => {}
                    (None, _) => after_equals = false,
                }
            }
            Some(s.len())
        }
        _ => None,
    }
}

/// One attribute of a start tag; `value` is as written (still escaped, without quotes) and
/// `value_span` its byte range in the tag, empty at the name's end when there is no value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attr<'a> {
    pub name: &'a str,
    pub value: Option<&'a str>,
    pub value_span: Range<usize>,
}

/// A start tag's name and attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StartTag<'a> {
    pub name: &'a str,
    pub attrs: Vec<Attr<'a>>,
}

impl<'a> StartTag<'a> {
    /// Reads a start tag (`<name attr="v" …>` or `…/>`); `None` for any other markup.
    pub fn parse(markup: &'a str) -> Option<StartTag<'a>> {
        let b = markup.as_bytes();
        if b.first() != Some(&b'<') || !b.get(1).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let is_name = |c: u8| !c.is_ascii_whitespace() && !matches!(c, b'/' | b'>' | b'=');
        let mut i = 1;
        while b.get(i).copied().is_some_and(is_name) {
            i += 1;
        }
        let name = &markup[1..i];
        let mut attrs = Vec::new();
        loop {
            while b
                .get(i)
                .is_some_and(|c| c.is_ascii_whitespace() || *c == b'/')
            {
                i += 1;
            }
            if b.get(i).is_none_or(|&c| c == b'>') {
                break;
            }
            let start = i;
            while b.get(i).copied().is_some_and(is_name) {
                i += 1;
            }
            let attr_name = &markup[start..i.max(start + 1).min(b.len())];
            i = i.max(start + 1);
            let mut j = i;
            while b.get(j).is_some_and(u8::is_ascii_whitespace) {
                j += 1;
            }
            if b.get(j) != Some(&b'=') {
                attrs.push(Attr {
                    name: attr_name,
                    value: None,
                    value_span: i..i,
                });
                continue;
            }
            j += 1;
            while b.get(j).is_some_and(u8::is_ascii_whitespace) {
                j += 1;
            }
            let (span, next) = match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = markup[j + 1..]
                        .find(char::from(q))
                        .map_or(b.len(), |k| j + 1 + k);
                    (j + 1..end, (end + 1).min(b.len()))
                }
                _ => {
                    let mut end = j;
                    while b
                        .get(end)
                        .is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>')
                    {
                        end += 1;
                    }
                    (j..end, end)
                }
            };
            attrs.push(Attr {
                name: attr_name,
                value: Some(&markup[span.clone()]),
                value_span: span,
            });
            i = next;
        }
        Some(StartTag { name, attrs })
    }

    /// The attribute named `name` (ASCII case-insensitive).
    pub fn attr(&self, name: &str) -> Option<&Attr<'a>> {
        self.attrs
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case(name))
    }
}
