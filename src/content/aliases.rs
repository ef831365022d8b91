//! Old URLs keep working: each post's `aliases` (Zola, Hugo), and Zola's `path` (the post's
//! address on the old site), become static redirect pages that send the reader to the post.
//!
//! An alias is a path inside the site, whatever its spelling: `/2019/01/old-post/`,
//! `2019/01/old-post`, `old.html`, `releases/1.3.0`, or an absolute URL under the base URL. A
//! leading `/` means the site's root, not the host's (as in Zola and Hugo), so under a sub-path
//! `/old/` is served at `/blog/old/`. A path ending in `.html` or `.htm` is written as that file;
//! any other becomes `<alias>/index.html`, which static hosts serve for `<alias>/` and (GitHub
//! Pages, Netlify, nginx's `try_files $uri/`) for `<alias>`.
//!
//! A redirect page is plain HTML: `<meta http-equiv="refresh">` to the post (a path from the
//! host's root, so it works on any host the site is copied to), `<link rel="canonical">` to the
//! post's absolute URL so search engines move their entry, and a visible link for anyone whose
//! browser does not follow refreshes. No script: the site's CSP forbids inline script anyway.
//!
//! An alias that would overwrite another output file, shadow a page of the app (a post, a tag,
//! home) or take the same file as another alias stops the build, naming both.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use super::base_url::{BasePath, BaseUrl};
use super::error::BuildError;
use super::outputs::{self, OWN_DIRS, POSTS_DIR};
use super::xml::escape;
use crate::model::{post_body_path, Manifest};
use crate::site_url;
use crate::tags::tag_slug;

/// One redirect page to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redirect {
    /// The file, relative to the site's root: `2019/01/old/index.html`, `old.html`.
    pub file: String,
    /// The alias as the author wrote it.
    pub alias: String,
    /// The post it leads to.
    pub slug: String,
}

/// A post's aliases, and the file that declares them (for errors).
pub struct PostAliases<'a> {
    pub slug: &'a str,
    pub source: &'a Path,
    pub aliases: &'a [String],
}

