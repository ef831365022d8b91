//! Hugo's JSON front matter: a JSON object at the very start of the file, the Markdown after
//! it. There is no closing fence: the object ends where serde_json's streaming reader says the
//! first value ends.

use serde::de::IgnoredAny;

use super::super::error::line_at;
use super::{skip_blank_lines, Format, RawFrontMatter, Split, Unterminated};

/// The split of a file that opens with a JSON object; `None` for any other file. `{{` and
/// `{%` (a Hugo shortcode or Liquid tag opening a file without front matter) are not JSON.
pub(super) fn split(source: &str) -> Option<Result<Split<'_>, Unterminated>> {
    let after_brace = source.strip_prefix('{')?;
    if !after_brace.trim_start().starts_with(['"', '}']) {
        return None;
    }
    let mut values = serde_json::Deserializer::from_str(source).into_iter::<IgnoredAny>();
    let end = match values.next() {
        Some(Ok(_)) => values.byte_offset(),
        Some(Err(e)) if e.is_eof() => {
            return Some(Err(Unterminated {
                format: Format::Json,
            }))
        }
        // Not valid JSON: hand the whole file to the parser, which stops at the same spot and
        // reports it with its line.
        _ => source.len(),
    };
    Some(Ok(Split {
        front_matter: Some(RawFrontMatter {
            format: Format::Json,
            text: &source[..end],
            first_line: 1,
        }),
        body: skip_blank_lines(&source[end..]),
    }))
}

/// The file line of the first `"key":` in the object (JSON puts keys anywhere on a line).
pub(super) fn key_line(raw: &RawFrontMatter<'_>, key: &str) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    raw.text
        .match_indices(&quoted)
        .find(|(at, _)| raw.text[at + quoted.len()..].trim_start().starts_with(':'))
        .map(|(at, _)| raw.first_line - 1 + line_at(raw.text, at))
}

#[cfg(test)]
mod tests {
    use super::super::split as split_file;
    use super::*;

    #[test]
    fn the_object_ends_the_front_matter() {
        let s =
            split_file("{\n  \"title\": \"A }\",\n  \"tags\": [\"x\"]\n}\n\nBody {x}\n").unwrap();
        let raw = s.front_matter.unwrap();
        assert_eq!(raw.format, Format::Json);
        assert_eq!(raw.text, "{\n  \"title\": \"A }\",\n  \"tags\": [\"x\"]\n}");
        assert_eq!(s.body, "Body {x}\n");
        assert_eq!(key_line(&raw, "tags"), Some(3));
        assert_eq!(key_line(&raw, "slug"), None);
        let s = split_file("{}\nBody").unwrap();
        assert_eq!((s.front_matter.unwrap().text, s.body), ("{}", "Body"));
    }

    #[test]
    fn templates_are_not_json_and_open_objects_are_unterminated() {
        assert_eq!(split_file("{{< note >}}\n").unwrap().front_matter, None);
        assert_eq!(split_file("{% raw %}\n").unwrap().front_matter, None);
        assert_eq!(
            split_file("{\n\"title\": \"A\",\n"),
            Err(Unterminated {
                format: Format::Json
            })
        );
        let source = "{\n\"title\": \"A\"\n\"date\": 1}\nBody";
        let bad = split_file(source).unwrap();
        assert_eq!(
            bad.front_matter.unwrap().text,
            source,
            "not JSON: the whole file goes to the parser"
        );
    }
}
