//! Where the site lives: its absolute base URL (for feeds, the sitemap and canonical links) and
//! the URL path it is served under (for redirect pages, and the app's `<base href>`).
//!
//! The base URL comes from `base_url` in the site file, or `folio-build --base-url`, which wins.
//! Its path is the deploy sub-path: `https://you.github.io/blog/` means the site is served
//! under `/blog/`. `--base-path` (what `scripts/build --base-path` passes, the same value Trunk
//! writes into `<base href>`) replaces that path, so the two can never disagree; the build warns
//! when it had to replace a sub-path the base URL named.

use std::fmt;
use std::str::FromStr;

use url::Url;

/// An absolute `http(s)` URL with a host and no query, fragment or credentials, its path
/// ending in `/`. Normalised as browsers do (lowercase scheme and host, default port dropped).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl(Url);

/// A URL path in `/a/b/` form: leading and trailing slash, no empty, `.` or `..` segments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasePath(String);

impl FromStr for BaseUrl {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let mut url = Url::parse(text).map_err(|e| {
            format!("{text:?} is not an absolute URL ({e}); give one like https://example.com/")
        })?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(format!("{text:?} must be an http:// or https:// URL"));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(format!("{text:?} has no host name"));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(format!("{text:?} must not carry a user name or password"));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(format!(
                "{text:?} must not have a query (?) or fragment (#)"
            ));
        }
        let path = BasePath::from_str(url.path())
            .map_err(|e| format!("the path of {text:?} is not usable: {e}"))?;
        url.set_path(path.as_str());
        Ok(BaseUrl(url))
    }
}

impl BaseUrl {
    /// The URL, ending in `/`.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// Its path, in `/a/b/` form.
    pub fn path(&self) -> &str {
        self.0.path()
    }

    /// The same site under another path.
    pub fn with_path(&self, path: &BasePath) -> BaseUrl {
        let mut url = self.0.clone();
        url.set_path(path.as_str());
        BaseUrl(url)
    }

