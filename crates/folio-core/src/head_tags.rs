//! The tags a page puts into `<head>` besides its title: description, canonical URL, OpenGraph
//! and Twitter card, which link previews (chat apps, social sites, feed readers) and search
//! engines read.
//!
//! Pure data, so the list is decided in one place and tested on the host: the app puts these
//! tags into the document (`components::page_meta`), and anything that writes static HTML for a
//! page (a prerenderer) can write the very same tags with [`HeadTag::html`].

use crate::model::{PostSummary, Site};
use crate::site_url;

/// What a page says about itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageInfo {
    /// The page's own title for previews, without the site name (the post's title).
    pub headline: String,
    /// One or two sentences.
    pub description: String,
    /// The page's app path, already encoded (`/`, `/posts/x`, see [`site_url`]), for the
    /// canonical URL and `og:url`; `None` for a page with no address of its own (not found).
    pub path: Option<String>,
    /// Set on an article.
    pub article: Option<ArticleInfo>,
    /// Asks search engines not to index the page.
    pub noindex: bool,
}

/// What each route says about itself: one place for the app's pages and the prerendered HTML.
impl PageInfo {
    /// `/`: the author's page.
    pub fn home(site: &Site) -> Self {
        let description = if site.tagline.is_empty() {
            format!("Writing by {}", site.author)
        } else {
            site.tagline.clone()
        };
        PageInfo {
            headline: site.author.clone(),
            description,
            path: Some("/".to_owned()),
            ..PageInfo::default()
        }
    }

    /// `/posts/:slug`: the summary, or "Title by Author" for a post without one.
    pub fn post(site: &Site, post: &PostSummary) -> Self {
        let description = if post.summary.is_empty() {
            format!("{} by {}", post.title, site.author)
        } else {
            post.summary.clone()
        };
        PageInfo {
            headline: post.title.clone(),
            description,
            path: Some(site_url::post_path(&post.slug)),
            article: Some(ArticleInfo {
                published: post.date.clone(),
                modified: post.updated.clone(),
                tags: post.tags.clone(),
            }),
            noindex: false,
        }
    }

    /// `/tags/:tag`, with its post count in words ("3 posts").
    pub fn tag(tag: &str, count: &str) -> Self {
        PageInfo {
            headline: format!("#{tag}"),
            description: format!("Posts tagged {tag}: {count}."),
            path: Some(site_url::tag_path(tag)),
            ..PageInfo::default()
        }
    }

    /// `/tags`, with its summary line ("12 tags across 18 posts.").
    pub fn tags(summary: &str) -> Self {
        PageInfo {
            headline: "Tags".to_owned(),
            description: format!("Every tag on the site: {summary}"),
            path: Some("/tags".to_owned()),
            ..PageInfo::default()
        }
    }

    /// `/archive`.
    pub fn archive(site: &Site) -> Self {
        PageInfo {
            headline: "Archive".to_owned(),
            description: format!("Every post by {}, by year.", site.author),
            path: Some("/archive".to_owned()),
            ..PageInfo::default()
        }
    }

    /// `/search`.
    pub fn search() -> Self {
        PageInfo {
            headline: "Search".to_owned(),
            description: "Search every post by title, tag or text.".to_owned(),
            path: Some("/search".to_owned()),
            ..PageInfo::default()
        }
    }
}

/// An article's dates (`YYYY-MM-DD`) and tags.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleInfo {
    pub published: String,
    pub modified: Option<String>,
    pub tags: Vec<String>,
}

/// One `<meta>` or `<link>` element with two attributes: the one that names it (`name`,
/// `property`, `rel`) and the one that carries its value (`content`, `href`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadTag {
    pub element: &'static str,
    pub key_attr: &'static str,
    pub key: &'static str,
    pub value_attr: &'static str,
    pub value: String,
}

impl HeadTag {
    fn name(key: &'static str, value: impl Into<String>) -> Self {
        HeadTag {
            element: "meta",
            key_attr: "name",
            key,
            value_attr: "content",
            value: value.into(),
        }
    }

    fn property(key: &'static str, value: impl Into<String>) -> Self {
        HeadTag {
            key_attr: "property",
            ..HeadTag::name(key, value)
        }
    }

    /// The CSS selector of the elements that play this tag's part (`meta[name="description"]`).
    pub fn selector(&self) -> String {
        format!("{}[{}=\"{}\"]", self.element, self.key_attr, self.key)
    }

