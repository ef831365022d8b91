//! One table-driven lexer for the languages made of identifiers, quoted literals, numbers and
//! comments: Rust, Java, Kotlin, Go, C/C++, JavaScript/TypeScript, Python, SQL, JSON and TOML.
//! What differs between them is data ([`Rules`], filled in by `languages.rs`).

mod literals;

use super::cursor::{contains, is_ident, is_ident_start, Cursor};
use super::{Class, Span};

/// What `'` opens.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum SingleQuote {
    /// A string, like `"` (JavaScript, Python, SQL, TOML).
    String,
    /// A character literal `'a'`, `'\n'` (Java, C, Go, Kotlin); otherwise plain.
    Char,
    /// A character literal or a lifetime `'a` (Rust).
    CharOrLifetime,
    /// Nothing (JSON).
    Plain,
}

/// What a backtick opens.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Backtick {
    Plain,
    /// A string over lines: Go raw strings (no escapes), JavaScript templates (escapes).
    String {
        escapes: bool,
    },
    /// A quoted name, shown plain so its words are not taken for keywords (Kotlin, MySQL).
    Name,
}

/// Letters that may stand before a quote and make it a string of another kind.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Prefixes {
    None,
    /// `b"…"`, `b'x'`, `c"…"`, raw `r"…"`, `r#"…"#`, `br##"…"##`; and raw identifiers `r#type`.
    Rust,
    /// Any of `r`, `b`, `u`, `f` (up to two, any case) before `'` or `"`.
    Python,
    /// `u8"…"`, `L'x'`, and raw strings `R"delim(…)delim"`.
    Cpp,
}

/// How a language marks attributes or annotations.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Attributes {
    None,
    /// `@Name`, `@a.b` (Java, Kotlin, TypeScript, Python decorators).
    At,
    /// `#[path` and `#![path` (Rust): the opening and the attribute's name.
    Rust,
    /// `#include`, `#define` at the start of a line (C).
    Preprocessor,
}

/// Which literals are keys.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Keys {
    None,
    /// A string followed by `:` (JSON).
    BeforeColon,
    /// A bare or quoted name followed by `=` or `.`, and `[table]` lines (TOML).
    BeforeEquals,
}

pub(super) struct Rules {
    /// Sorted; lower case when `fold_case`.
    pub keywords: &'static [&'static str],
    /// Built-in type names, sorted.
    pub types: &'static [&'static str],
    /// `true`, `null`, `None`…, shown as numbers; sorted.
    pub constants: &'static [&'static str],
    /// Keywords after which the next name is a function (`fn`, `def`) or a type (`struct`).
    pub function_keywords: &'static [&'static str],
    pub type_keywords: &'static [&'static str],
    /// Keywords are matched ignoring case (SQL).
    pub fold_case: bool,
    pub line_comments: &'static [&'static str],
    pub block_comment: Option<(&'static str, &'static str)>,
    /// Block comments nest (Rust, Kotlin).
    pub nested_comments: bool,
    pub single_quote: SingleQuote,
    /// `"` opens a string (it is a quoted name in SQL: shown plain).
    pub double_quote_string: bool,
    pub backtick: Backtick,
    /// `"""` strings (Java, Kotlin), and `'''` too when `'` is a string (Python, TOML).
    pub triple_quotes: bool,
    /// Backslash escapes in strings (not in SQL).
    pub escapes: bool,
    /// A doubled quote stays inside the string (SQL `'it''s'`).
    pub doubled_quotes: bool,
    /// `'…'` strings take no escapes (TOML).
    pub literal_single_quotes: bool,
    /// Strings may run over lines (Rust, SQL); elsewhere an unclosed quote ends at the line end.
    pub multiline_strings: bool,
    pub prefixes: Prefixes,
    pub attributes: Attributes,
    /// `name!` is a macro call (Rust).
    pub macros: bool,
    /// A capitalised name (`HashMap`, `T`) is a type.
    pub capitalised_types: bool,
    /// Extra identifier bytes: `$` in JavaScript, `-` in TOML keys.
    pub ident_extra: &'static [u8],
    pub keys: Keys,
}

struct Lexer<'a, 'r> {
    c: Cursor<'a>,
    rules: &'r Rules,
    /// Set by `fn`, `struct`…: the class of the next name, if it comes right after.
    next_name: Option<Class>,
    /// Whether only whitespace stands between the line's start and the current byte.
    line_start: bool,
}

