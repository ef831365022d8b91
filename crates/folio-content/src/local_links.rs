//! After every post is rendered, its local references are settled against the whole site:
//! a fragment written for the old generator's heading ids (`#sotheres-a-lot`, where Folio's id
//! is `so-there-s-a-lot`) is pointed at the id here, and a link or image naming nothing the
//! site publishes (a missing file, post or anchor) is a warning with the file and line, so
//! nothing breaks silently.

use std::collections::{HashMap, HashSet};

use super::assemble::Published;
use super::bodies::Body;
use super::error::{line_at, Warning};
use super::link_check::{is_external, percent_decode, references, Anchors};
use super::load::SourcePost;
use super::old_addresses::OldAddresses;
use super::ASSET_DIR;
use folio_core::tags::tag_slug;

/// Paths of the site's own pages besides posts and files, which links may name.
const SITE_PAGES: [&str; 8] = [
    "",
    "tags",
    "archive",
    "search",
    "atom.xml",
    "rss.xml",
    "sitemap.xml",
    "robots.txt",
];

/// Settles `bodies` (one per published post, in order) in place and returns the warnings.
/// `files` are the published files' paths (`files/…`).
pub fn settle(
    published: &Published,
    bodies: &mut [Body],
    files: &HashSet<String>,
    old: &OldAddresses,
) -> Vec<Warning> {
    let anchors: HashMap<&str, Anchors> = published
        .posts
        .iter()
        .zip(bodies.iter())
        .map(|((slug, _), body)| (slug.as_str(), Anchors::of(&body.html)))
        .collect();
    let mut warnings = Vec::new();
    for ((slug, post), body) in published.posts.iter().zip(bodies.iter_mut()) {
        let mut edits = Vec::new();
        for reference in references(&body.html) {
            let url = reference.url.as_str();
            if is_external(url) {
                continue;
            }
            let (path, fragment) = match url.split_once('#') {
                Some((path, fragment)) => (path, Some(fragment)),
                None => (url, None),
            };
            let path = path.split('?').next().unwrap_or_default();
            let site_path = percent_decode(path.trim_start_matches('/'));
            let target = if path.is_empty() {
                Some(slug.as_str())
            } else {
                site_path
                    .strip_prefix("posts/")
                    .filter(|s| anchors.contains_key(s))
            };
            if let Some(target) = target {
                let Some(fragment) = fragment.filter(|f| !f.is_empty()) else {
                    continue;
                };
                match anchors[target].find(fragment) {
                    Some(id) if id == fragment => {}
                    Some(id) => edits.push((reference.span, format!("{path}#{id}"))),
                    None => warnings.push(warn(
                        post,
                        url,
                        format!("link to #{fragment}: no such heading or anchor in {target}"),
                    )),
                }
                continue;
            }
            // A link to a Markdown file that is no published post was warned about already.
            let lower = site_path.to_ascii_lowercase();
            if lower.ends_with(".md") || lower.ends_with(".markdown") {
                continue;
            }
            let publishes = files.contains(&site_path)
                || SITE_PAGES.contains(&site_path.trim_end_matches('/'))
                || site_path.starts_with("tags/");
            if !publishes {
                // The old site's addresses of what the site does have: a bundle's file at its
                // page's address, a taxonomy term's page.
                if let Some(file) = old.bundle_file(&percent_decode(path)) {
                    let published = format!("{ASSET_DIR}/{file}");
                    if files.contains(&published) {
                        edits.push((reference.span, published));
                        continue;
                    }
                }
                if let Some(term) = old.taxonomy_term(path) {
                    edits.push((reference.span, format!("tags/{}", tag_slug(&term))));
                    continue;
                }
                let what = if reference.element == "a" {
                    "link to"
                } else {
                    "missing"
                };
                warnings.push(warn(
                    post,
                    url,
                    format!("{what} {url}: the site has no such file or post"),
                ));
            }
        }
        if !edits.is_empty() {
            body.html = apply(&body.html, edits);
        }
    }
    warnings
}

/// A warning about `url` in `post`, on the line where the post's source first writes it.
fn warn(post: &SourcePost, url: &str, message: String) -> Warning {
    let needle = url
        .split('#')
        .next()
        .filter(|p| !p.is_empty())
        .unwrap_or(url);
    let line = post.body.find(needle).map_or(post.body_line, |at| {
        post.body_line + line_at(&post.body, at) - 1
    });
    Warning {
        path: post.path.clone(),
        line: Some(line),
        message,
    }
}

/// `html` with each span replaced (spans in order, not overlapping); the new values are
/// attribute text, escaped here.
fn apply(html: &str, edits: Vec<(std::ops::Range<usize>, String)>) -> String {
    let mut out = String::with_capacity(html.len() + 16);
    let mut at = 0;
    for (span, value) in edits {
        out.push_str(&html[at..span.start]);
        folio_core::html_text::escape_attr(&mut out, &value);
        at = span.end;
    }
    out.push_str(&html[at..]);
    out
}

/// The set [`settle`] checks files against, from the published outputs.
pub fn published_files<'a>(outputs: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
    outputs.into_iter().map(str::to_owned).collect()
}
