//! Unified diffs: added and removed lines, and the headers and hunk ranges around them.

use super::cursor::Cursor;
use super::{Class, Span};

pub(super) fn lex(code: &str) -> Vec<Span> {
    let mut c = Cursor::new(code);
    let mut i = 0;
    while i < c.len() {
        let end = c.line_end(i);
        let line = &c.bytes[i..end];
        let class = if [&b"+++"[..], b"---", b"@@", b"diff ", b"index "]
            .iter()
            .any(|p| line.starts_with(p))
        {
            Some(Class::Meta)
        } else if line.starts_with(b"+") {
            Some(Class::Inserted)
        } else if line.starts_with(b"-") {
            Some(Class::Deleted)
        } else {
            None
        };
        if let Some(class) = class {
            c.push(i, end, class);
        }
        i = end + 1;
    }
    c.spans
}
