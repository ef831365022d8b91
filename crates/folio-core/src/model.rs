//! The data the content pipeline writes and the app reads: `manifest.json`.
//!
//! Plain serde types with no browser or file-system code, so the native pipeline, the wasm app
//! and (later) a host-side prerenderer all speak exactly the same format.

use serde::{Deserialize, Serialize};

/// Everything the app needs to draw the home page and every post list, without any post body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub site: Site,
    /// Every published post, newest first.
    pub posts: Vec<PostSummary>,
}

/// Site-wide settings, from the optional site file (`site.toml` in the content folder).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Site {
    /// The author's name, shown in the header and used as the site title.
    pub author: String,
    /// One line under the name; empty for none.
    pub tagline: String,
    /// A line of the site's own in the footer, under the copyright; empty for none.
    pub footer: String,
    /// The bio as Markdown; empty for none.
    pub bio: String,
    /// The bio rendered to sanitised HTML by the pipeline, ready for `innerHTML`.
    pub bio_html: String,
    /// The consulting call to action shown after the bio ("reach out").
    pub reach_out: Option<Link>,
    /// Contact links (email, GitHub, LinkedIn, ...), in the author's order.
    pub links: Vec<Link>,
    /// The site's absolute URL, ending in `/` (`https://example.com/blog/`): canonical links,
    /// feeds and the sitemap are built on it. Empty when none was configured.
    pub base_url: String,
    /// The feed: `atom.xml` (relative to the site, as the pipeline writes it) or an external
    /// feed's absolute URL; empty for none.
    pub feed_url: String,
    /// How readers sign up for new posts by email; `None` for no mailing list.
    pub mailing_list: Option<MailingList>,
    /// Slugs of the featured posts, in the author's order. Each named post carries its blurb in
    /// [`PostSummary::highlight`].
    pub highlights: Vec<String>,
}

impl Default for Site {
    fn default() -> Self {
        Site {
            author: "Folio".to_owned(),
            tagline: String::new(),
            footer: String::new(),
            bio: String::new(),
            bio_html: String::new(),
            reach_out: None,
            links: Vec::new(),
            base_url: String::new(),
            feed_url: String::new(),
            mailing_list: None,
            highlights: Vec::new(),
        }
    }
}

/// A labelled link.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub label: String,
    pub url: String,
}

/// A mailing-list signup: a form sent straight to the list provider (any provider's form
/// action), or a link to its signup page. Exactly one of `action` and `url` is set.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MailingList {
    /// Where the signup form is sent (`https://…` or a path on this site); empty for a link.
    pub action: String,
    /// `post` or `get`.
    pub method: String,
    /// The name of the email input, as the provider expects it.
    pub email_field: String,
    /// Fixed fields the provider expects with every signup, sent as hidden inputs.
    pub hidden: Vec<FormField>,
    /// The text of the form's label.
    pub label: String,
    /// The text of the submit button.
    pub button: String,
    /// A signup page to link to instead of a form; empty for a form.
    pub url: String,
}

/// A named form value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormField {
    pub name: String,
    pub value: String,
}

/// One post as listed in the manifest; the body lives in `bodies/<slug>.html` (rendered) and
/// `posts/<slug>.md` (its Markdown).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PostSummary {
    pub slug: String,
    pub title: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    /// Last update, `YYYY-MM-DD`, when the front matter gives one.
    pub updated: Option<String>,
    /// The front matter's `description`/`summary`; empty when there is none.
    pub summary: String,
    pub tags: Vec<String>,
    pub word_count: u32,
    /// Whole minutes at 230 words a minute, at least 1.
    pub reading_minutes: u32,
    /// The blurb shown under the post on the home page when the post is a highlight.
    pub highlight: Option<String>,
    /// "Read next": positions in [`Manifest::posts`] of the posts most like this one, most
    /// alike first (chosen by the pipeline, `crate::related`); left out of the JSON when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<u32>,
}

impl Manifest {
    /// The post with this slug, if any.
    pub fn post(&self, slug: &str) -> Option<&PostSummary> {
        self.posts.iter().find(|p| p.slug == slug)
    }

    /// The featured posts in the author's order; slugs that name no post are skipped (the
    /// pipeline rejects them, so this only matters for hand-edited manifests).
    pub fn highlights(&self) -> Vec<&PostSummary> {
        self.site
            .highlights
            .iter()
            .filter_map(|s| self.post(s))
            .collect()
    }

    /// The years the posts span, for the footer's copyright: `2019–2024`, or `2024` when every
    /// post is from one year; `None` without dated posts.
    pub fn copyright_years(&self) -> Option<String> {
        let years = self
            .posts
            .iter()
            .filter_map(|p| p.date.get(..4)?.parse::<u32>().ok());
        let (first, last) = years.fold(None, |span: Option<(u32, u32)>, year| {
            Some(span.map_or((year, year), |(a, b)| (a.min(year), b.max(year))))
        })?;
        Some(if first == last {
            first.to_string()
        } else {
            format!("{first}\u{2013}{last}")
        })
    }

    /// The "Read next" posts of `post`, in its order; positions that name no post are skipped.
    pub fn related<'a>(&'a self, post: &'a PostSummary) -> impl Iterator<Item = &'a PostSummary> {
        post.related
            .iter()
            .filter_map(|&i| self.posts.get(i as usize))
    }

    /// Whether any post carries a tag: a site without tags has no "Tags" link in its header (a
    /// page reading "0 tags" helps no one).
    pub fn has_tags(&self) -> bool {
        self.posts.iter().any(|p| !p.tags.is_empty())
    }

    /// Posts carrying the tag whose page is `/tags/<slug>`, in any spelling
    /// ([`crate::tags::tag_slug`]), newest first.
    pub fn tagged<'a>(&'a self, slug: &'a str) -> impl Iterator<Item = &'a PostSummary> + 'a {
        self.posts
            .iter()
            .filter(move |p| crate::tags::has_tag(&p.tags, slug))
    }
}

/// Where a post's Markdown body is published, relative to the site root.
pub fn post_body_path(slug: &str) -> String {
    format!("posts/{slug}.md")
}

/// Where a post's rendered body (the HTML the app shows) is published, relative to the site
/// root. Not `posts/<slug>.html`: GitHub Pages, Netlify and Cloudflare Pages answer the page URL
/// `/posts/<slug>` with that file when it exists, which would show the bare body instead of the
/// app (and that name belongs to a prerendered page, if any).
pub fn post_html_path(slug: &str) -> String {
    format!("bodies/{slug}.html")
}

/// Reading time in whole minutes for a word count, at 230 words a minute, never less than 1.
pub fn reading_minutes(word_count: u32) -> u32 {
    word_count.div_ceil(230).max(1)
}