/// Plans one redirect page per distinct alias, checking every clash. `manifest` gives the app's
/// pages (posts, tags) that an alias must not shadow.
pub fn plan(
    posts: &[PostAliases<'_>],
    manifest: &Manifest,
    base_url: Option<&BaseUrl>,
) -> Result<Vec<Redirect>, BuildError> {
    let pages = app_pages(manifest);
    let mut taken = Taken::default();
    for fixed in outputs::fixed_files() {
        taken.insert(fixed.to_owned(), Owner::Site);
    }
    for post in &manifest.posts {
        taken.insert(post_body_path(&post.slug), Owner::Site);
    }

    let mut redirects = Vec::new();
    for post in posts {
        for alias in post.aliases {
            let error = |message: String| BuildError::Alias {
                path: post.source.to_owned(),
                alias: alias.clone(),
                message,
            };
            let path = site_path(alias, base_url).map_err(error)?;
            if let Some(page) = path
                .routes()
                .iter()
                .find_map(|r| pages.get(&r.to_lowercase()))
            {
                return Err(error(format!(
                    "is the address of {page}, which it would hide behind a redirect"
                )));
            }
            let file = path.file();
            if let Some(dir) = OWN_DIRS
                .iter()
                .find(|d| file.to_lowercase().starts_with(*d))
            {
                return Err(error(format!(
                    "would be written into {dir}, which the build fills with its own files"
                )));
            }
            match taken.claim(&file, Owner::Post(post.source, post.slug)) {
                Ok(true) => redirects.push(Redirect {
                    file,
                    alias: alias.clone(),
                    slug: post.slug.to_owned(),
                }),
                Ok(false) => {} // the same post names this address twice (alias and `path`)
                Err(clash) => return Err(error(clash)),
            }
        }
    }
    Ok(redirects)
}

/// The redirect page for `redirect`: refresh and visible link to the post's path under
/// `base_path`, canonical link to its absolute URL (or that path without a base URL).
pub fn page(
    redirect: &Redirect,
    title: &str,
    base_path: &BasePath,
    base_url: Option<&BaseUrl>,
) -> Vec<u8> {
    let post_path = site_url::post_path(&redirect.slug);
    let target = format!(
        "{}{}",
        base_path.as_str(),
        post_path.trim_start_matches('/')
    );
    let canonical = base_url
        .and_then(|b| site_url::absolute(b.as_str(), &post_path))
        .unwrap_or_else(|| target.clone());
    let (title, target, canonical) = (escape(title), escape(&target), escape(&canonical));
    format!(
        "<!DOCTYPE html>\n\
         <html lang=\"en\">\n\
         <head>\n\
         <meta charset=\"utf-8\">\n\
         <title>{title}</title>\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={target}\">\n\
         </head>\n\
         <body>\n\
         <p>This page has moved to <a href=\"{target}\">{title}</a>.</p>\n\
         </body>\n\
         </html>\n"
    )
    .into_bytes()
}

/// An alias as path segments inside the site, decoded.
struct SitePath(Vec<String>);

impl SitePath {
    /// The app routes its file would answer: the path itself, without a trailing
    /// `index.html`; and for `x.html`, also `x`, which GitHub Pages, Netlify and Cloudflare
    /// Pages serve from `x.html`.
    fn routes(&self) -> Vec<String> {
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
    fn file(&self) -> String {
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
fn site_path(alias: &str, base_url: Option<&BaseUrl>) -> Result<SitePath, String> {
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

/// The app's pages by lowercased route, with a description for errors.
fn app_pages(manifest: &Manifest) -> HashMap<String, String> {
    let mut pages = HashMap::new();
    for route in ["", "archive", "tags", "search"] {
        pages.insert(route.to_owned(), format!("the page /{route}"));
    }
    for post in &manifest.posts {
        let route = format!("{}{}", POSTS_DIR, post.slug);
        pages.insert(route.to_lowercase(), format!("the post /{route}"));
    }
    for tag in manifest.posts.iter().flat_map(|p| &p.tags) {
        let page = format!("the tag page /tags/{}", tag_slug(tag));
        // The page's own address, and the tag's spelling, which the app still answers for
        // links made before tag pages were named by slug (unless it spans segments: `ci/cd`).
        if !tag.contains('/') {
            pages.insert(format!("tags/{tag}").to_lowercase(), page.clone());
        }
        pages.insert(format!("tags/{}", tag_slug(tag)), page);
    }
    pages
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Owner<'a> {
    /// A file of the site itself.
    Site,
    /// A redirect page for this post (declared in this file).
    Post(&'a Path, &'a str),
}

/// Files and folders taken so far, by lowercased path: two names that differ only in case are
/// one file on macOS and Windows, so the build refuses them everywhere.
#[derive(Default)]
struct Taken<'a> {
    files: HashMap<String, (String, Owner<'a>)>,
    dirs: BTreeSet<String>,
}

impl<'a> Taken<'a> {
    fn insert(&mut self, file: String, owner: Owner<'a>) {
        let key = file.to_lowercase();
        for (i, _) in key.match_indices('/') {
            self.dirs.insert(key[..i].to_owned());
        }
        self.files.insert(key, (file, owner));
    }

    /// Takes `file` for `owner`: `Ok(false)` if the same owner already has it, an error naming
    /// the other owner on any clash (same file, or a file where a folder must be).
    fn claim(&mut self, file: &str, owner: Owner<'a>) -> Result<bool, String> {
        let key = file.to_lowercase();
        if let Some((existing, other)) = self.files.get(&key) {
            return match other {
                o if *o == owner => Ok(false),
                Owner::Site => Err(format!("would overwrite {existing}, a file of the site")),
                Owner::Post(source, slug) => Err(format!(
                    "needs the file {file}, which is already the redirect for an alias of \
                     {slug:?} ({})",
                    source.display()
                )),
            };
        }
        if self.dirs.contains(&key) {
            return Err(format!("needs the file {file} where the site has a folder"));
        }
        for (i, _) in key.match_indices('/') {
            if let Some((existing, _)) = self.files.get(&key[..i]) {
                return Err(format!(
                    "needs a folder where the site has the file {existing}"
                ));
            }
        }
        self.insert(file.to_owned(), owner);
        Ok(true)
    }
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

    #[test]
    fn redirect_page_refreshes_links_and_names_the_canonical_url() {
        let redirect = Redirect {
            file: "old/index.html".into(),
            alias: "/old/".into(),
            slug: "new post".into(),
        };
        let base_url: BaseUrl = "https://example.com/blog/".parse().unwrap();
        let base_path: BasePath = "/blog/".parse().unwrap();
        let html =
            String::from_utf8(page(&redirect, "A <b> & c", &base_path, Some(&base_url))).unwrap();
        assert!(
            html.contains(r#"<meta http-equiv="refresh" content="0; url=/blog/posts/new%20post">"#),
            "{html}"
        );
        assert!(
            html.contains(
                r#"<link rel="canonical" href="https://example.com/blog/posts/new%20post">"#
            ),
            "{html}"
        );
        assert!(
            html.contains(r#"<a href="/blog/posts/new%20post">A &lt;b&gt; &amp; c</a>"#),
            "{html}"
        );
        assert!(!html.contains("<script"));
        let html = String::from_utf8(page(&redirect, "T", &BasePath::root(), None)).unwrap();
        assert!(
            html.contains(r#"<link rel="canonical" href="/posts/new%20post">"#),
            "{html}"
        );
    }
}
