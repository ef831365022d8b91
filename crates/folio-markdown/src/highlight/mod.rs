//! Syntax highlighting for code blocks: small hand-written lexers, pure Rust, no dependencies.
//!
//! [`highlight`] turns code into HTML-escaped text with `<span class="hl-…">` around keywords,
//! types, strings, numbers, comments and the like; [`spans`] gives the same as byte ranges, and
//! [`write_html`] writes them, for the Markdown renderer.
//!
//! # Where it runs: at build time, chosen by measurement
//!
//! Highlighting could run in the browser (the app rendering Markdown) or in `folio-build` (the
//! pipeline writing rendered posts). Measured on the release build of the sample site and with
//! `examples/highlight_cost.rs` (gzip -9 and brotli -q 11, as a host would serve them):
//!
//! - in the browser, the lexers add 26.9 kB to the wasm, 11.9 kB gzip (12.0 kB brotli), which
//!   every reader downloads and compiles on their first page, with code on it or not;
//! - at build time they add nothing to the wasm; the span markup adds to the posts with code
//!   only: 0.05 kB gzip per such post in the sample (median; 0.1 kB at most), and over the
//!   Rust blog (217 of 750 posts with code) 0.10 kB gzip median, 0.6 kB at most, +2.8%.
//!
//! So the build highlights (`markdown::code`; the app ships no Markdown renderer at all): the
//! largest article pays a twentieth of what every first load would. The CSS (`style/code.css`,
//! 0.45 kB gzip) is needed either way. Speed: 25 to 50 MB/s of code in a release build, 4 to
//! 6 MB/s in a debug one (Trunk's pre-build hook runs `folio-build` unoptimised): the Rust
//! blog's 165 kB of code take 7 ms, or 40 ms, against 0.2 s, or 1.2 s, for rendering its posts.
//!
//! # Why our own lexers
//!
//! syntect is the usual choice, but it brings a regex engine (Oniguruma in C, or fancy-regex),
//! megabytes of Sublime grammars and inline `style=` output by default; tree-sitter grammars are
//! C. For a blog, a lexer per language family that knows comments, strings, numbers, keywords
//! and a few conventions (a capitalised word is a type, `name(` is a call) reads well, runs in
//! linear time on any input, and is a few hundred lines we can test.
//!
//! # Guarantees
//!
//! For every input and language: no panic, time linear in the input, and the output with its
//! tags removed and entities decoded is exactly the input (tests/highlight.rs checks this on
//! random input). Spans never nest, never overlap, and start and end on character boundaries.

mod c_like;
mod cursor;
mod diff;
mod languages;
mod shell;
mod yaml;

/// What a highlighted stretch of code is; each has one CSS class (`style/code.css`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// Reserved words: `fn`, `public`, `SELECT`, `if`/`fi`.
    Keyword,
    /// Built-in and capitalised type names, table headers in TOML.
    Type,
    /// String and character literals, heredocs, YAML plain values.
    String,
    /// Numbers and constants: `42`, `0xff`, `true`, `null`, `None`.
    Number,
    /// Comments, doc comments included.
    Comment,
    /// Function and macro names where called or defined, commands in shell.
    Function,
    /// Attributes, annotations, decorators, preprocessor directives, YAML anchors and tags.
    Attribute,
    /// Keys in JSON, YAML and TOML.
    Key,
    /// Shell variables and Rust lifetimes.
    Variable,
    /// The `$` prompt of a shell session, YAML document markers.
    Punctuation,
    /// Added lines in a diff.
    Inserted,
    /// Removed lines in a diff.
    Deleted,
    /// Diff headers and hunk ranges.
    Meta,
}

impl Class {
    /// The CSS class the span carries.
    pub fn css(self) -> &'static str {
        match self {
            Class::Keyword => "hl-kw",
            Class::Type => "hl-ty",
            Class::String => "hl-str",
            Class::Number => "hl-num",
            Class::Comment => "hl-com",
            Class::Function => "hl-fn",
            Class::Attribute => "hl-attr",
            Class::Key => "hl-key",
            Class::Variable => "hl-var",
            Class::Punctuation => "hl-punct",
            Class::Inserted => "hl-ins",
            Class::Deleted => "hl-del",
            Class::Meta => "hl-meta",
        }
    }
}