    /// The parsed URL, to resolve relative references against.
    pub fn url(&self) -> &Url {
        &self.0
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for BasePath {
    type Err = String;

    /// `blog`, `/blog`, `/blog/` and `//blog//` all mean `/blog/`; `` and `/` mean the root.
    fn from_str(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if let Some(bad) = text
            .chars()
            .find(|c| matches!(c, '?' | '#' | '\\') || c.is_whitespace() || c.is_control())
        {
            return Err(format!("the path {text:?} must not contain {bad:?}"));
        }
        let segments: Vec<&str> = text.split('/').filter(|s| !s.is_empty()).collect();
        if segments.iter().any(|s| *s == "." || *s == "..") {
            return Err(format!(
                "the path {text:?} must not contain `.` or `..` segments"
            ));
        }
        let mut path = String::from("/");
        for segment in segments {
            path.push_str(segment);
            path.push('/');
        }
        Ok(BasePath(path))
    }
}

impl BasePath {
    /// The root path, `/`.
    pub fn root() -> Self {
        BasePath("/".to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BasePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The settled address of the site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Base {
    /// `None` when neither the site file nor the command line gave a base URL.
    pub url: Option<BaseUrl>,
    /// The path the site is served under: the base URL's path, or `--base-path`, or `/`.
    pub path: BasePath,
}

/// Settles the base from the site file's `base_url`, `--base-url` (wins over the site file) and
/// `--base-path` (replaces the URL's path). The message, if any, is a warning: a sub-path the
/// base URL named was replaced.
pub fn resolve(
    site_file: Option<BaseUrl>,
    cli_url: Option<BaseUrl>,
    cli_path: Option<BasePath>,
) -> (Base, Option<String>) {
    let url = cli_url.or(site_file);
    match (url, cli_path) {
        (Some(url), Some(path)) if url.path() != path.as_str() => {
            let replaced = url.with_path(&path);
            // A base URL at the root says nothing about sub-paths: only a real conflict warns.
            let warning = (url.path() != "/").then(|| {
                format!(
                    "base URL {url} names the path {}, but the site is built for {path} \
                     (--base-path): using {replaced}",
                    url.path()
                )
            });
            let base = Base {
                url: Some(replaced),
                path,
            };
            (base, warning)
        }
        (Some(url), _) => {
            let path = BasePath(url.path().to_owned());
            (
                Base {
                    url: Some(url),
                    path,
                },
                None,
            )
        }
        (None, path) => (
            Base {
                url: None,
                path: path.unwrap_or_else(BasePath::root),
            },
            None,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> BaseUrl {
        text.parse().unwrap()
    }

    fn path(text: &str) -> BasePath {
        text.parse().unwrap()
    }

    #[test]
    fn base_urls_are_normalised_with_a_trailing_slash() {
        assert_eq!(url("https://example.com").as_str(), "https://example.com/");
        assert_eq!(
            url(" HTTPS://Example.COM:443/blog ").as_str(),
            "https://example.com/blog/"
        );
        assert_eq!(
            url("http://localhost:8080//a//b").as_str(),
            "http://localhost:8080/a/b/"
        );
        assert_eq!(url("https://example.com/blog").path(), "/blog/");
        assert_eq!(
            url("https://example.com/a/../b").as_str(),
            "https://example.com/b/"
        );
    }

    #[test]
    fn unusable_base_urls_say_why() {
        for (text, why) in [
            ("example.com", "not an absolute URL"),
            ("/blog/", "not an absolute URL"),
            ("ftp://example.com/", "http:// or https://"),
            ("mailto:me@example.com", "http:// or https://"),
            ("https://me:pw@example.com/", "user name"),
            ("https://example.com/?x=1", "query"),
            ("https://example.com/#top", "fragment"),
        ] {
            let err = BaseUrl::from_str(text).unwrap_err();
            assert!(err.contains(why), "{text}: {err}");
        }
    }

    #[test]
    fn base_paths_take_any_slash_spelling() {
        assert_eq!(path("").as_str(), "/");
        assert_eq!(path("/").as_str(), "/");
        assert_eq!(path("blog").as_str(), "/blog/");
        assert_eq!(path("//blog//x/").as_str(), "/blog/x/");
        assert!(BasePath::from_str("/a/../b").is_err());
        assert!(BasePath::from_str("/a b/").is_err());
        assert!(BasePath::from_str("/a?b").is_err());
    }

    #[test]
    fn command_line_wins_and_base_path_replaces_the_url_path() {
        let site = Some(url("https://site.example/"));
        let cli = Some(url("https://cli.example/"));

        let (base, warning) = resolve(site.clone(), None, None);
        assert_eq!(base.url.unwrap().as_str(), "https://site.example/");
        assert_eq!((base.path.as_str(), warning), ("/", None));

        let (base, _) = resolve(site.clone(), cli, None);
        assert_eq!(base.url.unwrap().as_str(), "https://cli.example/");

        // A root base URL plus a sub-path: the usual project-page build, no warning.
        let (base, warning) = resolve(site.clone(), None, Some(path("/blog/")));
        assert_eq!(base.url.unwrap().as_str(), "https://site.example/blog/");
        assert_eq!((base.path.as_str(), warning), ("/blog/", None));

        // The base URL's own sub-path is the deploy path when no --base-path is given.
        let (base, _) = resolve(Some(url("https://x.example/blog")), None, None);
        assert_eq!(base.path.as_str(), "/blog/");

        // Both name a sub-path and disagree: --base-path wins, with a warning.
        let (base, warning) = resolve(
            Some(url("https://x.example/old/")),
            None,
            Some(path("/new/")),
        );
        assert_eq!(base.url.unwrap().as_str(), "https://x.example/new/");
        assert!(warning.unwrap().contains("/old/"));

        // The same path twice is no conflict.
        let (_, warning) = resolve(Some(url("https://x.example/b/")), None, Some(path("b")));
        assert_eq!(warning, None);

        // No base URL: only the path is known.
        let (base, warning) = resolve(None, None, Some(path("/blog/")));
        assert_eq!(
            (base.url, base.path.as_str(), warning),
            (None, "/blog/", None)
        );
        let (base, _) = resolve(None, None, None);
        assert_eq!(base.path.as_str(), "/");
    }
}
