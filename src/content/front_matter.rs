//! Front matter: YAML between `---` lines (Hugo, Jekyll, the Go blog) or TOML between `+++`
//! lines (Zola, Hugo), read with serde. Only the fences are found by hand.

use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;

use super::date::PostDate;
use super::error::line_at;

/// Which language the front matter is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
        }
    }

    pub fn fence(self) -> &'static str {
        match self {
            Format::Yaml => "---",
            Format::Toml => "+++",
        }
    }
}

/// The front matter's text, still unparsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawFrontMatter<'a> {
    pub format: Format,
    pub text: &'a str,
    /// The file line `text` starts on (the line after the opening fence), so parser positions
    /// can be turned into file lines.
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
/// with a fence line has no front matter. Fences may carry trailing spaces and CRLF endings.
pub fn split(source: &str) -> Result<Split<'_>, Unterminated> {
    let mut lines = Lines {
        text: source,
        pos: 0,
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
        if line == format.fence() {
            return Ok(Split {
                front_matter: Some(RawFrontMatter {
                    format,
                    text: &source[start..line_start],
                    first_line: 2,
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

/// The keys Folio reads; everything else (Zola's `authors`, `[extra]`, Hugo's `categories`, ...)
/// is ignored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<PostDate>,
    pub updated: Option<PostDate>,
    /// `description`, or else `summary`.
    pub summary: Option<String>,
    /// `tags` then Zola's `[taxonomies] tags`, trimmed, first occurrence kept.
    pub tags: Vec<String>,
    pub draft: bool,
    pub slug: Option<String>,
    pub aliases: Vec<String>,
    /// Zola's `path`, where the Rust blog keeps its dates.
    pub path: Option<String>,
}

/// The front matter did not parse; `line` is a file line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Default, Deserialize)]
struct Keys {
    title: Option<String>,
    date: Option<PostDate>,
    updated: Option<PostDate>,
    description: Option<String>,
    summary: Option<String>,
    tags: Option<Tags>,
    taxonomies: Option<Taxonomies>,
    draft: Option<bool>,
    slug: Option<String>,
    aliases: Option<Tags>,
    path: Option<String>,
}

#[derive(Default, Deserialize)]
struct Taxonomies {
    tags: Option<Tags>,
}

/// A list of strings, or one string of space-separated words as Jekyll allows for `tags`.
struct Tags(Vec<String>);

impl<'de> Deserialize<'de> for Tags {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TagsVisitor;
        impl<'de> Visitor<'de> for TagsVisitor {
            type Value = Tags;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of strings")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Tags, E> {
                Ok(Tags(value.split_whitespace().map(str::to_owned).collect()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tags, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(item) = seq.next_element::<String>()? {
                    items.push(item);
                }
                Ok(Tags(items))
            }
        }
        deserializer.deserialize_any(TagsVisitor)
    }
}

/// Parses the front matter's keys.
pub fn parse(raw: &RawFrontMatter<'_>) -> Result<FrontMatter, ParseError> {
    let keys: Keys = match raw.format {
        Format::Toml => toml::from_str(raw.text).map_err(|e| toml_error(raw, &e))?,
        // An empty YAML document is "no value" to serde_norway, not an empty mapping.
        Format::Yaml if raw.text.trim().is_empty() => Keys::default(),
        Format::Yaml => serde_norway::from_str(raw.text).map_err(|e| ParseError {
            line: e.location().map(|at| raw.first_line - 1 + at.line()),
            message: shift_yaml_lines(&e.to_string(), raw.first_line - 1),
        })?,
    };
    let mut tags = Vec::new();
    let taxonomy_tags = keys.taxonomies.and_then(|t| t.tags);
    for tag in keys.tags.into_iter().chain(taxonomy_tags).flat_map(|t| t.0) {
        let tag = tag.trim();
        if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    Ok(FrontMatter {
        title: non_empty(keys.title),
        date: keys.date,
        updated: keys.updated,
        summary: non_empty(keys.description).or_else(|| non_empty(keys.summary)),
        tags,
        draft: keys.draft.unwrap_or(false),
        slug: non_empty(keys.slug),
        aliases: keys
            .aliases
            .map(|a| a.0)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|a| non_empty(Some(a)))
            .collect(),
        path: non_empty(keys.path),
    })
}

/// toml's short message does not say which key it is about, so quote the line it points at.
fn toml_error(raw: &RawFrontMatter<'_>, error: &toml::de::Error) -> ParseError {
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

fn non_empty(value: Option<String>) -> Option<String> {
    let value = value?;
    let trimmed = value.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == value.len() {
        Some(value)
    } else {
        Some(trimmed.to_owned())
    }
}

/// serde_norway writes positions as "at line N column M", counted from the front matter's first
/// line; shift them so they match the file the author has open.
fn shift_yaml_lines(message: &str, offset: usize) -> String {
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

/// The file line where `key` is set at the top level of the front matter, for errors found
/// after parsing (a duplicate slug, a bad date in `path`). Plain keys only, which is all it is
/// asked about.
pub fn key_line(raw: &RawFrontMatter<'_>, key: &str) -> Option<usize> {
    let separator = match raw.format {
        Format::Yaml => ':',
        Format::Toml => '=',
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
    fn parses_keys_in_both_formats() {
        let toml = parse(&fm(
            "+++\ntitle = \" T \"\nsummary = \"S\"\ntags = [\"a\", \" b \", \"a\"]\n\
             draft = true\nslug = \"s\"\naliases = [\"x\"]\nauthors = [\"me\"]\n\
             [taxonomies]\ntags = [\"b\", \"c\"]\ncategories = [\"z\"]\n[extra]\nq = 1\n+++\n",
        ))
        .unwrap();
        assert_eq!(toml.title.as_deref(), Some("T"));
        assert_eq!(toml.summary.as_deref(), Some("S"));
        assert_eq!(toml.tags, ["a", "b", "c"]);
        assert!(toml.draft);
        assert_eq!(toml.slug.as_deref(), Some("s"));
        assert_eq!(toml.aliases, ["x"]);
        let yaml = parse(&fm(
            "---\ntitle: T\ndescription: D\nsummary: S\ntags: one two\n\
             categories: [x]\n---\n",
        ))
        .unwrap();
        assert_eq!(
            yaml.summary.as_deref(),
            Some("D"),
            "description wins over summary"
        );
        assert_eq!(yaml.tags, ["one", "two"]);
        assert!(!yaml.draft);
        assert_eq!(parse(&fm("---\n---\n")).unwrap(), FrontMatter::default());
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

    #[test]
    fn finds_key_lines() {
        let raw = fm("+++\ntitle = \"a\"\nslug   = \"b\"\nslugs = 1\n+++\n");
        assert_eq!(key_line(&raw, "slug"), Some(3));
        assert_eq!(key_line(&raw, "path"), None);
        let raw = fm("---\ntitle: a\npath: b\n---\n");
        assert_eq!(key_line(&raw, "path"), Some(3));
    }
}