    /// The element as HTML, its value escaped.
    pub fn html(&self) -> String {
        let mut value = String::with_capacity(self.value.len() + 8);
        let _ = pulldown_cmark_escape::escape_html(&mut value, &self.value);
        format!(
            "<{} {}=\"{}\" {}=\"{value}\">",
            self.element, self.key_attr, self.key, self.value_attr
        )
    }
}

/// The tags for `page` on the site named `site_name` at `base_url` (empty: no canonical URL,
/// since a guessed one could name the wrong host).
pub fn head_tags(site_name: &str, base_url: &str, page: &PageInfo) -> Vec<HeadTag> {
    let mut tags = vec![HeadTag::name("description", page.description.clone())];
    if page.noindex {
        tags.push(HeadTag::name("robots", "noindex"));
    }
    if let Some(url) = page
        .path
        .as_deref()
        .and_then(|path| site_url::absolute(base_url, path))
    {
        tags.push(HeadTag {
            element: "link",
            key_attr: "rel",
            key: "canonical",
            value_attr: "href",
            value: url.clone(),
        });
        tags.push(HeadTag::property("og:url", url));
    }
    let kind = if page.article.is_some() {
        "article"
    } else {
        "website"
    };
    tags.push(HeadTag::property("og:type", kind));
    tags.push(HeadTag::property("og:title", page.headline.clone()));
    tags.push(HeadTag::property(
        "og:description",
        page.description.clone(),
    ));
    tags.push(HeadTag::property("og:site_name", site_name));
    if let Some(article) = &page.article {
        tags.push(HeadTag::property(
            "article:published_time",
            article.published.clone(),
        ));
        if let Some(modified) = &article.modified {
            tags.push(HeadTag::property("article:modified_time", modified.clone()));
        }
        for tag in &article.tags {
            tags.push(HeadTag::property("article:tag", tag.clone()));
        }
    }
    tags.push(HeadTag::name("twitter:card", "summary"));
    tags.push(HeadTag::name("twitter:title", page.headline.clone()));
    tags.push(HeadTag::name(
        "twitter:description",
        page.description.clone(),
    ));
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(tags: &[HeadTag]) -> Vec<(String, String)> {
        tags.iter()
            .map(|t| (t.key.to_owned(), t.value.clone()))
            .collect()
    }

    #[test]
    fn an_article_gets_canonical_open_graph_and_twitter_tags() {
        let page = PageInfo {
            headline: "A & B".into(),
            description: "About it.".into(),
            path: Some(site_url::post_path("a b")),
            article: Some(ArticleInfo {
                published: "2024-01-02".into(),
                modified: Some("2024-02-03".into()),
                tags: vec!["rust".into(), "web".into()],
            }),
            noindex: false,
        };
        let tags = head_tags("Ann", "https://example.com/blog/", &page);
        let url = "https://example.com/blog/posts/a%20b";
        let expected = [
            ("description", "About it."),
            ("canonical", url),
            ("og:url", url),
            ("og:type", "article"),
            ("og:title", "A & B"),
            ("og:description", "About it."),
            ("og:site_name", "Ann"),
            ("article:published_time", "2024-01-02"),
            ("article:modified_time", "2024-02-03"),
            ("article:tag", "rust"),
            ("article:tag", "web"),
            ("twitter:card", "summary"),
            ("twitter:title", "A & B"),
            ("twitter:description", "About it."),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(values(&tags), expected);
        assert_eq!(
            tags[1].html(),
            r#"<link rel="canonical" href="https://example.com/blog/posts/a%20b">"#
        );
        assert_eq!(
            tags[4].html(),
            r#"<meta property="og:title" content="A &amp; B">"#
        );
        assert_eq!(tags[3].selector(), r#"meta[property="og:type"]"#);
    }

    #[test]
    fn without_a_base_url_or_a_path_there_is_no_canonical_url() {
        let page = PageInfo {
            headline: "Home".into(),
            path: Some("/".into()),
            ..PageInfo::default()
        };
        let keys = |tags: Vec<HeadTag>| tags.iter().map(|t| t.key).collect::<Vec<_>>();
        let no_base = keys(head_tags("Ann", "", &page));
        assert!(!no_base.contains(&"canonical") && !no_base.contains(&"og:url"));
        let not_found = PageInfo {
            path: None,
            noindex: true,
            ..page
        };
        let tags = keys(head_tags("Ann", "https://example.com/", &not_found));
        assert!(!tags.contains(&"canonical"));
        assert!(tags.contains(&"robots"));
        assert!(tags.contains(&"og:type"));
    }
}
