//! Old URLs keep working: each post's `aliases` (Zola, Hugo), and its address on the old site
//! (Zola's `path`, Hugo's `url`, Jekyll's `permalink`: see [`super::old_urls`]), become static
//! redirect pages that send the reader to the post. An old address that is the post's own new
//! one (`/posts/<slug>`) is skipped.
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

mod site_path;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use super::base_url::{BasePath, BaseUrl};
use super::error::BuildError;
use super::outputs::{self, OWN_DIRS, POSTS_DIR};
use folio_core::model::{post_body_path, Manifest};
use folio_core::site_url;
use folio_core::tags::tag_slug;
use folio_markdown::html::escape;
use site_path::site_path;

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
    // The tags' feeds (even when this build writes no feeds, like the site's own above).
    for entry in folio_core::tags::site_tags(manifest) {
        taken.insert(outputs::tag_feed_file(&entry.slug), Owner::Site);
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
            let routes: Vec<String> = path.routes().iter().map(|r| r.to_lowercase()).collect();
            // An old address that is already the post's own (a Hugo `url: /posts/<slug>/`)
            // needs no redirect.
            let own = format!("{POSTS_DIR}{}", post.slug).to_lowercase();
            if routes.contains(&own) {
                continue;
            }
            if let Some(page) = routes.iter().find_map(|r| pages.get(r)) {
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
