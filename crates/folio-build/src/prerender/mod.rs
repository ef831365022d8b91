//! Prerendering: every route of a built site written as static HTML, so readers see the page as
//! soon as the HTML and CSS arrive, crawlers read it without script, and a deep link is a real
//! file (status 200) rather than the `404.html` fallback. The app then takes over the page (see
//! `takeover.rs` in the app), so the markup here mirrors the app's components: same elements, same
//! classes, same text. An end-to-end test compares the two.
//!
//! Plain data in, files out: it reads what the app reads from the built folder (`manifest.json`,
//! each post's body HTML) and pours each page into the `index.html` Trunk built (kept as
//! `404.html`, the shell for unknown paths).
//!
//! | route          | file                                   |
//! |----------------|----------------------------------------|
//! | `/`            | `index.html`                           |
//! | `/posts/:slug` | `posts/<slug>.html`, and `posts/<slug>/index.html` when the slug has a dot |
//! | `/tags/:tag`   | `tags/<slug>.html` (`folio_core::tags::tag_slug`) |
//! | `/tags`        | `tags.html`, and `tags/index.html` for hosts that redirect `/tags` to `/tags/` |
//! | `/archive`     | `archive.html`                         |
//! | `/search`      | `search.html`                          |
//!
//! Static hosts serve `/posts/x` from `posts/x.html` (GitHub Pages, Netlify, Cloudflare Pages;
//! nginx with `try_files $uri $uri.html $uri/ /404.html`), except when the last segment has a
//! dot: see [`route_files`]. The app reads `x.html`, `x/index.html` and `x/` as `x`
//! (`folio_core::page_path`).

mod error;
mod frame;
mod html;
mod pages;
mod shell;

use std::fs;
use std::path::Path;

pub use error::PrerenderError;
pub use shell::{Page, Shell, ShellError};

use folio_core::model::Manifest;

/// What a prerender wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prerendered {
    /// The files written, relative to the site folder.
    pub files: Vec<String>,
}

/// Prerenders every route of the site built in `dist` (by `scripts/build`), in place.
///
/// The shell is `404.html` (the untouched `index.html`, which this replaces with the home page);
/// a site without one gets it first, so running this twice gives the same result.
pub fn prerender(dist: &Path) -> Result<Prerendered, PrerenderError> {
    let shell_path = dist.join("404.html");
    if !shell_path.exists() {
        let index = dist.join("index.html");
        fs::copy(&index, &shell_path)
            .map_err(|e| PrerenderError::io(&index, "copying to 404.html", e))?;
    }
    let shell_html = read(&shell_path)?;
    let shell = Shell::parse(&shell_html).map_err(|source| PrerenderError::Shell {
        path: shell_path.clone(),
        source,
    })?;
    let manifest_path = dist.join("manifest.json");
    let manifest: Manifest = serde_json::from_str(&read(&manifest_path)?).map_err(|source| {
        PrerenderError::Manifest {
            path: manifest_path.clone(),
            source,
        }
    })?;
    let site = pages::SiteContext::new(&manifest, shell::base_href(&shell_html));

    let mut files = Vec::new();
    let mut write = |relative: String, page: pages::PageHtml| -> Result<(), PrerenderError> {
        let path = dist.join(&relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| PrerenderError::io(parent, "creating folder", e))?;
        }
        fs::write(&path, shell.render(&page.as_page()))
            .map_err(|e| PrerenderError::io(&path, "writing", e))?;
        files.push(relative);
        Ok(())
    };

    write("index.html".to_owned(), pages::home(&site))?;
    for post in &manifest.posts {
        let body_path = dist.join(folio_core::model::post_html_path(&post.slug));
        let body = read(&body_path)?;
        for file in route_files(&format!("posts/{}", post.slug)) {
            write(file, pages::post(&site, post, &body))?;
        }
    }
    // One page per slug: a safe file name, and `Rust` and `rust` share it rather than overwrite
    // each other on a case-insensitive file system.
    for entry in folio_core::tags::site_tags(&manifest) {
        write(
            format!("tags/{}.html", entry.slug),
            pages::tag(&site, &entry),
        )?;
    }
    write("tags.html".to_owned(), pages::tags(&site))?;
    write("tags/index.html".to_owned(), pages::tags(&site))?;
    write("archive.html".to_owned(), pages::archive(&site))?;
    write("search.html".to_owned(), pages::search(&site))?;
    Ok(Prerendered { files })
}

/// The files a route's page is written to: `<route>.html`, which static hosts serve for
/// `/<route>`, and, when the route's last segment has a dot (`posts/Rust-1.75.0`), also
/// `<route>/index.html`: hosts look for `<route>.html` only when the path has no extension, and
/// `.0` reads as one, but every host serves a folder's `index.html` (for `/<route>/`, and most
/// for `/<route>` too, directly or by redirecting to `/<route>/`; the app then drops the slash).
pub fn route_files(route: &str) -> Vec<String> {
    let last = route.rsplit('/').next().unwrap_or(route);
    let mut files = vec![format!("{route}.html")];
    if last.contains('.') {
        files.push(format!("{route}/index.html"));
    }
    files
}

fn read(path: &Path) -> Result<String, PrerenderError> {
    fs::read_to_string(path).map_err(|e| PrerenderError::io(path, "reading", e))
}

#[cfg(test)]
mod tests {
    use super::route_files;

    #[test]
    fn a_route_with_a_dot_in_its_last_segment_is_also_a_folder() {
        assert_eq!(route_files("posts/hello"), ["posts/hello.html"]);
        assert_eq!(
            route_files("posts/Rust-1.75.0"),
            ["posts/Rust-1.75.0.html", "posts/Rust-1.75.0/index.html"]
        );
        assert_eq!(
            route_files("tags/node.js"),
            ["tags/node.js.html", "tags/node.js/index.html"]
        );
    }
}
