//! Files beside the posts: every file in the content folder that is not Markdown (nor hidden,
//! nor the site file) is published under `files/`, at its path in the content folder. A Zola or
//! Hugo page bundle (`posts/rust/index.md` with `posts/rust/diagram.png`) thus gets
//! `files/posts/rust/diagram.png`.
//!
//! Posts link such files relative to their own Markdown file (`![Diagram](diagram.png)`), but
//! the page they are shown on is `/posts/<slug>` under a `<base href>`, where that link would
//! resolve to the site root. So links and images whose URL is relative and names one of these
//! files are rewritten to the published path (relative to the base, so sub-path deploys work),
//! and images get the file's `width` and `height` so the text does not jump when they load.
//! A path from the site's root (`/img/x.png`) names the file at that path of the content
//! folder, or of Hugo's and Zola's `static/` (published at the site's root by them, under
//! `files/` here). Links that name no file and URLs with a scheme are left as written. Each
//! candidate of an `<img>` or `<source>` `srcset` is rewritten the same way.
//!
//! Why not next to the post's page (`posts/<slug>/diagram.png`)? A folder at a page's path makes
//! static hosts answer `/posts/<slug>` with a redirect to the folder or a listing of it instead
//! of the app.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use folio_markdown::html::srcset::map_urls;
use folio_markdown::html::tokens::{rewrite, StartTag, Token};
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use super::image_size::image_size;
use super::relative_path::{join, percent_decode};

/// The output folder of published files.
pub const ASSET_DIR: &str = "files";

/// The non-Markdown files of a content folder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assets {
    content_dir: PathBuf,
    /// Paths relative to the content folder, `/`-separated.
    files: BTreeSet<String>,
    /// Files that live outside the content folder (Hugo's and Zola's `static/`, published at
    /// the site's root): their path as published, and where they are.
    elsewhere: BTreeMap<String, PathBuf>,
}

/// A file to copy into the output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asset {
    pub source: PathBuf,
    /// Where it goes, relative to the output folder (`files/…`).
    pub output: String,
}

impl Assets {
    /// `relative_paths` are relative to `content_dir`.
    pub fn new(content_dir: &Path, relative_paths: &[PathBuf]) -> Self {
        let files = relative_paths.iter().map(|p| slash_path(p)).collect();
        Assets {
            content_dir: content_dir.to_owned(),
            files,
            elsewhere: BTreeMap::new(),
        }
    }

    /// Adds the files of a folder the old generator published at the site's root (`static/`):
    /// each is published as if it lay in the content folder at that path, unless a content file
    /// already has it.
    pub fn add_site_root_folder(&mut self, dir: &Path, relative_paths: &[PathBuf]) {
        for relative in relative_paths {
            let key = slash_path(relative);
            if self.files.insert(key.clone()) {
                self.elsewhere.insert(key, dir.join(relative));
            }
        }
    }

    fn source(&self, file: &str) -> PathBuf {
        self.elsewhere
            .get(file)
            .cloned()
            .unwrap_or_else(|| self.content_dir.join(file))
    }

    /// Every file, with where it is published.
    pub fn outputs(&self) -> Vec<Asset> {
        self.files
            .iter()
            .map(|file| Asset {
                source: self.source(file),
                output: format!("{ASSET_DIR}/{file}"),
            })
            .collect()
    }

    /// `html` (rendered from a Markdown file in the content folder's `dir`, `/`-separated, ""
    /// for the folder itself, and sanitized) with links to these files pointing at their
    /// published copies and images sized (see the module documentation).
    pub fn rewrite(&self, html: &str, dir: &str) -> String {
        if self.files.is_empty() {
            return html.to_owned();
        }
        rewrite(html, |token, out| {
            out.push(match token {
                Token::Start(mut tag) => {
                    self.rewrite_tag(&mut tag, dir);
                    Token::Start(tag)
                }
                token => token,
            })
        })
    }

