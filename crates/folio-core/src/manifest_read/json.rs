//! A small JSON parser: text in, a borrowed tree of values out.
//!
//! The app's one JSON file is the manifest (`manifest.json`, 170 kB for the 750 posts of the
//! Rust blog). Parsed here, in wasm, it costs a couple of milliseconds; `JSON.parse` followed by
//! reading every field across the JS boundary cost about 35 ms on a phone-speed CPU, in the task
//! that draws the first page. serde_json would do the same job at the cost of much more wasm.
//!
//! It accepts exactly RFC 8259 JSON. Numbers are kept as their text and read by the caller
//! (the manifest has only whole numbers); strings without escapes borrow from the input.

use std::borrow::Cow;

/// A parsed JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// The number as written (valid JSON number syntax).
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Members in the order written.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// Where the text stops being JSON, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
}

/// Arrays and objects nested deeper than this are refused (a bound on the parser's stack).
const MAX_DEPTH: usize = 128;

/// Parses `text` as one JSON value (surrounded by whitespace only).
pub fn parse(text: &str) -> Result<Value<'_>, SyntaxError> {
    let mut parser = Parser { text, at: 0 };
    let value = parser.value(0);
    let value = value.and_then(|v| {
        parser.skip_whitespace();
        if parser.at == text.len() {
            Ok(v)
        } else {
            Err("unexpected text after the value")
        }
    });
    value.map_err(|message| {
        let before = &text.as_bytes()[..parser.at.min(text.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = text[line_start..parser.at.min(text.len())].chars().count() + 1;
        SyntaxError {
            line,
            column,
            message,
        }
    })
}

struct Parser<'a> {
    text: &'a str,
    /// Byte offset of the next character.
    at: usize,
}

type Parsed<T> = Result<T, &'static str>;

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Consumes `word` if the text continues with it.
    fn eat(&mut self, word: &str) -> bool {
        let found = self.text[self.at..].starts_with(word);
        if found {
            self.at += word.len();
        }
        found
    }

    fn value(&mut self, depth: usize) -> Parsed<Value<'a>> {
        if depth > MAX_DEPTH {
            return Err("nested too deeply");
        }
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ if self.eat("null") => Ok(Value::Null),
            _ if self.eat("true") => Ok(Value::Bool(true)),
            _ if self.eat("false") => Ok(Value::Bool(false)),
            None => Err("unexpected end of the text"),
            _ => Err("expected a value"),
        }
    }

    fn array(&mut self, depth: usize) -> Parsed<Value<'a>> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.eat("]") {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_whitespace();
            if self.eat("]") {
                return Ok(Value::Array(items));
            }
            if !self.eat(",") {
                return Err("expected `,` or `]`");
            }
        }
    }

    fn object(&mut self, depth: usize) -> Parsed<Value<'a>> {
        self.at += 1;
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.eat("}") {
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err("expected a key (a string)");
            }
            let key = self.string()?;
            self.skip_whitespace();
            if !self.eat(":") {
                return Err("expected `:`");
            }
            members.push((key, self.value(depth + 1)?));
            self.skip_whitespace();
            if self.eat("}") {
                return Ok(Value::Object(members));
            }
            if !self.eat(",") {
                return Err("expected `,` or `}`");
            }
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Parsed<Value<'a>> {
        let start = self.at;
        self.eat("-");
        let digits = |p: &mut Self| {
            let from = p.at;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.at += 1;
            }
            p.at - from
        };
        let whole_start = self.at;
        match digits(self) {
            0 => return Err("expected a digit"),
            n if n > 1 && self.text.as_bytes()[whole_start] == b'0' => {
                self.at = whole_start + 1;
                return Err("a number cannot start with 0");
            }
            _ => {}
        }
        if self.eat(".") && digits(self) == 0 {
            return Err("expected a digit after `.`");
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if !self.eat("+") {
                self.eat("-");
            }
            if digits(self) == 0 {
                return Err("expected a digit in the exponent");
            }
        }
        Ok(Value::Number(&self.text[start..self.at]))
    }

    fn string(&mut self) -> Parsed<Cow<'a, str>> {
        self.at += 1;
        let start = self.at;
        let bytes = self.text.as_bytes();
        // Most strings have no escapes: borrowed as they are.
        while let Some(&b) = bytes.get(self.at) {
            match b {
                b'"' => {
                    self.at += 1;
                    return Ok(Cow::Borrowed(&self.text[start..self.at - 1]));
                }
                b'\\' => break,
                0..=0x1f => return Err("a control character must be escaped in a string"),
                _ => self.at += 1,
            }
        }
        let mut out = String::from(&self.text[start..self.at]);
        loop {
            // A run of plain characters up to the next quote or backslash.
            let run = self.at;
            while let Some(&b) = bytes.get(self.at) {
                match b {
                    b'"' | b'\\' => break,
                    0..=0x1f => return Err("a control character must be escaped in a string"),
                    _ => self.at += 1,
                }
            }
            out.push_str(&self.text[run..self.at]);
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(_) => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                None => return Err("unterminated string"),
            }
        }
    }

    /// The character an escape (after its backslash) stands for.
    fn escape(&mut self) -> Parsed<char> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                let first = self.hex4()?;
                return match first {
                    0xD800..=0xDBFF => {
                        if !self.eat("\\u") {
                            return Err("a lone surrogate in a \\u escape");
                        }
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err("a lone surrogate in a \\u escape");
                        }
                        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                        char::from_u32(code).ok_or("an invalid \\u escape")
                    }
                    0xDC00..=0xDFFF => Err("a lone surrogate in a \\u escape"),
                    _ => char::from_u32(first).ok_or("an invalid \\u escape"),
                };
            }
            _ => return Err("an unknown escape in a string"),
        };
        self.at += 1;
        Ok(c)
    }

    fn hex4(&mut self) -> Parsed<u32> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or("expected four hex digits after \\u")?;
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| "expected four hex digits after \\u")
    }
}
