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
use super::parallel;
use super::post_links::{folder_of, PostTable};
use super::shortcodes::{self, PostRefs};
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
    );
    let rendered = parallel::map(&published.posts, |(_, post)| {
        render(content_dir, post, &table, assets)
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

/// Resolves the template tags that link posts, from the linking post's folder.
struct Refs<'a> {
    table: &'a PostTable,
    dir: &'a str,
}

impl PostRefs for Refs<'_> {
    fn post_url(&self, name: &str) -> Result<String, String> {
        self.table.post_url(name)
    }

    fn hugo_ref(&self, target: &str) -> Result<String, String> {
        self.table.hugo_ref(self.dir, target)
    }
}

fn render(
    content_dir: &Path,
    post: &SourcePost,
    table: &PostTable,
    assets: &Assets,
) -> (Body, Vec<Warning>) {
    let dir = folder_of(content_dir, &post.path);
    let converted = shortcodes::convert(&post.body, &Refs { table, dir: &dir });
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
