//! Terminal sessions: a shell block where some line starts with a `$ ` prompt. Those lines (and
//! the lines a trailing `\` continues them onto) are commands, highlighted as shell; their
//! prompt is a [`Class::Prompt`] span, which the stylesheet makes unselectable so that copying
//! gives the commands alone; every other line is output and stays plain. No grammar that comes
//! with syntect or two-face reads sessions, and the rule is short.

use super::classes::Class;
use super::Span;

/// Whether `code` is a session rather than a script: some line is a prompt.
pub fn is_session(code: &str) -> bool {
    code.lines().any(|line| prompt_len(line).is_some())
}

/// The length of the prompt a line starts with: `$ `, or a lone `$`.
fn prompt_len(line: &str) -> Option<usize> {
    if line.starts_with("$ ") {
        Some(2)
    } else if line.trim_end() == "$" {
        Some(1)
    } else {
        None
    }
}

/// The spans of a session: prompts, and the spans `command` gives for each command (the byte
/// range after its prompt, through its continuation lines), shifted to their place in `code`.
pub fn spans(code: &str, mut command: impl FnMut(&str) -> Vec<Span>) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut at = 0;
    while at < code.len() {
        let Some(prompt) = prompt_len(&code[at..line_end(code, at)]) else {
            at = line_end(code, at) + 1; // output
            continue;
        };
        spans.push(Span {
            start: at,
            end: at + prompt,
            class: Class::Prompt,
        });
        let start = at + prompt;
        let mut end = line_end(code, at);
        while end < code.len() && code[start..end].trim_end().ends_with('\\') {
            end = line_end(code, end + 1);
        }
        spans.extend(command(&code[start..end]).into_iter().map(|span| Span {
            start: span.start + start,
            end: span.end + start,
            class: span.class,
        }));
        at = end + 1;
    }
    spans
}

/// Where the line starting at `at` ends (its `\n`, or the end of `code`).
fn line_end(code: &str, at: usize) -> usize {
    code[at..].find('\n').map_or(code.len(), |i| at + i)
}
