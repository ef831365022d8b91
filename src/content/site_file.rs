//! The optional site file (`site.toml`): author, bio, links and highlights, onto [`Site`].

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::error::{line_at, BuildError};
use super::load::read_text;
use crate::model::{Link, Site};

/// A `[[highlights]]` entry, checked against the posts later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    pub slug: String,
    pub blurb: String,
    /// The line of its `slug`, for errors.
    pub line: Option<usize>,
}

/// The site settings and the highlights still to resolve.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SiteFile {
    /// `site.highlights` is left empty: it is filled once the highlighted posts are known.
    pub site: Site,
    pub highlights: Vec<Highlight>,
}

// Unknown keys are refused: a typo like `tagine` in a config file must not pass silently.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSite {
    author: Option<String>,
    tagline: Option<String>,
    bio: Option<String>,
    feed_url: Option<String>,
    mailing_list_url: Option<String>,
    reach_out: Option<FileLink>,
    #[serde(default)]
    links: Vec<FileLink>,
    #[serde(default)]
    highlights: Vec<FileHighlight>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileLink {
    label: String,
    url: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileHighlight {
    slug: Spanned<String>,
    #[serde(default)]
    blurb: String,
}

impl From<FileLink> for Link {
    fn from(link: FileLink) -> Self {
        Link {
            label: link.label.trim().to_owned(),
            url: link.url.trim().to_owned(),
        }
    }
}

/// Reads the site file at `path`. A missing file is fine when `required` is false (the default
/// `site.toml` location): any blog's content folder builds as is, with [`Site::default`].
pub fn load(path: &Path, required: bool) -> Result<SiteFile, BuildError> {
    if !required && !path.exists() {
        return Ok(SiteFile::default());
    }
    let text = read_text(path)?;
    parse(path, &text)
}

/// Parses site-file text; `path` is only for error messages.
pub fn parse(path: &Path, text: &str) -> Result<SiteFile, BuildError> {
    let file: FileSite = toml::from_str(text).map_err(|e| BuildError::SiteFile {
        path: path.to_owned(),
        line: e.span().map(|span| line_at(text, span.start)),
        message: e.message().trim_end().to_owned(),
    })?;
    let defaults = Site::default();
    let trimmed = |value: Option<String>, default: String| {
        value.map(|v| v.trim().to_owned()).unwrap_or(default)
    };
    let site = Site {
        author: trimmed(file.author, defaults.author),
        tagline: trimmed(file.tagline, defaults.tagline),
        // Markdown: leading indentation may matter, so only the surrounding blank lines go.
        bio: file
            .bio
            .map(|b| b.trim_matches(['\n', '\r']).to_owned())
            .unwrap_or(defaults.bio),
        // Rendered by `prepare`, which knows the files its links may point to.
        bio_html: String::new(),
        reach_out: file.reach_out.map(Link::from).or(defaults.reach_out),
        links: file.links.into_iter().map(Link::from).collect(),
        feed_url: trimmed(file.feed_url, defaults.feed_url),
        mailing_list_url: trimmed(file.mailing_list_url, defaults.mailing_list_url),
        highlights: Vec::new(),
    };
    let highlights = file
        .highlights
        .into_iter()
        .map(|h| Highlight {
            line: Some(line_at(text, h.slug.span().start)),
            slug: h.slug.into_inner().trim().to_owned(),
            blurb: h.blurb.trim().to_owned(),
        })
        .collect();
    Ok(SiteFile { site, highlights })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key() {
        let text = r#"
author = "Ann"
tagline = "Notes"
bio = """
First.

Second."""
feed_url = "atom.xml"
mailing_list_url = "https://example.com/subscribe"
[reach_out]
label = "Reach out"
url = "mailto:ann@example.com"
[[links]]
label = "GitHub"
url = "https://github.com/ann"
[[highlights]]
slug = "one"
blurb = "Blurb."
"#;
        let file = parse(Path::new("site.toml"), text).unwrap();
        assert_eq!(file.site.author, "Ann");
        assert_eq!(file.site.bio, "First.\n\nSecond.");
        assert_eq!(
            file.site.reach_out.as_ref().unwrap().url,
            "mailto:ann@example.com"
        );
        assert_eq!(file.site.links[0].label, "GitHub");
        assert_eq!(file.site.feed_url, "atom.xml");
        assert_eq!(
            file.highlights,
            [Highlight {
                slug: "one".into(),
                blurb: "Blurb.".into(),
                line: Some(17)
            }]
        );
    }

    #[test]
    fn unknown_keys_are_named_with_their_line() {
        let err = parse(Path::new("site.toml"), "author = \"A\"\ntagine = \"x\"\n").unwrap_err();
        assert_eq!(err.line(), Some(2));
        assert!(err.to_string().contains("tagine"), "{err}");
        let err = parse(
            Path::new("s.toml"),
            "[[links]]\nlabel = \"a\"\nurl = \"b\"\nicon = 1\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("icon"), "{err}");
    }

    #[test]
    fn empty_file_gives_defaults() {
        assert_eq!(
            parse(Path::new("site.toml"), "").unwrap(),
            SiteFile::default()
        );
    }
}
