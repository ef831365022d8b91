//! The site's public addresses: absolute URLs of its pages, built from the configured base URL.
//!
//! Shared by the pipeline (feeds, sitemap, redirect pages) and the app (canonical link,
//! `og:url`), so a page has exactly one address everywhere it is named. Pure string work: no
//! URL parser is needed because the base URL is checked once by the pipeline
//! (`content::base_url`) and written to the manifest already normalised.

/// The app path of a post's page (`/posts/<slug>`), its slug percent-encoded as a path segment.
pub fn post_path(slug: &str) -> String {
    format!("/posts/{}", encode_segment(slug))
}

/// The app path of a tag's page, `/tags/<slug>`, for the tag in any of its spellings
/// (`CI/CD` → `/tags/ci-cd`, see [`crate::tags::tag_slug`]), the slug percent-encoded as a path
/// segment (`Café` → `/tags/caf%C3%A9`).
pub fn tag_path(tag: &str) -> String {
    format!("/tags/{}", encode_segment(&crate::tags::tag_slug(tag)))
}

/// The app path of a tag's Atom feed, `/tags/<slug>/atom.xml`, from the tag's slug (as
/// [`crate::tags::tag_slug`] gives it), percent-encoded like [`tag_path`]. The pipeline writes
/// the file at the same path unencoded.
pub fn tag_feed_path(slug: &str) -> String {
    format!("/tags/{}/atom.xml", encode_segment(slug))
}

/// `base_url` (absolute, ending in `/`) joined with an app path (`/posts/x`, `/`, or a file
/// such as `atom.xml`): `https://example.com/blog/` + `/posts/x` is
/// `https://example.com/blog/posts/x`. The path must already be encoded (see
/// [`post_path`], [`tag_path`]). `None` when the site has no base URL.
pub fn absolute(base_url: &str, path: &str) -> Option<String> {
    if base_url.is_empty() {
        return None;
    }
    let base = base_url.trim_end_matches('/');
    Some(format!("{base}/{}", path.trim_start_matches('/')))
}

/// Percent-encodes one path segment the way a browser's address bar shows it, plus `/` and `%`
/// so the segment stays one segment and a literal `%` survives: control characters, space,
/// `"`, `#`, `%`, `/`, `<`, `>`, `?`, `` ` ``, `{`, `}` and every non-ASCII byte. Letters,
/// digits and the rest of ASCII punctuation (`+`, `.`, `~`, `:`...) stay as they are, so
/// `c++` is `c++` in the canonical URL exactly as in the app's links.
pub fn encode_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        let keep = byte.is_ascii_graphic()
            && !matches!(
                byte,
                b'"' | b'#' | b'%' | b'/' | b'<' | b'>' | b'?' | b'`' | b'{' | b'}'
            );
        if keep {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_base_and_path_with_one_slash() {
        let base = "https://example.com/blog/";
        assert_eq!(
            absolute(base, "/posts/x").as_deref(),
            Some("https://example.com/blog/posts/x")
        );
        assert_eq!(
            absolute(base, "/").as_deref(),
            Some("https://example.com/blog/")
        );
        assert_eq!(
            absolute("https://example.com/", "atom.xml").as_deref(),
            Some("https://example.com/atom.xml")
        );
        assert_eq!(absolute("", "/posts/x"), None);
    }

    #[test]
    fn encodes_what_a_path_segment_cannot_hold() {
        assert_eq!(encode_segment("c++"), "c++");
        assert_eq!(encode_segment("Rust-1.3"), "Rust-1.3");
        assert_eq!(encode_segment("ci/cd"), "ci%2Fcd");
        assert_eq!(encode_segment("a b?#%"), "a%20b%3F%23%25");
        assert_eq!(encode_segment("café"), "caf%C3%A9");
        assert_eq!(tag_path("CI/CD"), "/tags/ci-cd");
        assert_eq!(tag_path("C#"), "/tags/c-sharp");
        assert_eq!(tag_path("Café"), "/tags/caf%C3%A9");
        assert_eq!(post_path("x y"), "/posts/x%20y");
    }
}
