#![cfg(not(target_arch = "wasm32"))]
//! Tag pages end to end on the native side: a tag's page is `/tags/<slug>`, and the sitemap, the
//! prerendered files, every prerendered link to it and the alias check all name that one address.
//! Tags whose slugs are equal (`Rust`, `rust`) are one page.

#[path = "../../folio-content/tests/common/mod.rs"]
mod common;

use std::fs;

use common::{toml_post, Fixture};
use folio_content::build;

/// A Trunk-built `index.html` as far as the prerenderer cares: title, head, body, base.
const SHELL: &str = "<!DOCTYPE html><html><head><base href=\"/blog/\"><title>Folio</title>\
                     </head><body><noscript>Needs JavaScript.</noscript></body></html>";

/// Three posts, newest first: `new` tagged `ci/cd`, `C#`, `?q`; `mid` tagged `Rust` and `rust`;
/// `old` tagged `rust` and `C`. Built under `https://example.com/blog/`, then prerendered.
fn built(extra_post: Option<(&str, &str)>) -> Fixture {
    let fx = Fixture::new();
    fx.write("site.toml", "base_url = \"https://example.com/blog/\"\n");
    fx.write(
        "new.md",
        "---\ntitle: New\ndate: 2024-03-03\ntags: [\"ci/cd\", \"C#\", \"?q\"]\n---\nNew.\n",
    );
    fx.write(
        "mid.md",
        toml_post("Mid", "2024-02-02", "tags = [\"Rust\", \"rust\"]", "Mid.\n"),
    );
    fx.write(
        "old.md",
        toml_post("Old", "2024-01-01", "tags = [\"rust\", \"C\"]", "Old.\n"),
    );
    if let Some((name, text)) = extra_post {
        fx.write(name, text);
    }
    build(&fx.options()).expect("build");
    fs::write(fx.out().join("index.html"), SHELL).expect("write the shell");
    folio_build::prerender::prerender(&fx.out()).expect("prerender");
    fx
}

fn read(fx: &Fixture, relative: &str) -> String {
    fs::read_to_string(fx.out().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// The `href`s of the links with `data-testid="tag-link"` in a page, in order.
fn tag_links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in html.match_indices("data-testid=\"tag-link\"") {
        let start = html[..at].rfind("<a ").expect("in an <a>");
        let tag = &html[start..at];
        let href = tag.split("href=\"").nth(1).expect("an href");
        out.push(href[..href.find('"').unwrap()].to_owned());
    }
    out
}

#[test]
fn each_slug_gets_one_prerendered_page_listing_all_its_posts() {
    let fx = built(None);
    let mut pages: Vec<String> = fs::read_dir(fx.out().join("tags"))
        .expect("tags/")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        // Each page as `<slug>.html` and `<slug>/index.html` (hosts that serve only folders).
        [
            "c",
            "c-sharp",
            "c-sharp.html",
            "c.html",
            "ci-cd",
            "ci-cd.html",
            "index.html",
            "q",
            "q.html",
            "rust",
            "rust.html"
        ]
    );

    let rust = read(&fx, "tags/rust.html");
    // `Rust` on one post, `rust` on two: shown as `rust`, with both posts.
    assert!(
        rust.contains("<span class=\"tag-name\">#rust</span>"),
        "{rust}"
    );
    assert!(rust.contains("<p class=\"count\">2 posts</p>"), "{rust}");
    assert!(rust.contains("href=\"/blog/posts/mid\""), "{rust}");
    assert!(rust.contains("href=\"/blog/posts/old\""), "{rust}");
    assert!(
        rust.contains("<link rel=\"canonical\" href=\"https://example.com/blog/tags/rust\">"),
        "{rust}"
    );
    let ci = read(&fx, "tags/ci-cd.html");
    assert!(
        ci.contains("<span class=\"tag-name\">#ci/cd</span>"),
        "{ci}"
    );
    assert!(ci.contains("https://example.com/blog/tags/ci-cd\""), "{ci}");
    // `C#` and `C` are different tags.
    assert!(read(&fx, "tags/c-sharp.html").contains("#C#"));
    assert!(read(&fx, "tags/c.html").contains("href=\"/blog/posts/old\""));
    assert!(!read(&fx, "tags/c.html").contains("href=\"/blog/posts/new\""));
}

