//! Links between posts, written the ways the generators allow: Zola's `@/blog/other.md`
//! (from the content folder's root), a relative link to the Markdown file (`other.md`,
//! `../2024/post.md#x`), Jekyll's `{% post_url 2024-02-03-name %}` (by file stem) and Hugo's
//! `ref`/`relref` (by path or file name). Each goes to the target post's page, `posts/<slug>`
//! relative to the site's base like every other link the build writes (see `super::assets`),
//! so sub-path deploys and the feeds' absolute URLs work; the `#fragment` is kept.
//!
//! Resolving needs every post's slug, so it happens after slugs are assigned and before bodies
//! are rendered (see `super::bodies`).

use std::collections::HashMap;
use std::path::Path;

use super::old_addresses::OldAddresses;
use super::relative_path::{join, percent_decode};
use folio_core::site_url::post_path;

/// Every post of the content folder by its path there (`/`-separated).
#[derive(Debug, Default)]
pub struct PostTable {
    posts: HashMap<String, Target>,
    /// Where the posts lived on the old site, for links written with those addresses.
    old: OldAddresses,
}

#[derive(Clone, Debug)]
enum Target {
    Published {
        slug: String,
    },
    /// Held back: a draft, dated in the future.
    HeldBack {
        why: &'static str,
    },
}

impl PostTable {
    /// The published posts' files with their slugs, the held-back ones' with why; paths as
    /// loaded (content folder joined with the path in it).
    pub fn new<'a>(
        content_dir: &Path,
        published: impl IntoIterator<Item = (&'a Path, &'a str)>,
        held_back: impl IntoIterator<Item = (&'a Path, &'static str)>,
    ) -> Self {
        let key = |path: &Path| relative_key(content_dir, path);
        let mut posts = HashMap::new();
        for (path, why) in held_back {
            posts.insert(key(path), Target::HeldBack { why });
        }
        for (path, slug) in published {
            let slug = slug.to_owned();
            posts.insert(key(path), Target::Published { slug });
        }
        PostTable {
            posts,
            old: OldAddresses::default(),
        }
    }

    /// Also resolves links written with the posts' addresses on the old site.
    pub fn with_old_addresses(mut self, old: OldAddresses) -> Self {
        self.old = old;
        self
    }

    /// Where a Markdown link written in the content folder's `dir` goes, when it names a
    /// Markdown file (`@/…`, or a relative path ending in `.md`); `None` for any other link.
    pub fn markdown_link(&self, dir: &str, dest: &str) -> Option<Result<String, String>> {
        let (path, fragment) = split_fragment(dest.trim());
        if let Some(from_root) = path.strip_prefix("@/") {
            return Some(self.at(&join("", from_root)?, fragment));
        }
        let is_relative = !path.starts_with('/') && !path.contains(':');
        let lower = path.to_ascii_lowercase();
        if !is_relative || !(lower.ends_with(".md") || lower.ends_with(".markdown")) {
            return self.old.find(dest.trim()).map(|(slug, fragment)| {
                Ok(format!(
                    "{}{fragment}",
                    post_path(slug).trim_start_matches('/')
                ))
            });
        }
        let path = percent_decode(path).unwrap_or_else(|| path.to_owned());
        Some(match join(dir, &path) {
            Some(file) => self.at(&file, fragment),
            None => Err("outside the content folder".to_owned()),
        })
    }

    /// Jekyll's `post_url`: the post whose path without `.md` ends with `name`
    /// (`2024-02-03-second`, or `subdir/2024-02-03-second`).
    pub fn post_url(&self, name: &str) -> Result<String, String> {
        let name = name.trim_matches('/');
        let matches: Vec<&String> = self
            .posts
            .keys()
            .filter(|path| {
                let stem = strip_markdown_extension(path);
                stem == name || stem.ends_with(&format!("/{name}"))
            })
            .collect();
        self.unique(matches, "")
    }

    /// Hugo's `ref`/`relref`, written in the content folder's `dir`: a path from the content
    /// root when it starts with `/`, else from `dir` then from the root, with or without `.md`,
    /// or a bundle's folder; failing that, a file (or bundle) name that only one post has.
    pub fn hugo_ref(&self, dir: &str, target: &str) -> Result<String, String> {
        let (path, fragment) = split_fragment(target.trim());
        if path.is_empty() {
            return Ok(fragment.to_owned()); // `#anchor`: this very page
        }
        let bases = match path.strip_prefix('/') {
            Some(from_root) => vec![join("", from_root)],
            None => vec![join(dir, path), join("", path)],
        };
        for base in bases.into_iter().flatten() {
            for candidate in [
                base.clone(),
                format!("{base}.md"),
                format!("{base}/index.md"),
            ] {
                if self.posts.contains_key(&candidate) {
                    return self.at(&candidate, fragment);
                }
            }
        }
        let wanted = name_of(strip_markdown_extension(path));
        let matches: Vec<&String> = self
            .posts
            .keys()
            .filter(|p| name_of(strip_markdown_extension(p)) == wanted)
            .collect();
        self.unique(matches, fragment)
    }

    fn unique(&self, matches: Vec<&String>, fragment: &str) -> Result<String, String> {
        match matches.as_slice() {
            [] => Err("no such post".to_owned()),
            [one] => self.at(one, fragment),
            many => {
                let mut paths: Vec<&str> = many.iter().map(|p| p.as_str()).collect();
                paths.sort_unstable();
                Err(format!("{} posts match: {}", paths.len(), paths.join(", ")))
            }
        }
    }

    /// Jekyll's `link`: a post by its path from the content folder (`_posts/x.md`), `#fragment`
    /// allowed.
    pub fn at_path(&self, path: &str) -> Result<String, String> {
        let (path, fragment) = split_fragment(path.trim());
        self.at(path.trim_start_matches('/'), fragment)
    }

    fn at(&self, file: &str, fragment: &str) -> Result<String, String> {
        match self.posts.get(file) {
            Some(Target::Published { slug }) => Ok(format!(
                "{}{fragment}",
                post_path(slug).trim_start_matches('/')
            )),
            Some(Target::HeldBack { why }) => Err(format!("{file} is {why}")),
            None => Err(format!("no post {file}")),
        }
    }
}

/// The folder a post's links are relative to, `/`-separated ("" for the content folder).
pub fn folder_of(content_dir: &Path, post: &Path) -> String {
    let key = relative_key(content_dir, post);
    key.rsplit_once('/').map_or("", |(dir, _)| dir).to_owned()
}

pub fn relative_key(content_dir: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(content_dir).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// `path` and its `#fragment` (with the `#`; a query goes with the fragment, a post's page
/// ignores it).
fn split_fragment(link: &str) -> (&str, &str) {
    link.split_at(link.find(['#', '?']).unwrap_or(link.len()))
}

/// A post's path without `.md` or `.markdown`.
fn strip_markdown_extension(path: &str) -> &str {
    path.strip_suffix(".md")
        .or_else(|| path.strip_suffix(".markdown"))
        .unwrap_or(path)
}

/// A post's name for Hugo: its file stem, or its folder's name for a bundle's `index`.
fn name_of(path_without_md: &str) -> &str {
    let mut segments = path_without_md.rsplit('/');
    let last = segments.next().unwrap_or_default();
    match last {
        "index" | "_index" => segments.next().unwrap_or(last),
        _ => last,
    }
}

#[cfg(test)]
mod tests;