/// A classed stretch of code: the bytes `start..end` of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub class: Class,
}

/// The languages with a lexer (several names each, see [`Language::from_name`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Rust,
    Java,
    Kotlin,
    Go,
    C,
    JavaScript,
    Python,
    Sql,
    Json,
    Toml,
    Yaml,
    Shell,
    Diff,
}

impl Language {
    /// The language a code block's info string names (case-insensitive), with the usual
    /// aliases: `rs`, `py`, `yml`, `sh`/`bash`/`console`, `golang`, `ts`, `c++`, `kt`…
    pub fn from_name(name: &str) -> Option<Language> {
        let mut buf = [0u8; 16];
        let name = name.trim().as_bytes();
        let lower = buf.get_mut(..name.len())?;
        for (to, from) in lower.iter_mut().zip(name) {
            *to = from.to_ascii_lowercase();
        }
        Some(match &*lower {
            b"rust" | b"rs" => Language::Rust,
            b"java" => Language::Java,
            b"kotlin" | b"kt" | b"kts" => Language::Kotlin,
            b"go" | b"golang" => Language::Go,
            b"c" | b"h" | b"cpp" | b"c++" | b"cc" | b"cxx" | b"hpp" => Language::C,
            b"javascript" | b"js" | b"jsx" | b"mjs" | b"cjs" | b"typescript" | b"ts" | b"tsx" => {
                Language::JavaScript
            }
            b"python" | b"py" | b"python3" | b"py3" => Language::Python,
            b"sql" | b"postgresql" | b"postgres" | b"psql" | b"mysql" | b"sqlite" | b"plsql" => {
                Language::Sql
            }
            b"json" | b"jsonc" | b"json5" => Language::Json,
            b"toml" => Language::Toml,
            b"yaml" | b"yml" => Language::Yaml,
            b"sh" | b"bash" | b"shell" | b"zsh" | b"ksh" | b"console" | b"shell-session"
            | b"shellsession" | b"terminal" => Language::Shell,
            b"diff" | b"patch" => Language::Diff,
            _ => return None,
        })
    }
}

/// The classed stretches of `code` in `lang`, in order; `None` for a language without a lexer.
pub fn spans(lang: &str, code: &str) -> Option<Vec<Span>> {
    let language = Language::from_name(lang)?;
    Some(lex(language, code))
}

/// The spans of `code` in `language`: sorted, disjoint, on character boundaries.
pub fn lex(language: Language, code: &str) -> Vec<Span> {
    match language {
        Language::Yaml => yaml::lex(code),
        Language::Shell => shell::lex(code),
        Language::Diff => diff::lex(code),
        other => c_like::lex(languages::rules(other), code),
    }
}

/// `code` as HTML-escaped text with its highlighted spans, ready to go inside `<code>`;
/// `None` when `lang` has no lexer (the caller then shows the code plain).
pub fn highlight(lang: &str, code: &str) -> Option<String> {
    let spans = spans(lang, code)?;
    let mut html = String::with_capacity(code.len() + spans.len() * 28);
    write_html(&mut html, code, &spans);
    Some(html)
}

/// Writes `code` escaped for an element's text, each span as `<span class="…">`. Spans that
/// are out of order, overlap an earlier one or split a character are skipped (their text is
/// written plain), so the text is always written whole and exactly once.
pub fn write_html(out: &mut String, code: &str, spans: &[Span]) {
    let mut at = 0;
    for span in spans {
        let fits = at <= span.start
            && span.start < span.end
            && span.end <= code.len()
            && code.is_char_boundary(span.start)
            && code.is_char_boundary(span.end);
        if !fits {
            continue;
        }
        escape_text(out, &code[at..span.start]);
        out.push_str("<span class=\"");
        out.push_str(span.class.css());
        out.push_str("\">");
        escape_text(out, &code[span.start..span.end]);
        out.push_str("</span>");
        at = span.end;
    }
    escape_text(out, &code[at..]);
}

/// Escapes text for an element's content: `&`, `<` and `>` (quotes need no escaping there, and
/// code has many).
fn escape_text(out: &mut String, text: &str) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(entity);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}
