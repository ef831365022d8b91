//! Published posts' bodies as written to `bodies/<slug>.html`, rendered once every post's slug
//! is known so links between posts can be resolved: template syntax converted (see
//! `super::shortcodes`), the article rendered with links to other posts pointing at their pages
//! (see `super::post_links`), and links to the files beside the post at their published copies
//! (see `super::assets`). A post's summary marker is read here too, from the converted text.

use std::path::Path;

use super::assemble::Published;
use super::assets::Assets;
use super::error::{line_at, Warning};
use super::load::SourcePost;
use super::old_addresses::{old_path, OldAddresses, PostFacts};
use super::parallel;
use super::post_links::{folder_of, relative_key, PostTable};
use super::shortcodes::{self, PostRefs};
use super::site_config::{lookup, scalar_text, Generator, SiteConfig};
use super::summary;
use folio_markdown::render_article_with_links;

/// A post's rendered body and what was learnt rendering it.
#[derive(Clone, Debug, PartialEq)]
pub struct Body {
    pub html: String,
    /// From the summary marker, when the front matter gives no summary.
    pub summary: Option<String>,
}

/// Renders the published posts (spread over the cores), in their order, and what the authors
/// should hear about: links to posts that are not published and unsupported shortcodes, in path
/// and line order.
pub fn render_published(
    content_dir: &Path,
    published: &Published,
    assets: &Assets,
    site: &SiteConfig,
) -> (Vec<Body>, Vec<Warning>) {
    let table = PostTable::new(
        content_dir,
        published
            .posts
            .iter()
            .map(|(slug, post)| (post.path.as_path(), slug.as_str())),
        published
            .held_back
            .iter()
            .map(|(path, why)| (path.as_path(), *why)),
    )
    .with_old_addresses(old_addresses(content_dir, published, site));
    let rendered = parallel::map(&published.posts, |(_, post)| {
        render(content_dir, post, &table, assets, site)
    });
    let mut warnings = Vec::new();
    let bodies = rendered
        .into_iter()
        .map(|(body, post_warnings)| {
            warnings.extend(post_warnings);
            body
        })
        .collect();
    warnings.sort_by(|a: &Warning, b: &Warning| (&a.path, a.line).cmp(&(&b.path, b.line)));
    (bodies, warnings)
}

/// Where the published posts lived on the old site: their old addresses by the generator's
/// rules, and the ones their front matter names.
pub fn old_addresses(content_dir: &Path, published: &Published, site: &SiteConfig) -> OldAddresses {
    let mut paths = Vec::new();
    let mut bundles = Vec::new();
    for (slug, post) in &published.posts {
        let relative = relative_key(content_dir, &post.path);
        let name = post
            .explicit_slug
            .as_ref()
            .map_or(post.derived_slug.as_str(), |(s, _)| s.as_str());
        let facts = PostFacts {
            relative: &relative,
            slug: name,
            title: &post.title,
            year: post.date.day.year(),
            month: u8::from(post.date.day.month()),
            day: post.date.day.day(),
            categories: &post.categories,
        };
        if let Some(path) = old_path(site, &facts) {
            if let Some(bundle) = &post.bundle {
                bundles.push((path.clone(), bundle.clone()));
            }
            paths.push((path, slug.clone()));
        }
        for alias in &post.aliases {
            // Hugo's `url` moves the bundle's files with the page.
            if let Some(bundle) = post.bundle.as_ref().filter(|_| alias.starts_with('/')) {
                bundles.push((alias.clone(), bundle.clone()));
            }
            paths.push((alias.clone(), slug.clone()));
        }
    }
    OldAddresses::new(site, paths).with_bundles(bundles)
}

/// Resolves the template tags that link posts, from the linking post's folder, and reads the
/// site's and the post's values.
struct Refs<'a> {
    table: &'a PostTable,
    dir: &'a str,
    site: &'a SiteConfig,
    post: &'a SourcePost,
}

impl PostRefs for Refs<'_> {
    fn post_url(&self, name: &str) -> Result<String, String> {
        self.table.post_url(name)
    }

    fn hugo_ref(&self, target: &str) -> Result<String, String> {
        self.table.hugo_ref(self.dir, target)
    }

    fn jekyll_link(&self, path: &str) -> Result<String, String> {
        self.table.at_path(path)
    }

    fn generator(&self) -> Generator {
        self.site.generator
    }

    fn site_value(&self, key: &str) -> Option<String> {
        lookup(&self.site.values, key).and_then(scalar_text)
    }

    fn page_value(&self, key: &str) -> Option<String> {
        lookup(&self.post.values, key)
            .or_else(|| lookup(&self.post.values, &format!("params.{key}")))
            .or_else(|| lookup(&self.post.values, &format!("extra.{key}")))
            .and_then(scalar_text)
            .or_else(|| (key == "title").then(|| self.post.title.clone()))
    }

    fn writes_site_address(&self, name: &str) -> bool {
        self.site.address_shortcodes.iter().any(|n| n == name)
    }
}

fn render(
    content_dir: &Path,
    post: &SourcePost,
    table: &PostTable,
    assets: &Assets,
    site: &SiteConfig,
) -> (Body, Vec<Warning>) {
    let dir = folder_of(content_dir, &post.path);
    let refs = Refs {
        table,
        dir: &dir,
        site,
        post,
    };
    let converted = shortcodes::convert(&post.body, &refs);
    // (offset in the body as written, message)
    let mut notes: Vec<(usize, String)> = converted
        .notes
        .into_iter()
        .map(|note| (note.offset, note.message))
        .collect();
    let mut links = |dest: &str, offset: usize| match table.markdown_link(&dir, dest)? {
        Ok(href) => Some(href),
        Err(why) => {
            let at = converted.source_map.source_offset(offset);
            notes.push((
                at,
                format!("link to {dest} names no published post ({why}); left as written"),
            ));
            None
        }
    };
    let html = render_article_with_links(&converted.markdown, &mut links).html;
    let summary = if post.summary.is_empty() {
        summary::before_marker(&converted.markdown, post.excerpt_separator.as_deref())
    } else {
        None
    };
    notes.sort_by_key(|(at, _)| *at);
    let warnings = notes
        .into_iter()
        .map(|(at, message)| Warning {
            path: post.path.clone(),
            line: Some(post.body_line + line_at(&post.body, at) - 1),
            message,
        })
        .collect();
    let body = Body {
        html: assets.rewrite(&html, &dir),
        summary,
    };
    (body, warnings)
}
