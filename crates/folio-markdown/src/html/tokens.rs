//! HTML read into a flat list of tokens by html5ever's tokenizer (the HTML standard's, with its
//! full character-reference table), and written back. Every build-time pass over finished HTML
//! (asset links, feed URLs, plain text, page navigation) edits this list, so none of them scans
//! HTML by hand and all of them see text and attribute values decoded, as a browser does.
//!
//! The input these passes get is the sanitizer's output: a balanced tree with no comments,
//! scripts or other raw-text elements, which is exactly what a tokenizer without a tree builder
//! reads correctly. The writer escapes every text and attribute value it writes with the
//! escapers pulldown-cmark's own writer uses, so no edit can introduce markup.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token as Html5Token, TokenSink, TokenSinkResult, Tokenizer,
};

use pulldown_cmark_escape::{escape_html, escape_html_body_text};

/// One token of an HTML fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    Start(StartTag),
    /// An end tag, by its (lowercase) name.
    End(String),
    /// Text as the reader sees it: character references decoded.
    Text(String),
}

/// A start tag: lowercase name, attributes in order with decoded values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StartTag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

impl StartTag {
    /// The value of the attribute `name` (lowercase).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Sets `name` to `value`, in place if present, else at the end.
    pub fn set_attr(&mut self, name: &str, value: String) {
        match self.attrs.iter_mut().find(|(n, _)| n == name) {
            Some((_, v)) => *v = value,
            None => self.attrs.push((name.to_owned(), value)),
        }
    }

    /// Whether the `class` attribute holds `class` as one of its words.
    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|v| v.split_ascii_whitespace().any(|c| c == class))
    }
}

/// Elements that never have content or an end tag.
pub const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Whether `name` is a void element.
pub fn is_void(name: &str) -> bool {
    VOID.contains(&name)
}

struct Sink(RefCell<Vec<Token>>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Html5Token, _line: u64) -> TokenSinkResult<()> {
        let mut tokens = self.0.borrow_mut();
        match token {
            Html5Token::TagToken(tag) => {
                let name = tag.name.to_string();
                tokens.push(match tag.kind {
                    TagKind::StartTag => Token::Start(StartTag {
                        name,
                        attrs: tag
                            .attrs
                            .into_iter()
                            .map(|a| (a.name.local.to_string(), a.value.to_string()))
                            .collect(),
                    }),
                    TagKind::EndTag => Token::End(name),
                });
            }
            Html5Token::CharacterTokens(text) => match tokens.last_mut() {
                Some(Token::Text(last)) => last.push_str(&text),
                _ => tokens.push(Token::Text(text.to_string())),
            },
            // Comments and doctypes are not content; a NUL is not text a reader sees.
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The tokens of `html`, adjacent text merged.
pub fn tokenize(html: &str) -> Vec<Token> {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(Sink(RefCell::new(Vec::new())), Default::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.take()
}

/// Writes `tokens` as HTML: every value double-quoted, text and values escaped, void elements
/// closed with ` />`.
pub fn serialize(tokens: &[Token]) -> String {
    let mut out = String::new();
    for token in tokens {
        write_token(&mut out, token);
    }
    out
}

/// Appends one token to `out` (see [`serialize`]).
pub fn write_token(out: &mut String, token: &Token) {
    match token {
        Token::Start(tag) => {
            out.push('<');
            out.push_str(&tag.name);
            for (name, value) in &tag.attrs {
                out.push(' ');
                out.push_str(name);
                out.push_str("=\"");
                let _ = escape_html(&mut *out, value);
                out.push('"');
            }
            // As pulldown-cmark writes them: readable as XHTML too, the same to HTML.
            out.push_str(if is_void(&tag.name) { " />" } else { ">" });
        }
        Token::End(name) => {
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
        Token::Text(text) => {
            let _ = escape_html_body_text(&mut *out, text);
        }
    }
}

/// `html` with each token passed through `edit`, which pushes what to write instead: the token
/// itself (changed or not), nothing, or more tokens around it.
pub fn rewrite(html: &str, mut edit: impl FnMut(Token, &mut Vec<Token>)) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut written = Vec::new();
    for token in tokenize(html) {
        edit(token, &mut written);
        for token in written.drain(..) {
            write_token(&mut out, &token);
        }
    }
    out
}
