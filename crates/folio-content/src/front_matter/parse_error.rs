//! Parser errors turned into `ParseError`s whose lines and messages point into the file.

use super::super::error::line_at;
use super::RawFrontMatter;

/// The front matter did not parse; `line` is a file line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: Option<usize>,
    pub message: String,
}

/// toml's short message does not say which key it is about, so quote the line it points at.
pub(super) fn toml_error(raw: &RawFrontMatter<'_>, error: &toml::de::Error) -> ParseError {
    let mut message = error.message().trim_end().to_owned();
    let Some(span) = error.span() else {
        return ParseError {
            line: None,
            message,
        };
    };
    // `get` rather than indexing: a span off a char boundary must not turn an error into a panic.
    let before = raw.text.get(..span.start).unwrap_or_default();
    let after = raw.text.get(span.start..).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let source_line = format!(
        "{}{}",
        &before[line_start..],
        after.lines().next().unwrap_or_default()
    );
    let source_line = source_line.trim();
    if !source_line.is_empty() && source_line.chars().count() <= 100 {
        message.push_str(&format!(" (in `{source_line}`)"));
    }
    ParseError {
        line: Some(raw.first_line - 1 + line_at(raw.text, span.start)),
        message,
    }
}

/// serde_norway writes positions as "at line N column M", counted from the front matter's first
/// line; shift them so they match the file the author has open.
pub(super) fn shift_yaml_lines(message: &str, offset: usize) -> String {
    const MARK: &str = "at line ";
    let mut out = String::with_capacity(message.len() + 8);
    let mut rest = message;
    while let Some(found) = rest.find(MARK) {
        let after = &rest[found + MARK.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        out.push_str(&rest[..found + MARK.len()]);
        match after[..digits].parse::<usize>() {
            Ok(line) if after[digits..].starts_with(" column ") => {
                out.push_str(&(line + offset).to_string());
            }
            _ => out.push_str(&after[..digits]),
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::super::{parse, split};
    use super::*;

    fn fm(source: &str) -> RawFrontMatter<'_> {
        split(source).unwrap().front_matter.unwrap()
    }

    #[test]
    fn errors_carry_file_lines() {
        let toml = parse(&fm("+++\ntitle = \"a\"\ndate = \"nope\"\n+++\n")).unwrap_err();
        assert_eq!(toml.line, Some(3));
        assert!(
            toml.message.contains("invalid date \"nope\""),
            "{}",
            toml.message
        );
        assert!(
            toml.message.ends_with("(in `date = \"nope\"`)"),
            "{}",
            toml.message
        );
        let yaml = parse(&fm("---\ntitle: a\n\ndate: 2020-99-01\n---\n")).unwrap_err();
        assert_eq!(yaml.line, Some(4));
        assert!(
            yaml.message.contains("at line 4 column"),
            "{}",
            yaml.message
        );
        let syntax = parse(&fm("---\ntitle: [a\n---\n")).unwrap_err();
        assert!(syntax.line.is_some_and(|l| l >= 2), "{syntax:?}");
    }

    #[test]
    fn shifts_only_positions() {
        assert_eq!(
            shift_yaml_lines("x at line 2 column 3, while y at line 1 column 1", 1),
            "x at line 3 column 3, while y at line 2 column 1"
        );
        assert_eq!(
            shift_yaml_lines("at line 7 of the poem", 1),
            "at line 7 of the poem"
        );
    }
}
