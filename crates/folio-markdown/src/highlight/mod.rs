//! Syntax highlighting for code blocks, at build time, with syntect and two-face's grammars.
//!
//! [`highlight`] turns code into HTML-escaped text with `<span class="hl-…">` around keywords,
//! types, strings, comments and the like; [`spans`] gives the same as byte ranges, and
//! [`write_html`] writes them, for the Markdown renderer.
//!
//! # The library, chosen by measurement
//!
//! Measured in scratch crates on the Rust blog's 900 fenced blocks with a language (162 kB of
//! code), release builds, on this project's 2-core machine (shared with other jobs, so the
//! build is CPU time, user + system, of a cold `cargo build --release`):
//!
//! | highlighter | languages | build (CPU) | the 900 blocks |
//! | --- | --- | --- | --- |
//! | syntect 5.3 + two-face 0.5, Oniguruma | 220 syntaxes (no Liquid, no Go templates) | 47 s | 0.16 s |
//! | the same with fancy-regex (pure Rust) | 213 | 51 s | 1.0 s |
//! | giallo 0.5 (VS Code grammars; EUPL) | 240 (no Go templates) | 55 s | 0.26 s |
//! | inkjet 0.11 (tree-sitter) | 75 (no Java, XML, PowerShell, Liquid) | 158 s | 0.14 s |
//! | arborium 2.18 (tree-sitter) | 112 (no Liquid, no Go templates) | 158 s | 0.39 s |
//!
//! syntect with Oniguruma (a C library, built by `cc` from the crate's bundled source) is the
//! fastest with enough languages; two-face adds bat's syntaxes to syntect's (TOML, TypeScript,
//! Dockerfile, Nix, Terraform, PowerShell, Elixir…). Liquid and Go templates (Jekyll's and
//! Hugo's languages) are three small grammars of our own, in `grammars/`.
//!
//! # Classes, not colours
//!
//! The site's CSP forbids inline styles, so spans carry classes. Rather than syntect's
//! `ClassedHTMLGenerator` (one class per scope atom and one nested span per scope: `<span
//! class="hl-meta hl-function hl-rust">` around `<span class="hl-storage hl-type hl-function
//! hl-rust">fn</span>`…), each token gets the one class of a small set that its scopes map to
//! (`classes`): the HTML stays small and flat (on the Rust blog's blocks, 0.43 MB of HTML for
//! 0.16 MB of code, against 2.9 MB from `ClassedHTMLGenerator`; spans never nest, never span
//! lines, so search marks fit inside them), the sanitizer has thirteen class names to allow, and
//! `style/code.css` colours them for the light and the dark theme with colours checked for
//! contrast.
//!
//! # Guarantees
//!
//! For every input and language: the output with its tags removed and entities decoded is
//! exactly the input; spans never nest or overlap and start and end on character boundaries.
//! A language no grammar knows, or a block a grammar fails on, is plain escaped text.

mod classes;
mod session;
mod syntaxes;

pub use classes::Class;

use syntect::parsing::{ParseState, ScopeStack};
use syntect::util::LinesWithEndings;

/// A classed stretch of code: the bytes `start..end` of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub class: Class,
}

/// The classed stretches of `code` in `lang`, in order; `None` for plain text and languages
/// no grammar knows (and the rare block a grammar fails on).
pub fn spans(lang: &str, code: &str) -> Option<Vec<Span>> {
    let grammar = syntaxes::find(lang)?;
    let shell = syntaxes::SHELLS.contains(&lang.trim().to_ascii_lowercase().as_str());
    if shell && session::is_session(code) {
        let mut failed = false;
        let spans = session::spans(code, |command| {
            lex(&grammar, command).unwrap_or_else(|| {
                failed = true;
                Vec::new()
            })
        });
        return (!failed).then_some(spans);
    }
    lex(&grammar, code)
}

/// Whether a grammar knows `lang` (case-insensitive, with the usual aliases: `rs`, `py`, `yml`,
/// `sh`/`bash`/`console`, `golang`, `ts`, `c++`, `tf`, `kt`…).
pub fn is_known(lang: &str) -> bool {
    syntaxes::find(lang).is_some()
}

/// The names of the languages a code block can be highlighted in.
pub fn language_names() -> Vec<&'static str> {
    syntaxes::language_names()
}

/// `code` as HTML-escaped text with its highlighted spans, ready to go inside `<code>`;
/// `None` when `lang` has no grammar (the caller then shows the code plain).
pub fn highlight(lang: &str, code: &str) -> Option<String> {
    let spans = spans(lang, code)?;
    let mut html = String::with_capacity(code.len() + spans.len() * 28);
    write_html(&mut html, code, &spans);
    Some(html)
}

/// The spans of `code` by `grammar`: one per run of tokens with the same class, each within a
/// line. `None` when the grammar fails (a regex error, an unbalanced scope stack).
fn lex(grammar: &syntaxes::Grammar, code: &str) -> Option<Vec<Span>> {
    let mut state = ParseState::new(grammar.syntax);
    let mut stack = ScopeStack::new();
    let mut runs = Runs::new(code);
    let mut line_start = 0;
    for line in LinesWithEndings::from(code) {
        let ops = state.parse_line(line, grammar.set).ok()?;
        // Spans end before the line's newline (a comment's scope ends after it).
        let text = line.strip_suffix('\n').unwrap_or(line);
        let mut at = 0;
        let mut class = classes::classify(stack.as_slice());
        for (index, op) in ops {
            let end = index.min(text.len());
            runs.add(line_start + at, line_start + end, class);
            at = at.max(end);
            stack.apply(&op).ok()?;
            class = classes::classify(stack.as_slice());
        }
        runs.add(line_start + at, line_start + text.len(), class);
        runs.close();
        line_start += line.len();
    }
    Some(runs.spans)
}

/// Collects classed byte ranges of `code` into spans, merging neighbours of one class.
struct Runs<'a> {
    code: &'a str,
    spans: Vec<Span>,
    open: Option<Span>,
}

impl<'a> Runs<'a> {
    fn new(code: &'a str) -> Self {
        Runs {
            code,
            spans: Vec::new(),
            open: None,
        }
    }

    /// Adds the bytes `start..end`, of `class`. Spans neither start nor end with blanks: some
    /// grammars put the space before a name into its scope (Scala's ` User`), and a
    /// `#include` directive's scope covers the space after the keyword.
    fn add(&mut self, start: usize, end: usize, class: Option<Class>) {
        let text = &self.code[start..end];
        match (&mut self.open, class) {
            (_, _) if text.is_empty() => {}
            (Some(open), Some(class)) if open.class == class && open.end == start => {
                open.end = end;
            }
            (_, Some(class)) if !text.trim().is_empty() => {
                self.close();
                let start = start + (text.len() - text.trim_start().len());
                self.open = Some(Span { start, end, class });
            }
            _ => self.close(),
        }
    }

    fn close(&mut self) {
        if let Some(mut span) = self.open.take() {
            span.end = span.start + self.code[span.start..span.end].trim_end().len();
            self.spans.push(span);
        }
    }
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
pub fn escape_text(out: &mut String, text: &str) {
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html_body_text(out, text);
}
