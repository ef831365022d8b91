//! Where each post lived on the old site, worked out from the generator's rules: Hugo's
//! `[permalinks]` (or `/<section>/<name>/`), Jekyll's `permalink` setting (`date`, `pretty`,
//! `none` or a pattern; `/:categories/:year/:month/:day/:title.html` by default) and Zola's
//! `/<section>/<slug>/`. Posts link each other by those addresses (`/2021/05/other-post/`,
//! `{{< baseurl >}}/blog/2021/11/05/view-types/`, `https://old.host/blog/x/`), so a link to one
//! of them is a link to that post's page here.

use std::collections::HashMap;

use serde_json::Value;

use super::site_config::{key_any_case, Generator, SiteConfig};

/// What a post's old address is made from.
pub struct PostFacts<'a> {
    /// The file's path in the content folder, `/`-separated.
    pub relative: &'a str,
    /// The front matter's `slug`, else the name from the file (date prefix cut off).
    pub slug: &'a str,
    pub title: &'a str,
    pub year: i32,
    pub month: u8,
    pub day: u8,
    /// Jekyll's categories, as written.
    pub categories: &'a [String],
}

/// The old site's path of a post (from the site's root, `/`-led), when the generator's rules
/// give one.
pub fn old_path(site: &SiteConfig, post: &PostFacts<'_>) -> Option<String> {
    let file_stem = file_name(post.relative);
    let section = post
        .relative
        .split('/')
        .next()
        .filter(|_| post.relative.contains('/'));
    let pattern = match site.generator {
        Generator::Plain => return None,
        Generator::Zola => {
            let dir = parent_dir(post.relative);
            let dir = if is_bundle(post.relative) {
                parent_dir(&dir)
            } else {
                dir
            };
            let prefix = if dir.is_empty() {
                String::new()
            } else {
                format!("/{dir}")
            };
            return Some(format!("{prefix}/{}/", zola_slug(post.slug)));
        }
        Generator::Hugo => {
            let configured = section.and_then(|s| {
                key_any_case(&site.values, "permalinks")
                    .and_then(|p| {
                        p.get(s)
                            .or_else(|| p.get("page").and_then(|page| page.get(s)))
                    })
                    .and_then(Value::as_str)
            });
            match configured {
                Some(pattern) => pattern.to_owned(),
                None => match section {
                    Some(_) => "/:sections/:slug_or_contentbasename/".to_owned(),
                    None => "/:slug_or_contentbasename/".to_owned(),
                },
            }
        }
        Generator::Jekyll => {
            let setting = site
                .values
                .get("permalink")
                .and_then(Value::as_str)
                .unwrap_or("date");
            match setting {
                "date" => "/:categories/:year/:month/:day/:title.html",
                "pretty" => "/:categories/:year/:month/:day/:title/",
                "ordinal" => "/:categories/:year/:y_day/:title.html",
                "none" => "/:categories/:title.html",
                custom => custom,
            }
            .to_owned()
        }
    };
    let sections = {
        let dir = parent_dir(post.relative);
        if is_bundle(post.relative) {
            parent_dir(&dir)
        } else {
            dir
        }
    };
    let categories = post
        .categories
        .iter()
        .map(|c| slugify(c))
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join("/");
    let mut out = String::new();
    let mut rest = pattern.as_str();
    while let Some(i) = rest.find(':') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let name = &after[..len];
        let value = match name {
            "year" => format!("{:04}", post.year),
            "month" | "i_month" if name == "month" => format!("{:02}", post.month),
            "i_month" => post.month.to_string(),
            "day" => format!("{:02}", post.day),
            "i_day" => post.day.to_string(),
            "short_year" => format!("{:02}", post.year % 100),
            "categories" => categories.clone(),
            "title" if site.generator == Generator::Jekyll => post.slug.to_owned(),
            "title" => urlize(post.title),
            "slug" if site.generator == Generator::Jekyll => post.slug.to_owned(),
            "slug" | "slug_or_contentbasename" | "slug_or_filename" => urlize(post.slug),
            "filename" | "contentbasename" => file_stem.to_owned(),
            "section" => section.unwrap_or_default().to_owned(),
            "sections" => sections.clone(),
            _ => return None,
        };
        out.push_str(&value);
        rest = &after[len..];
    }
    out.push_str(rest);
    // Empty placeholders (no categories) leave doubled slashes behind.
    let mut path = String::with_capacity(out.len());
    for c in out.chars() {
        if !(c == '/' && path.ends_with('/')) {
            path.push(c);
        }
    }
    Some(if path.starts_with('/') {
        path
    } else {
        format!("/{path}")
    })
}