    fn rewrite_tag(&self, tag: &mut StartTag, dir: &str) {
        let single = match tag.name.as_str() {
            "img" => "src",
            "a" => "href",
            _ => "",
        };
        let mut sized_by = None;
        if let Some(value) = tag.attr(single).map(str::to_owned) {
            if let Some((file, suffix)) = self.resolve(dir, &value) {
                tag.set_attr(single, published_url(&file, &suffix));
                sized_by = Some(file).filter(|_| tag.name == "img");
            }
        }
        if matches!(tag.name.as_str(), "img" | "source") {
            if let Some(value) = tag.attr("srcset").map(str::to_owned) {
                let rewritten = map_urls(&value, |url| {
                    let (file, suffix) = self.resolve(dir, url)?;
                    Some(published_url(&file, &suffix))
                });
                tag.set_attr("srcset", rewritten);
            }
        }
        let no_size = tag.attr("width").is_none() && tag.attr("height").is_none();
        if let Some(file) = sized_by.filter(|_| no_size) {
            if let Some((width, height)) = image_size(&self.source(&file)) {
                tag.set_attr("width", width.to_string());
                tag.set_attr("height", height.to_string());
            }
        }
    }

    /// The file a URL written in `dir` names, and the URL's query and fragment (`?…#…`), when
    /// the URL is relative and the file is one of these.
    fn resolve(&self, dir: &str, url: &str) -> Option<(String, String)> {
        let url = url.trim();
        let split = url.find(['?', '#']).unwrap_or(url.len());
        let (path, suffix) = url.split_at(split);
        if path.is_empty() || path.starts_with("//") || has_scheme(path) {
            return None;
        }
        // A path from the site's root (`/img/a.png`, as Jekyll, Hugo and Zola publish their
        // files there) names the file at that path of the content folder.
        let (dir, path) = match path.strip_prefix('/') {
            Some(from_root) => ("", from_root),
            None => (dir, path),
        };
        let path = percent_decode(path)?;
        // As written from the file's folder; then from the page's own address, a folder deeper
        // for a page that is not a bundle (`../a.png` in `blog/x.md`, shown at `/blog/x/`);
        // then from the content folder, as Zola's shortcodes take paths (`blog/x/a.png`, or
        // `content/blog/x/a.png` from the site's root).
        let candidates = [
            join(dir, &path),
            path.strip_prefix("../").and_then(|p| join(dir, p)),
            join("", &path),
            path.strip_prefix("content/").and_then(|p| join("", p)),
        ];
        candidates
            .into_iter()
            .flatten()
            .find(|file| self.files.contains(file))
            .map(|file| (file, suffix.to_owned()))
    }
}

/// A relative path, `/`-separated whatever the platform.
fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The published URL of a content file (relative to the site's base), with the query and
/// fragment the link had.
fn published_url(file: &str, suffix: &str) -> String {
    format!(
        "{ASSET_DIR}/{}{suffix}",
        utf8_percent_encode(file, PATH_UNSAFE)
    )
}

/// Bytes a URL path must have percent-encoded: all but letters, digits, `/` and
/// `-._~!$()*+,;=:@` (RFC 3986's unreserved and sub-delimiters, as before).
const PATH_UNSAFE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}')
    .add(b'&')
    .add(b'\'');

/// Whether a URL path starts with a scheme (`https:`, `mailto:`): a `:` before any `/`.
fn has_scheme(path: &str) -> bool {
    path.split('/')
        .next()
        .is_some_and(|first| first.contains(':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srcset_urls_of_files_are_published_and_the_rest_kept() {
        let assets = Assets::new(
            Path::new("/content"),
            &[
                PathBuf::from("posts/p/a.png"),
                PathBuf::from("posts/p/a@2x.png"),
                PathBuf::from("posts/p/b c.png"),
            ],
        );
        let html =
            "<img src=\"a.png\" srcset=\"a.png 1x, a@2x.png 2x, https://x.org/a.png 3x\" alt=\"\">\
            <picture><source srcset=\"./a@2x.png 2x,missing.png\"></picture>\
            <img srcset=\"data:image/png;base64,AA,BB 1x, b%20c.png 2x\">";
        assert_eq!(
            assets.rewrite(html, "posts/p"),
            "<img src=\"files/posts/p/a.png\" srcset=\"files/posts/p/a.png 1x, files/posts/p/a@2x.png 2x, \
             https://x.org/a.png 3x\" alt=\"\" /><picture><source srcset=\"files/posts/p/a@2x.png 2x,missing.png\" /></picture>\
             <img srcset=\"data:image/png;base64,AA,BB 1x, files/posts/p/b%20c.png 2x\" />"
        );
    }
}
