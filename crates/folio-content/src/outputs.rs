//! The names of the files a built site holds at its root, for the writers and for the checks
//! that keep redirect pages and links from clashing with them or pointing at nothing.

use super::error::Warning;
use std::path::Path;

pub const MANIFEST: &str = "manifest.json";
pub const ATOM: &str = "atom.xml";
pub const RSS: &str = "rss.xml";
pub const SITEMAP: &str = "sitemap.xml";
pub const ROBOTS: &str = "robots.txt";
/// The folder of the posts' Markdown; `posts/<slug>` is also the app's route of a post.
pub const POSTS_DIR: &str = "posts/";
/// Folders the pipeline fills with files whose names it picks (rendered bodies, search index
/// parts named by hashes, the files beside the posts): nothing else may be written there.
pub const OWN_DIRS: &[&str] = &["bodies/", "search/", "files/"];
/// Written by Trunk and `scripts/build`, not by the pipeline, but taken all the same.
pub const TRUNK_FILES: &[&str] = &["index.html", "404.html"];

/// Where the feed of the tag whose page is `/tags/<slug>` is written: beside the page's
/// `tags/<slug>/index.html`, so its address is the page's followed by `/atom.xml`
/// ([`folio_core::site_url::tag_feed_path`]).
pub fn tag_feed_file(slug: &str) -> String {
    format!("tags/{slug}/{ATOM}")
}

/// Every fixed file name at the site's root (the feeds and sitemap even when this build skips
/// them: a redirect page there would be clobbered by the next build that has a base URL).
pub fn fixed_files() -> impl Iterator<Item = &'static str> {
    [MANIFEST, ATOM, RSS, SITEMAP, ROBOTS]
        .into_iter()
        .chain(TRUNK_FILES.iter().copied())
}

/// What the site file's `feed_url` becomes in the manifest.
///
/// - absent: `atom.xml` when the feeds are written, else nothing;
/// - empty: no feed link, on purpose;
/// - an absolute URL (`https://feeds.example/you`): another service's feed, kept as is;
/// - `atom.xml` or `rss.xml`: kept when the feeds are written; without a base URL they are not,
///   and the link is dropped with a warning rather than left pointing at a missing file;
/// - anything else would be a link to a file no build writes: an error message.
pub fn settle_feed_url(
    given: Option<&str>,
    feeds_written: bool,
    site_path: &Path,
    warnings: &mut Vec<Warning>,
) -> Result<String, String> {
    let Some(given) = given else {
        return Ok(if feeds_written {
            ATOM.to_owned()
        } else {
            String::new()
        });
    };
    let own = given.strip_prefix("./").unwrap_or(given);
    if given.is_empty() || has_scheme(given) {
        Ok(given.to_owned())
    } else if own == ATOM || own == RSS {
        if feeds_written {
            Ok(own.to_owned())
        } else {
            warnings.push(Warning::new(
                site_path,
                format!(
                    "feed_url {given:?}: no feed is written without a base URL, so the site \
                     shows no feed link"
                ),
            ));
            Ok(String::new())
        }
    } else {
        Err(format!(
            "feed_url {given:?} names no file the build writes: Folio writes {ATOM} and {RSS} \
             (relative to the site); give one of them, an absolute URL of a feed elsewhere, or \
             leave the key out"
        ))
    }
}

fn has_scheme(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settle(given: Option<&str>, written: bool) -> (Result<String, String>, usize) {
        let mut warnings = Vec::new();
        let result = settle_feed_url(given, written, Path::new("site.toml"), &mut warnings);
        (result, warnings.len())
    }

    #[test]
    fn feed_url_follows_the_feed_written() {
        assert_eq!(settle(None, true), (Ok("atom.xml".into()), 0));
        assert_eq!(settle(None, false), (Ok(String::new()), 0));
        assert_eq!(settle(Some("rss.xml"), true), (Ok("rss.xml".into()), 0));
        assert_eq!(settle(Some("./atom.xml"), true), (Ok("atom.xml".into()), 0));
        assert_eq!(settle(Some("atom.xml"), false), (Ok(String::new()), 1));
        assert_eq!(settle(Some(""), true), (Ok(String::new()), 0));
        let external = "https://feeds.example/me";
        assert_eq!(settle(Some(external), false), (Ok(external.into()), 0));
    }

    #[test]
    fn own_folders_include_the_one_the_posts_files_go_to() {
        let assets = format!("{}/", super::super::assets::ASSET_DIR);
        assert!(OWN_DIRS.contains(&assets.as_str()));
    }

    #[test]
    fn a_feed_url_that_would_404_is_refused() {
        for given in ["feed.xml", "/atom.xml", "index.xml"] {
            let (result, _) = settle(Some(given), true);
            assert!(result.unwrap_err().contains("names no file"), "{given}");
        }
    }
}
