//! One spelling per page: the addresses a static host also answers for a page, mapped to the
//! one the app routes.
//!
//! The prerendered files are named `posts/<slug>.html`, `tags.html`, `index.html`,
//! `posts/<slug>/index.html` (see `crate::prerender`), and static hosts serve them at those names
//! too, or redirect `<path>` to `<path>/`. Readers and crawlers follow such addresses; the app's
//! router only knows `/posts/<slug>`, `/tags`, `/`. So before the app routes, it replaces the
//! address with the canonical one (same page, same query and `#anchor`), and links, the canonical
//! tag and scroll memory all see one path per page.

/// The canonical spelling of `path` (a URL path as `location.pathname` gives it, still
/// percent-encoded) for a site served under `base` (`/` or `/blog/`, with its trailing slash):
/// `<page>.html`, `<page>/index.html` and `<page>/` become `<page>`, `index.html` becomes the
/// root. `None` when `path` is already canonical or is not under `base`.
pub fn canonical_path(path: &str, base: &str) -> Option<String> {
    let rest = path.strip_prefix(base)?;
    let page = if rest == "index.html" {
        ""
    } else if let Some(folder) = rest.strip_suffix("/index.html") {
        folder
    } else if let Some(page) = rest.strip_suffix(".html").filter(|p| !p.ends_with('/')) {
        page
    } else {
        rest
    };
    let canonical = format!("{base}{}", page.trim_end_matches('/'));
    (canonical != path).then_some(canonical)
}
