//! Prerendering: every route of a built site written as static HTML, so readers see the page as
//! soon as the HTML and CSS arrive, crawlers read it without script, and a deep link is a real
//! file (status 200) rather than the `404.html` fallback.
//!
//! One rendering of each page: the HTML is what `folio_pages::App` draws for the route (Leptos
//! on the host, feature `ssr`), the very components the browser app runs, so the app can take
//! the page over (`takeover.rs` in the app) without anything moving. The build has no second
//! template of any page.
//!
//! Plain data in, files out: it reads what the app reads from the built folder (`manifest.json`,
//! each post's body HTML) and pours each page into the `index.html` Trunk built.
//!
//! | route          | files                                                  |
//! |----------------|--------------------------------------------------------|
//! | `/`            | `index.html`                                           |
//! | `/posts/:slug` | `posts/<slug>.html` and `posts/<slug>/index.html`      |
//! | `/tags/:tag`   | `tags/<slug>.html` and `tags/<slug>/index.html` (`folio_core::tags::tag_slug`) |
//! | `/tags`        | `tags.html` and `tags/index.html` (none without tags)  |
//! | `/archive`     | `archive.html` and `archive/index.html`                |
//! | `/search`      | `search.html` and `search/index.html`... see [`route_files`] |
//! | anything else  | `404.html`: the not-found page                         |
//!
//! Hosts serve `/posts/x` from `posts/x.html` (GitHub Pages, Netlify, Cloudflare Pages) or from
//! `posts/x/index.html` (nginx's and S3's defaults, after a redirect to `/posts/x/`); the app
//! reads `x.html`, `x/index.html` and `x/` as `x` (`folio_core::page_path`). Each page names its
//! own path (`<meta name="folio-path">`): on a host that answers an unknown path with
//! `index.html` or `404.html`, `public/theme.js` sees that the page is not the one asked for,
//! hides its content before the first paint, and the app draws the right one.

mod error;
mod html;
mod shell;

use std::fs;
use std::path::Path;
use std::sync::Arc;

pub use error::PrerenderError;
pub use shell::{Page, Shell, ShellError};

use folio_content::link_unchanged::LinkUnchanged;
use folio_core::model::{post_html_path, Manifest};
use folio_core::site_url::{post_path, tag_feed_path, tag_path};
use folio_pages::components::site_data::InitialBody;
use folio_pages::render::{render_page, RenderedPage};

/// The attribute a prerendered page's root carries (the app finds it by this, never by an id).
pub const ROOT: &str = "data-folio-root=\"prerendered\"";

/// What a prerender wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prerendered {
    /// The files written, relative to the site folder.
    pub files: Vec<String>,
}

/// Prerenders every route of the site built in `dist` (by `scripts/build`), in place.
///
/// The shell is the `index.html` Trunk wrote. A folder prerendered before can be prerendered
/// again (after new content is built into it): a page's own head tags are marked, and the
/// shell is what is left without them and without the page.
pub fn prerender(dist: &Path) -> Result<Prerendered, PrerenderError> {
    prerender_linking(dist, None)
}

/// Like [`prerender`]; with `previous` (an earlier build of the site, prerendered), a page
/// whose HTML is unchanged is a hard link to its copy there rather than a new file (see
/// `folio_content::link_unchanged`: creating files is most of a large site's prerendering).
pub fn prerender_linking(
    dist: &Path,
    previous: Option<&Path>,
) -> Result<Prerendered, PrerenderError> {
    let pages = render_all(dist)?;
    let links = previous.map(LinkUnchanged::new);
    for (relative, html) in &pages {
        let path = dist.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| PrerenderError::io(parent, "creating folder", e))?;
        }
        match &links {
            // index.html, the shell, is there already (its own file, from Trunk): replaced.
            Some(links) => links.write(relative, &path, html.as_bytes()),
            None => fs::write(&path, html),
        }
        .map_err(|e| PrerenderError::io(&path, "writing", e))?;
    }
    Ok(Prerendered {
        files: pages.into_iter().map(|(relative, _)| relative).collect(),
    })
}

/// The list an in-place prerender keeps, in the site folder, of the pages it wrote.
pub const IN_PLACE_LIST: &str = ".folio-prerendered";

/// Like [`prerender`], but writes only the pages whose HTML changed and removes the pages of
/// the previous in-place run that are gone (a deleted post's, a tag no post has any more): the
/// dev server's rebuild after an edit to one post rewrites that post's page and the lists.
pub fn prerender_in_place(
    dist: &Path,
) -> Result<(Prerendered, folio_content::in_place::Changes), PrerenderError> {
    let pages = render_all(dist)?;
    let files: Vec<(&str, &[u8])> = pages
        .iter()
        .map(|(relative, html)| (relative.as_str(), html.as_bytes()))
        .collect();
    let changes = folio_content::in_place::update_dir(dist, IN_PLACE_LIST, &files, &[])
        .map_err(|e| PrerenderError::io(&e.path, e.doing, e.source))?;
    let files = pages.into_iter().map(|(relative, _)| relative).collect();
    Ok((Prerendered { files }, changes))
}

