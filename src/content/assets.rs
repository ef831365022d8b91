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
//! Relative links that name no file, absolute paths (`/img/x.png`) and URLs with a scheme are
//! left as written. `srcset` is not rewritten.
//!
//! Why not next to the post's page (`posts/<slug>/diagram.png`)? A folder at a page's path makes
//! static hosts answer `/posts/<slug>` with a redirect to the folder or a listing of it instead
//! of the app.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::image_size::image_size;
use crate::html_text::{pieces, unescape, Piece, StartTag};

/// The output folder of published files.
pub const ASSET_DIR: &str = "files";

/// The non-Markdown files of a content folder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assets {
    content_dir: PathBuf,
    /// Paths relative to the content folder, `/`-separated.
    files: BTreeSet<String>,
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
        let files = relative_paths
            .iter()
            .map(|p| {
                p.components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .collect();
        Assets {
            content_dir: content_dir.to_owned(),
            files,
        }
    }

    /// Every file, with where it is published.
    pub fn outputs(&self) -> Vec<Asset> {
        self.files
            .iter()
            .map(|file| Asset {
                source: self.content_dir.join(file),
                output: format!("{ASSET_DIR}/{file}"),
            })
            .collect()
    }

    /// `html` (rendered from a Markdown file in the content folder's `dir`, `/`-separated, ""
    /// for the folder itself) with links to these files pointing at their published copies and
    /// images sized (see the module documentation).
    pub fn rewrite(&self, html: &str, dir: &str) -> String {
        if self.files.is_empty() {
            return html.to_owned();
        }
        let mut out = String::with_capacity(html.len() + 64);
        for piece in pieces(html) {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Markup(markup) => self.rewrite_tag(&mut out, markup, dir),
            }
        }
        out
    }

    fn rewrite_tag(&self, out: &mut String, markup: &str, dir: &str) {
        let Some(tag) = StartTag::parse(markup) else {
            out.push_str(markup);
            return;
        };
        let is_img = tag.name.eq_ignore_ascii_case("img");
        let attr = if is_img {
            "src"
        } else if tag.name.eq_ignore_ascii_case("a") {
            "href"
        } else {
            out.push_str(markup);
            return;
        };
        let target = tag.attr(attr).and_then(|a| {
            let (file, suffix) = self.resolve(dir, &unescape(a.value?))?;
            Some((a.value_span.clone(), file, suffix))
        });
        let Some((span, file, suffix)) = target else {
            out.push_str(markup);
            return;
        };
        // Before the tag's closing `>` or `/>`, where width and height go.
        let close = markup
            .trim_end_matches('>')
            .trim_end_matches('/')
            .trim_end()
            .len();
        out.push_str(&markup[..span.start]);
        out.push_str(ASSET_DIR);
        out.push('/');
        push_encoded(out, &file);
        crate::html_text::escape_attr(out, &suffix);
        out.push_str(&markup[span.end..close]);
        if is_img && tag.attr("width").is_none() && tag.attr("height").is_none() {
            if let Some((width, height)) = image_size(&self.content_dir.join(&file)) {
                out.push_str(&format!(" width=\"{width}\" height=\"{height}\""));
            }
        }
        out.push_str(&markup[close..]);
    }

    /// The file a URL written in `dir` names, and the URL's query and fragment (`?…#…`), when
    /// the URL is relative and the file is one of these.
    fn resolve(&self, dir: &str, url: &str) -> Option<(String, String)> {
        let url = url.trim();
        let split = url.find(['?', '#']).unwrap_or(url.len());
        let (path, suffix) = url.split_at(split);
        if path.is_empty() || path.starts_with('/') || has_scheme(path) {
            return None;
        }
        let path = percent_decode(path)?;
        let mut segments: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
        for segment in path.split('/') {
            match segment {
                "" | "." => {}
                ".." => {
                    segments.pop()?;
                }
                s => segments.push(s),
            }
        }
        let file = segments.join("/");
        self.files
            .contains(&file)
            .then(|| (file, suffix.to_owned()))
    }
}

/// Whether a URL path starts with a scheme (`https:`, `mailto:`): a `:` before any `/`.
fn has_scheme(path: &str) -> bool {
    path.split('/')
        .next()
        .is_some_and(|first| first.contains(':'))
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |i: usize| char::from(*b.get(i)?).to_digit(16);
        match (b[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push(u8::try_from(hi * 16 + lo).ok()?);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// A content path as a URL path: characters that need it percent-encoded, `/` kept.
fn push_encoded(out: &mut String, path: &str) {
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$()*+,;=:@/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}
