#![cfg(not(target_arch = "wasm32"))]
//! Old URLs: every alias (and Zola `path`) becomes a redirect page to its post, at the file a
//! static host serves for that URL; clashes stop the build and name both sides.

mod common;

use std::fs;

use common::{toml_post, Fixture};
use folio_content::build;

fn post(title: &str, aliases: &str) -> String {
    toml_post(
        title,
        "2024-01-01",
        &format!("aliases = [{aliases}]"),
        "Body.\n",
    )
}

fn page(fx: &Fixture, file: &str) -> String {
    fs::read_to_string(fx.out().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// Where the redirect page at `file` sends the reader (the refresh URL, checked against the
/// visible link).
fn target(fx: &Fixture, file: &str) -> String {
    let html = page(fx, file);
    let refresh = html
        .split("content=\"0; url=")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no refresh in {file}: {html}"))
        .to_owned();
    assert!(
        html.contains(&format!("<a href=\"{refresh}\">")),
        "the visible link goes where the refresh goes: {html}"
    );
    refresh
}

#[test]
fn every_spelling_of_an_alias_gets_its_redirect_page() {
    let fx = Fixture::new();
    fx.write("site.toml", "base_url = \"https://example.com/\"\n");
    fx.write(
        "new.md",
        post(
            "New & improved",
            r#""/2019/01/old-post/", "old.html", "releases/1.3.0", "https://example.com/abs/path", "/caf%C3%A9/""#,
        ),
    );
    fx.write(
        "zola.md",
        "+++\ntitle = \"Zola\"\npath = \"2015/09/17/zola\"\ndate = 2015-09-17\n+++\nZ.\n",
    );
    let report = build(&fx.options()).expect("build");
    assert_eq!(report.redirects.len(), 6);
    for file in [
        "2019/01/old-post/index.html",
        "old.html",
        "releases/1.3.0/index.html",
        "abs/path/index.html",
        "café/index.html",
    ] {
        assert_eq!(target(&fx, file), "/posts/new", "{file}");
    }
    assert_eq!(target(&fx, "2015/09/17/zola/index.html"), "/posts/zola");

    let html = page(&fx, "old.html");
    assert!(
        html.contains(r#"<link rel="canonical" href="https://example.com/posts/new">"#),
        "{html}"
    );
    assert!(html.contains("<title>New &amp; improved</title>"), "{html}");
    assert!(html.contains(r#"<meta name="robots" content="noindex">"#));
    assert!(!html.contains("<script"), "the CSP forbids inline script");
}

#[test]
fn under_a_sub_path_redirects_stay_under_it() {
    let fx = Fixture::new();
    fx.write("site.toml", "base_url = \"https://example.com/blog/\"\n");
    fx.write("new.md", post("New", r#""/old/""#));
    build(&fx.options()).expect("build");
    assert_eq!(target(&fx, "old/index.html"), "/blog/posts/new");
    assert!(page(&fx, "old/index.html").contains(r#"href="https://example.com/blog/posts/new""#));

    // No base URL, only --base-path: the path is still right, the canonical link is a path too.
    let fx = Fixture::new();
    fx.write("new.md", post("New", r#""/old/""#));
    let mut options = fx.options();
    options.base_path = Some("/blog/".parse().unwrap());
    build(&options).expect("build");
    assert_eq!(target(&fx, "old/index.html"), "/blog/posts/new");
    assert!(
        page(&fx, "old/index.html").contains(r#"<link rel="canonical" href="/blog/posts/new">"#)
    );
}

#[test]
fn a_post_naming_one_old_url_twice_gets_one_page() {
    let fx = Fixture::new();
    fx.write(
        "z.md",
        "+++\ntitle = \"Z\"\npath = \"2015/01/01/z\"\naliases = [\"/2015/01/01/z/\", \"2015/01/01/z\"]\n+++\n",
    );
    let report = build(&fx.options()).expect("build");
    assert_eq!(report.redirects.len(), 1);
    assert_eq!(target(&fx, "2015/01/01/z/index.html"), "/posts/z");
}

/// Builds and expects an alias error naming `file` and containing every `needle`; nothing
/// may have been written.
fn expect_clash(fx: &Fixture, file: &str, needles: &[&str]) {
    let err = build(&fx.options()).expect_err("the alias must be refused");
    let text = err.to_string();
    assert!(text.contains(file), "names {file}: {text}");
    for needle in needles {
        assert!(text.contains(needle), "{needle:?} in {text}");
    }
    assert!(!fx.out().exists(), "nothing written: {text}");
}

#[test]
fn two_posts_claiming_one_old_url_are_both_named() {
    let fx = Fixture::new();
    fx.write("a.md", post("A", r#""/old/""#));
    fx.write("b.md", post("B", r#""old""#));
    expect_clash(&fx, "b.md", &["\"old\"", "a.md", "old/index.html"]);

    // Names that differ only in case are one file on macOS and Windows.
    let fx = Fixture::new();
    fx.write("a.md", post("A", r#""Old.html""#));
    fx.write("b.md", post("B", r#""old.html""#));
    expect_clash(&fx, "b.md", &["a.md"]);
}

#[test]
fn an_alias_may_not_take_a_file_or_page_of_the_site() {
    for (alias, needle) in [
        ("/posts/other/", "the post /posts/other"),
        ("/Posts/Other", "the post /posts/other"),
        ("/posts/other.html", "the post /posts/other"),
        ("/tags.html", "the page /tags"),
        ("/tags/t/", "the tag page /tags/t"),
        ("/archive/", "the page /archive"),
        ("/index.html", "the page /"),
        ("/404.html", "would overwrite 404.html"),
        ("/atom.xml/x/", "the file atom.xml"),
        ("/manifest.json", "the file manifest.json"),
        ("/posts/other.md/x", "the file posts/other.md"),
        ("/search/", "the page /search"),
        ("/search/a/b.html", "search/, which the build fills"),
        ("/bodies/other.html", "bodies/"),
        ("/files/x/", "files/"),
        ("/?p=12", "query"),
        ("/", "home page"),
    ] {
        let fx = Fixture::new();
        fx.write("a.md", post("A", &format!("{alias:?}")));
        fx.write(
            "other.md",
            toml_post("Other", "2024-01-02", "tags = [\"t\"]", ""),
        );
        expect_clash(&fx, "a.md", &[alias, needle]);
    }
}
