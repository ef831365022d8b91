//! Checks a built site folder the way `zola check` checks a Zola site: every internal link,
//! anchor and image of every HTML file must name something the folder has. Pages are read as
//! the browser reads them: relative URLs against the site's base (the `<base href>` of its
//! `index.html`, `/` without one), `/`-led ones against the host, fragments against the ids of
//! the page they land on. A host maps `/x` to `x.html` or `x/index.html`, as the deploy notes
//! require. Without prerendered pages (a folder `folio-build` alone wrote), the app's routes
//! are the data behind them: `posts/<slug>` is `bodies/<slug>.html`.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use folio_content::link_check::{ids, is_external, percent_decode, references};

/// A reference that names nothing in the site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    /// The page it is on, relative to the site folder.
    pub page: String,
    pub url: String,
    pub why: &'static str,
}

impl fmt::Display for Broken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.page, self.url, self.why)
    }
}

/// What a check found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checked {
    pub pages: usize,
    pub references: usize,
    pub broken: Vec<Broken>,
}

/// Checks every HTML file under `site` (see the module documentation).
pub fn check(site: &Path) -> std::io::Result<Checked> {
    let mut pages = Vec::new();
    collect_html(site, Path::new(""), &mut pages)?;
    pages.sort();
    let base = base_path(site);
    let prerendered = site.join("index.html").is_file();
    let mut ids_of: HashMap<PathBuf, std::collections::HashSet<String>> = HashMap::new();
    let mut checked = Checked {
        pages: pages.len(),
        ..Checked::default()
    };
    for page in &pages {
        let html = std::fs::read_to_string(site.join(page))?;
        let page_name = page.to_string_lossy().replace('\\', "/");
        // Relative URLs go against the `<base href>` of pages that have one (and of the bodies,
        // which the app shows under it), else against the page's own folder.
        let folder = if html.contains("<base ") || page_name.starts_with("bodies/") {
            String::new()
        } else {
            page_name
                .rsplit_once('/')
                .map_or("", |(dir, _)| dir)
                .to_owned()
        };
        for reference in references(&html) {
            let url = reference.url;
            if url.is_empty() || is_external(&url) {
                continue;
            }
            checked.references += 1;
            let (path, fragment) = match url.split_once('#') {
                Some((path, fragment)) => (path, fragment),
                None => (url.as_str(), ""),
            };
            let path = path.split('?').next().unwrap_or_default();
            let target = if path.is_empty() {
                Some(page.clone())
            } else {
                match site_path(path, &base, &folder) {
                    Some(relative) => resolve(site, &relative, prerendered),
                    None => None,
                }
            };
            let Some(target) = target else {
                checked.broken.push(Broken {
                    page: page_name.clone(),
                    url: url.clone(),
                    why: "no such file or page",
                });
                continue;
            };
            let is_html = target.extension().is_some_and(|e| e == "html");
            if fragment.is_empty() || !is_html || target.as_os_str().is_empty() {
                continue;
            }
            if !ids_of.contains_key(&target) {
                let text = std::fs::read_to_string(site.join(&target)).unwrap_or_default();
                ids_of.insert(target.clone(), ids(&text));
            }
            let target_ids = &ids_of[&target];
            if !target_ids.contains(fragment) && !target_ids.contains(&percent_decode(fragment)) {
                checked.broken.push(Broken {
                    page: page_name.clone(),
                    url: url.clone(),
                    why: "no such anchor",
                });
            }
        }
    }
    Ok(checked)
}

/// The site-relative path a URL path names (`/`-separated, no leading `/`), or `None` when it
/// leaves the site (a `/`-led path outside the base, `..` above the root).
fn site_path(path: &str, base: &str, folder: &str) -> Option<String> {
    let decoded = percent_decode(path);
    let relative = match decoded.strip_prefix('/') {
        Some(_) => decoded.strip_prefix(base)?.to_owned(),
        None if folder.is_empty() => decoded,
        None => format!("{folder}/{decoded}"),
    };
    let mut segments: Vec<&str> = Vec::new();
    for segment in relative.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            s => segments.push(s),
        }
    }
    let mut joined = segments.join("/");
    if relative.ends_with('/') && !joined.is_empty() {
        joined.push('/');
    }
    Some(joined)
}

/// The file a site path is served from, as a static host maps it.
fn resolve(site: &Path, relative: &str, prerendered: bool) -> Option<PathBuf> {
    let trimmed = relative.trim_end_matches('/');
    let mut candidates = vec![
        PathBuf::from(trimmed),
        PathBuf::from(format!("{trimmed}.html")),
        Path::new(trimmed).join("index.html"),
    ];
    if trimmed.is_empty() {
        candidates = vec![PathBuf::from("index.html")];
    }
    if let Some(found) = candidates
        .into_iter()
        .find(|c| !c.as_os_str().is_empty() && site.join(c).is_file())
    {
        return Some(found);
    }
    if prerendered {
        return None;
    }
    // Only the data: the app's routes stand on it.
    if let Some(slug) = trimmed.strip_prefix("posts/") {
        let body = PathBuf::from(format!("bodies/{slug}.html"));
        return site.join(&body).is_file().then_some(body);
    }
    let app_route = trimmed.is_empty()
        || matches!(trimmed, "tags" | "archive" | "search")
        || trimmed.starts_with("tags/");
    app_route.then(PathBuf::new)
}

/// The path of `<base href>` in the site's `index.html`, `/`-led and `/`-ended; `/` without one.
fn base_path(site: &Path) -> String {
    let html = std::fs::read_to_string(site.join("index.html")).unwrap_or_default();
    let href = html
        .find("<base ")
        .and_then(|at| {
            let tag = &html[at..at + html[at..].find('>')?];
            let start = tag.find("href=\"")? + 6;
            Some(tag[start..start + tag[start..].find('"')?].to_owned())
        })
        .unwrap_or_else(|| "/".to_owned());
    // `https://host/blog/` or `/blog/`: its path.
    let path = match href.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]).to_owned(),
        None => href,
    };
    let path = format!("/{}/", path.trim_matches('/'));
    path.replace("//", "/")
}

fn collect_html(root: &Path, relative: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(root.join(relative))? {
        let entry = entry?;
        let path = relative.join(entry.file_name());
        let kind = entry.file_type()?;
        if kind.is_dir() {
            collect_html(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_paths_resolve_against_the_base() {
        assert_eq!(
            site_path("files/a.png", "/", "").as_deref(),
            Some("files/a.png")
        );
        assert_eq!(
            site_path("/blog/posts/x", "/blog/", "").as_deref(),
            Some("posts/x")
        );
        assert_eq!(site_path("/other/x", "/blog/", "").as_deref(), None);
        assert_eq!(
            site_path("a/../b/./c%20d", "/", "").as_deref(),
            Some("b/c d")
        );
        assert_eq!(site_path("../x", "/", "").as_deref(), None);
        assert_eq!(
            site_path("/2019/01/old/", "/", "a").as_deref(),
            Some("2019/01/old/")
        );
        assert_eq!(
            site_path("../posts/x", "/", "old").as_deref(),
            Some("posts/x")
        );
    }
}
