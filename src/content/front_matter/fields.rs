//! The keys Folio reads from front matter, the serde structs they are read into, and `parse`,
//! which maps YAML or TOML onto them.

use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;

use super::super::date::PostDate;
use super::parse_error::{shift_yaml_lines, toml_error, ParseError};
use super::{Format, RawFrontMatter};

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
    /// Jekyll's `excerpt_separator`, as written (not trimmed: it is matched exactly).
    pub excerpt_separator: Option<String>,
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
    excerpt_separator: Option<String>,
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
        excerpt_separator: keys.excerpt_separator.filter(|s| !s.is_empty()),
    })
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

#[cfg(test)]
mod tests {
    use super::super::split;
    use super::*;

    fn fm(source: &str) -> RawFrontMatter<'_> {
        split(source).unwrap().front_matter.unwrap()
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
    fn jekyll_excerpt_separator_is_kept_as_written() {
        let yaml = parse(&fm("---\nexcerpt_separator: \" <!--cut--> \"\n---\n")).unwrap();
        assert_eq!(yaml.excerpt_separator.as_deref(), Some(" <!--cut--> "));
        let empty = parse(&fm("---\nexcerpt_separator: \"\"\n---\n")).unwrap();
        assert_eq!(empty.excerpt_separator, None);
    }
}