/// Every page of the site built in `dist`: (file relative to `dist`, HTML).
fn render_all(dist: &Path) -> Result<Vec<(String, String)>, PrerenderError> {
    let shell_path = dist.join("index.html");
    let shell_html = read(&shell_path)?;
    let shell = Shell::parse(&shell_html).map_err(|source| PrerenderError::Shell {
        path: shell_path.clone(),
        source,
    })?;
    let base = shell::base_href(&shell_html);
    let manifest_path = dist.join("manifest.json");
    let manifest: Manifest = serde_json::from_str(&read(&manifest_path)?).map_err(|source| {
        PrerenderError::Manifest {
            path: manifest_path.clone(),
            source,
        }
    })?;
    let manifest = Arc::new(manifest);

    let mut files = Vec::new();
    // `url` is the route as links spell it (percent-encoded), `file` as the file system names it.
    // `head`: the page's own head elements besides those the app's `PageMeta` names.
    let mut write = |url: &str,
                     file: &str,
                     body: Option<InitialBody>,
                     head: &str|
     -> Result<(), PrerenderError> {
        let page = render_page(url, &base, manifest.clone(), body);
        let html = shell.render(&as_page(&page, &base, url, head).as_page());
        let names = match file {
            "404" => vec!["404.html".to_owned()],
            file => route_files(file),
        };
        for relative in names {
            files.push((relative, html.clone()));
        }
        Ok(())
    };

    write("/", "", None, "")?;
    for post in &manifest.posts {
        let body_path = dist.join(post_html_path(&post.slug));
        let body = InitialBody {
            slug: post.slug.clone(),
            html: read(&body_path)?,
        };
        write(
            &post_path(&post.slug),
            &format!("posts/{}", post.slug),
            Some(body),
            "",
        )?;
    }
    // One page per slug: a safe file name, and `Rust` and `rust` share it rather than overwrite
    // each other on a case-insensitive file system.
    for entry in folio_core::tags::site_tags(&manifest) {
        let feed = tag_feed_link(&manifest, &entry.tag, &entry.slug);
        write(
            &tag_path(&entry.tag),
            &format!("tags/{}", entry.slug),
            None,
            &feed,
        )?;
    }
    // A site without tags has no tags page (it would read "0 tags"): `/tags` is not found there.
    if manifest.has_tags() {
        write("/tags", "tags", None, "")?;
    }
    write("/archive", "archive", None, "")?;
    write("/search", "search", None, "")?;
    // Any other path: the not-found page (its path matches no address, so the app always draws
    // the route itself there: an old `/tags/<spelling>` link still finds its page).
    write("/404", "404", None, "")?;
    Ok(files)
}

/// A tag page's feed for feed readers and browsers (autodiscovery), relative to `<base href>`
/// like the site's feeds in `index.html`: when the tag page links it (the pipeline wrote the
/// feeds and the site wants feed links). Written here, not by the app, to keep it out of the
/// wasm; the app leaves it in place while it runs.
fn tag_feed_link(manifest: &Manifest, tag: &str, slug: &str) -> String {
    let site = &manifest.site;
    if site.base_url.is_empty() || site.feed_url.is_empty() {
        return String::new();
    }
    format!(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\">",
        html::attr(&format!("#{tag} feed")),
        html::attr(tag_feed_path(slug).trim_start_matches('/'))
    )
}

/// A drawn route as the shell's parts: the title, the head tags (and `extra_head`, written as
/// is) and the page's own path, and the body inside the prerendered root.
fn as_page(page: &RenderedPage, base: &str, route: &str, extra_head: &str) -> OwnedPage {
    let mut head = String::from(shell::PAGE_HEAD_START);
    head.extend(page.head.iter().map(|tag| tag.html()));
    head.push_str(extra_head);
    head.push_str(&format!(
        "<meta name=\"folio-path\" content=\"{}\">",
        html::attr(&format!("{}{route}", base.trim_end_matches('/')))
    ));
    head.push_str(shell::PAGE_HEAD_END);
    OwnedPage {
        title: html::text(&page.title),
        head,
        body: format!("<div {ROOT}>{}</div>", page.body),
    }
}

struct OwnedPage {
    title: String,
    head: String,
    body: String,
}

impl OwnedPage {
    fn as_page(&self) -> Page<'_> {
        Page {
            title: &self.title,
            head: &self.head,
            body: &self.body,
        }
    }
}

/// The files a route's page is written to: `<route>.html`, which GitHub Pages, Netlify and
/// Cloudflare Pages serve for `/<route>`, and `<route>/index.html`, which every host serves for
/// `/<route>/` (nginx and S3 website hosting after redirecting `/<route>` there) and which is
/// the only choice when the route's last segment has a dot (`posts/Rust-1.75.0`: hosts look
/// for `<route>.html` only when the path has no extension, and `.0` reads as one). The home
/// page is `index.html` alone.
pub fn route_files(route: &str) -> Vec<String> {
    if route.is_empty() {
        return vec!["index.html".to_owned()];
    }
    vec![format!("{route}.html"), format!("{route}/index.html")]
}

fn read(path: &Path) -> Result<String, PrerenderError> {
    fs::read_to_string(path).map_err(|e| PrerenderError::io(path, "reading", e))
}

#[cfg(test)]
mod tests {
    use super::route_files;

    #[test]
    fn every_route_is_a_file_and_a_folder() {
        assert_eq!(route_files(""), ["index.html"]);
        assert_eq!(
            route_files("posts/hello"),
            ["posts/hello.html", "posts/hello/index.html"]
        );
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
