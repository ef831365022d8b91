//! A post's old addresses, each to become a redirect page (see [`super::aliases`]): its
//! `aliases`, then where it lived on the old site: Zola's `path`, Hugo's `url`, Jekyll's
//! `permalink`.
//!
//! A Jekyll permalink may be a pattern (`/:year/:title/`) that only Jekyll, with its site
//! settings, can fill in; such a one is skipped with a warning rather than turned into a
//! redirect from a made-up address.

use std::path::Path;

use super::error::Warning;
use super::front_matter::{key_line, FrontMatter, RawFrontMatter};

/// The old addresses, each once, in the order above; `warnings` gets one per pattern skipped.
pub fn old_urls(
    front: &FrontMatter,
    raw: &RawFrontMatter<'_>,
    path: &Path,
    warnings: &mut Vec<Warning>,
) -> Vec<String> {
    let mut urls: Vec<String> = Vec::with_capacity(front.aliases.len() + 1);
    let mut add = |url: &str| {
        if !urls.iter().any(|u| u == url) {
            urls.push(url.to_owned());
        }
    };
    for alias in &front.aliases {
        add(alias);
    }
    if let Some(zola_path) = &front.path {
        add(zola_path);
    }
    for (key, value) in [("url", &front.url), ("permalink", &front.permalink)] {
        let Some(value) = value else { continue };
        match placeholder(value) {
            None => add(value),
            Some(name) => warnings.push(Warning {
                path: path.to_owned(),
                line: key_line(raw, key),
                message: format!(
                    "{key} {value:?} is a pattern (`:{name}`) only the old generator can fill \
                     in: no redirect from it"
                ),
            }),
        }
    }
    urls
}

/// The first `:name` placeholder in an address, not counting a URL's `scheme://`.
fn placeholder(url: &str) -> Option<&str> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    path.match_indices(':').find_map(|(at, _)| {
        let rest = &path[at + 1..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        rest[..len]
            .starts_with(|c: char| c.is_ascii_alphabetic())
            .then(|| &rest[..len])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_are_found_and_plain_addresses_are_not() {
        assert_eq!(placeholder("/:year/:title/"), Some("year"));
        assert_eq!(placeholder("/blog/:categories/x.html"), Some("categories"));
        assert_eq!(placeholder("/2019/01/old-post/"), None);
        assert_eq!(placeholder("https://example.com/old/"), None);
        assert_eq!(placeholder("https://example.com/:slug/"), Some("slug"));
        assert_eq!(placeholder("/time-10:30/"), None);
    }
}