pub(super) fn lex(rules: &Rules, code: &str) -> Vec<Span> {
    let mut lexer = Lexer {
        c: Cursor::new(code),
        rules,
        next_name: None,
        line_start: true,
    };
    lexer.run();
    lexer.c.spans
}

impl Lexer<'_, '_> {
    fn run(&mut self) {
        let mut i = 0;
        while i < self.c.len() {
            let b = self.c.bytes[i];
            if b == b'\n' {
                self.line_start = true;
                i += 1;
                continue;
            }
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let at_line_start = self.line_start;
            self.line_start = false;
            let next_name = self.next_name.take();
            i = self.token(i, b, at_line_start, next_name);
        }
    }

    /// Lexes the token at `i` (not whitespace) and returns where the next one starts.
    fn token(&mut self, i: usize, b: u8, line_start: bool, next_name: Option<Class>) -> usize {
        let r = self.rules;
        if let Some(end) = self.comment(i) {
            self.c.push(i, end, Class::Comment);
            return end;
        }
        if let Some(end) = self.attribute(i, b, line_start) {
            return end;
        }
        if r.keys == Keys::BeforeEquals && line_start && b == b'[' {
            let end = self.c.line_end(i);
            let close = self.c.bytes[i..end].iter().rposition(|&b| b == b']');
            let end = close.map_or(end, |p| i + p + 1);
            self.c.push(i, end, Class::Type);
            return end;
        }
        if let Some(end) = self.string(i, b) {
            let class = if self.is_key(end) {
                Class::Key
            } else {
                Class::String
            };
            self.c.push(i, end, class);
            return end;
        }
        // A quoted name (SQL "column", Kotlin `a test`): plain, but its words are no keywords.
        if (b == b'"' && !r.double_quote_string) || (b == b'`' && r.backtick == Backtick::Name) {
            return self.c.quoted_end(i, &[b], false, true, false);
        }
        if b == b'\''
            && r.single_quote == SingleQuote::CharOrLifetime
            && is_ident_start(self.c.at(i + 1))
        {
            let end = self.c.ident_end(i + 1, b"");
            self.c.push(i, end, Class::Variable);
            return end;
        }
        if b.is_ascii_digit()
            || (b == b'.' && self.c.at(i + 1).is_ascii_digit() && !self.after_name(i))
        {
            let mut end = self.c.number_end(i);
            // TOML dates and times are values too: 1979-05-27T07:32:00-08:00.
            while r.keys == Keys::BeforeEquals
                && matches!(self.c.at(end), b'-' | b':')
                && self.c.at(end + 1).is_ascii_digit()
            {
                end = self.c.number_end(end + 1);
            }
            self.c.push(i, end, Class::Number);
            return end;
        }
        if is_ident_start(b) || (r.ident_extra.contains(&b) && b != b'-') {
            return self.name(i, next_name);
        }
        self.c.next_char(i)
    }

    /// A line or block comment at `i`: where it ends.
    fn comment(&self, i: usize) -> Option<usize> {
        let r = self.rules;
        if r.line_comments
            .iter()
            .any(|p| self.c.starts_with(i, p.as_bytes()))
        {
            return Some(self.c.line_end(i));
        }
        let (open, close) = r.block_comment?;
        let (open, close) = (open.as_bytes(), close.as_bytes());
        if !self.c.starts_with(i, open) {
            return None;
        }
        if !r.nested_comments {
            return Some(self.c.find_end(i + open.len(), close));
        }
        let mut depth = 0usize;
        let mut j = i;
        while j < self.c.len() {
            if self.c.starts_with(j, open) {
                depth += 1;
                j += open.len();
            } else if self.c.starts_with(j, close) {
                depth -= 1;
                j += close.len();
                if depth == 0 {
                    return Some(j);
                }
            } else {
                j += 1;
            }
        }
        Some(self.c.len())
    }

