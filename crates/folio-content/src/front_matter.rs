//! Front matter: YAML between `---` lines (Hugo, Jekyll, the Go blog), TOML between `+++`
//! lines (Zola, Hugo) or a JSON object at the very start of the file (Hugo), read with serde.
//! Only the fences are found by hand; the end of a JSON object is found by serde_json.

mod fields;
mod json;
mod parse_error;
mod values;

pub use fields::{all_values, parse, FrontMatter};

/// Which language the front matter is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
    Json,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
            Format::Json => "JSON",
        }
    }

    /// What opens the front matter.
    pub fn fence(self) -> &'static str {
        match self {
            Format::Yaml => "---",
            Format::Toml => "+++",
            Format::Json => "{",
        }
    }
}

/// The front matter's text, still unparsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawFrontMatter<'a> {
    pub format: Format,
    pub text: &'a str,
    /// The file line `text` starts on (the line after the opening fence; 1 for JSON, whose
    /// text is the whole object), so parser positions can be turned into file lines.
    pub first_line: usize,
}

/// A source file cut in two.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub front_matter: Option<RawFrontMatter<'a>>,
    /// What follows the closing fence, leading blank lines dropped.
    pub body: &'a str,
}

/// An opening fence was never closed; it is on line 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unterminated {
    pub format: Format,
}

/// Cuts a file (BOM already removed) into front matter and body. A file that does not start
/// with a fence line (or a JSON object), blank lines aside, has no front matter. Fences may
/// carry trailing spaces and CRLF endings; YAML may close with `...`.
pub fn split(source: &str) -> Result<Split<'_>, Unterminated> {
    if let Some(split) = json::split(source) {
        return split;
    }
    // Hugo skips blank lines before the opening fence, and real posts start with one.
    let lead = source.len() - skip_blank_lines(source).len();
    let blank_lines = source[..lead].matches('\n').count();
    let mut lines = Lines {
        text: source,
        pos: lead,
    };
    let format = match lines.next().map(|(_, line)| line) {
        Some("---") => Format::Yaml,
        Some("+++") => Format::Toml,
        _ => {
            return Ok(Split {
                front_matter: None,
                body: skip_blank_lines(source),
            })
        }
    };
    let start = lines.pos;
    while let Some((line_start, line)) = lines.next() {
        // YAML may also end its document with `...`, which Jekyll accepts.
        if line == format.fence() || (format == Format::Yaml && line == "...") {
            return Ok(Split {
                front_matter: Some(RawFrontMatter {
                    format,
                    text: &source[start..line_start],
                    first_line: 2 + blank_lines,
                }),
                body: skip_blank_lines(&source[lines.pos..]),
            });
        }
    }
    Err(Unterminated { format })
}

/// Lines with their start offsets, line endings and trailing blanks removed.
struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.text[start..];
        let (line, advance) = match rest.find('\n') {
            Some(end) => (&rest[..end], end + 1),
            None => (rest, rest.len()),
        };
        self.pos += advance;
        Some((start, line.trim_end_matches([' ', '\t', '\r'])))
    }
}

/// Drops whole blank lines only: leading spaces on the first text line may be an indented code
/// block.
fn skip_blank_lines(body: &str) -> &str {
    let mut lines = Lines { text: body, pos: 0 };
    let mut start = 0;
    while let Some((_, line)) = lines.next() {
        if !line.is_empty() {
            break;
        }
        start = lines.pos;
    }
    &body[start..]
}

/// The file line where `key` is set at the top level of the front matter, for errors found
/// after parsing (a duplicate slug, a bad date in `path`). Plain keys only, which is all it is
/// asked about.
pub fn key_line(raw: &RawFrontMatter<'_>, key: &str) -> Option<usize> {
    let separator = match raw.format {
        Format::Yaml => ':',
        Format::Toml => '=',
        Format::Json => return json::key_line(raw, key),
    };
    Lines {
        text: raw.text,
        pos: 0,
    }
    .enumerate()
    .find(|(_, (_, line))| {
        line.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(separator))
    })
    .map(|(index, _)| raw.first_line + index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fm(source: &str) -> RawFrontMatter<'_> {
        split(source).unwrap().front_matter.unwrap()
    }

    #[test]
    fn splits_toml_and_yaml() {
        let s = split("+++\ntitle = \"A\"\n+++\n\nBody\n").unwrap();
        let raw = s.front_matter.unwrap();
        assert_eq!(
            (raw.format, raw.text, raw.first_line),
            (Format::Toml, "title = \"A\"\n", 2)
        );
        assert_eq!(s.body, "Body\n");
        let s = split("---\ntitle: A\n---\nBody").unwrap();
        assert_eq!(s.front_matter.unwrap().format, Format::Yaml);
        assert_eq!(s.body, "Body");
    }

    #[test]
    fn tolerates_crlf_and_trailing_blanks_on_fences() {
        let s = split("--- \r\ntitle: A\r\n---\r\n\r\nBody\r\n").unwrap();
        assert_eq!(s.front_matter.unwrap().text, "title: A\r\n");
        assert_eq!(s.body, "Body\r\n");
    }

    #[test]
    fn no_front_matter_and_empty_body() {
        assert_eq!(split("# Hi\n").unwrap().front_matter, None);
        let s = split("+++\n+++").unwrap();
        assert_eq!((s.front_matter.unwrap().text, s.body), ("", ""));
    }

    #[test]
    fn blank_lines_before_the_fence_are_skipped_as_hugo_does() {
        let s = split("\n  \n---\ntitle: A\nbad: [\n---\nBody\n").unwrap();
        let raw = s.front_matter.unwrap();
        assert_eq!((raw.format, raw.first_line), (Format::Yaml, 4));
        assert_eq!(s.body, "Body\n");
        let s = split("\r\n+++\ntitle = \"A\"\n+++\n").unwrap();
        assert_eq!(s.front_matter.unwrap().text, "title = \"A\"\n");
        assert_eq!(split("\nText\n---\n").unwrap().front_matter, None);
    }

    #[test]
    fn yaml_may_end_with_dots() {
        let s = split("---\ntitle: A\n...\nBody\n").unwrap();
        assert_eq!(s.front_matter.unwrap().text, "title: A\n");
        assert_eq!(s.body, "Body\n");
        assert!(
            split("+++\ntitle = 1\n...\n").is_err(),
            "TOML ends with +++ only"
        );
    }

    #[test]
    fn keeps_indentation_of_first_body_line() {
        assert_eq!(split("---\n---\n\n    code\n").unwrap().body, "    code\n");
    }

    #[test]
    fn unterminated_and_mismatched_fences() {
        assert_eq!(
            split("+++\ntitle = 1\n"),
            Err(Unterminated {
                format: Format::Toml
            })
        );
        assert_eq!(
            split("---\ntitle: a\n+++\n"),
            Err(Unterminated {
                format: Format::Yaml
            })
        );
        assert_eq!(
            split("---"),
            Err(Unterminated {
                format: Format::Yaml
            })
        );
    }

    #[test]
    fn finds_key_lines() {
        let raw = fm("+++\ntitle = \"a\"\nslug   = \"b\"\nslugs = 1\n+++\n");
        assert_eq!(key_line(&raw, "slug"), Some(3));
        assert_eq!(key_line(&raw, "path"), None);
        let raw = fm("---\ntitle: a\npath: b\n---\n");
        assert_eq!(key_line(&raw, "path"), Some(3));
    }
}