/// Old paths to slugs, matched without regard to a trailing `/`, `index.html` or case.
#[derive(Debug, Default)]
pub struct OldAddresses {
    by_path: HashMap<String, String>,
    /// A bundle's old address and its folder in the content folder: the generators publish a
    /// bundle's files at its page's address (`/post/diagram.png`).
    bundles: Vec<(String, String)>,
    /// The site's taxonomies (`tags`, `categories`, `series`...): `/series/x/` is a term's page.
    taxonomies: Vec<String>,
    /// The old site's address and its path (`https://host/blog/`, `/blog/`), stripped from
    /// links before they are looked up.
    base_url: Option<String>,
    base_path: String,
}

impl OldAddresses {
    pub fn new(site: &SiteConfig, paths: impl IntoIterator<Item = (String, String)>) -> Self {
        let base_url = site
            .base_url
            .as_deref()
            .map(|u| u.trim_end_matches('/').to_owned());
        let base_path = base_url
            .as_deref()
            .and_then(|u| u.split_once("://"))
            .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_owned()))
            .unwrap_or_default();
        let by_path = paths
            .into_iter()
            .map(|(path, slug)| (normalize(&path), slug))
            .collect();
        let mut taxonomies = site.taxonomies.clone();
        taxonomies.push("tags".to_owned());
        OldAddresses {
            by_path,
            bundles: Vec::new(),
            taxonomies,
            base_url,
            base_path,
        }
    }

    /// Adds bundles: each post's old address with its bundle folder.
    pub fn with_bundles(mut self, bundles: impl IntoIterator<Item = (String, String)>) -> Self {
        // The site's root is no bundle's own address; the longest address that fits wins.
        self.bundles = bundles
            .into_iter()
            .map(|(path, dir)| (format!("{}/", normalize(&path).trim_end_matches('/')), dir))
            .filter(|(path, _)| path != "/")
            .collect();
        self.bundles
            .sort_by_key(|(path, _)| std::cmp::Reverse(path.len()));
        self
    }

    /// The content file a root path names through a bundle's old address
    /// (`/post/diagram.png` → `posts/post/diagram.png`).
    pub fn bundle_file(&self, path: &str) -> Option<String> {
        let wanted = self.site_relative(path)?;
        let lower = wanted.to_lowercase();
        self.bundles.iter().find_map(|(old, dir)| {
            lower
                .starts_with(old.as_str())
                .then(|| format!("{dir}/{}", &wanted[old.len()..]))
        })
    }

    /// The term a root path names as a taxonomy's page (`/series/rust-in-2025/`).
    pub fn taxonomy_term(&self, path: &str) -> Option<String> {
        let wanted = self.site_relative(path)?;
        let mut segments = wanted.trim_matches('/').split('/');
        let (taxonomy, term) = (segments.next()?, segments.next()?);
        (segments.next().is_none() && self.taxonomies.iter().any(|t| t == taxonomy))
            .then(|| term.to_owned())
    }

    /// A root path (or one under the old site's address) from the old site's root, `/`-led.
    fn site_relative(&self, path: &str) -> Option<String> {
        let path = path.split(['?', '#']).next()?;
        if let Some(base) = &self.base_url {
            if let Some(rest) = path.strip_prefix(base.as_str()) {
                return Some(format!("/{}", rest.trim_start_matches('/')));
            }
        }
        if !path.starts_with('/') || path.starts_with("//") {
            return None;
        }
        Some(match path.strip_prefix(self.base_path.as_str()) {
            Some(rest) if !self.base_path.is_empty() => {
                format!("/{}", rest.trim_start_matches('/'))
            }
            _ => path.to_owned(),
        })
    }

    /// The slug of the post a link (`/2021/05/x/`, `https://old.host/x/#y`) names, and its
    /// fragment.
    pub fn find<'a>(&self, link: &'a str) -> Option<(&str, &'a str)> {
        let (path, fragment) = match link.find('#') {
            Some(i) => (&link[..i], &link[i..]),
            None => (link, ""),
        };
        let path = path.split('?').next().unwrap_or(path);
        let mut candidates = Vec::new();
        if let Some(base) = &self.base_url {
            let lower = path.to_ascii_lowercase();
            let base_lower = base.to_ascii_lowercase();
            let without_scheme = |u: &str| u.split_once("://").map(|(_, r)| r.to_owned());
            if let (Some(l), Some(b)) = (without_scheme(&lower), without_scheme(&base_lower)) {
                let b = b.trim_start_matches("www.");
                let l = l.trim_start_matches("www.");
                if let Some(rest) = l.strip_prefix(b) {
                    candidates.push(rest.to_owned());
                }
            }
        }
        if path.starts_with('/') && !path.starts_with("//") {
            candidates.push(path.to_owned());
            if !self.base_path.is_empty() {
                if let Some(rest) = path.strip_prefix(self.base_path.as_str()) {
                    candidates.push(rest.to_owned());
                }
            }
        }
        candidates
            .iter()
            .find_map(|c| self.by_path.get(&normalize(c)))
            .map(|slug| (slug.as_str(), fragment))
    }
}

