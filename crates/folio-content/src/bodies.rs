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
use super::render_cache::{body_hash, RecordingTable, RenderCache, Rendering};
use super::shortcodes::{self, PostRefs};
use super::site_config::{lookup, scalar_text, Generator, SiteConfig};
use super::summary;
use folio_markdown::html::text::plain_text;
use folio_markdown::render_article_with_links;

/// A post's rendered body and what was learnt rendering it.
#[derive(Clone, Debug, PartialEq)]
pub struct Body {
    pub html: String,
    /// From the summary marker, when the front matter gives no summary.
    pub summary: Option<String>,
    /// The plain text a reader reads in `html`, once read (see [`read_texts`]).
    pub text: Option<String>,
    /// The rendering as the cache keeps it, when there is a cache.
    pub cached: Option<Cached>,
}

/// A body's entry in the render cache.
#[derive(Clone, Debug, PartialEq)]
pub struct Cached {
    pub key: String,
    pub rendering: Rendering,
    /// Rendered afresh: not in the cache yet.
    pub fresh: bool,
}

/// Renders the published posts (spread over the cores), in their order, and what the authors
/// should hear about: links to posts that are not published and unsupported shortcodes, in path
/// and line order.
pub fn render_published(
    content_dir: &Path,
    published: &Published,
    assets: &Assets,
    site: &SiteConfig,
    cache: &RenderCache,
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
        render(content_dir, post, &table, assets, site, cache)
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
    table: &'a RecordingTable<'a>,
    site: &'a SiteConfig,
    post: &'a SourcePost,
}

impl PostRefs for Refs<'_> {
    fn post_url(&self, name: &str) -> Result<String, String> {
        self.table.post_url(name)
    }

    fn hugo_ref(&self, target: &str) -> Result<String, String> {
        self.table.hugo_ref(target)
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
    cache: &RenderCache,
) -> (Body, Vec<Warning>) {
    let dir = folder_of(content_dir, &post.path);
    let key = cache.key(content_dir, post, site);
    let reused = key.as_deref().and_then(|key| cache.get(key, table, &dir));
    let fresh = reused.is_none();
    let rendering = reused.unwrap_or_else(|| {
        cache.count_rendered();
        render_markdown(post, table, site, &dir)
    });
    let warnings = rendering
        .notes
        .iter()
        .map(|(at, message)| Warning {
            path: post.path.clone(),
            line: Some(post.body_line + line_at(&post.body, *at) - 1),
            message: message.clone(),
        })
        .collect();
    // Links to the post's own files are rewritten on every build: their targets and image
    // sizes come from files the cache key does not cover.
    let body = Body {
        html: assets.rewrite(&rendering.html, &dir),
        summary: rendering.summary.clone(),
        text: None,
        cached: key.map(|key| Cached {
            key,
            rendering,
            fresh,
        }),
    };
    (body, warnings)
}

/// Converts the post's template syntax and renders it, recording what it asked about other
/// posts.
fn render_markdown(
    post: &SourcePost,
    table: &PostTable,
    site: &SiteConfig,
    dir: &str,
) -> Rendering {
    let table = RecordingTable::new(table, dir);
    let refs = Refs {
        table: &table,
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
    let mut links = |dest: &str, offset: usize| match table.markdown_link(dest)? {
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
    Rendering {
        html,
        summary,
        notes,
        lookups: table.into_lookups(),
        text: None,
    }
}

/// Reads every finished body's plain text (the search index's and the word count's source),
/// from the cache when it holds the text of exactly this body, and brings the cache up to
/// date: new renderings and texts are written, entries no post used are removed.
pub fn read_texts(bodies: &mut [Body], cache: &RenderCache) {
    let texts = parallel::map(bodies, |body| {
        let hash = body.cached.as_ref().map(|_| body_hash(&body.html));
        let known = body.cached.as_ref().and_then(|c| match &c.rendering.text {
            Some((h, text)) if Some(*h) == hash => Some(text.clone()),
            _ => None,
        });
        let text = known.clone().unwrap_or_else(|| plain_text(&body.html));
        if let (Some(cached), Some(hash)) = (&body.cached, hash) {
            if cached.fresh || known.is_none() {
                let mut rendering = cached.rendering.clone();
                rendering.text = Some((hash, text.clone()));
                cache.store(&cached.key, &rendering);
            }
        }
        text
    });
    for (body, text) in bodies.iter_mut().zip(texts) {
        body.text = Some(text);
    }
    let used: Vec<&str> = bodies
        .iter()
        .filter_map(|b| b.cached.as_ref().map(|c| c.key.as_str()))
        .collect();
    cache.keep_only(&used);
}
