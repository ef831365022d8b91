//! The optional site file (`site.toml`): author, bio, links and highlights, onto [`Site`]; the
//! base URL and feed settings, which the rest of the build settles.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::base_url::BaseUrl;
use super::error::{line_at, BuildError};
use super::load::read_text;
use super::mailing_list::{self, FileMailingList};
use folio_core::model::{Link, Site};

/// A `[[highlights]]` entry, checked against the posts later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    pub slug: String,
    pub blurb: String,
    /// The line of its `slug`, for errors.
    pub line: Option<usize>,
}

/// The site settings and what is still to settle against the posts and the command line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SiteFile {
    /// `site.highlights` is left empty: it is filled once the highlighted posts are known.
    /// `site.base_url` and `site.feed_url` are left empty too: see the fields below.
    pub site: Site,
    pub highlights: Vec<Highlight>,
    /// `base_url`, checked; the command line may override it.
    pub base_url: Option<BaseUrl>,
    /// `feed_url` as written, with its line: it must name a feed the build writes, or another
    /// site's.
    pub feed_url: Option<(String, Option<usize>)>,
    /// `feed_limit`: how many of the newest posts the feeds carry; 0 for all.
    pub feed_limit: Option<usize>,
}

// Unknown keys are refused: a typo like `tagine` in a config file must not pass silently.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSite {
    author: Option<String>,
    tagline: Option<String>,
    footer: Option<String>,
    bio: Option<String>,
    base_url: Option<Spanned<String>>,
    feed_url: Option<Spanned<String>>,
    feed_limit: Option<usize>,
    mailing_list_url: Option<String>,
    mailing_list: Option<Spanned<FileMailingList>>,
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
    let invalid = |span: std::ops::Range<usize>, message: String| BuildError::SiteFile {
        path: path.to_owned(),
        line: Some(line_at(text, span.start)),
        message,
    };
    let base_url = match file.base_url {
        Some(value) => {
            let span = value.span();
            let parsed = value
                .into_inner()
                .parse::<BaseUrl>()
                .map_err(|e| invalid(span, format!("base_url: {e}")))?;
            Some(parsed)
        }
        None => None,
    };
    let mailing_list = match (file.mailing_list, file.mailing_list_url) {
        (Some(table), Some(_)) => {
            return Err(invalid(
                table.span(),
                "give [mailing_list] or mailing_list_url, not both".to_owned(),
            ))
        }
        (Some(table), None) => {
            let span = table.span();
            Some(mailing_list::from_table(table.into_inner()).map_err(|e| invalid(span, e))?)
        }
        (None, url) => url.and_then(mailing_list::from_url),
    };
    let defaults = Site::default();
    let trimmed = |value: Option<String>, default: String| {
        value.map(|v| v.trim().to_owned()).unwrap_or(default)
    };
    let site = Site {
        author: trimmed(file.author, defaults.author),
        tagline: trimmed(file.tagline, defaults.tagline),
        footer: trimmed(file.footer, defaults.footer),
        // Markdown: leading indentation may matter, so only the surrounding blank lines go.
        bio: file
            .bio
            .map(|b| b.trim_matches(['\n', '\r']).to_owned())
            .unwrap_or(defaults.bio),
        // Rendered by `prepare`, which knows the files its links may point to.
        bio_html: String::new(),
        reach_out: file.reach_out.map(Link::from).or(defaults.reach_out),
        links: file.links.into_iter().map(Link::from).collect(),
        base_url: String::new(),
        feed_url: String::new(),
        mailing_list,
        highlights: Vec::new(),
    };
    let feed_url = file.feed_url.map(|value| {
        let line = line_at(text, value.span().start);
        (value.into_inner().trim().to_owned(), Some(line))
    });
    let highlights = file
        .highlights
        .into_iter()
        .map(|h| Highlight {
            line: Some(line_at(text, h.slug.span().start)),
            slug: h.slug.into_inner().trim().to_owned(),
            blurb: h.blurb.trim().to_owned(),
        })
        .collect();
    Ok(SiteFile {
        site,
        highlights,
        base_url,
        feed_url,
        feed_limit: file.feed_limit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_footer_line_is_read_trimmed_and_optional() {
        let file = parse(Path::new("site.toml"), "footer = \"  Set in type.  \"\n").unwrap();
        assert_eq!(file.site.footer, "Set in type.");
        let file = parse(Path::new("site.toml"), "author = \"Ann\"\n").unwrap();
        assert_eq!(file.site.footer, "");
    }

    #[test]
    fn reads_every_key() {
        let text = r#"
author = "Ann"
tagline = "Notes"
bio = """
First.

Second."""
base_url = "https://example.com/blog"
feed_url = "atom.xml"
feed_limit = 5
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
        assert_eq!(file.feed_url, Some(("atom.xml".to_owned(), Some(9))));
        assert_eq!(file.feed_limit, Some(5));
        assert_eq!(
            file.base_url.as_ref().map(BaseUrl::as_str),
            Some("https://example.com/blog/")
        );
        assert_eq!(
            file.site.mailing_list.as_ref().unwrap().url,
            "https://example.com/subscribe"
        );
        assert_eq!(
            file.highlights,
            [Highlight {
                slug: "one".into(),
                blurb: "Blurb.".into(),
                line: Some(19)
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
    fn bad_base_url_and_mailing_list_are_named_with_their_line() {
        let err = parse(
            Path::new("site.toml"),
            "author = \"A\"\nbase_url = \"example.com\"\n",
        )
        .unwrap_err();
        assert_eq!(err.line(), Some(2));
        assert!(err.to_string().contains("base_url"), "{err}");
        let err = parse(
            Path::new("site.toml"),
            "author = \"A\"\n[mailing_list]\naction = \"http://x.example/\"\n",
        )
        .unwrap_err();
        assert_eq!(err.line(), Some(2));
        assert!(err.to_string().contains("https://"), "{err}");
        let err = parse(
            Path::new("site.toml"),
            "mailing_list_url = \"https://a/\"\n[mailing_list]\nurl = \"https://b/\"\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("not both"), "{err}");
    }

    #[test]
    fn a_mailing_list_form() {
        let file = parse(
            Path::new("site.toml"),
            "[mailing_list]\naction = \"https://list.example/s\"\n[mailing_list.hidden]\nid = \"7\"\n",
        )
        .unwrap();
        let list = file.site.mailing_list.unwrap();
        assert_eq!(list.action, "https://list.example/s");
        assert_eq!(list.hidden[0].value, "7");
    }

    #[test]
    fn empty_file_gives_defaults() {
        assert_eq!(
            parse(Path::new("site.toml"), "").unwrap(),
            SiteFile::default()
        );
    }
}