fn normalize(path: &str) -> String {
    let path = path.trim();
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let path = path.strip_suffix(".html").unwrap_or(path);
    format!("/{}", path.trim_matches('/')).to_lowercase()
}

/// Lowercase, every run of characters other than letters and digits one `-`, as the
/// generators make URL names.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

/// Hugo's `urlize`: lowercased, spaces to `-`, letters, digits, `-`, `_` and `.` kept.
fn urlize(text: &str) -> String {
    text.trim()
        .chars()
        .filter_map(|c| match c {
            c if c.is_whitespace() => Some('-'),
            c if c.is_alphanumeric() || "-_.".contains(c) => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Zola's slug: lowercased, non-alphanumerics to `-` (its default `on` strategy).
fn zola_slug(name: &str) -> String {
    slugify(name)
}

fn is_bundle(relative: &str) -> bool {
    relative
        .rsplit('/')
        .next()
        .is_some_and(|n| n.starts_with("index."))
}

fn file_name(relative: &str) -> &str {
    let name = relative.rsplit('/').next().unwrap_or(relative);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    if stem == "index" {
        let dir = parent_dir_str(relative);
        return dir.rsplit('/').next().unwrap_or(dir);
    }
    stem
}

fn parent_dir_str(relative: &str) -> &str {
    relative.rsplit_once('/').map_or("", |(d, _)| d)
}

fn parent_dir(relative: &str) -> String {
    parent_dir_str(relative).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(generator: Generator, settings: &str) -> SiteConfig {
        SiteConfig {
            generator,
            values: serde_json::from_str(settings).unwrap(),
            base_url: Some("https://old.host/blog/".to_owned()),
            ..SiteConfig::default()
        }
    }

    fn facts<'a>(relative: &'a str, slug: &'a str, categories: &'a [String]) -> PostFacts<'a> {
        PostFacts {
            relative,
            slug,
            title: "What's New?",
            year: 2024,
            month: 3,
            day: 5,
            categories,
        }
    }

    #[test]
    fn each_generators_rules() {
        let cats = ["Rust".to_owned(), "Web Dev".to_owned()];
        let jekyll = site(Generator::Jekyll, "{}");
        let post = facts("_posts/2024-03-05-new.md", "new", &cats);
        assert_eq!(
            old_path(&jekyll, &post).as_deref(),
            Some("/rust/web-dev/2024/03/05/new.html")
        );
        let pretty = site(Generator::Jekyll, r#"{"permalink": "pretty"}"#);
        assert_eq!(
            old_path(&pretty, &facts("_posts/2024-03-05-new.md", "new", &[])).as_deref(),
            Some("/2024/03/05/new/")
        );
        let hugo = site(
            Generator::Hugo,
            r#"{"permalinks": {"blog": "/:year/:month/:title/"}}"#,
        );
        assert_eq!(
            old_path(&hugo, &facts("blog/x/index.md", "x", &[])).as_deref(),
            Some("/2024/03/whats-new/")
        );
        assert_eq!(
            old_path(&hugo, &facts("notes/v0.5.0 Notes.md", "v0.5.0 Notes", &[])).as_deref(),
            Some("/notes/v0.5.0-notes/"),
            "Hugo's default, urlized: dots kept"
        );
        let zola = site(Generator::Zola, "{}");
        assert_eq!(
            old_path(&zola, &facts("posts/2024/x/index.md", "x", &[])).as_deref(),
            Some("/posts/2024/x/")
        );
        assert_eq!(old_path(&SiteConfig::default(), &post), None);
    }

    #[test]
    fn links_by_old_address_bundle_files_and_term_pages() {
        let mut hugo = site(Generator::Hugo, "{}");
        hugo.taxonomies = vec!["series".to_owned()];
        let old = OldAddresses::new(&hugo, [("/posts/x/".to_owned(), "x".to_owned())])
            .with_bundles([
                ("/".to_owned(), "home".to_owned()),
                ("/posts/".to_owned(), "posts".to_owned()),
                ("/posts/x/".to_owned(), "posts/x".to_owned()),
            ]);
        assert_eq!(old.find("/posts/x#part"), Some(("x", "#part")));
        assert_eq!(old.find("/blog/posts/x/index.html"), Some(("x", "")));
        assert_eq!(
            old.find("https://www.old.host/blog/posts/X/"),
            Some(("x", ""))
        );
        assert_eq!(old.find("/posts/y/"), None);
        assert_eq!(
            old.bundle_file("/posts/x/a b.png").as_deref(),
            Some("posts/x/a b.png")
        );
        assert_eq!(
            old.taxonomy_term("/series/Intro/").as_deref(),
            Some("Intro")
        );
        assert_eq!(old.taxonomy_term("/tags/rust/").as_deref(), Some("rust"));
        assert_eq!(old.taxonomy_term("/about/me/"), None);
    }
}