#[test]
fn prerendered_links_lead_to_the_slug_pages() {
    let fx = built(None);
    assert_eq!(
        tag_links(&read(&fx, "posts/new.html")),
        ["/blog/tags/ci-cd", "/blog/tags/c-sharp", "/blog/tags/q"]
    );
    // A post listing `Rust` and `rust` links the shared page once, in its first spelling.
    let mid = read(&fx, "posts/mid.html");
    assert_eq!(tag_links(&mid), ["/blog/tags/rust"]);
    assert!(mid.contains(">#Rust</a>"), "{mid}");

    let tags = read(&fx, "tags.html");
    assert_eq!(
        tag_links(&tags),
        // Most posts first, then by the shown spelling (`?q` before `C`).
        [
            "/blog/tags/rust",
            "/blog/tags/q",
            "/blog/tags/c",
            "/blog/tags/c-sharp",
            "/blog/tags/ci-cd",
        ]
    );
    assert!(tags.contains("5 tags across 3 posts."), "{tags}");
    assert!(
        tags.contains(">#rust</a> <span data-testid=\"count\" class=\"count\">2 posts</span>"),
        "{tags}"
    );
}

#[test]
fn the_sitemap_names_each_slug_page_once() {
    let fx = built(None);
    let sitemap = read(&fx, "sitemap.xml");
    let tag_locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|s| &s[..s.find("</loc>").unwrap()])
        .filter(|loc| loc.contains("/tags/"))
        .collect();
    assert_eq!(
        tag_locs,
        [
            "https://example.com/blog/tags/c",
            "https://example.com/blog/tags/c-sharp",
            "https://example.com/blog/tags/ci-cd",
            "https://example.com/blog/tags/q",
            "https://example.com/blog/tags/rust",
        ]
    );
    // Every page the sitemap names was written.
    for loc in tag_locs {
        let slug = loc.rsplit('/').next().unwrap();
        assert!(
            fx.out().join(format!("tags/{slug}.html")).is_file(),
            "{loc}"
        );
    }
}

#[test]
fn an_alias_may_not_take_a_tag_page_by_slug_or_old_spelling() {
    for alias in ["/tags/ci-cd/", "/tags/C-Sharp", "/tags/RUST/index.html"] {
        let fx = Fixture::new();
        fx.write(
            "a.md",
            toml_post("A", "2024-01-01", &format!("aliases = [{alias:?}]"), "A.\n"),
        );
        fx.write(
            "b.md",
            toml_post(
                "B",
                "2024-01-02",
                "tags = [\"CI/CD\", \"C#\", \"Rust\"]",
                "B.\n",
            ),
        );
        let err = build(&fx.options()).expect_err(alias).to_string();
        assert!(err.contains("the tag page /tags/"), "{alias}: {err}");
    }
}

#[test]
fn non_ascii_tags_keep_their_letters() {
    let fx = built(Some((
        "intl.md",
        &toml_post(
            "Intl",
            "2023-06-06",
            "tags = [\"Café\", \"数据库\"]",
            "I.\n",
        ),
    )));
    assert!(fx.out().join("tags/café.html").is_file());
    assert!(fx.out().join("tags/数据库.html").is_file());
    assert_eq!(
        tag_links(&read(&fx, "posts/intl.html")),
        [
            "/blog/tags/caf%C3%A9",
            "/blog/tags/%E6%95%B0%E6%8D%AE%E5%BA%93"
        ]
    );
    let sitemap = read(&fx, "sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://example.com/blog/tags/caf%C3%A9</loc>"),
        "{sitemap}"
    );
}

#[test]
fn each_tag_page_names_and_links_its_feed_and_the_feed_is_there() {
    let fx = built(None);
    for slug in ["rust", "c-sharp", "ci-cd", "c"] {
        let page = read(&fx, &format!("tags/{slug}.html"));
        let feed = format!("tags/{slug}/atom.xml");
        // In the head, for feed readers (relative to `<base href>`, like the site's feeds)...
        let head = &page[..page.find("</head>").expect("a head")];
        let named = format!(" feed\" href=\"{feed}\">");
        let start = "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"#";
        assert!(head.contains(start), "{head}");
        assert!(head.contains(&named), "{head}");
        // ...as a link on the page, under the base path...
        let link = format!("rel=\"external\" href=\"/blog/{feed}\" data-testid=\"tag-feed\"");
        assert!(page.contains(&link), "{slug}: {page}");
        // ...and the file is published.
        let atom = read(&fx, &feed);
        assert!(atom.contains("<feed"), "{atom}");
    }
    // Every link of every page leads somewhere (the feed links included).
    let checked = folio_build::site_check::check(&fx.out()).expect("check");
    assert!(checked.broken.is_empty(), "{:?}", checked.broken);

    // A site without feed links (`feed_url = ""`) names no tag feed either.
    let fx = Fixture::new();
    fx.write(
        "site.toml",
        "base_url = \"https://example.com/\"\nfeed_url = \"\"\n",
    );
    fx.write(
        "a.md",
        toml_post("A", "2024-01-01", "tags = [\"x\"]", "A.\n"),
    );
    build(&fx.options()).expect("build");
    fs::write(fx.out().join("index.html"), SHELL).expect("write the shell");
    folio_build::prerender::prerender(&fx.out()).expect("prerender");
    assert!(!read(&fx, "tags/x.html").contains("atom.xml"));
}
