#![cfg(not(target_arch = "wasm32"))]
//! sitemap.xml and robots.txt, and where the base URL comes from: the site file, `--base-url`,
//! `--base-path`, or nowhere.

mod common;

use std::fs;

use common::{toml_post, Fixture};
use folio_content::{build, Options};

const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

fn fixture(site: &str) -> Fixture {
    let fx = Fixture::new();
    fx.write("site.toml", site);
    fx.write(
        "a.md",
        toml_post("A", "2024-01-10", "tags = [\"rust\", \"ci/cd\"]", "A.\n"),
    );
    fx.write(
        "b.md",
        toml_post(
            "B",
            "2023-02-02",
            "updated = 2024-03-01\ntags = [\"rust\"]",
            "B.\n",
        ),
    );
    fx.write("c d.md", toml_post("C", "2022-05-05", "", "C.\n"));
    fx
}

/// (loc, lastmod) of every `<url>`, checking the document's shape on the way.
fn sitemap(fx: &Fixture) -> Vec<(String, Option<String>)> {
    let text = fs::read_to_string(fx.out().join("sitemap.xml")).expect("sitemap.xml");
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(root.tag_name().namespace(), Some(SITEMAP_NS));
    root.children()
        .filter(|n| n.is_element())
        .map(|url| {
            assert_eq!(url.tag_name().name(), "url");
            let child = |name: &str| {
                url.children()
                    .find(|c| c.tag_name().name() == name)
                    .and_then(|c| c.text())
                    .map(str::to_owned)
            };
            (child("loc").expect("every url has a loc"), child("lastmod"))
        })
        .collect()
}

#[test]
fn sitemap_lists_every_page_with_absolute_urls_and_lastmod() {
    let fx = fixture("base_url = \"https://example.com/blog/\"\n");
    build(&fx.options()).expect("build");
    let urls = sitemap(&fx);
    let entry = |loc: &str, lastmod: &str| (loc.to_owned(), Some(lastmod.to_owned()));
    assert_eq!(
        urls,
        [
            entry("https://example.com/blog/", "2024-03-01"),
            entry("https://example.com/blog/archive", "2024-03-01"),
            entry("https://example.com/blog/tags", "2024-03-01"),
            entry("https://example.com/blog/posts/a", "2024-01-10"),
            entry("https://example.com/blog/posts/b", "2024-03-01"),
            entry("https://example.com/blog/posts/c%20d", "2022-05-05"),
            entry("https://example.com/blog/tags/ci-cd", "2024-01-10"),
            entry("https://example.com/blog/tags/rust", "2024-03-01"),
        ]
    );
    for (loc, _) in &urls {
        let parsed = url::Url::parse(loc).expect("absolute URL");
        assert!(loc.starts_with("https://example.com/blog/"), "{loc}");
        assert_eq!(parsed.as_str(), loc, "already in normal form");
    }
}

#[test]
fn robots_points_to_the_sitemap() {
    let fx = fixture("base_url = \"https://example.com/blog/\"\n");
    build(&fx.options()).expect("build");
    let robots = fs::read_to_string(fx.out().join("robots.txt")).unwrap();
    assert_eq!(
        robots,
        "User-agent: *\nAllow: /\n\nSitemap: https://example.com/blog/sitemap.xml\n"
    );
}

#[test]
fn without_a_base_url_there_is_no_sitemap_and_robots_names_none() {
    let fx = fixture("author = \"A\"\n");
    let report = build(&fx.options()).expect("the site still builds");
    assert_eq!(report.manifest.site.base_url, "");
    assert!(!fx.out().join("sitemap.xml").exists());
    let robots = fs::read_to_string(fx.out().join("robots.txt")).unwrap();
    assert!(!robots.contains("Sitemap"), "{robots}");
    assert!(report
        .warnings
        .iter()
        .any(|w| w.message.contains("no base_url")));
}

/// The base URL a build ends up with, and what the sitemap's home entry says.
fn settle(site: &str, tweak: impl FnOnce(&mut Options)) -> (String, String, Vec<String>) {
    let fx = fixture(site);
    let mut options = fx.options();
    tweak(&mut options);
    let report = build(&options).expect("build");
    let warnings = report.warnings.iter().map(|w| w.message.clone()).collect();
    let home = sitemap(&fx).remove(0).0;
    (report.manifest.site.base_url, home, warnings)
}

#[test]
fn base_url_and_base_path_combine_into_one_address() {
    let site = "base_url = \"https://site.example\"\n";
    let (url, home, _) = settle(site, |_| {});
    assert_eq!(
        (url.as_str(), home.as_str()),
        ("https://site.example/", "https://site.example/")
    );

    // --base-url wins over the site file.
    let (url, _, _) = settle(site, |o| {
        o.base_url = Some("https://cli.example/x".parse().unwrap())
    });
    assert_eq!(url, "https://cli.example/x/");

    // --base-path (scripts/build --base-path /blog/) puts the site under that path.
    let (url, home, warnings) = settle(site, |o| o.base_path = Some("/blog/".parse().unwrap()));
    assert_eq!(
        (url.as_str(), home.as_str()),
        ("https://site.example/blog/", "https://site.example/blog/")
    );
    assert!(
        !warnings.iter().any(|w| w.contains("--base-path")),
        "{warnings:?}"
    );

    // A sub-path in the base URL that --base-path contradicts: the build's path wins, warned.
    let (url, _, warnings) = settle("base_url = \"https://site.example/old/\"\n", |o| {
        o.base_path = Some("/".parse().unwrap())
    });
    assert_eq!(url, "https://site.example/");
    assert!(warnings.iter().any(|w| w.contains("/old/")), "{warnings:?}");
}

#[test]
fn a_bad_base_url_stops_the_build_with_its_line() {
    let fx = fixture("author = \"A\"\nbase_url = \"/blog/\"\n");
    let err = build(&fx.options()).unwrap_err();
    assert_eq!(err.line(), Some(2));
    assert!(err.to_string().contains("absolute URL"), "{err}");
}
