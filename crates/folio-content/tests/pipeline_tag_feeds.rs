#![cfg(not(target_arch = "wasm32"))]
//! A feed per tag (`tags/<slug>/atom.xml`), read back as feed readers read it.

mod common;

use std::fs;

use atom_syndication::Feed;
use common::{toml_post, Fixture};
use folio_content::build;

const SITE: &str = "author = \"Ann Author\"\nbase_url = \"https://example.com/blog/\"\n";

/// Posts given out of order, tags in several spellings, a draft carrying a tag.
fn fixture(site: &str) -> Fixture {
    let fx = Fixture::new();
    fx.write("site.toml", site);
    let post = |file: &str, title: &str, date: &str, tags: &str, body: &str| {
        fx.write(
            file,
            toml_post(title, date, &format!("tags = [{tags}]"), body),
        );
    };
    post("b.md", "Bee", "2023-02-02", "\"rust\"", "See [a](a.md).\n");
    post(
        "a.md",
        "Ay",
        "2024-05-01",
        "\"Rust\", \"web\"",
        "![chart](chart.png) and [top](#x).\n",
    );
    fx.write("chart.png", b"not really a png");
    post("c.md", "Sea", "2022-03-03", "\"go\"", "Go.\n");
    post("e.md", "Ee", "2021-01-01", "\"C++\", \"rust\"", "Old.\n");
    fx.write(
        "draft.md",
        toml_post(
            "Draft",
            "2024-01-01",
            "draft = true\ntags = [\"rust\"]",
            "Not yet.\n",
        ),
    );
    fx
}

fn feed(fx: &Fixture, file: &str) -> Feed {
    let text = fs::read_to_string(fx.out().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{file} is not XML: {e}"));
    text.parse()
        .unwrap_or_else(|e| panic!("{file}: atom_syndication cannot read it: {e}"))
}

fn ids(feed: &Feed) -> Vec<&str> {
    feed.entries().iter().map(|e| e.id()).collect()
}

#[test]
fn each_tag_has_a_feed_of_exactly_its_posts_newest_first() {
    let fx = fixture(SITE);
    build(&fx.options()).expect("build");
    let rust = feed(&fx, "tags/rust/atom.xml");
    assert_eq!(
        ids(&rust),
        [
            "https://example.com/blog/posts/a",
            "https://example.com/blog/posts/b",
            "https://example.com/blog/posts/e"
        ],
        "every spelling of the tag, newest first, no draft"
    );
    assert_eq!(
        ids(&feed(&fx, "tags/go/atom.xml")),
        ["https://example.com/blog/posts/c"]
    );
    assert_eq!(
        ids(&feed(&fx, "tags/c-plus-plus/atom.xml")),
        ["https://example.com/blog/posts/e"]
    );
    assert_eq!(
        ids(&feed(&fx, "tags/web/atom.xml")),
        ["https://example.com/blog/posts/a"]
    );
    let feeds: Vec<String> = fx
        .written()
        .into_iter()
        .filter(|p| p.starts_with("out/tags/"))
        .collect();
    assert_eq!(
        feeds,
        [
            "out/tags/c-plus-plus/atom.xml",
            "out/tags/go/atom.xml",
            "out/tags/rust/atom.xml",
            "out/tags/web/atom.xml"
        ]
    );
}

#[test]
fn a_tag_feed_names_itself_its_page_and_only_absolute_urls() {
    let fx = fixture(SITE);
    build(&fx.options()).expect("build");
    let rust = feed(&fx, "tags/rust/atom.xml");
    assert!(
        rust.title().as_str().starts_with('#'),
        "{}",
        rust.title().as_str()
    );
    assert!(rust.title().as_str().ends_with("Ann Author"));
    assert_eq!(rust.id(), "https://example.com/blog/tags/rust");
    let link = |rel: &str| {
        rust.links()
            .iter()
            .find(|l| l.rel() == rel)
            .unwrap_or_else(|| panic!("a {rel} link"))
            .href()
            .to_owned()
    };
    assert_eq!(link("self"), "https://example.com/blog/tags/rust/atom.xml");
    assert_eq!(link("alternate"), "https://example.com/blog/tags/rust");
    assert_eq!(rust.updated().to_rfc3339(), "2024-05-01T00:00:00+00:00");

    // Every URL in the feed, its entries' content included, is absolute.
    let a = &rust.entries()[0];
    let html = a.content().and_then(|c| c.value()).expect("full content");
    assert!(
        html.contains("src=\"https://example.com/blog/files/chart.png\""),
        "{html}"
    );
    assert!(
        html.contains("href=\"https://example.com/blog/posts/a#x\""),
        "{html}"
    );
    for entry in rust.entries() {
        assert!(entry.links()[0]
            .href()
            .starts_with("https://example.com/blog/posts/"));
    }
    let categories: Vec<&str> = a.categories().iter().map(|c| c.term()).collect();
    assert_eq!(categories, ["Rust", "web"]);
}

#[test]
fn tag_feeds_keep_the_feed_limit_and_follow_the_base_url() {
    let fx = fixture(&format!("{SITE}feed_limit = 2\n"));
    build(&fx.options()).expect("build");
    assert_eq!(
        ids(&feed(&fx, "tags/rust/atom.xml")),
        [
            "https://example.com/blog/posts/a",
            "https://example.com/blog/posts/b"
        ]
    );

    // No base URL: no feeds at all (they need absolute URLs), the tags' neither.
    let fx = fixture("author = \"Ann Author\"\n");
    build(&fx.options()).expect("build");
    assert!(fx.written().iter().all(|p| !p.ends_with("atom.xml")));
}

#[test]
fn the_sitemap_lists_no_feed_and_an_alias_cannot_take_a_tag_feed() {
    let fx = fixture(SITE);
    build(&fx.options()).expect("build");
    let sitemap = fs::read_to_string(fx.out().join("sitemap.xml")).expect("sitemap");
    assert!(sitemap.contains("https://example.com/blog/tags/rust<"));
    assert!(!sitemap.contains("atom.xml"), "{sitemap}");

    let fx = fixture(SITE);
    fx.write(
        "alias.md",
        toml_post(
            "Alias",
            "2020-01-01",
            "aliases = [\"/tags/go/atom.xml\"]",
            "x\n",
        ),
    );
    let error = fx.error().to_string();
    assert!(error.contains("tags/go/atom.xml"), "{error}");
}
