//! The keys Folio reads from front matter, the serde structs they are read into, and `parse`,
//! which maps YAML, TOML or JSON onto them, folding each generator's spelling of a key into one
//! field.

use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;

use super::super::date::PostDate;
use super::parse_error::{shift_yaml_lines, toml_error, ParseError};
use super::values::Published;
use super::{Format, RawFrontMatter};

/// The keys Folio reads; everything else (Zola's `authors`, `[extra]`, Hugo's `categories`, ...)
/// is ignored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<PostDate>,
    /// `updated`, else Hugo's `lastmod`, else Jekyll's `last_modified_at`.
    pub updated: Option<PostDate>,
    /// Hugo's `publishDate` (`publishdate`, `pubdate`, or `published` given a date): the day the
    /// post goes live, when that is not its `date`.
    pub publish_date: Option<PostDate>,
    /// Hugo's `expiryDate` (`expirydate`): from that day on the post is kept out.
    pub expiry_date: Option<PostDate>,
    /// `description`, else `summary`, else Jekyll's `excerpt`.
    pub summary: Option<String>,
    /// `tags` then Zola's `[taxonomies] tags`, trimmed, first occurrence kept.
    pub tags: Vec<String>,
    /// `draft: true`, or Jekyll's `published: false`.
    pub draft: bool,
    pub slug: Option<String>,
    pub aliases: Vec<String>,
    /// Zola's `path`, where the Rust blog keeps its dates.
    pub path: Option<String>,
    /// Jekyll's `excerpt_separator`, as written (not trimmed: it is matched exactly).
    pub excerpt_separator: Option<String>,
    /// Hugo's `url`: the post's address on the old site.
    pub url: Option<String>,
    /// Jekyll's `permalink`: the same, possibly with `:placeholders`.
    pub permalink: Option<String>,
}

#[derive(Default, Deserialize)]
struct Keys {
    title: Option<String>,
    date: Option<PostDate>,
    updated: Option<PostDate>,
    #[serde(alias = "lastMod")]
    lastmod: Option<PostDate>,
    last_modified_at: Option<PostDate>,
    #[serde(rename = "publishDate", alias = "publishdate")]
    publish_date: Option<PostDate>,
    pubdate: Option<PostDate>,
    published: Option<Published>,
    #[serde(rename = "expiryDate", alias = "expirydate")]
    expiry_date: Option<PostDate>,
    description: Option<String>,
    summary: Option<String>,
    excerpt: Option<String>,
    tags: Option<Tags>,
    taxonomies: Option<Taxonomies>,
    draft: Option<bool>,
    slug: Option<String>,
    aliases: Option<Tags>,
    path: Option<String>,
    excerpt_separator: Option<String>,
    url: Option<String>,
    permalink: Option<String>,
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
        // The object starts the file, so serde_json's lines are file lines already.
        Format::Json => serde_json::from_str(raw.text).map_err(|e| ParseError {
            line: Some(raw.first_line - 1 + e.line()),
            message: e.to_string(),
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
    let (published_flag, published_date) = match keys.published {
        Some(Published::Flag(flag)) => (Some(flag), None),
        Some(Published::Date(date)) => (None, Some(date)),
        None => (None, None),
    };
    Ok(FrontMatter {
        title: non_empty(keys.title),
        date: keys.date,
        updated: keys.updated.or(keys.lastmod).or(keys.last_modified_at),
        publish_date: keys.publish_date.or(keys.pubdate).or(published_date),
        expiry_date: keys.expiry_date,
        summary: non_empty(keys.description)
            .or_else(|| non_empty(keys.summary))
            .or_else(|| non_empty(keys.excerpt)),
        tags,
        draft: keys.draft.unwrap_or(false) || published_flag == Some(false),
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
        url: non_empty(keys.url),
        permalink: non_empty(keys.permalink),
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

/// Every key of the front matter as plain values, for what templates read from it (`{{ page.x }}`,
/// Hugo's `param`, taxonomies); `Null` when it does not parse (the typed [`parse`] reports why).
pub fn all_values(raw: &RawFrontMatter<'_>) -> serde_json::Value {
    let value = match raw.format {
        Format::Toml => toml::from_str::<toml::Value>(raw.text)
            .ok()
            .and_then(|v| serde_json::to_value(v).ok()),
        Format::Yaml => serde_norway::from_str::<serde_json::Value>(raw.text).ok(),
        Format::Json => serde_json::from_str(raw.text).ok(),
    };
    value.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::split;
    use super::*;
    use time::macros::date;

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

    #[test]
    fn hugo_and_jekyll_spellings_fold_into_one_field() {
        let day = |d| Some(PostDate::from_day(d));
        let hugo = parse(&fm(
            "---\nlastmod: 2024-02-01\npublishDate: 2024-03-01\nexpirydate: 2025-01-01\n\
             url: /old/\n---\n",
        ))
        .unwrap();
        assert_eq!(hugo.updated, day(date!(2024 - 02 - 01)));
        assert_eq!(hugo.publish_date, day(date!(2024 - 03 - 01)));
        assert_eq!(hugo.expiry_date, day(date!(2025 - 01 - 01)));
        assert_eq!(hugo.url.as_deref(), Some("/old/"));
        let pubdate = parse(&fm(
            "+++\npubdate = 2024-03-02\nupdated = 2024-01-01\nlastmod = 2024-05-05\n+++\n",
        ))
        .unwrap();
        assert_eq!(pubdate.publish_date, day(date!(2024 - 03 - 02)));
        assert_eq!(pubdate.updated, day(date!(2024 - 01 - 01)), "updated wins");
        let published_date = parse(&fm("---\npublished: 2024-03-03\n---\n")).unwrap();
        assert_eq!(published_date.publish_date, day(date!(2024 - 03 - 03)));
        assert!(!published_date.draft);
        let jekyll = parse(&fm(
            "---\npublished: false\nexcerpt: E\nlast_modified_at: 2024-04-04\n\
             permalink: /:year/:title/\n---\n",
        ))
        .unwrap();
        assert!(jekyll.draft, "published: false is a draft");
        assert_eq!(jekyll.summary.as_deref(), Some("E"));
        assert_eq!(jekyll.updated, day(date!(2024 - 04 - 04)));
        assert_eq!(jekyll.permalink.as_deref(), Some("/:year/:title/"));
        let summary = parse(&fm("---\nsummary: S\nexcerpt: E\n---\n")).unwrap();
        assert_eq!(summary.summary.as_deref(), Some("S"), "excerpt comes last");
    }

    #[test]
    fn json_front_matter_reads_the_same_keys() {
        let json = parse(&fm(
            "{\n  \"title\": \"J\",\n  \"date\": \"2024-01-02T10:00:00Z\",\n  \
             \"tags\": [\"a\"],\n  \"draft\": true,\n  \"params\": {\"x\": 1}\n}\nBody",
        ))
        .unwrap();
        assert_eq!(json.title.as_deref(), Some("J"));
        assert_eq!(json.date.unwrap().ymd(), "2024-01-02");
        assert_eq!(json.tags, ["a"]);
        assert!(json.draft);
        let err = parse(&fm("{\n\"title\": \"J\",\n\"date\": \"soon\"\n}\n")).unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("\"soon\""), "{}", err.message);
    }
}