    /// An attribute or annotation at `i`: pushes it and returns where it ends.
    fn attribute(&mut self, i: usize, b: u8, line_start: bool) -> Option<usize> {
        let end = match self.rules.attributes {
            Attributes::At if b == b'@' && is_ident_start(self.c.at(i + 1)) => {
                self.path_end(i + 1, b".")
            }
            Attributes::Rust if b == b'#' && self.c.at(i + 1) == b'[' => self.path_end(i + 2, b":"),
            Attributes::Rust if self.c.starts_with(i, b"#![") => self.path_end(i + 3, b":"),
            Attributes::Preprocessor if b == b'#' && line_start => {
                let mut j = i + 1;
                while matches!(self.c.at(j), b' ' | b'\t') {
                    j += 1;
                }
                let end = self.c.ident_end(j, b"");
                self.c.push(i, end, Class::Attribute);
                // `#include <stdio.h>`: the header name is a string.
                let mut k = end;
                while matches!(self.c.at(k), b' ' | b'\t') {
                    k += 1;
                }
                if &self.c.bytes[j..end] == b"include" && self.c.at(k) == b'<' {
                    let close = self.c.quoted_end(k, b">", false, false, false);
                    self.c.push(k, close, Class::String);
                    return Some(close);
                }
                return Some(end);
            }
            _ => return None,
        };
        self.c.push(i, end, Class::Attribute);
        Some(end)
    }

    /// Just past a name made of identifiers joined by `separator` bytes (`a.b`, `serde::x`).
    fn path_end(&self, i: usize, separator: &[u8]) -> usize {
        let mut j = self.c.ident_end(i, b"");
        while separator.contains(&self.c.at(j)) {
            let mut k = j;
            while separator.contains(&self.c.at(k)) {
                k += 1;
            }
            if !is_ident_start(self.c.at(k)) {
                break;
            }
            j = self.c.ident_end(k, b"");
        }
        j
    }

    /// Whether the literal ending at `end` is a key: followed by `:` (JSON) or `=`/`.` (TOML).
    fn is_key(&self, end: usize) -> bool {
        let mut j = end;
        while matches!(self.c.at(j), b' ' | b'\t') {
            j += 1;
        }
        match self.rules.keys {
            Keys::None => false,
            Keys::BeforeColon => self.c.at(j) == b':',
            Keys::BeforeEquals => matches!(self.c.at(j), b'=' | b'.') && self.c.at(j + 1) != b'=',
        }
    }

    /// Whether the byte before `i` ends a name or number (`x.0`, `1.2.3` are not `.0` floats).
    fn after_name(&self, i: usize) -> bool {
        i > 0 && (is_ident(self.c.bytes[i - 1]) || self.c.bytes[i - 1] == b'.')
    }

    /// An identifier at `i`: keyword, constant, type, function, macro, key or plain.
    fn name(&mut self, i: usize, next_name: Option<Class>) -> usize {
        let r = self.rules;
        // Rust raw identifiers: `r#type` is a name, not a keyword.
        if r.prefixes == Prefixes::Rust
            && self.c.starts_with(i, b"r#")
            && is_ident_start(self.c.at(i + 2))
        {
            return self.c.ident_end(i + 2, b"");
        }
        let end = self.c.ident_end(i, r.ident_extra);
        let word = &self.c.bytes[i..end];
        let class = if r.keys == Keys::BeforeEquals && self.is_key(end) {
            Some(Class::Key)
        } else if contains(r.keywords, word, r.fold_case) {
            if contains(r.function_keywords, word, r.fold_case) {
                self.next_name = Some(Class::Function);
            } else if contains(r.type_keywords, word, r.fold_case) {
                self.next_name = Some(Class::Type);
            }
            Some(Class::Keyword)
        } else if contains(r.constants, word, r.fold_case) {
            Some(Class::Number)
        } else if contains(r.types, word, r.fold_case) {
            Some(Class::Type)
        } else if next_name.is_some() {
            next_name
        } else if r.macros && self.c.at(end) == b'!' && self.c.at(end + 1) != b'=' {
            self.c.push(i, end + 1, Class::Function);
            return end + 1;
        } else if r.capitalised_types && is_capitalised(word) {
            Some(Class::Type)
        } else if self.c.at(end) == b'(' {
            Some(Class::Function)
        } else {
            None
        };
        if let Some(class) = class {
            self.c.push(i, end, class);
        }
        end
    }
}

/// `HashMap`, `String`, `T`: an upper-case letter first, then a lower-case one or nothing
/// (`MAX_LEN` and `HTTP` are constants, not types).
fn is_capitalised(word: &[u8]) -> bool {
    word.first().is_some_and(u8::is_ascii_uppercase)
        && (word.len() == 1 || word.iter().any(u8::is_ascii_lowercase))
}
