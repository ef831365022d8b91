//! An alias as a path inside the site: how its spellings (leading `/` or not, `%XX` escapes,
//! an absolute URL under the base URL) come to one file, and which aliases no file can answer.

use super::super::base_url::BaseUrl;

/// An alias as path segments inside the site, decoded.
pub(super) struct SitePath(Vec<String>);

impl SitePath {
    /// The app routes its file would answer: the path itself, without a trailing
    /// `index.html`; and for `x.html`, also `x`, which GitHub Pages, Netlify and Cloudflare
    /// Pages serve from `x.html`.
    pub(super) fn routes(&self) -> Vec<String> {
        let mut segments = self.0.as_slice();
        if let [dirs @ .., last] = segments {
            if last.eq_ignore_ascii_case("index.html") || last.eq_ignore_ascii_case("index.htm") {
                segments = dirs;
            }
        }
        let route = segments.join("/");
        let lower = route.to_ascii_lowercase();
        match [".html", ".htm"].iter().find(|ext| lower.ends_with(*ext)) {
            Some(ext) => vec![route[..route.len() - ext.len()].to_owned(), route],
            None => vec![route],
        }
    }

    /// The file that answers it.
    pub(super) fn file(&self) -> String {
        let joined = self.0.join("/");
        let last = self
            .0
            .last()
            .map(|s| s.to_ascii_lowercase())
            .unwrap_or_default();
        if last.ends_with(".html") || last.ends_with(".htm") {
            joined
        } else {
            format!("{joined}/index.html")
        }
    }
}

/// Reads an alias as a path inside the site; the error says why it cannot be one.
pub(super) fn site_path(alias: &str, base_url: Option<&BaseUrl>) -> Result<SitePath, String> {
    let alias = alias.trim();
    let path = if alias.contains("://") {
        let base = base_url.ok_or(
            "is an absolute URL, which needs the site's base_url to tell whether it is inside \
             the site",
        )?;
        alias
            .strip_prefix(base.as_str())
            .or_else(|| (alias == base.as_str().trim_end_matches('/')).then_some(""))
            .ok_or_else(|| format!("is outside the site's base URL {base}"))?
    } else {
        alias
    };
    if path.contains(['?', '#']) {
        return Err("has a query or fragment, which no static file can answer".to_owned());
    }
    let decoded = percent_decode(path)?;
    if decoded.contains('\\') || decoded.chars().any(char::is_control) {
        return Err("holds a backslash or a control character".to_owned());
    }
    let segments: Vec<String> = decoded
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    if segments.iter().any(|s| s == "." || s == "..") {
        return Err("has a `.` or `..` segment".to_owned());
    }
    if segments.is_empty() {
        return Err("is the home page".to_owned());
    }
    Ok(SitePath(segments))
}

/// `%XX` escapes decoded, as a server does before looking for the file.
fn percent_decode(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or("has a `%` that starts no %XX escape")?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "has %XX escapes that are not UTF-8".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(alias: &str) -> Result<(String, String), String> {
        let base: BaseUrl = "https://example.com/blog/".parse().unwrap();
        site_path(alias, Some(&base)).map(|p| (p.routes().pop().unwrap_or_default(), p.file()))
    }

    #[test]
    fn any_spelling_of_an_alias_names_one_file() {
        let dir = Ok((
            "2019/01/old".to_owned(),
            "2019/01/old/index.html".to_owned(),
        ));
        assert_eq!(path("/2019/01/old/"), dir);
        assert_eq!(path("2019/01/old"), dir);
        assert_eq!(path("//2019//01/old"), dir);
        assert_eq!(path("https://example.com/blog/2019/01/old/"), dir);
        assert_eq!(
            path("/2019/01/old/index.html").unwrap().1,
            "2019/01/old/index.html"
        );
        assert_eq!(
            path("2015/09/17/Rust-1.3.html"),
            Ok((
                "2015/09/17/Rust-1.3.html".into(),
                "2015/09/17/Rust-1.3.html".into()
            ))
        );
        assert_eq!(
            path("releases/1.3.0").unwrap().1,
            "releases/1.3.0/index.html"
        );
        assert_eq!(path("/caf%C3%A9/").unwrap().1, "café/index.html");
        assert_eq!(path("OLD.HTM").unwrap().1, "OLD.HTM");
        let base: BaseUrl = "https://example.com/".parse().unwrap();
        let routes = site_path("/a/b.html", Some(&base)).unwrap().routes();
        assert_eq!(
            routes,
            ["a/b", "a/b.html"],
            "hosts serve /a/b from a/b.html"
        );
    }

    #[test]
    fn aliases_that_cannot_be_a_file_are_refused() {
        for (alias, why) in [
            ("/", "home page"),
            ("https://example.com/blog", "home page"),
            ("https://other.example/x/", "outside the site"),
            ("https://example.com/x/", "outside the site"),
            ("/a/../b/", "`..`"),
            ("/old?id=3", "query"),
            ("/old#top", "query or fragment"),
            ("/bad%zz/", "%XX"),
            ("/bad%ff/", "UTF-8"),
            ("a\\b", "backslash"),
        ] {
            let err = path(alias).unwrap_err();
            assert!(err.contains(why), "{alias}: {err}");
        }
        assert!(site_path("https://x.example/a", None)
            .err()
            .unwrap()
            .contains("base_url"));
    }
}
